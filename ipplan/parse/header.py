"""The 公文 header: every GB/T 9704 element of the document, each a named rule.

A document's header is read in two steps. First each line of the outline's head and tail
(the lines before the first section, and from the attachments or the signature on) is
classified once by the first line rule of ``LINE_RULES`` that fires (a 文号 line, the
notice title, the 主送 line, a bare date, a signature …); lines a title is broken over are
joined before. Then each element picks its line from the classified lines by a fixed
preference (the date under the signature wins over a page's metadata; the plan's own title
over the notice's 《》). No rule reads the body, except region (结合X实际) and period.

Every element keeps the line it came from (``Meta.lines``), in the numbered text that
``ipplan text`` prints. A field the document does not state stays None: a number cited in
a sentence is never the 文号, because line rules match whole lines only.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, NamedTuple

from ipplan.parse import dates
from ipplan.parse.brackets import split_top
from ipplan.parse.dates import YEAR
from ipplan.parse.numerals import CN_COUNT_CLASS
from ipplan.parse.rules import PatternRule, RuleTable, given, lazy
from ipplan.parse.types import Node, Outline
from ipplan.parse.vocab.doctypes import ANNUAL_TYPES, COVERING_TYPES, DOC_TYPE_OF, DOC_TYPES
from ipplan.parse.vocab.fields import DOC_NO, FIELD_KEY, field_of
from ipplan.parse.vocab.organs import NAMED_BODY_END, ORGAN_END, SELF_NAMES
from ipplan.parse.vocab.text import CJK, unspace

Lines = list[tuple[int, str]]

_DATE = dates.DATE.pattern
#: A promulgation order's number: 国务院令第706号, 国令第706号.
ORDER_NO = rf"(?P<order>(?:中华人民共和国)?[{CJK}]{{0,12}}令) \s* 第 \s* (?P<onum>\d{{1,5}}) \s* 号"
_TYPE_ALT = "|".join(DOC_TYPES)
_COVERING_ALT = "|".join(COVERING_TYPES)
_BRACKETS_AFTER = r"(?:\s*[(（][^()（）]{1,20}[)）])*"
#: A title's tail: a 文种, then (2023—2025年) / (试行) / (2023年版).
TITLE_TAIL = lazy(rf"(?P<type>{_TYPE_ALT}){_BRACKETS_AFTER}$")
#: Verbs of a covering notice's title: 关于印发…的通知.
_ISSUING = r"(?:印发|转发|发布|颁发|公布|下发|修订印发|重新印发)"
#: A place name: one admin unit (湖州市, 江苏省, 通州区, 黔东南苗族侗族自治州).
PLACE = lazy(rf"(?P<p>[{CJK}]{{1,8}}?(?:特别行政区|自治区|自治州|自治县|地区|省|市|盟|县|区|旗))")
#: A development zone governs like a county: 威海火炬高技术产业开发区, 荆门高新区.
ZONE = lazy(rf"(?P<p>[{CJK}]{{2,14}}?(?:经济技术开发区|高新技术产业开发区|开发区|高新区|新区|经开区|自贸区|试验区|保税区))")
#: Words that never occur in a place name (they mark a false PLACE match, or a verb phrase).
NOT_PLACE = lazy(r"知识|产权|建设|推进|加快|关于|发展|强|试点|示范|国家|工作|服务|管理|全|本|我|各|印发|人民|"
                       r"第|实施|创建|打造|争创|开展|促进|提升|支持|深化|做好|加强|完善|落实|贯彻|质量|城市|城乡|市场|中共|委员会")
#: Issuers whose plans govern the whole country.
NATIONAL_ISSUER = lazy(r"^(?:国家|国务院|中共中央|全国|中华人民共和国|中央)")
#: A name that carries its own scope (各…, 市…, a place): a 、-item without one shares the first's.
SCOPE = lazy(rf"(?:各(?!位)|全|本|有关|[省县区镇乡州]|市(?!场)|国务院|中共|中央|国家|[{CJK}]{{2,8}}?(?:省|市|县|区|州|盟|旗))")
_PUNCT = lazy(r"[。，,；;：:！？!?《》、]")
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
        return re.compile("|".join(map(re.escape, self.needs))) if self.needs else None


def _valid_date(m: re.Match[str]) -> bool:
    return dates.parse_date(m["date"]) is not None


def _is_organ(name: str) -> bool:
    name = name.strip()
    return 2 < len(name) <= 40 and not _PUNCT.search(name) and ORGAN_END.search(name) is not None \
        and not re.search(r"\d", name)


def _organ_run(text: str) -> bool:
    """A signature line: one organ, or several separated by spaces (a joint issue)."""
    parts = text.split()
    return bool(parts) and len(text) <= 80 and all(_is_organ(p) for p in parts)


def _addressee_ok(m: re.Match[str]) -> bool:
    return is_addressee_line(m["v"])


def _not_field(m: re.Match[str]) -> bool:
    return not re.match(FIELD_KEY + r"\s*[:：]", m.group(0).strip())


# ---------------------------------------------------------------- what a line gives

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


def _read_pipe_row(m: re.Match[str], text: str) -> dict[str, str]:
    cells = [c.strip() for c in text.split("|")]
    return _read_fields(list(zip(cells, cells[1:])))


def _issuer_before(m: re.Match[str]) -> list[str] | None:
    """The organs before 关于 in a title (国务院办公厅关于…), when all of them are organs."""
    org = re.sub(r"等\s*\d+\s*(?:个)?(?:部门|单位)$", "", m["org"].strip())
    parts = [p for p in re.split(r"[\s、]+", org) if p]
    return parts if parts and all(_is_organ(p) for p in parts) else None


def _read_attachments(m: re.Match[str], text: str) -> dict[str, list[str]]:
    first = m["v"].strip()
    items = [p.strip() for p in _ITEM.split(first) if p.strip()] if first else []
    return {"attachments": _attachment_titles(items)}


_COLONS = (":", "：")
_DATE_SEPARATORS = ("年", "-", "/", ".")  # a date (dates.DATE) holds one of them

#: Line rules in the order they are tried; the first that fires classifies the line.
#: Examples give the fields the line states, as ``read`` gives them.
LINE_RULES: tuple[LineRule, ...] = (
    LineRule(code="MT01", needs=_COLONS, field="fields", summary="page metadata row: key：value, keys printed with spaces (文 号:)",
             pattern=rf"(?P<k>{FIELD_KEY}) \s* [:：] \s* (?P<v>.*)", read=_read_key_values,
             examples=(("发文字号：国办发〔2018〕128号", {"doc_number": "国办发〔2018〕128号"}),
                       ("文 号: 京政发〔2022〕5号", {"doc_number": "京政发〔2022〕5号"}),
                       ("成文日期：2018年12月29日", {"issue_date": "2018年12月29日"}),
                       ("发布机构：广州市卫生健康委员会", {"issuer": "广州市卫生健康委员会"}),
                       ("索引号：11440100/2023-00123 发布机构：广州市卫生健康委员会 成文日期：2023-10-19",
                        {"issuer": "广州市卫生健康委员会", "issue_date": "2023-10-19"}),
                       ("份号：000123", {"copy_number": "000123"}), ("签发人：张三", {"signer": "张三"})),
             near_misses=("联系电话：65250460", "主送：各单位", "文号说明见附件")),
    LineRule(code="MT02", needs=("|",), field="fields", summary="page metadata pipe row: 文号 | 温政办〔2022〕73 号 | 有效性 | 有效 |",
             pattern=rf"(?:.*?\|)? \s* (?P<k>{FIELD_KEY}) \s* \| .*", read=_read_pipe_row,
             examples=(("文号 | 温政办〔2022〕73 号 | 有效性 | 有效 |", {"doc_number": "温政办〔2022〕73 号"}),
                       ("组配分类 | 其他文件 | 发布机构 | 温州市市场监督管理局 |", {"issuer": "温州市市场监督管理局"})),
             near_misses=("序号 | 工作事项 | 主要内容 | 牵头单位 |", "文号说明 | 见附件 |")),
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
             pattern=rf"{DOC_NO} \s* (?P<v>[^。！？]{{2,150}}) [:：]", check=_addressee_ok,
             read=lambda m, t: {"doc_number": normalize_doc_number(t), "addressees": split_addressees(m["v"].strip())},
             examples=(("国办发〔2018〕128号各省、自治区、直辖市人民政府，国务院各部委、各直属机构：",
                        {"doc_number": "国办发〔2018〕128号", "addressees": ["各省、自治区、直辖市人民政府", "国务院各部委、各直属机构"]}),
                       ("临政办字〔2023〕81号 各县区人民政府：", {"doc_number": "临政办字〔2023〕81号", "addressees": ["各县区人民政府"]})),
             near_misses=("国办发〔2018〕128号文件要求如下：",)),
    LineRule(code="MT06", needs=("令",), field="doc_number", summary="promulgation order number: 国务院令第706号 (its two lines joined)",
             pattern=ORDER_NO, read=lambda m, t: {"doc_number": normalize_doc_number(t)},
             examples=(("国令第706号", {"doc_number": "国令第706号"}),
                       ("中华人民共和国国务院令第706号", {"doc_number": "中华人民共和国国务院令第706号"}),
                       ("中华人民共和国国务院令 第706号", {"doc_number": "中华人民共和国国务院令第706号"})),
             near_misses=("（1991年3月4日中华人民共和国国务院令第76号发布）", "第706号")),
    LineRule(code="MT10", needs=COVERING_TYPES, field="notice_title", summary="title of a covering notice: X关于印发《Y》的通知 (broken lines joined)",
             pattern=rf"(?P<org>[^。，,；;：:《》]{{0,80}}?) (?:关于)? {_ISSUING} (?P<doc>[^。]{{2,150}}?) 的? (?:{_COVERING_ALT})",
             check=lambda m: "关于" in m.group(0)[: m.start("doc")] or "《" in m["doc"][:2],
             read=lambda m, t: {"notice_title": t, "issuer": _issuer_before(m)},
             examples=(("国务院办公厅关于印发“无废城市”建设试点工作方案的通知",
                        {"notice_title": "国务院办公厅关于印发“无废城市”建设试点工作方案的通知", "issuer": ["国务院办公厅"]}),
                       ("关于印发“北京市中医药人才培养计划”的通知", {"notice_title": "关于印发“北京市中医药人才培养计划”的通知"}),
                       ("郑州市市场监督管理局(知识产权局)关于印发《郑州市知识产权服务业发展三年行动计划(2023年-2025年)》的通知",
                        {"notice_title": "郑州市市场监督管理局(知识产权局)关于印发《郑州市知识产权服务业发展三年行动计划"
                                         "(2023年-2025年)》的通知", "issuer": ["郑州市市场监督管理局(知识产权局)"]}),
                       ("中共中央办公厅 国务院办公厅印发《关于加强知识产权保护的意见》的通知",
                        {"notice_title": "中共中央办公厅 国务院办公厅印发《关于加强知识产权保护的意见》的通知",
                         "issuer": ["中共中央办公厅", "国务院办公厅"]})),
             near_misses=("国务院办公厅关于推进政务新媒体健康有序发展的意见", "现将《方案》印发给你们，请认真贯彻执行。")),
    LineRule(code="MT11", needs=("关于",), field="title", summary="a document that is its own title: X关于Y的意见/通知 (no covering notice)",
             pattern=rf"(?P<org>[^。，,；;：:《》]{{2,60}}?) 关于 (?!{_ISSUING}) (?P<what>[^。]{{2,120}}) 的 (?P<type>{_TYPE_ALT})",
             read=lambda m, t: {"title": t, "issuer": _issuer_before(m)},
             examples=(("国务院办公厅关于推进政务新媒体健康有序发展的意见",
                        {"title": "国务院办公厅关于推进政务新媒体健康有序发展的意见", "issuer": ["国务院办公厅"]}),
                       ("广州市住房和城乡建设局关于进一步加强户籍家庭住房保障工作的通知",
                        {"title": "广州市住房和城乡建设局关于进一步加强户籍家庭住房保障工作的通知", "issuer": ["广州市住房和城乡建设局"]})),
             near_misses=("国务院办公厅关于印发“无废城市”建设试点工作方案的通知", "关于做好幼儿园招生工作的通知要求，制定本方案。")),
    LineRule(code="MT12", needs=DOC_TYPES, field="title", summary="the plan's own title: a line ending with its 文种, then (2023—2025年)/(试行)",
             pattern=rf"(?![(（]?[0-9{CN_COUNT_CLASS}]{{1,3}}[)）.．、]) (?!附[件表]|特?制定|现将|根据|按照) (?P<t>[^。，,；;：:《》|]{{1,60}}? (?:{_TYPE_ALT}) {_BRACKETS_AFTER})",
             check=lambda m: len(m["t"].strip()) >= 4, read=lambda m, t: {"title": m["t"]},
             examples=(("国家职业教育改革实施方案", {"title": "国家职业教育改革实施方案"}),
                       ("中医药发展战略规划纲要（2016—2030年）", {"title": "中医药发展战略规划纲要（2016—2030年）"}),
                       ("加快推进知识产权强省建设工作方案(试行)", {"title": "加快推进知识产权强省建设工作方案(试行)"}),
                       ("政府工作报告", {"title": "政府工作报告"}), ("专利代理条例", {"title": "专利代理条例"}),
                       ("2026年广州市天河区幼儿园招生工作方案", {"title": "2026年广州市天河区幼儿园招生工作方案"})),
             near_misses=("附件：1.湖州市知识产权强市建设责任分解表", "现将《方案》印发给你们。", "1.推进计划", "第一章 总 则",
                          "特制定如下方案", "《加快推进知识产权强省建设工作方案(试行)》,政府档案。")),
    LineRule(code="MT14", needs=DOC_TYPES, field="title", summary="a title at the start of a one-line paste, the preamble after a space",
             pattern=rf"(?![(（]?[0-9{CN_COUNT_CLASS}]{{1,3}}[)）.．、]) (?P<t>[^。，,；;：:《》|\s]{{4,60}}? (?:{_TYPE_ALT}) {_BRACKETS_AFTER}) \s+ (?P<rest>.+)",
             read=lambda m, t: {"title": m["t"]},
             examples=(("临沂市知识产权强市建设纲要推进计划(2023-2025年) 为充分发挥知识产权作用，制定本计划。",
                        {"title": "临沂市知识产权强市建设纲要推进计划(2023-2025年)"}),),
             near_misses=("为推进工作 制定本方案。", "1.推进计划 加强组织领导。")),
    LineRule(code="MT13", needs=("(", "（"), field="period_line", summary="a period or (试行) on its own line under a broken title",
             pattern=rf"[(（] \s* (?:{dates.YEAR_SPAN.pattern}|试行|暂行|征求意见稿|修订|修订稿|\d{{4}}年版|\d{{4}}年修订) \s* [)）]",
             read=lambda m, t: {"period_line": t},
             examples=(("(2011—2020年)", {"period_line": "(2011—2020年)"}), ("（2023-2025年）", {"period_line": "（2023-2025年）"}),
                       ("(试行)", {"period_line": "(试行)"})),
             near_misses=("（此件公开发布）", "(2023年)")),
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
             pattern=r"(?P<v>[^。！？!?]{2,150}?) \s* [:：]", check=lambda m: _not_field(m) and is_addressee_line(m["v"]),
             read=lambda m, t: {"addressees": split_addressees(m["v"].strip())},
             examples=(("各省、自治区、直辖市人民政府，国务院各部委、各直属机构：",
                        {"addressees": ["各省、自治区、直辖市人民政府", "国务院各部委、各直属机构"]}),
                       ("各幼儿园：", {"addressees": ["各幼儿园"]}),
                       ("各区卫生健康委、各有关单位：", {"addressees": ["各区卫生健康委", "各有关单位"]}),
                       ("各开发区、区县(市)知识产权管理部门,各有关单位:",
                        {"addressees": ["各开发区、区县(市)知识产权管理部门", "各有关单位"]})),
             near_misses=("各位代表：", "发表日期: 2020-11-18来源:", "现就有关事项通知如下：", "联系人：李萌", "主要目标：")),
    LineRule(code="MT32", needs=_COLONS, field="addressees",
             summary="主送机关 glued to the notice's first sentence (paragraphs merged on a web page)",
             pattern=r"(?P<v>[^。！？!?：:]{2,150}?) \s* [:：] \s* (?P<rest>[^\s].{3,})",
             check=lambda m: _not_field(m) and is_addressee_line(m["v"]),
             read=lambda m, t: {"addressees": split_addressees(m["v"].strip())},
             examples=(("各县（市、区）人民政府，市政府各部门：现将《泰安市实施方案》印发给你们，请认真贯彻执行。",
                        {"addressees": ["各县（市、区）人民政府", "市政府各部门"]}),),
             near_misses=("各位代表：现在，我代表市人民政府报告工作。", "联系人：李萌，电话：65250460。", "主要目标：到2025年，建成强市。")),
    LineRule(code="MT33", needs=("文件",), field="issuer_mark",
             summary="发文机关标志 at the top: 泰安市人民政府文件 (joint: organs separated by spaces)",
             pattern=r"(?P<org>[^。，,；;：:、《》\d]{3,80}?) \s* 文件", check=lambda m: _organ_run(m["org"]),
             read=lambda m, t: {"issuer": organs_of(m["org"].strip())},
             examples=(("泰安市人民政府文件", {"issuer": ["泰安市人民政府"]}),
                       ("中共泰安市委 泰安市人民政府文件", {"issuer": ["中共泰安市委", "泰安市人民政府"]})),
             near_misses=("附件文件", "相关文件", "政策文件")),
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
    """A complete organ name (市科技局, 各直属机构, 各县（市、区）), not a bare place (各省) or ending (办)."""
    if SCOPE_WITH_ALTERNATIVES.fullmatch(name):
        return True
    name = re.sub(r"[(（][^()（）]*[)）]$", "", name)
    m = NAMED_BODY_END.search(name)
    return m is not None and m.start() > 0


def _joins(group: list[str], item: str) -> bool:
    """Whether a 、-item continues the current addressee (they share a head or a prefix)."""
    prev, first = group[-1], group[0]
    if not _complete(prev) or not _complete(item):
        return True  # 各省、自治区、直辖市人民政府 / 市政府各委、办、局
    if item.startswith("各") and first.find("各") > 0:
        return True  # 国务院各部委、各直属机构: 各直属机构 is 国务院's
    return SCOPE.match(item) is None and SCOPE.match(first) is not None  # 各区卫生健康局、财政局


def split_addressees(text: str) -> list[str]:
    """主送机关 by the 公文 convention: split at ，,；; and at 、 only between complete organ names.

    >>> split_addressees("各省、自治区、直辖市人民政府，国务院各部委、各直属机构")
    ['各省、自治区、直辖市人民政府', '国务院各部委、各直属机构']
    >>> split_addressees("市委宣传部、市科技局")
    ['市委宣传部', '市科技局']
    """
    out: list[str] = []
    for part in split_top(text, ",，;；"):
        items = split_top(part, "、")
        if not items:
            continue
        group = [items[0]]
        for item in items[1:]:
            if _joins(group, item):
                group.append(item)
            else:
                out.append("、".join(group))
                group = [item]
        out.append("、".join(group))
    return [unspace(a) for a in out]


def is_addressee_line(text: str) -> bool:
    """Organ names only: each item starts with 各 or ends like an organ; no dates, keys or verbs."""
    text = text.strip()
    if not text or re.search(r"\d|如下|通知|报告|：|:|日期|来源|为了|根据", text) or text.startswith("各位"):
        return False
    groups = split_addressees(text)
    return bool(groups) and all(
        len(g) <= 60 and (g.startswith("各") or NAMED_BODY_END.search(g) is not None) for g in groups
    )


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
        return f"{m['order']}第{int(m['onum'])}号"
    return None


def doc_type_of(title: str | None) -> str | None:
    """文种 of a title: its last type word (…实施方案 → 方案, …工作要点 → 要点)."""
    if not title:
        return None
    m = TITLE_TAIL.search(title.strip())
    if not m:
        return None
    t = m["type"]
    return DOC_TYPE_OF.get(t, t)


def strip_alias(name: str) -> str:
    """An organ without its bracketed alias: 郑州市市场监督管理局(知识产权局) → 郑州市市场监督管理局."""
    return re.sub(r"\s*[(（][^()（）]{1,15}[)）]$", "", name).strip() or name


def organs_of(line: str) -> list[str]:
    """The organs of a signature line. Several separated by spaces are a joint issue; a part
    without its own scope (优化营商环境领导小组 after 木兰县人民政府) belongs to the whole line."""
    parts = line.split()
    if len(parts) > 1 and any(SCOPE.match(p) is None for p in parts[1:]):
        return ["".join(parts)]
    return parts


def _region_of(text: str | None) -> str | None:
    """The most specific leading place name of a title or organ: 北京市通州区… → 通州区."""
    if not text:
        return None
    text = re.sub(rf"^(?:{YEAR}\s*年度?|关于(?:印发)?)", "", text.strip())
    found, pos = None, 0
    while True:
        m = ZONE.match(text, pos)
        if m and not NOT_PLACE.search(m["p"][:-3]):
            return m["p"]
        m = PLACE.match(text, pos)
        if not m or NOT_PLACE.search(m["p"]):
            return found
        found, pos = m["p"], m.end()


#: 结合X实际 names the jurisdiction in the preamble.
LOCAL_CONTEXT = lazy(rf"结合(?:我|本|全)?(?P<r>[{CJK}]{{2,12}}?)(?:的)?(?:发展)?实际")
#: Plans addressed to every province govern the country: 结合各省发展实际, 各省(区、市).
PROVINCES = lazy(r"结合各省(?:份)?(?:发展|工作)?实际|各省[(（]区、市[)）]")
#: A work report's dateline: ——2024年1月16日在亳州市第五届人民代表大会第三次会议上.
DATELINE = lazy(rf"[—-]*\s*(?P<date>{_DATE})\s*在(?P<place>[{CJK}]{{2,20}}?)第[{CN_COUNT_CLASS}]+届人民代表大会", re.VERBOSE)
#: The reporter of a work report: 市人民政府市长 秦凤玉 → the government of the dateline's place.
REPORTER = lazy(r"(?P<level>[省市县区州])人民政府(?:代理)?(?:省长|市长|县长|区长|州长)")
#: A page's related-reading link names the document: 相关解读：《X》解读.
READING = lazy(r"(?:相关|政策)?解读\s*[:：]\s*《(?P<t>[^《》]{4,80})》(?:政策)?(?:解读|图解)")
#: The plan named inside the notice: 现将《X》印发 / 《X》已经…同意 / 制定了《X》.
NOTICE_PLAN = lazy(r"(?:现将|印发|关于|制定了?|出台)\s*[《“](?P<t>[^《》“”]{4,80})[》”]|《(?P<t2>[^《》]{4,80})》(?:（以下简称[^）]*）)?\s*已经")
#: The notice speaks as 我局/我委 and names itself in the contact line: 联系人:北京市中医管理局科教处 屠志涛.
CONTACT_ORGAN = lazy(rf"联系(?:人|单位|部门)\s*[:：]\s*(?P<org>[{CJK}]{{3,30}}?(?P<end>{'|'.join(SELF_NAMES)}))[{CJK}]{{1,8}}?(?:处|科|室)")
#: A year at the head of an annual plan's title: 2022年…工作要点, 2026年…招生工作方案.
ANNUAL = lazy(rf"(?<![\d—\-~～至到])(?P<y>{YEAR})\s*年度?(?![\d—\-~～至到底末版]|[)）])")


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


# ---------------------------------------------------------------- reading the lines

#: A head line longer than this that holds spaces is a one-line paste of several lines.
ONE_LINE_PASTE = 100


def _unpaste(lines: Lines) -> Lines:
    """Split one-line pastes back into lines at their spaces (notice, title, date …)."""
    out: Lines = []
    for no, line in lines:
        if len(line) > ONE_LINE_PASTE and " " in line and "|" not in line:
            out.extend((no, part) for part in line.split(" ") if part)
        else:
            out.append((no, line))
    return out


#: A heading with its 文号 after it: 国务院办公厅关于印发…的通知（国办发〔2018〕128号）.
TITLE_WITH_NO = lazy(rf"(?P<t>.{{4,200}}?) \s* [(（] \s* (?P<no>{DOC_NO}|{ORDER_NO}) \s* [)）]", re.VERBOSE)


#: A heading with a page label or date glued on: …的通知 发布时间：2022-05-01 / …方案2022-05-01.
GLUED_LABEL = lazy(rf"""(?P<t>.{{4,200}}?) \s* (?:(?:发布|发表|更新|成文|印发)?(?:时间|日期) \s* [:：].* | (?:{_DATE}).*
                         | (?:来源|信息来源|浏览次数|点击数|字号) \s* [:：].*)""", re.VERBOSE)


class Hit(NamedTuple):
    no: int
    text: str
    code: str | None
    m: re.Match[str] | None


def _fragment(text: str) -> bool:
    """A piece of a broken title: short, no punctuation, not a date, organ or marker."""
    return (2 <= len(text) <= 40 and not re.search(r"[。，,；;：:《》()（）|]", text) and not dates.is_bare_date(text)
            and not _organ_run(text) and not _MARKER_START.match(text) and not re.match(r"附[件表]", text))


_UNSET = object()
#: Cheap tests before the heading patterns: a title holds a 文种 word; a glued label a colon or a date.
_TITLE_HINT = lazy("|".join(DOC_TYPES))
_GLUED_LABEL_HINT = lazy(r"[:：年/.\-]")


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
                    if i + k >= len(lines) or "。" in lines[i + k][1]:
                        break
                    if classify(acc, (RULES_BY_CODE["MT10"], RULES_BY_CODE["MT11"])):
                        break
                    acc += lines[i + k][1].strip()
                    if (c := classify(acc, (RULES_BY_CODE["MT10"], RULES_BY_CODE["MT11"]))) is not None:
                        joined = (k, acc, c)
                        break
            if joined is None and i + 1 < len(lines) and re.search(r"令$", text) and re.fullmatch(
                    r"第\s*\d{1,5}\s*号", lines[i + 1][1].strip()):
                acc = text + lines[i + 1][1].strip()
                joined = (1, acc, classify(acc, (RULES_BY_CODE["MT06"],)))
            if joined is None and i + 1 < len(lines) and _fragment(text) and (own := classify(text)) is None:
                nxt = lines[i + 1][1].strip()
                c = rule_match(RULES_BY_CODE["MT12"], nxt)
                if c is not None and len(nxt) <= 40 and not TITLE_TAIL.search(text):
                    acc = text + nxt
                    joined = (1, acc, (RULES_BY_CODE["MT12"], rule_match(RULES_BY_CODE["MT12"], acc)))
        if joined is not None and joined[2] is not None and joined[2][1] is not None:
            k, acc, (rule, m) = joined
            hits.append(Hit(no, acc, rule.code, m))
            i += k + 1
            continue
        if text.endswith((")", "）")) and "号" in text and (t := TITLE_WITH_NO.fullmatch(text)) \
                and (c := classify(t["t"], _TITLES)) is not None:
            # a web page's heading: the title with its 文号 in brackets after it
            hits.append(Hit(no, t["t"].strip(), c[0].code, c[1]))
            n = classify(t["no"])
            hits.append(Hit(no, t["no"], n[0].code if n else None, n[1] if n else None))
            i += 1
            continue
        if _GLUED_LABEL_HINT.search(text) and _TITLE_HINT.search(text) and (g := GLUED_LABEL.fullmatch(text)) \
                and (c := classify(g["t"], _TITLES)) is not None:
            hits.append(Hit(no, g["t"].strip(), c[0].code, c[1]))  # a heading with a page label glued on
            i += 1
            continue
        c = classify(text) if own is _UNSET else own
        if c is not None and c[0].code == "MT13" and hits and hits[-1].code in ("MT12", "MT11"):
            prev = hits.pop()  # a period on its own line closes the title above
            acc = prev.text + text
            hits.append(Hit(prev.no, acc, prev.code, rule_match(RULES_BY_CODE[prev.code], acc)))
            i += 1
            continue
        hits.append(Hit(no, text, c[0].code if c else None, c[1] if c else None))
        i += 1
    return _organ_above_title(hits)


def _organ_above_title(hits: list[Hit]) -> list[Hit]:
    """An organ printed on the line above a 关于… title is the title's start (PDF layouts)."""
    out: list[Hit] = []
    for h in hits:
        if h.code in ("MT10", "MT11", "MT12") and h.text.startswith("关于") and out and out[-1].code == "MT23" \
                and out[-1].no == h.no - 1:
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
        if h.code in ("MT01", "MT02"):
            for f, v in values(h).items():
                out.setdefault(f, (v, h.no))
    return out


