"""Checks of assignment C5W3 (trigger-word detection: labels for a synthesised clip, the CTC collapse, the course's
Conv1D + GRU model, and the probabilities a trained one gives). Expected outputs: expected/*.npz.

The clips come from lessons.data.make_trigger_clips: 2 s at 8 kHz (the course's are 10 s), spectrograms of
Tx = 988 steps of 101 frequencies, labels of Ty = 244 steps, LABEL_STEPS = 50 steps set to 1 after each
"activate" ends. Times are in milliseconds, as in the course.

- is_overlapping: exact. Segments are (start, end) with both ends inclusive, as in the course: (100, 200) and
  (200, 300) share the millisecond 200 and overlap. Named: strict comparisons (touching segments not counted).
- get_random_time_segment: judged on what any uniform draw gives, not on which draw (one call is one draw, and
  rng.integers(0, n) and rng.integers(0, n + 1) are both fair): two Python or NumPy integers (a tuple, a list
  or an array of two), end = start + segment_ms - 1, 0 <= start, end <= total_ms - 1. Eight cases, each with its
  own seed, among them a segment one millisecond shorter than the clip (two places at most). The rng argument is a seed or a Generator, as
  np.random.default_rng takes it (a seed is what travels to the learner's kernel). That the draws spread over
  the whole clip is shown in the notebook (a histogram of 2,000 draws), not graded. Named: end = start +
  segment_ms (one millisecond too long), floats.
- insert_ones: exact, y of shape (1, Ty). Step int(segment_end_ms * Ty / total_ms), then the LABEL_STEPS steps
  after it set to 1, cut at Ty; the notebook shows the result equal to make_trigger_clips' own labels on its
  clips. Named: labels starting at the end step itself, 51 or 49 steps, the course's 10,000 ms in place of
  total_ms, and labels longer than Ty (not cut).
- ctc_collapse: exact, a 1-D integer array. The notebook shows it equal to keras.ops.ctc_decode (greedy, blank
  0) on one-hot probability matrices. Named: blanks dropped before repeats are merged ("a _ a" becomes "a", not
  "a a"), and repeats not merged at all.
- trigger_model: layer by layer (grader.checks.same_structure) with the recorded solution for two input
  shapes, (988, 101) and (488, 101) (1 s clips: 119 output steps). The course's model: Conv1D(196, 15,
  strides=4) (valid padding: (988 - 15) // 4 + 1 = 244 = Ty), BatchNormalization, ReLU, Dropout(0.8), GRU(128,
  return_sequences=True), Dropout(0.8), BatchNormalization, GRU(128, return_sequences=True), Dropout(0.8),
  BatchNormalization, Dropout(0.8), TimeDistributed(Dense(1, sigmoid)): 523,329 parameters for (988, 101).
  The ReLU may be written as a layer or as the convolution's activation (written_alike). Named: padding="same"
  (247 steps, not 244), a GRU without return_sequences (where Keras lets it be built), a Sequential model.
- detect_triggers: training the model takes minutes on two CPU cores (measured: train_fixture.py's record; 200
  clips for 2 epochs took 88 s on the shared machine and reached an AUC of only 0.70), more than a grading may
  take, so the grader hands the function the weights trained once offline (trigger_weights.npz, made by
  train_fixture.py, recorded in trigger_weights.json) and spectrograms of clips made here. The learner's
  function builds its own trigger_model, loads the weights and returns the probabilities, (m, Ty); the grader
  scores them with the AUC (the chance that a step labelled 1 scores above one labelled 0) against labels it
  keeps to itself, and compares them with the solution's (within 1e-3: the same weights give the same numbers,
  up to rounding). The threshold, 0.95, is 4.5 points under the solution's AUC (0.995 on both cases). A model whose
  layers have the right shapes but another order (the GRUs' BatchNormalization before the Dropout, say) still
  loads the weights and is seen here. Named: predictions made in training mode (dropout on).

Grading time, measured on the shared 2-core machine at load 8.4-10 (`python -m grader grade`, wall clock): the
solution 12/12 in 52.8 s (execution 42.5 s), the untouched student notebook 0/12 in 28.6 s. In the test suite at
load 9-20 the solution grades in 51 s, each planted bug in 28-42 s. The untouched notebook's 28.6 s is mostly
starting the kernel and importing TensorFlow; most of the rest is detect_triggers' two cases (building the model
and running the GRUs over 6 and 12 clips).
"""
from functools import lru_cache
from pathlib import Path

