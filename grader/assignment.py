"""An assignment: its folder, its source notebook's graded cells, and its checks.

assignments/<id>/
    source.ipynb    the notebook with solutions; cells carry metadata["grader"]:
                    {"exercise": ID, "points": N}  a graded cell (solution regions inside)
                    {"exercise": ID, "points": N, "answer": true}
                                                   a question: the cell sets the variable ID
                    {"locked": true}               setup, data and self-check cells
                    {"solution": true}             only in the source (removed on release)
    student.ipynb   made by `python -m grader release ID`
    checks.py       CHECKS: one grader.checks.Check per exercise
    planted_bugs.py PLANTED_BUGS: one typical wrong version of each exercise (for the tests)
    expected/       the reference outputs for every case, made by `python -m grader fixtures ID`
                    (the format is described in grader/fixtures.py)
"""
import importlib.util
import itertools
import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from grader import codec
from grader.cells import cell_role

REPO_ROOT = Path(__file__).resolve().parent.parent
ASSIGNMENTS_DIR = REPO_ROOT / "assignments"


class AssignmentError(ValueError):
    """The assignment itself is broken or unknown (an author's problem, not a learner's)."""


@dataclass(frozen=True)
class Exercise:
    id: str
    points: float
    answer: bool = False  # a question answered by setting a variable, not a function to call


def known_ids():
    return sorted(p.name for p in ASSIGNMENTS_DIR.iterdir() if (p / "source.ipynb").is_file()) \
        if ASSIGNMENTS_DIR.is_dir() else []


class Assignment:
    def __init__(self, assignment_id, folder=None):
        """`folder` defaults to assignments/<id>; the authoring tests pass a copy elsewhere."""
        self.id = assignment_id
        self.folder = Path(folder) if folder else ASSIGNMENTS_DIR / assignment_id
        if not (self.folder / "source.ipynb").is_file():
            raise AssignmentError(f"unknown assignment {assignment_id!r}; known: {', '.join(known_ids()) or 'none'}")

    @cached_property
    def source(self):
        import nbformat  # here, not at the top: kernels import this module (see grader/cells.py)
        return nbformat.read(self.folder / "source.ipynb", as_version=4)

    @property
    def student_path(self):
        return self.folder / "student.ipynb"

    @cached_property
    def exercises(self):
        return [Exercise(role["exercise"], role["points"], bool(role.get("answer")))
                for role in map(cell_role, self.source.cells) if "exercise" in role]

    @property
    def answer_ids(self):
        """The exercises that are questions, answered by a value rather than a function."""
        return frozenset(e.id for e in self.exercises if e.answer)

    @property
    def is_quiz(self):
        """A quiz: every exercise is a question."""
        return all(e.answer for e in self.exercises)

    @cached_property
    def solutions(self):
        """exercise id -> the code of its cell in the source notebook, solution included."""
        return {cell_role(c)["exercise"]: c.source for c in self.source.cells if "exercise" in cell_role(c)}

    @cached_property
    def calls(self):
        """exercise id -> the other exercises its solution calls, read from the source."""
        return {ex: [other for other in self.solutions if other != ex and re.search(rf"\b{other}\s*\(", code)]
                for ex, code in self.solutions.items()}

    @cached_property
    def callees(self):
        """exercise id -> every exercise its solution calls, directly or through another, in
        the notebook's order."""
        def reach(exercise_id, seen):
            for callee in self.calls[exercise_id]:
                if callee not in seen:
                    seen.append(callee)
                    reach(callee, seen)
            return seen
        order = [e.id for e in self.exercises]
        return {e.id: tuple(sorted(reach(e.id, []), key=order.index)) for e in self.exercises}

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
        checks = {}
        for check in module.CHECKS:
            if check.exercise in checks:
                raise AssignmentError(f"{self.id}: checks.py has two Checks for {check.exercise}; keep one")
            checks[check.exercise] = check
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
        """The solution's output on each case of the exercise, in case order, once sure that they
        were recorded from these very cases: the same names in the same order, the same inputs."""
        path = self.expected_path(exercise_id)
        rerun = f"run `python -m grader fixtures {self.id}`"
        if not path.is_file():
            raise AssignmentError(f"{self.id}: no fixtures for {exercise_id}; {rerun}")
        records = codec.loads(path.read_bytes())
        difference = _first_difference(self.checks[exercise_id].cases, records)
        if difference:
            raise AssignmentError(f"{self.id}: the expected values of {exercise_id} are out of date: {difference}; "
                                  f"{rerun}")
        return [record["value"] for record in records]


def _first_difference(cases, records):
    """How the recorded values fail to match the cases, in words; None when they match."""
    if not (isinstance(records, list) and all(isinstance(r, dict) and {"name", "inputs_sha256", "value"} <= r.keys()
                                              for r in records)):
        return "they are in an older format, without case names and input hashes"
    for position, (case, record) in enumerate(itertools.zip_longest(cases, records), 1):
        if record is None:
            return f"case {case.name!r} has no recorded value"
        if case is None:
            return f"a value is recorded for case {record['name']!r}, which checks.py no longer has"
        if record["name"] != case.name:
            return f"case {position} is {case.name!r} in checks.py but {record['name']!r} in the fixtures"
        if record["inputs_sha256"] != codec.digest(case.args):
            return f"the inputs of case {case.name!r} changed after its value was recorded"
    return None
