"""Bad input gets one clear error line and exit code 2; nothing reaches the kernel."""
import csv
import hashlib
import io
import json
import subprocess
import sys
import time
import tracemalloc

import nbformat
import numpy as np
import pytest

from grader import codec, sandbox
from grader.assignment import Assignment
from grader.cells import cell_role
from grader.release import strip_solutions
from grader.report import validate
from grader.load import (MAX_JSON_CONTAINERS, MAX_JSON_DEPTH, SubmissionError, parse_notebook, read_capped,
                         read_notebook)

ASSIGNMENT = Assignment("c1w1_data_as_tensors")


def run_grader(*args):
    return subprocess.run([sys.executable, "-m", "grader", *map(str, args)],
                          capture_output=True, text=True, timeout=300)


@pytest.mark.parametrize("content, expected", [
    (b"\x89PNG\r\n\x1a\n binary", "not a notebook"),
    (b"{ this is not json", "not a notebook (not valid JSON"),
    (b'{"hello": "world"}', "JSON, but not a Jupyter notebook"),
    (json.dumps({"nbformat": 3, "nbformat_minor": 0, "cells": [], "metadata": {}}).encode(), "nbformat 3"),
])
def test_a_file_that_is_not_a_notebook_is_refused(tmp_path, content, expected):
    path = tmp_path / "submission.ipynb"
    path.write_bytes(content)
    result = run_grader("grade", path)
    assert result.returncode == 2
    assert result.stderr.startswith("error: ") and expected in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr


def test_a_missing_file_is_refused(tmp_path):
    result = run_grader("grade", tmp_path / "nowhere.ipynb")
    assert result.returncode == 2 and "no such file" in result.stderr


def sparse_file(path, size):
    """A file of `size` zero bytes that takes no disk (reading it whole would still cost `size`)."""
    with path.open("wb") as f:
        f.truncate(size)
    return path


def peak_memory_of(call, *args):
    """`call(*args)`'s peak of Python allocations in bytes, and what it returned or raised."""
    tracemalloc.start()
    try:
        outcome = call(*args)
    except Exception as error:
        outcome = error
    finally:
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    return peak, outcome


HUGE = "huge.ipynb is 2,048.0 MiB; a notebook may be at most 64.0 MiB"


def test_a_notebook_over_the_size_limit_is_refused_in_one_line_without_being_read(tmp_path):
    huge = sparse_file(tmp_path / "huge.ipynb", 2**31)
    started = time.monotonic()
    result = run_grader("grade", huge)
    assert result.returncode == 2 and result.stderr == f"error: {HUGE}\n"
    assert time.monotonic() - started < 60  # Python's start; reading 2 GiB would take far longer, or fail

    peak, outcome = peak_memory_of(read_notebook, huge)
    assert isinstance(outcome, SubmissionError) and str(outcome) == HUGE
    assert peak < 2**20


def test_a_file_larger_than_it_said_is_still_read_only_up_to_the_limit():
    with pytest.raises(SubmissionError, match=r"^growing.ipynb holds over 1.0 MiB; a notebook may be at most 1.0 MiB$"):
        read_capped(io.BytesIO(bytes(5 * 2**20)), 2**20, "growing.ipynb", "a notebook")
    assert read_capped(io.BytesIO(b"{}"), 2**20, "small.ipynb", "a notebook") == b"{}"


@pytest.mark.parametrize("depth", [150, 5_000])  # past the grader's limit; past the JSON parser's
def test_a_deeply_nested_notebook_is_refused_in_one_line(tmp_path, depth):
    path = tmp_path / "deep.ipynb"
    path.write_text('{"cells": ' + "[" * depth + "]" * depth + ', "nbformat": 4}')
    started = time.monotonic()
    with pytest.raises(SubmissionError) as error:
        parse_notebook(path.read_bytes(), path.name)
    assert time.monotonic() - started < 1
    expected = (f"deep.ipynb: its JSON nests lists and objects more than {MAX_JSON_DEPTH} levels deep; "
                f"a notebook may nest at most {MAX_JSON_DEPTH}")
    assert str(error.value) == expected
    result = run_grader("grade", path)
    assert result.returncode == 2 and result.stderr == f"error: {expected}\n"


