"""A pytest plugin: nbval runs every notebook with no network, so the suite proves the lessons
run offline.

nbval starts each notebook's kernel with jupyter_client's KernelManager; this plugin hands it
grader.offline's OfflineKernelManager instead, which starts the kernel in an empty network
namespace of its own, talking to pytest over Unix sockets. Nothing else changes (the user, the
files, the outputs), and a notebook that reaches for the network fails at that cell, with
OFFLINE_HINT under the error.

nbval has no option for its kernel manager, so pytest_configure replaces the one name that
nbval.kernel.start_new_kernel looks up (tests/test_offline.py checks that nbval's kernels
really have no network). Where no network namespace can be made, nothing is replaced: the
notebooks run with the network, the report's header says so, and the tests marked with
skip_unless_offline() skip with the reason. conftest.py loads the plugin;
`pytest -p no:offline_kernels` runs without it.
"""
import nbval.kernel
import pytest
from nbval.plugin import IPyNbCell

from grader.offline import OfflineKernelManager, offline_problem
from grader.outcome import NETWORK_ERRORS, OFFLINE_HINT


def skip_unless_offline():
    """A mark that skips a test, saying why, where kernels cannot run with no network."""
    problem = offline_problem()
    return pytest.mark.skipif(problem is not None, reason=f"notebooks run with the network here ({problem})")


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
        report.longrepr = f"{report.longrepr}\n{OFFLINE_HINT}\n"
    return report