def _signature_before(hits: list[Hit], i: int) -> tuple[list[str], int] | None:
    """Organs signed just above hit ``i`` (up to four lines), with the first line's number."""
    organs: list[str] = []
    first = None
    j = i - 1
    while j >= 0 and i - j <= 4 and hits[j].code == "MT23":
        organs = values(hits[j])["issuer"] + organs
        first = hits[j].no
        j -= 1
    return (organs, first) if organs and first is not None else None


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


def extract_meta(outline: Outline, lines: Lines | None = None) -> Meta:
    """Every header element the document states, each with its line. ``lines`` (all numbered
    lines) lets the 版记 be read when it follows the body directly, with no tail between."""
    head, tail = _scan(_unpaste(outline.head)), _scan(outline.tail)
    in_tail = {no for no, _ in outline.tail}
    foot = [h for h in _scan(lines[-FOOT_LINES:]) if h.no not in in_tail] if lines else []
    found = _Found()
    fields = _fields(head + tail)
    notice = next((h for h in head if h.code == "MT10"), None)
    self_title = next((h for h in head if h.code == "MT11"), None)

    doc_number = _doc_number(head, fields, found)
    issue_date, issuers = _signed_date(head, tail, fields, found)
    notice_title, title = _titles(head, tail, fields, notice, self_title, found)
    issuers = issuers or _unsigned_issuer(head, fields, notice, self_title, found)
    addressees = next((found.put("addressees", values(h)["addressees"], h.no)
                       for h in head if h.code in ("MT30", "MT05", "MT32")), [])
    report = _work_report(head, found)
    issue_date = issue_date or report[0]
    issuers = issuers or report[2]
    region = _region(outline, title, issuers, notice_title, report[1], found)
    issuers = issuers or _contact_issuer(head, found)
    period = _period(outline, title, notice_title, found)

    extra = _minor_elements(head, tail + [h for h in foot if h.code in ("MT21", "MT28")], fields, found.put)
    issuers = [unspace(strip_alias(o)) for o in issuers] if issuers else []
    title, notice_title = (unspace(t) if t else t for t in (title, notice_title))
    doc_type = doc_type_of(title) or doc_type_of(notice_title)
    found.put("doc_type", doc_type, found.lines.get("title") or found.lines.get("notice_title"))
    return Meta(title, notice_title, doc_number, issuers[0] if issuers else None, issue_date, addressees, region,
                period, issuers=issuers if len(issuers) > 1 else [], doc_type=doc_type, lines=found.lines, **extra)


