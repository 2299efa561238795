"""Checks of assignment C2W1 (initialisation, regularisation, gradient checking).
Expected outputs: expected/*.npz.

Every exercise is compared with the reference outputs. Beyond that, the checks judge what the
learner's functions do, in the grader's process, with this module's own 3-layer network
(LINEAR -> RELU -> LINEAR -> RELU -> LINEAR -> SIGMOID):
- both backward passes: one case compares the gradients with finite differences of the cost;
- the L2 cost and the L2 gradients: every case is also compared with the same network written
  with Keras layers in float64, with keras.regularizers.L2(lambd / (2m)) on each kernel and the
  gradients taken by tf.GradientTape (the "Keras twin"), within KERAS_ATOL;
- dropout: every case checks that each activation is either dropped (0) or the undropped value
  times the scale keras.layers.Dropout applies in training (1 / keep_prob), computed here with
  Keras; keep_prob = 1 must change nothing, like Keras's Dropout at inference; on large inputs
  the mean activation must stay within 2% of the undropped one (inverted dropout);
- initialize_parameters_zeros: zeros of the right shapes; initialize_parameters_random: the reference's
  draws, and a wrong scale named as such;
- backward_propagation_1d: also compared with the derivative tf.GradientTape finds for J = theta * x;
  gradient_check (1-D): the reference's relative difference within 1e-7;
- gradient_check_n: correct gradients must give a relative difference below 2e-7, gradients
  with a planted bug the difference this module computes (within 0.1%), above 1e-3; a difference
  computed from an (n,) vector and an (n, 1) column (broadcast to (n, n)) is named as such.
Known mistakes (the legacy np.random stream for the random and He initialisations and the dropout masks) are
computed here from each case's arguments and named in the feedback.
"""

import numpy as np

from grader.checks import (Case, Check, KnownMistake, agrees_with, array_of_shape, close, dict_of_arrays, import_keras,
                           import_tf, n_parts, one_number, same_structure)

rng = np.random.default_rng(2101)

FD_EPSILON = 1e-6           # the nudge of this module's finite differences (1e-7 loses digits on tiny db1)
FD_TOLERANCE = 2e-7         # relative difference per parameter; correct code gives 1e-8 or less here
KERAS_ATOL = 1e-6           # Keras computes the L2 factor in float32: about 1e-8 off
GRADCHECK_OK = 2e-7         # gradient_check_n on correct gradients must return less than this
GRADCHECK_BUG = 1e-3        # ... and more than this on gradients with a bug
MEAN_TOLERANCE = 0.02       # inverted dropout keeps the mean activation within 2%
KEYS = ("W1", "b1", "W2", "b2", "W3", "b3")


# ---------------------------------------------------------------- this module's own network
def _relu(Z):
    return np.maximum(Z, 0)


def _sigmoid(Z):
    return 1 / (1 + np.exp(-Z))


def _forward(X, p, masks=None, keep_prob=1.0):
    """The 3-layer network; with masks (D1, D2), the dropout network with those masks fixed."""
    Z1 = p["W1"] @ X + p["b1"]
    A1 = _relu(Z1)
    if masks is not None:
        A1 = A1 * masks[0] / keep_prob
    Z2 = p["W2"] @ A1 + p["b2"]
    A2 = _relu(Z2)
    if masks is not None:
        A2 = A2 * masks[1] / keep_prob
    Z3 = p["W3"] @ A2 + p["b3"]
    cache = {"Z1": Z1, "A1": A1, "Z2": Z2, "A2": A2, "Z3": Z3, "A3": _sigmoid(Z3)} | dict(p)
    if masks is not None:
        cache |= {"D1": masks[0], "D2": masks[1]}
    return cache["A3"], cache


def _cross_entropy(A3, Y):
    return float(-np.mean(Y * np.log(A3) + (1 - Y) * np.log(1 - A3)))


def _l2_cost(X, Y, p, lambd, masks=None, keep_prob=1.0):
    penalty = sum(np.sum(p[f"W{l}"] ** 2) for l in (1, 2, 3))
    return _cross_entropy(_forward(X, p, masks, keep_prob)[0], Y) + lambd / (2 * X.shape[1]) * penalty


def _numeric_gradients(cost, p):
    """(J(θ+ε) − J(θ−ε)) / 2ε for every entry θ of every parameter, in a dict dW1, db1, ..."""
    grads = {}
    for name, value in p.items():
        numeric = np.zeros_like(value)
        for index in np.ndindex(value.shape):
            nudged = {k: v.copy() for k, v in p.items()}
            nudged[name][index] = value[index] + FD_EPSILON
            plus = cost(nudged)
            nudged[name][index] = value[index] - FD_EPSILON
            numeric[index] = (plus - cost(nudged)) / (2 * FD_EPSILON)
        grads["d" + name] = numeric
    return grads


def _relative_difference(a, b):
    scale = np.linalg.norm(a) + np.linalg.norm(b)
    return float(np.linalg.norm(a - b) / scale) if scale else 0.0


