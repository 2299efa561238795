"""Checks of assignment C5W2 (operations on word vectors: cosine_similarity, complete_analogy,
skipgram_pairs, neutralize, equalize). Expected outputs: expected/*.npz.

The vectors are the course's own, lessons.pretrained.word_vectors.word_to_vec_map(): 50 numbers for
each of the 283 words of make_corpus() (PPMI + SVD); the hidden cases also use the vectors of the
corpus made with seed 1, and small made-up maps whose answers are known. The twins below are written
here, in the grader's process, again.

cosine_similarity(u, v) is u . v / (|u| |v|), and 0.0 when u or v is all zeros.

complete_analogy(word_a, word_b, word_c, word_to_vec_map) returns the word w, none of a, b and c, that
maximises cos(e_b - e_a, e_w - e_c); it lower-cases its three words first (the public cases include
"France", "Paris", "Italy"). It calls cosine_similarity, so a broken cosine costs only cosine's points
(the kit's cascade). The made-up maps are built so that each known mistake gives its own wrong word:
forgetting e_c (cos(e_b - e_a, e_w)), letting a, b or c win, and a dot product without the norms.

skipgram_pairs(token_ids, window_size, num_negative, vocab_size, rng) returns (pairs (n, 2) int,
labels (n,) in {0, 1}). Judged, whatever the order of the rows: the rows labelled 1 are exactly the
positives (every (token_ids[i], token_ids[j]) with 1 <= |i - j| <= window_size, the target first); there
are num_negative rows labelled 0 for each positive, each with that positive's target first; their
second column holds ids of the vocabulary, 0 .. vocab_size - 1 (vocab_size None: max(token_ids) + 1),
drawn uniformly. The draws themselves are not compared, so any correct use of the rng passes: where a
case makes enough draws (at least 5 per id), a chi-square test of uniformity must not reject at
p < 1e-6; where the sentence uses a few ids of a large vocabulary, negatives drawn only from the
sentence's own words are refused (with a correct sampler that happens with probability below 1e-9).

neutralize(word, g, word_to_vec_map) is e - (e . g / |g|^2) g: equal to it within 1e-8, and
|cos(result, g)| < 1e-8.

equalize(pair, bias_axis, word_to_vec_map) normalises the two vectors to length 1 first (the method of
Bolukbasi et al., 2016, works on unit vectors; the classic course's formula assumes them without saying
so), then mu = (e1 + e2) / 2, mu_B its projection on the axis, mu_orth = mu - mu_B, e_iB the projections,
and e_i = mu_orth + sqrt(1 - |mu_orth|^2) (e_iB - mu_B) / |e_iB - mu_B|. The results are compared within
1e-8; when they differ, the message names the property that fails (e1 - e2 along the axis, equal and
opposite projections, equal components orthogonal to it, length 1).

Known mistakes named in the feedback: the dot product without the norms, the cosine distance 1 - cos
(cosine_similarity); cos(e_b - e_a, e_w) without e_c, a, b or c returned, the dot product instead of the
cosine (complete_analogy); the window including the target itself, the context on one side only, the
negatives counted per sentence or per word instead of per positive, negatives drawn from the sentence
(skipgram_pairs); the projection divided by |g| instead of |g|^2, the projection returned instead of
what is left (neutralize); no sqrt(1 - |mu_orth|^2) correction, the vectors not normalised first, the
classic course's denominator |e_w - mu_orth - mu_B| (equalize).

Grading time, measured on the shared 2-core machine at load 3.6-5.5 (`python -m grader grade`, wall
clock): the solution 12/12 in 21.9-28.3 s, the untouched student notebook 0/12 in 21.5 s. The notebook itself
runs in about 14 s, 7 s of it importing TensorFlow in the set-up cell; the checks take well under a
second. In the test suite at load 3.6-4.5 the solution grades in 20.9 s, the student notebook in 15.9 s and
each planted bug in 7-15 s.
"""
import numpy as np
from scipy.stats import chi2

from grader.checks import Case, Check, KnownMistake, array_of_shape, close, n_parts, one_number
from lessons.data.text import GENDER_PAIRS
from lessons.pretrained.word_vectors import word_to_vec_map

