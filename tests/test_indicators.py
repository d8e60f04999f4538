"""Canonical indicators: the curated table, normalization, and the samples' variants."""

from __future__ import annotations

import re
from collections import defaultdict

import pytest
import yaml

from ipplan.parse import indicators
from ipplan.parse.indicators import IndicatorTable, build_index, canonical_id, lookup, table_from
from tests.conftest import SAMPLES


def _sample_targets() -> list[tuple[str, dict]]:
    return [(p.stem, t) for p in sorted(SAMPLES.glob("*.yaml"))
            for t in yaml.safe_load(p.read_text("utf-8"))["targets"]]


# --- the table ------------------------------------------------------------------------

def test_every_variant_maps_to_its_own_id() -> None:
    for ind in indicators.all_indicators():
        for variant in [ind.name, *ind.variants]:
            assert canonical_id(variant) == ind.id, variant


def test_ids_are_dotted_snake_case_with_a_known_domain() -> None:
    domains = {"patent", "trademark", "gi", "copyright", "industry", "finance", "enterprise", "park",
               "navigation", "protection", "service", "talent"}
    ids = [i.id for i in indicators.all_indicators()]
    assert len(ids) == len(set(ids))
    for i in ids:
        assert re.fullmatch(r"[a-z]+\.[a-z0-9]+(_[a-z0-9]+)*", i), i
        assert i.split(".")[0] in domains, i


def test_increments_have_their_own_ids() -> None:
    for ind in indicators.all_indicators():
        assert ind.name.startswith("新增") == ind.id.endswith("_new"), ind.id


@pytest.mark.parametrize("national", [
    "每万人口高价值发明专利拥有量", "有效发明专利拥有量", "PCT国际专利申请量", "有效注册商标量", "地理标志",
    "马德里商标国际注册量", "知识产权质押融资额", "专利密集型产业增加值占GDP比重", "作品登记量",
    "知识产权保护社会满意度", "专利转让许可次数", "知识产权服务机构数",
])
def test_the_common_national_indicators_are_covered(national: str) -> None:
    assert canonical_id(national) is not None


def _table(*entries: tuple[str, list[str]]) -> IndicatorTable:
    return table_from({
        "normalize": {"prefixes": ["全市"], "rewrites": {"人口": "人"}, "suffixes": ["量"], "drop_chars": " "},
        "indicators": [{"id": i, "name": v[0], "variants": v[1:]} for i, v in entries],
    })


def test_a_variant_claimed_by_two_ids_fails_at_load() -> None:
    with pytest.raises(ValueError, match="normalizes like a variant of a.one"):
        build_index(_table(("a.one", ["每万人口专利拥有量"]), ("a.two", ["全市每万人专利拥有"])))


@pytest.mark.parametrize("bad", ["Patent.x", "patent", "patent.High", "patent.a__b", "patent.a-b"])
def test_malformed_ids_fail_at_load(bad: str) -> None:
    with pytest.raises(ValueError):
        _table((bad, ["专利"]))


@pytest.mark.parametrize(("change", "message"), [
    (lambda t: t["indicators"][0].update(colour="red"), r"indicators\[0\].colour: unknown key"),
    (lambda t: t["indicators"][0].pop("variants"), r"indicators\[0\].variants: missing"),
    (lambda t: t["indicators"][0].update(name=""), r"indicators\[0\].name: empty"),
    (lambda t: t["indicators"][0].update(name=None), r"indicators\[0\].name: str, not NoneType"),
    (lambda t: t["indicators"][0].update(unit=5), r"indicators\[0\].unit: str, not int"),
    (lambda t: t["indicators"][0].update(variants="专利"), r"indicators\[0\].variants: a list, not str"),
    (lambda t: t["indicators"][0].update(id="a.one\n"), r"indicators\[0\].id: .* is not"),
    (lambda t: t["indicators"].append(dict(t["indicators"][0])), "duplicate indicator id a.one"),
    (lambda t: t["normalize"].update(rewrites=["人口"]), "normalize.rewrites: a mapping, not list"),
    (lambda t: t["normalize"].pop("suffixes"), "normalize.suffixes: missing"),
    (lambda t: t.update(extra=1), "extra: unknown key"),
])
def test_a_malformed_table_fails_at_load_naming_where(change, message: str) -> None:
    raw = {"normalize": {"prefixes": ["全市"], "rewrites": {"人口": "人"}, "suffixes": ["量"], "drop_chars": " "},
           "indicators": [{"id": "a.one", "name": "专利", "variants": [], "unit": "件", "note": None}]}
    assert table_from(raw).indicators[0].unit == "件"
    change(raw)
    with pytest.raises(ValueError, match=message):
        table_from(raw)


