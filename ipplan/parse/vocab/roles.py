"""Responsibility roles: the labels that open a list of responsible units (牵头单位：, 责任单位：)
and the verbs that close one (…牵头, …负责, …指导). One list for the units stage (clauses in
the text) and the tables stage (column headers), which used to keep two lists that disagreed."""

from __future__ import annotations

import re
from typing import NamedTuple

from ipplan.parse.rules import lazy


class RoleLabel(NamedTuple):
    label: str
    lead: bool  # units listed under this label are leads


#: Labels of a responsibility list or column; position is priority (longest first where one ends another).
ROLE_LABELS: tuple[RoleLabel, ...] = (
    RoleLabel("总牵头单位", True), RoleLabel("牵头单位", True), RoleLabel("牵头部门", True),
    RoleLabel("牵头考核单位", True), RoleLabel("牵头责任单位", True), RoleLabel("牵头落实单位", True),
    RoleLabel("牵头实施单位", True), RoleLabel("责任牵头单位", True), RoleLabel("主责单位", True), RoleLabel("主办单位", True), RoleLabel("责任单位", False),
    RoleLabel("责任部门", False), RoleLabel("责任主体", False), RoleLabel("配合单位", False),
    RoleLabel("配合部门", False), RoleLabel("参与单位", False), RoleLabel("协同单位", False),
    RoleLabel("协助单位", False), RoleLabel("协办单位", False), RoleLabel("承办单位", False), RoleLabel("实施单位", False),
    RoleLabel("指导部门", False), RoleLabel("指导单位", False), RoleLabel("主管部门", False),
)
LABEL_ALT = "|".join(sorted((r.label for r in ROLE_LABELS), key=len, reverse=True))
#: A role label spaced out by OCR or a justified layout (责 任 单 位, 牵头 单位): its characters
#: with spaces between them; the units stage takes the spaces out before reading clauses.
SPACED_LABEL = lazy("|".join("[ \u3000]*".join(r.label) for r in sorted(ROLE_LABELS, key=lambda r: -len(r.label))))
LEAD_LABELS = frozenset(r.label for r in ROLE_LABELS if r.lead)
#: Labels that only ever name who carries a task out, so that "label为…" assigns it (责任单位为
#: 市科技局); 主管部门为… / 实施单位为… / 承办单位为… / 责任主体为… define an authority, an
#: applicant, an event's organiser or a legal duty in running text.
ASSIGNING_LABELS = frozenset(r.label for r in ROLE_LABELS
                             if re.search("责|牵头|配合|协|参与", r.label) and not r.label.endswith("主体"))

#: A table column of responsible units: the whole header cell is a role label (牵头处室 of an
#: inner office is not).
ROLE_COLUMN = lazy(rf"^\s*(?:{LABEL_ALT})\s*$")


class RoleVerb(NamedTuple):
    verb: str
    lead: bool | None  # True: the names are leads; None: leads only beside a supporting role


#: Verbs closing a list of units inside a clause: (A、B负责), (A牵头，B配合), (A指导).
ROLE_VERBS: tuple[RoleVerb, ...] = (
    RoleVerb("按职责分工负责", None), RoleVerb("按职责分工落实", None), RoleVerb("按职能分工负责", None),
    RoleVerb("按职责负责", None), RoleVerb("按职责分别负责", None), RoleVerb("分别负责", None), RoleVerb("分工负责", None), RoleVerb("牵头负责", True), RoleVerb("牵头落实", True),
    RoleVerb("负责落实", None), RoleVerb("共同负责", None), RoleVerb("负责", None), RoleVerb("牵头", True),
    RoleVerb("指导", False), RoleVerb("参与", False), RoleVerb("配合", False), RoleVerb("协助", False),
    RoleVerb("协同", False), RoleVerb("落实", None), RoleVerb("做好配合", False), RoleVerb("积极配合", False),
    RoleVerb("参加", False), RoleVerb("组织实施", None), RoleVerb("具体实施", None), RoleVerb("等按职责分工负责", None),
)
#: "According to (their own) duties (and division of work)" between the names and the verb, in any
#: of its spellings: (A、B按职责分工配合), (A、B按照各自职责负责), (A根据职能分工落实), (A依职责负责).
DUTY_MANNER = r"(?:按照|按|根据|依据|依照|依)(?:各自)?(?:职责|职能)(?:分工)?"
#: Other ways a verb is done: (A、B分别负责), (各县区抓好落实), (A具体负责). A name list closed by a
#: manner and a verb is still a clause.
ROLE_MANNERS: tuple[str, ...] = ("分别", "共同", "具体", "统筹", "抓好", "全力", "认真")
MANNER_ALT = DUTY_MANNER + "|" + "|".join(sorted(ROLE_MANNERS, key=len, reverse=True))
VERB_ALT = "|".join(sorted((re.escape(v.verb) for v in ROLE_VERBS), key=len, reverse=True))
VERB_LEAD = {v.verb: v.lead for v in ROLE_VERBS}
#: Supporting verbs: a 负责 beside one of these marks the leads.
SUPPORT_VERBS = frozenset({"参与", "配合", "协助", "协同", "做好配合", "积极配合", "参加"})
#: Any role verb with its manner, wherever it stands (a verb may name its object: 市科技局负责专利部分).
VERB_RE = lazy(rf"(?:{MANNER_ALT})*(?P<verb>{VERB_ALT})")

#: A lead written after a unit's name in brackets: 市科技局（牵头）, 市科技局(牵头单位).
LEAD_MARK = lazy(r"牵头(?:单位|部门)?")

#: Words opening a bracket that glosses what precedes it, never a responsibility clause, even
#: when organs follow: （以下简称市知识产权局）, （含市本级、各县区政府）, （如市科技局、市经信局等）.
GLOSS_OPENERS: tuple[str, ...] = (
    "以下简称", "以下统称", "以下称", "简称", "下称", "统称", "含", "包括", "包含", "不含", "不包括", "除", "如", "例如",
    "比如", "譬如", "即", "下同", "详见", "见", "参见", "注", "其中", "原",
)
GLOSS = lazy("(?:" + "|".join(GLOSS_OPENERS) + ")")
