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

from pydantic import BaseModel, ConfigDict

from ipplan.parse import words
from ipplan.parse.brackets import depth_mask, matching_close, split_top
from ipplan.parse.dates import MILESTONE, YEAR, YEAR_PHRASE, YEAR_SPAN
from ipplan.parse.numerals import CN_DIGIT_CLASS, CN_QUANTITY_CLASS, to_decimal
from ipplan.parse.rules import Rule, RuleTable, given, lazy
from ipplan.parse.types import Node, TargetRef
from ipplan.parse.vocab.doctypes import ANNUAL_TYPES
from ipplan.parse.vocab.markers import match_marker
from ipplan.parse.vocab.notices import NoticeRef
from ipplan.parse.vocab.measures import (
    DURATIONS,
    FREQUENCIES,
    MAGNITUDE_WORDS,
    MEASURE_NOT_BEFORE,
    MEASURES,
    may_hold_quantity,
    unit_scale,
)
from ipplan.parse.vocab.scope import SCOPE_WORDS
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
    import yaml

    lex = Lexicon.model_validate(yaml.safe_load(raw))
    after = {w: op for op, ws in lex.ops_after.items() for w in ws}
    quantity = re.compile(
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
        scope=re.compile(rf"^(?:{_alt(list(SCOPE_WORDS))}|(?:到|至)?{YEAR}年(?:底|末)?(?:前)?)"),
        trailing=re.compile(rf"(?:{_alt(lex.trailing_words)})$"),
        condition=re.compile("|".join(lex.condition_cues)),
        background=re.compile("|".join(lex.background_cues)),
        parameter=re.compile("|".join(f"(?:{c})" for c in lex.parameter_cues)),
        kinds=tuple((k, re.compile("|".join(v))) for k, v in lex.kind_cues),
        review_heading=_parts(lex.review_headings, whole=True),
        review_opener=_parts(lex.review_openers),
        forward_heading=_parts(lex.forward_headings, whole=True),
        forward_opener=_parts(lex.forward_openers),
    )


def _parts(patterns: list[str], whole: bool = False) -> re.Pattern[str]:
    """One regex of a part list of data/targets.yaml ({year} is the year pattern; a heading
    pattern must match the whole title)."""
    body = "|".join(f"(?:{p.replace('{year}', f'(?:{YEAR})')})" for p in patterns)
    return re.compile(f"^(?:{body})$" if whole else body)


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
        if before.endswith(("每", "第", "前")):  # 每万人 (a rate), 第九 (an ordinal), 前10 (a rank)
            continue
        num = m["num"]
        if not num[0].isdigit():
            # Chinese numerals as 百项 / 千人 / 两万, or with an operator (三篇以上, 不少于两名);
            # never 三个阶段 / 一批
            if m["num2"] or m["mag"] or not (_CN_MAGNITUDE.search(num) or m["post"] or _op_before(before, r)):
                continue
        yield m, before


def _numbers(text: str, mask: list[int], r: _Rules) -> list[_Quantity]:
    """TG01: numbers with a measure word, scaled by their magnitude (1.8万件, 50亿元)."""
    out: list[_Quantity] = []
    for m, before in _candidates(text, mask, r):
        if any(rule.find(m["unit"], before, text[m.end():]) for rule in _BY_LEVEL["number"]):
            continue
        value = to_decimal(m["num"])
        if value is None:
            continue
        unit, scale = unit_scale(m["unit"], m["mag"])
        value_max = to_decimal(m["num2"]) * scale if m["num2"] else None
        op = "range" if value_max is not None else _op_before(before, r) or r.ops_after.get(m["post"] or "", "=")
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


#: Largest value a quantity may have: beyond it a number is not a target (400 digits would
#: become an infinite float, which plans never hold).
MAX_VALUE = Decimal(10) ** 15


def plausible_value(value: Decimal) -> bool:
    return value.is_finite() and value <= MAX_VALUE


_CN_MAGNITUDE = lazy(r"[百千万]")  # a Chinese quantity with a magnitude: 百项, 两万, 一百二十
#: Durations of a procedure (3个月内出台, 届满3个月前, 自…之日起1个月内) and frequencies
#: (每年调整1次, 每周不少于2个半天): policy, not targets.
_AFTER_DURATION = lazy(r"^(?:以?内|前|后|之内)(?!$)")
_BEFORE_DURATION = lazy(r"(?:之日起|届满|期满|印发后|后)[^，,；;]{0,6}$")
_FREQUENCY = lazy(rf"每(?:\d+|[{CN_DIGIT_CLASS}十])?(?:年度?|季度|月|周|天|日)")


