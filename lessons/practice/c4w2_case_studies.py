"""Practice exercises of the C4W2 lesson (notebooks/c4_convolutional_networks/c4w2_case_studies.ipynb):
the last step of a residual block, the multiplications of a 1 x 1 bottleneck, the parameters of a
depthwise-separable convolution, and which augmentations keep a digit's label."""
import numpy as np

from lessons.practice import Exercise, Mistake


def _residual_output(a_prev, z):
    return np.maximum(z + a_prev, 0)


_A = np.array([0.0, 1.0, 2.0, 0.5])
_Z = np.array([-1.0, -3.0, 0.5, 0.25])
residual_output = Exercise(
    title="The last step of a residual block",
    answer=_residual_output,
    cases=[(_A, _Z), (np.abs(np.arange(-3.0, 3.0)).reshape(2, 3), np.array([[2.0, -1.0, -4.0], [0.5, -0.5, 3.0]])),
           (_A, np.zeros(4)), (np.zeros((2, 2)), np.array([[-1.0, 1.0], [2.0, -2.0]]))],
    mistakes=[
        Mistake(lambda a_prev, z: np.maximum(z, 0) + a_prev,
                "You apply the ReLU first and add a_prev after it. The shortcut joins before the last "
                "activation: g(z + a_prev), so a large negative z can still switch a unit off."),
        Mistake(lambda a_prev, z: z + a_prev,
                "You add the shortcut but forget the activation g, the ReLU, around the sum."),
        Mistake(lambda a_prev, z: np.maximum(z, 0),
                "That is a plain block's output, g(z): the shortcut adds a_prev to z before the ReLU."),
    ],
    hints=["a[l+2] = g(z[l+2] + a[l]), with g the ReLU.",
           "Add the two arrays first, then keep the positive part of the sum.",
           "return np.maximum(z + a_prev, 0)"],
    solution=("def residual_output(a_prev, z):\n"
              "    return np.maximum(z + a_prev, 0)"),
)

bottleneck_multiplications = Exercise(
    title="The multiplications of a bottleneck",
    answer=5_218_304,
    mistakes=[
        Mistake(28_901_376, "That is the direct 3 x 3 convolution on all 256 channels. The question asks for the "
                            "bottleneck version: a 1 x 1 convolution to 32 channels, then the 3 x 3 one on those."),
        Mistake(3_612_672, "That is only the 3 x 3 convolution. The 1 x 1 convolution that squeezes 256 channels "
                           "to 32 costs multiplications too: add them."),
        Mistake(1_605_632, "That is only the 1 x 1 convolution. Add the 3 x 3 convolution that runs on its "
                           "32 channels."),
        Mistake(2_007_040, "Each value of the 3 x 3 convolution is a sum of 3 * 3 * 32 products, not 32: "
                           "multiply its count by f^2 = 9."),
    ],
    hints=["A convolution does (output values) x (products per value) multiplications, where "
           "products per value = f * f * input channels.",
           "The 1 x 1 layer: 14 * 14 * 32 values of 256 products each. The 3 x 3 layer: 14 * 14 * 64 values of "
           "3 * 3 * 32 products each.",
           "14 * 14 * 32 * 256 + 14 * 14 * 64 * 9 * 32."],
    solution="5218304: 14*14*32*256 = 1,605,632 for the 1 x 1 layer plus 14*14*64*(3*3*32) = 3,612,672 for "
             "the 3 x 3 one (against 14*14*64*(3*3*256) = 28,901,376 directly).",
)

separable_parameters = Exercise(
    title="The parameters of a depthwise-separable convolution",
    answer=2336,
    mistakes=[
        Mistake(18432, "That is a normal Conv2D(64, 3) on 32 channels, 3 * 3 * 32 * 64. A separable "
                       "convolution splits it into a depthwise and a pointwise step."),
        Mistake(2048, "That is only the pointwise 1 x 1 step. Add the depthwise step: one 3 x 3 filter for each "
                      "of the 32 input channels."),
        Mistake(288, "That is only the depthwise step. Add the pointwise 1 x 1 convolution that mixes the 32 "
                     "channels into 64."),
        Mistake(2624, "The depthwise step has one 3 x 3 filter per input channel (32 of them), not per output "
                      "channel."),
    ],
    hints=["Two steps: a depthwise 3 x 3 filter for each input channel, then a 1 x 1 convolution from 32 to "
           "64 channels.",
           "3 * 3 * 32 for the depthwise step plus 32 * 64 for the pointwise one."],
    solution="2336: depthwise 3 * 3 * 32 = 288 plus pointwise 32 * 64 = 2048 (against 18,432 for a Conv2D).",
)

digit_augmentations = Exercise(
    title="Augmentations that keep a digit's label",
    answer=frozenset("bce"),
    mistakes=[
        Mistake("a", "A mirrored 2, 3, 4 or 7 is no longer that digit (and no one writes mirrored digits)."),
        Mistake("d", "Turns of up to half a turn make a 6 into a 9 and back: the label no longer holds."),
    ],
    hints=["Ask of each one: would a person still read the changed picture as the same digit?",
           "Small changes of angle, size and contrast happen in real handwriting; mirror images and "
           "upside-down digits do not."],
    solution="b, c and e: a small turn, a small zoom and a change of contrast keep the digit; a mirror (a) "
             "and turns up to 180 degrees (d) change what it reads as.",
)
