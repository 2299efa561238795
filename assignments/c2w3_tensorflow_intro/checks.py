"""Checks of assignment C2W3 (hyperparameter search, batch normalisation, TensorFlow).
Expected outputs: expected/*.npz.

Every exercise with a Keras or SciPy twin is also compared, here in the grader's process,
with what that library computes on the same inputs:
- batchnorm_forward with keras.layers.BatchNormalization(axis=-1, epsilon=...) in float64,
  called with training=True on Z.T (examples in rows) and the same gamma and beta: atol 1e-5;
- softmax with scipy.special.softmax(Z, axis=0) and keras.activations.softmax(Z.T): atol 1e-6;
- one_hot_matrix with keras.utils.to_categorical(label, C).T: exactly;
- compute_total_loss with keras.losses.CategoricalCrossentropy(from_logits=True,
  reduction="sum") on the transposes (it runs in float32): rtol 1e-5;
- initialize_parameters with keras.initializers.GlorotNormal(seed=seed + l) called here on
  (n_l, n_{l-1}), after checking the shapes, the float32 dtype, the zero biases and the weights'
  spread: exactly (atol 1e-7). Trainability does not travel (the grader receives values only):
  train_tf_model's tape needs it, and a locked cell of the notebook shows it;
- forward_propagation with a float32 keras.Sequential of the same three Dense layers
  (kernel = W.T, bias = b): atol 1e-5.
sample_hyperparameters is compared value by value on small draws, and on large draws
(n = 2500 and 4000) judged on their spread: the ranges, and how many learning rates fall in
each decade. train_tf_model is judged on the network it returns: this module runs its own NumPy
forward pass on the returned parameters, on the training data and, in the hidden cases, on 200
digits the kernel is never given (the cases' reference).

Known mistakes named in the feedback: draws from the legacy global stream (np.random.seed),
a total loss that is the mean over the examples or has the examples and classes swapped,
Keras's Dense default GlorotUniform or one seed for every layer in initialize_parameters, and
probabilities (a softmax) or a ReLU at the output of forward_propagation.
"""
import numpy as np
from scipy.special import log_softmax
from scipy.special import softmax as scipy_softmax
from sklearn.datasets import load_digits

from grader.checks import (Case, Check, KnownMistake, array_of_shape, close, dict_of_arrays, import_keras, n_parts,
                           within)
from grader.codec import Unsupported

rng = np.random.default_rng(2303)

HELD_OUT_ACCURACY = 0.90    # the reference reaches 0.960 and 0.940 on the two held-out cases
TRAIN_ACCURACY = 0.90       # the reference reaches 0.959 in the public case
LAYER_SHAPES = {"W1": (25, 64), "b1": (25, 1), "W2": (12, 25), "b2": (12, 1), "W3": (6, 12), "b3": (6, 1)}


def _twin(got, want, atol, rtol, twin):
    """None when got agrees with what the library `twin` computes on the same inputs, else a message."""
    message = within(got, want, atol, rtol, what="the result")
    return message and f"compared with {twin}: {message}"


# ---------------------------------------------------------------- sample_hyperparameters
HYPERPARAMETERS = ("learning_rate", "beta", "hidden_units", "minibatch_size")
MINIBATCH_SIZES = (32, 64, 128, 256)


def _draws_message(got, n):
    message = dict_of_arrays(got, {key: (n,) for key in HYPERPARAMETERS})
    if message:
        return message
    for key in ("hidden_units", "minibatch_size"):
        values = np.asarray(got[key])
        if values.dtype.kind == "f" and not np.all(values == np.round(values)):
            return f"result[{key!r}] should hold whole numbers"
    return None


def _fraction_message(values, low, high, what, target, tolerance=0.05):
    fraction = float(np.mean((values >= low) & (values < high)))
    if abs(fraction - target) > tolerance:
        return (f"{fraction:.1%} of the draws have {what}, where a log-scale draw puts "
                f"{target:.0%} ± {tolerance:.0%} there")
    return None


