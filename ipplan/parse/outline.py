"""Outline: cut the normalized lines into the tree of numbered sections.

Markers (一、 / (一) / 1. / (1) / ① / ——) are recognized at the start of a line, and
inside a line only where an item written inline would start: after a sentence end or a
closing bracket or a space, at bracket depth 0, and only when its number continues an open
sequence or starts a new one. Levels follow nesting: the first marker style seen under a
section becomes its children's style, whatever that style is.
"""

from __future__ import annotations

import functools
import re
from collections import deque

from ipplan.parse.brackets import bracket_depth
from ipplan.parse.dates import is_bare_date
from ipplan.parse.rules import RuleTable, given, lazy
from ipplan.parse.types import Node, Outline
from ipplan.parse.vocab.markers import (
    ATTACHMENT,
    ATTACHMENT_INLINE,
    BOX_START,
    MARKER_RULES,
    RUN_IN_HEADING,
    STYLE_RANK,
    Marker,
    MarkerRule,
    is_table_row,
    marker_alt,
    match_marker,
)
from ipplan.parse.vocab.notices import NoticeRef
from ipplan.parse.vocab.text import CJK


@functools.cache
def _inline() -> re.Pattern[str]:
    """Where an item written inline may start: after a sentence end, a colon, a closing
    bracket or a space, or anywhere for a bracketed marker ("一、总体要求（一）指导思想").
    (The leading lookahead lets the scan skip ordinary characters fast: 2× quicker.)"""
    return re.compile(rf"(?=[。；;！？!?：:)）\s(（])(?P<pre>[。；;！？!?：:]\s*|[)）]\s*|\s+|(?=[(（]))(?={marker_alt()})",
                      re.VERBOSE)

_STRONG = set("。；;！？!?")

#: A heading alone on its line is short; longer lines without a 。 are run-in text.
MAX_ALONE_TITLE = 40
#: How far into a run-in heading a ：/space may cut the title.
MAX_CUT = 25
_TITLE_CUT = lazy(r"[:：]|(?<![,，、;；.．:：]) ")
_TRAILING = "。；;，, .．"
#: A . or ． ending a sentence (not a decimal point): a heading printed with . for 。.
_DOT_STOP = lazy(r"(?<![0-9])[.．](?![0-9])")
#: Spaces between Chinese characters (总 则).
_UNSPACE = lazy(rf"(?<=[{CJK}])\s+(?=[{CJK}])")
#: A run-in heading word is cut off only when a real body follows it.
MIN_GLUED_BODY = 8
_PUNCT = lazy(r"[。，,；;：:]")


def split_title(content: str, style: str = "") -> tuple[str, str]:
    """(title, text) of a section's first line, after its marker. See docs/conventions.md.

    A chapter's title is its whole line (spaces inside Chinese removed: 总 则 → 总则); an
    article's is its text up to the first 。; a run-in heading that starts with a standard
    heading word glued to its body (总体要求坚持…) is cut after the word."""
    content = content.strip()
    if style == "chapter":
        return _UNSPACE.sub("", content).rstrip(_TRAILING), ""
    stop = content.find("。")
    if style == "article":
        if stop == -1:
            return content.rstrip(_TRAILING), ""
        return content[:stop].rstrip(_TRAILING), content[stop + 1 :].strip()
    dot = _DOT_STOP.search(content, 0, MAX_CUT + 1)  # a heading ending with . instead of 。
    if dot and (stop == -1 or dot.start() < stop):
        stop = dot.start()
    if stop == -1 and len(content) <= MAX_ALONE_TITLE:  # a heading alone on its line
        return content.rstrip(_TRAILING), ""
    limit = min(stop if stop != -1 else len(content), MAX_CUT)
    cut = _TITLE_CUT.search(content, 0, limit)
    if cut and cut.start() > 0:
        return content[: cut.start()].rstrip(_TRAILING), content[cut.end() :].strip()
    run_in = RUN_IN_HEADING.match(content)
    if run_in and (stop if stop != -1 else len(content)) - run_in.end() >= MIN_GLUED_BODY:
        return run_in.group(), content[run_in.end() :].strip()
    if stop == -1:
        return content.rstrip(_TRAILING), ""
    return content[:stop].rstrip(_TRAILING), content[stop + 1 :].strip()


