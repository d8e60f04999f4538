"""The one font PDFium may use for fonts a PDF does not embed: a box, the same on every machine.

A PDF that does not embed its fonts (仿宋_GB2312, STSong-Light: most government PDFs) is
drawn by PDFium with a font the machine has, found through its system-font interface.
Where none has the glyphs (no CJK fonts installed), each character gets an empty glyph box,
and PDFium's text page then drops every text object that holds a single such character
(a lone 。 on the last line of a paragraph, or all text of a PDF that places characters one
by one); where a CJK font is installed the same PDF reads differently. So the reader
installs this interface (FPDF_SetSystemFontInfo) before it opens a PDF: every font request
is answered with BOX_FONT, a 700-byte TrueType font made here whose glyphs are all one
box, 1 em wide. Text, order and positions then never depend on the fonts of the machine
(the reader takes positions and widths from the PDF itself; see pdf.py). Embedded fonts
and PDFium's built-in standard fonts are not affected.
"""

from __future__ import annotations

import ctypes
import struct

#: Font units per em, and the box every glyph is (left, bottom, right, top) and its advance.
UNITS_PER_EM = 1000
BOX = (0, -120, 1000, 880)
ADVANCE = 1000
FAMILY = "ipplanbox"

_installed: list[object] = []  # the interface and its callbacks, kept alive while PDFium holds them


def _checksum(data: bytes) -> int:
    data += b"\0" * (-len(data) % 4)
    return sum(struct.unpack(f">{len(data) // 4}L", data)) & 0xFFFFFFFF


def box_font(box: tuple[int, int, int, int] = BOX, advance: int = ADVANCE, family: str = FAMILY) -> bytes:
    """A TrueType font of two glyphs (.notdef and one other), both ``box``, with every
    code point U+0000-U+10FFFF mapped to glyph 1 (cmap format 13). It claims the Latin,
    GB2312 and Big5 code pages."""
    left, bottom, right, top = box
    glyph = struct.pack(">hhhhhHH", 1, left, bottom, right, top, 3, 0)  # one contour, 4 points, no code
    glyph += bytes([1] * 4)  # flags: on-curve points, coordinates as 16-bit deltas
    points = [(left, bottom), (left, top), (right, top), (right, bottom)]
    deltas = list(zip(points, [(0, 0), *points[:-1]]))
    glyph += b"".join(struct.pack(">h", x - px) for (x, _), (px, _) in deltas)
    glyph += b"".join(struct.pack(">h", y - py) for (_, y), (_, py) in deltas)
    glyph += b"\0" * (-len(glyph) % 4)
    n = 2
    tables = {
        b"head": struct.pack(">LLLLHHqqhhhhHHhhh", 0x10000, 0x10000, 0, 0x5F0F3CF5, 0b1011, UNITS_PER_EM, 0, 0,
                             left, bottom, right, top, 0, 8, 2, 0, 0),
        b"hhea": struct.pack(">LhhhHhhhhhhhhhhhH", 0x10000, top, bottom, 0, advance, left, advance - right, right,
                             1, 0, 0, 0, 0, 0, 0, 0, n),
        b"maxp": struct.pack(">LHHHHHHHHHHHHHH", 0x10000, n, 4, 1, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0),
        b"hmtx": struct.pack(">Hh", advance, left) * n,
        b"glyf": glyph * n,
        b"loca": struct.pack(">HHH", 0, len(glyph) // 2, len(glyph)),  # short offsets (halved)
        b"cmap": _cmap(),
        b"name": _name(family),
        b"post": struct.pack(">LLhhLLLLL", 0x30000, 0, 0, 0, 1, 0, 0, 0, 0),
        b"OS/2": (struct.pack(">HhHHHhhhhhhhhhhh", 1, advance, 400, 5, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
                  + bytes(10) + struct.pack(">LLLL", 1, 0, 0, 0) + b"NONE"
                  + struct.pack(">HHHhhhHH", 0x40, 0x20, 0xFFFF, top, bottom, 0, top, -bottom)
                  + struct.pack(">LL", 1 | 1 << 18 | 1 << 20, 0)),  # code pages: Latin 1, GB2312, Big5
    }
    head = struct.pack(">LHHHH", 0x10000, len(tables), 128, 3, 16 * len(tables) - 128)
    offset = 12 + 16 * len(tables)
    directory, body = b"", b""
    for tag in sorted(tables):
        data = tables[tag]
        directory += struct.pack(">4sLLL", tag, _checksum(data), offset + len(body), len(data))
        body += data + b"\0" * (-len(data) % 4)
    return head + directory + body


def _cmap() -> bytes:
    # (3,1) format 4 holding only the closing segment, and (3,10) format 13: all → glyph 1.
    f4 = struct.pack(">HHHHHHHHHHhH", 4, 24, 0, 2, 2, 0, 0, 0xFFFF, 0, 0xFFFF, 1, 0)
    f13 = struct.pack(">HHLLLLLL", 13, 0, 28, 0, 1, 0, 0x10FFFF, 1)
    return struct.pack(">HHHHLHHL", 0, 2, 3, 1, 20, 3, 10, 20 + len(f4)) + f4 + f13


def _name(family: str) -> bytes:
    names = [(1, family), (2, "Regular"), (4, family), (6, family)]
    records, strings = b"", b""
    for name_id, text in names:
        data = text.encode("utf-16-be")
        records += struct.pack(">HHHHHH", 3, 1, 0x409, name_id, len(data), len(strings))
        strings += data
    return struct.pack(">HHH", 0, len(names), 6 + 12 * len(names)) + records + strings


def install() -> None:
    """Answer every font request of PDFium with the box font (once per process)."""
    if _installed:
        return
    import pypdfium2.raw as raw

    font = box_font()
    data = ctypes.create_string_buffer(font, len(font))
    face = FAMILY.encode("ascii") + b"\0"

    def get_font_data(_this, _font, table, buffer, size):  # table 0: the whole font; no other is served
        if table != 0:
            return 0
        if buffer and size >= len(font):
            ctypes.memmove(buffer, data, len(font))
        return len(font)

    def get_face_name(_this, _font, buffer, size):
        if buffer and size >= len(face):
            ctypes.memmove(buffer, face, len(face))
        return len(face)

    callbacks = {
        "Release": lambda _this: None,
        "EnumFonts": lambda _this, _mapper: None,
        "MapFont": lambda _this, _weight, _italic, _charset, _pitch, _face, _exact: 1,
        "GetFont": lambda _this, _face: 1,
        "GetFontData": get_font_data,
        "GetFaceName": get_face_name,
        "GetFontCharset": lambda _this, _font: 1,  # DEFAULT_CHARSET
        "DeleteFont": lambda _this, _font: None,
    }
    info = raw.FPDF_SYSFONTINFO()
    info.version = 1
    types = dict(info._fields_)
    wrapped = {name: types[name](func) for name, func in callbacks.items()}
    for name, func in wrapped.items():
        setattr(info, name, func)
    raw.FPDF_SetSystemFontInfo(info)
    _installed.extend([info, wrapped, data])
