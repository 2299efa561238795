"""A small face encoder, trained here, offline, with the triplet loss on the bundled faces.

The classic course verifies and recognises faces with a pretrained FaceNet (an Inception network,
128 numbers per face, trained on millions of photos), a download. This course trains a small encoder
of its own, in seconds, on scikit-image's bundled faces (lessons.data.lfw_faces(): 100 grey 25 x 25
faces). There is one photo per face, so each face is taken to be a person, an identity, and random
changes of it (a slight turn, shift and zoom, perhaps mirrored, other lighting, pixel noise:
`face_photos`) are that person's "photos". The encoder learns from identities 0 to 79; identities 80
to 99 are kept for verification and recognition, people it never saw.

    from lessons.pretrained.face_encoder import pretrained_encoder
    encoder = pretrained_encoder()   # (batch, 25, 25, 1) pixels in [0, 1] -> (batch, 32), unit length

Its input is a grey picture scaled to [0, 1] (uint8 pixels / 255) with a channel axis; its output is
an encoding of ENCODING_SIZE numbers whose L2 norm is 1 (its last layer is UnitNormalization, as
FaceNet's last layer is an L2 normalisation). `encoder_trunk(encoder)` is the same network without
that last layer: encodings of other lengths, for checking code that must normalise.

Regenerate the committed files (RECORD_FILE says how long it took):

    python -m lessons.pretrained.face_encoder                    # the committed run
    python -m lessons.pretrained.face_encoder --short --out DIR  # a few seconds: a smoke test

The committed run (its record, RECORD_FILE, holds every number; tests/test_face_encoder.py checks that
the committed weights still give them and that this text quotes them):
- data: face_photos(identities 0-79, 10 photos each, seed 0) to learn from;
- recipe: seed 0, op determinism; three 3 x 3 convolutions (16, 32, 32 filters, ReLU, each followed by
  2 x 2 max pooling), Flatten, Dense(32), UnitNormalization: 23,296 parameters; 400 steps of
  Adam(0.002), each on a batch of 16 random identities x 4 of their photos, with the triplet loss
  max(|f(A) - f(P)|^2 - |f(A) - f(N)|^2 + alpha, 0), alpha = 0.3, over every triplet the batch holds,
  averaged over those still above 0 ("batch-all" mining): 23 s of training on 2 shared CPU cores,
  about half a minute in all (the record keeps the times); the weights file is 123 kB;
- result, on the 20 unseen identities (face_photos(identities 80-99, 10 photos each, seed 1), every
  pair of their photos): ROC AUC 0.76 with the random initial weights, 0.99 after training;
- threshold: the distance that minimises the false-accept plus false-reject rates on those pairs
  ("same person" when the distance is below it), 0.84: on other photos of the same people (seed 2)
  it accepts 4.7% of the pairs of two people and rejects 5.4% of the pairs of one person. The
  course's 0.7 was FaceNet's; each encoder needs its own threshold, measured.

These numbers come from 800 made-up photos of 80 people: the encoder tells apart these faces under
these changes, no more. It has not seen a real second photo of anyone.
"""
import sys
import time
from pathlib import Path

import numpy as np

from lessons.pretrained.scripts import command_line, quiet_keras, record_text

HERE = Path(__file__).resolve().parent
WEIGHTS_FILE = HERE / "face_encoder.weights.h5"   # the encoder's weights
RECORD_FILE = HERE / "face_encoder.json"          # how they were made, what they give

IMAGE_SHAPE = (25, 25, 1)
ENCODING_SIZE = 32
N_IDENTITIES = 100
TRAIN_IDENTITIES = tuple(range(80))     # the identities the encoder learns from
UNSEEN_IDENTITIES = tuple(range(80, 100))  # kept for verification and recognition
CHECK_IDENTITIES = (80, 81, 82, 83)     # photos whose encodings the record keeps (seed + 3, 2 each)

RUNS = {
    "full": dict(photos=10, steps=400, identities_per_batch=16, photos_per_identity=4, learning_rate=2e-3,
                 alpha=0.3, eval_photos=10),
    "short": dict(photos=3, steps=5, identities_per_batch=8, photos_per_identity=2, learning_rate=2e-3,
                  alpha=0.3, eval_photos=3),
}




