"""How an assignment's checks are written: cases of inputs, and how to compare outputs.

An assignment's `checks.py` lists one `Check` per exercise. Inputs are made in the
grader's process; the expected outputs are those of the reference solution, recorded
in the assignment's fixtures by `python -m grader fixtures ID`. Comparisons run in
the grader's process, never in the learner's kernel. Each returns None when the output
is right, else a short message written for the learner.

The kit, so that no assignment writes them again:
- a Case may carry its own `compare` (it wins over the Check's) and grader-only
  `reference` data (held-out labels, a worked answer): grading never looks at case names;
- `known_mistakes` on a Check: well-known wrong variants, computed here from the case,
  each with the message that names the habit when the learner's output equals it;
- validators that return a message or None: `close`, `same_structure` (after
  `written_alike`), `dict_of_arrays`, `array_of_shape`, `one_number`, `n_parts`, `within`,
  and `agrees_with` (within tolerance of a library twin, naming the twin);
- `import_tf` and `import_keras`, for checks that compute a library twin: TensorFlow is
  imported, quietly, only when a comparison needs it;
- `question`: the whole Check of a quiz question.
"""
from dataclasses import dataclass, field
from typing import Any, Callable

import numpy as np

from grader import answers
from grader.assignment import AssignmentError
from grader.codec import ModelStructure, Unsupported


@dataclass(frozen=True)
class Case:
    name: str
    args: tuple
    public: bool = False     # public cases also run in the learner's self-check
    compare: Callable = None  # (expected, got, case) -> message or None; else the Check's
    reference: Any = None    # data only the grader's comparison uses (never sent to the kernel)


@dataclass(frozen=True)
class KnownMistake:
    """A well-known wrong variant: `value(case)` is what it returns on the case's arguments
    (computed in the grader), and `message` what to tell a learner whose output equals it."""
    message: str
    value: Callable
    atol: float = 1e-8


@dataclass(frozen=True)
class Check:
    exercise: str          # the exercise id, which is also the function's name
    hint: str              # shown first when a case fails
    cases: tuple
    compare: Callable = field(default=None)  # (expected, got, case) -> message or None
    known_mistakes: tuple = ()               # KnownMistake, tried on a case that fails

    def __post_init__(self):
        # Fixtures and results name cases: two cases with one name could swap values unnoticed.
        names = [case.name for case in self.cases]
        for name in names:
            if names.count(name) > 1:
                raise AssignmentError(f"checks.py: two cases of {self.exercise} are named {name!r}; "
                                      "give each case a name of its own")

    def judge(self, expected, got, case):
        """None when `got` is right, else the reason. Never raises: a return value so odd
        that the comparison itself fails is a wrong answer, not a grader crash."""
        try:
            message = (case.compare or self.compare or close())(expected, got, case)
        except Exception as error:
            return (f"the result (a {type(got).__name__}) could not be compared with the expected one "
                    f"({type(error).__name__}): check the type and shape of what you return")
        if message:
            return next((m.message for m in self.known_mistakes if _equals(m, got, case)), message)
        return None


def _equals(mistake, got, case):
    try:
        with np.errstate(all="ignore"):  # a wrong formula may divide by zero on some case: it is just not this one
            return close(atol=mistake.atol, rtol=0)(mistake.value(case), got, case) is None
    except Exception:  # a mistake that cannot be computed for this case is not this learner's
        return False


def _kind(value):
    return type(value).__name__


