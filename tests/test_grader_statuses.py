"""Every exercise gets the status of what happened to it, named in words: when the cell that
defines an exercise fails before its function exists, the exercise is reported with that
cell's failure (its exception, the time limit, the memory limit, a dead kernel), not as a
missing function; and statuses are one vocabulary, the result schema's."""
import json
from importlib.resources import files

import pytest

from solution_variants import solution_with

from grader.assignment import Assignment
from grader.cells import cell_role
from grader.execute import Limits
from grader.grade import grade
from grader.outcome import Status
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
        "predict": (Status.TIMEOUT, "stopped at the 20 s limit per cell"),
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


def test_the_status_vocabulary_is_the_schemas():
    schema = json.loads(files("grader").joinpath("schema/result-1.json").read_text())
    exercise = schema["$defs"]["graded"]["properties"]["exercises"]["items"]
    assert exercise["properties"]["status"]["enum"] == [status.value for status in Status]
