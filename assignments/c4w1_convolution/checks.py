"""Checks of assignment C4W1 (convolution and pooling, step by step; two CNNs in Keras).
Expected outputs: expected/*.npz.

Every NumPy exercise is compared, here in the grader's process, with what Keras or TensorFlow
computes on the same inputs, in float64:
- zero_pad with keras.layers.ZeroPadding2D(pad): exactly (atol 1e-12);
- conv_single_step with keras.layers.Conv2D(1, f) on the slice (kernel W[..., None], bias b.ravel());
- conv_forward with ZeroPadding2D(pad) then Conv2D(n_C, f, strides=stride, padding="valid"), the
  weights set to W as it is and b.ravel() (explicit symmetric padding: TensorFlow's "same" with a
  stride of 2 pads the bottom and right only); the cache must be (A_prev, W, b, hparameters);
- pool_forward with MaxPooling2D / AveragePooling2D(pool_size=f, strides=stride, padding="valid");
  the cache must be (A_prev, hparameters);
- conv_backward and pool_backward with the gradients tf.GradientTape takes of sum(Z * dZ) through
  tf.nn.conv2d (of the padded input, plus the bias) and tf.nn.max_pool2d / avg_pool2d.
Values within 1e-7 (absolute and relative). Where several entries of a window tie for its maximum,
TensorFlow sends the gradient to the first of them in row-major order; the notebook teaches that
convention (a window of zeros after a ReLU ties everywhere), and the cases include such windows.

happy_model and convolutional_model are judged on their structure (grader.checks.same_structure
against the recorded solution, and the Keras API asked for: Sequential, Functional). The grader
sees only the structure of a model a function returns, so training is its own exercise,
train_and_predict, judged on the accuracy of its predictions on held-out pictures whose labels stay
here (each case's reference). It is given the model to train, a happy model built here with seeded
initialisers: a learner's own happy_model passes its structure check whatever its BatchNormalization
momentum (the structure does not show it), and with the default 0.99 it predicts at chance after
so short a training run, which would cost train_and_predict points for happy_model's mistake.
convolutional_model has no trained check: its 1,310 parameters learn the finger counts too slowly
and too unreliably for a check of a few seconds (measured: 600 pictures of 32 x 32 or 64 x 64,
20 epochs, 5 to 14 s, validation accuracy 0.17 to 0.50 by seed and learning rate).

Known mistakes named in the feedback: padding every axis or one side only; the bias forgotten;
the kernel flipped (a true convolution); the stride ignored where a window starts; pooling across
the channels; the average and the maximum swapped; dW and db divided by m (course 1's habit); the
padding left on dA_prev; the average's gradient not divided by f * f; a max mask that marks every
tied entry; overlapping windows' gradients overwritten instead of added.
"""
from functools import lru_cache

import numpy as np

from grader.checks import (Case, Check, KnownMistake, agrees_with, array_of_shape, import_keras, import_tf, n_parts,
                           same_structure, within)
from grader.codec import ModelInput, ModelStructure

rng = np.random.default_rng(4101)

TOLERANCE = 1e-7
FACE_ACCURACY = 0.80   # the reference: 0.93 and 0.95 on the two cases (0.89 to 0.98 over six splits, other weights)


# ---------------------------------------------------------------- references (TensorFlow, float64)
def _padded(A, pad):
    return np.pad(A, ((0, 0), (pad, pad), (pad, pad), (0, 0)))


def keras_zero_padding(X, pad):
    return np.asarray(import_keras().layers.ZeroPadding2D(padding=pad, dtype="float64")(X))


def keras_conv(A_prev, W, b, stride, pad):
    """ZeroPadding2D(pad) then Conv2D(n_C, f, strides=stride, padding="valid"), weights W and b.ravel()."""
    keras = import_keras()
    padded = keras.layers.ZeroPadding2D(padding=pad, dtype="float64")(A_prev)
    layer = keras.layers.Conv2D(W.shape[3], W.shape[:2], strides=stride, padding="valid", dtype="float64")
    layer.build(tuple(padded.shape))
    layer.set_weights([W, np.ravel(b)])
    return np.asarray(layer(padded))


def keras_pool(A_prev, f, stride, mode):
    keras = import_keras()
    kind = keras.layers.MaxPooling2D if mode == "max" else keras.layers.AveragePooling2D
    return np.asarray(kind(pool_size=f, strides=stride, padding="valid", dtype="float64")(A_prev))


