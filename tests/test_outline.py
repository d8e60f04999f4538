"""Outline rules: markers, nesting, run-in titles, inline items, attachments, warnings."""

from __future__ import annotations

import pytest

import ipplan
from ipplan import emit
from ipplan.parse.outline import match_marker, split_title
from ipplan.parse.vocab.measures import MEASURES
from tests.helpers import plan_dict, HALF_TO_FULL, outline_view


def outline(text: str, *, with_text: bool = False) -> list[tuple]:
    return outline_view(plan_dict(ipplan.parse_text(text))["sections"], text=with_text)


# Each marker rule's examples (style, label, ordinal, title) are checked by tests/test_rule_tables.py.


@pytest.mark.parametrize(
    ("marker", "label", "ordinal"),
    [("一、", "一、", 1), ("（十一）", "（十一）", 11), ("(二十一)", "(二十一)", 21), ("6.", "6.", 6),
     ("12、", "12、", 12), ("（3）", "（3）", 3), ("③", "③", 3), ("一 、", "一、", 1), ("二．", "二．", 2)],
)
def test_marker_label_and_ordinal(marker: str, label: str, ordinal: int) -> None:
    mk = match_marker(marker + "加强组织领导")
    assert mk is not None and (mk.label, mk.ordinal) == (label, ordinal)


@pytest.mark.parametrize(
    ("content", "title", "text"),
    [
        ("指导思想", "指导思想", ""),
        ("加强组织领导。", "加强组织领导", ""),
        ("总体目标 深入实施知识产权“五大工程”。到2025年，前列。", "总体目标", "深入实施知识产权“五大工程”。到2025年，前列。"),
        ("创新活力强劲:知识产权产出重要指标。发明专利年申请量突破2万件。", "创新活力强劲", "知识产权产出重要指标。发明专利年申请量突破2万件。"),
        ("创新活力强劲：知识产权产出重要指标。", "创新活力强劲", "知识产权产出重要指标。"),
        ("推进高价值专利聚集。依托本地区产业集群。", "推进高价值专利聚集", "依托本地区产业集群。"),
        ("第一阶段:试点探索、积累经验(2015—2020年)", "第一阶段:试点探索、积累经验(2015—2020年)", ""),
        ("以高质量创造为重点,实施创新主体知识产权前瞻布局工程。", "以高质量创造为重点,实施创新主体知识产权前瞻布局工程", ""),
        # a colon beyond the first 25 characters does not cut the title
        ("加强知识产权服务与产业、科技、金融等政策衔接并且持续推进深度融合发展：加强服务。其余。",
         "加强知识产权服务与产业、科技、金融等政策衔接并且持续推进深度融合发展：加强服务", "其余。"),
    ],
)
def test_split_title(content: str, title: str, text: str) -> None:
    assert split_title(content) == (title, text)


NESTED = """为推进工作，制定本方案。
一、总体要求
（一）指导思想
坚持创新驱动。
（二）主要目标
到2025年，目标如下。
——创新活力强劲：指标领先。
——保护水平一流：保护有力。
二、重点任务
（三）实施专利战略
1.推进专利布局。加强布局。
（1）细化措施。具体内容。
①第一项。内容。
2.推进品牌建设。加强品牌。
"""


def test_nesting_follows_markers_and_numbering_runs_on() -> None:
    assert outline(NESTED) == [
        ("1", "一、", 1, 1, "总体要求"),
        ("1.1", "（一）", 1, 2, "指导思想"),
        ("1.2", "（二）", 2, 2, "主要目标"),
        ("1.2.1", "——", 1, 3, "创新活力强劲"),
        ("1.2.2", "——", 2, 3, "保护水平一流"),
        ("2", "二、", 2, 1, "重点任务"),
        ("2.3", "（三）", 3, 2, "实施专利战略"),
        ("2.3.1", "1.", 1, 3, "推进专利布局"),
        ("2.3.1.1", "（1）", 1, 4, "细化措施"),
        ("2.3.1.1.1", "①", 1, 5, "第一项"),
        ("2.3.2", "2.", 2, 3, "推进品牌建设"),
    ]


def test_no_warnings_for_run_on_numbering() -> None:
    assert ipplan.parse_text(NESTED).warnings == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("一、目标\n1.甲。内容。\n3.丙。内容。", "numbering gap"),
        ("一、目标\n1.甲。内容。\n1.乙。内容。", "numbering repeats"),
        ("一、目标\n二、任务\n二、保障", "numbering repeats"),
    ],
)
def test_numbering_gaps_and_repeats_warn(text: str, expected: str) -> None:
    warnings = ipplan.parse_text(text).warnings
    assert any(expected in w for w in warnings), warnings


INLINE = ("一、目标\n（二）具体目标\n1.打造先行地。到2025年，建成1—2个园区。 2.打造引领者。有效发明专利拥有量达到1.8万件。"
          "3.打造高地。累计300家以上。\n（责任单位：市科技局) 二、工作保障 （一）强化组织保障。发挥作用。 （二）强化制度保障。落实。")


def test_items_written_inline_are_separate_sections() -> None:
    got = [(i, t) for i, _, _, _, t in outline(INLINE)]
    assert got == [
        ("1", "目标"), ("1.2", "具体目标"), ("1.2.1", "打造先行地"), ("1.2.2", "打造引领者"),
        ("1.2.3", "打造高地"), ("2", "工作保障"), ("2.1", "强化组织保障"), ("2.2", "强化制度保障"),
    ]


@pytest.mark.parametrize(
    "sentence",
    ["有效发明专利拥有量达到1.8万件。", "到2022年，完成目标。", "按1、2、3级分类。", "（2023年底达3.85件，2024年底达6.22件）",
     "“4210”产业体系和5+5产业链", "落实十四五规划。", "一是完善机制，二是强化保障。"],
)
def test_numbers_inside_sentences_start_no_section(sentence: str) -> None:
    assert outline(f"一、总体要求\n（一）目标。{sentence}") == [("1", "一、", 1, 1, "总体要求"), ("1.1", "（一）", 1, 2, "目标")]


def test_the_attachment_list_and_table_attachments_are_not_sections() -> None:
    text = ("一、目标\n（一）甲。内容。\n附件：1.责任分解表\n2.阶段性目标\n附件1\n责任分解表\n"
            "| 序号 | 任务 | 责任单位 |\n| 1 | 强化创造 | 市科技局 |")
    assert [s[0] for s in outline(text)] == ["1", "1.1"]


