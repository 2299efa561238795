"""The hand-in package: what `grader submit` writes and `grader collect` opens. One zip
holding the notebook (NOTEBOOK_NAME) and its manifest (MANIFEST_NAME), nothing else:

    {"manifest_version": 1, "assignment", "learner", "submitted_at" (ISO time), "notebook",
     "sha256" (of the notebook's bytes), "versions", "ran_top_to_bottom", "public_checks", "warnings"}

Packages reaching an instructor are untrusted: a member is unpacked only if it is stored or
deflated and claims no more than its limit, and is read no further than that limit.
"""
import datetime
import hashlib
import io
import json
import re
import zipfile
import zlib

from grader import load
from grader.load import SubmissionError, parse_notebook, read_capped, too_big

MANIFEST_VERSION = 1
NOTEBOOK_NAME = "submission.ipynb"
MANIFEST_NAME = "manifest.json"
LEARNER_ID = re.compile(r"[A-Za-z0-9._@-]{1,80}")
MAX_MANIFEST_BYTES = 64 * 2**10  # `grader submit` writes about 1 KiB
# zipfile bounds how much deflate it unpacks per read, but unpacks a bzip2 or LZMA chunk whole,
# before any limit applies: a few hundred bytes of bzip2 can take gigabytes of memory.
SAFE_COMPRESSIONS = (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED)
DAMAGED_ZIP = (zipfile.BadZipFile, zlib.error, OSError, EOFError)  # what reading a corrupted zip raises


def pack(notebook, manifest):
    """The package's bytes: `notebook` (bytes) and `manifest` (a dict)."""
    zipped = io.BytesIO()
    with zipfile.ZipFile(zipped, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(NOTEBOOK_NAME, notebook)
        archive.writestr(MANIFEST_NAME, json.dumps(manifest, indent=2))
    return zipped.getvalue()


def read_member(archive, member, limit, kind):
    """The unpacked bytes of a zip member, or SubmissionError if it claims, or holds, more than `limit`."""
    info = archive.getinfo(member)
    if info.compress_type not in SAFE_COMPRESSIONS:
        method = zipfile.compressor_names.get(info.compress_type, f"method {info.compress_type}")
        raise SubmissionError(f"{member} is compressed with {method}; only stored or deflated files are unpacked")
    if info.file_size > limit:
        raise too_big(member, info.file_size, limit, kind, verb="would unpack to")
    with archive.open(info) as file:
        return read_capped(file, limit, member, kind)


def unpack(package, assignment_id):
    """The (manifest, notebook bytes) of a package (a zip's path or file object) of `assignment_id`,
    with manifest["_time"] its submission time; SubmissionError when it is damaged, foreign or edited."""
    try:
        with zipfile.ZipFile(package) as archive:
            manifest = json.loads(read_member(archive, MANIFEST_NAME, MAX_MANIFEST_BYTES, "a manifest"))
            notebook = read_member(archive, NOTEBOOK_NAME, load.MAX_NOTEBOOK_BYTES, "a notebook")
    except (*DAMAGED_ZIP, KeyError, json.JSONDecodeError, UnicodeDecodeError, RecursionError) as error:
        raise SubmissionError(f"damaged package ({type(error).__name__}: {error})") from None
    if not isinstance(manifest, dict):
        raise SubmissionError(f"{MANIFEST_NAME} is not a JSON object")
    for key in ("assignment", "learner", "submitted_at", "sha256"):
        if not isinstance(manifest.get(key), str):
            raise SubmissionError(f"{MANIFEST_NAME} lacks {key!r}")
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
