"""Metadata rules: notice, 文号, 主送机关, 成文日期, issuer, title, region, period."""

from __future__ import annotations

import pytest

import ipplan
from ipplan.parse.header import normalize_doc_number

BODY = "\n一、总体要求\n（一）指导思想。坚持创新。"


def meta(head: str):
    return ipplan.parse_text(head + BODY).meta


@pytest.mark.parametrize(
    ("printed", "canonical"),
    [
        ("温政办〔2022〕73 号", "温政办〔2022〕73号"),
        ("临政办字〔2023〕81号", "临政办字〔2023〕81号"),
        ("苏政办发[2021] 12号", "苏政办发〔2021〕12号"),
        ("京政发（2022）第5号", "京政发〔2022〕5号"),
        ("浙知发 〔 2023 〕 7 号", "浙知发〔2023〕7号"),
        ("粤府【2020】103号", "粤府〔2020〕103号"),
    ],
)
def test_doc_number_forms(printed: str, canonical: str) -> None:
    assert normalize_doc_number(printed) == canonical
    assert meta(f"某某市人民政府关于印发某某方案的通知\n{printed}").doc_number == canonical


def test_cited_doc_number_in_a_sentence_is_not_the_documents() -> None:
    m = meta("根据《某通知》(国知发运字〔2022〕33号)要求，制定本方案。")
    assert m.doc_number is None


@pytest.mark.parametrize(
    ("line", "iso"),
    [("2022年9月30日", "2022-09-30"), ("2022-10-11", "2022-10-11"), ("二〇二二年九月三十日", "2022-09-30"),
     ("2023 年 10 月 16 日", "2023-10-16"), ("2021/3/5", "2021-03-05")],
)
def test_issue_date_forms(line: str, iso: str) -> None:
    assert meta(f"各单位：\n现将方案印发给你们。\n某某市人民政府办公室\n{line}").issue_date == iso


def test_metadata_fields_of_a_web_page() -> None:
    head = ("索引号 | 001008003015081/2022-00489 | ||\n组配分类 | 其他文件 | 发布机构 | 温州市市场监督管理局 |\n"
            "成文日期 | 2022-10-11 | 公开方式 | 主动公开 |\n文号 | 温政办〔2022〕73 号 | 有效性 | 有效 |")
    m = meta(head)
    assert (m.doc_number, m.issuer, m.issue_date, m.region) == ("温政办〔2022〕73号", "温州市市场监督管理局", "2022-10-11", "温州市")


def test_fields_written_with_colons() -> None:
    m = meta("发文机关：江苏省人民政府办公厅\n发文字号：苏政办发〔2021〕12号\n成文日期：2021年3月5日")
    assert (m.issuer, m.doc_number, m.issue_date) == ("江苏省人民政府办公厅", "苏政办发〔2021〕12号", "2021-03-05")


@pytest.mark.parametrize(
    ("line", "items"),
    [
        ("各区县人民政府,市府各部门,市直各单位:", ["各区县人民政府", "市府各部门", "市直各单位"]),
        # a 、-run sharing the prefix 市政府 is one addressee (GOLD_GUIDE: 国务院各部委、各直属机构)
        ("各县(市、区)人民政府，市政府各部门、各直属机构：", ["各县(市、区)人民政府", "市政府各部门、各直属机构"]),
        ("各县区人民政府（开发区管委会），市政府各部门（单位）：", ["各县区人民政府（开发区管委会）", "市政府各部门（单位）"]),
    ],
)
def test_addressees(line: str, items: list[str]) -> None:
    assert meta(f"{line}\n现将方案印发给你们。").addressees == items


def test_title_broken_over_two_lines_and_signature() -> None:
    head = ("各单位:\n《湖州市推进国家知识产权强市建设试点城市工作方案(2022—2025年)》已经市政府同意,现印发给你们。\n"
            "湖州市人民政府办公室\n2022年9月30日\n湖州市推进国家知识产权强市建设\n试点城市工作方案(2022—2025年)\n为深入推进工作,制定本方案。")
    m = meta(head)
    assert m.title == "湖州市推进国家知识产权强市建设试点城市工作方案(2022—2025年)"
    assert (m.issuer, m.issue_date, m.region) == ("湖州市人民政府办公室", "2022-09-30", "湖州市")
    assert (m.period.start, m.period.end) == (2022, 2025)


def test_notice_title_gives_issuer_and_title_falls_back_to_it() -> None:
    m = meta("郑州市市场监督管理局（知识产权局）关于印发《郑州市知识产权服务业发展三年行动计划（2023年-2025年）》的通知\n各有关单位：")
    # the issuer is the organ's name; its bracketed alias is left out, as for unit names
    assert m.notice_title.startswith("郑州市市场监督管理局") and m.issuer == "郑州市市场监督管理局"
    assert m.title == "郑州市知识产权服务业发展三年行动计划（2023年-2025年）"
    assert (m.region, m.period.start, m.period.end) == ("郑州市", 2023, 2025)


@pytest.mark.parametrize(
    ("title", "region"),
    [("江苏省知识产权强省建设推进计划", "江苏省"), ("北京市通州区知识产权强区建设工作方案", "通州区"),
     ("宁波市鄞州区知识产权工作要点", "鄞州区"), ("加快推进知识产权强省建设工作方案(试行)", None),
     ("黔东南苗族侗族自治州知识产权工作方案", "黔东南苗族侗族自治州"), ("广西壮族自治区知识产权保护规划", "广西壮族自治区")],
)
def test_region_from_title(title: str, region: str | None) -> None:
    assert meta(title).region == region


def test_national_issuer_means_national_region() -> None:
    m = meta("国家知识产权局关于印发推进计划的通知\n各省知识产权局：")
    assert m.region == "全国"


def test_region_from_local_context() -> None:
    assert meta("为推进工作，结合温州市实际，制定本方案。").region == "温州市"


def test_phase_periods_inside_the_outline_are_not_the_plans_period() -> None:
    plan = ipplan.parse_text("某某工作方案(试行)\n一、实施步骤\n（一）第一阶段(2015—2020年)")
    assert plan.meta.period is None and plan.meta.title == "某某工作方案(试行)"


def test_one_line_paste_title() -> None:
    m = meta("临沂市知识产权强市建设纲要推进计划(2023-2025年) 为充分发挥知识产权作用，制定本计划。")
    assert m.title == "临沂市知识产权强市建设纲要推进计划(2023-2025年)" and m.region == "临沂市"


def test_notice_title_broken_over_two_lines() -> None:
    m = meta("临沂市人民政府办公室关于印发临沂市知识产权强市\n建设纲要推进计划(2023-2025年)的通知\n临政办字〔2023〕81号")
    assert m.notice_title == "临沂市人民政府办公室关于印发临沂市知识产权强市建设纲要推进计划(2023-2025年)的通知"
    assert m.issuer == "临沂市人民政府办公室" and m.doc_number == "临政办字〔2023〕81号"
    assert m.title == "临沂市知识产权强市建设纲要推进计划(2023-2025年)"
