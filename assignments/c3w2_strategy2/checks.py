"""Checks of assignment C3W2 (error analysis, data mismatch, transfer and multi-task learning).
Expected outputs: expected/*.npz.

The hidden checks are anchored to answers computed here, in the grader's process, not only to the
recorded solution:
- error_ceiling and diagnose_mismatch: the formulas worked out here, within 1e-9;
- make_train_dev_split: the split the stated recipe gives (np.random.default_rng(seed).permutation,
  round(frac * m) rows to train-dev, taken first), after checking sizes, that every returned pair
  (x, y) is a pair of the input, and that no row is in both parts; the split of the legacy
  np.random.seed / np.random.permutation stream is named as that mistake;
- masked_binary_crossentropy: keras.losses.BinaryCrossentropy() computed here on the known entries
  (on the whole arrays when nothing is masked), within 1e-5;
- build_transfer_model: the model's structure (grader.checks.same_structure against the recorded
  solution; a Sequential wrap or a flattened graph with the same head and parameter count also
  passes). The structure that reaches the grader carries no trainable flags, so freezing is
  checked through fine_tune;
- fine_tune: accuracy on held-out digits whose labels stay here (each case's reference), and
  whether the base was frozen: with a frozen base the returned log-probabilities are, up to float32
  rounding, an affine function of the base's features, which are computed here from the weights sent.

The bases are built here: an MLP pretrained on the digits 0-4 of load_digits (seeded
initialisers, no shuffling, so nothing here draws from Keras's global random state) and an
untrained CNN feature extractor. They travel to the kernel as JSON plus weights
(grader.codec.ModelInput).
"""
from collections import Counter
from functools import lru_cache

import numpy as np
from sklearn.datasets import load_digits

from grader.checks import Case, Check, KnownMistake, array_of_shape, import_keras, n_parts, same_structure, within
from grader.codec import ModelInput, ModelStructure

rng = np.random.default_rng(3202)


# ---------------------------------------------------------------- error_ceiling
def _ceiling(dev_error, n_examined, n_in_category):
    return dev_error * (1 - n_in_category / n_examined)


def ceiling_by_hand(expected, got, case):
    return (array_of_shape(got, (), "the ceiling")
            or within(got, _ceiling(*case.args), atol=1e-9, rtol=1e-9, what="the ceiling"))


CEILING_CASES = (
    Case("dev error 10%, 5 of 100 mistakes are dogs: 0.095", (0.10, 100, 5), public=True),
    Case("dev error 10%, 50 of 100 mistakes are great cats: 0.05", (0.10, 100, 50), public=True),
    Case("NumPy integers: dev error 15%, 12 of 60 mistakes mislabelled: 0.12", (0.15, np.int64(60), np.int64(12)),
         public=True),
    Case("errors in percent: 12.0, 30 of 200 mistakes blurry", (12.0, 200, 30)),
    Case("no mistake of that category: the ceiling is the dev error", (0.05, 80, 0)),
    Case("every mistake in the category: 0", (0.08, 40, 40)),
    Case("NumPy integers for the counts", (0.2, np.int64(150), np.int64(45))),
)


# ---------------------------------------------------------------- diagnose_mismatch
GAP_NAMES = ("avoidable_bias", "variance", "data_mismatch", "dev_overfitting")
GAP_FORMULAS = {"avoidable_bias": "train - human", "variance": "train_dev - train",
                "data_mismatch": "dev - train_dev", "dev_overfitting": "test - dev"}


def _diagnosis(human, train, train_dev, dev, test=None):
    gaps = {"avoidable_bias": train - human, "variance": train_dev - train, "data_mismatch": dev - train_dev,
            "dev_overfitting": None if test is None else test - dev}
    known = [name for name in GAP_NAMES if gaps[name] is not None]
    gaps["focus"] = max(known, key=lambda name: gaps[name])  # the first of the largest on a tie
    return gaps