def tf_conv_gradients(dZ, A_prev, W, b, stride, pad):
    """(dA_prev, dW, db) of sum(Z * dZ), Z = conv2d(pad(A_prev), W) + b, by tf.GradientTape."""
    tf = import_tf()
    A, K, B = tf.Variable(A_prev), tf.Variable(W), tf.Variable(np.ravel(b))
    with tf.GradientTape() as tape:
        Z = tf.nn.conv2d(tf.pad(A, [[0, 0], [pad, pad], [pad, pad], [0, 0]]), K, strides=stride, padding="VALID") + B
        loss = tf.reduce_sum(Z * dZ)
    dA, dK, dB = tape.gradient(loss, [A, K, B])
    return dA.numpy(), dK.numpy(), dB.numpy().reshape(np.shape(b))


def tf_pool_gradient(dA, A_prev, f, stride, mode):
    tf = import_tf()
    A = tf.Variable(A_prev)
    pool = tf.nn.max_pool2d if mode == "max" else tf.nn.avg_pool2d
    with tf.GradientTape() as tape:
        loss = tf.reduce_sum(pool(A, ksize=f, strides=stride, padding="VALID") * dA)
    return tape.gradient(loss, A).numpy()


def _out(n, f, stride, pad=0):
    return (n + 2 * pad - f) // stride + 1


# ---------------------------------------------------------------- zero_pad
def zero_pad_like_keras(expected, got, case):
    X, pad = case.args
    want = keras_zero_padding(X, pad)
    message = array_of_shape(got, want.shape, "X_pad")
    if message:
        return message + f" (m, n_H + 2 pad, n_W + 2 pad, n_C) for X of shape {X.shape} and pad = {pad}"
    return agrees_with(got, want, f"keras.layers.ZeroPadding2D({pad})", 1e-12, TOLERANCE, "X_pad")


ZERO_PAD_MISTAKES = (
    KnownMistake("you padded all four axes, so the examples and the channels got zeros too: pad only the height "
                 "and width, np.pad(X, ((0, 0), (pad, pad), (pad, pad), (0, 0)))",
                 lambda case: np.pad(case.args[0], case.args[1])),
    KnownMistake("you padded only the bottom and the right: zero padding adds `pad` rows at the top AND the bottom, "
                 "`pad` columns on the left AND the right, ((0, 0), (pad, pad), (pad, pad), (0, 0))",
                 lambda case: np.pad(case.args[0], ((0, 0), (0, case.args[1]), (0, case.args[1]), (0, 0)))),
)

ZERO_PAD_CASES = (
    Case("X (4, 3, 3, 2), pad 3", (rng.standard_normal((4, 3, 3, 2)), 3), public=True),
    Case("X (2, 5, 4, 1), pad 1: a rectangle, one channel", (rng.standard_normal((2, 5, 4, 1)), 1), public=True),
    Case("pad 0 leaves X as it is", (rng.standard_normal((3, 4, 4, 3)), 0)),
    Case("X (1, 2, 7, 5), pad 2", (rng.standard_normal((1, 2, 7, 5)), 2)),
    Case("X (3, 6, 6, 3), pad 4", (rng.standard_normal((3, 6, 6, 3)), 4)),
)


# ---------------------------------------------------------------- conv_single_step
def _single_step(a_slice, W, b):
    """Conv2D(1, f) on the one slice: a (1, 1, 1, 1) output."""
    return float(keras_conv(a_slice[None], W[..., None], np.ravel(b), 1, 0).item())


def single_step_like_keras(expected, got, case):
    message = array_of_shape(got, (), "Z (one number, not an array: b.item() turns b into one)")
    if message:
        return message
    twin = "keras.layers.Conv2D(1, f) on this slice"
    return agrees_with(got, _single_step(*case.args), twin, TOLERANCE, TOLERANCE, "Z")


SINGLE_STEP_MISTAKES = (
    KnownMistake("this is the sum of a_slice_prev * W without the bias: add b (a (1, 1, 1) array: b.item() is "
                 "its one number)",
                 lambda case: float(np.sum(case.args[0] * case.args[1])), atol=1e-7),
    KnownMistake("you flipped the filter, as the textbook convolution does: deep-learning libraries (and this "
                 "course) compute the cross-correlation, sum(a_slice_prev * W) + b, with W as it is",
                 lambda case: float(np.sum(case.args[0] * case.args[1][::-1, ::-1]) + np.sum(case.args[2])), atol=1e-7),
)


def _single_step_case(f, n_C_prev, bias_scale=1.0):
    return (rng.standard_normal((f, f, n_C_prev)), rng.standard_normal((f, f, n_C_prev)),
            rng.standard_normal((1, 1, 1)) * bias_scale)


