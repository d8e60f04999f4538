"""The reading and layout layer on documents as they are really published: scraped one-line
text, glued lines, pinyin readings, sharing-site wrappers, page chrome, doubled and hidden
text, flattened tables. Each case is built from the shape of real pages (gov.cn and city
portals, crawler exports, document-sharing sites), with near-misses that must stay as they
are. What is checked is the numbered text the rules see (``ipplan text``) and, where a later
stage depends on it, the plan."""

from __future__ import annotations

import subprocess
import sys

import pytest

import ipplan
from ipplan import api
from ipplan.parse.types import DecodedDocument
from tests.conftest import SAMPLE_TEXTS

FW = "\u3000\u3000"  # a full-width indent


def lines_of(text: str) -> list[str]:
    return [line for _, line in api.text_of(DecodedDocument(text, None, None, None))[1]]


def codes(plan: ipplan.Plan) -> list[str]:
    return [n.code for n in plan.notices]


# ---------------------------------------------------------------- scraped one-line text

ONE_LINE = (
    f"{FW}为深入实施知识产权强国战略，制定本方案。{FW}一、总体要求{FW}（一）指导思想{FW}以习近平新时代中国特色社会主义思想为指导。"
    f"{FW}（二）主要目标{FW}到2017{FW}年，全市发明专利拥有量达到3000件以上。{FW}二、重点任务{FW}（一）强化知识产权创造"
    f"{FW}培育高价值专利。"
)


def test_paragraphs_separated_only_by_indents_are_split() -> None:
    got = lines_of(ONE_LINE)
    assert got[:4] == ["为深入实施知识产权强国战略，制定本方案。", "一、总体要求", "（一）指导思想",
                       "以习近平新时代中国特色社会主义思想为指导。"]
    assert "到2017年，全市发明专利拥有量达到3000件以上。" in got  # the year is not cut by the indent


def test_one_line_record_gives_the_outline_and_the_year() -> None:
    plan = ipplan.parse_text(ONE_LINE)
    assert [(s.id, s.title) for s in plan.sections] == [("1", "总体要求"), ("2", "重点任务")]
    assert [(c.id, c.title) for c in plan.sections[0].children] == [("1.1", "指导思想"), ("1.2", "主要目标")]
    (t,) = plan.targets
    assert (t.value, t.unit, t.year, t.section) == (3000, "件", 2017, "1.2")
    assert "LR03" in codes(plan)


@pytest.mark.parametrize("line", [f"{FW}一、总体要求", f"一、总体要求{FW}坚持创新驱动", "到2025年 全市"])
def test_a_single_indent_is_not_a_paragraph_break(line: str) -> None:
    assert len(lines_of(line)) == 1


@pytest.mark.parametrize(("text", "want"), [
    ("到2017 年，专利达到100件", "到2017年，专利达到100件"),
    ("2026年 4月 20 日", "2026年4月20日"),
])
def test_dates_cut_by_a_separator_are_joined(text: str, want: str) -> None:
    assert lines_of(text) == [want]


@pytest.mark.parametrize("text", ["2017 2018年两年", "第 3 页 共 5 页 目录"])
def test_numbers_that_are_not_one_date_stay_apart(text: str) -> None:
    assert lines_of(text) == [text]


# ---------------------------------------------------------------- glued header lines

@pytest.mark.parametrize(("line", "want"), [
    ("河北省工业和信息化厅关于印发《河北省工业互联网创新发展行动计划》的通知各市（含定州、辛集市）工业和信息化局，雄安新区改革发展局：",
     ["河北省工业和信息化厅关于印发《河北省工业互联网创新发展行动计划》的通知",
      "各市（含定州、辛集市）工业和信息化局，雄安新区改革发展局："]),
    ("国发〔2015〕71号各省、自治区、直辖市人民政府，国务院各部委、各直属机构：",
     ["国发〔2015〕71号", "各省、自治区、直辖市人民政府，国务院各部委、各直属机构："]),
    ("苏政办发[2021]12号市科技局、市财政局：", ["苏政办发[2021]12号", "市科技局、市财政局："]),
    ("2021年10月14日河北省工业互联网创新发展行动计划（2021—2023年）",
     ["2021年10月14日", "河北省工业互联网创新发展行动计划（2021—2023年）"]),
    ("2021年10月14日（此件主动公开）", ["2021年10月14日", "（此件主动公开）"]),
    ("二〇二二年九月三十日（此件公开发布）", ["二〇二二年九月三十日", "（此件公开发布）"]),
])
def test_glued_header_lines_are_split(line: str, want: list[str]) -> None:
    assert lines_of(line) == want


