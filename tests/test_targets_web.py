"""Targets on short web pages of IP notices that are not plans: a 公示 notice, a 名单 notice, a
征求意见 notice, a 联席会议制度, meeting news and site chrome state no target, however many numbers
they print (periods of a procedure, counts of members, service hours, tallies of a round); the
plan sentences beside them keep theirs. Every text is written for the test in the shape of such
a page (other words, other numbers), with near-misses that are real targets."""

from __future__ import annotations

import pytest

import ipplan


def targets(text: str) -> list[tuple]:
    plan = ipplan.parse_text(text)
    return [(t.indicator, t.value, t.unit, t.op) for t in plan.targets]


PUBLICITY = """关于2025年度市级商标品牌培育示范企业拟认定名单的公示
发布时间：2025-04-02 来源：市市场监管局 浏览次数：318
经企业自愿申报、区级推荐和专家评审，拟认定某某食品有限公司等28家企业为2025年度市级商标品牌培育示范企业，现予以公示。
公示期为2025年4月2日至4月9日，共6个工作日。
公示期间，对名单有异议的，请以书面形式向市市场监管局商标处反映。异议期为5个工作日，逾期不予受理。
联系人：赵某 联系电话：0731-84561234
市市场监管局
2025年4月2日"""

CONSULTATION = """关于公开征求《某市数据知识产权登记办法（征求意见稿）》意见的通知
为规范数据知识产权登记工作，我局起草了《某市数据知识产权登记办法（征求意见稿）》，现公开征求意见。
征求意见时间为2025年8月1日至8月31日，共31天。
有关单位和个人可在征求意见期内通过电子邮件提出意见，意见反馈期限为15个工作日。"""

LIST_NOTICE = """关于公布第二批县域专利转化运用项目的通知
各县（市、区）知识产权局：
经申报、审核和公示，确定“特色农产品品种权转化”等9个项目为第二批县域专利转化运用项目，现予公布。
本批入选项目共9个，其中产业类4个、企业类5个。
每个县推荐不超过3个项目，项目实施周期为1年。"""

JOINT_MEETING = """某市商标品牌工作联席会议制度
一、组成单位
联席会议由市市场监管局、市委宣传部、市商务局、市农业农村局等17个部门组成，市市场监管局为牵头单位。
联席会议成员单位共17个，联席会议下设2个工作组，工作专班配备3名专职人员。
二、工作规则
联席会议原则上每半年召开1次全体会议，联络员会议每季度召开1次。"""

NEWS = """全市知识产权保护工作推进会召开
5月8日，全市知识产权保护工作推进会召开，各区分管负责同志等150余人参加会议。
会议历时3小时。本次会议共设1个主会场、9个分会场。
活动期间共举办保护宣讲8场，发放宣传资料5000份。
会议要求，今年全市新增知识产权保护工作站15家，培育知识产权保护示范企业40家以上。"""

CHROME = """HI，欢迎来到某某知识产权服务网！
24小时服务QQ:1234567890
客服QQ：987654321 微信：ip-helper
7×24小时在线客服
服务时间：周一至周五 8:30-17:00
关于推进地理标志品牌建设的意见
到2027年，全市地理标志商标达到25件，培育地理标志运用示范企业30家。"""


TRAINING = """关于举办2025年商标代理业务培训班的通知
各有关单位：
一、培训时间：培训时间为3天，2025年9月10日至12日。
二、培训对象：各商标代理机构从业人员，每单位限报3人，培训规模约150人。
三、参会要求：每区参会人数不超过5人，请于9月5日前报送回执。"""

RESULTS = """关于2024年度知识产权行政保护典型案例评选结果的通报
经各地推荐、专家评审，共评选出专利行政保护典型案例12个、商标行政保护典型案例18个，现予通报。"""

FAQ = """问：小微企业可以减缴哪些费用？
答：符合条件的小微企业可减缴85%的申请费和年费。"""


