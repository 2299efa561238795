"""Execute lesson notebooks in fresh kernels, time them, and record the table.

    python benchmarks/run_lessons.py [--write] [NOTEBOOK ...]

With no notebook named, runs every lesson in the syllabus, in order. Each runs top to
bottom in a new kernel with its own folder as working directory, as a learner would.
--write stores the executed notebook (its outputs are what the repository commits).
The table in benchmarks/lesson_times.md gets one row per notebook and machine: wall
time, the kernel's peak memory, and the syllabus budget; rows of notebooks not run stay.
A machine with an NVIDIA GPU names it in the machine column, and the file then shows the
GPU's speed-up over the CPU rows.
"""
import argparse
import datetime
import os
import platform
import shutil
import subprocess
import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
from grader.offline import AsyncUnixSocketKernelManager  # noqa: E402
from lessons import syllabus  # noqa: E402
import quote_in_readme  # noqa: E402  (beside this script)

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
                            kernel_manager_class=AsyncUnixSocketKernelManager,
                            resources={"metadata": {"path": str(path.parent)}})
    start = time.perf_counter()
    client.reset_execution_trackers()
    with client.setup_kernel():  # what client.execute() does, keeping the kernel to read its peak
        for index, cell in enumerate(nb.cells):
            client.execute_cell(cell, index, execution_count=client.code_cells_executed + 1)
        peak = peak_rss_mib(client.km.provisioner.pid)
    return nb, time.perf_counter() - start, peak


def gpu_name():
    """The first NVIDIA GPU's name, or None (no GPU, or no driver to ask)."""
    if not shutil.which("nvidia-smi"):
        return None
    try:
        names = subprocess.run(["nvidia-smi", "--query-gpu=name", "--format=csv,noheader"],
                               capture_output=True, text=True, timeout=30).stdout.split("\n")
    except (OSError, subprocess.SubprocessError):
        return None
    return names[0].strip() or None


def machine():
    gpu = gpu_name()
    return f"{os.cpu_count()} CPU, {platform.machine()}" + (f", GPU {gpu}" if gpu else "")


def on_gpu(row):
    return "GPU" in row[HEADER.index("machine")]


def read_table():
    rows = {}
    if TABLE.exists():
        for line in TABLE.read_text().splitlines():
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            if len(cells) == len(HEADER) and cells[0].endswith(".ipynb"):
                rows[cells[0], on_gpu(cells)] = cells
    return rows


def speedups(rows):
    """Lines saying how much faster each lesson ran on a GPU than on the CPU."""
    seconds = HEADER.index("run time (s)")
    pairs = [(cpu, rows[path, True]) for (path, gpu), cpu in rows.items() if not gpu and (path, True) in rows]
    if not pairs:
        return ["No GPU run is recorded: no GPU was available to the sessions that measured this table.",
                "`make notebooks` on a machine with an NVIDIA GPU adds rows that name it, and a speed-up table here."]
    lines = ["GPU speed-up (CPU run time / GPU run time, both from this table):", "",
             "| notebook | CPU (s) | GPU (s) | speed-up |", "|---|---|---|---|"]
    for cpu, gpu in pairs:
        lines.append(f"| {cpu[0]} | {cpu[seconds]} | {gpu[seconds]} | "
                     f"{float(cpu[seconds]) / float(gpu[seconds]):.1f}x |")
    return lines


def write_table(rows):
    order = [lesson.path for lesson in syllabus.lessons()]
    ordered = sorted(rows.values(), key=lambda r: (order.index(r[0]) if r[0] in order else len(order), on_gpu(r)))
    lines = ["# Lesson run times", "",
             "Written by `benchmarks/run_lessons.py` (`make notebooks`): each lesson run top to bottom",
             "in a fresh kernel, on CPU unless the machine column names a GPU.", "",
             "| " + " | ".join(HEADER) + " |", "|" + "---|" * len(HEADER)]
    lines += ["| " + " | ".join(r) + " |" for r in ordered]
    lines += [""] + speedups(rows)
    TABLE.write_text("\n".join(lines) + "\n")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notebooks", nargs="*", type=Path)
    parser.add_argument("--write", action="store_true", help="store the executed notebooks")
    args = parser.parse_args(argv)

    budgets = {lesson.path: lesson.budget_s for lesson in syllabus.lessons()}
    paths = [p.resolve() for p in args.notebooks] or [REPO / p for p in budgets]
    rows = read_table()
    where = machine()  # asks nvidia-smi once, not per notebook
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
        row = [rel, str(budgets[rel]), f"{seconds:.1f}", f"{peak:.0f}" if peak else "?",
               "yes" if within else "NO", where, datetime.date.today().isoformat()]
        rows[rel, on_gpu(row)] = row
        if args.write:
            nbformat.write(nb, path)
    write_table(rows)
    quote_in_readme.main([])
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
