"""Build the samples in other formats, as an analyst's folder would hold them: a saved
government web page with its chrome, a Word file (typed or automatic numbering, tables with
merged cells), a PDF with running headers and page numbers (reportlab, CJK font built in).

Everything is written here from the sample's text: paragraphs, pipe-row tables (a row
printed with fewer cells than the header is a merged cell, as in samples/wenzhou-2022.txt)
and the page-metadata rows at the top. A cell text holding "\n" is written as that many
paragraphs of the cell (<p> in HTML, <w:p> in Word).

The PDF does not embed its font (STSong-Light, as government PDFs leave 仿宋_GB2312 out)
and is written with reportlab's invariant mode, so its bytes are the same on every
machine; what it reads as must not depend on the machine's fonts either (pdffont.py).
"""

from __future__ import annotations

import html
import io
import zipfile
from dataclasses import dataclass, field
from typing import ClassVar

from ipplan.parse.numerals import CIRCLED, int_to_cn
from ipplan.parse.outline import match_marker

META_WORDS = ("索引号", "发布机构", "成文日期", "文号")


@dataclass
class Block:
    kind: str  # "p", "table" or "meta"
    text: str = ""
    rows: list[list[str | None]] = field(default_factory=list)  # None: merged with the cell above


def _cells(line: str) -> list[str]:
    cells = [c.strip() for c in line.split("|")]
    while cells and not cells[-1]:
        cells.pop()
    return cells


def blocks(text: str) -> list[Block]:
    """The sample as paragraphs and tables; merged cells marked None (see module doc)."""
    out: list[Block] = []
    for line in (ln.strip() for ln in text.splitlines()):
        if not line:
            continue
        if line.count("|") >= 2:
            cells = _cells(line)
            kind = "meta" if any(w in line for w in META_WORDS) else "table"
            if out and out[-1].kind == kind:
                out[-1].rows.append(cells)
            else:
                out.append(Block(kind, rows=[cells]))
        else:
            out.append(Block("p", line))
    for b in out:
        if b.kind == "table":
            width = len(b.rows[0])
            for i, row in enumerate(b.rows):
                missing = width - len(row)
                if missing > 0 and i > 0:
                    at = 1 if b.rows[0][0] == "序号" else 0
                    b.rows[i] = row[:at] + [None] * missing + row[at:]
    return out


def plain_text(bs: list[Block], *, tables: bool = True) -> str:
    """The text the other formats should read as (tables as full pipe rows)."""
    lines = []
    for b in bs:
        if b.kind == "p":
            lines.append(b.text)
        elif tables:
            filled: list[str] = []
            for row in b.rows:
                filled = [c if c is not None else filled[j] for j, c in enumerate(row)]
                lines.append(" | ".join(filled) + " |")
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------- HTML


def html_page(bs: list[Block], *, charset: str | None = "utf-8", heading: bool = True) -> str:
    """A saved government page: navigation, breadcrumbs, a metadata table, the article
    (heading above the body container), font-size bar, share widget and footer."""
    meta = [b for b in bs if b.kind == "meta"]
    body = [b for b in bs if b.kind != "meta"]
    title = None
    if heading and body and body[0].kind == "p" and len(body[0].text) <= 60 and "。" not in body[0].text \
            and match_marker(body[0].text) is None:
        title = body.pop(0).text
    parts = ["<!DOCTYPE html>", "<html>", "<head>"]
    if charset:
        parts.append(f'<meta http-equiv="Content-Type" content="text/html; charset={charset}">')
    parts += ["<title>政策文件_市人民政府门户网站</title>", "<script>var _hmt = [];</script>",
              "<style>.zoom p { text-indent: 2em; }</style>", "</head>", "<body>",
              '<div class="top"><div class="logo">市人民政府门户网站</div>',
              ('<ul class="nav"><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li>'
               '<li><a href="/hdjl/">互动交流</a></li></ul></div>'),
              '<div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; 政策文件</div>',
              ('<div class="main"><div class="left-side"><h3>政策文件</h3><ul><li><a>规范性文件</a></li>'
               '<li><a>政策解读</a></li></ul></div>'), '<div class="detail">']
    if meta:
        parts.append('<table class="xxgk_table">')
        for row in meta[0].rows:
            parts.append("<tr>" + "".join(f"<td>{html.escape(c or '')}</td>" for c in row) + "</tr>")
        parts.append("</table>")
    if title:
        parts.append(f'<h1 class="article-title">{html.escape(title)}</h1>')
    parts.append('<div class="article-info">发布时间：2023-09-20 10:12 来源：市政府办公室 '
                 '<span class="fontsize">【字体：<a>大</a> <a>中</a> <a>小</a>】</span></div>')
    parts.append('<div id="zoom" class="TRS_Editor">')
    for b in body:
        if b.kind == "p":
            parts.append(f"<p style=\"text-indent:2em\">&nbsp;&nbsp;{_html_wrapped(b.text)}</p>")
        else:
            parts.append(_html_table(b.rows))
    parts += ["</div>", '<div class="share">分享到：<a>微信</a> <a>微博</a> <a>QQ空间</a></div>',
              '<div class="print-close">【<a>打印本页</a>】【<a>关闭窗口</a>】</div>', "</div></div>",
              ('<div class="footer"><p>主办：市人民政府办公室 版权所有</p><p>网站标识码：3303000001 '
               '浙ICP备05000000号</p></div>'), "</body>", "</html>"]
    return "\n".join(parts)


