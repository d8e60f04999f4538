"""Data passed between pipeline stages (frozen where a stage hands it on)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from typing import NamedTuple

from ipplan.parse.vocab.notices import NoticeRef


@dataclass(frozen=True)
class RawDocument:
    """Bytes as read, before decoding. ``path`` is None for stdin or in-memory text."""

    data: bytes
    path: str | None = None
    format: str = "txt"


@dataclass(frozen=True)
class DecodedDocument:
    """Text decoded from a RawDocument, with what the reader learned about it."""

    text: str
    path: str | None
    sha256: str | None
    encoding: str | None
    format: str = "txt"
    #: What the reader doubts about the text or left out (a forced encoding that yields no
    #: Chinese, replacement characters, a hidden block, a clamped table …), with their codes.
    notices: tuple[NoticeRef, ...] = ()


@dataclass(frozen=True)
class NormalizedText:
    """Clean lines (one paragraph each) plus the script facts for ``source``."""

    lines: tuple[str, ...]
    script: str = "simplified"
    conversion: str | None = None


@dataclass
class Node:
    """A section while the outline is built; turned into schema.Section by the api."""

    label: str
    style: str
    ordinal: int
    title: str
    line: int
    text: list[str] = field(default_factory=list)
    #: Line number of each paragraph of ``text`` (parallel list).
    text_lines: list[int] = field(default_factory=list)
    children: list[Node] = field(default_factory=list)
    id: str = ""
    level: int = 1
    #: Paragraphs printed after the section that belong to no section: the heading and the
    #: preamble of an unnumbered part before its first item (…（七）… / 2024年工作安排 /
    #: 今年是…主要预期目标是… / （一）…). Read in document order, right after ``text``
    #: (the node has no children then: it was the last open section).
    after: list[str] = field(default_factory=list)
    after_lines: list[int] = field(default_factory=list)


def walk(nodes: list[Node]) -> Iterator[Node]:
    """Every node of a tree in document order (a node, then its children's trees)."""
    todo = list(reversed(nodes))
    while todo:
        node = todo.pop()
        yield node
        todo.extend(reversed(node.children))


@dataclass(frozen=True)
class Outline:
    """The outline stage's result.

    ``head`` holds the lines before the first section (notice, title, preamble),
    ``tail`` the lines from the attachments on; both keep their line numbers.
    """

    sections: list[Node]
    head: list[tuple[int, str]]
    tail: list[tuple[int, str]]
    notices: list[NoticeRef]  # numbering gaps and repeats, no outline at all …


@dataclass
class TargetRef:
    """A target found by the targets or the tables stage."""

    section: str | None
    indicator: str
    value: Decimal
    value_max: Decimal | None
    unit: str
    op: str
    year: int | None
    kind: str
    text: str
    milestones: list[tuple[int, Decimal]] = field(default_factory=list)
    line: int = 0


class UnitRef(NamedTuple):
    """A responsible unit found by the units or the tables stage."""

    name: str
    aliases: tuple[str, ...]
    lead: bool
    line: int | None = None  # line of the clause in the numbered text
