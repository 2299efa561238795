"""Checks of assignment C1W3 (planar classification). Expected outputs: expected/*.npz.

Most exercises are compared with the reference outputs. Two are judged on what the
learner's function does rather than on recorded values, by functions of this module that
run in the grader's process:
- backward_propagation: one case compares the gradients with finite differences of the
  cost, computed here with this module's own forward pass;
- nn_model: the returned parameters are scored here, on the training data and on a flower
  drawn with another seed (the hidden case's flower is one the learner's kernel never sees).
  Judging the trained model rather than its exact weights also means that a mistake in a
  helper nn_model calls (an initialisation drawn in another order, say) costs that helper's
  points, not these.
"""
from dataclasses import dataclass

import numpy as np
from scipy.special import expit

from grader.checks import Case, Check, KnownMistake, array_of_shape, close, dict_of_arrays, n_parts
from lessons.data import make_planar, make_planar_flower

rng = np.random.default_rng(303)

GRADIENT_EPSILON = 1e-7     # the nudge of the finite differences
GRADIENT_TOLERANCE = 1e-7   # relative difference; correct code gives about 1e-9 here


# ---------------------------------------------------------------- a reference forward pass
def _forward(parameters, X):
    A1 = np.tanh(parameters["W1"] @ X + parameters["b1"])
    return expit(parameters["W2"] @ A1 + parameters["b2"])  # no overflow warning when a bug sends it far


def _cost(A2, Y):
    return float(-np.mean(Y * np.log(A2) + (1 - Y) * np.log(1 - A2)))


def _accuracy(parameters, X, Y):
    return float(np.mean((_forward(parameters, X) > 0.5) == (Y > 0.5)))


def _parameters(n_x, n_h, n_y, scale):
    """Random parameters with non-zero biases, so that every gradient is non-zero."""
    return {"W1": rng.standard_normal((n_h, n_x)) * scale, "b1": rng.standard_normal((n_h, 1)) * scale,
            "W2": rng.standard_normal((n_y, n_h)) * scale, "b2": rng.standard_normal((n_y, 1)) * scale}


def _cache(parameters, X):
    Z1 = parameters["W1"] @ X + parameters["b1"]
    A1 = np.tanh(Z1)
    Z2 = parameters["W2"] @ A1 + parameters["b2"]
    return {"Z1": Z1, "A1": A1, "Z2": Z2, "A2": 1 / (1 + np.exp(-Z2))}


def _labels(m):
    return (rng.random((1, m)) > 0.5).astype(np.float64)


# ---------------------------------------------------------------- initialize_parameters
def initialisation(standard_normal, scale=0.01):
    """What initialize_parameters returns for a case when W1, then W2, are drawn by the function
    that `standard_normal()` makes, times `scale`."""
    def parameters(case):
        n_x, n_h, n_y = case.args
        draw = standard_normal()
        return {"W1": draw((n_h, n_x)) * scale, "b1": np.zeros((n_h, 1)),
                "W2": draw((n_y, n_h)) * scale, "b2": np.zeros((n_y, 1))}
    return parameters


def _legacy_standard_normal():
    stream = np.random.RandomState(2)  # the global stream as np.random.seed(2) leaves it
    return lambda shape: stream.randn(*shape)


INITIALISATION_MISTAKES = (
    KnownMistake("these are the values of the legacy np.random.seed(2) / np.random.randn stream: draw from the "
                 "rng = np.random.default_rng(2) this notebook asks for, with rng.standard_normal(...)",
                 initialisation(_legacy_standard_normal)),
    KnownMistake("the weights are 100 times too large: multiply rng.standard_normal(...) by 0.01",
                 initialisation(lambda: np.random.default_rng(2).standard_normal, scale=1)),
    KnownMistake("these are the values of the legacy np.random.seed(2) / np.random.randn stream, not multiplied by "
                 "0.01: draw from the rng = np.random.default_rng(2) this notebook asks for, with "
                 "rng.standard_normal(...) * 0.01",
                 initialisation(_legacy_standard_normal, scale=1)),
    KnownMistake("W1 and W2 are all zeros, so every hidden unit would compute the same thing: draw them with "
                 "rng.standard_normal(...) * 0.01 (only the biases start at zero)",
                 initialisation(lambda: np.zeros)),
)


