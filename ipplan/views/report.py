"""`ipplan report`: one self-contained HTML page (inline CSS and an inline SVG chart, no
script, no external resource) with the comparison matrix, a chart of targets by year and
each plan's metadata, outline and targets. Every text is escaped with html.escape."""

from __future__ import annotations

from html import escape

from ipplan import __version__
from ipplan.schema import Plan, Section
from ipplan.views import compare
from ipplan.views.rows import describe_value, indicator_id, plan_labels, plural, section_titles, walk

#: Bar colours, one per plan in order (Okabe–Ito palette, readable by colour-blind readers).
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000")

CSS = """
body{font-family:system-ui,-apple-system,"PingFang SC","Noto Sans CJK SC","Microsoft YaHei",sans-serif;
 margin:2rem auto;max-width:1200px;padding:0 1rem;color:#222;line-height:1.5}
h1{font-size:1.6rem}h2{border-bottom:2px solid #ddd;padding-bottom:.2rem;margin-top:2.5rem}
table{border-collapse:collapse;margin:.5rem 0 1rem;font-size:.9rem}
th,td{border:1px solid #ccc;padding:.25rem .5rem;vertical-align:top;text-align:left}
thead th{background:#f3f3f3;position:sticky;top:0}
td.num{text-align:right;white-space:nowrap}
.matrix td{white-space:nowrap}.matrix .id,.muted{color:#777;font-size:.8em}
.unknown{color:#a15c00}
ul.outline{list-style:none;padding-left:1.2rem}ul.outline ul{list-style:none;padding-left:1.4rem}
.count{color:#2a6f97;font-size:.85em;margin-left:.5em}
dl.meta{display:grid;grid-template-columns:max-content auto;gap:.1rem 1rem}dl.meta dt{font-weight:600}
dl.meta dd{margin:0}
.legend span{display:inline-block;margin-right:1.2rem}
.legend i{display:inline-block;width:.9em;height:.9em;margin-right:.3em;vertical-align:-.1em}
nav a{margin-right:1rem}
"""


def e(value: object) -> str:
    """Escaped text ('' for None)."""
    return "" if value is None else escape(str(value), quote=True)


def render(plans: list[Plan], title: str = "ipplan report") -> str:
    """The whole page as a string (deterministic: no dates, no random ids)."""
    labels = plan_labels(plans)
    matrix = compare.build(plans)
    parts = [
        "<!DOCTYPE html>",
        '<html lang="zh-CN"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{e(title)}</title><style>{CSS}</style></head><body>",
        (f"<header><h1>{e(title)}</h1><p class=\"muted\">{len(plans)} plans · {matrix.total} targets · "
         f"{matrix.total - matrix.unknown} with a canonical indicator · ipplan {e(__version__)}</p>"),
        "<nav>" + "".join(f'<a href="#plan-{i}">{e(label)}</a>' for i, label in enumerate(labels, 1)) + "</nav>",
        "</header>",
        _chart_section(plans, labels),
        _matrix(matrix),
        _unknown(plans, labels),
    ]
    parts += [_plan(i, plan, label) for i, (plan, label) in enumerate(zip(plans, labels), 1)]
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


def _matrix(m: compare.Matrix) -> str:
    head = "".join(f"<th>{e(label)}</th>" for label in m.plans)
    body = []
    for row in m.rows:
        cells = []
        for cell in row.cells:
            if cell is None:
                cells.append("<td></td>")
                continue
            t = cell.target
            more = f' <span class="muted">+{cell.count - 1}</span>' if cell.count > 1 else ""
            year = f' <span class="muted">{t.year}</span>' if t.year is not None else ""
            cells.append(f'<td title="{e(t.text)}">{e(describe_value(t))}{year}{more}</td>')
        body.append(f'<tr><th>{e(row.name)}<br><span class="id">{e(row.id)}</span></th>{"".join(cells)}</tr>')
    note = ("<p class=\"muted\">Each cell shows the target due latest (+N: further targets of that plan "
            "with the same indicator, listed under the plan). Hover a cell for the source clause.</p>")
    return (f'<section id="compare"><h2>Comparison: canonical indicators × plans</h2>{note}'
            f'<table class="matrix"><thead><tr><th>indicator</th>{head}</tr></thead>'
            f'<tbody>{"".join(body)}</tbody></table></section>')


def _chart_section(plans: list[Plan], labels: list[str]) -> str:
    counts = [{} for _ in plans]  # type: list[dict[int, int]]
    undated = []
    for i, plan in enumerate(plans):
        for t in plan.targets:
            if t.year is not None:
                counts[i][t.year] = counts[i].get(t.year, 0) + 1
        undated.append(sum(t.year is None for t in plan.targets))
    legend = "".join(f'<span><i style="background:{PALETTE[i % len(PALETTE)]}"></i>{e(label)}</span>'
                     for i, label in enumerate(labels))
    none = " · ".join(f"{e(label)} {n}" for label, n in zip(labels, undated) if n)
    return (f'<section id="chart"><h2>Targets by year</h2>{bar_chart(counts, labels)}'
            f'<p class="legend">{legend}</p>'
            + (f'<p class="muted">Targets without a year: {none}</p>' if none else "") + "</section>")


