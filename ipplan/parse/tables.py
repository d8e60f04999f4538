"""Tables: pipe-flattened rows (`| 1 | 实施… | … | *市市场监管局… |`) → Table records.

Merged cells are restored: a row printed with fewer cells than the header (the 重点工作
cell printed only on a group's first row) takes the missing cells from the row above.
Responsibility tables (a 责任单位 column) give tasks with units; target tables (a year
per column) give one target per cell. Page-metadata blocks (索引号, 文号, …) are not tables.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from ipplan.parse.dates import YEAR
from ipplan.parse.numerals import CN_COUNT_CLASS, to_decimal
from ipplan.parse.rules import Rule, RuleTable, given, lazy
from ipplan.parse.targets import heading_year, indicator_name, kind_of, paragraph_targets, plausible_value
from ipplan.parse.types import TargetRef, UnitRef
from ipplan.parse.units import parse_unit_list
from ipplan.parse.vocab.fields import FIELD_KEYS
from ipplan.parse.vocab.markers import ROW_NUMBER_COLUMN, is_table_row
from ipplan.parse.vocab.measures import MEASURES, MONEY_UNITS, unit_scale
from ipplan.parse.vocab.notices import NoticeRef
from ipplan.parse.vocab.roles import LABEL_ALT, LEAD_LABELS, ROLE_COLUMN

#: A column of responsible units whose header is not exactly a role label (责任单位及责任人).
UNIT_COLUMN = lazy(rf"(?:{LABEL_ALT})(?!.*处室)")
WORK_COLUMN = lazy(r"重点工作|工作任务|重点任务|任务名称|主要任务|工作事项")
CONTENT_COLUMN = lazy(r"主要内容|工作内容|具体内容|具体措施|工作措施|任务内容|具体任务|工作举措|主要措施")
#: "累计" closing a target-table indicator: the kind, not part of the name.
_CUMULATIVE_END = lazy(r"累计$")
#: An indicator table whose targets are written as text: the indicator's name and its goal.
INDICATOR_NAME = lazy(r"^(?:二级|三级)?指标(?:名称)?$")
GOAL_COLUMN = lazy(r"^(?:评价标准|目标值?|预期目标|指标值|目标要求)$")
_LEADING_NUMBER = lazy(r"^\s*\d{1,3}\s*[.．、]\s*")
INDICATOR_COLUMN = lazy(r"指标|名称|内容|项目")
#: A column of values for a year: 2025年 / 2025年目标值 / 目标值（2025年） / 2025年底.
YEAR_COLUMN = lazy(rf"^(?:(?:目标值?|预期目标|规划目标)\s*[(（]\s*)?(?P<y>{YEAR})\s*年?(?:底|末)?(?:目标值?|预期目标)?"
                   rf"\s*[)）]?\s*(?:[(（][^()（）]{{1,6}}[)）])?$")
#: A column of base values (基期值, 现状值, 2020年（基期）): where the plan starts from, not a target.
BASE_COLUMN = lazy(r"基期|基准|现状|基数|基年|实际")
#: The column of units (单位, 计量单位) of an indicator table.
UNIT_COLUMN_HEADER = lazy(r"^(?:计量)?单位$")
#: The column of an indicator's nature (属性: 预期性 / 约束性) marks an indicator table.
NATURE_COLUMN = lazy(r"^(?:指标)?属性$|^指标性质$")
#: A year column at most this many years before the plan's period holds the base it starts
#: from (2020年 in a 2021–2025 plan), not targets; one further away is no year column at all
#: (the years stage says so).
BASE_YEARS = 5
#: A column of average yearly growth (年均增长(%)): its cells are annual growth targets.
GROWTH_COLUMN = lazy(r"^年均(?:增长|增速|增幅)")
#: The measure in an indicator's parentheses: 发明专利年申请量 (件), 质押融资登记额 (亿元).
UNIT_PARENS = lazy(r"\s*[(（](?P<mag>万|亿|千)?(?P<unit>[^()（）]{1,4})[)）]\s*$")
#: A target-table cell: a number with an optional operator (≥15, 100以上).
CELL_VALUE = lazy(r"(?P<op>[≥>≤<]|不低于|不少于|超过)?\s*(?P<v>\d+(?:\.\d+)?)\s*(?P<post>以上|以下|左右)?")
CELL_OPS = {"≥": ">=", "不低于": ">=", "不少于": ">=", ">": ">", "超过": ">", "≤": "<=", "<": "<",
            "以上": ">=", "以下": "<=", "左右": "~"}
CAPTION_START = lazy(rf"^附[件表]\s*[0-9{CN_COUNT_CLASS}]")
CAPTION_SKIP = lazy(rf"^附[件表]\s*[0-9{CN_COUNT_CLASS}]*\s*[:：]?$|^注\s*[:：]")


@dataclass
class TaskRef:
    row: str
    work: str | None
    content: str
    units: list[UnitRef]
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
    targets: list[TargetRef] = field(default_factory=list)
    notices: list[NoticeRef] = field(default_factory=list)
    rule: str | None = None  # the code of the TABLE_RULES kind rule that read it
    start: int | None = None  # the first year of the plan's period: an earlier year column is a base


def _cells(line: str) -> list[str]:
    cells = [c.strip() for c in line.split("|")]
    while cells and not cells[-1]:
        cells.pop()
    if cells and not cells[0] and line.lstrip().startswith("|"):
        cells.pop(0)
    return cells


def _meta_keys(rows: list[list[str]]) -> list[str] | None:
    """TB06: the metadata keys of a page-metadata block (索引号, or two keys of FIELD_KEYS),
    in order; None for another table."""
    keys = dict.fromkeys(c for r in rows for c in r if c == "索引号" or c in FIELD_KEYS)
    return list(keys) if "索引号" in keys or len(keys) >= 2 else None


def find_tables(lines: list[tuple[int, str]], start_year: int | None = None) -> list[TableRef]:
    """Every pipe-flattened table in the document, in order. ``start_year`` is the first year
    of the plan's period: a year column before it holds base values, not targets."""
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
        if len(rows) >= 2 and not any(rule.find(rows) for rule in _BY_LEVEL["block"]):
            blocks.append((no, rows, caption))
    return [_build(n, no, rows, caption, start_year) for n, (no, rows, caption) in enumerate(blocks, 1)]


