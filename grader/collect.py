"""Gather submission packages into the layout the grader takes: one notebook per learner.

    python -m grader collect SOURCE... --assignment ID --into FOLDER

A source is a submission .zip, a folder of them (searched recursively), or an LMS's
bulk download: a .zip of submission .zips. FOLDER gets <learner>.ipynb and
<learner>.manifest.json for each learner, the latest submission winning, and
collect-report.json listing what was taken, replaced and skipped (with the reason).
"""
import datetime
import hashlib
import io
import json
import re
import zipfile
from dataclasses import asdict, dataclass, field
from pathlib import Path

from grader.submission import SubmissionError, parse_notebook
from grader.submit import NOTEBOOK_NAME

LEARNER_ID = re.compile(r"[A-Za-z0-9._@-]{1,80}")


@dataclass
class Report:
    collected: dict = field(default_factory=dict)  # learner -> the source the kept submission came from
    replaced: list = field(default_factory=list)   # "source (older than the one kept for LEARNER)"
    skipped: list = field(default_factory=list)    # "source: reason"


def _packages(source):
    """Yield (name, bytes) for every submission package a source holds; damaged input
    yields (name, exception) so it is reported rather than dropped."""
    source = Path(source)
    if source.is_dir():
        for path in sorted(p for p in source.rglob("*") if p.is_file()):
            yield from _packages(path)
        return
    if not source.is_file():
        yield str(source), SubmissionError("no such file or folder")
        return
    if source.suffix != ".zip":
        yield str(source), SubmissionError("not a submission package (.zip made by `grader submit`)")
        return
    data = source.read_bytes()
    yield from _from_zip(str(source), data)


def _from_zip(name, data):
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.namelist()
        if "manifest.json" in members:
            yield name, data
            return
        for member in members:  # a bulk download: submission zips inside one zip
            if member.endswith("/"):
                continue
            inner = f"{name}!{member}"
            if member.endswith(".zip"):
                yield inner, archive.read(member)
            else:
                yield inner, SubmissionError("not a submission package")
    except (zipfile.BadZipFile, OSError, EOFError) as error:  # truncated or corrupted archive
        yield name, SubmissionError(f"damaged zip file ({error})")


def _open_package(data, assignment_id):
    """The (manifest, notebook bytes) of one package, or SubmissionError."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        manifest = json.loads(archive.read("manifest.json"))
        notebook = archive.read(NOTEBOOK_NAME)
    except (zipfile.BadZipFile, KeyError, OSError, EOFError, json.JSONDecodeError, UnicodeDecodeError) as error:
        raise SubmissionError(f"damaged package ({type(error).__name__}: {error})") from None
    for key in ("assignment", "learner", "submitted_at", "sha256"):
        if not isinstance(manifest.get(key), str):
            raise SubmissionError(f"manifest.json lacks {key!r}")
    if manifest["assignment"] != assignment_id:
        raise SubmissionError(f"a submission of assignment {manifest['assignment']!r}, not {assignment_id!r}")
    if not LEARNER_ID.fullmatch(manifest["learner"]):
        raise SubmissionError(f"learner id {manifest['learner']!r} is not allowed")
    if hashlib.sha256(notebook).hexdigest() != manifest["sha256"]:
        raise SubmissionError("the notebook does not match the hash in its manifest (damaged or edited)")
    try:
        manifest["_time"] = datetime.datetime.fromisoformat(manifest["submitted_at"])
    except ValueError:
        raise SubmissionError(f"submitted_at {manifest['submitted_at']!r} is not a time") from None
    parse_notebook(notebook, NOTEBOOK_NAME)
    return manifest, notebook


def _write_atomically(path, data):
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_bytes(data)
    tmp.replace(path)


def collect(sources, assignment_id, into):
    into = Path(into)
    into.mkdir(parents=True, exist_ok=True)
    report = Report()
    latest = {}  # learner -> (time, name, manifest, notebook)
    for source in sources:
        for name, data in _packages(source):
            try:
                if isinstance(data, Exception):
                    raise data
                manifest, notebook = _open_package(data, assignment_id)
            except SubmissionError as error:
                report.skipped.append(f"{name}: {error}")
                continue
            learner, when = manifest["learner"], manifest.pop("_time")
            if learner in latest and latest[learner][0] >= when:
                report.replaced.append(f"{name} (older than the one kept for {learner})")
                continue
            if learner in latest:
                report.replaced.append(f"{latest[learner][1]} (older than the one kept for {learner})")
            latest[learner] = (when, name, manifest, notebook)

    for learner, (when, name, manifest, notebook) in sorted(latest.items()):
        kept = into / f"{learner}.manifest.json"
        if kept.exists():  # collected before, from an earlier download: keep the newer
            earlier = json.loads(kept.read_text())
            if datetime.datetime.fromisoformat(earlier["submitted_at"]) > when:
                report.replaced.append(f"{name} (older than the one already in {into.name} for {learner})")
                continue
        _write_atomically(into / f"{learner}.ipynb", notebook)
        _write_atomically(kept, json.dumps(manifest, indent=2).encode())
        report.collected[learner] = name
    _write_atomically(into / "collect-report.json", json.dumps(asdict(report), indent=2).encode())
    return report
