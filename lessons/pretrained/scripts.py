"""What every training script of this package shares: Keras imported quietly, the JSON record
written the same way, and the command line (`--short`, `--out`, `--seed`)."""
import argparse
import json
import re
from pathlib import Path


def quiet_keras():
    """Keras, with TensorFlow imported first with its logs quiet."""
    from lessons.setup import import_tensorflow_quietly
    import_tensorflow_quietly()
    import keras
    return keras


def record_text(record):
    """The record as JSON, indented, each list of numbers on one line."""
    text = json.dumps(record, indent=1)
    flat = re.sub(r"\[\s*([-+0-9.eE,\s]+?)\s*\]",
                  lambda match: "[" + ", ".join(number.strip() for number in match.group(1).split(",")) + "]", text)
    return flat + "\n"


def command_line(module, description, pretrain, argv=None):
    """Run `pretrain(out, run, seed)` as `python -m lessons.pretrained.<module>` asks; 0 when done."""
    parser = argparse.ArgumentParser(prog=f"python -m lessons.pretrained.{module}", description=description)
    parser.add_argument("--short", action="store_true", help="a tiny run (seconds) that checks the script works")
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parent,
                        help="the folder to write into (default: this package's, replacing the committed files)")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    pretrain(args.out, run="short" if args.short else "full", seed=args.seed)
    return 0


# ---------------------------------------------------------------- assignments' trained fixtures
# An assignment whose grader hands a learner's function a trained model keeps the weights beside it
# (assignments/ID/train_fixture.py writes them): one array per weight, in model.get_weights() order.

def save_fixture(model, record, weights_path, record_path, dtype="float32"):
    """Write the model's weights (as `dtype`) and its record, to which the weights file's name and
    size are added; returns that record."""
    import numpy as np
    weights_path, record_path = Path(weights_path), Path(record_path)
    weights_path.parent.mkdir(parents=True, exist_ok=True)
    np.savez(weights_path, *[np.asarray(w, dtype=dtype) for w in model.get_weights()])
    record = record | {"files": {"weights": weights_path.name, "weights_bytes": weights_path.stat().st_size}}
    record_path.write_text(json.dumps(record, indent=2) + "\n")
    return record


def load_fixture_weights(path):
    """The weights save_fixture wrote, as float32 arrays in model.get_weights() order."""
    import numpy as np
    with np.load(path, allow_pickle=False) as npz:
        return [npz[f"arr_{i}"].astype(np.float32) for i in range(len(npz.files))]


def fixture_command_line(description, train, save, default_folder):
    """`python train_fixture.py [--short DIR]`: train the full run into `default_folder`, or a short
    one into DIR, and print the record."""
    import os
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--short", metavar="DIR", help="a short run, written to DIR")
    arguments = parser.parse_args()
    model, record = train("short" if arguments.short else "full")
    print(json.dumps(save(model, record, arguments.short or default_folder), indent=2))
