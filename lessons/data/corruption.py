"""A second image distribution made from the first: small greyscale images as a phone
camera might deliver them (tilted, out of focus, washed out, noisy).

Course 3, Week 2 uses it to build a dev/test set that differs from the training set
(data mismatch), and then to synthesise training data that looks like it.
"""
import numpy as np
from scipy import ndimage


def corrupt_digits(images, seed=0, max_angle=10.0, blur=(0.3, 0.6), contrast=(0.6, 0.9),
                   background=(0.0, 0.15), noise=0.06):
    """Each image rotated, blurred, faded onto a grey background and given pixel noise.

    `images` is (n, h, w), or (n, h*h) with one square image flattened per row, floats in
    [0, 1] (dark background, bright strokes, as `load_digits().images / 16`). Per image,
    drawn from `np.random.default_rng(seed)`:
      * a rotation about the centre by an angle uniform in [-max_angle, max_angle] degrees
        (bilinear, the corners filled with 0);
      * a Gaussian blur of standard deviation uniform in `blur` pixels;
      * a contrast factor c uniform in `contrast` and a background level g uniform in
        `background`: x -> g + c * x;
      * Gaussian noise of standard deviation `noise`, then clipping to [0, 1].
    Returns an array of the input's shape, float32 in [0, 1]. The input is not modified.
    Same seed, same output.
    """
    images = np.asarray(images, dtype=np.float64)
    flat = images.ndim == 2
    if flat:
        side = int(round(np.sqrt(images.shape[1])))
        if side * side != images.shape[1]:
            raise ValueError(f"rows of length {images.shape[1]} are not square images")
        images = images.reshape(len(images), side, side)
    if images.ndim != 3:
        raise ValueError(f"expected images of shape (n, h, w) or (n, h*w), got {images.shape}")
    rng = np.random.default_rng(seed)
    out = np.empty(images.shape, dtype=np.float32)
    for i, image in enumerate(images):
        angle = rng.uniform(-max_angle, max_angle)
        sigma = rng.uniform(*blur)
        c, g = rng.uniform(*contrast), rng.uniform(*background)
        x = ndimage.rotate(image, angle, reshape=False, order=1, mode="constant", cval=0.0)
        x = ndimage.gaussian_filter(x, sigma, mode="constant", cval=0.0)
        x = g + c * x + rng.normal(0.0, noise, x.shape)
        out[i] = np.clip(x, 0.0, 1.0)
    return out.reshape(len(out), -1) if flat else out
