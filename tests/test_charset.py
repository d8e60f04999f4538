"""Encodings: every sample in every legacy encoding gives the plan of its clean text, the
reported encoding names the codec used, and short texts decode right or fail loudly."""

from __future__ import annotations

import codecs
import random
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

import ipplan
from tests.helpers import plan_dict
from ipplan.errors import ReadError
from ipplan.parse import charset
from ipplan.parse.normalize import _converter
from tests.conftest import SAMPLE_TEXTS

SIMPLIFIED = [p for p in SAMPLE_TEXTS if not p.stem.endswith("-tw")]
TRADITIONAL = [p for p in SAMPLE_TEXTS if p.stem.endswith("-tw")]
PLAN_KEYS = ("meta", "sections", "targets", "tables", "warnings")
#: Characters a legacy-encoded copy writes differently (what an editor saving it would do).
LEGACY = str.maketrans({"\xa0": " ", "•": "·", "鈎": "鉤"})


def plan(data: bytes | str) -> dict:
    if isinstance(data, str):
        return plan_dict(ipplan.parse_text(data))
    return plan_dict(ipplan.parse_bytes(data))


def same_plan(got: dict, want: dict) -> None:
    for key in PLAN_KEYS:
        assert got[key] == want[key], key


def gb2312_bytes(text: str) -> bytes:
    """GB2312 bytes: GB18030 bytes checked to stay inside GB2312's code space (A1–F7 × A1–FE)."""
    data = text.encode("gb18030")
    i = 0
    while i < len(data):
        if data[i] < 0x80:
            i += 1
            continue
        assert 0xA1 <= data[i] <= 0xF7 and 0xA1 <= data[i + 1] <= 0xFE, text[:0] or data[i : i + 2]
        i += 2
    return data


@pytest.mark.parametrize("path", SIMPLIFIED, ids=lambda p: p.stem)
@pytest.mark.parametrize(
    ("encode", "reported"),
    [
        (lambda t: t.encode("gb18030"), "gb18030"),
        (lambda t: t.encode("gbk"), "gb18030"),
        (gb2312_bytes, "gb18030"),
        (lambda t: codecs.BOM_UTF16_LE + t.encode("utf-16-le"), "utf-16-le"),
        (lambda t: codecs.BOM_UTF16_BE + t.encode("utf-16-be"), "utf-16-be"),
        (lambda t: codecs.BOM_UTF32_LE + t.encode("utf-32-le"), "utf-32-le"),
        (lambda t: codecs.BOM_UTF32_BE + t.encode("utf-32-be"), "utf-32-be"),
        (lambda t: codecs.BOM_UTF8 + t.encode("utf-8"), "utf-8-sig"),
        (lambda t: t.encode("utf-8"), "utf-8"),
    ],
    ids=["gb18030", "gbk", "gb2312", "utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be", "utf-8-sig", "utf-8"],
)
def test_simplified_sample_in_each_encoding(path: Path, encode, reported: str) -> None:
    text = path.read_text("utf-8").translate(LEGACY)
    got = plan(encode(text))
    assert got["source"]["encoding"] == reported
    same_plan(got, plan(text))


@pytest.mark.parametrize("path", SIMPLIFIED, ids=lambda p: p.stem)
@pytest.mark.parametrize(("config", "codec"), [("s2tw", "cp950"), ("s2hk", "big5hkscs")])
def test_traditional_copy_in_big5_gives_the_simplified_plan(path: Path, config: str, codec: str) -> None:
    """Taiwan and Hong Kong character copies saved as Big5 give the plan of the simplified
    sample (the expected file, once the legacy substitutions are made)."""
    simplified = path.read_text("utf-8").translate(LEGACY)
    got = plan(_converter(config).convert(simplified).encode(codec))
    assert got["source"]["encoding"] in (("big5",) if codec == "cp950" else ("big5", "big5hkscs"))
    assert got["source"]["script"] == "traditional"
    same_plan(got, plan(simplified))
    if simplified == path.read_text("utf-8"):
        want = yaml.safe_load(path.with_suffix(".yaml").read_text("utf-8"))
        assert all(got[key] == want[key] for key in ("meta", "sections", "targets", "tables"))


@pytest.mark.parametrize("path", TRADITIONAL, ids=lambda p: p.stem)
@pytest.mark.parametrize("codec", ["cp950", "big5hkscs", "utf-16-le", "gb18030"])
def test_traditional_sample_in_each_encoding(path: Path, codec: str) -> None:
    text = path.read_text("utf-8").translate(LEGACY)
    data = text.encode(codec)
    if codec.startswith("utf-16"):
        data = codecs.BOM_UTF16_LE + data
    got = plan(data)
    assert got["source"]["encoding"] == {"cp950": "big5", "big5hkscs": "big5"}.get(codec, codec)
    same_plan(got, plan(text))


def test_encoding_option_overrides_and_is_reported() -> None:
    data = "一、总体要求\n到2025年，发明专利达到1万件。".encode("gbk")
    assert ipplan.parse_bytes(data, encoding="GBK").source.encoding == "gbk"
    with pytest.raises(ReadError, match="not valid utf-8"):
        ipplan.parse_bytes(data, encoding="utf-8")
    with pytest.raises(ReadError, match="unknown encoding"):
        ipplan.parse_bytes(data, encoding="no-such-codec")


