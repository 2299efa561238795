"""Practice exercises of the C4W4 lesson (notebooks/c4_convolutional_networks/c4w4_faces_and_style.ipynb):
the triplet loss as a function, which negatives are semi-hard, the contrastive loss of a pair by hand in
the lesson's label convention, and the shape of a Gram matrix."""
import numpy as np

from lessons.practice import Exercise, Mistake


def _squared(u, v):
    return np.sum((u - v) ** 2, axis=-1)


def _triplet(f_anchor, f_positive, f_negative, alpha=0.2):
    return float(np.mean(np.maximum(_squared(f_anchor, f_positive) - _squared(f_anchor, f_negative) + alpha, 0)))


def _no_hinge(f_anchor, f_positive, f_negative, alpha=0.2):
    return float(np.mean(_squared(f_anchor, f_positive) - _squared(f_anchor, f_negative) + alpha))


def _hinge_after_mean(f_anchor, f_positive, f_negative, alpha=0.2):
    return float(max(np.mean(_squared(f_anchor, f_positive) - _squared(f_anchor, f_negative) + alpha), 0))


def _summed(f_anchor, f_positive, f_negative, alpha=0.2):
    return float(np.sum(np.maximum(_squared(f_anchor, f_positive) - _squared(f_anchor, f_negative) + alpha, 0)))


def _euclidean(f_anchor, f_positive, f_negative, alpha=0.2):
    d_ap, d_an = np.sqrt(_squared(f_anchor, f_positive)), np.sqrt(_squared(f_anchor, f_negative))
    return float(np.mean(np.maximum(d_ap - d_an + alpha, 0)))


def _swapped(f_anchor, f_positive, f_negative, alpha=0.2):
    return float(np.mean(np.maximum(_squared(f_anchor, f_negative) - _squared(f_anchor, f_positive) + alpha, 0)))


_rng = np.random.default_rng(4)
_A, _P, _N = (0.5 * _rng.normal(size=(6, 4)) for _ in range(3))
_MIXED_A = np.array([[0.0, 0.0], [1.0, 0.0]])
_MIXED_P = np.array([[0.1, 0.0], [1.0, 0.5]])
_MIXED_N = np.array([[2.0, 0.0], [1.0, 0.2]])       # the first triplet easy, the second hard
triplet_loss = Exercise(
    title="The triplet loss",
    answer=_triplet,
    cases=[(_A, _P, _N), (_A, _A, _A + 3.0), (_A, _P, _P), (_MIXED_A, _MIXED_P, _MIXED_N),
           (_A[:1], _P[:1], _N[:1], 0.5)],
    mistakes=[
        Mistake(_no_hinge, "Without max(..., 0) an easy triplet has a negative loss, which rewards pushing its "
                           "negative ever farther away. Take the max with 0 for each triplet."),
        Mistake(_hinge_after_mean, "You take the max with 0 after averaging, so easy triplets cancel hard ones. "
                                   "Take max(d_AP - d_AN + alpha, 0) for each triplet, then the mean."),
        Mistake(_summed, "You sum over the triplets, as the original course writes J. This lesson's J is the mean "
                         "over the m triplets of the batch."),
        Mistake(_euclidean, "You use the Euclidean distances. The triplet loss compares squared distances, "
                            "sum((a - p) ** 2) over the encoding's axis, without a square root."),
        Mistake(_swapped, "Your signs are swapped: the loss must grow when the positive is far from the anchor, "
                          "d_AP - d_AN + alpha."),
    ],
    hints=["Compute, for each triplet (each row), d_AP = sum((f_anchor - f_positive) ** 2) and d_AN likewise, "
           "summing over the last axis only.",
           "Each triplet's loss is max(d_AP - d_AN + alpha, 0); J is the mean of those losses.",
           "np.sum(..., axis=-1) for the two distances, np.maximum(d_ap - d_an + alpha, 0) for the losses, "
           "then np.mean."],
    solution=("def triplet_loss(f_anchor, f_positive, f_negative, alpha=0.2):\n"
              "    d_ap = np.sum((f_anchor - f_positive) ** 2, axis=-1)\n"
              "    d_an = np.sum((f_anchor - f_negative) ** 2, axis=-1)\n"
              "    return float(np.mean(np.maximum(d_ap - d_an + alpha, 0)))"),
)

