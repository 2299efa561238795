"""C3W2 quiz: each question's hint (where to read again) and why each wrong choice is wrong.
The right answers are the source notebook's, recorded in expected/; none reaches the kernel."""
from grader.checks import question

ERRORS = "the lesson c3w2_error_analysis_and_mismatch"
TRANSFER = "the lesson c3w2_transfer_and_multitask"

CHECKS = [
    question("q1", f"section 2 of {ERRORS}, on the ceiling of error analysis; exercise 1 of the assignment "
                   "c3w2_strategy2.", {
        1.2: "1.2 points is what the fix could remove (8 · 30/200); the error left is 8 - 1.2.",
        0.15: "0.15 is the share of mistakes that are blurry; the error left is 8 · (1 - 0.15).",
        8.0: "Fixing a category removes its share of the mistakes: 8 · (1 - 30/200).",
    }, tolerance=1e-3),
    question("q2", f"section 2 of {ERRORS}, on the table of mistakes by category.", {
        "a": "Label errors were 8 of the 23 mistakes: fixed, they leave 3.75 %; unusual shapes were 11 and leave 3.00 %.",
        "c": "Off-centre digits were 7 of 23 mistakes (ceiling 4.00 %); unusual shapes, 11 of 23, leave 3.00 %.",
        "d": "Faint digits were only 4 of 23 mistakes (ceiling 4.75 %): the smallest gain of all.",
    }),
    question("q3", f"section 3 of {ERRORS}, on incorrectly labelled data.", {
        "b": "Systematic errors change which label is most frequent for a kind of input, and the network learns "
             "them: trained with every 3 labelled 8, the lesson's model read none of the dev 3s.",
        "e": "The training set may be left alone: it is large, random errors there do little harm, and training "
             "data may come from a slightly different distribution than dev and test.",
    }, several=True),
    question("q4", f"section 5.1 of {ERRORS}, on training and testing on different distributions.", {
        "a": "Shuffling would make about 95 % of the dev set web images: you would aim at a target you do not "
             "care about. Dev and test must come from the same distribution, the one you care about; the "
             "training set may differ (one of the course's sources says train and dev: a slip).",
        "c": "Dev and test must come from the same distribution, or you aim at one target and are judged on another.",
        "d": "The 200,000 web images still teach the network a great deal; only dev and test must be phone photos.",
    }),
    question("q5", f"section 5.2 of {ERRORS}, on the train-dev set; exercise 2 of the assignment c3w2_strategy2.", {
        (2.0, 7.0, 6.5): "Variance is train-dev error minus training error (0.5): the train-dev set is what "
                         "separates it from the data mismatch.",
        (2.0, 0.5, 9.0): "Data mismatch is dev error minus train-dev error (9 - 2.5), not the whole dev error.",
        (2.0, 7.0, 0.0): "Without the train-dev set, dev - training mixes variance and mismatch; here the "
                         "variance is 2.5 - 2 and the mismatch 9 - 2.5.",
    }),
    question("q6", f"section 6 of {ERRORS}, on addressing data mismatch.", {
        "a": "Synthesis made training data look like the dev photos: the lesson's photo dev error fell from 44.5 % to 8.5 %.",
        "c": "A gap of about 5 points of mismatch remained (train-dev 3.33 %, dev 8.50 %).",
        "d": "The photo dev error fell, to 8.5 %; the train-dev error on scans stayed near 3 %.",
    }),
    question("q7", f"section 6 of {ERRORS}, on the course's warning about artificial data synthesis.", {
        "a": "What sounds real to a person may cover a sliver of the real variety; the network can learn that one "
             "hour by heart.",
        "c": "Size is not the issue: the same hour of noise repeated adds no variety.",
        "d": "Synthesis changes the training data, not the dev set, which stays real in-car audio.",
    }),
    question("q8", f"section 1.4 of {TRANSFER}, on freezing layers; exercise 5 of the assignment c3w2_strategy2.", {
        2880: "The head also has a bias per unit: 576 · 5 weights plus 5 biases.",
        21701: "That counts the frozen base too; with the base frozen only the head trains.",
        18816: "That is the base, which is frozen; only the head's kernel and bias train.",
    }),
    question("q9", f"section 1.4 of {TRANSFER}, on why you compile again after changing trainable.", {
        "b": "The training step, with its list of variables, is fixed when it is built: the lesson measured that "
             "a base frozen after compiling still changed.",
        "c": "Keras raises nothing: it silently keeps the old training step. Compile again after changing trainable.",
        "d": "Nothing resets the weights; the old training step goes on updating the base.",
    }),
    question("q10", f"sections 2.2, 2.3 and 3 of {TRANSFER}, on multi-task and end-to-end learning.", {
        "b": "A softmax makes the labels compete, summing to 1: it cannot say pedestrian and car at once.",
        "d": "Multi-task learning hurts mainly when the network is too small to do well on every task.",
        "e": "End-to-end learning needs a lot of (x, y) pairs for the whole mapping; with few, a pipeline does better.",
    }, several=True),
]
