"""Checks of assignment gen2_naive_bayes (the generative track, topic 2: categorical_mle, log_likelihood,
fit_naive_bayes, predict_log_proba, sample, classify_outfits). Expected outputs: expected/*.npz.

The data are lessons.data.make_outfits: five categorical features (4, 4, 4, 5 and 3 categories) and a
style (3 classes). The hidden cases use outfits of other seeds, other smoothing strengths and small
made-up data sets whose answers can be counted by hand. Each from-scratch function is also compared
with its library twin, computed here in the grader's process:

- categorical_mle(values, n_categories): counts / n, an (n_categories,) array; twin: scikit-learn's
  CategoricalNB with a single class and alpha = 1e-10 (its feature_log_prob_, exponentiated).
- log_likelihood(values, probs): sum_i log probs[values_i], a float (-inf when a value has probability 0,
  0.0 for no values); twin: scipy.stats.multinomial.logpmf of the counts minus the log of the multinomial
  coefficient, which does not depend on probs.
- fit_naive_bayes(X, y, n_categories, alpha=1.0): {"log_prior": (K,), "log_conditionals": [(K, c_j) per
  feature]}, K = max(y) + 1; prior n_c / n (unsmoothed), conditionals (n_jkc + alpha) / (n_c + alpha c_j);
  twin: CategoricalNB(alpha, min_categories=n_categories, force_alpha=True)'s class_log_prior_ and
  feature_log_prob_.
- predict_log_proba(model, X): (n, K) log posteriors, normalised with the log-sum-exp trick; twin:
  CategoricalNB.predict_log_proba of a CategoricalNB fitted on the same data. A public and a hidden case
  repeat the outfit 300 times (1,500 features), where normalising in probability space gives NaN.
- sample(model, n, rng): (X (n, d), y (n,)) of whole numbers. Judged by distribution, not draw for draw,
  so any correct use of the seed passes: the styles' frequencies and, within each style, each feature's
  frequencies must lie within 5 standard errors (+ 0.01) of the model's probabilities; a sampler that draws
  the features from their mixture over the styles (ignoring the drawn style) is named.
- classify_outfits(X_train, y_train, X_test, n_categories): the predicted styles, (n_test,). It calls
  fit_naive_bayes and predict_log_proba (the kit's cascade). Two cases compare the predictions with the
  reference's exactly (30 training outfits, where smoothing matters, and the 1,500-feature outfits); the
  end checks train on 2,000 (public) and 1,000 (hidden) outfits and need at least 72 % and 70 % right on
  held-out outfits whose labels stay in the grader (the reference reaches 75.1 % and 73.4 %; the Bayes
  classifier, which knows the generator, 75.8 % and 75.3 % on those two held-out sets).

Known mistakes named in the feedback: Laplace smoothing in the MLE, counts not divided by n, bincount
without minlength (categorical_mle); the likelihood instead of its log, the mean instead of the sum
(log_likelihood); alpha missing from the denominator's alpha c_j, a smoothed prior, probabilities instead of
logs (fit_naive_bayes); unnormalised scores, normalising in probability space (predict_log_proba);
alpha = 0 (classify_outfits).

Grading time, measured on the shared 2-core machine at load 7.7-8.9 (`python -m grader grade`, wall clock):
the solution 12/12 in 22.0 s, the untouched student notebook 0/12 in 19.1 s; the notebook itself imports
TensorFlow in the set-up cell (start(SEED)) and runs no training. In the test suite at load 8-9 the
solution grades in 23.9 s, the student notebook in 21.2 s and each group of planted bugs in 20-23 s.
"""
from typing import NamedTuple

import numpy as np
from scipy.special import gammaln, logsumexp
from scipy.stats import multinomial
from sklearn.naive_bayes import CategoricalNB

from grader.checks import Case, Check, KnownMistake, agrees_with, array_of_shape, close, n_parts, one_number
from lessons.data import make_outfits

rng = np.random.default_rng(2207)
SIZES = [4, 4, 4, 5, 3]
TRAIN = make_outfits(2000, seed=0)       # what the notebook uses
TEST = make_outfits(5000, seed=1)
OTHER = make_outfits(1000, seed=5)       # hidden cases
OTHER_TEST = make_outfits(3000, seed=6)
MIN_ACCURACY = 0.72                      # the notebook's outfits: the reference reaches 75.1 %
MIN_OTHER_ACCURACY = 0.70                # the hidden outfits: the reference reaches 73.4 % (Bayes classifier 75.3 %)
REPEATS = 300                            # the wide outfits: each feature 300 times


