"""Checks of assignment C4W4 (face verification and recognition with a triplet-trained encoder).
Expected outputs: expected/*.npz.

The encoder is the course's own (lessons.pretrained.face_encoder: 25 x 25 grey faces in [0, 1] ->
32 numbers of length 1, trained with the triplet loss on identities 0-79 of the bundled faces). It
travels to the kernel as JSON plus weights (grader.codec.ModelInput). So does its trunk, the same
network without its last layer (UnitNormalization): its encodings are not of length 1, so code that
forgets to normalise shows. The people of the cases are identities 80-99, which the encoder never saw;
their photos are face_photos of seeds of the grader's own (100 and up; the notebook uses 10-13).

- triplet_loss: compared with a NumPy twin computed here from the case (float64) on random encodings,
  a batch where every triplet already meets the margin (loss 0), one where every triplet violates it
  (the sum over the batch then differs from the mean), another margin, one triplet, and y_pred given
  as a list of three arrays as well as one array of shape (3, m, d). Known mistakes are named: no
  max with 0, the mean instead of the sum, distances not squared, the max taken after the sum.
- img_to_encoding: the encoding of a uint8 photo, within 1e-4 of the reference (a vector of shape
  (d,), or (1, d) as the classic course returns it), with the encoder and its trunk. Named: not of
  length 1 (not normalised), pixels not divided by 255.
- verify and who_is_it: the distance within 1e-4, the decision exactly, against a database of ten
  people encoded here by the reference img_to_encoding. No case has a distance within 0.05 of its
  threshold, so the decision cannot hinge on rounding. verify's claims are the names of its public
  cases (the rule that no hidden case checks a kind of input no public case shows reads strings by
  value). Cases cover a wrong claim, a false accept and a false reject of the encoder (the reference's answers: the function is judged, not the encoder),
  strangers (who_is_it: None), another threshold, the trunk, and databases whose last name is not
  the closest.
- choose_threshold: the learner's threshold is judged by what it does on held-out pairs made here
  (other photos of the same people, or fresh draws): its half total error rate (FAR + FRR) / 2 must be
  within HTER_MARGIN of the reference threshold's, and its FAR and FRR each within RATE_MARGIN of the
  reference's; so any sensible rule near the ROC's best point (Youden's J, the equal-error rate, a
  midpoint or an end of the best gap) passes, and a threshold that accepts everyone or no one does not.
Grading the solution (FAST=True, which changes nothing here): 37-41 s on the shared 2-core machine
at load 5-12 (the notebook's execution 28 s of it, 7 s of CPU time), 12/12; the student notebook 0/12
in 28 s. The encoder's script (python -m lessons.pretrained.face_encoder) runs in 27-33 s.
"""
from functools import lru_cache

import numpy as np

from grader.checks import Case, Check, KnownMistake, array_of_shape, n_parts, one_number, within
from grader.codec import ModelInput

THRESHOLD = 0.84     # the notebook's default: the record's FAR + FRR minimum (0.8365), rounded
NAMES = ("Ada", "Ben", "Chloe", "Dev", "Eva", "Femi", "Gus", "Hana", "Ivan", "Jia")  # identities 80-89
DISTANCE_ATOL = 1e-4
HTER_MARGIN = 0.03   # choose_threshold: half total error rate no more than the reference's + this
RATE_MARGIN = 0.10   # and FAR, FRR each within this of the reference's


# ---------------------------------------------------------------- the encoder, photos, databases
@lru_cache(maxsize=1)
def encoder():
    from lessons.pretrained.face_encoder import pretrained_encoder
    return pretrained_encoder()


@lru_cache(maxsize=1)
def trunk():
    from lessons.pretrained.face_encoder import encoder_trunk
    return encoder_trunk(encoder())


def _models():
    return {"encoder": encoder(), "trunk": trunk()}


def reference_encoding(image, model):
    """The reference img_to_encoding, here: pixels / 255, a batch of one with a channel axis, unit length."""
    x = (np.asarray(image, dtype=np.float32) / 255.0)[None, :, :, None]
    encoding = np.asarray(model(x, training=False))[0].astype(np.float64)
    return encoding / np.linalg.norm(encoding)


@lru_cache(maxsize=None)
def _photos(identities, n_photos, seed):
    from lessons.pretrained.face_encoder import face_photos
    return face_photos(identities, n_photos, seed=seed)


