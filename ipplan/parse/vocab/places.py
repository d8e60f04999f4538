"""Place names: how the name of an administrative unit or a development zone ends (湖州市,
延边朝鲜族自治州, 荆门高新区), the words that never occur in one, and the level of a plan's
region read from its ending. One home for the header (meta.region, read from a title, an
issuer or a law's history lines) and the views (the level column of ``ipplan report``,
the exports, the SQLite database; nothing is stored in a plan).

A municipality reads as its ending says (北京市 → city), as the shared corpus labels it; a
name that ends in none of these has no level (None), never a guess."""

from __future__ import annotations

import functools
import re
from typing import NamedTuple

from ipplan.parse.rules import lazy
from ipplan.parse.vocab.text import CJK

#: The whole country, as the header writes it for a national plan.
NATIONAL = "全国"
#: The country's name, with which a national law's title starts (中华人民共和国专利法).
COUNTRY = "中华人民共和国"

#: Endings of an autonomous unit: the stem names an ethnic group and can be long
#: (黔东南苗族侗族自治州, 克孜勒苏柯尔克孜自治州).
AUTONOMOUS_ENDINGS: tuple[str, ...] = ("特别行政区", "自治区", "自治州", "自治县", "自治旗")
#: Endings of the other units, longest first where one ends another (地区 before 区). A bare
#: 州 (阿坝州, 恩施州: a prefecture's short name) counts only before an organ word (see PLACE).
PLACE_ENDINGS: tuple[str, ...] = ("地区", "省", "市", "盟", "县", "区", "旗", "州")
#: The one-character levels a government is named by without its place, in its own texts
#: (我代表市人民政府, 省政府关于…, 县委、县政府): the ordinary endings of one character.
LEVEL_CHARS = "".join(e for e in PLACE_ENDINGS if len(e) == 1)
#: Endings of the units below a county, which a named town's government is addressed by (桥下镇人民政府).
TOWN_ENDINGS: tuple[str, ...] = ("镇", "乡", "街道")
#: Endings of a development zone, which governs like a county (威海火炬高技术产业开发区, 荆门高新区).
ZONE_ENDINGS: tuple[str, ...] = (
    "经济技术开发区", "高新技术产业开发区", "高新技术开发区", "经济开发区", "工业园区", "开发区", "高新区", "新区",
    "经开区", "自由贸易试验区", "自贸试验区", "自贸区", "试验区", "保税区",
)  # fmt: skip
#: Endings of a free trade zone, whose areas (片区) govern their own part of it: 中国（上海）自由贸易试验区
#: 临港新片区, 中国（河南）自由贸易试验区郑州片区.
FREE_TRADE_ENDINGS: tuple[str, ...] = ("自由贸易试验区", "自贸试验区", "自贸区")
#: What may follow a bare 州 for it to end a place name: an organ of the prefecture.
_AFTER_BARE_ZHOU = r"(?=人民政府|政府|党委|委员会|委|人大|政协|[^" + CJK + r"]|$)"

#: A place name at the start of a text: one administrative unit. An ordinary stem is one to
#: five characters (沛县, 乌鲁木齐市), a banner's or an autonomous unit's up to ten.
PLACE = lazy(rf"""(?P<p>[{CJK}]{{1,10}}?(?:{'|'.join(AUTONOMOUS_ENDINGS)})
                   | [{CJK}]{{1,8}}?旗
                   | [{CJK}]{{1,5}}?(?:地区|省|市|盟|县|区)
                   | [{CJK}]{{1,4}}?州{_AFTER_BARE_ZHOU})""", re.VERBOSE)
