"""A value as a learner reads it in one or two lines: what a failing self-check shows as expected
and got, and what a student notebook shows as a public case's expected output."""
import numpy as np

from grader.codec import ModelStructure, Unsupported

LIMIT = 400  # characters: a value longer than this is cut, and says so


def describe(value):
    text = _describe(value)
    return text if len(text) <= LIMIT else text[:LIMIT - 5] + " ...]"


def _describe(value):
    if isinstance(value, ModelStructure):
        return f"a {value.model_class or 'model'} of {len(value.rows)} layers with {value.params:,} parameters"
    if isinstance(value, Unsupported):
        return f"a {value.type_name}"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{key!r}: {_describe(item)}" for key, item in value.items()) + "}"
    if isinstance(value, tuple):
        return "(" + ", ".join(_describe(item) for item in value) + ("," if len(value) == 1 else "") + ")"
    if isinstance(value, list) and not all(isinstance(v, (int, float, np.number)) for v in value):
        return "[" + ", ".join(_describe(item) for item in value) + "]"
    if isinstance(value, (float, np.floating)):
        return f"{float(value):.6g}"
    if isinstance(value, (list, np.ndarray)):
        array = np.asarray(value)
        if array.ndim == 0:
            return _describe(array.item())
        body = np.array2string(array, precision=4, threshold=12, edgeitems=2, separator=", ",
                               max_line_width=10_000)
        shape = f"array of shape {array.shape}: " if isinstance(value, np.ndarray) and array.size > 1 else ""
        return shape + " ".join(body.split())
    return repr(value)
