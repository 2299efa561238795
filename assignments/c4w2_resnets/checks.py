"""Checks of assignment C4W2 (residual networks: the two blocks of ResNet-50, ResNet-50 itself, and a
small ResNet trained on digits). Expected outputs: expected/*.npz.

The blocks return tensors, which the grader cannot see as models: a check case hands the kernel
arguments only (arrays, numbers, lists, models as grader.codec.ModelInput), never a keras.Input. So
identity_block and convolutional_block are called on batches of data (NumPy arrays), which Keras
runs eagerly, layer by layer, in inference mode (BatchNormalization then uses its moving statistics,
0 and 1 before any training, and scales by 1 / sqrt(1 + 0.001)). Every Conv2D takes the seeded
`initializer(seed=0)` the recipe gives, so the output is a function of the input alone: it is
compared with the recorded solution's within 1e-5 (absolute and relative, float32). A missing
BatchNormalization changes it by 5e-4 of its size, far above that. The known mistakes are computed
here, with the same seeded weights: the skip added after the last ReLU, the last ReLU left out, a
ReLU before the addition, no skip at all, BatchNormalization called with training=True (the classic
course's argument), the shortcut's BatchNormalization left out, the stride on the f x f or the last
convolution (ResNet v1.5 puts it on the f x f one; this assignment follows the original paper).
The notebook's set-up cell turns TensorFlow's TF32 off: on recent GPUs float32 convolutions would
otherwise keep about three significant digits, too few for 1e-5 (and for a missing normalisation).

The layers of the blocks show in the models built from them: ResNet50 and small_resnet are compared
layer by layer with the recorded solution (grader.checks.same_structure, which first writes what
can be written two ways one way: ReLU() or Activation("relu"), `X + X_shortcut` or Add(), either
padding on a 1 x 1 convolution, either order of a convolutional block's two branches). A
difference is reported with the block it is in ("stage 3, block 1: a convolutional_block"). Both
must be Functional models; ResNet50 has 23,600,006 parameters on (64, 64, 3) and 6 classes, as many
as keras.applications.ResNet50(weights=None) (the notebook prints both). What the blocks' numbers
cannot show (Conv2D without a bias, whose initial bias is 0 anyway; BatchNormalization on another
axis, whose initial statistics are 0 and 1 everywhere) shows here, in the block it is in.

train_and_predict trains a small ResNet built here with seeded initialisers and BatchNormalization
momentum 0.9 (grader.codec.ModelInput), so that its points never depend on the learner's blocks, on
600 digits for 3 epochs, and is judged on the accuracy of its predictions on 500 other digits whose
labels stay here (the case's reference). Measured with the recipe (Adam, the learning rate decaying from
0.01 to 0 along a cosine): 0.91 to 0.93 over four splits and seeds; the threshold is 0.80, chance 0.10.
With a constant learning rate the accuracy on new digits jumps from epoch to epoch (0.53 to 0.97 with
0.003: batch normalisation's moving averages lag behind the weights), hence the decay. One case only:
most of its 5 to 6 seconds is Keras tracing the training step of a 50-layer model, which every case
pays again.
"""
from functools import lru_cache
import re

import numpy as np

from grader.checks import (Case, Check, KnownMistake, array_of_shape, import_keras, normal_batch, same_structure,
                           within, written_alike)
from grader.codec import ModelInput, ModelStructure

rng = np.random.default_rng(4202)

BLOCK_TOLERANCE = 1e-5
DIGIT_ACCURACY = 0.80
SEEDED = ("; if your layers are the recipe's, check that every Conv2D has kernel_initializer=initializer(seed=0): "
          "the checks call your block on a batch of data with these seeded weights, so that its output is known")


