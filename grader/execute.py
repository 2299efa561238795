"""Run a prepared notebook with papermill in a throwaway folder, one exercise at a time.

The learner's cells run first, in a fresh kernel, with the grading parameters injected;
then one harness cell per exercise feeds that exercise's check inputs to the learner's
function and sends back the results. Errors do not stop the run (every exercise is graded
on its own), and a cell that runs past the per-cell limit is interrupted, not fatal; every
cell that failed is reported, an exercise's with that exercise, any other by its position.

Each exercise is checked on its own code (a Cascade): as soon as an exercise's results
arrive they are judged, and if it failed, its reference code is handed to the kernel, so
that the exercises calling it are checked with the reference in its place (for their
points), then again with the learner's version (for their feedback).
"""
import base64
import contextlib
import errno
import json
import logging
import re
import time
from dataclasses import dataclass, field
from typing import Callable

import nbformat
import papermill
from papermill.clientwrap import PapermillNotebookClient
from papermill.engines import NBClientEngine, papermill_engines
from papermill.utils import remove_args

from grader import codec, sandbox
from grader.cells import exercise_of, harness_cell, harness_of, without_submit_cells
from grader.harness import CRASHED_SUFFIX, OWN_CALLEES_TYPE, RESULTS_TYPE
from grader.outcome import NETWORK_ERRORS, Failure, Status, no_space_left

@dataclass(frozen=True)
class Limits:
    cell_seconds: int = 120       # any one cell, the learner's or the harness's
    notebook_seconds: int = 600   # the whole run; cells still waiting then get a second each
    start_seconds: int = 60       # kernel start-up
    memory_mib: int = 4096        # resident memory of the kernel and all it starts
    processes: int = 64           # processes the kernel may have at once
    output_bytes: int = 1_000_000  # printed output kept per cell; the rest is dropped
    scratch_mib: int = 512        # all the files the kernel may write (working folder, /tmp, home)
    results_mib: int = 256        # what one exercise's check may send back


@dataclass
class Execution:
    outputs: dict       # exercise id -> what the harness sent back
    own_callee_outputs: dict  # exercise id -> the same with the learner's own callees, where they failed
    failures: dict      # exercise id -> Failure: why there is no output (timeout, dead kernel, its cell failed)
    seconds: float
    # index in the notebook -> Failure, for each cell that failed and is neither an exercise nor a check
    cell_failures: dict = field(default_factory=dict)
    checked_anyway: dict = field(default_factory=dict)  # exercise id -> Failure of its cell, whose function was checked


@dataclass(frozen=True)
class Cascade:
    """How callers are checked on their own code. `callees`: exercise id -> the exercises it
    calls, directly or through others; `reference`: exercise id -> its solution cell's code;
    `passes(exercise_id, output)`: the judge's verdict on an output, as soon as it arrives."""
    callees: dict = field(default_factory=dict)
    reference: dict = field(default_factory=dict)
    passes: Callable = None


def _reference_name(exercise_id):
    return f"reference_{exercise_id}.py"


def _harness_cell(exercise_id, inputs_folder, callees, answer):
    return harness_cell(exercise_id, f"{inputs_folder}/in_{exercise_id}.npz",
                        [f"{inputs_folder}/{_reference_name(c)}" for c in callees], answer)


MAX_RESTARTS = 3  # fresh kernels after the kernel dies, each without the cell that killed it
_NO_SPACE = re.compile(rf"\[Errno {errno.ENOSPC}\]")  # in an error's message: the files' space is full


