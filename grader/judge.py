"""Verdicts, computed in the grader's process from what the kernel handed back."""
from dataclasses import dataclass, field

from grader.outcome import Status


@dataclass
class CaseResult:
    name: str
    public: bool
    passed: bool
    message: str = ""


@dataclass
class ExerciseResult:
    id: str
    status: Status
    points: float
    max_points: float
    message: str
    cases: list = field(default_factory=list)
    points_with_your_callees: float | None = None  # where callees failed: the points with the learner's versions


def judge_exercise(exercise, check, expected, output, failure=None):
    """Grade one exercise from its harness `output`, or from the Failure that left it none.
    Points are shared equally among its cases."""
    def result(status, message, cases=(), points=0.0):
        return ExerciseResult(exercise.id, status, points, exercise.points, message, list(cases))

    if output is None:
        return result(failure.status, f"{check.hint} ({failure.reason})")
    if output["missing"]:
        what = "answer" if exercise.answer else "function"
        return result(Status.ERROR, f"no {what} named {exercise.id} was found: did you rename it or delete its cell?")

    outcomes = output["cases"]
    if all(o.get("not_implemented") for o in outcomes):
        if exercise.answer:
            return result(Status.NOT_ATTEMPTED, f"not answered yet: set {exercise.id} to your answer in place of None")
        return result(Status.NOT_ATTEMPTED, "not attempted yet: replace the `raise NotImplementedError` line with your code")

    cases = []
    for case, want, got in zip(check.cases, expected, outcomes):
        if got.get("not_implemented"):
            message = "raised NotImplementedError: this part is not written yet"
        elif "error" in got:
            message = got["error"]
        else:
            message = check.judge(want, got["value"], case) or ""
        cases.append(CaseResult(case.name, case.public, not message, message))

    passed = sum(c.passed for c in cases)
    points = round(exercise.points * passed / len(cases), 2)
    if passed == len(cases):
        return result(Status.PASSED, "all checks passed", cases, points)
    first = next(c for c in cases if not c.passed)
    status = Status.ERROR if any("error" in o for o in outcomes) and passed == 0 else Status.FAILED
    if exercise.answer:  # a question: why the answer is wrong, then where to read again
        return result(status, f"{first.message} Read again: {check.hint}", cases, points)
    return result(status, f"{check.hint} (check '{first.name}': {first.message})", cases, points)