def test_a_numbered_attachment_body_goes_on_with_the_count() -> None:
    """GOLD_GUIDE: an attachment whose body is a numbered outline is part of the sections; its
    top-level items continue the count of the items before it (…二、 then the attachment's 一、 → 3)."""
    text = ("一、考评对象\n各区人民政府。\n二、考评方式\n（一）实行百分制。\n附件：\n某市考评指标\n附件\n某市考评指标\n"
            "一、政务服务（25分）\n（一）平台建设（3分）\n1．事项全部开通全程网办。（6月底完成，牵头考核单位：市政务服务局）\n"
            "2．完善数据分析功能。（持续推进，牵头考核单位：市大数据中心）\n二、数据共享（20分）\n（一）目录管理（2分）\n"
            "3．完成目录挂载。（9月底完成，牵头考核单位：市大数据中心）")
    got = outline(text)
    assert [(i, label, t) for i, label, _, _, t in got] == [
        ("1", "一、", "考评对象"), ("2", "二、", "考评方式"), ("2.1", "（一）", "实行百分制"),
        ("3", "一、", "政务服务（25分）"), ("3.1", "（一）", "平台建设（3分）"), ("3.1.1", "1．", "事项全部开通全程网办"),
        ("3.1.2", "2．", "完善数据分析功能"), ("4", "二、", "数据共享（20分）"), ("4.1", "（一）", "目录管理（2分）"),
        ("4.1.3", "3．", "完成目录挂载")]
    plan = ipplan.parse_text(text)
    assert [n.code for n in plan.notices if n.code.startswith("N2")] == ["N206"]


def test_an_attachment_heading_with_its_title_on_one_line_starts_its_outline() -> None:
    text = "一、目标\n（一）甲。内容。\n附件1：某某专项行动方案\n一、行动目标\n（一）乙。内容。"
    assert [(i, t) for i, *_, t in outline(text)] == [("1", "目标"), ("1.1", "甲"), ("2", "行动目标"), ("2.1", "乙")]


@pytest.mark.parametrize("after", [
    "附件：\n1.名额分配表\n2.推荐汇总表",  # the list: numbered, but no heading and title before a 1
    "附件：某某汇总表\n附件\n某某汇总表\n（此表由各区填报，于月底前报送。）",  # no numbered body
    "附件1\n某某名单\n张三 局长\n李四 处长",
])
def test_attachments_without_a_numbered_body_add_no_section(after: str) -> None:
    assert [i for i, *_ in outline("一、目标\n（一）甲。内容。\n二、要求\n内容。\n" + after)] == ["1", "1.1", "2"]


def test_attachment_list_in_the_notice_is_skipped() -> None:
    text = "各单位：\n现将方案印发给你们。\n附件：1.某某方案\n2.责任表\n某某方案\n一、总体要求\n1.加强领导。内容。"
    assert [s[0] for s in outline(text)] == ["1", "1.1"]


def test_signature_after_the_plan_ends_the_outline() -> None:
    plan = ipplan.parse_text("一、目标\n（一）甲。内容。\n某某市人民政府办公室\n2023年9月13日")
    assert plan.sections[0].children[0].text == "内容。"
    assert plan.meta.issuer == "某某市人民政府办公室" and plan.meta.issue_date == "2023-09-13"


def test_full_width_punctuation_gives_the_same_outline() -> None:
    half = outline(NESTED.translate(str.maketrans("（）：，", "():,")))
    full = outline(NESTED.translate(HALF_TO_FULL))
    assert [s[0] for s in half] == [s[0] for s in full]
    assert [s[4] for s in half] == [s[4].translate(str.maketrans("（）：，", "():,")) for s in full]


def test_one_line_paste_gives_the_same_outline() -> None:
    assert outline(" ".join(NESTED.splitlines())) == outline(NESTED)


@pytest.mark.xfail(strict=True, reason="known miss: '实施专利战略1.推进' — an Arabic item glued to a heading "
                   "without any separator is not split (too risky inside sentences)")
def test_one_line_paste_without_separators_keeps_the_tree() -> None:
    one_line = "".join(NESTED.splitlines())
    assert [s[:4] for s in outline(one_line)] == [s[:4] for s in outline(NESTED)]


def test_one_line_paste_without_separators_keeps_bracketed_items() -> None:
    one_line = "一、总体要求（一）指导思想坚持创新驱动。（二）主要目标到2025年，目标如下。二、重点任务（三）实施专利战略。"
    assert [s[:2] for s in outline(one_line)] == [("1", "一、"), ("1.1", "（一）"), ("1.2", "（二）"), ("2", "二、"), ("2.3", "（三）")]


def test_no_outline_gives_a_warning_not_an_error() -> None:
    plan = ipplan.parse_text("这是一段没有编号的文字。")
    assert plan.sections == [] and any("no numbered outline" in w for w in plan.warnings)


# ---------------------------------------------------------------- issue 15: real-document shapes


def _ids_unique(sections) -> bool:
    seen: set[str] = set()
    todo = list(sections)
    while todo:
        s = todo.pop()
        if s.id in seen:
            return False
        seen.add(s.id)
        todo.extend(s.children)
    return True


@pytest.mark.parametrize("text", [
    "1.总体要求\n二、主要任务\n1.加强保护。内容。\n2.强化运用。内容。",  # first item printed in the wrong style
    "一、目标\n1.甲。内容。\n1.乙。内容。",  # a repeated number
    "一、目标\n（一）甲\n（一）乙\n（一）丙",
    "（一）甲\n一、乙\n（一）丙\n一、丁\n（一）戊",
    "1.甲\n（1）乙\n1.丙\n（1）丁\n1.戊",
])
def test_numbering_that_does_not_nest_by_style_never_repeats_an_id(text: str) -> None:
    from ipplan.validate.check import check_plan, schema_hits

    plan = ipplan.parse_text(text)
    assert _ids_unique(plan.sections)
    data = emit.plan_data(plan)
    assert [h.code for h in [*schema_hits(data), *check_plan(data)]] == []


def test_a_first_item_in_an_inner_style_is_the_sibling_of_its_successor() -> None:
    got = outline("1.总体要求\n二、主要任务\n1.加强保护。内容。")
    assert [(i, lab) for i, lab, *_ in got] == [("1", "1."), ("2", "二、"), ("2.1", "1.")]


def test_items_numbered_straight_through_chapters() -> None:
    got = outline("一、总体要求\n（一）指导思想\n（二）基本原则\n二、主要任务\n（三）强化创造\n（四）加强保护")
    assert [i for i, *_ in got] == ["1", "1.1", "1.2", "2", "2.3", "2.4"]


REGULATION = """专利代理条例
第一章 总 则
第一条 为了规范专利代理行为，制定本条例。
第二条 本条例所称专利代理，是指代理行为。
第二章 专利代理机构
第三条 专利代理机构应当具备下列条件：
（一）有符合规定的名称；
（二）有书面合伙协议。
"""