# ---------------------------------------------------------------- layer_sizes
def same_sizes(expected, got, case):
    message = n_parts(got, 3, "the result (n_x, n_h, n_y)")
    if message:
        return message
    for name, e, g in zip(("n_x", "n_h", "n_y"), expected, got):
        if np.shape(g) != () or np.asarray(g).dtype.kind not in "iuf" or g != e:
            shown = repr(g.item()) if isinstance(g, np.generic) else \
                repr(g) if isinstance(g, (int, float, np.ndarray)) else f"a {type(g).__name__}"
            return f"{name} should be {int(e)} for X of shape {case.args[0].shape} and Y of shape " \
                   f"{case.args[1].shape}, got {shown}"
    return None


# ---------------------------------------------------------------- compute_cost
def same_cost(expected, got, case):
    if got is not None and not isinstance(got, (int, float, np.generic)) and np.shape(got) != ():
        return f"return the cost as a float, not an array of shape {np.shape(got)} (wrap it in float(...))"
    return close(atol=1e-8, rtol=1e-7)(expected, got, case, "the cost")


# ---------------------------------------------------------------- backward_propagation
def gradient_check(expected, got, case):
    """Compare the learner's gradients with (J(θ+ε) − J(θ−ε)) / 2ε for every parameter θ."""
    parameters, _, X, Y = case.args
    shapes = {"d" + k: v.shape for k, v in parameters.items()}
    message = dict_of_arrays(got, shapes)
    if message:
        return message
    worst, worst_name = 0.0, None
    for name, value in parameters.items():
        numeric = np.zeros_like(value)
        for index in np.ndindex(value.shape):
            nudged = {k: v.copy() for k, v in parameters.items()}
            nudged[name][index] = value[index] + GRADIENT_EPSILON
            cost_plus = _cost(_forward(nudged, X), Y)
            nudged[name][index] = value[index] - GRADIENT_EPSILON
            cost_minus = _cost(_forward(nudged, X), Y)
            numeric[index] = (cost_plus - cost_minus) / (2 * GRADIENT_EPSILON)
        analytic = np.asarray(got["d" + name], dtype=np.float64)
        scale = np.linalg.norm(analytic) + np.linalg.norm(numeric)
        difference = np.linalg.norm(analytic - numeric) / scale if scale else 0.0
        if difference > worst:
            worst, worst_name = difference, "d" + name
    if worst > GRADIENT_TOLERANCE:
        return (f"{worst_name} disagrees with the finite-difference gradient: relative difference "
                f"{worst:.2g}, where correct code gives less than {GRADIENT_TOLERANCE:g}")
    return None


# ---------------------------------------------------------------- nn_model
@dataclass(frozen=True)
class Standard:
    """What a correct nn_model reaches on a case: accuracy on its training data and, when
    held_out_seed is set, on a new flower of 400 points drawn in this process with that seed."""
    min_train_accuracy: float
    held_out_seed: int = None
    min_held_out_accuracy: float = 0.85


def trained_model(expected, got, case):
    """The parameters have the right shapes and classify as well as `case.reference` asks."""
    X, Y, n_h = case.args[:3]
    n_x, n_y = X.shape[0], Y.shape[0]
    shapes = {"W1": (n_h, n_x), "b1": (n_h, 1), "W2": (n_y, n_h), "b2": (n_y, 1)}
    message = dict_of_arrays(got, shapes, "the returned parameters")
    if message:
        return message
    parameters = {k: np.asarray(got[k], dtype=np.float64) for k in shapes}
    standard = case.reference
    accuracy = _accuracy(parameters, X, Y)
    if accuracy < standard.min_train_accuracy:
        return (f"the trained network classifies {accuracy:.1%} of its training examples right; "
                f"a correct nn_model reaches at least {standard.min_train_accuracy:.0%}")
    if standard.held_out_seed is not None:
        X_new, Y_new = make_planar_flower(m=400, seed=standard.held_out_seed)
        accuracy = _accuracy(parameters, X_new, Y_new)
        if accuracy < standard.min_held_out_accuracy:
            return (f"on a new flower it was not trained on, the network classifies {accuracy:.1%} "
                    f"of the points right; a correct nn_model reaches at least {standard.min_held_out_accuracy:.0%}")
    return None


# ---------------------------------------------------------------- predict
def same_predictions(expected, got, case):
    expected = np.asarray(expected)
    message = array_of_shape(got, expected.shape, "the predictions")
    if message:
        return message
    values = np.asarray(got, dtype=np.float64)
    if not np.all((values == 0) | (values == 1)):
        return "the predictions should be 0s and 1s (or False and True), not probabilities"
    wrong = int(np.sum(values != expected.astype(np.float64)))
    if wrong:
        return f"{wrong} of the {expected.size} predictions are wrong"
    return None


