"""文种: the words a 公文's title ends with (…实施方案, …的通知), one home for the header
(titles, 文种, annual plans) and the layout repair of glued header lines."""

from __future__ import annotations

#: 文种 a title ends with (before a bracketed period or (试行)); longer words first where
#: one ends another (实施方案 before 方案).
DOC_TYPES: tuple[str, ...] = (
    "实施方案", "工作方案", "方案", "行动计划", "计划", "规划", "纲要", "意见", "办法", "细则", "措施", "要点",
    "规定", "指南", "指引", "清单", "举措", "条例", "决定", "通知", "通告", "公告", "报告", "批复", "通报", "函",
    "行动", "规则", "标准", "纪要", "决议", "命令",
)  # fmt: skip
#: The 文种 of a law's name (中华人民共和国专利法, 民法典): read only from a line already known to be a
#: title (a regulation's name line), never to find one; a title ending in one of
#: ``NOT_LAW_ENDINGS`` (…的方法, 依法, 执法) names no law.
LAW_TYPES: tuple[str, ...] = ("法典", "法")
NOT_LAW_ENDINGS: tuple[str, ...] = (
    "方法", "办法", "做法", "作法", "依法", "执法", "司法", "立法", "违法", "合法", "非法", "守法", "用法", "说法", "看法",
    "想法", "手法", "算法", "疗法", "语法", "书法", "技法", "写法", "章法",
)  # fmt: skip
#: The 文种 a plan's meta records for a longer type word.
DOC_TYPE_OF: dict[str, str] = {"实施方案": "方案", "工作方案": "方案", "行动计划": "计划"}

#: 文种 of a covering notice that publishes a document: X关于印发《Y》的通知.
COVERING_TYPES: tuple[str, ...] = ("通知", "决定", "通告", "公告")
#: 文种 of a 关于…的 title heading a 公文, that a scraper may glue to its 文号 or addressees.
HEAD_TYPES: tuple[str, ...] = ("通知", "意见", "决定", "通告", "函", "批复", "通报")
#: Types of a plan for one year (2023年…工作要点, 2026年…招生工作方案, 2022年…考评办法): its year is its period.
ANNUAL_TYPES: tuple[str, ...] = ("要点", "计划", "方案", "安排", "任务", "清单", "办法", "细则", "指引")
