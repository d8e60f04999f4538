"""Documents built to be expensive (issue 12 B4, issue 16 R1-R3): each parses, from a cold
process, within the hostile bounds (30 s, 400 MB) to a plan, with a notice where part of
it was clamped or left out. The builders are small and deterministic (nothing binary is
committed); each input is a few hundred bytes to 2 MB."""

from __future__ import annotations

import io
import json
import random
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

import pytest

from tests.fixtures import pdf_from_objects
from tests.hostile.test_hostile import MEMORY_BOUND_MB, TIME_BOUND, _run_limited

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def docx(body: str, numbering: str | None = None, doctype: str = "") -> bytes:
    """A minimal .docx (fixed timestamps: the same bytes on every run)."""
    def member(name: str) -> zipfile.ZipInfo:
        zi = zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0))
        zi.compress_type = zipfile.ZIP_DEFLATED
        return zi

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr(member("[Content_Types].xml"), "<Types/>")
        zf.writestr(member("word/document.xml"), f'<?xml version="1.0" encoding="UTF-8"?>{doctype}'
                    f'<w:document xmlns:w="{W}"><w:body>{body}</w:body></w:document>')
        if numbering is not None:
            zf.writestr(member("word/numbering.xml"), f'<w:numbering xmlns:w="{W}">{numbering}</w:numbering>')
    return buf.getvalue()


def _p(text: str, num: int | None = None) -> str:
    ppr = f'<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="{num}"/></w:numPr></w:pPr>' if num else ""
    return f"<w:p>{ppr}<w:r><w:t>{text}</w:t></w:r></w:p>"


def grid_before(value: int | str) -> bytes:
    """B4 / R2: one row whose gridBefore asks for ``value`` empty cells before its own."""
    row = (f'<w:tr><w:trPr><w:gridBefore w:val="{value}"/></w:trPr>'
           '<w:tc><w:p><w:r><w:t>市市场监管局</w:t></w:r></w:p></w:tc></w:tr>')
    return docx(_p("一、总体要求") + f"<w:tbl>{row * 3}</w:tbl>" + _p("二、主要任务"))


def numbering_start(fmt: str, start: int) -> bytes:
    """R1: a list whose first label is number ``start`` in ``fmt`` (lowerRoman, lowerLetter)."""
    numbering = (f'<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="{start}"/>'
                 f'<w:numFmt w:val="{fmt}"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>'
                 '<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>'
                 '<w:num w:numId="2"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0">'
                 f'<w:startOverride w:val="{start}"/></w:lvlOverride></w:num>')
    paras = [_p("加强知识产权保护", 1), _p("推进专利转化", 1), _p("完善服务体系", 2)]
    return docx(_p("一、总体要求") + "".join(paras * 5), numbering)


def html_spans(rows: int = 10_000, colspan: int = 100) -> bytes:
    """R2: a 510 KB table (126 KB in the issue), every row a cell of rowspan ``rows`` × colspan ``colspan``."""
    row = f'<tr><td rowspan="{rows}" colspan="{colspan}">局</td></tr>'
    return ("<html><body><div class='TRS_Editor'><p>一、总体要求</p><table>" + row * rows
            + "</table><p>二、主要任务</p></div></body></html>").encode()


#: A long cell: 1,000 characters (a paragraph of a real table cell is rarely longer).
LONG_CELL = ("加强知识产权保护，" * 112)[:1000]


def html_long_cell_span(rows: int = 2_000, colspan: int = 100) -> bytes:
    """Issue 24 #1: one 1,000-character cell of rowspan 2,000 × colspan 100 over empty rows
    (41 KB): every slot it covers would carry a copy of its text (200 million characters)."""
    return ("<html><body><div class='TRS_Editor'><p>一、总体要求</p><table>"
            f'<tr><td rowspan="{rows}" colspan="{colspan}">{LONG_CELL}</td></tr>' + "<tr><td></td></tr>" * (rows - 1)
            + "</table><p>二、主要任务</p></div></body></html>").encode()


def docx_long_cell_vmerge(rows: int = 2_000, span: int = 100) -> bytes:
    """Issue 24 #1: a DOCX of 1.2 KB: a long cell of gridSpan 100, continued (vMerge) in 2,000
    rows: each continuation would copy it 100 times (200 million characters)."""
    first = (f'<w:tr><w:tc><w:tcPr><w:gridSpan w:val="{span}"/><w:vMerge w:val="restart"/></w:tcPr>'
             f"<w:p><w:r><w:t>{LONG_CELL}</w:t></w:r></w:p></w:tc></w:tr>")
    more = f'<w:tr><w:tc><w:tcPr><w:gridSpan w:val="{span}"/><w:vMerge/></w:tcPr><w:p/></w:tc></w:tr>'
    return docx(_p("一、总体要求") + f"<w:tbl>{first}{more * (rows - 1)}</w:tbl>" + _p("二、主要任务"))


def html_many_tables(tables: int = 50, rows: int = 1_999) -> bytes:
    """Issue 24 #1: fifty tables, each just under the old per-table limit of 200,000 cells
    (rows of one cell of colspan 100, end tags left out as HTML allows): 10 million cells in
    2.2 MB of HTML."""
    table = "<table>" + "<tr><td colspan=100>局" * rows + "</table>"
    return ("<html><body><div class='TRS_Editor'><p>一、总体要求</p>" + table * tables
            + "<p>二、主要任务</p></div></body></html>").encode()


