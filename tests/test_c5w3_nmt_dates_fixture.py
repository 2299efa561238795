"""The trained date translator that assignment c5w3_nmt_dates's grader hands to translate: its weights
still give what the record says and clear the grader's threshold with room to spare. (Size, record and the
script's short run: tests/test_trained_fixtures.py.)"""
import numpy as np
import pytest

import trained_fixtures

fixture = trained_fixtures.load("c5w3_nmt_dates")
RECORD = trained_fixtures.record(fixture)


def _model(weights):
    from lessons.setup import import_tensorflow_quietly
    import_tensorflow_quietly()
    model = fixture.modelf()
    model.set_weights(weights)
    return model


@pytest.mark.slow
def test_the_committed_weights_give_the_recorded_exact_match():
    from lessons.data import make_dates
    held = make_dates(RECORD["data"]["n_eval"], seed=2)
    accuracy, _ = fixture.exact_match(_model(fixture.load_weights()), held.pairs,
                                      (held.human_vocab, held.machine_vocab), held.inv_machine_vocab)
    # Other CPUs add up in other orders, which can flip a character's argmax here and there.
    assert accuracy == pytest.approx(RECORD["result"]["eval_exact_match"], abs=0.01)


@pytest.mark.slow
def test_the_graders_threshold_stays_under_what_the_weights_reach():
    """translate's cases: the solution (these weights) must clear the threshold by 20 points at least."""
    checks = trained_fixtures.load("c5w3_nmt_dates", "checks")
    model = _model(fixture.load_weights())
    inv = {i: c for i, c in enumerate("-0123456789")}
    from lessons.data import dates_to_arrays, make_dates
    vocab = make_dates(1)
    for case in checks.TRANSLATE_CASES:
        dates, truths = case.args[1], case.reference
        arrays = dates_to_arrays([(d, "0000-00-00") for d in dates], vocab.human_vocab, vocab.machine_vocab)
        zeros = np.zeros((len(dates), fixture.N_S), dtype=np.float32)
        indices = np.argmax(np.stack(model.predict([arrays.Xoh, zeros, zeros], verbose=0), axis=1), axis=-1)
        predicted = ["".join(inv[int(i)] for i in row) for row in indices]
        assert case.compare(None, predicted, case) is None, case.name
        score = np.mean([p == t for p, t in zip(predicted, truths)])
        assert score >= checks.EXACT_MATCH + 0.20, (case.name, score)

