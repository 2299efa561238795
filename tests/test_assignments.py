"""Every assignment graded both ways, plus one planted bug per exercise.

The solution (the source notebook) scores full marks; the released student notebook,
untouched, scores 0 with every exercise not attempted; a notebook whose only mistake is
in one exercise loses exactly that exercise's points, with the exercise's hint; and a planted
bug in an exercise that others call is one their checks would see again without the grader's
cascade.
"""
import importlib.util

import nbformat
import pytest

from solution_variants import solution_with

import grader.grade
from grader.assignment import Assignment, known_ids
from grader.grade import _callees, grade
from grader.release import student_notebook
from grader.report import validate

ASSIGNMENTS = known_ids()


def planted_bugs(assignment):
    spec = importlib.util.spec_from_file_location("bugs", assignment.folder / "planted_bugs.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.PLANTED_BUGS


BUGS = [(a, exercise) for a in ASSIGNMENTS for exercise in planted_bugs(Assignment(a))]


def callers(assignment, exercise_id):
    """The exercises whose solutions call `exercise_id`, directly or through another."""
    return [caller for caller, called in _callees(assignment).items() if exercise_id in called]


CALLED_BUGS = [(a, exercise) for a, exercise in BUGS if callers(Assignment(a), exercise)]


@pytest.mark.parametrize("assignment_id", ASSIGNMENTS)
def test_committed_student_notebook_is_up_to_date(assignment_id):
    assignment = Assignment(assignment_id)
    committed = nbformat.read(assignment.student_path, as_version=4)
    assert committed == student_notebook(assignment.source), (
        f"run `python -m grader release {assignment_id}`")


@pytest.mark.parametrize("assignment_id", ASSIGNMENTS)
def test_student_notebook_holds_no_solution(assignment_id):
    text = Assignment(assignment_id).student_path.read_text()
    assert "BEGIN SOLUTION" not in text and "END SOLUTION" not in text


@pytest.mark.parametrize("assignment_id", ASSIGNMENTS)
def test_every_exercise_has_a_planted_bug(assignment_id):
    assignment = Assignment(assignment_id)
    assert set(planted_bugs(assignment)) == {e.id for e in assignment.exercises}


@pytest.mark.slow
@pytest.mark.parametrize("assignment_id", ASSIGNMENTS)
def test_solution_scores_full_marks(assignment_id):
    assignment = Assignment(assignment_id)
    result = grade(assignment.folder / "source.ipynb")
    validate(result)
    assert [e["status"] for e in result["exercises"]] == ["passed"] * len(assignment.exercises), result
    assert result["score"] == result["max_score"] == assignment.max_score


@pytest.mark.slow
@pytest.mark.parametrize("assignment_id", ASSIGNMENTS)
def test_untouched_student_notebook_scores_zero(assignment_id):
    result = grade(Assignment(assignment_id).student_path)
    validate(result)
    assert result["score"] == 0
    assert {e["status"] for e in result["exercises"]} == {"not_attempted"}


@pytest.mark.slow
@pytest.mark.parametrize("assignment_id, exercise_id", BUGS)
def test_a_planted_bug_costs_exactly_its_exercise(tmp_path, assignment_id, exercise_id):
    assignment = Assignment(assignment_id)
    path = solution_with(tmp_path, assignment, replace={exercise_id: planted_bugs(assignment)[exercise_id]})

    result = grade(path)
    validate(result)
    by_id = {e["id"]: e for e in result["exercises"]}
    buggy = by_id.pop(exercise_id)
    assert buggy["status"] in ("failed", "error") and buggy["points"] < buggy["max_points"], buggy
    assert buggy["message"].startswith(assignment.checks[exercise_id].hint), buggy["message"]
    assert all(e["status"] == "passed" and e["points"] == e["max_points"] for e in by_id.values()), by_id


@pytest.mark.slow
@pytest.mark.parametrize("assignment_id, exercise_id", CALLED_BUGS)
def test_a_planted_bug_in_a_called_exercise_shows_in_its_callers(tmp_path, monkeypatch, assignment_id, exercise_id):
    """A planted bug in an exercise that others call must be one their checks see again.

    The test above passes for such a bug either because the grader's cascade checks the callers
    with the reference version of the failed exercise, or because the bug is one the callers'
    checks never notice; only the first tests the cascade. So this grades the same notebook
    with the cascade turned off (no exercise calls another, so each runs with the buggy one) and
    asserts that an exercise calling it, directly or not, then loses points.
    """
    assignment = Assignment(assignment_id)
    its_callers = callers(assignment, exercise_id)
    path = solution_with(tmp_path, assignment, replace={exercise_id: planted_bugs(assignment)[exercise_id]})
    monkeypatch.setattr(grader.grade, "_callees", lambda a: {e.id: () for e in a.exercises})

    result = grade(path)
    validate(result)
    by_id = {e["id"]: e for e in result["exercises"]}
    assert any(by_id[c]["points"] < by_id[c]["max_points"] for c in its_callers), (
        f"{exercise_id}'s planted bug costs none of its callers {its_callers} any points without the cascade: "
        "plant one their checks see again", {c: by_id[c] for c in its_callers})
