"""Notice codes: what the parser noticed but could not resolve, or repaired on evidence.

Every notice in a plan has one of these stable codes (never renamed or reused), a one-line
message and, where there is one, the line in the numbered text of ``ipplan text``.
Layout repairs report under their own rule codes (LR.., see ``ipplan.parse.repair``).
"""

from __future__ import annotations

from typing import NamedTuple


class NoticeKind(NamedTuple):
    code: str
    name: str
    summary: str
    #: The name's words for a count above one, where adding "s" is wrong.
    plural: str | None = None


NOTICE_KINDS: tuple[NoticeKind, ...] = (
    # reading
    NoticeKind("N001", "forced-encoding-not-chinese", "a forced --encoding gives text with no Chinese (wrong codec?)"),
    NoticeKind("N002", "replacement-characters", "the input holds U+FFFD replacement characters (damaged bytes)"),
    NoticeKind("N003", "not-chinese", "the text is not Chinese: the rules will find little"),
    NoticeKind("N004", "doubtful-input", "something else the reader doubts about the input"),
    NoticeKind("N010", "hidden-text-dropped", "a hidden (display:none) block of a web page was not read"),
    NoticeKind("N012", "wrapper-dropped", "lines of a document-sharing site's wrapper were dropped"),
    NoticeKind("N013", "input-clamped", "part of the input was over a size limit and was cut (table cells, PDF characters)"),
    # header
    NoticeKind("N101", "place-from-body", "a work report names only its level (我代表市人民政府): its place is the one of "
                                          "that level the text names most", "places from the body"),
    # outline
    NoticeKind("N201", "numbering-gap", "an outline number skips (（二） then （四）)"),
    NoticeKind("N202", "numbering-repeat", "an outline number repeats"),
    NoticeKind("N203", "numbering-start", "an outline sequence starts at a number other than 1"),
    NoticeKind("N204", "duplicate-section-id", "two sections got one id"),
    NoticeKind("N205", "no-outline", "no numbered outline was found"),
    NoticeKind("N206", "numbering-new-part", "the numbering starts again in a second part or a numbered attachment; "
                                             "its items are counted on"),
    NoticeKind("N207", "unprinted-parent", "the text starts inside an item it does not print (a page of a paginated "
                                           "article starting at （六）, then 三、): the items before go under it"),
    # tables
    NoticeKind("N301", "table-row-width", "a table row has a different number of cells than its header"),
    # possible misses
    NoticeKind("N401", "possible-missed-target", "a sentence with a quantity and a commitment verb gave no target"),
    NoticeKind("N402", "possible-missed-units", "a bracketed clause that looks like a responsibility clause gave no units"),
    # targets (not misses: what the targets stage read and set aside on evidence)
    NoticeKind("N501", "review-of-past-results", "a review of past results (2023年工作回顾, 发展基础): its numbers were "
                                                 "not read as targets", "reviews of past results"),
)
NOTICE_NAMES = {k.code: k.name for k in NOTICE_KINDS}
_PLURALS = {k.code: k.plural for k in NOTICE_KINDS if k.plural}
#: Possible misses (N4xx): what a curator checks first (batch lists the documents that have them).
MISS_CODES = tuple(k.code for k in NOTICE_KINDS if k.name.startswith("possible-missed"))


class NoticeRef(NamedTuple):
    """A notice, made with its code where the stage notices it (a plan's ``warnings`` are
    their messages, kept for v1 readers)."""

    code: str
    message: str
    line: int | None = None


def _label(code: str, count: int) -> str:
    name = NOTICE_NAMES.get(code)
    if name is None:  # a layout repair (LR..) reports under its rule code
        return f"layout repair{'s' * (count > 1)} {code}"
    if count > 1 and code in _PLURALS:
        return _PLURALS[code]
    words = name.replace("-", " ")
    return words + ("s" if count > 1 and not words.endswith(("s", "ed")) else "")


def summary(codes: list[str]) -> str:
    """One line for a plan's notices: "3 notices: 2 possible missed targets, 1 numbering gap"
    (kinds by count, then by code)."""
    counts: dict[str, int] = {}
    for code in codes:
        counts[code] = counts.get(code, 0) + 1
    parts = [f"{n} {_label(c, n)}" for c, n in sorted(counts.items(), key=lambda cn: (-cn[1], cn[0]))]
    total = len(codes)
    return f"{total} notice{'s' if total != 1 else ''}: " + ", ".join(parts)
