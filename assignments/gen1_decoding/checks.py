"""Checks of assignment gen1 (decoding: temperature, top-k and top-p filtering, drawing a token, generating
names from a bigram model, beam search with n-gram blocking). Expected outputs: expected/*.npz.

The distributions are 1-D arrays over a vocabulary. The rules that make each answer unique are the
notebook's: ties in top-k and top-p go to the smaller token id (a stable sort of -probs, as keras.ops.top_k
orders them); top-p keeps a token when the mass of the tokens sorted before it is below p (the token that
crosses p is kept); sample_next returns the token i with cumsum[i-1] <= u < cumsum[i], and the last token of
non-zero probability when rounding leaves u above the total. No case puts p within 1e-3 of a cumulative sum,
so every right way of writing the rule agrees.

The library twins, computed here in the grader's process on the hidden cases that say so (`reference`):
reweight_distribution against keras_hub's Sampler.compute_probabilities(log p) with that temperature
(float32, so within 1e-6); top_k_filter against keras.ops.top_k's indices and, like top_p_filter, against
20,000 draws of keras_hub.samplers.TopKSampler / TopPSampler: every token drawn must have a positive
probability in the learner's distribution, and each frequency must be within 5 standard deviations (plus
0.002) of it; sample_next against NumPy's Generator.choice(V, p=probs) drawn with the same seed, whose first
rng.random() is the case's u (Generator.choice is this inverse CDF); beam_search, where no n-gram is
blocked, against keras_hub.samplers.BeamSampler driven by a `next` function that returns the table's row of
the last token (the tables' end rows make `end` absorbing, which is what setting finished beams aside in the
beam amounts to; keras-hub has no n-gram blocking).

generate draws from the names model of the notebook (a character bigram model counted from
lessons.data.make_dino_names()). The solution's draws follow one rule (one rng.random() per step, given to
sample_next): a learner who follows it returns exactly the recorded names and passes at once. Other right
ways of drawing (rng.choice, another order of draws) are judged by what they produce: every transition
a -> b drawn must have a positive probability under the model after temperature, top-k and top-p; no
transition the model expects 20 times or more may be missing; the total variation between the counted
transitions and the model's, 0.5 * sum |count(a, b) - n(a) q(b | a)| / N, must stay below 1.5 times the
value pure sampling noise gives on average plus 0.01 (measured over five seeds of the solution: the ratio
was 0.9 to 1.1; the planted mistakes give 0.11 to 0.85 against 0.02 to 0.05); at a temperature below 1,
the names' distinct-2 (distinct character bigrams over all bigrams) must be below the solution's at T = 1
with the same seed and number. Names that repeat (the generator made again for each name) are named.
"""
from functools import lru_cache

import numpy as np

from grader.checks import Case, Check, KnownMistake, agrees_with, array_of_shape, close, import_keras, one_number

rng = np.random.default_rng(7101)
TWIN = "twin"  # a case's reference: compare with the library twin too


# ---------------------------------------------------------------- the reference decoders
def reweighted(probs, temperature):
    probs = np.asarray(probs, dtype=np.float64)
    scaled = (probs / probs.max()) ** (1.0 / temperature)
    return scaled / scaled.sum()


def _stable_order(probs):
    return np.argsort(-np.asarray(probs, dtype=np.float64), kind="stable")


def top_k_reference(probs, k):
    probs = np.asarray(probs, dtype=np.float64)
    kept = np.zeros_like(probs)
    order = _stable_order(probs)[:k]
    kept[order] = probs[order]
    return kept / kept.sum()


def top_p_reference(probs, p):
    probs = np.asarray(probs, dtype=np.float64)
    order = _stable_order(probs)
    before = np.concatenate([[0.0], np.cumsum(probs[order])[:-1]])
    kept = np.zeros_like(probs)
    kept[order[before < p]] = probs[order[before < p]]
    return kept / kept.sum()


def inverse_cdf(probs, u):
    probs = np.asarray(probs, dtype=np.float64)
    i = int(np.searchsorted(np.cumsum(probs), u, side="right"))
    return min(i, int(np.flatnonzero(probs > 0)[-1]))


def filtered_row(row, temperature, top_k, top_p):
    q = reweighted(row, temperature)
    if top_k > 0:
        q = top_k_reference(q, top_k)
    if top_p < 1:
        q = top_p_reference(q, top_p)
    return q


def generate_reference(table, start, end, n, max_len, temperature, top_k, top_p, seed):
    draws = np.random.default_rng(seed)
    names = []
    for _ in range(n):
        tokens = [start]
        for _ in range(max_len):
            token = inverse_cdf(filtered_row(table[tokens[-1]], temperature, top_k, top_p), draws.random())
            tokens.append(token)
            if token == end:
                break
        names.append(tokens[1:])
    return names


# ---------------------------------------------------------------- the twins (TensorFlow only when a case asks)
def _keras_hub():
    import warnings
    import_keras()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import keras_hub
    return keras_hub


def twin_temperature(probs, temperature):
    keras_hub = _keras_hub()
    with np.errstate(divide="ignore"):
        logits = np.log(np.asarray(probs, dtype=np.float64))[None]
    return np.asarray(keras_hub.samplers.RandomSampler(temperature=temperature).compute_probabilities(logits))[0]


