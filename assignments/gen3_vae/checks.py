"""Checks of assignment gen3 (a variational autoencoder for 16 x 16 digits: the Sampling layer, the KL
term, the encoder, the decoder, the VAE's train_step, latent interpolation). Expected outputs:
expected/*.npz.

sample_latent draws z with the learner's Sampling layer; the draws are judged by what they are, not by
their values, so that any correct way of drawing the noise passes: the standardised draws
(z - mu) / sigma of each latent dimension must have mean 0 and spread 1 (within 5 standard errors) and
pass a Kolmogorov-Smirnov test against scipy.stats.norm (p >= 1e-4; the draws are seeded, so the
verdict never changes from run to run); with log sigma^2 = -1000, z must equal mu; dz/dmu must be 1 and
dz/dlogvar must be (z - mu) / 2, read from the GradientTape of the notebook's sample_latent. Named
mistakes: exp(logvar) for exp(logvar / 2) (the spread is the variance), logvar used as sigma, the same
noise for every row; computed exactly here, with keras.random.normal drawn through a SeedGenerator of
the case's seed as the solution draws it, and recognised statistically otherwise.

kl_loss is compared with its closed form in NumPy (float64), with scipy.integrate.quad integrating
q log(q / p) dimension by dimension, and with a Monte Carlo estimate (50,000 draws per example, within
5 standard errors); it is 0 at mu = 0, log sigma^2 = 0. Named mistakes: no 1/2, the sign, a mean over
the latent dimensions, the 1 left out, one number for the batch.

build_encoder and build_decoder are compared layer by layer with the recipe (grader.checks.same_structure)
and must be Functional models; a ReLU on mu or logvar and a decoder not ending in a sigmoid are named.

train_vae trains the learner's VAE in the learner's kernel (10 epochs of 1,200 digits, about ten seconds)
and is judged on what it returns, here: the three trackers, one value per epoch, the loss falling and
equal to reconstruction + KL; the KL term at least 0.5 at the end (below it, the feedback tells posterior
collapse, every code alike, from a decoder trained on mu instead of the draw z); pixels in [0, 1]; the held-out negative ELBO, computed here in NumPy from
the returned mu, logvar and reconstructions (binary cross-entropy summed over the pixels + KL), at most
HELD_OUT_LOSS; and the pictures decoded from 400 codes of the prior, read by a logistic regression
trained here on all 1,797 digits: at least MIN_DIGITS different digits each recognised in 3% of them,
and a mean top probability of at least MIN_CONFIDENCE.
Measured (CPU, 10 epochs, both cases' splits, seeds 0 to 3, six runs): a correct VAE reaches a held-out
loss of 114.0 to 114.8, 6 or 7 digits, a mean top probability of 0.48 to 0.58. Broken ones (public split,
seed 0): without the KL term in the loss 190.8 and 1 digit; decoding mu instead of z 179.1; sigma read as
logvar (in Sampling) 168.8; exp(logvar) for sigma collapses (120.3, KL 0.4, 1 digit); the KL's sign
flipped diverges; a ReLU on the encoder's heads, or the reconstruction averaged over the pixels, collapses
(121.5, KL 0, 1 digit); a decoder without its sigmoid gives pixels up to 1.53. Broken VAEs make
*sharper* prior pictures than a correct one (mean top probability 0.79 to 0.86): the classifier's
confidence is a floor only, and the held-out loss and the number of different digits tell a working VAE
from a broken one.

interpolate is compared with the same decoder run on np.linspace(z_a, z_b, steps) (atol 1e-5); named
mistakes: blending the decoded pictures instead of the codes, t without its last value (endpoint left out).
"""
from functools import lru_cache

import numpy as np

from grader.checks import (Case, Check, KnownMistake, agrees_with, array_of_shape, dict_of_arrays, import_keras,
                           same_structure, within)
from grader.codec import ModelInput, ModelStructure

rng = np.random.default_rng(8003)

HELD_OUT_LOSS = 120.0    # a correct VAE: 114.0 to 114.8; collapsed 120.3 to 121.5 (also caught below); broken 168.8+
MIN_DIGITS = 4           # a correct VAE: 6 or 7 digits among its prior pictures; collapsed or no KL: 1
MIN_SHARE = 0.03         # of the prior pictures, for a digit to count
MIN_CONFIDENCE = 0.40    # a correct VAE: 0.48 to 0.58
EPOCHS = 10
N_PRIOR = 400
GRAD_ATOL = 1e-5


