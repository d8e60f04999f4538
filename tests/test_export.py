"""ipplan export: rows across plans, and the CSV / XLSX / Parquet files' contents."""

from __future__ import annotations

import csv
import io
import shutil
import sys
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from ipplan.cli import main
from ipplan.views import export, rows
from ipplan.views.load import load_plans
from tests.conftest import SAMPLES
from tests.helpers import flat_sections


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


@pytest.fixture(scope="module")
def plans():
    return load_plans([SAMPLES])


@pytest.fixture(scope="module")
def expected() -> list[dict]:
    """The hand-checked expected plans, in the order a folder is read (sorted)."""
    return [yaml.safe_load(p.read_text("utf-8")) for p in sorted(SAMPLES.glob("*.yaml"))]


def _dicts(r: rows.Rows) -> list[dict]:
    names = [c.name for c in r.columns]
    return [dict(zip(names, row)) for row in r.rows]


# --- rows -----------------------------------------------------------------------------

def test_every_kind_starts_with_the_plan_columns() -> None:
    for what in rows.KINDS:
        names = [c.name for c in rows.COLUMNS[what]]
        assert names[:10] == ["plan", "region", "region_level", "title", "doc_number", "issuer", "issue_date", "period_start",
                              "period_end", "source"]
        assert len(names) == len(set(names))


def test_one_row_per_item_in_plan_then_document_order(plans, expected) -> None:
    targets = _dicts(rows.build(plans, "targets"))
    assert [(r["source"], r["indicator"]) for r in targets] == [
        (e["source"]["path"], t["indicator"]) for e in expected for t in e["targets"]]
    sections = _dicts(rows.build(plans, "sections"))
    assert [r["section_id"] for r in sections] == [s["id"] for e in expected for s in flat_sections(e["sections"])]
    tasks = _dicts(rows.build(plans, "tasks"))
    assert len(tasks) == sum(len(t["tasks"]) for e in expected for t in e["tables"]) == 63


def test_a_target_row_as_read_from_huzhou(plans) -> None:
    # huzhou-2022.txt line 14: "2.打造知识产权高质量发展推动区域创新引领者。… 到2025年,全市每万人高价值发明专利拥有量达到15件以上"
    row = next(r for r in _dicts(rows.build(plans, "targets")) if r["indicator"] == "每万人高价值发明专利拥有量"
               and r["region"] == "湖州市")
    # huzhou-2022.txt lines 3-4: "湖州市人民政府办公室", "2022年9月30日"; it prints no 文号
    assert row == {
        "plan": "湖州市 2022-2025", "region": "湖州市", "region_level": "city",
        "title": "湖州市推进国家知识产权强市建设试点城市工作方案(2022—2025年)", "doc_number": None,
        "issuer": "湖州市人民政府办公室", "issue_date": "2022-09-30", "period_start": 2022, "period_end": 2025,
        "source": "samples/huzhou-2022.txt", "section_id": "2.2.2",
        "section_title": "打造知识产权高质量发展推动区域创新引领者", "indicator": "每万人高价值发明专利拥有量",
        "indicator_id": "patent.high_value_inventions_per_10k_people", "indicator_name": "每万人口高价值发明专利拥有量",
        "value": 15, "value_max": None, "unit": "件", "op": ">=", "year": 2025, "kind": "by_year", "milestones": None,
        "text": "全市每万人高价值发明专利拥有量达到15件以上",
    }


