"""Checks of assignment C4W3 (semantic segmentation with a U-Net: its two blocks, the U-Net itself, the mean
IoU, and the masks a trained U-Net predicts). Expected outputs: expected/*.npz.

The blocks return tensors, which the grader cannot see as models, so they are called on batches of numbers,
which Keras runs eagerly in inference mode (Dropout passes its input through). Their convolutions have
He-normal weights drawn at random (the recipe's `kernel_initializer="he_normal"`, unseeded, as learners write
it), so their values are not compared; what does not depend on the weights is:
- the shapes: the skip connection keeps the input's height and width and has n_filters channels, the next
  layer is it halved by max pooling (floor); upsampling_block doubles the expansive input's height and width;
- the ReLU: every output is >= 0;
- the pooling: next_layer is exactly the 2 x 2 maximum of skip_connection (or skip_connection itself);
- the reach: on an input that is zero but at one pixel (the convolutions' biases start at 0), a block's
  output is non-zero only where its convolutions reach. Two 3 x 3 convolutions reach 2 pixels from it; a
  transposed convolution with stride 2 then two 3 x 3 convolutions reach a fixed window, recorded from the
  solution. With 4 or more channels after each ReLU, a whole edge of that window being zero by chance is
  about as likely as 2^-28, so the window is the same on every run. A pixel only in the contractive input
  must reach the output too: a block that forgets to concatenate it outputs zeros there.
What the numbers cannot show (which of two concatenations comes first, the kernel initializer) is either
checked in the U-Net's structure or seen by predict_masks.

unet_model is compared layer by layer with the recorded solution (grader.checks.same_structure, which
first writes what can be written two ways one way: a ReLU as its own layer after a linear Conv2D or the
Conv2D's activation, keras.ops.concatenate or Concatenate, either padding on a 1 x 1 convolution, ...).
A difference is reported with the block it is in (cblock3, ublock8, the head), found by counting the MaxPooling2D and Conv2DTranspose layers
of the recorded solution.

mean_iou is compared with the solution's value within 1e-6 on random truths and logits; the solution
equals keras.metrics.MeanIoU (the notebook shows it): a class absent from both the truth and the prediction
has no IoU (0 / 0) and is left out of the mean; a class in one of them only has IoU 0 and counts.

predict_masks: training a U-Net to a useful mean IoU takes minutes (measured, train_fixture.py's record),
more than a grading may take, so the grader hands the function the weights of a U-Net trained once
offline (unet_shapes32.npz, made by train_fixture.py, recorded in unet_shapes32.json) and pictures made
here; the learner's function builds its own unet_model, loads the weights and returns the predicted masks,
which the grader scores with the mean IoU against masks it keeps to itself. The threshold is a few points
under the value measured with the solution. A U-Net whose layers are right but whose concatenation puts the
skip connection first loads the weights (same shapes) and predicts nonsense: this check is what sees it.
"""
import re
from functools import lru_cache
from pathlib import Path

import numpy as np

from grader.checks import (Case, Check, KnownMistake, array_of_shape, close, n_parts, normal_batch, one_number,
                           same_structure, written_alike)
from grader.codec import ModelStructure
from lessons.pretrained.scripts import load_fixture_weights

HERE = Path(__file__).resolve().parent
WEIGHTS_FILE = HERE / "unet_shapes32.npz"

rng = np.random.default_rng(4303)

# The trained U-Net (the solution's predict_masks with the committed weights) reaches a mean IoU of 0.917 on
# the public case's 16 pictures and 0.955 on the hidden case's 48 (0.956 on train_fixture.py's 500); with
# the concatenation in the other order the same weights give 0.21, with the background everywhere 0.22.
# The thresholds stay 3 to 4 points under the solution (tests/test_c4w3_unet_fixture.py keeps them there).
MASKS_MEAN_IOU = {"public": 0.88, "hidden": 0.92}


