"""Safe loading of plan files (YAML or JSON) that knows where every value is.

Protections, for files that arrive in pull requests:

- the size is checked before reading (``MAX_BYTES``, 10 MiB by default), and the text
  must be UTF-8 (a BOM is allowed); devices, FIFOs and sockets are refused unread, and
  so is a symbolic link in the working folder that leads out of it;
- YAML is read as a stream of parser events (libyaml when available); nothing is
  constructed by tag, so no Python objects, and any anchor or alias stops the load at
  once (P003): an alias bomb is rejected after its first ``&``, in bounded memory;
- duplicate mapping keys are reported (P004), not silently merged; the first value is kept;
- nesting is limited (``MAX_DEPTH``), so deep files cannot exhaust the stack;
- scalars follow YAML 1.2's core schema (``ipplan.planfile``, the rule ipplan's writer
  follows too): only ``true``/``false`` are booleans and only ``null``/``~``/empty are
  null; numbers are numbers; everything else (``no``, ``on``, ``2022-06-15``) stays a
  string, and the plan schema then checks types strictly;
- a number literal over ``planfile.MAX_NUMBER_CHARS`` characters stops the load (P009)
  before it is converted, and a lone surrogate (``"\\ud800"``) is a syntax error (P002),
  so no value reaches the output that cannot be printed.

JSON files (``*.json``) go through ipplan's strict decoder (``jsonpos``) instead.

Positions are found lazily: the first pass builds the data only; :meth:`Loaded.locate`
re-reads the text for the few field paths that findings name, so memory stays
proportional to the data, not to the number of values.
"""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from ipplan import planfile
from ipplan.errors import IpplanError
from ipplan.validate import jsonpos
from ipplan.validate.rules import (MAX_FINDINGS_PER_FILE, RULES_BY_CODE, FieldPath, Finding, display_path, format_path,
                                   message, printable, show)

MAX_BYTES = 10 * 1024 * 1024
MAX_DEPTH = 64
JSON_SUFFIXES = (".json",)

_STR_TAG = "tag:yaml.org,2002:str"
_ALLOWED_TAGS = {
    "scalar": (None, "!", _STR_TAG),
    "mapping": (None, "tag:yaml.org,2002:map"),
    "sequence": (None, "tag:yaml.org,2002:seq"),
}


class Pos(NamedTuple):
    """1-based line and column of a value and of its mapping key (the value's own for list items)."""

    line: int
    col: int
    key_line: int
    key_col: int
    plain: str | None = None  # the source text of an unquoted YAML scalar


class PlanFileError(IpplanError):
    """A plan file that cannot be read or loaded: the one-line message names file, line and column."""

    def __init__(self, finding: Finding, path: str | None = None) -> None:
        super().__init__(finding.message, path)
        self.finding = finding
        self.exit_code = 2 if RULES_BY_CODE[finding.code].stage == "read" else 1

    def __str__(self) -> str:
        f = self.finding
        path = display_path(self.path) if self.path else None
        where = f"{path}:{f.line}:{f.col}" if path and f.line else path
        text = printable(f.message)
        return f"{where}: {f.code} {text}" if where else f"{f.code} {text}"


def _finding(code: str, line: int = 0, col: int = 0, path: FieldPath = (), **args: Any) -> Finding:
    return Finding(code, message(code, **args), line, col, format_path(path))


@dataclass
class Loaded:
    """A loaded plan file: the data, the text it came from, and non-fatal load problems."""

    data: Any
    text: str
    kind: str  # "yaml" or "json"
    problems: list[Finding] = field(default_factory=list)
    first_line: int = 1  # the line of the file the text starts on (a line of a .jsonl file)

    def locate(self, paths: set[FieldPath]) -> dict[FieldPath, Pos]:
        """Positions of the given field paths (those that exist) from a second pass over the
        text, which stops as soon as all are found."""
        want = {p for p in paths if _exists(self.data, p)}
        found: _Positions = _Positions(len(want))
        if want:
            try:
                _compose(self.text, self.kind, want=want, positions=found, problems=[], first_line=self.first_line)
            except _AllFound:
                pass
        return dict(found)


class _AllFound(Exception):
    pass


class _Positions(dict[FieldPath, Pos]):
    """Positions found so far; raises _AllFound when the last wanted one comes in."""

    def __init__(self, wanted: int) -> None:
        super().__init__()
        self.wanted = wanted

    def __setitem__(self, path: FieldPath, pos: Pos) -> None:
        super().__setitem__(path, pos)
        if len(self) >= self.wanted:
            raise _AllFound