def test_word_order_only_decides_when_one_id_matches() -> None:
    idx = build_index(_table(("a.one", ["甲乙丙"]), ("a.two", ["丙乙甲"]), ("a.three", ["丁戊己"])))
    assert lookup("甲乙丙", idx) == "a.one" and lookup("丙乙甲", idx) == "a.two"  # exact wording wins
    assert lookup("乙甲丙", idx) is None  # an anagram of two entries: not guessed
    assert lookup("己戊丁", idx) == "a.three"


# --- normalization --------------------------------------------------------------------

@pytest.mark.parametrize(("text", "key"), [
    ("全市每万人口高价值发明专利拥有量", "每万人高价值发明专利"),
    ("有效发明专利量", "有效发明专利"),
    ("著作权产业增加值占GDP比重", "版权产业增加值占GDP比重"),
    ("专利密集型产业增加值占地区生产总值比重", "专利密集型产业增加值占GDP比重"),
    ("知识产权年质押额", "知识产权质押额"),
    ("发明专利年申请量", "发明专利申请"),
    ("维权保护（援助）工作站", "维权保护(援助)工作站"),
    ("新增“红标”使用主体", "新增红标使用主体"),
    ("专利代理机构总数", "专利代理机构"),
    ("地理标志", "地理标志"),
    ("累计 数", "数"),  # a suffix is only dropped when two characters remain
])
def test_normalize(text: str, key: str) -> None:
    assert indicators.normalize(text) == key


# --- the examples and near misses -----------------------------------------------

@pytest.mark.parametrize(("a", "b"), [
    ("每万人高价值发明专利拥有量", "每万人口高价值发明专利拥有量"),  # Wenzhou/Huzhou vs Linyi
    ("有效注册商标量", "商标有效注册量"),  # Wenzhou vs Huzhou
    ("有效注册商标量", "注册商标有效量"),  # a word order no plan used yet
    ("著作权产业增加值占GDP比重", "版权产业增加值占GDP比重"),  # Huzhou vs Linyi
    ("知识产权质押融资登记额", "知识产权质押融资金额"),  # Wenzhou vs Zhengzhou
    ("维权保护(援助)工作站", "知识产权维权保护工作站"),  # the same 40 stations, twice in Zhengzhou
])
def test_variants_across_cities_share_an_id(a: str, b: str) -> None:
    assert canonical_id(a) is not None and canonical_id(a) == canonical_id(b)


@pytest.mark.parametrize(("a", "b"), [
    ("省级商业秘密保护基地", "市级商业秘密保护基地"),
    ("省级专利导航服务基地", "省级以上专利导航服务基地"),
    ("地理标志", "新增地理标志"),
    ("国家知识产权优势示范企业", "各级知识产权优势示范企业"),
    ("知识产权培训", "培训知识产权人才"),  # 场次 vs 人次
])
def test_different_quantities_keep_different_ids(a: str, b: str) -> None:
    assert canonical_id(a) != canonical_id(b)


@pytest.mark.parametrize("vague", [
    "市级基地",  # 省级商业秘密保护基地100个、市级基地200个: only the context says which
    "省网点",
    "高价值专利",  # a count of patents, not the density per 10,000 people
    "新增知识产权人才",
    "知识产权强省",
    "",
])
def test_vague_indicators_stay_unknown(vague: str) -> None:
    assert canonical_id(vague) is None


# --- the samples ----------------------------------------------------------------------

def test_every_indicator_wording_in_the_samples_maps_to_exactly_one_id() -> None:
    ids: dict[str, set[str | None]] = defaultdict(set)
    for _, t in _sample_targets():
        ids[t["indicator"]].add(t["indicator_id"])
    assert {k: v for k, v in ids.items() if len(v) != 1} == {}
    for wording, (expected,) in ids.items():
        assert canonical_id(wording) == expected, wording


def test_sample_ids_exist_in_the_table() -> None:
    for stem, t in _sample_targets():
        if t["indicator_id"] is not None:
            assert indicators.get(t["indicator_id"]) is not None, (stem, t["indicator_id"])


def test_high_value_patent_density_is_comparable_across_three_cities() -> None:
    found = {(stem, t["value"]) for stem, t in _sample_targets()
             if t["indicator_id"] == "patent.high_value_inventions_per_10k_people" and t["year"] == 2025}
    # 湖州 "达到15件以上", 临沂 "10件", 温州 "不低于8.5件" (read from the sources)
    assert found == {("huzhou-2022", 15), ("linyi-2023", 10), ("wenzhou-2022", 8.5)}


def test_how_many_sample_targets_are_known() -> None:
    known = sum(t["indicator_id"] is not None for _, t in _sample_targets())
    # 120: 温州 "市级基地" is now read whole as 市级商业秘密保护基地 (a known indicator)
    assert (known, len(_sample_targets())) == (120, 162)