#: Bounds that keep a hostile document (a million （一） lines) to bounded memory: past
#: these, markers are read as text and notices are counted, not kept.
MAX_SECTIONS = 5000
#: Deepest nesting kept (real plans use 5-6 levels); deeper markers are text.
MAX_DEPTH = 12
MAX_NOTICES = 200


class _Builder:
    """Builds the section tree from markers, keeping the open path as a stack.

    Every section's id is unique among its siblings by construction (``ipplan validate``
    refuses a plan with two sections of one id): a marker whose number is already used
    under the parent it would join nests under the open item of another style, or, when
    there is none, stays text of the open section with a warning."""

    def __init__(self) -> None:
        self.roots: list[Node] = []
        self.stack: list[Node] = []
        self.last: dict[str, int] = {}  # last ordinal seen per style, for run-on numbering
        self.notices: list[NoticeRef] = []
        self.dropped_notices = 0
        self.count = 0
        self._used: dict[int, set[int]] = {}  # ordinals used under each parent (id(node); 0 for the roots)

    def warn(self, code: str, line: int, message: str) -> None:
        if len(self.notices) < MAX_NOTICES:
            self.notices.append(NoticeRef(code, f"line {line}: {message}", line))
        else:
            self.dropped_notices += 1

    def expects(self, mk: Marker, strong: bool) -> bool:
        """Whether an inline marker would continue or open a sequence here."""
        if mk.style == "bullet":  # a dash run after a sentence end or a space, never glued to text
            return True
        for node in reversed(self.stack):
            if node.style == mk.style:
                return mk.ordinal == node.ordinal + 1
        return mk.ordinal == 1 or mk.ordinal == self.last.get(mk.style, -1) + 1

    def continues(self, mk: Marker) -> bool:
        """Whether the marker is the next item of an open sequence (not a new one)."""
        return any(node.style == mk.style and mk.ordinal == node.ordinal + 1 for node in self.stack)

    def _parent_depth(self, mk: Marker) -> int:
        """Stack depth the new node goes to (its parent is stack[depth - 1])."""
        depth = next((i for i in range(len(self.stack) - 1, -1, -1) if self.stack[i].style == mk.style), None)
        if depth is not None:
            return depth
        if self.stack and mk.style != "bullet":
            top = self.stack[-1]
            # 1. then 二、: a first item printed in an inner style; 二、 is its sibling.
            if (STYLE_RANK.get(mk.style, 9) < STYLE_RANK.get(top.style, 9) and mk.ordinal == top.ordinal + 1
                    and not top.children and len(self.stack) >= 1):
                return len(self.stack) - 1
        return len(self.stack)

    def _used_under(self, depth: int) -> set[int]:
        key = id(self.stack[depth - 1]) if depth else 0
        return self._used.setdefault(key, set())

    def push(self, mk: Marker, line: int, content: str) -> Node | None:
        """Place a section for the marker; None when it cannot be one (it is text then)."""
        if self.count >= MAX_SECTIONS:
            if self.count == MAX_SECTIONS:
                self.warn("N004", line, f"more than {MAX_SECTIONS} sections; the rest is read as text")
                self.count += 1
            return None
        depth = self._parent_depth(mk)
        siblings = self.stack[depth - 1].children if depth else self.roots
        ordinal = mk.ordinal
        if mk.style == "bullet":
            ordinal = sum(1 for s in siblings if s.style == "bullet") + 1
        assert ordinal is not None
        if ordinal in self._used_under(depth):
            top = self.stack[-1] if self.stack else None
            if top is not None and top.style != mk.style and ordinal not in self._used_under(len(self.stack)):
                depth = len(self.stack)  # nest under the open item of another style
                siblings = top.children
            else:
                self.warn("N202", line, f"numbering repeats {mk.label}; read as text")
                return None
        if mk.style != "bullet":
            self._check_number(mk, siblings, line)
            self.last[mk.style] = mk.ordinal  # type: ignore[assignment]
        if depth >= MAX_DEPTH:
            self.warn("N004", line, f"outline deeper than {MAX_DEPTH} levels; {mk.label} read as text")
            return None
        del self.stack[depth:]
        title, text = split_title(content, mk.style)
        node = Node(label=mk.label, style=mk.style, ordinal=ordinal, title=title, line=line)
        if text:
            node.text.append(text)
            node.text_lines.append(line)
        self._used_under(depth).add(ordinal)
        siblings.append(node)
        self.stack.append(node)
        self.count += 1
        return node

    def _check_number(self, mk: Marker, siblings: list[Node], line: int) -> None:
        prev = next((s for s in reversed(siblings) if s.style == mk.style), None) if siblings else None
        n = mk.ordinal
        if prev is not None:
            if n == prev.ordinal:
                self.warn("N202", line, f"numbering repeats {mk.label} after {prev.label}")
            elif n != prev.ordinal + 1:
                self.warn("N201", line, f"numbering gap: {mk.label} after {prev.label}")
        elif n != 1 and n != self.last.get(mk.style, -1) + 1:
            self.warn("N203", line, f"numbering starts at {mk.label}")

    def add_text(self, text: str, line: int) -> None:
        if self.stack and text:
            self.stack[-1].text.append(text)
            self.stack[-1].text_lines.append(line)


