"""Practice exercises of the C1W2 lesson (notebooks/c1_neural_networks/c1w2_logistic_regression.ipynb):
the cross-entropy cost of two examples by hand, the derivative of the sigmoid, and which
expressions compute z for every example at once."""
import numpy as np

from lessons.practice import Exercise, Mistake

cost_by_hand = Exercise(
    title="The cost of two predictions",
    answer=float(-(np.log(0.8) + np.log(0.6)) / 2),  # 0.366985
    tolerance=5e-4,
    mistakes=[
        Mistake(float(-(np.log(0.8) + np.log(0.6))),
                "That is the sum of the two losses. The cost J is their mean: divide by m = 2."),
        Mistake(float(-(np.log(0.8) + np.log(0.4)) / 2),
                "For the second picture y = 0, so its loss is -log(1 - a) = -log(0.6), not -log(a) = -log(0.4)."),
        Mistake(float((np.log(0.8) + np.log(0.6)) / 2),
                "Your cost is negative. The logarithm of a probability is negative, and the minus sign in front "
                "of the loss makes every loss, and so the cost, positive."),
        Mistake(float(-(np.log10(0.8) + np.log10(0.6)) / 2),
                "You used the base-10 logarithm; the cross-entropy uses the natural logarithm, np.log."),
    ],
    hints=["Work out each picture's loss on its own: L(a, y) = -(y log a + (1 - y) log(1 - a)).",
           "The first picture has y = 1, so its loss is -log(0.8); the second has y = 0, so its loss is "
           "-log(1 - 0.4).",
           "J = (-log(0.8) - log(0.6)) / 2, with the natural logarithm."],
    solution="0.367: the losses are -log(0.8) = 0.2231 (y = 1) and -log(1 - 0.4) = 0.5108 (y = 0), and "
             "J = (0.2231 + 0.5108) / 2 = 0.3670.",
)


def _sigmoid(z):
    return 1 / (1 + np.exp(-z))


def _sigmoid_derivative(z):
    a = _sigmoid(z)
    return a * (1 - a)


sigmoid_derivative = Exercise(
    title="The derivative of the sigmoid",
    answer=_sigmoid_derivative,
    cases=[(0.0,), (2.0,), (np.array([-3.0, -1.0, 0.0, 0.5, 2.0]),), (np.array([[-40.0, 40.0]]),),
           (np.array([[0.25], [-0.7], [5.0]]),)],
    mistakes=[
        Mistake(lambda z: z * (1 - z),
                "You apply a(1 - a) to z itself. First compute a = sigmoid(z), then return a * (1 - a)."),
        Mistake(lambda z: _sigmoid(z) * (1 - z),
                "The second factor is 1 - a, not 1 - z: both factors are the sigmoid's output a = sigmoid(z)."),
        Mistake(_sigmoid, "That is the sigmoid itself, sigma(z). Its derivative is sigma(z) (1 - sigma(z))."),
        Mistake(lambda z: 1 - _sigmoid(z),
                "You return 1 - a; the derivative is a times that, a * (1 - a)."),
    ],
    hints=["Section 5, step 2: the sigmoid's derivative can be written with its own output a = sigma(z).",
           "d sigma / dz = sigma(z) (1 - sigma(z)). At z = 0 it is 0.5 * 0.5 = 0.25, its largest value.",
           "a = 1 / (1 + np.exp(-z)); return a * (1 - a). Element-wise, it works for arrays too."],
    solution=("def sigmoid_derivative(z):\n"
              "    a = 1 / (1 + np.exp(-z))\n"
              "    return a * (1 - a)"),
)

_SHAPE_M_1 = ("X.T @ w + b has shape (m, 1): one row per example, Keras's layout. The course's z is a row, "
              "shape (1, m).")
vectorised_z = Exercise(
    title="Which expressions compute z for all examples?",
    answer=frozenset("abd"),
    mistakes=[
        Mistake("c", _SHAPE_M_1),
        Mistake("e", "w * X multiplies element by element and broadcasts w over the m columns: the result has "
                     "shape (n_x, m), every pixel value times its weight, not yet summed over the pixels."),
        Mistake("f", "w @ X fails: w has shape (n_x, 1) and X (n_x, m), and a matrix product needs the inner "
                     "sizes to agree. Transpose w first."),
    ],
    hints=["Work out each expression's shape with w of shape (n_x, 1), X of shape (n_x, m) and b a number; "
           "the answer must be (1, m) and sum over the n_x pixel values.",
           "(1, n_x) @ (n_x, m) gives (1, m). A transpose of an (m, 1) result is (1, m) too. Broadcasting "
           "w * X gives (n_x, m), and a sum over axis 0 with keepdims=True turns that into (1, m).",
           "Three expressions are right: the plain product, the transposed product of the transposes, and the "
           "broadcast product summed over the pixel axis."],
    solution="abd: (a) is the lesson's formula; (b) computes (X^T w)^T = w^T X; (d) multiplies each pixel value "
             "by its weight and sums over the pixels, axis 0. (c) has shape (m, 1), (e) (n_x, m), and (f) raises "
             "an error.",
)
