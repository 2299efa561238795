"""Checks of assignment gen4_gan (a DCGAN on the 8x8 digits: the two networks, the two losses, the
Fréchet distance, the training loop). Expected outputs: expected/*.npz.

build_generator and build_discriminator are judged on their structure (grader.checks.same_structure
against the recorded solution: layer classes, output shapes, parameter counts, and key configuration
such as the last layer's activation: tanh for the generator, none for the discriminator, which returns
logits), for several latent sizes and image shapes.

discriminator_loss and generator_loss are compared, here in the grader's process, with their Keras twin
keras.losses.BinaryCrossentropy(from_logits=True), on logits of several shapes, some as large as +-40
(where log(sigmoid(x)) written naively gives inf). The discriminator's loss is the sum of the two mean
cross-entropies (real images labelled 1, fakes labelled 0), as in the lesson; the generator's is the
non-saturating one, the cross-entropy of the fakes' logits with label 1.

frechet_distance is compared with two twins: the closed form sum (mu1 - mu2)^2 + sum (s1 - s2)^2 where
both covariances are diagonal, and elsewhere the symmetric form tr((S1^1/2 S2 S1^1/2)^1/2) computed with
NumPy's eigendecompositions (no scipy.linalg.sqrtm); rtol 1e-5. One public and one hidden case have
rank-deficient covariances (fewer samples than feature dimensions), where sqrtm returns tiny imaginary
parts: the result must be a real number.

train_gan is given the two networks (built and seeded here, sent as models), the real batches, one
batch of latent vectors per step and the latent vectors to sample from at the end. Two kinds of case:
- exact: 3 or 4 steps with a large learning rate (0.01, 0.005), so that each network's update moves the
  losses by far more than the tolerance (atol 1e-4, rtol 1e-3). The losses at every step and the final
  samples must be those of the reference (recorded): that holds only if each phase updates the right
  network with the right loss. The simultaneous form (both losses from one forward pass, both updates
  after it, as TensorFlow's DCGAN tutorial writes it) is a correct GAN step too and is accepted: it is
  computed here and compared in the same way. Known mistakes, computed here by the reference loop with
  the slip in it: the discriminator never updated, the generator never updated, the discriminator's
  loss applied to both networks, the generator's loss applied to both, the networks called without
  training=True (batch normalisation then uses its initial moving averages), the saturating loss.
- trained: 150 steps of 64 digits from fresh networks, learning rate 2e-4. The 500 samples are judged
  by a small FID computed here: the Fréchet distance between Gaussians fitted to the features of the
  grader's own classifier (scikit-learn's LinearDiscriminantAnalysis fitted on all 1,797 digits, 9
  features) of the samples and of the digits. Measured with this module's reference loop (eager) on
  three seeds' networks and batches: 24.7, 21.6 and 19.9; uniform noise 4,221. With the slip in, on the
  first seed: the discriminator never updated 2,326, the generator never updated 2,610, the
  discriminator's loss applied to both networks 778, the networks in inference mode 148; the saturating
  loss (22) and the generator's loss applied to both networks (39) still train in 150 steps, and only the
  exact cases catch them. The threshold, FID_MAX = 100, lies between: four times the reference, and a
  seventh of the best loop that leaves a network untrained (778); the inference-mode loop fails it too.
"""
from functools import lru_cache

import numpy as np
from scipy import linalg
from sklearn.datasets import load_digits
from sklearn.discriminant_analysis import LinearDiscriminantAnalysis

from grader.checks import (Case, Check, KnownMistake, agrees_with, array_of_shape, close, import_keras, import_tf,
                           n_parts, normal_batch, one_number, same_structure)
from grader.codec import ModelInput, ModelStructure

rng = np.random.default_rng(9404)

LOSS_ATOL, LOSS_RTOL = 1e-5, 1e-5       # float32 losses against Keras's, computed in two processes
FRECHET_ATOL, FRECHET_RTOL = 1e-6, 1e-5
TRAIN_ATOL, TRAIN_RTOL = 1e-4, 1e-3     # a few Adam steps, replayed in two processes
MISTAKE_ATOL = 1e-3
FID_MAX = 100.0                         # reference 20 to 25, noise 4,221, broken loops 778 and more
TRAINED_STEPS, TRAINED_BATCH, N_SAMPLES = 150, 64, 500



