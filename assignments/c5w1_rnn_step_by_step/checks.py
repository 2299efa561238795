"""Checks of assignment C5W1 (recurrent networks step by step, in NumPy: the RNN cell and its forward
pass, the LSTM cell and its forward pass, the GRU cell, and the RNN cell's backward pass).
Expected outputs: expected/*.npz.

The course's layout is column-major: an input sequence x is (n_x, m, T_x), the hidden states a are
(n_a, m, T_x), the predictions (n_y, m, T_x). Keras is batch-major, (m, T_x, n), and its weights act on
row vectors: the grader transposes both ways. Every exercise is compared, here in the grader's process,
with Keras layers given the same weights, in float64:
- rnn_cell_forward and rnn_forward with keras.layers.SimpleRNN (kernel Wax.T, recurrent_kernel Waa.T,
  bias ba.ravel(), initial state a_prev.T), the predictions with Dense(n_y, softmax) (kernel Wya.T);
- lstm_cell_forward and lstm_forward with keras.layers.LSTM: the course's W_g (n_a, n_a + n_x) acts on
  [a_prev; x] (a_prev first), so Keras's kernel holds W_g[:, n_a:].T and its recurrent kernel
  W_g[:, :n_a].T, in Keras's gate order i, f, c, o; the cell state of every step of lstm_forward is
  the final state of LSTM(return_state=True) run on the sequence's first t steps (c0 = 0);
- gru_cell_forward with keras.layers.GRU(reset_after=False). The course's update gate u multiplies the
  candidate, h = u * h_tilde + (1 - u) * h_prev; Keras's z multiplies the old state,
  h = z * h_prev + (1 - z) * h_tilde, so z = 1 - u, which Keras computes when its z-block holds -Wu
  and -bu (sigmoid(-v) = 1 - sigmoid(v)). Keras's gate order is z, r, h;
- rnn_cell_backward with the gradients tf.GradientTape takes of sum(a_next * da_next) through
  a_next = tanh(Wax xt + Waa a_prev + ba) (TensorFlow ops).
Values within 1e-7 (absolute and relative). Caches are not compared (a learner may lay them out in
another reasonable way); rnn_cell_backward is given a cache in the notebook's layout, made here.

Known mistakes named in the feedback: a softmax over the examples (axis 1) or over the whole array
(the course's softmax is over axis 0, one distribution per column); no tanh on the hidden state; the
prediction made from a_prev; a_prev never updated in the loop, or a state stored one step late;
[xt; a_prev] instead of [a_prev; xt] (LSTM, GRU); no tanh on the cell state before the output gate;
the input and forget gates swapped; the cell state started at a0, or not carried between steps;
Keras's GRU convention (z keeps the old state) in place of the course's; the reset gate applied after
the matrix product (Keras's reset_after=True), or not at all; the 1 - tanh^2 factor missing from the
backward pass, or taken as 1 - tanh(a_next)^2; dWax, dWaa, dba divided by m.

Grading time (`python -m grader grade`, on the shared 2-core machine at load 5.3-6.9): the solution,
14/14, in 33-43 s wall, 26.9 s of it executing the notebook (TensorFlow's import, no training; the
comparisons with Keras take well under a second); the untouched student notebook, 0/14, in 17 s.
"""
import numpy as np

from grader.checks import Case, Check, agrees_with, array_of_shape, import_keras, import_tf, n_parts

rng = np.random.default_rng(5101)

TOLERANCE = 1e-7
MISTAKE_ATOL = 1e-7


# ---------------------------------------------------------------- NumPy pieces (for the known mistakes)
def softmax0(z):
    """The course's softmax: one distribution per column (over axis 0)."""
    e = np.exp(z - np.max(z, axis=0, keepdims=True))
    return e / np.sum(e, axis=0, keepdims=True)


def _softmax_axis1(z):
    e = np.exp(z - np.max(z, axis=1, keepdims=True))
    return e / np.sum(e, axis=1, keepdims=True)


def _softmax_all(z):
    e = np.exp(z - np.max(z))
    return e / np.sum(e)


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


