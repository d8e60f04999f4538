"""Issuer and region of real-shaped documents (issue 21): national notices and their long
addressee lists, joint and broken signatures, laws and regulations with their history lines,
work reports, legal-database exports and web pages. Each text is written in the shape the
class is printed in (the values read from the text), with the near-misses that must leave a
field empty. The source tables' own examples are walked by tests/test_rule_tables.py."""

from __future__ import annotations

import pytest

import ipplan
from ipplan.parse.header import organ_parts, place_of, split_addressees

BODY = "\n一、总体要求\n（一）指导思想。坚持创新驱动，推进高质量发展。"


def meta(text: str, body: bool = True):
    return ipplan.parse_text(text + (BODY if body else "")).meta


# ---------------------------------------------------------------- national notices

NATIONAL_JOINT = """工业和信息化部等四部门关于印发《制造业知识产权运用行动方案》的通知
工信部联科〔2024〕12号
中央宣传部、中央网信办、最高人民法院、最高人民检察院、外交部、发展改革委、教育部、科技部、公安部、
司法部、财政部、商务部、人民银行、海关总署、市场监管总局、统计局、国管局、中科院、林草局、中医药局、
知识产权局、贸促会、中国科协，各省、自治区、直辖市及新疆生产建设兵团工业和信息化主管部门：
现将《制造业知识产权运用行动方案》印发给你们，请结合实际认真贯彻落实。
工业和信息化部
国家发展改革委
财政部
国家知识产权局
2024年3月8日"""


def test_a_national_joint_notice() -> None:
    m = meta(NATIONAL_JOINT)
    assert (m.issuer, m.region, m.doc_number, m.issue_date) == ("工业和信息化部", "全国", "工信部联科〔2024〕12号", "2024-03-08")
    assert m.issuers == ["工业和信息化部", "国家发展改革委", "财政部", "国家知识产权局"]  # 等四部门, resolved by the signature
    assert m.addressees[:3] == ["中央宣传部", "中央网信办", "最高人民法院"]
    assert "统计局" in m.addressees and "国管局" in m.addressees and "中国科协" in m.addressees
    assert m.addressees[-1] == "各省、自治区、直辖市及新疆生产建设兵团工业和信息化主管部门"
    assert len(m.addressees) == 24


def test_the_count_of_a_headline_is_no_organ() -> None:
    m = meta("两部门关于加强专利纠纷调解工作的意见\n各省、自治区、直辖市知识产权局、司法厅（局）：\n现提出如下意见。")
    assert m.issuer is None and m.region == "全国"  # addressed to every province
    m = meta("两部门关于加强专利纠纷调解工作的意见\n现提出如下意见。", body=False)
    assert (m.issuer, m.region) == (None, None)
    m = meta("各省、自治区、直辖市知识产权局、司法厅（局）：\n现提出如下意见。", body=True)
    assert m.issuer is None


@pytest.mark.parametrize(("head", "issuer", "region"), [
    ("国家知识产权局 司法部关于加强专利纠纷调解工作的意见", "国家知识产权局", "全国"),
    ("市场监管总局国家知识产权局关于规范专利代理行为的通知", "市场监管总局", "全国"),  # printed without a space
    ("国务院知识产权战略实施工作部际联席会议办公室关于印发年度推进计划的通知", "国务院知识产权战略实施工作部际联席会议办公室", "全国"),
    ("全国打击侵犯知识产权和制售假冒伪劣商品工作领导小组办公室关于印发工作要点的通知",
     "全国打击侵犯知识产权和制售假冒伪劣商品工作领导小组办公室", "全国"),
    ("最高人民法院关于加强知识产权审判工作的意见", "最高人民法院", "全国"),
    ("教育部办公厅关于开展高校专利转化工作的通知", "教育部办公厅", "全国"),
])
def test_central_organs_are_national(head: str, issuer: str, region: str) -> None:
    m = meta(head)
    assert (m.issuer, m.region) == (issuer, region)


