"""Outline: cut the normalized lines into the tree of numbered sections.

Markers (一、 / (一) / 1. / (1) / ① / ——) are recognized at the start of a line, and
inside a line only where an item written inline would start: after a sentence end or a
closing bracket or a space, at bracket depth 0, and only when its number continues an open
sequence or starts a new one. Levels follow nesting: the first marker style seen under a
section becomes its children's style, whatever that style is.
"""

from __future__ import annotations

import re
from collections import deque
from typing import NamedTuple

from ipplan.parse.brackets import bracket_depth
from ipplan.parse.dates import is_bare_date
from ipplan.parse.types import Node, Outline
from ipplan.parse.vocab.markers import (ATTACHMENT, ATTACHMENT_INLINE, MARKER, MARKER_ALT, MARKER_RULES, Marker, MarkerRule,
                                        is_table_row, match_marker)

#: Where an item written inline may start: after a sentence end, a colon, a closing
#: bracket or a space, or anywhere for a bracketed marker ("一、总体要求（一）指导思想").
# (The leading lookahead lets the scan skip ordinary characters fast: 2× quicker.)
_INLINE = re.compile(rf"(?=[。；;！？!?：:)）\s(（])(?P<pre>[。；;！？!?：:]\s*|[)）]\s*|\s+|(?=[(（]))(?={MARKER_ALT})",
                     re.VERBOSE)
_STRONG = set("。；;！？!?")

#: A heading alone on its line is short; longer lines without a 。 are run-in text.
MAX_ALONE_TITLE = 40
#: How far into a run-in heading a ：/space may cut the title.
MAX_CUT = 25
_TITLE_CUT = re.compile(r"[:：]| ")
_TRAILING = "。；;，, "
_PUNCT = re.compile(r"[。，,；;：:]")


def split_title(content: str) -> tuple[str, str]:
    """(title, text) of a section's first line, after its marker. See docs/conventions.md."""
    content = content.strip()
    stop = content.find("。")
    if stop == -1 and len(content) <= MAX_ALONE_TITLE:  # a heading alone on its line
        return content.rstrip(_TRAILING), ""
    limit = min(stop if stop != -1 else len(content), MAX_CUT)
    cut = _TITLE_CUT.search(content, 0, limit)
    if cut and cut.start() > 0:
        return content[: cut.start()].rstrip(_TRAILING), content[cut.end() :].strip()
    if stop == -1:
        return content.rstrip(_TRAILING), ""
    return content[:stop].rstrip(_TRAILING), content[stop + 1 :].strip()


class _Builder:
    """Builds the section tree from markers, keeping the open path as a stack."""

    def __init__(self) -> None:
        self.roots: list[Node] = []
        self.stack: list[Node] = []
        self.last: dict[str, int] = {}  # last ordinal seen per style, for run-on numbering
        self.warnings: list[str] = []

    def expects(self, mk: Marker, strong: bool) -> bool:
        """Whether an inline marker would continue or open a sequence here."""
        if mk.style == "bullet":  # a dash run after a sentence end or a space, never glued to text
            return True
        for node in reversed(self.stack):
            if node.style == mk.style:
                return mk.ordinal == node.ordinal + 1
        return mk.ordinal == 1 or mk.ordinal == self.last.get(mk.style, -1) + 1

    def push(self, mk: Marker, line: int, content: str) -> Node:
        depth = next((i for i in range(len(self.stack) - 1, -1, -1) if self.stack[i].style == mk.style), None)
        if depth is not None:
            del self.stack[depth:]
        siblings = self.stack[-1].children if self.stack else self.roots
        ordinal = mk.ordinal
        if mk.style == "bullet":
            ordinal = sum(1 for s in siblings if s.style == "bullet") + 1
        else:
            self._check_number(mk, siblings, line)
            self.last[mk.style] = mk.ordinal  # type: ignore[assignment]
        title, text = split_title(content)
        node = Node(label=mk.label, style=mk.style, ordinal=ordinal or 0, title=title, line=line)
        if text:
            node.text.append(text)
            node.text_lines.append(line)
        siblings.append(node)
        self.stack.append(node)
        return node

    def _check_number(self, mk: Marker, siblings: list[Node], line: int) -> None:
        prev = next((s for s in reversed(siblings) if s.style == mk.style), None)
        n = mk.ordinal
        if prev is not None:
            if n == prev.ordinal:
                self.warnings.append(f"line {line}: numbering repeats {mk.label} after {prev.label}")
            elif n != prev.ordinal + 1:
                self.warnings.append(f"line {line}: numbering gap: {mk.label} after {prev.label}")
        elif n != 1 and n != self.last.get(mk.style, -1) + 1:
            self.warnings.append(f"line {line}: numbering starts at {mk.label}")

    def add_text(self, text: str, line: int) -> None:
        if self.stack and text:
            self.stack[-1].text.append(text)
            self.stack[-1].text_lines.append(line)


