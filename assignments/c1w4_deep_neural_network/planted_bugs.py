"""One typical mistake per exercise: each must lose exactly that exercise's points.

The exercises build on each other (L_model_forward calls linear_activation_forward, L_layer_model
calls all of exercises 1 to 6), and the grader runs a learner's L_layer_model with the learner's own
helpers. So a mistake that changes what a helper computes on the inputs its callers give it also
costs points in the callers. The mistakes below are real ones that stay inside their exercise:
each shows only on inputs that the exercise's own hidden checks use (a tanh layer, a one-layer
network, grads without dA entries, float32 arrays) or in what only that exercise returns.
"""
PLANTED_BUGS = {
    # Copied from the lesson, which worked in float32: values off by float32 rounding (about 1e-8).
    "initialize_parameters_deep": '''def initialize_parameters_deep(layer_dims):
    rng = np.random.default_rng(3)
    parameters = {}
    for l in range(1, len(layer_dims)):
        W = rng.standard_normal((layer_dims[l], layer_dims[l - 1])) / np.sqrt(layer_dims[l - 1])
        parameters[f"W{l}"] = W.astype(np.float32)
        parameters[f"b{l}"] = np.zeros((layer_dims[l], 1), dtype=np.float32)
    return parameters''',
    # Everything that is not "relu" becomes a sigmoid, so "tanh" silently computes a sigmoid.
    "linear_activation_forward": '''def linear_activation_forward(A_prev, W, b, activation):
    Z = W @ A_prev + b
    A = relu(Z) if activation == "relu" else sigmoid(Z)
    return A, ((A_prev, W, b), Z)''',
    # X is only fed in inside the loop, so with L = 1 (no hidden layer) A is never defined.
    "L_model_forward": '''def L_model_forward(X, parameters):
    L = len(parameters) // 2
    caches = []
    for l in range(1, L):
        A_prev = X if l == 1 else A
        A, cache = linear_activation_forward(A_prev, parameters[f"W{l}"], parameters[f"b{l}"], "relu")
        caches.append(cache)
    AL, cache = linear_activation_forward(A, parameters[f"W{L}"], parameters[f"b{L}"], "sigmoid")
    caches.append(cache)
    return AL, caches''',
    # Matrix products give a (1, 1) array, not a number.
    "compute_cost": '''def compute_cost(AL, Y):
    m = Y.shape[1]
    return -(Y @ np.log(AL).T + (1 - Y) @ np.log(1 - AL).T) / m''',
    # dA_prev stored under the layer's own number: keys dA1..dAL instead of dA0..dA{L-1}.
    "L_model_backward": '''def L_model_backward(AL, Y, caches):
    L = len(caches)
    grads = {}
    dA = -(Y / AL - (1 - Y) / (1 - AL))
    for l in range(L, 0, -1):
        (A_prev, W, b), Z = caches[l - 1]
        m = A_prev.shape[1]
        dZ = dA * sigmoid(Z) * (1 - sigmoid(Z)) if l == L else dA * (Z > 0)
        grads[f"dW{l}"] = dZ @ A_prev.T / m
        grads[f"db{l}"] = np.sum(dZ, axis=1, keepdims=True) / m
        dA = W.T @ dZ
        grads[f"dA{l}"] = dA
    return grads''',
    # Counting the layers from grads assumes it holds dA, dW and db for every layer.
    "update_parameters": '''def update_parameters(parameters, grads, learning_rate):
    L = len(grads) // 3
    updated = dict(parameters)
    for l in range(1, L + 1):
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