def _html_wrapped(text: str) -> str:
    """Escape, and break the source line inside the text as editors do (between CJK chars)."""
    esc = html.escape(text)
    cut = len(esc) // 2
    if len(esc) > 40 and "\u4e00" <= esc[cut - 1] <= "\u9fff" and "\u4e00" <= esc[cut] <= "\u9fff":
        return esc[:cut] + "\n    " + esc[cut:]
    return esc


def _html_table(rows: list[list[str | None]]) -> str:
    spans: dict[tuple[int, int], int] = {}
    for i, row in enumerate(rows):
        for j, cell in enumerate(row):
            if cell is None:
                k = i - 1
                while rows[k][j] is None:
                    k -= 1
                spans[(k, j)] = spans.get((k, j), 1) + 1
    out = ['<table border="1" cellspacing="0">']
    for i, row in enumerate(rows):
        tds = []
        for j, cell in enumerate(row):
            if cell is None:
                continue
            rs = spans.get((i, j), 1)
            attr = f' rowspan="{rs}"' if rs > 1 else ""
            paras = "".join(f"<p>{html.escape(part)}</p>" for part in cell.split("\n"))
            tds.append(f"<td{attr}>{paras}</td>")
        out.append("<tr>" + "".join(tds) + "</tr>")
    out.append("</table>")
    return "\n".join(out)


# ---------------------------------------------------------------- DOCX

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_CT = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
       '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
       '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
       '<Default Extension="xml" ContentType="application/xml"/>'
       '<Override PartName="/word/document.xml" '
       'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
       '<Override PartName="/word/numbering.xml" '
       'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>'
       "</Types>")
_RELS = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
         '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
         '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
         'officeDocument" Target="word/document.xml"/></Relationships>')
_DOC_RELS = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
             '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
             '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
             'numbering" Target="numbering.xml"/></Relationships>')


def _x(text: str) -> str:
    return html.escape(text, quote=False)


