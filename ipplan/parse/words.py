"""Word boundaries on ipplan's own small dictionary of IP-policy words (data/ip_words.txt).

A leading verb is dropped from an indicator only when it is a word of its own (建成 in
建成30家基地), not the start of a longer word (建成区, 建设银行), so that trimming an indicator
never cuts a word in half. The first word of a text is found as jieba finds it without its
HMM (``jieba.Tokenizer.cut(text, HMM=False)``): the text's first run of CJK characters,
letters and digits is cut along the path through the dictionary's words (a DAG) with the
highest product of word frequencies, ties to the longer word. This is jieba's algorithm on
a prefix dictionary built in memory from the same file, without importing jieba (18 ms of
every cold `ipplan parse`) for a 16-character prefix; tests/test_targets.py checks that the
first words equal jieba's on the samples' indicators and on strings made of the dictionary.
"""

from __future__ import annotations

import functools
import math
import re
from importlib import resources

from ipplan import patterncache

#: jieba's blocks (re_han_default): runs of these are segmented, anything else stands alone.
_BLOCK = patterncache.compile(r"[\u4E00-\u9FD5a-zA-Z0-9+#&._%\-]+")
_ASCII_WORD = patterncache.compile(r"[a-zA-Z0-9]")


@functools.cache
def lexicon() -> tuple[dict[str, int], float]:
    """{word or prefix of a word: frequency (0 for a bare prefix)} and the log of the total
    frequency: jieba's prefix dictionary (``gen_pfdict``) of data/ip_words.txt."""
    freq: dict[str, int] = {}
    total = 0
    raw = resources.files("ipplan.parse.data").joinpath("ip_words.txt").read_text("utf-8")
    for line in raw.splitlines():
        line = line.strip()
        if not line:
            continue
        word, count = line.split(" ")[:2]
        freq[word] = int(count)
        total += int(count)
        for k in range(1, len(word)):
            freq.setdefault(word[:k], 0)
    return freq, math.log(total)


@functools.cache
def _weights() -> tuple[dict[str, float | None], float]:
    """{word or prefix: log(frequency) - log(total), None for a bare prefix}, and the weight
    of a character that is no word (log(1) - log(total)): jieba's terms, computed once."""
    freq, log_total = lexicon()
    return {w: math.log(f) - log_total if f else None for w, f in freq.items()}, math.log(1) - log_total


def first_word(text: str) -> str:
    """The first word of ``text`` as jieba (HMM off) segments it."""
    text = text[:16]
    m = _BLOCK.match(text)
    if not m:  # outside the blocks every character is a word of its own, and so is \r\n
        return "\r\n" if text.startswith("\r\n") else text[:1]
    block = m.group()
    weight, single = _weights()
    n = len(block)
    # best[i] = (highest log probability of block[i:], end of its first word): jieba's calc()
    # with the same float operations, ties to the longer word.
    best: list[tuple[float, int]] = [(0.0, 0)] * (n + 1)
    for i in range(n - 1, -1, -1):
        top = None
        j = i
        frag = block[i]
        while frag in weight:  # the words starting at i (jieba's get_DAG)
            w = weight[frag]
            if w is not None:
                cand = (w + best[j + 1][0], j)
                if top is None or cand > top:
                    top = cand
            j += 1
            if j == n:
                break
            frag = block[i : j + 1]
        best[i] = top if top is not None else (single + best[i + 1][0], i)
    word = block[: best[0][1] + 1]
    if len(word) == 1 and _ASCII_WORD.match(word):  # jieba joins single letters and digits
        end = 1
        while end < n and best[end][1] == end and _ASCII_WORD.match(block[end]):
            end += 1
        word = block[:end]
    return word


def strip_leading_verb(text: str, verbs: list[str], keep: list[str]) -> str:
    """Drop a leading verb when it is a whole word: 建成30家 → 30家; 建成区 stays."""
    m = _verb_pattern(tuple(verbs)).match(text)
    if m and len(text) > m.end() and not text.startswith(tuple(keep)):
        return text[m.end() :] if first_word(text) == m.group() else text
    return text


@functools.cache
def _verb_pattern(verbs: tuple[str, ...]) -> re.Pattern[str]:
    """The verbs as one alternation, longest first (so 建设成 wins over 建设)."""
    return patterncache.compile("|".join(re.escape(v) for v in sorted(verbs, key=len, reverse=True)))
