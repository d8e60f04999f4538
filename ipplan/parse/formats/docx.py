"""Word .docx → text: paragraphs in order with their list numbering, tables as pipe rows.

Read with zipfile and lxml (no entity resolution, no network). Parts are size-checked
before they are inflated (MAX_PART_BYTES, MAX_RATIO: a zip bomb is refused, not read).
Word's automatic numbering is not in the text: the labels (一、 / （一） / 1. / ①) are
rebuilt from numbering.xml (lvlText with numFmt, NUMBER_FORMATS), counting per list as
Word does. Tables keep merged cells filled (gridSpan, vMerge) via layout.py; a cell's
paragraphs are joined as layout.join_cell_paragraphs says.

Every count in the file that drives work is clamped: numbering starts (MAX_START, Word's
own limit) and labels (a counter past what a format can write is written in digits, a
label pattern is at most MAX_LEVEL_TEXT characters),
gridSpan and gridBefore (layout.MAX_COLSPAN), and the copies merged cells lay out
(layout.MAX_SPAN_COPY_CHARS, one budget per document). gridAfter, wBefore and wAfter add no text and are not read.
An entity reference left in the XML (``&xxe;``: entities are never expanded) is dropped
and the text around it kept.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ipplan.errors import ReadError
from ipplan.parse.formats.layout import MAX_COLSPAN, Cell, join_cell_paragraphs, render_table
from ipplan.parse.numerals import CIRCLED, cn_digits, cn_financial, int_to_cn
from ipplan.parse.vocab.notices import NoticeRef

if TYPE_CHECKING:
    from lxml.etree import _Element

#: Largest part inflated, and the largest inflate ratio accepted for a part over 1 MB.
#: (The document.xml of a 300-page plan is under 10 MB; lxml's tree takes ~10× the XML,
#: so this keeps a worker well under its memory budget.)
MAX_PART_BYTES = 32 * 1024 * 1024
MAX_RATIO = 200
#: Namespaces of transitional and strict WordprocessingML.
W_NAMESPACES = ("http://schemas.openxmlformats.org/wordprocessingml/2006/main",
                "http://purl.oclc.org/ooxml/wordprocessingml/main")
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
#: ZIP-based formats that are not Word documents: (member that marks it, what it is).
OTHER_ZIPS: tuple[tuple[str, str], ...] = (
    ("xl/workbook.xml", "an Excel workbook (.xlsx)"), ("ppt/presentation.xml", "a PowerPoint file (.pptx)"),
    ("content.xml", "an OpenDocument file (save it as .docx)"),
)

_CIRCLED = {v: k for k, v in CIRCLED.items()}
_ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"),
          (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))
#: Largest list start Word accepts (w:start, w:startOverride); larger or negative values are clamped.
MAX_START = 32767
#: Largest counter written in Roman numerals or letters (Word's own limits: mmmcmxcix, and
#: 30 repeats of z); past them a label is written in digits, so no label is long.
MAX_ROMAN = 3999
MAX_LETTER = 26 * 30
#: Longest label pattern (w:lvlText) read: Word's are a few characters ("%1.", "（%1）"); a
#: megabyte of "%1" would otherwise be written out again before every paragraph.
MAX_LEVEL_TEXT = 64


def _roman(n: int) -> str:
    if not 0 < n <= MAX_ROMAN:
        return str(n)
    out = []
    for value, sym in _ROMAN:
        count, n = divmod(n, value)
        out.append(sym * count)
    return "".join(out)


def _letter(n: int) -> str:
    if not 0 < n <= MAX_LETTER:
        return str(n)
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


#: Word numFmt → how a counter is written. Unknown formats fall back to decimal.
NUMBER_FORMATS: dict[str, Callable[[int], str]] = {
    "decimal": str,
    "decimalZero": lambda n: f"{n:02d}",
    "decimalFullWidth": lambda n: str(n).translate({c: c + 0xFEE0 for c in range(0x30, 0x3A)}),
    "decimalFullWidth2": lambda n: str(n).translate({c: c + 0xFEE0 for c in range(0x30, 0x3A)}),
    "decimalHalfWidth": str,
    "decimalEnclosedCircle": lambda n: _CIRCLED.get(n, str(n)),
    "decimalEnclosedCircleChinese": lambda n: _CIRCLED.get(n, str(n)),
    "decimalEnclosedParen": lambda n: f"({n})",
    "decimalEnclosedFullstop": lambda n: f"{n}.",
    "chineseCounting": int_to_cn,
    "chineseCountingThousand": int_to_cn,
    "taiwaneseCounting": int_to_cn,
    "taiwaneseCountingThousand": int_to_cn,
    "japaneseCounting": int_to_cn,
    "ideographDigital": cn_digits,
    "chineseLegalSimplified": cn_financial,
    "ideographTraditional": lambda n: "甲乙丙丁戊己庚辛壬癸"[(n - 1) % 10],
    "ideographZodiac": lambda n: "子丑寅卯辰巳午未申酉戌亥"[(n - 1) % 12],
    "lowerLetter": _letter,
    "upperLetter": lambda n: _letter(n).upper(),
    "lowerRoman": _roman,
    "upperRoman": lambda n: _roman(n).upper(),
    "none": lambda n: "",
}  # fmt: skip
#: Bullet symbols that the outline reads as items; other bullets are not written.
OUTLINE_BULLETS = frozenset({"—", "——", "-"})
#: A label ending in an ASCII letter or digit is set off from its text by a space; others
#: (一、 （一） 1. ①) are glued to it, as typed labels are.
SPACED_LABEL = re.compile(r"[A-Za-z0-9]$")


#: What zipfile raises on damaged archives (found by fuzzing mutated DOCX files).
ZIP_ERRORS = (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, RuntimeError, NotImplementedError)


def docx_to_text(data: bytes, name: str, notices: list[NoticeRef] | None = None) -> str:
    """The document's paragraphs and tables as text lines; what was clamped is added to
    ``notices``."""
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        names = set(zf.namelist())
    except ZIP_ERRORS as exc:
        raise ReadError(f"damaged ZIP/DOCX file: {exc}", name) from None
    if "word/document.xml" not in names:
        what = next((w for member, w in OTHER_ZIPS if member in names), "a ZIP archive")
        raise ReadError(f"{what}, not a Word document (no word/document.xml)", name)
    doc = read_xml(zf, "word/document.xml", name)
    ns = doc.tag[1 : doc.tag.index("}")] if doc.tag.startswith("{") else W_NAMESPACES[0]
    if ns not in W_NAMESPACES:
        raise ReadError("word/document.xml is not WordprocessingML", name)
    w = _Names(ns)
    numbering = _Numbering(read_xml(zf, "word/numbering.xml", name) if "word/numbering.xml" in names else None, w)
    styles = _style_numbering(read_xml(zf, "word/styles.xml", name) if "word/styles.xml" in names else None, w)
    body = doc.find(w.body)
    if body is None:
        raise ReadError("word/document.xml has no body", name)
    lines = _Reader(w, numbering, styles, [] if notices is None else notices).body(body)
    text = "\n".join(lines)
    if not text.strip():
        raise ReadError("the Word document holds no text", name)
    return text


def read_xml(zf: zipfile.ZipFile, member: str, name: str, what: str = "Word document") -> _Element:
    from lxml import etree

    info = zf.getinfo(member)
    if info.file_size > MAX_PART_BYTES or (info.file_size > 1 << 20 and info.file_size > MAX_RATIO * max(
            info.compress_size, 1)):
        raise ReadError(f"{member} inflates to {info.file_size:,} bytes (zip bomb?); not read", name)
    try:
        with zf.open(info) as fh:
            blob = fh.read(MAX_PART_BYTES + 1)
    except ZIP_ERRORS as exc:
        raise ReadError(f"cannot read {member}: {exc}", name) from None
    if len(blob) > MAX_PART_BYTES:
        raise ReadError(f"{member} is over {MAX_PART_BYTES:,} bytes; not read", name)
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False,
                             remove_comments=True, remove_pis=True)
    try:
        root = etree.fromstring(blob, parser=parser)
    except etree.XMLSyntaxError as exc:
        raise ReadError(f"damaged {what}: {member}: {' '.join(str(exc).split())}", name) from None  # one line
    for fallback in root.iter(f"{{{MC_NS}}}Fallback"):  # alternate content is read once (Choice)
        fallback.clear()
    return root


class _Names:
    """Clark names of the WordprocessingML elements used, for one namespace."""

    def __init__(self, ns: str) -> None:
        q = lambda local: f"{{{ns}}}{local}"  # noqa: E731
        self.val = q("val")
        for local in ("body", "p", "tbl", "tr", "tc", "r", "t", "tab", "br", "cr", "noBreakHyphen", "pPr", "numPr",
                      "ilvl", "numId", "pStyle", "tcPr", "gridSpan", "vMerge", "trPr", "gridBefore", "txbxContent",
                      "moveFrom", "abstractNum", "abstractNumId", "num", "lvl", "start", "numFmt",
                      "lvlText", "lvlOverride", "startOverride", "isLgl", "style", "styleId", "basedOn", "sdt",
                      "instrText", "delText", "suff", "lvlRestart"):
            setattr(self, local, q(local))
        self.del_ = q("del")  # (a Python keyword)


@dataclass
class _Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = ""
    legal: bool = False


@dataclass
class _List:
    key: str
    levels: dict[int, _Level] = field(default_factory=dict)
    overrides: dict[int, int] = field(default_factory=dict)


class _Numbering:
    """numbering.xml: list definitions and the running counters."""

    def __init__(self, root: _Element | None, w: _Names) -> None:
        self.lists: dict[str, _List] = {}
        self.counters: dict[str, dict[int, int]] = {}
        self.started: set[str] = set()
        if root is None:
            return
        abstract: dict[str, dict[int, _Level]] = {}
        for an in root.iter(w.abstractNum):
            levels = {}
            for lvl in an.iter(w.lvl):
                levels[_int(lvl.get(w.ilvl), 0)] = _level(lvl, w)
            abstract[an.get(w.abstractNumId, "")] = levels
        for num in root.iter(w.num):
            ref = num.find(w.abstractNumId)
            aid = ref.get(w.val, "") if ref is not None else ""
            levels = dict(abstract.get(aid, {}))
            overrides = {}
            for ov in num.iter(w.lvlOverride):
                ilvl = _int(ov.get(w.ilvl), 0)
                so = ov.find(w.startOverride)
                if so is not None:
                    overrides[ilvl] = _clamp(_int(so.get(w.val), 1), 0, MAX_START)
                lvl = ov.find(w.lvl)
                if lvl is not None:
                    levels[ilvl] = _level(lvl, w)
            nid = num.get(w.numId, "")
            # Lists that share an abstract definition continue one another, unless restarted.
            key = f"num:{nid}" if overrides else f"abstract:{aid}"
            self.lists[nid] = _List(key, levels, overrides)

    def label(self, num_id: str, ilvl: int) -> str:
        """Advance the list's counter at ``ilvl`` and return the formatted label."""
        lst = self.lists.get(num_id)
        if lst is None or num_id == "0" or ilvl not in lst.levels:
            return ""
        counters = self.counters.setdefault(lst.key, {})
        if lst.key not in self.started:
            self.started.add(lst.key)
            for k, v in lst.overrides.items():
                counters[k] = v - 1
        level = lst.levels[ilvl]
        counters[ilvl] = counters.get(ilvl, level.start - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]  # a higher item restarts the levels below it
        if level.fmt == "bullet":
            return level.text if level.text in OUTLINE_BULLETS else ""

        def fill(m: re.Match[str]) -> str:
            k = int(m.group(1)) - 1
            lv = lst.levels.get(k, _Level())
            n = counters.get(k, lv.start)
            fmt = "decimal" if level.legal and k != ilvl else lv.fmt
            return NUMBER_FORMATS.get(fmt, str)(n)

        return re.sub(r"%([1-9])", fill, level.text)


