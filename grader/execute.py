"""Run a prepared notebook with papermill in a throwaway folder, one exercise at a time.

The learner's cells run first, in a fresh kernel, with the grading parameters injected;
then one harness cell per exercise feeds that exercise's check inputs to the learner's
function and writes the results. Errors do not stop the run (every exercise is graded
on its own), and a cell that runs past the per-cell limit is interrupted, not fatal.
"""
import logging
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import nbformat
import papermill

from grader import codec

HARNESS_TAG = "grader-harness"


@dataclass
class Limits:
    cell_seconds: int = 120       # any one cell, the learner's or the harness's
    notebook_seconds: int = 600   # the whole run; cells still waiting then get a second each
    start_seconds: int = 60       # kernel start-up

    def describe(self):
        return f"the {self.cell_seconds} s limit per cell or {self.notebook_seconds} s per notebook"


@dataclass
class Execution:
    outputs: dict       # exercise id -> what the harness wrote, or None when it wrote nothing
    failures: dict      # exercise id -> why its harness cell produced nothing (timeout, dead kernel)
    seconds: float


def _harness_cell(exercise_id, inputs_name, outputs_name):
    cell = nbformat.v4.new_code_cell(
        "from grader.harness import run_exercise\n"
        f"run_exercise({exercise_id!r}, globals(), {inputs_name!r}, {outputs_name!r})")
    cell.metadata["tags"] = [HARNESS_TAG]
    cell.metadata["grader"] = {"harness": exercise_id}
    return cell


def without_submit_cells(notebook):
    """A copy without the cell that calls submit(): running it while grading (or while
    submit() itself runs the notebook) would package the notebook again."""
    nb = nbformat.from_dict(notebook)
    nb.cells = [c for c in nb.cells if not c.get("metadata", {}).get("grader", {}).get("submit")]
    return nb


MAX_RESTARTS = 3  # fresh kernels after the kernel dies, each without the cell that killed it


def _harness_of(cell):
    return cell.get("metadata", {}).get("grader", {}).get("harness")


def _execute(nb, folder, parameters, limits, deadline, kernel_name):
    """One papermill run; returns (executed notebook, crash message or None)."""
    def cell_limit(cell):  # nbclient asks before each cell
        return max(1, int(min(limits.cell_seconds, deadline - time.monotonic())))

    nbformat.write(nb, folder / "submission.ipynb")
    logging.getLogger("papermill").setLevel(logging.CRITICAL)  # its errors are the learner's, judged below
    try:
        executed = papermill.execute_notebook(
            folder / "submission.ipynb", folder / "executed.ipynb", parameters=parameters,
            kernel_name=kernel_name, cwd=folder, progress_bar=False, start_timeout=limits.start_seconds,
            execution_timeout=limits.cell_seconds, timeout_func=cell_limit,
            allow_errors=True, interrupt_on_timeout=True,
            error_on_timeout={"ename": "CellTimeout", "evalue": "stopped at the time limit", "traceback": []})
        # (a cell the kernel answers after the interrupt shows KeyboardInterrupt instead)
        return executed, None
    except papermill.PapermillExecutionError:
        return nbformat.read(folder / "executed.ipynb", as_version=4), None
    except Exception as error:  # the kernel died or never started
        executed = (nbformat.read(folder / "executed.ipynb", as_version=4)
                    if (folder / "executed.ipynb").exists() else nb)
        return executed, f"{type(error).__name__}: {str(error).strip().splitlines()[0] if str(error).strip() else ''}"


def run(notebook, inputs, parameters, limits=Limits(), kernel_name="python3"):
    """Execute `notebook` with `inputs` (exercise id -> list of argument tuples).

    If the kernel dies (a learner's os._exit, a segfault), the notebook runs again in a
    fresh kernel without the cell it died in and without the checks already done, so one
    exercise's crash costs that exercise only.
    """
    with tempfile.TemporaryDirectory(prefix="grader-") as folder:
        folder = Path(folder)
        nb = without_submit_cells(notebook)
        for exercise_id, cases in inputs.items():
            (folder / f"in_{exercise_id}.npz").write_bytes(codec.dumps(list(cases)))
            nb.cells.append(_harness_cell(exercise_id, f"in_{exercise_id}.npz", f"out_{exercise_id}.npz"))
        for position, cell in enumerate(nb.cells):
            cell.metadata["grader_position"] = position

        start = time.perf_counter()
        deadline = time.monotonic() + limits.notebook_seconds
        dropped, failures = set(), {}
        for _ in range(MAX_RESTARTS + 1):
            attempt = nbformat.from_dict(nb)
            attempt.cells = [c for c in nb.cells if c.metadata["grader_position"] not in dropped
                             and not (_harness_of(c) and (folder / f"out_{_harness_of(c)}.npz").exists())]
            executed, crash = _execute(attempt, folder, parameters, limits, deadline, kernel_name)
            started = [c for c in executed.cells if "grader_position" in c.metadata
                       and c.metadata.get("papermill", {}).get("start_time")]
            for cell in started:  # checks that ran and wrote nothing are not retried
                exercise_id = _harness_of(cell)
                if exercise_id and not (folder / f"out_{exercise_id}.npz").exists():
                    failures[exercise_id] = _why_nothing(cell, limits)
                    dropped.add(cell.metadata["grader_position"])
            if crash is None or not started:
                break
            culprit = started[-1]  # the kernel died while running the last cell it started
            dropped.add(culprit.metadata["grader_position"])
            if _harness_of(culprit):
                failures[_harness_of(culprit)] = (f"error: the kernel stopped while checking this exercise "
                                                  f"({crash}): does your function exit or crash Python?")
        seconds = time.perf_counter() - start

        outputs = {}
        for exercise_id in inputs:
            path = folder / f"out_{exercise_id}.npz"
            if path.exists():
                try:
                    outputs[exercise_id] = codec.loads(path.read_bytes())
                    failures.pop(exercise_id, None)
                except Exception:
                    failures[exercise_id] = "error: its results could not be read back"
            elif exercise_id not in failures:
                failures[exercise_id] = f"error: the kernel stopped before this exercise was checked ({crash})"
        return Execution(outputs, failures, seconds)


def _why_nothing(cell, limits):
    """Why a check cell that ran wrote no results."""
    for out in cell.get("outputs", []):
        if out.get("output_type") == "error":
            if out.get("ename") in ("CellTimeout", "KeyboardInterrupt"):  # we interrupted it
                return f"timeout: stopped at {limits.describe()}"
            return f"error: {out.get('ename')}: {out.get('evalue', '')[:200]}"
    return "error: the check ran but reported nothing"
