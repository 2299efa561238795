"""Checks of assignment C4W4 (neural style transfer: content cost, Gram matrix, style cost, total cost,
training steps on the pixels). Expected outputs: expected/*.npz.

The cost functions are compared, here in the grader's process, with twins written another way on
random activations of several shapes (float32, as a model's outputs are; non-square maps, more
channels than positions and the reverse): the content cost with NumPy in float64, the Gram matrix and
the style costs with tf.einsum ('hwc,hwd->cd' over the activations themselves: no unrolling to get
wrong). Values within 1e-4 relative (float32 sums), an absolute 1e-9 for costs that are 0.

The normalisations are the classic course's tests', not its lecture's: J_content = 1 / (4 n_H n_W n_C)
sum (a_C - a_G)^2 (the lecture writes 1/2 ||a_C - a_G||^2, a constant factor away: the errata), and
J_style^[l] = 1 / (4 n_C^2 (n_H n_W)^2) sum (G_S - G_G)^2. The style cost is J_style(S, G), of the
style and the generated image (the lecture's slide writes J_style(C, G): the errata).

train_step is given everything as arguments: the feature model (a seeded VGG19 with random weights,
truncated, as a model input; its outputs are the style layers' activations then the content layer's),
the targets, the style layers and their weights, and a number of steps. It makes its own optimizer, so
the grader never pins one: any optimizer and setting that lowers the cost passes. From the costs and
the image it returns, the grader checks, with the same model in its own process: the first cost is the
total cost of the starting image (so a wrong cost function shows here too); the cost falls at every
step, and the cost of the returned image is lower still; the pixels stay in [0, 1] (the starting
images have pixels at 0 and 1, which one step of any optimizer pushes out unless they are clipped).

Known mistakes named in the feedback: no normalisation, the lecture's 1/2, a mean without the 4
(content); A^T A for A A^T (Gram); the activations reshaped straight to (n_C, n_H n_W), no
normalisation, (n_H n_W) not squared, A^T A (layer style cost); the layers' weights ignored, a plain
mean, the last layer only, the last layer left out as the classic course's [:-1] does (style cost);
alpha and beta swapped, or ignored for 10 and 40 (total cost).
"""
from functools import lru_cache

import numpy as np

from grader.checks import Case, Check, KnownMistake, array_of_shape, import_keras, import_tf, n_parts, within
from grader.codec import ModelInput, Unsupported

rng = np.random.default_rng(4404)

RTOL = 1e-4          # float32 sums over up to 8,192 terms: measured 1e-6 apart
ATOL = 1e-9          # for costs of 0 (identical activations)
COST_RTOL = 1e-3     # train_step's first cost against the grader's, the model run in two processes
PIXEL_SLACK = 1e-6   # how far outside [0, 1] a clipped pixel may be read back
SEED = 0             # of the feature model's random weights, as in the notebook
STEPS = 3


# ---------------------------------------------------------------- twins (grader's process)
def content_cost_numpy(a_C, a_G):
    a_C, a_G = np.asarray(a_C, np.float64), np.asarray(a_G, np.float64)
    _, n_H, n_W, n_C = a_G.shape
    return float(np.sum((a_C - a_G) ** 2) / (4 * n_H * n_W * n_C))


def gram_einsum(A):
    tf = import_tf()
    A = tf.constant(np.asarray(A, np.float64))
    return tf.einsum("ik,jk->ij", A, A).numpy()


def layer_style_cost_einsum(a_S, a_G):
    """From the activations as they are: G[c, d] = sum over positions of a[h, w, c] a[h, w, d]."""
    tf = import_tf()
    a_S, a_G = (tf.constant(np.asarray(a, np.float64)) for a in (a_S, a_G))
    _, n_H, n_W, n_C = a_G.shape
    G_S, G_G = (tf.einsum("bhwc,bhwd->cd", a, a) for a in (a_S, a_G))
    return float(tf.reduce_sum((G_S - G_G) ** 2).numpy() / (4 * n_C ** 2 * (n_H * n_W) ** 2))


def style_cost_einsum(style_outputs, generated_outputs, style_layers):
    return sum(weight * layer_style_cost_einsum(a_S, a_G)
               for a_S, a_G, (_, weight) in zip(style_outputs, generated_outputs, style_layers))


