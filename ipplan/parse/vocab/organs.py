"""Organ names: the endings that make a phrase name an organ (市科技局, 县人民政府, 领导小组).
One list for every stage that must tell an organ from other words: the header (signature,
issuer, addressees), the units (a bracket naming an organ is an alias) and the tables."""

from __future__ import annotations


from ipplan.parse.numerals import CN_COUNT_CLASS
from ipplan.parse.rules import lazy
from ipplan.parse.vocab.places import LEVEL_CHARS, PLACE_ENDINGS
from ipplan.parse.vocab.text import CJK

#: Endings of organ names, longest first where one ends another (委员会 before 会).
ORGAN_ENDINGS: tuple[str, ...] = (
    "人民政府", "政府", "办公室", "办公厅", "部门", "单位", "机构", "总社", "公司", "集团", "委员会", "管委会", "领导小组", "小组", "中心", "委", "厅", "局", "部",
    "院", "会", "处", "所", "署", "办", "室", "组", "行", "站", "队", "庭",
    # people's organisations and customs named by their short forms (市科协, 市妇联, 湖州海关)
    "海关", "科协", "妇联", "残联", "侨联", "文联", "工商联", "社科联",
)
#: A name ending with an organ word (optionally followed by a short bracketed alias).
ORGAN_END = lazy("(?:" + "|".join(ORGAN_ENDINGS) + r")(?:[(（〔][^()（）〔〕]{1,15}[)）〕])?$")

#: Endings of a table cell's paragraph that names a unit (formats/layout.py joins two such
#: paragraphs of one cell with 、): organs, and the institutions a table lists (银行, 大学, 馆 …).
CELL_UNIT_ENDINGS: tuple[str, ...] = (
    "局", "办", "办公室", "部", "委", "委员会", "会", "院", "厅", "中心", "政府", "公司", "集团", "银行", "所", "馆", "处",
    "署", "站", "队", "社", "团", "校", "大学", "学院", "协会", "联合会", "室", "组", "单位", "部门",
)  # fmt: skip

#: Endings of a signing organ (…人民政府, …办公室, …局) where a scraper glued its signature to the date.
SIGNATURE_ENDINGS: tuple[str, ...] = ("人民政府", "政府", "办公室", "办公厅", "委员会", "局", "厅")

#: The endings an organ names itself by in its own notice: 我局, 我委, 我厅, 我办.
SELF_NAMES: tuple[str, ...] = ("局", "委", "厅", "办")

#: Collective words that close an addressee or a signature as an organ name does
#: (市政府各部门, 各有关单位, 各直属机构, 各社会团体, 各人民团体, 有关高校); not organ endings for the units stage.
COLLECTIVE_ENDINGS: tuple[str, ...] = (
    "部门", "单位", "机构", "机关", "企业", "学校", "高校", "院校", "幼儿园", "医院", "协会", "学会", "兵团", "团体",
)
#: An organ or collective name: ends like one (optionally with a short bracketed alias).
NAMED_BODY_END = lazy(
    "(?:" + "|".join(ORGAN_ENDINGS + COLLECTIVE_ENDINGS) + r")(?:[(（〔][^()（）〔〕]{1,15}[)）〕])?$"
)

#: The places of one level together, which a clause may make responsible beside organs
#: (（知识产权局牵头，各地区按职责分工负责）, 各县（市、区）, 各市县, 各乡镇（街道）).
PLACE_COLLECTIVE = lazy(rf"各[{CJK}]{{0,3}}?(?:{'|'.join(PLACE_ENDINGS)}|地方|地|乡镇|镇|街道)(?:[(（][^()（）]{{1,10}}[)）])?")

#: A bare level of government heading a 、-run whose last item names the organ they share
#: (各市、县政府; 省、市、县知识产权局; 各省、自治区、直辖市人民政府): the run is one name.
LEVEL_HEAD = lazy(rf"各?(?:[{LEVEL_CHARS}乡镇]|自治区|自治州|自治县|直辖市|计划单列市)")

# ---------------------------------------------------------------- central organs