def twin_draws(sampler, probs, n=20000):
    """n tokens drawn by a keras_hub sampler's get_next_token from n copies of `probs`."""
    table = np.tile(np.asarray(probs, dtype=np.float32), (n, 1))
    return np.asarray(sampler.get_next_token(table)).astype(int)


def draws_agree(got, draws, twin):
    """None when the draws of `twin` could come from the distribution `got`, else a message."""
    got = np.asarray(got, dtype=np.float64)
    drawn = np.unique(draws)
    outside = [int(t) for t in drawn if got[t] <= 0]
    if outside:
        return (f"compared with {twin}: it draws token {outside[0]}, to which your distribution gives probability 0 "
                f"({len(draws):,} draws)")
    freq = np.bincount(draws, minlength=got.size) / len(draws)
    allowed = 5 * np.sqrt(got * (1 - got) / len(draws)) + 0.002
    worst = int(np.argmax(np.abs(freq - got) - allowed))
    if abs(freq[worst] - got[worst]) > allowed[worst]:
        return (f"compared with {twin}: token {worst} is drawn {freq[worst]:.4f} of the time in {len(draws):,} draws, "
                f"your distribution gives it {got[worst]:.4f}")
    return None


# ---------------------------------------------------------------- reweight_distribution
def distribution_output(twin=None):
    """The comparison of a filtered distribution with the solution's, and with `twin(case, got)` on the hidden
    cases whose reference asks for it."""
    def compare(expected, got, case):
        message = array_of_shape(got, np.shape(expected), "the distribution", finite=False)
        if message:
            return message
        got = np.asarray(got, dtype=np.float64)
        if not np.all(np.isfinite(got)):
            return ("the distribution contains NaN or infinity: p ** (1 / T) underflows to 0 for every token when T "
                    "is small (0.1 ** 500 is 0 in float64), and 0 / 0 is NaN; divide by the largest probability "
                    "first, (p / p.max()) ** (1 / T), or subtract the largest log-probability before exp")
        message = close(atol=1e-9, rtol=1e-7)(expected, got, case, "the distribution")
        if message:
            if abs(got.sum() - 1) > 1e-6:
                message += f"; it adds up to {got.sum():.6f}, not 1"
            return message
        return twin(case, got) if twin and case.reference == TWIN else None
    return compare


def temperature_twin(case, got):
    probs, temperature = case.args
    return agrees_with(got, twin_temperature(probs, temperature),
                       f"keras_hub.samplers.RandomSampler(temperature={temperature:g}).compute_probabilities(log p)",
                       atol=1e-6, what="the distribution")


def _probs(v, concentration=1.0, zeros=0):
    p = rng.dirichlet(np.full(v, concentration))
    if zeros:
        p[rng.choice(v, zeros, replace=False)] = 0
        p /= p.sum()
    return p


def _flat(v, zeros=0):
    """Nearly equal probabilities (all below 0.2): p ** (1 / T) underflows for a tiny T."""
    return _probs(v, concentration=200.0, zeros=zeros)


def temperature_variant(kind):
    def value(case):
        probs, temperature = (np.asarray(case.args[0], dtype=np.float64), case.args[1])
        if kind == "times":
            return reweighted(probs, 1 / temperature)
        if kind == "unnormalised":
            return probs ** (1 / temperature)
        if kind == "logits":
            z = probs / temperature
            return np.exp(z - z.max()) / np.exp(z - z.max()).sum()
        return probs / probs.sum()  # probs / T, renormalised: unchanged
    return value


TEMPERATURE_CASES = (
    Case("5 tokens, T = 1 (unchanged)", (_probs(5), 1.0), public=True),
    Case("5 tokens, T = 0.5 (sharper)", (_probs(5), 0.5), public=True),
    Case("6 tokens, one of probability 0, T = 2 (flatter)", (_probs(6, zeros=1), 2.0), public=True),
    Case("12 nearly equal tokens, T = 0.002 (p ** 500 underflows)", (_flat(12), 0.002), public=True),
    Case("8 tokens, T = 0.7", (_probs(8), 0.7), reference=TWIN),
    Case("20 tokens, three of probability 0, T = 1.5", (_probs(20, 0.5, zeros=3), 1.5), reference=TWIN),
    Case("10 nearly equal tokens, two of probability 0, T = 0.004", (_flat(10, zeros=2), 0.004), reference=TWIN),
    Case("4 tokens, T = 5", (_probs(4), 5.0), reference=TWIN),
)

TEMPERATURE_MISTAKES = (
    KnownMistake("you raised p to the power T: a temperature divides the log-probabilities, p ** (1 / T) "
                 "renormalised, so that T < 1 sharpens the distribution and T > 1 flattens it",
                 temperature_variant("times"), atol=1e-7),
    KnownMistake("your p ** (1 / T) is not renormalised: divide it by its sum so that it is a distribution again",
                 temperature_variant("unnormalised"), atol=1e-7),
    KnownMistake("you took the softmax of p / T, treating probabilities as logits: the logits are log p, so the "
                 "result is softmax(log p / T) = p ** (1 / T) renormalised", temperature_variant("logits"), atol=1e-7),
    KnownMistake("you returned the distribution unchanged: dividing probabilities by T and renormalising cancels "
                 "out; raise them to the power 1 / T", temperature_variant("unchanged"), atol=1e-9),
)


