"""Hostile header shapes: heads built to make the header's line rules, title joins and
addressee splits work hard. Each parses within a time bound and invents nothing."""

from __future__ import annotations

import time

import pytest

import ipplan

#: Seconds one parse may take in process (the largest case is ~1 MB of head).
TIME_BOUND = 10.0

CASES = {
    "20k notice-title fragments": "\n".join(["国务院办公厅关于印发知识产权"] * 20_000),
    "one 1 MB line of 关于": "关于印发" * 250_000,
    "10k signatures and dates": "\n".join(["国务院办公厅", "2018年12月29日"] * 5_000),
    "10k year brackets without 号": "\n".join(["国办发〔2018〕"] * 10_000),
    "one long addressee-like line": "各" + "、各".join(["省人民政府"] * 20_000) + "：",
    "pipes and keys": "\n".join(["文号 | " * 200] * 500),
    "spaced keys without values": "\n".join(["文 号 : 成 文 日 期 :"] * 10_000),
    "open brackets": "（" * 200_000 + "方案",
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_hostile_head_is_parsed_fast(name: str) -> None:
    start = time.perf_counter()
    plan = ipplan.parse_text(CASES[name] + "\n一、总体要求\n（一）指导思想。坚持。")
    assert time.perf_counter() - start < TIME_BOUND, name
    assert plan.meta.doc_number is None or "〔" in plan.meta.doc_number
    ipplan.Plan.model_validate(plan.model_dump())
