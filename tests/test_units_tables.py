"""Responsibility clauses and tables."""

from __future__ import annotations

import pytest

import ipplan
from ipplan.parse.units import clause_units, parse_unit_list
from tests.helpers import HALF_TO_FULL


def units(text: str) -> list[tuple]:
    return [(u.name, u.aliases, u.lead) for u in clause_units(text)]


CLAUSES = [
    ("推进工作。(责任单位:市市场监管局〔市知识产权局〕、市经信局、市科技局)",
     [("市市场监管局", ("市知识产权局",), False), ("市经信局", (), False), ("市科技局", (), False)]),
    ("推进工作。(责任单位:市委宣传部(市新闻出版局)、各县(市、区)政府)",
     [("市委宣传部", ("市新闻出版局",), False), ("各县(市、区)政府", (), False)]),
    ("推进工作。(牵头单位:市科技局;配合单位:市财政局、市教育局)",
     [("市科技局", (), True), ("市财政局", (), False), ("市教育局", (), False)]),
    ("推进工作。(市科技局、市财政局负责)", [("市科技局", (), False), ("市财政局", (), False)]),
    ("推进工作。(市科技局牵头,市财政局配合)", [("市科技局", (), True), ("市财政局", (), False)]),
    ("推进工作。(责任单位:市市场监管局,市商务局、国家金融监管总局临沂监管分局)",
     [("市市场监管局", (), False), ("市商务局", (), False), ("国家金融监管总局临沂监管分局", (), False)]),
    ("推进工作。(责任单位:知识产权战略实施领导小组各成员单位)", [("知识产权战略实施领导小组各成员单位", (), False)]),
    ("推进工作。\n责任单位:市科技局、市教育局", [("市科技局", (), False), ("市教育局", (), False)]),
    ("加强保护(含商业秘密)。", []),
]


@pytest.mark.parametrize(("text", "expected"), CLAUSES + [(t.translate(HALF_TO_FULL), [
    (n.translate(HALF_TO_FULL), tuple(a.translate(HALF_TO_FULL) for a in al), lead) for n, al, lead in e])
    for t, e in CLAUSES], ids=lambda v: v[:20] if isinstance(v, str) else None)
def test_clause_units(text: str, expected: list[tuple]) -> None:
    assert units(text) == expected


def test_star_marks_leads_in_a_list() -> None:
    got = [(u.name, u.lead) for u in parse_unit_list("*市科技局、*市市场监管局、市委宣传部(市新闻出版局),各县(市、区)政府")]
    assert got == [("市科技局", True), ("市市场监管局", True), ("市委宣传部", False), ("各县(市、区)政府", False)]


def test_units_attach_to_their_own_section() -> None:
    plan = ipplan.parse_text("一、任务\n1.甲。内容。(责任单位:市科技局)\n2.乙。内容。(责任单位:市教育局)")
    assert [[u.name for u in s.units] for s in plan.sections[0].children] == [["市科技局"], ["市教育局"]]
    assert plan.sections[0].units == []


RESP = """一、任务
（一）甲。内容。
附件1
重点工作责任分解表
序号 | 重点工作 | 主要内容 | 责任单位 |
1 | 实施专利工程 | 开展专利布局。 | *市市场监管局、市科技局 |
2 | 开展统计分析。 | 市统计局 | |
3 | 实施品牌工程 | 培育品牌。 | 市商务局 |
注:标记*的为牵头单位
附件2
阶段性目标
序号 | 主要指标 | 2023年 | 2024年 |
1 | 发明专利年申请量 (件) | 16000 | 18000 |
2 | 质押融资登记额累计 (亿元) | 100 | 150 |
"""


def test_responsibility_table_restores_merged_cells() -> None:
    plan = ipplan.parse_text(RESP)
    table = plan.tables[0]
    assert (table.index, table.title, table.kind) == (1, "重点工作责任分解表", "responsibility")
    assert table.rows[1] == ["2", "实施专利工程", "开展统计分析。", "市统计局"]
    assert [(t.row, t.work, [(u.name, u.lead) for u in t.units]) for t in table.tasks] == [
        ("1", "实施专利工程", [("市市场监管局", True), ("市科技局", False)]),
        ("2", "实施专利工程", [("市统计局", False)]),
        ("3", "实施品牌工程", [("市商务局", False)]),
    ]


def test_target_table_gives_one_target_per_cell() -> None:
    plan = ipplan.parse_text(RESP)
    table = plan.tables[1]
    assert (table.index, table.kind, table.title) == (2, "targets", "阶段性目标")
    got = [(t.section, t.indicator, t.value, t.unit, t.year, t.kind) for t in plan.targets]
    assert got == [
        ("table:2/1", "发明专利年申请量", 16000, "件", 2023, "annual"),
        ("table:2/1", "发明专利年申请量", 18000, "件", 2024, "annual"),
        ("table:2/2", "质押融资登记额", 1e10, "元", 2023, "cumulative"),
        ("table:2/2", "质押融资登记额", 1.5e10, "元", 2024, "cumulative"),
    ]


def test_page_metadata_block_is_not_a_table() -> None:
    plan = ipplan.parse_text("索引号 | 001/2022-1 | ||\n文号 | 温政办〔2022〕73 号 | 有效性 | 有效 |\n一、目标")
    assert plan.tables == [] and plan.meta.doc_number == "温政办〔2022〕73号"
