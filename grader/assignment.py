"""An assignment: its folder, its source notebook's graded cells, and its checks.

assignments/<id>/
    source.ipynb    the notebook with solutions; cells carry metadata["grader"]:
                    {"exercise": ID, "points": N}  a graded cell (solution regions inside)
                    {"locked": true}               setup, data and self-check cells
                    {"solution": true}             only in the source (removed on release)
    student.ipynb   made by `python -m grader release ID`
    checks.py       CHECKS: one grader.checks.Check per exercise
    expected/       the reference outputs for every case, made by `python -m grader fixtures ID`
"""
import hashlib
import importlib.util
import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import nbformat

from grader import codec

REPO_ROOT = Path(__file__).resolve().parent.parent
ASSIGNMENTS_DIR = REPO_ROOT / "assignments"


class AssignmentError(ValueError):
    """The assignment itself is broken or unknown (an author's problem, not a learner's)."""


@dataclass(frozen=True)
class Exercise:
    id: str
    points: float


def cell_role(cell):
    return cell.get("metadata", {}).get("grader", {})


def cell_hash(cell):
    return hashlib.sha256(cell.get("source", "").encode("utf-8")).hexdigest()


def known_ids():
    return sorted(p.name for p in ASSIGNMENTS_DIR.iterdir() if (p / "source.ipynb").is_file()) \
        if ASSIGNMENTS_DIR.is_dir() else []


class Assignment:
    def __init__(self, assignment_id):
        self.id = assignment_id
        self.folder = ASSIGNMENTS_DIR / assignment_id
        if not (self.folder / "source.ipynb").is_file():
            raise AssignmentError(f"unknown assignment {assignment_id!r}; known: {', '.join(known_ids()) or 'none'}")

    @cached_property
    def source(self):
        return nbformat.read(self.folder / "source.ipynb", as_version=4)

    @property
    def student_path(self):
        return self.folder / "student.ipynb"

    @cached_property
    def exercises(self):
        return [Exercise(role["exercise"], role["points"]) for role in map(cell_role, self.source.cells)
                if "exercise" in role]

    @cached_property
    def calls(self):
        """exercise id -> the other exercises its solution calls, read from the source."""
        sources = {cell_role(c)["exercise"]: c.source for c in self.source.cells if "exercise" in cell_role(c)}
        return {ex: [other for other in sources if other != ex and re.search(rf"\b{other}\s*\(", code)]
                for ex, code in sources.items()}

    @property
    def max_score(self):
        return sum(e.points for e in self.exercises)

    @cached_property
    def locked_cells(self):
        """Locked cells in order, keyed by their position among the locked cells."""
        return [cell for cell in self.source.cells if cell_role(cell).get("locked")]

    @cached_property
    def checks(self):
        spec = importlib.util.spec_from_file_location(f"checks_{self.id}", self.folder / "checks.py")
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        checks = {check.exercise: check for check in module.CHECKS}
        missing = {e.id for e in self.exercises} ^ set(checks)
        if missing:
            raise AssignmentError(f"{self.id}: exercises and checks.py disagree on {sorted(missing)}")
        return checks

    def check_inputs(self):
        """exercise id -> the argument tuples of its cases: all the kernel is given."""
        return {e.id: [case.args for case in self.checks[e.id].cases] for e in self.exercises}

    def expected_path(self, exercise_id):
        return self.folder / "expected" / f"{exercise_id}.npz"

    def expected(self, exercise_id):
        path = self.expected_path(exercise_id)
        if not path.is_file():
            raise AssignmentError(f"{self.id}: no fixtures for {exercise_id}; run `python -m grader fixtures {self.id}`")
        return codec.loads(path.read_bytes())