def _as_vector(grads):
    return np.concatenate([np.asarray(grads["d" + k], dtype=np.float64).ravel() for k in KEYS])


def _parameters(dims, scale=1.0):
    """Random parameters with non-zero biases, so that every gradient is non-zero."""
    p = {}
    for l in range(1, len(dims)):
        p[f"W{l}"] = rng.standard_normal((dims[l], dims[l - 1])) * scale * np.sqrt(2 / dims[l - 1])
        p[f"b{l}"] = rng.standard_normal((dims[l], 1)) * 0.3
    return p


def _labels(m):
    return (rng.random((1, m)) < 0.5).astype(np.float64)


def _masks(dims, m, keep_prob):
    return rng.random((dims[1], m)) < keep_prob, rng.random((dims[2], m)) < keep_prob


def _parameters_of(cache):
    return {k: np.asarray(cache[k], dtype=np.float64) for k in KEYS}


# ---------------------------------------------------------------- the Keras twin
def _keras_penalty(p, lambd, m):
    """Σ_l keras.regularizers.L2(lambd / (2m))(W_l): Keras's L2 term for the same weights."""
    keras = import_keras()
    regularizer = keras.regularizers.L2(lambd / (2 * m))
    return sum(float(regularizer(p[f"W{l}"])) for l in (1, 2, 3))


def _keras_cost(A3, Y, p, lambd):
    """Keras's binary cross-entropy (mean over the examples) plus its L2 penalty."""
    keras = import_keras()
    bce = keras.losses.BinaryCrossentropy(dtype="float64")
    return float(bce(Y.T, A3.T)) + _keras_penalty(p, lambd, Y.shape[1])


def _keras_gradients(X, Y, p, lambd):
    """The same network from Keras Dense layers (float64, kernel = W.T, L2(lambd/(2m)) on each
    kernel); the gradients of cross-entropy + model losses by tf.GradientTape, in our layout."""
    tf, keras = import_tf(), import_keras()
    m = X.shape[1]
    layers = []
    for l, activation in ((1, "relu"), (2, "relu"), (3, "sigmoid")):
        W, b = p[f"W{l}"], p[f"b{l}"]
        layer = keras.layers.Dense(W.shape[0], activation=activation, dtype="float64",
                                   kernel_initializer="zeros", kernel_regularizer=keras.regularizers.L2(lambd / (2 * m)))
        layer.build((None, W.shape[1]))
        layer.set_weights([W.T, b.ravel()])
        layers.append(layer)
    bce = keras.losses.BinaryCrossentropy(dtype="float64")
    with tf.GradientTape() as tape:
        A = tf.constant(X.T)
        for layer in layers:
            A = layer(A)
        loss = bce(Y.T, A) + tf.add_n([tf.cast(t, tf.float64) for layer in layers for t in layer.losses])
    variables = [v for layer in layers for v in (layer.kernel, layer.bias)]
    values = tape.gradient(loss, variables)
    grads = {}
    for l in (1, 2, 3):
        grads[f"dW{l}"] = np.asarray(values[2 * l - 2]).T
        grads[f"db{l}"] = np.asarray(values[2 * l - 1]).reshape(-1, 1)
    return grads


def _keras_dropout_scale(keep_prob):
    """The factor keras.layers.Dropout(rate=1 - keep_prob) multiplies kept values by in training."""
    keras = import_keras()
    ones = np.ones((200, 50), dtype=np.float32)
    out = np.asarray(keras.layers.Dropout(rate=1 - keep_prob, seed=0)(ones, training=True))
    kept = out[out != 0]
    assert kept.size and np.allclose(kept, kept[0]), "Keras's Dropout should scale every kept value alike"
    return float(kept[0])


def _keras_dropout_is_identity_at_inference(A):
    keras = import_keras()
    A = A.astype(np.float32)
    return np.array_equal(np.asarray(keras.layers.Dropout(rate=0.2, seed=0)(A, training=False)), A)


# ---------------------------------------------------------------- the three initialisations
def _initialisation_shapes(dims):
    shapes = {}
    for l in range(1, len(dims)):
        shapes[f"W{l}"], shapes[f"b{l}"] = (dims[l], dims[l - 1]), (dims[l], 1)
    return shapes


def zero_initialisation(expected, got, case):
    message = dict_of_arrays(got, _initialisation_shapes(case.args[0]))
    if message:
        return message
    nonzero = [key for key in got if np.any(np.asarray(got[key]) != 0)]
    if nonzero:
        return f"{nonzero[0]} should hold zeros only (np.zeros)"
    return close(atol=0, rtol=0)(expected, got, case)


