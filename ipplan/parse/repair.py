"""Layout damage of pasted, converted and OCR'd text, repaired right after width folding
(before script conversion, which works on phrases a wrap or a stray space may have cut:
智慧財|產權), so every later stage sees whole paragraphs.

Two repairs, each switched on only by evidence in the document itself, so clean text is
never touched:

- **Hard wraps** (text copied out of a PDF viewer or an OCR tool, one screen line per
  line): when at least WRAP_MIN_SHARE of the lines (and WRAP_MIN_LINES) end within
  WRAP_SLACK display columns of one width, that width is the wrap width. A line that long
  continues on the next line unless it ends a sentence, or the next line starts an outline
  item or is a table row, or the line is a whole heading (an item ending in a bracket that
  closes it, without clause punctuation); a page-chrome line in between (a page number)
  is stepped over.
  Display width counts a Chinese character or full-width sign as two columns, as the
  wrapping tools do.
- **OCR spacing** (知 识 产权): a space between two Chinese characters, or between one and
  Chinese punctuation or a bracket, is removed when such spaces are frequent: at least
  DESPACE_DOC_MIN of them and DESPACE_DOC_RATE of the document's characters (then any space next to a Chinese character or sign goes: 计划
  (2023, 占 GDP), or DESPACE_LINE_MIN of them at DESPACE_LINE_RATE in one line. A
  space before an outline marker (…方案 一、总体要求) is kept: it separates items of a
  one-line paste. Occasional spaces (a heading and its text, 指导思想 以…) are left alone.
"""

from __future__ import annotations

import re
from collections import Counter

from ipplan.parse.brackets import CLOSE, bracket_depth
from ipplan.parse.vocab.markers import is_table_row, match_marker
from ipplan.parse.vocab.text import PAGE_NUMBER, SENTENCE_END

WRAP_MIN_LINES = 5
WRAP_MIN_SHARE = 0.3
#: Narrower wrap widths are not looked for (a column of short names is not wrapped text).
WRAP_MIN_WIDTH = 24
WRAP_SLACK = 3  # a wide character that did not fit, spaces stripped at the ends
_CLAUSE_PUNCT = re.compile(r"[，,；;。]")
#: Characters one display column wide; every other one is two.
_NARROW = re.compile(r"[\x20-\u10ff\uff61-\uffdc]")

#: Clean text has about one such space per 5,000 characters, a one-line paste one per 100
#: to 500 (a heading and its text); OCR output one per 2 to 50.
DESPACE_DOC_RATE = 1 / 70
DESPACE_DOC_MIN = 10  # (a short text with one or two spaces is no evidence)
DESPACE_LINE_MIN = 3
DESPACE_LINE_RATE = 1 / 30
#: A space inside Chinese text: between two characters, or before Chinese punctuation.
_GAP = re.compile(r"(?<=[\u4e00-\u9fff]) (?=[\u4e00-\u9fff，、。；：？！）)》”])|(?<=[，、。；（(《“]) (?=[\u4e00-\u9fff])")
#: In a document spaced throughout, any space next to a Chinese character or sign goes.
_CN = "\u3000-\u303f\u4e00-\u9fff\uff01-\uff0f\uff1a-\uff20\u2014\u2018\u2019\u201c\u201d"
_LOOSE_GAP = re.compile(rf"(?<=[{_CN}]) (?=\S)|(?<=\S) (?=[{_CN}])")


def unspace(text: str) -> str:
    """A name without the stray spaces OCR leaves inside Chinese text (市科 技局 → 市科技局):
    for names, indicators and titles, where such a space never belongs."""
    return _LOOSE_GAP.sub("", text) if " " in text else text


def repair(lines: list[str]) -> list[str]:
    """Lines with hard wraps re-joined and OCR spacing removed."""
    return despace(unwrap(lines))


def width(text: str) -> int:
    """Display columns of ``text``: two for Chinese characters and full-width signs."""
    return 2 * len(text) - len(_NARROW.findall(text))


def wrap_width(lines: list[str]) -> int | None:
    """The width the text was hard-wrapped at, or None when it was not."""
    if len(lines) < WRAP_MIN_LINES:
        return None
    counts = Counter(w for w in map(width, lines) if w >= WRAP_MIN_WIDTH)
    if not counts:
        return None
    best, hits = max(((w, sum(counts[v] for v in range(w - WRAP_SLACK, w + 1))) for w in counts),
                     key=lambda p: (p[1], p[0]))
    return best if hits >= max(WRAP_MIN_LINES, WRAP_MIN_SHARE * len(lines)) else None


def unwrap(lines: list[str]) -> list[str]:
    wrap = wrap_width(lines)
    if wrap is None:
        return lines
    out: list[str] = []
    last = -1  # index in ``out`` of the line a continuation joins
    continues = False
    for text in lines:
        if continues and PAGE_NUMBER.fullmatch(text):  # a page number between two halves of a line
            out.append(text)
            continue
        if continues and not is_table_row(text) and match_marker(text) is None:
            out[last] += text  # wrapped mid-word (5|0家): no space
        else:
            out.append(text)
            last = len(out) - 1
        continues = (wrap - WRAP_SLACK <= width(text) <= wrap and not SENTENCE_END.search(text)
                     and not is_table_row(text) and not _whole_heading(text))
    return out


def _whole_heading(text: str) -> bool:
    """A heading that happens to fill the line: an item without sentence punctuation
    ending in a closing bracket that balances it (（二）第二阶段：…（2020—2025年）)."""
    return (text[-1] in CLOSE and match_marker(text) is not None and not _CLAUSE_PUNCT.search(text)
            and bracket_depth(text, 0, len(text)) == 0)


def despace(lines: list[str]) -> list[str]:
    gaps = [sum(1 for m in _GAP.finditer(t) if not match_marker(t, m.end())) if " " in t else 0 for t in lines]
    total = sum(gaps)
    if not total:
        return lines
    everywhere = total >= DESPACE_DOC_MIN and total >= DESPACE_DOC_RATE * sum(map(len, lines))
    out = []
    for text, n in zip(lines, gaps):
        if everywhere or n >= DESPACE_LINE_MIN and n >= DESPACE_LINE_RATE * len(text):
            gap = _LOOSE_GAP if everywhere else _GAP
            text = gap.sub(lambda m: m.group() if match_marker(text, m.end()) else "", text)
        out.append(text)
    return out
