"""Make the student notebook from the source: solutions out, stubs in, metadata kept, and under
each exercise's self-check the expected output of its public cases, read from the recorded
fixtures (so it changes when they do, and a test sees a student notebook left behind)."""
import re

import nbformat
import numpy as np

from grader.cells import cell_role
from grader.shown import describe

BEGIN, END = "### BEGIN SOLUTION", "### END SOLUTION"
REGION = re.compile(rf"^([ \t]*){re.escape(BEGIN)}[^\n]*\n.*?^[ \t]*{re.escape(END)}[^\n]*$", re.S | re.M)


def strip_solutions(source, exercise_id, answer=False):
    """Replace every solution region with a stub that raises NotImplementedError, or for a
    question (`answer`), with the question's variable set to None."""
    if BEGIN not in source:
        return source
    stub = f'raise NotImplementedError("{exercise_id}: write your code here")'
    mark = "# YOUR CODE HERE"
    if answer:
        stub, mark = f"{exercise_id} = None", "# YOUR ANSWER HERE"
    stripped = REGION.sub(lambda m: f"{m.group(1)}{mark}\n{m.group(1)}{stub}", source)
    if BEGIN in stripped or END in stripped:
        raise ValueError(f"{exercise_id}: unbalanced {BEGIN} / {END} markers")
    return stripped


def expected_output_cell(exercise_id, public_values):
    """The markdown cell that shows the expected output of an exercise's public cases:
    `public_values` is a list of (case name, the solution's value, whether the check wants
    these very numbers or judges what the result does, such as its accuracy)."""
    lines = [f"**Expected output** of `{exercise_id}` on the public checks, from the reference solution:", ""]
    lines += [f"- {name}: `{describe(value)}`" + ("" if exact else " (judged by what it does: your numbers may differ)")
              for name, value, exact in public_values]
    cell = nbformat.v4.new_markdown_cell("\n".join(lines))
    cell.id = f"expected-{exercise_id}"[:64]  # the same id on every release: no diff without a change
    cell.metadata["grader"] = {"expected_output": exercise_id}
    return cell


def _self_check_of(cell):
    match = re.match(r"check\(\s*[\"'](\w+)[\"']", cell.source) if cell.cell_type == "code" else None
    return match.group(1) if match and cell_role(cell).get("locked") else None


def student_notebook(source_nb, expected=None):
    """The learner's copy: no solution-only cells, no solutions, no outputs; after the self-check
    cell of each exercise in `expected` (exercise id -> [(case name, value)] of its public
    cases), the expected output."""
    nb = nbformat.from_dict(source_nb)  # a deep copy
    cells = []
    for cell in nb.cells:
        role = cell_role(cell)
        if role.get("solution"):
            continue
        if "exercise" in role:
            cell.source = strip_solutions(cell.source, role["exercise"], bool(role.get("answer")))
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
        cells.append(cell)
        checked = _self_check_of(cell)
        if expected and checked in expected:
            cells.append(expected_output_cell(checked, expected[checked]))
    nb.cells = cells
    return nb


def _nudged(value):
    """`value` with every float moved by about 1%, or None if it holds no float."""
    if isinstance(value, dict):
        items = {key: _nudged(item) for key, item in value.items()}
        return None if all(v is None for v in items.values()) else \
            {key: value[key] if items[key] is None else items[key] for key in value}
    if isinstance(value, (list, tuple)):
        items = [_nudged(item) for item in value]
        return None if all(v is None for v in items) else \
            type(value)(original if item is None else item for original, item in zip(value, items))
    if isinstance(value, (float, np.floating)):  # inf and nan have no numbers near them to move to
        return value * 1.01 + 0.01 if np.isfinite(value) else None
    if isinstance(value, np.ndarray) and value.dtype.kind == "f" and np.isfinite(value).any():
        return value * 1.01 + 0.01
    return None


def _wants_these_numbers(check, case, value):
    """Whether the check wants the recorded numbers themselves: it refuses them moved by 1%.
    A check that judges what a result does (an accuracy, a spread) accepts that."""
    nudged = _nudged(value)
    return nudged is None or check.judge(value, nudged, case) is not None


def public_expected(assignment):
    """exercise id -> [(case name, recorded value, exact)] of its public cases (questions have
    none); exact: the check wants these very numbers (_wants_these_numbers)."""
    found = {}
    for exercise in assignment.exercises:
        if exercise.answer:
            continue
        check = assignment.checks[exercise.id]
        found[exercise.id] = [(case.name, value, _wants_these_numbers(check, case, value))
                              for case, value in zip(check.cases, assignment.expected(exercise.id)) if case.public]
    return found


def release_notebook(assignment):
    """What `release` writes for the assignment now."""
    return student_notebook(assignment.source, public_expected(assignment))


def release(assignment):
    """Write assignments/<id>/student.ipynb; returns its path."""
    nb = release_notebook(assignment)
    nbformat.write(nb, assignment.student_path)
    return assignment.student_path