def diagnosis_by_hand(expected, got, case):
    if not isinstance(got, dict):
        return f"return a dict with the keys {list(GAP_NAMES) + ['focus']}, got {type(got).__name__}"
    want = _diagnosis(*case.args)
    missing = [k for k in want if k not in got]
    if missing == ["dev_overfitting"] and want["dev_overfitting"] is None:
        return "the dict is missing the key 'dev_overfitting': without a test error, give it the value None"
    if missing:
        return f"the dict is missing the keys {missing}"
    for name in GAP_NAMES:
        if want[name] is None:
            if got[name] is not None:
                return f"without a test error, dev_overfitting should be None, got {got[name]!r}"
            continue
        message = array_of_shape(got[name], (), name)
        if message:
            return message
        if within(got[name], want[name], atol=1e-9):
            return f"{name} should be {GAP_FORMULAS[name]} = {want[name]:.6g}, got {float(got[name]):.6g}"
    if got["focus"] != want["focus"]:
        return f"focus should be {want['focus']!r} (the largest gap), got {got['focus']!r}"
    return None


DIAGNOSE_CASES = (
    Case("human 0%, train 1%, train-dev 9%, dev 10%: variance", (0.0, 1.0, 9.0, 10.0), public=True),
    Case("human 0%, train 1%, train-dev 1.5%, dev 10%: data mismatch", (0.0, 1.0, 1.5, 10.0), public=True),
    Case("with a test error: 1, 1.5, 2, 2.5, test 6: overfitting the dev set", (1.0, 1.5, 2.0, 2.5, 6.0),
         public=True),
    Case("with a test error: 0, 1, 1.5, 10, test 10.5", (0.0, 1.0, 1.5, 10.0, 10.5)),
    Case("avoidable bias first: human 4%, train 10%, train-dev 11%, dev 12%", (4.0, 10.0, 11.0, 12.0)),
    Case("overfitting the dev set: test 9% against dev 3%", (1.0, 2.0, 2.5, 3.0, 9.0)),
    Case("errors as fractions", (0.01, 0.02, 0.025, 0.06, 0.061)),
    Case("dev easier than train-dev: a negative mismatch", (0.0, 2.0, 7.0, 4.0)),
    Case("a test error equal to the dev error", (0.5, 6.0, 6.5, 7.0, 7.0)),
)


# ---------------------------------------------------------------- make_train_dev_split
def _recipe_permutation(seed, m):
    return np.random.default_rng(seed).permutation(m)


def _legacy_permutation(seed, m):
    """What np.random.seed(seed) then np.random.permutation(m) give, without touching the global stream."""
    return np.random.RandomState(seed).permutation(m)


def _split_by_recipe(X, y, frac=0.05, seed=0, permutation=_recipe_permutation):
    perm = permutation(seed, len(X))
    n_train_dev = int(round(frac * len(X)))
    return X[perm[n_train_dev:]], y[perm[n_train_dev:]], X[perm[:n_train_dev]], y[perm[:n_train_dev]]


def _rows(array):
    """Each row (first axis) as bytes, so that rows can be compared as a set."""
    array = np.ascontiguousarray(array)
    return [row.tobytes() for row in array.reshape(len(array), -1)]


def split_by_recipe(expected, got, case):
    X, y = case.args[:2]
    X_train, y_train, X_dev, y_dev = _split_by_recipe(*case.args)
    message = n_parts(got, 4)
    if message:
        return f"{message}: return (X_train, y_train, X_train_dev, y_train_dev)"
    frac = case.args[2] if len(case.args) > 2 else 0.05
    parts = []
    for name, value, want in zip(("X_train", "y_train", "X_train_dev", "y_train_dev"), got,
                                 (X_train, y_train, X_dev, y_dev)):
        message = array_of_shape(value, want.shape, name)
        if message:
            return f"{message} (m = {len(X)}, round({frac} * m) = {len(X_dev)} rows to train-dev)"
        parts.append(np.asarray(value).astype(X.dtype if name.startswith("X") else y.dtype))
    pairs = Counter(zip(_rows(X), _rows(y)))
    returned = Counter(zip(_rows(parts[0]), _rows(parts[1]))) + Counter(zip(_rows(parts[2]), _rows(parts[3])))
    if any(pair not in pairs for pair in returned):
        return ("some examples are paired with the wrong labels: shuffle X and y with the same permutation "
                "(index both with it)")
    if returned != pairs:
        return "every example should be in exactly one of the two parts: some are in both, or missing"
    if not np.array_equal(parts[2], X_dev) or not np.array_equal(parts[0], X_train):
        return ("the sizes and pairs are right, but not the split of the recipe: perm = "
                "np.random.default_rng(seed).permutation(m); train-dev = perm[:n], training = perm[n:]")
    return None


