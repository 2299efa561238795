"""Handing in and gathering: submit → collect → grade, and what goes wrong on the way."""
import hashlib
import io
import json
import subprocess
import sys
import zipfile

import nbformat
import pytest

from grader.assignment import Assignment, cell_role
from grader.collect import collect
from grader.grade import grade
from grader.submission import SubmissionError
from grader.submit import package, submit

ASSIGNMENT = Assignment("c1w1_data_as_tensors")


def make_zip(assignment, learner, when, notebook=None, sha=None):
    """A submission .zip as `grader submit` writes it, made by hand (fast)."""
    notebook = notebook if notebook is not None else ASSIGNMENT.student_path.read_bytes()
    manifest = {"manifest_version": 1, "assignment": assignment, "learner": learner, "submitted_at": when,
                "notebook": "submission.ipynb", "sha256": sha or hashlib.sha256(notebook).hexdigest()}
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("submission.ipynb", notebook)
        archive.writestr("manifest.json", json.dumps(manifest))
    return buffer.getvalue()


@pytest.mark.slow
def test_round_trip_submit_collect_grade(tmp_path):
    notebook = tmp_path / "my_work.ipynb"
    notebook.write_bytes((ASSIGNMENT.folder / "source.ipynb").read_bytes())  # a learner who solved it all
    uploads = tmp_path / "uploads"
    uploads.mkdir()
    made = submit(notebook, learner="ada", out_dir=uploads)

    with zipfile.ZipFile(made.path) as archive:
        assert sorted(archive.namelist()) == ["manifest.json", "submission.ipynb"]
        manifest = json.loads(archive.read("manifest.json"))
    assert manifest["assignment"] == ASSIGNMENT.id and manifest["learner"] == "ada"
    assert manifest["ran_top_to_bottom"] is True and made.warnings == []
    assert all(c["failed"] == 0 and c["passed"] > 0 for c in manifest["public_checks"].values())

    report = collect([uploads], ASSIGNMENT.id, tmp_path / "class")
    assert list(report.collected) == ["ada"] and not report.skipped
    result = grade(tmp_path / "class" / "ada.ipynb")
    assert result["score"] == result["max_score"]


def test_submit_refuses_a_notebook_with_edited_locked_cells(tmp_path):
    nb = nbformat.read(ASSIGNMENT.student_path, as_version=4)
    next(c for c in nb.cells if cell_role(c).get("locked")).source += "\nSEED = 1"
    path = tmp_path / "edited.ipynb"
    nbformat.write(nb, path)
    with pytest.raises(SubmissionError, match="locked cell"):
        package(path, learner="eve", run=False, out_dir=tmp_path)
    assert not list(tmp_path.glob("*.zip"))


def test_submit_refuses_a_notebook_of_no_known_assignment(tmp_path):
    nb = nbformat.read(ASSIGNMENT.student_path, as_version=4)
    nb.metadata["grader"]["assignment"] = "c9w9_elsewhere"
    path = tmp_path / "foreign.ipynb"
    nbformat.write(nb, path)
    result = subprocess.run([sys.executable, "-m", "grader", "submit", str(path), "--no-run"],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 2 and "unknown assignment 'c9w9_elsewhere'" in result.stderr
    assert not list(tmp_path.glob("*.zip"))


def test_submit_warns_about_unattempted_exercises_but_packages(tmp_path):
    made = package(ASSIGNMENT.student_path, learner="bob", run=False, out_dir=tmp_path)
    assert made.path.exists()
    assert {w.split()[1] for w in made.warnings} == {e.id for e in ASSIGNMENT.exercises}


def test_collect_keeps_each_learners_latest_and_reports_every_skip(tmp_path):
    uploads = tmp_path / "uploads"
    (uploads / "week1").mkdir(parents=True)
    solved = (ASSIGNMENT.folder / "source.ipynb").read_bytes()
    (uploads / "a1.zip").write_bytes(make_zip(ASSIGNMENT.id, "ada", "2026-11-20T10:00:00+00:00"))
    (uploads / "week1" / "a2.zip").write_bytes(make_zip(ASSIGNMENT.id, "ada", "2026-11-21T10:00:00+00:00", solved))
    (uploads / "b.zip").write_bytes(make_zip(ASSIGNMENT.id, "bob", "2026-11-20T09:00:00+00:00"))
    (uploads / "foreign.zip").write_bytes(make_zip("c1w2_logistic_regression", "cy", "2026-11-20T09:00:00+00:00"))
    (uploads / "truncated.zip").write_bytes(make_zip(ASSIGNMENT.id, "dee", "2026-11-20T09:00:00+00:00")[:200])
    (uploads / "edited.zip").write_bytes(make_zip(ASSIGNMENT.id, "eve", "2026-11-20T09:00:00+00:00", sha="0" * 64))
    (uploads / "notes.txt").write_text("not a submission")

    report = collect([uploads], ASSIGNMENT.id, tmp_path / "class")

    assert sorted(report.collected) == ["ada", "bob"]
    assert (tmp_path / "class" / "ada.ipynb").read_bytes() == solved  # the later one
    assert len(report.replaced) == 1 and "a1.zip" in report.replaced[0]
    reasons = "\n".join(report.skipped)
    assert len(report.skipped) == 4
    assert "foreign.zip: a submission of assignment 'c1w2_logistic_regression'" in reasons
    assert "truncated.zip: damaged zip" in reasons
    assert "edited.zip: the notebook does not match the hash" in reasons
    assert "notes.txt: not a submission package" in reasons
    saved = json.loads((tmp_path / "class" / "collect-report.json").read_text())
    assert saved["skipped"] == report.skipped


def test_collect_reads_an_lms_bulk_download_and_exits_1_when_something_was_skipped(tmp_path):
    bulk = tmp_path / "bulk.zip"
    with zipfile.ZipFile(bulk, "w") as archive:
        archive.writestr("Ada Lovelace_123/submission.zip", make_zip(ASSIGNMENT.id, "ada", "2026-11-20T10:00:00+00:00"))
        archive.writestr("Bob_456/submission.zip", make_zip(ASSIGNMENT.id, "bob", "2026-11-20T10:00:00+00:00"))
        archive.writestr("Cy_789/readme.txt", "forgot to attach")
    result = subprocess.run([sys.executable, "-m", "grader", "collect", str(bulk), "--assignment", ASSIGNMENT.id,
                             "--into", str(tmp_path / "class")], capture_output=True, text=True, timeout=120)
    assert result.returncode == 1
    assert "collected 2 learner(s)" in result.stdout and "Cy_789/readme.txt: not a submission package" in result.stdout
    assert sorted(p.name for p in (tmp_path / "class").glob("*.ipynb")) == ["ada.ipynb", "bob.ipynb"]


def test_the_hand_in_cell_asks_for_a_real_learner_id_in_one_line(tmp_path, capsys):
    assert submit(ASSIGNMENT.student_path, learner="YOUR_ID", out_dir=tmp_path) is None
    assert capsys.readouterr().out.strip() == (
        '✘ Not submitted: put your learner id in place of "YOUR_ID" in the submit cell')
    assert not list(tmp_path.glob("*.zip"))
