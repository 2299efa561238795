"""The feedback names the commonest habits: outputs written the way learners write them are judged
here, in the grader's process (no kernel), on each exercise's public cases, and the message must
say what the habit was, not only how large the difference is."""
import importlib.util

import numpy as np
import pytest

from grader import codec
from grader.assignment import Assignment, known_ids
from grader.checks import close


@pytest.fixture
def global_numpy_stream():
    """np.random's global state, put back afterwards: the learners' code below seeds it."""
    state = np.random.get_state()
    yield
    np.random.set_state(state)


def public_cases(assignment_id, exercise_id, own_compare_only=False):
    """(case, expected value, check) for each public case; with `own_compare_only`, the cases that
    the Check's comparison judges (not a case's own)."""
    assignment = Assignment(assignment_id)
    check = assignment.checks[exercise_id]
    return [(case, expected, check) for case, expected in zip(check.cases, assignment.expected(exercise_id))
            if case.public and not (own_compare_only and case.compare)]


def as_from_the_kernel(value):
    """The value as the grader reads it back from a learner's kernel."""
    return codec.loads(codec.dumps(value))


# ---------------------------------------------------------------- the legacy np.random stream and the 0.01 scale
def legacy_deep_initialisation(layer_dims, scale):
    """The old course's initialize_parameters_deep, with `scale(n_prev)` in place of its * 0.01."""
    np.random.seed(3)
    parameters = {}
    for l in range(1, len(layer_dims)):
        parameters[f"W{l}"] = np.random.randn(layer_dims[l], layer_dims[l - 1]) * scale(layer_dims[l - 1])
        parameters[f"b{l}"] = np.zeros((layer_dims[l], 1))
    return parameters


@pytest.mark.parametrize("scale, named", [
    (lambda n_prev: 1 / np.sqrt(n_prev), "these are the values of the legacy np.random.seed/randn stream"),
    (lambda n_prev: 0.01, "these are the old course's weights, np.random.seed(3) then np.random.randn(...) * 0.01"),
])
def test_c1w4_legacy_stream_is_named(global_numpy_stream, scale, named):
    for case, expected, check in public_cases("c1w4_deep_neural_network", "initialize_parameters_deep"):
        got = as_from_the_kernel(legacy_deep_initialisation(case.args[0], scale))
        assert check.judge(expected, got, case).startswith(named)


def test_c1w4_weights_times_001_are_named():
    for case, expected, check in public_cases("c1w4_deep_neural_network", "initialize_parameters_deep"):
        layer_dims, rng = case.args[0], np.random.default_rng(3)
        got = {}
        for l in range(1, len(layer_dims)):
            got[f"W{l}"] = rng.standard_normal((layer_dims[l], layer_dims[l - 1])) * 0.01
            got[f"b{l}"] = np.zeros((layer_dims[l], 1))
        assert check.judge(expected, as_from_the_kernel(got), case).startswith(
            "your weights are the right draws times 0.01, the old course's scale")


def legacy_planar_initialisation(n_x, n_h, n_y, scale):
    """The old course's initialize_parameters, with `scale` in place of its 0.01."""
    np.random.seed(2)
    W1 = np.random.randn(n_h, n_x) * scale
    W2 = np.random.randn(n_y, n_h) * scale
    return {"W1": W1, "b1": np.zeros((n_h, 1)), "W2": W2, "b2": np.zeros((n_y, 1))}


@pytest.mark.parametrize("scale, named", [
    (0.01, "these are the values of the legacy np.random.seed(2) / np.random.randn stream: draw"),
    (1.0, "these are the values of the legacy np.random.seed(2) / np.random.randn stream, not multiplied by 0.01"),
])
def test_c1w3_legacy_stream_is_named(global_numpy_stream, scale, named):
    for case, expected, check in public_cases("c1w3_planar_classification", "initialize_parameters"):
        got = as_from_the_kernel(legacy_planar_initialisation(*case.args, scale))
        assert check.judge(expected, got, case).startswith(named)


# ---------------------------------------------------------------- costs recorded only while printing
def test_c1w4_costs_recorded_only_when_printing_are_named():
    cases = public_cases("c1w4_deep_neural_network", "L_layer_model", own_compare_only=True)
    assert cases
    for case, expected, check in cases:
        parameters, _ = expected
        got = as_from_the_kernel((parameters, []))
        assert check.judge(expected, got, case) == (
            "costs is empty: record the cost every 100 iterations whether or not print_cost is set")


