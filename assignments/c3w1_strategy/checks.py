"""Checks of assignment C3W1 (ML strategy: metrics, model selection, bias and variance).
Expected outputs: expected/*.npz.

The hidden checks are anchored to references computed here, in the grader's process, not only to
the recorded solution:
- f1_score: scikit-learn's f1_score on crafted labels (the learner gets that case's precision and
  recall), within 1e-9;
- weighted_error: 1 - scikit-learn's accuracy_score(..., sample_weight=weights), within 1e-9;
- select_model: the answer worked out by hand for each table;
- diagnose: the two differences computed here, within 1e-9, and the larger one's name;
- compute_metrics: scikit-learn's precision, recall, f1 and accuracy (zero_division=0) on the
  predictions of the same frozen model, made here (each case's reference), within 1e-6. Metrics
  counted from (m, 1) predictions against (m,) labels, which broadcast to an (m, m) table, are
  named as that mistake.

compute_metrics receives a small Keras classifier built and trained (seeded initialisers, no
shuffling) in the grader's process on 300 tumours of load_breast_cancer. It travels to the
learner's kernel as JSON plus weights (grader.codec.ModelInput) and is rebuilt there; the other
tumours are the inputs of the cases. Rows whose probability lies within 1e-3 of a case's
threshold are left out of that case, so that rounding differences between the two processes can
never flip a prediction.
"""
from functools import lru_cache

import numpy as np
from sklearn.datasets import load_breast_cancer
from sklearn.metrics import accuracy_score, f1_score, precision_score, recall_score

from grader.checks import Case, Check, KnownMistake, close
from grader.codec import ModelInput

rng = np.random.default_rng(3101)


# ---------------------------------------------------------------- f1_score
def _f1_case_from_labels(name, y_true, y_pred):
    """A case whose arguments are scikit-learn's precision and recall of (y_true, y_pred), and whose
    reference is scikit-learn's F1 of the same labels."""
    precision = float(precision_score(y_true, y_pred, zero_division=0))
    recall = float(recall_score(y_true, y_pred, zero_division=0))
    return Case(name, (precision, recall), reference=float(f1_score(y_true, y_pred, zero_division=0)))


def _noisy_predictions(y_true, flip):
    """y_true with a fraction `flip` of the labels flipped."""
    return np.where(rng.random(y_true.shape) < flip, 1 - y_true, y_true)


def f1_like_sklearn(expected, got, case):
    """Within 1e-9 of scikit-learn's F1 where the case carries it, else of the recorded solution's."""
    want = expected if case.reference is None else case.reference
    return close(atol=1e-9, rtol=0)(want, got, case, "your F1")


_imbalanced = (rng.random(200) < 0.1).astype(int)
_balanced = rng.integers(0, 2, 120)
F1_CASES = (
    Case("precision 0.66, recall 0.8 (about 0.723)", (0.66, 0.8), public=True),
    Case("precision 0.95, recall 0.90", (0.95, 0.90), public=True),
    Case("precision 0.66, recall 0.1 (about 0.174)", (0.66, 0.1)),
    Case("precision 0 and recall 0: F1 is 0", (0, 0), public=True),
    Case("precision 0.0 and recall 0.0 as floats", (0.0, 0.0)),
    Case("precision 1, recall 1", (1.0, 1.0)),
    Case("precision 0, recall 0.7", (0.0, 0.7)),
    _f1_case_from_labels("scikit-learn: 120 balanced labels, 20% flipped", _balanced, _noisy_predictions(_balanced, 0.2)),
    _f1_case_from_labels("scikit-learn: 200 labels, 10% positive, 5% flipped", _imbalanced,
                         _noisy_predictions(_imbalanced, 0.05)),
    _f1_case_from_labels("scikit-learn: no true positive", np.array([1, 1, 0, 0, 0]), np.array([0, 0, 1, 0, 0])),
)


# ---------------------------------------------------------------- select_model
def _select_case(name, answer, args, public=False):
    """A case whose reference is the model's name worked out by hand (None: no model qualifies)."""
    return Case(name, args, public=public, reference=answer)


def _table(*rows, keys=("name", "f1", "latency_ms")):
    return [dict(zip(keys, row)) for row in rows]