def test_an_organ_name_is_never_cut_or_glued() -> None:
    assert organ_parts("国务院知识产权战略实施工作部际联席会议办公室") == ["国务院知识产权战略实施工作部际联席会议办公室"]
    assert organ_parts("中共中央办公厅国务院办公厅") == ["中共中央办公厅", "国务院办公厅"]
    assert organ_parts("中共绍兴市委绍兴市人民政府") == ["中共绍兴市委", "绍兴市人民政府"]
    assert organ_parts("国家税务总局江苏省税务局") == ["国家税务总局江苏省税务局"]  # a branch, one organ
    assert organ_parts("杭州市公安局西湖区分局") == ["杭州市公安局西湖区分局"]
    assert organ_parts("国家知识产权局专利局") == ["国家知识产权局专利局"]
    m = meta("现将方案印发给你们。\n国家知识产权局 司法部\n2022年5月6日")
    assert m.issuers == ["国家知识产权局", "司法部"]  # 司法部 has its own scope: never glued to the first


def test_a_signature_broken_inside_its_name() -> None:
    m = meta("各成员单位：\n现将工作要点印发给你们。\n全国打击侵犯知识产权和制售假冒\n伪劣商品工作领导小组办公室\n2023年6月2日")
    assert m.issuer == "全国打击侵犯知识产权和制售假冒伪劣商品工作领导小组办公室" and m.region == "全国"
    # a sentence's end above the signature is no part of it, even printed without its 。
    m = meta("各成员单位：\n现将工作要点印发给你们。\n特此通知\n国家知识产权局办公室\n2023年6月2日")
    assert m.issuer == "国家知识产权局办公室"


def test_a_seal_note_between_signature_and_date() -> None:
    m = meta("各成员单位：\n现将推进计划印发给你们。\n国务院知识产权战略实施工作部际联席会议办公室\n（国家知识产权局代章）\n2022年1月5日")
    assert (m.issuer, m.issue_date, m.region) == ("国务院知识产权战略实施工作部际联席会议办公室", "2022-01-05", "全国")


@pytest.mark.parametrize(("head", "issuer"), [
    ("关于确定第三批知识产权保护规范化市场的通知\n国知办发保字〔2019〕8号\n各省、自治区、直辖市知识产权局：", "国家知识产权局办公室"),
    ("国家知识产权局令\n第58号\n《专利代理管理办法》已经局务会议审议通过，现予公布。", "国家知识产权局"),
    ("江苏省人民政府令\n第160号\n《江苏省专利促进条例实施办法》已经省人民政府常务会议讨论通过，现予公布。", "江苏省人民政府"),
])
def test_issuer_from_the_number(head: str, issuer: str) -> None:
    assert meta(head).issuer == issuer


def test_a_local_number_names_no_issuer() -> None:
    m = meta("关于开展专利导航工作的通知\n苏知发〔2023〕9号\n各设区市知识产权局：\n现将有关事项通知如下。")
    assert (m.issuer, m.region) == (None, None)  # 苏 could be a province or a city: nothing is guessed


# ---------------------------------------------------------------- region

