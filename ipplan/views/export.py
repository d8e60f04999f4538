"""Writers for Rows: CSV (UTF-8 with BOM, for Excel), XLSX (openpyxl) and Parquet
(pyarrow). XLSX and Parquet need optional extras; a missing one is a one-line error.
Every writer gives the same bytes for the same rows.
"""

from __future__ import annotations

import csv
import re
import io
import unicodedata
from pathlib import Path
from typing import IO, Any

from ipplan.errors import MissingExtraError
from ipplan.views.rows import Rows

FORMATS = ("csv", "xlsx", "parquet")
#: Formats that hold every table of the plans at once (ipplan.views.database).
DATABASES = ("sqlite",)
#: The format of each -o suffix.
SUFFIXES = {".csv": "csv", ".xlsx": "xlsx", ".parquet": "parquet", ".sqlite": "sqlite", ".sqlite3": "sqlite",
            ".db": "sqlite"}
#: Widest XLSX column, in character cells (long texts wrap inside it).
MAX_WIDTH = 60
#: Fixed timestamp for XLSX properties and zip entries, so that output is reproducible.
FIXED_TIME = (1980, 1, 1, 0, 0, 0)


def format_for(path: str | None, fmt: str | None, formats: tuple[str, ...] = FORMATS) -> str:
    """The output format: as given, else from the file's suffix (csv for stdout). A suffix
    that names none of ``formats`` raises ValueError with the list: a file named x.json
    must not silently hold CSV."""
    if fmt:
        return fmt
    if not path or path == "-":
        return "csv"
    suffix = Path(path).suffix.lower()
    found = SUFFIXES.get(suffix)
    if found in formats:
        return found
    known = ", ".join(s for s, f in SUFFIXES.items() if f in formats)
    what = f"an unknown suffix {suffix!r}" if suffix else "no suffix"
    raise ValueError(f"{path}: {what}: give -o a file ending in {known} (or --format "
                     f"{'|'.join(f for f in formats)})")


def to_bytes(rows: Rows, fmt: str, *, sheet: str = "rows", bom: bool = True) -> bytes:
    """``rows`` in format ``fmt``; ``bom=False`` leaves the BOM out of CSV (for pipes)."""
    if fmt == "csv":
        return csv_bytes(rows, bom=bom)
    return {"xlsx": xlsx_bytes, "parquet": parquet_bytes}[fmt](rows, sheet=sheet)


# --- CSV ------------------------------------------------------------------------------

def _csv_cell(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, bool):
        return "true" if v else "false"
    return str(v)


#: A text cell starting like this is a formula to a spreadsheet (=HYPERLINK(…), +cmd|…):
#: plan text is untrusted, so such a cell is written with a leading ' (OWASP's advice).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


_PLAIN_NUMBER = re.compile(r"[-+]?\d+(?:\.\d+)?%?")


#: Where a spreadsheet may begin a cell inside a CSV field: after a ";" or a tab. Excel in a
#: locale whose list separator is ";" (most of Europe) splits a line there, and honours a
#: quote only at the start of its own cells: a;=cmd|… becomes a cell "=cmd|…", a formula.
_OTHER_SEPARATORS = re.compile(r"([;\t])")


def _neutral(text: str) -> str:
    if len(text) > 1 and text.startswith(_FORMULA_START) and not _PLAIN_NUMBER.fullmatch(text):
        return "'" + text  # (an op "=" alone, or "-5", is a value, not a formula)
    return text


def _csv_text(v: Any) -> str:
    """A cell's text, with a ' before every part a spreadsheet could read as a formula: the
    cell's start, and each part after a ";" or a tab (_OTHER_SEPARATORS)."""
    text = _csv_cell(v)
    if not isinstance(v, str):
        return text
    if ";" not in text and "\t" not in text:
        return _neutral(text)
    parts = _OTHER_SEPARATORS.split(text)
    return "".join(part if i % 2 else _neutral(part) for i, part in enumerate(parts))


def write_csv(rows: Rows, stream: IO[str]) -> None:
    w = csv.writer(stream, lineterminator="\r\n")
    w.writerow([_csv_text(c.name) for c in rows.columns])
    for row in rows.rows:
        w.writerow([_csv_text(v) for v in row])


