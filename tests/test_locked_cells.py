"""Locked cells never mislead: what they print does not depend on whether the learner's
functions change their arguments in place, as much code learners really write does.

Each assignment's source notebook runs twice (FAST=True): as it is, and with every exercise
function replaced by one that returns the solution's result and then scribbles over the arrays
it was given (inside dicts, lists and tuples too) and reverses the lists. Every locked cell must
print the same text in both runs: a locked cell that uses something again after handing it to a
learner's function must hand over a copy.
"""
import difflib
import functools
import inspect
import re

import nbformat
import numpy as np
import papermill
import pytest

from grader.assignment import Assignment, known_ids
from grader.cells import cell_role, without_submit_cells

PARAMETERS = {"SEED": 0, "FAST": True}
# Printed numbers that differ between two runs of the same notebook, masked before comparing:
# C3W1 prints each model's measured latency next to its metrics.
TIMINGS = {"c3w1_strategy": re.compile(r"latency \d+\.\d+ ms")}


# The three functions below run in the notebook's kernel too: the test sends their source.
def copied(value):
    """value with its arrays, dicts, lists and tuples copied (other objects, like models, shared)."""
    if isinstance(value, np.ndarray):
        return value.copy()
    if isinstance(value, dict):
        return {key: copied(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return type(value)(copied(item) for item in value)
    return value


def scribble_over(value, seen):
    """Change in place every writable array in value, in the dicts, lists and tuples it holds,
    and reverse the lists."""
    if id(value) in seen:
        return
    seen.add(id(value))
    if isinstance(value, np.ndarray) and value.flags.writeable:
        if value.dtype == bool:
            np.logical_not(value, out=value)
        elif value.dtype.kind in "iufc":
            value[...] = 3 - 7 * value
    elif isinstance(value, dict):
        for item in value.values():
            scribble_over(item, seen)
    elif isinstance(value, (list, tuple)):
        for item in value:
            scribble_over(item, seen)
        if isinstance(value, list):
            value.reverse()


def scribbling(function):
    """function, run on copies of its arguments (so its result is the solution's), after which
    the arguments themselves hold other values. Only calls from outside every exercise scribble:
    an exercise's solution calling another exercise relies on it as written, and is not what
    this test is about."""
    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        if scribbling.depth:
            return function(*args, **kwargs)
        scribbling.depth += 1
        try:
            return function(*copied(args), **copied(kwargs))
        finally:
            scribbling.depth -= 1
            scribble_over((args, kwargs), set())
    return wrapper


scribbling.depth = 0  # how many exercise calls are running
SCRIBBLING_CODE = "\n\n".join(["import functools\nimport numpy as np",
                               *map(inspect.getsource, (copied, scribble_over, scribbling)),
                               "scribbling.depth = 0"])


def with_scribbling_exercises(notebook):
    """A copy of notebook in which every exercise function scribbles over its arguments."""
    nb = nbformat.from_dict(notebook)
    cells = [nbformat.v4.new_code_cell(SCRIBBLING_CODE)]
    for cell in nb.cells:
        cells.append(cell)
        exercise = cell_role(cell).get("exercise")
        if exercise:
            cells.append(nbformat.v4.new_code_cell(f"{exercise} = scribbling({exercise})"))
    nb.cells = cells
    return nb


def run(notebook, path):
    """notebook executed with PARAMETERS in path's folder, going on past errors (they are compared too)."""
    try:
        return papermill.execute_notebook(without_submit_cells(notebook), path, parameters=PARAMETERS,
                                          kernel_name="python3", cwd=path.parent, progress_bar=False,
                                          execution_timeout=600, allow_errors=True)
    except papermill.PapermillExecutionError:  # raised once the whole notebook has run
        return nbformat.read(path, as_version=4)


def printed(cell):
    """What a cell shows as text: stdout, stderr (kept apart: how they interleave depends on
    timing), then text/plain results and errors in order; no images."""
    streams, parts = {"stdout": "", "stderr": ""}, []
    for output in cell.outputs:
        if output.output_type == "stream":
            streams[output.name] += output.text
        elif output.output_type in ("execute_result", "display_data"):
            parts.append(output.data.get("text/plain", "") + "\n")
        elif output.output_type == "error":
            parts.append(f"{output.ename}: {output.evalue}\n")
    return "".join([*streams.values(), *parts])


def locked_cells_printed(executed, assignment_id):
    timings = TIMINGS.get(assignment_id)
    return [(cell.source, timings.sub("latency (timed)", printed(cell)) if timings else printed(cell))
            for cell in executed.cells if cell_role(cell).get("locked")]


def test_scribbling_returns_the_result_on_the_arguments_as_given_then_changes_them():
    def scaled(arrays, factor):
        return {name: array * factor for name, array in arrays.items()}

    arrays = {"W": np.array([1.0, 2.0]), "labels": np.array([0, 1]), "mask": np.array([True, False])}
    sizes = [2, 3, 1]
    assert scribbling(scaled)(arrays, 2)["W"].tolist() == [2.0, 4.0]
    assert scribbling(lambda layer_sizes: sum(layer_sizes[:2]))(sizes) == 5
    assert arrays["W"].tolist() == [-4.0, -11.0] and arrays["labels"].tolist() == [3, -4]
    assert arrays["mask"].tolist() == [False, True] and sizes == [1, 3, 2]


def test_an_exercise_called_by_another_exercise_is_left_as_written():
    helper = scribbling(lambda X: X.sum())
    caller = scribbling(lambda X: helper(X) + X.sum())  # reads X again after calling helper
    assert caller(np.ones(3)) == 6.0


@pytest.mark.slow
@pytest.mark.parametrize("assignment_id", [a for a in known_ids() if not Assignment(a).is_quiz])  # quizzes call nothing
def test_locked_cells_print_the_same_when_exercises_change_their_arguments(tmp_path, assignment_id):
    source = Assignment(assignment_id).source
    plain = locked_cells_printed(run(source, tmp_path / "plain.ipynb"), assignment_id)
    scribbled = locked_cells_printed(run(with_scribbling_exercises(source), tmp_path / "scribbling.ipynb"), assignment_id)

    assert len(plain) == len(scribbled)
    differences = [
        f"{code}\n" + "".join(difflib.unified_diff(want.splitlines(True), got.splitlines(True), "solution", "scribbling"))
        for (code, want), (_, got) in zip(plain, scribbled) if got != want]
    assert not differences, (
        f"{assignment_id}: these locked cells print differently when the learner's functions change their "
        "arguments in place (pass them copies):\n\n" + "\n\n".join(differences))