def _next_inline(text: str, start: int, builder: _Builder, head: bool) -> tuple[int, Marker] | None:
    """Position and marker of the first item written inline in ``text[start:]``."""
    depth, scanned = 0, start  # bracket depth, computed only as far as needed (one-line pastes are long)
    for m in _INLINE.finditer(text, start):
        pos = m.end("pre")
        mk = match_marker(text, pos)
        if mk is None:
            continue
        pre = m.group("pre")
        strong = pre.strip()[:1] in _STRONG
        if mk.style == "bullet" and not (strong or pre.isspace()):
            continue
        if head:  # the outline's first item, inside a one-line paste
            if not (strong and mk.ordinal == 1 and mk.style in ("cn", "paren_cn")):
                continue
        elif not builder.expects(mk, strong):
            continue
        depth = bracket_depth(text, scanned, pos, depth)
        scanned = pos
        if depth:
            continue
        return pos, mk
    return None


def _looks_like_signature(text: str) -> bool:
    return len(text) <= 30 and not _PUNCT.search(text)


def split_outline(lines: list[tuple[int, str]]) -> Outline:
    """Cut numbered lines into sections; returns the tree plus head and tail lines."""
    builder = _Builder()
    head: list[tuple[int, str]] = []
    tail: list[tuple[int, str]] = []
    state = "head"
    in_attachment_list = False
    queue = deque((no, line, False) for no, line in lines)  # (line number, text, attachment-checked)
    while queue:
        no, line, checked = queue.popleft()
        if is_table_row(line):  # the tables stage reads it
            if state != "body":
                (head if state == "head" else tail).append((no, line))
            continue
        if state == "tail":
            tail.append((no, line))
            continue
        if ATTACHMENT.match(line):
            if state == "body":
                state = "tail"
                tail.append((no, line))
                continue
            in_attachment_list = True
            head.append((no, line))
            continue
        if state == "body" and not checked:
            # Searched once per physical line: a suffix pushed back below cannot hold a
            # match its whole line did not (searching each rest again was quadratic).
            if att := ATTACHMENT_INLINE.search(line):
                queue.appendleft((no, line[att.start() :], True))
                line = line[: att.start()].rstrip()
            checked = True
        mk = match_marker(line)
        if state == "head":
            if in_attachment_list and mk and "。" not in line:
                head.append((no, line))
                continue
            in_attachment_list = False
            if mk is None or (mk.style not in ("cn", "paren_cn") and mk.ordinal != 1):
                found = _next_inline(line, 0, builder, head=True)
                if found is None:
                    head.append((no, line))
                    continue
                head.append((no, line[: found[0]].rstrip()))
                queue.appendleft((no, line[found[0] :], False))
                continue
            state = "body"
        elif is_bare_date(line):  # a signature block after the plan ends the outline
            top = builder.stack[-1] if builder.stack else None
            if top and top.text and _looks_like_signature(top.text[-1]):
                tail.append((top.text_lines.pop(), top.text.pop()))
            state = "tail"
            tail.append((no, line))
            continue
        if mk is not None:
            content = line[mk.end :]
            # Place the node before looking for inline items, which depend on it.
            node = builder.push(mk, no, "")
            found = _next_inline(content, 0, builder, head=False)
            if found is not None:
                queue.appendleft((no, content[found[0] :], checked))
                content = content[: found[0]]
            text_line = no
            if not content.strip() and queue and match_marker(queue[0][1]) is None and found is None:
                # marker alone on its line: the heading is the next line
                text_line, content, _ = queue.popleft()
                node.line = text_line  # the heading's line is where its title stands
            node.title, text = split_title(content)
            if text:
                node.text.append(text)
                node.text_lines.append(text_line)
        else:
            found = _next_inline(line, 0, builder, head=False)
            if found is not None:
                queue.appendleft((no, line[found[0] :], checked))
                line = line[: found[0]].rstrip()
            builder.add_text(line, no)
    _assign_ids(builder.roots, "", 1, builder.warnings)
    return Outline(sections=builder.roots, head=head, tail=tail, warnings=builder.warnings)


def _assign_ids(nodes: list[Node], prefix: str, level: int, warnings: list[str]) -> None:
    seen: set[str] = set()
    for node in nodes:
        node.id = f"{prefix}{node.ordinal}"
        node.level = level
        if node.id in seen:
            warnings.append(f"line {node.line}: duplicate section id {node.id}")
        seen.add(node.id)
        _assign_ids(node.children, node.id + ".", level + 1, warnings)
