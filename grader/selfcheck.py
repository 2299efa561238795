"""The learner's self-check: an exercise's public checks, run in the learner's own kernel.

    from grader.selfcheck import SelfCheck
    check = SelfCheck("c1w2_logistic_regression")
    check("sigmoid", sigmoid)

Prints one line per public check; a failed one also shows the expected value against the
learner's. Passing them is a good sign, not a grade: the grader
runs further hidden checks on the submitted notebook. The last line it shows carries the
counts as output metadata (COUNTS_KEY), which `grader submit` reads.
"""
import os

from IPython.display import display

from grader import codec
from grader.assignment import Assignment
from grader.harness import short_error
from grader.sandbox import GRADING_ENV
from grader.shown import describe

COUNTS_KEY = "grader_selfcheck"  # output metadata: {"exercise", "passed", "failed"}


def _show_counts(exercise_id, passed, failed, line):
    display({"text/plain": line}, raw=True, metadata={COUNTS_KEY: {"exercise": exercise_id, "passed": passed,
                                                                   "failed": failed}})


class SelfCheck:
    def __init__(self, assignment_id):
        # While grading, the assignment's folder is hidden from the kernel: nothing to load.
        self.assignment = None if os.environ.get(GRADING_ENV) else Assignment(assignment_id)

    def __call__(self, exercise_id, function):
        if self.assignment is None:  # grading: the grader runs every check itself, hidden ones too
            return
        check = self.assignment.checks[exercise_id]
        expected = self.assignment.expected(exercise_id)
        public = [(case, want) for case, want in zip(check.cases, expected) if case.public]
        passed = 0
        for case, want in public:
            try:
                args = codec.loads(codec.dumps(case.args), allow_models=True)  # exactly what the grader's kernel receives
                got = codec.loads(codec.dumps(function(*args)))
            except NotImplementedError:
                _show_counts(exercise_id, 0, len(public),
                             f"✘ {exercise_id}: not attempted yet (replace the `raise NotImplementedError` line)")
                return
            except Exception as error:
                print(f"✘ {case.name}: your function raised {short_error(error)}\n  hint: {check.hint}")
                continue
            message = check.judge(want, got, case)
            if message:
                print(f"✘ {case.name}: {message}\n  expected: {describe(want)}\n  got:      {describe(got)}\n"
                      f"  hint: {check.hint}")
            else:
                passed += 1
                print(f"✔ {case.name}")
        if passed == len(public):
            line = f"All {passed} public checks of {exercise_id} passed. The grader runs further hidden checks."
        else:
            line = f"{passed} of {len(public)} public checks of {exercise_id} passed."
        _show_counts(exercise_id, passed, len(public) - passed, line)