def bar_chart(counts: list[dict[int, int]], labels: list[str], height: int = 240) -> str:
    """Grouped bars: one group per year, one bar per plan (inline SVG)."""
    years = sorted({y for c in counts for y in c})
    if not years:
        return '<p class="muted">No target states a year.</p>'
    top = max(n for c in counts for n in c.values())
    step = max(1, -(-top // 4))  # four grid lines
    top = step * -(-top // step)
    bar, gap, left, bottom, pad = 14, 18, 40, 24, 10
    group = bar * len(counts) + gap
    width = left + group * len(years) + pad
    plot = height - bottom - pad
    svg = f'<svg width="{width}" height="{height}" viewBox="0 0 {width} {height}" role="img" aria-label="Targets by year">'
    out = [svg]
    for v in range(0, top + 1, step):
        y = pad + plot - plot * v / top
        out.append(f'<line x1="{left}" x2="{width - pad}" y1="{y:.1f}" y2="{y:.1f}" stroke="#ddd"/>'
                   f'<text x="{left - 6}" y="{y + 4:.1f}" font-size="11" text-anchor="end">{v}</text>')
    for g, year in enumerate(years):
        x0 = left + g * group + gap / 2
        for i, c in enumerate(counts):
            n = c.get(year, 0)
            if not n:
                continue
            h = plot * n / top
            out.append(f'<rect x="{x0 + i * bar:.1f}" y="{pad + plot - h:.1f}" width="{bar - 2}" height="{h:.1f}" '
                       f'fill="{PALETTE[i % len(PALETTE)]}"><title>{e(labels[i])} · {year}: {n}</title></rect>')
        out.append(f'<text x="{x0 + bar * len(counts) / 2:.1f}" y="{height - 6}" font-size="11" '
                   f'text-anchor="middle">{year}</text>')
    out.append("</svg>")
    return "".join(out)


def _unknown(plans: list[Plan], labels: list[str]) -> str:
    rows = [(label, t) for label, plan in zip(labels, plans) for t in plan.targets if indicator_id(t) is None]
    if not rows:
        return ""
    body = "".join(f"<tr><td>{e(label)}</td><td>{e(t.indicator)}</td><td class=\"num\">{e(describe_value(t))}</td>"
                   f"<td>{e(t.year)}</td><td>{e(t.section or 'preamble')}</td></tr>" for label, t in rows)
    return (f'<section id="unknown"><h2>Targets without a canonical indicator ({len(rows)})</h2>'
            "<p class=\"muted\">Not in ipplan's indicator table (ipplan/parse/data/indicators.yaml); "
            "left out of the comparison rather than guessed.</p>"
            "<table><thead><tr><th>plan</th><th>indicator</th><th>value</th><th>year</th><th>section</th></tr>"
            f"</thead><tbody>{body}</tbody></table></section>")


def _plan(i: int, plan: Plan, label: str) -> str:
    m, src = plan.meta, plan.source
    fields = [("title", m.title), ("notice", m.notice_title), ("文号", m.doc_number), ("issuer", m.issuer),
              ("issued", m.issue_date), ("region", m.region),
              ("period", f"{m.period.start}–{m.period.end}" if m.period else None), ("source", src.path)]
    meta = "".join(f"<dt>{e(k)}</dt><dd>{e(v)}</dd>" for k, v in fields if v)
    counts: dict[str, int] = {}
    for t in plan.targets:
        if t.section:
            counts[t.section] = counts.get(t.section, 0) + 1
    titles = section_titles(plan)
    targets = "".join(
        f"<tr><td>{e(t.indicator)}</td>"
        + (f'<td>{e(ind)}</td>' if (ind := indicator_id(t)) else '<td class="unknown">unknown</td>')
        + f'<td class="num">{e(describe_value(t))}</td><td>{e(t.year)}</td>'
        f'<td title="{e(titles.get(t.section) if t.section else "")}">{e(t.section or "preamble")}</td>'
        f"<td>{e(t.text)}</td></tr>"
        for t in plan.targets)
    sections = len(list(walk(plan.sections)))
    return (f'<section class="plan" id="plan-{i}"><h2>{e(label)}</h2><dl class="meta">{meta}</dl>'
            f"<h3>Outline ({sections} sections)</h3>{_outline(plan.sections, counts)}"
            f"<h3>Targets ({len(plan.targets)})</h3>"
            "<table><thead><tr><th>indicator</th><th>canonical id</th><th>value</th><th>year</th>"
            f"<th>section</th><th>source clause</th></tr></thead><tbody>{targets}</tbody></table></section>")


def _outline(sections: list[Section], counts: dict[str, int]) -> str:
    if not sections:
        return ""
    items = []
    for s in sections:
        tags = []
        if s.units:
            tags.append(plural(len(s.units), "unit"))
        if counts.get(s.id):
            tags.append(plural(counts[s.id], "target"))
        tag = f'<span class="count">{e(" · ".join(tags))}</span>' if tags else ""
        items.append(f"<li>{e(s.label)} {e(s.title)}{tag}{_outline(s.children, counts)}</li>")
    return f'<ul class="outline">{"".join(items)}</ul>'
