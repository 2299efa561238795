"""lessons.data.make_outfits: the categorical "outfits" of the generative track's topic 2: shapes,
ranges, determinism, the generator's true distribution, and the one dependence naive Bayes ignores."""
import numpy as np
import pytest

from lessons.data import Outfits, make_outfits
from lessons.data.outfits import CATEGORIES, FEATURES, STYLE_PRIOR, STYLES, shoes_given, true_log_joint

SIZES = [len(names) for names in CATEGORIES]


@pytest.fixture(scope="module")
def outfits():
    return make_outfits(20000, seed=0)


def test_shapes_dtypes_ranges_and_names():
    data = make_outfits(500, seed=3)
    assert isinstance(data, Outfits)
    X, y, features, categories, styles = data
    assert X.shape == (500, 5) and X.dtype == np.int64
    assert y.shape == (500,) and y.dtype == np.int64
    assert features == FEATURES == ("top", "bottom", "shoes", "colour", "accessory")
    assert categories == CATEGORIES and styles == STYLES == ("casual", "sporty", "smart")
    assert SIZES == [4, 4, 4, 5, 3]
    for j, size in enumerate(SIZES):
        assert X[:, j].min() >= 0 and X[:, j].max() <= size - 1
    assert set(np.unique(y)) <= {0, 1, 2}


def test_same_seed_same_arrays_other_seed_other_arrays_and_no_global_state():
    np.random.seed(123)
    a, b, c = make_outfits(300, seed=7), make_outfits(300, seed=7), make_outfits(300, seed=8)
    assert np.array_equal(a.X, b.X) and np.array_equal(a.y, b.y)
    assert not np.array_equal(a.X, c.X)
    untouched = np.random.random()
    np.random.seed(123)
    assert untouched == np.random.random()


def test_zero_outfits():
    X, y, *_ = make_outfits(0)
    assert X.shape == (0, 5) and y.shape == (0,)


def test_every_category_occurs_and_the_styles_follow_the_prior(outfits):
    for j, size in enumerate(SIZES):
        assert np.all(np.bincount(outfits.X[:, j], minlength=size) > 0)
    assert np.allclose(np.bincount(outfits.y) / len(outfits.y), STYLE_PRIOR, atol=0.015)


def test_the_true_joint_is_a_distribution_and_matches_the_samples(outfits):
    log_joint = true_log_joint()
    assert log_joint.shape == (4, 4, 4, 5, 3, 3)
    assert np.isclose(np.exp(log_joint).sum(), 1.0)
    # the marginal of the shoes given bottom and style, from the samples, is the generator's table
    X, y = outfits.X, outfits.y
    rows = (X[:, 1] == 3) & (y == 2)   # trousers, smart
    counts = np.bincount(X[rows, 2], minlength=4) / rows.sum()
    assert np.allclose(counts, shoes_given(3, 2), atol=0.03)


def test_shoes_depend_on_the_bottom_given_the_style(outfits):
    """The naive assumption fails for (bottom, shoes): within a style, P(sandals | shorts) is far from
    P(sandals | jeans). For another pair, (top, colour), the conditionals agree."""
    X, y = outfits.X, outfits.y
    casual = y == 0
    sandals_with_shorts = np.mean(X[casual & (X[:, 1] == 1), 2] == 1)
    sandals_with_jeans = np.mean(X[casual & (X[:, 1] == 0), 2] == 1)
    assert sandals_with_shorts - sandals_with_jeans > 0.5
    black_with_tshirt = np.mean(X[casual & (X[:, 0] == 0), 3] == 0)
    black_with_shirt = np.mean(X[casual & (X[:, 0] == 1), 3] == 0)
    assert abs(black_with_tshirt - black_with_shirt) < 0.05


def test_the_style_can_be_learnt_but_not_perfectly(outfits):
    """The Bayes classifier (argmax of the true joint) is right about three times in four."""
    test = make_outfits(4000, seed=1)
    bayes = true_log_joint()[tuple(test.X.T)].argmax(axis=1)
    assert 0.72 < np.mean(bayes == test.y) < 0.80