def test_table_targets_carry_the_table_title_and_milestones_are_listed(plans) -> None:
    targets = _dicts(rows.build(plans, "targets"))
    # wenzhou-2022.txt line 108/113: the 阶段性目标任务 table, row 4 "每万人高价值发明专利拥有量 (件) | 6.5 | 7.5 | 8.5"
    cells = [(r["year"], r["value"], r["section_title"]) for r in targets if r["section_id"] == "table:2/4"]
    assert cells == [(y, v, "国家知识产权强市建设示范市阶段性目标任务") for y, v in [(2022, 6.5), (2023, 7.5), (2024, 8.5)]]
    # linyi-2023.txt: "每万人口高价值发明专利拥有量10件(2023年底达3.85件,2024年底达6.22件)", in the preamble
    linyi = next(r for r in targets if r["region"] == "临沂市")
    assert (linyi["milestones"], linyi["section_id"], linyi["section_title"]) == ("2023: 3.85; 2024: 6.22", None, None)


def test_unit_rows_come_from_sections_and_table_tasks(plans) -> None:
    units = _dicts(rows.build(plans, "units"))
    # huzhou 3.1.1: (责任单位:市市场监管局〔市知识产权局〕、…)
    first = units[0]
    assert (first["section_id"], first["unit"], first["aliases"], first["lead"]) == \
        ("3.1.1", "市市场监管局", "市知识产权局", False)
    # wenzhou table 1 row 50: "*市市场监管局、市发改委" (the * marks the lead)
    row50 = [(r["unit"], r["lead"]) for r in units if r["section_id"] == "table:1/50"]
    assert row50 == [("市市场监管局", True), ("市发改委", False)]


def test_plan_labels_are_unique(plans) -> None:
    assert rows.plan_labels(plans) == ["湖州市 2022-2025", "全国", "临沂市 2023-2025",
                                       "温州市 2022-2025", "郑州市 2023-2025"]
    twice = load_plans([SAMPLES / "linyi-2023.yaml", SAMPLES / "huzhou-2022.yaml", SAMPLES / "linyi-2023.txt"])
    # the plan file names its source samples/linyi-2023.txt, the parsed document its full path
    assert rows.plan_labels(twice) == ["临沂市 2023-2025 (samples/linyi-2023.txt)", "湖州市 2022-2025",
                                       f"临沂市 2023-2025 ({SAMPLES / 'linyi-2023.txt'})"]
    same = load_plans([SAMPLES / "linyi-2023.yaml", SAMPLES / "huzhou-2022.yaml", SAMPLES / "linyi-2023.yaml"])
    assert rows.plan_labels(same) == ["临沂市 2023-2025 #1", "湖州市 2022-2025", "临沂市 2023-2025 #3"]


# --- CSV ------------------------------------------------------------------------------

def test_csv_is_utf8_with_bom_and_reads_back(plans) -> None:
    r = rows.build(plans, "targets")
    data = export.csv_bytes(r)
    assert data.startswith(b"\xef\xbb\xbf")
    back = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert back[0] == [c.name for c in r.columns]
    assert len(back) == 1 + len(r.rows) == 163
    linyi = next(row for row in back if row[1] == "临沂市")
    # the clause holds ASCII commas and brackets: quoted, and read back whole
    assert linyi[-1] == "每万人口高价值发明专利拥有量10件(2023年底达3.85件,2024年底达6.22件)"
    assert linyi[back[0].index("value_max")] == "" and linyi[back[0].index("value")] == "10"
    assert b"\r\n" in data and b"\n\n" not in data


def test_csv_to_stdout_has_no_bom() -> None:
    result = run("export", str(SAMPLES / "linyi-2023.yaml"), "-o", "-")
    assert result.exit_code == 0
    assert result.stdout_bytes.startswith(b"plan,region,region_level,title,doc_number,issuer,issue_date,")
    assert "临沂市" in result.stdout


# --- XLSX -----------------------------------------------------------------------------

