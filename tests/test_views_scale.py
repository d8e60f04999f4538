"""Views at the scale of a folder of plans (issue 22): one plan per document, readable
magnitudes, responsible units, export columns and formats, the SQLite database and its
README queries, the report's parts and bounds, the batch summary's notices, and the
report in a headless browser."""

from __future__ import annotations

import json
import os
import re
import shutil
import sqlite3
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from ipplan.cli import main
from ipplan.parse.vocab.places import REGION_LEVELS, region_level
from ipplan.schema import Plan, Target
from ipplan.views import database, report, rows
from ipplan.views.load import load, load_plans
from tests.conftest import SAMPLES

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT.parent / "shared" / "corpus" / "dev"
DENSITY = "patent.high_value_inventions_per_10k_people"
BROWSER = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--hide-scrollbars"]


def run(*args: str, **kw):
    return CliRunner().invoke(main, list(args), **kw)


@pytest.fixture(scope="module")
def plans() -> list[Plan]:
    return load_plans([SAMPLES])


def _target(value: float, unit: str | None, op: str = "=", kind: str = "by_year", value_max: float | None = None):
    return Target(section=None, indicator="x", value=value, value_max=value_max, unit=unit, op=op, kind=kind, text="x")


# --- one plan per document ------------------------------------------------------------

@pytest.fixture
def two_runs(tmp_path: Path) -> Path:
    """A YAML batch run, then a JSON run, of two samples into one folder."""
    docs = tmp_path / "docs"
    docs.mkdir()
    for name in ("linyi-2023.txt", "huzhou-2022.txt"):
        shutil.copy(SAMPLES / name, docs / name)
    out = tmp_path / "plans"
    assert run("batch", str(docs), "-o", str(out), "-j", "1").exit_code == 0
    assert run("batch", str(docs), "-o", str(out), "-j", "1", "--format", "json").exit_code == 0
    assert sorted(p.name for p in out.iterdir() if not p.name.startswith("_")) == [
        "huzhou-2022.json", "huzhou-2022.yaml", "linyi-2023.json", "linyi-2023.yaml"]
    return out


def test_a_folder_with_yaml_and_json_of_the_same_documents_gives_each_plan_once(two_runs: Path, tmp_path: Path) -> None:
    loaded = load([two_runs])
    assert sorted(p.meta.region for p in loaded.plans) == ["临沂市", "湖州市"]
    assert [Path(f).suffix for f in loaded.files] == [".json", ".json"]  # the later run
    assert len(loaded.duplicates) == 2 and "2 documents had more than one plan file" in loaded.note()
    out = tmp_path / "t.csv"
    result = run("export", str(two_runs), "-o", str(out))
    assert result.exit_code == 0
    assert "ipplan: 2 documents had more than one plan file in a folder; each is read once, from its newest file" \
        in result.stderr
    # linyi-2023.txt has 12 targets and huzhou-2022.txt 27 (the samples' expected plans), not twice as many
    assert len(out.read_text("utf-8-sig").splitlines()) == 1 + 12 + 27


def test_the_newest_file_of_a_document_is_read(two_runs: Path) -> None:
    yaml_file, json_file = two_runs / "linyi-2023.yaml", two_runs / "linyi-2023.json"
    text = yaml_file.read_text("utf-8")
    yaml_file.write_text(text.replace("region: 临沂市", "region: 临沂市(校对)", 1), "utf-8")  # a curator's edit
    later = json_file.stat().st_mtime + 10
    os.utime(yaml_file, (later, later))
    regions = sorted(p.meta.region for p in load_plans([two_runs]))
    assert regions == ["临沂市(校对)", "湖州市"]
    os.utime(json_file, (later + 10, later + 10))
    assert sorted(p.meta.region for p in load_plans([two_runs])) == ["临沂市", "湖州市"]