# ---------------------------------------------------------------- the cases
# A small network, written out so the first cases can be followed by hand.
SMALL_X = np.array([[1.0, -2.0, 0.5], [0.0, 1.5, -1.0]])
SMALL_Y = np.array([[1.0, 0.0, 1.0]])
SMALL_PARAMETERS = {"W1": np.array([[0.2, -0.4], [-0.3, 0.1], [0.5, 0.25], [-0.1, -0.6]]),
                    "b1": np.array([[0.1], [-0.2], [0.0], [0.3]]),
                    "W2": np.array([[0.7, -0.5, 0.3, 0.9]]),
                    "b2": np.array([[-0.1]])}
SMALL_GRADS = {"dW1": np.array([[0.01, -0.02], [0.03, 0.0], [-0.05, 0.04], [0.02, 0.01]]),
               "db1": np.array([[0.001], [-0.002], [0.003], [0.0]]),
               "dW2": np.array([[0.1, -0.2, 0.05, 0.0]]),
               "db2": np.array([[-0.04]])}

_X3 = rng.standard_normal((3, 6))
_P3 = _parameters(3, 5, 1, 1.0)
_X_flower, _Y_flower = make_planar_flower(m=400, seed=1)
_Y_flower = _Y_flower.astype(np.float64)
_few = rng.choice(400, 50, replace=False)
_P_flower = _parameters(2, 4, 1, 1.0)
_X_back, _Y_back = rng.standard_normal((3, 7)), _labels(7)
_P_back = _parameters(3, 5, 1, 0.8)
_X_grad, _Y_grad = rng.standard_normal((2, 20)), _labels(20)
_P_grad = _parameters(2, 4, 1, 0.8)
_X_small_flower, _Y_small_flower = make_planar_flower(m=200, seed=3)
_X_moons, _Y_moons = make_planar("moons", m=200, noise=0.2, seed=0)
_X_flower_300, _Y_flower_300 = make_planar_flower(m=300, seed=5)
_P_update = _parameters(3, 5, 2, 1.0)
_G_update = {"d" + k: v for k, v in _parameters(3, 5, 2, 0.1).items()}
_X_predict = rng.standard_normal((3, 20))
_P_predict = _P3

