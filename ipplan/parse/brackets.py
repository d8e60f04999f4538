"""Bracket depth: the one home for "outside brackets and quotes" (splitting unit lists at
top-level 、, finding inline markers and numbers at depth 0)."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from ipplan import patterncache
from ipplan.parse.rules import lazy

OPEN = "(（《“‘[［〔【「『"
CLOSE = ")）》”’]］〕】」』"

#: A quote scraped text closes with an ASCII " (“双随机"检查): it closes the “ it follows, and is
#: an ordinary character anywhere else.
ASCII_CLOSE = {'"': "“"}

# The scans below jump between bracket (and separator) characters with a regex instead of
# looping over every character in Python: 5–10× faster on plan-sized paragraphs.
_BRACKET = lazy("[" + re.escape(OPEN + CLOSE + "".join(ASCII_CLOSE)) + "]")
#: Without an opening bracket nothing is inside one (a stray closing one or " changes nothing):
#: most clauses, which then need no scan at all.
_OPENER = lazy("[" + re.escape(OPEN) + "]")


@functools.cache
def _specials(seps: str) -> re.Pattern[str]:
    return patterncache.compile("[" + re.escape(OPEN + CLOSE + "".join(ASCII_CLOSE) + seps) + "]")


@functools.cache
def _separators(seps: str) -> re.Pattern[str]:
    return patterncache.compile("[" + re.escape(seps) + "]")


def depth_mask(text: str) -> list[int]:
    """Bracket depth of each character (a bracket itself counts as outside); “…" closes at
    the ASCII quote.

    >>> depth_mask("a(b)c"), depth_mask('“a"b')
    ([0, 0, 1, 0, 0], [0, 1, 0, 0])
    """
    if _OPENER.search(text) is None:
        return [0] * len(text)
    out: list[int] = []
    depth = pos = 0
    opened: list[str] = []
    for m in _BRACKET.finditer(text):
        i = m.start()
        ch = text[i]
        out.extend([depth] * (i - pos))
        if ch in ASCII_CLOSE:
            if opened and opened[-1] == ASCII_CLOSE[ch]:
                opened.pop()
                depth -= 1
            out.append(depth)
        elif ch in CLOSE:
            if opened:
                opened.pop()
            depth -= depth > 0
            out.append(depth)
        else:
            out.append(depth)
            opened.append(ch)
            depth += 1
        pos = i + 1
    out.extend([depth] * (len(text) - pos))
    return out


def bracket_depth(text: str, start: int, end: int, depth: int = 0) -> int:
    """Depth at ``end``, continuing from ``depth`` at ``start`` (for incremental scans)."""
    for m in _BRACKET.finditer(text, start, end):
        if m.group() in OPEN:
            depth += 1
        elif depth:
            depth -= 1
    return depth


def closes_later(text: str, pos: int, depth: int) -> bool:
    """Whether a bracket open at ``pos`` (``depth`` deep) closes later in ``text``; one left
    open to the end (a source that cut a bracket's close) holds nothing.

    >>> closes_later("（甲 第一条 乙）", 3, 1), closes_later("（甲 第一条 乙", 3, 1)
    (True, False)
    """
    d = depth
    for m in _BRACKET.finditer(text, pos):
        if m.group() in OPEN:
            d += 1
        elif d:
            d -= 1
            if d < depth:
                return True
    return False


def split_top(text: str, seps: str) -> list[str]:
    """Split at separator characters outside brackets; parts stripped, empty ones dropped.

    >>> split_top("各县(市、区)政府、市科技局", "、")
    ['各县(市、区)政府', '市科技局']
    """
    if _OPENER.search(text) is None:
        return [s for p in _separators(seps).split(text) if (s := p.strip())]
    return [text[a:b] for a, b in top_spans(text, seps)]


def top_spans(text: str, seps: str, start: int = 0, end: int | None = None) -> Iterator[tuple[int, int]]:
    """(start, end) of the parts of ``text[start:end]`` between separators outside brackets,
    spaces trimmed, empty parts left out: ``split_top`` with positions.

    >>> list(top_spans("甲(乙，丙)， 丁", "，"))
    [(0, 6), (8, 9)]
    """
    end = len(text) if end is None else end
    depth, left = 0, start
    opened: list[str] = []
    bounds: list[tuple[int, int]] = []
    for m in _specials(seps).finditer(text, start, end):
        ch = m.group()
        if ch in OPEN:
            depth += 1
            opened.append(ch)
        elif ch in CLOSE:
            depth -= depth > 0
            if opened:
                opened.pop()
        elif ch in ASCII_CLOSE:
            if opened and opened[-1] == ASCII_CLOSE[ch]:
                opened.pop()
                depth -= 1
        elif depth == 0:
            bounds.append((left, m.start()))
            left = m.end()
    bounds.append((left, end))
    for a, b in bounds:
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if a < b:
            yield a, b


@functools.lru_cache(maxsize=256)
def top_groups(text: str) -> tuple[tuple[int, int], ...]:
    """(open, close) of every bracket group at depth 0, in one pass (close = len if unclosed);
    an ASCII " closes the “ it follows (“双随机"检查), as in split_top. Cached: every
    clause rule scans a paragraph's groups."""
    out, depth, start = [], 0, 0
    opened: list[str] = []
    for m in _BRACKET.finditer(text):
        i, ch = m.start(), m.group()
        if ch in ASCII_CLOSE:
            if not (opened and opened[-1] == ASCII_CLOSE[ch]):
                continue
            ch = CLOSE[0]
        if ch in OPEN:
            if depth == 0:
                start = i
            depth += 1
            opened.append(ch)
        elif ch in CLOSE and depth:
            depth -= 1
            opened.pop()
            if depth == 0:
                out.append((start, i))
    if depth:
        out.append((start, len(text)))
    return tuple(out)


def matching_close(text: str, start: int) -> int:
    """Index of the bracket closing the one at ``start`` (len(text) if unclosed)."""
    depth = 0
    for i in range(start, len(text)):
        if text[i] in OPEN:
            depth += 1
        elif text[i] in CLOSE:
            depth -= 1
            if depth == 0:
                return i
    return len(text)


def matching_open(text: str, end: int) -> int:
    """Index of the bracket opening the one at ``end`` (-1 if none)."""
    depth = 0
    for i in range(end, -1, -1):
        if text[i] in CLOSE:
            depth += 1
        elif text[i] in OPEN:
            depth -= 1
            if depth == 0:
                return i
    return -1
