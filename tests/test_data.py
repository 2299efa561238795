"""The offline datasets of lessons.data: shapes, dtypes, ranges, balance, determinism, and
that a simple scikit-learn model learns what each dataset is meant to teach."""
import datetime
import random
import re

import faker.generator
import numpy as np
import pytest
from scipy import signal
from skimage.measure import perimeter
from sklearn.feature_extraction.text import CountVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import cross_val_score
from sklearn.neighbors import KNeighborsClassifier
from sklearn.neural_network import MLPClassifier
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.svm import SVC
from threadpoolctl import threadpool_limits

import lessons.data as data
from lessons.data import (dates_to_arrays, lfw_faces, make_cat_dataset, make_corpus, make_dates,
                          make_dino_names, make_emoji_sentences, make_fingers, make_outfits, make_photo_crops, make_planar,
                          make_planar_flower, make_series, make_shapes, make_trigger_clips,
                          spectrogram_shape)
from lessons.data.audio import ACTIVATE, LABEL_STEPS
from lessons.data.text import CAPITALS, DATE_FORMATS, EMOJI_CLASSES, FEMALE_NAMES, MALE_NAMES
from lessons.pretrained.word_vectors import cooccurrence_counts, ppmi, svd_vectors


@pytest.fixture(autouse=True)
def one_blas_thread():
    """These problems are small: BLAS threads only fight over a 2-core runner's CPUs."""
    with threadpool_limits(1):
        yield


# ---------------------------------------------------------------- every seeded builder

SMALL_CALLS = {
    "make_cat_dataset": lambda seed: make_cat_dataset(m_train=6, m_test=4, seed=seed),
    "make_planar_flower": lambda seed: make_planar_flower(seed=seed),
    "make_planar": lambda seed: make_planar("moons", seed=seed),
    "make_shapes": lambda seed: make_shapes(20, seed=seed),
    "make_fingers": lambda seed: make_fingers(20, seed=seed),
    "make_photo_crops": lambda seed: make_photo_crops(20, size=32, seed=seed),
    "make_dates": lambda seed: make_dates(50, seed=seed),
    "make_dino_names": lambda seed: make_dino_names(50, seed=seed),
    "make_corpus": lambda seed: make_corpus(50, seed=seed),
    "make_emoji_sentences": lambda seed: make_emoji_sentences(50, seed=seed),
    "make_trigger_clips": lambda seed: make_trigger_clips(3, seed=seed),
    "make_series": lambda seed: make_series(30, seed=seed),
    "make_outfits": lambda seed: make_outfits(50, seed=seed),
}


def same(a, b):
    """Deep equality of nested arrays, lists, tuples and dicts (array dtypes included)."""
    if isinstance(a, np.ndarray):
        return isinstance(b, np.ndarray) and a.dtype == b.dtype and np.array_equal(a, b)
    if isinstance(a, (list, tuple)):
        return type(a) is type(b) and len(a) == len(b) and all(map(same, a, b))
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
    return a == b


def test_every_builder_is_covered_here():
    builders = {name for name in data.__all__ if name.startswith("make_")}
    assert builders == set(SMALL_CALLS)


@pytest.mark.parametrize("name", sorted(SMALL_CALLS))
def test_same_seed_same_data_other_seed_other_data_and_no_global_state(name):
    global_generators = (np.random, random, faker.generator.random)  # the last: Faker.seed()'s
    for generator in global_generators:
        generator.seed(123)
    call = SMALL_CALLS[name]
    first = call(0)
    assert same(first, call(0))
    assert not same(first, call(1))
    untouched = [g.random() for g in global_generators]
    for generator in global_generators:
        generator.seed(123)
    assert untouched == [g.random() for g in global_generators]


# ---------------------------------------------------------------- cat vs non-cat

