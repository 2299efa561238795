import subprocess
import sys


def run_python(code):
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)


def test_start_seeds_everything_and_reports_the_device_in_one_line():
    result = run_python(
        "from lessons.setup import start\n"
        "import numpy as np, random, keras\n"
        "start(7)\n"
        "a = (random.random(), np.random.rand(), float(keras.random.uniform(())))\n"
        "start(7, report=False)\n"
        "b = (random.random(), np.random.rand(), float(keras.random.uniform(())))\n"
        "assert a == b, (a, b)\n")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 1 and "TensorFlow" in lines[0] and "Keras 3" in lines[0]
    assert "CPU" in lines[0] or "GPU" in lines[0]


def test_tensorflow_start_up_noise_does_not_reach_stderr():
    result = run_python("from lessons.setup import start\nstart(0, report=False)\n")
    assert result.returncode == 0
    assert "cuda" not in result.stderr.lower() and "absl" not in result.stderr, result.stderr
