"""Practice exercises of the C3W1 lesson on metrics and strategy
(notebooks/c3_structuring_ml_projects/c3w1_metrics_and_strategy.ipynb): F1 from a confusion matrix's
counts, one optimising and two satisficing metrics, precision as a function of the prevalence, and
avoidable bias and variance with the right human-level proxy."""
from lessons.practice import Exercise, Mistake

f1_from_counts = Exercise(
    title="F1 from the counts",
    answer=2 * 20 / (2 * 20 + 5 + 15),
    tolerance=1e-3,
    mistakes=[
        Mistake(480 / 500, "0.96 is the accuracy, (TP + TN) / m. It is high because 460 of the 500 examples are "
                           "easy negatives; F1 leaves the true negatives out."),
        Mistake(2 * 20 / (2 * 20 + 5 + 15 + 460), "You put the true negatives in the denominator. F1 ignores them: "
                                                  "2 TP / (2 TP + FP + FN)."),
        Mistake((0.8 + 20 / 35) / 2, "That is the arithmetic mean of precision and recall. F1 is their harmonic "
                                     "mean, 2PR / (P + R), which stays closer to the smaller of the two."),
        Mistake((0.8 * 20 / 35) ** 0.5, "That is the geometric mean, sqrt(PR). F1 is the harmonic mean, "
                                        "2PR / (P + R)."),
        Mistake(0.8, "0.8 is the precision, TP / (TP + FP), alone. Combine it with the recall."),
        Mistake(20 / 35, "0.571 is the recall, TP / (TP + FN), alone. Combine it with the precision."),
        Mistake(2 * 20 / (2 * 20 + 5), "You left out the false negatives: F1 = 2 TP / (2 TP + FP + FN)."),
        Mistake(2 * 20 / (2 * 20 + 15), "You left out the false positives: F1 = 2 TP / (2 TP + FP + FN)."),
    ],
    hints=["Precision is TP / (TP + FP) and recall TP / (TP + FN); the true negatives appear in neither.",
           "P = 20 / 25 = 0.8 and R = 20 / 35 = 0.571. Their harmonic mean is 2PR / (P + R).",
           "In counts: 2 TP / (2 TP + FP + FN) = 40 / (40 + 5 + 15)."],
    solution="0.667: 2 TP / (2 TP + FP + FN) = 40 / 60, the harmonic mean of P = 0.8 and R = 0.571. "
             "The 460 true negatives play no part; the accuracy would be 0.96.",
)

two_constraints = Exercise(
    title="One optimising, two satisficing metrics",
    answer="c",
    mistakes=[
        Mistake("a", "Model a has the best F1, but it takes 140 ms: it fails the latency constraint, and a model "
                     "that fails a satisficing metric is out, whatever its F1."),
        Mistake("b", "Model b answers in time, but at 35 MB it does not fit the 20 MB budget: it is out."),
        Mistake("d", "Model d is the fastest and the smallest, but beyond the thresholds speed and size earn "
                     "nothing. Among the models that meet both, pick the best F1."),
        Mistake("e", "Model e takes 100 ms, and the constraint is below 100 ms: it fails, if only just."),
    ],
    hints=["First drop every model that misses either constraint; only then compare F1.",
           "Latency must be below 100 ms (a and e fail) and the size at most 20 MB (b fails).",
           "Two models are left, c and d: take the one with the higher F1."],
    solution="c: a (140 ms) and e (100 ms, not below 100) fail the latency, b (35 MB) the size; of c and d, "
             "which both satisfy, c has the higher F1 (0.89 against 0.86).",
)


def _precision(recall, fpr, prevalence):
    true_positives = recall * prevalence          # per example: positives found
    false_positives = fpr * (1 - prevalence)      # per example: negatives called positive
    return true_positives / (true_positives + false_positives)


precision_at_prevalence = Exercise(
    title="Precision at a prevalence",
    answer=_precision,
    cases=[(0.9, 0.05, 0.1), (0.9, 0.05, 0.5), (0.97, 0.01, 0.1), (0.6, 0.2, 0.02), (0.8, 0.0, 0.3),
           (0.5, 0.2, 1.0)],
    mistakes=[
        Mistake(lambda recall, fpr, prevalence: recall / (recall + fpr),
                "Your precision does not depend on the prevalence: it is what a balanced set (half positives) "
                "gives. Weigh the recall by the fraction of positives, pi, and the false-positive rate by the "
                "fraction of negatives, 1 - pi."),
        Mistake(lambda recall, fpr, prevalence: recall * prevalence / (recall * prevalence + fpr),
                "The false-positive rate is a fraction of the negatives: multiply it by their share, 1 - pi."),
        Mistake(lambda recall, fpr, prevalence:
                recall * (1 - prevalence) / (recall * (1 - prevalence) + fpr * prevalence),
                "pi and 1 - pi are swapped: the recall applies to the positives (a share pi of the examples), "
                "the false-positive rate to the negatives (1 - pi)."),
        Mistake(lambda recall, fpr, prevalence:
                fpr * (1 - prevalence) / (recall * prevalence + fpr * (1 - prevalence)),
                "That is the fraction of the predicted positives that are wrong, 1 - precision. Precision puts "
                "the true positives, R pi, over all the predicted positives."),
    ],
    hints=["Per example, a fraction pi is positive and the model finds R of those; a fraction 1 - pi is "
           "negative and the model wrongly flags FPR of those.",
           "True positives: R pi. False positives: FPR (1 - pi). Precision: TP / (TP + FP).",
           "return recall * prevalence / (recall * prevalence + fpr * (1 - prevalence))"],
    solution=("def precision_at(recall, fpr, prevalence):\n"
              "    true_positives = recall * prevalence\n"
              "    false_positives = fpr * (1 - prevalence)\n"
              "    return true_positives / (true_positives + false_positives)"),
)

bias_and_variance = Exercise(
    title="Avoidable bias and variance",
    answer=(2.8 - 1.2, 3.4 - 2.8),
    mistakes=[
        Mistake((2.8 - 6.0, 3.4 - 2.8), "You took the typical person's 6% as the proxy. The Bayes error is at "
                                        "most the best error people reach: the panel's 1.2%."),
        Mistake((2.8 - 2.0, 3.4 - 2.8), "One experienced reader's 2% is not the best that people do: the panel "
                                        "reaches 1.2%, so the Bayes error is at most 1.2%."),
        Mistake((2.8, 3.4 - 2.8), "With 0% as the proxy, all of the training error counts as avoidable. People "
                                  "reach 1.2%: that part is likely unavoidable."),
        Mistake((3.4 - 1.2, 3.4 - 2.8), "Avoidable bias is measured on the training set: training error minus "
                                        "the human-level proxy, not dev error minus it."),
        Mistake((3.4 - 2.8, 2.8 - 1.2), "The two are swapped: avoidable bias comes first, then variance."),
    ],
    hints=["Take as the proxy for the Bayes error the lowest error that people achieve.",
           "The proxy is the panel's 1.2%. Avoidable bias = training error - proxy; variance = dev error - "
           "training error.",
           "(2.8 - 1.2, 3.4 - 2.8)"],
    solution="(1.6, 0.6): against the panel's 1.2%, avoidable bias = 2.8 - 1.2 = 1.6 points and variance = "
             "3.4 - 2.8 = 0.6 points, so work on bias first (a bigger model, train longer). With the typical "
             "person's 6% as the proxy, the model would seem past human level and the bias would go unseen.",
)
