"""Rows across many plans: one home for what export, compare and report put in a cell.

Every row starts with the plan's columns (label, region and its level, title, 文号, issuer,
issue date, period, source file), then the item's. Columns are fixed per kind and rows
follow plan order, then document order, so the same plans always give the same rows.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from ipplan.parse import indicators
from ipplan.parse.numerals import MAGNITUDES
from ipplan.parse.vocab.notices import MISS_CODES
from ipplan.parse.vocab.places import region_level
from ipplan.schema import Plan, Section, Target, Unit
from ipplan.schema.plan import compact_number

ColumnType = Literal["str", "int", "float", "bool"]
KINDS = ("targets", "tasks", "units", "sections")


@dataclass(frozen=True)
class Column:
    name: str
    type: ColumnType


@dataclass(frozen=True)
class Rows:
    """A table ready for a writer: typed columns and one tuple per row (None = empty)."""

    columns: tuple[Column, ...]
    rows: list[tuple[Any, ...]]


def _cols(spec: str) -> tuple[Column, ...]:
    """'name:type name:type …' → columns (types default to str)."""
    out = []
    for item in spec.split():
        name, _, typ = item.partition(":")
        out.append(Column(name, typ or "str"))  # type: ignore[arg-type]
    return tuple(out)


PLAN_COLUMNS = _cols("plan region region_level title doc_number issuer issue_date period_start:int period_end:int "
                     "source")
COLUMNS: dict[str, tuple[Column, ...]] = {
    "targets": PLAN_COLUMNS + _cols(
        "section_id section_title indicator indicator_id indicator_name value:float value_max:float unit op "
        "year:int kind milestones text"),
    "tasks": PLAN_COLUMNS + _cols("table:int table_title row work content units lead_units"),
    "units": PLAN_COLUMNS + _cols("section_id section_title unit aliases lead:bool"),
    "sections": PLAN_COLUMNS + _cols("section_id label level:int section_title units n_targets:int text"),
}
#: Separator of list cells (units, aliases, milestones): names may hold 、 inside brackets.
LIST_SEP = "; "


def number(v: float | None) -> float | int | None:
    """15.0 → 15, as in the plan files, so that cells read like the plan."""
    return None if v is None else compact_number(v)


def indicator_id(target: Target) -> str | None:
    """The target's canonical indicator: the id stored in the plan, else the current table's."""
    return target.indicator_id or indicators.canonical_id(target.indicator)


def indicator_name(ind_id: str | None) -> str | None:
    entry = indicators.get(ind_id) if ind_id else None
    return entry.name if entry else None


def plan_labels(plans: list[Plan]) -> list[str]:
    """A short unique label per plan: 湖州市 2022-2025, else the title, else the file name;
    repeated labels get the source's file name, then its path, then their position."""
    labels = []
    for i, plan in enumerate(plans, 1):
        m = plan.meta
        if m.region:
            label = m.region + (f" {m.period.start}-{m.period.end}" if m.period else "")
        else:
            label = m.title or (Path(plan.source.path).name if plan.source.path else f"plan {i}")
        labels.append(label)
    base = labels
    for tag in (lambda p: Path(p.source.path).name if p.source.path else None, lambda p: p.source.path):
        tags: dict[str, set[str | None]] = {}
        for label, p in zip(labels, plans):
            tags.setdefault(label, set()).add(tag(p))
        labels = [f"{b} ({t})" if len(tags[label]) > 1 and (t := tag(p)) and t not in b else label
                  for b, label, p in zip(base, labels, plans)]  # only where the tag tells them apart
    seen = Counter(labels)
    return [f"{label} #{i}" if seen[label] > 1 else label for i, label in enumerate(labels, 1)]


def walk(sections: list[Section]) -> Iterator[Section]:
    """Sections in document order (pre-order)."""
    for s in sections:
        yield s
        yield from walk(s.children)


def section_titles(plan: Plan) -> dict[str, str | None]:
    """Title of every section id and of every "table:<n>/<row>" a target may point to."""
    titles: dict[str, str | None] = {s.id: s.title for s in walk(plan.sections)}
    tables = {t.index: t.title or f"表{t.index}" for t in plan.tables}
    for t in plan.targets:
        if t.section and t.section.startswith("table:") and t.section not in titles:
            n = t.section[len("table:"):].split("/")[0]
            titles[t.section] = tables.get(int(n)) if n.isdigit() else None
    return titles


