"""Evidence: every extracted item records the line it came from in the numbered text that
``ipplan text`` prints, and the item is really there — for every sample and every shared
dev document (skipped when ../shared is absent, as in a bare clone)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import ipplan
from ipplan.parse.vocab.text import unspace
from ipplan import api
from ipplan.parse import readers
from tests.conftest import ROOT, SAMPLE_TEXTS

DEV = ROOT.parent / "shared" / "corpus" / "dev"
DOCS = SAMPLE_TEXTS + (sorted(p for p in DEV.iterdir() if p.suffix in (".html", ".docx", ".txt", ".pdf"))
                       if DEV.is_dir() else [])
_SPACE = re.compile(r"\s+")


def squeeze(text: str) -> str:
    return _SPACE.sub("", unspace(text))


@pytest.fixture(scope="module", params=DOCS, ids=lambda p: p.name)
def parsed(request: pytest.FixtureRequest) -> tuple[ipplan.Plan, dict[int, str]]:
    path: Path = request.param
    doc = readers.decode(readers.read_path(path))
    lines = dict(api.text_of(doc)[1])
    return api.to_model(api.build_plan(doc)), lines


def _walk(sections):
    for s in sections:
        yield s
        yield from _walk(s.children)


def test_section_titles_stand_on_their_lines(parsed) -> None:
    plan, lines = parsed
    for s in _walk(plan.sections):
        assert s.line is not None and squeeze(s.title) in squeeze(lines[s.line]), (s.id, s.title, s.line)


def test_targets_stand_on_their_lines(parsed) -> None:
    plan, lines = parsed
    for t in plan.targets:
        assert t.line is not None, t
        if t.section and t.section.startswith("table:"):  # a cell: its row holds the value
            assert "|" in lines[t.line], (t.text, t.line)
        else:
            assert squeeze(t.text) in squeeze(lines[t.line]), (t.text, t.line)


def test_units_stand_on_their_lines(parsed) -> None:
    plan, lines = parsed
    units = [u for s in _walk(plan.sections) for u in s.units]
    units += [u for table in plan.tables for task in table.tasks for u in task.units]
    for u in units:
        assert u.line is not None and squeeze(u.name) in squeeze(lines[u.line]), (u.name, u.line)


def test_tasks_and_tables_stand_on_their_lines(parsed) -> None:
    plan, lines = parsed
    for table in plan.tables:
        assert table.line is not None and "|" in lines[table.line]
        for task in table.tasks:
            assert task.row in lines[task.line] or not task.row.isdigit(), (task.row, task.line)


def test_meta_lines_hold_their_fields(parsed) -> None:
    plan, lines = parsed
    for field, line in plan.meta.lines.items():
        value = getattr(plan.meta, field)
        if isinstance(value, str) and field not in ("issue_date", "printed_date", "doc_number", "region", "doc_type"):
            # a value may be completed from a neighbouring line (亳州市 + 市人民政府市长…): its
            # start or its end stands on the recorded line
            v, text = squeeze(value), squeeze(lines[line])
            assert v[:6] in text or v[-4:] in text, (field, value, line)


def test_notice_lines_exist(parsed) -> None:
    plan, lines = parsed
    for n in plan.notices:
        assert n.line is None or n.line in lines, n
