"""ipplan compare (the matrix), ipplan show (rich) and ipplan report (self-contained HTML)."""

from __future__ import annotations

import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner
from rich.console import Console

from ipplan.cli import main
from ipplan.schema import Plan, Target
from ipplan.views import compare, report, show
from ipplan.views.load import load, load_plans
from ipplan.views.rows import walk
from tests.conftest import SAMPLES

DENSITY = "patent.high_value_inventions_per_10k_people"
CITIES = ["huzhou-2022", "linyi-2023", "wenzhou-2022"]


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


@pytest.fixture(scope="module")
def plans() -> list[Plan]:
    return load_plans([SAMPLES])


def _target(indicator: str, value: float, year: int | None, **kw) -> Target:
    return Target(section=kw.pop("section", None), indicator=indicator, value=value, unit="件", year=year,
                  text=kw.pop("text", indicator), **kw)


# --- compare --------------------------------------------------------------------------

def test_high_value_patent_density_side_by_side(plans) -> None:
    m = compare.build(plans)
    assert m.plans == ("湖州市 2022-2025", "全国", "临沂市 2023-2025",
                       "温州市 2022-2025", "郑州市 2023-2025")
    row = next(r for r in m.rows if r.id == DENSITY)
    cells = [(c.target.value, c.target.unit, c.target.year, c.target.op, c.count) if c else None for c in row.cells]
    # 湖州 "达到15件以上"; 临沂 "10件(2023年底达3.85件…)"; 温州 "不低于8.5件" + the 2022–2024 table row (6.5/7.5/8.5)
    assert cells == [(15, "件", 2025, ">=", 1), None, (10, "件", 2025, "=", 1), (8.5, "件", 2025, ">=", 4), None]
    assert (m.total, m.unknown) == (162, 42)  # 温州 市级基地 → 市级商业秘密保护基地, a known indicator


def test_rows_follow_the_curated_table_order(plans) -> None:
    from ipplan.parse import indicators

    order = [i.id for i in indicators.all_indicators()]
    ids = [r.id for r in compare.build(plans).rows]
    assert ids == sorted(ids, key=order.index)
    assert len(ids) == 53


def test_headline_is_the_latest_dated_target_first_in_document_order() -> None:
    a, b, c, d = (_target("x", 1, 2024), _target("x", 2, 2025, text="first"), _target("x", 3, 2025, text="second"),
                  _target("x", 4, None))
    assert compare.headline([a, b, c, d]) is b
    assert compare.headline([d, a]) is a
    assert compare.headline([d]) is d


def test_stored_ids_win_and_missing_ids_are_looked_up() -> None:
    plan = Plan(targets=[_target("每万人口高价值发明专利拥有量", 9, 2025),  # no id stored: looked up
                         _target("某自定义指标", 5, 2025, indicator_id="local.custom"),  # an analyst's own id
                         _target("市级基地", 7, 2025)])
    m = compare.build([plan])
    assert [(r.id, r.name, r.cells[0].target.value) for r in m.rows] == [
        (DENSITY, "每万人口高价值发明专利拥有量", 9), ("local.custom", "local.custom", 5)]
    assert m.unknown == 1


def test_matrix_export_columns(plans, tmp_path: Path) -> None:
    r = compare.matrix_rows(compare.build(plans))
    names = [c.name for c in r.columns]
    assert names[:8] == ["indicator_id", "indicator_name", "湖州市 2022-2025 value", "湖州市 2022-2025 value_max",
                         "湖州市 2022-2025 op", "湖州市 2022-2025 unit", "湖州市 2022-2025 kind", "湖州市 2022-2025 year"]
    assert len(names) == 2 + 5 * 6
    density = next(row for row in r.rows if row[0] == DENSITY)
    assert density[2:8] == (15, None, ">=", "件", "by_year", 2025) and density[8:14] == (None,) * 6
    out = tmp_path / "compare.csv"
    result = run("compare", *(str(SAMPLES / f"{c}.yaml") for c in CITIES), "-o", str(out))
    assert result.exit_code == 0 and result.stdout == ""
    lines = out.read_text("utf-8-sig").splitlines()
    assert lines[0].startswith("indicator_id,indicator_name,湖州市 2022-2025 value,")
    assert f"{DENSITY},每万人口高价值发明专利拥有量,15,,>=,件,by_year,2025,10,,=,件,by_year,2025,8.5,,>=,件,by_year,2025" in lines