def _prose_start(head: list[Hit]) -> int:
    """Index of the head's first sentence: dates above it are a page's byline."""
    return next((k for k, h in enumerate(head) if "。" in h.text), len(head))


def _doc_number(head: list[Hit], fields: dict[str, tuple[str, int]], found: _Found) -> str | None:
    """发文字号: the metadata row, else the first 文号 line of the head (MT03–MT06, MT27)."""
    if "doc_number" in fields:
        v, no = fields["doc_number"]
        if (doc_number := found.put("doc_number", normalize_doc_number(v), no)) is not None:
            return doc_number
    for h in head:
        if h.code in ("MT03", "MT04", "MT05", "MT06", "MT27") and "doc_number" in (v := values(h)):
            return found.put("doc_number", v["doc_number"], h.no)
    return None


def _signed_date(head: list[Hit], tail: list[Hit], fields: dict[str, tuple[str, int]],
                 found: _Found) -> tuple[str | None, list[str] | None]:
    """成文日期 and 发文机关: the date under organs wins, then the metadata, then a bare date
    after the notice's text, then the date on the 文号's line."""
    prose = _prose_start(head)
    for block in (head, tail):
        for i, h in enumerate(block):
            if block is head and i < prose and h.code in ("MT20", "MT22") and "年" not in h.m["date"]:  # type: ignore[index]
                continue  # a source and ISO date above the text are the page's byline
            if h.code == "MT22":
                issuers, sig_no = values(h)["issuer"], h.no
            elif h.code == "MT20" and (sig := _signature_before(block, i)):
                issuers, sig_no = sig
            else:
                continue
            found.put("issuer", issuers, sig_no)
            return found.put("issue_date", values(h)["issue_date"], h.no), issuers
    if "issue_date" in fields:
        v, no = fields["issue_date"]
        if (issue_date := found.put("issue_date", dates.parse_date(v), no)) is not None:
            return issue_date, None
    for h in head[prose:] + tail + [h for h in head[:prose] if h.code == "MT04"]:
        if h.code in ("MT20", "MT04"):
            return found.put("issue_date", values(h)["issue_date"], h.no), None
    return None, None


