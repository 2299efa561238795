"""Submissions made from an assignment's solution, with some exercise cells changed."""
import nbformat

from grader.cells import cell_role


def solution_with(tmp_path, assignment, replace=None, add_after=None):
    """Write the source notebook with exercise cells replaced (exercise id -> new code) and
    new cells added after exercise cells (exercise id -> code); returns its path."""
    nb = nbformat.from_dict(assignment.source)
    cells = []
    for cell in nb.cells:
        exercise = cell_role(cell).get("exercise")
        if replace and exercise in replace:
            cell.source = replace[exercise]
        cells.append(cell)
        if add_after and exercise in add_after:
            cells.append(nbformat.v4.new_code_cell(add_after[exercise]))
    nb.cells = cells
    path = tmp_path / "submission.ipynb"
    nbformat.write(nb, path)
    return path