class _GradingClient(PapermillNotebookClient):
    """Takes each check's results out of its cell's output into `collected` (at most
    `results_bytes`), and keeps at most `output_bytes` of each cell's other output, so that
    a cell printing without end cannot fill the grader's memory. Errors are always kept:
    they explain a failure. After each check, hands the kernel the reference code of an
    exercise that failed (`cascade`), through the `folder` it reads."""

    output_bytes = 1_000_000
    collected = None  # exercise id -> the bytes its harness sent
    own_callees = None  # exercise id -> the bytes of its second run, with the learner's callees
    results_bytes = 0
    cascade = None
    folder = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.cascade and self.cascade.passes:
            self.on_cell_executed = self._after_check

    def _after_check(self, cell, cell_index, execute_reply):
        exercise_id = harness_of(cell)
        if exercise_id and exercise_id in self.cascade.reference and not self._passed(exercise_id):
            sandbox.write_for_kernel(self.folder / _reference_name(exercise_id),
                                     self.cascade.reference[exercise_id].encode())

    def _passed(self, exercise_id):
        try:
            return self.cascade.passes(exercise_id, codec.loads(self.collected[exercise_id]))
        except Exception:  # nothing came back, or nothing readable: it did not pass
            return False

    def output(self, outs, msg, display_id, cell_index):
        exercise_id = harness_of(self.nb.cells[cell_index])
        data = msg["content"].get("data", {}) if msg["msg_type"] == "display_data" else {}
        for mime_type, store in ((RESULTS_TYPE, self.collected), (OWN_CALLEES_TYPE, self.own_callees)):
            results = data.get(mime_type)
            if exercise_id and isinstance(results, str):
                if len(results) <= self.results_bytes * 4 // 3 + 4:  # base64 is 4/3 of the bytes
                    store[exercise_id] = base64.b64decode(results)
                return None
        if msg["msg_type"] != "error":
            sizes = self.__dict__.setdefault("_output_sizes", {})
            sizes[cell_index] = sizes.get(cell_index, 0) + len(json.dumps(msg["content"]))
            if sizes[cell_index] > self.output_bytes:
                if not any(o.get("name") == "grader-note" for o in outs):
                    outs.append(nbformat.v4.new_output("stream", name="grader-note", text=(
                        f"[output beyond {self.output_bytes:,} bytes was dropped by the grader]\n")))
                return None
        return super().output(outs, msg, display_id, cell_index)


class _GradingEngine(NBClientEngine):
    """papermill's nbclient engine, running the capped client."""

    @classmethod
    def execute_managed_notebook(cls, nb_man, kernel_name, log_output=False, stdout_file=None,
                                 stderr_file=None, start_timeout=60, execution_timeout=None,
                                 output_bytes=1_000_000, collected=None, own_callees=None, results_bytes=0,
                                 cascade=None, folder=None, **kwargs):
        kwargs = remove_args(["input_path", "timeout", "startup_timeout"], **kwargs)
        client = type("Client", (_GradingClient,), {"output_bytes": output_bytes, "collected": collected,
                                                    "own_callees": own_callees,
                                                    "results_bytes": results_bytes, "cascade": cascade,
                                                    "folder": folder})
        return client(nb_man, timeout=execution_timeout, startup_timeout=start_timeout,
                      kernel_name=kernel_name, log=logging.getLogger("papermill"), log_output=log_output,
                      stdout_file=stdout_file, stderr_file=stderr_file, **kwargs).execute()


papermill_engines.register("grader", _GradingEngine)


def _execute(nb, folder, parameters, limits, deadline, kernel_name, kernel_manager_class, collected, own_callees,
             cascade, km=None):
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
            allow_errors=True, interrupt_on_timeout=True, engine_name="grader",
            kernel_manager_class=kernel_manager_class, output_bytes=limits.output_bytes,
            collected=collected, own_callees=own_callees, results_bytes=limits.results_mib * 2**20, cascade=cascade,
            folder=folder,
            **({"km": km} if km is not None else {}),  # a kernel started ahead (grader.pool)
            error_on_timeout={"ename": "CellTimeout", "evalue": "stopped at the time limit", "traceback": []})
        # (a cell the kernel answers after the interrupt shows KeyboardInterrupt instead)
        return executed, None
    except papermill.PapermillExecutionError:
        return nbformat.read(folder / "executed.ipynb", as_version=4), None
    except Exception as error:  # the kernel died or never started
        executed = (nbformat.read(folder / "executed.ipynb", as_version=4)
                    if (folder / "executed.ipynb").exists() else nb)
        return executed, f"{type(error).__name__}: {str(error).strip().splitlines()[0] if str(error).strip() else ''}"


