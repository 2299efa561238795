"""Load an assignment's scripts (train_fixture.py, checks.py) as modules, for the fixture tests."""
import importlib.util
import json
from pathlib import Path

ASSIGNMENTS = Path(__file__).resolve().parent.parent / "assignments"


def load(assignment, name="train_fixture"):
    path = ASSIGNMENTS / assignment / f"{name}.py"
    spec = importlib.util.spec_from_file_location(f"{assignment}_{name}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def record(fixture):
    """The JSON record beside the committed weights."""
    return json.loads(fixture.RECORD_FILE.read_text())
