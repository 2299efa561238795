"""Moving values between the learner's kernel and the grader without trusting them.

The kernel writes what its functions returned with `dump`; the grader reads it back
with `load`. The format is an .npz file whose arrays are plain numbers (allow_pickle is
off) plus one JSON tree describing how they nest, so reading a hostile file can never
run code in the grader's process. The same value always gives the same bytes.

`digest` fingerprints a check case's inputs for the fixtures (grader.fixtures), the same
on every run and every machine.
"""
import hashlib
import io
import json
import sys
import zipfile

import numpy as np

TREE_KEY = "__tree__"


# The configuration a structure check compares, where a layer has it.
KEY_CONFIG = ("units", "activation", "filters", "kernel_size", "strides", "padding", "pool_size", "dilation_rate",
              "rate", "use_bias", "return_sequences", "num_heads", "key_dim", "kernel_regularizer", "trainable",
              "axis", "momentum", "epsilon", "mode")


def _plain(value):
    """A config value as JSON (tuples become lists; a serialised regularizer becomes text such
    as "L2(l2=0.01)"), or None when it is not a plain value."""
    if isinstance(value, dict) and "class_name" in value and isinstance(value.get("config"), dict):
        arguments = ", ".join(f"{k}={v:g}" if isinstance(v, float) else f"{k}={v}" for k, v in value["config"].items())
        return f"{value['class_name']}({arguments})"
    if isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, (list, tuple)) and all(isinstance(v, (int, float, str)) for v in value):
        return list(value)
    return None


def _describe_model(model):
    """A Keras model, reduced to its structure: the rows of lessons.structure.summarize,
    each layer's key configuration, and the model's class."""
    from lessons.structure import summarize
    configs = []
    for layer in model.layers:
        config = layer.get_config()
        configs.append({k: _plain(config[k]) for k in KEY_CONFIG if k in config and _plain(config[k]) is not None})
    return {"__model__": [[row.layer, list(row.output_shape) if row.output_shape else None, row.params]
                          for row in summarize(model)],
            "params": int(model.count_params()), "configs": configs, "model_class": type(model).__name__}


def encode(value, arrays):
    """Turn `value` into a JSON-able tree, moving arrays into `arrays` (name -> ndarray)."""
    if value is None or type(value) in (bool, int, float, str):  # plain Python values stay as they are
        return value
    if isinstance(value, ModelInput):
        return {"__model_input__": value.architecture, "weights": [_put(w, arrays) for w in value.weights]}
    if isinstance(value, ModelStructure):  # already reduced (e.g. a fixture being re-recorded)
        return {"__model__": [[layer, list(shape) if shape else None, params] for layer, shape, params in value.rows],
                "params": value.params, "configs": value.configs, "model_class": value.model_class}
    if isinstance(value, (int, float, np.integer, np.floating, np.bool_)):
        return {"__scalar__": True} | _put(np.asarray(value), arrays)
    if isinstance(value, dict):
        return {"__dict__": [[encode(k, arrays), encode(v, arrays)] for k, v in value.items()]}
    if isinstance(value, (list, tuple)):
        return {"__list__" if isinstance(value, list) else "__tuple__": [encode(v, arrays) for v in value]}
    keras = sys.modules.get("keras")
    if keras is not None and isinstance(value, keras.Model):
        return _describe_model(value)
    if isinstance(value, VariableArray) or _is_variable(value):  # its numbers, and whether a tape watches it
        return {"__variable__": {"trainable": bool(value.trainable)}} | _put(np.asarray(value), arrays)
    try:  # np arrays, tf tensors and anything else NumPy can turn into numbers
        array = np.asarray(value)
    except Exception:
        array = None
    if array is None or array.dtype == object:
        return {"__unsupported__": type(value).__name__}
    return _put(array, arrays)


def _is_variable(value):
    """A TensorFlow or Keras variable (checked by module, so neither need be imported)."""
    return any(module is not None and isinstance(value, module.Variable)
               for module in (sys.modules.get("tensorflow"), sys.modules.get("keras")))


def _put(array, arrays):
    name = f"a{len(arrays)}"
    arrays[name] = array
    return {"__array__": name}