# ---------------------------------------------------------------- Keras and TensorFlow twins (float64)
def _batch_major(x):
    """(n_x, m, T_x) -> (m, T_x, n_x)."""
    return np.transpose(x, (1, 2, 0))


def _column_major(y):
    """(m, T_x, n) -> (n, m, T_x)."""
    return np.transpose(np.asarray(y), (2, 0, 1))


def keras_softmax_output(Wy, by, a):
    """Dense(n_y, softmax) with kernel Wy.T on a (n_a, m, T_x) or (n_a, m): the predictions, column-major."""
    keras = import_keras()
    layer = keras.layers.Dense(Wy.shape[0], activation="softmax", dtype="float64")
    layer.build((None, Wy.shape[1]))
    layer.set_weights([Wy.T, np.ravel(by)])
    if a.ndim == 2:
        return np.asarray(layer(a.T)).T
    return _column_major(layer(_batch_major(a)))


def keras_simple_rnn(x, a0, p):
    """keras.layers.SimpleRNN with the course's weights: the hidden states (n_a, m, T_x)."""
    keras = import_keras()
    n_a = p["Waa"].shape[0]
    layer = keras.layers.SimpleRNN(n_a, return_sequences=True, dtype="float64")
    layer.build((None, x.shape[2], x.shape[0]))
    layer.set_weights([p["Wax"].T, p["Waa"].T, np.ravel(p["ba"])])
    return _column_major(layer(_batch_major(x), initial_state=[a0.T]))


GATES_LSTM = ("i", "f", "c", "o")   # Keras's order of the LSTM's blocks


def keras_lstm_weights(p):
    """The course's LSTM parameters as Keras's [kernel (n_x, 4 n_a), recurrent_kernel (n_a, 4 n_a), bias (4 n_a,)]."""
    n_a = p["Wf"].shape[0]
    blocks = [p["W" + g] for g in GATES_LSTM]
    return [np.concatenate([W[:, n_a:].T for W in blocks], axis=1),
            np.concatenate([W[:, :n_a].T for W in blocks], axis=1),
            np.concatenate([np.ravel(p["b" + g]) for g in GATES_LSTM])]


def keras_lstm(x, a0, c0, p):
    """keras.layers.LSTM with the course's weights on x (n_x, m, T): (a (n_a, m, T), c_T (n_a, m))."""
    keras = import_keras()
    n_a = p["Wf"].shape[0]
    layer = keras.layers.LSTM(n_a, return_sequences=True, return_state=True, dtype="float64")
    layer.build((None, x.shape[2], x.shape[0]))
    layer.set_weights(keras_lstm_weights(p))
    a, _, c = layer(_batch_major(x), initial_state=[a0.T, c0.T])
    return _column_major(a), np.asarray(c).T


def keras_gru_weights(p):
    """The course's GRU (update gate u on the candidate) as Keras's reset_after=False GRU, blocks z, r, h with
    z = 1 - u: the z-block holds -Wu and -bu."""
    n_a = p["Wu"].shape[0]
    blocks = [-p["Wu"], p["Wr"], p["Wh"]]
    return [np.concatenate([W[:, n_a:].T for W in blocks], axis=1),
            np.concatenate([W[:, :n_a].T for W in blocks], axis=1),
            np.concatenate([-np.ravel(p["bu"]), np.ravel(p["br"]), np.ravel(p["bh"])])]


def keras_gru(x, h0, p):
    """keras.layers.GRU(reset_after=False) with the course's weights on x (n_x, m, T): h (n_a, m, T)."""
    keras = import_keras()
    n_a = p["Wu"].shape[0]
    layer = keras.layers.GRU(n_a, return_sequences=True, reset_after=False, dtype="float64")
    layer.build((None, x.shape[2], x.shape[0]))
    layer.set_weights(keras_gru_weights(p))
    return _column_major(layer(_batch_major(x), initial_state=[h0.T]))