def close(atol=1e-6, rtol=1e-6):
    """Same structure, same shapes, and numbers within atol + rtol * |expected|."""
    def compare(expected, got, case, where="the result"):
        if isinstance(got, Unsupported):
            return f"{where} is a {got.type_name}, which cannot be checked; return NumPy arrays or numbers"
        if isinstance(expected, dict):
            if not isinstance(got, dict):
                return f"{where} should be a dict, got {_kind(got)}"
            missing = [k for k in expected if k not in got]
            if missing:
                return f"{where} is missing the keys {missing}"
            for key in expected:
                message = compare(expected[key], got[key], case, f"{where}[{key!r}]")
                if message:
                    return message
            return None
        if isinstance(expected, (tuple, list)):
            if not isinstance(got, (tuple, list)) or len(got) != len(expected):
                n = len(got) if isinstance(got, (tuple, list)) else 1
                return f"{where} should have {len(expected)} parts, got {n}"
            for i, (e, g) in enumerate(zip(expected, got)):
                message = compare(e, g, case, f"{where}[{i}]")
                if message:
                    return message
            return None
        if isinstance(expected, str) or expected is None:
            return None if got == expected else f"{where} should be {expected!r}, got {got!r}"
        if got is None:
            return f"{where} is None: did you forget a return statement?"
        expected = np.asarray(expected)
        try:
            got_array = np.asarray(got)
        except ValueError:  # ragged nesting, e.g. (array, 0.0) where one array belongs
            return f"{where} should be an array of shape {expected.shape}, got a {_kind(got)} NumPy cannot read"
        if got_array.shape != expected.shape:
            return f"{where} should have shape {expected.shape}, got {got_array.shape}"
        if got_array.dtype.kind not in "biuf":
            return f"{where} should hold numbers, got dtype {got_array.dtype}"
        if not np.all(np.isfinite(got_array)) and np.all(np.isfinite(expected)):
            return f"{where} contains NaN or infinity"
        if not np.allclose(got_array, expected, atol=atol, rtol=rtol):
            with np.errstate(invalid="ignore"):  # equal infinities subtract to nan: no difference there
                gaps = np.abs(got_array.astype(float) - expected.astype(float))
            diff = np.max(np.nan_to_num(gaps, nan=0.0, posinf=np.inf))
            return f"{where} differs from the expected values (largest difference {diff:.3g}, tolerance {atol:g})"
        return None
    return compare


# Layers a learner may write as an operation on tensors instead (`x + shortcut`,
# `keras.ops.concatenate([a, b])`), which a Functional model then lists as no layer at all.
OPERATION_LAYERS = ("Add", "Subtract", "Multiply", "Concatenate")


def written_alike(expected, got):
    """The two structures with what can be written two ways written one way, so that
    `same_structure` judges the network and not its spelling: ReLU() for Activation("relu"),
    and a ReLU layer right after a linear Conv2D or Dense as that layer's activation; no
    padding on 1 x 1 convolutions (either padding gives the same output); axes counted from
    the front (axis=-1 is axis=3 on images); no layers of an OPERATION_LAYERS class where the
    learner wrote some of them as operations; and where Keras's listing of two adjacent
    layers of one class depends on the order the learner wrote them in (the two branches of
    a residual block), the expected order."""
    dropped = _left_out(expected, got)
    want = _spelled_one_way(expected, dropped)
    return want, _in_expected_order(want, _spelled_one_way(got, dropped))


# Layers whose activation may be written as a ReLU layer right after them instead.
WITH_ACTIVATION = ("Conv1D", "Conv2D", "Conv2DTranspose", "Dense")


def _left_out(expected, got):
    """The OPERATION_LAYERS classes of which the learner's model has fewer layers than the recipe's."""
    def count(structure, layer_class):
        return sum(layer == layer_class for layer, _, _ in structure.rows)
    return sorted(name for name in OPERATION_LAYERS if count(got, name) < count(expected, name))


def _spelled_one_way(structure, dropped):
    rows, configs = [], []
    for (layer, shape, params), config in zip(structure.rows, structure.configs):
        config = dict(config)
        if layer == "ReLU" or (layer == "Activation" and config.get("activation") == "relu"):
            layer = "ReLU"
            config.pop("activation", None)
            # Conv2D(activation="relu") or Conv2D then ReLU(). Not where layers were dropped: the
            # ReLU could then belong after a missing Add, not to the layer listed before it.
            if (not dropped and rows and rows[-1][0] in WITH_ACTIVATION and rows[-1][1] == shape
                    and configs[-1].get("activation") == "linear"):
                configs[-1]["activation"] = "relu"
                continue
        if layer in dropped:
            continue
        if layer == "Conv2D" and config.get("kernel_size") == [1, 1]:
            config.pop("padding", None)
        if "axis" in config and shape:  # -1 and 3 are one axis of a 4-D output
            axes = config["axis"] if isinstance(config["axis"], list) else [config["axis"]]
            config["axis"] = sorted(axis % len(shape) for axis in axes)
        rows.append((layer, shape, params))
        configs.append(config)
    return ModelStructure(rows, structure.params, configs, structure.model_class)