SINGLE_STEP_CASES = (
    Case("a slice of 4 x 4 x 3", _single_step_case(4, 3), public=True),
    Case("a slice of 3 x 3 x 1", _single_step_case(3, 1), public=True),
    Case("a slice of 5 x 5 x 8", _single_step_case(5, 8)),
    Case("a 1 x 1 x 6 slice", _single_step_case(1, 6)),
    Case("a large negative bias", _single_step_case(2, 2, bias_scale=20.0)),
)


# ---------------------------------------------------------------- conv_forward
def _conv_case(m, n_H_prev, n_W_prev, n_C_prev, f, n_C, stride, pad):
    A_prev = rng.standard_normal((m, n_H_prev, n_W_prev, n_C_prev))
    W = rng.standard_normal((f, f, n_C_prev, n_C))
    b = rng.standard_normal((1, 1, 1, n_C))
    return A_prev, W, b, {"stride": stride, "pad": pad}


def _conv_shape(A_prev, W, stride, pad):
    m, n_H_prev, n_W_prev, _ = A_prev.shape
    f, n_C = W.shape[0], W.shape[3]
    return m, _out(n_H_prev, f, stride, pad), _out(n_W_prev, f, stride, pad), n_C


def _cache_message(cache, want, names):
    """None when `cache` holds the inputs `want` (a tuple named `names`), else a message."""
    message = n_parts(cache, len(want), f"the cache {names}")
    if message:
        return message
    for name, got, value in zip(names.strip("()").split(", "), cache, want):
        if isinstance(value, dict):
            if not isinstance(got, dict) or set(got) != set(value) or any(
                    within(got[k], value[k], atol=0) for k in value):
                return f"the cache's {name} should be the hparameters dict you were given, {value}"
            continue
        message = array_of_shape(got, np.shape(value), f"the cache's {name}")
        if message or within(got, value, atol=0):
            return (f"the cache should be {names}, the inputs as you were given them "
                    f"({name} differs{': ' + message if message else ''})")
    return None


def conv_forward_like_keras(expected, got, case):
    A_prev, W, b, hparameters = case.args
    stride, pad = hparameters["stride"], hparameters["pad"]
    message = n_parts(got, 2, "the result (Z, cache)")
    if message:
        return message
    Z, cache = got
    shape = _conv_shape(A_prev, W, stride, pad)
    message = array_of_shape(Z, shape, "Z")
    if message:
        return (f"{message}: (m, n_H, n_W, n_C) with n_H = (n_H_prev + 2 pad - f) // stride + 1 = "
                f"({A_prev.shape[1]} + 2*{pad} - {W.shape[0]}) // {stride} + 1 = {shape[1]}, and n_C = W.shape[3]")
    twin = f"keras.layers.Conv2D after ZeroPadding2D({pad}), stride {stride}"
    return (agrees_with(Z, keras_conv(A_prev, W, b, stride, pad), twin, TOLERANCE, TOLERANCE, "Z")
            or _cache_message(cache, case.args, "(A_prev, W, b, hparameters)"))


def _conv_mistake(Z_of):
    """The (Z, cache) a mistaken conv_forward returns: Z_of(A_prev, W, b, stride, pad), the right cache."""
    def value(case):
        A_prev, W, b, hparameters = case.args
        return Z_of(A_prev, W, b, hparameters["stride"], hparameters["pad"]), case.args
    return value


def _stride_ignored(A_prev, W, b, stride, pad):
    """Windows starting at (h, w) instead of (h * stride, w * stride): the stride-1 output, cropped."""
    _, n_H, n_W, _ = _conv_shape(A_prev, W, stride, pad)
    return keras_conv(A_prev, W, b, 1, pad)[:, :n_H, :n_W, :]


STRIDE_IGNORED = ("you ignored the stride where a window starts: window (h, w) starts at row h * stride and "
                  "column w * stride (vert_start = h * stride, vert_end = vert_start + f)")
CONV_FORWARD_MISTAKES = (
    KnownMistake("Z has no bias: conv_single_step(a_slice_prev, W[:, :, :, c], b[:, :, :, c]) adds the bias of "
                 "filter c", _conv_mistake(lambda A, W, b, s, p: keras_conv(A, W, np.zeros_like(b), s, p)), atol=1e-7),
    KnownMistake("you flipped the filters (a textbook convolution): use W as it is, as Keras's Conv2D does",
                 _conv_mistake(lambda A, W, b, s, p: keras_conv(A, W[::-1, ::-1], b, s, p)), atol=1e-7),
    KnownMistake(STRIDE_IGNORED, _conv_mistake(_stride_ignored), atol=1e-7),
)