# ---------------------------------------------------------------- inputs
def _impulse(m, h, w, c, at):
    """A batch that is zero but at pixel `at` (row, column), where every channel holds a value in [0.5, 1.5]."""
    X = np.zeros((m, h, w, c), dtype=np.float32)
    X[:, at[0], at[1], :] = rng.uniform(0.5, 1.5, (m, c))
    return X



# ---------------------------------------------------------------- conv_block
def _pool(skip):
    """2 x 2 max pooling with stride 2 (floor), as MaxPooling2D(2) computes it."""
    m, h, w, c = skip.shape
    h2, w2 = h // 2, w // 2
    return skip[:, :2 * h2, :2 * w2].reshape(m, h2, 2, w2, 2, c).max(axis=(2, 4))


def _reach(values, at):
    """How far (Chebyshev distance, in pixels) from `at` the non-zero outputs go; None when all are zero."""
    nonzero = np.argwhere(np.any(np.abs(np.asarray(values, dtype=np.float64)) > 1e-7, axis=(0, 3)))
    if not len(nonzero):
        return None
    return int(np.max(np.maximum(np.abs(nonzero[:, 0] - at[0]), np.abs(nonzero[:, 1] - at[1]))))


def conv_block_output(expected, got, case):
    X, n_filters, _dropout, max_pooling = case.args
    message = n_parts(got, 2, "conv_block's result")
    if message:
        return message + ": return next_layer, skip_connection"
    want_next, want_skip = np.shape(expected[0]), np.shape(expected[1])
    got_next, got_skip = np.shape(got[0]), np.shape(got[1])
    if max_pooling and got_next == want_skip and got_skip == want_next:
        return ("the two results are swapped: return next_layer (after the max pooling) first, "
                "then skip_connection (before it)")
    if max_pooling and got_skip == want_next:
        return (f"skip_connection has shape {got_skip}, the pooled shape: take the skip connection from the second "
                f"convolution's output, before MaxPooling2D, so that it keeps the input's height and width {want_skip}")
    message = array_of_shape(got[1], want_skip, "skip_connection") or array_of_shape(got[0], want_next, "next_layer")
    if message:
        return (f"{message} (input {X.shape}, n_filters={n_filters}: two Conv2D(n_filters, 3, padding=\"same\") keep "
                f"the height and the width, MaxPooling2D(2, strides=2) halves them)")
    next_layer, skip = np.asarray(got[0], dtype=np.float64), np.asarray(got[1], dtype=np.float64)
    if skip.min() < 0:
        return f"skip_connection has negative values ({skip.min():.3g}): both convolutions use activation=\"relu\""
    if max_pooling:
        if not np.allclose(next_layer, _pool(skip), atol=1e-6, rtol=1e-6):
            return ("next_layer is not the 2 x 2 max pooling of skip_connection: next_layer = "
                    "MaxPooling2D(2, strides=2)(conv) and skip_connection = conv, the same tensor before pooling")
    elif not np.allclose(next_layer, skip, atol=1e-6, rtol=1e-6):
        return "with max_pooling=False, next_layer is the convolutions' output itself, the same as skip_connection"
    if case.reference is not None:
        reach = _reach(skip, case.reference)
        if reach is None:
            return "on an input that is zero but at one pixel, skip_connection is zero everywhere"
        if reach != 2:
            return (f"on an input that is zero but at one pixel, skip_connection is non-zero up to {reach} pixel(s) "
                    "from it; two 3 x 3 convolutions reach 2: the block has two Conv2D(n_filters, 3, "
                    "padding=\"same\"), one after the other")
    return None