def _procedural(unit: str, before: str, after: str) -> bool:
    """TG02: a duration of a procedure or a frequency (the number's measure, the text
    before and after it)."""
    if unit in DURATIONS and (_AFTER_DURATION.match(after) or _BEFORE_DURATION.search(before)):
        return True
    if unit in FREQUENCIES and _FREQUENCY.search(before) and not before.rstrip().endswith("年均"):
        return not re.search(r"每年(?:完成|实施|举办|开展)", before) or unit == "次" and "每年" not in before
    return False


def _op_before(before: str, r: _Rules) -> str | None:
    b = before.rstrip()
    if not b.endswith(r.op_words):  # one C call settles the common case
        return None
    for word, op in r.ops_before:
        if b.endswith(word):
            return op
    return None


_NOUN_STOP = lazy(r"[(（]")
#: Verbs that make "1 个" a goal (建成1个…中心); without one, a single item is procedure.
_BUILDS = lazy(r"建|培育|打造|设立|设置|新增|引进|创建|形成|组建|达到|实现|争创|认定|发表|完成|撰写|开设")
_JOINER_END = lazy(r"(?:和|及|与|以及|、)$")
_GENERIC_AFTER = lazy(r"^(?:基础上|基础|水平|规模|目标|标准)")

#: "较2020年增长…" / "比上年增加…": the comparison base written before a growth target's number.
_COMPARISON = lazy(rf"较|比(?=上年|去年|上一年|前一年|{YEAR}|基期|同期)")
_COMPARED_TO = lazy(rf"(?:{_COMPARISON.pattern}).{{0,15}}$")
#: Units of a rate: a growth needs one of them, or a comparison (比上年增加1800亿元).
RATE_UNITS = ("%", "百分点", "倍")
#: Bound words right after a number (15件以上的企业): not part of the noun that follows.
_BOUND_WORD = lazy(r"^(?:及以上|以上|以下|以内|左右)")
#: Hedges ending the subject of a "分别" clause, and the joiners of its list.
_HEDGE_END = lazy(r"(?:原则上|力争|均)$")
_LIST_JOINER = lazy(r"[、和及与]")
_LEAD_IN = lazy(r"[：:]")

#: "A、B等平台建设C": what is counted is the object of the verb after 等….
_AFTER_ETC = lazy(rf"等[{CJK}]{{0,6}}?(?:建设|建成|培育|打造|设立|创建|开展|实施|新建)")


def _strip_before(before: str, r: _Rules) -> str:
    """The indicator written before its number: drop operator words, base, scope, verbs."""
    s = before.strip(" ，,、")
    if "：" in s or ":" in s:  # 主要预期目标是：国内生产总值增长5%: the lead-in names no indicator
        s = _LEAD_IN.split(s)[-1]
    predicate = s.endswith(tuple(r.lex.predicates))
    for _ in range(6):
        prev = s
        s = r.trailing.sub("", s).strip()
        s = _COMPARED_TO.sub("", s).strip() if _COMPARISON.search(s) else s
        if s == prev:
            break
    if (m := _AFTER_ETC.search(s)) and m.end() < len(s):
        s = s[m.end() :]
    # A verb before 的 with a predicate after the subject belongs to the subject.
    return strip_lead(s, r, verbs=not (predicate and "的" in s))


def strip_lead(s: str, r: _Rules, verbs: bool = True) -> str:
    s = unspace(s).strip(" ，,、的")
    for _ in range(8):
        prev = s
        m = r.scope.match(s)
        if m and m.end() < len(s):
            s = s[m.end() :].lstrip("，,、 ")
        if verbs:
            s = words.strip_leading_verb(s, r.lex.verbs, r.lex.keep_verbs)
        if s.startswith("、"):
            s = s[1:]
        if s == prev:
            break
    return s.strip(" ，,、")


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


