"""Responsibility clauses of issue 21, on real-shaped texts written for these tests: a clause in
each item's own bracket or span, several clauses in one item, A牵头，B配合 inside a paragraph, a
labelled list after a deadline in one bracket (an assessment attachment's tasks), and the
near-misses (glosses, aliases, duties stated by a regulation's articles)."""

from __future__ import annotations

import pytest

import ipplan
from ipplan.parse.units import clause_units, find_clauses


def units(text: str) -> list[tuple[str, bool]]:
    return [(u.name, u.lead) for u in clause_units(text)]


def walk(sections):
    for s in sections:
        yield s
        yield from walk(s.children)


# An action plan: items numbered 1．… (full-width point) inside （一） groups, each item closing
# with its own （责任单位：…） whose groups are separated by ， as well as 、.
ACTION_PLAN = """一、总体要求
（一）发展目标
到2025年，全区知识产权综合实力明显提升。
二、重点任务
（一）创造提质行动。
1．培育高价值专利。围绕主导产业布局一批高价值专利组合。（责任单位：区市场监管局、区科技局，各街道办事处）
2．推进专利导航。在重点产业开展专利导航分析。（责任单位：区科技局，区产业园管委会、各重点企业）
（二）保护强化行动。
3．健全快速维权机制。（责任单位：区市场监管局〔区知识产权局〕、区公安分局，各街道办事处）
"""


def test_each_item_keeps_its_own_bracket() -> None:
    plan = ipplan.parse_text(ACTION_PLAN)
    got = {s.id: [u.name for u in s.units] for s in walk(plan.sections) if s.units}
    assert got == {
        "2.1.1": ["区市场监管局", "区科技局", "各街道办事处"],
        "2.1.2": ["区科技局", "区产业园管委会", "各重点企业"],
        "2.2.3": ["区市场监管局", "区公安分局", "各街道办事处"],
    }
    third = next(s for s in walk(plan.sections) if s.id == "2.2.3")
    assert third.units[0].aliases == ["区知识产权局"]


# An assessment attachment: tasks closing with a score bracket, then a deadline (or a pace) and
# the lead assessment unit in one bracket.
ASSESSMENT = """一、政务服务（20分）
（一）平台建设（3分）
1．推进事项全程网办，完成适老化改造。（0.5分）（6月底完成，牵头考核单位：区行政审批局）
2．升级热线平台，建立工作机制。（持续推进，牵头考核单位：区政府办公室、区公安分局）
3．建设电子证照库。（1分）（按进度推进，牵头考核单位：区大数据中心）
4．建立统一考核机制。各牵头考核单位要加强对各部门的督导。
"""


def test_a_lead_unit_after_a_deadline_in_one_bracket() -> None:
    plan = ipplan.parse_text(ASSESSMENT)
    got = [(s.id, [(u.name, u.lead) for u in s.units], s.deadline) for s in walk(plan.sections) if s.level == 3]
    assert got == [
        ("1.1.1", [("区行政审批局", True)], "6月底完成"),
        ("1.1.2", [("区政府办公室", True), ("区公安分局", True)], "持续推进"),
        ("1.1.3", [("区大数据中心", True)], "按进度推进"),
        ("1.1.4", [], None),
    ]


# A national annual plan: several clauses in one item, each closing its sentence.
NATIONAL_ITEM = ("1.推进专利法实施细则修改。做好商标法修改论证。（市场监管总局、知识产权局负责）"
                 "推进植物新品种保护条例修订。（农业农村部、国家林草局按职责分别负责）"
                 "研究制定数据知识产权保护规则。（知识产权局牵头，各地区按职责分工负责）")


def test_several_clauses_in_one_item() -> None:
    assert units(NATIONAL_ITEM) == [("市场监管总局", False), ("知识产权局", False), ("农业农村部", False),
                                    ("国家林草局", False), ("知识产权局", True), ("各地区", False)]
    plan = ipplan.parse_text("一、完善制度\n（一）完善法律法规\n" + NATIONAL_ITEM)
    item = plan.sections[0].children[0].children[0]
    assert len(item.units) == 6


