"""The trained trigger-word model that assignment c5w3_trigger_word's grader hands to detect_triggers: its
weights still give the recorded AUC on held-out clips. (Size, record and the script's short run:
tests/test_trained_fixtures.py.)"""
import pytest

import trained_fixtures

fixture = trained_fixtures.load("c5w3_trigger_word")
RECORD = trained_fixtures.record(fixture)


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

