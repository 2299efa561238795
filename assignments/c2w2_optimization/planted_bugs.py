"""One typical mistake per exercise: each must lose exactly that exercise's points.

model calls every other exercise. Each mistake planted in one of them is one that model's checks
see again: model, run with it, errs, returns NaN or trains a network that no longer separates the
moons (a test checks this with the grader's cascade turned off). The grader's cascade keeps the
loss in the one exercise: when an exercise fails its own checks, model is checked with the
reference version in its place.

update_lr is the exception for now: none of model's cases uses decay="inverse_time", the only
setting in which model calls it, so no mistake in update_lr can show in model's checks (the test
marks it as an expected failure until checks.py gives model such a case).
"""
PLANTED_BUGS = {
    # X and Y shuffled with two different permutations (two draws of one generator): the labels no
    # longer belong to their examples.
    "random_mini_batches": '''def random_mini_batches(X, Y, mini_batch_size=64, seed=0):
    m = X.shape[1]
    rng = np.random.default_rng(seed)
    shuffled_X, shuffled_Y = X[:, rng.permutation(m)], Y[:, rng.permutation(m)]
    mini_batches = []
    for start in range(0, m, mini_batch_size):
        end = start + mini_batch_size
        mini_batches.append((shuffled_X[:, start:end], shuffled_Y[:, start:end]))
    return mini_batches''',
    # A sign slip: W + learning_rate * v climbs the cost instead of descending it.
    "update_parameters_with_momentum": '''def update_parameters_with_momentum(parameters, grads, v, beta, learning_rate):
    L = len(parameters) // 2
    parameters, v = dict(parameters), dict(v)
    for l in range(1, L + 1):
        for p in ("W", "b"):
            v[f"d{p}{l}"] = beta * v[f"d{p}{l}"] + (1 - beta) * grads[f"d{p}{l}"]
            parameters[f"{p}{l}"] = parameters[f"{p}{l}"] + learning_rate * v[f"d{p}{l}"]
    return parameters, v''',
    # s averages the gradient, not its square: it goes negative, and np.sqrt(s_corrected) is NaN.
    "update_parameters_with_adam": '''def update_parameters_with_adam(parameters, grads, v, s, t, learning_rate=0.01, beta1=0.9, beta2=0.999,
                                epsilon=1e-8):
    L = len(parameters) // 2
    parameters, v, s = dict(parameters), dict(v), dict(s)
    v_corrected, s_corrected = {}, {}
    for l in range(1, L + 1):
        for p in ("W", "b"):
            d = f"d{p}{l}"
            v[d] = beta1 * v[d] + (1 - beta1) * grads[d]
            s[d] = beta2 * s[d] + (1 - beta2) * grads[d]
            v_corrected[d] = v[d] / (1 - beta1 ** t)
            s_corrected[d] = s[d] / (1 - beta2 ** t)
            parameters[f"{p}{l}"] = parameters[f"{p}{l}"] - learning_rate * v_corrected[d] / (
                np.sqrt(s_corrected[d]) + epsilon)
    return parameters, v, s, v_corrected, s_corrected''',
    # Operator precedence: learning_rate0 / 1, plus a rate that grows with the epoch.
    "update_lr": '''def update_lr(learning_rate0, epoch_num, decay_rate):
    return learning_rate0 / 1 + decay_rate * epoch_num''',
    # The fraction upside down: time_interval / epoch_num, which divides by zero at epoch 0.
    "schedule_lr_decay": '''def schedule_lr_decay(learning_rate0, epoch_num, decay_rate, time_interval=1000):
    return learning_rate0 / (1 + decay_rate * np.floor(time_interval / epoch_num))''',
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
