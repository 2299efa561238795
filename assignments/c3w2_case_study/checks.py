"""C3W2 case study (CatchCheck, a fish-species app for deck photos): each question's hint (where to
read again) and why each wrong choice is wrong. The right answers are the source notebook's,
recorded in expected/; none reaches the kernel."""
from grader.checks import question

ERRORS = "the lesson c3w2_error_analysis_and_mismatch"
TRANSFER = "the lesson c3w2_transfer_and_multitask"

CHECKS = [
    question("q1", f"section 2 of {ERRORS}, on the ceiling of error analysis; exercise 1 of the assignment c3w2_strategy2.", {
        9.46: "34 is a count of mistakes out of 100, not of percentage points: glare is 34% of the 9.8% "
              "error, so the best case is 9.8 · (1 - 0.34).",
        3.332: "That is the part of the error glare causes, 9.8 · 0.34; the error left after a perfect fix "
               "is the rest, 9.8 · (1 - 0.34).",
        0.06468: "That is the right value written as a fraction; the question asks for percent.",
        0.0: "Glare causes only 34 of the 100 mistakes: a perfect fix removes a third of the error, not all of it.",
    }, tolerance=1e-3),
    question("q2", f"section 3.1 of {ERRORS}, on incorrectly labelled dev and test examples.", {
        "b": "A few wrong labels make the dev error slightly less exact, but 0.6 of 9.8 points cannot hide the "
             "difference between models that fix glare and models that don't. Fix labels when they blur "
             "the choices you make.",
        "c": "Whatever you do to the dev set, do to the test set: a relabelled dev set and an unchanged test "
             "set measure different things.",
        "d": "Robustness to random label noise is about the training set. In the dev and test sets wrong "
             "labels distort the measurement itself, and once the error is small they can be a large "
             "share of it.",
    }),
    question("q3", f"section 3.1 of {ERRORS}, on the three guidelines for fixing labels, and section 3.2, on the training set.", {
        "c": "A photo whose wrong label the network agrees with counts as \"right\" and hides the mistake; "
             "checking only the errors biases the estimate downwards.",
        "d": "The training set is large, and a network is robust to random label slips in it; the labels "
             "that now blur the comparison of two models (17 of 55 mistakes, 0.68 of 2.2 points) are the "
             "dev set's. Only a systematic error in the studio labels would be worth hunting.",
    }, several=True),
    question("q4", f"section 5.2 of {ERRORS}, on the train-dev set; exercise 2 of the assignment c3w2_strategy2.", {
        (2.0, 0.6, 7.2): "Avoidable bias is measured from human level: 2.0 - 1.5 = 0.5, not the training error itself.",
        (0.5, 7.8, 0.0): "That reads dev - training as variance, as if train-dev did not exist. Variance is "
                         "train-dev - training (0.6); the rest, dev - train-dev (7.2), is data mismatch.",
        (0.5, 0.6, 7.8): "Data mismatch is dev - train-dev (9.8 - 2.6), not dev - training: the 0.6 of variance "
                         "would be counted twice.",
        (0.5, 0.6, 7.7): "Data mismatch compares the dev set with the train-dev set, 9.8 - 2.6; the test set "
                         "measures overfitting to the dev set (0.5).",
    }, tolerance=1e-3),
    question("q5", f"section 5.2 of {ERRORS}, on separating variance from data mismatch with a train-dev set.", {
        "a": "Without the train-dev set, the 7.8 points between training and dev error mix two things. The "
             "train-dev error (2.6%) shows that unseen photos of the training distribution are nearly as "
             "easy as seen ones: variance is 0.6 points.",
        "c": "Training error 2.0% against the panel's 1.5%: avoidable bias is 0.5 points, the smallest gap.",
        "d": "Dev and test must stay separate: the test set is the final, unbiased estimate. The question "
             "is which gap to close.",
    }),
    question("q6", f"section 6 of {ERRORS}, on addressing data mismatch.", {
        "d": "More studio photos reduce variance, already only 0.6 points; they make the training data no "
             "more like the deck photos the app will meet.",
        "e": "Look at the dev set, not the test set, to understand the difference: studying the test set's "
             "mistakes would tune the team's choices to it, and it would no longer give an unbiased estimate.",
    }, several=True),
    question("q7", f"section 6 of {ERRORS}, on the course's warning about artificial data synthesis.", {
        "b": "Synthesis can close a mismatch gap (the lesson closes one); this attempt covered too little of "
             "the real variety, which is a reason to vary it, not to drop it.",
        "c": "A bigger dev set would measure the change more exactly, but would not change it: what needs "
             "explaining is the gap of 6.8 points between held-out synthetic photos (1.9%) and real decks (8.7%).",
        "d": "The network does well on held-out synthetic photos (1.9%): it fits them. It has learnt something "
             "true of the 30 decks and not of the real ones, which a bigger network would learn just as well.",
    }),
    question("q8", f"section 1.1 of {TRANSFER}, on when transfer learning makes sense.", {
        "b": "1,500 photos are few for learning edges, textures and shapes from scratch; the fish network "
             "learnt such low-level features from 179,000 photos of the same kind of input, deck and tray "
             "photos, and they serve crabs too.",
        "c": "The fish network's outputs answer another question (which of 40 fish): the output layer must "
             "be replaced by one for the 12 crab species and trained on crab photos.",
        "d": "That transfers the wrong way: transfer makes sense from a task with much more data (fish, "
             "179,000) to one with little (crabs, 1,500), and this would end with a fish network.",
    }),
    question("q9", f"sections 2.2 and 2.3 of {TRANSFER}, on a sigmoid per label and a masked loss.", {
        "b": "A softmax makes the four answers compete (its outputs sum to 1), so a protected fish that is "
             "also undersized could never get two yeses.",
        "c": "Throwing away the 70% of photos with a blank would waste most of the known answers; a masked "
             "loss leaves out only the blanks.",
        "d": "The questions all look at the same fish, so they can share low-level features, and each has "
             "about as much data as the others: the conditions under which one multi-task network does well.",
    }),
    question("q10", f"section 3 of {TRANSFER}, on end-to-end deep learning.", {
        "a": "12,000 decisions are few for learning species, length and the Board's rules all at once from "
             "pixels, while each stage of the pipeline has plenty of data of its own or needs none (the "
             "rule table).",
        "c": "Labelling studio photos \"keep\" invents decisions that never happened: the labels would teach "
             "the network something false, a systematic error.",
        "d": "End-to-end is not always more accurate: it needs many (x, y) pairs for the whole mapping, and "
             "with little data hand-designed stages carry knowledge the network would have to learn.",
    }),
]
