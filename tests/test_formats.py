"""Saved web pages, Word files and PDFs of each sample give the plan of the clean text;
each format's own rules (chrome, metadata, numbering, merged cells, page furniture) and
its errors are checked on small documents."""

from __future__ import annotations

import copy
import io
import os
import re
import shutil
import subprocess
import sys
import zipfile
from functools import cache
from pathlib import Path

import pytest
import yaml

import ipplan
from tests.helpers import plan_dict
from ipplan.errors import ReadError
from ipplan.parse import readers
from ipplan.parse.formats import layout
from ipplan.parse.types import RawDocument
from ipplan.parse.vocab.notices import NoticeRef
from tests import fixtures as fx
from tests.conftest import SAMPLE_TEXTS
from tests.hostile.test_formats_hostile import docx as tiny_docx
from tests.hostile.test_formats_hostile import grid_before, html_spans, numbering_start

PLAN_KEYS = ("meta", "sections", "targets", "tables", "warnings")


def plan(data: bytes | str) -> dict:
    if isinstance(data, str):
        return plan_dict(ipplan.parse_text(data))
    return plan_dict(ipplan.parse_bytes(data))


def text_of(data: bytes) -> str:
    return readers.decode(RawDocument(data)).text


@cache
def sample(stem: str) -> tuple[str, list[fx.Block]]:
    text = next(p for p in SAMPLE_TEXTS if p.stem == stem).read_text("utf-8")
    return text, fx.blocks(text)


STEMS = [p.stem for p in SAMPLE_TEXTS]


@pytest.mark.parametrize("stem", STEMS)
def test_fixture_text_is_the_sample(stem: str) -> None:
    """The blocks the fixtures are built from hold the whole sample (merged cells filled)."""
    _, bs = sample(stem)
    want = yaml.safe_load(Path(f"samples/{stem}.yaml").read_text("utf-8"))
    got = plan(fx.plain_text(bs))
    for key in ("meta", "sections", "targets", "tables"):
        assert got[key] == want[key], key


@pytest.mark.parametrize("stem", STEMS)
@pytest.mark.parametrize(
    ("build", "fmt", "encoding"),
    [
        (lambda bs: fx.html_page(bs).encode("utf-8"), "html", "utf-8"),
        (lambda bs: fx.html_page(bs, charset="gb2312").encode("gb18030", "xmlcharrefreplace"), "html", "gb18030"),
        (lambda bs: fx.html_page(bs, charset=None).encode("gb18030", "xmlcharrefreplace"), "html", "gb18030"),
        (lambda bs: fx.html_page(bs, heading=False).encode("utf-8"), "html", "utf-8"),
        (lambda bs: fx.docx_file(bs), "docx", "utf-8"),
        (lambda bs: fx.docx_file(bs, auto_numbers=True), "docx", "utf-8"),
    ],
    ids=["html", "html-gb2312-declared", "html-gb18030-detected", "html-no-heading", "docx", "docx-numbered"],
)
def test_sample_as_page_or_word_file_gives_the_expected_plan(stem: str, build, fmt: str, encoding: str) -> None:
    text, bs = sample(stem)
    got = plan(build(bs))
    assert (got["source"]["format"], got["source"]["encoding"]) == (fmt, encoding)
    want = plan(text)
    for key in PLAN_KEYS:
        assert got[key] == want[key], key


@pytest.mark.parametrize("stem", STEMS)
def test_sample_as_pdf_gives_the_plan_of_its_paragraphs(stem: str) -> None:
    _, bs = sample(stem)
    data = fx.pdf_file(bs)
    if data is None:
        pytest.skip("reportlab is not installed (pip install -e '.[test]')")
    got = plan(data)
    assert (got["source"]["format"], got["source"]["encoding"]) == ("pdf", None)
    want = plan(fx.plain_text(bs, tables=False))  # PDF tables are read as text, not rows
    for key in PLAN_KEYS:
        assert got[key] == want[key], key


