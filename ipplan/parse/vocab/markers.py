"""Outline markers and table rows: the shape of a numbered item (一、 (一) 1. (1) ① ——) and
of a pipe-flattened table row. A leaf module: readers, layout repair and the outline all
read these, so it imports no stage."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import NamedTuple

from ipplan.parse.numerals import CN_COUNT_CLASS, CN_ORDINAL_CLASS
from ipplan.parse.numerals import ordinal as to_ordinal
from ipplan.parse.rules import PatternRule, lazy
from ipplan.parse.vocab.measures import CALENDAR_WORDS, MAGNITUDE_WORDS, MEASURES, alternation
from ipplan.parse.vocab.text import CJK

_CN = CN_ORDINAL_CLASS
#: What a bare number glued to Chinese text is when it is no item number: a count (3个, 2艘),
#: a magnitude (2万), a date or an age (2022年, 5岁).
_NO_ITEM_AFTER = alternation(MEASURES + tuple(MAGNITUDE_WORDS) + CALENDAR_WORDS)


@dataclass(frozen=True, kw_only=True)
class MarkerRule(PatternRule):
    """An outline marker at the start of a text. ``pattern`` is a verbose fragment with a
    named group "num" (bullets: "dash"); the table is compiled into one alternation
    (``marker_regex``), each rule a group named by its code."""

    style: str
    #: A weak marker (a bare 2 before a heading) only continues an open sequence.
    weak: bool = False


#: Examples give the marker's style, label and ordinal, and the title and text the outline
#: cuts the rest of the line into (``outline.split_title``).
MARKER_RULES: tuple[MarkerRule, ...] = (
    MarkerRule(code="OL07", style="chapter",
               summary="chapter of a regulation or 办法: 第一章 (level 1 above its articles)",
               pattern=rf"第 \s* (?P<num>[{_CN}]{{1,4}}) \s* 章 (?!程|节[的中])",
               examples=(("第一章 总 则", {"style": "chapter", "label": "第一章", "ordinal": 1, "title": "总则"}),
                         ("第十二章附则", {"style": "chapter", "label": "第十二章", "ordinal": 12, "title": "附则"})),
               near_misses=("第一章程", "第三章节的内容")),
    MarkerRule(code="OL08", style="article",
               summary="article: 第一条 (its ordinal is the printed number, across chapters)",
               pattern=rf"第 \s* (?P<num>[{_CN}]{{1,5}}) \s* 条 (?! \s*(?:规定|的|第|款|所|中|之|[，,。、]) )",
               examples=(("第一条 为了规范专利代理行为，制定本条例。",
                          {"style": "article", "label": "第一条", "ordinal": 1, "title": "为了规范专利代理行为，制定本条例"}),
                         ("第二十一条　专利代理师应当诚实守信。专利代理机构应当…",
                          {"style": "article", "label": "第二十一条", "ordinal": 21, "title": "专利代理师应当诚实守信",
                           "text": "专利代理机构应当…"})),
               near_misses=("第三条规定的情形", "第五条的要求", "第一条、第二条")),
    MarkerRule(code="OL01", style="cn", summary="chapter: 一、 (also 一. and OCR's 一 、)",
               pattern=rf"(?P<num>[{_CN}]{{1,4}}) \s* [、.．]",
               examples=(("一、指导思想", {"style": "cn", "label": "一、", "ordinal": 1, "title": "指导思想"}),
                         ("十一、附则", {"style": "cn", "label": "十一、", "ordinal": 11, "title": "附则"}),
                         ("二. 工作目标", {"style": "cn", "label": "二.", "ordinal": 2, "title": "工作目标"}),
                         ("三 、总体要求坚持问题导向，突出重点。",
                          {"style": "cn", "label": "三、", "ordinal": 3, "title": "总体要求", "text": "坚持问题导向，突出重点。"})),
               near_misses=("一是完善机制", "十四五时期", "一流营商环境")),
    MarkerRule(code="OL02", style="paren_cn", summary="section: (一) （一） with either bracket width",
               pattern=rf"[(（] \s* (?P<num>[{_CN}]{{1,4}}) \s* [)）] 、?",
               examples=(("(一)指导思想", {"style": "paren_cn", "label": "(一)", "ordinal": 1, "title": "指导思想"}),
                         ("（十一）强化督查。定期通报进展。",
                          {"style": "paren_cn", "label": "（十一）", "ordinal": 11, "title": "强化督查", "text": "定期通报进展。"}),
                         ("(二)、目标", {"style": "paren_cn", "label": "(二)、", "ordinal": 2, "title": "目标"})),
               near_misses=("(一流)", "(一是)")),
    MarkerRule(code="OL03", style="arabic", summary="item: 1. 1、 1． — never 1.8万 nor 1、2、3",
               pattern=rf"(?P<num>\d{{1,3}}) \s* (?: [.．](?!\s*\d) | 、(?!\s*\d) | [,，](?=\s*[{CJK}]) )",
               examples=(("1.推进高价值专利聚集", {"style": "arabic", "label": "1.", "ordinal": 1, "title": "推进高价值专利聚集"}),
                         ("12、做强商标", {"style": "arabic", "label": "12、", "ordinal": 12, "title": "做强商标"}),
                         ("3 .加强", {"style": "arabic", "label": "3.", "ordinal": 3, "title": "加强"}),
                         ("4,推荐人员年龄", {"style": "arabic", "label": "4,", "ordinal": 4, "title": "推荐人员年龄"})),
               near_misses=("1.8万件", "2022年", "1、2、3级", "3.85件", "1,200万元")),
    MarkerRule(code="OL04", style="paren_arabic", summary="sub-item: (1) （1）",
               pattern=r"[(（] \s* (?P<num>\d{1,3}) \s* [)）] 、?",
               examples=(("(1)建立机制", {"style": "paren_arabic", "label": "(1)", "ordinal": 1, "title": "建立机制"}),
                         ("（12）加强", {"style": "paren_arabic", "label": "（12）", "ordinal": 12, "title": "加强"})),
               near_misses=("(2022)", "(2023年底达3.85件)")),
    MarkerRule(code="OL09", style="arabic", weak=True,
               summary="bare item number glued to its heading (2中医药临床专家), only continuing 1. …; "
                       "never a number before a measure, magnitude or date word (vocab/measures.py)",
               pattern=rf"(?P<num>\d{{1,2}}) (?=[{CJK}]) (?!{_NO_ITEM_AFTER})",
               examples=(("2中医药临床、技术专家", {"style": "arabic", "label": "2", "ordinal": 2, "title": "中医药临床、技术专家"}),
                         ("3中医药临床专业技术骨干", {"style": "arabic", "label": "3", "ordinal": 3, "title": "中医药临床专业技术骨干"})),
               near_misses=("3个工作日", "2022年", "2万元", "5名专家", "2个工作日内", "3人次")),
    MarkerRule(code="OL05", style="circled", summary="sub-sub-item: ① ②", pattern=r"(?P<num>[\u2460-\u2473])",
               examples=(("①加强", {"style": "circled", "label": "①", "ordinal": 1, "title": "加强"}),)),
    MarkerRule(code="OL06", style="bullet", summary="dash bullet: —— (position among siblings is its ordinal)",
               pattern=r"(?P<dash>——|—{2}|－－|-{2}(?!-))",
               examples=(("——试点探索。坚持", {"style": "bullet", "label": "——", "title": "试点探索", "text": "坚持"}),
                         ("--创新活力强劲", {"style": "bullet", "label": "——", "title": "创新活力强劲"})),
               near_misses=("3—4个",)),
)


@functools.cache
def marker_alt() -> str:
    """The table as one alternation, one group per rule named by its code (inner groups
    renamed to stay unique): what ``marker_regex`` and the outline's inline scan match."""
    return "|".join(
        f"(?P<{r.code}>" + r.pattern.replace("(?P<num>", f"(?P<{r.code}_num>").replace("(?P<dash>", "(") + ")"
        for r in MARKER_RULES
    )