# ---------------------------------------------------------------- the blocks, as the recipe builds them (and as it does not)
def block(X, f, filters, s=None, *, skip_after_relu=False, final_relu=True, relu_before_add=False, skip=True,
          shortcut_bn=True, stride_on=0, bn_training=None, name=None):
    """The identity block (s None) or the convolutional block (stride s) on X, a keras.Input or a batch of
    data; the switches make the known mistakes. Every Conv2D has the recipe's GlorotUniform(seed=0) weights.
    `name` names the layers (name_conv1, ...): a model input's fingerprint must not depend on the numbers
    Keras gives unnamed layers, which count the layers the process made before."""
    keras = import_keras()
    layers, glorot = keras.layers, keras.initializers.GlorotUniform
    F1, F2, F3 = filters
    strides = [1, 1, 1]
    if s is not None:
        strides[stride_on] = s

    def named(part):
        return f"{name}_{part}" if name else None

    def conv(x, n, size, stride, padding, part):
        return layers.Conv2D(n, size, strides=stride, padding=padding, kernel_initializer=glorot(seed=0),
                             name=named(part))(x)

    def norm(x, part):
        return layers.BatchNormalization(axis=3, momentum=0.9, name=named(part))(x, training=bn_training)

    def relu(x, part):
        return layers.Activation("relu", name=named(part))(x)

    Y = relu(norm(conv(X, F1, 1, strides[0], "valid", "conv1"), "bn1"), "relu1")
    Y = relu(norm(conv(Y, F2, f, strides[1], "same", "conv2"), "bn2"), "relu2")
    Y = norm(conv(Y, F3, 1, strides[2], "valid", "conv3"), "bn3")
    if relu_before_add:
        Y = relu(Y, "relu3")
    shortcut = X
    if s is not None:
        shortcut = conv(X, F3, 1, s, "valid", "shortcut_conv")
        if shortcut_bn:
            shortcut = norm(shortcut, "shortcut_bn")
    if not skip:
        return relu(Y, "out")
    if skip_after_relu:
        return layers.Add(name=named("add"))([relu(Y, "out"), shortcut])
    added = layers.Add(name=named("add"))([Y, shortcut])
    return relu(added, "out") if final_relu else added


def block_mistake(convolutional=False, **switches):
    """What a block with this mistake returns on a case's batch of data (with the case's s, else the default 2
    for a convolutional block)."""
    def value(case):
        X, f, filters, *rest = case.args
        s = rest[0] if rest else (2 if convolutional else None)
        return np.asarray(block(X, f, filters, s, **switches))
    return value


def _block_output(shape_rule):
    def compare(expected, got, case):
        X = case.args[0]
        want = np.shape(expected)
        message = array_of_shape(got, want, "the block's output")
        if message:
            return f"{message}, {shape_rule(X.shape, want)}"
        message = within(got, expected, atol=BLOCK_TOLERANCE, rtol=BLOCK_TOLERANCE, what="the block's output")
        return message + SEEDED if message else None
    return compare


identity_output = _block_output(lambda shape, want: f"the input's shape {shape}: the identity block keeps the "
                                                    "height and the width (the f x f convolution has padding=\"same\") "
                                                    "and ends with F3 channels, as many as the input has")
convolutional_output = _block_output(lambda shape, want: f"(m, ceil(n_H / s), ceil(n_W / s), F3) = {want} for an "
                                                         f"input of shape {shape}: the stride s is on the main path's "
                                                         "first 1 x 1 convolution and on the shortcut's")

SKIP_AFTER_RELU = ("you added the shortcut after the last ReLU: add it to the output of the third BatchNormalization, "
                   "Add()([X, X_shortcut]), and apply the ReLU to the sum, a = g(z + a_shortcut)")
NO_FINAL_RELU = ("the ReLU after the addition is missing: the block ends with Add()([X, X_shortcut]) and then "
                 "Activation(\"relu\")")
RELU_BEFORE_ADD = ("the main path's third component has a ReLU: it is Conv2D then BatchNormalization only; the ReLU "
                   "comes once, after the shortcut has been added")
NO_SKIP = ("the shortcut is never added: keep X_shortcut = X before the main path and end with "
           "Add()([X, X_shortcut]) before the last ReLU")
BN_TRAINING = ("you called BatchNormalization with training=True (the classic course's argument): call the layer on "
               "the tensor alone, BatchNormalization(axis=3, momentum=0.9)(X); Keras uses the batch's statistics "
               "during fit and the moving averages when predicting")


def _common_mistakes(**kind):
    return (
        KnownMistake(SKIP_AFTER_RELU, block_mistake(skip_after_relu=True, **kind), atol=1e-4),
        KnownMistake(NO_FINAL_RELU, block_mistake(final_relu=False, **kind), atol=1e-4),
        KnownMistake(RELU_BEFORE_ADD, block_mistake(relu_before_add=True, **kind), atol=1e-4),
        KnownMistake(NO_SKIP, block_mistake(skip=False, **kind), atol=1e-4),
        KnownMistake(BN_TRAINING, block_mistake(bn_training=True, **kind), atol=1e-4),
    )


