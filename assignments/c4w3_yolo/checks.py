"""Checks of assignment C4W3 (YOLO post-processing: from a grid of predictions to a few boxes).
Expected outputs: expected/*.npz.

Conventions the notebook states and the checks hold to:
- iou takes corners (x1, y1, x2, y2); the boxes of YOLO's pipeline are TensorFlow's
  [y1, x1, y2, x2] (yolo_boxes_to_corners makes them). IoU is the same whichever axis comes first,
  so iou serves both orders as long as both boxes use the same one.
- yolo_filter_boxes keeps a box when its score (confidence x class probability, the largest over
  the classes) is >= threshold. Cases with a threshold of 0.5 hold scores exactly 0.5 (1.0 x 0.5,
  exact in float32 and float64), public and hidden; no other score lies within 1e-4 of a threshold.
- yolo_non_max_suppression works class by class, suppresses a box whose IoU with a kept box of its
  class is greater than iou_threshold (tf.image.non_max_suppression's rule), and returns at most
  max_boxes boxes in all, those of the highest scores (tf.image.combined_non_max_suppression with
  max_total_size = max_output_size_per_class = max_boxes). No two boxes of one class have an IoU
  within 2e-3 of the threshold, so the course's ">=" and TensorFlow's ">" agree on every case. It
  is compared, here, with tf.image.non_max_suppression run once per class.
- Detections (filter, NMS, eval) are compared as sets: in any order, each returned box matched to
  the expected one nearest to it (scores within 1e-5, boxes within 1e-5 of the image's size).
- preprocess_true_boxes: boxes (n, 5) rows (x, y, w, h, class), x, y, w, h fractions of the
  image; anchors (A, 2) widths and heights in grid cells; the target (grid, grid, A, 6) holds, at
  [row, column, anchor] of the responsible cell and anchor (the anchor whose shape has the highest
  IoU with the box's), [1, x offset in the cell, y offset, log(w / anchor w), log(h / anchor h),
  class], zeros elsewhere. No case puts two boxes on one cell and anchor, a centre within 1e-3 of a
  cell's border, or two anchors within 1e-3 of the same IoU with a box.

Known mistakes named in the feedback: IoU without clipping at zero, the union counting the
intersection twice; corners in the order (x1, y1, x2, y2), the half width forgotten; > instead of
>=, the largest probability instead of the largest score; NMS across classes, max_boxes per class;
scores forgotten in yolo_eval's filter threshold (the default 0.6 used); the responsible anchor by
distance instead of IoU, rows and columns swapped, box sizes left in image fractions, the size
targets without the log.
"""
from functools import lru_cache

import numpy as np

from grader.checks import Case, Check, KnownMistake, array_of_shape, close, import_tf, n_parts, within

rng = np.random.default_rng(4301)

SCORE_TOLERANCE = 1e-5
BOX_TOLERANCE = 1e-5   # relative to the image's size for yolo_eval


# ---------------------------------------------------------------- references (float64 NumPy)
def iou_of(box1, box2, clip=True, subtract=True):
    (a_x1, a_y1, a_x2, a_y2), (b_x1, b_y1, b_x2, b_y2) = np.asarray(box1, float), np.asarray(box2, float)
    width, height = min(a_x2, b_x2) - max(a_x1, b_x1), min(a_y2, b_y2) - max(a_y1, b_y1)
    if clip:
        width, height = max(width, 0.0), max(height, 0.0)
    inter = width * height
    union = (a_x2 - a_x1) * (a_y2 - a_y1) + (b_x2 - b_x1) * (b_y2 - b_y1) - (inter if subtract else 0.0)
    return inter / union


def corners_of(box_xy, box_wh, order="yx", half=True):
    box_xy, box_wh = np.asarray(box_xy, np.float64), np.asarray(box_wh, np.float64)
    size = box_wh / 2 if half else box_wh
    mins, maxes = box_xy - size, box_xy + size
    if order == "yx":
        return np.concatenate([mins[..., 1:2], mins[..., 0:1], maxes[..., 1:2], maxes[..., 0:1]], axis=-1)
    return np.concatenate([mins, maxes], axis=-1)


def filter_of(boxes, box_confidence, box_class_probs, threshold=0.6, strict=False, by_probability=False):
    box_scores = np.asarray(box_confidence, np.float64) * np.asarray(box_class_probs, np.float64)
    classes = np.argmax(box_class_probs if by_probability else box_scores, axis=-1)
    scores = np.take_along_axis(box_scores, classes[..., None], axis=-1)[..., 0]
    keep = scores > threshold if strict else scores >= threshold
    return scores[keep], np.asarray(boxes, np.float64)[keep], classes[keep]