def test_xlsx_header_widths_and_numbers(plans, tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")  # in the [test] extra; skip only outside it
    out = tmp_path / "targets.xlsx"
    result = run("export", str(SAMPLES), "--what", "targets", "--format", "xlsx", "-o", str(out))
    assert result.exit_code == 0, result.output
    ws = openpyxl.load_workbook(out).active
    assert ws.title == "targets" and ws.freeze_panes == "A2"
    header = [c.value for c in ws[1]]
    assert header == [c.name for c in rows.COLUMNS["targets"]]
    assert all(c.font.bold for c in ws[1])
    assert ws.max_row == 163
    col = {name: i + 1 for i, name in enumerate(header)}
    huzhou = [c.value for c in ws[2]]
    assert huzhou[col["indicator"] - 1] == "知识产权强国建设试点示范园区"
    assert (huzhou[col["value"] - 1], huzhou[col["value_max"] - 1], huzhou[col["year"] - 1]) == (1, 2, 2025)
    assert isinstance(ws.cell(2, col["value"]).value, int)
    letter = openpyxl.utils.get_column_letter
    width = lambda name: ws.column_dimensions[letter(col[name])].width
    # CJK counts double: the plan label "湖州市 2022-2025" is 6 + 10 cells (+2 padding)
    assert width("plan") == max(export.display_width(label) for label in rows.plan_labels(plans)) + 2
    assert width("op") == len("range") + 2 and width("text") == export.MAX_WIDTH


def test_display_width() -> None:
    assert export.display_width("专利") == 4 and export.display_width("PCT") == 3
    assert export.display_width("ＰＣＴ（件）") == 12


def test_xlsx_keeps_formulas_out(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    r = rows.Rows((rows.Column("text", "str"),), [("=HYPERLINK(\"x\")",), ("a\x01b",)])
    path = tmp_path / "f.xlsx"
    path.write_bytes(export.xlsx_bytes(r, sheet="t"))
    ws = openpyxl.load_workbook(path).active
    assert ws["A2"].data_type == "s" and ws["A2"].value == "=HYPERLINK(\"x\")"
    assert ws["A3"].value == "ab"


# --- Parquet --------------------------------------------------------------------------

def test_parquet_types_and_nulls(plans, tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    out = tmp_path / "units.parquet"
    assert run("export", str(SAMPLES), "-w", "units", "-o", str(out)).exit_code == 0  # format from the suffix
    table = pq.read_table(out)
    types = {f.name: str(f.type) for f in table.schema}
    assert types["lead"] == "bool" and types["period_start"] == "int64" and types["unit"] == "string"
    assert table.num_rows == len(rows.build(plans, "units").rows)
    targets = pq.read_table(io.BytesIO(export.parquet_bytes(rows.build(plans, "targets"))))
    assert str(targets.schema.field("value").type) == "double"
    tw = [r for r in targets.to_pylist() if r["source"].endswith("-tw.txt")]
    assert len(tw) == 9 and all(r["region"] == "全国" and r["period_start"] is None for r in tw)


# --- all formats ----------------------------------------------------------------------

@pytest.mark.parametrize("fmt", export.FORMATS)
def test_output_is_byte_identical(plans, fmt: str) -> None:
    r = rows.build(plans, "targets")
    assert export.to_bytes(r, fmt) == export.to_bytes(r, fmt)


@pytest.mark.parametrize(("fmt", "module", "extra"), [("xlsx", "openpyxl", "xlsx"), ("parquet", "pyarrow", "parquet")])
def test_a_missing_extra_is_a_one_line_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str, module: str,
                                              extra: str) -> None:
    monkeypatch.setitem(sys.modules, module, None)  # import fails
    monkeypatch.setitem(sys.modules, f"{module}.parquet", None)
    out = tmp_path / f"t.{fmt}"
    result = CliRunner().invoke(main, ["export", str(SAMPLES / "linyi-2023.yaml"), "-o", str(out)])
    assert result.exit_code == 1 and not out.exists()
    assert result.stderr == f"ipplan: error: writing {extra} needs {module}: pip install 'ipplan[{extra}]'\n"


def test_binary_formats_need_a_file() -> None:
    result = CliRunner().invoke(main, ["export", str(SAMPLES / "linyi-2023.yaml"), "--format", "xlsx", "-o", "-"])
    assert result.exit_code == 1 and "xlsx cannot be written to stdout" in result.stderr


def test_export_reports_unknown_indicators(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["export", str(SAMPLES), "-o", str(tmp_path / "t.csv")])
    assert result.exit_code == 0
    assert result.stderr == ("ipplan: 42 of 162 targets have no canonical indicator "
                             f"(list them: ipplan indicators --unknown {SAMPLES})\n")


def test_folder_of_notices_to_spreadsheet(tmp_path: Path) -> None:
    """The README's workflow: ipplan batch notices -o plans && ipplan export plans … -o targets.xlsx."""
    openpyxl = pytest.importorskip("openpyxl")
    notices = tmp_path / "notices"
    notices.mkdir()
    for p in SAMPLES.glob("*.txt"):
        shutil.copy(p, notices / p.name)
    assert run("batch", str(notices), "-o", str(tmp_path / "plans"), "-j", "1").exit_code == 0
    out = tmp_path / "targets.xlsx"
    assert run("export", str(tmp_path / "plans"), "--what", "targets", "--format", "xlsx", "-o", str(out)).exit_code == 0
    ws = openpyxl.load_workbook(out).active
    assert ws.max_row == 1 + 162
    regions = {c.value for c in ws["B"][1:]}
    assert {c.value for c in ws["E"][1:]} == {None, "临政办字〔2023〕81号", "温政办〔2022〕73号"}  # doc_number
    assert regions == {"湖州市", "临沂市", "温州市", "郑州市", "全国"}


def test_outputs_get_the_usual_file_mode(tmp_path: Path) -> None:
    import os

    mask = os.umask(0o022)
    try:
        out = tmp_path / "t.csv"
        assert run("export", str(SAMPLES / "linyi-2023.yaml"), "-o", str(out)).exit_code == 0
    finally:
        os.umask(mask)
    assert out.stat().st_mode & 0o777 == 0o644  # not mkstemp's 0600: the file is meant to be shared


def test_csv_cells_that_would_be_formulas_are_neutralised() -> None:
    from ipplan.views.export import csv_bytes
    from ipplan.views.rows import Column, Rows

    rows = Rows([Column("indicator", "str"), Column("value", "float")],
                [["=HYPERLINK(\"http://x\",\"点击\")", -5.0], ["@SUM(A1)", 1.0], ["专利", 2.0]])
    text = csv_bytes(rows, bom=False).decode()
    assert "'=HYPERLINK" in text and "'@SUM" in text and ",-5" in text and "专利" in text


@pytest.mark.parametrize("separator", [";", "\t"])
def test_no_formula_after_the_separator_of_another_locale(tmp_path: Path, separator: str) -> None:
    """Issue 24: `a;=cmd|' /C calc'!A0` was written as it is: a spreadsheet whose list
    separator is ";" (most of Europe) splits the line there, ignores the quote that is not
    at the start of its cell, and reads "=cmd|…" as a formula."""
    from ipplan import api

    plan = api.parse_file(SAMPLES / "linyi-2023.txt")
    plan.targets[0].indicator = f"a{separator}=cmd|' /C calc'!A0"
    plan.targets[1].indicator = f"b{separator}+1+cmd|x"
    plan_file = tmp_path / "hostile.json"
    plan_file.write_text(plan.model_dump_json(), "utf-8")
    out = tmp_path / "t.csv"
    assert run("export", str(plan_file), "-o", str(out)).exit_code == 0
    text = out.read_text("utf-8-sig")
    for dialect_separator in (",", separator):  # read as this locale, and as the other
        for row in csv.reader(io.StringIO(text, newline=""), delimiter=dialect_separator):
            assert not any(cell.startswith(("=", "+", "@")) and "cmd" in cell for cell in row), row
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    assert f"a{separator}'=cmd|' /C calc'!A0" in [r["indicator"] for r in rows]  # kept, with a ' (OWASP's advice)
