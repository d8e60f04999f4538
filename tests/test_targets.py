"""Target rules, one phenomenon per group, half- and full-width punctuation alike."""

from __future__ import annotations

import pytest

import ipplan
from ipplan.parse.vocab.measures import MEASURES, unit_scale
from tests.helpers import HALF_TO_FULL


def targets(text: str) -> list[tuple]:
    """(indicator, value, value_max, unit, op, year, kind) of a one-section plan."""
    plan = ipplan.parse_text(f"一、目标\n（一）具体目标。{text}")
    return [(t.indicator, t.value, t.value_max, t.unit, t.op, t.year, t.kind) for t in plan.targets]


def both_widths(cases):
    out = []
    for text, expected in cases:
        out.append(pytest.param(text, expected, id=text[:24]))
        full = text.translate(HALF_TO_FULL)
        if full != text:
            full_expected = [tuple(v.translate(HALF_TO_FULL) if isinstance(v, str) else v for v in row) for row in expected]
            out.append(pytest.param(full, full_expected, id="full:" + text[:20]))
    return out


ORDER = both_widths([
    # number after the indicator
    ("到2025年,每万人高价值发明专利拥有量达到15件以上。", [("每万人高价值发明专利拥有量", 15, None, "件", ">=", 2025, "by_year")]),
    ("每万人口高价值发明专利拥有量不低于8.5件。", [("每万人口高价值发明专利拥有量", 8.5, None, "件", ">=", None, "by_year")]),
    # number before the indicator; 以上 belongs to 市级
    ("到2025年,建成30家市级以上专利导航服务基地。", [("市级以上专利导航服务基地", 30, None, "家", "=", 2025, "by_year")]),
    ("建设2个以上专利导航产业服务基地。", [("专利导航产业服务基地", 2, None, "个", ">=", None, "by_year")]),
    ("引进10名左右知识产权领军人才。", [("知识产权领军人才", 10, None, "名", "~", None, "by_year")]),
])

MAGNITUDES = both_widths([
    ("有效发明专利拥有量达到1.8万件。", [("有效发明专利拥有量", 18000, None, "件", "=", None, "by_year")]),
    ("知识产权质押融资金额力争达到50亿元。", [("知识产权质押融资金额", 5e9, None, "元", "=", None, "by_year")]),
    ("培训知识产权人才3万人次。", [("培训知识产权人才", 30000, None, "人次", "=", None, "by_year")]),
    ("每年实施百项发明专利产业化项目。", [("发明专利产业化项目", 100, None, "项", "=", None, "annual")]),
    ("专利密集型产业增加值占GDP比重达到15%。", [("专利密集型产业增加值占GDP比重", 15, None, "%", "=", None, "by_year")]),
    ("资助资金达到500万元。", [("资助资金", 5e6, None, "元", "=", None, "by_year")]),
])

OPERATORS = both_widths([
    ("发明专利年申请量突破2万件。", [("发明专利年申请量", 20000, None, "件", ">", None, "annual")]),
    ("知识产权仲裁和调解案件数量超2000件。", [("知识产权仲裁和调解案件数量", 2000, None, "件", ">", None, "by_year")]),
    ("新增知识产权人才不少于500名。", [("新增知识产权人才", 500, None, "名", ">=", None, "by_year")]),
    ("非正常专利申请控制在100件以内。", [("非正常专利申请", 100, None, "件", "<=", None, "by_year")]),
    ("结案周期不超过30天。", [("结案周期", 30, None, "天", "<=", None, "by_year")]),
    ("创建1—2个知识产权强国建设试点示范园区。", [("知识产权强国建设试点示范园区", 1, 2, "个", "range", None, "by_year")]),
    ("增设快速维权中心1至2家。", [("快速维权中心", 1, 2, "家", "range", None, "by_year")]),
    ("建成3-4个引领型知识产权强省。", [("引领型知识产权强省", 3, 4, "个", "range", None, "by_year")]),
])

LISTS = both_widths([
    ("建成省级商业秘密保护基地100个、市级基地200个。",
     [("省级商业秘密保护基地", 100, None, "个", "=", None, "by_year"),  # 市级基地 completed from its neighbour (TG30)
      ("市级商业秘密保护基地", 200, None, "个", "=", None, "by_year")]),
    ("引领型、支撑型和特色型知识产权强省建设试点省原则上分别不超过5个、7个和6个。",
     [("引领型知识产权强省建设试点省", 5, None, "个", "<=", None, "by_year"),
      ("支撑型知识产权强省建设试点省", 7, None, "个", "<=", None, "by_year"),
      ("特色型知识产权强省建设试点省", 6, None, "个", "<=", None, "by_year")]),
    ("建成5家以上全国版权示范园区(基地)、10家以上省级版权示范单位、示范园区(基地)。",
     [("全国版权示范园区(基地)", 5, None, "家", ">=", None, "by_year"),
      ("省级版权示范单位、示范园区(基地)", 10, None, "家", ">=", None, "by_year")]),
])