def scaled_draws(scale_rule):
    """The comparison of an initialisation whose weights are the reference's draws times a scale:
    `scale_rule(dims, l)` says what layer l's scale should be, for a learner whose scale is off."""
    def compare(expected, got, case):
        dims = case.args[0]
        message = dict_of_arrays(got, _initialisation_shapes(dims))
        if message:
            return message
        for key in got:
            if np.asarray(got[key]).dtype != np.float64:
                return f"{key} has dtype {np.asarray(got[key]).dtype}: keep NumPy's default float64"
        for l in range(1, len(dims)):
            e, g = np.asarray(expected[f"W{l}"]), np.asarray(got[f"W{l}"])
            if not np.allclose(g, e, atol=1e-10, rtol=1e-7):
                c = float(np.sum(g * e) / np.sum(e * e))
                if np.allclose(g, c * e, atol=1e-10, rtol=1e-6):
                    return f"W{l} is the right draw times {c:.4g} of the expected scale: {scale_rule(dims, l)}"
        return close(atol=1e-10, rtol=1e-7)(expected, got, case)
    return compare


def _he_scale(dims, l):
    return (f"He initialisation multiplies by np.sqrt(2 / n_prev), here np.sqrt(2 / {dims[l - 1]}) = "
            f"{np.sqrt(2 / dims[l - 1]):.4g}")


def _legacy_stream(scale):
    """The classic course's np.random.seed(3) then np.random.randn(...) * scale(n_prev), drawn from
    a RandomState of its own (never the global state)."""
    def value(case):
        dims, legacy = case.args[0], np.random.RandomState(3)
        parameters = {}
        for l in range(1, len(dims)):
            parameters[f"W{l}"] = legacy.standard_normal((dims[l], dims[l - 1])) * scale(dims[l - 1])
            parameters[f"b{l}"] = np.zeros((dims[l], 1))
        return parameters
    return value


LEGACY_STREAM = ("these are the values of the legacy np.random.seed/randn stream: draw from the "
                 "`rng = np.random.default_rng(3)` this notebook asks for, with rng.standard_normal((n_l, n_prev))")
LEGACY_HE = KnownMistake(LEGACY_STREAM, _legacy_stream(lambda n_prev: np.sqrt(2 / n_prev)))
LEGACY_RANDOM = KnownMistake(LEGACY_STREAM, _legacy_stream(lambda n_prev: 10.0))


# ---------------------------------------------------------------- the 1-D gradient check
def taped_derivative_1d(expected, got, case):
    """dtheta against tf.GradientTape's derivative of J = theta * x, then the reference's."""
    message = one_number(got, "dtheta")
    if message:
        return message
    tf = import_tf()
    x, theta = (tf.Variable(float(v), dtype=tf.float64) for v in case.args)
    with tf.GradientTape() as tape:
        J = theta * x
    twin = float(tape.gradient(J, theta))
    return (agrees_with(got, twin, "tf.GradientTape's dJ/dtheta for J = theta * x", atol=1e-12, what="dtheta")
            or close(atol=1e-12)(expected, got, case))


def difference_1d(expected, got, case):
    message = one_number(got, "the difference")
    if message:
        return message
    if abs(float(got) - float(expected)) > 1e-7:
        return f"the relative difference should be {float(expected):.3g}, got {float(got):.3g}"
    return None


# ---------------------------------------------------------------- compute_cost_with_regularization
def regularized_cost(expected, got, case):
    A3, Y, p, lambd = case.args
    message = one_number(got, "the cost", size_one=True)  # a (1, 1) cost counts
    if message:
        return message
    value = float(np.ravel(got)[0])
    twin = _keras_cost(A3, Y, p, lambd)
    if abs(value - twin) > KERAS_ATOL * max(1.0, abs(twin)):
        cross_entropy = _cross_entropy(A3, Y)
        penalty = twin - cross_entropy
        return (f"the cost should be {twin:.6f} (cross-entropy {cross_entropy:.6f} plus the L2 penalty "
                f"{penalty:.6f}, as Keras computes it with keras.regularizers.L2(lambd / (2 * m)) on each W), "
                f"got {value:.6f}")
    return close(atol=1e-9, rtol=1e-9)(float(expected), value, case, "the cost")


# ---------------------------------------------------------------- the backward passes
def _gradient_shapes(cache):
    return {f"d{k}": np.shape(cache[k]) for k in KEYS}


def _worst_difference(got, reference):
    worst, worst_key = 0.0, None
    for key, value in reference.items():
        difference = _relative_difference(np.asarray(got[key], dtype=np.float64), value)
        if difference > worst:
            worst, worst_key = difference, key
    return worst, worst_key


def _agrees_with_finite_differences(got, cost, cache, of_what):
    """None when every gradient in `got` is within FD_TOLERANCE (relative) of the finite differences of `cost`."""
    numeric = _numeric_gradients(cost, _parameters_of(cache))
    worst, key = _worst_difference(got, numeric)
    if worst > FD_TOLERANCE:
        return (f"{key} disagrees with the finite-difference gradient of {of_what}: relative "
                f"difference {worst:.2g}, where correct code gives less than {FD_TOLERANCE:g}")
    return None


