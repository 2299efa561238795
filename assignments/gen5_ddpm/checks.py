"""Checks of assignment gen5_ddpm (a tiny DDPM on points in the plane: the linear noise schedule, alpha bar,
q_sample, the simple loss, one ancestral step, and training and sampling with those pieces). Expected
outputs: expected/*.npz.

Indices are the code's: step t = 0, ..., T - 1, so betas[0] is the paper's beta_1 and alpha_bar[t] the
product of (1 - betas[s]) for s <= t.

Twins computed here, in the grader's process: the schedule from its formula beta_1 + (beta_T - beta_1)
i / (T - 1); alpha bar as exp(cumsum(log(1 - beta))), no product; q_sample's closed form, and on one case
the mean and variance of 8,000 rows against 8,000 chains simulated step by step here (within 4 standard
errors); the loss against keras.losses.MeanSquaredError on the grader's model's prediction; one reverse
step against NumPy from the grader's model's predicted noise. The models are seeded noise predictors
(the notebook's architecture, random weights), sent to the kernel as model inputs; their predictions
here and in the kernel agree to float32 rounding (1e-5).

train_and_sample is judged by what it does: the loss of the untrained model on the given evaluation batch
must be the one the grader computes (so a wrong q_sample or loss shows here too), the loss after training
lower, and the samples, n_samples points, closer to held-out points of the same distribution than points
drawn from the Gaussian with the data's mean and covariance, by a margin: the squared energy distance must
be below 0.8 times the Gaussian's. Measured (3,000 steps, sampling seeds 0, 1, 2 on each case's data; 2 shared
CPUs at load 6 to 8): 0.11 to 0.33 times the Gaussian's on the public case, 0.08 to 0.25 on the hidden one;
broken steps are far off: no noise in the reverse steps 16 to 20 times the Gaussian's (the samples collapse
onto an arc), alpha bar in place of alpha diverges (1e32). Each case trains and samples in 5 to 7 s there.

Known mistakes named in the feedback: linspace with T + 1 points, arange without beta_T (schedule); the
product of the betas, 1 minus their sum, the alphas alone (alpha bar); variances for standard deviations,
alpha_bar[t - 1], the noise unscaled, the two factors swapped, alpha_bar[t] not reshaped to (n, 1)
(q_sample); x_0 as the target, x_0 fed to the model, a sum, the squared norm per point, the absolute error
(loss); alpha bar in place of alpha, noise added at t = 0, sigma_t = beta_t, the posterior variance, the
x_0 formula's coefficient (reverse step).
"""
from functools import lru_cache

import numpy as np

from grader.checks import Case, Check, KnownMistake, array_of_shape, import_keras, n_parts, one_number, within
from grader.codec import ModelInput

rng = np.random.default_rng(5505)

T = 100
BETA_1, BETA_T = 1e-4, 0.1
EMBED_DIM = 16
ATOL = 1e-6          # NumPy against NumPy
MODEL_ATOL = 1e-5    # the model's float32 predictions, here and in the kernel
STEPS = 3000         # training steps of train_and_sample's cases
N_SAMPLES = 1000
HELD_OUT = 1000
MARGIN = 0.8         # the samples' energy distance must be below 0.8 times the Gaussian baseline's


