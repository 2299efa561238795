"""Practice exercises of the generative track's topic 1 (notebooks/gen_generative/gen1_text_generation.ipynb):
a distribution reweighted by a temperature by hand, what sampling becomes as T -> 0, a nucleus (top-p kept set),
and distinct-n."""
from lessons.practice import Exercise, Mistake

temperature_by_hand = Exercise(
    title="A temperature by hand",
    answer=0.25 / 0.38,
    tolerance=1e-3,
    mistakes=[
        Mistake(0.25, "0.25 is 0.5^2 before renormalising: divide by the sum of all three, 0.25 + 0.09 + 0.04 = 0.38."),
        Mistake(0.5 ** 0.5 / (0.5 ** 0.5 + 0.3 ** 0.5 + 0.2 ** 0.5),
                "You raised p to the power T = 0.5. The temperature divides the exponent: p^(1/T) = p^2 here, "
                "which sharpens the distribution (T < 1), so the first token's share must grow above 0.5."),
        Mistake(0.4506, "You applied the softmax to p / T, as if the probabilities were logits. The softmax of the "
                        "logits divided by T equals p^(1/T) renormalised; the softmax of p / T is something else."),
        Mistake(0.5, "At T = 1 the distribution is unchanged, but here T = 0.5: raise each probability to 1/T = 2 "
                     "and renormalise."),
    ],
    hints=["The distribution at temperature T is p^(1/T), divided by its sum. Here 1/T = 2.",
           "Square the three probabilities: 0.25, 0.09, 0.04.",
           "Divide 0.25 by their sum, 0.38."],
    solution="0.6579: p^(1/T) = p^2 gives 0.25, 0.09, 0.04, whose sum is 0.38; 0.25 / 0.38 = 0.6579. "
             "(The other two become 0.2368 and 0.1053: T < 1 sharpens the distribution.)",
)

temperature_to_zero = Exercise(
    title="Temperature to zero",
    answer="b",
    mistakes=[
        Mistake("a", "Pure sampling is T = 1, where the distribution is used as the model made it. As T shrinks, "
                     "p^(1/T) renormalised puts more and more mass on the most probable token."),
        Mistake("c", "Uniform sampling is the other limit, T -> infinity: p^(1/T) -> p^0 = 1 for every token."),
        Mistake("d", "Temperature acts on one step's distribution: as T -> 0 it always takes that step's most "
                     "probable token, which is greedy decoding. Beam search compares whole partial sequences and "
                     "can find a more probable sequence than greedy's."),
    ],
    hints=["Take p = (0.6, 0.4) and compute p^(1/T) renormalised for T = 0.5, 0.1, 0.01.",
           "The ratio of two tokens' probabilities is (p_i / p_j)^(1/T): what happens to it when 1/T grows without bound?"],
    solution="b: the ratio (p_i / p_j)^(1/T) of the top token to any other grows without bound, so all the mass goes "
             "to the most probable token and every draw is the argmax: greedy decoding, one step at a time.",
)

nucleus = Exercise(
    title="A nucleus",
    answer=("b", "d", "e"),
    mistakes=[
        Mistake(("b", "d"), "b and d sum to 0.65, short of 0.75: the nucleus is the smallest set whose total "
                            "*reaches* p, so it includes e, the token that carries the total over 0.75."),
        Mistake(("a", "b", "c", "d"), "You walked through the tokens in alphabetical order. Sort them by probability "
                                      "first: b 0.40, d 0.25, e 0.15, a 0.10, c 0.06, f 0.04."),
        Mistake(("b", "d", "e", "a"), "b, d and e already reach 0.80 >= 0.75: stop there. a is not needed."),
        Mistake(("b", "d", "e", "a", "c", "f"), "That is every token. Top-p keeps only the most probable ones up to a "
                                                "total of p = 0.75."),
    ],
    hints=["Sort the tokens by probability, the most probable first.",
           "Add their probabilities one by one: 0.40, 0.65, 0.80, ... Where does the running total first reach 0.75?",
           "Keep every token up to and including the one that takes the total to 0.75 or more."],
    solution='("b", "d", "e"): sorted, the running totals are 0.40 (b), 0.65 (d), 0.80 (e); e is the first to reach '
             "0.75, so the nucleus is b, d, e, renormalised to 0.5, 0.3125, 0.1875.",
)


def _distinct_n(texts, n):
    grams = [text[i:i + n] for text in texts for i in range(len(text) - n + 1)]
    return len(set(grams)) / len(grams) if grams else 0.0


def _joined(texts, n):  # n-grams across the joins between texts
    text = "".join(texts)
    grams = [text[i:i + n] for i in range(len(text) - n + 1)]
    return len(set(grams)) / len(grams) if grams else 0.0


def _mean_per_text(texts, n):  # the average of each text's own ratio
    ratios = [_distinct_n([text], n) for text in texts if len(text) >= n]
    return sum(ratios) / len(ratios) if ratios else 0.0


def _per_text_sets(texts, n):  # distinct within each text, summed
    grams = [[text[i:i + n] for i in range(len(text) - n + 1)] for text in texts]
    total = sum(len(g) for g in grams)
    return sum(len(set(g)) for g in grams) / total if total else 0.0


def _distinct_count(texts, n):  # the number of distinct n-grams, not the ratio
    return float(len({text[i:i + n] for text in texts for i in range(len(text) - n + 1)}))


distinct_n = Exercise(
    title="Distinct-n",
    answer=_distinct_n,
    cases=[(["abab", "ab"], 2), (["saurus", "raptor", "saurus"], 3), (["abc", "cab"], 2), (["aaaa"], 1),
           (["ab", "a"], 3), ([], 2), (["tyrannosaurus"], 1)],
    mistakes=[
        Mistake(_joined, "You joined the texts into one string, which adds n-grams that cross from one text into the "
                         "next (\"ab\" + \"ab\" makes a \"ba\"). Take each text's n-grams on its own."),
        Mistake(_mean_per_text, "You averaged each text's own ratio. Distinct-n pools the n-grams of all the texts: "
                                "a name repeated in full should count as repetition."),
        Mistake(_per_text_sets, "You counted the distinct n-grams of each text separately and added them, so an "
                                "n-gram in two texts counts twice. Use one set over all the texts."),
        Mistake(_distinct_count, "You return how many distinct n-grams there are: divide by the total number of "
                                 "n-grams, repeats included."),
    ],
    hints=["A text of length L has L - n + 1 n-grams, text[i:i + n]; texts shorter than n have none.",
           "Collect the n-grams of every text in one list; the answer is len(set(grams)) / len(grams).",
           "When the list is empty (no texts, or all shorter than n), return 0.0 instead of dividing by zero."],
    solution=("def distinct_n(texts, n):\n"
              "    grams = [text[i:i + n] for text in texts for i in range(len(text) - n + 1)]\n"
              "    return len(set(grams)) / len(grams) if grams else 0.0"),
)