@pytest.mark.parametrize(("head", "region"), [
    ("恩施土家族苗族自治州人民政府关于加快知识产权强州建设的意见", "恩施土家族苗族自治州"),
    ("凉山州人民政府办公室关于印发知识产权工作要点的通知", "凉山州"),
    ("中共嘉兴市委 嘉兴市人民政府关于加快建设知识产权强市的实施意见", "嘉兴市"),
    ("浙江省人民代表大会常务委员会关于修改《浙江省专利条例》的决定", "浙江省"),
    ("苏州工业园区管理委员会关于印发知识产权专项资金管理办法的通知", "苏州工业园区"),
    ("上海市浦东新区人民政府关于推进知识产权保护的实施意见", "浦东新区"),
    ("现将方案印发给你们。\n国家税务总局江苏省税务局\n2023年4月1日", "江苏省"),
    # an autonomous prefecture by its short name, as printed: the gazetteer knows its stem
    ("甘孜州旅游条例实施办法\n第一条 为了促进旅游发展，制定本办法。", "甘孜州"),
    ("四川省甘孜州旅游条例实施办法\n第一条 为了促进旅游发展，制定本办法。", "甘孜州"),
    # an area of a free trade zone, named without the zone (as 天河区 without 广州市)
    ("中国（广东）自由贸易试验区南沙片区促进条例\n第一条 为了促进南沙片区建设，制定本条例。", "南沙片区"),
    ("中国(福建)自由贸易试验区厦门片区管理办法\n第一条 为了规范片区管理，制定本办法。", "厦门片区"),
    ("中国（福建）自由贸易试验区条例\n第一条 为了推进自由贸易试验区建设，制定本条例。", "中国（福建）自由贸易试验区"),
    # a district the title names after its city, that the text says it is made for
    ("广州市促进南沙新区科技创新规定\n第一条 为了促进南沙新区科技创新，结合南沙新区实际，制定本规定。", "南沙新区"),
])
def test_region_from_an_issuer_or_title_that_names_a_place(head: str, region: str) -> None:
    assert meta(head).region == region


def test_a_city_law_for_its_district_without_saying_so_keeps_the_city() -> None:
    m = meta("广州市促进南沙新区科技创新规定\n第一条 为了促进科技创新，结合本市实际，制定本规定。", body=False)
    assert m.region == "广州市"


def test_a_news_page_through_a_web_reader() -> None:
    m = meta("Title: 海珠区扎实推进知识产权保护工作 助力营商环境再优化\nURL Source: https://www.haizhu.gov.cn/a/1.html\n"
             "Markdown Content:\n[首页](https://www.haizhu.gov.cn/)\n# 海珠区扎实推进知识产权保护工作 助力营商环境再优化\n"
             "3月5日，区市场监管局召开推进会，部署全年工作。\n主办：广州市海珠区人民政府 承办：广州市海珠区政务服务数据管理局",
             body=False)
    assert (m.title, m.region, m.issuer, m.addressees, m.issue_date) == (  # a title's inner spaces are dropped
        "海珠区扎实推进知识产权保护工作助力营商环境再优化", "海珠区", None, [], None)


@pytest.mark.parametrize("head", [
    "关于印发知识产权工作要点的通知\n各县（市、区）市场监管局：\n为推进工作，结合本省实际，制定本要点。",
    "关于印发建设全国统一大市场工作方案的通知\n各县（市、区）人民政府：\n现将方案印发给你们。",
    "关于做好专利转化工作的通知\n各有关单位：\n市市场监管局负责统筹，浙江省知识产权局给予指导。",
    "杭州都市圈知识产权协同发展规划\n为推进区域协同发展，制定本规划。",
])
def test_no_region_is_guessed_from_the_body(head: str) -> None:
    m = meta(head)
    assert m.region is None and m.issuer is None


def test_place_of_keeps_the_most_specific_unit() -> None:
    assert place_of("广东省深圳市南山区知识产权促进办法") == "南山区"
    assert place_of("中共湖州市委") == "湖州市"
    assert place_of("关于同意设立国家级新区的批复") is None
    assert place_of("呼伦贝尔市人民政府") == "呼伦贝尔市"


# ---------------------------------------------------------------- laws and regulations

PROVINCIAL_LAW = """# 江苏省专利促进条例

2009年11月20日 江苏省第十一届人民代表大会常务委员会第十二次会议通过

2009年11月20日 江苏省第十一届人民代表大会常务委员会公告第35号公布

2010年3月1日 施行

<!-- INFO END -->"""

MINISTRY_ORDER = """# 专利代理管理办法

2019年4月4日 国家市场监督管理总局令第6号公布

<!-- INFO END -->"""