def _agrees_with_keras(got, case):
    """The shapes, then every gradient within KERAS_ATOL of the Keras twin's."""
    X, Y, cache, lambd = case.args
    message = dict_of_arrays(got, _gradient_shapes(cache), "the gradients")
    if message:
        return message
    twin = _keras_gradients(X, Y, _parameters_of(cache), lambd)
    for key, value in twin.items():
        diff = float(np.max(np.abs(np.asarray(got[key], dtype=np.float64) - value)))
        if diff > KERAS_ATOL:
            return (f"{key} differs from the gradient Keras computes for the same network with "
                    f"keras.regularizers.L2(lambd / (2 * m)) on each kernel (largest difference {diff:.3g}, "
                    f"tolerance {KERAS_ATOL:g})")
    return None


CLOSE_GRADIENTS = close(atol=1e-9, rtol=1e-7)


def regularized_gradients(expected, got, case):
    return _agrees_with_keras(got, case) or CLOSE_GRADIENTS(expected, got, case, "the gradients")


def regularized_gradients_by_finite_differences(expected, got, case):
    """Also against the finite differences of the regularised cost."""
    X, Y, cache, lambd = case.args
    return (_agrees_with_keras(got, case)
            or _agrees_with_finite_differences(got, lambda q: _l2_cost(X, Y, q, lambd), cache, "the regularised cost")
            or CLOSE_GRADIENTS(expected, got, case, "the gradients"))


def dropout_gradients(expected, got, case):
    cache = case.args[2]
    return (dict_of_arrays(got, _gradient_shapes(cache), "the gradients")
            or CLOSE_GRADIENTS(expected, got, case, "the gradients"))


def dropout_gradients_by_finite_differences(expected, got, case):
    """Also against the finite differences of the cost with the forward pass's masks."""
    X, Y, cache, keep_prob = case.args
    masks = (cache["D1"], cache["D2"])
    return (dict_of_arrays(got, _gradient_shapes(cache), "the gradients")
            or _agrees_with_finite_differences(got, lambda q: _l2_cost(X, Y, q, 0.0, masks, keep_prob), cache,
                                               "the cost with these dropout masks")
            or CLOSE_GRADIENTS(expected, got, case, "the gradients"))


# ---------------------------------------------------------------- forward_propagation_with_dropout
def _dropped_layer(name, A_got, A_full, scale, keep_prob):
    """None when every entry of A_got is 0 or A_full * scale (Keras's training-time factor)."""
    kept = ~np.isclose(A_got, 0.0, atol=1e-12)
    if not np.allclose(A_got[kept], A_full[kept] * scale, rtol=1e-6, atol=1e-12):
        ratio = A_got[kept] / np.where(A_full[kept] == 0, np.nan, A_full[kept])
        ratio = np.nanmedian(ratio) if np.any(np.isfinite(ratio)) else float("nan")
        return (f"the kept entries of {name} should be the undropped activations times 1/keep_prob = {scale:.4g}, "
                f"the factor keras.layers.Dropout(rate={1 - keep_prob:.2g}) uses in training; yours are about "
                f"{ratio:.4g} times the undropped ones")
    return None


def _dropout_arguments(case):
    """X, parameters, keep_prob and seed, with the notebook's defaults."""
    defaults = (0.8, 1)   # the notebook's keep_prob and seed
    return (*case.args, *defaults[len(case.args) - 2:])


def _dropped_like_keras(got, case):
    """The shapes; each activation dropped or scaled as Keras's Dropout does; keep_prob = 1 changing nothing."""
    X, p, keep_prob, _ = _dropout_arguments(case)
    message = n_parts(got, 2, "the result (A3, cache)")
    if message:
        return message
    A3, cache = got
    m = X.shape[1]
    shapes = {"Z1": (p["W1"].shape[0], m), "D1": (p["W1"].shape[0], m), "A1": (p["W1"].shape[0], m),
              "Z2": (p["W2"].shape[0], m), "D2": (p["W2"].shape[0], m), "A2": (p["W2"].shape[0], m),
              "Z3": (1, m), "A3": (1, m)} | {k: v.shape for k, v in p.items()}
    message = dict_of_arrays(cache, shapes, "the cache") or array_of_shape(A3, (1, m), "A3", finite=False)
    if message:
        return message
    A1, A2 = np.asarray(cache["A1"], dtype=np.float64), np.asarray(cache["A2"], dtype=np.float64)
    A1_full = _relu(p["W1"] @ X + p["b1"])
    A2_full = _relu(p["W2"] @ A1 + p["b2"])   # what layer 2 gives on the learner's dropped A1
    scale = _keras_dropout_scale(keep_prob)
    for name, got_layer, full in (("A1", A1, A1_full), ("A2", A2, A2_full)):
        message = _dropped_layer(name, got_layer, full, scale, keep_prob)
        if message:
            return message
    if keep_prob == 1.0:
        A3_full, _ = _forward(X, p)
        if not (np.allclose(np.asarray(A3, dtype=np.float64), A3_full, atol=1e-12)
                and _keras_dropout_is_identity_at_inference(A1_full)):
            return ("with keep_prob = 1 nothing is dropped: the result should equal the network without dropout, "
                    "as keras.layers.Dropout leaves its input unchanged at inference")
    return None


