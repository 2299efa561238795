"""The only grader code that runs inside the learner's kernel.

After the submitted notebook has run, the grader appends one cell per exercise that
calls `run_exercise`. It reads the check inputs (never the expected outputs), calls the
learner's function on each, and sends what came back, or the error raised, to the
grader's process to judge, as display data of its own type in that cell's output (so a
notebook that has filled its files' space can still report).

An exercise that calls others which failed their own checks is checked twice: first with
their reference code in place (its points), then with the learner's own versions (what its
feedback says about them). The first results are sent before the second run starts, so a
second run that hangs or crashes costs nothing.
"""
import base64
import contextlib
import errno
import itertools
import os
import re
import traceback

from IPython.display import publish_display_data

from grader import codec
from grader.outcome import no_space_left
from grader.sandbox import SCRATCH_ENV

RESULTS_TYPE = "application/x-grader-results"  # base64 of the codec's bytes
# The same, from the second run: with the learner's own versions of the callees that failed.
OWN_CALLEES_TYPE = "application/x-grader-results-own-callees"
# Beside a reference whose learner's version killed the kernel: no second run with that version.
CRASHED_SUFFIX = ".crashed"


def short_error(error):
    """The exception's type and message, plus the line of the learner's code it came from."""
    frames = [f for f in traceback.extract_tb(error.__traceback__) if f.filename.startswith("<")]
    where = f" (line {frames[-1].lineno}: {frames[-1].line.strip()})" if frames and frames[-1].line else ""
    if isinstance(error, OSError) and error.errno == errno.ENOSPC:
        limit = os.environ.get(SCRATCH_ENV)
        return f"OSError: {no_space_left(limit)}{where}" if limit else f"OSError: no space left on device{where}"
    message = _reason(str(error))[:300].removeprefix(f"{type(error).__name__}: ")
    return f"{type(error).__name__}: {message}{where}" if message else f"{type(error).__name__}{where}"


def _reason(text):
    """The line of an error message that says what went wrong, without terminal colours or
    TensorFlow's node names."""
    lines = [re.sub(r"\x1b\[[0-9;]*m|\{\{function_node [^}]*\}\}", "", line).strip() for line in text.splitlines()]
    lines = [line for line in lines if line]
    if not lines:
        return ""
    if lines[0] == "in user code:":  # raised inside a tf.function: the reason is on the last line
        return lines[-1]
    if lines[0].startswith("Exception encountered when calling"):
        # Keras 3 wraps a layer's error: this header, the reason, then "Arguments received by ...".
        where = lines[0].removeprefix("Exception encountered when calling").strip().rstrip(".")
        body = list(itertools.takewhile(lambda line: not line.startswith("Arguments received by"), lines[1:]))
        if body and body[0].endswith("Error encountered:") and len(body) > 1:  # "could not infer the output shape"
            body = body[1:]
        return f"in {where}: {' '.join(body)}" if body else lines[0]
    return lines[0]


def run_exercise(name, namespace, inputs_path, reference_paths=()):
    """Call `namespace[name]` on every case of `inputs_path` and send the results back. Each
    of `reference_paths` that exists holds the reference code of an exercise this one calls
    which failed its own checks: it stands in for the learner's version during these calls,
    after which the cases run again with the learner's versions."""
    with open(inputs_path, "rb") as f:
        data = f.read()
    function = namespace.get(name)
    if not callable(function):
        _send({"missing": True}, RESULTS_TYPE)
        return
    references = [p for p in reference_paths if os.path.exists(p)]
    with _references_in_place(namespace, references):
        cases = _call_on_every_case(function, data)
    _send({"missing": False, "cases": cases}, RESULTS_TYPE)
    crashed = any(os.path.exists(os.path.splitext(p)[0] + CRASHED_SUFFIX) for p in references)
    if references and not crashed and not all(c.get("not_implemented") for c in cases):
        _send({"missing": False, "cases": _call_on_every_case(function, data)}, OWN_CALLEES_TYPE)


def send_answer(name, namespace):
    """Send back the value of the variable `name`: a question's answer (None: not answered)."""
    if name not in namespace:
        _send({"missing": True}, RESULTS_TYPE)
        return
    value = namespace[name]
    try:
        if value is None:
            raise NotImplementedError
        codec.encode(value, {})
        case = {"value": value}
    except NotImplementedError:
        case = {"not_implemented": True}
    except Exception as error:  # a value the grader cannot read back
        case = {"error": f"your answer (a {type(value).__name__}) cannot be read: give a letter, a number "
                         f"or a tuple ({short_error(error)})"}
    _send({"missing": False, "cases": [case]}, RESULTS_TYPE)


def _call_on_every_case(function, data):
    results = []
    for index in range(codec.count_items(data)):
        try:
            args = codec.load_item(data, index, allow_models=True)  # fresh inputs: a function may change them
            value = function(*args)
            codec.encode(value, {})  # a value that cannot be sent back fails this case only
            results.append({"value": value})
        except NotImplementedError:
            results.append({"not_implemented": True})
        except Exception as error:  # the learner's bug: report it, go on with the next case
            results.append({"error": short_error(error)})
    return results


def _send(results, mime_type):
    publish_display_data({mime_type: base64.b64encode(codec.dumps(results)).decode("ascii")})


@contextlib.contextmanager
def _references_in_place(namespace, paths):
    """The notebook's namespace with the reference code of `paths` run in it, and as it was afterwards."""
    before = dict(namespace)
    try:
        for path in paths:
            with open(path) as f:  # under a name with no source behind it: inspect cannot show it
                exec(compile(f.read(), "<reference>", "exec"), namespace)
        yield
    finally:
        for key in set(namespace) - set(before):
            del namespace[key]
        namespace.update(before)