# ---------------------------------------------------------------- sample_latent
@lru_cache(maxsize=None)
def _noise(seed, shape):
    """eps as the solution draws it: keras.random.normal through a SeedGenerator(seed), float32."""
    keras = import_keras()
    return np.asarray(keras.random.normal(shape, seed=keras.random.SeedGenerator(seed)), np.float64)


def _draws(scale, dz_dlogvar):
    """The output of a Sampling layer computing z = mu + scale(logvar) * eps, with its two gradients."""
    def value(case):
        mu, logvar, seed = case.args
        mu32, logvar32 = np.float32(mu).astype(np.float64), np.float32(logvar).astype(np.float64)
        eps = _noise(int(seed), tuple(np.shape(mu)))
        return {"z": mu32 + scale(logvar32) * eps, "dz_dmu": np.ones(np.shape(mu)),
                "dz_dlogvar": dz_dlogvar(logvar32) * eps}
    return value


SAMPLING_MISTAKES = (
    KnownMistake("z = mu + exp(logvar) * eps spreads the draws by the variance: the standard deviation is "
                 "sigma = exp(logvar / 2), so write ops.exp(0.5 * logvar)",
                 _draws(np.exp, np.exp), atol=GRAD_ATOL),
    KnownMistake("z = mu + logvar * eps uses the log-variance as if it were sigma: logvar = 0 means sigma = 1, "
                 "not no noise; sigma = exp(logvar / 2)",
                 _draws(lambda lv: lv, lambda lv: np.ones_like(lv)), atol=GRAD_ATOL),
)


def _column_message(eps, spread, logvar):
    """What is wrong with the standardised draws of each latent dimension, or None."""
    from scipy import stats
    n = len(eps)
    for j in range(eps.shape[1]):
        mean, std = eps[:, j].mean(), eps[:, j].std()
        where = f"latent dimension {j}"
        if std < 1e-6:
            return (f"{where}: every row has the same z - mu: draw a new eps for every entry, "
                    "keras.random.normal(ops.shape(mu), ...)")
        if abs(std - 1) > 6 / np.sqrt(2 * n):
            lv = float(np.mean(logvar[:, j]))
            if abs(spread[:, j].std() - np.exp(lv)) < 0.06 * np.exp(lv) and abs(lv) > 0.2:
                return (f"{where}: the draws spread by exp(logvar) = {np.exp(lv):.3f}, the variance; the "
                        f"standard deviation is exp(logvar / 2) = {np.exp(lv / 2):.3f}")
            if abs(spread[:, j].std() - abs(lv)) < 0.06 * abs(lv) + 1e-3:
                return (f"{where}: the draws spread by |logvar| = {abs(lv):.3f}: logvar is not sigma; "
                        f"sigma = exp(logvar / 2) = {np.exp(lv / 2):.3f}")
            return (f"{where}: (z - mu) / sigma should have a spread of 1, got {std:.3f} over {n} draws "
                    "(sigma = exp(logvar / 2))")
        if abs(mean) > 5 / np.sqrt(n):
            return f"{where}: z - mu should average 0 over {n} draws, got {mean:.3f} times sigma"
        p_value = stats.kstest(eps[:, j], "norm").pvalue
        if p_value < 1e-4:
            return (f"{where}: the standardised draws (z - mu) / sigma do not look like N(0, 1) "
                    f"(Kolmogorov-Smirnov test against scipy.stats.norm, p = {p_value:.1e}): eps must come "
                    "from keras.random.normal")
    return None


