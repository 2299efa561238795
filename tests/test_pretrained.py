"""The weights this repository trains for itself: the committed files load, are small, and still
give what their record says; the script that makes them runs end to end (a short run); and the
photo crops it learns from are seeded and hold no cat."""
import json
import subprocess
import sys

import numpy as np
import pytest
from skimage import data as skdata

from lessons.data.images import PHOTO_CLASSES, _photo_sources, make_photo_crops
from lessons.pretrained import mobilenet
from lessons.pretrained.mobilenet import (HEAD_FILE, RECORD_FILE, WEIGHTS_FILE, check_batch, load_classifier,
                                          predict_eagerly, pretrained_base)

RECORD = json.loads(RECORD_FILE.read_text())
PACKAGE = WEIGHTS_FILE.parent


# ---------------------------------------------------------------- the photo crops
def test_photo_crops_layout_balance_and_seed():
    images, labels = make_photo_crops(40, size=32, seed=3)
    assert images.shape == (40, 32, 32, 3) and images.dtype == np.uint8
    assert labels.dtype == np.int64 and set(np.bincount(labels, minlength=16)) <= {2, 3}
    again, same_labels = make_photo_crops(40, size=32, seed=3)
    assert np.array_equal(images, again) and np.array_equal(labels, same_labels)
    assert not np.array_equal(images, make_photo_crops(40, size=32, seed=4)[0])


def test_photo_crops_use_no_global_random_state():
    np.random.seed(123)
    make_photo_crops(4, size=16, seed=0)
    drawn = np.random.random()
    np.random.seed(123)
    assert np.random.random() == drawn


def test_no_photo_is_the_cat():
    names = [name for name, _ in _photo_sources()]
    assert tuple(names) == PHOTO_CLASSES and len(set(names)) == 16
    cat = skdata.chelsea()
    assert all(image.shape != cat.shape or not np.array_equal(image, cat) for _, image in _photo_sources())
    assert np.array_equal(skdata.cat(), cat)  # scikit-image's `cat` is the same photo: both stay out


# ---------------------------------------------------------------- the committed files
def test_the_committed_files_are_small():
    sizes = {path.name: path.stat().st_size for path in PACKAGE.iterdir()
             if path.suffix in (".h5", ".npz", ".keras")}
    assert {WEIGHTS_FILE.name, HEAD_FILE.name} <= set(sizes)
    assert sizes[WEIGHTS_FILE.name] < 2.5e6, sizes
    assert RECORD["files"]["base_weights_bytes"] == sizes[WEIGHTS_FILE.name]


def test_all_the_weights_this_repository_trains_stay_under_10_mb():
    # Weights live beside the module that trains them (lessons/pretrained) or in the one assignment
    # that uses them (assignments/ID/*.npz; expected/ holds fixtures, not weights).
    weights = [path for path in PACKAGE.iterdir() if path.suffix in (".h5", ".npz", ".keras")]
    weights += list((PACKAGE.parents[1] / "assignments").glob("*/*.npz"))
    weights += list((PACKAGE.parents[1] / "assignments").glob("*/*.h5"))
    total = sum(path.stat().st_size for path in weights)
    assert len(weights) >= 3 and total < 10e6, {path.name: path.stat().st_size for path in weights}


def test_the_record_describes_the_committed_run():
    assert RECORD["run"] == "full" and RECORD["parameters"] == 410_208
    assert RECORD["classes"] == list(PHOTO_CLASSES)
    assert RECORD["recipe"]["seed"] == 0 and RECORD["recipe"]["epochs"] == mobilenet.RUNS["full"]["epochs"]
    assert RECORD["data"]["train"] == f"make_photo_crops({mobilenet.RUNS['full']['n_train']}, size=96, seed=0)"


def test_the_docstring_quotes_the_record():
    """The module's docstring states what the weights reach; it must be the record's numbers."""
    transfer = RECORD["transfer"]
    quoted = [RECORD["result"]["test_accuracy"], transfer["pretrained"]["cat_not_cat"],
              transfer["random_weights"]["cat_not_cat"], transfer["pretrained"]["cat_majority"],
              transfer["pretrained"]["faces"], transfer["random_weights"]["faces"]]
    for value in quoted:
        assert f"{value:.2f}" in mobilenet.__doc__, f"{value:.2f} is not in lessons/pretrained/mobilenet.py's docstring"
    assert f"{mobilenet.RUNS['full']['epochs']} epochs" in mobilenet.__doc__


def test_the_committed_weights_give_the_recorded_predictions():
    model = load_classifier()
    images, labels = check_batch(RECORD["recipe"]["seed"])
    probabilities = predict_eagerly(model, images)
    recorded = np.array(RECORD["check_batch"]["probabilities"])
    # Other CPUs add up in other orders: about 1e-6 here, so 1e-3 leaves room and catches any other weights.
    assert np.allclose(probabilities, recorded, atol=1e-3), np.abs(probabilities - recorded).max()
    assert np.mean(probabilities.argmax(axis=1) == labels) == pytest.approx(RECORD["check_batch"]["accuracy"], abs=1e-4)


