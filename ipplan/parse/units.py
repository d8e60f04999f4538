"""Responsible units: every responsibility clause of a section, as a rule table.

Clause forms (``CLAUSE_RULES``): a labelled list in brackets (责任单位：…) / (牵头单位：…；配合单位：…) /
【责任单位】… / [责任单位：…]; a paragraph that is the list (责任单位：…); a bracket whose first
sentence is name lists closed by role verbs ((A、B按职责分工负责), (A牵头，B配合), (A指导)); and
prose 由A牵头，B做好配合. Names are split at 、 , ， ; ； only at bracket depth 0, so
各县(市、区)政府 stays whole; a bracket group at the end of a name that itself names an organ is
an alias: 市市场监管局〔市知识产权局〕 → name 市市场监管局, aliases [市知识产权局]. A deadline
printed inside a clause (2023年底前完成, 完成时限：…) is kept apart, never as a unit.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import NamedTuple

from ipplan.parse.brackets import CLOSE, OPEN, matching_close, matching_open, split_top
from ipplan.parse.dates import YEAR
from ipplan.parse.rules import Rule, RuleTable, given, lazy
from ipplan.parse.types import Node, UnitRef
from ipplan.parse.vocab.organs import ORGAN_END
from ipplan.parse.vocab.roles import LABEL_ALT, LEAD_LABELS, SUPPORT_VERBS, VERB_ALT, VERB_LEAD
from ipplan.parse.vocab.text import unspace


class Clause(NamedTuple):
    units: list[UnitRef]
    deadline: str | None
    start: int  # where the clause starts in its paragraph


#: A role label inside a clause body, splitting it into role segments.
ROLE_IN_BODY = lazy(rf"(?P<label>{LABEL_ALT})\s*[:：】\]]")
#: A deadline label inside a clause body: (责任单位：…；完成时限：2023年底前).
DEADLINE_LABEL = lazy(r"(?:完成时限|完成时间|时间节点|时限要求|时间要求|时间安排|时限)\s*[:：]")
#: A list item that is a deadline, not a unit: 2023年底前完成, 6月底前, 长期坚持.
DEADLINE_ITEM = lazy(
    rf"^(?:于|在)?(?:{YEAR}\s*年|\d{{1,2}}\s*月|年底|年内|上半年|下半年|每年|长期|持续)"
    r"[^、,，;；]{0,16}?(?:前|底|末|内|完成|推进|坚持|启动|出台|建成)?$")
#: A trailing tail naming no organ: 等, 等单位, 等有关部门, 及其他有关成员单位.
_NAME_TAIL = lazy(r"(?:等(?:有关|相关)?(?:部门|单位)?|及其他(?:有关|相关)?(?:成员)?(?:部门|单位))$")
#: A name list closed by a role verb: 市科技局、市财政局负责 / 由市教育局牵头.
_VERB_SEGMENT = lazy(rf"^(?:.*?由)?(?P<names>.+?)(?P<verb>{VERB_ALT})(?:实施|工作)?$")
#: Prose: 由A牵头，…B(做好)配合 within one sentence.
_PROSE = lazy(r"由(?P<lead>[^，,。；;（(]{2,40}?)牵头(?P<rest>[^。]*?)(?P<sup>[^，,。；;由]{2,60}?)(?:做好|积极|负责)?配合")

SEPARATORS = "、,，;；"
#: A bracket longer than this is prose, not a clause.
MAX_CLAUSE = 300


def _is_organ(name: str) -> bool:
    return bool(ORGAN_END.search(name))


def parse_unit(item: str, lead: bool = False) -> UnitRef | None:
    """One list item: leading * marks a lead, trailing organ brackets are aliases."""
    item = unspace(re.sub(r"\s+", "", item.strip().strip("。.")))
    if item.startswith(("*", "＊")):
        lead, item = True, item.lstrip("*＊").strip()
    aliases: list[str] = []
    while item and item[-1] in CLOSE:
        i = matching_open(item, len(item) - 1)
        inner = item[i + 1 : -1].strip()
        if i <= 0 or not ORGAN_END.search(inner):
            break
        aliases.insert(0, inner)
        item = item[:i].strip()
    item = _NAME_TAIL.sub("", item).strip() if len(item) > 1 else item
    if not item or item in ("/", "-", "—", "无", "——"):
        return None
    return UnitRef(item, tuple(aliases), lead)


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
        for item in split_top(seg, SEPARATORS):
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


_BRACKET = lazy("[" + re.escape(OPEN + CLOSE) + "]")


def _top_groups(text: str) -> list[tuple[int, int]]:
    """(open, close) of every bracket group at depth 0, in one pass (close = len if unclosed)."""
    out, depth, start = [], 0, 0
    for m in _BRACKET.finditer(text):
        i, ch = m.start(), m.group()
        if ch in OPEN:
            if depth == 0:
                start = i
            depth += 1
        elif ch in CLOSE and depth:
            depth -= 1
            if depth == 0:
                out.append((start, i))
    if depth:
        out.append((start, len(text)))
    return out


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
    units, deadline = _parse_list(body)
    return Clause(units, deadline, start) if units else None


def _verb_bracket(inner: str) -> tuple[list[UnitRef], str | None] | None:
    """(A、B负责) / (A牵头，B配合) / (A指导，B负责落实。以下…): every segment of the first
    sentence is names closed by a role verb (or a deadline); else not a clause."""
    first = inner.split("。")[0]
    segments = split_top(first, "，,；;")
    if not segments:
        return None
    parsed: list[tuple[str, str]] = []
    deadline = None
    for seg in segments:
        if DEADLINE_ITEM.match(seg):
            deadline = deadline or seg
            continue
        vm = _VERB_SEGMENT.match(seg)
        if not vm:
            return None
        parsed.append((vm["names"], vm["verb"]))
    if not parsed:
        return None
    supported = any(verb in SUPPORT_VERBS for _, verb in parsed)
    units: list[UnitRef] = []
    for names, verb in parsed:
        lead = VERB_LEAD[verb]
        lead = supported if lead is None else lead
        items = [u for part in re.split("会同", names) for u in (parse_unit_list(part, lead) or [])]
        if not items or not all(_is_organ(u.name) for u in items):
            return None
        units.extend(items)
    return units, deadline


def _verb_clauses(text: str) -> list[Clause]:
    out = []
    for start, end in _top_groups(text):
        if text[start] not in "(（" or end - start > MAX_CLAUSE:
            continue
        found = _verb_bracket(text[start + 1 : end])
        if found:
            out.append(Clause(found[0], found[1], start))
    return out


def _prose_clauses(text: str) -> list[Clause]:
    out = []
    for m in _PROSE.finditer(text):
        lead = parse_unit_list(m["lead"], True)
        sup = parse_unit_list(m["sup"])
        if lead and all(_is_organ(u.name) for u in lead + sup):
            out.append(Clause(lead + sup, None, m.start()))
    return out


def _line_clause(text: str) -> list[Clause]:
    if not LINE_CLAUSE.match(text):
        return []
    units, deadline = _parse_list(text.rstrip("。"))
    return [Clause(units, deadline, 0)] if units else []


@dataclass(frozen=True, kw_only=True)
class ClauseRule(Rule):
    """A form of responsibility clause: ``find(paragraph)`` returns its clauses in the
    paragraph. Examples give the units the clauses name (name, aliases, lead) and a
    deadline printed inside them."""

    find: Callable[[str], list[Clause]]


#: An opening bracket followed by a role label and a colon: the start of a labelled clause.
CLAUSE_START = lazy(rf"[(（【\[［]\s*(?P<label>{LABEL_ALT})\s*(?:[:：]|[】\]］]\s*[:：]?)")
#: A paragraph that is itself the clause: "责任单位：市科技局、市财政局".
LINE_CLAUSE = lazy(rf"^\s*(?:{LABEL_ALT})\s*[:：]")


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
                          {"units": [_unit("市市场监管局", aliases=("市知识产权局",))], "deadline": "2023年底前"})),
               near_misses=("（含定州、辛集市，下同）", "责任单位要加强协调。")),
    ClauseRule(code="RU02", summary="a paragraph that is the list: 责任单位：…",
               find=lambda t: _line_clause(t),
               examples=(("责任单位：市科技局、市教育局", {"units": [_unit("市科技局"), _unit("市教育局")]}),
                         ("牵头单位：市科技局；配合单位：市财政局", {"units": [_unit("市科技局", True), _unit("市财政局")]})),
               near_misses=("各责任单位要加强协调。", "推进工作。")),
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
                          {"units": [_unit("生态环境部"), _unit("试点城市政府")]})),
               near_misses=("（中医药局要发挥牵头作用）", "（企业负责）", "加强保护（含商业秘密）。", "（试点城市负责）")),
    ClauseRule(code="RU04", summary="prose: 由A牵头，…B做好配合",
               find=_prose_clauses,
               examples=(("由省教育厅牵头，会同有关方面推进，省财政厅做好配合。",
                          {"units": [_unit("省教育厅", True), _unit("省财政厅")]}),),
               near_misses=("中医药局要发挥牵头作用，各部门积极配合。", "由企业牵头，高校配合。")),
)


#: Any role word at all: most paragraphs have none and skip every rule (one C scan).
_ANY_ROLE = lazy(f"{LABEL_ALT}|{VERB_ALT}")


def find_clauses(text: str) -> list[Clause]:
    """Every responsibility clause of one paragraph, in order (labelled forms first: a
    bracket read as a labelled list is not read again as a verb clause)."""
    out: list[Clause] = []
    if not _ANY_ROLE.search(text):
        return out
    taken: set[int] = set()
    for rule in CLAUSE_RULES:
        if rule.code == "RU02" and out:
            continue
        for clause in rule.find(text):
            if clause.start in taken:
                continue
            taken.add(clause.start)
            out.append(clause)
    return sorted(out, key=lambda c: c.start)


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
    groups = _top_groups(text[-MAX_CLAUSE:])
    return bool(groups) and groups[-1][1] == len(text[-MAX_CLAUSE:]) and "。" not in text[-MAX_CLAUSE:][groups[-1][0]:]


def _clause_gives(rule: ClauseRule, text: str) -> dict:
    """A clause rule's value on a paragraph: the units of its clauses and their deadline."""
    clauses = rule.find(text)
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
