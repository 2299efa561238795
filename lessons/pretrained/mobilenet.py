"""MobileNetV2 (alpha = 0.35, without its top), pretrained here, offline, on crops of the bundled photos.

The classic course starts its transfer-learning assignment from MobileNetV2's ImageNet weights, a
download. This course trains the same architecture itself, on a task made from the pictures that
scikit-image and scikit-learn ship: "which of 16 photos is this random crop from?"
(lessons.data.images.make_photo_crops). The cat photo is not one of them, so that the cat / not-cat
task of Course 4, week 2 is new to the network.

    from lessons.pretrained.mobilenet import pretrained_base
    base = pretrained_base((96, 96, 3))   # 410,208 parameters, weights from the committed file

It takes pictures as `keras.applications.mobilenet_v2.preprocess_input` makes them (pixels 0-255
scaled to [-1, 1]), like the ImageNet weights. The weights do not depend on the picture size, so
any input_shape from 32 x 32 up loads them; they were trained at 96 x 96.

Regenerate the committed files (RECORD_FILE says how long it took):

    python -m lessons.pretrained.mobilenet                    # the committed run
    python -m lessons.pretrained.mobilenet --short --out DIR  # a few seconds: a smoke test

The committed run (its record, RECORD_FILE, holds every number; tests/test_pretrained.py checks that
the committed weights still give them and that this text quotes them):
- data: make_photo_crops(3000, size=96, seed=0) to train, make_photo_crops(400, size=96, seed=1) to
  test: random crops of 35-100% of a photo's shorter side, mirrored or not, with lighting jitter and
  pixel noise, 16 classes, none of them a cat;
- recipe: seed 0, op determinism; keras.applications.MobileNetV2(alpha=0.35, include_top=False,
  weights=None) with its BatchNormalization momentum set to 0.9 (the default 0.999 would leave the
  moving averages near their starting values after so few steps), then GlobalAveragePooling2D and
  Dense(16, softmax); Adam(0.001), batch 32, 6 epochs: 83 s of training on 2 shared CPU cores, about
  2 minutes in all with making the data and the measurements below (the record keeps the times);
- result: 0.81 accuracy on the 400 test crops (chance: 1/16); the weights file is 2.1 MB.

What it shows (`transfer_accuracy`, RECORD_FILE["transfer"]: a logistic regression on the frozen
base's pooled features): cat / not-cat (make_cat_dataset at 96 x 96, 209 pictures to learn from, 400
to test) is told right 0.94 of the time with these weights, against 0.64 with the same network's
random weights, no better than the 0.65 of always answering "not a cat". Be aware what that measures:
the non-cat pictures are crops of 8 of the 16 photos the base learned to tell apart, so it knows them
well, and a cat is "none of those". On a task the pretraining never saw, faces against other patches
of the same photographs (lfw_faces, 100 to learn from, 100 to test), random features do as well as
pretrained ones (0.96 and 0.97): that task is easy for any features and shows nothing. These are
features learned from 16 photos, not from ImageNet: enough to make transfer learning work, and
measurable, on a CPU, no more.
"""
import sys
import time
from pathlib import Path

import numpy as np

from lessons.pretrained.scripts import command_line, quiet_keras, record_text

HERE = Path(__file__).resolve().parent
WEIGHTS_FILE = HERE / "mobilenet_v2_035_photos.weights.h5"   # the base's weights
HEAD_FILE = HERE / "mobilenet_v2_035_photos_head.npz"        # the pretraining head: kernel, bias
RECORD_FILE = HERE / "mobilenet_v2_035_photos.json"          # how they were made, what they give

ALPHA = 0.35
IMAGE_SHAPE = (96, 96, 3)
CHECK_BATCH = 32  # pictures whose predicted probabilities the record keeps (make_photo_crops, seed + 2)

