"""`ipplan export PATH... -o plans.sqlite`: one SQLite database of many plans, for SQL (or
DuckDB) over thousands of plans instead of merged spreadsheets. Standard library only.

Tables, keyed by plan (``plan_id``, 1-based in the order the plans were read) and section
(``section_id``: "3.1.2", or "table:<n>/<row>" for a table row, as in the plan files):

- ``plans``: one row per plan: label, region and its level, title, 文号, issuer, dates, period,
  source, the plan file it was read from, counts, notices and possible misses;
- ``sections``: the outline in document order (``seq``), with ``parent_id``;
- ``targets``: every target (``target_no`` in document order), with its canonical indicator;
- ``milestones``: a target's intermediate values (plan_id, target_no, year, value);
- ``units``: every responsible unit of a section or a table task, with ``lead`` (0/1);
- ``tasks``: the rows of responsibility tables;
- ``notices``: what the parser doubted (code, name, message, line);
- ``info``: the ipplan and schema versions that wrote the file.

The view ``plan_targets`` joins each target to its plan's label, region, region_level and period.
The database is built in memory and written atomically (temporary file, then rename); the
same plans give the same bytes.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ipplan.parse.vocab.notices import NOTICE_NAMES
from ipplan.schema import Plan, Section
from ipplan.views.rows import (
    LIST_SEP, indicator_id, indicator_name, leads_first, number, plan_head, plan_labels, possible_misses,
)

SCHEMA = """
CREATE TABLE info (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE plans (
  plan_id INTEGER PRIMARY KEY, label TEXT NOT NULL, region TEXT, region_level TEXT, title TEXT, notice_title TEXT,
  doc_number TEXT, issuer TEXT, issue_date TEXT, doc_type TEXT, period_start INTEGER, period_end INTEGER,
  source_path TEXT, source_sha256 TEXT, source_format TEXT, plan_file TEXT,
  n_sections INTEGER, n_targets INTEGER, n_units INTEGER, n_tables INTEGER, n_notices INTEGER,
  n_possible_misses INTEGER);
CREATE TABLE sections (
  plan_id INTEGER NOT NULL REFERENCES plans, seq INTEGER NOT NULL, section_id TEXT NOT NULL, parent_id TEXT,
  label TEXT, level INTEGER, ordinal INTEGER, title TEXT, text TEXT, n_units INTEGER, n_targets INTEGER,
  line INTEGER, PRIMARY KEY (plan_id, seq));
CREATE INDEX sections_id ON sections (plan_id, section_id);
CREATE TABLE targets (
  plan_id INTEGER NOT NULL REFERENCES plans, target_no INTEGER NOT NULL, section_id TEXT, indicator TEXT,
  indicator_id TEXT, indicator_name TEXT, value REAL, value_max REAL, unit TEXT, op TEXT, year INTEGER,
  kind TEXT, text TEXT, line INTEGER, PRIMARY KEY (plan_id, target_no));
CREATE INDEX targets_indicator ON targets (indicator_id);
CREATE INDEX targets_section ON targets (plan_id, section_id);
CREATE TABLE milestones (
  plan_id INTEGER NOT NULL, target_no INTEGER NOT NULL, year INTEGER, value REAL,
  FOREIGN KEY (plan_id, target_no) REFERENCES targets);
CREATE TABLE units (
  plan_id INTEGER NOT NULL REFERENCES plans, section_id TEXT NOT NULL, unit_no INTEGER NOT NULL, name TEXT,
  aliases TEXT, lead INTEGER, line INTEGER);
CREATE INDEX units_section ON units (plan_id, section_id);
CREATE INDEX units_name ON units (name);
CREATE TABLE tasks (
  plan_id INTEGER NOT NULL REFERENCES plans, table_no INTEGER NOT NULL, row TEXT, section_id TEXT,
  table_title TEXT, work TEXT, content TEXT, units TEXT, lead_units TEXT, line INTEGER);
CREATE INDEX tasks_plan ON tasks (plan_id, table_no);
CREATE TABLE notices (plan_id INTEGER NOT NULL REFERENCES plans, code TEXT, name TEXT, message TEXT, line INTEGER);
CREATE VIEW plan_targets AS
  SELECT p.label, p.region, p.region_level, p.period_start, p.period_end, t.*
  FROM targets t JOIN plans p USING (plan_id);
"""


def write(plans: list[Plan], files: list[str], path: Path) -> None:
    """Write the database of ``plans`` (read from ``files``) to ``path``, atomically."""
    from ipplan.fsutil import write_bytes_atomic

    write_bytes_atomic(path, to_bytes(plans, files))


def to_bytes(plans: list[Plan], files: list[str] | None = None) -> bytes:
    conn = sqlite3.connect(":memory:")
    try:
        fill(conn, plans, files or [None] * len(plans))  # type: ignore[list-item]
        conn.commit()
        if hasattr(conn, "serialize"):  # Python 3.11+
            return conn.serialize()
        return _via_file(conn)
    finally:
        conn.close()


def _via_file(conn: sqlite3.Connection) -> bytes:
    """Python 3.10 has no Connection.serialize: copy to a temporary file and read it."""
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        dst = sqlite3.connect(Path(tmp) / "plans.sqlite")
        conn.backup(dst)
        dst.close()
        return (Path(tmp) / "plans.sqlite").read_bytes()


def fill(conn: sqlite3.Connection, plans: list[Plan], files: list[str | None]) -> None:
    from ipplan import __version__
    from ipplan.schema import SCHEMA_VERSION

    conn.executescript(SCHEMA)
    conn.executemany("INSERT INTO info VALUES (?, ?)", [("ipplan", __version__), ("schema_version", SCHEMA_VERSION)])
    tables: dict[str, list[tuple[Any, ...]]] = {k: [] for k in ("plans", "sections", "targets", "milestones", "units",
                                                                "tasks", "notices")}
    for pid, (plan, label, file) in enumerate(zip(plans, plan_labels(plans), files), 1):
        for table, row in _rows(pid, plan, label, file):
            tables[table].append(row)
    for table, rows in tables.items():
        if rows:
            marks = ", ".join("?" * len(rows[0]))
            conn.executemany(f"INSERT INTO {table} VALUES ({marks})", rows)


def _rows(pid: int, plan: Plan, label: str, file: str | None) -> Iterator[tuple[str, tuple[Any, ...]]]:
    m, src = plan.meta, plan.source
    head = plan_head(plan, label)  # label region level title doc_number issuer issue_date start end source
    sections = list(_with_parents(plan.sections, None))
    per_section: dict[str, int] = {}
    for t in plan.targets:
        if t.section:
            per_section[t.section] = per_section.get(t.section, 0) + 1
    n_units = sum(len(s.units) for s, _ in sections) + sum(len(k.units) for tb in plan.tables for k in tb.tasks)
    yield "plans", (pid, label, m.region, head[2], m.title, m.notice_title, m.doc_number, m.issuer, m.issue_date,
                    m.doc_type, head[7], head[8], src.path, src.sha256, src.format, file, len(sections),
                    len(plan.targets), n_units, len(plan.tables), len(plan.notices), possible_misses(plan))
    for seq, (s, parent) in enumerate(sections, 1):
        yield "sections", (pid, seq, s.id, parent, s.label, s.level, s.ordinal, s.title, s.text or None,
                           len(s.units), per_section.get(s.id, 0), s.line)
        for no, u in enumerate(leads_first(s.units), 1):
            yield "units", (pid, s.id, no, u.name, LIST_SEP.join(u.aliases) or None, int(u.lead), u.line)
    for no, t in enumerate(plan.targets, 1):
        ind = indicator_id(t)
        yield "targets", (pid, no, t.section, t.indicator, ind, indicator_name(ind), number(t.value),
                          number(t.value_max), t.unit, t.op, t.year, t.kind, t.text, t.line)
        for ms in t.milestones:
            yield "milestones", (pid, no, ms.year, number(ms.value))
    for tb in plan.tables:
        for k in tb.tasks:
            sid = f"table:{tb.index}/{k.row}"
            leads = [u.name for u in k.units if u.lead]
            yield "tasks", (pid, tb.index, k.row, sid, tb.title, k.work, k.content,
                            LIST_SEP.join(u.name for u in k.units) or None, LIST_SEP.join(leads) or None, k.line)
            for no, u in enumerate(leads_first(k.units), 1):
                yield "units", (pid, sid, no, u.name, LIST_SEP.join(u.aliases) or None, int(u.lead), u.line)
    for n in plan.notices:
        yield "notices", (pid, n.code, NOTICE_NAMES.get(n.code, "layout-repair"), n.message, n.line)


def _with_parents(sections: list[Section], parent: str | None) -> Iterator[tuple[Section, str | None]]:
    """Sections in document order (as rows.walk), each with its parent's id."""
    for s in sections:
        yield s, parent
        yield from _with_parents(s.children, s.id)

