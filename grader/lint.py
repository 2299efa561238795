"""Find what is wrong with an assignment folder, before a learner or a test does.

`problems(assignment)` returns one sentence per problem, written for the author; none means
the folder is ready. It reads the notebooks, the syllabus and the fixtures, and imports
checks.py and planted_bugs.py, but starts no kernel and runs no notebook: seconds, not the
minutes of tests/test_assignments.py. `python -m grader check-assignment ID` prints them.
"""
import ast
import importlib.util
import re

import nbformat

from grader.assignment import AssignmentError
from grader.cells import cell_role
from grader.release import BEGIN, END, release_notebook
from lessons import syllabus


def problems(assignment):
    """What is wrong with the assignment's folder: a list of sentences, empty when nothing is."""
    cells = assignment.source.cells
    exercise_problems = _exercise_problems(cells)
    found = (_name_problems(assignment) + exercise_problems + _marker_problems(cells) + _self_check_problems(cells)
             + _hand_in_problems(cells) + _syllabus_problems(assignment) + _student_notebook_problems(assignment))
    if exercise_problems:  # planted bugs, checks and fixtures are matched to the exercises: they wait
        return found
    return found + _planted_bug_problems(assignment) + _checks_and_fixtures_problems(assignment)


def _exercise_cells(cells):
    """(position from 1, cell, exercise id) of every cell with an exercise id or points."""
    return [(position, cell, cell_role(cell).get("exercise")) for position, cell in enumerate(cells, 1)
            if "exercise" in cell_role(cell) or "points" in cell_role(cell)]


def _is_name(exercise):
    return isinstance(exercise, str) and exercise.isidentifier()


def _name_problems(assignment):
    named = assignment.source.metadata.get("grader", {}).get("assignment")
    if named == assignment.folder.name:
        return []
    return [f"source.ipynb's metadata names the assignment {named!r}, but its folder is {assignment.folder.name!r}: "
            f"set the notebook's metadata {{\"grader\": {{\"assignment\": \"{assignment.folder.name}\"}}}}"]


def _exercise_problems(cells):
    exercise_cells = _exercise_cells(cells)
    if not exercise_cells:
        return ["source.ipynb has no exercise cells (metadata {\"grader\": {\"exercise\": ID, \"points\": N}})"]
    found = []
    for position, cell, exercise in exercise_cells:
        if exercise is None:
            found.append(f"cell {position} has points but no exercise id: add \"exercise\", the name of the "
                         "function the cell defines")
            continue
        if not _is_name(exercise):
            found.append(f"cell {position} has the exercise id {exercise!r}, which is not a function name: use "
                         "the name of the function the cell defines")
            continue
        points = cell_role(cell).get("points")
        if isinstance(points, bool) or not isinstance(points, (int, float)) or points <= 0:
            found.append(f"exercise {exercise} should have a positive number of points, not {points!r}")
        if cell_role(cell).get("answer"):
            if not re.search(rf"^\s*{exercise}\s*=", cell.source, re.M):
                found.append(f"the cell of question {exercise} does not set the variable {exercise} "
                             f"(`{exercise} = ...`), whose value the grader reads")
        elif not re.search(rf"^def {exercise}\(", cell.source, re.M):
            found.append(f"the cell of exercise {exercise} does not define the function {exercise} "
                         f"(`def {exercise}(...)`), which the grader calls")
    ids = [exercise for _, _, exercise in exercise_cells]
    for exercise in sorted({e for e in ids if _is_name(e) and ids.count(e) > 1}):
        found.append(f"the exercise id {exercise} is given to {ids.count(exercise)} cells: give each its own")
    return found


def _marker_problems(cells):
    found = []
    for position, cell, exercise in _exercise_cells(cells):
        where = f"exercise {exercise}" if _is_name(exercise) else f"cell {position}"
        cell_problems, opened, regions = [], [], 0  # opened: the lines of the BEGINs not yet closed
        for number, line in enumerate(cell.source.splitlines(), 1):
            marker = line.lstrip()
            if marker.startswith(BEGIN):
                if opened:
                    cell_problems.append(f"{where}: the {BEGIN} on line {number} is inside the region opened on "
                                         f"line {opened[-1]}; solution regions cannot nest")
                opened.append(number)
            elif marker.startswith(END):
                if not opened:
                    cell_problems.append(f"{where}: the {END} on line {number} closes no {BEGIN}")
                    continue
                opened.pop()
                regions += not opened
        if opened:
            cell_problems.append(f"{where}: the {BEGIN} on line {opened[0]} is never closed by an {END}")
        if not regions and not cell_problems:
            cell_problems.append(f"{where} has no solution region ({BEGIN} ... {END}): release would hand "
                                 "learners the solution")
        found += cell_problems
    return found