rng = np.random.default_rng(5201)
VECTORS = word_to_vec_map()             # the corpus of seed 0: what the notebook uses
OTHER_VECTORS = word_to_vec_map(seed=1)  # another corpus from the same grammar
P_VALUE = 1e-6                           # skipgram_pairs: a uniformity test rejects below this


def _vectors(words, table=VECTORS):
    return {word: table[word].copy() for word in words}


def _gender_axis(table):
    """The mean of the eight (female - male) differences of GENDER_PAIRS, as the notebook computes it."""
    return np.mean([table[female] - table[male] for male, female in GENDER_PAIRS], axis=0)


# ---------------------------------------------------------------- twins (grader's process)
def cosine(u, v):
    u, v = np.asarray(u, np.float64), np.asarray(v, np.float64)
    norm_u, norm_v = np.linalg.norm(u), np.linalg.norm(v)
    if norm_u == 0 or norm_v == 0:
        return 0.0
    return float(u @ v / (norm_u * norm_v))


def analogy(word_a, word_b, word_c, table, score=None, exclude=True, use_c=True):
    """The word w maximising score(e_b - e_a, e_w - e_c) (e_w alone when not use_c)."""
    score = score or cosine
    a, b, c = word_a.lower(), word_b.lower(), word_c.lower()
    offset = table[b] - table[a]
    best, best_word = -np.inf, None
    for word, vector in table.items():
        if exclude and word in (a, b, c):
            continue
        value = score(offset, vector - table[c] if use_c else vector)
        if value > best:
            best, best_word = value, word
    return best_word


def analogy_added(word_a, word_b, word_c, table):
    """The lecture's form: the word w maximising cos(e_w, e_c + e_b - e_a)."""
    a, b, c = word_a.lower(), word_b.lower(), word_c.lower()
    target = table[c] + table[b] - table[a]
    return max((w for w in table if w not in (a, b, c)), key=lambda w: cosine(table[w], target))


def projection(e, g):
    e, g = np.asarray(e, np.float64), np.asarray(g, np.float64)
    return (e @ g) / (g @ g) * g


def equalize_twin(pair, g, table, normalise=True, denominator="bias", correct=True):
    e1, e2 = (np.asarray(table[word], np.float64) for word in pair)
    if normalise:
        e1, e2 = e1 / np.linalg.norm(e1), e2 / np.linalg.norm(e2)
    mu = (e1 + e2) / 2
    mu_b = projection(mu, g)
    mu_orth = mu - mu_b
    scale = np.sqrt(abs(1 - mu_orth @ mu_orth)) if correct else 1.0
    out = []
    for e in (e1, e2):
        e_b = projection(e, g)
        length = np.linalg.norm(e_b - mu_b) if denominator == "bias" else np.linalg.norm(e - mu_orth - mu_b)
        out.append(mu_orth + scale * (e_b - mu_b) / length)
    return tuple(out)


# ---------------------------------------------------------------- cosine_similarity
def cosine_value(expected, got, case):
    if isinstance(got, float) and np.isnan(got) or (isinstance(got, np.ndarray) and got.shape == ()
                                                     and np.isnan(got)):
        return ("the result is NaN: when u or v is all zeros, |u| |v| is 0 and the division is 0 / 0. Return 0.0 "
                "in that case, before dividing")
    message = one_number(got, "the cosine similarity")
    if message:
        return message
    return close(atol=1e-9, rtol=1e-9)(expected, float(np.asarray(got)), case)


def _over_squared_norms(u, v):
    with np.errstate(divide="ignore", invalid="ignore"):  # a zero vector: nan, which matches nothing
        return float(np.dot(u, v) / (np.dot(u, u) * np.dot(v, v)))


COSINE_MISTAKES = (
    KnownMistake("this is the dot product u . v without the norms: divide it by |u| |v| "
                 "(np.linalg.norm(u) * np.linalg.norm(v)), so that only the angle counts, not the lengths",
                 lambda case: float(np.dot(*case.args))),
    KnownMistake("this is the cosine distance, 1 - cos (scipy's spatial.distance.cosine): return the similarity "
                 "itself, u . v / (|u| |v|)", lambda case: 1 - cosine(*case.args)),
    KnownMistake("the dot product is divided by the squared norms |u|^2 |v|^2: divide by |u| |v|, the norms "
                 "themselves (np.linalg.norm, not its square)",
                 lambda case: _over_squared_norms(*case.args)),
)


