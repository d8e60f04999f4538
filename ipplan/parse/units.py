"""Responsible units: every responsibility clause of a section, as a rule table.

Clause forms (``CLAUSE_RULES``): a labelled list in brackets (责任单位：…) / (牵头单位：…；配合单位：…) /
【责任单位】… / [责任单位：…] / (责任单位为…) (organs only), also after a deadline in the same bracket
(6月底完成，牵头考核单位：…), its label possibly spaced out (责 任 单 位：…);
a labelled list opening a paragraph or a sentence (责任单位：…); a bracket whose first sentence is
name lists closed by role verbs ((A、B按职责分工负责), (A牵头，B配合), (A指导)) or naming their
objects ((A负责X，B负责Y)); a bracket of organ names alone closing a sentence (…。（A、B）);
prose 由A牵头，B做好配合, A牵头，B配合 between commas, and a sentence of names and role verbs
only (…。A、B负责。). Names are split at 、 , ， ; ； only at bracket depth 0, so 各县(市、区)政府
stays whole; a bracket group at the end of a name that itself names an organ is an alias:
市市场监管局〔市知识产权局〕 → name 市市场监管局, aliases [市知识产权局]; one that says 牵头 marks a
lead. A deadline printed inside a clause (2023年底前完成, 完成时限：…) is kept apart, never as a unit.

Running text about duties (县级以上人民政府专利行政部门负责本行政区域内的专利工作, 日常工作由…处负责)
is no clause: a verb form needs its own bracket, or a sentence or comma-span holding nothing but
names and role verbs; nor is an article's caption right after its marker (第五条　（管理机构）).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import NamedTuple

from ipplan.parse.brackets import CLOSE, OPEN, matching_close, matching_open, split_top, top_groups, top_spans
from ipplan.parse.dates import YEAR
from ipplan.parse.rules import Rule, RuleTable, given, lazy
from ipplan.parse.types import Node, UnitRef
from ipplan.parse.vocab.markers import match_marker
from ipplan.parse.vocab.organs import LEVEL_HEAD, NATIONAL_ORGANS, ORGAN_END, PLACE_COLLECTIVE
from ipplan.parse.vocab.roles import (
    ASSIGNING_LABELS, GLOSS, LABEL_ALT, LEAD_LABELS, LEAD_MARK, MANNER_ALT, SPACED_LABEL, SUPPORT_VERBS, VERB_ALT, VERB_LEAD, VERB_RE,
)
from ipplan.parse.vocab.text import unspace


class Clause(NamedTuple):
    units: list[UnitRef]
    deadline: str | None
    start: int  # where the clause starts in its paragraph
    end: int  # where it ends (exclusive)


#: What follows a role label before its names: a colon, or 为 (责任单位为市科技局). A list after
#: 为 counts only when every item names an organ (责任单位为落实主体 is a sentence).
LABEL_SEP = r"\s*(?:[:：]|(?P<wei>为))"
#: A role label inside a clause body, splitting it into role segments.
ROLE_IN_BODY = lazy(rf"(?P<label>{LABEL_ALT})(?:\s*[:：】\]]|为)")
#: A deadline label inside a clause body: (责任单位：…；完成时限：2023年底前).
DEADLINE_LABEL = lazy(r"(?:完成时限|完成时间|时间节点|时限要求|时间要求|时间安排|时限)\s*[:：]")
#: A list item that is a deadline or a pace, not a unit: 2023年底前完成, 6月底前, 长期坚持,
#: 5月底取得阶段性成效并持续推进, 按进度推进.
DEADLINE_ITEM = lazy(
    rf"^(?:于|在)?(?:{YEAR}\s*年|\d{{1,2}}\s*月|年底|年内|上半年|下半年|每年|长期|持续|常态化|逐年|分年度|"
    r"按(?:进度|计划|时序|序时|节点|时间节点|年度))"
    r"[^、,，;；]{0,16}?(?:前|底|末|内|完成|推进|坚持|启动|出台|建成)?$")
#: A trailing tail naming no organ: 等, 等单位, 等有关部门, 及其他有关成员单位.
_NAME_TAIL = lazy(r"(?:等(?:有关|相关)?(?:部门|单位)?|及其他(?:有关|相关)?(?:成员)?(?:部门|单位))$")
#: A name that names no organ at all (会同有关部门负责 → 有关部门): dropped like a tail.
_VAGUE = lazy(r"(?:其他|其它)?(?:有关|相关)(?:部门|单位|方面)")
#: A role verb (with its manner) closing a segment (optionally followed by 实施 / 工作).
_VERB_AT_END = lazy(rf"(?:{MANNER_ALT})*(?P<verb>{VERB_ALT})(?:实施|工作)?$")
#: Prose: 由A牵头，…B(做好)配合 within one sentence.
_PROSE = lazy(r"由(?P<lead>[^，,。；;（(]{2,40}?)牵头(?P<rest>[^。]*?)(?P<sup>[^，,。；;由]{2,60}?)(?:做好|积极|负责)?配合")
#: A comma-span that leads: (由)A牵头 / A牵头负责; its verb before a comma.
_LEAD_SPAN = lazy(r"(?:由)?(?P<names>.+?)牵头(?:负责|落实)?")
_LEAD_WORD = lazy(r"牵头(?:负责|落实)?(?=\s*[，,])")
#: A role verb closing a sentence (RU10): the only place such a sentence can end.
_VERB_CLOSING = lazy(rf"(?:{VERB_ALT})(?:实施|工作)?(?=\s*(?:[。！？!?；;]|$))")
#: A sentence end, for the prose forms.
_SENTENCE_END = lazy(r"[。！？!?；;]")

SEPARATORS = "、,，;；"
#: A bracket longer than this is prose, not a clause.
MAX_CLAUSE = 300


#: Words no organ's name holds, only a sentence about one (日常工作由…科教处, 试点地区要…), and a
#: role label opening it (责任单位为市科技局 is a label and a name).
_PROSE_WORD = lazy(rf"由|的|要|应当|必须|按照|根据|通过|[:：]|^(?:{LABEL_ALT})")


def _is_body(name: str) -> bool:
    """An organ (市科技局, 中国科协), or the places of one level together (各地区, 各县（市、区）);
    never a bare ending (部门, 单位) nor a phrase holding a word no name holds."""
    if len(name) > 40 or _PROSE_WORD.search(name):
        return False
    m = ORGAN_END.search(name)
    return (m is not None and m.start() > 0) or PLACE_COLLECTIVE.fullmatch(name) is not None or name in NATIONAL_ORGANS


@functools.lru_cache(maxsize=4096)  # a pure function of its text; names recur in a plan
def parse_unit(item: str, lead: bool = False) -> UnitRef | None:
    """One list item: a leading * or a trailing （牵头） marks a lead, trailing organ brackets are
    aliases, a trailing 等有关部门 and a name naming no organ (有关部门) go."""
    item = unspace(re.sub(r"\s+", "", item.strip().strip("。.")))
    if item.startswith(("*", "＊")):
        lead, item = True, item.lstrip("*＊").strip()
    aliases: list[str] = []
    while item and item[-1] in CLOSE:
        i = matching_open(item, len(item) - 1)
        inner = item[i + 1 : -1].strip()
        if i <= 0:
            break
        if LEAD_MARK.fullmatch(inner):
            lead, item = True, item[:i].strip()
            continue
        if not ORGAN_END.search(inner):
            break
        aliases.insert(0, inner)
        item = item[:i].strip()
    item = _NAME_TAIL.sub("", item).strip() if len(item) > 1 else item
    if not item or item in ("/", "-", "—", "无", "——") or _VAGUE.fullmatch(item):
        return None
    return UnitRef(item, tuple(aliases), lead)


def _shares_head(item: str, nxt: str) -> bool:
    """各市、县政府: a bare level (各市, 省, 自治区) before an item that is a level and an organ
    (县政府, 直辖市人民政府, 县（市、区）人民政府) shares that item's organ."""
    if not LEVEL_HEAD.fullmatch(item):
        return False
    m = LEVEL_HEAD.match(nxt)
    if not m or nxt.startswith("各") or m.group() == item.lstrip("各"):
        return False  # 各市、市直有关部门: two bodies
    tail = re.sub(r"^[(（][^()（）]{1,10}[)）]", "", nxt[m.end():])
    return bool(tail) and not tail.startswith("直") and ORGAN_END.search(tail) is not None