def _titles(head: list[Hit], tail: list[Hit], fields: dict[str, tuple[str, int]], notice: Hit | None,
            self_title: Hit | None, found: _Found) -> tuple[str | None, str | None]:
    """标题 of the covering notice and the plan's own title, by the order in docs/conventions.md."""
    notice_title = found.put("notice_title", notice.text, notice.no) if notice else None
    meta_title = fields.get("title")
    if notice_title is None and meta_title and rule_match(RULES_BY_CODE["MT10"], meta_title[0]):
        notice_title = found.put("notice_title", meta_title[0], meta_title[1])
    titles = [h for h in head if h.code in ("MT12", "MT14")]
    if titles:
        return notice_title, found.put("title", values(titles[-1])["title"], titles[-1].no)
    if self_title is not None:
        return notice_title, found.put("title", self_title.text, self_title.no)
    if after_sig := _title_after_signature(tail):
        return notice_title, found.put("title", after_sig[1], after_sig[0])
    if meta_title and meta_title[0] != notice_title and (
            rule_match(RULES_BY_CODE["MT12"], meta_title[0]) or rule_match(RULES_BY_CODE["MT11"], meta_title[0])):
        return notice_title, found.put("title", meta_title[0], meta_title[1])
    for h in head:
        if h.code != "MT10" and (m := NOTICE_PLAN.search(h.text)):
            return notice_title, found.put("title", m["t"] or m["t2"], h.no)
    if notice_title and (m := re.search(rf"{_ISSUING}(?P<t>.+?)的?(?:{_COVERING_ALT})$", notice_title)):
        t = m["t"].strip()
        t = t[1:-1] if re.fullmatch(r"《[^《》]+》|“[^“”]+”", t) else t
        return notice_title, found.put("title", t, found.lines["notice_title"])
    for h in head + tail:
        if m := READING.search(h.text):
            return notice_title, found.put("title", m["t"], h.no)
    return notice_title, None