# ---------------------------------------------------------------- HTML


def test_page_chrome_is_dropped_and_metadata_kept() -> None:
    _, bs = sample("wenzhou-2022")
    text = text_of(fx.html_page(bs).encode("utf-8"))
    for chrome in ("首页", "当前位置", "互动交流", "字体", "分享到", "微博", "打印本页", "关闭窗口", "版权所有",
                   "网站标识码", "规范性文件", "政策解读", "_hmt", "text-indent"):
        assert chrome not in text, chrome
    lines = text.splitlines()
    assert lines[:3] == ["发布机构：温州市市场监督管理局", "成文日期：2022-10-11", "文号：温政办〔2022〕73 号"]
    assert "序号 | 重点工作 | 主要内容 | 责任单位 |" in lines


def test_html_table_spans_are_filled() -> None:
    page = """<html><body><div class="TRS_Editor"><p>一、总体要求</p>
    <table><tr><th>序号</th><th>重点工作</th><th colspan="2">责任单位</th></tr>
    <tr><td>1</td><td rowspan="2">实施专利<br/>导航</td><td>市局</td><td>市科技局|市经信局</td></tr>
    <tr><td>2</td><td>市局</td><td>各县(市、区)政府</td></tr></table></div></body></html>"""
    lines = text_of(page.encode("utf-8")).splitlines()
    assert lines == ["一、总体要求", "序号 | 重点工作 | 责任单位 | 责任单位 |",
                     "1 | 实施专利导航 | 市局 | 市科技局｜市经信局 |", "2 | 实施专利导航 | 市局 | 各县(市、区)政府 |"]


@pytest.mark.parametrize(
    "build", [fx.docx_file, lambda bs: fx.html_page(bs).encode("utf-8")], ids=["docx", "html"])
def test_a_cell_of_two_paragraphs_gives_two_units(build) -> None:
    """Issue 12 C4: 市市场监管局 / 市财政局 as two paragraphs of one cell are two units,
    not 市市场监管局市财政局."""
    _, bs = sample("wenzhou-2022")
    bs = copy.deepcopy(bs)
    row = next(b for b in bs if b.kind == "table").rows[4]
    assert (row[0], row[-1]) == ("4", "市市场监管局")
    row[-1] = "市市场监管局\n市财政局"
    task = plan(build(bs))["tables"][0]["tasks"][3]
    assert [u["name"] for u in task["units"]] == ["市市场监管局", "市财政局"]


def test_cell_paragraphs_join_as_names_or_as_text() -> None:
    page = """<html><body><div class="TRS_Editor"><p>一、总体要求</p><p>""" + "加强知识产权保护，" * 30 + """</p><table>
    <tr><td>序号</td><td>重点工作</td><td>责任单位</td></tr>
    <tr><td>1</td><td><p>实施专利</p><p>导航工程</p></td><td>市科技局<br>市经信局（牵头）</td></tr>
    <tr><td>2</td><td><div>到2025年，</div><div>建成10个。</div></td><td>*市委宣传部(市新闻出版局)<br/>各县(市、区)政府</td></tr>
    </table></div></body></html>"""
    assert text_of(page.encode("utf-8")).splitlines()[3:] == [
        "1 | 实施专利导航工程 | 市科技局、市经信局（牵头） |",
        "2 | 到2025年，建成10个。 | *市委宣传部(市新闻出版局)、各县(市、区)政府 |"]
    assert layout.join_cell_paragraphs(["PCT", "filing", "", "市财政局"]) == "PCT filing市财政局"


def test_html_table_of_huge_spans_is_clamped_with_a_notice() -> None:
    """Issue 16 R2: a 126 KB table of rowspan 10,000 × colspan 100 would lay out 5·10^9 cells."""
    got = ipplan.parse_bytes(html_spans(2_000, 100), path="spans.html")
    assert any(n.code == "N013" and n.message.startswith("table 1: merged cells would lay out over 1,000,000 "
                                                          "characters") for n in got.notices), got.notices


