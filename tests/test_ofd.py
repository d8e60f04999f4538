"""OFD (GB/T 33190) files: each sample laid out as an OFD package (tests/ofdfiles.py)
gives the plan of its paragraphs, text objects are read by position whatever their order
in the XML, and damaged or hostile packages are one-line errors or clamped with a notice."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

import ipplan
from ipplan.cli import main
from ipplan.errors import ReadError
from ipplan.parse import readers
from ipplan.parse.formats import ofd
from ipplan.parse.types import RawDocument
from tests import fixtures as fx
from tests.conftest import SAMPLE_TEXTS
from tests.helpers import plan_dict
from tests.ofdfiles import NS, ofd_file

PLAN_KEYS = ("meta", "sections", "targets", "tables", "warnings")


def text_of(data: bytes) -> str:
    return readers.decode(RawDocument(data, "x.ofd")).text


@pytest.mark.parametrize("glyphs", [False, True], ids=["lines", "glyphs"])
@pytest.mark.parametrize("path", SAMPLE_TEXTS, ids=[p.stem for p in SAMPLE_TEXTS])
def test_sample_as_ofd_gives_the_plan_of_its_paragraphs(path: Path, glyphs: bool) -> None:
    """Wrapped lines re-joined, page numbers dropped, objects read by position (the
    fixture writes each page's objects bottom-up, and its first line one per character;
    or every character alone, scaled by a CTM, in nested PageBlocks). Tables are read as
    text lines, as in PDF."""
    bs = fx.blocks(path.read_text("utf-8"))
    got = plan_dict(ipplan.parse_bytes(ofd_file([b.text for b in bs if b.kind == "p"], glyphs=glyphs)))
    assert (got["source"]["format"], got["source"]["encoding"]) == ("ofd", "utf-8")
    want = plan_dict(ipplan.parse_text(fx.plain_text(bs, tables=False)))
    for key in PLAN_KEYS:
        assert got[key] == want[key], key


def package(pages: list[str], *, doc_root: str = "Doc_0/Document.xml", page_locs: list[str] | None = None,
            extra: dict[str, bytes] | None = None) -> bytes:
    locs = page_locs or [f"Pages/Page_{i}/Content.xml" for i in range(len(pages))]
    page_list = "".join(f'<ofd:Page ID="{i + 1}"><ofd:BaseLoc>{loc}</ofd:BaseLoc></ofd:Page>'
                        for i, loc in enumerate(locs))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("OFD.xml", f'<ofd:OFD xmlns:ofd="{NS}"><ofd:DocBody><ofd:DocRoot>{doc_root}</ofd:DocRoot>'
                               "</ofd:DocBody></ofd:OFD>")
        zf.writestr("Doc_0/Document.xml", f'<ofd:Document xmlns:ofd="{NS}"><ofd:CommonData><ofd:PageArea>'
                                          "<ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox></ofd:PageArea>"
                                          f"</ofd:CommonData><ofd:Pages>{page_list}</ofd:Pages></ofd:Document>")
        for i, body in enumerate(pages):
            zf.writestr(f"Doc_0/Pages/Page_{i}/Content.xml",
                        f'<ofd:Page xmlns:ofd="{NS}"><ofd:Content><ofd:Layer ID="1">{body}</ofd:Layer>'
                        "</ofd:Content></ofd:Page>")
        for name, data in (extra or {}).items():
            zf.writestr(name, data)
    return buf.getvalue()


def obj(x: float, y: float, text: str, delta: str | None = None, size: float = 5.6) -> str:
    d = f' DeltaX="{delta}"' if delta else ""
    return (f'<ofd:TextObject ID="1" Boundary="{x} {y} 150 8" Size="{size}"><ofd:TextCode X="0" Y="5"{d}>{text}'
            "</ofd:TextCode></ofd:TextObject>")


def test_objects_are_read_by_position_and_placed_by_delta_x() -> None:
    """Lines top to bottom whatever the XML order; on one line, objects left to right; a
    title's characters spread by DeltaX ("g 3 11.2") stay one line; a PageBlock's objects
    count; an absolute BaseLoc is found."""
    body = (obj(28, 80, "二、重点任务") + obj(60, 50, "工作方案") + obj(28, 50, "某市知识产权")
            + '<ofd:PageBlock ID="9">' + obj(39.2, 60, "一、总体要求") + "</ofd:PageBlock>"
            + obj(50, 30, "通知标题", "g 3 11.2"))
    data = package([body], page_locs=["/Doc_0/Pages/Page_0/Content.xml"])
    # (the title and the next line join as the PDF reader joins lines: neither is indented
    # from the other nor stops short)
    assert text_of(data).splitlines() == ["通知标题某市知识产权工作方案", "一、总体要求", "二、重点任务"]


@pytest.mark.parametrize(("build", "message"), [
    (lambda: package([obj(28, 50, "一、总体要求")], doc_root="Doc_9/Document.xml"), "names no Document.xml"),
    (lambda: package([obj(28, 50, "一、总体要求")], page_locs=["Pages/Page_7/Content.xml"]), "is not in the package"),
    (lambda: package(['<ofd:ImageObject ID="3" Boundary="0 0 210 297" ResourceID="4"/>']), "holds no text (scanned"),
    (lambda: package(["<ofd:TextObject>" + "<ofd:PageBlock>" * 20000]), "damaged OFD document"),
    (lambda: package([obj(28, 50, "一、总体要求") + "<!--" + "0" * (33 * 1024 * 1024) + "-->"]), "zip bomb"),
])
def test_damaged_and_hostile_packages_are_one_line_errors(build, message: str) -> None:
    with pytest.raises(ReadError) as info:
        text_of(build())
    assert message in info.value.message and "\n" not in info.value.message


def test_pages_over_the_character_limit_are_cut_with_a_notice(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ofd, "MAX_PAGE_CHARS", 10)
    plan = ipplan.parse_bytes(package([obj(28, 50, "一、总体要求到2025年发明专利达到1万件")]))
    assert [n.code for n in plan.notices if "over the limit" in n.message] == ["N013"]
    monkeypatch.setattr(ofd, "MAX_CHARS", 5)
    plan = ipplan.parse_bytes(package([obj(28, 50, "一、总体要求"), obj(28, 50, "二、重点任务")]))
    assert any(n.code == "N013" for n in plan.notices)


def test_an_ofd_is_sniffed_by_content_and_batch_picks_it_up(tmp_path: Path) -> None:
    bs = fx.blocks(next(p for p in SAMPLE_TEXTS if p.stem == "linyi-2023").read_text("utf-8"))
    data = ofd_file([b.text for b in bs if b.kind == "p"])
    src = tmp_path / "in"
    src.mkdir()
    (src / "notice.ofd").write_bytes(data)
    (src / "misnamed.zip.txt").write_bytes(data)
    result = CliRunner().invoke(main, ["batch", str(src), "-o", str(tmp_path / "out"), "-j", "1"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "out" / "notice.yaml").exists() and (tmp_path / "out" / "misnamed.zip.yaml").exists()


def test_damaged_pages_give_text_or_a_one_line_error() -> None:
    """200 copies of a sample's OFD with bytes of its XML parts overwritten: each reads as
    text or is a one-line ReadError."""
    import random

    bs = fx.blocks(next(p for p in SAMPLE_TEXTS if p.stem == "linyi-2023").read_text("utf-8"))
    src = zipfile.ZipFile(io.BytesIO(ofd_file([b.text for b in bs if b.kind == "p"])))
    parts = {n: src.read(n) for n in src.namelist()}
    rng = random.Random(23)
    for _ in range(200):
        damaged = dict(parts)
        name = rng.choice(sorted(parts))
        data = bytearray(damaged[name])
        for _ in range(rng.choice([1, 8])):
            data[rng.randrange(len(data))] = rng.choice(b'<>/"= 0123456789.-g\x00\xff')
        damaged[name] = bytes(data)
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w") as zf:
            for n, d in damaged.items():
                zf.writestr(n, d)
        try:
            text_of(buf.getvalue())
        except ReadError as exc:
            assert "\n" not in exc.message


def test_a_text_objects_ctm_is_applied() -> None:
    """Writers that work in points scale their objects with a CTM (1 pt = 0.3528 mm): such
    a line, placed between two lines in millimetres, is read in its place and its
    characters at their size (DeltaX 16 pt = 5.6 mm, one character apart)."""
    pt = ('<ofd:TextObject ID="7" Boundary="28 58 160 8" Size="16" CTM="0.3528 0 0 0.3528 0 0">'
          '<ofd:TextCode X="0" Y="14" DeltaX="g 5 16">（一）加强保护</ofd:TextCode></ofd:TextObject>')
    body = obj(28, 70, "二、重点任务") + pt + obj(28, 50, "一、总体要求")
    assert text_of(package([body])).splitlines() == ["一、总体要求", "（一）加强保护", "二、重点任务"]