# ---------------------------------------------------------------- twins (grader's process)
def mle(values, n_categories):
    values = np.asarray(values, dtype=int)
    return np.bincount(values, minlength=n_categories) / len(values)


def log_lik(values, probs):
    values, probs = np.asarray(values, dtype=int), np.asarray(probs, dtype=float)
    with np.errstate(divide="ignore"):
        return float(np.sum(np.log(probs[values])))


def fit(X, y, n_categories, alpha=1.0, prior_alpha=0.0, denominator=True, logs=True):
    X, y = np.asarray(X, dtype=int), np.asarray(y, dtype=int)
    K = int(y.max()) + 1
    class_counts = np.bincount(y, minlength=K).astype(float)
    prior = (class_counts + prior_alpha) / (class_counts.sum() + prior_alpha * K)
    tables = []
    for j, size in enumerate(n_categories):
        counts = np.zeros((K, size))
        np.add.at(counts, (y, X[:, j]), 1)
        below = counts.sum(axis=1, keepdims=True) + (alpha * size if denominator else alpha)
        with np.errstate(divide="ignore", invalid="ignore"):
            tables.append(np.log((counts + alpha) / below) if logs else (counts + alpha) / below)
    with np.errstate(divide="ignore"):
        return {"log_prior": np.log(prior) if logs else prior, "log_conditionals": tables}


def scores_of(model, X):
    X = np.asarray(X, dtype=int)
    return np.asarray(model["log_prior"]) + sum(np.asarray(t)[:, X[:, j]].T
                                                for j, t in enumerate(model["log_conditionals"]))


def predict(model, X):
    s = scores_of(model, X)
    with np.errstate(invalid="ignore"):
        return s - logsumexp(s, axis=1, keepdims=True)


def predict_in_probability_space(model, X):
    s = scores_of(model, X)
    with np.errstate(divide="ignore", invalid="ignore"):
        p = np.exp(s)
        return np.log(p / p.sum(axis=1, keepdims=True))


def classify(X_train, y_train, X_test, n_categories, alpha=1.0):
    with np.errstate(invalid="ignore"):
        return np.argmax(predict(fit(X_train, y_train, n_categories, alpha), X_test), axis=1)


def library_nb(X, y, n_categories, alpha=1.0):
    return CategoricalNB(alpha=alpha, min_categories=list(n_categories), force_alpha=True).fit(X, y)


def wide(X):
    return np.tile(np.asarray(X), REPEATS)


# ---------------------------------------------------------------- categorical_mle
def mle_result(expected, got, case):
    values, n_categories = case.args
    values = np.asarray(values)
    if isinstance(got, np.ndarray) and got.ndim == 1 and len(values) and got.shape == (int(values.max()) + 1,) \
            and got.shape[0] < n_categories:
        return (f"the result has {got.shape[0]} entries, one per category up to the largest value seen: "
                f"np.bincount(values, minlength=n_categories) gives all {n_categories}, unseen ones 0")
    message = array_of_shape(got, (n_categories,), "the probabilities")
    if message:
        return message
    got = np.asarray(got, dtype=np.float64)
    if not np.isclose(got.sum(), 1.0, atol=1e-9):
        return f"the probabilities should sum to 1, yours sum to {got.sum():.4g}: divide the counts by n = len(values)"
    twin = library_nb(values.reshape(-1, 1), np.zeros(len(values), int), [n_categories], alpha=1e-10)
    message = agrees_with(got, np.exp(twin.feature_log_prob_[0][0]), "scikit-learn's CategoricalNB (alpha=1e-10)",
                          atol=1e-8, what="the probabilities")
    return message or close(atol=1e-12, rtol=1e-12)(expected, got, case, "the probabilities")


