"""C3W1 case study (a cyclist counter for Larkhaven): each question's hint (where to read again)
and why each wrong choice is wrong. The right answers are the source notebook's, recorded in
expected/; none reaches the kernel."""
from grader.checks import question

LESSON = "the lesson c3w1_metrics_and_strategy"

CHECKS = [
    question("q1", f"section 2 of {LESSON}, on a single-number evaluation metric.", {
        "a": "Only 13% of frames hold a cyclist: a model that never says \"cyclist\" is 87% accurate and "
             "counts nobody. Accuracy hides the rare class the counter exists for.",
        "b": "Precision alone rewards timidity: a model that flags only the few most obvious cyclists "
             "scores near 1 while missing most of them. The counts need recall too.",
        "c": "Recall alone rewards recklessness: calling every frame \"cyclist\" gives recall 1 and "
             "counts every van and pigeon. The counts need precision too.",
        "e": "The arithmetic mean lets one high number hide a very low one: calling every frame "
             "\"cyclist\" (P = 0.13, R = 1) scores 0.565, where F1 gives 0.23. The harmonic mean is "
             "only high when both are.",
    }),
    question("q2", f"section 2 of {LESSON}, on F1 as a harmonic mean; exercise 1 of the assignment c3w1_strategy.", {
        0.795: "That is the arithmetic mean (0.97 + 0.62) / 2; F1 is the harmonic mean 2PR / (P + R) = "
               "2 · 0.97 · 0.62 / 1.59.",
        0.7755: "That is the geometric mean sqrt(PR); F1 is the harmonic mean 2PR / (P + R), which sits "
                "closer to the smaller of the two.",
        0.6014: "That is the product PR; F1 = 2PR / (P + R).",
        0.8736: "That is model B's F1. Raising the threshold bought D precision (0.97) at a large cost in "
                "recall (0.62), and F1 = 2 · 0.97 · 0.62 / 1.59 drops below B's.",
    }, tolerance=1e-3),
    question("q3", f"section 5 of {LESSON}, on optimising and satisficing metrics; exercise 2 of the assignment c3w1_strategy.", {
        "a": "A fits the budget easily, but B fits it too (41 ms, 6 MB) and its F1 is higher: 0.874 against "
             "0.786. A satisficing metric only has to be met; beyond that, speed earns nothing.",
        "c": "C has the best F1 (0.924), but 230 ms and 98 MB break the board's budget: a satisficing "
             "constraint is not traded against F1, it rules the model out.",
        "d": "D is B with a higher threshold: more precise, but its recall of 0.62 brings its F1 down to "
             "0.757, below B's 0.874 on the same budget.",
        "e": "E's F1 (0.885) beats B's, but at 64 ms it breaks the 50 ms budget: among the models that "
             "meet every constraint, the optimising metric decides, and that is B.",
    }),
    question("q4", f"section 6 of {LESSON}, on train, dev and test sets.", {
        "b": "5,000 frames are enough to tell apart models whose errors differ by about half a point; the "
             "size is not the problem, where the frames come from is.",
        "c": "The training set may come from a different distribution than dev and test (week 2 shows "
             "how to handle that); it is the dev set, the target you aim at, that must match the test set.",
        "d": "That makes dev and test agree, but both would then miss the winters, nights and southern "
             "junctions the boxes will see. Dev and test must reflect the data you expect in the future "
             "and care about doing well on.",
    }),
    question("q5", f"section 8 of {LESSON}, on human-level error as a proxy for the Bayes error.", {
        "a": "The Bayes error is at most the lowest error anyone reaches; an untrained volunteer's 5.8% is "
             "far above what people can do.",
        "b": "The clerk is a fair benchmark for a job to replace, but for bias and variance you want the "
             "best estimate of the lowest possible error, and the panel reaches 0.8%.",
        "c": "Ines is good, but the panel does better still (0.8%), so the Bayes error is at most 0.8%: "
             "take the best human performance as the proxy.",
    }),
    question("q6", f"section 8 of {LESSON}, on avoidable bias and variance; exercise 4 of the assignment c3w1_strategy.", {
        "b": "Variance is dev minus training error, 9.1 - 7.9 = 1.2 points; avoidable bias is training minus "
             "human level, 7.9 - 0.8 = 7.1 points, six times larger.",
        "c": "They are far apart: 7.1 points of avoidable bias against 1.2 of variance.",
        "d": "A training error of 7.9% is almost ten times the panel's 0.8%: there is a lot of room left.",
    }),
    question("q7", f"section 8 of {LESSON}, on avoidable bias and variance; exercise 4 of the assignment c3w1_strategy.", {
        (1.2, 3.4): "Avoidable bias is measured from human level: 1.2 - 0.8 = 0.4, not the training error itself.",
        (0.4, 3.8): "Variance is dev error minus training error (4.6 - 1.2), not minus human-level error.",
        (3.4, 0.4): "The two are swapped: avoidable bias = training - human (0.4), variance = dev - training (3.4).",
        (-1.2, 3.4): "That takes the clerk's 2.4% as human level; the panel's 0.8% is the better proxy for "
                     "the Bayes error, and with it the avoidable bias is 0.4.",
        (-0.1, 3.4): "That takes Ines's 1.3% as human level; the panel's 0.8% is lower, so it is the better "
                     "proxy for the Bayes error: 1.2 - 0.8 = 0.4.",
    }, tolerance=1e-3),
    question("q8", f"section 8 of {LESSON}, on improving model performance; section 1, on orthogonalisation.", {
        "c": "A bigger network is a knob for avoidable bias, which is only 0.4 points; it would also break "
             "the board's 50 ms budget.",
        "d": "Training longer lowers the training error, the bias knob; the gap to close is the 3.4 points "
             "between training and dev.",
        "e": "Changing the yardstick changes no error: the model would still miss 4.6% of dev frames. And "
             "the best human performance, not the clerk's, is the proxy for the Bayes error.",
    }, several=True),
    question("q9", f"section 1 of {LESSON}, on orthogonalisation (the knob for a model that does well on dev but not on test).", {
        "b": "Regularisation closes the gap between training and dev error. Here the new gap is between dev "
             "and test, two sets from one distribution: the dev set has been tuned to.",
        "c": "Choosing settings on the test set would overfit it in turn, and leave no unbiased estimate of "
             "how the counter will do.",
        "d": "A bigger network addresses avoidable bias; training error is 1.0% against human level 0.8%.",
    }),
    question("q10", f"section 1 of {LESSON}, on orthogonalisation, and section 7, on when to change the metric.", {
        "b": "A metric on a dev/test set that no longer reflects the streets only measures the old streets "
             "well; when doing well on the test set does not mean doing well in the world, change the dev "
             "and test sets or the metric.",
        "c": "Regularisation closes the gap between training and dev error; the problem is that the dev and "
             "test sets no longer hold the data that matters.",
        "d": "More frames from the first twelve junctions still hold no scooters: the target would stay "
             "blind to the new mistake.",
    }),
]
