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

An answer may be a function: it is called on each case (with copies, so it may change its
arguments) and its result compared with the reference's; the first case that differs is shown
with both results. Values (numbers, arrays, shapes, choices, sets of choices) are compared as
grader.answers says, as the graded quizzes compare them.
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

from grader import answers

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
        message, explained = answers.judge(answer, self.answer, [(m.answer, m.message) for m in self.mistakes],
                                           self.tolerance)
        if message is None:
            return Verdict("right", "")
        return Verdict("wrong", message if explained else f"{message} Ask for a hint with .hint().")

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
                     if (d := answers.difference(g, e, self.tolerance)) is not None]
        if not differing:
            return Verdict("right", f"It agrees with the reference on all {len(self.cases)} cases.")
        for mistake in self.mistakes:
            try:
                slipped = [mistake.answer(*copy.deepcopy(case)) for case in self.cases]
            except Exception:  # a slip that fails on some case cannot be what the learner did
                continue
            if all(answers.difference(g, s, self.tolerance) is None for g, s in zip(results, slipped)):
                return Verdict("wrong", mistake.message)
        number, difference = differing[0]
        got, wanted = results[number - 1], expected[number - 1]
        arguments = ", ".join(answers.short(value) for value in self.cases[number - 1])
        if np.size(got) <= 6 and np.size(wanted) <= 6:  # small enough to show both
            difference = f"your function returns {answers.short(got)}; the answer is {answers.short(wanted)}."
            return Verdict("wrong", f"On case {number} ({arguments}) {difference} Ask for a hint with .hint().")
        return Verdict("wrong", f"On case {number} ({arguments}): {difference} Ask for a hint with .hint().")


class _Solution(str):
    """The solution text, which also prints itself when called: `exercise.solution()`."""
    def __call__(self):
        print(str(self))
