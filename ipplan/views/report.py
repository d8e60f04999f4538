"""`ipplan report`: one self-contained HTML page for 1 to thousands of plans (inline CSS and
inline SVG, no script, no external resource). Its parts, in page order (:data:`PARTS`):

1. the plans table: label, region, level, period, 文号, issuer, counts, notices;
2. per canonical indicator, the plans that set it ranked by value, with bars;
3. targets by year, all plans together, stacked by the plans' level (a bounded chart);
4. the comparison matrix, limited to indicators set by two plans or more (indicators ×
   plans while the plans fit as columns, else plans × indicators);
5. targets without a canonical indicator, by wording;
6. each plan's metadata, responsible units (leads first), targets and outline, folded.

Sizes are bounded so that a thousand plans still open fast: the limits are the constants
below, and the page says where it left rows out. Values are written as a reader writes them
(50亿元, 1.2万件); every text is escaped with html.escape.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from ipplan import __version__
from ipplan.parse.vocab.places import REGION_LEVELS, region_level
from ipplan.schema import Plan, Section
from ipplan.views import compare
from ipplan.views.rows import (
    describe_value, indicator_id, indicator_rows, plan_labels, plural, possible_misses, section_titles, unit_uses, walk,
)

#: Plans the matrix shows as columns (indicators as rows); more plans turn it around.
MATRIX_PLAN_COLUMNS = 12
#: Indicators the turned matrix shows as columns (those set by the most plans).
MATRIX_INDICATOR_COLUMNS = 24
#: Plans listed per indicator and unit in the ranking (the highest values).
RANK_ROWS = 50
#: Wordings listed among the targets without a canonical indicator (the most used).
UNKNOWN_ROWS = 150
#: Reports of more plans leave the source clauses out of each plan's targets (they would
#: make most of the page's bytes); the plan files and ``ipplan export`` have them.
CLAUSE_PLANS = 100
#: Years the chart draws as a continuous axis; a wider span draws only years with targets.
CHART_MAX_SPAN = 40
#: Colours of the plans' levels (Okabe–Ito, distinct for colour-blind readers) and of no level.
LEVEL_COLOURS = {"national": "#0072B2", "province": "#E69F00", "city": "#009E73", "district": "#CC79A7",
                 None: "#999999"}
LEVELS: tuple[str | None, ...] = tuple(r.level for r in REGION_LEVELS) + (None,)
#: How a ranking's header names a kind that does not compare with the others.
KIND_NAMES = {"annual": ", per year", "cumulative": ", cumulative", "growth": ", growth"}

CSS = """
body{font-family:system-ui,-apple-system,"PingFang SC","Noto Sans CJK SC","Microsoft YaHei",sans-serif;
 margin:1.5rem auto;max-width:1280px;padding:0 1rem;color:#222;line-height:1.45}
h1{font-size:1.6rem;margin-bottom:.2rem}h2{border-bottom:2px solid #ddd;padding-bottom:.2rem;margin-top:2.2rem}
h3{font-size:1.05rem;margin:1.4rem 0 .3rem}
section.big{content-visibility:auto;contain-intrinsic-size:auto 2000px}
table{border-collapse:collapse;margin:.4rem 0 1rem;font-size:.85rem}
th,td{border:1px solid #d4d4d4;padding:.2rem .45rem;vertical-align:top;text-align:left}
thead th{background:#f3f3f3;position:sticky;top:0;z-index:1}
td.num,th.num{text-align:right;white-space:nowrap}
td.nw{white-space:nowrap}
.muted{color:#6b6b6b;font-size:.85em}.id{color:#777;font-size:.8em;font-weight:normal}
.unknown{color:#a15c00}.miss{color:#b34700;font-weight:600}
.wrap{overflow-x:auto;max-width:100%}
table.matrix th.col{min-width:5.5em;max-width:8em;font-weight:600;vertical-align:bottom}
table.matrix td,table.matrix tbody th{white-space:nowrap}
table.rank{width:860px;max-width:100%;table-layout:fixed}table.rank th:first-child{width:38%}
table.rank th:nth-child(2){width:17%}table.rank th:nth-child(3){width:8%}
table.rank.single th:first-child{width:46%}table.rank.single th:nth-child(2){width:28%}
table.rank.single th:nth-child(3){width:17%}table.rank.single th:nth-child(4){width:9%}
table.rank td{overflow:hidden;text-overflow:ellipsis;white-space:nowrap}td.bar{padding:.2rem .3rem}
td.bar span{display:block;height:.8em;background:#0072B2;min-width:1px}
ul.outline{list-style:none;padding-left:1.2rem;margin:.2rem 0}ul.outline ul{list-style:none;padding-left:1.4rem}
.count{color:#2a6f97;font-size:.85em;margin-left:.5em}
dl.meta{display:grid;grid-template-columns:max-content auto;gap:.1rem 1rem;margin:.4rem 0}
dl.meta dt{font-weight:600}dl.meta dd{margin:0}
.legend span{display:inline-block;margin-right:1.2rem}
.legend i{display:inline-block;width:.9em;height:.9em;margin-right:.3em;vertical-align:-.1em}
nav a{margin-right:1rem}
details.plan{border-top:1px solid #ddd;padding:.3rem 0}details.plan>summary{cursor:pointer;font-weight:600}
details.plan[open]>summary{font-size:1.1rem;margin-bottom:.4rem}
.units span{display:inline-block;margin:0 .9rem .1rem 0}.units b{color:#1d5e2f}
"""


def e(value: object) -> str:
    """Escaped text ('' for None)."""
    return "" if value is None else escape(str(value), quote=True)


class Context:
    """What the parts share: the plans, their labels and files, the matrix."""

    def __init__(self, plans: list[Plan], files: list[str] | None) -> None:
        self.plans = plans
        self.labels = plan_labels(plans)
        self.files: list[str | None] = list(files) if files else [None] * len(plans)  # the plan files read
        self.matrix = compare.build(plans)

    def link(self, i: int) -> str:
        """The plan's label, linked to its details."""
        return f'<a href="#plan-{i + 1}">{e(self.labels[i])}</a>'


def render(plans: list[Plan], title: str = "ipplan report", files: list[str] | None = None) -> str:
    """The whole page as a string (deterministic: no dates, no random ids)."""
    ctx = Context(plans, files)
    m = ctx.matrix
    levels = {}
    for p in plans:
        lv = region_level(p.meta.region)
        levels[lv] = levels.get(lv, 0) + 1
    by_level = " · ".join(f"{levels[lv]} {lv or 'no level'}" for lv in LEVELS if lv in levels)
    misses = sum(possible_misses(p) > 0 for p in plans)
    nav = "".join(f'<a href="#{anchor}">{e(name)}</a>' for anchor, name, _ in PARTS)
    parts = [
        "<!DOCTYPE html>",
        '<html lang="zh-CN"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{e(title)}</title><style>{CSS}</style></head><body>",
        (f'<header><h1>{e(title)}</h1><p class="muted">{plural(len(plans), "plan")} ({e(by_level)}) · '
         f"{plural(m.total, 'target')}, {m.total - m.unknown} with a canonical indicator · "
         f"{plural(misses, 'plan')} with possible misses · ipplan {e(__version__)}</p><nav>{nav}</nav></header>"),
    ]
    parts += [part(ctx) for _, _, part in PARTS]
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


# --- 1. the plans ---------------------------------------------------------------------

def _plans(ctx: Context) -> str:
    rows = []
    for i, plan in enumerate(ctx.plans):
        m = plan.meta
        sections = sum(1 for _ in walk(plan.sections))
        units = (sum(len(s.units) for s in walk(plan.sections))
                 + sum(len(k.units) for tb in plan.tables for k in tb.tasks))
        miss = possible_misses(plan)
        notices = (f"{len(plan.notices)}" + (f' <span class="miss" title="possible misses (N401, N402)">'
                                             f"{miss} ?</span>" if miss else "")) if plan.notices else ""
        rows.append(
            f"<tr><td class=\"num\">{i + 1}</td><td>{ctx.link(i)}</td><td>{e(m.region)}</td>"
            f"<td>{e(region_level(m.region))}</td><td class=\"nw\">{e(_period(plan))}</td>"
            f"<td class=\"nw\">{e(m.doc_number)}</td><td>{e(m.issuer)}</td><td class=\"nw\">{e(m.issue_date)}</td>"
            f"<td class=\"num\">{sections}</td><td class=\"num\">{len(plan.targets)}</td>"
            f"<td class=\"num\">{units}</td><td class=\"num\">{len(plan.tables)}</td>"
            f"<td class=\"num\">{notices}</td></tr>")
    head = "".join(f"<th{' class=num' if n in NUMERIC else ''}>{n}</th>" for n in PLAN_HEAD)
    return (f'<section id="plans" class="big"><h2>Plans ({len(ctx.plans)})</h2>'
            '<p class="muted">Level is read from the region\'s name (省 province, 市 city, 区/县 district). '
            'Notices: what the parser doubted; <span class="miss">N ?</span> possible misses to check first '
            "(<code>ipplan review</code>).</p>"
            f'<div class="wrap"><table class="plans"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}'
            "</tbody></table></div></section>")


PLAN_HEAD = ("#", "plan", "region", "level", "period", "文号", "issuer", "issued", "sections", "targets", "units",
             "tables", "notices")
NUMERIC = {"#", "sections", "targets", "units", "tables", "notices"}


def _period(plan: Plan) -> str | None:
    p = plan.meta.period
    return f"{p.start}–{p.end}" if p else None


# --- 2. per indicator, plans by value --------------------------------------------------

def _indicators(ctx: Context) -> str:
    rankings = compare.rankings(ctx.matrix)
    if not rankings:
        return ('<section id="indicators"><h2>Indicators</h2>'
                '<p class="muted">No target has a canonical indicator.</p></section>')
    shared = [r for r in rankings if r.plans >= 2]
    single = [r for r in rankings if r.plans < 2]
    index = " · ".join(f'<a href="#ind-{e(r.id)}">{e(r.name)}</a> {r.plans}' for r in shared)
    blocks = [f'<h3 id="ind-{e(r.id)}">{e(r.name)} <span class="id">{e(r.id)} · {plural(r.plans, "plan")}</span></h3>'
              + "".join(_ranking(ctx, g) for g in r.groups) for r in shared]
    if single:
        rows = "".join(f'<tr><td>{e(r.name)} <span class="id">{e(r.id)}</span></td>'
                       f'<td>{ctx.link(x.plan)}</td>{_value_cells(x.cell)}</tr>'
                       for r in single for g in r.groups for x in g.entries)
        blocks.append(f'<h3 id="ind-single">Set by one plan only ({len(single)})</h3><table class="rank single">'
                      '<thead><tr><th>indicator</th><th>plan</th><th class="num">target</th><th class="num">year</th>'
                      f"</tr></thead><tbody>{rows}</tbody></table>")
    return (f'<section id="indicators" class="big"><h2>Indicators: the plans that set each, by value</h2>'
            '<p class="muted">Per canonical indicator set by two plans or more, each plan\'s target due latest '
            "(+N: more targets of that plan with the indicator), highest first; plans with another unit or kind "
            "(per year, cumulative) are ranked apart. Hover a value for its source clause.</p>"
            f"<p>{index}</p>{''.join(blocks)}</section>")


def _value_cells(cell: compare.Cell) -> str:
    t = cell.target
    more = f' <span class="muted">+{cell.count - 1}</span>' if cell.count > 1 else ""
    return f'<td class="num" title="{e(t.text)}">{e(describe_value(t))}{more}</td><td class="num">{e(t.year)}</td>'


def _ranking(ctx: Context, g: compare.Group) -> str:
    """One unit and kind of an indicator: its plans by value, with bars (the first RANK_ROWS)."""
    top = max(abs(x.cell.target.value) for x in g.entries) or 1
    rows = [f'<tr><td>{ctx.link(x.plan)}</td>{_value_cells(x.cell)}<td class="bar">'
            f'<span style="width:{100 * abs(x.cell.target.value) / top:.1f}%"></span></td></tr>'
            for x in g.entries[:RANK_ROWS]]
    left = len(g.entries) - RANK_ROWS
    if left > 0:
        rows.append(f'<tr><td colspan="4" class="muted">… {plural(left, "plan")} more with lower values '
                    "(<code>ipplan export --what targets</code> lists all)</td></tr>")
    unit = (g.unit or "no unit") + KIND_NAMES.get(g.kind, "")
    return (f'<table class="rank"><thead><tr><th>plan ({len(g.entries)}, {e(unit)})</th><th class="num">target</th>'
            f'<th class="num">year</th><th></th></tr></thead><tbody>{"".join(rows)}</tbody></table>')


# --- 3. targets by year ----------------------------------------------------------------

def _years(ctx: Context) -> str:
    counts: dict[int, dict[str | None, int]] = {}
    undated = 0
    for plan in ctx.plans:
        lv = region_level(plan.meta.region)
        for t in plan.targets:
            if t.year is None:
                undated += 1
            else:
                counts.setdefault(t.year, {}).setdefault(lv, 0)
                counts[t.year][lv] += 1
    used = [lv for lv in LEVELS if any(lv in c for c in counts.values())]
    legend = "".join(f'<span><i style="background:{LEVEL_COLOURS[lv]}"></i>{e(lv or "no level")}</span>'
                     for lv in used)
    note = f'<p class="muted">{undated:,} target{"s" * (undated != 1)} without a year.</p>' if undated else ""
    return (f'<section id="years"><h2>Targets by year</h2>'
            '<p class="muted">All plans together: the targets due each year, stacked by the level of the plan '
            f'that sets them.</p>{year_chart(counts, used)}<p class="legend">{legend}</p>{note}</section>')


def year_chart(counts: dict[int, dict[str | None, int]], levels: list[str | None], width: int = 900,
               height: int = 260) -> str:
    """Stacked bars, one per year (inline SVG of fixed size, scaled down on narrow screens)."""
    if not counts:
        return '<p class="muted">No target states a year.</p>'
    lo, hi = min(counts), max(counts)
    years = list(range(lo, hi + 1)) if hi - lo < CHART_MAX_SPAN else sorted(counts)
    top = max(sum(c.values()) for c in counts.values())
    step = _nice_step(top)
    top = step * -(-top // step)
    left, bottom, pad = 48, 26, 16
    plot_w, plot_h = width - left - pad, height - bottom - pad
    slot = plot_w / len(years)
    bar = max(2.0, min(48.0, slot * 0.7))
    out = [f'<svg width="{width}" height="{height}" viewBox="0 0 {width} {height}" role="img" '
           'aria-label="Targets by year" style="max-width:100%;height:auto">']
    for v in range(0, top + 1, step):
        y = pad + plot_h - plot_h * v / top
        out.append(f'<line x1="{left}" x2="{width - pad}" y1="{y:.1f}" y2="{y:.1f}" stroke="#e2e2e2"/>'
                   f'<text x="{left - 6}" y="{y + 4:.1f}" font-size="11" text-anchor="end">{v:,}</text>')
    label_every = max(1, -(-len(years) * 34 // plot_w))  # a year label needs ~34 px
    for k, year in enumerate(years):
        x = left + k * slot + (slot - bar) / 2
        c = counts.get(year, {})
        y = pad + plot_h
        for lv in levels:
            n = c.get(lv, 0)
            if not n:
                continue
            h = plot_h * n / top
            y -= h
            out.append(f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar:.1f}" height="{h:.1f}" fill="{LEVEL_COLOURS[lv]}">'
                       f"<title>{year} · {e(lv or 'no level')}: {n:,}</title></rect>")
        total = sum(c.values())
        if total and bar >= 14:
            out.append(f'<text x="{x + bar / 2:.1f}" y="{y - 3:.1f}" font-size="10" '
                       f'text-anchor="middle">{total:,}</text>')
        if k % label_every == 0:
            out.append(f'<text x="{x + bar / 2:.1f}" y="{height - 8}" font-size="11" '
                       f'text-anchor="middle">{year}</text>')
    out.append("</svg>")
    return "".join(out)


def _nice_step(top: int) -> int:
    """A grid step of 1, 2 or 5 × 10ⁿ giving about four lines."""
    raw = max(1, -(-top // 4))
    base = 10 ** (len(str(raw)) - 1)
    return next(m * base for m in (1, 2, 5, 10) if m * base >= raw)


# --- 4. the matrix ---------------------------------------------------------------------

def _matrix(ctx: Context) -> str:
    m = ctx.matrix
    rows = [r for r in m.rows if r.plans_set >= 2]
    head = '<section id="compare" class="big"><h2>Comparison matrix</h2>'
    if not rows:
        return head + '<p class="muted">No canonical indicator is set by two plans or more.</p></section>'
    plans = [i for i in range(len(m.plans)) if any(r.cells[i] for r in rows)]
    note = (f"The {plural(len(rows), 'canonical indicator')} set by two plans or more, and the "
            f"{plural(len(plans), 'plan')} that set any of them; a cell is the plan's target due latest (+N: more "
            "targets of that plan with the indicator). Hover a cell for its source clause.")
    if len(plans) <= MATRIX_PLAN_COLUMNS:
        cols = "".join(f'<th class="col">{ctx.link(i)}</th>' for i in plans)
        body = "".join(f'<tr><th>{e(r.name)}<br><span class="id">{e(r.id)}</span></th>'
                       + "".join(_cell(r.cells[i]) for i in plans) + "</tr>" for r in rows)
        table = f"<thead><tr><th>indicator</th>{cols}</tr></thead><tbody>{body}</tbody>"
    else:
        shown = sorted(rows, key=lambda r: -r.plans_set)[:MATRIX_INDICATOR_COLUMNS]
        shown = [r for r in rows if r in shown]  # the curated order
        if len(rows) > len(shown):
            note += (f" With {len(plans)} plans the matrix is turned (plans as rows) and shows the "
                     f"{len(shown)} indicators set by the most plans; the others are under Indicators.")
        else:
            note += f" With {len(plans)} plans the matrix is turned: plans as rows."
        cols = "".join(f'<th class="col" title="{e(r.id)}">{e(r.name)}</th>' for r in shown)
        body = "".join(f"<tr><th>{ctx.link(i)}</th>" + "".join(_cell(r.cells[i]) for r in shown) + "</tr>"
                       for i in plans)
        table = f"<thead><tr><th>plan</th>{cols}</tr></thead><tbody>{body}</tbody>"
    return f'{head}<p class="muted">{note}</p><div class="wrap"><table class="matrix">{table}</table></div></section>'


def _cell(cell: compare.Cell | None) -> str:
    if cell is None:
        return "<td></td>"
    t = cell.target
    more = f' <span class="muted">+{cell.count - 1}</span>' if cell.count > 1 else ""
    year = f' <span class="muted">{t.year}</span>' if t.year is not None else ""
    return f'<td title="{e(t.text)}">{e(describe_value(t))}{year}{more}</td>'


# --- 5. targets without a canonical indicator -----------------------------------------

def _unknown(ctx: Context) -> str:
    rows = indicator_rows(ctx.plans, unknown_only=True).rows
    if not rows:
        return ""
    ranked = sorted(rows, key=lambda r: (-r[4], -r[3]))[:UNKNOWN_ROWS]  # by plans, then targets; stable
    body = "".join(f'<tr><td>{e(w)}</td><td class="num">{n}</td><td class="num">{n_plans}</td>'
                   f'<td>{e(values)}</td><td class="muted" title="{e(ex)}">{e(_short(labels, 80))}</td></tr>'
                   for w, _id, _name, n, n_plans, _units, values, labels, ex in ranked)
    more = (f'<p class="muted">… {len(rows) - len(ranked)} more wordings: <code>ipplan indicators --unknown PATH '
            "-o unknown.csv</code> lists all.</p>") if len(rows) > len(ranked) else ""
    n = sum(r[3] for r in rows)
    return (f'<section id="unknown" class="big"><h2>Targets without a canonical indicator ({n:,} in '
            f"{len(rows):,} wordings)</h2>"
            "<p class=\"muted\">Not in ipplan's indicator table (ipplan/parse/data/indicators.yaml): left out of "
            "the comparison rather than guessed. The wordings used by the most plans first.</p>"
            '<table><thead><tr><th>indicator</th><th class="num">targets</th><th class="num">plans</th>'
            f"<th>values</th><th>plans</th></tr></thead><tbody>{body}</tbody></table>{more}</section>")


def _short(text: str, n: int) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


# --- 6. each plan ----------------------------------------------------------------------

def _details(ctx: Context) -> str:
    items = [_plan(ctx, i) for i in range(len(ctx.plans))]
    clauses = "" if len(ctx.plans) <= CLAUSE_PLANS else (
        f" With more than {CLAUSE_PLANS} plans the targets' source clauses are left out (the plan files and "
        "<code>ipplan export</code> have them).")
    return (f'<section id="details" class="big"><h2>Each plan</h2><p class="muted">Click a plan to unfold its '
            f"metadata, responsible units, targets and outline.{clauses}</p>" + "".join(items) + "</section>")


def _plan(ctx: Context, i: int) -> str:
    plan = ctx.plans[i]
    m, src = plan.meta, plan.source
    fields = [("title", m.title), ("notice", m.notice_title), ("文号", m.doc_number), ("issuer", m.issuer),
              ("issued", m.issue_date), ("region", m.region), ("level", region_level(m.region)),
              ("period", _period(plan)), ("source", src.path), ("plan file", ctx.files[i])]
    meta = "".join(f"<dt>{e(k)}</dt><dd>{e(v)}</dd>" for k, v in fields if v)
    if plan.notices:
        from ipplan.parse.vocab.notices import summary

        meta += f"<dt>notices</dt><dd>{e(summary([n.code for n in plan.notices]))}</dd>"
    counts: dict[str, int] = {}
    for t in plan.targets:
        if t.section:
            counts[t.section] = counts.get(t.section, 0) + 1
    titles = section_titles(plan)
    uses = unit_uses(plan)
    units = "".join(f'<span>{"<b>★" if u.leads else ""}{e(u.name)}{"</b>" if u.leads else ""} '
                    f'<span class="muted">{u.clauses}{f" (lead {u.leads})" if u.leads else ""}</span></span>'
                    for u in uses)
    clauses = len(ctx.plans) <= CLAUSE_PLANS
    targets = "".join(
        f"<tr><td>{e(t.indicator)}</td>"
        + (f'<td>{e(ind)}</td>' if (ind := indicator_id(t)) else '<td class="unknown">unknown</td>')
        + f'<td class="num">{e(describe_value(t))}</td><td>{e(t.year)}</td>'
        f'<td title="{e(titles.get(t.section) if t.section else "")}">{e(t.section or "preamble")}</td>'
        + (f"<td>{e(t.text)}</td>" if clauses else "") + "</tr>"
        for t in plan.targets)
    sections = sum(1 for _ in walk(plan.sections))
    summary_line = (f"{e(ctx.labels[i])} <span class=\"id\">{e(m.title or '')} · {plural(len(plan.targets), 'target')}"
                    f" · {plural(len(uses), 'unit')}</span>")
    return (f'<details class="plan" id="plan-{i + 1}"><summary>{summary_line}</summary><dl class="meta">{meta}</dl>'
            + (f'<h3>Responsible units ({len(uses)}; ★ lead, with the clauses naming each)</h3>'
               f'<p class="units">{units}</p>' if uses else "")
            + (f"<h3>Targets ({len(plan.targets)})</h3><table><thead><tr><th>indicator</th><th>canonical id</th>"
               "<th>target</th><th>year</th><th>section</th>" + "<th>source clause</th>" * clauses + "</tr></thead>"
               f"<tbody>{targets}</tbody></table>" if plan.targets else "")
            + f"<h3>Outline ({plural(sections, 'section')})</h3>{_outline(plan.sections, counts)}</details>")


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


#: The parts of the page in order: (anchor, name in the navigation bar, renderer).
PARTS: tuple[tuple[str, str, Callable[[Context], str]], ...] = (
    ("plans", "Plans", _plans),
    ("indicators", "Indicators", _indicators),
    ("years", "Targets by year", _years),
    ("compare", "Matrix", _matrix),
    ("unknown", "Without an indicator", _unknown),
    ("details", "Each plan", _details),
)
