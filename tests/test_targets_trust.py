"""Targets an analyst can trust (issue 21): past results are no targets, neither are bans,
splits, conditions and counts of named things; forward targets, table cells and the shapes
of the shared dev documents are found. Every text here is written for its shape (a made-up
city and made-up numbers), with near-misses beside it; expected values come from reading it."""

from __future__ import annotations

import pytest

import ipplan
from ipplan.parse.targets import body_targets
from tests.helpers import HALF_TO_FULL, in_section
from tests.helpers import target_rows as targets



# ---------------------------------------------------------------- a work report: review and forward parts

REVIEW = ("一年来，全市地区生产总值增长5.8%，新增市场主体2.6万户，新建5G基站1800个，"
          "规上工业增加值增长7.1%、居全省第3位。")
FORWARD_AIMS = ("今年全市经济社会发展的主要预期目标是：地区生产总值增长6%左右；城镇新增就业2.5万人以上；"
                "居民消费价格涨幅3%左右；粮食产量稳定在45亿斤以上。")
FORWARD_TASKS = "新建5G基站1200个，改造老旧小区60个以上，每千人口托位达到4.5个。"
#: What the forward part commits to, read from the text (year: the report is for 2024).
EXPECTED_FORWARD = [
    ("地区生产总值", 6, "%", "~", 2024, "growth"),
    ("城镇新增就业", 25000, "人", ">=", 2024, "by_year"),
    ("居民消费价格涨幅", 3, "%", "~", 2024, "growth"),
    ("粮食产量", 4_500_000_000, "斤", ">=", 2024, "by_year"),
    ("5G基站", 1200, "个", "=", 2024, "by_year"),
    ("改造老旧小区", 60, "个", ">=", 2024, "by_year"),  # 改造 is what is measured (as the dev gold keeps 改造燃气管网)
    ("每千人口托位", 4.5, "个", "=", 2024, "by_year"),
]

SECTIONED_REPORT = (
    "各位代表：\n现在，我代表市人民政府向大会报告工作，请予审议。\n"
    "一、2023年工作回顾\n"
    f"过去的一年，全市上下攻坚克难。{REVIEW}\n"
    "一年来，主要做了以下工作：\n"
    "（一）狠抓项目建设。全年实施重点项目320个，完成投资410亿元。\n"
    "（二）持续改善民生。城镇新增就业2.4万人，筹集保障性租赁住房3200套。\n"
    "二、2024年政府工作安排\n"
    f"今年是实施“十四五”规划的关键一年。{FORWARD_AIMS}\n"
    "（一）扎实推进城市更新。" + FORWARD_TASKS + "\n"
)


def test_a_sectioned_report_gives_only_its_forward_targets_dated_to_the_report_year() -> None:
    plan = ipplan.parse_text(SECTIONED_REPORT)
    assert [(t.indicator, t.value, t.unit, t.op, t.year, t.kind) for t in plan.targets] == EXPECTED_FORWARD
    codes = [n.code for n in plan.notices]
    assert codes.count("N501") == 1  # one review part, said once
    assert "N401" not in codes  # its results are not "possible missed targets"


def test_a_flat_report_without_any_whitespace_gives_the_same_targets() -> None:
    """A one-line report: the review heading glued between sentences, its items after a colon,
    the forward part opened by a glued heading; read from the text alone (no sections)."""
    flat = ("各位代表：现在我代表市人民政府向大会报告工作。2023年工作回顾2023年是极不平凡的一年。" + REVIEW
            + "2023年，我们主要做了以下工作：（一）狠抓项目建设。全年实施重点项目320个，完成投资410亿元。"
            + "（二）持续改善民生。城镇新增就业2.4万人。对此，我们将认真加以解决。"
            + "2024年工作安排建议2024年是实施“十四五”规划的关键一年。" + FORWARD_AIMS + FORWARD_TASKS)
    found, reading = body_targets([(1, flat)], [])
    assert [(t.indicator, t.value, t.unit, t.op, t.year, t.kind) for t in found] == EXPECTED_FORWARD
    assert reading.review_year == 2023 and reading.report_year == 2024 and not reading.past
    # through the whole parser, whatever outline it finds in the line
    assert sorted(targets(flat), key=repr) == sorted(EXPECTED_FORWARD, key=repr)


def test_the_review_ends_with_its_section_and_a_plan_background_is_past() -> None:
    plan_text = ("某市知识产权发展规划（2021—2025年）\n"
                 "一、发展基础\n“十三五”期间，全市有效发明专利达到1.2万件，建成保护中心2家。\n"
                 "二、主要目标\n到2025年，有效发明专利达到2万件，建成保护中心4家。\n")
    assert targets(plan_text) == [("有效发明专利", 20000, "件", "=", 2025, "by_year"),
                                  ("保护中心", 4, "家", "=", 2025, "by_year")]


