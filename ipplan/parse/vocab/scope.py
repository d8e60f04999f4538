"""Scope words: what a plan writes before an indicator to say where or how it counts
(全市, 我省, 累计) and hedges (力争, 原则上). Dropped from the start of an indicator; the gold
guide keeps distributive scope (各区, 每个县, 每万人), so those are not here. One list for every
stage (the targets stage and the indicator canonicalizer used to keep one each)."""

from __future__ import annotations

#: Collective scope: the whole jurisdiction (never distributive 各区 / 每万人).
COLLECTIVE_SCOPE: tuple[str, ...] = (
    "全市", "我市", "全省", "我省", "本市", "本省", "全区", "我区", "全县", "我县", "全州", "行政区域内", "所有",
)
#: Kind and time words written before an indicator: 累计 (the kind), 每年/年均 (annual).
KIND_WORDS: tuple[str, ...] = ("累计", "其中", "分别", "每年", "年均")
#: Hedges and manner adverbs: 力争达到, 原则上, 逐步.
HEDGES: tuple[str, ...] = (
    "力争", "原则上", "争取", "努力", "确保", "预计", "计划", "梯度", "分领域", "分批", "逐步", "持续", "进一步", "率先",
)
#: The year a report's target is for, written before its indicator (全年城镇新增就业9.4万人 → 城镇新增就业).
TIME_WORDS: tuple[str, ...] = ("今年", "全年", "年内", "明年")
SCOPE_WORDS: tuple[str, ...] = COLLECTIVE_SCOPE + KIND_WORDS + HEDGES + TIME_WORDS
#: A scope word that names two groups at once, in the order a list of two values gives them
#: (城乡居民人均可支配收入分别增长6%和8% → 城镇居民…, 农村居民…).
PAIRED_SCOPES: dict[str, tuple[str, str]] = {"城乡": ("城镇", "农村")}

#: Bodies whose make-up a text states (联席会议由29个成员单位组成, 领导小组下设3个工作组, 专家组由5名专家组成):
#: a count of who sits in a body is its scope, not a target.
BODIES: tuple[str, ...] = (
    "联席会议", "领导小组", "工作小组", "委员会", "工作组", "工作专班", "专班", "办公室", "秘书处", "专家组", "专家委员会",
    "指挥部", "评审组", "合议组", "协调小组", "推进组", "理事会",
)
#: Words naming the members of a body (成员单位共23个, 组成部门18个).
MEMBER_WORDS: tuple[str, ...] = ("成员单位", "组成单位", "组成部门", "成员", "委员", "联络员", "召集人", "副召集人")