CITY_LAW = """# 宁波市专利管理条例

2001年10月26日 宁波市第十一届人民代表大会常务委员会第三十次会议通过

2001年12月21日 浙江省第九届人民代表大会常务委员会第三十次会议批准

2001年12月28日 宁波市人民代表大会常务委员会公告公布

2002年3月1日 施行

2018年11月30日 浙江省第十三届人民代表大会常务委员会第七次会议批准的2018年10月31日宁波市第十五届人民代表大会常务委员会第十五次会议《关于修改〈宁波市专利管理条例〉的决定》修正

<!-- INFO END -->"""

AMENDED_CITY_LAW = """# 温州市专利保护条例

2003年8月28日 温州市第十届人民代表大会常务委员会第五次会议通过

2003年11月27日 浙江省第十届人民代表大会常务委员会第六次会议批准

2012年4月26日 温州市第十一届人民代表大会常务委员会第四十二次会议通过

2012年5月30日 浙江省第十一届人民代表大会常务委员会第三十三次会议批准的《温州市人民代表大会常务委员会关于修改〈温州市专利保护条例〉的决定》修正

<!-- INFO END -->"""

REVISED_LAW = """# 湖北省知识产权促进条例

2012年9月28日 湖北省第十一届人民代表大会常务委员会第三十二次会议通过

2022年11月25日 湖北省第十三届人民代表大会常务委员会第三十五次会议修订）

<!-- INFO END -->"""


@pytest.mark.parametrize(("text", "expected"), [
    (PROVINCIAL_LAW, ("江苏省专利促进条例", "江苏省人民代表大会常务委员会", "2009-11-20",
                      "江苏省第十一届人民代表大会常务委员会公告第35号", "江苏省")),
    (MINISTRY_ORDER, ("专利代理管理办法", "国家市场监督管理总局", "2019-04-04", "国家市场监督管理总局令第6号", "全国")),
    # promulgated by its own congress (公告公布) after the province approved it; a later amendment is no new date
    (CITY_LAW, ("宁波市专利管理条例", "宁波市人民代表大会常务委员会", "2001-12-28", None, "宁波市")),
    # no promulgation line: the law was passed first; the second 通过 passed an amendment's decision
    (AMENDED_CITY_LAW, ("温州市专利保护条例", "温州市人民代表大会常务委员会", "2003-08-28", None, "温州市")),
    # a revision re-adopts the whole text: its date and body
    (REVISED_LAW, ("湖北省知识产权促进条例", "湖北省人民代表大会常务委员会", "2022-11-25", None, "湖北省")),
])
def test_law_texts_from_their_history_lines(text: str, expected: tuple) -> None:
    m = meta(text + "\n\n## 第一章 总则\n\n第一条 为了促进专利工作，制定本条例。", body=False)
    assert (m.title, m.issuer, m.issue_date, m.doc_number, m.region) == expected
    assert m.notice_title is None and m.addressees == []


def test_a_bracketed_history_under_a_national_law() -> None:
    m = meta("中华人民共和国反不正当竞争法\n（1993年9月2日第八届全国人民代表大会常务委员会第三次会议通过 "
             "2017年11月4日第十二届全国人民代表大会常务委员会第三十次会议修订 根据2019年4月23日第十三届全国人民代表大会"
             "常务委员会第十次会议《关于修改〈中华人民共和国建筑法〉等八部法律的决定》修正）\n第一章 总则\n第一条 为了促进公平竞争，制定本法。",
             body=False)
    assert (m.issuer, m.issue_date, m.region, m.doc_number) == ("全国人民代表大会常务委员会", "2017-11-04", "全国", None)


