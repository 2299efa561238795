"""Practice exercises inside the lessons: a check, progressive hints, and a solution on request.

An exercise is a declaration, not a class: each lesson's exercises live in
`lessons/practice/<lesson notebook's name>.py`, one `Exercise(...)` each.

    from lessons.practice import Exercise, Mistake

    cosine = Exercise(
        title="Cosine similarity",
        answer=_cosine,                                  # a value, or a function
        cases=[(u, v), (u, 2 * u)],                      # argument tuples, for a function answer
        mistakes=[Mistake(lambda u, v: u @ v, "You return the dot product: divide by both norms.")],
        hints=["Start from the dot product.", "Divide it by the product of the two norms."],
        solution="def cosine(u, v):\\n    return u @ v / (np.linalg.norm(u) * np.linalg.norm(v))",
    )

In the lesson, where the idea was just taught:

    from lessons.practice import c5w2_word_embeddings as practice

    def my_cosine(u, v):
        return None  # your code here
    practice.cosine.check(my_cosine)
    # practice.cosine.hint()       a hint; call again for the next one
    # practice.cosine.solution()   the answer

What an answer may be, and how it is compared:
- a function: called on each case (with copies, so it may change its arguments) and its
  result compared with the reference's; the first case that differs is shown with both results;
- a number: within `tolerance` (relative and absolute);
- an array: same shape, then within `tolerance`;
- a tuple or list, such as a shape: equal item for item (None matches None);
- a string, such as a multiple-choice letter: equal after stripping and lower-casing;
- a set, for "choose all that apply": the same choices, given as a set, list or string of letters.
A wrong answer that a `Mistake` declares gets that mistake's message (for a set, each wrong choice
chosen gets its own). An answer left as None, `...` or a function that returns None is "not
answered yet", so a lesson runs top to bottom with its exercises untouched.
Checks run in the learner's own kernel: practice is for learning, and graded work goes through the
grader instead.
"""
import copy
from dataclasses import dataclass, field
from typing import Any, Literal

import numpy as np

Status = Literal["right", "wrong", "unanswered"]


@dataclass(frozen=True)
class Mistake:
    """A wrong answer learners are known to give (a value, or a function with the slip in it),
    and what to tell someone who gives it."""
    answer: Any
    message: str


@dataclass(frozen=True)
class Verdict:
    status: Status
    message: str


@dataclass
class Exercise:
    title: str
    answer: Any
    hints: tuple[str, ...]
    solution: str
    cases: tuple[tuple, ...] = ()
    mistakes: tuple[Mistake, ...] = ()
    tolerance: float = 1e-6
    _hints_given: int = field(default=0, init=False, repr=False)

    def __post_init__(self):
        self.hints, self.cases, self.mistakes = tuple(self.hints), tuple(self.cases), tuple(self.mistakes)
        self.solution = _Solution(self.solution)  # prints itself when a learner calls .solution()
        if len(self.hints) < 2:
            raise ValueError(f"{self.title}: give at least two hints, the last close to the answer")
        if callable(self.answer) and not self.cases:
            raise ValueError(f"{self.title}: a function answer needs cases to call it on")

    # ---------------------------------------------------------------- what the learner calls
    def check(self, answer=None):
        """Say whether `answer` is right, and if not, what is wrong with it."""
        verdict = self.verdict(answer)
        mark = {"right": "Right", "wrong": "Not yet", "unanswered": "Not answered yet"}[verdict.status]
        print(f"{self.title}: {mark}. {verdict.message}".rstrip())

    def hint(self, number=None):
        """Show the next hint (or hint `number`, counting from 1)."""
        if number is None:
            self._hints_given = min(self._hints_given + 1, len(self.hints))
            number = self._hints_given
        if not 1 <= number <= len(self.hints):
            raise ValueError(f"There are hints 1 to {len(self.hints)}.")
        last = " That was the last hint: .solution() shows the answer." if number == len(self.hints) else ""
        print(f"Hint {number} of {len(self.hints)}: {self.hints[number - 1]}{last}")

    # ---------------------------------------------------------------- judging
    def verdict(self, answer) -> Verdict:
        if answer is None or answer is Ellipsis:
            return Verdict("unanswered", "Write your answer in place of None and run the cell again.")
        if callable(self.answer):
            return self._judge_function(answer)
        difference = _difference(answer, self.answer, self.tolerance)
        if difference is None:
            return Verdict("right", "")
        if isinstance(self.answer, (set, frozenset)):
            return Verdict("wrong", self._set_message(answer, difference))
        for mistake in self.mistakes:
            if _difference(answer, mistake.answer, self.tolerance) is None:
                return Verdict("wrong", mistake.message)
        return Verdict("wrong", f"{difference} Ask for a hint with .hint().")

    def _judge_function(self, function) -> Verdict:
        if not callable(function):
            return Verdict("wrong", "Pass your function itself, as in check(my_function), not what it returns.")
        results = []
        for number, case in enumerate(self.cases, 1):
            try:
                got = function(*copy.deepcopy(case))
            except Exception as error:  # the learner's code: report, never crash the lesson
                return Verdict("wrong", f"On case {number} your function raised {type(error).__name__}: {error}.")
            if got is None:
                if number == 1:
                    return Verdict("unanswered", "Write your code in place of None and run the cell again.")
                return Verdict("wrong", f"On case {number} your function returns None: does every path return?")
            results.append(got)
        expected = [self.answer(*copy.deepcopy(case)) for case in self.cases]
        differing = [(n, d) for n, (g, e) in enumerate(zip(results, expected), 1)
                     if (d := _difference(g, e, self.tolerance)) is not None]
        if not differing:
            return Verdict("right", f"It agrees with the reference on all {len(self.cases)} cases.")
        for mistake in self.mistakes:
            try:
                slipped = [mistake.answer(*copy.deepcopy(case)) for case in self.cases]
            except Exception:  # a slip that fails on some case cannot be what the learner did
                continue
            if all(_difference(g, s, self.tolerance) is None for g, s in zip(results, slipped)):
                return Verdict("wrong", mistake.message)
        number, difference = differing[0]
        got, wanted = results[number - 1], expected[number - 1]
        if np.size(got) <= 6 and np.size(wanted) <= 6:  # small enough to show both
            difference = f"your function returns {_short(got)}; the answer is {_short(wanted)}."
        arguments = ", ".join(_short(value) for value in self.cases[number - 1])
        return Verdict("wrong", f"On case {number} ({arguments}) {difference} Ask for a hint with .hint().")

    def _set_message(self, answer, difference):
        chosen = _choices(answer)
        wrong = sorted(chosen - set(map(_normal, self.answer)))
        explained = {_normal(m.answer): m.message for m in self.mistakes}
        lines = [f"{choice}: {explained[choice]}" for choice in wrong if choice in explained]
        return " ".join(lines) if lines else f"{difference} Ask for a hint with .hint()."