#: How the name of a central organ starts: 国务院办公厅, 国家知识产权局, 中共中央办公厅,
#: 全国人民代表大会常务委员会, 全国打击侵权假冒工作领导小组, 最高人民法院, 中央网信办.
NATIONAL_PREFIXES: tuple[str, ...] = (
    "中华人民共和国", "中国共产党中央", "中共中央", "国务院", "国家", "中央", "全国", "最高人民",
)
#: Central organs whose names carry no national prefix: the ministries and commissions, their
#: directly affiliated bodies and the people's organisations, as printed in full and in the
#: short forms of joint signatures and addressee lists (发展改革委, 人民银行, 市场监管总局).
NATIONAL_ORGANS: tuple[str, ...] = (
    "外交部", "国防部", "教育部", "科学技术部", "科技部", "工业和信息化部", "工信部", "公安部", "民政部", "司法部",
    "财政部", "人力资源和社会保障部", "人力资源社会保障部", "人社部", "自然资源部", "生态环境部", "住房和城乡建设部",
    "住房城乡建设部", "交通运输部", "水利部", "农业农村部", "农业部", "商务部", "文化和旅游部", "文化部",
    "退役军人事务部", "退役军人部", "住建部", "文旅部", "应急管理部", "审计署", "海关总署", "市场监管总局", "税务总局", "广电总局", "体育总局",
    "金融监管总局", "新闻出版署", "发展改革委", "卫生健康委", "中国人民银行", "人民银行", "中国科学院",
    "中国工程院", "中国社会科学院", "中国科协", "中国贸促会", "中国气象局", "中国地震局", "中国民用航空局",
    "民航局", "中国证监会", "证监会", "银保监会", "中国银保监会", "工商总局", "质检总局", "食品药品监管总局",
    "共青团中央", "中华全国总工会", "全国总工会", "全国妇联", "全国工商联", "中国残联", "中国侨联", "中国文联",
    "中国作协", "中国国家铁路集团有限公司",
    "国铁集团", "中国银行保险监督管理委员会", "中国证券监督管理委员会",
)  # fmt: skip
#: A word that only a central organ's name holds: 部际联席会议 (an inter-ministerial body).
NATIONAL_MARKS: tuple[str, ...] = ("部际",)

#: Endings of a branch of an organ named after it: 国家税务总局浙江省税务局 is one organ, and so
#: is 广州市公安局天河区分局 (never two joint issuers).
BRANCH_ENDINGS: tuple[str, ...] = ("分局", "分行", "支行", "分中心", "分院", "分所", "分会", "办事处", "派出所", "调查队")

#: The party committee and government of one place, whose 各 a 、-list shares (县委、县政府各有关部门).
LEADING_BODIES: tuple[str, ...] = ("委", "人民政府", "政府")

#: 发文字号 organ codes of central organs, longest first: 国办发〔2018〕128号 is the State
#: Council General Office's. A local code starts with its place's one-character name, which
#: no code here does.
NATIONAL_DOC_CODES: tuple[tuple[str, str], ...] = (
    ("国知办发", "国家知识产权局办公室"), ("国知办函", "国家知识产权局办公室"), ("国知发", "国家知识产权局"),
    ("国知函", "国家知识产权局"), ("国办发", "国务院办公厅"), ("国办函", "国务院办公厅"), ("国发", "国务院"),
    ("国函", "国务院"), ("国令", "国务院"), ("工信部", "工业和信息化部"),
)  # fmt: skip

#: A count of bodies standing for their names in a headline: 两部门, 等八部门, 等4部门, 多部门.
COUNT_BODY = lazy(rf"等?\s*(?:[\d{CN_COUNT_CLASS}两多]+\s*个?)(?:部门|单位|部委|机关)")
_NATIONAL_START = lazy("(?:" + "|".join(NATIONAL_PREFIXES + NATIONAL_ORGANS) + ")")


def is_count_body(name: str) -> bool:
    """A headline's count of bodies (两部门, 等八部门), never an organ's name.

    >>> is_count_body("两部门"), is_count_body("等8部门"), is_count_body("市直有关部门")
    (True, True, False)
    """
    return COUNT_BODY.fullmatch(name.strip()) is not None


def starts_national(name: str) -> bool:
    """A name that starts as a central organ's does (a national prefix or a central organ's own name)."""
    return _NATIONAL_START.match(name.strip()) is not None


def is_national(name: str) -> bool:
    """A central organ: its name starts with a national prefix or is a central organ's own name
    (教育部, 市场监管总局), or holds a word only central organs hold (部际联席会议).

    >>> is_national("国家知识产权局"), is_national("工业和信息化部办公厅"), is_national("国务院知识产权战略实施工作部际联席会议")
    (True, True, True)
    >>> is_national("浙江省知识产权局"), is_national("市场监管局")
    (False, False)
    """
    return starts_national(name) or any(mark in name for mark in NATIONAL_MARKS)