CONV_FORWARD_CASES = (
    Case("A_prev (2, 5, 7, 4), 8 filters of 3 x 3, pad 1, stride 2", _conv_case(2, 5, 7, 4, 3, 8, 2, 1), public=True),
    Case("A_prev (3, 6, 6, 3), 2 filters of 3 x 3, pad 0, stride 2: n_H = (6 - 3) // 2 + 1 = 2",
         _conv_case(3, 6, 6, 3, 3, 2, 2, 0), public=True),
    Case("one example, f 3, pad 2, stride 3", _conv_case(1, 7, 5, 2, 3, 4, 3, 2)),
    Case("f 4 on 4 x 4 inputs, pad 0, stride 1: a 1 x 1 output", _conv_case(2, 4, 4, 1, 4, 3, 1, 0)),
    Case("f 5, pad 2, stride 2, one filter", _conv_case(2, 9, 8, 3, 5, 1, 2, 2)),
    Case("a 1 x 1 convolution, 6 filters", _conv_case(4, 6, 5, 3, 1, 6, 1, 0)),
    Case("f 2, pad 1, stride 1, 5 channels", _conv_case(2, 4, 6, 5, 2, 3, 1, 1)),
)


# ---------------------------------------------------------------- pool_forward
def _pool_args(case):
    A_prev, hparameters = case.args[:2]
    mode = case.args[2] if len(case.args) > 2 else "max"
    return A_prev, hparameters["f"], hparameters["stride"], mode


def pool_forward_like_keras(expected, got, case):
    A_prev, f, stride, mode = _pool_args(case)
    message = n_parts(got, 2, "the result (A, cache)")
    if message:
        return message
    A, cache = got
    shape = (A_prev.shape[0], _out(A_prev.shape[1], f, stride), _out(A_prev.shape[2], f, stride), A_prev.shape[3])
    message = array_of_shape(A, shape, "A")
    if message:
        return (f"{message}: (m, n_H, n_W, n_C_prev) with n_H = (n_H_prev - f) // stride + 1 = "
                f"({A_prev.shape[1]} - {f}) // {stride} + 1 = {shape[1]}")
    twin = f"keras.layers.{'MaxPooling2D' if mode == 'max' else 'AveragePooling2D'}({f}, strides={stride})"
    return (agrees_with(A, keras_pool(A_prev, f, stride, mode), twin, TOLERANCE, TOLERANCE, "A")
            or _cache_message(cache, case.args[:2], "(A_prev, hparameters)"))


def _pool_mistake(A_of):
    def value(case):
        A_prev, f, stride, mode = _pool_args(case)
        return A_of(A_prev, f, stride, mode), case.args[:2]
    return value


def _across_channels(A_prev, f, stride, mode):
    """Each window pooled over all its channels at once: every channel gets the same value."""
    reduce = np.max if mode == "max" else np.mean
    m, n_H_prev, n_W_prev, n_C = A_prev.shape
    n_H, n_W = _out(n_H_prev, f, stride), _out(n_W_prev, f, stride)
    A = np.zeros((m, n_H, n_W, n_C))
    for h in range(n_H):
        for w in range(n_W):
            A[:, h, w, :] = reduce(A_prev[:, h * stride:h * stride + f, w * stride:w * stride + f, :],
                                   axis=(1, 2, 3))[:, None]
    return A


POOL_FORWARD_MISTAKES = (
    KnownMistake("every channel holds the same value: you pooled each window over all its channels; pool each "
                 "channel c on its own, A_prev[i, vert_start:vert_end, horiz_start:horiz_end, c]",
                 _pool_mistake(_across_channels), atol=1e-7),
    KnownMistake("these are the averages of the windows where mode asks for the maximum: use np.max when "
                 "mode == \"max\"", _pool_mistake(lambda A, f, s, mode: keras_pool(A, f, s, "average")), atol=1e-7),
    KnownMistake("these are the maxima of the windows where mode asks for the average: use np.mean when "
                 "mode == \"average\"", _pool_mistake(lambda A, f, s, mode: keras_pool(A, f, s, "max")), atol=1e-7),
    KnownMistake(STRIDE_IGNORED, _pool_mistake(lambda A, f, s, mode: keras_pool(A, f, 1, mode)[
        :, :_out(A.shape[1], f, s), :_out(A.shape[2], f, s), :]), atol=1e-7),
)


def _pool_case(m, n_H_prev, n_W_prev, n_C, f, stride, *mode, relu=False):
    A_prev = rng.standard_normal((m, n_H_prev, n_W_prev, n_C))
    return (np.maximum(A_prev, 0) if relu else A_prev, {"stride": stride, "f": f}, *mode)


