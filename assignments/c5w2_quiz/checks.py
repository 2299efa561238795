"""C5W2 quiz: each question's hint (where to read again) and why each wrong choice is wrong.
The right answers are the source notebook's, recorded in expected/; none reaches the kernel."""
from grader.checks import question

LESSON = "the lesson c5w2_word_embeddings"

CHECKS = [
    question("q1", f"section 1.3 of {LESSON}, on the embedding matrix and the Embedding layer.", {
        (64, 20, 10000): "That is the shape of the one-hot vectors; the layer looks up a row of 300 numbers for each "
                         "id, so it appends an axis of length 300.",
        (64, 300): "The layer keeps one vector per token: nothing averages over the 20 tokens.",
        (10000, 300): "That is the shape of the layer's weights, one row per word; its output has one row per token "
                      "of the batch.",
        (64, 20, 10000, 300): "Each id is replaced by its row: the output appends one axis of length 300 to the ids' shape.",
    }),
    question("q2", f"section 2.5 of {LESSON}, on the cosine similarity.", {
        4: "That is the dot product u . v; the cosine divides it by both lengths: 4 / (3 * sqrt(5)).",
        4 / 3: "That divides by the length of u only (3); the cosine divides by both, 3 * sqrt(5).",
        6 ** 0.5: "That is the Euclidean distance ||u - v||; the cosine is u . v / (||u|| ||v||) = 4 / (3 * sqrt(5)).",
        0.8: "||v|| = sqrt(4 + 0 + 1) = sqrt(5), not 5/3: the cosine is 4 / (3 * sqrt(5)).",
    }, tolerance=1e-3),
    question("q3", f"section 3 of {LESSON}, on analogies, and section 2.5, on the lengths of the vectors.", {
        "b": "moscow occurs 28 times in the corpus and has a vector; it is the shortest of all, so the 50 "
             "directions say little about it.",
        "c": "The cosine ignores lengths; it is the Euclidean distance that is fooled by them. The trouble is that "
             "moscow's short vector keeps too little of its PPMI row.",
        "d": "Only a, b and c (egypt, cairo, russia) are excluded; moscow was a candidate and lost to berlin by "
             "0.975 against 0.994.",
    }),
    question("q4", f"section 4.1 of {LESSON}, on hierarchical softmax.", {
        1000000: "That is the full softmax, one score per word; a balanced tree needs one decision per level: "
                 "log2(1,000,000), about 20.",
        6: "The tree is binary: log base 2, not 10. log2(1,000,000) is about 20.",
        13.8: "That is the natural log; a binary tree has log2(1,000,000), about 20 levels.",
        500000: "Each decision halves the candidates: log2(1,000,000), about 20 decisions, not V / 2.",
    }, tolerance=0.03),
    question("q5", f"section 4.2 of {LESSON}, on the skip-gram pairs.", {
        18: "Those are the positive pairs (2 + 3 + 4 + 4 + 3 + 2); each also brings 4 negatives: 18 * 5 = 90.",
        72: "Those are the negatives alone; the 18 positive pairs count too: 18 + 72 = 90.",
        24: "The words near the ends have fewer neighbours: 2 + 3 + 4 + 4 + 3 + 2 = 18 positives, and with "
            "4 negatives each, 90 pairs.",
        120: "The words near the ends have fewer than 4 neighbours: 18 positives, not 24, so 18 * 5 = 90.",
        30: "Each word's context reaches 2 words on each side, not 1: 18 positives, and 18 * 5 = 90 pairs.",
    }),
    question("q6", f"section 4.1 of {LESSON}, on the skip-gram softmax.", {
        0.6052: "That divides by 12.21, a misprinted sum in some course notes; e^2 + e^1 + e^0.1 = 11.2125, so "
                "the probability is 7.389 / 11.2125 = 0.6590.",
        0.8808: "That is sigmoid(2), negative sampling's yes/no probability for one pair; the softmax divides e^2 by "
                "the sum over all three words.",
        0.6452: "The softmax divides exponentials, not the scores themselves: e^2 / (e^2 + e^1 + e^0.1).",
        0.2424: "That is the second word's probability, e^1 / 11.2125; the word scored 2 gets e^2 / 11.2125.",
    }, tolerance=1e-3),
    question("q7", f"section 4.1 of {LESSON}, on skip-gram, CBOW, hierarchical softmax and negative sampling.", {
        "c": "Negative sampling computes no softmax at all: k + 1 sigmoids per pair, one dot product each, instead "
             "of V.",
        "e": "It is the other way round: a Huffman tree gives the frequent words short paths, so the common "
             "predictions are the cheapest.",
    }, several=True),
    question("q8", f"section 5 of {LESSON}, on GloVe.", {
        "b": "The loss really fell: GloVe fitted the counts almost exactly. Fitting them is easy with more "
             "parameters than counts, and says nothing about the rest.",
        "c": "On billions of words GloVe's paper reports analogies as good as word2vec's; our toy corpus has too "
             "few nonzero counts for its parameters.",
        "d": "The lesson's vectors were already the average (w + c) / 2.",
    }),
    question("q9", f"section 6.2 of {LESSON}, on neutralising.", {
        (0.0, 2.0, 2.0): "That is the projection on g, the part to remove; the debiased vector is e minus it: "
                         "(2, 1, 3) - (0, 2, 2).",
        (2.0, -3.0, -1.0): "The projection divides e . g = 4 by ||g||^2 = 2: it is 2 g = (0, 2, 2), not 4 g.",
        (2.0, -1.8284, 0.1716): "The projection divides by ||g||^2 = 2, not ||g|| = sqrt(2): e - 2 g.",
    }, tolerance=1e-3),
    question("q10", f"section 7.3 of {LESSON}, on whether word order matters.", {
        "b": "89.0% was the average model's score on all 500 test sentences; on the negated ones it got only 70.5%.",
        "c": "The average of 'i am not sad' is almost the average of 'i am sad': the average model cannot read the "
             "'not' and got 70.5%; the LSTM, reading in order, 100%.",
        "d": "Reversed: the average cannot see word order, so 'not' escapes it (70.5%); the LSTM got all of "
             "them right.",
    }),
]
