"""The first program to run inside a grading kernel's fresh namespaces (see sandbox.py).

    python sandbox_entry.py --hide DIR ... --keep DIR ... -- COMMAND ...

Lays an empty, private file system over every --hide folder, puts each --keep folder back
where it was (so the kernel still finds Python, its packages and its working folder), then
runs COMMAND in place. Only the standard library is used: this runs before the kernel's
Python environment is of any concern, and must start fast.
"""
import ctypes
import os
import sys

MS_BIND = 4096
MS_REC = 16384

_libc = ctypes.CDLL(None, use_errno=True)


def _mount(source, target, fstype, flags, options=None):
    encode = lambda s: s.encode() if s is not None else None  # noqa: E731
    if _libc.mount(encode(source), encode(target), encode(fstype), flags, encode(options)) != 0:
        errno = ctypes.get_errno()
        raise OSError(errno, f"cannot mount over {target}: {os.strerror(errno)}")


def _inside(path, folder):
    return path == folder or path.startswith(folder.rstrip("/") + "/")


def main(argv):
    split = argv.index("--")
    options, command = argv[:split], argv[split + 1:]
    hide = [options[i + 1] for i, o in enumerate(options) if o == "--hide"]
    keep = [options[i + 1] for i, o in enumerate(options) if o == "--keep"]
    # Open the folders to keep before they disappear under the empty ones; the handles
    # are closed on exec (Python opens files close-on-exec).
    handles = {path: os.open(path, os.O_PATH | os.O_DIRECTORY) for path in keep if os.path.isdir(path)}
    for folder in sorted(hide, key=len):
        if os.path.isdir(folder):
            _mount("tmpfs", folder, "tmpfs", 0, "size=16m,mode=755")
    for path in sorted(handles, key=len):
        if any(_inside(path, folder) for folder in hide):
            os.makedirs(path, exist_ok=True)
            _mount(f"/proc/self/fd/{handles[path]}", path, None, MS_BIND | MS_REC)
    os.execvp(command[0], command)


if __name__ == "__main__":
    main(sys.argv[1:])
