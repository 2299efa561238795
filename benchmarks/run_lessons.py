"""Execute lesson notebooks in fresh kernels, time them, and record the table.

    python benchmarks/run_lessons.py [--write] [NOTEBOOK ...]

With no notebook named, runs every lesson in the syllabus, in order. Each runs top to
bottom in a new kernel with its own folder as working directory, as a learner would.
--write stores the executed notebook (its outputs are what the repository commits).
The table in benchmarks/lesson_times.md gets one row per notebook run: wall time,
the kernel's peak memory, and the syllabus budget; rows of notebooks not run stay.
"""
import argparse
import datetime
import os
import platform
import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
from lessons import syllabus  # noqa: E402

TABLE = REPO / "benchmarks" / "lesson_times.md"
HEADER = ["notebook", "budget (s)", "run time (s)", "peak kernel memory (MiB)", "within budget", "machine", "date"]


def peak_rss_mib(pid):
    """The process's high-water resident memory (Linux), or None where unknown."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return None


def execute(path, timeout=600):
    """Run one notebook; returns (executed notebook, seconds, peak MiB)."""
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(nb, timeout=timeout, kernel_name="python3", record_timing=False,
                            resources={"metadata": {"path": str(path.parent)}})
    start = time.perf_counter()
    client.reset_execution_trackers()
    with client.setup_kernel():  # what client.execute() does, keeping the kernel to read its peak
        for index, cell in enumerate(nb.cells):
            client.execute_cell(cell, index, execution_count=client.code_cells_executed + 1)
        peak = peak_rss_mib(client.km.provisioner.pid)
    return nb, time.perf_counter() - start, peak


def machine():
    return f"{os.cpu_count()} CPU, {platform.machine()}"


def read_table():
    rows = {}
    if TABLE.exists():
        for line in TABLE.read_text().splitlines():
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            if len(cells) == len(HEADER) and cells[0].endswith(".ipynb"):
                rows[cells[0]] = cells
    return rows


def write_table(rows):
    order = [lesson.path for lesson in syllabus.lessons()]
    ordered = sorted(rows.values(), key=lambda r: order.index(r[0]) if r[0] in order else len(order))
    lines = ["# Lesson run times", "",
             "Written by `benchmarks/run_lessons.py` (`make notebooks`): each lesson run top to bottom",
             "in a fresh kernel, on CPU unless the machine column says otherwise.", "",
             "| " + " | ".join(HEADER) + " |", "|" + "---|" * len(HEADER)]
    lines += ["| " + " | ".join(r) + " |" for r in ordered]
    TABLE.write_text("\n".join(lines) + "\n")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notebooks", nargs="*", type=Path)
    parser.add_argument("--write", action="store_true", help="store the executed notebooks")
    args = parser.parse_args(argv)

    budgets = {lesson.path: lesson.budget_s for lesson in syllabus.lessons()}
    paths = [p.resolve() for p in args.notebooks] or [REPO / p for p in budgets]
    rows = read_table()
    failed = False
    for path in paths:
        rel = path.relative_to(REPO).as_posix()
        if rel not in budgets:
            sys.exit(f"error: {rel} is not in lessons/syllabus.toml; add it with its budget_s first")
        try:
            nb, seconds, peak = execute(path)
        except Exception as error:  # report and go on: one broken lesson must not hide the others
            print(f"{rel}: FAILED: {str(error).strip().splitlines()[-1][:300]}")
            failed = True
            continue
        within = seconds <= budgets[rel]
        print(f"{rel}: {seconds:.1f} s (budget {budgets[rel]} s), peak {peak or float('nan'):.0f} MiB"
              + ("" if within else "  OVER BUDGET"))
        rows[rel] = [rel, str(budgets[rel]), f"{seconds:.1f}", f"{peak:.0f}" if peak else "?",
                     "yes" if within else "NO", machine(), datetime.date.today().isoformat()]
        if args.write:
            nbformat.write(nb, path)
    write_table(rows)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