def test_cat_dataset_layout_and_balance():
    d = make_cat_dataset(m_train=40, m_test=20)
    assert d.X_train.shape == (64 * 64 * 3, 40) and d.X_test.shape == (12288, 20)
    assert d.X_train.dtype == np.float32 and 0 <= d.X_train.min() and d.X_train.max() <= 1
    assert d.Y_train.shape == (1, 40) and d.Y_train.dtype == np.uint8
    assert d.Y_train.sum() == round(40 * 0.35) and d.Y_test.sum() == 7
    assert set(np.unique(d.Y_train)) == {0, 1}
    # no test image is also a training image
    assert not (d.X_test.T[:, None, :] == d.X_train.T[None, :, :]).all(axis=2).any()
    images = make_cat_dataset(m_train=5, m_test=3, size=32, flatten=False)
    assert images.X_train.shape == (5, 32, 32, 3) and images.X_train.dtype == np.uint8


def test_logistic_regression_learns_cats():
    d = make_cat_dataset()
    model = LogisticRegression(C=0.01, max_iter=300).fit(d.X_train.T, d.Y_train.ravel())
    assert model.score(d.X_test.T, d.Y_test.ravel()) > 0.7


@pytest.mark.slow
def test_course_numpy_logistic_regression_reaches_the_assignment_thresholds():
    """The C1W2 model: zero init, 2000 full-batch steps at learning rate 0.005."""
    X, Y, X_test, Y_test = (a.astype(np.float64) for a in make_cat_dataset())
    w, b = np.zeros((X.shape[0], 1)), 0.0
    for _ in range(2000):
        dz = 1 / (1 + np.exp(-(w.T @ X + b))) - Y
        w -= 0.005 * X @ dz.T / X.shape[1]
        b -= 0.005 * dz.mean()

    def accuracy(X, Y):
        return np.mean(((w.T @ X + b) > 0) == Y)
    assert accuracy(X, Y) >= 0.95 and accuracy(X_test, Y_test) >= 0.70


# ---------------------------------------------------------------- planar

def test_flower_layout_and_balance():
    X, Y = make_planar_flower()
    assert X.shape == (2, 400) and Y.shape == (1, 400) and Y.dtype == np.uint8
    assert np.bincount(Y.ravel()).tolist() == [200, 200]
    assert np.abs(X).max() < 6


def test_flower_needs_a_nonlinear_model():
    X, Y = make_planar_flower()
    X_new, Y_new = make_planar_flower(seed=2)
    assert LogisticRegression().fit(X.T, Y.ravel()).score(X.T, Y.ravel()) < 0.65
    assert SVC(C=10).fit(X.T, Y.ravel()).score(X_new.T, Y_new.ravel()) > 0.8
    # the course's network: 4 tanh hidden units
    mlp = MLPClassifier((4,), activation="tanh", solver="lbfgs", max_iter=2000, random_state=0)
    assert mlp.fit(X.T, Y.ravel()).score(X_new.T, Y_new.ravel()) > 0.85


@pytest.mark.parametrize("kind", ["moons", "circles", "blobs", "flower"])
def test_planar_kinds_use_the_course_layout(kind):
    X, Y = make_planar(kind, m=100)
    assert X.shape == (2, 100) and Y.shape == (1, 100) and Y.dtype == np.uint8
    assert set(np.unique(Y)) == {0, 1}


def test_planar_rejects_unknown_kinds():
    with pytest.raises(ValueError, match="moons"):
        make_planar("spiral")


# ---------------------------------------------------------------- shapes and fingers

def foreground(images):
    """Pixels far from each image's median (background) colour."""
    background = np.median(images.reshape(len(images), -1, 3), axis=1)[:, None, None, :]
    return np.linalg.norm(images - background, axis=-1) > 0.25


def area_and_perimeter(images):
    masks = foreground(images)
    area = masks.sum(axis=(1, 2))
    edge = np.array([perimeter(m) for m in masks])
    return np.c_[area, edge, edge ** 2 / np.maximum(area, 1)]


