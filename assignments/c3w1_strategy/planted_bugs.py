"""One typical mistake per exercise: each must lose exactly that exercise's points.

No exercise's solution calls another (compute_metrics computes F1 from its counts), so each
mistake stays inside its exercise.
"""
PLANTED_BUGS = {
    # The formula without the guard: precision = recall = 0 divides by zero.
    "f1_score": '''def f1_score(precision, recall):
    return 2 * precision * recall / (precision + recall)''',
    # "<" treated like "<=": a model exactly at the limit is let through.
    "select_model": '''OPERATORS = {"<": operator.le, "<=": operator.le, ">": operator.ge, ">=": operator.ge}


def select_model(results, optimizing="f1", satisficing=None):
    if satisficing is None:
        satisficing = {"latency_ms": ("<", 100)}
    allowed = [row for row in results
               if all(OPERATORS[op](row[metric], limit) for metric, (op, limit) in satisficing.items())]
    if not allowed:
        return None
    return max(allowed, key=lambda row: row[optimizing])["name"]''',
    # Divides by the number of examples instead of by the sum of the weights.
    "weighted_error": '''def weighted_error(y_true, y_pred, weights):
    y_true, y_pred, weights = np.asarray(y_true), np.asarray(y_pred), np.asarray(weights, dtype=float)
    return float(np.mean(weights * (y_true != y_pred)))''',
    # Variance measured from the human level instead of from the training error.
    "diagnose": '''def diagnose(human_err, train_err, dev_err):
    avoidable_bias = train_err - human_err
    variance = dev_err - human_err
    focus = "bias" if avoidable_bias >= variance else "variance"
    return {"avoidable_bias": avoidable_bias, "variance": variance, "focus": focus}''',
    # The (m, 1) predictions are not flattened: comparing them with y of shape (m,) broadcasts to (m, m).
    "compute_metrics": '''def compute_metrics(model, X, y, threshold=0.5):
    y = np.asarray(y).ravel()
    y_hat = (model.predict(X, verbose=0) > threshold).astype(int)
    tp = np.sum((y_hat == 1) & (y == 1))
    fp = np.sum((y_hat == 1) & (y == 0))
    fn = np.sum((y_hat == 0) & (y == 1))
    precision = tp / (tp + fp) if tp + fp > 0 else 0.0
    recall = tp / (tp + fn) if tp + fn > 0 else 0.0
    f1 = 2 * tp / (2 * tp + fp + fn) if tp > 0 else 0.0
    return {"precision": float(precision), "recall": float(recall), "f1": float(f1),
            "accuracy": float(np.mean(y_hat == y))}''',
}