def test_chapters_and_articles_are_levels() -> None:
    assert outline(REGULATION) == [
        ("1", "第一章", 1, 1, "总则"),
        ("1.1", "第一条", 1, 2, "为了规范专利代理行为，制定本条例"),
        ("1.2", "第二条", 2, 2, "本条例所称专利代理，是指代理行为"),
        ("2", "第二章", 2, 1, "专利代理机构"),
        ("2.3", "第三条", 3, 2, "专利代理机构应当具备下列条件："),
        ("2.3.1", "（一）", 1, 3, "有符合规定的名称"),
        ("2.3.2", "（二）", 2, 3, "有书面合伙协议"),
    ]


def test_articles_without_chapters_are_level_one_and_mentions_are_not_articles() -> None:
    got = outline("第一条 为了规范管理，制定本办法。\n第二条 依照第一条规定的程序办理。\n第三条规定的情形除外。")
    assert [(i, lab) for i, lab, *_ in got] == [("1", "第一条"), ("2", "第二条")]


@pytest.mark.parametrize(("line", "title"), [
    ("一、总体要求坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻落实。", "总体要求"),
    ("（一）指导思想深入实施知识产权强国战略，加快建设。", "指导思想"),
    ("一、总体要求。坚持创新驱动。", "总体要求"),  # near-miss: an ordinary 。 cut
    ("一、保障措施落实到位", "保障措施落实到位"),  # near-miss: a heading alone, no body
])
def test_run_in_heading_glued_to_its_body_is_cut_at_the_heading_word(line: str, title: str) -> None:
    assert outline(line)[0][4] == title


def test_headings_ending_with_a_dot() -> None:
    got = outline("一.指导思想.\n二.培养目标.三年内培养一支队伍。")
    assert [t for *_, t in got] == ["指导思想", "培养目标"]


def test_comma_and_bare_numbers_continue_an_open_sequence_only() -> None:
    got = outline("一、条件\n1.甲。内容。\n2中医药临床专家\n3,推荐人员年龄应在45岁以下。\n二、其他\n3个工作日内完成。")
    assert [(i, t) for i, *_, t in got] == [("1", "条件"), ("1.1", "甲"), ("1.2", "中医药临床专家"),
                                             ("1.3", "推荐人员年龄应在45岁以下"), ("2", "其他")]


def test_box_items_are_not_sections() -> None:
    text = "一、任务\n（一）强化创造。内容。\n专栏1 重点工程\n1.高价值专利培育工程。内容。\n2.品牌工程。内容。\n（二）加强保护。内容。"
    assert [i for i, *_ in outline(text)] == ["1", "1.1", "1.2"]


def test_a_covering_notice_with_its_own_items_is_not_the_plan() -> None:
    text = ("各区卫生健康委：\n我局制定了《某某工作实施方案》，现予以印发。\n一、遴选原则\n（一）甲。\n二、工作要求\n"
            "附件：\n1．名额分配表\n北京市中医管理局\n2019年8月29日\n某某工作实施方案\n为做好工作，制定本方案。\n"
            "一、工作目标\n内容。\n二、遴选条件\n（一）指导老师")
    assert [(i, t) for i, *_, t in outline(text)] == [("1", "工作目标"), ("2", "遴选条件"), ("2.1", "指导老师")]


def test_an_attachment_after_the_signature_is_no_covering_notice_restart() -> None:
    """The plan's own items stay; the signed attachment's numbered body is counted on."""
    text = "一、目标\n（一）甲。内容。\n某某市人民政府\n2023年9月13日\n附件1\n考评细则\n一、考评内容\n内容。"
    plan = ipplan.parse_text(text)
    assert [(i, t) for i, *_, t in outline(text)] == [("1", "目标"), ("1.1", "甲"), ("2", "考评内容")]
    assert plan.meta.issuer == "某某市人民政府" and plan.meta.issue_date == "2023-09-13"


def test_lines_of_sections_point_at_their_marker() -> None:
    plan = ipplan.parse_text("前言。\n一、目标\n（一）甲。内容。\n（二）乙")
    assert [(s.id, s.line) for s in [plan.sections[0], *plan.sections[0].children]] == [("1", 2), ("1.1", 3), ("1.2", 4)]


def test_a_number_before_a_measure_word_is_no_item() -> None:
    """2艘科考船… after 1.… is a count in the text of item 1, not item 2 (OL09 reads its
    measure words from vocab/measures.MEASURES)."""
    got = outline("一、目标\n1.建成机制。\n2艘科考船投入使用。", with_text=True)
    assert got == [("1", "一、", 1, 1, "目标", ""), ("1.1", "1.", 1, 2, "建成机制", "2艘科考船投入使用。")]


def test_a_bare_item_number_before_a_heading_still_continues_the_list() -> None:
    got = outline("一、目标\n1.建成机制。\n2中医药临床专家培养。")
    assert got == [("1", "一、", 1, 1, "目标"), ("1.1", "1.", 1, 2, "建成机制"), ("1.2", "2", 2, 2, "中医药临床专家培养")]


@pytest.mark.parametrize("measure", [m for m in MEASURES if m not in ("%", "％")])
def test_no_measure_word_starts_an_item(measure: str) -> None:
    got = outline(f"一、目标\n1.建成机制。\n2{measure}科考设施投入使用。")
    assert [s[0] for s in got] == ["1", "1.1"]


# --- laws and regulations as their sources print them ---------------------------------------

#: A regulation kept as Markdown (a law database's files): '# ' title, history lines, an
#: HTML comment, '## ' chapters (a full-width space after 章, a spaced-out 总 则), '### ' 节
#: inside one chapter only, articles numbered through the chapters, items in an article's
#: second paragraph, and a '## 附录' heading that is no chapter.
MARKDOWN_LAW = """# 某省技术市场条例

2019年5月30日 某省第十三届人民代表大会常务委员会第十二次会议通过

<!-- INFO END -->

## 第一章　总 则

第一条 为了规范技术市场，根据有关法律，结合本省实际，制定本条例。

第二条 本省行政区域内的技术交易活动，适用本条例。

## 第二章 技术交易

### 第一节 一般规定

第三条 技术交易应当遵循自愿、公平的原则。

第四条 县级以上人民政府应当依照本条例第十条的规定扶持技术交易。有下列情形之一的，不得交易：

（一）违反法律、法规的；

（二）侵害他人技术成果的。

### 第二节 技术合同

第五条 技术合同依照第三条规定的原则订立。

## 第三章 附 则

第六条 本条例自2019年10月1日起施行。

## 附录

附录所列文件另行公布。"""