# ---------------------------------------------------------------- the digits, and the grader's classifier
def _digits():
    images = load_digits().images
    return (images / 8.0 - 1.0).astype(np.float32)[..., None], load_digits().target


DIGITS, LABELS = _digits()


@lru_cache(maxsize=1)
def _classifier():
    """The grader's own digit classifier: linear discriminant analysis on the 64 pixels (scaled to [-1, 1]);
    its transform, 9 discriminant directions, gives the features of the small FID."""
    return LinearDiscriminantAnalysis().fit(DIGITS.reshape(len(DIGITS), -1), LABELS)


def _feature_stats(images):
    features = _classifier().transform(np.asarray(images, np.float64).reshape(len(images), -1))
    return features.mean(axis=0), np.cov(features, rowvar=False)


def frechet_twin(mu1, sigma1, mu2, sigma2):
    """The Fréchet distance with tr((S1 S2)^1/2) = tr((S1^1/2 S2 S1^1/2)^1/2), by eigendecompositions."""
    mu1, mu2, sigma1, sigma2 = (np.asarray(a, np.float64) for a in (mu1, mu2, sigma1, sigma2))
    values, vectors = np.linalg.eigh(sigma1)
    root = (vectors * np.sqrt(np.clip(values, 0, None))) @ vectors.T
    inner = np.linalg.eigvalsh(root @ sigma2 @ root)
    return float(np.sum((mu1 - mu2) ** 2) + np.trace(sigma1) + np.trace(sigma2)
                 - 2 * np.sum(np.sqrt(np.clip(inner, 0, None))))


@lru_cache(maxsize=1)
def _digit_stats():
    return _feature_stats(DIGITS)


def small_fid(images):
    return frechet_twin(*_digit_stats(), *_feature_stats(images))


# ---------------------------------------------------------------- build_generator, build_discriminator
def _last_activation(structure):
    return structure.configs[-1].get("activation") if isinstance(structure, ModelStructure) and structure.configs \
        else None


def generator_structure(expected, got, case):
    message = same_structure(expected, got, case)
    if message and _last_activation(got) not in (None, "tanh"):
        return (f"the last layer's activation is {_last_activation(got)!r}: use 'tanh', so that the images lie in "
                "[-1, 1] like the scaled digits (" + message + ")")
    return message


def discriminator_structure(expected, got, case):
    message = same_structure(expected, got, case)
    if message and _last_activation(got) == "sigmoid":
        return ("the last Dense layer has a sigmoid: return logits (no activation), since the losses use "
                "BinaryCrossentropy(from_logits=True), which applies the sigmoid itself, stably")
    return message


GENERATOR_CASES = (
    Case("latent_dim 16", (16,), public=True),
    Case("latent_dim 8", (8,)),
    Case("latent_dim 100", (100,)),
)

DISCRIMINATOR_CASES = (
    Case("input_shape (8, 8, 1)", ((8, 8, 1),), public=True),
    Case("input_shape (16, 16, 1)", ((16, 16, 1),)),
    Case("input_shape (12, 12, 3)", ((12, 12, 3),)),
)


# ---------------------------------------------------------------- the losses
def _bce(labels, logits, from_logits=True):
    keras = import_keras()
    return float(keras.losses.BinaryCrossentropy(from_logits=from_logits)(labels, np.asarray(logits, np.float32)))


def _ones(x):
    return np.ones_like(np.asarray(x, np.float32))


def _zeros(x):
    return np.zeros_like(np.asarray(x, np.float32))


def _sigmoid(x):
    return (1 / (1 + np.exp(-np.asarray(x, np.float64)))).astype(np.float32)


def discriminator_twin(real_logits, fake_logits):
    return _bce(_ones(real_logits), real_logits) + _bce(_zeros(fake_logits), fake_logits)


def generator_twin(fake_logits):
    return _bce(_ones(fake_logits), fake_logits)


def _loss_like(twin, what):
    def compare(expected, got, case):
        message = one_number(got, what, size_one=True)
        if message:
            return message
        return agrees_with(float(np.asarray(got).ravel()[0]), twin(*case.args),
                           "keras.losses.BinaryCrossentropy(from_logits=True)", LOSS_ATOL, LOSS_RTOL, what)
    return compare