def photo(identity, k=0, seed=101):
    """The k-th of two photos of `identity` (80-99) drawn with `seed`."""
    photos, _ = _photos(tuple(range(80, 100)), 2, seed)
    return photos[2 * (identity - 80) + k]


@lru_cache(maxsize=None)
def database(model_name, order=None):
    """NAMES -> the reference encoding (float32) of one photo (seed 100) of each, in the order of `order`
    (indices into NAMES; default as listed)."""
    model = _models()[model_name]
    photos, _ = _photos(tuple(range(80, 90)), 1, 100)
    order = range(len(NAMES)) if order is None else order
    return {NAMES[i]: reference_encoding(photos[i], model).astype(np.float32) for i in order}


# ---------------------------------------------------------------- triplet_loss
def triplet_twin(y_pred, alpha=0.2, squared=True, clip=True, reduce="sum", clip_after_sum=False):
    """The triplet loss in NumPy, float64; the keywords make the known mistakes."""
    anchor, positive, negative = (np.asarray(part, dtype=np.float64) for part in (y_pred[0], y_pred[1], y_pred[2]))
    pos = np.sum((anchor - positive) ** 2, axis=-1)
    neg = np.sum((anchor - negative) ** 2, axis=-1)
    if not squared:
        pos, neg = np.sqrt(pos), np.sqrt(neg)
    basic = pos - neg + alpha
    if clip_after_sum:
        return max(float(np.sum(basic)), 0.0)
    losses = np.maximum(basic, 0.0) if clip else basic
    return float(np.sum(losses) if reduce == "sum" else np.mean(losses))


def _triplet_args(case):
    y_true, y_pred, alpha = case.args
    return y_pred, alpha


def compare_triplet(expected, got, case):
    if got is None:
        return "the result is None: did you forget a return statement?"
    try:
        value = np.asarray(got, dtype=np.float64)
    except (TypeError, ValueError):
        return f"the result should be one number, got a {type(got).__name__}"
    if value.shape != ():
        return (f"the result should be one number (the loss summed over the batch), got an array of shape "
                f"{value.shape}: sum over the examples too")
    y_pred, alpha = _triplet_args(case)
    return within(value, triplet_twin(y_pred, alpha), atol=1e-4, rtol=1e-5, what="the loss")


def _unit(rng, shape):
    x = rng.normal(size=shape)
    return (x / np.linalg.norm(x, axis=-1, keepdims=True)).astype(np.float32)


def _triplet_cases():
    rng = np.random.default_rng(0)
    random_small = _unit(rng, (3, 4, 8))
    random_list = [part for part in _unit(rng, (3, 5, 8))]
    random_big = _unit(rng, (3, 16, 32))
    # Every triplet meets the margin: the positive is the anchor itself, the negative its opposite.
    anchor = _unit(rng, (6, 32))
    easy = np.stack([anchor, anchor, -anchor])
    # Every triplet violates it: the negative is the anchor, the positive elsewhere.
    hard = np.stack([anchor, _unit(rng, (6, 32)), anchor])
    one = _unit(rng, (3, 1, 16))
    mixed = _unit(rng, (3, 12, 32))
    return (
        Case("4 random triplets of unit encodings (d = 8), y_pred an array (3, m, d)", (None, random_small, 0.2),
             public=True),
        Case("5 random triplets, y_pred a list [anchor, positive, negative]", (None, random_list, 0.2), public=True),
        Case("16 random triplets (d = 32)", (None, random_big, 0.2)),
        Case("every triplet meets the margin: the loss is 0", (None, easy, 0.2)),
        Case("every triplet violates the margin: summed over the batch", (None, hard, 0.2)),
        Case("alpha = 0.5", (None, mixed, 0.5)),
        Case("one triplet", (None, one, 0.2)),
    )


TRIPLET_MISTAKES = (
    KnownMistake("the max with 0 is missing: a triplet that already meets the margin would then count as a "
                 "negative loss and pay for the others; take np.maximum / tf.maximum(basic_loss, 0.0) for each "
                 "triplet, then sum", lambda case: triplet_twin(*_triplet_args(case), clip=False), atol=1e-4),
    KnownMistake("this is the mean over the batch: the course's triplet loss, and this exercise, sum over the "
                 "examples (tf.reduce_sum / np.sum); a mean would also be a fine loss, it is only another scale",
                 lambda case: triplet_twin(*_triplet_args(case), reduce="mean"), atol=1e-4),
    KnownMistake("the distances are not squared: the loss compares squared distances, "
                 "sum((anchor - positive) ** 2, axis=-1), with no square root",
                 lambda case: triplet_twin(*_triplet_args(case), squared=False), atol=1e-4),
    KnownMistake("the max with 0 is taken after the sum: take it for each triplet (over axis -1 of the "
                 "squared differences, so one number per example), then sum the results",
                 lambda case: triplet_twin(*_triplet_args(case), clip_after_sum=True), atol=1e-4),
)


