"""Word boundaries with jieba, on ipplan's own small dictionary of IP-policy words.

jieba decides whether a leading verb is a word of its own (建成 in 建成30家基地) or the
start of a longer word (建成区, 建设银行), so that trimming an indicator never cuts a
word in half. The dictionary (data/ip_words.txt, jieba's "word freq" format) is tiny and
built in memory on first use: no 0.8 s / 100 MB load of jieba's general dictionary, and
no cache file written to the shared temporary folder.
"""

from __future__ import annotations

import functools
import re
from importlib import resources


@functools.cache
def tokenizer():  # -> jieba.Tokenizer
    import io
    import logging
    import sys

    # jieba imports pkg_resources (0.17 s, a third of a cold `ipplan parse`) only to find
    # its own data files, and falls back to open() without it; ipplan loads none of them.
    hide = "pkg_resources" not in sys.modules
    if hide:
        sys.modules["pkg_resources"] = None  # type: ignore[assignment]  # makes the import fail fast
    try:
        import jieba
    finally:
        if hide:
            del sys.modules["pkg_resources"]

    logging.getLogger("jieba").setLevel(logging.WARNING)
    tk = jieba.Tokenizer(dictionary=None)
    raw = resources.files("ipplan.parse.data").joinpath("ip_words.txt").read_bytes()
    tk.FREQ, tk.total = tk.gen_pfdict(io.BytesIO(raw))
    tk.initialized = True  # built in memory: jieba writes no cache file
    return tk


def first_word(text: str) -> str:
    """The first word of ``text`` as jieba segments it."""
    for word in tokenizer().cut(text[:16], HMM=False):
        return word
    return ""


def strip_leading_verb(text: str, verbs: list[str], keep: list[str]) -> str:
    """Drop a leading verb when it is a whole word: 建成30家 → 30家; 建成区 stays."""
    m = _verb_pattern(tuple(verbs)).match(text)
    if m and len(text) > m.end() and not text.startswith(tuple(keep)):
        return text[m.end() :] if first_word(text) == m.group() else text
    return text


@functools.cache
def _verb_pattern(verbs: tuple[str, ...]) -> re.Pattern[str]:
    """The verbs as one alternation, longest first (so 建设成 wins over 建设)."""
    return re.compile("|".join(re.escape(v) for v in sorted(verbs, key=len, reverse=True)))