D_LOSS_MISTAKES = (
    KnownMistake("the labels are swapped: real images have label 1 (ones_like(real_logits)) and generated ones "
                 "label 0 (zeros_like(fake_logits))",
                 lambda case: _bce(_zeros(case.args[0]), case.args[0]) + _bce(_ones(case.args[1]), case.args[1]),
                 atol=1e-4),
    KnownMistake("the sigmoid is applied twice: the logits already go through one inside "
                 "BinaryCrossentropy(from_logits=True), so pass the logits themselves, not sigmoid(logits)",
                 lambda case: _bce(_ones(case.args[0]), _sigmoid(case.args[0]))
                 + _bce(_zeros(case.args[1]), _sigmoid(case.args[1])), atol=1e-4),
    KnownMistake("this is BinaryCrossentropy() with its default from_logits=False, which reads the logits as "
                 "probabilities (and clips them to [1e-7, 1 - 1e-7]): the discriminator returns logits, so "
                 "use BinaryCrossentropy(from_logits=True)",
                 lambda case: _bce(_ones(case.args[0]), case.args[0], False)
                 + _bce(_zeros(case.args[1]), case.args[1], False), atol=1e-4),
    KnownMistake("this is the mean of the two cross-entropies: the discriminator's loss here is their sum, "
                 "the loss on the real images plus the loss on the fakes",
                 lambda case: discriminator_twin(*case.args) / 2, atol=1e-4),
)

def _saturating_loss(fake_logits):
    """mean log(1 - D(G(z))) as a learner writes it: -inf where float32's sigmoid rounds to 1, as theirs does."""
    with np.errstate(divide="ignore"):
        return float(np.mean(np.log1p(-_sigmoid(fake_logits).astype(np.float64))))


G_LOSS_MISTAKES = (
    KnownMistake("this is the saturating loss, the mean of log(1 - D(G(z))), which the minimax game writes but "
                 "which has almost no gradient when the discriminator rejects the fakes: minimise the "
                 "non-saturating -log D(G(z)), the cross-entropy of the fakes' logits with label 1",
                 lambda case: _saturating_loss(case.args[0]), atol=1e-4),
    KnownMistake("these are the discriminator's labels (fakes labelled 0), so the generator would help the "
                 "discriminator: the generator wants its fakes called real, label 1",
                 lambda case: _bce(_zeros(case.args[0]), case.args[0]), atol=1e-4),
    KnownMistake("the sigmoid is applied twice: pass the logits themselves to BinaryCrossentropy(from_logits=True)",
                 lambda case: _bce(_ones(case.args[0]), _sigmoid(case.args[0])), atol=1e-4),
    KnownMistake("this is BinaryCrossentropy() with from_logits=False, which reads the logits as probabilities: "
                 "use from_logits=True",
                 lambda case: _bce(_ones(case.args[0]), case.args[0], False), atol=1e-4),
)



EXTREME_REAL = np.array([40.0, -40.0, 0.0, 3.0, -25.0, 12.0], np.float32)
EXTREME_FAKE = np.array([-40.0, 40.0, 0.5, -3.0, 25.0, -12.0], np.float32)

D_LOSS_CASES = (
    Case("4 real and 4 fake logits, shape (4, 1)", (normal_batch(rng, 4, 1, scale=2.0), normal_batch(rng, 4, 1, scale=2.0)),
         public=True),
    Case("logits as large as +-40, shape (6,)", (EXTREME_REAL, EXTREME_FAKE), public=True),
    Case("16 logits each, shape (16, 1)", (normal_batch(rng, 16, 1, scale=3.0), normal_batch(rng, 16, 1, scale=3.0))),
    Case("large logits, shape (10,)", (normal_batch(rng, 10, scale=20.0), normal_batch(rng, 10, scale=20.0))),
    Case("one image each, shape (1, 1)", (np.array([[1.5]], np.float32), np.array([[-0.5]], np.float32))),
)