def test_a_markdown_law_gives_chapters_sections_and_articles() -> None:
    plan = ipplan.parse_text(MARKDOWN_LAW)
    assert outline(MARKDOWN_LAW) == [
        ("1", "第一章", 1, 1, "总则"),
        ("1.1", "第一条", 1, 2, "为了规范技术市场，根据有关法律，结合本省实际，制定本条例"),
        ("1.2", "第二条", 2, 2, "本省行政区域内的技术交易活动，适用本条例"),
        ("2", "第二章", 2, 1, "技术交易"),
        ("2.1", "第一节", 1, 2, "一般规定"),
        ("2.1.3", "第三条", 3, 3, "技术交易应当遵循自愿、公平的原则"),
        ("2.1.4", "第四条", 4, 3, "县级以上人民政府应当依照本条例第十条的规定扶持技术交易"),
        ("2.1.4.1", "（一）", 1, 4, "违反法律、法规的"),
        ("2.1.4.2", "（二）", 2, 4, "侵害他人技术成果的"),
        ("2.2", "第二节", 2, 2, "技术合同"),
        ("2.2.5", "第五条", 5, 3, "技术合同依照第三条规定的原则订立"),
        ("3", "第三章", 3, 1, "附则"),
        ("3.6", "第六条", 6, 2, "本条例自2019年10月1日起施行"),
    ]
    assert plan.meta.title == "某省技术市场条例"  # the # is markup, not part of the title
    last = plan.sections[-1].children[-1]
    assert last.text == "附录\n附录所列文件另行公布。"  # a '## 附录' heading is no chapter
    assert not any(n.code.startswith("N2") for n in plan.notices)  # articles numbered through chapters: no gap


def test_a_regulation_scraped_into_one_line() -> None:
    """Chapter titles glued to their first article, articles after 。, mentions of articles
    inside sentences (依照本条例第十条规定) left in the text."""
    text = ("某省专利条例（2015年9月25日某省人民代表大会常务委员会通过）第一章 总 则第一条 为了鼓励发明创造，制定本条例。"
            "第二条 本条例适用于本省行政区域。依照本条例第十条规定执行。第二章 专利创造第一节 一般规定"
            "第三条 县级以上人民政府应当加强领导。第四条 鼓励企业申请专利。")
    got = outline(text, with_text=True)
    assert [(i, lab, t) for i, lab, _, _, t, _ in got] == [
        ("1", "第一章", "总则"), ("1.1", "第一条", "为了鼓励发明创造，制定本条例"),
        ("1.2", "第二条", "本条例适用于本省行政区域"), ("2", "第二章", "专利创造"), ("2.1", "第一节", "一般规定"),
        ("2.1.3", "第三条", "县级以上人民政府应当加强领导"), ("2.1.4", "第四条", "鼓励企业申请专利")]
    assert got[2][5] == "依照本条例第十条规定执行。"


def test_a_law_without_chapters_with_a_sentence_broken_by_a_blank_line() -> None:
    text = ("# 某市商标保护规定\n\n<!-- INFO END -->\n\n第一条 为了保护商标专用权，制定本规定。\n\n"
            "第二条 商标违法行为由市市场监管部门依法查处,市市\n\n场监管部门可以委托区（市）市场监管部门查处。\n\n"
            "第三条 工商、公安、海关等有关部门应当按照各自\n\n职责,共同做好商标保护工作。\n\n第四条 本规定自公布之日起施行。")
    assert [(i, lab, t) for i, lab, _, _, t in outline(text)] == [
        ("1", "第一条", "为了保护商标专用权，制定本规定"),
        ("2", "第二条", "商标违法行为由市市场监管部门依法查处,市市场监管部门可以委托区（市）市场监管部门查处"),
        ("3", "第三条", "工商、公安、海关等有关部门应当按照各自职责,共同做好商标保护工作"),
        ("4", "第四条", "本规定自公布之日起施行")]


# --- numbered parts -------------------------------------------------------------------------

def test_a_second_document_under_one_notice_is_counted_on() -> None:
    """A notice publishing two documents, each under its own title line and each numbered
    from 一、: the second's items continue the count (GOLD_GUIDE)."""
    text = ("各市人民政府，省政府各部门：\n《支持数字经济发展若干政策》《某省数字经济行动计划（2024-2026年）》已经省政府同意，"
            "现印发给你们，请认真贯彻执行。\n某省人民政府办公厅\n2024年3月1日\n支持数字经济发展若干政策\n"
            "一、支持平台建设\n培育平台。对新认定的平台给予奖励。\n二、支持人才培养\n组织培训。每年培训1000人次。\n"
            "本政策自2024年开始执行。\n某省数字经济行动计划（2024-2026年）\n为推动数字经济发展，制定本计划。\n"
            "一、总体要求\n（一）指导思想\n坚持创新驱动。\n二、重点任务\n（一）网络强基行动。\n1﹒推进外网建设。内容。\n"
            "2﹒推进内网改造。内容。")
    got = outline(text)
    assert [(i, lab, t) for i, lab, _, _, t in got] == [
        ("1", "一、", "支持平台建设"), ("2", "二、", "支持人才培养"), ("3", "一、", "总体要求"), ("3.1", "（一）", "指导思想"),
        ("4", "二、", "重点任务"), ("4.1", "（一）", "网络强基行动"), ("4.1.1", "1﹒", "推进外网建设"),
        ("4.1.2", "2﹒", "推进内网改造")]
    assert [lvl for *_, lvl, _ in got][:4] == [1, 1, 1, 2]


def test_the_top_style_again_at_a_line_start_is_a_new_part() -> None:
    """一、 again at the start of a line, with no title line before it: the text prints a second
    numbered part, counted on (GOLD_GUIDE; OL19)."""
    got = outline("一、目标\n内容。\n二、任务\n内容。\n一、保障\n内容。\n二、督查\n内容。")
    assert [(i, lab, t) for i, lab, _, _, t in got] == [("1", "一、", "目标"), ("2", "二、", "任务"), ("3", "一、", "保障"),
                                                       ("4", "二、", "督查")]


@pytest.mark.parametrize("text", [
    "一、目标\n内容。\n二、任务\n主要包括：\n一、建设平台\n二、培育人才",  # a list opened by a colon
    "（一）目标\n内容。\n（二）任务主要包括：\n（一）建设平台\n（二）培育人才",  # the colon ends the heading
    "一、目标\n内容。\n一、保障\n内容。",  # one item before it: no part to follow
])
def test_a_repeated_one_after_a_colon_or_a_single_item_is_no_new_part(text: str) -> None:
    """Near-misses: the 1 stays text with a numbering-repeat warning (N202)."""
    plan = ipplan.parse_text(text)
    assert len(plan.sections) == (1 if text.count("\n") == 3 else 2)
    assert "N206" not in [n.code for n in plan.notices] and "N202" in [n.code for n in plan.notices]


