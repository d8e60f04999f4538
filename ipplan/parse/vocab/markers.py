"""Outline markers and table rows: the shape of a numbered item (一、 (一) 1. (1) ① ——) and
of a pipe-flattened table row. A leaf module: readers, layout repair and the outline all
read these, so it imports no stage."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import NamedTuple

from ipplan import patterncache
from ipplan.parse.numerals import CN_COUNT_CLASS, CN_ORDINAL_CLASS
from ipplan.parse.numerals import ordinal as to_ordinal
from ipplan.parse.dates import DATE, YEAR
from ipplan.parse.rules import PatternRule, Rule, lazy
from ipplan.parse.vocab.measures import CALENDAR_WORDS, MAGNITUDE_WORDS, MEASURES, alternation
from ipplan.parse.vocab.text import CJK

_CN = CN_ORDINAL_CLASS
#: What a bare number glued to Chinese text is when it is no item number: a count (3个, 2艘),
#: a magnitude (2万), a date or an age (2022年, 5岁).
_NO_ITEM_AFTER = alternation(MEASURES + tuple(MAGNITUDE_WORDS) + CALENDAR_WORDS)
#: What a decimal number at a line start is when it is no outline number (1.5倍, 1.2万件, 3.85件,
#: 2.5个百分点): a magnitude, a date word, 倍 or 版, a measure of two or more characters, or a
#: one-character measure that ends the word (3.1人才 / 2.5部门 are headings).
_NO_DECIMAL_ITEM_AFTER = (
    alternation(tuple(MAGNITUDE_WORDS) + CALENDAR_WORDS + ("倍", "版") + tuple(m for m in MEASURES if len(m) > 1))
    + "|(?:" + alternation(tuple(m for m in MEASURES if len(m) == 1)) + rf")(?![{CJK}])")


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
    MarkerRule(code="OL10", style="law_section",
               summary="section of a chapter: 第一节 (between its chapter and its articles)",
               pattern=rf"第 \s* (?P<num>[{_CN}]{{1,3}}) \s* 节 (?! (?:课|日|的|中|所|规定) | \s*[，,。、] )",
               examples=(("第一节 一般监管", {"style": "law_section", "label": "第一节", "ordinal": 1, "title": "一般监管"}),
                         ("第四节　风险 监管", {"style": "law_section", "label": "第四节", "ordinal": 4, "title": "风险监管"})),
               near_misses=("第一节课", "第二节的规定", "第三节、第四节")),
    MarkerRule(code="OL08", style="article",
               summary="article: 第一条 (its ordinal is the printed number, across chapters)",
               pattern=rf"第 \s* (?P<num>[{_CN}]{{1,5}}) \s* 条 (?! (?:规定|的|第|款|所|中|之) | \s*[，,。、] )",
               examples=(("第一条 为了规范专利代理行为，制定本条例。",
                          {"style": "article", "label": "第一条", "ordinal": 1, "title": "为了规范专利代理行为，制定本条例"}),
                         ("第七十条 中央驻粤机构依照法律实施监管。",
                          {"style": "article", "label": "第七十条", "ordinal": 70, "title": "中央驻粤机构依照法律实施监管"}),
                         ("第二十一条　专利代理师应当诚实守信。专利代理机构应当…",
                          {"style": "article", "label": "第二十一条", "ordinal": 21, "title": "专利代理师应当诚实守信",
                           "text": "专利代理机构应当…"})),
               near_misses=("第三条规定的情形", "第五条的要求", "第一条、第二条", "第十条中所称", "第三条 、第四条")),
    MarkerRule(code="OL22", style="article", weak=True,
               summary="article printed with OCR punctuation after it (第二条、本市… / 第六条,市… / 第三条.本条例… / 第十条。在…): "
                       "weak, it only continues the article sequence of a law (outline.LOOSE_ARTICLE_RULES)",
               pattern=rf"第 \s* (?P<num>[{_CN}]{{1,5}}) \s* 条 (?= \s* [、,，.．。] \s* (?! 第 | [、,，.．。] | 规定 | 的 ) [{CJK}] )",
               examples=(("第二条、本市行政区域内的活动,适用本条例。",
                          {"style": "article", "label": "第二条", "ordinal": 2, "title": "本市行政区域内的活动,适用本条例"}),
                         ("第六条,市、县人民政府应当加强宣传。普及知识。",
                          {"style": "article", "label": "第六条", "ordinal": 6, "title": "市、县人民政府应当加强宣传",
                           "text": "普及知识。"}),
                         ("第十条。在评定职称时,专利应当作为重要条件。",
                          {"style": "article", "label": "第十条", "ordinal": 10, "title": "在评定职称时,专利应当作为重要条件"})),
               near_misses=("第一条、第二条", "第三条,第四条规定的情形", "第五条、的规定", "第七条 本条例自公布之日起施行",
                            "第八条。第九条")),
    MarkerRule(code="OL01", style="cn",
               summary="chapter: 一、 (also 一. and OCR's 一 、); never a run of numerals 一、二级 / 一、二、三产业",
               pattern=rf"(?P<num>[{_CN}]{{1,4}}) \s* [、.．﹒] (?! \s* [{_CN}]{{1,3}} \s* (?:[、级等类档季期批]|产业) )",
               examples=(("一、指导思想", {"style": "cn", "label": "一、", "ordinal": 1, "title": "指导思想"}),
                         ("十一、附则", {"style": "cn", "label": "十一、", "ordinal": 11, "title": "附则"}),
                         ("二. 工作目标", {"style": "cn", "label": "二.", "ordinal": 2, "title": "工作目标"}),
                         ("三 、总体要求坚持问题导向，突出重点。",
                          {"style": "cn", "label": "三、", "ordinal": 3, "title": "总体要求", "text": "坚持问题导向，突出重点。"})),
               near_misses=("一是完善机制", "十四五时期", "一流营商环境", "一、二级智力、精神残疾的特困人员",
                            "一、二、三产业融通发展", "一、二季度完成")),
    MarkerRule(code="OL02", style="paren_cn", summary="section: (一) （一） with either bracket width",
               pattern=rf"[(（] \s* (?P<num>[{_CN}]{{1,4}}) \s* [)）] 、?",
               examples=(("(一)指导思想", {"style": "paren_cn", "label": "(一)", "ordinal": 1, "title": "指导思想"}),
                         ("（十一）强化督查。定期通报进展。",
                          {"style": "paren_cn", "label": "（十一）", "ordinal": 11, "title": "强化督查", "text": "定期通报进展。"}),
                         ("(二)、目标", {"style": "paren_cn", "label": "(二)、", "ordinal": 2, "title": "目标"})),
               near_misses=("(一流)", "(一是)")),
    MarkerRule(code="OL03", style="arabic", summary="item: 1. 1、 1． 1﹒ — never 1.8万 nor 1、2、3",
               pattern=rf"(?P<num>\d{{1,3}}) \s* (?: [.．﹒](?!\s*\d) | 、(?!\s*\d) | [,，](?=\s*[{CJK}]) )",
               examples=(("1.推进高价值专利聚集", {"style": "arabic", "label": "1.", "ordinal": 1, "title": "推进高价值专利聚集"}),
                         ("12、做强商标", {"style": "arabic", "label": "12、", "ordinal": 12, "title": "做强商标"}),
                         ("3 .加强", {"style": "arabic", "label": "3.", "ordinal": 3, "title": "加强"}),
                         ("4,推荐人员年龄", {"style": "arabic", "label": "4,", "ordinal": 4, "title": "推荐人员年龄"}),
                         ("13﹒开展新模式推广。", {"style": "arabic", "label": "13﹒", "ordinal": 13, "title": "开展新模式推广"})),
               near_misses=("1.8万件", "2022年", "1、2、3级", "3.85件", "1,200万元", "1﹒5倍")),
    MarkerRule(code="OL28", style="decimal",
               summary="decimal outline number 1.1 / 1.1.1 (a report-style 方案, a table of contents): its level is the "
                       "count of its parts (style decimal2, decimal3, …: 1.1.1 nests under 1.1), its ordinal the last "
                       "part; only at the start of a line, and only where another decimal item follows "
                       "(outline.DECIMAL_RUN_LOOKAHEAD)",
               pattern=rf"(?P<num>\d{{1,2}}(?:[.．]\d{{1,2}}){{1,3}}) (?![.．]?\d) \s* (?=[{CJK}]) (?!{_NO_DECIMAL_ITEM_AFTER})",
               examples=(("1.1国家政策导向", {"style": "decimal2", "label": "1.1", "ordinal": 1, "title": "国家政策导向"}),
                         ("2.3.4 信息平台不健全", {"style": "decimal3", "label": "2.3.4", "ordinal": 4,
                                                 "title": "信息平台不健全"}),
                         ("3.12 强化保护。依法打击侵权。", {"style": "decimal2", "label": "3.12", "ordinal": 12,
                                                      "title": "强化保护", "text": "依法打击侵权。"}),
                         ("2.3.3人才支撑不足", {"style": "decimal3", "label": "2.3.3", "ordinal": 3, "title": "人才支撑不足"}),
                         ("2.5.1部门协同不畅", {"style": "decimal3", "label": "2.5.1", "ordinal": 1, "title": "部门协同不畅"})),
               near_misses=("1.5倍", "1.2万件", "2023.1.5", "1.2.3版本", "3.85件", "1.2.3", "2024.1 工作要点",
                            "2.5个百分点以上", "1.5个工作日")),
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
    return patterncache.compile(rf"\s*(?:{marker_alt()})\s*", re.VERBOSE)


#: Conventional rank of each style, outermost first: a first item printed in an inner
#: style (1.) followed by its successor in an outer style (二、) is the outer sequence.
STYLE_RANK = {"chapter": 0, "law_section": 1, "article": 2, "cn": 3, "paren_cn": 4, "arabic": 5, "paren_arabic": 6,
              "circled": 7, "decimal2": 8, "decimal3": 9, "decimal4": 10}
#: The styles of decimal outline numbers (OL28), by their count of parts.
DECIMAL_STYLES = ("decimal2", "decimal3", "decimal4")
#: The styles of laws and regulations (章 节 条): they start an item at the start of a line,
#: or glued inside one only where LAW_INLINE allows.
LAW_STYLES = ("chapter", "law_section", "article")

#: Standard heading words of a plan's first levels: a run-in heading glued to its body
#: with no separator (一、总体要求坚持…) is cut after the word.
HEADING_WORDS = (
    "总体要求", "指导思想", "基本原则", "工作原则", "总体目标", "主要目标", "发展目标", "工作目标", "具体目标",
    "目标任务", "主要任务", "重点任务", "工作任务", "实施步骤", "工作步骤", "进度安排", "保障措施", "组织保障",
    "组织实施", "工作要求", "组织领导", "实施范围", "适用范围", "工作措施", "职责分工", "任务分工",
)
RUN_IN_HEADING = lazy("(?:" + "|".join(HEADING_WORDS) + rf")(?=[{CJK}“])")

#: Words that open a task sentence of a plan or work report (大力实施…, 坚定不移推进…, 提升…水平):
#: where a one-line paste glued a two-clause heading to its first lead sentence with no
#: separator (一、聚焦抓项目增效益，持续巩固经济回升势头大力实施…), the heading ends before one.
TASK_OPENERS = (
    "坚定不移", "进一步", "高水平", "高质量", "大力", "着力", "不断", "深入", "全力", "全面", "持续", "加快", "积极",
    "切实", "扎实", "稳步", "有序", "努力", "提升", "提高", "推动", "推进", "强化", "加强", "完善", "健全", "优化",
    "深化", "构建", "打造", "实施", "坚持", "培育", "建立", "统筹", "促进", "落实", "严格",
)
#: A run-in heading of two clauses, A，B, and the lead sentence L glued to it: A is short and
#: B + L runs to the first 。 without any other sign; L starts with a TASK_OPENERS word at
#: least GLUED_B_MIN characters into B + L and holds at least GLUED_L_MIN characters.
GLUED_B_MIN = 6
GLUED_L_MIN = 4
GLUED_TWO_CLAUSES = lazy(r"(?P<a>[^，,。；;：:、\s]{2,12})[，,](?P<bl>[^，,。；;：:、\s]{16,60})。")
_OPENER = lazy("|".join(TASK_OPENERS))


def glued_lead_cut(content: str) -> int | None:
    """Where the heading ends in a run-in heading glued to its lead sentence (see
    GLUED_TWO_CLAUSES), or None."""
    m = GLUED_TWO_CLAUSES.match(content)
    if m is None:
        return None
    start, end = m.start("bl"), m.end("bl")
    o = _OPENER.search(content, start + GLUED_B_MIN, end - GLUED_L_MIN + 1)
    return o.start() if o is not None else None


@dataclass(frozen=True, kw_only=True)
class TitleRule(Rule):
    """A cut of a run-in heading's title that only a glued one-line text needs: ``find(content)``
    gives the index where the title ends, or None. Examples give the title."""


#: Title cuts for items of a one-line paste (``outline.split_title(…, glued=True)``).
TITLE_RULES: tuple[TitleRule, ...] = (
    TitleRule(code="OL14", find=glued_lead_cut,
              summary="a two-clause heading glued to its first lead sentence (A，B + 大力实施…。) ends before the lead",
              examples=(("聚焦抓项目增效益，持续巩固经济回升势头大力实施项目投资攻坚行动。牢固树立理念。",
                         "聚焦抓项目增效益，持续巩固经济回升势头"),
                        ("聚焦城市功能完善，提升区域中心城市能级不断提高中心城区综合承载能力。推进规划修编。",
                         "聚焦城市功能完善，提升区域中心城市能级")),
              near_misses=("加强组织领导，成立工作专班统筹推进各项工作。", "强化知识产权保护。严厉打击侵权行为。",
                           "聚焦重点产业，推动产业链供应链优化升级，提升发展质量。",
                           "坚持创新驱动，加快建设知识产权强市推动高质量发展")),
)

#: A box printed inside the outline (专栏1 重点工程): its items are not sections.
BOX_START = lazy(rf"^\s*专栏\s*[0-9{CN_COUNT_CLASS}]{{0,3}}(?:\s|[:：]|$|[{CJK}])")

#: Start of the attachments: 附件：… / 附件1 / 附件一 / 附表2 / 附件 alone on its line.
ATTACHMENT = lazy(rf"附[件表]\s*(?:[:：]|[0-9{CN_COUNT_CLASS}]{{1,3}}\s*(?:[:：]|$)|$)")
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
    if rule.style == "decimal":  # 1.1.1: one style per count of parts, numbered by the last
        parts = re.split(r"[.．]", label)
        return Marker(f"decimal{len(parts)}", label, int(parts[-1]), 0, code=code)
    if rule.style == "bullet":
        return Marker(rule.style, "——", None, 0, code=code)
    num = to_ordinal(number) if number else None
    if num is None:
        return None
    return Marker(rule.style, label, num, 0, rule.weak, code)


@dataclass(frozen=True, kw_only=True)
class PartRule(PatternRule):
    """A whole line that bounds the parts of a document (the outline reads it where no
    marker starts the line): ``kind`` is what it tells the outline. Examples give the kind."""

    kind: str  # "attachment", "colophon" or "part_title"


#: The lines that end the body or start a new numbered part (``outline.line_kind``), in the
#: order they are tried.
PART_RULES: tuple[PartRule, ...] = (
    PartRule(code="OL11", kind="attachment",
             summary="an attachment heading ends the body: 附件：… / 附件1 / 附件一 / 附表2 / 附件 alone",
             pattern=ATTACHMENT.pattern + ".*",
             examples=(("附件", "attachment"), ("附件2", "attachment"), ("附件：1.责任分解表", "attachment"),
                       ("附表一：重点任务", "attachment")),
             near_misses=("附件材料请于月底前报送。", "附件中所列事项", "附则")),
    PartRule(code="OL12", kind="colophon",
             summary="a 版记 line ends the body: 抄送：… / 主送：… at the foot / X 2022年9月30日印发",
             pattern=rf"(?:抄\s*送|主\s*送|发\s*送) \s* [:：] .+"
                     rf"| [^。，,；;：:]{{2,40}}? \s* (?<![于在]) (?:{DATE.pattern}) \s* 印\s*发 \s* 。?",
             examples=(("抄送：市委各部门，市人大常委会办公室，市政协办公室。", "colophon"),
                       ("某某市人民政府办公室 2022年9月30日印发", "colophon"),
                       ("某某市人民政府办公室2022年9月30日印发", "colophon")),
             near_misses=("抄送材料请于月底前报送。", "2022年9月30日印发的《实施方案》要求，各地抓好落实。",
                          "市政府办公室于2022年9月30日印发通知，部署工作。", "本规划由市政府办公室于2022年9月30日印发")),
    PartRule(code="OL13", kind="part_title",
             summary="a part's title: a short line without sentence or clause signs between two numbered parts "
                     "(a second document printed after the first, before its own 一、)",
             pattern=r"(?! \s* (?:专栏|附[件表]) ) [^。；;！？!?，,：:]{4,60}",
             examples=(("某省数字经济创新发展行动计划（2024-2026年）", "part_title"), ("支持数字经济发展若干政策", "part_title")),
             near_misses=("本政策自2024年1月1日起执行。", "专栏1 重点工程", "为深入实施创新驱动发展战略，制定本计划。",
                          "二、工作措施：", "附件")),
)

#: Where the words of a glued part heading may not run: signs, digits, quotes and brackets.
_NOT_IN_HEADING = r"\d\s。，,；;：:！？!?、“”\"《》()（）"

#: Part headings that a one-line text glued between two sentences (``outline.glued_part_heading``):
#: group "h" is the heading. Examples give the heading.
GLUED_PART_RULES: tuple[PatternRule, ...] = (
    PatternRule(code="OL15",
                summary="an unnumbered part heading glued between two sentences of a one-line text: after a sentence "
                        "end, a year and a few words (2024年工作安排建议), then a sentence that opens with a year "
                        "(2024年是… / 今年，…)",
                pattern=rf"(?<=[。！？!?])\s*(?P<h>{YEAR}\s*年[^{_NOT_IN_HEADING}]{{2,14}}?)"
                        rf"\s*(?=(?:{YEAR}\s*年|今年)(?:是|，|,))",
                examples=(("有关问题我们将努力加以解决。2024年工作安排建议2024年是实施规划的关键一年。", "2024年工作安排建议"),
                          ("成绩来之不易。 2024年工作安排 2024年是关键一年。", "2024年工作安排"),
                          ("请予审议。2023年工作回顾2023年，我们迎难而上。", "2023年工作回顾"),
                          ("成绩来之不易。2024年重点工作今年是新中国成立75周年。", "2024年重点工作")),
                near_misses=("成绩来之不易。2024年是实施规划的关键一年。", "成绩来之不易。回首2023年，我们倍感振奋。",
                             "全年增长5%。2023年以来，2024年，持续推进。", "工作回顾2024年是关键一年。",
                             "成绩来之不易。2024年“十四五”规划2024年是关键一年。")),
)
