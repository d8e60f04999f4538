"""Outline: cut the normalized lines into the tree of numbered sections.

Markers (一、 / (一) / 1. / (1) / ① / —— and 第一章 / 第一节 / 第一条, MARKER_RULES) are
recognized at the start of a line, and inside a line only where an item written inline would
start: after a sentence end or a closing bracket or a space (a colon too, for the first item
of a one-line paste), at bracket depth 0, and only when its number continues an open
sequence or starts a new one. Levels follow nesting: the first marker style seen under a
section becomes its children's style, whatever that style is.

Whole lines without a marker bound the parts (PART_RULES): an attachment heading or a 版记
line ends the body. A 1 that starts a new numbered part, whose top items continue the count,
is told by PART_START_RULES (after a part's title line or an attachment heading, in an outer
style, the top style again at a line start, after a part heading glued into one-line text:
GLUED_PART_RULES); the part's heading and preamble belong to no section (``Node.after``).
TITLE_RULES cut a heading that a one-line paste glued to its first sentence.
"""

from __future__ import annotations

import functools
import re
from collections import deque
from dataclasses import dataclass

from ipplan import patterncache
from ipplan.parse.brackets import bracket_depth, closes_later
from ipplan.parse.dates import is_bare_date
from ipplan.parse.numerals import CN_ORDINAL_CLASS
from ipplan.parse.rules import Rule, RuleTable, given, lazy
from ipplan.parse.types import Node, Outline, walk
from ipplan.parse.vocab.markers import (
    ATTACHMENT,
    ATTACHMENT_INLINE,
    BOX_START,
    GLUED_PART_RULES,
    LAW_STYLES,
    MARKER_RULES,
    PART_RULES,
    RUN_IN_HEADING,
    DECIMAL_STYLES,
    STYLE_RANK,
    TITLE_RULES,
    Marker,
    MarkerRule,
    PartRule,
    TitleRule,
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
    return patterncache.compile(rf"(?=[。；;！？!?：:)）\s(（])(?P<pre>[。；;！？!?：:]\s*|[)）]\s*|\s+|(?=[(（]))(?={marker_alt()})",
                      re.VERBOSE)

_STRONG = set("。；;！？!?")

#: A heading alone on its line is short; longer lines without a 。 are run-in text.
MAX_ALONE_TITLE = 40
#: How far into a run-in heading a ：/space may cut the title.
MAX_CUT = 25
#: Where a heading ends before its text on one line: a colon, or a space — not a space after a
#: clause sign, nor the stray space a PDF put before a quote it also spaced inside
#: (做好 “十五五 ”规划编制工作: one title).
_TITLE_CUT = lazy(r"[:：]|(?<![,，、;；.．:：]) (?!“[^”\s]{1,12}\s+”|”)")
_TRAILING = "。；;，, .．"
_LAW_LEAD = "、,，.．。:： "
#: A . or ． ending a sentence (not a decimal point): a heading printed with . for 。.
_DOT_STOP = lazy(r"(?<![0-9])[.．](?![0-9])")
#: Spaces between Chinese characters (总 则).
_UNSPACE = lazy(rf"(?<=[{CJK}])\s+(?=[{CJK}])")
#: A run-in heading word is cut off only when a real body follows it.
MIN_GLUED_BODY = 8
_PUNCT = lazy(r"[。，,；;：:]")


def split_title(content: str, style: str = "", glued: bool = False, noisy: bool = False) -> tuple[str, str]:
    """(title, text) of a section's first line, after its marker. See docs/conventions.md.

    A chapter's title is its whole line (spaces inside Chinese removed: 总 则 → 总则); an
    article's is its text up to the first 。; a run-in heading that starts with a standard
    heading word glued to its body (总体要求坚持…) is cut after the word. An item of a
    one-line paste (``glued``) may also end where TITLE_RULES cut it. In a law whose full
    stops are noise (``noisy``, NOISY_STOP_RULES) an article's title is its whole text."""
    content = content.strip()
    if glued and style in ("cn", "paren_cn"):
        for rule in TITLE_RULES:
            cut = rule.find(content)
            if cut is not None:
                return content[:cut], content[cut:]
    if style in LAW_STYLES:  # OCR punctuation between the marker and its text: 第一章、总则 / 第三条.本条例…
        content = content.lstrip(_LAW_LEAD)
    if style in ("chapter", "law_section"):
        return _UNSPACE.sub("", content).rstrip(_TRAILING), ""
    stop = content.find("。")
    if style == "article":
        if stop == -1 or noisy:
            return content.rstrip(_TRAILING), ""
        return content[:stop].rstrip(_TRAILING), content[stop + 1 :].strip()
    dot = _DOT_STOP.search(content, 0, MAX_CUT + 1)  # a heading ending with . instead of 。
    if dot and (stop == -1 or dot.start() < stop):
        stop = dot.start()
    if stop == -1 and len(content) <= MAX_ALONE_TITLE and not (glued and _TITLE_CUT.search(content, 0, MAX_CUT)):
        # a heading alone on its line; in a one-line paste, one ends at a space (活动主题 创新创造…)
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


def glued_part_heading(text: str) -> int | None:
    """Where an unnumbered part heading glued between two sentences starts in ``text``
    (GLUED_PART_RULES: …加以解决。2024年工作安排建议2024年是…), or None."""
    if "年" not in text:
        return None
    for rule in GLUED_PART_RULES:
        m = rule.regex.search(text)
        if m is not None:
            return m.start("h")
    return None


class _Builder:
    """Builds the section tree from markers, keeping the open path as a stack.

    Every section's id is unique among its siblings by construction (``ipplan validate``
    refuses a plan with two sections of one id): a marker whose number is already used
    under the parent it would join nests under the open item of another style, or, when
    there is none, stays text of the open section with a warning.

    A second numbered part (a second document printed after the first under its own title,
    a numbered attachment, a part in an outer style: （一）…（七） then 一、, a work report's
    forward part after its review) starts again at the top level, its items continuing the
    count of the items before it (GOLD_GUIDE): ``offset`` maps the part's top style to the
    number added to its printed ordinals. PART_START_RULES tell when a 1 starts a part."""

    def __init__(self) -> None:
        self.roots: list[Node] = []
        self.stack: list[Node] = []
        self.last: dict[str, int] = {}  # last ordinal seen per style, for run-on numbering
        self.notices: list[NoticeRef] = []
        self.dropped_notices = 0
        self.count = 0
        self._used: dict[int, set[int]] = {}  # ordinals used under each parent (id(node); 0 for the roots)
        self.offset: dict[str, int] = {}  # top style of a later part -> its count offset
        #: Evidence of a new part seen since the last section started: "title" (a part's
        #: title line) or "attachment" (an attachment heading and its title).
        self.part_break: str | None = None
        #: Where the first part title line since the last section started stands: (the open
        #: section whose text holds it, its index there). A new part cuts the text there.
        self.title_at: tuple[Node, int] | None = None
        #: (code of the PART_START_RULES entry, first item) of every part after the first.
        self.parts: list[tuple[str, Node]] = []
        self._noisy: str | None = None  # the NOISY_STOP_RULES entry that holds, "" for none

    def noisy_stops(self, lines: list[tuple[int, str]]) -> bool:
        """Whether the text's full stops are noise (NOISY_STOP_RULES; looked at once, on the
        first article)."""
        if self._noisy is None:
            self._noisy = next((rule.code for rule in NOISY_STOP_RULES if rule.find(lines)), "")
        return bool(self._noisy)

    def _counted(self, mk: Marker) -> Marker:
        """The marker with its ordinal counted on from the parts before (一、 → 9)."""
        add = self.offset.get(mk.style)
        return mk._replace(ordinal=mk.ordinal + add) if add and mk.ordinal is not None else mk

    def open_text(self) -> str:
        """The last paragraph of the open section (its title when it has no text)."""
        if not self.stack:
            return ""
        top = self.stack[-1]
        return top.text[-1] if top.text else top.title

    def starts_part(self, mk: Marker, alone: bool = False, before: str | None = None) -> str | None:
        """The code of the PART_START_RULES entry by which a 1 starts a new numbered part at
        the top level, or None. ``alone``: the marker starts a line of the text; ``before``: the
        text before an inline marker (default: the open section's last paragraph)."""
        if mk.ordinal != 1 or mk.weak or mk.style == "bullet" or not self.roots:
            return None
        if any(node.style == mk.style for node in self.stack[1:]):
            return None  # a list of this style is open inside the part
        if before is None:
            before = self.open_text()
        return next((rule.code for rule in PART_START_RULES if rule.find(self, mk, alone, before)), None)

    def mark_part_title(self) -> None:
        """A part's title line is read as text of the open section: the first since the
        section started is where a new part would cut the text."""
        if self.title_at is None and self.stack:
            self.title_at = (self.stack[-1], len(self.stack[-1].text))
        self.part_break = "title"

    def _close_scope(self) -> None:
        """The open section's text ends where the new part's heading stands (its title line,
        or a heading glued into the last paragraph): that heading and the part's preamble go
        to ``after``, outside every section."""
        if not self.stack:
            return
        node = self.stack[-1]
        if self.title_at is not None and self.title_at[0] is node:
            cut = self.title_at[1]
        elif node.text and (pos := glued_part_heading(node.text[-1])) is not None:
            para, line = node.text[-1], node.text_lines[-1]
            node.text[-1] = para[:pos].rstrip()
            node.text.append(para[pos:])
            node.text_lines.append(line)
            cut = len(node.text) - 1
        else:
            return
        node.after, node.after_lines = node.text[cut:], node.text_lines[cut:]
        del node.text[cut:], node.text_lines[cut:]

    def new_part(self, mk: Marker, line: int, code: str) -> None:
        """Close the open sections: the part's items go on at the top level."""
        offset = self.roots[-1].ordinal
        self._close_scope()
        self.offset[mk.style] = offset
        self.stack.clear()
        self.last = {mk.style: offset}
        self.part_break, self.title_at = None, None
        self.warn("N206", line, f"numbering starts again at {mk.label}: a new part ({code}), "
                                f"its items counted on from {offset + 1}")

    def warn(self, code: str, line: int, message: str) -> None:
        if len(self.notices) < MAX_NOTICES:
            self.notices.append(NoticeRef(code, f"line {line}: {message}", line))
        else:
            self.dropped_notices += 1

    def expects(self, mk: Marker, strong: bool, before: str) -> bool:
        """Whether an inline marker would continue or open a sequence here (``before``: the
        text before it since the scan started)."""
        if mk.style == "bullet":  # a dash run after a sentence end or a space, never glued to text
            return True
        if self.starts_part(mk, before=before):
            return True
        mk = self._counted(mk)
        for node in reversed(self.stack):
            if node.style == mk.style:
                return mk.ordinal == node.ordinal + 1
        if mk.style == "article" and self.mid_law(mk):
            return True
        return mk.ordinal == 1 or mk.ordinal == self.last.get(mk.style, -1) + 1

    def continues(self, mk: Marker) -> bool:
        """Whether the marker is the next item of an open sequence (not a new one); for an
        article printed with OCR punctuation (OL22), the next article of the law open here
        (第一条、 after 第一章 too: articles count on across chapters)."""
        mk = self._counted(mk)
        if any(node.style == mk.style and mk.ordinal == node.ordinal + 1 for node in self.stack):
            return True
        return (mk.weak and mk.style == "article" and any(node.style in LAW_STYLES for node in self.stack)
                and (mk.ordinal == self.last.get("article", 0) + 1 or self.mid_law(mk)))

    def mid_law(self, mk: Marker) -> bool:
        """Whether an article is the first of an excerpt that starts inside a law (MID_LAW_RULES)."""
        return any(rule.find(self, mk) for rule in MID_LAW_RULES)

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

    def push(self, mk: Marker, line: int, content: str, alone: bool = False) -> Node | None:
        """Place a section for the marker (``alone``: it starts a line of the text); None when
        it cannot be one (it is text then)."""
        if self.count >= MAX_SECTIONS:
            if self.count == MAX_SECTIONS:
                self.warn("N004", line, f"more than {MAX_SECTIONS} sections; the rest is read as text")
                self.count += 1
            return None
        part = self.starts_part(mk, alone)
        if part:
            self.new_part(mk, line, part)
        mk = self._counted(mk)
        if not part and (rule := next((r for r in UNPRINTED_PARENT_RULES if r.find(self, mk)), None)):
            self._adopt_roots(mk, line, rule.code)
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
        self.part_break, self.title_at = None, None
        if part:
            self.parts.append((part, node))
        return node

    def _adopt_roots(self, mk: Marker, line: int, code: str) -> None:
        """The text started inside an item it does not print: the top-level run so far goes
        under that item, number ``mk.ordinal - 1`` of ``mk``'s style, with no label and no
        title (``mk`` is its next sibling)."""
        assert mk.ordinal is not None
        parent = Node(label="", style=mk.style, ordinal=mk.ordinal - 1, title="", line=self.roots[0].line,
                      children=self.roots)
        self._used[id(parent)] = self._used.pop(0, set())
        self._used[0] = {parent.ordinal}
        self.roots = [parent]
        self.stack.insert(0, parent)
        self.last[mk.style] = parent.ordinal
        self.warn("N207", line, f"the text starts inside an item it does not print: {mk.label} follows, so the items "
                                f"before it are item {parent.ordinal}'s ({code})")

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
    """Position and marker of the first item written inline in ``text[start:]``: a marker
    at a boundary (see ``_inline``), or inside a law, an article that LOOSE_ARTICLE_RULES find."""
    found = _next_marked(text, start, builder, head)
    if head or "第" not in text or not any(node.style in LAW_STYLES for node in builder.stack):
        return found
    end = found[0] if found is not None else len(text)
    for rule in LOOSE_ARTICLE_RULES:
        loose = rule.find(text, start, end, builder)
        if loose is not None:
            return loose
    return found


def _loose_article(text: str, start: int, end: int, builder: _Builder) -> tuple[int, Marker] | None:
    """The first article of ``text[start:end]`` after a loose boundary (LOOSE_BOUNDARY) that is
    the next of the law's articles."""
    depth, scanned = 0, start
    for m in LOOSE_BOUNDARY.finditer(text, start, end):
        pos = m.end()
        mk = match_marker(text, pos)
        if mk is None or mk.style != "article" or not builder.continues(mk._replace(weak=True)):
            continue
        depth, scanned = bracket_depth(text, scanned, pos, depth), pos
        if depth and closes_later(text, pos, depth):
            continue  # inside brackets: （不含 第三条 列举地区）
        return pos, mk
    return None


def _next_marked(text: str, start: int, builder: _Builder, head: bool) -> tuple[int, Marker] | None:
    """Position and marker of the first item at a boundary (``_inline``) in ``text[start:]``."""
    depth, scanned = 0, start  # bracket depth, computed only as far as needed (one-line pastes are long)
    for m in _inline().finditer(text, start):
        pos = m.end("pre")
        mk = match_marker(text, pos)
        if mk is None:
            continue
        pre = m.group("pre")
        strong = pre.strip()[:1] in _STRONG
        if mk.weak or mk.label.endswith((",", "，")) or mk.style in DECIMAL_STYLES:
            continue  # these start an item only at the start of a line
        if mk.style in LAW_STYLES:  # 第一章/第二条 of a one-line law: after a sentence end, a space or a bracket
            if not (strong or pre.isspace() or pre.startswith((")", "）"))) or (head and mk.style == "law_section"):
                continue
        elif mk.style == "bullet" and not (strong or pre.isspace()):
            continue
        if head:  # the outline's first item, inside a one-line paste: after a sentence end or a colon
            if mk.ordinal != 1 or not (mk.style in LAW_STYLES or (
                    mk.style in ("cn", "paren_cn") and (strong or pre.startswith(("：", ":"))))):
                continue
        elif not builder.expects(mk, strong, text[start:pos]):
            continue
        depth = bracket_depth(text, scanned, pos, depth)
        scanned = pos
        if depth and closes_later(text, pos, depth):
            continue  # inside brackets (a bracket never closed, cut by the source, hides nothing)
        return pos, mk
    return None


#: Where an article of a law run together into one paragraph with OCR punctuation may start
#: (…制定本条例,第二条、本市… / …氛围、第七条、鼓励…): after any sentence or clause sign or a
#: space, but not after a reference (本办法第六条、第七条 / 《…》第十条 / 第三条第二款).
LOOSE_BOUNDARY = lazy(r"(?<![条款项章节》0-9])[。；;！？!?：:,，、.．\s]\s*(?=第)")


@dataclass(frozen=True, kw_only=True)
class LooseArticleRule(Rule):
    """An article start inside a paragraph of a law whose punctuation is unreliable (OCR,
    scraped text): ``find(text, start, end, builder)`` → (position, marker) or None. It runs only
    where a chapter, section or article is open, and takes only the next article of the
    sequence (``_Builder.continues``), so a reference to another article is text. Examples
    are whole texts; they give "id label" of every section."""


LOOSE_ARTICLE_RULES: tuple[LooseArticleRule, ...] = (
    LooseArticleRule(
        code="OL23", find=_loose_article,
        summary="an article run into the paragraph of the one before, after any sign or a space (,第二条、 / 。第三条. / "
                "、第七条、), when it is the next article of the law open there",
        examples=(("第一章、总则.第一条、为了保护专利权.制定本条例,第二条、本条例适用于本市。第三条.市人民政府负责协调、"
                   "第四条,鼓励企业创新", ["1 第一章", "1.1 第一条", "1.2 第二条", "1.3 第三条", "1.4 第四条"]),
                  ("第一章 总则\n第一条 为了保护专利权,制定本条例,第二条、本条例适用于本市。", ["1 第一章", "1.1 第一条", "1.2 第二条"])),
        near_misses=("第一章 总则\n第一条 为了保护专利权,依照本条例第二条规定执行。",
                     "第一章 总则\n第一条 违反本办法第一条、第二条规定的,由市人民政府处理。",
                     "第一章 总则\n第一条 根据《专利法》第二条,制定本条例。",
                     "第一章 总则\n第一条 为了保护专利权,第二条第二款所列情形除外。",
                     "第一章 总则\n第一条 为了保护专利权,制定本条例,第三条、本条例适用于本市。",
                     "第一章 总则\n第一条 本条例适用于本市(不含 第二条、所列地区)。")),
)


def _loose_article_gives(rule: LooseArticleRule, text: str) -> list[str]:
    """A loose-article rule's value on a text: "id label" of every section, when an article
    stands inside a paragraph (more articles than lines that start with one; empty otherwise)."""
    _, builder = _split(list(enumerate(text.split("\n"), 1)))
    out = [f"{node.id} {node.label}" for node in walk(builder.roots)]
    at_start = sum(1 for line in text.split("\n") if (mk := match_marker(line)) is not None and mk.style == "article")
    return out if sum(1 for x in out if x.endswith("条")) > at_start else []


@dataclass(frozen=True, kw_only=True)
class NoisyStopRule(Rule):
    """Evidence that a text's sentence marks are noise (OCR, a scraper swapping 。 . , 、 and
    spaces: 市。县、区 / 工作.科技.工商), so that no 。 is a reliable sentence end:
    ``find(lines)`` → bool over the numbered lines. An article's title is then its whole text
    (GOLD_GUIDE: "the whole paragraph if it has none"). Examples are whole texts; they give
    the title of every article."""


#: A full stop printed "." between two Chinese characters (not after a numeral: 一.总则).
NOISY_STOP = lazy(rf"(?<=[{CJK}])(?<![{CN_ORDINAL_CLASS}])[.．](?=[{CJK}])")
#: How many such stops make the evidence, and at what rate (one per so many characters).
NOISY_STOP_MIN = 3
NOISY_STOP_EVERY = 300


def _dots_between_characters(lines: list[tuple[int, str]]) -> bool:
    n = chars = 0
    for _, line in lines:
        chars += len(line)
        if "." in line or "．" in line:
            n += len(NOISY_STOP.findall(line))
    return n >= NOISY_STOP_MIN and n * NOISY_STOP_EVERY >= chars


_NOISY_LAW = ("第一章、总则.第一条、为了保护专利权.促进创新。根据有关法律.制定本条例,第二条、市。县人民政府负责本行政区域的工作."
              "科技等部门按照职责做好相关工作。")

NOISY_STOP_RULES: tuple[NoisyStopRule, ...] = (
    NoisyStopRule(code="OL24", find=_dots_between_characters,
                  summary=f"full stops printed '.' between Chinese characters, {NOISY_STOP_MIN} or more and one per "
                          f"{NOISY_STOP_EVERY} characters: the text's 。 are no sentence ends, an article's title is "
                          "its whole text",
                  examples=((_NOISY_LAW, ["为了保护专利权.促进创新。根据有关法律.制定本条例",
                                          "市。县人民政府负责本行政区域的工作.科技等部门按照职责做好相关工作"]),),
                  near_misses=("第一章 总则\n第一条 为了保护专利权，制定本条例。根据有关法律，结合实际。\n"
                               "第二条 本条例适用于本市。各部门按照职责做好工作。",
                               "一.总则\n二.目标\n三.任务\n第一条 本办法适用于本市。各部门做好工作。")),
)


def _noisy_stop_gives(rule: NoisyStopRule, text: str) -> list[str]:
    """A noisy-stop rule's value on a text: the title of every article, when the rule holds."""
    _, builder = _split(list(enumerate(text.split("\n"), 1)))
    if builder._noisy != rule.code:
        return []
    out, todo = [], list(builder.roots)
    while todo:
        node = todo.pop(0)
        if node.style == "article":
            out.append(node.title)
        todo[:0] = node.children
    return out


#: How far into a chapter's line its title may run before a glued article.
MAX_CHAPTER_TITLE = 30


def _glued_article(content: str, builder: _Builder) -> tuple[int, Marker] | None:
    """The section or article glued to a chapter's title in a one-line law (总则第一条 为了…),
    when it is the next of its sequence."""
    pos = content.find("第", 1, MAX_CHAPTER_TITLE)
    while pos != -1:
        mk = match_marker(content, pos)
        if mk is not None and mk.style in ("law_section", "article") and builder.expects(mk, True, ""):
            return pos, mk
        pos = content.find("第", pos + 1, MAX_CHAPTER_TITLE)
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


def _publishes(title: str, lines: list[tuple[int, str]], own: str | None = None) -> bool:
    """Whether the notice before ``title`` names it (制定了《…》 / 印发…): the plan follows.
    ``own``: the title's own line, which does not count (关于印发…的通知 names itself)."""
    name = title.strip("《》 ")
    return bool(name) and any(f"《{name}》" in text or ("印发" in text and name in text)
                              for _, text in lines if text != own)


def line_kind(line: str) -> str | None:
    """What a line without a marker tells the outline (PART_RULES): "attachment",
    "colophon", "part_title", or None."""
    if match_marker(line) is not None or is_bare_date(line):
        return None
    return next((rule.kind for rule in PART_RULES if rule.regex.fullmatch(line)), None)


#: How many title lines an attachment heading may have before its outline starts.
MAX_ATTACHMENT_TITLE_LINES = 3


def _after_attachment_title(tail: list[tuple[int, str]]) -> bool:
    """Whether the tail ends with an attachment heading and its title (附件2 / 某某考评指标, or
    附件1：某某考评指标 on one line): a numbered outline that starts here is the attachment's."""
    k = 0
    while k < len(tail) and k <= MAX_ATTACHMENT_TITLE_LINES and line_kind(tail[-1 - k][1]) == "part_title":
        k += 1
    if k == len(tail) or k > MAX_ATTACHMENT_TITLE_LINES:
        return False
    heading = tail[-1 - k][1]
    m = ATTACHMENT.match(heading)
    if m is None:
        return False
    rest = heading[m.end() :].strip()
    return (k > 0 and not rest) or (bool(rest) and match_marker(rest) is None and line_kind(rest) == "part_title")


@dataclass(frozen=True, kw_only=True)
class MidRunRule(Rule):
    """Evidence that the text starts in the middle of a list of inner items (a page 2..n of a
    paginated article cut at 3.): ``find(marker, lines, i)`` → bool, for a marker numbered 2
    or more of an inner style (1. (1) ①) on a head line, ``lines[i:]`` the lines after it.
    The outline starts there. Examples are whole texts; they give "id label" of every section."""


#: How many lines after the item its next item is looked for.
MID_RUN_LOOKAHEAD = 6


def _next_item_follows(mk: Marker, lines: list[tuple[int, str]], i: int) -> bool:
    if mk.ordinal is None:  # a —— bullet counts nothing
        return False
    for _, line in lines[i : i + MID_RUN_LOOKAHEAD]:
        nxt = match_marker(line)
        if nxt is not None and not is_table_row(line):
            return nxt.style == mk.style and nxt.ordinal == mk.ordinal + 1 and not nxt.weak
    return False


#: How many lines after a decimal item (1.1, OL28) another one must start for it to be an item.
DECIMAL_RUN_LOOKAHEAD = 6


def _decimal_run(lines: list[tuple[int, str]], i: int) -> bool:
    """Whether one of the next lines (``lines[i:]``) starts with a decimal item (OL28): one
    1.1 line alone is a number in the text, not an outline (the last item of a decimal run is
    taken because its run is open)."""
    for _, line in lines[i : i + DECIMAL_RUN_LOOKAHEAD]:
        nxt = match_marker(line)
        if nxt is not None and nxt.style in DECIMAL_STYLES:
            return True
    return False


def _starts_mid_run(mk: Marker, lines: list[tuple[int, str]], i: int) -> bool:
    return any(rule.find(mk, lines, i) for rule in MID_RUN_RULES)


MID_RUN_RULES: tuple[MidRunRule, ...] = (
    MidRunRule(code="OL25", find=_next_item_follows,
               summary="an item numbered 2 or more in an inner style (3. / （3）) on a line of the head, whose next item "
                       "(the next line that starts one) is its successor (4.): the text starts mid-list, the outline "
                       "starts there",
               examples=(("某某网\n3.建设服务平台。推进平台建设。\n4.培育服务机构。支持机构发展。",
                          ["3 3.", "4 4."]),
                         ("3.建设服务平台。\n推进平台建设。\n4.培育服务机构。\n（三）强化保护\n1.严格执法。",
                          ["2 ", "2.3 3.", "2.4 4.", "3 （三）", "3.1 1."])),
               near_misses=("某某网\n2.首页\n新闻中心", "3.建设服务平台。\n5.培育服务机构。",
                            "附件：1.重点任务清单\n2.责任分解表\n3.考核办法")),
)


def _mid_run_gives(rule: MidRunRule, text: str) -> list[str]:
    """A mid-run rule's value on a text: "id label" of every section, when the first printed
    item is an inner one numbered 2 or more (the rule started the outline there; else empty)."""
    _, builder = _split(list(enumerate(text.split("\n"), 1)))
    nodes = list(walk(builder.roots))
    first = next((n for n in nodes if n.label), None)
    if first is None or first.style in ("cn", "paren_cn", *LAW_STYLES) or first.ordinal == 1:
        return []
    return [f"{n.id} {n.label}" for n in nodes]


@dataclass(frozen=True, kw_only=True)
class BulletRunRule(Rule):
    """Evidence that a run of —— bullet lines in the head is the text's outline (a news page
    quoting a plan's items): ``find(lines, i)`` → bool for a bullet line, ``lines[i:]`` the lines
    after it. The bullets start the outline as top-level items, numbered by their position
    (GOLD_GUIDE). Examples are whole texts; they give "id title" of every section."""


def _bullet_content(line: str) -> str | None:
    """The text after a —— bullet that starts ``line``, or None (no bullet; a dated signature
    ——2024年1月16日在…)."""
    mk = match_marker(line)
    if mk is None or mk.style != "bullet":
        return None
    rest = line[mk.end :].strip()
    return rest if rest and not rest[0].isdigit() else None


def _other_outline(lines: list[tuple[int, str]]) -> bool:
    """Whether any line starts with a numbered item (一、 (一) 1. 第一条 …): the text has an outline."""
    for _, line in lines:
        mk = match_marker(line)
        if mk is not None and mk.style != "bullet" and not mk.weak and not is_table_row(line):
            return True
    return False


def _consecutive_bullets(lines: list[tuple[int, str]], i: int) -> bool:
    return (i < len(lines) and _bullet_content(lines[i - 1][1]) is not None
            and _bullet_content(lines[i][1]) is not None and not _other_outline(lines))


BULLET_RUN_RULES: tuple[BulletRunRule, ...] = (
    BulletRunRule(code="OL29", find=_consecutive_bullets,
                  summary="two or more consecutive —— bullet lines in a text with no numbered outline (a news page "
                          "quoting a plan): they start the outline as top-level items, numbered by position",
                  examples=(("某某网讯 近日，某局印发工作要点。\n要点提出：\n——加快推进条例修订。\n——研究论证管理办法。\n"
                             "——推进立法进程。\n此外，要点还部署了其他任务。",
                             ["1 加快推进条例修订", "2 研究论证管理办法", "3 推进立法进程"]),),
                  near_misses=("某某网讯 近日，某局印发工作要点。\n——加快推进条例修订。\n此外，要点还部署了其他任务。",
                               "要点提出，要——加快推进条例修订——研究论证管理办法。",
                               "创新是第一动力。\n——2024年1月16日在某会议上的讲话\n——2024年3月5日在某会议上的讲话",
                               "要点提出：\n——加快推进条例修订。\n——研究论证管理办法。\n一、总体要求\n坚持创新。")),
)


def _starts_bullet_run(lines: list[tuple[int, str]], i: int) -> bool:
    return any(rule.find(lines, i) for rule in BULLET_RUN_RULES)


def _bullet_run_gives(rule: BulletRunRule, text: str) -> list[str]:
    """A bullet-run rule's value on a text: "id title" of every top-level bullet section."""
    _, builder = _split(list(enumerate(text.split("\n"), 1)))
    return [f"{node.id} {node.title}" for node in builder.roots if node.style == "bullet"]


#: The heading of a table of contents (目录 / 目 录).
TOC_HEADING = lazy(r"\s*目\s*录\s*[:：]?\s*")
#: A table of contents entry ends with its page number, after dots or spaces.
_TOC_PAGE = lazy(r"[\s.…·．\-—_]*\d{0,4}\s*$")
#: How many lines a table of contents may hold, and how far after it the body repeats its first entry.
MAX_TOC_LINES = 80
MAX_TOC_GAP = 400


def _entry(line: str) -> str:
    return _TOC_PAGE.sub("", line).replace(" ", "").replace("\u3000", "")


def _repeated_first_entry(lines: list[tuple[int, str]], i: int) -> int | None:
    """Index in ``lines`` of the line that repeats the first entry of the table of contents
    starting at ``lines[i]`` (its entries: short lines without a sentence end, the first one an
    item), or None."""
    k = i
    while k < len(lines) and k - i < MAX_TOC_LINES and len(lines[k][1]) <= MAX_ALONE_TITLE + 10 \
            and not _STRONG.intersection(lines[k][1]):
        k += 1
    if k - i < 2 or match_marker(lines[i][1]) is None:
        return None
    first = _entry(lines[i][1])
    return next((j for j in range(i + 1, min(len(lines), k + MAX_TOC_GAP)) if _entry(lines[j][1]) == first
                 and lines[j][1].strip() and j >= i + 2), None)


def _toc_end(lines: list[tuple[int, str]], i: int) -> int | None:
    """Where the body starts after a 目录 line (``lines[i:]`` follow it), or None: no table of contents."""
    return next((end for rule in TOC_RULES if (end := rule.find(lines, i)) is not None), None)


@dataclass(frozen=True, kw_only=True)
class TocRule(Rule):
    """A table of contents after a 目录 line: ``find(lines, i)`` → the index of the line where
    the body starts, or None. Its entries go to the head. Examples are whole texts; they give
    "id label" of every section."""


TOC_RULES: tuple[TocRule, ...] = (
    TocRule(code="OL26", find=_repeated_first_entry,
            summary="after a 目录 line, a run of short lines without a sentence end, the first an item (一、总体要求……1), "
                    "whose first entry the body repeats: the entries are no sections, the body starts at the repeat",
            examples=(("某市知识产权发展规划\n目 录\n一、发展基础……1\n二、总体要求……3\n三、保障措施……9\n一、发展基础\n"
                       "（一）取得成效\n成效明显。\n二、总体要求\n坚持创新。\n三、保障措施\n加强领导。",
                       ["1 一、", "1.1 （一）", "2 二、", "3 三、"]),),
            near_misses=("某市知识产权发展规划\n目录\n一、发展基础\n（一）取得成效\n成效明显。\n二、总体要求\n坚持创新。",
                         "目录\n（一）本网简介\n（二）联系我们\n一、总体要求\n坚持创新。")),
)


def _toc_gives(rule: TocRule, text: str) -> list[str]:
    """A table-of-contents rule's value on a text: "id label" of every section, when the rule
    found a table of contents (empty otherwise)."""
    lines = list(enumerate(text.split("\n"), 1))
    at = next((k for k, (_, line) in enumerate(lines) if TOC_HEADING.fullmatch(line)), None)
    if at is None or rule.find(lines, at + 1) is None:
        return []
    _, builder = _split(lines)
    out = [f"{node.id} {node.label}" for node in walk(builder.roots)]
    return out


def split_outline(lines: list[tuple[int, str]]) -> Outline:
    """Cut numbered lines into sections; returns the tree plus head and tail lines."""
    return _split(lines)[0]


def _split(lines: list[tuple[int, str]]) -> tuple[Outline, _Builder]:
    """split_outline, and the builder that made the tree (the rule tables read its parts)."""
    builder = _Builder()
    head: list[tuple[int, str]] = []
    tail: list[tuple[int, str]] = []
    body_start = 0  # index in ``lines`` where the body starts, for a restart after a covering notice
    state = "head"
    restarted = False
    signed, signed_at = False, 0  # a signature date seen in the tail, and where
    in_attachment_list = False
    in_box = False
    titled, part_title = False, ""  # the first part is under a published title; the last part title seen
    queue = _Lines(lines)
    prev_no = None
    while queue:
        no, line, checked = queue.popleft()
        piece, prev_no = no == prev_no, no  # a piece of a line that holds several items (a one-line paste)
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
                top = builder.roots[0].style
                if mk is not None and mk.ordinal == 1 and (
                        mk.style == top or STYLE_RANK.get(mk.style, 9) < STYLE_RANK.get(top, 9)):
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
            mk = match_marker(line)
            if mk is None or not _after_attachment_title(tail) or not builder.roots:
                tail.append((no, line))
                continue
            builder.part_break = "attachment"
            if not builder.starts_part(mk):
                builder.part_break = None
                tail.append((no, line))
                continue
            state, in_box, checked = "body", False, True  # a numbered attachment: its outline goes on
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
        if mk is not None and not queue and not line[mk.end :].strip() and state in ("head", "body"):
            # a bare marker that ends the text (cut by the source right after 一、): no item, and
            # nothing to scan (read as a line without a marker, （0） would be found again at 0)
            if state == "head":
                head.append((no, line))
            else:
                builder.add_text(line, no)
            continue
        if mk is not None and mk.style in DECIMAL_STYLES and not _decimal_run(queue.lines, queue.i) \
                and not any(node.style in DECIMAL_STYLES for node in builder.stack):
            mk = None  # a lone 1.1 line is no outline
        kind = line_kind(line) if mk is None and state == "body" else None
        if kind == "colophon":  # the 版记 (抄送, 印发) closes the document
            state = "tail"
            tail.append((no, line))
            continue
        if state == "head":
            if not piece and not queue.front and TOC_HEADING.fullmatch(line) \
                    and (end := _toc_end(queue.lines, queue.i)) is not None:
                head.append((no, line))  # a table of contents: its entries are no sections
                head.extend(queue.lines[queue.i : end])
                queue.i = end
                continue
            if in_attachment_list and mk and "。" not in line:
                head.append((no, line))
                continue
            in_attachment_list = False
            if mk is None or mk.weak or (mk.style not in ("cn", "paren_cn", *LAW_STYLES) and mk.ordinal != 1
                                         and not (not queue.front and _starts_mid_run(mk, queue.lines, queue.i))
                                         and not (mk.style == "bullet" and not queue.front and not piece
                                                  and _starts_bullet_run(queue.lines, queue.i))):
                found = _next_inline(line, 0, builder, head=True)
                if found is None:
                    head.append((no, line))
                    continue
                head.append((no, line[: found[0]].rstrip()))
                queue.appendleft((no, line[found[0] :], False))
                continue
            state = "body"
            body_start = queue.i - 1
            # The first part under a title the notice publishes (a second document may follow)
            titled = any(line_kind(t) == "part_title" and _publishes(t, head, t) for _, t in head[-3:])
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
        if (mk is not None and part_title and builder.part_break == "title" and not piece and not titled
                and not restarted and builder.starts_part(mk) and _publishes(part_title, lines[: queue.i], part_title)):
            # An unsigned covering notice with its own numbered items, then the plan it
            # publishes under its own title: the plan's outline starts here.
            restarted = True
            head.extend(lines[body_start : queue.i - 1])
            builder = _Builder()
            state, in_box = "head", False
            queue.appendleft((no, line, False))
            continue
        node = None
        if mk is not None:
            content = line[mk.end :]
            # Place the node before looking for inline items, which depend on it.
            node = builder.push(mk, no, "", alone=not piece)
        if node is not None:
            found = _next_inline(content, 0, builder, head=False)
            if node.style in ("chapter", "law_section"):  # 第一章 总则第一条 为了…: the article glued on
                found = _glued_article(content, builder) or found
            if found is not None:
                queue.appendleft((no, content[found[0] :], checked))
                content = content[: found[0]]
            text_line = no
            if not content.strip() and queue and match_marker(queue.peek()[1]) is None and found is None:
                # marker alone on its line: the heading is the next line
                text_line, content, _ = queue.popleft()
                node.line = text_line  # the heading's line is where its title stands
            node.title, text = split_title(content, node.style, glued=piece or found is not None,
                                           noisy=node.style == "article" and builder.noisy_stops(lines))
            if text:
                node.text.append(text)
                node.text_lines.append(text_line)
        else:
            # a marker read as text is not looked at again: the scan starts after it
            found = _next_inline(line, mk.end if mk is not None else 0, builder, head=False) if not in_box else None
            if found is not None:
                queue.appendleft((no, line[found[0] :], checked))
                line = line[: found[0]].rstrip()
            elif kind == "part_title":
                builder.mark_part_title()  # a 1 of the top style after it starts a new part
                part_title = line
            builder.add_text(line, no)
    _assign_ids(builder.roots, "", 1)
    notices = builder.notices
    if builder.dropped_notices:
        notices.append(NoticeRef("N004", f"{builder.dropped_notices} more outline warnings not shown"))
    if not builder.roots:
        notices.append(NoticeRef("N205", "no numbered outline found (一、 / (一) / 1. …)"))
    return Outline(sections=builder.roots, head=head, tail=tail, notices=notices), builder


@dataclass(frozen=True, kw_only=True)
class PartStartRule(Rule):
    """Evidence that a 1 starts a new numbered part at the top level, its items counted on
    from the items before it: ``find(builder, marker, alone, before)`` → bool (``alone``: the
    marker starts a line; ``before``: the text before it). The builder has checked that the
    marker is a 1 with a part before it and no list of its style open inside. Examples are
    whole texts; they give "id title" of every first item of a part the rule started."""


def _top(b: _Builder) -> str:
    return b.roots[-1].style


def _one_used(b: _Builder, mk: Marker) -> bool:
    """The 1 (counted on from the parts before) is taken at the top level."""
    return b._counted(mk).ordinal in b._used.get(0, ())


def _after_attachment(b: _Builder, mk: Marker, alone: bool, before: str) -> bool:
    return b.part_break == "attachment"


def _after_part_title(b: _Builder, mk: Marker, alone: bool, before: str) -> bool:
    return b.part_break == "title" and mk.style == _top(b)


def _outer_style(b: _Builder, mk: Marker, alone: bool, before: str) -> bool:
    top = _top(b)
    return (len(b.roots) >= 2 and STYLE_RANK.get(mk.style, 9) < STYLE_RANK.get(top, 9)
            and mk.style not in LAW_STYLES and top not in LAW_STYLES)


#: A paragraph that opens a list of its own (…主要包括： / …重点抓好以下工作。): a 1 after it is that
#: list's, not a new part's.
_OPENS_LIST = lazy(r"(?:[:：]|(?:以下|如下)[^。；;！？!?]{0,12}[。；;]?)\s*$")


def _same_style_again(b: _Builder, mk: Marker, alone: bool, before: str) -> bool:
    return (alone and mk.style == _top(b) and mk.style not in LAW_STYLES and len(b.roots) >= 2
            and bool(b.stack and b.stack[-1].text) and not _OPENS_LIST.search(before) and _one_used(b, mk))


def _after_glued_heading(b: _Builder, mk: Marker, alone: bool, before: str) -> bool:
    return (mk.style == _top(b) and mk.style not in LAW_STYLES and _one_used(b, mk)
            and glued_part_heading(before) is not None)


_REVIEW = "2023年工作回顾\n"
_FORWARD_ITEMS = "一、着力扩大有效需求\n新开工项目100个。\n二、着力发展实体经济\n新增规上工业企业50家。"
_ONE_LINE_REVIEW = ("各位代表：2023年工作回顾2023年是极不平凡的一年。主要做了以下工作：一、经济运行稳中向好。全年地区生产总值"
                    "增长6%。二、改革开放持续深化。完成改革任务30项。成绩来之不易。")

#: When a 1 starts a new numbered part (``_Builder.starts_part``), in the order tried.
PART_START_RULES: tuple[PartStartRule, ...] = (
    PartStartRule(code="OL16", find=_after_attachment,
                  summary="after an attachment heading and its title (附件2 / 某某指标), a 1 in any style starts the "
                          "attachment's outline",
                  examples=(("一、总体要求\n推进工作。\n二、保障措施\n加强领导。\n附件\n重点任务清单\n一、强化创造\n培育高价值专利。",
                             ["3 强化创造"]),),
                  near_misses=("一、总体要求\n推进工作。\n二、保障措施\n加强领导。\n附件：重点任务清单",)),
    PartStartRule(code="OL17", find=_after_part_title,
                  summary="after a part's title line (a second document's title, 2024年工作安排), a 1 in the top style",
                  examples=(("支持数字经济发展若干政策\n一、支持平台建设\n给予奖励。\n二、支持人才引进\n给予补贴。\n"
                             "某省数字经济创新发展行动计划（2024-2026年）\n为推进数字经济发展，制定本计划。\n一、总体要求\n坚持创新驱动。",
                             ["3 总体要求"]),
                            (_REVIEW + "（一）经济运行稳中向好。全年增长6%。\n（二）改革开放持续深化。完成改革30项。\n2024年工作安排\n"
                             "2024年是关键一年。\n（一）着力扩大有效需求。新开工项目100个。", ["3 着力扩大有效需求"])),
                  near_misses=("一、主要任务\n（一）建设平台\n（二）培育人才\n加强人才工作\n（一）引进人才",)),
    PartStartRule(code="OL18", find=_outer_style,
                  summary="a 1 in a style outer than the top one, after two items or more (（一）…（七） then 一、): "
                          "seven items are no parent of a 一、 list",
                  examples=(("主要做了以下工作：（一）经济运行稳中向好。全年增长6%。（二）改革开放持续深化。完成改革30项。"
                             "一、着力扩大有效需求。新开工项目100个。", ["3 着力扩大有效需求"]),),
                  near_misses=("（一）经济运行稳中向好\n一、着力扩大有效需求",)),
    PartStartRule(code="OL19", find=_same_style_again,
                  summary="the top style again at 1 at the start of a line, with no part title before it (a work "
                          "report's forward part after its review), unless the paragraph before it opens a list "
                          "(…包括： / …抓好以下工作。)",
                  examples=((_REVIEW + "一、经济运行稳中向好\n全年地区生产总值增长6%。\n二、改革开放持续深化\n完成改革任务30项。\n"
                             "各位代表，成绩来之不易。2024年主要预期目标是：地区生产总值增长6%左右。\n" + _FORWARD_ITEMS,
                             ["3 着力扩大有效需求"]),),
                  near_misses=("一、主要任务\n推进以下工作。\n二、重点工程\n主要包括：\n一、建设平台\n二、培育人才",
                               "（一）加强创造\n推进工作。\n（二）重点工程主要包括：\n（一）建设平台\n（二）培育人才",
                               "一、总体要求\n推进工作。\n一、主要任务",
                               "一、目标\n推进工作。\n二、任务\n各地要重点抓好以下工作。\n一、建设平台\n二、培育人才")),
    PartStartRule(code="OL20", find=_after_glued_heading,
                  summary="the top style again at 1 after a part heading glued into the text (GLUED_PART_RULES: "
                          "…。2024年工作安排2024年是…)",
                  examples=((_ONE_LINE_REVIEW + "2024年工作安排2024年是关键一年。主要预期目标是：地区生产总值增长6%左右。"
                             "一、着力扩大有效需求。新开工项目100个。二、着力发展实体经济。新增规上工业企业50家。",
                             ["3 着力扩大有效需求"]),),
                  near_misses=(_ONE_LINE_REVIEW + "下一步工作：一、着力扩大有效需求。新开工项目100个。",)),
)


@dataclass(frozen=True, kw_only=True)
class MidLawRule(Rule):
    """Evidence that a text starts inside a law (page 2..n of a regulation, an excerpt) so its
    first article may carry any number: ``find(builder, marker)`` → bool for an article marker
    before any article is placed. Examples are whole texts; they give "id label" of every section."""


def _first_article_of_later_chapter(b: _Builder, mk: Marker) -> bool:
    if mk.style != "article" or mk.ordinal is None or mk.ordinal < 2 or "article" in b.last or not b.roots:
        return False
    first = b.roots[0]
    return (first.style in ("chapter", "law_section") and first.ordinal >= 2 and len(b.roots) == 1
            and bool(b.stack) and b.stack[-1] is first)


MID_LAW_RULES: tuple[MidLawRule, ...] = (
    MidLawRule(code="OL27", find=_first_article_of_later_chapter,
               summary="a text that starts at a chapter numbered 2 or more (第二章 专利促进, page 2..n of a regulation): "
                       "its first article, printed right under that chapter, carries the law's running number (第七条); "
                       "with OL22/OL23 it is read in a one-paragraph run with OCR punctuation too",
               examples=(("第二章.专利促进.第七条、市人民政府设立专项资金。第八条,市专利管理部门应当建立信息平台.第九条、"
                          "鼓励企业创新。", ["2 第二章", "2.7 第七条", "2.8 第八条", "2.9 第九条"]),
                         ("第三章 保护\n第十二条、市人民政府负责协调。\n第十三条 依法查处侵权行为。",
                          ["3 第三章", "3.12 第十二条", "3.13 第十三条"])),
               near_misses=("第一章 总则\n第三条、本条例适用于本市。",
                            "第二章 保护\n依照本条例第五条、第六条规定执行。",
                            "一、总体要求\n第七条、市人民政府设立专项资金。")),
)


def _mid_law_gives(rule: MidLawRule, text: str) -> list[str]:
    """A mid-law rule's value on a text: "id label" of every section, when the first article
    placed is numbered 2 or more (empty otherwise)."""
    _, builder = _split(list(enumerate(text.split("\n"), 1)))
    nodes = list(walk(builder.roots))
    first = next((n for n in nodes if n.style == "article"), None)
    if first is None or first.ordinal < 2:
        return []
    return [f"{n.id} {n.label}" for n in nodes]


@dataclass(frozen=True, kw_only=True)
class UnprintedParentRule(Rule):
    """Evidence that the text starts inside an item it does not print (a page 2..n of a
    paginated article, an excerpt): ``find(builder, marker)`` → bool, asked before the marker
    is placed. The top-level run so far then goes under the unprinted item (no label, no
    title; notice N207). Examples are whole texts; they give "id label title" of every section."""


def _run_before_outer_item(b: _Builder, mk: Marker) -> bool:
    if mk.style == "bullet" or mk.ordinal is None or mk.ordinal < 2 or not b.roots:
        return False
    style = b.roots[0].style
    if style == mk.style or style == "bullet" or any(node.style != style for node in b.roots):
        return False
    if STYLE_RANK.get(mk.style, 9) >= STYLE_RANK.get(style, 9) or any(node.style == mk.style for node in b.stack):
        return False
    # （一）…（三） then 四、: one run printed in two styles, not a run under an unprinted 三、
    return not (b.roots[0].ordinal == 1 and mk.ordinal == b.roots[-1].ordinal + 1)


#: When the top-level run so far goes under an unprinted item (``_Builder._adopt_roots``).
UNPRINTED_PARENT_RULES: tuple[UnprintedParentRule, ...] = (
    UnprintedParentRule(
        code="OL21", find=_run_before_outer_item,
        summary="the text starts with a run in an inner style (（六）…) and an item of an outer style numbered 2 or "
                "more follows (三、) before any of that style: the run was the items of the unprinted item before it "
                "(二): （六） → 2.6, 三、 → 3",
        examples=(("（六）加强宣传引导。\n各地要广泛宣传。\n三、保障措施\n（一）加强组织领导。\n成立工作专班。",
                   ["2  ", "2.6 （六） 加强宣传引导", "3 三、 保障措施", "3.1 （一） 加强组织领导"]),
                  ("（四）强化服务\n1.建设服务平台。\n2.培育服务机构。\n（五）加强合作\n深化交流。\n三、保障措施",
                   ["2  ", "2.4 （四） 强化服务", "2.4.1 1. 建设服务平台", "2.4.2 2. 培育服务机构", "2.5 （五） 加强合作",
                    "3 三、 保障措施"]),
                  ("第五条 市人民政府负责协调。\n第六条 鼓励企业创新。\n第三章 保护\n第七条 依法查处侵权行为。",
                   ["2  ", "2.5 第五条 市人民政府负责协调", "2.6 第六条 鼓励企业创新", "3 第三章 保护",
                    "3.7 第七条 依法查处侵权行为"])),
        near_misses=("（一）指导思想\n坚持创新。\n（二）基本原则\n坚持法治。\n三、主要任务\n推进工作。",
                     "（六）加强宣传。\n（七）强化考核。\n一、附则",
                     "一、总体要求\n（一）指导思想\n（二）基本原则\n三、主要任务",
                     "（六）加强宣传。\n（七）强化考核。\n（八）加强监督。")),
)


def _unprinted_parent_gives(rule: UnprintedParentRule, text: str) -> list[str]:
    """An unprinted-parent rule's value on a text: "id label title" of every section, when the
    rule adopted the run (empty otherwise)."""
    _, builder = _split(list(enumerate(text.split("\n"), 1)))
    if not any(n.code == "N207" and f"({rule.code})" in n.message for n in builder.notices):
        return []
    out = [f"{node.id} {node.label} {node.title}" for node in walk(builder.roots)]
    return out


def _part_start_gives(rule: PartStartRule, text: str) -> list[str]:
    """A part-start rule's value on a text: "id title" of the first item of every part it started."""
    _, builder = _split(list(enumerate(text.split("\n"), 1)))
    return [f"{node.id} {node.title}" for code, node in builder.parts if code == rule.code]


def _glued_part_gives(rule, text: str) -> str | None:
    """A glued part heading rule's value on a text: the heading it finds."""
    m = rule.regex.search(text)
    return m["h"] if m else None


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


def _part_gives(rule: PartRule, text: str) -> str | None:
    """A part rule's value on a line: its kind, when it is the rule that classifies the line."""
    kind = line_kind(text)
    return kind if kind == rule.kind else None


def _title_gives(rule: TitleRule, text: str) -> str | None:
    """A title rule's value on an item's content (after its marker) in a one-line paste: the title."""
    return split_title(text, "cn", glued=True)[0] if rule.find(text) is not None else None


#: The rule tables of the outline, for tests/test_rule_tables.py.
RULE_TABLES = (RuleTable("MARKER_RULES", "OL", MARKER_RULES, _marker_gives),
               RuleTable("PART_RULES", "OL", PART_RULES, _part_gives),
               RuleTable("PART_START_RULES", "OL", PART_START_RULES, _part_start_gives),
               RuleTable("UNPRINTED_PARENT_RULES", "OL", UNPRINTED_PARENT_RULES, _unprinted_parent_gives),
               RuleTable("LOOSE_ARTICLE_RULES", "OL", LOOSE_ARTICLE_RULES, _loose_article_gives),
               RuleTable("NOISY_STOP_RULES", "OL", NOISY_STOP_RULES, _noisy_stop_gives),
               RuleTable("MID_RUN_RULES", "OL", MID_RUN_RULES, _mid_run_gives),
               RuleTable("MID_LAW_RULES", "OL", MID_LAW_RULES, _mid_law_gives),
               RuleTable("BULLET_RUN_RULES", "OL", BULLET_RUN_RULES, _bullet_run_gives),
               RuleTable("TOC_RULES", "OL", TOC_RULES, _toc_gives),
               RuleTable("GLUED_PART_RULES", "OL", GLUED_PART_RULES, _glued_part_gives),
               RuleTable("TITLE_RULES", "OL", TITLE_RULES, _title_gives))
