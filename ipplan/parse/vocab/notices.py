"""Notice codes: what the parser noticed but could not resolve, or repaired on evidence.

Every notice in a plan has one of these stable codes (never renamed or reused), a one-line
message and, where there is one, the line in the numbered text of ``ipplan text``.
Layout repairs report under their own rule codes (LR.., see ``ipplan.parse.repair``).
"""

from __future__ import annotations

import re
from typing import NamedTuple


class NoticeKind(NamedTuple):
    code: str
    name: str
    summary: str


NOTICE_KINDS: tuple[NoticeKind, ...] = (
    # reading
    NoticeKind("N001", "forced-encoding-not-chinese", "a forced --encoding gives text with no Chinese (wrong codec?)"),
    NoticeKind("N002", "replacement-characters", "the input holds U+FFFD replacement characters (damaged bytes)"),
    NoticeKind("N003", "not-chinese", "the text is not Chinese: the rules will find little"),
    NoticeKind("N004", "doubtful-input", "something else the reader doubts about the input"),
    NoticeKind("N010", "hidden-text-dropped", "a hidden (display:none) block of a web page was not read"),
    NoticeKind("N012", "wrapper-dropped", "lines of a document-sharing site's wrapper were dropped"),
    NoticeKind("N013", "input-clamped", "part of the input was over a size limit and was cut (table cells, PDF characters)"),
    # outline
    NoticeKind("N201", "numbering-gap", "an outline number skips (（二） then （四）)"),
    NoticeKind("N202", "numbering-repeat", "an outline number repeats"),
    NoticeKind("N203", "numbering-start", "an outline sequence starts at a number other than 1"),
    NoticeKind("N204", "duplicate-section-id", "two sections got one id"),
    NoticeKind("N205", "no-outline", "no numbered outline was found"),
    # tables
    NoticeKind("N301", "table-row-width", "a table row has a different number of cells than its header"),
    # possible misses
    NoticeKind("N401", "possible-missed-target", "a sentence with a quantity and a commitment verb gave no target"),
    NoticeKind("N402", "possible-missed-units", "a bracketed clause that looks like a responsibility clause gave no units"),
)
NOTICE_NAMES = {k.code: k.name for k in NOTICE_KINDS}
#: Possible misses (N4xx): what a curator checks first (batch lists the documents that have them).
MISS_CODES = tuple(k.code for k in NOTICE_KINDS if k.name.startswith("possible-missed"))


class NoticeRef(NamedTuple):
    code: str
    message: str
    line: int | None = None


#: Free-text warnings of the older stages, by what they say: (pattern, code).
_LEGACY = (
    (re.compile(r"^--encoding .* does not read as Chinese"), "N001"),
    (re.compile(r"replacement character"), "N002"),
    (re.compile(r"^the text is not Chinese"), "N003"),
    (re.compile(r"merged cells would lay out over|over the limit of|characters; pages .* not read"), "N013"),
    (re.compile(r"numbering gap"), "N201"),
    (re.compile(r"numbering repeats"), "N202"),
    (re.compile(r"numbering starts"), "N203"),
    (re.compile(r"duplicate section id"), "N204"),
    (re.compile(r"no numbered outline"), "N205"),
    (re.compile(r"table row has"), "N301"),
)
_LINE = re.compile(r"^line (?P<n>\d+): ")


def from_warning(text: str) -> NoticeRef:
    """A coded notice for a stage's free-text warning ("line 12: numbering gap: …")."""
    code = next((c for p, c in _LEGACY if p.search(text)), "N004")
    m = _LINE.match(text)
    return NoticeRef(code, text, int(m["n"]) if m else None)


def _label(code: str, count: int) -> str:
    name = NOTICE_NAMES.get(code)
    if name is None:  # a layout repair (LR..) reports under its rule code
        return f"layout repair{'s' * (count > 1)} {code}"
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