LEGACY_SPLIT = KnownMistake("this is the split of the legacy np.random.seed(seed) / np.random.permutation stream: "
                            "draw the permutation from the generator the notebook asks for, "
                            "np.random.default_rng(seed).permutation(len(X))",
                            lambda case: _split_by_recipe(*case.args, permutation=_legacy_permutation))


def _digit_rows(m, seed):
    """m digits, their pixels as load_digits gives them (0 to 16), stored as uint8 to keep the fixtures small."""
    X, y = load_digits(return_X_y=True)
    rows = np.random.default_rng(seed).choice(len(y), m, replace=False)
    return X[rows].astype(np.uint8), y[rows]


_X200, _y200 = _digit_rows(200, 1)
_X120, _y120 = _digit_rows(120, 3)
_X50, _y50 = _digit_rows(50, 4)
_X30, _y30 = _digit_rows(30, 5)
_X257 = rng.standard_normal((257, 3))
_X1000, _y1000 = _digit_rows(1000, 2)
_images60 = rng.random((60, 8, 8))
_multi_hot40 = (rng.random((40, 3)) < 0.4).astype(np.int64)
SPLIT_CASES = (
    Case("200 digits, frac 0.05, seed 0: 10 to train-dev", (_X200, _y200, 0.05, 0), public=True),
    Case("257 rows, frac 0.1, seed 1: round(25.7) = 26 to train-dev", (_X257, rng.integers(0, 2, 257), 0.1, 1),
         public=True),
    Case("the defaults frac=0.05, seed=0: 120 digits, 6 to train-dev", (_X120, _y120), public=True),
    Case("50 digits as images of 8 x 8, frac 0.1, seed 5: split along the first axis",
         (_X50.reshape(-1, 8, 8), _y50, 0.1, 5), public=True),
    Case("30 digits with multi-hot labels (odd, at least 5, a multiple of 3), frac 0.2, seed 6",
         (_X30, np.stack([_y30 % 2, _y30 >= 5, _y30 % 3 == 0], axis=1).astype(np.int64), 0.2, 6), public=True),
    Case("the defaults frac=0.05, seed=0", (_X200, _y200)),
    Case("1000 digits, frac 0.05, seed 7", (_X1000, _y1000, 0.05, 7)),
    Case("60 images of 8 x 8, frac 0.2, seed 2: split along the first axis", (_images60, rng.integers(0, 10, 60), 0.2, 2)),
    Case("multi-hot labels of shape (40, 3), frac 0.25, seed 3", (rng.standard_normal((40, 5)), _multi_hot40, 0.25, 3)),
)


# ---------------------------------------------------------------- masked_binary_crossentropy
def _keras_bce(y_true, y_pred):
    """keras.losses.BinaryCrossentropy() on the known entries (all of them when none is -1)."""
    keras = import_keras()
    y_true, y_pred = np.asarray(y_true, dtype=np.float32), np.asarray(y_pred, dtype=np.float32)
    known = y_true != -1
    if not known.any():
        return 0.0
    if known.all():
        return float(keras.losses.BinaryCrossentropy()(y_true, y_pred))
    return float(keras.losses.BinaryCrossentropy()(y_true[known].reshape(-1, 1), y_pred[known].reshape(-1, 1)))


def bce_like_keras(expected, got, case):
    message = array_of_shape(got, (), "the loss (one number: a float or a 0-d tensor)", finite=False)
    if message:
        return message
    if not np.isfinite(got):
        return "the loss is NaN or infinite: clip y_pred to [1e-7, 1 - 1e-7] and leave the unknown entries out"
    message = within(got, _keras_bce(*case.args), atol=1e-5, rtol=1e-5, what="the loss")
    return message and f"compared with keras.losses.BinaryCrossentropy on the known entries: {message}"


