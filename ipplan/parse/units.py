"""Responsible units: (责任单位：…), (牵头单位：…；配合单位：…), (…负责), *-marked leads.

Names are split at 、 , ， ; ； only at bracket depth 0, so 各县(市、区)政府 stays whole; a
bracket group at the end of a name that itself names an organ is an alias:
市市场监管局〔市知识产权局〕 → name 市市场监管局, aliases [市知识产权局].
"""

from __future__ import annotations

import re
from typing import NamedTuple

from ipplan.parse.brackets import CLOSE, matching_close, matching_open, split_top
from ipplan.parse.repair import unspace
from ipplan.parse.types import Node


class UnitRef(NamedTuple):
    name: str
    aliases: tuple[str, ...]
    lead: bool
    line: int | None = None  # line of the clause in the numbered text


class RoleLabel(NamedTuple):
    code: str
    label: str
    lead: bool  # units listed under this label are leads


#: Labels that open a responsibility list, longest first; position is priority.
ROLE_LABELS: tuple[RoleLabel, ...] = (
    RoleLabel("RU01", "牵头单位", True),
    RoleLabel("RU02", "牵头部门", True),
    RoleLabel("RU03", "主责单位", True),
    RoleLabel("RU04", "责任单位", False),
    RoleLabel("RU05", "责任部门", False),
    RoleLabel("RU06", "配合单位", False),
    RoleLabel("RU07", "配合部门", False),
    RoleLabel("RU08", "参与单位", False),
    RoleLabel("RU09", "协同单位", False),
    RoleLabel("RU10", "协助单位", False),
    RoleLabel("RU11", "承办单位", False),
)
_LABEL_ALT = "|".join(r.label for r in ROLE_LABELS)
_LEAD = {r.label: r.lead for r in ROLE_LABELS}

#: An opening bracket followed by a role label and a colon: the start of a clause.
CLAUSE_START = re.compile(rf"[(（]\s*(?:{_LABEL_ALT})\s*[:：]")
#: A role label inside a clause body, splitting it into role segments.
ROLE_IN_BODY = re.compile(rf"(?P<label>{_LABEL_ALT})\s*[:：]")
#: A bracketed "(A、B负责)" or "(A牵头，B配合)" clause.
VERB_CLAUSE = re.compile(r"(?:由)?(?P<body>.+?)(?P<verb>负责|牵头|配合)$")
#: A paragraph that is itself the clause: "责任单位：市科技局、市财政局".
LINE_CLAUSE = re.compile(rf"^(?:{_LABEL_ALT})\s*[:：]")
#: Bracket content that names an organ, so it is an alias rather than part of the name.
ORGAN = re.compile(r"(?:局|办|部|委|会|院|厅|室|中心|组|所|处|署|行|站|政府|队|庭)$")

SEPARATORS = "、,，;；"


def parse_unit(item: str, lead: bool = False) -> UnitRef | None:
    """One list item: leading * marks a lead, trailing organ brackets are aliases."""
    item = unspace(item.strip().strip("。."))
    if item.startswith(("*", "＊")):
        lead, item = True, item.lstrip("*＊").strip()
    aliases: list[str] = []
    while item and item[-1] in CLOSE:
        i = matching_open(item, len(item) - 1)
        inner = item[i + 1 : -1].strip()
        if i <= 0 or not ORGAN.search(inner):
            break
        aliases.insert(0, inner)
        item = item[:i].strip()
    if not item:
        return None
    return UnitRef(item, tuple(aliases), lead)


def parse_unit_list(text: str, lead: bool = False) -> list[UnitRef]:
    """A list of units, possibly with role labels inside (牵头单位：…；配合单位：…)."""
    out: list[UnitRef] = []
    marks = list(ROLE_IN_BODY.finditer(text))
    if not marks:
        segments = [(lead, text)]
    else:
        segments = [(lead, text[: marks[0].start()])] if marks[0].start() else []
        for m, nxt in zip(marks, marks[1:] + [None]):
            segments.append((_LEAD[m["label"]], text[m.end() : nxt.start() if nxt else len(text)]))
    for seg_lead, seg in segments:
        for item in split_top(seg, SEPARATORS):
            unit = parse_unit(item, seg_lead)
            if unit:
                out.append(unit)
    return out


def clause_units(text: str) -> list[UnitRef]:
    """Units of every responsibility clause in a section's text."""
    out: list[UnitRef] = []
    for m in CLAUSE_START.finditer(text):
        end = matching_close(text, m.start())
        out.extend(parse_unit_list(text[m.start() + 1 : end]))
    if out:
        return out
    for para in text.split("\n"):
        if LINE_CLAUSE.match(para):
            return parse_unit_list(para.rstrip("。"))
    # (A、B负责) / (A牵头，B配合) at the end of a paragraph
    for para in text.split("\n"):
        para = para.rstrip("。 ")
        if para.endswith((")", "）")):
            start = matching_open(para, len(para) - 1)
            inner = para[start + 1 : -1]
            vm = VERB_CLAUSE.match(inner)
            if start >= 0 and vm and len(inner) <= 120:
                if "牵头" in inner and "配合" in inner:
                    lead_part, _, rest = inner.partition("牵头")
                    out.extend(parse_unit_list(lead_part, lead=True))
                    out.extend(parse_unit_list(rest.strip("，,、；;").removesuffix("配合").removesuffix("负责")))
                else:
                    out.extend(parse_unit_list(vm["body"], lead=vm["verb"] == "牵头"))
    return out


def _line_of(name: str, node: Node) -> int:
    """Line of the paragraph that names the unit (the heading's line when none does)."""
    for text, no in zip(node.text, node.text_lines):
        if name in unspace(text):
            return no
    return node.line


def assign_units(sections: list[Node]) -> dict[int, list[UnitRef]]:
    """Units per section (keyed by id(node)), from each section's own text."""
    out: dict[int, list[UnitRef]] = {}

    def walk(nodes: list[Node]) -> None:
        for node in nodes:
            units = clause_units("\n".join(node.text))
            if units:
                out[id(node)] = [u._replace(line=_line_of(u.name, node)) for u in units]
            walk(node.children)

    walk(sections)
    return out
