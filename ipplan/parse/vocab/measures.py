"""Money units and the written form of a measure word, one home for the targets and tables
stages (target-table headers print 发明专利年申请量 (件), 质押融资登记额 (亿元))."""

from __future__ import annotations

#: Money units with their magnitude folded in: 50亿元 is 5,000,000,000 元.
MONEY_UNITS: dict[str, tuple[int, str]] = {
    "元": (1, "元"), "万元": (10_000, "元"), "亿元": (100_000_000, "元"), "千万元": (10_000_000, "元"),
    "美元": (1, "美元"), "万美元": (10_000, "美元"), "亿美元": (100_000_000, "美元"),
}
#: One written form per unit: ％ is %, 百分点 is 个百分点, 个半天 is 半天 (个 is the classifier).
UNIT_FORMS: dict[str, str] = {"百分点": "个百分点", "％": "%", "个半天": "半天"}