# ---------------------------------------------------------------- top_k_filter
def top_k_twin(case, got):
    probs, k = case.args
    keras = import_keras()
    _, indices = keras.ops.top_k(np.asarray(probs, dtype=np.float32), k)
    wanted = sorted(int(i) for i in np.asarray(indices))
    kept = sorted(int(i) for i in np.flatnonzero(got > 0))
    if kept != sorted(set(wanted) & set(np.flatnonzero(np.asarray(probs) > 0).tolist())):
        return f"compared with keras.ops.top_k(probs, {k}): it keeps the tokens {wanted}, your distribution {kept}"
    keras_hub = _keras_hub()
    return draws_agree(got, twin_draws(keras_hub.samplers.TopKSampler(k=k, seed=71), probs),
                       f"keras_hub.samplers.TopKSampler(k={k})")


def _dist(values):
    p = np.asarray(values, dtype=np.float64)
    return p / p.sum()


def top_k_variant(kind):
    def value(case):
        probs, k = np.asarray(case.args[0], dtype=np.float64), case.args[1]
        if kind == "unnormalised":
            return top_k_reference(probs, k) * np.sort(probs)[::-1][:k].sum()
        if kind in ("smallest", "larger ids"):
            order = np.argsort(probs, kind="stable")
            order = order[:k] if kind == "smallest" else order[max(probs.size - k, 0):]
            kept = np.zeros_like(probs)
            kept[order] = probs[order]
            return kept / kept.sum()
        kept = np.where(probs >= np.sort(probs)[::-1][min(k, probs.size) - 1], probs, 0)  # every tie kept
        return kept / kept.sum()
    return value


TOP_K_CASES = (
    Case("6 tokens, k = 2", (_probs(6), 2), public=True),
    Case("6 tokens, k = 1 (greedy)", (_probs(6), 1), public=True),
    Case("5 tokens, two tied at the 2nd place, k = 2 (the smaller id wins)", (_dist([1, 3, 2, 2, 1]), 2), public=True),
    Case("4 tokens, k = 10 (k >= V: unchanged)", (_probs(4), 10), public=True),
    Case("10 tokens, k = 3", (_probs(10), 3), reference=TWIN),
    Case("23 tokens, five of probability 0, k = 5", (_probs(23, 0.5, zeros=5), 5), reference=TWIN),
    Case("7 tokens, three tied at the 2nd place, k = 3", (_dist([5, 2, 3, 1, 3, 3, 1]), 3)),
    Case("8 tokens, k = 8", (_probs(8), 8)),
    Case("9 tokens, k = 6", (_probs(9, 0.7), 6), reference=TWIN),
)

TOP_K_MISTAKES = (
    KnownMistake("the k kept probabilities are not renormalised: divide them by their sum so that they add up to 1",
                 top_k_variant("unnormalised"), atol=1e-9),
    KnownMistake("you kept the k least likely tokens: np.argsort sorts in increasing order; take the last k, or "
                 "sort -probs", top_k_variant("smallest"), atol=1e-9),
    KnownMistake("among tied tokens you kept the larger ids: np.argsort(probs)[-k:] lists ties in increasing id "
                 "order and takes the last ones; ties go to the smaller id, np.argsort(-probs, kind='stable')[:k]",
                 top_k_variant("larger ids"), atol=1e-9),
    KnownMistake("you kept every token tied with the k-th largest probability, more than k tokens: keep exactly k, "
                 "ties going to the smaller token id (np.argsort(-probs, kind='stable')[:k])",
                 top_k_variant("ties"), atol=1e-9),
)


# ---------------------------------------------------------------- top_p_filter
def top_p_twin(case, got):
    probs, p = case.args
    keras_hub = _keras_hub()
    return draws_agree(got, twin_draws(keras_hub.samplers.TopPSampler(p=p, seed=72), probs),
                       f"keras_hub.samplers.TopPSampler(p={p:g})")


def top_p_variant(kind):
    def value(case):
        probs, p = np.asarray(case.args[0], dtype=np.float64), case.args[1]
        if kind == "unnormalised":
            return top_p_reference(probs, p) * probs[top_p_reference(probs, p) > 0].sum()
        if kind == "unsorted":
            kept = np.where(np.cumsum(probs) - probs < p, probs, 0)
            return kept / kept.sum()
        if kind == "larger ids":
            order = np.argsort(probs, kind="stable")[::-1]
            before = np.cumsum(probs[order]) - probs[order]
            kept = np.zeros_like(probs)
            kept[order[before < p]] = probs[order[before < p]]
            return kept / kept.sum()
        order = _stable_order(probs)
        kept = np.zeros_like(probs)
        inside = order[np.cumsum(probs[order]) <= p]
        kept[inside] = probs[inside]
        with np.errstate(invalid="ignore"):  # nothing kept when the likeliest token alone holds more than p
            return kept / kept.sum()
    return value


def _away_from_p(probs, p):
    """The case's distribution, refused if p is within 1e-3 of a cumulative sum (the boundary is then a matter
    of rounding)."""
    sums = np.cumsum(np.sort(probs)[::-1])
    assert np.min(np.abs(sums - p)) > 1e-3, (sums, p)
    return probs, p