def _next_inline(text: str, start: int, builder: _Builder, head: bool) -> tuple[int, Marker] | None:
    """Position and marker of the first item written inline in ``text[start:]``."""
    depth, scanned = 0, start  # bracket depth, computed only as far as needed (one-line pastes are long)
    for m in _inline().finditer(text, start):
        pos = m.end("pre")
        mk = match_marker(text, pos)
        if mk is None:
            continue
        pre = m.group("pre")
        strong = pre.strip()[:1] in _STRONG
        if mk.weak or mk.style in ("chapter", "article") or mk.label.endswith((",", "，")):
            continue  # these start an item only at the start of a line
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


class _Lines:
    """The lines still to read, with pieces pushed back in front (a suffix of a line that
    holds an inline item). Reads the caller's list in place: copying a million lines into a
    queue of triples cost ~80 MB."""

    def __init__(self, lines: list[tuple[int, str]]) -> None:
        self.lines, self.i = lines, 0
        self.front: deque[tuple[int, str, bool]] = deque()

    def __bool__(self) -> bool:
        return bool(self.front) or self.i < len(self.lines)

    def peek(self) -> tuple[int, str, bool]:
        if self.front:
            return self.front[0]
        no, line = self.lines[self.i]
        return no, line, False

    def popleft(self) -> tuple[int, str, bool]:
        if self.front:
            return self.front.popleft()
        no, line = self.lines[self.i]
        self.i += 1
        return no, line, False

    def appendleft(self, item: tuple[int, str, bool]) -> None:
        self.front.appendleft(item)


def _publishes(title: str, lines: list[tuple[int, str]]) -> bool:
    """Whether the notice before ``title`` names it (制定了《…》 / 印发…): the plan follows."""
    name = title.strip("《》 ")
    return bool(name) and any(f"《{name}》" in text or ("印发" in text and name in text) for _, text in lines)