def run(notebook, inputs, parameters, limits=Limits(), kernel_name="python3", private=(), kernel=None,
        cascade=Cascade(), answers=frozenset()):
    """Execute `notebook` with `inputs` (exercise id -> list of argument tuples), in a
    kernel confined by grader.sandbox; `private` names more folders it must not see.
    The exercises in `answers` are questions: their variable's value is sent back.
    `kernel`, a grader.pool.WarmKernel started with the same limits, saves starting one.

    If the kernel dies (a learner's os._exit, a segfault, the memory or process limit),
    the notebook runs again in a fresh kernel without the cell it died in and without the
    checks already done, so one exercise's crash costs that exercise only. An exercise
    whose own cell failed (raised, ran out of time or memory, killed the kernel) has that
    failure, which its check reports if the cell never defined the function (else it is in
    `checked_anyway`). Any other cell that failed is in `cell_failures`, by its index in `notebook`,
    unless it failed only because an exercise is not written or an earlier cell failed.
    """
    with contextlib.ExitStack() as cleanup:
        if kernel is None:
            folder, monitor = sandbox.control_folder(cleanup), sandbox.Monitor()
        else:
            folder, monitor = kernel.folder, kernel.monitor
            cleanup.callback(kernel.close)
        manager = sandbox.kernel_manager_class_for(limits, monitor, folder, private)
        nb = nbformat.from_dict(notebook)
        for exercise_id, cases in inputs.items():
            sandbox.write_for_kernel(folder / f"in_{exercise_id}.npz", codec.dumps(list(cases)))
            nb.cells.append(_harness_cell(exercise_id, sandbox.inputs_folder(folder),
                                          cascade.callees.get(exercise_id, ()), exercise_id in answers))
        for position, cell in enumerate(nb.cells):  # a cell of `notebook` keeps its index there
            cell.metadata["grader_position"] = position
        nb = without_submit_cells(nb)

        start = time.perf_counter()
        deadline = time.monotonic() + limits.notebook_seconds
        dropped, failures, cell_failures, collected, own_callees = set(), {}, {}, {}, {}
        other_failures = {}  # index in the notebook -> Failure, for cells that are neither exercises nor checks
        for attempt_number in range(MAX_RESTARTS + 1):
            attempt = nbformat.from_dict(nb)
            attempt.cells = [c for c in nb.cells if c.metadata["grader_position"] not in dropped
                             and harness_of(c) not in collected]
            warm = kernel.km if kernel is not None and attempt_number == 0 else None
            executed, crash = _execute(attempt, folder, parameters, limits, deadline, kernel_name, manager,
                                       collected, own_callees, cascade, warm)
            verdict = monitor.take_verdict()  # the watchdog stopped the kernel: why
            started = [c for c in executed.cells if "grader_position" in c.metadata
                       and c.metadata.get("papermill", {}).get("start_time")]
            failed_before = bool(dropped)  # a cell this run leaves out may have defined names others use
            for cell in started:
                failure = _cell_failure(cell, limits)
                exercise_id = harness_of(cell)
                if failure and exercise_of(cell):
                    cell_failures.setdefault(exercise_of(cell), failure)
                elif failure and not exercise_id and not _a_consequence(cell, failed_before):
                    other_failures.setdefault(cell.metadata["grader_position"], failure)
                failed_before = failed_before or failure is not None
                if exercise_id and exercise_id not in collected:  # checks that ran and sent nothing: not retried
                    failures[exercise_id] = failure or Failure.error("the check ran but reported nothing")
                    dropped.add(cell.metadata["grader_position"])
            if (crash is None and verdict is None) or not started:
                break
            culprit = started[-1]  # the kernel died while running the last cell it started
            dropped.add(culprit.metadata["grader_position"])
            died = verdict or Failure.error(f"the kernel stopped ({crash})")
            if harness_of(culprit):
                failures[harness_of(culprit)] = verdict or Failure.error(
                    f"the kernel stopped while checking this exercise ({crash}): does your function exit or crash Python?")
                if harness_of(culprit) in cascade.reference:  # it failed: its callers run with the reference,
                    crashed = folder / _reference_name(harness_of(culprit))  # and not again with it
                    sandbox.write_for_kernel(crashed, cascade.reference[harness_of(culprit)].encode())
                    sandbox.write_for_kernel(crashed.with_suffix(CRASHED_SUFFIX), b"")
            elif exercise_of(culprit):
                cell_failures[exercise_of(culprit)] = Failure(died.status, f"its cell stopped the kernel: {died.reason}")
            else:
                other_failures[culprit.metadata["grader_position"]] = Failure(
                    died.status, f"stopped the kernel: {died.reason}")
        seconds = time.perf_counter() - start

        outputs, checked_anyway = {}, {}
        for exercise_id in inputs:
            if exercise_id in collected:
                try:
                    outputs[exercise_id] = codec.loads(collected[exercise_id])
                    failures.pop(exercise_id, None)
                except Exception:
                    failures[exercise_id] = Failure.error("its results could not be read back")
            elif exercise_id not in failures:
                failures[exercise_id] = Failure.error(f"the kernel stopped before this exercise was checked ({crash})")
            if exercise_id in cell_failures and (exercise_id not in outputs or outputs[exercise_id].get("missing")):
                outputs.pop(exercise_id, None)  # its cell never defined it: that cell's failure is the reason
                failures[exercise_id] = cell_failures[exercise_id]
            elif exercise_id in cell_failures:
                checked_anyway[exercise_id] = cell_failures[exercise_id]
        own_callee_outputs = {}
        for exercise_id, data in own_callees.items():
            with contextlib.suppress(Exception):  # unreadable: the feedback just says less
                own_callee_outputs[exercise_id] = codec.loads(data)
        return Execution(outputs, own_callee_outputs, failures, seconds, other_failures, checked_anyway)


