"""Every exercise gets the status of what happened to it, named in words: when the cell that
defines an exercise fails before its function exists, the exercise is reported with that
cell's failure (its exception, the time limit, the memory limit, a dead kernel), not as a
missing function; and statuses are one vocabulary, the result schema's."""
import json
from importlib.resources import files

import nbformat
import pytest

from solution_variants import solution_with

from grader import sandbox
from grader.assignment import Assignment
from grader.cells import cell_role
from grader.execute import Limits
from grader.grade import grade
from grader.outcome import Status, no_space_left
from grader.report import validate

ASSIGNMENT = Assignment("c1w2_logistic_regression")


def solution(exercise_id):
    return next(c.source for c in ASSIGNMENT.source.cells if cell_role(c).get("exercise") == exercise_id)


@pytest.mark.slow
def test_an_exercise_whose_cell_fails_gets_that_cells_status_and_the_rest_is_graded(tmp_path, capfd):
    before = {  # code that runs at the top of the exercise's cell, before its def
        "sigmoid": "raise ValueError('a note I left in the cell')",
        "propagate": "hoard = []\nwhile True:\n    hoard.append(np.ones(2_000_000))",
        "optimize": "import os\nos._exit(1)",
        "predict": "import time\ntime.sleep(120)",
    }
    path = solution_with(tmp_path, ASSIGNMENT, replace={e: f"{code}\n{solution(e)}" for e, code in before.items()})
    result = grade(path, limits=Limits(cell_seconds=20, memory_mib=1500))
    validate(result)
    by_id = {e["id"]: e for e in result["exercises"]}
    expected = {
        "sigmoid": (Status.ERROR, "its cell raised ValueError: a note I left in the cell"),
        "propagate": (Status.OUT_OF_MEMORY, "its cell stopped the kernel: the kernel used more than 1500 MiB "
                                            "(the memory limit)"),
        "optimize": (Status.ERROR, "its cell stopped the kernel"),
        "predict": (Status.TIMEOUT, "its cell was stopped at the 20 s limit per cell"),
    }
    for exercise_id, (status, reason) in expected.items():
        got = by_id[exercise_id]
        assert got["status"] == status and got["points"] == 0, got
        assert got["message"].startswith(ASSIGNMENT.checks[exercise_id].hint) and reason in got["message"], got
        assert "no function named" not in got["message"]
    # The exercises whose cells ran are graded on their own code, with the failed ones' references in place.
    assert by_id["initialize_with_zeros"]["status"] == by_id["model"]["status"] == "passed"
    assert "fix sigmoid, propagate, optimize, predict first" in by_id["model"]["message"]
    assert "KeyboardInterrupt caught in kernel" not in "".join(capfd.readouterr())  # the kernel's logs stay out


FLOOD = "with open('flood.bin', 'wb') as f:\n    while True:\n        f.write(b'x' * 2**20)\n"


@pytest.mark.slow
@pytest.mark.skipif(not sandbox.namespaces_available(),
                    reason=f"kernels cannot be confined here: {sandbox.confinement_problem()}")
def test_a_full_files_space_is_named_with_its_limit_in_every_cell_it_stops(tmp_path):
    c1w1 = Assignment("c1w1_data_as_tensors")
    solved = {cell_role(c)["exercise"]: c.source for c in c1w1.source.cells if "exercise" in cell_role(c)}
    path = solution_with(tmp_path, c1w1, replace={"flatten_images": f"{solved['flatten_images']}\n{FLOOD}",
                                                  "standardize": f"{FLOOD}\n{solved['standardize']}"},
                         add_after={"train_dev_test_split": FLOOD})
    result = grade(path, limits=Limits(scratch_mib=32))
    validate(result)
    by_id = {e["id"]: e for e in result["exercises"]}
    full = f"OSError: {no_space_left(32)}"
    assert "32 MiB" in full
    # Before its def: the exercise is not defined, and its cell's error is the reason.
    assert by_id["standardize"]["status"] == "error" and f"its cell raised {full}" in by_id["standardize"]["message"]
    # After its def, and in a cell of the learner's own: graded as usual, with a note each.
    assert by_id["flatten_images"]["status"] == by_id["train_dev_test_split"]["status"] == "passed"
    position = [c.source for c in nbformat.read(path, as_version=4).cells].index(FLOOD)
    assert result["notes"] == [f"cell {position + 1} (`with open('flood.bin', 'wb') as f:`) raised {full}",
                               f"flatten_images was checked, but its cell raised {full}"]


def test_the_status_vocabulary_is_the_schemas():
    schema = json.loads(files("grader").joinpath("schema/result-1.json").read_text())
    exercise = schema["$defs"]["graded"]["properties"]["exercises"]["items"]
    assert exercise["properties"]["status"]["enum"] == [status.value for status in Status]
