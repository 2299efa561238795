"""Checks of assignment C5W1 (a character-level language model of dinosaur names, NumPy from scratch:
clip, sample, optimize, model; sample_with_temperature). Expected outputs: expected/*.npz.

Conventions, as in the notebook: characters "\\n" (index 0, the end of a name) then a-z (1-26); vectors
are columns, (n, 1); a<t> = tanh(Wax x<t> + Waa a<t-1> + b), y<t> = softmax(Wya a<t> + by); the first
input x<1> is the zero vector (X[0] is None). The twins below are written here, in the grader's
process, again.

clip returns clipped copies. Whether it also changes its argument in place is not judged: the grader
sees only what a function returns, and the notebook's locked cells hand clip copies, so a version that
clips in place with np.clip(..., out=...) and returns the same dict passes too.

sample takes a NumPy Generator, rng, not the classic course's seed. The checks send an integer seed,
which the line the notebook writes first, rng = np.random.default_rng(rng), makes into a Generator (a
Generator passes through it unchanged). A sample passes when it is a well-formed name (indices of the
vocabulary, "\\n" only at the end, at most 50 characters; the classic course's extra "\\n" appended after
50 is accepted) AND it is what the given rng draws from the model's probabilities by one of the ways
of drawing from a Generator: rng.choice(vocab_size, p=y.ravel()) (the notebook's; any a= of 27 items and
an inverse CDF with rng.random() give the same draws), np.argmax(rng.multinomial(1, p)), or Gumbel-max
(argmax(log p + rng.gumbel(size=27))). When the draws are none of these, the grader finds out why from
the model's probabilities along the learner's own path: a character the model gives probability below
1e-8 (the recurrence is wrong: x<t+1> must be the one-hot of the index drawn, a<t> carried over); the
most likely character at every step (the argmax, not a draw); a total log-probability more than 4
standard deviations above what draws from the model give (nearly the argmax) or below (drawing from
the logits, uniformly, or with a wrong recurrence); otherwise the draws are plausible but do not come
from rng: NumPy's global random state (np.random.choice, the classic course's habit), which the same
rng cannot reproduce, or a recurrence slightly off. A correct sampler that draws with rng in yet another
way fails the draws; the notebook lists the ways the grader knows. Measured on the five cases: the
four ways pass every case, with or without the classic "\\n" appended; the global state, the argmax, a
uniform draw, p**2 normalised and a recurrence without x fed back fail at least four of the five.

optimize returns (loss, gradients, a_last, parameters): the updated parameters too, because the
grader sees only what comes back (the classic course updates the dict in place and returns three
values; a learner who updates in place and returns the dict passes).

model's trained parameters are judged on held-out names the grader makes itself (make_dino_names with
another seed, none of the training names): the mean cross-entropy per character must be below
0.8 x log(27) = 2.637, the loss of the untrained model (its small weights give nearly uniform
probabilities). Measured: 1,000 iterations with n_a = 50 reach 2.22, 2,000 with n_a = 20 reach 1.95.

sample_with_temperature(probs, temperature, rng) returns (index, p): the grader checks p, the
distribution at that temperature, softmax(log(probs) / T) (within 1e-7), and that the index is one p
allows; not which index was drawn.

Known mistakes named in the feedback: the gradients returned unclipped (a loop rebinding its variable),
the biases not clipped, clipping from above only (clip); the argmax instead of a draw, drawing from the
logits or uniformly, the legacy global np.random state, a wrong recurrence (sample); no clipping, the
update left out, the update with the unclipped gradients, the learning rate ignored, a_prev returned
for a_last (optimize); temperature applied to the probabilities instead of the logits, T multiplied
instead of divided, p**(1/T) not normalised (sample_with_temperature).

Grading time, measured on the shared 2-core machine at load 3.6-3.7 (`python -m grader grade`, wall clock):
the solution 10/10 in 23.3 s, the untouched student notebook 0/10 in 16.7 s; in the test suite the
solution grades in 18.4 s and each planted bug in 18-33 s (the cascade runs a caller's cases twice).
The model's two cases train in about 1 s each; executing the notebook with FAST = True takes most of it.
"""
import numpy as np

