"""One notice system: every notice is made with its code where a stage notices it; a plan's
``warnings`` (kept for v1 readers) are the notices' messages; nothing maps English wording to
codes."""

from __future__ import annotations

from pathlib import Path

import pytest

import ipplan
from ipplan.parse import readers
from ipplan.parse.repair import REPAIR_RULES
from ipplan.parse.types import RawDocument
from ipplan.parse.vocab.notices import NOTICE_KINDS, NoticeRef
from tests.conftest import SAMPLE_TEXTS

KNOWN = {k.code for k in NOTICE_KINDS} | {r.code for r in REPAIR_RULES}
IPPLAN = Path(ipplan.__file__).parent


def codes(plan) -> list[tuple[str, int | None]]:  # type: ignore[no-untyped-def]
    return [(n.code, n.line) for n in plan.notices]


@pytest.mark.parametrize(("text", "expected"), [
    ("一、目标\n（一）甲\n（三）乙", [("N201", 3)]),  # （三） after （一）
    ("一、目标\n（一）甲\n（一）乙", [("N202", 3)]),
    ("一、目标\n（二）甲", [("N203", 2)]),
    ("为推进工作，制定本方案。", [("N205", None)]),
    ("一、目标\n| 序号 | 任务 | 责任单位 |\n| 1 | 加强保护 |\n| 2 | 建设中心 | 市科技局 | 多余 |",
     [("N301", 3), ("N301", 4)]),  # a first row narrower than its header (no row above to fill it), one wider
])
def test_notices_carry_the_code_of_what_was_noticed(text: str, expected: list) -> None:
    plan = ipplan.parse_text(text)
    assert codes(plan) == expected
    assert plan.warnings == [n.message for n in plan.notices]


def test_reader_notices_are_coded_where_they_are_noticed() -> None:
    lost = readers.decode(RawDocument("一、目标\n建设\ufffd\ufffd中心".encode()))
    assert [n.code for n in lost.notices] == ["N002"]
    french = readers.decode(RawDocument("Plan stratégique de la propriété intellectuelle, 2023".encode()))
    assert [n.code for n in french.notices] == ["N003"]
    # A forced codec that reads no Chinese where no other codec does either (where another
    # does, it is an error: tests/test_charset.py).
    forced = readers.decode(RawDocument("Plan stratégique, 2023".encode("utf-8")), "latin-1")
    assert [n.code for n in forced.notices] == ["N001"]
    assert all(isinstance(n, NoticeRef) for d in (lost, french, forced) for n in d.notices)


@pytest.mark.parametrize("path", SAMPLE_TEXTS, ids=lambda p: p.stem)
def test_warnings_are_the_notices_messages(path: Path) -> None:
    plan = ipplan.parse_text(path.read_text("utf-8"))
    assert plan.warnings == [n.message for n in plan.notices]
    assert {n.code for n in plan.notices} <= KNOWN


def test_nothing_maps_wording_to_codes() -> None:
    for path in IPPLAN.rglob("*.py"):
        source = path.read_text("utf-8")
        assert "from_warning" not in source and "_LEGACY" not in source, path


def test_the_summary_counts_in_plain_english() -> None:
    from ipplan.parse.vocab.notices import summary

    assert summary(["N501", "N501", "N401"]) == "3 notices: 2 reviews of past results, 1 possible missed target"
    assert summary(["N501"]) == "1 notice: 1 review of past results"
