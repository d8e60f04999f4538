"""Plan files as data: ipplan's writer and reader agree on what a plain YAML scalar is
(one rule, ipplan/planfile.py), values are finite, and .jsonl files validate line by line."""

from __future__ import annotations

import json
import math
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

import ipplan
from ipplan import emit, planfile
from ipplan.schema import Plan
from ipplan.validate import check
from ipplan.validate.load import load_text
from tests.conftest import SAMPLES

#: Plain scalars YAML 1.1 reads as strings but YAML 1.2 core as numbers (issue 12, B1), and more.
NUMBERISH = ["08", "09", "1e5", "0o17", "+.5", "1E5", "1e+5", "-1e-3", "0o0", "0x", "0xG", "0b101", "1_000", "+1",
             "-0", "00", "007", "1.", ".5", "-.5", "+.inf", ".NaN", ".nAn", "1:30", "2022-06-15", "0.", "5e", "e5",
             "+", "-", ".", "..", "~", "Null", "nULL", "TRUE", "tRUE", "yes", "No", "on", "OFF", "y", "n", "<<", "="]


def _reads_back(value: str) -> None:
    data = {"k": value, "l": [value, {"m": value}]}
    text = emit.to_yaml(data)
    assert load_text(text).data == data, text  # ipplan's own reader (YAML 1.2 core)
    assert yaml.safe_load(text) == data, text  # and PyYAML (YAML 1.1)


@pytest.mark.parametrize("value", NUMBERISH)
def test_numberish_strings_read_back_as_strings(value: str) -> None:
    _reads_back(value)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="0123456789+-._eEoOxXbB:~nNtTfFyYlsaiu <=", max_size=8) | st.sampled_from(NUMBERISH))
def test_tricky_scalars_round_trip_through_ipplans_loader(value: str) -> None:
    _reads_back(value)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=12))
def test_reads_as_string_agrees_with_the_reader(value: str) -> None:
    """The writer's test and the reader's resolution are the same rule: whatever the rule
    calls a string, the reader keeps as that string."""
    if planfile.reads_as_string(value):
        assert planfile.resolve(value) == value


# A target table whose 序号 cells are what the YAML 1.1 writer left unquoted.
B1_TABLE = """一、总体目标
（一）主要目标。到2025年，全市发明专利拥有量达到1.5万件。
附件
阶段性目标
序号 | 主要指标 | 2023年 | 2024年 |
08 | 发明专利年申请量 (件) | 16000 | 18000 |
09 | 质押融资登记额 (亿元) | 100 | 150 |
1e5 | 商标注册量 (件) | 3 | 4 |
0o17 | 专利导航基地 (家) | 5 | 6 |
+.5 | 维权援助站 (个) | 7 | 8 |
"""


def test_b1_table_row_numbers_survive_yaml_and_validate(tmp_path: Path) -> None:
    plan = ipplan.parse_text(B1_TABLE)
    table = plan.tables[0]
    assert [r[0] for r in table.rows] == ["08", "09", "1e5", "0o17", "+.5"]
    assert {t.section for t in plan.targets} >= {"table:1/08", "table:1/+.5"}
    path = tmp_path / "b1.yaml"
    path.write_text(emit.to_yaml(plan), "utf-8")
    assert check.check_file(str(path)).findings == []
    assert Plan.model_validate(load_text(path.read_text("utf-8")).data) == plan
    proc = subprocess.run([sys.executable, "-m", "ipplan", "show", str(path)], capture_output=True, text=True,
                          encoding="utf-8", check=False)
    assert proc.returncode == 0 and "Traceback" not in proc.stderr, proc.stderr


# --- finite values (B2, R17) ---------------------------------------------------------------


def test_an_absurd_quantity_is_not_a_target() -> None:
    text = ("一、目标\n到2025年，全市发明专利拥有量达到" + "9" * 400 + "件，培育示范企业10家(2023年底达"
            + "5" * 400 + "家，2024年底达6家)，新增企业" + "1" * 17 + "家。\n")
    plan = ipplan.parse_text(text)
    assert [(t.indicator, t.value, [(m.year, m.value) for m in t.milestones]) for t in plan.targets] == [
        ("示范企业", 10, [(2024, 6)])]
    assert load_text(emit.to_yaml(plan)).data["targets"][0]["value"] == 10
    assert json.loads(emit.to_json(plan))["targets"][0]["value"] == 10


def test_table_cell_of_400_digits_is_not_a_target() -> None:
    plan = ipplan.parse_text(B1_TABLE.replace("| 16000 |", "| " + "9" * 400 + " |"))
    assert all(math.isfinite(t.value) and t.value < 1e16 for t in plan.targets)
    assert not any(t.section == "table:1/08" and t.year == 2023 for t in plan.targets)


@pytest.mark.parametrize("value", [float("nan"), float("inf"), float("-inf")])
def test_schema_refuses_non_finite_values(value: float) -> None:
    target = {"section": None, "indicator": "x", "value": 1, "text": "x"}
    for bad in ({**target, "value": value}, {**target, "op": "range", "value_max": value},
                {**target, "milestones": [{"year": 2023, "value": value}]}):
        with pytest.raises(ValidationError, match="finite"):
            Plan.model_validate({"targets": [bad]})


