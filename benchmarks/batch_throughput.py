"""Batch grading throughput: submissions per minute with 1 worker and with N, and the floor.

    python benchmarks/batch_throughput.py [--submissions 6] [--jobs 2] [--assignment ID]

Grades copies of the assignment's solution with `grade-all` (a fresh results folder each
time, so nothing is skipped), serially and in parallel, with and without warm kernels
(grader.pool), and measures the floor any grading pays: starting a confined kernel and
importing TensorFlow in it. Writes benchmarks/batch_throughput.md and quotes it in
README.md. Run it on an otherwise idle machine.
"""
import argparse
import contextlib
import datetime
import os
import platform
import shutil
import sys
import tempfile
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
from grader import sandbox  # noqa: E402
from grader.assignment import Assignment  # noqa: E402
from grader.batch import grade_all  # noqa: E402
from grader.execute import Limits  # noqa: E402
import quote_in_readme  # noqa: E402  (beside this script)

TABLE = REPO / "benchmarks" / "batch_throughput.md"


def kernel_floor():
    """Seconds to start a confined kernel, and to import TensorFlow and Keras in it."""
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("pass"),
                                         nbformat.v4.new_code_cell("import tensorflow, keras")])
    with contextlib.ExitStack() as cleanup:
        folder = sandbox.control_folder(cleanup)
        manager = sandbox.kernel_manager_class_for(Limits(), sandbox.Monitor(), folder)
        client = NotebookClient(nb, kernel_manager_class=manager, resources={"metadata": {"path": str(folder)}})
        start = time.perf_counter()
        with client.setup_kernel():
            client.execute_cell(nb.cells[0], 0)
            started = time.perf_counter()
            client.execute_cell(nb.cells[1], 1)
            imported = time.perf_counter()
    return started - start, imported - started


def throughput(assignment, submissions, jobs, warm):
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        for i in range(submissions):
            shutil.copy(assignment.folder / "source.ipynb", folder / f"learner{i:03d}.ipynb")
        start = time.perf_counter()
        results = grade_all(folder, assignment.id, jobs=jobs, warm=warm)
        seconds = time.perf_counter() - start
    assert all(r["score"] == assignment.max_score for r in results.values()), "a solution lost points"
    return seconds, submissions / seconds * 60


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--submissions", type=int, default=6)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--assignment", default="c1w1_data_as_tensors")
    args = parser.parse_args(argv)
    assignment = Assignment(args.assignment)

    start_s, import_s = kernel_floor()
    rows = []
    for jobs, warm in ((1, False), (1, True), (args.jobs, False), (args.jobs, True)):
        seconds, per_minute = throughput(assignment, args.submissions, jobs, warm)
        rows.append(f"| {args.assignment} | {args.submissions} | {jobs} | {'yes' if warm else 'no'} | "
                    f"{seconds:.1f} | {per_minute:.1f} |")
        print(rows[-1])
    machine = f"{os.cpu_count()} CPU, {platform.machine()}"
    isolation = "namespaces" if sandbox.namespaces_available() else "no namespaces"
    TABLE.write_text("\n".join([
        "# Batch grading throughput", "",
        "Written by `benchmarks/batch_throughput.py`: copies of the solution graded with",
        "`grade-all` (local worker processes), serially and in parallel, with and without warm kernels",
        "(grader/pool.py: each worker starts its next kernel and imports TensorFlow while it grades).", "",
        f"Machine: {machine}; kernels confined with {isolation}; {datetime.date.today()}.", "",
        "| assignment | submissions | workers | warm kernels | wall time (s) | submissions per minute |",
        "|---|---|---|---|---|---|", *rows, "",
        "The floor of any grading: starting a confined kernel "
        f"{start_s:.1f} s, then importing TensorFlow and Keras in it {import_s:.1f} s.", ""]))
    print(f"kernel start {start_s:.1f} s, TensorFlow import {import_s:.1f} s; wrote {TABLE}")
    quote_in_readme.main([])


if __name__ == "__main__":
    main()
