"""`ipplan show`: plans in the terminal with rich: per plan a metadata panel, the outline as
a tree with unit and target counts, the responsible units per section (leads first) and
the targets table, values written as a reader writes them (50亿元, 1.2万件). Every string from a plan goes in
through :func:`_text`: rich Text (never markup, so "[/x]件" prints as it is and "[link=…]"
is no link), with control characters escaped (an ESC in a title cannot drive the terminal)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ipplan.parse.vocab.notices import summary
from ipplan.parse.vocab.places import region_level
from ipplan.schema import Plan, Section
from ipplan.validate.rules import printable
from ipplan.views import compare
from ipplan.views.rows import (
    describe_value, indicator_id, indicator_rows, leads_first, plan_labels, plural, unit_uses, walk,
)

if TYPE_CHECKING:
    from rich.console import Console, RenderableType
    from rich.text import Text
    from rich.tree import Tree


def _text(value: str, style: str = "") -> Text:
    """A plan's string for rich: plain Text, control characters escaped."""
    from rich.text import Text

    return Text(printable(value), style=style)


def render(plan: Plan, label: str | None = None) -> list[RenderableType]:
    """The renderables of one plan, in print order."""
    label = label or plan_labels([plan])[0]
    parts = [meta_panel(plan, label), outline_tree(plan)]
    units = units_table(plan)
    return parts + ([units] if units is not None else []) + [targets_table(plan)]


def print_plans(plans: list[Plan], console: Console) -> None:
    for i, (plan, label) in enumerate(zip(plans, plan_labels(plans))):
        if i:
            console.rule()
        for part in render(plan, label):
            console.print(part)


def _counts(plan: Plan) -> dict[str, int]:
    out: dict[str, int] = {}
    for t in plan.targets:
        if t.section:
            out[t.section] = out.get(t.section, 0) + 1
    return out


def meta_panel(plan: Plan, label: str) -> RenderableType:
    from rich.panel import Panel
    from rich.table import Table

    m, src = plan.meta, plan.source
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column(overflow="fold")
    sections = list(walk(plan.sections))
    known = sum(indicator_id(t) is not None for t in plan.targets)
    units = sum(len(s.units) for s in sections) + sum(len(k.units) for tb in plan.tables for k in tb.tasks)
    uses = unit_uses(plan)
    leads = [u for u in uses if u.leads]
    fields = [
        ("title", m.title), ("notice", m.notice_title), ("文号", m.doc_number), ("issuer", m.issuer),
        ("issued", m.issue_date), ("addressees", "、".join(m.addressees) or None),
        ("region", m.region and m.region + (f" ({lv})" if (lv := region_level(m.region)) else "")),
        ("period", f"{m.period.start}–{m.period.end}" if m.period else None),
        ("source", " · ".join(x for x in (src.path, src.format, src.encoding, src.script, src.conversion) if x)),
        ("contents", (f"{plural(len(sections), 'section')} · {plural(len(plan.targets), 'target')} ({known} with a "
                      f"canonical indicator) · {plural(units, 'unit')} · {plural(len(plan.tables), 'table')}")),
        ("lead units", "、".join(f"{u.name} ({u.leads})" for u in leads[:8])
         + (f" … {len(leads) - 8} more" if len(leads) > 8 else "") if leads else None),
        ("notices", summary([n.code for n in plan.notices]) if plan.notices else None),
    ]
    for name, value in fields:
        if value:
            grid.add_row(name, _text(value))
    for w in plan.warnings:
        grid.add_row(_text("warning", style="yellow"), _text(w))
    return Panel(grid, title=_text(label, style="bold"), title_align="left")


def outline_tree(plan: Plan) -> Tree:
    from rich.tree import Tree

    counts = _counts(plan)
    tree = Tree(_text(plan.meta.title or "outline", style="bold"))

    def add(parent: Tree, s: Section) -> None:
        node = parent.add(_node_text(f"{s.label} {s.title}", len(s.units), counts.get(s.id, 0), s.id))
        for c in s.children:
            add(node, c)

    for s in plan.sections:
        add(tree, s)
    for tb in plan.tables:
        n = sum(1 for t in plan.targets if (t.section or "").startswith(f"table:{tb.index}/"))
        units = sum(len(k.units) for k in tb.tasks)
        title = f"表{tb.index} {tb.title or ''}".strip() + f" [{tb.kind}, {len(tb.rows)} rows]"
        tree.add(_node_text(title, units, n, f"table:{tb.index}"))
    if not plan.sections and not plan.tables:
        tree.add(_text("no numbered outline", style="dim"))
    return tree


def _node_text(title: str, units: int, targets: int, sid: str) -> RenderableType:
    text = _text(title)
    text.append(f"  {printable(sid)}", style="dim")
    tags = [plural(units, "unit")] * bool(units) + [plural(targets, "target")] * bool(targets)
    if tags:
        text.append("  · " + " · ".join(tags), style="cyan")
    return text