def scalar(got, what):
    """None when `got` is one number (a Python or NumPy number, or a tensor with one element), else a message."""
    if got is None:
        return f"{what} is None: did you forget a return statement?"
    if isinstance(got, Unsupported):
        return f"{what} is a {got.type_name}, which cannot be checked; return a number or a tensor"
    try:
        array = np.asarray(got)
    except ValueError:
        return f"{what} should be one number, got a {type(got).__name__} NumPy cannot read"
    if array.size != 1 or array.dtype.kind not in "iuf":
        return f"{what} should be one number (a scalar tensor), got an array of shape {array.shape}"
    if not np.isfinite(array).all():
        return f"{what} is {array.item()}, not a finite number"
    return None


def _cost_like(twin, name, what):
    def compare(expected, got, case):
        message = scalar(got, what)
        if message:
            return message
        return within(float(np.asarray(got).item()), twin(*case.args), atol=ATOL, rtol=RTOL,
                      what=f"{what}, compared with {name},")
    return compare


def _relu_like(shape):
    """Activations after a ReLU: about half zeros, float32."""
    return np.maximum(rng.standard_normal(shape), 0).astype(np.float32)


def _pair(shape):
    return _relu_like(shape), _relu_like(shape)


# ---------------------------------------------------------------- compute_content_cost
def _size(case):
    _, n_H, n_W, n_C = np.shape(case.args[1])
    return n_H * n_W * n_C


def _sum_of_squares(case):
    return float(np.sum((np.asarray(case.args[0], np.float64) - case.args[1]) ** 2))


CONTENT_MISTAKES = (
    KnownMistake("this is the sum of the squared differences without the normalisation: divide it by "
                 "4 * n_H * n_W * n_C (read them from a_G.shape)", _sum_of_squares, atol=1e-2),
    KnownMistake("this is the lecture's 1/2 ||a_C - a_G||^2; the course's tests (and this assignment) use "
                 "1 / (4 n_H n_W n_C) instead, a constant factor that changes the balance with the style cost",
                 lambda case: 0.5 * _sum_of_squares(case), atol=1e-2),
    KnownMistake("this is the mean of the squared differences: the normalisation has a 4 too, "
                 "1 / (4 * n_H * n_W * n_C)", lambda case: _sum_of_squares(case) / _size(case), atol=1e-5),
)

CONTENT_CASES = (
    Case("activations (1, 4, 4, 3)", _pair((1, 4, 4, 3)), public=True),
    Case("activations (1, 3, 5, 8): not square", _pair((1, 3, 5, 8)), public=True),
    Case("activations (1, 16, 16, 64)", _pair((1, 16, 16, 64))),
    Case("activations (1, 7, 2, 6)", _pair((1, 7, 2, 6))),
    Case("a_C equal to a_G: 0", (lambda a: (a, a.copy()))(_relu_like((1, 5, 5, 4)))),
)


# ---------------------------------------------------------------- gram_matrix
def gram_like_einsum(expected, got, case):
    want = gram_einsum(*case.args)
    message = array_of_shape(got, want.shape, "the Gram matrix")
    if message:
        n_C = want.shape[0]
        return message + f": A has shape (n_C, n_H n_W) = {np.shape(case.args[0])}, its Gram matrix ({n_C}, {n_C})"
    return within(got, want, atol=ATOL, rtol=RTOL,
                  what="the Gram matrix, compared with tf.einsum(\"ik,jk->ij\", A, A),")


GRAM_MISTAKES = (
    KnownMistake("this is A^T A, the products of the positions (n_H n_W x n_H n_W): the Gram matrix of the "
                 "channels is A A^T, (n_C, n_C), since each row of A is one channel",
                 lambda case: np.asarray(case.args[0], np.float64).T @ case.args[0], atol=1e-4),
)

GRAM_CASES = (
    Case("A (3, 8)", (_relu_like((3, 8)),), public=True),
    Case("A (4, 2): more channels than positions", (_relu_like((4, 2)),), public=True),
    Case("A (16, 36)", (_relu_like((16, 36)),)),
    Case("A (64, 9)", (_relu_like((64, 9)),)),
    Case("A (1, 7): one channel", (_relu_like((1, 7)),)),
)