#: A development zone named in full at the start of a text; a national free trade zone names its
#: province in brackets (中国（上海）自由贸易试验区).
ZONE = lazy(rf"(?P<p>(?:中国[(（][{CJK}]{{2,8}}[)）][{CJK}]{{0,14}}?|[{CJK}]{{2,14}}?)(?:{'|'.join(ZONE_ENDINGS)}))")
#: An area of a free trade zone, named right after it: …自由贸易试验区临港新片区 → 临港新片区.
FREE_TRADE_AREA = lazy(rf"(?P<p>[{CJK}]{{2,6}}?片区)")
#: Words that never occur in a place name (they mark a false PLACE match, or a verb phrase).
NOT_PLACE = lazy(r"知识|产权|建设|推进|加快|关于|发展|强|试点|示范|国家|工作|服务|管理|全|本|我|各|该|印发|人民|"
                 r"第|实施|创建|打造|争创|开展|促进|提升|支持|深化|做好|加强|完善|落实|贯彻|质量|城市|城乡|市场|中共|委员会|"
                 r"同意|设立|批复|规划|条例|办法|政府|级|都市|城区|园区"
                 # two level characters name no place: 市市场监管局 is the city's bureau, 省市 both levels
                 rf"|^[{LEVEL_CHARS}]{{2}}$")


class LevelRule(NamedTuple):
    level: str
    endings: tuple[str, ...]  # a region whose name ends with one of these (and is longer)
    examples: tuple[str, ...]  # regions that must get this level
    near_misses: tuple[str, ...]  # regions that must not


#: The longest ending that ends the name gives the level: 自治区 (province) and 地区 (city)
#: before 区 (district), 自治州 (city) before 州.
REGION_LEVELS: tuple[LevelRule, ...] = (
    LevelRule("national", (), ("全国",), ("全国性",)),
    LevelRule("province", ("省", "自治区", "特别行政区"),
              ("浙江省", "广西壮族自治区", "香港特别行政区"), ("天河区", "省")),
    LevelRule("city", ("市", "自治州", "地区", "盟", "州"),
              ("湖州市", "安徽省亳州市", "北京市", "延边朝鲜族自治州", "阿勒泰地区", "锡林郭勒盟", "阿坝州"),
              ("通州区", "全国")),
    LevelRule("district", ("自治县", "自治旗", *ZONE_ENDINGS, "区", "县", "旗"),
              ("广州市天河区", "通州区", "长兴县", "木兰县", "荆门高新区", "威海火炬高技术产业开发区", "达尔罕茂明安联合旗"),
              ("安徽省", "宁波市")),
)


def region_level(region: str | None) -> str | None:
    """The level of a region by its name's ending, or None.

    >>> region_level("浙江省"), region_level("广州市天河区"), region_level("湖州市"), region_level("全国")
    ('province', 'district', 'city', 'national')
    >>> region_level("长三角") is None, region_level(None) is None
    (True, True)
    """
    if not region:
        return None
    if region == NATIONAL:
        return "national"
    found = [(len(end), rule.level) for rule in REGION_LEVELS for end in rule.endings
             if region.endswith(end) and region != end]
    return max(found)[1] if found else None


def wider(name: str, than: str) -> bool:
    """Whether a place is of a higher level than another (both levels known): a place named after
    a smaller one is not inside it (通州区江苏省…示范区: 江苏省 is a designation's, not a part of 通州区).

    >>> wider("江苏省", "通州区"), wider("通州区", "江苏省"), wider("湖州市", "长兴县"), wider("北京市", "上海市")
    (True, False, True, False)
    """
    order = [rule.level for rule in REGION_LEVELS]
    a, b = region_level(name), region_level(than)
    return a is not None and b is not None and order.index(a) < order.index(b)


# ---------------------------------------------------------------- the gazetteer

class Unit(NamedTuple):
    """An administrative unit of the gazetteer (parse/data/places.txt, GB/T 2260)."""

    code: str  # six digits: 33 (province) 05 (prefecture) 02 (county)
    name: str  # 湖州市, 凉山彝族自治州
    stem: str  # the name without its ending and peoples: 湖州, 凉山
    word: bool  # the stem is also an everyday word (合作 of 合作市): never counted without its ending