TOP_P_CASES = (
    Case("5 tokens, p = 0.7 (the token that crosses 0.7 is kept)", _away_from_p(_dist([8, 25, 5, 40, 22]), 0.7),
         public=True),
    Case("6 tokens, p = 0.3 (the most likely token alone)", _away_from_p(_dist([10, 45, 15, 10, 12, 8]), 0.3),
         public=True),
    Case("4 tokens, p = 1.0 (unchanged)", (_dist([3, 1, 4, 2]), 1.0), public=True),
    Case("5 tokens, two tied, p = 0.45 (the smaller id wins)", _away_from_p(_dist([15, 20, 30, 20, 15]), 0.45),
         public=True),
    Case("10 tokens, p = 0.9", _away_from_p(_probs(10), 0.9), reference=TWIN),
    Case("23 tokens, six of probability 0, p = 0.5", _away_from_p(_probs(23, 0.5, zeros=6), 0.5), reference=TWIN),
    Case("8 tokens, p = 0.05", _away_from_p(_probs(8), 0.05)),
    Case("7 tokens, three tied, p = 0.3", _away_from_p(_dist([9, 20, 20, 5, 20, 14, 12]), 0.3)),
    Case("7 tokens, p = 0.75", _away_from_p(_probs(7, 2.0), 0.75), reference=TWIN),
)

TOP_P_MISTAKES = (
    KnownMistake("you dropped the token that crosses p: keep the smallest set of most likely tokens whose mass "
                 "reaches p, which includes the token that takes the sum past p (keep a token when the mass "
                 "sorted before it is below p)", top_p_variant("excluded"), atol=1e-9),
    KnownMistake("the kept probabilities are not renormalised: divide them by their sum so that they add up to 1",
                 top_p_variant("unnormalised"), atol=1e-9),
    KnownMistake("you summed the probabilities in token order: sort them from the most likely down first "
                 "(np.argsort(-probs, kind='stable')), then take the cumulative sum", top_p_variant("unsorted"),
                 atol=1e-9),
    KnownMistake("among tied tokens you put the larger id first: np.argsort(probs)[::-1] reverses the order of "
                 "ties too; sort -probs with kind='stable' so that the smaller id comes first",
                 top_p_variant("larger ids"), atol=1e-9),
)


# ---------------------------------------------------------------- sample_next
def token_output(expected, got, case):
    message = one_number(got, "the token", size_one=True)
    if message:
        return message + ": return one token id, an int"
    got = np.asarray(got).ravel()[0]
    if float(got) != int(got):
        return f"the token should be a whole number (a token id), got {float(got)}"
    probs, u = case.args
    token = int(got)
    if not 0 <= token < len(probs):
        return f"token {token} is not in the vocabulary of {len(probs)} tokens"
    if probs[token] == 0:
        return (f"token {token} has probability 0 and can never be drawn: token i is chosen when "
                "cumsum[i - 1] <= u < cumsum[i], a strict < on the right (np.searchsorted(..., side='right'))")
    if token != int(expected):
        return f"for u = {u!r} the token is {int(expected)}, got {token} (cumsum = {np.round(np.cumsum(probs), 4)})"
    if case.reference is not None:
        twin = int(np.random.default_rng(case.reference).choice(len(probs), p=probs))
        if token != twin:
            return (f"compared with np.random.default_rng({case.reference}).choice({len(probs)}, p=probs), which "
                    f"draws u = rng.random() and inverts the cumulative sum: it draws {twin}, you {token}")
    return None


def sample_variant(kind):
    def value(case):
        probs, u = np.asarray(case.args[0], dtype=np.float64), case.args[1]
        if kind == "left":
            return int(np.argmax(np.cumsum(probs) >= u))
        if kind == "greedy":
            return int(np.argmax(probs))
        return int(np.argmax(probs > u))
    return value


def _seeded(v, seed, zeros=0):
    """A case drawn with a seed: u is the first rng.random() of default_rng(seed), as Generator.choice draws it."""
    return Case(f"{v} tokens, u = default_rng({seed}).random()", (_probs(v, zeros=zeros),
                float(np.random.default_rng(seed).random())), reference=seed)


TENTHS = np.array([0.1] * 10 + [0.0, 0.0])
SAMPLE_CASES = (
    Case("4 tokens, u = 0.25", (_dist([2, 1, 4, 3]), 0.25), public=True),
    Case("the first token of probability 0, u = 0.0", (_dist([0, 3, 1]), 0.0), public=True),
    Case("u exactly on a boundary of the cumulative sum: [0.25, 0.25, 0.5], u = 0.5",
         (np.array([0.25, 0.25, 0.5]), 0.5), public=True),
    Case("ten tokens of 0.1 then two of 0, u = 1 - 2 ** -53 (above the rounded total)", (TENTHS, 1 - 2 ** -53),
         public=True),
    _seeded(7, 3),
    _seeded(23, 11, zeros=4),
    Case("two leading zeros, u = 0.0", (_dist([0, 0, 2, 5, 3]), 0.0)),
    Case("a zero on a boundary: [0.4, 0, 0.6], u = 0.4", (np.array([0.4, 0.0, 0.6]), 0.4)),
    Case("ten tokens of 0.1 then two of 0, u = 0.99999999999999", (TENTHS, 0.99999999999999)),
    Case("6 tokens, u = 0.999", (_probs(6), 0.999)),
)