def decode(tree, arrays, allow_models=False):
    if isinstance(tree, dict):
        if "__model_input__" in tree:
            if not allow_models:  # the grader never rebuilds a model from what a kernel wrote
                return Unsupported("keras model input")
            return ModelInput.rebuild(tree["__model_input__"], [arrays[w["__array__"]] for w in tree["weights"]])
        if "__variable__" in tree:
            return VariableArray.of(arrays[tree["__array__"]], tree["__variable__"]["trainable"])
        if "__scalar__" in tree:
            return arrays[tree["__array__"]][()]
        if "__array__" in tree:
            return arrays[tree["__array__"]]
        if "__dict__" in tree:
            return {decode(k, arrays, allow_models): decode(v, arrays, allow_models) for k, v in tree["__dict__"]}
        if "__list__" in tree:
            return [decode(v, arrays, allow_models) for v in tree["__list__"]]
        if "__tuple__" in tree:
            return tuple(decode(v, arrays, allow_models) for v in tree["__tuple__"])
        if "__model__" in tree:
            return ModelStructure([tuple(r) for r in tree["__model__"]], tree["params"],
                                  tree.get("configs"), tree.get("model_class"))
        if "__unsupported__" in tree:
            return Unsupported(tree["__unsupported__"])
    return tree


class VariableArray(np.ndarray):
    """The numbers of a variable (tf.Variable or keras.Variable) a kernel returned: an array like any
    other, which also says whether the variable was trainable. A plain array has no `trainable`."""

    @classmethod
    def of(cls, array, trainable):
        variable = np.asarray(array).view(cls)
        variable.trainable = bool(trainable)
        return variable

    def __array_finalize__(self, source):
        self.trainable = getattr(source, "trainable", None)


class ModelStructure:
    """What a Keras model looked like in the kernel: rows of (layer class, output shape,
    params), each layer's key configuration (KEY_CONFIG), and the model's class name."""

    def __init__(self, rows, params, configs=None, model_class=None):
        self.rows = [(layer, tuple(shape) if shape is not None else None, params) for layer, shape, params in rows]
        self.params = params
        self.configs = configs if configs is not None else [{} for _ in self.rows]
        self.model_class = model_class


class ModelInput:
    """A Keras model given to an exercise as an argument (in a check case). It travels as its
    architecture (Keras JSON) and weights, and is rebuilt, fresh for each case, in the
    learner's kernel only: reading a kernel's output never rebuilds a model."""

    def __init__(self, model):
        self.architecture = model.to_json()
        self.weights = [np.asarray(w) for w in model.get_weights()]

    @staticmethod
    def rebuild(architecture, weights):
        import keras
        model = keras.models.model_from_json(architecture)
        model.set_weights(weights)
        return model


class Unsupported:
    def __init__(self, type_name):
        self.type_name = type_name


def dumps(value):
    """Serialise `value` to bytes (the .npz format that np.load reads)."""
    arrays = {}
    tree = encode(value, arrays)
    arrays[TREE_KEY] = np.array(json.dumps(tree))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, array in arrays.items():
            # A ZipInfo of our own keeps the zip format's earliest date where np.savez would write
            # the time of writing: re-recorded fixtures that did not change then show no change.
            with archive.open(zipfile.ZipInfo(f"{name}.npy"), "w", force_zip64=True) as member:
                np.lib.format.write_array(member, array, allow_pickle=False)
    return buffer.getvalue()


def loads(data, allow_models=False):
    """Read bytes written by `dumps`; never unpickles. Model inputs (ModelInput) are rebuilt
    only with allow_models, which the kernel's side uses for the check inputs."""
    with np.load(io.BytesIO(data), allow_pickle=False) as npz:
        arrays = {k: npz[k] for k in npz.files if k != TREE_KEY}
        tree = json.loads(str(npz[TREE_KEY]))
    return decode(tree, arrays, allow_models)


def load_item(data, index, allow_models=False):
    """Item `index` of the list or tuple that `data` (written by `dumps`) holds, decoding nothing
    else: a case's inputs without rebuilding the models of every other case."""
    with np.load(io.BytesIO(data), allow_pickle=False) as npz:
        item = _items(json.loads(str(npz[TREE_KEY])))[index]
        arrays = {name: npz[name] for name in _array_names(item)}
    return decode(item, arrays, allow_models)


def count_items(data):
    """How many items the list or tuple that `data` holds has."""
    with np.load(io.BytesIO(data), allow_pickle=False) as npz:
        return len(_items(json.loads(str(npz[TREE_KEY]))))


