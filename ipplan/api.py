"""Library entry points: run the pipeline STAGES in order and build the plan.

``STAGES`` is the parser, in order: ``(name, function)`` pairs. Each function takes the
``Context`` (what the earlier stages made, one field per stage name) and returns its
output and its notices; ``run`` stores the output under the stage's name and collects the
notices in stage order. The first five stages make the text every rule works on (the
numbered lines of ``ipplan text``); layout repair runs from here only, one phase a stage.

``build_plan`` gives the plan as plain data in the schema's form, which `ipplan parse`,
`ipplan batch` and `ipplan validate --against` write or compare as it is. The public
functions (``parse_file``, ``parse_bytes``, ``parse_text``) return it validated as a pydantic
``Plan``, importing pydantic on first use.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from ipplan.errors import PlanValidationError
from ipplan.parse import clean, header, indicators, misses, normalize, outline, readers, repair, tables, targets, units
from ipplan.parse.types import DecodedDocument, Node, NormalizedText, Outline, RawDocument, TargetRef, UnitRef
from ipplan.parse.vocab.notices import NoticeRef
from ipplan.schema.form import plan_form
from ipplan.years import ISSUE_YEARS_AROUND_PERIOD, TARGET_YEARS_AROUND_PERIOD, year_window

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


@dataclass
class Context:
    """What the stages made so far: the document, one field per stage, and the notices."""

    doc: DecodedDocument
    notices: list[NoticeRef] = field(default_factory=list)
    raw: str = ""  # the text, line ends unified
    folded: list[str] = field(default_factory=list)
    normalized: NormalizedText | None = None
    content: list[str] = field(default_factory=list)
    lines: list[tuple[int, str]] = field(default_factory=list)  # numbered from 1: what `ipplan text` prints
    outline: Outline | None = None
    meta: header.Meta | None = None
    units: dict[int, units.SectionUnits] = field(default_factory=dict)  # by id(section)
    body_targets: targets.BodyTargets = targets.BodyTargets([], [])
    tables: list[tables.TableRef] = field(default_factory=list)
    targets: list[TargetRef] = field(default_factory=list)
    misses: None = None
    years: tuple[list[TargetRef], str | None] = ([], None)  # (targets, issue date) inside the year windows


Stage = Callable[[Context], tuple[Any, list[NoticeRef]]]


def _stage_raw(ctx: Context) -> tuple[str, list[NoticeRef]]:
    """Line ends unified; paragraphs separated only by indents split (layout repair, raw phase)."""
    raw = ctx.doc.text.replace("\r\n", "\n").replace("\r", "\n")
    if "\u3000\u3000" in raw or "\xa0\xa0" in raw or "    " in raw or "\t" in raw:  # indents inside lines?
        lines, notices = repair.run_phase(raw.split("\n"), "raw")
        return "\n".join(lines), notices
    return raw, []


def _stage_folded(ctx: Context) -> tuple[list[str], list[NoticeRef]]:
    """Widths folded, spaces unified, one paragraph a line; then the layout repairs of the
    folded phase (hard wraps, OCR spaces, pinyin, cut dates, flattened tables), before
    script conversion, which works on phrases a wrap or a stray space may have cut."""
    return repair.run_phase(normalize.fold(ctx.raw), "folded")


def _stage_normalized(ctx: Context) -> tuple[NormalizedText, list[NoticeRef]]:
    return normalize.convert(ctx.folded), []


def _stage_content(ctx: Context) -> tuple[list[str], list[NoticeRef]]:
    return clean.drop_noise(ctx.normalized.lines)  # type: ignore[union-attr]


def _stage_lines(ctx: Context) -> tuple[list[tuple[int, str]], list[NoticeRef]]:
    """The layout repairs of the simplified phase (glued header lines, doubled text), and
    the lines numbered from 1."""
    lines, notices = repair.run_phase(ctx.content, "simplified")
    return list(enumerate(lines, 1)), notices


def _stage_outline(ctx: Context) -> tuple[Outline, list[NoticeRef]]:
    tree = outline.split_outline(ctx.lines)
    return tree, tree.notices


def _stage_meta(ctx: Context) -> tuple[header.Meta, list[NoticeRef]]:
    m = header.extract_meta(ctx.outline, ctx.lines)  # type: ignore[arg-type]
    return m, list(m.notices)


def _stage_units(ctx: Context) -> tuple[dict[int, units.SectionUnits], list[NoticeRef]]:
    return units.assign_units(ctx.outline.sections), []  # type: ignore[union-attr]


def _stage_tables(ctx: Context) -> tuple[list[tables.TableRef], list[NoticeRef]]:
    m = ctx.meta
    found = tables.find_tables(ctx.lines, m.period[0] if m is not None and m.period else None)
    return found, [n for table in found for n in table.notices]


def _stage_body_targets(ctx: Context) -> tuple[targets.BodyTargets, list[NoticeRef]]:
    """The targets of the preamble and the sections, and the sentences read as past results
    (a review part, N501). The plan's single year (2023年…工作要点) dates targets that state
    none; a period's start year marks earlier-dated numbers as background."""
    m, tree = ctx.meta, ctx.outline
    assert m is not None and tree is not None
    plan_year = m.period[0] if m.period and m.period[0] == m.period[1] else targets.title_year(m.title)
    start = m.period[0] if m.period else None
    found, reading = targets.body_targets(tree.head, tree.sections, plan_year, start)
    return targets.BodyTargets(found, reading.past_sentences), reading.notices()


