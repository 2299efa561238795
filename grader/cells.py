"""What each cell of an assignment notebook is, by its `metadata["grader"]` (see
assignments/README.md): an exercise, a locked cell, a solution-only cell, the hand-in cell,
or a harness cell the grader appends; and the hash that tells an edited locked cell."""
import hashlib

# nbformat is imported where it is used: learners' and grading kernels import this module, and
# nbformat's import (jsonschema with its format checkers) costs about a second of CPU.

HARNESS_TAG = "grader-harness"


def cell_role(cell):
    """The cell's grader metadata: {"exercise": id, "points": n} (with "answer": true for a question
    answered by setting a variable), {"locked": true}, {"solution": true},
    {"submit": true}, {"harness": id}, or {} for a learner's own cell."""
    return cell.get("metadata", {}).get("grader", {})


def exercise_of(cell):
    return cell_role(cell).get("exercise")


def harness_of(cell):
    return cell_role(cell).get("harness")


def cell_hash(cell):
    return hashlib.sha256(cell.get("source", "").encode("utf-8")).hexdigest()


def harness_cell(exercise_id, inputs_path, reference_paths, answer=False):
    """The cell that checks one exercise in the learner's kernel (grader.harness.run_exercise),
    or sends a question's answer back (grader.harness.send_answer)."""
    import nbformat
    cell = nbformat.v4.new_code_cell(
        f"from grader.harness import send_answer\nsend_answer({exercise_id!r}, globals())" if answer else
        "from grader.harness import run_exercise\n"
        f"run_exercise({exercise_id!r}, globals(), {inputs_path!r}, {list(reference_paths)!r})")
    cell.metadata["tags"] = [HARNESS_TAG]
    cell.metadata["grader"] = {"harness": exercise_id}
    return cell


def without_submit_cells(notebook):
    """A copy without the cell that calls submit(): running it while grading (or while
    submit() itself runs the notebook) would package the notebook again."""
    import nbformat
    nb = nbformat.from_dict(notebook)
    nb.cells = [c for c in nb.cells if not cell_role(c).get("submit")]
    return nb