def _keeps_the_mean(got, case):
    """On a large input: about keep_prob of layer 1's active units kept, and their mean kept (inverted dropout)."""
    X, p, keep_prob, _ = _dropout_arguments(case)
    A1 = np.asarray(got[1]["A1"], dtype=np.float64)
    A1_full = _relu(p["W1"] @ X + p["b1"])
    kept = float(np.mean(A1[A1_full > 0] != 0))
    if abs(kept - keep_prob) > 0.02:
        return (f"{kept:.1%} of the active units of layer 1 were kept, where keep_prob = {keep_prob} keeps "
                f"about {keep_prob:.0%}")
    ratio = float(A1.mean() / A1_full.mean())
    if abs(ratio - 1) > MEAN_TOLERANCE:
        return (f"inverted dropout keeps the mean activation: the mean of A1 is {ratio:.3f} times the mean "
                f"without dropout, where dividing by keep_prob keeps it within {MEAN_TOLERANCE:.0%}")
    return None


def _same_masks_and_values(expected, got, case):
    cache = got[1]
    if not np.array_equal(np.asarray(cache["D1"]).astype(bool), np.asarray(expected[1]["D1"]).astype(bool)) or \
            not np.array_equal(np.asarray(cache["D2"]).astype(bool), np.asarray(expected[1]["D2"]).astype(bool)):
        return ("the masks D1, D2 differ from the reference's: one rng = np.random.default_rng(seed), then "
                "D1 = rng.random(A1.shape) < keep_prob right after A1, and D2 likewise right after A2")
    return close(atol=1e-9, rtol=1e-7)(expected, got, case)


def dropout_forward(expected, got, case):
    return _dropped_like_keras(got, case) or _same_masks_and_values(expected, got, case)


def dropout_forward_keeps_the_mean(expected, got, case):
    return _dropped_like_keras(got, case) or _keeps_the_mean(got, case) or _same_masks_and_values(expected, got, case)


def _legacy_dropout(case):
    """The classic course's masks, np.random.seed(seed) then D = np.random.rand(...) < keep_prob for each
    layer in turn (never the global state): the forward pass with those masks."""
    X, p, keep_prob, seed = _dropout_arguments(case)
    legacy, m = np.random.RandomState(seed), X.shape[1]
    D1 = legacy.rand(p["W1"].shape[0], m) < keep_prob
    D2 = legacy.rand(p["W2"].shape[0], m) < keep_prob
    return _forward(X, p, (D1.astype(float), D2.astype(float)), keep_prob)


LEGACY_DROPOUT = KnownMistake("these are the masks of the legacy np.random.seed/rand stream: draw D1 and D2 from "
                              "the `rng = np.random.default_rng(seed)` this notebook creates, with "
                              "rng.random(A1.shape) < keep_prob", _legacy_dropout)


# ---------------------------------------------------------------- gradient_check_n
def _gradient_and_approximation(p, grads, X, Y, epsilon):
    """grad and gradapprox as the exercise computes them, 1-D vectors."""
    theta = np.concatenate([p[k].ravel() for k in KEYS])
    shapes = [p[k].shape for k in KEYS]

    def cost(vector):
        q, start = {}, 0
        for key, shape in zip(KEYS, shapes):
            size = int(np.prod(shape))
            q[key] = vector[start:start + size].reshape(shape)
            start += size
        return _cross_entropy(_forward(X, q)[0], Y)

    approx = np.zeros_like(theta)
    for i in range(theta.size):
        plus, minus = theta.copy(), theta.copy()
        plus[i] += epsilon
        minus[i] -= epsilon
        approx[i] = (cost(plus) - cost(minus)) / (2 * epsilon)
    return _as_vector(grads), approx


def _broadcast_differences(grad, approx):
    """||grad - gradapprox|| / (||grad|| + ||gradapprox||) when one is an (n,) vector and the other an (n, 1)
    column: NumPy broadcasts the difference to an (n, n) matrix. Either way round; both above 1."""
    scale = np.linalg.norm(grad) + np.linalg.norm(approx)
    return (np.linalg.norm(grad[None, :] - approx[:, None]) / scale,
            np.linalg.norm(grad[:, None] - approx[None, :]) / scale)


def gradient_check_result(expected, got, case):
    p, grads, X, Y = case.args[:4]
    epsilon = case.args[4] if len(case.args) > 4 else 1e-7
    message = one_number(got, "the difference", size_one=True)
    if message:
        return message
    value = float(np.ravel(got)[0])
    grad, approx = _gradient_and_approximation(p, grads, X, Y, epsilon)
    reference = _relative_difference(grad, approx)
    if any(np.isclose(value, broadcast, rtol=1e-4) for broadcast in _broadcast_differences(grad, approx)):
        return (f"the difference {value:.3g} is above 1, impossible for this formula: it is what NumPy's "
                f"broadcasting gives when one of grad and gradapprox is an (n,) vector and the other an (n, 1) "
                f"column, so that grad - gradapprox is an (n, n) matrix; make them the same shape, e.g. "
                f"gradapprox = np.zeros_like(theta)")
    if reference < GRADCHECK_OK / 10:
        if not value < GRADCHECK_OK:
            return (f"these gradients are correct, so the relative difference should be below {GRADCHECK_OK:g} "
                    f"(about {reference:.1g}); got {value:.3g}")
        return None
    if not (value > GRADCHECK_BUG and abs(value - reference) <= 1e-3 * reference):
        return (f"these gradients have a bug: the relative difference ||grad - gradapprox|| / "
                f"(||grad|| + ||gradapprox||) should be {reference:.6f}, got {value:.6g}")
    return None


