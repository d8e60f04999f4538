"""OFD (GB/T 33190, the national layout format) → text: the pages' text objects in reading
order, lines re-joined into paragraphs as the PDF reader joins them.

An OFD file is a ZIP of XML: OFD.xml names each document's root (DocBody/DocRoot →
Doc_0/Document.xml), whose Pages list each page's Content.xml (Page/@BaseLoc or a BaseLoc
child, relative to the document's folder). A page's Layers hold TextObjects (also inside
PageBlocks); each has a Boundary "x y w h" on the page (millimetres, y down), a Size, and
TextCodes whose X/Y (relative to the Boundary; Y is the baseline) place their first
character and whose DeltaX (with "g N d" for N gaps of d) the next ones. Every character
is placed so, and the page is then read as the PDF reader reads one: characters grouped
into lines by baseline, top to bottom, left to right; page numbers and running lines in
the margins dropped; a line continues the paragraph above unless it starts with an
outline marker, is indented, or the line above stops short. A text object's CTM (its
coordinates in points, say) is applied. Template pages (TemplatePage, often a letterhead
or a running footer), annotations and signatures are not read.

Parts are read with the DOCX reader's checks (size and inflate ratio before inflating,
no entities, no DTD, no network; libxml2's depth limit); at most pdf.MAX_PAGE_CHARS
characters are read per page and pdf.MAX_CHARS in all, the rest left out with a notice.
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile

from ipplan.errors import ReadError
from ipplan.parse.formats.docx import ZIP_ERRORS, read_xml
from ipplan.parse.formats.pdf import MAX_CHARS, MAX_PAGE_CHARS, drop_margins, join_paragraphs, group_lines
from ipplan.parse.vocab.notices import NoticeRef

OFD_NS = "http://www.ofdspec.org/2016"
#: Page size (mm) when neither the page nor the document states one: A4.
A4 = (0.0, 0.0, 210.0, 297.0)
#: Most pages read (a 300-page plan is far under it); later pages are left out with a notice.
MAX_PAGES = 5000
_NUMBER = re.compile(r"-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?")


def is_ofd(data: bytes) -> bool:
    """Whether a ZIP file is an OFD package (an OFD.xml at its root)."""
    try:
        return "OFD.xml" in zipfile.ZipFile(io.BytesIO(data)).namelist()
    except ZIP_ERRORS:
        return False


def _q(local: str) -> str:
    return f"{{{OFD_NS}}}{local}"


def _numbers(text: str | None, limit: int = 10_000) -> list[float]:
    return [float(m) for m in _NUMBER.findall(text or "")[:limit]]


def _box(text: str | None) -> tuple[float, float, float, float] | None:
    nums = _numbers(text, 4)
    return (nums[0], nums[1], nums[2], nums[3]) if len(nums) == 4 else None


def _deltas(text: str | None, count: int) -> list[float]:
    """DeltaX/DeltaY as one gap per character after the first ("g 3 6" is three gaps of 6)."""
    out: list[float] = []
    tokens = (text or "").split()
    i = 0
    while i < len(tokens) and len(out) < count:
        if tokens[i] == "g" and i + 2 < len(tokens):
            try:
                n, d = int(float(tokens[i + 1])), float(tokens[i + 2])
            except ValueError:
                break
            out.extend([d] * max(0, min(n, count - len(out))))
            i += 3
        else:
            try:
                out.append(float(tokens[i]))
            except ValueError:
                break
            i += 1
    return out


def ofd_to_text(data: bytes, name: str, notices: list | None = None) -> str:
    """The OFD's text as lines, one paragraph per line; what was left out (over the
    character or page limits) is added to ``notices``."""
    notices = [] if notices is None else notices
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        names = set(zf.namelist())
    except ZIP_ERRORS as exc:
        raise ReadError(f"damaged ZIP/OFD file: {exc}", name) from None
    root = read_xml(zf, "OFD.xml", name, "OFD document")
    doc_root = root.find(f"{_q('DocBody')}/{_q('DocRoot')}")
    doc_path = _member((doc_root.text or "") if doc_root is not None else "", "", names)
    if doc_path is None:
        raise ReadError("damaged OFD document: OFD.xml names no Document.xml in the package", name)
    document = read_xml(zf, doc_path, name, "OFD document")
    base = posixpath.dirname(doc_path)
    default_box = _box(document.findtext(f"{_q('CommonData')}/{_q('PageArea')}/{_q('PhysicalBox')}")) or A4
    pages_el = document.find(_q("Pages"))
    page_refs = [] if pages_el is None else list(pages_el.iter(_q("Page")))
    if len(page_refs) > MAX_PAGES:
        notices.append(NoticeRef("N013", f"OFD: {len(page_refs):,} pages, over the limit of {MAX_PAGES:,}; "
                                         "the rest is not read"))
        page_refs = page_refs[:MAX_PAGES]
    pages, heights = [], []
    budget = MAX_CHARS
    for index, ref in enumerate(page_refs):
        loc = ref.get("BaseLoc") or ref.findtext(_q("BaseLoc")) or ""
        path = _member(loc, base, names)
        if path is None:
            raise ReadError(f"damaged OFD document: page {index + 1} ({loc[:80]!r}) is not in the package", name)
        if budget <= 0:
            notices.append(NoticeRef("N013", f"OFD: over {MAX_CHARS:,} characters; pages {index + 1}-"
                                             f"{len(page_refs)} not read"))
            break
        page = read_xml(zf, path, name, "OFD document")
        box = _box(page.findtext(f"{_q('Area')}/{_q('PhysicalBox')}")) or default_box
        chars, count = _page_chars(page, box, min(budget, MAX_PAGE_CHARS), index, notices)
        budget -= count
        pages.append(group_lines(chars, index))
        heights.append(box[3])
    if not any(line.text.strip() for page in pages for line in page):
        raise ReadError("the OFD document holds no text (scanned images?); run OCR on it first", name)
    return "\n".join(join_paragraphs(drop_margins(pages, heights)))


def _member(loc: str, base: str, names: set[str]) -> str | None:
    """A part named by ``loc`` (absolute from the package root, or relative to ``base``)."""
    loc = loc.strip().replace("\\", "/")
    if not loc:
        return None
    for candidate in (loc.lstrip("/"), posixpath.normpath(posixpath.join(base, loc)).lstrip("/")):
        if candidate in names:
            return candidate
    return None


def _page_chars(page, box: tuple[float, float, float, float], limit: int, index: int,  # type: ignore[no-untyped-def]
                notices: list) -> tuple[list[tuple], int]:
    """Every character of the page's text objects (at most ``limit``) as the PDF reader's
    character tuples, y up; and how many characters the page holds."""
    height = box[3]
    chars: list[tuple] = []
    count = 0
    for obj in page.iter(_q("TextObject")):
        bound = _box(obj.get("Boundary")) or (0.0, 0.0, 0.0, 0.0)
        size = (_numbers(obj.get("Size"), 1) or [3.5])[0] or 3.5
        # CTM "a b c d e f" maps the object's space (X, Y, DeltaX, Size) into the Boundary's.
        ctm = _numbers(obj.get("CTM"), 6)
        a, b, c, d, e, f = ctm if len(ctm) == 6 else (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
        height_scale = abs(d) or abs(b) or 1.0
        em = size * height_scale
        x, y = 0.0, size
        for code in obj.iter(_q("TextCode")):
            text = "".join(code.itertext())
            if not text:
                continue
            count += len(text)
            if len(chars) >= limit:
                continue
            x = (_numbers(code.get("X"), 1) or [x])[0]
            y = (_numbers(code.get("Y"), 1) or [y])[0]
            dx = _deltas(code.get("DeltaX"), len(text) - 1)
            dy = _deltas(code.get("DeltaY"), len(text) - 1)
            for i, ch in enumerate(text[: limit - len(chars)]):
                width = dx[i] if i < len(dx) else (size if ord(ch) > 0x2E7F else size / 2)
                if ch == " " or not ch.isspace():
                    left = bound[0] + a * x + c * y + e
                    base_y = height - (bound[1] + b * x + d * y + f)  # y up, as in PDF
                    right = left + abs(a * width) if a else left + em
                    chars.append((base_y, left, right, base_y + 0.8 * em, base_y - 0.2 * em, ch, False))
                x += width
                y += dy[i] if i < len(dy) else 0.0
    if count > limit:
        notices.append(NoticeRef("N013", f"OFD page {index + 1}: {count:,} characters, over the limit of {limit:,}; "
                                         "the rest of the page is not read"))
    return chars, min(count, limit)