def tf_rnn_cell_gradients(da_next, xt, a_prev, p):
    """{dxt, da_prev, dWax, dWaa, dba} of sum(a_next * da_next), a_next = tanh(Wax xt + Waa a_prev + ba)."""
    tf = import_tf()
    names = ("xt", "a_prev", "Wax", "Waa", "ba")
    variables = [tf.Variable(v) for v in (xt, a_prev, p["Wax"], p["Waa"], p["ba"])]
    x_v, a_v, Wax, Waa, ba = variables
    with tf.GradientTape() as tape:
        a_next = tf.tanh(tf.matmul(Wax, x_v) + tf.matmul(Waa, a_v) + ba)
        loss = tf.reduce_sum(a_next * da_next)
    return {"d" + name: g.numpy() for name, g in zip(names, tape.gradient(loss, variables))}


# ---------------------------------------------------------------- helpers
def named_mistake(got_parts, mistakes, case):
    """The message of the first known mistake whose outputs equal `got_parts` (a tuple of arrays), else None.
    Each mistake is (message, value(case) -> tuple of arrays like got_parts)."""
    for message, value in mistakes:
        try:
            wrong = value(case)
            if all(np.shape(g) == np.shape(w) and np.allclose(np.asarray(g, dtype=np.float64), w, atol=MISTAKE_ATOL,
                                                                rtol=0)
                   for g, w in zip(got_parts, wrong)):
                return message
        except Exception:   # a mistake that cannot be computed for this case is not this learner's
            continue
    return None


def judged(parts, wants, twins, names, mistakes, case):
    """Shapes first, then values against the library twins; a named known mistake wins over the plain message."""
    for got, want, twin, name in zip(parts, wants, twins, names):
        message = array_of_shape(got, want.shape, name)
        if message:
            return message
    for got, want, twin, name in zip(parts, wants, twins, names):
        message = agrees_with(got, want, twin, TOLERANCE, TOLERANCE, name)
        if message:
            return named_mistake(parts, mistakes, case) or message
    return None


def _params(shapes, scale=0.6):
    return {name: scale * rng.standard_normal(shape) for name, shape in shapes.items()}


SOFTMAX_AXIS1 = ("yt_pred's columns do not each add up to 1: the softmax ran over axis 1 (the examples); the "
                 "course's softmax is over axis 0, one distribution over the n_y classes per example (column): "
                 "use the notebook's softmax(z)")
SOFTMAX_ALL = ("yt_pred adds up to 1 over the whole array: the softmax ran over every entry at once (e.g. "
               "scipy.special.softmax without an axis); it is over axis 0, one distribution per example (column): "
               "use the notebook's softmax(z)")


# ---------------------------------------------------------------- rnn_cell_forward
def _rnn_params(n_x, n_a, n_y):
    return _params({"Wax": (n_a, n_x), "Waa": (n_a, n_a), "Wya": (n_y, n_a), "ba": (n_a, 1), "by": (n_y, 1)})


def _rnn_cell_case(n_x, n_a, n_y, m):
    return rng.standard_normal((n_x, m)), rng.standard_normal((n_a, m)), _rnn_params(n_x, n_a, n_y)


def _rnn_cell_mistake(a_of, y_of=softmax0, from_prev=False):
    def value(case):
        xt, a_prev, p = case.args
        a_next = a_of(p["Wax"] @ xt + p["Waa"] @ a_prev + p["ba"])
        return a_next, y_of(p["Wya"] @ (a_prev if from_prev else a_next) + p["by"])
    return value


RNN_CELL_MISTAKES = (
    (SOFTMAX_AXIS1, _rnn_cell_mistake(np.tanh, _softmax_axis1)),
    (SOFTMAX_ALL, _rnn_cell_mistake(np.tanh, _softmax_all)),
    ("a_next has no tanh: a_next = np.tanh(Wax @ xt + Waa @ a_prev + ba)", _rnn_cell_mistake(lambda z: z)),
    ("yt_pred was computed from a_prev: the prediction of step t reads the new state, "
     "softmax(Wya @ a_next + by)", _rnn_cell_mistake(np.tanh, from_prev=True)),
)


def rnn_cell_like_keras(expected, got, case):
    xt, a_prev, p = case.args
    message = n_parts(got, 3, "the result (a_next, yt_pred, cache)")
    if message:
        return message
    a_next = keras_simple_rnn(xt[:, :, None], a_prev, p)[:, :, 0]
    yt = keras_softmax_output(p["Wya"], p["by"], a_next)
    return judged(got[:2], (a_next, yt), ("keras.layers.SimpleRNN", "Dense(n_y, activation=\"softmax\")"),
                  ("a_next", "yt_pred"), RNN_CELL_MISTAKES, case)


