"""The one shape of every rule of the parser (a leaf module: it imports no stage).

A stage's rules are the entries of a named table, a tuple of :class:`Rule`, and the table
*is* the code that runs: the stage loops over it (or compiles its patterns into one regex)
and calls each entry's finder; nothing restates a rule elsewhere. Every entry has

- ``code``: stable, unique across the parser, with its stage's prefix (OL outline markers,
  RU responsibility clauses, TG targets, TB tables, MT header lines, LR layout repairs,
  NZ page chrome);
- ``summary``: one line saying what the rule finds;
- its finder: ``find`` (a function the stage calls) or ``pattern`` (a regex the stage
  compiles on first use, alone or as one alternation of the table, see :class:`PatternRule`);
  subclasses add what their stage needs (a marker's style, a repair's phase …);
- ``examples``: ``(text, value)`` pairs, the value the rule must give on the text, written by
  reading the text (a section's label/ordinal/title, a target's indicator/value/unit/op/year/
  kind, a unit's name and lead flag, a meta field's value, a repaired text …);
- ``near_misses``: texts on which the rule must give nothing.

A module registers its tables in ``RULE_TABLES``, a tuple of :class:`RuleTable`; the
table's ``gives(rule, text)`` runs one rule the way the stage runs it and returns its value
in the form the examples write: plain data (str, int, float, bool, lists, dicts built with
:func:`given`), empty (None, "", [], {}) when it gives nothing. ``tests/test_rule_tables.py``
walks every table of ``ipplan.parse``: unique codes, stage prefixes, every example's value,
every near-miss.

Adding a rule (a new 文号 form, clause form, measure word …) is one entry in one table,
and its example proves it.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ipplan import patterncache

#: An example: the text and the value the rule must give on it.
Example = tuple[str, Any]


@dataclass(frozen=True, kw_only=True)
class Rule:
    """One rule of a table (see the module docstring)."""

    code: str
    summary: str
    examples: tuple[Example, ...]
    near_misses: tuple[str, ...] = ()
    #: The finder the stage calls; its signature is the table's (documented where the table is).
    find: Callable[..., Any] | None = None


@dataclass(frozen=True, kw_only=True)
class PatternRule(Rule):
    """A rule whose finder is a regex (``re.VERBOSE`` by default), compiled on first use."""

    pattern: str
    flags: int = re.VERBOSE

    @functools.cached_property
    def regex(self) -> re.Pattern[str]:
        return patterncache.compile(self.pattern, self.flags)


@dataclass(frozen=True)
class RuleTable:
    """A named table of rules, as the walker test sees it."""

    name: str
    prefix: str  # the code prefix of its stage (OL, RU, TG …)
    rules: tuple[Rule, ...]
    #: gives(rule, text): the rule's value on ``text``, run as the stage runs it.
    gives: Callable[[Any, str], Any]


def given(**values: Any) -> dict[str, Any]:
    """The value of an example: the named fields, without the empty ones (None, "", [], (),
    {}); booleans and zeros are kept.

    >>> given(name="市科技局", aliases=(), lead=False, line=None)
    {'name': '市科技局', 'lead': False}
    """
    return {k: v for k, v in values.items() if v is not None and not (isinstance(v, (str, tuple, list, dict)) and not v)}


class LazyPattern:
    """A regex compiled on first use: ``lazy(r"…")`` stands where ``re.compile(r"…")`` would,
    so that importing a stage compiles nothing (a class holding the CJK range alone costs
    1.5 ms to compile, and most patterns are not needed by every parse), and then from
    ``ipplan.patterncache`` (compiled once per machine). After the first use its methods are
    the compiled pattern's own (no overhead per call)."""

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern, self.flags = pattern, flags

    def __getattr__(self, name: str) -> Any:  # only for what is not set on the instance
        if name != "compiled":
            return getattr(self.compiled, name)
        compiled = patterncache.compile(self.pattern, self.flags)
        for method in ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split"):
            setattr(self, method, getattr(compiled, method))
        self.compiled = compiled
        return compiled


def lazy(pattern: str, flags: int = 0) -> LazyPattern:
    """``pattern`` compiled on first use (see LazyPattern)."""
    return LazyPattern(pattern, flags)
