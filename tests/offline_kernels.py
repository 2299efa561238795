"""A pytest plugin: nbval runs every notebook with no network, so the suite proves the lessons
run offline.

nbval starts each notebook's kernel with jupyter_client's KernelManager; this plugin hands it
OfflineKernelManager instead, which starts the kernel through no_network.py, in an empty
network namespace of its own. That kernel and pytest share no network, not even 127.0.0.1, so
they talk over Unix sockets (ZeroMQ's IPC transport) in a private temporary folder. Nothing
else changes (the user, the files, the outputs), and a notebook that reaches for the network
fails at that cell, with HINT under the error.

nbval has no option for its kernel manager, so pytest_configure replaces the one name that
nbval.kernel.start_new_kernel looks up (tests/test_offline.py checks that nbval's kernels
really have no network). Where no network namespace can be made, nothing is replaced: the
notebooks run with the network, the report's header says so, and test_offline.py skips with
the reason. conftest.py loads the plugin; `pytest -p no:offline_kernels` runs without it.
"""
import functools
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import nbval.kernel
import pytest
from jupyter_client.manager import KernelManager
from nbval.plugin import IPyNbCell

LAUNCHER = Path(__file__).with_name("no_network.py")
# What a download says in an empty network namespace: no name resolves, no address is reachable.
NETWORK_ERRORS = re.compile("Temporary failure in name resolution|Name or service not known|"
                            "No address associated with hostname|Network is unreachable")
HINT = ("This notebook reached for the network. The test suite runs notebooks without one, as a "
        "learner offline has none (tests/offline_kernels.py): take data from lessons.data and "
        "weights from the repository.")


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


class OfflineKernelManager(KernelManager):
    """jupyter_client's KernelManager, with the kernel in an empty network namespace."""

    def __init__(self, **kwargs):
        super().__init__(transport="ipc", **kwargs)
        self.socket_folder = tempfile.mkdtemp(prefix="kernel-")
        self.ip = os.path.join(self.socket_folder, "ipc")  # the sockets: ipc-1 to ipc-5

    def format_kernel_cmd(self, extra_arguments=None):
        return offline_command(super().format_kernel_cmd(extra_arguments))

    async def _async_cleanup_resources(self, restart=False):
        await super()._async_cleanup_resources(restart=restart)
        if not restart:
            shutil.rmtree(self.socket_folder, ignore_errors=True)


def pytest_configure(config):
    if offline_problem() is None:
        patch = pytest.MonkeyPatch()
        patch.setattr(nbval.kernel, "KernelManager", OfflineKernelManager)
        config.add_cleanup(patch.undo)


def pytest_report_header(config):
    problem = offline_problem()
    return ("notebooks: each kernel without network (in an empty network namespace)" if problem is None
            else f"notebooks: kernels with the network; running offline is not tested here ({problem})")


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    if (report.failed and isinstance(item, IPyNbCell) and offline_problem() is None
            and NETWORK_ERRORS.search(str(report.longrepr))):
        report.longrepr = f"{report.longrepr}\n{HINT}\n"
    return report
