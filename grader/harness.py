"""The only grader code that runs inside the learner's kernel.

After the submitted notebook has run, the grader appends one cell per exercise that
calls `run_exercise`. It reads the check inputs (never the expected outputs), calls the
learner's function on each, and writes what came back, or the error raised, for the
grader's process to judge.
"""
import traceback

from grader import codec


def _short_error(error):
    """The exception's type and message, plus the line of the learner's code it came from."""
    frames = [f for f in traceback.extract_tb(error.__traceback__) if f.filename.startswith("<")]
    where = f" (line {frames[-1].lineno}: {frames[-1].line.strip()})" if frames and frames[-1].line else ""
    lines = [line.strip() for line in str(error).splitlines() if line.strip()]
    # Errors raised inside a tf.function start with "in user code:"; the reason is on the last line.
    message = (lines[-1] if lines[0] == "in user code:" else lines[0])[:300] if lines else ""
    message = message.removeprefix(f"{type(error).__name__}: ")
    return f"{type(error).__name__}: {message}{where}" if message else f"{type(error).__name__}{where}"


def run_exercise(name, namespace, inputs_path, outputs_path):
    with open(inputs_path, "rb") as f:
        data = f.read()
    cases = codec.loads(data)  # models stay unbuilt here: each case rebuilds its own below
    function = namespace.get(name)
    if not callable(function):
        results = {"missing": True}
    else:
        results = {"missing": False, "cases": []}
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
    with open(outputs_path, "wb") as f:
        f.write(codec.dumps(results))