def _starts_table(banner: list[str], lines: list[tuple[int, str]], i: int) -> bool:
    """Whether a banner row opens a new table (附件2…表, or a 序号 header right after it)."""
    if CAPTION_START.match(banner[0]):
        return True
    nxt = _cells(lines[i + 1][1]) if i + 1 < len(lines) and is_table_row(lines[i + 1][1]) else []
    return bool(nxt) and bool(_row_number(nxt[0]))


def _restore_merged(header: list[str], rows: list[list[str]], notices: list[NoticeRef], line: int) -> list[list[str]]:
    width = len(header)
    out: list[list[str]] = []
    for k, row in enumerate(rows):
        if len(row) < width and out:
            missing = width - len(row)
            prev = out[-1]
            if row and _row_number(header[0]):
                row = [row[0], *prev[1 : 1 + missing], *row[1:]]
            else:
                row = [*prev[:missing], *row]
        if len(row) != width:
            notices.append(NoticeRef("N301", f"line {line + k + 1}: table row has {len(row)} cells, header has {width}",
                                     line + k + 1))
            row = (row + [""] * width)[:width]
        out.append(row)
    return out


def _col(header: list[str], pattern: re.Pattern[str]) -> int | None:
    return next((i for i, h in enumerate(header) if pattern.search(h)), None)


def _banner(row: list[str]) -> str | None:
    """TB02: the text of a row whose cells all repeat it (a caption or group heading
    spanning the table), else None."""
    return row[0] if len(row) >= 2 and len(set(row)) == 1 and row[0] else None


def _is_banner(row: list[str]) -> bool:
    return any(rule.find(row) for rule in _BY_LEVEL["row"])


def _row_number(cell: str) -> bool:
    """A column of row numbers (序号)."""
    return any(rule.find(cell) for rule in _BY_LEVEL["column"])


def _unit_columns(header: list[str]) -> list[tuple[int, bool]]:
    """(column, lead) of every column of responsible units: 牵头单位, 配合单位, 责任单位, 指导部门 …"""
    cols = [(i, h.strip() in LEAD_LABELS or h.strip().startswith(tuple(LEAD_LABELS)))
            for i, h in enumerate(header) if ROLE_COLUMN.match(h)]
    if not cols:
        i = _col(header, UNIT_COLUMN)
        if i is not None:
            cols = [(i, "牵头" in header[i])]
    return cols


