"""Rows across many plans: one home for what export, compare and report put in a cell.

Every row starts with the plan's columns (label, region, title, period, source file), then
the item's. Columns are fixed per kind and rows follow plan order, then document order,
so the same plans always give the same rows.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from ipplan.parse import indicators
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


PLAN_COLUMNS = _cols("plan region title period_start:int period_end:int source")
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
    repeated labels get the file name, then their position."""
    labels = []
    for i, plan in enumerate(plans, 1):
        m = plan.meta
        if m.region:
            label = m.region + (f" {m.period.start}-{m.period.end}" if m.period else "")
        else:
            label = m.title or (Path(plan.source.path).name if plan.source.path else f"plan {i}")
        labels.append(label)
    files = [Path(p.source.path).name if p.source.path else None for p in plans]
    seen = Counter(labels)
    labels = [f"{label} ({f})" if f and seen[label] > 1 else label for label, f in zip(labels, files)]
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
        m = plan.meta
        head = (label, m.region, m.title, m.period.start if m.period else None,
                m.period.end if m.period else None, plan.source.path)
        out.extend(head + item for item in items(plan))
    return Rows(COLUMNS[what], out)


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


def unknown_targets(plans: list[Plan]) -> list[tuple[str, Target]]:
    """(plan label, target) for every target without a canonical indicator."""
    return [(label, t) for label, plan in zip(plan_labels(plans), plans)
            for t in plan.targets if indicator_id(t) is None]


#: How an operator reads in a cell: ≥15 件, ~1.5 万, 1–2 个.
OP_SIGNS = {">=": "≥", ">": ">", "<=": "≤", "<": "<", "~": "≈", "range": "", "=": ""}
#: How a kind reads after the unit.
KIND_TAGS = {"annual": "/年", "cumulative": " 累计", "growth": " 增长", "by_year": ""}


def _num_text(v: float) -> str:
    n = number(v)
    return f"{n:,}" if isinstance(n, int) else f"{n:,.6g}"


def number_text(t: Target) -> str:
    """The value with thousands separators, a range as 1–2."""
    return _num_text(t.value) + (f"–{_num_text(t.value_max)}" if t.value_max is not None else "")


def describe_value(t: Target) -> str:
    """A target's value as analysts read it: ≥15 件, 1–2 个, >5,000,000,000 元/年, ≥10% 增长."""
    value = number_text(t)
    unit = "" if not t.unit else t.unit if t.unit == "%" else f" {t.unit}"
    return f"{OP_SIGNS[t.op]}{value}{unit}{KIND_TAGS[t.kind]}"


def plural(n: int, word: str) -> str:
    """1 target, 2 targets."""
    return f"{n} {word}{'s' * (n != 1)}"