import numpy as np

from grader.checks import Case, Check, KnownMistake, array_of_shape, close, n_parts, same_structure
from grader.codec import ModelStructure
from lessons.pretrained.scripts import load_fixture_weights

HERE = Path(__file__).resolve().parent
WEIGHTS_FILE = HERE / "trigger_weights.npz"

LABEL_STEPS = 50
TX, N_FREQ, TY = 988, 101, 244
TOTAL_MS = 2000
AUC_THRESHOLD = {"public": 0.95, "hidden": 0.95}  # the solution: 0.995 on both (6 and 12 clips)

rng = np.random.default_rng(5303)


# ---------------------------------------------------------------- is_overlapping
def overlaps(segment_time, previous_segments, strict=False):
    start, end = segment_time
    if strict:
        return any(start < p_end and end > p_start for p_start, p_end in previous_segments)
    return any(start <= p_end and end >= p_start for p_start, p_end in previous_segments)


def boolean(expected, got, case):
    if not isinstance(got, (bool, np.bool_)):
        return f"the result should be True or False, got {type(got).__name__} {got!r}"
    return None if bool(got) == bool(expected) else f"the result should be {bool(expected)}, got {bool(got)}"


OVERLAP_MISTAKES = (
    KnownMistake("segments that only touch (one ends at the millisecond the other starts) count as overlapping: both "
                 "ends are inclusive, so compare with <= and >= (segment_start <= previous_end and segment_end >= "
                 "previous_start)", lambda case: overlaps(*case.args, strict=True)),
)

OVERLAP_CASES = (
    Case("(950, 1430) against [(2000, 2550), (260, 949)]: no overlap", ((950, 1430), [(2000, 2550), (260, 949)]),
         public=True),
    Case("(2305, 2950) against [(824, 1532), (1900, 2305), (3424, 3656)]: touching at 2305",
         ((2305, 2950), [(824, 1532), (1900, 2305), (3424, 3656)]), public=True),
    Case("(100, 300) inside (50, 800)", ((100, 300), [(50, 800)]), public=True),
    Case("no previous segments", ((10, 20), []), public=True),
    Case("(400, 500) ending where (500, 700) starts", ((400, 500), [(500, 700)])),
    Case("(400, 500) just before (501, 700) and after (0, 399)", ((400, 500), [(0, 399), (501, 700)])),
    Case("(0, 1999) covering (700, 900)", ((0, 1999), [(700, 900)])),
    Case("(1200, 1300) against four others, the last overlapping",
         ((1200, 1300), [(0, 100), (300, 500), (800, 1000), (1250, 1260)])),
)


# ---------------------------------------------------------------- get_random_time_segment
def segment_in_clip(expected, got, case):
    segment_ms, total_ms, _ = case.args
    if isinstance(got, np.ndarray) and got.shape == (2,):  # np.array([start, end]) holds the same two numbers
        got = tuple(got)
    message = n_parts(got, 2, "the result (segment_start, segment_end)")
    if message:
        return message
    start, end = got
    start, end = (v[()] if isinstance(v, np.ndarray) and v.ndim == 0 else v for v in (start, end))
    for name, value in (("segment_start", start), ("segment_end", end)):
        if isinstance(value, (bool, np.bool_)) or not isinstance(value, (int, np.integer)):
            return (f"{name} should be a whole number of milliseconds (an int), got {type(value).__name__} {value!r}: "
                    "draw it with rng.integers")
    start, end = int(start), int(end)
    if end - start == segment_ms:
        return (f"segment_end - segment_start is {segment_ms}, one millisecond too many: both ends are inclusive, so "
                "segment_end = segment_start + segment_ms - 1")
    if end - start != segment_ms - 1:
        return f"segment_end should be segment_start + segment_ms - 1 = {start + segment_ms - 1}, got {end}"
    if start < 0:
        return f"segment_start is {start}: it should be 0 or more"
    if end > total_ms - 1:
        return (f"the segment ({start}, {end}) ends after the clip's last millisecond, {total_ms - 1}: draw "
                f"segment_start from 0 to total_ms - segment_ms")
    return None


