"""What every assignment's committed trained fixture owes (assignments/*/train_fixture.py): a small
weights file, a record that describes the committed full run, and a script whose short run writes
weights of the same shapes. What each fixture's weights must reach is tested in its own module
(tests/test_<assignment>_fixture.py)."""
import json
import subprocess
import sys

import numpy as np
import pytest

import trained_fixtures

# assignment: (the largest the weights file may be, in bytes; the model's parameters)
FIXTURES = {"c4w3_unet": (2.5e6, 540_828),
            "c5w3_nmt_dates": (1e6, 52_960),
            "c5w3_trigger_word": (1.5e6, 523_329)}


def test_every_training_script_is_listed():
    scripts = sorted(p.parent.name for p in trained_fixtures.ASSIGNMENTS.glob("*/train_fixture.py"))
    assert scripts == sorted(FIXTURES)


@pytest.mark.parametrize("assignment", FIXTURES)
def test_the_committed_weights_are_small_and_recorded(assignment):
    fixture = trained_fixtures.load(assignment)
    record, (largest, parameters) = trained_fixtures.record(fixture), FIXTURES[assignment]
    size = fixture.WEIGHTS_FILE.stat().st_size
    assert size < largest and record["files"]["weights_bytes"] == size
    assert record["run"] == "full" and record["parameters"] == parameters
    assert record["recipe"] == fixture.RECIPE | {"epochs": fixture.RUNS["full"]["epochs"]}
    assert record["data"] == {key: fixture.RUNS["full"][key] for key in ("n_train", "n_eval")}
    weights = fixture.load_weights()
    assert all(w.dtype == np.float32 for w in weights) and sum(w.size for w in weights) == parameters


@pytest.mark.slow
@pytest.mark.parametrize("assignment", FIXTURES)
def test_the_script_runs_end_to_end_in_short_mode(assignment, tmp_path):
    fixture = trained_fixtures.load(assignment)
    result = subprocess.run([sys.executable, str(trained_fixtures.ASSIGNMENTS / assignment / "train_fixture.py"),
                             "--short", str(tmp_path)], check=False, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-2000:]
    record = json.loads((tmp_path / fixture.RECORD_FILE.name).read_text())
    assert record["run"] == "short"
    assert record["data"] == {key: fixture.RUNS["short"][key] for key in ("n_train", "n_eval")}
    weights = fixture.load_weights(tmp_path / fixture.WEIGHTS_FILE.name)
    assert [w.shape for w in weights] == [w.shape for w in fixture.load_weights()]