# A work report with unnumbered part headings on their own lines: the forward part's
# heading, its 今年是… and its 主要预期目标 belong to no section (they end the review's last item).
WORK_REPORT_PARTS = (
    "各位代表：\n现在，我代表市人民政府向大会报告工作，请予审议。\n2023年工作回顾\n2023年是极不平凡的一年。\n"
    "（一）经济运行回升向好。全年地区生产总值增长5.5%。\n（二）改革开放持续深化。完成改革任务40项。\n"
    "各位代表！成绩来之不易。\n2024年工作安排\n2024年是实施规划的关键一年。\n"
    "主要预期目标是：地区生产总值增长6%左右，城镇新增就业1万人。\n"
    "（一）着力扩大有效需求\n实施重点项目300个以上。\n（二）着力发展实体经济\n新增规上工业企业60家。")


def test_a_part_heading_ends_the_section_before_it() -> None:
    plan = ipplan.parse_text(WORK_REPORT_PARTS)
    assert [(s.id, s.title) for s in plan.sections] == [
        ("1", "经济运行回升向好"), ("2", "改革开放持续深化"), ("3", "着力扩大有效需求"), ("4", "着力发展实体经济")]
    assert plan.sections[1].text == "完成改革任务40项。\n各位代表！成绩来之不易。"
    assert [(t.section, float(t.value), t.unit) for t in plan.targets] == [
        (None, 6.0, "%"), (None, 10000.0, "人"), ("3", 300.0, "个"), ("4", 60.0, "家")]


def test_two_part_headings_before_a_part_both_stay_outside() -> None:
    """The scope ends at the first title line after the last item (总体要求 then 重点工作)."""
    text = WORK_REPORT_PARTS.replace("2024年是实施规划的关键一年。\n", "2024年是实施规划的关键一年。\n2024年总体要求和主要目标\n")
    text = text.replace("（一）着力扩大", "2024年重点工作安排\n（一）着力扩大")
    plan = ipplan.parse_text(text)
    assert [s.id for s in plan.sections] == ["1", "2", "3", "4"]
    assert plan.sections[1].text == "完成改革任务40项。\n各位代表！成绩来之不易。"
    assert [t.section for t in plan.targets if t.indicator == "城镇新增就业"] == [None]


def test_a_title_line_followed_by_the_next_item_is_no_part_heading() -> None:
    """Near-miss: a short unpunctuated line between (一) and (二) is the section's own text."""
    plan = ipplan.parse_text("（一）加强创造\n推进工作。\n重点工程\n建设平台10个。\n（二）加强保护\n推进工作。")
    assert [s.id for s in plan.sections] == ["1", "2"]
    assert plan.sections[0].text == "推进工作。\n重点工程\n建设平台10个。"
    assert [t.section for t in plan.targets] == ["1"]


def test_a_one_line_report_restarting_its_style_after_a_glued_part_heading() -> None:
    """One-line text: （一）（二） of the review, a part heading glued between two sentences, then
    （一）（二） again (OL20): counted on; the glued heading and its preamble belong to no section."""
    text = ("各位代表：2023年工作回顾2023年是极不平凡的一年。主要做了以下工作：（一）经济运行回升向好。全年地区生产总值增长5.5%。"
            "（二）改革开放持续深化。完成改革任务40项。成绩来之不易。2024年工作安排建议2024年是关键一年。"
            "主要预期目标是：地区生产总值增长6%左右。（一）着力扩大有效需求。实施重点项目300个以上。"
            "（二）着力发展实体经济。新增规上工业企业60家。")
    plan = ipplan.parse_text(text)
    assert [(s.id, s.label, s.title) for s in plan.sections] == [
        ("1", "（一）", "经济运行回升向好"), ("2", "（二）", "改革开放持续深化"), ("3", "（一）", "着力扩大有效需求"),
        ("4", "（二）", "着力发展实体经济")]
    assert plan.sections[1].text == "完成改革任务40项。成绩来之不易。"
    assert [(t.section, float(t.value), t.unit) for t in plan.targets] == [
        (None, 6.0, "%"), ("3", 300.0, "个"), ("4", 60.0, "家")]


def test_a_one_line_report_without_a_part_heading_is_no_new_part() -> None:
    """Near-miss: （一） again inside one-line text with nothing glued before it stays text."""
    text = ("主要做了以下工作：（一）经济运行回升向好。全年增长5.5%。（二）改革开放持续深化。完成改革任务40项。"
            "下一步要做好以下工作：（一）着力扩大有效需求。实施重点项目300个以上。")
    plan = ipplan.parse_text(text)
    assert [s.id for s in plan.sections] == ["1", "2"]


def test_a_one_line_law_with_a_history_bracket_its_source_never_closed() -> None:
    """An opening bracket left open to the end of the line (the source cut the history line's
    ）) hides no item after it; a bracket that closes still does."""
    text = ("某省专利促进条例（2010年7月23日某省人民代表大会常务委员会通过 根据2015年9月25日某省人民代表大会常务委员会"
            "《关于修改部分地方性法规的决定》修正 第一章 总则 第一条 为了促进专利运用，制定本条例。"
            "第二条 本条例适用于本省行政区域（不含 第三条 列举地区）。 第二章 附则 第三条 本条例自公布之日起施行。")
    assert [(i, lab, t.replace(" ", "")) for i, lab, _, _, t in outline(text)] == [
        ("1", "第一章", "总则"), ("1.1", "第一条", "为了促进专利运用，制定本条例"),
        ("1.2", "第二条", "本条例适用于本省行政区域（不含第三条列举地区）"), ("2", "第二章", "附则"),
        ("2.3", "第三条", "本条例自公布之日起施行")]


WORK_REPORT_ONE_LINE = (
    "各位代表：现在，我代表市人民政府，向大会报告工作，请予审议。2023年工作回顾2023年是极不平凡的一年。"
    "一年来，我们主要做了以下工作：（一）千方百计稳增长，经济运行稳中向好。项目投资拉动有力。全年完成投资500亿元。"
    "（二）持续壮大实体经济，产业体系加快构建。新型工业化扎实推进。新增规上工业企业120家。"
    "2024年工作安排建议2024年是关键之年。全市地区生产总值增长6%左右。"
    "一、聚焦抓项目增效益，持续巩固经济回升势头大力实施项目投资攻坚行动。牢固树立项目为王理念，全年实施重点项目300个。"
    "二、聚焦产业转型升级，加快建设现代化产业体系坚定不移推进工业强市。实施提质倍增行动，新增规上工业企业100家。"
    "三、聚焦群众关心关切，用心用情办好民生实事。办好十件民生实事。")


