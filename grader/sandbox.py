"""Where a learner's kernel runs while it is graded, and the limits it runs under.

Confinement (Linux with user namespaces; sandbox_entry.py builds it and says how): the
kernel runs as an unprivileged user of its own namespaces (`nobody` on the machine when
the grader is root, else the grader's own user), with no capabilities, and
- no network: an empty network namespace; it talks with the grader over Unix sockets;
- every file system read-only, the repository (checks, expected values, solutions, git
  history), other temporary folders and the folders the caller names (the class's
  submissions, the results) hidden, and only the code the kernel needs put back
  (lessons/, grader/, the Python environment);
- one private in-memory file system of `Limits.scratch_mib` for all it may write: its
  working folder, /tmp, /var/tmp, /dev/shm and an empty home; it vanishes with the kernel;
- its own PID and IPC namespaces, so stopping the kernel stops everything it started.
The grader reaches the kernel's sockets, which live in its private working folder,
through /proc/<launcher pid>/root; the results of the checks come back as cell output.
The kernel could replace a socket there by a link, which the grader would follow in its
own root, to a socket of the machine's: so once the kernel has made its sockets, the grader
opens each (refusing anything but a socket) and connects, and reconnects, only through
links of its own to those open files, whatever the kernel does to their names.
Where confinement is not possible the kernel runs in the grader's own folder, and every
result says what was not enforced and why.

Limits (everywhere): a watchdog thread in the grader's process samples the kernel's
process tree; past the memory limit (resident memory of the tree) or the process limit it
stops the kernel, and execute.py reports why and grades the rest in a fresh kernel.
"""
import asyncio
import functools
import os
import signal
import stat
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil
from jupyter_client.manager import AsyncKernelManager, KernelManager
from traitlets import Unicode

from grader import sandbox_entry
from grader.outcome import Failure, Status
from grader.sandbox_entry import CONTROL_INSIDE, WORK_INSIDE

REPO_ROOT = Path(__file__).resolve().parent.parent
ENTRY = Path(__file__).with_name("sandbox_entry.py")
GRADING_ENV = "KERAS_COURSE_GRADING"    # set in the kernel: self-checks stay quiet while grading
SCRATCH_ENV = "KERAS_COURSE_SCRATCH_MIB"  # set in the kernel: the harness names the limit when it is full

# Run confined, this exits 0 only if the kernel runs as its own user, without capabilities,
# unable to write where it must not, and able to write its working folder.
_PROBE = """
import os, sys
assert os.getuid() == os.geteuid() == {kernel_id}, "the kernel did not switch to its own user"
assert open("/proc/self/status").read().split("CapEff:")[1].split()[0].strip("0") == "", "capabilities left"
for place in (sys.prefix, os.path.dirname(os.__file__), "/etc"):
    try:
        open(os.path.join(place, ".grader-probe"), "w")
    except OSError:
        continue
    raise AssertionError(place + " is writable")
open("probe", "w").write("ok")
"""


def _hidden_and_kept(private=()):
    hide = {REPO_ROOT, Path(tempfile.gettempdir()), Path("/run"), *map(Path, private)}
    keep = {REPO_ROOT / "lessons", REPO_ROOT / "grader", Path(sys.prefix), Path(sys.base_prefix)}
    return sorted(str(p.resolve()) for p in hide if p.is_dir()), sorted(str(p.resolve()) for p in keep)


def confined_command(command, control_folder, private=(), scratch_mib=512):
    """`command` wrapped so that it runs confined (see the module's docstring), with
    `control_folder` read-only at CONTROL_INSIDE. The launcher has the kernel killed if
    it dies, and dies with the grader: a grader killed mid-run leaves no kernel behind."""
    hide, keep = _hidden_and_kept(private)
    home = os.path.expanduser("~")
    arguments = ["--scratch-mib", str(scratch_mib), "--control", str(Path(control_folder).resolve()),
                 *(["--home", home] if home != "~" else [])]
    arguments += [a for folder in hide for a in ("--hide", folder)]
    arguments += [a for folder in keep for a in ("--keep", folder)]
    return [sys.executable, "-I", "-S", str(ENTRY), *arguments, "--", *command]


@functools.cache
def confinement_problem():
    """None when kernels can be confined on this machine, else why not (one line)."""
    if not sys.platform.startswith("linux"):
        return "kernels can be confined only on Linux"
    with tempfile.TemporaryDirectory(prefix="grader-probe-") as folder:
        probe = [sys.executable, "-I", "-S", "-c", _PROBE.format(kernel_id=sandbox_entry.KERNEL_ID)]
        try:
            done = subprocess.run(confined_command(probe, folder, scratch_mib=16), capture_output=True,
                                  text=True, timeout=60)
        except (OSError, subprocess.SubprocessError) as error:
            return f"the confinement could not be started ({error})"
    if done.returncode == 0:
        return None
    lines = [line for line in done.stderr.splitlines() if line.strip()]
    return lines[-1] if lines else f"the confinement probe failed (exit code {done.returncode})"


