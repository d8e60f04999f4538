"""Header shapes (issue 14): each GB/T 9704 element in each form it is printed in, from
real-shaped lines, with the near-misses that must leave the element empty. The line rules'
own examples and near-misses are walked by tests/test_rule_tables.py."""

from __future__ import annotations

import pytest

import ipplan
from ipplan import api
from ipplan.parse.header import LINE_RULES, classify, doc_type_of, split_addressees
from tests.conftest import SAMPLE_TEXTS

BODY = "\n一、总体要求\n（一）指导思想。坚持创新驱动，推进强市建设。"


def meta(head: str, tail: str = ""):
    return ipplan.parse_text(head + BODY + ("\n" + tail if tail else "")).meta


NOTICE = "泰安市人民政府关于印发泰安市知识产权强市建设实施方案的通知"


# ---------------------------------------------------------------- 发文字号

@pytest.mark.parametrize("row", [
    "文号：泰政发〔2022〕3号", "发文字号：泰政发〔2022〕3号", "文件号：泰政发〔2022〕3号", "文 号: 泰政发〔2022〕3号",
    "发 文 字 号：泰政发〔2022〕3号", "文号 | 泰政发〔2022〕3号 | 有效性 | 有效 |",
    "索引号 | 11370900004 | 文号 | 泰政发〔2022〕3号 |",
])
def test_doc_number_from_page_metadata(row: str) -> None:
    assert meta(row).doc_number == "泰政发〔2022〕3号"


def test_index_number_is_not_a_doc_number() -> None:
    assert meta("索引号：001008003015081/2022-00489\n发布机构：温州市市场监督管理局").doc_number is None


@pytest.mark.parametrize(("printed", "canonical"), [
    ("(镇政发〔2007〕81号)", "镇政发〔2007〕81号"),  # under the title, in brackets
    ("（镇政发〔2007〕81号）", "镇政发〔2007〕81号"),
    ("京中科教[2001]40号", "京中科教〔2001〕40号"), ("苏政办发［2021］12号", "苏政办发〔2021〕12号"),
    ("粤府﹝2020﹞103号", "粤府〔2020〕103号"), ("粤府【2020】103号", "粤府〔2020〕103号"),
    ("京政发（2022）第5号", "京政发〔2022〕5号"), ("温政办〔2022〕73 号", "温政办〔2022〕73号"),
])
def test_doc_number_line_forms(printed: str, canonical: str) -> None:
    assert meta(f"{NOTICE}\n{printed}\n各县（市、区）人民政府：").doc_number == canonical


def test_doc_number_on_the_dates_line() -> None:
    m = meta(f"{NOTICE}\n苏政发〔2009〕1号 2009年1月5日\n各市、县人民政府：")
    assert (m.doc_number, m.issue_date) == ("苏政发〔2009〕1号", "2009-01-05")


def test_doc_number_glued_to_the_addressees() -> None:
    m = meta(f"{NOTICE}\n泰政发〔2022〕3号各县（市、区）人民政府，市政府各部门：")
    assert m.doc_number == "泰政发〔2022〕3号"
    assert m.addressees == ["各县（市、区）人民政府", "市政府各部门"]


def test_order_number_over_two_lines_and_from_metadata() -> None:
    assert meta("中华人民共和国国务院令\n第706号\n专利代理条例").doc_number == "中华人民共和国国务院令第706号"
    assert meta("发文字号：国令第706号\n专利代理条例").doc_number == "国令第706号"


def test_heading_with_its_doc_number_in_brackets() -> None:
    m = meta("国务院办公厅关于印发“无废城市”建设试点工作方案的通知（国办发〔2018〕128号）")
    assert m.doc_number == "国办发〔2018〕128号"
    assert m.notice_title == "国务院办公厅关于印发“无废城市”建设试点工作方案的通知"
    assert m.title == "“无废城市”建设试点工作方案"


