"""One typical mistake per exercise: each must lose exactly that exercise's points.

nn_model calls the other functions, so the mistakes planted in them are ones that leave
its training working (nn_model is judged on the accuracy of the network it returns).
A gradient formula with the wrong derivative would cost nn_model's points too, as it
should: the network it trains then no longer learns.
"""
PLANTED_BUGS = {
    # The flower's sizes written in: right for the flower, wrong for any other data.
    "layer_sizes": '''def layer_sizes(X, Y):
    return 2, 4, 1''',
    # Forgetting the factor 0.01: the network still trains, from weights 100 times too large.
    "initialize_parameters": '''def initialize_parameters(n_x, n_h, n_y):
    rng = np.random.default_rng(2)
    W1 = rng.standard_normal((n_h, n_x))
    W2 = rng.standard_normal((n_y, n_h))
    return {"W1": W1, "b1": np.zeros((n_h, 1)), "W2": W2, "b2": np.zeros((n_y, 1))}''',
    # Caching only what backward_propagation reads: Z1 and Z2 are missing.
    "forward_propagation": '''def forward_propagation(X, parameters):
    A1 = np.tanh(parameters["W1"] @ X + parameters["b1"])
    A2 = sigmoid(parameters["W2"] @ A1 + parameters["b2"])
    return A2, {"A1": A1, "A2": A2}''',
    # Only the term of class 1: examples of class 0 cost nothing.
    "compute_cost": '''def compute_cost(A2, Y):
    m = Y.shape[1]
    return float(-np.sum(Y * np.log(A2)) / m)''',
    # Last week's db = np.sum(dZ) / m: a plain number instead of a (1, 1) column.
    "backward_propagation": '''def backward_propagation(parameters, cache, X, Y):
    m = X.shape[1]
    A1, A2 = cache["A1"], cache["A2"]
    dZ2 = A2 - Y
    dW2 = dZ2 @ A1.T / m
    db2 = np.sum(dZ2) / m
    dZ1 = (parameters["W2"].T @ dZ2) * (1 - A1 ** 2)
    dW1 = dZ1 @ X.T / m
    db1 = np.sum(dZ1, axis=1, keepdims=True) / m
    return {"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2}''',
    # The default learning rate written in: the learning_rate argument is ignored.
    "update_parameters": '''def update_parameters(parameters, grads, learning_rate=1.2):
    return {name: parameters[name] - 1.2 * grads["d" + name] for name in ("W1", "b1", "W2", "b2")}''',
    # Calling update_parameters without keeping what it returns: the parameters never change.
    "nn_model": '''def nn_model(X, Y, n_h, num_iterations=10000, learning_rate=1.2, print_cost=False):
    n_x, _, n_y = layer_sizes(X, Y)
    parameters = initialize_parameters(n_x, n_h, n_y)
    for i in range(num_iterations):
        A2, cache = forward_propagation(X, parameters)
        cost = compute_cost(A2, Y)
        grads = backward_propagation(parameters, cache, X, Y)
        update_parameters(parameters, grads, learning_rate)
    return parameters''',
    # Returning the probabilities instead of the classes.
    "predict": '''def predict(parameters, X):
    A2, _ = forward_propagation(X, parameters)
    return A2''',
}
