"""Checks of assignment C5W2 (Emojify: an emoji for each sentence, first from the average of its word vectors,
then from an LSTM that reads the words in order). Expected outputs: expected/*.npz.

The word vectors are the course's own (lessons.pretrained.word_vectors, 50 dimensions); the sentences come
from lessons.data.make_emoji_sentences (5 classes: 0 love, 1 sport, 2 happy, 3 sad, 4 food). The vocabulary
the notebook gives learners numbers words from 1, in alphabetical order; index 0 is padding. Several cases use
small made-up vocabularies of other dimensions, so that a function must read the dimension from the vectors
and the indices from word_to_index rather than assume the notebook's.

- sentence_to_avg: the mean of the vectors of the sentence's words (lower-cased, split on spaces) that have a
  vector; zeros when none has. Compared within 1e-6. Named: the sum instead of the mean, dividing by every
  word (those without a vector too), no lower-casing, iterating over the characters, and any result that points
  the right way with the wrong length (divided by a fixed number such as max_len).
- model: NumPy softmax regression on the averages. Its (pred, W, b) are judged on results, not on draws: any
  initialisation and any correct optimiser pass. Here, in the grader's process, with the averages computed by
  the twin below: pred must be what W and b predict on the training sentences, their accuracy on the training
  labels at least TRAIN_ACCURACY, and W, b must reach HELD_OUT_ACCURACY on sentences the grader makes itself
  (the case's reference). Measured with the recipe (SGD one sentence at a time, W ~ N(0, 1/50), b = 0): train
  0.92 to 0.99 and held-out 0.86 to 0.88 on both cases over five initialisations; the thresholds are 0.85 and
  0.80 (a class at random: 0.20). Named: b still all zeros after training (the bias forgotten), predictions
  made without b, every prediction one class (the labels misread, e.g. np.argmax of labels that are already
  class indices).
- sentences_to_indices: (m, max_len) indices, zeros after the last word. Exact. Named: indices counted from 0,
  the array transposed.
- embedding_matrix: (len(word_to_index) + 1, d), row 0 zeros, row word_to_index[w] the vector of w. Within
  1e-7. Named: no row for the padding index (rows shifted by one).
- Emojify_V2: the model's structure, layer by layer (grader.checks.same_structure): Input, Embedding (frozen,
  len(word_to_index) + 1 rows), LSTM(128, return_sequences=True), Dropout(0.5), LSTM(128), Dropout(0.5),
  Dense(5), Softmax. The softmax may be written Softmax(), Activation("softmax") or Dense(5,
  activation="softmax"): softmax_one_way below writes the three alike (a generic normalisation the grader's
  written_alike could take over). mask_zero is not compared: the classic course does not mask, this notebook
  does, both give the same structure and both pass. Named: a trainable embedding, an embedding without the
  padding row, no softmax, a Sequential model, the first LSTM without return_sequences (where the structure
  shows it; written plainly, Keras itself refuses to build the second LSTM on a 2-D input, "expected ndim=3,
  found ndim=2", which the feedback shows after the hint). What the structure cannot show, that the frozen
  layer holds the matrix, is shown in the notebook: the grader receives models as structures only (no
  weights) and cannot receive a layer at all, which is why the matrix is its own exercise.

Grading time, measured on the shared 2-core machine (`python -m grader grade`, wall clock): the solution 12/12 in
21.6 s and the untouched student notebook 0/12 in 21.1 s at load 5-6; 56.7 s and 33.7 s at load 9-10. In the test
suite at load 7-8 the solution grades in 34.5 s, the student notebook in 19.9 s, each planted bug in 23-34 s (the
cascade runs a caller's cases twice). Most of it is starting the kernel and importing TensorFlow; with
FAST = True the notebook trains the LSTM for 2 epochs on 200 sentences, and model's two cases train in about
1.5 s together.
"""
import numpy as np

from grader.checks import Case, Check, KnownMistake, array_of_shape, close, n_parts, same_structure
from grader.codec import ModelStructure

N_CLASSES = 5
TRAIN_ACCURACY = 0.85
HELD_OUT_ACCURACY = 0.80
UNITS = 128

rng = np.random.default_rng(5202)


# ---------------------------------------------------------------- data and twins (grader's process)
def word_vectors():
    from lessons.pretrained.word_vectors import word_to_vec_map
    return word_to_vec_map()


