"""Library entry points: run the pipeline stages in order and build the plan.

The stages build the plan as plain data in schema form (``build_plan``); `ipplan parse`,
`ipplan batch` and `ipplan validate --against` write or compare that data as it is. The
public functions (``parse_file``, ``parse_bytes``, ``parse_text``) return it validated as
a pydantic ``Plan``, importing pydantic on first use."""

from __future__ import annotations

import os
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from ipplan.errors import PlanValidationError
from ipplan.parse import clean, header, indicators, misses, normalize, outline, readers, repair, tables, targets, units
from ipplan.parse.types import DecodedDocument, Node, NormalizedText, RawDocument
from ipplan.parse.vocab.notices import NoticeRef, from_warning
from ipplan.schema.form import plan_form

if TYPE_CHECKING:
    from ipplan.schema import Plan


def parse_file(path: str | os.PathLike[str], *, encoding: str | None = None,
               max_bytes: int = readers.MAX_BYTES) -> Plan:
    """Read, decode and parse one document (``-`` reads stdin)."""
    return to_model(parse_file_data(path, encoding=encoding, max_bytes=max_bytes))


def parse_bytes(data: bytes, *, path: str | None = None, encoding: str | None = None) -> Plan:
    """Parse a document given as bytes (encoding detected unless given)."""
    return to_model(parse_bytes_data(data, path=path, encoding=encoding))


def parse_text(text: str, *, path: str | None = None) -> Plan:
    """Parse a document given as text."""
    return to_model(build_plan(DecodedDocument(text=text, path=path, sha256=None, encoding=None)))


def parse_file_data(path: str | os.PathLike[str], *, encoding: str | None = None,
                    max_bytes: int = readers.MAX_BYTES) -> dict[str, Any]:
    """``parse_file`` as plan data, without pydantic: ``parse_file(path).model_dump(mode="json")``."""
    raw = readers.read_path(path, max_bytes=max_bytes)
    return build_plan(readers.decode(raw, encoding))


def parse_bytes_data(data: bytes, *, path: str | None = None, encoding: str | None = None) -> dict[str, Any]:
    """``parse_bytes`` as plan data, without pydantic."""
    return build_plan(readers.decode(RawDocument(data=data, path=path), encoding))


def to_model(data: dict[str, Any]) -> Plan:
    """Plan data validated into a ``Plan``. Data the schema rejects is a parser bug: it raises
    PlanValidationError naming the document. (`ipplan parse` and batch write the data without
    this step; tests/test_parsed_plans_validate.py and test_schema_form.py keep it valid.)"""
    from pydantic import ValidationError

    from ipplan.schema import Plan

    try:
        return Plan.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise PlanValidationError(f"parsed plan does not validate: {where}: {first['msg']}",
                                  data["source"]["path"]) from exc


def text_of(doc: DecodedDocument) -> tuple[NormalizedText, list[tuple[int, str]], list[NoticeRef]]:
    """The text the rules work on: normalized, repaired, converted, chrome removed, as
    (line number, text) pairs numbered from 1, and the notices of the repairs that fired.
    `ipplan text` prints exactly these lines; every ``line`` of a plan refers to them."""
    norm = normalize.normalize(doc.text)
    kept, notices = clean.drop_noise(norm.lines)
    lines, more = repair.run_phase(kept, "simplified")
    return norm, list(enumerate(lines, 1)), list(norm.notices) + notices + more


def text_file(path: str | os.PathLike[str], *, encoding: str | None = None,
              max_bytes: int = readers.MAX_BYTES) -> list[tuple[int, str]]:
    """The numbered lines of a document as the rules see them (``ipplan text``)."""
    raw = readers.read_path(path, max_bytes=max_bytes)
    return text_of(readers.decode(raw, encoding))[1]


def build_plan(doc: DecodedDocument) -> dict[str, Any]:
    """Run the stages on decoded text: the plan as data in schema form."""
    norm, lines, layout_notices = text_of(doc)
    tree = outline.split_outline(lines)
    m = header.extract_meta(tree, lines)
    section_units = units.assign_units(tree.sections)
    found_tables = tables.find_tables(lines)
    # The plan's single year (2023年…工作要点) dates targets that state none; a period's start
    # year marks earlier-dated numbers as background.
    plan_year = m.period[0] if m.period and m.period[0] == m.period[1] else targets.title_year(m.title)
    start = m.period[0] if m.period else None
    found = targets.preamble_targets(tree.head, plan_year, start) + targets.section_targets(
        tree.sections, None, plan_year, start)
    found += [t for table in found_tables for t in table.targets]
    if len(found) >= targets.MAX_TARGETS:
        found = found[: targets.MAX_TARGETS]
        tree.warnings.append(f"more than {targets.MAX_TARGETS} targets; only the first {targets.MAX_TARGETS} are kept")
    found.sort(key=lambda t: t.line)  # document order (stable within a line)
    notices = [n if isinstance(n, NoticeRef) else from_warning(n) for n in doc.notices] + layout_notices
    notices += [from_warning(w) for w in tree.warnings]
    notices += [from_warning(w) for table in found_tables for w in table.warnings]
    if not tree.sections:
        notices.append(NoticeRef("N205", "no numbered outline found (一、 / (一) / 1. …)"))
    notices += misses.missed_targets(_paragraphs(tree), found)
    notices += misses.missed_units(tree.sections, set(section_units))
    found, issue_date = _plausible_years(m.period, found, m.issue_date, notices)
    data = {
        "source": {"path": doc.path, "sha256": doc.sha256, "encoding": doc.encoding, "format": doc.format,
                   "script": norm.script, "conversion": norm.conversion},
        "meta": _meta(m if issue_date == m.issue_date else
                      m._replace(issue_date=None, lines={k: v for k, v in m.lines.items() if k != "issue_date"})),
        "sections": [_section(n, section_units) for n in tree.sections],
        "targets": [_target(t) for t in found],
        "tables": [_table(t) for t in found_tables],
        "warnings": [n.message for n in notices],
        "notices": [{"code": n.code, "message": n.message, "line": n.line} for n in notices],
    }
    return plan_form(data)  # as the Plan would dump it; api.to_model validates it when a caller wants the model


