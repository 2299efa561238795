"""Practice exercises of the C1W3 lesson (notebooks/c1_neural_networks/c1w3_one_hidden_layer.ipynb):
the shapes of a 2-layer network's first-layer arrays, the bias gradient db summed over the
examples, and which initial weights break the symmetry between hidden units."""
import numpy as np

from lessons.practice import Exercise, Mistake

layer_shapes = Exercise(
    title="The shapes of W1, b1 and Z1",
    answer=((5, 3), (5, 1), (5, 200)),
    mistakes=[
        Mistake(((3, 5), (5, 1), (5, 200)),
                "W1 has one row per hidden unit and one column per input: (n_h, n_x). (3, 5) is the shape of "
                "Keras's kernel, its transpose."),
        Mistake(((5, 3), (5,), (5, 200)),
                "b1 is a column of shape (n_h, 1), so that NumPy broadcasts it over the m columns of W1 X. "
                "A flat (n_h,) vector would broadcast along the wrong axis."),
        Mistake(((5, 3), (5, 200), (5, 200)),
                "There is one bias per hidden unit, shared by all examples: b1 has shape (n_h, 1), and "
                "broadcasting copies it to every column."),
        Mistake(((5, 3), (5, 1), (200, 5)),
                "In the course's layout examples are columns: Z1 = W1 X has shape (n_h, m)."),
        Mistake(((3, 5), (5,), (200, 5)),
                "Those are Keras's shapes (kernel, bias, outputs with examples as rows). The course's NumPy "
                "layout puts examples in columns and stores W1 as (n_h, n_x)."),
    ],
    hints=["Here n_x = 3, n_h = 5 and m = 200. The notation section gives W[l] as (n_l, n_(l-1)) and b[l] "
           "as (n_l, 1).",
           "Z1 = W1 X + b1: a matrix product of (n_h, n_x) and (n_x, m).",
           "W1 is (5, 3), b1 is (5, 1), and Z1 has one row per hidden unit and one column per example."],
    solution="((5, 3), (5, 1), (5, 200)): W1 is (n_h, n_x), b1 is (n_h, 1), and Z1 = W1 X + b1 is "
             "(5, 3) @ (3, 200) = (5, 200), with b1 broadcast over the 200 columns.",
)


def _db(dZ):
    return np.sum(dZ, axis=1, keepdims=True) / dZ.shape[1]


_RNG = np.random.default_rng(3)
bias_gradient = Exercise(
    title="The bias gradient db",
    answer=_db,
    cases=[(_RNG.standard_normal((4, 5)),), (np.array([[0.5, -1.0, 2.0]]),),
           (np.array([[0.3], [-0.2], [1.5]]),), (_RNG.standard_normal((2, 6)),)],
    mistakes=[
        Mistake(lambda dZ: np.sum(dZ, axis=1) / dZ.shape[1],
                "Right numbers, wrong shape: without keepdims=True the sum is a flat vector of shape (n,), "
                "and b - alpha * db would broadcast it into an (n, n) matrix. Keep the column: keepdims=True."),
        Mistake(lambda dZ: np.sum(dZ, axis=1, keepdims=True),
                "You sum the examples' contributions but do not average them: J is a mean over m examples, "
                "so divide by m = dZ.shape[1]."),
        Mistake(lambda dZ: np.sum(dZ, axis=0, keepdims=True) / dZ.shape[1],
                "You sum over axis 0, across the units. The examples are the columns: sum along axis=1."),
        Mistake(lambda dZ: np.mean(dZ),
                "np.mean(dZ) averages over units and examples together into one number. Each unit has its "
                "own bias: average each row, over the examples only."),
    ],
    hints=["db has the shape of b, (n, 1): one number per unit, the average of that unit's dZ over the "
           "m examples.",
           "The examples are the columns of dZ, so the sum runs along axis=1; m is dZ.shape[1].",
           "np.sum(dZ, axis=1, keepdims=True) / dZ.shape[1]."],
    solution=("def bias_gradient(dZ):\n"
              "    m = dZ.shape[1]\n"
              "    return np.sum(dZ, axis=1, keepdims=True) / m"),
)

_SAME_ROWS = "Every hidden unit starts with the same weights here, so they compute the same thing and get the same "
breaks_symmetry = Exercise(
    title="Which initial weights break the symmetry?",
    answer=frozenset("cd"),
    mistakes=[
        Mistake("a", _SAME_ROWS + "gradient for ever; with zeros and tanh the gradients of W1 are even 0."),
        Mistake("b", _SAME_ROWS + "gradient for ever, as the constant 0.5 run in this section shows."),
        Mistake("e", "The numbers are random, but np.tile copies one random row to all 4 units: every unit "
                     "starts with the same two weights, and identical units stay identical."),
    ],
    hints=["Symmetry is broken when the hidden units (the rows of W1) start different from one another.",
           "Look at the rows, not at whether a random generator is called: which choices give each of the "
           "4 rows its own numbers?",
           "Two choices draw a fresh number for every entry of W1. Breaking the symmetry says nothing about "
           "the scale being good."],
    solution="cd: both draw every weight independently, so the units differ. (d) breaks the symmetry but is a "
             "bad start: weights of order 10 put tanh in its flat region, where gradients nearly vanish. "
             "(a), (b) and (e) give all 4 rows the same weights.",
)