def _build(index: int, line: int, rows: list[list[str]], caption: str | None, start: int | None = None) -> TableRef:
    notices: list[NoticeRef] = []
    while len(rows) > 2 and _is_banner(rows[0]):  # 附件2…任务分工表 printed as the first row
        caption = rows[0][0]  # the table's own title row wins over a line above
        rows = rows[1:]
        line += 1
    header = rows[0]
    body = _restore_merged(header, rows[1:], notices, line)
    table = TableRef(index, caption, header, body, "other", line, notices=notices, start=start)
    for rule in _BY_LEVEL["kind"]:  # the first kind whose columns the header has
        if columns := rule.find(header):
            table.kind, table.rule = rule.kind, rule.code
            rule.build(table, header, body, columns)
            break
    return table


def _year_columns(header: list[str]) -> list[tuple[int, int]] | None:
    """TB03: (column, year) of the value columns of a target table: at least two year columns,
    or one beside a 单位 / 属性 column (指标 | 单位 | 2025年 | 属性). A base column (基期值,
    2020年（基期）) is no value column; a 年均增长 column is one (year 0: the table's last)."""
    cols = [(i, int(m["y"])) for i, h in enumerate(header)
            if (m := YEAR_COLUMN.match(h.replace(" ", ""))) and not BASE_COLUMN.search(h)]
    marked = any(UNIT_COLUMN_HEADER.match(h.strip()) or NATURE_COLUMN.match(h.strip()) for h in header)
    if not (len(cols) >= 2 or cols and marked):
        return None
    return cols + [(i, 0) for i, h in enumerate(header) if GROWTH_COLUMN.match(h.strip())]


def _goal_columns(header: list[str]) -> tuple[int, int] | None:
    """TB04: (indicator column, goal column) of an indicator table with goals as text."""
    goal, ind = _col(header, GOAL_COLUMN), _col(header, INDICATOR_NAME)
    return (ind, goal) if goal is not None and ind is not None else None


#: The year a table's caption dates its values to: …主要指标（2025年） / 到2025年主要目标.
_CAPTION_YEAR = lazy(rf"[(（]\s*(?P<y>{YEAR})\s*年?\s*[)）]|(?:到|至)(?P<y2>{YEAR})\s*年")


def caption_year(caption: str | None) -> int | None:
    """The year of a caption: the end of its period, a bracketed year, 到2025年 or a goals
    heading's year (a goal column's values are due then)."""
    if not caption:
        return None
    if (year := heading_year(caption)) is not None:
        return year
    m = _CAPTION_YEAR.search(caption)
    return int(m["y"] or m["y2"]) if m else None


def _tasks(table: TableRef, header: list[str], body: list[list[str]], unit_cols: list[tuple[int, bool]]) -> None:
    work_col, content_col = _col(header, WORK_COLUMN), _col(header, CONTENT_COLUMN)
    row_col = 0 if _row_number(header[0]) else None
    for k, row in enumerate(body, 1):
        if _is_banner(row):  # a group heading row (一、知识产权保护方面)
            continue
        found = [u._replace(line=table.line + k) for col, lead in unit_cols for u in parse_unit_list(row[col], lead)]
        table.tasks.append(TaskRef(
            row=row[row_col] if row_col is not None else str(k),
            work=row[work_col] if work_col is not None else None,
            content=row[content_col] if content_col is not None else "",
            units=found,
            line=table.line + k,
        ))


def _goal_targets(table: TableRef, header: list[str], body: list[list[str]], cols: tuple[int, int]) -> None:
    """An indicator per row, its targets written in a text cell (2023年达到80%，力争2035年达到95%)."""
    ind, goal_col = cols
    unit_col = _col(header, UNIT_COLUMN_HEADER)
    year = caption_year(table.title)
    for k, row in enumerate(body, 1):
        name = _LEADING_NUMBER.sub("", row[ind]).strip()
        if CELL_VALUE.fullmatch(row[goal_col].strip()):  # a number, its unit in the 单位 column: 15 | 件
            table.targets.extend(_row_targets(table, row, str(k), row[ind], [(goal_col, year, None)], table.line + k,
                                              row[unit_col] if unit_col is not None else ""))
            continue
        found, _ = paragraph_targets(row[goal_col], None, f"table:{table.index}/{k}", table.line + k, name)
        table.targets.extend(found)


