"""Copy the recorded benchmark tables into README.md, so that it always quotes the current ones.

    python benchmarks/quote_in_readme.py          # rewrite the quoted blocks
    python benchmarks/quote_in_readme.py --check  # exit 1 if README.md is out of date

README.md holds, for each recorded file, a block

    <!-- quote benchmarks/lesson_times.md -->
    ...
    <!-- end quote -->

whose body is that file without its title line (README gives each block its own heading).
"""
import argparse
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
README = REPO / "README.md"
BLOCK = re.compile(r"(<!-- quote (?P<path>\S+) -->\n).*?(<!-- end quote -->)", re.S)


def body_of(path):
    lines = (REPO / path).read_text(encoding="utf-8").strip().splitlines()
    if lines and lines[0].startswith("# "):
        lines = lines[1:]
    return "\n".join(lines).strip() + "\n"


def quoted(readme):
    """README's text with every quoted block refreshed from its file."""
    return BLOCK.sub(lambda m: m.group(1) + "\n" + body_of(m.group("path")) + "\n" + m.group(3), readme)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only say whether README.md is up to date")
    args = parser.parse_args(argv)
    readme = README.read_text(encoding="utf-8")
    missing = [m.group("path") for m in BLOCK.finditer(readme) if not (REPO / m.group("path")).exists()]
    if missing:
        sys.exit(f"error: README.md quotes files that do not exist: {', '.join(missing)}")
    fresh = quoted(readme)
    if args.check:
        if fresh != readme:
            sys.exit("README.md quotes out-of-date benchmark tables: run `python benchmarks/quote_in_readme.py`")
        return 0
    README.write_text(fresh, encoding="utf-8")
    print(f"quoted {len(BLOCK.findall(readme))} benchmark files in {README.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