def _level(lvl: _Element, w: _Names) -> _Level:
    def val(tag: str) -> str | None:
        el = lvl.find(tag)
        return None if el is None else el.get(w.val)

    legal = lvl.find(w.isLgl)
    return _Level(start=_clamp(_int(val(w.start), 1), 0, MAX_START), fmt=val(w.numFmt) or "decimal",
                  text=(val(w.lvlText) or "")[:MAX_LEVEL_TEXT],
                  legal=legal is not None and legal.get(w.val, "1") not in ("0", "false"))


def _style_numbering(root: _Element | None, w: _Names) -> dict[str, tuple[str, int]]:
    """styleId → (numId, ilvl) for paragraph styles that carry numbering (via basedOn)."""
    if root is None:
        return {}
    own: dict[str, tuple[str | None, int | None]] = {}
    based: dict[str, str] = {}
    for st in root.iter(w.style):
        sid = st.get(w.styleId, "")
        num = st.find(f"{w.pPr}/{w.numPr}")
        if num is not None:
            nid, lvl = num.find(w.numId), num.find(w.ilvl)
            own[sid] = (None if nid is None else nid.get(w.val), None if lvl is None else _int(lvl.get(w.val), 0))
        base = st.find(w.basedOn)
        if base is not None:
            based[sid] = base.get(w.val, "")
    out = {}
    for sid in own.keys() | based.keys():
        nid, lvl, cur = None, None, sid
        for _ in range(10):  # basedOn chains are short; a cycle stops here
            n, lv = own.get(cur, (None, None))
            nid, lvl = nid or n, lvl if lvl is not None else lv
            if cur not in based:
                break
            cur = based[cur]
        if nid:
            out[sid] = (nid, lvl or 0)
    return out