@pytest.mark.parametrize("line", [
    "按照《关于加强知识产权保护的通知》要求，现将有关事项通知如下：",
    "根据国发〔2015〕71号文件要求：",
    "2021年10月14日起施行",
    "2021年10月14日，市政府召开常务会议审议通过了实施方案",
    "关于印发《行动计划》的通知",
])
def test_lines_that_only_look_glued_stay_whole(line: str) -> None:
    assert lines_of(line) == [line]


def test_glued_notice_gives_its_header() -> None:
    plan = ipplan.parse_text("国办发〔2018〕128号各省、自治区、直辖市人民政府，国务院各部委、各直属机构：\n"
                             "现将《“无废城市”建设试点工作方案》印发给你们，请认真贯彻执行。\n"
                             "一、总体要求\n（一）指导思想\n坚持绿色发展。")
    assert plan.meta.doc_number == "国办发〔2018〕128号"
    assert "国务院各部委" in "".join(plan.meta.addressees)


# ---------------------------------------------------------------- pinyin readings

@pytest.mark.parametrize(("text", "want"), [
    ("国务(wù)院办公厅关于优(yōu)化营商环境的通知", "国务院办公厅关于优化营商环境的通知"),
    ("推（tuī）进知识产权强市建设", "推进知识产权强市建设"),
    ("国办发〔2018〕12(shí èr)号", "国办发〔2018〕12(shí èr)号"),  # after a digit: not a reading of a character
])
def test_pinyin_readings_are_removed(text: str, want: str) -> None:
    assert lines_of(text) == [want]


@pytest.mark.parametrize("text", ["专利合作条约(PCT)国际申请", "附件(a)说明", "方案(2023-2025年)", "数字经济(AI)产业"])
def test_latin_in_brackets_that_is_not_pinyin_stays(text: str) -> None:
    assert lines_of(text) == [text]


def test_pinyin_does_not_hide_the_doc_number() -> None:
    plan = ipplan.parse_text("国务(wù)院办公厅关于印发工作方案的通知\n国办发〔2018〕128号\n一、总体要求\n坚持绿色发展。")
    assert plan.meta.doc_number == "国办发〔2018〕128号"
    assert plan.meta.notice_title == "国务院办公厅关于印发工作方案的通知"


# ---------------------------------------------------------------- wrappers and chrome

SHARED = """加快推进知识产权强市建设工作方案.doc
加快推进知识产权强市建设工作方案.doc 由会员分享，可在线阅读，更多相关《加快推进知识产权强市建设工作方案》请在道客巴巴上搜索。
加快推进知识产权强市建设工作方案
一、总体要求
坚持创新驱动。
二、主要目标
到2025年，有效发明专利达到5000件。
温馨提示：
1.部分包含数学公式或PPT动画的文件，查看预览时可能会显示错乱或异常，文件下载后无此问题，请放心下载。
2.本文档由用户上传，版权归属用户，本站只提供存储服务，如有侵权请联系删除。
下载文档
"""


def test_sharing_site_wrapper_is_dropped_with_a_notice() -> None:
    got = lines_of(SHARED)
    assert got == ["加快推进知识产权强市建设工作方案", "一、总体要求", "坚持创新驱动。", "二、主要目标",
                   "到2025年，有效发明专利达到5000件。"]
    plan = ipplan.parse_text(SHARED)
    assert "N012" in codes(plan) and len(plan.targets) == 1


CHROME = """当前位置：首页 > 政务公开 > 政策文件
发表日期：2020-11-18来源：市市场监管局 作者：办公室 浏览次数：356
字号：大 中 小
湖州市知识产权工作要点
一、强化创造
培育高价值专利。
扫一扫在手机打开当前页
市发展改革委
市教育局
市科技局
市经信局
市公安局
市民政局
市司法局
"""


def test_page_chrome_and_link_lists_are_dropped() -> None:
    assert lines_of(CHROME) == ["湖州市知识产权工作要点", "一、强化创造", "培育高价值专利。"]


def test_signature_block_of_a_joint_issue_is_not_a_link_list() -> None:
    sig = ["市市场监管局", "市发展改革委", "市教育局", "市科技局", "市经信局", "市财政局", "2023年5月6日"]
    assert lines_of("一、强化创造\n培育高价值专利。\n" + "\n".join(sig)) == ["一、强化创造", "培育高价值专利。", *sig]


@pytest.mark.parametrize("line", ["发布机构：市市场监管局", "来源于基层的创新做法，作者们认为：应当加强保护。",
                                  "1.鼓励企业上传专利信息。", "4.推进版权兴业。建立版权示范单位，打击侵权盗版。"])
