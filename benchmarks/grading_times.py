"""Time grading each assignment's solution against plain papermill on the same notebook.

    python benchmarks/grading_times.py [ASSIGNMENT_ID ...]

Both run the source notebook in a fresh kernel with FAST=True. The difference is the
grader's overhead: restoring locked cells, the harness calls on every check case, and
judging. Writes benchmarks/grading_times.md (rows of assignments not run this time stay,
with the date they were measured) and quotes it in README.md.
"""
import datetime
import os
import sys
import tempfile
import time
from pathlib import Path

import nbformat
import papermill

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
from grader.assignment import Assignment, known_ids  # noqa: E402
from grader.cells import without_submit_cells  # noqa: E402
from grader.grade import grade  # noqa: E402
import quote_in_readme  # noqa: E402  (beside this script)

TABLE = REPO / "benchmarks" / "grading_times.md"


def time_papermill(path):
    with tempfile.TemporaryDirectory() as folder:
        notebook = Path(folder) / "in.ipynb"  # the notebook the grader runs: no hand-in cell
        nbformat.write(without_submit_cells(nbformat.read(path, as_version=4)), notebook)
        start = time.perf_counter()
        papermill.execute_notebook(notebook, Path(folder) / "out.ipynb", parameters={"SEED": 0, "FAST": True},
                                   kernel_name="python3", cwd=folder, progress_bar=False)
        return time.perf_counter() - start


def _recorded_rows():
    """assignment id -> its row in the current table, for the assignments there still are."""
    lines = TABLE.read_text().splitlines() if TABLE.exists() else []
    rows = {line.split("|")[1].strip(): line for line in lines if line.startswith("| ")}
    return {assignment_id: row for assignment_id, row in rows.items() if assignment_id in known_ids()}


def main(ids):
    rows = _recorded_rows()
    today = datetime.date.today().isoformat()
    for assignment_id in ids or known_ids():
        source = Assignment(assignment_id).folder / "source.ipynb"
        plain = time_papermill(source)
        start = time.perf_counter()
        result = grade(source)
        graded = time.perf_counter() - start
        overhead = graded - plain
        print(f"{assignment_id}: papermill {plain:.1f} s, grader {graded:.1f} s "
              f"(overhead {overhead:+.1f} s, {overhead / plain:+.0%}), score {result['score']}/{result['max_score']}")
        rows[assignment_id] = (f"| {assignment_id} | {plain:.1f} | {graded:.1f} "
                               f"| {overhead:+.1f} ({overhead / plain:+.0%}) "
                               f"| {result['environment']['seconds']['execution']:.1f} | {today} |")
    order = known_ids()
    TABLE.write_text("\n".join([
        "# Grading time per assignment", "",
        "Written by `benchmarks/grading_times.py`: the solution notebook run by plain papermill, then graded",
        f"(FAST=True, one at a time) on {os.cpu_count()} CPUs. The grader's "
        "run includes calling every exercise on all its check cases.", "",
        "| assignment | papermill (s) | grader (s) | overhead (s) | of which kernel run (s) | measured |",
        "|---|---|---|---|---|---|",
        *[rows[a] for a in sorted(rows, key=lambda a: order.index(a) if a in order else len(order))]]) + "\n")
    quote_in_readme.main([])


if __name__ == "__main__":
    main(sys.argv[1:])