CONV_BLOCK_CASES = (
    Case("one pixel in an 11 x 12 x 3 zero input, n_filters 4", (_impulse(1, 11, 12, 3, (5, 6)), 4, 0, True),
         public=True, reference=(5, 6)),
    Case("X (2, 8, 8, 3), n_filters 6, dropout 0.2", (normal_batch(rng, 2, 8, 8, 3), 6, 0.2, True), public=True),
    Case("X (2, 6, 6, 4), n_filters 8, dropout 0.3, no pooling", (normal_batch(rng, 2, 6, 6, 4), 8, 0.3, False), public=True),
    Case("one pixel in a 10 x 10 x 2 zero input, n_filters 5, no pooling", (_impulse(2, 10, 10, 2, (4, 5)), 5, 0.0, False),
         reference=(4, 5)),
    Case("X (3, 7, 9, 5), n_filters 4: odd sizes round down", (normal_batch(rng, 3, 7, 9, 5), 4, 0, True)),
    Case("X (1, 16, 12, 1), n_filters 8, dropout 0.5", (normal_batch(rng, 1, 16, 12, 1), 8, 0.5, True)),
)


# ---------------------------------------------------------------- upsampling_block
def _window(values):
    """The rows and columns (first, last) where `values` is non-zero; None when it is zero everywhere."""
    nonzero = np.argwhere(np.any(np.abs(np.asarray(values, dtype=np.float64)) > 1e-7, axis=(0, 3)))
    if not len(nonzero):
        return None
    return tuple(int(v) for v in (*nonzero.min(axis=0), *nonzero.max(axis=0)))


def upsampling_output(expected, got, case):
    expansive, contractive, n_filters = case.args
    want = np.shape(expected)
    message = array_of_shape(got, want, "upsampling_block's output")
    if message:
        shape = np.shape(got) if not isinstance(got, (tuple, list)) else None
        rule = (f"Conv2DTranspose(n_filters, 3, strides=2, padding=\"same\") turns the expansive input {expansive.shape} "
                f"into {want[:3] + (n_filters,)}, the contractive input's height and width {contractive.shape[1:3]}; "
                f"after the concatenation, two Conv2D(n_filters, 3, padding=\"same\") end with n_filters channels")
        if shape is not None and len(shape) == 4 and shape[1:3] == expansive.shape[1:3]:
            return f"{message}: the block did not double the height and the width; {rule}"
        if shape is not None and len(shape) == 4 and shape[3] == n_filters + contractive.shape[3]:
            return f"{message}: that is the concatenation; {rule}"
        return f"{message}; {rule}"
    out = np.asarray(got, dtype=np.float64)
    if out.min() < 0:
        return f"the output has negative values ({out.min():.3g}): both convolutions use activation=\"relu\""
    if case.reference is not None:
        which, at = case.reference
        got_window, want_window = _window(out), _window(expected)
        if got_window is None and which == "contractive":
            return ("with the contractive input zero but at one pixel (and the expansive input zero), the output is "
                    "zero everywhere: the contractive input (the skip connection) must be concatenated with the "
                    "upsampled one, concatenate([up, contractive_input], axis=3), before the two convolutions")
        if got_window != want_window:
            def show(w):
                return "nowhere" if w is None else f"rows {w[0]} to {w[2]}, columns {w[1]} to {w[3]}"
            return (f"on the {which} input, zero but at pixel {at}, the output is non-zero over {show(got_window)}; "
                    f"the recipe's over {show(want_window)}: check the transposed convolution (kernel 3, strides=2, "
                    "padding=\"same\") and that two 3 x 3 convolutions follow the concatenation")
    return None


def _upsampling_case(name, m, h, w, c_exp, c_con, n_filters, impulse=None, public=False):
    if impulse is None:
        args, reference = (normal_batch(rng, m, h, w, c_exp), normal_batch(rng, m, 2 * h, 2 * w, c_con), n_filters), None
    elif impulse[0] == "expansive":
        args = (_impulse(m, h, w, c_exp, impulse[1]), np.zeros((m, 2 * h, 2 * w, c_con), np.float32), n_filters)
        reference = impulse
    else:
        args = (np.zeros((m, h, w, c_exp), np.float32), _impulse(m, 2 * h, 2 * w, c_con, impulse[1]), n_filters)
        reference = impulse
    return Case(name, args, public=public, reference=reference)


