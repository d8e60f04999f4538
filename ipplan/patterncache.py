"""The parser's regular expressions and data files, compiled once per machine: a cache of
sre's compiled code and of the data YAML gives.

Python compiles a regex in pure Python, and a character class holding a large range costs a
loop over every character of it: the CJK range alone (``[一-鿿]``, 20,992 characters) takes
about 1 ms wherever it stands, and the parser's tables hold it in dozens of patterns. A
cold `ipplan parse` compiled about 220 patterns in 0.09 s, half of its CPU time. This
module keeps what sre makes of a pattern (its code, a list of integers) in a file of the
user's cache folder and builds the pattern from it with ``_sre.compile``, as
``re.compile`` itself ends (about 10 µs instead of 0.1–4 ms); Python's ``.pyc`` files do the
same for bytecode.

- Only the parser's own fixed patterns come here (``rules.lazy``, ``PatternRule.regex`` and
  the tables' alternations), never one built from a document's text.
- The data files (parse/data/*.yaml) are kept the same way, as the data YAML gives, under
  the SHA-256 of their text (:func:`data`): a cold parse needs no YAML parser.
- The files are ``patterns-<python>-<sre magic>.marshal`` and ``data-….marshal`` in
  ``$IPPLAN_CACHE_DIR``, else ``$XDG_CACHE_HOME/ipplan``, else ``~/.cache/ipplan``.
  ``IPPLAN_NO_CACHE=1`` turns it off.
- It is read once per process with ``marshal`` (data only: nothing in it is run) and written
  at exit, when the process compiled patterns the file did not hold, atomically (a temporary
  file renamed over it), merged with what another process wrote meanwhile; a file grown past
  REWRITE_BYTES or MAX_ENTRIES (stale patterns of earlier versions) keeps only what the
  writing process used.
- Anything wrong (no home, a read-only or full disk, a file of another Python, a damaged or
  foreign file, a pattern sre refuses) makes it compile as ``re.compile`` does; it never
  fails a parse and prints nothing. ``_sre.compile`` checks the code it is given, so a
  damaged entry cannot crash the interpreter; the file's checksum (CRC-32) catches the rest.
  tests/test_patterncache.py checks that every pattern built from the cache equals
  ``re.compile``'s.
"""

from __future__ import annotations

import atexit
import hashlib
import marshal
import os
import re
import sys
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

try:  # Python 3.11 on
    import _sre
    from re import _compiler, _parser  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - Python 3.10
    import _sre
    import sre_compile as _compiler  # type: ignore[no-redef]
    import sre_parse as _parser  # type: ignore[no-redef]

#: Above this many entries, or this many bytes of them, the file is rewritten with only what the
#: last process used: patterns of earlier versions of ipplan (each release changes some) would
#: otherwise pile up, and the whole file is read by every cold process (one version's patterns
#: are about 0.6 MB; 16 MB of stale ones cost a cold parse 0.1 s).
MAX_ENTRIES = 5000
REWRITE_BYTES = 4 * 2**20
#: A file larger than this is not read (a pattern's code is a few KB at most).
MAX_BYTES = 32 * 2**20

#: What the code depends on: the interpreter, sre's version, the width of its code words.
_KEY = f"{sys.implementation.name}-{sys.hexversion:x}-{_sre.MAGIC}-{_sre.CODESIZE}-{sys.maxunicode:x}"
_FORMAT = 2  # of the file: in its name and its first line
_MAGIC = b"ipplan-patterns-%d\n" % _FORMAT

Entry = tuple[int, list[int], int, dict[str, int], tuple[Any, ...]]

#: {(pattern, flags): the marshalled Entry}, decoded only for the patterns a process uses (the
#: file holds those of every kind of document read on the machine).
_entries: dict[tuple[str, int], bytes] | None = None  # None: not read yet
_oversized = False  # the file read holds more than MAX_ENTRIES or REWRITE_BYTES
_new: dict[tuple[str, int], bytes] = {}
_used: set[tuple[str, int]] = set()
#: The data files read this way (see :func:`data`): {sha256 of the text: the data}.
_data: dict[str, bytes] | None = None  # the marshalled data
_new_data: dict[str, bytes] = {}


def enabled() -> bool:
    return os.environ.get("IPPLAN_NO_CACHE", "") in ("", "0")


def cache_file(kind: str = "patterns") -> Path | None:
    """Where the compiled patterns (``kind`` "patterns") or the data files ("data") of this
    Python are kept (None: no cache folder known)."""
    base = os.environ.get("IPPLAN_CACHE_DIR")
    if not base:
        xdg = os.environ.get("XDG_CACHE_HOME")
        home = os.path.expanduser("~")
        if xdg and os.path.isabs(xdg):
            base = os.path.join(xdg, "ipplan")
        elif home and home != "~" and os.path.isabs(home):
            base = os.path.join(home, ".cache", "ipplan")
        else:
            return None
    return Path(base) / f"{kind}-{_FORMAT}-{_KEY}.marshal"