def test_page_without_a_known_container_uses_text_density() -> None:
    paras = "".join(f"<p>（{n}）第{n}项工作要求，加强知识产权保护，提升服务水平。</p>" for n in "一二三四五")
    page = ("<html><body><div id='menu'><a>首页</a><a>机构</a><a>信息公开</a><a>办事服务</a></div>"
            "<div class='wrap'><div class='list'><ul>" + "<li><a>其他文件标题很长的链接文字一二三</a></li>" * 6 +
            "</ul></div><div class='x1'><div class='x2'>" + paras + "</div></div></div></body></html>")
    lines = text_of(page.encode("utf-8")).splitlines()
    assert lines[0].startswith("（一）第一项") and len(lines) == 5


def test_deeply_nested_page_does_not_crash() -> None:
    page = "<html><body>" + "<div>" * 100_000 + "深" + "</div>" * 100_000 + "</body></html>"
    with pytest.raises(ReadError, match="nested too deeply"):
        readers.decode(RawDocument(page.encode("utf-8"), path="deep.html"))


@pytest.mark.parametrize("hide", [" hidden", ' style="display:none"'])
def test_a_page_hidden_as_a_whole_is_read_and_an_empty_one_refused(hide: str) -> None:
    """The page's own <html> element is never dropped as a hidden block (it has no parent:
    ipplan crashed with a traceback on an empty one)."""
    page = f"<html{hide}><body><p>一、总体要求</p><p>全市专利达到5件。</p></body></html>"
    assert text_of(page.encode("utf-8")).splitlines() == ["一、总体要求", "全市专利达到5件。"]
    with pytest.raises(ReadError, match="no text found in the HTML page"):
        readers.decode(RawDocument(f"<html{hide}><body><p> </p></body></html>".encode(), path="empty.html"))


def test_known_containers_are_matched_by_whole_class_word_in_any_case_and_in_order() -> None:
    """A class names a container as a whole word, any case (trs_editor, a tab between
    words); a longer word holding it does not (TRS_Editor2); containers are tried in
    BODY_CONTAINERS order, whatever their order in the page; one in chrome is skipped."""
    long = "加强知识产权保护，" * 30
    page = (f"<html><body><div id='content'><p>内容{long}</p></div>"
            f"<div class='TRS_Editor2'><p>近似{long}</p></div>"
            f"<div class='share\ttrs_editor'><p>分享{long}</p></div>"
            f"<div class='x\tTRS_EDITOR'><p>正文{long}</p></div></body></html>")
    assert text_of(page.encode("utf-8")).startswith("正文")
    short = page.replace("<p>正文" + long, "<p>正文")
    assert text_of(short.encode("utf-8")).startswith("内容")  # under MIN_BODY_CHARS: the next container


@pytest.mark.parametrize(("declared", "codec", "found"), [("gb2312", "utf-8", "utf-8"),
                                                         ("iso-8859-1", "gb18030", "gb18030")])
def test_page_declaring_a_wrong_charset_is_detected(declared: str, codec: str, found: str) -> None:
    _, bs = sample("linyi-2023")
    page = fx.html_page(bs, charset=declared).encode(codec)
    got = ipplan.parse_bytes(page)
    assert got.source.encoding == found and got.meta.doc_number == "临政办字〔2023〕81号"


# ---------------------------------------------------------------- DOCX


def test_word_numbering_labels() -> None:
    bs = [fx.Block("p", t) for t in ("一、总体要求", "（一）指导思想", "（二）基本原则", "1.推进", "2.加强", "①甲", "二、主要任务",
                                      "（三）重点", "（一）再起", "十一、末项")]
    lines = text_of(fx.docx_file(bs, auto_numbers=True)).splitlines()
    assert lines == [b.text for b in bs]
    doc = zipfile.ZipFile(io.BytesIO(fx.docx_file(bs, auto_numbers=True)))
    assert "一、" not in doc.read("word/document.xml").decode()  # the labels came from numbering.xml