from grader.checks import Case, Check, KnownMistake, close, dict_of_arrays, n_parts

VOCAB = 27
NEWLINE = 0
MAX_LEN = 50
CHARS = ["\n"] + [chr(ord("a") + i) for i in range(26)]
CHAR_TO_IX = {c: i for i, c in enumerate(CHARS)}
IX_TO_CHAR = {i: c for i, c in enumerate(CHARS)}
Z_LIMIT = 4.0          # standard deviations of the total log-probability a sample may be from its mean
IMPOSSIBLE = 1e-8      # a character drawn with a probability below this is one the model does not allow
LOSS_FACTOR = 0.8      # model: held-out loss below LOSS_FACTOR x log(27)

rng = np.random.default_rng(5101)


# ---------------------------------------------------------------- twins (grader's process)
def softmax(z):
    e = np.exp(z - np.max(z, axis=0, keepdims=True))
    return e / e.sum(axis=0, keepdims=True)


def rnn_forward(X, Y, a0, parameters):
    x, a, y_hat, loss = {}, {-1: np.asarray(a0, np.float64)}, {}, 0.0
    for t in range(len(X)):
        x[t] = np.zeros((VOCAB, 1))
        if X[t] is not None:
            x[t][X[t]] = 1
        a[t] = np.tanh(parameters["Wax"] @ x[t] + parameters["Waa"] @ a[t - 1] + parameters["b"])
        y_hat[t] = softmax(parameters["Wya"] @ a[t] + parameters["by"])
        loss -= np.log(y_hat[t][Y[t], 0])
    return loss, (y_hat, a, x)


def rnn_backward(X, Y, parameters, cache):
    y_hat, a, x = cache
    gradients = {"d" + k: np.zeros_like(v, dtype=np.float64) for k, v in parameters.items()}
    da_next = np.zeros_like(a[0])
    for t in reversed(range(len(X))):
        dy = y_hat[t].copy()
        dy[Y[t]] -= 1
        gradients["dWya"] += dy @ a[t].T
        gradients["dby"] += dy
        dz = (1 - a[t] ** 2) * (parameters["Wya"].T @ dy + da_next)
        gradients["db"] += dz
        gradients["dWax"] += dz @ x[t].T
        gradients["dWaa"] += dz @ a[t - 1].T
        da_next = parameters["Waa"].T @ dz
    return gradients, a


def clip_twin(gradients, max_value):
    return {k: np.clip(v, -max_value, max_value) for k, v in gradients.items()}


def _optimize_variant(X, Y, a_prev, parameters, learning_rate, max_value=5.0, update="clipped",
                      returned="clipped", last=True):
    parameters = {k: np.asarray(v, np.float64) for k, v in parameters.items()}
    loss, cache = rnn_forward(X, Y, a_prev, parameters)
    raw, a = rnn_backward(X, Y, parameters, cache)
    clipped = clip_twin(raw, max_value) if max_value else raw
    step = {"clipped": clipped, "raw": raw, None: None}[update]
    new = parameters if step is None else {k: v - learning_rate * step["d" + k] for k, v in parameters.items()}
    a_last = a[len(X) - 1] if last else np.asarray(a_prev, np.float64)
    return loss, (clipped if returned == "clipped" else raw), a_last, new


def per_char_loss(parameters, names):
    """Mean cross-entropy per character (the end of each name counted as one) of `names`."""
    n_a = np.shape(parameters["Waa"])[0]
    total = count = 0
    for name in names:
        X = [None] + [CHAR_TO_IX[c] for c in name]
        Y = X[1:] + [NEWLINE]
        loss, _ = rnn_forward(X, Y, np.zeros((n_a, 1)), parameters)
        total, count = total + loss, count + len(Y)
    return total / count


