"""Saved web pages, Word files and PDFs of each sample give the plan of the clean text;
each format's own rules (chrome, metadata, numbering, merged cells, page furniture) and
its errors are checked on small documents."""

from __future__ import annotations

import io
import re
import subprocess
import sys
import zipfile
from functools import cache
from pathlib import Path

import pytest
import yaml

import ipplan
from tests.helpers import plan_dict
from ipplan import emit
from ipplan.errors import ReadError
from ipplan.parse import readers
from ipplan.parse.formats import layout
from ipplan.parse.types import RawDocument
from tests import fixtures as fx
from tests.conftest import SAMPLE_TEXTS

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