SAMPLE_MISTAKES = (
    KnownMistake("you chose the first token with cumsum >= u: on a boundary that is the token before, or a token of "
                 "probability 0; token i is chosen when cumsum[i - 1] <= u < cumsum[i] (np.searchsorted(cumsum, u, "
                 "side='right'))", sample_variant("left"), atol=0),
    KnownMistake("you returned the most likely token: that is greedy decoding; sampling returns the token whose "
                 "interval of the cumulative sum holds u", sample_variant("greedy"), atol=0),
    KnownMistake("you compared u with each probability: compare it with the running total, np.cumsum(probs)",
                 sample_variant("probs"), atol=0),
)


# ---------------------------------------------------------------- generate
@lru_cache(maxsize=1)
def names_model():
    """The notebook's names model: tokens '^' (start), '$' (end) and the letters; P[a, b] = count(a b) /
    count(a .) over lessons.data.make_dino_names(); the end row sends '$' to itself."""
    from lessons.data import make_dino_names
    names = make_dino_names()
    vocab = ["^", "$"] + sorted(set("".join(names)))
    index = {c: i for i, c in enumerate(vocab)}
    counts = np.zeros((len(vocab), len(vocab)))
    for name in names:
        tokens = [0] + [index[c] for c in name] + [1]
        np.add.at(counts, (tokens[:-1], tokens[1:]), 1)
    counts[1, 1] = 1
    return counts / counts.sum(axis=1, keepdims=True)


def _transitions(names, start, size):
    counts = np.zeros((size, size))
    for name in names:
        tokens = [start] + list(name)
        np.add.at(counts, (tokens[:-1], tokens[1:]), 1)
    return counts


def distinct_2(names):
    bigrams = [tuple(name[i:i + 2]) for name in names for i in range(len(name) - 1)]
    return len(set(bigrams)) / max(len(bigrams), 1)


@lru_cache(maxsize=None)
def _reference_at_one(n, max_len, seed):
    return generate_reference(names_model(), 0, 1, n, max_len, 1.0, 0, 1.0, seed)


def _as_names(got, n, size, end, max_len):
    """The learner's sequences as lists of ints, or a message."""
    if not isinstance(got, (list, tuple)) or len(got) != n:
        return f"return a list of {n} sequences (lists of token ids), got {type(got).__name__}" + (
            f" of {len(got)}" if isinstance(got, (list, tuple)) else "")
    names = []
    for name in got:
        try:
            tokens = [int(t) for t in np.asarray(name).ravel()]
        except (TypeError, ValueError):
            return "each sequence should be a list of token ids (ints)"
        if any(not 0 <= t < size for t in tokens):
            return f"a sequence holds a token outside the vocabulary of {size}: {tokens}"
        if end in tokens[:-1]:
            return (f"a sequence goes on after the end token {end}: {tokens}; stop each sequence as soon as "
                    "end is drawn (it is kept, last)")
        if len(tokens) > max_len:
            return f"a sequence has {len(tokens)} tokens, more than max_len = {max_len}: {tokens}"
        if len(tokens) < max_len and (not tokens or tokens[-1] != end):
            return (f"a sequence stops before max_len without the end token: {tokens}; draw until end (kept) or "
                    "max_len tokens")
        names.append(tokens)
    return names


def generated_names(expected, got, case):
    table, start, end, n, max_len, temperature, top_k, top_p, seed = case.args
    names = _as_names(got, n, len(table), end, max_len)
    if isinstance(names, str):
        return names
    if names == [list(map(int, e)) for e in expected]:
        return None  # the notebook's rule: the same draws as the solution's
    if len({tuple(x) for x in names}) < 0.5 * len({tuple(map(int, e)) for e in expected}):
        return (f"your {n} sequences hold only {len({tuple(x) for x in names})} different ones (the solution's "
                f"hold {len({tuple(map(int, e)) for e in expected})}): make the generator once, "
                "rng = np.random.default_rng(seed), before the loop over the sequences, not for each one")
    model = np.array([filtered_row(row, temperature, top_k, top_p) for row in table])
    counts = _transitions(names, start, len(table))
    seen = counts.sum(axis=1, keepdims=True)
    wanted = seen * model
    outside = np.argwhere((counts > 0) & (model == 0))
    settings = f"T = {temperature:g}" + (f", top_k = {top_k}" if top_k else "") + (
        f", top_p = {top_p:g}" if top_p < 1 else "")
    if len(outside):
        a, b = (int(x) for x in outside[0])
        return (f"your sequences go from token {a} to token {b} {int(counts[a, b])} times, a transition the model "
                f"gives probability 0 at {settings}: apply the temperature, then top_k_filter (if top_k > 0), then "
                "top_p_filter (if top_p < 1), and draw from what is left")
    missing = np.argwhere((wanted >= 20) & (counts == 0))
    if len(missing):
        a, b = (int(x) for x in missing[0])
        return (f"your sequences never go from token {a} to token {b}, which the model at {settings} expects "
                f"{wanted[a, b]:.0f} times in your {int(seen[a, 0])} visits of token {a}: draw from the whole "
                "filtered distribution")
    tv = 0.5 * np.abs(counts - wanted).sum() / counts.sum()
    noise = 0.5 * np.sqrt(2 / np.pi) * np.sqrt(wanted * (1 - model)).sum() / counts.sum()
    if tv > 1.5 * noise + 0.01:
        return (f"your sequences do not follow the model at {settings}: the total variation between their "
                f"transitions and the model's is {tv:.3f}, where drawing from the model gives about {noise:.3f} "
                f"(allowed {1.5 * noise + 0.01:.3f})")
    if temperature < 1:
        mine, at_one = distinct_2(names), distinct_2(_reference_at_one(n, max_len, seed))
        if mine >= at_one:
            return (f"at T = {temperature:g} your names' distinct-2 is {mine:.4f}, not below the {at_one:.4f} of "
                    "names drawn at T = 1: a temperature below 1 should make the names less varied")
    return None