def _milestones(after: str) -> tuple[list[tuple[int, Decimal]], str]:
    """Milestones in a bracket right after the value, and the text after that bracket."""
    a = after.lstrip()
    if not a or a[0] not in "(（":
        return [], after
    close = next((i for i, ch in enumerate(a) if ch in ")）"), -1)
    if close < 0:
        return [], after
    found = [(int(m["y"]), Decimal(m["v"])) for m in MILESTONE.finditer(a[1:close])]
    if not found:
        return [], after
    return [(y, v) for y, v in found if plausible_value(v)], a[close + 1 :]


def clause_targets(clause: str, year: int | None, section: str | None, line: int,
                   name: str | None = None, default: str | None = None) -> list[TargetRef]:
    """Targets of one clause (no ，；。 at depth 0 inside)."""
    if not may_hold_quantity(clause):
        return []
    r = rules()
    quantities = _quantities(clause, r)
    if not quantities:
        return []
    if "分别" in clause and len(quantities) >= 2:
        dist = _distributed(clause, quantities, year, section, line, r)
        if dist:
            return dist
    out: list[TargetRef] = []
    for a, b in _list_groups(clause, quantities):
        seg_q = [q for q in quantities if a <= q.start < b]
        for q in seg_q:
            before = clause[a : q.start]
            milestones, after = _milestones(clause[q.end : b])
            nxt = next((o for o in seg_q if o.start > q.start), None)
            if nxt is not None:  # 50所A和150个B: the noun runs to the next number
                after = _JOINER_END.sub("", clause[q.end : nxt.start])
            noun_after = _BOUND_WORD.sub("", after.strip(" 的")).strip(" 的")
            if (cut := _NOUN_STOP.search(noun_after, 1)) is not None:
                inner = noun_after[cut.start() + 1 : matching_close(noun_after, cut.start())]
                if len(inner) > 8 or re.search(r"[0-9，,、；;]", inner):
                    noun_after = noun_after[: cut.start()]  # 30%的号源（其中专家号源不低于30%）给…: an aside ends the noun
            if noun_after[:1] in "(（" or _GENERIC_AFTER.match(noun_after):
                noun_after = ""  # 1篇（不少于2万字）, 12000元的基础上: the noun is before
            if _cjk_len(noun_after) >= 2 and (q is seg_q[-1] or nxt is not None):
                indicator = strip_lead(noun_after, r)  # number before the noun: 建成30家…基地
            else:
                indicator = _strip_before(before, r)  # number after the noun: …拥有量达到15件
            indicator = name or indicator or default or ""
            if not indicator:
                continue
            if q.value == 1 and q.op == "=" and not name and not _BUILDS.search(before):
                continue  # 选择1所, 赋予1个随机号码, 各派1名代表: one of something, not a goal
            out.append(TargetRef(
                section=section, indicator=indicator, value=q.value, value_max=q.value_max, unit=q.unit,
                op=q.op, year=year, kind=kind_of(clause[: q.start], q.unit, r), text=clause,
                milestones=milestones, line=line,
            ))
    return out


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
    """"A、B和C…分别不超过5个、7个和6个": one target per number, indicators distributed."""
    subject = clause[: clause.index("分别")]
    subject = _HEDGE_END.sub("", subject).strip()
    parts = [p for p in _LIST_JOINER.split(subject) if p]
    if len(parts) != len(qs):
        return []
    width = len(parts[0])
    head = parts[-1][width:]
    names = [p + head for p in parts[:-1]] + [parts[-1]]
    op = _op_before(clause[: qs[0].start], r) or qs[0].op
    return [TargetRef(section, strip_lead(n, r), q.value, q.value_max, q.unit, op if q.op == "=" else q.op,
                      year, kind_of(clause[: q.start], q.unit, r), clause, [], line)
            for n, q in zip(names, qs)]


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
_GROWTH_END = lazy(r"(?:实现|力争)?(?:翻一番|翻番|翻两番|大幅增长|大幅提升|明显增长)$")
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
    if reading is not None and (reading.past or _PART_HINT.search(text)):
        return _reading_paragraph(text, year, section, line, name, reading)
    if not may_hold_quantity(text):  # most paragraphs: nothing to do
        m = YEAR_PHRASE.match(text)
        return out, (int(m["y"]) if m else year)
    for sentence in sentences(text):
        if not may_hold_quantity(sentence):  # no quantity and no year phrase (it needs digits)
            continue
        prev_clause, prev_found = "", False
        skip = no_target_sentence(sentence)
        for clause in _clauses(sentence):
            m = YEAR_PHRASE.match(clause)
            clause_year = year
            if m:
                clause_year = int(m["y"])
                year = clause_year
                rest = clause[m.end() :].lstrip("，, ")
                if not rest:
                    continue
            else:
                bare = _BRACKETED.sub("", clause)  # milestones in brackets date only themselves
                ym = _YEAR_IN.search(bare)  # 2023年培训计划，培养…: a year earlier in the sentence
                if ym and not _YEAR_SPAN_IN.search(bare):
                    year = int(ym["y"])
            if not skip and not any(rule.find(clause, r) for rule in _BY_LEVEL["clause"]):
                # 数量翻一番，达到14个: the subject of a clause without a number of its own
                default = _strip_before(_GROWTH_END.sub("", prev_clause), r) if prev_clause and not prev_found else None
                found = clause_targets(clause, clause_year, section, line, name, default or None)
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
    return out, year