def test_word_tables_fill_merged_cells() -> None:
    bs = [fx.Block("table", rows=[["序号", "重点工作", "责任单位"], ["1", "专利导航", "市局"], ["2", None, "市科技局"]])]
    data = fx.docx_file(bs)
    doc = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode()
    assert 'w:vMerge w:val="restart"' in doc and "<w:vMerge/>" in doc
    assert text_of(data).splitlines() == ["序号 | 重点工作 | 责任单位 |", "1 | 专利导航 | 市局 |", "2 | 专利导航 | 市科技局 |"]


def test_grid_attributes_are_clamped() -> None:
    """Issue 12 B4 / 16 R2: gridBefore 4,000,000 (or 10^8, or 5,000 digits) lays out at
    most MAX_COLSPAN empty cells; gridSpan likewise."""
    for value in (4_000_000, 10**8, "9" * 5000, -5, "x"):
        assert text_of(grid_before(value)).splitlines() == ["一、总体要求", "市市场监管局", "二、主要任务"]
    row = ('<w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr><w:tc><w:p><w:r><w:t>a</w:t></w:r></w:p></w:tc>'
           '<w:tc><w:tcPr><w:gridSpan w:val="1000000000"/></w:tcPr><w:p><w:r><w:t>b</w:t></w:r></w:p></w:tc></w:tr>')
    lines = text_of(tiny_docx(f"<w:tbl>{row}{row}</w:tbl>")).splitlines()
    assert lines[0] == " | a | " + " | ".join(["b"] * layout.MAX_COLSPAN) + " |"


@pytest.mark.parametrize(("fmt", "start", "first"), [
    ("lowerRoman", 10**12, "32767."), ("lowerLetter", 10**11, "32767."), ("lowerRoman", 1994, "mcmxciv."),
    ("upperLetter", 27, "AA."), ("lowerRoman", -3, "0.")])
def test_numbering_starts_are_clamped(fmt: str, start: int, first: str) -> None:
    """Issue 16 R1: a list starting at 10^12 (lowerRoman) or 10^11 (lowerLetter) would
    write a label of 10^9 characters; starts are clamped to Word's 32767 and a counter
    past what the format writes is written in digits."""
    lines = text_of(numbering_start(fmt, start)).splitlines()
    assert lines[1] == first + "加强知识产权保护"
    assert max(len(line) for line in lines) < 30


def test_text_after_an_unexpanded_entity_is_kept() -> None:
    """Issue 16 R19: 知识产权&xxe;工作 keeps 工作; the entity is never expanded."""
    doctype = '<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
    data = tiny_docx("<w:p><w:r><w:t>一、加强知识产权&xxe;工作</w:t></w:r></w:p>", doctype=doctype)
    text = text_of(data)
    assert text == "一、加强知识产权工作" and "root" not in text


def _zip(members: dict[str, bytes], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return buf.getvalue()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (_zip({"xl/workbook.xml": b"<x/>"}), "an Excel workbook (.xlsx), not a Word document"),
        (_zip({"a.txt": b"hello"}), "a ZIP archive, not a Word document"),
        (_zip({"word/document.xml": b"<w:document"}), "damaged Word document"),
        (_zip({"word/document.xml": b"<a>" + b" " * (3 << 20) + b"</a>"}), "zip bomb"),
        (b"PK\x03\x04" + b"\x00" * 40, "damaged ZIP/DOCX file"),
    ],
    ids=["xlsx", "zip", "bad-xml", "bomb", "truncated"],
)
def test_bad_zip_inputs(data: bytes, message: str) -> None:
    with pytest.raises(ReadError, match=re.escape(message)):
        readers.decode(RawDocument(data, path="x.docx"))


# ---------------------------------------------------------------- PDF


