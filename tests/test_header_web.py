"""Header shapes of web excerpts of IP notices (the web round): addressee lists with one unusual
item, legal-database metadata blocks, a one-line header row, long joint signatures, an organ's
own annual plan, a year in brackets, 批转 notices and a text that names its jurisdiction only by
its level. Every text is written in the shape found on real pages, with its near-misses;
expected values come from reading the text."""

from __future__ import annotations

import pytest

import ipplan

BODY = "\n一、总体要求\n（一）指导思想。坚持创新驱动，推进强市建设。"


def meta(head: str, tail: str = ""):
    return ipplan.parse_text(head + BODY + ("\n" + tail if tail else "")).meta


NOTICE = "某省知识产权局关于印发某省知识产权保护工作要点的通知"


# ---------------------------------------------------------------- 1. addressees

@pytest.mark.parametrize(("line", "addressees"), [
    # a head's distributive word (其他) makes the 各… item after it the head's
    ("各市知识产权局，省局机关各处室，局其他直属单位、各社会团体：",
     ["各市知识产权局", "省局机关各处室", "局其他直属单位、各社会团体"]),
    ("各区人民政府，市政府各部门，各人民团体：", ["各区人民政府", "市政府各部门", "各人民团体"]),
    ("各县（市、区）人民政府，有关社会团体：", ["各县（市、区）人民政府", "有关社会团体"]),
    ("市科技局，市财政局，有关高校：", ["市科技局", "市财政局", "有关高校"]),
    # one item no ending names, in a list of organs: the line is kept, the item with it
    ("各市知识产权局，省知识产权保护中心，各地方联络点：", ["各市知识产权局", "省知识产权保护中心", "各地方联络点"]),
    ("各市知识产权局，省知识产权保护中心，重点联系企业代表：", ["各市知识产权局", "省知识产权保护中心", "重点联系企业代表"]),
])
def test_addressee_line_with_an_unusual_item(line: str, addressees: list[str]) -> None:
    m = meta(f"{NOTICE}\n{line}\n现将要点印发给你们，请认真贯彻执行。")
    assert m.addressees == addressees


@pytest.mark.parametrize("line", [
    "市科技局，市财政局，要加强协作：",  # a clause after the organs
    "各区人民政府，有关要求：",  # one organ only beside the odd item
    "主要目标：", "重点联系企业代表：",
])
def test_not_an_addressee_line(line: str) -> None:
    assert meta(f"{NOTICE}\n{line}\n现将要点印发给你们，请认真贯彻执行。").addressees == []


# ---------------------------------------------------------------- 2. metadata blocks

DATABASE_BLOCK = """首页 > 法规库 > 地方法规 >
发文标题: 某市人民政府关于加快建设知识产权强市的若干意见
发文文号: 某政发[2019]12号
发文部门: 某市人民政府
发文时间: 2019-05-20
实施时间: 2019-06-01
所属区域: 某市
发文内容:
各县(市、区)人民政府,市政府各部门:
为加快建设知识产权强市,结合我市实际,现提出如下意见:"""


def test_database_block_with_its_own_key_names() -> None:
    m = meta(DATABASE_BLOCK)
    assert m.title == "某市人民政府关于加快建设知识产权强市的若干意见"
    assert m.doc_number == "某政发〔2019〕12号"
    assert m.issuer == "某市人民政府"
    assert m.issue_date == "2019-05-20"  # 实施时间 is when it takes effect, never the 成文日期
    assert m.addressees == ["各县(市、区)人民政府", "市政府各部门"]  # a key (发文部门) is never an addressee


def test_effective_date_is_not_the_issue_date() -> None:
    m = meta("标题：某市知识产权保护办法\n实施日期：2020-01-01\n效力级别：地方规范性文件")
    assert m.issue_date is None
    assert m.title == "某市知识产权保护办法"


def test_unknown_key_value_row_is_not_an_addressee() -> None:
    m = meta(f"{NOTICE}\n报送部门：某市科学技术局\n各市知识产权局：\n现将要点印发给你们，请认真贯彻执行。")
    assert m.addressees == ["各市知识产权局"]


# ---------------------------------------------------------------- 3. a one-line header row

def test_doc_number_inline_in_a_header_row() -> None:
    title = "某省知识产权战略实施工作联席会议办公室关于开展年度总结的通知"
    m = meta(f"{title} 某知战联办〔2019〕3号 2019年1月8日 发布机关:某省知识产权战略实施工作联席会议办公室 |\n"
             "各市知识产权局：\n现就有关事项通知如下。")
    assert m.doc_number == "某知战联办〔2019〕3号"
    assert m.title == title


def test_number_cited_in_a_sentence_stays_out() -> None:
    m = meta("某市知识产权保护工作要点\n根据《某市实施方案》 某政发〔2021〕9号 要求，制定本要点。")
    assert m.doc_number is None


# ---------------------------------------------------------------- 4. long joint signatures

