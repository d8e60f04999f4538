"""The comparison matrix: canonical indicators × plans, one headline target per cell."""

from __future__ import annotations

from dataclasses import dataclass

from ipplan.parse import indicators
from ipplan.schema import Plan, Target
from ipplan.views.rows import Column, Rows, indicator_id, number, plan_labels

#: Columns per plan in an exported matrix, after "<plan label> ".
CELL_COLUMNS = (("value", "float"), ("value_max", "float"), ("op", "str"), ("unit", "str"), ("year", "int"))


@dataclass(frozen=True)
class Cell:
    target: Target  # the headline: latest year, first in the document among equals
    count: int  # targets of the plan with this indicator


@dataclass(frozen=True)
class Row:
    id: str
    name: str
    cells: tuple[Cell | None, ...]  # one per plan


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
                values += [number(t.value), number(t.value_max), t.op, t.unit, t.year]
        out.append(tuple(values))
    return Rows(tuple(columns), out)
