"""Practice exercises of the gen4 lesson (notebooks/gen_generative/gen4_gans.ipynb): the discriminator's
loss by hand, the generator's non-saturating loss, a transposed-convolution stack's output shape, and
the Fréchet distance of two 1-D Gaussians."""
import numpy as np

from lessons.practice import Exercise, Mistake

discriminator_loss = Exercise(
    title="The discriminator's loss by hand",
    answer=float(-np.log(0.8) - np.log(1 - 0.3)),  # 0.5798
    tolerance=1e-3,
    mistakes=[
        Mistake(float(-np.log(0.2) - np.log(0.3)),
                "You swapped the labels: a real image has label 1, so its loss is -ln D(x) = -ln 0.8, and a fake "
                "has label 0, so its loss is -ln(1 - D(G(z))) = -ln 0.7."),
        Mistake(float(-np.log(0.8) - np.log(0.3)),
                "You scored the fake as if it were real: its label is 0, so its loss is -ln(1 - 0.3), not -ln 0.3."),
        Mistake(float(-np.log10(0.8) - np.log10(0.7)),
                "You used base-10 logarithms: cross-entropy uses the natural logarithm, ln."),
        Mistake(float((-np.log(0.8) - np.log(0.7)) / 2),
                "That is the mean of the two terms: the question asks for their sum."),
    ],
    hints=["The discriminator is a binary classifier: real images have label 1, generated ones label 0.",
           "Binary cross-entropy of a prediction p with label y is -[y ln p + (1 - y) ln(1 - p)].",
           "Add -ln 0.8 (the real image, label 1) and -ln(1 - 0.3) (the fake, label 0)."],
    solution="-ln 0.8 - ln(1 - 0.3) = 0.2231 + 0.3567 = 0.5798.",
)

generator_loss = Exercise(
    title="The generator's non-saturating loss",
    answer="b",
    mistakes=[
        Mistake("a", "log(1 - D(G(z))) is the minimax game's own generator loss, the saturating one: when the "
                     "discriminator rejects the fakes (D near 0) its gradient vanishes, exactly when the generator "
                     "most needs to learn."),
        Mistake("c", "Minimising -log(1 - D(G(z))) pushes D(G(z)) towards 0: the generator would be helping the "
                     "discriminator to reject its own images."),
        Mistake("d", "Minimising log D(G(z)) drives D(G(z)) towards 0, the wrong way: the sign is flipped."),
    ],
    hints=["The generator wants the discriminator to call its images real: D(G(z)) close to 1.",
           "The non-saturating form trains the generator as a classifier whose fake images carry the label 1.",
           "Binary cross-entropy with label 1 is -log of the predicted probability."],
    solution="b: minimise -log D(G(z)), the cross-entropy of the fakes with the label 'real'. Like the minimax "
             "loss it pushes D(G(z)) towards 1, but its gradient stays large when D(G(z)) is near 0.",
)

transposed_shape = Exercise(
    title="The output shape of a transposed-convolution stack",
    answer=(16, 16, 1),
    mistakes=[
        Mistake((17, 17, 1), "You forgot the last layer: a 2x2 convolution with 'valid' padding shrinks 17 to "
                             "17 - 2 + 1 = 16."),
        Mistake((15, 15, 1), "You gave the second transposed convolution 'same' padding (8 x 2 = 16): with 'valid' "
                             "padding it gives (8 - 1) x 2 + 3 = 17, and the last convolution then gives 16."),
        Mistake((16, 16, 16), "The number of channels is the last layer's number of filters, 1, not the previous "
                              "layer's 16."),
        Mistake((16, 16, 64), "The number of channels is the last layer's number of filters, 1."),
    ],
    hints=["With padding 'same' a transposed convolution of stride s multiplies the height and width by s.",
           "With padding 'valid' it gives (n - 1) x s + k; a plain convolution with 'valid' gives n - k + 1.",
           "4 -> 8 (same, stride 2) -> (8 - 1) x 2 + 3 = 17 (valid) -> 17 - 2 + 1 = 16; channels: the last filters."],
    solution="(16, 16, 1): 4x4x64 -> 8x8x32 -> 17x17x16 -> 16x16x1.",
)

frechet_1d = Exercise(
    title="The Fréchet distance of two 1-D Gaussians",
    answer=5.0,
    tolerance=1e-3,
    mistakes=[
        Mistake(4.0, "You kept only the squared distance of the means: add the covariance term "
                     "sigma1^2 + sigma2^2 - 2 sigma1 sigma2."),
        Mistake(1.0, "You left out the square root: the cross term is 2 sqrt(sigma1^2 sigma2^2) = 2 x 2 = 4, "
                     "not 2 x 4."),
        Mistake(3.0, "You used |mu1 - mu2| = 2 instead of its square, 4."),
        Mistake(float(4 + 2 + 1 - 2 * np.sqrt(2)), "You used the standard deviation 2 where the formula wants "
                                                   "the variance 4 (and then its square root)."),
    ],
    hints=["In one dimension the trace of a 1x1 matrix is its only entry, and sqrt(S1 S2) is sigma1 sigma2.",
           "d^2 = (mu1 - mu2)^2 + sigma1^2 + sigma2^2 - 2 sigma1 sigma2 = (mu1 - mu2)^2 + (sigma1 - sigma2)^2.",
           "(1 - 3)^2 + 4 + 1 - 2 sqrt(4 x 1) = 4 + 5 - 4."],
    solution="5.0: (1 - 3)^2 + (4 + 1 - 2 sqrt(4 x 1)) = 4 + 1; in 1-D it is (mu1 - mu2)^2 + (sigma1 - sigma2)^2 "
             "= 4 + (2 - 1)^2.",
)