def _pdf(draw) -> bytes:
    canvas = pytest.importorskip("reportlab.pdfgen.canvas", reason="reportlab is not installed")
    buf = io.BytesIO()
    c = canvas.Canvas(buf)
    draw(c)
    c.save()
    return buf.getvalue()


def test_pdf_page_furniture_is_removed() -> None:
    _, bs = sample("huzhou-2022")
    data = fx.pdf_file(bs, header="湖州市人民政府办公室文件")
    if data is None:
        pytest.skip("reportlab is not installed")
    text = text_of(data)
    assert "湖州市人民政府办公室文件" not in text and "- 1 -" not in text and "- 2 -" not in text
    assert text.splitlines() == [b.text for b in bs if b.kind == "p"]


def test_pdf_fixture_is_the_same_bytes_on_every_build() -> None:
    _, bs = sample("linyi-2023")
    if fx.pdf_file(bs) is None:
        pytest.skip("reportlab is not installed")
    assert fx.pdf_file(bs) == fx.pdf_file(bs)


_FONT_DIRS = ("/usr/share/fonts", "/usr/local/share/fonts", "/usr/share/X11/fonts")
_READ_PDF = """
import sys
from ipplan.parse.formats import pdf, pdffont
if sys.argv[2] == "system-fonts":
    pdffont.install = lambda: None  # the control: PDFium looks for fonts on the machine
sys.stdout.write(pdf.pdf_to_text(open(sys.argv[1], "rb").read(), "x"))
"""