def test_compare_prints_a_table(plans) -> None:
    result = CliRunner().invoke(main, ["compare", *(str(SAMPLES / f"{c}.yaml") for c in CITIES)],
                                env={"COLUMNS": "160"})
    assert result.exit_code == 0
    line = next(ln for ln in result.stdout.splitlines() if "每万人口高价值发明专利" in ln)
    assert re.search(r"≥15件 \(2025\).*10件 \(2025\).*≥8\.5件 \(2025\) \+3", line), line
    assert "targets have no canonical indicator" in result.stderr


# --- indicators -----------------------------------------------------------------------

def test_indicators_lists_the_table_and_the_unknown() -> None:
    table = CliRunner().invoke(main, ["indicators"], env={"COLUMNS": "200"})
    assert table.exit_code == 0 and "trademark.valid_registrations" in table.stdout
    unknown = CliRunner().invoke(main, ["indicators", "--unknown", str(SAMPLES / "wenzhou-2022.yaml")],
                                 env={"COLUMNS": "200"})
    assert unknown.exit_code == 0
    # wenzhou: 12 targets in 10 wordings (知识产权人才 is a table row of three years)
    assert "(10 wordings)" in unknown.stdout and "省知识产权信息公共服务网点" in unknown.stdout
    assert "有效注册商标量" not in unknown.stdout
    assert CliRunner().invoke(main, ["indicators", "--unknown"]).exit_code == 2


# --- show -----------------------------------------------------------------------------

def _text(plan: Plan, width: int = 200) -> str:
    console = Console(record=True, width=width)
    for part in show.render(plan):
        console.print(part)
    return console.export_text()


def test_show_has_meta_outline_counts_and_targets() -> None:
    (plan,) = load_plans([SAMPLES / "linyi-2023.yaml"])
    text = _text(plan)
    assert "临政办字〔2023〕81号" in text and "临沂市知识产权强市建设纲要推进计划(2023-2025年)" in text
    assert "31 sections · 12 targets (6 with a canonical indicator) · 77 units · 0 tables" in text
    # linyi-2023.txt: section 三、 holds three targets (专利导航项目15项, 15家…, 15家…); 1. has six units
    assert re.search(r"三、 全面提升知识产权创造质量\s+3\s+· 3 targets", text)
    assert re.search(r"1\. 深化知识产权管理体制改革\s+1\.1\s+· 6 units", text)
    row = next(ln for ln in text.splitlines() if "每万人口高价值发明专利拥有量" in ln and DENSITY in ln)
    assert re.search(r"│\s+10件 │ 2025 │ preamble", row), row


def test_show_lists_tables_in_the_tree() -> None:
    (plan,) = load_plans([SAMPLES / "wenzhou-2022.yaml"])
    text = _text(plan)
    assert re.search(r"表2 国家知识产权强市建设示范市阶段性目标任务 \[targets, 19 rows\]\s+table:2\s+· 57 targets", text)


def test_show_prints_brackets_and_markup_as_text() -> None:
    plan = Plan(targets=[_target("[bold]指标[/bold]", 1, 2025)])
    plan.meta.title = "[red]标题[/red]"
    text = _text(plan)
    assert "[red]标题[/red]" in text and "[bold]指标[/bold]" in text


def test_show_on_a_document_parses_it() -> None:
    result = CliRunner().invoke(main, ["show", str(SAMPLES / "zhengzhou-2023.txt")], env={"COLUMNS": "160"})
    assert result.exit_code == 0 and result.stderr == ""
    assert "郑州市 2023-2025" in result.stdout and "执业专利代理师" in result.stdout


# --- report ---------------------------------------------------------------------------

