"""Every rule table of the parser, walked: each entry has a stable unique code, a summary,
examples it fires on and near-misses it does not fire on.

A module with rule tables exports ``RULE_TABLES = {name: (entries, fires)}`` where each
entry has ``code``, ``summary``, ``examples`` and ``near_misses`` (a tuple, may be empty)
and ``fires(entry, text) -> bool`` says whether the entry applies to a text. This test finds
every such module under ``ipplan.parse``, so a new table is checked as soon as it exists.
"""

from __future__ import annotations

import importlib
import pkgutil

import pytest

import ipplan.parse


def _tables() -> list[tuple[str, object, object]]:
    out = []
    for info in pkgutil.walk_packages(ipplan.parse.__path__, "ipplan.parse."):
        module = importlib.import_module(info.name)
        for name, (entries, fires) in getattr(module, "RULE_TABLES", {}).items():
            out.append((f"{info.name}.{name}", entries, fires))
    return sorted(out, key=lambda t: t[0])


TABLES = _tables()
ENTRIES = [(table, e, fires) for table, entries, fires in TABLES for e in entries]


def test_the_known_tables_are_found() -> None:
    names = {t for t, _, _ in TABLES}
    assert {"ipplan.parse.vocab.markers.MARKER_RULES", "ipplan.parse.clean.NOISE_RULES", "ipplan.parse.units.CLAUSE_RULES",
            "ipplan.parse.targets.TARGET_RULES", "ipplan.parse.tables.TABLE_RULES"} <= names


@pytest.mark.parametrize("module", ["outline", "units", "targets", "tables"])
def test_body_rule_modules_export_their_tables(module: str) -> None:
    """Each body stage's rules are reachable by the walker (outline's through vocab.markers)."""
    mod = importlib.import_module(f"ipplan.parse.{module}")
    tables = getattr(mod, "RULE_TABLES", None) or getattr(importlib.import_module("ipplan.parse.vocab.markers"), "RULE_TABLES")
    assert tables


def test_code_prefixes_follow_their_stage() -> None:
    prefixes = {"vocab.markers": "OL", "units": "RU", "targets": "TG", "tables": "TB"}
    for table, entry, _ in ENTRIES:
        for module, prefix in prefixes.items():
            if table.startswith(f"ipplan.parse.{module}."):
                assert entry.code.startswith(prefix), (table, entry.code)


def test_codes_are_unique_across_tables() -> None:
    codes = [e.code for _, e, _ in ENTRIES]
    assert len(codes) == len(set(codes)), sorted(c for c in codes if codes.count(c) > 1)


@pytest.mark.parametrize(("table", "entry", "fires"), ENTRIES, ids=lambda v: getattr(v, "code", None) or "")
def test_entry_is_documented(table: str, entry, fires) -> None:
    assert entry.code and entry.summary and entry.examples, f"{table} {entry.code}: code, summary and examples"


EXAMPLES = [(e.code, e, x, f) for _, e, f in ENTRIES for x in e.examples]
NEAR = [(e.code, e, x, f) for _, e, f in ENTRIES for x in e.near_misses]


@pytest.mark.parametrize(("code", "entry", "text", "fires"), EXAMPLES, ids=[f"{c}:{x[:12]}" for c, _, x, _ in EXAMPLES])
def test_example_fires(code: str, entry, text: str, fires) -> None:
    assert fires(entry, text), f"{code} should fire on {text!r}"


@pytest.mark.parametrize(("code", "entry", "text", "fires"), NEAR, ids=[f"{c}:{x[:12]}" for c, _, x, _ in NEAR])
def test_near_miss_does_not_fire(code: str, entry, text: str, fires) -> None:
    assert not fires(entry, text), f"{code} should not fire on {text!r}"