@pytest.mark.parametrize("text", [PUBLICITY, CONSULTATION, LIST_NOTICE, JOINT_MEETING, TRAINING, RESULTS, FAQ], ids=[
    "publicity", "consultation", "list", "joint-meeting", "training", "results", "faq"])
def test_a_notice_page_that_is_no_plan_states_no_target(text: str) -> None:
    assert targets(text) == []


def test_meeting_news_keeps_only_what_it_commits_to() -> None:
    # attendance, the meeting's length, its venues and the week's tally are news, not targets
    assert targets(NEWS) == [("新增知识产权保护工作站", 15, "家", "="), ("知识产权保护示范企业", 40, "家", ">=")]


def test_site_service_contacts_are_chrome_and_never_targets() -> None:
    plan = ipplan.parse_text(CHROME)
    assert [(t.indicator, t.value, t.unit) for t in plan.targets] == [
        ("地理标志商标", 25, "件"), ("地理标志运用示范企业", 30, "家")]
    assert not any("QQ" in t.text or "小时" in t.text for t in plan.targets)


def test_a_notices_contact_line_stays_for_the_header() -> None:
    # a notice's own 联系人 / 联系电话 is no site chrome: the header reads the issuer from it
    from ipplan.parse.clean import drop_noise
    lines = ["联系人：赵某 联系电话：0731-84561234", "24小时服务热线：400-000-1111", "举报电话：12315"]
    assert drop_noise(lines)[0] == ["联系人：赵某 联系电话：0731-84561234", "举报电话：12315"]


@pytest.mark.parametrize("text, want", [
    # a plan's time limits cut to a length are targets (not periods of a procedure)
    ("到2026年，商标注册审查周期压减至4个月，专利侵权纠纷办理时限缩短到20个工作日。",
     [("商标注册审查周期", 4, "个月", "="), ("专利侵权纠纷办理时限", 20, "个工作日", "=")]),
    # a body that grows is a target (not its make-up)
    ("到2026年，知识产权保护联盟成员单位达到120家。", [("知识产权保护联盟成员单位", 120, "家", "=")]),
    ("到2026年，联席会议成员单位增加到35个。", [("联席会议成员单位", 35, "个", "=")]),
    # a count of hours is a target (service hours are none)
    ("到2026年，注册志愿者人均志愿服务时长达到40小时。", [("注册志愿者人均志愿服务时长", 40, "小时", "=")]),
])
def test_near_misses_keep_their_targets(text: str, want: list[tuple]) -> None:
    assert targets(text) == want


def test_a_tally_that_commits_stays_a_target() -> None:
    # 共 + a verb tallies what was done (news), unless the sentence commits (不少于, 力争, 将 …)
    assert [(t[1], t[2], t[3]) for t in targets("全年共开展知识产权宣传活动不少于60场。")] == [(60, "场", ">=")]
    assert targets("宣传周期间共开展知识产权宣传活动60场。") == []


def test_a_date_in_brackets_is_no_milestone() -> None:
    from ipplan.parse.targets import _milestones
    assert _milestones("（2025年1月4日至2025年1月10日）") == ([], "（2025年1月4日至2025年1月10日）")
    assert _milestones("（2023年底达3.85件）")[0] == [(2023, __import__("decimal").Decimal("3.85"))]


def test_a_guideline_keeps_its_goal_and_drops_its_requirements() -> None:
    text = ("到2027年，培育知识产权鉴定机构80家以上。鉴定机构应当具备4名以上具有高级职称的鉴定人员，"
            "鉴定期限一般为25个工作日。")
    assert targets(text) == [("知识产权鉴定机构", 80, "家", ">=")]


def test_the_base_of_a_change_is_no_target() -> None:
    # 由20个月压缩至15个月: the value reached is the target, the value it starts from is its base
    assert targets("到2026年，发明专利审查周期由20个月压缩至15个月。") == [("发明专利审查周期", 15, "个月", "=")]