@pytest.mark.parametrize(("text", "expected"), [
    # a national law kept as Markdown: its opening # title is its title whatever its ending (LR13 keeps the mark,
    # MT15 reads it), and names the country
    ("# 中华人民共和国商标法\n\n## 第一章 总则\n\n第一条 为了加强商标管理，保护商标专用权，制定本法。",
     ("中华人民共和国商标法", "全国", "法")),
    ("# 中华人民共和国商标法\n\n2019年4月23日 第十三届全国人民代表大会常务委员会第十次会议修正\n\n<!-- INFO END -->\n\n"
     "## 第一章 总则\n\n第一条 为了加强商标管理，制定本法。", ("中华人民共和国商标法", "全国", "法")),
    # a law's name above its first chapter in a plain text (MT17)
    ("中华人民共和国商标法\n第一章 总则\n第一条 为了加强商标管理，制定本法。", ("中华人民共和国商标法", "全国", "法")),
    # a name above its bracketed history, whatever its ending
    ("中华人民共和国宪法修正案\n（2018年3月11日第十三届全国人民代表大会第一次会议通过）\n"
     "第三十二条 宪法第一条第二款增写一句，内容为：“中国共产党领导是中国特色社会主义最本质的特征。”",
     ("中华人民共和国宪法修正案", "全国", None)),
])
def test_a_laws_name_is_its_title(text: str, expected: tuple) -> None:
    m = meta(text, body=False)
    assert (m.title, m.region, m.doc_type) == expected


@pytest.mark.parametrize("text", [
    # not Markdown (no opening # title): a bare line above the first chapter must name a law
    "改进工作的方法\n第一章 总则\n第一条 为了改进工作，制定本办法。",  # …的方法 names no law
    "严格依法\n第一条 为了改进工作，制定本办法。",
    "中华人民共和国商标法\n一、总体要求\n（一）指导思想。坚持创新驱动，加强商标保护。",  # no articles: no regulation
    "现将办法印发给你们。\n中华人民共和国商标法\n第一条 为了加强商标管理，制定本法。",  # a sentence before it
])
def test_no_law_name_is_made_up(text: str) -> None:
    assert meta(text, body=False).title is None


@pytest.mark.parametrize(("text", "expected"), [
    # a local government's rule as a legal database exports it: the order's number in brackets on its own line
    ("    【法宝引证码】 CLI.11.7654321\n原文链接：https://www.pkulaw.com/lar/0123.html\n嘉兴市公共数据管理办法\n"
     "嘉兴市人民政府令\n\n（第35号）\n《嘉兴市公共数据管理办法》已经2021年3月2日市人民政府第62次常务会议审议通过，现予公布，"
     "自2021年5月1日起施行。\n市长 张三\n\n2021年3月20日\n嘉兴市公共数据管理办法\n第一章　总　则\n"
     "第一条　为了规范公共数据管理，制定本办法。",
     ("嘉兴市人民政府令第35号", "嘉兴市人民政府", "2021-03-20", "嘉兴市")),
    # a ministry's order printed with the country's name: the organ is the ministry
    ("# 公民举报违法行为奖励办法\n\n2021年5月6日 中华人民共和国生态环境部令第9号公布\n\n<!-- INFO END -->\n\n"
     "第一条 为了鼓励举报，制定本办法。", ("中华人民共和国生态环境部令第9号", "生态环境部", "2021-05-06", "全国")),
    # a ministry's rule passed at its 部务会议, with no order number printed
    ("# 职工培训经费管理办法\n\n2010年3月2日 经人力资源和社会保障部第40次部务会议通过\n\n<!-- INFO END -->\n\n"
     "第一条 为了规范培训经费管理，制定本办法。", (None, "人力资源和社会保障部", "2010-03-02", "全国")),
    # an order's number in its short form after the title (no issuer is guessed from 沪)
    ("上海市公共数据开放暂行办法（沪府令21号）\n第一条 为了规范公共数据开放，制定本办法。", ("沪府令21号", None, None, "上海市")),
])
def test_rules_and_orders(text: str, expected: tuple) -> None:
    m = meta(text, body=False)
    assert (m.doc_number, m.issuer, m.issue_date, m.region) == expected


def test_history_like_sentences_are_no_history() -> None:
    m = meta("为推进工作，制定本办法。本办法经2015年9月25日市政府常务会议通过，自2016年1月1日起施行。")
    assert (m.issuer, m.issue_date, m.doc_number) == (None, None, None)