def _read_in_namespace(pdf_path: Path, font: Path | None, mode: str) -> str:
    """The PDF's text as read in a mount namespace where the machine's font folders are
    empty, or hold only ``font``."""
    hide = " && ".join(f"mount -t tmpfs none {d}" for d in _FONT_DIRS if os.path.isdir(d))
    add = f" && cp {font} /usr/share/fonts/" if font else ""
    cmd = f"{hide}{add} && exec {sys.executable} -c '{_READ_PDF}' {pdf_path} {mode}"
    proc = subprocess.run(["unshare", "-m", "sh", "-c", cmd], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout


@pytest.mark.skipif(not (hasattr(os, "geteuid") and os.geteuid() == 0 and shutil.which("unshare")
                         and os.path.isdir("/usr/share/fonts")),
                    reason="needs root and unshare (mount namespaces) to change the machine's fonts")
def test_pdf_text_does_not_depend_on_the_machines_fonts(tmp_path: Path) -> None:
    """Issue 12: the same PDF (fonts not embedded) read on a machine without CJK fonts and
    on one with a font for GB2312 text gives the same text. The control shows the test can
    fail: letting PDFium use the machine's fonts gives two different texts."""
    from ipplan.parse.formats.pdffont import box_font

    _, bs = sample("zhengzhou-2023")  # a paragraph ends in a lone 。 on its last line
    data = fx.pdf_file(bs)
    if data is None:
        pytest.skip("reportlab is not installed")
    (tmp_path / "a.pdf").write_bytes(data)
    font = tmp_path / "simsun.ttf"  # claims GB2312: PDFium would draw STSong-Light with it
    font.write_bytes(box_font((40, -140, 960, 860), 1000, "SimSun"))
    without = _read_in_namespace(tmp_path / "a.pdf", None, "ipplan")
    with_font = _read_in_namespace(tmp_path / "a.pdf", font, "ipplan")
    assert without == with_font == text_of(data)
    assert without.splitlines() == [b.text.replace("\xa0 ", " ") for b in bs if b.kind == "p"]
    control = (_read_in_namespace(tmp_path / "a.pdf", None, "system-fonts"),
               _read_in_namespace(tmp_path / "a.pdf", font, "system-fonts"))
    assert control[0] != control[1]
    (tmp_path / "b.pdf").write_bytes(fx.identity_pdf(GOV_LINES))  # 仿宋_GB2312, a character at a time
    texts = {_read_in_namespace(tmp_path / "b.pdf", f, "ipplan") for f in (None, font)}
    assert texts == {text_of(fx.identity_pdf(GOV_LINES))}


GOV_LINES = ["一、总体要求", "到2025年，发明专利达到15件。", "（一）加强PCT国际专利申请"]


def test_pdf_of_a_font_that_is_not_embedded_placed_a_character_at_a_time() -> None:
    """Government PDFs: 仿宋_GB2312 not embedded, Identity-H, each character its own text
    object. PDFium's text page drops a text object of one character whose glyph it cannot
    find (a machine without the font); the box font keeps every one."""
    text = text_of(fx.identity_pdf(GOV_LINES))
    assert text == text_of(fx.identity_pdf(GOV_LINES, one_by_one=False))
    assert text.replace("\n", "") == "".join(GOV_LINES)


def test_pdf_lines_come_from_positions() -> None:
    """Characters placed one by one (as some PDF makers do), a word drawn twice for bold,
    Latin words set apart: one line each, read from positions."""
    from ipplan.parse.formats import pdf

    def draw(c) -> None:
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.cidfonts import UnicodeCIDFont

        pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
        c.setFont("STSong-Light", 16)
        for i, ch in enumerate("一、总体要求"):
            c.drawString(100 + 16 * i, 700, ch)
        for dx in (0, 0.4):
            c.drawString(100 + dx, 670, "知识产权")
        c.drawString(100, 640, "PCT")
        c.drawString(100 + 16 * 2.2, 640, "filing")
        c.drawString(100, 610, "。")
        c.showPage()

    import pypdfium2 as pdfium

    from ipplan.parse.formats import pdffont

    data = _pdf(draw)
    pdffont.install()
    doc = pdfium.PdfDocument(data)
    lines, count = pdf._page_lines(doc[0], 0, 1000, [])
    assert [ln.text for ln in lines] == ["一、总体要求", "知识产权", "PCT filing", "。"]
    notices: list[NoticeRef] = []
    lines, _ = pdf._page_lines(doc[0], 0, 5, notices)
    assert [ln.text for ln in lines] == ["一、总体要"] and count > 5
    assert notices == [NoticeRef("N013", f"PDF page 1: {count:,} characters, over the limit of 5; "
                                         "the rest of the page is not read")]


def test_scanned_pdf_has_no_text_layer() -> None:
    def draw(c) -> None:
        c.rect(100, 100, 300, 500, fill=1)
        c.showPage()

    with pytest.raises(ReadError, match=r"no text layer \(scanned\?\)"):
        readers.decode(RawDocument(_pdf(draw), path="scan.pdf"))


def test_damaged_pdf() -> None:
    with pytest.raises(ReadError, match="damaged PDF"):
        readers.decode(RawDocument(b"%PDF-1.7\n" + b"garbage " * 50, path="x.pdf"))


# ---------------------------------------------------------------- type by content


@pytest.mark.parametrize(
    ("head", "fmt"),
    [
        (b"%PDF-1.4\n", "pdf"), (b"PK\x03\x04", "zip"), (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "ole"),
        (b"{\\rtf1\\ansi", "rtf"), (b"\xef\xbb\xbf  <!DOCTYPE html><html>", "html"),
        (b"<!-- saved -->\n<html lang='zh'>", "html"), (b"<meta charset='gbk'><p>", "html"),
        ("\ufeff<html>".encode("utf-16-le"), "html"), (b"<?xml version='1.0'?>\n<html>", "html"),
        ("一、总体要求 <html> 标签".encode(), "html"), ("一、总体要求\n".encode(), "txt"),
        (b"<?xml version='1.0'?><root/>", "txt"),
        # fragments: a CMS export or a crawler's content column, with no <html> around it
        ('<div class="wrap" style=" font-family:宋体"><table><tr><td>'.encode(), "html"),
        ("<p>各区人民政府：</p><p>一、总体要求</p>".encode(), "html"),
        ('  <DIV class="TRS_Editor"><P>'.encode(), "html"),
        ("国务院办公厅\n<p>各省、自治区</p><p>为</p><p>一、</p><br><br><div>".encode("gb18030"), "html"),
        # near-misses: text that mentions a tag or two, or angle brackets that are not tags
        ("一、在网页中用<p>标签\n二、总体要求".encode(), "txt"),
        ("指标<15%，且>10%\n".encode(), "txt"),
        ("<<中华人民共和国专利法>>第一条".encode(), "txt"),
    ],
)
def test_format_is_sniffed_from_content(head: bytes, fmt: str) -> None:
    assert readers.sniff_format(head) == fmt


def test_extension_does_not_decide(tmp_path: Path) -> None:
    _, bs = sample("linyi-2023")
    (tmp_path / "notice.txt").write_bytes(fx.docx_file(bs))
    (tmp_path / "notice.pdf").write_bytes(fx.plain_text(bs).encode("gb18030"))
    assert ipplan.parse_file(tmp_path / "notice.txt").source.format == "docx"
    assert ipplan.parse_file(tmp_path / "notice.pdf").source.format == "txt"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "libreoffice --headless --convert-to docx"),
        (b"{\\rtf1\\ansi hello}", "RTF file; convert it with `libreoffice"),
    ],
    ids=["doc-wps", "rtf"],
)
def test_unsupported_formats_say_how_to_convert(tmp_path: Path, data: bytes, message: str) -> None:
    path = tmp_path / "old.wps"
    path.write_bytes(data)
    proc = subprocess.run([sys.executable, "-m", "ipplan", "parse", str(path)], capture_output=True, text=True)
    assert proc.returncode == 1 and proc.stdout == ""
    assert proc.stderr.count("\n") == 1 and message in proc.stderr and str(path) in proc.stderr