# ---------------------------------------------------------------- the "photos"
def face_photos(identities=TRAIN_IDENTITIES, n_photos=10, seed=0):
    """Random photos of the bundled faces: for each identity i (0-99, the i-th face of lfw_faces()),
    n_photos random changes of it: turned by up to 8 degrees, zoomed by 0.92 to 1.08, shifted by up to
    1.5 pixels, mirrored half of the time, contrast times 0.8 to 1.2, brightness +-0.08, pixel noise
    (sd 0.02), borders filled with the edge pixels.

    Returns photos (len(identities) * n_photos, 25, 25) uint8 (0-255), identity by identity, and
    labels (len(identities) * n_photos,) int64, the identity of each. Seeded: np.random.default_rng(seed).
    """
    from skimage.transform import AffineTransform, warp

    from lessons.data import lfw_faces
    faces = lfw_faces()[0][:N_IDENTITIES].astype(np.float64)
    rng = np.random.default_rng(seed)
    centre = (np.array(faces.shape[1:][::-1]) - 1) / 2
    photos, labels = [], []
    for identity in identities:
        for _ in range(n_photos):
            face = faces[identity][:, ::-1] if rng.random() < 0.5 else faces[identity]
            angle = np.deg2rad(rng.uniform(-8, 8))
            scale = rng.uniform(0.92, 1.08)
            shift = rng.uniform(-1.5, 1.5, 2)
            # About the centre: move the centre to the origin, zoom and turn, move back and shift.
            transform = (AffineTransform(translation=-centre) + AffineTransform(scale=scale, rotation=angle)
                         + AffineTransform(translation=centre + shift))
            photo = warp(face, transform.inverse, mode="edge", order=1)
            photo = (photo - photo.mean()) * rng.uniform(0.8, 1.2) + photo.mean() + rng.uniform(-0.08, 0.08)
            photo = photo + rng.normal(0, 0.02, photo.shape)
            photos.append(np.round(np.clip(photo, 0, 1) * 255).astype(np.uint8))
            labels.append(identity)
    return np.stack(photos), np.array(labels, dtype=np.int64)


def to_input(photos):
    """uint8 photos (n, 25, 25) -> the encoder's input: float32 (n, 25, 25, 1) in [0, 1]."""
    return (np.asarray(photos, dtype=np.float32) / 255.0)[..., None]


# ---------------------------------------------------------------- the network
def face_encoder_model():
    """The architecture, with fresh random weights: (batch, 25, 25, 1) -> (batch, ENCODING_SIZE), unit length.

    Every layer is named: left to Keras, names are numbered by what the process built before, and
    the model's JSON (how check cases send it) would change with them."""
    keras = quiet_keras()
    layers = keras.layers
    inputs = keras.Input(shape=IMAGE_SHAPE, name="face")
    x = inputs
    for i, filters in enumerate((16, 32, 32), 1):
        x = layers.Conv2D(filters, 3, padding="same", activation="relu", name=f"conv{i}")(x)
        x = layers.MaxPooling2D(2, name=f"pool{i}")(x)
    x = layers.Flatten(name="flatten")(x)
    x = layers.Dense(ENCODING_SIZE, name="encoding")(x)
    outputs = layers.UnitNormalization(name="l2_normalise")(x)
    return keras.Model(inputs, outputs, name="face_encoder")


def pretrained_encoder(weights_file=WEIGHTS_FILE):
    """The face encoder with the committed weights."""
    model = face_encoder_model()
    model.load_weights(str(weights_file))
    return model


def encoder_trunk(encoder):
    """`encoder` without its last layer (UnitNormalization): the same encodings before they are scaled
    to length 1. Shares the encoder's weights."""
    keras = quiet_keras()
    return keras.Model(encoder.input, encoder.get_layer("encoding").output, name="face_encoder_trunk")


def encode(model, photos, batch_size=256):
    """model(to_input(photos)) in batches, in inference mode, as a NumPy array."""
    inputs = to_input(photos)
    return np.concatenate([np.asarray(model(inputs[i:i + batch_size], training=False))
                           for i in range(0, len(inputs), batch_size)])


# ---------------------------------------------------------------- measuring
def pair_distances(encodings, labels):
    """Every pair (i < j): the L2 distances between their encodings and whether they are one identity."""
    i, j = np.triu_indices(len(labels), k=1)
    distances = np.linalg.norm(encodings[i].astype(np.float64) - encodings[j], axis=1)
    return distances, labels[i] == labels[j]