G_LOSS_CASES = (
    Case("4 fake logits, shape (4, 1)", (normal_batch(rng, 4, 1, scale=2.0),), public=True),
    Case("logits as large as +-40, shape (6,)", (EXTREME_FAKE,), public=True),
    Case("16 fake logits, shape (16, 1)", (normal_batch(rng, 16, 1, scale=3.0),)),
    Case("large logits, shape (10,)", (normal_batch(rng, 10, scale=20.0),)),
    Case("one image, shape (1, 1)", (np.array([[-2.0]], np.float32),)),
)


# ---------------------------------------------------------------- frechet_distance
def _is_complex(got):
    try:
        return got is not None and np.iscomplexobj(np.asarray(got))
    except (TypeError, ValueError):
        return False


def frechet_compare(expected, got, case):
    if _is_complex(got):
        return ("the result is a complex number: scipy.linalg.sqrtm can return tiny imaginary parts (rounding, or "
                "covariances estimated from few samples); keep the real part, np.real(covmean), and return a float")
    message = one_number(got, "the Fréchet distance", size_one=True)
    if message:
        if got is not None and np.size(got) == 1 and np.isnan(np.asarray(got, dtype=np.float64)).all():
            return ("the result is NaN: np.sqrt takes the square root of each entry, and the product's entries can "
                    "be negative; the formula needs the matrix square root, scipy.linalg.sqrtm")
        return message
    value = float(np.asarray(got).ravel()[0])
    if case.reference is not None:
        return agrees_with(value, case.reference, "the closed form for diagonal covariances", FRECHET_ATOL,
                           FRECHET_RTOL, "the Fréchet distance")
    return agrees_with(value, frechet_twin(*case.args), "the symmetric form tr((S1^1/2 S2 S1^1/2)^1/2)",
                       FRECHET_ATOL, FRECHET_RTOL, "the Fréchet distance")


def _frechet_with(case, covmean):
    mu1, sigma1, mu2, sigma2 = (np.asarray(a, np.float64) for a in case.args)
    return float(np.sum((mu1 - mu2) ** 2) + np.trace(sigma1 + sigma2 - 2 * covmean(sigma1, sigma2)))


FRECHET_MISTAKES = (
    KnownMistake("the square root is missing: the cross term is 2 tr((Sigma1 Sigma2)^1/2), with the matrix square "
                 "root scipy.linalg.sqrtm(sigma1 @ sigma2), not 2 tr(Sigma1 Sigma2)",
                 lambda case: _frechet_with(case, lambda a, b: a @ b), atol=1e-6),
    KnownMistake("this multiplies the two square roots, sqrtm(Sigma1) @ sqrtm(Sigma2): the square root of a product "
                 "is the product of the square roots only when the matrices commute (as diagonal ones do); take "
                 "scipy.linalg.sqrtm(sigma1 @ sigma2)",
                 lambda case: _frechet_with(case, lambda a, b: np.real(linalg.sqrtm(a) @ linalg.sqrtm(b))), atol=1e-6),
    KnownMistake("the means' term is the squared distance ||mu1 - mu2||^2, np.sum((mu1 - mu2) ** 2): you took the "
                 "distance itself, without squaring it",
                 lambda case: frechet_twin(*case.args) - float(np.sum((np.asarray(case.args[0]) - case.args[2]) ** 2))
                 + float(np.linalg.norm(np.asarray(case.args[0]) - case.args[2])), atol=1e-6),
    KnownMistake("the cross term has a factor 2: tr(Sigma1 + Sigma2 - 2 (Sigma1 Sigma2)^1/2)",
                 lambda case: _frechet_with(case, lambda a, b: 0.5 * np.real(linalg.sqrtm(a @ b))), atol=1e-6),
)


def _spd(n, rank=None):
    A = rng.standard_normal((n, rank or n))
    return A @ A.T + (0.0 if rank else 0.1 * np.eye(n))


def _diagonal_case(name, mu1, var1, mu2, var2, public=False):
    mu1, var1, mu2, var2 = (np.asarray(a, np.float64) for a in (mu1, var1, mu2, var2))
    closed = float(np.sum((mu1 - mu2) ** 2) + np.sum((np.sqrt(var1) - np.sqrt(var2)) ** 2))
    return Case(name, (mu1, np.diag(var1), mu2, np.diag(var2)), public=public, reference=closed)


