"""Files the grader writes for people to read: each appears whole or not at all."""
from pathlib import Path


def write_atomically(path, data):
    """Write `data` (str or bytes) to `path` through a temporary file beside it, then rename:
    a reader, or a rerun after a crash, never finds half a file."""
    path = Path(path)
    tmp = path.with_name(path.name + ".tmp")
    if isinstance(data, str):
        tmp.write_text(data)
    else:
        tmp.write_bytes(data)
    tmp.replace(path)
