"""Load a submitted notebook and check it against its assignment's locked cells.

Submitted files are untrusted: a notebook is refused before it is read when it is larger than
MAX_NOTEBOOK_BYTES, before it is parsed when it opens more than MAX_JSON_CONTAINERS lists and
objects, and before nbformat sees it when its JSON nests deeper than MAX_JSON_DEPTH. It is parsed
once.
"""
import json
import stat
from dataclasses import dataclass, field
from pathlib import Path

import nbformat

from grader.assignment import Assignment
from grader.cells import cell_hash, cell_role


# A learner's notebook with its plots is a few MB; the cap bounds what a grader process holds.
MAX_NOTEBOOK_BYTES = 64 * 2**20
READ_CHUNK = 2**20
# A notebook's own structure nests 6 levels, and rich outputs (plots, widgets) add their JSON's;
# nbformat and jsonschema recurse into it all, and fail obscurely past about 900 levels.
MAX_JSON_DEPTH = 100
# Each list or object costs about 500 bytes once parsed into nbformat's nodes: 8 MiB of "{}," took
# 1.7 GB, a notebook at this cap takes about 100 MB. The course's largest notebook opens about
# 1,000 (counting each "{" and "[", those inside strings too); a learner's outputs add some.
MAX_JSON_CONTAINERS = 200_000


class SubmissionError(ValueError):
    """The file cannot be graded at all; the message says why, in one line."""


def _format_size(size):
    return f"{size / 2**20:,.1f} MiB" if size >= 2**20 else f"{size / 2**10:,.1f} KiB"


def too_big(name, size, limit, kind, verb="is"):
    """The one-line error for a file of `size` bytes over its `limit`; `verb` says how the size is
    known ('is', 'would unpack to', ...)."""
    shown = _format_size(size) if _format_size(size) != _format_size(limit) else f"over {_format_size(limit)}"
    return SubmissionError(f"{name} {verb} {shown}; {kind} may be at most {_format_size(limit)}")


def read_capped(file, limit, name, kind):
    """All of an open binary file (or zip member), or SubmissionError if it holds more than
    `limit` bytes. Reads at most limit + 1 bytes, so a file bigger than its size said
    (a growing file, a zip member whose header lies) is still stopped at the limit. Reads in
    chunks: one read(limit + 1) would take `limit` bytes of memory for the smallest file."""
    data = bytearray()
    while len(data) <= limit:
        chunk = file.read(min(READ_CHUNK, limit + 1 - len(data)))
        if not chunk:
            break
        data += chunk
    if len(data) > limit:
        raise too_big(name, len(data), limit, kind, verb="holds")
    return bytes(data)


def read_submission_bytes(path):
    """The bytes of a submitted notebook file; SubmissionError, without reading it, if it is over
    MAX_NOTEBOOK_BYTES or not a regular file."""
    path = Path(path)
    try:
        status = path.stat()
        if not stat.S_ISREG(status.st_mode):
            raise SubmissionError(f"{path}: not a file")
        if status.st_size > MAX_NOTEBOOK_BYTES:
            raise too_big(path.name, status.st_size, MAX_NOTEBOOK_BYTES, "a notebook")
        with path.open("rb") as file:
            return read_capped(file, MAX_NOTEBOOK_BYTES, path.name, "a notebook")
    except FileNotFoundError:
        raise SubmissionError(f"{path}: no such file") from None
    except OSError as error:
        raise SubmissionError(f"{path}: cannot be read ({error.strerror or error})") from None


@dataclass
class Submission:
    path: Path
    notebook: nbformat.NotebookNode
    assignment: Assignment
    tampered: list = field(default_factory=list)          # locked cells edited by the learner
    missing_exercises: list = field(default_factory=list)  # exercise cells deleted


def read_notebook(path):
    return parse_notebook(read_submission_bytes(path), Path(path).name)


def _nests_deeper_than(value, limit):
    """Whether the lists and objects of parsed JSON nest more than `limit` levels (walked without recursion)."""
    stack = [(value, 1)]
    while stack:
        value, depth = stack.pop()
        if depth > limit:
            return True
        children = value.values() if isinstance(value, dict) else value
        stack.extend((child, depth + 1) for child in children if isinstance(child, (dict, list)))
    return False


def _too_deep(name):
    return SubmissionError(f"{name}: its JSON nests lists and objects more than {MAX_JSON_DEPTH} levels deep; "
                           f"a notebook may nest at most {MAX_JSON_DEPTH}")