def _low_rank(n, rank, draws):
    A = draws.normal(size=(n, rank))
    return A @ A.T


_draws = np.random.default_rng(1)   # these two covariances give sqrtm imaginary parts (measured: 4e-8)
_same_mu, _same_sigma = rng.standard_normal(3), _spd(3)
FRECHET_CASES = (
    _diagonal_case("2-D Gaussians with diagonal covariances", [0.0, 1.0], [1.0, 4.0], [1.0, 1.0], [4.0, 1.0],
                   public=True),
    Case("3-D Gaussians with full covariances", (rng.standard_normal(3), _spd(3), rng.standard_normal(3), _spd(3)),
         public=True),
    Case("the same Gaussian twice: 0", (_same_mu, _same_sigma, _same_mu.copy(), _same_sigma.copy()), public=True),
    Case("5-D, covariances of rank 2 and 3: sqrtm leaves imaginary parts",
         (np.zeros(5), _low_rank(5, 2, _draws), np.ones(5), _low_rank(5, 3, _draws)), public=True),
    _diagonal_case("4-D diagonal", [1.0, -2.0, 0.0, 3.0], [0.5, 2.0, 9.0, 1.0], [0.0, 0.0, 0.0, 0.0],
                   [2.0, 2.0, 1.0, 0.25]),
    Case("1-D: means 1 and 3, variances 4 and 1", (np.array([1.0]), np.array([[4.0]]), np.array([3.0]),
                                                   np.array([[1.0]]))),
    Case("6-D with full covariances", (rng.standard_normal(6), _spd(6), rng.standard_normal(6), _spd(6))),
    Case("6-D, covariances of rank 3 and 4", (rng.standard_normal(6), _spd(6, 3), rng.standard_normal(6),
                                              _spd(6, 4))),
)


# ---------------------------------------------------------------- train_gan
def _generator(latent_dim):
    keras = import_keras()
    layers = keras.layers
    return keras.Sequential([
        keras.Input((latent_dim,)),
        layers.Dense(4 * 4 * 64),
        layers.BatchNormalization(momentum=0.9),
        layers.LeakyReLU(0.2),
        layers.Reshape((4, 4, 64)),
        layers.Conv2DTranspose(32, 4, strides=2, padding="same"),
        layers.BatchNormalization(momentum=0.9),
        layers.LeakyReLU(0.2),
        layers.Conv2D(1, 3, padding="same", activation="tanh"),
    ])


def _discriminator(input_shape=(8, 8, 1)):
    keras = import_keras()
    layers = keras.layers
    return keras.Sequential([
        keras.Input(input_shape),
        layers.Conv2D(32, 3, strides=2, padding="same"),
        layers.LeakyReLU(0.2),
        layers.Conv2D(64, 3, strides=2, padding="same"),
        layers.LeakyReLU(0.2),
        layers.Flatten(),
        layers.Dense(1),
    ])


def _networks(latent_dim, seed):
    keras = import_keras()
    keras.utils.set_random_seed(seed)
    return ModelInput(_generator(latent_dim)), ModelInput(_discriminator())