_BY_CODE = {r.code: r for r in MARKER_RULES}


@functools.cache
def marker_regex() -> re.Pattern[str]:
    """Any marker of MARKER_RULES at a position (compiled on first use)."""
    return re.compile(rf"\s*(?:{marker_alt()})\s*", re.VERBOSE)


#: Conventional rank of each style, outermost first: a first item printed in an inner
#: style (1.) followed by its successor in an outer style (二、) is the outer sequence.
STYLE_RANK = {"chapter": 0, "article": 1, "cn": 2, "paren_cn": 3, "arabic": 4, "paren_arabic": 5, "circled": 6}

#: Standard heading words of a plan's first levels: a run-in heading glued to its body
#: with no separator (一、总体要求坚持…) is cut after the word.
HEADING_WORDS = (
    "总体要求", "指导思想", "基本原则", "工作原则", "总体目标", "主要目标", "发展目标", "工作目标", "具体目标",
    "目标任务", "主要任务", "重点任务", "工作任务", "实施步骤", "工作步骤", "进度安排", "保障措施", "组织保障",
    "组织实施", "工作要求", "组织领导", "实施范围", "适用范围", "工作措施", "职责分工", "任务分工",
)
RUN_IN_HEADING = lazy("(?:" + "|".join(HEADING_WORDS) + rf")(?=[{CJK}“])")

