"""Normalization: width folding, whitespace, and traditional → simplified conversion (two
stages of ``ipplan.api.STAGES``, with the layout repairs of ``ipplan.parse.repair`` before
and between them).

Conversion runs paragraph by paragraph, and only on paragraphs written in traditional
script, with OpenCC ``tw2s`` followed by ipplan's curated Taiwan phrase table. OpenCC's
``tw2sp`` is not used: it rewrites ordinary mainland words (建立 → 创建, 整合 → 集成,
文件 → 文档, 智慧 → 智能, 许可权 → 权限), in simplified and in genuine Taiwan text alike.
"""

from __future__ import annotations

import functools
import re
from importlib import resources

from ipplan import patterncache
from ipplan.parse.rules import lazy
from ipplan.parse.types import NormalizedText
from ipplan.parse.vocab.text import CJK

#: Name recorded in ``source.conversion`` when a paragraph was converted.
CONVERSION = "opencc:tw2s+ipplan:tw-phrases"

# Full-width digits and Latin letters → ASCII (NFKC restricted to them: SPEC keeps other
# punctuation as printed). Spaces of every kind → a plain space; zero-width marks removed.
_WIDTH = {cp: cp - 0xFEE0 for r in ((0xFF10, 0xFF19), (0xFF21, 0xFF3A), (0xFF41, 0xFF5A))
          for cp in range(r[0], r[1] + 1)}
_SPACES = {ord(c): " " for c in "\t\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006"
           "\u2007\u2008\u2009\u200a\u202f\u205f\u3000\x0b\x0c"}
_REMOVE = {ord(c): None for c in "\u200b\u200c\u200d\u2060\ufeff\u00ad"}
FOLD_TABLE = {**_WIDTH, **_SPACES, **_REMOVE}
# str.translate with a dict looks up every character; a regex over the few characters that
# change is ~10× faster on text where they are rare (most of it).
_FOLD_CHARS = lazy("[" + "".join(map(chr, sorted(FOLD_TABLE))) + "]")

_SPACE_RUN = lazy(r" {2,}")
_CJK_START, _CJK_END = ord(CJK[0]), ord(CJK[-1])
#: A paragraph is traditional when it has at least this many traditional-only characters
#: and more of them than simplified-only characters.
MIN_TRADITIONAL_CHARS = 2


def fold(text: str) -> list[str]:
    """Width-fold, unify line ends and spaces; return stripped, non-empty lines."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n")
    text = _FOLD_CHARS.sub(lambda m: m.group().translate(FOLD_TABLE), text)
    lines = (_SPACE_RUN.sub(" ", line).strip() for line in text.split("\n"))
    return [line for line in lines if line]


@functools.cache
def _converter(config: str):  # -> opencc.OpenCC
    import opencc

    return opencc.OpenCC(config)


def derive_script_chars() -> tuple[str, str]:
    """(traditional-only, simplified-only) characters, derived from OpenCC itself: the CJK
    characters t2s resp. s2t would change, minus those both change. Written to
    data/script_chars.txt by scripts/make_script_chars.py; a test checks the file is current."""
    chars = "".join(chr(c) for c in range(_CJK_START, _CJK_END + 1))
    to_simp = _converter("t2s").convert(chars)
    to_trad = _converter("s2t").convert(chars)
    trad = {a for a, b in zip(chars, to_simp) if a != b}
    simp = {a for a, b in zip(chars, to_trad) if a != b}
    both = trad & simp
    return "".join(sorted(trad - both)), "".join(sorted(simp - both))


@functools.cache
def _script_classes() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Character classes of traditional-only and simplified-only characters. Loaded from
    data/script_chars.txt (deriving them from OpenCC costs 80 ms per process); regex
    character classes count them several times faster than a translate table. Compiled on
    first use: a simplified document needs only the traditional class, and never compiles
    the other (1.6 ms)."""
    raw = resources.files("ipplan.parse.data").joinpath("script_chars.txt").read_text("utf-8")
    trad, simp = (line.split(":", 1)[1] for line in raw.splitlines() if line.startswith(("traditional:", "simplified:")))
    return lazy(f"[{trad}]"), lazy(f"[{simp}]")  # type: ignore[return-value]