LATENCY_100 = {"latency_ms": ("<", 100)}
SELECT_CASES = (
    _select_case("the course's table: F1 subject to latency < 100 ms", "B",
                 (_table(("A", 0.90, 80), ("B", 0.92, 95), ("C", 0.95, 1500)), "f1", LATENCY_100), public=True),
    _select_case("maximise accuracy subject to memory_mb <= 50", "small",
                 (_table(("tiny", 0.91, 4), ("small", 0.94, 50), ("large", 0.97, 400),
                         keys=("name", "accuracy", "memory_mb")), "accuracy", {"memory_mb": ("<=", 50)}),
                 public=True),
    _select_case("the default arguments on another table", "balanced",
                 (_table(("quick", 0.89, 40.0), ("accurate", 0.96, 180.0), ("balanced", 0.91, 99.5)),), public=True),
    _select_case("the default arguments: F1 subject to latency < 100 ms", "fast",
                 (_table(("slow", 0.97, 250.0), ("fast", 0.93, 12.5), ("faster", 0.88, 3.1)),)),
    _select_case("strict '<': a latency of exactly 100 ms does not qualify", "A",
                 (_table(("A", 0.80, 60), ("B", 0.85, 100)), "f1", LATENCY_100)),
    _select_case("with '<=', a latency of exactly 100 ms qualifies", "B",
                 (_table(("A", 0.80, 60), ("B", 0.85, 100)), "f1", {"latency_ms": ("<=", 100)})),
    _select_case("a tie on the optimising metric: the first in the table wins", "second",
                 (_table(("first", 0.90, 150), ("second", 0.93, 40), ("third", 0.93, 20), ("fourth", 0.93, 90)),
                  "f1", LATENCY_100)),
    _select_case("no model satisfies the constraint: None", None,
                 (_table(("A", 0.90, 120), ("B", 0.95, 300)), "f1", LATENCY_100)),
    _select_case("two constraints at once", "C",
                 ([{"name": "A", "f1": 0.97, "latency_ms": 30, "memory_mb": 900},
                   {"name": "B", "f1": 0.96, "latency_ms": 130, "memory_mb": 40},
                   {"name": "C", "f1": 0.94, "latency_ms": 50, "memory_mb": 60},
                   {"name": "D", "f1": 0.90, "latency_ms": 10, "memory_mb": 20}],
                  "f1", {"latency_ms": ("<", 100), "memory_mb": ("<=", 64)})),
    _select_case("maximise precision subject to recall >= 0.8", "P3",
                 (_table(("P1", 0.97, 0.75), ("P2", 0.88, 0.93), ("P3", 0.92, 0.81), keys=("name", "precision", "recall")),
                  "precision", {"recall": (">=", 0.8)}), public=True),
    _select_case("a lower bound: maximise precision subject to recall >= 0.9", "R2",
                 (_table(("R1", 0.99, 0.85), ("R2", 0.95, 0.90), ("R3", 0.91, 0.97), keys=("name", "precision", "recall")),
                  "precision", {"recall": (">=", 0.9)})),
    _select_case("strict '>': recall > 0.9 leaves out a recall of 0.9", "R3",
                 (_table(("R1", 0.99, 0.85), ("R2", 0.95, 0.90), ("R3", 0.91, 0.97), keys=("name", "precision", "recall")),
                  "precision", {"recall": (">", 0.9)})),
    _select_case("no satisficing metric: simply the best F1", "B",
                 (_table(("A", 0.90, 80), ("B", 0.95, 1500), ("C", 0.92, 95)), "f1", {})),
    _select_case("one model in the table", "only",
                 (_table(("only", 0.5, 1)), "f1", LATENCY_100)),
)


def same_choice(expected, got, case):
    answer = case.reference
    if answer is None:
        return None if got is None else f"no model satisfies every constraint here: return None, not {got!r}"
    if isinstance(got, dict):
        return "return the chosen model's name (a string), not its whole row"
    return None if got == answer else f"the model to choose is {answer!r}, got {got!r}"


# ---------------------------------------------------------------- weighted_error
def weighted_like_sklearn(expected, got, case):
    y_true, y_pred, weights = (np.ravel(a) for a in case.args)
    reference = 1 - accuracy_score(y_true, y_pred, sample_weight=weights)
    return close(atol=1e-9, rtol=0)(reference, got, case, "the weighted error")


