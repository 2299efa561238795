"""Checks of assignment C4W2 (transfer learning with MobileNetV2: augment, freeze, fine-tune).
Expected outputs: expected/*.npz.

The base is the course's own MobileNetV2 (alpha 0.35, no top), pretrained offline on crops of the
bundled photos: lessons.pretrained.mobilenet. It travels to the kernel as JSON plus weights
(grader.codec.ModelInput), unfrozen, as keras.applications builds it, so that a transfer model
that forgets to freeze it shows.

- data_augmenter and transfer_model: the models' structure (grader.checks.same_structure against
  the recorded solution: each layer's class, output shape, parameters and key configuration, which
  includes the layers' `trainable` flag). A base left trainable and a head with an activation are
  named. A hidden case gives transfer_model a small base of another shape, so the input shape must
  be read from the arguments. The structure does not show RandomFlip's mode, RandomRotation's
  factor, the `training` argument of a call, nor operations such as preprocess_input (they are not
  layers): train_and_fine_tune sees the last.
- unfreeze_top returns the paths of the weights fit will update; the set must be that of the
  recipe (layers from fine_tune_at on, BatchNormalization layers frozen). Extra or missing weights
  are named with their layer, and an empty list (the base itself still frozen) with its cause.
- train_and_fine_tune returns the logits for held-out pictures after each of its two phases, and
  the trained model's weights. Here, in the grader's process, from the base's weights that were
  sent: the layers before fine_tune_at and every BatchNormalization layer after it must be exactly
  as they were; the fine-tuned layers must have moved, but no farther than Adam with the lower
  learning rate (BASE_LEARNING_RATE / 10) can move them in the steps of the recipe: each Adam step
  moves a weight by about the learning rate at most (measured, largest move: 0.95 x lr x steps with
  the lower rate, 8 to 10 x lr x steps with the original one; allowed: DRIFT_ALLOWANCE x lr x
  steps); the returned logits must be what the recipe's architecture gives with
  the returned weights (which names a model without preprocess_input, or one that divides the
  pixels by 255 first); and the accuracies on the held-out pictures, whose labels stay here (the
  case's reference), must reach the thresholds below.

Not checked, and why: `training=False` where the base is called. In Keras 3, fit and predict pass
their own training flag to every layer, over the one written in the graph (the notebook measures
it), so with a frozen base the flag changes no output the grader can see.
"""
from functools import lru_cache

import numpy as np

from grader.checks import Case, Check, array_of_shape, import_keras, n_parts, same_structure
from grader.codec import ModelInput, ModelStructure

IMG_SHAPE = (96, 96, 3)
BASE_LEARNING_RATE = 0.001
BATCH_SIZE = 32
FINE_TUNE_AT = 120
DRIFT_ALLOWANCE = 3.0    # x fine-tuning rate x steps: the reference moves 0.95 of that product, the original rate 8-10
FROZEN_ACCURACY = 0.70   # held-out accuracy after the head's training: the reference 0.78 to 0.83, majority 0.65
TUNED_ACCURACY = 0.75    # after fine-tuning: the reference 0.81 to 0.88 (4 data sets and seeds of this size)
# The returned logits against the recipe's architecture with the returned weights, recomputed here in
# float32 on the CPU: 5e-6 apart on the same CPU (logits up to 7.4); generous for a self-check on a GPU
# computing in TF32, and far below what another architecture changes (no preprocess_input: 4.4, pixels
# / 255: 6.3, measured on the public case).
LOGIT_TOLERANCE = 0.05


# ---------------------------------------------------------------- the bases sent to the kernel
@lru_cache(maxsize=1)
def mobilenet():
    """The course's pretrained MobileNetV2 for 96 x 96 pictures, as keras.applications builds it: not frozen."""
    from lessons.pretrained.mobilenet import pretrained_base
    return pretrained_base(IMG_SHAPE)


def frozen(model):
    """The ModelInput of `model` frozen (the model itself is left as it was)."""
    model.trainable = False
    try:
        return ModelInput(model)
    finally:
        model.trainable = True


