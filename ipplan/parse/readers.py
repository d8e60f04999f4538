"""Reading and decoding: the only stage that touches the file system.

Input type is decided by content (magic bytes), not by the file name. Text is decoded
strictly: UTF-8 (with or without BOM), UTF-16 with a BOM, then GB18030 (a superset of GBK
and GB2312). Bytes that decode cleanly in none of them are an error, never mojibake.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from ipplan.errors import ReadError
from ipplan.parse.types import DecodedDocument, RawDocument

#: Default maximum input size in bytes.
MAX_BYTES = 50 * 1024 * 1024

#: (magic prefix, format, message if ipplan cannot read that format yet)
MAGIC: tuple[tuple[bytes, str, str | None], ...] = (
    (b"%PDF", "pdf", "PDF input is not supported yet; save the text (pdftotext) and parse that"),
    (b"PK\x03\x04", "docx", "DOCX/ZIP input is not supported yet; save it as text and parse that"),
    (b"\xd0\xcf\x11\xe0", "doc", "legacy .doc/.wps (OLE) file; convert it with "
     "`libreoffice --headless --convert-to docx FILE` or save it as text"),
)

#: Encodings tried in order for text without a BOM.
TEXT_ENCODINGS: tuple[str, ...] = ("utf-8", "gb18030")


def read_path(path: str | os.PathLike[str], *, max_bytes: int = MAX_BYTES) -> RawDocument:
    """Read a file (or ``-`` for stdin) into a RawDocument, with one-line errors."""
    name = os.fspath(path)
    if name == "-":
        import sys

        data = sys.stdin.buffer.read(max_bytes + 1)
        return _check(RawDocument(data=data, path=None), "<stdin>", max_bytes)
    p = Path(name)
    if p.is_dir():
        raise ReadError("is a directory (use `ipplan batch` for folders)", name)
    try:
        size = p.stat().st_size
        if size > max_bytes:
            raise ReadError(f"file is {size:,} bytes, over the {max_bytes:,}-byte limit", name)
        data = p.read_bytes()
    except FileNotFoundError:
        raise ReadError("no such file", name) from None
    except PermissionError:
        raise ReadError("permission denied", name) from None
    except OSError as exc:
        raise ReadError(f"cannot read: {exc.strerror or exc}", name) from None
    return _check(RawDocument(data=data, path=name), name, max_bytes)


def _check(raw: RawDocument, name: str, max_bytes: int) -> RawDocument:
    if len(raw.data) > max_bytes:
        raise ReadError(f"input is over the {max_bytes:,}-byte limit", name)
    if not raw.data.strip():
        raise ReadError("empty file", name)
    return raw


def sniff_format(data: bytes) -> tuple[str, str | None]:
    """Return (format, unsupported-message) from the first bytes."""
    for magic, fmt, message in MAGIC:
        if data.startswith(magic):
            return fmt, message
    head = data[:512].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith((b"<!doctype html", b"<html")) or b"<body" in data[:4096].lower():
        return "html", None
    return "txt", None


def decode(raw: RawDocument, encoding: str | None = None) -> DecodedDocument:
    """Decode a RawDocument's bytes to text. ``encoding`` forces a codec."""
    name = raw.path or "<stdin>"
    data = raw.data
    fmt, unsupported = sniff_format(data)
    if unsupported:
        raise ReadError(unsupported, name)
    sha = hashlib.sha256(data).hexdigest()
    if encoding:
        try:
            text = data.decode(encoding)
        except LookupError:
            raise ReadError(f"unknown encoding {encoding!r}", name) from None
        except UnicodeDecodeError as exc:
            raise ReadError(f"not valid {encoding} at byte {exc.start}", name) from None
        return _decoded(text, raw, sha, encoding, fmt)
    if data.startswith(b"\xef\xbb\xbf"):
        return _decoded(_strict(data[3:], "utf-8", name), raw, sha, "utf-8-sig", fmt)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _decoded(_strict(data, "utf-16", name), raw, sha, "utf-16", fmt)
    if b"\x00" in data[:8192]:
        raise ReadError("binary file (contains NUL bytes), not a text document", name)
    for enc in TEXT_ENCODINGS:
        try:
            return _decoded(data.decode(enc), raw, sha, enc, fmt)
        except UnicodeDecodeError:
            continue
    raise ReadError("cannot decode: not UTF-8 or GB18030 text (try --encoding)", name)


def _strict(data: bytes, enc: str, name: str) -> str:
    try:
        return data.decode(enc)
    except UnicodeDecodeError as exc:
        raise ReadError(f"invalid {enc} at byte {exc.start}", name) from None


def _decoded(text: str, raw: RawDocument, sha: str, enc: str, fmt: str) -> DecodedDocument:
    if fmt == "html":
        from ipplan.parse.html import html_to_text

        text = html_to_text(text)
    return DecodedDocument(text=text, path=raw.path, sha256=sha, encoding=enc, format=fmt)
