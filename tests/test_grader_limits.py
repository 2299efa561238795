"""A stuck exercise times out on its own; the others are still graded."""
import nbformat
import pytest

from grader.assignment import Assignment, cell_role
from grader.execute import Limits
from grader.grade import grade


@pytest.mark.slow
def test_an_endless_exercise_times_out_and_the_others_still_count(tmp_path):
    assignment = Assignment("c1w1_data_as_tensors")
    nb = nbformat.from_dict(assignment.source)
    for cell in nb.cells:
        if cell_role(cell).get("exercise") == "standardize":
            cell.source = "def standardize(X_train, X_other):\n    while True:\n        pass\n"
        if cell_role(cell).get("locked") and 'check("standardize"' in cell.source:
            cell.source = "# the self-check would loop too"  # restored by the grader anyway
    path = tmp_path / "stuck.ipynb"
    nbformat.write(nb, path)

    result = grade(path, limits=Limits(cell_seconds=30, notebook_seconds=400))
    by_id = {e["id"]: e for e in result["exercises"]}
    assert by_id["standardize"]["status"] == "timeout"
    assert "30 s limit per cell" in by_id["standardize"]["message"]
    assert by_id["flatten_images"]["status"] == by_id["train_dev_test_split"]["status"] == "passed"