def split_outline(lines: list[tuple[int, str]]) -> Outline:
    """Cut numbered lines into sections; returns the tree plus head and tail lines."""
    builder = _Builder()
    head: list[tuple[int, str]] = []
    tail: list[tuple[int, str]] = []
    body_start = 0  # index in ``lines`` where the body starts, for a restart after a covering notice
    state = "head"
    restarted = False
    signed, signed_at = False, 0  # a signature date seen in the tail, and where
    in_attachment_list = False
    in_box = False
    queue = _Lines(lines)
    while queue:
        no, line, checked = queue.popleft()
        if is_table_row(line):  # the tables stage reads it
            if state != "body":
                (head if state == "head" else tail).append((no, line))
            continue
        if state == "tail":
            if is_bare_date(line):
                signed, signed_at = True, len(tail) + 1
            elif signed and not restarted and builder.roots:
                # A covering notice with its own numbered items, signed, then the plan it
                # publishes under its own title: the plan's outline starts here.
                mk = match_marker(line)
                if mk is not None and mk.ordinal == 1 and mk.style == builder.roots[0].style:
                    restarted = True  # looked at once: a later 一、 is an attachment's
                    seen = lines[: queue.i]
                    if any(match_marker(t) is None and len(t) <= 60 and "。" not in t and _publishes(t, seen)
                           for _, t in tail[signed_at : signed_at + 3]):
                        head.extend(lines[body_start : queue.i - 1])
                        tail = []
                        builder = _Builder()
                        state, in_box = "head", False
                        queue.appendleft((no, line, False))
                        continue
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
            if mk is None or mk.weak or (mk.style not in ("cn", "paren_cn", "chapter", "article") and mk.ordinal != 1):
                found = _next_inline(line, 0, builder, head=True)
                if found is None:
                    head.append((no, line))
                    continue
                head.append((no, line[: found[0]].rstrip()))
                queue.appendleft((no, line[found[0] :], False))
                continue
            state = "body"
            body_start = queue.i - 1
        elif is_bare_date(line):  # a signature block after the plan ends the outline
            top = builder.stack[-1] if builder.stack else None
            if top and top.text and _looks_like_signature(top.text[-1]):
                tail.append((top.text_lines.pop(), top.text.pop()))
            state, signed = "tail", True
            tail.append((no, line))
            signed_at = len(tail)
            continue
        if BOX_START.match(line) and builder.stack:
            in_box = True  # 专栏: its items are text until the outline goes on
        if mk is not None and (mk.weak or in_box) and not builder.continues(mk):
            mk = None  # a bare 2 that continues nothing; an item inside a box
        if mk is not None and in_box:
            in_box = False
        node = None
        if mk is not None:
            content = line[mk.end :]
            # Place the node before looking for inline items, which depend on it.
            node = builder.push(mk, no, "")
        if node is not None:
            found = _next_inline(content, 0, builder, head=False)
            if found is not None:
                queue.appendleft((no, content[found[0] :], checked))
                content = content[: found[0]]
            text_line = no
            if not content.strip() and queue and match_marker(queue.peek()[1]) is None and found is None:
                # marker alone on its line: the heading is the next line
                text_line, content, _ = queue.popleft()
                node.line = text_line  # the heading's line is where its title stands
            node.title, text = split_title(content, node.style)
            if text:
                node.text.append(text)
                node.text_lines.append(text_line)
        else:
            # a marker read as text is not looked at again: the scan starts after it
            found = _next_inline(line, mk.end if mk is not None else 0, builder, head=False) if not in_box else None
            if found is not None:
                queue.appendleft((no, line[found[0] :], checked))
                line = line[: found[0]].rstrip()
            builder.add_text(line, no)
    _assign_ids(builder.roots, "", 1)
    notices = builder.notices
    if builder.dropped_notices:
        notices.append(NoticeRef("N004", f"{builder.dropped_notices} more outline warnings not shown"))
    if not builder.roots:
        notices.append(NoticeRef("N205", "no numbered outline found (一、 / (一) / 1. …)"))
    return Outline(sections=builder.roots, head=head, tail=tail, notices=notices)


def _assign_ids(nodes: list[Node], prefix: str, level: int) -> None:
    """Ids from ordinals (unique among siblings by construction); iterative, so a deep
    tree cannot exhaust the stack."""
    todo = [(nodes, prefix, level)]
    while todo:
        group, pre, lvl = todo.pop()
        for node in group:
            node.id = f"{pre}{node.ordinal}"
            node.level = lvl
            if node.children:
                todo.append((node.children, node.id + ".", lvl + 1))


def _marker_gives(rule: MarkerRule, text: str) -> dict | None:
    """A marker rule's value on a line: the marker's style, label and ordinal, and the
    title and text the rest of the line is cut into."""
    mk = match_marker(text)
    if mk is None or mk.code != rule.code:
        return None
    title, body = split_title(text[mk.end :], mk.style)
    return given(style=mk.style, label=mk.label, ordinal=mk.ordinal, title=title, text=body)


#: The rule tables of the outline, for tests/test_rule_tables.py.
RULE_TABLES = (RuleTable("MARKER_RULES", "OL", MARKER_RULES, _marker_gives),)
