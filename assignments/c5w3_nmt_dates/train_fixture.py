"""Trains the date translator whose weights assignment c5w3_nmt_dates uses, and records how.

The model is the assignment's own `modelf(Tx=30, Ty=10, n_a=32, n_s=64, 37, 11)` (written out again below, as
the solution writes it, with its shared layers): a bidirectional LSTM over the one-hot characters, then ten
steps of attention and a post-attention LSTM, each ending in a softmax over the 11 symbols of an ISO date.
It is trained from seeded weights on `make_dates(N_TRAIN, seed=1)`: Adam, batches of 100, the categorical
cross-entropy summed over the ten outputs, 12 epochs. That took 145 s on a shared two-core machine (the record
says), more than a grading may take (30 s), so it is done once, here, and the weights are committed: nmt_dates.npz (one float32 array per
weight, in model.get_weights() order) and nmt_dates.json (the recipe, the data, the time it took and the
exact-match accuracy on held-out dates).

    python assignments/c5w3_nmt_dates/train_fixture.py             # the committed run
    python assignments/c5w3_nmt_dates/train_fixture.py --short DIR  # a short run (a test): 1 epoch, 200 dates
"""
import sys
import time
from pathlib import Path

from lessons.pretrained.scripts import fixture_command_line, load_fixture_weights, save_fixture

HERE = Path(__file__).resolve().parent
WEIGHTS_FILE = HERE / "nmt_dates.npz"
RECORD_FILE = HERE / "nmt_dates.json"

TX, TY, N_A, N_S, HUMAN_VOCAB, MACHINE_VOCAB = 30, 10, 32, 64, 37, 11
RUNS = {"full": {"n_train": 10000, "epochs": 12, "n_eval": 1000},
        "short": {"n_train": 200, "epochs": 1, "n_eval": 50}}
RECIPE = {"seed": 0, "batch_size": 100, "learning_rate": 0.005, "optimizer": "Adam(beta_1=0.9, beta_2=0.999)",
          "train_data": "make_dates(n_train, seed=1)", "eval_data": "make_dates(n_eval, seed=2)"}


def modelf(Tx=TX, Ty=TY, n_a=N_A, n_s=N_S, human_vocab_size=HUMAN_VOCAB, machine_vocab_size=MACHINE_VOCAB):
    """The assignment's model (its solution, with the shared layers made here rather than in a notebook cell)."""
    import keras
    from keras.layers import (LSTM, Bidirectional, Concatenate, Dense, Dot, Input, RepeatVector, Softmax)

    repeator, concatenator = RepeatVector(Tx), Concatenate(axis=-1)
    densor1, densor2 = Dense(10, activation="tanh"), Dense(1, activation="relu")
    activator, dotor = Softmax(axis=1), Dot(axes=1)
    post_activation_LSTM_cell = LSTM(n_s, return_state=True)
    output_layer = Dense(machine_vocab_size, activation="softmax")

    def one_step_attention(a, s_prev):
        s_prev = repeator(s_prev)
        concat = concatenator([a, s_prev])
        e = densor1(concat)
        energies = densor2(e)
        alphas = activator(energies)
        return dotor([alphas, a])

    X = Input(shape=(Tx, human_vocab_size))
    s0 = Input(shape=(n_s,), name="s0")
    c0 = Input(shape=(n_s,), name="c0")
    s, c = s0, c0
    outputs = []
    a = Bidirectional(LSTM(n_a, return_sequences=True))(X)
    for _ in range(Ty):
        context = one_step_attention(a, s)
        _, s, c = post_activation_LSTM_cell(context, initial_state=[s, c])
        outputs.append(output_layer(s))
    return keras.Model(inputs=[X, s0, c0], outputs=outputs)


def exact_match(model, pairs, vocab, inv_machine_vocab):
    """The share of `pairs` whose ten predicted characters are all right, and the predictions."""
    import numpy as np
    from lessons.data import dates_to_arrays
    human_vocab, machine_vocab = vocab
    arrays = dates_to_arrays(pairs, human_vocab, machine_vocab, TX, TY)
    zeros = np.zeros((len(pairs), N_S), dtype=np.float32)
    probs = model.predict([arrays.Xoh, zeros, zeros], verbose=0, batch_size=500)
    indices = np.argmax(np.stack(probs, axis=1), axis=-1)
    predicted = ["".join(inv_machine_vocab[int(i)] for i in row) for row in indices]
    return float(np.mean([p == m for p, (_, m) in zip(predicted, pairs)])), predicted


def train(run="full"):
    """Trains the model; returns (model, record)."""
    sys.path.insert(0, str(HERE.parent.parent))
    from lessons.setup import start
    start(RECIPE["seed"], report=False)
    import keras
    import numpy as np
    from lessons.data import dates_to_arrays, make_dates

    sizes = RUNS[run]
    data = make_dates(sizes["n_train"], seed=1)
    held = make_dates(sizes["n_eval"], seed=2)
    arrays = dates_to_arrays(data.pairs, data.human_vocab, data.machine_vocab, TX, TY)
    model = modelf()
    model.compile(optimizer=keras.optimizers.Adam(learning_rate=RECIPE["learning_rate"], beta_1=0.9, beta_2=0.999),
                  loss=["categorical_crossentropy"] * TY)
    zeros = np.zeros((sizes["n_train"], N_S), dtype=np.float32)
    began = time.time()
    history = model.fit([arrays.Xoh, zeros, zeros], list(arrays.Yoh.swapaxes(0, 1)), epochs=sizes["epochs"],
                        batch_size=RECIPE["batch_size"], verbose=0)
    seconds = time.time() - began
    accuracy, _ = exact_match(model, held.pairs, (held.human_vocab, held.machine_vocab), held.inv_machine_vocab)
    record = {
        "run": run, "model": f"modelf(Tx={TX}, Ty={TY}, n_a={N_A}, n_s={N_S}, human_vocab_size={HUMAN_VOCAB}, "
                             f"machine_vocab_size={MACHINE_VOCAB})",
        "parameters": int(model.count_params()), "recipe": RECIPE | {"epochs": sizes["epochs"]},
        "data": {"n_train": sizes["n_train"], "n_eval": sizes["n_eval"]},
        "result": {"final_loss": round(float(history.history["loss"][-1]), 4), "eval_exact_match": round(accuracy, 4)},
        "fit_seconds": round(seconds, 1),
        "versions": {"keras": keras.__version__, "numpy": np.__version__},
    }
    return model, record


def save(model, record, folder):
    return save_fixture(model, record, Path(folder) / WEIGHTS_FILE.name, Path(folder) / RECORD_FILE.name,
                        dtype="float32")


def load_weights(path=WEIGHTS_FILE):
    """The committed weights, a list of float32 arrays in model.get_weights() order."""
    return load_fixture_weights(path)


if __name__ == "__main__":
    fixture_command_line(__doc__.splitlines()[0], train, save, HERE)
