"""The scripts in benchmarks/, loaded as modules so that tests can call their functions."""
import importlib.util
import sys

from lessons.syllabus import REPO_ROOT

FOLDER = REPO_ROOT / "benchmarks"


def load(name):
    spec = importlib.util.spec_from_file_location(name, FOLDER / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.path.insert(0, str(FOLDER))  # the scripts import each other
    try:
        spec.loader.exec_module(module)
    finally:
        sys.path.remove(str(FOLDER))
    return module