def tf_nms(scores, boxes, classes, max_boxes=10, iou_threshold=0.5, per_class=True, total=True):
    """tf.image.non_max_suppression once per class (or once for all), then the max_boxes best scores."""
    tf = import_tf()
    scores, boxes, classes = np.asarray(scores), np.asarray(boxes), np.asarray(classes)
    kept = []
    for c in (np.unique(classes) if per_class else [None]):
        rows = np.flatnonzero(classes == c) if per_class else np.arange(len(scores))
        chosen = tf.image.non_max_suppression(boxes[rows].astype(np.float32), scores[rows].astype(np.float32),
                                              max_output_size=max_boxes, iou_threshold=iou_threshold).numpy()
        kept.extend(rows[chosen])
    kept = sorted(kept, key=lambda i: -scores[i])
    if total:
        kept = kept[:max_boxes]
    return scores[kept], boxes[kept], classes[kept]


# ---------------------------------------------------------------- comparing detections as sets
def _matched(want, got, scale=1.0):
    """got's rows (scores, boxes, classes) put in the order of want's, each matched to the nearest."""
    from scipy.optimize import linear_sum_assignment
    w = np.column_stack([np.asarray(want[0], float), np.asarray(want[1], float) / scale, np.asarray(want[2], float)])
    g = np.column_stack([np.asarray(got[0], float), np.asarray(got[1], float) / scale, np.asarray(got[2], float)])
    _, order = linear_sum_assignment(np.abs(w[:, None, :] - g[None, :, :]).sum(axis=-1))
    return [np.asarray(part)[order] for part in got]


def detections(what, scale_of=lambda case: 1.0):
    """Compare (scores, boxes, classes) with the expected ones as sets: in any order."""
    def compare(expected, got, case):
        message = n_parts(got, 3, "the result (scores, boxes, classes)")
        if message:
            return message
        n = len(np.asarray(expected[0]))
        for name, part, shape in zip(("scores", "boxes", "classes"), got, ((n,), (n, 4), (n,))):
            try:
                got_shape = np.shape(np.asarray(part))
            except ValueError:
                return f"{name} should be an array, got a {type(part).__name__} NumPy cannot read"
            if len(got_shape) != len(shape) or got_shape[1:] != shape[1:]:
                return f"{name} should have shape {('n',) + shape[1:]}, one row per box kept, got {got_shape}"
        counts = {len(np.asarray(part)) for part in got}
        if len(counts) > 1:
            return f"scores, boxes and classes should have one row per box kept, got {sorted(counts)} rows"
        m = counts.pop()
        if m != n:
            return f"{what}: kept {m} boxes where {n} should be kept"
        if n == 0:
            return None
        for name, part in zip(("scores", "boxes", "classes"), got):
            message = array_of_shape(part, np.shape(part), name)
            if message:
                return message
        scale = scale_of(case)
        ordered = _matched(expected, got, scale)
        tolerances = (SCORE_TOLERANCE, BOX_TOLERANCE * scale, 1e-9)
        for name, want, part, atol in zip(("scores", "boxes", "classes"), expected, ordered, tolerances):
            message = within(part, want, atol=atol, what=f"{name} (matched to the expected boxes)")
            if message:
                return f"{what}: {message}"
        return None
    return compare


# ---------------------------------------------------------------- iou
def _box(rng):
    x1, y1 = rng.uniform(0, 10, 2)
    w, h = rng.uniform(0.5, 5, 2)
    return tuple(float(round(v, 3)) for v in (x1, y1, x1 + w, y1 + h))


def _overlapping_pair(rng):
    while True:
        a, b = _box(rng), _box(rng)
        if 0.05 < iou_of(a, b) < 0.95:
            return a, b


def iou_compare(expected, got, case):
    message = array_of_shape(got, (), "the IoU (one number)")
    if message:
        return message
    return within(got, iou_of(*case.args), atol=1e-6, rtol=1e-6, what="the IoU")


IOU_MISTAKES = (
    KnownMistake("the intersection's width or height is negative when the boxes do not overlap along that axis, "
                 "and two negatives make a positive area: clip each at zero, max(x2 - x1, 0), before multiplying",
                 lambda case: iou_of(*case.args, clip=False), atol=1e-6),
    KnownMistake("the union counts the intersection twice: union = area1 + area2 - intersection",
                 lambda case: iou_of(*case.args, subtract=False), atol=1e-6),
)

