"""gen3 quiz: each question's hint (where to read again) and why each wrong choice is wrong.
The right answers are the source notebook's, recorded in expected/; none reaches the kernel."""
from grader.checks import question

LESSON = "the lesson gen3_autoencoders_and_vaes"

CHECKS = [
    question("q1", f"section 1.1 of {LESSON}, on the encoder, the bottleneck and the decoder.", {
        "a": "An autoencoder needs no labels: its target is its own input, and the loss compares the "
             "reconstruction with that input.",
        "c": "A sigmoid outputs any value strictly between 0 and 1, close enough to every pixel value; what "
             "stops copying is the 8-number code every picture must pass through.",
        "d": "With 8 numbers for 64 pixels the identity is out of reach: the lesson's autoencoder kept a test "
             "error well above zero, and its reconstructions were slightly blurred.",
    }),
    question("q2", f"section 2 of {LESSON}, on the linear autoencoder and PCA.", {
        "b": "Only the subspace is determined: any invertible mix W_d A, A^-1 W_e reconstructs as well, and the "
             "lesson's decoder columns were another, non-ordered basis of the principal subspace.",
        "d": "Equal subspaces have principal angles of 0; the lesson measured angles below a degree.",
        "e": "Nothing in the squared error asks for an orthonormal basis; the lesson printed False for "
             "'decoder columns orthonormal'.",
    }, several=True),
    question("q3", f"section 3 of {LESSON}, on output sizes, and course 4 week 1's formula "
                   "floor((n + 2p - f) / s) + 1.", {
        13: "13 is what padding='same' gives (25 / 2 rounded up); 'valid' adds no padding: "
            "floor((25 - 3) / 2) + 1 = 12.",
        24.5: "That is the misprinted formula (n + 2p - f/s) + 1 that some course notes give; the right one "
              "divides the whole n + 2p - f by s and rounds down: floor((25 - 3) / 2) + 1 = 12.",
        11: "You left out the + 1: the first window starts at position 0, so floor((25 - 3) / 2) + 1 = 12 "
            "windows fit.",
        23: "That is a stride of 1; with stride 2 the windows are 2 pixels apart: floor((25 - 3) / 2) + 1 = 12.",
    }),
    question("q4", f"section 3 of {LESSON}, on odd sizes: the 25 x 25 faces.", {
        (25, 25, 1): "The halvings round up, 25 -> 13 -> 7, and the doublings are exact, 7 -> 14 -> 28: the "
                     "output is 28 x 28 unless it is cropped.",
        (24, 24, 1): "padding='same' with stride 2 rounds up, not down: 25 -> 13 -> 7, then 14 -> 28.",
        (26, 26, 1): "Each of the two downsamplings rounds up, 25 -> 13 -> 7, and two doublings give 7 -> 14 -> 28.",
        (28, 28, 8): "The height and width are right, but the last layer has a single filter, so one channel.",
    }),
    question("q5", f"section 4.4 of {LESSON}, on the KL term, derived and checked.", {
        1.9247: "You left out the factor 1/2: KL = -1/2 sum(1 + log_var - mu^2 - exp(log_var)).",
        -0.9624: "Your sign is flipped: a KL divergence is never negative.",
        0.3208: "You averaged over the three dimensions; the KL of independent dimensions is their sum.",
        0.7888: "You used the standard deviation exp(0.5 log_var) where the formula has the variance exp(log_var).",
        -0.875: "You used log_var where the formula has the variance exp(log_var) (and a KL is never negative).",
    }, tolerance=1e-3),
    question("q6", f"section 4.3 of {LESSON}, on sampling and the reparameterisation trick.", {
        "a": "e^(log var) is the variance sigma^2; the noise must be scaled by the standard deviation "
             "sigma = e^(0.5 log var).",
        "c": "log var is the logarithm of the variance, and can be negative; the standard deviation is "
             "e^(0.5 log var).",
        "d": "That multiplies the mean by the noise: z must be the mean plus sigma times the noise, so that "
             "it has mean mu and standard deviation sigma.",
    }),
    question("q7", f"section 4.3 of {LESSON}, on why the trick matters (the GradientTape cell).", {
        "b": "z = mu + sigma * eps gives dz/dmu = 1 (eps is dz/dsigma), and a number drawn by NumPy is "
             "outside the tape's graph: its gradient is None.",
        "c": "With the trick the randomness sits in eps, an input; z is an ordinary function of mu and the tape "
             "gives dz/dmu = 1.",
        "d": "A number returned by NumPy's random generator is just a number to the tape: it gave None. "
             "(keras.random.normal(mean=mu) does pass a gradient, because inside it computes mean + stddev * eps.)",
    }),
    question("q8", f"section 4.5 of {LESSON}, on the ELBO and why the pixels are summed.", {
        "a": "The two losses weigh the KL term differently against the reconstruction, so their minima differ: "
             "averaging divides the reconstruction term by 64.",
        "c": "The KL term is unchanged; it is the reconstruction term that becomes 64 times smaller, so the KL "
             "term weighs relatively more, not less.",
        "d": "Both terms are never negative (a cross-entropy and a KL divergence); training does not diverge, it "
             "settles on codes that carry too little information.",
    }),
    question("q9", f"section 4.6 of {LESSON}, on the beta trade-off (the loss curves and the checks after them).", {
        "a": "About 3.2 nats was the KL of the beta = 1 VAE; with beta = 4 the KL term was driven to about zero, "
             "and its samples were all the same smudge.",
        "c": "About 27 was the beta = 4 VAE's reconstruction term; a larger beta penalises the KL more, so the "
             "training drives the KL term down, here to about zero.",
        "d": "About 19.5 was the reconstruction term of the beta = 1 VAE; the beta = 4 VAE's KL was about zero, "
             "and all its samples looked alike.",
    }),
    question("q10", f"section 5.4 of {LESSON}, on judging samples (the stored table).", {
        "b": "The classifier was confident on more of the box decodes than of the VAE's samples (0.79 against "
             "0.69): one reason the lesson calls its confidence a poor judge.",
        "d": "Real test digits were nearer to the training digits (0.129) than the VAE's samples (0.152), as one "
             "would expect: the samples are close, not closer.",
    }, several=True),
]
