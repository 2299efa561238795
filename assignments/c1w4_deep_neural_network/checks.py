"""Checks of assignment C1W4 (a deep neural network, step by step). Expected outputs: expected/*.npz.

Tolerances: values computed in a few float64 steps must agree within atol 1e-8 (and rtol 1e-6);
training (L_layer_model) within atol 1e-6. linear_forward, linear_backward and
linear_activation_backward are also compared with their library twins, computed here: a float64
keras.layers.Dense with kernel W.T and bias b, and tf.GradientTape through the same step. L_layer_model is also judged on patients it never
saw: the grader makes that held-out split itself (each such case carries its held-out patients as
its reference) and runs its own forward pass on the parameters the learner's training returned.
initialize_parameters_deep names the old course's habits (the legacy np.random stream, the 0.01
scale), computed here from each case's arguments.
"""
from functools import lru_cache

import numpy as np
from sklearn.datasets import load_breast_cancer

from grader.checks import (Case, Check, KnownMistake, agrees_with, close, dict_of_arrays, import_keras, import_tf,
                           n_parts, same_structure)

rng = np.random.default_rng(404)

HELD_OUT_ACCURACY = 0.92   # the reference reaches 0.978 (263 of the 269 held-out patients)


# ---------------------------------------------------------------- case makers (grader side)
def _parameters(layer_dims):
    """Random parameters with non-zero biases, so that forgetting b shows."""
    params = {}
    for l in range(1, len(layer_dims)):
        params[f"W{l}"] = rng.standard_normal((layer_dims[l], layer_dims[l - 1])) / np.sqrt(layer_dims[l - 1])
        params[f"b{l}"] = rng.standard_normal((layer_dims[l], 1)) * 0.5
    return params


def _forward(X, params):
    """[LINEAR -> RELU] x (L-1) -> LINEAR -> SIGMOID with caches ((A_prev, W, b), Z)."""
    L = len(params) // 2
    A, caches = X, []
    for l in range(1, L + 1):
        W, b = params[f"W{l}"], params[f"b{l}"]
        Z = W @ A + b
        caches.append(((A, W, b), Z))
        A = 1 / (1 + np.exp(-Z)) if l == L else np.maximum(Z, 0)
    return A, caches


def _labels(m):
    return (rng.random((1, m)) < 0.5).astype(float)


def _backward_case(layer_dims, m):
    X = rng.standard_normal((layer_dims[0], m))
    AL, caches = _forward(X, _parameters(layer_dims))
    return AL, _labels(m), caches


def _grads(layer_dims, with_dA=True):
    grads = {}
    for l in range(1, len(layer_dims)):
        if with_dA:
            grads[f"dA{l - 1}"] = rng.standard_normal((layer_dims[l - 1], 5))
        grads[f"dW{l}"] = rng.standard_normal((layer_dims[l], layer_dims[l - 1]))
        grads[f"db{l}"] = rng.standard_normal((layer_dims[l], 1))
    return grads


def _linear_case(n_prev, n, m, activation):
    return (rng.standard_normal((n_prev, m)), rng.standard_normal((n, n_prev)),
            rng.standard_normal((n, 1)), activation)


def _linear_backward_case(n_prev, n, m):
    """dZ (n, m) and the linear cache (A_prev, W, b)."""
    A_prev, W, b, _ = _linear_case(n_prev, n, m, None)
    return rng.standard_normal((n, m)), (A_prev, W, b)


def _activation_backward_case(n_prev, n, m, activation):
    """dA (n, m), the cache ((A_prev, W, b), Z) with Z = W A_prev + b, and the activation."""
    A_prev, W, b, _ = _linear_case(n_prev, n, m, None)
    return rng.standard_normal((n, m)), ((A_prev, W, b), W @ A_prev + b), activation


def _small_training_set(n_x, m):
    X = rng.standard_normal((n_x, m))
    Y = (X[0:1] + 0.5 * X[1:2] ** 2 + 0.3 * rng.standard_normal((1, m)) > 0.5).astype(float)
    return X, Y


