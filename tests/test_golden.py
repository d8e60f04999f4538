"""Golden files: each sample document against its expected plan, written by reading the
source (samples/<name>.yaml). Never regenerated from the parser's output."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

import ipplan
from ipplan import emit
from tests.conftest import SAMPLE_TEXTS
from tests.helpers import outline_view, without_evidence

CASES = [p for p in SAMPLE_TEXTS if p.with_suffix(".yaml").exists()]


@pytest.fixture(scope="module", params=CASES, ids=lambda p: p.stem)
def pair(request: pytest.FixtureRequest) -> tuple[dict, dict]:
    path: Path = request.param
    expected = yaml.safe_load(path.with_suffix(".yaml").read_text("utf-8"))
    got = without_evidence(emit.plan_data(ipplan.parse_file(path)))
    return expected, got


def test_every_sample_has_an_expected_plan() -> None:
    assert len(CASES) == len(SAMPLE_TEXTS) == 5


def test_expected_files_validate(pair: tuple[dict, dict]) -> None:
    expected, _ = pair
    ipplan.Plan.model_validate(expected)


def test_source(pair: tuple[dict, dict]) -> None:
    expected, got = pair
    for key in ("sha256", "encoding", "format", "script", "conversion"):
        assert got["source"][key] == expected["source"][key], key


def test_meta(pair: tuple[dict, dict]) -> None:
    expected, got = pair
    assert got["meta"] == expected["meta"]


def test_outline(pair: tuple[dict, dict]) -> None:
    expected, got = pair
    assert outline_view(got["sections"]) == outline_view(expected["sections"])


def test_sections_with_units(pair: tuple[dict, dict]) -> None:
    expected, got = pair
    assert got["sections"] == expected["sections"]


def test_targets(pair: tuple[dict, dict]) -> None:
    expected, got = pair
    assert got["targets"] == expected["targets"]


def test_tables(pair: tuple[dict, dict]) -> None:
    expected, got = pair
    assert got["tables"] == expected["tables"]


def test_whole_plan_apart_from_path_and_warnings(pair: tuple[dict, dict]) -> None:
    expected, got = pair
    strip = lambda d: {k: v for k, v in d.items() if k != "warnings"} | {"source": {**d["source"], "path": None}}  # noqa: E731
    assert strip(got) == strip(expected)


def test_wenzhou_tables_have_the_documented_size() -> None:
    plan = ipplan.parse_file(next(p for p in CASES if p.stem.startswith("wenzhou")))
    resp, goals = plan.tables
    assert (resp.kind, len(resp.rows), len(resp.tasks)) == ("responsibility", 63, 63)
    assert (goals.kind, len(goals.rows), len(goals.header)) == ("targets", 19, 5)
    assert sum(t.section.startswith("table:2/") for t in plan.targets if t.section) == 19 * 3


def test_output_is_deterministic() -> None:
    path = CASES[0]
    assert emit.to_yaml(ipplan.parse_file(path)) == emit.to_yaml(ipplan.parse_file(path))


def test_provincial_sample_reads_mainland_wording() -> None:
    text = emit.to_yaml(ipplan.parse_file(next(p for p in CASES if p.stem.endswith("-tw"))))
    assert "知识产权" in text and "优化" in text
    for taiwan in ("智慧财产", "智慧財產", "最佳化", "网路"):
        assert taiwan not in text