@functools.cache
def gazetteer() -> tuple[Unit, ...]:
    """Every unit of parse/data/places.txt (made by scripts/make_places.py), read on first use."""
    from importlib import resources

    text = resources.files("ipplan.parse.data").joinpath("places.txt").read_text("utf-8")
    return tuple(Unit(f[0], f[1], f[2], len(f) > 3 and f[3] == "word")
                 for line in text.splitlines() if line and not line.startswith("#") for f in [line.split("\t")])


#: The endings of the units a government of each level governs, by how it names its level
#: (我代表市人民政府 → 市: 湖州市, 天门市; 州 → 凉山彝族自治州; 自治区 → 广西壮族自治区).
LEVEL_UNITS: dict[str, tuple[str, ...]] = {
    "省": ("省",), "自治区": ("自治区",), "市": ("市",), "州": ("自治州",), "自治州": ("自治州",), "盟": ("盟",),
    "县": ("县",), "自治县": ("自治县",), "旗": ("旗",), "自治旗": ("自治旗",), "区": ("区",),
}
#: Units a 区 government never governs: they end with 区 but are a province (自治区, 特别行政区)
#: or a prefecture (地区).
NOT_DISTRICT_ENDINGS: tuple[str, ...] = ("自治区", "特别行政区", "地区")
#: A report's own place is named at least this often, and this many times as often as any other
#: place of its level.
OWN_PLACE_MIN = 5
OWN_PLACE_RATIO = 2


@functools.cache
def prefecture_stems() -> frozenset[str]:
    """Stems of the autonomous prefectures, printed with a bare 州 (阿坝州, 凉山州, 黔东南州)."""
    return frozenset(u.stem for u in gazetteer() if u.name.endswith("自治州"))


def short_prefecture(text: str, pos: int = 0) -> str | None:
    """The autonomous prefecture a text names at ``pos`` by its short name, as printed (阿坝州 of
    阿坝藏族羌族自治州, 黔东南州): a prefecture's stem and a bare 州; never a city whose name
    ends in 州 (杭州, 广州: their stems are no prefecture's).

    >>> short_prefecture("阿坝州政务数据资源管理暂行办法"), short_prefecture("杭州都市圈发展规划")
    ('阿坝州', None)
    """
    for k in range(2, 5):
        if text[pos + k: pos + k + 1] == "州" and text[pos: pos + k] in prefecture_stems():
            return text[pos: pos + k + 1]
    return None


@functools.cache
def units_of_level(level: str) -> tuple[Unit, ...]:
    """The gazetteer's units a government of ``level`` (市, 州, 县 …) may govern."""
    ends = LEVEL_UNITS.get(level, ())
    return tuple(u for u in gazetteer() if u.name.endswith(ends)
                 and not (level == "区" and u.name.endswith(NOT_DISTRICT_ENDINGS)))


@functools.cache
def _keys_of_level(level: str) -> dict[str, tuple[str, ...]]:
    """What a text is searched for, for each unit of ``level``: its stem, or its name where the
    stem is one character or an everyday word; a key two units share maps to both (朝阳区 of 北京 and
    of 长春), except one place's two rows: 重庆市 the province-level city and its city-level row of
    GB/T 2260 (same name, same province code)."""
    keys: dict[str, tuple[str, ...]] = {}
    seen: set[tuple[str, str]] = set()
    for u in units_of_level(level):
        key = u.name if u.word or len(u.stem) < 2 else u.stem
        if (u.name, u.code[:2]) not in seen:
            seen.add((u.name, u.code[:2]))
            keys[key] = keys.get(key, ()) + (u.name,)
    return keys


class OwnPlace(NamedTuple):
    """A text's own place as ``own_place`` reads it, with the counts it was judged on."""

    name: str  # as the text prints it (its full name, or a short form: 甘孜州)
    count: int  # how often the text names it
    next_count: int  # how often it names the next unit of its level


