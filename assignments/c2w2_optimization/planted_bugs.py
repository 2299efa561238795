"""One typical mistake per exercise: each must lose exactly that exercise's points.

model calls every other exercise, and the grader runs it with the learner's own helpers. Its
cases are chosen so that the mistakes below, planted in a helper, still leave its training working
(measured: momentum with the staircase schedule still reaches 0.927 or more on the training moons
with each of them), so that each costs its own exercise only.
"""
PLANTED_BUGS = {
    # Only the full mini-batches: the m mod 64 examples left over are never trained on.
    "random_mini_batches": '''def random_mini_batches(X, Y, mini_batch_size=64, seed=0):
    m = X.shape[1]
    permutation = np.random.default_rng(seed).permutation(m)
    shuffled_X, shuffled_Y = X[:, permutation], Y[:, permutation]
    mini_batches = []
    for k in range(m // mini_batch_size):
        columns = slice(k * mini_batch_size, (k + 1) * mini_batch_size)
        mini_batches.append((shuffled_X[:, columns], shuffled_Y[:, columns]))
    return mini_batches''',
    # beta and (1 - beta) swapped: the "average" is mostly the newest gradient.
    "update_parameters_with_momentum": '''def update_parameters_with_momentum(parameters, grads, v, beta, learning_rate):
    L = len(parameters) // 2
    parameters, v = dict(parameters), dict(v)
    for l in range(1, L + 1):
        for p in ("W", "b"):
            v[f"d{p}{l}"] = (1 - beta) * v[f"d{p}{l}"] + beta * grads[f"d{p}{l}"]
            parameters[f"{p}{l}"] = parameters[f"{p}{l}"] - learning_rate * v[f"d{p}{l}"]
    return parameters, v''',
    # The course notes' error: the bias-corrected average written back into v.
    "update_parameters_with_adam": '''def update_parameters_with_adam(parameters, grads, v, s, t, learning_rate=0.01, beta1=0.9, beta2=0.999,
                                epsilon=1e-8):
    L = len(parameters) // 2
    parameters, v, s = dict(parameters), dict(v), dict(s)
    v_corrected, s_corrected = {}, {}
    for l in range(1, L + 1):
        for p in ("W", "b"):
            d = f"d{p}{l}"
            v[d] = beta1 * v[d] + (1 - beta1) * grads[d]
            s[d] = beta2 * s[d] + (1 - beta2) * grads[d] ** 2
            v[d] = v[d] / (1 - beta1 ** t)
            v_corrected[d] = v[d]
            s_corrected[d] = s[d] / (1 - beta2 ** t)
            parameters[f"{p}{l}"] = parameters[f"{p}{l}"] - learning_rate * v_corrected[d] / (
                np.sqrt(s_corrected[d]) + epsilon)
    return parameters, v, s, v_corrected, s_corrected''',
    # Operator precedence: learning_rate0 / 1, plus a rate that grows with the epoch.
    "update_lr": '''def update_lr(learning_rate0, epoch_num, decay_rate):
    return learning_rate0 / 1 + decay_rate * epoch_num''',
    # No rounding down: a smooth decay, not a staircase.
    "schedule_lr_decay": '''def schedule_lr_decay(learning_rate0, epoch_num, decay_rate, time_interval=1000):
    return learning_rate0 / (1 + decay_rate * epoch_num / time_interval)''',
    # Adam's step counter never advances: t = 0 divides by 1 - beta**0 = 0.
    "model": '''def model(X, Y, layers_dims, optimizer="adam", learning_rate=0.0007, mini_batch_size=64, beta=0.9,
          beta1=0.9, beta2=0.999, epsilon=1e-8, num_epochs=5000, decay=None, decay_rate=1.0,
          time_interval=1000, print_cost=False):
    m = X.shape[1]
    parameters = initialize_parameters(layers_dims)
    costs = []
    t = 0
    if optimizer == "momentum":
        v = initialize_velocity(parameters)
    elif optimizer == "adam":
        v, s = initialize_adam(parameters)
    for epoch in range(num_epochs):
        if decay == "inverse_time":
            rate = update_lr(learning_rate, epoch, decay_rate)
        elif decay == "staircase":
            rate = schedule_lr_decay(learning_rate, epoch, decay_rate, time_interval)
        else:
            rate = learning_rate
        cost_total = 0.0
        for mini_batch_X, mini_batch_Y in random_mini_batches(X, Y, mini_batch_size, seed=epoch):
            AL, caches = forward_propagation(mini_batch_X, parameters)
            cost_total += compute_cost(AL, mini_batch_Y) * mini_batch_X.shape[1]
            grads = backward_propagation(AL, mini_batch_Y, caches, parameters)
            if optimizer == "gd":
                parameters = update_parameters_with_gd(parameters, grads, rate)
            elif optimizer == "momentum":
                parameters, v = update_parameters_with_momentum(parameters, grads, v, beta, rate)
            else:
                parameters, v, s, _, _ = update_parameters_with_adam(parameters, grads, v, s, t, rate,
                                                                     beta1, beta2, epsilon)
        costs.append(cost_total / m)
    return parameters, costs''',
}
