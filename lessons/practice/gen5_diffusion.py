"""Practice exercises of the gen5 lesson (notebooks/gen_generative/gen5_diffusion.ipynb): alpha bar of a
small schedule by hand, the standard deviation of x_t given x_0, a q_sample function in NumPy, and what
the network of a DDPM predicts."""
import numpy as np

from lessons.practice import Exercise, Mistake

# ---------------------------------------------------------------- alpha bar by hand
_BETAS = np.array([0.1, 0.2, 0.3])
_ALPHA_BAR_3 = float(np.prod(1 - _BETAS))                                        # 0.504
alpha_bar_value = Exercise(
    title="Alpha bar by hand",
    answer=_ALPHA_BAR_3,
    tolerance=1e-3,
    mistakes=[
        Mistake(float(1 - _BETAS.sum()), "You subtracted the sum of the betas from 1. alpha bar is a product: "
                                         "(1 - 0.1)(1 - 0.2)(1 - 0.3). The two agree only for tiny betas."),
        Mistake(float(np.prod(_BETAS)), "You multiplied the betas themselves. alpha bar multiplies the alphas, "
                                        "alpha_t = 1 - beta_t: the share of the signal's variance each step keeps."),
        Mistake(float(1 - _BETAS[-1]), "That is alpha_3 alone, the last step's alpha. alpha bar_3 multiplies the "
                                       "alphas of all three steps."),
        Mistake(float(1 - np.prod(1 - _BETAS)), "That is 1 - alpha bar_3, the variance of the noise in x_3. "
                                                "alpha bar_3 itself is the product of the alphas."),
        Mistake(float(np.sqrt(np.prod(1 - _BETAS))), "That is the square root of alpha bar_3, the factor in front "
                                                     "of x_0 in the mean of x_3. The question asks for alpha bar_3."),
    ],
    hints=["alpha_t = 1 - beta_t, and alpha bar_t is the product alpha_1 alpha_2 ... alpha_t.",
           "The alphas are 0.9, 0.8 and 0.7: multiply them."],
    solution="0.504 = 0.9 x 0.8 x 0.7: after three steps x_3 keeps sqrt(0.504) = 0.71 of x_0, and its noise has "
             "variance 1 - 0.504 = 0.496.",
)

# ---------------------------------------------------------------- std of x_t given x_0
_ALPHA_BAR, _BETA = 0.36, 0.05
noise_std = Exercise(
    title="The standard deviation of x_t given x_0",
    answer=float(np.sqrt(1 - _ALPHA_BAR)),                                         # 0.8
    tolerance=1e-3,
    mistakes=[
        Mistake(1 - _ALPHA_BAR, "0.64 is the variance 1 - alpha bar_t. The standard deviation is its square root."),
        Mistake(float(np.sqrt(_BETA)), "sqrt(beta_t) is the standard deviation of one step, x_t given x_{t-1}. "
                                       "Given x_0, all the steps' noise has piled up: the variance is 1 - alpha bar_t."),
        Mistake(_BETA, "beta_t is the variance of one step's noise (x_t given x_{t-1}). Given x_0 the variance is "
                       "1 - alpha bar_t, and the question asks for a standard deviation."),
        Mistake(float(np.sqrt(_ALPHA_BAR)), "0.6 = sqrt(alpha bar_t) is the factor in front of x_0 in the mean. "
                                            "The noise's standard deviation is sqrt(1 - alpha bar_t)."),
        Mistake(_ALPHA_BAR, "alpha bar_t is the share of variance the signal keeps, not the noise's spread: "
                            "the noise's standard deviation is sqrt(1 - alpha bar_t)."),
    ],
    hints=["q(x_t | x_0) = N(sqrt(alpha bar_t) x_0, (1 - alpha bar_t) I): read the variance off it.",
           "A standard deviation is the square root of a variance: sqrt(1 - 0.36)."],
    solution="0.8 = sqrt(1 - 0.36). beta_t = 0.05 is a distractor: it is the variance of the last step alone.",
)


# ---------------------------------------------------------------- q_sample
def _q_sample(x0, t, noise, alpha_bar):
    a = np.asarray(alpha_bar)[np.asarray(t)].reshape(-1, 1)
    return np.sqrt(a) * x0 + np.sqrt(1 - a) * noise


