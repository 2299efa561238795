"""Checks of assignment C5W4 (the Transformer: positional encoding, masks, scaled dot-product attention, the
encoder and decoder layers, the whole model). Expected outputs: expected/*.npz.

positional_encoding, the two masks and scaled_dot_product_attention are compared with the solution's values
(within 1e-5; the masks exactly), and every case, public or hidden, is judged against the library twin as well:
keras_hub.layers.SinePositionEncoding, the mask keras.layers.Embedding(mask_zero=True) computes (padding id 0),
Keras's MultiHeadAttention with use_causal_mask=True given the learner's look-ahead mask, and
keras.ops.dot_product_attention (inputs laid out (B, T, H, D)) with the weights against a NumPy twin. Their known
mistakes (sin and cos swapped, the exponent's 2i written with the column's index, sines and cosines in two
blocks; an inverted or upper-triangular mask, a missing diagonal, TensorFlow's (m, 1, 1, n) layout; no scaling,
scaling by d_k, the softmax over the queries' axis, the mask's sign) are computed here by the `*_variant`
functions.

encoder_layer, decoder_layer and transformer build the learner's class after seeding, so that the weights are
fixed, but the checks do not rely on the learner creating the sublayers in the solution's order: the given
wrapper in each exercise cell returns the outputs *and the layer's own weights*, read by role (self.mha,
self.ffn, self.layernorm1, ...), and the grader recomputes the outputs from those weights in NumPy
(`encoder_numpy`, `decoder_numpy`, `transformer_numpy`, float64) and compares within 1e-4. The weights' shapes
are checked first, which names the classic key_dim = embedding_dim (the course uses embedding_dim // num_heads,
as the paper and keras_hub do). Where the output differs, the comparison recomputes it as well-known wrong
versions would (LayerNormalization's default epsilon 1e-3, normalising before the sublayer, a missing residual,
an inverted or missing mask, an FFN without ReLU, no sqrt(d) scaling of the embeddings) and names the one that
matches: those need the learner's weights, so they live in the comparisons, not in KnownMistake. The layers are
also judged against keras_hub.layers.TransformerEncoder / TransformerDecoder (layer_norm_epsilon=1e-6, the
learner's weights copied in), which equal a course-style layer exactly.

transformer is judged by its probabilities, recomputed from its weights (so positional_encoding, the masks and
both layers are tested again: it calls them, and the grader's cascade judges it with the reference versions
when the learner's fail), and its parameter count against the formula. No trained weights are needed: a
Transformer that is right on random weights is right, and training one would take more time than a grading has.
"""
import warnings
from functools import lru_cache

import numpy as np

from grader.checks import Case, Check, KnownMistake, array_of_shape, close, import_keras, normal_batch, within

rng = np.random.default_rng(5404)
ATOL = 1e-4  # float32 layers against a float64 recomputation


@lru_cache(maxsize=1)
def keras_hub():
    import_keras()
    with warnings.catch_warnings():  # keras_hub imports tqdm, which warns without ipywidgets
        warnings.simplefilter("ignore")
        import keras_hub as hub
    return hub


# ---------------------------------------------------------------- the NumPy reference (float64), from weights
def _softmax(z, axis=-1):
    z = z - z.max(axis=axis, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=axis, keepdims=True)


def _attention(q, k, v, mask=None, scale="sqrt", axis=-1, mask_sign=1.0):
    """Scaled dot-product attention over the last two axes, with switches for known mistakes."""
    d_k = k.shape[-1]
    logits = q @ np.swapaxes(k, -1, -2)
    logits = logits / {"sqrt": np.sqrt(d_k), "d_k": d_k, "none": 1.0}[scale]
    if mask is not None:
        logits = logits + ((1.0 - mask) if mask_sign > 0 else mask) * -1e9
    weights = _softmax(logits, axis=axis)
    return weights @ v, weights


def _layernorm(x, gamma, beta, eps):
    mean, var = x.mean(axis=-1, keepdims=True), x.var(axis=-1, keepdims=True)
    return (x - mean) / np.sqrt(var + eps) * gamma + beta


def _mha(query, value, weights, mask=None):
    """Keras MultiHeadAttention with its eight weights: (output (m, T, d), attention (m, h, T, S))."""
    Wq, bq, Wk, bk, Wv, bv, Wo, bo = (np.asarray(w, dtype=np.float64) for w in weights)
    Q = np.einsum("mtd,dhk->mhtk", query, Wq) + bq[None, :, None, :]
    K = np.einsum("msd,dhk->mhsk", value, Wk) + bk[None, :, None, :]
    V = np.einsum("msd,dhk->mhsk", value, Wv) + bv[None, :, None, :]
    heads, attention = _attention(Q, K, V, None if mask is None else np.asarray(mask, np.float64)[:, None])
    return np.einsum("mhtk,hkd->mtd", heads, Wo) + bo, attention


def _ffn(x, weights, relu=True):
    W1, b1, W2, b2 = (np.asarray(w, dtype=np.float64) for w in weights)
    hidden = x @ W1 + b1
    return (np.maximum(hidden, 0) if relu else hidden) @ W2 + b2