IOU_CASES = (
    Case("the course's example (2, 1, 4, 3) and (1, 2, 3, 4): 1/7", ((2.0, 1.0, 4.0, 3.0), (1.0, 2.0, 3.0, 4.0)),
         public=True),
    Case("no overlap (1, 2, 3, 4) and (5, 6, 7, 8): 0", ((1.0, 2.0, 3.0, 4.0), (5.0, 6.0, 7.0, 8.0)), public=True),
    Case("edges touching (1, 1, 2, 2) and (2, 1, 3, 2): 0", ((1.0, 1.0, 2.0, 2.0), (2.0, 1.0, 3.0, 2.0)), public=True),
    Case("identical boxes: 1", ((0.5, 1.5, 3.0, 2.5), (0.5, 1.5, 3.0, 2.5)), public=True),
    Case("apart on a diagonal (0, 0, 1, 1) and (2, 2, 3, 3): 0", ((0.0, 0.0, 1.0, 1.0), (2.0, 2.0, 3.0, 3.0)),
         public=True),
    Case("one box inside the other", ((1.0, 1.0, 5.0, 4.0), (2.0, 2.0, 3.0, 3.5)), public=True),
    Case("overlapping boxes 1", _overlapping_pair(rng)),
    Case("overlapping boxes 2", _overlapping_pair(rng)),
    Case("overlapping boxes 3", _overlapping_pair(rng)),
    Case("overlapping boxes, the second first", tuple(reversed(_overlapping_pair(rng)))),
    Case("overlapping in x, apart in y", ((1.0, 1.0, 4.0, 2.0), (2.0, 3.5, 5.0, 6.0))),
    Case("apart on the other diagonal", ((3.0, 0.0, 4.5, 1.5), (0.0, 2.5, 2.0, 4.5))),
    Case("corners touching", ((0.0, 0.0, 1.0, 1.0), (1.0, 1.0, 2.5, 3.0))),
    Case("a thin box across a square", ((0.0, 1.0, 4.0, 1.5), (1.0, 0.0, 3.0, 2.0))),
)


# ---------------------------------------------------------------- yolo_boxes_to_corners
def _corners_case(shape):
    box_xy = rng.uniform(0, 1, shape + (2,)).astype(np.float32)
    box_wh = rng.uniform(0.05, 0.5, shape + (2,)).astype(np.float32)
    return box_xy, box_wh


def corners_compare(expected, got, case):
    box_xy, box_wh = case.args
    want = corners_of(box_xy, box_wh)
    message = array_of_shape(got, want.shape, "the corners")
    if message:
        return message + ": the shape of box_xy with 4 numbers in the last axis, [y1, x1, y2, x2]"
    return within(got, want, atol=1e-6, what="the corners [y1, x1, y2, x2]")


CORNERS_MISTAKES = (
    KnownMistake("these are the corners in the order [x1, y1, x2, y2]; TensorFlow's box functions (and the rest of "
                 "this pipeline) want [y1, x1, y2, x2]: y first", lambda case: corners_of(*case.args, order="xy"),
                 atol=1e-6),
    KnownMistake("the corners are a whole width and height from the centre: they are half of it away, "
                 "box_xy - box_wh / 2 and box_xy + box_wh / 2", lambda case: corners_of(*case.args, half=False),
                 atol=1e-6),
)

CORNERS_CASES = (
    Case("a 3 x 3 grid of 2 anchors", _corners_case((3, 3, 2)), public=True),
    Case("5 boxes in a list", _corners_case((5,)), public=True),
    Case("the course's 19 x 19 grid of 5 anchors", _corners_case((19, 19, 5))),
    Case("a 4 x 4 grid of 3 anchors", _corners_case((4, 4, 3))),
    Case("one box in a list", _corners_case((1,))),
)


