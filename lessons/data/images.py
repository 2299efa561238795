"""Image datasets built offline from the pictures bundled with scikit-image and scikit-learn."""
from typing import NamedTuple

import numpy as np
from skimage import color, data as skdata, transform
from sklearn.datasets import load_sample_images


class Split(NamedTuple):
    X_train: np.ndarray
    Y_train: np.ndarray
    X_test: np.ndarray
    Y_test: np.ndarray


def _rgb(image):
    image = np.asarray(image)
    if image.ndim == 2:
        image = color.gray2rgb(image)
    return image[..., :3]


def _cat_sources():
    """The one cat photo, and the non-cat photos that play every other class."""
    cats = [_rgb(skdata.chelsea())]
    others = [_rgb(getattr(skdata, name)()) for name in
              ("astronaut", "coffee", "rocket", "camera", "immunohistochemistry", "hubble_deep_field")]
    others += [_rgb(img) for img in load_sample_images().images]  # china, flower
    return cats, others


def _augment(image, size, rng):
    """A random view of `image`: a crop of 35-100% of its shorter side, maybe mirrored,
    resized to size x size, with brightness and contrast jitter and pixel noise. uint8."""
    h, w = image.shape[:2]
    side = int(min(h, w) * rng.uniform(0.35, 1.0))
    top, left = rng.integers(0, h - side + 1), rng.integers(0, w - side + 1)
    crop = image[top:top + side, left:left + side]
    if rng.random() < 0.5:
        crop = crop[:, ::-1]
    out = transform.resize(crop, (size, size), anti_aliasing=True)  # floats in [0, 1]
    out = (out - 0.5) * rng.uniform(0.7, 1.3) + 0.5 + rng.uniform(-0.15, 0.15)
    out = out + rng.normal(0, 0.03, out.shape)
    return (np.clip(out, 0, 1) * 255).astype(np.uint8)


def make_cat_dataset(m_train=209, m_test=50, size=64, cat_fraction=0.35, flatten=True, seed=0):
    """Cat vs non-cat pictures, the dataset of Course 1 weeks 2 and 4, made offline.

    Cats are random views (crop, mirror, lighting, noise) of scikit-image's `chelsea`;
    non-cats are random views of eight other bundled photos. Train and test views are
    drawn independently, so no picture is in both.

    With flatten=True (the course's layout) returns `Split` of X (size*size*3, m)
    float32 in [0, 1] (each column one image) and Y (1, m) uint8 (1 = cat).
    With flatten=False, X is (m, size, size, 3) uint8 images.
    """
    rng = np.random.default_rng(seed)
    cats, others = _cat_sources()

    def draw(m):
        n_cats = int(round(m * cat_fraction))
        labels = np.array([1] * n_cats + [0] * (m - n_cats), dtype=np.uint8)
        rng.shuffle(labels)
        images = np.stack([_augment(cats[0] if y else others[rng.integers(len(others))], size, rng)
                           for y in labels])
        if flatten:
            images = (images.reshape(m, -1).T / 255.0).astype(np.float32)
        return images, labels.reshape(1, m)

    X_train, Y_train = draw(m_train)
    X_test, Y_test = draw(m_test)
    return Split(X_train, Y_train, X_test, Y_test)
