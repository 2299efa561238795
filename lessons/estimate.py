"""How long a lesson takes a learner: reading its text and code, doing its practice exercises, and
running it. The syllabus holds each lesson's total (`minutes`), the README's course table shows it,
and each lesson's opening says it; tests/test_syllabus.py checks all three against this estimate.

    python -m lessons.estimate           prints each lesson's estimate
    python -m lessons.estimate --write   writes them into lessons/syllabus.toml and the openings

The rates are a study pace, not a skim: a lesson is read to be understood and its code followed.
Running time is the lesson's recorded run in benchmarks/lesson_times.md.
"""
import argparse
import math
import re
from dataclasses import dataclass
from pathlib import Path

import nbformat

from lessons import syllabus

WORDS_PER_MINUTE = 150        # explanatory text with equations, read to be understood
CODE_LINES_PER_MINUTE = 10    # code followed line by line (comments and blank lines not counted)
MINUTES_PER_EXERCISE = 5      # one "Your turn" exercise, hints included
TIMES_TABLE = syllabus.REPO_ROOT / "benchmarks" / "lesson_times.md"
TIME_LINE = re.compile(r"^\*\*Time\.\*\* .*$", re.M)


@dataclass(frozen=True)
class Estimate:
    reading: int       # minutes
    exercises: int     # minutes
    running_s: float   # seconds, as recorded

    @property
    def minutes(self):
        """The total, rounded up to 5 minutes."""
        return 5 * math.ceil((self.reading + self.exercises + self.running_s / 60) / 5)

    def sentence(self):
        running = f"{self.running_s:.0f} s" if self.running_s < 90 else f"{self.running_s / 60:.0f} min"
        exercises = f", {self.exercises} on the practice exercises" if self.exercises else ""
        return f"**Time.** About {self.minutes} minutes: {self.reading} reading{exercises}, and {running} of running."


def exercise_count(notebook):
    """The practice exercises a lesson asks: its `practice.<name>.check(` calls."""
    return sum(len(re.findall(r"\bpractice\.\w+\.check\(", c.source)) for c in notebook.cells if c.cell_type == "code")


def estimate(path, running_s):
    notebook = nbformat.read(path, as_version=4)
    words = sum(len(TIME_LINE.sub("", c.source).split()) for c in notebook.cells if c.cell_type == "markdown")
    code = sum(1 for c in notebook.cells if c.cell_type == "code" for line in c.source.splitlines()
               if line.strip() and not line.strip().startswith("#"))
    reading = round(words / WORDS_PER_MINUTE + code / CODE_LINES_PER_MINUTE)
    return Estimate(reading, MINUTES_PER_EXERCISE * exercise_count(notebook), running_s)


def recorded_run_seconds(table=TIMES_TABLE):
    """notebook path -> its run time in seconds, from the last row that names it."""
    seconds = {}
    for row in Path(table).read_text(encoding="utf-8").splitlines():
        cells = [cell.strip() for cell in row.strip().strip("|").split("|")]
        if len(cells) >= 3 and cells[0].endswith(".ipynb"):
            seconds[cells[0]] = float(cells[2])
    return seconds


def estimates():
    """lesson path -> its Estimate, for every lesson of the syllabus."""
    recorded = recorded_run_seconds()
    return {lesson.path: estimate(syllabus.REPO_ROOT / lesson.path, recorded[lesson.path])
            for lesson in syllabus.lessons()}


def write(found):
    """Put each lesson's minutes into syllabus.toml and its time sentence into its opening cell."""
    text = syllabus.SYLLABUS_FILE.read_text(encoding="utf-8")
    for path, found_estimate in found.items():
        entry = re.compile(rf'(\{{ notebook = "{re.escape(Path(path).name)}", budget_s = \d+)(, minutes = \d+)? \}}')
        text, count = entry.subn(rf"\g<1>, minutes = {found_estimate.minutes} }}", text)
        if count != 1:
            raise ValueError(f"{path}: its entry in lessons/syllabus.toml is not in the expected form")
        notebook = nbformat.read(syllabus.REPO_ROOT / path, as_version=4)
        opening = notebook.cells[0]
        if TIME_LINE.search(opening.source):
            opening.source = TIME_LINE.sub(found_estimate.sentence(), opening.source)
        else:
            opening.source = opening.source.rstrip() + "\n\n" + found_estimate.sentence()
        nbformat.write(notebook, syllabus.REPO_ROOT / path)
    syllabus.SYLLABUS_FILE.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="write the syllabus's minutes and the openings")
    found = estimates()
    for path, found_estimate in found.items():
        print(f"{path}: {found_estimate.sentence()}")
    if parser.parse_args().write:
        write(found)
