"""C5W4 quiz: each question's hint (where to read again) and why each wrong choice is wrong.
The right answers are the source notebook's, recorded in expected/; none reaches the kernel."""
from grader.checks import question

LESSON = "the lesson c5w4_transformers"
ASSIGNMENT = "the assignment c5w4_transformer"

CHECKS = [
    question("q1", f"section 2.3 of {LESSON}, on why the scores are divided by sqrt(d_k).", {
        "a": "0.1 is a uniform spread over 10 keys. Unscaled scores at d_k = 1024 have a standard deviation of "
             "about 32, so the softmax does the opposite: it puts almost all weight on one key (0.968 on average).",
        "b": "About 0.32 is the scaled attention, the same at every width. Without the scaling the largest weight "
             "climbed with d_k, to 0.968 at d_k = 1024.",
        "d": "A softmax of finite scores is never exactly 1; the run measured 0.968 on average, close to one key, "
             "with the entropy and the gradient near 0.",
    }),
    question("q2", f"section 2.1 of {LESSON}, on scaled dot-product attention.", {
        1.2384: "You left out the scaling: the scores q.k are [2, 0], divided by sqrt(2) they are [1.4142, 0], and "
                "the softmax of those is [0.8044, 0.1956]: 0.8044 x 1 + 0.1956 x 3.",
        1.5379: "You divided the scores by d_k = 2 instead of sqrt(d_k) = 1.4142.",
        2.0: "2 is the plain mean of the values, as if both keys scored alike. q.k1 = 2 and q.k2 = 0, so the "
             "first key gets more weight: 0.8044 x 1 + 0.1956 x 3.",
        0.8044: "0.8044 is the weight of the first key. The output is the weighted sum of the values: "
                "0.8044 x 1 + 0.1956 x 3.",
        1.0: "Attention does not pick the best key; it averages the values with softmax weights: "
             "0.8044 x 1 + 0.1956 x 3.",
    }, tolerance=1e-3),
    question("q3", f"section 3.3 of {LESSON}, on counting the parameters of multi-head attention.", {
        4224: "4 d^2 + 4 d holds only when heads x key_dim = d_model. Here 2 x 8 = 16, not 32: each kernel has "
              "32 x 2 x 8 = 512 numbers, each of the three input biases 2 x 8 = 16, and the output bias 32.",
        2048: "You counted the four kernels (4 x 512) but no biases: 3 x 16 for the query, key and value "
              "projections and 32 for the output projection.",
        1584: "You left out the output projection W^O, shape (2, 8, 32), with its bias of 32: 512 + 32 more.",
        2096: "You forgot the output projection's bias, which has d_model = 32 numbers.",
    }),
    question("q4", f"section 2.2 of {LESSON}, on the layout of keras.ops.dot_product_attention.", {
        (8, 4, 20, 16): "That is the course's layout (B, H, T, D) unchanged. keras.ops.dot_product_attention wants "
                        "positions before heads: (B, T, H, D).",
        (8, 16, 20, 4): "The batch and depth stay where they are; only the heads and positions swap places: "
                        "(B, T, H, D).",
        (8, 4, 16, 20): "That swaps the last two axes, as K^T does inside the formula; the function does that "
                        "itself. It wants (B, T, H, D).",
        (8, 20, 16, 4): "Only the heads and positions swap; the depth stays last: (B, T, H, D) = (8, 20, 4, 16).",
    }),
    question("q5", f"sections 4.1 to 4.3 of {LESSON}, on positional encoding.", {
        "b": "It is the other way round: sine on the even dimensions 2i, cosine on the odd ones 2i + 1. That is "
             "why position 0, with every angle 0, reads [sin 0, cos 0, ...] = [0, 1, 0, 1, ...].",
        "d": "SinePositionEncoding returns only the encoding, broadcast to the input's shape; the model adds it "
             "to the embeddings itself.",
    }, several=True),
    question("q6", f"section 5 of {LESSON}, on masks and Keras's convention, True = may attend.", {
        "a": "Keras does not inspect a mask's meaning: 1 (or True) always means 'may attend'. A mask written in "
             "the 'hide' convention does the opposite of what was meant.",
        "c": "Keras accepts 0/1 numbers as well as booleans; it reads 1 as 'may attend', so no error warns you.",
        "d": "use_causal_mask=True is the lower triangle (keys j <= i); np.triu(..., k=1) is the strict upper "
             "triangle (keys j > i), its complement.",
    }),
    question("q7", f"sections 5, 6.1, 6.2 and 6.4 of {LESSON}, on which mask goes where.", {
        "d": "The encoder's output is complete before decoding starts; the cross-attention may read every real "
             "input character and hides only the pads.",
        "e": "The encoder reads the whole input at once, in both directions; only the decoder must not see "
             "the future of what it writes.",
    }, several=True),
    question("q8", f"section 6.3 of {LESSON}, on teacher forcing.", {
        "a": "If the input were the target itself, position t would hold the very character it must predict "
             "(the look-ahead mask lets it see itself). The input is the target shifted right by one.",
        "c": "Teacher forcing gives the true previous characters, not the model's own predictions; that is "
             "what lets all ten positions train in one pass.",
        "d": "The decoder does see the target during training, shifted right by one; the look-ahead mask keeps "
             "each position from seeing the character it predicts.",
    }),
    question("q9", f"section 6.2 of {LESSON}, on the decoder layer, and the exercise decoder_layer of {ASSIGNMENT}.", {
        (32, 4, 30, 10): "The queries come from the decoder (10 positions) and the keys from the encoder (30): "
                         "(batch, heads, queries, keys) = (32, 4, 10, 30).",
        (32, 4, 10, 10): "That is the shape of the decoder's self-attention weights. The cross-attention's keys "
                         "are the encoder's 30 positions.",
        (32, 10, 4, 30): "Keras returns the heads before the positions: (batch, heads, queries, keys).",
        (32, 4, 30, 30): "That is the encoder's self-attention. The cross-attention's queries are the decoder's "
                         "10 positions.",
    }),
    question("q10", f"section 7 of {LESSON}, on encoder-only, decoder-only and encoder-decoder models.", {
        "d": "A decoder-only model has no encoder, so its decoder layers have no cross-attention: the prompt is "
             "read by the same causal self-attention as the text it writes.",
        "e": "BERT's attention is bidirectional, with no causal mask; it reads text to classify or tag it and "
             "does not generate left to right.",
    }, several=True),
]