RNN_CELL_CASES = (
    Case("n_x 3, n_a 5, n_y 2, m 10", _rnn_cell_case(3, 5, 2, 10), public=True),
    Case("n_x 4, n_a 4, n_y 3, m 1: one example, n_a = n_x", _rnn_cell_case(4, 4, 3, 1), public=True),
    Case("n_x 7, n_a 2, n_y 5, m 6", _rnn_cell_case(7, 2, 5, 6)),
    Case("n_x 1, n_a 6, n_y 4, m 3", _rnn_cell_case(1, 6, 4, 3)),
    Case("n_x 5, n_a 8, n_y 2, m 9", _rnn_cell_case(5, 8, 2, 9)),
)


# ---------------------------------------------------------------- rnn_forward
def _rnn_case(n_x, n_a, n_y, m, T):
    return rng.standard_normal((n_x, m, T)), rng.standard_normal((n_a, m)), _rnn_params(n_x, n_a, n_y)


def _rnn_forward_numpy(x, a0, p, update=True, late=False):
    n_a, (_, m, T) = a0.shape[0], x.shape
    a, y = np.zeros((n_a, m, T)), np.zeros((p["Wya"].shape[0], m, T))
    a_prev = a0
    for t in range(T):
        a_next = np.tanh(p["Wax"] @ x[:, :, t] + p["Waa"] @ a_prev + p["ba"])
        a[:, :, t] = a_prev if late else a_next
        y[:, :, t] = softmax0(p["Wya"] @ a_next + p["by"])
        if update:
            a_prev = a_next
    return a, y


RNN_FORWARD_MISTAKES = (
    ("every step started from a0: a_prev never changes in the loop; pass the state the previous step returned, "
     "a_next, rnn_cell_forward(x[:, :, t], a_next, parameters)",
     lambda case: _rnn_forward_numpy(*case.args, update=False)),
    ("a holds each step's a_prev, one step late: a[:, :, t] is the state rnn_cell_forward returns at step t, "
     "a_next", lambda case: _rnn_forward_numpy(*case.args, late=True)),
)


def rnn_forward_like_keras(expected, got, case):
    x, a0, p = case.args
    message = n_parts(got, 3, "the result (a, y_pred, caches)")
    if message:
        return message
    a = keras_simple_rnn(x, a0, p)
    y = keras_softmax_output(p["Wya"], p["by"], a)
    return judged(got[:2], (a, y), ("keras.layers.SimpleRNN(return_sequences=True)",
                                    "Dense(n_y, activation=\"softmax\") at every step"),
                  ("a", "y_pred"), RNN_FORWARD_MISTAKES, case)


RNN_FORWARD_CASES = (
    Case("n_x 3, n_a 5, n_y 2, m 10, T_x 4", _rnn_case(3, 5, 2, 10, 4), public=True),
    Case("T_x 1: one step, m 3", _rnn_case(2, 3, 2, 3, 1), public=True),
    Case("n_x 6, n_a 4, n_y 3, m 2, T_x 7", _rnn_case(6, 4, 3, 2, 7)),
    Case("n_x 1, n_a 5, n_y 4, m 5, T_x 6", _rnn_case(1, 5, 4, 5, 6)),
    Case("n_x 4, n_a 4, n_y 2, m 1, T_x 5: one example", _rnn_case(4, 4, 2, 1, 5)),
)


# ---------------------------------------------------------------- lstm_cell_forward
def _lstm_params(n_x, n_a, n_y):
    shapes = {}
    for g in ("f", "i", "c", "o"):
        shapes["W" + g], shapes["b" + g] = (n_a, n_a + n_x), (n_a, 1)
    shapes["Wy"], shapes["by"] = (n_y, n_a), (n_y, 1)
    return _params(shapes)


def _lstm_cell_case(n_x, n_a, n_y, m):
    return (rng.standard_normal((n_x, m)), rng.standard_normal((n_a, m)), rng.standard_normal((n_a, m)),
            _lstm_params(n_x, n_a, n_y))


