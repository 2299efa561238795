"""Image datasets built offline from the pictures bundled with scikit-image and scikit-learn."""
from typing import NamedTuple

import numpy as np
from skimage import color, data as skdata, draw as skdraw, transform
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


def _photo_sources():
    """Every bundled photo but the cat, as (name, RGB uint8 image): the eight non-cat photos of
    make_cat_dataset first, then eight more (textures, coins, the moon, a retina, a motorcycle, a
    clock). scikit-image's `cat` is `chelsea` again, so it is left out too."""
    named = [(name, _rgb(getattr(skdata, name)())) for name in
             ("astronaut", "coffee", "rocket", "camera", "immunohistochemistry", "hubble_deep_field")]
    named += [(name, _rgb(img)) for name, img in zip(("china", "flower"), load_sample_images().images)]
    named += [(name, _rgb(getattr(skdata, name)())) for name in
              ("brick", "grass", "gravel", "coins", "moon", "retina")]
    named += [("motorcycle", _rgb(skdata.stereo_motorcycle()[0])), ("clock", _rgb(skdata.clock()))]
    return named


PHOTO_CLASSES = ("astronaut", "coffee", "rocket", "camera", "immunohistochemistry", "hubble_deep_field", "china",
                 "flower", "brick", "grass", "gravel", "coins", "moon", "retina", "motorcycle", "clock")


def make_photo_crops(n, size=96, seed=0):
    """"Which photo is this crop from?": the pretraining task of lessons.pretrained's MobileNetV2.

    Random views (the crop, mirror, lighting and noise of make_cat_dataset) of the 16 bundled
    photos of PHOTO_CLASSES, none of them a cat. Returns images (n, size, size, 3) uint8 and
    labels (n,) int64, the index in PHOTO_CLASSES, each class n // 16 or n // 16 + 1 times.
    """
    rng = np.random.default_rng(seed)
    sources = [image for _, image in _photo_sources()]
    labels = rng.permutation(np.arange(n) % len(sources)).astype(np.int64)
    images = np.empty((n, size, size, 3), dtype=np.uint8)
    for i, label in enumerate(labels):
        images[i] = _augment(sources[label], size, rng)
    return images, labels


def lfw_faces():
    """scikit-image's bundled subset of Labeled Faces in the Wild: 200 grey 25 x 25 crops,
    the first 100 faces, the last 100 non-faces (background patches of the same photos).

    Returns images (200, 25, 25) float32 in [0, 1] (lfw_subset() gives float64 in [0, 1],
    though its docstring says uint8) and labels (200,) uint8, 1 = face. Fixed data: no seed.
    """
    images = skdata.lfw_subset().astype(np.float32)
    return images, np.repeat(np.array([1, 0], dtype=np.uint8), 100)


def _distinct_colour(background, rng):
    """A random RGB colour at least 0.4 from `background`, so shapes stand out."""
    while True:
        colour = rng.uniform(0, 1, 3)
        if np.linalg.norm(colour - background) > 0.4:
            return colour


def _canvas(size, rng):
    """A size x size image of one random colour, and that colour."""
    background = rng.uniform(0, 1, 3)
    return np.tile(background, (size, size, 1)), background


def _add_noise(image, rng):
    """`image` plus Gaussian pixel noise, clipped to [0, 1]."""
    return np.clip(image + rng.normal(0, 0.05, image.shape), 0, 1)


SHAPE_CLASSES = ("background", "disk", "rectangle", "triangle")


class Shapes(NamedTuple):
    images: np.ndarray   # (n, size, size, 3) float32 in [0, 1]
    masks: np.ndarray    # (n, size, size) uint8 class ids, SHAPE_CLASSES
    boxes: np.ndarray    # (n, max_shapes, 4) int32 (y_min, x_min, y_max, x_max), max exclusive; 0 if none
    classes: np.ndarray  # (n, max_shapes) int32 class ids 1..3, -1 if none


