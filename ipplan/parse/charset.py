"""Text encodings: decide how a document's bytes are decoded, by content.

Order: a BOM decides (utf-8-sig, utf-16-le, utf-16-be); else strict UTF-8 (the fast path);
else every Chinese legacy codec in CANDIDATES that decodes the bytes strictly is scored by
the share of its characters that are common Chinese characters (data/common_chars.txt,
derived from jieba's dictionary), and the best one wins only when it reads as Chinese
(MIN_SHARE) and clearly better than the runner-up (MARGIN). Anything else is an error,
never mojibake: a short text that reads as Chinese under two codecs asks for ``--encoding``.

GB2312 and GBK bytes decode identically under GB18030 (a superset), so they are reported
as ``gb18030``; Big5 is decoded with cp950 (Microsoft's Big5, what Windows writes) and
reported as ``big5``, or with Big5-HKSCS (``big5hkscs``) when only that decodes.

A general-purpose detector (charset-normalizer) is not used: on the samples cut into short
pieces it picked the wrong codec for 53% of 2-character, 25% of 4-character and 4% of
8-character texts (GB18030 vs Big5), silently; this scorer picked none wrongly and refused
7%, 2% and 0.7% of them (tests/test_charset.py).
"""

from __future__ import annotations

import codecs
import functools
from importlib import resources
from typing import NamedTuple

from ipplan.errors import ReadError

#: BOM → (codec, reported name). UTF-8's before UTF-16's; longer BOMs first.
BOMS: tuple[tuple[bytes, str, str], ...] = (
    (codecs.BOM_UTF8, "utf-8", "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16-be"),
)

#: Legacy Chinese codecs tried when the bytes are not UTF-8: (codec, reported name).
#: A later codec of the same family is skipped when an earlier one decodes.
CANDIDATES: tuple[tuple[str, str, str], ...] = (
    ("gb18030", "gb18030", "gb"),
    ("cp950", "big5", "big5"),
    ("big5hkscs", "big5hkscs", "big5"),
)

#: Least share of common characters for a decoding to count as Chinese text.
MIN_SHARE = 0.6
#: How much better than the runner-up the chosen decoding must score.
MARGIN = 0.25

#: Ranges whose characters are scored: CJK ideographs (common or not) and the characters
#: that mojibake of Chinese produces (kana, Hangul, Greek/Cyrillic, box drawing, private use).
_IDEOGRAPHS = ((0x3400, 0x9FFF), (0xF900, 0xFAFF), (0x20000, 0x3FFFF))
_SUSPECT = ((0x0370, 0x04FF), (0x2500, 0x257F), (0x3040, 0x30FF), (0xAC00, 0xD7AF), (0xE000, 0xF8FF),
            (0xFF61, 0xFF9F))


class Decoded(NamedTuple):
    text: str
    encoding: str


@functools.cache
def _common() -> frozenset[str]:
    lines = resources.files("ipplan.parse.data").joinpath("common_chars.txt").read_text("utf-8").splitlines()
    return frozenset("".join(line for line in lines if not line.startswith("#")))


@functools.cache
def _scored_table() -> dict[int, str]:
    """Translate table: common characters → "C", other scored characters → "X"."""
    table = {cp: "X" for lo, hi in _IDEOGRAPHS[:2] + _SUSPECT for cp in range(lo, hi + 1)}
    table.update({ord(c): "C" for c in _common()})
    return table


def common_share(text: str) -> float | None:
    """Share of common Chinese characters among the scored ones; None if there are none."""
    marked = text.translate(_scored_table())
    good = marked.count("C") - text.count("C")
    rest = marked.count("X") - text.count("X")
    rest += sum(1 for ch in text if ord(ch) >= 0x20000)  # supplementary ideographs: not in the table
    total = good + rest
    return good / total if total else None


def decode_text(data: bytes, name: str, encoding: str | None = None) -> Decoded:
    """Decode a text document's bytes (see the module docstring); ``encoding`` forces a codec."""
    if encoding:
        return decode_as(data, encoding, name)
    for bom, codec, reported in BOMS:
        if data.startswith(bom):
            return Decoded(_strict(data[len(bom) :], codec, name), reported)
    if b"\x00" in data[:8192]:
        raise ReadError(_nul_message(data), name)
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        return _detect(data, name)


def decode_as(data: bytes, encoding: str, name: str) -> Decoded:
    """Decode strictly with a named codec; the reported name is Python's canonical one."""
    try:
        codec = codecs.lookup(encoding).name
    except LookupError:
        raise ReadError(f"unknown encoding {encoding!r}", name) from None
    try:
        return Decoded(data.decode(codec), codec)
    except UnicodeDecodeError as exc:
        raise ReadError(f"not valid {encoding} at byte {exc.start}", name) from None


def _detect(data: bytes, name: str) -> Decoded:
    scored: list[tuple[float, str, str]] = []
    done: set[str] = set()
    for codec, reported, family in CANDIDATES:
        if family in done:
            continue
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        done.add(family)
        share = common_share(text)
        scored.append((share if share is not None else 0.0, reported, text))
    if not scored:
        raise ReadError("cannot decode: not UTF-8, UTF-16, GB18030 or Big5 text (try --encoding)", name)
    scored.sort(key=lambda s: -s[0])
    best = scored[0]
    if best[0] < MIN_SHARE:
        raise ReadError(f"cannot decode: no encoding reads as Chinese text ({best[1]} gives "
                        f"{_preview(best[2])!r}; try --encoding)", name)
    if len(scored) > 1 and scored[1][0] > best[0] - MARGIN:
        other = scored[1]
        raise ReadError(f"ambiguous encoding: reads as {best[1]} ({_preview(best[2])!r}) or {other[1]} "
                        f"({_preview(other[2])!r}); use --encoding", name)
    return Decoded(best[2], best[1])


def _preview(text: str, size: int = 12) -> str:
    return " ".join(text.split())[:size]


def _nul_message(data: bytes) -> str:
    """NUL bytes: a UTF-16 text without its BOM (NULs in one half, text in the other), or binary."""
    head = data[:4096]
    for nul_half, other, codec in ((head[1::2], head[0::2], "utf-16-le"), (head[0::2], head[1::2], "utf-16-be")):
        printable = sum(1 for b in other if b >= 0x20 or b in b"\t\n\r")
        if nul_half.count(0) > len(head) // 8 and other.count(0) < nul_half.count(0) // 8 \
                and printable > 0.9 * len(other):
            return f"looks like UTF-16 without a BOM (try --encoding {codec})"
    return "binary file (contains NUL bytes), not a text document"


def _strict(data: bytes, codec: str, name: str) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        raise ReadError(f"invalid {codec} at byte {exc.start}", name) from None