@pytest.mark.parametrize("head", [
    "根据《国家知识产权局关于印发知识产权服务业意见的通知》(国知发运字〔2022〕33号)要求，制定本方案。",
    "为贯彻落实《国务院关于印发中医药发展战略规划纲要（2016 - 2030年）的通知》（国发[2016]15号）精神，提出以下意见。",
    "（1991年3月4日中华人民共和国国务院令第76号发布 2018年9月6日国务院第23次常务会议修订通过）",
])
def test_a_number_cited_in_a_sentence_is_never_the_doc_number(head: str) -> None:
    assert meta(head).doc_number is None


# ---------------------------------------------------------------- 成文日期

@pytest.mark.parametrize(("line", "iso"), [
    ("2022年9月30日", "2022-09-30"), ("二○○八年十一月二十三日", "2008-11-23"), ("二〇二二年九月三十日", "2022-09-30"),
    ("2026年 4月 20 日", "2026-04-20"), ("2023 年 10 月 16 日", "2023-10-16"), ("2022-10-11", "2022-10-11"),
])
def test_date_under_the_signature(line: str, iso: str) -> None:
    m = meta(f"各有关单位：\n现将方案印发给你们，请认真贯彻执行。\n泰安市人民政府办公室\n{line}")
    assert (m.issue_date, m.issuer) == (iso, "泰安市人民政府办公室")


def test_date_glued_to_the_remark() -> None:
    m = meta("各有关单位：\n现将方案印发给你们。\n泰安市人民政府\n2019年1月1日（此件主动公开）")
    assert (m.issue_date, m.remark) == ("2019-01-01", "此件主动公开")


def test_the_signature_date_wins_over_the_pages_dates() -> None:
    m = meta("发布日期：2020-11-18\n成文日期：2020-11-01\n各有关单位：\n现将方案印发给你们。\n泰安市人民政府\n2020年11月3日")
    assert m.issue_date == "2020-11-03"


@pytest.mark.parametrize("key", ["成文日期", "发文日期", "颁布日期", "制发日期", "印发日期", "成 文 日 期"])
def test_date_from_metadata_keys(key: str) -> None:
    assert meta(f"{key}：2021年3月5日").issue_date == "2021-03-05"


def test_a_pages_publication_date_is_not_the_issue_date() -> None:
    assert meta("发布日期：2020-11-18\n浏览次数：35").issue_date is None


def test_printing_date_at_the_foot_is_not_the_issue_date() -> None:
    m = meta("各有关单位：\n现将方案印发给你们。\n广州市人民政府办公厅 2021年4月16日印发")
    assert (m.issue_date, m.printed_by, m.printed_date) == (None, "广州市人民政府办公厅", "2021-04-16")


def test_impossible_date_stays_null() -> None:
    assert meta("各单位：\n现将方案印发给你们。\n泰安市人民政府\n2022年13月40日").issue_date is None


# ---------------------------------------------------------------- 发文机关

def test_joint_signature_on_two_lines() -> None:
    m = meta("各区卫生健康局：\n现将方案印发给你们。\n广州市卫生健康委员会 广州市财政局\n"
             "广州市人力资源和社会保障局 广州市医疗保障局\n2023年10月19日")
    assert m.issuer == "广州市卫生健康委员会"
    assert m.issuers == ["广州市卫生健康委员会", "广州市财政局", "广州市人力资源和社会保障局", "广州市医疗保障局"]


def test_one_organ_made_of_spaced_parts_is_never_cut_to_a_fragment() -> None:
    m = meta("各成员单位：\n现将方案印发给你们。\n中共木兰县委 木兰县人民政府 优化营商环境领导小组\n2022年3月1日")
    assert m.issuer == "中共木兰县委木兰县人民政府优化营商环境领导小组" and m.issuers == []


@pytest.mark.parametrize(("head", "issuer"), [
    (NOTICE, "泰安市人民政府"),
    ("泰安市人民政府关于加强知识产权保护工作的意见", "泰安市人民政府"),
    ("广州市卫生健康委等4部门关于印发推进家庭医生签约服务实施方案的通知", "广州市卫生健康委"),
    ("发布机构：温州市市场监督管理局", "温州市市场监督管理局"), ("发文机关：江苏省人民政府办公厅", "江苏省人民政府办公厅"),
    ("颁布部门：国家知识产权局", "国家知识产权局"),
    ("郑州市市场监督管理局（知识产权局）关于印发《郑州市行动计划》的通知", "郑州市市场监督管理局"),
])
def test_issuer_from_titles_and_metadata(head: str, issuer: str) -> None:
    assert meta(head).issuer == issuer


