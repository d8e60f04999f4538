"""Tables of documents as input: a JSON Lines, CSV or SQLite file with one document per
row, as crawlers and CMS exports hold them (``ipplan batch docs.jsonl -o plans/``).

A row gives: the document (a column holding HTML or text, sniffed as a file's bytes are;
a SQLite BLOB may hold any format ipplan reads), the value that names its output (made a
safe file name), and the metadata columns kept in the plan's ``source.record``. With no
options the document is the ``text`` or ``html`` column (``content`` too) and the name the
``id`` column (else ``url``, else the row number). Rows are read as a stream, twice in a
batch run (once to hash them for the manifest, once to hand them to the workers), so a
table larger than memory is fine; one value is at most the --max-size limit.

Everything here is a pure function of the table; batch.py runs the rows as it runs files.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ipplan.errors import IpplanError, UsageError

if TYPE_CHECKING:
    from ipplan.schema import Plan

#: Suffixes read as tables (a SQLite file is also known by its header).
TABLE_SUFFIXES = (".jsonl", ".ndjson", ".csv", ".sqlite", ".sqlite3", ".db")
SQLITE_MAGIC = b"SQLite format 3\x00"
#: Default columns, tried in order.
TEXT_COLUMNS = ("text", "html", "content")
ID_COLUMNS = ("id", "url")
#: Metadata columns kept in source.record: record field → column names (case-insensitive).
META_COLUMNS: dict[str, tuple[str, ...]] = {
    "title": ("title", "标题", "名称", "文件名称"),
    "date": ("issue_date", "成文日期", "发文日期", "date", "日期", "发布日期", "publish_date", "pub_date",
             "pubdate", "published"),
    "doc_number": ("doc_number", "文号", "发文字号", "文件编号", "doc_no", "docno"),
    "issuer": ("issuer", "发文机关", "发布机构", "发文单位"),
    "url": ("url", "link", "原文链接", "source_url", "original_url"),
}
#: Date columns that name the 成文日期: only these may fill meta.issue_date (a crawler's
#: ``date`` is when the page was published, which the header rules never take for it).
ISSUE_DATE_COLUMNS = ("issue_date", "成文日期", "发文日期")
#: Longest metadata value kept (a title column holding a whole page is cut).
MAX_META_CHARS = 1000
#: Longest output name made from an id (a longer one is cut and given a hash).
MAX_NAME = 100
_UNSAFE = re.compile(r"[^\w\u4e00-\u9fff.\-]+")


@dataclass(frozen=True)
class TableSpec:
    """Which columns to read (None: the defaults) and, for SQLite, which table or query."""

    text_column: str | None = None
    id_column: str | None = None
    table: str | None = None
    query: str | None = None


@dataclass
class Row:
    """One row: its 1-based number, its id (None: numbered), the document's bytes, the
    metadata for source.record, or the reason the row cannot be read."""

    number: int
    id: str | None
    data: bytes | None = None
    record: dict[str, Any] = field(default_factory=dict)
    error: str | None = None

    def sha256(self) -> str:
        """The manifest's content hash: the document and the metadata that go into its plan."""
        h = hashlib.sha256(self.data or b"")
        h.update(json.dumps(self.record, ensure_ascii=False, sort_keys=True).encode("utf-8"))
        return h.hexdigest()


def is_table(path: Path) -> bool:
    """Whether ``path`` is a table of documents (a regular file with a table suffix, or a
    SQLite database under any name)."""
    if not path.is_file():
        return False
    if path.suffix.lower() in TABLE_SUFFIXES:
        return True
    try:
        with path.open("rb") as fh:
            return fh.read(16) == SQLITE_MAGIC
    except OSError:
        return False


def kind_of(path: Path) -> str:
    try:
        with path.open("rb") as fh:
            if fh.read(16) == SQLITE_MAGIC:
                return "sqlite"
    except OSError as exc:
        raise IpplanError(f"cannot read: {exc.strerror or exc}", str(path)) from None
    suffix = path.suffix.lower()
    return "csv" if suffix == ".csv" else "sqlite" if suffix in (".sqlite", ".sqlite3", ".db") else "jsonl"


