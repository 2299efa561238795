"""The launcher of a grading kernel: builds its confinement, then becomes the kernel.

    python -I -S sandbox_entry.py --scratch-mib N --control DIR [--home DIR]
        [--hide DIR]... [--keep DIR]... -- COMMAND...

It starts in the grader's own user and makes new user, mount, network, PID and IPC
namespaces. A helper left outside maps one id into the user namespace: the kernel's user,
KERNEL_ID inside, which is `nobody` (65534) on the machine when the grader runs as root,
else the grader's own unprivileged user. Root is not mapped at all. The first process of
the new PID namespace then, still holding the namespace's capabilities:
- lays a read-only empty file system over each --hide folder (the repository, other
  temporary folders, the class's submissions and results) and puts each --keep folder
  back (the Python environment, lessons/, grader/), read-only;
- makes every mount read-only and nosuid;
- mounts one size-capped in-memory file system (--scratch-mib) at /tmp and binds its
  folders over /var/tmp, /dev/shm and the home folder: the only places the kernel can
  write, gone with the namespace when the kernel ends;
- binds the grader's control folder (connection file, check inputs) read-only at
  CONTROL_INSIDE, and makes WORK_INSIDE, the kernel's working folder, a mount point
  so that the kernel cannot swap it for a link;
- drops to KERNEL_ID with no capabilities and no way to gain any (no_new_privs), and
  executes COMMAND.
The launcher stays outside as the parent, so the grader reaches the kernel's files at
/proc/<launcher pid>/root (sandbox.py). Only the standard library: this runs before the
kernel's Python environment is of any concern, and must start fast. On failure it writes
one line, "confinement failed: ...", to stderr and exits 125.
"""
import ctypes
import os
import signal
import sys

KERNEL_ID = 1000                    # the kernel's user and group id inside its namespace
NOBODY = 65534                      # what KERNEL_ID is on the machine when the grader is root
WORK_INSIDE = "/tmp/work"           # the kernel's working folder, inside its namespace
CONTROL_INSIDE = "/tmp/.grader"     # the grader's control folder, read-only, inside
FAILED = 125

CLONE_NEWNS, CLONE_NEWUSER, CLONE_NEWPID, CLONE_NEWNET, CLONE_NEWIPC = (
    0x00020000, 0x10000000, 0x20000000, 0x40000000, 0x08000000)
MS_NOSUID, MS_NODEV, MS_NOEXEC, MS_BIND, MS_REC, MS_PRIVATE = 2, 4, 8, 4096, 16384, 1 << 18
MOUNT_ATTR_RDONLY, MOUNT_ATTR_NOSUID, AT_RECURSIVE, AT_FDCWD = 0x1, 0x2, 0x8000, -100
SYS_MOUNT_SETATTR = 442             # the same number on every Linux architecture
PR_SET_PDEATHSIG, PR_SET_NO_NEW_PRIVS = 1, 38

_libc = ctypes.CDLL(None, use_errno=True)


class MountAttr(ctypes.Structure):
    _fields_ = [("attr_set", ctypes.c_uint64), ("attr_clr", ctypes.c_uint64),
                ("propagation", ctypes.c_uint64), ("userns_fd", ctypes.c_uint64)]


def _check(result, what):
    if result == -1:
        errno = ctypes.get_errno()
        raise OSError(errno, f"{what}: {os.strerror(errno)}")


def _mount(source, target, fstype, flags, options=None):
    encode = lambda s: s.encode() if s is not None else None  # noqa: E731
    _check(_libc.mount(encode(source), encode(target), encode(fstype), flags, encode(options)),
           f"cannot mount on {target}")


def _read_only(path):
    """Make the mount at `path` and every mount below it read-only and nosuid."""
    attributes = MountAttr(attr_set=MOUNT_ATTR_RDONLY | MOUNT_ATTR_NOSUID)
    _check(_libc.syscall(SYS_MOUNT_SETATTR, AT_FDCWD, path.encode(), AT_RECURSIVE,
                         ctypes.byref(attributes), ctypes.sizeof(attributes)),
           f"cannot make {path} read-only (mount_setattr needs Linux 5.12 or later)")


def _bind(source, target, read_only=False):
    _mount(source, target, None, MS_BIND | MS_REC)
    if read_only:
        _read_only(target)


def _inside(path, folder):
    return path == folder or path.startswith(folder.rstrip("/") + "/")


def _id_maps(pid):
    """Written by the helper outside: the kernel's id, and nothing else, in the namespace."""
    if os.geteuid() == 0:
        outer_uid = outer_gid = NOBODY
    else:
        outer_uid, outer_gid = os.geteuid(), os.getegid()
    with open(f"/proc/{pid}/setgroups", "w") as f:
        f.write("deny")
    with open(f"/proc/{pid}/uid_map", "w") as f:
        f.write(f"{KERNEL_ID} {outer_uid} 1\n")
    with open(f"/proc/{pid}/gid_map", "w") as f:
        f.write(f"{KERNEL_ID} {outer_gid} 1\n")