def test_a_one_line_work_report_without_whitespace() -> None:
    """Items glued after ： and 。, a second part in an outer style (（一）（二） then 一、二、三、) counted
    on, two-clause headings glued to their first lead sentence (…势头大力实施…。)."""
    assert [(i, lab, lvl, t) for i, lab, _, lvl, t in outline(WORK_REPORT_ONE_LINE)] == [
        ("1", "（一）", 1, "千方百计稳增长，经济运行稳中向好"), ("2", "（二）", 1, "持续壮大实体经济，产业体系加快构建"),
        ("3", "一、", 1, "聚焦抓项目增效益，持续巩固经济回升势头"), ("4", "二、", 1, "聚焦产业转型升级，加快建设现代化产业体系"),
        ("5", "三、", 1, "聚焦群众关心关切，用心用情办好民生实事")]  # near-miss: a heading ended by its 。
    plan = ipplan.parse_text(WORK_REPORT_ONE_LINE)
    assert plan.sections[2].text.startswith("大力实施项目投资攻坚行动。牢固树立")


def test_the_same_report_with_line_breaks_keeps_whole_headings() -> None:
    """Near-miss of the glued-title cut: a heading alone on its line is never cut."""
    text = ("一年来，主要做了以下工作：\n（一）稳增长\n内容。\n（二）强产业\n内容。\n"
            "一、聚焦抓项目增效益，持续巩固经济回升势头\n大力实施项目投资攻坚行动。")
    assert [(i, t) for i, *_, t in outline(text)][-1] == ("3", "聚焦抓项目增效益，持续巩固经济回升势头")


def test_a_heading_glued_after_a_colon_starts_the_outline() -> None:
    text = ("为加快科技成果转化，结合我市实际，特制定如下措施：一、支持科技成果产业化开发应用\u3000\u30001.设立成果转化基金。"
            "按规定给予支持。\u3000\u30002.支持中试基地建设。比例为：1.5倍。二、强化人才支撑\u3000\u3000对符合条件的人才，"
            "分一、二级给予奖励。")
    assert [(i, lab, t) for i, lab, _, _, t in outline(text)] == [
        ("1", "一、", "支持科技成果产业化开发应用"), ("1.1", "1.", "设立成果转化基金"), ("1.2", "2.", "支持中试基地建设"),
        ("2", "二、", "强化人才支撑")]


@pytest.mark.parametrize("foot", [
    "抄送：市委各部门，市人大常委会办公室，市政协办公室。\n某某市人民政府办公室 2023年9月14日印发",
    "某某市人民政府办公室2023年9月14日印发",
])
def test_the_colophon_never_stays_in_the_last_section(foot: str) -> None:
    plan = ipplan.parse_text("一、目标\n（一）甲。内容。\n（二）乙。内容。\n" + foot)
    assert plan.sections[0].children[-1].text == "内容。"
    if " 2023" in foot:  # (the header reads 印发 lines with a space before the date, MT21)
        assert plan.meta.printed_by == "某某市人民政府办公室" and plan.meta.printed_date == "2023-09-14"


def test_a_sentence_about_a_printed_notice_stays_text() -> None:
    plan = ipplan.parse_text("一、目标\n（一）甲。内容。\n市政府办公室于2023年9月14日印发通知，部署工作。")
    assert plan.sections[0].children[-1].text == "内容。\n市政府办公室于2023年9月14日印发通知，部署工作。"


def test_a_signed_notice_with_bracketed_items_before_the_plan_it_publishes() -> None:
    text = ("各区卫生健康委：\n我局制定了《某某工作实施方案》，现予以印发，并就有关事项通知如下：\n（一）请认真组织实施。\n"
            "（二）请于月底前报送进展。\n某市卫生健康委员会\n2023年8月29日\n某某工作实施方案\n为做好工作，制定本方案。\n"
            "一、工作目标\n内容。\n二、工作措施\n（一）加强领导。内容。")
    assert [(i, t) for i, *_, t in outline(text)] == [("1", "工作目标"), ("2", "工作措施"), ("2.1", "加强领导")]


def test_an_unsigned_notice_with_its_own_items_before_the_plan_it_publishes() -> None:
    """The notice's own 一、二、 are no part of the plan: the plan it names (《…》) starts the outline."""
    text = ("各区卫生健康委：\n现将《某某工作实施方案》印发给你们，并就有关事项通知如下：\n一、请认真组织实施。\n"
            "二、请于月底前报送进展。\n某某工作实施方案\n为做好工作，制定本方案。\n一、工作目标\n内容。\n二、工作措施\n"
            "（一）加强领导。内容。")
    assert [(i, t) for i, *_, t in outline(text)] == [("1", "工作目标"), ("2", "工作措施"), ("2.1", "加强领导")]
    assert ipplan.parse_text(text).meta.title == "某某工作实施方案"


# ---------------------------------------------------------------- web excerpts (pages cut mid-outline)

PAGE_THREE = ("某某信息网\n某市人民政府关于印发某市知识产权保护专项行动方案的通知\n"
              "（五）强化执法协作。\n各区要建立案件移送机制，定期会商。\n"
              "（六）加强宣传引导。\n各部门要广泛宣传专项行动成效，曝光典型案例。\n"
              "三、保障措施\n（一）加强组织领导，明确工作责任。\n市政府成立专项行动领导小组，统筹推进工作。\n"
              "（二）强化督查考核。\n将专项行动纳入年度考核，定期通报进")


def test_a_page_that_starts_inside_an_unprinted_item_goes_under_it() -> None:
    """Page 3 of a paginated article: （五）（六） of 二、 (not printed), then 三、 and its （一）（二）.
    三、 is top-level 3 and the run before it is item 2's, whose label and title are not printed."""
    plan = ipplan.parse_text(PAGE_THREE)
    assert [(i, lab, t) for i, lab, _, _, t in outline(PAGE_THREE)] == [
        ("2", "", ""), ("2.5", "（五）", "强化执法协作"), ("2.6", "（六）", "加强宣传引导"),
        ("3", "三、", "保障措施"), ("3.1", "（一）", "加强组织领导，明确工作责任"), ("3.2", "（二）", "强化督查考核")]
    assert "N207" in [n.code for n in plan.notices]
    from ipplan import api
    from ipplan.parse.types import DecodedDocument
    from ipplan.validate.check import check_text
    data = api.build_plan(DecodedDocument(text=PAGE_THREE, path=None, sha256=None, encoding=None))
    api.to_model(data)  # the plan with an unprinted parent is a valid plan
    assert check_text(emit.to_yaml(data), "yaml", "plan.yaml").findings == []