def _unsigned_issuer(head: list[Hit], fields: dict[str, tuple[str, int]], notice: Hit | None,
                     self_title: Hit | None, found: _Found) -> list[str] | None:
    """发文机关 when unsigned: the metadata, the 发文机关标志, the organ before 关于."""
    if "issuer" in fields:
        v, no = fields["issuer"]
        return found.put("issuer", [v], no)
    if (mark := next((h for h in head[:8] if h.code == "MT33"), None)) is not None:
        return found.put("issuer", values(mark)["issuer"], mark.no)
    for src in (notice, self_title):
        if src is not None and (parts := values(src)["issuer"]):
            return found.put("issuer", parts, src.no)
    return None


def _work_report(head: list[Hit], found: _Found) -> tuple[str | None, str | None, list[str] | None]:
    """A work report's dateline (date, place) and its reporter's government as issuer."""
    for h in head[:6]:
        if (d := DATELINE.search(h.text)) is None:
            continue
        place = _region_of(d["place"])
        issuer = None
        if place:
            rep = next((r for r in head[:6] if (m := REPORTER.search(r.text)) and place.endswith(m["level"])), None)
            issuer = [place + "人民政府"] if rep else None
            if rep:
                found.put("issuer", issuer, rep.no)
        date = dates.parse_date(d["date"])
        found.put("issue_date", date, h.no)
        return date, place, issuer
    return None, None, None


