"""C2W3 quiz: each question's hint (where to read again) and why each wrong choice is wrong.
The right answers are the source notebook's, recorded in expected/; none reaches the kernel."""
from grader.checks import question

LESSON = "the lesson c2w3_tuning_batchnorm_tensorflow"

CHECKS = [
    question("q1", f"section 2 of {LESSON}, on which hyperparameters matter most.", {
        "a": "Adam's beta_2 is rarely tuned: its default 0.999 works almost everywhere.",
        "b": "The number of layers matters, but less than the learning rate: it comes third in the course's ranking.",
        "d": "Adam's epsilon only guards against division by zero; its default is hardly ever changed.",
    }),
    question("q2", f"section 3 of {LESSON}, on random search rather than a grid.", {
        "a": "Both spend the same 25 runs; the difference is how many distinct values each hyperparameter gets.",
        "c": "Random search guarantees nothing: it makes a good value more likely to be among the trials.",
        "d": "Every search compares its trials on held-out data: without a validation set there is no score to compare.",
    }),
    question("q3", f"section 4 of {LESSON}, on sampling on the right scale.", {
        "a": "Drawn uniformly, about 90 % of the values land in [0.1, 1] (the lesson measured 0.898) and almost "
             "none in the lowest decades: sample the exponent instead.",
        "c": "That is a fixed list, not random, and on a linear scale: four of its five values lie in the top decade.",
        "d": "The exponent r must range over [-4, 0]; 10 to a power between 0.0001 and 1 lies between 1 and 10.",
    }),
    question("q4", f"section 4 of {LESSON}, on sampling the momentum through 1 - beta.", {
        0.0909: "That is the share for beta drawn uniformly in [0.9, 0.999]; here r is uniform, and beta in [0.99, "
                "0.999] means r in [-3, -2]: half of [-3, -1].",
        0.1: "beta in [0.99, 0.999] means 1 - beta in [0.001, 0.01], so r in [-3, -2]: half of the range [-3, -1].",
        0.9: "beta in [0.99, 0.999] means r in [-3, -2], half of [-3, -1]; the other half gives beta in [0.9, 0.99].",
    }, tolerance=0.01),
    question("q5", f"section 6.1 of {LESSON}, on the batch-normalisation formulas.", {
        "a": "BN divides by the standard deviation, not by the variance (a slip in one of the course's sources), "
             "and adds epsilon against division by zero.",
        "c": "BN divides by the square root of sigma^2 + epsilon, the standard deviation; dividing by the variance "
             "would not give unit variance.",
        "d": "Without subtracting the mean, the result would not have mean 0.",
    }),
    question("q6", f"section 6.1 of {LESSON}, on what gamma and beta can represent.", {
        "a": "With gamma = 1 and beta = 0 the output is z_norm itself, still normalised; to get z back, gamma must "
             "undo the division and beta the subtraction.",
        "c": "z_norm was divided by sqrt(sigma^2 + epsilon), so gamma must be that standard deviation, not the variance.",
        "d": "gamma scales and beta shifts: gamma must be the standard deviation and beta the mean, not the reverse.",
    }),
    question("q7", f"section 6.3 of {LESSON}, on the layer's four weight vectors.", {
        64: "Those are only the trainable gamma and beta; Keras also counts the moving mean and moving variance: 4 per unit.",
        32: "BN holds four vectors of one value per unit: gamma, beta, moving mean and moving variance.",
        256: "That is the lesson's BN layer on 64 units; with 32 units it is 4 · 32.",
    }),
    question("q8", f"sections 6.4 and 6.5 of {LESSON}, on training=True, training=False and the momentum pitfall.", {
        "b": "The network fitted the training set (fit accuracy 1.000, with batch statistics); only the moving "
             "statistics used by evaluate were wrong.",
        "c": "With momentum 0.99 and 176 steps, 17 % of the moving variance was still its initial value 1: "
             "validation accuracy fell to 0.096, near chance; only momentum 0.9 reached 0.982.",
        "d": "BN is not a regulariser to rely on; here its stale moving statistics made evaluate fail, at about 0.10.",
    }),
    question("q9", f"section 7.1 of {LESSON}, on the softmax function.", {
        0.6052: "The sum of e^z is 7.3891 + 2.7183 + 1.1052 = 11.2125, not 12.21 (a slip in one of the course's sources).",
        0.6452: "Softmax divides the exponentials e^z_j by their sum, not the logits by theirs.",
        0.3333: "Softmax gives the largest logit the largest probability; the classes are not equally likely.",
    }, tolerance=1e-3),
    question("q10", f"sections 7.3 to 7.5 and 8 of {LESSON}, on softmax, its gradient, the last layer and TensorFlow.", {
        "c": "Each softmax output depends on every logit: its derivative is a Jacobian whose diagonal only is "
             "y_hat(1 - y_hat). Chained with the cross-entropy it gives dZ = Y_hat - Y.",
        "e": "Softmax makes labels compete: one can rise only if others fall. Independent labels need one sigmoid each.",
        "f": "GradientTape records the forward computation and derives the gradients itself: you write only the cost.",
    }, several=True),
]
