"""Where the test suite's time goes: run `make test`'s pytest command with every duration
recorded, and write the totals by test file and the slowest tests.

    python benchmarks/suite_durations.py        # runs the whole suite (about 20 minutes on 2 CPUs)

The suite must stay under 45 minutes on 2 cores as Courses 4 and 5 triple its content: this
table says which files to make cheaper first. Writes benchmarks/suite_durations.md.
"""
import datetime
import os
import re
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
TABLE = REPO / "benchmarks" / "suite_durations.md"
DURATION = re.compile(r"^\s*(?P<seconds>[\d.]+)s (?P<phase>call|setup|teardown)\s+(?P<test>.+?)\s*$")
SLOWEST = 25


def parse(output):
    """(test id, phase, seconds) for each line of pytest's --durations=0 report."""
    return [(m["test"], m["phase"], float(m["seconds"])) for m in map(DURATION.match, output.splitlines()) if m]


def by_file(durations):
    totals = defaultdict(lambda: [0.0, set()])
    for test, _, seconds in durations:
        path = test.split("::")[0]
        totals[path][0] += seconds
        totals[path][1].add(test)
    return sorted(((path, seconds, len(tests)) for path, (seconds, tests) in totals.items()), key=lambda r: -r[1])


def table(durations, wall, summary, workers):
    files = by_file(durations)
    busy = sum(seconds for _, seconds, _ in files)
    lines = ["# Test suite durations", "",
             f"Written by `benchmarks/suite_durations.py`: `pytest -n {workers}` (tests handed out one at a time, "
             f"see conftest.py) on {os.cpu_count()} CPUs, {datetime.date.today()}. {summary}; "
             f"wall time {wall / 60:.1f} min, "
             f"{busy / 60:.1f} min of test time over the workers.", "",
             "| test file | tests | seconds | share |", "|---|---|---|---|"]
    lines += [f"| {path} | {count} | {seconds:.0f} | {seconds / busy:.0%} |" for path, seconds, count in files]
    lines += ["", f"The {SLOWEST} slowest tests:", "", "| test | phase | seconds |", "|---|---|---|"]
    slowest = sorted(durations, key=lambda d: -d[2])[:SLOWEST]
    lines += [f"| {test.replace('|', '/')} | {phase} | {seconds:.1f} |" for test, phase, seconds in slowest]
    return "\n".join(lines) + "\n"


def main(workers=2):
    start = time.perf_counter()
    run = subprocess.run([sys.executable, "-m", "pytest", "-n", str(workers), "-q",
                          "--durations=0", "--durations-min=0"], cwd=REPO, capture_output=True, text=True)
    wall = time.perf_counter() - start
    summary = next((line.strip("= ") for line in reversed(run.stdout.splitlines()) if " in " in line), "no summary")
    TABLE.write_text(table(parse(run.stdout), wall, summary, workers))
    print(f"wrote {TABLE.relative_to(REPO)} ({summary})")
    if run.returncode:  # the failures, as pytest reported them
        print(run.stdout[run.stdout.find("= FAILURES ="):] if "= FAILURES =" in run.stdout else run.stdout[-20000:])
    return run.returncode


if __name__ == "__main__":
    sys.exit(main())
