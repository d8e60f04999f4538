"""The 公文 header: every GB/T 9704 element of the document, each a named rule.

A document's header is read in three steps. First each line of the outline's head and tail
(the lines before the first section, and from the attachments or the signature on) is
classified once by the first line rule of ``LINE_RULES`` that fires (a 文号 line, the
notice title, the 主送 line, a bare date, a signature, a law's history line …); lines a
title or a 主送 list is broken over are joined before, and a line holding a heading and
another element is split by ``COMPOUND_RULES``. Then each element picks its line from the
classified lines by a fixed preference (the date under the signature wins over a page's
metadata; the plan's own title over the notice's 《》). Last, the issuer and the region are
read from the first source of ``ISSUER_SOURCES`` and ``REGION_SOURCES`` that gives one (the
signature, a title's organs, a law's history, an order's number …; a title's place, the
issuer's, 全国 for a central organ …). No rule reads the body, except region (结合X实际, a
plan addressed to every province) and period.

Every element keeps the line it came from (``Meta.lines``), in the numbered text that
``ipplan text`` prints. A field the document does not state stays None: a number cited in
a sentence is never the 文号, because line rules match whole lines only, and a place named
in passing is never the region.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from typing import Any, NamedTuple

from ipplan import patterncache
from ipplan.parse import dates
from ipplan.parse.brackets import split_top
from ipplan.parse.dates import YEAR
from ipplan.parse.numerals import CN_COUNT_CLASS, CN_ORDINAL_CLASS
from ipplan.parse.rules import PatternRule, Rule, RuleTable, given, lazy
from ipplan.parse.types import Outline, walk
from ipplan.parse.vocab.doctypes import (
    ANNUAL_TYPES, COVERING_TYPES, DOC_TYPE_OF, DOC_TYPES, LAW_TYPES, NOT_LAW_ENDINGS,
)
from ipplan.parse.vocab.fields import DOC_NO, FIELD_KEY, PAGE_LABEL_ENDINGS, SITE_KEY, database_field_of, field_of
from ipplan.parse.vocab.organs import (
    BRANCH_ENDINGS, LEADING_BODIES, NAMED_BODY_END, NATIONAL_DOC_CODES, NATIONAL_ORGANS, ORGAN_END, SELF_NAMES,
    is_count_body, is_national, starts_national,
)
from ipplan.parse.vocab.markers import match_marker
from ipplan.parse.vocab.notices import NoticeRef
from ipplan.parse.vocab.places import (
    COUNTRY, FREE_TRADE_AREA, FREE_TRADE_ENDINGS, LEVEL_CHARS, NATIONAL, NOT_PLACE, PLACE, TOWN_ENDINGS, ZONE, only_unit,
    own_place,
    self_level, short_prefecture, wider,
)
from ipplan.parse.vocab.text import CJK, unspace

Lines = list[tuple[int, str]]

_DATE = dates.DATE.pattern
#: A promulgation order's number: 国务院令第706号, 国令第706号, 上海市人民政府令（第19号） (the number in
#: brackets under the order's name), 沪府令19号 (a short form without 第).
ORDER_NO = rf"""(?P<order>(?:{COUNTRY})?[{CJK}]{{0,14}}令) \s* (?P<ob>[(（]\s*)? (?:(?P<oyear>{YEAR}) \s* 年 \s*)?
               (?P<di>第)? \s* (?P<onum>\d{{1,5}}|(?<=第)[{CN_ORDINAL_CLASS}]{{1,8}}) \s* 号 (?(ob)\s*[)）])"""
_TYPE_ALT = "|".join(DOC_TYPES)
_COVERING_ALT = "|".join(COVERING_TYPES)
_BRACKETS_AFTER = r"(?:\s*[(（][^()（）]{1,20}[)）])*"
#: A title's tail: a 文种, then (2023—2025年) / (试行) / (2023年版).
TITLE_TAIL = lazy(rf"(?P<type>{_TYPE_ALT}){_BRACKETS_AFTER}$")
#: Verbs of a covering notice's title: 关于印发…的通知.
_ISSUING = r"(?:印发|转发|批转|发布|颁发|公布|下发|修订印发|重新印发)"
#: Verbs of a notice that forwards another organ's document: 批转市商务局X的通知, 转发省知识产权局关于Y的意见的通知.
_FORWARDING = ("批转", "转发")
#: A name that carries its own scope (各…, 市…, a place): a 、-item without one shares the first's.
SCOPE = lazy(rf"(?:各(?!位)|全|本|有关|[省县区镇乡州]|市(?!场)|国务院|中共|中央|国家|[{CJK}]{{2,8}}?[{LEVEL_CHARS}])")
_PUNCT = lazy(r"[。，,；;：:！？!?《》、]")
#: A headline's count of bodies after the first organ: 工业和信息化部等八部门, 广州市卫生健康委等4部门.
COUNT_BODY_AFTER = lazy(rf"等\s*[\d{CN_COUNT_CLASS}两多]+\s*个?(?:部门|单位|部委|机关)$")
#: A separator line (------, ——————, ====, ____): never part of a title, on its line or glued before one.
_SEPARATOR = r"[-—=_－─━＿＝]{3,}"
SEPARATOR_RUN = lazy(_SEPARATOR)
#: A news headline, not a title: an organ or 我省 印发/下发s the plan (我省印发X方案; 关于印发 lines are notice
#: titles, MT10; 公文印发管理办法 names no one before the verb).
NEWS_HEADLINE = lazy(rf"\s*(?P<who>[{CJK}]{{2,40}}?)(?:印发|下发)(?!通知)")


def _news_headline(title: str) -> bool:
    m = NEWS_HEADLINE.match(title)
    return m is not None and (_is_organ(m["who"]) or SELF_PLACE.fullmatch(m["who"]) is not None)
_MARKER_START = lazy(rf"[(（]?[0-9{CN_COUNT_CLASS}]{{1,3}}[)）.．、]")


@dataclass(frozen=True, kw_only=True)
class LineRule(PatternRule):
    """One GB/T 9704 element's shape on a line: ``pattern`` must match the whole line and
    ``check`` (if any) accept the match; ``read(match, line)`` gives the fields the line
    states, as the element pickers of ``extract_meta`` take them (the examples' values)."""

    field: str
    read: Callable[[re.Match[str], str], dict[str, Any]]
    check: Callable[[re.Match[str]], bool] | None = None
    #: Literals one of which every line the rule matches holds: a cheap test before the regex.
    needs: tuple[str, ...] = ()

    @functools.cached_property
    def hint(self) -> re.Pattern[str] | None:
        return patterncache.compile("|".join(map(re.escape, self.needs))) if self.needs else None


def _valid_date(m: re.Match[str]) -> bool:
    return dates.parse_date(m["date"]) is not None


def _is_organ(name: str) -> bool:
    name = name.strip()
    return 2 < len(name) <= 40 and not _PUNCT.search(name) and ORGAN_END.search(name) is not None \
        and not re.search(r"\d", name) and not is_count_body(name)


def _organ_run(text: str) -> bool:
    """A signature line: one organ, or several separated by spaces (a joint issue)."""
    parts = text.split()
    return bool(parts) and len(text) <= 80 and all(_is_organ(p) for p in parts)


def _letterhead(org: str) -> list[str] | None:
    """The organs of a 发文机关标志: one or several separated by spaces, or one long name the
    layout broke with a space (全国…和制售 假冒伪劣商品工作领导小组: see _broken_name)."""
    if _organ_run(org):
        return organs_of(org.strip())
    parts = org.split()
    return ["".join(parts)] if len(parts) == 2 and _broken_name(*parts) else None


def _addressee_ok(m: re.Match[str]) -> bool:
    return is_addressee_line(m["v"])


def _not_field(m: re.Match[str]) -> bool:
    """Not a page's metadata row (文号：…) nor its footer (主办：…)."""
    return not re.match(rf"(?:{FIELD_KEY}|{SITE_KEY})\s*[:：]", m.group(0).strip())


# ---------------------------------------------------------------- what a line gives

#: What a notice's first sentence holds and a metadata row's value does not.
_SENTENCE_MARK = lazy(r"[，,。；;！？!?]")
_KEY_AT = lazy(rf"(?:^|(?<=\s)|(?<=\|))\s*(?P<k>{FIELD_KEY})\s*[:：|]")


def _read_fields(pairs: list[tuple[str, str]]) -> dict[str, str]:
    """Meta fields of a metadata row's (key, value) pairs, as printed; the first of each wins."""
    out: dict[str, str] = {}
    for k, v in pairs:
        f = field_of(k)
        v = v.strip()
        if f and v and f not in out:
            out[f] = v
    return out


def _read_key_values(m: re.Match[str], text: str) -> dict[str, str]:
    ms = list(_KEY_AT.finditer(text))
    return _read_fields([(k["k"], text[k.end(): ms[j + 1].start() if j + 1 < len(ms) else len(text)])
                         for j, k in enumerate(ms)])


def _read_database_fields(m: re.Match[str], text: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for k in re.finditer(r"【\s*(?P<k>[^【】]{2,8}?)\s*】(?P<v>[^【】]*)", text):
        if (f := database_field_of(k["k"])) and (v := k["v"].strip()) and f not in out:
            out[f] = v
    return out


def _read_pipe_row(m: re.Match[str], text: str) -> dict[str, str]:
    cells = [c.strip() for c in text.split("|")]
    return _read_fields([(k.rstrip(":："), v) for k, v in zip(cells, cells[1:])])


def _issuer_before(m: re.Match[str]) -> list[str] | None:
    """The organs before 关于 in a title (国务院办公厅关于…), when all of them are organs; a
    headline's count (等八部门, 两部门) names no organ and is dropped."""
    org = COUNT_BODY_AFTER.sub("", m["org"].strip())
    parts = [q for p in re.split(r"[\s、]+", org) if p for q in organ_parts(p)]
    return parts if parts and all(_is_organ(p) for p in parts) else None


def _read_attachments(m: re.Match[str], text: str) -> dict[str, list[str]]:
    first = m["v"].strip()
    items = [p.strip() for p in _ITEM.split(first) if p.strip()] if first else []
    return {"attachments": _attachment_titles(items)}


#: The events of a law's history lines (通过, 公布, 修订 …); 修订通过 before 通过.
_LAW_EVENTS = ("修订通过", "通过", "公布", "发布", "颁布", "修订", "修正", "批准", "施行")
#: One event: its date, the body that acted (with a 公告/令 number), the event.
LAW_EVENT = lazy(rf"(?P<date>{_DATE}) \s* (?P<body>[^。；;]{{0,200}}?) (?P<event>{'|'.join(_LAW_EVENTS)})", re.VERBOSE)
#: A promulgation number inside an event's body: 浙江省…常务委员会公告第30号, 国家知识产权局令第17号.
LAW_NUMBER = lazy(rf"(?P<no>[{CJK}]{{2,40}}?(?:公告|令)\s*第\s*[\d{CN_COUNT_CLASS}]+\s*号)")
#: What a body's name carries that the organ's does not: the term (第十二届), the sitting (第二十三次会议).
_SITTING = lazy(rf"第[\d{CN_COUNT_CLASS}]+届|第[\d{CN_COUNT_CLASS}]+次[{CJK}]{{0,4}}?会议|(?:常务|全体)?会议$|公告$|^[经由]")


def without_country(organ: str) -> str:
    """A central organ without the country's name it may be printed with: 中华人民共和国国家安全部 →
    国家安全部, 中华人民共和国国务院 → 国务院 (as its 发文机关 is written).

    >>> without_country("中华人民共和国国家安全部"), without_country("中华人民共和国主席")
    ('国家安全部', '中华人民共和国主席')
    """
    rest = organ[len(COUNTRY):] if organ.startswith(COUNTRY) else ""
    return rest if rest and is_national(rest) else organ


def _event_organ(body: str) -> str | None:
    """The organ that acted in a history event: 浙江省第十二届人民代表大会常务委员会公告第30号 →
    浙江省人民代表大会常务委员会; 国家知识产权局令第17号 → 国家知识产权局."""
    body = re.sub(r"\s+", "", body)
    if (n := LAW_NUMBER.search(body)) is not None:
        body = re.sub(rf"(?:公告|令)第[\d{CN_COUNT_CLASS}]+号$", "", n["no"])
    body = re.sub(r"《[^《》]*》.*$", "", body)
    organ = without_country(_SITTING.sub("", _SITTING.sub("", body)))
    return organ if _is_organ(organ) else None


#: An event's body is a legislature's sitting, a promulgation (公告, 令第N号), or empty (2016年1月1日
#: 施行); never a page's byline (2022年10月11日 某局发布, 来源：…).
_EVENT_BODY = lazy(r"^\s*$|会议|公告|令\s*第|人民代表大会|常务委员会")


def _history_ok(m: re.Match[str]) -> bool:
    events = list(LAW_EVENT.finditer(m.group(0)))
    return bool(events) and all(_EVENT_BODY.search(e["body"]) and not re.search("[:：]", e["body"]) for e in events)


def _read_history(m: re.Match[str], text: str) -> dict[str, list[dict[str, str]]]:
    events = []
    for e in LAW_EVENT.finditer(text):
        number = LAW_NUMBER.search(re.sub(r"\s+", "", e["body"]))
        events.append(given(date=dates.parse_date(e["date"]), event=e["event"],
                            issuer=_event_organ(e["body"]) if e["event"] not in ("修正", "施行", "批准") else None,
                            doc_number=number["no"] if number else None))
    return {"events": events}


_COLONS = (":", "：")
_DATE_SEPARATORS = ("年", "-", "/", ".")  # a date (dates.DATE) holds one of them

#: Line rules in the order they are tried; the first that fires classifies the line.
#: Examples give the fields the line states, as ``read`` gives them.
LINE_RULES: tuple[LineRule, ...] = (
    LineRule(code="MT01", needs=_COLONS, field="fields", summary="page metadata row: key：value, keys printed with spaces (文 号:)",
             pattern=rf"(?:[-*•·]\s+)? (?P<k>{FIELD_KEY}) \s* [:：] \s* (?P<v>.*)", read=_read_key_values,
             examples=(("发文字号：国办发〔2018〕128号", {"doc_number": "国办发〔2018〕128号"}),
                       ("文 号: 京政发〔2022〕5号", {"doc_number": "京政发〔2022〕5号"}),
                       ("成文日期：2018年12月29日", {"issue_date": "2018年12月29日"}),
                       ("发布机构：广州市卫生健康委员会", {"issuer": "广州市卫生健康委员会"}),
                       ("索引号：11440100/2023-00123 发布机构：广州市卫生健康委员会 成文日期：2023-10-19",
                        {"issuer": "广州市卫生健康委员会", "issue_date": "2023-10-19"}),
                       ("份号：000123", {"copy_number": "000123"}), ("签发人：张三", {"signer": "张三"}),
                       # a page's block exported as a Markdown list; a 备注/文号 key
                       ("- 备注/文号: 某市监竞〔2023〕3号", {"doc_number": "某市监竞〔2023〕3号"}),
                       ("- 发布机构: 某市市场监督管理局", {"issuer": "某市市场监督管理局"})),
             near_misses=("联系电话：65250460", "主送：各单位", "文号说明见附件", "- 联系电话: 65250460",
                          "-文号说明见附件")),
    LineRule(code="MT02", needs=("|",), field="fields", summary="page metadata pipe row: 文号 | 温政办〔2022〕73 号 | 有效性 | 有效 |",
             pattern=rf"(?:.*?\|)? \s* (?P<k>{FIELD_KEY}) \s* [:：]? \s* \| .*", read=_read_pipe_row,
             examples=(("文号 | 温政办〔2022〕73 号 | 有效性 | 有效 |", {"doc_number": "温政办〔2022〕73 号"}),
                       ("组配分类 | 其他文件 | 发布机构 | 温州市市场监督管理局 |", {"issuer": "温州市市场监督管理局"}),
                       # keys printed with their colon inside the cell, spaced (名 称: |)
                       ("名 称: | 某市人民政府办公室关于印发《某市试点实施方案》的通知 |",
                        {"title": "某市人民政府办公室关于印发《某市试点实施方案》的通知"}),
                       ("发布机构: | 某市人民政府办公室 | 成文日期: | 2025-02-28 |",
                        {"issuer": "某市人民政府办公室", "issue_date": "2025-02-28"})),
             near_misses=("序号 | 工作事项 | 主要内容 | 牵头单位 |", "文号说明 | 见附件 |")),
    LineRule(code="MT08", needs=("【",), field="fields",
             summary="a legal database's field row: 【发文字号】皖政办秘〔2021〕82号, several on one line",
             pattern=r"(?:【\s*[^【】]{2,8}?\s*】[^【】]*)+", check=lambda m: bool(_read_database_fields(m, m.group(0))),
             read=_read_database_fields,
             examples=(("【发文字号】皖政办秘〔2021〕82号", {"doc_number": "皖政办秘〔2021〕82号"}),
                       ("【发布部门】安徽省人民政府办公厅【发布日期】2021.09.02", {"issuer": "安徽省人民政府办公厅",
                                                                        "issue_date": "2021.09.02"}),
                       ("【标题】安徽省人民政府办公厅关于印发若干政策的通知",
                        {"title": "安徽省人民政府办公厅关于印发若干政策的通知"})),
             near_misses=("【法宝引证码】 CLI.12.4638041", "【时效性】现行有效", "【注】本文有删减")),
    LineRule(code="MT35", needs=PAGE_LABEL_ENDINGS + (">", "＞"), field="page_label",
             summary="a page's category label or breadcrumb above the heading: 泰安市人民政府政策文件 (never a title's start)",
             pattern=rf"(?P<v>(?:[^。，,；;：:]{{0,60}}[>＞]\s*)?[^。，,；;：:>＞]{{0,30}}?(?:{'|'.join(PAGE_LABEL_ENDINGS)}))",
             read=lambda m, t: {"page_label": m["v"]},
             examples=(("泰安市人民政府政策文件", {"page_label": "泰安市人民政府政策文件"}),
                       ("首页 > 政务公开 > 规范性文件", {"page_label": "首页 > 政务公开 > 规范性文件"}),
                       ("通知公告", {"page_label": "通知公告"})),
             near_misses=("泰安市人民政府文件", "关于清理规范性文件的通知", "现将有关政策文件印发给你们。")),
    LineRule(code="MT03", needs=("号",), field="doc_number", summary="发文字号 alone on its line, bare or in brackets under the title",
             pattern=rf"[(（]? \s* {DOC_NO} \s* [)）]?",
             read=lambda m, t: {"doc_number": normalize_doc_number(t)},
             examples=(("国办发〔2018〕128号", {"doc_number": "国办发〔2018〕128号"}),
                       ("(镇政发〔2007〕81号)", {"doc_number": "镇政发〔2007〕81号"}),
                       ("京中科教[2001]40号", {"doc_number": "京中科教〔2001〕40号"}),
                       ("粤府﹝2020﹞103号", {"doc_number": "粤府〔2020〕103号"}),
                       ("温政办〔2022〕73 号", {"doc_number": "温政办〔2022〕73号"}),
                       ("浙知发（2023）7号", {"doc_number": "浙知发〔2023〕7号"}),
                       ("临政办字〔2023〕81号", {"doc_number": "临政办字〔2023〕81号"})),
             near_misses=("根据《某通知》(国知发运字〔2022〕33号)要求，制定本方案。", "〔2022〕33号", "2022年33号")),
    LineRule(code="MT04", needs=("号",), field="doc_number", summary="发文字号 on the date's line: 苏政发〔2009〕1号 2009年1月5日",
             pattern=rf"{DOC_NO} \s* (?P<date>{_DATE})", check=_valid_date,
             read=lambda m, t: {"doc_number": normalize_doc_number(t), "issue_date": dates.parse_date(m["date"])},
             examples=(("苏政发〔2009〕1号 2009年1月5日", {"doc_number": "苏政发〔2009〕1号", "issue_date": "2009-01-05"}),
                       ("国办发〔2018〕1号　2018年1月2日", {"doc_number": "国办发〔2018〕1号", "issue_date": "2018-01-02"})),
             near_misses=("苏政发〔2009〕1号", "2009年1月5日")),
    LineRule(code="MT05", needs=("号",), field="doc_number", summary="发文字号 glued to the 主送 line: 国办发〔2018〕128号各省…人民政府：",
             pattern=rf"{DOC_NO} \s* (?P<v>[^。！？]{{2,800}}) [:：]", check=_addressee_ok,
             read=lambda m, t: {"doc_number": normalize_doc_number(t), "addressees": split_addressees(m["v"].strip())},
             examples=(("国办发〔2018〕128号各省、自治区、直辖市人民政府，国务院各部委、各直属机构：",
                        {"doc_number": "国办发〔2018〕128号", "addressees": ["各省、自治区、直辖市人民政府", "国务院各部委、各直属机构"]}),
                       ("临政办字〔2023〕81号 各县区人民政府：", {"doc_number": "临政办字〔2023〕81号", "addressees": ["各县区人民政府"]})),
             near_misses=("国办发〔2018〕128号文件要求如下：",)),
    LineRule(code="MT06", needs=("令",), field="doc_number", summary="promulgation order number: 国务院令第706号 (its two lines joined)",
             pattern=ORDER_NO, read=lambda m, t: {"doc_number": normalize_doc_number(t)},
             examples=(("国令第706号", {"doc_number": "国令第706号"}),
                       ("中华人民共和国国务院令第706号", {"doc_number": "中华人民共和国国务院令第706号"}),
                       ("中华人民共和国国务院令 第706号", {"doc_number": "中华人民共和国国务院令第706号"}),
                       ("商务部令2020年第1号", {"doc_number": "商务部令2020年第1号"}),
                       ("国家市场监督管理总局令第6号", {"doc_number": "国家市场监督管理总局令第6号"}),
                       ("上海市人民政府令（第19号）", {"doc_number": "上海市人民政府令第19号"}),
                       ("沪府令19号", {"doc_number": "沪府令19号"}),
                       ("国家知识产权局令（第七十八号）", {"doc_number": "国家知识产权局令第七十八号"})),
             near_misses=("（1991年3月4日中华人民共和国国务院令第76号发布）", "第706号", "上海市人民政府令（第19号", "19号")),
    LineRule(code="MT09", needs=("公告",), field="doc_number",
             summary="a law's promulgation notice number: 浙江省第十二届人民代表大会常务委员会公告第30号 (its two lines joined)",
             pattern=rf"(?P<no>[{CJK}]{{2,40}}?公告) \s* (?:[(（]\s*)? 第 \s* (?P<n>\d{{1,5}}|[{CN_ORDINAL_CLASS}]{{1,8}}) \s* 号 (?:\s*[)）])?",
             read=lambda m, t: {"doc_number": f"{m['no']}第{int(m['n']) if m['n'].isdigit() else m['n']}号"},
             examples=(("浙江省第十二届人民代表大会常务委员会公告第30号", {"doc_number": "浙江省第十二届人民代表大会常务委员会公告第30号"}),
                       ("江苏省人民代表大会常务委员会公告 第 35 号", {"doc_number": "江苏省人民代表大会常务委员会公告第35号"}),
                       ("国家知识产权局公告（第288号）", {"doc_number": "国家知识产权局公告第288号"}),
                       ("国家知识产权局公告（第五五〇号）", {"doc_number": "国家知识产权局公告第五五〇号"})),
             near_misses=("本条例自公告第30号公布之日起施行。", "公告第30号")),
    LineRule(code="MT07", needs=_LAW_EVENTS, field="history",
             summary="a law's history line: date, body, event (通过/公布/修订…), one or several in brackets",
             pattern=rf"[(（]? \s* (?:根据\s*)? {_DATE} [^。]{{0,400}}? (?:{'|'.join(_LAW_EVENTS)}) \s* [)）]? (?:\s*根据)?",
             check=_history_ok, read=_read_history,
             examples=(("2015年9月25日 浙江省第十二届人民代表大会常务委员会公告第30号公布",
                        {"events": [{"date": "2015-09-25", "event": "公布", "issuer": "浙江省人民代表大会常务委员会",
                                     "doc_number": "浙江省第十二届人民代表大会常务委员会公告第30号"}]}),
                       ("2001年11月28日 国家知识产权局令第17号公布",
                        {"events": [{"date": "2001-11-28", "event": "公布", "issuer": "国家知识产权局",
                                     "doc_number": "国家知识产权局令第17号"}]}),
                       ("2021年9月29日 广东省第十三届人民代表大会常务委员会第三十五次会议修订）",
                        {"events": [{"date": "2021-09-29", "event": "修订", "issuer": "广东省人民代表大会常务委员会"}]}),
                       ("2016年1月1日 施行", {"events": [{"date": "2016-01-01", "event": "施行"}]}),
                       ("（1991年3月4日中华人民共和国国务院令第76号发布 2018年9月6日国务院第23次常务会议修订通过）",
                        {"events": [{"date": "1991-03-04", "event": "发布", "issuer": "国务院",
                                     "doc_number": "中华人民共和国国务院令第76号"},
                                    {"date": "2018-09-06", "event": "修订通过", "issuer": "国务院"}]}),
                       ("（1993年10月31日第八届全国人民代表大会常务委员会第四次会议通过 根据2013年10月25日第十二届全国人民"
                        "代表大会常务委员会第五次会议《关于修改〈中华人民共和国消费者权益保护法〉的决定》第二次修正）",
                        {"events": [{"date": "1993-10-31", "event": "通过", "issuer": "全国人民代表大会常务委员会"},
                                    {"date": "2013-10-25", "event": "修正"}]}),
                       # the next line's 根据 left at this one's end (a source that cut the wrapper across lines)
                       ("2016年9月30日 四川省第十二届人民代表大会常务委员会第二十七次会议《关于修改部分地方性法规的决定》第一次修正  根据",
                        {"events": [{"date": "2016-09-30", "event": "修正"}]})),
             near_misses=("《专利代理条例》已经2018年9月6日国务院第23次常务会议修订通过，现予公布。", "2016年1月1日",
                          "2019年1月1日（此件公开发布）", "2022年10月11日 温州市市场监督管理局发布",
                          "2023年3月15日 来源：市政府办公室 发布",
                          "2022年3月1日印发", "本条例自2016年1月1日起施行。")),
    LineRule(code="MT15", needs=("#",), field="title",
             summary="a Markdown document's opening # title (layout repair LR13 keeps its mark): its title, whatever its ending",
             pattern=r"\#(?!\#) \s* (?P<t>[^#。；;！？!?]{2,120})", read=lambda m, t: {"title": m["t"].strip()},
             examples=(("# 浙江省专利条例", {"title": "浙江省专利条例"}), ("# 中华人民共和国专利法", {"title": "中华人民共和国专利法"}),
                       ("#中华人民共和国商标法", {"title": "中华人民共和国商标法"})),
             near_misses=("## 第一章 总则", "#", "# 。", "#知识产权#话题讨论")),
    LineRule(code="MT10", needs=COVERING_TYPES, field="notice_title", summary="title of a covering notice: X关于印发《Y》的通知 (broken lines joined)",
             pattern=rf"(?P<org>[^。，,；;：:《》]{{0,80}}?) (?:关于)? {_ISSUING} (?P<doc>[^。]{{2,150}}?) 的? (?:{_COVERING_ALT})",
             check=lambda m: "关于" in m.group(0)[: m.start("doc")] or "《" in m["doc"][:2] or _issuer_before(m) is not None,
             read=lambda m, t: {"notice_title": t, "issuer": _issuer_before(m)},
             examples=(("国务院办公厅关于印发“无废城市”建设试点工作方案的通知",
                        {"notice_title": "国务院办公厅关于印发“无废城市”建设试点工作方案的通知", "issuer": ["国务院办公厅"]}),
                       ("关于印发“北京市中医药人才培养计划”的通知", {"notice_title": "关于印发“北京市中医药人才培养计划”的通知"}),
                       ("郑州市市场监督管理局(知识产权局)关于印发《郑州市知识产权服务业发展三年行动计划(2023年-2025年)》的通知",
                        {"notice_title": "郑州市市场监督管理局(知识产权局)关于印发《郑州市知识产权服务业发展三年行动计划"
                                         "(2023年-2025年)》的通知", "issuer": ["郑州市市场监督管理局(知识产权局)"]}),
                       ("中共中央办公厅 国务院办公厅印发《关于加强知识产权保护的意见》的通知",
                        {"notice_title": "中共中央办公厅 国务院办公厅印发《关于加强知识产权保护的意见》的通知",
                         "issuer": ["中共中央办公厅", "国务院办公厅"]}),
                       # no 关于 and no 《》: the organs before the verb make it a notice title
                       ("某市人民政府办公厅印发某市知识产权强市建设工作分解方案的通知",
                        {"notice_title": "某市人民政府办公厅印发某市知识产权强市建设工作分解方案的通知", "issuer": ["某市人民政府办公厅"]}),
                       ("某省人民政府批转省知识产权局某省专利转化专项行动方案的通知",
                        {"notice_title": "某省人民政府批转省知识产权局某省专利转化专项行动方案的通知", "issuer": ["某省人民政府"]})),
             near_misses=("国务院办公厅关于推进政务新媒体健康有序发展的意见", "现将《方案》印发给你们，请认真贯彻执行。",
                          "国家版权局印发《版权工作规划》",  # a news headline: no 的通知
                          "各地要认真落实印发专项行动方案的通知")),  # no organ before the verb
    LineRule(code="MT11", needs=("关于",), field="title", summary="a document that is its own title: X关于Y的意见/通知 (no covering notice)",
             pattern=rf"""(?P<org>[^。，,；;：:《》]{{2,60}}?) 关于 (?!{_ISSUING}) (?P<what>[^。]{{2,120}})
                          的 [{CJK}]{{0,4}}? (?P<type>{_TYPE_ALT}) {_BRACKETS_AFTER}""",
             read=lambda m, t: {"title": t, "issuer": _issuer_before(m)},
             examples=(("国务院办公厅关于推进政务新媒体健康有序发展的意见",
                        {"title": "国务院办公厅关于推进政务新媒体健康有序发展的意见", "issuer": ["国务院办公厅"]}),
                       ("广州市住房和城乡建设局关于进一步加强户籍家庭住房保障工作的通知",
                        {"title": "广州市住房和城乡建设局关于进一步加强户籍家庭住房保障工作的通知", "issuer": ["广州市住房和城乡建设局"]}),
                       ("中共北京市委 北京市人民政府关于加强知识产权保护的实施意见",
                        {"title": "中共北京市委 北京市人民政府关于加强知识产权保护的实施意见",
                         "issuer": ["中共北京市委", "北京市人民政府"]}),
                       ("工业和信息化部等八部门关于加快传统制造业转型升级的指导意见",
                        {"title": "工业和信息化部等八部门关于加快传统制造业转型升级的指导意见", "issuer": ["工业和信息化部"]}),
                       ("市场监管总局国家知识产权局关于加强专利代理监管的管理办法(试行)",
                        {"title": "市场监管总局国家知识产权局关于加强专利代理监管的管理办法(试行)",
                         "issuer": ["市场监管总局", "国家知识产权局"]}),
                       ("两部门关于加强知识产权纠纷调解工作的意见", {"title": "两部门关于加强知识产权纠纷调解工作的意见"})),
             near_misses=("国务院办公厅关于印发“无废城市”建设试点工作方案的通知", "关于做好幼儿园招生工作的通知要求，制定本方案。",
                          "市政府关于加快发展的意见要求各地抓好落实")),
    LineRule(code="MT16", needs=("印发",), field="title", summary="a page's headline: X印发《Y》 (no 的通知): Y is the title, X the issuer",
             pattern=r"(?P<org>[^。，,；;：:《》]{2,80}?) \s* (?:联合)?印发了? \s* 《(?P<t>[^《》]{4,120})》",
             read=lambda m, t: {"title": m["t"], "issuer": _issuer_before(m)},
             examples=(("市场监管总局 国家知识产权局印发《2024年知识产权执法工作要点》",
                        {"title": "2024年知识产权执法工作要点", "issuer": ["市场监管总局", "国家知识产权局"]}),
                       ("国家知识产权局等八部门联合印发《关于加强知识产权鉴定工作衔接的意见》",
                        {"title": "关于加强知识产权鉴定工作衔接的意见", "issuer": ["国家知识产权局"]}),
                       ("两部门印发《关于加强知识产权纠纷调解工作的意见》", {"title": "关于加强知识产权纠纷调解工作的意见"})),
             near_misses=("现将《泰安市实施方案》印发给你们。", "关于印发《泰安市实施方案》的通知", "经研究同意印发《方案》，请遵照执行")),
    LineRule(code="MT12", needs=DOC_TYPES, field="title", summary="the plan's own title: a line ending with its 文种, then (2023—2025年)/(试行)",
             pattern=rf"(?:{_SEPARATOR}\s*)? (?![(（]?[0-9{CN_COUNT_CLASS}]{{1,3}}[)）.．、]) (?!附[件表]|特?制定|现将|根据|按照) (?P<t>[^。，,；;：:《》|]{{1,60}}? (?:{_TYPE_ALT}) {_BRACKETS_AFTER})",
             check=lambda m: len(m["t"].strip()) >= 4 and not _news_headline(m["t"]), read=lambda m, t: {"title": m["t"]},
             examples=(("国家职业教育改革实施方案", {"title": "国家职业教育改革实施方案"}),
                       ("中医药发展战略规划纲要（2016—2030年）", {"title": "中医药发展战略规划纲要（2016—2030年）"}),
                       ("加快推进知识产权强省建设工作方案(试行)", {"title": "加快推进知识产权强省建设工作方案(试行)"}),
                       ("政府工作报告", {"title": "政府工作报告"}), ("专利代理条例", {"title": "专利代理条例"}),
                       ("2026年广州市天河区幼儿园招生工作方案", {"title": "2026年广州市天河区幼儿园招生工作方案"}),
                       ("某市机关公文印发管理办法", {"title": "某市机关公文印发管理办法"}),  # 印发 inside a name: no headline
                       # a separator glued before the title is no part of it
                       ("------------------------商标品牌建设“十四五”规划", {"title": "商标品牌建设“十四五”规划"}),
                       ("====== 某市知识产权保护工作方案", {"title": "某市知识产权保护工作方案"})),
             near_misses=("附件：1.湖州市知识产权强市建设责任分解表", "现将《方案》印发给你们。", "1.推进计划", "第一章 总 则",
                          "特制定如下方案", "《加快推进知识产权强省建设工作方案(试行)》,政府档案。",
                          # a news headline: an organ (or 我省) 印发/下发 a plan; the lead names it (MT19)
                          "我省印发地理标志运用促进工程三年行动方案", "某市人民政府办公厅印发知识产权强市建设实施方案")),
    LineRule(code="MT14", needs=DOC_TYPES, field="title", summary="a title at the start of a one-line paste, the preamble after a space",
             pattern=rf"(?![(（]?[0-9{CN_COUNT_CLASS}]{{1,3}}[)）.．、]) (?P<t>[^。，,；;：:《》|\s]{{4,60}}? (?:{_TYPE_ALT}) {_BRACKETS_AFTER}) \s+ (?P<rest>.+)",
             read=lambda m, t: {"title": m["t"]},
             examples=(("临沂市知识产权强市建设纲要推进计划(2023-2025年) 为充分发挥知识产权作用，制定本计划。",
                        {"title": "临沂市知识产权强市建设纲要推进计划(2023-2025年)"}),),
             near_misses=("为推进工作 制定本方案。", "1.推进计划 加强组织领导。")),
    LineRule(code="MT13", needs=("(", "（"), field="period_line",
             summary="a period, an annual plan's bare year or (试行) on its own line under a broken title",
             pattern=rf"[(（] \s* (?:{dates.YEAR_SPAN.pattern}|{YEAR}|试行|暂行|征求意见稿|修订|修订稿|\d{{4}}年版|\d{{4}}年修订) \s* [)）]",
             read=lambda m, t: {"period_line": t},
             examples=(("(2011—2020年)", {"period_line": "(2011—2020年)"}), ("（2023-2025年）", {"period_line": "（2023-2025年）"}),
                       ("(试行)", {"period_line": "(试行)"}), ("(2024)", {"period_line": "(2024)"}),
                       ("（2023）", {"period_line": "（2023）"})),
             near_misses=("（此件公开发布）", "(2023年)", "(20241)", "(第2024号)")),
    LineRule(code="MT20", needs=_DATE_SEPARATORS, field="issue_date",
             summary="成文日期 alone on its line (digits, 二○○八年十一月二十三日, 2026年 4月 20 日), 附注 glued on",
             pattern=rf"(?P<date>{_DATE}) \s* (?:[(（] \s* (?P<remark>此件[^()（）]{{2,12}}) \s* [)）])?", check=_valid_date,
             read=lambda m, t: {"issue_date": dates.parse_date(m["date"]), "remark": m["remark"]},
             examples=(("2018年12月29日", {"issue_date": "2018-12-29"}), ("二○○八年十一月二十三日", {"issue_date": "2008-11-23"}),
                       ("2026年 4月 20 日", {"issue_date": "2026-04-20"}),
                       ("2019年1月1日（此件公开发布）", {"issue_date": "2019-01-01", "remark": "此件公开发布"}),
                       ("2022-10-11", {"issue_date": "2022-10-11"}), ("二〇二二年九月三十日", {"issue_date": "2022-09-30"})),
             near_misses=("2021年4月16日印发", "2019年9月23日（周一）下午4：00前", "2022年13月40日")),
    LineRule(code="MT21", needs=("印发",), field="printed_by", summary="印发机关 and 印发日期 at the foot: X办公室 2021年4月16日印发",
             pattern=rf"(?P<org>[^\s。，,；;：:\d]{{2,40}}) \s+ (?P<date>{_DATE}) \s* 印发",
             check=lambda m: _valid_date(m) and _is_organ(m["org"]),
             read=lambda m, t: {"printed_by": unspace(m["org"]), "printed_date": dates.parse_date(m["date"])},
             examples=(("广州市人民政府办公厅 2021年4月16日印发", {"printed_by": "广州市人民政府办公厅", "printed_date": "2021-04-16"}),
                       ("湖州市人民政府办公室　2022年9月30日印发", {"printed_by": "湖州市人民政府办公室", "printed_date": "2022-09-30"})),
             near_misses=("2021年4月16日印发", "于2021年4月16日印发")),
    LineRule(code="MT22", needs=_DATE_SEPARATORS, field="signature", summary="signature and date on one line: 国务院办公厅 2018年12月29日",
             pattern=rf"(?P<org>[^。，,；;：:\d]{{2,80}}?) \s+ (?P<date>{_DATE})",
             check=lambda m: _valid_date(m) and _organ_run(m["org"]),
             read=lambda m, t: {"issuer": organs_of(m["org"].strip()), "issue_date": dates.parse_date(m["date"])},
             examples=(("国务院办公厅 2018年12月29日", {"issuer": ["国务院办公厅"], "issue_date": "2018-12-29"}),
                       ("广州市财政局 广州市医疗保障局 2023年10月19日",
                        {"issuer": ["广州市财政局", "广州市医疗保障局"], "issue_date": "2023-10-19"})),
             near_misses=("总理 李克强 2018年11月6日", "截至 2018年12月29日")),
    LineRule(code="MT23", field="signature", summary="signature: one organ, or several separated by spaces (a joint issue)",
             pattern=r"(?P<org>[^。，,；;：:、《》\d]{3,80})", check=lambda m: _organ_run(m["org"]),
             read=lambda m, t: {"issuer": organs_of(t)},
             examples=(("国务院办公厅", {"issuer": ["国务院办公厅"]}),
                       ("广州市卫生健康委员会 广州市财政局", {"issuer": ["广州市卫生健康委员会", "广州市财政局"]}),
                       ("郑州市市场监督管理局（知识产权局）", {"issuer": ["郑州市市场监督管理局（知识产权局）"]})),
             near_misses=("总理 李克强", "联系人 李萌", "第一章 总 则", "政府工作报告")),
    LineRule(code="MT24", needs=("此件", "本件"), field="remark", summary="附注 in brackets: （此件公开发布）",
             pattern=r"[(（] \s* (?P<v>(?:此件|本件)[^()（）]{2,12}) \s* [)）]", read=lambda m, t: {"remark": m["v"]},
             examples=(("（此件公开发布）", {"remark": "此件公开发布"}), ("(此件主动公开)", {"remark": "此件主动公开"})),
             near_misses=("（本文有删减）", "（联系科室：小学和幼儿教育科）")),
    LineRule(code="MT34", needs=("代章",), field="seal", summary="a seal note under a signature: （国家知识产权局代章）",
             pattern=r"[(（] \s* (?P<v>[^()（）]{2,40}?) \s* 代章 \s* [)）]", read=lambda m, t: {"seal": m["v"]},
             examples=(("(国家知识产权局代章)", {"seal": "国家知识产权局"}), ("（市政府办公室代章）", {"seal": "市政府办公室"})),
             near_misses=("（此件公开发布）", "由国家知识产权局代章。")),
    LineRule(code="MT25", needs=("密",), field="secrecy", summary="密级 (with 保密期限): 机密★1年, 秘密",
             pattern=r"(?P<v>(?:绝密|机密|秘密) (?:\s*★\s*[^\s]{1,10})?)",
             read=lambda m, t: {"secrecy": re.sub(r"\s+", "", m["v"])},
             examples=(("机密★1年", {"secrecy": "机密★1年"}), ("秘密", {"secrecy": "秘密"}), ("绝密★长期", {"secrecy": "绝密★长期"})),
             near_misses=("商业秘密", "保守国家秘密。")),
    LineRule(code="MT26", needs=("急", "特提"), field="urgency", summary="紧急程度: 特急, 加急", pattern=r"(?P<v>特急|加急|特提|平急)",
             read=lambda m, t: {"urgency": m["v"]},
             examples=(("特急", {"urgency": "特急"}), ("加急", {"urgency": "加急"})), near_misses=("紧急通知", "加急办理。")),
    LineRule(code="MT27", needs=("签",), field="signer", summary="签发人 after the 文号 (签发人： alone is a metadata row, MT01)",
             pattern=rf"(?:{DOC_NO} \s*)? 签\s*发\s*人 \s* [:：] \s* (?P<v>[{CJK}·\s]{{2,30}})",
             read=lambda m, t: {"signer": " ".join(m["v"].split()),
                                **({"doc_number": normalize_doc_number(t)} if m["org"] else {})},
             examples=(("国办发〔2018〕1号 签发人：李四 王五", {"signer": "李四 王五", "doc_number": "国办发〔2018〕1号"}),
                       ("京政发〔2022〕5号　签发人：张三", {"signer": "张三", "doc_number": "京政发〔2022〕5号"})),
             near_misses=("签发人员名单见附件。",)),
    LineRule(code="MT28", needs=("抄",), field="cc", summary="抄送机关: 抄送：X，Y。",
             pattern=r"抄\s*送 \s* [:：] \s* (?P<v>[^。]{2,300}) 。?", read=lambda m, t: {"cc": split_addressees(m["v"])},
             examples=(("抄送：市委办公室，市人大常委会办公厅。", {"cc": ["市委办公室", "市人大常委会办公厅"]}),),
             near_misses=("抄送材料请于月底前报送。",)),
    LineRule(code="MT29", needs=("附",), field="attachments", summary="附件 list head: 附件：X / 附件：1.X 2.Y (the titles follow)",
             pattern=r"附\s*件 \s* [:：] \s* (?P<v>.*)", read=_read_attachments,
             examples=(("附件：1.广州市家庭医生签约服务质量监测指标体系（2023年）",
                        {"attachments": ["广州市家庭医生签约服务质量监测指标体系（2023年）"]}),
                       ("附件：1.甲方案 2.乙清单", {"attachments": ["甲方案", "乙清单"]}),
                       ("附件：推广清单", {"attachments": ["推广清单"]})),
             near_misses=("附件1", "附件2关于推进工作的任务分工表")),
    LineRule(code="MT30", needs=_COLONS, field="addressees", summary="主送机关: organ names ending with ：",
             pattern=r"(?P<v>[^。！？!?]{2,800}?) \s* [:：]", check=lambda m: _not_field(m) and is_addressee_line(m["v"]),
             read=lambda m, t: {"addressees": split_addressees(m["v"].strip())},
             examples=(("各省、自治区、直辖市人民政府，国务院各部委、各直属机构：",
                        {"addressees": ["各省、自治区、直辖市人民政府", "国务院各部委、各直属机构"]}),
                       ("各幼儿园：", {"addressees": ["各幼儿园"]}),
                       ("各区卫生健康委、各有关单位：", {"addressees": ["各区卫生健康委", "各有关单位"]}),
                       ("各开发区、区县(市)知识产权管理部门,各有关单位:",
                        {"addressees": ["各开发区、区县(市)知识产权管理部门", "各有关单位"]}),
                       ("县委、县政府各有关部门，各乡镇人民政府：", {"addressees": ["县委、县政府各有关部门", "各乡镇人民政府"]}),
                       ("中央宣传部、最高人民法院、教育部、统计局、国管局、中国科协：",
                        {"addressees": ["中央宣传部", "最高人民法院", "教育部", "统计局", "国管局", "中国科协"]}),
                       ("各省、自治区、直辖市及计划单列市、新疆生产建设兵团工业和信息化主管部门，有关中央企业：",
                        {"addressees": ["各省、自治区、直辖市及计划单列市、新疆生产建设兵团工业和信息化主管部门", "有关中央企业"]}),
                       ("东莞(guan)市各镇人民政府（街道办事处）：", {"addressees": ["东莞市各镇人民政府（街道办事处）"]})),
             near_misses=("各位代表：", "发表日期: 2020-11-18来源:", "现就有关事项通知如下：", "联系人：李萌", "主要目标：",
                          "国家知识产权战略：", "两部门印发《关于加强专利保护的意见》各省知识产权局：", "主办：")),
    LineRule(code="MT32", needs=_COLONS, field="addressees",
             summary="主送机关 glued to the notice's first sentence (paragraphs merged on a web page)",
             pattern=r"(?P<v>[^。！？!?：:]{2,800}?) \s* [:：] \s* (?P<rest>[^\s].{3,})",
             check=lambda m: _not_field(m) and _SENTENCE_MARK.search(m["rest"]) is not None and is_addressee_line(m["v"]),
             read=lambda m, t: {"addressees": split_addressees(m["v"].strip())},
             examples=(("各县（市、区）人民政府，市政府各部门：现将《泰安市实施方案》印发给你们，请认真贯彻执行。",
                        {"addressees": ["各县（市、区）人民政府", "市政府各部门"]}),),
             near_misses=("各位代表：现在，我代表市人民政府报告工作。", "联系人：李萌，电话：65250460。", "主要目标：到2025年，建成强市。",
                          "主办：广州市天河区人民政府 承办：广州市天河区政务服务和数据管理局",
                          # a key：value row of a key no vocabulary knows: its value is no sentence
                          "报送部门：某市科学技术局", "发文部门: 某市人民政府")),
    LineRule(code="MT33", needs=("文件",), field="issuer_mark",
             summary="发文机关标志 at the top: 泰安市人民政府文件 (joint: organs separated by spaces)",
             pattern=r"(?P<org>[^。，,；;：:、《》\d]{3,80}?) \s* 文件", check=lambda m: _letterhead(m["org"]) is not None,
             read=lambda m, t: {"issuer": _letterhead(m["org"])},
             examples=(("泰安市人民政府文件", {"issuer": ["泰安市人民政府"]}),
                       ("中共泰安市委 泰安市人民政府文件", {"issuer": ["中共泰安市委", "泰安市人民政府"]}),
                       # a long name the layout broke with a space: one organ
                       ("全国推进知识产权和质量 品牌工作领导小组 文件", {"issuer": ["全国推进知识产权和质量品牌工作领导小组"]})),
             near_misses=("附件文件", "相关文件", "政策文件", "推进知识产权和质量 品牌工作领导小组 文件")),
    LineRule(code="MT31", field="copy_number", summary="份号: six digits alone at the very top",
             pattern=r"(?:份号 \s* [:：]? \s*)? (?P<v>\d{6})", read=lambda m, t: {"copy_number": m["v"]},
             examples=(("000018", {"copy_number": "000018"}),), near_misses=("2022", "65250460")),
)

RULES_BY_CODE = {r.code: r for r in LINE_RULES}
_TITLES = tuple(RULES_BY_CODE[c] for c in ("MT10", "MT11", "MT12"))


def rule_match(rule: LineRule, text: str) -> re.Match[str] | None:
    """The rule's match on a whole line, or None."""
    if rule.hint is not None and rule.hint.search(text) is None:
        return None
    m = rule.regex.fullmatch(text.strip())
    if m is None or (rule.check is not None and not rule.check(m)):
        return None
    return m


#: The only rules that can fire on a line with a 。 inside it (a sentence): about 5× fewer tries.
_SENTENCE_RULES = tuple(r for r in LINE_RULES if r.code in ("MT01", "MT02", "MT14", "MT32"))
_PIPE_RULES = tuple(r for r in LINE_RULES if r.code == "MT02")


def classify(text: str, rules: tuple[LineRule, ...] = LINE_RULES) -> tuple[LineRule, re.Match[str]] | None:
    """The first rule that fires on a line, with its match."""
    if rules is LINE_RULES:
        if "|" in text:  # a pipe row is a metadata row or a table row, nothing else
            rules = _PIPE_RULES
        elif "。" in text.rstrip()[:-1]:
            rules = _SENTENCE_RULES
    for rule in rules:
        if (m := rule_match(rule, text)) is not None:
            return rule, m
    return None


# ---------------------------------------------------------------- addressees

#: A distributive scope with bracketed alternatives addresses its governments: 各镇（街道）, 各县（市、区）.
SCOPE_WITH_ALTERNATIVES = lazy(rf"各[{CJK}]{{1,4}}[(（][^()（）]{{1,10}}[)）]")


def _complete(name: str) -> bool:
    """A complete organ name (市科技局, 各直属机构, 各县（市、区）, 中国科协), not a bare place
    (各省) or ending (办)."""
    if SCOPE_WITH_ALTERNATIVES.fullmatch(name):
        return True
    name = re.sub(r"[(（][^()（）]*[)）]$", "", name)
    m = NAMED_BODY_END.search(name)
    return (m is not None and m.start() > 0) or name in NATIONAL_ORGANS


#: A place's party committee or government: 县委, 中共湖州市委, 县政府 (the place is ``p``).
_LEADING = lazy(rf"(?:中共)?(?P<p>[{CJK}]{{0,8}}?)(?:{'|'.join(LEADING_BODIES)})")


def _shares_departments(prev: str, item: str) -> bool:
    """县委、县政府各有关部门: the departments (各…) of a place's government after its party
    committee are both bodies' departments, one addressee."""
    a, b = _LEADING.fullmatch(prev), _LEADING.match(item)
    return (a is not None and b is not None and prev.endswith("委") and a["p"] == b["p"]
            and item[b.end():].startswith("各"))


#: A head's distributive word inside an addressee (国务院各部委, 局其他直属单位): a 各… item after it is
#: the same head's.
_OWN_DISTRIBUTIVE = lazy(r"(?<=.)(?:各|其他)")


#: A named place's government or office, which has its own scope in a 、-list: 桥下镇人民政府, 东城区人民政府,
#: 某某街道办事处 (a bare level, 区人民政府 in 各县、市、区人民政府, names no place and shares the head).
NAMED_GOVERNMENT = lazy(rf"[{CJK}]{{2,8}}?(?:{'|'.join(TOWN_ENDINGS)}|[{LEVEL_CHARS}])"
                        rf"(?:{'|'.join(LEADING_BODIES[1:])}|管委会|管理委员会|办事处)")


def _joins(group: list[str], item: str) -> bool:
    """Whether a 、-item continues the current addressee (they share a head or a prefix)."""
    prev, first = group[-1], group[0]
    if not _complete(prev) or not _complete(item):
        return True  # 各省、自治区、直辖市人民政府 / 市政府各委、办、局
    if item.startswith("各") and _OWN_DISTRIBUTIVE.search(first):
        return True  # 国务院各部委、各直属机构 / 局其他直属单位、各社会团体: 各… is 国务院's (局's)
    if len(group) == 1 and _shares_departments(prev, item):
        return True  # 县委、县政府各有关部门
    if is_national(item) or NAMED_GOVERNMENT.fullmatch(item):
        return False  # a central organ, a named place's government has its own scope: 中央宣传部、外交部 / 某某管委会、桥下镇人民政府
    # 各区卫生健康局、财政局: a local list shares its first item's scope; a list of central organs
    # (中央组织部、…、统计局、国管局) never does
    return SCOPE.match(item) is None and SCOPE.match(first) is not None and not is_national(first)


def split_addressees(text: str) -> list[str]:
    """主送机关 by the 公文 convention: split at ，,；; and at 、 only between complete organ names.

    >>> split_addressees("各省、自治区、直辖市人民政府，国务院各部委、各直属机构")
    ['各省、自治区、直辖市人民政府', '国务院各部委、各直属机构']
    >>> split_addressees("市委宣传部、市科技局")
    ['市委宣传部', '市科技局']
    >>> split_addressees("某某新区管委会、某某镇人民政府"), split_addressees("各县、市、区人民政府")
    (['某某新区管委会', '某某镇人民政府'], ['各县、市、区人民政府'])
    """
    out: list[str] = []
    text = _GLOSS.sub("", text)
    for part in split_top(text, ",，;；"):
        items = split_top(part, "、")
        if not items:
            continue
        group = [items[0]]
        for k, item in enumerate(items[1:], 2):
            if k == len(items) and _complete(group[-1]) and _is_place(item):
                out.append("、".join(group))  # 州级各部门、卧龙特别行政区: a place after an organ, ending the run,
                group = [item]  # is addressed as itself (its government); before an organ it shares its head
            elif _joins(group, item):
                group.append(item)
            else:
                out.append("、".join(group))
                group = [item]
        out.append("、".join(group))
    return [unspace(a) for a in out]


def is_addressee_line(text: str) -> bool:
    """Organ names only: each item starts with 各 or ends like an organ, or is a place addressed
    beside organs (卧龙特别行政区); no dates, keys or verbs. A list of at least two organs keeps
    one item of a kind no ending names (…，各地方联络点：) when it reads as a bare name
    (``_odd_name``): a real 主送 line is never lost whole for one unusual addressee."""
    text = _GLOSS.sub("", text.strip())
    if not text or re.search(r"\d|如下|通知|报告|：|:|日期|来源|为了|根据|印发|《|》", text) or text.startswith("各位"):
        return False
    groups = split_addressees(text)
    if any(_KEY_ONLY.fullmatch(g) for g in groups):
        return False  # a metadata key (发文部门) is never an addressee
    organs = [g for g in groups if g.startswith("各") or NAMED_BODY_END.search(g) is not None or g in NATIONAL_ORGANS]
    odd = [g for g in groups if g not in organs and not _is_place(g)]
    return bool(organs) and all(len(g) <= ADDRESSEE_MAX for g in groups) and (
        not odd or (len(odd) == 1 and len(organs) >= 2 and _odd_name(odd[0])))


#: A metadata or site-footer key alone (发文部门, 主办单位): never an addressee.
_KEY_ONLY = lazy(rf"{FIELD_KEY}|{SITE_KEY}")
#: Characters of a clause (的, 要, 请 …) that a bare name of an addressee does not hold.
_CLAUSE_CHARS = lazy(r"[的要请将应需须把对是在已了也就都]")


def _odd_name(item: str) -> bool:
    """An addressee no ending names (各地方联络点 is 各; 局其他直属联络站 is not) that still reads as a
    bare name: Chinese characters and brackets only, short, no clause word."""
    return (2 <= len(item) <= 20 and re.fullmatch(rf"[{CJK}()（）]+", item) is not None
            and _CLAUSE_CHARS.search(item) is None)


def _is_place(name: str) -> bool:
    """A whole name that is one place (卧龙特别行政区, 天津市), not an organ."""
    return place_of(name) == name and ORGAN_END.search(name) is None


#: The longest addressee: a national run (各省、自治区、直辖市及计划单列市、新疆生产建设兵团工业和信息化、
#: 发展改革、…主管部门) is one.
ADDRESSEE_MAX = 120


# ---------------------------------------------------------------- element values

def normalize_doc_number(text: str) -> str | None:
    """温政办〔2022〕73 号 / 临政办字[2023]81号 → canonical 〔〕 form without spaces; an order
    number (国令第706号) as printed without spaces.

    >>> normalize_doc_number("京中科教[2001]40号"), normalize_doc_number("国令 第706号")
    ('京中科教〔2001〕40号', '国令第706号')
    """
    m = re.search(DOC_NO, text, re.VERBOSE)
    if m:
        return f"{m['org']}〔{m['year']}〕{int(m['num'])}号"
    m = re.search(ORDER_NO, text, re.VERBOSE)
    if m:
        num = str(int(m["onum"])) if m["onum"].isdigit() else m["onum"]  # 第七十八号 as printed
        return f"{m['order']}{m['oyear'] + '年' if m['oyear'] else ''}{m['di'] or ''}{num}号"
    return None


def doc_type_of(title: str | None) -> str | None:
    """文种 of a title: its last type word (…实施方案 → 方案, …工作要点 → 要点)."""
    if not title:
        return None
    m = TITLE_TAIL.search(title.strip())
    if not m:
        return law_type_of(title)
    t = m["type"]
    return DOC_TYPE_OF.get(t, t)


def law_type_of(title: str | None) -> str | None:
    """文种 of a law's name (…专利法 → 法, 民法典 → 法典), never of …的方法 or 依法.

    >>> law_type_of("中华人民共和国专利法"), law_type_of("中华人民共和国民法典"), law_type_of("创新工作方法")
    ('法', '法典', None)
    """
    title = re.sub(rf"{_BRACKETS_AFTER}$", "", (title or "").strip())
    if len(title) < 3 or title.endswith(NOT_LAW_ENDINGS):
        return None
    return next((t for t in LAW_TYPES if title.endswith(t)), None)


def strip_alias(name: str) -> str:
    """An organ without its bracketed alias: 郑州市市场监督管理局(知识产权局) → 郑州市市场监督管理局."""
    return re.sub(r"\s*[(（][^()（）]{1,15}[)）]$", "", name).strip() or name


def organs_of(line: str) -> list[str]:
    """The organs of a signature line. Several separated by spaces are a joint issue; a part
    without its own scope (优化营商环境领导小组 after 木兰县人民政府) belongs to the whole line.
    A central organ has its own scope (国家知识产权局 司法部)."""
    parts = line.split()
    if len(parts) > 1 and any(SCOPE.match(p) is None and not is_national(p) for p in parts[1:]):
        return ["".join(parts)]
    return [q for p in parts for q in organ_parts(p)]


def _starts_with_place(name: str) -> bool:
    return place_of(name) is not None


def organ_parts(name: str) -> list[str]:
    """Organs printed one after the other without a space, split where the second one's name
    starts: a central organ after a central organ, a place's organ after a place's organ.
    A branch named after its organ (国家税务总局浙江省税务局, 广州市公安局天河区分局) and an
    office of an organ (国务院办公厅, 全国…领导小组办公室) stay one.

    >>> organ_parts("中共湖州市委湖州市人民政府"), organ_parts("市场监管总局国家知识产权局")
    (['中共湖州市委', '湖州市人民政府'], ['市场监管总局', '国家知识产权局'])
    >>> organ_parts("国家税务总局浙江省税务局"), organ_parts("国务院办公厅")
    (['国家税务总局浙江省税务局'], ['国务院办公厅'])
    >>> organ_parts("中国人民银行某省分行某省知识产权局"), organ_parts("中国人民银行某省分行")
    (['中国人民银行某省分行', '某省知识产权局'], ['中国人民银行某省分行'])
    """
    name = name.strip()
    if len(name) < 6 or "(" in name or "（" in name:
        return [name]
    for k in range(3, len(name) - 2):
        left, right = name[:k], name[k:]
        if ORGAN_END.search(left) is None or not _is_organ(right) or right.endswith(BRANCH_ENDINGS):
            continue
        if (is_national(left) and starts_national(right)) or (
                (_starts_with_place(left) or left.endswith(BRANCH_ENDINGS)) and _starts_with_place(right)):
            return [left, *organ_parts(right)]  # a branch (中国人民银行某省分行) ends where a place's organ starts
    return [name]


_PARTY = lazy(r"^(?:中共|中国共产党)")


def place_of(text: str | None) -> str | None:
    """The most specific leading place name of a title or an organ: 北京市通州区… → 通州区,
    中共湖州市委 → 湖州市, 荆门高新区管委会 → 荆门高新区; a leading year or 关于 is skipped.

    >>> place_of("2026年广州市天河区幼儿园招生工作方案"), place_of("延边朝鲜族自治州人民政府"), place_of("关于加快发展的意见")
    ('天河区', '延边朝鲜族自治州', None)
    >>> place_of("中华人民共和国专利法"), place_of("中华人民共和国香港特别行政区基本法")
    ('全国', '香港特别行政区')
    >>> place_of("中国（上海）自由贸易试验区临港新片区管理办法"), place_of("中国(河南)自由贸易试验区发展规划")
    ('临港新片区', '中国(河南)自由贸易试验区')
    >>> place_of("某某区江苏省知识产权保护示范区建设工作方案"), place_of("江苏省南京市知识产权保护示范区建设方案")
    ('某某区', '南京市')
    >>> place_of("市市场监管局2022年度工作意见"), place_of("省市场监管局"), place_of("市中区人民政府")
    (None, None, '市中区')
    """
    if not text:
        return None
    text = re.sub(rf"^(?:{YEAR}\s*年度?|关于(?:印发)?)", "", text.strip())
    text = _PARTY.sub("", text)
    found, pos = None, 0
    if text.startswith(COUNTRY):  # 中华人民共和国专利法: the country, unless a unit of it follows (…香港特别行政区基本法)
        found, pos = NATIONAL, len(COUNTRY)
    while True:
        zone, m = ZONE.match(text, pos), PLACE.match(text, pos)
        if m and NOT_PLACE.search(m["p"]):
            m = None
        if zone and not NOT_PLACE.search(zone["p"][:-3]) and not (m and m.end() < zone.end()):
            area = FREE_TRADE_AREA.match(text, zone.end()) if zone["p"].endswith(FREE_TRADE_ENDINGS) else None
            # a zone named in full (not one whose name holds a place: 上海市|浦东新区), or its area
            return area["p"] if area and not NOT_PLACE.search(area["p"]) else zone["p"]
        if not m and "州" in text[pos + 2: pos + 5] and (short := short_prefecture(text, pos)):
            found, pos = short, pos + len(short)  # 阿坝州政务数据…: a prefecture by its short name
            continue
        if not m or (found and wider(m["p"], found)):  # 通州区江苏省…示范区: a higher level after a place starts a name
            return found
        found, pos = m["p"], m.end()


def branch_place(organ: str) -> str | None:
    """The place of a central organ's branch: 国家税务总局浙江省税务局 → 浙江省."""
    for k in range(3, len(organ) - 2):
        if ORGAN_END.search(organ[:k]) and is_national(organ[:k]) and (p := place_of(organ[k:])):
            return p
    return None


#: 结合X实际 names the jurisdiction in the preamble.
LOCAL_CONTEXT = lazy(rf"结合(?:我|本|全)?(?P<r>[{CJK}]{{2,12}}?)(?:的)?(?:发展)?实际")
#: Plans addressed to every province govern the country: 结合各省发展实际, 各省(区、市).
PROVINCES = lazy(r"结合各省(?:份)?(?:发展|工作)?实际|各省[(（]区、市[)）]")
#: A 主送 line that addresses every province: 各省、自治区、直辖市人民政府 / …和新疆生产建设兵团….
EVERY_PROVINCE = lazy(r"各省[、，,]\s*自治区[、，,]\s*直辖市|各省[(（]区、市")
#: A work report's dateline: ——2024年1月16日在亳州市第五届人民代表大会第三次会议上 (or 第十四届全国人民代表大会).
DATELINE = lazy(rf"""[—-]*\s*(?P<date>{_DATE})\s*在(?:(?P<place>[{CJK}]{{2,20}}?)第[{CN_COUNT_CLASS}]+届人民代表大会
                   |第[{CN_COUNT_CLASS}]+届(?P<national>全国)人民代表大会)""", re.VERBOSE)
#: The government a work report speaks for: 我代表国务院, 我代表浙江省人民政府, 我代表市人民政府.
SPEAKER = lazy(rf"我代表(?:(?P<national>国务院)|(?P<place>[{CJK}]{{2,12}}?)?(?P<level>[{LEVEL_CHARS}])人民政府)")
#: The reporter of a work report: 市人民政府市长 秦凤玉 → the government of the dateline's place.
REPORTER = lazy(rf"(?P<level>[{LEVEL_CHARS}])人民政府(?:代理)?(?:省长|市长|县长|区长|州长|盟长|旗长)")
#: A page's related-reading link names the document: 相关解读：《X》解读.
READING = lazy(r"(?:相关|政策)?解读\s*[:：]\s*《(?P<t>[^《》]{4,80})》(?:政策)?(?:解读|图解)")
#: The plan named inside the notice: 现将《X》印发 / 《X》已经…同意 / 制定了《X》.
#: A name in quotes (“X”) is a document's only when it ends with a 文种 (制定出台“三大强州战略” names a slogan).
NOTICE_PLAN = lazy(r"(?:现将|印发|关于|制定了?|出台)\s*(?:《(?P<t>[^《》“”]{4,80})》|“(?P<q>[^《》“”]{4,80})”)"
                   r"|《(?P<t2>[^《》]{4,80})》(?:（以下简称[^）]*）)?\s*已经")
#: How far into a line the notice's sentence naming its plan is looked for.
NOTICE_PLAN_REACH = 200
#: The notice speaks as 我局/我委 and names itself in the contact line: 联系人:北京市中医管理局科教处 屠志涛.
CONTACT_ORGAN = lazy(rf"联系(?:人|单位|部门)\s*[:：]\s*(?P<org>[{CJK}]{{3,30}}?(?P<end>{'|'.join(SELF_NAMES)}))[{CJK}]{{1,8}}?(?:处|科|室)")
#: A year at the head of an annual plan's title: 2022年…工作要点, 2026年…招生工作方案.
ANNUAL = lazy(rf"(?<![\d—\-~～至到])(?P<y>{YEAR})\s*年度?(?![\d—\-~～至到底末版]|[)）])")


#: A year alone in brackets after an annual plan's 文种: …年度工作指引(2023) (never (2023年版), (第2023号)).
ANNUAL_BRACKET = lazy(rf"[(（]\s*(?P<y>{YEAR})\s*[)）]$")


class Meta(NamedTuple):
    title: str | None
    notice_title: str | None
    doc_number: str | None
    issuer: str | None
    issue_date: str | None
    addressees: list[str]
    region: str | None
    period: tuple[int, int] | None
    issuers: list[str] = []
    doc_type: str | None = None
    copy_number: str | None = None
    secrecy: str | None = None
    urgency: str | None = None
    signer: str | None = None
    cc: list[str] = []
    printed_by: str | None = None
    printed_date: str | None = None
    attachments: list[str] = []
    remark: str | None = None
    lines: dict[str, int] = {}
    #: What the header doubts (N101); the meta stage hands them on as the plan's notices.
    notices: list[NoticeRef] = []


# ---------------------------------------------------------------- reading the lines

#: A head line longer than this that holds spaces is a one-line paste of several lines.
ONE_LINE_PASTE = 100


def _unpaste(lines: Lines) -> Lines:
    """Split one-line pastes back into lines at their spaces (notice, title, date …), never at a
    space inside brackets: a cited title keeps its joint issuers (《财政部办公厅 国家知识产权局办公室关于…》)."""
    out: Lines = []
    for no, line in lines:
        if len(line) > ONE_LINE_PASTE and " " in line and "|" not in line:
            out.extend((no, part) for part in split_top(line, " "))  # never inside 《》 or （）
        else:
            out.append((no, line))
    return out


@dataclass(frozen=True, kw_only=True)
class CompoundRule(PatternRule):
    """A line that holds a heading and another element (its 文号, a page's label): ``pattern``
    must match the whole line, its group ``t`` (or ``q``, printed in 《》) must be a title (MT10–MT12) and its group
    ``no``, if any, is the 文号; what else it matches (a page label, a date) is dropped."""

    #: Literals one of which every line the rule matches holds: a cheap test before the regex.
    needs: tuple[str, ...] = ()

    @functools.cached_property
    def hint(self) -> re.Pattern[str] | None:
        return patterncache.compile("|".join(map(re.escape, self.needs))) if self.needs else None


def _parts_of(rule: CompoundRule, text: str) -> list[tuple[str, tuple[LineRule, re.Match[str]] | None]] | None:
    """The parts of a compound line, each with its class: the title first, then the 文号."""
    if len(text) > 260 or _TITLE_HINT.search(text) is None:
        return None
    if rule.hint is not None and rule.hint.search(text) is None:
        return None
    m = rule.regex.fullmatch(text)
    heading = m and (m["t"] if "q" not in rule.regex.groupindex else m["t"] or m["q"])  # q: a heading in 《》
    if m is None or (c := classify(heading.strip(), _TITLES)) is None:
        return None
    parts = [(heading.strip(), c)]
    if "no" in rule.regex.groupindex and m["no"]:
        parts.append((m["no"].strip(), classify(m["no"].strip())))
    return parts


#: Lines holding a heading and another element, tried in order before a line is classified.
COMPOUND_RULES: tuple[CompoundRule, ...] = (
    CompoundRule(code="MT45", needs=("号",), summary="a web page's heading with its 文号 in brackets after it",
                 pattern=rf"(?P<t>.{{4,200}}?) \s* [(（] \s* (?P<no>{DOC_NO}|{ORDER_NO}) \s* [)）]",
                 examples=(("国务院办公厅关于印发“无废城市”建设试点工作方案的通知（国办发〔2018〕128号）",
                            {"title": "国务院办公厅关于印发“无废城市”建设试点工作方案的通知", "doc_number": "国办发〔2018〕128号"}),
                           ("专利代理条例（中华人民共和国国务院令第706号）",
                            {"title": "专利代理条例", "doc_number": "中华人民共和国国务院令第706号"})),
                 near_misses=("根据《泰安市知识产权强市建设实施方案》（泰政发〔2022〕3号）要求，制定本方案。",
                              "（泰政发〔2022〕3号）")),
    CompoundRule(code="MT46", needs=("号",), summary="a heading with its 文号 printed before it on one line (the heading bare or in 《》)",
                 pattern=rf"""(?P<no>{DOC_NO}) \s* (?:《(?P<q>[^\s。《][^。《》]{{0,80}}?(?:关于|印发)[^。]{{3,200}}?)》
                             | (?P<t>[^\s。《][^。]{{0,80}}?(?:关于|印发)[^。]{{3,200}}))""",
                 examples=(("泰政发〔2022〕3号 泰安市人民政府关于印发泰安市知识产权强市建设实施方案的通知",
                            {"title": "泰安市人民政府关于印发泰安市知识产权强市建设实施方案的通知", "doc_number": "泰政发〔2022〕3号"}),
                           ("国知发保字〔2021〕27号国家知识产权局 司法部关于加强知识产权纠纷调解工作的意见",
                            {"title": "国家知识产权局 司法部关于加强知识产权纠纷调解工作的意见", "doc_number": "国知发保字〔2021〕27号"}),
                           ("某办发〔2016〕25号《某省人民政府办公厅关于印发某省知识产权保护工作要点的通知》",
                            {"title": "某省人民政府办公厅关于印发某省知识产权保护工作要点的通知", "doc_number": "某办发〔2016〕25号"})),
                 near_misses=("泰政发〔2022〕3号 各县（市、区）人民政府：", "泰政发〔2022〕3号文件要求，各地制定实施方案。",
                              "国办发〔2018〕128号文件精神的通知",
                              "某办发〔2016〕25号《某省知识产权保护工作要点》印发后各地认真落实")),
    CompoundRule(code="MT48", needs=("号",),
                 summary="a page's one-line header row: the heading, its 文号 after a space, then its date or metadata",
                 pattern=rf"""(?P<t>[^\s。|][^。|]{{3,200}}?) \s+ (?P<no>{DOC_NO})
                             (?:\s+ (?:{_DATE}|(?:{FIELD_KEY}) \s* [:：]) .*)?""",
                 examples=(("国务院知识产权战略实施工作部际联席会议办公室关于开展年度总结的通知 国知战联办〔2019〕3号 "
                            "2019年1月8日 发布机关:国务院知识产权战略实施工作部际联席会议办公室 |",
                            {"title": "国务院知识产权战略实施工作部际联席会议办公室关于开展年度总结的通知",
                             "doc_number": "国知战联办〔2019〕3号"}),
                           ("关于印发某市知识产权强市建设实施方案的通知 某政发〔2021〕9号",
                            {"title": "关于印发某市知识产权强市建设实施方案的通知", "doc_number": "某政发〔2021〕9号"}),
                           ("某市知识产权保护工作要点 某知发〔2022〕4号 成文日期：2022年3月1日 |",
                            {"title": "某市知识产权保护工作要点", "doc_number": "某知发〔2022〕4号"})),
                 near_misses=("根据《某市实施方案》 某政发〔2021〕9号 要求制定本方案", "某政发〔2021〕9号 2021年3月1日",
                              "按照通知 某政发〔2021〕9号。", "关于印发某市实施方案的通知 某政发〔2021〕9号文件精神",
                              "序号 | 关于印发某市实施方案的通知 某政发〔2021〕9号 | 2021年3月1日 |")),
    CompoundRule(code="MT47", needs=(":", "：", "年", "/", ".", "-"),
                 summary="a heading with a page's label or date glued on: …的通知 发布时间：2022-05-01",
                 pattern=rf"""(?P<t>.{{4,200}}?) \s* (?:(?:发布|发表|更新|成文|印发)?(?:时间|日期) \s* [:：].* | (?:{_DATE}).*
                             | (?:来源|信息来源|浏览次数|点击数|字号) \s* [:：].*)""",
                 examples=(("关于印发泰安市知识产权强市建设实施方案的通知 发布时间：2022-05-01",
                            {"title": "关于印发泰安市知识产权强市建设实施方案的通知"}),
                           ("泰安市知识产权强市建设实施方案 来源：泰安市市场监督管理局", {"title": "泰安市知识产权强市建设实施方案"})),
                 near_misses=("2022年5月1日", "为推进工作，发布时间：2022-05-01")),
)


#: The compound rules tried on a line holding a pipe (a table row is none of the others): a page's
#: header row ending with its metadata cells (…的通知 国知战联办〔2018〕24号 2018年12月27日 发布机关:X |).
_PIPE_COMPOUND_RULES = tuple(r for r in COMPOUND_RULES if r.code == "MT48")


class Hit(NamedTuple):
    no: int
    text: str
    code: str | None
    m: re.Match[str] | None


def _fragment(text: str) -> bool:
    """A piece of a broken title: short, no punctuation, not a date, organ or marker (nor any
    line a rule classifies, such as a page's category label: the caller checks)."""
    return (2 <= len(text) <= 40 and not re.search(r"[。，,；;：:《》()（）|>＞/]", text) and not dates.is_bare_date(text)
            and not SEPARATOR_RUN.fullmatch(text)
            and not _organ_run(text) and not _MARKER_START.match(text) and not re.match(r"附[件表]", text))


_UNSET = object()
#: A cheap test before the compound rules: a heading holds a 文种 word.
_TITLE_HINT = lazy("|".join(DOC_TYPES))


def _ends_title(text: str) -> bool:
    """A line no title runs on into: a 文号 alone (a news headline above it is page chrome, the
    notice title below it another heading: 某局印发《规划》 / 某发〔2021〕2号 / 某局关于印发《规划》的通知)."""
    return "号" in text and rule_match(RULES_BY_CODE["MT03"], text) is not None


def _scan(lines: Lines) -> list[Hit]:
    """Classify each line once; join titles broken over two or three lines first."""
    hits: list[Hit] = []
    i = 0
    while i < len(lines):
        no, text = lines[i]
        text = text.strip()
        joined = None
        own: Any = _UNSET  # the line's own class, once known
        if "。" not in text and "|" not in text:
            if "关于" in text or re.search(_ISSUING, text):  # a notice or document title broken over lines
                acc = text
                for k in (1, 2):
                    if i + k >= len(lines) or "。" in lines[i + k][1] or _ends_title(lines[i + k][1].strip()):
                        break
                    if classify(acc, (RULES_BY_CODE["MT10"], RULES_BY_CODE["MT11"])):
                        break
                    acc += lines[i + k][1].strip()
                    if (c := classify(acc, (RULES_BY_CODE["MT10"], RULES_BY_CODE["MT11"]))) is not None:
                        joined = (k, acc, c)
                        break
            if joined is None and i + 1 < len(lines) and re.search(r"(?:令|公告)$", text) and re.fullmatch(
                    rf"[(（]?\s*(?:{YEAR}\s*年\s*)?第\s*(?:\d{{1,5}}|[{CN_ORDINAL_CLASS}]{{1,8}})\s*号\s*[)）]?",
                    lines[i + 1][1].strip()):
                acc = text + lines[i + 1][1].strip()  # an order's or a 公告's number under its name
                joined = (1, acc, classify(acc, (RULES_BY_CODE["MT06"], RULES_BY_CODE["MT09"])))
            if joined is None and i + 1 < len(lines) and _fragment(text) and (own := classify(text)) is None:
                nxt = lines[i + 1][1].strip()
                c = rule_match(RULES_BY_CODE["MT12"], nxt)
                if c is not None and len(nxt) <= 40 and not TITLE_TAIL.search(text) \
                        and classify(nxt, (RULES_BY_CODE["MT10"], RULES_BY_CODE["MT11"])) is None:
                    acc = text + nxt
                    joined = (1, acc, (RULES_BY_CODE["MT12"], rule_match(RULES_BY_CODE["MT12"], acc)))
        if joined is not None and joined[2] is not None and joined[2][1] is not None:
            k, acc, (rule, m) = joined
            hits.append(Hit(no, acc, rule.code, m))
            i += k + 1
            continue
        compound = COMPOUND_RULES if "|" not in text else _PIPE_COMPOUND_RULES
        if (parts := next(filter(None, (_parts_of(r, text) for r in compound)), None)):
            hits.extend(Hit(no, part, c[0].code if c else None, c[1] if c else None) for part, c in parts)
            i += 1
            continue
        c = classify(text) if own is _UNSET else own
        if c is not None and c[0].code == "MT30" and hits and hits[-1].no == no - 1 and hits[-1].code in (None, "MT23"):
            wrapped = _wrapped_addressees(hits, text)  # a long 主送 list broken over lines
            if wrapped is not None:
                hits.append(wrapped)
                i += 1
                continue
        if c is not None and c[0].code == "MT15" and (inner := classify(c[1]["t"].strip(), _TITLES)) is not None:
            c, text = inner, c[1]["t"].strip()  # a Markdown title's text is the title (or notice) it heads
        if c is not None and c[0].code == "MT13" and hits and hits[-1].code in ("MT12", "MT11"):
            prev = hits.pop()  # a period on its own line closes the title above
            acc = prev.text + text
            hits.append(Hit(prev.no, acc, prev.code, rule_match(RULES_BY_CODE[prev.code], acc)))
            i += 1
            continue
        hits.append(Hit(no, text, c[0].code if c else None, c[1] if c else None))
        i += 1
    return _organ_above_title(hits)


#: How many lines above its last one a 主送 list may be broken over (a list of provinces in a narrow column).
WRAPPED_LINES = 8


def _wrapped_addressees(hits: list[Hit], last: str) -> Hit | None:
    """A 主送 list broken over several lines: the lines above its last line (ending with ：)
    that no rule classifies (or that read as an organ) joined to it, the most that make one
    addressee line; they are taken off ``hits``."""
    k = 0
    while k < WRAPPED_LINES and k < len(hits):
        x = hits[-k - 1]
        if x.code not in (None, "MT23") or "。" in x.text or x.text.rstrip().endswith((":", "：")) \
                or x.no != hits[-1].no - k:
            break
        k += 1
    rule = RULES_BY_CODE["MT30"]
    for n in range(k, 0, -1):
        acc = "".join(x.text.strip() for x in hits[-n:]) + last
        if (m := rule_match(rule, acc)) is not None:
            no = hits[-n].no
            del hits[-n:]
            return Hit(no, acc, rule.code, m)
    return None


def _organ_above_title(hits: list[Hit]) -> list[Hit]:
    """An organ printed on the line above a 关于… title is the title's start (PDF layouts), and so is
    one printed before it on its line, a space between (a one-line paste split by _unpaste)."""
    out: list[Hit] = []
    for h in hits:
        if h.code in ("MT10", "MT11", "MT12") and h.text.startswith("关于") and out and out[-1].code == "MT23" \
                and out[-1].no in (h.no - 1, h.no):
            acc = out[-1].text + h.text
            c = classify(acc, (RULES_BY_CODE["MT10"], RULES_BY_CODE["MT11"]))
            if c is not None:
                out[-1] = Hit(out[-1].no, acc, c[0].code, c[1])
                continue
        out.append(h)
    return out


def values(h: Hit) -> dict[str, Any]:
    """The fields a classified line states: its rule's ``read``."""
    return RULES_BY_CODE[h.code].read(h.m, h.text)  # type: ignore[index,arg-type]


def _fields(hits: list[Hit]) -> dict[str, tuple[str, int]]:
    """Meta fields from page-metadata rows: {field: (value, line)}; the first of each wins."""
    out: dict[str, tuple[str, int]] = {}
    for h in hits:
        if h.code in ("MT01", "MT02", "MT08"):
            for f, v in values(h).items():
                out.setdefault(f, (v, h.no))
    return out


#: How many organ lines a joint signature may stack above its date (a notice of 北京市知识产权局等11部门
#: signs with eleven lines; central notices of twenty and more organs exist).
SIGNATURE_LINES = 30


def _signature_before(hits: list[Hit], i: int) -> tuple[list[str], int] | None:
    """Organs signed just above hit ``i`` (up to ``SIGNATURE_LINES`` lines), with the first line's number. A
    name broken over two lines (a narrow signature column) is joined: the upper line starts
    like an organ's name (a place, a central organ) and the lower one does not."""
    organs: list[str] = []
    first = None
    if i >= 1 and hits[i - 1].code == "MT34":
        i -= 1  # a seal note (国家知识产权局代章) between the signature and the date
    j = i - 1
    while j >= 0 and i - j <= SIGNATURE_LINES and hits[j].code == "MT23":
        organs = values(hits[j])["issuer"] + organs
        first = hits[j].no
        j -= 1
    upper = hits[j] if j >= 0 and hits[j].code is None else None
    lower = organs[0] if organs and " " not in hits[j + 1].text.strip() else None
    if upper is not None and lower is None and j >= 1 and j == i - 1 and hits[j - 1].code is None:
        upper, lower = hits[j - 1], hits[j].text.strip()  # neither half is an organ alone: 全国…工作领导 / 小组
    if upper is not None and lower is not None and _broken_name(upper.text.strip(), lower):
        organs = [upper.text.strip() + lower, *organs[1:]]
        first = upper.no
    return (organs, first) if organs and first is not None else None


def _broken_name(upper: str, lower: str) -> bool:
    """Whether two lines are one organ's name broken in the middle (全国打击…假冒伪劣 / 商品工作领导小组办公室)."""
    return (2 <= len(upper) <= 30 and re.fullmatch(rf"[{CJK}]+", upper) is not None and _is_organ(upper + lower)
            and (is_national(upper) or _PARTY.match(upper) is not None or place_of(upper) is not None)
            and not (is_national(lower) or _PARTY.match(lower) or place_of(lower)) and not _is_organ(upper))


#: The 版记 (抄送, 印发) closes a printed document: it is looked for in its last lines.
FOOT_LINES = 6


class _Found:
    """The line each element came from: ``put`` records it and hands the value back."""

    def __init__(self) -> None:
        self.lines: dict[str, int] = {}

    def put(self, field: str, value, no: int | None):  # type: ignore[no-untyped-def]
        if value not in (None, "", []) and no is not None:
            self.lines.setdefault(field, no)
        return value


@dataclass
class _Head:
    """The header being read: its classified lines and the elements read so far, which the
    sources of ISSUER_SOURCES and REGION_SOURCES read."""

    outline: Outline
    head: list[Hit]
    tail: list[Hit]
    fields: dict[str, tuple[str, int]]
    found: _Found
    notice: Hit | None = None
    self_title: Hit | None = None
    doc_number: str | None = None
    issue_date: str | None = None
    signed: tuple[list[str], int] | None = None  # the organs signed above the date, and their line
    title: str | None = None
    notice_title: str | None = None
    issuers: list[str] | None = None
    dateline: tuple[str | None, str | None, int] | None = None  # a work report's (date, place, line)
    law: tuple[dict[str, str], int] | None = None  # a law's promulgating event and its line
    notices: list[NoticeRef] = dataclass_field(default_factory=list)  # what a source doubts (N101)


def _read_head(outline: Outline) -> _Head:
    """The classified head and tail of an outline, and the elements read from them."""
    head, tail = _scan(_unpaste(outline.head)), _scan(outline.tail)
    found = _Found()
    h = _Head(outline, head, tail, _fields(head + tail), found,
              notice=_first_title(head, "MT10"), self_title=_first_title(head, "MT11"))
    h.law = _law_event(head)
    h.dateline = _dateline(head)
    h.doc_number = _doc_number(h)
    h.issue_date, h.signed = _signed_date(h)
    h.notice_title, h.title = _titles(h)
    h.issuers = first_source(ISSUER_SOURCES, h, found)
    return h


def _first_title(head: list[Hit], code: str) -> Hit | None:
    """The first title of its kind; when the next line prints it again (a legal database's
    heading, then the document's own, brackets or dashes of another width), the second."""
    for k, x in enumerate(head):
        if x.code == code:
            nxt = head[k + 1] if k + 1 < len(head) else None
            return nxt if nxt is not None and nxt.code == code and _same_text(x.text, nxt.text) else x
    return None


_WIDTH_NOISE = lazy(r"[\s()（）\-—–－~～]")


def _same_text(a: str, b: str) -> bool:
    """Two printings of one title: equal but for spaces, bracket widths and dash forms."""
    return _fold(a) == _fold(b)


def _fold(text: str) -> str:
    return _WIDTH_NOISE.sub("", unicodedata.normalize("NFKC", text))


def extract_meta(outline: Outline, lines: Lines | None = None) -> Meta:
    """Every header element the document states, each with its line. ``lines`` (all numbered
    lines) lets the 版记 be read when it follows the body directly, with no tail between."""
    h = _read_head(outline)
    head, tail, fields, found = h.head, h.tail, h.fields, h.found
    in_tail = {no for no, _ in outline.tail}
    foot = [x for x in _scan(lines[-FOOT_LINES:]) if x.no not in in_tail] if lines else []
    issue_date = h.issue_date
    addressees = next((found.put("addressees", values(x)["addressees"], x.no)
                       for x in head if x.code in ("MT30", "MT05", "MT32")), [])
    region = first_source(REGION_SOURCES, h, found)
    title, notice_title = h.title, h.notice_title
    period = _period(outline, title, notice_title, found)

    extra = _minor_elements(head, tail + [x for x in foot if x.code in ("MT21", "MT28")], fields, found.put)
    issuers = [clean_name(strip_alias(o)) for o in h.issuers] if h.issuers else []
    title, notice_title = (clean_name(t) if t else t for t in (title, notice_title))
    doc_type = doc_type_of(title) or doc_type_of(notice_title)
    found.put("doc_type", doc_type, found.lines.get("title") or found.lines.get("notice_title"))
    return Meta(title, notice_title, h.doc_number, issuers[0] if issuers else None, issue_date,
                [clean_name(a) for a in addressees], region, period,
                issuers=issuers if len(issuers) > 1 else [], doc_type=doc_type, lines=found.lines, notices=h.notices,
                **extra)


#: A reading in pinyin a page prints after a rare character, with or without its tone mark:
#: 东莞(guan), 亳(bó)州: one syllable (an initial, a final of up to three vowels, n/ng/r), so
#: that (app) or (ip) stays. Never part of a name.
_VOWELS = "aeiouüāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
_GLOSS = lazy(rf"(?<=[{CJK}])[(（](?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?[{_VOWELS}]{{1,3}}(?:ng|n|r)?[)）]")


def clean_name(name: str) -> str:
    """A name or title as printed, without OCR's stray spaces or a reading gloss: 东莞(guan)市 → 东莞市."""
    return unspace(_GLOSS.sub("", name))


def _prose_start(head: list[Hit]) -> int:
    """Index of the head's first sentence: dates above it are a page's byline."""
    return next((k for k, h in enumerate(head) if "。" in h.text), len(head))


def _doc_number(h: _Head) -> str | None:
    """发文字号: the metadata row, else the first 文号 line of the head (MT03–MT06, MT09, MT27), else
    the number a law's history line gives its promulgation (公告第30号, 令第17号)."""
    found = h.found
    if "doc_number" in h.fields:
        v, no = h.fields["doc_number"]
        if (doc_number := found.put("doc_number", normalize_doc_number(v), no)) is not None:
            return doc_number
    for x in h.head:
        if x.code in ("MT03", "MT04", "MT05", "MT06", "MT09", "MT27") and "doc_number" in (v := values(x)):
            return found.put("doc_number", v["doc_number"], x.no)
    if h.law and (number := h.law[0].get("doc_number")):
        return found.put("doc_number", number, h.law[1])
    return None


def _signed_date(h: _Head) -> tuple[str | None, tuple[list[str], int] | None]:
    """成文日期 and the organs signed above it: the date under organs wins, then the metadata,
    then a bare date after the notice's text, then the date on the 文号's line, then a law's
    promulgation date, then a work report's dateline."""
    head, tail, fields, found = h.head, h.tail, h.fields, h.found
    prose = _prose_start(head)
    for block in (head, tail):
        for i, x in enumerate(block):
            if block is head and i < prose and x.code in ("MT20", "MT22") and "年" not in x.m["date"]:  # type: ignore[index]
                continue  # a source and ISO date above the text are the page's byline
            if x.code == "MT22":
                signed = values(x)["issuer"], x.no
            elif x.code == "MT20" and (sig := _signature_before(block, i)):
                signed = sig
            else:
                continue
            return found.put("issue_date", values(x)["issue_date"], x.no), signed
    if "issue_date" in fields:
        v, no = fields["issue_date"]
        if (issue_date := found.put("issue_date", dates.parse_date(v), no)) is not None:
            return issue_date, None
    for x in head[prose:] + tail + [x for x in head[:prose] if x.code == "MT04"]:
        if x.code in ("MT20", "MT04"):
            return found.put("issue_date", values(x)["issue_date"], x.no), None
    if h.law:
        return found.put("issue_date", h.law[0]["date"], h.law[1]), None
    if h.dateline and h.dateline[0]:
        return found.put("issue_date", h.dateline[0], h.dateline[2]), None
    return None, None


def _titles(h: _Head) -> tuple[str | None, str | None]:
    """标题 of the covering notice and the plan's own title, by the order in docs/conventions.md."""
    head, tail, fields, notice, self_title, found = h.head, h.tail, h.fields, h.notice, h.self_title, h.found
    notice_title = found.put("notice_title", notice.text, notice.no) if notice else None
    meta_title = fields.get("title")
    if notice_title is None and meta_title and rule_match(RULES_BY_CODE["MT10"], meta_title[0]):
        notice_title = found.put("notice_title", meta_title[0], meta_title[1])
    titles = [x for x in head if x.code == "MT15"] or [x for x in head if x.code in ("MT12", "MT14")]
    if titles:
        return notice_title, found.put("title", values(titles[-1])["title"], titles[-1].no)
    if (named := first_source(TITLE_SOURCES, h, found)) is not None:
        return notice_title, named
    if self_title is not None:
        return notice_title, found.put("title", self_title.text, self_title.no)
    if (headline := next((x for x in head if x.code == "MT16"), None)) is not None:
        return notice_title, found.put("title", values(headline)["title"], headline.no)
    if after_sig := _title_after_signature(tail):
        return notice_title, found.put("title", after_sig[1], after_sig[0])
    if meta_title and meta_title[0] != notice_title and (
            rule_match(RULES_BY_CODE["MT12"], meta_title[0]) or rule_match(RULES_BY_CODE["MT11"], meta_title[0])):
        return notice_title, found.put("title", meta_title[0], meta_title[1])
    for x in head:  # the notice's first sentence names the plan (not a document cited deep in a long paragraph,
        # nor a law a list item quotes: ——推进制定《X条例》)
        named = NOTICE_PLAN.finditer(x.text[:NOTICE_PLAN_REACH]) \
            if x.code != "MT10" and match_marker(x.text.strip()) is None else ()
        if m := next((m for m in named if not m["q"] or TITLE_TAIL.search(m["q"])), None):
            return notice_title, found.put("title", m["t"] or m["q"] or m["t2"], x.no)
    if notice_title and (m := re.search(rf"(?P<verb>{_ISSUING})(?P<t>.+?)的?(?:{_COVERING_ALT})$", notice_title)):
        t = m["t"].strip()
        t = t[1:-1] if re.fullmatch(r"《[^《》]+》|“[^“”]+”", t) else forwarded_title(t) if m["verb"] in _FORWARDING else t
        return notice_title, found.put("title", t, found.lines["notice_title"])
    for x in head + tail:
        if m := READING.search(x.text):
            return notice_title, found.put("title", m["t"], x.no)
    return notice_title, None


def forwarded_title(text: str) -> str:
    """The title of a document a notice forwards (批转/转发) without the organ that wrote it, when the
    organ's name is printed before it: 市商务局南京市专项行动实施方案 → 南京市专项行动实施方案,
    省知识产权局关于加强保护的意见 → 关于加强保护的意见; a title the organ's name is part of
    (市科技局工作要点) stays whole.

    >>> forwarded_title("市商务局某市专项行动实施方案"), forwarded_title("省知识产权局关于加强保护的意见")
    ('某市专项行动实施方案', '关于加强保护的意见')
    >>> forwarded_title("市科技局工作要点"), forwarded_title("某市专项行动实施方案")
    ('市科技局工作要点', '某市专项行动实施方案')
    """
    for k in range(3, len(text) - 3):
        left, rest = text[:k], text[k:]
        if _is_organ(left) and (rest.startswith("关于") or place_of(rest) is not None or starts_national(rest)) \
                and rule_match(RULES_BY_CODE["MT12"], rest) is not None:
            return rest
    return text


# ---------------------------------------------------------------- issuer and region sources

Found = tuple[Any, int | None]  # a source's value and the line it came from


@dataclass(frozen=True, kw_only=True)
class SourceRule(Rule):
    """One place an element is read from: ``find(head)`` gives ``(value, line)`` or None on the
    header read so far (``_Head``). The sources of a table are tried in table order and the
    first that gives a value wins; an example is a short document and the value it gives."""

    field: str


def first_source(table: tuple[SourceRule, ...], h: _Head, found: _Found) -> Any:
    """The value of the first source of ``table`` that gives one, its line recorded."""
    for rule in table:
        if (got := rule.find(h)) is not None and got[0]:  # type: ignore[misc]
            return found.put(rule.field, got[0], got[1])
    return None


def _law_event(head: list[Hit]) -> tuple[dict[str, str], int] | None:
    """A law's promulgating event among its history lines: the last 公布/发布/颁布 or 修订 (a
    revision re-adopts the whole text), else the first 通过; an amendment (修正, and the 通过 of
    its decision), an approval (批准) or the day it takes effect (施行) is never the law's date."""
    events = [(e, x.no) for x in head if x.code == "MT07" for e in values(x)["events"]]
    # the last promulgation or revision; but the first 通过: a later one passed an amendment (a city's 通过
    # then the province's 批准…修正), which is never the law's date
    for kinds, pick in ((("公布", "发布", "颁布", "修订", "修订通过"), max), (("通过",), min)):
        chosen = [ev for ev in events if ev[0]["event"] in kinds and ev[0].get("date")]
        if chosen:
            last_date = pick(ev[0]["date"] for ev in chosen)
            latest = [ev for ev in chosen if ev[0]["date"] == last_date][-1]  # of one day, the line printed last
            if "issuer" not in latest[0]:  # a 公布 line naming no organ: the organ that passed it
                organ = next((ev[0]["issuer"] for ev in reversed(events) if ev[0].get("issuer")), None)
                return ({**latest[0], "issuer": organ} if organ else latest[0]), latest[1]
            return latest
    return None


def _dateline(head: list[Hit]) -> tuple[str | None, str | None, int] | None:
    """A work report's dateline: ——2024年1月16日在亳州市第五届人民代表大会第三次会议上."""
    for x in head[:6]:
        if (d := DATELINE.search(x.text)) is not None:
            place = NATIONAL if d["national"] else place_of(d["place"])
            return dates.parse_date(d["date"]), place, x.no
    return None


def _signature(h: _Head) -> Found | None:
    return h.signed


def _metadata_issuer(h: _Head) -> Found | None:
    if "issuer" not in h.fields:
        return None
    v, no = h.fields["issuer"]
    return (organs_of(v) if _organ_run(v) else [v]), no


def _issuer_mark(h: _Head) -> Found | None:
    k = next((k for k, x in enumerate(h.head[:8]) if x.code == "MT33"), None)
    if k is None:
        return None
    mark, organs = h.head[k], values(h.head[k])["issuer"]
    upper = h.head[k - 1] if k else None  # a long name broken over two lines: 全国…和制售 / 假冒伪劣…领导小组 文件
    if upper is not None and upper.code is None and len(organs) == 1 and _broken_name(upper.text.strip(), organs[0]):
        return [upper.text.strip() + organs[0]], upper.no
    return organs, mark.no


#: A government named by its level only, as its own titles print it: 省政府, 市人民政府.
LEVEL_GOVERNMENT = lazy(rf"(?P<level>[{LEVEL_CHARS}])(?:人民)?政府")


def _title_organs(h: _Head) -> Found | None:
    """The organs a title begins with; a government named by its level only (省政府关于印发…)
    takes the place of that level the title names (江苏省…纲要 → 江苏省人民政府)."""
    headline = next((x for x in h.head if x.code == "MT16"), None)
    for src in (h.notice, h.self_title, headline):
        if src is not None and (parts := values(src)["issuer"]):
            if (m := LEVEL_GOVERNMENT.fullmatch(parts[0])) is not None:
                place = place_of(h.title) or place_of(h.notice_title)
                if place and place.endswith(m["level"]):
                    parts = [place + "人民政府", *parts[1:]]
            return parts, src.no
    return None


#: An organ's own plan for a year, titled by the organ itself: 国家知识产权局2022年工作要点.
OWN_ANNUAL_TITLE = lazy(rf"(?P<org>[^\d\s。，,；;：:《》“”]{{3,40}}?)\s*{YEAR}\s*年度?")


def _own_annual_plan(h: _Head) -> Found | None:
    """The organ a plan's own title starts with, right before the year it plans (国家知识产权局2022年
    工作要点): an organ that names its scope (a place, a level: 市市场监管局, a central organ, 中共…); never a place alone
    (湖州市2023年工作要点) nor an organ cited inside the title (关于学习某局2022年工作要点的通知)."""
    m = OWN_ANNUAL_TITLE.match(h.title or "")
    if m is None or doc_type_of(h.title) is None:
        return None
    org = m["org"].strip()
    # a level names the scope too: 市市场监管局 is the city's own bureau
    scoped = is_national(org) or _PARTY.match(org) is not None or place_of(org) is not None or org[:1] in LEVEL_CHARS
    return ([org], h.found.lines.get("title")) if scoped and _is_organ(org) and not org.startswith("关于") else None


def _law_organ(h: _Head) -> Found | None:
    return ([h.law[0]["issuer"]], h.law[1]) if h.law and h.law[0].get("issuer") else None


def _number_organ(h: _Head) -> Found | None:
    """The organ an order number names (国家知识产权局令第17号), or a central organ's 文号 code (国办发)."""
    if not h.doc_number:
        return None
    line = h.found.lines.get("doc_number")
    if (m := re.fullmatch(ORDER_NO, h.doc_number, re.VERBOSE)) is not None:
        organ = without_country(m["order"][:-1])
        code = dict(NATIONAL_DOC_CODES).get(m["order"])
        return ([code or organ], line) if code or _is_organ(organ) else None
    if (m := re.fullmatch(DOC_NO, h.doc_number, re.VERBOSE)) is not None:
        return next((([organ], line) for code, organ in NATIONAL_DOC_CODES if m["org"].startswith(code)), None)
    if (m := re.fullmatch(rf"(?P<body>[{CJK}]+)公告第\w+号", h.doc_number)) is not None:
        organ = _SITTING.sub("", m["body"])  # 浙江省第十二届人民代表大会常务委员会公告 → its 常务委员会
        return ([organ], line) if _is_organ(organ) else None
    return None


def _speaker(h: _Head) -> Found | None:
    """The government a work report speaks for: 我代表国务院, 我代表浙江省人民政府, or 我代表市人民政府 /
    市人民政府市长 with its place from the dateline or the title (a place of that level)."""
    for x in h.head[:6]:
        if (m := SPEAKER.search(x.text)) is None and (m := REPORTER.search(x.text)) is None:
            continue
        g = m.groupdict()
        if g.get("national"):
            return ["国务院"], x.no
        level = (g.get("place") or "") + m["level"]  # 市, or 自治区 (a level of two words)
        if g.get("place") and g["place"] != "自治":
            return ([level + "人民政府"], x.no) if place_of(level) == level else None
        place = (h.dateline[1] if h.dateline else None) or place_of(h.title) or place_of(h.notice_title)
        if place and place != NATIONAL and place.endswith(level):
            return [place + "人民政府"], x.no
        return None
    return None


def _report_place(h: _Head) -> Found | None:
    """The government of a work report that names only its level (我代表市人民政府) and prints
    no title or dateline naming its place: the unit of that level the report names most, well
    ahead of any other (vocab.places.own_place: the gazetteer's names and stems, 绍兴 for
    绍兴市). A place of another level (a province named in passing) is never taken."""
    for x in h.head[:6]:
        if (m := SPEAKER.search(x.text)) is None and (m := REPORTER.search(x.text)) is None:
            continue
        g = m.groupdict()
        if g.get("national") or (g.get("place") and g["place"] != "自治"):
            return None  # the speaker names its place (MT66)
        level = (g.get("place") or "") + m["level"]  # 市, or 自治区
        if (own := own_place(_document_text(h.outline), level)) is None:
            return None
        h.notices.append(NoticeRef("N101", f"line {x.no}: the report names only its level ({m.group(0)}): its place "
                                           f"{own.name} is the {level} it names most ({own.count} times; the next "
                                           f"{own.next_count})", x.no))
        return [own.name + "人民政府"], x.no
    return None


def _document_text(o: Outline) -> str:
    """Every line of an outline (head, sections, tail) as one text."""
    parts = [t for _, t in o.head]
    for n in walk(o.sections):
        parts.append(n.title)
        parts.extend(n.text)
    parts.extend(t for _, t in o.tail)
    return "\n".join(parts)


def _contact_organ(h: _Head) -> Found | None:
    """An issuer the notice names only as 我局 / 我委: the organ of its contact line."""
    for x in h.head:
        if (c := CONTACT_ORGAN.search(x.text)) and any(f"我{c['end']}" in y.text for y in h.head):
            return [c["org"]], x.no
    return None


#: A regulation's name as printed: Chinese words and bracketed parts (中华人民共和国专利法,
#: 中华人民共和国香港特别行政区基本法, 《X》 inside), no sentence sign, no space.
REGULATION_NAME = lazy(rf"(?:[{CJK}]|[(（〈《“][^()（）〈〉《》“”\s]{{1,20}}[)）〉》”]){{3,60}}")
#: What may follow a regulation's name line: its history (MT07), its order or 公告 number (MT06,
#: MT09), a period or version line (MT13).
_UNDER_NAME = ("MT07", "MT06", "MT09", "MT13")


def _regulation_name(h: _Head) -> Found | None:
    """The name a law or regulation prints at its top, in a text whose body is articles (第X条,
    with or without chapters): the first head line that is a bare name, when its history lines,
    its order's number or a version line follow it (whatever its ending), or when it is the last
    line before the first chapter and names a law (中华人民共和国专利法: a 法, never …的方法)."""
    o = h.outline
    if not o.sections or o.sections[0].style not in ("chapter", "article", "law_section"):
        return None
    for i, x in enumerate(h.head):
        if "。" in x.text:
            return None  # a sentence (the promulgation order's) comes after the name, never before
        if x.code is not None or not REGULATION_NAME.fullmatch(name := x.text.strip()):
            continue
        nxt = h.head[i + 1] if i + 1 < len(h.head) else None
        if (nxt is not None and nxt.code in _UNDER_NAME) or (nxt is None and law_type_of(name) is not None):
            return name, x.no
        return None  # only the first name line can be the title
    return None


#: A web reader's header row naming the page's title (Title: …, then URL Source: and Markdown Content:).
READER_TITLE = lazy(r"Title:\s*(?P<t>\S.{1,150})")


def _reader_headline(h: _Head) -> Found | None:
    """A page's title as a web reader prints it (Title: X) when the page prints X again as a line
    of its own that no rule reads (its headline, a news item's or an article's): X."""
    found = next(((x, m) for x in h.head[:3] if (m := READER_TITLE.fullmatch(x.text.strip()))), None)
    if found is None:
        return None
    row, title = found[0], found[1]["t"].strip()
    return next(((title, x.no) for x in h.head if x is not row and x.code is None and _same_text(x.text, title)), None)


#: A news report's lead naming the plan an organ issued: 省政府办公厅印发《X》, …办公室近日印发的《X》在…公布,
#: 我省日前下发《X》, 某省市场监管局4月20日印发实施方案 (no 《》: an issuer, no title). The organ is the clause
#: before the verb (after the last comma), a date or 近日/日前 between them.
NEWS_LEAD = lazy(rf"""(?:^|(?<=[，,。；;\s)）]))(?P<org>[^。，,；;：:《》()（）“”\s]{{2,40}}?)
                     (?:\d{{1,2}}月\d{{1,2}}日|近日|日前|近期|昨日|今天|日)*(?:联合)?(?:印发|下发|出台|发布)了?的?\s*
                     (?:《(?P<t>[^《》]{{4,80}})》|(?P<bare>[{CJK}]{{0,20}}(?:{_TYPE_ALT})))""", re.VERBOSE)


#: A report's own place as the subject of a sentence: 我省, 本市 (no organ: the issuer stays unknown).
SELF_PLACE = lazy(rf"[我本全][{LEVEL_CHARS}]")
_ADDRESSEE_CODES = ("MT30", "MT05", "MT32")


def _news_lead(h: _Head) -> tuple[re.Match[str], int] | None:
    """The plan a news report's lead (its first sentence line) says was issued, on a page that
    is no notice and no 关于 document: a list item (——, 1.) quoting the plan's tasks is not the lead."""
    if h.notice is not None or h.self_title is not None or any(x.code in _ADDRESSEE_CODES for x in h.head):
        return None  # a notice's first sentence cites documents (按照经国务院同意印发的《X》)
    lead = next((x for x in h.head if "。" in x.text), None)
    if lead is None or match_marker(lead.text.strip()) is not None:
        return None
    m = NEWS_LEAD.search(lead.text[:NOTICE_PLAN_REACH])
    if m is None or not (_is_organ(m["org"]) or SELF_PLACE.fullmatch(m["org"])):
        return None  # the clause before the verb is its subject: an organ or 我省/本市
    return m, lead.no


def _lead_title(h: _Head) -> Found | None:
    got = _news_lead(h)
    if got is None or not got[0]["t"] or not TITLE_TAIL.search(got[0]["t"]):
        return None
    return got[0]["t"], got[1]


def _lead_issuer(h: _Head) -> Found | None:
    got = _news_lead(h)
    return ([got[0]["org"]], got[1]) if got is not None and _is_organ(got[0]["org"]) else None


#: A page's 来源 row under its headline: 来源:国家知识产权局 (来源 is no metadata key: a news page's chrome).
SOURCE_ROW = lazy(rf"来\s*源\s*[:：|]\s*(?P<org>[{CJK}()（）]{{3,40}})")


def _announcement(h: _Head) -> tuple[str, str, int] | None:
    """An organ's own announcement on a news page: the first line is a headline (no sentence
    punctuation) that starts with the organ the 来源 row under it names, then what it did
    (国家知识产权局确定第一批…试点 / 来源:国家知识产权局). Gives (headline, organ, line)."""
    if h.notice is not None or h.self_title is not None or len(h.head) < 2:
        return None
    top, row = h.head[0], h.head[1]
    headline = top.text.strip()
    m = SOURCE_ROW.fullmatch(row.text.strip())
    if m is None or top.code is not None or _PUNCT.search(headline) or len(headline) > 60:
        return None
    org = m["org"]
    rest = headline[len(org):]
    if not _is_organ(org) or not headline.startswith(org) or len(rest) < 4 or rest.startswith("关于"):
        return None
    return headline, org, top.no


def _announcement_title(h: _Head) -> Found | None:
    got = _announcement(h)
    return (got[0], got[2]) if got else None


def _announcement_issuer(h: _Head) -> Found | None:
    got = _announcement(h)
    return ([got[1]], got[2]) if got else None


#: A document-sharing page's file name in its boilerplate: 《X.doc》由会员分享, 更多相关《X.doc(3页珍藏版)》.
SHARED_FILE = lazy(r"《(?P<t>[^《》]{4,80}?)\.(?:docx?|pdf|wps|txt)(?:[(（][^()（）《》]{0,20}[)）])?》")
#: How many head lines from the top a sharing page's boilerplate is looked for in.
SHARED_FILE_LINES = 3


def _shared_file(h: _Head) -> Found | None:
    """The title a document-sharing page names its file by, at its top, when it ends with a 文种."""
    for x in h.head[:SHARED_FILE_LINES]:
        m = SHARED_FILE.search(x.text)
        if m is not None and TITLE_TAIL.search(t := m["t"].strip()):
            return t, x.no
    return None


#: Where a title is read from when no line states one by its 文种 (MT12): the first source that
#: gives one wins (before a 关于 title, a headline, a metadata row …, see ``_titles``).
TITLE_SOURCES: tuple[SourceRule, ...] = (
    SourceRule(code="MT17", field="title",
               summary="a regulation's name above its history lines or its first chapter, whatever its ending",
               find=_regulation_name,
               examples=(("中华人民共和国专利法\n第一章 总则\n第一条 为了保护专利权人的合法权益，制定本法。", "中华人民共和国专利法"),
                         ("中华人民共和国反不正当竞争法\n（1993年9月2日第八届全国人民代表大会常务委员会第三次会议通过）\n"
                          "第一章 总则\n第一条 为了促进公平竞争，制定本法。", "中华人民共和国反不正当竞争法"),
                         ("【法宝引证码】 CLI.1.123456\n中华人民共和国民法典\n第一条 为了保护民事主体的合法权益，制定本法。",
                          "中华人民共和国民法典")),
               near_misses=("中华人民共和国专利法\n一、总体要求\n（一）指导思想。坚持创新驱动。",
                            "打印本页\n关闭窗口\n第一条 为了保护专利权，制定本办法。",
                            "为保护专利权，制定本法。\n中华人民共和国专利法\n第一条 为了保护专利权人的合法权益，制定本法。",
                            "依法行政 严格执法\n第一条 为了保护专利权人的合法权益，制定本法。",
                            "关闭窗口\n第一条 为了保护专利权人的合法权益，制定本法。",
                            "本部门的工作方法\n第一条 为了规范工作，制定本办法。")),
    SourceRule(code="MT19", field="title",
               summary="a news report's lead naming the plan an organ issued: X印发《Y》 / X近日印发的《Y》在…公布 (no notice on the page)",
               find=_lead_title,
               examples=(("某省印发知识产权强省建设行动方案\n本报讯 近日，省政府办公厅印发《某省知识产权强省建设行动方案"
                          "(2024-2026年)》(以下简称《方案》)。\n《方案》提出，到2026年建成示范区3个。",
                          "某省知识产权强省建设行动方案(2024-2026年)"),
                         ("6月3日，某省知识产权工作领导小组办公室近日印发的《2024年某省知识产权工作要点》在省局网站公布。\n"
                          "——推进制定《某省专利条例》。", "2024年某省知识产权工作要点"),
                         ("记者从省市场监管局获悉，我省日前下发《某省商标品牌建设实施方案》，要求各地抓好落实。",
                          "某省商标品牌建设实施方案")),
               near_misses=("某省市场监管局4月20日印发实施方案，提出力争到2022年建成示范区2个。",  # no name in 《》
                            "——推进制定《某省专利条例》。\n——修订《某省商标条例》。",  # list items quote tasks
                            "各有关单位：\n现将方案印发给你们，请结合实际贯彻执行。",
                            "某市人民政府关于同意设立服务站的通知\n为落实省政府办公厅印发《某省品牌建设方案》的要求，同意设立。",
                            "近日，省政府办公厅印发《通知》，部署有关工作。",
                            # a notice (主送 line) citing a document; the clause before the verb is no subject
                            "各省、自治区、直辖市人民政府：\n按照经国务院同意印发的《某某示范区建设方案》部署，某局完成遴选工作。",
                            "按照经国务院同意印发的《某某示范区建设方案》部署，某局完成遴选工作。")),
    SourceRule(code="MT36", field="title",
               summary="an organ's announcement on a news page: a headline starting with the organ its 来源 row names",
               find=_announcement_title,
               examples=(("某省知识产权局确定第二批专利导航服务基地\n来源:某省知识产权局\n为推进专利导航工作，经研究，确定5家单位。",
                          "某省知识产权局确定第二批专利导航服务基地"),),
               near_misses=("某省确定第二批专利导航服务基地\n来源:某省知识产权局\n为推进专利导航工作，经研究，确定5家单位。",
                            "某省知识产权局确定第二批专利导航服务基地\n来源:某日报\n为推进专利导航工作，确定5家单位。",
                            "某省知识产权局关于确定第二批专利导航服务基地的通知\n来源:某省知识产权局\n各有关单位：",
                            "某省知识产权局确定第二批基地，共5家。\n来源:某省知识产权局\n为推进工作，确定5家单位。")),
    SourceRule(code="MT37", field="title",
               summary="a document-sharing page's file name at its top: 《X.doc》由会员分享 (X ends with its 文种)",
               find=_shared_file,
               examples=(("《某市2019年知识产权宣传周活动方案.doc》由会员分享，可在线阅读，更多相关《某市2019年知识产权宣传周"
                          "活动方案.doc(3页珍藏版)》请在某某网上搜索。\n1、为做好宣传工作，决定开展活动。",
                          "某市2019年知识产权宣传周活动方案"),),
               near_misses=("《第三章课后习题答案.doc》由会员分享，可在线阅读。\n1、为做好宣传工作，决定开展活动。",
                            "请下载附件《某市知识产权宣传周活动方案》。\n为做好宣传工作，决定开展活动。")),
    SourceRule(code="MT18", field="title",
               summary="a web reader's Title: row that the page prints again as its headline",
               find=_reader_headline,
               examples=(("Title: 海珠区扎实推进知识产权保护工作\nURL Source: https://www.haizhu.gov.cn/a/1.html\n"
                          "Markdown Content:\n海珠区扎实推进知识产权保护工作\n3月5日，区市场监管局召开推进会。",
                          "海珠区扎实推进知识产权保护工作"),),
               near_misses=("Title: 海珠区人民政府门户网站\nURL Source: https://www.haizhu.gov.cn/\nMarkdown Content:\n"
                            "海珠区扎实推进知识产权保护工作\n3月5日，区市场监管局召开推进会。",
                            "海珠区扎实推进知识产权保护工作\n3月5日，区市场监管局召开推进会。")),
)


#: Where the 发文机关 is read from, in order; the first source that gives one wins.
ISSUER_SOURCES: tuple[SourceRule, ...] = (
    SourceRule(code="MT60", field="issuer", summary="the organs signed above the date (or on its line)", find=_signature,
               examples=(("现将方案印发给你们。\n国家知识产权局 司法部\n2021年10月22日", ["国家知识产权局", "司法部"]),
                         ("特此通知。\n全国打击侵犯知识产权和制售假冒伪劣\n商品工作领导小组办公室\n2023年5月9日",
                          ["全国打击侵犯知识产权和制售假冒伪劣商品工作领导小组办公室"]),
                         # a joint notice signed one organ a line: every line, the first signer first
                         ("现将意见印发给你们，请认真贯彻执行。\n某市知识产权局\n某市司法局\n某市市场监督管理局\n某市版权局\n"
                          "某市公安局\n某市人民检察院\n某市高级人民法院\n2022年8月24日",
                          ["某市知识产权局", "某市司法局", "某市市场监督管理局", "某市版权局", "某市公安局", "某市人民检察院",
                           "某市高级人民法院"])),
               near_misses=("现将方案印发给你们。\n总理 李强\n2024年3月5日", "特此通知。\n2023年5月9日")),
    SourceRule(code="MT61", field="issuer", summary="a page's metadata: 发布机构 / 发文机关 / 颁布部门", find=_metadata_issuer,
               examples=(("发文机关：国务院办公厅\n成文日期：2018年12月29日", ["国务院办公厅"]),
                         ("发布机构 | 温州市市场监督管理局 | 文号 | 温政办〔2022〕73号 |", ["温州市市场监督管理局"])),
               near_misses=("信息来源：国务院办公厅\n发布日期：2018-12-29",)),
    SourceRule(code="MT62", field="issuer", summary="the 发文机关标志 at the top: 泰安市人民政府文件", find=_issuer_mark,
               examples=(("中共泰安市委 泰安市人民政府文件\n泰发〔2022〕3号", ["中共泰安市委", "泰安市人民政府"]),),
               near_misses=("泰安市人民政府政策文件\n关于印发泰安市知识产权强市建设实施方案的通知",)),
    SourceRule(code="MT63", field="issuer", summary="the organs a notice's or a document's title begins with", find=_title_organs,
               examples=(("泰安市人民政府关于印发泰安市知识产权强市建设实施方案的通知", ["泰安市人民政府"]),
                         ("工业和信息化部等八部门关于加快传统制造业转型升级的指导意见", ["工业和信息化部"]),
                         ("国家知识产权局司法部关于加强知识产权纠纷调解工作的意见", ["国家知识产权局", "司法部"]),
                         ("省政府关于印发江苏省知识产权战略纲要的通知", ["江苏省人民政府"]),
                         ("市政府关于印发知识产权工作要点的通知", ["市政府"])),
               near_misses=("关于印发泰安市知识产权强市建设实施方案的通知", "两部门关于加强知识产权纠纷调解工作的意见",
                            "泰安市人民政府政策文件\n关于印发泰安市知识产权强市建设实施方案的通知")),
    SourceRule(code="MT69", field="issuer",
               summary="an organ's own plan for a year, titled by the organ: 国家知识产权局2022年工作要点 (no notice, no signature)",
               find=_own_annual_plan,
               examples=(("国家知识产权局2022年工作要点\n一、坚持政治引领。加强党的建设。", ["国家知识产权局"]),
                         ("某市市场监督管理局2023年度知识产权工作计划\n一、强化保护。完善机制。", ["某市市场监督管理局"]),
                         ("市市场监管局2022年度商业秘密保护工作的实施意见\n一、工作目标。完善机制。", ["市市场监管局"])),
               near_misses=("某市2023年知识产权工作要点\n一、强化保护。完善机制。",
                            "知识产权工作2023年要点\n一、强化保护。完善机制。",
                            "办公室2022年工作要点\n一、强化保护。完善机制。")),
    SourceRule(code="MT64", field="issuer", summary="the body a law's history lines name as promulgating (or passing) it",
               find=_law_organ,
               examples=(("浙江省专利条例\n2015年9月25日 浙江省第十二届人民代表大会常务委员会第二十三次会议通过\n"
                          "2015年9月25日 浙江省第十二届人民代表大会常务委员会公告第30号公布\n2016年1月1日 施行",
                          ["浙江省人民代表大会常务委员会"]),
                         ("青岛市专利保护规定\n2004年10月25日 青岛市第十三届人民代表大会常务委员会第十五次会议通过\n"
                          "2004年11月25日 山东省第十届人民代表大会常务委员会第十一次会议批准\n"
                          "2004年11月25日 青岛市人民代表大会常务委员会公告公布", ["青岛市人民代表大会常务委员会"])),
               near_misses=("某市专利保护规定\n2005年1月1日 施行",
                            "本规定经2004年10月25日青岛市人民代表大会常务委员会会议通过。")),
    SourceRule(code="MT65", field="issuer", summary="the organ an order number names, or a central organ's 文号 code",
               find=_number_organ,
               examples=(("国家知识产权局令\n第17号\n《集成电路布图设计行政执法办法》已经局务会议审议通过，现予公布。",
                          ["国家知识产权局"]),
                         ("关于确定第二批国家级知识产权保护规范化市场的通知\n国知办发协字〔2017〕63号", ["国家知识产权局办公室"]),
                         ("浙江省人民政府令\n第380号", ["浙江省人民政府"]),
                         ("国家知识产权局公告\n第五五〇号\n根据有关规定，现将有关事项公告如下。", ["国家知识产权局"])),
               near_misses=("关于印发泰安市知识产权强市建设实施方案的通知\n泰政发〔2022〕3号",)),
    SourceRule(code="MT66", field="issuer", summary="the government a work report speaks for (我代表…, …人民政府市长)",
               find=_speaker,
               examples=(("各位代表：\n现在，我代表国务院，向大会报告政府工作，请予审议。", ["国务院"]),
                         ("潍坊市2024年政府工作报告\n各位代表：\n现在，我代表市人民政府向大会报告工作，请予审议。", ["潍坊市人民政府"]),
                         ("政府工作报告\n——2024年1月16日在亳州市第五届人民代表大会第三次会议上\n市人民政府市长 秦凤玉",
                          ["亳州市人民政府"])),
               near_misses=("各位代表：\n现在，我代表市人民政府向大会报告工作，请予审议。",
                            "浙江省2024年政府工作报告\n各位代表：\n现在，我代表市人民政府向大会报告工作。")),
    SourceRule(code="MT68", field="issuer",
               summary="a work report that names only its level (我代表市人民政府): the place of that level it names most",
               find=_report_place,
               examples=(("各位代表：\n现在，我代表市人民政府向大会报告工作，请予审议。\n过去一年，绍兴港吞吐量增长，绍兴黄酒走向全国。"
                          "建设更美绍兴，讲好绍兴故事，绍兴纺织产业再上台阶，与宁波、杭州合作更紧。", ["绍兴市人民政府"]),
                         ("各位代表：\n现在，我代表州人民政府，向大会报告工作。\n一年来，恩施土家族苗族自治州经济回升，恩施州茶产业兴旺，"
                          "恩施硒产业壮大，建设美丽恩施，谱写恩施新篇章。湖北省支持力度加大。", ["恩施土家族苗族自治州人民政府"]),
                         ("各位代表：\n现在，我代表自治区人民政府向大会报告工作。\n新疆经济回升，新疆旅游兴旺，建设美丽新疆，"
                          "新疆人民团结，新疆发展向好。", ["新疆维吾尔自治区人民政府"])),
               near_misses=("各位代表：\n现在，我代表市人民政府向大会报告工作。过去一年，全市经济稳中有进，绍兴港吞吐量增长。",
                            "各位代表：\n现在，我代表市人民政府向大会报告工作。\n深化与宁波合作，宁波港、宁波机场、宁波新区带动，"
                            "绍兴港、绍兴机场、绍兴新区同步，宁波与绍兴携手，宁波绍兴一体。",
                            "各位代表：\n现在，我代表市人民政府向大会报告工作。\n在自治区党委领导下，新疆经济回升，新疆旅游兴旺，"
                            "建设美丽新疆，新疆人民团结，新疆发展向好。",
                            "各位代表：\n现在，我代表市人民政府向大会报告工作。\n加强区域合作，深化经贸合作，拓展对外合作，"
                            "推进产业合作，强化科技合作，促进人才合作。")),
    SourceRule(code="MT67", field="issuer", summary="a notice that calls itself 我局/我委: the organ of its contact line",
               find=_contact_organ,
               examples=(("各有关单位：\n我局制定了实施方案，现予印发。\n联系人：北京市中医管理局科教处 屠志涛", ["北京市中医管理局"]),),
               near_misses=("各有关单位：\n现将方案印发给你们。\n联系人：北京市中医管理局科教处 屠志涛",)),
    SourceRule(code="MT58", field="issuer",
               summary="the organ an announcement's headline starts with, when its 来源 row names it (MT36)",
               find=_announcement_issuer,
               examples=(("某省知识产权局确定第二批专利导航服务基地\n来源:某省知识产权局\n为推进专利导航工作，经研究，确定5家单位。",
                          ["某省知识产权局"]),),
               near_misses=("某省确定第二批专利导航服务基地\n来源:某省知识产权局\n为推进专利导航工作，经研究，确定5家单位。",)),
    SourceRule(code="MT59", field="issuer",
               summary="the organ a news report's lead names as issuing the plan (MT19's clause; 我省 is no organ)",
               find=_lead_issuer,
               examples=(("本报讯 近日，省政府办公厅印发《某省知识产权强省建设行动方案》。\n《方案》提出，到2026年建成示范区3个。",
                          ["省政府办公厅"]),
                         ("某省市场监管局4月20日印发实施方案，提出力争到2022年建成示范区2个。", ["某省市场监管局"])),
               near_misses=("记者从省市场监管局获悉，我省日前下发《某省商标品牌建设实施方案》，要求各地抓好落实。",
                            "——某省市场监管局印发《某省专利条例》。",
                            "各有关单位：\n现将方案印发给你们，请结合实际贯彻执行。")),
)


def _title_scope(h: _Head) -> Found | None:
    """A place the title names after its leading one that the preamble names as the text's own
    (上海市促进浦东新区商事调解规定 + 结合浦东新区实际 → 浦东新区): the most specific jurisdiction."""
    lead = place_of(h.title)
    if not lead or lead == NATIONAL or (own := _local_context(h)) is None:
        return None
    place, no = own
    title = h.title or ""
    after = title.find(lead) + len(lead) if lead in title else -1
    return (place, no) if place != lead and after >= 0 and title.find(place, after) >= 0 else None


def _title_place(h: _Head) -> Found | None:
    return place_of(h.title), h.found.lines.get("title")


def _issuer_place(h: _Head) -> Found | None:
    """The place an issuer names: 延边朝鲜族自治州人民政府, 中共湖州市委, 国家税务总局浙江省税务局."""
    if not h.issuers:
        return None
    organ = strip_alias(h.issuers[0])
    return place_of(organ) or branch_place(organ), h.found.lines.get("issuer")


def _national_issuer(h: _Head) -> Found | None:
    return (NATIONAL, h.found.lines.get("issuer")) if h.issuers and is_national(h.issuers[0]) else None


def _notice_place(h: _Head) -> Found | None:
    return place_of(h.notice_title), h.found.lines.get("notice_title")


def _dateline_place(h: _Head) -> Found | None:
    return (h.dateline[1], h.dateline[2]) if h.dateline else None


def _local_context(h: _Head) -> Found | None:
    o = h.outline
    for no, line in list(o.head) + [(n.line, t) for n in o.sections for t in [n.title, *n.text[:1]]]:
        if (m := LOCAL_CONTEXT.search(line)) and (r := place_of(m["r"])):
            return r, no
    return None


def _every_province(h: _Head) -> Found | None:
    for x in h.head:
        if x.code in ("MT30", "MT05", "MT32") and EVERY_PROVINCE.match(values(x)["addressees"][0]):
            return NATIONAL, x.no
    o = h.outline
    for no, line in list(o.head) + [(n.line, t) for n in walk(o.sections) for t in n.text[:1]]:
        if PROVINCES.search(line):
            return NATIONAL, no
    return None


def _national_number(h: _Head) -> Found | None:
    """全国 for a central organ's 文号 (国发, 国办发, 国知发, 国知战联办 …: a code starting with 国) or order."""
    if not h.doc_number:
        return None
    m = re.fullmatch(DOC_NO, h.doc_number, re.VERBOSE) or re.fullmatch(ORDER_NO, h.doc_number, re.VERBOSE)
    code = m.groupdict().get("org") or m.groupdict().get("order") if m else None
    national = code is not None and (code.startswith("国") or any(code.startswith(c) for c, _ in NATIONAL_DOC_CODES))
    return (NATIONAL, h.found.lines.get("doc_number")) if national else None


def _self_level_place(h: _Head) -> Found | None:
    """A text that speaks for its level (全盟, 我盟, 本省 — vocab.places.self_level) and names one
    unit of that level and no other (兴安盟, 江苏): that unit. The last source: never over a place
    a title, an issuer or a 结合X实际 names."""
    text = _document_text(h.outline)
    if (lv := self_level(text)) is None or (unit := only_unit(text, lv[0])) is None:
        return None
    no = next((n for n, t in [*h.outline.head, *((x.line, x.title) for x in walk(h.outline.sections))]
               if unit.name in t), None)
    return unit.name, no


#: Where the region (the jurisdiction the plan governs) is read from, in order; the first wins.
#: Never from a word of the body: a province named in passing, 全国 in 全国统一大市场.
REGION_SOURCES: tuple[SourceRule, ...] = (
    SourceRule(code="MT78", field="region",
               summary="a place the title names after its leading one, that the preamble names as its own (结合X实际)",
               find=_title_scope,
               examples=(("上海市促进临港新片区航运发展规定\n第一条 为了促进临港新片区航运发展，结合临港新片区实际，制定本规定。",
                          "临港新片区"),
                         ("广州市推进南沙新区建设条例\n第一条 为了推进南沙新区建设，结合南沙新区实际，制定本条例。", "南沙新区")),
               near_misses=("上海市促进浦东新区商事调解规定\n第一条 为了促进商事调解发展，结合本市实际，制定本规定。",
                            "浙江省专利条例\n第一条 为了保护专利权，结合浙江省实际，制定本条例。",
                            "上海市商事调解规定\n第一条 为了促进商事调解发展，结合浦东新区实际，制定本规定。")),
    SourceRule(code="MT70", field="region", summary="the most specific place a title starts with (a year or 关于 skipped)",
               find=_title_place,
               examples=(("浙江省专利条例\n2015年9月25日 浙江省第十二届人民代表大会常务委员会公告第30号公布", "浙江省"),
                         ("2026年广州市天河区幼儿园招生工作方案", "天河区"), ("荆门高新区知识产权强区建设方案", "荆门高新区"),
                         ("黔东南州人民政府关于加快发展的意见", "黔东南州"),
                         # a higher level named after the place is a designation's, not a part of it
                         ("某某区江苏省知识产权保护示范区建设工作方案", "某某区"), ("江苏省南京市知识产权保护示范区建设方案", "南京市")),
               near_misses=("实施质量兴市战略工作方案", "杭州都市圈发展规划", "关于同意设立国家级新区的批复")),
    SourceRule(code="MT71", field="region", summary="the place the issuer names (a party committee's, a central organ's branch)",
               find=_issuer_place,
               examples=(("阿坝州人民政府办公室关于印发政务数据资源管理暂行办法的通知", "阿坝州"),
                         ("中共湖州市委 湖州市人民政府关于加快建设知识产权强市的意见", "湖州市"),
                         ("现将方案印发给你们。\n国家税务总局浙江省税务局\n2023年3月1日", "浙江省")),
               near_misses=("现将方案印发给你们。\n国家知识产权局\n2023年3月1日",)),
    SourceRule(code="MT72", field="region", summary="全国 for a central organ (国务院, 部委, 国家…局, 全国…领导小组, 部际联席会议)",
               find=_national_issuer,
               examples=(("市场监管总局 国家知识产权局关于印发《知识产权执法工作要点》的通知", "全国"),
                         ("集成电路布图设计行政执法办法\n2001年11月28日 国家知识产权局令第17号公布", "全国"),
                         ("国务院知识产权战略实施工作部际联席会议办公室关于印发推进计划的通知", "全国"),
                         ("各位代表：\n现在，我代表国务院，向大会报告政府工作。", "全国")),
               near_misses=("关于印发建设全国统一大市场实施方案的通知\n各县（市、区）市场监管局：",
                            "现将方案印发给你们。\n浙江省知识产权局\n2023年3月1日")),
    SourceRule(code="MT73", field="region", summary="the most specific place a notice's title starts with", find=_notice_place,
               examples=(("湖州市人民政府办公室关于印发推进工作方案的通知", "湖州市"),),
               near_misses=("关于印发推进工作方案的通知",)),
    SourceRule(code="MT74", field="region", summary="a work report's dateline: 在亳州市第五届人民代表大会…上",
               find=_dateline_place,
               examples=(("政府工作报告\n——2024年1月16日在亳州市第五届人民代表大会第三次会议上", "亳州市"),
                         ("政府工作报告\n——2024年3月5日在第十四届全国人民代表大会第二次会议上", "全国")),
               near_misses=("政府工作报告\n各位代表：",)),
    SourceRule(code="MT75", field="region", summary="结合X实际 in the preamble names the jurisdiction", find=_local_context,
               examples=(("为推进工作，结合温州市实际，制定本方案。", "温州市"),),
               near_misses=("为推进工作，结合本省实际，制定本方案。", "为推进工作，结合知识产权工作实际，制定本方案。")),
    SourceRule(code="MT76", field="region", summary="全国 for a plan addressed to every province (结合各省实际, 各省(区、市))",
               find=_every_province,
               examples=(("为推进工作，结合各省发展实际，制定本方案。", "全国"),
                         ("各省、自治区、直辖市人民政府，国务院各部委、各直属机构：\n现将方案印发给你们。", "全国")),
               near_misses=("为推进工作，结合本省实际，制定本方案。", "各县（市、区）人民政府：\n现将方案印发给你们。")),
    SourceRule(code="MT77", field="region", summary="全国 for a central organ's 文号 code (国办发, 国知战联办) or order number",
               find=_national_number,
               examples=(("关于总结2018年地方战略实施工作的通知\n国知战联办〔2018〕24号", "全国"),
                         ("关于推进工作的通知\n工信部联科〔2023〕160号", "全国")),
               near_misses=("关于推进工作的通知\n泰政发〔2022〕3号", "关于推进工作的通知\n京政发〔2022〕5号")),
    SourceRule(code="MT79", field="region",
               summary="a text that speaks for its level (全盟, 我盟, 本省) and names one unit of that level, no other",
               find=_self_level_place,
               examples=(("(一)建立联席会议制度。组织制定全盟商标战略并指导实施,协调全盟工作。\n"
                          "(二)加强宣传。我盟企业要争创“兴安盟知名商标”。", "兴安盟"),
                         ("一、发展基础\n全省服务业规模扩大,江苏服务机构增加。全省专利增长,我省位居前列。", "江苏省"),
                         # twice is enough; a province-level city is found among the cities
                         ("一、主要任务\n(一)推动重庆市专利转化。我市企业加快布局,服务我市产业。", "重庆市")),
               near_misses=("(一)加强宣传。全盟企业争创品牌,我盟推进,全盟协调。", "一、发展基础\n全省专利增长,学习浙江、江苏经验,我省位居前列,全省推进。",
                            "一、发展基础\n全市专利增长,江苏服务机构增加。",
                            "一、主要任务\n(一)推动重庆市专利转化,我市企业加快布局。")),  # said once
)


def _source_gives(rule: SourceRule, text: str) -> Any:
    """A source's value on a short document (its lines split at newlines), as the header reads it."""
    from ipplan.parse.outline import split_outline

    h = _read_head(split_outline(list(enumerate(text.split("\n"), 1))))
    got = rule.find(h)  # type: ignore[misc]
    return got[0] if got else None

def _period(outline: Outline, title: str | None, notice_title: str | None, found: _Found) -> tuple[int, int] | None:
    """The title's period, else an annual plan's single year, else a bracketed span of head or tail."""
    for field, text in (("title", title), ("notice_title", notice_title)):
        if text and (period := dates.period(text)):
            return found.put("period", period, found.lines.get(field))
    if title and doc_type_of(title) in ANNUAL_TYPES and not dates.YEAR_SPAN.search(title):
        years = ANNUAL.findall(re.sub(r"[(（][^()（）]*[)）]", "", title))
        if not years and (m := ANNUAL_BRACKET.search(title)):
            years = [m["y"]]  # 年度工作指引(2023): the year it plans, in brackets after the 文种
        if len(years) == 1:
            return found.put("period", (int(years[0]), int(years[0])), found.lines.get("title"))
    for no, line in outline.head + outline.tail:
        if period := dates.period(re.sub(r"《[^《》]*》", "", line)):
            return found.put("period", period, no)
    return None


def _title_after_signature(tail: list[Hit]) -> tuple[int, str] | None:
    """The plan's title printed right after the notice's signature and date (tail), with the
    organ it begins with when it prints one (泰安市人民政府关于加快…的意见)."""
    for i, h in enumerate(tail):
        if h.code in ("MT20", "MT22"):
            for nxt in tail[i + 1: i + 4]:
                if nxt.code in ("MT12", "MT11"):
                    return nxt.no, values(nxt)["title"]
                if nxt.code not in ("MT24", "MT21"):
                    break
            return None
    return None


def _minor_elements(head: list[Hit], tail: list[Hit], fields: dict[str, tuple[str, int]], put) -> dict:  # type: ignore[no-untyped-def]
    """份号, 密级, 紧急程度, 签发人, 抄送, 印发, 附件, 附注 — each only when printed as such."""
    out: dict = {}
    for key in ("secrecy", "urgency", "signer", "copy_number"):
        if key in fields:
            v, no = fields[key]
            out[key] = put(key, v.strip(), no)
    top = head[:4]
    for h in top:
        if h.code == "MT31" and "copy_number" not in out:
            out["copy_number"] = put("copy_number", values(h)["copy_number"], h.no)
    for h in head[:8]:
        for code, key in (("MT25", "secrecy"), ("MT26", "urgency"), ("MT27", "signer")):
            if h.code == code and key not in out:
                out[key] = put(key, values(h)[key], h.no)
    for h in head + tail:
        if h.code == "MT28" and "cc" not in out:
            out["cc"] = put("cc", values(h)["cc"], h.no)
        elif h.code == "MT21" and "printed_by" not in out:
            v = values(h)
            out["printed_by"] = put("printed_by", v["printed_by"], h.no)
            out["printed_date"] = put("printed_date", v["printed_date"], h.no)
        elif h.code in ("MT24", "MT20") and "remark" not in out and (remark := values(h)["remark"]):
            out["remark"] = put("remark", remark, h.no)
    for block in (head, tail):
        items = _attachments(block)
        if items:
            out["attachments"] = put("attachments", items[1], items[0])
            break
    return out


_ITEM = lazy(rf"(?:^|\s)(?:[(（]?\d{{1,2}}[)）.．、:：]|[(（][{CN_COUNT_CLASS}]{{1,2}}[)）])\s*")


def _attachments(block: list[Hit]) -> tuple[int, list[str]] | None:
    """Titles listed after 附件： — on its line (one, or 1.X 2.Y) and on numbered lines below."""
    for i, h in enumerate(block):
        if h.code != "MT29":
            continue
        items = values(h)["attachments"]
        for nxt in block[i + 1:]:
            m = _ITEM.match(nxt.text.strip())
            if not m or "|" in nxt.text or len(nxt.text) > 80:
                break
            items += _attachment_titles([nxt.text.strip()[m.end():].strip()])
        return (h.no, items) if items else None
    return None


def _attachment_titles(items: list[str]) -> list[str]:
    return [unspace(t.rstrip("；;，,。")) for t in items if t]


#: Rule tables of this module for the walker test (tests/test_rule_tables.py).
def _line_gives(rule: LineRule, text: str) -> dict | None:
    """A line rule's value on a line: the fields it states, when the rule is the one that
    classifies the line (rules are tried in table order)."""
    found = classify(text)
    if found is None or found[0] is not rule:
        return None
    return given(**rule.read(found[1], text.strip()))


def _compound_gives(rule: CompoundRule, text: str) -> dict | None:
    """A compound rule's parts on a line: the heading (its text) and the 文号 (normalized)."""
    parts = _parts_of(rule, text.strip())
    if not parts:
        return None
    out = {"title": parts[0][0]}
    if len(parts) > 1:
        out["doc_number"] = normalize_doc_number(parts[1][0])
    return given(**out)


#: The rule tables of the header, for tests/test_rule_tables.py.
RULE_TABLES = (RuleTable("LINE_RULES", "MT", LINE_RULES, _line_gives),
               RuleTable("COMPOUND_RULES", "MT", COMPOUND_RULES, _compound_gives),
               RuleTable("TITLE_SOURCES", "MT", TITLE_SOURCES, _source_gives),
               RuleTable("ISSUER_SOURCES", "MT", ISSUER_SOURCES, _source_gives),
               RuleTable("REGION_SOURCES", "MT", REGION_SOURCES, _source_gives))
