"""Practice exercises of the C5W2 lesson (notebooks/c5_sequence_models/c5w2_word_embeddings.ipynb):
the output shape of an Embedding, the cosine similarity, and a neutralised vector."""
import numpy as np

from lessons.practice import Exercise, Mistake

embedding_shape = Exercise(
    title="The output shape of an Embedding",
    answer=(32, 10, 50),
    mistakes=[
        Mistake((32, 50), "That is one vector per sentence. An Embedding keeps every token: it returns one "
                          "vector for each of the 10 ids of each sentence."),
        Mistake((32, 10, 283), "283 is the vocabulary size, the length of a one-hot vector. An Embedding returns "
                               "output_dim = 50 numbers per id."),
        Mistake((32, 10), "That is the shape of the input. An Embedding appends one axis of length output_dim."),
        Mistake((283, 50), "That is the shape of the layer's weights (input_dim, output_dim), one row per word, "
                           "not of its output."),
    ],
    hints=["An Embedding replaces each integer id by a row of its weight matrix.",
           "Each of the 32 x 10 ids becomes a vector of output_dim numbers.",
           "The input's shape, with one axis of length output_dim appended at the end."],
    solution="(32, 10, 50): the input's shape (32, 10) with an axis of output_dim = 50 appended.",
)


def _cosine(u, v):
    norms = np.linalg.norm(u) * np.linalg.norm(v)
    return 0.0 if norms == 0 else float(u @ v / norms)


def _guarded(formula):
    """A slip written with the zero-vector guard, so that it is recognised on every case."""
    def slip(u, v):
        return 0.0 if np.linalg.norm(u) * np.linalg.norm(v) == 0 else float(formula(u, v))
    return slip


_U = np.array([1.0, 2.0, 2.0])
_W = np.array([2.0, 0.0, 1.0])
cosine = Exercise(
    title="Cosine similarity",
    answer=_cosine,
    cases=[(_U, _W), (_U, 3 * _U), (_U, -0.5 * _U), (np.array([1.0, 0.0]), np.array([0.0, 4.0])),
           (np.array([0.3, -1.2, 2.0, 0.5]), np.array([-1.0, 0.4, 0.7, 2.2])), (_U, np.zeros(3))],
    mistakes=[
        Mistake(_guarded(lambda u, v: u @ v),
                "You return the dot product u . v: divide it by np.linalg.norm(u) * np.linalg.norm(v), "
                "so that only the angle counts, not the lengths."),
        Mistake(_guarded(lambda u, v: u @ v / ((u @ u) * (v @ v))),
                "You divide by the squared lengths u . u and v . v: divide by the lengths themselves, "
                "np.linalg.norm(u) * np.linalg.norm(v)."),
        Mistake(_guarded(lambda u, v: 1 - u @ v / (np.linalg.norm(u) * np.linalg.norm(v))),
                "You return the cosine distance 1 - cos: return the cosine itself, 1 for the same direction."),
    ],
    hints=["Start from the dot product u @ v; it grows with the lengths of u and v.",
           "Divide the dot product by both lengths, np.linalg.norm(u) * np.linalg.norm(v).",
           "Compute the product of the two norms first; if it is 0, return 0.0, else return u @ v divided by it."],
    solution=("def cosine_similarity(u, v):\n"
              "    norms = np.linalg.norm(u) * np.linalg.norm(v)\n"
              "    if norms == 0:\n"
              "        return 0.0\n"
              "    return float(u @ v / norms)"),
)

neutralised = Exercise(
    title="Which vector is neutralised?",
    answer="a",
    mistakes=[
        Mistake("b", "(2, 2, 0) is the projection of e on g, the part that neutralising removes: subtract it "
                     "from e."),
        Mistake("c", "(-1, -3, 2) is e - (e . g) g. The projection divides by |g|^2 = 2, because g is not a unit "
                     "vector: it is (e . g / |g|^2) g = (4 / 2) g = (2, 2, 0)."),
        Mistake("d", "(2, 0, 2) is e - g: subtract the projection of e on g, (e . g / |g|^2) g, not g itself."),
    ],
    hints=["Neutralising subtracts the projection of e on g: e - (e . g / |g|^2) g.",
           "e . g = 3 + 1 + 0 = 4 and |g|^2 = 1 + 1 + 0 = 2, so the projection is 2 g = (2, 2, 0).",
           "e - (2, 2, 0); check that your answer's dot product with g is 0."],
    solution="a: e - (e . g / |g|^2) g = (3, 1, 2) - (4 / 2) (1, 1, 0) = (1, -1, 2), and (1, -1, 2) . g = 0.",
)