def _year_targets(table: TableRef, header: list[str], body: list[list[str]], year_cols: list[tuple[int, int]]) -> None:
    ind_col = _col([h if i not in dict(year_cols) else "" for i, h in enumerate(header)], INDICATOR_COLUMN)
    if ind_col is None:
        ind_col = 1 if _row_number(header[0]) else 0
    row_col = 0 if _row_number(header[0]) else None
    unit_col = _col(header, UNIT_COLUMN_HEADER)
    last = max((y for _, y in year_cols), default=0) or None
    cols = [(c, y or last, "annual" if not y else None) for c, y in year_cols
            if table.start is None or not y or not table.start - BASE_YEARS <= y < table.start]
    for k, row in enumerate(body, 1):
        if _is_banner(row):  # a group heading row (一、创造类指标)
            continue
        table.targets.extend(_row_targets(table, row, row[row_col] if row_col is not None else str(k),
                                          row[ind_col], cols, table.line + k,
                                          row[unit_col] if unit_col is not None else ""))


def _row_targets(table: TableRef, row: list[str], row_id: str, cell: str,
                 year_cols: list[tuple[int, int | None, str | None]], line: int, unit_cell: str = "") -> list[TargetRef]:
    m = UNIT_PARENS.search(cell)
    unit, scale = None, Decimal(1)
    name = cell
    if m and (m["unit"] in MEASURES or m["unit"] in MONEY_UNITS):
        unit, scale = unit_scale(m["unit"], m["mag"])
        name = cell[: m.start()]
    elif (u := UNIT_CELL.fullmatch(unit_cell.strip())) and (u["unit"] in MEASURES or u["unit"] in MONEY_UNITS):
        unit, scale = unit_scale(u["unit"], u["mag"])  # the 单位 column: 万件, 亿元, %, 件/万人
        if u["per"] and "每" not in name:
            name = f"每{u['per']}{_LEADING_NUMBER.sub('', name)}"  # 发明专利拥有量 | 件/万人 → 每万人发明专利拥有量
    kind = kind_of(name, unit or "")
    indicator = _CUMULATIVE_END.sub("", indicator_name(_LEADING_NUMBER.sub("", name))).strip()
    out = []
    for col, year, col_kind in year_cols:
        raw = row[col].strip()
        q = CELL_VALUE.fullmatch(raw)
        if not q:
            continue
        value = to_decimal(q["v"])
        if value is None or not plausible_value(value * scale):
            continue
        op = CELL_OPS.get(q["op"] or q["post"] or "", "=")
        out.append(TargetRef(
            section=f"table:{table.index}/{row_id}", indicator=indicator, value=value if col_kind else value * scale,
            value_max=None, unit="%" if col_kind else unit or "", op=op, year=year, kind=col_kind or kind,
            text=f"{cell} {table.header[col]} {raw}", line=line,
        ))
    return out


#: A unit cell: 件, 万件, 亿元, %, 个百分点.
UNIT_CELL = lazy(r"(?P<mag>万|亿|千|百万|千万)?(?P<unit>[^0-9\s/／]{1,4})(?:[/／](?P<per>[万千百]?人口?|[万千百]?常住人口))?")


def _match(pattern) -> Callable[[str], str | None]:  # type: ignore[no-untyped-def]
    return lambda text: m.group() if (m := pattern.match(text)) else None


@dataclass(frozen=True, kw_only=True)
class TableRule(Rule):
    """A rule of the tables stage. ``level`` says what ``find`` reads:

    - "kind": the header row → the columns that make a table of ``kind`` (falsy: not one);
      ``build(table, header, body, columns)`` reads its tasks or targets. The first kind
      that finds its columns reads the table. Examples are tables (pipe rows, one a line)
      and give the table's kind, title, tasks and targets;
    - "block": the rows of a block of pipe rows → what makes it no table (falsy: a table);
    - "row": a row's cells → what the row is instead of a task (falsy: a task row);
    - "column": a header cell → the words that give the column its role.
    """

    level: str
    find: Callable[..., Any]
    kind: str = ""
    build: Callable[..., None] | None = None


def _tasks_view(units: list[UnitRef]) -> list[dict]:
    return [given(name=u.name, aliases=list(u.aliases), lead=u.lead) for u in units]