# ---------------------------------------------------------------- compute_layer_style_cost
def _straight_reshape(a):
    _, n_H, n_W, n_C = a.shape
    return np.reshape(np.asarray(a, np.float64), (n_C, n_H * n_W))


def _layer_cost_from(unrolled_S, unrolled_G, denominator):
    G_S, G_G = unrolled_S @ unrolled_S.T, unrolled_G @ unrolled_G.T
    return float(np.sum((G_S - G_G) ** 2) / denominator)


def _dims(case):
    _, n_H, n_W, n_C = np.shape(case.args[1])
    return n_H, n_W, n_C


def _channels_first(a):
    _, n_H, n_W, n_C = a.shape
    return np.transpose(np.asarray(a, np.float64)[0], (2, 0, 1)).reshape(n_C, n_H * n_W)


def _wrong_layer_cost(unroll, denominator):
    def value(case):
        n_H, n_W, n_C = _dims(case)
        return _layer_cost_from(unroll(case.args[0]), unroll(case.args[1]), denominator(n_H, n_W, n_C))
    return value


LAYER_MISTAKES = (
    KnownMistake("you reshaped the activations (1, n_H, n_W, n_C) straight to (n_C, n_H * n_W): that deals the "
                 "numbers out in their memory order, so each 'channel' row mixes channels and positions. "
                 "Put the channels first, then reshape: tf.reshape(tf.transpose(a, perm=[0, 3, 1, 2]), "
                 "[n_C, n_H * n_W]) (or reshape to (n_H * n_W, n_C) and transpose)",
                 _wrong_layer_cost(_straight_reshape, lambda h, w, c: 4 * c ** 2 * (h * w) ** 2), atol=1e-6),
    KnownMistake("this is the sum of the squared differences of the Gram matrices without the normalisation: "
                 "divide it by 4 * n_C**2 * (n_H * n_W)**2",
                 _wrong_layer_cost(_channels_first, lambda h, w, c: 1), atol=1e-1),
    KnownMistake("the normalisation is 4 * n_C**2 * (n_H * n_W)**2: you did not square n_H * n_W",
                 _wrong_layer_cost(_channels_first, lambda h, w, c: 4 * c ** 2 * h * w), atol=1e-5),
    KnownMistake("the Gram matrices here are A^T A, of the positions: with A the unrolled activations, shape "
                 "(n_C, n_H * n_W), the Gram matrix of the channels is A A^T (your gram_matrix, if it passes its "
                 "checks)",
                 _wrong_layer_cost(lambda a: _channels_first(a).T, lambda h, w, c: 4 * c ** 2 * (h * w) ** 2),
                 atol=1e-6),
)

LAYER_CASES = (
    Case("activations (1, 4, 4, 3)", _pair((1, 4, 4, 3)), public=True),
    Case("activations (1, 3, 5, 8): not square", _pair((1, 3, 5, 8)), public=True),
    Case("activations (1, 6, 2, 16)", _pair((1, 6, 2, 16))),
    Case("activations (1, 8, 8, 32)", _pair((1, 8, 8, 32))),
    Case("activations (1, 2, 9, 5)", _pair((1, 2, 9, 5))),
)


# ---------------------------------------------------------------- compute_style_cost
def _layers(shapes, weights, names=None):
    names = names or [f"block{i + 1}_conv1" for i in range(len(shapes))]
    style = [_relu_like(s) for s in shapes]
    generated = [_relu_like(s) for s in shapes]
    return style, generated, [(name, weight) for name, weight in zip(names, weights)]


def _layer_costs(case):
    style, generated, _ = case.args
    return [layer_style_cost_einsum(a_S, a_G) for a_S, a_G in zip(style, generated)]