def _sublayer(x, sublayer, norm, eps, style):
    """One Add & Norm around `sublayer` (a function of its input), as written (post) or a known mistake."""
    if style == "pre":  # the pre-norm variant: normalise first, add the input after
        return x + sublayer(_layernorm(x, *norm, eps))
    out = sublayer(x)
    return _layernorm(out if style == "no residual" else x + out, *norm, eps)


def encoder_numpy(x, mask, w, eps=1e-6, style="post", relu=True, mask_flip=False):
    x = np.asarray(x, dtype=np.float64)
    mask = None if mask is None else (1.0 - np.asarray(mask)) if mask_flip else mask
    out1 = _sublayer(x, lambda h: _mha(h, h, w["mha"], mask)[0], w["layernorm1"], eps, style)
    return _sublayer(out1, lambda h: _ffn(h, w["ffn"], relu), w["layernorm2"], eps, style)


def decoder_numpy(x, enc_output, look_ahead_mask, padding_mask, w, eps=1e-6, style="post"):
    """(output, block-1 attention, block-2 attention), from the weights w (by role)."""
    x, enc_output = np.asarray(x, dtype=np.float64), np.asarray(enc_output, dtype=np.float64)
    found = {}

    def self_attention(h):
        out, found["block1"] = _mha(h, h, w["mha1"], look_ahead_mask)
        return out

    def cross_attention(h):
        out, found["block2"] = _mha(h, enc_output, w["mha2"], padding_mask)
        return out

    out1 = _sublayer(x, self_attention, w["layernorm1"], eps, style)
    out2 = _sublayer(out1, cross_attention, w["layernorm2"], eps, style)
    out3 = _sublayer(out2, lambda h: _ffn(h, w["ffn"]), w["layernorm3"], eps, style)
    return out3, found["block1"], found["block2"]