def emoji_sentences(n, seed):
    from lessons.data import make_emoji_sentences
    sentences, labels = make_emoji_sentences(n, seed=seed)
    return np.array(sentences), np.asarray(labels, dtype=np.int64)


def indices_of(vectors):
    """The notebook's numbering: words in alphabetical order from 1 (0 is padding)."""
    return {word: i for i, word in enumerate(sorted(vectors), 1)}


def dimension(vectors):
    return np.shape(next(iter(vectors.values())))[0]


def average(sentence, vectors, lower=True, split=True, divide="known"):
    """The mean of the vectors of the sentence's words that have one; variants for the known mistakes."""
    text = str(sentence).lower() if lower else str(sentence)
    words = text.split() if split else list(text)
    known = [np.asarray(vectors[w], np.float64) for w in words if w in vectors]
    total = np.sum(known, axis=0) if known else np.zeros(dimension(vectors))
    count = {"known": len(known), "all": len(words), None: 1}[divide]
    return total / count if known else total


def toy_vectors(words, d):
    return {word: rng.standard_normal(d) for word in words}


# ---------------------------------------------------------------- sentence_to_avg
def average_vector(expected, got, case):
    message = close(atol=1e-6, rtol=1e-6)(expected, got, case)
    if not message:
        return None
    expected = np.asarray(expected, np.float64)
    if not np.any(expected):
        return (f"no word of {case.args[0]!r} has a vector, so the result should be np.zeros({expected.shape[0]}) "
                f"(the mean of no vectors is NaN): {message}")
    if array_of_shape(got, expected.shape) is None:
        got = np.asarray(got, np.float64)
        ratio = float(got @ expected / (expected @ expected))
        if abs(ratio - 1) > 1e-6 and np.allclose(got, ratio * expected, atol=1e-6):
            return (f"your vector points the right way but is {ratio:.3g} times the mean: divide the sum by the "
                    "number of words that have a vector, not by a fixed number such as max_len")
    return message


AVERAGE_MISTAKES = (
    KnownMistake("this is the sum of the vectors: divide it by the number of words that have one",
                 lambda case: average(*case.args, divide=None), atol=1e-6),
    KnownMistake("you divided by every word of the sentence, those without a vector too: divide by the words "
                 "whose vectors you added", lambda case: average(*case.args, divide="all"), atol=1e-6),
    KnownMistake("words written with capitals were skipped: lower-case the sentence first, "
                 "sentence.lower().split()", lambda case: average(*case.args, lower=False), atol=1e-6),
    KnownMistake("you went through the sentence's characters, not its words: split it, "
                 "sentence.lower().split()", lambda case: average(*case.args, split=False), atol=1e-6),
)

_VECTORS = word_vectors()
_TOY4 = toy_vectors(("i", "love", "you", "pizza"), 4)
_RANDOM7 = toy_vectors(sorted(_VECTORS), 7)

AVERAGE_CASES = (
    Case("'i love you'", ("i love you", _VECTORS), public=True),
    Case("capitals: 'I am NOT Happy today'", ("I am NOT Happy today", _VECTORS), public=True),
    Case("two words without a vector: 'lets play quidditch with gandalf'",
         ("lets play quidditch with gandalf", _VECTORS), public=True),
    Case("no word has a vector: 'zorblax florp'", ("zorblax florp", _VECTORS), public=True),
    Case("4-dimensional vectors, 'you' has none: 'i love you'", ("i love you", {k: v for k, v in _TOY4.items()
                                                                              if k != "you"}), public=True),
    Case("7-dimensional vectors: 'I am NOT Happy today'", ("I am NOT Happy today", _RANDOM7)),
    Case("7-dimensional vectors: 'lets play quidditch with gandalf'", ("lets play quidditch with gandalf", _RANDOM7)),
    Case("7-dimensional vectors, no word has one: 'zorblax florp'", ("zorblax florp", _RANDOM7)),
)


# ---------------------------------------------------------------- model
def _labels_of(got_pred, m):
    """pred as a 1-D integer array of m labels, or a message."""
    if got_pred is None:
        return None, "pred is None: did you forget a return statement?"
    try:
        pred = np.asarray(got_pred)
    except ValueError:
        return None, "pred should be an array of the m predicted labels"
    if pred.size != m or pred.dtype.kind not in "biuf":
        return None, f"pred should hold the {m} predicted labels (shape ({m},) or ({m}, 1)), got shape {pred.shape}"
    pred = pred.reshape(-1)
    if not np.all(pred == np.round(pred)):
        return None, "pred should hold class indices (np.argmax of the probabilities), not probabilities"
    return pred.astype(np.int64), None


