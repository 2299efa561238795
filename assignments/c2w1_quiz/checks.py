"""C2W1 quiz: each question's hint (where to read again) and why each wrong answer is wrong.
The right answers are the source notebook's, recorded in expected/; none reaches the kernel."""
from grader.checks import question

REG = "the lesson c2w1_regularization"
INIT = "the lesson c2w1_vanishing_gradients_and_init"

CHECKS = [
    question("q1", f"section 1 of {REG}, on train, dev and test sets.", {
        "a": "The training set may differ: extra data from another source is often worth adding to "
             "training. Dev and test must match, so that you tune for the target you are graded on.",
        "c": "The training set may come from another source. What must match is the dev set, which you "
             "aim at, and the test set, where you are graded.",
        "d": "If dev and test differ you tune for one target and are graded on another: they must come "
             "from the same distribution.",
    }),
    question("q2", f"section 2 of {REG}, on bias, variance and the basic recipe.", {
        "c": "Training error 15% against a Bayes error near 0% is high bias; the dev error is only 1 point "
             "higher, so variance is low. More data cures variance and does nothing for a model that "
             "cannot fit the data it has.",
        "d": "Regularisation lowers variance, often at the price of a little more bias; this model's "
             "problem is bias.",
    }, several=True),
    question("q3", f"section 4 of {REG}, on L2 regularisation: J + (lambda / 2m) * sum of squared Frobenius norms.", {
        0.9236: "The penalty uses the squared Frobenius norms, the sums of the squared weights: "
                "1 + 4 + 4 = 9, not sqrt(5) + 2.",
        2.3: "The cost adds lambda / (2m) = 0.1 times the sum of squares; lambda / m is what the "
             "gradient gets (lambda / m) W.",
        0.9: "That is the penalty alone: add it to the cross-entropy cost 0.5.",
        3.2: "The factor is lambda / (2m) = 0.6 / 6 = 0.1, divided by the number of examples too.",
    }, tolerance=1e-3),
    question("q4", f"section 5 of {REG}, on inverted dropout.", {
        0.48: "Inverted dropout divides the survivors by keep_prob in training: 0.6 / 0.8. Multiplying by "
              "keep_prob is the classic form's test-time scaling of the weights.",
        0.6: "Inverted dropout also scales the survivors up, by 1/keep_prob, so that the expected value "
             "of the layer's output stays the same.",
        0.0: "The mask kept this unit; only dropped units are set to 0.",
    }, tolerance=1e-3),
    question("q5", f"section 5 of {REG}, on dropout in Keras (measured: 1.25 in training, the identity at inference).", {
        "b": "That is the classic form, which scales at test time. Keras uses inverted dropout: the "
             "scaling happens in training, and inference is untouched.",
        "c": "Dropout is a training-time technique: predictions use every unit and are deterministic.",
        "d": "Keras divides by 0.8 in training, on the units it keeps; at inference it changes nothing.",
    }),
    question("q6", f"section 8 of {REG}, on normalising the inputs: divide by the standard deviation.", {
        1.0: "That divides by the variance, 4. Normalising divides by the standard deviation, "
             "sqrt(4) = 2: (14 - 10) / 2.",
        4.0: "Subtracting the mean is half the job: divide by the standard deviation, 2, too.",
        7.0: "Subtract the training mean first: (14 - 10) / 2.",
    }, tolerance=1e-3),
    question("q7", f"section 7 of {REG}, on comparing the cures and the test set.", {
        "b": "The unregularised network memorised its training set: dev accuracy 0.842, the lowest of "
             "all. Models are chosen on the dev set, not the training set.",
        "c": "The ensemble reached 0.880 on the dev set, not more than its best member: its members "
             "learned from the same 60 points and share many mistakes.",
        "d": "The chosen model was dropout (0.895), and the test accuracy came out below the dev accuracy, "
             "as expected for a model picked for its dev score.",
    }),
    question("q8", f"section 3 of {INIT}, on Glorot, He and LeCun.", {
        0.0625: "That is sqrt(1/256), LeCun's variance 1/n_in. He uses 2/n_in: sqrt(2/256).",
        0.0722: "That is Glorot's sqrt(2/(n_in + n_out)). He uses the fan-in only: sqrt(2/256).",
        0.0078: "That is the variance, 2/256. The question asks for its square root, the standard deviation.",
        0.01: "0.01 is the course's small-network factor; He scales to the layer: sqrt(2/n_in).",
    }, tolerance=1e-3),
    question("q9", f"section 6 of {INIT}, on gradient checking and its practical notes.", {
        "c": "The check costs two evaluations of the cost per parameter: run it once to debug, then "
             "switch it off for training.",
        "d": "With dropout each evaluation of J drops different units, so the check is meaningless. "
             "Check with keep_prob = 1, then switch dropout on.",
    }, several=True),
    question("q10", f"section 4 of {INIT}, on vanishing and exploding gradients, measured.", {
        "b": "That was the ReLU network with N(0, 1) weights. The sigmoid's slope is at most 1/4, so "
             "its gradients shrink at every step back.",
        "c": "That was ReLU with He initialisation. The sigmoid network's layer 1 gradient was "
             "about 1e-13, against 0.43 at layer 20.",
        "d": "The other way round: in the sigmoid network each step back multiplied the gradient by about "
             "0.22, so layer 1's was the smallest.",
    }),
]
