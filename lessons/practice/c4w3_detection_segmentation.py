"""Practice exercises of the C4W3 lesson (notebooks/c4_convolutional_networks/c4w3_detection_segmentation.ipynb):
the output grid of a convolutional sliding window, intersection over union as a function, the boxes that
the course's non-max suppression keeps, and a mean IoU from a confusion matrix by hand."""
from lessons.practice import Exercise, Mistake

window_grid = Exercise(
    title="The convolutional twin on a 40 x 40 picture",
    answer=(14, 14, 4),
    mistakes=[
        Mistake((20, 20, 4), "You divided the picture's size by the stride. Each output position is a whole "
                             "14 x 14 window, and a window must fit inside the picture: the last one starts at "
                             "40 - 14 = 26."),
        Mistake((13, 13, 4), "(40 - 14) / 2 = 13 counts the steps from the first window to the last, not the "
                             "windows: count the first one too."),
        Mistake((27, 27, 4), "That counts a window at every pixel offset. The twin's windows are 2 pixels apart, "
                             "the stride of its pooling layer."),
        Mistake((1, 1, 4), "That is the output for a 14 x 14 picture. The twin has no Flatten: a larger picture "
                           "gives a larger grid of classifications, one per window."),
        Mistake((14, 14, 400), "The last layer is the softmax over 4 classes, Conv2D(4, 1): 4 numbers per window."),
    ],
    hints=["Each position of the output is the classification of one 14 x 14 window; neighbouring windows "
           "are 2 pixels apart, the stride of the pooling.",
           "Count the offsets 0, 2, 4, ... at which a 14-pixel window still fits in 40 pixels.",
           "(40 - 14) / 2 + 1 positions along each side, and the softmax's 4 class probabilities at each."],
    solution="(14, 14, 4): (40 - 14) / 2 + 1 = 14 windows along each side, 4 class probabilities per window. "
             "By the layers: 40 -> conv 5 x 5 -> 36 -> pool 2 -> 18 -> conv 5 x 5 -> 14 -> two 1 x 1 convs -> 14.",
)


def _iou(box1, box2):
    width = max(min(box1[2], box2[2]) - max(box1[0], box2[0]), 0)
    height = max(min(box1[3], box2[3]) - max(box1[1], box2[1]), 0)
    intersection = width * height
    union = (box1[2] - box1[0]) * (box1[3] - box1[1]) + (box2[2] - box2[0]) * (box2[3] - box2[1]) - intersection
    return intersection / union


def _iou_slip(intersection_of, union_of):
    def slip(box1, box2):
        intersection = intersection_of(box1, box2)
        area1 = (box1[2] - box1[0]) * (box1[3] - box1[1])
        area2 = (box2[2] - box2[0]) * (box2[3] - box2[1])
        return intersection / union_of(area1, area2, intersection)
    return slip


def _sides(box1, box2):
    return min(box1[2], box2[2]) - max(box1[0], box2[0]), min(box1[3], box2[3]) - max(box1[1], box2[1])


def _enclosing(box1, box2):
    return (max(box1[2], box2[2]) - min(box1[0], box2[0])) * (max(box1[3], box2[3]) - min(box1[1], box2[1]))


_minus = lambda a1, a2, i: a1 + a2 - i
iou = Exercise(
    title="Intersection over union",
    answer=_iou,
    cases=[((2, 1, 4, 3), (1, 2, 3, 4)),              # the course's example, 1/7
           ((0, 0, 2, 2), (0, 0, 2, 2)),              # the same box
           ((0, 0, 4, 4), (1, 1, 2, 2)),              # one box inside the other
           ((0, 0, 1, 1), (2, 2, 3, 3)),              # apart along both axes
           ((0, 0, 2, 1), (0, 3, 2, 4)),              # overlapping in x, apart in y
           ((1, 1, 3, 3), (2, 3, 3, 4)),              # touching along an edge
           ((0.5, 0.5, 2.5, 1.5), (1.0, 0.0, 2.0, 3.0))],
    mistakes=[
        Mistake(_iou_slip(lambda b1, b2: max(_sides(b1, b2)[0] * _sides(b1, b2)[1], 0), _minus),
                "You clamp the product of the width and height at 0. Two boxes apart along both axes have a "
                "negative width and a negative height, whose product is positive: clamp each side at 0 before "
                "multiplying."),
        Mistake(_iou_slip(lambda b1, b2: _sides(b1, b2)[0] * _sides(b1, b2)[1], _minus),
                "Boxes that do not overlap get a nonzero IoU: when the corners cross, the intersection's width "
                "or height is negative. Clamp each of them at 0."),
        Mistake(_iou_slip(lambda b1, b2: max(_sides(b1, b2)[0], 0) * max(_sides(b1, b2)[1], 0),
                          lambda a1, a2, i: a1 + a2),
                "Your union counts the intersection twice: it is area1 + area2 minus the intersection."),
        Mistake(_iou_slip(_enclosing, _minus),
                "Your 'intersection' is the box that encloses both: its upper-left corner takes the smaller "
                "coordinates. The intersection starts at the larger of the two upper-left corners and ends at the "
                "smaller of the two lower-right corners."),
    ],
    hints=["The intersection is a box too: its corners come from the two boxes' corners.",
           "Upper-left corner: the max of the two x1 and the max of the two y1; lower-right: the min of the two x2 "
           "and of the two y2. The union is area1 + area2 - intersection.",
           "When the boxes do not overlap, x2 - x1 or y2 - y1 of the intersection is negative: take "
           "max(width, 0) * max(height, 0), each side clamped on its own."],
    solution=("def iou(box1, box2):\n"
              "    width = max(min(box1[2], box2[2]) - max(box1[0], box2[0]), 0)\n"
              "    height = max(min(box1[3], box2[3]) - max(box1[1], box2[1]), 0)\n"
              "    intersection = width * height\n"
              "    area1 = (box1[2] - box1[0]) * (box1[3] - box1[1])\n"
              "    area2 = (box2[2] - box2[0]) * (box2[3] - box2[1])\n"
              "    return intersection / (area1 + area2 - intersection)"),
)