def _units(units: list[Unit]) -> str:
    return LIST_SEP.join(u.name for u in units)


def build(plans: list[Plan], what: str) -> Rows:
    """The rows of one kind (targets, tasks, units, sections) across ``plans``."""
    items = {"targets": _target_rows, "tasks": _task_rows, "units": _unit_rows, "sections": _section_rows}[what]
    out: list[tuple[Any, ...]] = []
    for label, plan in zip(plan_labels(plans), plans):
        head = plan_head(plan, label)
        out.extend(head + item for item in items(plan))
    return Rows(COLUMNS[what], out)


def plan_head(plan: Plan, label: str) -> tuple[Any, ...]:
    """The plan's columns (PLAN_COLUMNS) that start every row."""
    m = plan.meta
    return (label, m.region, region_level(m.region), m.title, m.doc_number, m.issuer, m.issue_date,
            m.period.start if m.period else None, m.period.end if m.period else None, plan.source.path)


def _target_rows(plan: Plan) -> Iterator[tuple[Any, ...]]:
    titles = section_titles(plan)
    for t in plan.targets:
        ind = indicator_id(t)
        milestones = LIST_SEP.join(f"{m.year}: {number(m.value)}" for m in t.milestones)
        yield (t.section, titles.get(t.section) if t.section else None, t.indicator, ind, indicator_name(ind),
               number(t.value), number(t.value_max), t.unit, t.op, t.year, t.kind, milestones or None, t.text)


def _task_rows(plan: Plan) -> Iterator[tuple[Any, ...]]:
    for table in plan.tables:
        for k in table.tasks:
            leads = [u for u in k.units if u.lead]
            yield (table.index, table.title, k.row, k.work, k.content, _units(k.units) or None,
                   _units(leads) or None)


def _unit_rows(plan: Plan) -> Iterator[tuple[Any, ...]]:
    for s in walk(plan.sections):
        for u in s.units:
            yield s.id, s.title, u.name, LIST_SEP.join(u.aliases) or None, u.lead
    for table in plan.tables:
        for k in table.tasks:
            for u in k.units:
                yield (f"table:{table.index}/{k.row}", k.work or k.content, u.name,
                       LIST_SEP.join(u.aliases) or None, u.lead)


def _section_rows(plan: Plan) -> Iterator[tuple[Any, ...]]:
    counts: dict[str, int] = {}
    for t in plan.targets:
        if t.section:
            counts[t.section] = counts.get(t.section, 0) + 1
    for s in walk(plan.sections):
        yield s.id, s.label, s.level, s.title, _units(s.units) or None, counts.get(s.id, 0), s.text or None


@dataclass(frozen=True)
class UnitUse:
    """A responsible unit across one plan: in how many clauses (sections and table tasks)
    it is named, and in how many as lead."""

    name: str
    clauses: int
    leads: int


def leads_first(units: list[Unit]) -> list[Unit]:
    """A clause's units with the leads first, in printed order otherwise."""
    return [u for u in units if u.lead] + [u for u in units if not u.lead]


def unit_uses(plan: Plan) -> list[UnitUse]:
    """Every unit the plan names, leads first (most lead clauses first), then by clauses,
    then in order of first mention."""
    seen: dict[str, list[int]] = {}
    clauses = [s.units for s in walk(plan.sections)] + [k.units for tb in plan.tables for k in tb.tasks]
    for units in clauses:
        for name in dict.fromkeys(u.name for u in units):  # a unit named twice in one clause counts once
            seen.setdefault(name, [0, 0])[0] += 1
        for name in dict.fromkeys(u.name for u in units if u.lead):
            seen[name][1] += 1
    uses = [UnitUse(name, n, lead) for name, (n, lead) in seen.items()]
    return sorted(uses, key=lambda u: (-u.leads, -u.clauses))  # stable: first mention among equals


def possible_misses(plan: Plan) -> int:
    return sum(n.code in MISS_CODES for n in plan.notices)


