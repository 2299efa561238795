"""Practice exercises: the API says right, wrong (with the declared mistake's message) or "not
answered yet"; every lesson's declared exercises accept their own answer and solution and catch
their own mistakes; every lesson that has exercises shows them unanswered in its committed outputs."""
import importlib
import pkgutil
import re
from pathlib import Path

import nbformat
import numpy as np
import pytest

import lessons.practice
from lessons.practice import Exercise, Mistake
from lessons.syllabus import lessons as syllabus_lessons


def _cosine(u, v):
    return float(u @ v / (np.linalg.norm(u) * np.linalg.norm(v)))


U, V = np.array([1.0, 2.0, 2.0]), np.array([2.0, 0.0, 1.0])
COSINE = Exercise(
    title="Cosine similarity", answer=_cosine, cases=[(U, V), (U, 3 * U)],
    mistakes=[Mistake(lambda u, v: float(u @ v), "You return the dot product: divide by both norms.")],
    hints=["Start from the dot product.", "Divide by np.linalg.norm(u) * np.linalg.norm(v)."],
    solution="def cosine(u, v):\n    return u @ v / (np.linalg.norm(u) * np.linalg.norm(v))")


def test_a_function_answer_is_right_wrong_with_its_mistake_or_unanswered():
    assert COSINE.verdict(_cosine).status == "right"
    assert COSINE.verdict(lambda u, v: None).status == "unanswered"
    assert COSINE.verdict(None).status == "unanswered"
    slip = COSINE.verdict(lambda u, v: u @ v)
    assert slip.status == "wrong" and slip.message == "You return the dot product: divide by both norms."
    other = COSINE.verdict(lambda u, v: u @ v / np.linalg.norm(u))
    assert other.message == ("On case 1 ([1., 2., 2.], [2., 0., 1.]) your function returns 1.33333; "
                             "the answer is 0.596285. Ask for a hint with .hint().")
    crash = COSINE.verdict(lambda u, v: u @ np.ones(4))
    assert crash.status == "wrong" and crash.message.startswith("On case 1 your function raised ValueError")
    assert COSINE.verdict(_cosine(U, V)).message.startswith("Pass your function itself")


def test_a_function_that_changes_its_arguments_changes_nothing_else():
    def normalising_in_place(u, v):
        u /= np.linalg.norm(u)
        v /= np.linalg.norm(v)
        return float(u @ v)
    assert COSINE.verdict(normalising_in_place).status == "right"
    assert np.array_equal(COSINE.cases[0][0], [1.0, 2.0, 2.0])


@pytest.mark.parametrize("answer, got, status, message", [
    (0.25, 0.2500000001, "right", ""),
    (0.25, np.float32(0.25), "right", ""),
    (0.25, 0.3, "wrong", "0.3 is not right."),
    (0.25, float("nan"), "wrong", "nan is not right."),
    (float("nan"), float("nan"), "right", ""),  # a declared mistake may be a NaN (a division by zero)
    (0.25, "a quarter", "wrong", "The answer is one number"),
    ((32, 10, 50), [32, 10, 50], "right", ""),
    ((32, 10, 50), (32, 50, 10), "wrong", "Item 2: 50 is not right."),
    (((4, 2), (4, 1)), ((4, 2), (1, 4)), "wrong", "Item 2.1: 1 is not right."),
    ((None, 10, 50), (None, 10), "wrong", "Your answer has 2 items; the answer has 3."),
    (np.zeros((3, 1)), np.zeros(3), "wrong", "Your array has shape (3,); the answer has shape (3, 1)."),
    (np.zeros((3, 1)), np.ones((3, 1)), "wrong", "differs from the answer by up to 1."),
    (np.zeros((3, 1)), np.full((3, 1), np.nan), "wrong", "holds NaN: is something divided by zero?"),
    ("b", " B ", "right", ""),
    ("b", "c", "wrong", "That is not the answer."),
    (frozenset("ac"), "ca", "right", ""),
    (frozenset("ac"), ["A", "c"], "right", ""),
    (frozenset("ac"), {"a"}, "wrong", "1 right choice is missing."),
    (True, np.True_, "right", ""),
    (True, 1.0, "wrong", "That is not the answer."),
])
def test_value_answers(answer, got, status, message):
    exercise = Exercise(title="Q", answer=answer, hints=["one", "two"], solution="it")
    verdict = exercise.verdict(got)
    assert verdict.status == status and message in verdict.message


