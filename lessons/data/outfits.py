"""A small synthetic world of categorical data: outfits, each of a hidden style.

Every outfit has five categorical features (a top, a bottom, shoes, a colour and an accessory) and a
style (casual, sporty or smart). The style is drawn first; the top, the bottom, the colour and the
accessory then each depend on the style alone, as naive Bayes assumes. The shoes do not: they depend
on the bottom as well (shorts go with sandals or sneakers, trousers with loafers or boots), so the
naive assumption "features are independent given the class" is wrong for that one pair, by design,
and measurably so.
"""
from typing import NamedTuple

import numpy as np

STYLES = ("casual", "sporty", "smart")
FEATURES = ("top", "bottom", "shoes", "colour", "accessory")
CATEGORIES = (
    ("t-shirt", "shirt", "hoodie", "blazer"),
    ("jeans", "shorts", "joggers", "trousers"),
    ("sneakers", "sandals", "boots", "loafers"),
    ("black", "white", "navy", "grey", "red"),
    ("none", "cap", "watch"),
)
DEPENDENT_PAIR = ("bottom", "shoes")  # the two features that are not independent given the style

# The generator's parameters. Rows: styles (casual, sporty, smart); columns: the feature's categories.
STYLE_PRIOR = np.array([0.45, 0.30, 0.25])
_GIVEN_STYLE = {
    "top": [[0.55, 0.20, 0.15, 0.10],
            [0.30, 0.05, 0.60, 0.05],
            [0.10, 0.45, 0.05, 0.40]],
    "bottom": [[0.55, 0.25, 0.10, 0.10],
               [0.10, 0.35, 0.50, 0.05],
               [0.20, 0.05, 0.05, 0.70]],
    "colour": [[0.20, 0.25, 0.25, 0.15, 0.15],
               [0.25, 0.20, 0.10, 0.25, 0.20],
               [0.30, 0.15, 0.30, 0.15, 0.10]],
    "accessory": [[0.50, 0.30, 0.20],
                  [0.35, 0.45, 0.20],
                  [0.45, 0.10, 0.45]],
    "shoes": [[0.40, 0.25, 0.25, 0.10],   # the shoes' own dependence on the style (weight 1 - SHOES_FOLLOW_BOTTOM)
              [0.70, 0.15, 0.10, 0.05],
              [0.15, 0.05, 0.30, 0.50]],
}
# P(shoes | bottom): rows jeans, shorts, joggers, trousers.
_SHOES_GIVEN_BOTTOM = np.array([[0.30, 0.05, 0.60, 0.05],
                                [0.15, 0.80, 0.03, 0.02],
                                [0.90, 0.06, 0.02, 0.02],
                                [0.03, 0.02, 0.15, 0.80]])
SHOES_FOLLOW_BOTTOM = 0.9  # P(shoes | bottom, style) = 0.9 P(shoes | bottom) + 0.1 P(shoes | style)


class Outfits(NamedTuple):
    X: np.ndarray                 # (n, 5) int64: category index of each feature
    y: np.ndarray                 # (n,) int64: style index
    features: tuple               # the five feature names, in column order
    categories: tuple             # categories[j][k]: the name of category k of feature j
    styles: tuple                 # styles[c]: the name of style c


def shoes_given(bottom, style):
    """P(shoes | bottom, style): an array of the 4 shoe probabilities, the generator's true table."""
    return (SHOES_FOLLOW_BOTTOM * _SHOES_GIVEN_BOTTOM[bottom]
            + (1 - SHOES_FOLLOW_BOTTOM) * np.asarray(_GIVEN_STYLE["shoes"][style]))


def true_log_joint():
    """log p(x, y) of the generator for every outfit and style: an array of shape (4, 4, 4, 5, 3, 3),
    indexed [top, bottom, shoes, colour, accessory, style]. It sums (in probability) to 1."""
    table = np.log(STYLE_PRIOR)[None, None, None, None, None, :]
    for j, name in enumerate(FEATURES):
        if name == "shoes":
            continue
        probs = np.log(np.asarray(_GIVEN_STYLE[name]).T)          # (categories, styles)
        shape = [1] * 6
        shape[j], shape[5] = probs.shape
        table = table + probs.reshape(shape)
    shoes = np.log(np.array([[shoes_given(b, c) for c in range(len(STYLES))] for b in range(4)]))  # (b, c, s)
    return table + shoes.transpose(0, 2, 1)[None, :, :, None, None, :]


def _draw(rng, probability_rows):
    """One category index per row of `probability_rows` (n, k), drawn by inverse CDF from one uniform each."""
    cumulative = np.cumsum(probability_rows, axis=1)
    return np.minimum((rng.random(len(probability_rows))[:, None] > cumulative).sum(axis=1),
                      probability_rows.shape[1] - 1)


def make_outfits(n=2000, seed=0):
    """`n` outfits drawn from the generator described in the module's docstring.

    Returns an `Outfits` (a named tuple): X (n, 5) int64 with X[i, j] in 0 .. len(categories[j]) - 1
    (columns top 4, bottom 4, shoes 4, colour 5, accessory 3 categories), y (n,) int64 in 0 .. 2 (the
    style), and the names: features, categories and styles.
    """
    rng = np.random.default_rng(seed)
    y = rng.choice(len(STYLES), size=n, p=STYLE_PRIOR)
    X = np.zeros((n, len(FEATURES)), np.int64)
    for j, name in enumerate(FEATURES):
        if name == "shoes":
            continue
        X[:, j] = _draw(rng, np.asarray(_GIVEN_STYLE[name])[y])
    shoes_table = np.stack([shoes_given(b, c) for b, c in zip(X[:, 1], y)]) if n else np.zeros((0, 4))
    X[:, 2] = _draw(rng, shoes_table)
    return Outfits(X, y.astype(np.int64), FEATURES, CATEGORIES, STYLES)
