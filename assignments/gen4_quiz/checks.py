"""gen4 quiz: each question's hint (where to read again) and why each wrong choice is wrong.
The right answers are the source notebook's, recorded in expected/; none reaches the kernel."""
from grader.checks import question

LESSON = "the lesson gen4_gans"
GAN = "the assignment gen4_gan"

CHECKS = [
    question("q1", f"section 1.1 of {LESSON}, on the value function and the discriminator's loss, and exercise 3 of {GAN}.", {
        0.6931: "That is one of the two terms, -ln(1/2) = ln 2; the loss adds the real images' term and the fakes' "
                "term: 2 ln 2 = ln 4.",
        2.0: "That counts in bits (log base 2); cross-entropy uses the natural logarithm: 2 ln 2 = 1.3863.",
        0.0: "A discriminator that outputs 1/2 everywhere is as unsure as it can be, not perfect: each term is "
             "-ln(1/2) = ln 2, and the loss is ln 4.",
    }, tolerance=1e-3),
    question("q2", f"section 1.2 of {LESSON}, on the non-saturating loss, and exercise 4 of {GAN}.", {
        "a": "-log D and log(1 - D) are different functions of D, not negatives of each other; both push D(G(z)) "
             "up, but their gradients differ where D(G(z)) is near 0.",
        "c": "The choice of generator loss is about the size of its gradient early in training; mode collapse "
             "happens with either (section 5.1).",
        "d": "The discriminator's loss is the same in both cases; the change is in the generator's loss and its "
             "gradient.",
    }),
    question("q3", f"section 1.2 of {LESSON}, on the gradients through the logit.", {
        50.0: "That is 1 / 0.02: the non-saturating gradient is 1 - D = 0.98, not 1, so the ratio is 0.98 / 0.02 = 49.",
        0.0204: "That is the ratio the other way round: |d(-log D)/da| = 1 - D = 0.98 is the larger, and "
                "|d log(1 - D)/da| = D = 0.02 the smaller.",
        1.0: "The two gradients are equal only at D = 1/2; at D = 0.02 they are 0.98 and 0.02.",
    }, tolerance=1e-3),
    question("q4", f"section 3.1 of {LESSON}, on transposed convolutions, and exercise 1 of {GAN}.", {
        (28, 28, 1): "That treats the first layer as padding 'same' (7 x 2 = 14): with 'valid' it gives "
                     "(7 - 1) x 2 + 3 = 15, then 'same' with stride 2 gives 30.",
        (30, 30, 64): "The channels are the last layer's filters, 1.",
        (15, 15, 1): "That stops after the first layer: the second, stride 2 and 'same', doubles 15 to 30.",
        (29, 29, 1): "With 'same' padding a transposed convolution of stride s gives n x s exactly: 15 x 2 = 30.",
    }),
    question("q5", f"section 4.2 of {LESSON}, on the Fréchet distance, and exercise 5 of {GAN}.", {
        5.0: "That is the means' term alone, 1 + 4; add the covariance term, sum (sigma1 - sigma2)^2 = "
             "(2 - 1)^2 + (3 - 1)^2 = 5.",
        -6.0: "That leaves out the square root: the cross term is 2 tr((S1 S2)^1/2) = 2 (2 + 3) = 10, not "
              "2 tr(S1 S2) = 26.",
        78.0: "That subtracts the variances (4 - 1 and 9 - 1) and squares them: the diagonal form uses the standard "
              "deviations, (2 - 1)^2 + (3 - 1)^2.",
        7.2361: "The means' term is the squared distance, 1 + 4 = 5, not the distance sqrt(5).",
    }, tolerance=1e-3),
    question("q6", f"section 5.1 of {LESSON}, on mode collapse, and its stored outputs.", {
        "a": "0.998 is the held-out real digits' entropy: the ten classes almost equally frequent.",
        "b": "0.985 is the trained GAN's samples, before the generator chased the frozen discriminator.",
        "c": "The stored run collapsed completely: every sample was the same digit (a 2), entropy 0.000, and its "
             "small FID rose from 2.9 to 234.",
    }),
    question("q7", f"section 5.1 of {LESSON}, on mode collapse, and section 4 on FID.", {
        "c": "A discriminator loss falling to 0 is the discriminator winning (section 5.2), a different failure; "
             "mode collapse is about how few kinds of output the generator makes.",
        "e": "FID has a covariance term, tr(S1 + S2 - 2 (S1 S2)^1/2): samples bunched on few modes have the wrong "
             "spread, and the FID of the collapsed generator rose to 234.",
    }, several=True),
    question("q8", f"section 7 of {LESSON}, on the frozen discriminator inside a combined model.", {
        "a": "That is tf.keras 2, which took a snapshot of trainable at compile. Keras 3 reads it when the "
             "training function is first built: the lesson's run shows the discriminator's own step moving nothing.",
        "c": "D.trainable = False does keep D fixed inside combined; the surprise is that D's own steps, run while "
             "it is frozen, never train it either.",
        "d": "Nothing warns or fails: the lesson's cell ran both steps; only the weights showed that the "
             "discriminator had not moved.",
    }),
    question("q9", f"sections 6.1 and 6.2 of {LESSON}, on spectral normalisation and the gradient penalty.", {
        "b": "A WGAN critic returns an unbounded score: the Wasserstein estimate is a difference of mean scores, "
             "which a sigmoid would squash.",
        "d": "The penalty is computed per image; batch normalisation makes each image's score depend on the "
             "batch, so WGAN-GP leaves it out of the critic (layer normalisation or none).",
    }, several=True),
    question("q10", f"section 8 of {LESSON}, on AdaIN.", {
        23.0: "That skips the division by the standard deviation: (10 - 2) / 4 = 2 first, then 3 x 2 - 1.",
        2.0: "That is the normalised value; AdaIN then applies the style: 3 x 2 - 1 = 5.",
        6.5: "That forgets to subtract the mean, 3 x 10 / 4 - 1: normalise first, (10 - 2) / 4 = 2, then "
             "3 x 2 - 1 = 5.",
        95.0: "That multiplies by the standard deviation instead of dividing: (10 - 2) / 4 = 2, then 3 x 2 - 1.",
    }, tolerance=1e-3),
]
