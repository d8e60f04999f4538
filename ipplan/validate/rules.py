"""The validation rules: stable codes, names and messages as named data, and the semantic
checks of a loaded plan.

Codes: P00x loading and schema, P01x files that cannot be read (exit code 2), P1xx
semantic rules, D2xx differences from a fresh parse (``--against``). The README's rule
table is checked against RULES by a test. Checks work on the raw loaded data and skip
values of the wrong type (the schema reports those), so one run shows every problem.
"""

from __future__ import annotations

import datetime
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from ipplan.years import ISSUE_YEARS_AROUND_PERIOD, TARGET_YEARS_AROUND_PERIOD, year_window

FieldPath = tuple[str | int, ...]


class Rule(NamedTuple):
    code: str
    name: str
    severity: str  # "error", "warning" (reported, exit 0) or "notice" (informational)
    stage: str  # "read" (exit 2) and "load" stop at once and cannot be ignored; "data", "schema", "rule", "diff"
    summary: str  # one line for the README and --list-rules
    message: str  # str.format template


RULES: tuple[Rule, ...] = (
    Rule("P001", "schema", "error", "schema", "the plan schema rejects a value: wrong type, missing or unknown field",
         "{detail}"),
    Rule("P002", "syntax", "error", "load", "malformed YAML or JSON", "{detail}"),
    Rule("P003", "anchor-alias", "error", "load", "a YAML anchor or alias (rejected, so alias bombs cannot expand)",
         "YAML {what} {name} is not allowed: plan files may not use anchors or aliases"),
    Rule("P004", "duplicate-key", "error", "data", "a mapping key given twice (the first value is kept)",
         "duplicate key {key} (first at line {ref_line})"),
    Rule("P005", "yaml-feature", "error", "load", "a YAML tag (other than !!str) or a complex mapping key",
         "{detail}"),
    Rule("P006", "empty-document", "error", "load", "the file holds no plan", "the file holds no YAML or JSON document"),
    Rule("P007", "multiple-documents", "error", "load", "more than one YAML document in the file",
         "a second YAML document starts here; a plan file holds one"),
    Rule("P008", "too-deep", "error", "load", "nesting deeper than 64 levels", "nesting deeper than {limit} levels"),
    Rule("P009", "number-too-long", "error", "load", "a number literal longer than 100 characters (not converted)",
         "a number of {chars:,} characters: numbers longer than {limit} characters are not read"),
    Rule("P010", "too-large", "error", "read", "the file is over the size limit (--max-bytes, 10 MiB by default)",
         "file is {size:,} bytes, over the {limit:,}-byte limit"),
    Rule("P011", "not-utf8", "error", "read", "the file is not UTF-8 text", "{detail}"),
    Rule("P012", "unreadable", "error", "read", "the file cannot be read", "{detail}"),
    Rule("P101", "duplicate-section-id", "error", "rule", "two sections have the same id",
         "duplicate section id {id} (first at line {ref_line})"),
    Rule("P102", "section-id-position", "error", "rule", "a section id does not start with its parent's id",
         "section id {id} does not match its place in the tree: expected {expected}"),
    Rule("P103", "ordinal-mismatch", "error", "rule", "a section's ordinal is not the last part of its id",
         "ordinal {ordinal} does not match section id {id} (expected {expected})"),
    Rule("P104", "level-mismatch", "error", "rule", "a section's level is not its depth in the tree",
         "level {level} does not match the section's depth {depth}"),
    Rule("P105", "section-id-format", "error", "rule", 'a section id is not numbers joined by dots ("3.1.2")',
         'section id {id} is not numbers joined by dots (like "3.1.2")'),
    Rule("P106", "unknown-target-section", "error", "rule", "a target's section names no section",
         "target section {section} is not the id of any section"),
    Rule("P107", "unknown-table-row", "error", "rule", 'a target\'s "table:<n>/<row>" names no table row',
         "target section {section} names no table row: {reason}"),
    Rule("P108", "value-max-op", "error", "schema", 'value_max given with an op other than "range"',
         'value_max {value_max} is given with op {op}: only op "range" has an upper bound'),
    Rule("P109", "value-max-below", "error", "schema", "value_max below value",
         "value_max {value_max} is below value {value}"),
    Rule("P110", "implausible-year", "error", "rule", "a year far from the plan period (or outside 1949–2100)",
         "year {year} is outside {lo}–{hi}, the plausible years for {basis}"),
    Rule("P111", "bad-issue-date", "error", "rule", "issue_date is not a real date in YYYY-MM-DD form",
         "issue_date {value} is not a real date (YYYY-MM-DD)"),
    Rule("P112", "empty-unit-name", "error", "rule", "a responsible unit with an empty name or alias",
         "empty unit {field}"),
    Rule("P113", "table-row-width", "error", "rule", "a table row whose width differs from the header's",
         "row has {cells} cells, the header has {width}"),
    Rule("P114", "table-index", "error", "rule", "table indexes are not 1, 2, 3, … in order",
         "table index {index} at position {position} (expected {position})"),
    Rule("P115", "period-order", "error", "schema", "the period ends before it starts",
         "period end {end} is before start {start}"),
    Rule("P116", "unknown-indicator-id", "error", "rule", "a target's indicator_id is not in the canonical table",
         "indicator_id {id} is not a canonical indicator{hint} (see `ipplan indicators`)"),
    Rule("P117", "missing-schema-version", "error", "rule", "the file does not say schema_version (not a plan?)",
         'no schema_version: a plan file starts with schema_version: "1"'),
    Rule("D201", "changed-value", "notice", "diff", "--against: a value differs from a fresh parse",
         "curated {curated}, fresh parse {parsed}"),
    Rule("D202", "missing-in-parse", "notice", "diff", "--against: the fresh parse lacks an item of the curated plan",
         "the fresh parse has no {item}"),
    Rule("D203", "new-in-parse", "notice", "diff", "--against: the fresh parse has an item the curated plan lacks",
         "the fresh parse adds {item} at {where}"),
    Rule("D204", "no-source", "warning", "diff", "--against: no source document found for the plan",
         "no source document under {root} (looked for {tried})"),
    Rule("D205", "source-failed", "warning", "diff", "--against: the source document cannot be parsed",
         "source document {source} does not parse: {error}"),
)

