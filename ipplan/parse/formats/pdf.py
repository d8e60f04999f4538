"""PDF with a text layer → text: lines in reading order, running headers/footers and page
numbers removed, lines re-joined into paragraphs.

pypdfium2 (PDFium) gives each character of a page with its origin and its advance box
(GetLooseCharBox). Both come from the PDF itself (text matrix, font size, the font's /W or
/Widths and its descriptor), never from the glyphs of the font that draws it: a PDF whose
fonts are not embedded (仿宋_GB2312, STSong-Light) is drawn with whatever font the
machine has, or none, and glyph boxes (GetCharBox, PDFium's text rects) then change from
machine to machine. So the reader never uses glyph boxes, and reads the same text on
every machine.

Characters are grouped into lines by baseline (sorted once, so the work is near-linear in
the characters of a page, at most MAX_PAGE_CHARS of them; MAX_CHARS in all) and read top to
bottom, left to right (single-column documents; multi-column pages are read across).
PDFium's generated line breaks are ignored, and so are its generated spaces except between
two Latin characters (a space is also put there where their boxes are over SPACE_EMS
apart), as join_parts joins cells. A line in the top or
bottom margin (MARGIN_SHARE of the page) is dropped when it is a page number (PAGE_NUMBER)
or when the same text, digits aside, stands there on at least half of the pages. A line
continues the paragraph above unless it starts with an outline marker, is indented, or the
line above stops well short of the right margin (or short of it after a sentence end).
Tables are read as lines of text, not pipe rows.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from dataclasses import dataclass

from ipplan.errors import ReadError
from ipplan.parse.formats.layout import TIGHT, join_parts
from ipplan.parse.vocab.markers import match_marker
from ipplan.parse.vocab.notices import NoticeRef
from ipplan.parse.vocab.text import PAGE_NUMBER, SENTENCE_END

#: Share of the page height, at the top and at the bottom, where headers and footers stand.
MARGIN_SHARE = 0.1
#: A running line must recur on at least this share of the pages (and on two or more).
RUNNING_SHARE = 0.5
#: Indentation (in character heights) that starts a paragraph.
INDENT_EMS = 1.0
#: A line that stops this far (in character heights) short of the right margin ends its
#: paragraph when it ends a sentence (SENTENCE_END); any line stopping LONG_EMS short does.
SHORT_EMS = 1.5
LONG_EMS = 4.0
#: Two characters whose baselines differ by less than this (in ems) stand on one line.
BASELINE_EMS = 0.5
#: A gap over this (in ems) between two Latin characters is a space.
SPACE_EMS = 0.25
#: A character drawn again within this distance (in ems) of itself is one character
#: (the "fake bold" of some PDF makers draws each character twice, slightly offset).
OVERDRAW_EMS = 0.2
#: Characters read from one page, and from the whole document (counted as PDFium counts
#: them, the pages' full counts); the rest is left out with a notice. A dense A4 page in
#: 5-pt type holds about 17,000, a plan page about 800, a 300-page plan about 250,000.
MAX_PAGE_CHARS = 20_000
MAX_CHARS = 1_000_000


@dataclass
class _Line:
    text: str
    left: float
    right: float
    top: float
    bottom: float
    page: int

    @property
    def height(self) -> float:
        return self.top - self.bottom


def pdf_to_text(data: bytes, name: str, notices: list[NoticeRef] | None = None) -> str:
    """The PDF's text as lines, one paragraph per line; what was left out (over the
    character limits) is added to ``notices``."""
    import pypdfium2 as pdfium

    from ipplan.parse.formats import pdffont

    pdffont.install()  # before any PDF is opened: no font of the machine is ever used
    notices = [] if notices is None else notices
    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise ReadError("encrypted PDF (a password is required); save an unprotected copy", name) from None
        raise ReadError(f"damaged PDF: {exc}", name) from None
    pages: list[list[_Line]] = []
    heights: list[float] = []
    budget = MAX_CHARS
    try:
        for i in range(len(pdf)):
            if budget <= 0:
                notices.append(NoticeRef("N013", f"PDF: over {MAX_CHARS:,} characters; pages {i + 1}-{len(pdf)} not read"))
                break
            page = pdf[i]
            try:
                lines, count = _page_lines(page, i, min(budget, MAX_PAGE_CHARS), notices)
                heights.append(page.get_height())
            finally:
                page.close()
            pages.append(lines)
            budget -= count
    except pdfium.PdfiumError as exc:
        raise ReadError(f"damaged PDF: {exc}", name) from None
    finally:
        pdf.close()
    if not any(line.text.strip() for page in pages for line in page):
        raise ReadError("PDF has no text layer (scanned?); run OCR on it first (e.g. ocrmypdf) "
                        "and parse the result", name)
    lines = drop_margins(pages, heights)
    return "\n".join(join_paragraphs(lines))


#: One character: (baseline, left, right, top, bottom, text, generated by PDFium).
_Char = tuple[float, float, float, float, float, str, bool]


def _page_chars(page, index: int, limit: int, notices: list[NoticeRef]) -> tuple[list[_Char], int]:
    """The page's characters (at most ``limit``) with their font-independent boxes, and how
    many characters the page has. Line breaks, NULs and generated characters other than
    spaces are left out."""
    import ctypes

    import pypdfium2.raw as raw

    tp = page.get_textpage()
    try:
        count = raw.FPDFText_CountChars(tp.raw)
        if count > limit:
            notices.append(NoticeRef("N013", f"PDF page {index + 1}: {count:,} characters, over the limit of {limit:,}; "
                                             "the rest of the page is not read"))
        box, x, y = raw.FS_RECTF(), ctypes.c_double(), ctypes.c_double()
        get_unicode, generated = raw.FPDFText_GetUnicode, raw.FPDFText_IsGenerated
        loose_box, origin = raw.FPDFText_GetLooseCharBox, raw.FPDFText_GetCharOrigin
        font_size = raw.FPDFText_GetFontSize
        chars: list[_Char] = []
        pending_high = 0
        for i in range(min(count, limit)):
            code = get_unicode(tp.raw, i)
            made = generated(tp.raw, i) == 1
            if code in (0, 0x0A, 0x0D, 0xFFFE, 0xFFFF) or made and code != 0x20:
                continue
            if 0xD800 <= code < 0xDC00:  # a UTF-16 high surrogate (Windows builds): wait for its pair
                pending_high = code
                continue
            if 0xDC00 <= code < 0xE000:
                if not pending_high:
                    continue
                code, pending_high = 0x10000 + ((pending_high - 0xD800) << 10) + (code - 0xDC00), 0
            if not loose_box(tp.raw, i, box) or not origin(tp.raw, i, x, y):
                continue
            top, bottom = box.top, box.bottom
            if top - bottom <= 0:  # no ascent/descent known: one font size around the baseline
                size = font_size(tp.raw, i) or 1.0
                top, bottom = y.value + 0.8 * size, y.value - 0.2 * size
            chars.append((y.value, box.left, box.right, top, bottom, chr(code), made))
    finally:
        tp.close()
    return chars, count


def _page_lines(page, index: int, limit: int, notices: list[NoticeRef]) -> tuple[list[_Line], int]:
    """The page's lines, top to bottom, and how many characters the page has."""
    chars, count = _page_chars(page, index, limit, notices)
    return group_lines(chars, index), count