class _Page(HTMLParser):
    """Tags, attributes, text per matrix row, and script/style content."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str]] = []
        self.rows: list[list[str]] = []
        self.styles: list[str] = []
        self._table = ""
        self._cell: list[str] | None = None
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self.tags.append(tag)
        self.attrs += [(k, v or "") for k, v in attrs]
        if tag == "table":
            self._table = dict(attrs).get("class", "")
        elif tag == "tr" and self._table == "matrix":
            self.rows.append([])
        elif tag in ("td", "th") and self._table == "matrix":
            self._cell = []
        if tag == "br" and self._cell is not None:
            self._cell.append(" ")
        self._in_style = tag == "style"

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._cell is not None:
            self.rows[-1].append(" ".join("".join(self._cell).split()))
            self._cell = None
        elif tag == "table":
            self._table = ""

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)
        if self._in_style:
            self.styles.append(data)


@pytest.fixture(scope="module")
def page(plans) -> tuple[str, _Page]:
    html = report.render(plans)
    p = _Page()
    p.feed(html)
    return html, p


def test_report_is_self_contained(page) -> None:
    html, p = page
    assert html.startswith("<!DOCTYPE html>") and '<meta charset="utf-8">' in html
    assert not {"script", "link", "img", "iframe", "object"} & set(p.tags)
    for name, value in p.attrs:
        if name in ("src", "href", "action", "srcset"):
            assert value.startswith("#"), (name, value)
    assert "url(" not in "".join(p.styles) and "@import" not in "".join(p.styles)
    assert "http" not in html


def test_report_matrix_cells(page, plans) -> None:
    _, p = page
    head, *body = p.rows
    # only the indicators set by two plans or more, and the plans that set any of them (not the national one)
    assert head == ["indicator", "湖州市 2022-2025", "临沂市 2023-2025", "温州市 2022-2025", "郑州市 2023-2025"]
    density = next(r for r in body if r[0].startswith("每万人口高价值发明专利拥有量"))
    assert density == [f"每万人口高价值发明专利拥有量 {DENSITY}", "≥15件 2025", "10件 2025", "≥8.5件 2025 +3", ""]
    assert len(body) == sum(r.plans_set >= 2 for r in compare.build(plans).rows) == 7


def test_report_has_every_plan_outline_targets_and_a_chart(page, plans) -> None:
    html, p = page
    for i, plan in enumerate(plans, 1):
        assert f'id="plan-{i}"' in html
    assert p.tags.count("svg") == 1
    # one stacked bar per year, a part per level: the 阶段性目标 table of 温州 gives 19 targets for each of
    # 2022-2024; the national plan (TW sample) has 3 for 2020 and 6 for 2030
    bars = re.findall(r"<title>([^<]*)</title></rect>", html)
    assert bars == ["2020 · national: 3", "2022 · city: 19", "2023 · city: 19", "2024 · city: 19", "2025 · city: 70",
                    "2030 · national: 6"]
    assert html.count("<li>") == sum(len(list(walk(pl.sections))) for pl in plans)
    assert html.count('<details class="plan"') == len(plans)


def test_report_escapes_document_text() -> None:
    plan = Plan(targets=[_target("<script>alert(1)</script>", 1, 2025, text='"><img src=x>')])
    plan.meta.title = "A & B <i>"
    html = report.render([plan], title="<b>t</b>")
    assert "<script>" not in html and "<img" not in html and "<b>t</b>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "A &amp; B &lt;i&gt;" in html


def test_report_is_deterministic_and_written_by_the_cli(plans, tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    assert run("report", str(SAMPLES), "-o", str(out)).exit_code == 0
    loaded = load([SAMPLES])
    assert out.read_text("utf-8") == report.render(loaded.plans, files=loaded.files)
    assert report.render(plans) == report.render(plans)


@pytest.mark.skipif(not (shutil.which("chromium") or shutil.which("chromium-browser")),
                    reason="no chromium to render in (apt-get install chromium)")
def test_report_renders_in_a_headless_browser(tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    assert run("report", *(str(SAMPLES / f"{c}.yaml") for c in CITIES), "-o", str(out)).exit_code == 0
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    dom = subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                          "--dump-dom", out.as_uri()], capture_output=True, text=True, timeout=120, check=False).stdout
    assert "每万人口高价值发明专利拥有量" in dom and "<svg" in dom and "≥8.5件" in dom