def _random_vector(size, scale=1.0):
    return rng.standard_normal(size) * scale


_u = _random_vector(50)
COSINE_CASES = (
    Case("father and mother", (VECTORS["father"].copy(), VECTORS["mother"].copy()), public=True),
    Case("two random 50-d vectors", (_random_vector(50, 2.0), _random_vector(50, 0.5)), public=True),
    Case("a zero vector and another", (np.zeros(50), _random_vector(50)), public=True),
    Case("u and 3u (cosine 1)", (_u, 3 * _u), public=True),
    Case("paris and rome", (VECTORS["paris"].copy(), VECTORS["rome"].copy())),
    Case("u and -u (cosine -1)", (_u * 0.5, -2 * _u)),
    Case("two orthogonal vectors", (np.array([1.0, 2.0, 0.0]), np.array([-2.0, 1.0, 5.0]))),
    Case("both zero", (np.zeros(4), np.zeros(4))),
    Case("large numbers", (_random_vector(20, 1e3), _random_vector(20, 1e3))),
    Case("another vector and a zero vector", (_random_vector(8), np.zeros(8))),
)


# ---------------------------------------------------------------- complete_analogy
def _made_up(vectors):
    return {word: np.array(v, dtype=np.float64) for word, v in vectors.items()}


# small : big :: cold : hot. Forgetting e_c picks "huge", the dot product "giant", letting a, b or c
# win picks "big", and the lecture's cos(e_w, e_c + e_b - e_a) picks "warm".
SIZES_2D = _made_up({"small": (0.9, 0), "big": (1, 2), "cold": (1, -0.5), "hot": (1.2, 1.0), "huge": (0.1, 3),
                     "giant": (3, 5), "tiny": (0.5, -0.2), "warm": (0.55, 0.75)})
# small : big :: cold : warm, in three dimensions; "chilly" has the vector of "cold" (e_w - e_c = 0).
SIZES_3D = _made_up({"small": (1, 0, 0.5), "big": (1, 2, 0.3), "cold": (1, -0.5, 1), "warm": (1.3, 0.7, 1.1),
                     "hot": (1.6, 0.5, 1.6), "huge": (0.05, 3, -0.2), "giant": (4, 6, 2), "chilly": (1, -0.5, 1)})


def analogy_word(expected, got, case):
    if got is None:
        return "the result is None: did you forget a return statement?"
    if isinstance(got, np.ndarray) and got.shape == () and got.dtype.kind == "U":  # a NumPy str_ arrives so
        got = str(got)
    if not isinstance(got, str):
        return f"the result should be a word (a str), got a {type(got).__name__}"
    word_a, word_b, word_c, table = case.args
    if got != expected:
        if got not in table:
            return f"the result {got!r} is not a word of word_to_vec_map"
        return (f"for {word_a} : {word_b} :: {word_c} : ? your answer is {got!r}; the word with the largest "
                f"cos(e_b - e_a, e_w - e_c) is {expected!r}")
    return None


ANALOGY_MISTAKES = (
    KnownMistake("you compared e_b - e_a with e_w itself: the analogy asks for the word whose offset from c, "
                 "e_w - e_c, points the way e_b - e_a does: cosine_similarity(e_b - e_a, e_w - e_c)",
                 lambda case: analogy(*case.args, use_c=False)),
    KnownMistake("your answer is one of the three words given: skip word_a, word_b and word_c in the loop (after "
                 "lower-casing them), since e_b - e_c, for one, often points the way e_b - e_a does",
                 lambda case: analogy(*case.args, exclude=False)),
    KnownMistake("you scored cos(e_w, e_c + e_b - e_a), the lecture's way of writing the search: this exercise "
                 "asks for cosine_similarity(e_b - e_a, e_w - e_c), the offset from c compared with the offset from a "
                 "to b (the two agree on many analogies, not on all)", lambda case: analogy_added(*case.args)),
    KnownMistake("this is what the dot product (e_b - e_a) . (e_w - e_c) picks: it favours long vectors. Score each "
                 "word with cosine_similarity, which divides by the norms",
                 lambda case: analogy(*case.args, score=lambda u, v: float(u @ v))),
)