def _items(tree):
    return tree["__list__"] if "__list__" in tree else tree["__tuple__"]


def _array_names(tree):
    """The names of the arrays an encoded tree refers to."""
    if isinstance(tree, dict):
        if "__array__" in tree:
            yield tree["__array__"]
        for value in tree.values():
            yield from _array_names(value)
    elif isinstance(tree, list):
        for value in tree:
            yield from _array_names(value)


FLOAT_BITS = 16  # the bits of a float array digest keeps, below its largest magnitude


def digest(value):
    """The SHA-256 of a canonical form of `value`'s encoding, the same on every run and machine.

    Arrays count by dtype, shape and values. Floats are first rounded to FLOAT_BITS bits below
    their array's largest magnitude (about five significant digits): NumPy's SIMD functions and
    BLAS kernels differ from machine to machine in the last bits (measured here: 2^-43 at most,
    relative), while an author's change to an input changes far more. A model input counts by
    its architecture and the dtypes and shapes of its weights, leaving out what a machine decides
    rather than the author: weight values (training is not bit-for-bit the same on every CPU and
    GPU), layer names (Keras numbers unnamed layers by how many the process made before; the
    connections of a Functional model name layers by their place instead) and the compile
    settings (Keras turns jit_compile on where it finds a GPU)."""
    arrays = {}
    canonical = _canonical(encode(value, arrays), arrays)
    return hashlib.sha256(json.dumps(canonical, sort_keys=True).encode("utf-8")).hexdigest()


def _canonical(tree, arrays):
    if isinstance(tree, float):
        return float(_rounded(np.array(tree)))
    if isinstance(tree, list):
        return [_canonical(item, arrays) for item in tree]
    if not isinstance(tree, dict):
        return tree
    if "__model_input__" in tree:
        weights = [arrays[w["__array__"]] for w in tree["weights"]]
        architecture = _layers_numbered(json.loads(tree["__model_input__"]))
        return {"__model_input__": _without(architecture, ("name", "compile_config")),
                "weights": [[w.dtype.str, list(w.shape)] for w in weights]}
    if "__array__" in tree:
        array = arrays[tree["__array__"]]
        values = _rounded(array) if array.dtype.kind == "f" else array
        return tree | {"__array__": [array.dtype.str, list(array.shape),
                                     hashlib.sha256(np.ascontiguousarray(values).tobytes()).hexdigest()]}
    return {key: _canonical(item, arrays) for key, item in tree.items()}


def _rounded(array):
    """`array` as float64, rounded to FLOAT_BITS bits below its largest finite magnitude."""
    values = array.astype(np.float64)
    finite = np.abs(values[np.isfinite(values)])
    exponent = int(np.frexp(finite.max())[1]) if finite.size else 0
    step = exponent - FLOAT_BITS
    return np.ldexp(np.round(np.ldexp(values, -step)), step) + 0.0  # + 0.0 turns -0.0 into 0.0


def _layers_numbered(config):
    """A Keras model config (JSON) whose layer names, where its connections refer to them
    (a Functional model's keras_history, input_layers and output_layers), are replaced by the
    layer's place in the model: Keras names unnamed layers by how many the process made before."""
    places = {}

    def collect(node):
        if isinstance(node, dict):
            for layer in node.get("layers", []) if isinstance(node.get("layers"), list) else []:
                name = layer.get("name", layer.get("config", {}).get("name")) if isinstance(layer, dict) else None
                if isinstance(name, str):
                    places.setdefault(name, f"layer {len(places)}")
            for value in node.values():
                collect(value)
        elif isinstance(node, list):
            for value in node:
                collect(value)

    def renamed(node, in_connection=False):
        if isinstance(node, dict):
            return {key: renamed(value, in_connection or key in ("keras_history", "input_layers", "output_layers"))
                    for key, value in node.items()}
        if isinstance(node, list):
            return [renamed(value, in_connection) for value in node]
        return places.get(node, node) if in_connection and isinstance(node, str) else node

    collect(config)
    return renamed(config)


def _without(config, keys):
    """A Keras config (JSON) with the given keys removed at every level."""
    if isinstance(config, dict):
        return {k: _without(v, keys) for k, v in config.items() if k not in keys}
    if isinstance(config, list):
        return [_without(v, keys) for v in config]
    return config