def _region(outline: Outline, title: str | None, issuers: list[str] | None, notice_title: str | None,
            dateline_place: str | None, found: _Found) -> str | None:
    """The jurisdiction: title, issuer, notice title, dateline, 结合X实际, national issuers."""
    for field, text in (("title", title), ("issuer", issuers[0] if issuers else None), ("notice_title", notice_title)):
        if (region := _region_of(text)) is not None:
            return found.put("region", region, found.lines.get(field))
    if dateline_place:
        return found.put("region", dateline_place, found.lines.get("issue_date"))
    body = list(outline.head) + [(n.line, t) for n in outline.sections for t in [n.title, *n.text[:1]]]
    for no, line in body:
        if (m := LOCAL_CONTEXT.search(line)) and (r := _region_of(m["r"])):
            return found.put("region", r, no)
    if issuers and NATIONAL_ISSUER.search(issuers[0]):
        return found.put("region", "全国", found.lines.get("issuer"))
    for no, line in list(outline.head) + [(n.line, t) for n in _walk(outline.sections) for t in n.text[:1]]:
        if PROVINCES.search(line):
            return found.put("region", "全国", no)
    return None


def _contact_issuer(head: list[Hit], found: _Found) -> list[str] | None:
    """An issuer the notice names only as 我局 / 我委: the organ of its contact line."""
    for h in head:
        if (c := CONTACT_ORGAN.search(h.text)) and any(f"我{c['end']}" in x.text for x in head):
            return found.put("issuer", [c["org"]], h.no)
    return None


