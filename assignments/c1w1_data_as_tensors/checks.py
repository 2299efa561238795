"""Checks of assignment C1W1 (data as tensors). Expected outputs: expected/*.npz."""
import numpy as np

from grader.checks import Case, Check, KnownMistake, array_of_shape, close, n_parts

rng = np.random.default_rng(101)

SPLIT_NAMES = ("X_train", "Y_train", "X_dev", "Y_dev", "X_test", "Y_test")


def split_properties(expected, got, case):
    """Sizes, pairing and disjointness first (clearer messages), then the exact split."""
    X, Y = case.args[0], case.args[1]
    message = n_parts(got, 6, f"the result ({', '.join(SPLIT_NAMES)})")
    if message:
        return message
    for name, e, g in zip(SPLIT_NAMES, expected, got):
        message = array_of_shape(g, np.shape(e), name)
        if message:
            return message
    columns = np.concatenate([got[0], got[2], got[4]], axis=1)
    labels = np.concatenate([got[1], got[3], got[5]], axis=1)
    original = {tuple(col) + (y,) for col, y in zip(X.T, Y[0])}
    if {tuple(col) + (y,) for col, y in zip(columns.T, labels[0])} != original:
        return "the three sets together should hold every example exactly once, each with its own label"
    return close(atol=0, rtol=0)(expected, got, case)


def split_in_order(order_of):
    """What a case's split is with the examples taken in the order `order_of(m, seed)`, not the reference's."""
    def split(X, Y, fractions=(0.8, 0.1, 0.1), seed=0):
        m = X.shape[1]
        order = order_of(m, seed)
        n_dev, n_test = int(fractions[1] * m), int(fractions[2] * m)
        n_train = m - n_dev - n_test
        parts = order[:n_train], order[n_train:n_train + n_dev], order[n_train + n_dev:]
        return tuple(array[:, part] for part in parts for array in (X, Y))
    return lambda case: split(*case.args)


LEGACY_SHUFFLE = KnownMistake(
    "these sets follow the legacy np.random.seed/np.random.permutation stream: shuffle with "
    "np.random.default_rng(seed).permutation(m), as this notebook asks",
    split_in_order(lambda m, seed: np.random.RandomState(seed).permutation(m)))
NOT_SHUFFLED = KnownMistake(
    "the sets take the examples in their original order: shuffle them first with "
    "np.random.default_rng(seed).permutation(m)",
    split_in_order(lambda m, seed: np.arange(m)))

CHECKS = [
    Check("flatten_images",
          hint="reshape to (m, -1) so each row is one image, then transpose to (n_x, m)",
          cases=(
              Case("four 2x3x3 images", (np.arange(72, dtype=float).reshape(4, 2, 3, 3),), public=True),
              Case("grayscale images (m, h, w)", (rng.random((5, 8, 8)),), public=True),
              Case("one 64x64 RGB image", (rng.integers(0, 256, (1, 64, 64, 3)).astype(np.uint8),)),
              Case("a batch of 7 colour images", (rng.random((7, 5, 4, 3)),)),
          )),
    Check("standardize",
          hint="use the mean and standard deviation of each row of X_train (axis=1, keepdims=True) for both sets",
          cases=(
              Case("two features, train and other", (np.array([[1., 2., 3.], [10., 20., 60.]]),
                                                     np.array([[2., 4.], [0., 30.]])), public=True),
              Case("stats from the training set only", (rng.normal(5, 2, (4, 50)), rng.normal(-3, 9, (4, 20)))),
              Case("a constant feature is left unscaled", (np.vstack([np.full((1, 6), 7.), rng.random((2, 6))]),
                                                           rng.random((3, 4)))),
          ),
          compare=close(atol=1e-9)),
    Check("train_dev_test_split",
          hint="permute with np.random.default_rng(seed).permutation(m); dev gets int(f_dev*m), "
               "test int(f_test*m), train the rest, in that order",
          cases=(
              Case("20 examples, default fractions", (np.arange(60.).reshape(3, 20), np.arange(20).reshape(1, 20)),
                   public=True),
              Case("30 examples with fractions (0.7, 0.2, 0.1) and seed 12",
                   (np.arange(30.).reshape(1, 30) ** 2, np.arange(30).reshape(1, 30) % 2, (0.7, 0.2, 0.1), 12),
                   public=True),
              Case("odd sizes with fractions (0.6, 0.25, 0.15) and seed 7",
                   (rng.random((2, 33)), rng.integers(0, 2, (1, 33)), (0.6, 0.25, 0.15), 7)),
              Case("another seed gives another split",
                   (np.arange(100.).reshape(2, 50), np.arange(50).reshape(1, 50), (0.8, 0.1, 0.1), 3)),
          ),
          compare=split_properties,
          known_mistakes=(LEGACY_SHUFFLE, NOT_SHUFFLED)),
]
