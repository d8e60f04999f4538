"""`ipplan show`: one plan in the terminal with rich: a metadata panel, the outline as a
tree with unit and target counts, and the targets table. Every string from a plan goes in
through :func:`_text`: rich Text (never markup, so "[/x]件" prints as it is and "[link=…]"
is no link), with control characters escaped (an ESC in a title cannot drive the terminal)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ipplan.schema import Plan, Section
from ipplan.validate.rules import printable
from ipplan.views import compare
from ipplan.views.rows import KIND_TAGS, OP_SIGNS, describe_value, indicator_id, number_text, plan_labels, plural, walk

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
    return [meta_panel(plan, label), outline_tree(plan), targets_table(plan)]


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
    fields = [
        ("title", m.title), ("notice", m.notice_title), ("文号", m.doc_number), ("issuer", m.issuer),
        ("issued", m.issue_date), ("addressees", "、".join(m.addressees) or None), ("region", m.region),
        ("period", f"{m.period.start}–{m.period.end}" if m.period else None),
        ("source", " · ".join(x for x in (src.path, src.format, src.encoding, src.script, src.conversion) if x)),
        ("contents", (f"{len(sections)} sections · {len(plan.targets)} targets ({known} with a canonical "
                      f"indicator) · {units} units · {len(plan.tables)} tables")),
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


def targets_table(plan: Plan) -> RenderableType:
    from rich.table import Table

    table = Table(title=f"Targets ({len(plan.targets)})", title_justify="left", show_lines=False)
    for name, kw in [("indicator", {"ratio": 3}), ("canonical id", {"ratio": 2}), ("value", {"justify": "right"}),
                     ("unit", {}), ("op", {}), ("year", {"justify": "right"}), ("section", {})]:
        table.add_column(name, overflow="fold", **kw)  # fold, never cut: every character stays
    for t in plan.targets:
        ind = indicator_id(t)
        idtext = _text(ind, style="green") if ind else _text("unknown", style="yellow")
        unit = (t.unit or "") + KIND_TAGS[t.kind]
        table.add_row(_text(t.indicator), idtext, number_text(t), _text(unit.strip()),
                      _text(OP_SIGNS[t.op] or t.op), str(t.year) if t.year is not None else "",
                      _text(t.section or "preamble"))
    return table


def matrix_table(m: compare.Matrix) -> RenderableType:
    """`ipplan compare`: canonical indicators × plans."""
    from rich.table import Table

    table = Table(title="Canonical indicators × plans", title_justify="left",
                  caption=f"{m.total} targets, {m.total - m.unknown} with a canonical indicator; a cell shows "
                          "the target due latest (+N: more targets with that indicator)", caption_justify="left")
    table.add_column("indicator", overflow="fold", ratio=2)
    for label in m.plans:
        table.add_column(_text(label), overflow="fold", ratio=1)
    for row in m.rows:
        head = _text(row.name)  # ids are in `ipplan compare -o`, `ipplan indicators`
        cells = []
        for cell in row.cells:
            if cell is None:
                cells.append("")
                continue
            text = _text(describe_value(cell.target))
            if cell.target.year is not None:
                text.append(f" ({cell.target.year})", style="dim")
            if cell.count > 1:
                text.append(f" +{cell.count - 1}", style="dim")
            cells.append(text)
        table.add_row(head, *cells)
    return table


def indicator_table(plans: list[Plan], unknown_only: bool = False) -> RenderableType:
    """`ipplan indicators PATH…`: each indicator wording once, with its id, count and plans."""
    from rich.table import Table

    seen: dict[str, tuple[str | None, list[str]]] = {}
    for plan, label in zip(plans, plan_labels(plans)):
        for t in plan.targets:
            ind = indicator_id(t)
            if unknown_only and ind is not None:
                continue
            seen.setdefault(t.indicator, (ind, []))[1].append(label)
    title = "Indicators without a canonical id" if unknown_only else "Indicators"
    table = Table(title=f"{title} ({len(seen)} wordings)", title_justify="left")
    table.add_column("indicator", overflow="fold", ratio=3)
    if not unknown_only:
        table.add_column("canonical id", overflow="fold", ratio=2)
    table.add_column("targets", justify="right")
    table.add_column("plans", overflow="fold", ratio=2)
    for wording, (ind, labels) in seen.items():
        idtext = _text(ind, style="green") if ind else _text("unknown", style="yellow")
        cells = [_text(wording)] + [idtext] * (not unknown_only)
        table.add_row(*cells, str(len(labels)), _text("; ".join(dict.fromkeys(labels))))
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
