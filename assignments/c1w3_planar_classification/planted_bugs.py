"""One typical mistake per exercise: each must lose exactly that exercise's points.

nn_model calls the six exercises before it, and predict calls forward_propagation. Each mistake
planted in a called exercise is one that its callers' checks see again: nn_model, run with it,
errs or trains a network that no longer learns the flower, and predict gets classes wrong (a test
checks this with the grader's cascade turned off). The grader's cascade keeps the loss in the one
exercise: when an exercise fails its own checks, the exercises that call it are checked with the
reference version in its place.
"""
PLANTED_BUGS = {
    # The wrong axis: the number of columns (examples) read as the number of features and outputs.
    "layer_sizes": '''def layer_sizes(X, Y):
    n_x = X.shape[1]
    n_h = 4
    n_y = Y.shape[1]
    return n_x, n_h, n_y''',
    # Zeros for the weights too, like the biases: every hidden unit computes the same thing, and with
    # W2 = 0 as well no gradient reaches W1 or W2, so only b2 ever moves.
    "initialize_parameters": '''def initialize_parameters(n_x, n_h, n_y):
    W1 = np.zeros((n_h, n_x))
    b1 = np.zeros((n_h, 1))
    W2 = np.zeros((n_y, n_h))
    b2 = np.zeros((n_y, 1))
    return {"W1": W1, "b1": b1, "W2": W2, "b2": b2}''',
    # Z1 passed on to the second layer instead of A1 = tanh(Z1): the network is linear.
    "forward_propagation": '''def forward_propagation(X, parameters):
    W1, b1 = parameters["W1"], parameters["b1"]
    W2, b2 = parameters["W2"], parameters["b2"]
    Z1 = W1 @ X + b1
    A1 = np.tanh(Z1)
    Z2 = W2 @ Z1 + b2
    A2 = sigmoid(Z2)
    return A2, {"Z1": Z1, "A1": A1, "Z2": Z2, "A2": A2}''',
    # np.dot(Y, log(A2)) without transposing one side: (1, m) by (1, m) does not multiply.
    "compute_cost": '''def compute_cost(A2, Y):
    m = Y.shape[1]
    cost = -(np.dot(Y, np.log(A2)) + np.dot(1 - Y, np.log(1 - A2))) / m
    return float(np.squeeze(cost))''',
    # The sigmoid's derivative A1 (1 - A1) where the hidden layer is tanh, whose derivative is 1 - A1**2.
    "backward_propagation": '''def backward_propagation(parameters, cache, X, Y):
    m = X.shape[1]
    W2 = parameters["W2"]
    A1, A2 = cache["A1"], cache["A2"]
    dZ2 = A2 - Y
    dW2 = dZ2 @ A1.T / m
    db2 = np.sum(dZ2, axis=1, keepdims=True) / m
    dZ1 = (W2.T @ dZ2) * A1 * (1 - A1)
    dW1 = dZ1 @ X.T / m
    db1 = np.sum(dZ1, axis=1, keepdims=True) / m
    return {"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2}''',
    # A sign slip: θ + learning_rate * dθ climbs the cost instead of descending it.
    "update_parameters": '''def update_parameters(parameters, grads, learning_rate=1.2):
    return {name: parameters[name] + learning_rate * grads["d" + name] for name in ("W1", "b1", "W2", "b2")}''',
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