STYLE_MISTAKES = (
    KnownMistake("this is the plain sum of the layers' costs: weight each by its coefficient, "
                 "J_style = sum over (layer_name, weight) in style_layers of weight * J_style^[l]",
                 lambda case: sum(_layer_costs(case)), atol=1e-7),
    KnownMistake("this is the mean of the layers' costs: weight each by its coefficient from style_layers "
                 "instead (they need not be equal, nor sum to 1)",
                 lambda case: float(np.mean(_layer_costs(case))), atol=1e-7),
    KnownMistake("this is the cost of the last layer only: add up weight * J_style^[l] over all the layers",
                 lambda case: case.args[2][-1][1] * _layer_costs(case)[-1], atol=1e-7),
    KnownMistake("this leaves the last layer out: the classic course's version drops the last output, [:-1], "
                 "because its lists end with the content layer; here style_outputs and generated_outputs hold "
                 "the style layers only, one for each pair of style_layers",
                 lambda case: sum(w * c for (_, w), c in zip(case.args[2][:-1], _layer_costs(case)[:-1])),
                 atol=1e-7),
)

STYLE_CASES = (
    Case("3 layers, weights 0.2, 0.3, 0.5", _layers([(1, 8, 8, 4), (1, 4, 4, 8), (1, 2, 2, 16)], [0.2, 0.3, 0.5]),
         public=True),
    Case("2 layers, weights 1.0 and 0.25", _layers([(1, 6, 4, 3), (1, 3, 2, 6)], [1.0, 0.25])),
    Case("4 layers, weights 0.1, 0.4, 0.1, 0.4", _layers([(1, 8, 8, 4), (1, 8, 8, 4), (1, 4, 4, 8), (1, 4, 4, 8)],
                                                         [0.1, 0.4, 0.1, 0.4],
                                                         ["block1_conv1", "block1_conv2", "block2_conv1",
                                                          "block2_conv2"])),
    Case("1 layer, weight 0.7", _layers([(1, 5, 7, 6)], [0.7])),
)


# ---------------------------------------------------------------- total_cost
def _alpha_beta(case):
    J_content, J_style, *rest = case.args
    alpha, beta = rest if rest else (10, 40)
    return float(J_content), float(J_style), alpha, beta


def total_twin(*args):
    J_content, J_style, *rest = args
    alpha, beta = rest if rest else (10, 40)
    return alpha * float(J_content) + beta * float(J_style)


TOTAL_MISTAKES = (
    KnownMistake("alpha and beta are swapped: J = alpha * J_content + beta * J_style (alpha weighs the content)",
                 lambda case: (lambda c, s, a, b: b * c + a * s)(*_alpha_beta(case)), atol=1e-4),
    KnownMistake("this is 10 * J_content + 40 * J_style whatever alpha and beta: use the arguments "
                 "(10 and 40 are only their defaults)",
                 lambda case: (lambda c, s, a, b: 10 * c + 40 * s)(*_alpha_beta(case)), atol=1e-4),
)

TOTAL_CASES = (
    Case("J_content 2.0, J_style 3.0, the default alpha and beta", (2.0, 3.0), public=True),
    Case("J_content 0.5, J_style 0.125, alpha 1, beta 100", (0.5, 0.125, 1, 100), public=True),
    Case("J_content 0.0123, J_style 4.5, defaults", (0.0123, 4.5)),
    Case("alpha 0, beta 1: the style only", (3.0, 0.75, 0, 1)),
    Case("alpha 5, beta 7", (0.2, 0.6, 5, 7)),
)


# ---------------------------------------------------------------- train_step
@lru_cache(maxsize=1)
def _vgg19():
    keras = import_keras()
    keras.utils.set_random_seed(SEED)
    return keras.applications.VGG19(weights=None, include_top=False)


@lru_cache(maxsize=None)
def feature_model(layer_names):
    """A seeded VGG19 (weights=None, no top), from pixels in [0, 1] (Rescaling to VGG's range) to the
    activations of `layer_names`, in that order, cut after the deepest of them: as in the notebook."""
    keras = import_keras()
    vgg = _vgg19()
    pixels = keras.Input(shape=(None, None, 3), name="pixels")
    x = keras.layers.Rescaling(255.0, offset=-127.5, name="to_vgg_range")(pixels)
    found = {}
    for layer in vgg.layers[1:]:
        x = layer(x)
        if layer.name in layer_names:
            found[layer.name] = x
        if len(found) == len(layer_names):
            break
    return keras.Model(pixels, [found[name] for name in layer_names], name="vgg19_features")