# ---------------------------------------------------------------- work reports

def test_the_state_councils_work_report() -> None:
    m = meta("各位代表：\n现在，我代表国务院，向大会报告政府工作，请予审议。", body=False)
    assert (m.issuer, m.region, m.addressees, m.title) == ("国务院", "全国", [], None)


def test_a_city_report_takes_its_place_from_its_title() -> None:
    m = meta("嘉兴市2024年政府工作报告\n各位代表：\n现在，我代表市人民政府，向大会报告工作，请予审议。", body=False)
    assert (m.title, m.issuer, m.region) == ("嘉兴市2024年政府工作报告", "嘉兴市人民政府", "嘉兴市")


def test_a_report_that_names_only_its_level_states_no_place() -> None:
    m = meta("各位代表：\n现在，我代表市人民政府，向大会报告工作。过去一年，全市经济稳中有进，嘉兴港吞吐量增长。",
             body=False)
    assert (m.issuer, m.region) == (None, None)


def test_a_report_whose_speaker_names_the_place() -> None:
    m = meta("各位代表：\n现在，我代表四川省人民政府，向大会报告工作，请予审议。", body=False)
    assert (m.issuer, m.region) == ("四川省人民政府", "四川省")


# ---------------------------------------------------------------- legal-database exports and web pages

EXPORT = ("    【法宝引证码】 CLI.12.1234567\r\n原文链接：https://www.pkulaw.com/lar/0123456789abcdef.html\r\n"
          "江苏省人民政府办公厅关于印发江苏省知识产权强省建设行动计划(2021—2025年)的通知\r\n"
          "江苏省人民政府办公厅关于印发江苏省知识产权强省建设行动计划（2021-2025年）的通知\r\n\r\n"
          "（苏政办发〔2021〕55号）\r\n\r\n各市、县（市、区）人民政府，省各委办厅局，省各直属单位：\r\n"
          "　　现将《江苏省知识产权强省建设行动计划（2021-2025年）》印发给你们，请认真组织实施。\r\n"
          "江苏省人民政府办公厅\r\n\r\n　　2021年8月30日\r\n江苏省知识产权强省建设行动计划（2021-2025年）\r\n")


def test_a_legal_database_export() -> None:
    m = meta(EXPORT)
    assert m.notice_title == "江苏省人民政府办公厅关于印发江苏省知识产权强省建设行动计划（2021-2025年）的通知"
    assert (m.doc_number, m.issuer, m.issue_date, m.region) == ("苏政办发〔2021〕55号", "江苏省人民政府办公厅", "2021-08-30", "江苏省")
    assert m.title == "江苏省知识产权强省建设行动计划（2021-2025年）"
    assert m.addressees == ["各市、县（市、区）人民政府", "省各委办厅局", "省各直属单位"]


def test_legal_database_field_rows() -> None:
    m = meta("【标题】江苏省知识产权强省建设行动计划\n【发布部门】江苏省人民政府办公厅【发文字号】苏政办发〔2021〕55号\n"
             "【发布日期】2021.08.30\n【时效性】现行有效")
    assert (m.title, m.issuer, m.doc_number, m.issue_date) == ("江苏省知识产权强省建设行动计划", "江苏省人民政府办公厅",
                                                               "苏政办发〔2021〕55号", "2021-08-30")


@pytest.mark.parametrize("chrome", ["嘉兴市人民政府政策文件", "首页 > 政务公开 > 规范性文件", "规范性文件"])
def test_a_notice_title_never_starts_with_site_chrome(chrome: str) -> None:
    m = meta(f"{chrome}\n嘉兴市人民政府关于印发嘉兴市知识产权强市建设实施方案的通知\n各县（市、区）人民政府：")
    assert m.notice_title == "嘉兴市人民政府关于印发嘉兴市知识产权强市建设实施方案的通知"
    assert (m.issuer, m.title, m.region) == ("嘉兴市人民政府", "嘉兴市知识产权强市建设实施方案", "嘉兴市")


