"""File-system helpers shared by the CLI and the batch runner."""

from __future__ import annotations

import os
from pathlib import Path


#: write_atomic's temporary files are ".<name>.ipplan-<8 random>.tmp", next to the target:
#: a name no other program makes, so `ipplan batch` can sweep the ones a kill left behind.
TMP_TAG = "ipplan-"
TMP_SUFFIX = ".tmp"


def write_atomic(path: Path, text: str) -> None:
    """Write UTF-8 text atomically (see write_bytes_atomic)."""
    write_bytes_atomic(path, text.encode("utf-8"))


def write_bytes_atomic(path: Path, data: bytes) -> None:
    """Write via a temporary file in the same folder and rename: readers never see a
    half-written file, and an interrupted write leaves the old file (or none)."""
    import tempfile  # here: commands that write nothing (validate, text) do not import it

    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.{TMP_TAG}", suffix=TMP_SUFFIX)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; give the mode open() would
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _umask() -> int:
    """The process umask (read by setting and restoring it: there is no getter)."""
    mask = os.umask(0)
    os.umask(mask)
    return mask