def _masked(shape, p_unknown):
    y_true = (rng.random(shape) < 0.5).astype(np.float32)
    y_true[rng.random(shape) < p_unknown] = -1
    return y_true


_y_small = np.array([[1, 0, 1], [0, 0, 1]], dtype=np.float32)
_p_small = np.array([[0.9, 0.2, 0.6], [0.3, 0.1, 0.8]], dtype=np.float32)
_y_masked = np.array([[1, -1, 0], [-1, 1, 1], [0, 0, -1]], dtype=np.float32)
_p_masked = np.array([[0.8, 0.5, 0.3], [0.4, 0.7, 0.9], [0.2, 0.6, 0.99]], dtype=np.float32)
_y_task = _masked((30, 4), 0.3)
_y_task[:, 2] = -1  # a task nobody labelled in this batch
_y_extreme = np.array([[1, 0, -1, -1], [0, 1, -1, 1]], dtype=np.float32)
_p_extreme = np.array([[1.0, 0.0, 0.0, 1.0], [0.0, 0.0, 1.0, 1.0]], dtype=np.float32)
BCE_CASES = (
    Case("nothing masked: equals keras.losses.BinaryCrossentropy()", (_y_small, _p_small), public=True),
    Case("three unknown labels (-1) in a 3 x 3 batch", (_y_masked, _p_masked), public=True),
    Case("one label per example, shape (6,), two unknown", (np.array([1, -1, 0, 1, 0, -1], dtype=np.float32),
                                                           np.array([0.7, 0.1, 0.4, 0.95, 0.05, 0.8])), public=True),
    Case("64 examples, 5 tasks, 30% unknown", (_masked((64, 5), 0.3), rng.uniform(0.01, 0.99, (64, 5)))),
    Case("nothing masked, 64 examples and 5 tasks", (_masked((64, 5), 0.0), rng.uniform(0.01, 0.99, (64, 5)))),
    Case("one task with no known label", (_y_task, rng.uniform(0.05, 0.95, (30, 4)).astype(np.float32))),
    Case("one label per example, shape (m,)", (_masked((25,), 0.2), rng.uniform(0.05, 0.95, 25))),
    Case("predictions of exactly 0 and 1 (clip them), also where the label is unknown", (_y_extreme, _p_extreme)),
    Case("no known label at all: the loss is 0", (np.full((4, 3), -1.0, dtype=np.float32),
                                                 rng.uniform(0.1, 0.9, (4, 3)).astype(np.float32))),
)


# ---------------------------------------------------------------- the bases
FEATURES = 128       # width of the pretrained MLP base


@lru_cache(maxsize=1)
def _digits():
    X, y = load_digits(return_X_y=True)
    return (X / 16).astype(np.float32), y


@lru_cache(maxsize=1)
def _pretrained_base():
    """Input(64) -> Dense(128, relu), trained with a temporary softmax head on the 901 digits 0-4."""
    keras = import_keras()
    X, y = _digits()
    old = y < 5
    inputs = keras.Input(shape=(64,), name="pixels")
    features = keras.layers.Dense(FEATURES, activation="relu", name="hidden",
                                  kernel_initializer=keras.initializers.GlorotUniform(seed=1))(inputs)
    base = keras.Model(inputs, features, name="digits_0_4_base")
    pretraining = keras.Sequential([base, keras.layers.Dense(
        5, activation="softmax", name="digit_0_4", kernel_initializer=keras.initializers.GlorotUniform(seed=2))])
    pretraining.compile(optimizer=keras.optimizers.Adam(learning_rate=0.01), loss="sparse_categorical_crossentropy")
    pretraining.fit(X[old], y[old], epochs=20, batch_size=64, shuffle=False, verbose=0)
    return base


