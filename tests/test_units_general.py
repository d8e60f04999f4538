"""Responsibility clauses on the shapes of documents nobody tuned for (the generalisation round),
on texts written for these tests: an 实施意见 whose items, numbered straight through its （一）
groups, carry several （A牵头，B、C按职责分工配合） / （A负责） clauses between their sentences; a
label followed by 为 instead of a colon; a label spaced out by OCR or a justified layout; and the
near-misses of a 办法 exported from a legal database (duty articles, article captions in
brackets) and of a law."""

from __future__ import annotations

import pytest

import ipplan
from ipplan.parse.units import clause_units, find_clauses


def walk(sections):
    for s in sections:
        yield s
        yield from walk(s.children)


def units_by_section(text: str) -> dict[str, list[tuple[str, bool]]]:
    plan = ipplan.parse_text(text)
    return {s.id: [(u.name, u.lead) for u in s.units] for s in walk(plan.sections) if s.units}


# An 实施意见: 一、…三、, （一）… groups, items 1.–6. numbered through the groups and the parts;
# clauses closing sentences in mid-paragraph, supporting units 按职责分工配合 / 按职责配合, a
# lead named by its role in a working group (…专班牵头单位牵头), a manner before 负责.
OPINION = """一、总体目标
到2025年，全市与共建国家贸易额年均增长10%。
二、重点任务
（一）扩大货物贸易
1.扩大优势产品出口。编制重点国别关税对比清单。（市商务局负责）巩固传统产品出口优势。（市商务局牵头，芜湖海关配合）支持企业注册境外商标。（市商务局牵头，市农业农村局、市市场监管局按职责分工配合）
2.用好原产地规则。推广原产地证书自助打印，提高签证效率。（芜湖海关牵头，市贸促会、市商务局按职责分工配合）
（二）提升产业竞争力
3.推动产业链升级。围绕重点产业链强链补链。（市重点产业专班牵头单位牵头，市重点产业专班成员单位按职责分工配合）
4.加强标准化建设。培育标准化示范企业。（市工信局负责）支持企业参与标准制订修订。（市市场监管局负责）
三、保障措施
5.加强组织领导。发挥协调机制作用。（市开放工作领导小组成员单位按职责分工负责）
6.加强风险应对。建立重点联系企业机制，及时把握形势。（市商务局牵头，市外办、市港航集团按职责配合）
"""


def test_an_opinion_gives_every_clause_of_every_item() -> None:
    assert units_by_section(OPINION) == {
        "2.1.1": [("市商务局", False), ("市商务局", True), ("芜湖海关", False),
                  ("市商务局", True), ("市农业农村局", False), ("市市场监管局", False)],
        "2.1.2": [("芜湖海关", True), ("市贸促会", False), ("市商务局", False)],
        "2.2.3": [("市重点产业专班牵头单位", True), ("市重点产业专班成员单位", False)],
        "2.2.4": [("市工信局", False), ("市市场监管局", False)],
        "3.5": [("市开放工作领导小组成员单位", False)],
        "3.6": [("市商务局", True), ("市外办", False), ("市港航集团", False)],
    }


