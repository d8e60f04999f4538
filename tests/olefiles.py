"""Write OLE compound files (CFB version 3, [MS-CFB]) and minimal Word binary documents
([MS-DOC]) for the tests: a WPS-written document (Word's streams plus WPS Office's own),
pieces stored compressed (cp1252) or as UTF-16, and damaged variants, without LibreOffice.

The writer keeps streams under 4,096 bytes in the mini stream as the format requires, so
olefile (and Word, LibreOffice) read its files as they read real ones.
"""

from __future__ import annotations

import struct

SECTOR = 512
MINI = 64
CUTOFF = 4096
FREE, END, FATSECT = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD


def _pad(data: bytes, size: int) -> bytes:
    return data + b"\0" * (-len(data) % size)


def ole_file(streams: dict[str, bytes]) -> bytes:
    """A compound file holding ``streams`` (flat: names without storages)."""
    names = list(streams)
    big = [n for n in names if len(streams[n]) >= CUTOFF]
    small = [n for n in names if len(streams[n]) < CUTOFF]
    fat: list[int] = []
    body = bytearray()

    def chain(data: bytes) -> int:
        if not data:
            return END
        first = len(fat)
        count = len(_pad(data, SECTOR)) // SECTOR
        fat.extend(range(first + 1, first + count))
        fat.append(END)
        body.extend(_pad(data, SECTOR))
        return first

    starts: dict[str, tuple[int, int]] = {}
    for n in big:
        starts[n] = (chain(streams[n]), len(streams[n]))
    mini = bytearray()
    minifat: list[int] = []
    for n in small:
        data = streams[n]
        if not data:
            starts[n] = (END, 0)
            continue
        first = len(minifat)
        count = len(_pad(data, MINI)) // MINI
        minifat.extend(range(first + 1, first + count))
        minifat.append(END)
        mini.extend(_pad(data, MINI))
        starts[n] = (first, len(data))
    root_start = chain(bytes(mini)) if mini else END
    minifat_start = chain(b"".join(struct.pack("<I", v) for v in minifat)) if minifat else END
    minifat_sectors = len(_pad(b"\0" * 4 * len(minifat), SECTOR)) // SECTOR if minifat else 0

    entries = [_entry("Root Entry", 5, root_start, len(mini), child=1 if names else FREE)]
    for i, n in enumerate(names, 1):
        start, size = starts[n]
        entries.append(_entry(n, 2, start, size, right=i + 1 if i < len(names) else FREE))
    dir_start = chain(_pad(b"".join(entries), SECTOR))

    n_fat = 1
    while (len(fat) + n_fat) > n_fat * (SECTOR // 4):
        n_fat += 1
    fat_first = len(fat)
    fat.extend([FATSECT] * n_fat)
    fat_bytes = _pad(b"".join(struct.pack("<I", v) for v in fat), SECTOR)
    fat_bytes += struct.pack("<I", FREE) * ((n_fat * SECTOR - len(fat_bytes)) // 4)
    body.extend(fat_bytes)
    difat = [fat_first + i for i in range(n_fat)] + [FREE] * (109 - n_fat)
    header = struct.pack("<8s16sHHHHH6sIIIIIIIII", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", b"\0" * 16, 0x3E, 3, 0xFFFE,
                         9, 6, b"\0" * 6, 0, n_fat, dir_start, 0, CUTOFF, minifat_start, minifat_sectors, END, 0)
    header += b"".join(struct.pack("<I", v) for v in difat)
    return header + bytes(body)


def _entry(name: str, kind: int, start: int, size: int, *, child: int = FREE, right: int = FREE) -> bytes:
    raw = name.encode("utf-16-le") + b"\0\0"
    return struct.pack("<64sHBBIII16sIQQIQ", raw, len(raw), kind, 1, FREE, right, child, b"\0" * 16, 0, 0, 0,
                       start, size)


# ---------------------------------------------------------------- Word binary


def word_document(pieces: list[tuple[str, bool]], *, nfib: int = 0x00C1, flags: int = 0x0200,
                  ccp_text: int | None = None, clx_fc_shift: int = 0) -> dict[str, bytes]:
    """The WordDocument and 1Table streams of a document whose main text is the
    concatenation of ``pieces`` ((text, compressed): compressed pieces are stored one
    byte per character in cp1252, the others as UTF-16LE). No paragraph or list
    properties: every paragraph is plain. ``ccp_text`` and ``clx_fc_shift`` make a
    damaged file (a text count or piece table that lies)."""
    fib_size = 1472  # a Word 97 FIB: base, 14 shorts, 22 longs, 93 fc/lcb pairs, padding
    word = bytearray(fib_size)
    cps, pcds = [0], []
    for text, compressed in pieces:
        fc = len(word)
        word += text.encode("cp1252") if compressed else text.encode("utf-16-le")
        pcds.append(struct.pack("<HIH", 0, (fc * 2) | 0x40000000 if compressed else fc, 0))
        cps.append(cps[-1] + len(text))
    plc = b"".join(struct.pack("<i", cp) for cp in cps) + b"".join(pcds)
    clx = b"\x02" + struct.pack("<I", len(plc)) + plc
    table = bytes(clx)
    struct.pack_into("<HH", word, 0, 0xA5EC, nfib)
    struct.pack_into("<H", word, 0x0A, flags)
    struct.pack_into("<H", word, 32, 14)
    lw = 32 + 2 + 28
    struct.pack_into("<H", word, lw, 22)
    struct.pack_into("<i", word, lw + 2 + 12, cps[-1] if ccp_text is None else ccp_text)
    rg = lw + 2 + 88
    struct.pack_into("<H", word, rg, 93)
    struct.pack_into("<II", word, rg + 2 + 8 * 33, clx_fc_shift, len(clx))
    return {"WordDocument": bytes(word), "1Table": table}