@pytest.mark.parametrize("text, ids", [
    # the run starts at （一） and 三、 is its count on: one run printed in two styles, not under 二
    ("（一）指导思想\n坚持创新。\n（二）基本原则\n坚持法治。\n三、主要任务\n推进工作。", None),
    # an outer item numbered 1 starts no unprinted parent
    ("（六）加强宣传。\n各地广泛宣传。\n（七）强化考核。\n纳入考核。\n一、附则\n本方案自印发之日起施行。", None),
    # the outer style printed first: nothing is missing
    ("一、总体要求\n（一）指导思想\n坚持创新。\n（二）基本原则\n三、主要任务\n推进工作。", None),
    # a run with nothing after it keeps its printed numbers
    ("（六）加强宣传。\n各地广泛宣传。\n（七）强化考核。\n纳入考核。", ["6", "7"]),
])
def test_no_unprinted_parent_without_its_evidence(text: str, ids: list[str] | None) -> None:
    plan = ipplan.parse_text(text)
    assert "N207" not in [n.code for n in plan.notices]
    if ids is not None:
        assert [s[0] for s in outline(text)] == ids


NOISY_LAW = ("第一章、总则.第一条、为了促进专利的创造和运用.保护专利权人的合法权益,根据有关法律.结合本市实际。制定本条例,"
             "第二条、本市行政区域内专利的创造,运用,保护 管理,适用本条例。第三条.市。县人民政府应当加强对专利工作的领导 "
             "第四条 市专利行政部门负责本条例的实施.科技,财政等部门按照职责做好相关工作。第五条,鼓励企业建立专利管理制度、"
             "第六条、依照本条例第二条规定.违反本条例第四条、第五条规定的,由专利行政部门责令改正。第七条、本条例自公布之日起施行")


def test_a_law_run_into_one_paragraph_with_ocr_punctuation() -> None:
    """One paragraph holds 第一章 and 第一条…第七条, each article after any sign (, 。 、 . or a
    space) and followed by one; references to articles inside an article stay text
    (依照本条例第二条规定 / 第四条、第五条规定的). Full stops printed '.' between characters
    make the 。 noise: an article's title is its whole text."""
    got = [(i, lab, t.replace(" ", "")) for i, lab, _, _, t in outline(NOISY_LAW)]
    assert [(i, lab) for i, lab, _ in got] == [("1", "第一章")] + [(f"1.{n}", f"第{c}条") for n, c in enumerate("一二三四五六七", 1)]
    assert got[0][2] == "总则"
    assert got[1][2] == "为了促进专利的创造和运用.保护专利权人的合法权益,根据有关法律.结合本市实际。制定本条例"
    assert got[3][2] == "市。县人民政府应当加强对专利工作的领导"
    assert got[6][2] == "依照本条例第二条规定.违反本条例第四条、第五条规定的,由专利行政部门责令改正"


def test_a_clean_law_keeps_references_and_first_sentence_titles() -> None:
    """Near-misses: in a clean law (no '.' between characters) an article's title ends at its
    first 。, and an article reference after a comma or 、 is text: 第三条、第四条 (a list), 第五条规定,
    《…》第十条, a number that is not the next article."""
    text = ("第一章 总则\n第一条 为了保护专利权，根据《专利法》第十条，制定本条例。本条例适用于本市。\n"
            "第二条 违反本条例第三条、第四条规定的，由市专利行政部门处理，第五条规定的情形除外。\n"
            "第三条 市人民政府负责协调，第三条第二款所列事项由区政府办理。")
    assert [(i, lab, t) for i, lab, _, _, t in outline(text)] == [
        ("1", "第一章", "总则"), ("1.1", "第一条", "为了保护专利权，根据《专利法》第十条，制定本条例"),
        ("1.2", "第二条", "违反本条例第三条、第四条规定的，由市专利行政部门处理，第五条规定的情形除外"),
        ("1.3", "第三条", "市人民政府负责协调，第三条第二款所列事项由区政府办理")]


def test_an_article_after_a_comma_outside_a_law_is_text() -> None:
    """Near-miss: outside a law (no chapter or article open) 第二条、 after a comma starts nothing."""
    text = "一、工作要求\n按照通知要求,第二条、第三条所列事项由各区办理,第二条、各区要抓好落实。"
    assert [s[0] for s in outline(text)] == ["1"]


def test_a_page_that_starts_mid_list_at_an_inner_item() -> None:
    """A page cut inside a list of 1. items (3. then 4.), then （三） and 1.: the outline starts at
    3.; （三） shows the run was item 2's (unprinted)."""
    text = ("某某政务网 首页 > 政策文件\n3.建设服务平台。推进知识产权服务平台建设。\n"
            "4.培育服务机构。支持服务机构做大做强。\n（三）强化保护\n1.严格行政执法。加大查处力度。")
    assert [(i, lab, t) for i, lab, _, _, t in outline(text)] == [
        ("2", "", ""), ("2.3", "3.", "建设服务平台"), ("2.4", "4.", "培育服务机构"), ("3", "（三）", "强化保护"),
        ("3.1", "1.", "严格行政执法")]


@pytest.mark.parametrize("text", [
    "某某政务网\n2.首页\n新闻中心\n一、总体要求\n坚持创新。",  # a lone numbered chrome line: no run
    "某某政务网\n3.建设服务平台。\n5.培育服务机构。\n一、总体要求\n坚持创新。",  # not a run (3 then 5)
    "附件：1.重点任务清单\n2.责任分解表\n3.考核办法\n一、总体要求。坚持创新。",  # an attachment list
])
def test_no_mid_list_start_without_a_run(text: str) -> None:
    assert [(i, lab) for i, lab, _, _, _ in outline(text)] == [("1", "一、")]


@pytest.mark.parametrize("text", [
    "某某网 记者获悉，某市印发行动方案。\n——加快推进专利转化。\n——推进修订保护办法。\n据介绍，方案明确了重点任务。",
    "——加快推进专利转化。\n一、总体要求\n坚持创新。",
])
def test_bullets_in_the_head_never_break_the_mid_list_check(text: str) -> None:
    """A head line that is a —— bullet (no ordinal) is no inner item numbered 2 or more: the
    mid-list check (OL25) passes it by (it raised TypeError on a news page quoting bullets)."""
    outline(text)


