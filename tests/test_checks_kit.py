"""The author's kit in grader/checks.py: per-case comparisons and grader-only data, known
mistakes named in words, and the shared validators."""

import numpy as np
import pytest

from grader.checks import (Case, Check, KnownMistake, array_of_shape, close, dict_of_arrays, n_parts, one_number,
                           within)


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
    assert within([1.0], [1.0 + 1e-9], atol=1e-6) is None and close()(1.0, 1.0, None) is None
