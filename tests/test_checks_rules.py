"""The rules every assignment's checks follow: grading never depends on a case's name (a
renamed case must not change a grade), no hidden case checks a kind of behaviour that no
public case shows the learner first, and no function is copied from one checks.py to another
(what two assignments share belongs in grader/checks.py)."""
import ast

import numpy as np
import pytest

from grader.assignment import Assignment, known_ids
from grader.checks import Case, Check

ASSIGNMENTS = known_ids()


def _names_read(path):
    """Lines of a checks.py that read a case's name (grading must not depend on it)."""
    tree = ast.parse(path.read_text())
    return [node.lineno for node in ast.walk(tree)
            if isinstance(node, ast.Attribute) and node.attr == "name"
            and isinstance(node.value, ast.Name) and node.value.id == "case"]


@pytest.mark.parametrize("assignment_id", ASSIGNMENTS)
def test_grading_never_depends_on_a_cases_name(assignment_id):
    path = Assignment(assignment_id).folder / "checks.py"
    assert _names_read(path) == [], f"{path} reads case.name: give the case its own compare or reference instead"


def kind(case, check):
    """What behaviour a case checks, as far as the grader can tell: how it is compared, and each
    argument's type (arrays by their number of dimensions, strings, flags and None by value)."""
    def argument(value):
        if isinstance(value, np.ndarray):
            return ("array", value.ndim)
        if isinstance(value, (str, bool)) or value is None:
            return (type(value).__name__, value)
        return (type(value).__name__,)
    return (case.compare or check.compare, tuple(argument(a) for a in case.args))


@pytest.mark.parametrize("assignment_id", ASSIGNMENTS)
def test_every_hidden_case_has_a_public_case_of_its_kind(assignment_id):
    assignment = Assignment(assignment_id)
    for exercise_id, check in assignment.checks.items():
        if exercise_id in assignment.answer_ids:  # a quiz question is never public: its answer stays hidden
            continue
        public = {kind(case, check) for case in check.cases if case.public}
        hidden_only = [case.name for case in check.cases if not case.public and kind(case, check) not in public]
        assert not hidden_only, (f"{check.exercise}: the hidden cases {hidden_only} check something no public case "
                                 "shows; add a public case of the same kind")


def test_the_kind_rule_finds_a_hidden_only_behaviour():
    check = Check("linear_activation_forward", "hint", (Case("relu", (np.ones((2, 2)), "relu"), public=True),
                                                       Case("tanh", (np.ones((2, 2)), "tanh"))))
    public = {kind(c, check) for c in check.cases if c.public}
    assert kind(check.cases[1], check) not in public


def function_bodies(source):
    """{body: name} of every function the source defines, nested ones included; a body is its
    syntax tree without the docstring, so that two copies documented differently are one body."""
    bodies = {}
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            body = node.body[1:] if ast.get_docstring(node) is not None else node.body
            bodies[ast.dump(ast.Module(body=body, type_ignores=[]))] = node.name
    return bodies


def copies(sources):
    """'A.name = B.name' for each function of source A whose body source B (an earlier one) defines too."""
    first, found = {}, []
    for label, source in sources.items():
        for body, name in function_bodies(source).items():
            if body in first and first[body][0] != label:
                found.append(f"{label}.{name} = {'.'.join(first[body])}")
            first.setdefault(body, (label, name))
    return found


def test_no_function_is_copied_between_assignments_checks():
    sources = {assignment_id: (Assignment(assignment_id).folder / "checks.py").read_text()
               for assignment_id in ASSIGNMENTS}
    assert copies(sources) == [], "the same function in two checks.py files: put it in grader/checks.py and import it"


def test_the_copy_rule_finds_a_copy_documented_differently():
    one = 'def _keras():\n    """Keras."""\n    import keras\n    return keras\n'
    other = "def _load():\n    import keras\n    return keras\n"
    assert copies({"a": one, "b": other}) == ["b._load = a._keras"]
    assert copies({"a": one, "b": other.replace("keras", "numpy")}) == []
