"""Practice exercises of the gen3 lesson (notebooks/gen_generative/gen3_autoencoders_and_vaes.ipynb):
the output shape of two stride-2 transposed convolutions, the VAE's sampling step in NumPy, why the
reparameterisation trick is needed, and a KL term by hand."""
import numpy as np

from lessons.practice import Exercise, Mistake

transpose_shape = Exercise(
    title="Two transposed convolutions",
    answer=(16, 16, 1),
    mistakes=[
        Mistake((8, 8, 1), "That is one doubling: each of the two Conv2DTranspose layers with strides=2 and "
                           "padding='same' doubles height and width, 4 -> 8 -> 16."),
        Mistake((16, 16, 16), "The height and width are right, but a layer's output has as many channels as it has "
                              "filters: the last layer has 1 filter."),
        Mistake((16, 16, 32), "The height and width are right, but the channels come from the last layer's filters "
                              "(1), not from the input's 32."),
        Mistake((1, 1, 1), "A stride of 2 shrinks the size in Conv2D, but Conv2DTranspose goes the other way: it "
                           "multiplies the size by the stride."),
        Mistake((19, 19, 1), "19 is what padding='valid' gives, 2 (n - 1) + 3 twice: 4 -> 9 -> 19. With "
                             "padding='same' the size is exactly multiplied by the stride."),
    ],
    hints=["With padding='same', Conv2DTranspose multiplies the height and the width by the stride.",
           "The number of channels of a layer's output is its number of filters, the first argument.",
           "4 -> 8 -> 16 in height and width, and the last layer has 1 filter."],
    solution="(16, 16, 1): each stride-2 Conv2DTranspose with padding='same' doubles the size, 4 -> 8 -> 16, and the "
             "last one has a single filter, so one channel: a 16 x 16 grey picture.",
)


def _sample(mu, log_var, eps):
    return mu + np.exp(0.5 * log_var) * eps


def _variance_not_std(mu, log_var, eps):
    return mu + np.exp(log_var) * eps


def _log_var_as_std(mu, log_var, eps):
    return mu + log_var * eps


def _sqrt_log_var(mu, log_var, eps):
    return mu + np.sqrt(np.abs(log_var)) * eps


def _unscaled(mu, log_var, eps):
    return mu + eps


def _no_mean(mu, log_var, eps):
    return np.exp(0.5 * log_var) * eps


_rng = np.random.default_rng(5)
_MU, _LOG_VAR, _EPS = _rng.normal(size=(3, 4)), _rng.normal(size=(3, 4)), _rng.normal(size=(3, 4))
sample_z = Exercise(
    title="The sampling step",
    answer=_sample,
    cases=[(_MU, _LOG_VAR, _EPS),
           (np.array([1.0, -2.0]), np.array([0.0, np.log(4.0)]), np.array([0.5, 0.5])),
           (np.array([[0.3, 2.0]]), np.array([[-50.0, -50.0]]), np.array([[1.5, -2.0]])),
           (np.zeros(3), np.zeros(3), np.array([0.1, -0.2, 0.3]))],
    mistakes=[
        Mistake(_variance_not_std, "You multiply the noise by the variance exp(log_var). A draw from N(mu, sigma^2) "
                                   "is mu + sigma * eps, with the standard deviation sigma = exp(0.5 * log_var)."),
        Mistake(_log_var_as_std, "You use log_var itself as the standard deviation. It is the logarithm of the "
                                 "variance: sigma = exp(0.5 * log_var)."),
        Mistake(_sqrt_log_var, "The square root of log_var is not sigma: undo the logarithm first. "
                               "sigma = sqrt(exp(log_var)) = exp(0.5 * log_var)."),
        Mistake(_unscaled, "You add the noise without scaling it: every draw then has variance 1, whatever the "
                           "encoder says. Multiply eps by sigma = exp(0.5 * log_var)."),
        Mistake(_no_mean, "You left out the mean: z = mu + sigma * eps."),
    ],
    hints=["z = mu + sigma * eps, where sigma is the standard deviation.",
           "log_var is log(sigma^2), so sigma = exp(log_var / 2).",
           "return mu + np.exp(0.5 * log_var) * eps. A very negative log_var gives sigma close to 0, so z = mu."],
    solution=("def sample(mu, log_var, eps):\n"
              "    return mu + np.exp(0.5 * log_var) * eps"),
)

why_trick = Exercise(
    title="Why the reparameterisation trick",
    answer="b",
    mistakes=[
        Mistake("a", "Speed is not the point: both ways draw one normal number per dimension. The point is that "
                     "mu + sigma * eps is a differentiable function of mu and sigma."),
        Mistake("c", "The KL term is computed from mu and log_var alone, in closed form, with or without sampling. "
                     "The trick is about the reconstruction term, which depends on the sampled z."),
        Mistake("d", "z is still random: eps is drawn anew at every step. Only the randomness moves into eps, an "
                     "input that needs no gradient."),
    ],
    hints=["Training needs the gradient of the reconstruction loss with respect to the encoder's weights. "
           "What stands between them?",
           "A number returned by a random number generator has no derivative with respect to the mean it was "
           "asked for; mu + exp(0.5 * log_var) * eps has: dz/dmu = 1."],
    solution='"b": with z = mu + sigma * eps the randomness is in eps, and z is a differentiable function of mu and '
             "log_var, so backpropagation reaches the encoder. A draw made directly has no gradient (the lesson's "
             "GradientTape returned None).",
)

def _kl(mu, log_var, variance):
    return float(-0.5 * np.sum(1 + np.asarray(log_var) - np.square(mu) - np.asarray(variance)))


_MU_KL, _LOG_VAR_KL = np.array([0.5, -1.0]), np.array([0.0, -1.0])
_KL = _kl(_MU_KL, _LOG_VAR_KL, np.exp(_LOG_VAR_KL))                       # 0.8089
kl_value = Exercise(
    title="A KL term by hand",
    answer=_KL,
    tolerance=1e-3,
    mistakes=[
        Mistake(2 * _KL, "You left out the factor 1/2 in front of the sum."),
        Mistake(-_KL, "Your sign is flipped: a KL divergence is never negative. "
                      "KL = -1/2 sum(1 + log_var - mu^2 - exp(log_var))."),
        Mistake(_kl(_MU_KL, _LOG_VAR_KL, np.exp(0.5 * _LOG_VAR_KL)),
                "You used the standard deviation exp(0.5 * log_var) where the formula has the variance "
                "exp(log_var)."),
        Mistake(_kl(_MU_KL, _LOG_VAR_KL, _LOG_VAR_KL),
                "You used log_var where the formula has the variance: the last term is exp(log_var), not log_var "
                "(a KL divergence is never negative)."),
        Mistake(_KL / 2, "You averaged over the two dimensions. The KL of independent dimensions is their sum."),
    ],
    hints=["KL = -1/2 sum over dimensions of (1 + log_var - mu^2 - exp(log_var)).",
           "First dimension: 1 + 0 - 0.25 - 1 = -0.25. Second: 1 - 1 - 1 - exp(-1).",
           "-1/2 x (-0.25) = 0.125, and -1/2 x (-1 - 0.3679) = 0.6839: add them."],
    solution="0.8089: dimension 1 gives -1/2 (1 + 0 - 0.25 - e^0) = 0.125, dimension 2 gives "
             "-1/2 (1 - 1 - 1 - e^-1) = 0.6839, and the KL is their sum.",
)