SEGMENT_CASES = (
    Case("segment_ms 350, total_ms 2000, rng seed 0", (350, 2000, 0), public=True),
    Case("segment_ms 1999, total_ms 2000, rng seed 1", (1999, 2000, 1), public=True),
    Case("segment_ms 500, total_ms 10000, rng seed 2", (500, 10000, 2), public=True),
    Case("segment_ms 1, total_ms 2000, rng seed 3", (1, 2000, 3)),
    Case("segment_ms 900, total_ms 1000, rng seed 4", (900, 1000, 4)),
    Case("segment_ms 999, total_ms 1000, rng seed 5", (999, 1000, 5)),
    Case("segment_ms 350, total_ms 2000, rng seed 6", (350, 2000, 6)),
    Case("segment_ms 1500, total_ms 2000, rng seed 7", (1500, 2000, 7)),
)


# ---------------------------------------------------------------- insert_ones
def ones_after(y, segment_end_ms, Ty, total_ms, first=1, steps=LABEL_STEPS, cut=True):
    y = np.array(y, dtype=np.float64)
    step = int(segment_end_ms * Ty / total_ms)
    if not cut and step + first + steps > y.shape[1]:
        y = np.concatenate([y, np.zeros((1, step + first + steps - y.shape[1]))], axis=1)
    y[0, step + first:step + first + steps] = 1
    return y


def labels_compare(expected, got, case):
    expected = np.asarray(expected)
    try:
        got_array = np.asarray(got, dtype=np.float64)
    except (TypeError, ValueError):
        return f"the result should be an array of shape {expected.shape}"
    if got_array.ndim == 2 and got_array.shape[0] == 1 and got_array.shape[1] > expected.shape[1]:
        return (f"the labels have {got_array.shape[1]} steps, more than Ty = {expected.shape[1]}: the steps after the "
                "last one are cut (set only those below Ty)")
    return close(atol=0, rtol=0)(expected, got, case)


INSERT_MISTAKES = (
    KnownMistake("the ones start at the end step itself: the label is 1 for the steps *after* the word ends, "
                 "segment_end_y + 1 to segment_end_y + 50", lambda case: ones_after(*case.args, first=0)),
    KnownMistake("51 steps are set to 1: set exactly 50, segment_end_y + 1 to segment_end_y + 50 (range(a, b) stops "
                 "before b)", lambda case: ones_after(*case.args, steps=51)),
    KnownMistake("49 steps are set to 1: set exactly 50, segment_end_y + 1 to segment_end_y + 50 (range(a, b) stops "
                 "before b)", lambda case: ones_after(*case.args, steps=49)),
    KnownMistake("the step was computed for a 10,000 ms clip, the course's: the clips here are total_ms long, so "
                 "segment_end_y = int(segment_end_ms * Ty / total_ms)",
                 lambda case: ones_after(case.args[0], case.args[1], case.args[2], 10000)),
)


def _zeros(ty=TY):
    return np.zeros((1, ty))


def _with_ones(ends, ty=TY, total=TOTAL_MS):
    y = _zeros(ty)
    for end in ends:
        y = ones_after(y, end, ty, total)
    return y


INSERT_CASES = (
    Case("an end at 1000 ms of 2000, Ty 244", (_zeros(), 1000, TY, TOTAL_MS), public=True),
    Case("an end at 1402.375 ms (a clip's end, to the sample)", (_zeros(), 1402.375, TY, TOTAL_MS), public=True),
    Case("an end at 1950 ms: cut at Ty", (_zeros(), 1950, TY, TOTAL_MS), public=True),
    Case("the course's clip: an end at 4251 ms of 10000, Ty 1375", (_zeros(1375), 4251, 1375, 10000), public=True),
    Case("an end at 1623.625 ms (a clip's end, to the sample)", (_zeros(), 1623.625, TY, TOTAL_MS)),
    Case("an end at 0 ms", (_zeros(), 0, TY, TOTAL_MS)),
    Case("an end at 1999 ms, the clip's last", (_zeros(), 1999, TY, TOTAL_MS)),
    Case("a second end at 1500 ms on labels with ones already", (_with_ones([700]), 1500, TY, TOTAL_MS)),
    Case("1 s clips: an end at 617 ms, Ty 119", (_zeros(119), 617, 119, 1000)),
)


# ---------------------------------------------------------------- ctc_collapse
def collapse(tokens, blank=0, order="merge first"):
    tokens = [int(t) for t in np.asarray(tokens).reshape(-1)]
    if order == "drop first":
        tokens = [t for t in tokens if t != blank]
    if order != "no merge":
        tokens = [t for i, t in enumerate(tokens) if i == 0 or t != tokens[i - 1]]
    return np.array([t for t in tokens if t != blank], dtype=np.int64)


