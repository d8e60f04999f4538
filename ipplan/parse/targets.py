"""Targets: every quantitative commitment (number + measure word) in the plan's text.

A paragraph is cut into sentences (。) and clauses (，；) at bracket depth 0. Year phrases
(到2025年, 2023-2025年) set the year for the rest of the paragraph; a section that opens
with one passes it to its children. Each clause is cut into list items at 、 where items
carry their own numbers, and each quantity gives one target whose indicator is the noun
phrase after the number ("建成30家市级以上专利导航服务基地") or, failing that, before it
("每万人高价值发明专利拥有量达到15件以上"). Word lists live in data/targets.yaml.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from importlib import resources
from typing import Any, NamedTuple

from ipplan import patterncache
from ipplan.parse.datafile import Record as BaseModel, load_yaml, record_config as ConfigDict  # no pydantic: ~100 ms

from ipplan.parse import words
from ipplan.parse.brackets import depth_mask, matching_close, split_top
from ipplan.parse.dates import MILESTONE, YEAR, YEAR_PHRASE, YEAR_SPAN
from ipplan.parse.numerals import CN_COUNT_CLASS, CN_DIGIT_CLASS, CN_QUANTITY_CLASS, NUMERAL_IDIOMS, to_decimal
from ipplan.parse.rules import Rule, RuleTable, given, lazy
from ipplan.parse.types import Node, TargetRef
from ipplan.parse.vocab.doctypes import ANNUAL_TYPES
from ipplan.parse.vocab.markers import match_marker
from ipplan.parse.vocab.notices import NoticeRef
from ipplan.parse.vocab.measures import (
    CAPACITY_MEASURES,
    COUNT_MEASURES,
    DURATIONS,
    FRAMEWORK_NOUNS,
    FREQUENCIES,
    MAGNITUDE_WORDS,
    MEASURE_NOT_BEFORE,
    MEASURES,
    MONEY_UNITS,
    PERIOD_WORDS,
    PROCEDURE_STEPS,
    UNIT_FORMS,
    may_hold_quantity,
    unit_scale,
)
from ipplan.parse.vocab.scope import BODIES, MEMBER_WORDS, PAIRED_SCOPES, SCOPE_WORDS
from ipplan.parse.vocab.text import CJK, unspace


class Lexicon(BaseModel):
    """data/targets.yaml, validated so that a typo fails at load time."""

    model_config = ConfigDict(extra="forbid")
    ops_before: dict[str, list[str]]
    ops_after: dict[str, list[str]]
    verbs: list[str]
    keep_verbs: list[str]
    trailing_words: list[str]
    predicates: list[str]
    generic_nouns: list[str]
    condition_cues: list[str]
    background_cues: list[str]
    parameter_cues: list[str]
    ban_cues: list[str]
    forecast_cues: list[str]
    kind_cues: list[tuple[str, list[str]]]
    review_headings: list[str]
    review_openers: list[str]
    forward_headings: list[str]
    forward_openers: list[str]


@dataclass(frozen=True)
class _Rules:
    lex: Lexicon
    quantity: re.Pattern[str]
    ops_before: tuple[tuple[str, str], ...]  # (word, op), longest first
    op_words: tuple[str, ...]  # the same words
    ops_after: dict[str, str]
    scope: re.Pattern[str]
    trailing: re.Pattern[str]
    condition: re.Pattern[str]
    background: re.Pattern[str]
    parameter: re.Pattern[str]
    ban: re.Pattern[str]
    forecast: re.Pattern[str]
    kinds: tuple[tuple[str, re.Pattern[str]], ...]
    review_heading: re.Pattern[str]
    review_opener: re.Pattern[str]
    forward_heading: re.Pattern[str]
    forward_opener: re.Pattern[str]


def _alt(items: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(items, key=len, reverse=True))


@functools.cache
def rules() -> _Rules:
    raw = resources.files("ipplan.parse.data").joinpath("targets.yaml").read_text("utf-8")
    lex = Lexicon.model_validate(load_yaml(raw))  # from ipplan.patterncache, else libyaml
    after = {w: op for op, ws in lex.ops_after.items() for w in ws}
    quantity = patterncache.compile(
        rf"""
        (?<![0-9A-Za-z.\-+#])                      # not inside 4210, G60, 5+5
        (?P<num>\d+(?:\.\d+)?|[{CN_QUANTITY_CLASS}]{{1,6}})
        (?:\s*[%％]?\s*(?:[—\-~～至到－])\s*(?P<num2>\d+(?:\.\d+)?))?   # ranges 1—2, 1至2, 3-4
        \s*(?P<mag>{_alt(list(MAGNITUDE_WORDS))})?
        (?P<unit>{_alt(list(MEASURES))})
        (?P<post>{_alt(list(after))})?
        """,
        re.VERBOSE,
    )
    ops_before = tuple(sorted(((w, op) for op, ws in lex.ops_before.items() for w in ws),
                              key=lambda p: len(p[0]), reverse=True))
    return _Rules(
        lex=lex,
        quantity=quantity,
        ops_before=ops_before,
        op_words=tuple(w for w, _ in ops_before),
        ops_after=after,
        scope=patterncache.compile(rf"^(?:{_alt(list(SCOPE_WORDS))}|(?:到|至)?{YEAR}年(?:底|末)?(?:前)?)"),
        trailing=patterncache.compile(rf"(?:{_alt(lex.trailing_words)})$"),
        condition=patterncache.compile("|".join(lex.condition_cues)),
        background=patterncache.compile("|".join(lex.background_cues)),
        parameter=patterncache.compile("|".join(f"(?:{c})" for c in lex.parameter_cues)),
        ban=patterncache.compile("|".join(lex.ban_cues)),
        forecast=patterncache.compile("|".join(lex.forecast_cues)),
        kinds=tuple((k, patterncache.compile("|".join(v))) for k, v in lex.kind_cues),
        review_heading=_parts(lex.review_headings, whole=True),
        review_opener=_parts(lex.review_openers),
        forward_heading=_parts(lex.forward_headings, whole=True),
        forward_opener=_parts(lex.forward_openers),
    )


def _parts(patterns: list[str], whole: bool = False) -> re.Pattern[str]:
    """One regex of a part list of data/targets.yaml ({year} is the year pattern; a heading
    pattern must match the whole title)."""
    body = "|".join(f"(?:{p.replace('{year}', f'(?:{YEAR})')})" for p in patterns)
    return patterncache.compile(f"^(?:{body})$" if whole else body)


def opening_year(text: str) -> int | None:
    """Year of a year phrase opening ``text`` (到2025年，… / 2025年，…)."""
    m = YEAR_PHRASE.match(text.strip())
    return int(m["y"]) if m else None


#: A goals heading with its year: 到2025年主要目标 / 2023年工作目标 / 主要目标(2025年).
_GOALS_YEAR = lazy(rf"(?P<y>{YEAR})\s*年(?:底|末)?[^，。；]{{0,8}}?目标|目标\s*[(（]\s*(?P<y2>{YEAR})\s*年?[)）]")

#: A plan for one year: 2023年知识产权工作要点 (a single year in the title, no span).
_TITLE_YEAR = lazy(rf"^(?:[^0-9]{{0,12}}?)(?P<y>{YEAR})\s*年(?!\s*[-—–~～至到]|\d)")


def title_year(title: str | None) -> int | None:
    """The single year a plan's title is for (2023年知识产权工作要点), else None."""
    if not title or _YEAR_SPAN_IN.search(title):
        return None
    m = _TITLE_YEAR.match(title)
    return int(m["y"]) if m and any(t in title for t in ANNUAL_TYPES) else None


def heading_year(title: str) -> int | None:
    """The year a heading dates its section to: the end of a period (第一阶段(2015—2020年)
    → 2020) or a goals heading's year (到2025年主要目标, 2023年工作目标)."""
    m = YEAR_SPAN.search(title)
    if m:
        return int(m["end"])
    g = _GOALS_YEAR.search(title)
    return int(g["y"] or g["y2"]) if g else None


@dataclass
class _Quantity:
    start: int
    end: int
    value: Decimal
    value_max: Decimal | None
    unit: str
    op: str


def _quantities(text: str, r: _Rules) -> list[_Quantity]:
    """Quantities at bracket depth 0, with their operators: what the "quantity" rules of
    TARGET_RULES find, in text order (each drops the numbers that the "number" rules say
    are no targets)."""
    mask = depth_mask(text)
    out = [q for rule in _BY_LEVEL["quantity"] for q in rule.find(text, mask, r)]
    out.sort(key=lambda q: q.start)
    return out


def quantities(text: str) -> list[tuple[int, int]]:
    """(start, end) of every quantity the targets stage reads in a sentence or clause."""
    return [(q.start, q.end) for q in _quantities(text, rules())]


def _candidates(text: str, mask: list[int], r: _Rules):  # -> Iterator[tuple[re.Match[str], str]]
    """Numbers with a measure at depth 0 that may be quantities, with the text before them."""
    for m in r.quantity.finditer(text):
        if mask[m.start()]:
            continue
        unit = m["unit"]
        nxt = text[m.end("unit") : m.end("unit") + 1]
        if nxt and nxt in MEASURE_NOT_BEFORE.get(unit, "") and not m["post"]:
            continue
        before = text[: m.start()]
        if before.endswith(("每", "第")) or before.endswith("前") and (m["unit"] in ("名", "位") or _RANK.search(before)):
            continue  # 每万人 (a rate), 第九 (an ordinal), 全省前10 (a rank); not 上线前15项

        num = m["num"]
        if not num[0].isdigit():
            # Chinese numerals as 百项 / 千人 / 两万, with an operator (三篇以上, 不少于两名), or
            # after the noun they count in a clause that builds (完成医学论文三篇并…); never
            # 三个阶段 / 一批
            if m["num2"] or m["mag"] and num not in _BARE_MAGNITUDES or not (
                    _CN_MAGNITUDE.search(num) or m["post"] or _op_before(before, r)
                    or _counted_after_noun(text, m, before)):
                continue  # (千亿元 is a number: a bare magnitude before 亿)
        yield m, before


#: The end of what a number after its noun counts: the clause's end or a joiner (论文三篇并在…发表).
_COUNT_END = lazy(r"^(?:$|[并和及、，,；;。])")


def _counted_after_noun(text: str, m: re.Match[str], before: str) -> bool:
    """A Chinese numeral right after the noun it counts, in a clause with a verb that builds
    (完成医学论文三篇并…, 撰写心得两篇): a count, not a name (三个阶段 has the noun after)."""
    return bool(before) and "\u4e00" <= before[-1] <= "\u9fff" and _COUNT_END.match(text[m.end() :]) is not None \
        and m["unit"] not in _NAME_MEASURES and _BUILDS.search(before) is not None


#: Measures that number a name rather than count (工厂一期, 第二届, 二期工程).
_NAME_MEASURES = ("期", "届", "次", "批", "轮")


def _numbers(text: str, mask: list[int], r: _Rules) -> list[_Quantity]:
    """TG01: numbers with a measure word, scaled by their magnitude (1.8万件, 50亿元)."""
    out: list[_Quantity] = []
    for m, before in _candidates(text, mask, r):
        if any(rule.find(m, before, text[m.end():]) for rule in _BY_LEVEL["number"]):
            continue
        value = to_decimal(m["num"])
        if value is None:
            continue
        unit, scale = unit_scale(m["unit"], m["mag"])
        value_max = to_decimal(m["num2"]) * scale if m["num2"] else None
        op = "range" if value_max is not None else _op_of(before, m["post"], r)
        if value_max is not None and value_max < value * scale:
            continue
        if not plausible_value(value * scale) or (value_max is not None and not plausible_value(value_max)):
            continue
        out.append(_Quantity(m.start(), m.end(), value * scale, value_max, unit, op))
    return out


def _halves(text: str, mask: list[int], r: _Rules) -> list[_Quantity]:
    """TG06: 一半 is a share of 50 % (一半以上 ≥, 超过一半 >)."""
    out: list[_Quantity] = []
    if "一半" not in text:
        return out
    for m in re.finditer("一半", text):
        if mask[m.start()]:
            continue
        post = text[m.end() : m.end() + 2] == "以上"
        pre = text[: m.start()].rstrip()
        op = ">" if pre.endswith(("超过", "超")) else ">=" if post or pre.endswith(("不少于", "不低于")) else "="
        out.append(_Quantity(m.start(), m.end() + (2 if post else 0), Decimal(50), None, "%", op))
    return out


#: A list item opening with a Chinese number and a measure (百名国医大师), and one opening with a
#: Chinese magnitude and a noun but no measure (百万中医师).
_CN_COUNTED_ITEM = lazy(rf"^[{CN_QUANTITY_CLASS}]+(?P<u>{'|'.join(COUNT_MEASURES + ('名', '人', '位'))})")
_CN_BARE_ITEM = lazy(rf"^(?P<num>[{CN_QUANTITY_CLASS}]*[百千万])(?=[{CJK}]{{2}})")
_NAME_END = lazy(r"(?:工程|计划|行动|战略|活动|行业|产业)$")


def _borrowed(text: str, mask: list[int], r: _Rules) -> list[_Quantity]:
    """TG39: an item of a 、-list with a Chinese magnitude and a noun but no measure takes the
    measure of the items before it (百名国医大师、万名中医名师、百万中医师 → 1000000 名)."""
    out: list[_Quantity] = []
    if "、" not in text or not _CN_MAGNITUDE.search(text):
        return out
    unit = None
    start = 0
    for end in [i for i, ch in enumerate(text) if ch == "、" and not mask[i]] + [len(text)]:
        item = text[start:end]
        if (m := _CN_COUNTED_ITEM.match(item)) is not None:
            unit = m["u"]
        elif unit and (b := _CN_BARE_ITEM.match(item)) is not None and not _NAME_END.search(item) \
                and not any(item.startswith(u, b.end()) for u in MEASURES):
            value = to_decimal(b["num"])
            if value is not None and plausible_value(value):
                out.append(_Quantity(start, start + b.end(), value, None, unit, "="))
        else:
            unit = None
        start = end + 1
    return out


#: A verb that builds or chooses what a count after it counts (建成十个…基地, 培育五家…企业).
_BUILT_VERB_END = lazy(r"(?:建成|建设|新建|培育|打造|设立|新增|引进|创建|组建|建立|认定|评选|遴选|选树|扶持|开设|推出|"
                       r"形成|培养|创办|争创)(?:了|出)?$")
#: A clause that continues a list of counts after its verb (…基地，十五个市级基地，以及…): only a joiner before.
_LIST_LEAD = ("", "以及", "和", "及", "与", "另")
_COUNTED_NOUN = lazy(rf"^[{CJK}][^，,；;。：:、]*")
_BUILT_MEASURES = COUNT_MEASURES + ("名", "位")
#: A predicate after the noun of a count that opens its clause: the count is the clause's subject.
_PREDICATE_IN = lazy(r"取得|得到|实现|达到|达|完成|进行|成为|初具|基本|全面|顺利|加快|加强|已|正在|得以")


def _built_counts(text: str, mask: list[int], r: _Rules) -> list[_Quantity]:
    """TG51: a small count written in characters, right after a verb that builds or chooses (or
    opening a clause that continues such a list) and before the noun it counts (建成十个省级基地，
    十五个市级基地): a target like 10个; not a framework's parts (十个方面, 两个确保, 五个一批)."""
    out: list[_Quantity] = []
    if not any(ch in CN_COUNT_CLASS or ch == "两" for ch in text):
        return out
    for m in r.quantity.finditer(text):
        num, unit = m["num"], m["unit"]
        if mask[m.start()] or num[0].isdigit() or m["num2"] or m["mag"] or m["post"] or unit not in _BUILT_MEASURES \
                or _CN_MAGNITUDE.search(num):
            continue  # digits, ranges and magnitudes are TG01's
        before, after = text[: m.start()], text[m.end() :]
        if after[:1] in MEASURE_NOT_BEFORE.get(unit, "") or _op_before(before, r) or _counted_after_noun(text, m, before):
            continue  # TG01 reads 不少于三个
        lead = before.strip()
        verb = _BUILT_VERB_END.search(lead) is not None
        if not verb and lead not in _LIST_LEAD:
            continue
        value = to_decimal(num)
        noun = _COUNTED_NOUN.match(after)
        if value is None or value < 2 or noun is None:
            continue  # 建设一个…平台: one of something, not a count
        noun_text = noun.group().lstrip("的")
        if len(noun_text) < 2 or noun_text.startswith(FRAMEWORK_NOUNS) or noun_text[0] == "一":
            continue  # 五个一批, 三个一流: a slogan (形成三个百亿级产业集群 counts)
        if not verb and _PREDICATE_IN.search(noun_text):
            continue  # 两个基地建设取得突破: the count is a subject, not a list item
        if any(rule.find(m, before, after) for rule in _BY_LEVEL["number"]):
            continue
        out.append(_Quantity(m.start(), m.end(), value, None, UNIT_FORMS.get(unit, unit), "="))
    return out


#: A number with no measure word that is still a target: an index value (居民消费价格指数控制在103左右)
#: or a count with a magnitude ending its clause (标识注册总量突破5亿).
_BARE = lazy(r"(?:(?<=指数)(?:控制在|保持在|为|达到|达)?|(?:突破|超过|达到|达|超))"
             r"(?P<num>\d+(?:\.\d+)?)(?P<mag>万亿|亿|万)?(?P<post>左右|以上|以下|以内)?(?=[，,；;。）)]|$)")


def _bare(text: str, mask: list[int], r: _Rules) -> list[_Quantity]:
    """TG27: a target without a measure word: an index's value, or a count with 万/亿 at the end
    of its clause; unit empty."""
    out: list[_Quantity] = []
    if "指数" not in text and not any(w in text for w in ("万", "亿")):
        return out
    for m in _BARE.finditer(text):
        if mask[m.start("num")] or not (m["mag"] or text[: m.start()].endswith("指数")):
            continue
        value = to_decimal(m["num"])
        if value is None:
            continue
        value *= Decimal(MAGNITUDE_WORDS[m["mag"]]) if m["mag"] else 1
        if not plausible_value(value):
            continue
        before = text[: m.start("num")]
        out.append(_Quantity(m.start("num"), m.end(), value, None, "", _op_of(before, m["post"], r)))
    return out


#: A bracketed aside that states a target of its own (…号源（其中专家号源不低于30%）…, 新增2400户
#: （累计约3600户）).
_ASIDE = lazy(r"[（(](?P<a>(?:其中(?!包括|包含|含)|累计)[^（）()]{2,60})[)）]")


#: A bracketed alternative after a count: the same kind of count for another group, with its own
#: subject and verb (医案60份（中药专业继承人完成…总结材料60份）).
_ALTERNATIVE = lazy(r"(?P<v>\d+(?:\.\d+)?)(?P<u>[^\d（(]{1,3}?)[（(](?P<a>[^（）()，,；;]{6,80}?(?P<v2>\d+(?:\.\d+)?)(?P=u))[)）]")
_ALTERNATIVE_SKIP = lazy(r"^(?:其中|累计|含|包括|包含|不少于|不低于|约|即)")


def _alternatives(clause: str) -> list[str]:
    """TG40: a bracketed alternative right after a count that ends in a count of the same measure,
    with a subject and a verb of its own (典型医案60份（中药专业继承人完成实践技能总结材料60份）),
    read as a clause of its own without its verb and 的-modifier; the span is the aside as printed."""
    if "（" not in clause and "(" not in clause:
        return []
    out = []
    for m in _ALTERNATIVE.finditer(clause):
        a = m["a"]
        if _ALTERNATIVE_SKIP.match(a) or _cjk_len(a) < 6 or not (verb := _BUILDS.search(a)) or verb.start() < 2:
            continue
        # the group and what it counts, without the verb and the 的-modifier: 中药专业继承人完成
        # 反映…的实践技能总结材料60份 → 中药专业继承人实践技能总结材料60份
        out.append((a[: verb.start()] + a[verb.end() :].rsplit("的", 1)[-1], a))
    return out


def _asides(clause: str) -> list[str]:
    """TG26: the 其中… and 累计… asides in brackets of a clause, each read as a clause of its own
    (its first part: （其中新办10件，见附件） → 其中新办10件); one without an indicator measures
    the target before it."""
    if "其中" not in clause and "累计" not in clause:
        return []
    return [(a, a) for m in _ASIDE.finditer(clause) if (a := split_top(m["a"], "，,；;")[0])]


#: Largest value a quantity may have: beyond it a number is not a target (400 digits would
#: become an infinite float, which plans never hold).
MAX_VALUE = Decimal(10) ** 15


def plausible_value(value: Decimal) -> bool:
    return value.is_finite() and value <= MAX_VALUE


#: Characters without which no ban cue of data/targets.yaml can match (a cheap test first).
_BAN_HINT = lazy(r"[禁得准许]")
#: A rank before a number: 居全省前10, 进入全国前50, 百强 lists (前 alone is "before": 上线前15项).
_RANK = lazy(r"(?:居|进入|位居|排名|排|跻身|列|全国|全省|全市|世界|行业)[^，,；;]{0,6}前$")
_CN_MAGNITUDE = lazy(r"[百千万]")  # a Chinese quantity with a magnitude: 百项, 两万, 一百二十
#: A Chinese magnitude alone before 亿 / 万 (突破千亿元, 百万吨): the number is the product.
_BARE_MAGNITUDES = ("百", "千", "万")
#: Durations of a procedure (3个月内出台, 届满3个月前, 自…之日起1个月内) and frequencies
#: (每年调整1次, 每周不少于2个半天): policy, not targets.
_AFTER_DURATION = lazy(r"^(?:以?内|前|后|之内)(?!$)")
_BEFORE_DURATION = lazy(r"(?:之日起|届满|期满|印发后|后)[^，,；;]{0,6}$")
_FREQUENCY = lazy(rf"每(?:\d+|[{CN_DIGIT_CLASS}十]|半)?个?(?:年度?|季度|月|周|天|日)")


def _procedural(m: re.Match[str], before: str, after: str) -> bool:
    """TG02: a duration of a procedure or a frequency (the number as read, the text before
    and after it)."""
    unit = m["unit"]
    if unit in DURATIONS and (_AFTER_DURATION.match(after) or _BEFORE_DURATION.search(before)):
        return True
    if unit in FREQUENCIES and _FREQUENCY.search(before) and not before.rstrip().endswith("年均"):
        return not re.search(r"每年(?:完成|实施|举办|开展)", before) or unit == "次" and "每年" not in before
    return False


#: The items of a list written right before a count (确定北京、吉林…贵州10个省): the last
#: clause of the text before the number, cut at 、 和 及 与.
_LIST_ITEM = lazy(r"[、和及与]")
_CLAUSE_CUT = lazy(r"[，,；;：:。（(]")
#: Another value right after a count (2家、20家): the counts are values of a list, not of names.
#: Projects counted after 等 are work the plan carries out, not a scope (A、B等294个项目尽快开工).
_WORKLOAD_AFTER = lazy(r"^(?:以上)?的?[^，,；;。、]{0,8}?(?:项目|工程)")
#: …等12个项目为2023年度示范项目: the projects a list names as chosen (a 名单 notice), scope.
_DESIGNATED_AFTER = lazy(r"^(?:以上)?的?[^，,；;。、]{0,8}?(?:项目|工程)(?:被)?(?:列为|确定为|认定为|命名为|评为|为)")
_VALUE_NEXT = lazy(rf"^(?:以上|以下|左右)?[、和及与]\s*(?:\d|[{CN_QUANTITY_CLASS}]+(?:{'|'.join(COUNT_MEASURES)}))")
_DIGIT = lazy(r"\d")


def _named_count(m: re.Match[str], before: str, after: str) -> bool:
    """TG13: a count of the things the text names (等8个区域 / 北京、天津…西安11个城市): the
    number follows 等, or equals the number of short names listed right before it."""
    b = before.rstrip()
    if b.endswith("等"):  # 某园、某厂等294个项目尽快开工: the projects to carry out, unless named as chosen
        return not _WORKLOAD_AFTER.match(after) or _DESIGNATED_AFTER.match(after) is not None
    if not m["num"].isdigit() or m["num2"] or m["mag"] or m["post"]:
        return False  # 2个以上城市: a bound, not a count of the names
    if "、" not in b[-80:] and "和" not in b[-80:]:
        return False
    if _VALUE_NEXT.match(after):
        return False  # 省级、市级龙头企业2家、20家: a list of values, one per name
    tail = _CLAUSE_CUT.split(b[-80:])[-1]
    items = [i for i in _LIST_ITEM.split(tail) if i]
    return len(items) >= 2 and len(items) == int(m["num"]) and all(len(i) <= 12 for i in items[1:]) \
        and not any(_DIGIT.search(i) for i in items)  # 示范企业10家、5G工厂2家: items of a list of targets


#: After a number: a size class (5万吨级, 千万千瓦级), or the noun of a counted item and its
#: count (过50亿元项目5个以上, 10亿元以上制造业项目不少于10个), or a project named with its
#: capacity (1万吨进口牛肉加工项目).
_CLASS_AFTER = lazy(r"^级")
_COUNT_AFTER = lazy(rf"^(?:以上|以下|左右)?的?[^，,；;、。和及与]{{1,12}}?(?:不少于|不低于|超过|达到|达)?\d+(?:\.\d+)?"
                    rf"(?:{'|'.join(COUNT_MEASURES)}|%)")
_NAMED_PROJECT_AFTER = lazy(r"^[^，,；;、。和及与]{1,12}?(?:项目|工程|生产线)(?:[，,；;。、]|$)")
#: …in a list of named projects (中源钛业4万吨钛合金新材料、某某采选工程等项目开工建设).
_LISTED_PROJECT_AFTER = lazy(r"^[^，,；;。、和及与0-9]{1,14}?(?:[、和及与][^，,；;。]{0,40}?)?等[^，,；;。、]{0,24}?(?:项目|工程)")
#: …or a plant's yearly output before its project (年产50万吨二氧化碳捕集利用项目).
_PLANT_AFTER = lazy(r"^[^，,；;。]{1,30}?(?:项目|装置|生产线|工程)")
#: A count right before an amount (1个500亿元产值园区): the amount sizes what is counted.
_COUNT_BEFORE = lazy(rf"\d(?:{'|'.join(COUNT_MEASURES)})$")
_CJK_START = lazy(r"^的?[\u4e00-\u9fff]{2}")
_PROJECT_AFTER = lazy(r"^的?[^，,；;。、0-9]{0,8}?(?:项目|企业|工程)")


def _size(m: re.Match[str], before: str, after: str) -> bool:
    """TG14: a size that qualifies what is counted or named, not a target of its own."""
    unit = m["unit"]
    if _CLASS_AFTER.match(after):
        return True
    if unit in ("人", "户") and m["post"] in ("以上", "以下") and before.rstrip().endswith("在") \
            and _CJK_START.match(after):
        return True  # 在800人以上安置点建立…: the population of the places named
    if unit in MONEY_UNITS or unit in CAPACITY_MEASURES:
        if _COUNT_AFTER.match(after) or _COUNT_BEFORE.search(before):
            return True  # 过50亿元项目5个以上, 300亩左右集中连片土地流转率45%, 1个500亿元产值园区
        if unit in MONEY_UNITS and m["post"] in ("以上", "以下") and _PROJECT_AFTER.match(after):
            return True  # 总投资10亿元以上重大项目 (the class of the projects)
    return unit in CAPACITY_MEASURES and (_NAMED_PROJECT_AFTER.match(after) is not None
                                          or _LISTED_PROJECT_AFTER.match(after) is not None
                                          or before.endswith("年产") and _PLANT_AFTER.match(after) is not None)


#: A share that splits an amount (20%用于基层医疗卫生机构统筹): an allocation, not a target.
_ALLOCATED = lazy(r"^(?:的?部分)?(?:用于|用作|留作|划归|拨付给|返还)")


def _allocation(m: re.Match[str], before: str, after: str) -> bool:
    """TG15: a share or amount followed by 用于…: how a fund or a fee is split."""
    return after[:1] in "用留划拨返的部" and _ALLOCATED.match(after) is not None


#: The words after a count of a session (十五届94次常务会议, 第3次全体会议): an ordinal, not a count.
_SESSION_AFTER = lazy(r"^[\u4e00-\u9fff]{0,4}?(?:会议|全会|大会|常委会)")


def _session(m: re.Match[str], before: str, after: str) -> bool:
    """TG35: the number of a meeting in its term's series (十五届94次常务会议审议通过) names it."""
    return m["unit"] == "次" and before.rstrip().endswith("届") and _SESSION_AFTER.match(after) is not None


def _campaign(m: re.Match[str], before: str, after: str) -> bool:
    """TG36: a bare magnitude in a campaign's name (…进万家活动, 送法入千家): part of the name."""
    return m["num"] in _BARE_MAGNITUDES and not m["mag"] and before.endswith(("进", "入"))


_IDIOM_REACH = max(map(len, NUMERAL_IDIOMS))


def _idiom(m: re.Match[str], before: str, after: str) -> bool:
    """TG50: a numeral inside a set phrase (将分散的千家万户联合起来, 千方百计, 四面八方) counts nothing."""
    if m["num"][0].isdigit():
        return False
    lead = before[-_IDIOM_REACH:]
    window = lead + m.group() + after[:_IDIOM_REACH]
    at = len(lead)
    for idiom in NUMERAL_IDIOMS:
        i = window.find(idiom)
        while i != -1:
            if i <= at < i + len(idiom):
                return True
            i = window.find(idiom, i + 1)
    return False


#: The length of a procedure's step (公示期为5个工作日, 经公示7天, 征求意见时间：30天) or of an event
#: (活动为期7天, 会议历时2小时): 公示 / 公告 / 征求意见 alone, the other steps with 期 / 时间.
_STEP_ALONE = ("公示", "公告", "征求意见")
_PERIOD_BEFORE = lazy(rf"(?:(?:{'|'.join(_STEP_ALONE)})(?:期限?|时间|时长)?|(?:{'|'.join(PROCEDURE_STEPS)})(?:期限?|时间|时长)"
                      rf"|{'|'.join(PERIOD_WORDS)})\s*(?:为|是|共计|共|计|[:：])?\s*(?:不少于|不超过|不得少于|至少)?$"
                      # a time limit stated, not cut (鉴定期限一般为30个工作日; 办理时限缩短到3个工作日 is a target)
                      r"|(?:期限|时限|(?:培训|会议|活动|展会|论坛)(?:时间|时长))(?:一般|原则上)?(?:为|是|[:：])$")


def _period(m: re.Match[str], before: str, after: str) -> bool:
    """TG41: the length of a procedure's step or of an event: a period, not a target."""
    return m["unit"] in DURATIONS and _PERIOD_BEFORE.search(before.rstrip()) is not None


#: Service hours (7×24小时服务, 24小时服务热线, 24小时在线客服): when a service is open, not a target.
_HOURS_AFTER = lazy(r"^(?:不间断|全天候|全天)?(?:服务|热线|客服|在线|值班|值守|咨询|接听|响应|开放|畅通|营业|受理|QQ|微信)")


def _service_hours(m: re.Match[str], before: str, after: str) -> bool:
    """TG42: service hours (7×24小时, 24小时服务QQ): the hours a service is open."""
    return m["unit"] == "小时" and (before.rstrip().endswith(("×", "x", "X", "*", "＊")) or _HOURS_AFTER.match(after) is not None)


#: The make-up of a body: 由29个成员单位组成 / 由5名专家构成; 成员单位共23个; 联席会议设办公室1个,
#: 领导小组下设3个工作组. (组建由50名专家组成的服务团 builds: a target.)
_MADE_OF = lazy(r"^[^，,；;。]{0,16}?(?:组成|构成)")
_MEMBERS = lazy(rf"^(?:[^，,；;]{{0,12}}?(?:{'|'.join(BODIES)}))?(?:{'|'.join(MEMBER_WORDS)})(?:共有|共|总数为|为|有|计)?$")
_BODY_SETS = lazy(rf"^[^，,；;]{{0,12}}?(?:{'|'.join(BODIES)})(?:共设|下设|设立|设|配备)[^，,；;0-9]{{0,10}}$")
_PART_MEASURES = ("个", "名", "人", "位", "家", "组")


def _composition(m: re.Match[str], before: str, after: str) -> bool:
    """TG43: a count of who or what makes up a body (联席会议由29个成员单位组成): scope, not a target."""
    b = before.strip()
    if (cut := b.rfind("由")) >= 0 and _MADE_OF.match(after) is not None:
        built = _BUILDS.search(b[:cut]) is not None
        return not (built and re.match(r"^[^，,；;。]{0,16}?(?:组成|构成)的", after))
    if m["unit"] not in _PART_MEASURES:
        return False
    return _MEMBERS.match(b) is not None or _BODY_SETS.match(b) is not None


#: A sentence that states a procedure's period (公示期为2024年3月1日至7日，共5个工作日 / 征求意见时间：…，共30天).
_PERIOD_SENTENCE = lazy(rf"^[^，,；;。]{{0,10}}?(?:{'|'.join(PROCEDURE_STEPS)})(?:期限?|时间|时长|日期)(?:为|是|自|从|[:：])")
#: A sentence that describes the make-up of a body or an organ (内设6个处室, 核定行政编制32名，其中局长1名;
#: 联席会议由29个成员单位组成), unless it builds or sets a goal.
_MAKEUP_SENTENCE = lazy(rf"^(?!.*(?:力争|确保|争取|到{YEAR}|达到|建成|培育|新增|组建|成立|建立|打造))"
                        r".*(?:内设|下设|下属|核定[^，,。；;]{0,6}编制|由[^，,。；;]{0,30}?(?:组成|构成)"
                        rf"|(?:{'|'.join(MEMBER_WORDS)})(?:共有|共|为|有)\d)")
_MAKEUP_HINT = lazy(rf"内设|下设|下属|编制|组成|构成|{'|'.join(MEMBER_WORDS)}")
#: A sentence that tallies this round or this event (本次入选项目共12个, 本次会议共设12个分会场, 此次活动共吸引…).
_ROUND_SENTENCE = lazy(r"^(?:本次|此次|本届|本批|该批|这次|这批)[^，,；;。]{0,12}?(?:会议|活动|论坛|培训|大会|宣传周|评选|评审|认定|公示|"
                       r"入选|申报|推荐|名单|共)")


#: The base of a change (授权周期由22个月压缩至16个月, 由20家增加到50家): the value it starts from.
_FROM_END = ("由", "从")
_CHANGE_TO = lazy(r"^(?:以上|左右)?[^，,；;。0-9]{0,4}?(?:压缩|压减|缩短|缩减|降低|下降|减少|提高|提升|增加|增长|扩大|降|增|提)(?:至|到|为)")
_FROM_BASE = lazy(rf"(?:由|从)(?:约|近)?(?:\d+(?:\.\d+)?|[〇零{CN_QUANTITY_CLASS}]+)[^，,；;由从0-9]{{0,6}}$")


def _base(m: re.Match[str], before: str, after: str) -> bool:
    """TG46: the value a change starts from (由22个月压缩至16个月 → only 16个月 is the target)."""
    return before.rstrip().endswith(_FROM_END) and _CHANGE_TO.match(after) is not None


#: News of what was done (TG48): a span up to now, or a tally of an event, in a sentence that commits to nothing.
_SINCE = lazy(rf"(?:今年|年初|去年|近年|近[{CN_COUNT_CLASS}]年|{YEAR}年|自[^，,。；;]{{1,20}}?|运行|成立|实施|开展)以来")
_TALLY = lazy(r"(?<![公总一合社])共(?:组织|举办|开展|发放|接待|吸引|受理|办理|培训|走访|签约|征集|收到|达成|设置|有|评选|评出|遴选|选出|"
              r"认定|产生|推荐)")
_COMMITS_TO = lazy(r"力争|确保|争取|计划|预计|目标|将|要|不少于|不低于|以上")


def _news_tally(text: str, r: _Rules) -> str | None:
    """TG48: the words of a sentence that reports what was done (今年以来 / 共举办), or None."""
    if "以来" not in text and "共" not in text:
        return None  # the common case, tested cheaply
    m = (_SINCE.search(text) if "以来" in text else None) or (_TALLY.search(text) if "共" in text else None)
    return m.group() if m and not _COMMITS_TO.search(text) else None


#: Words that make a sentence look ahead (TG52/TG53 set no sentence aside that holds one).
_LOOKS_AHEAD = lazy(rf"每年|年均|每批|(?:到|至){YEAR}|力争|确保|争取|计划|预计|预期|今后|未来|逐步|将|(?<![重主需必])要(?!求|点|素|闻|件)")
#: The entries a list notice names as chosen (经…复核，确定1105件…、285件…列入首批…名单; 同意…10个城市为试点城市,
#: 现予公布): counted to say what was chosen, scope (TG52).
_CHOSEN = lazy(rf"(?:确定|认定|评定|遴选|同意|命名|批准|选定|评选出|遴选出|选出)[^。；;]{{0,60}}?(?:\d|[{CN_QUANTITY_CLASS}])"
               r"[^。；;]{0,120}?(?:为|列入|入选|纳入|作为)")
_CHOSEN_DECIDED = lazy(r"名单|名录|现予|予以(?:公布|公告|命名|通报|认定|确认)|^经[^，,。；;]{2,60}[，,]")


def _chosen_entries(text: str, r: _Rules) -> str | None:
    """TG52: the words of a sentence that names the entries chosen by a list notice, or None."""
    if not any(v in text for v in ("确定", "认定", "评定", "遴选", "同意", "命名", "批准", "选定", "选出")):
        return None
    m = _CHOSEN.search(text)
    if m is None or not _CHOSEN_DECIDED.search(text) or _LOOKS_AHEAD.search(text):
        return None
    return m.group()[:6]


#: A goal reached or a result achieved, told as done (顺利完成了“十三五”时期的工作目标, 取得了历史性成就):
#: the numbers beside it report the past (TG53).
_ACHIEVED = lazy(r"(?:完成|实现)了[^。；;，,]{0,30}?(?:目标|任务)|(?:取得|获得)了[^。；;，,]{0,12}?(?:成就|成效|成绩|进展|进步|突破)")


def _achieved(text: str, r: _Rules) -> str | None:
    """TG53: the words of a sentence that reports goals reached and results achieved, or None."""
    if "了" not in text:
        return None
    m = _ACHIEVED.search(text)
    return m.group() if m and not _LOOKS_AHEAD.search(text) else None


#: The terms of a call for applications or a meeting (TG49), and the words one of which each holds.
_CALL_TERMS = lazy(r"(?:推荐|申报|限报|报送|参会|参训|与会|报名)(?:名额|数量|项目|人数|人员)?(?:原则上)?(?:不超过|不得超过|最多|限)"
                   r"|限报|限推荐|限额推荐|(?:会议|培训|活动|论坛|班)规模(?!以上)|(?:应当|应|须|必须)(?:具备|具有|拥有)"
                   r"|减缴|减免|缓缴|免缴|费减")
_CALL_HINTS = ("推荐", "申报", "限报", "报送", "参会", "参训", "与会", "报名", "规模", "具备", "具有", "拥有", "减", "缓缴", "免缴")


def _call_terms(text: str, r: _Rules) -> str | None:
    """TG49: the words of a clause that states the terms of a call or a meeting, or None."""
    if not any(h in text for h in _CALL_HINTS):
        return None
    return _cue(_CALL_TERMS, text)


#: A bound and a value that qualify a group (收入高于8000元低于10000元的脱贫人口, 不足50人的村).
_THRESHOLD_BEFORE = lazy(r"(?:(?<!不)高于|(?<!不)低于|不足|不到|(?<!不)少于)$")
_THRESHOLD_AFTER = lazy(r"^(?:以上|以下)?(?:(?:高于|低于|不足|不到)\d[\d.]*[^\d的，,；;]{0,3})?的")


def _threshold(m: re.Match[str], before: str, after: str) -> bool:
    """TG37: an amount with a bound before 的 and a noun describes who or what qualifies (人均纯收入
    高于8000元低于10000元的脱贫人口): a threshold, not a target (a share, 50%以上的企业, stays one)."""
    return m["unit"] not in RATE_UNITS and m["unit"] != "％" and _THRESHOLD_BEFORE.search(before.rstrip()) is not None \
        and _THRESHOLD_AFTER.match(after) is not None


#: A clause that only points at what exists (针对…的2034种商品, 依托3个园区, 发挥8个基地作用): no
#: verb of its own, so its counts are scope.
_POINTING = lazy(r"^(?:针对|依托|借助)|^(?:充分)?发挥[^，,；;]*作用$")


def _pointing(text: str, r: _Rules) -> str | None:
    """TG34: the words of a clause that only points at existing things, or None."""
    m = _POINTING.search(text)
    if not m or _BUILDS.search(text) or any(v in text for v in (*r.lex.verbs, *r.lex.keep_verbs)):
        return None
    return m.group()[:4]


def _op_of(before: str, post: str | None, r: _Rules) -> str:
    """A quantity's operator: 左右 after it wins (控制在103左右 → ~), then the words before it
    (不少于), then the bound after it (以上), else =."""
    after = r.ops_after.get(post or "")
    if after == "~":
        return after
    return _op_before(before, r) or after or "="


def _op_before(before: str, r: _Rules) -> str | None:
    """The operator written right before a number (不少于5件), else what the "op" rules find."""
    b = before.rstrip()
    if not b.endswith(r.op_words):  # one C call settles the common case
        return next((op for rule in _BY_LEVEL["op"] if rule.code not in _OFF and (op := rule.find(b, r))), None)
    for word, op in r.ops_before:
        if b.endswith(word):
            return op
    return None


def _op_before_verb(before: str, r: _Rules) -> str | None:
    """TG19: an operator written before the verb of its number (至少建设一所 → ≥)."""
    m = _TRAILING_VERB.search(before)
    if not m or m.group() not in r.lex.verbs and m.group() not in _OBJECT_VERBS:
        return None
    b = before[: m.start()].rstrip()
    return next((op for word, op in r.ops_before if b.endswith(word)), None) if b.endswith(r.op_words) else None


_TRAILING_VERB = lazy(r"[\u4e00-\u9fff]{2}$")


_NOUN_STOP = lazy(r"[(（]")
#: Verbs that make "1 个" a goal (建成1个…中心); without one, a single item is procedure.
_BUILDS = lazy(r"建|培育|打造|设立|设置|新增|引进|创|形成|组建|达到|实现|认定|发表|完成|撰写|开设")
_JOINER_END = lazy(r"(?:和|及|与|以及|、)$")
_GENERIC_AFTER = lazy(r"^(?:基础上|基础|水平|规模|目标|标准|并|且)")  # …三篇并在期刊发表: 并 starts a new verb

#: "较2020年增长…" / "比上年增加…": the comparison base written before a growth target's number.
_COMPARISON = lazy(rf"较|比(?=上年|去年|上一年|前一年|{YEAR}|基期|同期|增)")  # 比增 is 比上年增长
_COMPARED_TO = lazy(rf"(?:{_COMPARISON.pattern}).{{0,15}}$")
#: Units of a rate: a growth needs one of them, or a comparison (比上年增加1800亿元).
RATE_UNITS = ("%", "百分点", "倍")
#: Bound words right after a number (15件以上的企业): not part of the noun that follows.
_BOUND_WORD = lazy(r"^(?:及以上|以上|以下|以内|左右)")
#: Hedges ending the subject of a "分别" clause, and the joiners of its list.
_HEDGE_END = lazy(r"(?:原则上|力争|均)$")
_LIST_JOINER = lazy(r"[、和及与]")
_LEAD_IN = lazy(r"[：:]")
#: The capacity someone acts in, before the verb (以第一作者身份 / 以企业名义): not what is measured.
_CAPACITY_AS = lazy(r"以[^，,、]{1,10}?(?:的)?(?:身份|名义)")

#: "A、B等平台建设C": what is counted is the object of the verb after 等….
_AFTER_ETC = lazy(rf"等[{CJK}]{{0,6}}?(?:建设|建成|培育|打造|设立|创建|开展|实施|新建)")


def _strip_before(before: str, r: _Rules) -> str:
    """The indicator written before its number: drop operator words, base, scope, verbs."""
    s = before.strip(" ，,、")
    if "：" in s or ":" in s:  # 主要预期目标是：国内生产总值增长5%: the lead-in names no indicator
        s = _LEAD_IN.split(s)[-1]
    if "以" in s:
        s = _CAPACITY_AS.sub("", s)  # 以第一作者的身份完成医学论文 → 完成医学论文 (then the verb goes)
    predicate = s.endswith(tuple(r.lex.predicates))
    for _ in range(6):
        prev = s
        s = r.trailing.sub("", s).strip()
        s = _COMPARED_TO.sub("", s).strip() if ("较" in s or "比" in s) and _COMPARISON.search(s) else s
        if s == prev:
            break
    if "由" in s or "从" in s:
        s = _FROM_BASE.sub("", s)  # 授权周期由22个月(压缩至): the base is no part of the indicator
    if (m := _AFTER_ETC.search(s)) and m.end() < len(s):
        s = s[m.end() :]
    if s.startswith(_PREPOSITIONS) and (m := _verb_after().search(s)) and m.end() < len(s):
        s = s[m.end() :]  # 针对重点产业建成专利导航基地 → 专利导航基地
    # A verb before 的 with a predicate after the subject belongs to the subject.
    return strip_lead(s, r, verbs=not (predicate and "的" in s))


#: Prepositions whose phrase may open the text before a number, up to the verb (针对重点产业建成…).
_PREPOSITIONS = ("针对", "围绕", "依托", "面向", "聚焦", "立足", "借助")


@functools.cache
def _verb_after() -> re.Pattern[str]:
    return re.compile(rf"^[^，,、]{{1,16}}?(?:{_alt(rules().lex.verbs)})")


def strip_lead(s: str, r: _Rules, verbs: bool = True) -> str:
    s = unspace(s).strip(" ，,、的")
    if "即" in s and (code := _CODE_NAME.match(s)) and code.end() < len(s):
        s = s[code.end() :]  # “3个1000”即在建项目 → 在建项目: a coded goal's name, then what it is
    for _ in range(8):
        prev = s
        m = r.scope.match(s)
        if m and m.end() < len(s):
            s = s[m.end() :].lstrip("，,、 ")
        if verbs:
            s = words.strip_leading_verb(s, r.lex.verbs, r.lex.keep_verbs)
            if s != prev and s[:1] in "和及并" and s[1:3] in _JOINED_VERBS:
                s = s[3:]  # 新建和提升农村户厕 → 农村户厕 (not 建设和美乡村)
        if s.startswith("、"):
            s = s[1:]
        if s == prev:
            break
    return s.strip(" ，,、")


#: A coded goal's name before 即 ("3个1000"即…, “7个100”即…).
_CODE_NAME = lazy(r"^[^，,]{0,12}?[”\"」]\s*即")
#: Verbs joined to the verb before them by 和/及/并 (新建和提升, 改造及提升).
_JOINED_VERBS = ("提升", "改造", "改建", "扩建", "新建", "建设", "完善", "提高", "修复", "整治")


def indicator_name(text: str) -> str:
    """An indicator as printed (a table's 发明专利拥有量), without scope words and verbs."""
    return strip_lead(text, rules())


def kind_of(clause_before: str, unit: str, r: _Rules | None = None) -> str:
    """by_year, annual, cumulative or growth, from the words before the number."""
    r = r or rules()
    for kind, pattern in r.kinds:
        if not pattern.search(clause_before):
            continue
        if kind == "growth" and not (unit in RATE_UNITS or _COMPARISON.search(clause_before)):
            continue
        return kind
    return "by_year"


_DATE_TAIL = ("月", "日", "号", "-", "/", ".")


def _milestones(after: str) -> tuple[list[tuple[int, Decimal]], str]:
    """Milestones in a bracket right after the value, and the text after that bracket."""
    a = after.lstrip()
    if not a or a[0] not in "(（":
        return [], after
    close = next((i for i, ch in enumerate(a) if ch in ")）"), -1)
    if close < 0:
        return [], after
    inner = a[1:close]
    found = [(int(m["y"]), Decimal(m["v"])) for m in MILESTONE.finditer(inner)
             if inner[m.end() : m.end() + 1] not in _DATE_TAIL]  # (2024年1月4日至…) is a date, no milestone
    if not found:
        return [], after
    return [(y, v) for y, v in found if plausible_value(v)], a[close + 1 :]


@dataclass
class _Read:
    """One target as TG01 read it in a clause, with where it was found (for the "reading" rules)."""

    target: TargetRef
    q: _Quantity
    item: tuple[int, int]  # the list item (depth-0 、 span) holding the number
    noun_after: str  # the noun after the number, when the indicator came from it ("" otherwise)


@dataclass
class _Context:
    """What a "reading" rule sees: the clause, the clauses of its sentence before it (the last
    few, joined by "，"), the targets read in the clause and those of the paragraph before it."""

    clause: str
    head: str
    reads: list[_Read]
    before: list[TargetRef]


def clause_targets(clause: str, year: int | None, section: str | None, line: int,
                   name: str | None = None, default: str | None = None, head: str = "",
                   before_targets: list[TargetRef] | None = None) -> list[TargetRef]:
    """Targets of one clause (no ，；。 at depth 0 inside), completed by the "reading" rules."""
    if not may_hold_quantity(clause):
        return []
    r = rules()
    quantities = _quantities(clause, r)
    if not quantities:
        return []
    if len(quantities) >= 2:
        for rule in _BY_LEVEL["list"]:
            if rule.code not in _OFF and (dist := rule.find(clause, quantities, year, section, line, r)):
                return dist
    reads: list[_Read] = []
    groups = _list_groups(clause, quantities)
    for a, b in groups:
        seg_q = [q for q in quantities if a <= q.start < b]
        for i, q in enumerate(seg_q):
            before = clause[max(a, seg_q[i - 1].end) if i else a : q.start]  # never across another number
            milestones, after = _milestones(clause[q.end : b])
            nxt = next((o for o in seg_q if o.start > q.start), None)
            if nxt is not None:  # 50所A和150个B: the noun runs to the next number
                after = _JOINER_END.sub("", clause[q.end : nxt.start])
            noun_after = _BOUND_WORD.sub("", after.strip(" 的")).strip(" 的")
            if (cut := _NOUN_STOP.search(noun_after, 1)) is not None:
                inner = noun_after[cut.start() + 1 : matching_close(noun_after, cut.start())]
                if len(inner) > 8 or re.search(r"[0-9，,、；;]", inner):
                    noun_after = noun_after[: cut.start()]  # 30%的号源（其中专家号源不低于30%）给…: an aside ends the noun
            if noun_after[:1] in "(（" and _cjk_len(rest := noun_after[matching_close(noun_after, 0) + 1 :]) >= 2:
                noun_after = rest.strip(" 的")  # 2400户（累计约3600户）大中型餐饮单位: the noun after the aside
            if noun_after[:1] in "(（" or _GENERIC_AFTER.match(noun_after) or _VERB_ONLY.fullmatch(noun_after):
                noun_after = ""  # 1篇（不少于2万字）, 12000元的基础上, 按3%安排: the noun is before
            if _cjk_len(noun_after) >= 2 and (q is seg_q[-1] or nxt is not None):
                indicator = strip_lead(noun_after, r)  # number before the noun: 建成30家…基地
            else:
                noun_after = ""
                indicator = _strip_before(before, r)  # number after the noun: …拥有量达到15件
            dated = bool(_YEAR_ONLY.fullmatch(indicator))
            if dated:
                indicator = ""  # 到2025年达12件: the indicator is the clause before's, or the target before's
            indicator = name or indicator or ("" if _COMPARISON.search(before) else default) or ""
            if not indicator and not dated and not _COMPARISON.search(before):
                continue  # (比上年增加1.1万亿元: the indicator of the target before, see TG24)
            if q.value == 1 and q.op == "=" and not name and not _BUILDS.search(clause[: q.start]) \
                    and noun_after:
                continue  # 选择1所, 赋予1个随机号码, 各派1名代表: one of something, not a goal
            reads.append(_Read(TargetRef(
                section=section, indicator=indicator, value=q.value, value_max=q.value_max, unit=q.unit,
                op=q.op, year=year, kind=kind_of(clause[: q.start], q.unit, r),
                text=clause[a:b].strip(" 、") if len(groups) > 1 else clause,  # the shortest span: its list item
                milestones=milestones, line=line,
            ), q, (a, b), noun_after))
    if not reads:
        return []
    ctx = _Context(clause, head, reads, before_targets or [])
    for rule in _BY_LEVEL["reading"]:
        if rule.code not in _OFF:
            rule.find(ctx, r)
    return [x.target for x in ctx.reads]


#: How many clauses before a clause the "reading" rules see (…发行超长期特别国债，专项用于…，今年先发行).
_HEAD_CLAUSES = 3
#: Codes of "reading" rules switched off (only while a rule's examples are checked: see
#: _target_gives; empty when parsing).
_OFF: set[str] = set()
#: A verb alone after a number is no noun (赤字率拟按3%安排).
_VERB_ONLY = lazy(r"安排|执行|实施|推进|落实|进行")


def _shared_op(ctx: _Context, r: _Rules) -> None:
    """TG20: an operator before the first of coordinated objects applies to each
    (不少于60个半天的跟师笔记和20份医案 → both ≥)."""
    if len(ctx.reads) < 2:
        return
    for prev, cur in zip(ctx.reads, ctx.reads[1:]):
        if cur.target.op != "=" or prev.target.op == "=" or prev.q.op != _op_before(ctx.clause[: prev.q.start], r):
            continue  # the operator must be written before the first number, not after it (5件以上)
        between = ctx.clause[prev.q.end : cur.q.start]
        if _COORDINATED.search(between) and not _CLAUSE_BREAK.search(between):
            cur.target.op = prev.target.op


_COORDINATED = lazy(r"(?:和|及|以及|与|、)$")
_CLAUSE_BREAK = lazy(r"[，,；;。]")


def _shared_value(ctx: _Context, r: _Rules) -> None:
    """TG21: a value shared by coordinated subjects (A、B均达到75%以上): one target for each."""
    if "均" not in ctx.clause and "都" not in ctx.clause:
        return
    out: list[_Read] = []
    for x in ctx.reads:
        before = ctx.clause[x.item[0] : x.q.start]
        if x.noun_after or not _EACH.search(before):
            out.append(x)
            continue
        subject = before[: _EACH.search(before).start()]
        names = [strip_lead(n, r) for n in split_top(subject, "、") if n.strip()]
        last = names[-1] if names else ""
        names = [n + last[len(n) :] if len(n) <= 3 and len(last) > len(n) + 2 else n for n in names[:-1]] + names[-1:]
        # (国考、省考断面水质优良率: a short name shares the head of the last one)
        if len(names) < 2:
            out.append(x)
            continue
        for n in names:
            t = TargetRef(**{**x.target.__dict__, "indicator": n, "milestones": list(x.target.milestones)})
            out.append(_Read(t, x.q, x.item, ""))
    ctx.reads[:] = out


_EACH = lazy(r"(?:均|都)(?:要|应|将)?(?:同比|比上年)?(?:达到|达|不低于|不少于|保持在|稳定在|维持在|保持|超过|在|增长|提高|提升|下降|降低)?$")


def _modifier_head(ctx: _Context, r: _Rules) -> None:
    """TG22: an item naming only a grade takes the head noun of the next item
    (1家五星级、3家四星级旅游饭店 → 五星级旅游饭店)."""
    if len(ctx.reads) < 2:
        return
    for cur, nxt in zip(ctx.reads, ctx.reads[1:]):
        m = _GRADE.fullmatch(cur.noun_after)
        n = _GRADE_HEAD.match(nxt.noun_after)
        if m and n and n["head"]:
            cur.target.indicator = cur.noun_after + n["head"]


_GRADE = lazy(r"[^，,、]{1,6}(?:星级|级|型|类)")
_GRADE_HEAD = lazy(r"[^，,、]{0,5}?(?:星级|级|型|类)(?P<head>[^，,、]{2,})")


def _noun_to_verb(ctx: _Context, r: _Rules) -> None:
    """TG23: the noun between two numbers ends at a verb (千家企业参加百个以上展会 → 企业)."""
    if len(ctx.reads) < 2:
        return
    for x, nxt in zip(ctx.reads, ctx.reads[1:]):
        if nxt.item != x.item or not x.noun_after:
            continue  # 50%以上企业开展信息利用: with no number after it the noun keeps its verb
        if m := _LINK_VERB.search(x.noun_after, 1):
            x.target.indicator = strip_lead(x.noun_after[: m.start()], r) or x.target.indicator


_LINK_VERB = lazy(r"参加|参与|入驻|进入|入选|纳入|通过|获得|获评|开展|实施|享受|使用")


def _compared(ctx: _Context, r: _Rules) -> None:
    """TG24: a change against a base (比上年增加1.1万亿元) measures the indicator of the
    target before it; growth."""
    if "比" not in ctx.clause and "较" not in ctx.clause:
        return
    for i, x in enumerate(ctx.reads):
        before = ctx.clause[x.item[0] : x.q.start]
        if x.target.indicator or not _COMPARISON.search(before):
            continue
        earlier = [y.target for y in ctx.reads[:i] if y.target.indicator] or ctx.before
        if earlier:
            x.target.indicator = earlier[-1].indicator
            x.target.kind = "growth"


def _verb_object(ctx: _Context, r: _Rules) -> None:
    """TG25: an indicator that is only a verb takes the object of the same verb earlier in
    the sentence (…发行超长期特别国债…，今年先发行1万亿元 → 超长期特别国债)."""
    for x in ctx.reads:
        verb = _LONE_VERB.fullmatch(x.target.indicator)
        if not verb or verb["v"] not in r.lex.verbs and verb["v"] not in _OBJECT_VERBS:
            continue
        m = None
        for m in re.finditer(re.escape(verb["v"]) + r"(?P<o>[^，,；;。、0-9]{2,16})", ctx.head):
            pass
        if m:
            x.target.indicator = strip_lead(m["o"], r)


_LONE_VERB = lazy(r"(?:今年|明年|全年|年内)?(?:先|再|又|拟|将|要|还)?(?P<v>[\u4e00-\u9fff]{2})")
#: Verbs whose object is what is measured, besides those of data/targets.yaml.
_OBJECT_VERBS = ("发行", "安排", "发放", "投入", "筹集", "争取", "开设", "设置", "保留", "配备")


def _shortened(ctx: _Context, r: _Rules) -> None:
    """TG30: a shortened indicator (a grade and a head noun: 市级基地, 省网点) is completed from
    the target before it, which names the same head at another grade (省级商业秘密保护基地100个、
    市级基地200个 → 市级商业秘密保护基地)."""
    for i, x in enumerate(ctx.reads):
        m = _SHORT.fullmatch(x.target.indicator)
        if not m:
            continue
        earlier = [y.target for y in ctx.reads[:i]] or ctx.before[-1:]
        for t in reversed(earlier):
            g = _GRADED.match(t.indicator)
            if g and g["grade"] != m["grade"] and t.indicator.endswith(m["head"]) and len(g["rest"]) > len(m["head"]):
                x.target.indicator = m["grade"] + g["rest"]
                break


_GRADES = r"国家级|国家|全国|省级|省|市级|市|县级|县|区级|区|乡镇级|地方"
_SHORT = lazy(rf"(?P<grade>{_GRADES})(?P<head>[\u4e00-\u9fff]{{1,3}})")
_GRADED = lazy(rf"(?P<grade>{_GRADES})(?P<rest>[^，,、]+)")


def _span_total(ctx: _Context, r: _Rules) -> None:
    """TG28: a total over a stated span of years (三年建设…1000个, 利用3-5年时间…约1000名,
    五年内新增) is cumulative and has no due year of its own."""
    if "年" not in ctx.head and "年" not in ctx.clause:
        return
    # A span in a clause before spans the clauses after it, unless that clause counts its own
    # total (用3年时间打造村镇30个，新建学校6所: the schools are no total over the span).
    spanning = next((not _quantities(c, r) for c in reversed(ctx.head.split("，")) if _SPAN.search(c)), False)
    for x in ctx.reads:
        if spanning or _SPAN.search(ctx.clause[: x.q.start]):
            x.target.kind = "cumulative"
            x.target.year = None
            if (lead := _SPAN.match(x.target.indicator)) and lead.end() < len(x.target.indicator):
                x.target.indicator = strip_lead(x.target.indicator[lead.end() :], r)  # 三年建设美丽村庄


_SPAN = lazy(rf"(?<![每第前近0-9])(?:利用|用|经过)?(?:[0-9]{{1,2}}|[{CN_DIGIT_CLASS}十]{{1,2}})"
             rf"(?:[-—~～至到](?:[0-9]{{1,2}}|[{CN_DIGIT_CLASS}十]{{1,2}}))?年(?:左右)?(?:时间|内|里|建设|努力)")


def _annual_sentence(ctx: _Context, r: _Rules) -> None:
    """TG29: a clause without a verb of its own continues the clause before it, and so its
    每年 (每年推广应用工业机器人8000台以上，工业人工智能应用100个以上 → both annual)."""
    if "年" not in ctx.head:
        return
    last = ctx.head.rsplit("，", 1)[-1]
    if not _ANNUAL_IN.search(last) or _YEAR_IN.search(ctx.clause):
        return
    for x in ctx.reads:
        before = ctx.clause[x.item[0] : x.q.start].strip()
        rest = before[len(x.target.indicator) :] if before.startswith(x.target.indicator) else None
        if x.target.kind == "by_year" and not x.noun_after and (rest == "" or rest in r.op_words):
            x.target.kind = "annual"  # 工业人工智能应用100个以上; not …授权量达到1万件 (a predicate of its own)


_ANNUAL_IN = lazy(r"每年|年均")


def _list_groups(clause: str, quantities: list[_Quantity]) -> list[tuple[int, int]]:
    """Spans of list items at depth-0 、: an item without a number joins the item with
    a number before it (…单位、示范园区(基地)) or, at the start, the one after it."""
    mask = depth_mask(clause)
    bounds = [0] + [i + 1 for i, ch in enumerate(clause) if ch == "、" and not mask[i]] + [len(clause) + 1]
    groups: list[list[int]] = []
    pending: int | None = None
    for a, b in zip(bounds, bounds[1:]):
        has_q = any(a <= q.start < b - 1 for q in quantities)
        if has_q:
            groups.append([a if pending is None else pending, b - 1])
            pending = None
        elif groups:
            groups[-1][1] = b - 1
        elif pending is None:
            pending = a
    return [(a, min(b, len(clause))) for a, b in groups]


_CJK_CHAR = lazy(f"[{CJK}]")


def _cjk_len(s: str) -> int:
    return len(_CJK_CHAR.findall(s))


def _distributed(clause: str, qs: list[_Quantity], year: int | None, section: str | None, line: int,
                 r: _Rules) -> list[TargetRef]:
    """TG33: a list of subjects and a list of values ending the clause, one value per subject:
    "A、B和C…分别不超过5个、7个和6个", "省级、市级龙头企业2家、20家" (grades sharing a head),
    "城乡居民人均可支配收入分别增长8.5%和11%左右" (城乡 is 城镇 and 农村)."""
    if len(qs) < 2 or any(not _VALUE_JOIN.fullmatch(clause[a.end : b.start]) for a, b in zip(qs, qs[1:])) \
            or not _CLAUSE_REST.fullmatch(clause[qs[-1].end :]):
        return []
    subject, pred = clause[: qs[0].start], ""
    each = "分别" in subject
    if each:
        subject, pred = subject[: subject.index("分别")], subject[subject.index("分别") + 2 :]
    subject = _HEDGE_END.sub("", subject).strip()
    cuts = [m.end() for m in _LIST_JOINER.finditer(subject) if not depth_mask(subject)[m.start()]]
    parts = [p for p in (subject[a : b - 1 if b < len(subject) else b]
                         for a, b in zip([0, *cuts], [*cuts, len(subject)])) if p]
    n = len(qs)
    if each and len(parts) > n:  # 全省与其他国家货物贸易、对外投资和实际利用外资: 与 inside the first name
        parts = [subject[: subject.index(parts[-(n - 1)])].rstrip("、和及与")] + parts[-(n - 1) :]
    names: list[str] = []
    if len(parts) == 1 and n == 2:
        lead = strip_lead(parts[0], r)
        pair = next((p for w, p in PAIRED_SCOPES.items() if lead.startswith(w)), None)
        if pair is None:
            return []
        rest = lead[len(next(w for w in PAIRED_SCOPES if lead.startswith(w))) :]
        names = [pair[0] + rest, pair[1] + rest]
    elif len(parts) != n:
        return []
    elif all(_GRADE.fullmatch(strip_lead(p, r)) for p in parts[:-1]) and (g := _GRADE_HEAD.match(parts[-1])):
        names = [p + g["head"] for p in parts[:-1]] + [parts[-1]]  # 省级、市级龙头企业 → 省级龙头企业
    elif each:
        width = len(parts[0])
        head = parts[-1][width:]
        names = [p + head for p in parts[:-1]] + [parts[-1]]
    else:
        return []
    noun = _strip_before(pred, r) if pred else ""  # 分别占比达30%、20% → …占比
    shared = _op_before(clause[: qs[0].start], r) or (qs[-1].op if qs[-1].op in ("~", ">=", "<=") else None)
    kind = kind_of(clause[: qs[0].start], qs[0].unit, r)
    return [TargetRef(section, strip_lead(n_, r) + noun, q.value, q.value_max, q.unit,
                      shared if q.op == "=" and shared else q.op, year, kind, clause, [], line)
            for n_, q in zip(names, qs)]


#: What may stand between two values of a list (5个、7个和6个), and after the last one.
_VALUE_JOIN = lazy(r"\s*(?:[、和及与]|以及)\s*")
_CLAUSE_REST = lazy(r"\s*[)）]?\s*")


#: The subject of a clause: the words before its first verb-like word.
_SUBJECT = lazy(r"(?P<n>[^，,、]{2,20}?)(?:有|得到|进一步|不断|持续|更加|明显|显著|稳步)")


#: At most this many targets per document: past it a hostile document (a million numbered
#: target lines) stops costing time and memory; the api warns.
MAX_TARGETS = 10_000
#: A year inside a clause (not opening it): 2023年培训计划.
_YEAR_IN = lazy(rf"(?P<y>{YEAR})\s*年(?!\d)")
#: A place alone is not an indicator (全州达到5件: the indicator is the clause before's).
_PLACE_ONLY = lazy(rf"(?:全|我|本)[{CJK}]{{0,3}}?(?:省|市|县|区|州|旗|镇|乡)")
#: A growth predicate ending a clause whose value follows: 数量翻一番，达到14个.
_GROWTH_END = lazy(r"(?:实现|力争)?(?:翻一番|翻番|翻两番|(?:大幅|明显|显著|稳步|持续|较快|快速|不断|进一步)?"
                   r"(?:增长|提升|提高|增加|扩大|上升))$")
_BRACKETED = lazy(r"[(（][^()（）]*[)）]")
_YEAR_SPAN_IN = lazy(rf"{YEAR}\s*年?\s*[-—–~～至到]")
_YEAR_ONLY = lazy(rf"(?:到|至|于)?{YEAR}\s*年(?:底|末)?(?:前)?")
#: A target year stated in a provision of a law (到2025年): its numbers may be targets.
_TARGET_YEAR = lazy(rf"(?:到|至){YEAR}\s*年")


def paragraph_targets(text: str, year: int | None, section: str | None, line: int,
                      name: str | None = None, reading: Reading | None = None) -> tuple[list[TargetRef], int | None]:
    """Targets of a paragraph; returns them and the year context at its end. ``name`` is the
    indicator when the paragraph is an indicator table's goal cell; ``reading`` follows the
    review and forward parts of a report across paragraphs (see Reading)."""
    r = rules()
    out: list[TargetRef] = []
    if reading is not None and (reading.past or _REVIEW_HINT.search(text)
                                or reading.review_year is not None and _FORWARD_HINT.search(text)):
        return _reading_paragraph(text, year, section, line, name, reading)
    if not may_hold_quantity(text):  # most paragraphs: nothing to do
        m = YEAR_PHRASE.match(text)
        return out, (int(m["y"]) if m else year)
    for sentence in sentences(text):
        if not may_hold_quantity(sentence):  # no quantity and no year phrase (it needs digits)
            continue
        prev_clause, prev_found = "", False
        earlier: list[str] = []  # the clauses of the sentence before this one
        skip = no_target_sentence(sentence)
        for clause in _clauses(sentence):
            m = YEAR_PHRASE.match(clause) if "年" in clause else None
            clause_year = year
            if m:
                clause_year = int(m["y"])
                year = clause_year
                rest = clause[m.end() :].lstrip("，, ")
                if not rest:
                    continue
            elif "年" in clause:
                bare = _BRACKETED.sub("", clause)  # milestones in brackets date only themselves
                ym = _YEAR_IN.search(bare)  # 2023年培训计划，培养…: a year earlier in the sentence
                if ym and not _YEAR_SPAN_IN.search(bare):
                    year = int(ym["y"])
            quantity = may_hold_quantity(clause)
            if not quantity and not prev_found:
                pass  # no target, and what follows the clause stays as it was: no rule to run
            elif not skip and not any(rule.find(clause, r) for rule in _BY_LEVEL["clause"]):
                # 数量翻一番，达到14个: the subject of a clause without a number of its own
                default = _strip_before(_GROWTH_END.sub("", prev_clause), r) \
                    if quantity and prev_clause and not prev_found else None
                head = "，".join(earlier[-_HEAD_CLAUSES:])
                found = clause_targets(clause, clause_year, section, line, name, default or None, head, out)
                for aside, source in (a for rule in _BY_LEVEL["aside"] if rule.code not in _OFF
                                      for a in rule.find(clause)):
                    own = found[-1].indicator if found else None  # 2400户（累计约3600户）: the same indicator
                    more = clause_targets(aside, clause_year, section, line, None, own, head, out + found)
                    for t in more:
                        t.text = t.text if t.text in source else source  # the text as printed
                    found += more
                prev_found = bool(found)
                for t in found:  # 到2025年不低于4.66人 / 全州达到5件: the indicator of the clause before
                    if (not t.indicator or _YEAR_ONLY.fullmatch(t.indicator) or _PLACE_ONLY.fullmatch(t.indicator)) \
                            and out:
                        t.indicator = out[-1].indicator
                found = [t for t in found if not _PLACE_ONLY.fullmatch(t.indicator)]
                found = [t for t in found if t.indicator and not _YEAR_ONLY.fullmatch(t.indicator)]
                for t in found:
                    if t.indicator.startswith(tuple(r.lex.generic_nouns)) and prev_clause:
                        subject = _SUBJECT.match(prev_clause)
                        if subject:
                            t.indicator = strip_lead(subject["n"], r) + t.indicator
                out.extend(found)
            prev_clause = clause
            earlier.append(clause)
            del earlier[:-_HEAD_CLAUSES]
    return out, year


#: Words without which a paragraph cannot open a review (a cheap test before the rules), and
#: without which it cannot open the forward part after one (tested only once a review was read).
_REVIEW_HINT = lazy(r"回顾|做了")
_FORWARD_HINT = lazy(r"今年|明年|预期目标|工作安排|工作建议|工作任务|工作要点|今后|未来|[0-9]年(?:是|，|,)")


def _reading_paragraph(text: str, year: int | None, section: str | None, line: int, name: str | None,
                       reading: Reading) -> tuple[list[TargetRef], int | None]:
    """A paragraph that may open or close a part, or is inside a review: sentence by
    sentence, past sentences skipped, the others read as one paragraph each."""
    out: list[TargetRef] = []
    for sentence in sentences(text):
        reading.sentence(sentence, line)
        if reading.past:
            if may_hold_quantity(sentence) and quantities(sentence):
                reading.skip(line, sentence)
            continue
        found, year = paragraph_targets(sentence, year, section, line, name)
        out.extend(found)
    return out, year


#: A heading that states a commitment: a verb, an operator or a year.
_COMMITS = lazy(rf"达|建|培育|打造|实现|完成|新增|引进|培养|超过|突破|不低于|不少于|以上|以内|控制|提高|提升|增长|{YEAR}年|[,，。：:]")

#: A section of eligibility conditions (遴选条件, 申报条件): its numbers are thresholds, not targets.
CONDITION_SECTION = lazy(
    r"(?:遴选|推荐|申报|申请|准入|入选|评选|认定|基本|能力|任职|资格|参评)条件|资格要求|申报要求|法律责任|罚则")


class BodyTargets(NamedTuple):
    """The targets stage's output: the targets of the body, and the (line, sentence) pairs
    it read as past results."""

    targets: list[TargetRef]
    past: list[tuple[int, str]]


@dataclass
class Reading:
    """What the stage knows while it reads a document in order: whether it is inside a review
    of past results (TG09, TG10: a work report's 2023年工作回顾, a plan's 发展基础), and the
    year of the forward part that follows a review (TG11, TG12: 2024年工作安排 → 2024)."""

    past: bool = False
    #: The year a review reports on (2023年工作回顾 → 2023), once one was read.
    review_year: int | None = None
    #: The year of the forward part after a review (its opener's, else the reviewed year + 1).
    report_year: int | None = None
    #: (line, sentence) of every sentence with a number read as past: the misses stage says
    #: nothing of them.
    past_sentences: list[tuple[int, str]] = field(default_factory=list)
    #: Every review part: [line, the words that opened it, sentences with numbers in it].
    parts: list[list] = field(default_factory=list)

    def heading(self, title: str, line: int) -> bool:
        """A section heading: a review heading opens a review part, a forward heading ends it
        (not one dated to the reviewed year: 2023年主要工作 inside the review of 2023). True
        when it did either."""
        title = title.strip().rstrip("。：:；;，, ")
        if (year := _part_rule("review", "heading", title)) is not None:
            self._review(year, title, line)
        elif (year := _part_rule("forward", "heading", title)) is not None:
            if year and self.review_year is not None and year <= self.review_year:
                return False
            self._forward(year)
        else:
            return False
        return True

    def restart(self) -> None:
        """TG38: the outline's top level starts again at 一 (or (一)): a review part never holds
        two numbered runs, so one opened in the text before ends here (一、…五、 of 2023, then
        一、…七、 of 2024)."""
        if self.past:
            self._forward(0)

    def sentence(self, text: str, line: int) -> None:
        """A sentence of the text: a review opener opens a review part, a forward opener ends it;
        a short line without punctuation is an unnumbered part heading (2024年重点工作)."""
        if len(text) <= _HEADING_LINE_MAX and not _SENTENCE_MARK.search(text.strip().rstrip("。：:")) \
                and self.heading(text, line):
            return
        if (year := _part_rule("review", "text", text)) is not None:
            self._review(year, text, line)
        elif (year := _part_rule("forward", "text", text)) is not None:
            later = _LATER_YEAR.match(text)
            if later and (self.review_year is None or int(later["y"]) <= self.review_year):
                return  # 2023年是…开局之年 inside the review of 2023
            self._forward(year)

    def skip(self, line: int, sentence: str) -> None:
        """A past sentence with a number."""
        self.past_sentences.append((line, sentence))
        if self.parts:
            self.parts[-1][2] += 1

    def _review(self, year: int, words: str, line: int) -> None:
        if not self.past:
            self.parts.append([line, words[:20], 0])
        self.past = True
        self.review_year = year or self.review_year

    def _forward(self, year: int) -> None:
        was_report = self.past or self.review_year is not None
        self.past = False
        if was_report:
            self.report_year = year or self.report_year or (self.review_year + 1 if self.review_year else None)

    def notices(self) -> list[NoticeRef]:
        """N501 for every review part that held numbers."""
        return [NoticeRef("N501", f"line {line}: a review of past results ({words}…): the numbers of its {n} "
                                  f"sentence{'s' * (n != 1)} are not targets", line)
                for line, words, n in self.parts if n]


_LATER_YEAR = lazy(rf"^(?P<y>{YEAR})年(?:是|，|,)")
#: An unnumbered part heading on its own line: short, without the punctuation of a sentence.
_HEADING_LINE_MAX = 30
_SENTENCE_MARK = lazy(r"[，,；;。：:！!？?、]")


def _part_rule(level: str, where: str, text: str) -> int | None:
    """The year (0 when it names none) a rule of a part level finds in ``text``, or None."""
    for rule in _BY_LEVEL[level]:
        if rule.where == where and (found := rule.find(text)) is not None:
            return found
    return None


def _part_year(pattern: re.Pattern[str], text: str) -> int | None:
    """0 or the year of the words ``pattern`` finds in ``text`` (None: it finds none)."""
    m = pattern.search(text)
    if not m:
        return None
    y = _YEAR_IN.search(m.group())
    return int(y["y"]) if y else 0


def section_targets(nodes: list[Node], inherited: int | None = None, plan_year: int | None = None,
                    start_year: int | None = None, reading: Reading | None = None) -> list[TargetRef]:
    """Targets of every section, in document order; children inherit opening years.

    A target with no year of its own takes the plan's single year (2023年…工作要点) or, in
    the forward part of a report, the report's year; one dated before the plan's period
    starts (or before the report's year) is background (2014年…达到3813家). A review part
    opened inside a section ends with the section."""
    reading = reading or Reading()
    out: list[TargetRef] = []
    stack = [iter(nodes)]
    years = [inherited]
    entered: list[bool] = []  # per open section: was the reading inside a review when it began
    tops = 0  # top-level sections read so far
    top_style = ""  # their marker style
    while stack:
        node = next(stack[-1], None)
        if node is None:
            stack.pop()
            years.pop()
            if entered and not entered.pop():
                reading.past = False  # the review part opened inside this section ends with it
            continue
        if any(rule.find(node.title) for rule in _BY_LEVEL["section"]) or \
                any(rule.find(node.label) for rule in _BY_LEVEL["article"]) and not _TARGET_YEAR.search(
                    " ".join([node.title, *node.text])):
            out.extend(_outside(node, plan_year, start_year, reading))
            continue
        was_past = reading.past
        if len(stack) == 1:
            if tops and _restarts(node):
                reading.restart()
            top_style = top_style or node.style
            tops += 1
        reading.heading(node.title, node.line)
        inherited = years[-1]
        year = heading_year(node.title) or inherited
        found = [] if any(rule.find(node.title) for rule in _BY_LEVEL["heading"]) else \
            paragraph_targets(node.title, year, node.id, node.line, reading=reading)[0]
        ctx = year
        for para, no in zip(node.text, node.text_lines):
            if reading.past and (m := match_marker(para)) is not None and m.style == top_style \
                    and _restarts(Node(m.label, m.style, m.ordinal or 0, "", no)):
                reading.restart()  # a repeated 一、 the outline kept as text (no part heading between the runs)
            more, ctx = paragraph_targets(para, ctx, node.id, no, reading=reading)
            found.extend(more)
            if len(out) + len(found) >= MAX_TARGETS:
                break
        out.extend(_settle(found, plan_year, start_year, reading))
        out.extend(_outside(node, plan_year, start_year, reading))
        if len(out) >= MAX_TARGETS:
            return out[:MAX_TARGETS]
        child_year = heading_year(node.title) or (opening_year(node.text[0]) if node.text else None) or inherited
        stack.append(iter(node.children))
        years.append(child_year)
        entered.append(was_past)
    return out


def _restarts(node: Node) -> bool:
    """TG38 on a top-level section (or a line with its marker): the numbering starts again."""
    return any(rule.find(node) for rule in _BY_LEVEL["forward"] if rule.where == "restart" and rule.code not in _OFF)


def _outside(node: Node, plan_year: int | None, start_year: int | None, reading: Reading) -> list[TargetRef]:
    """Targets of the paragraphs after a section that belong to no section (``Node.after``: a
    part's heading and preamble), read right after the section's text."""
    found: list[TargetRef] = []
    ctx = None
    for para, no in zip(node.after, node.after_lines):
        more, ctx = paragraph_targets(para, ctx, None, no, reading=reading)
        found.extend(more)
    return _settle(found, plan_year, start_year, reading)


def _settle(found: list[TargetRef], plan_year: int | None, start_year: int | None,
            reading: Reading | None = None) -> list[TargetRef]:
    report_year = reading.report_year if reading is not None else None
    default = plan_year if plan_year is not None else report_year
    start = start_year if start_year is not None else report_year
    out = []
    for t in found:
        if t.year is None and default is not None and not (t.kind == "cumulative" and _SPAN.search(t.text)):
            t.year = default  # (a total over a span of years, 用3年时间打造31个…, is due at no stated year)
        if start is not None and t.year is not None and t.year < start:
            continue
        out.append(t)
    return out


def preamble_targets(lines: list[tuple[int, str]], plan_year: int | None = None,
                     start_year: int | None = None, reading: Reading | None = None) -> list[TargetRef]:
    """Targets stated before the first section (the plan's own preamble)."""
    reading = reading or Reading()
    out: list[TargetRef] = []
    for no, line in lines:
        if "|" in line or match_marker(line) is not None:
            continue  # a table row; a covering notice's own numbered item
        found, _ = paragraph_targets(line, None, None, no, reading=reading)
        out.extend(_settle(found, plan_year, start_year, reading))
    return out


def body_targets(head: list[tuple[int, str]], nodes: list[Node], plan_year: int | None = None,
                 start_year: int | None = None) -> tuple[list[TargetRef], Reading]:
    """Targets of the preamble and the sections, read in one pass: a review part opened in
    the preamble (2023年工作回顾…主要做了以下工作：) runs on into the sections until a forward
    part opens. Returns the targets and the reading (its past sentences)."""
    reading = Reading()
    found = preamble_targets(head, plan_year, start_year, reading)
    return found + section_targets(nodes, None, plan_year, start_year, reading), reading


def sentences(text: str) -> list[str]:
    """The sentences of a paragraph, cut at 。！？ outside brackets."""
    return split_top(text, "。！？!?")


def _clauses(sentence: str) -> list[str]:
    return split_top(sentence, "，,；;")


def no_target_sentence(sentence: str) -> bool:
    """A sentence whose numbers are no targets (a condition, a past fact): the "sentence"
    rules of TARGET_RULES."""
    r = rules()
    return any(rule.find(sentence, r) for rule in _BY_LEVEL["sentence"])


def set_aside(sentence: str) -> bool:
    """A sentence the stage read and set aside on evidence: a "sentence" rule fires, or a
    "clause" rule (a parameter, a ban, a forecast) fires on every clause with a quantity."""
    if no_target_sentence(sentence):
        return True
    r = rules()
    clauses = _clauses(sentence)
    ruled = [any(rule.find(c, r) for rule in _BY_LEVEL["clause"]) for c in clauses]
    if not any(ruled):  # the common case: no clause rule fires, nothing set aside
        return False
    return not any(not hit and may_hold_quantity(c) and _quantities(c, r) for c, hit in zip(clauses, ruled))


def _cue(pattern: re.Pattern[str], text: str) -> str | None:
    """The words of ``text`` that a cue pattern finds, or None."""
    m = pattern.search(text)
    return m.group() if m else None


@dataclass(frozen=True, kw_only=True)
class TargetRule(Rule):
    """A rule of the targets stage. ``level`` says where the stage runs ``find``:

    - "quantity": ``find(clause, depth_mask, lexicon)`` → the quantities of a clause;
      examples give the targets of the text (indicator, value, unit, op, year, kind);
    - "number": ``find(measure, text_before, text_after)`` → True for a number that is no
      target (dropped before it is read);
    - "list": ``find(clause, quantities, year, section, line, lexicon)`` → the targets of a
      clause read as one list of subjects and one of values, or [] (then TG01 reads it);
    - "aside": ``find(clause)`` → (text, printed span) pairs of bracketed asides, each text read
      as a clause of its own (the span is the targets' text);
    - "sentence" / "clause": ``find(text, lexicon)`` → the words that make a sentence or
      clause state no target (a condition, a past fact, a policy parameter), or None;
    - "heading": ``find(title)`` → True for a section heading that states no target;
    - "section": ``find(title)`` → the words of a heading whose whole section states no
      targets (its text is the example's lines after the first);
    - "article": ``find(label)`` → the label of a section that is a provision of a law (第十二条):
      it states rules, not targets, unless it names a target year (到2025年);
    - "review" / "forward": ``find(text)`` → the year (0: none named) of a heading (``where``
      "heading") or a sentence (``where`` "text") that opens a review of past results or the
      forward part after it (see Reading), or None. Their examples and those of "article" are
      small documents: a line with an outline marker is a section heading (nesting by marker
      style), the lines before the first are the preamble; a review rule gives the
      quantities it makes past, as printed, a forward rule the targets read.

    Examples of the rules that drop give the quantities they drop, as printed.
    """

    level: str
    find: Callable[..., Any]
    where: str = ""


#: The rules of the targets stage, by level, in the order the stage tries them.
TARGET_RULES: tuple[TargetRule, ...] = (
    TargetRule(code="TG01", level="quantity",
               summary="a quantity: number (digits or Chinese with a magnitude or an operator), magnitude, measure",
               find=_numbers,
               examples=(("有效发明专利拥有量达到1.8万件",
                          [{"indicator": "有效发明专利拥有量", "value": 18000, "unit": "件", "op": "=", "kind": "by_year"}]),
                         ("培育一百二十家企业", [{"indicator": "企业", "value": 120, "unit": "家", "op": "=", "kind": "by_year"}]),
                         ("引进外资3千万美元",
                          [{"indicator": "外资", "value": 30_000_000, "unit": "美元", "op": "=", "kind": "by_year"}]),
                         ("三年内以第一作者的身份完成学术论文两篇并公开发表",
                          [{"indicator": "学术论文", "value": 2, "unit": "篇", "op": "=", "kind": "cumulative"}]),
                         ("培养高层次人才不少于两名",
                          [{"indicator": "高层次人才", "value": 2, "unit": "名", "op": ">=", "kind": "by_year"}]),
                         ("到2025年，知识产权质押融资登记金额达到20亿元以上",
                          [{"indicator": "知识产权质押融资登记金额", "value": 2_000_000_000, "unit": "元", "op": ">=",
                            "year": 2025, "kind": "by_year"}]),
                         ("每年新增专利代理机构3—5家",  # 新增 stays: an increment (keep_verbs)
                          [{"indicator": "新增专利代理机构", "value": 3, "value_max": 5, "unit": "家", "op": "range",
                            "kind": "annual"}]),
                         ("完成系统上线前12项数据编码贯标",
                          [{"indicator": "数据编码贯标", "value": 12, "unit": "项", "op": "=", "kind": "by_year"}])),
               near_misses=("十四五时期", "三个阶段", "两种不同教育类型", "千万家庭", "“4210”产业体系", "进入全省前20名",
                            "分三个阶段实施", "职业教育分为两类", "加快建设产业园二期、物流园三期")),
    TargetRule(code="TG06", level="quantity", summary="一半 is a share of 50 % (一半以上 ≥, 超过一半 >)", find=_halves,
               examples=(("规上企业研发机构覆盖率超过一半",
                          [{"indicator": "规上企业研发机构覆盖率", "value": 50, "unit": "%", "op": ">", "kind": "by_year"}]),),
               near_misses=("多半", "半数以上")),
    TargetRule(code="TG27", level="quantity",
               summary="a target without a measure word: an index value (价格指数控制在103左右) or a count with "
                       "万/亿 ending its clause (注册总量突破5亿); unit empty",
               find=_bare,
               examples=(("居民消费价格指数控制在103左右",
                          [{"indicator": "居民消费价格指数", "value": 103, "op": "~", "kind": "by_year"}]),
                         ("实现注册用户总量突破2亿",
                          [{"indicator": "注册用户总量", "value": 200_000_000, "op": ">", "kind": "by_year"}])),
               near_misses=("空气质量指数明显改善", "突破5亿元", "第2024号", "达到3级")),
    TargetRule(code="TG39", level="quantity",
               summary="a list item with a Chinese magnitude and a noun but no measure takes the measure of the "
                       "items before it (百名国医大师、万名中医名师、百万中医师)",
               find=_borrowed,
               examples=(("培养百名领军人才、千名骨干教师、十万技能工人",
                          [{"indicator": "领军人才", "value": 100, "unit": "名", "op": "=", "kind": "by_year"},
                           {"indicator": "骨干教师", "value": 1000, "unit": "名", "op": "=", "kind": "by_year"},
                           {"indicator": "技能工人", "value": 100000, "unit": "名", "op": "=", "kind": "by_year"}]),),
               near_misses=("千万家庭受益", "实施百万工程、千万工程", "培养领军人才、千万技能工人")),
    TargetRule(code="TG51", level="quantity",
               summary="a small count in characters right after a verb that builds or chooses, before the noun it counts "
                       "(建成十个省级基地，十五个市级基地: the second continues the list), is a target like 10个; "
                       "a framework's parts (十个方面, 两个确保, 五个一批) are not",
               find=_built_counts,
               examples=(("建成十个省级品牌培育基地，十五个市级品牌培育基地",
                          [{"indicator": "省级品牌培育基地", "value": 10, "unit": "个", "op": "=", "kind": "by_year"},
                           {"indicator": "市级品牌培育基地", "value": 15, "unit": "个", "op": "=", "kind": "by_year"}]),
                         ("培育三家知识产权服务示范机构",
                          [{"indicator": "知识产权服务示范机构", "value": 3, "unit": "家", "op": "=", "kind": "by_year"}]),
                         ("形成两个百亿级产业集群",
                          [{"indicator": "百亿级产业集群", "value": 2, "unit": "个", "op": "=", "kind": "by_year"}])),
               near_misses=("重点抓好十个方面的工作", "打造三个一流学科", "实施“五个一批”人才工程", "落实两个确保", "开展三大行动",
                            "培育一批商标品牌示范企业", "建设一个知识产权公共服务平台", "三个基地建设取得突破",
                            "统筹两个市场、两种资源")),
    TargetRule(code="TG02", level="number",
               summary="a procedural duration or frequency is not a target (3个月内出台, 每年调整1次, 每周2个半天)",
               find=_procedural,
               examples=(("于本文印发后3个月内出台辖区实施方案", ["3个月"]), ("每年调整1次专业", ["1次"]),
                         ("联络员会议原则上每半年召开1次", ["1次"]), ("每两个月通报1次进展", ["1次"]),
                         ("每周门诊不少于2个半天", ["2个半天"]), ("届满3个月前递交申请", ["3个月"])),
               near_misses=("审查周期压缩至3个月以内", "培训1000人次")),
    TargetRule(code="TG13", level="number",
               summary="a count of what the text names is scope, not a target (等8个区域; 北京、天津…西安11个城市: "
                       "as many names as the count)",
               find=_named_count,
               examples=(("推广到京津冀、上海、广东等8个区域", ["8个"]), ("选择北京、天津、上海、重庆4个城市开展试点", ["4个"]),
                         ("落实低保、孤儿等6类困难群体政策", ["6类"])),
               near_misses=("新增省级数字经济园区、智能制造示范工厂、数字化车间10个以上", "建成3家服务中心",
                            "选择北京、天津2个以上城市", "确保某某产业园、某某电子等120个项目尽快开工",
                            "新增示范企业10家、数字化车间2家", "新增省级、市级龙头企业2家、20家")),
    TargetRule(code="TG14", level="number",
               summary="a size that qualifies what is counted or named is no target (5万吨级泊位, 过50亿元项目5个, "
                       "10亿元以上项目不少于10个, 1万吨牛肉加工项目)",
               find=_size,
               examples=(("启动5万吨级通用泊位建设", ["5万吨"]), ("引进投资过50亿元项目5个以上", ["50亿元"]),
                         ("200亩左右连片土地流转率40%以上", ["200亩左右"]),
                         ("其中10亿元以上制造业项目不少于10个", ["10亿元以上"]), ("建成投产某公司2万吨饲料加工项目", ["2万吨"]),
                         ("推进某集团3万吨铜箔、某某公司物流园等项目建设", ["3万吨"]),
                         ("竣工投产某纸业年产8万吨纸浆、某木业加工等项目", ["8万吨"]),
                         ("推进某公司年产20万吨液体二氧化碳捕集利用等3个年度计划总投资5亿元的化工项目", ["20万吨"]),
                         ("加快打造1个300亿元产值园区", ["300亿元"]),
                         ("做好总投资5亿元以上重大项目的调度", ["5亿元以上"]),
                         ("在500人以上安置点建立就业帮扶车间", ["500人以上"])),
               near_misses=("完成投资2600亿元以上", "建设高标准农田30万亩", "新建输电线路598公里",
                            "新建高标准农田3万亩、某某等项目开工", "签约资金达到120亿元以上",
                            "在全市建成500个以上服务站", "新增年产能10万吨")),
    TargetRule(code="TG15", level="number",
               summary="a share or amount followed by 用于… splits a fund or a fee: an allocation, not a target",
               find=_allocation,
               examples=(("签约服务费的70%用于人员薪酬分配，30%用于机构统筹", ["70%", "30%"]),),
               near_misses=("设立1亿元引导基金，专项用于成果转化", "覆盖率达到30%")),
    TargetRule(code="TG50", level="number",
               summary="a numeral inside a set phrase (千家万户, 千方百计, 四面八方: numerals.NUMERAL_IDIOMS) counts nothing",
               find=_idiom,
               examples=(("将分散的千家万户联合成一个利益共同体", ["千家", "万户"]),
                         ("走进千家万户", ["千家", "万户"])),
               near_misses=("培育千家企业", "举办百个以上展会", "带动万人以上就业", "惠及万户家庭")),
    TargetRule(code="TG35", level="number",
               summary="the number of a meeting in its term's series names it (十五届94次常务会议)",
               find=_session,
               examples=(("经2021年5月6日市人民政府十六届38次常务会议审议通过", ["38次"]),),
               near_misses=("全年召开联席会议4次", "开展培训50次", "组织召开5次推进会议")),
    TargetRule(code="TG36", level="number",
               summary="a bare magnitude in a campaign's name is part of the name (…进万家活动, 送法入千家)",
               find=_campaign,
               examples=(("深入开展“法律服务”进万家活动", ["万家"]),),
               near_misses=("培育千家企业", "惠及万家企业")),
    TargetRule(code="TG37", level="number",
               summary="an amount with a bound before 的 and a noun describes who qualifies, a threshold "
                       "(收入高于8000元低于10000元的人口, 不足50人的村)",
               find=_threshold,
               examples=(("将人均收入高于6000元低于9000元的农户纳入监测", ["6000元", "9000元"]),
                         ("对常住人口不足50人的自然村实施搬迁", ["50人"])),
               near_misses=("53%以上的行政村生活污水得到治理", "单位能耗低于0.5吨标准煤",
                            "超过50%的企业开展数字化改造")),
    TargetRule(code="TG41", level="number",
               summary="the length of a procedure's step (公示期为5个工作日, 经公示7天, 征求意见时间为30天) or of an event "
                       "(活动为期7天, 会议历时2小时) is a period, not a target",
               find=_period,
               examples=(("公示期为5个工作日", ["5个工作日"]), ("拟认定名单经公示7天无异议后发文", ["7天"]),
                         ("评审结果异议期为10个工作日", ["10个工作日"]), ("此次宣传活动为期7天", ["7天"]),
                         ("座谈会历时3小时", ["3小时"]), ("征求意见时间：30天", ["30天"]),
                         ("于4月20日至25日，连续5天在日报头版开辟专栏", ["5天"]),
                         ("司法鉴定期限一般为30个工作日", ["30个工作日"]), ("培训时间为2天", ["2天"])),
               near_misses=("审查周期压减至15个工作日", "企业开办时间压缩到1个工作日", "办理时限缩短到3个工作日",
                            "顶岗实习时间一般为6个月", "教师每年至少1个月在企业实训", "异议案件平均处理周期为30天以内",
                            "每年参加培训时间不少于5天")),
    TargetRule(code="TG42", level="number",
               summary="service hours (7×24小时服务, 24小时服务热线, 24小时在线客服) say when a service is open, not a target",
               find=_service_hours,
               examples=(("提供7×24小时不间断服务", ["24小时"]), ("24小时服务热线：400-000-0000", ["24小时"]),
                         ("开通24小时在线客服", ["24小时"])),
               near_misses=("年度培训学时不少于24小时", "完成志愿服务40小时", "累计开展线上直播120小时")),
    TargetRule(code="TG43", level="number",
               summary="a count of who or what makes up a body (联席会议由29个成员单位组成, 成员单位共23个, 领导小组下设3个"
                       "工作组) is its scope, not a target",
               find=_composition,
               examples=(("工作领导小组由18个成员单位组成", ["18个"]), ("评审专家组由5名以上专家构成", ["5名以上"]),
                         ("联席会议成员单位共23个", ["23个"]), ("领导小组下设3个工作组", ["3个"]),
                         ("工作专班配备4名专职人员", ["4名"])),
               near_misses=("组建由50名专家组成的知识产权服务团", "知识产权联盟成员单位达到200家", "发展联盟成员单位200家",
                            "领导小组办公室设立1亿元引导基金", "培育由30家企业组成的产业联盟")),
    TargetRule(code="TG46", level="number",
               summary="the value a change starts from (授权周期由22个月压缩至16个月, 由20家增加到50家) is its base, "
                       "not a target; the value it reaches is",
               find=_base,
               examples=(("发明专利审查周期由20个月压缩至15个月", ["20个月"]), ("示范企业由30家增加到80家", ["30家"])),
               near_misses=("发明专利审查周期压缩至15个月", "由政府投资建设30个服务站", "从2家增加")),
    TargetRule(code="TG34", level="clause",
               summary="a clause that only points at existing things has no target (针对…的2034种商品, 依托3个园区, "
                       "发挥8个基地的作用)",
               find=_pointing,
               examples=(("针对首年零关税的1500种商品", ["1500种"]),
                         ("发挥城郊6个蔬菜基地示范作用", ["6个"]),
                         ("依托2个国家级园区", ["2个"])),
               near_misses=("针对重点产业建成10个专利导航基地", "依托园区培育企业20家", "建成6个蔬菜基地",
                            "发挥作用的基地达到6个")),
    TargetRule(code="TG07", level="sentence",
               summary="a sentence stating a condition is no target (对…给予奖励, …的，给予…, 若…则…); 对标 / 对照 / 对接 are "
                       "no condition",
               find=lambda text, r: _cue(r.condition, text),
               examples=(("对新认定的国家知识产权示范企业，给予50万元奖励。", ["50万元"]),
                         ("获得中国专利金奖的，给予30万元奖励。", ["30万元"]),
                         ("若学位无法满足需求，则招生比例可达100%。", ["100%"])),
               near_misses=("全市有效发明专利达到5000件。", "对标先进地区，建成3个知识产权服务中心。",
                            "对接长三角，引进项目10个。")),
    TargetRule(code="TG08", level="sentence",
               summary="a sentence stating a past fact is no target (截至…, 目前已…, 同比)",
               find=lambda text, r: _cue(r.background, text),
               examples=(("截至2022年底，全市有效发明专利达到1.8万件。", ["1.8万件"]),
                         ("目前已建成知识产权保护中心2家。", ["2家"]), ("专利授权量同比增长15%。", ["15%"]),
),
               near_misses=("到2025年，全市有效发明专利达到5000件。",)),
    TargetRule(code="TG44", level="sentence",
               summary="a sentence that states a procedure's period (公示期为…，共5个工作日; 征求意见时间为…，共30天) is no target",
               find=lambda text, r: _cue(_PERIOD_SENTENCE, text),
               examples=(("公示期为2025年5月6日至5月12日，共5个工作日。", ["5个工作日"]),
                         ("征求意见时间为2025年7月1日至7月30日，共30天。", ["30天"]),
                         ("申报时间：即日起至6月30日，逾期不予受理，每家限报1项。", ["1项"])),
               near_misses=("发明专利审查周期压减至15个月。", "到2025年，专利申请受理时限缩短至3个工作日。",
                            "公示期满无异议的，认定为示范企业。")),
    TargetRule(code="TG45", level="sentence",
               summary="a sentence that tallies this round or event (本次入选项目共12个，其中…5个; 本次会议共设12个分会场) "
                       "reports a result, no target",
               find=lambda text, r: _cue(_ROUND_SENTENCE, text),
               examples=(("本次入选项目共15个，其中产业类6个、企业类9个。", ["15个", "6个", "9个"]),
                         ("本次会议共设1个主会场、16个分会场。", ["1个", "16个"]),
                         ("此次评选共产生示范单位30家。", ["30家"])),
               near_misses=("此次出台的方案提出，到2027年，全市有效发明专利达到3万件。", "本市将新增示范企业30家。",
                            "本年度新增示范企业20家。")),
    TargetRule(code="TG47", level="sentence",
               summary="a sentence that describes the make-up of a body or an organ (内设6个处室，核定行政编制32名，其中局长1名; "
                       "联席会议由29个成员单位组成) states its scope, no target",
               find=lambda text, r: _cue(_MAKEUP_SENTENCE, text) if _MAKEUP_HINT.search(text) else None,
               examples=(("市版权局内设5个处室，核定行政编制28名，其中局长1名、副局长2名。", ["5个", "28名", "1名", "2名"]),
                         ("市知识产权局下属事业单位3个，核定事业编制40名。", ["3个", "40名"])),
               near_misses=("组建由50名专家组成的知识产权服务团，到2026年服务企业1000家。",
                            "到2025年，联盟成员单位达到200家。", "新增示范企业20家，其中东区8家。")),
    TargetRule(code="TG48", level="sentence",
               summary="news of what was done is no target: a span up to now (今年以来, 自2022年运行以来) or a tally of what an "
                       "event did (共举办讲座12场, 共评选出…20个), unless the sentence commits (力争, 不少于 …)",
               find=_news_tally,
               examples=(("今年以来，累计办理维权援助案件260件。", ["260件"]),
                         ("工作站自2023年设立以来，已为600余家企业提供指导，服务企业500家。", ["500家"]),
                         ("宣传周期间共举办专题讲座12场，发放资料3000份。", ["12场", "3000份"]),
                         ("共评选出典型案例20个。", ["20个"])),
               near_misses=("全年共开展宣传活动不少于50场。", "今年新增维权援助工作站10家。", "完善公共服务体系，建成服务网点30个。",
                            "推动共享单车投放量控制在5万辆以内。", "力争实施以来累计培训人才5000人次。")),
    TargetRule(code="TG52", level="sentence",
               summary="a sentence that names the entries a list notice chose (经…复核，确定1105件…、285件…列入首批…名单; "
                       "同意…10个城市为试点城市，现予公布) counts what was chosen: scope, no target",
               find=_chosen_entries,
               examples=(("经申报、复核并公示，确定860件企业商标品牌、150家指导站列入首批试点名单。", ["860件", "150家"]),
                         ("经研究，同意12个县为知识产权强县建设试点县，现予公布。", ["12个"]),
                         ("认定28家企业为2025年度知识产权示范企业，名单见附件。", ["28家"])),
               near_misses=("每年认定10家企业为知识产权示范企业。", "到2025年，遴选50家企业列入培育名单。",
                            "力争认定示范企业20家。", "经过三年努力，建成示范园区5个。")),
    TargetRule(code="TG53", level="sentence",
               summary="a sentence that reports goals reached or results achieved (顺利完成了“十三五”时期的目标，人才队伍达到"
                       "69万人; 取得了显著成效) states the past, no target, unless it looks ahead (到2025年, 力争)",
               find=_achieved,
               examples=(("全省版权工作圆满完成了上一阶段的各项任务，登记作品达到12万件，产业结构趋向合理。", ["12万件"]),
                         ("商标品牌建设取得了显著成效，驰名商标达到45件。", ["45件"])),
               near_misses=("到2025年，全省登记作品达到15万件。", "力争完成目标任务，人才队伍达到80万人。",
                            "完成各项目标任务，人才队伍达到80万人。", "在取得显著成效的基础上，到2027年驰名商标达到60件。")),
    TargetRule(code="TG03", level="clause",
               summary="a policy parameter is not a target (rewards, subsidies, fees, penalties, eligibility, "
                       "per-recipient amounts)",
               find=lambda text, r: _cue(r.parameter, text),
               examples=(("给予每件1万元奖励", ["1万元"]), ("补贴标准为每平方米37元", ["37元"]),
                         ("可以处10万元以下的罚款", ["10万元以下"]), ("中医药学科带头人每人每年2万元", ["2万元"]),
                         ("入围生产企业为2家的", ["2家"]), ("中断培训超过六个月者", ["六个月"]),
                         ("省级给予一次性奖补100万元", ["100万元"]), ("单个企业最高300万元", ["300万元"]),
                         ("按照每名导师选配2名学员的原则", ["2名"]), ("按年用量的60%估算采购量", ["60%"]),
                         ("基础养老金月最低标准提高20元", ["20元"]),
                         ("一项发明专利的奖金不低于三千元", ["三千元"])),
               near_misses=("设立1亿元知识产权运营引导基金", "资助资金达到500万元", "专利申请量达到1万件",
                            "可再生能源装机容量超过50万千瓦", "建设云计算中心5个", "城乡居民最高学历提升",
                            "完成上线前12项编码贯标、对照待遇清单梳理政策等工作")),
    TargetRule(code="TG49", level="clause",
               summary="the terms of a call or a meeting are no target: quotas (每区推荐不超过10家, 每单位限报2人), logistics "
                       "(参会人数不超过2人, 会议规模80人左右), requirements set for others (应当具备3名以上鉴定人员) and fee "
                       "reductions (可减缴85%的申请费)",
               find=_call_terms,
               examples=(("每个区推荐不超过10家", ["10家"]), ("每单位限报3人", ["3人"]), ("会议规模60人左右", ["60人左右"]),
                         ("每市参会人数原则上不超过2人", ["2人"]),
                         ("评估机构应当具备5名以上专职评估人员", ["5名以上"]), ("可减缴70%的年费", ["70%"])),
               near_misses=("推荐10家企业申报国家级示范", "各区配备知识产权专员不少于3名", "培训规模以上工业企业500家",
                            "培育具有自主知识产权的企业100家", "专利申请量达到1万件")),
    TargetRule(code="TG16", level="clause",
               summary="a ban or a threshold set for others is not a target (禁止…低于0.01毫米, 不得…两个以上)",
               find=lambda text, r: _cue(r.ban, _BRACKETED.sub("", text)) if _BAN_HINT.search(text) else None,
               examples=(("禁止生产和销售厚度小于0.02毫米的塑料袋", ["0.02毫米"]),
                         ("执业人员不得同时在两个以上机构执业", ["两个以上"])),
               near_misses=("塑料袋使用量减少30%", "严格执法，查处案件100件", "耕地保有量不得低于500万亩",
                            "发表论文1篇（两篇论文不得为同一专题）")),
    TargetRule(code="TG18", level="clause",
               summary="a forecast of what happens anyway is no commitment (预计今年高校毕业生超过1170万人)",
               find=lambda text, r: _cue(r.forecast, text) if text.startswith("预计") else None,
               examples=(("预计今年应届毕业生超过5万人", ["5万人"]),),
               near_misses=("预计到2025年，专利授权量达到1万件", "力争今年新增企业300家")),
    TargetRule(code="TG33", level="list",
               summary="a list of subjects and a list of values ending the clause give one target per pair "
                       "(A、B和C分别达到5个、7个和6个; 省级、市级基地2个、20个; 城乡… is 城镇… and 农村…)",
               find=_distributed,
               examples=(("国家级、省级和市级孵化器分别达到3家、8家和15家",
                          [{"indicator": "国家级孵化器", "value": 3, "unit": "家", "op": "=", "kind": "by_year"},
                           {"indicator": "省级孵化器", "value": 8, "unit": "家", "op": "=", "kind": "by_year"},
                           {"indicator": "市级孵化器", "value": 15, "unit": "家", "op": "=", "kind": "by_year"}]),
                         ("培育省级、市级专精特新企业5家、30家",
                          [{"indicator": "省级专精特新企业", "value": 5, "unit": "家", "op": "=", "kind": "by_year"},
                           {"indicator": "市级专精特新企业", "value": 30, "unit": "家", "op": "=", "kind": "by_year"}]),
                         ("城乡居民人均可支配收入分别增长6%和7.5%左右",
                          [{"indicator": "城镇居民人均可支配收入", "value": 6, "unit": "%", "op": "~", "kind": "growth"},
                           {"indicator": "农村居民人均可支配收入", "value": 7.5, "unit": "%", "op": "~",
                            "kind": "growth"}]),
                         ("全市与周边城市人才交流、技术合作和项目共建分别占比达25%、15%和5%",
                          [{"indicator": "与周边城市人才交流占比", "value": 25, "unit": "%", "op": "=", "kind": "by_year"},
                           {"indicator": "技术合作占比", "value": 15, "unit": "%", "op": "=", "kind": "by_year"},
                           {"indicator": "项目共建占比", "value": 5, "unit": "%", "op": "=", "kind": "by_year"}])),
               near_misses=("培育专精特新企业5家、30家", "新增示范企业10家、5G工厂2家",
                            "省级、市级基地分别完成5个、10个、分别增长8%、9%")),
    TargetRule(code="TG19", level="op",
               summary="an operator written before the verb of its number (至少建设一所, 不少于培养50名)",
               find=_op_before_verb,
               examples=(("每个地区至少建设一所示范性中等职业学校",
                          [{"indicator": "示范性中等职业学校", "value": 1, "unit": "所", "op": ">=", "kind": "by_year"}]),
                         ("为各区至少培育2家培训示范基地",
                          [{"indicator": "培训示范基地", "value": 2, "unit": "家", "op": ">=", "kind": "by_year"}]),
                         ("每个部门在同一平台只开设一个政务账号",
                          [{"indicator": "政务账号", "value": 1, "unit": "个", "op": "<=", "kind": "by_year"}])),
               near_misses=("至少要求培训50人", "建设3所学校", "只有一个部门")),
    TargetRule(code="TG20", level="reading",
               summary="an operator before the first of coordinated objects applies to each "
                       "(不少于60个半天的跟师笔记和20份医案 → both ≥)",
               find=_shared_op,
               examples=(("每年完成不少于40个半天的跟诊记录和15份临床医案",
                          [{"indicator": "临床医案", "value": 15, "unit": "份", "op": ">=", "kind": "annual"}]),),
               near_misses=("建成5家以上服务中心和10家工作站", "不少于40个半天的跟诊记录，完成15份临床医案")),
    TargetRule(code="TG21", level="reading",
               summary="a value shared by coordinated subjects (A、B均达到75%以上): one target for each",
               find=_shared_value,
               examples=(("企业研发机构覆盖率、数字化改造率均达到60%以上",
                          [{"indicator": "企业研发机构覆盖率", "value": 60, "unit": "%", "op": ">=", "kind": "by_year"},
                           {"indicator": "数字化改造率", "value": 60, "unit": "%", "op": ">=", "kind": "by_year"}]),
                         ("工业投资、技改投资均增长12%以上",
                          [{"indicator": "工业投资", "value": 12, "unit": "%", "op": ">=", "kind": "growth"},
                           {"indicator": "技改投资", "value": 12, "unit": "%", "op": ">=", "kind": "growth"}]),
                         ("力争新签合同额、实际到位资金均同比增长8%以上",
                          [{"indicator": "新签合同额", "value": 8, "unit": "%", "op": ">=", "kind": "growth"},
                           {"indicator": "实际到位资金", "value": 8, "unit": "%", "op": ">=", "kind": "growth"}]),
                         ("确保市控、县控断面水质达标率均保持100%",
                          [{"indicator": "市控断面水质达标率", "value": 100, "unit": "%", "op": "=", "kind": "by_year"},
                           {"indicator": "县控断面水质达标率", "value": 100, "unit": "%", "op": "=", "kind": "by_year"}])),
               near_misses=("企业研发机构覆盖率达到60%以上", "省级和市级平台均达到3个")),
    TargetRule(code="TG22", level="reading",
               summary="an item naming only a grade takes the head noun of the next item "
                       "(1家五星级、3家四星级旅游饭店 → 五星级旅游饭店)",
               find=_modifier_head,
               examples=(("年内创评2家五星级、4家四星级旅游饭店",
                          [{"indicator": "五星级旅游饭店", "value": 2, "unit": "家", "op": "=", "kind": "by_year"}]),),
               near_misses=("创建2家五星级饭店、4家四星级饭店", "培育3家国家级、5家省级")),
    TargetRule(code="TG23", level="reading",
               summary="the noun between two numbers ends at a verb (千家企业参加百个以上展会 → 企业)",
               find=_noun_to_verb,
               examples=(("组织500家企业参加30个以上境外展会",
                          [{"indicator": "企业", "value": 500, "unit": "家", "op": "=", "kind": "by_year"}]),),
               near_misses=("组织500家企业、30个展会", "建成10家参与式服务站", "力争50%以上企业开展专利信息利用")),
    TargetRule(code="TG24", level="reading",
               summary="a change against a base (比上年增加1.1万亿元) measures the indicator of the target before it; "
                       "growth",
               find=_compared,
               examples=(("专项资金规模3.5亿元、比上年增加5000万元",
                          [{"indicator": "专项资金规模", "value": 50_000_000, "unit": "元", "op": "=", "kind": "growth"}]),),
               near_misses=("专项资金规模3.5亿元", "比上年更加注重质量")),
    TargetRule(code="TG25", level="reading",
               summary="an indicator that is only a verb takes the object of the same verb earlier in the sentence "
                       "(…发行超长期特别国债…，今年先发行1万亿元 → 超长期特别国债)",
               find=_verb_object,
               examples=(("从今年开始连续发行专项建设债券，今年先发行500亿元",
                          [{"indicator": "专项建设债券", "value": 50_000_000_000, "unit": "元", "op": "=",
                            "kind": "by_year"}]),),
               near_misses=("今年发行专项建设债券500亿元", "建设项目，今年先完成")),
    TargetRule(code="TG30", level="reading",
               summary="a shortened indicator (a grade and a head: 市级基地, 省网点) takes the words of the target before it "
                       "that names the same head at another grade",
               find=_shortened,
               examples=(("建成省级版权示范基地20个、市级基地50个",
                          [{"indicator": "市级版权示范基地", "value": 50, "unit": "个", "op": "=", "kind": "by_year"}]),
                         ("建设国家专利信息服务网点2家以上，省网点5家以上",
                          [{"indicator": "省专利信息服务网点", "value": 5, "unit": "家", "op": ">=", "kind": "by_year"}])),
               near_misses=("建成省级版权示范基地20个、市级示范园区50个", "建成市级基地50个")),
    TargetRule(code="TG28", level="reading",
               summary="a total over a stated span of years (三年建设…1000个, 利用3-5年时间…约1000名, 五年内新增) is "
                       "cumulative and has no due year of its own",
               find=_span_total,
               examples=(("到2025年，建成中心5个；利用3-5年时间，培训约800名家庭医生",
                          [{"indicator": "家庭医生", "value": 800, "unit": "名", "op": "~", "kind": "cumulative"}]),
                         ("三年建设美丽村庄500个",
                          [{"indicator": "美丽村庄", "value": 500, "unit": "个", "op": "=", "kind": "cumulative"}]),
                         ("用3年时间打造特色村镇30个，新建学校6所",  # the schools are no total over the span
                          [{"indicator": "特色村镇", "value": 30, "unit": "个", "op": "=", "kind": "cumulative"}])),
               near_misses=("每3～5年参加一次培训，培训家庭医生800名", "2024年内建成中心5个", "近三年发表论文3篇")),
    TargetRule(code="TG29", level="reading",
               summary="a clause without a verb of its own continues the clause before it, and its 每年 "
                       "(每年推广应用机器人8000台以上，人工智能应用100个以上 → both annual)",
               find=_annual_sentence,
               examples=(("每年推广应用工业机器人3000台以上，智能制造应用场景50个以上",
                          [{"indicator": "智能制造应用场景", "value": 50, "unit": "个", "op": ">=", "kind": "annual"}]),),
               near_misses=("推广应用工业机器人3000台以上，智能制造应用场景50个以上",
                            "其中PCT国际专利申请每年达到150件，发明专利授权量达到1万件",
                            "年均实施专利导航项目15项以上，推动15家以上企业加强标准化建设",
                            "每年培训100人，到2025年服务中心10个")),
    TargetRule(code="TG26", level="aside",
               summary="a bracketed 其中… or 累计… aside states a target of its own (预留30%的号源（其中专家号源不低于30%）, "
                       "新增2400户（累计约3600户）: the indicator of the target before it)",
               find=_asides,
               examples=(("预留20%的床位（其中康复床位不低于10%）给基层",
                          [{"indicator": "康复床位", "value": 10, "unit": "%", "op": ">=", "kind": "by_year"}]),
                         ("新增800户（累计约1500户）商户接入监管平台",
                          [{"indicator": "商户接入监管平台", "value": 1500, "unit": "户", "op": "~",
                            "kind": "cumulative"}])),
               near_misses=("结业论文1篇（不少于2万字）", "（其中：一般项目）",
                            "遴选100名导师（其中包括80名导师和20名基层导师）")),
    TargetRule(code="TG40", level="aside",
               summary="a bracketed alternative after a count, ending in a count of the same measure with a subject "
                       "and verb of its own, is a target of its own (病例30份（护理专业学员完成护理记录30份）)",
               find=_alternatives,
               examples=(("撰写完整病例30份（护理专业学员完成规范的护理记录30份）",
                          [{"indicator": "护理专业学员护理记录", "value": 30, "unit": "份", "op": "=", "kind": "by_year"}]),),
               near_misses=("结业论文1篇（不少于2万字）", "建设示范基地5个（含省级基地2个）",
                            "培训学员100人（其中骨干50人）", "完成病例30份（每份不少于2000字）")),
    TargetRule(code="TG04", level="heading",
               summary="a heading that only counts its items commits to nothing (知识产权保护方面5项): "
                       "no verb, operator, year or punctuation",
               find=lambda title: not _COMMITS.search(title),
               examples=(("知识产权保护方面5项", ["5项"]), ("科技金融创新方面5项", ["5项"])),
               near_misses=("到2025年专利申请量达到5000件", "建成30家服务基地", "完成系统上线前12项数据编码贯标、接口改造等工作")),
    TargetRule(code="TG05", level="section",
               summary="a section of eligibility conditions gives no targets (遴选条件, 申报条件)",
               find=lambda title: _cue(CONDITION_SECTION, title),
               examples=(("遴选条件\n具有相关工作经历，主持过2项以上省级课题", ["2项以上"]),
                         ("申报条件\n企业拥有有效发明专利5件以上", ["5件以上"]),
                         ("推荐条件（须同时符合以下条件）\n近三年发表论文3篇以上", ["3篇以上"]),
                         ("法律责任\n可处10万元以下罚款", ["10万元以下"])),
               near_misses=("工作目标\n专利申请量达到1万件", "改善基础设施条件\n建成3个服务中心")),
    TargetRule(code="TG09", level="review", where="heading",
               summary="a heading of a review of past results (2023年工作回顾, 过去五年工作回顾, 发展基础, “十三五”时期"
                       "取得的成就): its section, to its end, states no targets",
               find=lambda title: _part_year(rules().review_heading, title),
               examples=(("一、2023年工作回顾\n（一）稳增长。地区生产总值增长5.2%，新增市场主体3.9万户。\n"
                          "二、2024年工作安排\n（一）抓项目。新开工重点项目120个。", ["5.2%", "3.9万户"]),
                         ("一、发展基础\n“十三五”期间，全市有效发明专利达到1.2万件。\n二、主要目标\n有效发明专利达到2万件。",
                          ["1.2万件"]),
                         ("一、过去五年工作回顾\n累计新建学校36所。", ["36所"])),
               near_misses=("一、夯实发展基础\n建成3个服务中心。", "一、预期成效\n培育企业50家。",
                            "一、2024年重点工作\n新增高新技术企业300家。")),
    TargetRule(code="TG10", level="review", where="text",
               summary="a sentence that opens a review in flat text (a glued 2023年工作回顾, …主要做了以下工作): "
                       "the text after it states no targets until a forward part opens or its section ends",
               find=lambda text: _part_year(rules().review_opener, text),
               examples=(("各位代表：现在我代表市人民政府作报告。2023年工作回顾2023年是极不平凡的一年。全市新增就业4.2万人。\n"
                          "（一）稳增长。完成投资370亿元。", ["4.2万人", "370亿元"]),
                         ("一年来，主要做了以下工作：新建农村公路500公里。", ["500公里"])),
               near_misses=("回顾发展历程，我们建成了3个中心。", "到2025年，建成工作站10个。")),
    TargetRule(code="TG11", level="forward", where="heading",
               summary="a heading of the forward part of a report (2024年政府工作安排, 2024年重点工作, …总体要求和"
                       "政策取向) ends the review; its targets are due in its year",
               find=lambda title: _part_year(rules().forward_heading, title),
               examples=(("一、2023年工作回顾\n粮食产量238万吨。\n二、2024年政府工作安排\n建成城市公园5个。",
                          [{"indicator": "城市公园", "value": 5, "unit": "个", "op": "=", "year": 2024,
                            "kind": "by_year"}]),),
               near_misses=("一、2023年工作回顾\n粮食产量238万吨。\n（一）加快发展。建成城市公园5个。",)),
    TargetRule(code="TG12", level="forward", where="text",
               summary="a sentence that opens the forward part in flat text (2024年工作安排建议, 今年是…, 主要预期目标是): "
                       "it ends the review; targets without a year are due in the report's year",
               find=lambda text: _part_year(rules().forward_opener, text),
               examples=(("2023年工作回顾全市新增就业4.2万人。2024年工作安排建议2024年是关键一年。城镇新增就业3.7万人。",
                          [{"indicator": "城镇新增就业", "value": 37000, "unit": "人", "op": "=", "year": 2024,
                            "kind": "by_year"}]),
                         ("一、2023年工作回顾\n新增就业4.2万人。今年发展主要预期目标是：地区生产总值增长5%左右。",
                          [{"indicator": "地区生产总值", "value": 5, "unit": "%", "op": "~", "year": 2024,
                            "kind": "growth"}])),
               near_misses=("2023年工作回顾2023年是开局之年。全市新增就业4.2万人。",)),
    TargetRule(code="TG38", level="forward", where="restart",
               summary="the top level of the outline starting again at 一 ends a review opened in the text "
                       "before it (一、…五、 of the past year, then 一、…七、 of this year)",
               find=lambda node: (m := match_marker(node.label)) is not None and m.ordinal == 1,  # as printed
               examples=(("各位代表：\n2023年工作回顾\n一、稳增长\n新增就业4.2万人。\n二、惠民生\n新建学校12所。\n"
                          "一、抓项目\n新开工重点项目120个。",
                          [{"indicator": "新开工重点项目", "value": 120, "unit": "个", "op": "=", "year": 2024,
                            "kind": "by_year"}]),),
               near_misses=("各位代表：\n2023年工作回顾\n一、稳增长\n新增就业4.2万人。\n二、惠民生\n新建学校12所。",)),
    TargetRule(code="TG17", level="article",
               summary="a provision of a law or regulation (第十二条 …) states rules, not targets (应指定3名, 一式2份, "
                       "30日内), unless it names a target year (到2025年)",
               find=lambda label: label if label.endswith("条") and (m := match_marker(label)) is not None
               and m.style == "article" else None,
               examples=(("第八条 行政执法委员会应指定3名以上承办人员组成合议组。", ["3名以上"]),
                         ("第九条 提交答辩书一式2份。", ["2份"])),
               near_misses=("第九条 到2025年，全省有效发明专利达到10万件。", "一、目标\n建成3个服务中心。")),
)
_BY_LEVEL: dict[str, tuple[TargetRule, ...]] = {
    level: tuple(r for r in TARGET_RULES if r.level == level)
    for level in ("quantity", "number", "list", "op", "reading", "aside", "sentence", "clause", "heading", "section", "article",
                  "review", "forward")
}


def _printed(text: str) -> list[str]:
    r = rules()
    return [text[q.start : q.end] for q in _quantities(text, r)]


def _target_gives(rule: TargetRule, text: str) -> list:
    """A target rule's value on a text: the targets a quantity rule finds, or the quantities
    (as printed) a rule that drops keeps from being targets."""
    r = rules()
    if rule.level == "quantity":
        return [_view(t) for t in paragraph_targets(text, None, None, 0)[0]]
    if rule.level in ("list", "op", "reading", "aside"):  # the targets the rule makes or changes
        on = [_view(t) for t in paragraph_targets(text, None, None, 0)[0]]
        _OFF.add(rule.code)
        try:
            off = [_view(t) for t in paragraph_targets(text, None, None, 0)[0]]
        finally:
            _OFF.discard(rule.code)
        return [t for t in on if t not in off]
    if rule.level == "number":
        return [m.group() for m, before in _candidates(text, depth_mask(text), r)
                if rule.find(m, before, text[m.end():])]
    if rule.level == "sentence":
        return [q for s in sentences(text) if rule.find(s, r) for q in _printed(s)]
    if rule.level == "clause":
        return [q for s in sentences(text) for c in _clauses(s) if rule.find(c, r) for q in _printed(c)]
    if rule.level in ("article", "review", "forward"):
        head, nodes = _mini_outline(text)
        found, reading = body_targets(head, nodes)
        if rule.level == "forward":
            return [given(indicator=t.indicator, value=float(t.value), value_max=_num(t.value_max), unit=t.unit,
                          op=t.op, year=t.year, kind=t.kind) for t in found]
        if rule.level == "review":
            return [q for _, sentence in reading.past_sentences for q in _printed(sentence)]
        return [q for node in nodes if rule.find(node.label) for line in [node.title, *node.text]
                for q in _printed(line)] if not found else []
    title, *body = text.split("\n")
    if not rule.find(title):
        return []
    return [q for line in [title, *body] for q in _printed(line)] if rule.level == "section" else _printed(title)


def _mini_outline(text: str) -> tuple[list[tuple[int, str]], list[Node]]:
    """The preamble and sections of a small document written as an example: a line with an
    outline marker is a heading (a new marker style nests deeper), the others are text."""
    head: list[tuple[int, str]] = []
    roots: list[Node] = []
    open_: list[Node] = []
    for no, line in enumerate(text.split("\n"), 1):
        m = match_marker(line)
        if m is None:
            (open_[-1].text.append(line), open_[-1].text_lines.append(no)) if open_ else head.append((no, line))
            continue
        node = Node(m.label, m.style, m.ordinal or 0, line[m.end :].strip(), no)
        while open_ and open_[-1].style != m.style and any(o.style == m.style for o in open_):
            open_.pop()
        if open_ and open_[-1].style == m.style:
            open_.pop()
        (open_[-1].children if open_ else roots).append(node)
        node.id = f"{open_[-1].id}.{len(open_[-1].children)}" if open_ else str(len(roots))
        open_.append(node)
    return head, roots


def _view(t: TargetRef) -> dict:
    return given(indicator=t.indicator, value=float(t.value), value_max=_num(t.value_max), unit=t.unit, op=t.op,
                 year=t.year, kind=t.kind)


def _num(d: Decimal | None) -> float | None:
    return None if d is None else float(d)


#: The rule table of the targets stage, for tests/test_rule_tables.py.
RULE_TABLES = (RuleTable("TARGET_RULES", "TG", TARGET_RULES, _target_gives),)
