"""ipplan never writes a plan that `ipplan validate` rejects: every plan parsed from the
samples, from mutations of them and from the documents of ../shared/corpus/dev passes
validation as YAML and as JSON, read back by ipplan's own loader.

ipplan writes a plan from the data the stages build (``api.build_plan``), without pydantic;
so each plan is also checked to validate under the models and to be exactly what the
models would write (every key, in order, every value): the schema check the parse path
no longer runs is run here, on every plan these tests make.

The parser bugs it found (issue 12 B1b: one id twice from a marker in the wrong style or
repeated; a data row read as a table header with "year" columns far from the period) have
tests of their own below; no rejection is set aside."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, reject, settings
from hypothesis import strategies as st

from ipplan import api, emit
from ipplan.errors import IpplanError
from ipplan.parse.types import DecodedDocument
from ipplan.validate.check import check_text
from ipplan.validate.rules import Finding
from tests.conftest import ROOT, SAMPLE_TEXTS

DEV = ROOT.parent / "shared" / "corpus" / "dev"
DEV_DOCS = sorted(p for p in DEV.glob("*") if p.suffix in (".txt", ".html", ".htm", ".docx", ".pdf")) \
    if DEV.is_dir() else []


def findings(data: dict[str, Any]) -> list[Finding]:
    """Findings of the plan as ipplan writes it, in both formats; the plan must also be what
    the pydantic models make of it."""
    model = api.to_model(data)  # raises PlanValidationError if the schema rejects it
    dumped = model.model_dump(mode="json")
    assert emit.to_yaml(data) == emit.to_yaml(dumped)  # same keys in the same order, same values
    assert emit.to_json(data) == model.model_dump_json(indent=2) + "\n"  # the bytes pydantic writes
    out = []
    for kind, text in (("yaml", emit.to_yaml(data)), ("json", emit.to_json(data))):
        out += check_text(text, kind, f"plan.{kind}").findings
    return out


def parse_text(text: str) -> dict[str, Any]:
    return api.build_plan(DecodedDocument(text=text, path=None, sha256=None, encoding=None))


@pytest.mark.parametrize("path", SAMPLE_TEXTS, ids=lambda p: p.stem)
def test_sample_plans_validate(path: Path) -> None:
    assert findings(api.parse_file_data(path)) == []


@pytest.mark.parametrize("path", DEV_DOCS or [pytest.param(None, marks=pytest.mark.skip(
    reason="../shared/corpus/dev is absent (a clone of the repository alone)"))], ids=lambda p: p and p.name)
def test_dev_corpus_plans_validate(path: Path) -> None:
    assert findings(api.parse_file_data(path)) == []


#: Text inserted by mutations: outline markers, numbers YAML could misread, table rows,
#: responsibility clauses, absurd quantities, markup.
TOKENS = ["08", "09", "1e5", "0o17", "+.5", "1.", "二、", "（一）", "(1)", "①", "——", "9" * 400 + "件", "[/x]",
          "到2025年", "达到15件", "1-2个", "附件1", "序号 | 指标 | 2023年 | 2024年 |", "08 | 专利 (件) | 1 | 2 |",
          "\n", "。", "：", "牵头单位：", "(责任单位：市科技局)", "12.", "十一、", "（十）", "a: b", "- x", "2023年底达3件",
          "no", "~", "“4210”", "\u3000", "&x"]
_EDITS = st.lists(st.tuples(st.integers(0, 4), st.floats(0, 1), st.floats(0, 1), st.sampled_from(TOKENS)),
                  min_size=1, max_size=4)
_TEXTS = [p.read_text("utf-8") for p in SAMPLE_TEXTS]


def mutate(text: str, edits: list[tuple[int, float, float, str]]) -> str:
    lines = text.split("\n")
    for op, a, b, token in edits:
        i, j = int(a * (len(lines) - 1)), int(b * (len(lines) - 1))
        if op == 0 and len(lines) > 1:
            del lines[i]
        elif op == 1:
            lines.insert(i, lines[j])
        elif op == 2:
            lines[i], lines[j] = lines[j], lines[i]
        elif op == 3:
            k = int(b * len(lines[i]))
            lines[i] = lines[i][:k] + token + lines[i][k:]
        else:
            lines.insert(i, token + "全市专利达到5件。")
    return "\n".join(lines)


@settings(max_examples=80, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.filter_too_much])
@given(sample=st.integers(0, len(_TEXTS) - 1), edits=_EDITS)
def test_mutated_samples_parse_to_valid_plans(sample: int, edits: list[tuple[int, float, float, str]]) -> None:
    try:
        plan = parse_text(mutate(_TEXTS[sample], edits))
    except IpplanError:
        reject()
    assert findings(plan) == []


def test_outline_first_item_in_the_wrong_style() -> None:  # issue 12 B1b
    assert findings(parse_text("1.加强知识产权创造\n二、强化保护\n1.完善制度\n")) == []


def test_repeated_outline_marker() -> None:
    assert findings(parse_text("一、任务\n（一）甲。\n（二）乙。\n（二）乙。\n二、保障\n")) == []


def test_bare_number_header_is_not_a_year() -> None:
    """A targets table whose header row is lost takes a data row as its header; its bare
    numbers (2000) are far from the plan period, so they are no year columns (notice N004)."""
    text = ("一、目标\n（一）到2025年，全市发明专利达到1万件。\n附件\n"
            "7 | 知识产权司法诉讼案件一审审结 (件) | 2000 | 2000 | 2000 |\n"
            "8 | 知识产权仲裁和调解案件数量 (件) | 650 | 650 | 700 |\n"
            "9 | 建成省级商业秘密保护基地(个) | 30 | 30 | 40 |\n"
            "（2023-2025年）\n")
    plan = parse_text("临沂市知识产权工作方案（2022-2025年）\n" + text)
    assert findings(plan) == []
    assert not [t for t in plan["targets"] if t["year"] == 2000]
    assert any(n["code"] == "N004" and "2000" in n["message"] for n in plan["notices"])