nms_kept = Exercise(
    title="Which boxes does non-max suppression keep?",
    answer="c",
    mistakes=[
        Mistake("a", "After A, the best remaining box is D (B and C are gone). D overlaps B by 0.70, but B was "
                     "already suppressed: a discarded box suppresses nothing. D's IoU with A, the box kept, is only "
                     "0.10."),
        Mistake("b", "C's IoU with A is exactly 0.50, and the course drops a box whose IoU with a kept box is "
                     "greater than or equal to 0.5 (TensorFlow, with its strict >, would keep C)."),
        Mistake("d", "E's score is 0.60, and the first step drops every box with a score of 0.6 or less, before "
                     "any IoU is looked at."),
    ],
    hints=["First drop every box with a score <= 0.6; then repeatedly keep the best remaining box and drop the "
           "remaining boxes whose IoU with it is >= 0.5.",
           "E goes in the first step (0.60 is not above 0.6). A is kept; its IoUs remove B (0.62) and C (0.50 is "
           ">= 0.5).",
           "Only D is left after A's round. Which boxes still in the list could suppress it?"],
    solution="c, A and D. E is dropped by the score threshold (0.60 <= 0.6). A, the best, is kept and removes B "
             "(IoU 0.62) and C (IoU 0.50 >= 0.5). D is then the best remaining box: its IoU with A is 0.10, and B, "
             "which it overlaps, was removed already, so D is kept.",
)


def _mean_iou_from(numerator, denominator, classes=(0, 1, 2)):
    return sum(numerator[c] / denominator[c] for c in classes) / len(classes)


_DIAGONAL, _ROWS, _COLUMNS = (80, 6, 2), (85, 10, 5), (87, 8, 5)
_UNIONS = tuple(r + c - d for r, c, d in zip(_ROWS, _COLUMNS, _DIAGONAL))
mean_iou = Exercise(
    title="Mean IoU from a confusion matrix",
    answer=_mean_iou_from(_DIAGONAL, _UNIONS),            # (80/92 + 6/12 + 2/8) / 3 = 0.5399
    tolerance=1e-3,
    mistakes=[
        Mistake(0.88, "0.88 is the pixel accuracy, (80 + 6 + 2) / 100, the number that flatters the network. "
                      "Mean IoU scores each class on its own and averages the three scores."),
        Mistake(_mean_iou_from(_DIAGONAL, tuple(r + c for r, c in zip(_ROWS, _COLUMNS))),
                "Your union counts the right pixels N_cc twice: it is row sum + column sum - N_cc."),
        Mistake(_mean_iou_from(_DIAGONAL, _ROWS),
                "You divided N_cc by the row sum, the pixels truly of class c (that is the recall). The union also "
                "holds the pixels wrongly predicted as c: row sum + column sum - N_cc."),
        Mistake(_mean_iou_from(_DIAGONAL, _COLUMNS),
                "You divided N_cc by the column sum, the pixels predicted as c (that is the precision). The union "
                "also holds the pixels of c that were missed: row sum + column sum - N_cc."),
        Mistake(_mean_iou_from(_DIAGONAL, _UNIONS, classes=(1, 2)),
                "You averaged over the two shapes only. Background is a class too, and the mean runs over all "
                "three."),
    ],
    hints=["For each class c: IoU_c = N_cc / (pixels truly c + pixels predicted c - N_cc), that is row sum + "
           "column sum - diagonal.",
           "The row sums are 85, 10 and 5; the column sums 87, 8 and 5; the diagonal 80, 6 and 2.",
           "IoU_background = 80 / 92, IoU_disk = 6 / 12, IoU_triangle = 2 / 8: average the three."],
    solution="0.540: IoU_background = 80 / (85 + 87 - 80) = 0.870, IoU_disk = 6 / (10 + 8 - 6) = 0.5, "
             "IoU_triangle = 2 / (5 + 5 - 2) = 0.25, and (0.870 + 0.5 + 0.25) / 3 = 0.540, while the pixel "
             "accuracy is 0.88.",
)