def _period(outline: Outline, title: str | None, notice_title: str | None, found: _Found) -> tuple[int, int] | None:
    """The title's period, else an annual plan's single year, else a bracketed span of head or tail."""
    for field, text in (("title", title), ("notice_title", notice_title)):
        if text and (period := dates.period(text)):
            return found.put("period", period, found.lines.get(field))
    if title and doc_type_of(title) in ANNUAL_TYPES and not dates.YEAR_SPAN.search(title):
        years = ANNUAL.findall(re.sub(r"[(（][^()（）]*[)）]", "", title))
        if len(years) == 1:
            return found.put("period", (int(years[0]), int(years[0])), found.lines.get("title"))
    for no, line in outline.head + outline.tail:
        if period := dates.period(re.sub(r"《[^《》]*》", "", line)):
            return found.put("period", period, no)
    return None


def _walk(nodes: list[Node]) -> Iterator[Node]:
    for n in nodes:
        yield n
        yield from _walk(n.children)


def _title_after_signature(tail: list[Hit]) -> tuple[int, str] | None:
    """The plan's title printed right after the notice's signature and date (tail)."""
    for i, h in enumerate(tail):
        if h.code in ("MT20", "MT22"):
            for nxt in tail[i + 1: i + 4]:
                if nxt.code == "MT12":
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


#: The rule table of the header, for tests/test_rule_tables.py.
RULE_TABLES = (RuleTable("LINE_RULES", "MT", LINE_RULES, _line_gives),)
