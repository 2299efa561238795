"""The second cell of every notebook: reproducible, quiet, and honest about the device.

`start(seed)` must run before TensorFlow is imported anywhere in the kernel, because
TensorFlow reads its logging and oneDNN switches only once, at import.
"""
import os
import platform
import random
import sys
import warnings

# Set at import so that `from lessons.setup import start` alone already quiets TensorFlow.
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")   # no C++ info/warning logs
os.environ.setdefault("TF_ENABLE_ONEDNN_OPTS", "0")  # oneDNN reorders float sums: not bit-stable
os.environ.setdefault("KERAS_BACKEND", "tensorflow")
os.environ.setdefault("PYTHONHASHSEED", "0")


def import_tensorflow_quietly():
    """Import TensorFlow with the process's stderr silenced for the duration.

    TensorFlow's C++ start-up messages (e.g. "Could not find cuda drivers") are written
    before its logging is configured, so TF_CPP_MIN_LOG_LEVEL cannot stop them; they
    would land in every notebook's output. Python exceptions are unaffected.
    """
    if "tensorflow" in sys.modules:
        return sys.modules["tensorflow"]
    sys.stderr.flush()
    saved = os.dup(2)
    try:
        with open(os.devnull, "w") as devnull:
            os.dup2(devnull.fileno(), 2)
            import tensorflow
            import keras  # noqa: F401  (its own C++ extensions print at import too)
    finally:
        os.dup2(saved, 2)
        os.close(saved)
    return tensorflow


def start(seed=0, *, report=True):
    """Seed Python, NumPy and TensorFlow, make TF ops deterministic, enable GPU memory
    growth when a GPU is present, and print a one-line device report.
    """
    import numpy as np
    from threadpoolctl import threadpool_limits
    tf = import_tensorflow_quietly()
    import keras

    # Python-level warnings from TF/Keras internals carry machine paths and are not
    # the learner's concern; errors still surface.
    warnings.filterwarnings("ignore", module=r"(tensorflow|keras|tf_keras|absl)")
    tf.get_logger().setLevel("ERROR")

    gpus = tf.config.list_physical_devices("GPU")
    for gpu in gpus:
        try:
            tf.config.experimental.set_memory_growth(gpu, True)
        except RuntimeError:  # devices already initialised: growth can no longer change
            pass

    # One BLAS thread: NumPy's matrix products then add up in the same order on every
    # machine, and notebooks run side by side (the test suite) don't oversubscribe the
    # cores, which slows OpenBLAS down by orders of magnitude. The lessons' matrices are
    # small; TensorFlow keeps its own thread pools.
    threadpool_limits(1, user_api="blas")

    random.seed(seed)
    np.random.seed(seed)
    keras.utils.set_random_seed(seed)
    try:
        tf.config.experimental.enable_op_determinism()
    except Exception:  # some GPU builds refuse; results are then only nearly reproducible
        pass

    if report:
        print(device_report(gpus))


def device_report(gpus=None):
    """One line: library versions, the compute device, and CPU threads."""
    import tensorflow as tf
    import keras

    if gpus is None:
        gpus = tf.config.list_physical_devices("GPU")
    if gpus:
        names = [tf.config.experimental.get_device_details(g).get("device_name", g.name) for g in gpus]
        device = f"GPU x{len(gpus)} ({', '.join(names)})"
    else:
        device = "CPU only"
    return (f"Python {platform.python_version()} | TensorFlow {tf.__version__} | "
            f"Keras {keras.__version__} | {device} | {os.cpu_count()} CPU threads")
