"""A strict JSON decoder that knows where each value starts.

The standard decoder gives no positions for nested values and silently keeps the last of
two equal keys. This one follows RFC 8259 (no NaN, comments or trailing commas), reports
duplicate keys, limits nesting, and reports the character index of every value (and of
its key) to an optional callback. Strings go through the C-accelerated
``json.decoder.scanstring``, so escapes and surrogate pairs decode exactly as in ``json``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

FieldPath = tuple[str | int, ...]
#: on_value(path, value_index, key_index): key_index is None for list items and the top.
OnValue = Callable[[FieldPath, int, "int | None"], None]
#: on_duplicate(path, key_index, first_key_index)
OnDuplicate = Callable[[FieldPath, int, int], None]

_WS = re.compile(r"[ \t\n\r]*")
_NUMBER = re.compile(r"-?(?:0|[1-9][0-9]*)(?P<frac>\.[0-9]+)?(?P<exp>[eE][-+]?[0-9]+)?")
_SURROGATE = re.compile("[\ud800-\udfff]")
_LITERALS = (("true", True), ("false", False), ("null", None))


class JsonError(ValueError):
    """Malformed JSON (``kind="syntax"``), nesting over the limit (``kind="depth"``) or a number
    longer than the limit (``kind="number"``) at ``index``."""

    def __init__(self, message: str, index: int, kind: str = "syntax", length: int = 0) -> None:
        super().__init__(message)
        self.message = message
        self.index = index
        self.kind = kind
        self.length = length  # kind="number": characters of the number


def loads(text: str, *, max_depth: int, max_number: int = 100, on_value: OnValue | None = None,
          on_duplicate: OnDuplicate | None = None) -> Any:
    """Decode one JSON document; the first of two equal keys wins (the second is reported).
    Numbers over ``max_number`` characters and lone surrogates (``"\\ud800"``, which no
    output can encode) are errors."""
    return _Decoder(text, max_depth, max_number, on_value, on_duplicate).document()


class _Decoder:
    def __init__(self, text: str, max_depth: int, max_number: int, on_value: OnValue | None,
                 on_duplicate: OnDuplicate | None) -> None:
        self.text = text
        self.max_depth = max_depth
        self.max_number = max_number
        self.on_value = on_value
        self.on_duplicate = on_duplicate

    def document(self) -> Any:
        value, i = self.value(self.ws(0), (), None, 0, True)
        i = self.ws(i)
        if i != len(self.text):
            raise JsonError("extra data after the JSON value", i)
        return value

    def ws(self, i: int) -> int:
        m = _WS.match(self.text, i)
        return m.end() if m else i

    def value(self, i: int, path: FieldPath, key_index: int | None, depth: int, record: bool) -> tuple[Any, int]:
        if record and self.on_value is not None:
            self.on_value(path, i, key_index)
        c = self.text[i : i + 1]
        if c == "{" or c == "[":
            if depth >= self.max_depth:
                raise JsonError(f"nesting deeper than {self.max_depth} levels", i, "depth")
            return (self.obj if c == "{" else self.arr)(i + 1, path, depth + 1, record)
        if c == '"':
            return self.string(i)
        m = _NUMBER.match(self.text, i)
        if m and m.end() > i:
            s = m.group()
            if len(s) > self.max_number:  # int() of 5,000 digits fails; of 4,000, takes quadratic time
                raise JsonError(f"a number of {len(s):,} characters", i, "number", len(s))
            return (float(s) if m["frac"] or m["exp"] else int(s)), m.end()
        for word, literal in _LITERALS:
            if self.text.startswith(word, i):
                return literal, i + len(word)
        raise JsonError("expected a value" if c else "unexpected end of file, expected a value", i)

    def string(self, i: int) -> tuple[str, int]:
        try:
            s, end = json.decoder.scanstring(self.text, i + 1, True)  # type: ignore[attr-defined]
        except json.JSONDecodeError as exc:
            raise JsonError(exc.msg.lower(), exc.pos) from None
        if self.text.find("\\", i, end) >= 0 and (m := _SURROGATE.search(s)):
            raise JsonError(f"\\u{ord(m.group()):04x} is a lone surrogate, not a character", i)
        return s, end

    def obj(self, i: int, path: FieldPath, depth: int, record: bool) -> tuple[dict[str, Any], int]:
        out: dict[str, Any] = {}
        first: dict[str, int] = {}
        i = self.ws(i)
        if self.text[i : i + 1] == "}":
            return out, i + 1
        while True:
            if self.text[i : i + 1] != '"':
                raise JsonError("expected a key in double quotes", i)
            key, j = self.string(i)
            j = self.ws(j)
            if self.text[j : j + 1] != ":":
                raise JsonError("expected ':' after the key", j)
            sub = path + (key,)
            dup = key in first
            if dup and record and self.on_duplicate is not None:
                self.on_duplicate(sub, i, first[key])
            value, j = self.value(self.ws(j + 1), sub, i, depth, record and not dup)
            if not dup:
                out[key] = value
                first[key] = i
            j = self.ws(j)
            c = self.text[j : j + 1]
            if c == "}":
                return out, j + 1
            if c != ",":
                raise JsonError("expected ',' or '}'", j)
            i = self.ws(j + 1)

    def arr(self, i: int, path: FieldPath, depth: int, record: bool) -> tuple[list[Any], int]:
        out: list[Any] = []
        i = self.ws(i)
        if self.text[i : i + 1] == "]":
            return out, i + 1
        while True:
            value, i = self.value(i, path + (len(out),), None, depth, record)
            out.append(value)
            i = self.ws(i)
            c = self.text[i : i + 1]
            if c == "]":
                return out, i + 1
            if c != ",":
                raise JsonError("expected ',' or ']'", i)
            i = self.ws(i + 1)
