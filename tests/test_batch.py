"""grade-all: a class folder graded in parallel, resumable after a crash, with a gradebook."""
import csv
import json
import os
import shutil
import signal
import subprocess
import sys
import time

import pytest

from grader.assignment import Assignment

ASSIGNMENT = Assignment("c1w1_data_as_tensors")


def grade_all(folder, *extra):
    return subprocess.Popen([sys.executable, "-m", "grader", "grade-all", str(folder), "--assignment", ASSIGNMENT.id,
                             *extra], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            start_new_session=True)


@pytest.mark.slow
def test_a_crashed_run_resumes_without_regrading_and_writes_the_gradebook(tmp_path):
    folder = tmp_path / "class"
    folder.mkdir()
    shutil.copy(ASSIGNMENT.folder / "source.ipynb", folder / "ada.ipynb")
    shutil.copy(ASSIGNMENT.student_path, folder / "bob.ipynb")
    (folder / "cy.ipynb").write_text("this is not a notebook")
    results = folder / "results"

    crashing = grade_all(folder, "--jobs", "1")
    deadline = time.time() + 300
    while not list(results.glob("*.json")) and time.time() < deadline:
        time.sleep(0.5)
    os.killpg(crashing.pid, signal.SIGKILL)  # the machine "crashes": grader, workers and kernels
    crashing.wait()
    first = {p.name: p.stat().st_mtime_ns for p in results.glob("*.json")}
    assert first, "nothing was graded before the crash"

    finished = grade_all(folder, "--jobs", "2")
    out, err = finished.communicate(timeout=600)
    assert finished.returncode == 0, err

    for name, mtime in first.items():
        assert (results / name).stat().st_mtime_ns == mtime, f"{name} was graded again"
    by_learner = {row["learner"]: row for row in csv.DictReader((results / "gradebook.csv").open())}
    assert sorted(by_learner) == ["ada", "bob", "cy"]
    assert float(by_learner["ada"]["score"]) == ASSIGNMENT.max_score
    assert float(by_learner["bob"]["score"]) == 0
    assert "not a notebook" in by_learner["cy"]["note"]
    assert [k for k in by_learner["ada"] if k not in ("learner", "score", "max_score", "note")] == \
        [e.id for e in ASSIGNMENT.exercises]
    assert "| flatten_images | 1 | 0 | 0 | 0 | 1 |" in (results / "summary.md").read_text()
    assert json.loads((results / "ada.json").read_text())["sha256"]