def test_shapes_layout():
    s = make_shapes(200, size=48, max_shapes=3)
    assert s.images.shape == (200, 48, 48, 3) and s.images.dtype == np.float32
    assert 0 <= s.images.min() and s.images.max() <= 1
    assert s.masks.shape == (200, 48, 48) and s.masks.dtype == np.uint8
    assert s.boxes.shape == (200, 3, 4) and s.boxes.dtype == np.int32
    assert s.classes.shape == (200, 3) and s.classes.dtype == np.int32
    assert set(np.unique(s.masks)) == {0, 1, 2, 3}
    counts = (s.classes >= 0).sum(axis=1)
    assert counts.min() >= 1 and counts.max() == 3
    assert min(np.bincount(s.classes[s.classes >= 0])[1:]) > 100  # every class common


def test_shape_boxes_are_tight_around_the_masks():
    s = make_shapes(100)
    for mask, boxes, classes in zip(s.masks, s.boxes, s.classes):
        covered = np.zeros_like(mask)
        for (y0, x0, y1, x1), kind in zip(boxes, classes):
            if kind < 0:
                assert (y0, x0, y1, x1) == (0, 0, 0, 0)
                continue
            inside = mask[y0:y1, x0:x1] == kind
            assert inside[0].any() and inside[-1].any() and inside[:, 0].any() and inside[:, -1].any()
            covered[y0:y1, x0:x1][inside] = kind
        assert np.array_equal(covered, mask)  # every shape pixel lies in a box of its class
        assert set(np.unique(mask)) - {0} == set(classes[classes >= 0])


def test_shape_class_can_be_told_from_the_image():
    s = make_shapes(600, max_shapes=1)
    features, labels = area_and_perimeter(s.images), s.classes[:, 0]
    model = make_pipeline(StandardScaler(), KNeighborsClassifier()).fit(features[:400], labels[:400])
    assert model.score(features[400:], labels[400:]) > 0.8  # chance: 1/3


def test_fingers_layout_and_balance():
    images, labels = make_fingers(100, size=48)
    assert images.shape == (100, 48, 48, 3) and images.dtype == np.float32
    assert 0 <= images.min() and images.max() <= 1
    assert labels.shape == (100,) and set(labels) == set(range(6))
    assert np.ptp(np.bincount(labels)) <= 1


def test_finger_count_can_be_told_from_the_image():
    images, labels = make_fingers(600)
    features = area_and_perimeter(images)
    model = make_pipeline(StandardScaler(), KNeighborsClassifier()).fit(features[:400], labels[:400])
    assert model.score(features[400:], labels[400:]) > 0.6  # chance: 1/6
    mean_area = [features[labels == k, 0].mean() for k in range(6)]
    assert np.all(np.diff(mean_area) > 0)


def test_lfw_faces_first_half_faces():
    images, labels = lfw_faces()
    assert images.shape == (200, 25, 25) and images.dtype == np.float32
    assert 0 <= images.min() and images.max() <= 1
    assert labels.dtype == np.uint8 and labels[:100].all() and not labels[100:].any()
    accuracy = cross_val_score(LogisticRegression(max_iter=500), images.reshape(200, -1), labels, cv=5)
    assert accuracy.mean() > 0.8


# ---------------------------------------------------------------- text

STRPTIME = ("%m/%d/%y", "%b %d %Y", "%B %d %Y", "%A %B %d %Y", "%d %b %Y", "%d %B %Y",
            "%d %m %y", "%d.%m.%y")


def parse_human_date(text):
    """The ISO dates that `text` can be read as, with Python's own parser."""
    found = set()
    for pattern in STRPTIME:
        try:
            found.add(datetime.datetime.strptime(text, pattern).date().isoformat())
        except ValueError:
            pass
    return found


def test_dates_have_the_course_vocabularies():
    d = make_dates(2000)
    assert len(d.pairs) == 2000
    assert len(d.human_vocab) == 37 and len(d.machine_vocab) == 11
    assert list(d.human_vocab)[-2:] == ["<unk>", "<pad>"]
    assert sorted(d.human_vocab.values()) == list(range(37))
    assert d.inv_machine_vocab == {i: c for c, i in d.machine_vocab.items()}
    assert {c for human, _ in d.pairs for c in human} <= set(d.human_vocab)
    assert make_dates(5).human_vocab == d.human_vocab  # fixed, whatever was drawn


