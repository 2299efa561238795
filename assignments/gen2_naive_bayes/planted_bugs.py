"""One typical mistake per exercise: each must lose exactly that exercise's points.

classify_outfits calls fit_naive_bayes and predict_log_proba: the mistakes planted in those two are ones
its checks see again (the missing alpha * c_j changes some of the predictions after 30 training outfits;
normalising in probability space gives NaN rows, hence class 0, for the 1,500-feature outfits), so the
grader's cascade is what keeps classify_outfits's point.
"""
PLANTED_BUGS = {
    # Laplace smoothing where the maximum likelihood estimate was asked for.
    "categorical_mle": '''def categorical_mle(values, n_categories):
    counts = np.bincount(values, minlength=n_categories)
    return (counts + 1) / (len(values) + n_categories)''',
    # The mean of the logs instead of their sum.
    "log_likelihood": '''def log_likelihood(values, probs):
    with np.errstate(divide="ignore"):
        return float(np.mean(np.log(probs[values])))''',
    # alpha added once to the denominator instead of alpha * c_j.
    "fit_naive_bayes": '''def fit_naive_bayes(X, y, n_categories, alpha=1.0):
    K = int(np.max(y)) + 1
    class_counts = np.bincount(y, minlength=K)
    log_prior = np.log(class_counts / class_counts.sum())
    log_conditionals = []
    for j, size in enumerate(n_categories):
        counts = np.zeros((K, size))
        np.add.at(counts, (y, X[:, j]), 1)
        log_conditionals.append(np.log((counts + alpha) / (class_counts[:, None] + alpha)))
    return {"log_prior": log_prior, "log_conditionals": log_conditionals}''',
    # Normalised in probability space: exp underflows to 0 with many features, and 0 / 0 is NaN.
    "predict_log_proba": '''def predict_log_proba(model, X):
    scores = model["log_prior"] + sum(table[:, X[:, j]].T for j, table in enumerate(model["log_conditionals"]))
    with np.errstate(divide="ignore", invalid="ignore"):
        probs = np.exp(scores)
        return np.log(probs / probs.sum(axis=1, keepdims=True))''',
    # Each feature drawn from its mixture over the styles, ignoring the style drawn for the outfit.
    "sample": '''def sample(model, n, rng=None):
    rng = np.random.default_rng(rng)
    prior = np.exp(model["log_prior"])
    y = rng.choice(len(prior), size=n, p=prior / prior.sum())
    X = np.zeros((n, len(model["log_conditionals"])), dtype=np.int64)
    for j, table in enumerate(model["log_conditionals"]):
        p = prior @ np.exp(table)
        X[:, j] = rng.choice(len(p), size=n, p=p / p.sum())
    return X, y''',
    # No smoothing: alpha = 0.
    "classify_outfits": '''def classify_outfits(X_train, y_train, X_test, n_categories):
    model = fit_naive_bayes(X_train, y_train, n_categories, alpha=0.0)
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.argmax(predict_log_proba(model, X_test), axis=1)''',
}