RULES_BY_CODE = {r.code: r for r in RULES}
RULES_BY_NAME = {r.name: r for r in RULES}

#: Findings reported per file at most (a hostile file could hold millions).
MAX_FINDINGS_PER_FILE = 200


SECTION_ID = re.compile(r"[0-9]+(?:\.[0-9]+)*")
TABLE_REF = re.compile(r"table:(?P<n>[0-9]+)/(?P<row>.+)")
ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


@dataclass(frozen=True)
class Hit:
    """A rule's finding before it is placed in the source: a field path and message arguments."""

    code: str
    path: FieldPath
    args: dict[str, Any] = field(default_factory=dict)
    ref: FieldPath | None = None  # another place the message names by line ({ref_line})
    at_key: bool = False  # point at the mapping key rather than the value
    error_type: str | None = None  # pydantic error type, for hints on unquoted YAML scalars


@dataclass(frozen=True)
class Finding:
    """One reported problem, placed in a file."""

    code: str
    message: str
    line: int
    col: int
    path: str = ""
    file: str = ""

    @property
    def rule(self) -> Rule:
        return RULES_BY_CODE[self.code]

    def to_dict(self) -> dict[str, Any]:
        r = self.rule
        return {"file": self.file, "line": self.line, "column": self.col, "code": self.code, "name": r.name,
                "severity": r.severity, "path": self.path, "message": self.message}