def _exists(data: Any, path: FieldPath) -> bool:
    for part in path:
        if isinstance(part, str):
            found = isinstance(data, dict) and part in data
        else:
            found = isinstance(data, list) and 0 <= part < len(data)
        if not found:
            return False
        data = data[part]
    return True


def kind_of(path: str | os.PathLike[str]) -> str:
    return "json" if str(path).lower().endswith(JSON_SUFFIXES) else "yaml"


def read_text(path: str | os.PathLike[str], *, max_bytes: int = MAX_BYTES) -> str:
    """The file's text: size checked before reading, strict UTF-8. Raises PlanFileError (P010–P012)
    without reading for a device, FIFO or socket, and for a link out of the working folder."""
    name = str(path)
    try:
        if escapes_by_link(path):
            raise PlanFileError(_finding("P012", detail="a symbolic link to a file outside the working folder: "
                                                        "not read"), name)
        st = os.stat(path)
        if stat.S_ISDIR(st.st_mode):
            raise IsADirectoryError
        if not stat.S_ISREG(st.st_mode):  # /dev/zero never ends; a FIFO blocks the run
            raise PlanFileError(_finding("P012", detail="not a regular file (a device, FIFO or socket): not read"),
                                name)
        if st.st_size > max_bytes:
            raise PlanFileError(_finding("P010", size=st.st_size, limit=max_bytes), name)
        with open(path, "rb") as fh:
            data = _read_at_most(fh, max_bytes + 1)
    except IsADirectoryError:
        raise PlanFileError(_finding("P012", detail="is a directory"), name) from None
    except OSError as exc:
        raise PlanFileError(_finding("P012", detail=(exc.strerror or str(exc)).lower()), name) from None
    if len(data) > max_bytes:  # grew since stat
        raise PlanFileError(_finding("P010", size=len(data), limit=max_bytes), name)
    return decode(data, name)


def escapes_by_link(path: str | os.PathLike[str]) -> bool:
    """Whether ``path`` lies in the working folder but a symbolic link (the file's or a
    folder's on the way) leads out of it: a pull request could add such a link to
    ``/etc/passwd`` or a secret. Paths given outside the working folder are the user's own."""
    given = os.path.abspath(path)
    real = os.path.realpath(path)
    if real == given:
        return False
    root = os.path.realpath(os.getcwd())
    return _inside(given, root) and not _inside(real, root)


def _inside(path: str, root: str) -> bool:
    return path == root or path.startswith(root.rstrip(os.sep) + os.sep)


def _read_at_most(fh: Any, limit: int) -> bytes:
    """Up to ``limit`` bytes, in 1 MiB reads (``read(limit)`` would allocate all of ``limit`` at once)."""
    chunks: list[bytes] = []
    total = 0
    while total < limit and (chunk := fh.read(min(1 << 20, limit - total))):
        chunks.append(chunk)
        total += len(chunk)
    return b"".join(chunks)