def sampling_like(expected, got, case):
    mu, logvar, _ = case.args
    message = dict_of_arrays(got, {key: np.shape(mu) for key in ("z", "dz_dmu", "dz_dlogvar")})
    if message:
        return message
    z, dz_dmu, dz_dlogvar = (np.asarray(got[key], np.float64) for key in ("z", "dz_dmu", "dz_dlogvar"))
    mu, logvar = np.float32(mu).astype(np.float64), np.float32(logvar).astype(np.float64)
    message = within(dz_dmu, np.ones_like(mu), GRAD_ATOL, what="dz_dmu (the gradient of sum(z) with respect to mu)")
    if message:
        return message + ": z = mu + sigma * eps, so each dz/dmu is 1 (is mu added to the noise, once?)"
    sigma = np.exp(0.5 * logvar)
    if np.all(logvar < -200):  # sigma = exp(logvar / 2) is 0 in float32
        message = within(z, mu, 1e-6, what="z with log sigma^2 = -1000 (sigma = 0)")
        if message:
            return message + ": with no spread left, z must be mu itself"
        return within(dz_dlogvar, np.zeros_like(mu), GRAD_ATOL, what="dz_dlogvar with sigma = 0")
    message = _column_message((z - mu) / sigma, z - mu, logvar)
    if message:
        return message
    return within(dz_dlogvar, 0.5 * (z - mu), GRAD_ATOL, 1e-4,
                  what="dz_dlogvar, compared with (z - mu) / 2 (the derivative of exp(logvar / 2) * eps),")


def _same_rows(values, m):
    return np.tile(np.asarray(values, np.float64)[None, :], (m, 1))


SAMPLING_CASES = (
    Case("4,000 draws: mu (0.5, -1, 2), logvar (0, 1, -2)", (_same_rows([0.5, -1.0, 2.0], 4000),
                                                             _same_rows([0.0, 1.0, -2.0], 4000), 0), public=True),
    Case("logvar = -1000 (sigma = 0): z = mu", (rng.normal(0, 1, (50, 4)), np.full((50, 4), -1000.0), 1),
         public=True),
    Case("6,000 draws of 4 dimensions, logvar from -3 to 1.5", (_same_rows([0.0, 3.0, -0.7, 1.2], 6000),
                                                                _same_rows([-3.0, 1.5, 0.4, -0.8], 6000), 7)),
    Case("logvar = -1000, (20, 2), other means", (rng.normal(2, 3, (20, 2)), np.full((20, 2), -1000.0), 3)),
)


# ---------------------------------------------------------------- kl_loss
def kl_numpy(mu, logvar):
    mu, logvar = np.asarray(mu, np.float64), np.asarray(logvar, np.float64)
    return -0.5 * np.sum(1 + logvar - mu ** 2 - np.exp(logvar), axis=-1)


@lru_cache(maxsize=None)
def _kl_quad_1d(mu, logvar):
    """KL(N(mu, exp(logvar)) || N(0, 1)) by numerical integration of q log(q / p) (scipy.integrate.quad)."""
    from scipy import integrate, stats
    sigma = np.exp(0.5 * logvar)

    def integrand(z):
        log_q = stats.norm.logpdf(z, mu, sigma)
        return np.exp(log_q) * (log_q - stats.norm.logpdf(z))
    value, _ = integrate.quad(integrand, mu - 12 * sigma, mu + 12 * sigma, limit=200)
    return value


def kl_quad(mu, logvar):
    return np.array([sum(_kl_quad_1d(float(m), float(v)) for m, v in zip(row_mu, row_lv))
                     for row_mu, row_lv in zip(np.asarray(mu), np.asarray(logvar))])


def kl_monte_carlo(mu, logvar, draws=50_000, seed=5):
    """(estimate, standard error) of each example's KL: the mean of log q(z) - log p(z) over z ~ q."""
    mu, logvar = np.asarray(mu, np.float64), np.asarray(logvar, np.float64)
    sigma = np.exp(0.5 * logvar)
    generator = np.random.default_rng(seed)
    estimates, errors = [], []
    for m, s, lv in zip(mu, sigma, logvar):
        z = m + s * generator.standard_normal((draws, len(m)))
        log_ratio = np.sum(-0.5 * lv - 0.5 * ((z - m) / s) ** 2 + 0.5 * z ** 2, axis=1)
        estimates.append(log_ratio.mean())
        errors.append(log_ratio.std() / np.sqrt(draws))
    return np.array(estimates), np.array(errors)