def group_lines(chars: list[_Char], index: int) -> list[_Line]:
    """A page's characters (y up) as lines, top to bottom (also the OFD reader's)."""
    chars.sort(key=lambda c: -c[0])  # by baseline, top first (stable: drawing order)
    groups: list[list[_Char]] = []
    prev = None
    for c in chars:
        if prev is not None and prev[0] - c[0] < BASELINE_EMS * max(prev[3] - prev[4], c[3] - c[4]):
            groups[-1].append(c)
        else:
            groups.append([c])
        prev = c
    return [_line(group, index) for group in groups]


def _line(chars: list[_Char], index: int) -> _Line:
    """One line's characters, left to right, as text: spaces as printed (runs collapsed),
    one between Latin characters set apart, and a character drawn over itself once."""
    chars.sort(key=lambda c: c[1])
    parts: list[str] = []
    last: _Char | None = None
    gap = False  # PDFium generated a space since the last character
    for c in chars:
        ch = c[5]
        em = c[3] - c[4]
        if ch.isspace():
            if c[6]:
                gap = True
            elif parts and parts[-1] != " ":
                parts.append(" ")
            continue
        if last is not None:
            if ch == last[5] and abs(c[1] - last[1]) < OVERDRAW_EMS * em:
                continue
            if (parts[-1] != " " and (gap or c[1] - last[2] > SPACE_EMS * em)
                    and not TIGHT.match(last[5]) and not TIGHT.match(ch)):
                parts.append(" ")
        parts.append(ch)
        last, gap = c, False
    return _Line("".join(parts).strip(), min(c[1] for c in chars), max(c[2] for c in chars),
                 max(c[3] for c in chars), min(c[4] for c in chars), index)


