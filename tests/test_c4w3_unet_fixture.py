"""The trained U-Net that assignment c4w3_unet's grader hands to predict_masks: its weights still give
what the record says and clear the grader's thresholds with room to spare. (Size, record and the script's short
run: tests/test_trained_fixtures.py.)"""
import numpy as np
import pytest

import trained_fixtures

fixture = trained_fixtures.load("c4w3_unet")
RECORD = trained_fixtures.record(fixture)


def _predict(weights, images):
    from lessons.setup import import_tensorflow_quietly
    import_tensorflow_quietly()
    model = fixture.unet_model((fixture.SIZE, fixture.SIZE, 3), fixture.N_FILTERS, fixture.N_CLASSES)
    model.set_weights(weights)
    return np.argmax(model.predict(images, verbose=0), axis=-1)


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
    checks = trained_fixtures.load("c4w3_unet", "checks")
    for case in checks.PREDICT_CASES:
        weights, images = case.args
        predicted = _predict(weights, images)
        masks, threshold = case.reference
        score = checks._mean_iou(masks, predicted)
        assert case.compare(None, predicted, case) is None, case.name
        assert threshold == checks.MASKS_MEAN_IOU["public" if case.public else "hidden"]
        assert score >= threshold + 0.02, (case.name, score, threshold)

