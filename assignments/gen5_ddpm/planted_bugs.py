"""One typical mistake per exercise: each must lose exactly that exercise's points.

q_sample is called by diffusion_loss and train_and_sample, diffusion_loss and p_sample_step by
train_and_sample, so the mistakes planted in them are ones those callers' checks see again: a wrong q_sample
changes the loss's value, a wrong loss changes train_and_sample's loss_before (compared with the grader's),
and a reverse step with alpha bar in place of alpha makes the samples diverge. The grader's cascade keeps
each loss in its own exercise.
"""
PLANTED_BUGS = {
    # T + 1 points: np.linspace includes both ends already.
    "linear_beta_schedule": '''def linear_beta_schedule(T, beta_1, beta_T):
    betas = np.linspace(beta_1, beta_T, T + 1)
    return betas''',
    # The running product of the betas, not of the alphas.
    "alpha_bars": '''def alpha_bars(betas):
    alpha_bar = np.cumprod(np.asarray(betas))
    return alpha_bar''',
    # Variances where the standard deviations belong.
    "q_sample": '''def q_sample(x0, t, noise, alpha_bar):
    a = np.asarray(alpha_bar)[np.asarray(t)][:, None]
    x_t = a * x0 + (1.0 - a) * noise
    return x_t''',
    # The prediction compared with x_0 instead of the noise.
    "diffusion_loss": '''def diffusion_loss(model, x0, t, noise, alpha_bar):
    x_t = q_sample(x0, t, noise, alpha_bar).astype("float32")
    predicted = model([x_t, np.asarray(t, "int32")])
    loss = keras.ops.mean(keras.ops.square(keras.ops.convert_to_tensor(x0, "float32") - predicted))
    return loss''',
    # 1 / sqrt(alpha bar_t) in front, where one step's alpha belongs.
    "p_sample_step": '''def p_sample_step(model, x_t, t, noise, betas, alpha_bar):
    eps = np.asarray(model([np.asarray(x_t, "float32"), np.full(len(x_t), t, "int32")]), dtype=np.float64)
    mean = (x_t - betas[t] / np.sqrt(1.0 - alpha_bar[t]) * eps) / np.sqrt(alpha_bar[t])
    x_prev = mean + np.sqrt(betas[t]) * noise if t > 0 else mean
    return x_prev''',
    # No noise in the reverse steps: every chain follows the mean and the samples collapse.
    "train_and_sample": '''def train_and_sample(model, x0, betas, alpha_bar, eval_batch, steps, n_samples, seed):
    rng = np.random.default_rng(seed)
    T = len(betas)
    loss_before = float(diffusion_loss(model, *eval_batch, alpha_bar))
    rows = steps * 256
    index = rng.integers(0, len(x0), rows)
    t = rng.integers(0, T, rows)
    noise = rng.standard_normal((rows, 2))
    x_t = q_sample(x0[index], t, noise, alpha_bar)
    model.compile(optimizer=keras.optimizers.Adam(keras.optimizers.schedules.CosineDecay(5e-3, steps, alpha=0.05)),
                  loss="mse")
    model.fit([x_t.astype("float32"), t.astype("int32")], noise.astype("float32"), batch_size=256, epochs=1,
              verbose=0, shuffle=False)
    loss_after = float(diffusion_loss(model, *eval_batch, alpha_bar))
    x = rng.standard_normal((n_samples, 2))
    for step in range(T - 1, -1, -1):
        x = p_sample_step(model, x, step, np.zeros((n_samples, 2)), betas, alpha_bar)
    return loss_before, loss_after, x''',
}
