"""C1W4 quiz: each question's hint (where to read again) and why each wrong answer is wrong.
The right answers are the source notebook's, recorded in expected/; none reaches the kernel."""
from grader.checks import question

LESSON = "the lesson c1w4_deep_network_three_apis"

CHECKS = [
    question("q1", f"section 2 of {LESSON}, on notation and shapes: layer l has n[l] n[l-1] + n[l] parameters.", {
        245940: "Each unit has a bias too: 20 + 7 + 5 + 1 = 33 more.",
        245780: "That is the first layer alone (12288 * 20 + 20). Layers 2, 3 and 4 add 147, 40 and 6.",
        245972: "The output unit has a bias too: its layer has 5 weights and 1 bias.",
    }),
    question("q2", f"section 2 of {LESSON}, on the shape of W[l]: (n[l], n[l-1]).", {
        (7, 5): "That is the shape of Keras's kernel, the transpose. W[3] has one row per unit of layer 3 "
                "(5) and one column per input it reads (7).",
        (5, 1): "That is the shape of b[3], one bias per unit.",
        (5, 209): "That is the shape of Z[3] and A[3] on the 209 training pictures: one column per example.",
    }),
    question("q3", f"section 8 of {LESSON}, on Keras's layout: kernel = W.T, bias = b.ravel().", {
        (20, 12288): "That is W[1] in the course's layout. Keras puts examples in rows and computes "
                     "inputs @ kernel, so its kernel is W[1].T.",
        (20,): "That is the shape of the bias, b[1].ravel().",
        (20, 1): "That is the shape of b[1] in NumPy. The kernel holds the 12288 * 20 weights.",
    }),
    question("q4", f"section 7 of {LESSON}, on parameters and hyperparameters.", {
        "c": "W[1] is a parameter: training learns it by gradient descent.",
        "d": "b[2] is a parameter: training learns it by gradient descent.",
    }, several=True),
    question("q5", f"section 3 of {LESSON}, on initialisation and its names.", {
        "a": "1/n_in is LeCun initialisation. Some course notes call it Xavier, but Glorot's (Xavier's) "
             "rule averages fan-in and fan-out: 2/(n_in + n_out).",
        "c": "2/n_in is He initialisation, the usual choice for ReLU layers; it is not Keras's default.",
        "d": "The course's NumPy code uses randn * 0.01 for small networks; Keras's Dense uses Glorot "
             "uniform, scaled to the layer's size.",
    }),
    question("q6", f"section 11.1 of {LESSON}, on how Keras computes the cross-entropy.", {
        16.1181: "That is the clipped form, -log(1e-7), for probabilities with no logits behind them. A "
                 "model's sigmoid output carries its logits, and Keras uses the with-logits form: the "
                 "loss is about |z| = 30, with no cap.",
        float("inf"): "The with-logits form, max(z, 0) - z y + log(1 + e^-|z|), never takes the log of 0; "
                      "a confidently wrong answer costs about |z|.",
        0.0: "A loss near 0 is what z = +30 costs an example of class 1. At z = -30 the model is "
             "confidently wrong.",
        0.6931: "log 2 is the loss at z = 0. At z = -30 the loss is about |z|.",
    }, tolerance=1e-3),
    question("q7", f"section 11 of {LESSON}, on training in Keras from the same starting point.", {
        "b": "Keras's SGD has no momentum unless you ask for it; it retraced NumPy's gradient descent.",
        "c": "Both sides computed in float32; the costs differed by about 1e-7 and the accuracies were "
             "identical.",
        "d": "The lesson fed fit one batch, the whole training set, as a tf.data.Dataset: every epoch was "
             "one full-batch step, with nothing to shuffle.",
    }),
    question("q8", f"section 5 of {LESSON}, on backward propagation and dA[L].", {
        1.25: "Mind the sign: dA[L] = -(y/a - (1 - y)/(1 - a)) = -(1/0.8) = -1.25. Raising a lowers the "
              "loss, so the derivative is negative.",
        -0.2: "That is dZ[L] = a - y, after multiplying by the sigmoid's slope. dA[L] is the derivative "
              "with respect to a itself: -(y/a - (1 - y)/(1 - a)).",
        3.75: "With y = 1 the term (1 - y)/(1 - a) vanishes: dA[L] = -(1/0.8) = -1.25.",
    }, tolerance=1e-3),
    question("q9", f"section 10 of {LESSON}, on which API when.", {
        "a": "Sequential is one straight stack with one input and one output: no shared layers, no "
             "second input.",
    }, several=True),
    question("q10", f"section 4 of {LESSON}, on forward propagation with caches.", {
        5: "The input is layer 0: it has no weights and no cache. L counts the layers with weights: 4.",
        3: "The output layer keeps a cache too; backpropagation starts from it. One cache per layer with "
           "weights: 4.",
    }),
]