def _stage_targets(ctx: Context) -> tuple[list[TargetRef], list[NoticeRef]]:
    """The plan's targets: the body's and the tables', in document order, at most MAX_TARGETS."""
    found = ctx.body_targets.targets + [t for table in ctx.tables for t in table.targets]
    notices = []
    if len(found) >= targets.MAX_TARGETS:
        found = found[: targets.MAX_TARGETS]
        notices.append(NoticeRef("N004", f"more than {targets.MAX_TARGETS} targets; only the first "
                                         f"{targets.MAX_TARGETS} are kept"))
    found.sort(key=lambda t: t.line)  # document order (stable within a line)
    return found, notices


def _stage_misses(ctx: Context) -> tuple[None, list[NoticeRef]]:
    """Possible misses (N401, N402): what the extractors did not take but looks like it should."""
    tree = ctx.outline
    assert tree is not None
    return None, misses.missed_targets(_paragraphs(tree), ctx.targets, ctx.body_targets.past) + misses.missed_units(
        tree.sections, set(ctx.units))


def _stage_years(ctx: Context) -> tuple[tuple[list[TargetRef], str | None], list[NoticeRef]]:
    """Keep the plan inside `ipplan validate`'s year windows (rule P110), so that ipplan never
    writes a plan its own validator rejects: a table column whose "year" lies far from the plan
    period was no year column (a data row read as the header), so its targets go; a body
    target's year that far away is dropped; so is an issue date far from the period."""
    m = ctx.meta
    assert m is not None
    notices: list[NoticeRef] = []
    lo, hi, basis = year_window(m.period, TARGET_YEARS_AROUND_PERIOD)
    kept = []
    for t in ctx.targets:
        if t.year is not None and not lo <= t.year <= hi:
            if (t.section or "").startswith("table:"):
                notices.append(NoticeRef("N004", f"line {t.line}: a table column headed {t.year} is not a year of "
                                                 f"{basis}; its cells are not targets", t.line))
                continue
            notices.append(NoticeRef("N004", f"line {t.line}: year {t.year} is far from {basis}; left out", t.line))
            t.year = None
        t.milestones = [(y, v) for y, v in t.milestones if lo <= y <= hi]
        kept.append(t)
    issue_date = m.issue_date
    if issue_date:
        lo, hi, basis = year_window(m.period, ISSUE_YEARS_AROUND_PERIOD)
        if not lo <= int(issue_date[:4]) <= hi:
            notices.append(NoticeRef("N004", f"the date {issue_date} is far from {basis}; issue_date left out"))
            issue_date = None
    return (kept, issue_date), notices


