"""Practice exercises of the C1W4 lesson (notebooks/c1_neural_networks/c1w4_deep_network_three_apis.ipynb):
the parameter count of an L-layer network, the ReLU step of backpropagation, parameters versus
hyperparameters, and which Keras API fits a model with two inputs."""
import numpy as np

from lessons.practice import Exercise, Mistake

parameter_count = Exercise(
    title="Parameters of a [100, 8, 4, 1] network",
    answer=849,
    mistakes=[
        Mistake(836, "You counted the weights only. Each layer also has one bias per unit: "
                     "n[l] n[l-1] + n[l] parameters."),
        Mistake(949, "Layer 0 is the input X: it has no weights and no biases. Count layers 1 to L."),
        Mistake(948, "There is one bias per unit of layer l, n[l] of them, not one per input n[l-1]."),
    ],
    hints=["Layer l has a W[l] of shape (n[l], n[l-1]) and a b[l] of shape (n[l], 1); the input layer has none.",
           "Layer 1: 8 x 100 + 8. Layer 2: 4 x 8 + 4. Layer 3: 1 x 4 + 1.",
           "808 + 36 + 5."],
    solution="849: 8 * 100 + 8 = 808, 4 * 8 + 4 = 36, 1 * 4 + 1 = 5.",
)


def _relu_backward(dA, Z):
    return dA * (Z > 0)


_RNG = np.random.default_rng(4)
relu_backward = Exercise(
    title="The ReLU step of backpropagation",
    answer=_relu_backward,
    cases=[(np.array([[0.5, -1.0, 2.0]]), np.array([[1.5, -0.3, -2.0]])),
           (_RNG.standard_normal((3, 4)), _RNG.standard_normal((3, 4))),
           (np.array([[0.7, -0.4], [1.2, 3.0]]), np.array([[-1.0, -0.5], [-2.0, -0.1]])),
           (np.array([[-2.5]]), np.array([[4.0]]))],
    mistakes=[
        Mistake(lambda dA, Z: dA * Z,
                "You multiply dA by Z. The chain rule multiplies by the derivative ReLU'(Z): 1 where Z > 0, "
                "0 elsewhere."),
        Mistake(lambda dA, Z: dA * np.maximum(Z, 0),
                "You multiply by ReLU(Z), the activation. The chain rule needs its derivative, ReLU'(Z), which is "
                "1 (not Z) where Z > 0."),
        Mistake(lambda dA, Z: (Z > 0).astype(float),
                "That is ReLU'(Z) alone. dZ = dA * ReLU'(Z): multiply by the gradient dA arriving from above."),
        Mistake(lambda dA, Z: dA * (dA > 0),
                "You test the sign of dA. Whether the gradient passes depends on the unit's input Z: the cache's Z."),
    ],
    hints=["dZ = dA * g'(Z), element by element, with g = ReLU.",
           "ReLU'(z) is 1 for z > 0 and 0 otherwise, so dZ equals dA where Z > 0 and 0 where Z <= 0.",
           "In NumPy, (Z > 0) is an array of True and False that multiplies as 1 and 0: return dA * (Z > 0)."],
    solution=("def relu_backward(dA, Z):\n"
              "    return dA * (Z > 0)"),
)

_LEARNT = "is learnt by gradient descent from the data: a parameter, not a hyperparameter."
hyperparameters = Exercise(
    title="Which are hyperparameters?",
    answer=frozenset("acef"),
    mistakes=[
        Mistake("b", "W[1] " + _LEARNT),
        Mistake("d", "b[3] " + _LEARNT),
    ],
    hints=["A hyperparameter is chosen before training; a parameter is a number gradient descent changes.",
           "Ask of each one: does the update W := W - alpha dW, b := b - alpha db ever change it?",
           "Only the weights and the biases are updated; the four choices that decide how they are "
           "found and how many there are are hyperparameters."],
    solution="acef: the learning rate, the width of layer 2, the number of iterations and the initialisation's "
             "scale are chosen; W[1] (b) and b[3] (d) are learnt.",
)

which_api = Exercise(
    title="Which API for two inputs?",
    answer="b",
    mistakes=[
        Mistake("a", "A Sequential model is one stack: one input flowing through the layers in order. It cannot "
                     "take a picture and a caption as two inputs and merge them."),
        Mistake("c", "Subclassing can express it, but it is not the simplest: the graph here is fixed, with no "
                     "loops or conditions that depend on the data, so the Functional API can describe it and "
                     "lets Keras show every layer's shape."),
    ],
    hints=["Does the model need anything beyond a fixed graph of layers, such as Python control flow that "
           "depends on the data?",
           "Two inputs merged into one output make a graph, not a single stack.",
           "The API of section 10's pair_net: keras.Input twice, layers called on tensors, keras.Model(inputs, "
           "outputs)."],
    solution="b: two inputs and a merge make a graph of layers, which the Functional API describes; Sequential "
             "has one input and one path, and subclassing is needed only when the forward pass needs arbitrary "
             "Python.",
)