def _self_check_problems(cells):
    """Each exercise cell needs a locked `check("<id>", <id>)` cell before the next exercise.
    A question has none: its answer is judged only when graded."""
    found = []
    exercise_cells = _exercise_cells(cells)
    ends = [position for position, _, _ in exercise_cells[1:]] + [len(cells) + 1]
    for (position, cell, exercise), end in zip(exercise_cells, ends):
        if not _is_name(exercise) or cell_role(cell).get("answer"):
            continue
        call = re.compile(rf"^check\(\s*[\"']{exercise}[\"']\s*,\s*{exercise}\s*\)", re.M)
        calling = [cell for cell in cells[position:end - 1] if cell.cell_type == "code" and call.search(cell.source)]
        if not calling:
            found.append(f"exercise {exercise} has no self-check cell after it: add a locked cell "
                         f"check(\"{exercise}\", {exercise}) before the next exercise")
        elif not any(cell_role(cell).get("locked") for cell in calling):
            found.append(f"the self-check cell of exercise {exercise} is not locked: give it metadata "
                         "{\"grader\": {\"locked\": true}}")
    return found


def _hand_in_problems(cells):
    if cells and cell_role(cells[-1]).get("submit"):
        return []
    return ["the last cell of source.ipynb should be the hand-in cell, submit(learner=\"YOUR_ID\"), with "
            "metadata {\"grader\": {\"submit\": true}}"]


def _syllabus_problems(assignment):
    try:
        weeks = syllabus.weeks()
    except (OSError, ValueError) as error:  # tomllib's and the syllabus's own errors are ValueErrors
        return [f"lessons/syllabus.toml cannot be read: {error}"]
    if not any(assignment.folder.name in (*week.assignments, week.quiz) for week in weeks):
        return [f"lessons/syllabus.toml lists {assignment.folder.name} under no week: add it to its week's "
                "assignments (or as its quiz)"]
    return []


def _student_notebook_problems(assignment):
    release = f"run `python -m grader release {assignment.id}`"
    if not assignment.student_path.is_file():
        return [f"student.ipynb is missing: {release}"]
    try:
        made = release_notebook(assignment)
    except ValueError:  # unbalanced solution markers, reported by _marker_problems
        return []
    except Exception:  # checks or fixtures that cannot be read: _checks_and_fixtures_problems says why
        return []
    if nbformat.read(assignment.student_path, as_version=4) != made:
        return [f"student.ipynb is not what release makes from source.ipynb now: {release}"]
    return []


def _planted_bug_problems(assignment):
    path = assignment.folder / "planted_bugs.py"
    if not path.is_file():
        return ["planted_bugs.py is missing: write PLANTED_BUGS, exercise id -> the code of a typical "
                "wrong version of that exercise"]
    try:
        bugs = _load(path).PLANTED_BUGS
    except Exception as error:  # whatever the author's file raises is theirs to read
        return [f"planted_bugs.py cannot be loaded: {type(error).__name__}: {error}"]
    solutions = assignment.solutions
    found = [f"planted_bugs.py has no planted bug for exercise {exercise}" for exercise in solutions
             if exercise not in bugs]
    for exercise, code in bugs.items():
        if exercise not in solutions:
            found.append(f"planted_bugs.py plants a bug in {exercise}, which is not an exercise")
        elif _same_code(code, solutions[exercise]):
            found.append(f"the planted bug of exercise {exercise} is its solution, so it tests nothing: "
                         "make it a typical mistake")
    return found


def _same_code(one, other):
    """Equal as Python, whatever the comments (solution markers among them), docstrings and layout."""
    try:
        return _syntax(one) == _syntax(other)
    except SyntaxError:
        return one.strip() == other.strip()


def _syntax(code):
    """The code's syntax tree as text, docstrings left out."""
    tree = ast.parse(code)
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if (isinstance(body, list) and body and isinstance(body[0], ast.Expr)
                and isinstance(body[0].value, ast.Constant) and isinstance(body[0].value.value, str)):
            node.body = body[1:] or [ast.Pass()]
    return ast.dump(tree)


def _checks_and_fixtures_problems(assignment):
    try:
        checks = assignment.checks
    except AssignmentError as error:  # already a sentence for the author
        return [str(error)]
    except Exception as error:  # checks.py is the author's code: show what it raised
        return [f"checks.py cannot be loaded: {type(error).__name__}: {error}"]
    found = []
    for exercise in assignment.exercises:
        cases = checks[exercise.id].cases
        if exercise.answer:
            if [case.args for case in cases] != [()] or cases[0].public:
                found.append(f"checks.py: question {exercise.id} should have one case, not public and with no "
                             "arguments (grader.checks.question makes it), so its answer never reaches the kernel")
        elif not any(case.public for case in cases):
            found.append(f"checks.py: {exercise.id} has no public case, so the learner's self-check "
                         "runs nothing; mark at least one Case public=True")
        try:
            assignment.expected(exercise.id)
        except AssignmentError as error:
            found.append(str(error))
    return found


def _load(path):
    spec = importlib.util.spec_from_file_location(f"lint_{path.stem}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