@pytest.mark.parametrize("literal", [".nan", ".NaN", ".inf", "-.inf", "+.INF", "1e400"])
def test_yaml_nan_and_inf_values_are_refused_like_json_nan(tmp_path: Path, literal: str) -> None:
    text = (SAMPLES / "linyi-2023.yaml").read_text("utf-8")
    first = text.index("  value: ", text.index("targets:"))
    end = text.index("\n", first)
    path = tmp_path / "p.yaml"
    path.write_text(text[:first] + f"  value: {literal}" + text[end:], "utf-8")
    (f,) = check.check_file(str(path)).findings
    assert (f.code, f.path, f.line) == ("P001", "targets[0].value", text[:first].count("\n") + 1)
    assert "finite number" in f.message
    json_path = tmp_path / "p.json"
    json_path.write_text('{"schema_version": "1", "targets": [{"section": null, "indicator": "x", '
                         '"value": NaN, "text": "x"}]}', "utf-8")
    assert [f.code for f in check.check_file(str(json_path)).findings] == ["P002"]


def test_json_1e400_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "p.json"
    path.write_text('{"schema_version": "1", "targets": [{"section": null, "indicator": "x", '
                    '"value": 1e400, "text": "x"}]}', "utf-8")
    (f,) = check.check_file(str(path)).findings
    assert (f.code, f.path) == ("P001", "targets[0].value") and "finite" in f.message


# --- .jsonl (C5) ---------------------------------------------------------------------------


def _jsonl(tmp_path: Path) -> tuple[Path, list[str]]:
    plans = [json.loads(emit.to_json(ipplan.parse_file(p))) for p in sorted(SAMPLES.glob("*.txt"))[:3]]
    lines = [json.dumps(p, ensure_ascii=False) for p in plans]
    path = tmp_path / "plans.jsonl"
    path.write_text("\n".join(lines) + "\n", "utf-8")
    return path, lines


def test_validate_reads_jsonl_written_by_batch(tmp_path: Path) -> None:
    from ipplan.batch import run_batch

    src = tmp_path / "in"
    src.mkdir()
    for p in sorted(SAMPLES.glob("*.txt"))[:2]:
        (src / p.name).write_bytes(p.read_bytes())
    run_batch(src, tmp_path / "out", fmt="jsonl", jobs=1)
    out = tmp_path / "out" / "plans.jsonl"
    proc = subprocess.run([sys.executable, "-m", "ipplan", "validate", str(out)], capture_output=True, text=True,
                          encoding="utf-8", check=False)
    assert proc.returncode == 0 and proc.stdout == "1 file valid\n", proc.stdout + proc.stderr
    assert check.discover([str(tmp_path / "out")]) == [str(out)]  # folders and globs find .jsonl too


def test_jsonl_findings_are_at_their_line(tmp_path: Path) -> None:
    path, lines = _jsonl(tmp_path)
    bad = json.loads(lines[1])
    bad["targets"][0]["value"] = "15件"
    lines[1] = json.dumps(bad, ensure_ascii=False)
    lines.insert(1, "")  # blank lines are skipped but counted
    lines.append(lines[0][:40])  # a truncated line: one finding, the others still checked
    path.write_text("\n".join(lines) + "\n", "utf-8")
    findings = check.check_file(str(path)).findings
    assert [(f.code, f.line, f.path) for f in findings] == [("P001", 3, "targets[0].value"), ("P002", 5, "")]
    assert findings[0].col == lines[2].index('"15件"') + 1
    empty = tmp_path / "empty.jsonl"
    empty.write_text("\n\n", "utf-8")
    assert [f.code for f in check.check_file(str(empty)).findings] == ["P006"]


def test_views_read_jsonl_through_the_strict_loader(tmp_path: Path) -> None:
    from ipplan.errors import IpplanError
    from ipplan.views.load import load_plans

    path, lines = _jsonl(tmp_path)
    assert len(load_plans([path])) == 3
    for bad, words in [('{"schema_version": "1", "warnings": [' + "9" * 5000 + "]}", "P009"),
                       ('{"schema_version": "1", "warnings": ["\\ud800"]}', "lone surrogate"),
                       ('{"schema_version": "1", "schema_version": "1"}', "P004")]:
        path.write_text(lines[0] + "\n" + bad + "\n", "utf-8")
        with pytest.raises(IpplanError, match=words) as exc:
            load_plans([path])
        assert "line 2" in str(exc.value)


# --- what findings echo --------------------------------------------------------------------


def test_lone_surrogate_is_refused_by_the_pure_python_parser_too(monkeypatch: pytest.MonkeyPatch) -> None:
    """libyaml refuses "\\ud800"; PyYAML's own parser (used without libyaml) keeps it."""
    from ipplan.validate.load import PlanFileError

    monkeypatch.delattr(yaml, "CSafeLoader", raising=False)
    for text in ('x: "\\ud800"\n', '"\\udc00": 1\n'):
        with pytest.raises(PlanFileError, match="P002 YAML: \\\\ud8|P002 YAML: \\\\udc"):
            load_text(text)


def test_echoed_strings_are_escaped() -> None:
    from ipplan.validate.rules import display_path, format_path, printable, show

    assert printable("a\nb\x1b[2J\u202e\x9b\udcff") == "a\\nb\\x1b[2J\\u202e\\x9b\\udcff"
    assert format_path(("meta", "a\n::error::x", 0, "阶段")) == 'meta["a\\n::error::x"][0].阶段'
    assert show("\x85\u2028") == '"\\x85\\u2028"'
    assert show(10**5000) == "a number of about 5,001 digits"
    assert [display_path(p) for p in ("::x", "##[e]", " ::y", "a/::b", "/abs")] == [
        "./::x", "./##[e]", "./ ::y", "a/::b", "/abs"]
