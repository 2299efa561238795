"""Checks of assignment C1W4 (a deep neural network, step by step). Expected outputs: expected/*.npz.

Tolerances: values computed in a few float64 steps must agree within atol 1e-8 (and rtol 1e-6);
training (L_layer_model) within atol 1e-6. L_layer_model is also judged on patients it never
saw: the grader makes that held-out split itself and runs its own forward pass on the
parameters the learner's training returned.
"""
from functools import lru_cache

import numpy as np
from sklearn.datasets import load_breast_cancer

from grader.checks import Case, Check, close, same_structure
from grader.codec import Unsupported

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


def _small_training_set(n_x, m):
    X = rng.standard_normal((n_x, m))
    Y = (X[0:1] + 0.5 * X[1:2] ** 2 + 0.3 * rng.standard_normal((1, m)) > 0.5).astype(float)
    return X, Y


@lru_cache(maxsize=1)
def _breast_cancer():
    """569 tumours, 30 features: 300 to train on (sent to the kernel), 269 held out (never sent),
    all standardised with the training rows' statistics. Returns X_train, Y_train, X_held, Y_held."""
    X, y = load_breast_cancer(return_X_y=True)
    order = np.random.default_rng(7).permutation(len(y))
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


def _as_costs(costs):
    try:
        return np.asarray(costs, dtype=float).ravel()
    except (TypeError, ValueError):
        return None


def _training_result(got):
    if isinstance(got, Unsupported) or not isinstance(got, (tuple, list)) or len(got) != 2:
        return None, None, "return a pair (parameters, costs)"
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
    if costs.shape != expected_costs.shape:
        return (f"costs should hold {len(expected_costs)} values, the cost at iterations 0, 100, ..., "
                f"{100 * (len(expected_costs) - 1)}; got {len(costs)}")
    for k, (e, g) in enumerate(zip(expected_costs, costs)):
        if not abs(e - g) <= 1e-6:
            return f"the cost at iteration {100 * k} should be {e:.6f}, got {g:.6f}"
    return close(atol=1e-6)(expected_parameters, parameters, case, "the trained parameters")


def predicts_held_out_patients(expected, got, case):
    """Accuracy of the returned parameters on the held-out tumours, computed here."""
    parameters, costs, message = _training_result(got)
    if message:
        return message
    layers_dims, trained = case.args[2], {}
    for l in range(1, len(layers_dims)):
        for key, shape in ((f"W{l}", (layers_dims[l], layers_dims[l - 1])), (f"b{l}", (layers_dims[l], 1))):
            value = parameters.get(key)
            if value is None:
                return f"parameters should hold {key}"
            if isinstance(value, Unsupported) or np.shape(value) != shape:
                return f"parameters[{key!r}] should be an array of shape {shape}"
            trained[key] = np.asarray(value, dtype=float)
    _, _, X_held, Y_held = _breast_cancer()
    AL, _ = _forward(X_held, trained)
    accuracy = float(np.mean((AL > 0.5) == (Y_held > 0.5)))
    if not accuracy >= HELD_OUT_ACCURACY:
        return (f"the trained network is right on {accuracy:.1%} of the held-out patients; "
                f"a correct training loop reaches at least {HELD_OUT_ACCURACY:.0%}")
    return None


def judge_training(expected, got, case):
    """The small cases against the reference's costs and parameters; the breast-cancer case on held-out data."""
    if case.name == HELD_OUT_CASE:
        return predicts_held_out_patients(expected, got, case)
    return trains_like_the_reference(expected, got, case)


# ---------------------------------------------------------------- the checks
BC_X, BC_Y, _, _ = _breast_cancer()
HELD_OUT_CASE = f"breast cancer [30, 20, 7, 5, 1], 1000 iterations: held-out accuracy >= {HELD_OUT_ACCURACY:.2f}"

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
          compare=float64_close(atol=1e-8)),
    Check("linear_activation_forward",
          hint="Z = W @ A_prev + b, then A = relu(Z), sigmoid(Z) or np.tanh(Z) as `activation` says; "
               "return (A, ((A_prev, W, b), Z))",
          cases=(
              Case("relu, 3 units, 4 examples", _linear_case(5, 3, 4, "relu"), public=True),
              Case("sigmoid, 1 unit, 6 examples", _linear_case(4, 1, 6, "sigmoid"), public=True),
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
    Check("L_model_backward",
          hint="start from dAL = -(Y/AL - (1-Y)/(1-AL)); for l = L..1: dZ = dA * g'(Z) (sigmoid for layer L, "
               "relu below), dW = dZ A_prev.T / m, db = sum(dZ, axis=1, keepdims=True) / m, "
               "grads['dA' + str(l-1)] = W.T dZ",
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
              Case(HELD_OUT_CASE, (BC_X, BC_Y, [30, 20, 7, 5, 1], 0.0075, 1000)),
          ),
          compare=judge_training),
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