def test_each_wrong_choice_is_explained():
    exercise = Exercise(title="Q", answer=frozenset("ac"), hints=["one", "two"], solution="a and c",
                        mistakes=[Mistake("b", "b is the training error."), Mistake("d", "d needs labels.")])
    assert exercise.verdict("abd").message == "b: b is the training error. d: d needs labels."
    single = Exercise(title="Q", answer="a", hints=["one", "two"], solution="a",
                      mistakes=[Mistake("b", "b is the training error.")])
    assert single.verdict("B").message == "b is the training error."


def test_hints_come_one_at_a_time_and_the_solution_on_request(capsys):
    exercise = Exercise(title="Q", answer=1, hints=["first", "second"], solution="the answer is 1")
    exercise.hint()
    exercise.hint()
    exercise.hint()
    exercise.solution()
    exercise.check(None)
    exercise.check(1)
    assert capsys.readouterr().out.splitlines() == [
        "Hint 1 of 2: first",
        "Hint 2 of 2: second That was the last hint: .solution() shows the answer.",
        "Hint 2 of 2: second That was the last hint: .solution() shows the answer.",
        "the answer is 1",
        "Q: Not answered yet. Write your answer in place of None and run the cell again.",
        "Q: Right."]
    with pytest.raises(ValueError, match="at least two hints"):
        Exercise(title="Q", answer=1, hints=["only"], solution="1")
    with pytest.raises(ValueError, match="needs cases"):
        Exercise(title="Q", answer=_cosine, hints=["a", "b"], solution="1")


# ---------------------------------------------------------------- every lesson's exercises
MODULES = sorted(m.name for m in pkgutil.iter_modules(lessons.practice.__path__))


def _exercises(module_name):
    module = importlib.import_module(f"lessons.practice.{module_name}")
    return {name: value for name, value in vars(module).items() if isinstance(value, Exercise)}


def _lesson_paths():
    return {Path(lesson.path).stem: Path(lesson.path) for lesson in syllabus_lessons()}


@pytest.mark.parametrize("module_name", MODULES)
def test_a_lessons_exercises_accept_their_answers_and_catch_their_mistakes(module_name):
    exercises = _exercises(module_name)
    assert 2 <= len(exercises) <= 4, "a lesson has two to four practice exercises"
    for name, exercise in exercises.items():
        assert exercise.verdict(exercise.answer).status == "right", name
        assert exercise.verdict(None).status == "unanswered", name
        for mistake in exercise.mistakes:
            verdict = exercise.verdict(mistake.answer)
            assert verdict.status == "wrong", (name, mistake.message)
            if not isinstance(exercise.answer, frozenset):
                assert verdict.message == mistake.message, name
        if callable(exercise.answer):  # the solution shown is code that passes
            namespace = {"np": np}
            exec(exercise.solution, namespace)
            defined = [v for k, v in namespace.items() if callable(v) and k not in ("np", "__builtins__")]
            assert len(defined) == 1 and exercise.verdict(defined[0]).status == "right", name


@pytest.mark.parametrize("module_name", MODULES)
def test_the_lesson_asks_every_exercise_and_shows_it_unanswered(module_name):
    path = _lesson_paths()[module_name]  # a practice module is named after its lesson
    notebook = nbformat.read(path, as_version=4)
    code = "\n".join(cell.source for cell in notebook.cells if cell.cell_type == "code")
    assert re.search(rf"from lessons\.practice import {module_name} as (\w+)", code)
    outputs = "\n".join(output.get("text", "") for cell in notebook.cells if cell.cell_type == "code"
                        for output in cell.get("outputs", []))
    for name, exercise in _exercises(module_name).items():
        assert f".{name}.check(" in code, f"the lesson never checks {name}"
        assert f"{exercise.title}: Not answered yet." in outputs, f"{name} is answered in the committed lesson"