# ---------------------------------------------------------------- the cases
SMALL_DIMS = [3, 4, 2, 1]
SMALL_P = _parameters(SMALL_DIMS)
SMALL_X, SMALL_Y = rng.standard_normal((3, 5)), np.array([[1.0, 0.0, 1.0, 1.0, 0.0]])


def _cost_case(dims, m, lambd):
    return (rng.uniform(0.05, 0.95, (1, m)), _labels(m), _parameters(dims), lambd)


def _l2_backward_case(dims, m, lambd):
    X, p = rng.standard_normal((dims[0], m)), _parameters(dims)
    return (X, _labels(m), _forward(X, p)[1], lambd)


def _dropout_backward_case(dims, m, keep_prob):
    X, p = rng.standard_normal((dims[0], m)), _parameters(dims)
    return (X, _labels(m), _forward(X, p, _masks(dims, m, keep_prob), keep_prob)[1], keep_prob)


def _gradcheck_case(dims, m, bug=None, extra_keys=False, epsilon=None):
    """Parameters, their exact gradients (this module's backward pass), X, Y; `bug` changes the gradients."""
    X, Y, p = rng.standard_normal((dims[0], m)), _labels(m), _parameters(dims)
    _, cache = _forward(X, p)
    grads = _reference_backward(X, Y, cache)
    if bug:
        bug(grads)
    if extra_keys:   # a backward pass often returns dA and dZ too: they are not parameters' gradients
        grads = {"dZ3": cache["A3"] - Y, "dA2": p["W3"].T @ (cache["A3"] - Y)} | grads
    args = (p, grads, X, Y)
    return args if epsilon is None else args + (epsilon,)


def _reference_backward(X, Y, cache):
    m = X.shape[1]
    dZ3 = cache["A3"] - Y
    dZ2 = (cache["W3"].T @ dZ3) * (cache["Z2"] > 0)
    dZ1 = (cache["W2"].T @ dZ2) * (cache["Z1"] > 0)
    grads = {}
    for l, dZ, A_prev in ((3, dZ3, cache["A2"]), (2, dZ2, cache["A1"]), (1, dZ1, X)):
        grads[f"dW{l}"] = dZ @ A_prev.T / m
        grads[f"db{l}"] = dZ.sum(axis=1, keepdims=True) / m
    return grads


def _double_dW2(grads):
    grads["dW2"] = grads["dW2"] * 2


def _db1_times_4(grads):
    grads["db1"] = grads["db1"] * 4


def _flip_one_dW3(grads):
    grads["dW3"] = grads["dW3"].copy()
    grads["dW3"][0, 1] *= -1


def _large_dropout_case(dims, m, keep_prob, seed):
    """10,000 activations in layer 1, nearly all active and of similar size (biases around 2), so that
    the mean of the kept ones scatters by only about 0.5% around the undropped mean."""
    p = _parameters(dims)
    p["W1"], p["b1"] = p["W1"] * 0.5, 2 + 0.2 * rng.standard_normal((dims[1], 1))
    return (rng.standard_normal((dims[0], m)), p, keep_prob, seed)