@lru_cache(maxsize=2)
def _breast_cancer(split_seed):
    """569 tumours, 30 features: 300 to train on (sent to the kernel), 269 held out (never sent),
    all standardised with the training rows' statistics. Returns X_train, Y_train, X_held, Y_held."""
    X, y = load_breast_cancer(return_X_y=True)
    order = np.random.default_rng(split_seed).permutation(len(y))
    train, held = order[:300], order[300:]
    mu, sigma = X[train].mean(axis=0), X[train].std(axis=0)
    as_columns = lambda rows: ((X[rows] - mu) / sigma).T
    return (as_columns(train), y[train].reshape(1, -1).astype(float),
            as_columns(held), y[held].reshape(1, -1).astype(float))


# ---------------------------------------------------------------- comparisons
def float64_close(atol):
    """The values within atol (no relative slack), after checking every array is float64."""
    def compare(expected, got, case):
        if isinstance(got, dict):
            for key, value in got.items():
                dtype = getattr(value, "dtype", None)
                if dtype is not None and dtype.kind == "f" and dtype != np.float64:
                    return f"{key} has dtype {dtype}: keep NumPy's default float64"
        return close(atol=atol, rtol=0)(expected, got, case)
    return compare


def forward_compare(expected, got, case):
    """(AL, caches): count the caches first, for a clearer message."""
    if isinstance(got, (tuple, list)) and len(got) == 2 and isinstance(got[1], (tuple, list)):
        L = len(expected[1])
        if len(got[1]) != L:
            return f"caches should hold one cache per layer: {L} for this network, got {len(got[1])}"
    return close(atol=1e-8)(expected, got, case)


def _keras_linear(A, W, b):
    """keras.layers.Dense (float64, no activation) with kernel W.T and bias b, on A.T (examples in rows): Z."""
    layer = import_keras().layers.Dense(W.shape[0], dtype="float64")
    layer.build((None, W.shape[1]))
    layer.set_weights([W.T, b.ravel()])
    return np.asarray(layer(A.T)).T


def linear_forward_result(expected, got, case):
    """(Z, cache): Z against the Keras Dense twin, then both parts against the reference."""
    message = n_parts(got, 2, "the result (Z, cache)")
    if message:
        return message
    message = agrees_with(got[0], _keras_linear(*case.args), "keras.layers.Dense(kernel=W.T, bias=b) on A.T",
                          atol=1e-8, what="Z")
    return message or close(atol=1e-8)(expected, got, case)


def _taped_gradients(dOut, A_prev, W, b, activation):
    """tf.GradientTape's gradients of sum(dOut * g(W A_prev + b)) (g the identity, or a Keras activation),
    in the course's convention: dA_prev as it comes, dW and db divided by the m examples."""
    tf = import_tf()
    A_prev, W, b = (tf.Variable(x) for x in (A_prev, W, b))
    with tf.GradientTape() as tape:
        Z = W @ A_prev + b
        out = Z if activation is None else import_keras().activations.get(activation)(Z)
        total = tf.reduce_sum(dOut * out)
    dA_prev, dW, db = (np.asarray(g) for g in tape.gradient(total, [A_prev, W, b]))
    m = A_prev.shape[1]
    return dA_prev, dW / m, db / m


def _gradients_agree(expected, got, case, dOut, linear_cache, activation):
    message = n_parts(got, 3, "the result (dA_prev, dW, db)")
    if message:
        return message
    through = f"keras.activations.{activation} and " if activation else ""
    twins = _taped_gradients(dOut, *linear_cache, activation)
    for what, mine, twin in zip(("dA_prev", "dW", "db"), got, twins):
        message = agrees_with(mine, twin, f"tf.GradientTape through {through}W @ A_prev + b", atol=1e-8, what=what)
        if message:
            return message
    return close(atol=1e-8)(expected, got, case)


def linear_backward_result(expected, got, case):
    dZ, linear_cache = case.args
    return _gradients_agree(expected, got, case, dZ, linear_cache, None)