MLE_MISTAKES = (
    KnownMistake("you added 1 to every count (Laplace smoothing): that is a smoothed estimate, not the maximum "
                 "likelihood one. The MLE is the counts divided by n, and an unseen category gets exactly 0",
                 lambda case: (np.bincount(case.args[0], minlength=case.args[1]) + 1)
                 / (len(case.args[0]) + case.args[1])),
    KnownMistake("these are the counts: divide them by n = len(values) so that the probabilities sum to 1",
                 lambda case: np.bincount(case.args[0], minlength=case.args[1]).astype(float)),
    KnownMistake("you divided the counts by the largest count: divide by n = len(values), the number of values",
                 lambda case: np.bincount(case.args[0], minlength=case.args[1])
                 / np.bincount(case.args[0], minlength=case.args[1]).max()),
)

MLE_CASES = (
    Case("the colours of the 2,000 training outfits (5 categories)", (TRAIN.X[:, 3].copy(), 5), public=True),
    Case("ten values of 4 categories, the last never seen", (np.array([0, 0, 1, 2, 1, 0, 0, 2, 0, 1]), 4),
         public=True),
    Case("a single value", (np.array([2]), 3), public=True),
    Case("the accessories of other outfits", (OTHER.X[:, 4].copy(), 3)),
    Case("15 values of 10 categories, most never seen", (rng.integers(0, 3, 15), 10)),
    Case("seven equal values, 2 categories", (np.full(7, 1), 2)),
)


# ---------------------------------------------------------------- log_likelihood
def log_likelihood_result(expected, got, case):
    values, probs = case.args
    if np.isneginf(expected):
        if isinstance(got, (float, np.floating, np.ndarray)) and np.size(got) == 1 and np.isneginf(np.ravel(got)[0]):
            return None
        return ("a value of probability 0 makes the data impossible: its log is -inf, and so is the sum. Return "
                "-inf (np.log(0.0) gives it, with a warning you may silence with np.errstate(divide='ignore'))")
    if isinstance(got, (float, np.floating)) and np.isnan(got):
        return "the result is NaN: with no values the sum of no logs is 0.0"
    message = one_number(got, "the log-likelihood", size_one=True)
    if message:
        return message
    got = float(np.ravel(got)[0])
    counts = np.bincount(np.asarray(values, dtype=int), minlength=len(probs))
    n = int(counts.sum())
    twin = float(multinomial.logpmf(counts, n, np.asarray(probs, float))) - (gammaln(n + 1) - gammaln(counts + 1).sum())
    message = agrees_with(got, twin, "scipy.stats.multinomial.logpmf minus the log multinomial coefficient",
                          atol=1e-7, rtol=1e-9, what="the log-likelihood")
    return message or close(atol=1e-9, rtol=1e-9)(expected, got, case, "the log-likelihood")


def _mean_of_logs(values, probs):
    if len(values) == 0:
        return float("nan")   # what np.mean of no values gives (with a warning)
    with np.errstate(divide="ignore"):
        return float(np.mean(np.log(np.asarray(probs)[values])))


LOG_LIKELIHOOD_MISTAKES = (
    KnownMistake("this is the likelihood, the product of the probabilities: return its logarithm, the sum of "
                 "the logs, which does not underflow (the product of 2,000 probabilities is 0.0)",
                 lambda case: float(np.prod(np.asarray(case.args[1])[case.args[0]]))),
    KnownMistake("this is the mean of the logs: the log-likelihood is their sum (n times the mean)",
                 lambda case: _mean_of_logs(*case.args)),
)


def _probs(size):
    p = rng.random(size) + 0.05
    return p / p.sum()


_MLE_TRAIN = mle(TRAIN.X[:, 3], 5)
LOG_LIKELIHOOD_CASES = (
    Case("the 2,000 training colours under counts / n", (TRAIN.X[:, 3].copy(), _MLE_TRAIN.copy()), public=True),
    Case("three values, probabilities (0.2, 0.3, 0.5)", (np.array([0, 2, 2]), np.array([0.2, 0.3, 0.5])),
         public=True),
    Case("a value of probability 0", (np.array([0, 1, 0]), np.array([1.0, 0.0])), public=True),
    Case("no values at all", (np.array([], dtype=np.int64), np.array([0.6, 0.4])), public=True),
    Case("5,000 held-out colours under the training counts / n", (TEST.X[:, 3].copy(), _MLE_TRAIN.copy())),
    Case("other accessories under a random distribution", (OTHER.X[:, 4].copy(), _probs(3))),
    Case("a value of probability 0 among many", (np.array([2, 0, 1, 3, 1, 2]), np.array([0.3, 0.3, 0.4, 0.0]))),
    Case("one value, probability 1", (np.array([0]), np.array([1.0]))),
)