NAMES = names_model()


def _names_case(name, n, temperature, top_k, top_p, seed, public=False, max_len=20):
    return Case(name, (NAMES, 0, 1, n, max_len, temperature, top_k, top_p, seed), public=public)


def _small_table(v, scale):
    p = np.exp(scale * rng.standard_normal((v, v)))
    p[:, 0] = 0  # the start token is never drawn
    p /= p.sum(axis=1, keepdims=True)
    p[1] = 0
    p[1, 1] = 1
    return p


GENERATE_CASES = (
    _names_case("1,000 names, T = 1, seed 1", 1000, 1.0, 0, 1.0, 1, public=True),
    _names_case("1,000 names, T = 0.5, seed 2", 1000, 0.5, 0, 1.0, 2, public=True),
    _names_case("1,000 names, top_k = 3, seed 3", 1000, 1.0, 3, 1.0, 3, public=True),
    _names_case("1,000 names, top_p = 0.6, seed 4", 1000, 1.0, 0, 0.6, 4, public=True),
    _names_case("1,000 names, T = 0.7, top_k = 5, top_p = 0.9, seed 5", 1000, 0.7, 5, 0.9, 5),
    _names_case("800 names, T = 1.5, seed 6", 800, 1.5, 0, 1.0, 6),
    _names_case("1,200 names, T = 0.6, top_p = 0.95, max_len 8, seed 7", 1200, 0.6, 0, 0.95, 7, max_len=8),
    Case("a table of 6 tokens, 1,500 sequences, T = 1.3, top_k = 4, max_len 6, seed 8",
         (_small_table(6, 1.0), 0, 1, 1500, 6, 1.3, 4, 1.0, 8)),
)


# ---------------------------------------------------------------- beam_search
def beam_reference(log_probs, start, end, beam_width=3, max_len=10, no_repeat_ngram_size=0, blocking="any"):
    """The notebook's beam search; blocking="previous" blocks an n-gram only when it repeats the n-gram just
    before it, blocking="shorter" blocks repeated (n - 1)-grams."""
    n = no_repeat_ngram_size - 1 if blocking == "shorter" else no_repeat_ngram_size
    beams = [((start,), 0.0)]
    for _ in range(max_len):
        candidates = []
        for tokens, total in beams:
            if len(tokens) > 1 and tokens[-1] == end:
                candidates.append((tokens, total))
                continue
            banned = set()
            if n > 0 and blocking == "previous":
                if len(tokens) >= n and tokens[len(tokens) - n:-1] == tokens[len(tokens) - n + 1:]:
                    banned.add(tokens[-1])
            elif n > 0:
                prefix = tokens[len(tokens) - n + 1:] if n > 1 else ()
                banned = {tokens[i + n - 1] for i in range(len(tokens) - n + 1) if tokens[i:i + n - 1] == prefix}
            candidates += [(tokens + (j,), total + float(log_probs[tokens[-1], j]))
                           for j in range(log_probs.shape[1]) if j not in banned]
        candidates.sort(key=lambda c: (-c[1], c[0]))
        beams = candidates[:beam_width]
        if all(len(tokens) > 1 and tokens[-1] == end for tokens, _ in beams):
            break
    tokens, total = beams[0]
    return [int(t) for t in tokens[1:]], float(total)


def beam_set_aside(log_probs, start, end, beam_width=3, max_len=10, no_repeat_ngram_size=0):
    """C5W3's way: an ended candidate leaves the beam for a list of finished ones (the beam then runs with fewer
    sequences), and the best of the finished and the still running ones is returned, by their sums."""
    n = no_repeat_ngram_size
    running, finished = [((start,), 0.0)], []
    for _ in range(max_len):
        candidates = []
        for tokens, total in running:
            prefix = tokens[len(tokens) - n + 1:] if n > 1 else ()
            banned = {tokens[i + n - 1] for i in range(len(tokens) - n + 1) if tokens[i:i + n - 1] == prefix} if n else ()
            candidates += [(tokens + (j,), total + float(log_probs[tokens[-1], j]))
                           for j in range(log_probs.shape[1]) if j not in banned]
        candidates.sort(key=lambda c: (-c[1], c[0]))
        running = []
        for tokens, total in candidates[:beam_width]:
            (finished if tokens[-1] == end else running).append((tokens, total))
        if not running:
            break
    tokens, total = min(finished + running, key=lambda c: (-c[1], c[0]))
    return [int(t) for t in tokens[1:]], float(total)


