"""The grading pipeline: load → restore locked cells → execute → judge → result."""
import importlib.metadata
import platform
import time
from dataclasses import asdict

from grader import execute, sandbox, submission as submissions
from grader.execute import Limits
from grader.judge import judge_exercise

SCHEMA_VERSION = 1


def _environment(seed, fast, seconds, limits):
    versions = {name: importlib.metadata.version(package) for name, package in
                [("tensorflow", "tensorflow"), ("keras", "keras"), ("numpy", "numpy")]}
    return {"python": platform.python_version(), **versions,
            "grader": importlib.metadata.version("keras-course"),
            "seed": seed, "fast": fast, "seconds": {k: round(v, 2) for k, v in seconds.items()},
            "isolation": sandbox.isolation_summary(limits)}


def grade(path, assignment_id=None, seed=0, fast=True, limits=Limits(), private=(), kernel=None):
    """Grade one notebook; returns the result as a dict (schema grader/schema/result-1.json).
    The kernel never sees the submission's folder nor those `private` names (a results folder);
    `kernel` is a kernel started ahead by grader.pool (batch grading), else one is started.

    Raises SubmissionError when the file cannot be graded at all (not a notebook, another
    assignment's notebook, no assignment id).
    """
    started = time.perf_counter()
    sub = submissions.load(path, assignment_id)
    assignment = sub.assignment
    checks = assignment.checks

    run = execute.run(submissions.restored_notebook(sub), assignment.check_inputs(), {"SEED": seed, "FAST": fast},
                      limits, private=(sub.path.resolve().parent, *private), kernel=kernel)

    exercises = []
    for exercise in assignment.exercises:
        result = judge_exercise(exercise, checks[exercise.id], assignment.expected(exercise.id),
                                run.outputs.get(exercise.id), run.failures.get(exercise.id, ""))
        if exercise.id in sub.missing_exercises:
            result.message = f"the exercise cell for {exercise.id} is missing from the notebook; " + result.message
        exercises.append(result)

    status = {e.id: e.status for e in exercises}
    for result in exercises:
        broken = [d for d in assignment.calls[result.id] if status[d] != "passed"]
        if result.status != "passed" and broken:
            result.message += (f" It calls {', '.join(broken)}, which did not pass "
                               f"{'its' if len(broken) == 1 else 'their'} own checks: fix that first.")

    notes = []
    if sub.tampered:
        notes.append(f"{len(sub.tampered)} locked cell(s) had been edited or deleted; "
                     "they were restored to the original before grading")
    seconds = {"execution": run.seconds, "total": time.perf_counter() - started}
    return {
        "schema_version": SCHEMA_VERSION,
        "assignment": assignment.id,
        "submission": sub.path.name,
        "score": round(sum(e.points for e in exercises), 2),
        "max_score": assignment.max_score,
        "exercises": [asdict(e) for e in exercises],
        "notes": notes,
        "environment": _environment(seed, fast, seconds, limits),
    }