# ---------------------------------------------------------------- yolo_filter_boxes
def _softmax(z):
    e = np.exp(z - z.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def _filter_inputs(rng, S, A, C, threshold, ties=0):
    """Random boxes, confidences and class probabilities (float32) with no score within 1e-4 of the
    threshold, except `ties` boxes whose score is exactly 0.5 (confidence 1, a probability of 0.5)."""
    while True:
        boxes = rng.uniform(0, 1, (S, S, A, 4)).astype(np.float32)
        confidence = (1 / (1 + np.exp(-rng.normal(0, 2, (S, S, A, 1))))).astype(np.float32)
        probs = _softmax(rng.normal(0, 2.5, (S, S, A, C))).astype(np.float32)
        spots = rng.choice(S * S * A, ties, replace=False)
        for spot in spots:
            i, j, k = np.unravel_index(spot, (S, S, A))
            confidence[i, j, k] = 1.0
            probs[i, j, k] = 0.5 / (C - 1)
            probs[i, j, k, rng.integers(C)] = 0.5
        scores = (confidence.astype(np.float64) * probs).max(axis=-1)
        mask = np.ones(scores.shape, bool)
        mask.flat[spots] = False
        kept = filter_of(boxes, confidence, probs, threshold)[0]
        if np.all(np.abs(scores[mask] - threshold) > 1e-4) and len(kept) >= 2:
            return boxes, confidence, probs


FILTER_MISTAKES = (
    KnownMistake("a box whose score equals the threshold was dropped: keep score >= threshold, not >",
                 lambda case: filter_of(*case.args, strict=True), atol=1e-5),
    KnownMistake("the class and score are those of the largest class probability; take the largest SCORE, "
                 "box_confidence * box_class_probs, over the classes (argmax and max of box_scores)",
                 lambda case: filter_of(*case.args, by_probability=True), atol=1e-5),
)


def _filter_case(name, S, A, C, threshold=None, ties=0, public=False):
    args = _filter_inputs(rng, S, A, C, 0.6 if threshold is None else threshold, ties)
    return Case(name, args if threshold is None else args + (threshold,), public=public)


FILTER_CASES = (
    _filter_case("a 3 x 3 grid, 2 anchors, 4 classes, threshold left at 0.6", 3, 3, 4, public=True),
    _filter_case("threshold 0.5, three scores exactly 0.5 (kept: >=)", 4, 2, 3, 0.5, ties=3, public=True),
    _filter_case("the course's 19 x 19 grid, 5 anchors, 10 classes", 19, 5, 10),
    _filter_case("a 5 x 5 grid, 3 anchors, 5 classes, threshold 0.3", 5, 3, 5, 0.3),
    _filter_case("threshold 0.5, five scores exactly 0.5", 6, 3, 5, 0.5, ties=5),
    _filter_case("a 2 x 2 grid, one anchor, 3 classes", 2, 1, 3),
)


# ---------------------------------------------------------------- yolo_non_max_suppression
def _yxyx(centre_x, centre_y, w, h):
    return np.array([centre_y - h / 2, centre_x - w / 2, centre_y + h / 2, centre_x + w / 2])


def _nms_inputs(rng, n_objects, n_classes, iou_threshold=0.5, extra=0, shared_objects=0, size=100.0):
    """Clusters of overlapping boxes of one class around each object (and, for `shared_objects`,
    one of another class on the same spot), plus `extra` boxes anywhere. Float32 scores, all different,
    boxes [y1, x1, y2, x2] in pixels, int32 classes; no two boxes of one class have an IoU within
    2e-3 of the threshold."""
    while True:
        scores, boxes, classes = [], [], []
        for o in range(n_objects):
            cx, cy = rng.uniform(15, size - 15, 2)
            w, h = rng.uniform(8, 30, 2)
            for c in [rng.integers(n_classes)] + ([rng.integers(n_classes)] if o < shared_objects else []):
                for _ in range(rng.integers(2, 5)):
                    jitter = rng.normal(0, 0.12, 4) * [w, h, w, h]
                    boxes.append(_yxyx(cx + jitter[0], cy + jitter[1], w + jitter[2], h + jitter[3]))
                    classes.append(c)
                    scores.append(rng.uniform(0.5, 1.0))
        for _ in range(extra):
            cx, cy = rng.uniform(5, size - 5, 2)
            boxes.append(_yxyx(cx, cy, *rng.uniform(4, 25, 2)))
            classes.append(rng.integers(n_classes))
            scores.append(rng.uniform(0.5, 1.0))
        scores = np.array(scores, np.float32)
        boxes = np.array(boxes, np.float32)
        classes = np.array(classes, np.int32)
        order = rng.permutation(len(scores))
        scores, boxes, classes = scores[order], boxes[order], classes[order]
        if len(np.unique(scores)) < len(scores) or np.min(np.diff(np.sort(scores))) < 1e-4:
            continue
        ious = [iou_of(boxes[a][[1, 0, 3, 2]], boxes[b][[1, 0, 3, 2]])
                for a in range(len(boxes)) for b in range(a) if classes[a] == classes[b]]
        if all(abs(v - iou_threshold) > 2e-3 for v in ious):
            return scores, boxes, classes


def _diagonal_inputs():
    """Two boxes of one class apart on a diagonal (an IoU of 1 without clipping), and a third overlapping the first."""
    boxes = np.array([[10, 10, 30, 30], [50, 50, 70, 70], [12, 11, 31, 32], [60, 0, 80, 20]], np.float32)
    return np.array([0.9, 0.8, 0.85, 0.7], np.float32), boxes, np.array([1, 1, 1, 0], np.int32)


def _two_classes_inputs():
    """Two objects of different classes on almost the same spot: both stay."""
    boxes = np.array([[20, 20, 60, 50], [22, 21, 61, 52], [21, 19, 59, 51], [70, 70, 90, 95]], np.float32)
    return np.array([0.95, 0.9, 0.6, 0.75], np.float32), boxes, np.array([0, 2, 0, 2], np.int32)


def nms_compare(expected, got, case):
    return detections("compared with tf.image.non_max_suppression run class by class")(tf_nms(*case.args), got, case)


NMS_MISTAKES = (
    KnownMistake("boxes of different classes suppressed each other: run non-max suppression once per class (a "
                 "dog in front of a car must keep both boxes)",
                 lambda case: tf_nms(*case.args, per_class=False), atol=1e-5),
    KnownMistake("more than max_boxes boxes came back: max_boxes is the most in all, the best scores over every "
                 "class, not the most per class", lambda case: tf_nms(*case.args, total=False), atol=1e-5),
)


def _nms_case(name, n_objects, n_classes, *settings, extra=0, shared=0, public=False):
    iou_threshold = settings[1] if settings else 0.5
    return Case(name, _nms_inputs(rng, n_objects, n_classes, iou_threshold, extra, shared) + tuple(settings),
                public=public)


NMS_CASES = (
    _nms_case("4 objects, 3 classes, defaults", 4, 3, extra=3, shared=1, public=True),
    Case("two boxes of a class apart on a diagonal, one overlapping the first", _diagonal_inputs(), public=True),
    Case("two classes on one spot: both kept", _two_classes_inputs(), public=True),
    _nms_case("8 objects, max_boxes 5, iou_threshold 0.3", 8, 2, 5, 0.3, extra=4, shared=2, public=True),
    _nms_case("6 objects, 4 classes, defaults", 6, 4, extra=5, shared=2),
    _nms_case("10 objects, 3 classes, max_boxes 10, iou_threshold 0.6", 10, 3, 10, 0.6, extra=6, shared=3),
    _nms_case("5 objects, one class, max_boxes 3, iou_threshold 0.4", 5, 1, 3, 0.4, extra=2),
    _nms_case("3 objects, 2 classes, max_boxes 20, iou_threshold 0.5", 3, 2, 20, 0.5, extra=8, shared=3),
)


# ---------------------------------------------------------------- yolo_eval
def _eval_inputs(rng, S, A, C, n_objects, score_threshold=0.6, iou_threshold=0.5, image_shape=(720, 1280),
                 max_boxes=10, ties=0, shared_objects=0):
    """A network's decoded output (box_confidence, box_xy, box_wh, box_class_probs), float32: low confidence
    everywhere but near each object, where several cells and anchors predict jittered copies of its box."""
    H, W = image_shape
    while True:
        confidence = (1 / (1 + np.exp(-rng.normal(-3, 1.5, (S, S, A, 1))))).astype(np.float64)
        box_xy = rng.uniform(0, 1, (S, S, A, 2))
        box_wh = rng.uniform(0.05, 0.4, (S, S, A, 2))
        probs = _softmax(rng.normal(0, 1.5, (S, S, A, C)))
        spots = rng.permutation(S * S * A)
        used = 0
        for o in range(n_objects):
            x, y = rng.uniform(0.15, 0.85, 2)
            w, h = rng.uniform(0.1, 0.35, 2)
            for c in [rng.integers(C)] + ([rng.integers(C)] if o < shared_objects else []):
                for _ in range(rng.integers(2, 4)):
                    i, j, k = np.unravel_index(spots[used], (S, S, A))
                    used += 1
                    box_xy[i, j, k] = [x, y] + rng.normal(0, 0.015, 2)
                    box_wh[i, j, k] = [w, h] * np.exp(rng.normal(0, 0.08, 2))
                    confidence[i, j, k] = rng.uniform(0.75, 0.99)
                    logits = rng.normal(0, 1, C)
                    logits[c] += 5
                    probs[i, j, k] = _softmax(logits)
        for _ in range(ties):
            i, j, k = np.unravel_index(spots[used], (S, S, A))
            used += 1
            confidence[i, j, k] = 1.0
            probs[i, j, k] = 0.5 / (C - 1)
            probs[i, j, k, rng.integers(C)] = 0.5
        outputs = tuple(a.astype(np.float32) for a in (confidence, box_xy, box_wh, probs))
        scores = (outputs[0].astype(np.float64) * outputs[3]).max(axis=-1)
        tie = (outputs[0][..., 0] == 1.0) & (scores == 0.5)
        if np.any(np.abs(scores[~tie] - score_threshold) < 1e-4):
            continue
        s, b, c = filter_of(corners_of(outputs[1], outputs[2]), outputs[0], outputs[3], score_threshold)
        b = b * [H, W, H, W]
        ious = [iou_of(b[p][[1, 0, 3, 2]], b[q][[1, 0, 3, 2]]) for p in range(len(b)) for q in range(p)
                if c[p] == c[q]]
        if len(s) < 3 or any(abs(v - iou_threshold) < 2e-3 for v in ious):
            continue
        if not ties and np.min(np.diff(np.sort(s))) < 1e-4:
            continue
        settings = (max_boxes, score_threshold, iou_threshold)
        if ties:  # the ties stay, apart from each other, not at max_boxes' cut, and > would lose one
            tied = np.flatnonzero(s == 0.5)
            if any(c[p] == c[q] and iou_of(b[p][[1, 0, 3, 2]], b[q][[1, 0, 3, 2]]) > iou_threshold - 2e-3
                   for p in tied for q in tied if p < q):
                continue
            every = tf_nms(s, b, c, max_boxes, iou_threshold, total=False)
            strict = eval_of(outputs, image_shape, *settings, strict=True)
            if len(every[0]) > max_boxes or len(strict[0]) == len(every[0]):
                continue
        return outputs


def _eval_case(name, S, A, C, n_objects, image_shape=(720, 1280), *settings, ties=0, shared=0, public=False):
    max_boxes, score_threshold, iou_threshold = settings if settings else (10, 0.6, 0.5)
    outputs = _eval_inputs(rng, S, A, C, n_objects, score_threshold, iou_threshold, image_shape, max_boxes, ties,
                           shared)
    return Case(name, (outputs, tuple(float(v) for v in image_shape)) + tuple(settings), public=public)


def eval_of(outputs, image_shape, max_boxes=10, score_threshold=0.6, iou_threshold=0.5, strict=False,
            per_class=True, scale_first=True):
    """yolo_eval in NumPy (and tf.image.non_max_suppression), with a switch for each known mistake."""
    confidence, box_xy, box_wh, probs = outputs
    scores, boxes, classes = filter_of(corners_of(box_xy, box_wh), confidence, probs, score_threshold, strict)
    scale = np.array([image_shape[0], image_shape[1], image_shape[0], image_shape[1]], np.float64)
    if scale_first:
        return tf_nms(scores, boxes * scale, classes, max_boxes, iou_threshold, per_class=per_class)
    scores, boxes, classes = tf_nms(scores, boxes, classes, max_boxes, iou_threshold, per_class=per_class)
    return scores, boxes * scale, classes


def eval_compare(expected, got, case):
    return detections("yolo_eval", scale_of=lambda c: max(c.args[1]))(expected, got, case)


def _eval_with(case, **changes):
    """eval_of on the case's arguments, some settings changed."""
    settings = dict(zip(("max_boxes", "score_threshold", "iou_threshold"), case.args[2:])) | changes
    return eval_of(case.args[0], case.args[1], **settings)


EVAL_MISTAKES = (
    KnownMistake("these are the boxes of score_threshold = 0.6, the default: pass yolo_eval's score_threshold on, "
                 "yolo_filter_boxes(..., threshold=score_threshold)",
                 lambda case: _eval_with(case, score_threshold=0.6), atol=1e-3),
    KnownMistake("these are the boxes of max_boxes = 10 and iou_threshold = 0.5, the defaults: pass yolo_eval's "
                 "max_boxes and iou_threshold on to yolo_non_max_suppression",
                 lambda case: _eval_with(case, max_boxes=10, iou_threshold=0.5), atol=1e-3),
    KnownMistake("non-max suppression ran before scale_boxes: scale the boxes to the image first (IoU changes when "
                 "the height and width are stretched by different factors)",
                 lambda case: _eval_with(case, scale_first=False), atol=1e-3),
)

EVAL_CASES = (
    _eval_case("a 5 x 5 grid, 3 anchors, 4 classes, 3 objects, image 720 x 1280, defaults", 5, 3, 4, 3,
               shared=1, public=True),
    _eval_case("a 4 x 4 grid, 2 anchors, 3 classes, image 480 x 640, max_boxes 4, score_threshold 0.5 (two scores "
               "exactly 0.5), iou_threshold 0.4", 4, 2, 3, 3, (480, 640), 4, 0.5, 0.4, ties=2, shared=1,
               public=True),
    _eval_case("a 7 x 7 grid, 3 anchors, 5 classes, 5 objects, defaults", 7, 3, 5, 5, shared=2),
    _eval_case("a 6 x 6 grid, 2 anchors, 3 classes, image 600 x 400, max_boxes 10, score_threshold 0.5 (one "
               "score exactly 0.5), iou_threshold 0.5", 6, 2, 3, 4, (600, 400), 10, 0.5, 0.5, ties=1, shared=1),
    _eval_case("a 5 x 5 grid, 5 anchors, 4 classes, image 256 x 256, max_boxes 3, score_threshold 0.7, "
               "iou_threshold 0.3", 5, 5, 4, 4, (256, 256), 3, 0.7, 0.3),
)


# ---------------------------------------------------------------- preprocess_true_boxes
def shape_iou(w, h, anchors):
    inter = np.minimum(w, anchors[:, 0]) * np.minimum(h, anchors[:, 1])
    return inter / (w * h + anchors[:, 0] * anchors[:, 1] - inter)


def targets_of(boxes, anchors, grid, by="iou", swap=False, cells=True, log=True):
    boxes, anchors = np.asarray(boxes, np.float64), np.asarray(anchors, np.float64)
    y_true = np.zeros((grid, grid, len(anchors), 6))
    for x, y, w, h, c in boxes:
        i, j = min(int(y * grid), grid - 1), min(int(x * grid), grid - 1)
        wc, hc = (w * grid, h * grid) if cells else (w, h)
        if by == "iou":
            k = int(np.argmax(shape_iou(wc, hc, anchors)))
        else:
            k = int(np.argmin(np.hypot(anchors[:, 0] - wc, anchors[:, 1] - hc)))
        tw, th = w * grid / anchors[k, 0], h * grid / anchors[k, 1]
        row = [1, x * grid - j, y * grid - i, np.log(tw) if log else tw, np.log(th) if log else th, c]
        y_true[(j, i, k) if swap else (i, j, k)] = row
    return y_true


def _true_boxes(rng, n, n_anchors, grid, n_classes=3, contrast=False):
    """Boxes (n, 5) and anchors (A, 2) with one box per cell and anchor at most, no centre near a cell's border
    and no near tie between two anchors; `contrast`: at least one box whose nearest anchor (by distance) is not
    the one of highest IoU."""
    while True:
        anchors = np.round(np.sort(rng.uniform(0.4, 4.0, (n_anchors, 2)), axis=0), 2)
        anchors[:, 1] = np.round(anchors[:, 0] * rng.uniform(0.5, 2.0, n_anchors), 2)
        x, y = rng.uniform(0.02, 0.98, (2, n))
        w, h = rng.uniform(0.05, 0.6, (2, n))
        boxes = np.column_stack([x, y, w, h, rng.integers(0, n_classes, n)]).round(4)
        near_border = np.abs(boxes[:, :2] * grid - np.round(boxes[:, :2] * grid)) < 1e-3
        ious = [np.sort(shape_iou(b[2] * grid, b[3] * grid, anchors)) for b in boxes]
        slots = {(int(b[1] * grid), int(b[0] * grid), int(np.argmax(shape_iou(b[2] * grid, b[3] * grid, anchors))))
                 for b in boxes}
        if near_border.any() or len(slots) < n or any(v[-1] - v[-2] < 1e-3 for v in ious if len(v) > 1):
            continue
        if contrast and np.array_equal(targets_of(boxes, anchors, grid), targets_of(boxes, anchors, grid, by="distance")):
            continue
        return boxes, anchors


def _slot(box, anchors, grid):
    """(row, column, anchor) responsible for a box (x, y, w, h, class)."""
    x, y, w, h, _ = box
    return min(int(y * grid), grid - 1), min(int(x * grid), grid - 1), int(np.argmax(shape_iou(w * grid, h * grid, anchors)))


def targets_compare(expected, got, case):
    boxes, anchors, grid = case.args
    want = targets_of(boxes, anchors, grid)
    message = array_of_shape(got, want.shape, "the target")
    if message:
        return message + " (grid, grid, number of anchors, 6)"
    got = np.asarray(got, dtype=np.float64)
    for b, box in enumerate(boxes):
        spot = _slot(box, anchors, grid)
        if abs(got[spot][0] - 1) > 1e-6:
            x, y, w, h, _ = box
            return (f"box {b} (x {x:g}, y {y:g}, w {w:g}, h {h:g}) belongs at [row {spot[0]}, column {spot[1]}, "
                    f"anchor {spot[2]}], where the target's first number is {got[spot][0]:g}, not 1")
    return within(got, want, atol=1e-6, what="the target")


TARGETS_MISTAKES = (
    KnownMistake("the responsible anchor is the one nearest in width and height; YOLO picks the anchor whose SHAPE "
                 "has the highest IoU with the box's (both centred on one point): intersection min(w, a_w) * min(h, "
                 "a_h), union w * h + a_w * a_h - intersection", lambda case: targets_of(*case.args, by="distance")),
    KnownMistake("rows and columns are swapped: the row is floor(y * grid) (y goes down the picture), the column "
                 "floor(x * grid), and the target is indexed [row, column, anchor]",
                 lambda case: targets_of(*case.args, swap=True)),
    KnownMistake("the anchor was chosen with the box's size as a fraction of the image, but the anchors are in "
                 "grid cells: multiply w and h by grid first", lambda case: targets_of(*case.args, cells=False)),
    KnownMistake("the size targets are log(w / anchor w) and log(h / anchor h): the network predicts them, and "
                 "the decoding takes their exp", lambda case: targets_of(*case.args, log=False)),
)


def _targets_case(name, n, n_anchors, grid, contrast=False, public=False):
    boxes, anchors = _true_boxes(rng, n, n_anchors, grid, contrast=contrast)
    return Case(name, (boxes, anchors, grid), public=public)


TARGETS_CASES = (
    Case("two boxes on a 3 x 3 grid, two anchors",
         (np.array([[0.5, 0.4, 0.3, 0.6, 2.0], [0.1, 0.9, 0.2, 0.1, 0.0]]), np.array([[1.0, 1.0], [0.8, 2.0]]), 3),
         public=True),
    _targets_case("6 boxes on a 5 x 5 grid, three anchors: the nearest anchor is not always the best",
                  6, 3, 5, contrast=True, public=True),
    _targets_case("10 boxes on a 13 x 13 grid, five anchors", 10, 5, 13, contrast=True),
    _targets_case("4 boxes on a 4 x 4 grid, two anchors", 4, 2, 4, contrast=True),
    _targets_case("one box, one anchor, a 7 x 7 grid", 1, 1, 7),
    _targets_case("8 boxes on a 6 x 6 grid, four anchors", 8, 4, 6, contrast=True),
)


CHECKS = [
    Check("iou",
          hint="intersection: xi1 = max(x1 of both), yi1 = max(y1 of both), xi2 = min(x2 of both), yi2 = min(y2 of "
               "both); its area max(xi2 - xi1, 0) * max(yi2 - yi1, 0); union = area1 + area2 - intersection; "
               "return intersection / union, one number",
          cases=IOU_CASES, compare=iou_compare, known_mistakes=IOU_MISTAKES),
    Check("yolo_boxes_to_corners",
          hint="box_mins = box_xy - box_wh / 2, box_maxes = box_xy + box_wh / 2; return the last axis in "
               "TensorFlow's order [y_min, x_min, y_max, x_max]: tf.concat([box_mins[..., 1:2], box_mins[..., 0:1], "
               "box_maxes[..., 1:2], box_maxes[..., 0:1]], axis=-1)",
          cases=CORNERS_CASES, compare=corners_compare, known_mistakes=CORNERS_MISTAKES),
    Check("yolo_filter_boxes",
          hint="box_scores = box_confidence * box_class_probs; box_classes = argmax of box_scores over the last "
               "axis, box_class_scores = its max; mask = box_class_scores >= threshold; return the masked scores, "
               "boxes and classes (tf.boolean_mask, or NumPy's boxes[mask])",
          cases=FILTER_CASES, compare=detections("yolo_filter_boxes"), known_mistakes=FILTER_MISTAKES),
    Check("yolo_non_max_suppression",
          hint="for each class on its own: take its boxes from the highest score down, keep a box, drop the "
               "remaining ones whose IoU with it is above iou_threshold, repeat (or call tf.image.non_max_suppression "
               "on the class's boxes); then return the max_boxes kept boxes of highest scores over all classes",
          cases=NMS_CASES, compare=nms_compare, known_mistakes=NMS_MISTAKES),
    Check("yolo_eval",
          hint="box_confidence, box_xy, box_wh, box_class_probs = yolo_outputs; boxes = yolo_boxes_to_corners(box_xy, "
               "box_wh); filter with yolo_filter_boxes(..., threshold=score_threshold); boxes = scale_boxes(boxes, "
               "image_shape); then yolo_non_max_suppression(scores, boxes, classes, max_boxes, iou_threshold)",
          cases=EVAL_CASES, compare=eval_compare, known_mistakes=EVAL_MISTAKES),
    Check("preprocess_true_boxes",
          hint="y_true = zeros (grid, grid, len(anchors), 6); for each box (x, y, w, h, c): row i = floor(y * grid), "
               "column j = floor(x * grid); k = the anchor whose shape has the highest IoU with (w * grid, h * grid); "
               "y_true[i, j, k] = [1, x * grid - j, y * grid - i, log(w * grid / anchor_w), log(h * grid / anchor_h), c]",
          cases=TARGETS_CASES, compare=targets_compare, known_mistakes=TARGETS_MISTAKES),
]
