"""Checks of assignment C1W2 (logistic regression from scratch). Expected outputs: expected/*.npz.

The exercises build on each other (model calls optimize, which calls propagate, ...). So that a
mistake costs points in one exercise only, a later check does not re-judge what an earlier one
already pins: optimize accepts costs returned as 1x1 arrays (propagate's check asks for numbers),
and model's checks pin its weights and predictions but leave the cost values to optimize's check.
"""
import functools

import numpy as np

from grader.checks import Case, Check, close
from lessons.data import make_cat_dataset

rng = np.random.default_rng(2)

# The course's small example: two features, three examples.
W_COURSE, B_COURSE = np.array([[1.], [2.]]), 1.5
X_COURSE, Y_COURSE = np.array([[1., -2., -1.], [3., 0.5, -3.2]]), np.array([[1, 1, 0]])

# A small slice of the cat pictures, made here (about 1 s). The held-out pictures that judge the
# trained model are made only when that case is judged, in the grader's process.
CATS = make_cat_dataset(m_train=60, m_test=10, seed=1)
CATS_X, CATS_Y = CATS.X_train.astype(np.float64), CATS.Y_train.astype(np.float64)
CATS_X_TEST, CATS_Y_TEST = CATS.X_test.astype(np.float64), CATS.Y_test.astype(np.float64)
HELD_OUT_CASE = "trained on 60 cat pictures: accuracy on 200 pictures it never saw"
HELD_OUT_MIN_ACCURACY = 0.75  # the reference reaches 0.86; always answering "non-cat" gives 0.65


def separable(n_x, m):
    """Points in n_x dimensions labelled by the sign of the sum of their first two coordinates."""
    X = rng.normal(0, 1, (n_x, m))
    return X, (X[0:1] + X[1:2] > 0).astype(np.float64)


def parts(*names, atol=1e-6, rtol=1e-6, fix=None):
    """Compare a returned tuple part by part, naming each part in the message.

    `fix`, if given, maps a part's name to a function applied to that part first."""
    def compare(expected, got, case):
        if not isinstance(got, (tuple, list)) or len(got) != len(names):
            n = len(got) if isinstance(got, (tuple, list)) else 1
            return f"return {len(names)} values ({', '.join(names)}), got {n}"
        for name, e, g in zip(names, expected, got):
            if fix and name in fix:
                g = fix[name](g)
            message = close(atol, rtol)(e, g, case, name)
            if message:
                return message
        return None
    return compare


def _float_zeros(expected, got, case):
    message = parts("w", "b", atol=0, rtol=0)(expected, got, case)
    if message:
        return message
    w, b = got
    if np.asarray(w).dtype.kind != "f":
        return f"w should hold floats, got dtype {np.asarray(w).dtype}"
    if np.asarray(b).dtype.kind != "f":
        kind = "integer" if np.asarray(b).dtype.kind in "iu" else str(np.asarray(b).dtype)
        return f"b should be the float 0.0, got the {kind} {b}: write 0.0, not 0"
    return None


def _as_numbers(costs):
    """A list of costs with any 1x1 arrays turned into plain numbers."""
    if not isinstance(costs, (list, tuple)):
        return costs
    return [np.squeeze(c) if np.size(c) == 1 and np.asarray(c).dtype.kind in "biuf" else c for c in costs]


@functools.lru_cache(maxsize=1)
def _held_out():
    split = make_cat_dataset(m_train=1, m_test=200, seed=123)
    return split.X_test.astype(np.float64), split.Y_test.astype(np.float64)


def _held_out_accuracy(w, b):
    X, Y = _held_out()
    z = np.asarray(w, dtype=np.float64).reshape(1, -1) @ X + float(np.squeeze(b))
    return float(np.mean((z > 0) == (Y == 1)))


MODEL_KEYS = ("costs", "Y_prediction_test", "Y_prediction_train", "w", "b", "learning_rate", "num_iterations")


def _model_compare(expected, got, case):
    if not isinstance(got, dict):
        return f"model should return a dict, got {type(got).__name__}"
    missing = [key for key in MODEL_KEYS if key not in got]
    if missing:
        return f"the dict is missing the keys {missing}"
    costs, n_costs = got["costs"], len(expected["costs"])
    if not (isinstance(costs, (list, tuple)) or np.ndim(costs) == 1) or len(costs) != n_costs:
        n = f"{len(costs)} values" if isinstance(costs, (list, tuple)) or np.ndim(costs) else type(costs).__name__
        return f"the result['costs'] should be a list of {n_costs} costs (one every 100 iterations), got {n}"
    if case.name == HELD_OUT_CASE:
        n_x = case.args[0].shape[0]
        w, b = got["w"], got["b"]
        if np.shape(w) != (n_x, 1) or np.asarray(w).dtype.kind not in "biuf" or not np.all(np.isfinite(w)):
            return f"the result['w'] should be an array of finite numbers of shape {(n_x, 1)}"
        if np.size(b) != 1 or np.asarray(b).dtype.kind not in "biuf" or not np.all(np.isfinite(b)):
            return "the result['b'] should be a number"
        accuracy = _held_out_accuracy(w, b)
        if accuracy < HELD_OUT_MIN_ACCURACY:
            return (f"the trained weights classify {accuracy:.0%} of new pictures correctly; "
                    f"at least {HELD_OUT_MIN_ACCURACY:.0%} was expected")
        return None
    keys = [key for key in MODEL_KEYS if key != "costs"]
    return close()({key: expected[key] for key in keys}, {key: got[key] for key in keys}, case)