def _gradients(n_a, scale):
    shapes = {"dWax": (n_a, VOCAB), "dWaa": (n_a, n_a), "dWya": (VOCAB, n_a), "db": (n_a, 1), "dby": (VOCAB, 1)}
    return {k: rng.standard_normal(s) * scale for k, s in shapes.items()}


def _parameters(n_a, scale=1.0, bias=0.5):
    return {"Wax": rng.standard_normal((n_a, VOCAB)) * scale, "Waa": rng.standard_normal((n_a, n_a)) * scale,
            "Wya": rng.standard_normal((VOCAB, n_a)) * scale, "b": rng.standard_normal((n_a, 1)) * bias,
            "by": rng.standard_normal((VOCAB, 1)) * bias}


# ---------------------------------------------------------------- clip
CLIP_MISTAKES = (
    KnownMistake("these are the gradients as they came, unclipped: np.clip returns a new array, and "
                 "`for g in gradients.values(): g = np.clip(g, ...)` only rebinds the name g. Put the clipped arrays "
                 "in a new dict: {name: np.clip(g, -maxValue, maxValue) for name, g in gradients.items()}",
                 lambda case: {k: v for k, v in case.args[0].items()}),
    KnownMistake("the weights' gradients are clipped but not the biases': clip db and dby too (every entry of "
                 "gradients)",
                 lambda case: {k: (np.clip(v, -case.args[1], case.args[1]) if k.startswith("dW") else v)
                               for k, v in case.args[0].items()}),
    KnownMistake("the gradients are clipped from above only: clip to [-maxValue, maxValue], "
                 "np.clip(g, -maxValue, maxValue)",
                 lambda case: {k: np.minimum(v, case.args[1]) for k, v in case.args[0].items()}),
)

CLIP_CASES = (
    Case("n_a = 5, entries of about 10, maxValue 10", (_gradients(5, 10.0), 10.0), public=True),
    Case("n_a = 3, entries of about 10, maxValue 5", (_gradients(3, 10.0), 5.0), public=True),
    Case("n_a = 50, maxValue 5", (_gradients(50, 8.0), 5.0)),
    Case("n_a = 4, maxValue 0.5", (_gradients(4, 1.0), 0.5)),
    Case("n_a = 6, nothing beyond maxValue 100", (_gradients(6, 1.0), 100.0)),
)


# ---------------------------------------------------------------- sample
def _walk(parameters, draw, limit=MAX_LEN):
    """The indices a sampler drawing each step's index with draw(p) returns."""
    n_a = np.shape(parameters["Waa"])[0]
    x, a, indices = np.zeros((VOCAB, 1)), np.zeros((n_a, 1)), []
    while len(indices) < limit:
        a = np.tanh(parameters["Wax"] @ x + parameters["Waa"] @ a + parameters["b"])
        p = softmax(parameters["Wya"] @ a + parameters["by"]).ravel()
        idx = int(draw(p))
        indices.append(idx)
        if idx == NEWLINE:
            break
        x = np.zeros((VOCAB, 1))
        x[idx] = 1
    return indices


def _ways(seed):
    """How a Generator seeded with `seed` may draw from p: name -> draw(p)."""
    def choice(generator):
        return lambda p: generator.choice(VOCAB, p=p)

    def multinomial(generator):
        return lambda p: np.argmax(generator.multinomial(1, p))

    def gumbel(generator):
        return lambda p: np.argmax(np.log(p) + generator.gumbel(size=VOCAB))
    return {name: way(np.random.default_rng(seed)) for name, way in
            (("rng.choice", choice), ("rng.multinomial", multinomial), ("Gumbel-max", gumbel))}


