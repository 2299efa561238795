"""Gather submission packages into the layout the grader takes: one notebook per learner.

    python -m grader collect SOURCE... --assignment ID --into FOLDER

A source is a submission .zip, a folder of them (searched recursively), or an LMS's
bulk download: a .zip of submission .zips. FOLDER gets <learner>.ipynb and
<learner>.manifest.json for each learner, the latest submission winning, and
collect-report.json listing what was taken, replaced and skipped (with the reason).

Packages are untrusted: zips are opened from their path, never read whole, and a member is
unpacked only if it is stored or deflated (what `grader submit` and LMSs write) and claims
no more than its limit (a notebook MAX_NOTEBOOK_BYTES, manifest.json MAX_MANIFEST_BYTES, a
submission .zip inside a bulk download MAX_PACKAGE_BYTES); it is then read no further than
that limit, even if its header lied. Anything over a limit is skipped with the reason.
"""
import datetime
import hashlib
import io
import json
import re
import zipfile
import zlib
from dataclasses import asdict, dataclass, field
from pathlib import Path

from grader import submission
from grader.files import write_atomically
from grader.submission import SubmissionError, parse_notebook, read_capped, too_big
from grader.submit import NOTEBOOK_NAME

LEARNER_ID = re.compile(r"[A-Za-z0-9._@-]{1,80}")
MAX_MANIFEST_BYTES = 64 * 2**10  # `grader submit` writes about 1 KiB
MAX_PACKAGE_BYTES = submission.MAX_NOTEBOOK_BYTES + 2**20  # a notebook, its manifest and the zip's headers
# zipfile bounds how much deflate it unpacks per read, but unpacks a bzip2 or LZMA chunk whole,
# before any limit applies: a few hundred bytes of bzip2 can take gigabytes of memory.
SAFE_COMPRESSIONS = (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED)
DAMAGED_ZIP = (zipfile.BadZipFile, zlib.error, OSError, EOFError)  # what reading a corrupted zip raises


@dataclass
class Report:
    collected: dict = field(default_factory=dict)  # learner -> the source the kept submission came from
    replaced: list = field(default_factory=list)   # "source (older than the one kept for LEARNER)"
    skipped: list = field(default_factory=list)    # "source: reason"


def _read_member(archive, member, limit, kind):
    """The unpacked bytes of a zip member, or SubmissionError if it claims, or holds, more than `limit`."""
    info = archive.getinfo(member)
    if info.compress_type not in SAFE_COMPRESSIONS:
        method = zipfile.compressor_names.get(info.compress_type, f"method {info.compress_type}")
        raise SubmissionError(f"{member} is compressed with {method}; only stored or deflated files are unpacked")
    if info.file_size > limit:
        raise too_big(member, info.file_size, limit, kind, verb="would unpack to")
    with archive.open(info) as file:
        return read_capped(file, limit, member, kind)


def _packages(source):
    """Yield (name, package) for every submission package a source holds, a package being a zip's
    path or file object; damaged or oversized input yields (name, exception) so it is reported
    rather than dropped."""
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
    yield from _from_zip(str(source), source)


def _from_zip(name, package):
    try:
        with zipfile.ZipFile(package) as archive:
            members = archive.namelist()
            if "manifest.json" in members:
                yield name, package
                return
            for member in members:  # a bulk download: submission zips inside one zip
                if member.endswith("/"):
                    continue
                if not member.endswith(".zip"):
                    yield f"{name}!{member}", SubmissionError("not a submission package")
                    continue
                try:
                    inner = io.BytesIO(_read_member(archive, member, MAX_PACKAGE_BYTES, "a submission package"))
                except SubmissionError as error:
                    inner = error
                except DAMAGED_ZIP as error:
                    inner = SubmissionError(f"damaged zip file ({error})")
                yield f"{name}!{member}", inner
    except DAMAGED_ZIP as error:  # truncated or corrupted archive
        yield name, SubmissionError(f"damaged zip file ({error})")


def _open_package(package, assignment_id):
    """The (manifest, notebook bytes) of one package, or SubmissionError."""
    try:
        with zipfile.ZipFile(package) as archive:
            manifest = json.loads(_read_member(archive, "manifest.json", MAX_MANIFEST_BYTES, "a manifest"))
            notebook = _read_member(archive, NOTEBOOK_NAME, submission.MAX_NOTEBOOK_BYTES, "a notebook")
    except (*DAMAGED_ZIP, KeyError, json.JSONDecodeError, UnicodeDecodeError, RecursionError) as error:
        raise SubmissionError(f"damaged package ({type(error).__name__}: {error})") from None
    if not isinstance(manifest, dict):
        raise SubmissionError("manifest.json is not a JSON object")
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


def collect(sources, assignment_id, into):
    into = Path(into)
    into.mkdir(parents=True, exist_ok=True)
    report = Report()
    latest = {}  # learner -> (time, name, manifest, notebook)
    for source in sources:
        for name, package in _packages(source):
            try:
                if isinstance(package, Exception):
                    raise package
                manifest, notebook = _open_package(package, assignment_id)
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
        write_atomically(into / f"{learner}.ipynb", notebook)
        write_atomically(kept, json.dumps(manifest, indent=2).encode())
        report.collected[learner] = name
    write_atomically(into / "collect-report.json", json.dumps(asdict(report), indent=2).encode())
    return report