def _enter_namespaces():
    """Move this process into new namespaces, with the id maps written from outside."""
    go_read, go_write = os.pipe()
    helper = os.fork()
    if helper == 0:
        os.close(go_write)
        os.read(go_read, 1)  # wait until the parent has made its user namespace
        try:
            _id_maps(os.getppid())
        except OSError as error:
            print(f"confinement failed: cannot map the kernel's user: {error}", file=sys.stderr)
            os._exit(FAILED)
        os._exit(0)
    os.close(go_read)
    try:
        _check(_libc.unshare(CLONE_NEWUSER | CLONE_NEWNS | CLONE_NEWNET | CLONE_NEWPID | CLONE_NEWIPC),
               "cannot make namespaces (user namespaces may be disabled here)")
    finally:
        os.write(go_write, b"x")
        os.close(go_write)
    if os.waitpid(helper, 0)[1] != 0:
        raise OSError("the kernel's user could not be mapped")


def _hide(folder, keep):
    """An empty file system over `folder`, with a mount point for each folder of `keep` inside it."""
    _mount("tmpfs", folder, "tmpfs", MS_NOSUID | MS_NODEV, "size=1m,mode=755")
    for path in keep:
        if _inside(path, folder):
            os.makedirs(path, exist_ok=True)


def _build_confinement(options):
    """In the new namespaces, as their first process: the file system the kernel sees."""
    hide, keep, home = options["hide"], options["keep"], options["home"]
    _mount(None, "/", None, MS_REC | MS_PRIVATE)
    # Open the folders to keep before anything hides them; the handles close on exec.
    handles = {path: os.open(path, os.O_PATH | os.O_DIRECTORY) for path in keep + options["control"]
               if os.path.isdir(path)}
    _libc.setfsgid(KERNEL_ID)  # files made from here on belong to the kernel's user
    _libc.setfsuid(KERNEL_ID)
    for folder in sorted(hide, key=len):
        if os.path.isdir(folder):
            _hide(folder, [path for path in keep if path in handles])
    _read_only("/")

    size = options["scratch_mib"]
    _mount("tmpfs", "/tmp", "tmpfs", MS_NOSUID | MS_NODEV, f"size={size}m,nr_inodes={size * 64},mode=1777")
    if not (home and os.path.isdir(home) and not _inside(home, "/tmp")):
        home = "/tmp/.home"  # no home of the grader's to cover: the kernel's lives in /tmp
    os.environ["HOME"] = home
    private = {"/tmp/.home": home, "/tmp/.var-tmp": "/var/tmp", "/tmp/.shm": "/dev/shm", WORK_INSIDE: WORK_INSIDE}
    for scratch, target in private.items():
        os.makedirs(scratch, mode=0o700)
        if os.path.isdir(target) and target != scratch or target == WORK_INSIDE:
            _bind(scratch, target)  # WORK_INSIDE onto itself: a mount point cannot be renamed away
    under_tmp = [f for f in hide if _inside(f, "/tmp") and f != "/tmp"]  # covered by the scratch above
    for folder in sorted(f for f in under_tmp if not any(_inside(f, o) and f != o for o in under_tmp)):
        os.makedirs(folder, exist_ok=True)  # only the outermost: what lies inside it is hidden with it
        _hide(folder, [path for path in keep if path in handles])
        _read_only(folder)
    os.makedirs(CONTROL_INSIDE)
    _bind(f"/proc/self/fd/{handles[options['control'][0]]}", CONTROL_INSIDE, read_only=True)
    for path in sorted(p for p in keep if p in handles):
        os.makedirs(path, exist_ok=True)  # inside the private home, if that is where it lives
        _bind(f"/proc/self/fd/{handles[path]}", path, read_only=True)
    _mount("proc", "/proc", "proc", MS_NOSUID | MS_NODEV | MS_NOEXEC)
    os.chdir(WORK_INSIDE)


def _become_kernel(command):
    _check(_libc.prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0), "cannot set no_new_privs")
    os.setresgid(KERNEL_ID, KERNEL_ID, KERNEL_ID)
    os.setresuid(KERNEL_ID, KERNEL_ID, KERNEL_ID)  # drops every capability
    _check(_libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0), "cannot set the parent-death signal")
    signal.signal(signal.SIGINT, signal.SIG_DFL)  # interrupts are for the kernel
    os.execvp(command[0], command)


def parse(argv):
    split = argv.index("--")
    flags, command = argv[:split], argv[split + 1:]
    values = lambda name: [flags[i + 1] for i, f in enumerate(flags) if f == name]  # noqa: E731
    home = next(iter(values("--home")), "")
    return {"hide": values("--hide"), "keep": values("--keep"), "control": values("--control"),
            "home": home if home not in ("", "/") else "", "scratch_mib": int(values("--scratch-mib")[0]),
            "command": command}


def main(argv):
    options = parse(argv)
    _check(_libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0), "cannot set the parent-death signal")
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the grader interrupts the kernel's process group
    try:
        if os.geteuid() == 0:
            os.setgroups([])  # no supplementary groups follow the kernel
        _enter_namespaces()
    except OSError as error:
        print(f"confinement failed: {error}", file=sys.stderr)
        return FAILED
    kernel = os.fork()  # the first process of the new PID namespace
    if kernel == 0:
        try:
            _build_confinement(options)
            _become_kernel(options["command"])
        except OSError as error:
            print(f"confinement failed: {error}", file=sys.stderr)
        os._exit(FAILED)
    status = os.waitpid(kernel, 0)[1]
    return os.waitstatus_to_exitcode(status) % 256


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
