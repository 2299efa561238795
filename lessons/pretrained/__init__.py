"""Weights this repository trains for itself, offline, on the course's own data.

The course loads pretrained networks where the classic course downloads them (MobileNetV2's
ImageNet weights, a face encoder, word vectors). Nothing is downloaded here: each module of this
package builds the Keras architecture, loads a small weights file committed beside it, and can
regenerate that file with `python -m lessons.pretrained.<module>` (a `--short` run for tests).
What each file was trained on, with which seed, and what it reaches, is recorded in a JSON file
beside it and in the module's docstring.

- mobilenet: MobileNetV2 (alpha 0.35, no top), pretrained on "which photo is this crop from?".
- face_encoder: a small convolutional face encoder (unit-length encodings), trained with a
  triplet loss on the bundled faces, each face an identity and its random changes its photos.
- word_vectors: 50-dimensional word vectors of the course's corpus (PPMI and SVD). These are
  computed in about a second rather than stored, and are the same on every machine.
"""
