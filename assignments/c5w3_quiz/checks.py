"""C5W3 quiz: each question's hint (where to read again) and why each wrong choice is wrong.
The right answers are the source notebook's, recorded in expected/; none reaches the kernel."""
from grader.checks import question

LESSON = "the lesson c5w3_decoding_and_attention"
NMT = "the assignment c5w3_nmt_dates"
TRIGGER = "the assignment c5w3_trigger_word"

CHECKS = [
    question("q1", f"section 4.5 of {LESSON}, on training the date model.", {
        "a": "70 % is the least the grader asks of the assignment's translate exercise, not what the lesson "
             "measured: its model translated 99.7 % of the held-out dates exactly.",
        "b": "95.2 % is the assignment's trained weights on its own new dates (another recipe and other dates); "
             "the lesson's 6-epoch run translated 99.7 % exactly.",
        "d": "100.0 % was the share of single characters right; a date counts only when all ten are right, "
             "and 99.7 % of the dates were.",
    }),
    question("q2", f"section 2.4 of {LESSON}, on length normalisation.", {
        -0.6147: "T_y counts the </s> too: 8 tokens, so the score is -2.4 / 8^0.7, not -2.4 / 7^0.7.",
        -0.3: "That divides by T_y itself (alpha = 1, the mean per token); with alpha = 0.7 it is -2.4 / 8^0.7.",
        -2.4: "That is the plain log-probability (alpha = 0); the normalised score divides it by 8^0.7 = 4.29.",
        -10.289: "The score divides the log-probability by T_y^alpha; multiplying by 8^0.7 gives -10.29.",
    }, tolerance=1e-3),
    question("q3", f"section 2.3 of {LESSON}, on greedy and beam search.", {
        "b": "Beam search only keeps the B best partial sentences: the best whole sentence can start with a "
             "prefix that falls out of the beam. It finds likelier sentences than greedy, with no guarantee.",
        "d": "The logarithm is increasing, so sums of logs rank sentences exactly as products do; the logs are "
             "there because a product of many small probabilities underflows.",
        "e": "All the candidates of one step have the same length, so dividing by the same T_y^alpha keeps their "
             "order; the normalised score only chooses among finished sentences of different lengths.",
    }, several=True),
    question("q4", f"section 2.5 of {LESSON}, on error analysis: the search or the model?", {
        "a": "The search already found a sentence the model prefers to y* (7.4e-9 > 3.1e-9); a wider beam can only "
             "find sentences the model rates higher still, never y*.",
        "c": "Comparing P(y*|x) with P(y_hat|x) is the whole test: if the model prefers the worse sentence, the "
             "model is at fault, whatever the BLEU score.",
        "d": "A wider beam cannot help when P(y*|x) <= P(y_hat|x): the search did its job, and only the model "
             "(or its objective) can be improved.",
    }),
    question("q5", f"section 3 of {LESSON}, on clipped precision, and exercise 4 of {NMT}.", {
        0.25: "The 1/4 some course notes give holds only for a reference that starts with a capital 'The', "
              "compared with case kept. Here 'the' occurs twice in the first reference, so the clip is 2: 2/4.",
        0.75: "The clip is the most times 'the' occurs in any one reference (2), not the sum over the "
              "references (2 + 1): 2/4.",
        1.0: "That is the unclipped precision: each 'the' counts at most as often as it occurs in one reference, "
             "twice, so p_1 = 2/4.",
    }),
    question("q6", f"section 3 of {LESSON}, on the brevity penalty and which reference length, and exercise 5 of {NMT}.", {
        1.0: "That uses the shortest reference (6 words), as keras_hub's Bleu does; the course takes the closest, "
             "10 words, and 9 <= 10, so BP = e^(1 - 10/9).",
        1.1052: "r and c are swapped: BP = e^(1 - r/c) = e^(1 - 10/9), which is never above 1.",
        0.9: "That is c/r; the penalty is exponential: e^(1 - r/c) = e^(1 - 10/9).",
        1.3956: "That takes r = 6, which is not the closest length (10 is), and a candidate longer than r pays "
                "no penalty anyway (BP = 1, never above 1).",
    }, tolerance=1e-3),
    question("q7", f"sections 4.1, 4.3 and 4.7 of {LESSON}, on attention weights, shared layers and what attention costs.", {
        "b": "The last axis has length 1, so a softmax over it makes every weight 1; the weights must be "
             "normalised over the T_x input steps, axis 1: Softmax(axis=1).",
        "e": "The equations use one energy network for every step; its input, s<t-1>, is what lets each step look "
             "elsewhere. Layers made inside the function would be T_y separate networks with T_y sets of weights.",
    }, several=True),
    question("q8", f"section 4.3 of {LESSON}, on one step of attention, and exercise 1 of {NMT}.", {
        (8, 1, 16): "The encoder is bidirectional: each state a<t'> joins a forward and a backward state, "
                    "2 * 16 = 32 numbers.",
        (8, 20, 32): "Dot(axes=1) sums the weighted states over the 20 input steps; one context is left per "
                     "output step: (8, 1, 32).",
        (8, 32): "Dot(axes=1) keeps an axis of length 1: the context has shape (m, 1, 2 n_a), ready to be a "
                 "sequence of one step for the decoder's LSTM.",
        (8, 1, 48): "n_s is the decoder's width; the context averages the encoder's states, 2 * 16 = 32 numbers each.",
        (8, 1, 80): "The concatenation of a and the repeated state (80 numbers) only feeds the energies; the context "
                    "averages a alone, 32 numbers.",
    }),
    question("q9", f"section 5.1 of {LESSON}, on the CTC collapse, and exercise 4 of {TRIGGER}.", {
        "a": "The blank between the two spaces keeps both, as the blank in l_l keeps two l's: merge repeats first, "
             "then drop blanks. One space is what dropping the blanks first gives, and what some course notes print.",
        "c": "The space is a character like the letters; only the blank, _, is removed.",
    }),
    question("q10", f"exercise 3 of {TRIGGER}, on insert_ones, and section 5.3 of {LESSON}.", {
        50: "The word ends in step floor(1900 * 244 / 2000) = 231, and the labels stop at step 243: only steps "
            "232 to 243 are left, 12 of them.",
        13: "The step the word ends in (231) stays 0; the ones are the steps after it, 232 to 243.",
        11: "The step is floor(231.8) = 231, not 232: int() cuts the fraction, so the ones are steps 232 to 243.",
    }),
]