def kl_like(expected, got, case):
    mu, logvar = case.args
    want = kl_numpy(mu, logvar)
    message = array_of_shape(got, want.shape, "the KL divergences")
    if message:
        if np.size(np.asarray(got, dtype=object)) == 1:
            return message + ": return one value per example (sum over the latent dimensions, axis=-1, only)"
        return message
    message = agrees_with(got, want, "the closed form in NumPy", atol=1e-5, rtol=1e-4, what="the KL divergences")
    if message:
        return message
    message = agrees_with(got, kl_quad(mu, logvar), "scipy.integrate.quad of q log(q / p)", atol=1e-5, rtol=1e-4,
                          what="the KL divergences")
    if message:
        return message
    estimate, error = kl_monte_carlo(mu, logvar)
    if np.any(np.abs(np.asarray(got, np.float64) - estimate) > 5 * error + 1e-9):
        return "the KL divergences differ from a Monte Carlo estimate by more than 5 standard errors"
    return None


KL_MISTAKES = (
    KnownMistake("this is twice the KL divergence: keep the 1/2 in -1/2 * sum(1 + logvar - mu^2 - exp(logvar))",
                 lambda case: 2 * kl_numpy(*case.args), atol=1e-4),
    KnownMistake("the sign is flipped: the KL divergence is -1/2 * sum(1 + logvar - mu^2 - exp(logvar)), never "
                 "negative; minimising your version would push the codes away from the prior",
                 lambda case: -kl_numpy(*case.args), atol=1e-4),
    KnownMistake("this is a mean over the latent dimensions: the dimensions are independent, so their KL "
                 "divergences add up; sum over axis -1",
                 lambda case: kl_numpy(*case.args) / np.shape(case.args[0])[-1], atol=1e-4),
    KnownMistake("the 1 inside the sum is missing: 1 + logvar - mu^2 - exp(logvar), which makes the KL 0 at "
                 "mu = 0, logvar = 0",
                 lambda case: kl_numpy(*case.args) - 0.5 * np.shape(case.args[0])[-1], atol=1e-4),
)

KL_CASES = (
    Case("one example, two dimensions", (np.array([[0.8, -0.3]]), np.array([[-0.5, 0.4]])), public=True),
    Case("mu = 0, logvar = 0: 0", (np.zeros((3, 4)), np.zeros((3, 4))), public=True),
    Case("5 examples, 3 dimensions", (rng.normal(0, 1, (5, 3)), rng.normal(0, 0.7, (5, 3))), public=True),
    Case("16 examples, 8 dimensions", (rng.normal(0, 1.5, (16, 8)), rng.normal(-0.5, 1, (16, 8)))),
    Case("large spreads, logvar from -4 to 4", (rng.normal(0, 0.5, (4, 2)), rng.uniform(-4, 4, (4, 2)))),
    Case("one dimension", (rng.normal(0, 1, (6, 1)), rng.normal(0, 1, (6, 1)))),
)


# ---------------------------------------------------------------- build_encoder, build_decoder
def _activation(structure, row):
    return structure.configs[row].get("activation")


def encoder_like(expected, got, case):
    if isinstance(got, ModelStructure) and got.model_class not in (None, "Functional"):
        return f"build the encoder with the Functional API (keras.Model(inputs, [mu, logvar])), got a {got.model_class}"
    message = same_structure(expected, got, case)
    if message and isinstance(got, ModelStructure) and len(got.rows) == len(expected.rows):
        heads = [row for row in (-2, -1) if got.rows[row][0] == "Dense" and _activation(got, row) not in (None, "linear")]
        if heads:
            return (f"{message}: mu and logvar take no activation (a {_activation(got, heads[0])} there limits them; "
                    "a ReLU on logvar forces sigma >= 1, so no code can be precise)")
    return message


def decoder_like(expected, got, case):
    if isinstance(got, ModelStructure) and got.model_class not in (None, "Functional"):
        return f"build the decoder with the Functional API (keras.Model(z, picture)), got a {got.model_class}"
    if isinstance(got, ModelStructure) and got.rows and _activation(got, -1) != "sigmoid":
        return (f"the decoder should end in a sigmoid, got {_activation(got, -1)!r}: the binary cross-entropy reads "
                "each output as a pixel in (0, 1)")
    return same_structure(expected, got, case)


ENCODER_CASES = (
    Case("16 x 16 x 1 digits, 2-d codes", ((16, 16, 1), 2), public=True),
    Case("16 x 16 x 1 digits, 8-d codes", ((16, 16, 1), 8), public=True),
    Case("32 x 32 x 1, 4-d codes", ((32, 32, 1), 4)),
    Case("16 x 16 x 3 colour, 3-d codes", ((16, 16, 3), 3)),
)
DECODER_CASES = (
    Case("2-d codes", (2,), public=True),
    Case("8-d codes", (8,), public=True),
    Case("3-d codes", (3,)),
    Case("16-d codes", (16,)),
)


