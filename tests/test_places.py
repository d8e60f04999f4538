"""The gazetteer (parse/data/places.txt, GB/T 2260) and a work report's own place.

The data file is what scripts/make_places.py writes: every stem and everyday-word flag is
re-derived here from the names and from jieba's dictionary, so a hand edit or a jieba upgrade
that changes a flag fails until the file is regenerated. The reading of a report's own place
is tested on report-shaped texts written for the test, with the near-misses that must name
no place (a province named in passing, a neighbour, an everyday word that is also a city)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

import ipplan
from ipplan.parse.vocab.places import gazetteer, own_place, region_level, units_of_level

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "ipplan" / "parse" / "data" / "places.txt"


def _script():
    spec = importlib.util.spec_from_file_location("make_places", ROOT / "scripts" / "make_places.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def test_the_file_is_what_the_script_writes() -> None:
    script = _script()
    rows = [line.split("\t") for line in DATA.read_text("utf-8").splitlines() if not line.startswith("#")]
    units = [(r[0], r[1]) for r in rows]
    assert DATA.read_text("utf-8") == script.render_rows(units)  # stems and flags re-derived from the names


def test_the_gazetteer_is_whole_and_consistent() -> None:
    units = gazetteer()
    codes = [u.code for u in units]
    assert len(codes) == len(set(codes)) and codes == sorted(codes) and len(units) > 3000
    assert all(len(c) == 6 and c.isdigit() for c in codes)
    provinces = {u.name for u in units if u.code.endswith("0000")}
    assert {"北京市", "上海市", "重庆市", "浙江省", "广西壮族自治区", "新疆维吾尔自治区", "香港特别行政区"} <= provinces
    assert len(provinces) == 34  # 23 provinces (台湾省 included), 5 autonomous regions, 4 municipalities, 2 SARs
    prefectures = {u.code for u in units if u.code.endswith("00")}
    for u in units:  # a county's prefecture (or its province, for a county directly under it) is in the list
        assert u.code[:2] + "0000" in provinces | {x.code for x in units}, u
        assert region_level(u.name) is not None or u.name.endswith(("林区", "特区")), u
    assert "510500" in prefectures


@pytest.mark.parametrize(("name", "stem", "word"), [
    ("绍兴市", "绍兴", False), ("凉山彝族自治州", "凉山", False), ("秀山土家族苗族自治县", "秀山", False),
    ("内蒙古自治区", "内蒙古", False),  # stripping 蒙古 would leave one character
    ("龙胜各族自治县", "龙胜", False), ("浦东新区", "浦东", False), ("天门市", "天门", False),
    ("合作市", "合作", True), ("振兴区", "振兴", True),  # everyday words: never counted without their ending
])
def test_stems_and_everyday_words(name: str, stem: str, word: bool) -> None:
    unit = next(u for u in gazetteer() if u.name == name)
    assert (unit.stem, unit.word) == (stem, word)


def test_units_of_a_level() -> None:
    assert all(u.name.endswith("市") for u in units_of_level("市"))
    assert {u.name for u in units_of_level("州")} >= {"凉山彝族自治州", "阿坝藏族羌族自治州", "延边朝鲜族自治州"}
    districts = {u.name for u in units_of_level("区")}
    assert "浦东新区" in districts and "西藏自治区" not in districts and "阿勒泰地区" not in districts


# ---------------------------------------------------------------- a report's own place

CITY_REPORT = """各位代表：
现在，我代表市人民政府向大会报告工作，请予审议，并请各位政协委员提出意见。
一、2023年工作回顾
过去一年，在省委、省政府和市委坚强领导下，全市经济回升向好。临沂港建成投用，临沂国际陆港开通班列，
“好客临沂”品牌走向全国。与青岛、日照、济南深化合作，山东省支持力度加大。
二、2024年工作安排
加快建设现代化强市，讲好临沂故事，推动临沂高质量发展，为谱写中国式现代化临沂篇章不懈奋斗！"""


def test_a_city_report_that_names_only_its_level() -> None:
    plan = ipplan.parse_text(CITY_REPORT)
    m = plan.meta
    assert (m.issuer, m.region, m.title) == ("临沂市人民政府", "临沂市", None)
    n101 = [n for n in plan.notices if n.code == "N101"]  # the reading is said, with its counts
    # 临沂 is printed six times: 临沂港, 临沂国际陆港, 好客临沂, 临沂故事, 临沂高质量发展, 临沂篇章
    assert len(n101) == 1 and n101[0].line == 2 and "临沂市" in n101[0].message and "6 times" in n101[0].message


def test_an_autonomous_prefectures_report() -> None:
    text = ("各位代表：\n现在，我代表州人民政府，向大会报告工作，请予审议。\n2023年工作回顾\n"
            "一年来，全州上下加快建设现代化延边，延边经济稳中有进，延边州旅游人数增长，延边大米走向全国。"
            "吉林省支持力度加大，长春、吉林两市合作深化。\n2024年工作安排\n奋力谱写延边发展新篇章。")
    m = ipplan.parse_text(text).meta
    assert (m.issuer, m.region) == ("延边州人民政府", "延边州")  # as printed: 延边州, never its full name
    m = ipplan.parse_text(text.replace("我代表州人民政府", "我代表自治州人民政府")).meta
    assert (m.issuer, m.region) == ("延边州人民政府", "延边州")


@pytest.mark.parametrize("text", [
    # the province is named most, but a 市 government speaks: a province is never its place
    "各位代表：\n现在，我代表市人民政府向大会报告工作。\n山东经济回升，山东港口集团落户，山东省支持，融入山东半岛，"
    "山东高速通车，全市发展向好。",
    # two cities named about as often: no place
    "各位代表：\n现在，我代表市人民政府向大会报告工作。\n临沂港、临沂站、临沂机场、临沂新区，与日照港、日照站、日照机场、"
    "日照新区互联互通，临沂日照一体化。",
    # an everyday word that is also a city's name (合作市) never counts without its ending
    "各位代表：\n现在，我代表市人民政府向大会报告工作。\n深化区域合作、经贸合作、对外合作、产业合作、科技合作、人才合作。",
    # named only in passing
    "各位代表：\n现在，我代表市人民政府向大会报告工作。过去一年，全市经济稳中有进，临沂港吞吐量增长。",
])
def test_no_place_is_guessed(text: str) -> None:
    plan = ipplan.parse_text(text)
    assert (plan.meta.issuer, plan.meta.region) == (None, None)
    assert not [n for n in plan.notices if n.code == "N101"]


def test_own_place_counts_a_stem_two_units_share_as_neither() -> None:
    assert own_place("朝阳区、朝阳区、朝阳区、朝阳区、朝阳区，朝阳发展。", "区") is None  # 朝阳区 of 北京 and of 长春
    found = own_place("乌鲁木齐经济发展，乌鲁木齐旅游兴旺，美丽乌鲁木齐，乌鲁木齐贡献，乌鲁木齐县乡村振兴。", "市")
    assert found is not None and (found.name, found.count) == ("乌鲁木齐市", 5)


def test_a_reports_place_as_it_prints_it() -> None:
    short = ("各位代表：\n现在，我代表州人民政府，向大会报告工作。\n一年来，甘孜州经济回升，甘孜旅游兴旺，甘孜州文化繁荣，"
             "建设美丽甘孜，谱写甘孜新篇章。")
    assert ipplan.parse_text(short).meta.region == "甘孜州"  # the full name 甘孜藏族自治州 is never printed
    full = short.replace("一年来，", "一年来，甘孜藏族自治州上下团结奋斗，")
    assert ipplan.parse_text(full).meta.issuer == "甘孜藏族自治州人民政府"


def test_a_province_level_city_is_one_unit_among_cities() -> None:
    """重庆市 is both a province and a city row of GB/T 2260: one place, found among the cities; two
    different units that share a name (朝阳区) stay ambiguous."""
    found = own_place("重庆市加大投入，重庆企业发展，建设美丽重庆。", "市", least=1)
    assert found is not None and found.name == "重庆市"
    assert own_place("朝阳区推进，朝阳区发展。", "区", least=1) is None
