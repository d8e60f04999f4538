"""Possible misses: what the extractors did not take but looks like it should have, said as
notices so that a reviewer sees the gaps (the last stage: it reads the targets' and units'
results and changes nothing).

- N401: a sentence with a quantity and a commitment verb that gave no target (not one the
  targets stage set aside on evidence: a condition, a past fact, a parameter, a ban …);
- N402: a bracketed clause at the end of a paragraph that names organs like a
  responsibility clause but gave the section no units.
"""

from __future__ import annotations


from ipplan.parse.brackets import matching_open, split_top
from ipplan.parse.rules import lazy
from ipplan.parse.targets import quantities, set_aside
from ipplan.parse.types import Node, TargetRef
from ipplan.parse.vocab.measures import may_hold_quantity
from ipplan.parse.vocab.notices import NoticeRef
from ipplan.parse.vocab.organs import ORGAN_END
from ipplan.parse.vocab.roles import GLOSS

#: Verbs that commit the plan to a quantity (达到15件, 建成30家, 不低于8.5件 …).
COMMITMENT = lazy(r"达到|建成|建设|培育|新增|突破|超过|不低于|不少于|力争|实现|完成|打造|引进|培养|增长|提高到|提升到|"
                        r"控制在|保持在|累计|年均|每年")
#: Words of a responsibility clause inside brackets.
ROLE_WORDS = lazy(r"负责|牵头|配合|责任|参与|落实")
#: At most this many notices of each kind per plan: a flood would hide the rest.
MAX_PER_KIND = 50


def _excerpt(text: str, n: int = 40) -> str:
    text = text.strip()
    return text if len(text) <= n else text[:n] + "…"


def missed_targets(paragraphs: list[tuple[int, str, str | None]], found: list[TargetRef],
                   past: list[tuple[int, str]] = ()) -> list[NoticeRef]:  # type: ignore[assignment]
    """N401 for each sentence with a quantity and a commitment verb whose line gave no
    target from that sentence. ``paragraphs`` are (line, text, section id); ``past`` the
    (line, sentence) pairs the targets stage read as past results (a review part)."""
    by_line: dict[int, list[str]] = {}
    for t in found:
        by_line.setdefault(t.line, []).append(t.text)
    past_by_line: dict[int, list[str]] = {}
    for line, sentence in past:
        past_by_line.setdefault(line, []).append(sentence)
    out: list[NoticeRef] = []
    for line, text, _section in paragraphs:
        if not may_hold_quantity(text) or not COMMITMENT.search(text):  # most paragraphs
            continue
        taken = by_line.get(line, ())
        was_past = past_by_line.get(line, ())
        for sentence in split_top(text, "。！？!?；;"):
            if not COMMITMENT.search(sentence) or any(t and t in sentence for t in taken):
                continue
            if any(sentence in p for p in was_past):
                continue  # a past result, read as such
            if not quantities(sentence) or set_aside(sentence):
                continue
            out.append(NoticeRef("N401", f"line {line}: possible missed target: {_excerpt(sentence)}", line))
            if len(out) >= MAX_PER_KIND:
                return out
    return out


def missed_units(sections: list[Node], with_units: set[int]) -> list[NoticeRef]:
    """N402 for a section without units whose paragraph ends with a bracket naming organs
    (（市科技局、市财政局）) or holding a role word (（市科技局负责）)."""
    out: list[NoticeRef] = []

    def walk(nodes: list[Node]) -> None:
        for node in nodes:
            if id(node) not in with_units:
                for text, line in zip(node.text, node.text_lines):
                    para = text.rstrip("。；; ")
                    if not para.endswith((")", "）")):
                        continue
                    start = matching_open(para, len(para) - 1)
                    inner = para[start + 1 : -1] if start >= 0 else ""
                    items = [i for i in split_top(inner, "、，,；;") if i]
                    if not inner or len(inner) > 150 or GLOSS.match(inner):
                        continue  # a gloss: （以下简称…）（含…）
                    if len(items) == 1 and ORGAN_END.search(para[:start]) and not ROLE_WORDS.search(inner):
                        continue  # an alias right after a name: 市市场监管局（市知识产权局）
                    organs = sum(1 for i in items if len(i.strip()) >= 3 and ORGAN_END.search(i.strip()))
                    if organs and (organs == len(items) or ROLE_WORDS.search(inner)):
                        out.append(NoticeRef("N402", f"line {line}: possible missed responsibility clause: "
                                                     f"（{_excerpt(inner)}）", line))
                        break
            if len(out) < MAX_PER_KIND:
                walk(node.children)

    walk(sections)
    return out[:MAX_PER_KIND]