def namespaces_available():
    return confinement_problem() is None


def kernel_user():
    """The kernel's user on this machine, in words."""
    if os.geteuid() == 0:
        return f"nobody (uid {sandbox_entry.NOBODY}), without capabilities"
    return f"the grader's own user (uid {os.geteuid()}), without capabilities"


def isolation_summary(limits):
    """What a result records about how its kernel was confined."""
    problem = confinement_problem()
    if problem:
        why_not = f"not enforced: {problem}"
        return {"user": why_not, "network": why_not, "files": why_not, "writable": why_not,
                "memory_mib": limits.memory_mib, "processes": limits.processes, "scratch_mib": None}
    return {"user": kernel_user(), "network": "blocked",
            "files": "read-only; the repository, other temporary folders, submissions and results hidden",
            "writable": (f"only a private {limits.scratch_mib} MiB in-memory folder (working folder, /tmp, "
                         "/var/tmp, /dev/shm, home), deleted when grading ends"),
            "memory_mib": limits.memory_mib, "processes": limits.processes, "scratch_mib": limits.scratch_mib}


def control_folder(cleanup):
    """A new folder for one kernel's connection file and check inputs, removed by the
    ExitStack `cleanup`; the grader also runs papermill's copies of the notebook there."""
    folder = Path(cleanup.enter_context(tempfile.TemporaryDirectory(prefix="grader-")))
    share_with_kernel(folder)
    return folder


def inputs_folder(control_folder):
    """Where the kernel finds the files of `control_folder`."""
    return CONTROL_INSIDE if namespaces_available() else str(control_folder)


def write_for_kernel(path, data):
    Path(path).write_bytes(data)
    share_with_kernel(path)


def share_with_kernel(path):
    """Let a confined kernel, when it runs as nobody, read `path` (the control folder or a
    file in it). Nothing there is secret from other local users then: the kernel's sockets,
    which the connection file's key guards, are reachable only through the launcher's root."""
    if os.geteuid() == 0 and namespaces_available():
        os.chmod(path, 0o711 if os.path.isdir(path) else 0o644)


class Watchdog(threading.Thread):
    """Samples a kernel's process tree and stops it past the memory or process limit.
    `verdict` (a Failure) then says why."""

    INTERVAL = 0.1  # seconds between samples

    def __init__(self, pid, limits):
        super().__init__(daemon=True)
        self.pid, self.limits = pid, limits
        self.verdict = None
        self._stopped = threading.Event()

    def stop(self):
        self._stopped.set()

    def run(self):
        try:
            root = psutil.Process(self.pid)
        except psutil.NoSuchProcess:
            return
        while not self._stopped.wait(self.INTERVAL):
            try:
                tree = [root, *root.children(recursive=True)]
            except psutil.NoSuchProcess:
                return
            if len(tree) > self.limits.processes:
                self._kill(tree, Failure.error(f"the kernel started more than {self.limits.processes} processes "
                                               "(the process limit) and was stopped"))
                return
            # Forked processes share their parent's pages: count those once (proportional
            # share, slower to read) when there is more than the kernel and its launcher.
            resident = sum(map(_proportional_bytes if len(tree) > 2 else _resident_bytes, tree))
            if resident > self.limits.memory_mib * 2**20:
                self._kill(tree, Failure(Status.OUT_OF_MEMORY, f"the kernel used more than {self.limits.memory_mib} "
                                                               "MiB (the memory limit) and was stopped"))
                return

    def _kill(self, tree, verdict):
        self.verdict = verdict
        try:  # the kernel's process group first: that is everything a fork bomb made, at once
            os.killpg(os.getpgid(self.pid), signal.SIGKILL)
        except OSError:
            pass
        for process in tree:
            try:
                process.kill()
            except psutil.Error:
                pass


def _resident_bytes(process):
    try:
        return process.memory_info().rss
    except psutil.Error:
        return 0


def _proportional_bytes(process):
    """The process's proportional set size: its pages, each shared one divided among its sharers."""
    try:
        with open(f"/proc/{process.pid}/smaps_rollup") as rollup:
            return next(int(line.split()[1]) * 1024 for line in rollup if line.startswith("Pss:"))
    except (OSError, StopIteration, ValueError):
        return _resident_bytes(process)


class Monitor:
    """Shared by the kernels of one grading run: the latest watchdog's verdict."""

    def __init__(self):
        self.watchdog = None

    def take_verdict(self):
        verdict = self.watchdog.verdict if self.watchdog else None
        self.watchdog = None
        return verdict


CHANNELS = ("shell", "iopub", "stdin", "control", "hb")  # the kernel's sockets