ANALOGY_CASES = (  # the made-up map first: its wrong answers tell the known mistakes apart
    Case("made-up 2-d vectors: small : big :: cold : ?", ("small", "big", "cold", SIZES_2D), public=True),
    Case("man : woman :: king : ?", ("man", "woman", "king", _vectors(VECTORS)), public=True),
    Case("France : Paris :: Italy : ? (capital letters)", ("France", "Paris", "Italy", _vectors(VECTORS)),
         public=True),
    Case("king : queen :: prince : ?", ("king", "queen", "prince", _vectors(VECTORS)), public=True),
    Case("man : woman :: king : ? (vectors of another corpus)", ("man", "woman", "king", _vectors(OTHER_VECTORS))),
    Case("France : Paris :: Italy : ? (vectors of another corpus)",
         ("France", "Paris", "Italy", _vectors(OTHER_VECTORS))),
    Case("king : queen :: prince : ? (vectors of another corpus)",
         ("king", "queen", "prince", _vectors(OTHER_VECTORS))),
    Case("made-up 3-d vectors, one word with c's vector: small : big :: cold : ?",
         ("small", "big", "cold", SIZES_3D)),
)


# ---------------------------------------------------------------- skipgram_pairs
def positives_of(token_ids, window_size):
    """(target, context) for every context within window_size of its target, the target itself left out."""
    ids = [int(t) for t in token_ids]
    return [(ids[i], ids[j]) for i in range(len(ids))
            for j in range(max(0, i - window_size), min(len(ids), i + window_size + 1)) if j != i]


def _rows(array):
    return sorted(map(tuple, np.asarray(array).reshape(-1, 2).tolist()))


def _as_pairs(got):
    """(pairs, labels) as int arrays, or a message."""
    message = n_parts(got, 2, "the result (pairs, labels)")
    if message:
        return None, None, message
    pairs, labels = got
    try:
        pairs, labels = np.asarray(pairs), np.asarray(labels)
    except ValueError:
        return None, None, "pairs and labels should be NumPy arrays"
    if pairs.ndim != 2 or pairs.shape[1] != 2:
        return None, None, f"pairs should have shape (n, 2), one (target, context) row per pair, got {pairs.shape}"
    if labels.shape != (len(pairs),):
        return None, None, f"labels should have shape ({len(pairs)},), one label per pair, got {labels.shape}"
    for name, array in (("pairs", pairs), ("labels", labels)):
        if array.size and (array.dtype.kind not in "biuf" or not np.all(array == np.round(array))):
            return None, None, f"{name} should hold whole numbers (an int array)"
    if labels.size and not set(np.unique(labels).tolist()) <= {0, 1}:
        return None, None, "labels should be 1 (a positive pair) or 0 (a negative one)"
    return pairs.astype(np.int64), labels.astype(np.int64), None


