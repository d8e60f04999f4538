"""One home for how extracted documents are laid out as text: whitespace inside a block,
and tables as pipe rows (``序号 | 重点工作 | 主要内容 | 责任单位 |``), the shape the tables
stage reads, with merged cells (rowspan/colspan, Word gridSpan/vMerge) filled by
repeating their value, as in the samples' tables.

A document's tables cost work in proportion to its source: spans are clamped (MAX_COLSPAN,
MAX_ROWSPAN), and every copy a merged cell lays out (a colspan's or rowspan's slots past the
first, a Word vMerge continuation) is paid from one SpanBudget per document: its text plus
the " | " it is written with, MAX_SPAN_COPY_CHARS in all. Once the budget is spent, merged
cells are written once for the rest of the document, with a coded notice (N013). The budget
is shared by every reader that lays out tables (HTML, DOCX, and any other format):
readers.decode opens it (document_budget) around the reader, so a reader needs nothing of
its own. A cell holding several paragraphs keeps them apart where they are names
(join_cell_paragraphs).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

from ipplan.parse.rules import lazy
from ipplan.parse.vocab.notices import NoticeRef
from ipplan.parse.vocab.organs import CELL_UNIT_ENDINGS
from ipplan.parse.vocab.text import CJK

#: Spans larger than these are clamped (a hostile colspan must not blow up a row).
MAX_COLSPAN = 100
MAX_ROWSPAN = 10_000
#: Characters merged cells may add to one document by repeating their text, each copy
#: counted with its " | " (the real documents of the corpus add at most a few thousand; one
#: 1,000-character cell of rowspan 2,000 × colspan 100 would add 200 million).
MAX_SPAN_COPY_CHARS = 1_000_000
#: What a copy costs besides its text: the separator it is written with.
_COPY_COST = len(" | ")
#: A cell paragraph that names a unit (or a list of them): an organ word at its end, an
#: alias or a lead mark in brackets allowed (市委宣传部(市新闻出版局), 市财政局（牵头）).
ORGAN_PARAGRAPH = lazy(
    rf"[*＊]?[{CJK}、（）()]{{1,40}}(?:{'|'.join(CELL_UNIT_ENDINGS)})(?:[（(][^（()）]{{1,20}}[）)])?"
)
#: What two such paragraphs are joined with: the separator the units stage splits at.
ORGAN_SEPARATOR = "、"

_WS = re.compile(r"\s+")
#: Characters that are written without spaces between them (CJK and full-width forms).
TIGHT = lazy(r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f“”‘’]")


def squash(text: str) -> str:
    """Collapse whitespace runs to one space, and drop a run that holds a line break
    between two CJK characters (a source line break inside a Chinese sentence)."""
    def repl(m: re.Match[str]) -> str:
        s, e = m.start(), m.end()
        if "\n" in m.group() or "\r" in m.group():
            before, after = text[s - 1 : s], text[e : e + 1]
            if before and after and TIGHT.match(before) and TIGHT.match(after):
                return ""
        return " "

    return _WS.sub(repl, text).strip()


def join_parts(parts: Iterable[str]) -> str:
    """Join text pieces of one cell or line: no space between CJK pieces, else one space."""
    out: list[str] = []  # joined once: linear however many parts
    for part in parts:
        part = part.strip()
        if not part:
            continue
        if out and not (TIGHT.match(out[-1][-1]) or TIGHT.match(part[0])):
            out.append(" ")
        out.append(part)
    return "".join(out)


@dataclass(frozen=True)
class Cell:
    """One printed cell. ``text`` None continues the cell above (Word's vMerge)."""

    text: str | None
    rowspan: int = 1
    colspan: int = 1


class SpanBudget:
    """What merged cells may still lay out in one document (MAX_SPAN_COPY_CHARS). Once a copy
    does not fit, the budget is spent for good: every later merged cell is written once."""

    def __init__(self, chars: int = MAX_SPAN_COPY_CHARS) -> None:
        self.left = chars
        self.spent = False

    def pay(self, copies: int, text: str) -> bool:
        """Pay for ``copies`` copies of ``text``; False (and spent) when they do not fit."""
        cost = copies * (len(text) + _COPY_COST)
        if self.spent or cost > self.left:
            self.spent = True
            return False
        self.left -= cost
        return True


_BUDGET: ContextVar[SpanBudget | None] = ContextVar("ipplan_span_budget", default=None)


@contextmanager
def document_budget() -> Iterator[SpanBudget]:
    """One SpanBudget for every table laid out inside (a nested call shares the open one)."""
    open_budget = _BUDGET.get()
    if open_budget is not None:
        yield open_budget
        return
    token = _BUDGET.set(SpanBudget())
    try:
        yield _BUDGET.get()  # type: ignore[misc]
    finally:
        _BUDGET.reset(token)


def fill_grid(rows: Iterable[list[Cell]], notices: list[NoticeRef] | None = None, what: str = "table",
              budget: SpanBudget | None = None) -> list[list[str]]:
    """Lay cells on a grid: a spanned cell's value is repeated in every slot it covers, each
    copy paid from ``budget`` (else the document's, see document_budget; else one for this
    table). When the budget runs out, merged cells are written once from there on (a rowspan
    no longer reserves its column below), and an N013 notice naming ``what`` and the row
    goes to ``notices``."""
    budget = budget or _BUDGET.get() or SpanBudget()
    grid: list[list[str]] = []
    carry: dict[int, list] = {}  # column -> [text, rows still covered]

    def pay(copies: int, text: str) -> bool:
        was_spent = budget.spent
        if budget.pay(copies, text):
            return True
        carry.clear()
        if not was_spent and notices is not None:
            notices.append(NoticeRef("N013", f"{what}: merged cells would lay out over {MAX_SPAN_COPY_CHARS:,} "
                                             f"characters in this document; from row {len(grid) + 1} on, "
                                             "merged cells are written once"))
        return False

    for row in rows:
        out: list[str] = []
        for cell in row:
            _take_carried(out, carry, pay)
            col = len(out)
            text = cell.text
            if text is None:  # continues the cell above (a copy of it)
                above = grid[-1][col] if grid and col < len(grid[-1]) else ""
                text = above if above and pay(1, above) else ""
            span = max(1, min(cell.colspan, MAX_COLSPAN))
            down = max(1, min(cell.rowspan, MAX_ROWSPAN))
            if span > 1 and not pay(span - 1, text):
                span = 1
            if budget.spent:
                down = 1
            for k in range(span):
                out.append(text)
                if down > 1:
                    carry[col + k] = [text, down - 1]
        _take_carried(out, carry, pay)
        grid.append(out)
    return grid


def _take_carried(out: list[str], carry: dict[int, list], pay) -> None:  # type: ignore[no-untyped-def]
    """Fill the next columns of ``out`` that a rowspan from above still covers (each a paid copy)."""
    while len(out) in carry:
        slot = carry[len(out)]
        if not pay(1, slot[0]):
            return  # (pay cleared the carry)
        out.append(slot[0])
        slot[1] -= 1
        if slot[1] == 0:
            del carry[len(out) - 1]


def clean_cell(text: str) -> str:
    """A cell's text on one line: whitespace squashed, pipes made full-width."""
    return squash(text).replace("|", "｜")


def pipe_rows(grid: list[list[str]]) -> list[str]:
    """Grid → ``a | b | c |`` lines; rows with no text are dropped. A row whose one cell
    spans the table (a caption, a group heading) repeats its text in every cell: the tables
    stage reads it as a caption or a group heading (tables.py TABLE_RULES)."""
    lines = []
    for row in grid:
        cells = [clean_cell(c) for c in row]
        if any(cells):
            lines.append(" | ".join(cells) + " |")
    return lines


def render_table(rows: list[list[Cell]], notices: list[NoticeRef] | None = None, what: str = "table") -> list[str]:
    """A table as pipe rows; one with fewer than two rows of two filled cells (a framed
    paragraph, a one-column list) as plain lines, one per distinct cell. Merged cells are
    paid from the document's span budget (fill_grid)."""
    grid = fill_grid(rows, notices, what)
    if sum(1 for row in grid if sum(1 for c in row if c.strip()) >= 2) >= 2:
        return pipe_rows(grid)
    lines: list[str] = []
    for row in grid:
        for cell in row:
            text = squash(cell)
            if text and (not lines or lines[-1] != text):
                lines.append(text)
    return lines


def join_cell_paragraphs(paragraphs: Iterable[str]) -> str:
    """A cell's paragraphs on one line: two that each name units (ORGAN_PARAGRAPH) are
    joined with ORGAN_SEPARATOR, so that 市市场监管局 / 市财政局 stay two names; others as
    join_parts joins pieces (a sentence or a word wrapped into two paragraphs is re-joined)."""
    out: list[str] = []
    prev_organ = False
    for para in paragraphs:
        para = squash(para)
        if not para:
            continue
        organ = ORGAN_PARAGRAPH.fullmatch(para) is not None
        if out and organ and prev_organ:
            out.append(ORGAN_SEPARATOR)
        elif out and not (TIGHT.match(out[-1][-1]) or TIGHT.match(para[0])):
            out.append(" ")
        out.append(para)
        prev_organ = organ
    return "".join(out)
