"""C1W3 quiz: each question's hint (where to read again) and why each wrong answer is wrong.
The right answers are the source notebook's, recorded in expected/; none reaches the kernel."""
from grader.checks import question

LESSON = "the lesson c1w3_one_hidden_layer"

CHECKS = [
    question("q1", f"section 3 of {LESSON}, on the notation: W[l] has shape (n_l, n_(l-1)).", {
        (2, 4): "That is the shape of Keras's kernel, the transpose. In the course's layout W[1] has "
                "one row per hidden unit: (n_h, n_x).",
        (4, 1): "That is the shape of b[1], one bias per hidden unit. W[1] has a weight for each "
                "(unit, input) pair.",
        (1, 4): "That is the shape of W[2], the output unit's weights. W[1] maps 2 inputs to 4 units.",
    }),
    question("q2", f"section 3 of {LESSON}, on the parameters of each layer.", {
        20: "Each unit also has a bias: 5 biases in the hidden layer and 1 in the output layer.",
        21: "The hidden units have biases too: 3 * 5 weights + 5 biases, then 5 weights + 1 bias.",
        25: "The output unit has a bias too: 3 * 5 + 5 in the hidden layer, 5 + 1 in the output layer.",
        16: "Each of the 5 hidden units has its own weight for each of the 3 inputs: 3 * 5 weights.",
    }),
    question("q3", f"section 4 of {LESSON}, on activation functions and their derivatives.", {
        0.25: "a(1 - a) is the derivative of the sigmoid. For tanh it is 1 - a^2.",
        0.5: "That is the activation itself. The derivative of tanh is 1 - tanh(z)^2 = 1 - a^2.",
        0.7864: "That is 1 - tanh(0.5)^2, treating 0.5 as z. Here 0.5 is a = tanh(z), so g'(z) = 1 - a^2.",
    }, tolerance=1e-3),
    question("q4", f"section 6 of {LESSON}, on summing over examples with axis=1 and keepdims=True.", {
        (4,): "Without keepdims=True the sum is a flat vector of shape (4,), which broadcasts wrongly "
              "later; keepdims keeps it a column (4, 1), the shape of b1.",
        (1, 400): "axis=0 would sum over the units. The examples are the columns, so the sum runs "
                  "along axis=1 and leaves one number per unit.",
        (4, 400): "That is the shape of dZ1. The bias gradient sums over the 400 examples.",
    }),
    question("q5", f"section 2 of {LESSON}, on the logistic-regression baseline.", {
        "b": "About 94% was the network with 4 tanh hidden units (0.940). A straight line cannot "
             "separate classes that take turns around the centre.",
        "c": "About 69-71% was reached by the networks with 1 or 2 hidden units. Logistic regression, "
             "with a single straight line, scored 0.510.",
        "d": "No straight line separates the petals; logistic regression was near chance (0.510).",
    }),
    question("q6", f"section 11 of {LESSON}, on why the initial weights must be random.", {
        "d": "Units that start equal compute the same activations, receive the same gradient and take "
             "the same step, so they stay equal for ever: that is the symmetry problem.",
        "e": "Large weights push z into the flat parts of tanh, where the slope, and so the gradient, "
             "nearly vanishes: hence the small factor 0.01.",
    }, several=True),
    question("q7", f"section 10 of {LESSON}, on why the activation must be non-linear.", {
        "b": "Kinks need a non-linear activation such as ReLU. Without one, the three affine maps "
             "compose into a single affine map, and the boundary is one line.",
        "c": "Without non-linear activations the stack collapses to one layer; it measured 0.507, near "
             "logistic regression, far below the tanh network.",
        "d": "It trains like any other layer; it just cannot represent more than one Dense layer can.",
    }),
    question("q8", f"section 5 of {LESSON}, on the cost: the mean cross-entropy.", {
        0.8393: "That is the sum of the three losses. The cost J is their mean: divide by m = 3.",
        0.1215: "That uses log10. The cross-entropy uses the natural logarithm.",
        0.2333: "That is the mean absolute error |y - a|. The cost is the cross-entropy, "
                "-(y log a + (1 - y) log(1 - a)), averaged.",
    }, tolerance=1e-3),
    question("q9", f"section 8 of {LESSON}, on how many hidden units.", {
        "b": "n_h = 4 scored 0.938 on both flowers, but n_h = 50 fitted the training flower best "
             "(0.960), and n_h = 3 tied n_h = 4 on the test flower.",
        "c": "Test accuracy fell from 0.938 (n_h = 3 and 4) to 0.922 (20) and 0.890 (50): the largest "
             "networks overfit.",
        "d": "One or two hidden units reached only about 69-71%: one or two soft lines cannot wrap "
             "the petals.",
    }),
    question("q10", f"section 4 of {LESSON}, on leaky ReLU and Keras's defaults.", {
        -0.02: "The course's leaky ReLU uses alpha = 0.01, but the Keras layer LeakyReLU defaults to "
               "negative_slope = 0.3.",
        -0.4: "0.2 is the default of the function keras.activations.leaky_relu; the layer "
              "keras.layers.LeakyReLU defaults to 0.3.",
        0.0: "That is ReLU. Leaky ReLU gives negative inputs a small slope instead of 0.",
        -2.0: "Negative inputs are multiplied by the small slope, 0.3 by default for the Keras layer.",
    }, tolerance=1e-3),
]