def activation_backward_result(expected, got, case):
    dA, (linear_cache, _), activation = case.args
    return _gradients_agree(expected, got, case, dA, linear_cache, activation)


def _as_costs(costs):
    try:
        return np.asarray(costs, dtype=float).ravel()
    except (TypeError, ValueError):
        return None


def _training_result(got):
    message = n_parts(got, 2, "the result (parameters, costs)")
    if message:
        return None, None, message
    parameters, costs = got
    if not isinstance(parameters, dict):
        return None, None, f"parameters should be a dict, got {type(parameters).__name__}"
    costs = _as_costs(costs)
    if costs is None:
        return None, None, "costs should be a list of numbers"
    return parameters, costs, None


def trains_like_the_reference(expected, got, case):
    """The recorded costs (iterations 0, 100, ...) and the final parameters, within atol 1e-6."""
    parameters, costs, message = _training_result(got)
    if message:
        return message
    expected_parameters, expected_costs = expected
    expected_costs = _as_costs(expected_costs)
    if costs.size == 0 and expected_costs.size:   # the classic loop appended the cost only when printing it
        return "costs is empty: record the cost every 100 iterations whether or not print_cost is set"
    if costs.shape != expected_costs.shape:
        return (f"costs should hold {len(expected_costs)} values, the cost at iterations 0, 100, ..., "
                f"{100 * (len(expected_costs) - 1)}; got {len(costs)}")
    for k, (e, g) in enumerate(zip(expected_costs, costs)):
        if not abs(e - g) <= 1e-6:
            return f"the cost at iteration {100 * k} should be {e:.6f}, got {g:.6f}"
    return close(atol=1e-6)(expected_parameters, parameters, case, "the trained parameters")


def predicts_held_out_patients(expected, got, case):
    """Accuracy of the returned parameters on the held-out tumours (the case's reference), computed here."""
    parameters, costs, message = _training_result(got)
    if message:
        return message
    layers_dims = case.args[2]
    shapes = {}
    for l in range(1, len(layers_dims)):
        shapes[f"W{l}"], shapes[f"b{l}"] = (layers_dims[l], layers_dims[l - 1]), (layers_dims[l], 1)
    message = dict_of_arrays(parameters, shapes, "the returned parameters", finite=False)
    if message:
        return message
    X_held, Y_held = case.reference
    AL, _ = _forward(X_held, {key: np.asarray(parameters[key], dtype=float) for key in shapes})
    accuracy = float(np.mean((AL > 0.5) == (Y_held > 0.5)))
    if not accuracy >= HELD_OUT_ACCURACY:
        return (f"the trained network is right on {accuracy:.1%} of the held-out patients; "
                f"a correct training loop reaches at least {HELD_OUT_ACCURACY:.0%}")
    return None


def _held_out_case(name, split_seed, layers_dims, learning_rate, num_iterations, public=False):
    """Training on 300 tumours of a split, judged on the split's 269 held-out ones."""
    X_train, Y_train, X_held, Y_held = _breast_cancer(split_seed)
    return Case(name, (X_train, Y_train, layers_dims, learning_rate, num_iterations), public=public,
                compare=predicts_held_out_patients, reference=(X_held, Y_held))


# ---------------------------------------------------------------- known mistakes of initialize_parameters_deep
def _initialisation(layer_dims, draw, scale):
    """W_l = draw((n_l, n_{l-1})) * scale(n_{l-1}) in layer order, zero biases."""
    parameters = {}
    for l in range(1, len(layer_dims)):
        parameters[f"W{l}"] = draw((layer_dims[l], layer_dims[l - 1])) * scale(layer_dims[l - 1])
        parameters[f"b{l}"] = np.zeros((layer_dims[l], 1))
    return parameters


def _legacy_draws():
    return np.random.RandomState(3).standard_normal   # np.random.seed(3); np.random.randn(...), never the global state


def _notebook_draws():
    return np.random.default_rng(3).standard_normal