def safe_name(value: str) -> str:
    """An id as a file name: a URL without its scheme, every run of characters other than
    letters, digits, CJK, ``.`` and ``-`` as one ``_``; cut with a hash when long; never
    hidden, empty or a name ipplan keeps for itself (``_manifest``)."""
    text = re.sub(r"^[a-z][a-z0-9+.-]*://", "", value.strip(), flags=re.IGNORECASE)
    name = _UNSAFE.sub("_", text).strip("._-")
    if len(name) > MAX_NAME:
        name = name[: MAX_NAME - 9] + "~" + hashlib.sha1(value.encode("utf-8")).hexdigest()[:8]
    return name or "row"


def rows(path: Path, spec: TableSpec, max_bytes: int) -> Iterator[Row]:
    """The table's rows, in order, as a stream. A table that cannot be read at all (not
    JSON Lines, no such column, a bad query) raises a one-line IpplanError."""
    kind = kind_of(path)
    if kind == "sqlite":
        yield from _sqlite_rows(path, spec, max_bytes)
    elif kind == "csv":
        yield from _csv_rows(path, spec, max_bytes)
    else:
        yield from _jsonl_rows(path, spec, max_bytes)


def _columns(names: list[str], spec: TableSpec, where: str) -> tuple[str, str | None, dict[str, str]]:
    """(document column, id column or None, record field → column)."""
    lower = {n.lower(): n for n in names}

    def pick(given: str | None, defaults: tuple[str, ...], what: str, option: str) -> str | None:
        if given is not None:
            if given not in names and given.lower() not in lower:
                raise UsageError(f"{where} has no column {given!r} ({option}; columns: {', '.join(names[:20])})")
            return given if given in names else lower[given.lower()]
        return next((lower[d] for d in defaults if d in lower), None)

    text = pick(spec.text_column, TEXT_COLUMNS, "document", "--text-column")
    if text is None:
        raise UsageError(f"{where} has no text, html or content column (columns: {', '.join(names[:20])}); "
                         "name the document's column with --text-column")
    ident = pick(spec.id_column, ID_COLUMNS, "id", "--id-column")
    meta: dict[str, str] = {}
    for key, candidates in META_COLUMNS.items():
        col = next((lower[c.lower()] for c in candidates if c.lower() in lower and lower[c.lower()] != text), None)
        if col is not None:
            meta[key] = col
    return text, ident, meta


def _row(number: int, values: dict[str, Any], text: str, ident: str | None, meta: dict[str, str],
         max_bytes: int, table: str) -> Row:
    raw_id = values.get(ident) if ident else None
    rid = None if raw_id is None or str(raw_id).strip() == "" else str(raw_id).strip()
    record: dict[str, Any] = {"table": table, "id": rid}
    for key, col in meta.items():
        value = values.get(col)
        if value is not None and not isinstance(value, (bytes, bytearray)) and str(value).strip():
            record[key] = str(value).strip()[:MAX_META_CHARS]
            if key == "date" and col.lower() in ISSUE_DATE_COLUMNS:
                record["date_names_issue"] = True
    doc = values.get(text)
    if doc is None or (isinstance(doc, str) and not doc.strip()):
        return Row(number, rid, None, record, f"row {number}: the {text} column is empty")
    if isinstance(doc, (bytes, bytearray, memoryview)):
        data = bytes(doc)
    elif isinstance(doc, str):
        data = doc.encode("utf-8", "surrogatepass")
    else:
        data = str(doc).encode("utf-8")
    if len(data) > max_bytes:
        return Row(number, rid, None, record, f"row {number}: the document is {len(data):,} bytes, over the "
                                              f"{max_bytes:,}-byte limit")
    return Row(number, rid, data, record)


