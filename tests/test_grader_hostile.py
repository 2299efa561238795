"""Tricks in a submission never raise its score, and one exercise's crash costs only itself."""
import nbformat
import pytest

from grader.assignment import Assignment, cell_role
from grader.execute import Limits
from grader.grade import grade

ASSIGNMENT = Assignment("c1w1_data_as_tensors")


def submission(tmp_path, replace=None, add_after=None):
    """The solution notebook with some exercise cells replaced and a cell added after one."""
    nb = nbformat.from_dict(ASSIGNMENT.source)
    cells = []
    for cell in nb.cells:
        exercise = cell_role(cell).get("exercise")
        if replace and exercise in replace:
            cell.source = replace[exercise]
        cells.append(cell)
        if add_after and exercise in add_after:
            cells.append(nbformat.v4.new_code_cell(add_after[exercise]))
    nb.cells = cells
    path = tmp_path / "hostile.ipynb"
    nbformat.write(nb, path)
    return path


def statuses(result):
    return {e["id"]: (e["status"], e["points"]) for e in result["exercises"]}


@pytest.mark.slow
def test_monkeypatching_printing_and_fake_result_files_gain_nothing(tmp_path):
    tricks = "\n".join([
        "import builtins, numpy as np",
        "np.allclose = lambda *a, **k: True             # the grader compares in its own process",
        "np.array_equal = lambda *a, **k: True",
        "print('score: 8 / 8')                           # fake result markers",
        "print('{\"score\": 8, \"max_score\": 8}')",
        "open('out_standardize.npz', 'wb').write(b'not what the harness writes')",
        "open('result.json', 'w').write('{\"score\": 8}')",
    ])
    wrong = "def standardize(X_train, X_other):\n    return X_train, X_other\n"
    result = grade(submission(tmp_path, replace={"standardize": wrong}, add_after={"flatten_images": tricks}))
    assert statuses(result) == {"flatten_images": ("passed", 2.0), "standardize": ("failed", 0.0),
                                "train_dev_test_split": ("passed", 3.0)}
    assert result["score"] == 5.0


@pytest.mark.slow
def test_sabotaging_the_kernels_builtins_earns_nothing(tmp_path):
    sabotage = "import builtins\nbuiltins.isinstance = lambda *a: True\nbuiltins.len = lambda x: 0\n"
    wrong = "def standardize(X_train, X_other):\n    return X_train, X_other\n"
    result = grade(submission(tmp_path, replace={"standardize": wrong}, add_after={"flatten_images": sabotage}),
                   limits=Limits(cell_seconds=30))
    # Whatever the sabotage breaks (if it kills the kernel, the grader reruns without that cell),
    # the wrong exercise earns nothing and the grade is at most what the honest work earns.
    assert statuses(result)["standardize"][1] == 0
    assert result["score"] <= 5.0


@pytest.mark.slow
def test_a_kernel_that_exits_costs_only_the_exercise_it_died_in(tmp_path):
    dies = "def train_dev_test_split(X, Y, fractions=(0.8, 0.1, 0.1), seed=0):\n    import os\n    os._exit(1)\n"
    result = grade(submission(tmp_path, replace={"train_dev_test_split": dies}))
    by_id = {e["id"]: e for e in result["exercises"]}
    assert by_id["flatten_images"]["status"] == by_id["standardize"]["status"] == "passed"
    assert by_id["train_dev_test_split"]["status"] == "error" and by_id["train_dev_test_split"]["points"] == 0
    assert "kernel stopped" in by_id["train_dev_test_split"]["message"]


@pytest.mark.slow
@pytest.mark.parametrize("returned, reason", [
    ("None", "is None: did you forget a return statement?"),
    ("images.tolist()", "should have shape"),
    ("float('nan') * images.reshape(images.shape[0], -1).T", "contains NaN"),
    ("__import__('tensorflow').constant(images.reshape(images.shape[0], -1).T)", None),  # a tf.Tensor is fine
])
def test_wrong_return_types_get_a_message_not_a_crash(tmp_path, returned, reason):
    code = f"def flatten_images(images):\n    return {returned}\n"
    result = grade(submission(tmp_path, replace={"flatten_images": code}))
    flatten = result["exercises"][0]
    if reason is None:
        assert flatten["status"] == "passed", flatten
    else:
        assert flatten["status"] == "failed" and reason in flatten["message"], flatten
    assert result["exercises"][1]["status"] == result["exercises"][2]["status"] == "passed"


@pytest.mark.slow
def test_an_exercise_failing_through_a_broken_helper_says_which_helper_to_fix_first(tmp_path):
    assignment = Assignment("c1w2_logistic_regression")
    nb = nbformat.from_dict(assignment.source)
    for cell in nb.cells:
        if cell_role(cell).get("exercise") == "sigmoid":
            cell.source = "def sigmoid(z):\n    return 1 / (1 + np.exp(z))\n"  # the sign slip
    path = tmp_path / "slip.ipynb"
    nbformat.write(nb, path)
    by_id = {e["id"]: e for e in grade(path)["exercises"]}
    assert by_id["sigmoid"]["status"] == "failed"
    assert by_id["propagate"]["status"] == "failed"
    assert by_id["propagate"]["message"].endswith("It calls sigmoid, which did not pass its own checks: fix that first.")
    assert "fix that first" not in by_id["sigmoid"]["message"]