POOL_FORWARD_CASES = (
    Case("max, f 3, stride 1 on (2, 5, 5, 3)", _pool_case(2, 5, 5, 3, 3, 1, "max"), public=True),
    Case("average, f 3, stride 2 on (2, 5, 5, 3)", _pool_case(2, 5, 5, 3, 3, 2, "average"), public=True),
    Case("mode left out (max), f 2, stride 2 on (3, 4, 6, 2)", _pool_case(3, 4, 6, 2, 2, 2), public=True),
    Case("max, f 2, stride 1: overlapping windows", _pool_case(1, 6, 7, 2, 2, 1, "max")),
    Case("average, f 2, stride 2, 4 channels", _pool_case(3, 4, 6, 4, 2, 2, "average")),
    Case("max, f 4, stride 3 on 9 x 8: n_H = (9 - 4) // 3 + 1 = 2", _pool_case(2, 9, 8, 1, 4, 3, "max")),
    Case("average, f 1, stride 1: A = A_prev", _pool_case(2, 3, 3, 3, 1, 1, "average")),
    Case("max after a ReLU (windows of zeros)", _pool_case(2, 6, 6, 3, 3, 3, "max", relu=True)),
    Case("mode left out, f 3, stride 2", _pool_case(2, 7, 7, 3, 3, 2)),
)


# ---------------------------------------------------------------- conv_backward
def _conv_backward_case(m, n_H_prev, n_W_prev, n_C_prev, f, n_C, stride, pad):
    A_prev, W, b, hparameters = _conv_case(m, n_H_prev, n_W_prev, n_C_prev, f, n_C, stride, pad)
    dZ = rng.standard_normal(_conv_shape(A_prev, W, stride, pad))
    return dZ, (A_prev, W, b, hparameters)


def _conv_backward_args(case):
    dZ, (A_prev, W, b, hparameters) = case.args
    return dZ, A_prev, W, b, hparameters["stride"], hparameters["pad"]


def conv_backward_like_tf(expected, got, case):
    dZ, A_prev, W, b, stride, pad = _conv_backward_args(case)
    message = n_parts(got, 3, "the result (dA_prev, dW, db)")
    if message:
        return message
    for name, value, want in zip(("dA_prev", "dW", "db"), got, tf_conv_gradients(dZ, A_prev, W, b, stride, pad)):
        message = array_of_shape(value, want.shape, name)
        if message:
            return f"{message}, the shape of {name[1:]}"
        message = agrees_with(value, want, "TensorFlow's gradient (tf.GradientTape through tf.nn.conv2d)",
                              TOLERANCE, TOLERANCE, name)
        if message:
            return message
    return None


def _gradients_over_m(case):
    dA, dW, db = tf_conv_gradients(*_conv_backward_args(case))
    m = dA.shape[0]
    return dA, dW / m, db / m


def _padded_dA(case):
    dZ, A_prev, W, b, stride, pad = _conv_backward_args(case)
    return tf_conv_gradients(dZ, _padded(A_prev, pad), W, b, stride, 0)


def _conv_backward_stride_ignored(case):
    """The gradients of the forward pass whose windows start at (h, w): stride 1, dZ in the top-left corner."""
    dZ, A_prev, W, b, _, pad = _conv_backward_args(case)
    m, n_H, n_W, n_C = dZ.shape
    dZ1 = np.zeros((m, _out(A_prev.shape[1], W.shape[0], 1, pad), _out(A_prev.shape[2], W.shape[0], 1, pad), n_C))
    dZ1[:, :n_H, :n_W, :] = dZ
    return tf_conv_gradients(dZ1, A_prev, W, b, 1, pad)


CONV_BACKWARD_MISTAKES = (
    KnownMistake("dW and db are m times too small: you divided them by m, as course 1's dW = (1/m) dZ A.T does; here "
                 "dZ is already the gradient of the cost, so add up the examples' contributions without averaging",
                 _gradients_over_m, atol=1e-7),
    KnownMistake("dA_prev still has the padding: it is da_prev_pad without its `pad` border rows and columns, "
                 "da_prev_pad[pad:pad + n_H_prev, pad:pad + n_W_prev, :] (beware [pad:-pad], which is empty when "
                 "pad = 0)", _padded_dA, atol=1e-7),
    KnownMistake(STRIDE_IGNORED, _conv_backward_stride_ignored, atol=1e-7),
)