def _plausible_years(period: tuple[int, int] | None, found: list[targets.TargetRef], issue_date: str | None,
                     notices: list[NoticeRef]) -> tuple[list[targets.TargetRef], str | None]:
    """Keep the plan inside `ipplan validate`'s year windows (rule P110), so that ipplan never
    writes a plan its own validator rejects: a table column whose "year" lies far from the plan
    period was no year column (a data row read as the header), so its targets go; a body
    target's year that far away is dropped; so is an issue date far from the period."""
    from ipplan.validate.rules import ISSUE_YEARS_AROUND_PERIOD, TARGET_YEARS_AROUND_PERIOD, _window

    lo, hi, basis = _window(period, TARGET_YEARS_AROUND_PERIOD)
    kept = []
    for t in found:
        if t.year is not None and not lo <= t.year <= hi:
            if (t.section or "").startswith("table:"):
                notices.append(NoticeRef("N004", f"line {t.line}: a table column headed {t.year} is not a year of "
                                                 f"{basis}; its cells are not targets", t.line))
                continue
            notices.append(NoticeRef("N004", f"line {t.line}: year {t.year} is far from {basis}; left out", t.line))
            t.year = None
        t.milestones = [(y, v) for y, v in t.milestones if lo <= y <= hi]
        kept.append(t)
    if issue_date:
        lo, hi, basis = _window(period, ISSUE_YEARS_AROUND_PERIOD)
        if not lo <= int(issue_date[:4]) <= hi:
            notices.append(NoticeRef("N004", f"the date {issue_date} is far from {basis}; issue_date left out"))
            issue_date = None
    return kept, issue_date


def _paragraphs(tree: outline.Outline) -> list[tuple[int, str, str | None]]:
    """(line, text, section id) of every paragraph the targets stage reads."""
    out: list[tuple[int, str, str | None]] = [(no, text, None) for no, text in tree.head if "|" not in text]

    def walk(nodes: list[Node]) -> None:
        for node in nodes:
            out.append((node.line, node.title, node.id))
            out.extend((no, text, node.id) for text, no in zip(node.text, node.text_lines))
            walk(node.children)

    walk(tree.sections)
    return out


def _meta(m: header.Meta) -> dict:
    return {"title": m.title, "notice_title": m.notice_title, "doc_number": m.doc_number, "issuer": m.issuer,
            "issue_date": m.issue_date, "addressees": m.addressees, "region": m.region,
            "period": {"start": m.period[0], "end": m.period[1]} if m.period else None,
            "issuers": m.issuers, "doc_type": m.doc_type, "copy_number": m.copy_number, "secrecy": m.secrecy,
            "urgency": m.urgency, "signer": m.signer, "cc": m.cc, "printed_by": m.printed_by,
            "printed_date": m.printed_date, "attachments": m.attachments, "remark": m.remark, "lines": m.lines}


def _num(d: Decimal | None) -> float | None:
    return None if d is None else float(d)


def _target(t: targets.TargetRef) -> dict:
    return {"section": t.section, "indicator": t.indicator, "indicator_id": indicators.canonical_id(t.indicator),
            "value": float(t.value), "value_max": _num(t.value_max), "unit": t.unit or None, "op": t.op,
            "year": t.year, "kind": t.kind, "text": t.text,
            "milestones": [{"year": y, "value": float(v)} for y, v in t.milestones], "line": t.line or None}


def _table(t: tables.TableRef) -> dict:
    return {"index": t.index, "title": t.title, "header": t.header, "rows": t.rows, "kind": t.kind,
            "tasks": [{"row": k.row, "work": k.work, "content": k.content, "units": [_unit(u) for u in k.units],
                       "line": k.line} for k in t.tasks],
            "line": t.line}


def _unit(u: units.UnitRef) -> dict:
    return {"name": u.name, "aliases": list(u.aliases), "lead": u.lead, "line": u.line}


_NO_UNITS = units.SectionUnits([], None)


def _section(node: Node, section_units: dict[int, units.SectionUnits]) -> dict:
    found = section_units.get(id(node), _NO_UNITS)
    out = {"id": node.id, "label": node.label, "ordinal": node.ordinal, "level": node.level, "title": node.title,
           "text": "\n".join(node.text), "units": [_unit(u) for u in found.units],
           "line": node.line, "children": [_section(c, section_units) for c in node.children]}
    if found.deadline:
        out["deadline"] = found.deadline
    return out
