"""File-system helpers shared by the CLI and the batch runner: every write is checked (a
short write, ENOSPC or EPIPE is an error, never a silent truncation), and writing a file
never replaces what is not a regular file, never changes its mode and never cuts a hard link.

Python's buffered files can drop the rest of a write that the system took only in part (a
full disk returns a short count first, ENOSPC only on the next call): every byte ipplan
writes goes through :func:`write_all` instead, which loops until all is written or raises.
"""

from __future__ import annotations

import errno
import functools
import io
import os
import re
import stat
import sys
from pathlib import Path

#: write_atomic's temporary files are ".<name>.ipplan-<host>-<pid>-<8 random>.tmp", next to
#: the target: the host and the pid of the writer are in the name, so `ipplan batch` removes
#: one only when its writer is gone (STALE_TEMPORARY, is_stale_temporary).
TMP_TAG = "ipplan-"
TMP_SUFFIX = ".tmp"
#: The names write_atomic gives its temporaries (compiled on first use: off the start-up path).
STALE_TEMPORARY = r"\..+\." + re.escape(TMP_TAG) + r"(?P<host>[0-9a-f]{6})-(?P<pid>[0-9]{1,10})-[A-Za-z0-9_]{8}" \
    + re.escape(TMP_SUFFIX)


class WriteError(OSError):
    """A write that could not be done as asked (refused, or short); ``strerror`` says why."""


def write_all(fd: int, data: bytes) -> None:
    """Write every byte of ``data`` to ``fd``; an error or a write that makes no progress raises."""
    view = memoryview(data)
    while view:
        n = os.write(fd, view)
        if n <= 0:
            raise WriteError(errno.EIO, "short write (nothing more was written)")
        view = view[n:]


def write_atomic(path: Path, text: str, *, within: Path | None = None) -> None:
    """Write UTF-8 text (see write_bytes_atomic)."""
    write_bytes_atomic(path, text.encode("utf-8"), within=within)


def write_bytes_atomic(path: Path, data: bytes, *, within: Path | None = None) -> None:
    """Write ``data`` to the file at ``path``, as `-o FILE` means it.

    - A regular file (or none yet) is written via a temporary file in the same folder and
      renamed: readers never see a half-written file, and an interrupted write leaves the
      old file (or none). An existing file keeps its mode (and, where allowed, its owner).
    - A symbolic link is written through (the file it leads to is replaced; the link stays).
    - A file with other hard links is refused: replacing it would cut them, and writing it in
      place could leave it half-written.
    - A device or a FIFO is written into (`-o /dev/stdout`, `-o /dev/null`); a socket or a
      folder is refused.

    ``within`` (batch's OUT_DIR): the file must lie inside that folder once links are
    resolved, and must be a regular file or none: a device or a FIFO there is refused, not
    written into (a worker must not block on a FIFO nobody reads).
    Raises OSError (WriteError for a refusal) with a one-line ``strerror``.
    """
    try:
        st: os.stat_result | None = os.stat(path)  # through links, as open() would go
    except FileNotFoundError:
        st = None  # (a loop of links raises ELOOP here)
    target = Path(os.path.realpath(path))
    if within is not None and not target.is_relative_to(os.path.realpath(within)):
        raise WriteError(errno.EXDEV, "it leads out of the output folder (symlink?); not written")
    if st is not None and not stat.S_ISREG(st.st_mode):
        if within is not None or stat.S_ISDIR(st.st_mode) or stat.S_ISSOCK(st.st_mode):
            raise WriteError(errno.EINVAL, f"it is {kind_of(st.st_mode)}, not a regular file; not written")
        _write_into(path, data)
        return
    if st is not None and not _names(target, st):
        # A link only the kernel can follow (/dev/stdout, /proc/self/fd/1 onto a file): no
        # folder to put a temporary in, so it is written in place, as a shell's > would.
        if within is not None:
            raise WriteError(errno.EINVAL, "it is reached through a special link; not written")
        _write_into(path, data)
        return
    if st is not None and st.st_nlink > 1:
        links = f"{st.st_nlink - 1} other hard link{'s' if st.st_nlink > 2 else ''}"
        raise WriteError(errno.EMLINK, f"it has {links}, which replacing it would cut; not written "
                                       "(remove it first, or write elsewhere)")
    import tempfile  # here: commands that write nothing (validate, text) do not import it

    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.{TMP_TAG}{_host()}-{os.getpid()}-",
                               suffix=TMP_SUFFIX)
    try:
        try:
            write_all(fd, data)
        finally:
            os.close(fd)  # (an error that a file system reports only at close raises here)
        if st is None:
            os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; give the mode open() would
        else:
            os.chmod(tmp, stat.S_IMODE(st.st_mode))
            if (st.st_uid, st.st_gid) != (os.geteuid(), os.getegid()):
                try:
                    os.chown(tmp, st.st_uid, st.st_gid)
                except OSError:
                    pass  # not allowed (not root): the new file is the writer's, as with any editor
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _names(target: Path, st: os.stat_result) -> bool:
    """Whether the path ``target`` names the file ``st`` describes."""
    try:
        return os.path.samestat(os.stat(target), st)
    except OSError:
        return False