def test_a_notice_title_never_starts_with_its_number() -> None:
    m = meta("嘉政发〔2023〕7号 嘉兴市人民政府关于印发嘉兴市知识产权强市建设实施方案的通知\n各县（市、区）人民政府：")
    assert m.notice_title == "嘉兴市人民政府关于印发嘉兴市知识产权强市建设实施方案的通知"
    assert m.doc_number == "嘉政发〔2023〕7号"


def test_a_markdown_title_line() -> None:
    m = meta("# 嘉兴市知识产权强市建设实施方案\n为推进工作，制定本方案。")
    assert (m.title, m.region) == ("嘉兴市知识产权强市建设实施方案", "嘉兴市")
    m = meta("# 嘉兴市人民政府关于印发嘉兴市知识产权强市建设实施方案的通知\n各县（市、区）人民政府：")
    assert m.notice_title == "嘉兴市人民政府关于印发嘉兴市知识产权强市建设实施方案的通知"


def test_the_issuer_prefix_of_a_title_is_kept() -> None:
    m = meta("中共嘉兴市委 嘉兴市人民政府关于加快建设知识产权强市的实施意见\n各县（市、区）党委和人民政府：")
    assert m.title.startswith("中共嘉兴市委") and m.issuers == ["中共嘉兴市委", "嘉兴市人民政府"]


def test_a_web_pages_issuer_field() -> None:
    assert meta("发布机关：国务院知识产权战略实施工作部际联席会议办公室\n关于总结年度工作的通知").issuer == \
        "国务院知识产权战略实施工作部际联席会议办公室"


# ---------------------------------------------------------------- addressees

@pytest.mark.parametrize(("line", "items"), [
    ("县委、县政府各有关部门，各乡镇人民政府", ["县委、县政府各有关部门", "各乡镇人民政府"]),
    ("市委、市政府各部门，各县（市、区）党委和人民政府", ["市委、市政府各部门", "各县（市、区）党委和人民政府"]),
    ("市委宣传部、市政府各部门", ["市委宣传部", "市政府各部门"]),  # a department of the committee is its own
    ("各省、自治区、直辖市人民政府，新疆生产建设兵团，国务院各部委、各直属机构",
     ["各省、自治区、直辖市人民政府", "新疆生产建设兵团", "国务院各部委、各直属机构"]),
    ("教育部、科技部、工业和信息化部、财政部", ["教育部", "科技部", "工业和信息化部", "财政部"]),
    ("各区科技局、统计局，市直各单位", ["各区科技局、统计局", "市直各单位"]),  # a local list shares its scope
    ("东莞(guan)市各镇人民政府（街道办事处）、园区管委会", ["东莞市各镇人民政府（街道办事处）、园区管委会"]),
    # a zone or special area addressed beside organs, ending its run, is addressed as itself
    ("各区县人民政府、市政府各部门、两江新区，各有关单位", ["各区县人民政府", "市政府各部门", "两江新区", "各有关单位"]),
])
def test_addressees_split_only_between_complete_organs(line: str, items: list[str]) -> None:
    assert split_addressees(line) == items
    assert meta(f"{line}：\n现将方案印发给你们。").addressees == items


@pytest.mark.parametrize("line", ["主办：广州市天河区人民政府 承办：广州市天河区政务服务和数据管理局", "北京市、天津市：",
                                  "承办单位：市政务服务数据管理局"])
def test_no_addressees_in_a_sites_footer_or_a_list_of_places(line: str) -> None:
    assert meta(f"关于做好专利转化工作的通知\n{line}\n现将有关事项通知如下。").addressees == []