def test_content_that_mentions_chrome_words_stays(line: str) -> None:
    assert lines_of(line) == [line]


# ---------------------------------------------------------------- doubled and hidden text

BODY = "临沂市知识产权工作方案\n一、总体要求\n坚持创新驱动。\n二、主要目标\n到2025年，有效发明专利达到5000件。\n三、保障措施\n加强组织领导。"


def test_a_document_held_twice_is_read_once() -> None:
    plan = ipplan.parse_text(BODY + "\n" + BODY)
    assert [s.id for s in plan.sections] == ["1", "2", "3"] and len(plan.targets) == 1
    assert "LR10" in codes(plan)


def test_a_doubled_one_line_record_is_read_once() -> None:
    one = BODY.replace("\n", " ") * 6
    assert len(lines_of(one + one)) == len(lines_of(one))


def test_a_repeated_section_is_not_a_doubled_document() -> None:
    text = "一、总则\n二、目标\n一、总则\n三、措施\n四、保障\n五、附则"
    assert lines_of(text) == text.split("\n")


HIDDEN = """<html><body><div class="article"><h1>临沂市知识产权工作方案</h1>
<p>一、总体要求</p><p>坚持创新驱动，加快建设知识产权强市，推动知识产权工作高质量发展，为经济社会发展提供有力支撑。</p>
<p>二、主要目标</p><p>到2025年，有效发明专利达到5000件，每万人高价值发明专利拥有量达到8件，知识产权质押融资登记额达到10亿元。</p>
<p>三、保障措施</p><p>加强组织领导，完善工作机制，强化督促落实，营造良好氛围。</p></div>
<div class="print-copy" style="display: none"><p>一、总体要求</p><p>坚持创新驱动。</p><p>二、主要目标</p>
<p>到2025年，有效发明专利达到5000件。</p></div></body></html>"""


def test_a_hidden_copy_of_the_article_is_not_read() -> None:
    plan = ipplan.parse_bytes(HIDDEN.encode())
    assert [s.id for s in plan.sections] == ["1", "2", "3"] and len(plan.targets) == 3
    assert "N010" in codes(plan)


def test_an_article_shown_only_by_script_is_read() -> None:
    page = ('<html><body><div id="content" style="display:none"><p>一、总体要求</p><p>坚持创新驱动。</p>'
            "<p>二、主要目标</p><p>到2025年，有效发明专利达到5000件。</p></div></body></html>")
    plan = ipplan.parse_bytes(page.encode())
    assert [s.id for s in plan.sections] == ["1", "2"] and "N010" not in codes(plan)


# ---------------------------------------------------------------- tables as published

FLAT = "\n\n".join(["附件", "重点任务分工表", "序号", "重点任务", "主要内容", "责任单位",
                    "1", "强化知识产权创造", "培育高价值专利", "市科技局、市市场监管局",
                    "2", "加强知识产权保护", "建设知识产权保护中心", "市市场监管局（市知识产权局）"])


def test_a_word_table_pasted_one_cell_per_line_is_a_table() -> None:
    plan = ipplan.parse_text("一、总体要求\n坚持创新驱动。\n" + FLAT)
    (table,) = plan.tables
    assert table.header == ["序号", "重点任务", "主要内容", "责任单位"] and table.kind == "responsibility"
    assert [[u.name for u in t.units] for t in table.tasks] == [["市科技局", "市市场监管局"], ["市市场监管局"]]
    assert table.tasks[1].units[0].aliases == ["市知识产权局"]


def test_a_numbered_list_under_a_serial_heading_is_not_a_table() -> None:
    text = "序号\n一、总体要求\n1.加强保护\n2.促进运用"
    assert lines_of(text) == text.split("\n")


# ---------------------------------------------------------------- clean text is never touched

@pytest.mark.parametrize("path", SAMPLE_TEXTS, ids=lambda p: p.stem)
def test_clean_samples_trigger_no_layout_repair(path) -> None:
    plan = ipplan.parse_file(path)
    assert not [n for n in plan.notices if n.code.startswith("LR") or n.code in ("N010", "N011", "N012")]


# ---------------------------------------------------------------- ipplan text

def test_text_command_prints_numbered_lines_that_plans_refer_to(tmp_path) -> None:
    path = tmp_path / "plan.txt"
    path.write_text(ONE_LINE, encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "ipplan", "text", str(path)], capture_output=True, text=True, check=True)
    numbered = dict(line.strip().split("  ", 1) for line in out.stdout.splitlines())
    plan = ipplan.parse_file(path)
    for s in plan.sections:
        assert s.title in numbered[str(s.line)]
        for c in s.children:
            assert c.title in numbered[str(c.line)]
    assert plan.targets[0].text in numbered[str(plan.targets[0].line)]
    plain = subprocess.run([sys.executable, "-m", "ipplan", "text", "--plain", str(path)], capture_output=True,
                           text=True, check=True).stdout.splitlines()
    assert plain == [numbered[str(i)] for i in range(1, len(plain) + 1)]


