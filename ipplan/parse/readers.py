"""Reading and decoding: the only stage that touches the file system.

The input type is decided by content (magic bytes, leading markup), not by the file name:
PDF, DOCX (a ZIP holding word/document.xml), OFD (a ZIP holding OFD.xml), Word 97–2003
and WPS text documents (OLE compound files holding a WordDocument stream), HTML and text
are read; RTF, other OLE files and other ZIP archives get a one-line error saying what to
do. Text and HTML are decoded as charset.py describes; each other format has its module
in formats/.
"""

from __future__ import annotations

import hashlib
import os
import re
import stat

from ipplan.errors import ReadError
from ipplan.parse.rules import lazy
from ipplan.parse.types import DecodedDocument, RawDocument
from ipplan.parse.vocab.notices import NoticeRef

#: Default maximum input size in bytes.
MAX_BYTES = 50 * 1024 * 1024

#: (magic prefix, format) — checked in order against the first bytes.
MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "pdf"),
    (b"PK\x03\x04", "zip"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "ole"),
    (b"{\\rtf", "rtf"),
)
#: Formats ipplan does not read, with what to do instead.
UNSUPPORTED: dict[str, str] = {
    "rtf": "RTF file; convert it with `libreoffice --headless --convert-to docx FILE` and parse the .docx",
}
#: Leading markup of an HTML page (after a BOM, whitespace and comments).
HTML_STARTS: tuple[bytes, ...] = (b"<!doctype html", b"<html", b"<head", b"<meta", b"<body", b"<title", b"<?xml")
#: Markup that makes a page HTML when it occurs near the start.
HTML_TAGS: tuple[bytes, ...] = (b"<html", b"<body", b"<head")
#: Tags of article markup: a CMS export or a crawler's ``content`` column is an HTML
#: fragment (``<div class="TRS_Editor"><p>…``) with no <html> around it.
_FRAGMENT_TAG = (rb"</?(?P<tag>div|p|span|table|tbody|thead|tr|td|th|font|br|h[1-6]|ul|ol|li|section|article|"
                 rb"center|strong|b|a|img|style|dl|dt|dd|pre|blockquote|em|u|hr|sup|sub)(?=[\s>/])[^<>]{0,600}>")
FRAGMENT_TAGS = lazy(_FRAGMENT_TAG, re.IGNORECASE)
#: A text is markup when it starts with an article tag, or when this many article tags of
#: at least two kinds occur in its first FRAGMENT_SCAN bytes (a scraped record that starts
#: with a few words before its markup). A plain text quoting a tag or two is not markup.
FRAGMENT_MIN_TAGS = 6
FRAGMENT_SCAN = 65536


