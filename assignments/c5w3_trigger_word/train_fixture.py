"""Trains the trigger-word model whose weights the grader of c5w3_trigger_word hands to `detect_triggers`,
and records how.

The architecture is the assignment's own `trigger_model((988, 101))` (the course's Conv1D(196, 15, strides=4),
two GRU(128) and a sigmoid per output step; 523,329 parameters). Training it to a useful detector takes
minutes on two CPU cores (one epoch of 400 clips took about 44 s on the shared machine), more than a grading
may take, so it is done once, here, and its weights are committed: trigger_weights.npz (one float16 array per
weight, in model.get_weights() order, 1 MB) and trigger_weights.json (the recipe, the data, the time it took
and the AUC on held-out clips).

The weights are trained in a twin with the same layers and weight shapes but lighter regularisation than the
course's: Dropout(0.2) where the course writes Dropout(0.8) (Keras's argument is the fraction dropped, so the
course's layers drop 80% of their inputs, which needs many more epochs), and BatchNormalization(momentum=0.9)
so that the moving statistics settle within a few hundred steps (with the default 0.99 they still carry their
initial values after so few). Neither changes a weight's shape, and at inference neither dropout nor the
momentum plays any part: the course's model loads these weights and predicts the same numbers.

    python assignments/c5w3_trigger_word/train_fixture.py            # the committed run
    python assignments/c5w3_trigger_word/train_fixture.py --short DIR  # a short run: 1 epoch, 32 clips
"""
import sys
import time
from pathlib import Path

from lessons.pretrained.scripts import fixture_command_line, load_fixture_weights, save_fixture

HERE = Path(__file__).resolve().parent
WEIGHTS_FILE = HERE / "trigger_weights.npz"
RECORD_FILE = HERE / "trigger_weights.json"

RUNS = {"full": {"n_train": 480, "epochs": 5, "n_eval": 100},
        "short": {"n_train": 32, "epochs": 1, "n_eval": 16}}
RECIPE = {"seed": 0, "batch_size": 16, "learning_rate": 3e-3, "dropout": 0.2, "bn_momentum": 0.9,
          "loss": "binary cross-entropy", "optimizer": "Adam",
          "train_data": "make_trigger_clips(n_train, seed=1)", "eval_data": "make_trigger_clips(n_eval, seed=2)"}


def trigger_model(input_shape, dropout=0.8, momentum=0.99):
    """The assignment's model; dropout and momentum as the course's by default."""
    import keras
    from keras import layers
    inputs = keras.Input(shape=input_shape)
    x = layers.Conv1D(196, kernel_size=15, strides=4)(inputs)
    x = layers.BatchNormalization(momentum=momentum)(x)
    x = layers.Activation("relu")(x)
    x = layers.Dropout(dropout)(x)
    x = layers.GRU(128, return_sequences=True)(x)
    x = layers.Dropout(dropout)(x)
    x = layers.BatchNormalization(momentum=momentum)(x)
    x = layers.GRU(128, return_sequences=True)(x)
    x = layers.Dropout(dropout)(x)
    x = layers.BatchNormalization(momentum=momentum)(x)
    x = layers.Dropout(dropout)(x)
    outputs = layers.TimeDistributed(layers.Dense(1, activation="sigmoid"))(x)
    return keras.Model(inputs=inputs, outputs=outputs)


def auc(labels, scores):
    """The area under the ROC curve (the probability that a positive step scores above a negative one)."""
    from sklearn.metrics import roc_auc_score
    return float(roc_auc_score(labels.ravel(), scores.ravel()))


def train(run="full"):
    """Trains the model; returns (model, record)."""
    sys.path.insert(0, str(HERE.parent.parent))
    from lessons.setup import start
    start(RECIPE["seed"], report=False)
    import keras
    import numpy as np
    from lessons.data import make_trigger_clips

    sizes = RUNS[run]
    train_set = make_trigger_clips(sizes["n_train"], seed=1)
    eval_set = make_trigger_clips(sizes["n_eval"], seed=2)
    model = trigger_model(train_set.spectrograms.shape[1:], RECIPE["dropout"], RECIPE["bn_momentum"])
    model.compile(optimizer=keras.optimizers.Adam(learning_rate=RECIPE["learning_rate"]), loss="binary_crossentropy")
    began = time.time()
    history = model.fit(train_set.spectrograms, train_set.labels[..., None].astype("float32"),
                        epochs=sizes["epochs"], batch_size=RECIPE["batch_size"], verbose=0)
    seconds = time.time() - began
    course = trigger_model(train_set.spectrograms.shape[1:])  # the course's dropout and momentum
    course.set_weights([np.asarray(w, np.float16).astype(np.float32) for w in model.get_weights()])
    predicted = course.predict(eval_set.spectrograms, verbose=0)[..., 0]
    record = {
        "run": run, "model": "trigger_model((988, 101)), trained as a twin with the recipe's dropout and momentum",
        "parameters": int(model.count_params()), "recipe": RECIPE | {"epochs": sizes["epochs"]},
        "data": {"n_train": sizes["n_train"], "n_eval": sizes["n_eval"]},
        "result": {"final_loss": round(float(history.history["loss"][-1]), 4),
                   "eval_auc": round(auc(eval_set.labels, predicted), 4),
                   "eval_positive_fraction": round(float(np.mean(eval_set.labels)), 4)},
        "fit_seconds": round(seconds, 1),
        "versions": {"keras": keras.__version__, "numpy": np.__version__},
    }
    return model, record


def save(model, record, folder):
    return save_fixture(model, record, Path(folder) / WEIGHTS_FILE.name, Path(folder) / RECORD_FILE.name,
                        dtype="float16")


def load_weights(path=WEIGHTS_FILE):
    """The committed weights, a list of float32 arrays in model.get_weights() order."""
    return load_fixture_weights(path)


if __name__ == "__main__":
    fixture_command_line(__doc__.splitlines()[0], train, save, HERE)