INDICATOR_COLUMNS = _cols("indicator indicator_id indicator_name targets:int plans:int units values plan_labels "
                          "example")


def indicator_rows(plans: list[Plan], unknown_only: bool = False) -> Rows:
    """Each indicator wording of ``plans`` once, in order of first use: its canonical id
    (None when the curated table does not know it), how many targets and plans use it, the
    units and readable values they give, the plans' labels and one source clause."""
    seen: dict[str, dict[str, Any]] = {}
    for plan, label in zip(plans, plan_labels(plans)):
        for t in plan.targets:
            ind = indicator_id(t)
            if unknown_only and ind is not None:
                continue
            w = seen.setdefault(t.indicator, {"id": ind, "n": 0, "plans": {}, "units": {}, "values": {}, "ex": t.text})
            w["n"] += 1
            w["plans"][label] = None
            w["units"][t.unit or ""] = None
            w["values"][describe_value(t)] = None
    out = []
    for wording, w in seen.items():
        values = list(w["values"])
        out.append((wording, w["id"], indicator_name(w["id"]), w["n"], len(w["plans"]),
                    LIST_SEP.join(u for u in w["units"] if u) or None,
                    LIST_SEP.join(values[:5]) + (f"{LIST_SEP}…" if len(values) > 5 else ""),
                    LIST_SEP.join(w["plans"]), w["ex"]))
    return Rows(INDICATOR_COLUMNS, out)


def unknown_targets(plans: list[Plan]) -> list[tuple[str, Target]]:
    """(plan label, target) for every target without a canonical indicator."""
    return [(label, t) for label, plan in zip(plan_labels(plans), plans)
            for t in plan.targets if indicator_id(t) is None]


#: How an operator reads in a cell: ≥15件, ≈1.5万人, 1–2个.
OP_SIGNS = {">=": "≥", ">": ">", "<=": "≤", "<": "<", "~": "≈", "range": "", "=": ""}
#: How a kind reads around the value: 累计≥1.2万件, ≥50亿元/年, 增长≥10%.
KIND_TAGS = {"annual": ("", "/年"), "cumulative": ("累计", ""), "growth": ("增长", ""), "by_year": ("", "")}
#: Units whose values are ratios: never written with 万/亿.
RATIO_UNITS = ("%", "‰", "百分点", "个百分点", "倍")
#: 万 and 亿, largest first, as the numerals module reads them (values keep base units).
_SCALES = sorted(((v, w) for w, v in MAGNITUDES.items() if w in "万亿"), reverse=True)


def readable(v: float, unit: str | None = None) -> str:
    """A value as a Chinese reader writes it: 5000000000 → 50亿, 12000 → 1.2万, 8.5 → 8.5;
    a ratio unit (%, 个百分点) keeps its number. The data keep base units; this is display.

    >>> readable(5_000_000_000, "元"), readable(12000, "件"), readable(3500), readable(8.5), readable(150000, "%")
    ('50亿', '1.2万', '3500', '8.5', '150000')
    """
    from decimal import Decimal

    n = number(v)
    if unit not in RATIO_UNITS:
        for scale, word in _SCALES:
            if abs(v) >= scale:
                q = (Decimal(repr(float(v))) / scale).quantize(Decimal("0.0001")).normalize()
                return f"{q:f}{word}"
    return str(n) if isinstance(n, int) else f"{n:.6g}"


def number_text(t: Target) -> str:
    """The value as a reader writes it, a range as 1–2 (1万–2万)."""
    return readable(t.value, t.unit) + (f"–{readable(t.value_max, t.unit)}" if t.value_max is not None else "")


def unit_text(t: Target) -> str:
    """The unit with the kind: 件, 元/年, 个百分点."""
    return (t.unit or "") + KIND_TAGS[t.kind][1]


def describe_value(t: Target) -> str:
    """A target's value as analysts read it: ≥15件, 1–2个, ≥50亿元/年, 累计≥1.2万件, 增长≥10%."""
    before, after = KIND_TAGS[t.kind]
    return f"{before}{OP_SIGNS[t.op]}{number_text(t)}{t.unit or ''}{after}"


def plural(n: int, word: str) -> str:
    """1 target, 2 targets."""
    return f"{n} {word}{'s' * (n != 1)}"