def test_page_counters_are_chrome() -> None:
    from ipplan.parse.clean import drop_noise
    lines = ["浏览 2048次 评论(5条) 已有7人点赞", "下载次数：31次 字数：4100字", "共找到12条记录", "第2/4页",
             "到2026年，全市专利密集型产品备案认定数量达到300件。", "共找到问题线索12条，已全部整改。"]
    assert drop_noise(lines)[0] == lines[4:]


NEWS_SINCE = """（记者 某某）记者从市市场监管局获悉，今年以来，全市累计办理商标侵权案件180件，罚没款1200万元。
市商标品牌指导站自2023年设立以来，已为600余家企业提供商标注册指导，注册周期缩短至4个月。
下一步，到2026年，全市建成商标品牌指导站30家。"""

ORGAN = """某区市场监管局机构概况
某区市场监管局内设9个科室，核定行政编制46名，其中局长1名、副局长4名。下属事业单位3个。
到2026年，全区商标品牌指导站达到12家。"""


def test_news_since_a_date_is_background() -> None:
    assert targets(NEWS_SINCE) == [("商标品牌指导站", 30, "家", "=")]


def test_the_make_up_of_an_organ_is_scope() -> None:
    assert targets(ORGAN) == [("商标品牌指导站", 12, "家", "=")]


# Numerals inside set phrases (成语) count nothing; a numeral before a noun outside one still does.
IDIOMS = """二、主要措施
以合作社为纽带，把千家万户的小生产连成一个整体，千方百计拓宽销路，吸引四面八方的客商，确保万无一失。
到2026年，培育千家商标品牌示范企业，举办百个以上品牌展会，带动万人以上就业。"""


def test_numerals_in_set_phrases_are_no_quantities() -> None:
    assert [(t[1], t[2], t[3]) for t in targets(IDIOMS)] == [(1000, "家", "="), (100, "个", ">="), (10000, "人", ">=")]


# Counts written in characters after a verb that builds, and the clause that continues the list.
CN_COUNTS = """（三）品牌基地建设。到2027年底，围绕特色产业，建成六个省级地理标志产业园，十二个县级地理标志产业园，以及一批后备园区。
重点抓好八个方面的工作，实施“三个一批”培育工程，落实两个确保，开展三大行动，建设一个公共服务平台。"""


def test_counts_in_characters_after_a_building_verb_are_targets() -> None:
    assert targets(CN_COUNTS) == [("省级地理标志产业园", 6, "个", "="), ("县级地理标志产业园", 12, "个", "=")]
    assert [t.year for t in ipplan.parse_text(CN_COUNTS).targets] == [2027, 2027]


# A list notice counts what it chose: scope. A plan that will choose keeps its targets.
CHOSEN = """关于公布第三批版权示范单位名单的通知
各县（市、区）版权局：
经单位申报、县级推荐、专家评审并公示，确定640件企业版权作品、95家版权服务工作站列入第三批版权示范名单（见附件1—2）。
经研究，同意8个园区为市级版权产业园区，现予公布。"""

CHOOSING_PLAN = """到2026年，遴选40家企业列入版权示范培育名单。每年认定15家企业为版权示范单位。"""


def test_the_entries_a_list_notice_chose_are_scope() -> None:
    assert targets(CHOSEN) == []
    # what a plan will choose stays a target (its indicator is the 40家's noun phrase, read by TG01)
    assert [(t[1], t[2], t[3]) for t in targets(CHOOSING_PLAN)] == [(40, "家", "="), (15, "家", "=")]


# A preamble that reports goals reached states the past; the forward part keeps its targets.
ACHIEVED = """知识产权服务业是现代服务业的重要组成部分。全省知识产权服务业顺利完成了上一个五年规划的各项目标，服务机构快速发展，达到3200家，从业人员结构趋向合理。行业管理取得了明显成效，示范机构达到60家。
到2027年，全省知识产权服务机构达到4500家，力争示范机构达到100家。"""


def test_goals_reached_in_a_preamble_are_past() -> None:
    # (全省 is collective scope, dropped from the indicator)
    assert targets(ACHIEVED) == [("知识产权服务机构", 4500, "家", "="), ("示范机构", 100, "家", "=")]
