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
