"""Word 97–2003 (.doc) and WPS (.wps) files: real-shaped fixtures give the plans of their
samples, numbering is read as LibreOffice reads it, and damaged or foreign OLE files are
one-line errors naming the LibreOffice command.

The .doc fixtures in tests/data/doc were made once with LibreOffice 7.4 from the samples'
Word fixtures (tests/fixtures.docx_file): ``soffice --headless --convert-to doc X.docx``;
the ``*.libreoffice.txt`` beside two of them is LibreOffice's own text of that .doc
(``--convert-to "txt:Text (encoded):UTF8"``), an independent reading to compare with. The
tests need no LibreOffice. Small documents are written here (tests/olefiles.py)."""

from __future__ import annotations

import gzip
import io
import re
import struct
from pathlib import Path

import olefile
import pytest
from click.testing import CliRunner

import ipplan
from ipplan.cli import main
from ipplan.errors import ReadError
from ipplan.parse import readers
from ipplan.parse.formats import doc
from ipplan.parse.types import RawDocument
from tests.conftest import SAMPLE_TEXTS
from tests.helpers import plan_dict
from tests.olefiles import ole_file, word_document

DATA = Path(__file__).parent / "data" / "doc"
CONVERT = "libreoffice --headless --convert-to docx FILE"


def fixture(name: str) -> bytes:
    return gzip.decompress((DATA / f"{name}.gz").read_bytes())


def streams_of(data: bytes) -> dict[str, bytes]:
    ole = olefile.OleFileIO(io.BytesIO(data))
    try:
        return {"/".join(e): ole.openstream(e).read() for e in ole.listdir()}
    finally:
        ole.close()


def text_of(data: bytes) -> str:
    return readers.decode(RawDocument(data, "x.doc")).text


@pytest.mark.parametrize("stem", ["linyi-2023", "wenzhou-2022"])
def test_a_doc_gives_the_plan_of_its_sample(stem: str) -> None:
    """Typed numbering; wenzhou has the page-metadata table and the 责任分解表 with merged
    cells (vertical merges read from sprmTDefTable)."""
    sample = next(p for p in SAMPLE_TEXTS if p.stem == stem)
    want = plan_dict(ipplan.parse_text(sample.read_text("utf-8")))
    got = plan_dict(ipplan.parse_bytes(fixture(f"{stem}.doc")))
    assert (got["source"]["format"], got["source"]["encoding"]) == ("doc", None)
    for key in ("meta", "sections", "targets", "tables", "warnings"):
        assert got[key] == want[key], key


def test_tables_are_the_rows_of_the_word_file_they_came_from() -> None:
    """The .doc's pipe rows are those the DOCX reader gives for the .docx it was made from
    (merged cells filled from sprmTDefTable's vertical merges), except where the .doc says
    more: LibreOffice wrote the metadata table's short first row as a cell spanning three
    grid columns (cell boundaries), which the .docx (no w:tblGrid) left as one cell."""
    from tests import fixtures as fx

    sample = next(p for p in SAMPLE_TEXTS if p.stem == "wenzhou-2022").read_text("utf-8")
    docx_rows = [ln for ln in text_of(fx.docx_file(fx.blocks(sample))).splitlines() if "|" in ln]
    doc_rows = [ln for ln in text_of(fixture("wenzhou-2022.doc")).splitlines() if "|" in ln]
    assert len(doc_rows) == len(docx_rows) == 88
    assert doc_rows[1:] == docx_rows[1:]
    assert docx_rows[0] == "索引号 | 001008003015081/2022-00489 |"
    assert doc_rows[0] == "索引号 | " + " | ".join(["001008003015081/2022-00489"] * 3) + " |"


@pytest.mark.parametrize("stem", ["huzhou-2022-auto", "zhengzhou-2023-auto", "style-numbering"])
def test_automatic_numbering_reads_as_libreoffice_reads_it(stem: str) -> None:
    """Word lists (PlfLst, PlfLfo, sprmPIlfo): each paragraph with its printed label equals
    LibreOffice's text of the same file (spaces aside). LibreOffice's export restarted
    some lists the .docx continued ((一) where the sample has (二)): the .doc says so.
    style-numbering.doc holds its numbering in its paragraph styles only (as Word keeps
    heading numbering): a .docx of 标题 1/2 styles with numPr, saved as .doc by LibreOffice,
    then each paragraph's own sprmPIlvl/sprmPIlfo overwritten in place (by sprmPJc and
    sprmPIstd naming its style) so that only the style sheet numbers it."""
    mine = [re.sub(r"\s+", "", ln) for ln in text_of(fixture(f"{stem}.doc")).splitlines()]
    theirs = [re.sub(r"\s+", "", ln) for ln in
              gzip.decompress((DATA / f"{stem}.libreoffice.txt.gz").read_bytes()).decode("utf-8-sig").splitlines()]
    assert mine == [ln for ln in theirs if ln]
    assert sum(1 for ln in mine if re.match("[一二三四五六七八九十]+、", ln)) >= 3