INITIALISATION_MISTAKES = (
    KnownMistake("these are the values of the legacy np.random.seed/randn stream: draw from the "
                 "`rng = np.random.default_rng(3)` this notebook asks for, with rng.standard_normal((n_l, n_{l-1}))",
                 lambda case: _initialisation(case.args[0], _legacy_draws(), lambda n_prev: 1 / np.sqrt(n_prev))),
    KnownMistake("your weights are the right draws times 0.01, the old course's scale: divide by "
                 "np.sqrt(layer_dims[l - 1]) instead, so that deep activations neither vanish nor explode",
                 lambda case: _initialisation(case.args[0], _notebook_draws(), lambda n_prev: 0.01)),
    KnownMistake("these are the old course's weights, np.random.seed(3) then np.random.randn(...) * 0.01: draw "
                 "from the `rng = np.random.default_rng(3)` this notebook asks for and divide by "
                 "np.sqrt(layer_dims[l - 1]) instead of multiplying by 0.01",
                 lambda case: _initialisation(case.args[0], _legacy_draws(), lambda n_prev: 0.01)),
)


# ---------------------------------------------------------------- known mistakes of linear_backward
def _linear_gradients_times_m(case):
    """dW and db without the 1/m: the gradients of the summed loss, not of the mean cost J."""
    dZ, (A_prev, W, b) = case.args
    return W.T @ dZ, dZ @ A_prev.T, np.sum(dZ, axis=1, keepdims=True)


LINEAR_BACKWARD_MISTAKES = (
    KnownMistake("your dW and db are m times too large: the cost J is the mean of the m losses, so divide "
                 "dZ @ A_prev.T and the row sums of dZ by m (dA_prev stays W.T @ dZ)", _linear_gradients_times_m),
)