def test_dates_read_back_as_their_iso_targets():
    pairs = make_dates(1000, seed=3).pairs
    for human, machine in pairs:
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", machine)
        assert "1970-01-01" <= machine <= "2029-12-31"
        assert human == human.lower() and "," not in human and len(human) <= 30
        assert parse_human_date(human) == {machine}, (human, machine)
    assert len({re.sub(r"\d", "0", h) for h, _ in pairs}) > len(DATE_FORMATS)  # the formats vary


def test_dates_to_arrays():
    d = make_dates(20)
    pairs = d.pairs + [("3 mär 2021!", "2021-03-03"), ("a" * 40, "2000-01-01")]
    X, Y, Xoh, Yoh = dates_to_arrays(pairs, d.human_vocab, d.machine_vocab, Tx=30, Ty=10)
    assert X.shape == (22, 30) and Y.shape == (22, 10) and X.dtype == Y.dtype == np.int32
    assert Xoh.shape == (22, 30, 37) and Yoh.shape == (22, 10, 11) and Xoh.dtype == np.float32
    assert np.all(Xoh.sum(-1) == 1) and np.array_equal(Xoh.argmax(-1), X)
    human, machine = d.pairs[0]
    assert "".join(d.inv_machine_vocab[i] for i in Y[0]) == machine
    assert X[0, len(human):].tolist() == [d.human_vocab["<pad>"]] * (30 - len(human))
    assert X[20, 3] == X[20, 10] == d.human_vocab["<unk>"]  # 'ä' and '!'
    assert X[21].tolist() == [d.human_vocab["a"]] * 30


def test_dino_names():
    names = make_dino_names()
    assert len(names) == 1500 == len(set(names))
    assert all(re.fullmatch(r"[a-z]{6,}", n) for n in names)
    assert sum(n.endswith("saurus") for n in names) > 20
    with pytest.raises(ValueError):
        make_dino_names(10**6)


def word_vectors(sentences, k):
    """PPMI of within-sentence co-occurrence, reduced to k dimensions by SVD, unit length."""
    vocabulary, counts = cooccurrence_counts(sentences)
    vectors = svd_vectors(ppmi(counts), k)
    return {w: i for i, w in enumerate(vocabulary)}, vectors / np.linalg.norm(vectors, axis=1, keepdims=True)


def test_corpus_supports_analogies():
    corpus = make_corpus()
    assert len(corpus) == 2000 and all(s == s.lower() for s in corpus)
    index, vectors = word_vectors(corpus, k=100)
    words = sorted(index, key=index.get)

    def analogy(a, b, c):  # a is to b as c is to ?
        scores = vectors @ (vectors[index[b]] - vectors[index[a]] + vectors[index[c]])
        scores[[index[a], index[b], index[c]]] = -np.inf
        return words[int(np.argmax(scores))]
    questions = [("man", "king", "woman", "queen"), ("man", "woman", "boy", "girl"),
                 ("man", "woman", "actor", "actress"), ("king", "queen", "prince", "princess"),
                 ("father", "mother", "husband", "wife"), ("husband", "wife", "uncle", "aunt"),
                 ("france", "paris", "italy", "rome"), ("japan", "tokyo", "germany", "berlin"),
                 ("spain", "madrid", "greece", "athens"), ("egypt", "cairo", "russia", "moscow")]
    right = [analogy(a, b, c) == d for a, b, c, d in questions]
    assert sum(right) >= 9, [q for q, ok in zip(questions, right) if not ok]
    assert all(country in index and city in index for country, city, *_ in CAPITALS)
    smallest = {w for s in make_corpus(40, seed=1) for w in s.split()}
    assert set(MALE_NAMES + FEMALE_NAMES) <= smallest  # every first name, however small
    with pytest.raises(ValueError):
        make_corpus(39)