def _items(text: str) -> list[str]:
    """The names of a list: split at 、 , ， ; ； at depth 0, a 、-run of bare levels sharing
    its last item's organ kept whole (各市、县政府)."""
    out: list[str] = []
    for part in split_top(text, ",，;；"):
        run: list[str] = []
        for item in split_top(part, "、"):
            run.append(item)
            if len(run) > 1 and _shares_head(run[-2], item) and all(LEVEL_HEAD.fullmatch(r) for r in run[:-1]):
                out.append("、".join(run))
                run = []
            elif not LEVEL_HEAD.fullmatch(item):
                out.extend(run)
                run = []
        out.extend(run)
    return out


def _parse_list(text: str, lead: bool = False) -> tuple[list[UnitRef], str | None]:
    """A list of units, possibly with role and deadline labels inside; returns (units, deadline)."""
    out: list[UnitRef] = []
    deadline = None
    marks = sorted(list(ROLE_IN_BODY.finditer(text)) + list(DEADLINE_LABEL.finditer(text)), key=lambda m: m.start())
    segments: list[tuple[bool | None, str]] = []  # lead (None: a deadline segment), text
    if not marks or marks[0].start():
        segments.append((lead, text[: marks[0].start()] if marks else text))
    for m, nxt in zip(marks, marks[1:] + [None]):
        body = text[m.end() : nxt.start() if nxt else len(text)]
        label = m.groupdict().get("label")
        segments.append((None if label is None else label in LEAD_LABELS or lead, body))
    for seg_lead, seg in segments:
        if seg_lead is None:
            deadline = deadline or seg.strip(" ；;，,。") or None
            continue
        for item in _items(seg.strip("【[［")):
            if DEADLINE_ITEM.match(item.strip(" 。")):
                deadline = deadline or item.strip(" 。")
                continue
            unit = parse_unit(item, seg_lead)
            if unit:
                out.append(unit)
    return out, deadline


def parse_unit_list(text: str, lead: bool = False) -> list[UnitRef]:
    """A list of units, possibly with role labels inside (牵头单位：…；配合单位：…)."""
    return _parse_list(text, lead)[0]




# ---------------------------------------------------------------- clause forms


def _labelled_bracket(text: str, m: re.Match[str]) -> Clause | None:
    start = m.start()
    if text[start] == "【" and text[m.end() - 1] == "】":  # 【责任单位】A、B: to the sentence end
        end = len(text)
        for stop in ("。", "\n", "（", "("):
            k = text.find(stop, m.end())
            if k != -1:
                end = min(end, k)
        body = text[m.end() - len(m["label"]) - 1 : end]
    else:
        end = matching_close(text, start)
        body = text[start + 1 : end]
        end += 1
    units, deadline = _parse_list(body)
    return Clause(units, deadline, start, min(end, len(text))) if _stated(units, m) else None