def test_a_plans_jsonl_beside_per_file_plans_is_not_read_twice(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    shutil.copy(SAMPLES / "linyi-2023.txt", docs / "linyi-2023.txt")
    out = tmp_path / "plans"
    assert run("batch", str(docs), "-o", str(out), "-j", "1").exit_code == 0
    assert run("batch", str(docs), "-o", str(out), "-j", "1", "--format", "jsonl").exit_code == 0
    loaded = load([out])
    assert len(loaded.plans) == 1 and loaded.duplicates[0].kept.endswith("plans.jsonl:1")


def test_files_named_on_the_command_line_are_all_read(two_runs: Path) -> None:
    named = load_plans([two_runs / "linyi-2023.yaml", two_runs / "linyi-2023.json"])
    assert len(named) == 2  # the user asked for both


def test_different_documents_in_one_folder_are_all_kept(tmp_path: Path) -> None:
    for name in ("a.yaml", "b.yaml"):  # the same plan content under two names, no SHA-256: two plans
        data = (SAMPLES / "linyi-2023.yaml").read_text("utf-8").replace("  sha256: ", "  sha256: null\n  x: ", 1)
        (tmp_path / name).write_text(re.sub(r"\n  x: .*", "", data), "utf-8")
    loaded = load([tmp_path])
    assert len(loaded.plans) == 2 and not loaded.duplicates


# --- readable magnitudes --------------------------------------------------------------

@pytest.mark.parametrize(("target", "text"), [
    (_target(5_000_000_000, "元", ">=", "annual"), "≥50亿元/年"),  # huzhou: 全市知识产权年质押额50亿元以上
    (_target(20_000_000_000, "元", ">", "cumulative"), "累计>200亿元"),  # wenzhou: 质押融资登记额累计超200亿元
    (_target(18000, "件"), "1.8万件"),  # huzhou: 有效发明专利拥有量达到1.8万件
    (_target(120000, "件", ">="), "≥12万件"),
    (_target(8.5, "件", ">="), "≥8.5件"),
    (_target(9999, "家"), "9999家"),  # under 1万: the number as printed
    (_target(10, "%", ">=", "growth"), "增长≥10%"),
    (_target(150000, "%"), "150000%"),  # a ratio never takes 万
    (_target(1, "个", "range", value_max=2), "1–2个"),
    (_target(10000, "人次", "range", value_max=15000), "1万–1.5万人次"),
    (_target(0.5, None, "~"), "≈0.5"),
])
def test_values_read_as_a_reader_writes_them(target: Target, text: str) -> None:
    assert rows.describe_value(target) == text


def test_compare_and_show_write_magnitudes_and_kinds() -> None:
    result = run("compare", str(SAMPLES / "huzhou-2022.yaml"), str(SAMPLES / "wenzhou-2022.yaml"),
                 env={"COLUMNS": "200"})
    assert result.exit_code == 0
    pledge = next(ln for ln in result.stdout.splitlines() if "知识产权质押融资额" in ln)
    assert "≥50亿元/年" in pledge and "累计>200亿元" in pledge and "5,000,000,000" not in result.stdout
    shown = run("show", str(SAMPLES / "huzhou-2022.yaml"), env={"COLUMNS": "200"}).stdout
    assert "1.8万件" in shown and "≥12万件" in shown and "18000" not in shown


def test_exports_keep_base_units(plans) -> None:
    r = rows.build(plans, "targets")
    names = [c.name for c in r.columns]
    values = {(d["indicator"], d["value"], d["unit"]) for d in (dict(zip(names, row)) for row in r.rows)}
    assert ("有效发明专利拥有量", 18000, "件") in values and ("知识产权年质押额", 5_000_000_000, "元") in values


# --- show -----------------------------------------------------------------------------

def test_show_counts_in_the_singular_and_units_leads_first() -> None:
    text = run("show", str(SAMPLES / "linyi-2023.yaml"), env={"COLUMNS": "200"}).stdout
    # linyi-2023.txt: 二、 holds one target (知识产权保护社会满意度); "1 target", never "1 targets"
    assert re.search(r"二、 严格规范知识产权保护体系\s+2\s+· 1 target\b", text) and "1 targets" not in text
    assert "1 units" not in text and "Responsible units (25 clauses)" in text
    wenzhou = run("show", str(SAMPLES / "wenzhou-2022.yaml"), env={"COLUMNS": "200"}).stdout
    # wenzhou table 1 row 50: "*市市场监管局、市发改委"; 39 rows mark *市市场监管局 as lead
    assert re.search(r"table:1/50 .*│ ★市市场监管局、市发改委", wenzhou)
    assert "lead units  市市场监管局 (39)" in wenzhou


def test_show_of_a_folder_shows_every_plan_and_says_so() -> None:
    result = run("show", str(SAMPLES), env={"COLUMNS": "160"})
    assert result.exit_code == 0
    for label in ("湖州市 2022-2025", "临沂市 2023-2025", "温州市 2022-2025", "郑州市 2023-2025"):
        assert label in result.stdout
    helptext = run("show", "--help").stdout
    assert "folder" in " ".join(helptext.split()) and "every plan in it, one per document" in " ".join(helptext.split())


def test_units_leads_first_within_a_clause_and_across_a_plan() -> None:
    from ipplan.schema import Unit

    units = [Unit(name="市科技局"), Unit(name="市市场监管局", lead=True), Unit(name="市财政局")]
    assert [u.name for u in rows.leads_first(units)] == ["市市场监管局", "市科技局", "市财政局"]
    (wenzhou,) = load_plans([SAMPLES / "wenzhou-2022.yaml"])
    uses = rows.unit_uses(wenzhou)
    assert (uses[0].name, uses[0].leads) == ("市市场监管局", 39)
    assert all(u.leads == 0 for u in uses[sum(u.leads > 0 for u in uses):])


# --- export formats -------------------------------------------------------------------

@pytest.mark.parametrize("name", ["x.json", "x.txt", "targets"])
def test_an_unknown_output_suffix_is_refused_with_the_formats(tmp_path: Path, name: str) -> None:
    out = tmp_path / name
    result = run("export", str(SAMPLES / "linyi-2023.yaml"), "-o", str(out))
    assert result.exit_code == 2 and not out.exists() and result.stdout == ""
    assert result.stderr.count("\n") == 1 and ".csv, .xlsx, .parquet, .sqlite" in result.stderr
    assert str(out) in result.stderr
    forced = run("export", str(SAMPLES / "linyi-2023.yaml"), "--format", "csv", "-o", str(out))
    assert forced.exit_code == 0 and out.read_bytes().startswith(b"\xef\xbb\xbfplan,")


def test_compare_refuses_an_unknown_suffix_too(tmp_path: Path) -> None:
    result = run("compare", str(SAMPLES / "linyi-2023.yaml"), "-o", str(tmp_path / "m.sqlite"))
    assert result.exit_code == 2 and "give -o a file ending in .csv, .xlsx, .parquet (or --format" in result.stderr


def test_indicators_unknown_writes_csv(tmp_path: Path) -> None:
    out = tmp_path / "unknown.csv"
    result = run("indicators", "--unknown", str(SAMPLES / "wenzhou-2022.yaml"), "-o", str(out))
    assert result.exit_code == 0 and result.stdout == ""
    import csv
    import io

    table = list(csv.DictReader(io.StringIO(out.read_text("utf-8-sig"))))
    # wenzhou: 12 targets without a canonical id in 10 wordings (知识产权人才 is a table row of three years)
    assert len(table) == 10 and sum(int(r["targets"]) for r in table) == 12
    assert all(r["indicator_id"] == "" for r in table)
    base = next(r for r in table if r["indicator"] == "省知识产权信息公共服务网点")
    assert base["plans"] == "1" and base["plan_labels"] == "温州市 2022-2025" and base["example"]
    assert run("indicators", "-o", str(out)).exit_code == 2  # -o needs PATH


def test_every_export_row_carries_the_plans_document_fields(plans) -> None:
    for what in rows.KINDS:
        r = rows.build(plans, what)
        names = [c.name for c in r.columns]
        for row in r.rows:
            d = dict(zip(names, row))
            plan = next(p for p in plans if p.source.path == d["source"])
            assert (d["doc_number"], d["issuer"], d["issue_date"], d["region"]) == (
                plan.meta.doc_number, plan.meta.issuer, plan.meta.issue_date, plan.meta.region)
            assert d["period_start"] == (plan.meta.period.start if plan.meta.period else None)


# --- region levels --------------------------------------------------------------------

def test_region_level_table_examples_and_near_misses() -> None:
    for rule in REGION_LEVELS:
        for region in rule.examples:
            assert region_level(region) == rule.level, region
        for region in rule.near_misses:
            assert region_level(region) != rule.level, region
    assert region_level("全国") == "national" and region_level(None) is None and region_level("区") is None


# --- SQLite ---------------------------------------------------------------------------

#: The README's analyst queries, run as written there (tests/test_views_scale.py reads them).
README_QUERIES = re.compile(r"```sql\n(?P<sql>.*?)```", re.S)


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("db") / "plans.sqlite"
    result = CliRunner().invoke(main, ["export", str(SAMPLES), "-o", str(out)])
    assert result.exit_code == 0, result.output
    return out


def test_the_database_holds_every_table_keyed_by_plan_and_section(db: Path, plans) -> None:
    con = sqlite3.connect(db)
    tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")}
    assert {"plans", "sections", "targets", "milestones", "units", "tasks", "notices", "info", "plan_targets"} <= tables
    assert con.execute("SELECT count(*) FROM plans").fetchone()[0] == 5
    assert con.execute("SELECT count(*) FROM targets").fetchone()[0] == 162 == sum(len(p.targets) for p in plans)
    assert con.execute("SELECT count(*) FROM tasks").fetchone()[0] == 63
    linyi = con.execute("SELECT plan_id, label, region_level, doc_number, issuer, issue_date, period_start, "
                        "period_end FROM plans WHERE region = '临沂市'").fetchone()
    assert linyi[1:] == ("临沂市 2023-2025", "city", "临政办字〔2023〕81号", "临沂市人民政府办公室", "2023-09-13", 2023, 2025)
    # a target's section is a key of the sections table: linyi's three targets under 三、 (id 3)
    n = con.execute("SELECT count(*) FROM targets t JOIN sections s ON s.plan_id = t.plan_id "
                    "AND s.section_id = t.section_id WHERE t.plan_id = ? AND s.section_id = '3'", (linyi[0],))
    assert n.fetchone()[0] == 3
    # wenzhou table 1 row 50 "*市市场监管局、市发改委": its units, keyed by the row as targets are
    units = con.execute("SELECT name, lead FROM units u JOIN plans p USING (plan_id) WHERE p.region = '温州市' "
                        "AND u.section_id = 'table:1/50' ORDER BY unit_no").fetchall()
    assert units == [("市市场监管局", 1), ("市发改委", 0)]
    parents = con.execute("SELECT section_id, parent_id FROM sections WHERE plan_id = ? AND section_id LIKE '1.%' "
                          "ORDER BY seq LIMIT 2", (linyi[0],)).fetchall()
    assert parents == [("1.1", "1"), ("1.2", "1")]
    # linyi: "每万人口高价值发明专利拥有量10件(2023年底达3.85件,2024年底达6.22件)"
    ms = con.execute("SELECT m.year, m.value FROM milestones m JOIN targets t USING (plan_id, target_no) "
                     "WHERE t.plan_id = ? AND t.indicator_id = ?", (linyi[0], DENSITY)).fetchall()
    assert ms == [(2023, 3.85), (2024, 6.22)]


def test_the_readme_queries_answer_from_the_documents(db: Path) -> None:
    readme = (ROOT / "README.md").read_text("utf-8")
    queries = [m["sql"] for m in README_QUERIES.finditer(readme)]
    assert len(queries) == 3
    con = sqlite3.connect(db)
    density, leads, money = (con.execute(q).fetchall() for q in queries)
    # 湖州 "达到15件以上", 临沂 "10件", 温州 "不低于8.5件": the latest target of each, highest first
    assert [(r[0], r[1], r[2]) for r in density] == [("湖州市 2022-2025", ">=", 15), ("临沂市 2023-2025", "=", 10),
                                                      ("温州市 2022-2025", ">=", 8.5)]
    # wenzhou's 责任分解表 marks 市市场监管局 lead (*) in 39 rows
    assert leads[0][:3] == ("市市场监管局", 39, 1)
    # wenzhou "质押融资登记额累计超200亿元" is the largest sum of money; huzhou "年质押额50亿元以上" is per year
    assert money[0][:3] == ("温州市 2022-2025", "知识产权质押融资登记额", 200)
    assert ("湖州市 2022-2025", "知识产权年质押额", 50, "annual") in [r[:4] for r in money]


def test_the_database_is_byte_identical_and_written_atomically(plans, tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    assert database.to_bytes(plans) == database.to_bytes(plans)
    out = tmp_path / "plans.sqlite"
    out.write_bytes(b"old")

    def cut(src, dst):  # the rename that would put the new file in place fails (a full disk, a kill)
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", cut)
    result = run("export", str(SAMPLES), "-o", str(out))
    assert result.exit_code == 1 and result.stderr == f"ipplan: error: {out}: cannot write: No space left on device\n"
    assert out.read_bytes() == b"old" and sorted(p.name for p in tmp_path.iterdir()) == ["plans.sqlite"]
    monkeypatch.undo()
    assert run("export", str(SAMPLES), "-o", str(out)).exit_code == 0
    assert out.read_bytes() == database.to_bytes(load([SAMPLES]).plans, load([SAMPLES]).files)


def test_the_database_goes_to_a_file_only(tmp_path: Path) -> None:
    result = run("export", str(SAMPLES), "--format", "sqlite", "-o", "-")
    assert result.exit_code == 2 and "give -o FILE" in result.stderr


def test_duckdb_reads_the_database(db: Path) -> None:
    duckdb = pytest.importorskip("duckdb")
    con = duckdb.connect()
    try:
        con.execute(f"ATTACH '{db}' AS plans (TYPE sqlite)")
    except Exception as exc:  # the sqlite extension is downloaded on first use: no network, no test
        pytest.skip(f"DuckDB's sqlite extension is not available: {exc}")
    assert con.execute("SELECT count(*) FROM plans.targets").fetchone()[0] == 162


# --- the report -----------------------------------------------------------------------

def test_the_report_lists_the_plans_with_their_document_fields(plans) -> None:
    html = report.render(plans)
    table = html[html.index('<section id="plans"'):html.index('<section id="indicators"')]
    assert "<th>文号</th><th>issuer</th>" in table and "<th>level</th>" in table
    row = re.search(r"<tr><td class=\"num\">3</td>(.*?)</tr>", table)[1]
    cells = re.findall(r"<td[^>]*>(.*?)</td>", row)
    assert re.sub("<[^>]+>", "", cells[0]) == "临沂市 2023-2025"
    assert cells[1:7] == ["临沂市", "city", "2023–2025", "临政办字〔2023〕81号", "临沂市人民政府办公室", "2023-09-13"]


def test_the_report_ranks_each_indicators_plans_by_value(plans) -> None:
    html = report.render(plans)
    part = html[html.index(f'id="ind-{DENSITY}"'):]
    part = part[:part.index("</table>")]
    ranked = [(label, value.strip()) for label, value in
              re.findall(r'<a href="#plan-\d+">([^<]*)</a></td><td class="num" title="[^"]*">([^<]*)', part)]
    assert ranked == [("湖州市 2022-2025", "≥15件"), ("临沂市 2023-2025", "10件"), ("温州市 2022-2025", "≥8.5件")]
    widths = [float(w) for w in re.findall(r'style="width:([\d.]+)%"', part)]
    assert widths == [100.0, round(100 * 10 / 15, 1), round(100 * 8.5 / 15, 1)]


def test_the_report_says_who_is_responsible_per_plan(plans) -> None:
    html = report.render(plans)
    wenzhou = html[html.index('<details class="plan" id="plan-4">'):]
    wenzhou = wenzhou[:wenzhou.index("</details>")]
    assert "温州市 2022-2025" in wenzhou
    units = re.findall(r"<span>(<b>★)?([^<]+?)(?:</b>)? <span class=\"muted\">", wenzhou)
    assert units[0] == ("<b>★", "市市场监管局")  # lead in 39 rows of its 责任分解表
    assert all(not lead for lead, _ in units[sum(bool(x) for x, _ in units):])  # leads first


def _copies(plans: list[Plan], n: int) -> list[Plan]:
    """n plans: copies of ``plans``, each with its own source path (its own document)."""
    out = []
    for i in range(n):
        p = plans[i % len(plans)].model_copy(deep=True)
        p.source.path = f"c{i // len(plans):03d}/{p.source.path}"
        out.append(p)
    return out


def test_a_report_of_many_plans_stays_bounded(plans) -> None:
    many = _copies(plans, 250)
    html = report.render(many)
    svg = re.search(r"<svg width=\"(\d+)\"", html)
    assert svg and int(svg[1]) == 900  # the chart's width does not grow with the plans
    assert html.count("<svg") == 1
    # the matrix turns: plans as rows, at most MATRIX_INDICATOR_COLUMNS indicators as columns
    matrix = html[html.index('<section id="compare"'):html.index('<section id="unknown"')]
    head = matrix[matrix.index("<thead>"):matrix.index("</thead>")]
    assert head.startswith("<thead><tr><th>plan</th>") and head.count('class="col"') <= report.MATRIX_INDICATOR_COLUMNS
    assert matrix.count("<tr><th><a href=\"#plan-") == 200  # the 4 city plans of each 5 set shared indicators
    # each indicator's ranking lists at most RANK_ROWS plans and says how many more
    density = html[html.index(f'id="ind-{DENSITY}"'):]
    density = density[:density.index("</table>")]
    assert density.count('<td class="bar">') == report.RANK_ROWS and "… 100 plans more with lower values" in density
    # the source clauses are left out of each plan's details beyond CLAUSE_PLANS plans, and the page says so
    assert "source clauses are left out" in html and "<th>source clause</th>" not in html
    # colours: one per level, all distinct
    assert len(set(report.LEVEL_COLOURS.values())) == len(report.LEVEL_COLOURS)


def test_a_report_of_one_plan(plans) -> None:
    html = report.render(plans[2:3])
    assert "No canonical indicator is set by two plans or more." in html
    assert "Set by one plan only" in html and html.count('<details class="plan"') == 1


def test_the_year_chart_draws_a_wide_span_by_the_years_present() -> None:
    counts = {2001: {"city": 1}, 2050: {"province": 2}, 2025: {"city": 3, "national": 1}}
    svg = report.year_chart(counts, ["national", "province", "city"])
    years = re.findall(r'text-anchor="middle">(\d{4})</text>', svg)
    assert years == ["2001", "2025", "2050"]  # a 50-year span is not drawn year by year
    near = report.year_chart({2023: {"city": 1}, 2025: {"city": 2}}, ["city"])
    assert re.findall(r'text-anchor="middle">(\d{4})</text>', near) == ["2023", "2024", "2025"]


# --- batch summary --------------------------------------------------------------------

def test_batch_summary_counts_notices_by_kind_and_lists_possible_misses(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    shutil.copy(SAMPLES / "linyi-2023.txt", docs / "linyi-2023.txt")
    # a responsibility clause the units stage does not take: N402 (a possible miss)
    (docs / "miss.txt").write_text("一、主要目标\n完成专利导航项目15项。\n二、保障措施\n加强协调（市科技局、市财政局负有监管责任）。\n", "utf-8")
    out = tmp_path / "plans"
    result = run("batch", str(docs), "-o", str(out), "-j", "1")
    assert result.exit_code == 0
    plan = json.loads(json.dumps(__import__("yaml").safe_load((out / "miss.yaml").read_text("utf-8"))))
    codes = [n["code"] for n in plan["notices"]]
    assert "N402" in codes
    assert re.search(r"notices: \d+ notices?: .*possible missed units", result.stderr)
    misses = sum(c in ("N401", "N402") for c in codes)
    assert f"possible misses: 1 document to check first (ipplan review): miss.txt ({misses})" in result.stderr


def test_summary_rows_name_the_documents_with_the_most_misses_first() -> None:
    from ipplan.batch import Summary
    from ipplan.progress import MISSES_SHOWN, _summary_rows

    s = Summary(total=14, parsed=14, notices={"N401": 30, "N201": 2, "LR02": 1},
                misses=[(f"d{i:02d}.html", i) for i in range(1, 15)])
    got = dict(_summary_rows(s, Path("plans")))
    assert got["notices"] == "33 notices: 30 possible missed targets, 2 numbering gaps, 1 layout repair LR02"
    assert got["possible misses"].startswith(
        "14 documents to check first (ipplan review): d14.html (14), d13.html (13)")
    assert got["possible misses"].endswith(f"… {14 - MISSES_SHOWN} more")


@pytest.mark.skipif(not DEV.is_dir(), reason="../shared/corpus/dev is not here")
def test_batch_summary_on_the_dev_documents_matches_their_plans(tmp_path: Path) -> None:
    from ipplan.batch import run_batch

    summary = run_batch(DEV, tmp_path / "plans", jobs=2)
    found = []
    for f in sorted((tmp_path / "plans").glob("*.yaml")):
        codes = [n.code for n in load_plans([f])[0].notices]
        if n := sum(c in ("N401", "N402") for c in codes):
            found.append((f.stem, n))
    assert sorted((Path(rel).stem, n) for rel, n in summary.misses) == found
    assert sum(summary.notices.values()) == sum(len(p.notices) for p in load_plans([tmp_path / "plans"]))


# --- in a browser ---------------------------------------------------------------------

@pytest.mark.skipif(BROWSER is None, reason="no chromium to render in (apt-get install chromium)")
def test_a_report_of_many_plans_renders_in_chromium(plans, tmp_path: Path) -> None:
    page = tmp_path / "report.html"
    page.write_text(report.render(_copies(plans, 120)), "utf-8")
    profile = tmp_path / "profile"
    shot = tmp_path / "shot.png"
    proc = subprocess.run([BROWSER, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", "--window-size=1280,2000",
                           f"--screenshot={shot}", page.as_uri()], capture_output=True, timeout=180, check=False)
    assert proc.returncode == 0 and shot.stat().st_size > 10_000
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    dom = subprocess.run([BROWSER, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", "--dump-dom", page.as_uri()],
                         capture_output=True, text=True, timeout=180, check=False).stdout
    assert "Plans (120)" in dom and "每万人口高价值发明专利拥有量" in dom and "≥50亿元/年" in dom
    assert dom.count('<details class="plan"') == 120


def test_compare_in_a_narrow_terminal_lists_each_indicators_plans_by_value() -> None:
    result = run("compare", str(SAMPLES), env={"COLUMNS": "100"})  # 5 plans × 16 + 24 > 100: no room for columns
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert "each indicator's plans by value" in lines[0]
    start = next(i for i, ln in enumerate(lines) if "每万人口高价值发明专利拥有量 (3 plans)" in ln)
    block = lines[start:start + 3]
    assert [re.search(r"(\S+ 20\d\d-20\d\d)", ln)[1] for ln in block] == [
        "湖州市 2022-2025", "临沂市 2023-2025", "温州市 2022-2025"]
    assert "≥15件 (2025)" in block[0] and "≥8.5件 (2025) +3" in block[2]
    wide = run("compare", str(SAMPLES), env={"COLUMNS": "200"})
    assert "Canonical indicators × plans" in wide.stdout
