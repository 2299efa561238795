"""pytest configuration shared by the unit tests and nbval's notebook validation."""
import pytest

# TensorFlow's environment (oneDNN off: it reorders float sums) before any test imports it, as the
# grader and the lessons have it: check inputs computed by a model then hash as their fixtures do.
import lessons.setup  # noqa: F401

# Every notebook's kernel runs with no network (tests/offline_kernels.py).
pytest_plugins = ["offline_kernels"]


def pytest_collectstart(collector):
    # nbval (--nbval-lax) compares only cells marked `# NBVAL_CHECK_OUTPUT`; within those,
    # compare what is deterministic text and skip what renders differently run to run.
    if collector.fspath and collector.fspath.ext == ".ipynb":
        collector.skip_compare += ("text/html", "image/png", "image/svg+xml",
                                   "application/javascript", "stderr")


# Files whose tests share one expensive fixture (a JupyterLab server and a browser).
RUN_TOGETHER = {"tests/test_browser.py"}


@pytest.hookimpl(optionalhook=True)  # a hook of pytest-xdist: unknown when it is not loaded
def pytest_xdist_make_scheduler(config, log):
    """`make test` (pytest -n 2) hands tests to the workers one at a time, as each finishes,
    so one long file does not keep one worker busy while the other idles. Two kinds of tests
    stay together, in order, on one worker: the cells of a notebook (nbval runs them in one
    kernel) and the files in RUN_TOGETHER."""
    from xdist.scheduler import LoadScopeScheduling

    class OneTestAtATime(LoadScopeScheduling):
        def _split_scope(self, nodeid):
            path = nodeid.split("::", 1)[0]
            return path if path.endswith(".ipynb") or path in RUN_TOGETHER else nodeid

    return OneTestAtATime(config, log)
