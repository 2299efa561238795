"""The trained date translator that assignment c5w3_nmt_dates's grader hands to translate: the committed
weights file is small, its record describes the committed run, the weights still give what the record says
and clear the grader's threshold with room to spare, and the script that makes them runs end to end (a short
run)."""
import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

FOLDER = Path(__file__).resolve().parent.parent / "assignments" / "c5w3_nmt_dates"


def _module(name):
    spec = importlib.util.spec_from_file_location(f"c5w3_nmt_dates_{name}", FOLDER / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


fixture = _module("train_fixture")
RECORD = json.loads(fixture.RECORD_FILE.read_text())


def _model(weights):
    from lessons.setup import import_tensorflow_quietly
    import_tensorflow_quietly()
    model = fixture.modelf()
    model.set_weights(weights)
    return model


def test_the_committed_weights_are_small_and_recorded():
    size = fixture.WEIGHTS_FILE.stat().st_size
    assert size < 1e6 and RECORD["files"]["weights_bytes"] == size
    assert RECORD["run"] == "full" and RECORD["parameters"] == 52_960
    assert RECORD["recipe"] == fixture.RECIPE | {"epochs": fixture.RUNS["full"]["epochs"]}
    assert RECORD["data"] == {key: fixture.RUNS["full"][key] for key in ("n_train", "n_eval")}
    weights = fixture.load_weights()
    assert all(w.dtype == np.float32 for w in weights) and sum(w.size for w in weights) == RECORD["parameters"]


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
    checks = _module("checks")
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


@pytest.mark.slow
def test_the_script_runs_end_to_end_in_short_mode(tmp_path):
    result = subprocess.run([sys.executable, str(FOLDER / "train_fixture.py"), "--short", str(tmp_path)],
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-2000:]
    record = json.loads((tmp_path / fixture.RECORD_FILE.name).read_text())
    assert record["run"] == "short" and record["data"] == {"n_train": 200, "n_eval": 50}
    weights = fixture.load_weights(tmp_path / fixture.WEIGHTS_FILE.name)
    assert [w.shape for w in weights] == [w.shape for w in fixture.load_weights()]
