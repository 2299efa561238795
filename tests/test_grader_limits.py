"""Hostile submissions meet the grader's limits and isolation (grader/sandbox.py): each one
ends in a written result, costs only the exercise it sits in, and gains nothing."""
import socket
import subprocess
import sys
import threading
import time

import psutil

import pytest

from solution_variants import solution_with

from grader import sandbox
from grader.assignment import ASSIGNMENTS_DIR, REPO_ROOT, Assignment
from grader.cells import cell_role
from grader.execute import Limits
from grader.grade import grade
from grader.report import validate

ASSIGNMENT = Assignment("c1w1_data_as_tensors")
FLATTEN = "def flatten_images(images):\n    {prelude}\n    return images.reshape(images.shape[0], -1).T\n"
needs_namespaces = pytest.mark.skipif(not sandbox.namespaces_available(),
                                      reason="this machine does not allow user namespaces")


def graded(tmp_path, limits=Limits(), **changes):
    result = grade(solution_with(tmp_path, ASSIGNMENT, **changes), limits=limits)
    validate(result)
    return result, {e["id"]: e for e in result["exercises"]}


@pytest.mark.slow
def test_memory_and_process_bombs_are_stopped_at_their_limits(tmp_path):
    memory_bomb = ("def standardize(X_train, X_other):\n    hoard = []\n    while True:\n"
                   "        hoard.append(np.ones(50_000_000))\n")
    fork_bomb = ("def train_dev_test_split(X, Y, fractions=(0.8, 0.1, 0.1), seed=0):\n    import os, time\n"
                 "    while True:\n        os.fork()\n        time.sleep(0.01)\n")
    result, by_id = graded(tmp_path, Limits(memory_mib=2048, processes=16, cell_seconds=60),
                           replace={"standardize": memory_bomb, "train_dev_test_split": fork_bomb})
    assert by_id["standardize"]["status"] == "out_of_memory" and by_id["standardize"]["points"] == 0
    assert "2048 MiB (the memory limit)" in by_id["standardize"]["message"]
    assert by_id["train_dev_test_split"]["status"] == "error" and by_id["train_dev_test_split"]["points"] == 0
    assert "more than 16 processes (the process limit)" in by_id["train_dev_test_split"]["message"]
    assert by_id["flatten_images"]["status"] == "passed"
    assert result["environment"]["isolation"]["memory_mib"] == 2048


@pytest.mark.slow
def test_a_flood_of_output_and_a_runaway_recursion_cost_nothing_else(tmp_path):
    flood = "for _ in range(3000):\n    print('x' * 10_000)\n"   # 30 MB printed, kept to 1 MB
    recursion = ("def train_dev_test_split(X, Y, fractions=(0.8, 0.1, 0.1), seed=0):\n    import sys\n"
                 "    sys.setrecursionlimit(10**8)\n    def down(n):\n        return down(n + 1) + 1\n"
                 "    return down(0)\n")
    result, by_id = graded(tmp_path, add_after={"flatten_images": flood}, replace={"train_dev_test_split": recursion})
    assert by_id["flatten_images"]["status"] == by_id["standardize"]["status"] == "passed"
    # Python 3.11 keeps frames on the heap: the recursion ends at the memory limit (or, with
    # less memory, at a crash of the kernel), either way only for this exercise.
    assert by_id["train_dev_test_split"]["status"] in ("out_of_memory", "error")
    assert by_id["train_dev_test_split"]["points"] == 0


@needs_namespaces
@pytest.mark.slow
def test_the_kernel_reaches_no_network_and_no_hidden_files(tmp_path):
    connections = []
    server = socket.create_server(("127.0.0.1", 0))
    port = server.getsockname()[1]

    def accept():
        server.settimeout(60)
        try:
            connections.append(server.accept())
        except OSError:
            pass
    threading.Thread(target=accept, daemon=True).start()

    expected = ASSIGNMENTS_DIR / ASSIGNMENT.id / "expected" / "standardize.npz"
    (tmp_path / "classmate.ipynb").write_text("another learner's work")
    # Each function answers right only when its trick fails, so a pass means it was blocked.
    phone_home = (f"import socket\n    try:\n        socket.create_connection(('127.0.0.1', {port}), timeout=5)\n"
                  "        return None\n    except OSError:\n        pass")
    peeked = [str(expected), str(REPO_ROOT / ".git"), str(tmp_path / "classmate.ipynb")]
    solution = next(c.source for c in ASSIGNMENT.source.cells if cell_role(c).get("exercise") == "standardize")
    signature, body = solution.split("\n", 1)
    peek = (f"{signature}\n    import os\n    if any(os.path.exists(p) for p in {peeked!r}):\n"
            f"        return None\n{body}")
    result, by_id = graded(tmp_path, replace={"flatten_images": FLATTEN.format(prelude=phone_home), "standardize": peek})
    server.close()
    assert not connections
    assert by_id["flatten_images"]["status"] == "passed", by_id["flatten_images"]
    assert by_id["standardize"]["status"] == "passed", by_id["standardize"]
    assert result["environment"]["isolation"]["network"] == "blocked"


@needs_namespaces
def test_a_grader_killed_mid_run_leaves_no_kernel_behind(tmp_path):
    # A stand-in for the grader: it starts a confined process, then is killed outright.
    marker = f"sleep-{tmp_path.name}"
    launcher = ("import subprocess, sys, time\nfrom grader import sandbox\n"
                f"subprocess.Popen(sandbox.confined_command(['bash', '-c', 'exec -a {marker} sleep 600'], {str(tmp_path)!r}),"
                " start_new_session=True)\ntime.sleep(600)\n")
    grader = subprocess.Popen([sys.executable, "-c", launcher])
    deadline = time.time() + 60
    while not _processes_named(marker) and time.time() < deadline:
        time.sleep(0.2)
    assert _processes_named(marker), "the confined process never started"
    grader.kill()
    grader.wait()
    deadline = time.time() + 20
    while _processes_named(marker) and time.time() < deadline:
        time.sleep(0.2)
    assert not _processes_named(marker)


def _processes_named(name):
    return [p for p in psutil.process_iter(["cmdline"]) if p.info["cmdline"] and p.info["cmdline"][0] == name]
