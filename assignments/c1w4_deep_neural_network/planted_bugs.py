"""One typical mistake per exercise: each must lose exactly that exercise's points.

The exercises build on each other: linear_activation_forward calls linear_forward,
L_model_forward calls linear_activation_forward, linear_activation_backward calls linear_backward,
L_model_backward calls linear_activation_backward, and L_layer_model calls exercises 1 to 9. Each
mistake planted in a called exercise is one that its callers' checks see again: L_layer_model, run
with it, errs or records other costs and parameters than the reference, and the forward and
backward blocks return other values (a test checks this with the learner's version in place). The grader's cascade keeps the loss in the one exercise: when an exercise
fails its own checks, the exercises that call it are checked with the reference version in its place.
"""
PLANTED_BUGS = {
    # The bias forgotten: W A alone, as if b were zero.
    "linear_forward": '''def linear_forward(A, W, b):
    Z = W @ A
    return Z, (A, W, b)''',
    # The old course's 0.01 weight scale instead of 1 / sqrt(n_{l-1}).
    "initialize_parameters_deep": '''def initialize_parameters_deep(layer_dims):
    rng = np.random.default_rng(3)
    parameters = {}
    for l in range(1, len(layer_dims)):
        parameters[f"W{l}"] = rng.standard_normal((layer_dims[l], layer_dims[l - 1])) * 0.01
        parameters[f"b{l}"] = np.zeros((layer_dims[l], 1))
    return parameters''',
    # The activation cache holds the layer's output A where backpropagation needs Z for g'(Z).
    "linear_activation_forward": '''def linear_activation_forward(A_prev, W, b, activation):
    Z, linear_cache = linear_forward(A_prev, W, b)
    if activation == "relu":
        A = relu(Z)
    elif activation == "sigmoid":
        A = sigmoid(Z)
    elif activation == "tanh":
        A = np.tanh(Z)
    else:
        raise ValueError(f"unknown activation {activation!r}")
    return A, (linear_cache, A)''',
    # The output layer's cache is never appended: L - 1 caches, so backpropagation misses a layer.
    "L_model_forward": '''def L_model_forward(X, parameters):
    L = len(parameters) // 2
    A, caches = X, []
    for l in range(1, L):
        A, cache = linear_activation_forward(A, parameters[f"W{l}"], parameters[f"b{l}"], "relu")
        caches.append(cache)
    AL, cache = linear_activation_forward(A, parameters[f"W{L}"], parameters[f"b{L}"], "sigmoid")
    return AL, caches''',
    # The 1/m forgotten: the summed loss, not its mean over the m examples.
    "compute_cost": '''def compute_cost(AL, Y):
    return float(-np.sum(Y * np.log(AL) + (1 - Y) * np.log(1 - AL)))''',
    # db summed over every entry of dZ (no axis=1, keepdims=True): one number where each unit needs its own.
    "linear_backward": '''def linear_backward(dZ, cache):
    A_prev, W, b = cache
    m = A_prev.shape[1]
    dW = dZ @ A_prev.T / m
    db = np.sum(dZ) / m
    dA_prev = W.T @ dZ
    return dA_prev, dW, db''',
    # The sigmoid's derivative taken as s instead of s * (1 - s).
    "linear_activation_backward": '''def linear_activation_backward(dA, cache, activation):
    linear_cache, Z = cache
    if activation == "relu":
        dZ = dA * (Z > 0)
    elif activation == "sigmoid":
        dZ = dA * sigmoid(Z)
    elif activation == "tanh":
        dZ = dA * (1 - np.tanh(Z) ** 2)
    else:
        raise ValueError(f"unknown activation {activation!r}")
    return linear_backward(dZ, linear_cache)''',
    # A sign slip in dAL: + between the two terms, where the derivative of the loss has -.
    "L_model_backward": '''def L_model_backward(AL, Y, caches):
    L = len(caches)
    grads = {}
    dA = -(Y / AL + (1 - Y) / (1 - AL))
    for l in range(L, 0, -1):
        activation = "sigmoid" if l == L else "relu"
        dA, grads[f"dW{l}"], grads[f"db{l}"] = linear_activation_backward(dA, caches[l - 1], activation)
        grads[f"dA{l - 1}"] = dA
    return grads''',
    # An off-by-one: range(1, L) stops before the output layer, which is never updated.
    "update_parameters": '''def update_parameters(parameters, grads, learning_rate):
    L = len(parameters) // 2
    updated = dict(parameters)
    for l in range(1, L):
        updated[f"W{l}"] = parameters[f"W{l}"] - learning_rate * grads[f"dW{l}"]
        updated[f"b{l}"] = parameters[f"b{l}"] - learning_rate * grads[f"db{l}"]
    return updated''',
    # update_parameters returns a new dict; dropping its result means the network never learns.
    "L_layer_model": '''def L_layer_model(X, Y, layers_dims, learning_rate=0.0075, num_iterations=2500, print_cost=False):
    parameters = initialize_parameters_deep(layers_dims)
    costs = []
    for i in range(num_iterations):
        AL, caches = L_model_forward(X, parameters)
        cost = compute_cost(AL, Y)
        grads = L_model_backward(AL, Y, caches)
        update_parameters(parameters, grads, learning_rate)
        if i % 100 == 0:
            costs.append(cost)
            if print_cost:
                print(f"cost after iteration {i}: {cost:.4f}")
    return parameters, costs''',
    # A ReLU layer for every entry of layer_dims[1:], then the sigmoid output on top: one layer too many.
    "build_deep_model": '''class DeepNet(keras.Model):
    def __init__(self, layer_dims, **kwargs):
        super().__init__(**kwargs)
        self.hidden = [keras.layers.Dense(n, activation="relu") for n in layer_dims[1:]]
        self.out = keras.layers.Dense(layer_dims[-1], activation="sigmoid")

    def call(self, x):
        for layer in self.hidden:
            x = layer(x)
        return self.out(x)


def build_deep_model(layer_dims, api):
    layer_dims = [int(n) for n in layer_dims]
    units = list(layer_dims[1:]) + [layer_dims[-1]]
    activations = ["relu"] * (len(units) - 1) + ["sigmoid"]
    if api == "sequential":
        return keras.Sequential([keras.Input(shape=(layer_dims[0],))] +
                                [keras.layers.Dense(n, activation=a) for n, a in zip(units, activations)])
    if api == "functional":
        inputs = keras.Input(shape=(layer_dims[0],))
        x = inputs
        for n, a in zip(units, activations):
            x = keras.layers.Dense(n, activation=a)(x)
        return keras.Model(inputs, x)
    model = DeepNet(layer_dims)
    model(keras.Input(shape=(layer_dims[0],)))
    return model''',
}
