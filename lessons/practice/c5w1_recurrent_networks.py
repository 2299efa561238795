"""Practice exercises of the C5W1 lesson (notebooks/c5_sequence_models/c5w1_recurrent_networks.ipynb):
gradient clipping by norm, one step of Keras's GRU, what an LSTM layer returns, and an LSTM's
parameters."""
import numpy as np

from lessons.practice import Exercise, Mistake


def _clip_by_norm(g, c):
    norm = np.linalg.norm(g)
    return g if norm <= c else g * (c / norm)


def _quiet(slip):
    """A slip as a learner would write it; its 0 / 0 on the zero gradient stays silent in the tests."""
    def quiet(g, c):
        with np.errstate(divide="ignore", invalid="ignore"):
            return slip(g, c)
    return quiet


clip_by_norm = Exercise(
    title="Clipping a gradient by its norm",
    answer=_clip_by_norm,
    cases=[(np.array([3.0, -40.0, 0.5]), 5.0), (np.array([0.3, -0.4]), 1.0), (np.array([3.0, 4.0]), 5.0),
           (np.array([[6.0, 8.0], [0.0, -24.0]]), 13.0), (np.array([1e3, -1e3]), 0.5), (np.zeros(3), 1.0)],
    mistakes=[
        Mistake(lambda g, c: np.clip(g, -c, c),
                "That clips by value: each entry is capped on its own, which changes the gradient's direction. "
                "Clipping by norm rescales the whole gradient, g * c / ||g||, when ||g|| > c."),
        Mistake(_quiet(lambda g, c: g * c / np.linalg.norm(g)),
                "You rescale every gradient to length c, also those already shorter than c (and the zero "
                "gradient, which gives 0 / 0). Only a gradient with ||g|| > c changes."),
        Mistake(_quiet(lambda g, c: g / np.linalg.norm(g) if np.linalg.norm(g) > c else g),
                "A long gradient should end up with length c, not length 1: multiply g / ||g|| by c."),
        Mistake(_quiet(lambda g, c: g * max(1.0, c / np.linalg.norm(g))),
                "With max you stretch short gradients up to length c and leave long ones alone: the opposite of "
                "clipping. Use min(1, c / ||g||), or rescale only when ||g|| > c."),
    ],
    hints=["Compute the norm with np.linalg.norm(g); it works for arrays of any shape.",
           "If the norm is at most c, return g unchanged; otherwise rescale g so that its norm becomes c.",
           "norm = np.linalg.norm(g); return g if norm <= c else g * (c / norm)"],
    solution=("def clip_by_norm(g, c):\n"
              "    norm = np.linalg.norm(g)\n"
              "    return g if norm <= c else g * (c / norm)"),
)

keras_gru_step = Exercise(
    title="One step of Keras's GRU",
    answer=0.67,
    mistakes=[
        Mistake(-0.37, "That is the course's convention, where the update gate multiplies the candidate. In "
                       "Keras z multiplies the old state: h = z * h_prev + (1 - z) * candidate."),
        Mistake(0.72, "You kept z * h_prev but dropped the candidate's share, (1 - z) * candidate."),
        Mistake(-0.05, "That is only the candidate's share, (1 - z) * candidate; add z * h_prev."),
    ],
    hints=["In Keras the update gate z multiplies the old state: h = z * h_prev + (1 - z) * candidate.",
           "0.9 * 0.8 + 0.1 * (-0.5)."],
    solution="0.67: h = z * h_prev + (1 - z) * candidate = 0.9 * 0.8 + 0.1 * (-0.5) = 0.72 - 0.05. "
             "z near 1 keeps the old state in Keras.",
)

lstm_outputs = Exercise(
    title="What an LSTM layer returns",
    answer=((4, 12, 8), (4, 8), (4, 8)),
    mistakes=[
        Mistake(((4, 8), (4, 8), (4, 8)), "With return_sequences=True the first output has a state for every "
                                          "one of the 12 steps: (batch, time, units)."),
        Mistake(((4, 12, 8), (4, 12, 8), (4, 12, 8)), "return_sequences concerns the first output only. The states "
                                                      "that return_state adds are the final ones, one per example: "
                                                      "(batch, units)."),
        Mistake(((4, 12, 8), (4, 8)), "An LSTM has two states, the hidden state a and the cell state c, so "
                                      "return_state adds two outputs (a GRU or SimpleRNN adds one)."),
        Mistake(((4, 12, 3), (4, 8), (4, 8)), "The outputs have the layer's 8 units on their last axis, not the "
                                              "3 input features."),
    ],
    hints=["return_state=True adds the final states after the output; an LSTM has two, a and c.",
           "The first output has one state per step, (batch, time, units); each final state is (batch, units)."],
    solution="((4, 12, 8), (4, 8), (4, 8)): every step's state, then the final a and the final c.",
)

lstm_parameters = Exercise(
    title="The parameters of an LSTM layer",
    answer=2368,
    mistakes=[
        Mistake(592, "That is one block of weights. An LSTM has four (gates i, f, o and the candidate c), each "
                     "with its own weights and biases."),
        Mistake(2304, "You left out the biases: each of the four blocks has one bias per unit."),
        Mistake(1776, "That is three blocks, a GRU's count. An LSTM has four: input, forget and output gates, "
                      "and the candidate."),
        Mistake(1344, "You left out the recurrent weights: each block reads the previous state a (16 numbers) "
                      "as well as the input x (20 numbers)."),
    ],
    hints=["Each of the LSTM's four blocks reads [a<t-1>; x<t>], n_a + n_x numbers, for each of its n_a units, "
           "and has n_a biases.",
           "One block has 16 * (16 + 20) weights and 16 biases.",
           "4 * (16 * (16 + 20) + 16)."],
    solution="2368: 4 * (n_a (n_a + n_x) + n_a) = 4 * (16 * 36 + 16).",
)