# ---------------------------------------------------------------- fit_naive_bayes
def model_shape(got, K, n_categories, what="the model"):
    if not isinstance(got, dict):
        return f"{what} should be a dict with keys 'log_prior' and 'log_conditionals', got a {type(got).__name__}"
    missing = [key for key in ("log_prior", "log_conditionals") if key not in got]
    if missing:
        return f"{what} is missing the keys {missing}"
    message = array_of_shape(got["log_prior"], (K,), f"{what}['log_prior']", finite=False)
    if message:
        return message
    tables = got["log_conditionals"]
    if not isinstance(tables, (list, tuple)) or len(tables) != len(n_categories):
        return f"{what}['log_conditionals'] should be a list of {len(n_categories)} arrays, one per feature"
    for j, size in enumerate(n_categories):
        message = array_of_shape(tables[j], (K, size), f"{what}['log_conditionals'][{j}]", finite=False)
        if message:
            return message
    return None


def fit_result(expected, got, case):
    X, y, n_categories = case.args[:3]
    alpha = case.args[3] if len(case.args) > 3 else 1.0
    K = int(np.max(y)) + 1
    message = model_shape(got, K, n_categories)
    if message:
        return message
    tables = [np.asarray(t, np.float64) for t in got["log_conditionals"]]
    if all(np.all(t >= 0) for t in tables):
        return ("the tables hold probabilities (all >= 0): return their logarithms, log p(x_j = k | y = c), "
                "as scikit-learn's feature_log_prob_ does")
    for c in range(K):
        for j, t in enumerate(tables):
            total = np.exp(t[c]).sum()
            if not np.isclose(total, 1.0, atol=1e-8):
                return (f"p(x_{j} | y = {c}) sums to {total:.4f}, not 1: divide n_jkc + alpha by n_c + alpha * c_j, "
                        f"where c_j = n_categories[j] = {n_categories[j]}")
    twin = library_nb(X, y, n_categories, alpha)
    message = agrees_with(got["log_prior"], twin.class_log_prior_, "scikit-learn's CategoricalNB class_log_prior_",
                          atol=1e-9, what="the log prior")
    if message:
        return message
    for j, t in enumerate(tables):
        message = agrees_with(t, twin.feature_log_prob_[j], "scikit-learn's CategoricalNB feature_log_prob_",
                              atol=1e-9, what=f"log_conditionals[{j}]")
        if message:
            return message
    return close(atol=1e-9, rtol=1e-9)(expected, got, case)


FIT_MISTAKES = (
    KnownMistake("the conditionals divide by n_c + alpha: Laplace smoothing adds alpha to each of the c_j "
                 "categories, so divide by n_c + alpha * c_j (or they do not sum to 1)",
                 lambda case: fit(*case.args, denominator=False)),
    KnownMistake("the prior is smoothed too: keep p(y = c) = n_c / n, as CategoricalNB does; only the "
                 "conditionals get alpha",
                 lambda case: fit(*case.args, prior_alpha=case.args[3] if len(case.args) > 3 else 1.0)),
)

_TWO_FEATURES = (np.array([[0, 1], [0, 0], [1, 1], [2, 1], [0, 1], [2, 0]]), np.array([0, 0, 0, 1, 1, 1]), [3, 2])
_UNSEEN = (np.array([[0, 2], [1, 2], [0, 0], [1, 1], [0, 2]]), np.array([1, 0, 1, 0, 1]), [3, 4])
FIT_CASES = (
    Case("the 2,000 training outfits, default alpha", (TRAIN.X.copy(), TRAIN.y.copy(), list(SIZES)), public=True),
    Case("six made-up outfits of two features, alpha = 1", (*_TWO_FEATURES, 1.0), public=True),
    Case("30 training outfits, alpha = 0.5", (TRAIN.X[:30].copy(), TRAIN.y[:30].copy(), list(SIZES), 0.5),
         public=True),
    Case("1,000 other outfits, default alpha", (OTHER.X.copy(), OTHER.y.copy(), list(SIZES))),
    Case("40 other outfits, alpha = 2", (OTHER.X[:40].copy(), OTHER.y[:40].copy(), list(SIZES), 2.0)),
    Case("five made-up outfits, categories never seen, alpha = 1", (*_UNSEEN, 1.0)),
)