def trained_classifier(expected, got, case):
    X, Y, vectors = case.args[:3]
    X_held, Y_held = case.reference
    message = n_parts(got, 3, "the result (pred, W, b)")
    if message:
        return message
    got_pred, W, b = got
    d = dimension(vectors)
    message = array_of_shape(W, (N_CLASSES, d), "W")
    if message:
        return message
    if np.size(b) != N_CLASSES:
        return f"b should hold {N_CLASSES} numbers, one per class (shape ({N_CLASSES},)), got shape {np.shape(b)}"
    message = array_of_shape(np.reshape(b, -1), (N_CLASSES,), "b")
    if message:
        return message
    W, b = np.asarray(W, np.float64), np.asarray(b, np.float64).reshape(-1)
    pred, message = _labels_of(got_pred, len(X))
    if message:
        return message
    if not np.any(b):
        return ("b is still all zeros after training: the bias was forgotten. z = W @ avg + b, and each step "
                "updates it too, b = b - learning_rate * db with db = dz")
    averages = np.array([average(s, vectors) for s in X])
    with_bias = np.argmax(averages @ W.T + b, axis=1)
    if np.mean(pred == with_bias) < 0.99:
        if np.mean(pred == np.argmax(averages @ W.T, axis=1)) >= 0.99:
            return "pred was computed without the bias: predict with np.argmax(W @ avg + b)"
        return (f"pred differs from what your W and b predict on the training sentences ({np.mean(pred != with_bias):.0%}"
                " of them): return the labels W and b predict, np.argmax(W @ avg + b) for each sentence")
    train = float(np.mean(pred == np.asarray(Y).reshape(-1)))
    if train < TRAIN_ACCURACY:
        one_class = len(set(pred.tolist())) == 1
        why = (f"every prediction is class {pred[0]}: " if one_class else "") + (
            "Y holds class indices (0 to 4), so the one-hot labels are np.eye(5)[Y] and the label of sentence i is "
            "Y[i] (np.argmax of these labels is not a label); train one sentence at a time, num_iterations passes, "
            "with dz = a - the one-hot label, dW = np.outer(dz, avg), db = dz")
        return f"the accuracy on the training sentences is {train:.2f}, below {TRAIN_ACCURACY}: {why}"
    held = float(np.mean(np.argmax(np.array([average(s, vectors) for s in X_held]) @ W.T + b, axis=1) == Y_held))
    if held < HELD_OUT_ACCURACY:
        return (f"on {len(Y_held)} sentences it never saw, your W and b are right {held:.2f} of the time, below "
                f"{HELD_OUT_ACCURACY}: train on every sentence, for num_iterations passes, with the learning rate given")
    return None


def _held_out(training, seed):
    """Sentences of another draw that are not among the training ones, with their labels."""
    X, Y = emoji_sentences(500, seed)
    new = np.array([s not in set(training.tolist()) for s in X])
    return X[new], Y[new]


def _model_case(name, m, seed, learning_rate, num_iterations, init, public=False):
    X, Y = emoji_sentences(m, seed)
    return Case(name, (X, Y, _VECTORS, learning_rate, num_iterations, init), public=public,
                reference=_held_out(X, 900 + seed))


MODEL_CASES = (
    _model_case("132 sentences, learning rate 0.01, 400 passes", 132, 1, 0.01, 400, 0, public=True),
    _model_case("100 other sentences, learning rate 0.05, 100 passes, rng 3", 100, 2, 0.05, 100, 3),
)


# ---------------------------------------------------------------- sentences_to_indices
def indices_twin(X, word_to_index, max_len):
    out = np.zeros((len(X), max_len), np.int64)
    for i, sentence in enumerate(X):
        for j, word in enumerate(str(sentence).lower().split()):
            out[i, j] = word_to_index[word]
    return out


def index_array(expected, got, case):
    expected = np.asarray(expected)
    if array_of_shape(got, expected.shape[::-1]) is None and expected.shape[0] != expected.shape[1]:
        return (f"the result has shape {expected.shape[::-1]}, the transpose: one row per sentence, "
                f"(m, max_len) = {expected.shape}")
    return close(atol=0, rtol=0)(expected, got, case)