def _slices(n: int, size: int, seed: int) -> list[tuple[str, str]]:
    rng = random.Random(seed)
    out = []
    for path in SAMPLE_TEXTS:
        text = path.read_text("utf-8").translate(LEGACY)
        simp = _converter("tw2s").convert(text) if path in TRADITIONAL else text
        trad = text if path in TRADITIONAL else _converter("s2tw").convert(text)
        for src, codec in ((simp, "gb18030"), (trad, "cp950")):
            for _ in range(n):
                i = rng.randrange(len(src) - size)
                piece = src[i : i + size]
                if not piece.isascii():
                    out.append((piece, codec))
    return out


@pytest.mark.parametrize("size", [2, 4, 8, 16])
def test_short_texts_decode_right_or_fail_loudly(size: int) -> None:
    """Never mojibake: a short GB18030 or Big5 text decodes to itself or is refused, and
    most are decoded (the refusals are the genuinely ambiguous ones)."""
    refused = 0
    cases = _slices(40, size, seed=size)
    for piece, codec in cases:
        try:
            got = charset.decode_text(piece.encode(codec), "x")
        except ReadError as exc:
            assert exc.message.startswith(("ambiguous encoding", "too short to tell", "cannot decode"))
            refused += 1
            continue
        assert got.text == piece, (piece, codec, got)
    assert refused <= {2: 0.25, 4: 0.06, 8: 0.03, 16: 0.01}[size] * len(cases)


def test_short_gb_text_that_is_valid_utf8_is_not_read_as_utf8() -> None:
    data = "知识".encode("gb18030")
    assert data.decode("utf-8") == "\u05aa\u02b6"  # valid UTF-8, and mojibake
    assert charset.decode_text(data, "x") == ("知识", "gb18030")
    assert charset.decode_text("知识".encode(), "x") == ("知识", "utf-8")
    assert charset.decode_text("Café 计划".encode(), "x") == ("Café 计划", "utf-8")


@pytest.mark.parametrize("text", ["Plan stratégique 2025", "Objectifs: stratégie régionale, propriété intellectuelle",
                                  "Größe", "naïve café", "Ελληνικά", "Привет мир", "日本語のテキスト"])
def test_valid_utf8_that_is_not_chinese_stays_utf8(text: str) -> None:
    """Issue 12 B8: short valid UTF-8 is read as GB18030 only when that reading is mostly
    Chinese (strat茅gique is not)."""
    assert charset.decode_text(text.encode(), "x") == (text, "utf-8")


def test_utf32_boms_are_known() -> None:
    for bom, codec in ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be")):
        got = ipplan.parse_bytes(bom + "一、总体要求\n到2025年，发明专利达到1万件。".encode(codec))
        assert got.source.encoding == codec and got.sections[0].title == "总体要求"


def test_what_the_reader_doubts_becomes_a_warning() -> None:
    """Issue 12 C1: a forced encoding that gives no Chinese, replacement characters and a
    text that is not Chinese are warnings of the plan; a clean Chinese text has none."""
    text = "一、总体要求\n到2025年，发明专利达到1万件。"
    forced = ipplan.parse_bytes("Plan stratégique\n1. Objectifs".encode("cp1252"), encoding="latin-1")
    assert forced.warnings[0].startswith("--encoding latin-1 gives text that does not read as Chinese (")
    assert ipplan.parse_bytes(text.encode("gbk"), encoding="gbk").warnings == []
    lost = ipplan.parse_bytes(text.replace("发明", "发\ufffd\ufffd").encode())
    assert lost.warnings == ["the text holds 2 replacement characters (U+FFFD): characters were lost before "
                             "ipplan read it"]
    french = ipplan.parse_bytes("Plan stratégique\n1. Objectifs régionaux".encode())
    assert french.warnings[0].startswith("the text is not Chinese ('Plan stratégique")
    for path in SAMPLE_TEXTS:
        assert not [w for w in ipplan.parse_file(path).warnings if "Chinese" in w or "U+FFFD" in w]


def test_a_reading_that_is_chinese_both_ways_is_refused() -> None:
    data = "年行动计划(20".encode("gb18030")  # read as Big5: 爛俴雄數赫(20, common characters too
    with pytest.raises(ReadError, match="ambiguous encoding: reads as gb18030 .* or big5 .*; use --encoding"):
        charset.decode_text(data, "x")
    with pytest.raises(ReadError, match="too short to tell the encoding"):
        charset.decode_text("遏".encode("gb18030"), "x")  # 塊 in Big5: one character decides nothing


