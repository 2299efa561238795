"""Checks of assignment C2W2 (optimisation algorithms). Expected outputs: expected/*.npz.

The optimiser steps and learning-rate schedules are judged against Keras, computed here in the
grader's process on the same inputs, not only against the recorded solution:

- update_parameters_with_momentum vs keras.optimizers.SGD(momentum=beta). The two write momentum
  differently. The course averages the gradients, v = beta v + (1 - beta) dW, W = W - alpha v;
  Keras accumulates scaled steps, m = beta m - lr g, W = W + m. With lr = alpha (1 - beta) and
  m = -alpha v the two are the same recursion (multiply the course's by -alpha), so the check
  runs Keras with those settings, starting from m = -alpha v, and reads the course's v back as
  -m / alpha. Measured difference from the reference solution on the cases below: under 1e-16.
- update_parameters_with_adam vs keras.optimizers.Adam. Keras adds epsilon to sqrt(s) before the
  bias correction ("epsilon hat"): its step is alpha v_hat / (sqrt(s_hat) + epsilon / sqrt(1 - beta2^t)).
  Given epsilon * sqrt(1 - beta2^t) instead, Keras takes exactly the course's step, so the check
  does that (measured difference from the reference solution on the cases below: under 1e-16).
  Given the course's epsilon itself, Keras's parameters differ from the course's by up to
  1.9e-7 on these cases (measured with keras_adam(..., epsilon_hat=True)): within the 1e-4 the
  curriculum allows, but the exact form permits a tolerance of 1e-10 + 1e-7 |value|, tight
  enough to tell apart every mistake below. Keras keeps the raw averages in its state, so the
  returned v and s are compared with them: writing the bias-corrected values back into v (an
  error in the course notes) fails.
  Keras runs in float64 here: variables of dtype float64, and the learning rate, betas and
  epsilon given as NumPy float64 (Keras casts a Python float through float32, which alone moves
  Adam's step by about 7e-6 of itself).
- update_lr vs keras.optimizers.schedules.InverseTimeDecay(decay_steps=1, staircase=False) and
  schedule_lr_decay vs InverseTimeDecay(decay_steps=time_interval, staircase=True), with the
  epoch as the step.

random_mini_batches is judged on what it returns: sizes, that the mini-batches partition the
columns, that X and Y columns stay paired, and that the order is the one
np.random.default_rng(seed).permutation(m) gives (so the same seed gives the same mini-batches).

model (the training loop) calls every other exercise. So that a mistake costs points in one
exercise only, its cases train with plain gradient descent (compared with the reference within
1e-8) and with momentum and a staircase schedule (judged by accuracy on the moons the case carries
as its reference: the training moons, or moons drawn here that the kernel never sees); the Adam
cases check only that training runs and returns finite, updated parameters, since a wrong Adam
step (the v overwrite above) wrecks the network that Adam trains, and that mistake belongs to
update_parameters_with_adam's points.

random_mini_batches names the legacy np.random.seed/permutation stream, computed here from each
case's arguments.
"""

import numpy as np

from grader.checks import Case, Check, KnownMistake, close, dict_of_arrays, import_keras, n_parts, one_number, within
from lessons.data import make_planar

rng = np.random.default_rng(2202)

HELD_OUT_SEED = 12          # the moons model is judged on; the notebook trains on random_state=3
HELD_OUT_SIZE = 1000
MIN_ACCURACY = 0.90         # the reference reaches 0.947 (training) and 0.959 (held out)


# ---------------------------------------------------------------- helpers (grader side)
def _network(layers_dims, scale=1.0):
    """Random parameters, gradients and a matching state, keyed as in the course."""
    parameters, grads = {}, {}
    for l in range(1, len(layers_dims)):
        shape_W, shape_b = (layers_dims[l], layers_dims[l - 1]), (layers_dims[l], 1)
        parameters[f"W{l}"] = rng.standard_normal(shape_W) * scale
        parameters[f"b{l}"] = rng.standard_normal(shape_b) * 0.1
        grads[f"dW{l}"] = rng.standard_normal(shape_W) * 0.1
        grads[f"db{l}"] = rng.standard_normal(shape_b) * 0.1
    return parameters, grads


def _like(grads, scale, positive=False):
    """A state dict (v or s) with the gradients' keys and shapes."""
    return {k: (np.abs(rng.standard_normal(g.shape)) if positive else rng.standard_normal(g.shape)) * scale
            for k, g in grads.items()}