def _path_probabilities(parameters, indices):
    """The model's probabilities at each step, along the path `indices` (the correct recurrence)."""
    n_a = np.shape(parameters["Waa"])[0]
    x, a, out = np.zeros((VOCAB, 1)), np.zeros((n_a, 1)), []
    for idx in indices:
        a = np.tanh(parameters["Wax"] @ x + parameters["Waa"] @ a + parameters["b"])
        out.append(softmax(parameters["Wya"] @ a + parameters["by"]).ravel())
        x = np.zeros((VOCAB, 1))
        x[idx] = 1
    return out


def _indices(got):
    """got as a list of ints, or a message."""
    if got is None:
        return None, "the result is None: did you forget a return statement?"
    try:
        array = np.asarray(got)
    except ValueError:
        return None, f"the result should be a list of indices, got a {type(got).__name__} NumPy cannot read"
    if array.ndim != 1 or array.size == 0:
        return None, f"the result should be a non-empty list of indices, got shape {array.shape}"
    if array.dtype.kind not in "iuf" or not np.all(array == np.round(array)):
        return None, "the result should hold whole numbers, the indices of the characters drawn"
    indices = [int(i) for i in array]
    if min(indices) < 0 or max(indices) >= VOCAB:
        return None, f"the indices should be from 0 to {VOCAB - 1} (the vocabulary), got {min(indices)} to {max(indices)}"
    return indices, None


def sampled_name(expected, got, case):
    parameters, _, seed = case.args
    indices, message = _indices(got)
    if message:
        return message
    if NEWLINE in indices[:-1]:
        return (f"the name goes on after '\\n' (index {NEWLINE}) at step {indices.index(NEWLINE) + 1}: stop as soon "
                "as the end of the name is drawn")
    if len(indices) == MAX_LEN + 1 and indices[-1] == NEWLINE:  # the classic course appends "\n" after 50
        indices = indices[:-1]
    if len(indices) > MAX_LEN:
        return f"the name has {len(indices)} characters: stop after {MAX_LEN}, even without '\\n'"
    if indices[-1] != NEWLINE and len(indices) < MAX_LEN:
        return (f"the name stops after {len(indices)} characters without '\\n': go on drawing until '\\n' is drawn "
                f"or {MAX_LEN} characters are drawn")
    if any(indices == _walk(parameters, draw) for draw in _ways(seed).values()):
        return None
    probabilities = _path_probabilities(parameters, indices)
    for step, (p, idx) in enumerate(zip(probabilities, indices), 1):
        if p[idx] < IMPOSSIBLE:
            return (f"at step {step} you drew {CHARS[idx]!r}, to which the model gives probability {p[idx]:.1e}: "
                    "the recurrence differs from the model's. Each step computes a = tanh(Wax x + Waa a_prev + b) "
                    "with x the one-hot vector of the index drawn at the step before (zeros at the first step) and "
                    "a_prev the a of the step before")
    if len(indices) > 1 and all(idx == int(np.argmax(p)) for p, idx in zip(probabilities, indices)):
        return ("your characters are the most likely one at every step (np.argmax), not a draw: the same name would "
                "come back every time. Draw the index with rng.choice(vocab_size, p=y.ravel())")
    logs = [np.log(np.maximum(p, 1e-300)) for p in probabilities]
    total = sum(lg[i] for lg, i in zip(logs, indices))
    mean = sum(float(p @ lg) for p, lg in zip(probabilities, logs))
    spread = np.sqrt(sum(float(p @ lg ** 2) - float(p @ lg) ** 2 for p, lg in zip(probabilities, logs)))
    z = (total - mean) / max(spread, 1e-12)
    if z > Z_LIMIT:
        return (f"your characters are far more likely than draws from the model are ({z:.1f} standard deviations): "
                "this looks like the most likely character at each step (np.argmax), not a draw. Draw the index "
                "with rng.choice(vocab_size, p=y.ravel())")
    if z < -Z_LIMIT:
        return (f"your characters are far less likely than the model's own draws are ({-z:.1f} standard deviations "
                "below): draw from the probabilities y = softmax(Wya a + by) of this very step, not from the logits "
                "nor uniformly, with a computed from the character drawn before (x its one-hot vector) and the "
                "previous a: rng.choice(vocab_size, p=y.ravel())")
    return (f"your characters are plausible under the model, but they are not what rng (seed {seed}) draws from it: "
            "either they come from NumPy's global random state (np.random.choice, after np.random.seed or not: the "
            "classic course's habit), which rng cannot reproduce, so draw with the Generator you are given, "
            "rng.choice(vocab_size, p=y.ravel()); or a step differs from the model's recurrence (x the one-hot "
            "vector of the index just drawn, a_prev the a of the step before)")