YEARS_AND_KINDS = both_widths([
    ("到2025年,地理标志达到26件以上;商标有效注册量达到12万件以上。",
     [("地理标志", 26, None, "件", ">=", 2025, "by_year"), ("商标有效注册量", 120000, None, "件", ">=", 2025, "by_year")]),
    ("2023-2025年,年均实施专利导航项目15项以上。", [("专利导航项目", 15, None, "项", ">=", 2025, "annual")]),
    ("累计培养知识产权管理人才1000人以上。", [("知识产权管理人才", 1000, None, "人", ">=", None, "cumulative")]),
    ("马德里商标注册量较2021年末增长10%以上。", [("马德里商标注册量", 10, None, "%", ">=", None, "growth")]),
    ("全市知识产权年质押额50亿元以上。", [("知识产权年质押额", 5e9, None, "元", ">=", None, "annual")]),
    ("2025年底前建成10家知识产权服务工作站。", [("知识产权服务工作站", 10, None, "家", "=", 2025, "by_year")]),
])

NOT_TARGETS = both_widths([
    ("聚焦“4210”产业体系和5+5产业链,建设G60科创走廊。", []),
    ("落实十四五规划,依托第九巡回审理厅开展确权。", []),
    ("根据《通知》(国知发运字〔2022〕33号)要求,2022年全面启动。", []),
    ("对于成立年限5年以上、专利代理师数量超过10人的服务机构,择优给予一定奖励。", []),
    ("截至2022年底,全市已有发明专利5000件。", []),
    ("国家知识产权局等17部门联合印发意见,分三个阶段推进。", []),
    ("每万人口发明专利拥有量明显提升。", []),
])


@pytest.mark.parametrize(("text", "expected"), ORDER + MAGNITUDES + OPERATORS + LISTS + YEARS_AND_KINDS + NOT_TARGETS)
def test_target_rules(text: str, expected: list[tuple]) -> None:
    assert targets(text) == expected


def test_milestones() -> None:
    plan = ipplan.parse_text("到2025年，每万人口高价值发明专利拥有量10件（2023年底达3.85件，2024年底达6.22件）。\n一、任务")
    (t,) = plan.targets
    assert (t.section, t.value, t.year) == (None, 10, 2025)
    assert [(m.year, m.value) for m in t.milestones] == [(2023, 3.85), (2024, 6.22)]


def test_children_inherit_the_year_of_a_goals_section_opening() -> None:
    plan = ipplan.parse_text("一、总体要求\n（二）主要目标。到2025年，目标任务如期完成。\n——创新活力强劲：发明专利授权量达到1万件。")
    (t,) = plan.targets
    assert (t.section, t.year, t.value) == ("1.2.1", 2025, 10000)


def test_targets_in_a_heading_are_found() -> None:
    plan = ipplan.parse_text("一、目标\n（三）主要目标\n到2030年，形成格局。\n——建成3—4个引领型知识产权强省。以运用为重点。")
    (t,) = plan.targets
    assert (t.section, t.indicator, t.value, t.value_max, t.year) == ("1.3.1", "引领型知识产权强省", 3, 4, 2030)


def test_jieba_keeps_words_that_start_with_a_verb() -> None:
    assert targets("建成区绿地率达到40%。") == [("建成区绿地率", 40, None, "%", "=", None, "by_year")]


def test_durations_in_months() -> None:
    assert targets("行政裁决案件平均办理周期控制在3个月以内。") == [
        ("行政裁决案件平均办理周期", 3, None, "个月", "<=", None, "by_year")]


def test_ocr_spacing_and_full_width_digits() -> None:
    plan = ipplan.parse_text("一 、 总体要求\n（ 一 ）主要目标：到２０２５年，全市发明专利授权量达到１２００件。\n１．坚持保护优先。加强保护。")
    assert [(s.id, s.label) for s in plan.sections[0].children] == [("1.1", "（一）")]
    assert [(t.indicator, t.value, t.year) for t in plan.targets] == [("发明专利授权量", 1200, 2025)]