@lru_cache(maxsize=1)
def small_base(shape=(32, 32, 3)):
    """A small base with the parts of a MobileNetV2 block (convolution, depthwise convolution, batch
    normalisation), seeded: 9 layers, 16 features per position."""
    keras = import_keras()
    glorot = keras.initializers.GlorotUniform
    inputs = keras.Input(shape=shape, name="pixels")
    x = keras.layers.Conv2D(8, 3, strides=2, padding="same", use_bias=False, name="conv",
                            kernel_initializer=glorot(seed=1))(inputs)
    x = keras.layers.BatchNormalization(name="conv_bn")(x)
    x = keras.layers.ReLU(6.0, name="conv_relu")(x)
    x = keras.layers.DepthwiseConv2D(3, padding="same", use_bias=False, name="depthwise",
                                     depthwise_initializer=glorot(seed=2))(x)
    x = keras.layers.BatchNormalization(name="depthwise_bn")(x)
    x = keras.layers.ReLU(6.0, name="depthwise_relu")(x)
    x = keras.layers.Conv2D(16, 1, name="project", kernel_initializer=glorot(seed=3))(x)
    outputs = keras.layers.BatchNormalization(name="project_bn")(x)
    return keras.Model(inputs, outputs, name="small_base")


def augmenter(shape):
    """The reference data_augmenter, as a model to send."""
    keras = import_keras()
    return keras.Sequential([keras.Input(shape=shape), keras.layers.RandomFlip("horizontal"),
                             keras.layers.RandomRotation(0.2)], name="data_augmentation")


# ---------------------------------------------------------------- data_augmenter
def sequential_structure(expected, got, case):
    if isinstance(got, ModelStructure):
        if got.model_class != "Sequential":
            return f"return a keras.Sequential model (the layers in a list, in order); got a {got.model_class} model"
        if any(layer in ("Rescaling", "Normalization") for layer, _, _ in got.rows):
            return ("the augmenter should only augment: no Rescaling. The pixels stay 0 to 255 until "
                    "preprocess_input, in the transfer model, scales them as the base expects")
    return same_structure(expected, got, case)


AUGMENTER_CASES = (
    Case("image_shape (96, 96, 3)", ((96, 96, 3),), public=True),
    Case("image_shape (64, 64, 3)", ((64, 64, 3),)),
    Case("image_shape (32, 48, 1): read the shape from the argument", ((32, 48, 1),)),
)


# ---------------------------------------------------------------- transfer_model
def transfer_structure(expected, got, case):
    """same_structure, after naming the mistakes that matter most: a base left trainable, a head
    with an activation."""
    if not isinstance(got, ModelStructure):
        return same_structure(expected, got, case)
    base_params = expected.rows[2][2]  # Input, augmentation, base, ...
    for (layer, _, params), config in zip(got.rows, got.configs):
        if layer == "Functional" and params == base_params and config.get("trainable") is True:
            return ("the base is not frozen: set base.trainable = False before you build the model, so that only "
                    "the new head trains (it also keeps the base's BatchNormalization layers in inference mode)")
    if got.rows and got.rows[-1][0] == "Dense" and got.configs[-1].get("activation") not in (None, "linear"):
        return (f"the head should give a logit, Dense(1) with no activation, got activation "
                f"{got.configs[-1].get('activation')!r}: the loss takes logits (from_logits=True)")
    return same_structure(expected, got, case)


TRANSFER_CASES = (
    Case("MobileNetV2 (alpha 0.35) for 96 x 96 pictures, pretrained", (IMG_SHAPE, ModelInput(augmenter(IMG_SHAPE)),
                                                                      ModelInput(mobilenet())), public=True),
    Case("a small base for 32 x 32 pictures: read the input shape from image_shape",
         ((32, 32, 3), ModelInput(augmenter((32, 32, 3))), ModelInput(small_base()))),
)


# ---------------------------------------------------------------- unfreeze_top
def _weight_names(model):
    """'layer/variable' of each weight, by layer: {name: (layer index, layer class)}."""
    return {f"{layer.name}/{variable.name}": (index, type(layer).__name__)
            for index, layer in enumerate(model.layers) for variable in layer.weights}


