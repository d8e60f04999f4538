"""Administrative levels of a plan's region (meta.region), read from how the name ends:
全国 → national, 浙江省 → province, 湖州市 → city, 天河区 → district. For the views (the
plans table of ``ipplan report``, the exports, the SQLite database); nothing is stored
in a plan. A municipality reads as its ending says (北京市 → city), as the shared corpus
labels it; a name that ends in none of these has no level (None), never a guess."""

from __future__ import annotations

from typing import NamedTuple


class LevelRule(NamedTuple):
    level: str
    endings: tuple[str, ...]  # a region whose name ends with one of these (and is longer)
    examples: tuple[str, ...]  # regions that must get this level
    near_misses: tuple[str, ...]  # regions that must not


#: The whole country, as header.py writes it for a national plan.
NATIONAL = "全国"
#: The longest ending that ends the name gives the level: 自治区 (province) and 地区 (city)
#: before 区 (district), 自治州 (city) before 州.
REGION_LEVELS: tuple[LevelRule, ...] = (
    LevelRule("national", (), ("全国",), ("全国性",)),
    LevelRule("province", ("省", "自治区", "特别行政区"),
              ("浙江省", "广西壮族自治区", "香港特别行政区"), ("天河区", "省")),
    LevelRule("city", ("市", "自治州", "地区", "盟", "州"),
              ("湖州市", "安徽省亳州市", "北京市", "延边朝鲜族自治州", "阿勒泰地区", "锡林郭勒盟"),
              ("通州区", "全国")),
    LevelRule("district", ("自治县", "开发区", "高新区", "新区", "经开区", "试验区", "区", "县", "旗"),
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
