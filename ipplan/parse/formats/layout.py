"""One home for how extracted documents are laid out as text: whitespace inside a block,
and tables as pipe rows (``序号 | 重点工作 | 主要内容 | 责任单位 |``), the shape the tables
stage reads, with merged cells (rowspan/colspan, Word gridSpan/vMerge) filled by
repeating their value, as in the samples' tables.

A table costs work in proportion to its source: spans are clamped (MAX_COLSPAN,
MAX_ROWSPAN), and once a table has laid out MAX_TABLE_CELLS cells its remaining spans are
no longer repeated (each cell is written once), with a notice. A cell holding several
paragraphs keeps them apart where they are names (join_cell_paragraphs).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from ipplan.parse.rules import lazy
from ipplan.parse.vocab.notices import NoticeRef
from ipplan.parse.vocab.organs import CELL_UNIT_ENDINGS
from ipplan.parse.vocab.text import CJK

#: Spans larger than these are clamped (a hostile colspan must not blow up a row).
MAX_COLSPAN = 100
MAX_ROWSPAN = 10_000
#: Cells a table may lay out with its spans repeated (a 1,000-row table of 20 columns is
#: 20,000; 10,000 rows carrying a rowspan of 10,000 × colspan 100 would be 10^10).
MAX_TABLE_CELLS = 200_000
#: A cell paragraph that names a unit (or a list of them): an organ word at its end, an
#: alias or a lead mark in brackets allowed (市委宣传部(市新闻出版局), 市财政局（牵头）).
ORGAN_PARAGRAPH = lazy(
    rf"[*＊]?[{CJK}、（）()]{{1,40}}(?:{'|'.join(CELL_UNIT_ENDINGS)})(?:[（(][^（()）]{{1,20}}[）)])?"
)
#: What two such paragraphs are joined with: the separator the units stage splits at.
ORGAN_SEPARATOR = "、"

_WS = re.compile(r"\s+")
#: Characters that are written without spaces between them (CJK and full-width forms).
TIGHT = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f“”‘’]")


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


def fill_grid(rows: Iterable[list[Cell]], notices: list[NoticeRef] | None = None, what: str = "table") -> list[list[str]]:
    """Lay cells on a grid: a spanned cell's value is repeated in every slot it covers,
    until the table has laid out MAX_TABLE_CELLS cells (then each cell is written once and
    a notice N013 naming ``what`` is added to ``notices``)."""
    grid: list[list[str]] = []
    carry: dict[int, list] = {}  # column -> [text, rows still covered]
    total = 0  # cells laid out in the rows before this one
    spans = True
    for row in rows:
        out: list[str] = []
        for cell in row:
            if spans:
                _take_carried(out, carry)
            col = len(out)
            text = cell.text
            if text is None:  # continues the cell above
                text = grid[-1][col] if grid and col < len(grid[-1]) else ""
            span = max(1, min(cell.colspan, MAX_COLSPAN)) if spans else 1
            down = max(1, min(cell.rowspan, MAX_ROWSPAN)) if spans else 1
            if spans and total + col + span > MAX_TABLE_CELLS:
                spans, span, down = False, 1, 1
                _stop_spans(carry, notices, what, len(grid) + 1)
            for k in range(span):
                out.append(text)
                if down > 1:
                    carry[col + k] = [text, down - 1]
        if spans:
            _take_carried(out, carry)
        grid.append(out)
        total += len(out)
        if spans and total > MAX_TABLE_CELLS:  # (rows of carried cells only)
            spans = False
            _stop_spans(carry, notices, what, len(grid) + 1)
    return grid


def _stop_spans(carry: dict[int, list], notices: list[NoticeRef] | None, what: str, row: int) -> None:
    carry.clear()
    if notices is not None:
        notices.append(NoticeRef("N013", f"{what}: merged cells would lay out over {MAX_TABLE_CELLS:,} cells; "
                                         f"from row {row} on, merged cells are written once"))


def _take_carried(out: list[str], carry: dict[int, list]) -> None:
    """Fill the next columns of ``out`` that a rowspan from above still covers."""
    while len(out) in carry:
        slot = carry[len(out)]
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
    paragraph, a one-column list) as plain lines, one per distinct cell."""
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