def sequence_compare(expected, got, case):
    expected = np.asarray(expected)
    try:
        got_array = np.asarray(got)
    except (TypeError, ValueError):
        return "the result should be a 1-D array of token ids"
    if got_array.ndim != 1 and got_array.size:
        return f"the result should be a 1-D array (a list of token ids), got shape {got_array.shape}"
    got_list = [int(t) for t in got_array.reshape(-1)] if got_array.dtype.kind in "biuf" else None
    if got_list is None:
        return "the result should hold token ids (integers)"
    want = [int(t) for t in expected]
    return None if got_list == want else f"the result should be {want}, got {got_list}"


CTC_MISTAKES = (
    KnownMistake("you dropped the blanks before merging the repeats: a blank between two equal tokens keeps them "
                 "apart (1 0 1 is two 1s), so merge repeats first, then drop the blanks",
                 lambda case: collapse(*case.args, order="drop first")),
    KnownMistake("the repeats were not merged: first merge runs of the same token into one (1 1 1 becomes 1), then "
                 "drop the blanks", lambda case: collapse(*case.args, order="no merge")),
)

CTC_CASES = (
    Case("'a _ a' (1 0 1): two a's", ([1, 0, 1], 0), public=True),
    Case("'tttt_hhh_eee' (20 20 20 20 0 8 8 8 0 5 5 5)", ([20, 20, 20, 20, 0, 8, 8, 8, 0, 5, 5, 5], 0), public=True),
    Case("only blanks", ([0, 0, 0, 0], 0), public=True),
    Case("blank 27, the last class, as tf.nn uses it", (np.array([27, 3, 3, 27, 27, 3, 1, 1]), 27), public=True),
    Case("a double letter 'll' (12 12 0 12)", (np.array([12, 12, 0, 12]), 0)),
    Case("no blanks, repeats", (np.array([4, 4, 2, 2, 2, 4]), 0)),
    Case("30 random tokens of 5 classes", (rng.integers(0, 5, 30), 0)),
    Case("60 random tokens of 3 classes, blank 2", (rng.integers(0, 3, 60), 2)),
)


