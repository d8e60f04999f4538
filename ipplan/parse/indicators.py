"""Canonical indicators: one id for one quantity, however a plan words it.

The curated table lives in data/indicators.yaml (ids, names, variants, normalization
rules). An indicator gets an id when its normalized form equals a normalized variant, or
failing that when it holds the same characters in another order (商标有效注册量 /
有效注册商标量) as the variants of exactly one entry. Otherwise it stays unknown (None):
reported by the views, never guessed.

jieba is not used here: with ipplan's small dictionary the two word orders segment
differently (商标|有效|注册量 vs 有效|注册商标|量), so a bag of tokens does not match where a
bag of characters, checked against a curated table and required to be unambiguous, does.

    >>> canonical_id("全市每万人口高价值发明专利拥有量")
    'patent.high_value_inventions_per_10k_people'
    >>> canonical_id("注册商标有效量")
    'trademark.valid_registrations'
    >>> canonical_id("市级基地") is None
    True
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any

from ipplan.parse.datafile import Record, read_yaml

#: Id syntax (documented in data/indicators.yaml): domain, dot, snake_case quantity.
ID_PATTERN = r"[a-z]+\.[a-z0-9]+(?:_[a-z0-9]+)*"


class Normalization(Record):
    prefixes: list[str]
    rewrites: dict[str, str]
    suffixes: list[str]
    drop_chars: str


class Indicator(Record):
    """One canonical indicator of data/indicators.yaml."""

    id: str
    name: str
    unit: str | None = None
    note: str | None = None
    variants: list[str]


class IndicatorTable(Record):
    """data/indicators.yaml, checked by :func:`table_from` so that a typo or a clash fails at load time."""

    normalize: Normalization
    indicators: list[Indicator]


def table_from(raw: Any) -> IndicatorTable:
    """The table from its YAML data. A missing or unknown key, a value of the wrong type, a
    malformed or repeated id, or an empty name raises ValueError naming where."""
    table = IndicatorTable.model_validate(raw)
    seen: set[str] = set()
    for k, ind in enumerate(table.indicators):
        if not re.fullmatch(ID_PATTERN, ind.id):
            raise ValueError(f"indicators[{k}].id: {ind.id!r} is not <domain>.<snake_case quantity>")
        if not ind.name:
            raise ValueError(f"indicators[{k}].name: empty")
        if ind.id in seen:
            raise ValueError(f"duplicate indicator id {ind.id}")
        seen.add(ind.id)
    return table


@dataclass(frozen=True)
class _Index:
    table: IndicatorTable
    by_id: dict[str, Indicator]
    by_key: dict[str, str]  # normalized variant -> id
    by_bag: dict[str, str | None]  # sorted characters -> id, None when two ids share it
    prefix: re.Pattern[str]
    rewrite: re.Pattern[str]
    suffix: re.Pattern[str]
    drop: dict[int, None]


def _alt(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@functools.cache
def index() -> _Index:
    """The table of data/indicators.yaml, loaded and indexed once."""
    return build_index(table_from(read_yaml("indicators.yaml")))


def build_index(table: IndicatorTable) -> _Index:
    """Index a table; two entries whose variants normalize alike are an error."""
    n = table.normalize
    idx = _Index(
        table=table,
        by_id={i.id: i for i in table.indicators},
        by_key={},
        by_bag={},
        prefix=re.compile(rf"^(?:{_alt(n.prefixes)})+"),
        rewrite=re.compile(_alt(list(n.rewrites))),
        suffix=re.compile(rf"(?:{_alt(n.suffixes)})$"),
        drop=dict.fromkeys(map(ord, n.drop_chars)),
    )
    for ind in table.indicators:
        for variant in [ind.name, *ind.variants]:
            key = _normalize(variant, idx)
            other = idx.by_key.setdefault(key, ind.id)
            if other != ind.id:
                raise ValueError(f"indicator table: {variant!r} of {ind.id} normalizes like a variant of {other}")
            bag = "".join(sorted(key))
            if idx.by_bag.setdefault(bag, ind.id) != ind.id:
                idx.by_bag[bag] = None  # ambiguous: word order cannot decide
    return idx


def _normalize(text: str, idx: _Index) -> str:
    s = text.translate(idx.drop)
    s = idx.rewrite.sub(lambda m: idx.table.normalize.rewrites[m.group()], s)
    s = idx.prefix.sub("", s)
    m = idx.suffix.search(s)
    if m and m.start() >= 2:
        s = s[: m.start()]
    return s


def normalize(text: str) -> str:
    """The matching key of an indicator: 全市每万人口…拥有量 → 每万人…发明专利."""
    return _normalize(text, index())


@functools.lru_cache(maxsize=4096)
def canonical_id(indicator: str) -> str | None:
    """The canonical id of an indicator as worded in a plan, or None when unknown."""
    return lookup(indicator, index())


def lookup(indicator: str, idx: _Index) -> str | None:
    """canonical_id against a given index (tests build small tables)."""
    key = _normalize(indicator, idx)
    if not key:
        return None
    found = idx.by_key.get(key)
    if found is None:
        found = idx.by_bag.get("".join(sorted(key)))
    return found


def get(indicator_id: str) -> Indicator | None:
    """The table entry for an id (None for an id the table does not hold)."""
    return index().by_id.get(indicator_id)


def all_indicators() -> list[Indicator]:
    """Every entry, in the table's (curated) order."""
    return list(index().table.indicators)