_labels = rng.integers(0, 2, 40)
_digits_true, _digits_pred = rng.integers(0, 10, 60), rng.integers(0, 10, 60)
_digits_pred[:45] = _digits_true[:45]
WEIGHTED_CASES = (
    Case("5 examples, one mistake weighted 10", (np.array([1, 0, 1, 1, 0]), np.array([1, 1, 0, 1, 0]),
                                                 np.array([1, 1, 10, 1, 1])), public=True),
    Case("40 examples, positives weighted 5", (_labels, _noisy_predictions(_labels, 0.25),
                                               np.where(_labels == 1, 5.0, 1.0)), public=True),
    Case("6 examples as (1, m) rows", (np.array([[1, 0, 0, 1, 1, 0]]), np.array([[1, 1, 0, 0, 1, 0]]),
                                       np.array([[2.0, 1.0, 1.0, 3.0, 1.0, 1.0]])), public=True),
    Case("equal weights of 3: the plain error rate", (_labels, _noisy_predictions(_labels, 0.3), np.full(40, 3.0))),
    Case("real-valued weights", (_labels, _noisy_predictions(_labels, 0.2), rng.uniform(0.1, 4.0, 40))),
    Case("no mistake: 0", (_labels, _labels.copy(), rng.uniform(0.5, 2.0, 40))),
    Case("ten classes (digits 0 to 9)", (_digits_true, _digits_pred, rng.integers(1, 6, 60).astype(float))),
    Case("labels as (1, m) rows", (_labels.reshape(1, -1), _noisy_predictions(_labels, 0.2).reshape(1, -1),
                                   np.where(_labels == 1, 10.0, 1.0).reshape(1, -1))),
)


# ---------------------------------------------------------------- diagnose
def diagnosis_by_hand(expected, got, case):
    human, train, dev = case.args
    if not isinstance(got, dict):
        return f"return a dict with the keys 'avoidable_bias', 'variance' and 'focus', got a {type(got).__name__}"
    reference = {"avoidable_bias": train - human, "variance": dev - train}
    message = close(atol=1e-9, rtol=0)(reference, got, case)
    if message:
        return message
    focus = "bias" if reference["avoidable_bias"] >= reference["variance"] else "variance"
    if got.get("focus") != focus:
        return (f"with avoidable bias {reference['avoidable_bias']:.3g} and variance {reference['variance']:.3g}, "
                f"'focus' should be {focus!r}, got {got.get('focus')!r}")
    return None


DIAGNOSE_CASES = (
    Case("human 1%, train 8%, dev 10%", (1.0, 8.0, 10.0), public=True),
    Case("human 7.5%, train 8%, dev 10%", (7.5, 8.0, 10.0), public=True),
    Case("human 0.5%, train 0.7%, dev 0.8%", (0.5, 0.7, 0.8)),
    Case("better than the human proxy on the training set", (1.0, 0.7, 0.8)),
    Case("errors as fractions", (0.01, 0.05, 0.20)),
    Case("a tie: bias first", (0.0, 2.0, 4.0)),
    Case("dev error below the training error", (2.0, 5.0, 4.5)),
)


# ---------------------------------------------------------------- compute_metrics
METRIC_KEYS = ("precision", "recall", "f1", "accuracy")


@lru_cache(maxsize=1)
def _tumour_classifier():
    """A small Keras classifier of tumours (1 = malignant), trained here on 300 tumours; returns the
    model and the other 269 tumours (standardised with the training rows' statistics) with labels."""
    from lessons.setup import import_tensorflow_quietly
    import_tensorflow_quietly()
    import keras

    X, y = load_breast_cancer(return_X_y=True)
    y = 1 - y  # scikit-learn codes malignant as 0
    order = np.random.default_rng(31).permutation(len(y))
    train, other = order[:300], order[300:]
    mean, std = X[train].mean(axis=0), X[train].std(axis=0)
    X = ((X - mean) / std).astype("float32")

    model = keras.Sequential([
        keras.Input(shape=(30,)),
        keras.layers.Dense(8, activation="relu", name="hidden",
                           kernel_initializer=keras.initializers.GlorotUniform(seed=1)),
        keras.layers.Dense(1, activation="sigmoid", name="output",
                           kernel_initializer=keras.initializers.GlorotUniform(seed=2)),
    ], name="tumour_classifier")
    model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.01), loss="binary_crossentropy")
    model.fit(X[train], y[train], epochs=15, batch_size=50, shuffle=False, verbose=0)
    return model, X[other], y[other]


def _metrics_case(name, rows, threshold=0.5, public=False):
    """A case on the given rows of the other tumours; its reference is the model's probabilities for them,
    computed here."""
    model, X, y = _tumour_classifier()
    X, y = X[rows], y[rows]
    p = np.asarray(model(X, training=False)).ravel()
    if threshold < 1:
        keep = np.abs(p - threshold) >= 1e-3  # no prediction so close to the threshold that rounding could flip it
        X, y, p = X[keep], y[keep], p[keep]
    return Case(name, (ModelInput(model), X, y, threshold), public=public, reference=p)