def read_path(path: str | os.PathLike[str], *, max_bytes: int = MAX_BYTES) -> RawDocument:
    """Read a file (or ``-`` for stdin) into a RawDocument, with one-line errors. Only
    regular files are read (a FIFO would block, /dev/zero never ends), and never more
    than ``max_bytes`` + 1 bytes, whatever the size the file system reports."""
    name = os.fspath(path)
    if name == "-":
        import sys

        data = sys.stdin.buffer.read(max_bytes + 1)
        return _check(RawDocument(data=data, path=None), "<stdin>", max_bytes)
    try:
        # O_NONBLOCK: opening a FIFO must not wait for a writer; fstat then refuses it.
        fd = os.open(name, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except FileNotFoundError:
        raise ReadError("no such file", name) from None
    except PermissionError:
        raise ReadError("permission denied", name) from None
    except IsADirectoryError:
        raise ReadError("is a directory (use `ipplan batch` for folders)", name) from None
    except OSError as exc:
        raise ReadError(f"cannot read: {exc.strerror or exc}", name) from None
    try:
        st = os.fstat(fd)
        if stat.S_ISDIR(st.st_mode):
            raise ReadError("is a directory (use `ipplan batch` for folders)", name)
        if not stat.S_ISREG(st.st_mode):
            raise ReadError(f"not a regular file ({_special_kind(st.st_mode)}); not read", name)
        if st.st_size > max_bytes:
            raise ReadError(f"file is {st.st_size:,} bytes, over the {max_bytes:,}-byte limit", name)
        chunks, size = [], 0
        while size <= max_bytes:
            chunk = os.read(fd, min(1 << 20, max_bytes + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        data = b"".join(chunks)
    except OSError as exc:
        raise ReadError(f"cannot read: {exc.strerror or exc}", name) from None
    finally:
        os.close(fd)
    return _check(RawDocument(data=data, path=name), name, max_bytes)


def _special_kind(mode: int) -> str:
    for test, kind in ((stat.S_ISFIFO, "a FIFO"), (stat.S_ISCHR, "a character device"),
                       (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket")):
        if test(mode):
            return kind
    return "a special file"


#: Text with nothing to read: whitespace of any width, zero-width marks, BOMs.
_BLANK = lazy(r"[\s\u200b\u200c\u200d\u2060\ufeff]*")


def _check(raw: RawDocument, name: str, max_bytes: int) -> RawDocument:
    if len(raw.data) > max_bytes:
        raise ReadError(f"input is over the {max_bytes:,}-byte limit", name)
    if not raw.data.strip():
        raise ReadError("empty file", name)
    return raw


def sniff_format(data: bytes) -> str:
    """The input's format from its first bytes: pdf, zip (DOCX or OFD), ole (.doc, .wps),
    rtf, html or txt."""
    for magic, fmt in MAGIC:
        if data.startswith(magic):
            return fmt
    head = data[:1024]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16: look at the ASCII bytes only
        head = head[2:].replace(b"\x00", b"")
    head = head.removeprefix(b"\xef\xbb\xbf").lstrip(b" \t\r\n").lower()
    while head.startswith(b"<!--") and b"-->" in head:
        head = head.split(b"-->", 1)[1].lstrip(b" \t\r\n")
    if head.startswith(HTML_STARTS) and (not head.startswith(b"<?xml") or b"<html" in data[:4096].lower()):
        return "html"
    if any(tag in head[:512] for tag in HTML_TAGS):
        return "html"
    if FRAGMENT_TAGS.match(head):
        return "html"
    scan = data[:FRAGMENT_SCAN]
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        scan = scan.replace(b"\x00", b"")
    kinds: set[bytes] = set()
    count = 0
    for m in FRAGMENT_TAGS.finditer(scan):
        count += 1
        kinds.add(m["tag"].lower())
        if count >= FRAGMENT_MIN_TAGS and len(kinds) >= 2:
            return "html"
    return "txt"


def decode(raw: RawDocument, encoding: str | None = None) -> DecodedDocument:
    """Bytes → text of any supported format. ``encoding`` forces the codec of text and
    HTML (DOCX and PDF carry their own encodings and ignore it). Every table the format's
    reader lays out pays its merged cells from one budget for the document
    (layout.document_budget), whatever the format."""
    from ipplan.parse.formats.layout import document_budget

    with document_budget():
        return _decode(raw, encoding)


def _decode(raw: RawDocument, encoding: str | None) -> DecodedDocument:
    from ipplan.parse import charset

    name = raw.path or "<stdin>"
    data = raw.data
    if not data.strip():
        raise ReadError("empty file", name)
    fmt = sniff_format(data)
    if fmt in UNSUPPORTED:
        raise ReadError(UNSUPPORTED[fmt], name)
    sha = hashlib.sha256(data).hexdigest()
    notices: list[NoticeRef] = []  # what the reader doubts or left out
    if fmt == "pdf":
        from ipplan.parse.formats.pdf import pdf_to_text

        text = pdf_to_text(data, name, notices)
        return DecodedDocument(text, raw.path, sha, None, "pdf", charset.text_notices(text, notices))
    if fmt == "ole":
        from ipplan.parse.formats.doc import doc_to_text

        text = doc_to_text(data, name, notices)
        return DecodedDocument(text, raw.path, sha, None, "doc", charset.text_notices(text, notices))
    if fmt == "zip":
        from ipplan.parse.formats import ofd

        if ofd.is_ofd(data):
            text = ofd.ofd_to_text(data, name, notices)
            return DecodedDocument(text, raw.path, sha, "utf-8", "ofd", charset.text_notices(text, notices))
        from ipplan.parse.formats.docx import docx_to_text

        text = docx_to_text(data, name, notices)
        return DecodedDocument(text, raw.path, sha, "utf-8", "docx", charset.text_notices(text, notices))
    if fmt == "html":
        from ipplan.parse.formats.html import decode_html, html_to_text

        page = decode_html(data, name, encoding)
        text = html_to_text(page.text, name, notices)
        return DecodedDocument(text, raw.path, sha, page.encoding, "html",
                               charset.text_notices(text, notices, encoding))
    decoded = charset.decode_text(data, name, encoding)
    if _BLANK.fullmatch(decoded.text):
        raise ReadError("no text: the file holds only whitespace", name)
    return DecodedDocument(decoded.text, raw.path, sha, decoded.encoding, "txt",
                           charset.text_notices(decoded.text, notices, encoding))
