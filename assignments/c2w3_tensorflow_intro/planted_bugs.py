"""One typical mistake per exercise: each must lose exactly that exercise's points.

train_tf_model calls compute_total_loss, initialize_parameters and forward_propagation, so the
mistakes planted there are ones that train_tf_model's checks see again: trained with them, the
network no longer learns the digits or cannot be trained at all (a test checks this with the
learner's version in place). The grader's cascade keeps the loss in the one exercise: when a
called exercise fails its own checks, train_tf_model is checked with the reference version in
its place.
"""
PLANTED_BUGS = {
    # The learning rate drawn uniformly: 90% of the draws land in [0.1, 1].
    "sample_hyperparameters": '''def sample_hyperparameters(n, seed):
    rng = np.random.default_rng(seed)
    learning_rate = rng.uniform(1e-4, 1, size=n)
    beta = 1 - 10.0 ** rng.uniform(-3, -1, size=n)
    hidden_units = rng.integers(50, 101, size=n)
    minibatch_size = rng.choice([32, 64, 128, 256], size=n)
    return {"learning_rate": learning_rate, "beta": beta, "hidden_units": hidden_units,
            "minibatch_size": minibatch_size}''',
    # Dividing by the variance instead of the standard deviation.
    "batchnorm_forward": '''def batchnorm_forward(Z, gamma, beta, epsilon=1e-8):
    mu = np.mean(Z, axis=1, keepdims=True)
    var = np.mean((Z - mu) ** 2, axis=1, keepdims=True)
    return gamma * (Z - mu) / (var + epsilon) + beta''',
    # The textbook formula without subtracting the maximum: exp(1000) overflows to inf.
    "softmax": '''def softmax(Z):
    E = np.exp(Z)
    return E / np.sum(E, axis=0, keepdims=True)''',
    # tf.one_hot's default axis: one row per example, shape (m, C).
    "one_hot_matrix": '''def one_hot_matrix(label, C=6):
    return tf.one_hot(label, C)''',
    # The transposes forgotten: Keras takes the rows for examples, so the softmax runs over the
    # examples of each class instead of over the classes of each example.
    "compute_total_loss": '''def compute_total_loss(logits, labels):
    losses = keras.losses.categorical_crossentropy(labels, logits, from_logits=True)
    return tf.reduce_sum(losses)''',
    # Each weight drawn with the shape (n_{l-1}, n_l) of a Keras Dense kernel, where W_l multiplies the
    # examples' columns from the left and needs (n_l, n_{l-1}).
    "initialize_parameters": '''def initialize_parameters(n_x, seed=0):
    sizes = [n_x, 25, 12, 6]
    parameters = {}
    for l in range(1, len(sizes)):
        initializer = keras.initializers.GlorotNormal(seed=seed + l)
        parameters[f"W{l}"] = tf.Variable(initializer((sizes[l - 1], sizes[l])), name=f"W{l}")
        parameters[f"b{l}"] = tf.Variable(tf.zeros((sizes[l], 1)), name=f"b{l}")
    return parameters''',
    # tf.multiply, the element-wise product, where the layers need the matrix product tf.matmul.
    "forward_propagation": '''def forward_propagation(X, parameters):
    A1 = tf.nn.relu(tf.multiply(parameters["W1"], X) + parameters["b1"])
    A2 = tf.nn.relu(tf.multiply(parameters["W2"], A1) + parameters["b2"])
    return tf.multiply(parameters["W3"], A2) + parameters["b3"]''',
    # The loss computed after the tape's block: the tape recorded no path from the variables to
    # it, so every gradient is None and Adam refuses them.
    "train_tf_model": '''def train_tf_model(X_train, Y_train, X_test, Y_test, learning_rate=1e-3, num_epochs=40, minibatch_size=32,
                   seed=0, print_cost=False):
    X_train, Y_train = tf.cast(X_train, tf.float32), tf.cast(Y_train, tf.float32)
    X_test, Y_test = tf.cast(X_test, tf.float32), tf.cast(Y_test, tf.float32)
    n_x, m = X_train.shape
    parameters = initialize_parameters(n_x, seed)
    variables = list(parameters.values())
    optimizer = keras.optimizers.Adam(learning_rate)
    optimizer.build(variables)
    test_accuracy = keras.metrics.CategoricalAccuracy()
    dataset = tf.data.Dataset.from_tensor_slices((tf.transpose(X_train), tf.transpose(Y_train)))
    minibatches = dataset.shuffle(m, seed=seed).batch(minibatch_size)

    @tf.function(input_signature=[tf.TensorSpec((n_x, None), tf.float32),
                                  tf.TensorSpec((Y_train.shape[0], None), tf.float32)])
    def train_step(X, Y):
        with tf.GradientTape() as tape:
            logits = forward_propagation(X, parameters)
        loss = compute_total_loss(logits, Y)
        grads = tape.gradient(loss, variables)
        optimizer.apply_gradients(zip(grads, variables))
        return loss

    costs, test_accuracies = [], []
    for epoch in range(num_epochs):
        epoch_total_loss = 0.0
        for X_batch, Y_batch in minibatches:
            epoch_total_loss += float(train_step(tf.transpose(X_batch), tf.transpose(Y_batch)))
        costs.append(epoch_total_loss / m)
        test_accuracy.reset_state()
        test_accuracy.update_state(tf.transpose(Y_test), tf.transpose(forward_propagation(X_test, parameters)))
        test_accuracies.append(float(test_accuracy.result()))
    return {name: v.numpy() for name, v in parameters.items()}, costs, test_accuracies''',
}