def _short(path):
    """A weight's path as 'layer/variable' (a model may put its own name in front)."""
    return "/".join(str(path).split("/")[-2:])


def recipe_trainable(expected, got, case):
    base_input, fine_tune_at = case.args
    where = case.reference  # 'layer/variable' -> (layer index, layer class)
    if not isinstance(got, (list, tuple)) or not all(isinstance(p, str) for p in got):
        return ("return the paths of the weights that will train, a list of strings: "
                "[w.path for w in base.trainable_weights]")
    want, have = {_short(p) for p in expected}, {_short(p) for p in got}
    if not have and want:
        return ("base.trainable_weights is empty: base.trainable is still False. Set base.trainable = True first "
                "(it unfreezes the base and every layer in it), then freeze base.layers[:fine_tune_at] and the "
                "BatchNormalization layers. Unfreezing only the layers leaves the base marked frozen, so it "
                "reports no trainable weights, although fit on the whole model would train those layers")
    extra = sorted(have - want, key=lambda p: (where.get(p, (-1,)), p))
    missing = sorted(want - have, key=lambda p: (where[p], p))
    unknown = [p for p in extra if p not in where]
    if unknown:
        return (f"{unknown[0]!r} is not the path of a weight of this base: "
                "return [w.path for w in base.trainable_weights]")
    for path in extra:
        index, kind = where[path]
        if kind == "BatchNormalization":
            return (f"{path} (base.layers[{index}], a BatchNormalization layer) would train: keep every "
                    "BatchNormalization layer frozen. A trainable one normalises with each batch's own statistics "
                    "during fit, and updates its moving averages, whatever training=False says where the base "
                    "is called; frozen, it keeps the statistics it learned in pretraining")
        if index < fine_tune_at:
            return (f"{path} (base.layers[{index}], a {kind}) would train, but it comes before fine_tune_at = "
                    f"{fine_tune_at}: the layers base.layers[:fine_tune_at] stay frozen")
    if missing:
        index, kind = where[missing[0]]
        return (f"{missing[0]} (base.layers[{index}], a {kind}) should train: every layer from fine_tune_at = "
                f"{fine_tune_at} on does, except the BatchNormalization layers ({len(missing)} weight(s) missing)")
    return None


UNFREEZE_CASES = (
    Case("the frozen MobileNetV2, fine_tune_at = 120", (frozen(mobilenet()), FINE_TUNE_AT), public=True,
         reference=_weight_names(mobilenet())),
    Case("a small base, not frozen, fine_tune_at = 4", (ModelInput(small_base()), 4),
         reference=_weight_names(small_base())),
)


# ---------------------------------------------------------------- train_and_fine_tune
def _pooled_features(base_weights, images, divide_by=1.0, preprocess=True):
    """GlobalAveragePooling2D of MobileNetV2 with `base_weights` on `images` (0-255) / divide_by,
    after preprocess_input or not."""
    keras = import_keras()
    from lessons.pretrained.mobilenet import mobilenet_v2, predict_eagerly
    base = mobilenet_v2(images.shape[1:])
    base.set_weights(base_weights)
    inputs = keras.Input(shape=images.shape[1:])
    x = inputs / divide_by
    x = keras.applications.mobilenet_v2.preprocess_input(x) if preprocess else x
    pooled = keras.Model(inputs, keras.layers.GlobalAveragePooling2D()(base(x)))
    return predict_eagerly(pooled, images)


def _recipe_logits(weights, images, **variant):
    return _pooled_features(weights[:-2], images, **variant) @ weights[-2] + weights[-1]


def _close(got, want):
    return np.allclose(got, want, atol=LOGIT_TOLERANCE, rtol=LOGIT_TOLERANCE)


def _accuracy(logits, labels):
    return float(np.mean((np.asarray(logits, dtype=np.float64).ravel() > 0) == (labels == 1)))


