"""Tricks in a submission never raise its score, and one exercise's crash or endless loop
costs only itself."""
import nbformat
import pytest

from solution_variants import solution_with

from grader.assignment import Assignment
from grader.execute import Limits
from grader.grade import _solution_lines, grade
from grader.outcome import OFFLINE_HINT

ASSIGNMENT = Assignment("c1w1_data_as_tensors")


def submission(tmp_path, replace=None, add_after=None):
    return solution_with(tmp_path, ASSIGNMENT, replace, add_after)


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
    # With len and isinstance broken the kernel never reports the cell done: it is stopped at the
    # time limit and the grader reruns the notebook without it. The honest exercises then earn
    # their points and the wrong one nothing, exactly as without the sabotage.
    assert statuses(result) == {"flatten_images": ("passed", 2.0), "standardize": ("failed", 0.0),
                                "train_dev_test_split": ("passed", 3.0)}
    assert result["score"] == 5.0


@pytest.mark.slow
@pytest.mark.parametrize("exit_call, reason", [
    ("import os\n    os._exit(1)", "kernel stopped"),
    ("import ctypes\n    ctypes.string_at(0)", "kernel stopped"),                      # a segfault
    # As PID 1 of the grader's PID namespace the kernel is immune to its own SIGKILL; without
    # namespaces it dies. Either way only this exercise is lost.
    ("import os, signal\n    os.kill(os.getpid(), signal.SIGKILL)", None),
    ("import sys\n    sys.exit(0)", "SystemExit"),  # IPython catches it; the check still fails alone
])
def test_a_kernel_that_exits_costs_only_the_exercise_it_died_in(tmp_path, exit_call, reason):
    dies = f"def train_dev_test_split(X, Y, fractions=(0.8, 0.1, 0.1), seed=0):\n    {exit_call}\n"
    result = grade(submission(tmp_path, replace={"train_dev_test_split": dies}))
    by_id = {e["id"]: e for e in result["exercises"]}
    assert by_id["flatten_images"]["status"] == by_id["standardize"]["status"] == "passed"
    assert by_id["train_dev_test_split"]["points"] == 0
    if reason:
        assert by_id["train_dev_test_split"]["status"] == "error"
        assert reason in by_id["train_dev_test_split"]["message"], by_id["train_dev_test_split"]


@pytest.mark.slow
def test_patching_the_grader_ipython_or_numpy_inside_the_kernel_gains_nothing(tmp_path):
    """The kernel imports grader.harness and grader.codec, so a submission can replace them;
    whatever they then write is still compared with answers the kernel never sees."""
    tricks = "\n".join([
        "import base64, sys, types, numpy as np, grader.codec, grader.harness",
        "from IPython import get_ipython",
        "from IPython.display import publish_display_data",
        "def run_exercise(name, namespace, inputs_path, reference_paths=()):",
        "    # claim an answer for every case without computing one (each case's own first input),",
        "    # sent back through the harness's own channel",
        "    cases = grader.codec.loads(open(inputs_path, 'rb').read())",
        "    claimed = grader.codec.dumps({'missing': False, 'cases': [{'value': c[0]} for c in cases]})",
        "    publish_display_data({grader.harness.RESULTS_TYPE: base64.b64encode(claimed).decode()})",
        "grader.harness.run_exercise = run_exercise",
        "fake = types.ModuleType('grader.harness'); fake.run_exercise = run_exercise",
        "sys.modules['grader.harness'] = fake",
        "np.testing.assert_allclose = lambda *a, **k: None",
        "get_ipython().events.register('post_run_cell', lambda result: print('PASSED 8/8'))",
    ])
    result = grade(submission(tmp_path, add_after={"flatten_images": tricks}), limits=Limits(cell_seconds=60))
    # Every exercise is the solution, but every answer the fake harness claimed is judged, and wrong.
    assert [(e["status"], e["points"]) for e in result["exercises"]] == [("failed", 0)] * 3, result["exercises"]
    assert result["score"] == 0


@pytest.mark.slow
def test_a_value_that_claims_to_equal_anything_is_not_accepted(tmp_path):
    anything = ("class Anything:\n    def __eq__(self, other):\n        return True\n    __array_priority__ = 1e9\n"
                "def flatten_images(images):\n    return Anything()\n")
    result = grade(submission(tmp_path, replace={"flatten_images": anything}))
    flatten = result["exercises"][0]
    assert flatten["status"] in ("failed", "error") and flatten["points"] == 0, flatten
    assert result["score"] == ASSIGNMENT.max_score - flatten["max_points"]


