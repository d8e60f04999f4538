"""Measure words, magnitudes and money units: one home for every stage that reads a number
with its measure (the targets stage, target-table headers such as 发明专利年申请量 (件), and
the outline, where a bare number before a measure is no item: 2艘科考船, 3个工作日).

Adding a measure word here makes it one for all of them: 不少于3艘 and 不少于三艘 become
targets, and ``2艘科考船…`` is no longer read as item 2 of an open list.
"""

from __future__ import annotations

import functools
import re
from decimal import Decimal

from ipplan import patterncache
from ipplan.parse.numerals import CN_DIGIT_CLASS

#: Measure words (longest first when matched). A quantity needs one of them.
MEASURES: tuple[str, ...] = (
    "个百分点", "个工作日", "个半天", "平方公里", "个月", "工作日", "平方米", "小时", "人次", "场次", "家次", "项次",
    "件次", "万元", "亿元", "公顷", "百分点", "美元", "千瓦", "公里", "毫米", "半天", "间", "类", "份", "字", "张",
    "件", "家", "个", "项", "元", "%", "％", "人", "名", "场", "次", "单", "枚", "所", "座", "条", "篇", "部", "户",
    "款", "套", "台", "处", "支", "种", "门", "期", "届", "倍", "亩", "吨", "本", "册", "集", "首", "幅", "例", "天",
    "艘", "斤", "头", "标箱", "立方米", "株", "辆", "米",
)  # fmt: skip

#: A measure word followed by one of these characters starts another word (17部门, 名单,
#: 家庭, 人才), not a measure.
MEASURE_NOT_BEFORE: dict[str, str] = {
    "部": "门分署位", "名": "单称录牌", "家": "庭族乡", "人": "民员才口均", "个": "人体性", "次": "要序",
    "条": "件例", "种": "子植类", "处": "理置罚", "台": "湾", "期": "间限", "所": "在属有", "门": "类槛户",
    "届": "时", "集": "团群聚成中约", "本": "市省地级", "首": "家位台次个", "天": "然津下地空", "间": "断隔接",
    "类": "似型别", "份": "额子", "字": "号段", "张": "贴", "头": "部脑条等像雁羊", "斤": "两",
    "米": "粮饭面粉线酒林", "株": "洲",
}  # fmt: skip

#: Measures that count items (个 项 家 …): a money amount before a noun and such a count
#: sizes the counted item (过50亿元项目5个以上).
COUNT_MEASURES: tuple[str, ...] = ("个", "项", "家", "座", "所", "处", "条", "件", "户", "台", "套", "支")
#: Nouns a small Chinese count names the parts of a framework, a slogan or a policy with, not
#: things to build (十个方面, 三个阶段, 两个确保, 四个坚持, 两个市场, 支持…发展十二条措施): a count
#: before one is no target.
FRAMEWORK_NOUNS: tuple[str, ...] = (
    "方面", "阶段", "环节", "层面", "层次", "维度", "领域", "重点", "原则", "坚持", "确保", "转变", "突破", "结合",
    "统筹", "主线", "抓手", "着力点", "支撑", "必须", "优先", "市场", "资源", "作用", "意识", "自信", "维护",
    "目标", "任务", "步骤", "步", "措施", "举措", "意见", "规定", "政策", "板块", "区块", "链条", "轮", "批", "方向", "途径", "渠道", "关系", "问题",
)  # fmt: skip
#: Measures of a physical capacity (1万吨进口牛肉加工项目: the project's size, part of its name).
CAPACITY_MEASURES: tuple[str, ...] = ("吨", "千瓦", "平方米", "立方米", "亩", "公里", "标箱")

#: Magnitude words between a number and its measure (1.8万件, 50亿元, 3千人).
MAGNITUDE_WORDS: dict[str, int] = {
    "万亿": 1_000_000_000_000, "千万": 10_000_000, "百万": 1_000_000, "万": 10_000, "亿": 100_000_000, "千": 1000,
    "百": 100,
}  # fmt: skip

#: Measures of a duration (3个月内出台: a procedure's deadline when 内/前/后 follows) and of
#: a frequency (每年调整1次, 每周2个半天).
DURATIONS: tuple[str, ...] = ("个月", "个工作日", "工作日", "天", "日", "周", "小时")
FREQUENCIES: tuple[str, ...] = ("次", "半天", "个半天")
#: Steps of a procedure whose length a notice states (公示期为5个工作日, 征求意见时间为30天, 异议期7日):
#: the period of a procedure, never a target. (审查 / 审批 / 办理 are left out: 审查周期压减至15个工作日
#: and 办理时限缩短到3个工作日 are targets of a plan.)
PROCEDURE_STEPS: tuple[str, ...] = (
    "公示", "公告", "征求意见", "异议", "申报", "报名", "受理", "评审", "审核", "复核", "答辩", "整改", "试用",
    "有效", "过渡", "观察", "考察", "宽限", "公开", "反馈意见", "意见反馈",
)
#: Words that give an event's length (活动为期7天, 会议历时2小时, 于4月20日-25日连续5天): a period, never a target.
PERIOD_WORDS: tuple[str, ...] = ("为期", "历时", "耗时", "用时", "会期", "时长为", "连续")

#: Calendar and age words after a number (2022年, 3月, 15日, 8号, 60岁): dates and ages,
#: never a count and never an item number.
CALENDAR_WORDS: tuple[str, ...] = ("年", "月", "日", "号", "岁")

#: Money units with their magnitude folded in: 50亿元 is 5,000,000,000 元.
MONEY_UNITS: dict[str, tuple[int, str]] = {
    "元": (1, "元"), "万元": (10_000, "元"), "亿元": (100_000_000, "元"), "千万元": (10_000_000, "元"),
    "美元": (1, "美元"), "万美元": (10_000, "美元"), "亿美元": (100_000_000, "美元"),
}
#: One written form per unit: ％ is %, 个百分点 is 百分点 (as the gold guide writes it), 个半天 is
#: 半天 (个 is the classifier).
UNIT_FORMS: dict[str, str] = {"个百分点": "百分点", "％": "%", "个半天": "半天"}


def alternation(words: tuple[str, ...] | list[str]) -> str:
    """A regex alternation of ``words``, longest first (so 个工作日 wins over 个)."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def unit_scale(unit: str, magnitude: str | None = None) -> tuple[str, Decimal]:
    """A measure as printed, with the magnitude word before it, as (unit, scale): 亿元 →
    ("元", 10⁸), 万 + 件 → ("件", 10⁴), ％ → ("%", 1), 个百分点 → ("百分点", 1)."""
    scale = Decimal(MAGNITUDE_WORDS[magnitude]) if magnitude else Decimal(1)
    if unit in MONEY_UNITS:
        factor, unit = MONEY_UNITS[unit]
        scale *= factor
    return UNIT_FORMS.get(unit, unit), scale


@functools.cache
def _maybe_quantity() -> re.Pattern[str]:
    return patterncache.compile(rf"[0-9百千万]|一半|[{CN_DIGIT_CLASS}十]{{1,3}}(?:{alternation(MEASURES)})")


def may_hold_quantity(text: str) -> bool:
    """A cheap test before reading quantities: a digit, a magnitude, 一半, or a small Chinese
    numeral before a measure word (三艘, 两名). Text without any holds no quantity."""
    return _maybe_quantity().search(text) is not None