def skipgram_result(expected, got, case):
    token_ids, window_size, num_negative, vocab_size, _ = case.args
    pairs, labels, message = _as_pairs(got)
    if message:
        return message
    ids = [int(t) for t in token_ids]
    vocab = int(max(ids)) + 1 if vocab_size is None else int(vocab_size)
    want = positives_of(ids, window_size)
    positive, negative = pairs[labels == 1], pairs[labels == 0]
    have = _rows(positive)
    if have != sorted(want):
        with_self = sorted(want + [(t, t) for t in ids])
        one_side = sorted((ids[i], ids[j]) for i in range(len(ids))
                          for j in range(i + 1, min(len(ids), i + window_size + 1)))
        if have == with_self:
            return ("the positives include each word paired with itself: the window runs from i - window_size to "
                    "i + window_size but leaves out i, the target's own position")
        if have == one_side or have == sorted((b, a) for a, b in one_side):
            return "the positives have the context on one side only: take the words before the target and after it"
        return (f"the rows labelled 1 should be the {len(want)} (target, context) pairs within {window_size} words "
                f"of each other, got {len(have)} rows that differ")
    if len(negative) != num_negative * len(want):
        if num_negative and len(negative) == num_negative:
            return (f"there are {len(negative)} negatives, num_negative for the whole sentence: draw num_negative "
                    f"for each positive pair, {num_negative} x {len(want)} = {num_negative * len(want)}")
        if num_negative and len(negative) == num_negative * len(ids):
            return (f"there are {len(negative)} negatives, num_negative per word of the sentence: draw num_negative "
                    f"for each positive pair, {num_negative} x {len(want)} = {num_negative * len(want)}")
        return f"there should be num_negative = {num_negative} negatives per positive, {num_negative * len(want)}, " \
               f"got {len(negative)}"
    if not len(negative):
        return None
    targets = sorted(t for t, _ in want for _ in range(num_negative))
    if sorted(negative[:, 0].tolist()) != targets:
        return ("each negative should pair a positive's target (first column) with a random word: num_negative "
                "negatives with each positive's target")
    drawn = negative[:, 1]
    if drawn.min() < 0 or drawn.max() >= vocab:
        return (f"the negatives' words should be ids of the vocabulary, 0 to {vocab - 1}, got {drawn.min()} to "
                f"{drawn.max()}" + (" (vocab_size None means max(token_ids) + 1)" if vocab_size is None else ""))
    sentence = set(ids)
    if (len(sentence) / vocab) ** len(drawn) < 1e-9 and set(drawn.tolist()) <= sentence:
        return ("every negative word is a word of the sentence: draw them from the whole vocabulary, "
                "rng.integers(vocab_size), not from token_ids")
    counts = np.bincount(drawn, minlength=vocab)
    if len(drawn) >= 5 * vocab:
        expected_count = len(drawn) / vocab
        statistic = float(np.sum((counts - expected_count) ** 2 / expected_count))
        if chi2.sf(statistic, vocab - 1) < P_VALUE:
            never = np.flatnonzero(counts == 0).tolist()
            note = f" (ids {never} were never drawn: rng.integers(vocab_size) draws 0 to vocab_size - 1)" if never else ""
            return ("the negatives' words are not drawn uniformly from the vocabulary: draw each with "
                    f"rng.integers(vocab_size){note}")
    return None


def _sentence(length, vocab):
    return rng.integers(vocab, size=length)


SKIPGRAM_CASES = (
    Case("8 words, window 2, 4 negatives, vocabulary of 10", (np.array([3, 1, 4, 1, 5, 9, 2, 6]), 2, 4, 10, 0),
         public=True),
    Case("6 words, window 1, 2 negatives, vocab_size None", (np.array([0, 2, 2, 5, 1, 3]), 1, 2, None, 1),
         public=True),
    Case("60 words of 12, window 2, 4 negatives (936 draws: uniform?)", (_sentence(60, 12), 2, 4, 12, 2),
         public=True),
    Case("10 words of a vocabulary of 1,000, window 2, 3 negatives",
         (np.array([5, 17, 5, 300, 17, 42, 5, 999, 42, 17]), 2, 3, 1000, 3), public=True),
    Case("5 words, window 3, 1 negative, vocabulary of 7", (np.array([6, 0, 3, 3, 2]), 3, 1, 7, 4)),
    Case("2 words, window 5 (wider than the sentence), 4 negatives", (np.array([1, 4]), 5, 4, 5, 5)),
    Case("7 words, window 2, no negatives", (_sentence(7, 9), 2, 0, 9, 6)),
    Case("12 words, window 3, 5 negatives, vocab_size None", (_sentence(12, 20), 3, 5, None, 7)),
    Case("100 words of 8, window 1, 3 negatives (594 draws: uniform?)", (_sentence(100, 8), 1, 3, 8, 8)),
)


# ---------------------------------------------------------------- neutralize
def neutralized(expected, got, case):
    word, g, table = case.args
    message = array_of_shape(got, np.shape(table[word]), "the debiased vector")
    if message:
        return message
    leftover = cosine(got, g)
    if abs(leftover) > 1e-8:
        return (f"the result still points along g: its cosine with g is {leftover:.3g}, not 0. Remove the whole "
                "projection, e - (e . g / |g|^2) g")
    return close(atol=1e-8, rtol=1e-8)(expected, got, case, "the debiased vector")