def script_counts(line: str) -> tuple[int, int]:
    """(traditional-only, simplified-only) character counts of a paragraph."""
    trad, simp = _script_classes()
    return len(trad.findall(line)), len(simp.findall(line))


def _line_evidence(line: str) -> tuple[int, int]:
    """script_counts(line) as normalize() uses it: a line without a traditional-only
    character is never traditional, and counts as simplified when it holds one
    simplified-only character, so (0, 1) or (0, 0) says all about it without counting
    (a third of the time on a long document that mixes scripts)."""
    trad, simp = _script_classes()
    if not trad.search(line):
        return 0, 1 if simp.search(line) else 0
    return script_counts(line)


def paragraph_script(line: str, min_chars: int = MIN_TRADITIONAL_CHARS) -> str:
    """'traditional' or 'simplified' for one paragraph (neutral text counts as simplified).

    Traditional: more traditional-only than simplified-only characters, and either
    ``min_chars`` of them or no simplified-only character at all (一、指導思想).
    """
    return "traditional" if _is_traditional(*script_counts(line), min_chars) else "simplified"


def _is_traditional(trad: int, simp: int, min_chars: int) -> bool:
    return trad > simp and (trad >= min_chars or simp == 0)


@functools.cache
def _tw_phrases() -> tuple[re.Pattern[str], dict[str, str]]:
    from ipplan.parse.datafile import read_yaml

    data = read_yaml("tw_phrases.yaml")
    table: dict[str, str] = data["phrases"]
    if not all(isinstance(k, str) and isinstance(v, str) and k and v for k, v in table.items()):
        raise ValueError("tw_phrases.yaml: every entry must map a phrase to a phrase")
    keys = sorted(table, key=len, reverse=True)  # longest match first
    return patterncache.compile("|".join(map(re.escape, keys))), table


def to_simplified(line: str) -> str:
    """Convert one traditional paragraph: OpenCC tw2s, then the Taiwan phrase table."""
    return tw_phrases(_converter("tw2s").convert(line))


def tw_phrases(text: str) -> str:
    """The curated Taiwan phrase table alone (智慧财产权 → 知识产权), on converted text."""
    pattern, table = _tw_phrases()
    return pattern.sub(lambda m: table[m.group()], text)


def normalize(text: str) -> NormalizedText:
    """Fold the text and convert its traditional paragraphs (``convert``). The pipeline
    (``ipplan.api.STAGES``) runs the two apart, with the layout repairs between them."""
    return convert(fold(text))


def convert(lines: list[str]) -> NormalizedText:
    """Convert the traditional paragraphs of folded lines to simplified.

    A paragraph is traditional when it has more traditional-only than simplified-only
    characters and at least MIN_TRADITIONAL_CHARS of them, or no simplified-only one (short
    headings of a mixed document: 一、指導思想); in a mostly traditional document a line with
    one traditional-only character is converted unless it holds more simplified-only ones. A
    document without any such paragraph of MIN_TRADITIONAL_CHARS is simplified and left as
    it is.
    """
    if not _script_classes()[0].search("\n".join(lines)):  # the common case: nothing traditional at all
        return NormalizedText(tuple(lines))
    counts = [_line_evidence(line) for line in lines]
    n_trad_lines = sum(t >= MIN_TRADITIONAL_CHARS and t > s for t, s in counts)
    if n_trad_lines == 0:
        return NormalizedText(tuple(lines))
    n_simp_lines = sum(s > 0 and s >= t for t, s in counts)
    mostly_trad = n_simp_lines <= max(1, n_trad_lines // 20)
    threshold = 1 if mostly_trad else MIN_TRADITIONAL_CHARS
    # In a traditional document a tie goes to traditional: a short line such as 北京市海淀區
    # holds one character OpenCC calls simplified-only (淀, whose traditional form 澱 is a
    # different word), and tw2s leaves simplified characters alone.
    tie = 1 if mostly_trad else 0
    todo = [i for i, (t, s) in enumerate(counts) if _is_traditional(t, s - tie, threshold)]
    # One OpenCC call for all of them: per-call overhead dominates on short paragraphs.
    converted = to_simplified("\n".join(lines[i] for i in todo)).split("\n")
    out = list(lines)
    for i, line in zip(todo, converted):
        out[i] = line
    return NormalizedText(tuple(out), script="traditional" if mostly_trad else "mixed", conversion=CONVERSION)