#: A box printed inside the outline (专栏1 重点工程): its items are not sections.
BOX_START = lazy(rf"^\s*专栏\s*[0-9{CN_COUNT_CLASS}]{{0,3}}(?:\s|[:：]|$|[{CJK}])")

#: Start of the attachments: 附件：… / 附件1 / 附件一 / 附表2.
ATTACHMENT = lazy(rf"附[件表]\s*(?:[:：]|[0-9{CN_COUNT_CLASS}]{{1,3}}\s*(?:[:：]|$))")
#: The same inside a line (one-line pastes): after a sentence end or a space.
ATTACHMENT_INLINE = lazy(rf"(?<=[。；;\s])附[件表]\s*(?:[:：]|[0-9{CN_COUNT_CLASS}]{{1,2}}\s)")

class Marker(NamedTuple):
    style: str
    label: str
    ordinal: int | None  # None for bullets until placed
    end: int  # index in the line where the content starts
    weak: bool = False  # only continues an open sequence (OL09)
    code: str = ""  # the rule of MARKER_RULES that found it


#: The header cell of a table's row-number column (a pasted Word table starts with it).
ROW_NUMBER_COLUMN = lazy(r"^(?:序号|编号|序)$")

#: A table cell longer than this is text that happens to hold pipes (a one-line paste).
MAX_CELL = 1500


def is_table_row(line: str) -> bool:
    """A pipe-flattened table row: | a | b | with cells of table size."""
    return line.count("|") >= 2 and all(len(cell) <= MAX_CELL for cell in line.split("|"))


def match_marker(text: str, pos: int = 0) -> Marker | None:
    """The outline marker at ``text[pos:]``, or None."""
    m = marker_regex().match(text, pos)
    if not m:
        return None
    code = m.lastgroup
    assert code is not None
    found = _read_marker(code, m.group(code), m.group(f"{code}_num") if f"{code}_num" in m.re.groupindex else None)
    return None if found is None else found._replace(end=m.end())


@functools.lru_cache(maxsize=4096)
def _read_marker(code: str, printed: str, number: str | None) -> Marker | None:
    """Style, label and ordinal of a printed marker (cached: markers repeat, ~3× faster)."""
    rule = _BY_CODE[code]
    label = re.sub(r"\s+", "", printed)
    if rule.style == "bullet":
        return Marker(rule.style, "——", None, 0, code=code)
    num = to_ordinal(number) if number else None
    if num is None:
        return None
    return Marker(rule.style, label, num, 0, rule.weak, code)
