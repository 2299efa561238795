"""One typical mistake per exercise: each must lose exactly that exercise's points.

The exercises call each other (model calls initialize_with_zeros, optimize and predict; optimize
calls propagate; propagate and predict call sigmoid). Each mistake planted in a called exercise is
one that its callers' checks see again: run with it, the callers would lose points too (a test
checks this with the grader's cascade turned off). The grader's cascade keeps the loss in the one
exercise: when an exercise fails its own checks, the exercises that call it are checked with the
reference version in its place.
"""
PLANTED_BUGS = {
    # A sign slip: np.exp(z) for np.exp(-z), so a large z gives 0 instead of 1.
    "sigmoid": '''def sigmoid(z):
    z = np.asarray(z, dtype=np.float64)
    return 1 / (1 + np.exp(z))''',
    # A row for a column: w of shape (1, dim), so that w.T @ X no longer fits X of shape (dim, m).
    "initialize_with_zeros": '''def initialize_with_zeros(dim):
    return np.zeros((1, dim)), 0.0''',
    # The 1/m forgotten in dw (db has it): the gradient of the summed losses, m times too large.
    "propagate": '''def propagate(w, b, X, Y):
    X, Y = np.asarray(X, dtype=np.float64), np.asarray(Y, dtype=np.float64)
    w = np.asarray(w, dtype=np.float64)
    m = X.shape[1]
    A = sigmoid(w.T @ X + b)
    cost = float(-np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A)) / m)
    dZ = A - Y
    grads = {"dw": X @ dZ.T, "db": float(np.sum(dZ) / m)}
    return grads, cost''',
    # A sign slip in the step of w: it climbs the cost instead of descending it.
    "optimize": '''def optimize(w, b, X, Y, num_iterations=100, learning_rate=0.009, print_cost=False):
    w, b = np.array(w, dtype=np.float64), float(b)
    costs = []
    for i in range(num_iterations):
        grads, cost = propagate(w, b, X, Y)
        dw, db = grads["dw"], grads["db"]
        w = w + learning_rate * dw
        b = b - learning_rate * db
        if i % 100 == 0:
            costs.append(cost)
    return {"w": w, "b": b}, {"dw": dw, "db": db}, costs''',
    # The sigmoid forgotten: z = w.T X + b itself compared with 0.5, where the boundary is z = 0.
    "predict": '''def predict(w, b, X):
    X = np.asarray(X, dtype=np.float64)
    w = np.asarray(w, dtype=np.float64).reshape(X.shape[0], 1)
    Z = w.T @ X + b
    return (Z > 0.5).astype(np.float64)''',
    # learning_rate is not passed on: optimize trains with its own default, 0.009.
    "model": '''def model(X_train, Y_train, X_test, Y_test, num_iterations=2000, learning_rate=0.005, print_cost=False):
    w, b = initialize_with_zeros(X_train.shape[0])
    params, grads, costs = optimize(w, b, X_train, Y_train, num_iterations, print_cost=print_cost)
    w, b = params["w"], params["b"]
    return {"costs": costs, "Y_prediction_test": predict(w, b, X_test),
            "Y_prediction_train": predict(w, b, X_train), "w": w, "b": b,
            "learning_rate": learning_rate, "num_iterations": num_iterations}''',
}