def _picture(name, height, width):
    from skimage import color, data, transform
    image = np.asarray(getattr(data, name)())
    if image.ndim == 2:
        image = color.gray2rgb(image)
    return transform.resize(image[..., :3], (height, width), anti_aliasing=True).astype(np.float32)[None]


def _outputs(model, image):
    return [np.asarray(a) for a in model(image)]


def reference_cost(model, image, content_target, style_targets, style_layers):
    outputs = _outputs(model, image)
    J_content = content_cost_numpy(content_target, outputs[-1])
    J_style = style_cost_einsum(style_targets, outputs[:-1], style_layers)
    return total_twin(J_content, J_style)


def _train_case(name, style_layers, content_layer, content, style, start, public=False):
    names = tuple(n for n, _ in style_layers) + (content_layer,)
    model = feature_model(names)
    content_target = _outputs(model, content)[-1]
    style_targets = _outputs(model, style)[:-1]
    return Case(name, (start, ModelInput(model), content_target, style_targets, list(style_layers), STEPS),
                public=public, reference=names)


def _noisy(image, amplitude=0.25):
    """The course's starting point: the content image plus uniform noise, clipped to [0, 1]."""
    noise = rng.uniform(-amplitude, amplitude, image.shape)
    return np.clip(image + noise, 0.0, 1.0).astype(np.float32)


def _saturated(height, width):
    """A start with a third of its pixels at 0 or 1 exactly."""
    image = rng.uniform(0, 1, (1, height, width, 3))
    image[rng.random(image.shape) < 1 / 6] = 0.0
    image[rng.random(image.shape) < 1 / 6] = 1.0
    return image.astype(np.float32)


def _costs_message(costs, steps):
    try:
        values = np.asarray(costs, dtype=np.float64)
    except (TypeError, ValueError):
        return None, f"costs should be {steps} numbers, the total cost before each step; got a {type(costs).__name__}"
    if values.size != steps:
        return None, (f"costs should hold {steps} numbers, the total cost before each of the {steps} steps; "
                      f"got {values.size}")
    values = values.reshape(-1)
    if not np.all(np.isfinite(values)):
        return None, "the costs contain NaN or infinity"
    return values, None


def trained_pixels(expected, got, case):
    start, model_input, content_target, style_targets, style_layers, steps = case.args
    message = n_parts(got, 2, "the result (costs, image)")
    if message:
        return message
    costs, image = got
    costs, message = _costs_message(costs, steps)
    if message:
        return message
    message = array_of_shape(image, start.shape, "the image (the pixels after the last step)")
    if message:
        return message
    image = np.asarray(image, dtype=np.float32)
    model = feature_model(case.reference)
    first = reference_cost(model, start, content_target, style_targets, style_layers)
    if not np.isclose(costs[0], first, rtol=COST_RTOL, atol=0):
        return (f"the first cost is {costs[0]:.6g}, but the total cost of generated_image is {first:.6g}: record "
                "J = total_cost(J_content, J_style) (alpha = 10, beta = 40) before each update, with J_content from "
                "the model's last output and the content target, J_style from the others, the style targets and "
                "style_layers")
    if np.array_equal(image, start):
        return "the image came back unchanged: apply the gradient of J with respect to the pixels (the tf.Variable)"
    low, high = float(image.min()), float(image.max())
    if low < -PIXEL_SLACK or high > 1 + PIXEL_SLACK:
        return (f"the pixels leave [0, 1] (from {low:.4f} to {high:.4f}): after each update, clip them, "
                "image.assign(tf.clip_by_value(image, 0.0, 1.0)); a picture has no pixels darker than black")
    for step in range(1, steps):
        if not costs[step] < costs[step - 1]:
            return (f"the cost did not fall at step {step}: {costs[step - 1]:.6g} then {costs[step]:.6g}. Apply the "
                    "gradient of J with respect to the pixels with an optimizer that lowers it, such as "
                    "keras.optimizers.Adam(learning_rate=0.01), made once, before the loop")
    last = reference_cost(model, image, content_target, style_targets, style_layers)
    if not last < costs[-1]:
        return (f"the cost of the image you return, {last:.6g}, is not below the last cost recorded, "
                f"{costs[-1]:.6g}: return the image after the last update")
    return None


