"""The YAML emitter: whatever it writes, YAML reads back as the same data."""

from __future__ import annotations

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

import ipplan
from ipplan import emit
from tests.conftest import SAMPLE_TEXTS

TRICKY = ["", "no", "yes", "on", "2022-06-15", "1.5", "3.1.2", "10", "0x1F", "1_000", ".inf", "~", "null", "=",
          "<<", "- a", "a: b", "a #b", "#x", "x:", " lead", "trail ", "\u2028x", "a\nb", "a\n b", "a\n\nb", "\x85",
          "@x", "%x", "!x", "*市市场监管局", "&x", '"q', "'q", "\t", "a\tb", "\ufeff", "“4210”", "（一）", "——", "①"]


@pytest.mark.parametrize("value", TRICKY, ids=repr)
def test_tricky_strings_round_trip(value: str) -> None:
    data = {"k": value, "l": [value, {"m": value}, [value]]}
    assert yaml.safe_load(emit.to_yaml(data)) == data


scalars = st.none() | st.booleans() | st.integers(-10**12, 10**12) | st.text(max_size=30) | st.floats(
    allow_nan=False, allow_infinity=False)
trees = st.recursive(scalars, lambda kids: st.lists(kids, max_size=4) | st.dictionaries(
    st.text(alphabet="abcdefghij_", min_size=1, max_size=8), kids, max_size=4), max_leaves=20)


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(st.text(alphabet="abcdefghij_", min_size=1, max_size=8), trees, max_size=5))
def test_any_plan_shaped_data_round_trips(data: dict) -> None:
    assert yaml.safe_load(emit.to_yaml(data)) == data


@pytest.mark.parametrize("path", SAMPLE_TEXTS, ids=lambda p: p.stem)
def test_sample_plans_round_trip_and_keep_key_order(path) -> None:
    data = emit.plan_data(ipplan.parse_file(path))
    text = emit.to_yaml(data)
    assert yaml.safe_load(text) == data
    assert [line.split(":")[0] for line in text.splitlines() if line and not line.startswith((" ", "-"))] == list(data)