# ---------------------------------------------------------------- predict_log_proba
def predict_result(expected, got, case):
    model, X = case.args
    K = len(model["log_prior"])
    message = array_of_shape(got, (len(X), K), "the log posteriors", finite=False)
    if message:
        return message
    got = np.asarray(got, np.float64)
    if np.any(np.isnan(got)):
        return ("the result holds NaN: the scores are so negative that exp(score) is 0.0 for every class, and "
                "0 / 0 is NaN. Normalise in log space: subtract the largest score of each row before np.exp "
                "(the log-sum-exp trick)")
    if not np.allclose(np.exp(got).sum(axis=1), 1.0, atol=1e-8):
        return ("the posteriors of a row should sum to 1 (in probability): subtract log sum_c exp(s_c) from "
                "each score s_c")
    twin = case.reference.predict_log_proba(np.asarray(X))
    message = agrees_with(got, twin, "scikit-learn's CategoricalNB predict_log_proba", atol=1e-8,
                          what="the log posteriors")
    return message or close(atol=1e-8, rtol=1e-8)(expected, got, case, "the log posteriors")


PREDICT_MISTAKES = (
    KnownMistake("these are the joint scores log p(x, y = c), not yet normalised: subtract log sum_c exp(s_c) "
                 "(with the log-sum-exp trick) so that each row is log p(y | x)",
                 lambda case: scores_of(*case.args)),
)


def _fitted(X, y, n_categories, alpha=1.0):
    """(model dict, the CategoricalNB twin fitted on the same data)."""
    nb = library_nb(X, y, n_categories, alpha)
    return {"log_prior": nb.class_log_prior_.copy(), "log_conditionals": [t.copy() for t in nb.feature_log_prob_]}, nb


_M_TRAIN, _NB_TRAIN = _fitted(TRAIN.X, TRAIN.y, SIZES)
_M_WIDE, _NB_WIDE = _fitted(wide(TRAIN.X[:200]), TRAIN.y[:200], SIZES * REPEATS)
_M_OTHER, _NB_OTHER = _fitted(OTHER.X[:60], OTHER.y[:60], SIZES, 0.5)
_M_OTHER_WIDE, _NB_OTHER_WIDE = _fitted(wide(OTHER.X), OTHER.y, SIZES * REPEATS)
_M_SMALL, _NB_SMALL = _fitted(*_TWO_FEATURES)
PREDICT_CASES = (
    Case("the model of the 2,000 training outfits, six held-out outfits", (_M_TRAIN, TEST.X[:6].copy()),
         public=True, reference=_NB_TRAIN),
    Case("the made-up two-feature model, three outfits", (_M_SMALL, np.array([[0, 1], [2, 0], [1, 1]])),
         public=True, reference=_NB_SMALL),
    Case("1,500 features (each outfit 300 times), five outfits", (_M_WIDE, wide(TEST.X[:5])), public=True,
         reference=_NB_WIDE),
    Case("the training model, 2,000 held-out outfits", (_M_TRAIN, TEST.X[:2000].copy()), reference=_NB_TRAIN),
    Case("a model of 60 other outfits (alpha 0.5), 500 outfits", (_M_OTHER, OTHER_TEST.X[:500].copy()),
         reference=_NB_OTHER),
    Case("1,500 features, another model, 200 outfits", (_M_OTHER_WIDE, wide(OTHER_TEST.X[:200])),
         reference=_NB_OTHER_WIDE),
)


# ---------------------------------------------------------------- sample
def _within(counts, probs, what):
    """A message when the frequencies counts / n are further than 5 standard errors + 0.01 from probs."""
    n = counts.sum()
    if n == 0:
        return None
    share = counts / n
    bound = 5 * np.sqrt(probs * (1 - probs) / n) + 0.01
    worst = int(np.argmax(np.abs(share - probs) - bound))
    if abs(share[worst] - probs[worst]) > bound[worst]:
        return (f"{what}: category {worst} was drawn {share[worst]:.1%} of the time, but its probability is "
                f"{probs[worst]:.1%}")
    return None


