"""The trained trigger-word model that assignment c5w3_trigger_word's grader hands to detect_triggers: the
committed weights file is small and as its record says, the weights still give the recorded AUC on held-out
clips, and the script that makes them runs end to end (a short run)."""
import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

FOLDER = Path(__file__).resolve().parent.parent / "assignments" / "c5w3_trigger_word"

spec = importlib.util.spec_from_file_location("c5w3_trigger_word_train_fixture", FOLDER / "train_fixture.py")
fixture = importlib.util.module_from_spec(spec)
spec.loader.exec_module(fixture)
RECORD = json.loads(fixture.RECORD_FILE.read_text())


def test_the_committed_weights_are_small_and_recorded():
    size = fixture.WEIGHTS_FILE.stat().st_size
    assert size < 1.5e6 and RECORD["files"]["weights_bytes"] == size
    assert RECORD["run"] == "full" and RECORD["parameters"] == 523_329
    assert RECORD["recipe"] == fixture.RECIPE | {"epochs": fixture.RUNS["full"]["epochs"]}
    assert RECORD["data"] == {key: fixture.RUNS["full"][key] for key in ("n_train", "n_eval")}
    weights = fixture.load_weights()
    assert all(w.dtype == np.float32 for w in weights) and sum(w.size for w in weights) == RECORD["parameters"]


@pytest.mark.slow
def test_the_committed_weights_give_the_recorded_auc():
    from lessons.data import make_trigger_clips
    from lessons.setup import import_tensorflow_quietly
    import_tensorflow_quietly()
    held = make_trigger_clips(RECORD["data"]["n_eval"], seed=2)
    model = fixture.trigger_model(held.spectrograms.shape[1:])  # the course's dropout and momentum
    model.set_weights(fixture.load_weights())
    predicted = model.predict(held.spectrograms, verbose=0)[..., 0]
    assert fixture.auc(held.labels, predicted) == pytest.approx(RECORD["result"]["eval_auc"], abs=0.005)


@pytest.mark.slow
def test_the_script_runs_end_to_end_in_short_mode(tmp_path):
    result = subprocess.run([sys.executable, str(FOLDER / "train_fixture.py"), "--short", str(tmp_path)],
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-2000:]
    record = json.loads((tmp_path / fixture.RECORD_FILE.name).read_text())
    assert record["run"] == "short" and record["data"] == {"n_train": 32, "n_eval": 16}
    weights = fixture.load_weights(tmp_path / fixture.WEIGHTS_FILE.name)
    assert [w.shape for w in weights] == [w.shape for w in fixture.load_weights()]