class _Solution(str):
    """The solution text, which also prints itself when called: `exercise.solution()`."""
    def __call__(self):
        print(str(self))


# ---------------------------------------------------------------- comparing answers
def _normal(choice):
    return str(choice).strip().lower()


def _choices(answer):
    if isinstance(answer, str):
        return {c for c in _normal(answer) if c.isalnum()}
    return {_normal(c) for c in answer}


def _short(value):
    if isinstance(value, np.ndarray) and value.size > 6:
        return f"an array of shape {value.shape}"
    if isinstance(value, np.ndarray):
        text = np.array2string(value, precision=4, separator=", ")
    elif isinstance(value, (float, np.floating)):
        text = f"{float(value):.6g}"
    else:
        text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _difference(got, expected, tolerance) -> str | None:
    """None when `got` is the expected answer; otherwise a sentence saying how it differs."""
    if isinstance(expected, (set, frozenset)):
        if not isinstance(got, (set, frozenset, list, tuple, str)):
            return "Give your choices as a set of letters, such as {'a', 'c'}."
        missing = set(map(_normal, expected)) - _choices(got)
        extra = _choices(got) - set(map(_normal, expected))
        if not missing and not extra:
            return None
        parts = ([f"{len(extra)} of your choices {'is' if len(extra) == 1 else 'are'} wrong."] if extra else []) + \
                ([f"{len(missing)} right {'choice is' if len(missing) == 1 else 'choices are'} missing."] if missing else [])
        return " ".join(parts)
    if isinstance(expected, str):
        return None if isinstance(got, str) and _normal(got) == _normal(expected) else "That is not the answer."
    if isinstance(expected, bool):
        return None if got is expected or (isinstance(got, np.bool_) and bool(got) == expected) \
            else "That is not the answer."
    if isinstance(expected, (tuple, list)):
        if not isinstance(got, (tuple, list)):
            return f"Give a tuple with {len(expected)} items, such as {_short(tuple(expected))}."
        if len(got) != len(expected):
            return f"Your answer has {len(got)} items; the answer has {len(expected)}."
        for item, (g, e) in enumerate(zip(got, expected), 1):
            if (difference := _difference(g, e, tolerance)) is not None:
                return f"Item {item}: {difference}"
        return None
    if expected is None:
        return None if got is None else f"{_short(got)} is not right."
    if isinstance(expected, (int, float, np.number)):
        try:
            value = float(np.asarray(got).item()) if np.size(got) == 1 else None
        except (TypeError, ValueError):
            value = None
        if value is None:
            return f"The answer is one number; yours is {_short(got)}."
        if np.isclose(value, float(expected), rtol=tolerance, atol=tolerance):
            return None
        return f"{value:.6g} is not right."
    if isinstance(expected, np.ndarray):
        try:
            array = np.asarray(got, dtype=float)
        except (TypeError, ValueError):
            return f"The answer is an array of shape {expected.shape}; yours is {_short(got)}."
        if array.shape != expected.shape:
            return f"Your array has shape {array.shape}; the answer has shape {expected.shape}."
        if np.allclose(array, expected, rtol=tolerance, atol=tolerance, equal_nan=True):
            return None
        worst = float(np.nanmax(np.abs(array - expected))) if array.size else 0.0
        return f"Your array has the right shape, but differs from the answer by up to {worst:.3g}."
    return None if got == expected else f"{_short(got)} is not right."