def _stated(units: list[UnitRef], label: re.Match[str]) -> bool:
    """A labelled list gave units: any after a colon; after 为 only organs, and only under a label
    that assigns a task (责任单位为市科技局; not 责任单位为落实主体, not 主管部门为…)."""
    if not units or not label["wei"]:
        return bool(units)
    return unspace(label["label"]) in ASSIGNING_LABELS and all(_is_body(u.name) for u in units)


#: A role label after a comma inside a bracket: （6月底完成，牵头考核单位：市审批服务局）.
_LATE_LABEL = lazy(rf"[，,；;]\s*(?P<label>{LABEL_ALT}){LABEL_SEP}")


def _late_labelled(text: str) -> list[Clause]:
    """A bracket whose labelled list follows a deadline (or a pace): what precedes the label
    is the deadline when it reads as one, units when it names organs, else nothing."""
    out = []
    for start, end in top_groups(text):
        if text[start] not in "(（" or end - start > MAX_CLAUSE or CLAUSE_START.match(text, start):
            continue
        inner = text[start + 1 : end]
        m = _LATE_LABEL.search(inner)
        if not m or "。" in inner[: m.start()] or GLOSS.match(inner):
            continue
        pre = inner[: m.start()].strip()
        units, deadline = _parse_list(inner[m.start("label") :])
        if DEADLINE_ITEM.match(pre):
            deadline = pre
        elif (named := parse_unit_list(pre)) and all(_is_body(u.name) for u in named):
            units = named + units
        if _stated(units, m):
            out.append(Clause(units, deadline, start, min(end + 1, len(text))))
    return out


#: Role verbs that never take an object: 协同 before a noun is an attribute (协同监管平台).
_NO_OBJECT = frozenset({"协同"})


def _names_verb(seg: str, *, objects: bool, prefix: bool) -> tuple[str, str, str] | None:
    """(names, verb, object) of a segment "names + role verb (+ object)": the first verb after
    which the names before it are all organs. ``prefix``: words may precede a 由 (技工院校内由…);
    ``objects``: the verb may name its object (负责商标部分)."""
    candidates = VERB_RE.finditer(seg) if objects else (m for m in (_VERB_AT_END.search(seg),) if m)
    for m in candidates:
        names, obj = seg[: m.start()], seg[m.end() :]
        if obj and (m["verb"] in _NO_OBJECT or obj.startswith(("的", "之")) or len(obj) > 30):
            continue
        k = names.rfind("由") if prefix else (0 if names.startswith("由") else -1)
        names = names[k + 1 :] if k >= 0 else names
        items = [u for part in names.split("会同") for u in parse_unit_list(part)]
        if items and all(_is_body(u.name) for u in items):
            return names, m["verb"], obj
    return None


#: A 、 or a space right after a role verb, before the next names: (A牵头、B配合), (A牵头 B配合).
_VERB_BREAK = lazy(rf"(?:{VERB_ALT})(?:实施|工作)?(?P<gap>、|\s+)(?=[^\s、，,；;。])(?!(?:{MANNER_ALT})*(?:{VERB_ALT}))")


def _split_after_verbs(seg: str) -> list[str]:
    """A segment cut where a role verb is followed by 、 or a space and more names: the verb
    closes its names there (A牵头、B配合 → A牵头 | B配合), so A牵头 is never read as a name."""
    if "、" not in seg and " " not in seg and "\u3000" not in seg:
        return [seg]
    parts, start = [], 0
    for m in _VERB_BREAK.finditer(seg):
        parts.append(seg[start : m.start("gap")])
        start = m.end("gap")
    parts.append(seg[start:])
    return [p.strip() for p in parts if p.strip()]


def _role_segments(text: str, *, objects: bool = False, prefix: bool = True) -> tuple[list[UnitRef], str | None, bool] | None:
    """Units of a text whose every ，/；-segment is names closed by a role verb (A、B负责 /
    A牵头 / B配合), a deadline, or names alone sharing the next segment's verb
    (省科技厅、省知识产权局，各市人民政府负责); None when a segment is anything else.
    Returns (units, deadline, whether a verb named its object)."""
    segments = [part for seg in split_top(text, "，,；;") for part in _split_after_verbs(seg)]
    parsed: list[tuple[str, str]] = []
    pending: list[str] = []
    deadline, with_object = None, False
    for seg in segments:
        if DEADLINE_ITEM.match(seg):
            deadline = deadline or seg
            continue
        found = _names_verb(seg, objects=objects, prefix=prefix)
        if found is None:
            if VERB_RE.search(seg) is None and (named := parse_unit_list(seg)) and all(_is_body(u.name) for u in named):
                pending.append(seg)
                continue
            return None
        names, verb, obj = found
        with_object = with_object or bool(obj.strip())
        parsed.extend((p, verb) for p in pending)
        parsed.append((names, verb))
        pending = []
    if pending or not parsed:
        return None
    # A 负责 beside a supporting verb marks the leads, unless a 牵头 names them already
    # (A牵头，B配合，C负责落实: C carries out, A leads).
    supported = (any(verb in SUPPORT_VERBS for _, verb in parsed)
                 and not any(VERB_LEAD[verb] is True for _, verb in parsed))
    units: list[UnitRef] = []
    for names, verb in parsed:
        lead = VERB_LEAD[verb]
        units.extend(u for part in names.split("会同") for u in parse_unit_list(part, supported if lead is None else lead))
    return units, deadline, with_object


