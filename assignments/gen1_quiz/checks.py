"""gen1 quiz (the generative track, topic 1): each question's hint (where to read again) and why each wrong
choice is wrong. The right answers are the source notebook's, recorded in expected/; none reaches the kernel."""
from grader.checks import question

LESSON = "the lesson gen1_text_generation"

CHECKS = [
    question("q1", f"section 1.5 of {LESSON}, on perplexity and its baselines.", {
        "a": "About 0.74 was the held-out cross-entropy in nats, the mean of -log p over the real tokens. "
             "Perplexity is its exponential: e^0.735 = 2.09.",
        "c": "About 17 was the unigram model's perplexity, a model that ignores the context. The Transformer, "
             "which reads the prefix, scored about 2.1.",
        "d": "22 is the perplexity of the uniform model over the 22 tokens a name can contain: it knows nothing. "
             "The trained model scored about 2.1.",
    }),
    question("q2", f"section 1.5 of {LESSON}, on perplexity as the inverse geometric mean of the probabilities.", {
        1.2130: "That is the mean cross-entropy, -mean(log p) = 1.2130 nats. Perplexity is its exponential, "
                "e^1.2130 = 3.3636.",
        2.9091: "That is 1 / (the arithmetic mean of the probabilities). Perplexity uses the geometric mean: "
                "(0.5 x 0.25 x 0.5 x 0.125)^(-1/4) = 128^(1/4) = 3.3636.",
        128.0: "128 is 1 / (the product of the probabilities). Take its 4th root, one per token: 128^(1/4) = 3.3636.",
        0.2973: "That is the geometric mean of the probabilities itself, 128^(-1/4). Perplexity is its inverse: 3.3636.",
    }, tolerance=1e-3),
    question("q3", f"section 2.1 of {LESSON}, on temperature as the softmax of the logits divided by T.", {
        0.6052: "You divided e^2 = 7.389 by 12.21, the sum some course notes print. The sum is "
                "e^2 + e^1 + e^0.1 = 7.389 + 2.718 + 1.105 = 11.2125, so p = 7.389 / 11.2125 = 0.6590.",
        0.6452: "You divided the logit 2.0 by the sum of the logits (3.1). Logits are not probabilities: "
                "take the softmax, e^z_i / sum_j e^z_j.",
        0.3333: "At T = 1 the distribution is the softmax of the logits, not uniform (that is T -> infinity).",
        1.0: "Probability 1 for the top token is the limit T -> 0 (greedy decoding). At T = 1 the softmax gives 0.6590.",
    }, tolerance=1e-3),
    question("q4", f"section 2.1 of {LESSON}, on reweighting a distribution as p^(1/T), renormalised.", {
        0.7826: "You raised p to the power T = 2, which sharpens. The temperature divides the exponent: "
                "p^(1/2), so T = 2 flattens the distribution and the top token's share falls below 0.6.",
        0.6: "0.6 is the probability at T = 1; at T = 2 take square roots and renormalise.",
        0.7746: "0.7746 is sqrt(0.6) before renormalising: divide by sqrt(0.6) + sqrt(0.3) + sqrt(0.1) = 1.6385.",
        0.3789: "You took the softmax of p / T, as if the probabilities were logits. The distribution at "
                "temperature T is p^(1/T) renormalised, the softmax of the *logits* divided by T.",
    }, tolerance=1e-3),
    question("q5", f"section 2.2 of {LESSON}, on top-p: the token that carries the total over p is kept.", {
        3: "The first three reach only 0.75, short of 0.8. The nucleus is the smallest set whose total reaches p, "
           "so it includes the fourth token (0.10), which takes the total to 0.85.",
        5: "0.35 + 0.25 + 0.15 + 0.10 = 0.85 already reaches 0.8: stop at the fourth token.",
        6: "That is every token. Top-p keeps only the most probable ones, until their total reaches p = 0.8.",
    }),
    question("q6", f"sections 2.3 and 2.4 of {LESSON}, on greedy and beam search and their loops.", {
        "c": "Beam search keeps only the B best partial sequences at each step: the most probable whole sequence "
             "can start with a prefix that falls out of the beam. It finds likelier sequences than greedy, with "
             "no guarantee.",
        "e": "On the lesson's table the looping sentence stayed in the beam of 3 (third, after two finished "
             "sentences). A wider beam searches better for probable sequences, and a likely loop is one; what "
             "removed the loop was n-gram blocking.",
    }, several=True),
    question("q7", f"section 2.4 of {LESSON}, on n-gram blocking and keras_hub's samplers.", {
        "a": "keras_hub 0.32's samplers have no such argument (the lesson lists their arguments): BeamSampler "
             "passes it on to Sampler, which raises a TypeError. Blocking goes into the next() function.",
        "c": "Top-p cuts the unlikely tail of each step's distribution; it does not look at what the sequence "
             "already contains, and with a small p it is nearly greedy, which loops.",
        "d": "Temperature flattens each step's distribution but forbids nothing: a repeated bigram stays possible, "
             "and beam search still prefers a likely loop.",
    }),
    question("q8", f"section 3 of {LESSON}, on distinct-n, and the practice exercise there.", {
        0.5: "You joined the two names into 'abababc', which adds a bigram across the join. Take each name's "
             "bigrams on their own: ab, ba, ab from 'abab' and ab, bc from 'abc'.",
        0.8333: "You averaged each name's own ratio (2/3 and 2/2). Distinct-n pools the bigrams of all the names: "
                "3 distinct of 5.",
        0.8: "You counted the distinct bigrams of each name separately (2 + 2) so that 'ab' counts twice. Use one "
             "set over both names: ab, ba, bc, 3 of 5.",
        3: "3 is the number of distinct bigrams; divide by the total number of bigrams, repeats included (5).",
        0.75: "'abab' has three bigrams (ab, ba, ab), not two: the total is 3 + 2 = 5, and 3 of them are distinct.",
    }, tolerance=1e-3),
    question("q9", f"section 3 of {LESSON}, on the coherence-diversity trade-off.", {
        "b": "Higher temperatures do write more novel names, but fewer of them are well-formed: at T = 2 most "
             "were strings no dinosaur has, and the model itself found them unlikely.",
        "c": "Novelty rose with the temperature (from about half of the names at T = 0.5 to almost all at T = 2): "
             "a flatter distribution strays further from the memorised names.",
        "d": "It is the other way round: low temperatures copy the likeliest, memorised names (few novel, mostly "
             "well-formed) and high temperatures invent, mostly badly.",
    }),
    question("q10", f"section 4 of {LESSON}, on teacher forcing, exposure bias, scheduled sampling and professor forcing.", {
        "c": "That is professor forcing. Scheduled sampling feeds the model its own tokens in place of the true "
             "ones during training, more and more often.",
        "e": "Section 4 measured both accuracies on held-out names: with true prefixes the model was right about "
             "80% of the time there, so it generalised; only its own prefixes made it fall behind.",
    }, several=True),
]