def message(code: str, **args: Any) -> str:
    return RULES_BY_CODE[code].message.format(**args)


#: Characters no finding prints as they are: C0 and C1 controls (newlines, ESC), line and
#: paragraph separators, bidirectional controls, a BOM, and lone surrogates (a file name
#: that is not UTF-8).
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069"
                          "\ufeff\ud800-\udfff]")
_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(m: re.Match[str]) -> str:
    c = m.group()
    return _ESCAPES.get(c) or (f"\\x{ord(c):02x}" if ord(c) < 0x100 else f"\\u{ord(c):04x}")


def printable(s: str) -> str:
    """``s`` on one line with nothing a terminal or a CI log acts on: every character of
    _UNPRINTABLE written as an escape (``\\n``, ``\\x1b``, ``\\u202e``)."""
    return _UNPRINTABLE.sub(_escape, s) if _UNPRINTABLE.search(s) else s


def display_path(path: str) -> str:
    """A file name as findings print it: escaped, and never at the start of an output line
    as a workflow command (``::error …``, ``##[error]``) or after spaces: ``./`` goes first."""
    p = printable(path)
    return "./" + p if p[:1] in (":", "#") or p[:1].isspace() else p


_PLAIN_KEY = re.compile(r"[^\s.\[\]\"\\:#]+")


def format_path(path: FieldPath) -> str:
    """``("sections", 2, "children", 0, "id")`` → ``sections[2].children[0].id``; a key that
    is not a plain word is quoted and escaped: ``meta["a\\nb"]``."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        elif _PLAIN_KEY.fullmatch(part) and not _UNPRINTABLE.search(part):
            out += f".{part}" if out else part
        else:
            out += f"[{show(part)}]"
    return out


def show(value: Any, limit: int = 50) -> str:
    """A short, quoted, escaped rendering of a value for messages (input is echoed only this far)."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer() and abs(value) < 2**53:
        return str(int(value))
    if isinstance(value, int) and value.bit_length() > 4096:  # repr() of 5,000 digits fails
        return f"a number of about {int(value.bit_length() * 0.30103) + 1:,} digits"
    if isinstance(value, (int, float)):  # (a number is echoed only this far too)
        text = repr(value)
        return text if len(text) <= limit else f"a number of {len(text.lstrip('-')):,} digits"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    s = str(value)
    if len(s) > limit:
        s = s[:limit] + "…"
    return printable(json.dumps(s, ensure_ascii=False))


# --- schema errors ---------------------------------------------------------------------


class SchemaRule(NamedTuple):
    """A pydantic error type given its own code instead of P001."""

    error_type: str
    loc_suffix: tuple[str, ...]  # the error's loc must end so ("*" = any list index); () = anywhere
    code: str
    point_at: str | None  # for errors on a whole object: the field to point at


SCHEMA_RULES: tuple[SchemaRule, ...] = (
    SchemaRule("value_max_op", (), "P108", "value_max"),
    SchemaRule("value_max_below", (), "P109", "value_max"),
    SchemaRule("period_order", (), "P115", "end"),
    SchemaRule("string_too_short", ("units", "*", "name"), "P112", None),
    SchemaRule("string_pattern_mismatch", ("meta", "issue_date"), "P111", None),
)


def _loc_ends(loc: FieldPath, suffix: tuple[str, ...]) -> bool:
    if len(loc) < len(suffix):
        return False
    tail = loc[len(loc) - len(suffix) :]
    return all(s == "*" and isinstance(p, int) or s == p for s, p in zip(suffix, tail))