def compile(pattern: str, flags: int | re.RegexFlag = 0) -> re.Pattern[str]:  # noqa: A001 - re.compile's name
    """``re.compile(pattern, flags)``, from the cache when it holds the pattern."""
    flags = int(flags)
    if not enabled():
        return re.compile(pattern, flags)
    entries = _load()
    key = (pattern, flags)
    blob = entries.get(key)
    if blob is not None:
        try:
            compiled = _build(pattern, marshal.loads(blob))
        except Exception:  # noqa: BLE001 - a damaged entry: compile it anew
            entries.pop(key, None)
        else:
            _used.add(key)
            return compiled
    entry = _code(pattern, flags)
    entries[key] = _new[key] = marshal.dumps(entry)
    _used.add(key)
    _at_exit()
    return _build(pattern, entry)


def data(text: str, load: Callable[[str], Any]) -> Any:
    """``load(text)`` for one of ipplan's data files (parse/data/*.yaml), from the cache
    when it holds the data of this very text (by its SHA-256): a cold parse then needs no
    YAML parser (PyYAML's import alone is 13 ms). Data that marshal cannot keep exactly
    (what YAML reads as a date …) is loaded each time."""
    if not enabled():
        return load(text)
    global _data
    if _data is None:
        path = cache_file("data")
        _data = _read(path) if path is not None else {}
    key = hashlib.sha256(text.encode("utf-8")).hexdigest()
    if key in _data:
        try:
            return marshal.loads(_data[key])  # a new copy each time: the caller may change it
        except Exception:  # noqa: BLE001 - a damaged entry: load the text
            del _data[key]
    value = load(text)
    try:
        blob = marshal.dumps(value)
    except ValueError:  # not plain data
        return value
    if _plain(value) and marshal.loads(blob) == value:
        _data[key] = _new_data[key] = blob
        _at_exit()
    return value


def _plain(value: Any) -> bool:
    """Only what YAML's safe loader gives and marshal keeps as it was."""
    if value is None or type(value) in (str, int, float, bool):
        return True
    if type(value) is list:
        return all(map(_plain, value))
    if type(value) is dict:
        return all(type(k) in (str, int) and _plain(v) for k, v in value.items())
    return False


_registered = False


def _at_exit() -> None:
    global _registered
    if not _registered:
        atexit.register(save)
        _registered = True


def _code(pattern: str, flags: int) -> Entry:
    """What ``re._compiler.compile`` makes of a pattern before ``_sre.compile``."""
    p = _parser.parse(pattern, flags)
    code = _compiler._code(p, flags)
    groupindex = dict(p.state.groupdict)
    indexgroup: list[str | None] = [None] * p.state.groups
    for k, i in groupindex.items():
        indexgroup[i] = k
    return flags | p.state.flags, list(map(int, code)), p.state.groups - 1, groupindex, tuple(indexgroup)


def _build(pattern: str, entry: Entry) -> re.Pattern[str]:
    final_flags, code, groups, groupindex, indexgroup = entry
    return _sre.compile(pattern, final_flags, code, groups, groupindex, indexgroup)


def _read(path: Path) -> dict[Any, Any]:
    """The entries of a cache file; {} when it is missing, foreign, damaged or too large."""
    try:
        with open(path, "rb") as fh:
            data = fh.read(MAX_BYTES + 1)
    except OSError:
        return {}
    head = len(_MAGIC) + 4
    if len(data) > MAX_BYTES or len(data) < head or not data.startswith(_MAGIC):
        return {}
    body = data[head:]
    if zlib.crc32(body).to_bytes(4, "big") != data[len(_MAGIC):head]:
        return {}
    try:
        key, entries = marshal.loads(body)
    except (EOFError, ValueError, TypeError):
        return {}
    if key != _KEY or not isinstance(entries, dict):
        return {}
    return entries


def _load() -> dict[tuple[str, int], bytes]:
    global _entries
    if _entries is None:
        path = cache_file()
        _entries = _read(path) if path is not None else {}
        if len(_entries) > MAX_ENTRIES or sum(map(len, _entries.values())) > REWRITE_BYTES:
            global _oversized
            _oversized = True  # grown too large: rewritten at exit with what this process uses
            _at_exit()
    return _entries


def save() -> None:
    """Write the patterns and data compiled since the files were read (merged with the files
    as they are now); called at exit. Silent on any failure."""
    if not enabled():
        return
    if _new or _oversized:
        used = {k: v for k, v in (_entries or {}).items() if k in _used}
        if _write("patterns", _new, used):
            _new.clear()
    if _new_data and _write("data", _new_data, dict(_new_data)):
        _new_data.clear()


def _write(kind: str, new: dict[Any, Any], used: dict[Any, Any]) -> bool:
    path = cache_file(kind)
    if path is None:
        return False
    try:
        merged = _read(path)
        if len(merged) + len(new) > MAX_ENTRIES or sum(map(len, merged.values())) > REWRITE_BYTES:
            merged = used
        merged.update(new)
        body = marshal.dumps((_KEY, merged))
        import tempfile

        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{kind}-", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(_MAGIC + zlib.crc32(body).to_bytes(4, "big") + body)
            os.replace(tmp, path)
        except BaseException:
            os.unlink(tmp)
            raise
    except Exception:  # noqa: BLE001 - a cache never fails the program
        return False
    return True