UPSAMPLING_CASES = (
    _upsampling_case("expansive (2, 4, 4, 8), contractive (2, 8, 8, 4), n_filters 4", 2, 4, 4, 8, 4, 4, public=True),
    _upsampling_case("one pixel in the expansive input (1, 5, 5, 6), n_filters 4", 1, 5, 5, 6, 3, 4,
                     impulse=("expansive", (2, 2)), public=True),
    _upsampling_case("one pixel in the contractive input (1, 12, 12, 3), n_filters 4", 1, 6, 6, 4, 3, 4,
                     impulse=("contractive", (5, 6)), public=True),
    _upsampling_case("expansive (3, 3, 5, 16), contractive (3, 6, 10, 8), n_filters 8", 3, 3, 5, 16, 8, 8),
    _upsampling_case("one pixel in the expansive input (2, 6, 4, 4), n_filters 6", 2, 6, 4, 4, 2, 6,
                     impulse=("expansive", (3, 1))),
    _upsampling_case("one pixel in the contractive input (1, 8, 8, 2), n_filters 5", 1, 4, 4, 3, 2, 5,
                     impulse=("contractive", (2, 5))),
)


# ---------------------------------------------------------------- unet_model
def _places(structure):
    """Where each layer of a U-Net (written alike, in Keras's order) is: a contracting block up to its
    MaxPooling2D, the bottleneck, an expanding block from its Conv2DTranspose, or the head's two Conv2D."""
    layers, places, pools, ups = [layer for layer, _, _ in structure.rows], [], 0, 0
    for i, layer in enumerate(layers):
        if i == 0:
            places.append("the input")
        elif pools < 4:
            places.append(f"cblock{pools + 1}, a conv_block")
            pools += layer == "MaxPooling2D"
        elif i >= len(layers) - 2:
            places.append("the head, conv9 and conv10")
        elif ups == 0 and layer != "Conv2DTranspose":
            places.append("cblock5, the bottleneck")
        else:
            ups += layer == "Conv2DTranspose"
            places.append(f"ublock{5 + ups}, an upsampling_block")
    return places


def unet_structure(expected, got, case):
    if not isinstance(got, ModelStructure):
        return same_structure(expected, got, case)
    if got.model_class != "Functional":
        return (f"build the model with the Functional API (inputs = Input(input_size), the blocks called on tensors, "
                f"keras.Model(inputs=inputs, outputs=conv10)); got a {got.model_class} model")
    want = written_alike(expected, got)[0]  # numbered as same_structure numbers them
    message = same_structure(expected, got, case)
    found = re.match(r"layer (\d+)", message or "")
    if found and int(found.group(1)) <= len(want.rows):
        message = f"{message} (in {_places(want)[int(found.group(1)) - 1]})"
    if message and "got 'softmax'" in message:
        message += ": the last layer gives logits, with no activation; the loss applies the softmax (from_logits=True)"
    if message and got.params != expected.params:
        message += f"; the model has {got.params:,} parameters, the recipe's {expected.params:,}"
    return message


UNET_CASES = (
    Case("input_size (64, 64, 3), n_filters 16, n_classes 4", ((64, 64, 3), 16, 4), public=True),
    Case("input_size (32, 32, 3), n_filters 8, n_classes 4", ((32, 32, 3), 8, 4), public=True),
    Case("input_size (48, 96, 1), n_filters 4, n_classes 2", ((48, 96, 1), 4, 2)),
    Case("input_size (32, 64, 3), n_filters 6, n_classes 7", ((32, 64, 3), 6, 7)),
)


# ---------------------------------------------------------------- mean_iou
def iou_variant(absent="skip", per_image=False, axis=-1):
    """The mean IoU of a case (y_true, logits, n_classes), as the solution (absent="skip") or a known mistake
    computes it: absent classes counted as 0 or 1, a mean of each picture's mean IoU, argmax over another axis."""
    def value(case):
        y_true, logits, n_classes = case.args
        predicted = np.argmax(logits, axis=axis)
        if predicted.shape != y_true.shape:
            raise ValueError("not this mistake")
        pairs = [(y_true[i:i + 1], predicted[i:i + 1]) for i in range(len(y_true))] if per_image else [(y_true, predicted)]
        means = []
        for truth, guess in pairs:
            ious = []
            for c in range(n_classes):
                union = np.sum((truth == c) | (guess == c))
                if union:
                    ious.append(np.sum((truth == c) & (guess == c)) / union)
                elif absent != "skip":
                    ious.append(0.0 if absent == "zero" else 1.0)
            means.append(np.mean(ious))
        return float(np.mean(means))
    return value


