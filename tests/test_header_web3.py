"""Header shapes of web excerpts, third round: a news report about a plan (the plan named in its
lead, the headline no title), an organ's own announcement under a 来源 row, joint issuers glued
into one run (a central organ's branch first), a separator line above a plan title, two complete
organ names joined by 、 in the 主送 line, and a document-sharing page's file name. Every text is
written in the shape found on real pages, with its near-misses; expected values come from reading
the text."""

from __future__ import annotations

import pytest

import ipplan


def meta(text: str):
    return ipplan.parse_text(text).meta


# ---------------------------------------------------------------- 1. a news report names the plan in its lead

def test_news_lead_names_the_plan_and_its_issuer() -> None:
    m = meta("原标题:我省印发商标品牌建设三年行动方案\n来源:某某日报\n我省印发商标品牌建设三年行动方案\n"
             "新增商标品牌指导站50个\n某某日报讯(记者 王某)近日,省政府办公厅印发《某省商标品牌建设三年行动方案"
             "(2024-2026年)》(以下简称《方案》)。\n《方案》提出,到2026年底,全省新增商标品牌指导站50个以上。")
    assert m.title == "某省商标品牌建设三年行动方案(2024-2026年)"  # the lead's 《》, not the headline
    assert m.notice_title is None
    assert m.issuer == "省政府办公厅"
    assert (m.period.start, m.period.end) == (2024, 2026)


def test_news_lead_organ_issued_with_de() -> None:
    m = meta("6月3日,某省知识产权工作领导小组办公室近日印发的《2024年某省知识产权工作要点》在省局网站公布,明确了五个方面重点任务。\n"
             "其中,《要点》提出将在今年:\n——推进制定《某省专利条例》。\n——推进修订《某省商标条例》。")
    assert m.title == "2024年某省知识产权工作要点"  # never the law a —— item quotes
    assert m.issuer == "某省知识产权工作领导小组办公室"


def test_news_lead_by_we_province_names_no_issuer() -> None:
    m = meta("记者从省市场监管局获悉,为做好商标品牌工作,我省日前下发《某省商标品牌建设实施方案》,要求各地抓好落实。\n"
             "《方案》要求,各地要因地制宜。")
    assert m.title == "某省商标品牌建设实施方案"
    assert m.issuer is None  # 我省 is no organ


def test_news_lead_without_a_name_gives_only_the_issuer() -> None:
    m = meta("某省报讯 某省市场监管局4月20日印发实施方案,提出力争到2022年建成示范区2个。\n全省各地要抓好落实。")
    assert m.title is None  # "实施方案" names no plan
    assert m.issuer == "某省市场监管局"


def test_list_items_alone_never_give_a_title() -> None:
    m = meta("今年的工作安排如下:\n——推进制定《某省专利条例》。\n——推进修订《某省商标条例》。")
    assert m.title is None


def test_lead_of_a_notice_is_not_a_news_lead() -> None:
    m = meta("某市人民政府关于同意设立商标品牌服务站的通知\n各有关单位:\n为落实省政府办公厅印发《某省品牌建设方案》的要求,"
             "经研究,同意设立。\n某市人民政府\n2024年5月6日")
    assert m.title == "某市人民政府关于同意设立商标品牌服务站的通知"
    assert m.issuer == "某市人民政府"


def test_announcement_headline_under_its_source_row() -> None:
    m = meta("某省知识产权局确定第二批专利导航服务基地\n来源:某省知识产权局\n为推进专利导航工作,经研究,确定5家单位作为第二批基地。")
    assert m.title == "某省知识产权局确定第二批专利导航服务基地"
    assert m.issuer == "某省知识产权局"


@pytest.mark.parametrize("text", [
    "某省确定第二批专利导航服务基地\n来源:某省知识产权局\n为推进专利导航工作,确定5家单位。",  # starts with no organ
    "某省知识产权局确定第二批专利导航服务基地\n来源:某某日报\n为推进专利导航工作,确定5家单位。",  # the source is not it
])
def test_announcement_near_misses(text: str) -> None:
    m = meta(text)
    assert m.title is None and m.issuer is None


# ---------------------------------------------------------------- 2. joint issuers glued into one run

def test_branch_then_place_organs_are_split() -> None:
    m = meta("中国人民银行某省分行 某省知识产权局 某省财政局印发《关于促进知识产权质押融资的若干措施》的通知\n"
             "各有关单位:\n现将《关于促进知识产权质押融资的若干措施》印发给你们,请认真贯彻执行。")
    assert m.issuer == "中国人民银行某省分行"
    assert m.issuers == ["中国人民银行某省分行", "某省知识产权局", "某省财政局"]
    assert m.region == "某省"


# ---------------------------------------------------------------- 3. a separator line above the title

@pytest.mark.parametrize("rule", ["------------------------", "========", "————————", "________"])
def test_separator_line_is_no_part_of_the_title(rule: str) -> None:
    m = meta(f"某局关于印发《商标工作“十四五”规划》的通知\n各有关单位:\n现将规划印发给你们。\n某局\n2021年12月24日\n{rule}\n"
             "商标工作“十四五”规划\n为做好商标工作,制定本规划。")
    assert m.title == "商标工作“十四五”规划"


# ---------------------------------------------------------------- 4. two complete organ names joined by 、

@pytest.mark.parametrize(("line", "addressees"), [
    ("某某新区管委会、某某镇人民政府,某某行业协会:", ["某某新区管委会", "某某镇人民政府", "某某行业协会"]),
    ("某县发展改革局、某某乡人民政府、某某街道办事处:", ["某县发展改革局", "某某乡人民政府", "某某街道办事处"]),
    # near-misses: a shared head stays one addressee
    ("各县、市、区人民政府,市政府各部门:", ["各县、市、区人民政府", "市政府各部门"]),
    ("县委、县政府各有关部门:", ["县委、县政府各有关部门"]),
])
def test_addressees_split_between_named_governments(line: str, addressees: list[str]) -> None:
    m = meta(f"关于同意成立商标品牌指导服务站的通知\n{line}\n经研究,同意成立。\n某县市场监督管理局\n2020年8月31日")
    assert m.addressees == addressees


# ---------------------------------------------------------------- 5. a document-sharing page's file name

#: The site's navigation run on the banner's line (a short banner alone is dropped as chrome, NZ21).
SITE_RUN = "|".join(["某某文库网", "建筑图纸", "施工组织设计", "教学课件", "毕业论文", "合同范本", "考试题库"] * 4)


def test_sharing_page_file_name_is_the_title() -> None:
    m = meta("《某市2019年知识产权宣传周活动方案.doc》由会员分享,可在线阅读,更多相关《某市2019年知识产权宣传周活动方案.doc"
             f"(3页珍藏版)》请在{SITE_RUN}上搜索。\n1、为庆祝世界知识产权日,决定在全市开展宣传周活动。")
    assert m.title == "某市2019年知识产权宣传周活动方案"
    assert (m.period.start, m.period.end) == (2019, 2019)


def test_sharing_page_file_without_a_doc_type_gives_no_title() -> None:
    m = meta(f"《第三章课后习题答案.doc》由会员分享,可在线阅读,请在{SITE_RUN}上搜索。\n1、为庆祝世界知识产权日,决定开展活动。")
    assert m.title is None
