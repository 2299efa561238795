"""Practice exercises of the generative track's topic 2 (notebooks/gen_generative/gen2_generative_modelling.ipynb):
which models are generative, a log-likelihood function, a maximum likelihood estimate by hand, and the
parameters of a full joint distribution against naive Bayes."""
import numpy as np

from lessons.practice import Exercise, Mistake

which_generative = Exercise(
    title="Which models are generative?",
    answer=frozenset("acd"),
    mistakes=[
        Mistake("b", "Logistic regression models p(y | x) only: it says how likely each class is for an outfit "
                     "it is given, and nothing about which outfits occur. That makes it discriminative."),
        Mistake("e", "A convolutional classifier with a softmax output models p(y | x), however deep it is: it "
                     "cannot say how likely an image is, nor draw a new one. Discriminative."),
    ],
    hints=["Ask of each model: can it say how probable an input x is (or draw a new x)? Then it models p(x) "
           "or p(x, y).",
           "A language model gives the probability of the next character, so by the chain rule the probability "
           "of a whole name: p(x). A classifier that only outputs class probabilities models p(y | x)."],
    solution='"acd": naive Bayes models p(x, y) = p(y) prod_j p(x_j | y); the character-level language model of '
             "Course 5 models p(x) as a product of next-character probabilities and samples new names; the table of "
             "outfit counts divided by n is p(x) itself. Logistic regression and the CNN classifier model p(y | x).",
)


def _log_likelihood(values, probs):
    values, probs = np.asarray(values, dtype=int), np.asarray(probs, dtype=float)
    with np.errstate(divide="ignore"):
        return float(np.sum(np.log(probs[values])))


def _likelihood(values, probs):
    return float(np.prod(np.asarray(probs, dtype=float)[np.asarray(values, dtype=int)]))


def _mean_log_likelihood(values, probs):
    values = np.asarray(values, dtype=int)
    with np.errstate(divide="ignore"):
        return float(np.mean(np.log(np.asarray(probs, dtype=float)[values]))) if values.size else 0.0


def _log_of_counts(values, probs):
    counts = np.bincount(np.asarray(values, dtype=int), minlength=len(probs))
    with np.errstate(divide="ignore"):
        return float(np.sum(np.log(np.asarray(probs, dtype=float)) * (counts > 0)))


log_likelihood = Exercise(
    title="A log-likelihood",
    answer=_log_likelihood,
    cases=[(np.array([0, 2, 2, 1, 2]), np.array([0.2, 0.3, 0.5])),
           (np.array([3, 3, 0]), np.array([0.1, 0.2, 0.3, 0.4])),
           (np.array([1] * 400), np.array([0.5, 0.5])),
           (np.array([], dtype=int), np.array([0.6, 0.4])),
           (np.array([0, 1]), np.array([1.0, 0.0]))],
    mistakes=[
        Mistake(_likelihood, "You return the likelihood, the product of the probabilities. Take its logarithm, a sum "
                             "of logs: the product of 400 halves is 4e-121, and of a few thousand it is 0.0 in "
                             "floating point."),
        Mistake(_mean_log_likelihood, "You return the mean of the logs: the log-likelihood is their sum (the mean "
                                      "is the log-likelihood divided by n, minus the cross-entropy)."),
        Mistake(_log_of_counts, "You add log p_k once for each category that occurs: add it once for each value, "
                                "so a category seen three times counts three times."),
    ],
    hints=["probs[values] picks, for each observed value, the probability the model gives it.",
           "Sum their logarithms. A value of probability 0 gives log 0 = -inf, and so does the sum: that is the "
           "right answer (the data are impossible under that model); an empty sample gives 0.0."],
    solution=("def log_likelihood(values, probs):\n"
              "    with np.errstate(divide=\"ignore\"):   # log 0 = -inf, without a warning\n"
              "        return float(np.sum(np.log(probs[values])))"),
)

categorical_mle = Exercise(
    title="The maximum likelihood estimate of a categorical",
    answer=np.array([0.5, 0.3, 0.2, 0.0]),
    tolerance=1e-3,
    mistakes=[
        Mistake(np.array([11, 7, 5, 1]) / 24, "You added 1 to every count (Laplace smoothing): that is a smoothed "
                                              "estimate, not the maximum likelihood one, which is the counts "
                                              "divided by n and gives an unseen category probability 0."),
        Mistake(np.array([1.0, 0.6, 0.4, 0.0]), "You divided by the largest count: divide by n = 20, the number "
                                                "of outfits, so that the probabilities sum to 1."),
        Mistake(np.array([0.25, 0.25, 0.25, 0.25]), "Those are the probabilities before looking at the data. The "
                                                     "estimate that makes the data most likely follows the counts."),
    ],
    hints=["The log-likelihood is sum_k n_k log p_k; maximising it with the constraint sum_k p_k = 1 gives p_k "
           "proportional to n_k.",
           "Divide each count by n = 10 + 6 + 4 + 0 = 20."],
    solution="[0.5, 0.3, 0.2, 0.0]: the counts (10, 6, 4, 0) divided by n = 20. The unseen red gets probability 0.",
)

parameter_counts = Exercise(
    title="Parameters of the full joint and of naive Bayes",
    answer=(2879, 47),
    mistakes=[
        Mistake((2880, 63), "Both counts forget that probabilities sum to 1: a categorical of c outcomes has c - 1 "
                            "free parameters (the last is 1 minus the others). The full joint p(x, y) has "
                            "960 x 3 - 1; naive Bayes has (3 - 1) + 3 x (3 + 3 + 3 + 4 + 2)."),
        Mistake((2879, 63), "The full joint is right. Naive Bayes's conditionals sum to 1 too: each p(x_j | y = c) "
                            "has c_j - 1 free numbers, so 3 x (3 + 3 + 3 + 4 + 2) = 45, plus 2 for the prior."),
        Mistake((2880, 47), "Naive Bayes is right. The full joint table of 2,880 cells sums to 1, so one of its "
                            "numbers follows from the others: 2,879 free parameters."),
        Mistake((959, 47), "959 = 960 - 1 is the full joint of the outfit alone, p(x); the question asks for "
                           "p(x, y), a table with one cell per outfit and style: 960 x 3 - 1."),
        Mistake((2879, 45), "Naive Bayes also needs the prior p(y): 3 - 1 = 2 more parameters, 47 in all."),
    ],
    hints=["A categorical distribution with c outcomes has c - 1 free parameters, because they sum to 1.",
           "The full joint p(x, y) is one categorical over 4 x 4 x 4 x 5 x 3 x 3 = 2,880 outcomes. Naive Bayes has "
           "a prior over 3 styles and, for each style, one categorical per feature."],
    solution="(2879, 47): the full joint has 2,880 - 1 = 2,879; naive Bayes (3 - 1) + 3 x ((4 - 1) + (4 - 1) + "
             "(4 - 1) + (5 - 1) + (3 - 1)) = 2 + 3 x 15 = 47.",
)