def test_a_signed_name_is_not_an_organ() -> None:
    """总理 李克强 is a person's signature; the issuer is the organ the order number names."""
    m = meta("中华人民共和国国务院令\n第706号\n《专利代理条例》已经国务院常务会议修订通过。\n总理 李克强\n2018年11月6日")
    assert m.issuer == "国务院" and m.issue_date == "2018-11-06" and m.region == "全国"


# ---------------------------------------------------------------- 主送机关

@pytest.mark.parametrize(("line", "items"), [
    ("各省、自治区、直辖市人民政府，国务院各部委、各直属机构", ["各省、自治区、直辖市人民政府", "国务院各部委、各直属机构"]),
    ("各县、市、区人民政府", ["各县、市、区人民政府"]),
    ("各区人民政府，市政府各委、办、局，各市属机构", ["各区人民政府", "市政府各委、办、局", "各市属机构"]),
    ("市委宣传部、市科技局", ["市委宣传部", "市科技局"]),
    ("各区卫生健康局、财政局、人力资源社会保障局，市医保中心", ["各区卫生健康局、财政局、人力资源社会保障局", "市医保中心"]),
    ("各区卫生健康委、各有关单位", ["各区卫生健康委", "各有关单位"]),
    ("各区县卫生局、市属各医疗单位", ["各区县卫生局", "市属各医疗单位"]),
    ("各开发区、区县(市)知识产权管理部门,各有关单位", ["各开发区、区县(市)知识产权管理部门", "各有关单位"]),
    ("各县(市、区)人民政府；市直各单位", ["各县(市、区)人民政府", "市直各单位"]),
    ("各镇（街道）、各部门", ["各镇（街道）", "各部门"]), ("各县市区科技局、市场监管局", ["各县市区科技局、市场监管局"]), ("各县（市、区）、市直各部门", ["各县（市、区）", "市直各部门"]),
])
def test_addressees_split_by_the_convention(line: str, items: list[str]) -> None:
    assert split_addressees(line) == items
    assert meta(f"{line}：\n现将方案印发给你们。").addressees == items


@pytest.mark.parametrize("line", [
    "发表日期: 2020-11-18来源: 泰安市人民政府", "各位代表：", "现就有关事项通知如下：", "联系人：李萌", "主要目标：",
])
def test_page_clutter_is_never_an_addressee(line: str) -> None:
    assert meta(f"{line}\n为推进工作，制定本方案。").addressees == []


# ---------------------------------------------------------------- 标题

def test_title_with_its_period_on_a_line_of_its_own() -> None:
    m = meta("重庆市人民政府\n二○一二年一月十八日\n重庆市标准化发展战略纲要\n(2011—2020年)\n为推进标准化，制定本纲要。")
    assert m.title == "重庆市标准化发展战略纲要(2011—2020年)" and (m.period.start, m.period.end) == (2011, 2020)


def test_notice_title_broken_over_two_lines_is_never_the_plans_title() -> None:
    m = meta("国务院办公厅关于印发国家组织药品\n集中采购和使用试点方案的通知\n国办发〔2019〕2号\n"
             "各省、自治区、直辖市人民政府：\n现将方案印发给你们。\n国务院办公厅\n2019年1月1日\n国家组织药品集中采购和使用试点方案")
    assert m.notice_title == "国务院办公厅关于印发国家组织药品集中采购和使用试点方案的通知"
    assert m.title == "国家组织药品集中采购和使用试点方案"


def test_document_that_is_its_own_title_broken_over_lines() -> None:
    m = meta("国务院办公厅关于推进\n政务新媒体健康有序发展的意见\n国办发〔2018〕123号\n各省、自治区、直辖市人民政府：")
    assert (m.title, m.notice_title, m.doc_type) == ("国务院办公厅关于推进政务新媒体健康有序发展的意见", None, "意见")
    assert m.issuer == "国务院办公厅"