def beam_variant(blocking):
    def value(case):
        return beam_reference(*case.args, blocking=blocking)
    return value


def twin_beam(log_probs, start, end, beam_width, max_len):
    """keras_hub.samplers.BeamSampler on the table: a prompt of max_len + 1 tokens whose first is start (masked),
    a `next` that returns the row of the token before `index`; the tokens after start, cut after the first end."""
    keras_hub = _keras_hub()
    import tensorflow as tf
    table = tf.constant(log_probs, tf.float32)

    def next_logits(prompt, cache, index):
        return tf.gather(table, tf.gather(prompt, index - 1, axis=1)), None, cache

    prompt = np.full((1, max_len + 1), start, dtype="int32")
    mask = np.zeros((1, max_len + 1), dtype=bool)
    mask[0, 0] = True
    out = keras_hub.samplers.BeamSampler(num_beams=beam_width)(next_logits, tf.constant(prompt), index=1,
                                                               mask=tf.constant(mask), stop_token_ids=[end])
    tokens = np.asarray(out)[0, 1:].tolist()
    return tokens[:tokens.index(end) + 1] if end in tokens else tokens


def beam_output(expected, got, case):
    if not isinstance(got, (tuple, list)) or len(got) != 2:
        return "return a pair (tokens, total): the list of chosen token ids and the sum of their log-probabilities"
    tokens, total = got
    try:
        tokens = [int(t) for t in np.asarray(tokens).ravel()]
    except (TypeError, ValueError):
        return "tokens should be a list of token ids (ints)"
    want_tokens, want_total = [int(t) for t in np.asarray(expected[0]).ravel()], float(expected[1])
    log_probs, start, end, beam_width, max_len, size = case.args
    if tokens and tokens[0] == start and tokens[1:] == want_tokens:
        return "leave the start token out of the returned tokens (return the tokens after it)"
    if tokens != want_tokens:
        return (f"the chosen sequence is {tokens}, the best one is {want_tokens} (beam_width={beam_width}, "
                f"max_len={max_len}, no_repeat_ngram_size={size})")
    message = one_number(total, "the total")
    if message:
        return message
    if abs(float(total) - want_total) > 1e-6:
        return (f"the sequence is right but its total is {float(total):.6f}, expected {want_total:.6f}: the sum of "
                "the log-probabilities of its tokens, each given the token before it")
    if case.reference == TWIN:
        twin = twin_beam(log_probs, start, end, beam_width, max_len)
        if twin != tokens:
            return (f"compared with keras_hub.samplers.BeamSampler(num_beams={beam_width}) on the same table: it "
                    f"returns {twin}, you {tokens}")
    return None


CAT_WORDS = ["<s>", "</s>", "the", "cat", "sat", "on", "mat", "dog"]


def _table(rows, words):
    """Log-probabilities from {word: {next word: probability}}; the words not listed share what is left; the
    end token goes to itself with probability 1 (1e-22 for the others, so that the table is finite)."""
    P = np.zeros((len(words), len(words)))
    for i, word in enumerate(words):
        nexts = rows.get(word, {})
        rest = [j for j, w in enumerate(words) if w not in nexts]
        for nxt, p in nexts.items():
            P[i, words.index(nxt)] = p
        P[i, rest] = (1 - sum(nexts.values())) / len(rest)
    P[1] = 1e-22
    P[1, 1] = 1
    return np.log(P)


CAT = _table({"<s>": {"the": 0.9}, "the": {"cat": 0.5, "mat": 0.3, "dog": 0.15}, "cat": {"sat": 0.8},
              "sat": {"on": 0.9}, "on": {"the": 0.95}, "mat": {"</s>": 0.9}, "dog": {"sat": 0.9}}, CAT_WORDS)


def _random_table(v, scale, seed, loop=False, end=1):
    """A random bigram table of log-probabilities; with `loop`, three tokens that follow each other in a cycle
    are made likelier (greedy and beam search then go round it), and the end token goes to itself."""
    draws = np.random.default_rng(seed)
    logits = scale * draws.standard_normal((v, v))
    cycle = draws.permutation(np.arange(2, v))[:3]
    if loop:
        logits[cycle, np.roll(cycle, -1)] += 2.5
    else:  # the start token is rarely drawn again, and the end token is not the likeliest at once
        logits[:, 0] -= 4
        logits[:, end] -= 1
    log_probs = logits - np.log(np.exp(logits).sum(axis=1, keepdims=True))
    log_probs[end] = np.log(1e-22)
    log_probs[end, end] = 0.0
    return log_probs


