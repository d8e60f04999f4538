"""Organ names: the endings that make a phrase name an organ (市科技局, 县人民政府, 领导小组).
One list for every stage that must tell an organ from other words: the header (signature,
issuer, addressees), the units (a bracket naming an organ is an alias) and the tables."""

from __future__ import annotations

import re

from ipplan.parse.rules import lazy

#: Endings of organ names, longest first where one ends another (委员会 before 会).
ORGAN_ENDINGS: tuple[str, ...] = (
    "人民政府", "政府", "办公室", "办公厅", "部门", "单位", "机构", "总社", "公司", "集团", "委员会", "管委会", "领导小组", "小组", "中心", "委", "厅", "局", "部",
    "院", "会", "处", "所", "署", "办", "室", "组", "行", "站", "队", "庭",
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
#: (市政府各部门, 各有关单位, 各直属机构); not organ endings for the units stage.
COLLECTIVE_ENDINGS: tuple[str, ...] = ("部门", "单位", "机构", "机关", "企业", "学校", "幼儿园", "医院", "协会", "学会")
#: An organ or collective name: ends like one (optionally with a short bracketed alias).
NAMED_BODY_END = lazy(
    "(?:" + "|".join(ORGAN_ENDINGS + COLLECTIVE_ENDINGS) + r")(?:[(（〔][^()（）〔〕]{1,15}[)）〕])?$"
)
