"""Word vectors made here, offline, from the course's own corpus (C5W2).

The classic course loads 50-dimensional GloVe vectors trained on six billion words of the
web. This course computes its own from `lessons.data.make_corpus()` in about a second:
count how often two words share a sentence, turn the counts into positive pointwise mutual
information (PPMI), and keep the 50 strongest directions of a singular value decomposition.
The C5W2 lesson derives each step; the assignments load the result with `word_to_vec_map()`.

*Measured* (seed 0, 2,000 sentences, 283 words, 50 dimensions): 9 of the 10 analogies of
tests/test_data.py answered by cosine similarity (egypt : cairo :: russia : ? is the one missed).

No file is committed: the vectors are computed, and rounded to six decimals so that the last
bits of a machine's linear algebra library do not change them.
"""
import functools

import numpy as np

from lessons.data import make_corpus

DIMENSIONS = 50


def cooccurrence_counts(sentences):
    """(vocabulary, counts): the sorted words of `sentences` and a (V, V) matrix whose
    entry (i, j) counts the sentences' pairs of positions holding words i and j (i != j)."""
    tokens = [sentence.split() for sentence in sentences]
    vocabulary = sorted({word for words in tokens for word in words})
    index = {word: i for i, word in enumerate(vocabulary)}
    counts = np.zeros((len(vocabulary), len(vocabulary)))
    for words in tokens:
        ids = np.array([index[word] for word in words])
        np.add.at(counts, (ids[:, None], ids[None, :]), 1)
    np.fill_diagonal(counts, 0)
    return vocabulary, counts


def ppmi(counts):
    """Positive pointwise mutual information: max(0, log(P(i, j) / (P(i) P(j))))."""
    expected = counts.sum(1, keepdims=True) * counts.sum(0, keepdims=True) / counts.sum()
    with np.errstate(divide="ignore"):
        return np.maximum(np.log(counts / expected), 0)


def svd_vectors(matrix, dimensions):
    """Rows of U_k sqrt(S_k) from the SVD of a symmetric `matrix`, each direction's sign
    chosen so that its largest entry is positive (an SVD's signs are otherwise arbitrary)."""
    u, s, _ = np.linalg.svd(matrix)
    u = u[:, :dimensions]
    signs = np.sign(u[np.argmax(np.abs(u), axis=0), np.arange(dimensions)])
    return u * signs * np.sqrt(s[:dimensions])


@functools.lru_cache(maxsize=4)
def _vectors(dimensions, seed):
    vocabulary, counts = cooccurrence_counts(make_corpus(seed=seed))
    vectors = np.round(svd_vectors(ppmi(counts), dimensions), 6)
    vectors.setflags(write=False)
    return tuple(vocabulary), vectors


def word_to_vec_map(dimensions=DIMENSIONS, seed=0):
    """{word: (dimensions,) float64 vector} for every word of make_corpus(seed=seed).
    Each call returns new arrays, so a learner's code that changes one changes no other's."""
    vocabulary, vectors = _vectors(dimensions, seed)
    return {word: vectors[i].copy() for i, word in enumerate(vocabulary)}