@pytest.mark.parametrize("head", [
    "名称：泰安市知识产权强市建设实施方案", "标题：泰安市知识产权强市建设实施方案",
    "泰安市知识产权强市建设实施方案 2024-01-10", "管理办法:泰安市知识产权强市建设实施方案\n泰安市知识产权强市建设实施方案",
])
def test_title_never_carries_a_label_or_date(head: str) -> None:
    assert meta(head).title == "泰安市知识产权强市建设实施方案"


def test_title_from_the_notices_book_title_marks() -> None:
    m = meta("各有关单位：\n我局制定了《第六批北京市级中医药专家学术经验继承工作实施方案》，现予以印发。")
    assert m.title == "第六批北京市级中医药专家学术经验继承工作实施方案"


def test_title_printed_after_the_notices_signature() -> None:
    text = ("各单位：\n现将有关事项通知如下：\n一、工作目标\n建设。\n附件：\n1．名额分配表\n北京市中医管理局\n2019年8月29日\n"
            "第六批北京市级中医药专家学术经验继承工作实施方案\n为加快继承，制定本方案。\n一、工作目标\n（一）建设。")
    m = ipplan.parse_text(text).meta
    assert (m.title, m.issuer, m.issue_date) == ("第六批北京市级中医药专家学术经验继承工作实施方案", "北京市中医管理局", "2019-08-29")
    assert m.attachments == ["名额分配表"]


def test_title_from_a_related_reading_link_as_a_last_resort() -> None:
    m = meta("各区人民政府：\n现提出以下意见。", tail="北京市人民政府\n2017年2月7日\n相关解读：《北京市人民政府关于支持中医药振兴发展的意见》解读")
    assert m.title == "北京市人民政府关于支持中医药振兴发展的意见" and m.region == "北京市"


# ---------------------------------------------------------------- region and period

@pytest.mark.parametrize(("title", "region"), [
    ("威海火炬高技术产业开发区知识产权工作方案", "威海火炬高技术产业开发区"), ("荆门高新区知识产权强区建设方案", "荆门高新区"),
    ("北京市通州区知识产权强区建设工作方案", "通州区"), ("2026年广州市天河区幼儿园招生工作方案", "天河区"),
    ("实施质量兴市战略工作方案", None), ("创建湖北省知识产权示范区工作方案", None),
    ("第六批北京市级中医药专家学术经验继承工作实施方案", None),
])
def test_region_from_the_title(title: str, region: str | None) -> None:
    assert meta(title).region == region


def test_region_from_a_work_reports_dateline_and_its_reporter() -> None:
    m = meta("政府工作报告\n——2024年1月16日在亳州市第五届人民代表大会第三次会议上\n市人民政府市长 秦凤玉\n各位代表：")
    assert (m.title, m.region, m.issue_date, m.issuer, m.addressees) == ("政府工作报告", "亳州市", "2024-01-16", "亳州市人民政府", [])


def test_plan_for_every_province_is_national() -> None:
    assert meta("加快推进知识产权强省建设工作方案(试行)\n为推进工作，结合各省发展实际，制定本方案。").region == "全国"


def test_national_issuer_means_national_region() -> None:
    assert meta("国务院关于印发国家职业教育改革实施方案的通知").region == "全国"


@pytest.mark.parametrize(("title", "period"), [
    ("2022年泰安市知识产权工作要点", (2022, 2022)), ("泰安市2023年度知识产权工作计划", (2023, 2023)),
    ("泰安市知识产权强市建设实施方案(2023—2025年)", (2023, 2025)),
    ("泰安市知识产权工作要点（2023年版）", None), ("泰安市知识产权强市建设实施方案", None),
])
def test_period_from_the_title(title: str, period: tuple[int, int] | None) -> None:
    got = meta(title).period
    assert (got and (got.start, got.end)) == period or (got is None and period is None)


# ---------------------------------------------------------------- the other GB/T 9704 elements