@pytest.mark.parametrize(("text", "expected"), [
    # "according to duties" in its spellings before a supporting verb or 负责
    ("（市交通局牵头，市港务集团按职责配合）", [("市交通局", True), ("市港务集团", False)]),
    ("（县发改局牵头，县财政局按照各自职能负责）", [("县发改局", True), ("县财政局", False)]),
    ("（区商务局牵头，区税务局根据职能分工落实）", [("区商务局", True), ("区税务局", False)]),
    # a 负责 beside 牵头 and 配合 carries out; it does not lead
    ("（市科技局牵头，市财政局配合，各县区政府负责落实）",
     [("市科技局", True), ("市财政局", False), ("各县区政府", False)]),
    # a role verb closes its names before a 、 or a space, never joining the next names to them
    ("（区商务局牵头、区税务局配合）", [("区商务局", True), ("区税务局", False)]),
    ("（区商务局牵头 区税务局、区财政局配合）", [("区商务局", True), ("区税务局", False), ("区财政局", False)]),
    ("（市科技局负责专利、商标工作）", [("市科技局", False)]),
    # without a 牵头, a 负责 beside a supporting verb leads (unchanged)
    ("（市科技局负责，市财政局配合）", [("市科技局", True), ("市财政局", False)]),
])
def test_manner_and_lead_forms(text: str, expected: list[tuple[str, bool]]) -> None:
    assert [(u.name, u.lead) for u in clause_units(text)] == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a label followed by 为 instead of a colon, in a bracket, opening a paragraph or a sentence
    ("开展技能培训。（责任单位为县人社局、县总工会）", [("县人社局", False), ("县总工会", False)]),
    ("（牵头单位为区发改委，配合单位为区财政局、各街道）", [("区发改委", True), ("区财政局", False), ("各街道", False)]),
    ("责任单位为镇农业服务中心、镇财政所。", [("镇农业服务中心", False), ("镇财政所", False)]),
    ("建设共享平台。牵头单位为市数据局；配合单位为市财政局。", [("市数据局", True), ("市财政局", False)]),
    ("完成系统改造。（9月底完成，牵头单位为区行政审批局）", [("区行政审批局", True)]),
    # a label spaced out by OCR or a justified layout
    ("优化审批流程。（责 任 单 位：市审批局、市住建局）", [("市审批局", False), ("市住建局", False)]),
    ("责 任 单 位：区民政局、区卫健委", [("区民政局", False), ("区卫健委", False)]),
    ("推进数据共享。（牵头 单位：市卫健委；配合　单位：市医保局）", [("市卫健委", True), ("市医保局", False)]),
])
def test_label_forms(text: str, expected: list[tuple[str, bool]]) -> None:
    assert [(u.name, u.lead) for u in clause_units(text)] == expected


@pytest.mark.parametrize("text", [
    # 为 after a label that names no organ, or after a label that defines rather than assigns
    "（责任单位为落实主体）",
    "建立台账。责任单位为第一责任人，要亲自部署。",
    "责任单位为项目承担企业的，应当按期报送进展。",
    "主管部门为县级以上人民政府商务主管部门。",
    "实行清单管理。责任主体为各政务部门。",
    "（年内完成，实施单位为申报企业）",
    # a spaced-out label that is the subject of a sentence, not a list
    "各责 任 单 位要加强协调。",
    # the supporting verb with its manner but no names
    "（有关部门按职责分工配合）",
])
def test_label_near_misses(text: str) -> None:
    assert find_clauses(text) == []


# A 办法 as a legal database exports it: chapters, articles whose bracketed caption stands on its
# own line, duty articles naming departments (负责…, 由…负责, 具体负责, 予以配合), and none of it
# a responsibility clause.
MEASURES = """第一章　总则
　　第一条　（目的和依据）
　　为了规范政务数据管理，根据有关法律、法规，结合本市实际，制定本办法。
　　第二条　（管理机构）
　　市政务数据主管部门负责统筹协调、指导监督全市政务数据管理工作。
　　区数据资源主管部门具体负责本辖区政务数据共享工作。
　　第三条　（监督部门、执法部门）
　　城区以外公共数据的归集，由所在区人民政府负责。
　　申请人提出复核的，数据提供部门应当予以配合。
第二章　附则
　　第四条　（解释部门）
　　本办法由市人民政府办公室负责解释。
"""


def test_a_measures_text_states_duties_not_clauses() -> None:
    assert clause_units(MEASURES) == []
    plan = ipplan.parse_text(MEASURES)
    assert [s.id for s in walk(plan.sections) if s.units] == []


@pytest.mark.parametrize("text", [
    "第五条　（管理机构）",
    "　　第十二条　（监督部门、执法部门）",
    "三、（市科技局、市财政局）",
])
def test_a_caption_after_a_marker_is_no_clause(text: str) -> None:
    assert find_clauses(text) == []


def test_a_clause_closing_a_sentence_still_counts_after_its_marker() -> None:
    """The caption rule looks at the sentence before the bracket, not the line's start."""
    assert [u.name for u in clause_units("第五条　加快建设服务平台。（市科技局、市财政局）")] == ["市科技局", "市财政局"]