def test_a_wps_file_is_read_as_the_word_document_it_holds(tmp_path: Path) -> None:
    """WPS Office writes .wps text documents in Word's binary format with streams of its
    own (WpsCustomData); a .wps file is read by content like any other."""
    streams = streams_of(fixture("linyi-2023.doc"))
    streams["WpsCustomData"] = b"\x01\x00\x00\x00" + "KSOProductBuildVer 2052-11.1.0".encode("utf-16-le")
    path = tmp_path / "notice.wps"
    path.write_bytes(ole_file(streams))
    sample = next(p for p in SAMPLE_TEXTS if p.stem == "linyi-2023")
    got, want = plan_dict(ipplan.parse_file(path)), plan_dict(ipplan.parse_text(sample.read_text("utf-8")))
    assert got["source"]["format"] == "doc"
    assert got["sections"] == want["sections"] and got["targets"] == want["targets"]
    result = CliRunner().invoke(main, ["text", str(path), "--plain"])
    assert result.exit_code == 0 and "临沂市知识产权强市建设纲要推进计划(2023-2025年)" in result.stdout


def test_compressed_and_unicode_pieces_fields_and_special_characters() -> None:
    """Pieces stored one byte per character (cp1252) and as UTF-16 are read in CP order;
    a field keeps its result, not its code; line breaks split lines; pictures and
    optional hyphens leave nothing."""
    data = ole_file(word_document([
        ("Plan 2025 \u201cquoted\u201d caf\xe9\r", True),  # stored as bytes 0x93 0x94 0xE9
        ("一、总体要求\r到2025年，发明专利\x0b达到1万件。\r", False),
        ("\x13 HYPERLINK \"http://x\" \x14见附件\x15\x01说明\x1f。\r", False),
        ("\x13 PAGE \x15end\r", True),
    ]))
    assert doc.doc_to_text(data, "x").splitlines() == [
        "Plan 2025 \u201cquoted\u201d caf\u00e9", "一、总体要求", "到2025年，发明专利", "达到1万件。", "见附件说明。", "end"]


@pytest.mark.parametrize(("build", "message"), [
    (lambda: ole_file(word_document([("一、总体要求\r", False)], flags=0x0300)), "encrypted (password-protected) Word"),
    (lambda: ole_file(word_document([("一、总体要求\r", False)], nfib=0x0065)), "a Word 6/95 document"),
    (lambda: ole_file(word_document([("一、总体要求\r", False)], clx_fc_shift=4000)),
     "the piece table is missing or outside the table stream"),
    (lambda: ole_file({**word_document([("一、总体要求\r", False)]), "1Table": b"\x05" * 21}), "no piece table"),
    (lambda: ole_file({"WordDocument": b"\xec\xa5" + b"\0" * 40}), "the WordDocument stream is 42 bytes"),
    (lambda: ole_file({"CONTENTS": b"x" * 600}), "a Microsoft Works file"),
    (lambda: ole_file({"Workbook": b"x" * 600}), "an Excel workbook (.xls)"),
    (lambda: ole_file({"EncryptionInfo": b"x" * 60, "EncryptedPackage": b"y" * 600}), "an encrypted"),
    (lambda: ole_file({"Foo": b"x" * 60}), "an OLE file without a Word document"),
    (lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, "damaged OLE (.doc/.wps) file"),
    (lambda: fixture("linyi-2023.doc")[:6000], "damaged OLE (.doc/.wps) file"),
])
def test_files_that_cannot_be_read_are_one_line_errors(build, message: str) -> None:
    with pytest.raises(ReadError) as info:
        readers.decode(RawDocument(build(), "x.doc"))
    text = info.value.message
    assert message in text and "\n" not in text
    if "Excel" not in message:
        assert CONVERT in text