def iou_value(expected, got, case):
    message = one_number(got, "mean_iou's result")
    if message:
        return message + ": return float(...) of the mean"
    return close(atol=1e-6, rtol=1e-6)(expected, got, case, "the mean IoU")


MEAN_IOU_MISTAKES = (
    KnownMistake("you averaged over all n_classes, counting a class that is in neither the truth nor the "
                 "prediction as IoU 0: such a class has no IoU (0 / 0) and is left out of the mean, as "
                 "keras.metrics.MeanIoU does", iou_variant(absent="zero"), atol=1e-6),
    KnownMistake("you counted a class that is in neither the truth nor the prediction as IoU 1: leave it out of "
                 "the mean instead, as keras.metrics.MeanIoU does", iou_variant(absent="one"), atol=1e-6),
    KnownMistake("you averaged each picture's mean IoU: the mean IoU counts the pixels of all the pictures "
                 "together, class by class, then averages the classes", iou_variant(per_image=True), atol=1e-6),
)


def _iou_case(name, m, h, w, n_classes, absent=(), only_true=(), only_predicted=(), perfect=False, public=False):
    """Random labels and logits over n_classes; the classes in `absent` appear in neither, those in `only_true`
    in the truth only, those in `only_predicted` in the prediction only."""
    allowed_true = [c for c in range(n_classes) if c not in absent and c not in only_predicted]
    y_true = rng.choice(allowed_true, size=(m, h, w)).astype(np.int64)
    logits = rng.standard_normal((m, h, w, n_classes)).astype(np.float32)
    for c in (*absent, *only_true):
        logits[..., c] -= 10.0
    for c in only_predicted:
        logits[..., c] += rng.uniform(0, 3, (m, h, w)).astype(np.float32)
    if perfect:
        logits = (np.eye(n_classes, dtype=np.float32)[y_true] * 4.0 + rng.uniform(0, 1, (m, h, w, n_classes))).astype(np.float32)
    return Case(name, (y_true, logits, n_classes), public=public)


MEAN_IOU_CASES = (
    _iou_case("2 pictures of 4 x 5, 3 classes", 2, 4, 5, 3, public=True),
    _iou_case("class 3 of 4 in neither the truth nor the prediction", 3, 6, 6, 4, absent=(3,), public=True),
    _iou_case("class 1 of 4 in the truth only", 2, 5, 5, 4, only_true=(1,), public=True),
    _iou_case("a perfect prediction, 4 classes", 2, 3, 4, 4, perfect=True),
    _iou_case("classes 0 and 4 of 5 absent from both", 4, 8, 8, 5, absent=(0, 4)),
    _iou_case("class 2 of 3 in the prediction only", 3, 4, 4, 3, only_predicted=(2,)),
    _iou_case("one picture of 16 x 16, 2 classes", 1, 16, 16, 2),
)


# ---------------------------------------------------------------- predict_masks
def _mean_iou(y_true, predicted, n_classes=4):
    ious = []
    for c in range(n_classes):
        union = np.sum((y_true == c) | (predicted == c))
        if union:
            ious.append(np.sum((y_true == c) & (predicted == c)) / union)
    return float(np.mean(ious))