def test_top_of_a_printed_notice() -> None:
    m = meta("000018\n机密★1年\n特急\n泰安市人民政府文件\n泰政发〔2022〕3号 签发人：张三\n" + NOTICE + "\n各县（市、区）人民政府：")
    assert (m.copy_number, m.secrecy, m.urgency, m.signer, m.doc_number) == ("000018", "机密★1年", "特急", "张三", "泰政发〔2022〕3号")


def test_secrecy_is_never_read_from_the_body() -> None:
    m = meta("为保护商业秘密，制定本方案。\n商业秘密")
    assert m.secrecy is None and m.urgency is None and m.copy_number is None


def test_foot_of_a_printed_notice() -> None:
    m = meta("各县（市、区）人民政府：\n现就有关事项通知如下：",
             tail="泰安市人民政府\n2022年3月1日\n（此件公开发布）\n"
                  "抄送：市委办公室，市人大常委会办公厅，市政协办公室。\n泰安市人民政府办公室 2022年3月2日印发")
    assert (m.issuer, m.issue_date) == ("泰安市人民政府", "2022-03-01")
    assert (m.remark, m.printed_by, m.printed_date) == ("此件公开发布", "泰安市人民政府办公室", "2022-03-02")
    assert m.cc == ["市委办公室", "市人大常委会办公厅", "市政协办公室"]


@pytest.mark.parametrize(("head", "items"), [
    ("附件：1.泰安市知识产权强市建设责任分解表 2.泰安市重点工作清单", ["泰安市知识产权强市建设责任分解表", "泰安市重点工作清单"]),
    ("附件：1．泰安市知识产权强市建设责任分解表\n2．泰安市重点工作清单", ["泰安市知识产权强市建设责任分解表", "泰安市重点工作清单"]),
    ("附件：第二批支持创新相关改革举措推广清单", ["第二批支持创新相关改革举措推广清单"]),
    ("附件：", []),
])
def test_attachments_listed_after_the_label(head: str, items: list[str]) -> None:
    assert meta(f"各有关单位：\n现将方案印发给你们。\n{head}").attachments == items


@pytest.mark.parametrize(("title", "kind"), [
    ("泰安市知识产权强市建设实施方案", "方案"), ("泰安市知识产权工作要点", "要点"), ("专利代理条例", "条例"),
    ("中医药发展战略规划纲要（2016—2030年）", "纲要"), ("泰安市三年行动计划(2023-2025年)", "计划"),
    ("国务院办公厅关于推进政务新媒体健康有序发展的意见", "意见"), ("关于做好知识产权工作", None),
])
def test_doc_type_of_titles(title: str, kind: str | None) -> None:
    assert doc_type_of(title) == kind


def test_nothing_stated_nothing_invented() -> None:
    m = meta("为推进知识产权工作，制定本方案。")
    assert (m.title, m.notice_title, m.doc_number, m.issuer, m.issue_date, m.region, m.period) == (None,) * 7
    assert m.addressees == m.issuers == m.cc == m.attachments == [] and m.lines == {}


# ---------------------------------------------------------------- evidence and rules

@pytest.mark.parametrize("path", SAMPLE_TEXTS, ids=lambda p: p.stem)
def test_each_meta_line_points_at_its_value(path) -> None:
    numbered = dict(api.text_file(path))
    plan = ipplan.parse_file(path)
    m = plan.meta
    assert m.lines, "every sample states some meta field"
    for field, no in m.lines.items():
        line = (numbered[no] + numbered.get(no + 1, "")).replace(" ", "")  # a joined title spans two lines
        value = getattr(m, "issuers" if field == "issuer" and m.issuers else field)
        probe = {"issue_date": lambda v: v[:4], "printed_date": lambda v: v[:4], "doc_number": lambda v: v[-4:],
                 "period": lambda v: str(v.start), "region": lambda v: v[:2], "doc_type": lambda v: v,
                 "addressees": lambda v: v[0][:2], "attachments": lambda v: v[0][:4], "issuers": lambda v: v[0][:3],
                 }.get(field, lambda v: v[:4])(value)
        assert probe in line or field == "region", (field, no, line)


