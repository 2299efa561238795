"""C2W2 quiz: each question's hint (where to read again) and why each wrong answer is wrong.
The right answers are the source notebook's, recorded in expected/; none reaches the kernel."""
from grader.checks import question

LESSON = "the lesson c2w2_optimizers"

CHECKS = [
    question("q1", f"section 1 of {LESSON}, on making the mini-batches.", {
        (4, 64): "The 44 examples left over after four full mini-batches are not dropped: they form a "
                 "fifth, smaller mini-batch, so every example is used once per epoch.",
        (5, 64): "Unless 64 divides 300, the last mini-batch is smaller: it holds 300 mod 64 = 44 examples.",
        (5, 60): "The mini-batches are not evened out: four hold 64 examples and the last holds the "
                 "300 mod 64 = 44 left over.",
        (4, 44): "Four full mini-batches of 64 plus the last one of 44 make five iterations per epoch.",
    }),
    question("q2", f"section 3 of {LESSON}, on bias correction: v_hat = v / (1 - beta^t), with v kept raw.", {
        2.9: "That is the raw v_2 = 0.9 * 1 + 0.1 * 20. Bias correction divides it by 1 - 0.9^2 = 0.19.",
        57.89: "That writes the corrected v_hat_1 = 10 back into v before the next step, so the correction "
               "is applied twice. Keep v raw: v_2 = 2.9, then v_hat_2 = 2.9 / 0.19.",
        15.0: "That is the plain mean of 10 and 20. The corrected average weighs recent points more: "
              "(0.1 * 20 + 0.09 * 10) / 0.19.",
    }, tolerance=1e-3),
    question("q3", f"section 3 of {LESSON}, on how late a heavily smoothed average responds.", {
        50: "50 = 1/(1 - beta) is roughly how many points the average remembers, not the lag it measured: "
            "its peak came 40 days after the curve's.",
        9: "9 days was the lag with beta = 0.9 (about 10 days of memory). With beta = 0.98 it was 40.",
        1: "1 day was the lag with beta = 0.5. With beta = 0.98 the average peaked 40 days late.",
        0: "A bias-corrected average still lags: it averages past days, so it peaks after the curve does.",
    }),
    question("q4", f"section 6 of {LESSON}, on learning-rate decay and its staircase form.", {
        0.1333: "The staircase rounds epoch_num / time_interval down: floor(2500 / 1000) = 2, not 2.5.",
        0.12: "floor rounds down: floor(2.5) = 2, so the rate is 0.3 / (1 + 0.5 * 2).",
        0.0002398: "That decays every epoch, 0.3 / (1 + 0.5 * 2500). The staircase lowers the rate only "
                   "once every 1000 epochs.",
        0.1: "decay_rate is 0.5 here: 0.3 / (1 + 0.5 * 2).",
        0.3: "By epoch 2500 the staircase has stepped down twice: 0.3 / (1 + 0.5 * 2).",
    }, tolerance=1e-3),
    question("q5", f"section 6 of {LESSON}, on steps, not epochs: decay_steps = interval * steps_per_epoch.", {
        5: "A Keras schedule counts optimizer steps, one per mini-batch, not epochs: with 5 steps per epoch, "
           "5 steps is one epoch.",
        23.4375: "The last, smaller mini-batch is a step too: an epoch is ceil(300 / 64) = 5 steps.",
        1500: "That counts examples (300 * 5). The optimizer's counter grows by one per mini-batch.",
    }, tolerance=1e-3),
    question("q6", f"section 4 of {LESSON}, on Adam with bias correction.", {
        "b": "Writing v_hat back into v applies the correction again at every step and blows the average "
             "up at the start: v and s stay raw; v_hat and s_hat are new variables.",
        "e": "The learning rate alpha still needs tuning: with bias correction it is roughly Adam's step "
             "size per parameter.",
    }, several=True),
    question("q7", f"section 5 of {LESSON}, on Keras's momentum: lr = alpha (1 - beta).", {
        0.1: "Keras's velocity has no factor (1 - beta): with learning_rate 0.1 its steps are "
             "1/(1 - beta) = 10 times the course's. Use alpha (1 - beta) = 0.01.",
        1.0: "Keras's velocity leaves out (1 - beta), so its learning rate must carry it: "
             "alpha (1 - beta) = 0.1 * 0.1.",
        0.09: "The factor is 1 - beta = 0.1, not beta: 0.1 * (1 - 0.9) = 0.01.",
    }, tolerance=1e-3),
    question("q8", f"section 7 of {LESSON}, on local optima, saddle points and plateaus.", {
        "a": "For a local minimum the cost must curve upwards in every one of millions of directions; a "
             "point of zero gradient is far more likely a saddle point.",
        "c": "Being near the minimum is the goal, not a slowdown; learning-rate decay helps settle there.",
        "d": "A zero gradient does not mean a minimum: it can be a saddle point, where the lesson's "
             "gradient descent waited 67 steps before it found the way down.",
    }),
    question("q9", f"section 4 of {LESSON}, on RMSprop (the lesson computes this very step).", {
        0.95: "That is gradient descent's step, alpha * dw. RMSprop divides dw by sqrt(s) + eps, with "
              "s = 0.1 * 0.25 = 0.025.",
        0.9: "That would need a bias-corrected s (s_hat = dw^2, a step of alpha). RMSprop as written has "
             "no correction: s = 0.025, and the first step is 0.1 * 0.5 / 0.158 = 0.316.",
        0.3162: "That is the step; the new w is 1 - 0.3162.",
    }, tolerance=1e-3),
    question("q10", f"section 1 of {LESSON}, on choosing the mini-batch size.", {
        "b": "Mini-batches of 64 to 512 are for larger sets. With m <= 2000 a full batch is cheap, and "
             "its steps are exact.",
        "c": "One example per step loses the speed of vectorisation and is the noisiest choice; a set "
             "this small fits in one batch.",
        "d": "For m <= 2000 the course uses the whole set per step; when mini-batches are used, "
             "64 to 512 examples is the usual size.",
    }),
]
