"""One home per word list and pattern: the vocabulary of the parser (the CJK range, the year
pattern, numeral classes, organ endings, 文种 words, measure words) lives in
``ipplan/parse/vocab/`` (numerals in ``parse/numerals.py``, dates and years in
``parse/dates.py``); this test fails when one of them is typed again anywhere else in
``ipplan/``. It reads every string literal of the source (f-string parts too)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

import ipplan
from ipplan.parse.numerals import CN_COUNT_CLASS
from ipplan.parse.vocab.doctypes import DOC_TYPES
from ipplan.parse.vocab.measures import MEASURES
from ipplan.parse.vocab.organs import COLLECTIVE_ENDINGS, ORGAN_ENDINGS

ROOT = Path(ipplan.__file__).parent
PARSE = ROOT / "parse"
HOMES = {PARSE / "numerals.py", PARSE / "dates.py"}
SOURCES = sorted(p for p in ROOT.rglob("*.py") if p not in HOMES and PARSE / "vocab" not in p.parents)


def _strings(path: Path) -> list[tuple[int, str]]:
    """Every string literal but docstrings (prose may quote a word list)."""
    tree = ast.parse(path.read_text("utf-8"))
    docs = {id(node.body[0].value) for node in ast.walk(tree)
            if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef)) and node.body
            and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant)}
    return [(node.lineno, node.value) for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docs]


def _alternatives(text: str) -> set[str]:
    """The alternatives of every regex alternation in ``text`` (a|b|c, (?:a|b), [abc] as single characters)."""
    out = set(re.split(r"[|()?:\[\]]", text))
    for body in re.findall(r"\[([^\]]+)\]", text):
        out |= set(body)
    return out


def _offences(text: str) -> list[str]:
    out = []
    if "\u4e00-\u9fff" in text:
        out.append("the CJK range (vocab.text.CJK)")
    if re.search(r"19\|20", text):
        out.append("the year pattern (dates.YEAR)")
    if any(CN_COUNT_CLASS[i : i + 5] in text for i in range(len(CN_COUNT_CLASS) - 4)):
        out.append("a numeral class (numerals.CN_*_CLASS)")
    alts = _alternatives(text)
    organs = [w for w in dict.fromkeys(ORGAN_ENDINGS + COLLECTIVE_ENDINGS) if w in alts]
    if len(organs) >= 4:
        out.append(f"organ endings {organs} (vocab.organs)")
    types = [w for w in DOC_TYPES if w in alts]
    if len(types) >= 3:
        out.append(f"文种 words {types} (vocab.doctypes)")
    measures = [w for w in MEASURES if w in alts and w not in "万亿千百"]
    if len(measures) >= 5:
        out.append(f"measure words {measures} (vocab.measures)")
    return out


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_vocabulary_is_typed_again(path: Path) -> None:
    found = [(line, o) for line, text in _strings(path) for o in _offences(text)]
    assert found == [], f"{path.relative_to(ROOT)}: {found}"


def test_word_lists_of_tuples_are_not_typed_again() -> None:
    """A tuple or list of 文种 words or organ endings written out again."""
    for path in SOURCES:
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, (ast.Tuple, ast.List, ast.Set)):
                words = {e.value for e in node.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)}
                assert len(words & set(DOC_TYPES)) < 3, (path, node.lineno, "文种 words: use vocab.doctypes")
                assert len(words & set(ORGAN_ENDINGS)) < 4, (path, node.lineno, "organ endings: use vocab.organs")


@pytest.mark.parametrize("text", ["[\u4e00-\u9fff]", r"(?:19|20)\d{2}", "[一二三四五六七八九十]", "局|委|厅|办",
                                  "方案|计划|规划|纲要", "[个名所篇项家]"])
def test_the_check_finds_a_copy(text: str) -> None:
    assert _offences(text)
