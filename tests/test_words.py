"""words.first_word is jieba's first word (Tokenizer.cut, HMM off) on ipplan's dictionary,
found without importing jieba: checked against jieba itself."""

from __future__ import annotations

import io
from importlib import resources

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ipplan import api
from ipplan.parse import words
from tests.conftest import ROOT, SAMPLE_TEXTS

jieba = pytest.importorskip("jieba")

DEV = ROOT.parent / "shared" / "corpus" / "dev"
DICTIONARY = [line.split()[0] for line in
              resources.files("ipplan.parse.data").joinpath("ip_words.txt").read_text("utf-8").splitlines() if line]


@pytest.fixture(scope="module")
def tokenizer():
    tk = jieba.Tokenizer(dictionary=None)
    raw = resources.files("ipplan.parse.data").joinpath("ip_words.txt").read_bytes()
    tk.FREQ, tk.total = tk.gen_pfdict(io.BytesIO(raw))
    tk.initialized = True
    return tk


def jieba_first(tk, text: str) -> str:
    return next(iter(tk.cut(text[:16], HMM=False)), "")


@pytest.mark.parametrize(("text", "first"), [
    ("建成30家知识产权服务机构", "建成"),  # a verb before a number: a word of its own
    ("建成区绿地率达到40%", "建成区"),  # the start of a longer word: kept
    ("培育知识产权示范企业", "培育"),
    ("PCT国际专利申请量", "PCT"),  # letters and digits are joined
    ("30家", "30"),
    (" 建成", " "),
    ("", ""),
])
def test_first_words(tokenizer, text: str, first: str) -> None:
    assert words.first_word(text) == first == jieba_first(tokenizer, text)


def test_the_texts_the_parser_trims_on_real_documents(tokenizer, monkeypatch) -> None:
    """Every text whose leading verb the targets stage weighs, in the samples and the dev
    documents: the same first word as jieba's."""
    seen: list[str] = []
    real = words.first_word
    monkeypatch.setattr(words, "first_word", lambda text: seen.append(text) or real(text))
    docs = SAMPLE_TEXTS + (sorted(p for p in DEV.iterdir() if p.suffix in (".txt", ".html", ".docx"))
                           if DEV.is_dir() else [])
    for path in docs:
        api.parse_file_data(path)
    assert len(seen) > 20
    assert [real(t) for t in seen] == [jieba_first(tokenizer, t) for t in seen]


_PIECES = st.sampled_from(DICTIONARY + ["区", "率", "30", "a", "PCT", "家", "，", " ", "建", "设", "成", "银行", "-", "%"])


@settings(max_examples=400, deadline=None)
@given(st.lists(_PIECES, max_size=8).map("".join))
def test_strings_made_of_dictionary_words(tokenizer, text: str) -> None:
    assert words.first_word(text) == jieba_first(tokenizer, text)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(min_codepoint=0x20, max_codepoint=0x9FFF), max_size=20))
def test_any_text(tokenizer, text: str) -> None:
    assert words.first_word(text) == jieba_first(tokenizer, text)