def test_jieba_dictionary_knows_every_word_the_rules_trim() -> None:
    """data/ip_words.txt must hold the verbs and scope words of data/targets.yaml, or jieba
    cannot tell 建成 (a verb to drop) from the start of a longer word."""
    from importlib import resources

    from ipplan.parse.targets import rules

    words = {line.split()[0] for line in
             resources.files("ipplan.parse.data").joinpath("ip_words.txt").read_text("utf-8").splitlines() if line}
    lex = rules().lex
    from ipplan.parse.vocab.scope import SCOPE_WORDS

    missing = set(lex.verbs + lex.keep_verbs + list(SCOPE_WORDS)) - words
    assert not missing, f"add to ip_words.txt: {sorted(missing)}"


# ---------------------------------------------------------------- issue 15


UNITS_AND_NUMERALS = [
    ("引进外资达到3千万美元。", ("外资", 3e7, "美元")),
    ("实际利用外资1.2亿美元。", ("实际利用外资", 1.2e8, "美元")),
    ("出口额达到500万美元。", ("出口额", 5e6, "美元")),
    ("投资达到5千万元。", ("投资", 5e7, "元")),
    ("新增装机容量50万千瓦。", ("新增装机容量", 5e5, "千瓦")),
    ("建成高速公路120公里。", ("高速公路", 120, "公里")),
    ("治理面积达到12.5平方公里。", ("治理面积", 12.5, "平方公里")),
    ("研发投入占比提高2个百分点。", ("研发投入占比", 2, "百分点")),
    ("审查周期压缩至24小时以内。", ("审查周期", 24, "小时")),
    ("培育一百二十家企业。", ("企业", 120, "家")),
    ("引进一百二家企业。", ("企业", 120, "家")),
    ("培养不少于两名继承人。", ("继承人", 2, "名")),
    ("实践性教学课时占总课时一半以上。", ("实践性教学课时占总课时", 50, "%")),
    ("全州专利申请量完成5000件。", ("专利申请量", 5000, "件")),
]


@pytest.mark.parametrize(("text", "expected"), UNITS_AND_NUMERALS, ids=lambda v: v[:16] if isinstance(v, str) else None)
def test_units_and_numerals(text: str, expected: tuple) -> None:
    assert [t[:2] + t[3:4] for t in targets(text)] == [expected]


@pytest.mark.parametrize("text", [
    "对获得授权的发明专利给予每件1万元奖励。",  # a reward
    "补贴标准为建筑面积每平方米37元。",  # a subsidy rate
    "可以处10万元以下的罚款。",  # a penalty
    "申请人家庭年人均收入低于49952元。",  # an eligibility threshold
    "入围生产企业为2家的。",  # a condition
    "于本文印发后3个月内出台辖区实施方案。",  # a procedural deadline
    "合同期限届满3个月前递交续租申请。",
    "每年调整1次专业目录。",  # a frequency
    "家庭医生应每季度至少主动联系1次签约居民。",
    "每周门诊不少于2个半天。",
    "中医药学科带头人每人每年2万元。",  # per-recipient amount
    "职业教育与普通教育是两种不同教育类型。",  # 两 with no operator
    "每万人口。",  # a rate, no number
    "千万家庭受益。",
])
def test_no_false_targets(text: str) -> None:
    assert targets(text) == []


def test_a_fund_the_plan_sets_up_is_a_target() -> None:
    assert [t[:3] for t in targets("设立1亿元知识产权运营引导基金。")] == [("知识产权运营引导基金", 1e8, None)]


@pytest.mark.parametrize(("text", "expected"), [
    ("到2025年,力争每万常住人口家庭医生数不低于4人,到2026年不低于4.66人。",
     [("每万常住人口家庭医生数", 4, 2025), ("每万常住人口家庭医生数", 4.66, 2026)]),
    ("做实基层医生2023年培训计划,培养不少于3500名基层医生。", [("基层医生", 3500, 2023)]),
    ("建设50所高水平高等职业学校和150个骨干专业(群)。",
     [("高水平高等职业学校", 50, None), ("骨干专业(群)", 150, None)]),
    ("每万人口发明专利拥有量10件(2023年底达3.85件,2024年底达6.22件),专利密集型产业增加值占比达12%。",
     [("每万人口发明专利拥有量", 10, None), ("专利密集型产业增加值占比", 12, None)]),
])
def test_year_inheritance_and_indicators(text: str, expected: list[tuple]) -> None:
    assert [(t[0], t[1], t[5]) for t in targets(text)] == expected