def _verb_bracket(inner: str, objects: bool = False) -> tuple[list[UnitRef], str | None, bool] | None:
    """(A、B负责) / (A牵头，B配合) / (A指导，B负责落实。以下…): every segment of the first
    sentence is names closed by a role verb (or a deadline); else not a clause."""
    if GLOSS.match(inner.strip()):
        return None
    return _role_segments(inner.split("。")[0], objects=objects)


def _verb_clauses(text: str, objects: bool = False) -> list[Clause]:
    """RU03 (names closed by verbs) or, with ``objects``, RU07 (a verb naming its object)."""
    return [c for c, with_object in _verb_scan(text) if with_object == objects]


@functools.lru_cache(maxsize=64)
def _verb_scan(text: str) -> tuple[tuple[Clause, bool], ...]:
    """Every verb bracket of a paragraph once for both rules: (clause, whether it needs RU07)."""
    out = []
    for start, end in top_groups(text):
        if text[start] not in "(（" or end - start > MAX_CLAUSE or not VERB_RE.search(text, start, end):
            continue
        inner = text[start + 1 : end]
        found, with_object = _verb_bracket(inner), False
        if not found:
            found, with_object = _verb_bracket(inner, objects=True), True
        if found and found[2] == with_object:
            out.append((Clause(found[0], found[1], start, min(end + 1, len(text))), with_object))
    return tuple(out)


def _prose_clauses(text: str) -> list[Clause]:
    out = []
    for m in _PROSE.finditer(text):
        lead = parse_unit_list(m["lead"], True)
        sup = parse_unit_list(m["sup"])
        if lead and all(_is_body(u.name) for u in lead + sup):
            out.append(Clause(lead + sup, None, m.start(), m.end()))
    return out