semi_hard = Exercise(
    title="Which negatives are semi-hard?",
    answer=frozenset("cd"),
    mistakes=[
        Mistake("a", "d_AN = 0.30 is smaller than d_AP = 0.50: the negative is closer than the positive, a hard "
                     "triplet (its loss, 0.40, is more than alpha)."),
        Mistake("b", "d_AN = d_AP = 0.50: the table calls d_AN <= d_AP hard; the loss is exactly alpha. "
                     "Semi-hard needs the negative strictly farther than the positive."),
        Mistake("e", "d_AN = 0.70 = d_AP + alpha: the margin is met, the loss is 0, an easy triplet."),
        Mistake("f", "d_AN = 1.10 is beyond d_AP + alpha = 0.70: an easy triplet, with zero loss and zero "
                     "gradient."),
    ],
    hints=["Semi-hard means d_AP < d_AN < d_AP + alpha: farther than the positive, but inside the margin.",
           "Here the window is 0.50 < d_AN < 0.70, both ends excluded.",
           "Of the six distances 0.30, 0.50, 0.55, 0.65, 0.70, 1.10, two lie strictly between 0.50 and 0.70."],
    solution='"cd": 0.55 and 0.65 lie strictly between d_AP = 0.50 and d_AP + alpha = 0.70 (loss 0.15 and 0.05). '
             "a (0.30) and b (0.50) are hard, e (0.70) and f (1.10) easy.",
)

contrastive_cost = Exercise(
    title="The contrastive loss of a pair of strangers",
    answer=0.18,
    tolerance=1e-3,
    mistakes=[
        Mistake(0.08, "0.08 = D^2 / 2 is what a similar pair at that distance costs. In the lesson's convention "
                      "two different people are y = 1, 'dissimilar', and pay the hinge term."),
        Mistake(0.36, "You left out the 1/2 in front of the hinge term."),
        Mistake(0.3, "You left out the square of the hinge: (1/2) max(m - D, 0)^2."),
        Mistake(0.3528, "You put the squared distance D^2 = 0.16 in the hinge. The contrastive loss uses the "
                        "Euclidean distance D itself there: max(m - D, 0)."),
        Mistake(0.0, "The pair is closer than the margin, so the hinge is not 0: max(1 - 0.4, 0) = 0.6."),
    ],
    hints=["Two different people are a dissimilar pair: in the lesson's convention, y = 1.",
           "With y = 1 only the second term counts: (1/2) max(m - D, 0)^2.",
           "m - D = 1 - 0.4 = 0.6; square it and halve it."],
    solution="0.18: the pair is dissimilar, y = 1, so L = (1/2) max(1 - 0.4, 0)^2 = 0.5 x 0.36 = 0.18. In the "
             "other convention (y = 1 for similar) the same pair is y = 0 and the same hinge term applies.",
)

gram_shape = Exercise(
    title="The shape of a Gram matrix",
    answer=(128, 128),
    mistakes=[
        Mistake((4096, 4096), "That is A^T A, one entry per pair of positions. The Gram matrix is A A^T, one entry "
                              "per pair of channels, which is why it forgets where things are."),
        Mistake((128, 4096), "That is the unrolled activations A, channels by positions. The Gram matrix is A A^T, "
                             "which multiplies A by its transpose."),
        Mistake((64, 64), "64 x 64 is the size of the feature maps. The Gram matrix has one row and one column per "
                          "channel."),
        Mistake((4096, 128), "That is A^T, positions by channels. The Gram matrix is A A^T."),
    ],
    hints=["Unroll the activations to A of shape (n_C, n_H n_W), then multiply A by its transpose.",
           "A A^T has as many rows and columns as A has rows.",
           "One entry per pair of channels: (n_C, n_C)."],
    solution="(128, 128): A is (n_C, n_H n_W) = (128, 4096), and A A^T is (n_C, n_C). The 64 x 64 positions are "
             "summed over, which is why the Gram matrix keeps which channels fire together and forgets where.",
)