CONTENT_PICTURE = _picture("chelsea", 32, 32)
STYLE_PICTURE = _picture("coffee", 32, 32)

TRAIN_CASES = (
    _train_case("32 x 32, style block1_conv1 and block2_conv1, content block2_conv2, 3 steps",
                [("block1_conv1", 0.5), ("block2_conv1", 0.5)], "block2_conv2",
                CONTENT_PICTURE, STYLE_PICTURE, _noisy(CONTENT_PICTURE), public=True),
    _train_case("24 x 40, three style layers weighted 0.2, 0.3, 0.5, a start with pixels at 0 and 1",
                [("block1_conv1", 0.2), ("block1_conv2", 0.3), ("block2_conv1", 0.5)], "block2_conv2",
                _picture("astronaut", 24, 40), _picture("brick", 24, 40), _saturated(24, 40)),
    _train_case("16 x 16, style block1_conv2 weighted 1.0, content block1_conv1",
                [("block1_conv2", 1.0)], "block1_conv1",
                _picture("chelsea", 16, 16), _picture("coffee", 16, 16), _noisy(_picture("chelsea", 16, 16), 0.4)),
)


CHECKS = [
    Check("compute_content_cost",
          hint="_, n_H, n_W, n_C = a_G.shape; J_content = tf.reduce_sum(tf.square(a_C - a_G)) / (4 * n_H * n_W * n_C)",
          cases=CONTENT_CASES,
          compare=_cost_like(content_cost_numpy, "NumPy's np.sum((a_C - a_G)**2) / (4 n_H n_W n_C)", "J_content"),
          known_mistakes=CONTENT_MISTAKES),
    Check("gram_matrix",
          hint="GA = tf.matmul(A, tf.transpose(A)): A A^T, of shape (n_C, n_C)",
          cases=GRAM_CASES,
          compare=gram_like_einsum,
          known_mistakes=GRAM_MISTAKES),
    Check("compute_layer_style_cost",
          hint="_, n_H, n_W, n_C = a_G.shape; unroll each to (n_C, n_H * n_W) with tf.reshape(tf.transpose(a, "
               "perm=[0, 3, 1, 2]), [n_C, n_H * n_W]); GS, GG = gram_matrix(...) of each; J_style_layer = "
               "tf.reduce_sum(tf.square(GS - GG)) / (4 * n_C**2 * (n_H * n_W)**2)",
          cases=LAYER_CASES,
          compare=_cost_like(layer_style_cost_einsum, "tf.einsum's Gram matrices", "J_style_layer"),
          known_mistakes=LAYER_MISTAKES),
    Check("compute_style_cost",
          hint="J_style = 0; for a_S, a_G, (layer_name, weight) in zip(style_outputs, generated_outputs, "
               "style_layers): J_style += weight * compute_layer_style_cost(a_S, a_G)",
          cases=STYLE_CASES,
          compare=_cost_like(style_cost_einsum, "the weighted sum of tf.einsum's layer costs", "J_style"),
          known_mistakes=STYLE_MISTAKES),
    Check("total_cost",
          hint="return alpha * J_content + beta * J_style",
          cases=TOTAL_CASES,
          compare=_cost_like(total_twin, "alpha J_content + beta J_style", "J"),
          known_mistakes=TOTAL_MISTAKES),
    Check("train_step",
          hint="image = tf.Variable(generated_image); optimizer = keras.optimizers.Adam(learning_rate=0.01); then "
               "`steps` times: with tf.GradientTape() as tape: outputs = feature_model(image); J = total_cost("
               "compute_content_cost(content_target, outputs[-1]), compute_style_cost(style_targets, outputs[:-1], "
               "style_layers)); grad = tape.gradient(J, image); optimizer.apply_gradients([(grad, image)]); "
               "image.assign(tf.clip_by_value(image, 0.0, 1.0)); keep float(J). Return (costs, image.numpy())",
          cases=TRAIN_CASES,
          compare=trained_pixels),
]