def _fixed_distribution():
    """Wya = 0: every step draws from softmax(by), and '\\n' has probability about 1e-17: 50 draws."""
    parameters = _parameters(6)
    parameters["Wya"] = np.zeros((VOCAB, 6))
    parameters["by"] = rng.standard_normal((VOCAB, 1)) * 1.5
    parameters["by"][NEWLINE] = -40.0
    return parameters


def _ending_soon(n_a):
    parameters = _parameters(n_a)
    parameters["by"][NEWLINE] += 1.5
    return parameters


SAMPLE_CASES = (
    Case("a random model (n_a = 10), rng seed 0", (_parameters(10), dict(CHAR_TO_IX), 0), public=True),
    Case("a random model (n_a = 10) whose names end sooner, rng seed 1", (_ending_soon(10), dict(CHAR_TO_IX), 1),
         public=True),
    Case("a random model (n_a = 20), rng seed 7", (_parameters(20), dict(CHAR_TO_IX), 7)),
    Case("a peaked model (weights x 3, n_a = 8), rng seed 3", (_parameters(8, scale=3.0), dict(CHAR_TO_IX), 3)),
    Case("one distribution at every step, no end: 50 draws, rng seed 11", (_fixed_distribution(), dict(CHAR_TO_IX), 11)),
)


# ---------------------------------------------------------------- optimize
def _name_pair(length):
    letters = rng.integers(1, VOCAB, size=length).tolist()
    X = [None] + letters
    return X, X[1:] + [NEWLINE]


def _optimize_case(name, n_a, length, scale, learning_rate, public=False):
    X, Y = _name_pair(length)
    a_prev = np.tanh(rng.standard_normal((n_a, 1)))
    parameters = _parameters(n_a, scale=0.5 * scale, bias=0.2 * scale)
    parameters["Wya"] *= 6.0    # large output weights: large gradients for the hidden layer
    parameters["by"][rng.integers(1, VOCAB)] += 5.0 * scale   # one letter the model is sure of: a large dby
    return Case(name, (X, Y, a_prev, parameters, learning_rate), public=public)


def _variant(**kwargs):
    return lambda case: _optimize_variant(*case.args, **kwargs)


OPTIMIZE_MISTAKES = (
    KnownMistake("the gradients are not clipped: call clip(gradients, 5) after rnn_backward, and update the "
                 "parameters with the clipped gradients", _variant(max_value=None, update="raw", returned="raw"),
                 atol=1e-6),
    KnownMistake("the parameters came back unchanged: update each one, parameters[name] - learning_rate * "
                 "gradients['d' + name], and return them (a `for name, value in parameters.items(): value = "
                 "value - ...` loop only rebinds value)", _variant(update=None), atol=1e-6),
    KnownMistake("the update used the gradients before clipping: update with what clip(gradients, 5) returns",
                 _variant(update="raw"), atol=1e-6),
    KnownMistake("the gradients are clipped at 10: clip them at 5, clip(gradients, 5)", _variant(max_value=10.0),
                 atol=1e-6),
    KnownMistake("a_last is the a_prev you were given: return the hidden state of the last step, a[len(X) - 1], "
                 "from what rnn_backward returns", _variant(last=False), atol=1e-6),
)