@pytest.mark.parametrize(("text", "expected"), [
    # several 负责 clauses in one bracket, each naming its part
    ("（县教育局负责中小学部分，县人社局负责技工院校部分）", [("县教育局", False), ("县人社局", False)]),
    ("（市科技局牵头组织实施，市财政局配合做好资金保障）", [("市科技局", True), ("市财政局", False)]),
    # names alone sharing the next group's verb
    ("（省科技厅、省教育厅，各市人民政府负责）", [("省科技厅", False), ("省教育厅", False), ("各市人民政府", False)]),
    # A牵头，B配合 between commas in the middle of a paragraph, with and without 由
    ("加强协作。建立执法协作机制，区市场监管局牵头，区公安分局、区人民法院配合，每季度通报一次案件。",
     [("区市场监管局", True), ("区公安分局", False), ("区人民法院", False)]),
    ("完善服务体系，由州科技局牵头，州财政局、州商务局参与，年内建成服务平台。",
     [("州科技局", True), ("州财政局", False), ("州商务局", False)]),
    # a sentence that is nothing but names and role verbs
    ("开展知识产权进园区活动。县市场监管局、县工商联负责。", [("县市场监管局", False), ("县工商联", False)]),
    # a labelled list opening a sentence inside the paragraph, a (牵头) mark after a name
    ("完善公共服务网点布局。责任单位：市市场监管局（牵头）、市科技局。下一步持续推进。",
     [("市市场监管局", True), ("市科技局", False)]),
    # organ names alone in the bracket that closes the item
    ("加快建设知识产权保护中心。（市市场监管局、市发展改革委）", [("市市场监管局", False), ("市发展改革委", False)]),
    ("推动专利转化专项计划落地（省知识产权局、各市人民政府）。", [("省知识产权局", False), ("各市人民政府", False)]),
    # a 、-run of levels sharing one organ is one name
    ("推进工作。（责任单位：各市、县人民政府，省市场监管局）", [("各市、县人民政府", False), ("省市场监管局", False)]),
    ("推进工作。（市科技局会同有关部门负责）", [("市科技局", False)]),
])
def test_clause_shapes(text: str, expected: list[tuple[str, bool]]) -> None:
    assert units(text) == expected


@pytest.mark.parametrize("text", [
    # glosses and aliases: a bracket of names that is no clause
    "设立知识产权工作领导小组（以下简称领导小组办公室），统筹推进工作。",
    "覆盖全市各级政府（含各县区人民政府、各开发区管委会）。",
    "加强与有关部门（如市科技局、市经信局等）的协作。",
    "领导小组办公室设在市市场监督管理局（市知识产权局）。",
    "鼓励家庭医生（团队）提供签约服务。",
    "建设国家级知识产权保护中心（南通分中心），服务重点产业。",
    "（县知识产权局）",
    # 牵头 / 配合 / 负责 in prose about duties
    "中医药局要发挥牵头作用，各部门积极配合。",
    "建立联席会议制度，市科技局牵头，定期会商重大事项。",
    "公安、市场监管、城管执法等部门积极配合监控视频接入。",
    "配合市发改委做好涉企信用数据整合和平台对接工作。",
    "日常工作由市中医管理局科教处负责。",
    "本政策自2021年开始执行，由省经济和信息化厅负责解释。",
    "按照“谁主管、谁提供、谁负责”原则，梳理完善共享目录。",
    # a deadline bracket whose label is a subject, not a list
    "完成考核。（6月底完成，牵头考核单位要加强督导）",
])
def test_near_misses(text: str) -> None:
    assert find_clauses(text) == []


REGULATION = """第一章 总则
第一条 为了鼓励发明创造，保护专利权人的合法权益，结合本省实际，制定本条例。
第二条 县级以上人民政府专利行政部门负责本行政区域内的专利工作。
县级以上人民政府科技、工业和信息化、农业等部门按照各自职责，做好专利相关工作。
第三条 涉外专利侵权纠纷的处理，由省专利行政部门负责，必要时可以指定设区的市专利行政部门处理。
第四条 专利行政部门查处假冒专利行为，公安、市场监管等部门应当协同配合。
第五条 本条例由省人民政府专利行政部门负责解释。
"""


def test_a_regulation_states_duties_not_clauses() -> None:
    """Articles saying which department does what are provisions, not responsibility clauses
    (the gold of the shared regulations records no units)."""
    assert clause_units(REGULATION) == []
    plan = ipplan.parse_text(REGULATION)
    assert [s.units for s in walk(plan.sections) if s.units] == []


def test_a_bracket_of_names_on_its_own_line_after_an_item() -> None:
    """A page that prints each item's clause in its own paragraph: two names or more alone in a
    bracket are the item's units; one name alone is not read (a signature prints one)."""
    plan = ipplan.parse_text("一、重点任务\n1.建设知识产权服务站。\n（县市场监管局、县科技局）\n"
                             "2.开展专利导航。\n（县工信局、县发改局）\n3.做好总结。\n（县知识产权局）\n")
    assert [[u.name for u in s.units] for s in plan.sections[0].children] == [
        ["县市场监管局", "县科技局"], ["县工信局", "县发改局"], []]


@pytest.mark.parametrize(("paragraph", "names", "n402"), [
    ("领导小组办公室设在县市场监督管理局（县知识产权局）。", [], False),  # an alias, no clause missed
    ("统筹推进全县知识产权工作（以下简称县知识产权局）。", [], False),  # a gloss
    ("加快建设县级知识产权服务站。（县市场监管局、县科技局）", ["县市场监管局", "县科技局"], False),
    ("加快建设县级知识产权服务站（县市场监管局、县科技局负有监管责任）。", [], True),  # a possible miss, said
])
def test_possible_missed_clauses_are_neither_glosses_nor_aliases(paragraph: str, names: list[str], n402: bool) -> None:
    plan = ipplan.parse_text("一、保障措施\n（一）加强协调\n" + paragraph)
    section = plan.sections[0].children[0]
    assert [u.name for u in section.units] == names
    assert any(n.code == "N402" for n in plan.notices) == n402
