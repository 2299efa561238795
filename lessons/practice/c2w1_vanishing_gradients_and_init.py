"""Practice exercises of the C2W1 lesson on initialisation
(notebooks/c2_improving_deep_networks/c2w1_vanishing_gradients_and_init.ipynb): which initial weights
break the symmetry, the variance of Keras's default initializer, and the two-sided difference."""
import numpy as np

from lessons.practice import Exercise, Mistake

symmetry = Exercise(
    title="Which initial weights break the symmetry?",
    answer=frozenset("cd"),
    mistakes=[
        Mistake("a", "With every weight 0 the ReLU units all output 0 and every weight's gradient is 0: nothing "
                     "but the output bias ever moves (section 1 measured it)."),
        Mistake("b", "Every weight 0.5 makes the 10 units compute the same z, receive the same gradient and take "
                     "the same step: they stay copies of each other for ever. Equal is the problem, not zero."),
    ],
    hints=["Symmetry means that units start equal. Units that start equal get equal gradients.",
           "Ask of each choice: do two units of the layer start with different weights? Small does not "
           "matter for this question, only different.",
           "Both random choices break it, however small their scale; both constant choices do not."],
    solution=("c and d. Random weights, small (randn * 0.01) or scaled to the layer (HeNormal), make every unit "
              "start different. All zeros (a) and all 0.5 (b) give every unit the same weights, so the same "
              "gradients, so they stay equal."),
)

glorot_variance = Exercise(
    title="The variance of Keras's default kernel",
    answer=2 / (300 + 100),
    tolerance=1e-4,
    mistakes=[
        Mistake(1 / 300, "1/n_in is LeCun's variance, not Glorot's, though some sources call it Xavier: Glorot "
                         "averages the fan-in and the fan-out."),
        Mistake(2 / 300, "2/n_in is He's variance, for ReLU layers. Keras's default, Glorot, uses both fans."),
        Mistake(1 / 400, "You divide 1 by n_in + n_out: the numerator of Glorot's variance is 2."),
        Mistake(6 / 400, "6/(n_in + n_out) is the square of GlorotUniform's limit r. A uniform draw on [-r, r] "
                         "has variance r^2 / 3."),
        Mistake(np.sqrt(2 / 400), "That is the standard deviation; the question asks for the variance."),
    ],
    hints=["Keras's default kernel_initializer for Dense is GlorotUniform (the last line of the table's check).",
           "Glorot's variance uses both the fan-in (inputs per unit) and the fan-out (units).",
           "Var(w) = 2 / (n_in + n_out), with n_in = 300 and n_out = 100."],
    solution="0.005: Glorot's Var(w) = 2 / (n_in + n_out) = 2 / (300 + 100).",
)


def _two_sided(f, theta, epsilon):
    return (f(theta + epsilon) - f(theta - epsilon)) / (2 * epsilon)


class _Function:
    """A function of one number that prints as its formula (a failed case shows its arguments)."""
    def __init__(self, formula, function):
        self.formula, self.function = formula, function

    def __call__(self, t):
        return self.function(t)

    def __repr__(self):
        return f"f(t) = {self.formula}"


_cube = _Function("t**3", lambda t: t ** 3)
_sin = _Function("sin(t)", np.sin)
_exp = _Function("exp(t)", np.exp)
_line = _Function("3t - 2", lambda t: 3.0 * t - 2.0)


two_sided = Exercise(
    title="The two-sided difference",
    answer=_two_sided,
    cases=[(_cube, 1.0, 1e-2), (_cube, -2.0, 1e-3), (_sin, 0.5, 1e-4), (_exp, 0.0, 0.1), (_line, 4.0, 0.5)],
    mistakes=[
        Mistake(lambda f, t, e: (f(t + e) - f(t)) / e,
                "That is the one-sided difference (f(theta + eps) - f(theta)) / eps, with an error of order eps. "
                "Step to both sides: f(theta + eps) - f(theta - eps)."),
        Mistake(lambda f, t, e: (f(t + e) - f(t - e)) / 2 * e,
                "Python reads / 2 * eps as (... / 2) * eps: put the denominator in brackets, / (2 * eps)."),
        Mistake(lambda f, t, e: (f(t + e) - f(t - e)) / e,
                "The two points are 2 * eps apart, so divide by 2 * eps, not eps: your estimate is twice "
                "the derivative."),
    ],
    hints=["Evaluate f a little to the right, at theta + epsilon, and a little to the left, at theta - epsilon.",
           "The slope of the line through those two points is the rise over the run; the run is 2 * epsilon.",
           "return (f(theta + epsilon) - f(theta - epsilon)) / (2 * epsilon), with the brackets."],
    solution=("def two_sided_difference(f, theta, epsilon):\n"
              "    return (f(theta + epsilon) - f(theta - epsilon)) / (2 * epsilon)"),
)