def fine_tuned(expected, got, case):
    base_input, X_train, y_train, X_eval, fine_tune_at, epochs, seed = case.args
    labels, where = case.reference["labels"], case.reference["layers"]
    message = n_parts(got, 3, "the result (logits_frozen, logits, weights)")
    if message:
        return message
    logits_frozen, logits, weights = got
    for name, value in (("logits_frozen", logits_frozen), ("logits", logits)):
        message = array_of_shape(value, (len(X_eval), 1), f"{name} (model.predict(X_eval)'s output)")
        if message:
            return message
    initial = base_input.weights
    shapes = [w.shape for w in initial] + [(initial[-1].shape[-1], 1), (1,)]
    if (not isinstance(weights, (list, tuple)) or len(weights) != len(shapes)
            or any(np.shape(w) != s for w, s in zip(weights, shapes))):
        return (f"weights should be model.get_weights() of the model you trained: the base's {len(initial)} arrays, "
                f"then the head's kernel {shapes[-2]} and bias (1,), {len(shapes)} arrays in all")
    weights = [np.asarray(w, dtype=np.float32) for w in weights]
    changed = [not np.array_equal(before, after) for before, after in zip(initial, weights)]
    for i, moved in enumerate(changed):
        index, layer, kind = where[i]
        if moved and index < fine_tune_at:
            return (f"base.layers[{index}] ({layer}, a {kind}) changed, but the layers before fine_tune_at = "
                    f"{fine_tune_at} must stay as pretraining left them: the base is frozen while the head trains "
                    "(transfer_model), and unfreeze_top leaves base.layers[:fine_tune_at] frozen")
        if moved and kind == "BatchNormalization":
            return (f"base.layers[{index}] ({layer}, a BatchNormalization layer) changed while fine-tuning: keep "
                    "the BatchNormalization layers frozen (unfreeze_top), or they normalise with each batch's "
                    "statistics and overwrite the moving averages of pretraining")
    top = [i for i, (index, _, kind) in enumerate(where) if index >= fine_tune_at and kind != "BatchNormalization"]
    if not any(changed[i] for i in top):
        if _accuracy(logits_frozen, labels) < FROZEN_ACCURACY:
            return ("nothing learned: the layers from fine_tune_at on did not change, and the head alone is right on "
                    f"{_accuracy(logits_frozen, labels):.1%} of the held-out pictures. Check the loss: the head "
                    "gives logits, so keras.losses.BinaryCrossentropy(from_logits=True); without from_logits, "
                    "Keras takes them for probabilities and clips them to [0, 1], where the gradient vanishes")
        return ("the layers from fine_tune_at on did not change: fine-tuning trained nothing. After unfreeze_top, "
                "compile the model again (fit keeps training what was trainable when it was compiled), then fit")
    steps = epochs[1] * int(np.ceil(len(X_train) / BATCH_SIZE))
    learning_rate = BASE_LEARNING_RATE / 10
    drift = max(float(np.max(np.abs(weights[i] - initial[i]))) for i in top)
    if drift > DRIFT_ALLOWANCE * learning_rate * steps:
        return (f"the fine-tuned weights moved by up to {drift:.2g}, more than Adam with learning_rate = "
                f"BASE_LEARNING_RATE / 10 = {learning_rate:g} moves them in {steps} steps (about {learning_rate:g} "
                f"per step at most): compile for fine-tuning with the lower learning rate, "
                f"keras.optimizers.Adam(learning_rate=BASE_LEARNING_RATE / 10), and batch_size={BATCH_SIZE}")
    want = _recipe_logits(weights, X_eval)
    if not _close(logits, want):
        if _close(logits, _recipe_logits(weights, X_eval, preprocess=False)):
            return ("your model feeds the pixels to the base as they are (0 to 255): transfer_model must apply "
                    "keras.applications.mobilenet_v2.preprocess_input first, which scales them to [-1, 1] as in "
                    "pretraining (the structure check of transfer_model cannot see it: it is not a layer)")
        if _close(logits, _recipe_logits(weights, X_eval, divide_by=255.0)):
            return ("your model divides the pixels by 255 before preprocess_input, so the base sees values near -1 "
                    "only: preprocess_input expects pixels from 0 to 255; augment, don't rescale, in "
                    "data_augmenter")
        return ("your logits are not what the recipe's model (augmentation, preprocess_input, the base, "
                "GlobalAveragePooling2D, Dropout, Dense(1)) gives with the weights you returned: return "
                "model.predict(X_eval) and model.get_weights() of the same model, built by transfer_model")
    for name, value, floor in (("after training the head", logits_frozen, FROZEN_ACCURACY),
                               ("after fine-tuning", logits, TUNED_ACCURACY)):
        accuracy = _accuracy(value, labels)
        if accuracy < floor:
            return (f"{name}, the model is right on {accuracy:.1%} of the {len(labels)} held-out pictures; the recipe "
                    f"reaches at least {floor:.0%}: check the loss (BinaryCrossentropy(from_logits=True), as the "
                    "head gives logits), the optimizers and their learning rates, and the epochs")
    return None


