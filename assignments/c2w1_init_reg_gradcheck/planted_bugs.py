"""One typical mistake per exercise: each must lose exactly that exercise's points.

The checks give every exercise its own inputs (caches, gradients, parameters made by the
grader), so a mistake in one function never reaches another's check, except in the 1-D gradient
check: gradient_check calls forward_propagation_1d and backward_propagation_1d, and the mistakes
planted there are ones its checks see again (a test checks this with the learner's version in
place). The grader's cascade keeps the loss in the one exercise.
"""
PLANTED_BUGS = {
    # The biases as vectors of shape (n_l,) instead of columns (n_l, 1).
    "initialize_parameters_zeros": '''def initialize_parameters_zeros(layers_dims):
    parameters = {}
    for l in range(1, len(layers_dims)):
        parameters[f"W{l}"] = np.zeros((layers_dims[l], layers_dims[l - 1]))
        parameters[f"b{l}"] = np.zeros(layers_dims[l])
    return parameters''',
    # A new generator for every layer: each layer restarts the same stream of draws.
    "initialize_parameters_random": '''def initialize_parameters_random(layers_dims):
    parameters = {}
    for l in range(1, len(layers_dims)):
        rng = np.random.default_rng(3)
        parameters[f"W{l}"] = rng.standard_normal((layers_dims[l], layers_dims[l - 1])) * 10
        parameters[f"b{l}"] = np.zeros((layers_dims[l], 1))
    return parameters''',
    # LeCun's (or "Xavier's" in the seed's wording) 1/n_prev instead of He's 2/n_prev.
    "initialize_parameters_he": '''def initialize_parameters_he(layers_dims):
    rng = np.random.default_rng(3)
    parameters = {}
    for l in range(1, len(layers_dims)):
        n, n_prev = layers_dims[l], layers_dims[l - 1]
        parameters[f"W{l}"] = rng.standard_normal((n, n_prev)) * np.sqrt(1 / n_prev)
        parameters[f"b{l}"] = np.zeros((n, 1))
    return parameters''',
    # lambd / m instead of lambd / (2m): the 1/2 that makes the derivative come out as (lambd/m) W is lost.
    "compute_cost_with_regularization": '''def compute_cost_with_regularization(A3, Y, parameters, lambd):
    m = Y.shape[1]
    W1, W2, W3 = parameters["W1"], parameters["W2"], parameters["W3"]
    L2 = np.sum(np.square(W1)) + np.sum(np.square(W2)) + np.sum(np.square(W3))
    return compute_cost(A3, Y) + lambd / m * L2''',
    # The cost's lambd / (2m) copied into the gradient: the derivative of W**2 is 2W.
    "backward_propagation_with_regularization": '''def backward_propagation_with_regularization(X, Y, cache, lambd):
    m = X.shape[1]
    Z1, A1, W1, Z2, A2, W2, A3, W3 = (cache[k] for k in ("Z1", "A1", "W1", "Z2", "A2", "W2", "A3", "W3"))
    dZ3 = A3 - Y
    dW3 = dZ3 @ A2.T / m + lambd / (2 * m) * W3
    db3 = np.sum(dZ3, axis=1, keepdims=True) / m
    dZ2 = (W3.T @ dZ3) * (Z2 > 0)
    dW2 = dZ2 @ A1.T / m + lambd / (2 * m) * W2
    db2 = np.sum(dZ2, axis=1, keepdims=True) / m
    dZ1 = (W2.T @ dZ2) * (Z1 > 0)
    dW1 = dZ1 @ X.T / m + lambd / (2 * m) * W1
    db1 = np.sum(dZ1, axis=1, keepdims=True) / m
    return {"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2, "dW3": dW3, "db3": db3}''',
    # Classic dropout: the kept activations are not divided by keep_prob, so their mean shrinks.
    "forward_propagation_with_dropout": '''def forward_propagation_with_dropout(X, parameters, keep_prob=0.8, seed=1):
    rng = np.random.default_rng(seed)
    W1, b1, W2, b2, W3, b3 = (parameters[k] for k in ("W1", "b1", "W2", "b2", "W3", "b3"))
    Z1 = W1 @ X + b1
    A1 = relu(Z1)
    D1 = rng.random(A1.shape) < keep_prob
    A1 = A1 * D1
    Z2 = W2 @ A1 + b2
    A2 = relu(Z2)
    D2 = rng.random(A2.shape) < keep_prob
    A2 = A2 * D2
    Z3 = W3 @ A2 + b3
    A3 = sigmoid(Z3)
    cache = {"Z1": Z1, "D1": D1, "A1": A1, "W1": W1, "b1": b1, "Z2": Z2, "D2": D2, "A2": A2,
             "W2": W2, "b2": b2, "Z3": Z3, "A3": A3, "W3": W3, "b3": b3}
    return A3, cache''',
    # The masks applied in the backward pass, but the division by keep_prob forgotten.
    "backward_propagation_with_dropout": '''def backward_propagation_with_dropout(X, Y, cache, keep_prob):
    m = X.shape[1]
    Z1, D1, A1, W1, Z2, D2, A2, W2, A3, W3 = (cache[k] for k in ("Z1", "D1", "A1", "W1", "Z2", "D2", "A2",
                                                                 "W2", "A3", "W3"))
    dZ3 = A3 - Y
    dW3 = dZ3 @ A2.T / m
    db3 = np.sum(dZ3, axis=1, keepdims=True) / m
    dA2 = (W3.T @ dZ3) * D2
    dZ2 = dA2 * (Z2 > 0)
    dW2 = dZ2 @ A1.T / m
    db2 = np.sum(dZ2, axis=1, keepdims=True) / m
    dA1 = (W2.T @ dZ2) * D1
    dZ1 = dA1 * (Z1 > 0)
    dW1 = dZ1 @ X.T / m
    db1 = np.sum(dZ1, axis=1, keepdims=True) / m
    return {"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2, "dW3": dW3, "db3": db3}''',
    # theta_plus = theta without a copy: the nudge lands in theta itself, so J_minus is computed at
    # theta instead of theta - epsilon and every numerical slope comes out half as large.
    # The product written as a sum: J = theta + x, whose derivative is 1, not x.
    "forward_propagation_1d": '''def forward_propagation_1d(x, theta):
    return theta + x''',
    # The derivative with respect to the wrong variable: dJ/dx = theta instead of dJ/dtheta = x.
    "backward_propagation_1d": '''def backward_propagation_1d(x, theta):
    return theta''',
    # The two-sided difference divided by epsilon instead of 2 * epsilon: gradapprox is twice too large.
    "gradient_check": '''def gradient_check(x, theta, epsilon=1e-7, print_msg=False):
    J_plus = forward_propagation_1d(x, theta + epsilon)
    J_minus = forward_propagation_1d(x, theta - epsilon)
    gradapprox = (J_plus - J_minus) / epsilon
    grad = backward_propagation_1d(x, theta)
    difference = np.linalg.norm(grad - gradapprox) / (np.linalg.norm(grad) + np.linalg.norm(gradapprox))
    return float(difference)''',
    "gradient_check_n": '''def gradient_check_n(parameters, gradients, X, Y, epsilon=1e-7):
    theta = dictionary_to_vector(parameters)
    grad = gradients_to_vector(gradients)
    gradapprox = np.zeros_like(theta)
    for i in range(theta.size):
        theta_plus = theta
        theta_plus[i] = theta_plus[i] + epsilon
        A3, _ = forward_propagation(X, vector_to_dictionary(theta_plus, parameters))
        J_plus = compute_cost(A3, Y)
        theta_minus = theta
        theta_minus[i] = theta_minus[i] - epsilon
        A3, _ = forward_propagation(X, vector_to_dictionary(theta_minus, parameters))
        J_minus = compute_cost(A3, Y)
        gradapprox[i] = (J_plus - J_minus) / (2 * epsilon)
    return np.linalg.norm(grad - gradapprox) / (np.linalg.norm(grad) + np.linalg.norm(gradapprox))''',
    # Dropout's rate taken as the keep probability: Keras's rate is the fraction dropped.
    "build_regularized_model": '''def build_regularized_model(input_dim, l2=1e-2, dropout_rate=0.2):
    regularizer = keras.regularizers.L2(l2)
    return keras.Sequential([
        keras.Input(shape=(input_dim,)),
        keras.layers.Dense(40, activation="relu", kernel_regularizer=regularizer, name="hidden_1"),
        keras.layers.Dropout(rate=1 - dropout_rate, name="dropout_1"),
        keras.layers.Dense(10, activation="relu", kernel_regularizer=regularizer, name="hidden_2"),
        keras.layers.Dropout(rate=1 - dropout_rate, name="dropout_2"),
        keras.layers.Dense(1, activation="sigmoid", kernel_regularizer=regularizer, name="output"),
    ], name="regularized_net")''',
}