@lru_cache(maxsize=1)
def _cnn_base():
    """An untrained CNN feature extractor on 8 x 8 x 1 images: 8 features."""
    keras = import_keras()
    inputs = keras.Input(shape=(8, 8, 1), name="image")
    x = keras.layers.Conv2D(8, 3, activation="relu", name="conv",
                            kernel_initializer=keras.initializers.GlorotUniform(seed=3))(inputs)
    features = keras.layers.GlobalAveragePooling2D(name="pool")(x)
    return keras.Model(inputs, features, name="small_cnn_base")


# ---------------------------------------------------------------- build_transfer_model
def transfer_structure(expected, got, case):
    """The recorded solution's layout (Input, base, head) through same_structure; other layouts with
    the same head and the same number of parameters (a Sequential wrap, a flattened graph) pass too."""
    message = same_structure(expected, got, case)
    if message is None or not isinstance(got, ModelStructure):
        return message
    n_classes = case.args[1]
    layer, config = got.rows[-1][0], got.configs[-1]
    if layer != "Dense":
        return f"the last layer should be the new Dense head, got a {layer} layer"
    if config.get("units") != n_classes:
        return f"the head should have n_classes = {n_classes} units, got {config.get('units')}"
    if config.get("activation") != "softmax":
        return f"the head's activation should be 'softmax' (one probability per class), got {config.get('activation')!r}"
    head_params = expected.rows[-1][2]
    if got.params != expected.params:
        return (f"the model should have {expected.params:,} parameters, the base's {expected.params - head_params:,} "
                f"plus the head's {head_params:,}; got {got.params:,}: put the head directly on the base's output")
    return None


def _transfer_cases():
    base, cnn = ModelInput(_pretrained_base()), ModelInput(_cnn_base())
    return (
        Case("the digits base (64 -> 128), 5 classes, frozen", (base, 5, True), public=True),
        Case("the digits base, 5 classes, not frozen", (base, 5, False)),
        Case("the digits base, 3 classes", (base, 3, True)),
        Case("a CNN base on 8 x 8 x 1 images, 10 classes", (cnn, 10, True)),
        Case("a CNN base, 4 classes, not frozen", (cnn, 4, False)),
        Case("a CNN base, 6 classes, not frozen", (cnn, 6, False), public=True),
    )


# ---------------------------------------------------------------- fine_tune
FROZEN_ACCURACY = 0.82     # the reference, frozen: 0.877 to 0.913 on these cases
UNFROZEN_ACCURACY = 0.88   # the reference, all layers trained: 0.957
FROZEN_RESIDUAL = 1e-3     # the reference: 1.2e-7 frozen (float32 rounding), 6.1e-2 with the base trained


def _affine_residual(probabilities, features):
    """How far the centred log-probabilities are from an affine function of the base's features:
    the least-squares residual, relative to their size. Rows with a probability below 1e-20 are left
    out (their logarithm would be inexact)."""
    keep = probabilities.min(axis=1) > 1e-20
    log_p = np.log(probabilities[keep].astype(np.float64))
    log_p -= log_p.mean(axis=1, keepdims=True)
    design = np.hstack([features[keep], np.ones((int(keep.sum()), 1))])
    coefficients, *_ = np.linalg.lstsq(design, log_p, rcond=None)
    return float(np.linalg.norm(log_p - design @ coefficients) / max(np.linalg.norm(log_p), 1e-12))


def fine_tuned(expected, got, case):
    base, X_small, y_small, X_eval, n_classes, freeze = case.args[:6]
    message = array_of_shape(got, (len(X_eval), n_classes), "the probabilities for X_eval")
    if message:
        return message
    P = np.asarray(got)
    if np.any(P < 0) or not np.allclose(P.sum(axis=1), 1, atol=1e-3):
        return "each row should hold probabilities that sum to 1: the head's activation is softmax"
    accuracy = float(np.mean(P.argmax(axis=1) == case.reference))
    floor = FROZEN_ACCURACY if freeze else UNFROZEN_ACCURACY
    if accuracy < floor:
        return (f"the fine-tuned model classifies {accuracy:.1%} of the held-out digits right; "
                f"the recipe reaches at least {floor:.0%}")
    W, b = _pretrained_base().get_weights()
    residual = _affine_residual(P, np.maximum(X_eval.astype(np.float64) @ W + b, 0))
    if freeze and residual > FROZEN_RESIDUAL:
        return ("with freeze=True the base must not change, but its features did: only the head's 2 weight "
                "tensors may train (base.trainable = False in build_transfer_model, before compiling)")
    if not freeze and residual <= FROZEN_RESIDUAL:
        return ("with freeze=False the base should train too, but it did not change: pass freeze on to "
                "build_transfer_model")
    return None