def well_spread(expected, got, case):
    """A large draw, judged on its spread only: ranges, a quarter of the learning rates per decade,
    half of the 1 - beta per decade, every number of hidden units from 50 to 100 reachable, each
    minibatch size a quarter."""
    n = case.args[0]
    message = _draws_message(got, n)
    if message:
        return message
    lr, beta = np.asarray(got["learning_rate"], float), np.asarray(got["beta"], float)
    units, batch = np.asarray(got["hidden_units"]), np.asarray(got["minibatch_size"])
    if lr.min() < 1e-4 or lr.max() > 1:
        return f"learning rates should lie in [1e-4, 1], got values from {lr.min():.3g} to {lr.max():.3g}"
    if beta.min() < 0.9 or beta.max() > 0.999:
        return f"beta should lie in [0.9, 0.999], got values from {beta.min():.6g} to {beta.max():.6g}"
    for k in range(-4, 0):
        message = _fraction_message(lr, 10.0 ** k, 10.0 ** (k + 1), f"a learning rate in [1e{k}, 1e{k + 1})", 0.25)
        if message:
            return message
    for k in (-3, -2):
        message = _fraction_message(1 - beta, 10.0 ** k, 10.0 ** (k + 1), f"1 - beta in [1e{k}, 1e{k + 1})", 0.5)
        if message:
            return message
    if units.min() != 50 or units.max() != 100:
        return (f"hidden_units should run from 50 to 100, both included; {n} draws gave "
                f"{units.min()} to {units.max()}")
    if not set(np.unique(batch).tolist()) <= set(MINIBATCH_SIZES):
        return f"minibatch_size should be one of {MINIBATCH_SIZES}, got {sorted(set(np.unique(batch).tolist()))}"
    for size in MINIBATCH_SIZES:
        message = _fraction_message(batch, size, size + 1, f"minibatch_size {size}", 0.25)
        if message:
            return message
    return None


def same_draws(expected, got, case):
    message = _draws_message(got, case.args[0])
    if message:
        return message
    for key in HYPERPARAMETERS:
        if not np.allclose(np.asarray(got[key], float), np.asarray(expected[key], float), atol=0, rtol=1e-9):
            return (f"result[{key!r}] holds other numbers than the expected draws: use one generator "
                    f"np.random.default_rng(seed) and draw in the order given")
    return None


def _legacy_draws(exponents):
    """What the legacy global stream gives after np.random.seed(seed), with `exponents(stream, low, high, n)`
    drawing the two exponents r."""
    def value(case):
        n, seed = case.args
        stream = np.random.RandomState(seed)   # the legacy stream, without touching the global one
        learning_rate = 10.0 ** exponents(stream, -4, 0, n)
        beta = 1 - 10.0 ** exponents(stream, -3, -1, n)
        return {"learning_rate": learning_rate, "beta": beta, "hidden_units": stream.randint(50, 101, n),
                "minibatch_size": stream.choice(MINIBATCH_SIZES, n)}
    return value


LEGACY_STREAM = ("these are the values of the legacy np.random.seed(seed) / np.random stream: draw from the "
                 "one generator rng = np.random.default_rng(seed) this notebook asks for, in the order given")
LEGACY_DRAWS = (   # r = np.random.uniform(low, high, n), and the classic course's r = -4 * np.random.rand(n)
    KnownMistake(LEGACY_STREAM, _legacy_draws(lambda stream, low, high, n: stream.uniform(low, high, n))),
    KnownMistake(LEGACY_STREAM, _legacy_draws(lambda stream, low, high, n: high - (high - low) * stream.rand(n))),
)


# ---------------------------------------------------------------- batchnorm_forward
def keras_batchnorm(Z, gamma, beta, epsilon):
    """keras.layers.BatchNormalization in training mode on Z.T (examples in rows), float64."""
    keras = import_keras()
    layer = keras.layers.BatchNormalization(axis=-1, epsilon=epsilon, dtype="float64")
    layer.build((None, Z.shape[0]))
    layer.gamma.assign(np.ravel(gamma))
    layer.beta.assign(np.ravel(beta))
    return np.asarray(layer(Z.T, training=True)).T