def _jsonl_rows(path: Path, spec: TableSpec, max_bytes: int) -> Iterator[Row]:
    seen: dict[tuple, tuple[str, str | None, dict[str, str]] | str] = {}
    number = 0
    with path.open("rb") as fh:
        while True:
            line = fh.readline(max_bytes * 2 + 1024)
            if not line:
                break
            if not line.strip():
                continue
            number += 1
            if not line.endswith(b"\n") and len(line) > max_bytes * 2:
                rest = line
                while rest and not rest.endswith(b"\n"):  # skip the rest of the line, a megabyte at a time
                    rest = fh.readline(1 << 20)
                yield Row(number, None, error=f"row {number}: the record is over {2 * max_bytes:,} bytes; not read")
                continue
            try:
                values = json.loads(line)
            except (ValueError, RecursionError) as exc:
                if number == 1:
                    raise IpplanError(f"not a JSON Lines table: line 1: {str(exc)[:80]}", str(path)) from None
                yield Row(number, None, error=f"row {number}: not a JSON object: {str(exc)[:80]}")
                continue
            if not isinstance(values, dict):
                yield Row(number, None, error=f"row {number}: not a JSON object")
                continue
            keys = tuple(values)  # records may differ in their keys: columns are found per key set
            if keys not in seen:
                try:
                    seen[keys] = _columns(list(keys), spec, path.name)
                except UsageError as exc:
                    if number == 1:
                        raise
                    seen[keys] = exc.message
                if len(seen) > 1000:
                    seen.clear()
            cols = seen[keys]
            if isinstance(cols, str):
                yield Row(number, None, error=f"row {number}: {cols}")
                continue
            yield _row(number, values, *cols, max_bytes, path.name)


def _csv_rows(path: Path, spec: TableSpec, max_bytes: int) -> Iterator[Row]:
    import csv

    encoding = _csv_encoding(path)
    previous = csv.field_size_limit(max(max_bytes, 1 << 20))  # (a document is one field; restored below)
    try:
        # A byte the codec cannot read is one U+FFFD in its row (notice N002), not the end of the table.
        with path.open("r", encoding=encoding, newline="", errors="replace") as fh:
            reader = csv.reader(fh)
            try:
                header = next(reader)
            except StopIteration:
                raise IpplanError("empty CSV table", str(path)) from None
            except (csv.Error, UnicodeDecodeError) as exc:
                raise IpplanError(f"not a CSV table: {str(exc)[:80]}", str(path)) from None
            cols = _columns(header, spec, path.name)
            number = 0
            while True:
                try:
                    values = next(reader)
                except StopIteration:
                    break
                except csv.Error as exc:  # (a NUL byte, say): that row fails, the reader goes on
                    number += 1
                    yield Row(number, None, error=f"row {number}: not a CSV row: {str(exc)[:80]}")
                    continue
                if not any(v.strip() for v in values):
                    continue
                number += 1
                yield _row(number, dict(zip(header, values)), *cols, max_bytes, path.name)
    finally:
        csv.field_size_limit(previous)


def _csv_encoding(path: Path) -> str:
    """UTF-8 (with or without BOM), else GB18030 (what Excel writes on a Chinese
    Windows), decided on the first megabyte."""
    with path.open("rb") as fh:
        head = fh.read(1 << 20)
    if head.startswith(b"\xef\xbb\xbf"):
        return "utf-8-sig"
    try:
        head.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError as exc:
        if exc.start >= len(head) - 3:  # a character cut at the end of the sample
            return "utf-8"
        return "gb18030"


def _sqlite_rows(path: Path, spec: TableSpec, max_bytes: int) -> Iterator[Row]:
    """Rows of ``spec.query``, else of ``spec.table``, else of the only table (or the one
    named ``documents``/``docs``). The database is opened read-only."""
    import sqlite3

    try:
        con = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise IpplanError(f"cannot open the SQLite database: {exc}", str(path)) from None
    try:
        con.execute("PRAGMA query_only = ON")
        if spec.query:
            sql = spec.query
        else:
            try:
                tables = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view') "
                                                    "AND name NOT LIKE 'sqlite_%' ORDER BY name")]
            except sqlite3.Error as exc:
                raise IpplanError(f"not a SQLite database: {exc}", str(path)) from None
            table = spec.table
            if table is None:
                named = [t for t in tables if t.lower() in ("documents", "docs")]
                if len(tables) == 1 or len(named) == 1:
                    table = tables[0] if len(tables) == 1 else named[0]
                else:
                    raise UsageError(f"{path.name} holds {len(tables)} tables ({', '.join(tables[:20])}); "
                                     "name one with --table, or give --query")
            elif table not in tables:
                raise UsageError(f"{path.name} has no table {table!r} (tables: {', '.join(tables[:20])})")
            sql = f'SELECT * FROM "{table.replace(chr(34), chr(34) * 2)}" ORDER BY rowid'
        try:
            cur = con.execute(sql)
        except sqlite3.Error as exc:
            raise IpplanError(f"the SQLite query failed: {exc}", str(path)) from None
        header = [d[0] for d in cur.description or ()]
        cols = _columns(header, spec, path.name)
        number = 0
        while True:
            try:
                batch = cur.fetchmany(64)
            except sqlite3.Error as exc:
                raise IpplanError(f"SQLite row {number + 1}: {exc}", str(path)) from None
            if not batch:
                break
            for values in batch:
                number += 1
                yield _row(number, dict(zip(header, values)), *cols, max_bytes, path.name)
    finally:
        con.close()