# ---------------------------------------------------------------- train_vae
@lru_cache(maxsize=1)
def digits_16():
    """The notebook's digits_16: the 1,797 digits resized to 16 x 16 (bilinear), in [0, 1], and their labels."""
    from skimage.transform import resize
    from sklearn.datasets import load_digits
    digits = load_digits()
    images = resize(digits.images / 16.0, (len(digits.images), 16, 16), order=1, anti_aliasing=False)
    return np.clip(images, 0.0, 1.0).astype("float32")[..., None], digits.target


@lru_cache(maxsize=1)
def digit_classifier():
    """A logistic regression trained on all 1,797 digits at 16 x 16 (98% of them right)."""
    from sklearn.linear_model import LogisticRegression
    images, labels = digits_16()
    return LogisticRegression(max_iter=2000).fit(images.reshape(len(images), -1), labels)


def _split(seed, n_train=1200):
    images, _ = digits_16()
    order = np.random.default_rng(seed).permutation(len(images))
    return images[order[:n_train]], images[order[n_train:]]


def _held_out_loss(x, reconstructions, mu, logvar):
    """The negative ELBO of each held-out picture: binary cross-entropy summed over the pixels + KL."""
    x = np.asarray(x, np.float64).reshape(len(x), -1)
    x_hat = np.clip(np.asarray(reconstructions, np.float64).reshape(len(x), -1), 1e-7, 1 - 1e-7)
    bce = -np.sum(x * np.log(x_hat) + (1 - x) * np.log(1 - x_hat), axis=1)
    return bce, kl_numpy(mu, logvar)


def _history_message(history, epochs):
    if not isinstance(history, dict):
        return "the history should be a dict of lists (fit_vae makes it from fit's History)"
    missing = [key for key in ("loss", "reconstruction_loss", "kl_loss") if key not in history]
    if missing:
        return (f"the history has no {missing}: name the three trackers \"loss\", \"reconstruction_loss\" and "
                f"\"kl_loss\", list them in the metrics property and return their results from train_step "
                f"(it has {sorted(history)})")
    for key in ("loss", "reconstruction_loss", "kl_loss"):
        message = array_of_shape(history[key], (epochs,), f"history[{key!r}]")
        if message:
            return message + " (one value per epoch)"
    loss, reconstruction, kl = (np.asarray(history[key], np.float64) for key in ("loss", "reconstruction_loss", "kl_loss"))
    if reconstruction[-1] < 5:
        return (f"the reconstruction loss is {reconstruction[-1]:.3f} per picture: that is a mean over the pixels; "
                "sum the binary cross-entropy over the 256 pixels (ops.sum(..., axis=(1, 2))), then average over the "
                "batch, or the KL term outweighs it")
    if np.any(kl < -1e-3):
        return "the KL tracker went negative: the KL divergence is never negative (check the sign of kl_loss)"
    if not np.allclose(loss, reconstruction + kl, rtol=1e-3, atol=1e-3):
        if np.allclose(loss, reconstruction, rtol=1e-3):
            return ("the loss equals the reconstruction loss alone: add the KL term to the loss you take the gradient "
                    "of (tracking it is not enough)")
        return "the loss tracker should be reconstruction_loss + kl_loss, the sum you take the gradient of"
    if not loss[-1] < loss[0]:
        return f"the loss did not fall: {loss[0]:.2f} in the first epoch, {loss[-1]:.2f} in the last"
    return None


def _collapse_message(kl_last, mu, epochs):
    """Why the KL term is near 0 after training, or None when it is not: the codes all alike (posterior
    collapse) or codes that differ by far less than the noise the decoder should have been trained with."""
    if kl_last >= 0.5:
        return None
    if float(np.max(np.std(np.asarray(mu, np.float64), axis=0))) < 0.05:
        return (f"the KL term is {kl_last:.3f} after {epochs} epochs and every held-out picture gets the same code: "
                "the codes say nothing about their pictures (posterior collapse); check that mu and logvar have no "
                "activation and that the reconstruction loss is a sum over the pixels")
    return (f"the KL term is {kl_last:.3f} after {epochs} epochs while the codes differ by far less than sigma: the "
            "decoder never learnt to read noisy codes; decode z, the draw, not mu, and draw it with "
            "sigma = exp(logvar / 2)")