def _int(value: str | None, default: int) -> int:
    try:
        return int(value[:20]) if value is not None else default  # (a 5,000-digit value is not converted)
    except ValueError:
        return default


def _clamp(value: int, low: int, high: int) -> int:
    return max(low, min(value, high))


class _Reader:
    def __init__(self, w: _Names, numbering: _Numbering, styles: dict[str, tuple[str, int]],
                 notices: list[NoticeRef]) -> None:
        self.w, self.numbering, self.styles, self.notices = w, numbering, styles, notices
        self.tables = 0

    def body(self, body: _Element) -> list[str]:
        """Paragraphs and tables in document order (inside content controls too)."""
        from lxml import etree

        w, lines = self.w, []
        walker = etree.iterwalk(body, events=("start",))
        for _, el in walker:
            if el.tag == w.p:
                text = self.paragraph(el)
                lines.extend(line for line in text.split("\n") if line.strip())
                walker.skip_subtree()
            elif el.tag == w.tbl:
                self.tables += 1
                lines.extend(render_table(self.table(el), self.notices, f"table {self.tables}"))
                walker.skip_subtree()
        return lines

    def paragraph(self, p: _Element) -> str:
        from lxml import etree

        w, parts = self.w, []
        walker = etree.iterwalk(p, events=("start",))
        for _, el in walker:
            tag = el.tag
            if tag == w.t:  # (an unexpanded entity reference inside is dropped, its tail kept)
                parts.append(el.text or "")
                parts.extend(child.tail or "" for child in el)
            elif tag == w.tab:
                parts.append("\t")
            elif tag in (w.br, w.cr):
                parts.append("\n")
            elif tag == w.noBreakHyphen:
                parts.append("-")
            elif tag in (w.txbxContent, w.del_, w.moveFrom, w.pPr):
                walker.skip_subtree()
        text = "".join(parts)
        label = self.label(p)
        if label:
            text = label + (" " if SPACED_LABEL.search(label) else "") + text.lstrip()
        return text

    def label(self, p: _Element) -> str:
        w = self.w
        ppr = p.find(w.pPr)
        if ppr is None:
            return ""
        num = ppr.find(w.numPr)
        nid, ilvl = None, None
        if num is not None:
            nid_el, lvl_el = num.find(w.numId), num.find(w.ilvl)
            nid = None if nid_el is None else nid_el.get(w.val)
            ilvl = None if lvl_el is None else _int(lvl_el.get(w.val), 0)
        style = ppr.find(w.pStyle)
        if style is not None and style.get(w.val) in self.styles:
            snid, silvl = self.styles[style.get(w.val)]
            nid = nid or snid
            ilvl = ilvl if ilvl is not None else silvl
        if not nid:
            return ""
        return self.numbering.label(nid, ilvl or 0)

    def table(self, tbl: _Element) -> list[list[Cell]]:
        w, rows = self.w, []
        for tr in tbl.iterchildren(w.tr):
            cells: list[Cell] = []
            before = tr.find(f"{w.trPr}/{w.gridBefore}")
            if before is not None:
                skipped = _clamp(_int(before.get(w.val), 0), 0, MAX_COLSPAN)
                if skipped:
                    cells.append(Cell("", 1, skipped))
            for tc in tr.iterchildren(w.tc):
                tcpr = tc.find(w.tcPr)
                span, cont = 1, False
                if tcpr is not None:
                    gs = tcpr.find(w.gridSpan)
                    span = _clamp(_int(None if gs is None else gs.get(w.val), 1), 1, MAX_COLSPAN)
                    vm = tcpr.find(w.vMerge)
                    cont = vm is not None and vm.get(w.val, "continue") == "continue"
                text = join_cell_paragraphs(self.paragraph(p).replace("\n", " ") for p in tc.iter(w.p))
                cells.append(Cell(None if cont else text, 1, span))
            rows.append(cells)
        return rows
