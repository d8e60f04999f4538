"""One home for how extracted documents are laid out as text: whitespace inside a block,
and tables as pipe rows (``序号 | 重点工作 | 主要内容 | 责任单位 |``), the shape the tables
stage reads, with merged cells (rowspan/colspan, Word gridSpan/vMerge) filled by
repeating their value, as in the samples' tables.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

#: Spans larger than these are clamped (a hostile colspan must not blow up a row).
MAX_COLSPAN = 100
MAX_ROWSPAN = 10_000

_WS = re.compile(r"\s+")
#: Characters that are written without spaces between them (CJK and full-width forms).
_TIGHT = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f“”‘’]")


def squash(text: str) -> str:
    """Collapse whitespace runs to one space, and drop a run that holds a line break
    between two CJK characters (a source line break inside a Chinese sentence)."""
    def repl(m: re.Match[str]) -> str:
        s, e = m.start(), m.end()
        if "\n" in m.group() or "\r" in m.group():
            before, after = text[s - 1 : s], text[e : e + 1]
            if before and after and _TIGHT.match(before) and _TIGHT.match(after):
                return ""
        return " "

    return _WS.sub(repl, text).strip()


def join_parts(parts: Iterable[str]) -> str:
    """Join text pieces of one cell or line: no space between CJK pieces, else one space."""
    out = ""
    for part in parts:
        part = part.strip()
        if not part:
            continue
        if out and not (_TIGHT.match(out[-1]) or _TIGHT.match(part[0])):
            out += " "
        out += part
    return out


@dataclass(frozen=True)
class Cell:
    """One printed cell. ``text`` None continues the cell above (Word's vMerge)."""

    text: str | None
    rowspan: int = 1
    colspan: int = 1


def fill_grid(rows: Iterable[list[Cell]]) -> list[list[str]]:
    """Lay cells on a grid: a spanned cell's value is repeated in every slot it covers."""
    grid: list[list[str]] = []
    carry: dict[int, list] = {}  # column -> [text, rows still covered]
    for row in rows:
        out: list[str] = []
        for cell in row:
            _take_carried(out, carry)
            col = len(out)
            text = cell.text
            if text is None:  # continues the cell above
                text = grid[-1][col] if grid and col < len(grid[-1]) else ""
            span = max(1, min(cell.colspan, MAX_COLSPAN))
            down = max(1, min(cell.rowspan, MAX_ROWSPAN))
            for k in range(span):
                out.append(text)
                if down > 1:
                    carry[col + k] = [text, down - 1]
        _take_carried(out, carry)
        grid.append(out)
    return grid


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
    spans the whole table (a caption or an attachment heading printed inside the table:
    附件2 …任务分工表) is a plain line, so that the rows below it start a table of their own."""
    lines = []
    for row in grid:
        cells = [clean_cell(c) for c in row]
        filled = {c for c in cells if c}
        if len(row) >= 2 and len(filled) == 1 and all(cells):
            lines.append(filled.pop())
        elif filled:
            lines.append(" | ".join(cells) + " |")
    return lines


def render_table(rows: list[list[Cell]]) -> list[str]:
    """A table as pipe rows; one with fewer than two rows of two filled cells (a framed
    paragraph, a one-column list) as plain lines, one per distinct cell."""
    grid = fill_grid(rows)
    if sum(1 for row in grid if sum(1 for c in row if c.strip()) >= 2) >= 2:
        return pipe_rows(grid)
    lines: list[str] = []
    for row in grid:
        for cell in row:
            text = squash(cell)
            if text and (not lines or lines[-1] != text):
                lines.append(text)
    return lines
