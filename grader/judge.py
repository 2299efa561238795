"""Verdicts, computed in the grader's process from what the kernel handed back."""
from dataclasses import dataclass, field


@dataclass
class CaseResult:
    name: str
    public: bool
    passed: bool
    message: str = ""


@dataclass
class ExerciseResult:
    id: str
    status: str  # passed, failed, error, timeout, out_of_memory, not_attempted
    points: float
    max_points: float
    message: str
    cases: list = field(default_factory=list)


def judge_exercise(exercise, check, expected, output, failure):
    """Grade one exercise. Points are shared equally among its cases."""
    def result(status, message, cases=(), points=0.0):
        return ExerciseResult(exercise.id, status, points, exercise.points, message, list(cases))

    if output is None:
        status = next((s for s in ("timeout", "out_of_memory") if failure.startswith(s + ":")), "error")
        return result(status, f"{check.hint} ({failure.split(': ', 1)[-1]})")
    if output["missing"]:
        return result("error", f"no function named {exercise.id} was found: did you rename it or delete its cell?")

    outcomes = output["cases"]
    if all(o.get("not_implemented") for o in outcomes):
        return result("not_attempted", "not attempted yet: replace the `raise NotImplementedError` line with your code")

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
        return result("passed", "all checks passed", cases, points)
    first = next(c for c in cases if not c.passed)
    status = "error" if any("error" in o for o in outcomes) and passed == 0 else "failed"
    return result(status, f"{check.hint} (check '{first.name}': {first.message})", cases, points)