def drop_margins(pages: list[list[_Line]], heights: list[float]) -> list[_Line]:
    """Remove page numbers and running headers/footers standing in the page margins."""
    def in_margin(line: _Line) -> bool:
        h = heights[line.page]
        return line.bottom >= h * (1 - MARGIN_SHARE) or line.top <= h * MARGIN_SHARE

    def key(text: str) -> str:
        return re.sub(r"\d+", "#", re.sub(r"\s+", "", text))

    seen = Counter(k for page in pages for k in {key(ln.text) for ln in page if in_margin(ln)})
    need = max(2, RUNNING_SHARE * len(pages))
    return [ln for page in pages for ln in page if ln.text
            and not (in_margin(ln) and (PAGE_NUMBER.fullmatch(ln.text.strip()) or seen[key(ln.text)] >= need))]


def join_paragraphs(lines: list[_Line]) -> list[str]:
    if not lines:
        return []
    em = statistics.median(ln.height for ln in lines) or 10.0
    left = Counter(round(ln.left) for ln in lines).most_common(1)[0][0]
    rights = sorted(ln.right for ln in lines)
    right = rights[int(0.9 * (len(rights) - 1))]
    out: list[list[str]] = []  # each paragraph's lines, joined once at the end (linear)
    prev: _Line | None = None
    for ln in lines:
        starts = prev is None or match_marker(ln.text) is not None or ln.left > left + INDENT_EMS * em
        if prev is not None and not starts:
            short = right - prev.right
            starts = short > LONG_EMS * em or (short > SHORT_EMS * em and SENTENCE_END.search(prev.text) is not None)
        if starts:
            out.append([ln.text])
        else:
            out[-1].append(ln.text)
        prev = ln
    return [_join_lines(parts) for parts in out]


#: A line ending in one of these, or a line starting with one of NO_SPACE_BEFORE, is joined
#: to its neighbour without a space ("（" + "2022—" + "2025年）" → "（2022—2025年）"): the
#: space join_parts puts between two non-CJK pieces is for words broken at a line end.
NO_SPACE_AFTER = frozenset("([{（《〔【“‘—–-/")
NO_SPACE_BEFORE = frozenset(")]}）》〕】”’—–-/,.;:!?%")


def _join_lines(parts: list[str]) -> str:
    """The lines of one paragraph as one text (see NO_SPACE_AFTER)."""
    out: list[str] = []
    for part in parts:
        part = part.strip()
        if not part:
            continue
        if out and (out[-1][-1] in NO_SPACE_AFTER or part[0] in NO_SPACE_BEFORE):
            out[-1] += part
        else:
            out.append(part)
    return join_parts(out)