INDEX_MISTAKES = (
    KnownMistake("the indices are one less than word_to_index's: use word_to_index[word] as it is. Its indices start "
                 "at 1, because 0 means 'no word here' (padding)",
                 lambda case: np.where(indices_twin(*case.args) > 0, indices_twin(*case.args) - 1, 0)),
)

_TOY_WORDS = ("the", "cat", "sat", "on", "mat", "not", "happy", "i", "am", "so", "pizza", "love", "you")
_TOY_INDEX = {word: i for i, word in enumerate(rng.permutation(_TOY_WORDS).tolist(), 1)}

INDEX_CASES = (
    Case("3 sentences, max_len 6", (np.array(["I love you", "lets play tennis", "i am NOT happy today"]),
                                    indices_of(_VECTORS), 6), public=True),
    Case("another vocabulary, numbered in no order, max_len 7",
         (np.array(["The cat sat on the mat", "i love pizza"]), _TOY_INDEX, 7), public=True),
    Case("5 sentences, max_len 10", (emoji_sentences(5, 11)[0], indices_of(_VECTORS), 10)),
    Case("another vocabulary, 4 sentences, max_len 7",
         (np.array(["I am so happy", "i am not happy", "you love the mat", "the cat sat on the mat"]), _TOY_INDEX, 7)),
)


# ---------------------------------------------------------------- embedding_matrix
def matrix_twin(vectors, word_to_index, padding_row=True):
    shift = 0 if padding_row else 1
    out = np.zeros((len(word_to_index) + 1 - shift, dimension(vectors)))
    for word, i in word_to_index.items():
        out[i - shift] = vectors[word]
    return out


def embedding_rows(expected, got, case):
    expected = np.asarray(expected)
    vectors, word_to_index = case.args
    if array_of_shape(got, (expected.shape[0] - 1, expected.shape[1])) is None:
        return (f"the matrix has {expected.shape[0] - 1} rows: it needs len(word_to_index) + 1 = {expected.shape[0]}, "
                "row 0 for the padding index (zeros) and row word_to_index[w] for each word w")
    if array_of_shape(got, (expected.shape[0], 50)) is None and expected.shape[1] != 50:
        return (f"the vectors here have {expected.shape[1]} dimensions, not 50: read the dimension from the vectors, "
                "e.g. next(iter(word_to_vec_map.values())).shape[0]")
    return close(atol=1e-7, rtol=0)(expected, got, case)


_TOY8 = toy_vectors(_TOY_WORDS, 8)
_SHUFFLED = {word: i for i, word in enumerate(rng.permutation(sorted(_VECTORS)).tolist(), 1)}

MATRIX_CASES = (
    Case("the notebook's vectors and vocabulary", (_VECTORS, indices_of(_VECTORS)), public=True),
    Case("8-dimensional vectors, 13 words numbered in no order", (_TOY8, _TOY_INDEX), public=True),
    Case("the notebook's vectors, the words numbered in another order", (_VECTORS, _SHUFFLED)),
    Case("4-dimensional vectors, 4 words", (_TOY4, indices_of(_TOY4))),
)


# ---------------------------------------------------------------- Emojify_V2
def softmax_one_way(structure):
    """`structure` with the final softmax written one way, a Softmax layer over the last axis: Dense(5,
    activation="softmax") becomes Dense(5) then Softmax(), and Activation("softmax") becomes Softmax()."""
    rows, configs = [], []
    for (layer, shape, params), config in zip(structure.rows, structure.configs):
        config = dict(config)
        if layer == "Dense" and config.get("activation") == "softmax":
            rows.append((layer, shape, params))
            configs.append(config | {"activation": "linear"})
            rows.append(("Softmax", shape, 0))
            configs.append({})
            continue
        if layer == "Activation" and config.get("activation") == "softmax":
            layer, config = "Softmax", {}
        if layer == "Softmax":  # over the last axis, as a layer or an activation: nothing else to compare
            last = config.get("axis", -1) in (-1, len(shape or ()) - 1, [len(shape or ()) - 1])
            config = {} if last else {"axis": config["axis"]}
        rows.append((layer, shape, params))
        configs.append(config)
    return ModelStructure(rows, structure.params, configs, structure.model_class)