def reference_training(case, variant=None):
    """The reference loop, or one with a well-known slip (`variant`), on a case's arguments, here."""
    tf, keras = import_tf(), import_keras()
    generator_in, discriminator_in, real_batches, z_batches, z_eval, learning_rate = case.args
    generator = ModelInput.rebuild(generator_in.architecture, generator_in.weights)
    discriminator = ModelInput.rebuild(discriminator_in.architecture, discriminator_in.weights)
    d_optimizer = keras.optimizers.Adam(learning_rate, beta_1=0.5)
    g_optimizer = keras.optimizers.Adam(learning_rate, beta_1=0.5)
    bce = keras.losses.BinaryCrossentropy(from_logits=True)
    training = variant != "inference"
    g_weights, d_weights = generator.trainable_weights, discriminator.trainable_weights
    both = g_weights + d_weights

    def d_loss_of(real, fake):
        real_logits, fake_logits = discriminator(real, training=training), discriminator(fake, training=training)
        return bce(tf.ones_like(real_logits), real_logits) + bce(tf.zeros_like(fake_logits), fake_logits)

    def g_loss_of(fake_logits):
        if variant == "saturating":
            return tf.reduce_mean(tf.math.log(1 - tf.sigmoid(fake_logits)))
        return bce(tf.ones_like(fake_logits), fake_logits)

    def step(real, z):   # eagerly: a few steps, and no retracing across cases and variants
        if variant == "simultaneous":
            with tf.GradientTape() as g_tape, tf.GradientTape() as d_tape:
                fake = generator(z, training=True)
                real_logits, fake_logits = discriminator(real, training=True), discriminator(fake, training=True)
                d_loss = bce(tf.ones_like(real_logits), real_logits) + bce(tf.zeros_like(fake_logits), fake_logits)
                g_loss = bce(tf.ones_like(fake_logits), fake_logits)
            d_optimizer.apply_gradients(zip(d_tape.gradient(d_loss, d_weights), d_weights))
            g_optimizer.apply_gradients(zip(g_tape.gradient(g_loss, g_weights), g_weights))
            return d_loss, g_loss
        with tf.GradientTape() as tape:
            d_loss = d_loss_of(real, generator(z, training=training))
        if variant != "no_d_update":
            updated = both if variant == "d_loss_to_both" else d_weights
            d_optimizer.apply_gradients(zip(tape.gradient(d_loss, updated), updated))
        with tf.GradientTape() as tape:
            g_loss = g_loss_of(discriminator(generator(z, training=training), training=training))
        if variant != "no_g_update":
            updated = both if variant == "g_loss_to_both" else g_weights
            g_optimizer.apply_gradients(zip(tape.gradient(g_loss, updated), updated))
        return d_loss, g_loss

    d_losses, g_losses = [], []
    for real, z in zip(real_batches, z_batches):
        d_loss, g_loss = step(tf.constant(real, tf.float32), tf.constant(z, tf.float32))
        d_losses.append(float(d_loss))
        g_losses.append(float(g_loss))
    return np.array(d_losses), np.array(g_losses), np.asarray(generator(z_eval, training=False))


_replays = {}


def _replay(case, variant):
    """reference_training on an exact case (a few steps), computed once per case and variant. The trained cases
    are never replayed: a known mistake's value raises there, so that it is simply not tried."""
    if case.reference != "exact":
        raise ValueError("known mistakes are tried on the exact cases only")
    key = (id(case), variant)
    if key not in _replays:
        _replays[key] = reference_training(case, variant)
    return _replays[key]


def _parts(got, case):
    """(d_losses, g_losses, samples) as float arrays of the right shapes, or a message."""
    _, _, real_batches, _, z_eval, _ = case.args
    steps = len(real_batches)
    message = n_parts(got, 3, "the result (d_losses, g_losses, samples)")
    if message:
        return None, message
    d_losses, g_losses, samples = got
    for name, values in (("d_losses", d_losses), ("g_losses", g_losses)):
        message = array_of_shape(np.asarray(values, dtype=np.float64).reshape(-1) if np.size(values) == steps
                                 else values, (steps,), name)
        if message:
            return None, message + f" (one loss per step, {steps} steps)"
    message = array_of_shape(samples, (len(z_eval), 8, 8, 1), "samples (the generator's images of z_eval)")
    if message:
        return None, message
    d_losses, g_losses = (np.asarray(v, dtype=np.float64).reshape(-1) for v in (d_losses, g_losses))
    samples = np.asarray(samples, dtype=np.float64)
    if samples.min() < -1 - 1e-5 or samples.max() > 1 + 1e-5:
        return None, (f"the samples range from {samples.min():.3f} to {samples.max():.3f}: the generator's tanh keeps "
                      "them in [-1, 1]; return generator(z_eval, training=False) itself")
    return (d_losses, g_losses, samples), None


