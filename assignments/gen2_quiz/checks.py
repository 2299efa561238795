"""Quiz of the generative track, topic 2: each question's hint (where to read again) and why each wrong
choice is wrong. The right answers are the source notebook's, recorded in expected/; none reaches the kernel."""
from grader.checks import question

LESSON = "the lesson gen2_generative_modelling"
ASSIGNMENT = "the assignment gen2_naive_bayes"

CHECKS = [
    question("q1", f"section 1.1 of {LESSON}, on generative and discriminative models.", {
        "a": "Both classify: the discriminative model gives p(y | x) directly, and the generative one gets it from "
             "p(x, y) by Bayes' rule.",
        "d": "Both learn from labelled examples here: logistic regression maximises the conditional likelihood of "
             "the labels, naive Bayes the joint likelihood of outfits and labels.",
        "e": "Both give a probability for every class: p(y | x) is a whole distribution over the styles, whichever "
             "model computes it.",
    }, several=True),
    question("q2", f"section 2.2 of {LESSON}, on the maximum likelihood estimate, and exercise 1 of {ASSIGNMENT}.", {
        3 / 23: "3/23 adds 1 to every count (Laplace smoothing): a smoothed estimate, not the maximum likelihood one, "
                "which is n_watch / n = 2/20.",
        2 / 12: "That divides by the largest count (12); divide by n = 20, so that the probabilities sum to 1.",
        2: "2 is the count; the estimate is the count divided by n = 20.",
        0.5: "1/2 is what two categories would get with no data; the estimate follows the counts: 2/20.",
    }, tolerance=1e-3),
    question("q3", f"section 2.1 of {LESSON}, on the likelihood and its log, and exercise 2 of {ASSIGNMENT}.", {
        0.015625: "That is the likelihood, the product 0.5 x 0.5 x 0.25 x 0.25; the question asks for its natural "
                  "logarithm, 2 log 0.5 + 2 log 0.25.",
        -1.0397: "That is the mean of the four logs; the log-likelihood is their sum, four times as much.",
        -1.8062: "That uses base-10 logarithms; the log-likelihood uses the natural log, 2 ln 0.5 + 2 ln 0.25.",
        4.1589: "That is the negative log-likelihood (the loss); the log-likelihood itself is negative, since "
                "every probability is below 1.",
    }, tolerance=1e-3),
    question("q4", f"section 2.1 of {LESSON}, on the log-likelihood and the cross-entropy.", {
        "a": "Keras's loss, like the course's cost J, is the mean over the examples, not the sum: some course notes "
             "call J the sum of the losses, but it is the mean, -l(theta) / n. Both have the same minimiser.",
        "c": "The log-likelihood is negative (log of probabilities below 1) and is maximised; the loss is minimised, "
             "so it carries a minus sign: -l(theta) / n.",
        "d": "The likelihood is a product of probabilities, which underflows to 0.0 for thousands of examples; the "
             "loss is minus its log, divided by n.",
    }),
    question("q5", f"sections 4 and 5.1 of {LESSON}, on counting parameters.", {
        (48, 20): "Both counts forget that probabilities sum to 1: a categorical over c outcomes has c - 1 free "
                  "parameters. The full joint has 2 x 3 x 4 x 2 - 1 = 47; naive Bayes (2 - 1) + 2 x (1 + 2 + 3) = 13.",
        (48, 13): "Naive Bayes is right. The full joint table of 48 cells sums to 1, so one cell follows from the "
                  "others: 47.",
        (47, 20): "The full joint is right. Each p(x_j | y = c) sums to 1 too: 1 + 2 + 3 free numbers per class, "
                  "2 x 6 = 12, plus 1 for the prior.",
        (47, 12): "Naive Bayes also needs the prior p(y): 2 - 1 = 1 more parameter, 13 in all.",
        (23, 13): "23 = 2 x 3 x 4 - 1 is the full joint of x alone, p(x); p(x, y) has a cell per outfit and class: "
                  "2 x 3 x 4 x 2 - 1 = 47.",
    }),
    question("q6", f"section 4 of {LESSON}, on the full joint distribution and the curse of dimensionality.", {
        "b": "Assuming nothing costs 959 parameters: the plain MLE gives probability 0 to every outfit it has not "
             "seen, and 9.1 % of the held-out outfits were unseen, so its held-out log-likelihood was -infinity.",
        "c": "2,000 outfits covered only 510 of the 960 possible ones; the table is a lookup of the training set.",
        "d": "The lesson checked the opposite: every one of 1,000 outfits sampled from the full joint MLE was a "
             "training outfit, since unseen outfits have probability 0.",
    }),
    question("q7", f"section 5.3 of {LESSON}, on the log-sum-exp trick, and exercise 4 of {ASSIGNMENT}.", {
        1 / 3: "The classes are not equally likely: subtract the largest score, giving (0, -1, -3), and normalise "
               "e^0, e^-1, e^-3: 1 / (1 + 0.368 + 0.050).",
        0.0: "e^-1000 underflows to 0.0 in floating point, but the posterior does not: subtract the largest score "
             "first (log-sum-exp), giving (0, -1, -3), then normalise.",
        0.7311: "That leaves out the third class: the normaliser sums over all three, 1 + e^-1 + e^-3.",
        1.0: "The first class is the likeliest, not certain: after subtracting the largest score its weight is "
             "e^0 = 1 against e^-1 and e^-3 for the others.",
    }, tolerance=1e-3),
    question("q8", f"section 5.3 of {LESSON}, on why Laplace smoothing and log-sum-exp matter.", {
        "a": "Underflow is the other failure (the 1,500-feature outfits), and log-sum-exp cures it. With alpha = 0 "
             "the scores are exactly -infinity, log 0, which no trick can normalise.",
        "c": "All three styles occur among the 30 outfits (11, 11 and 8 of them), so no prior was 0; the zeros were in "
             "the conditionals.",
        "d": "The MLE n_k / n is defined for any n >= 1; with few examples it just gives many zeros, which Laplace "
             "smoothing removes.",
    }),
    question("q9", f"section 6 of {LESSON}, on the learning curve of a generative and a discriminative classifier.", {
        "a": "With 10 to 100 outfits naive Bayes was ahead (3.4 points at 10 outfits): its counts settle quickly.",
        "c": "The outfits were not generated by a naive Bayes model: the shoes depend on the bottom. From about 200 "
             "outfits logistic regression was ahead, level with the Bayes classifier from 1,000 on.",
        "d": "The posteriors have the same form, but the weights are chosen differently (counting the joint against "
             "fitting the conditional), and the measured accuracies differed by 1 to 3 points.",
    }),
    question("q10", f"sections 5.1 and 7 of {LESSON}, on conditional independence and where it fails.", {
        "b": "Bottom and shoes are the pair that breaks the assumption: within a style, shorts go with sandals and "
             "trousers with loafers (conditional mutual information 0.40 nats, about 0.01 for the other pairs).",
        "e": "Naive Bayes assumes independence given the class, not overall: the top and the bottom co-occur through "
             "the style, which the model captures.",
    }, several=True),
]