#: Words without which a paragraph cannot open or close a part (a cheap test before the rules).
_PART_HINT = lazy(r"回顾|做了|今年|明年|预期目标|工作安排|工作建议|工作任务|工作要点|今后|未来|[0-9]年(?:是|，|,)")


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
_COMMITS = lazy(rf"达|建|培育|打造|实现|超过|突破|不低于|不少于|以上|以内|控制|提高|提升|增长|{YEAR}年|[,，。：:]")

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

    def heading(self, title: str, line: int) -> None:
        """A section heading: a review heading opens a review part, a forward heading ends it."""
        title = title.strip().rstrip("。：:；;，, ")
        if (year := _part_rule("review", "heading", title)) is not None:
            self._review(year, title, line)
        elif (year := _part_rule("forward", "heading", title)) is not None:
            self._forward(year)

    def sentence(self, text: str, line: int) -> None:
        """A sentence of the text: a review opener opens a review part, a forward opener ends it."""
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
        """N403 for every review part that held numbers."""
        return [NoticeRef("N403", f"line {line}: a review of past results ({words}…): the numbers of its {n} "
                                  f"sentence{'s' * (n != 1)} are not targets", line)
                for line, words, n in self.parts if n]


_LATER_YEAR = lazy(rf"^(?P<y>{YEAR})年(?:是|，|,)")


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
            continue
        was_past = reading.past
        reading.heading(node.title, node.line)
        inherited = years[-1]
        year = heading_year(node.title) or inherited
        found = [] if any(rule.find(node.title) for rule in _BY_LEVEL["heading"]) else \
            paragraph_targets(node.title, year, node.id, node.line, reading=reading)[0]
        ctx = year
        for para, no in zip(node.text, node.text_lines):
            more, ctx = paragraph_targets(para, ctx, node.id, no, reading=reading)
            found.extend(more)
            if len(out) + len(found) >= MAX_TARGETS:
                break
        out.extend(_settle(found, plan_year, start_year, reading))
        if len(out) >= MAX_TARGETS:
            return out[:MAX_TARGETS]
        child_year = heading_year(node.title) or (opening_year(node.text[0]) if node.text else None) or inherited
        stack.append(iter(node.children))
        years.append(child_year)
        entered.append(was_past)
    return out


