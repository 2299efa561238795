"""Trains the U-Net whose weights the grader of c4w3_unet hands to `predict_masks`, and records how.

The model is the assignment's own `unet_model(input_size=(32, 32, 3), n_filters=8, n_classes=4)` (written
out again below, as the solution writes it), trained from seeded He-normal weights on
`make_shapes(N_TRAIN, size=32, seed=1)`: Adam, the learning rate decaying along a cosine, batches of 16,
the per-pixel sparse cross-entropy on the logits. Training a U-Net to a useful mean IoU takes minutes on
two CPU cores, far more than a grading may take (60 s), so it is done once, here, and its weights are
committed: unet_shapes32.npz (one float32 array per weight, in model.get_weights() order) and
unet_shapes32.json (the recipe, the data, the time it took and the mean IoU on held-out pictures).

    python assignments/c4w3_unet/train_fixture.py            # the committed run
    python assignments/c4w3_unet/train_fixture.py --short DIR  # a short run (a test): 1 epoch, 64 pictures
"""
import sys
import time
from pathlib import Path

from lessons.pretrained.scripts import fixture_command_line, load_fixture_weights, save_fixture

HERE = Path(__file__).resolve().parent
WEIGHTS_FILE = HERE / "unet_shapes32.npz"
RECORD_FILE = HERE / "unet_shapes32.json"

SIZE, N_FILTERS, N_CLASSES = 32, 8, 4
RUNS = {"full": {"n_train": 3000, "epochs": 40, "n_eval": 500},
        "short": {"n_train": 64, "epochs": 1, "n_eval": 32}}
RECIPE = {"seed": 0, "batch_size": 16, "learning_rate": 3e-3, "schedule": "cosine decay to 0",
          "train_data": "make_shapes(n_train, size=32, seed=1)", "eval_data": "make_shapes(n_eval, size=32, seed=2)"}


def unet_model(input_size=(32, 32, 3), n_filters=8, n_classes=4):
    """The assignment's U-Net (its solution, with the blocks inlined)."""
    import keras
    from keras.layers import Concatenate, Conv2D, Conv2DTranspose, Dropout, Input, MaxPooling2D

    def conv_block(inputs, n, dropout_prob=0, max_pooling=True):
        conv = Conv2D(n, 3, activation="relu", padding="same", kernel_initializer="he_normal")(inputs)
        conv = Conv2D(n, 3, activation="relu", padding="same", kernel_initializer="he_normal")(conv)
        if dropout_prob > 0:
            conv = Dropout(dropout_prob)(conv)
        return (MaxPooling2D(2, strides=2)(conv) if max_pooling else conv), conv

    def upsampling_block(expansive_input, contractive_input, n):
        up = Conv2DTranspose(n, 3, strides=2, padding="same")(expansive_input)
        merge = Concatenate(axis=3)([up, contractive_input])
        conv = Conv2D(n, 3, activation="relu", padding="same", kernel_initializer="he_normal")(merge)
        return Conv2D(n, 3, activation="relu", padding="same", kernel_initializer="he_normal")(conv)

    inputs = Input(input_size)
    c1 = conv_block(inputs, n_filters)
    c2 = conv_block(c1[0], 2 * n_filters)
    c3 = conv_block(c2[0], 4 * n_filters)
    c4 = conv_block(c3[0], 8 * n_filters, dropout_prob=0.3)
    c5 = conv_block(c4[0], 16 * n_filters, dropout_prob=0.3, max_pooling=False)
    u6 = upsampling_block(c5[0], c4[1], 8 * n_filters)
    u7 = upsampling_block(u6, c3[1], 4 * n_filters)
    u8 = upsampling_block(u7, c2[1], 2 * n_filters)
    u9 = upsampling_block(u8, c1[1], n_filters)
    conv9 = Conv2D(n_filters, 3, activation="relu", padding="same", kernel_initializer="he_normal")(u9)
    conv10 = Conv2D(n_classes, 1, padding="same")(conv9)
    return keras.Model(inputs=inputs, outputs=conv10)


def mean_iou(y_true, predicted, n_classes):
    """Mean IoU over the classes present in the truth or the prediction (as keras.metrics.MeanIoU)."""
    import numpy as np
    ious = []
    for c in range(n_classes):
        union = np.sum((y_true == c) | (predicted == c))
        if union:
            ious.append(np.sum((y_true == c) & (predicted == c)) / union)
    return float(np.mean(ious))


def train(run="full"):
    """Trains the U-Net; returns (model, record)."""
    sys.path.insert(0, str(HERE.parent.parent))
    from lessons.setup import start
    start(RECIPE["seed"], report=False)
    import keras
    import numpy as np
    from lessons.data import make_shapes

    sizes = RUNS[run]
    train_set = make_shapes(sizes["n_train"], size=SIZE, seed=1)
    eval_set = make_shapes(sizes["n_eval"], size=SIZE, seed=2)
    model = unet_model((SIZE, SIZE, 3), N_FILTERS, N_CLASSES)
    steps = sizes["epochs"] * int(np.ceil(sizes["n_train"] / RECIPE["batch_size"]))
    schedule = keras.optimizers.schedules.CosineDecay(RECIPE["learning_rate"], decay_steps=steps)
    model.compile(optimizer=keras.optimizers.Adam(learning_rate=schedule),
                  loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True))
    began = time.time()
    history = model.fit(train_set.images, train_set.masks, epochs=sizes["epochs"], batch_size=RECIPE["batch_size"],
                        verbose=0)
    seconds = time.time() - began
    predicted = np.argmax(model.predict(eval_set.images, verbose=0), axis=-1)
    record = {
        "run": run, "model": f"unet_model(input_size=({SIZE}, {SIZE}, 3), n_filters={N_FILTERS}, n_classes={N_CLASSES})",
        "parameters": int(model.count_params()), "recipe": RECIPE | {"epochs": sizes["epochs"]},
        "data": {"n_train": sizes["n_train"], "n_eval": sizes["n_eval"]},
        "result": {"final_loss": round(float(history.history["loss"][-1]), 4),
                   "eval_mean_iou": round(mean_iou(eval_set.masks, predicted, N_CLASSES), 4),
                   "eval_pixel_accuracy": round(float(np.mean(predicted == eval_set.masks)), 4),
                   "eval_background_fraction": round(float(np.mean(eval_set.masks == 0)), 4)},
        "fit_seconds": round(seconds, 1),
        "versions": {"keras": keras.__version__, "numpy": np.__version__},
    }
    return model, record


def save(model, record, folder):
    return save_fixture(model, record, Path(folder) / WEIGHTS_FILE.name, Path(folder) / RECORD_FILE.name,
                        dtype="float32")


def load_weights(path=WEIGHTS_FILE):
    """The committed weights, a list of float32 arrays in model.get_weights() order."""
    return load_fixture_weights(path)


if __name__ == "__main__":
    fixture_command_line(__doc__.splitlines()[0], train, save, HERE)
