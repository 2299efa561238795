"""C4W1 quiz: each question's hint (where to read again) and why each wrong choice is wrong.
The right answers are the source notebook's, recorded in expected/; none reaches the kernel."""
from grader.checks import question

LESSON = "the lesson c4w1_convolution"

CHECKS = [
    question("q1", f"section 1.1 of {LESSON}, on a convolution on one channel.", {
        -30: "A bright-to-dark edge gives a positive value: 10 + 10 + 10 from the left column, 0 from the right.",
        10: "The filter adds the three pixels of its left column (10 each) and subtracts the right column: 30.",
        0: "0 is the value over a flat region; where the window straddles the edge it is 3 · 10 = 30.",
    }),
    question("q2", f"section 1.1 of {LESSON}, on the word convolution.", {
        "a": "That is the convolution of mathematics (scipy's convolve2d); deep learning's convolution does not "
             "flip the filter: it is a cross-correlation.",
        "c": "Taking the largest value is what max pooling does; a convolution adds all the products.",
        "d": "A convolution multiplies each pixel with its own filter entry and adds the products.",
    }),
    question("q3", f"section 2.2 of {LESSON}, on the output size; exercise 3 of the assignment c4w1_convolution.", {
        16.5: "(n + 2p - f/s) + 1 divides only f by the stride and has no floor, a form that circulates in "
              "course notes; the output size is floor((n + 2p - f) / s) + 1 = floor(14/2) + 1.",
        7: "floor((n + 2p - d(f - 1)) / s), another form that circulates, drops the '- 1 ... + 1': "
           "floor((15 + 2 - 2 - 1) / 2) + 1 = 8.",
        15: "Padding 1 would keep the size at stride 1; stride 2 skips every other position, about halving it.",
    }),
    question("q4", f"section 3.1 of {LESSON}, on filters with depth.", {
        (28, 28, 3): "Each of the 16 filters covers all 3 input channels and gives one map: the output has 16 channels.",
        (32, 32, 16): "'valid' means no padding: the size shrinks to 32 - 5 + 1 = 28.",
        (28, 28, 48): "A filter sums over all input channels into one map: 16 filters give 16 channels, not 16 · 3.",
    }),
    question("q5", f"section 3.2 of {LESSON}, on counting parameters.", {
        1200: "Each filter also has a bias: (5 · 5 · 3 + 1) · 16.",
        416: "A filter on a 3-channel input is 5 × 5 × 3: (5 · 5 · 3 + 1) · 16.",
        76: "That is one filter; the layer has 16 of them.",
    }),
    question("q6", f"section 5.4 of {LESSON}, on what the convolution is worth.", {
        "b": "The dense network's 0.130 and 0.192 were near guessing (0.184); parameters do not help without the "
             "right built-in assumptions.",
        "c": "The CNN's 0.824 beat the dense network's best 0.192 by more than 0.6.",
        "d": "The CNN read most hands right: 0.824 held out.",
    }),
    question("q7", f"section 4 of {LESSON}, on pooling layers; exercise 4 of the assignment c4w1_convolution.", {
        (3.25, 2.75, 2.5, 2.75): "Those are the averages of the windows (average pooling); max pooling keeps the largest.",
        (5, 8, 3, 6): "The bottom-left window holds 0, 2, 7 and 1: its largest value is 7.",
        (1, 0, 0, 1): "Max pooling keeps each window's largest value, not its smallest.",
    }),
    question("q8", f"section 4 of {LESSON}, on pooling layers.", {
        "c": "Max pooling has nothing to learn: it always keeps the largest value of each window.",
        "d": "Pooling acts on each channel separately and keeps their number; it shrinks height and width.",
    }, several=True),
    question("q9", f"section 2.1 of {LESSON}, on padding; exercise 1 of the assignment c4w1_convolution.", {
        4: "f - 1 = 4 zeros are needed in all, half on each side: (f - 1)/2 = 2.",
        5: "The filter size is not the padding: 'same' needs (f - 1)/2 on each side.",
        1: "p = 1 suits a 3 × 3 filter; a 5 × 5 one needs (5 - 1)/2 = 2.",
    }),
    question("q10", f"section 3.3 of {LESSON}, on parameter sharing and sparse connections.", {
        "c": "The same filter weights slide over any image: the count, (f · f · n_C + 1) · n_C', does not depend on its size.",
        "e": "Each output value depends only on its receptive field, the f × f × n_C inputs under the filter "
             "(75 in the lesson), not on all 3,072.",
    }, several=True),
]