# ---------------------------------------------------------------- trigger_model
def steps_after(tx, kernel=15, stride=4, padding="valid"):
    return -(-tx // stride) if padding == "same" else (tx - kernel) // stride + 1


def trigger_structure(expected, got, case):
    if not isinstance(got, ModelStructure):
        return same_structure(expected, got, case)
    if got.model_class == "Sequential":
        return ("build the model with the Functional API: X_input = keras.Input(shape=input_shape), each layer called "
                "on the output of the one before, keras.Model(inputs=X_input, outputs=X)")
    message = same_structure(expected, got, case)
    if not message:
        return None
    tx = case.args[0][0]
    convs = [(row, config) for row, config in zip(got.rows, got.configs) if row[0] == "Conv1D"]
    if convs:
        (_, shape, _), config = convs[0]
        if config.get("padding") == "same" or (shape and shape[0] == steps_after(tx, padding="same")):
            return (f"the convolution outputs {shape[0]} steps: with padding='same' and stride 4 it keeps "
                    f"ceil({tx} / 4) = {steps_after(tx, padding='same')}; the labels have "
                    f"(Tx - 15) // 4 + 1 = {steps_after(tx)}, which the default padding='valid' gives")
    grus = [row for row in got.rows if row[0] == "GRU"]
    for i, (_, shape, _) in enumerate(grus):
        if shape is not None and len(shape) == 1:
            return (f"GRU number {i + 1} returns only its last output: give both GRUs return_sequences=True, so that "
                    "the model outputs a probability at every step")
    return message


TRIGGER_CASES = (
    Case("input_shape (988, 101), the notebook's spectrograms", ((TX, N_FREQ),), public=True),
    Case("input_shape (488, 101), 1 s clips", ((488, N_FREQ),)),
)


# ---------------------------------------------------------------- detect_triggers
def auc(labels, scores):
    """The area under the ROC curve: the chance that a step labelled 1 scores above one labelled 0 (ties half)."""
    labels = np.asarray(labels).reshape(-1).astype(bool)
    scores = np.asarray(scores, np.float64).reshape(-1)
    order = np.argsort(scores, kind="mergesort")
    ranks = np.empty(len(scores))
    sorted_scores = scores[order]
    # average ranks over ties
    _, first, counts = np.unique(sorted_scores, return_index=True, return_counts=True)
    average = first + (counts - 1) / 2 + 1
    ranks[order] = np.repeat(average, counts)
    positives, negatives = labels.sum(), (~labels).sum()
    return float((ranks[labels].sum() - positives * (positives + 1) / 2) / (positives * negatives))


def detection_quality(expected, got, case):
    labels, threshold = case.reference
    shape = labels.shape
    if np.shape(got) == shape + (1,):
        got = np.asarray(got)[..., 0]
    message = array_of_shape(got, shape, "the probabilities")
    if message:
        return f"{message}: one probability per clip and output step, model.predict(spectrograms)[..., 0]"
    got = np.asarray(got, np.float64)
    if got.min() < 0 or got.max() > 1:
        return "the result should hold probabilities, between 0 and 1 (the model's sigmoid outputs)"
    score = auc(labels, got)
    if score < threshold:
        return (f"with the trained weights your probabilities have an AUC of {score:.3f} on {len(labels)} clips (the "
                f"solution's is above {threshold:.2f}). If the weights loaded without an error, your model has layers "
                "of the right shapes in another order: follow the course's order exactly; and predict in inference "
                "mode, model.predict(spectrograms), not model(spectrograms, training=True)")
    gap = float(np.max(np.abs(got - np.asarray(expected, np.float64))))
    if gap > 1e-3:
        return (f"your probabilities differ from those of the course's model with these weights by up to {gap:.3g}: "
                "check the order of the layers against the course's, and predict in inference mode, "
                "model.predict(spectrograms)")
    return None


@lru_cache(maxsize=None)
def _held_out(n, seed):
    from lessons.data import make_trigger_clips
    return make_trigger_clips(n, seed=seed)


def _detect_case(name, n, seed, threshold, public=False):
    clips = _held_out(n, seed)
    return Case(name, (clips.spectrograms, load_fixture_weights(WEIGHTS_FILE)), public=public,
                reference=(clips.labels.astype(np.int64), threshold), compare=detection_quality)


DETECT_CASES = (
    _detect_case("the trained weights, 6 new clips", 6, 3, AUC_THRESHOLD["public"], public=True),
    _detect_case("the trained weights, 12 other clips", 12, 4, AUC_THRESHOLD["hidden"]),
)


CHECKS = [
    Check("is_overlapping",
          hint="segment_start, segment_end = segment_time; for each (previous_start, previous_end) in "
               "previous_segments: if segment_start <= previous_end and segment_end >= previous_start, return True "
               "(both ends are inclusive); after the loop, return False",
          cases=OVERLAP_CASES, compare=boolean, known_mistakes=OVERLAP_MISTAKES),
    Check("get_random_time_segment",
          hint="rng = np.random.default_rng(rng) (written for you); segment_start = int(rng.integers(0, total_ms - "
               "segment_ms + 1)); segment_end = segment_start + segment_ms - 1; return (segment_start, segment_end)",
          cases=SEGMENT_CASES, compare=segment_in_clip),
    Check("insert_ones",
          hint="y = y.copy() if you like; segment_end_y = int(segment_end_ms * Ty / total_ms); for i in "
               "range(segment_end_y + 1, segment_end_y + LABEL_STEPS + 1): if i < Ty: y[0, i] = 1; return y",
          cases=INSERT_CASES, compare=labels_compare, known_mistakes=INSERT_MISTAKES),
    Check("ctc_collapse",
          hint="first merge repeats: keep tokens[i] when i == 0 or tokens[i] != tokens[i - 1]; then drop every token "
               "equal to blank; return np.array(the rest, dtype=int)",
          cases=CTC_CASES, compare=sequence_compare, known_mistakes=CTC_MISTAKES),
    Check("trigger_model",
          hint="X_input = keras.Input(shape=input_shape); Conv1D(196, kernel_size=15, strides=4); "
               "BatchNormalization(); Activation('relu'); Dropout(0.8); GRU(128, return_sequences=True); Dropout(0.8); "
               "BatchNormalization(); GRU(128, return_sequences=True); Dropout(0.8); BatchNormalization(); "
               "Dropout(0.8); TimeDistributed(Dense(1, activation='sigmoid')); keras.Model(inputs=X_input, outputs=X)",
          cases=TRIGGER_CASES, compare=trigger_structure),
    Check("detect_triggers",
          hint="model = trigger_model(spectrograms.shape[1:]); model.set_weights(weights); probabilities = "
               "model.predict(spectrograms, verbose=0); return probabilities[..., 0], shape (m, Ty)",
          cases=DETECT_CASES),
]