def _in_expected_order(want, have):
    """`have` with each pair of adjacent layers of one class swapped where that makes it match
    `want`: Keras lists the layers at one distance from the output in the order it meets them."""
    rows, configs = list(have.rows), list(have.configs)
    for i in range(min(len(want.rows), len(rows)) - 1):
        this, following = (want.rows[i], want.configs[i]), (want.rows[i + 1], want.configs[i + 1])
        if ((rows[i], configs[i]) != this and (rows[i + 1], configs[i + 1]) == this
                and (rows[i], configs[i]) == following and rows[i][0] == rows[i + 1][0]):
            rows[i], rows[i + 1] = rows[i + 1], rows[i]
            configs[i], configs[i + 1] = configs[i + 1], configs[i]
    return ModelStructure(rows, have.params, configs, have.model_class)


def same_structure(expected, got, case):
    """Two Keras models agree layer by layer: class, output shape (the batch dimension
    aside: a subclassed model reports the batch size it was first called with), parameter
    count, and key configuration such as units and activation; layers are numbered as
    `written_alike` leaves them."""
    if not isinstance(got, ModelStructure):
        return f"the result should be a keras.Model, got {_kind(got)}"
    message = _first_difference(*written_alike(expected, got))
    left_out = _left_out(expected, got)
    if message and left_out:
        names = " and ".join(left_out)
        message += (f" (counting no {names} layers: your model has fewer than the recipe's, as when one is "
                    f"written as an operation on tensors, which makes no layer, or is missing)")
    return message


def _first_difference(expected, got):
    for i, (e, g, e_config, g_config) in enumerate(zip(expected.rows, got.rows, expected.configs, got.configs), 1):
        (e_class, e_shape, e_params), (g_class, g_shape, g_params) = e, g
        if e_class != g_class:
            return f"layer {i}: expected a {e_class} layer, got {g_class}"
        if e_shape and g_shape and e_shape[1:] != g_shape[1:]:
            if e_class == "Dense" and e_shape[1:-1] == g_shape[1:-1]:
                return f"layer {i} Dense: expected {e_shape[-1]} units, got {g_shape[-1]}"
            return f"layer {i} {e_class}: expected output shape {e_shape}, got {g_shape}"
        if e_params != g_params:
            return f"layer {i} {e_class}: expected {e_params:,} parameters, got {g_params:,}"
        for key, value in e_config.items():
            if g_config.get(key) != value:
                return f"layer {i} {e_class}: expected {key}={value!r}, got {g_config.get(key)!r}"
    if len(expected.rows) != len(got.rows):
        return f"expected {len(expected.rows)} layers, got {len(got.rows)}"
    return None


def within(got, want, atol, rtol=0.0, what="the result"):
    """None when `got` is within atol + rtol * |want| of `want` everywhere, else a message naming `what`."""
    got, want = np.asarray(got, dtype=np.float64), np.asarray(want, dtype=np.float64)
    if got.shape == want.shape and np.allclose(got, want, atol=atol, rtol=rtol):
        return None
    if got.shape != want.shape:
        return f"{what} should have shape {want.shape}, got {got.shape}"
    allowed = f"{atol:g}" if not rtol else f"{rtol:g} x |value|" if not atol else f"{atol:g} + {rtol:g} x |value|"
    return f"{what} differs from the expected values (largest difference {np.max(np.abs(got - want)):.3g}, " \
           f"allowed {allowed})"


def agrees_with(got, want, twin, atol, rtol=0.0, what="the result"):
    """None when `got` is within atol + rtol * |want| of `want`, what the library `twin` computes
    on the same inputs, else a message naming the twin; and a float32 result is named as such,
    since a twin computed in float64 expects NumPy's default float64."""
    message = within(got, want, atol, rtol, what)
    if not message:
        return None
    dtype = np.asarray(got).dtype
    if dtype.kind == "f" and dtype != np.float64:
        message += f"; {what} is {dtype}: keep NumPy's default float64"
    return f"compared with {twin}: {message}"


def normal_batch(rng, *shape, scale=1.0):
    """A case's input tensor: float32 standard normal draws from `rng` (times `scale`)."""
    return (rng.standard_normal(shape) * scale).astype(np.float32)