def test_emoji_sentences():
    sentences, labels = make_emoji_sentences()
    assert len(sentences) == 200 and labels.shape == (200,) and labels.dtype == np.int64
    assert np.bincount(labels).tolist() == [40] * len(EMOJI_CLASSES)
    assert any(" not " in s for s, y in zip(sentences, labels) if y == 3)
    corpus_words = {w for s in make_corpus() for w in s.split()}
    assert {w for s in sentences for w in s.split()} <= corpus_words  # every word has a vector
    assert any(" not " in s for s, y in zip(sentences, labels) if y == 2)


def test_bag_of_words_learns_emoji_classes_but_not_negations():
    model = make_pipeline(CountVectorizer(), LogisticRegression(max_iter=1000))
    model.fit(*make_emoji_sentences(1000))
    sentences, labels = make_emoji_sentences(500, seed=1)
    negated = np.array([" not " in s for s in sentences])
    right = model.predict(sentences) == labels
    assert right.mean() > 0.7  # chance: 0.2
    assert right[~negated].mean() > 0.9 and right[negated].mean() < 0.8


# ---------------------------------------------------------------- audio

def test_trigger_clip_layout():
    clips = make_trigger_clips(8)
    tx, n_freq, ty = spectrogram_shape()
    assert (tx, n_freq, ty) == (988, 101, 244)
    assert clips.clips.shape == (8, 16000) and clips.clips.dtype == np.float32
    assert np.abs(clips.clips).max() <= 1
    assert clips.spectrograms.shape == (8, tx, n_freq) and clips.spectrograms.dtype == np.float32
    assert clips.labels.shape == (8, ty) and clips.labels.dtype == np.uint8
    assert all(1 <= len(ends) <= 2 for ends in clips.activate_ends)
    _, _, power = signal.spectrogram(clips.clips[0], fs=8000, nperseg=200, noverlap=184)
    assert np.allclose(clips.spectrograms[0], np.log(power.T + 1e-10), atol=1e-4)


def test_trigger_labels_follow_the_inserted_activate_words():
    clips = make_trigger_clips(20, seed=4)
    seconds = ACTIVATE[2]
    t = np.arange(int(seconds * 8000)) / 8000
    template = signal.chirp(t, ACTIVATE[0], seconds, ACTIVATE[1]) * np.hanning(t.size)
    ty = clips.labels.shape[1]
    for clip, labels, ends in zip(clips.clips, clips.labels, clips.activate_ends):
        expected = np.zeros(ty, dtype=np.uint8)
        match = np.abs(signal.correlate(clip, template, mode="valid"))
        elsewhere = np.ones(match.size, dtype=bool)
        for end in ends:
            step = int(end * ty / 2.0)
            expected[step + 1:step + 1 + LABEL_STEPS] = 1
            start = round(end * 8000) - template.size
            assert match[start] == match[max(start - 3, 0):start + 4].max()  # the chirp is there
            elsewhere[max(start - template.size, 0):start + template.size] = False
        assert np.array_equal(labels, expected)
        assert match[elsewhere].max() < 0.5 * min(match[round(e * 8000) - template.size] for e in ends)


# ---------------------------------------------------------------- series

def test_series_is_weather_like():
    values, names = make_series(n_days=730)
    assert values.shape == (730 * 24, 14) and values.dtype == np.float32 and len(names) == 14
    assert np.isfinite(values).all()
    column = dict(zip(names, values.T))
    T, rh = column["T (degC)"], column["rh (%)"]
    assert (0 <= rh).all() and (rh <= 100).all() and (column["Tdew (degC)"] <= T).all()
    assert 950 < column["p (mbar)"].mean() < 1030
    assert ((0 <= column["wd (deg)"]) & (column["wd (deg)"] < 360)).all()
    hour_of_day = T.reshape(730, 24).mean(axis=0)
    assert hour_of_day.argmax() in range(12, 18) and hour_of_day.argmin() in range(0, 6)
    month = T.reshape(2, 365 * 24)[:, :8760 // 12 * 12].reshape(2, 12, -1).mean(axis=(0, 2))
    assert month[6] - month[0] > 10  # July is much warmer than January
    assert np.corrcoef(T, column["VPmax (mbar)"])[0, 1] > 0.9