CHECKS = [
    Check("layer_sizes",
          hint="n_x is the number of rows of X, n_y the number of rows of Y (read them from the "
               "arrays' shapes, don't write the flower's sizes in), and n_h is 4",
          cases=(
              Case("the flower: 2 features, 1 label row", (_X_flower, _Y_flower), public=True),
              Case("5 features and 2 label rows", (rng.standard_normal((5, 3)), rng.standard_normal((2, 3)))),
              Case("7 features, 10 examples", (rng.standard_normal((7, 10)), _labels(10))),
          ),
          compare=same_sizes),
    Check("initialize_parameters",
          hint="one generator, rng = np.random.default_rng(2); W1 = rng.standard_normal((n_h, n_x)) * 0.01 "
               "first, then W2 = rng.standard_normal((n_y, n_h)) * 0.01; b1, b2 zeros of shape (n_h, 1), (n_y, 1)",
          cases=(
              Case("n_x=2, n_h=4, n_y=1", (2, 4, 1), public=True),
              Case("n_x=3, n_h=5, n_y=2", (3, 5, 2)),
              Case("n_x=6, n_h=1, n_y=3", (6, 1, 3)),
          ),
          compare=close(atol=1e-10, rtol=1e-7),
          known_mistakes=INITIALISATION_MISTAKES),
    Check("forward_propagation",
          hint="Z1 = W1 @ X + b1, A1 = np.tanh(Z1), Z2 = W2 @ A1 + b2, A2 = sigmoid(Z2); "
               "return A2 and the dict cache with the keys Z1, A1, Z2, A2",
          cases=(
              Case("the small network on 3 examples", (SMALL_X, SMALL_PARAMETERS), public=True),
              Case("3 features, 5 hidden units, 6 examples", (_X3, _P3)),
              Case("50 points of the flower", (_X_flower[:, _few], _P_flower)),
          ),
          compare=close(atol=1e-8, rtol=1e-6)),
    Check("compute_cost",
          hint="J = -(1/m) Σ [y log(a) + (1 - y) log(1 - a)] over the m columns, both terms, "
               "returned as a Python float",
          cases=(
              Case("four predictions", (np.array([[0.8, 0.1, 0.6, 0.3]]), np.array([[1.0, 0.0, 1.0, 1.0]])),
                   public=True),
              Case("50 predictions", (rng.uniform(0.02, 0.98, (1, 50)), _labels(50))),
              Case("confident and right", (np.array([[0.999, 0.002, 0.98]]), np.array([[1.0, 0.0, 1.0]]))),
          ),
          compare=same_cost),
    Check("backward_propagation",
          hint="dZ2 = A2 - Y; dW2 = dZ2 @ A1.T / m; db2 = np.sum(dZ2, axis=1, keepdims=True) / m; "
               "dZ1 = (W2.T @ dZ2) * (1 - A1**2), tanh's derivative; dW1 = dZ1 @ X.T / m; db1 like db2. "
               "The gradient check nudges each parameter by ±1e-7 and compares the change in the cost "
               "with your gradient",
          cases=(
              Case("the small network on 3 examples", (SMALL_PARAMETERS, _cache(SMALL_PARAMETERS, SMALL_X),
                                                       SMALL_X, SMALL_Y), public=True),
              Case("gradient check against finite differences",
                   (_P_grad, _cache(_P_grad, _X_grad), _X_grad, _Y_grad), public=True, compare=gradient_check),
              Case("3 features, 5 hidden units, 7 examples", (_P_back, _cache(_P_back, _X_back), _X_back, _Y_back)),
              Case("50 points of the flower", (_P_flower, _cache(_P_flower, _X_flower[:, _few]),
                                               _X_flower[:, _few], _Y_flower[:, _few])),
          ),
          compare=close(atol=1e-8, rtol=1e-6)),
    Check("update_parameters",
          hint="for each of W1, b1, W2, b2: θ - learning_rate * dθ, with the learning_rate passed in "
               "(1.2 by default); return the four in a dict",
          cases=(
              Case("the default learning rate 1.2", (SMALL_PARAMETERS, SMALL_GRADS), public=True),
              Case("learning rate 0.3", (SMALL_PARAMETERS, SMALL_GRADS, 0.3), public=True),
              Case("learning rate 0.01", (SMALL_PARAMETERS, SMALL_GRADS, 0.01)),
              Case("two outputs, learning rate 0.5", (_P_update, _G_update, 0.5)),
          ),
          compare=close(atol=1e-10, rtol=1e-7)),
    Check("nn_model",
          hint="initialise once with layer_sizes and initialize_parameters, then in every iteration run "
               "forward_propagation, compute_cost, backward_propagation and update_parameters, keeping "
               "the parameters update_parameters returns; the checks train your network and measure "
               "its accuracy",
          cases=(
              Case("4 hidden units learn a flower of 200 points in 2000 iterations",
                   (_X_small_flower, _Y_small_flower.astype(np.float64), 4, 2000), public=True,
                   reference=Standard(min_train_accuracy=0.87)),
              # The reference: 92% of this flower and 93% of the new one; 94% and 88% in the next case.
              Case("the default 10000 iterations on a flower of 300 points generalise to a new flower",
                   (_X_flower_300, _Y_flower_300.astype(np.float64), 4), public=True,
                   reference=Standard(min_train_accuracy=0.90, held_out_seed=11)),
              Case("the default 10000 iterations generalise to a new flower", (_X_flower, _Y_flower, 4),
                   reference=Standard(min_train_accuracy=0.90, held_out_seed=7)),
              Case("6 hidden units on the two moons", (_X_moons, _Y_moons.astype(np.float64), 6, 1000),
                   reference=Standard(min_train_accuracy=0.80)),
          ),
          compare=trained_model),
    Check("predict",
          hint="A2 from forward_propagation, then 1 where A2 > 0.5 and 0 elsewhere (exactly 0.5 gives 0), "
               "an array of shape (1, m)",
          cases=(
              Case("the small network on 3 examples", (SMALL_PARAMETERS, SMALL_X), public=True),
              Case("5 hidden units, 20 examples", (_P_predict, _X_predict)),
              Case("all-zero parameters give A2 = 0.5 exactly, which is class 0",
                   ({"W1": np.zeros((4, 2)), "b1": np.zeros((4, 1)), "W2": np.zeros((1, 4)),
                     "b2": np.zeros((1, 1))}, SMALL_X)),
          ),
          compare=same_predictions),
]
