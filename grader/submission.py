"""Load a submitted notebook and check it against its assignment's locked cells."""
import json
from dataclasses import dataclass, field
from pathlib import Path

import nbformat

from grader.assignment import Assignment, cell_hash, cell_role


class SubmissionError(ValueError):
    """The file cannot be graded at all; the message says why, in one line."""


@dataclass
class Submission:
    path: Path
    notebook: nbformat.NotebookNode
    assignment: Assignment
    tampered: list = field(default_factory=list)          # locked cells edited by the learner
    missing_exercises: list = field(default_factory=list)  # exercise cells deleted


def read_notebook(path):
    path = Path(path)
    if not path.is_file():
        raise SubmissionError(f"{path}: no such file")
    return parse_notebook(path.read_bytes(), path.name)


def parse_notebook(data, name):
    """A validated nbformat 4 notebook from raw bytes, or SubmissionError saying why not."""
    try:
        text = data.decode("utf-8")
        raw = json.loads(text)
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise SubmissionError(f"{name}: not a notebook (not valid JSON: {error})") from None
    if not isinstance(raw, dict) or "cells" not in raw or "nbformat" not in raw:
        raise SubmissionError(f"{name}: JSON, but not a Jupyter notebook (no cells or nbformat)")
    if raw["nbformat"] != 4:
        raise SubmissionError(f"{name}: nbformat {raw['nbformat']} notebook; save it from JupyterLab as nbformat 4")
    try:
        nb = nbformat.reads(text, as_version=4)  # also joins sources stored as lists of lines
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
