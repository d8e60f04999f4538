"""Header shapes of web excerpts, second round: a notice title without 关于, a plan title whose
bracketed year is printed on the next line, a news headline above a 文号 and the notice title, a
文号 followed by the notice title in 《》, a red-head letterhead broken by the layout, a title that
starts with its place and then names a designation of a higher level, and an organ printed before
the document's own title on one pasted line. Every text is written in the shape found on real
pages, with its near-misses; expected values come from reading the text."""

from __future__ import annotations

import pytest

import ipplan

BODY = "\n一、总体要求\n（一）指导思想。坚持创新驱动，推进强市建设。"


def meta(head: str):
    return ipplan.parse_text(head + BODY).meta


# ---------------------------------------------------------------- 1. ORGAN印发X的通知 (no 关于, no 《》)

def test_notice_title_without_guanyu() -> None:
    m = meta("某市人民政府办公厅印发某市知识产权强市建设工作分解方案的通知\n（某府办〔2020〕7号）\n各区人民政府，市政府各部门：\n"
             "《某市知识产权强市建设工作分解方案》已经市政府同意，现印发给你们。\n某市人民政府办公厅\n2020年6月30日\n"
             "某市知识产权强市建设工作分解方案")
    assert m.notice_title == "某市人民政府办公厅印发某市知识产权强市建设工作分解方案的通知"
    assert m.title == "某市知识产权强市建设工作分解方案"
    assert (m.doc_number, m.issuer, m.region) == ("某府办〔2020〕7号", "某市人民政府办公厅", "某市")


def test_news_headline_is_no_notice_title() -> None:
    m = meta("某省知识产权局印发《某省专利转化运用工作方案》\n发布时间：2023-04-01")
    assert m.notice_title is None
    assert m.title == "某省专利转化运用工作方案"


# ---------------------------------------------------------------- 2. (2024) on the line under the title

@pytest.mark.parametrize(("second", "title", "period"), [
    ("(2024)", "推动知识产权事业发展年度工作指引(2024)", (2024, 2024)),
    ("（2023）", "推动知识产权事业发展年度工作指引（2023）", (2023, 2023)),
    ("(2023-2025年)", "推动知识产权事业发展年度工作指引(2023-2025年)", (2023, 2025)),
])
def test_bracketed_year_on_its_own_line_closes_the_title(second: str, title: str, period) -> None:  # type: ignore[no-untyped-def]
    m = meta(f"某知发〔2024〕7号\n各省知识产权局：\n现将指引印发给你们，请认真落实。\n某国家局\n2024年3月29日\n"
             f"推动知识产权事业发展年度工作指引\n{second}")
    assert m.title == title
    assert (m.period.start, m.period.end) == period


def test_bracket_of_a_year_with_nian_is_not_joined() -> None:
    m = meta("推动知识产权事业发展年度工作指引\n(2024年)")
    assert m.title == "推动知识产权事业发展年度工作指引"


# ---------------------------------------------------------------- 3. headline / 文号 / notice title

def test_doc_number_line_ends_the_headline_above_the_notice_title() -> None:
    m = meta("首页>要闻\n某省版权局印发《某省版权工作规划》\n某版发〔2021〕2号\n某省版权局关于印发《某省版权工作规划》的通知\n"
             "各市版权局：\n现将《某省版权工作规划》印发给你们，请认真落实。\n某省版权局\n2021年12月24日\n某省版权工作规划")
    assert m.notice_title == "某省版权局关于印发《某省版权工作规划》的通知"
    assert m.doc_number == "某版发〔2021〕2号"
    assert m.title == "某省版权工作规划"


def test_notice_title_broken_over_lines_is_still_joined() -> None:  # near-miss: no 文号 between
    m = meta("某省版权局关于印发《某省版权\n工作规划》的通知\n各市版权局：\n现将规划印发给你们。")
    assert m.notice_title == "某省版权局关于印发《某省版权工作规划》的通知"


# ---------------------------------------------------------------- 4. 文号《notice title》 on one line

def test_doc_number_before_a_notice_title_in_book_brackets() -> None:
    m = meta("某办发〔2016〕25号《某省人民政府办公厅关于印发2016年某省知识产权保护工作要点的通知》\n"
             "某省人民政府办公厅关于印发2016年某省知识产权保护工作要点的通知\n各市人民政府：\n现将要点印发给你们。\n"
             "某省人民政府办公厅\n2016年4月19日\n2016年某省知识产权保护工作要点")
    assert m.doc_number == "某办发〔2016〕25号"
    assert m.notice_title == "某省人民政府办公厅关于印发2016年某省知识产权保护工作要点的通知"