# ---------------------------------------------------------------- the checks
CHECKS = [
    Check("initialize_parameters_deep",
          hint="create rng = np.random.default_rng(3) once; for l = 1..L draw "
               "W_l = rng.standard_normal((n_l, n_{l-1})) / np.sqrt(n_{l-1}) in layer order; b_l = zeros (n_l, 1)",
          cases=(
              Case("layer_dims [5, 4, 3]", ([5, 4, 3],), public=True),
              Case("layer_dims [3, 2, 1]", ([3, 2, 1],), public=True),
              Case("one layer [4, 1]", ([4, 1],)),
              Case("wide then narrow [2, 50, 1]", ([2, 50, 1],)),
              Case("a bigger network [300, 20, 7, 5, 1]", ([300, 20, 7, 5, 1],)),
          ),
          compare=float64_close(atol=1e-8),
          known_mistakes=INITIALISATION_MISTAKES),
    Check("linear_forward",
          hint="Z = W @ A + b (a matrix product, then b broadcast over the m columns); return (Z, (A, W, b))",
          cases=(
              Case("3 units, 5 inputs, 4 examples", _linear_case(5, 3, 4, None)[:3], public=True),
              Case("1 unit, 2 inputs, 6 examples", _linear_case(2, 1, 6, None)[:3], public=True),
              Case("7 units, 4 inputs, 9 examples", _linear_case(4, 7, 9, None)[:3]),
              Case("one example (m = 1)", _linear_case(6, 5, 1, None)[:3]),
          ),
          compare=linear_forward_result),
    Check("linear_activation_forward",
          hint="Z, linear_cache = linear_forward(A_prev, W, b), then A = relu(Z), sigmoid(Z) or np.tanh(Z) as "
               "`activation` says; return (A, (linear_cache, Z))",
          cases=(
              Case("relu, 3 units, 4 examples", _linear_case(5, 3, 4, "relu"), public=True),
              Case("sigmoid, 1 unit, 6 examples", _linear_case(4, 1, 6, "sigmoid"), public=True),
              Case("tanh, 2 units, 3 examples", _linear_case(2, 2, 3, "tanh"), public=True),
              Case("tanh, 4 units, 5 examples", _linear_case(3, 4, 5, "tanh")),
              Case("relu on one example (m = 1)", _linear_case(6, 5, 1, "relu")),
          ),
          compare=close(atol=1e-8)),
    Check("L_model_forward",
          hint="L = len(parameters) // 2; layers 1..L-1 use relu and layer L sigmoid, each through "
               "linear_activation_forward; append every layer's cache (L caches); it must work for L = 1 too",
          cases=(
              Case("three layers [5, 4, 3, 1], 4 examples", (rng.standard_normal((5, 4)), _parameters([5, 4, 3, 1])),
                   public=True),
              Case("two layers [10, 6, 1], 50 examples", (rng.standard_normal((10, 50)), _parameters([10, 6, 1])),
                   public=True),
              Case("one layer [6, 1]: logistic regression", (rng.standard_normal((6, 7)), _parameters([6, 1]))),
              Case("five layers [8, 7, 6, 5, 4, 1]", (rng.standard_normal((8, 3)), _parameters([8, 7, 6, 5, 4, 1]))),
          ),
          compare=forward_compare),
    Check("compute_cost",
          hint="J = -(1/m) * sum(Y * log(AL) + (1 - Y) * log(1 - AL)) over the m examples; "
               "return a number (a float), not a (1, 1) array",
          cases=(
              Case("AL = [[0.8, 0.9, 0.4]], Y = [[1, 1, 0]]", (np.array([[0.8, 0.9, 0.4]]), np.array([[1., 1., 0.]])),
                   public=True),
              Case("25 random examples", (rng.uniform(0.05, 0.95, (1, 25)), _labels(25)), public=True),
              Case("confident predictions, right and wrong", (np.array([[0.999, 0.001, 0.02, 0.97]]),
                                                               np.array([[1., 0., 1., 0.]]))),
          ),
          compare=close(atol=1e-8)),
    Check("linear_backward",
          hint="with A_prev, W, b = cache and m = A_prev.shape[1]: dW = dZ @ A_prev.T / m, "
               "db = np.sum(dZ, axis=1, keepdims=True) / m, dA_prev = W.T @ dZ; return (dA_prev, dW, db)",
          cases=(
              Case("3 units, 5 inputs, 4 examples", _linear_backward_case(5, 3, 4), public=True),
              Case("1 unit, 3 inputs, 10 examples", _linear_backward_case(3, 1, 10), public=True),
              Case("6 units, 2 inputs, 7 examples", _linear_backward_case(2, 6, 7)),
              Case("one example (m = 1)", _linear_backward_case(4, 3, 1)),
          ),
          compare=linear_backward_result,
          known_mistakes=LINEAR_BACKWARD_MISTAKES),
    Check("linear_activation_backward",
          hint="with linear_cache, Z = cache: dZ = dA * g'(Z), where g' is (Z > 0) for relu, s * (1 - s) with "
               "s = sigmoid(Z) for sigmoid, 1 - np.tanh(Z) ** 2 for tanh; then return linear_backward(dZ, linear_cache)",
          cases=(
              Case("relu, 3 units, 4 examples", _activation_backward_case(5, 3, 4, "relu"), public=True),
              Case("sigmoid, 1 unit, 6 examples", _activation_backward_case(4, 1, 6, "sigmoid"), public=True),
              Case("tanh, 2 units, 5 examples", _activation_backward_case(3, 2, 5, "tanh"), public=True),
              Case("relu on one example (m = 1)", _activation_backward_case(6, 4, 1, "relu")),
              Case("sigmoid, 2 units, 12 examples", _activation_backward_case(5, 2, 12, "sigmoid")),
              Case("tanh, 5 units, 3 examples", _activation_backward_case(2, 5, 3, "tanh")),
          ),
          compare=activation_backward_result),
    Check("L_model_backward",
          hint="start from dAL = -(Y/AL - (1-Y)/(1-AL)); for l = L..1: dA, dW, db = "
               "linear_activation_backward(dA, caches[l-1], 'sigmoid' for layer L, 'relu' below); store "
               "grads['dW' + str(l)], grads['db' + str(l)] and grads['dA' + str(l-1)] = the dA it returns",
          cases=(
              Case("two layers [4, 3, 1], 5 examples", _backward_case([4, 3, 1], 5), public=True),
              Case("three layers [7, 6, 3, 1], 40 examples", _backward_case([7, 6, 3, 1], 40), public=True),
              Case("four layers [6, 5, 4, 3, 1], 8 examples", _backward_case([6, 5, 4, 3, 1], 8)),
              Case("one layer [5, 1]: logistic regression", _backward_case([5, 1], 6)),
          ),
          compare=close(atol=1e-8)),
    Check("update_parameters",
          hint="for l = 1..L with L = len(parameters) // 2: W_l - learning_rate * dW_l and "
               "b_l - learning_rate * db_l; return them in a new dict",
          cases=(
              Case("two layers, learning rate 0.1", (_parameters([3, 2, 1]), _grads([3, 2, 1]), 0.1), public=True),
              Case("three layers, learning rate 0.0075", (_parameters([5, 4, 3, 1]), _grads([5, 4, 3, 1]), 0.0075),
                   public=True),
              Case("grads holding only dW and db", (_parameters([4, 3, 2, 1]), _grads([4, 3, 2, 1], with_dA=False), 0.5)),
              Case("one layer", (_parameters([6, 1]), _grads([6, 1]), 1.2)),
          ),
          compare=close(atol=1e-8)),
    Check("L_layer_model",
          hint="initialise with initialize_parameters_deep(layers_dims); then num_iterations times: "
               "L_model_forward, compute_cost, L_model_backward, parameters = update_parameters(...); "
               "append the cost when i % 100 == 0",
          cases=(
              Case("[4, 5, 3, 1], 30 examples, learning rate 0.05, 201 iterations",
                   (*_small_training_set(4, 30), [4, 5, 3, 1], 0.05, 201), public=True),
              Case("[6, 8, 4, 2, 1], 40 examples, learning rate 0.1, 301 iterations",
                   (*_small_training_set(6, 40), [6, 8, 4, 2, 1], 0.1, 301), public=True),
              _held_out_case(f"another split, [30, 10, 5, 1], 800 iterations: held-out accuracy >= "
                             f"{HELD_OUT_ACCURACY:.2f}", 8, [30, 10, 5, 1], 0.01, 800, public=True),
              _held_out_case(f"breast cancer [30, 20, 7, 5, 1], 1000 iterations: held-out accuracy >= "
                             f"{HELD_OUT_ACCURACY:.2f}", 7, [30, 20, 7, 5, 1], 0.0075, 1000),
          ),
          compare=trains_like_the_reference),
    Check("build_deep_model",
          hint="Dense(n_l, activation='relu') for l = 1..L-1 and Dense(n_L, activation='sigmoid'), on inputs of "
               "shape (layer_dims[0],): keras.Sequential starting with keras.Input; keras.Input then "
               "keras.Model(inputs, outputs); or DeepNet(layer_dims) called once on a keras.Input",
          cases=(
              Case("[12288, 20, 7, 5, 1] as a Sequential model", ([12288, 20, 7, 5, 1], "sequential"), public=True),
              Case("[4, 3, 1] with the Functional API", ([4, 3, 1], "functional"), public=True),
              Case("[12288, 20, 7, 5, 1] as a subclassed model", ([12288, 20, 7, 5, 1], "subclass"), public=True),
              Case("[4, 3, 1] as a Sequential model", ([4, 3, 1], "sequential")),
              Case("[12288, 20, 7, 5, 1] with the Functional API", ([12288, 20, 7, 5, 1], "functional")),
              Case("[4, 3, 1] as a subclassed model", ([4, 3, 1], "subclass")),
              Case("[8, 6, 4, 2, 1] with the Functional API", ([8, 6, 4, 2, 1], "functional")),
          ),
          compare=same_structure),
]