def _run(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{_x(text)}</w:t></w:r>'


class _AutoNumbers:
    """Word lists for the outline markers: one abstract list per marker shape, restarted
    (a new w:num with startOverride) where the printed number does not continue it."""

    FORMATS: ClassVar[dict[str, str]] = {"cn": "chineseCounting", "digit": "decimal",
                                         "circled": "decimalEnclosedCircle"}

    def __init__(self) -> None:
        self.abstract: dict[str, tuple[int, str, str]] = {}  # shape -> (id, fmt, lvlText)
        self.nums: list[tuple[int, int, int | None]] = []  # (numId, abstractId, startOverride)
        self.current: dict[str, tuple[int, int]] = {}  # shape -> (numId, last value)

    def number(self, line: str) -> tuple[int, str] | None:
        """(numId, rest of the line) when the line's marker can be written as a Word list."""
        mk = match_marker(line)
        if mk is None or mk.ordinal is None:
            return None
        label = mk.label
        num = next((n for n in (str(mk.ordinal), int_to_cn(mk.ordinal)) if n in label), None)
        if num is None and mk.ordinal in {v: k for k, v in CIRCLED.items()}:
            num = {v: k for k, v in CIRCLED.items()}[mk.ordinal]
        if num is None or label.count(num) != 1:
            return None
        kind = "digit" if num.isascii() else "circled" if num in CIRCLED else "cn"
        lvl_text = label.replace(num, "%1")
        shape = f"{kind}:{lvl_text}"
        if shape not in self.abstract:
            self.abstract[shape] = (len(self.abstract) + 1, self.FORMATS[kind], lvl_text)
        aid = self.abstract[shape][0]
        num_id, last = self.current.get(shape, (0, 0))
        if not num_id or mk.ordinal != last + 1:
            num_id = len(self.nums) + 1
            self.nums.append((num_id, aid, None if (not self.current.get(shape) and mk.ordinal == 1)
                              else mk.ordinal))
        self.current[shape] = (num_id, mk.ordinal)
        return num_id, line[mk.end :].strip()

    def xml(self) -> str:
        parts = [f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering xmlns:w="{W}">']
        for aid, fmt, lvl_text in self.abstract.values():
            parts.append(f'<w:abstractNum w:abstractNumId="{aid}"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
                         f'<w:numFmt w:val="{fmt}"/><w:lvlText w:val="{_x(lvl_text)}"/><w:suff w:val="nothing"/>'
                         "</w:lvl></w:abstractNum>")
        for num_id, aid, start in self.nums:
            over = (f'<w:lvlOverride w:ilvl="0"><w:startOverride w:val="{start}"/></w:lvlOverride>'
                    if start is not None else "")
            parts.append(f'<w:num w:numId="{num_id}"><w:abstractNumId w:val="{aid}"/>{over}</w:num>')
        parts.append("</w:numbering>")
        return "".join(parts)


def docx_file(bs: list[Block], *, auto_numbers: bool = False) -> bytes:
    """A .docx of the sample: paragraphs (outline markers as Word lists if ``auto_numbers``),
    tables with vMerge for merged cells."""
    numbers = _AutoNumbers()
    body = []
    for b in bs:
        if b.kind == "p":
            got = numbers.number(b.text) if auto_numbers else None
            if got:
                num_id, rest = got
                body.append(f'<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="{num_id}"/></w:numPr>'
                            f"<w:ind w:firstLine=\"640\"/></w:pPr>{_run(rest)}</w:p>")
            else:
                half = len(b.text) // 2  # two runs, as Word splits text at formatting changes
                body.append(f"<w:p>{_run(b.text[:half])}{_run(b.text[half:])}</w:p>")
        else:
            body.append(_docx_table(b.rows))
    doc = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{W}"><w:body>'
           + "".join(body) + '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>')
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", _CT)
        zf.writestr("_rels/.rels", _RELS)
        zf.writestr("word/_rels/document.xml.rels", _DOC_RELS)
        zf.writestr("word/document.xml", doc)
        zf.writestr("word/numbering.xml", numbers.xml())
    return buf.getvalue()


def _paras(cell: str) -> str:
    return "".join(f"<w:p>{_run(part)}</w:p>" for part in cell.split("\n"))


def _docx_table(rows: list[list[str | None]]) -> str:
    out = ["<w:tbl><w:tblPr><w:tblW w:w=\"0\" w:type=\"auto\"/></w:tblPr>"]
    for i, row in enumerate(rows):
        out.append("<w:tr>")
        for j, cell in enumerate(row):
            below = i + 1 < len(rows) and j < len(rows[i + 1]) and rows[i + 1][j] is None
            if cell is None:
                out.append('<w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc>')
            elif below:
                out.append(f'<w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr>{_paras(cell)}</w:tc>')
            else:
                out.append(f"<w:tc>{_paras(cell)}</w:tc>")
        out.append("</w:tr>")
    out.append("</w:tbl>")
    return "".join(out)


# ---------------------------------------------------------------- PDF


def pdf_file(bs: list[Block], *, header: str = "某市人民政府办公室文件") -> bytes | None:
    """A PDF of the sample's paragraphs (tables left out: PDF tables are read as text),
    A4, 16 pt 仿宋-like CID font, first lines indented two characters, a running header
    and "- N -" page numbers. None when reportlab is not installed."""
    try:
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.cidfonts import UnicodeCIDFont
        from reportlab.pdfgen import canvas
    except ImportError:
        return None
    font, size = "STSong-Light", 14
    pdfmetrics.registerFont(UnicodeCIDFont(font))
    width, height = 595.27, 841.89
    left, right, top, bottom = 80.0, width - 80.0, height - 90.0, 90.0
    lead = size * 1.6
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=(width, height), invariant=True)
    page = 1
    y = top

    def new_page() -> None:
        nonlocal page, y
        c.setFont(font, 10)
        c.drawCentredString(width / 2, height - 45, header)
        c.drawCentredString(width / 2, 40, f"- {page} -")
        c.showPage()
        page += 1
        y = top

    def measure(s: str) -> float:
        return pdfmetrics.stringWidth(s, font, size)

    for b in bs:
        if b.kind != "p":
            continue
        indent = 2 * size
        for line in _wrap(b.text, lambda s, first, indent=indent: measure(s) <= right - left - (indent if first else 0)):
            if y < bottom:
                new_page()
            c.setFont(font, size)
            c.drawString(left + (indent if line[1] else 0), y, line[0])
            y -= lead
    new_page()
    c.save()
    return buf.getvalue()