def best_threshold(distances, same):
    """The threshold tau minimising FAR + FRR when "same person" means distance < tau: the midpoint
    between two consecutive sorted distances."""
    order = np.sort(np.unique(distances))
    candidates = np.concatenate([[order[0] - 1e-6], (order[1:] + order[:-1]) / 2, [order[-1] + 1e-6]])
    n_same, n_diff = same.sum(), (~same).sum()
    best, best_error = None, np.inf
    d_same, d_diff = np.sort(distances[same]), np.sort(distances[~same])
    for tau in candidates:
        far = np.searchsorted(d_diff, tau, side="left") / n_diff
        frr = 1 - np.searchsorted(d_same, tau, side="left") / n_same
        if far + frr < best_error:
            best, best_error = float(tau), far + frr
    return best


def rates(distances, same, tau):
    """False-accept rate (pairs of two people with distance < tau) and false-reject rate (pairs of one
    person with distance >= tau)."""
    accepted = distances < tau
    return float(np.mean(accepted[~same])), float(np.mean(~accepted[same]))


def roc_auc(distances, same):
    from sklearn.metrics import roc_auc_score
    return float(roc_auc_score(same, -distances))


# ---------------------------------------------------------------- training
def pk_batches(labels, n_steps, identities_per_batch, photos_per_identity, rng):
    """For each step, the indices of a batch of photos: `identities_per_batch` identities drawn at random,
    `photos_per_identity` of each one's photos."""
    by_identity = {identity: np.flatnonzero(labels == identity) for identity in np.unique(labels)}
    identities = np.array(sorted(by_identity))
    for _ in range(n_steps):
        chosen = rng.choice(identities, identities_per_batch, replace=False)
        yield np.concatenate([rng.choice(by_identity[i], photos_per_identity, replace=False) for i in chosen])




def check_photos(seed):
    """The photos whose encodings the record keeps: face_photos(CHECK_IDENTITIES, 2, seed + 3)."""
    return face_photos(CHECK_IDENTITIES, 2, seed=seed + 3)


def evaluate(model, eval_photos, seed):
    """AUC on every pair of the unseen identities' photos (seed + 1); the threshold chosen there, and its
    false-accept and false-reject rates on other photos of them (seed + 2)."""
    X_cal, y_cal = face_photos(UNSEEN_IDENTITIES, eval_photos, seed=seed + 1)
    X_test, y_test = face_photos(UNSEEN_IDENTITIES, eval_photos, seed=seed + 2)
    d_cal, same_cal = pair_distances(encode(model, X_cal), y_cal)
    d_test, same_test = pair_distances(encode(model, X_test), y_test)
    tau = best_threshold(d_cal, same_cal)
    far, frr = rates(d_test, same_test, tau)
    return {"auc": roc_auc(d_cal, same_cal), "auc_other_photos": roc_auc(d_test, same_test),
            "threshold": tau, "far": far, "frr": frr,
            "distance_same_median": float(np.median(d_cal[same_cal])),
            "distance_different_median": float(np.median(d_cal[~same_cal]))}