def test_year_from_the_section_opening_and_the_plan() -> None:
    plan = ipplan.parse_text("2023年知识产权工作要点\n一、目标\n（一）专利。发明专利授权量达到500件。")
    assert [(t.value, t.year) for t in plan.targets] == [(500, 2023)]
    plan = ipplan.parse_text("一、目标\n到2025年,实现以下目标:\n（一）专利。发明专利授权量达到500件。")
    assert [(t.value, t.year) for t in plan.targets] == [(500, 2025)]


def test_numbers_dated_before_the_plan_period_are_background() -> None:
    plan = ipplan.parse_text("某某规划(2016—2030年)\n一、基本形势\n2014年中药生产企业达到3813家。\n二、目标\n到2020年,中医药企业达到5000家。")
    assert [(t.value, t.year) for t in plan.targets] == [(5000, 2020)]


def test_eligibility_sections_give_no_targets() -> None:
    plan = ipplan.parse_text("一、遴选条件\n（一）年门诊服务量3000人次以上。\n二、工作目标\n遴选50名指导老师。")
    assert [(t.value, t.section) for t in plan.targets] == [(50, "2")]


@pytest.mark.parametrize(("text", "expected"), [
    ("高价值发明专利数量翻一番,达到14个。", [("高价值发明专利数量", 14)]),
    ("每万人口高价值发明专利拥有量达到15件,全州达到5件。", [("每万人口高价值发明专利拥有量", 15), ("每万人口高价值发明专利拥有量", 5)]),
    ("建成区绿地率达到40%。", [("建成区绿地率", 40)]),  # near-miss: 建成区 is not a place word
    ("试点城市达到11个。", [("试点城市", 11)]),  # near-miss: 试点城市 is not a scope place
    ("建成1个市级知识产权保护中心。", [("市级知识产权保护中心", 1)]),
    ("家长选择1所幼儿园报名。", []),  # one of something in a procedure
    ("按照200元/月予以发放。", []),  # a benefit payout
    ("按不低于采购金额的30%提前预付。", []),  # a rate applied to a base
])
def test_indicators_from_the_clause_before_and_single_items(text: str, expected: list[tuple]) -> None:
    assert [t[:2] for t in targets(text)] == expected


@pytest.mark.parametrize("heading", ["到2025年主要目标", "2025年工作目标", "主要目标（2025年）", "第一阶段(2021—2025年)"])
def test_a_goals_heading_dates_its_sections(heading: str) -> None:
    plan = ipplan.parse_text(f"一、{heading}\n（一）专利。发明专利授权量达到500件。\n（二）商标。有效注册商标达到1万件。")
    assert [(t.value, t.year) for t in plan.targets] == [(500, 2025), (10000, 2025)]


def test_a_heading_without_a_year_dates_nothing() -> None:
    plan = ipplan.parse_text("一、主要目标\n（一）专利。发明专利授权量达到500件。")
    assert [(t.value, t.year) for t in plan.targets] == [(500, None)]


@pytest.mark.parametrize("opening", ["对标先进地区", "对照国家标准", "对接长三角", "对口支援地区"])
def test_a_sentence_opening_with_dui_biao_is_no_condition(opening: str) -> None:
    """TG07's condition cue 对… (对新认定的企业，给予…) is no cue on 对标 / 对照 / 对接 / 对口."""
    assert [t[:2] for t in targets(f"{opening}，建成3个知识产权服务中心。")] == [("知识产权服务中心", 3)]
    assert targets("对新认定的知识产权服务中心，给予50万元奖励。") == []


@pytest.mark.parametrize("count", ["3", "三"])
def test_a_measure_word_of_the_one_list_makes_targets_with_digits_and_chinese_numerals(count: str) -> None:
    """艘 is one entry of vocab/measures.MEASURES: 不少于3艘 and 不少于三艘 are both targets
    (the pre-check before reading quantities used to keep its own short list of measures)."""
    assert targets(f"新建科考船不少于{count}艘。") == [("科考船", 3, None, "艘", ">=", None, "by_year")]  # 新建 is a verb


@pytest.mark.parametrize("measure", MEASURES)
def test_every_measure_word_reads_a_quantity(measure: str) -> None:
    unit, scale = unit_scale(measure)
    got = [(t[1], t[3]) for t in targets(f"相关指标数量达到12{measure}。")]
    assert got == [(12 * scale, unit)]
