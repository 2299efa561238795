"""The author's kit in grader/checks.py: per-case comparisons and grader-only data, known
mistakes named in words, and the shared validators."""

import numpy as np
import pytest

from grader.checks import (Case, Check, KnownMistake, agrees_with, array_of_shape, close, dict_of_arrays, n_parts,
                           one_number, question, within)


def test_a_cases_own_compare_and_reference_win_over_the_checks():
    by_reference = lambda expected, got, case: None if got == case.reference else f"expected {case.reference}"  # noqa: E731
    check = Check("f", "hint", (Case("plain", (1,)), Case("held out", (2,), compare=by_reference, reference=7)))
    plain, held_out = check.cases
    assert check.judge(3, 3, plain) is None and check.judge(3, 4, plain).startswith("the result differs")
    assert check.judge(3, 7, held_out) is None and check.judge(3, 3, held_out) == "expected 7"


def test_a_known_mistake_is_named_and_an_unknown_one_keeps_the_comparisons_message():
    scaled = KnownMistake("your weights are 100 times too small: drop the * 0.01", lambda case: case.args[0] * 0.01)
    check = Check("init", "hint", (Case("c", (np.ones(3),)),), known_mistakes=(scaled,))
    case = check.cases[0]
    assert check.judge(np.ones(3), np.ones(3), case) is None
    assert check.judge(np.ones(3), np.full(3, 0.01), case) == "your weights are 100 times too small: drop the * 0.01"
    assert check.judge(np.ones(3), np.full(3, 2.0), case).startswith("the result differs")


def test_a_mistake_that_cannot_be_computed_is_skipped():
    broken = KnownMistake("never shown", lambda case: 1 / 0)
    check = Check("f", "hint", (Case("c", (1,)),), known_mistakes=(broken,))
    assert check.judge(1.0, 2.0, check.cases[0]).startswith("the result differs")


@pytest.mark.parametrize("validator, got, message", [
    (lambda g: array_of_shape(g, (2, 1)), np.zeros((2,)), "the result should have shape (2, 1), got (2,)"),
    (lambda g: array_of_shape(g, (2,)), None, "the result is None: did you forget a return statement?"),
    (lambda g: array_of_shape(g, (1,)), np.array([np.nan]), "the result contains NaN or infinity"),
    (lambda g: dict_of_arrays(g, {"W1": (2, 3)}, "parameters"), {"W1": np.zeros((3, 2))},
     "parameters['W1'] should have shape (2, 3), got (3, 2)"),
    (lambda g: dict_of_arrays(g, {"W1": (2, 3), "b1": (2, 1)}), {"W1": np.zeros((2, 3))},
     "the result is missing the keys ['b1']"),
    (lambda g: one_number(g, "the cost"), np.array([[0.5]]),
     "the cost should be a number (e.g. float(...)), got an array of shape (1, 1)"),
    (lambda g: one_number(g, "the cost"), None, "the cost is None: did you forget a return statement?"),
    (lambda g: n_parts(g, 2), (1, 2, 3), "the result should be 2 values (a tuple), got 3 parts"),
    (lambda g: within(g, [1.0, 2.0], atol=1e-6), [1.0, 2.5],
     "the result differs from the expected values (largest difference 0.5, allowed 1e-06)"),
])
def test_validators_say_what_is_wrong(validator, got, message):
    assert validator(got) == message


def test_validators_accept_what_is_right():
    assert array_of_shape(np.zeros((2, 1)), (2, 1)) is None
    assert dict_of_arrays({"W1": np.zeros((2, 3))}, {"W1": (2, 3)}) is None
    assert one_number(np.float64(0.5)) is None and n_parts([1, 2], 2) is None
    assert one_number(np.array(0.5, np.float32)) is None  # a scalar tensor, as it arrives from the kernel
    assert one_number(np.array(True)) is not None
    assert within([1.0], [1.0 + 1e-9], atol=1e-6) is None and close()(1.0, 1.0, None) is None


