"""grade-all: a class folder graded in parallel, resumable after a crash, with a gradebook."""
import csv
import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import time

import pytest

from grader import sandbox
from grader.assignment import Assignment
from grader.report import validate

ASSIGNMENT = Assignment("c1w1_data_as_tensors")


# These tests grade the course's own notebooks: where kernels cannot be confined they may run
# unconfined (test_grader_confinement.py tests the refusal that protects real classes).
TRUSTED = [] if sandbox.namespaces_available() else ["--accept-grade-tampering-risk"]


def grade_all(folder, *extra):
    return subprocess.Popen([sys.executable, "-m", "grader", "grade-all", str(folder), "--assignment", ASSIGNMENT.id,
                             *TRUSTED, *extra], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
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
    assert "| flatten_images | 1 | 0 | 0 | 0 | 0 | 1 |" in (results / "summary.md").read_text()
    assert json.loads((results / "ada.json").read_text())["sha256"]
    for written in results.glob("*.json"):  # graded and ungradable results alike follow the schema
        validate(json.loads(written.read_text()))


@pytest.mark.slow
def test_ctrl_c_stops_promptly_keeps_what_is_written_and_a_rerun_finishes(tmp_path):
    folder = tmp_path / "class"
    folder.mkdir()
    learners = [f"learner{i}" for i in range(4)]
    for learner in learners:
        shutil.copy(ASSIGNMENT.folder / "source.ipynb", folder / f"{learner}.ipynb")
    results = folder / "results"

    running = grade_all(folder, "--jobs", "1")
    deadline = time.time() + 300
    while not list(results.glob("*.json")) and time.time() < deadline:
        time.sleep(0.5)
    assert list(results.glob("*.json")), "nothing was graded in time"
    os.killpg(running.pid, signal.SIGINT)  # what Ctrl-C in a terminal sends: grader and workers
    out, err = running.communicate(timeout=120)  # stops, without grading the queued submissions
    assert running.returncode == 130, err
    assert err.strip().splitlines()[-1].startswith("interrupted (every result already written is kept")
    kept = {p.name: p.stat().st_mtime_ns for p in results.glob("*.json")}
    assert 0 < len(kept) < len(learners) and not list(results.glob("*.tmp"))
    assert all(json.loads((results / name).read_text())["score"] == ASSIGNMENT.max_score for name in kept)

    finished = grade_all(folder, "--jobs", "2")
    out, err = finished.communicate(timeout=600)
    assert finished.returncode == 0, err
    assert sorted(p.stem for p in results.glob("learner*.json")) == learners
    assert all((results / name).stat().st_mtime_ns == mtime for name, mtime in kept.items())


@pytest.mark.slow
def test_a_dask_cluster_grades_the_class_and_a_killed_worker_loses_nothing(tmp_path):
    from distributed import Client, LocalCluster

    from grader.batch import grade_all as grade_all_here

    folder = tmp_path / "class"
    folder.mkdir()
    for learner in ("ada", "bea", "cal"):
        shutil.copy(ASSIGNMENT.folder / "source.ipynb", folder / f"{learner}.ipynb")
    with LocalCluster(n_workers=2, threads_per_worker=1, dashboard_address=None) as cluster, \
            Client(cluster) as client:
        pids = client.run(os.getpid)  # worker address -> process id
        killed = []

        def kill_a_busy_worker():
            deadline = time.time() + 300
            while time.time() < deadline:
                busy = [address for address, keys in client.processing().items() if keys]
                if busy:
                    time.sleep(2)  # well into grading: a kernel is running
                    os.kill(pids[busy[0]], signal.SIGKILL)
                    killed.append(busy[0])
                    return
                time.sleep(0.2)
        killer = threading.Thread(target=kill_a_busy_worker)
        killer.start()
        results = grade_all_here(folder, ASSIGNMENT.id, dask=cluster.scheduler_address, exports=["coursera"],
                                 accept_unconfined=bool(TRUSTED))
        killer.join()
    assert killed, "no worker was busy long enough to be killed"
    assert sorted(results) == ["ada", "bea", "cal"]
    assert all(r["score"] == ASSIGNMENT.max_score for r in results.values()), results
    for learner in results:
        assert json.loads((folder / "results" / f"{learner}.coursera.json").read_text())["fractionalScore"] == 1.0


def test_an_unreachable_dask_scheduler_is_one_clear_error(tmp_path):
    (tmp_path / "ada.ipynb").write_text("{}")
    run = subprocess.run([sys.executable, "-m", "grader", "grade-all", str(tmp_path), "--assignment", ASSIGNMENT.id,
                          "--dask", "tcp://127.0.0.1:9"], capture_output=True, text=True, timeout=120)
    assert run.returncode == 2
    assert run.stderr.startswith("error: cannot reach a Dask scheduler at tcp://127.0.0.1:9")


def test_coursera_feedback_is_cut_to_64_kb_and_says_so():
    from grader.report import COURSERA_FEEDBACK_BYTES, coursera
    exercise = {"id": "sigmoid", "status": "failed", "points": 1.0, "max_points": 4.0, "message": "é" * 50_000,
                "cases": [{"name": f"case {i}", "public": False, "passed": False, "message": "ü" * 500}
                          for i in range(100)]}
    result = {"assignment": "a", "submission": "s", "score": 1.0, "max_score": 4.0, "notes": [],
              "exercises": [exercise], "environment": {"tensorflow": "x", "keras": "y", "seed": 0,
                                                        "seconds": {"total": 1.0}}}
    exported = coursera(result)
    assert exported["fractionalScore"] == 0.25
    assert len(exported["feedback"].encode("utf-8")) <= COURSERA_FEEDBACK_BYTES
    assert exported["feedback"].rstrip().endswith("(feedback cut here: it was longer than Coursera allows)")


@pytest.mark.slow
def test_a_warm_kernel_has_tensorflow_loaded_and_serves_one_submission():
    from grader.execute import Limits
    from grader.grade import grade as grade_one
    from grader.pool import KernelPool

    pool = KernelPool(Limits())
    try:
        kernel = pool.take()
        client = kernel.km.client()
        client.start_channels()
        seen = []
        client.execute_interactive("import sys; print('tensorflow' in sys.modules)", timeout=60,
                                   output_hook=lambda msg: seen.append(msg["content"].get("text", "")))
        client.stop_channels()
        assert "True" in "".join(seen)
        process = kernel.km.provisioner.process
        result = grade_one(ASSIGNMENT.folder / "source.ipynb", kernel=kernel)
        assert result["score"] == ASSIGNMENT.max_score
        assert kernel.km is None and process.poll() is not None  # shut down after its one submission
    finally:
        pool.close()


def test_a_class_laid_out_one_folder_per_learner_is_found_and_mistakes_in_it_are_named(tmp_path):
    from grader.batch import BatchError, _submissions

    for learner, name in (("ada", "submission.ipynb"), ("bob", "C1W1 work.ipynb")):
        (tmp_path / learner / ".ipynb_checkpoints").mkdir(parents=True)
        shutil.copy(ASSIGNMENT.student_path, tmp_path / learner / name)
        shutil.copy(ASSIGNMENT.student_path, tmp_path / learner / ".ipynb_checkpoints" / "old-checkpoint.ipynb")
    shutil.copy(ASSIGNMENT.student_path, tmp_path / "cy.ipynb")
    found = _submissions(tmp_path, tmp_path / "results")
    assert sorted(found.values()) == ["ada", "bob", "cy"]
    assert found[tmp_path / "bob" / "C1W1 work.ipynb"] == "bob"

    shutil.copy(ASSIGNMENT.student_path, tmp_path / "ada" / "draft.ipynb")
    with pytest.raises(BatchError, match=r"more than one notebook: ada/ \(draft.ipynb, submission.ipynb\)"):
        _submissions(tmp_path, tmp_path / "results")

    uploads = tmp_path / "uploads"
    (uploads / "week1").mkdir(parents=True)
    (uploads / "week1" / "ada.zip").write_bytes(b"PK")
    with pytest.raises(BatchError, match="holds no notebooks to grade.*1 .zip file.*grader collect"):
        _submissions(uploads, uploads / "results")


@pytest.mark.slow
def test_grade_all_grades_a_class_laid_out_one_folder_per_learner(tmp_path):
    (tmp_path / "ada").mkdir()
    shutil.copy(ASSIGNMENT.student_path, tmp_path / "ada" / "submission.ipynb")
    out, err = grade_all(tmp_path, "--jobs", "1").communicate(timeout=600)
    rows = list(csv.DictReader((tmp_path / "results" / "gradebook.csv").open()))
    assert [(row["learner"], float(row["score"])) for row in rows] == [("ada", 0.0)], err
    validate(json.loads((tmp_path / "results" / "ada.json").read_text()))