def test_a_table_of_contents_is_no_outline() -> None:
    """目录 then its entries (with page numbers), then the body repeating the first entry: the
    entries are not sections, the body's items are (and nest as printed)."""
    text = ("某市知识产权保护和运用规划\n目  录\n一、发展环境……………………1\n二、总体要求………………4\n前言\n"
            "三、主要任务………………7\n一、发展环境\n（一）发展基础\n全市专利授权量稳步增长。\n二、总体要求\n（一）指导思想\n"
            "坚持创新驱动。\n三、主要任务\n推进知识产权强市建设。")
    assert [(i, lab, t) for i, lab, _, _, t in outline(text)] == [
        ("1", "一、", "发展环境"), ("1.1", "（一）", "发展基础"), ("2", "二、", "总体要求"), ("2.1", "（一）", "指导思想"),
        ("3", "三、", "主要任务")]


def test_a_contents_line_without_entries_is_no_table_of_contents() -> None:
    """Near-miss: 目录 followed by the body itself (nothing repeats): every item is a section."""
    text = "某市知识产权规划\n目录\n一、发展环境\n（一）发展基础\n全市专利授权量稳步增长。\n二、总体要求\n坚持创新驱动。"
    assert [i for i, *_ in outline(text)] == ["1", "1.1", "2"]


def _ids(text: str) -> list[str]:
    from ipplan.parse.outline import _split
    _, builder = _split(list(enumerate(text.split("\n"), 1)))
    out, todo = [], list(reversed(builder.roots))
    while todo:
        node = todo.pop()
        out.append(f"{node.id} {node.label}")
        todo.extend(reversed(node.children))
    return out


def test_regulation_excerpt_from_a_later_chapter_reads_its_articles() -> None:
    """Page 2..n of a regulation run into one paragraph with OCR punctuation (OL27 + OL22/OL23)."""
    text = ("第三章.保护措施.第九条、市人民政府建立协作机制 加强执法.第十条,市场监管部门应当受理投诉。"
            "第十一条。鼓励行业协会制定自律规范.第十二条 依法查处侵权行为。")
    assert _ids(text) == ["3 第三章", "3.9 第九条", "3.10 第十条", "3.11 第十一条", "3.12 第十二条"]
    # near-misses: chapter one must start at 第一条; a reference is no article
    assert _ids("第一章 总则\n第四条、本条例适用于本市。") == ["1 第一章"]
    assert _ids("第三章 保护\n依照本条例第九条、第十条规定执行。") == ["3 第三章"]


def test_decimal_outline_levels_follow_the_count_of_parts() -> None:
    """1.1 / 1.1.1 numbering (OL28): 1.1.1 under 1.1 under the open 一、; a lone 1.1 line and
    decimal quantities are text."""
    text = ("一、现状分析\n1.1 发展基础\n1.1.1 创新能力提升\n1.1.2 服务体系完善\n1.2 面临形势\n1.2.1人才队伍不足\n"
            "二、工作目标\n2.1 总体目标\n2.2 具体指标")
    assert _ids(text) == ["1 一、", "1.1 1.1", "1.1.1 1.1.1", "1.1.2 1.1.2", "1.2 1.2", "1.2.1 1.2.1",
                          "2 二、", "2.1 2.1", "2.2 2.2"]
    assert _ids("一、现状分析\n1.1 发展基础较好。\n全市专利数量持续增长。") == ["1 一、"]
    assert _ids("一、现状分析\n1.5倍于全省平均水平。\n1.2万件发明专利有效。\n2023.1.5 召开会议。") == ["1 一、"]


def test_news_page_quoting_bullets_starts_its_outline_at_the_run() -> None:
    """OL29: consecutive —— lines in a text with no numbered outline are its top-level items."""
    from ipplan.parse.outline import _split
    text = ("记者从省局获悉，今年将重点推进以下工作：\n——完善地方知识产权立法。\n——（已于去年启动）建设保护中心。\n"
            "——培育高价值专利。\n下一步，省局将加强督导。")
    _, b = _split(list(enumerate(text.split("\n"), 1)))
    assert [(n.id, n.label, n.title) for n in b.roots] == [
        ("1", "——", "完善地方知识产权立法"), ("2", "——", "（已于去年启动）建设保护中心"), ("3", "——", "培育高价值专利")]
    # near-misses: one bullet line; dashes inside a sentence; dated signature lines; a text with its own outline
    assert _ids("记者获悉：\n——完善地方知识产权立法。\n下一步将加强督导。") == []
    assert _ids("会议要求——完善立法——培育专利。\n下一步将加强督导。") == []
    assert _ids("创新是第一动力。\n——2024年1月16日在某会议上的讲话\n——2024年3月5日在某会议上的讲话") == []
    assert _ids("要点提出：\n——完善立法。\n——培育专利。\n一、总体要求\n坚持创新。") == ["1 一、"]


def test_title_keeps_a_pdf_spaced_quote() -> None:
    """A PDF's stray spaces around a quote (做好 “十四五 ”规划) do not end the title; a real space does."""
    from ipplan.parse.outline import split_title
    assert split_title("编制 “十四五 ”专利规划。（省局负责）", "arabic")[0] == "编制 “十四五 ”专利规划"
    assert split_title("加强组织领导 成立工作专班，统筹推进各项工作。", "cn") == (
        "加强组织领导", "成立工作专班，统筹推进各项工作。")


def test_bare_marker_that_ends_a_cut_text_is_no_item() -> None:
    """A page cut right after 一、 leaves a marker with nothing after it: no section."""
    assert _ids("关于印发某规划的通知\n某某规划\n“十四五”时期是关键时期。\n一、 ") == []
    # near-miss: a marker alone on its line whose heading is the next line is an item
    assert _ids("某某规划\n前言。\n一、\n发展基础") == ["1 一、"]


def test_one_line_paste_heading_ends_at_a_space() -> None:
    """Items run together on one line without 。: each heading ends at its first space."""
    from ipplan.parse.outline import _split
    text = "现将有关事项通知如下: 一、活动主题 保护创新 激励创造 二、活动时间 2024年4月20日-26日 三、宣传重点 1、宣传法律法规。"
    _, b = _split(list(enumerate(text.split("\n"), 1)))
    assert [(n.id, n.title) for n in b.roots] == [("1", "活动主题"), ("2", "活动时间"), ("3", "宣传重点")]
    assert b.roots[0].text == ["保护创新 激励创造"]


def test_bracketed_bare_marker_at_the_end_ends() -> None:
    """A bracketed marker alone on the last line ends the parse (read again at 0 it looped)."""
    assert _ids("一、总体要求\n坚持创新。\n（0）") == ["1 一、"]
    assert _ids("某某通知\n（一）") == []