TABLE_RULES: tuple[TableRule, ...] = (
    TableRule(code="TB06", level="block", summary="a page-metadata block (索引号, 文号, 发布机构 …) is not a table",
              find=_meta_keys,
              examples=(("索引号 | 11440100/2023-00123 | 发布机构 | 广州市卫生健康委员会 |\n"
                         "文号 | 穗卫〔2023〕5号 | 成文日期 | 2023-10-19 |", ["索引号", "发布机构", "文号", "成文日期"]),),
              near_misses=("序号 | 工作事项 | 牵头单位 |\n1 | 扩大来源 | 市科技局 |", "文号 | 说明 |\n1 | 2 |")),
    TableRule(code="TB01", level="kind", kind="responsibility", find=_unit_columns, build=_tasks,
              summary="a table of tasks with columns of responsible units (牵头单位 → leads, 配合单位, 责任单位, "
                      "责任主体, 指导部门 …; an inner 牵头处室 column is not one)",
              examples=(("序号 | 工作事项 | 牵头单位 | 配合单位 |\n1 | 扩大来源 | 市科技局 | 市财政局、市教育局 |",
                         {"kind": "responsibility",
                          "tasks": [{"row": "1", "work": "扩大来源", "units": [
                              {"name": "市科技局", "lead": True}, {"name": "市财政局", "lead": False},
                              {"name": "市教育局", "lead": False}]}]}),
                        ("序号 | 重点工作 | 主要内容 | 责任单位 |\n1 | 强化保护 | 建设保护中心 | 市市场监管局 |\n"
                         "2 | 加快布局建设 | 市科技局 |",
                         {"kind": "responsibility",
                          "tasks": [{"row": "1", "work": "强化保护", "content": "建设保护中心",
                                     "units": [{"name": "市市场监管局", "lead": False}]},
                                    {"row": "2", "work": "强化保护", "content": "加快布局建设",
                                     "units": [{"name": "市科技局", "lead": False}]}]}),
                        ("序号 | 改革举措 | 指导部门 |\n1 | 简化流程 | 省知识产权局 |",
                         {"kind": "responsibility",
                          "tasks": [{"row": "1", "units": [{"name": "省知识产权局", "lead": False}]}]})),
              near_misses=("序号 | 工作事项 | 市卫健委内牵头处室 |\n1 | 扩大来源 | 医政处 |",
                           "序号 | 指标 | 2023年 | 2025年 |\n1 | 专利（件） | 10 | 20 |")),
    TableRule(code="TB04", level="kind", kind="targets", find=_goal_columns, build=_goal_targets,
              summary="an indicator table with goals as text (二级指标 + 评价标准 columns: one target per goal) or as "
                      "numbers (指标名称 + 目标值, the unit in a 单位 column, the year from the caption)",
              examples=(("一级指标 | 二级指标 | 评价标准 |\n创造 | 每万人高价值发明专利拥有量 | 2023年达到8件，力争2025年达到12件 |",
                         {"kind": "targets", "targets": [
                             {"indicator": "每万人高价值发明专利拥有量", "value": 8, "unit": "件", "op": "=", "year": 2023,
                              "kind": "by_year"},
                             {"indicator": "每万人高价值发明专利拥有量", "value": 12, "unit": "件", "op": "=", "year": 2025,
                              "kind": "by_year"}]}),
                        ("主要指标（2025年）\n序号 | 指标名称 | 单位 | 目标值 | 属性 |\n1 | 地理标志证明商标 | 件 | 40 | 预期性 |",
                         {"kind": "targets", "title": "主要指标（2025年）", "targets": [
                             {"indicator": "地理标志证明商标", "value": 40, "unit": "件", "op": "=", "year": 2025,
                              "kind": "by_year"}]})),
              near_misses=("一级指标 | 指标含义 | 数据来源 |\n创造 | 说明 | 统计局 |", "序号 | 工作事项 |\n1 | 扩大来源 |")),
    TableRule(code="TB03", level="kind", kind="targets", find=_year_columns, build=_year_targets,
              summary="a target table: a year per column (2023年 / 2025年目标值 / 目标值（2025年）; one is enough beside a "
                      "单位 or 属性 column), the unit in the indicator's parentheses or the 单位 column (件/万人 → 每万人…), "
                      "one target per cell; a base column (基期值, a year before the plan's period) is none, a 年均增长 "
                      "column gives annual rates",
              examples=(("序号 | 指标 | 2023年 | 2025年 |\n1 | 发明专利拥有量（件） | 1000 | ≥1500 |",
                         {"kind": "targets", "targets": [
                             {"indicator": "发明专利拥有量", "value": 1000, "unit": "件", "op": "=", "year": 2023,
                              "kind": "by_year"},
                             {"indicator": "发明专利拥有量", "value": 1500, "unit": "件", "op": ">=", "year": 2025,
                              "kind": "by_year"}]}),
                        ("指标 | 2024年 | 2025年底目标 |\n质押融资登记额（亿元） | 20 | 30 |",
                         {"kind": "targets", "targets": [
                             {"indicator": "质押融资登记额", "value": 2_000_000_000, "unit": "元", "op": "=", "year": 2024,
                              "kind": "by_year"},
                             {"indicator": "质押融资登记额", "value": 3_000_000_000, "unit": "元", "op": "=", "year": 2025,
                              "kind": "by_year"}]}),
                        ("序号 | 指标 | 单位 | 基期值（2020年） | 2025年 | 属性 |\n"
                         "1 | 发明专利拥有量 | 件/万人 | 12 | ≥20 | 预期性 |",
                         {"kind": "targets", "targets": [
                             {"indicator": "每万人发明专利拥有量", "value": 20, "unit": "件", "op": ">=", "year": 2025,
                              "kind": "by_year"}]}),
                        ("指标 | 2024年 | 2026年 | 年均增长（%） |\n技术合同成交额（亿元） | 80 | 100 | 12 |",
                         {"kind": "targets", "targets": [
                             {"indicator": "技术合同成交额", "value": 8_000_000_000, "unit": "元", "op": "=", "year": 2024,
                              "kind": "by_year"},
                             {"indicator": "技术合同成交额", "value": 10_000_000_000, "unit": "元", "op": "=", "year": 2026,
                              "kind": "by_year"},
                             {"indicator": "技术合同成交额", "value": 12, "unit": "%", "op": "=", "year": 2026,
                              "kind": "annual"}]})),
              near_misses=("序号 | 指标 | 2023年 |\n1 | 专利 | 10 |", "2023年度工作 | 2024年度工作 |\n加强保护 | 建设中心 |",
                           "序号 | 指标 | 单位 | 2020年（基期） |\n1 | 专利 | 件 | 10 |")),
    TableRule(code="TB02", level="row", find=_banner,
              summary="a banner row (one text repeated across the table): a caption or group heading, no task",
              examples=(("附件2任务分工表 | 附件2任务分工表 | 附件2任务分工表", "附件2任务分工表"), ("一、保护方面 | 一、保护方面", "一、保护方面")),
              near_misses=("1 | 扩大来源 | 各区政府", "序号 | 序号号")),
    TableRule(code="TB05", level="column", find=_match(ROW_NUMBER_COLUMN), summary="a row-number column: 序号 / 编号",
              examples=(("序号", "序号"), ("编号", "编号")), near_misses=("序号说明", "指标")),
)
_BY_LEVEL: dict[str, tuple[TableRule, ...]] = {
    level: tuple(r for r in TABLE_RULES if r.level == level) for level in ("kind", "block", "row", "column")
}


def _table_gives(rule: TableRule, text: str) -> Any:
    """A table rule's value on a text: for a kind, the table read from the text's pipe rows
    (its kind, title, tasks, targets) when this rule read it; else what ``find`` gives."""
    lines = text.split("\n")
    if rule.level == "kind":
        found = find_tables(list(enumerate(lines, 1)))
        if not found or found[0].rule != rule.code:
            return None
        t = found[0]
        return given(kind=t.kind, title=t.title,
                     tasks=[given(row=k.row, work=k.work, content=k.content, units=_tasks_view(k.units)) for k in t.tasks],
                     targets=[given(indicator=x.indicator, value=float(x.value), unit=x.unit, op=x.op, year=x.year,
                                    kind=x.kind) for x in t.targets])
    if rule.level == "block":
        return rule.find([_cells(line) for line in lines])
    if rule.level == "row":
        return rule.find(_cells(text))
    return rule.find(text)


#: The rule table of the tables stage, for tests/test_rule_tables.py.
RULE_TABLES = (RuleTable("TABLE_RULES", "TB", TABLE_RULES, _table_gives),)
