"""Outline markers and table rows: the shape of a numbered item (一、 (一) 1. (1) ① ——) and
of a pipe-flattened table row. A leaf module: readers, layout repair and the outline all
read these, so it imports no stage."""

from __future__ import annotations

import functools
import re
from typing import NamedTuple

from ipplan.parse.numerals import CN_COUNT_CLASS, CN_ORDINAL_CLASS
from ipplan.parse.numerals import ordinal as to_ordinal

_CN = CN_ORDINAL_CLASS


class MarkerRule(NamedTuple):
    code: str
    style: str
    summary: str
    regex: str  # verbose fragment with a named group "num" (except bullets)
    examples: tuple[str, ...]
    near_misses: tuple[str, ...]
    #: A weak marker (a bare 2 before a heading) only continues an open sequence.
    weak: bool = False


MARKER_RULES: tuple[MarkerRule, ...] = (
    MarkerRule("OL07", "chapter", "chapter of a regulation or 办法: 第一章 (level 1 above its articles)",
               rf"第 \s* (?P<num>[{_CN}]{{1,4}}) \s* 章 (?!程|节[的中])",
               ("第一章 总 则", "第十二章附则"), ("第一章程", "第三章节的内容")),
    MarkerRule("OL08", "article", "article: 第一条 (its ordinal is the printed number, across chapters)",
               rf"第 \s* (?P<num>[{_CN}]{{1,5}}) \s* 条 (?! \s*(?:规定|的|第|款|所|中|之|[，,。、]) )",
               ("第一条 为了规范专利代理行为", "第二十一条　专利代理师"), ("第三条规定的情形", "第五条的要求", "第一条、第二条")),
    MarkerRule("OL01", "cn", "chapter: 一、 (also 一. and OCR's 一 、)",
               rf"(?P<num>[{_CN}]{{1,4}}) \s* [、.．]",
               ("一、指导思想", "十一、附则", "二. 工作目标"), ("一是完善机制", "十四五时期", "一流营商环境")),
    MarkerRule("OL02", "paren_cn", "section: (一) （一） with either bracket width",
               rf"[(（] \s* (?P<num>[{_CN}]{{1,4}}) \s* [)）] 、?",
               ("(一)指导思想", "（十一）强化督查", "(二)、目标"), ("(一流)", "(一是)")),
    MarkerRule("OL03", "arabic", "item: 1. 1、 1． — never 1.8万 nor 1、2、3",
               r"(?P<num>\d{1,3}) \s* (?: [.．](?!\s*\d) | 、(?!\s*\d) | [,，](?=\s*[\u4e00-\u9fff]) )",
               ("1.推进高价值专利聚集", "12、做强商标", "3 .加强", "4,推荐人员年龄"),
               ("1.8万件", "2022年", "1、2、3级", "3.85件", "1,200万元")),
    MarkerRule("OL04", "paren_arabic", "sub-item: (1) （1）",
               r"[(（] \s* (?P<num>\d{1,3}) \s* [)）] 、?",
               ("(1)建立机制", "（12）加强"), ("(2022)", "(2023年底达3.85件)")),
    MarkerRule("OL09", "arabic", "bare item number glued to its heading (2中医药临床专家), only continuing 1. …",
               r"(?P<num>\d{1,2}) (?=[\u4e00-\u9fff]) (?![个年月日号万亿千百元名人家项件次届期天岁倍%％])",
               ("2中医药临床、技术专家", "3中医药临床专业技术骨干"), ("3个工作日", "2022年", "2万元", "5名专家"),
               weak=True),
    MarkerRule("OL05", "circled", "sub-sub-item: ① ②", r"(?P<num>[\u2460-\u2473])", ("①加强",), ()),
    MarkerRule("OL06", "bullet", "dash bullet: —— (position among siblings is its ordinal)",
               r"(?P<dash>——|—{2}|－－|-{2}(?!-))", ("——试点探索。坚持", "--创新活力强劲"), ("3—4个",)),
)

# One alternative per rule, named by its code; inner groups renamed to stay unique.
MARKER_ALT = "|".join(
    f"(?P<{r.code}>" + r.regex.replace("(?P<num>", f"(?P<{r.code}_num>").replace("(?P<dash>", "(") + ")"
    for r in MARKER_RULES
)
_BY_CODE = {r.code: r for r in MARKER_RULES}
MARKER = re.compile(rf"\s*(?:{MARKER_ALT})\s*", re.VERBOSE)

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
RUN_IN_HEADING = re.compile("(?:" + "|".join(HEADING_WORDS) + r")(?=[\u4e00-\u9fff“])")

#: A box printed inside the outline (专栏1 重点工程): its items are not sections.
BOX_START = re.compile(rf"^\s*专栏\s*[0-9{CN_COUNT_CLASS}]{{0,3}}(?:\s|[:：]|$|[\u4e00-\u9fff])")

#: Start of the attachments: 附件：… / 附件1 / 附件一 / 附表2.
ATTACHMENT = re.compile(rf"附[件表]\s*(?:[:：]|[0-9{CN_COUNT_CLASS}]{{1,3}}\s*(?:[:：]|$))")
#: The same inside a line (one-line pastes): after a sentence end or a space.
ATTACHMENT_INLINE = re.compile(rf"(?<=[。；;\s])附[件表]\s*(?:[:：]|[0-9{CN_COUNT_CLASS}]{{1,2}}\s)")

class Marker(NamedTuple):
    style: str
    label: str
    ordinal: int | None  # None for bullets until placed
    end: int  # index in the line where the content starts
    weak: bool = False  # only continues an open sequence (OL09)


#: A table cell longer than this is text that happens to hold pipes (a one-line paste).
MAX_CELL = 1500


def is_table_row(line: str) -> bool:
    """A pipe-flattened table row: | a | b | with cells of table size."""
    return line.count("|") >= 2 and all(len(cell) <= MAX_CELL for cell in line.split("|"))


def match_marker(text: str, pos: int = 0) -> Marker | None:
    """The outline marker at ``text[pos:]``, or None."""
    m = MARKER.match(text, pos)
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
        return Marker(rule.style, "——", None, 0)
    num = to_ordinal(number) if number else None
    if num is None:
        return None
    return Marker(rule.style, label, num, 0, rule.weak)


def _marker_fires(rule: MarkerRule, text: str) -> bool:
    m = MARKER.match(text)
    return m is not None and m.lastgroup == rule.code and match_marker(text) is not None


#: Rule tables of this module for the walker test (tests/test_rule_tables.py):
#: name -> (entries, does the rule fire on this text).
RULE_TABLES = {"MARKER_RULES": (MARKER_RULES, _marker_fires)}