def vae_like(expected, got, case):
    x_train, x_test, z_prior, latent_dim, epochs, _ = case.args
    if not isinstance(got, dict):
        return f"train_vae should return a dict, got {type(got).__name__}"
    message = _history_message(got.get("history"), epochs)
    if message:
        return message
    n = len(x_test)
    message = dict_of_arrays(got, {"mu": (n, latent_dim), "logvar": (n, latent_dim),
                                   "reconstructions": (n, 16, 16, 1), "samples": (len(z_prior), 16, 16, 1)})
    if message:
        return message
    message = _collapse_message(float(got["history"]["kl_loss"][-1]), got["mu"], epochs)
    if message:
        return message
    pictures = np.concatenate([np.ravel(got["reconstructions"]), np.ravel(got["samples"])])
    if pictures.min() < 0 or pictures.max() > 1:
        return (f"the decoder's pixels go from {pictures.min():.2f} to {pictures.max():.2f}: they should stay in "
                "[0, 1] (the decoder ends in a sigmoid)")
    bce, kl = _held_out_loss(x_test, got["reconstructions"], got["mu"], got["logvar"])
    held_out = float(np.mean(bce + kl))
    if held_out > HELD_OUT_LOSS:
        why = ("the codes are far from the prior (held-out KL {:.1f}): is the KL term in the loss?".format(kl.mean())
               if kl.mean() > 15 else
               "pictures rebuilt from a draw z ~ q(z | x) are poor: decode z, the draw, not mu, and draw it with "
               "sigma = exp(logvar / 2)")
        return (f"the held-out loss (negative ELBO: reconstruction {bce.mean():.1f} + KL {kl.mean():.2f}) is "
                f"{held_out:.1f}, above {HELD_OUT_LOSS:.0f}, which a working VAE stays below after {epochs} epochs; {why}")
    samples = np.asarray(got["samples"], np.float64).reshape(len(z_prior), -1)
    probabilities = digit_classifier().predict_proba(samples)
    shares = np.bincount(probabilities.argmax(axis=1), minlength=10) / len(samples)
    digits = int(np.sum(shares >= MIN_SHARE))
    confidence = float(probabilities.max(axis=1).mean())
    if digits < MIN_DIGITS or confidence < MIN_CONFIDENCE:
        return (f"the pictures decoded from the prior N(0, I) show {digits} different digits (each in at least "
                f"{MIN_SHARE:.0%} of them) with a mean top probability of {confidence:.2f}, for a digit classifier; a "
                f"working VAE shows at least {MIN_DIGITS} with at least {MIN_CONFIDENCE:.2f}: the codes should fill "
                "the prior (the KL term) and the decoder should read them")
    return None


def _vae_case(name, split_seed, seed, public=False):
    x_train, x_test = _split(split_seed)
    z_prior = np.random.default_rng(100 + split_seed).standard_normal((N_PRIOR, 2)).astype("float32")
    return Case(name, (x_train, x_test, z_prior, 2, EPOCHS, seed), public=public)


VAE_CASES = (
    _vae_case("the notebook's split, seed 0", 0, 0, public=True),
    _vae_case("another split, seed 1", 1, 1),
)


# ---------------------------------------------------------------- interpolate
def reference_decoder(latent_dim, seed):
    """The recipe's decoder (build_decoder) with seeded random weights."""
    keras = import_keras()
    keras.utils.set_random_seed(seed)
    z = keras.Input(shape=(latent_dim,), name="z")
    x = keras.layers.Dense(64, activation="relu", name="hidden")(z)
    x = keras.layers.Dense(4 * 4 * 32, activation="relu", name="expand")(x)
    x = keras.layers.Reshape((4, 4, 32), name="to_map")(x)
    x = keras.layers.Conv2DTranspose(32, 3, strides=2, padding="same", activation="relu", name="up_1")(x)
    x = keras.layers.Conv2DTranspose(16, 3, strides=2, padding="same", activation="relu", name="up_2")(x)
    picture = keras.layers.Conv2D(1, 3, padding="same", activation="sigmoid", name="pixels")(x)
    return keras.Model(z, picture, name="decoder")


