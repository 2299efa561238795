"""One typical mistake per exercise: each must lose exactly that exercise's points.

The exercises call each other, so each mistake here is one that the later exercises' checks
do not see again (see checks.py): a wrong gradient in propagate, say, would also change what
optimize and model return.
"""
PLANTED_BUGS = {
    # The algebraically equal form e^z / (1 + e^z) overflows: for z > 709, inf / inf is NaN.
    "sigmoid": '''def sigmoid(z):
    z = np.asarray(z, dtype=np.float64)
    return np.exp(z) / (1 + np.exp(z))''',
    # b as the integer 0, not the float 0.0.
    "initialize_with_zeros": '''def initialize_with_zeros(dim):
    return np.zeros((dim, 1)), 0''',
    # The cost written with np.dot is a 1x1 array, returned without turning it into a number.
    "propagate": '''def propagate(w, b, X, Y):
    X, Y = np.asarray(X, dtype=np.float64), np.asarray(Y, dtype=np.float64)
    w = np.asarray(w, dtype=np.float64)
    m = X.shape[1]
    A = sigmoid(np.dot(w.T, X) + b)
    cost = -(np.dot(Y, np.log(A).T) + np.dot(1 - Y, np.log(1 - A).T)) / m
    dZ = A - Y
    grads = {"dw": np.dot(X, dZ.T) / m, "db": float(np.sum(dZ) / m)}
    return grads, cost''',
    # Records the cost after 100, 200, ... updates instead of at iterations 0, 100, 200, ...
    "optimize": '''def optimize(w, b, X, Y, num_iterations=100, learning_rate=0.009, print_cost=False):
    w, b = np.array(w, dtype=np.float64), float(b)
    costs = []
    for i in range(num_iterations):
        grads, cost = propagate(w, b, X, Y)
        dw, db = grads["dw"], grads["db"]
        w = w - learning_rate * dw
        b = b - learning_rate * db
        if (i + 1) % 100 == 0:
            costs.append(cost)
    return {"w": w, "b": b}, {"dw": dw, "db": db}, costs''',
    # A probability of exactly 0.5 counted as a cat.
    "predict": '''def predict(w, b, X):
    X = np.asarray(X, dtype=np.float64)
    w = np.asarray(w, dtype=np.float64).reshape(X.shape[0], 1)
    A = sigmoid(w.T @ X + b)
    return (A >= 0.5).astype(np.float64)''',
    # learning_rate is not passed on: optimize trains with its own default, 0.009.
    "model": '''def model(X_train, Y_train, X_test, Y_test, num_iterations=2000, learning_rate=0.005, print_cost=False):
    w, b = initialize_with_zeros(X_train.shape[0])
    params, grads, costs = optimize(w, b, X_train, Y_train, num_iterations, print_cost=print_cost)
    w, b = params["w"], params["b"]
    return {"costs": costs, "Y_prediction_test": predict(w, b, X_test),
            "Y_prediction_train": predict(w, b, X_train), "w": w, "b": b,
            "learning_rate": learning_rate, "num_iterations": num_iterations}''',
}
