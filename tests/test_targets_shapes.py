"""Targets on document shapes met outside the dev set (the generalisation round): laws give
none, the review part of a work report gives none whatever shape its parts take, and the
forward part gives its lists, value lists and coded goals. Every text is written for the test
(the shape of a real document, in other words), with near-misses beside it."""

from __future__ import annotations

import pytest

from ipplan.parse.targets import body_targets
from tests.helpers import in_section
from tests.helpers import target_rows as targets


# ---------------------------------------------------------------- the parts of a work report

REVIEW_ITEMS = ("一、稳住经济大盘\n全年地区生产总值增长6.1%，新增市场主体1.2万户。\n"
                "二、民生持续改善\n新建学校9所，城镇新增就业5600人。\n")
FORWARD_ITEMS = ("一、扩大有效投资\n实施重点项目300个以上，完成投资260亿元。\n"
                 "二、办好民生实事\n新建学校6所，改造老旧小区40个。\n")
FORWARD = [("重点项目", 300, "个", ">=", 2024, "by_year"), ("投资", 26_000_000_000, "元", "=", 2024, "by_year"),
           ("学校", 6, "所", "=", 2024, "by_year"), ("改造老旧小区", 40, "个", "=", 2024, "by_year")]


@pytest.mark.parametrize("between", [
    "2024年主要任务\n",  # an unnumbered part heading on its own line, no opener sentence after it
    "2024年政府工作的总体要求和主要目标\n",
    "",  # nothing between the runs: the numbering starting again ends the review
])
def test_an_unnumbered_review_part_ends_where_the_forward_part_starts(between: str) -> None:
    text = "各位代表：\n现在我代表市人民政府作报告。\n2023年工作回顾\n" + REVIEW_ITEMS + between + FORWARD_ITEMS
    assert sorted(targets(text), key=repr) == sorted(FORWARD, key=repr)


def test_a_heading_dated_to_the_reviewed_year_ends_no_review() -> None:
    """2023年主要工作 inside the review of 2023 is still the review."""
    found, reading = body_targets([(1, "2023年工作回顾"), (2, "2023年主要工作"), (3, "新建学校9所。")], [])
    assert found == [] and reading.past


def test_run_in_review_items_then_heading_only_forward_items() -> None:
    """(一)经济稳中向好。我们…  (run-in, past) then (一)扩大投资 (heading only) and paragraphs."""
    text = ("各位代表：\n2023年工作回顾\n（一）经济稳中向好。我们完成投资180亿元，增长9%。\n"
            "（二）民生持续改善。新建公租房800套。\n2024年工作安排\n（一）扩大投资\n"
            "新开工项目120个,完成投资200亿元以上。\n（二）改善民生\n新建公租房500套。\n")
    assert targets(text) == [("新开工项目", 120, "个", "=", 2024, "by_year"),
                             ("投资", 20_000_000_000, "元", ">=", 2024, "by_year"),
                             ("公租房", 500, "套", "=", 2024, "by_year")]


def test_a_plan_without_a_review_keeps_every_numbered_run() -> None:
    """A restart at 一 ends only a review: a plan with two numbered parts keeps both."""
    text = "一、主要目标\n建成服务中心4家。\n二、重点任务\n培育示范企业20家。\n一、保障措施\n设立引导基金1亿元。\n"
    assert [t[:3] for t in targets(text)] == [("服务中心", 4, "家"), ("示范企业", 20, "家"), ("引导基金", 100_000_000, "元")]


# ---------------------------------------------------------------- the forward part's lists