def compare_batchnorm(expected, got, case):
    Z, gamma, beta = case.args[:3]
    epsilon = case.args[3] if len(case.args) > 3 else 1e-8
    message = array_of_shape(got, Z.shape, "Z_tilde")
    if message:
        return message
    got = np.asarray(got, dtype=np.float64)
    if np.all(gamma == 1) and np.all(beta == 0):
        means, variances = got.mean(axis=1), got.var(axis=1)
        if not np.allclose(means, 0, atol=1e-7):
            return f"with gamma = 1 and beta = 0 every row should have mean 0; the row means are up to " \
                   f"{np.max(np.abs(means)):.3g}: take the mean over the examples, axis=1"
        if not np.allclose(variances, 1, atol=1e-5):
            return f"with gamma = 1 and beta = 0 every row should have variance 1; got variances from " \
                   f"{variances.min():.4g} to {variances.max():.4g}"
    twin = keras_batchnorm(Z, gamma, beta, epsilon)
    message = _twin(got, twin, 1e-5, 0,
                    f"keras.layers.BatchNormalization(epsilon={epsilon:g}) in training mode on the same batch")
    if message:
        return message
    return close(atol=1e-8, rtol=1e-6)(expected, got, case, "Z_tilde")


# ---------------------------------------------------------------- softmax
def compare_softmax(expected, got, case):
    Z = case.args[0]
    message = array_of_shape(got, Z.shape)
    if message:
        return message
    got = np.asarray(got, dtype=np.float64)
    sums = got.sum(axis=0)
    if not np.allclose(sums, 1, atol=1e-6):
        return f"each column (one example) should sum to 1, got column sums from {sums.min():.4g} to {sums.max():.4g}"
    message = _twin(got, scipy_softmax(Z, axis=0), 1e-6, 0, "scipy.special.softmax(Z, axis=0)")
    if message:
        return message
    keras = import_keras()
    message = _twin(got, np.asarray(keras.activations.softmax(Z.T)).T, 1e-6, 0, "keras.activations.softmax(Z.T).T")
    if message:
        return message
    return close(atol=1e-8, rtol=1e-6)(expected, got, case)


# ---------------------------------------------------------------- one_hot_matrix
def compare_one_hot(expected, got, case):
    label = np.asarray(case.args[0])
    C = case.args[1] if len(case.args) > 1 else 6
    m = label.size
    got_shape = np.shape(got) if not isinstance(got, Unsupported) and got is not None else None
    if got_shape == (m, C) and m != C:
        return f"the result should have shape ({C}, {m}), one column per example, got ({m}, {C}): " \
               f"put the classes along axis 0"
    message = array_of_shape(got, (C, m))
    if message:
        return message
    twin = import_keras().utils.to_categorical(label, C).T
    if not np.array_equal(np.asarray(got, dtype=np.float64), twin):
        wrong = int(np.sum(np.any(np.asarray(got) != twin, axis=0)))
        return f"{wrong} of the {m} columns differ from keras.utils.to_categorical(label, {C}).T"
    return close(atol=0, rtol=0)(expected, got, case)


# ---------------------------------------------------------------- compute_total_loss
def compare_total_loss(expected, got, case):
    logits, labels = case.args
    if not isinstance(got, Unsupported) and got is not None and np.shape(got) != ():
        return f"return one number (a scalar tensor), the sum over the examples; got shape {np.shape(got)}"
    message = array_of_shape(got, (), "the total loss")
    if message:
        return message
    keras = import_keras()
    twin = float(keras.losses.CategoricalCrossentropy(from_logits=True, reduction="sum")(labels.T, logits.T))
    message = _twin(got, twin, 0, 1e-5,
                    'keras.losses.CategoricalCrossentropy(from_logits=True, reduction="sum") on the transposes')
    if message:
        return message
    return close(atol=1e-8, rtol=1e-6)(expected, got, case, "the total loss")


# ---------------------------------------------------------------- initialize_parameters
NETWORK_SIZES = (25, 12, 6)


def _shapes(n_x):
    sizes = (n_x, *NETWORK_SIZES)
    shapes = {}
    for l in range(1, 4):
        shapes[f"W{l}"], shapes[f"b{l}"] = (sizes[l], sizes[l - 1]), (sizes[l], 1)
    return shapes


def _glorot_weights(n_x, initializer, seed_of_layer):
    """W_l = initializer(seed=seed_of_layer(l))((n_l, n_{l-1})) for l = 1, 2, 3, with zero biases, float32."""
    parameters = {}
    for key, shape in _shapes(n_x).items():
        l = int(key[1])
        parameters[key] = (np.zeros(shape, np.float32) if key[0] == "b" else
                           np.asarray(initializer(seed=seed_of_layer(l))(shape)))
    return parameters