# ---------------------------------------------------------------- img_to_encoding
def _as_vector(got, size):
    """The encoding as a float64 vector of `size`, or a message. (1, size), the classic course's shape, is fine."""
    message = array_of_shape(got, np.shape(got), "the encoding")  # numbers, finite
    if message:
        return None, message
    value = np.asarray(got, dtype=np.float64)
    if value.shape == (1, size):
        value = value[0]
    if value.shape != (size,):
        return None, f"the encoding should be a vector of shape ({size},), got shape {value.shape}"
    return value, None


def compare_encoding(expected, got, case):
    expected = np.asarray(expected, dtype=np.float64).ravel()
    value, message = _as_vector(got, len(expected))
    if message:
        return message
    if within(value, expected, atol=DISTANCE_ATOL) is None:
        return None
    norm = float(np.linalg.norm(value))
    if abs(norm - 1) > 1e-3:
        return (f"the encoding's L2 norm is {norm:.4g}, not 1: divide it by np.linalg.norm(encoding) "
                "(the encoder's own output may not be normalised)")
    if case.reference is not None and within(value, case.reference, atol=1e-3) is None:
        return ("the pixels were not divided by 255: the encoder takes values from 0 to 1, and the photo holds "
                "uint8 values from 0 to 255")
    return within(value, expected, atol=DISTANCE_ATOL, what="the encoding")


def _not_scaled(image, model):
    x = np.asarray(image, dtype=np.float32)[None, :, :, None]
    encoding = np.asarray(model(x, training=False))[0].astype(np.float64)
    return encoding / np.linalg.norm(encoding)


def _encoding_case(name, identity, k, model_name, public=False):
    image = photo(identity, k)
    model = _models()[model_name]
    return Case(name, (image, ModelInput(model)), public=public, reference=_not_scaled(image, model))


# ---------------------------------------------------------------- verify
def compare_verify(expected, got, case):
    message = n_parts(got, 2, "the result (dist, match)")
    if message:
        return message
    dist, match = got
    message = _one_value(dist, "dist")
    if message:
        return message
    want_dist, want_match = float(expected[0]), bool(np.asarray(expected[1]))
    dist = float(np.asarray(dist, dtype=np.float64))
    if abs(dist - want_dist) > DISTANCE_ATOL:
        if abs(dist - want_dist ** 2) < DISTANCE_ATOL:
            return (f"dist is {dist:.4f}, the squared distance: verification compares the plain L2 distance "
                    f"np.linalg.norm(encoding - database[identity]) with the threshold (here {want_dist:.4f})")
        return f"dist should be {want_dist:.4f}, the L2 distance between the two encodings, got {dist:.4f}"
    message = _bool_value(match, "match")
    if message:
        return message
    if bool(np.asarray(match)) != want_match:
        image, identity, _, _, threshold = case.args
        return (f"dist = {dist:.4f} with threshold {threshold}: match should be {want_match} "
                "(the same person when dist < threshold)")
    return None


def _one_value(value, what):
    try:
        array = np.asarray(value, dtype=np.float64)
    except (TypeError, ValueError):
        return f"{what} should be a number, got a {type(value).__name__}"
    if array.size != 1:
        return f"{what} should be one number, got an array of shape {array.shape}"
    return one_number(float(array.ravel()[0]), what)


def _bool_value(value, what):
    array = np.asarray(value)
    if array.size != 1 or array.dtype.kind not in "biu":
        return f"{what} should be True or False, got {value!r}"
    return None


def _verify_case(name, identity, k, claim, model_name="encoder", threshold=THRESHOLD, public=False):
    return Case(name, (photo(identity, k), claim, database(model_name), ModelInput(_models()[model_name]), threshold),
                public=public)