def decode(data: bytes, name: str | None = None) -> str:
    """Strict UTF-8 (a leading BOM dropped); the error gives the line and column of the first bad byte."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise PlanFileError(_finding("P011", 1, 1, detail="UTF-16 text: plan files must be UTF-8"), name)
    try:
        return data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as exc:
        start = data.rfind(b"\n", 0, exc.start) + 1
        line = data.count(b"\n", 0, exc.start) + 1
        col = len(data[start : exc.start].decode("utf-8", "replace")) + 1
        detail = f"not UTF-8: byte 0x{data[exc.start]:02X} cannot be decoded (save the file as UTF-8)"
        raise PlanFileError(_finding("P011", line, col, detail=detail), name) from None


def load_text(text: str, kind: str = "yaml", *, name: str | None = None, first_line: int = 1) -> Loaded:
    """Load YAML or JSON text. Fatal problems (syntax, anchors, tags, …) raise PlanFileError;
    duplicate keys are returned in ``Loaded.problems``. ``first_line`` numbers the lines of a
    JSON text that is one line of a .jsonl file."""
    problems: list[Finding] = []
    data = _compose(text, kind, want=None, positions={}, problems=problems, name=name, first_line=first_line)
    return Loaded(data, text, kind, problems, first_line)


def jsonl_lines(text: str) -> list[tuple[int, str]]:
    """(line number, text) of each non-blank line of a .jsonl file: one plan per line."""
    return [(n, line) for n, line in enumerate(text.split("\n"), 1) if line.strip()]


def load_file(path: str | os.PathLike[str], *, max_bytes: int = MAX_BYTES) -> Loaded:
    name = str(path)
    return load_text(read_text(path, max_bytes=max_bytes), kind_of(path), name=name)


def load_plan_file(path: str | os.PathLike[str], *, max_bytes: int = MAX_BYTES) -> dict[str, Any]:
    """Safely load a plan file (YAML or JSON) into a dict, with every protection of
    ``ipplan validate``; any problem (duplicate keys included) raises PlanFileError.
    The result is not checked against the schema: use ``Plan.model_validate`` for that."""
    loaded = load_file(path, max_bytes=max_bytes)
    if loaded.problems:
        raise PlanFileError(loaded.problems[0], str(path))
    if not isinstance(loaded.data, dict):
        detail = f"the top level is a {'list' if isinstance(loaded.data, list) else 'scalar'}, not a plan mapping"
        raise PlanFileError(_finding("P001", 1, 1, detail=detail), str(path))
    return loaded.data


# --- composition ---------------------------------------------------------------------


class _Fatal(Exception):
    def __init__(self, finding: Finding) -> None:
        self.finding = finding


def _compose(text: str, kind: str, *, want: set[FieldPath] | None, positions: dict[FieldPath, Pos],
             problems: list[Finding], name: str | None = None, first_line: int = 1) -> Any:
    try:
        if not text.strip():
            raise _Fatal(_finding("P006", first_line, 1))
        if kind == "json":
            return _compose_json(text, want, positions, problems, first_line)
        return _compose_yaml(text, want, positions, problems)
    except _Fatal as exc:
        raise PlanFileError(exc.finding, name) from None


class _Lines:
    """Character index → 1-based (line, column)."""

    def __init__(self, text: str, first_line: int = 1) -> None:
        self.starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self.first_line = first_line

    def __call__(self, index: int) -> tuple[int, int]:
        import bisect

        k = bisect.bisect_right(self.starts, index) - 1
        return k + self.first_line, index - self.starts[k] + 1


def _compose_json(text: str, want: set[FieldPath] | None, positions: dict[FieldPath, Pos],
                  problems: list[Finding], first_line: int = 1) -> Any:
    lines = _Lines(text, first_line)

    def on_value(path: FieldPath, index: int, key_index: int | None) -> None:
        if path in want:  # type: ignore[operator]
            line, col = lines(index)
            key_line, key_col = lines(key_index) if key_index is not None else (line, col)
            positions[path] = Pos(line, col, key_line, key_col)

    def on_duplicate(path: FieldPath, index: int, first: int) -> None:
        if len(problems) >= MAX_FINDINGS_PER_FILE:
            return
        line, col = lines(index)
        problems.append(_finding("P004", line, col, path, key=_quote(path[-1]), ref_line=lines(first)[0]))

    try:
        return jsonpos.loads(text, max_depth=MAX_DEPTH, max_number=planfile.MAX_NUMBER_CHARS,
                             on_value=on_value if want is not None else None, on_duplicate=on_duplicate)
    except jsonpos.JsonError as exc:
        line, col = lines(exc.index)
        if exc.kind == "depth":
            raise _Fatal(_finding("P008", line, col, limit=MAX_DEPTH)) from None
        if exc.kind == "number":
            raise _Fatal(_finding("P009", line, col, chars=exc.length, limit=planfile.MAX_NUMBER_CHARS)) from None
        raise _Fatal(_finding("P002", line, col, detail=f"JSON: {exc.message}")) from None


def _quote(key: Any) -> str:
    return show(str(key))


@dataclass
class _Frame:
    container: dict[str, Any] | list[Any]
    path: FieldPath
    skip: bool  # inside the value of a duplicate key: built, then dropped
    key: str | None = None  # mapping: the key waiting for its value
    key_mark: Any = None
    dup: bool = False
    key_lines: dict[str, int] = field(default_factory=dict)


def _mark(mark: Any) -> tuple[int, int]:
    return mark.line + 1, mark.column + 1


_SURROGATE = re.compile("[\ud800-\udfff]")


def _checked_str(ev: Any) -> str:
    """A quoted or tagged scalar's text. A "\\ud800" escape (refused by libyaml, kept by
    PyYAML's pure-Python parser) would give a string no output can encode."""
    if ev.style == '"' and (m := _SURROGATE.search(ev.value)):
        raise _Fatal(_finding("P002", *_mark(ev.start_mark),
                              detail=f"YAML: \\u{ord(m.group()):04x} is a lone surrogate, not a character"))
    return ev.value


def _short_tag(tag: str) -> str:
    return "!!" + tag[len("tag:yaml.org,2002:") :] if tag.startswith("tag:yaml.org,2002:") else tag