def _lstm_cell_numpy(xt, a_prev, c_prev, p, x_first=False, no_tanh=False, swap_if=False, y_of=softmax0):
    concat = np.concatenate([xt, a_prev] if x_first else [a_prev, xt], axis=0)
    ft = sigmoid(p["Wf"] @ concat + p["bf"])
    it = sigmoid(p["Wi"] @ concat + p["bi"])
    cct = np.tanh(p["Wc"] @ concat + p["bc"])
    ot = sigmoid(p["Wo"] @ concat + p["bo"])
    c_next = it * c_prev + ft * cct if swap_if else ft * c_prev + it * cct
    a_next = ot * (c_next if no_tanh else np.tanh(c_next))
    return a_next, c_next, y_of(p["Wy"] @ a_next + p["by"])


CONCAT_ORDER = ("you stacked [xt; a_prev]: the course's weights act on [a_prev; xt], a_prev first "
                "(np.concatenate([a_prev, xt], axis=0)); the first n_a columns of each W multiply a_prev")
LSTM_CELL_MISTAKES = (
    (CONCAT_ORDER, lambda case: _lstm_cell_numpy(*case.args, x_first=True)),
    ("a_next has no tanh on the cell state: a_next = ot * np.tanh(c_next), the output gate times the squashed "
     "memory", lambda case: _lstm_cell_numpy(*case.args, no_tanh=True)),
    ("the input and forget gates are swapped: the forget gate keeps the old memory, the input gate lets in the "
     "candidate, c_next = ft * c_prev + it * cct", lambda case: _lstm_cell_numpy(*case.args, swap_if=True)),
    (SOFTMAX_AXIS1, lambda case: _lstm_cell_numpy(*case.args, y_of=_softmax_axis1)),
    (SOFTMAX_ALL, lambda case: _lstm_cell_numpy(*case.args, y_of=_softmax_all)),
)


def lstm_cell_like_keras(expected, got, case):
    xt, a_prev, c_prev, p = case.args
    message = n_parts(got, 4, "the result (a_next, c_next, yt_pred, cache)")
    if message:
        return message
    a, c = keras_lstm(xt[:, :, None], a_prev, c_prev, p)
    a_next = a[:, :, 0]
    yt = keras_softmax_output(p["Wy"], p["by"], a_next)
    return judged(got[:3], (a_next, c, yt), ("keras.layers.LSTM (gates i, f, c, o)",) * 2
                  + ("Dense(n_y, activation=\"softmax\")",), ("a_next", "c_next", "yt_pred"), LSTM_CELL_MISTAKES, case)


LSTM_CELL_CASES = (
    Case("n_x 3, n_a 5, n_y 2, m 10", _lstm_cell_case(3, 5, 2, 10), public=True),
    Case("n_x 4, n_a 4, n_y 3, m 1: one example, n_a = n_x", _lstm_cell_case(4, 4, 3, 1), public=True),
    Case("n_x 6, n_a 2, n_y 4, m 5", _lstm_cell_case(6, 2, 4, 5)),
    Case("n_x 1, n_a 7, n_y 3, m 4", _lstm_cell_case(1, 7, 3, 4)),
    Case("n_x 5, n_a 3, n_y 6, m 8", _lstm_cell_case(5, 3, 6, 8)),
)


# ---------------------------------------------------------------- lstm_forward
def _lstm_case(n_x, n_a, n_y, m, T):
    return rng.standard_normal((n_x, m, T)), rng.standard_normal((n_a, m)), _lstm_params(n_x, n_a, n_y)


def _lstm_forward_numpy(x, a0, p, c_start_a0=False, carry_c=True):
    n_a, (_, m, T) = a0.shape[0], x.shape
    a, c, y = np.zeros((n_a, m, T)), np.zeros((n_a, m, T)), np.zeros((p["Wy"].shape[0], m, T))
    a_next, c_next = a0, (a0 if c_start_a0 else np.zeros_like(a0))
    for t in range(T):
        a_next, c_new, y[:, :, t] = _lstm_cell_numpy(x[:, :, t], a_next, c_next if carry_c else np.zeros_like(a0), p)
        a[:, :, t], c[:, :, t], c_next = a_next, c_new, c_new
    return a, y, c


