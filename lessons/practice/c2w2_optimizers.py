"""Practice exercises of the C2W2 lesson on optimisation algorithms
(notebooks/c2_improving_deep_networks/c2w2_optimizers.ipynb): counting mini-batches, a bias-corrected
exponentially weighted average by hand, the course's momentum in Keras's terms, and a schedule's
decay_steps counted in optimizer steps."""
import math

from lessons.practice import Exercise, Mistake

mini_batch_count = Exercise(
    title="Mini-batches of an epoch",
    answer=(16, 40),
    mistakes=[
        Mistake((15, 40), "1000 / 64 = 15.6, and the 40 examples left over make one more mini-batch: round up, "
                          "ceil(m / b)."),
        Mistake((16, 64), "The last mini-batch is not full: it holds only the m mod b examples that are left."),
        Mistake((15, 64), "Count the mini-batches with ceil(m / b), not floor, and the last one holds m mod b "
                          "examples, not b."),
        Mistake((16, 24), "24 is what the last mini-batch lacks to be full (16 x 64 - 1000). It holds the "
                          "m mod b examples that are left."),
    ],
    hints=["One iteration per mini-batch; every example is used once per epoch, so a partial mini-batch "
           "still counts.",
           "Iterations per epoch: ceil(m / b). The last mini-batch: m mod b examples (when b does not divide m).",
           "ceil(1000 / 64) and 1000 % 64."],
    solution="(16, 40): 15 full mini-batches of 64 hold 960 examples; the remaining 1000 % 64 = 40 make a 16th.",
)

ewa_by_hand = Exercise(
    title="A bias-corrected average by hand",
    answer=2.9 / (1 - 0.9 ** 2),
    tolerance=1e-3,
    mistakes=[
        Mistake(2.9, "2.9 is the raw v_2. Correct it for the start at 0: divide by 1 - beta^t with t = 2."),
        Mistake(11 / (1 - 0.9 ** 2), "You wrote the corrected v_1 = 10 back into v and went on from it. The "
                                     "recursion carries the raw v_1 = 1; the corrected value is a new variable."),
        Mistake(2.9 / (1 - 0.9), "You divided by 1 - beta = 0.1. The correction is 1 - beta^t, with t = 2: "
                                 "1 - 0.81 = 0.19."),
        Mistake(15.0, "15 is the plain mean of the two days. The corrected average weighs the newer day more: "
                      "weights 1 for day 2 and beta = 0.9 for day 1."),
    ],
    hints=["Start from v_0 = 0 and apply v_t = beta v_(t-1) + (1 - beta) theta_t twice, keeping the raw values.",
           "v_1 = 0.1 x 10 = 1 and v_2 = 0.9 x 1 + 0.1 x 20 = 2.9. Only then correct.",
           "v_2 / (1 - 0.9^2) = 2.9 / 0.19."],
    solution=("15.263: v_1 = 0.9 x 0 + 0.1 x 10 = 1, v_2 = 0.9 x 1 + 0.1 x 20 = 2.9, and the corrected "
              "v_hat_2 = 2.9 / (1 - 0.9^2) = 2.9 / 0.19 = 15.263, the mean of 10 and 20 with weights 0.9 and 1."),
)

keras_momentum = Exercise(
    title="The course's momentum in Keras",
    answer=0.05 * (1 - 0.9),
    mistakes=[
        Mistake(0.05, "With the same number, Keras's SGD steps 1 / (1 - beta) = 10 times further than the course's "
                      "momentum: its velocity has no factor (1 - beta)."),
        Mistake(0.05 / (1 - 0.9), "The other way round: Keras's velocity leaves out the factor (1 - beta), so its "
                                  "learning rate must put it back in: alpha (1 - beta)."),
        Mistake(0.05 * 0.9, "The factor is 1 - beta, not beta."),
    ],
    hints=["Keras's velocity is m = beta m - lr dW, without the course's factor (1 - beta) in front of dW.",
           "Unrolled, Keras's step is the course's step with lr in the place of alpha (1 - beta).",
           "learning_rate = alpha (1 - beta) = 0.05 x 0.1."],
    solution="0.005: keras.optimizers.SGD(learning_rate=0.05 * (1 - 0.9), momentum=0.9).",
)


def _decay_steps(interval, m, batch_size):
    return interval * math.ceil(m / batch_size)


decay_steps = Exercise(
    title="decay_steps for a schedule",
    answer=_decay_steps,
    cases=[(5, 300, 64), (1, 1000, 100), (3, 50, 64), (10, 60000, 128), (2, 129, 64)],
    mistakes=[
        Mistake(lambda interval, m, batch_size: interval,
                "A Keras optimizer calls its schedule with its own step counter, one per mini-batch, not per "
                "epoch: multiply the interval by the steps of an epoch."),
        Mistake(lambda interval, m, batch_size: interval * (m // batch_size),
                "m // batch_size leaves out the last, smaller mini-batch, and it is a step too: round up."),
        Mistake(lambda interval, m, batch_size: interval * m // batch_size,
                "interval * m // batch_size rounds down, and once for all the epochs. Each epoch ends with a "
                "partial mini-batch, which is a step too: round up the steps of one epoch, then multiply."),
        Mistake(lambda interval, m, batch_size: math.ceil(interval * m / batch_size),
                "You round up once for all the epochs; each epoch ends with its own partial mini-batch. Round "
                "up the steps of one epoch, then multiply by the interval."),
        Mistake(lambda interval, m, batch_size: interval * m / batch_size,
                "A number of steps is whole: every epoch takes ceil(m / batch_size) steps, the last mini-batch "
                "partial."),
        Mistake(lambda interval, m, batch_size: interval * m,
                "That counts examples. The optimizer counts steps, one per mini-batch."),
    ],
    hints=["The optimizer's counter grows by one per mini-batch. How many mini-batches make one epoch?",
           "One epoch is ceil(m / batch_size) steps, the last mini-batch smaller when batch_size does not "
           "divide m.",
           "return interval * math.ceil(m / batch_size)"],
    solution=("import math\n\n\n"
              "def decay_steps(interval, m, batch_size):\n"
              "    steps_per_epoch = math.ceil(m / batch_size)  # the last mini-batch may be partial\n"
              "    return interval * steps_per_epoch"),
)