def test_undecodable_and_binary_inputs() -> None:
    with pytest.raises(ReadError, match="cannot decode"):
        charset.decode_text(bytes(range(128, 256)) * 4, "x")
    with pytest.raises(ReadError, match="binary file"):
        charset.decode_text(b"\x00\x01\x02\x03" * 64, "x")
    with pytest.raises(ReadError, match="UTF-16 without a BOM .*utf-16-le"):
        charset.decode_text("Plan 2025: 100 items\n".encode("utf-16-le") * 20, "x")
    with pytest.raises(ReadError, match="no encoding reads as Chinese"):
        charset.decode_text("知的財産推進計画を策定する".encode("shift_jis"), "x")
    with pytest.raises(ReadError, match="no encoding reads as Chinese"):
        charset.decode_text("지식재산권 강화 계획을 추진한다".encode("euc-kr"), "x")


def test_common_characters_file_is_derived_from_jieba() -> None:
    """data/common_chars.txt is what scripts/make_common_chars.py writes (no hand edits)."""
    import importlib.util

    root = Path(__file__).resolve().parent.parent
    spec = importlib.util.spec_from_file_location("make_common_chars", root / "scripts" / "make_common_chars.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert (root / "ipplan" / "parse" / "data" / "common_chars.txt").read_text("utf-8") == module.render()


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=()), max_size=300)
       | st.text(alphabet="知识产权①〇²Ⅻ_9a，。 \ufa6e\U00020001\u3400", max_size=300))
def test_the_chinese_share_counts_letters_and_han_as_before(text: str) -> None:
    """chinese_share counts by runs and by removing what is not Han (5x faster): the same
    as counting character by character (str.isalpha, the _HAN class)."""
    from ipplan.parse import charset

    letters = sum(1 for c in text if c.isalpha())
    assert charset.letter_count(text) == letters
    sample = text[:: len(text) // charset.SCORE_CHARS] if len(text) > charset.SCORE_CHARS else text
    expected_letters = sum(1 for c in sample if c.isalpha())
    expected = len(charset._HAN.findall(sample)) / expected_letters if expected_letters else None
    assert charset.chinese_share(text) == expected


@pytest.mark.parametrize(("encode", "forced", "works"), [
    ("gbk", "latin-1", "gb18030"), ("gb18030", "cp1252", "gb18030"), ("utf-8", "latin-1", "utf-8"),
    ("cp950", "latin-1", "big5"), ("cp950", "gb18030", "big5"),
])
def test_a_wrong_forced_encoding_is_an_error_naming_the_codec_that_works(encode: str, forced: str,
                                                                        works: str) -> None:
    """Issue 23: a forced codec that gives no Chinese, where another codec reads the bytes
    as Chinese, stops the file with one line naming that codec (not a plan of mojibake)."""
    text = "一、总体要求\n到2025年，全市发明专利拥有量达到1万件，加强知识产权保护。"
    if encode == "cp950":
        text = "一、總體要求\n到2025年，全市發明專利擁有量達到1萬件，加強智慧財產權保護。"
    with pytest.raises(ReadError) as info:
        ipplan.parse_bytes(text.encode(encode), encoding=forced)
    message = info.value.message
    assert message.startswith(f"--encoding {forced} gives no Chinese text (")
    assert f"read as Chinese in {works} (" in message and message.endswith(f"use --encoding {works}, or leave "
                                                                            "--encoding out")
    assert "\n" not in message


@pytest.mark.parametrize(("data", "forced"), [
    ("一、总体要求\n到2025年".encode("gbk"), "gbk"),       # the right codec under another name
    ("一、总体要求\n到2025年".encode("gbk"), "gb2312"),
    ("Plan stratégique 2025".encode("latin-1"), "latin-1"),  # not Chinese under any codec: a notice only
    (b"Plan 2025: 100 items", "latin-1"),                    # ASCII reads the same everywhere
])
def test_a_forced_encoding_that_no_other_codec_beats_stands(data: bytes, forced: str) -> None:
    plan = ipplan.parse_bytes(data, encoding=forced)
    assert plan.source.encoding == __import__("codecs").lookup(forced).name


def test_parse_text_and_batch_stop_a_file_whose_forced_encoding_is_wrong(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from ipplan.cli import main

    src = tmp_path / "in"
    src.mkdir()
    (src / "gbk.txt").write_bytes("一、总体要求\n到2025年，发明专利达到1万件。".encode("gbk"))
    (src / "ascii.txt").write_bytes(b"1. Plan 2025\n2. Items")
    for command in (["parse"], ["text"]):
        result = CliRunner().invoke(main, [*command, str(src / "gbk.txt"), "--encoding", "latin-1"])
        assert result.exit_code == 1 and result.stdout == ""
        assert result.stderr.count("\n") == 1 and "use --encoding gb18030" in result.stderr
    result = CliRunner().invoke(main, ["batch", str(src), "-o", str(tmp_path / "out"), "-j", "1",
                                       "--encoding", "latin-1"])
    assert result.exit_code == 1
    errors = (tmp_path / "out" / "_errors.jsonl").read_text("utf-8").splitlines()
    assert len(errors) == 1 and '"gbk.txt"' in errors[0] and "use --encoding gb18030" in errors[0]
    assert (tmp_path / "out" / "ascii.yaml").exists()
    bad = CliRunner().invoke(main, ["batch", str(src), "-o", str(tmp_path / "out2"), "--encoding", "nope"])
    assert bad.exit_code == 2 and "unknown encoding" in bad.stderr