X_SEP, Y_SEP = separable(2, 40)
X_SEP_TEST, Y_SEP_TEST = separable(2, 10)
X_OPT, Y_OPT = separable(3, 20)

CHECKS = [
    Check("sigmoid",
          hint="sigmoid(z) = 1 / (1 + np.exp(-z)), element-wise with np.exp (not math.exp)",
          cases=(
              Case("sigmoid of [0, 2]", (np.array([0., 2.]),), public=True),
              Case("a single number", (-1.5,), public=True),
              Case("a 3x4 matrix", (rng.normal(0, 3, (3, 4)),)),
              Case("very large |z| gives 0 and 1, not NaN", (np.array([-1000., -30., 30., 1000.]),)),
          ),
          compare=close(atol=1e-9, rtol=1e-9)),
    Check("initialize_with_zeros",
          hint="return w = np.zeros((dim, 1)) and b = 0.0 (a float)",
          cases=(
              Case("dim = 2", (2,), public=True),
              Case("dim = 1", (1,)),
              Case("dim = 7", (7,)),
          ),
          compare=_float_zeros),
    Check("propagate",
          hint="A = sigmoid(w.T @ X + b); cost = -(1/m) * sum(Y log A + (1 - Y) log(1 - A)) as a number; "
               "dw = (1/m) X (A - Y)^T of shape (n_x, 1); db = (1/m) * sum(A - Y), a number",
          cases=(
              Case("the course's example", (W_COURSE, B_COURSE, X_COURSE, Y_COURSE), public=True),
              Case("four features, seven examples", (rng.normal(0, 0.5, (4, 1)), -0.3, rng.normal(0, 1, (4, 7)),
                                                     rng.integers(0, 2, (1, 7)).astype(np.float64))),
              Case("one example", (rng.normal(0, 0.5, (3, 1)), 0.2, rng.normal(0, 1, (3, 1)), np.array([[1.]]))),
              Case("fifty features, twenty examples", (rng.normal(0, 0.1, (50, 1)), 0.0, rng.random((50, 20)),
                                                       rng.integers(0, 2, (1, 20)).astype(np.float64))),
          ),
          compare=parts("grads", "cost", atol=1e-7, rtol=1e-7)),
    Check("optimize",
          hint="each iteration: grads, cost = propagate(w, b, X, Y), then w = w - learning_rate * dw and "
               "b = b - learning_rate * db; record the cost when i % 100 == 0, before the update",
          cases=(
              Case("the course's example, 100 iterations at learning rate 0.009",
                   (W_COURSE, B_COURSE, X_COURSE, Y_COURSE, 100, 0.009), public=True),
              Case("default num_iterations and learning_rate", (W_COURSE, B_COURSE, X_COURSE, Y_COURSE)),
              Case("301 iterations at learning rate 0.1 (four costs)",
                   (np.zeros((3, 1)), 0.0, X_OPT, Y_OPT, 301, 0.1)),
          ),
          compare=parts("params", "grads", "costs", fix={"costs": _as_numbers})),
    Check("predict",
          hint="A = sigmoid(w.T @ X + b); predict 1 where A > 0.5 and 0 elsewhere (0.5 itself is 0); shape (1, m)",
          cases=(
              Case("the course's example", (np.array([[0.1124579], [0.23106775]]), -0.3,
                                            np.array([[1., -1.1, -3.2], [1.2, 2., 0.1]])), public=True),
              Case("five features, ten examples", (rng.normal(0, 1, (5, 1)), 0.1, rng.normal(0, 1, (5, 10)))),
              Case("an untrained model (w = 0, b = 0) is undecided: 0 everywhere",
                   (np.zeros((4, 1)), 0.0, rng.normal(0, 1, (4, 6)))),
          ),
          compare=close(atol=0, rtol=0)),
    Check("model",
          hint="w, b = initialize_with_zeros(X_train.shape[0]); optimize with the given num_iterations, "
               "learning_rate and print_cost; then predict on X_train and X_test with the trained w and b",
          cases=(
              Case("two features, 500 iterations at learning rate 0.1",
                   (X_SEP, Y_SEP, X_SEP_TEST, Y_SEP_TEST, 500, 0.1), public=True),
              Case("30 cat pictures, 200 iterations at learning rate 0.01",
                   (CATS_X[:, :30], CATS_Y[:, :30], CATS_X_TEST, CATS_Y_TEST, 200, 0.01)),
              Case(HELD_OUT_CASE, (CATS_X, CATS_Y, CATS_X_TEST, CATS_Y_TEST, 300, 0.005)),
          ),
          compare=_model_compare),
]