LSTM_FORWARD_MISTAKES = (
    ("the cell state started at a0: c0 is zeros, c_next = np.zeros_like(a0); only the hidden state starts at a0",
     lambda case: _lstm_forward_numpy(*case.args, c_start_a0=True)),
    ("the cell state is not carried from one step to the next: pass the c_next the previous step returned",
     lambda case: _lstm_forward_numpy(*case.args, carry_c=False)),
)


def lstm_forward_like_keras(expected, got, case):
    x, a0, p = case.args
    message = n_parts(got, 4, "the result (a, y, c, caches)")
    if message:
        return message
    zeros = np.zeros_like(a0)
    a, _ = keras_lstm(x, a0, zeros, p)
    c = np.stack([keras_lstm(x[:, :, :t + 1], a0, zeros, p)[1] for t in range(x.shape[2])], axis=-1)
    y = keras_softmax_output(p["Wy"], p["by"], a)
    twin = "keras.layers.LSTM(return_sequences=True) (gates i, f, c, o)"
    return judged(got[:3], (a, y, c), (twin, "Dense(n_y, activation=\"softmax\") at every step",
                                       "keras.layers.LSTM(return_state=True)'s cell state after each step"),
                  ("a", "y", "c"), LSTM_FORWARD_MISTAKES, case)


LSTM_FORWARD_CASES = (
    Case("n_x 3, n_a 5, n_y 2, m 10, T_x 7", _lstm_case(3, 5, 2, 10, 7), public=True),
    Case("T_x 1: one step, m 2", _lstm_case(2, 3, 2, 2, 1), public=True),
    Case("n_x 5, n_a 2, n_y 3, m 4, T_x 6", _lstm_case(5, 2, 3, 4, 6)),
    Case("n_x 1, n_a 6, n_y 4, m 3, T_x 5", _lstm_case(1, 6, 4, 3, 5)),
    Case("n_x 4, n_a 4, n_y 2, m 1, T_x 8: one example", _lstm_case(4, 4, 2, 1, 8)),
)


# ---------------------------------------------------------------- gru_cell_forward
def _gru_params(n_x, n_a):
    return _params({"Wu": (n_a, n_a + n_x), "bu": (n_a, 1), "Wr": (n_a, n_a + n_x), "br": (n_a, 1),
                    "Wh": (n_a, n_a + n_x), "bh": (n_a, 1)})


def _gru_cell_case(n_x, n_a, m):
    return rng.standard_normal((n_x, m)), rng.standard_normal((n_a, m)), _gru_params(n_x, n_a)


def _gru_cell_numpy(xt, h_prev, p, keras_gates=False, x_first=False, reset="before"):
    n_a = h_prev.shape[0]
    stack = (lambda h: np.concatenate([xt, h], axis=0)) if x_first else (lambda h: np.concatenate([h, xt], axis=0))
    u = sigmoid(p["Wu"] @ stack(h_prev) + p["bu"])
    r = sigmoid(p["Wr"] @ stack(h_prev) + p["br"])
    if reset == "before":
        h_tilde = np.tanh(p["Wh"] @ stack(r * h_prev) + p["bh"])
    elif reset == "after":
        h_tilde = np.tanh(r * (p["Wh"][:, :n_a] @ h_prev) + p["Wh"][:, n_a:] @ xt + p["bh"])
    else:
        h_tilde = np.tanh(p["Wh"] @ stack(h_prev) + p["bh"])
    h_next = u * h_prev + (1 - u) * h_tilde if keras_gates else u * h_tilde + (1 - u) * h_prev
    return (h_next,)


GRU_CELL_MISTAKES = (
    ("the update gate is the wrong way round: in this course u = 1 takes the new candidate, h_next = u * h_tilde + "
     "(1 - u) * h_prev; you wrote Keras's convention, where its gate z = 1 - u keeps the old state",
     lambda case: _gru_cell_numpy(*case.args, keras_gates=True)),
    (CONCAT_ORDER.replace("a_prev", "h_prev"), lambda case: _gru_cell_numpy(*case.args, x_first=True)),
    ("the reset gate multiplied Wh's product with h_prev (Keras's reset_after=True): here it resets the old state "
     "before the product, h_tilde = tanh(Wh @ [r * h_prev; xt] + bh)",
     lambda case: _gru_cell_numpy(*case.args, reset="after")),
    ("h_tilde ignores the reset gate: it reads [r * h_prev; xt], not [h_prev; xt]",
     lambda case: _gru_cell_numpy(*case.args, reset="none")),
)