def trained_exactly(expected, got, case):
    parts, message = _parts(got, case)
    if message:
        return message
    compare = close(atol=TRAIN_ATOL, rtol=TRAIN_RTOL)
    if compare(tuple(expected), parts, case) is None:
        return None
    if compare(_replay(case, "simultaneous"), parts, case) is None:   # one forward pass, both updates: also right
        return None
    d_want, g_want, _ = expected
    d_got, g_got, _ = parts
    if not np.isclose(d_got[0], d_want[0], atol=TRAIN_ATOL, rtol=TRAIN_RTOL):
        return (f"the discriminator's loss at the first step is {d_got[0]:.5f}, expected {d_want[0]:.5f}: before any "
                "update, discriminator_loss(discriminator(real, training=True), discriminator(generator(z, "
                "training=True), training=True))")
    if not np.isclose(g_got[0], g_want[0], atol=TRAIN_ATOL, rtol=TRAIN_RTOL):
        return (f"the generator's loss at the first step is {g_got[0]:.5f}, expected {g_want[0]:.5f}: compute it "
                "after the discriminator's update, generator_loss(discriminator(generator(z, training=True), "
                "training=True)), and check that the discriminator's update changed only the discriminator")
    for step in range(1, len(d_want)):
        if not (np.isclose(d_got[step], d_want[step], atol=TRAIN_ATOL, rtol=TRAIN_RTOL)
                and np.isclose(g_got[step], g_want[step], atol=TRAIN_ATOL, rtol=TRAIN_RTOL)):
            return (f"the losses agree at step 1 but not at step {step + 1}: check what each update changes, the "
                    "discriminator's gradient applied to discriminator.trainable_weights with d_optimizer, the "
                    "generator's to generator.trainable_weights with g_optimizer, two Adam(learning_rate, "
                    "beta_1=0.5) made once, before the loop")
    return ("the losses agree but the samples differ: return generator(z_eval, training=False) after the last step "
            "(training=False: batch normalisation then uses its moving averages)")


def beats_noise(expected, got, case):
    parts, message = _parts(got, case)
    if message:
        return message
    d_losses, g_losses, samples = parts
    if not (np.all(np.isfinite(d_losses)) and np.all(np.isfinite(g_losses))):
        return "the losses are not finite"
    fid = small_fid(samples)
    if fid > FID_MAX:
        return (f"after {len(d_losses)} steps your generator's samples are at a small FID of {fid:.0f} from the "
                f"digits (uniform noise: {NOISE_FID:.0f}; a correct train_gan reaches about 20 and must reach "
                f"{FID_MAX:.0f}): check that each step updates both networks, each with its own loss")
    return None


TRAIN_MISTAKES = (
    KnownMistake("the discriminator never learns: apply the gradient of d_loss to discriminator.trainable_weights "
                 "with d_optimizer.apply_gradients at every step",
                 lambda case: _replay(case, "no_d_update"), atol=MISTAKE_ATOL),
    KnownMistake("the generator never learns: apply the gradient of g_loss to generator.trainable_weights with "
                 "g_optimizer.apply_gradients at every step",
                 lambda case: _replay(case, "no_g_update"), atol=MISTAKE_ATOL),
    KnownMistake("the discriminator's loss also updates the generator: in the discriminator's phase take the "
                 "gradient with respect to discriminator.trainable_weights only (the generator would learn to "
                 "make its fakes easier to reject)",
                 lambda case: _replay(case, "d_loss_to_both"), atol=MISTAKE_ATOL),
    KnownMistake("the generator's loss also updates the discriminator: in the generator's phase take the gradient "
                 "with respect to generator.trainable_weights only (the discriminator would learn to call the "
                 "fakes real). This is what the combined model G -> D does when D is not frozen",
                 lambda case: _replay(case, "g_loss_to_both"), atol=MISTAKE_ATOL),
    KnownMistake("the networks run in inference mode: call them with training=True in both phases, so that batch "
                 "normalisation uses the batch's statistics (and updates its moving averages) instead of its "
                 "initial averages",
                 lambda case: _replay(case, "inference"), atol=MISTAKE_ATOL),
    KnownMistake("this is the saturating generator loss, log(1 - D(G(z))): use generator_loss, the non-saturating "
                 "-log D(G(z))",
                 lambda case: _replay(case, "saturating"), atol=MISTAKE_ATOL),
)


def _exact_case(name, latent_dim, batch, steps, learning_rate, seed, public=False):
    generator, discriminator = _networks(latent_dim, seed)
    real = DIGITS[rng.integers(0, len(DIGITS), (steps, batch))]
    z = rng.standard_normal((steps, batch, latent_dim)).astype(np.float32)
    z_eval = rng.standard_normal((6, latent_dim)).astype(np.float32)
    return Case(name, (generator, discriminator, real, z, z_eval, learning_rate), public=public,
                compare=trained_exactly, reference="exact")