BEAM_CASES = (
    Case("the cat table, width 1 (greedy), no blocking", (CAT, 0, 1, 1, 10, 0), public=True),
    Case("the cat table, width 1, no_repeat_ngram_size 2 (blocking changes the answer)", (CAT, 0, 1, 1, 10, 2),
         public=True),
    Case("a table with a loop of 6 tokens, width 3, max_len 9, no_repeat_ngram_size 2",
         (_random_table(6, 1.5, 2, loop=True), 0, 1, 3, 9, 2), public=True),
    Case("a table with a loop of 6 tokens, width 2, max_len 10, no_repeat_ngram_size 1 (no token twice)",
         (_random_table(6, 1.5, 2, loop=True), 0, 1, 2, 10, 1), public=True),
    Case("a random table of 6 tokens, width 3, max_len 6, no blocking", (_random_table(6, 2.0, 54), 0, 1, 3, 6, 0),
         public=True),
    Case("a random table of 8 tokens, width 4, max_len 7, no blocking", (_random_table(8, 1.5, 23), 0, 1, 4, 7, 0),
         reference=TWIN),
    Case("a random table of 5 tokens, width 2, max_len 8, no blocking", (_random_table(5, 1.0, 13), 0, 1, 2, 8, 0),
         reference=TWIN),
    Case("a random table of 7 tokens, width 1, max_len 6, no blocking", (_random_table(7, 2.5, 14), 0, 1, 1, 6, 0),
         reference=TWIN),
    Case("a table with a loop of 5 tokens, width 2, max_len 10, no_repeat_ngram_size 3",
         (_random_table(5, 1.5, 2, loop=True), 0, 1, 2, 10, 3)),
    Case("a table with a loop of 7 tokens, width 3, max_len 12, no_repeat_ngram_size 2",
         (_random_table(7, 1.5, 0, loop=True), 0, 1, 3, 12, 2)),
    Case("a table with a loop of 8 tokens, width 4, max_len 12, no_repeat_ngram_size 3",
         (_random_table(8, 1.5, 0, loop=True), 0, 1, 4, 12, 3)),
    Case("the cat table, width 4, max_len 14, no_repeat_ngram_size 2", (CAT, 0, 1, 4, 14, 2)),
    Case("a random table of 6 tokens, width 2, max_len 7, no blocking (an ended beam pushed out)",
         (_random_table(6, 2.0, 30), 0, 1, 2, 7, 0), reference=TWIN),
)

BEAM_MISTAKES = (
    KnownMistake("you set ended sequences aside, as C5W3's beam search did: here an ended sequence stays in the beam, "
                 "carried over unchanged, and takes one of its beam_width places (keras-hub's BeamSampler does the "
                 "same); it can be pushed out by better running sequences, and the answer is the first beam at the end",
                 lambda case: beam_set_aside(*case.args), atol=1e-6),
    KnownMistake("you blocked an n-gram only when it repeats the n-gram just before it: block it when it appeared "
                 "anywhere earlier in the sequence (start included)", beam_variant("previous"), atol=1e-6),
    KnownMistake("you blocked repeated (n - 1)-grams: the last n - 1 tokens and the candidate make the n-gram; "
                 "block the candidate when those n tokens already appeared together", beam_variant("shorter"),
                 atol=1e-6),
)


CHECKS = [
    Check("reweight_distribution",
          hint="q = (probs / probs.max()) ** (1 / temperature); return q / q.sum(): p ** (1 / T) renormalised, "
               "which is softmax(log p / T); dividing by the largest probability first keeps p ** (1 / T) from "
               "underflowing when T is small",
          cases=TEMPERATURE_CASES,
          compare=distribution_output(temperature_twin),
          known_mistakes=TEMPERATURE_MISTAKES),
    Check("top_k_filter",
          hint="order = np.argsort(-probs, kind='stable')[:k]; a copy of zeros with probs[order] put back at order; "
               "divide by its sum (k >= V keeps every token)",
          cases=TOP_K_CASES,
          compare=distribution_output(top_k_twin),
          known_mistakes=TOP_K_MISTAKES),
    Check("top_p_filter",
          hint="order = np.argsort(-probs, kind='stable'); before = the cumulative sum of probs[order] minus "
               "probs[order] (the mass sorted before each token); keep order[before < p]; zeros elsewhere; divide "
               "by the sum",
          cases=TOP_P_CASES,
          compare=distribution_output(top_p_twin),
          known_mistakes=TOP_P_MISTAKES),
    Check("sample_next",
          hint="i = np.searchsorted(np.cumsum(probs), u, side='right'); if rounding leaves u above the total, "
               "return the last token of non-zero probability, int(np.flatnonzero(probs > 0)[-1]); return an int",
          cases=SAMPLE_CASES,
          compare=token_output,
          known_mistakes=SAMPLE_MISTAKES),
    Check("generate",
          hint="rng = np.random.default_rng(seed) once; for each of the n sequences: tokens = [start]; up to max_len "
               "times: probs = reweight_distribution(probs_table[tokens[-1]], temperature), then top_k_filter if "
               "top_k > 0 and top_p_filter if top_p < 1; token = sample_next(probs, rng.random()); append it; stop "
               "after end; keep tokens[1:]",
          cases=GENERATE_CASES,
          compare=generated_names),
    Check("beam_search",
          hint="beams = [((start,), 0.0)]; max_len times: a beam ending with end is carried over as it is; every "
               "other one is extended by each token j not blocked (its last n - 1 tokens followed by j must not "
               "have appeared anywhere in it), adding log_probs[last, j]; sort by (-total, tokens), keep "
               "beam_width; stop once all have ended; return the first beam's tokens after start and its total",
          cases=BEAM_CASES,
          compare=beam_output,
          known_mistakes=BEAM_MISTAKES),
]
