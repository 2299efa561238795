"""Where a learner's kernel runs while it is graded, and the limits it runs under.

Isolation (Linux with unprivileged user namespaces, through util-linux's `unshare`): the
kernel starts in namespaces of its own:
- network: an empty one, so it can reach nothing; it talks with the grader over Unix
  sockets in its working folder instead of TCP;
- files: empty folders lie over the repository (hidden checks, expected values, the
  solutions and their git history), over /tmp (other runs' folders) and over the folders
  the caller names (the class's submissions, the results), with only the code the kernel
  needs put back (lessons/, grader/, the Python environment) and its own throwaway
  working folder. A second user namespace inside locks those mounts, so the kernel, root
  in its namespace, cannot unmount them to look underneath;
- processes: its own PID namespace, so stopping the kernel stops everything it started.
Where namespaces are not available (another OS, a locked-down container) the kernel runs
without them, and every result says what was and was not enforced.

Limits (everywhere): a watchdog thread in the grader's process samples the kernel's
process tree; past the memory limit (resident memory of the tree) or the process limit it
stops the kernel, and execute.py reports why and grades the rest in a fresh kernel.
"""
import functools
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

import psutil
from jupyter_client.manager import AsyncKernelManager, KernelManager
from traitlets import Unicode

REPO_ROOT = Path(__file__).resolve().parent.parent
ENTRY = Path(__file__).with_name("sandbox_entry.py")
GRADING_ENV = "KERAS_COURSE_GRADING"  # set in the kernel: self-checks stay quiet while grading

OUTER = ["--user", "--map-root-user", "--mount", "--net", "--pid", "--fork", "--kill-child", "--mount-proc"]
INNER = ["--user", "--map-root-user", "--mount"]  # locks the mounts made in the outer namespace


@functools.cache
def namespaces_available():
    """Whether this machine lets an ordinary process create the namespaces used here."""
    unshare, setpriv = shutil.which("unshare"), shutil.which("setpriv")
    if unshare is None or setpriv is None or not sys.platform.startswith("linux"):
        return False
    try:
        probe = [setpriv, "--pdeathsig", "KILL", unshare, *OUTER, unshare, *INNER, "true"]
        return subprocess.run(probe, capture_output=True, timeout=20).returncode == 0
    except (OSError, subprocess.SubprocessError):
        return False


def isolation_summary(limits):
    """What a result records about how its kernel was confined."""
    confined = namespaces_available()
    why_not = "not enforced: this machine does not allow user namespaces"
    return {"network": "blocked" if confined else why_not,
            "files": "repository, submissions, results and /tmp hidden" if confined else why_not,
            "memory_mib": limits.memory_mib, "processes": limits.processes}


def confined_command(command, work_folder, private=()):
    """`command` wrapped so that it runs in its own namespaces with the folders hidden.
    setpriv makes the launcher die with the grader, and the launcher's death ends the
    namespace: a grader killed mid-run leaves no kernel behind."""
    unshare, setpriv = shutil.which("unshare"), shutil.which("setpriv")
    hide = {REPO_ROOT, Path(tempfile.gettempdir()), *map(Path, private)}
    keep = {REPO_ROOT / "lessons", REPO_ROOT / "grader", Path(sys.prefix), Path(sys.base_prefix),
            Path(work_folder)}
    arguments = [a for folder in sorted(hide) for a in ("--hide", str(folder.resolve()))]
    arguments += [a for folder in sorted(keep) for a in ("--keep", str(folder.resolve()))]
    return [setpriv, "--pdeathsig", "KILL", unshare, *OUTER, sys.executable, "-I", str(ENTRY), *arguments,
            "--", unshare, *INNER, *command]


class Watchdog(threading.Thread):
    """Samples a kernel's process tree and stops it past the memory or process limit.
    `verdict` then says why, in the form execute.py reports ("out_of_memory: ...")."""

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
                self._kill(tree, f"error: the kernel started more than {self.limits.processes} processes "
                                 f"(the process limit) and was stopped")
                return
            # Forked processes share their parent's pages: count those once (proportional
            # share, slower to read) when there is more than the kernel and its launcher.
            resident = sum(map(_proportional_bytes if len(tree) > 2 else _resident_bytes, tree))
            if resident > self.limits.memory_mib * 2**20:
                self._kill(tree, f"out_of_memory: the kernel used more than {self.limits.memory_mib} MiB "
                                 f"(the memory limit) and was stopped")
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


class GradingKernelManager(KernelManager):
    """A kernel manager starting the kernel confined and watched; `kernel_manager_class_for`
    makes one per run, holding that run's settings. (The hooks below are the ones both the
    blocking manager and nbclient's asynchronous one go through.)"""

    transport = Unicode("ipc")  # Unix sockets: the kernel's network namespace has no TCP to us
    limits = None
    monitor = None
    work_folder = None
    private = ()

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.connection_file = str(Path(self.work_folder) / "kernel.json")
        self.ip = str(Path(self.work_folder) / "kernel-ipc")

    def format_kernel_cmd(self, extra_arguments=None):
        command = super().format_kernel_cmd(extra_arguments)
        if namespaces_available():
            command = confined_command(command, self.work_folder, self.private)
        return command

    async def _async_pre_start_kernel(self, **kw):
        kw["env"] = {**kw.get("env", os.environ), GRADING_ENV: "1"}
        return await super()._async_pre_start_kernel(**kw)

    async def _async_launch_kernel(self, kernel_cmd, **kw):
        await super()._async_launch_kernel(kernel_cmd, **kw)
        self.monitor.watchdog = Watchdog(self.provisioner.process.pid, self.limits)
        self.monitor.watchdog.start()

    async def _async_cleanup_resources(self, restart=False):
        if self.monitor.watchdog:
            self.monitor.watchdog.stop()
        await super()._async_cleanup_resources(restart=restart)


class AsyncGradingKernelManager(GradingKernelManager, AsyncKernelManager):
    """The same, with the asynchronous interface nbclient uses."""


def kernel_manager_class_for(limits, monitor, work_folder, private=(), blocking=False):
    return type("RunKernelManager", (GradingKernelManager if blocking else AsyncGradingKernelManager,),
                {"limits": limits, "monitor": monitor, "work_folder": str(work_folder),
                 "private": tuple(str(p) for p in private)})
