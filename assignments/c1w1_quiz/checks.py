"""C1W1 quiz: each question's hint (where to read again) and why each wrong choice is wrong.
The right answers are the source notebook's, recorded in expected/; none reaches the kernel."""
from grader.checks import question

LESSON = "the lesson c1w1_why_scale"

CHECKS = [
    question("q1", f"section 2 of {LESSON}, on structured and unstructured data.", {
        "a": "A table whose columns each name a quantity (size, bedrooms, price) is structured data.",
        "c": "Click counts per advert and day fill a table with named columns: structured data.",
        "d": "Age and income are named columns of a table: structured data.",
    }),
    question("q2", f"the introduction of {LESSON}, on why deep learning took off when it did.", {
        "d": "The perceptron dates from 1958: an idea that old cannot explain a take-off in the 2010s.",
    }, several=True),
    question("q3", f"'What the measurements say', at the end of {LESSON}.", {
        "a": "Logistic regression was the least accurate at every size: a linear model cannot draw the "
             "curved boundaries between digits.",
        "b": "The MLP beat logistic regression, but the SVC beat the MLP at m = 1400: a neural network is "
             "not always the best model, least of all on small, easy data.",
        "d": "They differed: about 96.7 % (logistic regression), 98.0 % (MLP) and 98.5 % (SVC).",
    }),
    question("q4", "exercise 1 of the assignment c1w1_data_as_tensors, on one column per example.", {
        (25, 12288): "That is one row per example; this course stores one example per column, X of shape (n_x, m).",
        (4096, 25): "Each image has 3 channels: 64 · 64 · 3 = 12288 numbers per image.",
    }),
    question("q5", f"section 1 of {LESSON}, on the artificial neuron.", {
        -3.0: "ReLU keeps a positive sum and sets a negative one to 0: max(0, z).",
        3.0: "ReLU does not take the absolute value: it sets a negative sum to 0.",
    }),
    question("q6", "exercise 2 of the assignment c1w1_data_as_tensors, on standardising with training statistics.", {
        "a": "The test set must go through the same transformation as the training data the model learned "
             "from; its own statistics would shift and rescale it differently.",
        "c": "Statistics that include the test set leak information about it into training, so the test "
             "score is no longer an honest estimate.",
        "d": "The model learned from standardised features: an unstandardised test set is on another scale.",
    }),
    question("q7", f"section 1 of {LESSON}, on supervised learning.", {
        "b": "A price is a number on a continuous scale, not one of a few classes: that is regression.",
        "c": "Each house in the training data comes with its price, the label: that is supervised learning.",
    }),
    question("q8", f"section 1 of {LESSON}, on supervised learning.", {
        "c": "With no group given for anyone there are no labels: that is unsupervised learning (clustering).",
    }, several=True),
    question("q9", f"section 1 of {LESSON}, on layers and their parameters.", {
        12: "Each neuron also has a bias: 4 · 3 weights plus 3 biases.",
        7: "Each of the 3 neurons has its own weight for each of the 4 inputs: 4 · 3 weights, plus 3 biases.",
        16: "A dense layer has one bias per neuron (3), not one per input.",
    }),
]