NEUTRALIZE_MISTAKES = (
    KnownMistake("the projection is divided by |g| instead of |g|^2: the projection of e on g is (e . g / |g|^2) g, "
                 "the same as (e . u) u with u = g / |g| the unit vector",
                 lambda case: np.asarray(case.args[2][case.args[0]]) - (case.args[2][case.args[0]] @ case.args[1])
                 / np.linalg.norm(case.args[1]) * case.args[1]),
    KnownMistake("this is the projection of e on g, the bias component: return e minus it, what is left "
                 "orthogonal to g", lambda case: projection(case.args[2][case.args[0]], case.args[1])),
    KnownMistake("the projection is (e . g) g, which is right only when g has length 1: divide by |g|^2, "
                 "(e . g / |g|^2) g, since g here is not a unit vector",
                 lambda case: case.args[2][case.args[0]] - (case.args[2][case.args[0]] @ case.args[1]) * case.args[1]),
    KnownMistake("the projection is added to e: subtract it, e - (e . g / |g|^2) g",
                 lambda case: case.args[2][case.args[0]] + projection(case.args[2][case.args[0]], case.args[1])),
)


def _unit(v):
    return v / np.linalg.norm(v)


NEUTRALIZE_CASES = (
    Case("castle, the gender axis", ("castle", _gender_axis(VECTORS), _vectors(VECTORS)), public=True),
    Case("jessica, the gender axis", ("jessica", _gender_axis(VECTORS), _vectors(VECTORS)), public=True),
    Case("castle, woman - man", ("castle", VECTORS["woman"] - VECTORS["man"], _vectors(VECTORS)), public=True),
    Case("castle, a random axis (vectors of another corpus)",
         ("castle", _random_vector(50, 0.3), _vectors(OTHER_VECTORS))),
    Case("jessica, a unit axis (vectors of another corpus)",
         ("jessica", _unit(_gender_axis(OTHER_VECTORS)), _vectors(OTHER_VECTORS))),
    Case("jessica, a made-up 3-d map and a long axis",
         ("jessica", np.array([3.0, -1.0, 2.0]), {"jessica": np.array([0.5, 2.0, -1.0]),
                                                  "john": np.array([1.0, 1.0, 1.0])})),
)


# ---------------------------------------------------------------- equalize
def equalized(expected, got, case):
    pair, g, _ = case.args
    message = n_parts(got, 2, "the result (e1, e2)")
    if message:
        return message
    for i, part in enumerate(got):
        message = array_of_shape(part, np.shape(expected[i]), f"e{i + 1}")
        if message:
            return message
    e1, e2 = (np.asarray(part, np.float64) for part in got)
    if close(atol=1e-8, rtol=1e-8)(expected, (e1, e2), case) is None:
        return None
    if abs(cosine(e1 - e2, g)) < 1 - 1e-8:
        return ("e1 - e2 should lie along the bias axis (cosine +-1 with it): the two words may differ only in "
                "their bias components")
    if np.linalg.norm(projection(e1, g) + projection(e2, g)) > 1e-8:
        return "the projections of e1 and e2 on the bias axis should be equal and opposite"
    if np.linalg.norm((e1 - projection(e1, g)) - (e2 - projection(e2, g))) > 1e-8:
        return "e1 and e2 should have the same component orthogonal to the bias axis, mu_orth"
    if abs(np.linalg.norm(e1) - 1) > 1e-8 or abs(np.linalg.norm(e2) - 1) > 1e-8:
        return (f"e1 and e2 should have length 1 (yours: {np.linalg.norm(e1):.4f} and {np.linalg.norm(e2):.4f}): "
                "normalise the two vectors first, then rescale the bias parts by sqrt(1 - |mu_orth|^2)")
    if close(atol=1e-8, rtol=1e-8)((expected[1], expected[0]), (e1, e2), case) is None:
        return f"e1 and e2 are swapped: return them in the pair's order, {pair[0]!r} first"
    return close(atol=1e-8, rtol=1e-8)(expected, (e1, e2), case)


def _equalize_variant(**kwargs):
    return lambda case: equalize_twin(*case.args, **kwargs)