# --- the plan --------------------------------------------------------------------------

def with_record(plan: Plan, record: dict[str, Any]) -> Plan:
    """``with_record_data`` on a ``Plan``."""
    from ipplan.api import to_model

    return to_model(with_record_data(plan.model_dump(mode="json"), record))


#: Fields of source.record in the schema's order (schema.plan.Record; `filled` is written
#: only when it holds something).
_RECORD_FIELDS = ("table", "id", "title", "date", "doc_number", "issuer", "url")


def with_record_data(plan: dict[str, Any], record: dict[str, Any]) -> dict[str, Any]:
    """Plan data (api.build_plan) with its table row in ``source.record``, and the meta
    fields its text left null filled from the row's metadata (listed in ``record.filled``).
    A value is used only in the form a plan holds it (a 文号 that reads as one, a real date
    within the validator's window of the plan's period), so the plan still validates. The
    data stays in the schema's form (batch writes it as it is)."""
    from ipplan.parse.dates import parse_date
    from ipplan.parse.header import normalize_doc_number
    from ipplan.years import ISSUE_YEARS_AROUND_PERIOD, year_window

    rec = {k: v for k, v in record.items() if k != "date_names_issue"}
    meta = plan["meta"]
    fill: dict[str, Any] = {}
    if meta["title"] is None and rec.get("title"):
        fill["title"] = rec["title"]
    if meta["doc_number"] is None and rec.get("doc_number"):
        number = normalize_doc_number(rec["doc_number"])
        if number:
            fill["doc_number"] = number
    if meta["issuer"] is None and rec.get("issuer"):
        fill["issuer"] = rec["issuer"]
    if meta["issue_date"] is None and rec.get("date") and record.get("date_names_issue"):
        date = parse_date(rec["date"], whole=True) or parse_date(rec["date"][:10], whole=True)
        period = (meta["period"]["start"], meta["period"]["end"]) if meta["period"] else None
        lo, hi, _ = year_window(period, ISSUE_YEARS_AROUND_PERIOD)
        if date and lo <= int(date[:4]) <= hi:
            fill["issue_date"] = date
    unknown = set(rec) - set(_RECORD_FIELDS)
    if unknown or not isinstance(rec.get("table"), str) or any(
            rec.get(k) is not None and not isinstance(rec[k], str) for k in _RECORD_FIELDS):
        raise ValueError(f"not a table record: {rec!r}")  # (a bug: tablesource makes every record)
    form = {k: rec.get(k) for k in _RECORD_FIELDS}
    if fill:
        form["filled"] = sorted(fill)
    return {**plan, "source": {**plan["source"], "record": form}, "meta": {**meta, **fill}}


def parse_record(values: dict[str, Any], table: str = "", spec: TableSpec = TableSpec(),
                 max_bytes: int | None = None) -> tuple[str | None, str | None, str | None]:
    """One record of a table (a dict of its columns) → (id, the plan as one line of JSON,
    None) or (id, None, the one-line error). A pure function of the record, for running
    ipplan on a distributed engine (README: "Past one machine"); ``ipplan batch TABLE``
    does the same for a table on one machine."""
    from ipplan import emit
    from ipplan.api import parse_bytes_data
    from ipplan.parse.readers import MAX_BYTES

    try:
        row = _row(0, values, *_columns(list(values), spec, table or "the record"), max_bytes or MAX_BYTES, table)
    except IpplanError as exc:
        return None, None, exc.message
    if row.error or row.data is None:
        return row.id, None, (row.error or "no document").removeprefix("row 0: ")
    try:
        name = safe_name(row.id) if row.id is not None else None  # the path `ipplan batch TABLE` gives
        plan = with_record_data(parse_bytes_data(row.data, path=f"{table}#{name}" if table else name), row.record)
    except IpplanError as exc:
        return row.id, None, exc.message
    return row.id, emit.to_jsonl(plan)[:-1], None
