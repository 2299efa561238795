"""The trained U-Net that assignment c4w3_unet's grader hands to predict_masks: the committed weights file is
small, its record describes the committed run, the weights still give what the record says and clear the
grader's thresholds with room to spare, and the script that makes them runs end to end (a short run)."""
import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

FOLDER = Path(__file__).resolve().parent.parent / "assignments" / "c4w3_unet"


def _module(name):
    spec = importlib.util.spec_from_file_location(f"c4w3_unet_{name}", FOLDER / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


fixture = _module("train_fixture")
RECORD = json.loads(fixture.RECORD_FILE.read_text())


def _predict(weights, images):
    from lessons.setup import import_tensorflow_quietly
    import_tensorflow_quietly()
    model = fixture.unet_model((fixture.SIZE, fixture.SIZE, 3), fixture.N_FILTERS, fixture.N_CLASSES)
    model.set_weights(weights)
    return np.argmax(model.predict(images, verbose=0), axis=-1)


def test_the_committed_weights_are_small_and_recorded():
    size = fixture.WEIGHTS_FILE.stat().st_size
    assert size < 2.5e6 and RECORD["files"]["weights_bytes"] == size
    assert RECORD["run"] == "full" and RECORD["parameters"] == 540_828
    assert RECORD["recipe"] == fixture.RECIPE | {"epochs": fixture.RUNS["full"]["epochs"]}
    assert RECORD["data"] == {key: fixture.RUNS["full"][key] for key in ("n_train", "n_eval")}
    weights = fixture.load_weights()
    assert all(w.dtype == np.float32 for w in weights) and sum(w.size for w in weights) == RECORD["parameters"]


@pytest.mark.slow
def test_the_committed_weights_give_the_recorded_mean_iou():
    from lessons.data import make_shapes
    held = make_shapes(RECORD["data"]["n_eval"], size=fixture.SIZE, seed=2)
    predicted = _predict(fixture.load_weights(), held.images)
    # Other CPUs add up in other orders, which can flip a pixel's argmax here and there.
    assert fixture.mean_iou(held.masks, predicted, 4) == pytest.approx(RECORD["result"]["eval_mean_iou"], abs=0.01)
    assert np.mean(predicted == held.masks) == pytest.approx(RECORD["result"]["eval_pixel_accuracy"], abs=0.01)


@pytest.mark.slow
def test_the_graders_thresholds_stay_under_what_the_weights_reach():
    """predict_masks' cases: the solution (these weights) must clear each case's threshold by 2 points at least."""
    checks = _module("checks")
    for case in checks.PREDICT_CASES:
        weights, images = case.args
        predicted = _predict(weights, images)
        masks, threshold = case.reference
        score = checks._mean_iou(masks, predicted)
        assert case.compare(None, predicted, case) is None, case.name
        assert threshold == checks.MASKS_MEAN_IOU["public" if case.public else "hidden"]
        assert score >= threshold + 0.02, (case.name, score, threshold)


@pytest.mark.slow
def test_the_script_runs_end_to_end_in_short_mode(tmp_path):
    result = subprocess.run([sys.executable, str(FOLDER / "train_fixture.py"), "--short", str(tmp_path)],
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-2000:]
    record = json.loads((tmp_path / fixture.RECORD_FILE.name).read_text())
    assert record["run"] == "short" and record["data"] == {"n_train": 64, "n_eval": 32}
    weights = fixture.load_weights(tmp_path / fixture.WEIGHTS_FILE.name)
    assert [w.shape for w in weights] == [w.shape for w in fixture.load_weights()]
