"""Outline markers and table rows: the shape of a numbered item (一、 (一) 1. (1) ① ——) and
of a pipe-flattened table row. A leaf module: readers, layout repair and the outline all
read these, so it imports no stage."""

from __future__ import annotations

import re
from typing import NamedTuple

from ipplan.parse.numerals import ordinal as to_ordinal

_CN = "一二三四五六七八九十百〇零"


class MarkerRule(NamedTuple):
    code: str
    style: str
    summary: str
    regex: str  # verbose fragment with a named group "num" (except bullets)
    examples: tuple[str, ...]
    near_misses: tuple[str, ...]


MARKER_RULES: tuple[MarkerRule, ...] = (
    MarkerRule("OL01", "cn", "chapter: 一、 (also 一. and OCR's 一 、)",
               rf"(?P<num>[{_CN}]{{1,4}}) \s* [、.．]",
               ("一、指导思想", "十一、附则", "二. 工作目标"), ("一是完善机制", "十四五时期", "一流营商环境")),
    MarkerRule("OL02", "paren_cn", "section: (一) （一） with either bracket width",
               rf"[(（] \s* (?P<num>[{_CN}]{{1,4}}) \s* [)）] 、?",
               ("(一)指导思想", "（十一）强化督查", "(二)、目标"), ("(一流)", "(一是)")),
    MarkerRule("OL03", "arabic", "item: 1. 1、 1． — never 1.8万 nor 1、2、3",
               r"(?P<num>\d{1,3}) \s* (?: [.．](?!\s*\d) | 、(?!\s*\d) )",
               ("1.推进高价值专利聚集", "12、做强商标", "3 .加强"), ("1.8万件", "2022年", "1、2、3级", "3.85件")),
    MarkerRule("OL04", "paren_arabic", "sub-item: (1) （1）",
               r"[(（] \s* (?P<num>\d{1,3}) \s* [)）] 、?",
               ("(1)建立机制", "（12）加强"), ("(2022)", "(2023年底达3.85件)")),
    MarkerRule("OL05", "circled", "sub-sub-item: ① ②", r"(?P<num>[\u2460-\u2473])", ("①加强",), ()),
    MarkerRule("OL06", "bullet", "dash bullet: —— (position among siblings is its ordinal)",
               r"(?P<dash>——|—{2}|－－|-{2}(?!-))", ("——试点探索。坚持", "--创新活力强劲"), ("3—4个",)),
)

# One alternative per rule, named by style; inner groups renamed to stay unique.
MARKER_ALT = "|".join(
    f"(?P<{r.style}>" + r.regex.replace("(?P<num>", f"(?P<{r.style}_num>").replace("(?P<dash>", "(") + ")"
    for r in MARKER_RULES
)
MARKER = re.compile(rf"\s*(?:{MARKER_ALT})\s*", re.VERBOSE)

#: Start of the attachments: 附件：… / 附件1 / 附件一 / 附表2.
ATTACHMENT = re.compile(r"附[件表]\s*(?:[:：]|[0-9一二三四五六七八九十]{1,3}\s*(?:[:：]|$))")
#: The same inside a line (one-line pastes): after a sentence end or a space.
ATTACHMENT_INLINE = re.compile(r"(?<=[。；;\s])附[件表]\s*(?:[:：]|[0-9一二三四五六七八九十]{1,2}\s)")

class Marker(NamedTuple):
    style: str
    label: str
    ordinal: int | None  # None for bullets until placed
    end: int  # index in the line where the content starts


#: A table cell longer than this is text that happens to hold pipes (a one-line paste).
MAX_CELL = 300


def is_table_row(line: str) -> bool:
    """A pipe-flattened table row: | a | b | with cells of table size."""
    return line.count("|") >= 2 and all(len(cell) <= MAX_CELL for cell in line.split("|"))


def match_marker(text: str, pos: int = 0) -> Marker | None:
    """The outline marker at ``text[pos:]``, or None."""
    m = MARKER.match(text, pos)
    if not m:
        return None
    style = m.lastgroup
    assert style is not None
    label = re.sub(r"\s+", "", m.group(style))
    if style == "bullet":
        return Marker(style, "——", None, m.end())
    num = to_ordinal(m.group(f"{style}_num"))
    if num is None:
        return None
    return Marker(style, label, num, m.end())




def _marker_fires(rule: MarkerRule, text: str) -> bool:
    mk = match_marker(text)
    return mk is not None and mk.style == rule.style


#: Rule tables of this module for the walker test (tests/test_rule_tables.py):
#: name -> (entries, does the rule fire on this text).
RULE_TABLES = {"MARKER_RULES": (MARKER_RULES, _marker_fires)}