CONV_BACKWARD_CASES = (
    Case("A_prev (2, 5, 7, 4), 8 filters of 3 x 3, pad 1, stride 2", _conv_backward_case(2, 5, 7, 4, 3, 8, 2, 1),
         public=True),
    Case("pad 0, stride 1, 2 x 2 filters on (2, 4, 4, 3)", _conv_backward_case(2, 4, 4, 3, 2, 3, 1, 0), public=True),
    Case("f 3, pad 2, stride 3, one example", _conv_backward_case(1, 7, 5, 2, 3, 4, 3, 2)),
    Case("a 1 x 1 convolution, pad 0", _conv_backward_case(3, 4, 5, 3, 1, 2, 1, 0)),
    Case("f 4, pad 0, stride 2", _conv_backward_case(2, 8, 9, 2, 4, 3, 2, 0)),
    Case("f 3, pad 1, stride 1, one filter", _conv_backward_case(2, 5, 5, 3, 3, 1, 1, 1)),
)


# ---------------------------------------------------------------- pool_backward
def _pool_backward_args(case):
    dA, (A_prev, hparameters) = case.args[:2]
    mode = case.args[2] if len(case.args) > 2 else "max"
    return dA, A_prev, hparameters["f"], hparameters["stride"], mode


def pool_backward_like_tf(expected, got, case):
    dA, A_prev, f, stride, mode = _pool_backward_args(case)
    message = array_of_shape(got, A_prev.shape, "dA_prev")
    if message:
        return f"{message}, the shape of A_prev"
    twin = f"TensorFlow's gradient (tf.GradientTape through tf.nn.{'max_pool2d' if mode == 'max' else 'avg_pool2d'})"
    return agrees_with(got, tf_pool_gradient(dA, A_prev, f, stride, mode), twin, TOLERANCE, TOLERANCE, "dA_prev")


def _loop_pool_backward(dA, A_prev, f, stride, mode, all_ties=False, divide=True, accumulate=True):
    """The notebook's loops, with a switch for each known mistake."""
    dA_prev = np.zeros_like(A_prev)
    m, n_H, n_W, n_C = dA.shape
    for i in range(m):
        for h in range(n_H):
            for w in range(n_W):
                for c in range(n_C):
                    rows, cols = slice(h * stride, h * stride + f), slice(w * stride, w * stride + f)
                    window = A_prev[i, rows, cols, c]
                    if mode == "max":
                        if all_ties:
                            mask = window == np.max(window)
                        else:
                            mask = np.zeros(window.shape, dtype=bool)
                            mask[np.unravel_index(np.argmax(window), window.shape)] = True
                        share = mask * dA[i, h, w, c]
                    else:
                        share = np.full(window.shape, dA[i, h, w, c] / (f * f if divide else 1))
                    if accumulate:
                        dA_prev[i, rows, cols, c] += share
                    else:
                        dA_prev[i, rows, cols, c] = share
    return dA_prev


def _pool_backward_mistake(**switches):
    return lambda case: _loop_pool_backward(*_pool_backward_args(case), **switches)


POOL_BACKWARD_MISTAKES = (
    KnownMistake("the mask marks every entry that ties for the maximum (x == np.max(x)), so a window of equal values "
                 "(all zeros after a ReLU) passes the gradient on several times: mark only the first maximum, "
                 "np.argmax's, as TensorFlow does", _pool_backward_mistake(all_ties=True)),
    KnownMistake("the average's gradient is f * f times too large: each of the f * f entries of a window gets "
                 "dA / (f * f)", _pool_backward_mistake(divide=False)),
    KnownMistake("where windows overlap (stride < f) you overwrote dA_prev instead of adding to it: an entry in "
                 "several windows gets the sum of their gradients, dA_prev[...] += ...",
                 _pool_backward_mistake(accumulate=False)),
)


def _pool_backward_case(m, n_H_prev, n_W_prev, n_C, f, stride, *mode, ties=None):
    A_prev = rng.standard_normal((m, n_H_prev, n_W_prev, n_C))
    if ties == "relu":
        A_prev = np.maximum(A_prev, 0)
    elif ties == "integers":
        A_prev = rng.integers(0, 3, A_prev.shape).astype(np.float64)
    dA = rng.standard_normal((m, _out(n_H_prev, f, stride), _out(n_W_prev, f, stride), n_C))
    return (dA, (A_prev, {"stride": stride, "f": f}), *mode)


POOL_BACKWARD_CASES = (
    Case("max, f 2, stride 1 on (2, 5, 5, 3): windows overlap", _pool_backward_case(2, 5, 5, 3, 2, 1, "max"),
         public=True),
    Case("average, f 2, stride 2 on (2, 4, 4, 3)", _pool_backward_case(2, 4, 4, 3, 2, 2, "average"), public=True),
    Case("mode left out (max), after a ReLU: windows of zeros tie", _pool_backward_case(2, 4, 6, 2, 2, 2, ties="relu"),
         public=True),
    Case("max, f 3, stride 2: windows overlap", _pool_backward_case(2, 7, 7, 2, 3, 2, "max")),
    Case("average, f 3, stride 1", _pool_backward_case(1, 5, 6, 3, 3, 1, "average")),
    Case("max on whole numbers 0 to 2: many ties, f 3, stride 3",
         _pool_backward_case(2, 6, 6, 2, 3, 3, "max", ties="integers")),
    Case("average, f 1, stride 1", _pool_backward_case(2, 3, 3, 2, 1, 1, "average")),
    Case("mode left out, f 2, stride 1 after a ReLU", _pool_backward_case(1, 5, 5, 3, 2, 1, ties="relu")),
)