def _trained_case(name, seed, public=False):
    generator, discriminator = _networks(16, seed)
    draws = np.random.default_rng(seed)
    real = DIGITS[draws.integers(0, len(DIGITS), (TRAINED_STEPS, TRAINED_BATCH))]
    z = draws.standard_normal((TRAINED_STEPS, TRAINED_BATCH, 16)).astype(np.float32)
    z_eval = draws.standard_normal((N_SAMPLES, 16)).astype(np.float32)
    return Case(name, (generator, discriminator, real, z, z_eval, 2e-4), public=public, compare=beats_noise,
                reference="trained")


NOISE_FID = small_fid(np.random.default_rng(0).uniform(-1, 1, (N_SAMPLES, 8, 8, 1)))

TRAIN_CASES = (
    _exact_case("3 steps of 8 digits, latent_dim 16, learning rate 0.01", 16, 8, 3, 0.01, seed=1, public=True),
    _trained_case("150 steps of 64 digits from fresh networks: samples against the digits", seed=11, public=True),
    _exact_case("4 steps of 6 digits, latent_dim 8, learning rate 0.005", 8, 6, 4, 0.005, seed=2),
    _trained_case("150 steps of 64 digits, other networks and batches", seed=12),
)


CHECKS = [
    Check("build_generator",
          hint="keras.Sequential([keras.Input((latent_dim,)), Dense(4 * 4 * 64), BatchNormalization(momentum=0.9), "
               "LeakyReLU(0.2), Reshape((4, 4, 64)), Conv2DTranspose(32, 4, strides=2, padding='same'), "
               "BatchNormalization(momentum=0.9), LeakyReLU(0.2), Conv2D(1, 3, padding='same', activation='tanh')])",
          cases=GENERATOR_CASES,
          compare=generator_structure),
    Check("build_discriminator",
          hint="keras.Sequential([keras.Input(input_shape), Conv2D(32, 3, strides=2, padding='same'), LeakyReLU(0.2), "
               "Conv2D(64, 3, strides=2, padding='same'), LeakyReLU(0.2), Flatten(), Dense(1)]): no activation "
               "at the end, the model returns logits",
          cases=DISCRIMINATOR_CASES,
          compare=discriminator_structure),
    Check("discriminator_loss",
          hint="bce = keras.losses.BinaryCrossentropy(from_logits=True); return bce(ops.ones_like(real_logits), "
               "real_logits) + bce(ops.zeros_like(fake_logits), fake_logits)",
          cases=D_LOSS_CASES,
          compare=_loss_like(discriminator_twin, "the discriminator's loss"),
          known_mistakes=D_LOSS_MISTAKES),
    Check("generator_loss",
          hint="the non-saturating loss: BinaryCrossentropy(from_logits=True)(ops.ones_like(fake_logits), fake_logits)",
          cases=G_LOSS_CASES,
          compare=_loss_like(generator_twin, "the generator's loss"),
          known_mistakes=G_LOSS_MISTAKES),
    Check("frechet_distance",
          hint="covmean = np.real(scipy.linalg.sqrtm(sigma1 @ sigma2)); return float(np.sum((mu1 - mu2) ** 2) + "
               "np.trace(sigma1 + sigma2 - 2 * covmean))",
          cases=FRECHET_CASES,
          compare=frechet_compare,
          known_mistakes=FRECHET_MISTAKES),
    Check("train_gan",
          hint="make d_optimizer and g_optimizer, two keras.optimizers.Adam(learning_rate, beta_1=0.5), before the "
               "loop; for each real batch and z: (1) with a tape, d_loss = discriminator_loss(discriminator(real, "
               "training=True), discriminator(generator(z, training=True), training=True)), then apply its gradient "
               "to discriminator.trainable_weights; (2) with a new tape, g_loss = generator_loss(discriminator("
               "generator(z, training=True), training=True)), then apply its gradient to generator.trainable_weights. "
               "Return (d_losses, g_losses, generator(z_eval, training=False))",
          cases=TRAIN_CASES,
          known_mistakes=TRAIN_MISTAKES),
]
