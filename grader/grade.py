"""The grading pipeline: load → restore locked cells → execute → judge → result."""
import importlib.metadata
import platform
import time
from dataclasses import asdict

from grader import execute, load, sandbox
from grader.execute import Cascade, Limits
from grader.judge import judge_exercise
from grader.outcome import OFFLINE_HINT, Status
from grader.release import BEGIN, END

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
    sub = load.load(path, assignment_id)
    assignment = sub.assignment
    checks = assignment.checks

    by_id = {exercise.id: exercise for exercise in assignment.exercises}
    judged = {}  # exercise id -> its result, judged once, as soon as its output arrives (for the cascade)

    def judge(exercise_id, output, failure=None):
        if output is None:
            return judge_exercise(by_id[exercise_id], checks[exercise_id], None, None, failure)
        if exercise_id not in judged:
            judged[exercise_id] = judge_exercise(by_id[exercise_id], checks[exercise_id],
                                                 assignment.expected(exercise_id), output)
        return judged[exercise_id]

    cascade = Cascade(callees=assignment.callees, reference=assignment.solutions,
                      passes=lambda exercise_id, output: judge(exercise_id, output).status == Status.PASSED)
    notebook = load.restored_notebook(sub)
    run = execute.run(notebook, assignment.check_inputs(), {"SEED": seed, "FAST": fast},
                      limits, private=(sub.path.resolve().parent, *private), kernel=kernel, cascade=cascade,
                      answers=assignment.answer_ids)

    exercises = []
    for exercise in assignment.exercises:
        result = judge(exercise.id, run.outputs.get(exercise.id), run.failures.get(exercise.id))
        if exercise.id in sub.missing_exercises:
            result.message = f"the exercise cell for {exercise.id} is missing from the notebook; " + result.message
        exercises.append(result)

    status = {e.id: e.status for e in exercises}
    for result in exercises:
        broken = [d for d in cascade.callees[result.id] if status[d] != Status.PASSED]
        if broken and result.status != Status.NOT_ATTEMPTED:
            own = run.own_callee_outputs.get(result.id)
            with_yours = judge_exercise(by_id[result.id], checks[result.id], assignment.expected(result.id),
                                        own) if own else None
            result.points_with_your_callees = with_yours.points if with_yours else None
            result.message += _callee_note(result, broken, with_yours)

    shown_to_kernel = [assignment.solutions[e.id] for e in exercises if e.status != Status.PASSED]
    submitted = "\n".join(cell.source for cell in notebook.cells)  # a learner's own lines are theirs to see
    reference_lines = {line for line in set().union(*map(_solution_lines, shown_to_kernel)) if line not in submitted}
    _withhold_reference_code(exercises, checks, reference_lines)

    notes = []
    if sub.tampered:
        notes.append(f"{len(sub.tampered)} locked cell(s) had been edited or deleted; "
                     "they were restored to the original before grading")
    notes += [_failed_cell_note(position, notebook.cells[position], failure)
              for position, failure in sorted(run.cell_failures.items())]
    notes += [_with_hint(f"{exercise_id} was checked, but {failure.reason}", failure)
              for exercise_id, failure in run.checked_anyway.items()]
    notes = [WITHHELD if _quotes(note, reference_lines) else note for note in notes]
    seconds = {"execution": run.seconds, "total": time.perf_counter() - started}
    return {
        "schema_version": SCHEMA_VERSION,
        "assignment": assignment.id,
        "submission": sub.path.name,
        "score": round(sum(e.points for e in exercises), 2),
        "max_score": assignment.max_score,
        "exercises": [_exercise_json(e) for e in exercises],
        "notes": notes,
        "environment": _environment(seed, fast, seconds, limits),
    }


# The reference code of an exercise that failed is run in the kernel while its callers are checked,
# so a learner's code could put it in an error message; feedback never shows it.
WITHHELD = "this message quoted the reference solution's code, which feedback never shows"


def _solution_lines(code):
    """The lines inside a solution's regions that are long enough to be recognised, and its
    markers, which no learner's notebook holds."""
    lines, inside = {BEGIN}, False
    for line in code.splitlines():
        text = line.strip()
        if text.startswith((BEGIN, END)):
            inside = text.startswith(BEGIN)
        elif inside and len(text) >= 8 and not text.startswith("#"):
            lines.add(text)
    return lines


def _quotes(text, reference_lines):
    return any(line in text for line in reference_lines)


def _withhold_reference_code(exercises, checks, reference_lines):
    for result in exercises:
        if _quotes(result.message, reference_lines):
            result.message = f"{checks[result.id].hint} ({WITHHELD})"
        for case in result.cases:
            if _quotes(case.message, reference_lines):
                case.message = WITHHELD


def _exercise_json(result):
    fields = {key: value for key, value in asdict(result).items() if value is not None}
    return {**fields, "status": result.status.value}


def _failed_cell_note(position, cell, failure):
    """What a cell that is no exercise's did wrong: numbered from 1 as the notebook shows its
    cells, and named by its first line."""
    first_line = next((line.strip() for line in cell.source.splitlines() if line.strip()), "")
    name = first_line if len(first_line) <= 40 else first_line[:39] + "…"
    return _with_hint(f"cell {position + 1} (`{name}`) {failure.reason}", failure)


def _with_hint(note, failure):
    return f"{note}. {OFFLINE_HINT}" if failure.offline else note


def _callee_note(result, broken, with_yours):
    """What a caller's feedback says about the callees that failed: whether its own code is
    right (it passed with correct callees) and what the learner's callees did to it."""
    names, their = ", ".join(broken), "its" if len(broken) == 1 else "their"
    note = f". It calls {names}, which did not pass {their} own checks"
    if result.status != Status.PASSED:
        return (f"{note}: {result.id} was checked with a correct {names} in {their} place and still fails, "
                f"so the mistake is in {result.id} too; fix {names} first.")
    if with_yours is None:  # the run with the learner's callees sent nothing back
        return (f"{note}: {result.id} was checked with a correct {names} in {their} place, so its points are its "
                f"own; fix {names} first.")
    if with_yours.status == Status.PASSED:
        return f"{note}, but {result.id} passes with your {names} too."
    failed = sum(not c.passed for c in with_yours.cases)
    of_its = f"{failed} of its {len(with_yours.cases)} checks" if with_yours.cases else "its checks"
    return (f"{note}: with your {names}, {result.id} fails {of_its}; with a correct {names} in {their} place it "
            f"passes them all, so it keeps its points; fix {names} first.")

