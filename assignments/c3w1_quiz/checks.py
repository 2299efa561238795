"""C3W1 quiz: each question's hint (where to read again) and why each wrong choice is wrong.
The right answers are the source notebook's, recorded in expected/; none reaches the kernel."""
from grader.checks import question

LESSON = "the lesson c3w1_metrics_and_strategy"

CHECKS = [
    question("q1", f"section 1 of {LESSON}, on orthogonalisation.", {
        "a": "A bigger network is the knob for fitting the training set, which already goes well.",
        "c": "Regularisation is the knob for the gap between training and dev sets; here the dev set is fine.",
        "d": "Changing the cost function is for a model that does well on the test set but not in the real world.",
    }),
    question("q2", f"section 2 of {LESSON}, on F1 as a harmonic mean; exercise 1 of the assignment c3w1_strategy.", {
        0.65: "That is the arithmetic mean (P + R) / 2; F1 is the harmonic mean 2PR / (P + R).",
        0.6325: "That is the geometric mean sqrt(PR); F1 is the harmonic mean 2PR / (P + R).",
        0.4: "That is the product PR; F1 = 2PR / (P + R).",
    }, tolerance=1e-3),
    question("q3", f"section 2 of {LESSON}, on precision, recall and F1.", {
        "a": "F1 combines precision and recall (one of the course's sources says accuracy and recall, a slip): "
             "it ignores the true negatives that accuracy counts.",
        "c": "F1 combines precision and recall; accuracy is not part of it.",
        "d": "F1 = 2TP / (2TP + FP + FN) ignores the true negatives: it is built from precision and recall.",
    }),
    question("q4", f"section 3 of {LESSON}, on the always-negative baseline.", {
        0.0: "0 was its F1 score (it finds no nine); its accuracy is high, because 90 % of the digits are not nines.",
        0.1: "0.1 is the fraction of nines, which it gets all wrong; it is right on every other digit, about 90 %.",
        0.5: "Answering negative every time is right on every example that is not a nine: about 90 % of the dev set.",
    }, tolerance=0.005),
    question("q5", f"section 5 of {LESSON}, on optimising and satisficing metrics.", {
        "a": "A satisfies the latency constraint, but so does C, which is more accurate.",
        "b": "B is the most accurate, but its 150 ms break the constraint: a satisficing metric must be met.",
        "d": "D is fastest, but latency only has to be below 100 ms; among the models that are, accuracy decides.",
    }),
    question("q6", f"section 6 of {LESSON}, on train, dev and test sets.", {
        "a": "The dev and test sets must share a distribution (a slip in one of the course's sources names train "
             "and validation); week 2 shows that the training set may differ.",
        "c": "It is the dev set, the target you aim at, that must match the test set you are judged on.",
        "d": "Aiming at a dev set from one distribution and being judged on a test set from another wastes months.",
    }),
    question("q7", f"section 8 of {LESSON}, on avoidable bias and variance; exercise 4 of the assignment c3w1_strategy.", {
        (2.5, 3.5): "Avoidable bias is measured from human-level error: 2.5 - 2 = 0.5, not the training error itself.",
        (0.5, 4.0): "Variance is dev error minus training error (6 - 2.5), not minus human-level error.",
        (3.5, 0.5): "The two are swapped: avoidable bias = training - human (0.5), variance = dev - training (3.5).",
    }),
    question("q8", f"section 8 of {LESSON}, on human-level error as a proxy for the Bayes error.", {
        "a": "The Bayes error is at most the lowest error anyone achieves; a typical person's 4 % is far above it.",
        "b": "The panel already does better (0.6 %), so the Bayes error is at most 0.6 %.",
        "c": "A panel of experts does better still; the best human performance is the tightest bound on the Bayes error.",
    }),
    question("q9", f"section 8 of {LESSON}, on improving model performance.", {
        "c": "More data reduces variance; it does not help a model that cannot fit its training set.",
        "d": "Regularisation reduces variance and, if anything, raises the training error.",
    }, several=True),
    question("q10", f"section 7 of {LESSON}, on weighted errors; exercise 3 of the assignment c3w1_strategy.", {
        0.1: "That is the unweighted error 2 / 20; the wrong heavy image counts 10 times.",
        0.55: "The weighted sum 11 is divided by the sum of the weights (18 + 20 = 38), not by m = 20.",
        0.0526: "The wrong heavy image counts 10, not 1: (1 + 10) / 38.",
    }, tolerance=1e-3),
]