EQUALIZE_MISTAKES = (
    KnownMistake("this is the classic course's formula on the vectors as they are: it assumes unit vectors. "
                 "Normalise e_w1 and e_w2 first (e / |e|), and divide e_w1B - mu_B by its own length |e_w1B - mu_B|",
                 _equalize_variant(normalise=False, denominator="classic")),
    KnownMistake("the vectors are not normalised first: the method works on unit vectors, so start with "
                 "e_w1 / |e_w1| and e_w2 / |e_w2|", _equalize_variant(normalise=False)),
    KnownMistake("divide e_w1B - mu_B by its own length |e_w1B - mu_B|, not by |e_w1 - mu_orth - mu_B| (the classic "
                 "course's denominator, which also counts the part of e_w1 - mu orthogonal to the axis)",
                 _equalize_variant(denominator="classic")),
    KnownMistake("the bias parts are not rescaled: multiply (e_w1B - mu_B) / |e_w1B - mu_B| by "
                 "sqrt(1 - |mu_orth|^2), so that e1 = mu_orth + that has length 1",
                 _equalize_variant(correct=False)),
)

EQUALIZE_CASES = (
    Case("man and woman, the gender axis", (("man", "woman"), _gender_axis(VECTORS), _vectors(VECTORS)), public=True),
    Case("actor and actress, woman - man", (("actor", "actress"), VECTORS["woman"] - VECTORS["man"],
                                            _vectors(VECTORS)), public=True),
    Case("boy and girl, the gender axis", (("boy", "girl"), _gender_axis(VECTORS), _vectors(VECTORS))),
    Case("queen and king (female first), vectors of another corpus",
         (("queen", "king"), _gender_axis(OTHER_VECTORS), _vectors(OTHER_VECTORS))),
    Case("a made-up 3-d pair and axis", (("he", "she"), np.array([0.0, 2.0, 1.0]),
                                         {"he": np.array([1.0, -0.5, 0.2]), "she": np.array([0.8, 0.9, 0.1]),
                                          "it": np.array([0.0, 0.0, 1.0])})),
)


CHECKS = [
    Check("cosine_similarity",
          hint="if np.linalg.norm(u) == 0 or np.linalg.norm(v) == 0: return 0.0; otherwise return "
               "float(np.dot(u, v) / (np.linalg.norm(u) * np.linalg.norm(v)))",
          cases=COSINE_CASES, compare=cosine_value, known_mistakes=COSINE_MISTAKES),
    Check("complete_analogy",
          hint="lower-case the three words; e_a, e_b, e_c = their vectors; for each word w of word_to_vec_map "
               "except word_a, word_b and word_c, score = cosine_similarity(e_b - e_a, word_to_vec_map[w] - e_c); "
               "return the word with the largest score",
          cases=ANALOGY_CASES, compare=analogy_word, known_mistakes=ANALOGY_MISTAKES),
    Check("skipgram_pairs",
          hint="for each position i and each j with 1 <= |i - j| <= window_size inside the sentence, the positive "
               "(token_ids[i], token_ids[j]) with label 1; then, for each positive, num_negative pairs (its target, "
               "rng.integers(vocab_size)) with label 0; return pairs (n, 2) and labels (n,) as int arrays",
          cases=SKIPGRAM_CASES, compare=skipgram_result),
    Check("neutralize",
          hint="e = word_to_vec_map[word]; e_biascomponent = (np.dot(e, g) / np.sum(g * g)) * g; return "
               "e - e_biascomponent",
          cases=NEUTRALIZE_CASES, compare=neutralized, known_mistakes=NEUTRALIZE_MISTAKES),
    Check("equalize",
          hint="normalise e_w1 and e_w2 to length 1; mu = their mean; mu_B = its projection on bias_axis, mu_orth = "
               "mu - mu_B; e_w1B, e_w2B = their projections; e_i = mu_orth + sqrt(1 - |mu_orth|^2) (e_wiB - mu_B) "
               "/ |e_wiB - mu_B|; return (e1, e2)",
          cases=EQUALIZE_CASES, compare=equalized, known_mistakes=EQUALIZE_MISTAKES),
]
