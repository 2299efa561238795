"""The only grader code that runs inside the learner's kernel.

After the submitted notebook has run, the grader appends one cell per exercise that
calls `run_exercise`. It reads the check inputs (never the expected outputs), calls the
learner's function on each, and sends what came back, or the error raised, to the
grader's process to judge, as display data of its own type in that cell's output (so a
notebook that has filled its files' space can still report).
"""
import base64
import contextlib
import errno
import os
import traceback

from IPython.display import publish_display_data

from grader import codec
from grader.sandbox import SCRATCH_ENV

RESULTS_TYPE = "application/x-grader-results"  # base64 of the codec's bytes


def _short_error(error):
    """The exception's type and message, plus the line of the learner's code it came from."""
    frames = [f for f in traceback.extract_tb(error.__traceback__) if f.filename.startswith("<")]
    where = f" (line {frames[-1].lineno}: {frames[-1].line.strip()})" if frames and frames[-1].line else ""
    if isinstance(error, OSError) and error.errno == errno.ENOSPC:
        limit = os.environ.get(SCRATCH_ENV)
        return ("OSError: no space left for files: while grading, everything a notebook writes (its folder, "
                f"/tmp and home) must fit in {limit} MiB{where}" if limit else f"OSError: no space left on device{where}")
    lines = [line.strip() for line in str(error).splitlines() if line.strip()]
    # Errors raised inside a tf.function start with "in user code:"; the reason is on the last line.
    message = (lines[-1] if lines[0] == "in user code:" else lines[0])[:300] if lines else ""
    message = message.removeprefix(f"{type(error).__name__}: ")
    return f"{type(error).__name__}: {message}{where}" if message else f"{type(error).__name__}{where}"


def run_exercise(name, namespace, inputs_path, reference_paths=()):
    """Call `namespace[name]` on every case of `inputs_path` and send the results back. Each
    of `reference_paths` that exists holds the reference code of an exercise this one calls
    which failed its own checks: it stands in for the learner's version during these calls."""
    with open(inputs_path, "rb") as f:
        data = f.read()
    cases = codec.loads(data)  # models stay unbuilt here: each case rebuilds its own below
    function = namespace.get(name)
    if not callable(function):
        results = {"missing": True}
    else:
        results = {"missing": False, "cases": []}
        with _references_in_place(namespace, [p for p in reference_paths if os.path.exists(p)]):
            for index in range(len(cases)):
                try:
                    args = codec.loads(data, allow_models=True)[index]  # fresh inputs: a function may change them
                    value = function(*args)
                    codec.encode(value, {})  # a value that cannot be sent back fails this case only
                    results["cases"].append({"value": value})
                except NotImplementedError:
                    results["cases"].append({"not_implemented": True})
                except Exception as error:  # the learner's bug: report it, go on with the next case
                    results["cases"].append({"error": _short_error(error)})
    publish_display_data({RESULTS_TYPE: base64.b64encode(codec.dumps(results)).decode("ascii")})


@contextlib.contextmanager
def _references_in_place(namespace, paths):
    """The notebook's namespace with the reference code of `paths` run in it, and as it was afterwards."""
    before = dict(namespace)
    try:
        for path in paths:
            with open(path) as f:
                exec(compile(f.read(), path, "exec"), namespace)
        yield
    finally:
        for key in set(namespace) - set(before):
            del namespace[key]
        namespace.update(before)
