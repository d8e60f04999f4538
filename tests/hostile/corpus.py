"""The hostile corpus, built by the tests themselves (nothing binary is committed).

Each entry writes one file into a folder and says which command reads it, the exit code
and the words of the documented one-line error (see SECURITY.md and the README).
"""

from __future__ import annotations

import io
import random
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

from tests.conftest import SAMPLES
from tests.fixtures import pdf_from_objects
from tests.olefiles import ole_file, word_document

SAMPLE = (SAMPLES / "linyi-2023.txt").read_bytes()


class Hostile(NamedTuple):
    name: str
    build: Callable[[], bytes]
    command: str  # "parse" or "validate"
    exit_code: int
    words: str  # in the one-line error


def _zip_bomb(member: str = "word/document.xml", first: tuple[str, str] = ("[Content_Types].xml", "<Types/>")) -> bytes:
    """A .docx whose document.xml (or an OFD whose ``member``) inflates to 1 GiB of zeros
    (about 1 MB on disk)."""
    buf = io.BytesIO()
    def info(name: str) -> zipfile.ZipInfo:  # fixed timestamps: the same bytes on every run
        zi = zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0))
        zi.compress_type = zipfile.ZIP_DEFLATED
        return zi

    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        zf.writestr(info(first[0]), first[1])
        with zf.open(info(member), "w", force_zip64=True) as fh:
            block = b"\0" * (1 << 20)
            for _ in range(1024):
                fh.write(block)
    return buf.getvalue()


_OFD_ROOT = ('<ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016"><ofd:DocBody><ofd:DocRoot>Doc_0/Document.xml'
             "</ofd:DocRoot></ofd:DocBody></ofd:OFD>")


def _repeated_pieces() -> bytes:
    """A WPS/Word file whose 200,000 pieces all point at the same 20 KB of text and whose
    ccpText claims 2^31-1 characters: at most one character per byte of its stream is read."""
    import struct

    text = SAMPLE.decode("utf-8")[:10_000].replace("\n", "\r")
    streams = word_document([(text, False)])
    word = bytearray(streams["WordDocument"])
    fc, n = len(word) - 2 * len(text), 200_000
    plc = (b"".join(struct.pack("<i", i * len(text)) for i in range(n + 1))
           + struct.pack("<HIH", 0, fc, 0) * n)
    clx = b"\x02" + struct.pack("<I", len(plc)) + plc
    struct.pack_into("<i", word, 62 + 2 + 12, 2**31 - 1)
    struct.pack_into("<II", word, 154 + 8 * 33, 0, len(clx))
    return ole_file({"WordDocument": bytes(word), "1Table": clx})


def _pdf_without_text() -> bytes:
    """A one-page PDF with a drawing and no text (what a scanner makes, minus the image)."""
    content = b"0 0 1 rg 100 100 200 200 re f"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content),
    ]
    return pdf_from_objects(objects)


def _invalid_utf8() -> bytes:
    """The UTF-8 sample with stray bytes in the middle (a damaged download)."""
    cut = len(SAMPLE) // 2
    cut = SAMPLE.rfind("。".encode(), 0, cut) + 3
    return SAMPLE[:cut] + b"\xff\xfe\xc3\x28" + SAMPLE[cut:]


def _alias_bomb() -> bytes:
    """"Billion laughs": nine levels of nine aliases, 342 bytes, 10^9 strings if expanded."""
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for prev, cur in zip("abcdefgh", "bcdefghi"):
        lines.append(f"{cur}: &{cur} [" + ",".join([f"*{prev}"] * 9) + "]")
    return ("\n".join(lines) + "\n").encode()


def _big_plan() -> bytes:
    """A 20 MB plan file: one valid plan with a very long warnings list."""
    head = b"schema_version: '1'\nwarnings:\n"
    line = b"- " + "知识产权".encode() * 8 + b"\n"
    return head + line * (20 * 1024 * 1024 // len(line) + 1)


CORPUS: tuple[Hostile, ...] = (
    Hostile("empty.txt", lambda: b"", "parse", 1, "empty"),
    Hostile("whitespace.txt", lambda: " \n\t\r\n\u3000\u200b\n".encode() * 100, "parse", 1, "only whitespace"),
    Hostile("binary.txt", lambda: random.Random(1).randbytes(4096), "parse", 1, "binary"),
    Hostile("nul.txt", lambda: SAMPLE[:2000] + b"\0" * 64 + SAMPLE[2000:], "parse", 1, "binary"),
    Hostile("invalid-utf8.txt", _invalid_utf8, "parse", 1, "cannot decode"),
    Hostile("bomb.docx", _zip_bomb, "parse", 1, "zip bomb"),
    Hostile("scanned.pdf", _pdf_without_text, "parse", 1, "no text layer (scanned?)"),
    Hostile("nested.html", lambda: b"<html><body>" + b"<div>" * 100_000 + "知识产权".encode() + b"</div>" * 100_000,
            "parse", 1, "nested too deeply"),
    Hostile("legacy.doc", lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 4096, "parse", 1,
            "libreoffice --headless --convert-to docx"),
    Hostile("encrypted.doc", lambda: ole_file(word_document([("一、总体要求\r", False)], flags=0x0300)), "parse", 1,
            "encrypted (password-protected) Word file"),
    Hostile("pieces.wps", _repeated_pieces, "parse", 0, ""),
    Hostile("bomb.ofd", lambda: _zip_bomb("Doc_0/Document.xml", ("OFD.xml", _OFD_ROOT)), "parse", 1, "zip bomb"),
    Hostile("huge.txt", lambda: SAMPLE * (51 * 1024 * 1024 // len(SAMPLE) + 1), "parse", 1, "byte limit"),
    Hostile("alias-bomb.yaml", _alias_bomb, "validate", 1, "P003"),
    Hostile("big-plan.yaml", _big_plan, "validate", 2, "P010"),
)


def build(folder: Path) -> dict[str, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = {}
    for h in CORPUS:
        path = folder / h.name
        path.write_bytes(h.build())
        paths[h.name] = path
    return paths
