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
import io
import json
import zipfile
from dataclasses import asdict, dataclass, field
from pathlib import Path

from grader import handin
from grader.files import write_atomically
from grader.handin import DAMAGED_ZIP, read_member
from grader.load import MAX_NOTEBOOK_BYTES, SubmissionError

MAX_PACKAGE_BYTES = MAX_NOTEBOOK_BYTES + 2**20  # a notebook, its manifest and the zip's headers


@dataclass
class Report:
    collected: dict = field(default_factory=dict)  # learner -> the source the kept submission came from
    replaced: list = field(default_factory=list)   # "source (older than the one kept for LEARNER)"
    skipped: list = field(default_factory=list)    # "source: reason"


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
            if handin.MANIFEST_NAME in members:
                yield name, package
                return
            for member in members:  # a bulk download: submission zips inside one zip
                if member.endswith("/"):
                    continue
                if not member.endswith(".zip"):
                    yield f"{name}!{member}", SubmissionError("not a submission package")
                    continue
                try:
                    inner = io.BytesIO(read_member(archive, member, MAX_PACKAGE_BYTES, "a submission package"))
                except SubmissionError as error:
                    inner = error
                except DAMAGED_ZIP as error:
                    inner = SubmissionError(f"damaged zip file ({error})")
                yield f"{name}!{member}", inner
    except DAMAGED_ZIP as error:  # truncated or corrupted archive
        yield name, SubmissionError(f"damaged zip file ({error})")


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
                manifest, notebook = handin.unpack(package, assignment_id)
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
