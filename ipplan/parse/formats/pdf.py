"""PDF with a text layer → text: lines in reading order, running headers/footers and page
numbers removed, lines re-joined into paragraphs.

pypdfium2 (PDFium) gives the text runs of each page with their boxes. Runs are grouped
into lines by vertical overlap and read top to bottom, left to right (single-column
documents; multi-column pages are read across). A line in the top or bottom margin
(MARGIN_SHARE of the page) is dropped when it is a page number (PAGE_NUMBER) or when
the same text, digits aside, stands there on at least half of the pages. A line continues
the paragraph above unless it starts with an outline marker, is indented, or the line
above stops well short of the right margin (or short of it after a sentence end). Tables
are read as lines of text, not pipe rows.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from dataclasses import dataclass

from ipplan.errors import ReadError
from ipplan.parse.formats.layout import join_parts
from ipplan.parse.vocab.markers import match_marker

#: Share of the page height, at the top and at the bottom, where headers and footers stand.
MARGIN_SHARE = 0.1
#: Page numbers as printed alone on a line: "- 3 -", "— 3 —", "第3页", "第3页 共12页", "3/12", "3".
PAGE_NUMBER = re.compile(
    r"[-—–－]\s*\d{1,4}\s*[-—–－]|第\s*\d{1,4}\s*页(\s*[,，/]?\s*共\s*\d{1,4}\s*页)?|"
    r"\d{1,4}\s*/\s*\d{1,4}|\d{1,4}|[Pp]age\s*\d{1,4}(\s*of\s*\d{1,4})?|共\s*\d{1,4}\s*页\s*第\s*\d{1,4}\s*页"
)
#: A running line must recur on at least this share of the pages (and on two or more).
RUNNING_SHARE = 0.5
#: Indentation (in character heights) that starts a paragraph.
INDENT_EMS = 1.0
#: A line that stops this far (in character heights) short of the right margin ends its
#: paragraph when it ends a sentence (SENTENCE_END); any line stopping LONG_EMS short does.
SHORT_EMS = 1.5
LONG_EMS = 4.0
SENTENCE_END = re.compile(r"[。！？；：!?;:][”’」』)）]*$")


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


def pdf_to_text(data: bytes, name: str) -> str:
    """The PDF's text as lines, one paragraph per line."""
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise ReadError("encrypted PDF (a password is required); save an unprotected copy", name) from None
        raise ReadError(f"damaged PDF: {exc}", name) from None
    pages: list[list[_Line]] = []
    heights: list[float] = []
    try:
        for i in range(len(pdf)):
            page = pdf[i]
            pages.append(_page_lines(page, i))
            heights.append(page.get_height())
            page.close()
    except pdfium.PdfiumError as exc:
        raise ReadError(f"damaged PDF: {exc}", name) from None
    finally:
        pdf.close()
    if not any(line.text.strip() for page in pages for line in page):
        raise ReadError("PDF has no text layer (scanned?); run OCR on it first (e.g. ocrmypdf) "
                        "and parse the result", name)
    lines = _drop_margins(pages, heights)
    return "\n".join(_paragraphs(lines))


def _page_lines(page, index: int) -> list[_Line]:  # page: pypdfium2.PdfPage
    tp = page.get_textpage()
    try:
        runs = []
        for i in range(tp.count_rects()):
            left, bottom, right, top = tp.get_rect(i)
            text = tp.get_text_bounded(left, bottom, right, top).replace("\r", " ").replace("\n", " ")
            if text.strip():
                runs.append(_Line(text.strip(), left, right, top, bottom, index))
    finally:
        tp.close()
    runs.sort(key=lambda r: (-r.top, r.left))
    lines: list[list[_Line]] = []
    for run in runs:
        if lines:
            cur = lines[-1]
            top, bottom = max(r.top for r in cur), min(r.bottom for r in cur)
            overlap = min(top, run.top) - max(bottom, run.bottom)
            if overlap > 0.5 * min(top - bottom, run.height):
                cur.append(run)
                continue
        lines.append([run])
    out = []
    for group in lines:
        group.sort(key=lambda r: r.left)
        out.append(_Line(join_parts(r.text for r in group), group[0].left, max(r.right for r in group),
                         max(r.top for r in group), min(r.bottom for r in group), index))
    return out


def _drop_margins(pages: list[list[_Line]], heights: list[float]) -> list[_Line]:
    """Remove page numbers and running headers/footers standing in the page margins."""
    def in_margin(line: _Line) -> bool:
        h = heights[line.page]
        return line.bottom >= h * (1 - MARGIN_SHARE) or line.top <= h * MARGIN_SHARE

    def key(text: str) -> str:
        return re.sub(r"\d+", "#", re.sub(r"\s+", "", text))

    seen = Counter(k for page in pages for k in {key(ln.text) for ln in page if in_margin(ln)})
    need = max(2, RUNNING_SHARE * len(pages))
    return [ln for page in pages for ln in page
            if not (in_margin(ln) and (PAGE_NUMBER.fullmatch(ln.text.strip()) or seen[key(ln.text)] >= need))]


def _paragraphs(lines: list[_Line]) -> list[str]:
    if not lines:
        return []
    em = statistics.median(ln.height for ln in lines) or 10.0
    left = Counter(round(ln.left) for ln in lines).most_common(1)[0][0]
    rights = sorted(ln.right for ln in lines)
    right = rights[int(0.9 * (len(rights) - 1))]
    out: list[str] = []
    prev: _Line | None = None
    for ln in lines:
        starts = prev is None or match_marker(ln.text) is not None or ln.left > left + INDENT_EMS * em
        if prev is not None and not starts:
            short = right - prev.right
            starts = short > LONG_EMS * em or (short > SHORT_EMS * em and SENTENCE_END.search(prev.text) is not None)
        if starts:
            out.append(ln.text)
        else:
            out[-1] = join_parts((out[-1], ln.text))
        prev = ln
    return out
