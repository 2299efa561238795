"""Practice exercises of the C3W2 lesson on transfer, multi-task and end-to-end learning
(notebooks/c3_structuring_ml_projects/c3w2_transfer_and_multitask.ipynb): what trains when one layer
of the base is frozen, which tasks need a sigmoid per label, a masked binary cross-entropy by hand,
and a pipeline or an end-to-end network for the data at hand."""
import math

from lessons.practice import Exercise, Mistake

_CONV1, _CONV2, _HEAD = 3 * 3 * 1 * 32 + 32, 3 * 3 * 32 * 64 + 64, 576 * 5 + 5

partly_frozen = Exercise(
    title="What trains with conv1 frozen",
    answer=(4, _CONV2 + _HEAD),
    mistakes=[
        Mistake((2, _HEAD), "That is the whole base frozen. Only conv1 is frozen here: conv2 still trains."),
        Mistake((6, _CONV1 + _CONV2 + _HEAD), "That is nothing frozen: conv1's kernel and bias leave the trainable "
                                              "weights when conv1.trainable is False."),
        Mistake((2, _CONV2 + _HEAD), "The numbers are right, but count tensors, not layers: each Conv2D and Dense "
                                     "has a kernel and a bias."),
        Mistake((4, 3 * 3 * 32 * 64 + 576 * 5), "Count the biases too: 64 for conv2 and 5 for the head."),
        Mistake((2, _CONV2), "The new head trains as well: its kernel (576 x 5) and bias (5)."),
        Mistake((4, _CONV2), "The tensors are right, but add the head's numbers, 576 x 5 + 5 = 2,885."),
    ],
    hints=["Freezing conv1 removes its kernel and bias from trainable_weights; conv2 and the head keep theirs.",
           "conv2: a 3 x 3 x 32 x 64 kernel and 64 biases. The head: a 576 x 5 kernel and 5 biases.",
           "4 tensors, and 18,496 + 2,885 numbers (the tables above list both layers' counts)."],
    solution="(4, 21381): conv2's kernel and bias (18,432 + 64 = 18,496) and the head's kernel and bias "
             "(2,880 + 5 = 2,885). conv1's 320 numbers are frozen, and so is nothing else; pooling and "
             "flattening have no weights.",
)

sigmoid_tasks = Exercise(
    title="A sigmoid per label",
    answer=frozenset("ac"),
    mistakes=[
        Mistake("b", "A handwritten digit is exactly one of ten: the classes exclude each other, and a softmax "
                     "with a categorical cross-entropy fits."),
        Mistake("d", "An image holds exactly one number of shapes, 1, 2 or 3: one answer among several, a "
                     "softmax, as the lesson's count head does."),
        Mistake("e", "A review has exactly one star rating: the ratings exclude each other (a softmax, or a "
                     "regression on the number), not five independent yes/no answers."),
    ],
    hints=["A softmax's outputs sum to 1: it picks one answer. Sigmoids answer yes or no to each label "
           "separately.",
           "Ask for each task: can two of its labels be true of the same example at once?",
           "Several animals can be in one photo, and a film can be a comedy and a drama."],
    solution="a and c: several animals in one photo, several genres for one film, so each label is its own "
             "yes/no question with its own sigmoid. b, d and e have exactly one right answer per example: "
             "a softmax.",
)

_L = (-math.log(0.8), -math.log(0.7), -math.log(0.6))  # the losses of labels 1, 2 and 3 read as (1, 0, 0)
masked_by_hand = Exercise(
    title="A masked loss by hand",
    answer=(_L[0] + _L[2]) / 2,
    tolerance=1e-3,
    mistakes=[
        Mistake((_L[0] + _L[2]) / 3, "You divide by all three labels. The unknown one is left out of the count "
                                     "too: divide by the 2 known labels."),
        Mistake((_L[0] + _L[1] + _L[2]) / 3, "You read the unknown label as 0 and kept it. Leave it out: the "
                                             "loss averages only the known labels."),
        Mistake(_L[0] + _L[2], "That is the sum of the two known labels' losses; the loss of an example is "
                                "their mean."),
        Mistake((_L[0] - math.log(0.3) + _L[2]) / 3, "You read the unknown label as 1 and kept it. Leave it "
                                                     "out: average over the known labels only."),
        Mistake((_L[0] + (math.log(0.3) - 2 * math.log(0.7)) + _L[2]) / 3,
                "You put -1 into the cross-entropy as if it were a label. -1 means unknown: leave it out."),
    ],
    hints=["Only labels 1 and 3 are known; label 2 leaves the sum and the count.",
           "Label 1 (y = 1, p = 0.8) costs -log 0.8; label 3 (y = 0, p = 0.4) costs -log(1 - 0.4).",
           "(-log 0.8 - log 0.6) / 2"],
    solution="0.367: (-log 0.8 - log 0.6) / 2 = (0.2231 + 0.5108) / 2. Label 2 is unknown and takes no part.",
)

pipeline_or_end_to_end = Exercise(
    title="Pipeline or end-to-end",
    answer="b",
    mistakes=[
        Mistake("a", "2,000 (photo, total) pairs are far too few to learn the whole mapping from pixels to the "
                     "total. End-to-end needs plenty of data for the whole task."),
        Mistake("c", "Reading characters in photos is a task with millions of labelled examples: learning beats "
                     "hand-written rules there. Hand-design only what knowledge does more cheaply than data."),
    ],
    hints=["The key question: is there enough data to learn each mapping you ask a network to learn?",
           "Reading text has millions of examples; photo-to-total has only 2,000.",
           "Learn the stage that has the data, and give the part with little data a simpler problem."],
    solution="b: a network trained on the millions of labelled text images reads the characters, and a "
             "second, simpler stage (a small model trained on the 2,000 receipts, or rules) picks the total "
             "from the text read. Each stage has data enough for its own problem.",
)
