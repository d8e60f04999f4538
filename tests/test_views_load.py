"""Loading plans for the views: plan files, documents, folders, and one-line errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

import ipplan
from tests.helpers import without_evidence
from ipplan import emit
from ipplan.cli import main
from ipplan.errors import IpplanError
from ipplan.views import load
from ipplan.views.load import load_plans
from tests.conftest import SAMPLES

LINYI_YAML = SAMPLES / "linyi-2023.yaml"
LINYI_TXT = SAMPLES / "linyi-2023.txt"


def test_plan_file_and_document_give_the_same_plan() -> None:
    (from_file,) = load_plans([LINYI_YAML])
    (from_doc,) = load_plans([LINYI_TXT])
    same = lambda plan: without_evidence(plan.model_dump(include={"meta", "targets"}))  # noqa: E731
    assert same(from_file) == same(from_doc)


def test_json_and_jsonl(tmp_path: Path) -> None:
    plan = ipplan.parse_file(LINYI_TXT)
    (tmp_path / "a.json").write_text(emit.to_json(plan), "utf-8")
    line = json.dumps(emit.plan_data(plan), ensure_ascii=False)
    (tmp_path / "plans.jsonl").write_text(f"{line}\n\n{line}\n", "utf-8")
    plans = load_plans([tmp_path / "a.json", tmp_path / "plans.jsonl"])
    assert [p.meta.doc_number for p in plans] == ["临政办字〔2023〕81号"] * 3


def test_a_folder_gives_its_plan_files_sorted_not_the_documents_beside_them() -> None:
    plans = load_plans([SAMPLES])
    assert [Path(p.source.path).stem for p in plans] == [p.stem for p in sorted(SAMPLES.glob("*.yaml"))]


def test_a_folder_of_documents_is_parsed_and_batch_files_are_skipped(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "linyi.txt").write_bytes(LINYI_TXT.read_bytes())
    (tmp_path / "notes.md").write_text("not a notice", "utf-8")
    assert [p.meta.region for p in load_plans([tmp_path])] == ["临沂市"]
    (tmp_path / "_manifest.json").write_text("{}", "utf-8")  # batch's own files are never plans
    (tmp_path / "_errors.jsonl").write_text("{}\n", "utf-8")
    assert [p.meta.region for p in load_plans([tmp_path])] == ["临沂市"]


def test_an_unquoted_date_stays_a_string(tmp_path: Path) -> None:
    text = LINYI_YAML.read_text("utf-8").replace("issue_date: '2023-09-13'", "issue_date: 2023-09-13")
    assert "issue_date: 2023-09-13\n" in text
    path = tmp_path / "plan.yaml"
    path.write_text(text, "utf-8")
    (plan,) = load_plans([path])
    assert plan.meta.issue_date == "2023-09-13"


def test_a_plan_written_before_indicator_ids_still_loads(tmp_path: Path) -> None:
    data = yaml.safe_load(LINYI_YAML.read_text("utf-8"))
    for t in data["targets"]:
        del t["indicator_id"]
    path = tmp_path / "old.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    (plan,) = load_plans([path])
    assert all(t.indicator_id is None for t in plan.targets)


@pytest.mark.parametrize(("name", "content", "message"), [
    ("bad.yaml", "a: [1, 2\n", ":2:1: P002 YAML: did not find expected"),
    ("bad.json", "{\"schema_version\": ", ":1:20: P002 JSON: unexpected end of file"),
    ("list.yaml", "- 1\n- 2\n", ":1:1: P001 the top level is a list"),
    ("bomb.yaml", "a: &a [1]\nb: *a\n", ":1:4: P003 YAML anchor &a is not allowed"),
    ("dup.yaml", "schema_version: '1'\nschema_version: '1'\n", ":2:1: P004 duplicate key"),
    ("manifest.json", "{\"files\": {}}", "not an ipplan plan (no schema_version)"),
    ("v2.yaml", "schema_version: '2'\n", 'schema_version "2" is not supported'),
    ("wrong.yaml", "schema_version: '1'\ntargets: [{section: null}]\n", "not a valid plan: targets[0].indicator"),
    ("extra.json", "{\"schema_version\": \"1\", \"colour\": 1}", "not a valid plan: colour: Extra inputs"),
    ("lines.jsonl", "{\"schema_version\": \"1\"}\n[]\n", "line 2: not an ipplan plan"),
])
def test_bad_plan_files_are_one_line_errors(tmp_path: Path, name: str, content: str, message: str) -> None:
    path = tmp_path / name
    path.write_text(content, "utf-8")
    with pytest.raises(IpplanError) as info:
        load_plans([path])
    assert str(info.value).startswith(f"{path}:") and message in str(info.value)
    result = CliRunner().invoke(main, ["export", str(path), "-o", str(tmp_path / "out.csv")])
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr.startswith(f"ipplan: error: {path}:") and result.stderr.count("\n") == 1
    assert not (tmp_path / "out.csv").exists()


def test_not_utf8_and_too_large(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "gbk.yaml"
    path.write_bytes("schema_version: '1'\n# 知识产权\n".encode("gb18030"))
    with pytest.raises(IpplanError, match="gbk.yaml:2:5: P011 not UTF-8"):
        load_plans([path])
    monkeypatch.setattr(load, "MAX_PLAN_BYTES", 10)
    with pytest.raises(IpplanError, match=r"P010 .*limit"):
        load_plans([path])


def test_missing_paths_and_empty_folders(tmp_path: Path) -> None:
    with pytest.raises(IpplanError, match="no such file or directory"):
        load_plans([tmp_path / "nope.yaml"])
    with pytest.raises(IpplanError, match="no plan files"):
        load_plans([tmp_path])


def test_a_bad_document_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_text("  \n", "utf-8")
    result = CliRunner().invoke(main, ["show", str(path)])
    assert result.exit_code == 1 and result.stderr.startswith(f"ipplan: error: {path}: ")
    assert "Traceback" not in result.output
