"""schema/form.py is the pydantic models' own form, field for field: a plan written from the
parser's data (without pydantic) is the plan the models would write. Real plans are checked
in test_parsed_plans_validate.py; here every field of every model, set and unset."""

from __future__ import annotations

import subprocess
import sys
from typing import Any

import pytest

from ipplan import emit
from ipplan.schema import form
from ipplan.schema.plan import Plan
from tests.conftest import ROOT, SAMPLE_TEXTS


def _unit(line: int | None) -> dict[str, Any]:
    return {"name": "市市场监管局", "aliases": ["市场监管局"], "lead": True, "line": line}


def full_plan() -> dict[str, Any]:
    """Every field of every model holds something (additions included), in an order unlike
    the schema's, with numbers as the parser gives them (floats, integral or not)."""
    section = {"children": [], "line": 4, "deadline": "6月底", "units": [_unit(4)], "text": "正文", "title": "目标",
               "level": 2, "ordinal": 1, "label": "（一）", "id": "1.1"}
    return {
        "notices": [{"line": 3, "message": "m", "code": "N101"}, {"code": "LR03", "message": "n", "line": None}],
        "warnings": ["m", "n"],
        "tables": [{"line": 9, "tasks": [{"line": 10, "units": [_unit(10)], "content": "内容", "work": "工作",
                                          "row": "1"}],
                    "kind": "responsibility", "rows": [["1", "工作", "内容", "市市场监管局"]],
                    "header": ["序号", "重点工作", "主要内容", "责任单位"], "title": "责任分解表", "index": 1}],
        "targets": [{"line": 5, "milestones": [{"value": 2.5, "year": 2023}, {"year": 2024, "value": 3.0}],
                     "text": "达到3.85件", "kind": "cumulative", "year": 2025, "op": "range", "unit": "件",
                     "value_max": 4.0, "value": 3.85, "indicator_id": "patent.valid_inventions",
                     "indicator": "发明专利", "section": "1.1"},
                    {"section": None, "indicator": "x", "value": 1e20, "value_max": None, "unit": None, "op": ">=",
                     "year": None, "kind": "by_year", "text": "t", "milestones": [], "line": None}],
        "sections": [{"id": "1", "label": "一、", "ordinal": 1, "level": 1, "title": "总体要求", "text": "",
                      "units": [], "line": 3, "children": [section]}],
        "meta": {"lines": {"title": 1, "issuer": 2}, "remark": "此件公开发布", "attachments": ["附件"],
                 "printed_date": "2023-01-02", "printed_by": "办公室", "cc": ["市委"], "signer": "张三",
                 "urgency": "特急", "secrecy": "秘密", "copy_number": "000001", "doc_type": "方案",
                 "issuers": ["市政府", "市委"], "period": {"end": 2025, "start": 2023}, "region": "临沂市",
                 "addressees": ["各县区人民政府"], "issue_date": "2023-01-01", "issuer": "市政府",
                 "doc_number": "临政办字〔2023〕81号", "notice_title": "关于印发…的通知", "title": "方案"},
        "source": {"record": {"filled": ["title"], "url": "http://x", "issuer": "市政府", "doc_number": "x",
                              "date": "2023", "title": "方案", "id": "7", "table": "t.csv"},
                   "conversion": "t2s", "script": "traditional", "format": "html", "encoding": "utf-8",
                   "sha256": "ab", "path": "x.html"},
    }


def empty_plan() -> dict[str, Any]:
    """Only what a plan must hold: every addition empty (left out), every default taken."""
    return {"source": {"path": None, "sha256": None, "encoding": None, "format": "txt", "script": "simplified",
                       "conversion": None, "record": None},
            "meta": {"title": None, "notice_title": None, "doc_number": None, "issuer": None, "issue_date": None,
                     "addressees": [], "region": None, "period": None, "issuers": [], "doc_type": None, "cc": [],
                     "lines": {}},
            "sections": [{"id": "1", "label": "一、", "ordinal": 1, "level": 1, "title": "t", "text": "",
                          "units": [{"name": "u", "aliases": [], "lead": False, "line": None}], "deadline": None,
                          "line": None, "children": []}],
            "targets": [], "tables": [], "warnings": [], "notices": []}


def record_only() -> dict[str, Any]:
    """A table row with nothing filled (``filled`` left out) and fields left unset."""
    plan = empty_plan()
    plan["source"]["record"] = {"table": "t.jsonl", "id": None}
    return plan


@pytest.mark.parametrize("make", [full_plan, empty_plan, record_only])
def test_form_is_the_models_dump(make) -> None:
    data = make()
    expected = Plan.model_validate(data).model_dump(mode="json")
    got = form.plan_form(data)
    assert got == expected
    assert emit.to_yaml(got) == emit.to_yaml(expected)  # key order at every level
    assert emit.to_json(got) == Plan.model_validate(data).model_dump_json(indent=2) + "\n"


def test_every_model_field_is_in_the_full_plan() -> None:
    """The full plan above sets every field the models have: a field added to a model and
    not to form.py fails here (its value would be missing from the written plan)."""
    from ipplan.schema import plan as models

    written = emit.to_yaml(form.plan_form(full_plan()))
    keys = {line.strip().lstrip("- ").split(":")[0] for line in written.splitlines()}
    every = [m for m in vars(models).values() if isinstance(m, type) and issubclass(m, models._Model)
             and m is not models._Model]
    assert len(every) >= 12
    for model in every:
        assert set(model.model_fields) <= keys, model.__name__


def test_meta_additions_are_the_models() -> None:
    from ipplan.schema.plan import Meta

    additions = tuple(k for k, f in Meta.model_fields.items() if f.exclude_if is not None)
    assert form.META_ADDITIONS == additions


def test_parse_and_batch_import_no_pydantic_nor_jieba(tmp_path) -> None:
    """`ipplan parse` and a batch worker write plans without importing pydantic (about 100 ms
    of a cold start) or jieba."""
    code = (
        "import sys\n"
        "from ipplan import api, emit, batch\n"
        f"data = api.parse_file_data({str(SAMPLE_TEXTS[0])!r})\n"
        "emit.to_yaml(data); emit.to_json(data); emit.to_jsonl(data)\n"
        f"r = batch.parse_one({str(SAMPLE_TEXTS[1])!r}, 'x.txt', 'yaml', {str(tmp_path / 'x.yaml')!r})\n"
        "assert r.status == 'parsed', r\n"
        "heavy = sorted(m for m in sys.modules if m.split('.')[0] in ('pydantic', 'pydantic_core', 'jieba', 'rich'))\n"
        "print(heavy)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert out.stdout.strip() == "[]", out.stdout