# ---------------------------------------------------------------- the grader's models
def time_table(T, dim, max_wavelength=10_000):
    angles = np.arange(T)[:, None] / max_wavelength ** (2 * np.arange(dim // 2)[None, :] / dim)
    table = np.empty((T, dim))
    table[:, 0::2], table[:, 1::2] = np.sin(angles), np.cos(angles)
    return table


def noise_predictor(seed, T=T, embed_dim=EMBED_DIM, width=128, depth=3):
    """The notebook's noise predictor: [x_t (n, 2), t (n,) int32] -> predicted noise (n, 2), seeded."""
    keras = import_keras()
    keras.utils.set_random_seed(seed)
    x_t = keras.Input(shape=(2,), name="x_t")
    t = keras.Input(shape=(), dtype="int32", name="t")
    embedding = keras.layers.Embedding(T, embed_dim, trainable=False, name="time_embedding")
    h = keras.layers.Concatenate(name="point_and_time")([x_t, embedding(t)])
    for i in range(depth):
        h = keras.layers.Dense(width, activation="silu", name=f"hidden_{i + 1}")(h)
    model = keras.Model([x_t, t], keras.layers.Dense(2, name="predicted_noise")(h), name="noise_predictor")
    embedding.set_weights([time_table(T, embed_dim)])
    return model


@lru_cache(maxsize=None)
def _model(seed):
    return noise_predictor(seed)


def predicted_noise(seed, x_t, t):
    return np.asarray(_model(seed)([np.asarray(x_t, np.float32), np.asarray(t, np.int32)]), dtype=np.float64)


def schedule(T=T, beta_1=BETA_1, beta_T=BETA_T):
    return beta_1 + (beta_T - beta_1) * np.arange(T) / (T - 1)


def alpha_bar_of(betas):
    return np.exp(np.cumsum(np.log1p(-np.asarray(betas, np.float64))))


BETAS = schedule()
ALPHA_BAR = alpha_bar_of(BETAS)


# ---------------------------------------------------------------- linear_beta_schedule
def schedule_like_formula(expected, got, case):
    want = schedule(*case.args)
    message = array_of_shape(got, want.shape, "the schedule")
    if message:
        return message + f": T = {case.args[0]} numbers, from beta_1 to beta_T"
    return within(got, want, atol=1e-12, rtol=1e-9, what="the schedule, compared with beta_1 + (beta_T - beta_1) "
                                                          "i / (T - 1),")


SCHEDULE_MISTAKES = (
    KnownMistake("this has T + 1 numbers: np.linspace(beta_1, beta_T, T) already includes both ends",
                 lambda case: np.linspace(case.args[1], case.args[2], case.args[0] + 1)),
    KnownMistake("this stops short of beta_T: np.arange leaves out its end point. np.linspace(beta_1, beta_T, T) "
                 "gives T evenly spaced numbers from beta_1 to beta_T, both included",
                 lambda case: np.arange(case.args[1], case.args[2], (case.args[2] - case.args[1]) / case.args[0])),
)

SCHEDULE_CASES = (
    Case("T = 100 from 1e-4 to 0.1", (100, 1e-4, 0.1), public=True),
    Case("T = 5 from 0.1 to 0.5", (5, 0.1, 0.5), public=True),
    Case("T = 1000 from 1e-4 to 0.02 (the DDPM paper's)", (1000, 1e-4, 0.02)),
    Case("T = 7 from 0.05 to 0.3", (7, 0.05, 0.3)),
    Case("T = 2: the two ends only", (2, 0.01, 0.2)),
)


# ---------------------------------------------------------------- alpha_bars
def alpha_bar_like_logs(expected, got, case):
    want = alpha_bar_of(case.args[0])
    message = array_of_shape(got, want.shape, "alpha bar")
    if message:
        return message + ": one alpha bar per step, the same length as betas"
    return within(got, want, atol=1e-12, rtol=1e-9,
                  what="alpha bar, compared with exp(cumsum(log(1 - beta))),")


ALPHA_BAR_MISTAKES = (
    KnownMistake("this is the running product of the betas: alpha bar multiplies the alphas, alpha = 1 - beta "
                 "(np.cumprod(1 - betas))", lambda case: np.cumprod(case.args[0])),
    KnownMistake("this is 1 minus the running sum of the betas, which only approximates the product of the "
                 "alphas for tiny betas (and goes negative for large ones): np.cumprod(1 - betas)",
                 lambda case: 1 - np.cumsum(case.args[0])),
    KnownMistake("these are the alphas themselves, 1 - beta: alpha bar at step t is their running product, "
                 "np.cumprod(1 - betas)", lambda case: 1 - np.asarray(case.args[0])),
)

ALPHA_BAR_CASES = (
    Case("betas 0.1, 0.2, 0.3", (np.array([0.1, 0.2, 0.3]),), public=True),
    Case("the linear schedule, T = 100", (schedule(),), public=True),
    Case("the DDPM paper's schedule, T = 1000", (schedule(1000, 1e-4, 0.02),)),
    Case("6 random betas in (0, 0.5)", (rng.uniform(0, 0.5, 6),)),
    Case("one step", (np.array([0.25]),)),
)


# ---------------------------------------------------------------- q_sample
def closed_form(x0, t, noise, alpha_bar):
    a = np.asarray(alpha_bar, np.float64)[np.asarray(t)][:, None]
    return np.sqrt(a) * np.asarray(x0, np.float64) + np.sqrt(1 - a) * np.asarray(noise, np.float64)


def _q_variant(x0_factor, noise_factor, shift=0):
    def value(case):
        x0, t, noise, alpha_bar = case.args
        a = np.asarray(alpha_bar)[np.asarray(t) - shift][:, None]
        return x0_factor(a) * x0 + noise_factor(a) * noise
    return value


def _no_reshape(case):
    x0, t, noise, alpha_bar = case.args
    a = np.asarray(alpha_bar)[np.asarray(t)]
    return np.sqrt(a) * x0 + np.sqrt(1 - a) * noise


Q_MISTAKES = (
    KnownMistake("you multiplied by alpha bar and 1 - alpha bar, which are variances: the factors are their square "
                 "roots, sqrt(alpha_bar[t]) and sqrt(1 - alpha_bar[t])", _q_variant(lambda a: a, lambda a: 1 - a)),
    KnownMistake("you read alpha_bar[t - 1]: in code alpha_bar[t] already belongs to step t (the arrays start at "
                 "step 0), and for t = 0 the index -1 picks the last step",
                 _q_variant(np.sqrt, lambda a: np.sqrt(1 - a), shift=1)),
    KnownMistake("the noise is added unscaled: multiply it by sqrt(1 - alpha_bar[t]), small for small t",
                 _q_variant(np.sqrt, lambda a: 1.0)),
    KnownMistake("the two factors are swapped: x_0 is multiplied by sqrt(alpha_bar[t]), which is near 1 at the "
                 "first steps, and the noise by sqrt(1 - alpha_bar[t])", _q_variant(lambda a: np.sqrt(1 - a), np.sqrt)),
    KnownMistake("alpha_bar[t] has shape (n,) and x0 (n, 2): multiplied as they are, NumPy lines the n values up "
                 "with the 2 columns (or fails), not with the rows. Reshape to (n, 1): alpha_bar[t][:, None]",
                 _no_reshape),
)


def simulated_statistics(x0_row, t, n_chains, seed):
    """Mean and variance of x_t over chains run step by step from one x_0."""
    chains = np.tile(np.asarray(x0_row, np.float64), (n_chains, 1))
    sim = np.random.default_rng(seed)
    for s in range(t + 1):
        chains = np.sqrt(1 - BETAS[s]) * chains + np.sqrt(BETAS[s]) * sim.standard_normal(chains.shape)
    return chains.mean(axis=0), chains.var(axis=0)


def q_like_closed_form(expected, got, case):
    x0, t, noise, alpha_bar = case.args
    want = closed_form(x0, t, noise, alpha_bar)
    message = array_of_shape(got, want.shape, "x_t")
    if message:
        return message + ": one noisy point per row of x0"
    message = within(got, want, atol=ATOL, rtol=1e-6, what="x_t, compared with the closed form "
                                                            "sqrt(alpha bar_t) x_0 + sqrt(1 - alpha bar_t) noise,")
    if message or case.reference is None:
        return message
    # One x_0 in every row, one step: the rows' statistics against chains simulated step by step.
    step, n = int(t[0]), len(x0)
    mean, var = simulated_statistics(x0[0], step, n, seed=case.reference)
    got = np.asarray(got, np.float64)
    tolerance_mean = 4 * np.sqrt((1 - alpha_bar[step]) / n) * np.sqrt(2)
    tolerance_var = 4 * (1 - alpha_bar[step]) * np.sqrt(2 / n) * np.sqrt(2)
    if np.any(np.abs(got.mean(axis=0) - mean) > tolerance_mean) or np.any(np.abs(got.var(axis=0) - var) > tolerance_var):
        return (f"over the {n} rows, the mean {np.round(got.mean(axis=0), 3)} and variance {np.round(got.var(axis=0), 3)} "
                f"of x_t differ from those of {n} chains noised step by step, {np.round(mean, 3)} and {np.round(var, 3)}")
    return None


def _q_case(name, n, steps, public=False, seed_statistics=None):
    x0 = rng.normal(size=(n, 2))
    if seed_statistics is not None:
        x0 = np.tile(rng.normal(size=(1, 2)), (n, 1))
    return Case(name, (x0, np.asarray(steps), rng.normal(size=(n, 2)), ALPHA_BAR), public=public,
                reference=seed_statistics)


Q_CASES = (
    _q_case("5 points at steps 0, 10, 50, 99, 3", 5, [0, 10, 50, 99, 3], public=True),
    _q_case("2 points at steps 20 and 80 (two rows, two columns)", 2, [20, 80], public=True),
    _q_case("4 points, all at step 0", 4, [0, 0, 0, 0], public=True),
    _q_case("6 points, all at the last step", 6, [99] * 6),
    _q_case("2 points at steps 0 and 99", 2, [0, 99]),
    _q_case("8 points at random steps", 8, rng.integers(0, T, 8)),
    _q_case("8,000 copies of one point at step 30, against a simulation", 8000, [30] * 8000,
            seed_statistics=77),
)


# ---------------------------------------------------------------- diffusion_loss
def _loss_reference(seed, x0, t, noise):
    x_t = closed_form(x0, t, noise, ALPHA_BAR)
    return {"seed": seed, "prediction": predicted_noise(seed, x_t, t),
            "prediction_from_x0": predicted_noise(seed, x0, t)}


def mse_twin(noise, prediction):
    keras = import_keras()
    return float(keras.losses.MeanSquaredError()(np.asarray(noise, np.float32), np.asarray(prediction, np.float32)))


def loss_like_keras(expected, got, case):
    message = one_number(got, "the loss", size_one=True)
    if message:
        return message + " (a scalar tensor is fine: keras.ops.mean(...) returns one)"
    want = mse_twin(case.args[3], case.reference["prediction"])
    return within(float(np.asarray(got).ravel()[0]), want, atol=MODEL_ATOL, rtol=1e-5,
                  what="the loss, compared with keras.losses.MeanSquaredError(noise, model([x_t, t])),")


def _loss_mistake(f):
    return lambda case: f(np.asarray(case.args[3], np.float64), case.reference, case)


LOSS_MISTAKES = (
    KnownMistake("the loss compares the prediction with x_0: the network predicts the noise, so the target is "
                 "`noise`, the very noise q_sample mixed in",
                 _loss_mistake(lambda n, r, c: np.mean((np.asarray(c.args[1]) - r["prediction"]) ** 2)), atol=1e-5),
    KnownMistake("the model was given x_0: give it the noisy x_t = q_sample(x0, t, noise, alpha_bar), the point it "
                 "will see when sampling", _loss_mistake(lambda n, r, c: np.mean((n - r["prediction_from_x0"]) ** 2)),
                 atol=1e-5),
    KnownMistake("this is the sum of the squared errors: the simple loss is their mean (keras.ops.mean)",
                 _loss_mistake(lambda n, r, c: np.sum((n - r["prediction"]) ** 2)), atol=1e-3),
    KnownMistake("this is the mean over the points of the squared norm, twice the answer with 2 coordinates: "
                 "average over the coordinates too, as keras.losses.MeanSquaredError does",
                 _loss_mistake(lambda n, r, c: 2 * np.mean((n - r["prediction"]) ** 2)), atol=1e-5),
    KnownMistake("this is the mean absolute error: the simple loss squares the differences",
                 _loss_mistake(lambda n, r, c: np.mean(np.abs(n - r["prediction"]))), atol=1e-5),
)


def _loss_case(name, seed, n, steps, public=False):
    x0, noise = rng.normal(size=(n, 2)), rng.normal(size=(n, 2))
    steps = np.asarray(steps)
    return Case(name, (ModelInput(_model(seed)), x0, steps, noise, ALPHA_BAR), public=public,
                reference=_loss_reference(seed, x0, steps, noise))


LOSS_CASES = (
    _loss_case("a seeded model, 6 points at steps 0, 5, 20, 50, 75, 99", 1, 6, [0, 5, 20, 50, 75, 99], public=True),
    _loss_case("another model, 64 points at random steps", 2, 64, rng.integers(0, T, 64)),
    _loss_case("10 points all at step 0", 1, 10, np.zeros(10, int)),
    _loss_case("3 points at the last step", 3, 3, [99, 99, 99]),
)


# ---------------------------------------------------------------- p_sample_step
def reverse_step(eps, x_t, t, z, betas, alpha_bar, alpha=None, sigma=None, coefficient=None, noise_at_zero=False):
    betas, alpha_bar = np.asarray(betas, np.float64), np.asarray(alpha_bar, np.float64)
    alpha = 1 - betas[t] if alpha is None else alpha
    coefficient = betas[t] / np.sqrt(1 - alpha_bar[t]) if coefficient is None else coefficient
    sigma = np.sqrt(betas[t]) if sigma is None else sigma
    mean = (np.asarray(x_t, np.float64) - coefficient * eps) / np.sqrt(alpha)
    return mean + sigma * np.asarray(z) if (t > 0 or noise_at_zero) else mean


def step_like_numpy(expected, got, case):
    model_input, x_t, t, z, betas, alpha_bar = case.args
    want = reverse_step(case.reference["eps"], x_t, t, z, betas, alpha_bar)
    message = array_of_shape(got, want.shape, "x_{t-1}")
    if message:
        return message + ": one point per row of x_t"
    return within(got, want, atol=MODEL_ATOL, rtol=1e-5,
                  what="x_{t-1}, compared with NumPy's (x_t - beta_t / sqrt(1 - alpha bar_t) eps) / sqrt(alpha_t) "
                       "+ sqrt(beta_t) z,")


def _step_mistake(**how):
    def value(case):
        _, x_t, t, z, betas, alpha_bar = case.args
        options = {key: f(t, np.asarray(betas), np.asarray(alpha_bar)) if callable(f) else f for key, f in how.items()}
        return reverse_step(case.reference["eps"], x_t, t, z, betas, alpha_bar, **options)
    return value


STEP_MISTAKES = (
    KnownMistake("you divided by sqrt(alpha bar_t): the factor in front is 1 / sqrt(alpha_t), one step's alpha "
                 "(alpha_t = 1 - beta_t); alpha bar belongs only under beta_t, in sqrt(1 - alpha bar_t)",
                 _step_mistake(alpha=lambda t, b, ab: ab[t]), atol=1e-5),
    KnownMistake("at t = 0 the step returns x_0 and adds no noise: return the mean alone there",
                 _step_mistake(noise_at_zero=True), atol=1e-5),
    KnownMistake("the noise is scaled by beta_t, a variance: sigma_t = sqrt(beta_t)",
                 _step_mistake(sigma=lambda t, b, ab: b[t]), atol=1e-5),
    KnownMistake("you scaled the noise by the posterior's sqrt(beta tilde_t); DDPM allows it, but this assignment "
                 "uses sigma_t^2 = beta_t: sigma_t = sqrt(beta_t)",
                 _step_mistake(sigma=lambda t, b, ab: np.sqrt((1 - ab[t - 1]) / (1 - ab[t]) * b[t]) if t > 0 else 0.0),
                 atol=1e-5),
    KnownMistake("the predicted noise is multiplied by sqrt(1 - alpha bar_t), as when solving the closed form for "
                 "x_0; the step to x_{t-1} takes beta_t / sqrt(1 - alpha bar_t) times it",
                 _step_mistake(coefficient=lambda t, b, ab: np.sqrt(1 - ab[t])), atol=1e-5),
)


def _step_case(name, seed, n, t, public=False):
    x_t, z = rng.normal(size=(n, 2)), rng.normal(size=(n, 2))
    eps = predicted_noise(seed, x_t, np.full(n, t))
    return Case(name, (ModelInput(_model(seed)), x_t, t, z, BETAS, ALPHA_BAR), public=public, reference={"eps": eps})


STEP_CASES = (
    _step_case("a seeded model, 5 points at step 50", 1, 5, 50, public=True),
    _step_case("the last step, t = 0: no noise", 1, 4, 0, public=True),
    _step_case("another model, 32 points at step 99", 2, 32, 99),
    _step_case("3 points at step 1", 3, 3, 1),
    _step_case("7 points at step 0", 2, 7, 0),
    _step_case("16 points at step 10", 3, 16, 10),
)


# ---------------------------------------------------------------- train_and_sample
def standardised(points):
    return (points - points.mean(axis=0)) / points.std(axis=0)


def two_moons(n, seed):
    from sklearn.datasets import make_moons
    return make_moons(n, noise=0.05, random_state=seed)[0]


def energy_distance(a, b):
    from scipy.spatial.distance import cdist
    return 2 * cdist(a, b).mean() - cdist(a, a).mean() - cdist(b, b).mean()


def _train_case(name, make, data_seed, model_seed, seed, public=False):
    raw = make(2000 + HELD_OUT, data_seed)
    mean, std = raw[:2000].mean(axis=0), raw[:2000].std(axis=0)
    x0, held_out = (raw[:2000] - mean) / std, (raw[2000:] - mean) / std
    eval_rng = np.random.default_rng(seed + 1000)
    eval_batch = (x0[:512], eval_rng.integers(0, T, 512), eval_rng.standard_normal((512, 2)))
    model = noise_predictor(model_seed)
    before = mse_twin(eval_batch[2], predicted_noise_of(model, closed_form(*eval_batch, ALPHA_BAR), eval_batch[1]))
    gaussian = np.random.default_rng(seed + 2000).multivariate_normal(x0.mean(axis=0), np.cov(x0.T), N_SAMPLES)
    reference = {"held_out": held_out, "loss_before": before, "gaussian": energy_distance(gaussian, held_out)}
    return Case(name, (ModelInput(model), x0.astype(np.float32), BETAS, ALPHA_BAR, eval_batch, STEPS, N_SAMPLES, seed),
                public=public, reference=reference)


def predicted_noise_of(model, x_t, t):
    return np.asarray(model([np.asarray(x_t, np.float32), np.asarray(t, np.int32)]), dtype=np.float64)


def trained_samples(expected, got, case):
    _, _, _, _, _, steps, n_samples, _ = case.args
    message = n_parts(got, 3, "the result (loss_before, loss_after, samples)")
    if message:
        return message
    before, after, samples = got
    for value, what in ((before, "loss_before"), (after, "loss_after")):
        message = one_number(value, what, size_one=True)
        if message:
            return message + " (float(...) of diffusion_loss's result)"
    before, after = float(np.asarray(before).ravel()[0]), float(np.asarray(after).ravel()[0])
    want = case.reference["loss_before"]
    if not np.isclose(before, want, rtol=1e-4, atol=1e-5):
        return (f"loss_before is {before:.6g}, but the untrained model's loss on eval_batch is {want:.6g}: compute "
                "diffusion_loss(model, *eval_batch, alpha_bar) before training, on eval_batch as given")
    if not after < before:
        return (f"the loss did not fall: {before:.4f} before training, {after:.4f} after. Train on x_t made by "
                "q_sample with the noise as the target, as the notebook says")
    message = array_of_shape(samples, (n_samples, 2), "the samples")
    if message:
        return message
    distance, gaussian = energy_distance(np.asarray(samples, np.float64), case.reference["held_out"]), case.reference["gaussian"]
    if not distance < MARGIN * gaussian:
        return (f"the samples' squared energy distance to held-out data is {distance:.4f}; a Gaussian with the data's "
                f"mean and covariance scores {gaussian:.4f}, and trained samples should beat it by a margin, scoring "
                f"below {MARGIN:g} times it, {MARGIN * gaussian:.4f}. Start from standard normal noise, run p_sample_step for t = T - 1 down to 0 "
                "with fresh noise each step, and train as the notebook says")
    return None


TRAIN_CASES = (
    _train_case("two moons, 3,000 steps", two_moons, 0, 11, 0, public=True),
    _train_case("two moons of another draw, another network and seed, 3,000 steps", two_moons, 3, 12, 5),
)


CHECKS = [
    Check("linear_beta_schedule",
          hint="return np.linspace(beta_1, beta_T, T): T numbers, both ends included",
          cases=SCHEDULE_CASES, compare=schedule_like_formula, known_mistakes=SCHEDULE_MISTAKES),
    Check("alpha_bars",
          hint="return np.cumprod(1 - betas): alpha bar_t = (1 - beta_1)(1 - beta_2)...(1 - beta_t)",
          cases=ALPHA_BAR_CASES, compare=alpha_bar_like_logs, known_mistakes=ALPHA_BAR_MISTAKES),
    Check("q_sample",
          hint="a = alpha_bar[t][:, None]; return np.sqrt(a) * x0 + np.sqrt(1 - a) * noise",
          cases=Q_CASES, compare=q_like_closed_form, known_mistakes=Q_MISTAKES),
    Check("diffusion_loss",
          hint="x_t = q_sample(x0, t, noise, alpha_bar); predicted = model([x_t.astype('float32'), t]); "
               "return keras.ops.mean(keras.ops.square(noise - predicted))",
          cases=LOSS_CASES, compare=loss_like_keras, known_mistakes=LOSS_MISTAKES),
    Check("p_sample_step",
          hint="eps = np.asarray(model([x_t.astype('float32'), np.full(len(x_t), t, 'int32')])); mean = (x_t - betas[t] "
               "/ np.sqrt(1 - alpha_bar[t]) * eps) / np.sqrt(1 - betas[t]); return mean + np.sqrt(betas[t]) * noise "
               "if t > 0 else mean",
          cases=STEP_CASES, compare=step_like_numpy, known_mistakes=STEP_MISTAKES),
    Check("train_and_sample",
          hint="loss_before = diffusion_loss(model, *eval_batch, alpha_bar); draw steps * 256 rows (index, t, noise) "
               "with rng = np.random.default_rng(seed), x_t = q_sample(...), model.compile(Adam(CosineDecay(5e-3, "
               "steps, alpha=0.05)), loss='mse'), model.fit([x_t, t], noise, batch_size=256, epochs=1); loss_after "
               "likewise; then x = rng.standard_normal((n_samples, 2)) and p_sample_step for t = T - 1 down to 0",
          cases=TRAIN_CASES, compare=trained_samples),
]
