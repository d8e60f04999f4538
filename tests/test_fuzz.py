"""Property-based and fuzz tests: whatever the input, the parser returns a plan that
validates, or a one-line IpplanError; the same bytes always give the same output; no
input makes it slow.

The budget is fixed for CI (derandomized, a few hundred examples); run a longer search
with ``HYPOTHESIS_PROFILE=fuzz python -m pytest tests/test_fuzz.py``.
"""

from __future__ import annotations

import functools
import os
import random
import time

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import ipplan
from ipplan import emit
from ipplan.errors import IpplanError
from tests.conftest import SAMPLE_TEXTS

settings.register_profile("ci", max_examples=150, deadline=None, derandomize=True,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("fuzz", max_examples=5000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
PROFILE = settings.get_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

SAMPLE_LINES = {p.stem: p.read_text("utf-8").splitlines() for p in SAMPLE_TEXTS}

# Text made of the pieces plans are made of, so that random strings reach deep rules.
PIECES = ["一、", "（一）", "(二)", "1.", "2、", "(1)", "（3）", "①", "——", "到2025年，", "2022—2025年", "达到",
          "15件", "1.8万件", "以上", "不低于", "%", "个百分点", "亿元", "（责任单位：", "市市场监管局", "〔", "〕", "、",
          "）", "。", "；", "：", "\n", " ", "|", "附件", "每万人高价值发明专利拥有量", "分别", "和", "较", "增长",
          "二〇二三年六月十五日", "临政办字〔2023〕81号", "各县区人民政府：", "智慧財產權", "軟體", "《", "》", "“", "”"]
plan_like = st.lists(st.sampled_from(PIECES) | st.text(max_size=6), max_size=60).map("".join)


_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present: 10× faster


def _check(plan: ipplan.Plan) -> None:
    """Every emitted plan reads back and validates against the schema."""
    ipplan.Plan.model_validate(yaml.load(emit.to_yaml(plan), Loader=_LOADER))
    ipplan.Plan.model_validate_json(emit.to_json(plan))


@PROFILE
@given(st.text(max_size=400))
def test_any_unicode_text_gives_a_valid_plan(text: str) -> None:
    _check(ipplan.parse_text(text))


@PROFILE
@given(plan_like)
def test_plan_shaped_text_gives_a_valid_plan(text: str) -> None:
    _check(ipplan.parse_text(text))


@PROFILE
@given(st.binary(max_size=600))
def test_any_bytes_give_a_plan_or_a_one_line_error(data: bytes) -> None:
    try:
        plan = ipplan.parse_bytes(data, path="fuzz.bin")
    except IpplanError as exc:
        assert "\n" not in str(exc) and str(exc).startswith("fuzz.bin: ")
    else:
        _check(plan)


MUTATIONS = ("delete", "duplicate", "shuffle", "truncate", "renumber", "join")


def _mutate(lines: list[str], rng: random.Random, kind: str) -> str:
    lines = list(lines)
    if kind == "delete":
        for _ in range(rng.randint(1, 10)):
            if lines:
                del lines[rng.randrange(len(lines))]
    elif kind == "duplicate":  # duplicated numbering
        for _ in range(rng.randint(1, 10)):
            i = rng.randrange(len(lines))
            lines.insert(i, lines[rng.randrange(len(lines))])
    elif kind == "shuffle":  # shuffled paragraphs
        i = rng.randrange(len(lines))
        j = min(len(lines), i + rng.randint(2, 30))
        part = lines[i:j]
        rng.shuffle(part)
        lines[i:j] = part
    elif kind == "truncate":  # cut mid-clause
        text = "\n".join(lines)
        return text[: rng.randrange(len(text))]
    elif kind == "renumber":
        for _ in range(rng.randint(1, 10)):
            i = rng.randrange(len(lines))
            lines[i] = rng.choice(["一、", "（三）", "2.", "(9)", "十、", "——"]) + lines[i]
    elif kind == "join":  # paragraphs run together, as in a one-line paste
        i = rng.randrange(len(lines))
        lines[i : i + 20] = [" ".join(lines[i : i + 20])]
    return "\n".join(lines)


@PROFILE
@given(st.sampled_from(sorted(SAMPLE_LINES)), st.sampled_from(MUTATIONS), st.integers(0, 2**32 - 1))
def test_mutated_samples_give_valid_plans(stem: str, kind: str, seed: int) -> None:
    _check(ipplan.parse_text(_mutate(SAMPLE_LINES[stem], random.Random(seed), kind)))


@pytest.mark.parametrize("path", SAMPLE_TEXTS, ids=lambda p: p.stem)
def test_same_bytes_same_output(path) -> None:
    """Deterministic: two parses, in this process and in a fresh one, give the same bytes."""
    import subprocess
    import sys

    first = emit.to_yaml(ipplan.parse_file(path))
    assert emit.to_yaml(ipplan.parse_file(path)) == first
    out = subprocess.run([sys.executable, "-m", "ipplan", "parse", str(path)], capture_output=True, check=True,
                         env={**os.environ, "PYTHONHASHSEED": "12345"}).stdout.decode("utf-8")
    assert out == first


# --- bounded time on pathological inputs ------------------------------------------------
# A normal 20 KB plan parses in ~5 ms; these inputs are up to 50× larger. The bound is
# generous (roughly 100× the linear cost) so it catches blow-ups, not a slow machine.
BOUND_SECONDS = 30.0
_ONE_LINE = " ".join(SAMPLE_TEXTS[0].read_text("utf-8").splitlines())

PATHOLOGICAL = {
    "1 MB pasted on one line": (_ONE_LINE * (1_000_000 // len(_ONE_LINE) + 1))[:1_000_000],
    "1 MB without punctuation": "知" * 1_000_000,
    "10,000 nested brackets": "（" * 10_000 + "一、" + "）" * 10_000,
    "10,000 markers on one line": "（一）" * 10_000,
    "10,000 numbered lines": "\n".join(f"({i % 999 + 1})" for i in range(10_000)),
    "10,000 items inline": " ".join(f"{i % 999 + 1}.推进" for i in range(10_000)),
    "markers inside unclosed brackets": "（1）" * 5_000 + "（" * 5_000,
    "1 MB of digits": "1" * 1_000_000,
    "50,000 quantities": "一、目标\n" + "到2025年，专利达到15件，" * 50_000,
    "100,000 pipes": "|" * 100_000,
    "20,000 table rows": "\n".join(f"| {i} | 市科技局、市财政局 | 2025年 |" for i in range(20_000)),
    "50,000 open unit clauses": "（责任单位：" * 50_000,
}


@pytest.mark.parametrize("name", sorted(PATHOLOGICAL))
def test_pathological_input_parses_in_bounded_time(name: str) -> None:
    start = time.perf_counter()
    plan = ipplan.parse_text(PATHOLOGICAL[name])
    text = emit.to_json(plan)
    assert time.perf_counter() - start < BOUND_SECONDS
    ipplan.Plan.model_validate_json(text)  # (PyYAML would take a minute to read 8 MB back)


@functools.cache
def _format_seeds() -> tuple[bytes, ...]:
    from tests import fixtures

    bs = fixtures.blocks(SAMPLE_LINES["linyi-2023"] and "\n".join(SAMPLE_LINES["linyi-2023"]))
    return fixtures.docx_file(bs), fixtures.docx_file(bs, auto_numbers=True), fixtures.html_page(bs).encode("utf-8")


@PROFILE
@given(st.integers(0, 2), st.lists(st.tuples(st.integers(0, 10**7), st.integers(0, 255)), min_size=1, max_size=20),
       st.none() | st.integers(0, 10**7))
def test_damaged_docx_and_html_give_a_plan_or_a_one_line_error(seed: int, edits: list, cut: int | None) -> None:
    """Flipped bytes and truncation in a real DOCX or HTML file (zipfile alone raises
    seven kinds of exception on these)."""
    data = bytearray(_format_seeds()[seed])
    for pos, byte in edits:
        data[pos % len(data)] = byte
    if cut is not None:
        data = data[: cut % len(data)]
    try:
        plan = ipplan.parse_bytes(bytes(data), path="damaged.docx")
    except IpplanError as exc:
        assert "\n" not in str(exc)
    else:
        _check(plan)


# --- format fuzzing: the counts that drive work in DOCX, HTML and PDF -------------------
# Hostile values (huge, negative, not numbers) for what issue 16 found expensive: list
# numbering starts and formats, Word grid attributes, HTML spans, PDF text runs. Each
# document gives a plan or a one-line error, and its text stays in proportion to its size.

_counts = st.integers(-5, 40) | st.sampled_from([10**6, 10**8, 10**12, 2**31, -(2**31)]) \
    | st.sampled_from(["", "x", "1e9", "9" * 50, " 3 ", "0x10"])


def _parse_small(data: bytes, name: str) -> None:
    start = time.perf_counter()
    try:
        plan = ipplan.parse_bytes(data, path=name)
    except IpplanError as exc:
        assert "\n" not in str(exc) and str(exc).startswith(f"{name}: ")
    else:
        _check(plan)
        text = "".join(s.title + s.text for s in plan.sections)
        assert len(text) < 1000 * len(data)
    assert time.perf_counter() - start < 10


@PROFILE
@given(st.lists(st.tuples(st.sampled_from(["lowerRoman", "upperRoman", "lowerLetter", "upperLetter", "decimal",
                                           "chineseCounting", "ideographDigital", "decimalEnclosedCircle",
                                           "chineseLegalSimplified", "decimalZero", "bullet", "bogus"]),
                          _counts, st.sampled_from(["%1.", "（%1）", "%1、", "%1.%2.", "%9", "%1%1%1", "第%1条"]),
                          st.integers(-2, 10)), min_size=1, max_size=4),
       st.lists(st.tuples(st.integers(0, 4), st.integers(-1, 10), _counts), min_size=1, max_size=12))
def test_docx_numbering_of_any_start_and_format(levels: list, paragraphs: list) -> None:
    from tests.hostile.test_formats_hostile import docx

    lvls = "".join(f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
                   f'<w:lvlText w:val="{text}"/></w:lvl>' for fmt, start, text, ilvl in levels)
    numbering = (f'<w:abstractNum w:abstractNumId="1">{lvls}</w:abstractNum>'
                 '<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>'
                 f'<w:num w:numId="2"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0">'
                 f'<w:startOverride w:val="{paragraphs[0][2]}"/></w:lvlOverride></w:num>')
    body = "".join(f'<w:p><w:pPr><w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num}"/></w:numPr></w:pPr>'
                   f"<w:r><w:t>加强知识产权保护</w:t></w:r></w:p>" for num, ilvl, _ in paragraphs)
    _parse_small(docx(body, numbering), "numbering.docx")


@PROFILE
@given(st.lists(st.lists(st.tuples(_counts, _counts, st.sampled_from(["", "restart", "continue", None]),
                                   st.sampled_from(["市科技局", "1", "", "到2025年达到15件"])),
                         min_size=1, max_size=5), min_size=1, max_size=8))
def test_docx_tables_of_any_grid_attributes(rows: list) -> None:
    from tests.hostile.test_formats_hostile import docx

    def cell(span, _before, merge, text) -> str:
        vmerge = "" if merge is None else f'<w:vMerge w:val="{merge}"/>' if merge else "<w:vMerge/>"
        return (f'<w:tc><w:tcPr><w:gridSpan w:val="{span}"/>{vmerge}</w:tcPr>'
                f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:tc>")

    trs = "".join(f'<w:tr><w:trPr><w:gridBefore w:val="{row[0][1]}"/><w:gridAfter w:val="{row[-1][1]}"/>'
                  f"</w:trPr>{''.join(cell(*c) for c in row)}</w:tr>" for row in rows)
    _parse_small(docx(f"<w:p><w:r><w:t>一、总体要求</w:t></w:r></w:p><w:tbl>{trs}</w:tbl>"), "grid.docx")


@PROFILE
@given(st.lists(st.lists(st.tuples(_counts, _counts, st.sampled_from(["市科技局", "1", "", "<p>市财政局</p><p>市局</p>"])),
                         min_size=1, max_size=5), min_size=1, max_size=8))
def test_html_tables_of_any_spans(rows: list) -> None:
    trs = "".join("<tr>" + "".join(f'<td rowspan="{r}" colspan="{c}">{t}</td>' for r, c, t in row) + "</tr>"
                  for row in rows)
    page = f"<html><body><div class='TRS_Editor'><p>一、总体要求</p><table>{trs}</table></div></body></html>"
    _parse_small(page.encode("utf-8"), "spans.html")


_number = st.integers(-10**6, 10**6).map(str) | st.sampled_from(["0", "1e38", "-0.0", "99999999999", "nan", "x"])


@PROFILE
@given(st.lists(st.lists(st.tuples(_number, _number, _number, _number,
                                   st.sampled_from(["ab", "(1.) Plan", "", "\\\\", "2025"])),
                         max_size=30), min_size=1, max_size=3))
def test_pdf_text_runs_anywhere(pages: list) -> None:
    """Text runs at any place, of any size and matrix (0, negative, huge), on 1-3 pages."""
    from tests.hostile.test_formats_hostile import pdf_document

    contents = [b"\n".join(f"BT /F1 {size} Tf {scale} 0 0 {scale} {x} {y} Tm ({text}) Tj ET".encode()
                           for x, y, size, scale, text in page) for page in pages]
    _parse_small(pdf_document(contents), "runs.pdf")