def test_the_base_takes_other_picture_sizes_with_the_same_weights():
    small, usual = pretrained_base((64, 64, 3)), pretrained_base()
    assert small.output.shape == (None, 2, 2, 1280) and usual.output.shape == (None, 3, 3, 1280)
    assert small.count_params() == usual.count_params() == 410_208
    assert all(np.array_equal(a, b) for a, b in zip(small.get_weights(), usual.get_weights()))


def test_the_model_json_does_not_depend_on_what_the_process_built_before():
    """Check cases send the base as JSON; an input named by a process-wide counter would change it."""
    import keras
    first = pretrained_base().to_json()
    keras.Input((3,))
    assert pretrained_base().to_json() == first


# ---------------------------------------------------------------- the script
@pytest.mark.slow
def test_the_script_runs_end_to_end_in_short_mode(tmp_path):
    result = subprocess.run([sys.executable, "-m", "lessons.pretrained.mobilenet", "--short", "--out", str(tmp_path)],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    record = json.loads((tmp_path / RECORD_FILE.name).read_text())
    assert record["run"] == "short" and record["data"]["train"] == "make_photo_crops(32, size=96, seed=0)"
    assert set(record["transfer"]["pretrained"]) == {"cat_not_cat", "faces", "cat_majority"}
    model = load_classifier(tmp_path / WEIGHTS_FILE.name, tmp_path / HEAD_FILE.name)
    images, _ = check_batch(record["recipe"]["seed"])
    assert np.allclose(predict_eagerly(model, images), record["check_batch"]["probabilities"], atol=1e-3)
    assert not np.allclose(pretrained_base(weights_file=tmp_path / WEIGHTS_FILE.name).get_weights()[0],
                           pretrained_base().get_weights()[0])


# ---------------------------------------------------------------- word vectors (computed, not stored)
def test_word_vectors_cover_the_corpus_answer_analogies_and_are_private_copies():
    from lessons.data import make_corpus, make_emoji_sentences
    from lessons.pretrained.word_vectors import DIMENSIONS, word_to_vec_map
    vectors = word_to_vec_map()
    assert len(vectors) == 283 and all(v.shape == (DIMENSIONS,) for v in vectors.values())
    assert set(vectors) == {w for s in make_corpus() for w in s.split()}
    assert {w for s in make_emoji_sentences()[0] for w in s.split()} <= set(vectors)
    assert all(np.array_equal(v, np.round(v, 6)) for v in vectors.values())

    def cosine(u, v):
        return u @ v / np.linalg.norm(u) / np.linalg.norm(v)

    def analogy(a, b, c):  # the course's form: the word w whose e_w - e_c is most like e_b - e_a
        return max((w for w in vectors if w not in (a, b, c)),
                   key=lambda w: cosine(vectors[b] - vectors[a], vectors[w] - vectors[c]))
    questions = [("man", "king", "woman", "queen"), ("man", "woman", "boy", "girl"),
                 ("man", "woman", "actor", "actress"), ("king", "queen", "prince", "princess"),
                 ("father", "mother", "husband", "wife"), ("husband", "wife", "uncle", "aunt"),
                 ("france", "paris", "italy", "rome"), ("japan", "tokyo", "germany", "berlin"),
                 ("spain", "madrid", "greece", "athens"), ("egypt", "cairo", "russia", "moscow")]
    assert [analogy(a, b, c) == d for a, b, c, d in questions].count(True) == 9  # as the docstring says
    vectors["king"][:] = 0
    assert np.linalg.norm(word_to_vec_map()["king"]) > 0  # a learner's change reaches no other caller


def test_word_vector_signs_do_not_depend_on_the_svd(monkeypatch):
    """An SVD may return any direction as u or -u (LAPACK builds differ); the vectors do not."""
    from lessons.pretrained import word_vectors
    rng = np.random.default_rng(0)
    a = rng.normal(size=(30, 30))
    symmetric = a @ a.T
    first = word_vectors.svd_vectors(symmetric, 5)
    flips = np.where(np.arange(30) % 2, -1.0, 1.0)
    svd = np.linalg.svd

    def flipped_svd(matrix):
        u, s, vt = svd(matrix)
        return u * flips, s, vt * flips[:, None]
    monkeypatch.setattr(word_vectors.np.linalg, "svd", flipped_svd)
    assert np.allclose(word_vectors.svd_vectors(symmetric, 5), first)
    assert (first[np.argmax(np.abs(first), axis=0), np.arange(5)] > 0).all()