def gru_cell_like_keras(expected, got, case):
    xt, h_prev, p = case.args
    message = n_parts(got, 2, "the result (h_next, cache)")
    if message:
        return message
    h_next = keras_gru(xt[:, :, None], h_prev, p)[:, :, 0]
    return judged(got[:1], (h_next,), ("keras.layers.GRU(reset_after=False) with z = 1 - u",), ("h_next",),
                  GRU_CELL_MISTAKES, case)


GRU_CELL_CASES = (
    Case("n_x 3, n_a 5, m 10", _gru_cell_case(3, 5, 10), public=True),
    Case("n_x 4, n_a 4, m 1: one example, n_a = n_x", _gru_cell_case(4, 4, 1), public=True),
    Case("n_x 6, n_a 2, m 5", _gru_cell_case(6, 2, 5)),
    Case("n_x 1, n_a 7, m 3", _gru_cell_case(1, 7, 3)),
    Case("n_x 8, n_a 3, m 6", _gru_cell_case(8, 3, 6)),
)


# ---------------------------------------------------------------- rnn_cell_backward
GRADIENT_NAMES = ("dxt", "da_prev", "dWax", "dWaa", "dba")


def _rnn_backward_case(n_x, n_a, n_y, m):
    xt, a_prev, p = _rnn_cell_case(n_x, n_a, n_y, m)
    a_next = np.tanh(p["Wax"] @ xt + p["Waa"] @ a_prev + p["ba"])
    return rng.standard_normal((n_a, m)), (a_next, a_prev, xt, p)


def _rnn_backward_numpy(da_next, cache, dtanh_of=lambda a: 1 - a ** 2, over_m=False):
    a_next, a_prev, xt, p = cache
    dz = da_next * dtanh_of(a_next)
    m = xt.shape[1] if over_m else 1
    return (p["Wax"].T @ dz, p["Waa"].T @ dz, dz @ xt.T / m, dz @ a_prev.T / m,
            np.sum(dz, axis=1, keepdims=True) / m)


RNN_BACKWARD_MISTAKES = (
    ("the gradients miss tanh's derivative: a_next = tanh(z), so dz = da_next * (1 - a_next ** 2) before any "
     "product with the weights or the inputs", lambda case: _rnn_backward_numpy(*case.args, dtanh_of=np.ones_like)),
    ("the derivative of tanh is 1 - tanh(z) ** 2 = 1 - a_next ** 2: a_next is already tanh(z), don't take its "
     "tanh again", lambda case: _rnn_backward_numpy(*case.args, dtanh_of=lambda a: 1 - np.tanh(a) ** 2)),
    ("dWax, dWaa and dba are m times too small: you divided them by m (course 1's habit); here da_next is already "
     "the gradient of the cost, so sum the examples' contributions", lambda case: _rnn_backward_numpy(
         *case.args, over_m=True)),
)


def rnn_backward_like_tf(expected, got, case):
    da_next, (a_next, a_prev, xt, p) = case.args
    if not isinstance(got, dict):
        return f"the result should be a dict of gradients with the keys {list(GRADIENT_NAMES)}, got a {type(got).__name__}"
    got = dict(got)
    if "dxt" not in got and "dx" in got:   # the brief name of the input's gradient, accepted too
        got["dxt"] = got["dx"]
    missing = [name for name in GRADIENT_NAMES if name not in got]
    if missing:
        return f"the gradients dict is missing the keys {missing}"
    want = tf_rnn_cell_gradients(da_next, xt, a_prev, p)
    for name in GRADIENT_NAMES:
        message = array_of_shape(got[name], want[name].shape, f"gradients[{name!r}]")
        if message:
            if name == "dba":
                message += ": sum dz over the examples, np.sum(dz, axis=1, keepdims=True)"
            return message
    parts = tuple(got[name] for name in GRADIENT_NAMES)
    return judged(parts, tuple(want[name] for name in GRADIENT_NAMES),
                  ("TensorFlow's gradient (tf.GradientTape)",) * 5, [f"gradients[{n!r}]" for n in GRADIENT_NAMES],
                  RNN_BACKWARD_MISTAKES, case)


