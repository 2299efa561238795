"""C1W2 quiz: each question's hint (where to read again) and why each wrong answer is wrong.
The right answers are the source notebook's, recorded in expected/; none reaches the kernel."""
from grader.checks import question

LESSON = "the lesson c1w2_logistic_regression"

CHECKS = [
    question("q1", f"section 5 of {LESSON}, on the computation graph and the chain rule.", {
        (1, 12288): "That is the shape of dZ X^T. dw must have the shape of w, (n_x, 1), so that the "
                    "update w := w - alpha dw works.",
        (209, 1): "There is one weight per pixel value, not per example: the product X dZ^T sums over "
                  "the 209 examples.",
        (12288, 209): "That is the shape of X. Multiplying by dZ^T, of shape (209, 1), adds up the examples' "
                      "contributions into one column.",
    }),
    question("q2", f"section 2 of {LESSON}, on logistic regression as a one-neuron network.", {
        0.5: "0.5 is z = 1 - 2 + 1.5, the weighted sum. The neuron's output is sigma(z) = sigma(0.5).",
        0.2689: "That is sigma(-1): the bias was left out. z = w^T x + b = 1 - 2 + 1.5 = 0.5.",
        0.3775: "That is sigma(-0.5): a sign went wrong. w^T x = 1 * 1 + 2 * (-1) = -1, and adding "
                "b = 1.5 gives z = +0.5.",
    }, tolerance=1e-3),
    question("q3", f"section 3 of {LESSON}, on the loss and the cost.", {
        144.87: "That is the sum of the 209 losses. The cost J is their mean, (1/m) times the sum, so "
                "it does not grow with the size of the training set.",
        0.5: "0.5 is every prediction a = sigma(0), not the cost. Each example's loss is -log 0.5 = "
             "log 2, whatever its label, and so is their mean.",
        0.3010: "That is log10(2). The cross-entropy uses the natural logarithm: log 2 = 0.6931.",
        0.0: "Zero weights know nothing: every prediction is 0.5, so the cost is log 2, not 0.",
    }, tolerance=1e-3),
    question("q4", f"section 2 of {LESSON}, on the sigmoid.", {
        "a": "Linear regression has a bias too: z = w^T x + b alone predicts any real number.",
        "c": "The threshold is a choice made after the model, not part of it; the model's output "
             "is the probability sigma(z).",
        "d": "Logistic regression is trained with the cross-entropy; squared error on a sigmoid "
             "gives a non-convex cost with flat regions.",
    }),
    question("q5", f"section 5 of {LESSON}, on the chain rule: dz = a - y.", {
        0.2: "Mind the sign: dz = a - y = 0.8 - 1 = -0.2. The prediction is too low, so the "
             "gradient is negative and gradient descent increases z.",
        -1.25: "That is da = -y/a, the derivative with respect to a. Multiply it by da/dz = "
               "a(1 - a) = 0.16 to get dz = a - y.",
        0.16: "That is a(1 - a), the sigmoid's own derivative da/dz. The chain rule multiplies it by "
              "da = -y/a + (1 - y)/(1 - a), which gives dz = a - y.",
    }, tolerance=1e-3),
    question("q6", f"section 6 of {LESSON}, on loops versus vectorisation.", {
        "c": "Vectorised code computes the same numbers; only the order of the additions changes, "
             "which moves the last of 16 significant digits, not a prediction.",
        "e": "The lesson measured the gain on a CPU: NumPy's compiled, vectorised code was hundreds "
             "of times faster than two Python loops there.",
    }, several=True),
    question("q7", f"section 7 of {LESSON}, on the accuracies of the trained model.", {
        "b": "The other way round: the model fits its 209 training pictures almost perfectly (0.995) "
             "and gets fewer test pictures right (0.840).",
        "c": "The test accuracy was 0.840, not 1: with 12,289 parameters and 209 examples the model "
             "memorises details of the training set that do not carry over (overfitting).",
        "d": "0.693 is log 2, the cost at the start, not an accuracy.",
    }),
    question("q8", f"section 9 of {LESSON}, on the Keras Dense layer and its parameters.", {
        3072: "Each neuron also has a bias: 32 * 32 * 3 = 3072 weights plus 1 bias.",
        1025: "A colour picture has 3 numbers per pixel: 32 * 32 * 3 = 3072 weights, plus the bias.",
        1024: "A colour picture has 3 numbers per pixel (3072 weights), and the neuron has a bias too.",
    }),
    question("q9", f"section 4 of {LESSON}, on gradient descent.", {
        0.52: "That step goes uphill. Gradient descent subtracts: w := w - alpha * dw = 0.5 - 0.02.",
        0.3: "The learning rate scales the step: w := w - alpha * dw = 0.5 - 0.1 * 0.2.",
        0.02: "0.02 is the step alpha * dw; the new w is 0.5 - 0.02.",
    }, tolerance=1e-3),
    question("q10", f"section 9 of {LESSON}, on the layouts of NumPy and Keras.", {
        (1, 50): "That is the course's layout A, one column per example. Keras takes and returns one "
                 "row per example: (50, 1), the transpose of A.",
        (12288, 1): "That is the shape of the kernel, which holds the weights. predict returns one "
                    "probability per picture.",
        (50, 12288): "That is the input's shape. The layer has one unit, so each picture gets one number.",
    }),
]