def csv_bytes(rows: Rows, *, bom: bool = True) -> bytes:
    """CSV in UTF-8 with a BOM (Excel then reads Chinese correctly), CRLF line ends."""
    buf = io.StringIO(newline="")
    write_csv(rows, buf)
    return buf.getvalue().encode("utf-8-sig" if bom else "utf-8")


# --- XLSX -----------------------------------------------------------------------------

def display_width(text: str) -> int:
    """Character cells: CJK and full-width characters count double."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _require(module: str, extra: str) -> Any:
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError as exc:
        raise MissingExtraError(f"writing {extra} needs {module.split('.')[0]}: pip install 'ipplan[{extra}]'") from exc


def xlsx_bytes(rows: Rows, *, sheet: str = "rows") -> bytes:
    """One sheet: bold frozen header, filter, widths from content, numbers as numbers.

    Written in openpyxl's write-only (streaming) mode: about twice as fast, and memory does
    not grow with a cell object per value."""
    openpyxl = _require("openpyxl", "xlsx")
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet(sheet[:31])
    wrap_cols = set()
    for i, col in enumerate(rows.columns):
        width = max([display_width(col.name)] + [display_width(_csv_cell(r[i])) for r in rows.rows]) + 2
        ws.column_dimensions[get_column_letter(i + 1)].width = min(max(width, 6), MAX_WIDTH)
        if width > MAX_WIDTH:
            wrap_cols.add(i)  # long texts wrap inside the widest column
    ws.freeze_panes = "A2"
    if rows.rows:
        ws.auto_filter.ref = f"A1:{get_column_letter(len(rows.columns))}{len(rows.rows) + 1}"
    bold, wrap = Font(bold=True), Alignment(wrap_text=True, vertical="top")

    def text_cell(value: str, i: int) -> WriteOnlyCell:
        cell = WriteOnlyCell(ws, value=value)
        cell.data_type = "s"  # text, never a formula (=…)
        if i in wrap_cols:
            cell.alignment = wrap
        return cell

    header = [WriteOnlyCell(ws, value=c.name) for c in rows.columns]
    for cell in header:
        cell.font = bold
    ws.append(header)
    for row in rows.rows:
        out: list[Any] = []
        for i, v in enumerate(row):
            if isinstance(v, str):
                v = ILLEGAL_CHARACTERS_RE.sub("", v)  # control characters XML cannot hold
                if i in wrap_cols or v.startswith("="):
                    v = text_cell(v, i)
            out.append(v)
        ws.append(out)
    import datetime

    fixed = datetime.datetime(*FIXED_TIME)
    wb.properties.creator = "ipplan"
    wb.properties.created = fixed
    buf = io.BytesIO()
    wb.save(buf)  # sets properties.modified to now: normalized below
    return _reproducible_zip(buf.getvalue(), fixed.strftime("%Y-%m-%dT%H:%M:%SZ"))


def _reproducible_zip(data: bytes, stamp: str) -> bytes:
    """Re-pack a zip with fixed entry times and a fixed modified date in docProps/core.xml."""
    import re
    import zipfile

    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            body = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                body = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)",
                              rb"\g<1>" + stamp.encode() + rb"\g<2>", body)
            entry = zipfile.ZipInfo(info.filename, date_time=FIXED_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = info.external_attr
            dst.writestr(entry, body)
    return out.getvalue()


# --- Parquet --------------------------------------------------------------------------

def parquet_bytes(rows: Rows, *, sheet: str = "") -> bytes:  # sheet: one signature for all writers
    """A Parquet table with typed columns (string, int64, float64, bool; nulls kept)."""
    pa = _require("pyarrow", "parquet")
    pq = _require("pyarrow.parquet", "parquet")
    types = {"str": pa.string(), "int": pa.int64(), "float": pa.float64(), "bool": pa.bool_()}
    arrays = [pa.array([_parquet_cell(r[i], c.type) for r in rows.rows], type=types[c.type])
              for i, c in enumerate(rows.columns)]
    table = pa.Table.from_arrays(arrays, names=[c.name for c in rows.columns])
    buf = io.BytesIO()
    pq.write_table(table, buf)
    return buf.getvalue()


def _parquet_cell(v: Any, typ: str) -> Any:
    if v is None:
        return None
    return float(v) if typ == "float" else v