def _compose_yaml(text: str, want: set[FieldPath] | None, positions: dict[FieldPath, Pos],
                  problems: list[Finding]) -> Any:
    """Build the data from parser events (one pass, no recursion); see the module docstring."""
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    nodes = {yaml.ScalarEvent: "scalar", yaml.MappingStartEvent: "mapping", yaml.SequenceStartEvent: "sequence"}
    ends = (yaml.MappingEndEvent, yaml.SequenceEndEvent)
    root: Any = None
    docs = 0
    stack: list[_Frame] = []
    try:
        for ev in yaml.parse(text, Loader=loader):
            cls = ev.__class__
            node = nodes.get(cls)
            if node is None:
                if cls in ends:
                    stack.pop()
                elif cls is yaml.AliasEvent:
                    raise _Fatal(_finding("P003", *_mark(ev.start_mark), what="alias", name=f"*{ev.anchor}"))
                elif cls is yaml.DocumentStartEvent:
                    docs += 1
                    if docs > 1:
                        raise _Fatal(_finding("P007", *_mark(ev.start_mark)))
                continue
            if ev.anchor is not None:
                raise _Fatal(_finding("P003", *_mark(ev.start_mark), what="anchor", name=f"&{ev.anchor}"))
            if ev.tag is not None and ev.tag not in _ALLOWED_TAGS[node]:
                raise _Fatal(_finding("P005", *_mark(ev.start_mark),
                                      detail=f"YAML tag {_short_tag(ev.tag)} is not allowed"))
            frame = stack[-1] if stack else None
            if frame is not None and frame.key is None and frame.container.__class__ is dict:  # a mapping key
                if node != "scalar":
                    raise _Fatal(_finding("P005", *_mark(ev.start_mark), frame.path,
                                          detail="a mapping key must be a plain string"))
                key = _checked_str(ev)
                first = frame.key_lines.get(key)
                frame.key, frame.key_mark, frame.dup = key, ev.start_mark, first is not None
                if first is None:
                    frame.key_lines[key] = ev.start_mark.line + 1
                elif not frame.skip and len(problems) < MAX_FINDINGS_PER_FILE:
                    line, col = _mark(ev.start_mark)
                    problems.append(_finding("P004", line, col, (*frame.path, key), key=_quote(key), ref_line=first))
                continue
            # a value
            plain = node == "scalar" and ev.tag is None and not ev.style
            if node == "scalar":
                try:
                    value: Any = planfile.resolve(ev.value) if plain else _checked_str(ev)
                except planfile.NumberTooLong as exc:
                    raise _Fatal(_finding("P009", *_mark(ev.start_mark), chars=exc.chars,
                                          limit=planfile.MAX_NUMBER_CHARS)) from None
            else:
                value = {} if node == "mapping" else []
            slot: str | int | None
            if frame is None:
                root, slot, key_mark, skip = value, None, ev.start_mark, False
            elif frame.container.__class__ is dict:
                slot, key_mark, skip = frame.key, frame.key_mark, frame.skip or frame.dup
                if not frame.dup:
                    frame.container[frame.key] = value  # type: ignore[index]
                frame.key = None
            else:
                slot, key_mark, skip = len(frame.container), ev.start_mark, frame.skip
                frame.container.append(value)  # type: ignore[union-attr]
            if node == "scalar" and want is None:
                continue
            path: FieldPath = () if frame is None else (*frame.path, slot)  # type: ignore[arg-type]
            if want is not None and not skip and path in want:
                positions[path] = Pos(*_mark(ev.start_mark), *_mark(key_mark), ev.value if plain else None)
            if node != "scalar":
                if len(stack) >= MAX_DEPTH:
                    raise _Fatal(_finding("P008", *_mark(ev.start_mark), path, limit=MAX_DEPTH))
                stack.append(_Frame(value, path, skip))
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        detail = exc.problem or "malformed YAML"
        if exc.context and exc.context_mark is not None:
            detail += f" ({exc.context} at line {exc.context_mark.line + 1})"
        raise _Fatal(_finding("P002", *(_mark(mark) if mark else (1, 1)), detail=f"YAML: {detail}")) from None
    except yaml.reader.ReaderError as exc:
        index = exc.position
        if loader is not yaml.SafeLoader:  # libyaml counts UTF-8 bytes
            index = len(text.encode("utf-8")[:index].decode("utf-8", "ignore"))
        line, col = _Lines(text)(index)
        char = exc.character if isinstance(exc.character, str) else chr(exc.character)
        raise _Fatal(_finding("P002", line, col, detail=f"YAML: character U+{ord(char):04X} is not allowed")) from None
    except yaml.YAMLError as exc:  # pragma: no cover - other parser errors carry no mark
        raise _Fatal(_finding("P002", 1, 1, detail=f"YAML: {exc}")) from None
    if docs == 0 or root is None:
        raise _Fatal(_finding("P006", 1, 1))
    return root