def _fine_tune_case(name, subset_seed, freeze, seed, public=False):
    """50 digits 5-9 (10 of each, labels 0-4) to train on; the other 846 are X_eval, their labels (the
    case's reference) stay here."""
    X, y = _digits()
    new = np.flatnonzero(y >= 5)
    pick = np.random.default_rng(subset_seed)
    small = np.concatenate([pick.choice(new[y[new] == d], 10, replace=False) for d in range(5, 10)])
    small = small[pick.permutation(len(small))]
    evaluation = np.setdiff1d(new, small)
    args = (ModelInput(_pretrained_base()), X[small], y[small] - 5, X[evaluation], 5, freeze, 30, seed)
    return Case(name, args, public=public, reference=y[evaluation] - 5)


def _fine_tune_cases():
    return (
        _fine_tune_case("frozen base, seed 0: held-out accuracy and an unchanged base", 10, True, 0, public=True),
        _fine_tune_case("frozen base, another 50 digits, seed 1", 11, True, 1),
        _fine_tune_case("frozen base, another 50 digits, seed 2", 12, True, 2),
        _fine_tune_case("freeze=False, another 50 digits, seed 3: the whole network trains", 13, False, 3, public=True),
        _fine_tune_case("freeze=False: the whole network trains", 10, False, 0),
    )


CHECKS = [
    Check("error_ceiling",
          hint="fixing every mistake of the category removes that fraction of the dev error: "
               "dev_error * (1 - n_in_category / n_examined), in the units dev_error is given in",
          cases=CEILING_CASES,
          compare=ceiling_by_hand),
    Check("diagnose_mismatch",
          hint="avoidable_bias = train - human, variance = train_dev - train, data_mismatch = dev - train_dev, "
               "dev_overfitting = test - dev (None when test is None); focus is the name of the largest of the "
               "gaps that are not None, the first in that order on a tie",
          cases=DIAGNOSE_CASES,
          compare=diagnosis_by_hand),
    Check("make_train_dev_split",
          hint="perm = np.random.default_rng(seed).permutation(len(X)); n = int(round(frac * len(X))); "
               "train-dev = X[perm[:n]], y[perm[:n]]; training = X[perm[n:]], y[perm[n:]]; "
               "return (X_train, y_train, X_train_dev, y_train_dev)",
          cases=SPLIT_CASES,
          compare=split_by_recipe,
          known_mistakes=(LEGACY_SPLIT,)),
    Check("masked_binary_crossentropy",
          hint="known = y_true != -1; clip y_pred to [1e-7, 1 - 1e-7]; the loss of an entry is "
               "-(y log p + (1 - y) log(1 - p)); average it over the known entries only (divide by their "
               "number, not by y_true's size) and return 0 when none is known; use keras.ops",
          cases=BCE_CASES,
          compare=bce_like_keras),
    Check("build_transfer_model",
          hint="base.trainable = not freeze; inputs = keras.Input(shape=base.input_shape[1:]); "
               "x = base(inputs, training=False); outputs = keras.layers.Dense(n_classes, activation='softmax')(x); "
               "return keras.Model(inputs, outputs): don't write the input shape in, read it from the base",
          cases=_transfer_cases(),
          compare=transfer_structure),
    Check("fine_tune",
          hint="keras.utils.set_random_seed(seed); model = build_transfer_model(base, n_classes, freeze); "
               "compile with keras.optimizers.Adam(learning_rate=0.01) and 'sparse_categorical_crossentropy'; "
               "fit on (X_small, y_small) for `epochs` epochs, batch_size=10, verbose=0; "
               "return model.predict(X_eval, verbose=0)",
          cases=_fine_tune_cases(),
          compare=fine_tuned),
]
