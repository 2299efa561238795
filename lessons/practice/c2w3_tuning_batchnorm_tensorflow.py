"""Practice exercises of the C2W3 lesson on tuning, batch normalisation and TensorFlow
(notebooks/c2_improving_deep_networks/c2w3_tuning_batchnorm_tensorflow.ipynb): sampling momentum on
the right scale, the parameters of a batch-normalised layer, a numerically stable softmax in Keras's
layout, and the last layer for several labels."""
import numpy as np

from lessons.practice import Exercise, Mistake

momentum_share = Exercise(
    title="Momentum sampled through 1 - beta",
    answer=0.5,
    tolerance=0.01,
    mistakes=[
        Mistake((0.999 - 0.99) / (0.999 - 0.9),
                "About 0.09 is what beta drawn uniformly from [0.9, 0.999] would give. Here 1 - beta is drawn "
                "log-uniformly: count decades of 1 - beta, not lengths of beta."),
    ],
    hints=["beta >= 0.99 means 1 - beta <= 0.01, that is 10^r <= 10^-2, that is r <= -2.",
           "r is uniform on [-3, -1]: what share of that interval lies at or below -2?",
           "[-3, -2] is one of the two units of [-3, -1]."],
    solution="0.5: beta >= 0.99 when r <= -2, and [-3, -2] is half of [-3, -1]: one decade of 1 - beta out of two.",
)

bn_parameters = Exercise(
    title="The parameters of a batch-normalised layer",
    answer=(32 * 128 + 4 * 128, 32 * 128 + 2 * 128),
    mistakes=[
        Mistake((32 * 128 + 128 + 4 * 128, 32 * 128 + 128 + 2 * 128),
                "use_bias=False: the Dense layer has no bias (BN's mean subtraction would remove it, and beta "
                "takes its place)."),
        Mistake((32 * 128 + 2 * 128, 32 * 128 + 2 * 128),
                "The moving mean and moving variance are weights of the layer too: they count in the total, "
                "as non-trainable parameters."),
        Mistake((32 * 128 + 4 * 128, 32 * 128 + 4 * 128),
                "The moving mean and variance are not trained by the optimiser: they are averages of the batch "
                "statistics, updated on the side. Only gamma and beta are trainable."),
        Mistake((32 * 128 + 4 * 128, 32 * 128),
                "gamma and beta are learned by the optimiser like the kernel: they are trainable."),
    ],
    hints=["The Dense kernel has shape (32, 128) and no bias. BatchNormalization holds four vectors of "
           "length 128.",
           "Of BN's four vectors, gamma and beta are trainable; moving_mean and moving_variance are not.",
           "Total: 32 x 128 + 4 x 128. Trainable: 32 x 128 + 2 x 128."],
    solution=("(4608, 4352): the kernel 32 x 128 = 4096 (no bias), BN's gamma, beta, moving_mean and "
              "moving_variance 4 x 128 = 512, of which gamma and beta (256) are trainable."),
)


def _softmax_rows(Z):
    T = np.exp(Z - Z.max(axis=1, keepdims=True))
    return T / T.sum(axis=1, keepdims=True)


def _naive(Z):
    with np.errstate(over="ignore", invalid="ignore"):
        T = np.exp(Z)
        return T / T.sum(axis=1, keepdims=True)


def _global_maximum(Z):
    with np.errstate(invalid="ignore"):
        T = np.exp(Z - Z.max())
        return T / T.sum(axis=1, keepdims=True)


def _by_columns(Z):
    T = np.exp(Z - Z.max(axis=0, keepdims=True))
    return T / T.sum(axis=0, keepdims=True)


softmax_rows = Exercise(
    title="A stable softmax, one example per row",
    answer=_softmax_rows,
    cases=[(np.array([[2.0, 1.0, 0.1]]),), (np.array([[5.0, 2.0, -1.0, 3.0], [0.0, 0.0, 0.0, 0.0]]),),
           (np.array([[1.0, -2.0, 0.5], [3.0, 3.0, -1.0], [-0.5, 0.0, 2.0]]),),
           (np.array([[1000.0, 999.0, 998.1], [0.5, -0.5, 0.0], [300.0, 301.0, 299.0]]),), (np.array([[7.0], [-3.0]]),)],
    mistakes=[
        Mistake(_naive, "Your softmax overflows: e^1000 is inf in float64, and inf / inf is nan. Subtract each "
                        "row's maximum from its logits first; the result does not change."),
        Mistake(_global_maximum, "You subtract the largest logit of the whole batch. A row far below it underflows "
                                 "to 0 / 0 = nan (the second row of case 4): subtract each row's own maximum, "
                                 "Z.max(axis=1, keepdims=True)."),
        Mistake(_by_columns, "You normalise over axis 0, the course's layout. Here each example is a row: take "
                             "the maximum and the sum over axis=1."),
        Mistake(lambda Z: 1 / (1 + np.exp(-Z)),
                "That is a sigmoid for each logit on its own. Softmax divides by the sum over the classes, so "
                "each row sums to 1."),
    ],
    hints=["Softmax of a row: exponentiate each logit and divide by the row's sum of exponentials.",
           "For stability subtract each row's maximum, Z.max(axis=1, keepdims=True), before np.exp; keepdims "
           "lets the result broadcast over the row.",
           "T = np.exp(Z - Z.max(axis=1, keepdims=True)); return T / T.sum(axis=1, keepdims=True)"],
    solution=("def softmax_rows(Z):\n"
              "    T = np.exp(Z - Z.max(axis=1, keepdims=True))\n"
              "    return T / T.sum(axis=1, keepdims=True)"),
)

multi_label = Exercise(
    title="The last layer for several labels",
    answer="b",
    mistakes=[
        Mistake("a", "Softmax makes the five tags compete: their probabilities sum to 1, so a photo of a dog on "
                     "a beach cannot be sure of both. Each tag needs its own yes or no."),
        Mistake("c", "One sigmoid unit answers one yes-or-no question. There are five tags, each with its own "
                     "answer."),
        Mistake("d", "Sparse categorical cross-entropy takes one integer class per example; these photos have "
                     "several tags at once, and softmax would make them compete."),
    ],
    hints=["Can a photo have several tags at once? Then the tags must not compete.",
           "One independent yes-or-no per tag: one sigmoid unit per tag, and the binary cross-entropy of each.",
           "Five sigmoid units with binary cross-entropy."],
    solution="b: Dense(5, activation=\"sigmoid\") with binary_crossentropy, one independent yes-or-no per tag.",
)
