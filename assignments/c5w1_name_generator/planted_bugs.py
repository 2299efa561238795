"""One typical mistake per exercise: each must lose exactly that exercise's points.

optimize calls clip, and model calls optimize: the mistakes planted in clip and optimize are ones their
callers' checks see again (optimize's values with biases left unclipped; model's training with the
parameters never updated). The grader's cascade keeps each loss in its own exercise.
"""
PLANTED_BUGS = {
    # The biases' gradients are left unclipped.
    "clip": '''def clip(gradients, maxValue):
    clipped = {}
    for name, gradient in gradients.items():
        clipped[name] = np.clip(gradient, -maxValue, maxValue) if name.startswith("dW") else gradient
    return clipped''',
    # The most likely character at every step: no draw at all.
    "sample": '''def sample(parameters, char_to_ix, rng):
    rng = np.random.default_rng(rng)
    Waa, Wax, Wya, by, b = parameters["Waa"], parameters["Wax"], parameters["Wya"], parameters["by"], parameters["b"]
    vocab_size, n_a = by.shape[0], Waa.shape[1]
    x, a_prev = np.zeros((vocab_size, 1)), np.zeros((n_a, 1))
    indices, idx, newline = [], -1, char_to_ix["\\n"]
    while idx != newline and len(indices) < 50:
        a = np.tanh(Wax @ x + Waa @ a_prev + b)
        y = softmax(Wya @ a + by)
        idx = int(np.argmax(y))
        indices.append(idx)
        x = np.zeros((vocab_size, 1))
        x[idx] = 1
        a_prev = a
    return indices''',
    # The update rebinds the loop variable: the parameters come back unchanged.
    "optimize": '''def optimize(X, Y, a_prev, parameters, learning_rate=0.01):
    loss, cache = rnn_forward(X, Y, a_prev, parameters)
    gradients, a = rnn_backward(X, Y, parameters, cache)
    gradients = clip(gradients, 5)
    for name, value in parameters.items():
        value = value - learning_rate * gradients["d" + name]
    return loss, gradients, a[len(X) - 1], parameters''',
    # The parameters optimize returns are thrown away: every step starts from the initial ones.
    "model": '''def model(names, ix_to_char, char_to_ix, num_iterations=12000, n_a=50, learning_rate=0.01, seed=0):
    rng = np.random.default_rng(seed)
    vocab_size = len(ix_to_char)
    parameters = initialize_parameters(n_a, vocab_size, vocab_size, rng)
    examples = list(names)
    rng.shuffle(examples)
    a_prev = np.zeros((n_a, 1))
    for j in range(num_iterations):
        name = examples[j % len(examples)]
        X = [None] + [char_to_ix[c] for c in name]
        Y = X[1:] + [char_to_ix["\\n"]]
        loss, gradients, a_prev, _ = optimize(X, Y, a_prev, parameters, learning_rate)
    return parameters''',
    # The temperature divides the probabilities, not their logits.
    "sample_with_temperature": '''def sample_with_temperature(probs, temperature, rng):
    rng = np.random.default_rng(rng)
    p = softmax(np.asarray(probs) / temperature)
    idx = rng.choice(len(p), p=p)
    return idx, p''',
}