def masks_quality(expected, got, case):
    """The predicted masks' mean IoU on the grader's own masks is at least the case's threshold."""
    masks, threshold = case.reference
    shape = masks.shape
    if np.shape(got) == shape + (4,):
        return ("you returned the logits, one score per class and pixel: the predicted mask is their argmax over "
                "the last axis, np.argmax(logits, axis=-1)")
    message = array_of_shape(got, shape, "the predicted masks")
    if message:
        return f"{message}: one class per pixel, np.argmax(model.predict(images), axis=-1)"
    predicted = np.asarray(got)
    if not np.all(np.equal(np.mod(predicted, 1), 0)) or predicted.min() < 0 or predicted.max() > 3:
        return "the masks should hold the class numbers 0 to 3, one per pixel"
    score = _mean_iou(masks, predicted.astype(np.int64))
    if score < threshold:
        return (f"with the trained weights your masks have a mean IoU of {score:.3f} on {len(masks)} pictures "
                f"(the solution's is above {threshold:.2f}). If the weights loaded without an error, your U-Net "
                "has the right layers but wires them differently: in upsampling_block, concatenate "
                "[up, contractive_input] in that order (the upsampled tensor first); in unet_model, pair each "
                "upsampling block with the skip connection of the same size")
    return None


@lru_cache(maxsize=None)
def _held_out(n, seed):
    from lessons.data import make_shapes
    return make_shapes(n, size=32, seed=seed)


def _masks_case(name, n, seed, threshold, public=False):
    shapes = _held_out(n, seed)
    return Case(name, (load_fixture_weights(WEIGHTS_FILE), shapes.images), public=public,
                reference=(shapes.masks.astype(np.int64), threshold), compare=masks_quality)


PREDICT_CASES = (
    _masks_case("the trained weights, 16 new pictures of shapes", 16, 3, MASKS_MEAN_IOU["public"], public=True),
    _masks_case("the trained weights, 48 other pictures", 48, 4, MASKS_MEAN_IOU["hidden"]),
)


CHECKS = [
    Check("conv_block",
          hint="conv = Conv2D(n_filters, 3, activation=\"relu\", padding=\"same\", kernel_initializer=\"he_normal\")"
               "(inputs), then the same Conv2D on conv; if dropout_prob > 0: conv = Dropout(dropout_prob)(conv); "
               "next_layer = MaxPooling2D(2, strides=2)(conv) if max_pooling else conv; skip_connection = conv; "
               "return next_layer, skip_connection",
          cases=CONV_BLOCK_CASES,
          compare=conv_block_output),
    Check("upsampling_block",
          hint="up = Conv2DTranspose(n_filters, 3, strides=2, padding=\"same\")(expansive_input); "
               "merge = concatenate([up, contractive_input], axis=3); then two Conv2D(n_filters, 3, "
               "activation=\"relu\", padding=\"same\", kernel_initializer=\"he_normal\"), one after the other",
          cases=UPSAMPLING_CASES,
          compare=upsampling_output),
    Check("unet_model",
          hint="contracting path: conv_block with n_filters, 2, 4 and 8 times n_filters (the last with "
               "dropout_prob=0.3), then the bottleneck conv_block(16 * n_filters, dropout_prob=0.3, "
               "max_pooling=False); expanding path: upsampling_block with 8, 4, 2 and 1 times n_filters, each "
               "given the skip connection (the block's [1]) of the same size; then Conv2D(n_filters, 3, "
               "activation=\"relu\", padding=\"same\", kernel_initializer=\"he_normal\") and Conv2D(n_classes, 1, "
               "padding=\"same\"); keras.Model(inputs=inputs, outputs=conv10)",
          cases=UNET_CASES,
          compare=unet_structure),
    Check("mean_iou",
          hint="predicted = np.argmax(logits, axis=-1); for each class c: intersection = sum((y_true == c) & "
               "(predicted == c)), union = sum((y_true == c) | (predicted == c)); IoU = intersection / union for "
               "the classes whose union is not 0; return float(the mean of those IoUs)",
          cases=MEAN_IOU_CASES,
          compare=iou_value,
          known_mistakes=MEAN_IOU_MISTAKES),
    Check("predict_masks",
          hint="model = unet_model(input_size=images.shape[1:], n_filters=8, n_classes=4); "
               "model.set_weights(weights); logits = model.predict(images, verbose=0); "
               "return np.argmax(logits, axis=-1)",
          cases=PREDICT_CASES),
]
