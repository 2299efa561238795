"""Practice exercises of the C2W1 lesson on regularisation
(notebooks/c2_improving_deep_networks/c2w1_regularization.ipynb): the next step for a model with high
bias, the course's lambda as Keras's L2 factor, what inverted dropout outputs, and normalising with the
training set's statistics."""
import numpy as np

from lessons.practice import Exercise, Mistake

next_step = Exercise(
    title="What to try for high bias",
    answer=frozenset("bc"),
    mistakes=[
        Mistake("a", "More data cuts variance. This model cannot even fit the data it has (15% training error "
                     "where people make almost none), and more of the same data will not change that."),
        Mistake("d", "Dropout and a larger lambda fight variance: they make the model fit its training set less "
                     "closely, and its training error is already the problem."),
    ],
    hints=["Diagnose first: compare the training error with the best achievable, then the dev error with "
           "the training error.",
           "Training error 15% against about 0%: high bias. Dev error 16% against 15%: low variance. The recipe's "
           "first question applies.",
           "For high bias the recipe says: a bigger network, or train longer (or another architecture)."],
    solution=("b and c. The training error (15%) is far above the near-0% Bayes error, and the dev error is close "
              "to it: high bias, low variance. A bigger network or longer training helps; more data (a) and "
              "regularisation (d) are cures for variance."),
)

keras_l2 = Exercise(
    title="The course's lambda in Keras",
    answer=0.7 / (2 * 350),
    mistakes=[
        Mistake(0.7 / 350, "You divide lambda by m. The course's penalty is lambda / (2m) times the sum of squares, "
                           "and Keras's L2(l) adds l times that sum: l = lambda / (2m)."),
        Mistake(0.7, "L2(l) adds l * sum(w^2) to a loss that is already a mean over the examples, so l takes the "
                     "place of lambda / (2m), not of lambda."),
        Mistake(0.35, "You halve lambda but forget the m: l = lambda / (2m)."),
        Mistake(2 * 350 * 0.7, "That is 2 m lambda, the conversion the other way round: lambda = 2 m l, "
                               "so l = lambda / (2m)."),
    ],
    hints=["Write both penalties out: the course adds (lambda / 2m) sum ||W||^2, Keras's L2(l) adds l sum w^2.",
           "Both losses are means over the m examples, so the two penalties are the same when l equals the "
           "course's factor in front of the sum.",
           "l = lambda / (2m) with lambda = 0.7 and m = 350."],
    solution="0.001: l = lambda / (2m) = 0.7 / (2 * 350).",
)

dropout_values = Exercise(
    title="What a Dropout layer outputs",
    answer=(4.0, 3.0),
    mistakes=[
        Mistake((12.0, 3.0), "Dropout(0.25) drops a quarter of the units: 0.25 is the rate, and keep_prob = "
                             "1 - 0.25 = 0.75. The survivors are divided by keep_prob, not by the rate."),
        Mistake((2.25, 3.0), "Inverted dropout divides the survivors by keep_prob, so that the expected value "
                             "stays 3.0; multiplying by 0.75 makes it smaller still."),
        Mistake((3.0, 2.25), "That is classic dropout, which scales at test time. Keras uses inverted dropout: "
                             "it scales the kept values in training, and inference is untouched."),
        Mistake((3.0, 3.0), "In training a kept value is scaled up, so that the next layer sees the same "
                            "expected input as at test time."),
        Mistake((4.0, 4.0), "At inference Dropout is the identity: nothing is dropped and nothing is scaled."),
    ],
    hints=["keras.layers.Dropout takes the fraction to drop; keep_prob = 1 - rate.",
           "Inverted dropout: in training a kept value is divided by keep_prob; at inference the layer does "
           "nothing.",
           "In training 3.0 / 0.75; at inference 3.0 as it is."],
    solution=("(4.0, 3.0): keep_prob = 1 - 0.25 = 0.75, so in training the kept 3.0 becomes 3.0 / 0.75 = 4.0; "
              "at inference Dropout passes 3.0 through unchanged."),
)


def _standardise(X_train, X_other):
    return (X_other - X_train.mean(axis=0)) / X_train.std(axis=0)


_rng = np.random.default_rng(0)
_TRAIN = _rng.normal(loc=[5.0, -2.0, 100.0], scale=[1.0, 0.1, 30.0], size=(8, 3))
_OTHER = _rng.normal(loc=[5.5, -2.0, 90.0], scale=[1.0, 0.1, 30.0], size=(5, 3))
standardise = Exercise(
    title="Normalise with the training statistics",
    answer=_standardise,
    cases=[(_TRAIN, _OTHER), (_TRAIN, _TRAIN), (_TRAIN, _OTHER[:2]), (_TRAIN[:, :1], _OTHER[:, :1])],
    mistakes=[
        Mistake(lambda Xt, Xo: (Xo - Xo.mean(axis=0)) / Xo.std(axis=0),
                "You use X_other's own mean and standard deviation. Every set, and every example in "
                "production, must go through the same transformation: the training set's."),
        Mistake(lambda Xt, Xo: (Xo - Xt.mean(axis=0)) / Xt.var(axis=0),
                "You divide by the variance. Divide by the standard deviation, X_train.std(axis=0): dividing "
                "by sigma^2 leaves a spread of 1 / sigma, not 1."),
        Mistake(lambda Xt, Xo: Xo / Xt.std(axis=0),
                "You scale but do not centre: subtract the training mean first."),
        Mistake(lambda Xt, Xo: (Xo - Xt.mean()) / Xt.std(),
                "You use one mean and one standard deviation for all the features together. Each feature "
                "(column) gets its own: axis=0."),
        Mistake(lambda Xt, Xo: (Xo - Xt.mean(axis=0)) / Xt.std(axis=0, ddof=1),
                "You divide by the sample standard deviation (ddof=1, m - 1 in the denominator). The lesson's "
                "sigma^2, and Keras's Normalization, divide by m: np.std's default, ddof=0."),
    ],
    hints=["Compute mu and sigma from X_train only, one value per feature: examples are rows, features columns.",
           "mu = X_train.mean(axis=0) and sigma = X_train.std(axis=0); X_other is not used to compute them.",
           "return (X_other - X_train.mean(axis=0)) / X_train.std(axis=0)"],
    solution=("def standardise(X_train, X_other):\n"
              "    mu = X_train.mean(axis=0)\n"
              "    sigma = X_train.std(axis=0)\n"
              "    return (X_other - mu) / sigma"),
)