#: The parser, in order. Each stage takes what the earlier ones made and returns its
#: output (stored on the Context under its name) and its notices.
STAGES: tuple[tuple[str, Stage], ...] = (
    ("raw", _stage_raw),  # the text, line ends unified; layout repair, raw phase (indents)
    ("folded", _stage_folded),  # widths folded; layout repair, folded phase
    ("normalized", _stage_normalized),  # traditional paragraphs converted (ipplan.parse.normalize)
    ("content", _stage_content),  # page chrome and sharing-site wrappers dropped (ipplan.parse.clean)
    ("lines", _stage_lines),  # layout repair, simplified phase; numbered: the text of `ipplan text`
    ("outline", _stage_outline),  # numbered sections (ipplan.parse.outline)
    ("meta", _stage_meta),  # the 公文 header (ipplan.parse.header)
    ("units", _stage_units),  # responsibility clauses (ipplan.parse.units)
    ("body_targets", _stage_body_targets),  # quantitative targets of the text (ipplan.parse.targets)
    ("tables", _stage_tables),  # pipe-flattened tables: tasks, target tables (ipplan.parse.tables)
    ("targets", _stage_targets),  # the body's and the tables' targets, in document order
    ("misses", _stage_misses),  # possible misses as notices (ipplan.parse.misses)
    ("years", _stage_years),  # targets and issue date kept inside the year windows of `ipplan validate`
)
#: The stages that make the text the rules work on.
TEXT_STAGES = STAGES[: [name for name, _ in STAGES].index("lines") + 1]


def run(doc: DecodedDocument, stages: tuple[tuple[str, Stage], ...] = STAGES) -> Context:
    """Run ``stages`` in order on a decoded document."""
    ctx = Context(doc, notices=list(doc.notices))
    for name, stage in stages:
        output, notices = stage(ctx)
        setattr(ctx, name, output)
        ctx.notices += notices
    return ctx


def text_of(doc: DecodedDocument) -> tuple[NormalizedText, list[tuple[int, str]], list[NoticeRef]]:
    """The text the rules work on: normalized, repaired, converted, chrome removed, as
    (line number, text) pairs numbered from 1, and the notices of the text stages (layout
    repairs, dropped wrappers). `ipplan text` prints exactly these lines; every ``line`` of
    a plan refers to them."""
    ctx = run(doc, TEXT_STAGES)
    assert ctx.normalized is not None
    return ctx.normalized, ctx.lines, ctx.notices[len(doc.notices):]


def text_file(path: str | os.PathLike[str], *, encoding: str | None = None,
              max_bytes: int = readers.MAX_BYTES) -> list[tuple[int, str]]:
    """The numbered lines of a document as the rules see them (``ipplan text``)."""
    raw = readers.read_path(path, max_bytes=max_bytes)
    return text_of(readers.decode(raw, encoding))[1]


def build_plan(doc: DecodedDocument) -> dict[str, Any]:
    """Run the stages on decoded text: the plan as data in the schema's form."""
    ctx = run(doc)
    norm, tree, m, section_units, found_tables = ctx.normalized, ctx.outline, ctx.meta, ctx.units, ctx.tables
    assert norm is not None and tree is not None and m is not None
    found, issue_date = ctx.years
    notices = ctx.notices
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


def _paragraphs(tree: Outline) -> list[tuple[int, str, str | None]]:
    """(line, text, section id) of every paragraph the targets stage reads."""
    out: list[tuple[int, str, str | None]] = [(no, text, None) for no, text in tree.head if "|" not in text]

    def walk(nodes: list[Node]) -> None:
        for node in nodes:
            out.append((node.line, node.title, node.id))
            out.extend((no, text, node.id) for text, no in zip(node.text, node.text_lines))
            out.extend((no, text, None) for text, no in zip(node.after, node.after_lines))
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


def _target(t: TargetRef) -> dict:
    return {"section": t.section, "indicator": t.indicator, "indicator_id": indicators.canonical_id(t.indicator),
            "value": float(t.value), "value_max": _num(t.value_max), "unit": t.unit or None, "op": t.op,
            "year": t.year, "kind": t.kind, "text": t.text,
            "milestones": [{"year": y, "value": float(v)} for y, v in t.milestones], "line": t.line or None}


def _table(t: tables.TableRef) -> dict:
    return {"index": t.index, "title": t.title, "header": t.header, "rows": t.rows, "kind": t.kind,
            "tasks": [{"row": k.row, "work": k.work, "content": k.content, "units": [_unit(u) for u in k.units],
                       "line": k.line} for k in t.tasks],
            "line": t.line}


def _unit(u: UnitRef) -> dict:
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