def schema_hit(err: dict[str, Any]) -> Hit:
    """A pydantic error (from ``ValidationError.errors()``) as a Hit."""
    loc: FieldPath = tuple(err["loc"])
    kind = err["type"]
    for sr in SCHEMA_RULES:
        if sr.error_type == kind and _loc_ends(loc, sr.loc_suffix):
            ctx = {k: show(v) for k, v in (err.get("ctx") or {}).items()}
            args = {"value": show(err.get("input")), "field": loc[-1] if loc else "", **ctx}
            return Hit(sr.code, loc + ((sr.point_at,) if sr.point_at else ()), args)
    if kind == "missing":
        detail = f"missing field {show(loc[-1])}"
    elif kind == "extra_forbidden":
        detail = f"unknown field {show(loc[-1])}" + _did_you_mean(loc)
        return Hit("P001", loc, {"detail": detail}, at_key=True)
    else:
        detail = f"{err['msg']}, got {show(err.get('input'))}"
    return Hit("P001", loc, {"detail": detail}, error_type=kind)


def _did_you_mean(loc: FieldPath) -> str:
    import difflib

    fields = _fields_at(loc[:-1])
    close = difflib.get_close_matches(str(loc[-1]), fields, n=1, cutoff=0.6)
    return f" (did you mean {show(close[0])}?)" if close else ""


def _fields_at(loc: FieldPath) -> list[str]:
    """Field names of the schema model at ``loc`` (empty if it is not a model)."""
    import types
    import typing

    from pydantic import BaseModel

    from ipplan.schema import Plan

    model: Any = Plan
    for part in loc:
        if isinstance(part, int):
            continue
        info = model.model_fields.get(part) if isinstance(model, type) and issubclass(model, BaseModel) else None
        if info is None:
            return []
        model = info.annotation
        while typing.get_origin(model) in (list, typing.Union, types.UnionType):
            model = next(a for a in typing.get_args(model) if a is not type(None))
    return list(model.model_fields) if isinstance(model, type) and issubclass(model, BaseModel) else []


#: Plain YAML words that YAML 1.1 tools read as booleans; ipplan reads them as strings.
YAML11_BOOLEANS = frozenset({"y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO", "on", "On", "ON", "off", "Off",
                             "OFF"})


def plain_hint(error_type: str | None, raw: str, value: Any) -> str:
    """Advice for a schema error on an unquoted YAML scalar (``id: 1``, ``lead: no``)."""
    if error_type in ("string_type", "literal_error") and not isinstance(value, str):
        what = "null" if value is None else "a boolean" if isinstance(value, bool) else "a number"
        return f" (unquoted {raw} is {what} in YAML; quote it: '{raw}')"
    if error_type == "bool_type" and raw in YAML11_BOOLEANS:
        return " (only true and false are booleans)"
    return ""


# --- semantic checks -------------------------------------------------------------------