def _zeros(grads):
    return {k: np.zeros_like(g) for k, g in grads.items()}


def _shapes(reference):
    return {key: np.shape(value) for key, value in reference.items()}


def _difference(got, reference, what):
    """None when every array of `got` is within 1e-10 + 1e-7 |value| of `reference`'s, else the first difference."""
    for key in reference:
        message = within(got[key], reference[key], atol=1e-10, rtol=1e-7, what=f"{what}[{key!r}]")
        if message:
            return message
    return None


def _matches(got, reference):
    return _difference(got, reference, "") is None


# ---------------------------------------------------------------- random_mini_batches
def same_mini_batches(expected, got, case):
    X, Y, size, seed = case.args
    m = X.shape[1]
    if not isinstance(got, (list, tuple)):
        return f"return a list of (mini_batch_X, mini_batch_Y) pairs, got a {type(got).__name__}"
    n_batches = -(-m // size)
    expected_count = (f"expected {n_batches} mini-batch{'es' if n_batches > 1 else ''} for m = {m} and "
                      f"mini_batch_size = {size}")
    if len(got) != n_batches:
        if m % size and len(got) == m // size:
            return (f"{expected_count}, got {len(got)}: the last, smaller mini-batch with the {m % size} "
                    f"remaining examples is missing")
        if len(got) == n_batches + 1 and m % size == 0:
            return (f"{expected_count}, got {len(got)}: when m is a multiple of the size there is no extra, "
                    f"empty mini-batch")
        return f"{expected_count}, got {len(got)}"
    columns = {X[:, j].tobytes(): j for j in range(m)}
    order = []
    for i, pair in enumerate(got):
        if not isinstance(pair, (list, tuple)) or len(pair) != 2:
            return f"mini-batch {i} should be a pair (mini_batch_X, mini_batch_Y)"
        bx, by = (np.asarray(a) for a in pair)
        width = size if i < n_batches - 1 else m - size * (n_batches - 1)
        if bx.shape != (X.shape[0], width) or by.shape != (Y.shape[0], width):
            return (f"mini-batch {i} should hold X of shape {(X.shape[0], width)} and Y of shape "
                    f"{(Y.shape[0], width)}, got {bx.shape} and {by.shape}")
        if bx.dtype != X.dtype:
            return f"mini-batch {i}: keep X's values and dtype ({X.dtype}), got {bx.dtype}"
        indices = [columns.get(np.ascontiguousarray(bx[:, j]).tobytes()) for j in range(width)]
        if None in indices:
            return f"mini-batch {i} holds a column that is not a column of X: take whole columns, X[:, permutation]"
        if not np.array_equal(by, Y[:, indices]):
            return (f"in mini-batch {i} the Y columns no longer belong to the X columns beside them: "
                    f"shuffle X and Y with the same permutation")
        order.extend(indices)
    if sorted(order) != list(range(m)):
        repeated = len(order) - len(set(order))
        return (f"the mini-batches do not partition the data: {repeated} example(s) appear more than once "
                f"and {m - len(set(order))} never; each column of X must be in exactly one mini-batch")
    if order == list(range(m)):
        return "the examples are in their original order: shuffle them first"
    if order != list(np.random.default_rng(seed).permutation(m)):
        return (f"the shuffle differs from np.random.default_rng(seed).permutation(m) with seed = {seed}: "
                f"use that permutation, so that the same seed always gives the same mini-batches")
    return None


def _legacy_mini_batches(case):
    """What the classic course's np.random.seed(seed); np.random.permutation(m) gives (never the global state)."""
    X, Y, size, seed = case.args
    permutation = np.random.RandomState(seed).permutation(X.shape[1])
    return [(X[:, permutation[start:start + size]], Y[:, permutation[start:start + size]])
            for start in range(0, X.shape[1], size)]


LEGACY_SHUFFLE = KnownMistake(
    "these are the mini-batches of the legacy np.random.seed/permutation stream: shuffle with the "
    "`np.random.default_rng(seed).permutation(m)` this notebook asks for", _legacy_mini_batches)


def _indexed_columns(n_x, m, n_y=1, labels=True):
    """X whose columns are all different (random values), and Y (0/1 labels, or random values)."""
    X = rng.standard_normal((n_x, m))
    Y = (rng.random((n_y, m)) > 0.5).astype(np.float64) if labels else rng.standard_normal((n_y, m))
    return X, Y


# ---------------------------------------------------------------- momentum
def keras_momentum(parameters, grads, v, beta, learning_rate):
    """One step of keras.optimizers.SGD(learning_rate * (1 - beta), momentum=beta) from
    m = -learning_rate * v; returns the course's (parameters, v)."""
    keras = import_keras()
    names = list(parameters)
    variables = [keras.Variable(parameters[k], dtype="float64", name=k) for k in names]
    optimizer = keras.optimizers.SGD(learning_rate=lambda: np.float64(learning_rate * (1 - beta)),
                                     momentum=np.float64(beta))
    optimizer.build(variables)
    for k, m in zip(names, optimizer.momentums):
        m.assign(-learning_rate * v["d" + k])
    optimizer.apply_gradients([(keras.ops.convert_to_tensor(grads["d" + k]), var) for k, var in zip(names, variables)])
    new_parameters = {k: var.numpy() for k, var in zip(names, variables)}
    new_v = {"d" + k: -m.numpy() / learning_rate for k, m in zip(names, optimizer.momentums)}
    return new_parameters, new_v


def momentum_step(expected, got, case):
    parameters, grads, v, beta, learning_rate = case.args
    message = n_parts(got, 2, "the result (parameters, v)")
    if message:
        return message
    got_parameters, got_v = got
    want_parameters, want_v = keras_momentum(parameters, grads, v, beta, learning_rate)
    message = (dict_of_arrays(got_parameters, _shapes(want_parameters), "parameters")
               or dict_of_arrays(got_v, _shapes(want_v), "v"))
    if message:
        return message
    if not _matches(got_v, want_v):
        mistakes = {
            "beta * v + dW, without the factor (1 - beta): that is Keras's form of momentum, not the "
            "course's average": {k: beta * v[k] + grads[k] for k in v},
            "(1 - beta) * v + beta * dW: beta and (1 - beta) are swapped": {k: (1 - beta) * v[k] + beta * grads[k]
                                                                           for k in v},
            "the v you were given: store the new averages in v": v,
        }
        for description, wrong in mistakes.items():
            if _matches(got_v, wrong):
                return f"the new v is {description}"
        return _difference(got_v, want_v, "v")
    if not _matches(got_parameters, want_parameters):
        stepped_with_gradient = {k: parameters[k] - learning_rate * grads["d" + k] for k in parameters}
        if _matches(got_parameters, stepped_with_gradient):
            return "the parameters took a plain gradient step (W - learning_rate * dW): step with the new v instead"
        return _difference(got_parameters, want_parameters, "parameters")
    return None


# ---------------------------------------------------------------- Adam
def keras_adam(parameters, grads, v, s, t, learning_rate, beta1, beta2, epsilon, epsilon_hat=False):
    """One step of keras.optimizers.Adam from the state (v, s) at step t; returns the course's
    (parameters, v, s, v_corrected, s_corrected). Keras's epsilon is set so that its step is the
    course's, unless epsilon_hat (then it gets the course's epsilon, as a learner would pass it)."""
    keras = import_keras()
    names = list(parameters)
    variables = [keras.Variable(parameters[k], dtype="float64", name=k) for k in names]
    keras_epsilon = epsilon if epsilon_hat else epsilon * np.sqrt(1 - beta2 ** t)
    optimizer = keras.optimizers.Adam(learning_rate=lambda: np.float64(learning_rate), beta_1=np.float64(beta1),
                                      beta_2=np.float64(beta2), epsilon=np.float64(keras_epsilon))
    optimizer.build(variables)
    for k, m, velocity in zip(names, optimizer._momentums, optimizer._velocities):
        m.assign(v["d" + k])
        velocity.assign(s["d" + k])
    optimizer.iterations.assign(t - 1)  # Keras's step t is iterations + 1
    optimizer.apply_gradients([(keras.ops.convert_to_tensor(grads["d" + k]), var) for k, var in zip(names, variables)])
    new_parameters = {k: var.numpy() for k, var in zip(names, variables)}
    new_v = {"d" + k: m.numpy() for k, m in zip(names, optimizer._momentums)}
    new_s = {"d" + k: velocity.numpy() for k, velocity in zip(names, optimizer._velocities)}
    v_corrected = {k: value / (1 - beta1 ** t) for k, value in new_v.items()}
    s_corrected = {k: value / (1 - beta2 ** t) for k, value in new_s.items()}
    return new_parameters, new_v, new_s, v_corrected, s_corrected


ADAM_PARTS = ("parameters", "v", "s", "v_corrected", "s_corrected")


def adam_step(expected, got, case):
    parameters, grads, v, s, t, learning_rate, beta1, beta2, epsilon = case.args
    message = n_parts(got, len(ADAM_PARTS), f"the result ({', '.join(ADAM_PARTS)})")
    if message:
        return message
    want = keras_adam(*case.args)
    for name, g, w in zip(ADAM_PARTS, got, want):
        message = dict_of_arrays(g, _shapes(w), name)
        if message:
            return message
    got_parameters, got_v, got_s, got_v_corrected, got_s_corrected = got
    _, want_v, want_s, want_v_corrected, want_s_corrected = want
    if not _matches(got_v, want_v):
        if _matches(got_v, want_v_corrected):
            return ("v holds the bias-corrected average v / (1 - beta1^t): keep v the raw average "
                    "and return the corrected one separately, as v_corrected (the course notes get this wrong)")
        return _difference(got_v, want_v, "v")
    if not _matches(got_s, want_s):
        if _matches(got_s, want_s_corrected):
            return ("s holds the bias-corrected average s / (1 - beta2^t): keep s the raw average "
                    "and return the corrected one separately, as s_corrected")
        if _matches(got_s, {k: beta2 * s[k] + (1 - beta2) * grads[k] for k in s}):
            return "s uses the gradient, not its square: s = beta2 * s + (1 - beta2) * dW**2"
        return _difference(got_s, want_s, "s")
    for name, g, w in (("v_corrected", got_v_corrected, want_v_corrected),
                       ("s_corrected", got_s_corrected, want_s_corrected)):
        if not _matches(g, w):
            return _difference(g, w, name) + " (divide by 1 - beta**t, with this step's t)"
    want_parameters = want[0]
    if not _matches(got_parameters, want_parameters):
        uncorrected = {k: parameters[k] - learning_rate * want_v["d" + k] / (np.sqrt(want_s["d" + k]) + epsilon)
                       for k in parameters}
        if _matches(got_parameters, uncorrected):
            return "the parameters were updated with v and s: use the bias-corrected v_corrected and s_corrected"
        inside = {k: parameters[k] - learning_rate * want_v_corrected["d" + k]
                  / np.sqrt(want_s_corrected["d" + k] + epsilon) for k in parameters}
        if _matches(got_parameters, inside):
            return ("epsilon went inside the square root: add it outside, "
                    "W - learning_rate * v_corrected / (sqrt(s_corrected) + epsilon)")
        return _difference(got_parameters, want_parameters, "parameters")
    return None


# ---------------------------------------------------------------- learning-rate decay
def keras_inverse_time(learning_rate0, step, decay_steps, decay_rate, staircase):
    schedule = import_keras().optimizers.schedules.InverseTimeDecay(
        np.float64(learning_rate0), decay_steps=decay_steps, decay_rate=np.float64(decay_rate), staircase=staircase)
    return float(schedule(step))


def same_update_lr(expected, got, case):
    learning_rate0, epoch_num, decay_rate = case.args
    message = one_number(got, "the learning rate")
    if message:
        return message
    want = keras_inverse_time(learning_rate0, epoch_num, 1, decay_rate, staircase=False)
    if np.isclose(float(got), want, atol=1e-12, rtol=1e-9):
        return None
    if np.isclose(float(got), learning_rate0 / 1 + decay_rate * epoch_num):
        return (f"got {float(got):.6g}, which is learning_rate0 / 1 + decay_rate * epoch_num: put the "
                f"denominator in parentheses, learning_rate0 / (1 + decay_rate * epoch_num) = {want:.6g}")
    return (f"for learning_rate0 = {learning_rate0}, epoch_num = {epoch_num}, decay_rate = {decay_rate} "
            f"Keras's InverseTimeDecay gives {want:.6g}, got {float(got):.6g}")


def same_schedule(expected, got, case):
    learning_rate0, epoch_num, decay_rate, time_interval = case.args
    message = one_number(got, "the learning rate")
    if message:
        return message
    want = keras_inverse_time(learning_rate0, epoch_num, time_interval, decay_rate, staircase=True)
    if np.isclose(float(got), want, atol=1e-12, rtol=1e-9):
        return None
    if np.isclose(float(got), learning_rate0 / (1 + decay_rate * epoch_num / time_interval)):
        return (f"got {float(got):.6g}, which decays smoothly: round epoch_num / time_interval down "
                f"(np.floor or //), so that the rate stays fixed for time_interval epochs; Keras's "
                f"InverseTimeDecay(staircase=True) gives {want:.6g}")
    return (f"for learning_rate0 = {learning_rate0}, epoch_num = {epoch_num}, decay_rate = {decay_rate}, "
            f"time_interval = {time_interval} Keras's InverseTimeDecay(staircase=True) gives {want:.6g}, "
            f"got {float(got):.6g}")


# ---------------------------------------------------------------- model
def _initial_parameters(layers_dims, seed=3):
    """The notebook's initialize_parameters (He initialisation), repeated here."""
    generator = np.random.default_rng(seed)
    parameters = {}
    for l in range(1, len(layers_dims)):
        shape = (layers_dims[l], layers_dims[l - 1])
        parameters[f"W{l}"] = generator.standard_normal(shape) * np.sqrt(2 / layers_dims[l - 1])
        parameters[f"b{l}"] = np.zeros((layers_dims[l], 1))
    return parameters


def _accuracy(parameters, X, Y):
    """ReLU hidden layers, a sigmoid output; the share of examples on the right side of 0.5."""
    L = len(parameters) // 2
    A = X
    for l in range(1, L + 1):
        Z = parameters[f"W{l}"] @ A + parameters[f"b{l}"]
        A = Z if l == L else np.maximum(Z, 0)
    return float(np.mean((A > 0) == (Y > 0.5)))


def _held_out_moons():
    X, Y = make_planar("moons", m=HELD_OUT_SIZE, noise=0.2, seed=HELD_OUT_SEED)
    return X, Y.astype(np.float64)


def _trained(got, layers_dims):
    """(parameters as float64 arrays, costs, None) when `got` is (parameters, costs) of the right
    shapes, else (None, None, message)."""
    message = n_parts(got, 2, "the result (parameters, costs)")
    if message:
        return None, None, message
    parameters, costs = got
    message = dict_of_arrays(parameters, _shapes(_initial_parameters(layers_dims)), "the returned parameters")
    if message:
        return None, None, message
    if not isinstance(costs, (list, tuple, np.ndarray)):
        return None, None, f"costs should be a list, got {type(costs).__name__}"
    return {k: np.asarray(v, dtype=np.float64) for k, v in parameters.items()}, costs, None


def matches_gradient_descent(expected, got, case):
    """Plain gradient descent: the reference's parameters within 1e-8 + 1e-6 |value|, one cost per epoch."""
    num_epochs = case.args[10]
    parameters, costs, message = _trained(got, case.args[2])
    if message:
        return message
    message = close(atol=1e-8, rtol=1e-6)(expected[0], parameters, case, "the returned parameters")
    if message:
        return message
    if len(costs) != num_epochs or not np.all(np.isfinite(np.asarray(costs, dtype=np.float64))):
        return f"costs should hold one number per epoch, {num_epochs} in all, got {len(costs)}"
    return None


def adam_trains(expected, got, case):
    """Adam: finite parameters that moved (a wrong Adam step belongs to update_parameters_with_adam)."""
    layers_dims = case.args[2]
    parameters, _, message = _trained(got, layers_dims)
    if message:
        if "NaN" in message:
            message += " (Adam's first step needs t = 1: with t = 0, v / (1 - beta1**t) divides by zero)"
        return message
    initial = _initial_parameters(layers_dims)
    if all(np.array_equal(parameters[k], initial[k]) for k in initial):
        return "the parameters are the initial ones: keep the parameters each Adam step returns"
    return None


def classifies_moons(expected, got, case):
    """Accuracy on the moons in the case's reference: (X, Y, how to name them)."""
    parameters, _, message = _trained(got, case.args[2])
    if message:
        return message
    X, Y, which = case.reference
    accuracy = _accuracy(parameters, X, Y)
    if accuracy < MIN_ACCURACY:
        return (f"the trained network classifies {accuracy:.1%} of {which} right; a correct model "
                f"reaches at least {MIN_ACCURACY:.0%}")
    return None


# ---------------------------------------------------------------- the cases
X_MOONS, Y_MOONS = make_planar("moons", m=300, noise=0.2, seed=3)
Y_MOONS = Y_MOONS.astype(np.float64)
LAYERS = [2, 5, 2, 1]


def _model_args(X, Y, layers_dims, optimizer, learning_rate, mini_batch_size, num_epochs, decay=None,
                decay_rate=1.0, time_interval=1000):
    """model's arguments in order: X, Y, layers_dims, optimizer, learning_rate, mini_batch_size, beta,
    beta1, beta2, epsilon, num_epochs, decay, decay_rate, time_interval."""
    return (X, Y, layers_dims, optimizer, learning_rate, mini_batch_size, 0.9, 0.9, 0.999, 1e-8, num_epochs,
            decay, decay_rate, time_interval)


_small, _small_grads = _network([2, 3, 1])
_three, _three_grads = _network([4, 5, 3, 1])
_wide, _wide_grads = _network([3, 6, 2])
_X148, _Y148 = _indexed_columns(3, 148)

CHECKS = [
    Check("random_mini_batches",
          hint="permutation = np.random.default_rng(seed).permutation(m); shuffle the columns of X and Y "
               "with it (X[:, permutation]); cut them into mini-batches of mini_batch_size columns, the "
               "last holding the m mod mini_batch_size left over (none when m is a multiple); return the "
               "list of (mini_batch_X, mini_batch_Y) pairs",
          cases=(
              Case("148 examples in mini-batches of 64: sizes 64, 64, 20", (_X148, _Y148, 64, 0), public=True),
              Case("the 300 moons with seed 1: four of 64 and one of 44", (X_MOONS, Y_MOONS, 64, 1)),
              Case("256 examples: exactly four mini-batches of 64", (*_indexed_columns(2, 256), 64, 2)),
              Case("10 examples, mini_batch_size 32: one mini-batch of 10", (*_indexed_columns(4, 10), 32, 3)),
              Case("3 label rows stay paired with their columns",
                   (*_indexed_columns(2, 50, n_y=3, labels=False), 16, 42)),
              Case("the same seed gives the same mini-batches (seed 7)", (_X148, _Y148, 64, 7)),
          ),
          compare=same_mini_batches,
          known_mistakes=(LEGACY_SHUFFLE,)),
    Check("update_parameters_with_momentum",
          hint="for every parameter: v['dW1'] = beta * v['dW1'] + (1 - beta) * grads['dW1'], then "
               "W1 = W1 - learning_rate * v['dW1'] (the same for each b); return (parameters, v). The "
               "checks compare with keras.optimizers.SGD(momentum=beta), converted to the course's form",
          cases=(
              Case("one step from zero velocity", (_small, _small_grads, _zeros(_small_grads), 0.9, 0.01), public=True),
              Case("a 3-layer network from a non-zero velocity",
                   (_three, _three_grads, _like(_three_grads, 0.05), 0.9, 0.01)),
              Case("beta = 0.5, learning rate 0.1", (_wide, _wide_grads, _like(_wide_grads, 0.1), 0.5, 0.1)),
              Case("beta = 0.99 averages over about 100 steps",
                   (_small, _small_grads, _like(_small_grads, 0.2), 0.99, 0.05)),
          ),
          compare=momentum_step),
    Check("update_parameters_with_adam",
          hint="for every parameter: v = beta1 * v + (1 - beta1) * dW and s = beta2 * s + (1 - beta2) * dW**2 "
               "(the raw averages, returned as v and s), v_corrected = v / (1 - beta1**t), s_corrected = "
               "s / (1 - beta2**t), then W = W - learning_rate * v_corrected / (np.sqrt(s_corrected) + epsilon); "
               "return (parameters, v, s, v_corrected, s_corrected). The checks compare with keras.optimizers.Adam",
          cases=(
              Case("the first step (t = 1) from zero averages",
                   (_small, _small_grads, _zeros(_small_grads), _zeros(_small_grads), 1, 0.01, 0.9, 0.999, 1e-8),
                   public=True),
              Case("step t = 2 of a 3-layer network",
                   (_three, _three_grads, _like(_three_grads, 0.01), _like(_three_grads, 1e-4, positive=True), 2,
                    0.01, 0.9, 0.999, 1e-8)),
              Case("step t = 10 with learning rate 0.02, beta1 0.8, beta2 0.99, epsilon 1e-7",
                   (_wide, _wide_grads, _like(_wide_grads, 0.05), _like(_wide_grads, 0.01, positive=True), 10,
                    0.02, 0.8, 0.99, 1e-7)),
              Case("step t = 1000, when the corrections have faded",
                   (_three, _three_grads, _like(_three_grads, 0.05), _like(_three_grads, 0.01, positive=True), 1000,
                    0.001, 0.9, 0.999, 1e-8)),
          ),
          compare=adam_step),
    Check("update_lr",
          hint="learning_rate = learning_rate0 / (1 + decay_rate * epoch_num), as "
               "keras.optimizers.schedules.InverseTimeDecay(learning_rate0, decay_steps=1, decay_rate) gives",
          cases=(
              Case("learning_rate0 0.5, epoch 2, decay_rate 1", (0.5, 2, 1.0), public=True),
              Case("epoch 0 keeps learning_rate0", (0.01, 0, 0.3)),
              Case("learning_rate0 0.1, epoch 100, decay_rate 0.05", (0.1, 100, 0.05)),
              Case("learning_rate0 0.001, epoch 7, decay_rate 2.5", (0.001, 7, 2.5)),
          ),
          compare=same_update_lr),
    Check("schedule_lr_decay",
          hint="learning_rate = learning_rate0 / (1 + decay_rate * np.floor(epoch_num / time_interval)): "
               "the rate drops once every time_interval epochs, as "
               "keras.optimizers.schedules.InverseTimeDecay(..., staircase=True) does",
          cases=(
              Case("learning_rate0 0.5, epoch 2500, decay_rate 1, every 1000 epochs", (0.5, 2500, 1.0, 1000),
                   public=True),
              Case("epoch 999 is still in the first interval", (0.1, 999, 0.5, 1000)),
              Case("epoch 1000 starts the second interval", (0.1, 1000, 0.5, 1000)),
              Case("every 100 epochs, epoch 350, decay_rate 2", (0.01, 350, 2.0, 100)),
              Case("epoch 0 keeps learning_rate0", (0.3, 0, 1.0, 10)),
          ),
          compare=same_schedule),
    Check("model",
          hint="initialise the optimiser's state once (initialize_velocity or initialize_adam, t = 0); in "
               "each epoch set the learning rate (the decay schedule, if any, of the epoch number), then for "
               "each mini-batch of random_mini_batches(X, Y, mini_batch_size, seed=epoch): forward pass, "
               "cost, backward pass, and one update with the chosen optimiser (t += 1 before each Adam "
               "step), keeping what the update returns; append the epoch's cost; return (parameters, costs)",
          cases=(
              Case("momentum and a staircase schedule learn the 300 moons",
                   _model_args(X_MOONS, Y_MOONS, LAYERS, "momentum", 0.3, 64, 500, "staircase", 1.0, 100),
                   public=True, compare=classifies_moons, reference=(X_MOONS, Y_MOONS, "its training examples")),
              Case("the same network classifies 1000 new moons it never saw",
                   _model_args(X_MOONS, Y_MOONS, LAYERS, "momentum", 0.3, 64, 500, "staircase", 1.0, 100),
                   compare=classifies_moons, reference=(*_held_out_moons(), "the new moons")),
              Case("plain gradient descent on 100 moons at once matches the reference",
                   _model_args(X_MOONS[:, :100], Y_MOONS[:, :100], [2, 3, 1], "gd", 0.3, 100, 50), public=True,
                   compare=matches_gradient_descent),
              Case("plain gradient descent on the whole batch matches the reference",
                   _model_args(X_MOONS, Y_MOONS, [2, 4, 3, 1], "gd", 0.5, 300, 100), compare=matches_gradient_descent),
              Case("plain gradient descent with inverse-time decay matches the reference",
                   _model_args(X_MOONS[:, :100], Y_MOONS[:, :100], [2, 3, 1], "gd", 0.3, 100, 50, "inverse_time", 0.5),
                   public=True, compare=matches_gradient_descent),
              Case("inverse-time decay on the whole batch matches the reference",
                   _model_args(X_MOONS, Y_MOONS, [2, 4, 3, 1], "gd", 0.5, 300, 80, "inverse_time", 0.1),
                   compare=matches_gradient_descent),
              Case("Adam for 10 epochs returns finite, updated parameters",
                   _model_args(X_MOONS, Y_MOONS, [2, 4, 1], "adam", 0.001, 64, 10), public=True, compare=adam_trains),
              Case("Adam for 20 epochs returns finite, updated parameters",
                   _model_args(X_MOONS, Y_MOONS, LAYERS, "adam", 0.0007, 64, 20), compare=adam_trains),
          ),
    ),
]