def pretrain(out, run="full", seed=0, log=print):
    """Train the face encoder with the triplet loss and write into folder `out` its weights
    (WEIGHTS_FILE's name) and the record (RECORD_FILE's). Returns the record."""
    from lessons.setup import start

    settings = RUNS[run]
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    start(seed, report=False)
    keras = quiet_keras()
    import tensorflow as tf

    began = time.perf_counter()
    photos, labels = face_photos(TRAIN_IDENTITIES, settings["photos"], seed=seed)
    inputs = tf.constant(to_input(photos))
    log(f"data: {len(photos)} photos of {len(TRAIN_IDENTITIES)} identities, {time.perf_counter() - began:.1f} s")

    model = face_encoder_model()
    before = evaluate(model, settings["eval_photos"], seed)
    optimizer = keras.optimizers.Adam(learning_rate=settings["learning_rate"])
    alpha = settings["alpha"]

    @tf.function
    def step(indices):
        # Every triplet the batch holds (anchor and positive: two photos of one identity; negative: a
        # photo of another), the loss averaged over those that still violate the margin.
        batch_labels = tf.gather(labels_tensor, indices)
        with tf.GradientTape() as tape:
            encodings = model(tf.gather(inputs, indices), training=True)
            squared = tf.reduce_sum(tf.square(encodings[:, None] - encodings[None]), axis=-1)
            same = tf.equal(batch_labels[:, None], batch_labels[None])
            positive_pair = tf.logical_and(same, tf.logical_not(tf.eye(tf.shape(indices)[0], dtype=tf.bool)))
            valid = tf.logical_and(positive_pair[:, :, None], tf.logical_not(same)[:, None, :])
            basic = squared[:, :, None] - squared[:, None, :] + alpha
            losses = tf.where(valid, tf.maximum(basic, 0.0), 0.0)
            violating = tf.reduce_sum(tf.cast(losses > 0, tf.float32))
            loss = tf.reduce_sum(losses) / tf.maximum(violating, 1.0)
        gradients = tape.gradient(loss, model.trainable_variables)
        optimizer.apply_gradients(zip(gradients, model.trainable_variables))
        return loss

    labels_tensor = tf.constant(labels)
    rng = np.random.default_rng(seed)
    trained = time.perf_counter()
    losses = [float(step(tf.constant(indices)))
              for indices in pk_batches(labels, settings["steps"], settings["identities_per_batch"],
                                        settings["photos_per_identity"], rng)]
    train_seconds = time.perf_counter() - trained
    after = evaluate(model, settings["eval_photos"], seed)
    log(f"trained {settings['steps']} steps in {train_seconds:.1f} s: loss {np.mean(losses[:20]):.3f} -> "
        f"{np.mean(losses[-20:]):.3f}; unseen-pair AUC {before['auc']:.3f} -> {after['auc']:.3f}; threshold "
        f"{after['threshold']:.3f}: FAR {after['far']:.3f}, FRR {after['frr']:.3f}")

    model.save_weights(str(out / WEIGHTS_FILE.name))
    X_check, _ = check_photos(seed)
    E_check = encode(model, X_check)
    n_eval = settings["eval_photos"]

    def rounded(values):
        return {k: round(v, 4) for k, v in values.items()}

    record = {
        "architecture": "face_encoder_model(): Conv2D(16/32/32, 3, same, relu) each with MaxPooling2D(2), Flatten, "
                        f"Dense({ENCODING_SIZE}), UnitNormalization; input (25, 25, 1) in [0, 1]",
        "parameters": int(model.count_params()),
        "files": {"weights": WEIGHTS_FILE.name, "weights_bytes": (out / WEIGHTS_FILE.name).stat().st_size},
        "run": run,
        "data": {"faces": "lessons.data.lfw_faces(), the first 100 pictures (the faces), each one identity",
                 "train": f"face_photos(identities 0-79, {settings['photos']} photos each, seed={seed})",
                 "calibration": f"face_photos(identities 80-99, {n_eval} photos each, seed={seed + 1})",
                 "test": f"face_photos(identities 80-99, {n_eval} photos each, seed={seed + 2})"},
        "identities": {"train": [min(TRAIN_IDENTITIES), max(TRAIN_IDENTITIES)],
                       "unseen": [min(UNSEEN_IDENTITIES), max(UNSEEN_IDENTITIES)]},
        "recipe": {"seed": seed, "steps": settings["steps"],
                   "batch": f"{settings['identities_per_batch']} random identities x {settings['photos_per_identity']} "
                            "of their photos",
                   "optimizer": f"Adam(learning_rate={settings['learning_rate']})", "alpha": alpha,
                   "loss": "max(|f(A) - f(P)|^2 - |f(A) - f(N)|^2 + alpha, 0) over every triplet of the batch "
                           "(A, P two photos of one identity, N a photo of another), averaged over the triplets "
                           "whose loss is above 0"},
        "result": {"loss_first_20_steps": round(float(np.mean(losses[:20])), 4),
                   "loss_last_20_steps": round(float(np.mean(losses[-20:])), 4),
                   "train_seconds": round(train_seconds, 1)},
        "unseen": {"how": "every pair of the calibration photos of the unseen identities: ROC AUC of -distance; "
                          "the threshold minimising FAR + FRR there (same person when distance < threshold); "
                          "FAR and FRR of that threshold on every pair of the test photos",
                   "before": rounded(before), "after": rounded(after)},
        "check_photos": {"data": f"face_photos({list(CHECK_IDENTITIES)}, 2 photos each, seed={seed + 3})",
                         "encodings": np.round(E_check.astype(np.float64), 5).tolist()},
        "versions": {"tensorflow": tf.__version__, "keras": keras.__version__},
        "total_seconds": round(time.perf_counter() - began, 1),
    }
    (out / RECORD_FILE.name).write_text(record_text(record))
    log(f"wrote {out / WEIGHTS_FILE.name} ({record['files']['weights_bytes']:,} bytes) and {out / RECORD_FILE.name} "
        f"in {record['total_seconds']:.0f} s")
    return record


def main(argv=None):
    return command_line("face_encoder", "Train the course's face encoder with the triplet loss.", pretrain, argv)


if __name__ == "__main__":
    sys.exit(main())
