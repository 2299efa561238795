"""pytest configuration shared by the unit tests and nbval's notebook validation."""


def pytest_collectstart(collector):
    # nbval (--nbval-lax) compares only cells marked `# NBVAL_CHECK_OUTPUT`; within those,
    # compare what is deterministic text and skip what renders differently run to run.
    if collector.fspath and collector.fspath.ext == ".ipynb":
        collector.skip_compare += ("text/html", "image/png", "image/svg+xml",
                                   "application/javascript", "stderr")
