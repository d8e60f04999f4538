"""Write OFD packages (GB/T 33190) from the samples, shaped as OFD writers lay out a
公文: A4 pages, 16-pt (5.6 mm) text in a 156 mm column, first lines indented two
characters, a "- N -" page number in the bottom margin; each line one TextObject with a
TextCode placed by X/Y and DeltaX (runs of equal gaps written "g N d", as writers do), and
the first line of each page drawn one TextObject per character. Objects are written
bottom-up (the reader must order them by position, not by the XML).

``glyphs=True`` writes every character as its own TextObject in nested PageBlocks, in
a scaled object space (CTM="0.05 0 0 0.05 0 0", Size and Y in twentieths of a millimetre)
with a CGTransform naming its glyph, as a real converter's OFD of a news page does.
"""

from __future__ import annotations

import io
import zipfile
from html import escape

NS = "http://www.ofdspec.org/2016"
WIDTH, HEIGHT = 210.0, 297.0
LEFT, TOP, COLUMN = 28.0, 37.0, 156.0
SIZE, PITCH, LINES = 5.6, 10.0, 22


def _w(ch: str) -> float:
    return SIZE if ord(ch) > 0x2E7F else SIZE / 2


def wrap(paragraphs: list[str]) -> list[tuple[str, float]]:
    """(text, x offset) of each printed line; never broken inside a run of ASCII letters
    and digits (as typesetting keeps 2025 whole)."""
    out = []
    for para in paragraphs:
        tokens: list[str] = []
        for ch in para:
            if tokens and ch.isascii() and ch.isalnum() and tokens[-1][-1].isascii() and tokens[-1][-1].isalnum():
                tokens[-1] += ch
            else:
                tokens.append(ch)
        indent = 2 * SIZE
        line, width = "", indent
        for tok in tokens:
            w = sum(_w(c) for c in tok)
            if line and width + w > COLUMN + 0.01:
                out.append((line, indent))
                line, width, indent = "", 0.0, 0.0
            line += tok
            width += w
        out.append((line, indent))
    return out


def _deltas(text: str) -> str:
    gaps = [_w(c) for c in text[:-1]]
    parts, i = [], 0
    while i < len(gaps):
        j = i
        while j < len(gaps) and gaps[j] == gaps[i]:
            j += 1
        parts.append(f"g {j - i} {gaps[i]:g}" if j - i > 2 else " ".join(f"{g:g}" for g in gaps[i:j]))
        i = j
    return " ".join(parts)


def _object(oid: int, x: float, y: float, text: str) -> str:
    width = sum(_w(c) for c in text)
    delta = f' DeltaX="{_deltas(text)}"' if len(text) > 1 else ""
    return (f'<ofd:TextObject ID="{oid}" Boundary="{x:g} {y:g} {width:g} {PITCH:g}" Font="3" Size="{SIZE:g}">'
            f'<ofd:FillColor Value="0 0 0"/><ofd:TextCode X="0" Y="{SIZE * 0.85:g}"{delta}>{escape(text)}'
            "</ofd:TextCode></ofd:TextObject>")


def _glyph(oid: int, x: float, y: float, ch: str) -> str:
    """One character drawn alone in a scaled object space (see the module doc)."""
    scale = 0.05
    return (f'<ofd:TextObject ID="{oid}" Boundary="{x:.4f} {y:.4f} {_w(ch):.4f} {SIZE:.4f}" Size="{SIZE / scale:g}" '
            f'CTM="{scale:g} 0 0 {scale:g} 0 0" Fill="true" Font="8"><ofd:FillColor Value="0 0 0" Alpha="255"/>'
            f'<ofd:CGTransform GlyphCount="1" CodeCount="1" CodePosition="0"><ofd:Glyphs>{ord(ch) % 997}</ofd:Glyphs>'
            f'</ofd:CGTransform><ofd:TextCode X="0" Y="{SIZE * 0.86 / scale:.4f}">{escape(ch)}</ofd:TextCode>'
            "</ofd:TextObject>")


def ofd_file(paragraphs: list[str], *, page_numbers: bool = True, glyphs: bool = False) -> bytes:
    lines = wrap(paragraphs)
    pages = [lines[i : i + LINES] for i in range(0, len(lines), LINES)] or [[]]
    files = {}
    oid = 10
    for n, page in enumerate(pages):
        objects = []
        for k, (text, indent) in enumerate(page):
            y = TOP + k * PITCH
            if glyphs:
                x = LEFT + indent
                for ch in text:
                    objects.append(_glyph(oid, x, y, ch))
                    oid += 1
                    x += _w(ch)
            elif k == 0:
                x = LEFT + indent
                for ch in text:
                    objects.append(_object(oid, x, y, ch))
                    oid += 1
                    x += _w(ch)
            elif text:
                objects.append(_object(oid, LEFT + indent, y, text))
                oid += 1
        if page_numbers:
            label = f"- {n + 1} -"
            objects.append(_object(oid, WIDTH / 2 - 6, HEIGHT - 20, label))
            oid += 1
        objects.reverse()
        body = "".join(objects)
        if glyphs:
            body = f'<ofd:PageBlock ID="{oid}"><ofd:PageBlock ID="{oid + 1}">{body}</ofd:PageBlock></ofd:PageBlock>'
            oid += 2
        files[f"Doc_0/Pages/Page_{n}/Content.xml"] = (
            f'<?xml version="1.0" encoding="UTF-8"?><ofd:Page xmlns:ofd="{NS}"><ofd:Area><ofd:PhysicalBox>0 0 '
            f'{WIDTH:g} {HEIGHT:g}</ofd:PhysicalBox></ofd:Area><ofd:Content>'
            f'<ofd:Layer ID="{oid}" Type="Body">{body}</ofd:Layer></ofd:Content></ofd:Page>')
        oid += 1
    page_list = "".join(f'<ofd:Page ID="{n + 1}" BaseLoc="Pages/Page_{n}/Content.xml"/>' for n in range(len(pages)))
    files["OFD.xml"] = (f'<?xml version="1.0" encoding="UTF-8"?><ofd:OFD xmlns:ofd="{NS}" Version="1.0" DocType="OFD">'
                        "<ofd:DocBody><ofd:DocInfo><ofd:DocID>0</ofd:DocID><ofd:Creator>ipplan tests</ofd:Creator>"
                        "</ofd:DocInfo><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>")
    files["Doc_0/Document.xml"] = (
        f'<?xml version="1.0" encoding="UTF-8"?><ofd:Document xmlns:ofd="{NS}"><ofd:CommonData>'
        f"<ofd:MaxUnitID>{oid}</ofd:MaxUnitID><ofd:PageArea><ofd:PhysicalBox>0 0 {WIDTH:g} {HEIGHT:g}"
        "</ofd:PhysicalBox></ofd:PageArea><ofd:PublicRes>PublicRes.xml</ofd:PublicRes></ofd:CommonData>"
        f"<ofd:Pages>{page_list}</ofd:Pages></ofd:Document>")
    files["Doc_0/PublicRes.xml"] = (f'<?xml version="1.0" encoding="UTF-8"?><ofd:Res xmlns:ofd="{NS}" BaseLoc="Res">'
                                    '<ofd:Fonts><ofd:Font ID="3" FontName="仿宋_GB2312" FamilyName="仿宋"/>'
                                    "</ofd:Fonts></ofd:Res>")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name in sorted(files):
            info = zipfile.ZipInfo(name, (2024, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, files[name])
    return buf.getvalue()
