"""The YAML emitter: whatever it writes, ipplan's own loader (YAML 1.2 core) and PyYAML
(YAML 1.1) both read back as the same data."""

from __future__ import annotations

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

import ipplan
from ipplan import api, emit
from ipplan.validate.load import load_text
from tests.conftest import SAMPLE_TEXTS


def reads_back(data: dict) -> str:
    text = emit.to_yaml(data)
    assert load_text(text).data == data, text
    assert yaml.safe_load(text) == data, text
    return text

TRICKY = ["", "no", "yes", "on", "2022-06-15", "1.5", "3.1.2", "10", "0x1F", "1_000", ".inf", "~", "null", "=",
          "<<", "- a", "a: b", "a #b", "#x", "x:", " lead", "trail ", "\u2028x", "a\nb", "a\n b", "a\n\nb", "\x85",
          "@x", "%x", "!x", "*市市场监管局", "&x", '"q', "'q", "\t", "a\tb", "\ufeff", "“4210”", "（一）", "——", "①", "08", "09", "1e5",
          "0o17", "+.5", "1E5", "0x", "y", "Off"]


@pytest.mark.parametrize("value", TRICKY, ids=repr)
def test_tricky_strings_round_trip(value: str) -> None:
    reads_back({"k": value, "l": [value, {"m": value}, [value]]})


scalars = st.none() | st.booleans() | st.integers(-10**12, 10**12) | st.text(max_size=30) | st.floats(
    allow_nan=False, allow_infinity=False)
trees = st.recursive(scalars, lambda kids: st.lists(kids, max_size=4) | st.dictionaries(
    st.text(alphabet="abcdefghij_", min_size=1, max_size=8), kids, max_size=4), max_leaves=20)


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(st.text(alphabet="abcdefghij_", min_size=1, max_size=8), trees, max_size=5))
def test_any_plan_shaped_data_round_trips(data: dict) -> None:
    reads_back(data)


@pytest.mark.parametrize("path", SAMPLE_TEXTS, ids=lambda p: p.stem)
def test_sample_plans_round_trip_and_keep_key_order(path) -> None:
    data = api.parse_file_data(path)
    text = reads_back(data)
    assert [line.split(":")[0] for line in text.splitlines() if line and not line.startswith((" ", "-"))] == list(data)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=40))
def test_json_output_reads_back_as_the_plan(title: str) -> None:
    import json

    plan = _linyi().model_copy(update={"warnings": [title, "x\u2028y\x00\x7f\ud7ff"]})
    assert json.loads(emit.to_json(plan)) == emit.plan_data(plan)
    assert json.loads(emit.to_jsonl(plan)) == emit.plan_data(plan)


@settings(max_examples=500, deadline=None)
@given(st.dictionaries(st.text(max_size=8), trees, max_size=5))
def test_json_is_the_bytes_pydantic_writes(data: dict) -> None:
    """Plans were written by pydantic's serializer before they were written from their data:
    the same bytes, indented (ipplan parse -f json, batch --format json) and compact (jsonl)."""
    import pydantic_core

    assert emit.to_json(data) == pydantic_core.to_json(data, indent=2).decode() + "\n"
    assert emit.to_jsonl(data) == pydantic_core.to_json(data).decode() + "\n"


@settings(max_examples=2000, deadline=None)
@given(st.floats(allow_nan=False, allow_infinity=False) | st.floats(min_value=-1e-3, max_value=1e-3)
       | st.floats(min_value=1e14, max_value=1e18))
def test_floats_are_spelled_as_pydantic_spells_them(v: float) -> None:
    import pydantic_core

    assert emit.to_jsonl({"v": v}) == pydantic_core.to_json({"v": v}).decode() + "\n"


@pytest.mark.parametrize("v", [0.0, -0.0, 1e-05, 1e-06, 0.0001, 1e16, 1e15 + 0.5, 9007199254740993.0, 1.5e20, 5e-324,
                               1.7976931348623157e308, 3.85, 123456.789])
def test_float_edges(v: float) -> None:
    import pydantic_core

    assert emit.to_jsonl({"v": v}) == pydantic_core.to_json({"v": v}).decode() + "\n"


@pytest.mark.parametrize("path", SAMPLE_TEXTS, ids=lambda p: p.stem)
def test_json_output_is_what_the_json_module_writes(path) -> None:
    """Same bytes as json.dumps(indent=2) for real plans (floats as tiny as 1e-05 would differ
    in exponent spelling only)."""
    import json

    data = api.parse_file_data(path)
    assert emit.to_json(data) == json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    assert emit.to_json(data) == emit.to_json(api.to_model(data))


_PLANS: dict = {}


def _linyi():
    if "linyi" not in _PLANS:
        _PLANS["linyi"] = ipplan.parse_file(next(p for p in SAMPLE_TEXTS if p.stem.startswith("linyi")))
    return _PLANS["linyi"]