# ---------------------------------------------------------------- positional_encoding
def pe_variant(positions, d_model, swapped=False, exponent="2i", blocks=False):
    """(1, positions, d_model) as the solution (defaults) or a known mistake computes it."""
    pos = np.arange(positions)[:, None]
    j = np.arange(d_model)[None, :]
    power = {"2i": 2 * (j // 2), "j": j, "2j": 2 * j}[exponent]
    angles = pos / np.power(10000.0, power / d_model)
    sin, cos = (np.cos, np.sin) if swapped else (np.sin, np.cos)
    if blocks:
        half = angles[:, 0::2]
        pe = np.concatenate([sin(half), cos(half)], axis=-1)
    else:
        pe = np.where(j % 2 == 0, sin(angles), cos(angles))
    return pe[None].astype(np.float32)


def pe_mistake(**switches):
    return lambda case: pe_variant(*case.args, **switches)


def pe_output(expected, got, case):
    positions, d_model = case.args
    message = array_of_shape(got, (1, positions, d_model), "the encoding")
    if message:
        if np.shape(got) == (positions, d_model):
            return message + ": add the batch axis in front, pe[np.newaxis], so that it adds to (m, T, d) embeddings"
        return message
    if np.asarray(got).dtype != np.float32:
        return f"the encoding is {np.asarray(got).dtype}: return float32, the dtype of Keras's embeddings"
    return close(atol=1e-5, rtol=0)(expected, got, case, "the encoding")


def pe_twin(expected, got, case):
    message = pe_output(expected, got, case)
    if message:
        return message
    positions, d_model = case.args
    layer = keras_hub().layers.SinePositionEncoding(max_wavelength=10000)
    want = np.asarray(layer(np.zeros((1, positions, d_model), dtype=np.float32)))
    message = within(got, want, 1e-5, what="the encoding")
    return f"compared with keras_hub.layers.SinePositionEncoding: {message}" if message else None


PE_CASES = (
    Case("4 positions, d_model 8", (4, 8), public=True),
    Case("50 positions, d_model 16", (50, 16), public=True),
    Case("1 position, d_model 2", (1, 2)),
    Case("7 positions, d_model 6", (7, 6)),
    Case("30 positions, d_model 64", (30, 64)),
)

PE_MISTAKES = (
    KnownMistake("sine and cosine are swapped: the even columns 2i hold sin, the odd columns 2i+1 cos, so that "
                 "PE[0] = [0, 1, 0, 1, ...]", pe_mistake(swapped=True), atol=1e-5),
    KnownMistake("the exponent uses the column's index j: columns 2i and 2i+1 share one angle, "
                 "pos / 10000^(2i / d_model), with i = j // 2", pe_mistake(exponent="j"), atol=1e-5),
    KnownMistake("the exponent is 2j / d_model with j the column's index: it is 2i / d_model with i = j // 2, the "
                 "pair's index (so the exponent runs from 0 to about 1, not 2)", pe_mistake(exponent="2j"), atol=1e-5),
    KnownMistake("the sines and the cosines are in two blocks (all sines, then all cosines): interleave them, sin "
                 "in the even columns and cos in the odd ones", pe_mistake(blocks=True), atol=1e-5),
)


# ---------------------------------------------------------------- the masks
def padding_variant(token_ids, pad_id=0, inverted=False, layout="m1n"):
    mask = (np.asarray(token_ids) != pad_id).astype(np.float32)
    if inverted:
        mask = 1.0 - mask
    return {"m1n": mask[:, None, :], "mn": mask, "m11n": mask[:, None, None, :]}[layout]


def padding_mistake(**switches):
    return lambda case: padding_variant(*case.args, **switches)


def mask_output(expected, got, case):
    message = array_of_shape(got, np.shape(expected), "the mask")
    if message:
        return message
    got = np.asarray(got)
    if not np.isin(got, (0, 1)).all():
        return "the mask should hold only 0 and 1 (1 = attend, 0 = ignore)"
    return close(atol=0, rtol=0)(expected, got, case, "the mask")


def padding_twin(expected, got, case):
    message = mask_output(expected, got, case)
    if message:
        return message
    if (case.args + (0,))[1] != 0:  # Keras's masks know padding id 0 only
        return None
    keras = import_keras()
    tokens = np.asarray(case.args[0])
    want = np.asarray(keras.layers.Embedding(int(tokens.max()) + 1, 2, mask_zero=True).compute_mask(tokens))
    if not np.array_equal(np.asarray(got)[:, 0, :] > 0.5, want):
        return "compared with keras.layers.Embedding(mask_zero=True).compute_mask: the masks differ"
    return None


def _tokens(m, n, vocab, pad_id=0, lengths=None):
    tokens = rng.integers(1, vocab, (m, n))
    tokens[tokens == pad_id] = pad_id + 1
    for row, length in enumerate(lengths or rng.integers(1, n + 1, m)):
        tokens[row, length:] = pad_id
    return tokens


PADDING_CASES = (
    Case("3 sentences of 5 tokens, padded with 0", (np.array([[7, 6, 0, 0, 0], [1, 2, 3, 0, 0], [4, 5, 9, 8, 3]]),),
         public=True),
    Case("2 sentences of 4 tokens, padded with 2", (np.array([[5, 2, 2, 2], [3, 4, 6, 2]]), 2), public=True),
    Case("4 sentences of 9 tokens, padded with 0", (_tokens(4, 9, 20),)),
    Case("3 sentences of 6 tokens, padded with 1", (_tokens(3, 6, 12, pad_id=1), 1)),
    Case("1 sentence of 7 tokens, no padding", (_tokens(1, 7, 10, lengths=[7]),)),
    Case("5 sentences of 8 tokens, padded with 0", (_tokens(5, 8, 30),)),
)

PADDING_MISTAKES = (
    KnownMistake("the mask is inverted: Keras's convention is 1 (True) = attend, so real tokens get 1 and padding 0 "
                 "(TensorFlow's old tutorial marked the padding with 1, for its own attention function)",
                 padding_mistake(inverted=True), atol=0),
    KnownMistake("the mask has shape (m, 1, 1, n), the old TensorFlow tutorial's layout for its own attention: "
                 "Keras's MultiHeadAttention takes (m, T_q, T_k), so return (m, 1, n), which broadcasts over the "
                 "queries", padding_mistake(layout="m11n"), atol=0),
    KnownMistake("the mask has shape (m, n): add an axis for the queries, mask[:, None, :] (m, 1, n), so that it "
                 "broadcasts against attention logits (m, T_q, T_k)", padding_mistake(layout="mn"), atol=0),
)


def look_ahead_variant(n, kind="lower"):
    ones = np.ones((n, n), dtype=np.float32)
    mask = {"lower": np.tril(ones), "upper": np.triu(ones), "inverted": 1 - np.tril(ones),
            "strict": np.tril(ones, -1), "square": np.tril(ones)}[kind]
    return mask if kind == "square" else mask[None]


def look_ahead_twin(expected, got, case):
    message = mask_output(expected, got, case)
    if message:
        return message
    keras = import_keras()
    n = case.args[0]
    x = np.random.default_rng(n).standard_normal((2, n, 8)).astype(np.float32)
    mha = keras.layers.MultiHeadAttention(num_heads=2, key_dim=4)
    want = np.asarray(mha(x, x, use_causal_mask=True))
    message = within(np.asarray(mha(x, x, attention_mask=np.asarray(got))), want, 1e-6, what="the attention's output")
    return (f"compared with Keras's MultiHeadAttention(use_causal_mask=True), attention with your mask: {message}"
            if message else None)


LOOK_AHEAD_CASES = (
    Case("n = 3", (3,), public=True),
    Case("n = 5", (5,), public=True),
    Case("n = 1", (1,)),
    Case("n = 8", (8,)),
    Case("n = 6", (6,)),
)

LOOK_AHEAD_MISTAKES = (
    KnownMistake("the mask is upper-triangular: position t may attend to positions 0..t, the row t has ones up to "
                 "the diagonal, below it: np.tril or keras.ops.tril", lambda case: look_ahead_variant(*case.args, "upper"),
                 atol=0),
    KnownMistake("the mask is inverted (1 where the future is): Keras's convention is 1 = attend, so the ones are "
                 "on and below the diagonal", lambda case: look_ahead_variant(*case.args, "inverted"), atol=0),
    KnownMistake("the diagonal is 0: each position may attend to itself too (the first position would otherwise "
                 "attend to nothing); keep the ones on the diagonal", lambda case: look_ahead_variant(*case.args, "strict"),
                 atol=0),
    KnownMistake("the mask has shape (n, n): return (1, n, n), with a batch axis of 1 that broadcasts over the "
                 "sentences", lambda case: look_ahead_variant(*case.args, "square"), atol=0),
)


# ---------------------------------------------------------------- scaled_dot_product_attention
def attention_variant(**switches):
    def value(case):
        q, k, v, mask = (case.args + (None,))[:4]
        f64 = lambda a: None if a is None else np.asarray(a, dtype=np.float64)
        return _attention(f64(q), f64(k), f64(v), f64(mask), **switches)
    return value


def attention_output(expected, got, case):
    if not isinstance(got, (tuple, list)) or len(got) != 2:
        return "return a pair (output, weights)"
    output, weights = got
    message = array_of_shape(weights, np.shape(expected[1]), "the weights")
    if message:
        return message + " (T_q rows, T_k columns: one weight per query and key)"
    message = array_of_shape(output, np.shape(expected[0]), "the output")
    if message:
        return message
    if not np.allclose(np.sum(weights, axis=-1), 1, atol=1e-5):
        return "the weights of each query (each row, the last axis) should sum to 1: softmax over the keys, axis=-1"
    return close(atol=1e-5, rtol=1e-5)(expected, got, case, "(output, weights)")


def attention_twin(expected, got, case):
    message = attention_output(expected, got, case)
    if message:
        return message
    keras = import_keras()
    q, k, v, mask = (case.args + (None,))[:4]
    four = lambda a: np.swapaxes(a, 1, 2) if a.ndim == 4 else a[:, :, None, :]  # (B, T, H, D)
    B, T, H = four(q).shape[:3]
    if mask is not None:  # broadcast to (B, H, T_q, T_k): a 3-D case's mask gets the heads' axis
        mask = np.asarray(mask) if q.ndim == 4 else np.asarray(mask)[:, None]
    bool_mask = None if mask is None else np.broadcast_to(mask > 0.5, (B, H, T, k.shape[-2]))
    want = np.asarray(keras.ops.dot_product_attention(four(q), four(k), four(v), mask=bool_mask))
    want = np.swapaxes(want, 1, 2) if q.ndim == 4 else want[:, :, 0, :]
    message = within(got[0], want, 1e-5, what="the output")
    if message:
        return f"compared with keras.ops.dot_product_attention: {message}"
    message = within(got[1], attention_variant()(case)[1], 1e-5, what="the weights")
    return f"compared with softmax(q k^T / sqrt(d_k)) in NumPy: {message}" if message else None


def _qkv(batch, t_q, t_k, d_k, d_v, scale=1.0):
    shape = lambda t, d: (*batch, t, d)
    return tuple((scale * rng.standard_normal(shape(t, d))).astype(np.float32)
                 for t, d in ((t_q, d_k), (t_k, d_k), (t_k, d_v)))


def _with_padding(qkv, lengths):
    q, k, v = qkv
    mask = np.zeros((len(lengths), 1, k.shape[-2]), dtype=np.float32)
    for row, length in enumerate(lengths):
        mask[row, 0, :length] = 1
    if q.ndim == 4:
        mask = mask[:, None]
    return q, k, v, mask


ATTENTION_CASES = (
    Case("q (1, 3, 4), k (1, 4, 4), v (1, 4, 2), no mask", _qkv((1,), 3, 4, 4, 2, scale=2.0), public=True),
    Case("q, k, v (2, 4, 8), padding masks (2, 1, 4) of lengths 3 and 2",
         _with_padding(_qkv((2,), 4, 4, 8, 8, scale=2.0), [3, 2]), public=True),
    Case("q, k, v (2, 2, 5, 4) with heads, look-ahead mask (1, 5, 5)",
         _qkv((2, 2), 5, 5, 4, 4, scale=2.0) + (np.tril(np.ones((1, 5, 5), np.float32)),), public=True),
    Case("q, k, v (1, 2, 4, 4) with heads, a padding mask (1, 1, 1, 4) of length 3",
         _with_padding(_qkv((1, 2), 4, 4, 4, 4, scale=2.0), [3]), public=True),
    Case("q (3, 2, 6), k (3, 5, 6), v (3, 5, 3), large values, no mask", _qkv((3,), 2, 5, 6, 3, scale=4.0)),
    Case("q, k, v (2, 3, 6, 8) with heads, padding masks of lengths 6 and 1",
         _with_padding(_qkv((2, 3), 6, 6, 8, 8, scale=2.0), [6, 1])),
    Case("q (1, 7, 16), k, v (1, 7, 16), look-ahead mask", _qkv((1,), 7, 7, 16, 16, scale=2.0)
         + (np.tril(np.ones((1, 7, 7), np.float32)),)),
    Case("q (2, 4, 8), k (2, 6, 8), v (2, 6, 4), padding masks of lengths 4 and 6",
         _with_padding(_qkv((2,), 4, 6, 8, 4, scale=2.0), [4, 6])),
    Case("q, k, v (2, 2, 5, 4) with heads and a look-ahead mask, other numbers",
         _qkv((2, 2), 5, 5, 4, 4, scale=2.0) + (np.tril(np.ones((1, 5, 5), np.float32)),)),
)

ATTENTION_MISTAKES = (
    KnownMistake("the logits are not scaled: divide q k^T by sqrt(d_k), the keys' size, or the softmax saturates "
                 "when d_k is large", attention_variant(scale="none"), atol=1e-5),
    KnownMistake("the logits are divided by d_k: divide by its square root, sqrt(d_k) (the dot product of two "
                 "vectors of d_k unit-variance numbers has variance d_k, so standard deviation sqrt(d_k))",
                 attention_variant(scale="d_k"), atol=1e-5),
    KnownMistake("the softmax ran over the queries' axis (-2): each query's weights must sum to 1 over the keys, "
                 "the last axis", attention_variant(axis=-2), atol=1e-5),
    KnownMistake("the mask has the wrong sign: Keras's masks say 1 = attend, so add (1 - mask) * -1e9, which leaves "
                 "the allowed logits alone and pushes the masked ones to -1e9", attention_variant(mask_sign=-1.0),
                 atol=1e-5),
)


# ---------------------------------------------------------------- encoder_layer and decoder_layer
def _weights_problem(weights, sizes, attentions, norms):
    """A message when the layer's weights (by role) are missing or shaped unlike the recipe's, else None."""
    d, h, fc = sizes
    if not isinstance(weights, dict):
        return "the layer's weights could not be read: keep the given wrapper as it is"
    missing = [name for name in (*attentions, "ffn", *norms) if name not in weights or not weights[name]]
    if missing:
        return (f"the layer has no weights for {missing}: make the sublayers in __init__ with these names (self."
                + ", self.".join(missing) + ")")
    for name in attentions:
        shapes = [np.shape(w) for w in weights[name]]
        if len(shapes) != 8:
            return f"self.{name} should be a keras.layers.MultiHeadAttention (8 weights), got {len(shapes)} weights"
        if shapes[0][:2] != (d, h):
            return f"self.{name} should have num_heads={h} heads on embeddings of {d}; its query kernel is {shapes[0]}"
        if shapes[0][2] != d // h:
            return (f"self.{name} has key_dim={shapes[0][2]}: the course splits the embedding among the heads, "
                    f"key_dim = embedding_dim // num_heads = {d // h} (as the paper and keras_hub do), so that "
                    "the heads together cost what one full-size attention would")
    shapes = [np.shape(w) for w in weights["ffn"]]
    if shapes != [(d, fc), (fc,), (fc, d), (d,)]:
        return (f"self.ffn's weights have shapes {shapes}: it should be Dense(fully_connected_dim={fc}, "
                f"activation='relu') then Dense(embedding_dim={d}), {[(d, fc), (fc,), (fc, d), (d,)]}")
    for name in norms:
        if [np.shape(w) for w in weights[name]] != [(d,), (d,)]:
            return f"self.{name} should be a LayerNormalization over the last axis (gamma and beta of {d} numbers)"
    return None


def _diagnose(got, want, variants, what):
    """None if got matches want; else the message of the first variant (message, value) it matches, or by how much
    it differs."""
    message = within(got, want, ATOL, what=what)
    if not message:
        return None
    for variant_message, variant in variants:
        if within(got, variant(), ATOL) is None:
            return variant_message
    return message + " (recomputed from your layer's own weights)"


EPS_MESSAGE = ("the output is what LayerNormalization's default epsilon (1e-3) gives: pass "
               "epsilon=layernorm_eps (1e-6) to each LayerNormalization")
PRE_MESSAGE = ("you normalised before each sublayer (x + sublayer(norm(x)), the 'pre-norm' variant): the course's "
               "layer adds, then normalises: norm(x + sublayer(x))")
NO_RESIDUAL_MESSAGE = ("the residual connections are missing: each sublayer's output is added to its input before "
                       "the normalisation, norm(x + sublayer(x))")


def encoder_output(expected, got, case):
    x, mask, d, h, fc = case.args[:5]
    m, t = np.shape(x)[:2]
    if not isinstance(got, dict) or not {"output", "weights"} <= set(got):
        return "encoder_layer is given: keep its return value, a dict with the output and the weights"
    message = array_of_shape(got["output"], (m, t, d), "the layer's output")
    if message:
        return message
    w = got["weights"]
    message = _weights_problem(w, (d, h, fc), ("mha",), ("layernorm1", "layernorm2"))
    if message:
        return message
    return _diagnose(got["output"], encoder_numpy(x, mask, w), (
        (EPS_MESSAGE, lambda: encoder_numpy(x, mask, w, eps=1e-3)),
        (PRE_MESSAGE, lambda: encoder_numpy(x, mask, w, style="pre")),
        (NO_RESIDUAL_MESSAGE, lambda: encoder_numpy(x, mask, w, style="no residual")),
        ("the mask is used the other way round: pass padding_mask as attention_mask (1 = attend) as it is",
         lambda: encoder_numpy(x, mask, w, mask_flip=True)),
        ("the output is what the layer gives without a mask: call self.mha(x, x, x, attention_mask=padding_mask)",
         lambda: encoder_numpy(x, None, w)),
        ("the feed-forward network has no ReLU: its first Dense layer has activation='relu'",
         lambda: encoder_numpy(x, mask, w, relu=False)),
    ), "the layer's output")


def _hub_weights(layer, pairs):
    for attribute, weights in pairs:
        getattr(layer, attribute).set_weights([np.asarray(w) for w in weights])


def encoder_twin(expected, got, case):
    message = encoder_output(expected, got, case)
    if message:
        return message
    x, mask, d, h, fc = case.args[:5]
    w = got["weights"]
    padding = np.asarray(mask)[:, 0, :] > 0.5
    layer = keras_hub().layers.TransformerEncoder(intermediate_dim=fc, num_heads=h, dropout=0.0, layer_norm_epsilon=1e-6)
    layer(x, padding_mask=padding)
    _hub_weights(layer, (("_self_attention_layer", w["mha"]), ("_self_attention_layer_norm", w["layernorm1"]),
                         ("_feedforward_intermediate_dense", w["ffn"][:2]), ("_feedforward_output_dense", w["ffn"][2:]),
                         ("_feedforward_layer_norm", w["layernorm2"])))
    want = np.asarray(layer(x, padding_mask=padding, training=False))
    message = within(got["output"], want, ATOL, what="the layer's output")
    return f"compared with keras_hub.layers.TransformerEncoder holding your weights: {message}" if message else None


def _padding(m, n, lengths):
    mask = np.zeros((m, 1, n), dtype=np.float32)
    for row, length in enumerate(lengths):
        mask[row, 0, :length] = 1
    return mask



ENCODER_CASES = (
    Case("x (2, 5, 8), padding of lengths 5 and 3, d 8, 2 heads, FFN 16", (normal_batch(rng, 2, 5, 8), _padding(2, 5, [5, 3]), 8, 2, 16, 0),
         public=True),
    Case("x (1, 4, 12), no padding, d 12, 3 heads, FFN 24", (normal_batch(rng, 1, 4, 12), _padding(1, 4, [4]), 12, 3, 24, 1), public=True),
    Case("x (3, 6, 8), padding of lengths 6, 2 and 4, d 8, 1 head, FFN 8",
         (normal_batch(rng, 3, 6, 8), _padding(3, 6, [6, 2, 4]), 8, 1, 8, 2)),
    Case("x (2, 7, 16), padding of lengths 3 and 7, d 16, 4 heads, FFN 32",
         (normal_batch(rng, 2, 7, 16), _padding(2, 7, [3, 7]), 16, 4, 32, 3)),
)


def decoder_output(expected, got, case):
    x, enc_output, look_ahead, padding, d, h, fc = case.args[:7]
    m, t_d = np.shape(x)[:2]
    t_e = np.shape(enc_output)[1]
    if not isinstance(got, dict) or not {"output", "self_attention", "cross_attention", "weights"} <= set(got):
        return "decoder_layer is given: keep its return value, a dict with the outputs and the weights"
    if np.shape(got["output"]) == (m, t_e, d) and t_e != t_d:
        return ("the output has the encoder's length: in the second attention the queries come from the decoder, "
                "the keys and values from the encoder: self.mha2(out1, enc_output, enc_output, ...)")
    for key, shape in (("output", (m, t_d, d)), ("self_attention", (m, h, t_d, t_d)), ("cross_attention", (m, h, t_d, t_e))):
        message = array_of_shape(got[key], shape, f"the {key.replace('_', ' ')}")
        if message:
            return message + ("" if key == "output" else ": return the scores of self.mha1 and self.mha2, "
                              "return_attention_scores=True")
    w = got["weights"]
    message = _weights_problem(w, (d, h, fc), ("mha1", "mha2"), ("layernorm1", "layernorm2", "layernorm3"))
    if message:
        return message
    want = decoder_numpy(x, enc_output, look_ahead, padding, w)
    message = _diagnose(got["output"], want[0], (
        (EPS_MESSAGE, lambda: decoder_numpy(x, enc_output, look_ahead, padding, w, eps=1e-3)[0]),
        (PRE_MESSAGE, lambda: decoder_numpy(x, enc_output, look_ahead, padding, w, style="pre")[0]),
        (NO_RESIDUAL_MESSAGE, lambda: decoder_numpy(x, enc_output, look_ahead, padding, w, style="no residual")[0]),
        ("the first block attends to the future: pass look_ahead_mask as its attention_mask",
         lambda: decoder_numpy(x, enc_output, None, padding, w)[0]),
        ("the second block ignores the padding: pass padding_mask as its attention_mask",
         lambda: decoder_numpy(x, enc_output, look_ahead, None, w)[0]),
    ), "the layer's output")
    if message:
        return message
    for i, key, sublayer in ((1, "self_attention", "self.mha1"), (2, "cross_attention", "self.mha2")):
        message = within(got[key], want[i], ATOL, what=f"the attention of block {i}")
        if message:
            return f"{message}: return the scores of {sublayer}, called with return_attention_scores=True"
    return None


def decoder_twin(expected, got, case):
    message = decoder_output(expected, got, case)
    if message:
        return message
    x, enc_output, look_ahead, padding, d, h, fc = case.args[:7]
    w = got["weights"]
    encoder_padding = np.asarray(padding)[:, 0, :] > 0.5
    layer = keras_hub().layers.TransformerDecoder(intermediate_dim=fc, num_heads=h, dropout=0.0, layer_norm_epsilon=1e-6)
    layer(x, enc_output, encoder_padding_mask=encoder_padding)
    _hub_weights(layer, (("_self_attention_layer", w["mha1"]), ("_self_attention_layer_norm", w["layernorm1"]),
                         ("_cross_attention_layer", w["mha2"]), ("_cross_attention_layer_norm", w["layernorm2"]),
                         ("_feedforward_intermediate_dense", w["ffn"][:2]), ("_feedforward_output_dense", w["ffn"][2:]),
                         ("_feedforward_layer_norm", w["layernorm3"])))
    want = np.asarray(layer(x, enc_output, encoder_padding_mask=encoder_padding, use_causal_mask=True, training=False))
    message = within(got["output"], want, ATOL, what="the layer's output")
    return f"compared with keras_hub.layers.TransformerDecoder holding your weights: {message}" if message else None


def _causal(n):
    return np.tril(np.ones((1, n, n), dtype=np.float32))


DECODER_CASES = (
    Case("x (2, 4, 8), encoder output (2, 5, 8), look-ahead and padding masks, d 8, 2 heads, FFN 16",
         (normal_batch(rng, 2, 4, 8), normal_batch(rng, 2, 5, 8), _causal(4), _padding(2, 5, [5, 2]), 8, 2, 16, 0), public=True),
    Case("x (1, 3, 12), encoder output (1, 6, 12), d 12, 3 heads, FFN 24",
         (normal_batch(rng, 1, 3, 12), normal_batch(rng, 1, 6, 12), _causal(3), _padding(1, 6, [4]), 12, 3, 24, 1), public=True),
    Case("x (3, 1, 8), encoder output (3, 4, 8), one decoder step, d 8, 1 head, FFN 8",
         (normal_batch(rng, 3, 1, 8), normal_batch(rng, 3, 4, 8), _causal(1), _padding(3, 4, [4, 1, 3]), 8, 1, 8, 2)),
    Case("x (2, 5, 16), encoder output (2, 7, 16), d 16, 4 heads, FFN 32",
         (normal_batch(rng, 2, 5, 16), normal_batch(rng, 2, 7, 16), _causal(5), _padding(2, 7, [7, 3]), 16, 4, 32, 3)),
)


# ---------------------------------------------------------------- transformer
def transformer_numpy(encoder_tokens, decoder_tokens, sizes, w, scaled=True):
    """The probabilities (m, T_d, target_vocab_size) of the course's Transformer with weights w."""
    d = sizes["embedding_dim"]
    encoder_tokens, decoder_tokens = np.asarray(encoder_tokens), np.asarray(decoder_tokens)
    t_e, t_d = encoder_tokens.shape[1], decoder_tokens.shape[1]
    padding = (encoder_tokens != 0).astype(np.float64)[:, None, :]
    look_ahead = np.tril(np.ones((1, t_d, t_d)))
    scale = np.sqrt(d) if scaled else 1.0
    x = np.asarray(w["encoder_embedding"], np.float64)[encoder_tokens] * scale
    x = x + pe_variant(sizes["max_positional_encoding_input"], d)[:, :t_e]
    for layer in w["encoder_layers"]:
        x = encoder_numpy(x, padding, layer)
    y = np.asarray(w["decoder_embedding"], np.float64)[decoder_tokens] * scale
    y = y + pe_variant(sizes["max_positional_encoding_target"], d)[:, :t_d]
    for layer in w["decoder_layers"]:
        y = decoder_numpy(y, x, look_ahead, padding, layer)[0]
    W, b = (np.asarray(a, np.float64) for a in w["final_layer"])
    return _softmax(y @ W + b)


def transformer_parameters(sizes):
    d, fc, n = sizes["embedding_dim"], sizes["fully_connected_dim"], sizes["num_layers"]
    attention, ffn, norm = 4 * d * d + 4 * d, 2 * d * fc + fc + d, 2 * d
    return (sizes["input_vocab_size"] * d + sizes["target_vocab_size"] * d + n * (attention + ffn + 2 * norm)
            + n * (2 * attention + ffn + 3 * norm) + d * sizes["target_vocab_size"] + sizes["target_vocab_size"])


def transformer_output(expected, got, case):
    encoder_tokens, decoder_tokens, sizes = case.args[:3]
    m, t_d = np.shape(decoder_tokens)
    if not isinstance(got, dict) or not {"probabilities", "parameters", "weights"} <= set(got):
        return "transformer is given: keep its return value, a dict with the probabilities, the count and the weights"
    message = array_of_shape(got["probabilities"], (m, t_d, sizes["target_vocab_size"]), "the probabilities")
    if message:
        return message
    if not np.allclose(np.sum(got["probabilities"], axis=-1), 1, atol=1e-4):
        return "the probabilities of each position should sum to 1: the final Dense layer has activation='softmax'"
    w = got["weights"]
    n = sizes["num_layers"]
    if not isinstance(w, dict) or len(w.get("encoder_layers", [])) != n or len(w.get("decoder_layers", [])) != n:
        return f"the model should have num_layers = {n} EncoderLayer and {n} DecoderLayer blocks (self.encoder_layers, " \
               "self.decoder_layers, lists)"
    want = transformer_parameters(sizes)
    if int(got["parameters"]) != want:
        return (f"the model has {int(got['parameters']):,} parameters, the recipe {want:,}: two embeddings of "
                "embedding_dim, num_layers encoder and decoder layers, and a Dense(target_vocab_size) at the end")
    return _diagnose(got["probabilities"], transformer_numpy(encoder_tokens, decoder_tokens, sizes, w), (
        ("the embeddings are not scaled: multiply them by sqrt(embedding_dim) before adding the positional encoding",
         lambda: transformer_numpy(encoder_tokens, decoder_tokens, sizes, w, scaled=False)),
    ), "the probabilities")


def _sizes(num_layers, d, h, fc, v_in, v_t, max_in=12, max_t=12):
    return {"num_layers": num_layers, "embedding_dim": d, "num_heads": h, "fully_connected_dim": fc,
            "input_vocab_size": v_in, "target_vocab_size": v_t, "max_positional_encoding_input": max_in,
            "max_positional_encoding_target": max_t}


def _target(m, n, vocab):
    return rng.integers(1, vocab, (m, n))


TRANSFORMER_CASES = (
    Case("1 layer, d 8, 2 heads, inputs (2, 6) with padding, targets (2, 5)",
         (_tokens(2, 6, 12, lengths=[6, 3]), _target(2, 5, 10), _sizes(1, 8, 2, 16, 12, 10), 0), public=True),
    Case("2 layers, d 12, 3 heads, inputs (3, 5) with padding, targets (3, 4)",
         (_tokens(3, 5, 15, lengths=[2, 5, 4]), _target(3, 4, 9), _sizes(2, 12, 3, 24, 15, 9), 1), public=True),
    Case("2 layers, d 16, 4 heads, inputs (2, 9) with padding, targets (2, 7)",
         (_tokens(2, 9, 20, lengths=[9, 5]), _target(2, 7, 11), _sizes(2, 16, 4, 32, 20, 11), 2)),
    Case("1 layer, d 8, 1 head, inputs (3, 4), one target step",
         (_tokens(3, 4, 7, lengths=[4, 1, 2]), _target(3, 1, 6), _sizes(1, 8, 1, 8, 7, 6, 20, 20), 3)),
)


CHECKS = [
    Check("positional_encoding",
          hint="angles = pos / 10000 ** (2 * (j // 2) / d_model) for positions pos = 0..positions-1 (a column) and "
               "columns j = 0..d_model-1 (a row); sin on the even columns, cos on the odd ones; return "
               "pe[np.newaxis] as float32, (1, positions, d_model)",
          cases=PE_CASES, compare=pe_twin, known_mistakes=PE_MISTAKES),
    Check("create_padding_mask",
          hint="1.0 where token_ids != pad_id, 0.0 at the padding (keras.ops.not_equal, then cast to float32), "
               "with an axis for the queries: (m, 1, n)",
          cases=PADDING_CASES, compare=padding_twin, known_mistakes=PADDING_MISTAKES),
    Check("create_look_ahead_mask",
          hint="ones on and below the diagonal, zeros above (position t sees positions 0..t): "
               "keras.ops.tril(keras.ops.ones((1, n, n))), float32, (1, n, n)",
          cases=LOOK_AHEAD_CASES, compare=look_ahead_twin, known_mistakes=LOOK_AHEAD_MISTAKES),
    Check("scaled_dot_product_attention",
          hint="logits = q k^T / sqrt(d_k) (k transposed on its last two axes, d_k = k's last size); with a mask, add "
               "(1 - mask) * -1e9; weights = softmax over the last axis; output = weights v; return (output, weights)",
          cases=ATTENTION_CASES, compare=attention_twin, known_mistakes=ATTENTION_MISTAKES),
    Check("encoder_layer",
          hint="__init__: self.mha = MultiHeadAttention(num_heads, key_dim=embedding_dim // num_heads, "
               "dropout=dropout_rate), self.ffn = Sequential([Dense(fully_connected_dim, relu), Dense(embedding_dim)]), "
               "self.layernorm1/2 = LayerNormalization(epsilon=layernorm_eps), self.dropout_ffn = Dropout(dropout_rate); "
               "call: out1 = layernorm1(x + mha(x, x, x, attention_mask=padding_mask)); "
               "return layernorm2(out1 + dropout_ffn(ffn(out1)))",
          cases=ENCODER_CASES, compare=encoder_twin),
    Check("decoder_layer",
          hint="block 1: mha1(x, x, x, attention_mask=look_ahead_mask, return_attention_scores=True), out1 = "
               "layernorm1(x + it); block 2: mha2(out1, enc_output, enc_output, attention_mask=padding_mask, "
               "return_attention_scores=True), out2 = layernorm2(out1 + it); out3 = layernorm3(out2 + "
               "dropout_ffn(ffn(out2))); return (out3, block-1 scores, block-2 scores)",
          cases=DECODER_CASES, compare=decoder_twin),
    Check("transformer",
          hint="the padding mask of the encoder's tokens and the look-ahead mask of the decoder's length; each side: "
               "embedding * sqrt(embedding_dim) + its positional encoding[:, :T], dropout, then its layers (the "
               "encoder's with the padding mask; the decoder's with the encoder's output, the look-ahead mask and the "
               "padding mask); final_layer on the decoder's output",
          cases=TRANSFORMER_CASES, compare=transformer_output),
]