@lru_cache(maxsize=None)
def _cats(m_train, m_eval, seed):
    from lessons.data import make_cat_dataset
    return make_cat_dataset(m_train=m_train, m_test=m_eval, size=IMG_SHAPE[0], flatten=False, seed=seed)


def _fine_tune_case(name, m_train, m_eval, data_seed, epochs, seed, public=False):
    """The pretrained MobileNetV2, unfrozen, m_train cat / not-cat pictures to learn from and m_eval others
    to predict; their labels, and the base's layer of each weight, stay here."""
    cats = _cats(m_train, m_eval, data_seed)
    base = mobilenet()
    where = [(index, layer.name, type(layer).__name__) for index, layer in enumerate(base.layers)
             for _ in layer.weights]
    return Case(name, (ModelInput(base), cats.X_train, cats.Y_train.ravel(), cats.X_test, FINE_TUNE_AT, epochs, seed),
                public=public, reference={"labels": cats.Y_test.ravel(), "layers": where})


FINE_TUNE_CASES = (
    _fine_tune_case("96 pictures, 4 + 2 epochs: held-out accuracy, frozen layers, learning rate", 96, 150, 11, (4, 2),
                    0, public=True),
)


CHECKS = [
    Check("data_augmenter",
          hint="keras.Sequential([keras.Input(shape=image_shape), keras.layers.RandomFlip(\"horizontal\"), "
               "keras.layers.RandomRotation(0.2)])",
          cases=AUGMENTER_CASES,
          compare=sequential_structure),
    Check("transfer_model",
          hint="base.trainable = False; inputs = keras.Input(shape=image_shape); x = data_augmentation(inputs); "
               "x = keras.applications.mobilenet_v2.preprocess_input(x); x = base(x, training=False); then "
               "GlobalAveragePooling2D(), Dropout(0.2), Dense(1) (no activation: a logit); "
               "return keras.Model(inputs, outputs)",
          cases=TRANSFER_CASES,
          compare=transfer_structure),
    Check("unfreeze_top",
          hint="base.trainable = True; then layer.trainable = False for each layer of base.layers[:fine_tune_at] "
               "and for each keras.layers.BatchNormalization after it; return [w.path for w in base.trainable_weights]",
          cases=UNFREEZE_CASES,
          compare=recipe_trainable),
    Check("train_and_fine_tune",
          hint="keras.utils.set_random_seed(seed); model = transfer_model(X_train.shape[1:], "
               "data_augmenter(X_train.shape[1:]), base); compile with keras.optimizers.Adam(BASE_LEARNING_RATE) and "
               "keras.losses.BinaryCrossentropy(from_logits=True); fit epochs[0] epochs, batch_size=32, verbose=0; "
               "logits_frozen = model.predict(X_eval, verbose=0); unfreeze_top(base, fine_tune_at); compile again "
               "with Adam(BASE_LEARNING_RATE / 10); fit epochs[1] epochs; return (logits_frozen, "
               "model.predict(X_eval, verbose=0), model.get_weights())",
          cases=FINE_TUNE_CASES,
          compare=fine_tuned),
]