def test_cli_parses_each_format(tmp_path: Path) -> None:
    _, bs = sample("zhengzhou-2023")
    files = {"a.html": fx.html_page(bs).encode("utf-8"), "b.docx": fx.docx_file(bs)}
    pdf = fx.pdf_file(bs)
    if pdf is not None:
        files["c.pdf"] = pdf
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
        proc = subprocess.run([sys.executable, "-m", "ipplan", "parse", str(tmp_path / name), "-f", "json"],
                              capture_output=True, text=True)
        assert proc.returncode == 0, proc.stderr
        assert '"title": "郑州市知识产权服务业发展三年行动计划(2023-2025年)"' in proc.stdout


def test_batch_reads_every_format(tmp_path: Path) -> None:
    from ipplan.batch import run_batch

    _, bs = sample("linyi-2023")
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.htm").write_bytes(fx.html_page(bs).encode("utf-8"))
    (src / "b.docx").write_bytes(fx.docx_file(bs, auto_numbers=True))
    (src / "c.txt").write_bytes(fx.plain_text(bs).encode("gb18030"))
    (src / "d.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100)
    summary = run_batch(src, tmp_path / "out", fmt="yaml", jobs=1)
    assert summary.failed == 1
    for name in ("a", "b", "c"):
        got = yaml.safe_load((tmp_path / "out" / f"{name}.yaml").read_text("utf-8"))
        assert got["meta"]["doc_number"] == "临政办字〔2023〕81号" and len(got["sections"]) == 6


# ---------------------------------------------------------------- layout


def test_fill_grid_spans() -> None:
    C = layout.Cell
    grid = layout.fill_grid([[C("a", rowspan=3), C("b", colspan=2)], [C("c"), C("d")], [C(None), C("e")],
                             [C("f"), C("g", colspan=10**9)]])
    assert grid[:3] == [["a", "b", "b"], ["a", "c", "d"], ["a", "c", "e"]]
    assert grid[3][:2] == ["f", "g"] and len(grid[3]) == 1 + layout.MAX_COLSPAN


def test_squash_joins_broken_chinese_lines_only() -> None:
    assert layout.squash("知识\n   产权 保护\nPCT\nfiling") == "知识产权 保护 PCT filing"


@pytest.mark.parametrize(
    "rows",
    [[[layout.Cell("a", rowspan=10**4, colspan=100)] for _ in range(3000)],  # rows of huge spans
     [[layout.Cell("a", colspan=100)] * 5000],  # one row of wide cells
     [[layout.Cell("a", rowspan=10**4, colspan=100)] * 2100] + [[] for _ in range(10_000)]],  # empty rows carried
    ids=["rowspans", "one-wide-row", "carried-rows"])
def test_fill_grid_clamps_the_copies_of_a_table(rows: list) -> None:
    """Issue 16 R2, issue 24: the table, not only each cell, is clamped: its copies of merged
    cells cost at most MAX_SPAN_COPY_CHARS (each "a" copy: 1 + 3 for its separator), with one
    N013 notice; the text of every cell is still there."""
    notices: list[NoticeRef] = []
    grid = layout.fill_grid(rows, notices, "table 2")
    cells = sum(len(r) for r in rows)
    assert sum(map(len, grid)) - cells <= layout.MAX_SPAN_COPY_CHARS // 4
    assert len(notices) == 1 and notices[0].code == "N013"
    assert notices[0].message.startswith("table 2: merged cells would lay out over 1,000,000 characters")
    assert len(grid) == len(rows) and all(len(g) >= len(r) for g, r in zip(grid, rows))


def test_one_budget_for_every_table_of_a_document() -> None:
    """Issue 24: fifty tables each under any per-table limit still share one budget: past
    it, merged cells are written once, in this and every later table, with one notice."""
    notices: list = []
    table = [[layout.Cell("局" * 100, rowspan=2_000, colspan=100)]] + [[] for _ in range(1_999)]
    with layout.document_budget() as budget:
        grids = [layout.fill_grid(table, notices, f"table {i}") for i in range(1, 51)]
    copied = sum(len(c) + 3 for g in grids for row in g for c in row) - 50 * 103
    assert copied <= layout.MAX_SPAN_COPY_CHARS and budget.spent
    assert [n.message.split(":")[0] for n in notices] == ["table 1"]
    assert all(sum(map(len, g)) == 1 for g in grids[1:])  # later tables: the cell written once
    fresh = layout.fill_grid([[layout.Cell("a", colspan=3)]])  # outside: a budget of its own
    assert fresh == [["a", "a", "a"]]


def test_a_huge_label_pattern_is_cut() -> None:
    """An 800 KB w:lvlText of %1 is not written out again before each of 2,000 paragraphs."""
    numbering = ('<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
                 f'<w:numFmt w:val="decimal"/><w:lvlText w:val="{"%1" * 400_000}"/></w:lvl></w:abstractNum>'
                 '<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>')
    body = '<w:p><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>加强</w:t></w:r></w:p>' * 2000
    lines = text_of(tiny_docx(body, numbering)).splitlines()
    assert len(lines) == 2000 and lines[0] == "1" * 32 + " 加强" and max(map(len, lines)) < 200


def test_pdf_pages_past_the_document_limit_are_left_out_with_a_warning(monkeypatch: pytest.MonkeyPatch) -> None:
    from ipplan.parse.formats import pdf

    _, bs = sample("huzhou-2022")
    data = fx.pdf_file(bs)
    if data is None:
        pytest.skip("reportlab is not installed")
    monkeypatch.setattr(pdf, "MAX_CHARS", 100)
    got = ipplan.parse_bytes(data, path="long.pdf")
    assert got.warnings[0] == "PDF page 1: 801 characters, over the limit of 100; the rest of the page is not read"
    assert got.warnings[1].startswith("PDF: over 100 characters; pages 2-") and got.warnings[1].endswith(" not read")