def test_one_number_takes_an_array_of_one_number_when_asked():
    assert one_number(np.array([[0.5]]), "the cost", size_one=True) is None
    assert one_number(np.array([0.5, 1.0]), "the cost", size_one=True) == (
        "the cost should be a number (e.g. float(...)), got an array of shape (2,)")
    assert one_number(np.array([[np.inf]]), "the cost", size_one=True) == "the cost is inf, not a finite number"


def test_agrees_with_names_the_twin_and_a_float32_result():
    twin = "keras.layers.ZeroPadding2D(1)"
    assert agrees_with(np.ones(2), np.ones(2) + 1e-9, twin, 1e-7) is None
    assert agrees_with(np.ones(2), np.full(2, 1.5), twin, 1e-7, what="X_pad") == (
        f"compared with {twin}: X_pad differs from the expected values (largest difference 0.5, allowed 1e-07)")
    assert agrees_with(np.ones(2, np.float32), np.full(2, 1.5), twin, 1e-7, what="X_pad").endswith(
        "; X_pad is float32: keep NumPy's default float64")


def _structure(build):
    import keras

    from grader import codec

    inputs = keras.Input((8, 8, 3))
    return codec.loads(codec.dumps(keras.Model(inputs, build(keras, inputs))))


def test_what_can_be_written_two_ways_is_one_structure():
    from grader.checks import same_structure

    def block(keras, x, *, operations, relu_layer, shortcut_first, same_padding):
        main = keras.layers.Conv2D(4, 3, padding="same")(x)
        shortcut = keras.layers.Conv2D(4, 1, padding="same" if same_padding else "valid")
        if shortcut_first:  # Keras then lists the shortcut's convolution before the main branch's
            shortcut_out = shortcut(x)
            main = keras.layers.Conv2D(4, 3, padding="same")(main)
        else:
            main = keras.layers.Conv2D(4, 3, padding="same")(main)
            shortcut_out = shortcut(x)
        added = main + shortcut_out if operations else keras.layers.Add()([main, shortcut_out])
        added = keras.layers.ReLU()(added) if relu_layer else keras.layers.Activation("relu")(added)
        up = keras.layers.Conv2DTranspose(4, 2, strides=2)(added)
        skip = keras.layers.UpSampling2D()(x)
        joined = keras.ops.concatenate([up, skip], axis=-1) if operations else keras.layers.Concatenate()([up, skip])
        return keras.layers.Conv2D(2, 1)(joined)

    recipe = _structure(lambda k, x: block(k, x, operations=False, relu_layer=True, shortcut_first=False,
                                          same_padding=False))
    for variant in ({"operations": True}, {"relu_layer": False}, {"shortcut_first": True}, {"same_padding": True}):
        options = {"operations": False, "relu_layer": True, "shortcut_first": False, "same_padding": False, **variant}
        assert same_structure(recipe, _structure(lambda k, x, o=options: block(k, x, **o)), None) is None, variant


def test_writing_it_another_way_does_not_hide_a_real_difference():
    from grader.checks import same_structure

    def joined(keras, x, *, with_skip, operations):
        up = keras.layers.Conv2D(4, 3, padding="same")(x)
        if with_skip:
            up = keras.ops.concatenate([up, x], axis=-1) if operations else keras.layers.Concatenate()([up, x])
        return keras.layers.Conv2D(2, 1)(up)

    recipe = _structure(lambda k, x: joined(k, x, with_skip=True, operations=False))
    forgot_the_skip = _structure(lambda k, x: joined(k, x, with_skip=False, operations=False))
    # Written as an operation or missing, the concatenation is counted on neither side; the next layer's
    # parameters still show whether it is there.
    assert same_structure(recipe, forgot_the_skip, None) == (
        "layer 3 Conv2D: expected 16 parameters, got 10 (counting no Concatenate layers: your model has fewer "
        "than the recipe's, as when one is written as an operation on tensors, which makes no layer, or is missing)")
    assert same_structure(recipe, _structure(lambda k, x: joined(k, x, with_skip=True, operations=True)), None) is None
    swapped_activation = _structure(lambda k, x: k.layers.Activation("sigmoid")(joined(k, x, with_skip=True,
                                                                                       operations=False)))
    assert same_structure(_structure(lambda k, x: k.layers.ReLU()(joined(k, x, with_skip=True, operations=False))),
                          swapped_activation, None) == "layer 4 Conv2D: expected activation='relu', got 'linear'"


