"""Plots the lessons share: training curves, decision boundaries, image grids, heatmaps.

Each function draws on a given Axes (or a new figure) and returns the Axes, so lessons
can compose them into subplots.
"""
import matplotlib.pyplot as plt
import numpy as np


def _axes(ax, figsize=(5, 4)):
    if ax is None:
        _, ax = plt.subplots(figsize=figsize)
    return ax


def training_curves(history, metrics=("loss",), ax=None, title=None, xlabel="epoch"):
    """Plot `history[metric]` and `history["val_" + metric]` per epoch.

    `history` is a Keras `History`, its `.history` dict, or any dict of lists
    (e.g. costs recorded by a NumPy training loop: pass xlabel="iteration (hundreds)").
    """
    values = getattr(history, "history", history)
    ax = _axes(ax)
    for name in metrics:
        for key in (name, f"val_{name}"):
            if key in values:
                ax.plot(np.arange(1, len(values[key]) + 1), values[key], label=key)
    ax.set_xlabel(xlabel)
    ax.set_title(title or ", ".join(metrics))
    ax.legend()
    return ax


def decision_boundary(predict, X, y, ax=None, title=None, resolution=300, margin=0.5):
    """Shade the class `predict` gives over a grid covering `X`, then scatter the points.

    `X` is (m, 2) with one example per row; `predict` maps such an array to m labels
    or probabilities, in any shape holding m values ((m,), (m, 1), (1, m)), or to
    (m, k) class probabilities. Single probabilities are thresholded at 0.5.
    """
    X = np.asarray(X)
    y = np.asarray(y).ravel()
    ax = _axes(ax)
    x_min, y_min = X.min(axis=0) - margin
    x_max, y_max = X.max(axis=0) + margin
    xx, yy = np.meshgrid(np.linspace(x_min, x_max, resolution), np.linspace(y_min, y_max, resolution))
    grid = np.c_[xx.ravel(), yy.ravel()]
    z = np.asarray(predict(grid))
    if z.ndim == 2 and z.shape[0] == len(grid) and z.shape[1] > 1:  # one probability per class
        z = z.argmax(axis=1)
    z = z.ravel()
    if z.dtype.kind == "f":
        z = (z > 0.5).astype(int)
    ax.contourf(xx, yy, z.reshape(xx.shape), alpha=0.3, cmap="Spectral")
    ax.scatter(X[:, 0], X[:, 1], c=y, s=12, cmap="Spectral", edgecolors="k", linewidths=0.3)
    ax.set_title(title or "decision boundary")
    return ax


def image_grid(images, titles=None, ncols=8, size=1.6, cmap=None):
    """Show images (n, h, w[, c]) in a grid; values in [0, 1] or uint8. Returns the figure."""
    images = np.asarray(images)
    n = len(images)
    nrows = int(np.ceil(n / ncols))
    fig, axes = plt.subplots(nrows, min(ncols, n), figsize=(size * min(ncols, n), size * nrows), squeeze=False)
    for i, ax in enumerate(axes.flat):
        ax.axis("off")
        if i < n:
            ax.imshow(images[i], cmap=cmap or ("gray" if images[i].ndim == 2 else None))
            if titles is not None:
                ax.set_title(str(titles[i]), fontsize=8)
    fig.tight_layout()
    return fig


def heatmap(matrix, row_labels=None, col_labels=None, ax=None, title=None, cmap="viridis", annotate=False):
    """Show a 2-D array as a coloured grid with a colour bar (attention maps, confusion matrices)."""
    matrix = np.asarray(matrix)
    ax = _axes(ax)
    im = ax.imshow(matrix, cmap=cmap, aspect="auto")
    ax.figure.colorbar(im, ax=ax)
    if row_labels is not None:
        ax.set_yticks(range(len(row_labels)), labels=row_labels)
    if col_labels is not None:
        ax.set_xticks(range(len(col_labels)), labels=col_labels, rotation=90)
    if annotate:
        for (i, j), v in np.ndenumerate(matrix):
            ax.text(j, i, f"{v:.2g}", ha="center", va="center", fontsize=7, color="w")
    ax.set_title(title or "")
    return ax
