"""Checks of assignment C1W1 (data as tensors). Expected outputs: expected/*.npz."""
import numpy as np

from grader.checks import Case, Check, close

rng = np.random.default_rng(101)


def split_properties(expected, got, case):
    """Sizes, pairing and disjointness first (clearer messages), then the exact split."""
    X, Y = case.args[0], case.args[1]
    if not isinstance(got, tuple) or len(got) != 6:
        return "return six arrays: X_train, Y_train, X_dev, Y_dev, X_test, Y_test"
    names = ("X_train", "Y_train", "X_dev", "Y_dev", "X_test", "Y_test")
    for name, e, g in zip(names, expected, got):
        if np.shape(g) != np.shape(e):
            return f"{name} should have shape {np.shape(e)}, got {np.shape(g)}"
    columns = np.concatenate([got[0], got[2], got[4]], axis=1)
    labels = np.concatenate([got[1], got[3], got[5]], axis=1)
    original = {tuple(col) + (y,) for col, y in zip(X.T, Y[0])}
    if {tuple(col) + (y,) for col, y in zip(columns.T, labels[0])} != original:
        return "the three sets together should hold every example exactly once, each with its own label"
    return close(atol=0, rtol=0)(expected, got, case)


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
              Case("odd sizes with fractions (0.6, 0.25, 0.15) and seed 7",
                   (rng.random((2, 33)), rng.integers(0, 2, (1, 33)), (0.6, 0.25, 0.15), 7)),
              Case("another seed gives another split",
                   (np.arange(100.).reshape(2, 50), np.arange(50).reshape(1, 50), (0.8, 0.1, 0.1), 3)),
          ),
          compare=split_properties),
]