RUNS = {
    "full": dict(n_train=3000, n_test=400, epochs=6, batch_size=32, learning_rate=1e-3, bn_momentum=0.9,
                 cats=(209, 400), faces=100),
    "short": dict(n_train=32, n_test=16, epochs=1, batch_size=16, learning_rate=1e-3, bn_momentum=0.9,
                  cats=(24, 16), faces=20),
}




def mobilenet_v2(input_shape=IMAGE_SHAPE):
    """The architecture, with fresh random weights: MobileNetV2, alpha 0.35, without its top.

    Its input layer is named "pixels": left to Keras, the name would be numbered by how many inputs
    the process made before ("input_layer_3"), and the model's JSON would change with it."""
    keras = quiet_keras()
    return keras.applications.MobileNetV2(input_tensor=keras.Input(shape=tuple(input_shape), name="pixels"),
                                          alpha=ALPHA, include_top=False, weights=None,
                                          name=f"mobilenetv2_{ALPHA:0.2f}_{input_shape[0]}")


def pretrained_base(input_shape=IMAGE_SHAPE, weights_file=WEIGHTS_FILE):
    """MobileNetV2 (alpha 0.35, no top) for pictures of `input_shape`, with the committed pretrained
    weights. Its input is what keras.applications.mobilenet_v2.preprocess_input makes of 0-255 pixels;
    its output is (batch, ceil(h / 32), ceil(w / 32), 1280) features."""
    base = mobilenet_v2(input_shape)
    base.load_weights(str(weights_file))
    return base


def photo_classifier(base, n_classes):
    """preprocess_input -> base -> GlobalAveragePooling2D -> Dense(n_classes, softmax): the pretraining model."""
    keras = quiet_keras()
    inputs = keras.Input(shape=base.input_shape[1:], name="photo_pixels")
    x = keras.applications.mobilenet_v2.preprocess_input(inputs)
    x = base(x)
    x = keras.layers.GlobalAveragePooling2D(name="pool")(x)
    outputs = keras.layers.Dense(n_classes, activation="softmax", name="photo")(x)
    return keras.Model(inputs, outputs, name="photo_classifier")


def feature_model(base):
    """0-255 pictures -> preprocess_input -> base -> GlobalAveragePooling2D: (n, 1280) features."""
    keras = quiet_keras()
    inputs = keras.Input(shape=base.input_shape[1:])
    pooled = keras.layers.GlobalAveragePooling2D()(base(keras.applications.mobilenet_v2.preprocess_input(inputs)))
    return keras.Model(inputs, pooled, name="pooled_features")


def predict_eagerly(model, images, batch_size=64):
    """model(images) in batches, in inference mode, without tracing a tf.function: for a network of
    150 layers tracing costs more than the few hundred pictures it is used on here."""
    return np.concatenate([np.asarray(model(np.asarray(images[i:i + batch_size], dtype=np.float32), training=False))
                           for i in range(0, len(images), batch_size)])


def _faces_96():
    """lfw_faces() as 96 x 96 RGB pictures of 0-255 values, and their labels (1 = face)."""
    from skimage.transform import resize

    from lessons.data import lfw_faces
    images, labels = lfw_faces()
    big = np.stack([resize(image, IMAGE_SHAPE[:2], order=1) for image in images]) * 255
    return np.repeat(big[..., None], 3, axis=-1), labels