def compare_initialisation(expected, got, case):
    n_x, seed = case.args
    shapes = _shapes(n_x)
    message = dict_of_arrays(got, shapes, "parameters")
    if message:
        return message
    for key in shapes:
        dtype = np.asarray(got[key]).dtype
        if dtype != np.float32:
            return f"parameters[{key!r}] is {dtype}: TensorFlow models and Keras's initialisers use float32"
        if key[0] == "b" and np.any(np.asarray(got[key]) != 0):
            return f"parameters[{key!r}] should start at zero (tf.zeros)"
    keras = import_keras()
    twins = _glorot_weights(n_x, keras.initializers.GlorotNormal, lambda l: seed + l)
    for l in (1, 2, 3):
        W, n, n_prev = np.asarray(got[f"W{l}"], np.float64), *shapes[f"W{l}"]
        glorot = np.sqrt(2 / (n + n_prev))
        if not 0.5 * glorot < W.std() < 2 * glorot:
            return (f"the values of W{l} have a standard deviation of {W.std():.3g}, where Glorot's is "
                    f"sqrt(2 / ({n_prev} + {n})) = {glorot:.3g}")
        message = _twin(W, twins[f"W{l}"], 1e-7, 0, f"keras.initializers.GlorotNormal(seed=seed + {l})(({n}, {n_prev}))")
        if message:
            return f"W{l}: {message}"
    return close(atol=1e-7, rtol=0)(expected, got, case, "parameters") or _variables(got, shapes)


def _variables(got, shapes):
    """The right numbers are not enough: training changes them in place, and a tape watches them."""
    for key in shapes:
        trainable = getattr(got[key], "trainable", None)  # a returned variable keeps its flag (grader.codec)
        if trainable is None:
            return (f"parameters[{key!r}] holds the right numbers but is a tensor, not a variable: wrap it in "
                    f"tf.Variable(...) so that the optimiser can change it in place and a gradient tape watches it")
        if not trainable:
            return (f"parameters[{key!r}] is a tf.Variable with trainable=False: a gradient tape does not watch it, "
                    f"so training would never change it; leave trainable at its default, True")
    return None


def _keras_initialisation(initializer_name, seed_of_layer):
    return lambda case: _glorot_weights(case.args[0], getattr(import_keras().initializers, initializer_name),
                                        seed_of_layer(case.args[1]))


INITIALISATION_MISTAKES = (
    KnownMistake("these are GlorotUniform's values, the default of Keras's Dense layers: this network's weights "
                 "come from keras.initializers.GlorotNormal(seed=seed + l)",
                 _keras_initialisation("GlorotUniform", lambda seed: lambda l: seed + l), atol=1e-7),
    KnownMistake("every layer's weights were drawn with the same seed: give layer l its own initialiser, "
                 "GlorotNormal(seed=seed + l), so that the layers get different draws",
                 _keras_initialisation("GlorotNormal", lambda seed: lambda l: seed), atol=1e-7),
)


# ---------------------------------------------------------------- forward_propagation
def keras_forward(X, parameters):
    """A float32 keras.Sequential of Dense(25, relu), Dense(12, relu), Dense(6) with kernel W.T and bias b,
    on X.T (examples in rows): the logits, transposed back to (6, m)."""
    keras = import_keras()
    model = keras.Sequential([keras.Input((X.shape[0],)), keras.layers.Dense(25, activation="relu"),
                              keras.layers.Dense(12, activation="relu"), keras.layers.Dense(6)])
    for l, layer in enumerate(model.layers, start=1):
        layer.set_weights([parameters[f"W{l}"].T, parameters[f"b{l}"].ravel()])
    return np.asarray(model(X.T)).T


def compare_forward(expected, got, case):
    X, parameters = case.args
    message = array_of_shape(got, (6, X.shape[1]), "the logits")
    if message:
        return message
    message = _twin(got, keras_forward(X, parameters), 1e-5, 0,
                    "a keras.Sequential of Dense(25, relu), Dense(12, relu), Dense(6) with kernel = W.T and bias = b")
    if message:
        return message
    return close(atol=1e-5, rtol=0)(expected, got, case, "the logits")


def _forward_ending_with(output):
    def value(case):
        X, p = case.args
        A2 = np.maximum(p["W2"] @ np.maximum(p["W1"] @ X + p["b1"], 0) + p["b2"], 0)
        return output(p["W3"] @ A2 + p["b3"])
    return value