def check_plan(data: Any) -> Iterator[Hit]:
    """Every semantic finding (P1xx) of a loaded plan, in rule order."""
    if not isinstance(data, dict):
        return
    if "schema_version" not in data:
        yield Hit("P117", ())
    sections = list(_walk_sections(data.get("sections")))
    yield from _check_sections(sections)
    yield from _check_targets(data, {s["id"] for _, s, _, _ in sections if isinstance(s.get("id"), str)})
    yield from _check_indicator_ids(data)
    yield from _check_years(data)
    yield from _check_issue_date(data)
    yield from _check_units(data, sections)
    yield from _check_tables(data)


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _int(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _walk_sections(sections: Any) -> Iterator[tuple[FieldPath, dict[str, Any], str | None, int]]:
    """(path, section, parent id, depth) in document order; iterative, so deep trees are fine."""
    stack: list[tuple[FieldPath, Any, str | None, int]] = []
    stack.extend((("sections", i), s, None, 1) for i, s in reversed(list(enumerate(_list(sections)))))
    while stack:
        path, s, parent, depth = stack.pop()
        if not isinstance(s, dict):
            continue
        yield path, s, parent, depth
        sid = s.get("id") if isinstance(s.get("id"), str) else None
        stack.extend([((*path, "children", i), c, sid, depth + 1) for i, c in enumerate(_list(s.get("children")))][::-1])


def _check_sections(sections: list[tuple[FieldPath, dict[str, Any], str | None, int]]) -> Iterator[Hit]:
    first: dict[str, FieldPath] = {}
    for path, s, parent, depth in sections:
        sid = s.get("id")
        if isinstance(sid, str):
            if sid in first:
                yield Hit("P101", (*path, "id"), {"id": show(sid)}, ref=(*first[sid], "id"))
            else:
                first[sid] = path
            if not SECTION_ID.fullmatch(sid):
                yield Hit("P105", (*path, "id"), {"id": show(sid)})
            else:
                head, _, last = sid.rpartition(".")
                expected = f"{parent}.{last}" if parent is not None else last
                if (head or None) != parent:
                    yield Hit("P102", (*path, "id"), {"id": show(sid), "expected": show(expected)})
                ordinal = _int(s.get("ordinal"))
                if ordinal is not None and str(ordinal) != last:
                    yield Hit("P103", (*path, "ordinal"), {"ordinal": show(ordinal), "id": show(sid),
                                                          "expected": last if len(last) <= 50 else show(last)})
        level = _int(s.get("level"))
        if level is not None and level != depth:
            yield Hit("P104", (*path, "level"), {"level": show(level), "depth": depth})


def _tables_by_index(data: dict[str, Any]) -> dict[int, dict[str, Any]]:
    out: dict[int, dict[str, Any]] = {}
    for t in _list(data.get("tables")):
        if isinstance(t, dict) and (n := _int(t.get("index"))) is not None:
            out.setdefault(n, t)
    return out


def _table_row_problem(table: dict[str, Any], row: str) -> str | None:
    """Why ``row`` names no row of ``table``: the printed 序号 when the first column is one,
    else the 1-based position (as ipplan's parser numbers target-table rows)."""
    from ipplan.parse.vocab.markers import ROW_NUMBER_COLUMN

    header, rows = _list(table.get("header")), [r for r in _list(table.get("rows")) if isinstance(r, list)]
    if header and isinstance(header[0], str) and ROW_NUMBER_COLUMN.match(header[0]):
        if any(r and r[0] == row for r in rows):
            return None
        return f"table {table.get('index')} has no row numbered {show(row)} in its {header[0]} column"
    if row.isdigit() and 1 <= int(row) <= len(rows):
        return None
    return f"table {table.get('index')} has {len(rows)} rows"


def _check_targets(data: dict[str, Any], section_ids: set[str]) -> Iterator[Hit]:
    tables = None
    for i, t in enumerate(_list(data.get("targets"))):
        sec = t.get("section") if isinstance(t, dict) else None
        if not isinstance(sec, str):
            continue
        path = ("targets", i, "section")
        if not sec.startswith("table:"):
            if sec not in section_ids:
                yield Hit("P106", path, {"section": show(sec)})
            continue
        if tables is None:
            tables = _tables_by_index(data)
        m = TABLE_REF.fullmatch(sec)
        if m is None:
            reason: str | None = 'not of the form "table:<n>/<row>"'
        elif (table := tables.get(int(m["n"]))) is None:
            reason = f"there is no table {m['n']}"
        else:
            reason = _table_row_problem(table, m["row"])
        if reason:
            yield Hit("P107", path, {"section": show(sec), "reason": reason})


def _check_indicator_ids(data: dict[str, Any]) -> Iterator[Hit]:
    import difflib

    from ipplan.parse import indicators

    known = None
    for i, t in enumerate(_list(data.get("targets"))):
        iid = t.get("indicator_id") if isinstance(t, dict) else None
        if not isinstance(iid, str):
            continue
        if known is None:
            known = [ind.id for ind in indicators.all_indicators()]
        if iid not in known:
            close = difflib.get_close_matches(iid, known, n=1, cutoff=0.6)
            hint = f" (did you mean {show(close[0])}?)" if close else ""
            yield Hit("P116", ("targets", i, "indicator_id"), {"id": show(iid), "hint": hint})


def _period(data: dict[str, Any]) -> tuple[int, int] | None:
    meta = data.get("meta")
    period = meta.get("period") if isinstance(meta, dict) else None
    if not isinstance(period, dict):
        return None
    start, end = _int(period.get("start")), _int(period.get("end"))
    return (start, end) if start is not None and end is not None and start <= end else None


def _year_hit(path: FieldPath, year: Any, window: tuple[int, int, str]) -> Iterator[Hit]:
    y = _int(year)
    lo, hi, basis = window
    if y is not None and not lo <= y <= hi:
        yield Hit("P110", path, {"year": show(y), "lo": lo, "hi": hi, "basis": basis})


def _check_years(data: dict[str, Any]) -> Iterator[Hit]:
    period = _period(data)
    meta = data.get("meta")
    raw_period = meta.get("period") if isinstance(meta, dict) else None
    if isinstance(raw_period, dict):
        for key in ("start", "end"):
            yield from _year_hit(("meta", "period", key), raw_period.get(key), year_window(None, (0, 0)))
    window = year_window(period, TARGET_YEARS_AROUND_PERIOD)
    for i, t in enumerate(_list(data.get("targets"))):
        if not isinstance(t, dict):
            continue
        yield from _year_hit(("targets", i, "year"), t.get("year"), window)
        for k, m in enumerate(_list(t.get("milestones"))):
            if isinstance(m, dict):
                yield from _year_hit(("targets", i, "milestones", k, "year"), m.get("year"), window)


def _check_issue_date(data: dict[str, Any]) -> Iterator[Hit]:
    meta = data.get("meta")
    value = meta.get("issue_date") if isinstance(meta, dict) else None
    if not isinstance(value, str) or not ISO_DATE.fullmatch(value):
        return  # null, or reported by the schema's pattern (also P111)
    path = ("meta", "issue_date")
    try:
        day = datetime.date.fromisoformat(value)
    except ValueError:
        yield Hit("P111", path, {"value": show(value)})
        return
    yield from _year_hit(path, day.year, year_window(_period(data), ISSUE_YEARS_AROUND_PERIOD))


def _check_units(data: dict[str, Any], sections: list[tuple[FieldPath, dict[str, Any], str | None, int]]) -> Iterator[Hit]:
    holders: list[tuple[FieldPath, Any]] = [(path, s) for path, s, _, _ in sections]
    for i, t in enumerate(_list(data.get("tables"))):
        if isinstance(t, dict):
            holders += [(("tables", i, "tasks", k), task) for k, task in enumerate(_list(t.get("tasks")))]
    for path, holder in holders:
        if not isinstance(holder, dict):
            continue
        for u, unit in enumerate(_list(holder.get("units"))):
            if not isinstance(unit, dict):
                continue
            name = unit.get("name")
            if isinstance(name, str) and name and not name.strip():  # "" is the schema's (min_length)
                yield Hit("P112", (*path, "units", u, "name"), {"field": "name"})
            for a, alias in enumerate(_list(unit.get("aliases"))):
                if isinstance(alias, str) and not alias.strip():
                    yield Hit("P112", (*path, "units", u, "aliases", a), {"field": "alias"})


def _check_tables(data: dict[str, Any]) -> Iterator[Hit]:
    for i, t in enumerate(_list(data.get("tables"))):
        if not isinstance(t, dict):
            continue
        index = _int(t.get("index"))
        if index is not None and index != i + 1:
            yield Hit("P114", ("tables", i, "index"), {"index": show(index), "position": i + 1})
        header = t.get("header")
        if not isinstance(header, list):
            continue
        for k, row in enumerate(_list(t.get("rows"))):
            if isinstance(row, list) and len(row) != len(header):
                yield Hit("P113", ("tables", i, "rows", k), {"cells": len(row), "width": len(header)})