# ---------------------------------------------------------------- who_is_it
def compare_who(expected, got, case):
    message = n_parts(got, 2, "the result (min_dist, identity)")
    if message:
        return message
    dist, identity = got
    message = _one_value(dist, "min_dist")
    if message:
        return message
    want_dist, want_identity = float(expected[0]), expected[1]
    dist = float(np.asarray(dist, dtype=np.float64))
    _, db, _, threshold = case.args
    if abs(dist - want_dist) > DISTANCE_ATOL:
        if abs(dist - want_dist ** 2) < DISTANCE_ATOL:
            return (f"min_dist is {dist:.4f}, a squared distance: use the plain L2 distance, "
                    f"np.linalg.norm(encoding - db_enc) (here {want_dist:.4f})")
        return (f"min_dist should be {want_dist:.4f}, the smallest L2 distance to an encoding of the database, "
                f"got {dist:.4f}")
    if identity == want_identity:
        return None
    last = list(db)[-1]
    if want_identity is None:
        return (f"the closest person is {dist:.4f} away, not below the threshold {threshold}: the photo is of no "
                f"one in the database, so return (min_dist, None); you returned {identity!r}")
    if identity is None:
        return (f"min_dist = {dist:.4f} is below the threshold {threshold}: return the name of the closest "
                f"person, {want_identity!r}, not None")
    if identity == last:
        return (f"you returned {identity!r}, the last name of the database, not the closest one "
                f"({want_identity!r}): update identity only when a distance beats min_dist")
    return f"identity should be {want_identity!r}, the closest person, got {identity!r}"


def _who_case(name, identity, k, model_name="encoder", threshold=THRESHOLD, order=None, public=False):
    return Case(name, (photo(identity, k), database(model_name, order), ModelInput(_models()[model_name]), threshold),
                public=public)


# ---------------------------------------------------------------- choose_threshold
def _rates(distances, same, tau):
    accepted = np.asarray(distances) < tau
    return float(np.mean(accepted[~same])), float(np.mean(~accepted[same]))


def compare_threshold(expected, got, case):
    message = _one_value(got, "the threshold")
    if message:
        return message
    tau = float(np.asarray(got, dtype=np.float64).ravel()[0])
    distances, same = case.reference
    far, frr = _rates(distances, same, tau)
    ref_far, ref_frr = _rates(distances, same, float(expected))
    hter, ref_hter = (far + frr) / 2, (ref_far + ref_frr) / 2
    said = (f"on the grader's held-out pairs your threshold {tau:.4f} accepts {far:.1%} of the pairs of two people "
            f"(FAR) and rejects {frr:.1%} of the pairs of one person (FRR)")
    if hter > ref_hter + HTER_MARGIN or abs(far - ref_far) > RATE_MARGIN or abs(frr - ref_frr) > RATE_MARGIN:
        return (f"{said}; the threshold at the ROC's best point gives FAR {ref_far:.1%} and FRR {ref_frr:.1%}. "
                "Choose the distance that minimises FAR + FRR on the calibration pairs (same person when "
                "distance < threshold)")
    return None


def _pairs(encodings, labels):
    i, j = np.triu_indices(len(labels), k=1)
    distances = np.linalg.norm(encodings[i].astype(np.float64) - encodings[j], axis=1)
    return distances, labels[i] == labels[j]


def _encoder_pairs(identities, n_photos, seed):
    from lessons.pretrained.face_encoder import encode
    photos, labels = _photos(tuple(identities), n_photos, seed)
    return _pairs(encode(encoder(), photos), labels)


def _gaussian_pairs(n_same, n_different, seed):
    rng = np.random.default_rng(seed)
    distances = np.concatenate([rng.normal(0.5, 0.12, n_same), rng.normal(1.2, 0.15, n_different)])
    same = np.arange(n_same + n_different) < n_same
    order = rng.permutation(len(same))
    return np.clip(distances[order], 0, 2), same[order]


def _threshold_case(name, calibration, held_out, public=False):
    return Case(name, calibration, public=public, reference=held_out)


def _threshold_cases():
    return (
        _threshold_case("pairs of 5 photos each of the 20 unseen people (encoder)",
                        _encoder_pairs(range(80, 100), 5, 110), _encoder_pairs(range(80, 100), 5, 111), public=True),
        _threshold_case("pairs of 8 photos each of 10 unseen people (encoder)",
                        _encoder_pairs(range(90, 100), 8, 112), _encoder_pairs(range(90, 100), 8, 113)),
        _threshold_case("two normal distributions of distances, 300 same and 3000 different pairs",
                        _gaussian_pairs(300, 3000, 0), _gaussian_pairs(3000, 30000, 1)),
    )


