"""gen5 quiz: each question's hint (where to read again) and why each wrong choice is wrong.
The right answers are the source notebook's, recorded in expected/; none reaches the kernel."""
from grader.checks import question

LESSON = "the lesson gen5_diffusion"
DDPM = "the assignment gen5_ddpm"

CHECKS = [
    question("q1", f"section 2.1 of {LESSON}, on one step and the noise schedule.", {
        "b": "Nothing about the factor makes a step undoable without a network: the reverse step depends on the "
             "whole data distribution, which is exactly what the network learns.",
        "c": "beta_t is a variance between 0 and 1 whatever the factor; 1 - beta_t must stay positive for its "
             "square root to exist.",
        "d": "The number of steps is T, set by the schedule; the factor only keeps the variance of x_t at 1.",
    }),
    question("q2", f"section 2.2 of {LESSON} (q(x_t | x_0)) and exercise 2 of {DDPM}.", {
        0.7: "0.7 = 1 - alpha bar_3 is the variance; the standard deviation is its square root, sqrt(0.7).",
        0.5477: "0.5477 = sqrt(alpha bar_3) is the factor in front of x_0 in the mean, not the noise's spread: "
                "sqrt(1 - 0.3).",
        0.3: "0.3 = alpha bar_3 = 0.8 x 0.75 x 0.5, the share of the variance x_0 keeps; the noise has the rest, "
             "1 - 0.3, and its standard deviation is sqrt(0.7).",
        0.7071: "sqrt(beta_3) is the standard deviation of the last step alone (x_3 given x_2); given x_0 the "
                "three steps' noise adds up to variance 1 - alpha bar_3 = 0.7.",
        0.9747: "That uses 1 - alpha bar = the sum of the betas (0.95), a first-order approximation that fails for "
                "betas this large: alpha bar_3 = 0.8 x 0.75 x 0.5 = 0.3, so sqrt(1 - 0.3).",
        0.2236: "That takes alpha bar = 1 - (sum of the betas) = 0.05; alpha bar is a product, "
                "0.8 x 0.75 x 0.5 = 0.3, and the answer sqrt(1 - 0.3).",
    }, tolerance=1e-3),
    question("q3", f"section 4.1 of {LESSON}, on the ancestral step, and exercise 5 of {DDPM}.", {
        1.4923: "That divides by sqrt(alpha bar_t) = sqrt(0.5); the factor in front is 1 / sqrt(alpha_t), one "
                "step's alpha: 1 / sqrt(0.9).",
        1.0445: "That adds beta_t z = 0.05; sigma_t is the standard deviation sqrt(beta_t), so sqrt(0.1) x 0.5.",
        0.9945: "That is the mean alone; only the last step (t = 0 in code) skips the noise sigma_t z.",
        0.9141: "That subtracts sqrt(1 - alpha bar_t) eps, the x_0 formula's term; the step takes "
                "beta_t / sqrt(1 - alpha bar_t) = 0.1 / sqrt(0.5) times the predicted noise.",
        1.1015: "That forgets to divide by sqrt(alpha_t) = sqrt(0.9).",
    }, tolerance=1e-3),
    question("q4", f"sections 2.2, 3.1 and 3.4 of {LESSON}.", {
        "c": "The closed form q(x_t | x_0) = N(sqrt(alpha bar_t) x_0, (1 - alpha bar_t) I) gives x_t in one draw for "
             "any t: that is what makes training cheap.",
        "e": "At the first steps the noise is so small that it cannot be told from the data's own spread: the "
             "lesson's held-out loss stayed near 0.96 at t = 0 while it fell to 0.006 at t = 99.",
    }, several=True),
    question("q5", f"section 3.2 of {LESSON}, on the sinusoidal time embedding.", {
        "a": "The lesson used no one-hot vector: sines and cosines of t at geometric frequencies, the Transformer's "
             "positional encoding, which tells neighbouring steps apart and says roughly how far along t is.",
        "c": "The Embedding layer holds the sinusoidal table, set with set_weights and frozen (trainable=False): "
             "its 3,200 numbers are not trained.",
        "d": "The network gets t itself, embedded as a vector of sines and cosines, not alpha bar_t.",
    }),
    question("q6", f"section 3.4 of {LESSON}, on the held-out loss per step.", {
        "b": "The other way round: at the last step x_t is almost all noise, so the noise is easy to find "
             "(0.006); at the first step it is tiny and hidden in the data's spread (0.96).",
        "c": "About 0.32 was the average over the steps; the loss per step ran from 0.96 at t = 0 to 0.006 at "
             "t = 99.",
        "d": "At the first steps it stayed near 1 (0.96 at t = 0): no network can find noise smaller than the data's "
             "own spread.",
    }),
    question("q7", f"section 5.2 of {LESSON}, on measuring samples against a baseline.", {
        "b": "No model beat fresh real points: they are the floor (0.0029), the DDPM's samples came next (0.0042).",
        "c": "Without the noise the samples collapsed onto one short arc: 0.65, far worse than the Gaussian "
             "(0.024). The noise sigma_t z is what makes ancestral sampling sample.",
        "d": "The no-noise samples were the farthest of all (0.65 against the Gaussian's 0.024): every chain "
             "followed the mean onto one arc.",
    }),
    question("q8", f"section 4.1 of {LESSON} and exercise 5 of {DDPM}: alpha_t or alpha bar_t?", {
        "a": "The factor in front is 1 / sqrt(alpha_t), one step's alpha; alpha bar_t belongs only in "
             "sqrt(1 - alpha bar_t) under beta_t. With alpha bar the samples blow up (the assignment's broken "
             "step diverged).",
        "c": "sqrt(1 - alpha bar_t) eps is the noise term of the closed form, used to solve for x_0; the step to "
             "x_{t-1} removes beta_t / sqrt(1 - alpha bar_t) times the predicted noise.",
        "d": "beta_t is a variance; the noise is scaled by the standard deviation sigma_t = sqrt(beta_t).",
    }),
    question("q9", f"section 6 of {LESSON}, on cross-attention.", {
        (1, 4, 7, 256): "The queries come first: each of the 256 positions of the feature map gets a weight per "
                        "prompt token, (batch, heads, queries, keys) = (1, 4, 256, 7).",
        (1, 256, 7): "MultiHeadAttention returns one set of weights per head: (1, 4, 256, 7).",
        (1, 4, 256, 256): "That is self-attention, the feature map attending to itself; in cross-attention the keys "
                          "are the 7 prompt tokens: (1, 4, 256, 7).",
        (1, 256, 64): "That is the shape of the attended output (the query's shape); the weights are "
                      "(batch, heads, queries, keys) = (1, 4, 256, 7).",
    }),
    question("q10", f"section 6 of {LESSON}, on classifier-free guidance.", {
        "b": "With w = 1 the unconditional terms cancel: eps_uncond + (eps_cond - eps_uncond) = eps_cond, the "
             "conditional prediction. w = 0 is the unconditional one.",
        "c": "That is the older classifier guidance. Classifier-free guidance uses one network, trained with the "
             "prompt sometimes dropped, run twice per step.",
        "d": "The other way round: larger w pushes each step further in the prompt's direction, so pictures "
             "follow the prompt more closely and vary less.",
    }),
]