def own_place(text: str, level: str, least: int = OWN_PLACE_MIN, ratio: int = OWN_PLACE_RATIO) -> OwnPlace | None:
    """The unit of ``level`` a text speaks for, by how often it names it: the unit whose name
    (or stem, printed without its ending: 绍兴 for 绍兴市) the text prints at least
    OWN_PLACE_MIN times and OWN_PLACE_RATIO times as often as any other unit of that level.
    A stem that is also an everyday word counts only with its ending; a stem of one character
    never counts alone; a stem two units of the level share names neither.

    >>> own_place("绍兴港吞吐量增长。绍兴是一座水城。建设更美绍兴。绍兴黄酒。绍兴故事。宁波港。", "市")
    OwnPlace(name='绍兴市', count=5, next_count=1)
    >>> own_place("绍兴港吞吐量增长。绍兴是一座水城。建设更美绍兴。", "市") is None  # named too seldom
    True
    """
    pairs = {text[i: i + 2] for i in range(len(text) - 1)}  # a key whose first two characters are absent is
    counts = sorted(((n, key) for key in _keys_of_level(level)  # never counted (most are)
                     if key[:2] in pairs and (n := text.count(key))), reverse=True)
    if not counts:
        return None
    n, key = counts[0]
    second = counts[1][0] if len(counts) > 1 else 0
    names = _keys_of_level(level)[key]
    if n < least or (second and n < ratio * second) or len(names) > 1:
        return None
    return OwnPlace(as_printed(names[0], text), n, second)


#: How a text names its own jurisdiction by its level: 全盟, 我省, 本州 (not 全市场, 全区域, 全州县).
#: 区 is left out: 全区 is a district's and an autonomous region's alike.
SELF_LEVEL = lazy(rf"(?:全|我|本)(?P<l>[{LEVEL_CHARS.replace('区', '')}])(?![场域份县级])")
#: A text speaks for its level when it names it so this often, and this many times as often as any other.
SELF_LEVEL_MIN = 2
SELF_LEVEL_RATIO = 2


def self_level(text: str) -> tuple[str, int] | None:
    """The level a text speaks for (全盟, 我盟 … → 盟) with its count, when it names one level so
    at least SELF_LEVEL_MIN times and SELF_LEVEL_RATIO times as often as any other.

    >>> self_level("全盟商标工作。我盟企业。全盟品牌。全省支持。")
    ('盟', 3)
    >>> self_level("全市场监管。全区域覆盖。全市推进。") is None
    True
    >>> self_level("我省企业。全省推进。全市协同。")  # twice, and twice as often as 市
    ('省', 2)
    """
    counts: dict[str, int] = {}
    for m in SELF_LEVEL.finditer(text):
        counts[m["l"]] = counts.get(m["l"], 0) + 1
    ranked = sorted(((n, lv) for lv, n in counts.items()), reverse=True)
    if not ranked or ranked[0][0] < SELF_LEVEL_MIN or (len(ranked) > 1 and ranked[0][0] < SELF_LEVEL_RATIO * ranked[1][0]):
        return None
    return ranked[0][1], ranked[0][0]


def only_unit(text: str, level: str) -> OwnPlace | None:
    """The one unit of ``level`` a text names (by its name or stem, as ``own_place`` counts), when it
    names no other unit of that level.

    >>> only_unit("审定“兴安盟知名商标”。全盟推进。", "盟")
    OwnPlace(name='兴安盟', count=1, next_count=0)
    >>> only_unit("兴安盟与锡林郭勒盟合作。", "盟") is None
    True
    """
    found = own_place(text, level, least=1)
    return found if found is not None and found.next_count == 0 else None


#: The short ending an autonomous unit is printed with beside its stem (阿坝州, 秀山县).
_SHORT_ENDINGS = {"自治州": "州", "自治县": "县", "自治旗": "旗"}


def as_printed(name: str, text: str) -> str:
    """A unit's name as the text prints it: its full name when printed, else an autonomous unit's
    short form when printed (阿坝州 for 阿坝藏族羌族自治州), else the full name."""
    if name in text:
        return name
    unit = next(u for u in gazetteer() if u.name == name)
    ending = next((e for e in _SHORT_ENDINGS if name.endswith(e)), None)
    short = unit.stem + _SHORT_ENDINGS[ending] if ending else None
    return short if short and short in text else name