# ---------------------------------------------------------------- the checks
CHECKS = [
    Check("triplet_loss",
          hint="anchor, positive, negative = y_pred[0], y_pred[1], y_pred[2]; pos_dist and neg_dist: the squared "
               "distances summed over axis -1 (one per example); basic_loss = pos_dist - neg_dist + alpha; "
               "loss = sum over the examples of max(basic_loss, 0)",
          cases=_triplet_cases(),
          compare=compare_triplet,
          known_mistakes=TRIPLET_MISTAKES),
    Check("img_to_encoding",
          hint="x = image / 255.0 as float32, with a batch and a channel axis: shape (1, 25, 25, 1); "
               "encoding = model(x) (or model.predict(x, verbose=0)) as a NumPy vector; return encoding / "
               "np.linalg.norm(encoding)",
          cases=(
              _encoding_case("a photo of Ada (identity 80), the course's encoder", 80, 0, "encoder", public=True),
              _encoding_case("an encoder whose last layer does not normalise: the result has length 1 all the same",
                             81, 0, "trunk", public=True),
              _encoding_case("a photo of someone else (identity 95), the course's encoder", 95, 1, "encoder"),
              _encoding_case("another photo, the encoder without normalisation", 88, 1, "trunk"),
          ),
          compare=compare_encoding),
    Check("verify",
          hint="encoding = img_to_encoding(image, model); dist = np.linalg.norm(encoding - database[identity]) "
               "(the plain L2 distance, not squared); match = dist < threshold; return dist, match",
          cases=(
              _verify_case("Ada's photo, claiming to be Ada", 80, 0, "Ada", public=True),
              _verify_case("Gus's photo, claiming to be Ada", 86, 0, "Ada", public=True),
              _verify_case("an encoder that does not normalise: Ben claiming to be Ben", 81, 0, "Ben", "trunk",
                           public=True),
              _verify_case("Ben's photo claiming to be Ben, threshold 0.6: rejected", 81, 1, "Ben", threshold=0.6),
              _verify_case("Hana's photo claiming to be Ada: accepted by this encoder", 87, 0, "Ada"),
              _verify_case("a stranger claiming to be Ben: accepted by this encoder", 91, 0, "Ben"),
              _verify_case("the same stranger claiming to be Ben, threshold 0.6", 91, 0, "Ben", threshold=0.6),
              _verify_case("Ada's photo claiming to be Ada, threshold 0.6", 80, 0, "Ada", threshold=0.6),
              _verify_case("the encoder that does not normalise: Ada's other photo claiming to be Ada", 80, 1, "Ada",
                           "trunk"),
              _verify_case("the encoder that does not normalise: a stranger claiming to be Ben", 90, 0, "Ben",
                           "trunk"),
          ),
          compare=compare_verify),
    Check("who_is_it",
          hint="encoding = img_to_encoding(image, model); min_dist = a large number (e.g. 100); for each (name, "
               "db_enc) in database.items(): dist = np.linalg.norm(encoding - db_enc); if dist < min_dist: "
               "min_dist, identity = dist, name. If min_dist >= threshold, identity is None (not in the database). "
               "return min_dist, identity",
          cases=(
              _who_case("a photo of Chloe", 82, 0, public=True),
              _who_case("a stranger (identity 90): not in the database", 90, 0, public=True),
              _who_case("an encoder that does not normalise: a photo of Femi", 85, 0, "trunk", public=True),
              _who_case("a photo of Gus", 86, 1),
              _who_case("a photo of Jia, the last name of the database", 89, 0),
              _who_case("a stranger (identity 96)", 96, 0),
              _who_case("a stranger close to Ben: accepted by this encoder", 91, 0),
              _who_case("the same stranger, threshold 0.6", 91, 0, threshold=0.6),
              _who_case("the encoder that does not normalise: a photo of Dev", 83, 0, "trunk"),
              _who_case("the database in another order: a photo of Ivan", 88, 1, order=(8, 3, 0, 5, 9, 1, 4, 2, 6, 7)),
              _who_case("the database in another order: a photo of Ada", 80, 1, order=(0, 9, 8, 7, 6, 5, 4, 3, 2, 1)),
          ),
          compare=compare_who),
    Check("choose_threshold",
          hint="from sklearn.metrics import roc_curve; fpr, tpr, thresholds = roc_curve(same_person, -distances) "
               "(a larger score must mean 'same person', so the negated distance); best = np.argmax(tpr - fpr) "
               "(the largest TPR - FPR, i.e. the smallest FAR + FRR); return float(-thresholds[best])",
          cases=_threshold_cases(),
          compare=compare_threshold),
]