def _write_into(path: Path, data: bytes) -> None:
    """Write into a device, a FIFO or a file reached through /dev/stdout (no temporary, no
    rename: the node stays what it is)."""
    fd = os.open(path, os.O_WRONLY | os.O_TRUNC | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0))
    try:
        write_all(fd, data)
    finally:
        os.close(fd)


def kind_of(mode: int) -> str:
    """What a non-regular file is, in words ("a FIFO", "a folder", …)."""
    for test, name in ((stat.S_ISFIFO, "a FIFO"), (stat.S_ISCHR, "a character device"),
                       (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"), (stat.S_ISDIR, "a folder"),
                       (stat.S_ISLNK, "a symbolic link")):
        if test(mode):
            return name
    return "a special file"


def is_stale_temporary(name: str) -> bool:
    """Whether ``name`` is a temporary file of write_bytes_atomic whose writer is gone: made on
    this host by a process that no longer runs. A name without host and pid (another
    program's file, or a user's own ``.x.ipplan-abcdefgh.tmp``) never is."""
    m = _temporary_name().fullmatch(name)
    if m is None or m["host"] != _host():
        return False
    pid = int(m["pid"])
    if pid <= 0 or pid == os.getpid():
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except OSError:  # alive, but another user's
        return False
    return _zombie(pid)


@functools.cache
def _temporary_name() -> re.Pattern[str]:
    return re.compile(STALE_TEMPORARY)


def _zombie(pid: int) -> bool:
    """Whether ``pid`` has ended but not been reaped yet (Linux; elsewhere: no)."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as fh:
            state = fh.read().rpartition(b")")[2].split()[:1]
    except OSError:
        return False
    return state in ([b"Z"], [b"X"])


def _umask() -> int:
    """The process umask (read by setting and restoring it: there is no getter)."""
    mask = os.umask(0)
    os.umask(mask)
    return mask


@functools.cache
def _host() -> str:
    """This host in temporary names (6 hex digits of its name's CRC): a pid means nothing elsewhere."""
    import platform
    import zlib

    return f"{zlib.crc32(platform.node().encode('utf-8', 'replace')) & 0xFFFFFF:06x}"


# --- standard output ------------------------------------------------------------------------

class StreamError(OSError):
    """A write to standard output failed (EPIPE, ENOSPC, EIO, a short write)."""


class _CheckedFd(io.RawIOBase):
    """The raw layer of a checked standard output: every write goes through write_all."""

    def __init__(self, fd: int) -> None:
        super().__init__()
        self._fd = fd

    def writable(self) -> bool:
        return True

    def fileno(self) -> int:
        return self._fd

    def isatty(self) -> bool:
        return os.isatty(self._fd)

    def write(self, b) -> int:  # type: ignore[no-untyped-def, override]
        try:
            write_all(self._fd, bytes(b))
        except OSError as exc:
            raise StreamError(exc.errno, exc.strerror or str(exc)) from None
        return len(b)


def check_stdout() -> None:
    """Put standard output on a checked writer (same file descriptor, encoding and line
    buffering), so that a full disk or a closed pipe raises StreamError instead of losing
    output. Left alone when standard output is not a real file (a test runner's buffer)."""
    old = sys.stdout
    if old is None or isinstance(getattr(old, "buffer", None), io.BufferedWriter) and \
            isinstance(old.buffer.raw, _CheckedFd):
        return
    try:
        fd = old.fileno()
    except (AttributeError, OSError, ValueError):
        return
    old.flush()
    sys.stdout = io.TextIOWrapper(io.BufferedWriter(_CheckedFd(fd)), encoding=old.encoding, errors=old.errors,
                                  line_buffering=old.line_buffering)


def silence_stdout() -> None:
    """After EPIPE: point file descriptor 1 at the null device, so that the interpreter's
    last flush at exit does not fail again (and print "Exception ignored …")."""
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
        os.close(null)
    except (OSError, ValueError, AttributeError):
        pass