OPTIMIZE_CASES = (
    _optimize_case("n_a = 5, a name of 8 letters, learning rate 0.01", 5, 8, 1.0, 0.01, public=True),
    _optimize_case("n_a = 8, a name of 9 letters, learning rate 0.05", 8, 9, 1.0, 0.05, public=True),
    _optimize_case("n_a = 12, a name of 14 letters, learning rate 0.01", 12, 14, 1.0, 0.01),
    _optimize_case("n_a = 3, a name of 7 letters, learning rate 0.1", 3, 7, 1.0, 0.1),
    _optimize_case("n_a = 6, small weights (little to clip), learning rate 0.02", 6, 7, 0.02, 0.02),
)


def _learning_rate_ignored(case):
    X, Y, a_prev, parameters, _ = case.args
    return _optimize_variant(X, Y, a_prev, parameters, 0.01)


OPTIMIZE_MISTAKES += (
    KnownMistake("the update used learning rate 0.01 whatever learning_rate is: use the argument",
                 _learning_rate_ignored, atol=1e-6),
)


# ---------------------------------------------------------------- model
def _held_out(training, seed):
    seen = set(training)
    return tuple(name for name in _dino_names(1500, seed) if name not in seen)[:400]


def _dino_names(n, seed):
    from lessons.data import make_dino_names
    return make_dino_names(n, seed=seed)


def trained_on_names(expected, got, case):
    names, _, _, num_iterations, n_a, learning_rate, _ = case.args
    shapes = {"Wax": (n_a, VOCAB), "Waa": (n_a, n_a), "Wya": (VOCAB, n_a), "b": (n_a, 1), "by": (VOCAB, 1)}
    message = dict_of_arrays(got, shapes, "the parameters")
    if message:
        return message
    loss = per_char_loss({k: np.asarray(got[k], np.float64) for k in shapes}, case.reference)
    limit = LOSS_FACTOR * np.log(VOCAB)
    if not loss < limit:
        return (f"on {len(case.reference)} names the model never saw, your trained parameters give a loss of "
                f"{loss:.3f} per character, not below {limit:.3f} (0.8 x log 27, the untrained model's): train for "
                "num_iterations steps, one name a step, X = [None] + its indices, Y = X[1:] + [index of '\\n'], "
                "with optimize, carrying the parameters (and a_prev) it returns from step to step")
    return None


def _model_case(name, n_names, names_seed, num_iterations, n_a, seed, public=False):
    names = _dino_names(n_names, names_seed)
    return Case(name, (names, dict(IX_TO_CHAR), dict(CHAR_TO_IX), num_iterations, n_a, 0.01, seed), public=public,
                reference=_held_out(names, names_seed + 100))


MODEL_CASES = (
    _model_case("500 names, 1,000 iterations, n_a = 50", 500, 1, 1000, 50, 0, public=True),
    _model_case("800 other names, 1,500 iterations, n_a = 20, seed 3", 800, 2, 1500, 20, 3),
)


# ---------------------------------------------------------------- sample_with_temperature
def tempered(probs, temperature):
    logits = np.log(np.asarray(probs, np.float64)) / temperature
    return softmax(logits)


def _p_of(got):
    return got[1] if isinstance(got, (tuple, list)) and len(got) == 2 else None