def test_doc_number_before_a_cited_plan_is_no_header() -> None:
    m = meta("某市知识产权工作要点\n某办发〔2016〕25号《某市知识产权保护工作要点》印发后各地认真落实。")
    assert m.doc_number is None


# ---------------------------------------------------------------- 5. a letterhead broken by the layout

LEADING_GROUP = "全国推进知识产权和质量品牌工作领导小组"


@pytest.mark.parametrize("letterhead", [
    "全国推进知识产权和质量 品牌工作领导小组 文件",  # one line, a space where the name was broken
    "全国推进知识产权和质量\n\n品牌工作领导小组 文件",  # two lines
])
def test_broken_letterhead_names_the_issuer(letterhead: str) -> None:
    m = meta(f"您的位置：首页 > 文件\n{letterhead}\n2023年全国知识产权和质量品牌工作要点")
    assert (m.issuer, m.region) == (LEADING_GROUP, "全国")


def test_letterhead_after_an_unrelated_line_is_not_joined() -> None:
    m = meta("法律法规\n某市知识产权工作领导小组 文件\n2023年某市知识产权工作要点")
    assert m.issuer == "某市知识产权工作领导小组"


# ---------------------------------------------------------------- 6. a place, then a higher level's designation

@pytest.mark.parametrize(("title", "region"), [
    ("某某区江苏省知识产权保护示范区建设工作方案(2022-2025年)", "某某区"),  # the district builds the province's 示范区
    ("某某县浙江省知识产权强县建设实施方案", "某某县"),
    ("江苏省南京市知识产权保护示范区建设方案", "南京市"),  # near-miss: a city inside its province
    ("江苏省知识产权保护示范区建设工作方案", "江苏省"),
])
def test_region_of_a_title_naming_a_higher_level_after_its_place(title: str, region: str) -> None:
    assert ipplan.parse_text(f"{title}\n一、总体要求。推进各项工作。").meta.region == region


# ---------------------------------------------------------------- 7. organ, space, own title on one pasted line

def test_organ_before_its_own_title_on_a_pasted_line() -> None:
    line = ("某市人民政府 关于加强某市品牌建设的实施意见 各县、市、区人民政府,市政府各部门,驻某单位: "
            "为充分发挥品牌对经济社会发展的引领作用,打造区域竞争新优势,根据《某省人民政府关于加快推进品牌建设的意见》"
            "精神,结合我市实际,现就加强品牌建设制定本意见.")  # a one-line paste (over ONE_LINE_PASTE characters)
    m = ipplan.parse_text(f"编辑: abc 2019-01-14\n{line}\n一、指导思想 坚持创新驱动.\n二、工作目标").meta
    assert (m.title, m.issuer, m.region) == ("某市人民政府关于加强某市品牌建设的实施意见", "某市人民政府", "某市")
    assert m.addressees == ["各县、市、区人民政府", "市政府各部门", "驻某单位"]


def test_short_line_organ_space_title() -> None:
    m = meta("某市人民政府 关于加强某市品牌建设的实施意见\n各县、市、区人民政府：\n为充分发挥品牌作用，制定本意见。")
    assert (m.title, m.issuer) == ("某市人民政府关于加强某市品牌建设的实施意见", "某市人民政府")


# ---------------------------------------------------------------- a cited title with a space in a body-only excerpt

def test_cited_joint_title_with_a_space_is_no_title() -> None:
    """A body-only page whose preamble cites a joint notice printed with a space between its issuers
    (《财政部办公厅 国家知识产权局办公室关于实施某计划 助力发展的通知》): the one-line paste split never cuts inside
    《》, so no part of the citation becomes the plan's title; a real pasted head still splits."""
    body = ("为贯彻落实《某某意见》和《财政部办公厅 国家知识产权局办公室关于实施专利转化专项计划 助力中小企业创新发展的通知》"
            "有关要求，进一步深化知识产权运营服务体系建设，促进专利转化运用，结合我省实际，特制定本方案。")
    m = ipplan.parse_text(body + "\n一、总体要求\n（一）工作思路\n坚持需求导向。").meta
    assert m.title is None and m.notice_title is None
    pasted = ("某市人民政府 关于加强某品牌建设的实施意见 各县、市、区人民政府，市政府各部门： 为充分发挥品牌引领作用，"
              "根据《某省人民政府 关于加快推进品牌建设的意见》精神，结合我市实际，现就加强品牌建设提出如下意见。")
    m = ipplan.parse_text(pasted + BODY).meta
    assert (m.title, m.issuer) == ("某市人民政府关于加强某品牌建设的实施意见", "某市人民政府")