# ---------------------------------------------------------------- an (n,) vector minus an (n, 1) column
def checks_module(assignment_id):
    path = Assignment(assignment_id).folder / "checks.py"
    spec = importlib.util.spec_from_file_location(f"checks_{assignment_id}_test", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_c2w1_vector_minus_column_is_named():
    gradients = checks_module("c2w1_init_reg_gradcheck")._gradient_and_approximation
    for case, expected, check in public_cases("c2w1_init_reg_gradcheck", "gradient_check_n"):
        parameters, grads, X, Y = case.args[:4]
        epsilon = case.args[4] if len(case.args) > 4 else 1e-7
        grad, gradapprox = gradients(parameters, grads, X, Y, epsilon)
        grad = grad.reshape(-1, 1)  # gradients_to_vector's column, while gradapprox = np.zeros(n) stays (n,)
        difference = np.linalg.norm(grad - gradapprox) / (np.linalg.norm(grad) + np.linalg.norm(gradapprox))
        message = check.judge(expected, as_from_the_kernel(difference), case)
        assert "is above 1, impossible for this formula" in message
        assert "one of grad and gradapprox is an (n,) vector and the other an (n, 1) column" in message


# ---------------------------------------------------------------- the right numbers in tensors, not variables
def test_c2w3_parameters_must_be_trainable_variables():
    import tensorflow as tf
    for case, expected, check in public_cases("c2w3_tensorflow_intro", "initialize_parameters"):
        as_variables = {key: tf.Variable(np.asarray(value)) for key, value in expected.items()}
        assert check.judge(expected, as_from_the_kernel(as_variables), case) is None
        as_tensors = {key: tf.constant(np.asarray(value)) for key, value in expected.items()}
        assert "is a tensor, not a variable" in check.judge(expected, as_from_the_kernel(as_tensors), case)
        frozen = as_variables | {"b2": tf.Variable(np.asarray(expected["b2"]), trainable=False)}
        assert "parameters['b2'] is a tf.Variable with trainable=False" in check.judge(
            expected, as_from_the_kernel(frozen), case)


# ---------------------------------------------------------------- every declared known mistake
def declared_mistakes():
    """(assignment, exercise) of every Check that declares known mistakes."""
    return [(assignment_id, exercise_id) for assignment_id in known_ids()
            for exercise_id, check in Assignment(assignment_id).checks.items() if check.known_mistakes]


def mistake_values(check, case):
    """(mistake, its value on the case as the kernel would send it) for each mistake that can be computed."""
    values = []
    for mistake in check.known_mistakes:
        try:
            values.append((mistake, as_from_the_kernel(mistake.value(case))))
        except Exception:  # a mistake that cannot be computed for this case is not this learner's
            continue
    return values


def _same(value, other, atol):
    return close(atol=atol, rtol=0)(value, other, None) is None


@pytest.mark.parametrize("assignment_id, exercise_id", declared_mistakes())
def test_every_known_mistake_is_named_on_the_public_cases(assignment_id, exercise_id):
    tried, named_itself = 0, {}
    for case, expected, check in public_cases(assignment_id, exercise_id):
        values = mistake_values(check, case)
        for mistake, value in values:
            # A value not equal to itself (NaN) cannot be recognised; one the comparison accepts (a
            # statistical check of many draws, a variant that gives the right answer here) has nothing to name.
            if not _same(value, value, 0) or (case.compare or check.compare or close())(expected, value, case) is None:
                continue
            # Variants with the same output cannot be told apart: the first one listed names them all.
            named = next(m.message for m, v in values if _same(v, value, m.atol))
            assert check.judge(expected, value, case) == named, (case.name, mistake.message)
            named_itself[mistake.message] = named_itself.get(mistake.message, False) or named == mistake.message
            tried += 1
    assert tried, f"{exercise_id}: no known mistake could be tried on a public case"
    # ...but some public case must tell each one apart, or its own message is never shown.
    never = [message for message, shown in named_itself.items() if not shown]
    assert not never, f"{exercise_id}: no public case tells these mistakes from an earlier one: {never}"