def sample_result(expected, got, case):
    model, n, _ = case.args
    prior = np.exp(np.asarray(model["log_prior"], np.float64))
    tables = [np.exp(np.asarray(t, np.float64)) for t in model["log_conditionals"]]
    message = n_parts(got, 2, "the result (X, y)")
    if message:
        return message
    X, y = (np.asarray(part) for part in got)
    if X.shape != (n, len(tables)) or y.shape != (n,):
        return f"X should have shape ({n}, {len(tables)}) and y shape ({n},), got {X.shape} and {y.shape}"
    for name, array in (("X", X), ("y", y)):
        if array.size and (array.dtype.kind not in "biuf" or not np.all(array == np.round(array))):
            return f"{name} should hold whole numbers (category and class indices)"
    X, y = X.astype(np.int64), y.astype(np.int64)
    if y.size and (y.min() < 0 or y.max() >= len(prior)):
        return f"y should hold classes 0 to {len(prior) - 1}"
    for j, t in enumerate(tables):
        if X.size and (X[:, j].min() < 0 or X[:, j].max() >= t.shape[1]):
            return f"feature {j} should hold categories 0 to {t.shape[1] - 1}"
    message = _within(np.bincount(y, minlength=len(prior)), prior, "the styles y are not drawn from exp(log_prior)")
    if message:
        return message
    for j, t in enumerate(tables):
        for c in range(len(prior)):
            counts = np.bincount(X[y == c, j], minlength=t.shape[1])
            message = _within(counts, t[c], f"within class {c}, feature {j} is not drawn from "
                                            f"exp(log_conditionals[{j}][{c}])")
            if message:
                mixture = prior @ t
                if _within(counts, mixture, "") is None and _within(counts, t[c], "") is not None:
                    return (f"within class {c}, feature {j} follows its mixture over all classes: draw each outfit's "
                            "features from the tables of the class drawn for that outfit, log_conditionals[j][y[i]]")
                return message
    return None


def _sample_reference(model, n, seed):
    generator = np.random.default_rng(seed)
    prior = np.exp(model["log_prior"])
    y = generator.choice(len(prior), size=n, p=prior / prior.sum())
    X = np.zeros((n, len(model["log_conditionals"])), np.int64)
    for j, t in enumerate(model["log_conditionals"]):
        p = np.exp(t[y])
        X[:, j] = (generator.random(n)[:, None] > np.cumsum(p / p.sum(axis=1, keepdims=True), axis=1)).sum(axis=1)
    return X, y


_M_SKEWED = {"log_prior": np.log([0.1, 0.9]),
             "log_conditionals": [np.log([[0.7, 0.2, 0.1], [0.05, 0.05, 0.9]]), np.log([[0.5, 0.5], [0.99, 0.01]])]}
SAMPLE_CASES = (
    Case("4,000 outfits from the model of the training outfits, seed 0", (_M_TRAIN, 4_000, 0), public=True),
    Case("2,000 draws from a made-up two-feature model, seed 1", (_M_SKEWED, 2_000, 1), public=True),
    Case("one outfit, seed 2", (_M_TRAIN, 1, 2), public=True),
    Case("5,000 outfits from a model of 60 other outfits, seed 3", (_M_OTHER, 5_000, 3)),
    Case("3,000 draws from the made-up model, seed 4", (_M_SKEWED, 3_000, 4)),
)


# ---------------------------------------------------------------- classify_outfits
class HeldOut(NamedTuple):
    labels: np.ndarray
    min_accuracy: float


def accurate_on_held_out(expected, got, case):
    labels = case.reference.labels
    message = array_of_shape(got, labels.shape, "the predicted styles")
    if message:
        return message
    accuracy = float(np.mean(np.asarray(got) == labels))
    if accuracy < case.reference.min_accuracy:
        return (f"the classifier gets {accuracy:.1%} of the held-out styles right; at least "
                f"{case.reference.min_accuracy:.0%} is expected (the reference reaches 73 to 75 %)")
    return None