def transfer_accuracy(base, cats=(209, 400), faces=100, seed=0):
    """How well frozen features of `base` serve two new tasks: a logistic regression (scikit-learn,
    standardised features) on the pooled features, its test accuracy.

    cats: make_cat_dataset(m_train, m_test, size=96, flatten=False, seed=seed), cat / not-cat.
    faces: lfw_faces() at 96 x 96, `faces` of its 200 pictures (drawn with `seed`) to train, the others to test.
    Returns {"cat_not_cat": accuracy, "faces": accuracy, "cat_majority": the share of non-cats}.
    """
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    from lessons.data import make_cat_dataset

    cat_split = make_cat_dataset(m_train=cats[0], m_test=cats[1], size=base.input_shape[1], flatten=False,
                                 seed=seed)
    X_faces, y_faces = _faces_96()
    order = np.random.default_rng(seed).permutation(len(y_faces))
    tasks = {"cat_not_cat": (cat_split.X_train, cat_split.Y_train.ravel(), cat_split.X_test, cat_split.Y_test.ravel()),
             "faces": (X_faces[order[:faces]], y_faces[order[:faces]], X_faces[order[faces:]], y_faces[order[faces:]])}
    # One pass of the base over every picture.
    pictures = np.concatenate([np.asarray(part, dtype=np.float32) for task in tasks.values() for part in task[::2]])
    pooled = predict_eagerly(feature_model(base), pictures)
    result, start = {}, 0
    for name, (X_train, y_train, X_test, y_test) in tasks.items():
        F_train = pooled[start:start + len(X_train)]
        F_test = pooled[start + len(X_train):start + len(X_train) + len(X_test)]
        start += len(X_train) + len(X_test)
        head = make_pipeline(StandardScaler(), LogisticRegression(C=0.1, max_iter=5000))
        result[name] = float(head.fit(F_train, y_train).score(F_test, y_test))
    result["cat_majority"] = float(1 - cat_split.Y_test.mean())
    return result


def check_batch(seed):
    """The pictures whose probabilities the record keeps: make_photo_crops(CHECK_BATCH, 96, seed + 2)."""
    from lessons.data.images import make_photo_crops
    return make_photo_crops(CHECK_BATCH, IMAGE_SHAPE[0], seed=seed + 2)


def load_classifier(weights_file=WEIGHTS_FILE, head_file=HEAD_FILE):
    """The pretraining model rebuilt from the committed files: base and head."""
    from lessons.data.images import PHOTO_CLASSES
    model = photo_classifier(pretrained_base(IMAGE_SHAPE, weights_file), len(PHOTO_CLASSES))
    with np.load(head_file) as head:
        model.get_layer("photo").set_weights([head["kernel"], head["bias"]])
    return model