def test_normalisation_settings_are_compared_and_an_axis_counts_from_the_front():
    from grader.checks import same_structure

    def normalised(**options):
        return _structure(lambda k, x: k.layers.BatchNormalization(**options)(k.layers.Conv2D(4, 3)(x)))

    recipe = normalised(axis=-1, momentum=0.9)
    assert same_structure(recipe, normalised(axis=3, momentum=0.9), None) is None
    assert same_structure(recipe, normalised(axis=-1), None) == \
        "layer 3 BatchNormalization: expected momentum=0.9, got 0.99"
    assert same_structure(recipe, normalised(axis=1, momentum=0.9), None) == \
        "layer 3 BatchNormalization: expected 16 parameters, got 24"  # 4 statistics of 4 channels, or of 6 rows


def test_an_activation_written_as_a_layer_of_its_own_is_the_same_network():
    from grader.checks import same_structure

    def convs(k, x, separate):
        for filters in (4, 6):
            x = k.layers.Conv2D(filters, 3)(x)
            x = k.layers.ReLU()(x) if separate else x
        return x

    def convs_with_activation(k, x):
        for filters in (4, 6):
            x = k.layers.Conv2D(filters, 3, activation="relu")(x)
        return x

    recipe = _structure(lambda k, x: convs(k, x, separate=True))
    assert same_structure(recipe, _structure(convs_with_activation), None) is None
    assert same_structure(_structure(convs_with_activation), recipe, None) is None
    no_relu = _structure(lambda k, x: convs(k, x, separate=False))
    assert same_structure(recipe, no_relu, None) == "layer 2 Conv2D: expected activation='relu', got 'linear'"


# ---------------------------------------------------------------- quiz questions
def _judge(check, expected, got):
    return check.judge(expected, got, check.cases[0])


def test_a_question_has_one_hidden_case_without_arguments():
    check = question("q1", "section 2", {"a": "Tables are structured."})
    assert [(c.args, c.public) for c in check.cases] == [((), False)]


def test_a_choice_is_judged_whatever_its_case_and_a_wrong_one_is_explained():
    check = question("q1", "section 2", {"a": "Tables are structured."})
    assert _judge(check, "b", " B") is None
    assert _judge(check, "b", "A") == "Tables are structured."
    assert _judge(check, "b", "c") == "That is not the answer."
    assert _judge(check, "b", {"b"}) == 'Give your answer as a string, such as "b".'


def test_several_choices_in_any_order_and_each_wrong_one_explained():
    check = question("q2", "the introduction", {"d": "Too old.", "e": "Not a cause."}, several=True)
    assert _judge(check, "abc", "cba") is None
    assert _judge(check, "abc", ["A", "b", "c"]) is None
    assert _judge(check, "abc", "abcde") == "d: Too old. e: Not a cause."
    assert _judge(check, "abc", "ab") == "1 right choice is missing."
    assert _judge(check, "abc", 3) == 'Give your choices as one string of letters, such as "ac".'


def test_numbers_and_shapes_without_giving_the_answer_away():
    number = question("q5", "section 1", {-3.0: "ReLU sets a negative sum to 0."}, tolerance=1e-3)
    assert _judge(number, 0.0, 0.0004) is None
    assert _judge(number, 0.0, -3) == "ReLU sets a negative sum to 0."
    assert _judge(number, 0.0, 2.0) == "2 is not right."
    shape = question("q4", "exercise 1", {(25, 12288): "One column per example."})
    assert _judge(shape, (12288, 25), [12288, 25]) is None
    assert _judge(shape, (12288, 25), (25, 12288)) == "One column per example."
    assert _judge(shape, (12288, 25), "12288, 25") == "Give a tuple of 2 items."
    assert "12288" not in _judge(shape, (12288, 25), (12288,))