@pytest.mark.parametrize("text", [
    # a heading that builds on a base is a task, not a review
    "一、夯实发展基础\n建成保护中心4家。\n",
    # a preamble sentence about the past five years drops only itself
    "过去五年，全市发明专利授权量增长一倍。为巩固成果，制定本方案。\n一、目标\n建成保护中心4家。\n",
    # a 工作要点's own year heading is forward, with nothing to end
    "一、2024年重点工作\n建成保护中心4家。\n",
])
def test_near_misses_of_a_review_keep_their_targets(text: str) -> None:
    assert [t[:3] for t in targets(text)] == [("保护中心", 4, "家")]


def test_a_sentence_opening_with_the_reviewed_year_stays_in_the_review() -> None:
    """2023年是… inside the review of 2023 opens nothing; 2024年是… does."""
    found, _ = body_targets([(1, "2023年工作回顾2023年是开局之年。新增就业2万人。2024年是关键一年。新增就业3万人。")], [])
    assert [(t.value, t.year) for t in found] == [(30000, 2024)]


@pytest.mark.parametrize("text", [
    "专利授权量增长12%、居全省第2位。",
    "地区生产总值、一般公共预算收入分别增长6%、8%，分别居全省第4、第2位。",
    "发明专利拥有量增速居全国同类城市前10位，达到8000件。",
])
def test_a_ranking_reports_a_past_result(text: str) -> None:
    assert in_section(text) == []


# ---------------------------------------------------------------- what is not a target

@pytest.mark.parametrize("text", [
    "禁止生产和销售厚度低于0.025毫米的超薄塑料购物袋。",  # a ban
    "从业人员不得同时在两个以上机构执业。",  # a ban with a count
    "年度服务费的70%用于团队成员绩效分配，30%用于机构统筹。",  # a fee split
    "连续中断学习超过三个月者，取消培养资格。",  # a duration in a condition
    "在东城、西城、南岗等5个区先行试点。",  # a count of named things (等)
    "选取东城、西城、南岗、北林4个区开展试点。",  # as many names as the count
    "按年度采购总量的70%—80%估算首年采购量。",  # a rate used to compute an amount
    "按照每名导师带教3名学员的原则配备。",  # a rule of allocation
    "对完成改造的企业，省级给予一次性奖补80万元，单个企业最高300万元。",  # rewards and their cap
    "预计今年全市高校毕业生超过6万人。",  # a forecast
    "启动10万吨级散货泊位建设。",  # a size class
])
def test_not_targets(text: str) -> None:
    assert in_section(text) == []


def test_near_misses_of_what_is_not_a_target() -> None:
    assert [t[:2] for t in in_section("塑料购物袋使用量减少30%。")] == [("塑料购物袋使用量", 30)]
    assert [t[1:3] for t in in_section("新增东城、西城、南岗3个区的服务站12个。")] == [(12, "个")]
    assert [t[1:4] for t in in_section("选择东城、西城2个以上区开展试点。")] == [(2, "个", ">=")]
    # the size goes, the count stays (its indicator names the size, as the dev gold writes 投资过百亿元项目)
    assert [t[:2] for t in in_section("引进投资过20亿元项目3个以上。")] == [("投资过20亿元项目", 3)]


# ---------------------------------------------------------------- what is found

