"""Practice exercises of the C5W4 lesson (notebooks/c5_sequence_models/c5w4_transformers.ipynb): an
attention weight by hand, the parameter count of a MultiHeadAttention layer, a look-ahead mask, and which
mask the decoder's self-attention needs."""
import numpy as np

from lessons.practice import Exercise, Mistake

attention_weight = Exercise(
    title="An attention weight by hand",
    answer=0.8044,
    tolerance=1e-3,
    mistakes=[
        Mistake(0.8808, "You left out the scaling: the scores are divided by sqrt(d_k) = sqrt(2) before the softmax, "
                        "so the first query's scores are [1.4142, 0], not [2, 0]."),
        Mistake(0.7311, "You divided the scores by d_k = 2. The scale is sqrt(d_k) = 1.4142: the first query's scores "
                        "are [2, 0] / 1.4142 = [1.4142, 0]."),
        Mistake(0.6698, "You took the softmax down a column, over the queries. Each query's weights are a softmax "
                        "over the keys: along its row of Q K^T / sqrt(d_k)."),
        Mistake(1.4142, "1.4142 is the scaled score q1 . k1 / sqrt(2), before the softmax. The weight is the softmax "
                        "of the row [1.4142, 0]."),
    ],
    hints=["The first query's scores are its dot products with the two keys: q1 . k1 = 2 and q1 . k2 = 0.",
           "Divide both scores by sqrt(d_k) = sqrt(2), then take the softmax over the two keys.",
           "softmax([1.4142, 0])[0] = e^1.4142 / (e^1.4142 + e^0) = 1 / (1 + e^-1.4142)."],
    solution=("0.8044: the scores are [2, 0] / sqrt(2) = [1.4142, 0], and their softmax is "
              "[1 / (1 + e^-1.4142), 1 / (1 + e^1.4142)] = [0.8044, 0.1956]. The second query, [1, 1], scores both "
              "keys alike and gives each 0.5."),
)

mha_parameters = Exercise(
    title="The parameters of a MultiHeadAttention layer",
    answer=1_050_624,
    mistakes=[
        Mistake(1_048_576, "You counted the four kernels (4 x 512 x 512) but no biases: each of the query, key and "
                           "value projections has a bias of H x d_k = 512 numbers, and the output projection one of "
                           "d_model = 512."),
        Mistake(787_968, "You counted the query, key and value projections with their biases but not the output "
                         "projection W^O, which maps the 8 concatenated heads (8 x 64 = 512) back to d_model = 512: "
                         "512 x 512 + 512 more."),
        Mistake(786_432, "You counted only the query, key and value kernels. Add their biases (3 x 512) and the output "
                         "projection W^O with its bias (512 x 512 + 512)."),
        Mistake(1_050_112, "You forgot the output projection's bias: it has d_model = 512 numbers (shape (512,)), "
                           "where the other three biases have shape (heads, key_dim) = (8, 64)."),
        Mistake(131_328, "That is one head's query, key, value and output weights with a 64-wide output. The layer "
                         "has 8 heads: each projection's kernel is (512, 8, 64), 8 times one head's."),
        Mistake(8_404_992, "You multiplied by the number of heads twice. A kernel of shape (512, 8, 64) already holds "
                           "all 8 heads: 512 x 8 x 64 = 262,144 numbers."),
    ],
    hints=["List the layer's weights: query, key and value kernels of shape (d_model, heads, key_dim) with biases of "
           "shape (heads, key_dim), and an output kernel (heads, key_dim, d_model) with a bias of shape (d_model,).",
           "With 8 heads of key_dim 64, heads x key_dim = 512 = d_model, so each kernel has 512 x 512 numbers.",
           "4 kernels of 262,144 numbers, 3 biases of 512 and one bias of 512."],
    solution=("1,050,624 = 3 x (512 x 8 x 64 + 8 x 64) for the query, key and value projections "
              "+ (8 x 64 x 512 + 512) for the output projection = 4 x 512^2 + 4 x 512, the original Transformer's "
              "attention layer. keras.layers.MultiHeadAttention(num_heads=8, key_dim=64) built on 512-wide inputs "
              "reports the same count_params()."),
)


def _look_ahead_mask(n):
    return np.tril(np.ones((n, n), dtype=bool))


def _strictly_lower(n):
    return np.tril(np.ones((n, n), dtype=bool), k=-1)


def _hide_convention(n):
    return np.triu(np.ones((n, n), dtype=bool), k=1)


def _upper(n):
    return np.triu(np.ones((n, n), dtype=bool))


look_ahead_mask = Exercise(
    title="A look-ahead mask",
    answer=_look_ahead_mask,
    cases=[(1,), (2,), (4,)],
    mistakes=[
        Mistake(_strictly_lower,
                "Your mask hides the diagonal: a position must be able to attend to itself. With n = 1 your first row "
                "has nothing to attend to, and a softmax over nothing but -1e9 scores gives no useful weights."),
        Mistake(_hide_convention,
                "You marked the positions to hide, the convention of older TensorFlow code (mask * -1e9). Keras "
                "counts True as 'may attend': return the lower triangle, diagonal included."),
        Mistake(_upper,
                "Your row i is True for the positions from i on: each position would see the future and not the "
                "past. Row i (the query) should be True for the keys j <= i."),
    ],
    hints=["Row i is the query at position i; column j is a key. Position i may attend to position j when j <= i.",
           "That is the lower triangle of an n x n matrix of ones, diagonal included.",
           "np.tril(np.ones((n, n), dtype=bool))"],
    solution=("def look_ahead_mask(n):\n"
              "    return np.tril(np.ones((n, n), dtype=bool))"),
)

decoder_self_mask = Exercise(
    title="The decoder's self-attention mask",
    answer="c",
    mistakes=[
        Mistake("a", "With teacher forcing the decoder receives the whole target at once. Without a mask, the query "
                     "at position t could read the character it must predict from position t + 1, and would learn to "
                     "copy it: at translation time that character is not there yet."),
        Mistake("b", "The encoder's padding mask hides padded input characters. It belongs to the cross-attention, "
                     "whose keys are the encoder's positions; the decoder's self-attention has the decoder's "
                     "positions as keys."),
        Mistake("d", "The encoder's output is known in full before the decoder writes anything, so the "
                     "cross-attention may read every real input character; a look-ahead mask there would hide most "
                     "of the date being translated."),
    ],
    hints=["During training the decoder's input is the target shifted right by one (teacher forcing). What could the "
           "query at position t see if nothing were hidden?",
           "The self-attention's keys are the decoder's own positions; the future ones must stay hidden, in "
           "training as at translation time."],
    solution=("c: a look-ahead (causal) mask, so that position t attends to positions 1..t only, combined with the "
              "decoder's own padding mask if its inputs are padded. The encoder's padding mask goes to the "
              "cross-attention."),
)