IDENTITY_MISTAKES = _common_mistakes()
CONVOLUTIONAL_MISTAKES = _common_mistakes(convolutional=True) + (
    KnownMistake("the shortcut has no BatchNormalization: it is Conv2D(F3, 1, strides=s, padding=\"valid\") and then "
                 "BatchNormalization(axis=3, momentum=0.9), like the main path's convolutions",
                 block_mistake(shortcut_bn=False, convolutional=True), atol=1e-4),
    KnownMistake("the stride is on the f x f convolution (where ResNet v1.5 puts it): this assignment follows the "
                 "original ResNet, with strides=s on the main path's first 1 x 1 convolution (and the shortcut's)",
                 block_mistake(stride_on=1, convolutional=True), atol=1e-4),
    KnownMistake("the stride is on the main path's last 1 x 1 convolution: it goes on the first one, "
                 "Conv2D(F1, 1, strides=s, padding=\"valid\"), and on the shortcut's",
                 block_mistake(stride_on=2, convolutional=True), atol=1e-4),
)



IDENTITY_CASES = (
    Case("X (3, 4, 4, 3), f 2, filters [4, 4, 3]", (normal_batch(rng, 3, 4, 4, 3), 2, [4, 4, 3]), public=True),
    Case("X (2, 5, 5, 6), f 3, filters [2, 3, 6]", (normal_batch(rng, 2, 5, 5, 6), 3, [2, 3, 6]), public=True),
    Case("one example of 6 x 7 x 8, f 3, filters [4, 4, 8]", (normal_batch(rng, 1, 6, 7, 8), 3, [4, 4, 8])),
    Case("X (4, 3, 3, 2), f 1, filters [6, 5, 2]", (normal_batch(rng, 4, 3, 3, 2), 1, [6, 5, 2])),
    Case("large values: X (2, 4, 6, 4) times 10, f 3, filters [3, 2, 4]", (normal_batch(rng, 2, 4, 6, 4, scale=10.0), 3, [3, 2, 4])),
)

CONVOLUTIONAL_CASES = (
    Case("X (3, 4, 4, 3), f 3, filters [2, 4, 6], s left at 2", (normal_batch(rng, 3, 4, 4, 3), 3, [2, 4, 6]), public=True),
    Case("X (2, 6, 6, 4), f 3, filters [4, 4, 8], s 1", (normal_batch(rng, 2, 6, 6, 4), 3, [4, 4, 8], 1), public=True),
    Case("X (2, 7, 5, 3), f 3, filters [3, 3, 5], s 2: odd sizes round up", (normal_batch(rng, 2, 7, 5, 3), 3, [3, 3, 5], 2),
         public=True),
    Case("one example of 9 x 9 x 2, f 3, filters [4, 2, 6], s 3", (normal_batch(rng, 1, 9, 9, 2), 3, [4, 2, 6], 3)),
    Case("X (4, 4, 4, 5), f 1, filters [3, 3, 4], s 2", (normal_batch(rng, 4, 4, 4, 5), 1, [3, 3, 4], 2)),
    Case("X (2, 8, 8, 3) times 10, f 2, filters [2, 3, 4]", (normal_batch(rng, 2, 8, 8, 3, scale=10.0), 2, [2, 3, 4])),
)


# ---------------------------------------------------------------- ResNet50 and small_resnet: structure
def _places(structure):
    """Where each layer of a ResNet (written alike, in Keras's order) is: the stem (up to its MaxPooling2D,
    stage 1 in the paper), a block of stage 2, 3, ..., or the head."""
    layers = [layer for layer, _, _ in structure.rows]
    places, stage, number, in_stem, current, relus = [], 1, 0, True, None, 0
    for i, layer in enumerate(layers):
        if in_stem:
            places.append("the stem, before the first stage")
            in_stem = layer != "MaxPooling2D"
            continue
        if current is None and layer == "Conv2D":
            convs, seen = 0, 0  # a block ends with its third ReLU; a convolutional block has 4 convolutions
            for later in layers[i:]:
                convs, seen = convs + (later == "Conv2D"), seen + (later == "ReLU")
                if seen == 3:
                    break
            if convs == 4:
                stage, number = stage + 1, 0
            number += 1
            kind = "convolutional_block" if convs == 4 else "identity_block"
            current, relus = f"stage {stage}, block {number}: {'a' if convs == 4 else 'an'} {kind}", 0
        if current is None:
            places.append("the head, after the last stage")
            continue
        places.append(current)
        relus += layer == "ReLU"
        if relus == 3:
            current = None
    return places


