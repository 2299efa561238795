"""Make the student notebook from the source: solutions out, stubs in, metadata kept."""
import re

import nbformat

from grader.cells import cell_role

BEGIN, END = "### BEGIN SOLUTION", "### END SOLUTION"
REGION = re.compile(rf"^([ \t]*){re.escape(BEGIN)}[^\n]*\n.*?^[ \t]*{re.escape(END)}[^\n]*$", re.S | re.M)


def strip_solutions(source, exercise_id, answer=False):
    """Replace every solution region with a stub that raises NotImplementedError, or for a
    question (`answer`), with the question's variable set to None."""
    if BEGIN not in source:
        return source
    stub = f'raise NotImplementedError("{exercise_id}: write your code here")'
    mark = "# YOUR CODE HERE"
    if answer:
        stub, mark = f"{exercise_id} = None", "# YOUR ANSWER HERE"
    stripped = REGION.sub(lambda m: f"{m.group(1)}{mark}\n{m.group(1)}{stub}", source)
    if BEGIN in stripped or END in stripped:
        raise ValueError(f"{exercise_id}: unbalanced {BEGIN} / {END} markers")
    return stripped


def student_notebook(source_nb):
    """The learner's copy: no solution-only cells, no solutions, no outputs."""
    nb = nbformat.from_dict(source_nb)  # a deep copy
    cells = []
    for cell in nb.cells:
        role = cell_role(cell)
        if role.get("solution"):
            continue
        if "exercise" in role:
            cell.source = strip_solutions(cell.source, role["exercise"], bool(role.get("answer")))
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
        cells.append(cell)
    nb.cells = cells
    return nb


def release(assignment):
    """Write assignments/<id>/student.ipynb; returns its path."""
    nb = student_notebook(assignment.source)
    nbformat.write(nb, assignment.student_path)
    return assignment.student_path
