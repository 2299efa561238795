"""Corrections of issue #14 (Courses 1-3) that a test can see outside the notebooks' own checked cells."""
import ast
import json
import os

import numpy as np
import pytest

from lessons.syllabus import REPO_ROOT

ASSIGNMENTS = REPO_ROOT / "assignments"


def cells(path):
    return json.loads(path.read_text(encoding="utf-8"))["cells"]


def source(cell):
    return "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]


def mutable_defaults(code):
    found = []
    for node in ast.walk(ast.parse(code)):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            for default in node.args.defaults + [d for d in node.args.kw_defaults if d is not None]:
                if isinstance(default, (ast.Dict, ast.List, ast.Set, ast.DictComp, ast.ListComp, ast.SetComp)) or (
                        isinstance(default, ast.Call) and getattr(default.func, "id", "") in ("dict", "list", "set")):
                    found.append(f"{getattr(node, 'name', 'lambda')}: {ast.unparse(default)}")
    return found


@pytest.mark.parametrize("notebook", sorted(p.relative_to(ASSIGNMENTS).as_posix()
                                            for p in ASSIGNMENTS.glob("*/*.ipynb")))
def test_no_assignment_signature_has_a_mutable_default(notebook):
    # Learners copy these signatures; a dict or list default is created once and shared by every call.
    found = []
    for cell in cells(ASSIGNMENTS / notebook):
        if cell["cell_type"] == "code":
            try:
                found += mutable_defaults(source(cell))
            except SyntaxError:  # IPython magics
                continue
    assert not found, f"{notebook}: mutable default arguments {found}"


def test_planted_bugs_have_no_mutable_default_either():
    for path in ASSIGNMENTS.glob("*/planted_bugs.py"):
        namespace = {}
        exec(compile(path.read_text(encoding="utf-8"), str(path), "exec"), namespace)
        for exercise, code in namespace["PLANTED_BUGS"].items():
            assert not mutable_defaults(code), f"{path.parent.name}.{exercise}"


def test_c3w1_select_model_default_is_a_fresh_latency_constraint():
    namespace = {}
    for cell in cells(ASSIGNMENTS / "c3w1_strategy" / "source.ipynb"):
        if cell.get("metadata", {}).get("grader", {}).get("exercise") == "select_model":
            exec("import operator\n" + source(cell), namespace)
    select_model = namespace["select_model"]
    rows = [{"name": "A", "f1": 0.90, "latency_ms": 80}, {"name": "B", "f1": 0.95, "latency_ms": 1500}]
    assert select_model(rows) == "A"
    assert select_model(rows, satisficing={}) == "B"
    assert select_model(rows) == "A"


def test_c1w1_puts_the_test_set_through_the_training_statistics():
    # The locked "putting it together" cell, run with the solutions: dev and test both standardised
    # with the training set's mean and standard deviation.
    from sklearn.datasets import load_digits
    namespace = {"np": np, "load_digits": load_digits, "SEED": 0}
    notebook = cells(ASSIGNMENTS / "c1w1_data_as_tensors" / "source.ipynb")
    for cell in notebook:
        if "exercise" in cell.get("metadata", {}).get("grader", {}):
            exec(source(cell), namespace)
    together = next(c for c in notebook if "train_dev_test_split(X, Y, seed=SEED)" in source(c))
    exec(source(together), namespace)
    raw = {name: namespace[f"X_{name}_raw"] for name in ("train", "dev", "test")}
    mu = raw["train"].mean(axis=1, keepdims=True)
    sigma = raw["train"].std(axis=1, keepdims=True)
    sigma = np.where(sigma == 0, 1.0, sigma)
    for name in ("train", "dev", "test"):
        np.testing.assert_allclose(namespace[f"X_{name}"], (raw[name] - mu) / sigma, atol=1e-9, err_msg=name)


def test_keras_cross_entropy_uses_the_logits_behind_a_sigmoid_and_clips_plain_probabilities():
    # What Course 1, Week 4 teaches (and Course 2, Week 1 and Course 3, Week 2 rely on), measured on
    # the installed Keras: a model's sigmoid output is scored from its logits, without a cap; the same
    # probabilities as a plain tensor are clipped to [1e-7, 1 - 1e-7] before the logarithm.
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
    import keras
    z = np.array([[-30.0], [0.0], [30.0]], dtype="float32")
    y = np.ones_like(z)
    model = keras.Sequential([keras.Input(shape=(1,)), keras.layers.Dense(
        1, activation="sigmoid", kernel_initializer="ones", bias_initializer="zeros")])
    a = model(z)
    plain = keras.ops.convert_to_tensor(keras.ops.convert_to_numpy(a))
    from_model = keras.ops.convert_to_numpy(keras.losses.binary_crossentropy(y, a))
    from_plain = keras.ops.convert_to_numpy(keras.losses.binary_crossentropy(y, plain))
    np.testing.assert_allclose(from_model, [30.0, np.log(2), 0.0], atol=1e-5)
    np.testing.assert_allclose(from_plain, [-np.log(1e-7), np.log(2), 0.0], atol=1e-5)


LESSONS = sorted(p for folder in ("c1_*", "c2_*", "c3_*") for p in (REPO_ROOT / "notebooks").glob(f"{folder}/*.ipynb"))


@pytest.mark.parametrize("lesson", LESSONS, ids=lambda p: p.name)
def test_no_lesson_repeats_a_corrected_claim(lesson):
    text = "\n".join(source(c) for c in cells(lesson))
    for claim in ("Keras clips probabilities", "exactly as Keras's own cross-entropy",
                  "made while planning this course", "best_config in configs",
                  "Reviewed alike, the two agree again"):
        assert claim not in text, f"{lesson.name}: {claim!r}"
