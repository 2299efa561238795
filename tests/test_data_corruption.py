"""lessons.data.corruption.corrupt_digits: the "photo" distribution of Course 3, Week 2."""
import numpy as np
import pytest
from scipy import ndimage
from sklearn.datasets import load_digits

from lessons.data.corruption import corrupt_digits

NO_CORRUPTION = dict(max_angle=0.0, blur=(0.0, 0.0), contrast=(1.0, 1.0), background=(0.0, 0.0), noise=0.0)


@pytest.fixture(scope="module")
def digits():
    return (load_digits().images[:60] / 16).astype(np.float32)


def test_shape_dtype_and_range(digits):
    out = corrupt_digits(digits, seed=0)
    assert out.shape == digits.shape and out.dtype == np.float32
    assert out.min() >= 0.0 and out.max() <= 1.0


def test_same_seed_same_output_other_seed_other_output(digits):
    assert np.array_equal(corrupt_digits(digits, seed=3), corrupt_digits(digits, seed=3))
    assert not np.allclose(corrupt_digits(digits, seed=3), corrupt_digits(digits, seed=4))


def test_flat_rows_give_the_same_images(digits):
    flat = corrupt_digits(digits.reshape(len(digits), -1), seed=1)
    assert flat.shape == (len(digits), 64)
    assert np.array_equal(flat.reshape(digits.shape), corrupt_digits(digits, seed=1))


def test_input_is_not_modified(digits):
    before = digits.copy()
    corrupt_digits(digits, seed=0)
    assert np.array_equal(digits, before)


def test_all_effects_off_is_the_identity(digits):
    assert np.allclose(corrupt_digits(digits, seed=0, **NO_CORRUPTION), digits, atol=1e-6)


def test_each_effect_does_what_it_says(digits):
    image = digits[:1]
    background = corrupt_digits(np.zeros((1, 8, 8)), seed=0, **{**NO_CORRUPTION, "background": (0.2, 0.2)})
    assert np.allclose(background, 0.2)
    faded = corrupt_digits(image, seed=0, **{**NO_CORRUPTION, "contrast": (0.5, 0.5)})
    assert np.allclose(faded, 0.5 * image, atol=1e-6)
    blurred = corrupt_digits(image, seed=0, **{**NO_CORRUPTION, "blur": (0.5, 0.5)})
    expected = ndimage.gaussian_filter(image[0].astype(np.float64), 0.5, mode="constant")
    assert np.allclose(blurred[0], expected, atol=1e-6)
    rotated = corrupt_digits(image, seed=0, **{**NO_CORRUPTION, "max_angle": 10.0})
    assert not np.allclose(rotated, image) and abs(rotated.sum() - image.sum()) < 0.15 * image.sum()
    noisy = corrupt_digits(np.full((200, 8, 8), 0.5), seed=0, **{**NO_CORRUPTION, "noise": 0.1})
    assert abs(noisy.std() - 0.1) < 0.01 and abs(noisy.mean() - 0.5) < 0.01


def test_photos_differ_from_scans_but_keep_the_digit(digits):
    """The corruption is a real change of distribution, yet the digit stays readable: a nearest-
    class-mean classifier built on clean digits still beats chance by far on the photos."""
    X = (load_digits().data / 16).astype(np.float32)
    y = load_digits().target
    photos = corrupt_digits(X[1000:], seed=0)
    assert np.abs(photos - X[1000:]).mean() > 0.1
    means = np.stack([X[:1000][y[:1000] == d].mean(axis=0) for d in range(10)])
    distances = ((photos[:, None, :] - means[None]) ** 2).sum(axis=-1)
    assert np.mean(distances.argmin(axis=1) == y[1000:]) > 0.5


@pytest.mark.parametrize("bad", [np.zeros((3, 7)), np.zeros((3, 2, 2, 2)), np.zeros(5)])
def test_rejects_shapes_that_are_not_images(bad):
    with pytest.raises(ValueError):
        corrupt_digits(bad)