def _whose(cell):
    return "its cell was" if exercise_of(cell) else "its check was" if harness_of(cell) else "was"


def _limit_hit(cell, limits):
    """Which time limit stopped the cell: its own, or what was left of the notebook's (a cell
    that ran for less than the per-cell limit was given only what was left)."""
    ran = cell.get("metadata", {}).get("papermill", {}).get("duration")
    if ran is not None and ran < limits.cell_seconds - 1:
        return f"the {limits.notebook_seconds} s limit per notebook (the whole run's time was spent)"
    return f"the {limits.cell_seconds} s limit per cell"


def _a_consequence(cell, failed_before):
    """Whether a cell failed only because an exercise is not written yet (NotImplementedError)
    or because a cell before it failed (a NameError then): what failed first is reported."""
    ename = next((out.get("ename") for out in cell.get("outputs", []) if out.get("output_type") == "error"), None)
    return ename == "NotImplementedError" or (ename == "NameError" and failed_before)


def _cell_failure(cell, limits):
    """The Failure a cell that ran shows in its output, or None."""
    for out in cell.get("outputs", []):
        if out.get("output_type") == "error":
            if out.get("ename") in ("CellTimeout", "KeyboardInterrupt"):  # we interrupted it
                return Failure(Status.TIMEOUT, f"{_whose(cell)} stopped at {_limit_hit(cell, limits)}")
            where = "its cell raised" if exercise_of(cell) else "raised"
            message = out.get("evalue", "")
            if _NO_SPACE.search(message):  # in the harness's words, which name the limit
                return Failure.error(f"{where} OSError: {no_space_left(limits.scratch_mib)}")
            return Failure(Status.ERROR, f"{where} {out.get('ename')}: {message[:200]}",
                           offline=bool(NETWORK_ERRORS.search(message)))
    return None