CHECKS = [
    Check("initialize_parameters_zeros",
          hint="for l = 1..L: W_l = np.zeros((n_l, n_prev)) and b_l = np.zeros((n_l, 1))",
          cases=(
              Case("layers_dims [3, 2, 1]", ([3, 2, 1],), public=True),
              Case("layers_dims [2, 40, 10, 1]", ([2, 40, 10, 1],), public=True),
              Case("one layer [5, 1]", ([5, 1],)),
              Case("layers_dims [4, 6, 3, 2, 1]", ([4, 6, 3, 2, 1],)),
          ),
          compare=zero_initialisation),
    Check("initialize_parameters_random",
          hint="one generator, rng = np.random.default_rng(3), created once; for l = 1..L in that order: "
               "W_l = rng.standard_normal((n_l, n_prev)) * 10, b_l = np.zeros((n_l, 1))",
          cases=(
              Case("layers_dims [3, 2, 1]", ([3, 2, 1],), public=True),
              Case("layers_dims [2, 40, 10, 1]", ([2, 40, 10, 1],), public=True),
              Case("one layer [5, 1]", ([5, 1],)),
              Case("layers_dims [4, 6, 3, 2, 1]", ([4, 6, 3, 2, 1],)),
          ),
          compare=scaled_draws(lambda dims, l: "this initialisation multiplies the standard normal draws by 10"),
          known_mistakes=(LEGACY_RANDOM,)),
    Check("initialize_parameters_he",
          hint="one generator, rng = np.random.default_rng(3), created once; for l = 1..L in that order: "
               "W_l = rng.standard_normal((n_l, n_prev)) * np.sqrt(2 / n_prev), b_l = np.zeros((n_l, 1))",
          cases=(
              Case("layers_dims [3, 4, 2, 1]", ([3, 4, 2, 1],), public=True),
              Case("layers_dims [2, 20, 3, 1]", ([2, 20, 3, 1],), public=True),
              Case("one layer [5, 1]", ([5, 1],)),
              Case("layers_dims [2, 40, 10, 1]", ([2, 40, 10, 1],)),
              Case("a wide input [100, 30, 8, 1]", ([100, 30, 8, 1],)),
          ),
          compare=scaled_draws(_he_scale),
          known_mistakes=(LEGACY_HE,)),
    Check("compute_cost_with_regularization",
          hint="compute_cost(A3, Y) plus lambd / (2 * m) times the sum of the squares of every entry of "
               "W1, W2 and W3 (not the biases), with m = Y.shape[1]; return a number",
          cases=(
              Case("[3, 4, 2, 1], 5 examples, lambd = 0.1", (np.array([[0.8, 0.3, 0.6, 0.9, 0.2]]), SMALL_Y,
                                                               SMALL_P, 0.1), public=True),
              Case("lambd = 0 gives the plain cross-entropy", _cost_case([4, 5, 3, 1], 8, 0.0), public=True),
              Case("[2, 20, 3, 1], 50 examples, lambd = 0.7", _cost_case([2, 20, 3, 1], 50, 0.7)),
              Case("[6, 5, 4, 1], 3 examples, lambd = 2.5", _cost_case([6, 5, 4, 1], 3, 2.5)),
          ),
          compare=regularized_cost),
    Check("backward_propagation_with_regularization",
          hint="dZ3 = A3 - Y; dW3 = dZ3 @ A2.T / m + lambd / m * W3; db3 = np.sum(dZ3, axis=1, keepdims=True) / m; "
               "dA2 = W3.T @ dZ3; dZ2 = dA2 * (Z2 > 0); and so on down to dW1 (with X) and db1. Only the "
               "weights get the extra lambd / m * W, the biases are not regularised",
          cases=(
              Case("[3, 4, 2, 1], 5 examples, lambd = 0.1", (SMALL_X, SMALL_Y, _forward(SMALL_X, SMALL_P)[1], 0.1),
                   public=True),
              Case("gradient check against finite differences", _l2_backward_case([2, 5, 3, 1], 20, 0.7), public=True,
                   compare=regularized_gradients_by_finite_differences),
              Case("lambd = 0: plain backpropagation", _l2_backward_case([4, 5, 3, 1], 7, 0.0)),
              Case("[2, 20, 3, 1], 60 examples, lambd = 0.7", _l2_backward_case([2, 20, 3, 1], 60, 0.7)),
          ),
          compare=regularized_gradients),
    Check("forward_propagation_with_dropout",
          hint="rng = np.random.default_rng(seed) once; after A1 = relu(Z1): D1 = rng.random(A1.shape) < keep_prob, "
               "A1 = A1 * D1, A1 = A1 / keep_prob; the same for A2 with D2 (drawn after D1); no dropout on the "
               "output layer; return A3 and the cache with Z1, D1, A1, W1, b1, Z2, D2, A2, W2, b2, Z3, A3, W3, b3",
          cases=(
              Case("[3, 4, 2, 1], 5 examples, keep_prob = 0.8 and seed = 1 by default", (SMALL_X, SMALL_P),
                   public=True),
              Case("keep_prob = 0.5, seed = 7", (rng.standard_normal((4, 6)), _parameters([4, 6, 5, 1]), 0.5, 7),
                   public=True),
              Case("keep_prob = 1 drops nothing, like Keras's Dropout at inference",
                   (rng.standard_normal((3, 8)), _parameters([3, 5, 4, 1]), 1.0, 3)),
              Case("a large input: the mean activation is kept (inverted dropout)",
                   _large_dropout_case([2, 40, 5, 1], 250, 0.8, 1), compare=dropout_forward_keeps_the_mean),
              Case("keep_prob = 0.7, seed = 11", (rng.standard_normal((5, 9)), _parameters([5, 6, 3, 1]), 0.7, 11)),
              Case("a large input, keep_prob = 0.9: the mean activation is kept (inverted dropout)",
                   _large_dropout_case([3, 50, 4, 1], 200, 0.9, 5), public=True,
                   compare=dropout_forward_keeps_the_mean),
          ),
          compare=dropout_forward,
          known_mistakes=(LEGACY_DROPOUT,)),
    Check("backward_propagation_with_dropout",
          hint="as plain backpropagation, but after each dA1 = W2.T @ dZ2 and dA2 = W3.T @ dZ3 apply the same "
               "mask as the forward pass (dA * D) and divide by keep_prob, before multiplying by relu's "
               "derivative (Z > 0)",
          cases=(
              Case("[3, 4, 2, 1], 5 examples, keep_prob = 0.8",
                   (SMALL_X, SMALL_Y, _forward(SMALL_X, SMALL_P, _masks(SMALL_DIMS, 5, 0.8), 0.8)[1], 0.8),
                   public=True),
              Case("gradient check against finite differences", _dropout_backward_case([2, 5, 3, 1], 20, 0.8),
                   public=True, compare=dropout_gradients_by_finite_differences),
              Case("keep_prob = 0.5", _dropout_backward_case([4, 5, 3, 1], 9, 0.5)),
              Case("keep_prob = 1: plain backpropagation", _dropout_backward_case([3, 6, 4, 1], 7, 1.0)),
          ),
          compare=dropout_gradients),
    Check("forward_propagation_1d",
          hint="J = theta * x",
          cases=(
              Case("x = 2, theta = 4", (2.0, 4.0), public=True),
              Case("x = -3, theta = 0.5", (-3.0, 0.5)),
              Case("x = 0.25, theta = -8", (0.25, -8.0)),
          ),
          compare=close(atol=1e-12)),
    Check("backward_propagation_1d",
          hint="dJ/dtheta for J = theta * x is x",
          cases=(
              Case("x = 2, theta = 4", (2.0, 4.0), public=True),
              Case("x = -3, theta = 0.5", (-3.0, 0.5)),
              Case("x = 0.25, theta = -8", (0.25, -8.0)),
          ),
          compare=taped_derivative_1d),
    Check("gradient_check",
          hint="gradapprox = (forward_propagation_1d(x, theta + epsilon) - forward_propagation_1d(x, theta - epsilon)) "
               "/ (2 * epsilon), grad = backward_propagation_1d(x, theta); return "
               "np.linalg.norm(grad - gradapprox) / (np.linalg.norm(grad) + np.linalg.norm(gradapprox))",
          cases=(
              Case("x = 2, theta = 4", (2.0, 4.0), public=True),
              Case("x = -3, theta = 0.5", (-3.0, 0.5)),
              Case("x = 3, theta = 1.5, epsilon = 1e-4", (3.0, 1.5, 1e-4), public=True),
              Case("x = 0.25, theta = -8, epsilon = 1e-5", (0.25, -8.0, 1e-5)),
          ),
          compare=difference_1d),
    Check("gradient_check_n",
          hint="theta = dictionary_to_vector(parameters), grad = gradients_to_vector(gradients); for each i: "
               "copy theta twice (np.copy), add epsilon to entry i of one and subtract it from the other, "
               "J_plus and J_minus from forward_propagation and compute_cost on vector_to_dictionary(...), "
               "gradapprox[i] = (J_plus - J_minus) / (2 * epsilon); return "
               "||grad - gradapprox|| / (||grad|| + ||gradapprox||) with np.linalg.norm",
          cases=(
              Case("correct gradients, [3, 4, 2, 1]", _gradcheck_case([3, 4, 2, 1], 5), public=True),
              Case("dW2 doubled by mistake", _gradcheck_case([3, 4, 2, 1], 5, bug=_double_dW2), public=True),
              Case("correct gradients, [4, 5, 3, 1], gradients holding dA and dZ too",
                   _gradcheck_case([4, 5, 3, 1], 10, extra_keys=True)),
              Case("db1 four times too large", _gradcheck_case([4, 5, 3, 1], 10, bug=_db1_times_4)),
              Case("the sign of one entry of dW3 flipped", _gradcheck_case([2, 6, 4, 1], 12, bug=_flip_one_dW3)),
              Case("correct gradients, epsilon = 1e-5", _gradcheck_case([2, 6, 4, 1], 12, epsilon=1e-5)),
              Case("correct gradients, epsilon = 1e-4", _gradcheck_case([3, 5, 4, 1], 8, epsilon=1e-4)),
              Case("correct gradients, epsilon = 1e-6", _gradcheck_case([3, 4, 2, 1], 6, epsilon=1e-6), public=True),
          ),
          compare=gradient_check_result),
    Check("build_regularized_model",
          hint="keras.Sequential: keras.Input(shape=(input_dim,)), Dense(40, relu, kernel_regularizer="
               "keras.regularizers.L2(l2)), Dropout(rate=dropout_rate), Dense(10, relu, same regulariser), "
               "Dropout(rate=dropout_rate), Dense(1, sigmoid, same regulariser); Dropout's rate is the "
               "fraction DROPPED, 1 - keep_prob",
          cases=(
              Case("input_dim 2, the defaults", (2,), public=True),
              Case("input_dim 2, l2 = 1e-3, dropout_rate = 0.5", (2, 1e-3, 0.5), public=True),
              Case("input_dim 30, l2 = 0.05, dropout_rate = 0.3", (30, 0.05, 0.3)),
              Case("input_dim 5, the defaults", (5,)),
          ),
          compare=same_structure),
]