def _wrap(text: str, fits) -> list[tuple[str, bool]]:
    """Break a paragraph into lines that fit, never inside a run of ASCII letters/digits."""
    tokens: list[str] = []
    for ch in text:
        if tokens and ch.isascii() and ch.isalnum() and tokens[-1][-1:].isascii() and tokens[-1][-1:].isalnum():
            tokens[-1] += ch
        else:
            tokens.append(ch)
    lines: list[tuple[str, bool]] = []
    cur = ""
    for tok in tokens:
        first = not lines
        if cur and not fits(cur + tok, first):
            lines.append((cur, first))
            cur = tok
        else:
            cur += tok
    if cur:
        lines.append((cur, not lines))
    return lines


def identity_pdf(lines: list[str], *, size: int = 16, one_by_one: bool = True) -> bytes:
    """A PDF as government offices' tools write it: the font 仿宋_GB2312 (FangSong_GB2312)
    not embedded, Identity-H CIDs with a ToUnicode map and /W widths, and, if ``one_by_one``,
    every character placed by itself (a text object per character). Lines start at the
    left margin, 1.5 lines apart; written byte by byte here (no reportlab needed)."""
    chars = sorted({ch for line in lines for ch in line})
    cid = {ch: i + 1 for i, ch in enumerate(chars)}
    widths = {ch: 1000 if ord(ch) > 0x2000 else 500 for ch in chars}
    ops: list[bytes] = []
    y = 800.0
    for line in lines:
        x = 80.0
        runs = [[ch] for ch in line] if one_by_one else [list(line)]
        for run in runs:
            codes = b"".join(b"%04X" % cid[ch] for ch in run)
            ops.append(b"BT /F1 %d Tf 1 0 0 1 %.2f %.2f Tm <%s> Tj ET" % (size, x, y, codes))
            x += sum(widths[ch] for ch in run) * size / 1000
        y -= size * 1.5
    content = b"\n".join(ops)
    bfchar = b"\n".join(b"<%04X> <%04X>" % (cid[ch], ord(ch)) for ch in chars)
    tounicode = (b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /Adobe-Identity-UCS def "
                 b"/CMapType 2 def 1 begincodespacerange <0000> <FFFF> endcodespacerange %d beginbfchar\n%s\n"
                 b"endbfchar endcmap CMapName currentdict /CMap defineresource pop end end" % (len(chars), bfchar))
    w = b" ".join(b"%d [%d]" % (cid[ch], widths[ch]) for ch in chars)
    name = b"/FangSong_GB2312"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> "
        b"/Contents 4 0 R >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content),
        b"<< /Type /Font /Subtype /Type0 /BaseFont %s /Encoding /Identity-H /DescendantFonts [6 0 R] "
        b"/ToUnicode 8 0 R >>" % name,
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont %s /CIDSystemInfo << /Registry (Adobe) "
        b"/Ordering (Identity) /Supplement 0 >> /FontDescriptor 7 0 R /DW 1000 /W [%s] /CIDToGIDMap /Identity >>"
        % (name, w),
        b"<< /Type /FontDescriptor /FontName %s /Flags 6 /FontBBox [0 -140 1000 860] /ItalicAngle 0 "
        b"/Ascent 860 /Descent -140 /CapHeight 700 /StemV 80 >>" % name,
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(tounicode), tounicode),
    ]
    return pdf_from_objects(objects)


def pdf_from_objects(objects: list[bytes]) -> bytes:
    """A PDF file of numbered objects (1 is the catalog) with its cross-reference table: the
    one writer of the hand-made PDFs of the fixtures and the hostile corpus."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, obj in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (i, obj)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)