def metrics_like_sklearn(expected, got, case):
    if not isinstance(got, dict):
        return f"return a dict with the keys {list(METRIC_KEYS)}, got a {type(got).__name__}"
    _, _, y, threshold = case.args
    y_hat = (case.reference > threshold).astype(int)
    reference = {
        "precision": float(precision_score(y, y_hat, zero_division=0)),
        "recall": float(recall_score(y, y_hat, zero_division=0)),
        "f1": float(f1_score(y, y_hat, zero_division=0)),
        "accuracy": float(accuracy_score(y, y_hat)),
    }
    return close(atol=1e-6, rtol=0)(reference, got, case)


def _broadcast_metrics(case):
    """The metrics counted from (m, 1) predictions against labels of shape (m,): every comparison
    broadcasts to an (m, m) table."""
    _, _, y, threshold = case.args
    y_hat = (case.reference[:, np.newaxis] > threshold).astype(int)
    tp, fp, fn = (np.sum((y_hat == a) & (y == b)) for a, b in ((1, 1), (1, 0), (0, 1)))
    return {"precision": tp / (tp + fp) if tp + fp else 0.0, "recall": tp / (tp + fn) if tp + fn else 0.0,
            "f1": 2 * tp / (2 * tp + fp + fn) if tp else 0.0, "accuracy": np.mean(y_hat == y)}


COLUMN_AGAINST_VECTOR = KnownMistake(
    "these are the metrics of (m, 1) predictions compared with labels of shape (m,): NumPy broadcasts every "
    "comparison to an (m, m) table; flatten the predictions with .ravel() before comparing them with y",
    _broadcast_metrics, atol=1e-6)


def _compute_metrics_cases():
    _, _, y = _tumour_classifier()
    malignant, benign = np.flatnonzero(y == 1), np.flatnonzero(y == 0)
    return (
        _metrics_case("100 tumours, threshold 0.5", np.arange(100), public=True),
        _metrics_case("100 tumours, threshold 0.8", np.arange(100, 200), 0.8, public=True),
        _metrics_case("all 269 other tumours, threshold 0.5", np.arange(len(y))),
        _metrics_case("69 tumours, threshold 0.2", np.arange(200, len(y)), 0.2),
        _metrics_case("imbalanced: 6 malignant and 80 benign tumours", np.concatenate([malignant[:6], benign[:80]])),
        _metrics_case("threshold 1.0: nothing is predicted malignant, precision 0", np.arange(60), 1.0),
        _metrics_case("benign tumours only: no positives, recall 0", benign[:50], 0.3),
    )


CHECKS = [
    Check("f1_score",
          hint="F1 = 2 * precision * recall / (precision + recall), the harmonic mean; "
               "return 0.0 when precision + recall == 0, without dividing",
          cases=F1_CASES,
          compare=f1_like_sklearn),
    Check("select_model",
          hint="keep the rows that meet every constraint of satisficing (metric -> (operator, limit)): the OPERATORS "
               "function of the operator, applied to the row's value of the metric and the limit, is True ('<' and '>' "
               "are strict, '<=' and '>=' include the limit); among those rows return the name of the one with the "
               "largest value of the optimizing metric, the first one on a tie; None if no row is left",
          cases=SELECT_CASES,
          compare=same_choice),
    Check("weighted_error",
          hint="sum the weights of the examples where y_pred != y_true, then divide by the sum of ALL the weights "
               "(not by the number of examples)",
          cases=WEIGHTED_CASES,
          compare=weighted_like_sklearn),
    Check("diagnose",
          hint="avoidable_bias = train_err - human_err, variance = dev_err - train_err (not dev_err - human_err); "
               "focus is 'bias' when avoidable_bias >= variance, else 'variance'",
          cases=DIAGNOSE_CASES,
          compare=diagnosis_by_hand),
    Check("compute_metrics",
          hint="p = model.predict(X, verbose=0) has shape (m, 1): flatten it with .ravel() before comparing with y "
               "of shape (m,); y_hat = p > threshold; count TP, FP, FN from y_hat and y; precision = TP / (TP + FP) "
               "and recall = TP / (TP + FN), each 0 when its denominator is 0; f1 from them; accuracy = mean(y_hat == y)",
          cases=_compute_metrics_cases(),
          compare=metrics_like_sklearn,
          known_mistakes=(COLUMN_AGAINST_VECTOR,)),
]