def test_line_rules_are_tried_in_a_fixed_order() -> None:
    codes = [r.code for r in LINE_RULES]
    assert len(codes) == len(set(codes)) and all(c.startswith("MT") for c in codes)
    rule, _ = classify("国办发〔2018〕128号")
    assert rule.code == "MT03" and classify("为推进工作，制定本方案。") is None


# ---------------------------------------------------------------- web-page and print layouts

@pytest.mark.parametrize(("head", "title", "notice"), [
    ("关于印发泰安市知识产权强市建设实施方案的通知 发布时间：2022-05-01", "泰安市知识产权强市建设实施方案",
     "关于印发泰安市知识产权强市建设实施方案的通知"),
    ("泰安市知识产权强市建设实施方案2022-05-01", "泰安市知识产权强市建设实施方案", None),
    ("泰安市知识产权强市建设实施方案 来源：泰安市市场监督管理局", "泰安市知识产权强市建设实施方案", None),
])
def test_heading_with_a_page_label_glued_on(head: str, title: str, notice: str | None) -> None:
    m = meta(head)
    assert (m.title, m.notice_title, m.issue_date) == (title, notice, None)


def test_addressees_glued_to_the_first_sentence() -> None:
    m = meta("各县（市、区）人民政府，市政府各部门：现将《泰安市知识产权强市建设实施方案》印发给你们，请认真贯彻执行。")
    assert m.addressees == ["各县（市、区）人民政府", "市政府各部门"]
    assert m.title == "泰安市知识产权强市建设实施方案"


@pytest.mark.parametrize("head", ["各位代表：现在，我代表市人民政府报告工作。", "主要目标：到2025年，建成知识产权强市。"])
def test_a_sentence_opening_with_a_colon_is_not_an_addressee(head: str) -> None:
    assert meta(head).addressees == []


def test_issuer_mark_at_the_top_of_a_printed_document() -> None:
    m = meta("泰安市人民政府文件\n泰政发〔2022〕3号\n关于加强知识产权保护的意见\n各县（市、区）人民政府：")
    assert (m.issuer, m.doc_number, m.title) == ("泰安市人民政府", "泰政发〔2022〕3号", "关于加强知识产权保护的意见")
    m = meta("中共泰安市委 泰安市人民政府文件\n泰发〔2022〕3号")
    assert (m.issuer, m.issuers) == ("中共泰安市委", ["中共泰安市委", "泰安市人民政府"])


def test_notice_title_under_its_organ_line() -> None:
    m = meta("泰安市人民政府\n关于印发泰安市知识产权强市建设\n实施方案的通知\n泰政发〔2022〕3号\n各县（市、区）人民政府：")
    assert m.notice_title == "泰安市人民政府关于印发泰安市知识产权强市建设实施方案的通知"
    assert (m.issuer, m.title, m.doc_number) == ("泰安市人民政府", "泰安市知识产权强市建设实施方案", "泰政发〔2022〕3号")


def test_foot_of_a_document_printed_right_after_its_body() -> None:
    m = meta("泰安市人民政府办公室文件\n泰政办发〔2022〕12号",
             tail="抄送：市委各部门，市人大常委会办公室。\n泰安市人民政府办公室 2022年6月2日印发")
    assert m.cc == ["市委各部门", "市人大常委会办公室"]
    assert (m.printed_by, m.printed_date, m.issue_date) == ("泰安市人民政府办公室", "2022-06-02", None)


def test_a_bare_page_date_above_the_text_is_not_the_issue_date() -> None:
    assert meta("关于印发泰安市知识产权强市建设实施方案的通知\n2023-03-15\n各有关单位：\n现将方案印发给你们。").issue_date is None
    assert meta("各有关单位：\n现将方案印发给你们。\n2023年3月14日").issue_date == "2023-03-14"
    assert meta("泰安市知识产权强市建设实施方案\n泰安市市场监督管理局\n2023-03-15\n为推进工作，制定本方案。").issue_date is None


def test_header_docstring_examples() -> None:
    import doctest

    from ipplan.parse import header

    assert doctest.testmod(header).failed == 0