def _sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The bounds of the sentence holding text[start:end] (at most MAX_CLAUSE characters each
    way; sentence ends at any depth, which is all a prose form needs)."""
    lo = max(0, start - MAX_CLAUSE)
    ends = list(_SENTENCE_END.finditer(text, lo, start))
    a = ends[-1].end() if ends else lo
    m = _SENTENCE_END.search(text, end, min(len(text), end + MAX_CLAUSE))
    return a, m.start() if m else min(len(text), end + MAX_CLAUSE)


def _lead_support_spans(text: str) -> list[Clause]:
    """A牵头，B配合 between commas anywhere in a sentence: a comma-span of organs closed by 牵头,
    then one or more of organs closed by a supporting verb (配合, 参与, 按职责分工负责 …)."""
    out: list[Clause] = []
    for hit in _LEAD_WORD.finditer(text):
        if out and hit.start() < out[-1].end:
            continue
        a, b = _sentence_around(text, hit.start(), hit.end())
        spans = list(top_spans(text, "，,", a, b))
        i = next((k for k, (x, y) in enumerate(spans) if x <= hit.start() < y), len(spans))
        m = _LEAD_SPAN.fullmatch(text, *spans[i]) if i < len(spans) else None
        lead = parse_unit_list(m["names"], True) if m else []
        if not lead or not all(_is_body(u.name) for u in lead):
            continue
        support: list[UnitRef] = []
        j = i + 1
        while j < len(spans):
            found = _names_verb(text[spans[j][0] : spans[j][1]], objects=False, prefix=False)
            if not found or VERB_LEAD[found[1]] is True:
                break
            support += parse_unit_list(found[0])
            j += 1
        if support:
            out.append(Clause(lead + support, None, spans[i][0], spans[j - 1][1]))
    return out


def _role_sentences(text: str) -> list[Clause]:
    """A sentence of names and role verbs only, outside brackets: …。市科技局牵头，市财政局配合。"""
    out: list[Clause] = []
    for hit in _VERB_CLOSING.finditer(text):
        a, b = _sentence_around(text, hit.start(), hit.end())
        sentence = text[a:b].strip()
        if (out and a < out[-1].end) or not sentence or sentence[0] in OPEN:
            continue
        found = _role_segments(sentence, prefix=False)
        if found:
            out.append(Clause(found[0], found[1], a + text[a:b].find(sentence[0]), b))
    return out


def _bare_brackets(text: str) -> list[Clause]:
    """A bracket of organ names alone closing a sentence: …加强保护。（市科技局、市财政局） or
    …加强保护（市科技局）。 Not a gloss (（以下简称…）（含…）（如…等）), not an alias right after
    a name (市市场监管局（市知识产权局）); alone on its line only with two names or more (a
    name alone there may be a signature's)."""
    out = []
    for start, end in top_groups(text):
        if text[start] not in "(（" or end >= len(text) or end - start > 150:
            continue
        b = start
        while b > 0 and text[b - 1] in " 　":
            b -= 1
        a = end + 1
        while a < len(text) and text[a] in " 　”’\"":
            a += 1
        stop_before = b > 0 and text[b - 1] in "。；;！!？?"
        stop_after = a == len(text) or text[a] in "。；;！!？?"
        alone = b == 0 and not text[a:].strip("。；; ")
        if not (stop_before or alone) and (b == 0 or not stop_after or ORGAN_END.search(text, max(0, b - 12), b)):
            continue  # not closing its own sentence, or an alias right after a name
        if not stop_before and _caption(text[:b]):
            continue  # 第五条　（管理机构）: an article's caption, not a clause
        inner = text[start + 1 : end].strip()
        if GLOSS.match(inner) or "。" in inner:
            continue
        units: list[UnitRef] = []
        deadline = None
        for item in _items(inner):
            if DEADLINE_ITEM.match(item):
                deadline = deadline or item
                continue
            unit = parse_unit(item)
            if unit is None or not _is_body(unit.name) or (len(unit.name) < 3 and unit.name not in NATIONAL_ORGANS):
                units = []
                break
            units.append(unit)
        if units and (len(units) > 1 or not alone):
            out.append(Clause(units, deadline, start, end + 1))
    return out


def _caption(before: str) -> bool:
    """The sentence before a bracket is nothing but an outline marker (第五条, 三、, （二）)."""
    ends = list(_SENTENCE_END.finditer(before))
    head = before[ends[-1].end() if ends else 0 :].strip(" \u3000")
    marker = match_marker(head) if head else None
    return marker is not None and not head[marker.end :].strip(" \u3000")


def _line_clause(text: str) -> list[Clause]:
    """A paragraph opening with a labelled list: to its first sentence end."""
    if not (m := LINE_CLAUSE.match(text)):
        return []
    end = next(top_spans(text, "。"), (0, len(text)))[1]
    units, deadline = _parse_list(text[:end])
    return [Clause(units, deadline, 0, end)] if _stated(units, m) else []


def _sentence_labelled(text: str) -> list[Clause]:
    """A labelled list opening a sentence inside a paragraph: …推进工作。责任单位：市科技局、市财政局。"""
    out: list[Clause] = []
    groups: list[tuple[int, int]] | None = None
    for m in SENTENCE_LABEL.finditer(text):
        start = m.start("label")
        if out and start < out[-1].end:
            continue  # a further label of the same list (…；配合单位：…)
        groups = top_groups(text) if groups is None else groups
        if any(a < start <= b for a, b in groups):
            continue  # inside a bracket: RU01's
        end = next(top_spans(text, "。！？!?", start), (start, len(text)))[1]
        units, deadline = _parse_list(text[start:end])
        if _stated(units, m):
            out.append(Clause(units, deadline, start, end))
    return out


@dataclass(frozen=True, kw_only=True)
class ClauseRule(Rule):
    """A form of responsibility clause: ``find(paragraph)`` returns its clauses in the
    paragraph. Examples give the units the clauses name (name, aliases, lead) and a
    deadline printed inside them."""

    find: Callable[[str], list[Clause]]


#: An opening bracket followed by a role label and a colon: the start of a labelled clause.
CLAUSE_START = lazy(rf"[(（【\[［]\s*(?P<label>{LABEL_ALT})(?:{LABEL_SEP}|\s*[】\]］]\s*[:：]?)")
#: A paragraph that is itself the clause: "责任单位：市科技局、市财政局".
LINE_CLAUSE = lazy(rf"^\s*(?P<label>{LABEL_ALT}){LABEL_SEP}")
#: A role label and a colon opening a sentence inside a paragraph (after 。；！？).
SENTENCE_LABEL = lazy(rf"[。；;！!？?]\s*(?P<label>{LABEL_ALT}){LABEL_SEP}")


def _unit(name: str, lead: bool = False, aliases: tuple[str, ...] = ()) -> dict:
    return given(name=name, aliases=list(aliases), lead=lead)


CLAUSE_RULES: tuple[ClauseRule, ...] = (
    ClauseRule(code="RU01",
               summary="labelled list in brackets: (责任单位：…) (牵头单位：…；配合单位：…) 【责任单位】… [责任单位：…]",
               find=lambda t: [c for m in CLAUSE_START.finditer(t) if (c := _labelled_bracket(t, m))],
               examples=(("推进工作。（责任单位：市科技局、市财政局）", {"units": [_unit("市科技局"), _unit("市财政局")]}),
                         ("（牵头单位：市科技局；配合单位：市财政局）", {"units": [_unit("市科技局", True), _unit("市财政局")]}),
                         ("（总牵头单位：市市场监管局）", {"units": [_unit("市市场监管局", True)]}),
                         ("【责任单位】市科技局、市教育局", {"units": [_unit("市科技局"), _unit("市教育局")]}),
                         ("[责任单位：市科技局]", {"units": [_unit("市科技局")]}),
                         ("（责任单位：市市场监管局〔市知识产权局〕；完成时限：2023年底前）",
                          {"units": [_unit("市市场监管局", aliases=("市知识产权局",))], "deadline": "2023年底前"}),
                         ("（牵头考核单位：区工信局，配合单位：区财政局）",
                          {"units": [_unit("区工信局", True), _unit("区财政局")]}),
                         ("（责任单位：县农业农村局（牵头）、县林业局）",
                          {"units": [_unit("县农业农村局", True), _unit("县林业局")]}),
                         ("（责任单位：各市、县人民政府，省市场监管局）",
                          {"units": [_unit("各市、县人民政府"), _unit("省市场监管局")]}),
                         ("开展培训。（责任单位为县人社局、县总工会）", {"units": [_unit("县人社局"), _unit("县总工会")]}),
                         ("（牵头单位为区发改委，配合单位为区财政局、各街道）",
                          {"units": [_unit("区发改委", True), _unit("区财政局"), _unit("各街道")]}),
                         ("（责 任 单 位：县商务局、县税务局）", {"units": [_unit("县商务局"), _unit("县税务局")]}),
                         ("（牵头 单位：市卫健委；配合 单位：市医保局）",
                          {"units": [_unit("市卫健委", True), _unit("市医保局")]})),
               near_misses=("（含定州、辛集市，下同）", "责任单位要加强协调。", "（责任单位为落实主体）",
                            "（主管部门为县级以上市场监管部门）", "（牵头单位为第一责任人）")),
    ClauseRule(code="RU02", summary="a paragraph opening with the list: 责任单位：… (to its first 。)",
               find=lambda t: _line_clause(t),
               examples=(("责任单位：市科技局、市教育局", {"units": [_unit("市科技局"), _unit("市教育局")]}),
                         ("牵头单位：市科技局；配合单位：市财政局", {"units": [_unit("市科技局", True), _unit("市财政局")]}),
                         ("责任单位：区司法局。下一步要做好衔接。", {"units": [_unit("区司法局")]}),
                         ("责任单位为镇农业服务中心、镇财政所。", {"units": [_unit("镇农业服务中心"), _unit("镇财政所")]}),
                         ("责 任 单 位：区民政局", {"units": [_unit("区民政局")]})),
               near_misses=("各责任单位要加强协调。", "推进工作。", "主管部门为县级以上人民政府商务主管部门。",
                            "责任主体为各数据提供部门。", "责任单位为项目承担企业的，应当按期报送进展。")),
    ClauseRule(code="RU03",
               summary="names closed by role verbs in brackets: (A、B负责) (A牵头，B配合) (A指导) (A、B按职责分工负责)",
               find=_verb_clauses,
               examples=(("推进工作。（市科技局、市财政局负责）", {"units": [_unit("市科技局"), _unit("市财政局")]}),
                         ("（生态环境部牵头，国家发展改革委、国家统计局参与）",
                          {"units": [_unit("生态环境部", True), _unit("国家发展改革委"), _unit("国家统计局")]}),
                         ("（工业和信息化部指导）", {"units": [_unit("工业和信息化部")]}),
                         ("（市科技局、市财政局按职责分工负责）", {"units": [_unit("市科技局"), _unit("市财政局")]}),
                         ("（技工院校内由人力资源社会保障行政部门负责）", {"units": [_unit("人力资源社会保障行政部门")]}),
                         ("（市科技局负责，市财政局配合）", {"units": [_unit("市科技局", True), _unit("市财政局")]}),
                         ("（生态环境部指导，试点城市政府负责落实。以下均需试点城市政府落实，不再列出）",
                          {"units": [_unit("生态环境部"), _unit("试点城市政府")]}),
                         ("（农业农村部、国家林草局按职责分别负责）", {"units": [_unit("农业农村部"), _unit("国家林草局")]}),
                         ("（省科技厅、省教育厅，各市人民政府负责）",
                          {"units": [_unit("省科技厅"), _unit("省教育厅"), _unit("各市人民政府")]}),
                         ("（知识产权局牵头，各地区按职责分工负责）", {"units": [_unit("知识产权局", True), _unit("各地区")]}),
                         ("（国家版权局会同有关部门负责）", {"units": [_unit("国家版权局")]}),
                         ("（市科技局、市财政局按照职责分工负责）", {"units": [_unit("市科技局"), _unit("市财政局")]}),
                         ("（各县（市、区）人民政府抓好落实）", {"units": [_unit("各县（市、区）人民政府")]}),
                         ("（市科协、团市委负责，2024年6月底前完成）",
                          {"units": [_unit("市科协"), _unit("团市委")], "deadline": "2024年6月底前完成"}),
                         ("（省市场监管局牵头，省公安厅、省司法厅按职责分工配合）",
                          {"units": [_unit("省市场监管局", True), _unit("省公安厅"), _unit("省司法厅")]}),
                         ("（市交通局牵头，市港务集团按职责配合）", {"units": [_unit("市交通局", True), _unit("市港务集团")]}),
                         ("（县发改局牵头，县财政局按照各自职能负责）", {"units": [_unit("县发改局", True), _unit("县财政局")]}),
                         ("（市科技局牵头，市财政局配合，各县区政府负责落实）",
                          {"units": [_unit("市科技局", True), _unit("市财政局"), _unit("各县区政府")]}),
                         ("（区商务局牵头、区税务局配合）", {"units": [_unit("区商务局", True), _unit("区税务局")]}),
                         ("（区商务局牵头 区税务局、区财政局配合）",
                          {"units": [_unit("区商务局", True), _unit("区税务局"), _unit("区财政局")]})),
               near_misses=("（中医药局要发挥牵头作用）", "（企业负责）", "加强保护（含商业秘密）。", "（试点城市负责）",
                            "（如市科技局、市财政局等负责）", "（有关部门按职责分工配合）")),
    ClauseRule(code="RU04", summary="prose: 由A牵头，…B做好配合",
               find=_prose_clauses,
               examples=(("由省教育厅牵头，会同有关方面推进，省财政厅做好配合。",
                          {"units": [_unit("省教育厅", True), _unit("省财政厅")]}),),
               near_misses=("中医药局要发挥牵头作用，各部门积极配合。", "由企业牵头，高校配合。")),
    ClauseRule(code="RU05",
               summary="a labelled list after a deadline in one bracket: (6月底完成，牵头考核单位：市X局)",
               find=_late_labelled,
               examples=(("推进“一网通办”。（0.5分）（6月底完成，牵头考核单位：区政务服务局）",
                          {"units": [_unit("区政务服务局", True)], "deadline": "6月底完成"}),
                         ("（持续推进，责任单位：县教育局、县人社局）",
                          {"units": [_unit("县教育局"), _unit("县人社局")], "deadline": "持续推进"}),
                         ("（按进度推进；牵头单位：州发改委）", {"units": [_unit("州发改委", True)], "deadline": "按进度推进"}),
                         ("（责任领导：王副县长；责任单位：县商务局）", {"units": [_unit("县商务局")]}),
                         ("（9月底完成，牵头单位为区行政审批局）",
                          {"units": [_unit("区行政审批局", True)], "deadline": "9月底完成"})),
               near_misses=("（以下简称专班，牵头单位：市委办）", "完成考核。（牵头考核单位相同的，合并打分）",
                            "（6月底完成，牵头考核单位要加强督导）", "（年内完成，实施单位为申报企业）")),
    ClauseRule(code="RU06", summary="a labelled list opening a sentence inside a paragraph: …。责任单位：A、B。",
               find=_sentence_labelled,
               examples=(("完善服务网点布局。责任单位：市市场监管局、市科技局。加快推进数据共享。",
                          {"units": [_unit("市市场监管局"), _unit("市科技局")]}),
                         ("开展专项行动；牵头单位：市公安局；配合单位：市场监管局",
                          {"units": [_unit("市公安局", True), _unit("市场监管局")]}),
                         ("建设共享平台。牵头单位为市数据局；配合单位为市财政局。",
                          {"units": [_unit("市数据局", True), _unit("市财政局")]}),
                         ("优化审批流程。责 任 单 位：市审批局。", {"units": [_unit("市审批局")]})),
               near_misses=("要明确责任单位：确保落实。", "各地要落实牵头单位责任。",
                            "（牵头单位：市科技局；配合单位：市财政局）", "建立台账。责任单位为第一责任人，要亲自部署。",
                            "本办法施行。主管部门为市人民政府数据主管部门。", "实行清单管理。责任主体为各政务部门。")),
    ClauseRule(code="RU07",
               summary="role verbs naming their objects in one bracket: (A负责X，B负责Y) (A牵头组织实施)",
               find=lambda t: _verb_clauses(t, objects=True),
               examples=(("（市科技局负责专利部分，市市场监管局负责商标部分）",
                          {"units": [_unit("市科技局"), _unit("市市场监管局")]}),
                         ("（区教育局牵头组织实施，区财政局配合做好经费保障）",
                          {"units": [_unit("区教育局", True), _unit("区财政局")]})),
               near_misses=("（市科技局负责的项目）", "（中医药局要发挥牵头作用）", "（含市科技局负责的平台）",
                            "（企业负责研发投入）")),
    ClauseRule(code="RU08",
               summary="A牵头，B配合 between commas anywhere in a paragraph (no 由 needed)",
               find=_lead_support_spans,
               examples=(("建立会商机制，市市场监管局牵头，市公安局、市法院配合，每季度通报一次。",
                          {"units": [_unit("市市场监管局", True), _unit("市公安局"), _unit("市法院")]}),
                         ("健全快速维权体系。县科技局牵头负责，县司法局等部门按职责分工负责。",
                          {"units": [_unit("县科技局", True), _unit("县司法局")]})),
               near_misses=("中医药局要发挥牵头作用，各部门积极配合。", "由主管院领导牵头负责，指定专人负责继承工作。",
                            "公安、市场监管等部门应当协同配合。", "建立联席会议，市科技局牵头，定期会商。")),
    ClauseRule(code="RU09",
               summary="a bracket of organ names alone closing a sentence: …。（A、B） …（A）。",
               find=_bare_brackets,
               examples=(("加快建设知识产权公共服务网点。（市市场监管局、市科技局）",
                          {"units": [_unit("市市场监管局"), _unit("市科技局")]}),
                         ("深化专利快速预审服务（省知识产权保护中心、各市人民政府）。",
                          {"units": [_unit("省知识产权保护中心"), _unit("各市人民政府")]}),
                         ("推动地理标志产品保护。（国家知识产权局、农业农村部，2025年底前）",
                          {"units": [_unit("国家知识产权局"), _unit("农业农村部")], "deadline": "2025年底前"}),
                         ("（市科技局、市财政局）", {"units": [_unit("市科技局"), _unit("市财政局")]})),
               near_misses=("依托市知识产权局（以下简称市局）开展工作。", "覆盖全市（含各县区人民政府）。",
                            "联合有关部门（如市科技局、市经信局等）。", "联席会议办公室设在市市场监管局（市知识产权局）。",
                            "鼓励家庭医生（团队）参与。", "设立知识产权保护中心（南通分中心），服务企业。",
                            "（市市场监管局）", "第五条　（管理机构）", "第十二条（监督部门、执法部门）",
                            "（责任单位为市科技局、市财政局）")),
    ClauseRule(code="RU10",
               summary="a sentence of names and role verbs only: …。市科技局牵头，市财政局配合。 …。A、B负责。",
               find=_role_sentences,
               examples=(("开展知识产权进企业活动。县市场监管局、县工商联负责。",
                          {"units": [_unit("县市场监管局"), _unit("县工商联")]}),
                         ("打造服务平台。市工信局牵头，市大数据局参与。",
                          {"units": [_unit("市工信局", True), _unit("市大数据局")]})),
               near_misses=("县级以上人民政府专利行政部门负责本行政区域内的专利工作。", "日常工作由市中医管理局科教处负责。",
                            "本政策由省经济和信息化厅负责解释。", "专利代理师对其签名办理的专利代理业务负责。",
                            "试点城市负责。", "城区以外河道的清理，由所在街道办事处负责。",
                            "县数据资源主管部门具体负责本辖区数据共享工作。", "市数据工作小组办公室负责组织推进决策落实。",
                            "申请人提出复核的，数据提供部门应当予以配合。")),
)


#: Any role word at all: most paragraphs have none and skip every rule (one C scan).
_ANY_ROLE = lazy(f"{LABEL_ALT}|{VERB_ALT}")


def _bare_possible(text: str) -> bool:
    """A paragraph with no role word may still close a sentence with a bracket (RU09)."""
    return "）" in text or ")" in text


def find_clauses(text: str) -> list[Clause]:
    """Every responsibility clause of one paragraph, in order. Rules run in table order and a
    clause overlapping one already found is not read again (a bracket read as a labelled list
    is not read again as a verb clause or a bare bracket)."""
    out: list[Clause] = []
    text = _join_spaced_labels(text)
    roles = _ANY_ROLE.search(text) is not None
    if not roles and not _bare_possible(text):
        return out
    for rule in CLAUSE_RULES if roles else (_BARE_RULE,):
        for clause in rule.find(text):
            if any(clause.start < c.end and c.start < clause.end for c in out):
                continue
            out.append(clause)
    return sorted(out, key=lambda c: c.start)


_BARE_RULE = next(r for r in CLAUSE_RULES if r.code == "RU09")


def _join_spaced_labels(text: str) -> str:
    """A role label spaced out (责 任 单 位：, 牵头 单位：) read as the label: OCR spacing too sparse
    for the layout repair to take out, or a label justified to the width of a column."""
    if " " not in text and "\u3000" not in text:
        return text
    return SPACED_LABEL.sub(lambda m: re.sub("[ \u3000]", "", m.group()), text)


def clause_units(text: str) -> list[UnitRef]:
    """Units of every responsibility clause in a text (paragraphs joined by newlines)."""
    return [u for para in _paragraphs(text.split("\n")) for c in find_clauses(para[0]) for u in c.units]


def _paragraphs(texts: list[str]) -> list[tuple[str, int]]:
    """(paragraph, index of its first part): a clause wrapped across a line break (an
    unclosed bracket at a paragraph's end) is joined with the next paragraph."""
    out: list[tuple[str, int]] = []
    i = 0
    while i < len(texts):
        text, first = texts[i], i
        while i + 1 < len(texts) and _open_clause(text) and len(text) < 20_000:
            i += 1
            text += texts[i]
        out.append((text, first))
        i += 1
    return out


def _open_clause(text: str) -> bool:
    groups = top_groups(text[-MAX_CLAUSE:])
    return bool(groups) and groups[-1][1] == len(text[-MAX_CLAUSE:]) and "。" not in text[-MAX_CLAUSE:][groups[-1][0]:]


def _clause_gives(rule: ClauseRule, text: str) -> dict:
    """A clause rule's value on a paragraph, read as find_clauses reads it (spaced labels
    joined): the units of its clauses and their deadline."""
    clauses = rule.find(_join_spaced_labels(text))
    return given(units=[_unit(u.name, u.lead, u.aliases) for c in clauses for u in c.units],
                 deadline=next((c.deadline for c in clauses if c.deadline), None))


#: The rule tables of the units stage, for tests/test_rule_tables.py.
RULE_TABLES = (RuleTable("CLAUSE_RULES", "RU", CLAUSE_RULES, _clause_gives),)


class SectionUnits(NamedTuple):
    units: list[UnitRef]
    deadline: str | None


def _node_clauses(node: Node) -> list[tuple[Clause, int, bool]]:
    """(clause, line, alone) for every clause of a section; ``alone``: its paragraph is
    nothing but the clause (a 责任单位 line standing after a block of items)."""
    out = []
    texts = [node.title] + node.text
    lines = [node.line] + node.text_lines
    for para, k in _paragraphs(texts):
        if k == 0 and para[:1] in "(（":
            para = node.label + para  # 第五条 + （管理机构）: a caption after its marker (RU09)
        for c in find_clauses(para):
            alone = k > 0 and c.start == 0
            out.append((c, lines[k], alone))
    return out


def assign_units(sections: list[Node]) -> dict[int, SectionUnits]:
    """Units and deadline per section (keyed by id(node)), from each section's own text.

    A clause standing alone after the last of several items that have none of their own
    belongs to their parent."""
    out: dict[int, SectionUnits] = {}
    todo: list[tuple[Node | None, list[Node]]] = [(None, sections)]
    while todo:
        parent, nodes = todo.pop()
        found = [(node, _node_clauses(node)) for node in nodes]
        for i, (node, clauses) in enumerate(found):
            if (parent is not None and i == len(found) - 1 and len(found) >= 2 and clauses
                    and all(alone for _, _, alone in clauses) and not any(c for _, c in found[:-1])):
                _add(out, parent, clauses)
            elif clauses:
                _add(out, node, clauses)
            if node.children:
                todo.append((node, node.children))
    return out


def _add(out: dict[int, SectionUnits], node: Node, clauses: list[tuple[Clause, int, bool]]) -> None:
    prev = out.get(id(node), SectionUnits([], None))
    units = prev.units + [u._replace(line=line) for c, line, _ in clauses for u in c.units]
    deadline = prev.deadline or next((c.deadline for c, _, _ in clauses if c.deadline), None)
    out[id(node)] = SectionUnits(units, deadline)