def _shape_pixels(kind, size, rng):
    """(rows, cols) of one random disk (1), rectangle (2) or triangle (3), wholly inside."""
    half = rng.uniform(0.1, 0.22) * size
    cy, cx = rng.uniform(half + 1, size - half - 1, 2)
    if kind == 1:
        return skdraw.disk((cy, cx), half, shape=(size, size))
    if kind == 2:
        hy, hx = half * rng.uniform(0.5, 1.0, 2)
        rr, cc = skdraw.rectangle((round(cy - hy), round(cx - hx)), (round(cy + hy), round(cx + hx)))
        return rr.ravel(), cc.ravel()
    angles = rng.uniform(0, 2 * np.pi) + np.array([0, 2, 4]) * np.pi / 3
    return skdraw.polygon(cy + half * np.sin(angles), cx + half * np.cos(angles), shape=(size, size))


def make_shapes(n, size=64, max_shapes=3, seed=0):
    """Images of 1 to max_shapes non-overlapping disks, rectangles and triangles of random
    size and colour on a noisy plain background, for detection and segmentation.

    Returns `Shapes(images, masks, boxes, classes)`: images (n, size, size, 3) float32 in
    [0, 1]; masks (n, size, size) uint8 (0 background, 1 disk, 2 rectangle, 3 triangle);
    boxes (n, max_shapes, 4) int32 pixel (y_min, x_min, y_max, x_max), max exclusive;
    classes (n, max_shapes) int32. An image's shapes come first; the rows after them hold
    boxes of zeros and class -1.
    """
    rng = np.random.default_rng(seed)
    images = np.empty((n, size, size, 3), dtype=np.float32)
    masks = np.zeros((n, size, size), dtype=np.uint8)
    boxes = np.zeros((n, max_shapes, 4), dtype=np.int32)
    classes = np.full((n, max_shapes), -1, dtype=np.int32)
    for i in range(n):
        image, background = _canvas(size, rng)
        placed = 0
        for kind in rng.integers(1, 4, size=rng.integers(1, max_shapes + 1)):
            for _ in range(20):  # a few tries to find free room
                rr, cc = _shape_pixels(kind, size, rng)
                if not masks[i, rr, cc].any():
                    break
            else:
                continue
            image[rr, cc] = _distinct_colour(background, rng)
            masks[i, rr, cc] = kind
            boxes[i, placed] = rr.min(), cc.min(), rr.max() + 1, cc.max() + 1
            classes[i, placed] = kind
            placed += 1
        images[i] = _add_noise(image, rng)
    return Shapes(images, masks, boxes, classes)


def _bar(start, angle, length, width, size):
    """(rows, cols) of a bar `length` long and `width` wide from `start` (row, col) towards `angle`."""
    along = np.array([np.sin(angle), np.cos(angle)])
    across = np.array([along[1], -along[0]]) * width / 2
    end = start + length * along
    corners = np.array([start + across, end + across, end - across, start - across])
    return skdraw.polygon(corners[:, 0], corners[:, 1], shape=(size, size))


def make_fingers(n, size=64, seed=0):
    """A stand-in for the SIGNS dataset: a hand showing 0 to 5 fingers.

    Each hand is a palm disk with that many bars (fingers) in five slots fanned over about
    115 degrees, pointing up but tilted at random by up to 29 degrees, in a random colour on
    a random noisy background.
    Returns images (n, size, size, 3) float32 in [0, 1] and labels (n,) int64 = the number
    of fingers, each of 0..5 n // 6 or n // 6 + 1 times.
    """
    rng = np.random.default_rng(seed)
    labels = rng.permutation(np.arange(n) % 6)
    images = np.empty((n, size, size, 3), dtype=np.float32)
    for i, fingers in enumerate(labels):
        image, background = _canvas(size, rng)
        skin = _distinct_colour(background, rng)
        centre = size * np.array([0.58, 0.5]) + size * rng.uniform(-0.05, 0.05, 2)
        palm = size * rng.uniform(0.14, 0.17)
        turn = -np.pi / 2 + rng.uniform(-0.5, 0.5)
        for slot in rng.choice(5, fingers, replace=False):
            length, width = palm * rng.uniform(1.9, 2.3), palm * rng.uniform(0.4, 0.5)
            image[_bar(centre, turn + (slot - 2) * 0.5, length, width, size)] = skin
        image[skdraw.disk(centre, palm, shape=(size, size))] = skin
        images[i] = _add_noise(image, rng)
    return images, labels