# ---------------------------------------------------------------- the two models
def keras_api(model_class, how):
    def compare(expected, got, case):
        if isinstance(got, ModelStructure) and got.model_class != model_class:
            return f"build the model with the {how}; got a {got.model_class} model"
        return same_structure(expected, got, case)
    return compare


@lru_cache(maxsize=1)
def faces_64():
    """lfw_faces() as the notebook prepares them: 200 pictures resized to 64 x 64, grey copied to 3 channels."""
    from skimage.transform import resize

    from lessons.data import lfw_faces
    images, labels = lfw_faces()
    X = np.stack([resize(image, (64, 64), order=1, anti_aliasing=False) for image in images]).astype(np.float32)
    return np.repeat(X[..., None], 3, axis=-1), labels


def face_accuracy(expected, got, case):
    X_eval, labels = case.args[3], case.reference
    message = array_of_shape(got, (len(X_eval), 1), "the predictions for X_eval (model.predict's output)")
    if message:
        return message
    p = np.asarray(got, dtype=np.float64).ravel()
    if p.min() < 0 or p.max() > 1:
        return (f"the predictions should be probabilities in [0, 1], got values from {p.min():.3g} to "
                f"{p.max():.3g}: the output layer's activation is sigmoid")
    accuracy = float(np.mean((p > 0.5) == (labels == 1)))
    if accuracy < FACE_ACCURACY:
        return (f"the trained model is right on {accuracy:.1%} of the {len(labels)} held-out pictures; the recipe "
                f"reaches at least {FACE_ACCURACY:.0%}: check the loss (binary_crossentropy, for one sigmoid "
                "output), the optimizer and its learning rate, and that you fit the model you were given")
    return None


@lru_cache(maxsize=1)
def happy_reference():
    """The happy model of the notebook, its weights drawn from seeded initialisers."""
    keras = import_keras()
    glorot = keras.initializers.GlorotUniform
    return keras.Sequential([
        keras.Input(shape=(64, 64, 3)),
        keras.layers.ZeroPadding2D(padding=3),
        keras.layers.Conv2D(32, 7, kernel_initializer=glorot(seed=1), name="conv0"),
        keras.layers.BatchNormalization(axis=3, momentum=0.9, name="bn0"),
        keras.layers.ReLU(),
        keras.layers.MaxPool2D(),
        keras.layers.Flatten(),
        keras.layers.Dense(1, activation="sigmoid", kernel_initializer=glorot(seed=2), name="fc"),
    ], name="happy_model")


def _face_case(name, split_seed, n_train, epochs, seed, public=False):
    """The happy model to train on n_train pictures and the other pictures to predict; their labels stay here."""
    X, y = faces_64()
    order = np.random.default_rng(split_seed).permutation(len(y))
    train, held = order[:n_train], order[n_train:]
    return Case(name, (ModelInput(happy_reference()), X[train], y[train], X[held], epochs, seed), public=public,
                reference=y[held])