@pytest.mark.parametrize(("text", "expected"), [
    # one value per subject, with or without 分别; 城乡 is 城镇 and 农村
    ("城乡居民人均可支配收入分别增长7%和9%左右。",
     [("城镇居民人均可支配收入", 7, "%", "~", None, "growth"), ("农村居民人均可支配收入", 9, "%", "~", None, "growth")]),
    ("培育国家级、省级专精特新企业3家、25家。",
     [("国家级专精特新企业", 3, "家", "=", None, "by_year"), ("省级专精特新企业", 25, "家", "=", None, "by_year")]),
    ("全市与周边城市人才交流、技术合作和项目共建分别占比达25%、15%和5%。",
     [("与周边城市人才交流占比", 25, "%", "=", None, "by_year"), ("技术合作占比", 15, "%", "=", None, "by_year"),
      ("项目共建占比", 5, "%", "=", None, "by_year")]),
    # a list of targets is no list of names (two items, the second count 2)
    ("新增省级示范企业10家、智能工厂2家。",
     [("新增省级示范企业", 10, "家", "=", None, "by_year"), ("智能工厂", 2, "家", "=", None, "by_year")]),
    # coded goals: the name holds numbers, what it spells out are the targets
    ("力争实现“2个500”目标，“2个500”即新开工项目500亿元、竣工项目500亿元。",
     [("新开工项目", 50_000_000_000, "元", "=", None, "by_year"), ("竣工项目", 50_000_000_000, "元", "=", None, "by_year")]),
    ("“5个50”即地区生产总值比增50亿元以上。", [("地区生产总值", 5_000_000_000, "元", ">=", None, "growth")]),
    # projects counted after 等 are work to carry out; the capacities in their names are not targets
    ("确保某某产业园、某某电子等120个项目尽快开工，某公司10万吨铜杆、某某物流园等项目建成投产。",
     [("项目尽快开工", 120, "个", "=", None, "by_year")]),
    ("加快打造1个300亿元产值园区、2个100亿元产值园区。",
     [("300亿元产值园区", 1, "个", "=", None, "by_year"), ("100亿元产值园区", 2, "个", "=", None, "by_year")]),
    # full-width ％ and a commitment with 同比
    ("力争新签合同额、实际到位资金均同比增长8％以上。",
     [("新签合同额", 8, "%", ">=", None, "growth"), ("实际到位资金", 8, "%", ">=", None, "growth")]),
    # measures: 株 辆 米, and a bare magnitude before 亿
    ("义务植树200万株以上，整车出口5000辆，外贸进出口总额突破千亿元。",
     [("义务植树", 2_000_000, "株", ">=", None, "by_year"), ("整车出口", 5000, "辆", "=", None, "by_year"),
      ("外贸进出口总额", 100_000_000_000, "元", ">", None, "by_year")]),
    # 老年 is no year (annual), 确保 is a hedge, a joined verb goes with the verb before it
    ("确保建设社区老年食堂12个，新建和提升农村户厕3000座。",
     [("社区老年食堂", 12, "个", "=", None, "by_year"), ("农村户厕", 3000, "座", "=", None, "by_year")]),
])
def test_forward_lists(text: str, expected: list[tuple]) -> None:
    assert in_section(text) == expected


@pytest.mark.parametrize("text", [
    "针对首年零关税的1500种、五年内降税的900种出口商品，加大市场开拓力度。",  # a scope the clause points at
    "发挥城郊6个蔬菜基地示范作用。",
    "将人均收入高于6000元低于9000元的农户纳入监测。",  # a threshold of who qualifies
    "在500人以上安置点建立就业帮扶车间。",  # the population of the places named
    "深入开展“法律服务”进万家活动。",  # a campaign's name
    "推进某集团3万吨铜箔、某公司年产5万吨纸浆等项目建设。",  # capacities inside project names
    "新建制造业项目投资收益率原则上要不低于6%。",  # a norm for each project, not a level to reach
    "2025年3月27日，区卫生健康局召开推进会，各社区负责人共60人参加。",  # news: a dated event
    "各单位负责人共45人齐聚一堂。",  # news: attendance
    "本办法经2021年5月6日市人民政府十六届38次常务会议审议通过。",  # a meeting's number
])
def test_not_targets(text: str) -> None:
    assert in_section(text) == []


@pytest.mark.parametrize(("text", "expected"), [
    ("针对重点产业建成专利导航基地10个。", [("专利导航基地", 10)]),  # 针对 with a verb that builds
    ("53%以上的行政村生活污水得到治理。", [("行政村生活污水得到治理", 53)]),  # a share is a target
    ("在全市建成500个以上便民服务站。", [("便民服务站", 500)]),
    ("每个地区原则上至少建设一所示范学校。", [("示范学校", 1)]),  # 至少 is no norm word
])
def test_near_misses_stay_targets(text: str, expected: list[tuple]) -> None:
    assert [t[:2] for t in in_section(text)] == expected


def test_a_total_over_a_span_of_years_keeps_no_year_in_a_report() -> None:
    text = ("2023年工作回顾\n（一）稳增长。新建学校9所。\n2024年工作安排\n（一）建设城镇\n"
            "用3年时间打造特色村镇30个，新建学校6所。\n")
    assert targets(text) == [("特色村镇", 30, "个", "=", None, "cumulative"), ("学校", 6, "所", "=", 2024, "by_year")]


# ---------------------------------------------------------------- laws and regulations

def test_a_regulation_without_chapters_gives_no_targets() -> None:
    text = ("# 某市商事调解规定\n\n第一条 为了促进商事调解，制定本规定。\n\n"
            "第二条 调解组织应当在收到申请之日起十日内作出答复。\n\n"
            "第三条 违反本规定的，处一千元以上五万元以下罚款。\n\n第四条 调解员应当具有五年以上相关工作经验。\n")
    assert targets(text) == []
