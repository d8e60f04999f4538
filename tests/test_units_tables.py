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


# ---------------------------------------------------------------- issue 15: clause forms


FORMS = [
    ("（总牵头单位：市市场监管局）", [("市市场监管局", (), True)]),
    ("推进工作（市科技局、市财政局按职责分工负责）", [("市科技局", (), False), ("市财政局", (), False)]),
    ("推进工作（市科技局负责，市财政局参与）", [("市科技局", (), True), ("市财政局", (), False)]),
    ("推进工作（市科技局负责，市财政局配合）", [("市科技局", (), True), ("市财政局", (), False)]),
    ("推进工作（生态环境部牵头，国家发展改革委、国家统计局参与）",
     [("生态环境部", (), True), ("国家发展改革委", (), False), ("国家统计局", (), False)]),
    ("推进工作（工业和信息化部、商务部指导）", [("工业和信息化部", (), False), ("商务部", (), False)]),
    ("推进工作。【责任单位】市科技局、市教育局", [("市科技局", (), False), ("市教育局", (), False)]),
    ("推进工作。[责任单位：市科技局]", [("市科技局", (), False)]),
    ("由省教育厅牵头，会同有关方面推进，省财政厅做好配合。", [("省教育厅", (), True), ("省财政厅", (), False)]),
    ("推进工作（责任单位：市科技局、市教育局等有关部门）", [("市科技局", (), False), ("市教育局", (), False)]),
    ("推进工作（责任单位：市科技局等单位）", [("市科技局", (), False)]),
    ("推进工作（责任单位：各市（含定州、辛集市，下同）政府）", [("各市（含定州、辛集市，下同）政府", (), False)]),
    ("推进工作（生态环境部指导，试点城市政府负责落实。以下均需试点城市政府落实，不再列出）",
     [("生态环境部", (), False), ("试点城市政府", (), False)]),
    ("推进工作（技工院校内由人力资源社会保障行政部门负责）", [("人力资源社会保障行政部门", (), False)]),
    # near-misses
    ("中医药局要发挥牵头作用，各部门积极配合。", []),
    ("推进工作（中医药局要发挥牵头作用）", []),
    ("推进工作（企业负责）", []),
    ("推进工作（含定州、辛集市，下同）", []),
    ("各责任单位要加强协调。", []),
]


@pytest.mark.parametrize(("text", "expected"), FORMS, ids=lambda v: v[:24] if isinstance(v, str) else None)
def test_clause_forms(text: str, expected: list[tuple]) -> None:
    assert units(text) == expected


def test_several_clauses_in_one_item_and_a_wrapped_clause() -> None:
    plan = ipplan.parse_text("一、任务\n1.甲。内容。（市科技局负责）再做一件事。（市教育局负责）\n"
                             "2.乙。内容。（责任单位：市财政局、\n市商务局）")
    first, second = plan.sections[0].children
    assert [u.name for u in first.units] == ["市科技局", "市教育局"]
    assert [(u.name, u.line) for u in second.units] == [("市财政局", 3), ("市商务局", 3)]


def test_a_clause_alone_after_a_block_of_items_belongs_to_their_parent() -> None:
    plan = ipplan.parse_text("一、任务\n（一）强化创造\n1.甲。内容。\n2.乙。内容。\n（责任单位：市科技局）\n（二）加强保护。内容。")
    first = plan.sections[0].children[0]
    assert [u.name for u in first.units] == ["市科技局"]
    assert all(c.units == [] for c in first.children)


@pytest.mark.parametrize(("text", "deadline"), [
    ("推进工作。（责任单位：市科技局；完成时限：2023年底前）", "2023年底前"),
    ("推进工作。（市科技局负责，2023年6月底前完成）", "2023年6月底前完成"),
    ("推进工作。（责任单位：市科技局）", None),
])
def test_deadlines_in_clauses_are_kept_apart(text: str, deadline: str | None) -> None:
    section = ipplan.parse_text("一、任务\n（一）甲。" + text).sections[0].children[0]
    assert [u.name for u in section.units] == ["市科技局"] and section.deadline == deadline


TASKS = """一、任务
（一）甲。内容。
附件2关于工作的任务分工表 | 附件2关于工作的任务分工表 | 附件2关于工作的任务分工表 | 附件2关于工作的任务分工表 | 附件2关于工作的任务分工表 |
序号 | 工作事项 | 牵头单位 | 配合单位 | 市卫健委内牵头处室 |
一、保护方面 | 一、保护方面 | 一、保护方面 | 一、保护方面 | 一、保护方面 |
1 | 扩大来源。 | 各区政府 | 市卫生健康委、市人社局 | 人事处 |
2 | 优化团队。 | 市医保局 | / | 基层处 |
"""


def test_every_role_column_is_kept_and_leads_are_marked() -> None:
    plan = ipplan.parse_text(TASKS)
    table = plan.tables[0]
    assert table.title == "附件2关于工作的任务分工表" and table.header[0] == "序号"
    assert [(t.row, [(u.name, u.lead) for u in t.units]) for t in table.tasks] == [
        ("1", [("各区政府", True), ("市卫生健康委", False), ("市人社局", False)]),
        ("2", [("市医保局", True)]),
    ]


@pytest.mark.parametrize("column", ["责任单位", "责任主体", "指导部门"])
def test_other_role_columns(column: str) -> None:
    plan = ipplan.parse_text(f"一、任务\n序号 | 改革举措 | {column} |\n1 | 举措 | 最高人民法院、国家知识产权局等 |\n")
    assert [u.name for u in plan.tables[0].tasks[0].units] == ["最高人民法院", "国家知识产权局"]


def test_indicator_table_with_goals_as_text() -> None:
    plan = ipplan.parse_text("一、目标\n一级指标 | 二级指标 | 评价标准 |\n数量 | 1.签约服务覆盖率 | 2023年达到80%，力争2035年达到95%。 |\n")
    got = [(t.section, t.indicator, t.value, t.unit, t.year) for t in plan.targets]
    assert got == [("table:1/1", "签约服务覆盖率", 80, "%", 2023), ("table:1/1", "签约服务覆盖率", 95, "%", 2035)]