def test_a_list_of_provinces_wrapped_over_lines() -> None:
    m = meta("关于确定培育对象的通知\n北京市、天津市\n、河北省、山西省、上海市、江苏省\n、浙江省、安徽省\n、四川省知识产权局：\n"
             "经评审，确定30家市场为培育对象。\n特此通知。")
    assert m.addressees == ["北京市、天津市、河北省、山西省、上海市、江苏省、浙江省、安徽省、四川省知识产权局"]
    assert m.title == "关于确定培育对象的通知"


def test_a_pages_headline_names_the_issuers_and_the_plan() -> None:
    m = meta("市场监管总局 国家知识产权局印发《知识产权执法工作要点》\n发布时间：2024-05-10\n"
             "各省、自治区、直辖市市场监管局（厅、委）、知识产权局：\n现将工作要点印发给你们。")
    assert (m.title, m.issuers, m.region) == ("知识产权执法工作要点", ["市场监管总局", "国家知识产权局"], "全国")
    m = meta("两部门印发《关于加强知识产权纠纷调解工作的意见》\n为加强调解工作，提出如下意见。")
    assert (m.title, m.issuer) == ("关于加强知识产权纠纷调解工作的意见", None)


def test_the_plans_title_after_the_signature_keeps_its_organ() -> None:
    m = meta("嘉兴市人民政府关于印发《嘉兴市人民政府关于加快知识产权强市建设的意见》的通知\n各县（市、区）人民政府：\n"
             "现将意见印发给你们，请认真贯彻执行。\n嘉兴市人民政府\n2022年3月1日\n嘉兴市人民政府关于加快知识产权强市建设的意见\n"
             "为加快建设，提出如下意见。")
    assert m.title == "嘉兴市人民政府关于加快知识产权强市建设的意见"


def test_a_law_as_a_congress_site_prints_it() -> None:
    m = meta("江苏省人民代表大会常务委员会公告\n第35号\n《江苏省专利促进条例》已于2009年11月20日经江苏省第十一届人民代表大会常务"
             "委员会第十二次会议通过，现予公布，自2010年3月1日起施行。\n江苏省人民代表大会常务委员会\n2009年11月20日\n"
             "江苏省专利促进条例\n（2009年11月20日江苏省第十一届人民代表大会常务委员会第十二次会议通过）\n第一章 总则\n"
             "第一条 为了促进专利工作，制定本条例。", body=False)
    assert (m.title, m.doc_number, m.issuer, m.issue_date, m.region) == (
        "江苏省专利促进条例", "江苏省人民代表大会常务委员会公告第35号", "江苏省人民代表大会常务委员会", "2009-11-20", "江苏省")


def test_an_autonomous_regions_report() -> None:
    m = meta("广西壮族自治区2024年政府工作报告\n各位代表：\n现在，我代表自治区人民政府，向大会报告工作，请予审议。", body=False)
    assert (m.issuer, m.region) == ("广西壮族自治区人民政府", "广西壮族自治区")
    m = meta("各位代表：\n现在，我代表自治区人民政府，向大会报告工作，请予审议。", body=False)
    assert (m.issuer, m.region) == (None, None)


@pytest.mark.parametrize(("printed", "name"), [
    ("东莞(guan)市人民政府", "东莞市人民政府"), ("亳(bó)州市人民政府", "亳州市人民政府"),
    ("移动政务服务(app)建设方案", "移动政务服务(app)建设方案"), ("知识产权(ip)运营中心", "知识产权(ip)运营中心"),
])
def test_a_reading_gloss_is_no_part_of_a_name(printed: str, name: str) -> None:
    from ipplan.parse.header import clean_name

    assert clean_name(printed) == name


def test_a_quoted_slogan_is_no_plans_title() -> None:
    m = meta("各位代表：\n现在，我代表州人民政府，向大会报告工作。\n一年来，全面推进“三大强州战略”，制定出台“三大强州战略”3个行动方案。",
             body=False)
    assert m.title is None
    m = meta("关于印发“北京市中医药人才培养计划”的通知\n各区卫生健康委：\n现将“北京市中医药人才培养计划”印发给你们。")
    assert m.title == "北京市中医药人才培养计划"