@pytest.mark.parametrize(("text", "expected"), [
    # a per-capita norm and a share
    ("每千人口托位达到3.8个。", [("每千人口托位", 3.8, "个", "=", None, "by_year")]),
    ("数字经济核心产业增加值占比20%以上。", [("数字经济核心产业增加值占比", 20, "%", ">=", None, "by_year")]),
    # the value on the clause after its indicator, with 达 / 达到 / 力争
    ("技术合同成交额稳步增长，力争达到80亿元。", [("技术合同成交额", 8e9, "元", "=", None, "by_year")]),
    ("每万人口高价值发明专利拥有量，到2026年达9件。", [("每万人口高价值发明专利拥有量", 9, "件", "=", 2026, "by_year")]),
    # an operator shared by coordinated objects
    ("每年完成不少于40个半天的跟诊笔记和15份临床医案。",
     [("跟诊笔记", 40, "半天", ">=", None, "annual"), ("临床医案", 15, "份", ">=", None, "annual")]),
    # an operator before the verb of a Chinese numeral
    ("每个县至少建设一所特殊教育学校。", [("特殊教育学校", 1, "所", ">=", None, "by_year")]),
    # a value shared by coordinated subjects
    ("规上企业研发机构覆盖率、数字化改造率均达到60%以上。",
     [("规上企业研发机构覆盖率", 60, "%", ">=", None, "by_year"), ("数字化改造率", 60, "%", ">=", None, "by_year")]),
    # a grade takes the head of the next item; a noun ends at a verb between two numbers
    ("年内创评2家五星级、4家四星级旅游饭店。",
     [("五星级旅游饭店", 2, "家", "=", None, "by_year"), ("四星级旅游饭店", 4, "家", "=", None, "by_year")]),
    ("组织500家企业参加30个以上境外展会。",
     [("企业", 500, "家", "=", None, "by_year"), ("境外展会", 30, "个", ">=", None, "by_year")]),
    # a change against last year measures the target before it
    ("赤字率拟按2.8%安排，赤字规模3200亿元，比上年增加200亿元。",
     [("赤字率", 2.8, "%", "=", None, "by_year"), ("赤字规模", 3.2e11, "元", "=", None, "by_year"),
      ("赤字规模", 2e10, "元", "=", None, "growth")]),
    # an index value and a count with a magnitude but no measure word
    ("居民消费价格指数控制在103左右。", [("居民消费价格指数", 103, None, "~", None, "by_year")]),  # no unit
    ("实现工业互联网标识注册量突破2亿。", [("工业互联网标识注册量", 2e8, None, ">", None, "by_year")]),
    # a bracketed 其中 aside
    ("滚动实施民生实事（其中新办8件，见附件）。", [("新办", 8, "件", "=", None, "by_year")]),
])
def test_found(text: str, expected: list[tuple]) -> None:
    assert in_section(text) == expected


def test_a_year_is_never_borrowed_for_a_span_of_its_own() -> None:
    """利用3-5年时间… is not due in the year of the sentence before; a total over a span is cumulative."""
    got = in_section("到2025年，建成示范基地5家。利用3-5年时间，力争培训约800名全科医生。")
    assert got == [("示范基地", 5, "家", "=", 2025, "by_year"), ("全科医生", 800, "名", "~", None, "cumulative")]


@pytest.mark.parametrize("text", [
    "对标先进城市，建成3个知识产权服务中心。",
    "对照国家标准，建成3个知识产权服务中心。",
])
def test_a_benchmark_is_no_condition(text: str) -> None:
    assert [t[:2] for t in in_section(text)] == [("知识产权服务中心", 3)]


@pytest.mark.parametrize("text", [FORWARD_AIMS, FORWARD_AIMS.translate(HALF_TO_FULL)])
def test_the_aims_list_of_a_report_in_both_widths(text: str) -> None:
    got = [t[:4] for t in in_section(text)]
    assert got == [e[:4] for e in EXPECTED_FORWARD[:4]]


# ---------------------------------------------------------------- target tables

def test_a_target_table_with_a_unit_column_and_a_base_year() -> None:
    text = ("某市知识产权发展规划（2021—2025年）\n一、主要指标\n"
            "序号 | 指标 | 单位 | 2020年 | 2025年 | 属性 |\n"
            "1 | 发明专利拥有量 | 件/万人 | 11.5 | 18 | 预期性 |\n"
            "2 | 知识产权质押融资登记金额 | 亿元 | 12 | ≥25 | 预期性 |\n")
    got = [(t.section, t.indicator, t.value, t.unit, t.op, t.year) for t in ipplan.parse_text(text).targets]
    assert got == [("table:1/1", "每万人发明专利拥有量", 18, "件", "=", 2025),
                   ("table:1/2", "知识产权质押融资登记金额", 2.5e9, "元", ">=", 2025)]


def test_a_goal_table_with_numbers_and_a_caption_year() -> None:
    text = ("一、主要指标\n湖滨市知识产权主要指标（2025年）\n"
            "序号 | 指标名称 | 单位 | 目标值 | 属性 |\n1 | 地理标志证明商标 | 件 | 35 | 预期性 |\n")
    got = [(t.indicator, t.value, t.unit, t.year) for t in ipplan.parse_text(text).targets]
    assert got == [("地理标志证明商标", 35, "件", 2025)]


def test_a_target_s_text_is_its_shortest_span() -> None:
    """The gold guide: the shortest span that holds the indicator, value and unit; a list item
    in a list, the clause otherwise."""
    plan = ipplan.parse_text("一、目标\n（一）具体目标。到2026年，建成省级示范园区8个、市级示范园区20个，累计培训5000人次。")
    assert [t.text for t in plan.targets] == ["建成省级示范园区8个", "市级示范园区20个", "累计培训5000人次"]