CHECKS = [
    Check("zero_pad",
          hint="pad only the height and width (axes 1 and 2) with zeros: "
               "np.pad(X, ((0, 0), (pad, pad), (pad, pad), (0, 0)), mode=\"constant\", constant_values=0)",
          cases=ZERO_PAD_CASES,
          compare=zero_pad_like_keras,
          known_mistakes=ZERO_PAD_MISTAKES),
    Check("conv_single_step",
          hint="Z = np.sum(a_slice_prev * W) + b.item(): the element-wise product, summed, plus the bias; return one "
               "number (NumPy 2 refuses float(b) for b of shape (1, 1, 1))",
          cases=SINGLE_STEP_CASES,
          compare=single_step_like_keras,
          known_mistakes=SINGLE_STEP_MISTAKES),
    Check("conv_forward",
          hint="n_H = (n_H_prev + 2 pad - f) // stride + 1 (likewise n_W); A_prev_pad = zero_pad(A_prev, pad); "
               "for each example i, output position (h, w) and filter c: vert_start = h * stride, vert_end = "
               "vert_start + f (likewise horizontally), Z[i, h, w, c] = conv_single_step(a_prev_pad[vert_start:"
               "vert_end, horiz_start:horiz_end, :], W[:, :, :, c], b[:, :, :, c]); return (Z, (A_prev, W, b, "
               "hparameters))",
          cases=CONV_FORWARD_CASES,
          compare=conv_forward_like_keras,
          known_mistakes=CONV_FORWARD_MISTAKES),
    Check("pool_forward",
          hint="n_H = (n_H_prev - f) // stride + 1 (no padding), n_C = n_C_prev; for each i, h, w and channel c, "
               "take the window A_prev[i, h * stride:h * stride + f, w * stride:w * stride + f, c] and its np.max "
               "(mode \"max\") or np.mean (mode \"average\"); return (A, (A_prev, hparameters))",
          cases=POOL_FORWARD_CASES,
          compare=pool_forward_like_keras,
          known_mistakes=POOL_FORWARD_MISTAKES),
    Check("conv_backward",
          hint="start from zeros of the shapes of A_prev, W and b; pad A_prev and dA_prev; for each i, h, w, c with "
               "the window of conv_forward: da_prev_pad[window] += W[:, :, :, c] * dZ[i, h, w, c], "
               "dW[:, :, :, c] += a_slice * dZ[i, h, w, c], db[:, :, :, c] += dZ[i, h, w, c]; then "
               "dA_prev[i] = da_prev_pad[pad:pad + n_H_prev, pad:pad + n_W_prev, :] (not [pad:-pad, pad:-pad], which "
               "is empty when pad = 0)",
          cases=CONV_BACKWARD_CASES,
          compare=conv_backward_like_tf,
          known_mistakes=CONV_BACKWARD_MISTAKES),
    Check("pool_backward",
          hint="dA_prev = zeros of A_prev's shape; for each i, h, w, c and the window of pool_forward: with mode "
               "\"max\", dA_prev[window] += create_mask_from_window(a_prev_slice) * dA[i, h, w, c] (the mask marks "
               "the first maximum only, np.argmax's); with \"average\", dA_prev[window] += "
               "distribute_value(dA[i, h, w, c], (f, f)), which spreads dA / (f * f) evenly",
          cases=POOL_BACKWARD_CASES,
          compare=pool_backward_like_tf,
          known_mistakes=POOL_BACKWARD_MISTAKES),
    Check("happy_model",
          hint="keras.Sequential([keras.Input(shape=(64, 64, 3)), ZeroPadding2D(padding=3), Conv2D(32, 7), "
               "BatchNormalization(axis=3, momentum=0.9), ReLU(), MaxPool2D(), Flatten(), "
               "Dense(1, activation=\"sigmoid\")])",
          cases=(Case("the happy model", (), public=True),),
          compare=keras_api("Sequential", "Sequential API: keras.Sequential([...])")),
    Check("train_and_predict",
          hint="keras.utils.set_random_seed(seed); model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.001), "
               "loss=\"binary_crossentropy\", metrics=[\"accuracy\"]); model.fit(X_train, y_train, epochs=epochs, "
               "batch_size=16, verbose=0); return model.predict(X_eval, verbose=0)",
          cases=(
              _face_case("the happy model, 100 pictures, 6 epochs: accuracy on the other 100", 1, 100, 6, 0,
                         public=True),
              _face_case("another 100 pictures, seed 1: accuracy on the other 100", 2, 100, 6, 1),
          ),
          compare=face_accuracy),
    Check("convolutional_model",
          hint="inputs = keras.Input(shape=input_shape); Conv2D(8, 4, padding=\"same\"), ReLU(), "
               "MaxPool2D(8, strides=8, padding=\"same\"), Conv2D(16, 2, padding=\"same\"), ReLU(), "
               "MaxPool2D(4, strides=4, padding=\"same\"), Flatten(), Dense(6, activation=\"softmax\"), each called on "
               "the previous output; "
               "return keras.Model(inputs=inputs, outputs=outputs)",
          cases=(
              Case("input_shape (64, 64, 3): 1,310 parameters", ((64, 64, 3),), public=True),
              Case("input_shape (60, 60, 1): 'same' pooling rounds 60 / 8 up to 8", ((60, 60, 1),), public=True),
              Case("input_shape (32, 32, 3)", ((32, 32, 3),)),
              Case("input_shape (100, 80, 3)", ((100, 80, 3),)),
              Case("input_shape (28, 28, 1)", ((28, 28, 1),)),
          ),
          compare=keras_api("Functional", "Functional API: keras.Input, each layer called on the previous "
                                          "output, keras.Model(inputs, outputs)")),
]
