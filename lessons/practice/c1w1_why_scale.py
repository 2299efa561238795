"""Practice exercises of the C1W1 lesson (notebooks/c1_neural_networks/c1w1_why_scale.ipynb):
one ReLU neuron computed by hand, the parameter count of a small Keras network, and which data
sets are unstructured."""
import numpy as np

from lessons.practice import Exercise, Mistake

neuron_by_hand = Exercise(
    title="One ReLU neuron by hand",
    answer=np.array([2.0, 0.0]),
    mistakes=[
        Mistake(np.array([2.0, -3.0]), "Your second output is negative, and a ReLU never returns a negative "
                                       "number: -3 is z, the weighted sum plus bias. Apply a = max(0, z)."),
        Mistake(np.array([3.0, 0.0]), "You left out the bias: add b = -1 to the weighted sum before the ReLU."),
        Mistake(np.array([3.0, -2.0]), "You left out both the bias and the ReLU: add b = -1 to each weighted sum, "
                                       "then replace a negative z by 0."),
        Mistake(np.array([4.0, 0.0]), "You added +1 for the bias; b is -1, so z = w . x - 1."),
    ],
    hints=["First the weighted sum plus bias, z = w1 x1 + w2 x2 + w3 x3 + b; then the ReLU, a = max(0, z).",
           "For x1: z = 2*1 + (-1)*0 + 0.5*2 + (-1). For x2: z = 2*0 + (-1)*3 + 0.5*2 + (-1).",
           "The two z are 2 and -3; the ReLU keeps the first and turns the second into 0."],
    solution="[2, 0]: z1 = 2 + 0 + 1 - 1 = 2, so a1 = 2; z2 = 0 - 3 + 1 - 1 = -3, so a2 = max(0, -3) = 0.",
)

parameter_count = Exercise(
    title="Parameters of a small network",
    answer=2410,
    mistakes=[
        Mistake(2368, "You counted the weights only: every unit of a Dense layer also has a bias, "
                      "so a layer has inputs x units + units parameters."),
        Mistake(2370, "One bias per unit, not one per layer: the Dense(32) layer has 32 biases and the "
                      "Dense(10) layer 10."),
        Mistake(2442, "Dropout has no parameters: it only switches off a random share of its inputs while "
                      "training, and learns nothing."),
        Mistake(2474, "keras.Input declares the shape of the input; it has no weights and no biases."),
    ],
    hints=["Only the Dense layers have parameters: a kernel of shape (inputs, units) and one bias per unit.",
           "The first Dense layer reads 64 inputs and has 32 units; the second reads the 32 outputs of the "
           "first (Dropout does not change the width) and has 10 units.",
           "(64 x 32 + 32) + (32 x 10 + 10)."],
    solution="2410: Dense(32) has 64 * 32 + 32 = 2080, Dropout 0, Dense(10) 32 * 10 + 10 = 330.",
)

_STRUCTURED = ("Each column of this table is a named quantity with a meaning of its own: that is structured "
               "data, even though it is all numbers.")
unstructured = Exercise(
    title="Which data sets are unstructured?",
    answer=frozenset("bde"),
    mistakes=[
        Mistake("a", _STRUCTURED),
        Mistake("c", _STRUCTURED),
    ],
    hints=["Ask of each data set: does one value, on its own, mean something a person could name?",
           "A floor area or an income means something alone; one audio sample, one character or one "
           "pixel almost nothing.",
           "Raw signals are unstructured: sound samples, text and pixels, even when pixels are stored "
           "as a row of numbers like digits.data."],
    solution="bde: the recordings (b), the review texts (d) and the photos (e) carry their meaning in patterns "
             "across many raw values; the flats (a) and the bank's customers (c) are tables of named quantities.",
)
