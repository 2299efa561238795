"""Practice exercises of the C5W3 lesson (notebooks/c5_sequence_models/c5w3_decoding_and_attention.ipynb):
the beam after two steps, a clipped bigram precision by hand, and CTC's collapse rule."""
from lessons.practice import Exercise, Mistake

beam_after_two = Exercise(
    title="The beam after two steps",
    answer=("jane visits", "in september"),
    mistakes=[
        Mistake(("in september", "jane visits"),
                "Those are the right two partial sentences in the wrong order: put the more probable first. "
                "P(jane visits) = 0.3 x 0.65 = 0.195 and P(in september) = 0.5 x 0.34 = 0.17."),
        Mistake(("in september", "in africa"),
                "You kept only the best first word, as greedy search does, and then its two best continuations. "
                "Beam search with B = 2 keeps two first words, 'in' and 'jane', and extends both."),
        Mistake(("jane visits", "jane is"),
                "You ranked the candidates by the second word's probability alone. A partial sentence's score is "
                "P(y1) x P(y2 | y1): 'jane is' has 0.3 x 0.35 = 0.105, less than 'in september's 0.5 x 0.34 = 0.17."),
    ],
    hints=["Step 1 keeps the B = 2 most probable first words. Which are they?",
           "Step 2 extends both kept words by every second word and scores each pair by "
           "P(y1) x P(y2 | y1); the five pairs are 'in september', 'in africa', 'in jane', 'jane visits', 'jane is'.",
           "The products are 0.17, 0.165, 0.165, 0.195 and 0.105: keep the two largest, the larger first."],
    solution=('("jane visits", "in september"). Step 1 keeps "in" (0.5) and "jane" (0.3); step 2 scores '
              "in september 0.5 x 0.34 = 0.17, in africa 0.165, in jane 0.165, jane visits 0.3 x 0.65 = 0.195, "
              "jane is 0.105, and keeps the two largest. Greedy search would have kept only 'in'."),
)

bigram_precision = Exercise(
    title="A clipped bigram precision",
    answer=0.5,
    tolerance=1e-3,
    mistakes=[
        Mistake(0.75, "You counted every matching bigram without clipping: 'on the' and 'the mat' occur twice in "
                      "the candidate but at most once in any reference, so each counts once. 6/8 becomes 4/8."),
        Mistake(0.25, "You compared with the first reference only. A bigram counts if some reference holds it: "
                      "'is a' and 'a cat' are in the second one."),
        Mistake(4 / 6, "You divided by the number of distinct bigrams (6). Divide by all the candidate's bigrams, "
                       "repeats included: 9 words give 8 bigrams."),
        Mistake(7 / 9, "7/9 is the clipped precision of single words (unigrams). The question asks for pairs of "
                       "neighbouring words."),
    ],
    hints=["List the candidate's 8 bigrams: on the, the mat, mat on, on the, the mat, mat is, is a, a cat.",
           "Each distinct bigram counts at most as often as it occurs in the reference that holds it most often "
           "(its clip); 'mat on' and 'mat is' occur in no reference.",
           "Clipped counts: on the 1, the mat 1, mat on 0, mat is 0, is a 1, a cat 1. Divide their sum by 8."],
    solution=("0.5: of the 8 bigrams, 'on the' and 'the mat' count once each (clipped from 2), 'is a' and 'a cat' "
              "once each (second reference), 'mat on' and 'mat is' not at all: 4 / 8."),
)


def _collapse(text, blank="_"):
    out, previous = [], None
    for character in text:
        if character != previous and character != blank:
            out.append(character)
        previous = character
    return "".join(out)


def _drop_blanks_then_merge(text, blank="_"):
    return _collapse(text.replace(blank, ""), blank)


def _merge_only(text, blank="_"):
    out, previous = [], None
    for character in text:
        if character != previous:
            out.append(character)
        previous = character
    return "".join(out)


def _drop_only(text, blank="_"):
    return text.replace(blank, "")


ctc_collapse = Exercise(
    title="CTC's collapse rule",
    answer=_collapse,
    cases=[("hhe_ll_llo",), ("ttt_h_eee___ ___qqq",), ("aa",), ("a_a",), ("___",), ("_cc_aaa_t_",), ("b",)],
    mistakes=[
        Mistake(_drop_blanks_then_merge,
                "You drop the blanks first and merge repeats afterwards, so 'hhe_ll_llo' becomes 'helo'. Merge first: "
                "a blank between two equal characters is what keeps both ('ll_ll' gives 'll')."),
        Mistake(_merge_only, "You merge repeated characters but keep the blanks: remove every blank too."),
        Mistake(_drop_only, "You remove the blanks but do not merge repeated characters: 'hhe' should become 'he'."),
    ],
    hints=["Walk through the string once, remembering the previous character.",
           "Keep a character when it differs from the previous one (a repeat is merged) and is not the blank.",
           "Compare with the previous character of the input, blank included, not the last one kept."],
    solution=("def collapse(text, blank=\"_\"):\n"
              "    out, previous = [], None\n"
              "    for character in text:\n"
              "        if character != previous and character != blank:\n"
              "            out.append(character)\n"
              "        previous = character\n"
              "    return \"\".join(out)"),
)