def units_table(plan: Plan) -> RenderableType | None:
    """Responsible units per section and table task, leads (★) first; None when there are none."""
    from rich.table import Table

    clauses = [(s.id, s.title, s.units) for s in walk(plan.sections) if s.units]
    clauses += [(f"table:{tb.index}/{k.row}", k.work or k.content, k.units) for tb in plan.tables for k in tb.tasks
                if k.units]
    if not clauses:
        return None
    table = Table(title=f"Responsible units ({len(clauses)} clauses)", title_justify="left",
                  caption="★ lead unit", caption_justify="left")
    table.add_column("section", overflow="fold", ratio=2)
    table.add_column("units", overflow="fold", ratio=3)
    for sid, title, units in clauses:
        cell = _text("")
        for i, u in enumerate(leads_first(units)):
            cell.append("、" * bool(i))
            cell.append_text(_text(("★" if u.lead else "") + u.name, style="bold" if u.lead else ""))
        table.add_row(_text(f"{sid} {title}"), cell)
    return table


def targets_table(plan: Plan) -> RenderableType:
    from rich.table import Table

    table = Table(title=f"Targets ({len(plan.targets)})", title_justify="left", show_lines=False)
    for name, kw in [("indicator", {"ratio": 3}), ("canonical id", {"ratio": 2}), ("target", {"justify": "right"}),
                     ("year", {"justify": "right"}), ("section", {})]:
        table.add_column(name, overflow="fold", **kw)  # fold, never cut: every character stays
    for t in plan.targets:
        ind = indicator_id(t)
        idtext = _text(ind, style="green") if ind else _text("unknown", style="yellow")
        table.add_row(_text(t.indicator), idtext, _text(describe_value(t)), str(t.year) if t.year is not None else "",
                      _text(t.section or "preamble"))
    return table


#: Terminal cells a plan column needs for a cell such as "≥8.5件 (2025) +3".
PLAN_COLUMN_WIDTH = 16
#: Cells the indicator column of the matrix takes.
INDICATOR_COLUMN_WIDTH = 24


def _cell_text(cell: compare.Cell) -> Text:
    text = _text(describe_value(cell.target))
    if cell.target.year is not None:
        text.append(f" ({cell.target.year})", style="dim")
    if cell.count > 1:
        text.append(f" +{cell.count - 1}", style="dim")
    return text


def matrix_table(m: compare.Matrix, width: int = 120) -> RenderableType:
    """`ipplan compare`: canonical indicators × plans when the plans fit ``width`` as
    columns, else one row per indicator and plan, the plans of each indicator by value."""
    from rich.table import Table

    note = (f"{m.total} targets, {m.total - m.unknown} with a canonical indicator; a cell shows the target due "
            "latest (+N: more targets with that indicator)")
    if len(m.plans) * PLAN_COLUMN_WIDTH + INDICATOR_COLUMN_WIDTH > width:
        return ranking_table(m, note)
    table = Table(title="Canonical indicators × plans", title_justify="left", caption=note, caption_justify="left")
    table.add_column("indicator", overflow="fold", min_width=12, ratio=2)
    for label in m.plans:
        table.add_column(_text(label), overflow="fold", min_width=10, ratio=1)
    for row in m.rows:
        table.add_row(_text(row.name), *(_cell_text(c) if c else "" for c in row.cells))
    return table


def ranking_table(m: compare.Matrix, note: str) -> RenderableType:
    """Too many plans for columns: per indicator (set by most plans first), its plans by value."""
    from rich.table import Table

    table = Table(title=f"Canonical indicators × {len(m.plans)} plans: each indicator's plans by value",
                  title_justify="left", caption=note + "; too many plans for columns at this width (-o FILE "
                  "writes the matrix)", caption_justify="left")
    table.add_column("indicator", overflow="fold", ratio=2)
    table.add_column("plan", overflow="fold", ratio=2)
    table.add_column("target", overflow="fold", ratio=2)
    for r in compare.rankings(m):
        first = True
        for g in r.groups:
            for e in g.entries:
                table.add_row(_text(f"{r.name} ({plural(r.plans, 'plan')})") if first else "",
                              _text(m.plans[e.plan]), _cell_text(e.cell), end_section=False)
                first = False
        table.rows[-1].end_section = True
    return table


def indicator_table(plans: list[Plan], unknown_only: bool = False) -> RenderableType:
    """`ipplan indicators PATH…`: each indicator wording once, with its id, count and plans."""
    from rich.table import Table

    rows = indicator_rows(plans, unknown_only).rows
    title = "Indicators without a canonical id" if unknown_only else "Indicators"
    table = Table(title=f"{title} ({len(rows)} wordings)", title_justify="left")
    table.add_column("indicator", overflow="fold", ratio=3)
    if not unknown_only:
        table.add_column("canonical id", overflow="fold", ratio=2)
    table.add_column("targets", justify="right")
    table.add_column("values", overflow="fold", ratio=2)
    table.add_column("plans", overflow="fold", ratio=2)
    for wording, ind, _name, n, _n_plans, _units, values, labels, _ex in rows:
        idtext = _text(ind, style="green") if ind else _text("unknown", style="yellow")
        cells = [_text(wording)] + [idtext] * (not unknown_only)
        table.add_row(*cells, str(n), _text(values), _text(labels))
    return table


def table_of_indicators() -> RenderableType:
    """`ipplan indicators`: the curated table."""
    from rich.table import Table

    from ipplan.parse import indicators

    entries = indicators.all_indicators()
    table = Table(title=f"Canonical indicators ({len(entries)})", title_justify="left")
    table.add_column("id", overflow="fold")
    table.add_column("name", overflow="fold")
    table.add_column("unit")
    table.add_column("variants", overflow="fold")
    for i in entries:
        table.add_row(_text(i.id), _text(i.name), _text(i.unit or ""), _text("、".join(i.variants)))
    return table