def tempered_distribution(expected, got, case):
    probs, temperature, _ = case.args
    message = n_parts(got, 2, "the result (index, p)")
    if message:
        return message
    idx, p = got
    want = tempered(probs, temperature)
    p = np.asarray(p) if p is not None else None
    if p is None or p.shape != want.shape or p.dtype.kind not in "iuf":
        shape = None if p is None else p.shape
        return f"p should be the distribution at this temperature, an array of shape {want.shape}, got {shape}"
    variants = (
        ("you divided the probabilities by T: the temperature divides the logits, log(probs) / T, before the "
         "softmax, which is probs**(1/T) normalised", softmax(np.asarray(probs, np.float64) / temperature)),
        ("you multiplied by T: divide the logits by it, softmax(log(probs) / T); a high temperature flattens the "
         "distribution, a low one sharpens it", tempered(probs, 1 / temperature)),
        ("p does not add up to 1: after log(probs) / T, take the softmax (probs**(1/T) divided by its sum)",
         np.asarray(probs, np.float64) ** (1 / temperature)),
    )
    if not np.allclose(p, want, atol=1e-7, rtol=1e-6):
        for text, value in variants:
            if value.shape == p.shape and np.allclose(p, value, atol=1e-7, rtol=1e-6):
                return text
        return (f"p differs from softmax(log(probs) / T) (largest difference "
                f"{np.max(np.abs(p.astype(float) - want)):.3g})")
    idx_array = np.asarray(idx) if idx is not None else None
    if idx_array is None or idx_array.size != 1 or idx_array.dtype.kind not in "iu":
        return "the index should be one whole number, drawn from p (rng.choice(len(p), p=p))"
    i = int(idx_array.item())
    if not 0 <= i < want.size or want[i] < 1e-12:
        return f"the index {i} is not one p allows: draw it from p, rng.choice(len(p), p=p)"
    return None


def _probs(n, concentration=1.0):
    return rng.dirichlet(np.full(n, concentration)) * 0.999 + 0.001 / n


TEMPERATURE_CASES = (
    Case("27 characters, T = 1", (_probs(27), 1.0, 0), public=True),
    Case("27 characters, T = 0.5", (_probs(27), 0.5, 1), public=True),
    Case("27 characters, T = 2", (_probs(27), 2.0, 2), public=True),
    Case("5 characters, T = 0.05 (nearly the argmax)", (_probs(5), 0.05, 3)),
    Case("27 characters, T = 50 (nearly uniform)", (_probs(27, 0.3), 50.0, 4)),
    Case("10 characters, T = 0.8", (_probs(10), 0.8, 5)),
)


CHECKS = [
    Check("clip",
          hint="return {name: np.clip(g, -maxValue, maxValue) for name, g in gradients.items()}: every gradient, "
               "the biases' too, in a new dict",
          cases=CLIP_CASES, compare=close(atol=1e-12, rtol=0), known_mistakes=CLIP_MISTAKES),
    Check("sample",
          hint="x and a_prev start as zeros; at each step a = tanh(Wax x + Waa a_prev + b), y = softmax(Wya a + by), "
               "idx = rng.choice(vocab_size, p=y.ravel()); append idx; x becomes the one-hot of idx, a_prev = a; stop "
               "when idx is char_to_ix['\\n'] or after 50 indices",
          cases=SAMPLE_CASES, compare=sampled_name),
    Check("optimize",
          hint="loss, cache = rnn_forward(X, Y, a_prev, parameters); gradients, a = rnn_backward(X, Y, parameters, "
               "cache); gradients = clip(gradients, 5); parameters = {name: value - learning_rate * gradients['d' + "
               "name] for name, value in parameters.items()}; return loss, gradients, a[len(X) - 1], parameters",
          cases=OPTIMIZE_CASES, compare=close(atol=1e-7, rtol=1e-7), known_mistakes=OPTIMIZE_MISTAKES),
    Check("model",
          hint="parameters = initialize_parameters(n_a, vocab_size, vocab_size, rng); shuffle a copy of the names "
               "with rng; for j in range(num_iterations): the name j % len(names), X = [None] + [char_to_ix[c] for c "
               "in name], Y = X[1:] + [char_to_ix['\\n']]; loss, gradients, a_prev, parameters = optimize(X, Y, "
               "a_prev, parameters, learning_rate); return parameters",
          cases=MODEL_CASES, compare=trained_on_names),
    Check("sample_with_temperature",
          hint="p = softmax(np.log(probs) / temperature) (the probabilities' logits divided by T); idx = "
               "rng.choice(len(p), p=p); return idx, p",
          cases=TEMPERATURE_CASES, compare=tempered_distribution),
]
