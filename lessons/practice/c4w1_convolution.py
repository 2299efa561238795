"""Practice exercises of the C4W1 lesson (notebooks/c4_convolutional_networks/c4w1_convolution.ipynb):
a convolution's output size by hand, TensorFlow's uneven "same" padding with a stride, the parameters
of a convolutional layer, and the output shape of a max pooling."""
from lessons.practice import Exercise, Mistake

output_size = Exercise(
    title="The output size of a strided convolution",
    answer=13,
    mistakes=[
        Mistake(13.5, "You divided without the floor. A filter position that would hang over the edge of the "
                      "padded image is not used: round (n + 2p - f) / s down before adding 1."),
        Mistake(28.5, "That is (n + 2p - f/s) + 1, the form that divides only f by the stride. The stride "
                      "divides the whole distance the filter can travel, n + 2p - f."),
        Mistake(12, "You left out the + 1: the filter's first position, at pixel 0, counts too. "
                    "(n + 2p - f) // s counts only the steps after it."),
        Mistake(26, "That is the size at stride 1, n + 2p - f + 1. With stride 2 the filter jumps two pixels "
                    "at a time, so there are about half as many positions."),
    ],
    hints=["Use n_out = floor((n + 2p - d(f - 1) - 1) / s) + 1; here d = 1, so it is floor((n + 2p - f) / s) + 1.",
           "The padded image has 28 + 2 = 30 pixels, and the filter can travel 30 - 5 = 25 of them.",
           "floor(25 / 2) + 1: round down first, then add the first position."],
    solution="13: floor((28 + 2*1 - 5) / 2) + 1 = floor(25 / 2) + 1 = 12 + 1.",
)


def _same_padding(n, f, s):
    out = -(-n // s)                          # ceil(n / s), the output size "same" promises
    total = max((out - 1) * s + f - n, 0)     # zeros needed so that the last window fits
    return (total // 2, total - total // 2)   # the odd zero goes after: bottom or right


def _with_total(split):
    """A slip that computes the right total and splits it with `split(total)`."""
    def slip(n, f, s):
        return split(max((-(-n // s) - 1) * s + f - n, 0))
    return slip


same_padding = Exercise(
    title='TensorFlow\'s "same" padding with a stride',
    answer=_same_padding,
    cases=[(6, 3, 2), (7, 3, 2), (5, 3, 1), (8, 4, 2), (10, 5, 3), (9, 2, 2), (6, 1, 4), (1, 3, 2)],
    mistakes=[
        Mistake(lambda n, f, s: ((f - 1) // 2, (f - 1) // 2),
                "You pad (f - 1) / 2 on both sides, which is right only at stride 1. With a larger stride "
                "TensorFlow first fixes the output size, ceil(n / s), and adds only as many zeros as that needs."),
        Mistake(_with_total(lambda total: (total - total // 2, total // 2)),
                "Your total is right, but when it is odd TensorFlow puts the extra zero at the bottom (or right), "
                "after the image, not before it."),
        Mistake(lambda n, f, s: ((total := ((-(-n // s)) - 1) * s + f - n) // 2, total - total // 2),
                "On some case your padding is negative: when the stride is larger than the filter the windows fit "
                "without any zeros, so cap the total at 0 with max(..., 0)."),
        Mistake(lambda n, f, s: ((total := max((n // s - 1) * s + f - n, 0)) // 2, total - total // 2),
                "You take n // s outputs, rounded down. \"same\" promises ceil(n / s) outputs, one for each "
                "started stride, which is -(-n // s) in integers."),
    ],
    hints=["First the output size TensorFlow promises: ceil(n / s), which is -(-n // s) with integers.",
           "The last of those windows starts at (out - 1) * s and ends f pixels later; the zeros needed are "
           "what it sticks out beyond n, and never fewer than 0.",
           "total = max((out - 1) * s + f - n, 0); return (total // 2, total - total // 2), the larger half "
           "after the image."],
    solution=("def same_padding(n, f, s):\n"
              "    out = -(-n // s)\n"
              "    total = max((out - 1) * s + f - n, 0)\n"
              "    return (total // 2, total - total // 2)"),
)

conv_parameters = Exercise(
    title="The parameters of a convolutional layer",
    answer=3216,
    mistakes=[
        Mistake(3200, "You counted the weights but not the biases: each of the 16 filters has one bias."),
        Mistake(416, "Each filter is 5 x 5 x 8, not 5 x 5: a filter is as deep as its input has channels."),
        Mistake(3328, "There is one bias per filter, not one per filter and input channel: 16 biases in all."),
        Mistake(201, "That is one filter (5 x 5 x 8 weights and a bias). The layer has 16 of them."),
    ],
    hints=["The 64 x 64 size of the picture does not matter: the same filters slide over every position.",
           "Each filter has f x f x n_C weights, n_C being the input's channels, and one bias.",
           "(5 * 5 * 8 + 1) * 16."],
    solution="3216: each of the 16 filters has 5 * 5 * 8 = 200 weights and 1 bias, (200 + 1) * 16.",
)

pooled_shape = Exercise(
    title="The output shape of a max pooling",
    answer=(4, 7, 7, 32),
    mistakes=[
        Mistake((4, 6, 6, 32), "You left out the + 1 of the output-size formula: floor((15 - 3) / 2) + 1."),
        Mistake((4, 13, 13, 32), "That is stride 1. Here the windows move 2 pixels at a time."),
        Mistake((4, 5, 5, 32), "That is stride 3 (the pool size, Keras's default when strides is not given). "
                               "Here strides=2, so the windows overlap."),
        Mistake((4, 8, 8, 32), "That is \"same\" padding, ceil(15 / 2). MaxPooling2D's default is \"valid\": "
                               "no padding."),
        Mistake((4, 7, 7, 1), "Pooling works on each channel separately: the 32 channels stay 32."),
    ],
    hints=["Pooling uses the convolution's output-size formula with p = 0 and d = 1, and keeps the batch and "
           "the channels as they are.",
           "Height and width: floor((15 - 3) / 2) + 1."],
    solution="(4, 7, 7, 32): floor((15 - 3) / 2) + 1 = 7 in height and width; batch and channels unchanged.",
)
