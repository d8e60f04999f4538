"""The comparison matrix: canonical indicators × plans, one headline target per cell; and
per indicator, the plans that set it ranked by value (:func:`rankings`)."""

from __future__ import annotations

from dataclasses import dataclass

from ipplan.parse import indicators
from ipplan.schema import Plan, Target
from ipplan.views.rows import Column, Rows, indicator_id, number, plan_labels

#: Columns per plan in an exported matrix, after "<plan label> ".
CELL_COLUMNS = (("value", "float"), ("value_max", "float"), ("op", "str"), ("unit", "str"), ("kind", "str"),
                ("year", "int"))


@dataclass(frozen=True)
class Cell:
    target: Target  # the headline: latest year, first in the document among equals
    count: int  # targets of the plan with this indicator


@dataclass(frozen=True)
class Row:
    id: str
    name: str
    cells: tuple[Cell | None, ...]  # one per plan

    @property
    def plans_set(self) -> int:
        """How many plans set this indicator."""
        return sum(c is not None for c in self.cells)


@dataclass(frozen=True)
class Matrix:
    plans: tuple[str, ...]  # labels
    rows: tuple[Row, ...]  # in the curated table's order; ids the table lacks last
    total: int  # targets in all plans
    unknown: int  # targets without a canonical indicator


def headline(targets: list[Target]) -> Target:
    """The target a cell shows: the latest year (a dated target before an undated one),
    the first in document order among equals."""
    return max(targets, key=lambda t: -1 if t.year is None else t.year)  # max keeps the first of equals


def build(plans: list[Plan]) -> Matrix:
    found: dict[str, list[list[Target]]] = {}
    total = unknown = 0
    for i, plan in enumerate(plans):
        for t in plan.targets:
            total += 1
            ind = indicator_id(t)
            if ind is None:
                unknown += 1
                continue
            if ind not in found:
                found[ind] = [[] for _ in plans]
            found[ind][i].append(t)
    order = [i.id for i in indicators.all_indicators() if i.id in found]
    order += sorted(set(found) - set(order))
    rows = []
    for ind in order:
        entry = indicators.get(ind)
        cells = tuple(Cell(headline(ts), len(ts)) if ts else None for ts in found[ind])
        rows.append(Row(ind, entry.name if entry else ind, cells))
    return Matrix(tuple(plan_labels(plans)), tuple(rows), total, unknown)


def matrix_rows(m: Matrix) -> Rows:
    """The matrix as a table for the writers: indicator id and name, then per plan
    "<label> value", "<label> value_max", "<label> op", "<label> unit", "<label> year"."""
    columns = [Column("indicator_id", "str"), Column("indicator_name", "str")]
    for label in m.plans:
        columns += [Column(f"{label} {name}", typ) for name, typ in CELL_COLUMNS]  # type: ignore[arg-type]
    out = []
    for row in m.rows:
        values: list = [row.id, row.name]
        for cell in row.cells:
            if cell is None:
                values += [None] * len(CELL_COLUMNS)
            else:
                t = cell.target
                values += [number(t.value), number(t.value_max), t.op, t.unit, t.kind, t.year]
        out.append(tuple(values))
    return Rows(tuple(columns), out)


@dataclass(frozen=True)
class Ranked:
    plan: int  # index into Matrix.plans
    cell: Cell


@dataclass(frozen=True)
class Group:
    """The plans whose headline targets of one indicator share a unit and a kind (only
    those compare), highest value first."""

    unit: str | None
    kind: str
    entries: tuple[Ranked, ...]


@dataclass(frozen=True)
class Ranking:
    id: str
    name: str
    plans: int  # plans that set it
    groups: tuple[Group, ...]  # largest first


def rankings(m: Matrix) -> list[Ranking]:
    """Per canonical indicator, the plans that set it, by value (highest first; equal
    values in plan order), in groups of one unit and kind; indicators set by the most
    plans first, then in the curated table's order."""
    out = []
    for row in m.rows:
        groups: dict[tuple[str | None, str], list[Ranked]] = {}
        for i, cell in enumerate(row.cells):
            if cell is not None:
                groups.setdefault((cell.target.unit, cell.target.kind), []).append(Ranked(i, cell))
        ordered = [Group(unit, kind, tuple(sorted(es, key=lambda e: -e.cell.target.value)))
                   for (unit, kind), es in groups.items()]
        ordered.sort(key=lambda g: -len(g.entries))  # stable: first seen among equals
        out.append(Ranking(row.id, row.name, row.plans_set, tuple(ordered)))
    out.sort(key=lambda r: -r.plans)  # stable: the curated order among equals
    return out