FORWARD_MISTAKES = (
    KnownMistake("these are probabilities, the softmax of the logits: return the logits Z3 themselves; "
                 "compute_total_loss applies the softmax (from_logits=True)",
                 _forward_ending_with(lambda Z: scipy_softmax(Z, axis=0)), atol=1e-5),
    KnownMistake("these are the logits after a ReLU: the output layer is linear, Z3 = W3 A2 + b3, since logits "
                 "may be negative", _forward_ending_with(lambda Z: np.maximum(Z, 0)), atol=1e-5),
)


def _network_parameters(n_x):
    """Random float32 parameters with non-zero biases, so that forgetting one shows."""
    return {key: (rng.standard_normal(shape) * (0.3 if key[0] == "b" else np.sqrt(2 / sum(shape)))).astype(np.float32)
            for key, shape in _shapes(n_x).items()}


def _forward_case(n_x, m):
    return rng.random((n_x, m)).astype(np.float32), _network_parameters(n_x)


def _cross_entropies(logits, labels, classes_axis):
    """The cross-entropy of each example, in float64, with the classes along `classes_axis`."""
    return -np.sum(labels * log_softmax(logits, axis=classes_axis), axis=classes_axis)


LOSS_MISTAKES = (
    # The classic course's compute_cost averaged with tf.reduce_mean. Float32 rounding stays far below 1e-3.
    KnownMistake("this is the mean loss over the examples (tf.reduce_mean, as the classic compute_cost did): "
                 "return the sum, tf.reduce_sum; train_tf_model divides each epoch's total by m itself",
                 lambda case: np.mean(_cross_entropies(*case.args, classes_axis=0)), atol=1e-3),
    KnownMistake("this is the loss with the examples and the classes swapped: Keras losses take one example per "
                 "row, so pass tf.transpose(labels) and tf.transpose(logits)",
                 lambda case: np.sum(_cross_entropies(*case.args, classes_axis=1)), atol=1e-3),
)


# ---------------------------------------------------------------- train_tf_model
def _predict(parameters, X):
    A1 = np.maximum(parameters["W1"] @ X + parameters["b1"], 0)
    A2 = np.maximum(parameters["W2"] @ A1 + parameters["b2"], 0)
    return np.argmax(parameters["W3"] @ A2 + parameters["b3"], axis=0)


def _accuracy(parameters, X, Y):
    return float(np.mean(_predict(parameters, X) == np.argmax(Y, axis=0)))


def _digits():
    """Digits 0-5 (the 6 classes), pixels scaled to [0, 1], examples in columns, one-hot labels."""
    X, y = load_digits(n_class=6, return_X_y=True)
    return (X / 16.0).T, np.eye(6)[y].T


_X_digits, _Y_digits = _digits()
_order = np.random.default_rng(303).permutation(_X_digits.shape[1])
_train, _monitor, _held_out = _order[:700], _order[700:883], _order[883:]   # 700 / 183 / 200
TRAIN = (_X_digits[:, _train], _Y_digits[:, _train], _X_digits[:, _monitor], _Y_digits[:, _monitor])
HELD_OUT = (_X_digits[:, _held_out], _Y_digits[:, _held_out])   # the hidden cases' reference: never sent to the kernel


def compare_trained(expected, got, case):
    X_train, Y_train, X_test, Y_test, _, num_epochs = case.args[:6]
    message = n_parts(got, 3)
    if message:
        return message + ": (parameters, costs, test_accuracies)"
    parameters, costs, test_accuracies = got
    message = dict_of_arrays(parameters, LAYER_SHAPES, "parameters")
    if message:
        return message
    parameters = {k: np.asarray(parameters[k], dtype=np.float64) for k in LAYER_SHAPES}
    for name, values in (("costs", costs), ("test_accuracies", test_accuracies)):
        message = array_of_shape(values, (num_epochs,), name)
        if message:
            return message + f" (one number per epoch, {num_epochs} epochs)"
    costs, test_accuracies = np.asarray(costs, float), np.asarray(test_accuracies, float)
    if not costs[-1] < costs[0]:
        return f"the cost did not fall: {costs[0]:.4f} after the first epoch, {costs[-1]:.4f} after the last"
    final = _accuracy(parameters, X_test, Y_test)
    if abs(test_accuracies[-1] - final) > 1.01 / X_test.shape[1]:
        return (f"the last test accuracy you report, {test_accuracies[-1]:.3f}, is not that of the parameters "
                f"you return ({final:.3f})")
    train = _accuracy(parameters, X_train, Y_train)
    if train < TRAIN_ACCURACY:
        return (f"the trained network classifies {train:.1%} of its training digits right; a correct "
                f"train_tf_model reaches at least {TRAIN_ACCURACY:.0%}")
    if case.reference is not None:   # the held-out digits of a hidden case
        held_out = _accuracy(parameters, *case.reference)
        if held_out < HELD_OUT_ACCURACY:
            return (f"on 200 digits it was not trained on, the network classifies {held_out:.1%} right; a "
                    f"correct train_tf_model reaches at least {HELD_OUT_ACCURACY:.0%}")
    return None


