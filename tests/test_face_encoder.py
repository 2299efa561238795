"""The face encoder this repository trains for itself (lessons/pretrained/face_encoder.py): its
"photos" are seeded, the committed file loads, is small and still gives what its record says, and
the script that makes it runs end to end (a short run)."""
import json
import subprocess
import sys

import numpy as np
import pytest

from lessons.pretrained import face_encoder
from lessons.pretrained.face_encoder import (CHECK_IDENTITIES, RECORD_FILE, WEIGHTS_FILE, check_photos, encode,
                                             encoder_trunk, evaluate, face_photos, pretrained_encoder)

RECORD = json.loads(RECORD_FILE.read_text())


# ---------------------------------------------------------------- the photos
def test_face_photos_layout_and_seed():
    photos, labels = face_photos((3, 7), n_photos=4, seed=5)
    assert photos.shape == (8, 25, 25) and photos.dtype == np.uint8
    assert labels.tolist() == [3] * 4 + [7] * 4 and labels.dtype == np.int64
    again, _ = face_photos((3, 7), n_photos=4, seed=5)
    assert np.array_equal(photos, again)
    assert not np.array_equal(photos, face_photos((3, 7), n_photos=4, seed=6)[0])
    assert len({photo.tobytes() for photo in photos}) == 8  # every photo differs


def test_face_photos_stay_close_to_their_face():
    """A photo is a small change of its face: nearer to it than to the other faces, most of the time."""
    from lessons.data import lfw_faces
    faces = lfw_faces()[0][:100]
    photos, labels = face_photos(range(100), n_photos=2, seed=0)
    distances = np.linalg.norm((photos[:, None] / 255.0 - faces[None]).reshape(200, 100, -1), axis=-1)
    assert np.mean(distances.argmin(axis=1) == labels) > 0.5


def test_face_photos_use_no_global_random_state():
    np.random.seed(123)
    face_photos((0,), n_photos=2, seed=0)
    drawn = np.random.random()
    np.random.seed(123)
    assert np.random.random() == drawn


# ---------------------------------------------------------------- the committed files
def test_the_committed_file_is_small():
    size = WEIGHTS_FILE.stat().st_size
    assert size < 200_000, size
    assert RECORD["files"]["weights_bytes"] == size


def test_the_record_describes_the_committed_run():
    full = face_encoder.RUNS["full"]
    assert RECORD["run"] == "full" and RECORD["parameters"] == 23_296
    assert RECORD["recipe"]["seed"] == 0 and RECORD["recipe"]["steps"] == full["steps"]
    assert RECORD["data"]["train"] == f"face_photos(identities 0-79, {full['photos']} photos each, seed=0)"
    assert RECORD["identities"] == {"train": [0, 79], "unseen": [80, 99]}
    assert set(RECORD["unseen"]["after"]) >= {"auc", "threshold", "far", "frr"}
    assert RECORD["versions"]["keras"].startswith("3.")


def test_training_helped_on_unseen_people():
    before, after = RECORD["unseen"]["before"], RECORD["unseen"]["after"]
    assert after["auc"] > before["auc"] + 0.1 and after["auc"] > 0.95
    assert after["far"] < 0.1 and after["frr"] < 0.1


def test_the_docstring_quotes_the_record():
    """The module's docstring states what the encoder reaches; it must be the record's numbers."""
    unseen = RECORD["unseen"]
    for value in (unseen["before"]["auc"], unseen["after"]["auc"], unseen["after"]["threshold"]):
        assert f"{value:.2f}" in face_encoder.__doc__, f"{value:.2f} is not in face_encoder.py's docstring"
    for rate in (unseen["after"]["far"], unseen["after"]["frr"]):
        assert f"{rate:.1%}" in face_encoder.__doc__, f"{rate:.1%} is not in face_encoder.py's docstring"
    assert f"{RECORD['recipe']['steps']} steps" in face_encoder.__doc__
    assert f"{RECORD['parameters']:,} parameters" in face_encoder.__doc__


def test_the_committed_weights_give_the_recorded_encodings():
    model = pretrained_encoder()
    photos, labels = check_photos(RECORD["recipe"]["seed"])
    encodings = encode(model, photos)
    assert encodings.shape == (2 * len(CHECK_IDENTITIES), face_encoder.ENCODING_SIZE)
    assert np.allclose(np.linalg.norm(encodings, axis=1), 1, atol=1e-5)
    # Other CPUs add up in other orders (about 1e-7 here): 1e-3 leaves room and catches any other weights.
    assert np.allclose(encodings, RECORD["check_photos"]["encodings"], atol=1e-3)
    # Two photos of one person are nearer each other than to anyone else's.
    distances = np.linalg.norm(encodings[:, None] - encodings[None], axis=-1) + np.eye(len(labels)) * 9
    assert np.array_equal(labels[distances.argmin(axis=1)], labels)


@pytest.mark.slow
def test_the_committed_weights_give_the_recorded_measurements():
    measured = evaluate(pretrained_encoder(), face_encoder.RUNS["full"]["eval_photos"], RECORD["recipe"]["seed"])
    for key, value in RECORD["unseen"]["after"].items():
        assert measured[key] == pytest.approx(value, abs=2e-4), key


def test_the_trunk_is_the_encoder_before_normalising():
    model = pretrained_encoder()
    trunk = encoder_trunk(model)
    photos, _ = check_photos(0)
    raw, unit = encode(trunk, photos), encode(model, photos)
    assert not np.allclose(np.linalg.norm(raw, axis=1), 1, atol=0.05)
    assert np.allclose(raw / np.linalg.norm(raw, axis=1, keepdims=True), unit, atol=1e-5)


def test_the_model_json_does_not_depend_on_what_the_process_built_before():
    """Check cases send the encoder as JSON; a name numbered by a process-wide counter would change it."""
    import keras
    first = pretrained_encoder().to_json(), encoder_trunk(pretrained_encoder()).to_json()
    keras.Input((3,))
    keras.layers.Dense(2)
    assert (pretrained_encoder().to_json(), encoder_trunk(pretrained_encoder()).to_json()) == first


# ---------------------------------------------------------------- the script
@pytest.mark.slow
def test_the_script_runs_end_to_end_in_short_mode(tmp_path):
    result = subprocess.run([sys.executable, "-m", "lessons.pretrained.face_encoder", "--short", "--out", str(tmp_path)],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    record = json.loads((tmp_path / RECORD_FILE.name).read_text())
    assert record["run"] == "short" and record["recipe"]["steps"] == face_encoder.RUNS["short"]["steps"]
    assert set(record["unseen"]["after"]) >= {"auc", "threshold", "far", "frr"}
    model = pretrained_encoder(tmp_path / WEIGHTS_FILE.name)
    photos, _ = check_photos(record["recipe"]["seed"])
    assert np.allclose(encode(model, photos), record["check_photos"]["encodings"], atol=1e-3)
    assert not np.allclose(model.get_weights()[0], pretrained_encoder().get_weights()[0])