class GradingKernelManager(KernelManager):
    """A kernel manager starting the kernel confined and watched; `kernel_manager_class_for`
    makes one per run, holding that run's settings. (The hooks below are the ones both the
    blocking manager and nbclient's asynchronous one go through.)

    `control_folder` (the grader's) holds the connection file and the check inputs; the
    kernel sees it read-only at `inputs_folder(control_folder)`."""

    transport = Unicode("ipc")  # Unix sockets: the kernel's network namespace has no TCP to us
    limits = None
    monitor = None
    control_folder = None
    private = ()

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.confined = namespaces_available()
        self.connection_file = str(Path(self.control_folder) / "kernel.json")
        self.ip = f"{WORK_INSIDE if self.confined else self.control_folder}/kernel-ipc"
        self._socket_handles = []  # the kernel's sockets, held open (see _pin_sockets)

    def write_connection_file(self, **kwargs):
        super().write_connection_file(**kwargs)
        share_with_kernel(self.connection_file)

    def format_kernel_cmd(self, extra_arguments=None):
        command = super().format_kernel_cmd(extra_arguments)
        if self.confined:
            inside = f"{CONTROL_INSIDE}/{Path(self.connection_file).name}"
            command = [inside if a == os.path.realpath(self.connection_file) else a for a in command]
            command = confined_command(command, self.control_folder, self.private, self.limits.scratch_mib)
        return command

    async def _async_pre_start_kernel(self, **kw):
        scratch = {SCRATCH_ENV: str(self.limits.scratch_mib)} if self.confined else {}  # no cap unconfined
        kw["env"] = {**kw.get("env", os.environ), GRADING_ENV: "1", **scratch}
        return quiet(*await super()._async_pre_start_kernel(**kw))

    async def _async_launch_kernel(self, kernel_cmd, **kw):
        await super()._async_launch_kernel(kernel_cmd, **kw)
        launcher = self.provisioner.process.pid
        if self.confined:  # the kernel binds its sockets inside; we reach them through its root
            self.ip = f"/proc/{launcher}/root{self.ip}"
        self.monitor.watchdog = Watchdog(launcher, self.limits)
        self.monitor.watchdog.start()

    async def _async_post_start_kernel(self, **kw):
        if self.confined:
            await self._sockets_made()
            self._pin_sockets()
        await super()._async_post_start_kernel(**kw)

    async def _sockets_made(self):
        """Wait until the kernel has made its sockets (or died, or took longer than its start-up limit)."""
        paths = [self._socket_path(channel) for channel in CHANNELS]
        deadline = time.monotonic() + self.limits.start_seconds
        while not all(map(os.path.lexists, paths)) and time.monotonic() < deadline and await self._async_is_alive():
            await asyncio.sleep(0.02)

    def _socket_path(self, channel):
        return self._make_url(channel).removeprefix("ipc://")

    def _pin_sockets(self):
        """Connect from now on to the files the kernel's sockets are now, whatever their names
        become: each is held open, and reached through a link of the grader's to it."""
        pinned = Path(self.control_folder) / f"kernel-{self.provisioner.process.pid}-ipc"  # one kernel's links
        for channel in CHANNELS:
            path = self._socket_path(channel)
            try:
                handle = os.open(path, os.O_PATH | os.O_NOFOLLOW)
            except OSError:
                continue  # not made: the kernel died or never started, which nbclient reports
            self._socket_handles.append(handle)
            if not stat.S_ISSOCK(os.fstat(handle).st_mode):
                raise RuntimeError(f"{path} is not the kernel's socket; the grader does not connect there")
            os.symlink(f"/proc/self/fd/{handle}", f"{pinned}-{getattr(self, f'{channel}_port')}")
        self.ip = str(pinned)

    async def _async_cleanup_resources(self, restart=False):
        if self.monitor.watchdog:
            self.monitor.watchdog.stop()
        await super()._async_cleanup_resources(restart=restart)  # also removes the links to the sockets
        while self._socket_handles:
            os.close(self._socket_handles.pop())


def quiet(command, launch_options):
    """Launch options that send the kernel process's own output (its logs, not the cells'
    output) nowhere: "KeyboardInterrupt caught in kernel" and the like are not for learners,
    and a kernel printing without end to them could otherwise fill the grader's disk or terminal."""
    return command, {**launch_options, "stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}


class QuietKernelManager(AsyncKernelManager):
    """An ordinary kernel (for `grader submit`, run by learners on their own work) without its process's logs."""

    async def _async_pre_start_kernel(self, **kw):
        return quiet(*await super()._async_pre_start_kernel(**kw))


class AsyncGradingKernelManager(GradingKernelManager, AsyncKernelManager):
    """The same, with the asynchronous interface nbclient uses."""

def kernel_manager_class_for(limits, monitor, control_folder, private=(), blocking=False):
    return type("RunKernelManager", (GradingKernelManager if blocking else AsyncGradingKernelManager,),
                {"limits": limits, "monitor": monitor, "control_folder": str(control_folder),
                 "private": tuple(str(p) for p in private)})