_DECODERS = {}


def _decoder(model_input):
    key = id(model_input)
    if key not in _DECODERS:
        _DECODERS[key] = ModelInput.rebuild(model_input.architecture, model_input.weights)
    return _DECODERS[key]


def _decode(model_input, codes):
    return np.asarray(_decoder(model_input).predict(np.asarray(codes, np.float32), verbose=0), np.float64)


def interpolation_like(expected, got, case):
    model_input, z_a, z_b, steps = case.args
    twin = _decode(model_input, np.linspace(z_a, z_b, steps))
    message = array_of_shape(got, twin.shape, "the pictures")
    if message:
        return message + " (steps pictures of 16 x 16 x 1, both ends included)"
    return agrees_with(got, twin, "the decoder on np.linspace(z_a, z_b, steps)", atol=1e-5, what="the pictures")


INTERPOLATION_MISTAKES = (
    KnownMistake("these are the two end pictures cross-faded, (1 - t) decoder(z_a) + t decoder(z_b): blend the codes "
                 "first, then decode each blended code",
                 lambda case: (lambda t, ends: (1 - t) * ends[0] + t * ends[1])(
                     np.linspace(0, 1, case.args[3])[:, None, None, None], _decode(case.args[0], [case.args[1], case.args[2]])),
                 atol=1e-5),
    KnownMistake("the last picture is not decoder(z_b): t should run from 0 to 1 with both ends included, "
                 "np.linspace(0, 1, steps), not np.arange(steps) / steps",
                 lambda case: _decode(case.args[0], np.linspace(case.args[1], case.args[2], case.args[3], endpoint=False)),
                 atol=1e-5),
)


def _interpolation_case(name, latent_dim, seed, steps, public=False):
    decoder = ModelInput(reference_decoder(latent_dim, seed))
    z_a, z_b = rng.normal(0, 1.2, (2, latent_dim))
    return Case(name, (decoder, z_a, z_b, steps), public=public)


INTERPOLATION_CASES = (
    _interpolation_case("2-d codes, 6 steps", 2, 1, 6, public=True),
    _interpolation_case("3-d codes, 9 steps", 3, 2, 9),
    _interpolation_case("2-d codes, 2 steps: the two ends", 2, 3, 2),
)


CHECKS = [
    Check("sample_latent",
          "z = mu + exp(logvar / 2) * eps, with eps = keras.random.normal(ops.shape(mu), seed=self.seed_generator) "
          "and self.seed_generator = keras.random.SeedGenerator(seed) made in __init__.",
          SAMPLING_CASES, compare=sampling_like, known_mistakes=SAMPLING_MISTAKES),
    Check("kl_loss",
          "KL = -0.5 * ops.sum(1 + logvar - ops.square(mu) - ops.exp(logvar), axis=-1): one value per example.",
          KL_CASES, compare=kl_like, known_mistakes=KL_MISTAKES),
    Check("build_encoder",
          "Input -> Conv2D(16, 3, strides=2, padding='same', relu) -> Conv2D(32, ...) -> Flatten -> Dense(64, relu) "
          "-> two Dense(latent_dim) heads without activation, mu and logvar; keras.Model(inputs, [mu, logvar]).",
          ENCODER_CASES, compare=encoder_like),
    Check("build_decoder",
          "Input((latent_dim,)) -> Dense(64, relu) -> Dense(512, relu) -> Reshape((4, 4, 32)) -> "
          "Conv2DTranspose(32, 3, strides=2, padding='same', relu) -> Conv2DTranspose(16, ...) -> "
          "Conv2D(1, 3, padding='same', activation='sigmoid').",
          DECODER_CASES, compare=decoder_like),
    Check("train_vae",
          "In train_step: encode, draw z with self.sampling, decode z; reconstruction = the binary cross-entropy "
          "summed over the pixels, averaged over the batch; KL = the batch mean of kl_loss; minimise their sum and "
          "update the three trackers.",
          VAE_CASES, compare=vae_like),
    Check("interpolate",
          "codes = (1 - t) z_a + t z_b for t = np.linspace(0, 1, steps), then decoder.predict(codes).",
          INTERPOLATION_CASES, compare=interpolation_like, known_mistakes=INTERPOLATION_MISTAKES),
]