def resnet_structure(expected, got, case):
    if not isinstance(got, ModelStructure):
        return same_structure(expected, got, case)
    if got.model_class != "Functional":
        return (f"build the model with the Functional API (keras.Input, each layer called on the previous output, "
                f"keras.Model(inputs, outputs)); got a {got.model_class} model")
    message = same_structure(expected, got, case)
    if not message:
        return None
    found = re.match(r"layer (\d+)", message)
    if found:
        places = _places(written_alike(expected, got)[0])  # numbered as same_structure numbers them
        index = int(found.group(1)) - 1
        if index < len(places):
            message = f"{message} (in {places[index]})"
    if got.params != expected.params:
        message += f"; the model has {got.params:,} parameters, the recipe's {expected.params:,}"
    return message


RESNET50_CASES = (
    Case("input_shape (64, 64, 3), 6 classes: 23,600,006 parameters", ((64, 64, 3), 6), public=True),
    Case("input_shape (96, 96, 1), 10 classes", ((96, 96, 1), 10)),
)

SMALL_RESNET_CASES = (
    Case("input_shape (32, 32, 1), 10 classes: 15,594 parameters", ((32, 32, 1), 10), public=True),
    Case("input_shape (32, 32, 3), 6 classes", ((32, 32, 3), 6), public=True),
    Case("input_shape (16, 16, 1), 10 classes", ((16, 16, 1), 10)),
    Case("input_shape (28, 28, 3), 5 classes", ((28, 28, 3), 5)),
)


# ---------------------------------------------------------------- train_and_predict
def upsample(images):
    """load_digits' 8 x 8 pictures (values 0 to 16) -> (n, 32, 32, 1) float32 in [0, 1], as the notebook makes them."""
    from skimage.transform import resize
    return np.stack([resize(image / 16.0, (32, 32), order=1, anti_aliasing=False)
                     for image in images]).astype(np.float32)[..., None]


@lru_cache(maxsize=1)
def digits_32():
    from sklearn.datasets import load_digits
    digits = load_digits()
    return upsample(digits.images), digits.target


@lru_cache(maxsize=1)
def small_resnet_reference():
    """The notebook's small ResNet for 32 x 32 x 1 digits, its weights from seeded initialisers."""
    keras = import_keras()
    layers, glorot = keras.layers, keras.initializers.GlorotUniform
    inputs = keras.Input(shape=(32, 32, 1), name="digits")
    X = layers.Conv2D(16, 3, padding="same", kernel_initializer=glorot(seed=0), name="stem_conv")(inputs)
    X = layers.BatchNormalization(axis=3, momentum=0.9, name="stem_bn")(X)
    X = layers.Activation("relu", name="stem_relu")(X)
    X = layers.MaxPooling2D(2, name="stem_pool")(X)
    X = block(X, 3, [8, 8, 32], s=1, name="stage2a")
    X = block(X, 3, [8, 8, 32], name="stage2b")
    X = block(X, 3, [16, 16, 64], s=2, name="stage3a")
    X = block(X, 3, [16, 16, 64], name="stage3b")
    X = layers.GlobalAveragePooling2D(name="pool")(X)
    outputs = layers.Dense(10, activation="softmax", kernel_initializer=glorot(seed=0), name="probabilities")(X)
    return keras.Model(inputs, outputs, name="small_resnet")


def digit_accuracy(expected, got, case):
    X_eval, labels = case.args[3], case.reference
    shape = (len(X_eval), 10)
    if np.shape(got) == (len(X_eval),):
        return ("you returned one number per picture (the predicted classes?): return the probabilities, "
                f"model.predict(X_eval), of shape {shape}")
    message = array_of_shape(got, shape, "the predictions for X_eval (model.predict's output)")
    if message:
        return message + ": one row of 10 probabilities per picture"
    p = np.asarray(got, dtype=np.float64)
    if p.min() < -1e-6 or p.max() > 1 + 1e-6:
        return (f"the predictions should be probabilities in [0, 1], got values from {p.min():.3g} to {p.max():.3g}: "
                "return model.predict's output as it is")
    accuracy = float(np.mean(np.argmax(p, axis=1) == labels))
    if accuracy < DIGIT_ACCURACY:
        return (f"the trained model is right on {accuracy:.1%} of the {len(labels)} held-out digits; the recipe reaches "
                f"at least {DIGIT_ACCURACY:.0%}: check the loss (sparse_categorical_crossentropy, for a softmax output "
                "and integer labels), the learning rate (0.01, decaying to 0 along a cosine over epochs * "
                "math.ceil(len(X_train) / 16) steps), the batch size of 16 and the epochs you were given, and that you "
                "fit the model you were given")
    return None


