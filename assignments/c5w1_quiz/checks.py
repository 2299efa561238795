"""C5W1 quiz: each question's hint (where to read again) and why each wrong choice is wrong.
The right answers are the source notebook's, recorded in expected/; none reaches the kernel."""
from grader.checks import question

LESSON = "the lesson c5w1_recurrent_networks"

CHECKS = [
    question("q1", f"section 1.1 of {LESSON}, on the three shapes of sequence task.", {
        "a": "One output per word would tag each word; a review gets a single label at the end: many-to-one.",
        "b": "The output is not a sequence but one label for the whole review: many-to-one.",
        "d": "One-to-many reads one input (or none) and writes a sequence, like the name generator; here a "
             "sequence goes in and one label comes out.",
    }),
    question("q2", f"section 2.1 of {LESSON}, on the course's shapes; exercise 2 of the assignment "
                   "c5w1_rnn_step_by_step.", {
        (100, 27, 50): "That is Keras's layout, batch first and time second; the course's `a` keeps x's order: "
                       "(n_a, m, T_x).",
        (50, 100): "That is one step's state a<t>; rnn_forward returns the state at every step: (n_a, m, T_x).",
        (23, 100, 27): "The states have n_a = 50 rows, one per unit, not n_x = 23: (n_a, m, T_x).",
        (50, 27, 100): "The course keeps the examples on the second axis and time on the last: (n_a, m, T_x).",
    }),
    question("q3", f"sections 4.1 and 6.2 of {LESSON}, on the LSTM and Keras's layout of its weights.", {
        22272: "Each of the four blocks also has a bias of n_a = 64 numbers: 4 (64 (23 + 64) + 64) = 22,528.",
        16896: "That is three blocks, a GRU's count; an LSTM has four (i, f, c, o): 4 (64 (23 + 64) + 64) = 22,528.",
        5632: "That is one block; the LSTM has four, for the input, forget and output gates and the candidate: "
              "4 x 5,632 = 22,528.",
        24023: "That is the whole language model, with its Dense softmax layer (1,495); the LSTM alone has 22,528.",
        6016: "The recurrent kernel acts on the state (64) and the kernel on the input (23): each block has "
              "64 (23 + 64) + 64 parameters, and there are four blocks.",
    }),
    question("q4", f"section 4.2 of {LESSON}, on the GRU and its two conventions; exercise 5 of the assignment "
                   "c5w1_rnn_step_by_step.", {
        "b": "Keras's z multiplies the old state, so z near 1 keeps it; the course's Gamma_u multiplies the "
             "candidate. The two are related by z = 1 - Gamma_u.",
        "c": "If z were Gamma_u, Keras would keep the state where the course overwrites it: z = 1 - Gamma_u (negate "
             "the update gate's weights and bias to copy them across).",
        "d": "The course's Gamma_u near 1 overwrites the state with the candidate; only Keras's z near 1 keeps it. "
             "Some texts describe one convention in words and write the other: check the formula.",
    }),
    question("q5", f"section 4.1 of {LESSON}, on the LSTM and Keras's layout; exercise 3 of the assignment "
                   "c5w1_rnn_step_by_step.", {
        "b": "The gates are sigmoids, one per unit and independent; a softmax would tie the units together and "
             "could not open all of them at once (some notes say softmax here, a slip).",
        "e": "Keras's order is i, f, c, o; the lesson shows that copying the blocks as f, i, c, o gives a "
             "different network.",
    }, several=True),
    question("q6", f"section 3.1 of {LESSON}, on clipping by value and by norm; exercise 1 of the assignment "
                   "c5w1_name_generator.", {
        (5.0, -5.0): "That is clipping by value, each entry into [-5, 5], which turns the direction; by norm, "
                     "g is rescaled by 5 / ||g|| = 5 / 10.",
        (0.6, -0.8): "That rescales g to length 1; clipping by norm rescales it to length c = 5: g 5 / 10.",
        (6.0, -8.0): "||g|| = 10 is above c = 5, so the gradient is rescaled to length 5: g 5 / 10.",
    }, tolerance=1e-6),
    question("q7", f"section 3 of {LESSON}, on vanishing and exploding gradients over time.", {
        "c": "Clipping by value caps each entry separately and can turn the direction (cosine 0.8913 in the "
             "lesson); clipping by norm keeps it.",
        "e": "It is exploding gradients that show as huge numbers or NaN; vanishing gradients are silent: the early "
             "inputs just stop influencing learning.",
    }, several=True),
    question("q8", f"section 6.3 of {LESSON}, on sampling and the temperature; exercise 5 of the assignment "
                   "c5w1_name_generator.", {
        0.8: "That is temperature 1, the model's own distribution; at 0.5 each probability is squared and "
             "renormalised: 0.64 / (0.64 + 0.04).",
        0.6667: "That is temperature 2, which flattens; 0.5 sharpens: p^2 renormalised, 0.64 / 0.68.",
        0.64: "The squared probabilities must be renormalised to add up to 1: 0.64 / (0.64 + 0.04).",
    }, tolerance=1e-3),
    question("q9", f"section 5.2 of {LESSON}, on bidirectional and deep RNNs.", {
        (32, 10, 8): "Bidirectional runs a forward and a backward LSTM and concatenates their states by default: "
                     "8 + 8 = 16 features per step.",
        (32, 16): "return_sequences=True keeps every step: (batch, time, 2 x units).",
        (32, 20, 8): "The two directions are joined along the features of each step, not along time.",
        (32, 10, 3): "The output has the LSTMs' units (twice 8), not the input's 3 features.",
    }),
    question("q10", f"section 6.3 of {LESSON}, on sampling and the temperature.", {
        "b": "That swaps the temperatures: the lower temperature, 0.5, kept to the likeliest paths, so fewer of its "
             "names were new (48.5%) and more of those well formed (88.7%).",
        "c": "A language model trained on a list can reproduce names from it: at 0.5 more than half the samples "
             "(51.5%) were training names.",
        "d": "The lower temperature made its new names better, not worse: 88.7% of them well formed at 0.5, 58.6% "
             "at 1.0.",
    }),
]
