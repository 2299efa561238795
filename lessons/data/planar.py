"""Two-feature toy datasets in the course's column layout: X (2, m), Y (1, m)."""
import numpy as np
from sklearn import datasets as skd


def make_planar_flower(m=400, petals=4, noise=0.2, seed=1):
    """The "flower" of Course 1 week 3: two interleaved classes that no line separates.

    Class j's points lie along t in [3.12 j, 3.12 (j+1)] (plus noise) at radius
    r = 4 sin(petals t) (plus noise), at (r sin t, r cos t): 2 * petals lobes in all,
    alternating between the classes. The default seed=1 is the flower the lessons show.

    Returns X (2, 2 * (m // 2)) float64 and Y (1, 2 * (m // 2)) uint8, m // 2 examples
    of each class (an odd m loses one).
    """
    rng = np.random.default_rng(seed)
    per_class = m // 2
    X = np.zeros((2, 2 * per_class))
    Y = np.zeros((1, 2 * per_class), dtype=np.uint8)
    for j in range(2):
        ix = slice(per_class * j, per_class * (j + 1))
        t = np.linspace(j * 3.12, (j + 1) * 3.12, per_class) + rng.normal(0, noise, per_class)
        r = 4 * np.sin(petals * t) + rng.normal(0, noise, per_class)
        X[:, ix] = np.vstack([r * np.sin(t), r * np.cos(t)])
        Y[0, ix] = j
    return X, Y


def make_planar(kind, m=200, noise=0.2, seed=0):
    """scikit-learn's 2-D generators in the course layout, for exploring decision boundaries.

    kind: "moons", "circles", "blobs" (two blobs) or "flower". Returns X (2, m), Y (1, m).
    """
    if kind == "flower":
        return make_planar_flower(m, noise=noise, seed=seed)
    if kind == "moons":
        X, y = skd.make_moons(n_samples=m, noise=noise, random_state=seed)
    elif kind == "circles":
        X, y = skd.make_circles(n_samples=m, noise=noise, factor=0.5, random_state=seed)
    elif kind == "blobs":
        X, y = skd.make_blobs(n_samples=m, centers=2, cluster_std=1.0 + noise, random_state=seed)
    else:
        raise ValueError(f"unknown planar dataset {kind!r}: choose moons, circles, blobs or flower")
    return X.T, y.reshape(1, -1).astype(np.uint8)