def _digit_case(name, split_seed, epochs, seed, public=False, n_train=600, n_eval=500):
    """The small ResNet to train on n_train digits and n_eval others to predict; their labels stay here."""
    X, y = digits_32()
    order = np.random.default_rng(split_seed).permutation(len(y))
    train, held = order[:n_train], order[n_train:n_train + n_eval]
    return Case(name, (ModelInput(small_resnet_reference()), X[train], y[train], X[held], epochs, seed),
                public=public, reference=y[held])


CHECKS = [
    Check("identity_block",
          hint="main path: Conv2D(F1, 1, strides=1, padding=\"valid\") -> BatchNormalization(axis=3, momentum=0.9) -> "
               "Activation(\"relu\") -> Conv2D(F2, f, strides=1, padding=\"same\") -> BatchNormalization -> ReLU -> "
               "Conv2D(F3, 1, strides=1, padding=\"valid\") -> BatchNormalization; then "
               "Add()([X, X_shortcut]) and Activation(\"relu\"); every Conv2D with "
               "kernel_initializer=initializer(seed=0)",
          cases=IDENTITY_CASES,
          compare=identity_output,
          known_mistakes=IDENTITY_MISTAKES),
    Check("convolutional_block",
          hint="the identity block's main path with strides=s on its first 1 x 1 convolution; shortcut: "
               "Conv2D(F3, 1, strides=s, padding=\"valid\") -> BatchNormalization(axis=3, momentum=0.9); then "
               "Add()([X, X_shortcut]) and Activation(\"relu\"); every Conv2D with "
               "kernel_initializer=initializer(seed=0)",
          cases=CONVOLUTIONAL_CASES,
          compare=convolutional_output,
          known_mistakes=CONVOLUTIONAL_MISTAKES),
    Check("ResNet50",
          hint="ZeroPadding2D((3, 3)) -> Conv2D(64, 7, strides=2) -> BatchNormalization(axis=3, momentum=0.9) -> ReLU "
               "-> MaxPooling2D(3, strides=2); stage 2: convolutional_block(f=3, [64, 64, 256], s=1) and 2 identity "
               "blocks; stage 3: [128, 128, 512], s=2, 3 identity blocks; stage 4: [256, 256, 1024], s=2, 5 identity "
               "blocks; stage 5: [512, 512, 2048], s=2, 2 identity blocks; AveragePooling2D(2) -> Flatten -> "
               "Dense(classes, activation=\"softmax\"); keras.Model(inputs=X_input, outputs=X)",
          cases=RESNET50_CASES,
          compare=resnet_structure),
    Check("small_resnet",
          hint="Conv2D(16, 3, padding=\"same\") -> BatchNormalization(axis=3, momentum=0.9) -> ReLU -> MaxPooling2D(2); "
               "convolutional_block(f=3, [8, 8, 32], s=1), identity_block(f=3, [8, 8, 32]); "
               "convolutional_block(f=3, [16, 16, 64], s=2), identity_block(f=3, [16, 16, 64]); "
               "GlobalAveragePooling2D() -> Dense(classes, activation=\"softmax\"); keras.Model(inputs, outputs)",
          cases=SMALL_RESNET_CASES,
          compare=resnet_structure),
    Check("train_and_predict",
          hint="keras.utils.set_random_seed(seed); schedule = keras.optimizers.schedules.CosineDecay(0.01, "
               "decay_steps=epochs * math.ceil(len(X_train) / 16)); model.compile(optimizer=keras.optimizers.Adam("
               "learning_rate=schedule), loss=\"sparse_categorical_crossentropy\", metrics=[\"accuracy\"]); "
               "model.fit(X_train, y_train, epochs=epochs, batch_size=16, verbose=0); "
               "return model.predict(X_eval, verbose=0)",
          cases=(_digit_case("a small ResNet, 600 digits, 3 epochs: accuracy on 500 others", 1, 3, 0, public=True),),
          compare=digit_accuracy),
]