def pdf_runs(runs: int, pages: int = 1, seed: int = 1) -> bytes:
    """R3: pages of ``runs`` separately placed text runs at random places (Helvetica, not
    compressed: 20,000 runs make a 700 KB page)."""
    rng = random.Random(seed)
    return pdf_document([b"\n".join(b"BT /F1 9 Tf %d %d Td (ab%d) Tj ET" % (rng.randrange(20, 570),
                                                                          rng.randrange(20, 820), i % 10)
                                     for i in range(runs)) for _ in range(pages)])


def pdf_document(contents: list[bytes]) -> bytes:
    """A PDF of A4 pages with these content streams, font /F1 being Helvetica."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"",
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    kids = []
    for content in contents:
        objects.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content))
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
                       b"/Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>" % len(objects))
        kids.append(len(objects))
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(b"%d 0 R" % k for k in kids), len(kids))
    return pdf_from_objects(objects)


class Expensive(NamedTuple):
    name: str
    build: Callable[[], bytes]
    notice: str | None  # words of a plan warning, when part of the input is clamped or left out


CASES = (
    Expensive("b4-grid-before-4e6.docx", lambda: grid_before(4_000_000), None),
    Expensive("r2-grid-before-1e8.docx", lambda: grid_before(10**8), None),
    Expensive("r2-grid-before-5000-digits.docx", lambda: grid_before("9" * 5000), None),
    Expensive("r1-roman-start-1e12.docx", lambda: numbering_start("lowerRoman", 10**12), None),
    Expensive("r1-letter-start-1e11.docx", lambda: numbering_start("lowerLetter", 10**11), None),
    Expensive("r1-chinese-start-1e11.docx", lambda: numbering_start("chineseCounting", 10**11), None),
    Expensive("r2-rowspan-1e4-colspan-100.html", html_spans, "merged cells would lay out over"),
    Expensive("i24-long-cell-rowspan-2000-colspan-100.html", html_long_cell_span, "merged cells would lay out over"),
    Expensive("i24-long-cell-gridspan-100-vmerge-2000.docx", docx_long_cell_vmerge, "merged cells would lay out over"),
    Expensive("i24-fifty-tables-of-200k-cells.html", html_many_tables, "merged cells would lay out over"),
    Expensive("r3-runs-745k.pdf", lambda: pdf_runs(20_000), "over the limit of 20,000"),
    Expensive("r3-runs-2m.pdf", lambda: pdf_runs(20_000, pages=3), "over the limit of 20,000"),
)


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_expensive_document_parses_within_bounds(tmp_path: Path, case: Expensive) -> None:
    path = tmp_path / case.name
    path.write_bytes(case.build())
    proc, seconds, peak_mb = _run_limited(["parse", str(path), "-f", "json"])
    assert proc.returncode == 0, proc.stderr.decode("utf-8", "replace")
    assert seconds < TIME_BOUND and peak_mb < MEMORY_BOUND_MB, (seconds, peak_mb)
    plan = json.loads(proc.stdout)
    if case.notice:
        assert any(case.notice in w for w in plan["warnings"]), plan["warnings"]


def test_the_expensive_inputs_are_what_the_issues_describe() -> None:
    """Sizes as reported (718-byte / 490-byte DOCX, 126 KB HTML, 700 KB and 2 MB PDFs), so
    the bounds above are checked on the inputs that were slow."""
    sizes = {c.name: len(c.build()) for c in CASES}
    assert sizes["b4-grid-before-4e6.docx"] < 1000 and sizes["r1-roman-start-1e12.docx"] < 1500
    assert 120_000 < sizes["r2-rowspan-1e4-colspan-100.html"] < 600_000
    assert 600_000 < sizes["r3-runs-745k.pdf"] < 800_000 and sizes["r3-runs-2m.pdf"] > 2_000_000
    assert sizes["i24-long-cell-rowspan-2000-colspan-100.html"] < 41_000
    assert sizes["i24-long-cell-gridspan-100-vmerge-2000.docx"] < 1_300
    assert sizes["i24-fifty-tables-of-200k-cells.html"] < 2_300_000


EXPANSIONS = [c for c in CASES if c.name.startswith("i24-")]


@pytest.mark.parametrize("command", ["text", "show", "review"])
@pytest.mark.parametrize("case", EXPANSIONS, ids=lambda c: c.name)
def test_no_command_lets_a_document_expand(tmp_path: Path, case: Expensive, command: str) -> None:
    """Issue 24 #1: not only `parse` (and batch, under its memory budget): every command that
    reads a document finishes these within the hostile bounds, its output bounded too (a
    41 KB page once gave a 597 MB plan after 2 minutes and 2.1 GB)."""
    path = tmp_path / case.name
    path.write_bytes(case.build())
    out = tmp_path / "review.html"
    proc, seconds, peak_mb = _run_limited([command, str(path), *(["-o", str(out)] if command == "review" else [])])
    assert proc.returncode == 0, proc.stderr.decode("utf-8", "replace")
    assert seconds < TIME_BOUND and peak_mb < MEMORY_BOUND_MB, (seconds, peak_mb)
    size = out.stat().st_size if command == "review" else len(proc.stdout)
    assert size < 20 * 1024 * 1024, size