def _refuse_many_containers(data, name):
    """SubmissionError, before any parsing, when `data` opens more than MAX_JSON_CONTAINERS lists and objects."""
    count = data.count(b"{") + data.count(b"[")
    if count > MAX_JSON_CONTAINERS:
        raise SubmissionError(f"{name} opens {count:,} JSON lists and objects (counting each '{{' and '['); "
                              f"a notebook may open at most {MAX_JSON_CONTAINERS:,}")


def parse_notebook(data, name):
    """A validated nbformat 4 notebook from raw bytes, or SubmissionError saying why not."""
    if len(data) > MAX_NOTEBOOK_BYTES:
        raise too_big(name, len(data), MAX_NOTEBOOK_BYTES, "a notebook")
    _refuse_many_containers(data, name)
    try:
        raw = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise SubmissionError(f"{name}: not a notebook (not valid JSON: {error})") from None
    except RecursionError:  # nested deeper than the JSON parser follows (about 1000 levels)
        raise _too_deep(name) from None
    if not isinstance(raw, dict) or "cells" not in raw or "nbformat" not in raw:
        raise SubmissionError(f"{name}: JSON, but not a Jupyter notebook (no cells or nbformat)")
    if _nests_deeper_than(raw, MAX_JSON_DEPTH):  # before nbformat and jsonschema recurse into it
        raise _too_deep(name)
    if raw["nbformat"] != 4:
        raise SubmissionError(f"{name}: nbformat {raw['nbformat']} notebook; save it from JupyterLab as nbformat 4")
    try:
        # What nbformat.reads does after parsing: joins sources stored as lists of lines.
        nb = nbformat.v4.to_notebook_json(raw)
        nbformat.validate(nb)
    except Exception as error:
        raise SubmissionError(f"{name}: not a valid nbformat 4 notebook ({str(error).splitlines()[0]})") from None
    return nb


def load(path, assignment_id=None):
    """Read and identify a submission; raises SubmissionError when it cannot be graded."""
    nb = read_notebook(path)
    declared = nb.metadata.get("grader", {}).get("assignment")
    if assignment_id and declared and declared != assignment_id:
        raise SubmissionError(f"{Path(path).name} is a notebook of assignment {declared!r}, not {assignment_id!r}")
    if not (assignment_id or declared):
        raise SubmissionError(f"{Path(path).name}: no assignment id in its metadata; pass --assignment ID")
    assignment = Assignment(assignment_id or declared)
    submission = Submission(Path(path), nb, assignment)
    _compare_with_source(submission)
    return submission


def _compare_with_source(submission):
    source_locked = submission.assignment.locked_cells
    learner_locked = [c for c in submission.notebook.cells if cell_role(c).get("locked")]
    for i, original in enumerate(source_locked):
        if i >= len(learner_locked) or cell_hash(learner_locked[i]) != cell_hash(original):
            submission.tampered.append(i)
    present = {cell_role(c).get("exercise") for c in submission.notebook.cells}
    submission.missing_exercises = [e.id for e in submission.assignment.exercises if e.id not in present]


def restored_notebook(submission):
    """The notebook to execute: the source's locked cells, in the source's order (so edits
    are undone and deleted ones come back), with the learner's exercise cells in their
    places and any cells the learner added kept after the exercise they followed."""
    exercise_cells, added_after = {}, {}
    anchor = None  # the exercise the learner's added cells follow; None before the first
    for cell in submission.notebook.cells:
        role = cell_role(cell)
        if role.get("locked"):
            continue
        if "exercise" in role:
            anchor = role["exercise"]
            exercise_cells[anchor] = cell
        else:
            added_after.setdefault(anchor, []).append(cell)

    cells, leading = [], added_after.get(None, [])
    for cell in submission.assignment.source.cells:
        role = cell_role(cell)
        if role.get("locked"):
            cells.append(nbformat.from_dict(cell))
        elif "exercise" in role:
            cells += leading
            leading = []
            if role["exercise"] in exercise_cells:
                cells.append(exercise_cells[role["exercise"]])
                cells += added_after.get(role["exercise"], [])
    cells += leading

    nb = nbformat.from_dict(submission.notebook)
    nb.cells = [nbformat.from_dict(c) for c in cells]
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
    return nb