def emojify_structure(expected, got, case):
    if not isinstance(got, ModelStructure):
        return same_structure(expected, got, case)
    if got.model_class == "Sequential":
        return ("build the model with the Functional API: sentence_indices = keras.Input(input_shape, "
                "dtype='int32'), each layer called on the output of the one before, keras.Model(sentence_indices, X)")
    want, have = softmax_one_way(expected), softmax_one_way(got)
    message = same_structure(want, have, case)
    if not message:
        return None
    vocabulary = len(case.args[2]) + 1
    d = dimension(case.args[1])
    embeddings = [(row, config) for row, config in zip(have.rows, have.configs) if row[0] == "Embedding"]
    lstms = [row for row in have.rows if row[0] == "LSTM"]
    if embeddings:
        (_, _, params), config = embeddings[0]
        if config.get("trainable", True):
            return ("the Embedding layer is trainable: the word vectors are pretrained and stay as they are, so "
                    "create it with trainable=False")
        if params == (vocabulary - 1) * d:
            return (f"the Embedding has {vocabulary - 1} rows: it needs len(word_to_index) + 1 = {vocabulary}, one "
                    "more for the padding index 0 (use the matrix embedding_matrix returns)")
    if have.rows and have.rows[-1][0] == "Dense" and not any(row[0] == "Softmax" for row in have.rows):
        return ("the model ends with Dense(5) and no softmax: add Softmax() after it (or Activation('softmax')), so "
                "that it outputs the probabilities of the five classes")
    if lstms and lstms[0][1] is not None and len(lstms[0][1]) == 2:
        return ("the first LSTM returns only its last output: give it return_sequences=True, so that the second "
                "LSTM reads the whole sequence of its outputs")
    return message


def _toy_vocabulary(n_words, d):
    words = [f"w{i:02d}" for i in range(n_words)]
    vectors = toy_vectors(words, d)
    return vectors, {word: i for i, word in enumerate(rng.permutation(words).tolist(), 1)}


_SMALL = _toy_vocabulary(20, 8)
_OTHER = _toy_vocabulary(30, 16)

EMOJIFY_CASES = (
    Case("input_shape (10,), the notebook's vectors", ((10,), _VECTORS, indices_of(_VECTORS)), public=True),
    Case("input_shape (6,), 20 words of 8 dimensions", ((6,), *_SMALL), public=True),
    Case("input_shape (4,), 30 words of 16 dimensions", ((4,), *_OTHER)),
)


CHECKS = [
    Check("sentence_to_avg",
          hint="words = sentence.lower().split(); keep the words that are keys of word_to_vec_map; return the "
               "mean of their vectors, np.mean([word_to_vec_map[w] for w in known], axis=0), or np.zeros(d) (d the "
               "vectors' dimension) when none is known",
          cases=AVERAGE_CASES, compare=average_vector, known_mistakes=AVERAGE_MISTAKES),
    Check("model",
          hint="rng = np.random.default_rng(rng); W = rng.standard_normal((5, d)) / np.sqrt(d); b = np.zeros(5); "
               "Y_oh = np.eye(5)[Y]; for each of num_iterations passes, for each sentence i: avg = "
               "sentence_to_avg(X[i], word_to_vec_map), a = softmax(W @ avg + b), dz = a - Y_oh[i], "
               "W -= learning_rate * np.outer(dz, avg), b -= learning_rate * dz; then pred = np.argmax(W @ avg + b) "
               "for each sentence; return pred, W, b",
          cases=MODEL_CASES, compare=trained_classifier),
    Check("sentences_to_indices",
          hint="X_indices = np.zeros((m, max_len), dtype=int); for each sentence i and each position j of its "
               "words (sentence.lower().split()): X_indices[i, j] = word_to_index[word]; the rest stays 0",
          cases=INDEX_CASES, compare=index_array, known_mistakes=INDEX_MISTAKES),
    Check("embedding_matrix",
          hint="emb_matrix = np.zeros((len(word_to_index) + 1, d)) with d the vectors' dimension; for each word, "
               "index in word_to_index.items(): emb_matrix[index] = word_to_vec_map[word]; row 0 stays zeros",
          cases=MATRIX_CASES, compare=embedding_rows),
    Check("Emojify_V2",
          hint="pretrained_embedding_layer: Embedding(len(word_to_index) + 1, d, trainable=False), built and given "
               "the matrix of embedding_matrix. Emojify_V2: sentence_indices = keras.Input(input_shape, "
               "dtype='int32'); embeddings; LSTM(128, return_sequences=True); Dropout(0.5); LSTM(128); Dropout(0.5); "
               "Dense(5); Softmax(); keras.Model(sentence_indices, X)",
          cases=EMOJIFY_CASES, compare=emojify_structure),
]
