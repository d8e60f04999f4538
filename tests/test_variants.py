"""Variants of the samples — other encodings, line ends, full-width punctuation, one-line
text, traditional script — must give the same outline and metadata as the clean text."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest
import yaml

import ipplan
from tests.conftest import SAMPLE_TEXTS
from tests.helpers import plan_dict, FULL_TO_HALF, HALF_TO_FULL, flat_sections, outline_view

SIMPLIFIED = [p for p in SAMPLE_TEXTS if not p.stem.endswith("-tw")]


def expected(path: Path) -> dict:
    return yaml.safe_load(path.with_suffix(".yaml").read_text("utf-8"))


def parsed_bytes(data: bytes) -> dict:
    return plan_dict(ipplan.parse_bytes(data))


@pytest.mark.parametrize("path", SAMPLE_TEXTS, ids=lambda p: p.stem)
@pytest.mark.parametrize(
    "encode",
    [
        lambda t: codecs.BOM_UTF8 + t.encode("utf-8"),
        lambda t: t.encode("gb18030"),
        lambda t: t.encode("utf-16"),
        lambda t: t.replace("\n", "\r\n").encode("utf-8"),
    ],
    ids=["utf-8-bom", "gb18030", "utf-16", "crlf"],
)
def test_encodings_give_the_same_plan(path: Path, encode) -> None:
    exp = expected(path)
    got = parsed_bytes(encode(path.read_text("utf-8")))
    if "|" not in path.read_text("utf-8"):  # (the one-line text drops the page-metadata rows)
        assert got["meta"] == exp["meta"]
    assert outline_view(got["sections"]) == outline_view(exp["sections"])


@pytest.mark.parametrize("path", SIMPLIFIED, ids=lambda p: p.stem)
def test_full_width_punctuation(path: Path) -> None:
    exp = expected(path)
    got = plan_dict(ipplan.parse_text(path.read_text("utf-8").translate(HALF_TO_FULL)))
    back = [tuple(v.translate(FULL_TO_HALF) if isinstance(v, str) else v for v in row)
            for row in outline_view(got["sections"])]
    assert back == outline_view(exp["sections"])
    title = exp["meta"]["title"]
    assert got["meta"]["title"] == (title.translate(HALF_TO_FULL) if title else None)
    assert got["meta"]["doc_number"] == exp["meta"]["doc_number"]
    assert got["meta"]["issue_date"] == exp["meta"]["issue_date"]


@pytest.mark.parametrize("path", SIMPLIFIED, ids=lambda p: p.stem)
def test_one_line_text_keeps_the_outline(path: Path) -> None:
    exp = expected(path)
    text = " ".join(line for line in path.read_text("utf-8").splitlines() if "|" not in line)
    got = plan_dict(ipplan.parse_text(text))
    assert [r[:5] for r in outline_view(got["sections"])] == [r[:5] for r in outline_view(exp["sections"])]
    if "|" not in path.read_text("utf-8"):  # (the one-line text drops the page-metadata rows)
        assert got["meta"] == exp["meta"]


@pytest.mark.parametrize("path", SIMPLIFIED, ids=lambda p: p.stem)
def test_traditional_script_keeps_the_outline(path: Path) -> None:
    from ipplan.parse.normalize import _converter

    exp = expected(path)
    got = plan_dict(ipplan.parse_text(_converter("s2twp").convert(path.read_text("utf-8"))))
    assert got["source"]["script"] == "traditional"
    assert [r[:4] for r in outline_view(got["sections"])] == [r[:4] for r in outline_view(exp["sections"])]
    assert got["meta"]["doc_number"] == exp["meta"]["doc_number"]
    assert got["meta"]["issue_date"] == exp["meta"]["issue_date"]


def _target_view(plan: dict) -> list[tuple]:
    return [(t["section"], t["value"], t["value_max"], t["unit"], t["op"], t["year"], t["kind"]) for t in plan["targets"]]


@pytest.mark.parametrize("path", SIMPLIFIED, ids=lambda p: p.stem)
def test_full_width_punctuation_keeps_targets_and_units(path: Path) -> None:
    exp = expected(path)
    got = plan_dict(ipplan.parse_text(path.read_text("utf-8").translate(HALF_TO_FULL)))
    assert _target_view(got) == _target_view(exp)
    units = lambda plan: [(s["id"], [u["name"].translate(FULL_TO_HALF) for u in s["units"]])  # noqa: E731
                          for s in flat_sections(plan["sections"])]
    assert units(got) == units(exp)


@pytest.mark.parametrize("path", SIMPLIFIED, ids=lambda p: p.stem)
def test_one_line_text_keeps_body_targets(path: Path) -> None:
    exp = expected(path)
    text = " ".join(line for line in path.read_text("utf-8").splitlines() if "|" not in line)
    got = plan_dict(ipplan.parse_text(text))
    body = lambda plan: [t for t in _target_view(plan) if not str(t[0]).startswith("table:")]  # noqa: E731
    assert body(got) == body(exp)


def test_one_line_paste_with_page_metadata_rows() -> None:
    path = next(p for p in SIMPLIFIED if p.stem.startswith("wenzhou"))
    exp = expected(path)
    body = path.read_text("utf-8").split("附件:")[0]
    got = plan_dict(ipplan.parse_text(" ".join(body.splitlines())))
    assert [r[:5] for r in outline_view(got["sections"])] == [r[:5] for r in outline_view(exp["sections"])]
    assert got["meta"]["doc_number"] == exp["meta"]["doc_number"]


@pytest.mark.parametrize("path", SIMPLIFIED, ids=lambda p: p.stem)
@pytest.mark.parametrize("config", ["s2t", "s2tw", "s2hk", "s2hkp"])
def test_traditional_copies_give_the_expected_plan(path: Path, config: str) -> None:
    """Plain traditional characters, Taiwan and Hong Kong character forms (and Hong Kong
    phrases) come out as the sample's own simplified plan, field for field."""
    from ipplan.parse.normalize import _converter

    exp = expected(path)
    got = plan_dict(ipplan.parse_text(_converter(config).convert(path.read_text("utf-8"))))
    assert got["source"]["script"] == "traditional"
    for key in ("meta", "sections", "targets", "tables"):
        assert got[key] == exp[key], key


@pytest.mark.parametrize("path", SIMPLIFIED, ids=lambda p: p.stem)
def test_mixed_script_document_gives_the_expected_plan(path: Path) -> None:
    """Every other paragraph traditional (Taiwan and Hong Kong forms in turn): each
    paragraph is converted on its own and the plan is the sample's."""
    from ipplan.parse.normalize import _converter

    exp = expected(path)
    lines = path.read_text("utf-8").splitlines()
    mixed = [_converter("s2tw" if i % 4 == 1 else "s2hk").convert(ln) if i % 2 else ln for i, ln in enumerate(lines)]
    got = plan_dict(ipplan.parse_text("\n".join(mixed)))
    assert got["source"]["script"] == "mixed"
    for key in ("meta", "sections", "targets", "tables"):
        assert got[key] == exp[key], key