# ---------------------------------------------------------------- the cases
def _one_hot(m, C=6):
    return np.eye(C)[rng.integers(0, C, m)].T


_Z_bn = rng.standard_normal((5, 32)) * rng.uniform(0.5, 4, (5, 1)) + rng.uniform(-3, 3, (5, 1))
_Z_small = rng.standard_normal((4, 10)) * 0.1
_Z_constant = np.vstack([rng.standard_normal((2, 6)), np.full((1, 6), 2.5)])

CHECKS = [
    Check("sample_hyperparameters",
          hint="one generator, rng = np.random.default_rng(seed), drawing in this order: r = rng.uniform(-4, 0, n) "
               "and learning_rate = 10 ** r; r = rng.uniform(-3, -1, n) and beta = 1 - 10 ** r; "
               "hidden_units = rng.integers(50, 101, n); minibatch_size = rng.choice([32, 64, 128, 256], n)",
          cases=(
              Case("5 draws with seed 0", (5, 0), public=True),
              Case("8 draws with seed 42", (8, 42)),
              Case("2500 draws with seed 11: ranges, and a quarter of the learning rates in each decade", (2500, 11),
                   public=True, compare=well_spread),
              Case("4000 draws: ranges, and a quarter of the learning rates in each decade", (4000, 7),
                   compare=well_spread),
          ),
          compare=same_draws,
          known_mistakes=LEGACY_DRAWS),
    Check("batchnorm_forward",
          hint="per row (one hidden unit), over the m examples (axis=1, keepdims=True): mu = mean, "
               "var = mean of (Z - mu) ** 2; Z_norm = (Z - mu) / np.sqrt(var + epsilon), dividing by the "
               "standard deviation, not the variance; Z_tilde = gamma * Z_norm + beta",
          cases=(
              Case("3 units, 4 examples", (np.array([[1.0, 2.0, 3.0, 6.0], [-1.0, 0.0, 1.0, 0.0],
                                                     [10.0, 10.5, 9.5, 10.0]]),
                                           np.array([[1.0], [2.0], [0.5]]), np.array([[0.0], [1.0], [-1.0]])),
                   public=True),
              Case("epsilon = 0.001: 2 units, 5 examples", (np.array([[0.10, 0.12, 0.09, 0.11, 0.13],
                                                                     [4.0, 2.0, 3.0, 5.0, 1.0]]),
                                                           np.array([[1.5], [0.5]]), np.array([[0.5], [-2.0]]), 0.001),
                   public=True),
              Case("gamma = 1, beta = 0: each row gets mean 0 and variance 1",
                   (_Z_bn, np.ones((5, 1)), np.zeros((5, 1)))),
              Case("epsilon = 0.01 on rows of small variance",
                   (_Z_small, rng.uniform(0.5, 2, (4, 1)), rng.standard_normal((4, 1)), 0.01)),
              Case("a unit with the same value in every example (variance 0)",
                   (_Z_constant, rng.uniform(0.5, 2, (3, 1)), rng.standard_normal((3, 1)))),
          ),
          compare=compare_batchnorm),
    Check("softmax",
          hint="per column (one example): subtract the column's maximum (np.max(Z, axis=0, keepdims=True)), "
               "take np.exp, divide by the column sums (axis=0, keepdims=True)",
          cases=(
              Case("z = (2, 1, 0.1) gives (0.6590, 0.2424, 0.0986)", (np.array([[2.0], [1.0], [0.1]]),),
                   public=True),
              Case("4 classes, 5 examples", (rng.standard_normal((4, 5)),), public=True),
              Case("6 classes, 20 examples", (rng.standard_normal((6, 20)) * 3,)),
              Case("values near 1000 must not overflow", (np.array([[1000.0, -1000.0, 5.0], [999.0, 1000.0, 5.0],
                                                                    [998.0, 0.0, 5.0]]),)),
          ),
          compare=compare_softmax),
    Check("one_hot_matrix",
          hint="tf.one_hot(label, C, axis=0) (or np.eye(C)[label].T): shape (C, m), one column per example, "
               "with the C it is given",
          cases=(
              Case("labels 1, 0, 3, 5", (np.array([1, 0, 3, 5]),), public=True),
              Case("C = 4: labels 3, 1, 1, 0, 2", (np.array([3, 1, 1, 0, 2]), 4), public=True),
              Case("25 labels", (rng.integers(0, 6, 25),)),
              Case("C = 10 though only classes 0 to 4 occur", (rng.integers(0, 5, 8), 10)),
              Case("one example", (np.array([4]),)),
          ),
          compare=compare_one_hot),
    Check("compute_total_loss",
          hint="keras.losses.categorical_crossentropy(tf.transpose(labels), tf.transpose(logits), from_logits=True) "
               "gives one loss per example (Keras wants the examples in rows); return their tf.reduce_sum, "
               "not their mean",
          cases=(
              Case("2 examples", (np.array([[2.0, -1.0], [0.5, 0.0], [-1.0, 3.0], [0.0, 0.5], [1.0, -2.0],
                                            [0.3, 0.2]]), np.eye(6)[[0, 3]].T), public=True),
              Case("50 examples", (rng.standard_normal((6, 50)) * 2, _one_hot(50))),
              Case("large logits: compute from the logits, not from log(softmax)",
                   (rng.standard_normal((6, 8)) * 300, _one_hot(8))),
          ),
          compare=compare_total_loss,
          known_mistakes=LOSS_MISTAKES),
    Check("initialize_parameters",
          hint="for l = 1, 2, 3 with sizes [n_x, 25, 12, 6]: W_l = tf.Variable(keras.initializers.GlorotNormal("
               "seed=seed + l)((n_l, n_{l-1}))), a new initialiser per layer; b_l = tf.Variable(tf.zeros((n_l, 1)))",
          cases=(
              Case("64 inputs, seed 0", (64, 0), public=True),
              Case("10 inputs, seed 3", (10, 3), public=True),
              Case("64 inputs, seed 5", (64, 5)),
              Case("300 inputs, seed 1", (300, 1)),
          ),
          compare=compare_initialisation,
          known_mistakes=INITIALISATION_MISTAKES),
    Check("forward_propagation",
          hint="A1 = tf.nn.relu(tf.matmul(W1, X) + b1), A2 = tf.nn.relu(tf.matmul(W2, A1) + b2), "
               "return tf.matmul(W3, A2) + b3: the logits, with no activation after the last layer",
          cases=(
              Case("64 inputs, 5 examples", _forward_case(64, 5), public=True),
              Case("10 inputs, 8 examples", _forward_case(10, 8), public=True),
              Case("64 inputs, one example", _forward_case(64, 1)),
              Case("64 inputs, 100 examples", _forward_case(64, 100)),
          ),
          compare=compare_forward,
          known_mistakes=FORWARD_MISTAKES),
    Check("train_tf_model",
          hint="make the minibatches with tf.data.Dataset.from_tensor_slices((tf.transpose(X_train), "
               "tf.transpose(Y_train))).shuffle(m, seed=seed).batch(minibatch_size); in train_step compute the "
               "logits and compute_total_loss inside `with tf.GradientTape() as tape:`, then "
               "tape.gradient(loss, variables) and optimizer.apply_gradients(zip(grads, variables)); add each "
               "minibatch's loss to the epoch's total and append total / m to costs. compute_total_loss runs "
               "inside the tape, so it must use TensorFlow operations",
          cases=(
              Case("10 epochs on 700 digits reach 90% on their training data", TRAIN + (1e-3, 10, 32, 0),
                   public=True),
              Case("10 epochs, seed 2: at least 90% on 200 digits it never saw", TRAIN + (1e-3, 10, 32, 2),
                   reference=HELD_OUT),
              Case("learning_rate 0.01, minibatches of 64, 3 epochs: at least 90% on 200 unseen digits",
                   TRAIN + (1e-2, 3, 64, 1), reference=HELD_OUT),
          ),
          compare=compare_trained),
]