RNN_BACKWARD_CASES = (
    Case("n_x 3, n_a 5, m 10", _rnn_backward_case(3, 5, 2, 10), public=True),
    Case("n_x 4, n_a 4, m 1: one example, n_a = n_x", _rnn_backward_case(4, 4, 2, 1), public=True),
    Case("n_x 6, n_a 2, m 7", _rnn_backward_case(6, 2, 3, 7)),
    Case("n_x 1, n_a 6, m 4", _rnn_backward_case(1, 6, 2, 4)),
    Case("n_x 5, n_a 8, m 3", _rnn_backward_case(5, 8, 4, 3)),
)


CHECKS = [
    Check("rnn_cell_forward",
          hint="a_next = np.tanh(Waa @ a_prev + Wax @ xt + ba); yt_pred = softmax(Wya @ a_next + by) with the "
               "notebook's softmax (over axis 0); cache = (a_next, a_prev, xt, parameters); return "
               "(a_next, yt_pred, cache)",
          cases=RNN_CELL_CASES, compare=rnn_cell_like_keras),
    Check("rnn_forward",
          hint="n_x, m, T_x = x.shape; n_y, n_a = parameters[\"Wya\"].shape; a and y_pred start as zeros of (n_a, m, "
               "T_x) and (n_y, m, T_x); a_next = a0; for t in range(T_x): a_next, yt_pred, cache = "
               "rnn_cell_forward(x[:, :, t], a_next, parameters), store a_next in a[:, :, t] and yt_pred in "
               "y_pred[:, :, t], append cache; return (a, y_pred, (caches, x))",
          cases=RNN_FORWARD_CASES, compare=rnn_forward_like_keras),
    Check("lstm_cell_forward",
          hint="concat = np.concatenate([a_prev, xt], axis=0); ft = sigmoid(Wf @ concat + bf), it, ot likewise, "
               "cct = np.tanh(Wc @ concat + bc); c_next = ft * c_prev + it * cct; a_next = ot * np.tanh(c_next); "
               "yt_pred = softmax(Wy @ a_next + by); return (a_next, c_next, yt_pred, cache)",
          cases=LSTM_CELL_CASES, compare=lstm_cell_like_keras),
    Check("lstm_forward",
          hint="a, c, y start as zeros of (n_a, m, T_x), (n_a, m, T_x), (n_y, m, T_x); a_next = a0, c_next = "
               "np.zeros_like(a0); for each t: a_next, c_next, yt, cache = lstm_cell_forward(x[:, :, t], a_next, "
               "c_next, parameters), store a_next, c_next and yt at [:, :, t]; return (a, y, c, (caches, x))",
          cases=LSTM_FORWARD_CASES, compare=lstm_forward_like_keras),
    Check("gru_cell_forward",
          hint="concat = np.concatenate([h_prev, xt], axis=0); u = sigmoid(Wu @ concat + bu); r = sigmoid(Wr @ "
               "concat + br); h_tilde = np.tanh(Wh @ np.concatenate([r * h_prev, xt], axis=0) + bh); h_next = "
               "u * h_tilde + (1 - u) * h_prev; return (h_next, cache)",
          cases=GRU_CELL_CASES, compare=gru_cell_like_keras),
    Check("rnn_cell_backward",
          hint="a_next, a_prev, xt, parameters = cache; dz = da_next * (1 - a_next ** 2); dxt = Wax.T @ dz, "
               "da_prev = Waa.T @ dz, dWax = dz @ xt.T, dWaa = dz @ a_prev.T, dba = np.sum(dz, axis=1, "
               "keepdims=True); return them in a dict with the keys dxt, da_prev, dWax, dWaa, dba",
          cases=RNN_BACKWARD_CASES, compare=rnn_backward_like_tf),
]