def _with_pieces(data: bytes, edit) -> bytes:
    """The fixture with its piece table changed by ``edit(plc, count) -> plc``."""
    streams = streams_of(data)
    word = streams["WordDocument"]
    fc, lcb = struct.unpack_from("<II", word, 154 + 8 * 33)
    table = bytearray(streams["1Table"])
    clx = bytes(table[fc : fc + lcb])
    pos = 0
    while clx[pos] == 1:
        pos += 3 + struct.unpack_from("<h", clx, pos + 1)[0]
    size = struct.unpack_from("<I", clx, pos + 1)[0]
    plc = bytearray(clx[pos + 5 : pos + 5 + size])
    edit(plc, (size - 4) // 12)
    table[fc + pos + 5 : fc + pos + 5 + size] = plc
    streams["1Table"] = bytes(table)
    return ole_file(streams)


def test_a_piece_past_the_stream_or_a_gap_is_an_error() -> None:
    base = fixture("linyi-2023.doc")

    def past(plc: bytearray, count: int) -> None:
        struct.pack_into("<I", plc, 4 * (count + 1) + 2, 0x3FFFFF00)

    def gap(plc: bytearray, count: int) -> None:
        struct.pack_into("<i", plc, 0, 10)

    with pytest.raises(ReadError, match="points past the end of the WordDocument stream"):
        text_of(_with_pieces(base, past))
    with pytest.raises(ReadError, match="skips characters 0-10"):
        text_of(_with_pieces(base, gap))


def test_a_text_count_past_the_stream_is_clamped_with_a_notice() -> None:
    """ccpText of 2^31-1: at most one character per byte of the stream is read (and the
    pieces hold what they hold), with notice N013."""
    data = ole_file(word_document([("一、总体要求\r到2025年，发明专利达到1万件。\r", False)], ccp_text=2**31 - 1))
    plan = ipplan.parse_bytes(data)
    assert plan.sections[0].title == "总体要求"
    assert [n.code for n in plan.notices if "claims" in n.message] == ["N013"]


def test_pieces_that_repeat_the_same_bytes_cannot_multiply_the_text() -> None:
    """10,000 pieces all pointing at the same bytes: overlapping CPs are skipped, and the
    text is never longer than the stream."""
    text = "一、总体要求\r" * 10
    streams = word_document([(text, False)])
    word = streams["WordDocument"]
    fc = len(word) - 2 * len(text)
    n = 10_000
    cps = [i * len(text) for i in range(n + 1)]
    plc = b"".join(struct.pack("<i", c) for c in cps) + struct.pack("<HIH", 0, fc, 0) * n
    clx = b"\x02" + struct.pack("<I", len(plc)) + plc
    word = bytearray(word)
    struct.pack_into("<i", word, 62 + 2 + 12, cps[-1])
    struct.pack_into("<II", word, 154 + 8 * 33, 0, len(clx))
    out = doc.doc_to_text(ole_file({"WordDocument": bytes(word), "1Table": clx}), "x", notices := [])
    assert len(out) <= len(word)
    assert notices and notices[0].code == "N013"


def test_batch_reads_doc_and_wps_files(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.doc").write_bytes(fixture("linyi-2023.doc"))
    (src / "b.wps").write_bytes(fixture("wenzhou-2022.doc"))
    (src / "c.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100)
    result = CliRunner().invoke(main, ["batch", str(src), "-o", str(tmp_path / "out"), "-j", "1"])
    assert result.exit_code == 1
    assert (tmp_path / "out" / "a.yaml").exists() and (tmp_path / "out" / "b.yaml").exists()
    errors = (tmp_path / "out" / "_errors.jsonl").read_text("utf-8")
    assert '"c.doc"' in errors and CONVERT in errors


def test_tracked_deletions_are_not_read() -> None:
    """revisions.doc: a .docx with a tracked deletion (8000), an insertion (1万) and hidden
    text, saved as .doc by LibreOffice. The deleted run (sprmCFRMarkDel) is left out, as the
    DOCX reader leaves w:del out (LibreOffice's own text export shows both: 80001万件);
    hidden text is kept, as in DOCX."""
    assert text_of(fixture("revisions.doc")).splitlines() == [
        "一、总体要求", "到2025年，全市发明专利拥有量达到1万件。", "二、重点任务（隐藏的批注文字）"]


def test_damaged_streams_give_text_or_a_one_line_error() -> None:
    """300 copies of a real-shaped file with bytes of its FIB, piece table, FKPs, lists or
    text overwritten: each reads as text (possibly with notices) or is a ReadError, fast."""
    import random
    import time

    streams = streams_of(fixture("wenzhou-2022.doc"))
    rng = random.Random(23)
    for _ in range(300):
        damaged = dict(streams)
        name = rng.choice(["WordDocument", "1Table"])
        data = bytearray(damaged[name])
        for _ in range(rng.choice([1, 4, 32])):
            k = rng.randrange(min(len(data), 1472) if name == "WordDocument" and rng.random() < 0.5 else len(data))
            data[k] = rng.randrange(256)
        damaged[name] = bytes(data)
        start = time.perf_counter()
        try:
            doc.doc_to_text(ole_file(damaged), "x", [])
        except ReadError as exc:
            assert "\n" not in exc.message
        assert time.perf_counter() - start < 2
