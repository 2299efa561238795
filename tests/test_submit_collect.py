"""Handing in and gathering: submit → collect → grade, and what goes wrong on the way."""
import hashlib
import io
import json
import struct
import subprocess
import sys
import tracemalloc
import zipfile

import nbformat
import pytest

from grader import collect as collect_module
from grader import load
from grader.assignment import Assignment
from grader.cells import cell_role
from grader.collect import collect
from grader.grade import grade
from grader.load import SubmissionError
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


def zeros_package(learner, mib, claimed_size=None):
    """A zip bomb: a package whose notebook is `mib` MiB of zeros, deflated to about `mib` KB.
    With `claimed_size`, its headers lie that the notebook unpacks to that many bytes."""
    manifest = {"manifest_version": 1, "assignment": ASSIGNMENT.id, "learner": learner,
                "submitted_at": "2026-11-30T10:00:00+00:00", "notebook": "submission.ipynb", "sha256": "0" * 64}
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("manifest.json", json.dumps(manifest))
        with archive.open("submission.ipynb", "w") as notebook:
            for _ in range(mib):
                notebook.write(bytes(2**20))
    if claimed_size is None:
        return buffer.getvalue()
    data = bytearray(buffer.getvalue())
    local_header = zipfile.ZipFile(buffer).getinfo("submission.ipynb").header_offset
    central_header = data.rindex(b"PK\x01\x02", 0, data.rindex(b"submission.ipynb"))  # the directory is last
    struct.pack_into("<I", data, local_header + 22, claimed_size)  # the uncompressed size, in both
    struct.pack_into("<I", data, central_header + 24, claimed_size)
    return bytes(data)


def peak_memory_of(call, *args):
    """`call(*args)`'s result and its peak of Python allocations in bytes."""
    tracemalloc.start()
    try:
        return call(*args), tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


@pytest.mark.slow
def test_round_trip_submit_collect_grade(tmp_path, capfd):
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
    printed = "".join(capfd.readouterr())
    assert "Kernel is running over TCP" not in printed and "[IPKernelApp]" not in printed  # no kernel logs


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


def test_collect_stops_a_zip_bomb_and_a_lying_header_at_the_limit_in_little_memory(tmp_path, monkeypatch):
    monkeypatch.setattr(load, "MAX_NOTEBOOK_BYTES", 2**20)  # 1 MiB: bombs of 128 MiB are over it
    honest, bomb, lying = tmp_path / "ada.zip", tmp_path / "bomb.zip", tmp_path / "lying.zip"
    honest.write_bytes(make_zip(ASSIGNMENT.id, "ada", "2026-11-20T10:00:00+00:00"))
    bomb.write_bytes(zeros_package("ada", mib=128))  # claims to be ada's later submission
    lying.write_bytes(zeros_package("bob", mib=128, claimed_size=1000))
    assert list(collect([honest], ASSIGNMENT.id, tmp_path / "class").collected) == ["ada"]

    report, peak = peak_memory_of(collect, [bomb, lying], ASSIGNMENT.id, tmp_path / "class")

    assert peak < 8 * 2**20  # each bomb unpacks to 128 MiB
    assert report.skipped == [
        f"{bomb}: submission.ipynb would unpack to 128.0 MiB; a notebook may be at most 1.0 MiB",
        f"{lying}: damaged package (BadZipFile: Bad CRC-32 for file 'submission.ipynb')"]  # read no further
    assert not report.collected  # and what was collected before is kept
    assert (tmp_path / "class" / "ada.ipynb").read_bytes() == ASSIGNMENT.student_path.read_bytes()


def test_collect_exits_1_naming_a_zip_bomb_in_a_bulk_download(tmp_path):
    bulk = tmp_path / "bulk.zip"
    with zipfile.ZipFile(bulk, "w") as archive:
        archive.writestr("Ada_123/submission.zip", make_zip(ASSIGNMENT.id, "ada", "2026-11-20T10:00:00+00:00"))
        archive.writestr("Bob_456/submission.zip", zeros_package("bob", mib=100))  # over the real 64 MiB limit
    result = subprocess.run([sys.executable, "-m", "grader", "collect", str(bulk), "--assignment", ASSIGNMENT.id,
                             "--into", str(tmp_path / "class")], capture_output=True, text=True, timeout=120)
    assert result.returncode == 1, result.stderr
    assert "collected 1 learner(s)" in result.stdout
    assert (f"skipped: {bulk}!Bob_456/submission.zip: submission.ipynb would unpack to 100.0 MiB; "
            "a notebook may be at most 64.0 MiB") in result.stdout
    assert [p.name for p in (tmp_path / "class").glob("*.ipynb")] == ["ada.ipynb"]


def test_collect_skips_what_it_should_not_unpack_and_keeps_the_rest(tmp_path, monkeypatch):
    honest = make_zip(ASSIGNMENT.id, "ada", "2026-11-20T10:00:00+00:00")
    monkeypatch.setattr(collect_module, "MAX_PACKAGE_BYTES", len(honest))
    padded = make_zip(ASSIGNMENT.id, "bob", "2026-11-20T10:00:00+00:00", ASSIGNMENT.student_path.read_bytes() + b" " * 10_000)
    bzip2 = io.BytesIO()
    with zipfile.ZipFile(bzip2, "w") as archive:  # bzip2 would be unpacked a whole chunk at once: refused
        with zipfile.ZipFile(io.BytesIO(make_zip(ASSIGNMENT.id, "cy", "2026-11-20T10:00:00+00:00"))) as made:
            for info in made.infolist():
                archive.writestr(info.filename, made.read(info), compress_type=zipfile.ZIP_BZIP2)
    deflated = io.BytesIO()
    with zipfile.ZipFile(deflated, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("manifest.json", json.dumps({"learner": "dee"}))
        archive.writestr("submission.ipynb", ASSIGNMENT.student_path.read_bytes())
        start = archive.getinfo("submission.ipynb").header_offset + 30 + len("submission.ipynb")
    corrupted = bytearray(deflated.getvalue())
    corrupted[start:start + 16] = b"\xff" * 16  # not a deflate stream any more

    bulk = tmp_path / "bulk.zip"
    with zipfile.ZipFile(bulk, "w") as archive:
        archive.writestr("Ada_123/submission.zip", honest)
        archive.writestr("Bob_456/submission.zip", padded)
        archive.writestr("Cy_789/submission.zip", bzip2.getvalue())
        archive.writestr("Dee_012/submission.zip", bytes(corrupted))
    report = collect([bulk], ASSIGNMENT.id, tmp_path / "class")

    assert list(report.collected) == ["ada"]
    reasons = "\n".join(report.skipped)
    assert len(report.skipped) == 3, reasons
    assert (f"Bob_456/submission.zip: Bob_456/submission.zip would unpack to {len(padded) / 1024:.1f} KiB; "
            f"a submission package may be at most {len(honest) / 1024:.1f} KiB") in reasons
    assert "Cy_789/submission.zip: manifest.json is compressed with bzip2; only stored or deflated files" in reasons
    assert "Dee_012/submission.zip: damaged package (error: Error -3 while decompressing data" in reasons