def _variance_not_std(x0, t, noise, alpha_bar):
    a = np.asarray(alpha_bar)[np.asarray(t)].reshape(-1, 1)
    return a * x0 + (1 - a) * noise


def _previous_step(x0, t, noise, alpha_bar):
    a = np.asarray(alpha_bar)[np.asarray(t) - 1].reshape(-1, 1)
    return np.sqrt(a) * x0 + np.sqrt(1 - a) * noise


def _noise_unscaled(x0, t, noise, alpha_bar):
    a = np.asarray(alpha_bar)[np.asarray(t)].reshape(-1, 1)
    return np.sqrt(a) * x0 + noise


def _no_shrink(x0, t, noise, alpha_bar):
    a = np.asarray(alpha_bar)[np.asarray(t)].reshape(-1, 1)
    return x0 + np.sqrt(1 - a) * noise


_rng = np.random.default_rng(55)
_AB = np.cumprod(1 - np.linspace(1e-4, 0.1, 100))
_X0, _NOISE = _rng.normal(size=(5, 2)), _rng.normal(size=(5, 2))
q_sample = Exercise(
    title="Noising in one jump",
    answer=_q_sample,
    cases=[(_X0, np.array([0, 10, 50, 99, 3]), _NOISE, _AB),
           (_X0, np.zeros(5, int), _NOISE, _AB),
           (_X0[:3], np.array([99, 99, 99]), _NOISE[:3], _AB),
           (np.array([[1.0, -2.0], [0.5, 0.5]]), np.array([1, 2]), np.array([[0.3, 0.1], [-1.0, 2.0]]),
            np.array([0.9, 0.72, 0.504]))],
    mistakes=[
        Mistake(_variance_not_std, "You multiplied by alpha bar and by 1 - alpha bar: those are variances. The "
                                   "factors are their square roots, sqrt(alpha bar_t) and sqrt(1 - alpha bar_t)."),
        Mistake(_previous_step, "You read alpha_bar[t - 1]. In code, alpha_bar[t] already belongs to step t (the "
                                "arrays start at step 0), and at t = 0 the index -1 even picks the last step."),
        Mistake(_noise_unscaled, "You added the noise unscaled: its standard deviation must be sqrt(1 - alpha bar_t), "
                                 "small for small t."),
        Mistake(_no_shrink, "You kept x_0 whole. The signal shrinks as the noise grows: the mean is "
                            "sqrt(alpha bar_t) x_0, which keeps the variance of x_t near 1."),
    ],
    hints=["x_t = sqrt(alpha bar_t) x_0 + sqrt(1 - alpha bar_t) noise, with each row's own t.",
           "alpha_bar[t] has shape (n,) while x0 is (n, 2): reshape it to (n, 1) so that it multiplies each row.",
           "a = alpha_bar[t][:, None]; return np.sqrt(a) * x0 + np.sqrt(1 - a) * noise"],
    solution=("def q_sample(x0, t, noise, alpha_bar):\n"
              "    a = alpha_bar[t][:, None]          # (n, 1): one alpha bar per row\n"
              "    return np.sqrt(a) * x0 + np.sqrt(1 - a) * noise"),
)

# ---------------------------------------------------------------- what the network predicts
what_predicts = Exercise(
    title="What the network predicts",
    answer="b",
    mistakes=[
        Mistake("a", "It could, but this DDPM does not: its loss compares the output with the noise epsilon. The "
                     "mean of x_{t-1} is then computed from x_t and the predicted noise by a fixed formula."),
        Mistake("c", "t is an input, not an output: the network is told t through the time embedding, so that it "
                     "knows how much noise to expect."),
        Mistake("d", "Predicting x_0 is another valid choice (x_0 and epsilon determine each other given x_t and t), "
                     "but it is not the simple loss we trained: there the target is epsilon."),
        Mistake("e", "The variance is fixed, sigma_t^2 = beta_t, by the schedule; nothing learns it here."),
    ],
    hints=["Look at the loss: what is the network's output compared with?",
           "L = || epsilon - epsilon_theta(x_t, t) ||^2: the target is the noise that was drawn."],
    solution='"b": the network epsilon_theta(x_t, t) predicts the noise epsilon that q_sample mixed into x_0 to '
             "make x_t. From it the reverse step computes the mean of x_{t-1}; the variance beta_t is fixed.",
)
