"""Every rule table of the parser, walked (the shape is ``ipplan.parse.rules``).

A module with rule tables exports ``RULE_TABLES``, a tuple of ``RuleTable(name, prefix,
rules, gives)``; ``gives(rule, text)`` runs one rule as its stage runs it. This test finds
every such module under ``ipplan.parse``, so a new table is checked as soon as it exists:
each entry has a unique code with its stage's prefix, a summary and examples; each
example's text gives exactly the value the example writes (read from the text by whoever
wrote the rule, never dumped from the program); each near-miss gives nothing.
"""

from __future__ import annotations

import importlib
import pkgutil

import pytest

import ipplan.parse
from ipplan.parse.rules import Rule, RuleTable


def _tables() -> list[tuple[str, RuleTable]]:
    out = []
    for info in pkgutil.walk_packages(ipplan.parse.__path__, "ipplan.parse."):
        module = importlib.import_module(info.name)
        for table in getattr(module, "RULE_TABLES", ()):
            out.append((info.name, table))
    return sorted(out, key=lambda t: (t[0], t[1].name))


TABLES = _tables()
ENTRIES = [(module, table, rule) for module, table in TABLES for rule in table.rules]


def test_the_known_tables_are_found() -> None:
    names = {f"{m}.{t.name}" for m, t in TABLES}
    assert {"ipplan.parse.outline.MARKER_RULES", "ipplan.parse.clean.NOISE_RULES", "ipplan.parse.clean.WRAPPER_RULES",
            "ipplan.parse.units.CLAUSE_RULES", "ipplan.parse.targets.TARGET_RULES", "ipplan.parse.tables.TABLE_RULES",
            "ipplan.parse.header.LINE_RULES", "ipplan.parse.repair.REPAIR_RULES"} <= names


def test_tables_are_rule_tables() -> None:
    for module, table in TABLES:
        assert isinstance(table, RuleTable), module
        assert table.rules and all(isinstance(r, Rule) for r in table.rules), f"{module}.{table.name}"


def test_code_prefixes_follow_their_stage() -> None:
    """Every code starts with its table's prefix, and a prefix belongs to one module."""
    owner: dict[str, str] = {}
    for module, table, rule in ENTRIES:
        assert rule.code.startswith(table.prefix) and rule.code[len(table.prefix):].isdigit(), (table.name, rule.code)
        assert owner.setdefault(table.prefix, module) == module, f"prefix {table.prefix} in {owner[table.prefix]} and {module}"


def test_codes_are_unique_across_tables() -> None:
    codes = [r.code for _, _, r in ENTRIES]
    assert len(codes) == len(set(codes)), sorted(c for c in codes if codes.count(c) > 1)


@pytest.mark.parametrize(("module", "table", "rule"), ENTRIES, ids=[r.code for _, _, r in ENTRIES])
def test_entry_is_documented(module: str, table: RuleTable, rule: Rule) -> None:
    assert rule.summary and rule.examples, f"{table.name} {rule.code}: a summary and examples"
    for example in rule.examples:
        assert isinstance(example, tuple) and len(example) == 2 and isinstance(example[0], str), \
            f"{rule.code}: an example is (text, value), not {example!r}"
        assert example[1] not in (None, "", [], {}, ()), f"{rule.code}: {example[0]!r} must give a value"
    assert all(isinstance(x, str) for x in rule.near_misses), rule.code


EXAMPLES = [(t, r, text, value) for _, t, r in ENTRIES for text, value in r.examples]
NEAR = [(t, r, text) for _, t, r in ENTRIES for text in r.near_misses]


@pytest.mark.parametrize(("table", "rule", "text", "value"), EXAMPLES,
                         ids=[f"{r.code}:{x[:14]}" for _, r, x, _ in EXAMPLES])
def test_example_gives_its_value(table: RuleTable, rule: Rule, text: str, value) -> None:
    assert table.gives(rule, text) == value, f"{rule.code} on {text!r}"


@pytest.mark.parametrize(("table", "rule", "text"), NEAR, ids=[f"{r.code}:{x[:14]}" for _, r, x in NEAR])
def test_near_miss_gives_nothing(table: RuleTable, rule: Rule, text: str) -> None:
    got = table.gives(rule, text)
    assert not got, f"{rule.code} should give nothing on {text!r}, gives {got!r}"
