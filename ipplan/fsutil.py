"""File-system helpers shared by the CLI and the batch runner."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


#: Suffix of write_atomic's temporary files (".<name>.<random>.tmp", next to the target).
TMP_SUFFIX = ".tmp"


def write_atomic(path: Path, text: str) -> None:
    """Write via a temporary file in the same folder and rename: readers never see a
    half-written file, and an interrupted write leaves the old file (or none)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=TMP_SUFFIX)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