def import_tf():
    """TensorFlow, imported in the grader's process with its start-up messages silenced (as the
    notebooks' first cell does), in full float32 on GPUs too (TF32 keeps about three digits, too
    few for a twin). Checks call it when a comparison needs a twin, so that grading an assignment
    that needs none never imports TensorFlow."""
    from lessons.setup import import_tensorflow_quietly
    tf = import_tensorflow_quietly()
    tf.config.experimental.enable_tensor_float_32_execution(False)
    return tf


def import_keras():
    """Keras, on TensorFlow imported by `import_tf`."""
    import_tf()
    import keras
    return keras


def array_of_shape(got, shape, what="the result", finite=True):
    """None when `got` is a numeric array of `shape` (with no NaN or infinity if `finite`), else a message."""
    if got is None:
        return f"{what} is None: did you forget a return statement?"
    if isinstance(got, Unsupported):
        return f"{what} is a {got.type_name}, which cannot be checked; return NumPy arrays or numbers"
    try:
        array = np.asarray(got)
    except ValueError:
        return f"{what} should be an array of shape {tuple(shape)}, got a {_kind(got)} NumPy cannot read"
    if array.shape != tuple(shape):
        return f"{what} should have shape {tuple(shape)}, got {array.shape}"
    if array.dtype.kind not in "biuf":
        return f"{what} should hold numbers, got dtype {array.dtype}"
    if finite and not np.all(np.isfinite(array)):
        return f"{what} contains NaN or infinity"
    return None


def dict_of_arrays(got, shapes, what="the result", finite=True):
    """None when `got` is a dict holding a numeric array of each shape in `shapes` (key -> shape), else a message."""
    if not isinstance(got, dict):
        return f"{what} should be a dict, got {_kind(got)}"
    missing = [key for key in shapes if key not in got]
    if missing:
        return f"{what} is missing the keys {missing}"
    for key, shape in shapes.items():
        message = array_of_shape(got[key], shape, f"{what}[{key!r}]", finite)
        if message:
            return message
    return None


def one_number(got, what="the result", size_one=False):
    """None when `got` is a single finite number (a Python or NumPy scalar, or an array of
    shape (), which is what a TensorFlow or Keras scalar tensor arrives as), else a message.
    With `size_one`, any array holding one number counts too (a cost of shape (1, 1))."""
    if got is None:
        return f"{what} is None: did you forget a return statement?"
    if isinstance(got, np.ndarray) and (got.shape == () or size_one and got.size == 1) and got.dtype.kind in "iuf":
        got = got.ravel()[0]
    if isinstance(got, (bool, np.bool_)) or not isinstance(got, (int, float, np.integer, np.floating)):
        shape = getattr(got, "shape", None)
        kind = f"an array of shape {shape}" if shape is not None else f"a {_kind(got)}"
        return f"{what} should be a number (e.g. float(...)), got {kind}"
    if not np.isfinite(got):
        return f"{what} is {got}, not a finite number"
    return None


def n_parts(got, n, what="the result"):
    """None when `got` is a tuple or list of `n` parts, else a message."""
    if not isinstance(got, (tuple, list)) or len(got) != n:
        count = f"{len(got)} parts" if isinstance(got, (tuple, list)) else f"a {_kind(got)}"
        return f"{what} should be {n} values (a tuple), got {count}"
    return None


def question(exercise, hint, mistakes=None, several=False, tolerance=1e-6):
    """The Check of a quiz question (an exercise cell with "answer": true, setting the variable
    `exercise`): one case, never public and without arguments, so nothing about the answer
    reaches the learner's kernel. The right answer is the source notebook's, recorded in the
    fixtures; answers are compared as grader.answers says (letters whatever their case,
    numbers within `tolerance`, shapes item by item). `mistakes`: {wrong answer: why it is
    wrong}, told to a learner who gives it; with `several`, the answer is a string of letters
    ("ac": choose all that apply) and each wrong letter chosen is explained."""
    explained = tuple((mistakes or {}).items())

    def compare(expected, got, case):
        if several:
            expected = frozenset(answers.choices(expected))
        message, _ = answers.judge(got, expected, explained, tolerance)
        return message

    return Check(exercise, hint, (Case("answer", ()),), compare=compare)