def pretrain(out, run="full", seed=0, log=print):
    """Pretrain MobileNetV2 on make_photo_crops and write into folder `out` the base's weights
    (WEIGHTS_FILE's name), the head's (HEAD_FILE's) and the record (RECORD_FILE's). Returns the record."""
    from lessons.data.images import PHOTO_CLASSES, make_photo_crops
    from lessons.setup import start

    settings = RUNS[run]
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    start(seed, report=False)
    keras = quiet_keras()
    import tensorflow as tf

    began = time.perf_counter()
    size = IMAGE_SHAPE[0]
    X_train, y_train = make_photo_crops(settings["n_train"], size, seed=seed)
    X_test, y_test = make_photo_crops(settings["n_test"], size, seed=seed + 1)
    log(f"data: {len(X_train)} + {len(X_test)} crops of {len(PHOTO_CLASSES)} photos, "
        f"{time.perf_counter() - began:.1f} s")

    base = mobilenet_v2(IMAGE_SHAPE)
    for layer in base.layers:
        if isinstance(layer, keras.layers.BatchNormalization):
            layer.momentum = settings["bn_momentum"]
    model = photo_classifier(base, len(PHOTO_CLASSES))
    model.compile(optimizer=keras.optimizers.Adam(learning_rate=settings["learning_rate"]),
                  loss="sparse_categorical_crossentropy", metrics=["accuracy"],
                  run_eagerly=run == "short")  # a few steps: tracing the training step would cost more
    trained = time.perf_counter()
    history = model.fit(X_train, y_train, epochs=settings["epochs"], batch_size=settings["batch_size"],
                        verbose=2 if run == "full" else 0)
    train_seconds = time.perf_counter() - trained
    test_accuracy = float(np.mean(predict_eagerly(model, X_test).argmax(axis=1) == y_test))
    log(f"trained {settings['epochs']} epochs in {train_seconds:.0f} s: test accuracy {test_accuracy:.3f}")

    base.save_weights(str(out / WEIGHTS_FILE.name))
    kernel, bias = model.get_layer("photo").get_weights()
    np.savez(out / HEAD_FILE.name, kernel=kernel, bias=bias)

    X_check, y_check = check_batch(seed)
    P_check = predict_eagerly(model, X_check)

    transfer_settings = dict(cats=settings["cats"], faces=settings["faces"], seed=seed)
    transfer = {"pretrained": transfer_accuracy(base, **transfer_settings)}
    keras.utils.set_random_seed(seed)
    transfer["random_weights"] = transfer_accuracy(mobilenet_v2(IMAGE_SHAPE), **transfer_settings)
    log(f"frozen-feature transfer, pretrained vs random weights: cat / not-cat "
        f"{transfer['pretrained']['cat_not_cat']:.3f} vs {transfer['random_weights']['cat_not_cat']:.3f}, "
        f"faces {transfer['pretrained']['faces']:.3f} vs {transfer['random_weights']['faces']:.3f}")

    record = {
        "architecture": f"keras.applications.MobileNetV2(input_shape={IMAGE_SHAPE}, alpha={ALPHA}, "
                        "include_top=False, weights=None)",
        "parameters": int(base.count_params()),
        "files": {"base_weights": WEIGHTS_FILE.name, "head_weights": HEAD_FILE.name,
                  "base_weights_bytes": (out / WEIGHTS_FILE.name).stat().st_size},
        "run": run,
        "task": f"which of the {len(PHOTO_CLASSES)} photos of lessons.data.images.PHOTO_CLASSES a random crop "
                "comes from (no cat among them)",
        "classes": list(PHOTO_CLASSES),
        "data": {"train": f"make_photo_crops({settings['n_train']}, size={size}, seed={seed})",
                 "test": f"make_photo_crops({settings['n_test']}, size={size}, seed={seed + 1})"},
        "recipe": {"seed": seed, "epochs": settings["epochs"], "batch_size": settings["batch_size"],
                   "optimizer": f"Adam(learning_rate={settings['learning_rate']})",
                   "batch_norm_momentum": settings["bn_momentum"],
                   "model": "preprocess_input -> base -> GlobalAveragePooling2D -> Dense(16, softmax)"},
        "result": {"train_accuracy": round(float(history.history["accuracy"][-1]), 4),
                   "test_accuracy": round(test_accuracy, 4), "train_seconds": round(train_seconds, 1)},
        "check_batch": {"data": f"make_photo_crops({CHECK_BATCH}, size={size}, seed={seed + 2})",
                        "accuracy": round(float(np.mean(P_check.argmax(axis=1) == y_check)), 4),
                        "probabilities": np.round(P_check.astype(np.float64), 5).tolist()},
        "transfer": {"how": "logistic regression (C=0.1) on standardised pooled features of the frozen base",
                     "cat_not_cat": f"make_cat_dataset(m_train={settings['cats'][0]}, m_test={settings['cats'][1]}, "
                                    f"size={size}, flatten=False, seed={seed})",
                     "faces": f"lfw_faces() resized to {size} x {size}: {settings['faces']} to train, the other "
                              f"{200 - settings['faces']} to test (permutation of seed {seed})",
                     "random_weights": "the same architecture, weights drawn after keras.utils.set_random_seed(seed)",
                     **{name: {k: round(v, 4) for k, v in values.items()} for name, values in transfer.items()}},
        "versions": {"tensorflow": tf.__version__, "keras": keras.__version__},
        "total_seconds": round(time.perf_counter() - began, 1),
    }
    (out / RECORD_FILE.name).write_text(record_text(record))
    log(f"wrote {out / WEIGHTS_FILE.name} ({record['files']['base_weights_bytes']:,} bytes), "
        f"{out / HEAD_FILE.name} and {out / RECORD_FILE.name} in {record['total_seconds']:.0f} s")
    return record


def main(argv=None):
    return command_line("mobilenet", "Pretrain MobileNetV2 (alpha 0.35) on crops of the bundled photos.", pretrain, argv)


if __name__ == "__main__":
    sys.exit(main())