@pytest.mark.slow
def test_a_renamed_exercise_function_is_named_in_the_message(tmp_path):
    renamed = "def flatten(images):\n    return images.reshape(images.shape[0], -1).T\n"
    result = grade(submission(tmp_path, replace={"flatten_images": renamed}))
    flatten = result["exercises"][0]
    assert flatten["points"] == 0 and "no function named flatten_images" in flatten["message"]
    assert result["score"] == ASSIGNMENT.max_score - flatten["max_points"]


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
def test_a_broken_helper_costs_only_itself_and_its_callers_are_told_to_fix_it_first(tmp_path):
    slip = "def sigmoid(z):\n    return 1 / (1 + np.exp(z))\n"  # the sign slip, which every caller would inherit
    path = solution_with(tmp_path, Assignment("c1w2_logistic_regression"), replace={"sigmoid": slip})
    by_id = {e["id"]: e for e in grade(path)["exercises"]}
    assert by_id.pop("sigmoid")["status"] == "failed"
    assert all(e["status"] == "passed" and e["points"] == e["max_points"] for e in by_id.values()), by_id
    propagate = by_id["propagate"]
    cases = len(propagate["cases"])
    assert propagate["message"] == (
        f"all checks passed. It calls sigmoid, which did not pass its own checks: with your sigmoid, propagate "
        f"fails {cases} of its {cases} checks; with a correct sigmoid in its place it passes them all, so it keeps "
        "its points; fix sigmoid first.")
    assert propagate["points_with_your_callees"] == 0
    assert "sigmoid" not in by_id["initialize_with_zeros"]["message"]


@pytest.mark.slow
def test_a_helper_that_crashes_the_kernel_costs_only_itself(tmp_path):
    """Its check kills the kernel before its reference can be handed over in the usual way: the
    grader hands it over before the next kernel starts, so its callers still run with it."""
    crash = "def sigmoid(z):\n    import os\n    os._exit(1)\n"
    path = solution_with(tmp_path, Assignment("c1w2_logistic_regression"), replace={"sigmoid": crash})
    by_id = {e["id"]: e for e in grade(path)["exercises"]}
    assert by_id.pop("sigmoid")["status"] == "error"
    assert all(e["status"] == "passed" and e["points"] == e["max_points"] for e in by_id.values()), by_id


@pytest.mark.slow
def test_feedback_never_shows_the_reference_code_a_learners_function_could_reach(tmp_path):
    """An unwritten sigmoid is replaced by its reference while propagate is checked; a propagate
    that raises the reference's source, found by inspect or on disk, gets its message withheld."""
    leak = (
        "def propagate(w, b, X, Y):\n"
        "    import glob, inspect\n"
        "    try:\n"
        "        text = inspect.getsource(sigmoid)\n"
        "    except (OSError, TypeError):\n"
        "        found = glob.glob('/tmp/.grader/reference_sigmoid.py')  # where the grader puts it\n"
        "        text = open(found[0]).read() if found else 'no reference found'\n"
        "    raise ValueError(text.replace('\\n', ' '))  # on one line: an error shows its first line\n")
    assignment = Assignment("c1w2_logistic_regression")
    stub = 'def sigmoid(z):\n    raise NotImplementedError("sigmoid: write your code here")\n'
    result = grade(solution_with(tmp_path, assignment, replace={"sigmoid": stub, "propagate": leak}))
    solution = _solution_lines(assignment.solutions["sigmoid"])
    assert solution and not [line for line in solution if line in str(result)], result
    propagate = next(e for e in result["exercises"] if e["id"] == "propagate")
    assert propagate["status"] == "error" and "feedback never shows" in str(propagate), propagate


@pytest.mark.slow
def test_an_endless_exercise_times_out_and_the_others_still_count(tmp_path):
    endless = "def standardize(X_train, X_other):\n    while True:\n        pass\n"
    result = grade(submission(tmp_path, replace={"standardize": endless}),
                   limits=Limits(cell_seconds=30, notebook_seconds=400))
    by_id = {e["id"]: e for e in result["exercises"]}
    assert by_id["standardize"]["status"] == "timeout"
    assert "its check was stopped at the 30 s limit per cell" in by_id["standardize"]["message"]
    assert by_id["flatten_images"]["status"] == by_id["train_dev_test_split"]["status"] == "passed"


@pytest.mark.slow
def test_the_notebook_limit_bounds_a_submission_that_sleeps_everywhere(tmp_path):
    sleeps = "def {name}(*args, **kwargs):\n    import time\n    time.sleep(3600)\n"
    slow = {name: sleeps.format(name=name) for name in ("standardize", "train_dev_test_split")}
    result = grade(submission(tmp_path, replace=slow), limits=Limits(cell_seconds=25, notebook_seconds=40))
    by_id = {e["id"]: e for e in result["exercises"]}
    assert by_id["flatten_images"]["status"] == "passed"
    for name in slow:
        assert by_id[name]["status"] == "timeout" and "40 s limit per notebook" in by_id[name]["message"], by_id[name]
    # Two hours of sleeping end at the notebook limit, plus kernel start-up and the checks.
    assert result["environment"]["seconds"]["execution"] < 40 + 45, result["environment"]["seconds"]


@pytest.mark.slow
def test_a_cell_that_is_no_exercise_and_downloads_gets_a_note_with_the_offline_hint(tmp_path):
    download = "import keras\nkeras.datasets.mnist.load_data()"
    path = submission(tmp_path, add_after={"train_dev_test_split": download})
    result = grade(path)
    assert result["score"] == ASSIGNMENT.max_score
    position = [c.source for c in nbformat.read(path, as_version=4).cells].index(download)
    [note] = result["notes"]
    assert note.startswith(f"cell {position + 1} (`import keras`) raised Exception: URL fetch failure"), note
    assert note.endswith(f"Temporary failure in name resolution. {OFFLINE_HINT}"), note
