"""Kernels with no network, where the machine allows it: notebooks run as they do for a learner
offline, where a download fails at once. The test suite's nbval run (tests/offline_kernels.py)
and the stored outputs of the source notebooks (grader.fixtures) start their kernels this way.

OfflineKernelManager starts the kernel through no_network.py, in an empty network namespace of
its own. That kernel and its client share no network, not even 127.0.0.1, so they talk over Unix
sockets (ZeroMQ's IPC transport) in a private temporary folder. Nothing else changes: the user,
the files and the outputs are those of an ordinary kernel. (Grading kernels are confined further,
by grader.sandbox.)
"""
import functools
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from jupyter_client.manager import AsyncKernelManager, KernelManager

LAUNCHER = Path(__file__).with_name("no_network.py")


def offline_command(command):
    """`command`, run with no network."""
    return [sys.executable, "-I", "-S", str(LAUNCHER), *command]


@functools.cache
def offline_problem():
    """None where kernels can run with no network on this machine, else why not (one line)."""
    if not sys.platform.startswith("linux"):
        return "network namespaces exist only on Linux"
    done = subprocess.run(offline_command(["true"]), capture_output=True, text=True)
    if done.returncode == 0:
        return None
    lines = done.stderr.strip().splitlines()
    return lines[-1] if lines else f"{LAUNCHER.name} exited with code {done.returncode}"


class UnixSocketKernelManager(KernelManager):
    """jupyter_client's KernelManager, talking to its kernel over Unix sockets in a private folder
    rather than TCP on 127.0.0.1, where any local user could connect (ipykernel warns of that)."""

    def __init__(self, **kwargs):
        super().__init__(transport="ipc", **kwargs)
        self.socket_folder = tempfile.mkdtemp(prefix="kernel-")
        self.ip = os.path.join(self.socket_folder, "ipc")  # the sockets: ipc-1 to ipc-5

    async def _async_cleanup_resources(self, restart=False):
        await super()._async_cleanup_resources(restart=restart)
        if not restart:
            shutil.rmtree(self.socket_folder, ignore_errors=True)


class AsyncUnixSocketKernelManager(UnixSocketKernelManager, AsyncKernelManager):
    """The same, with the asynchronous interface nbclient uses."""


class OfflineKernelManager(UnixSocketKernelManager):
    """The same, with the kernel in an empty network namespace."""

    def format_kernel_cmd(self, extra_arguments=None):
        return offline_command(super().format_kernel_cmd(extra_arguments))


class AsyncOfflineKernelManager(OfflineKernelManager, AsyncKernelManager):
    """The same, with the asynchronous interface nbclient uses."""
