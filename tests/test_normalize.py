"""Normalization: widths, spaces, script detection and traditional → simplified."""

from __future__ import annotations

import pytest

from ipplan.parse.normalize import CONVERSION, fold, normalize, paragraph_script, to_simplified
from tests.conftest import SAMPLE_TEXTS, SAMPLES


@pytest.mark.parametrize(
    ("raw", "lines"),
    [
        ("到２０２５年，ＰＣＴ申请", ["到2025年，PCT申请"]),  # digits/Latin folded, ， kept
        ("一、指导思想\r\n\r\n（一）总体目标", ["一、指导思想", "（一）总体目标"]),
        ("\u3000\u3000为深入推进\u00a0工作", ["为深入推进 工作"]),
        ("a\u200bb\ufeff", ["ab"]),
        ("  多个   空格  ", ["多个 空格"]),
    ],
    ids=lambda v: repr(v)[:20],
)
def test_fold(raw: str, lines: list[str]) -> None:
    assert fold(raw) == lines


# Words OpenCC tw2sp rewrites although they are correct mainland (and Taiwan) usage.
MAINLAND_WORDS = ["建立", "新增", "高效能", "整合", "文件", "核心", "智慧", "显著", "智慧法院", "行政许可权"]


@pytest.mark.parametrize("word", MAINLAND_WORDS)
def test_simplified_text_is_never_touched(word: str) -> None:
    text = f"加快{word}知识产权工作体系，推动高质量发展。"
    result = normalize(text)
    assert result.lines == (text,) and result.script == "simplified" and result.conversion is None


@pytest.mark.parametrize(
    ("traditional", "simplified"),
    [
        ("加快推進智慧財產權強省建設", "加快推进知识产权强省建设"),
        ("最佳化產業發展決策", "优化产业发展决策"),
        ("建設產業特色突出的智慧財產權運營服務網路", "建设产业特色突出的知识产权运营服务网络"),
        ("推動軟體與資訊服務業發展", "推动软件与信息服务业发展"),
        ("建立智慧法院，保障行政許可權", "建立智慧法院,保障行政许可权".replace(",", "，")),  # no tw2sp damage
        ("國家知識產權局著力推動", "国家知识产权局着力推动"),  # Hong Kong / mainland wording in traditional
        ("綜合實力顯著增強", "综合实力显著增强"),
    ],
)
def test_traditional_paragraphs_are_converted(traditional: str, simplified: str) -> None:
    assert to_simplified(traditional) == simplified
    result = normalize(traditional)
    assert result.lines == (simplified,)
    assert result.script == "traditional" and result.conversion == CONVERSION


def test_mixed_document_is_converted_paragraph_by_paragraph() -> None:
    simp = "建立知识产权整合服务体系，新增文件核心数据。"
    trad = "加快推進智慧財產權強省建設，最佳化產業發展決策。"
    result = normalize(f"{simp}\n{trad}\n{simp}")
    assert result.lines == (simp, "加快推进知识产权强省建设，优化产业发展决策。", simp)
    assert result.script == "mixed"


@pytest.mark.parametrize("line", ["一、总体要求", "2025年", "PCT", "(一)"])
def test_neutral_text_counts_as_simplified(line: str) -> None:
    assert paragraph_script(line) == "simplified"


@pytest.mark.parametrize("path", [p for p in SAMPLE_TEXTS if not p.stem.endswith("-tw")], ids=lambda p: p.stem)
def test_simplified_samples_come_out_unchanged(path) -> None:
    text = path.read_text("utf-8")
    result = normalize(text)
    assert result.lines == tuple(fold(text))
    assert result.script == "simplified" and result.conversion is None


def test_short_traditional_heading_in_a_mixed_document() -> None:
    """One traditional-only character and no simplified-only one is enough in a document
    that holds traditional paragraphs; a simplified document is never touched."""
    simp = "建立知识产权整合服务体系，新增文件核心数据。"
    trad = "加快推進智慧財產權強省建設，最佳化產業發展決策。"
    result = normalize(f"一、指導思想\n{simp}\n{trad}\n{simp}")
    assert result.lines[0] == "一、指导思想" and result.script == "mixed"
    assert normalize(f"一、指導思想\n{simp}").lines[0] == "一、指導思想"


def test_a_tie_goes_to_traditional_in_a_traditional_document() -> None:
    """海淀區 holds one traditional-only (區) and one simplified-only character (淀: OpenCC
    writes 澱 for it): in a traditional document the line is converted; in a simplified
    document, or with more simplified-only characters, it is not."""
    trad = "加快推進智慧財產權強省建設，最佳化產業發展決策。"
    result = normalize(f"{trad}\n1.北京市海淀區\n2.上海市徐匯區\n{trad}")
    assert result.lines[1:3] == ("1.北京市海淀区", "2.上海市徐汇区")
    simp = "建立知识产权整合服务体系，新增文件核心数据。"
    assert normalize(f"{simp}\n1.北京市海淀區\n{simp}").lines[1] == "1.北京市海淀區"
    assert normalize(f"{trad}\n海淀區淀粉厂\n{trad}").lines[1] == "海淀區淀粉厂"  # 1 against 2: left alone


def test_script_chars_file_is_what_opencc_derives() -> None:
    """data/script_chars.txt is what scripts/make_script_chars.py writes from the installed OpenCC."""
    import importlib.util

    from tests.conftest import ROOT

    spec = importlib.util.spec_from_file_location("make_script_chars", ROOT / "scripts" / "make_script_chars.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert (ROOT / "ipplan" / "parse" / "data" / "script_chars.txt").read_text("utf-8") == module.render()


def test_lines_without_traditional_characters_are_not_counted_and_nothing_changes(monkeypatch) -> None:
    """normalize() counts script characters only on lines that hold a traditional-only
    one (_line_evidence): the same result as counting every line, on documents that mix
    the traditional sample's lines with simplified ones in many proportions."""
    import random

    from ipplan.parse import normalize as nz

    tw = (SAMPLES / "ip-strong-province-2015-tw.txt").read_text("utf-8").splitlines()
    cn = (SAMPLES / "linyi-2023.txt").read_text("utf-8").splitlines()
    rng = random.Random(7)
    docs = ["\n".join(rng.sample(tw, k) + rng.sample(cn, m)) for k in (0, 1, 2, 5, 40) for m in (0, 1, 30, 100)]
    docs += ["\n".join(rng.choice(tw + cn) for _ in range(60)) for _ in range(20)]
    fast = [nz.normalize(d) for d in docs]
    monkeypatch.setattr(nz, "_line_evidence", nz.script_counts)
    assert fast == [nz.normalize(d) for d in docs]
    assert {f.script for f in fast} == {"simplified", "mixed", "traditional"}