def _settle(found: list[TargetRef], plan_year: int | None, start_year: int | None,
            reading: Reading | None = None) -> list[TargetRef]:
    report_year = reading.report_year if reading is not None else None
    default = plan_year if plan_year is not None else report_year
    start = start_year if start_year is not None else report_year
    out = []
    for t in found:
        if t.year is None and default is not None:
            t.year = default
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
                         ("培养高层次人才不少于两名",
                          [{"indicator": "高层次人才", "value": 2, "unit": "名", "op": ">=", "kind": "by_year"}]),
                         ("到2025年，知识产权质押融资登记金额达到20亿元以上",
                          [{"indicator": "知识产权质押融资登记金额", "value": 2_000_000_000, "unit": "元", "op": ">=",
                            "year": 2025, "kind": "by_year"}]),
                         ("每年新增专利代理机构3—5家",  # 新增 stays: an increment (keep_verbs)
                          [{"indicator": "新增专利代理机构", "value": 3, "value_max": 5, "unit": "家", "op": "range",
                            "kind": "annual"}])),
               near_misses=("十四五时期", "三个阶段", "两种不同教育类型", "千万家庭", "“4210”产业体系")),
    TargetRule(code="TG06", level="quantity", summary="一半 is a share of 50 % (一半以上 ≥, 超过一半 >)", find=_halves,
               examples=(("规上企业研发机构覆盖率超过一半",
                          [{"indicator": "规上企业研发机构覆盖率", "value": 50, "unit": "%", "op": ">", "kind": "by_year"}]),),
               near_misses=("多半", "半数以上")),
    TargetRule(code="TG02", level="number",
               summary="a procedural duration or frequency is not a target (3个月内出台, 每年调整1次, 每周2个半天)",
               find=_procedural,
               examples=(("于本文印发后3个月内出台辖区实施方案", ["3个月"]), ("每年调整1次专业", ["1次"]),
                         ("每周门诊不少于2个半天", ["2个半天"]), ("届满3个月前递交申请", ["3个月"])),
               near_misses=("审查周期压缩至3个月以内", "培训1000人次")),
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
                         ("目前已建成知识产权保护中心2家。", ["2家"]), ("专利授权量同比增长15%。", ["15%"])),
               near_misses=("到2025年，全市有效发明专利达到5000件。",)),
    TargetRule(code="TG03", level="clause",
               summary="a policy parameter is not a target (rewards, subsidies, fees, penalties, eligibility, "
                       "per-recipient amounts)",
               find=lambda text, r: _cue(r.parameter, text),
               examples=(("给予每件1万元奖励", ["1万元"]), ("补贴标准为每平方米37元", ["37元"]),
                         ("可以处10万元以下的罚款", ["10万元以下"]), ("中医药学科带头人每人每年2万元", ["2万元"]),
                         ("入围生产企业为2家的", ["2家"])),
               near_misses=("设立1亿元知识产权运营引导基金", "资助资金达到500万元", "专利申请量达到1万件",
                            "可再生能源装机容量超过50万千瓦")),
    TargetRule(code="TG04", level="heading",
               summary="a heading that only counts its items commits to nothing (知识产权保护方面5项): "
                       "no verb, operator, year or punctuation",
               find=lambda title: not _COMMITS.search(title),
               examples=(("知识产权保护方面5项", ["5项"]), ("科技金融创新方面5项", ["5项"])),
               near_misses=("到2025年专利申请量达到5000件", "建成30家服务基地")),
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
    TargetRule(code="TG17", level="article",
               summary="a provision of a law or regulation (第十二条 …) states rules, not targets (应指定3名, 一式2份, "
                       "30日内), unless it names a target year (到2025年)",
               find=lambda label: label if (m := match_marker(label)) is not None and m.style == "article" else None,
               examples=(("第八条 行政执法委员会应指定3名以上承办人员组成合议组。", ["3名以上"]),
                         ("第九条 提交答辩书一式2份。", ["2份"])),
               near_misses=("第九条 到2025年，全省有效发明专利达到10万件。", "一、目标\n建成3个服务中心。")),
)
_BY_LEVEL: dict[str, tuple[TargetRule, ...]] = {
    level: tuple(r for r in TARGET_RULES if r.level == level)
    for level in ("quantity", "number", "sentence", "clause", "heading", "section", "article", "review", "forward")
}


def _printed(text: str) -> list[str]:
    r = rules()
    return [text[q.start : q.end] for q in _quantities(text, r)]


def _target_gives(rule: TargetRule, text: str) -> list:
    """A target rule's value on a text: the targets a quantity rule finds, or the quantities
    (as printed) a rule that drops keeps from being targets."""
    r = rules()
    if rule.level == "quantity":
        return [given(indicator=t.indicator, value=float(t.value), value_max=_num(t.value_max), unit=t.unit, op=t.op,
                      year=t.year, kind=t.kind)
                for t in paragraph_targets(text, None, None, 0)[0]]
    if rule.level == "number":
        return [m.group() for m, before in _candidates(text, depth_mask(text), r)
                if rule.find(m["unit"], before, text[m.end():])]
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


def _num(d: Decimal | None) -> float | None:
    return None if d is None else float(d)


#: The rule table of the targets stage, for tests/test_rule_tables.py.
RULE_TABLES = (RuleTable("TARGET_RULES", "TG", TARGET_RULES, _target_gives),)
