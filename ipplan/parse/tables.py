"""Tables: pipe-flattened rows (`| 1 | 实施… | … | *市市场监管局… |`) → Table records.

Merged cells are restored: a row printed with fewer cells than the header (the 重点工作
cell printed only on a group's first row) takes the missing cells from the row above.
Responsibility tables (a 责任单位 column) give tasks with units; target tables (a year
per column) give one target per cell. Page-metadata blocks (索引号, 文号, …) are not tables.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable, NamedTuple
from decimal import Decimal

from ipplan.parse import targets as tg
from ipplan.parse import units as un
from ipplan.parse.numerals import CN_COUNT_CLASS, to_decimal
from ipplan.parse.vocab.fields import FIELD_KEYS
from ipplan.parse.vocab.markers import is_table_row
from ipplan.parse.vocab.measures import MONEY_UNITS, UNIT_FORMS
from ipplan.parse.vocab.roles import LABEL_ALT, LEAD_LABELS, ROLE_COLUMN

#: A column of responsible units whose header is not exactly a role label (责任单位及责任人).
UNIT_COLUMN = re.compile(rf"(?:{LABEL_ALT})(?!.*处室)")
WORK_COLUMN = re.compile(r"重点工作|工作任务|重点任务|任务名称|主要任务|工作事项")
CONTENT_COLUMN = re.compile(r"主要内容|工作内容|具体内容|具体措施|工作措施|任务内容|具体任务|工作举措|主要措施")
#: "累计" closing a target-table indicator: the kind, not part of the name.
_CUMULATIVE_END = re.compile(r"累计$")
#: An indicator table whose targets are written as text: the indicator's name and its goal.
INDICATOR_NAME = re.compile(r"^(?:二级|三级)?指标(?:名称)?$")
GOAL_COLUMN = re.compile(r"^(?:评价标准|目标值?|预期目标|指标值|目标要求)$")
_LEADING_NUMBER = re.compile(r"^\s*\d{1,3}\s*[.．、]\s*")
ROW_COLUMN = re.compile(r"^(?:序号|编号|序)$")
INDICATOR_COLUMN = re.compile(r"指标|名称|内容|项目")
YEAR_COLUMN = re.compile(r"^(?P<y>(?:19|20)\d{2})\s*年?(?:底|末)?(?:目标|目标值)?$")
#: The measure in an indicator's parentheses: 发明专利年申请量 (件), 质押融资登记额 (亿元).
UNIT_PARENS = re.compile(r"\s*[(（](?P<mag>万|亿|千)?(?P<unit>[^()（）]{1,4})[)）]\s*$")
#: A target-table cell: a number with an optional operator (≥15, 100以上).
CELL_VALUE = re.compile(r"(?P<op>[≥>≤<]|不低于|不少于|超过)?\s*(?P<v>\d+(?:\.\d+)?)\s*(?P<post>以上|以下|左右)?")
CELL_OPS = {"≥": ">=", "不低于": ">=", "不少于": ">=", ">": ">", "超过": ">", "≤": "<=", "<": "<",
            "以上": ">=", "以下": "<=", "左右": "~"}
CAPTION_START = re.compile(rf"^附[件表]\s*[0-9{CN_COUNT_CLASS}]")
CAPTION_SKIP = re.compile(rf"^附[件表]\s*[0-9{CN_COUNT_CLASS}]*\s*[:：]?$|^注\s*[:：]")


@dataclass
class TaskRef:
    row: str
    work: str | None
    content: str
    units: list[un.UnitRef]
    line: int | None = None


@dataclass
class TableRef:
    index: int
    title: str | None
    header: list[str]
    rows: list[list[str]]
    kind: str
    line: int
    tasks: list[TaskRef] = field(default_factory=list)
    targets: list[tg.TargetRef] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def _cells(line: str) -> list[str]:
    cells = [c.strip() for c in line.split("|")]
    while cells and not cells[-1]:
        cells.pop()
    if cells and not cells[0] and line.lstrip().startswith("|"):
        cells.pop(0)
    return cells


def _is_meta_block(rows: list[list[str]]) -> bool:
    keys = {c for r in rows for c in r}
    return "索引号" in keys or sum(k in FIELD_KEYS for k in keys) >= 2


def find_tables(lines: list[tuple[int, str]]) -> list[TableRef]:
    """Every pipe-flattened table in the document, in order."""
    blocks: list[tuple[int, list[list[str]], str | None]] = []
    i = 0
    while i < len(lines):
        no, line = lines[i]
        if not is_table_row(line):
            i += 1
            continue
        start = i
        rows = []
        while i < len(lines) and is_table_row(lines[i][1]):
            cells = _cells(lines[i][1])
            if len(rows) >= 2 and _is_banner(cells) and _starts_table(cells, lines, i):
                break  # the next attachment's table, printed right after this one
            rows.append(cells)
            i += 1
        caption = None
        for j in range(start - 1, max(start - 4, -1), -1):
            text = lines[j][1]
            if "|" in text:
                break
            if not CAPTION_SKIP.match(text) and len(text) <= 60 and "。" not in text:
                caption = text
                break
        if len(rows) >= 2 and not _is_meta_block(rows):
            blocks.append((no, rows, caption))
    return [_build(n, no, rows, caption) for n, (no, rows, caption) in enumerate(blocks, 1)]


def _starts_table(banner: list[str], lines: list[tuple[int, str]], i: int) -> bool:
    """Whether a banner row opens a new table (附件2…表, or a 序号 header right after it)."""
    if CAPTION_START.match(banner[0]):
        return True
    nxt = _cells(lines[i + 1][1]) if i + 1 < len(lines) and is_table_row(lines[i + 1][1]) else []
    return bool(nxt) and bool(ROW_COLUMN.match(nxt[0]))


def _restore_merged(header: list[str], rows: list[list[str]], warnings: list[str], line: int) -> list[list[str]]:
    width = len(header)
    out: list[list[str]] = []
    for k, row in enumerate(rows):
        if len(row) < width and out:
            missing = width - len(row)
            prev = out[-1]
            if row and ROW_COLUMN.match(header[0]):
                row = [row[0], *prev[1 : 1 + missing], *row[1:]]
            else:
                row = [*prev[:missing], *row]
        if len(row) != width:
            warnings.append(f"line {line + k + 1}: table row has {len(row)} cells, header has {width}")
            row = (row + [""] * width)[:width]
        out.append(row)
    return out


def _col(header: list[str], pattern: re.Pattern[str]) -> int | None:
    return next((i for i, h in enumerate(header) if pattern.search(h)), None)


def _is_banner(row: list[str]) -> bool:
    """A row whose cells all repeat one text: a caption or group heading spanning the table."""
    return len(row) >= 2 and len(set(row)) == 1 and bool(row[0])


def _unit_columns(header: list[str]) -> list[tuple[int, bool]]:
    """(column, lead) of every column of responsible units: 牵头单位, 配合单位, 责任单位, 指导部门 …"""
    cols = [(i, h.strip() in LEAD_LABELS or h.strip().startswith(tuple(LEAD_LABELS)))
            for i, h in enumerate(header) if ROLE_COLUMN.match(h)]
    if not cols:
        i = _col(header, UNIT_COLUMN)
        if i is not None:
            cols = [(i, "牵头" in header[i])]
    return cols


def _build(index: int, line: int, rows: list[list[str]], caption: str | None) -> TableRef:
    warnings: list[str] = []
    while len(rows) > 2 and _is_banner(rows[0]):  # 附件2…任务分工表 printed as the first row
        caption = rows[0][0]  # the table's own title row wins over a line above
        rows = rows[1:]
        line += 1
    header = rows[0]
    body = _restore_merged(header, rows[1:], warnings, line)
    table = TableRef(index, caption, header, body, "other", line, warnings=warnings)
    unit_cols = _unit_columns(header)
    year_cols = [(i, int(m["y"])) for i, h in enumerate(header) if (m := YEAR_COLUMN.match(h))]
    if unit_cols:
        table.kind = "responsibility"
        work_col, content_col = _col(header, WORK_COLUMN), _col(header, CONTENT_COLUMN)
        row_col = 0 if ROW_COLUMN.match(header[0]) else None
        for k, row in enumerate(body, 1):
            if _is_banner(row):  # a group heading row (一、知识产权保护方面)
                continue
            found = [u._replace(line=line + k) for col, lead in unit_cols for u in un.parse_unit_list(row[col], lead)]
            table.tasks.append(TaskRef(
                row=row[row_col] if row_col is not None else str(k),
                work=row[work_col] if work_col is not None else None,
                content=row[content_col] if content_col is not None else "",
                units=found,
                line=line + k,
            ))
    elif (goal_col := _col(header, GOAL_COLUMN)) is not None and (ind := _col(header, INDICATOR_NAME)) is not None:
        # An indicator per row, its targets written in a text cell (2023年达到80%，力争2035年达到95%)
        table.kind = "targets"
        for k, row in enumerate(body, 1):
            name = _LEADING_NUMBER.sub("", row[ind]).strip()
            found, _ = tg.paragraph_targets(row[goal_col], None, f"table:{index}/{k}", line + k, name)
            table.targets.extend(found)
    elif len(year_cols) >= 2:
        table.kind = "targets"
        ind_col = _col([h if i not in dict(year_cols) else "" for i, h in enumerate(header)], INDICATOR_COLUMN)
        if ind_col is None:
            ind_col = 1 if ROW_COLUMN.match(header[0]) else 0
        row_col = 0 if ROW_COLUMN.match(header[0]) else None
        for k, row in enumerate(body, 1):
            table.targets.extend(_row_targets(table, row, row[row_col] if row_col is not None else str(k),
                                              row[ind_col], year_cols, line + k))
    return table


def _row_targets(table: TableRef, row: list[str], row_id: str, cell: str,
                 year_cols: list[tuple[int, int]], line: int) -> list[tg.TargetRef]:
    r = tg.rules()
    m = UNIT_PARENS.search(cell)
    unit, scale = None, Decimal(1)
    name = cell
    if m and (m["unit"] in r.lex.measures or m["unit"] in MONEY_UNITS):
        unit = m["unit"]
        if m["mag"]:
            scale = Decimal(r.lex.magnitudes[m["mag"]])
        if unit in MONEY_UNITS:
            factor, unit = MONEY_UNITS[unit]
            scale *= factor
        unit = UNIT_FORMS.get(unit, unit)
        name = cell[: m.start()]
    kind = tg.kind_of(name, unit or "", r)
    indicator = _CUMULATIVE_END.sub("", tg.strip_lead(name, r)).strip()
    out = []
    for col, year in year_cols:
        raw = row[col].strip()
        q = CELL_VALUE.fullmatch(raw)
        if not q:
            continue
        value = to_decimal(q["v"])
        if value is None or not tg.plausible_value(value * scale):
            continue
        op = CELL_OPS.get(q["op"] or q["post"] or "", "=")
        out.append(tg.TargetRef(
            section=f"table:{table.index}/{row_id}", indicator=indicator, value=value * scale, value_max=None,
            unit=unit or "", op=op, year=year, kind=kind, text=f"{cell} {table.header[col]} {raw}", line=line,
        ))
    return out


class TableRule(NamedTuple):
    """A shape the tables stage reads (a header cell or a row): ``fires(text)`` on its
    cells joined by " | "."""

    code: str
    summary: str
    fires: Callable[[str], bool]
    examples: tuple[str, ...]
    near_misses: tuple[str, ...]


def _split(text: str) -> list[str]:
    return [c.strip() for c in text.split("|")]


#: The shapes of the tables stage, walked by tests/test_rule_tables.py.
TABLE_RULES: tuple[TableRule, ...] = (
    TableRule("TB01", "a column of responsible units: the header is a role label (牵头单位, 配合单位, 指导部门 …)",
              lambda t: bool(_unit_columns(_split(t))),
              ("序号 | 工作事项 | 牵头单位 | 配合单位", "序号 | 改革举措 | 指导部门", "序号 | 任务 | 责任主体"),
              ("序号 | 工作事项 | 市卫健委内牵头处室", "序号 | 指标 | 2023年")),
    TableRule("TB02", "a banner row (one text repeated across the table): a caption or group heading, no task",
              lambda t: _is_banner(_split(t)),
              ("附件2任务分工表 | 附件2任务分工表 | 附件2任务分工表", "一、保护方面 | 一、保护方面"),
              ("1 | 扩大来源 | 各区政府", "序号 | 序号号")),
    TableRule("TB03", "a year column of a target table: 2023年 / 2025年目标值",
              lambda t: bool(YEAR_COLUMN.match(t)), ("2023年", "2025年底目标", "2024"), ("2023年度工作", "年份")),
    TableRule("TB04", "an indicator table with goals as text: 二级指标 + 评价标准 columns",
              lambda t: _col(_split(t), GOAL_COLUMN) is not None and _col(_split(t), INDICATOR_NAME) is not None,
              ("一级指标 | 二级指标 | 评价标准", "指标名称 | 目标值"), ("一级指标 | 指标含义 | 数据来源", "序号 | 工作事项")),
    TableRule("TB05", "a row-number column: 序号 / 编号",
              lambda t: bool(ROW_COLUMN.match(t)), ("序号", "编号"), ("序号说明", "指标")),
)


def _table_rule_fires(rule: TableRule, text: str) -> bool:
    return rule.fires(text)


#: Rule tables of this module for the walker test (tests/test_rule_tables.py).
RULE_TABLES = {"TABLE_RULES": (TABLE_RULES, _table_rule_fires)}
