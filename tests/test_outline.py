"""Outline rules: markers, nesting, run-in titles, inline items, attachments, warnings."""

from __future__ import annotations

import pytest

import ipplan
from ipplan import emit
from ipplan.parse.outline import MARKER_RULES, match_marker, split_title
from tests.helpers import plan_dict, HALF_TO_FULL, outline_view


def outline(text: str, *, with_text: bool = False) -> list[tuple]:
    return outline_view(plan_dict(ipplan.parse_text(text))["sections"], text=with_text)


@pytest.mark.parametrize(("rule", "example"), [(r, e) for r in MARKER_RULES for e in r.examples],
                         ids=lambda v: getattr(v, "code", v))
def test_marker_examples_match(rule, example: str) -> None:
    mk = match_marker(example)
    assert mk is not None and mk.style == rule.style


@pytest.mark.parametrize(("rule", "near_miss"), [(r, e) for r in MARKER_RULES for e in r.near_misses],
                         ids=lambda v: getattr(v, "code", v))
def test_marker_near_misses_do_not_match(rule, near_miss: str) -> None:
    mk = match_marker(near_miss)
    assert mk is None or mk.style != rule.style


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


def test_attachment_list_and_attachments_are_not_sections() -> None:
    text = ("一、目标\n（一）甲。内容。\n附件：1.责任分解表\n2.阶段性目标\n附件1\n责任分解表\n一、不是章节\n1.也不是")
    assert [s[0] for s in outline(text)] == ["1", "1.1"]


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
