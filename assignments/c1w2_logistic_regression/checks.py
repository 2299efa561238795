"""Checks of assignment C1W2 (logistic regression from scratch). Expected outputs: expected/*.npz.

The exercises build on each other (model calls optimize, which calls propagate, ...). So that a
mistake costs points in one exercise only, a later check does not re-judge what an earlier one
already pins: optimize accepts costs returned as 1x1 arrays (propagate's check asks for numbers),
and model's checks pin its weights and predictions but leave the cost values to optimize's check.
"""
import functools
from dataclasses import dataclass

import numpy as np

from grader.checks import Case, Check, close, dict_of_arrays, n_parts
from lessons.data import make_cat_dataset

rng = np.random.default_rng(2)

# The course's small example: two features, three examples.
W_COURSE, B_COURSE = np.array([[1.], [2.]]), 1.5
X_COURSE, Y_COURSE = np.array([[1., -2., -1.], [3., 0.5, -3.2]]), np.array([[1, 1, 0]])

# A small slice of the cat pictures, made here (about 1 s). The held-out pictures that judge a
# trained model are made only when such a case is judged, in the grader's process.
CATS = make_cat_dataset(m_train=60, m_test=10, seed=1)
CATS_X, CATS_Y = CATS.X_train.astype(np.float64), CATS.Y_train.astype(np.float64)
CATS_X_TEST, CATS_Y_TEST = CATS.X_test.astype(np.float64), CATS.Y_test.astype(np.float64)

COSTS_EMPTY = "costs is empty: record the cost every 100 iterations whether or not print_cost is set"


def separable(n_x, m):
    """Points in n_x dimensions labelled by the sign of the sum of their first two coordinates."""
    X = rng.normal(0, 1, (n_x, m))
    return X, (X[0:1] + X[1:2] > 0).astype(np.float64)


def parts(*names, atol=1e-6, rtol=1e-6, fix=None):
    """Compare a returned tuple part by part, naming each part in the message.

    `fix`, if given, maps a part's name to a function applied to that part first."""
    def compare(expected, got, case):
        message = n_parts(got, len(names), f"the result ({', '.join(names)})")
        if message:
            return message
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


def _empty(costs):
    return isinstance(costs, (list, tuple)) and not costs or isinstance(costs, np.ndarray) and costs.size == 0


def same_training(expected, got, case):
    """optimize's params, grads and costs as the reference's; costs are 1x1 arrays or numbers (propagate's
    check asks for numbers)."""
    if isinstance(got, (tuple, list)) and len(got) == 3 and _empty(got[2]) and expected[2]:
        return COSTS_EMPTY
    return parts("params", "grads", "costs", fix={"costs": _as_numbers})(expected, got, case)


MODEL_KEYS = ("costs", "Y_prediction_test", "Y_prediction_train", "w", "b", "learning_rate", "num_iterations")


def model_dict(expected, got, case):
    """None when model's dict has every key, w and the predictions in the case's shapes, and a cost
    for every 100 iterations (their values are optimize's check's to judge), else a message."""
    X_train, X_test = case.args[0], case.args[2]
    shapes = {"w": (X_train.shape[0], 1), "Y_prediction_train": (1, X_train.shape[1]),
              "Y_prediction_test": (1, X_test.shape[1])}
    message = dict_of_arrays(got, shapes)
    if message:
        return message
    missing = [key for key in MODEL_KEYS if key not in got]
    if missing:
        return f"the result is missing the keys {missing}"
    costs, n_costs = got["costs"], len(expected["costs"])
    if _empty(costs) and n_costs:
        return COSTS_EMPTY
    if not (isinstance(costs, (list, tuple)) or np.ndim(costs) == 1) or len(costs) != n_costs:
        n = f"{len(costs)} values" if isinstance(costs, (list, tuple)) or np.ndim(costs) else type(costs).__name__
        return f"the result['costs'] should be a list of {n_costs} costs (one every 100 iterations), got {n}"
    return None


def same_model(expected, got, case):
    """model's dict as the reference's, all but the cost values (optimize's check judges those)."""
    message = model_dict(expected, got, case)
    if message:
        return message
    keys = [key for key in MODEL_KEYS if key != "costs"]
    return close()({key: expected[key] for key in keys}, {key: got[key] for key in keys}, case)


@dataclass(frozen=True)
class HeldOut:
    """Cat pictures made where the case is judged (never sent to the learner's function), and the
    accuracy a correct model reaches on them."""
    m: int
    seed: int
    min_accuracy: float


@functools.lru_cache(maxsize=2)
def _pictures(m, seed):
    split = make_cat_dataset(m_train=1, m_test=m, seed=seed)
    return split.X_test.astype(np.float64), split.Y_test.astype(np.float64)


def accurate_on_held_out(expected, got, case):
    """The trained w and b classify the pictures of `case.reference` well enough."""
    message = model_dict(expected, got, case)
    if message:
        return message
    b = got["b"]
    if np.size(b) != 1 or np.asarray(b).dtype.kind not in "biuf" or not np.all(np.isfinite(b)):
        return "the result['b'] should be a number"
    X, Y = _pictures(case.reference.m, case.reference.seed)
    z = np.asarray(got["w"], dtype=np.float64).reshape(1, -1) @ X + float(np.squeeze(b))
    accuracy = float(np.mean((z > 0) == (Y == 1)))
    if accuracy < case.reference.min_accuracy:
        return (f"the trained weights classify {accuracy:.0%} of new pictures correctly; "
                f"at least {case.reference.min_accuracy:.0%} was expected")
    return None


X_SEP, Y_SEP = separable(2, 40)
X_SEP_TEST, Y_SEP_TEST = separable(2, 10)
X_OPT, Y_OPT = separable(3, 20)

CHECKS = [
    Check("sigmoid",
          hint="sigmoid(z) = 1 / (1 + np.exp(-z)), element-wise with np.exp (not math.exp)",
          cases=(
              Case("sigmoid of [0, 2]", (np.array([0., 2.]),), public=True),
              Case("a single number", (-1.5,), public=True),
              Case("a 2x3 matrix", (np.array([[-1., 0., 1.], [3., -4., 0.5]]),), public=True),
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
              Case("four examples, default num_iterations and learning_rate",
                   (np.array([[0.5], [-0.5]]), 0.2, np.array([[0.5, -1., 2., 0.], [1.5, 0.3, -0.7, -2.]]),
                    np.array([[1., 0., 1., 0.]])), public=True),
              Case("default num_iterations and learning_rate", (W_COURSE, B_COURSE, X_COURSE, Y_COURSE)),
              Case("301 iterations at learning rate 0.1 (four costs)",
                   (np.zeros((3, 1)), 0.0, X_OPT, Y_OPT, 301, 0.1)),
          ),
          compare=same_training),
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
              # The reference reaches 0.81 here and 0.86 on the next case; always answering "non-cat" gives 0.65.
              Case("trained on 40 cat pictures: accuracy on 100 pictures it never saw",
                   (CATS_X[:, 20:], CATS_Y[:, 20:], CATS_X_TEST, CATS_Y_TEST, 200, 0.005), public=True,
                   compare=accurate_on_held_out, reference=HeldOut(m=100, seed=321, min_accuracy=0.75)),
              Case("trained on 60 cat pictures: accuracy on 200 pictures it never saw",
                   (CATS_X, CATS_Y, CATS_X_TEST, CATS_Y_TEST, 300, 0.005),
                   compare=accurate_on_held_out, reference=HeldOut(m=200, seed=123, min_accuracy=0.75)),
          ),
          compare=same_model),
]
