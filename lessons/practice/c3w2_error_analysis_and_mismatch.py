"""Practice exercises of the C3W2 lesson on error analysis and data mismatch
(notebooks/c3_structuring_ml_projects/c3w2_error_analysis_and_mismatch.ipynb): the error left after
fixing several overlapping categories, the share of the dev error due to wrong labels, the gap to work
on with a train-dev set, and which data syntheses cover too little of the real variety."""
import numpy as np

from lessons.practice import Exercise, Mistake


def _error_left(dev_error, tags, fixed):
    covered = tags[:, list(fixed)].any(axis=1)  # a mistake goes if any of its categories is fixed
    return dev_error * (1 - covered.mean())


_TAGS = np.array([[1, 0, 0], [1, 1, 0], [0, 1, 0], [0, 0, 0], [1, 0, 1], [0, 1, 1], [0, 0, 0], [1, 1, 0]],
                 dtype=bool)
_LESSON_LIKE = np.random.default_rng(0).random((23, 5)) < 0.3
error_left = Exercise(
    title="The error left after fixing categories",
    answer=_error_left,
    cases=[(0.10, _TAGS, [0]), (0.10, _TAGS, [0, 1]), (0.08, _TAGS, [0, 1, 2]), (0.10, _TAGS, []),
           (0.0575, _LESSON_LIKE, [1, 2]), (0.0575, _LESSON_LIKE, [0, 2, 3, 4])],
    mistakes=[
        Mistake(lambda dev_error, tags, fixed: dev_error * (1 - tags[:, list(fixed)].sum() / len(tags)),
                "You add up the ticks of the chosen columns, so a mistake with two ticks is fixed twice. Count "
                "each mistake once: it goes if any of its chosen categories is fixed."),
        Mistake(lambda dev_error, tags, fixed: dev_error * (1 - tags[:, list(fixed)].all(axis=1).mean()),
                "You keep only the mistakes ticked in every chosen category. A mistake goes as soon as any one "
                "of its chosen categories is fixed: .any(axis=1)."),
        Mistake(lambda dev_error, tags, fixed: dev_error * tags[:, list(fixed)].any(axis=1).mean(),
                "That is the part of the error the fixes remove. Return what is left: E (1 - share covered)."),
        Mistake(lambda dev_error, tags, fixed: 1 - tags[:, list(fixed)].any(axis=1).mean(),
                "That is the share of the mistakes left, not the dev error left: multiply it by dev_error."),
    ],
    hints=["A mistake disappears if at least one of its chosen categories is fixed; each mistake counts once.",
           "tags[:, fixed].any(axis=1) marks the mistakes that go; its mean is the share of the error removed.",
           "return dev_error * (1 - tags[:, fixed].any(axis=1).mean())"],
    solution=("def error_left(dev_error, tags, fixed):\n"
              "    covered = tags[:, list(fixed)].any(axis=1)  # ticked in at least one chosen column\n"
              "    return dev_error * (1 - covered.mean())"),
)

label_share = Exercise(
    title="The dev error due to wrong labels",
    answer=(1.0, 3.0),
    mistakes=[
        Mistake((25.0, 75.0), "25% and 75% are shares of the mistakes. Turn them into points of dev error: "
                              "multiply by the 4% dev error."),
        Mistake((0.25, 0.75), "0.25 and 0.75 are the shares of the mistakes. Multiply them by the 4% dev error, "
                              "and answer in percentage points."),
        Mistake((0.01, 0.03), "Those are fractions; the question asks for percentage points: 1% is 1.0."),
        Mistake((3.0, 1.0), "The two are swapped: first the part due to wrong labels, then everything else."),
    ],
    hints=["Wrong labels make a share n_c / n of the mistakes, and so the same share of the dev error.",
           "50 of 200 mistakes is a share of 0.25; the dev error is 4 points.",
           "(4 x 0.25, 4 x 0.75)"],
    solution="(1.0, 3.0): wrong labels are 50 / 200 = 25% of the mistakes, so 0.25 x 4% = 1 point of dev "
             "error, and everything else 3 points. Here the other errors are three times larger: work on them "
             "first, unless two models you must compare differ by about 1 point.",
)

gap_to_work_on = Exercise(
    title="The gap to work on",
    answer="d",
    mistakes=[
        Mistake("a", "A bigger network reduces avoidable bias, training minus human: 1.5 - 1 = 0.5 points, "
                     "small next to another gap."),
        Mistake("b", "More training data and regularisation reduce variance, train-dev minus training: "
                     "2 - 1.5 = 0.5 points, small next to another gap."),
        Mistake("c", "Synthesising dev-like data reduces data mismatch, dev minus train-dev: 2.5 - 2 = 0.5 "
                     "points. The test error's jump is a different gap, between dev and test."),
    ],
    hints=["Compute the four gaps: training - human, train-dev - training, dev - train-dev, test - dev.",
           "The gaps are 0.5, 0.5, 0.5 and 4.5 points: the last, test - dev, is overfitting to the dev set.",
           "Which knob fixes a dev set that the team's choices have been tuned to?"],
    solution="d: the gaps are 0.5 (avoidable bias), 0.5 (variance), 0.5 (data mismatch) and 4.5 points "
             "(test - dev): the team has overfitted its dev set with many choices, so get a bigger dev set.",
)

narrow_synthesis = Exercise(
    title="Synthesis that covers too little",
    answer=frozenset("ad"),
    mistakes=[
        Mistake("b", "A blur width drawn afresh for each image over the whole range measured on the dev photos "
                     "covers the variety the dev set shows."),
        Mistake("c", "Recordings from 300 cars, each utterance with its own random clip, is a wide sample of "
                     "real car noise, not one corner of it."),
    ],
    hints=["The risk is a synthetic effect that is the same, or nearly the same, for every example: the "
           "network can learn that one effect.",
           "Look for the plans whose added effect has only a handful of distinct values.",
           "Five backgrounds and one fixed angle are tiny corners of the real variety."],
    solution="a and d: five background pictures behind 100,000 crops, and one 7-degree rotation for every image, "
             "each cover a sliver of what the real photos show, and the network can overfit to it. b and c draw "
             "the effect afresh for each example, over the range the dev data show.",
)
