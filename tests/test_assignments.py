"""Every assignment graded both ways, plus one planted bug per exercise.

The solution (the source notebook) scores full marks; the released student notebook,
untouched, scores 0 with every exercise not attempted; a notebook whose only mistake is
in one exercise loses exactly that exercise's points, with the exercise's hint; and a planted
bug in an exercise that others call is one their checks see again when they run with it.
"""
import importlib.util

import nbformat
import numpy as np
import pytest

from solution_variants import solution_with

from grader.assignment import Assignment, known_ids
from grader.cells import cell_role
from grader.grade import grade
from grader.release import release_notebook
from grader.report import validate

ASSIGNMENTS = known_ids()


def planted_bugs(assignment):
    spec = importlib.util.spec_from_file_location("bugs", assignment.folder / "planted_bugs.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.PLANTED_BUGS


def callers(assignment, exercise_id):
    """The exercises whose solutions call `exercise_id`, directly or through another."""
    return [caller for caller, called in assignment.callees.items() if exercise_id in called]


def bug_groups(assignment):
    """The planted bugs of an assignment's exercises, in groups one grading can test together:
    within a group no exercise calls another, directly or not, and no exercise calls two of
    them, so what each bug costs, and what its callers' cascade shows, is its own."""
    callees = assignment.callees
    callers_of = {e: set(callers(assignment, e)) for e in callees}

    def independent(one, other):
        return one not in callees[other] and other not in callees[one] and not callers_of[one] & callers_of[other]
    groups = []
    for exercise in planted_bugs(assignment):
        if exercise in assignment.answer_ids:
            continue
        group = next((g for g in groups if all(independent(exercise, other) for other in g)), None)
        group.append(exercise) if group else groups.append([exercise])
    return groups


BUGS = [pytest.param(a, tuple(group), id=f"{a}-{'+'.join(group)}")
        for a in ASSIGNMENTS for group in bug_groups(Assignment(a))]
# A question's answer is judged on its own, calling nothing: half of a quiz's planted wrong answers
# go into one notebook and half into another, instead of one grading per question.
QUIZ_HALVES = [(a, half) for a in ASSIGNMENTS if Assignment(a).answer_ids for half in (0, 1)]




@pytest.mark.parametrize("assignment_id", ASSIGNMENTS)
def test_committed_student_notebook_is_up_to_date(assignment_id):
    assignment = Assignment(assignment_id)
    committed = nbformat.read(assignment.student_path, as_version=4)
    assert committed == release_notebook(assignment), (
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
    assert result["notes"] == [], result["notes"]  # every cell runs clean, offline


@pytest.mark.slow
@pytest.mark.parametrize("assignment_id", ASSIGNMENTS)
def test_untouched_student_notebook_scores_zero(assignment_id):
    result = grade(Assignment(assignment_id).student_path)
    validate(result)
    assert result["score"] == 0
    assert {e["status"] for e in result["exercises"]} == {"not_attempted"}


@pytest.mark.slow
@pytest.mark.parametrize("assignment_id, exercises", BUGS)
def test_a_planted_bug_costs_exactly_its_exercise(tmp_path, assignment_id, exercises):
    """A planted bug loses points in its own exercise only, with that exercise's hint. Where
    other exercises call the buggy one, they keep their points because the cascade checks
    them with the reference in its place, and the bug must be one their checks see again:
    with the learner's (buggy) version they lose points, so the test shows the cascade at
    work rather than a bug the callers never notice. Bugs that cannot touch each other's
    exercises (bug_groups) are planted in one notebook, and each is held to all of this."""
    assignment = Assignment(assignment_id)
    path = solution_with(tmp_path, assignment, replace={e: planted_bugs(assignment)[e] for e in exercises})

    result = grade(path)
    validate(result)
    by_id = {e["id"]: e for e in result["exercises"]}
    buggy = {exercise_id: by_id.pop(exercise_id) for exercise_id in exercises}
    assert all(e["status"] == "passed" and e["points"] == e["max_points"] for e in by_id.values()), by_id
    all_callers = {c for exercise_id in exercises for c in callers(assignment, exercise_id)}
    assert {i for i, e in by_id.items() if "points_with_your_callees" in e} == all_callers, by_id
    for exercise_id, result_of_bug in buggy.items():
        assert result_of_bug["status"] in ("failed", "error") and result_of_bug["points"] < result_of_bug["max_points"], (
            result_of_bug)
        assert result_of_bug["message"].startswith(assignment.checks[exercise_id].hint), result_of_bug["message"]
        its_callers = callers(assignment, exercise_id)
        if its_callers:
            assert any(by_id[c]["points_with_your_callees"] < by_id[c]["max_points"] for c in its_callers), (
                f"{exercise_id}'s planted bug costs none of its callers {its_callers} any points with the buggy "
                "version in place: plant one their checks see again", {c: by_id[c] for c in its_callers})


@pytest.mark.slow
@pytest.mark.parametrize("assignment_id, half", QUIZ_HALVES)
def test_planted_wrong_answers_cost_exactly_their_questions_and_say_why(tmp_path, assignment_id, half):
    """Every other question answered with its planted wrong answer: those questions score 0 with
    the feedback checks.py declares for that answer, and every other question keeps its point."""
    assignment = Assignment(assignment_id)
    questions = sorted(assignment.answer_ids, key=[e.id for e in assignment.exercises].index)[half::2]
    wrong = {q: planted_bugs(assignment)[q] for q in questions}
    result = grade(solution_with(tmp_path, assignment, replace=wrong))
    validate(result)
    by_id = {e["id"]: e for e in result["exercises"]}
    for question in questions:
        answer = by_id.pop(question)
        assert answer["status"] == "failed" and answer["points"] == 0, answer
        assert answer["message"].endswith(f" Read again: {assignment.checks[question].hint}"), answer
        assert "That is not the answer" not in answer["message"], f"{question}: explain the planted wrong answer"
    assert all(e["status"] == "passed" and e["points"] == e["max_points"] for e in by_id.values()), by_id


@pytest.mark.parametrize("assignment_id", [a for a in ASSIGNMENTS if Assignment(a).answer_ids])
def test_the_student_quiz_holds_no_answer(assignment_id):
    """Each question's cell in the learner's notebook sets its variable to None, and nothing more."""
    assignment = Assignment(assignment_id)
    student = nbformat.read(assignment.student_path, as_version=4)
    cells = {cell_role(c).get("exercise"): c.source for c in student.cells if "exercise" in cell_role(c)}
    for question in assignment.answer_ids:
        assert cells[question] == f"# YOUR ANSWER HERE\n{question} = None", cells[question]


@pytest.mark.parametrize("assignment_id", [a for a in ASSIGNMENTS if not Assignment(a).is_quiz])
def test_each_self_check_is_followed_by_the_expected_output_of_its_public_cases(assignment_id):
    """As learners of this course expect: generated from the fixtures, so it cannot go stale."""
    assignment = Assignment(assignment_id)
    cells = nbformat.read(assignment.student_path, as_version=4).cells
    shown = {cell_role(c).get("expected_output"): (i, c.source) for i, c in enumerate(cells)
             if cell_role(c).get("expected_output")}
    for exercise in assignment.exercises:
        position, text = shown[exercise.id]
        assert cells[position - 1].source.startswith(f'check("{exercise.id}"'), exercise.id
        public = [case for case in assignment.checks[exercise.id].cases if case.public]
        assert text.count("\n- ") == len(public) and all(f"- {case.name}: `" in text for case in public)


def test_an_expected_output_says_when_the_check_judges_what_a_result_does_rather_than_its_numbers():
    from grader.checks import Case, Check, close
    from grader.release import _wants_these_numbers

    case = Case("a case", (), public=True)
    exact = Check("f", "hint", (case,), compare=close(atol=1e-6))
    about = Check("f", "hint", (case,), compare=lambda want, got, case: None if abs(got - want) < 0.1 * abs(want)
                  else "too far")
    assert _wants_these_numbers(exact, case, np.array([0.5, 2.0]))
    assert not _wants_these_numbers(about, case, 3.0)
    assert _wants_these_numbers(about, case, (3, "relu"))  # nothing to move: what is shown is what is wanted
    assert _wants_these_numbers(exact, case, float("-inf"))  # -inf moved by 1% is -inf: still these very numbers
