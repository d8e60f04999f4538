"""ipplan validate: every rule code at the right line and column, hostile files, formats,
exit codes, --ignore, --against and the pre-commit hook.

Fixtures are the samples with one edit each. The edit's replacement text carries a caret
(‸) where the finding must point; the expected line and column are computed from the
fixture text, never taken from the program's output.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from ipplan.validate import check, jsonpos, report
from ipplan.validate.load import PlanFileError, load_plan_file, load_text
from ipplan.validate.rules import RULES, Finding
from tests.conftest import ROOT, SAMPLES

CARET = "‸"
SAMPLE_PLANS = sorted(SAMPLES.glob("*.yaml"))
IPPLAN = [sys.executable, "-m", "ipplan"]

#: The 342-byte "billion laughs" of the issue: nine levels of nine aliases (9**9 strings expanded).
ALIAS_BOMB = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n' + "".join(
    f"{k}: &{k} [{','.join([f'*{p}'] * 9)}]\n" for p, k in zip("abcdefgh", "bcdefghi"))


def edit(tmp_path: Path, sample: str, old: str, new: str, *, name: str | None = None,
         text: str | None = None) -> tuple[Path, int, int]:
    """Write ``sample`` with the first ``old`` replaced by ``new``; (path, line, column) of the caret."""
    text = (SAMPLES / sample).read_text("utf-8") if text is None else text
    i = text.index(old)
    j = i + new.index(CARET)
    text = text[:i] + new.replace(CARET, "", 1) + text[i + len(old) :]
    path = tmp_path / (name or sample)
    path.write_text(text, "utf-8")
    return path, line_col(text, j)[0], line_col(text, j)[1]


def line_col(text: str, index: int) -> tuple[int, int]:
    return text.count("\n", 0, index) + 1, index - (text.rfind("\n", 0, index) + 1) + 1


def line_of(path: Path, needle: str) -> int:
    text = path.read_text("utf-8")
    return line_col(text, text.index(needle))[0]


def findings(path: Path, **options) -> list[Finding]:
    return check.check_file(str(path), check.Options(**options)).findings


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([*IPPLAN, *args], capture_output=True, text=True, cwd=cwd, env=env, encoding="utf-8",
                          check=False)


# --- valid plans ---------------------------------------------------------------------


@pytest.mark.parametrize("plan", SAMPLE_PLANS, ids=lambda p: p.name)
def test_every_sample_plan_validates(plan: Path) -> None:
    assert findings(plan) == []


@pytest.mark.parametrize("plan", SAMPLE_PLANS, ids=lambda p: p.name)
def test_every_sample_plan_validates_as_json(plan: Path, tmp_path: Path) -> None:
    out = tmp_path / f"{plan.stem}.json"
    out.write_text(json.dumps(yaml.safe_load(plan.read_text("utf-8")), ensure_ascii=False, indent=2), "utf-8")
    assert findings(out) == []


def test_samples_folder_exit_code_0() -> None:
    proc = run("validate", str(SAMPLES))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert proc.stdout == f"{len(SAMPLE_PLANS)} files valid\n" and proc.stderr == ""


def test_load_plan_file_matches_safe_load_on_samples() -> None:
    for plan in SAMPLE_PLANS:
        assert load_plan_file(plan) == yaml.safe_load(plan.read_text("utf-8"))


# --- each rule at its line -----------------------------------------------------------

HUZHOU, WENZHOU = "huzhou-2022.yaml", "wenzhou-2022.yaml"
ID_312 = "- id: '3.1.2'\n      label: '2.'\n      ordinal: 2\n      level: 3"
VALUE_MAX = "  value_max: 2\n  unit: 个\n  op: range"

RULE_CASES = [
    # (code, sample, old, new, words the message must hold)
    ("P001", HUZHOU, "  value: 15\n", f"  value: {CARET}15件\n", 'a valid number, got "15件"'),
    ("P001", HUZHOU, "schema_version: '1'", f"schema_version: {CARET}1", "quote it: '1'"),
    ("P001", HUZHOU, "        lead: false", f"        lead: {CARET}no", "only true and false are booleans"),
    ("P101", HUZHOU, ID_312, f"- id: {CARET}'3.1.1'\n      label: '2.'\n      ordinal: 1\n      level: 3",
     'duplicate section id "3.1.1" (first at line 113)'),
    ("P102", HUZHOU, ID_312, ID_312.replace("'3.1.2'", f"{CARET}'3.9.2'"), 'expected "3.1.2"'),
    ("P103", HUZHOU, ID_312, ID_312.replace("ordinal: 2", f"ordinal: {CARET}5"),
     'ordinal 5 does not match section id "3.1.2" (expected 2)'),
    ("P104", HUZHOU, ID_312, ID_312.replace("level: 3", f"level: {CARET}2"), "level 2 does not match the section's depth 3"),
    ("P105", HUZHOU, ID_312, ID_312.replace("'3.1.2'", f"{CARET}'3.1.b'"), 'section id "3.1.b" is not numbers'),
    ("P106", HUZHOU, "- section: '2.2.2'", f"- section: {CARET}'2.2.9'", 'target section "2.2.9"'),
    ("P107", WENZHOU, "- section: table:2/5\n", f"- section: {CARET}table:2/99\n", 'no row numbered "99" in its 序号 column'),
    ("P107", WENZHOU, "- section: table:2/5\n", f"- section: {CARET}table:7/5\n", "there is no table 7"),
    ("P107", WENZHOU, "- section: table:2/5\n", f"- section: {CARET}table:2\n", 'not of the form "table:<n>/<row>"'),
    ("P108", HUZHOU, VALUE_MAX, f"  value_max: {CARET}2\n  unit: 个\n  op: '>='", 'given with op ">="'),
    ("P109", HUZHOU, VALUE_MAX, f"  value_max: {CARET}0.5\n  unit: 个\n  op: range", "value_max 0.5 is below value 1"),
    ("P110", HUZHOU, "  year: 2025\n", f"  year: {CARET}2072\n", "2072 is outside 2017–2060"),
    ("P110", "linyi-2023.yaml", "  - year: 2023\n    value: 3.85", f"  - year: {CARET}1023\n    value: 3.85", "1023"),
    ("P110", HUZHOU, "issue_date: '2022-09-30'", f"issue_date: {CARET}'2030-09-30'", "2030 is outside 2020–2026"),
    ("P111", HUZHOU, "issue_date: '2022-09-30'", f"issue_date: {CARET}'2022-02-30'", '"2022-02-30" is not a real date'),
    ("P111", HUZHOU, "issue_date: '2022-09-30'", f"issue_date: {CARET}2022/09/30", '"2022/09/30" is not a real date'),
    ("P112", HUZHOU, "      - name: 市经信局", f"      - name: {CARET}' '", "empty unit name"),
    ("P112", HUZHOU, "      - name: 市经信局", f"      - name: {CARET}''", "empty unit name"),
    ("P112", HUZHOU, "        - 市新闻出版局", f"        - {CARET}''", "empty unit alias"),
    ("P113", WENZHOU, "  - - '5'\n    - 实施高价值知识产权培育工程\n    - 建立重大技术、关键技术知识产权攻关目录。\n",
     f"  - {CARET}- '5'\n    - 实施高价值知识产权培育工程\n", "row has 3 cells, the header has 4"),
    ("P114", WENZHOU, "- index: 1\n", f"- index: {CARET}3\n", "table index 3 at position 1 (expected 1)"),
    ("P115", HUZHOU, "    start: 2022\n    end: 2025", f"    start: 2022\n    end: {CARET}2020", "end 2020 is before start 2022"),
    ("P116", HUZHOU, "  indicator_id: patent.valid_inventions\n", f"  indicator_id: {CARET}patent.valid_invention\n",
     'did you mean "patent.valid_inventions"?'),
    ("P117", HUZHOU, "schema_version: '1'\n", f"# schema_version removed\n{CARET}", "no schema_version"),
]


@pytest.mark.parametrize(("code", "sample", "old", "new", "words"), RULE_CASES,
                         ids=[f"{c[0]}-{i}" for i, c in enumerate(RULE_CASES)])
def test_rule_reports_code_at_line(tmp_path: Path, code: str, sample: str, old: str, new: str, words: str) -> None:
    path, line, col = edit(tmp_path, sample, old, new)
    got = findings(path)
    assert [(f.code, f.line, f.col) for f in got] == [(code, line, col)], got
    assert words in got[0].message


def test_every_rule_code_has_a_case() -> None:
    """Each P rule is exercised above or by the load tests below (P012 by a dangling link)."""
    covered = {c[0] for c in RULE_CASES} | {"P002", "P003", "P004", "P005", "P006", "P007", "P008", "P009", "P010",
                                            "P011", "P012"}
    assert {r.code for r in RULES if r.code.startswith("P")} == covered


def test_duplicate_id_message_names_the_first_line(tmp_path: Path) -> None:
    path, *_ = edit(tmp_path, HUZHOU, ID_312, RULE_CASES[3][3])
    assert line_of(path, "- id: '3.1.1'") == 113  # the first 3.1.1, which the message names
    (f,) = findings(path)
    assert f.path == "sections[2].children[0].children[1].id"


def test_unknown_field_points_at_key_and_suggests(tmp_path: Path) -> None:
    path, line, col = edit(tmp_path, HUZHOU, "  title: 指导思想", f"  {CARET}titel: 指导思想")
    got = {f.message: (f.line, f.col, f.path) for f in findings(path)}
    assert got['unknown field "titel" (did you mean "title"?)'] == (line, col, "sections[0].titel")
    # the missing title is reported at the section's mapping (its first key, "id")
    assert got['missing field "title"'] == (line_of(path, "- id: '1'"), 3, "sections[0].title")


def test_several_problems_in_one_file_are_all_reported_in_order(tmp_path: Path) -> None:
    path, l1, _ = edit(tmp_path, HUZHOU, "  year: 2025\n", f"  year: {CARET}2072\n")
    path, l2, _ = edit(tmp_path, HUZHOU, "issue_date: '2022-09-30'", f"issue_date: {CARET}'2022-02-30'",
                       text=path.read_text("utf-8"))
    assert [(f.code, f.line) for f in findings(path)] == [("P111", l2), ("P110", l1)]


def test_unquoted_date_and_no_stay_strings(tmp_path: Path) -> None:
    """YAML 1.2: 2022-09-30 is a string (PyYAML would make a date), no is a string (not false)."""
    path, *_ = edit(tmp_path, HUZHOU, "issue_date: '2022-09-30'", f"issue_date: {CARET}2022-09-30")
    assert findings(path) == []
    path, *_ = edit(tmp_path, HUZHOU, "  region: 湖州市", f"  region: {CARET}no")
    assert findings(path) == [] and load_plan_file(path)["meta"]["region"] == "no"


def test_yaml_core_schema_scalars() -> None:
    text = ("a: no\nb: 2022-06-15\nc: 0o17\nd: 0x1F\ne: 1e3\nf: ~\ng:\nh: '1'\ni: !!str 12\nj: -.inf\n"
            "k: 1_000\nl: 3.1.2\nm: +12\nn: True\no: on\n")
    data = load_text(text).data
    assert data == {"a": "no", "b": "2022-06-15", "c": 15, "d": 31, "e": 1000.0, "f": None, "g": None, "h": "1",
                    "i": "12", "j": float("-inf"), "k": "1_000", "l": "3.1.2", "m": 12, "n": True, "o": "on"}


# --- hostile and malformed files -------------------------------------------------------


def test_malformed_yaml(tmp_path: Path) -> None:
    path, line, col = edit(tmp_path, HUZHOU, "  title: 指导思想", f"  title: 指导{CARET}: 思想")
    (f,) = findings(path)
    assert (f.code, f.line, f.col) == ("P002", line, col) and "mapping values are not allowed" in f.message


def test_wrong_top_level_type(tmp_path: Path) -> None:
    path = tmp_path / "list.yaml"
    path.write_text("- 1\n- 2\n", "utf-8")
    (f,) = findings(path)
    assert (f.code, f.line, f.col) == ("P001", 1, 1) and "valid dictionary" in f.message


def test_duplicate_key_reports_both_lines(tmp_path: Path) -> None:
    path, line, col = edit(tmp_path, HUZHOU, "  region: 湖州市\n", f"  region: 湖州市\n  {CARET}region: 湖州\n")
    (f,) = findings(path)
    assert (f.code, f.line, f.col, f.path) == ("P004", line, col, "meta.region")
    assert f.message == f'duplicate key "region" (first at line {line - 1})'
    assert load_text(path.read_text("utf-8")).data["meta"]["region"] == "湖州市"  # the first is kept


def test_anchor_is_rejected(tmp_path: Path) -> None:
    path, line, col = edit(tmp_path, HUZHOU, "  title: 指导思想", f"  title: {CARET}&t 指导思想")
    (f,) = findings(path)
    assert (f.code, f.line, f.col) == ("P003", line, col) and "&t" in f.message


def test_alias_bomb_fails_fast_in_bounded_memory(tmp_path: Path) -> None:
    assert len(ALIAS_BOMB.encode()) == 342
    path = tmp_path / "bomb.yaml"
    path.write_text(ALIAS_BOMB, "utf-8")
    tracemalloc.start()
    t0 = time.perf_counter()
    got = findings(path)
    elapsed = time.perf_counter() - t0
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert [(f.code, f.line, f.col) for f in got] == [("P003", 1, 4)]
    assert elapsed < 2 and peak < 5_000_000
    with pytest.raises(PlanFileError, match="P003 YAML anchor &a is not allowed"):
        load_plan_file(path)


def test_alias_bomb_cli_exit_code_1(tmp_path: Path) -> None:
    path = tmp_path / "bomb.yaml"
    path.write_text(ALIAS_BOMB, "utf-8")
    proc = run("validate", str(path))
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    assert proc.stdout.splitlines()[0] == f"{path}:1:4: P003 YAML anchor &a is not allowed: " \
                                          "plan files may not use anchors or aliases"


@pytest.mark.parametrize("tag", ["!!python/object:os.system", "!!binary", "!custom"])
def test_yaml_tags_are_rejected(tmp_path: Path, tag: str) -> None:
    path, line, col = edit(tmp_path, HUZHOU, "  title: 指导思想", f"  title: {CARET}{tag} 指导思想")
    (f,) = findings(path)
    assert (f.code, f.line, f.col) == ("P005", line, col)


def test_complex_key_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "k.yaml"
    path.write_text("meta:\n  ? [a, b]\n  : 1\n", "utf-8")
    assert [(f.code, f.line, f.col) for f in findings(path)] == [("P005", 2, 5)]


@pytest.mark.parametrize("text", ["", "  \n", "# a comment only\n", "---\n", "~\n"])
def test_empty_document(tmp_path: Path, text: str) -> None:
    path = tmp_path / "empty.yaml"
    path.write_text(text, "utf-8")
    assert [f.code for f in findings(path)] == ["P006"]


def test_second_document(tmp_path: Path) -> None:
    text = (SAMPLES / HUZHOU).read_text("utf-8")
    path = tmp_path / "two.yaml"
    path.write_text(text + "---\nschema_version: '1'\n", "utf-8")
    assert [(f.code, f.line) for f in findings(path)] == [("P007", text.count("\n") + 1)]


@pytest.mark.parametrize("suffix", [".yaml", ".json"])
def test_nesting_limit(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"deep{suffix}"
    path.write_text('{"warnings": ' + "[" * 200 + "]" * 200 + "}", "utf-8")
    (f,) = findings(path)
    assert f.code == "P008" and f.line == 1


def test_twenty_megabyte_file_is_refused_without_reading(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    with open(path, "wb") as fh:
        fh.write(b"warnings:\n" + b"- x\n" * (5 * 1024 * 1024))
    assert path.stat().st_size > 20_000_000
    t0 = time.perf_counter()
    (f,) = findings(path)
    assert time.perf_counter() - t0 < 1
    assert f.code == "P010" and f.message == f"file is {path.stat().st_size:,} bytes, over the 10,485,760-byte limit"
    proc = run("validate", str(path))
    assert proc.returncode == 2 and proc.stdout == "1 error in 1 of 1 file (1 unreadable)\n"
    assert proc.stderr == f"ipplan: error: {path}: P010 {f.message}\n"
    small = run("validate", "--max-bytes", "1000", str(SAMPLES / HUZHOU))
    assert small.returncode == 2 and "over the 1,000-byte limit" in small.stderr


def test_non_utf8_file(tmp_path: Path) -> None:
    text = (SAMPLES / HUZHOU).read_text("utf-8")
    path = tmp_path / "gbk.yaml"
    path.write_bytes(text.encode("gb18030"))
    first = next(i for i, c in enumerate(text) if ord(c) > 127)
    (f,) = findings(path)
    assert (f.code, f.line, f.col) == ("P011", *line_col(text, first))
    proc = run("validate", str(path))
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert proc.stderr.startswith(f"ipplan: error: {path}:{f.line}:{f.col}: P011 not UTF-8")


def test_utf16_and_bom(tmp_path: Path) -> None:
    text = (SAMPLES / HUZHOU).read_text("utf-8")
    (tmp_path / "bom.yaml").write_bytes(b"\xef\xbb\xbf" + text.encode())
    (tmp_path / "u16.yaml").write_bytes(text.encode("utf-16"))
    assert findings(tmp_path / "bom.yaml") == []
    assert [f.code for f in findings(tmp_path / "u16.yaml")] == ["P011"]


def test_dangling_link_is_unreadable(tmp_path: Path) -> None:
    link = tmp_path / "gone.yaml"
    link.symlink_to(tmp_path / "missing.yaml")
    (f,) = findings(link)
    assert f.code == "P012" and "no such file" in f.message


def test_huge_number_of_errors_is_bounded(tmp_path: Path) -> None:
    """150,000 wrong values: pydantic is run in batches and the report stops at 200."""
    path = tmp_path / "many.yaml"
    path.write_text("schema_version: '1'\nwarnings:\n" + "- 1\n" * 150_000, "utf-8")
    result = check.check_file(str(path))
    assert len(result.findings) == 200 and not result.complete
    assert [(f.line, f.path) for f in result.findings[:2]] == [(3, "warnings[0]"), (4, "warnings[1]")]
    text, _ = report.render_text([result])
    assert text.endswith("more findings not shown (only the first 200 are listed)\n"
                         "200 or more errors in 1 of 1 file\n")


def test_batched_schema_validation_matches_one_call(monkeypatch: pytest.MonkeyPatch) -> None:
    data = yaml.safe_load((SAMPLES / WENZHOU).read_text("utf-8"))
    data["targets"][3]["value"] = "x"
    data["tables"][0]["tasks"][2]["units"][0]["name"] = ""
    data["sections"][1]["children"][0]["level"] = "2"
    data["tables"][1]["rows"][3][2] = 5
    data["extra"] = {"a": [1, 2, 3]}
    whole = sorted((h.code, h.path, str(h.args)) for h in check.schema_hits(data))
    assert [h[:2] for h in whole] == [
        ("P001", ("extra",)), ("P001", ("sections", 1, "children", 0, "level")), ("P001", ("tables", 1, "rows", 3, 2)),
        ("P001", ("targets", 3, "value")), ("P112", ("tables", 0, "tasks", 2, "units", 0, "name"))]
    monkeypatch.setattr(check, "VALIDATION_BATCH", 7)
    assert sorted((h.code, h.path, str(h.args)) for h in check.schema_hits(data)) == whole


# --- JSON ------------------------------------------------------------------------------


def _json_sample(sample: str = HUZHOU) -> str:
    return json.dumps(yaml.safe_load((SAMPLES / sample).read_text("utf-8")), ensure_ascii=False, indent=2)


def test_json_positions(tmp_path: Path) -> None:
    path, line, col = edit(tmp_path, HUZHOU, '"value": 15,', f'"value": {CARET}"15",', name="h.json",
                           text=_json_sample())
    (f,) = findings(path)
    assert (f.code, f.line, f.col, f.path) == ("P001", line, col, "targets[1].value")
    path, line, col = edit(tmp_path, HUZHOU, '"id": "3.1.2"', f'"id": {CARET}"3.9.2"', name="h.json",
                           text=_json_sample())
    assert [(f.code, f.line, f.col) for f in findings(path)] == [("P102", line, col)]


def test_json_on_one_line(tmp_path: Path) -> None:
    text = json.dumps(yaml.safe_load((SAMPLES / HUZHOU).read_text("utf-8")), ensure_ascii=False)
    path, line, col = edit(tmp_path, HUZHOU, '"year": 2025', f'"year": {CARET}2072', name="h.json", text=text)
    assert line == 1 and col > 1000
    assert [(f.code, f.line, f.col) for f in findings(path)] == [("P110", line, col)]


def test_json_duplicate_key_and_syntax(tmp_path: Path) -> None:
    path, line, col = edit(tmp_path, HUZHOU, '"region": "湖州市",', f'"region": "湖州市", {CARET}"region": "x",',
                           name="h.json", text=_json_sample())
    (f,) = findings(path)
    assert (f.code, f.line, f.col) == ("P004", line, col) and f"first at line {line}" in f.message
    path, line, col = edit(tmp_path, HUZHOU, '"warnings": []', f'"warnings": [1,{CARET}]', name="h.json",
                           text=_json_sample())
    (f,) = findings(path)
    assert (f.code, f.line, f.col) == ("P002", line, col) and f.message == "JSON: expected a value"


@pytest.mark.parametrize("text", ['{"a": NaN}', "{'a': 1}", '{"a": 1,}', '{"a": 1} x', '[1 2]', '{"a": "\\q"}',
                                  '{"a": 01}', '// c\n{}'])
def test_json_decoder_is_strict(text: str) -> None:
    with pytest.raises(jsonpos.JsonError):
        jsonpos.loads(text, max_depth=10)


def test_json_decoder_values_and_positions() -> None:
    text = '{"a": [1, -2.5e3, "\\ud83d\\ude00", true, null],\n "b": {"c": 123456789012345678901234567890}}'
    seen = {}
    data = jsonpos.loads(text, max_depth=10, on_value=lambda p, i, k: seen.setdefault(p, (i, k)))
    assert data == json.loads(text)
    assert seen[("a", 2)] == (text.index('"\\ud83d'), None)
    assert seen[("b", "c")] == (text.index("1234"), text.index('"c"'))


# --- formats ---------------------------------------------------------------------------


def test_text_format_line(tmp_path: Path) -> None:
    path, line, col = edit(tmp_path, HUZHOU, ID_312, RULE_CASES[3][3])
    proc = run("validate", str(path))
    assert proc.returncode == 1 and proc.stderr == ""
    assert proc.stdout == (f'{path}:{line}:{col}: P101 duplicate section id "3.1.1" (first at line 113) '
                           f"(sections[2].children[0].children[1].id)\n1 error in 1 of 1 file\n")
    assert "\x1b[" not in proc.stdout  # plain when piped


def test_github_format(tmp_path: Path) -> None:
    path, line, col = edit(tmp_path, HUZHOU, ID_312, RULE_CASES[3][3])
    proc = run("validate", "--format", "github", path.name, cwd=tmp_path)
    assert proc.returncode == 1
    assert proc.stdout.splitlines() == [
        (f"::error file={path.name},line={line},col={col},title=P101 duplicate-section-id::"
         'duplicate section id "3.1.1" (first at line 113) (sections[2].children[0].children[1].id)'),
        "1 error in 1 of 1 file",
    ]


def test_github_escaping() -> None:
    """Workflow-command escaping, after line breaks from the file became visible escapes."""
    f = Finding("P001", "50% done\r\nnext, and: more", 3, 4, "a.b", "dir,x/a:b.yaml")
    assert report.github_line(f) == ("::error file=dir%2Cx/a%3Ab.yaml,line=3,col=4,title=P001 schema::"
                                     "50%25 done\\r\\nnext, and: more (a.b)")


def test_json_format(tmp_path: Path) -> None:
    path, line, col = edit(tmp_path, HUZHOU, "  year: 2025\n", f"  year: {CARET}2072\n")
    proc = run("validate", "--format", "json", str(path), str(SAMPLES / "linyi-2023.yaml"))
    assert proc.returncode == 1
    out = json.loads(proc.stdout)
    assert out["summary"] == {"files": 2, "valid": 1, "invalid": 1, "unreadable": 0, "errors": 1, "warnings": 0,
                              "notices": 0, "complete": True}
    assert out["files"][0]["findings"] == [{
        "file": str(path), "line": line, "column": col, "code": "P110", "name": "implausible-year",
        "severity": "error", "path": "targets[0].year",
        "message": "year 2072 is outside 2017–2060, the plausible years for the plan period 2022–2025"}]
    assert out["files"][1] == {"file": str(SAMPLES / "linyi-2023.yaml"), "valid": True, "findings": [],
                               "omitted": 0, "complete": True}


def test_output_is_deterministic(tmp_path: Path) -> None:
    path, *_ = edit(tmp_path, HUZHOU, "  year: 2025\n", f"  year: {CARET}2072\n")
    assert run("validate", "-f", "json", str(path)).stdout == run("validate", "-f", "json", str(path)).stdout


# --- exit codes, usage, --ignore -------------------------------------------------------


@pytest.mark.parametrize(("args", "message"), [
    (["nowhere.yaml"], "ipplan: error: nowhere.yaml: no such file or directory"),
    (["nowhere/*.yaml"], "ipplan: error: nowhere/*.yaml: no plan files match"),
    (["--ignore", "P999", "x"], "ipplan: error: --ignore P999: unknown rule"),
    (["--ignore", "anchor-alias", "x"], "ipplan: error: --ignore anchor-alias: P003 anchor-alias cannot be ignored"),
    (["--ignore", "P010", "x"], "P010 too-large cannot be ignored"),
    ([], "give at least one PATH"),
])
def test_usage_errors_exit_2(args: list[str], message: str) -> None:
    proc = run("validate", *args)
    assert proc.returncode == 2 and message in proc.stderr and "Traceback" not in proc.stderr


def test_empty_folder_exit_2(tmp_path: Path) -> None:
    proc = run("validate", str(tmp_path))
    assert proc.returncode == 2 and "no plan files" in proc.stderr


def test_unreadable_wins_over_invalid(tmp_path: Path) -> None:
    bad, *_ = edit(tmp_path, HUZHOU, "  year: 2025\n", f"  year: {CARET}2072\n")
    (tmp_path / "gbk.yaml").write_bytes("a: 湖州".encode("gb18030"))
    assert run("validate", str(tmp_path)).returncode == 2
    assert run("validate", str(bad)).returncode == 1


@pytest.mark.parametrize("ignore", [["--ignore", "P110"], ["--ignore", "implausible-year"],
                                    ["--ignore", "P101,p110"], ["--ignore", "P101", "--ignore", "P110"]])
def test_ignore(tmp_path: Path, ignore: list[str]) -> None:
    path, *_ = edit(tmp_path, HUZHOU, "  year: 2025\n", f"  year: {CARET}2072\n")
    assert run("validate", str(path)).returncode == 1
    proc = run("validate", *ignore, str(path))
    assert proc.returncode == 0 and proc.stdout == "1 file valid\n"


def test_list_rules_matches_readme() -> None:
    proc = run("validate", "--list-rules")
    assert proc.returncode == 0 and len(proc.stdout.splitlines()) == len(RULES)
    readme = (ROOT / "README.md").read_text("utf-8")
    for r in RULES:
        assert f"| {r.code} | `{r.name}` |" in readme, r.code


# --- discovery -------------------------------------------------------------------------


def test_discover_folders_globs_and_skips(tmp_path: Path) -> None:
    for rel in ["a.yaml", "c.json", "sub/b.yml", "_manifest.json", ".hidden.yaml", "notes.txt", ".git/x.yaml",
                "sub/deeper/d.YAML"]:
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("{}", "utf-8")
    (tmp_path / "link.yaml").symlink_to(tmp_path / "a.yaml")
    top = str(tmp_path)
    expected = [f"{top}/a.yaml", f"{top}/c.json", f"{top}/sub/b.yml", f"{top}/sub/deeper/d.YAML"]
    assert check.discover([top]) == expected
    assert check.discover([f"{top}/**/*.y*ml"]) == [f"{top}/a.yaml", f"{top}/sub/b.yml"]
    assert check.discover([f"{top}/a.yaml", top]) == expected  # each file once
    assert check.discover([f"{top}/_manifest.json"]) == [f"{top}/_manifest.json"]  # named explicitly


# --- --against -------------------------------------------------------------------------


def _curated(tmp_path: Path, old: str, new: str, sample: str = HUZHOU) -> tuple[Path, int, int]:
    (tmp_path / "plans").mkdir(exist_ok=True)
    return edit(tmp_path / "plans", sample, old, new)


def test_against_reports_changed_value(tmp_path: Path) -> None:
    path, line, col = _curated(tmp_path, "  value: 15\n", f"  value: {CARET}16\n")
    got = findings(path, against=SAMPLES)
    assert [(f.code, f.line, f.col, f.message) for f in got] == [("D201", line, col, "curated 16, fresh parse 15")]
    proc = run("validate", "--against", str(SAMPLES), str(path))
    assert proc.returncode == 0 and proc.stdout.endswith("1 file valid; 1 notice\n")
    assert run("validate", "--against", str(SAMPLES), "--fail-on-diff", str(path)).returncode == 1
    assert run("validate", "--against", str(SAMPLES), "--ignore", "D201", "--fail-on-diff", str(path)).returncode == 0


def test_against_reports_added_and_missing_targets(tmp_path: Path) -> None:
    target = ("- section: '2.2.2'\n  indicator: 有效发明专利拥有量\n  indicator_id: patent.valid_inventions\n  value: 18000\n  value_max: null\n  unit: 件\n"
              "  op: '='\n  year: 2025\n  kind: by_year\n  text: 有效发明专利拥有量达到1.8万件\n  milestones: []\n")
    path, line, col = _curated(tmp_path, f"{target}- section", f"- {CARET}section")  # the next target's mapping
    (f,) = findings(path, against=SAMPLES)
    assert (f.code, f.line, f.col, f.path) == ("D203", line, col, "targets[2]")
    assert f.message == 'the fresh parse adds target "有效发明专利拥有量" 18000件 (section "2.2.2") at targets[2]'
    invented = target.replace("有效发明专利拥有量达到1.8万件", "虚构的目标")
    path, line, col = _curated(tmp_path, target, f"{target}- {CARET}{invented[2:]}")
    (f,) = findings(path, against=SAMPLES)
    assert (f.code, f.line, f.col) == ("D202", line, col) and f.message.startswith("the fresh parse has no target")


def test_against_finds_source_by_stem_and_stays_inside_source_dir(tmp_path: Path) -> None:
    path, *_ = _curated(tmp_path, "  path: samples/huzhou-2022.txt", f"  path: {CARET}elsewhere/other.txt")
    assert findings(path, against=SAMPLES) == []  # found as huzhou-2022.txt by the file's stem
    sources = tmp_path / "sources"
    sources.mkdir()
    shutil.copy(SAMPLES / "huzhou-2022.txt", sources)
    shutil.copy(SAMPLES / "huzhou-2022.txt", tmp_path / "secret.txt")  # outside SOURCE_DIR
    path, line, col = _curated(tmp_path, "  path: samples/huzhou-2022.txt", f"  path: {CARET}../secret.txt")
    assert findings(path, against=sources) == []  # ../secret.txt refused, then found by stem
    path = path.rename(path.with_name("renamed.yaml"))
    (f,) = findings(path, against=sources)
    assert (f.code, f.line, f.col) == ("D204", line, col) and "../secret.txt, secret.txt, renamed.*" in f.message
    assert run("validate", "--against", str(sources), str(path)).returncode == 0  # a warning


# --- pre-commit hook -------------------------------------------------------------------


def test_pre_commit_hook_definition() -> None:
    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text("utf-8"))
    assert (hook["id"], hook["entry"], hook["language"]) == ("ipplan-validate", "ipplan validate", "python")
    files = re.compile(hook["files"])
    assert all(files.search(n) for n in ("plans/a.yaml", "b.yml", "c.json"))
    assert not any(files.search(n) for n in ("a.txt", "yaml.md", "a.jsonl"))


def test_pre_commit_hook_runs_from_another_directory(tmp_path: Path) -> None:
    """As pre-commit does: the entry plus file names relative to the repository, from its root."""
    script = Path(sys.executable).with_name("ipplan")
    if not script.exists():
        pytest.skip("ipplan is not installed as a console script")
    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text("utf-8"))
    repo = tmp_path / "repo"
    (repo / "plans").mkdir(parents=True)
    shutil.copy(SAMPLES / HUZHOU, repo / "plans" / HUZHOU)
    bad, line, col = edit(repo / "plans", HUZHOU, "  year: 2025\n", f"  year: {CARET}2072\n", name="bad.yaml")
    entry = [str(script), *hook["entry"].split()[1:]]
    ok = subprocess.run([*entry, f"plans/{HUZHOU}"], cwd=repo, capture_output=True, text=True, check=False)
    assert ok.returncode == 0, ok.stderr
    proc = subprocess.run([*entry, f"plans/{HUZHOU}", "plans/bad.yaml", str(bad)], cwd=repo, capture_output=True,
                          text=True, check=False)
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    assert proc.stdout.startswith(f"plans/bad.yaml:{line}:{col}: P110 ")  # the absolute path is the same file


# --- the schema for editors ------------------------------------------------------------


def test_schema_file_for_editors(tmp_path: Path) -> None:
    out = tmp_path / "plan.schema.json"
    assert run("schema", "-o", str(out)).returncode == 0
    schema = json.loads(out.read_text("utf-8"))
    assert schema["$id"] == "https://ipplan.dev/schema/plan-v1.json" and schema["x-schema-version"] == "1"


# --- robustness ------------------------------------------------------------------------

_EDITS = st.lists(st.tuples(st.floats(0, 1, exclude_max=True), st.sampled_from(["set", "del", "ins"]),
                            st.sampled_from(list(":-[]{}'\"#&*!|>,\n \t?%@`09aZ中."))), min_size=1, max_size=6)


@settings(max_examples=60, deadline=None, derandomize=True)
@given(edits=_EDITS, as_json=st.booleans())
def test_damaged_files_give_findings_never_exceptions(edits: list[tuple[float, str, str]], as_json: bool) -> None:
    """Random damage to a sample: every outcome is a list of findings placed at a line."""
    text = list(_json_sample(WENZHOU) if as_json else (SAMPLES / WENZHOU).read_text("utf-8"))
    for where, op, char in edits:
        i = int(where * len(text))
        if op == "set":
            text[i] = char
        elif op == "del":
            del text[i]
        else:
            text.insert(i, char)
    try:
        loaded = load_text("".join(text), "json" if as_json else "yaml")
    except PlanFileError as exc:
        assert exc.finding.line >= 1 and exc.finding.code in {r.code for r in RULES}
        return
    hits = check.schema_hits(loaded.data) + list(check.check_plan(loaded.data))
    for f in check.place(hits, loaded, "x.yaml"):
        assert f.line >= 1 and f.col >= 1 and f.code in {r.code for r in RULES}