def test_text_command_errors_are_one_line(tmp_path) -> None:
    out = subprocess.run([sys.executable, "-m", "ipplan", "text", str(tmp_path / "missing.txt")], capture_output=True,
                         text=True)
    assert out.returncode == 1 and out.stderr.count("\n") == 1 and "no such file" in out.stderr


def test_a_caption_row_spanning_the_table_is_a_line_and_starts_a_new_table() -> None:
    page = ("<html><body><div class='article'><p>一、总体要求</p><p>坚持创新驱动。</p><table>"
            "<tr><td>指标</td><td>2025年</td></tr><tr><td>发明专利（件）</td><td>100</td></tr>"
            "<tr><td colspan='3'>附件2 任务分工表</td></tr>"
            "<tr><td>序号</td><td>工作事项</td><td>牵头单位</td></tr>"
            "<tr><td>1</td><td>强化创造</td><td>市科技局</td></tr>"
            "<tr><td>2</td><td>加强保护</td><td>市市场监管局</td></tr></table></div></body></html>")
    plan = ipplan.parse_bytes(page.encode())
    assert [t.header for t in plan.tables][-1] == ["序号", "工作事项", "牵头单位"]
    assert plan.tables[-1].title == "附件2 任务分工表"
    assert [[u.name for u in k.units] for k in plan.tables[-1].tasks] == [["市科技局"], ["市市场监管局"]]
    assert not [n for n in plan.notices if n.code == "N301"]


# ---------------------------------------------------------------- every sample as published

_WRAP_HEAD = "{name}.doc 由会员分享，可在线阅读，更多相关《{name}》请在道客巴巴上搜索。\n"
_WRAP_TAIL = ("\n温馨提示：\n1.部分包含数学公式或PPT动画的文件，查看预览时可能会显示错乱或异常，文件下载后无此问题，请放心下载。\n"
              "2.本文档由用户上传，版权归属用户，本站只提供存储服务，如有侵权请联系删除。\n下载文档\n")
_READINGS = {"知": "zhī", "产": "chǎn", "划": "huà", "务": "wù"}


def _published(kind: str, text: str, name: str) -> str:
    paragraphs = [line.strip() for line in text.splitlines() if line.strip()]
    if kind == "scraped one-line record":
        return FW + FW.join(paragraphs)
    if kind == "held twice":
        return text + "\n" + text
    if kind == "sharing-site copy":
        return _WRAP_HEAD.format(name=name) + text + _WRAP_TAIL
    return "".join(c + (f"({_READINGS[c]})" if c in _READINGS else "") for c in text)  # pinyin readings


@pytest.mark.parametrize("kind", ["scraped one-line record", "held twice", "sharing-site copy", "pinyin readings"])
@pytest.mark.parametrize("path", SAMPLE_TEXTS, ids=lambda p: p.stem)
def test_every_sample_as_published_gives_its_expected_plan(path, kind: str) -> None:
    import yaml

    from tests.helpers import plan_dict

    want = yaml.safe_load(path.with_suffix(".yaml").read_text("utf-8"))
    got = plan_dict(ipplan.parse_text(_published(kind, path.read_text("utf-8"), path.stem)))
    for key in ("meta", "sections", "targets", "tables"):
        assert got[key] == want[key], key


def test_a_head_glued_into_one_line_gives_its_elements() -> None:
    text = ("临沂市人民政府办公室关于印发临沂市知识产权强市建设纲要推进计划(2023-2025年)的通知临政办字〔2023〕81号"
            "各县区人民政府(开发区管委会),市政府各部门(单位):现将《临沂市知识产权强市建设纲要推进计划(2023-2025年)》"
            "印发给你们,请结合实际,抓好贯彻落实。临沂市人民政府办公室2023年9月13日(此件公开发布)"
            "一、总体要求坚持创新驱动。二、主要目标到2025年，全市有效发明专利达到5000件。")
    plan = ipplan.parse_text(text)
    m = plan.meta
    assert m.notice_title == "临沂市人民政府办公室关于印发临沂市知识产权强市建设纲要推进计划(2023-2025年)的通知"
    assert (m.doc_number, m.issuer, m.issue_date) == ("临政办字〔2023〕81号", "临沂市人民政府办公室", "2023-09-13")
    assert "LR12" in codes(plan)