def container_flood(path):
    """A notebook of 8 MiB (8 KiB zipped), nearly all `[{},{},...]`: 2.8 million empty objects, which
    parsed would take nearly 2 GB."""
    flood = b"[" + b"{}," * (8 * 2**20 // 3) + b"{}]"
    path.write_bytes(b'{"cells": [], "metadata": {"grader": {"assignment": "%s"}, "flood": %s}, '
                     b'"nbformat": 4, "nbformat_minor": 5}' % (ASSIGNMENT.id.encode(), flood))
    return path


FLOOD = f"flood.ipynb opens 2,796,208 JSON lists and objects (counting each '{{' and '['); " \
        f"a notebook may open at most {MAX_JSON_CONTAINERS:,}"


def test_a_notebook_of_millions_of_empty_objects_is_refused_in_one_line_before_it_is_parsed(tmp_path):
    flood = container_flood(tmp_path / "flood.ipynb")
    peak, outcome = peak_memory_of(read_notebook, flood)
    assert isinstance(outcome, SubmissionError) and str(outcome) == FLOOD
    assert peak < 64 * 2**20
    result = run_grader("grade", flood)
    assert result.returncode == 2 and result.stderr == f"error: {FLOOD}\n"


def test_collect_skips_a_package_of_millions_of_empty_objects(tmp_path):
    from grader import handin
    from grader.collect import collect
    notebook = container_flood(tmp_path / "flood.ipynb").read_bytes()
    package = tmp_path / "flood.zip"
    package.write_bytes(handin.pack(notebook, {"assignment": ASSIGNMENT.id, "learner": "mallory",
                                               "submitted_at": "2026-11-20T10:00:00+00:00",
                                               "sha256": hashlib.sha256(notebook).hexdigest()}))
    assert package.stat().st_size < 64 * 2**10
    report = collect([package], ASSIGNMENT.id, tmp_path / "class")
    assert report.skipped == [f"{package}: {FLOOD.replace('flood.ipynb', 'submission.ipynb')}"]
    assert not report.collected and not (tmp_path / "class" / "mallory.ipynb").exists()


def test_grade_all_records_a_notebook_of_millions_of_empty_objects_as_ungradable(tmp_path):
    from grader import batch
    folder = tmp_path / "class"
    folder.mkdir()
    container_flood(folder / "flood.ipynb")
    results = batch.grade_all(folder, ASSIGNMENT.id, jobs=1, warm=False, accept_unconfined=True)  # no kernel starts
    assert results["flood"]["ungradable"] == FLOOD
    with (folder / "results" / "gradebook.csv").open() as f:
        assert [(row["learner"], row["score"], row["note"]) for row in csv.DictReader(f)] == [("flood", "0", FLOOD)]


def test_rich_outputs_nested_within_the_limit_still_load():
    nb = nbformat.v4.new_notebook(metadata={"grader": {"assignment": ASSIGNMENT.id}})
    nested = {}
    for _ in range(MAX_JSON_DEPTH - 10):  # inside the notebook's own 7 levels: 97 in all
        nested = {"child": nested}
    nb.cells.append(nbformat.v4.new_code_cell("plot()", outputs=[nbformat.v4.new_output(
        "display_data", data={"application/json": nested})]))
    assert parse_notebook(nbformat.writes(nb).encode(), "plot.ipynb").cells[0].source == "plot()"


def test_grade_all_records_a_notebook_over_the_size_limit_as_ungradable(tmp_path):
    from grader import batch
    folder = tmp_path / "class"
    folder.mkdir()
    huge = sparse_file(folder / "huge.ipynb", 2**31)
    small = folder / "ada.ipynb"
    small.write_bytes(ASSIGNMENT.student_path.read_bytes())

    readable, unreadable = batch._read_submissions([huge, small], ASSIGNMENT.id)
    assert readable == [(small, small.read_bytes())]  # the batch goes on with the others
    assert unreadable == [(huge, {"schema_version": 1, "assignment": ASSIGNMENT.id, "submission": "huge.ipynb",
                                  "ungradable": HUGE})]
    validate(unreadable[0][1])
    for peak, outcome in (peak_memory_of(batch._read_submissions, [huge], ASSIGNMENT.id),
                          peak_memory_of(batch._is_done, huge, folder / "results" / "huge.json")):
        assert peak < 2**20, outcome  # the huge file is never read
    assert batch._is_done(huge, folder / "results" / "huge.json") is False

    small.unlink()  # no notebook left to grade: the batch starts no kernel
    trusted = [] if sandbox.namespaces_available() else ["--accept-grade-tampering-risk"]  # no kernel starts here
    result = run_grader("grade-all", folder, "--assignment", ASSIGNMENT.id, *trusted)
    assert result.returncode == 0, result.stderr
    with (folder / "results" / "gradebook.csv").open() as f:
        rows = list(csv.DictReader(f))
    assert [(row["learner"], row["score"], row["note"]) for row in rows] == [("huge", "0", HUGE)]


def test_another_assignments_notebook_is_refused(tmp_path):
    nb = nbformat.from_dict(ASSIGNMENT.source)
    nb.metadata["grader"]["assignment"] = "c9w9_other"
    path = tmp_path / "other.ipynb"
    nbformat.write(nb, path)
    result = run_grader("grade", path, "--assignment", ASSIGNMENT.id)
    assert result.returncode == 2 and "is a notebook of assignment 'c9w9_other'" in result.stderr


def test_an_unknown_assignment_is_refused(tmp_path):
    path = tmp_path / "nb.ipynb"
    nbformat.write(nbformat.v4.new_notebook(), path)
    result = run_grader("grade", path, "--assignment", "c9w9_nothing")
    assert result.returncode == 2 and "unknown assignment 'c9w9_nothing'" in result.stderr


def test_a_notebook_without_an_assignment_id_asks_for_one(tmp_path):
    path = tmp_path / "nb.ipynb"
    nbformat.write(nbformat.v4.new_notebook(), path)
    result = run_grader("grade", path)
    assert result.returncode == 2 and "--assignment" in result.stderr


@pytest.mark.slow
def test_deleted_exercise_cells_and_edited_locked_cells_are_reported(tmp_path):
    nb = nbformat.from_dict(ASSIGNMENT.source)
    nb.cells = [c for c in nb.cells if cell_role(c).get("exercise") != "standardize"]
    locked = next(c for c in nb.cells if cell_role(c).get("locked") and "SelfCheck" in c.source)
    locked.source += "\nflatten_images = lambda images: 'tampered'"
    path = tmp_path / "edited.ipynb"
    nbformat.write(nb, path)
    out = tmp_path / "result.json"
    result = run_grader("grade", path, "--json", out)
    assert result.returncode == 0, result.stderr
    graded = json.loads(out.read_text())
    by_id = {e["id"]: e for e in graded["exercises"]}
    assert by_id["standardize"]["points"] == 0 and "missing from the notebook" in by_id["standardize"]["message"]
    assert by_id["flatten_images"]["status"] == "passed"  # the edit to the locked cell was undone
    assert any("restored" in note for note in graded["notes"])


def test_codec_round_trips_nested_values_without_pickle():
    value = {"w": np.arange(6.).reshape(2, 3), "b": 1.5, "n": np.int64(3), "ok": True,
             "parts": (np.zeros(2), [None, "text"])}
    back = codec.loads(codec.dumps(value))
    assert back.keys() == value.keys()
    np.testing.assert_array_equal(back["w"], value["w"])
    assert back["b"] == 1.5 and back["n"] == 3 and back["ok"] is True
    assert isinstance(back["parts"], tuple) and back["parts"][1] == [None, "text"]


def test_codec_marks_objects_it_cannot_check():
    back = codec.loads(codec.dumps(object()))
    assert isinstance(back, codec.Unsupported) and back.type_name == "object"


def test_codec_never_loads_pickled_arrays(tmp_path):
    import io
    buffer = io.BytesIO()
    np.savez(buffer, a0=np.array([object()], dtype=object), __tree__=np.array('{"__array__": "a0"}'))
    with pytest.raises(ValueError):
        codec.loads(buffer.getvalue())


def test_release_replaces_each_solution_region_with_a_stub():
    source = ("def f(x):\n    y = 1\n    ### BEGIN SOLUTION\n    y = x + 1\n    ### END SOLUTION\n    return y\n")
    stripped = strip_solutions(source, "f")
    assert "x + 1" not in stripped
    assert '    raise NotImplementedError("f: write your code here")' in stripped
    assert stripped.startswith("def f(x):\n    y = 1\n    # YOUR CODE HERE") and stripped.endswith("return y\n")


def test_release_refuses_unbalanced_markers():
    with pytest.raises(ValueError, match="unbalanced"):
        strip_solutions("### BEGIN SOLUTION\nx = 1\n", "f")


def test_a_return_value_that_breaks_the_comparison_is_a_wrong_answer_not_a_crash():
    from grader.checks import Case, Check, close

    def fragile(expected, got, case):
        return None if float(got) == expected else "wrong"

    case = Case("x", ())
    assert "could not be compared" in Check("f", "hint", (case,), fragile).judge(1.0, {"a": 1}, case)
    assert "NumPy cannot read" in Check("f", "hint", (case,), close()).judge(np.zeros(2), [1, [2, 3]], case)


def test_model_structures_are_compared_layer_by_layer_with_keras_words():
    from grader.checks import same_structure
    from grader.codec import ModelStructure

    expected = ModelStructure([("InputLayer", (None, 4), 0), ("Dense", (None, 7), 35), ("Dense", (None, 1), 8)], 43)
    fewer_units = ModelStructure([("InputLayer", (None, 4), 0), ("Dense", (None, 5), 25), ("Dense", (None, 1), 6)], 31)
    other_layer = ModelStructure([("InputLayer", (None, 4), 0), ("Conv1D", (None, 7), 35), ("Dense", (None, 1), 8)], 43)
    assert same_structure(expected, expected, None) is None
    assert same_structure(expected, fewer_units, None) == "layer 2 Dense: expected 7 units, got 5"
    assert same_structure(expected, other_layer, None) == "layer 2: expected a Dense layer, got Conv1D"
    assert same_structure(expected, ModelStructure(expected.rows[:2], 35), None) == "expected 3 layers, got 2"
    assert same_structure(expected, np.zeros(3), None).startswith("the result should be a keras.Model")
    called_on_data = ModelStructure([("InputLayer", (32, 4), 0), ("Dense", (32, 7), 35), ("Dense", (32, 1), 8)], 43)
    assert same_structure(expected, called_on_data, None) is None  # the batch size is not the structure
    relu, sigmoid = {"units": 7, "activation": "relu"}, {"units": 7, "activation": "sigmoid"}
    configured = ModelStructure(expected.rows, 43, [{}, relu, {}])
    assert same_structure(configured, ModelStructure(expected.rows, 43, [{}, sigmoid, {}]), None) == \
        "layer 2 Dense: expected activation='relu', got 'sigmoid'"


def test_a_regularizer_travels_as_text_and_its_factor_is_compared():
    import keras

    from grader.checks import same_structure

    def model(l2):
        return keras.Sequential([keras.Input((3,)), keras.layers.Dense(4, kernel_regularizer=keras.regularizers.L2(l2))])
    expected, other = codec.loads(codec.dumps(model(0.01))), codec.loads(codec.dumps(model(0.1)))
    assert expected.configs[0]["kernel_regularizer"] == "L2(l2=0.01)"
    assert same_structure(expected, other, None) == \
        "layer 1 Dense: expected kernel_regularizer='L2(l2=0.01)', got 'L2(l2=0.1)'"


def test_a_keras_model_travels_as_its_structure_and_key_config():
    import keras
    inputs = keras.Input((4,))
    model = keras.Model(inputs, keras.layers.Dense(1, activation="sigmoid")(keras.layers.Dense(3, activation="relu")(inputs)))
    back = codec.loads(codec.dumps(model))
    assert back.rows == [("InputLayer", (None, 4), 0), ("Dense", (None, 3), 15), ("Dense", (None, 1), 4)]
    assert back.configs[1] == {"units": 3, "activation": "relu", "use_bias": True, "trainable": True}
    assert back.model_class == "Functional" and back.params == 19


def test_codec_keeps_python_numbers_python_and_model_structures_whole():
    back = codec.loads(codec.dumps((20, 0.5, True, np.int64(3))))
    assert type(back[0]) is int and type(back[1]) is float and back[2] is True
    assert isinstance(back[3], np.integer)
    structure = codec.ModelStructure([("Dense", (None, 3), 15)], 15)
    again = codec.loads(codec.dumps(structure))
    assert again.rows == structure.rows and again.params == 15



def test_a_variable_travels_as_its_numbers_and_its_trainable_flag():
    import keras
    import tensorflow as tf
    back = codec.loads(codec.dumps({"w": tf.Variable([1.0, 2.0]), "frozen": tf.Variable(3.0, trainable=False),
                                    "k": keras.Variable(np.zeros(2)), "t": tf.constant([1.0])}))
    assert isinstance(back["w"], np.ndarray) and back["w"].tolist() == [1.0, 2.0] and back["w"].trainable is True
    assert back["frozen"].trainable is False and back["k"].trainable is True
    assert not hasattr(back["t"], "trainable")  # a tensor is not a variable
    assert codec.dumps(back) == codec.dumps(codec.loads(codec.dumps(back)))  # re-recorded, the same bytes

def sample_result():
    return {
        "schema_version": 1, "assignment": "c1w1_data_as_tensors", "submission": "ada.ipynb",
        "score": 5.0, "max_score": 8, "notes": ["1 locked cell(s) had been edited or deleted; they were restored"],
        "exercises": [
            {"id": "flatten_images", "status": "passed", "points": 2.0, "max_points": 2, "message": "all checks passed",
             "cases": [{"name": "four images", "public": True, "passed": True, "message": ""}]},
            {"id": "standardize", "status": "failed", "points": 0.0, "max_points": 3,
             "message": "use the train statistics (check 'leak': differs | badly)",
             "cases": [{"name": "leak", "public": False, "passed": False, "message": "differs | badly"}]},
            {"id": "train_dev_test_split", "status": "passed", "points": 3.0, "max_points": 3,
             "message": "all checks passed", "cases": []},
        ],
        "environment": {"python": "3.11.7", "tensorflow": "2.21.0", "keras": "3.15.1", "numpy": "2.4.6",
                        "grader": "0.1.0", "seed": 0, "fast": True, "seconds": {"execution": 7.5, "total": 8.0}},
    }


def test_results_follow_the_schema_and_break_it_loudly():
    import jsonschema

    from grader.report import validate
    result = sample_result()
    validate(result)
    result["exercises"][0]["status"] = "fine"
    with pytest.raises(jsonschema.ValidationError):
        validate(result)


def test_exports_for_gradescope_and_markdown():
    from grader.report import gradescope, markdown
    result = sample_result()
    exported = gradescope(result)
    assert exported["score"] == 5.0
    assert [(t["name"], t["score"], t["max_score"], t["status"]) for t in exported["tests"]] == [
        ("flatten_images", 2.0, 2, "passed"), ("standardize", 0.0, 3, "failed"), ("train_dev_test_split", 3.0, 3, "passed")]
    assert exported["tests"][1]["output"].startswith("use the train statistics")
    text = markdown(result)
    assert text.startswith("# c1w1_data_as_tensors: 5 / 8")
    assert "| standardize | failed | 0/3 | use the train statistics (check 'leak': differs \\| badly) |" in text
    assert "- ✘ leak: differs | badly" in text and "> 1 locked cell(s)" in text


@pytest.mark.slow
def test_an_empty_notebook_and_one_full_of_junk_get_messages_and_the_points_still_due(tmp_path):
    empty = nbformat.v4.new_notebook(metadata={"grader": {"assignment": ASSIGNMENT.id}})
    nbformat.write(empty, tmp_path / "empty.ipynb")
    junk = nbformat.from_dict(ASSIGNMENT.source)
    junk.cells.insert(3, nbformat.v4.new_code_cell("\x00\x01\ufffd binary junk \x7f"))
    flatten = next(c for c in junk.cells if cell_role(c).get("exercise") == "flatten_images")
    flatten.outputs = [nbformat.v4.new_output("stream", name="stdout", text="y" * 30_000_000)]  # a 30 MB output
    nbformat.write(junk, tmp_path / "junk.ipynb")

    for name in ("empty", "junk"):
        out = tmp_path / f"{name}.json"
        run = run_grader("grade", tmp_path / f"{name}.ipynb", "--json", out)
        assert run.returncode == 0, run.stderr
        graded = json.loads(out.read_text())
        by_id = {e["id"]: e for e in graded["exercises"]}
        if name == "empty":
            assert graded["score"] == 0
            assert all("missing from the notebook" in e["message"] for e in by_id.values())
        else:  # the junk cell fails on its own; every exercise is still graded
            assert graded["score"] == ASSIGNMENT.max_score, by_id


def test_feedback_in_square_brackets_is_printed_as_text():
    import io

    from rich.console import Console

    from grader.report import print_table
    console = Console(file=io.StringIO(), width=200)
    message = "check 'x': KeyError: ['W1'] in row[metric]"
    print_table({"assignment": "a", "submission": "s.ipynb", "score": 0, "max_score": 1, "notes": [],
                 "exercises": [{"id": "f", "status": "failed", "points": 0, "max_points": 1, "message": message}]},
                console)
    assert message in console.file.getvalue()


def test_an_error_inside_a_tf_function_is_reported_by_its_reason():
    from grader.harness import short_error
    try:
        raise ValueError("in user code:\n\n    File \"<cell>\", line 3\n\n    ValueError: shapes (6, 2) and (5, 2)")
    except ValueError as error:
        assert short_error(error) == "ValueError: shapes (6, 2) and (5, 2)"


def test_an_error_inside_a_keras_layer_is_reported_by_its_reason():
    import keras
    import tensorflow as tf

    from grader.harness import short_error

    class Flatten35(keras.layers.Layer):
        def call(self, x):
            return tf.reshape(x, (5, 7))

    def reason(run):
        try:
            run()
        except Exception as error:
            return short_error(error)

    eager = reason(lambda: Flatten35()(np.zeros((2, 3), "float32")))
    assert eager.startswith("InvalidArgumentError: in Flatten35.call(): Input to reshape is a tensor with 6 values, "
                            "but the requested shape has 35"), eager
    building = reason(lambda: keras.Sequential([keras.Input((3,)), Flatten35()]))
    assert building.startswith("ValueError: in Flatten35.call(): Dimension size must be evenly divisible by 3 "
                               "but is 35"), building
    assert "\x1b" not in eager + building and "Arguments received" not in eager + building


def test_a_frozen_base_is_part_of_the_structure():
    import keras

    from grader.checks import same_structure

    def transfer_model(freeze):
        base = keras.Sequential([keras.Input((4,)), keras.layers.Dense(3, name="features")], name="base")
        base.trainable = not freeze
        return keras.Sequential([keras.Input((4,)), base, keras.layers.Dense(2, activation="softmax", name="head")])
    frozen, unfrozen = (codec.loads(codec.dumps(transfer_model(f))) for f in (True, False))
    assert same_structure(frozen, unfrozen, None) == "layer 1 Sequential: expected trainable=False, got True"


def test_a_self_check_that_raises_says_why_in_one_line_and_gives_the_hint(capsys):
    from grader.selfcheck import SelfCheck

    def sigmoid(z):
        raise ValueError("Exception encountered when calling Dense.call().\n\n\x1b[1mshapes do not match\x1b[0m\n\n"
                         "Arguments received by Dense.call():\n  • inputs=tf.Tensor(shape=(2, 3))")

    check = SelfCheck("c1w2_logistic_regression")
    check("sigmoid", sigmoid)
    lines = capsys.readouterr().out.splitlines()
    failed = [i for i, line in enumerate(lines) if line.startswith("✘")]
    assert failed and all(lines[i].endswith("your function raised ValueError: in Dense.call(): shapes do not match")
                          for i in failed), lines
    assert all(lines[i + 1] == f"  hint: {check.assignment.checks['sigmoid'].hint}" for i in failed), lines


def test_one_cases_inputs_are_read_without_rebuilding_the_other_cases_models(monkeypatch):
    import keras

    models = [keras.Sequential([keras.Input((2,)), keras.layers.Dense(units)]) for units in (1, 2, 3)]
    data = codec.dumps([(codec.ModelInput(model), np.full(2, float(i))) for i, model in enumerate(models)])
    rebuilt = []
    rebuild = codec.ModelInput.rebuild
    monkeypatch.setattr(codec.ModelInput, "rebuild", staticmethod(lambda *a: rebuilt.append(a) or rebuild(*a)))
    assert codec.count_items(data) == 3 and codec.count_items(codec.dumps([])) == 0
    model, array = codec.load_item(data, 2, allow_models=True)
    assert len(rebuilt) == 1 and model.layers[-1].units == 3 and array.tolist() == [2.0, 2.0]
    array[:] = 7.0  # a function that changes its inputs changes them for itself only
    assert codec.load_item(data, 2)[1].tolist() == [2.0, 2.0]


def test_a_failing_self_check_shows_expected_against_got(capsys):
    from grader.selfcheck import SelfCheck

    def sigmoid(z):
        return 1 / (1 + np.exp(z))  # the sign slip
    check = SelfCheck("c1w2_logistic_regression")
    check("sigmoid", sigmoid)
    lines = capsys.readouterr().out.splitlines()
    failed = [i for i, line in enumerate(lines) if line.startswith("✘")]
    assert failed, lines
    for i in failed:
        assert lines[i + 1].startswith("  expected: ") and lines[i + 2].startswith("  got:      "), lines
        assert lines[i + 1] != lines[i + 2].replace("got:     ", "expected:")
        assert lines[i + 3] == f"  hint: {check.assignment.checks['sigmoid'].hint}"


def test_values_are_described_in_a_line_a_learner_can_read():
    from grader.shown import describe
    assert describe(np.arange(6.0) / 8) == "array of shape (6,): [0. , 0.125, 0.25 , 0.375, 0.5 , 0.625]"
    assert describe(np.ones((64, 3))).startswith("array of shape (64, 3): [[1., 1., 1.], [1., 1., 1.], ..., ")
    assert describe({"W1": np.zeros((1, 2)), "cost": np.float64(0.5)}) == \
        "{'W1': array of shape (1, 2): [[0., 0.]], 'cost': 0.5}"
    assert describe((np.float32(0.25), 3, "relu")) == "(0.25, 3, 'relu')"
    assert len(describe(list(map(str, range(1000))))) == 400