SIGNERS = ["某市知识产权局", "某市司法局", "某市市场监督管理局", "某市版权局", "某市文化市场综合执法总队", "某市农业农村局",
           "某市公安局", "某市人民检察院", "某市高级人民法院"]


def test_long_joint_signature_keeps_every_signer() -> None:
    head = ("某市知识产权局等9部门关于印发《某市知识产权纠纷调解工作实施意见》的通知\n各有关单位：\n"
            "现将《某市知识产权纠纷调解工作实施意见》印发给你们，请认真贯彻执行。\n" + "\n".join(SIGNERS) + "\n2022年8月24日")
    m = meta(head)
    assert m.issuer == "某市知识产权局"  # the first signer
    assert m.issuers == SIGNERS
    assert m.issue_date == "2022-08-24"


# ---------------------------------------------------------------- 5. an organ's own annual plan

@pytest.mark.parametrize(("title", "issuer", "region"), [
    ("国家知识产权局2022年工作要点", "国家知识产权局", "全国"),
    ("某省知识产权局2023年度知识产权保护工作计划", "某省知识产权局", "某省"),
])
def test_organ_at_the_head_of_its_annual_plan(title: str, issuer: str, region: str) -> None:
    m = ipplan.parse_text(f"{title}\n一、坚持政治引领，加强党的建设。推进各项工作。").meta
    assert (m.issuer, m.region, (m.period.start, m.period.end)) == (issuer, region, (int(title.split("年")[0][-4:]),) * 2)


@pytest.mark.parametrize("title", [
    "某市2023年知识产权工作要点",  # a place, no organ
    "知识产权局2023年工作要点",  # an organ that names no scope
])
def test_annual_plan_title_naming_no_organ_of_its_own(title: str) -> None:
    assert ipplan.parse_text(f"{title}\n一、坚持政治引领，加强党的建设。推进各项工作。").meta.issuer is None


def test_signed_notice_keeps_its_signer_over_the_plan_title() -> None:
    m = meta("国家知识产权局办公室关于印发《国家知识产权局2022年工作要点》的通知\n各省知识产权局：\n"
             "现将要点印发给你们，请认真贯彻执行。\n国家知识产权局办公室\n2022年3月1日")
    assert m.issuer == "国家知识产权局办公室"


# ---------------------------------------------------------------- 6. a year in brackets

@pytest.mark.parametrize(("title", "period"), [
    ("推动知识产权高质量发展年度工作指引(2023)", (2023, 2023)),
    ("某市知识产权工作要点（2024）", (2024, 2024)),
    ("某市知识产权工作要点(2023年版)", None),  # an edition
    ("某市知识产权强市建设规划(2023)", None),  # not a plan for one year
    ("某市知识产权工作要点(第2023号)", None),
])
def test_single_year_in_brackets(title: str, period) -> None:  # type: ignore[no-untyped-def]
    got = ipplan.parse_text(f"{title}\n一、总体要求。推进各项工作。").meta.period
    assert ((got.start, got.end) if got else None) == period


# ---------------------------------------------------------------- 7. 批转 / 转发

@pytest.mark.parametrize(("notice", "title"), [
    ("某市人民政府关于批转市商务局某市打击侵权假冒专项行动实施方案的通知", "某市打击侵权假冒专项行动实施方案"),
    ("某市人民政府关于转发市知识产权局关于加强知识产权保护的意见的通知", "关于加强知识产权保护的意见"),
    ("某市人民政府关于转发《某省知识产权保护工作要点》的通知", "某省知识产权保护工作要点"),
    ("某市人民政府关于批转市科技局工作要点的通知", "市科技局工作要点"),  # the organ's name is the title's
])
def test_forwarding_notice_title(notice: str, title: str) -> None:
    m = meta(f"{notice}\n各县（市、区）人民政府：\n现将有关文件转发给你们，请认真贯彻执行。")
    assert m.notice_title == notice
    assert m.title == title
    assert m.issuer == "某市人民政府"


# ---------------------------------------------------------------- 8. a jurisdiction named by its level

def test_league_named_by_its_level() -> None:
    text = ("HI,欢迎来到某商标网!\n加强对实施商标战略的领导\n(一)建立联席会议制度。组织制定全盟商标战略规划,协调全盟工作。\n"
            "(二)加强宣传。我盟企业要争创“兴安盟知名商标”,全盟推进品牌建设。")
    assert ipplan.parse_text(text).meta.region == "兴安盟"


@pytest.mark.parametrize("text", [
    "(一)加强宣传。全盟企业争创品牌,我盟推进,全盟协调。",  # no 盟 named
    "(一)加强宣传。全盟企业争创品牌,兴安盟、锡林郭勒盟合作,全盟协调,我盟推进。",  # two named
    "(一)加强宣传。全市场监管,全区域覆盖,兴安盟合作。",  # 全市场, 全区域 name no level
])
def test_level_words_without_one_unit(text: str) -> None:
    assert ipplan.parse_text(text).meta.region is None