def same_predictions(expected, got, case):
    message = array_of_shape(got, np.shape(expected), "the predicted styles")
    if message:
        return message
    got = np.asarray(got)
    if not np.all(got == np.round(got)):
        return "the predicted styles should be whole numbers, the argmax of each row of predict_log_proba"
    wrong = int(np.sum(got != expected))
    if wrong:
        twin = library_nb(*case.args[:2], case.args[3]).predict(case.args[2])
        return (f"{wrong} of {len(expected)} predictions differ from the argmax of the naive Bayes posterior "
                f"(alpha = 1), which scikit-learn's CategoricalNB also gives on {np.mean(twin == expected):.0%} of them")
    return None


CLASSIFY_MISTAKES = (
    KnownMistake("these are the predictions of naive Bayes fitted with alpha = 0: fit with the default alpha = 1, "
                 "so that a category never seen with a style does not make the outfit impossible",
                 lambda case: classify(*case.args, alpha=0.0)),
)

CLASSIFY_CASES = (
    Case("trained on 30 outfits: the styles of 300 held-out outfits",
         (TRAIN.X[:30].copy(), TRAIN.y[:30].copy(), TEST.X[:300].copy(), list(SIZES)), public=True),
    Case(f"the end check: trained on 2,000 outfits, at least {MIN_ACCURACY:.0%} right on 5,000 held-out ones",
         (TRAIN.X.copy(), TRAIN.y.copy(), TEST.X.copy(), list(SIZES)), public=True,
         compare=accurate_on_held_out, reference=HeldOut(TEST.y.copy(), MIN_ACCURACY)),
    Case("1,500 features: trained on 200 outfits, 300 held-out ones",
         (wide(TRAIN.X[:200]), TRAIN.y[:200].copy(), wide(TEST.X[:300]), list(SIZES) * REPEATS)),
    Case("trained on 40 other outfits: the styles of 500 held-out outfits",
         (OTHER.X[:40].copy(), OTHER.y[:40].copy(), OTHER_TEST.X[:500].copy(), list(SIZES))),
    Case(f"trained on 1,000 other outfits, at least {MIN_OTHER_ACCURACY:.0%} right on 3,000 held-out ones",
         (OTHER.X.copy(), OTHER.y.copy(), OTHER_TEST.X.copy(), list(SIZES)),
         compare=accurate_on_held_out, reference=HeldOut(OTHER_TEST.y.copy(), MIN_OTHER_ACCURACY)),
)


CHECKS = [
    Check("categorical_mle",
          hint="counts = np.bincount(values, minlength=n_categories); return counts / len(values)",
          cases=MLE_CASES, compare=mle_result, known_mistakes=MLE_MISTAKES),
    Check("log_likelihood",
          hint="return float(np.sum(np.log(probs[values]))): one log-probability per value, summed",
          cases=LOG_LIKELIHOOD_CASES, compare=log_likelihood_result, known_mistakes=LOG_LIKELIHOOD_MISTAKES),
    Check("fit_naive_bayes",
          hint="K = y.max() + 1; log_prior = log(n_c / n); for each feature j, counts[c, k] = number of outfits of "
               "class c with x_j = k (np.add.at), and the table is log((counts + alpha) / (n_c + alpha * "
               "n_categories[j])); return {'log_prior': ..., 'log_conditionals': [one (K, c_j) table per feature]}",
          cases=FIT_CASES, compare=fit_result, known_mistakes=FIT_MISTAKES),
    Check("predict_log_proba",
          hint="scores = log_prior + sum over j of log_conditionals[j][:, X[:, j]].T, shape (n, K); subtract "
               "m = scores.max(axis=1, keepdims=True) and compute log_norm = m + log(sum(exp(scores - m), axis=1)); "
               "return scores - log_norm",
          cases=PREDICT_CASES, compare=predict_result, known_mistakes=PREDICT_MISTAKES),
    Check("sample",
          hint="rng = np.random.default_rng(rng); y = rng.choice(K, size=n, p=exp(log_prior)); then for each feature "
               "j and each class c, draw the features of the outfits with y == c from exp(log_conditionals[j][c])",
          cases=SAMPLE_CASES, compare=sample_result),
    Check("classify_outfits",
          hint="model = fit_naive_bayes(X_train, y_train, n_categories) (alpha = 1); return "
               "np.argmax(predict_log_proba(model, X_test), axis=1)",
          cases=CLASSIFY_CASES, compare=same_predictions, known_mistakes=CLASSIFY_MISTAKES),
]
