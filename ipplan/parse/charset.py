"""Text encodings: decide how a document's bytes are decoded, by content.

Order: a BOM decides (utf-8-sig, utf-32-le, utf-32-be, utf-16-le, utf-16-be); else strict
UTF-8 (the fast path; a short or odd-looking UTF-8 text that reads as mojibake goes on to
the legacy codecs, and loses to one only when that reading is plainly Chinese: mostly Han
characters (MOSTLY_CHINESE), OVER_UTF8_SHARE of them common; French "stratégique" stays
UTF-8, never "strat茅gique");
else every Chinese legacy codec in CANDIDATES that decodes the bytes strictly is scored by
the share of its characters that are common Chinese characters (data/common_chars.txt,
derived from jieba's dictionary), and the best one wins only when it reads as Chinese
(MIN_SHARE) and clearly better than the runner-up (MARGIN). Anything else is an error,
never mojibake: a short text that reads as Chinese under two codecs asks for ``--encoding``.

GB2312 and GBK bytes decode identically under GB18030 (a superset), so they are reported
as ``gb18030``; Big5 is decoded with cp950 (Microsoft's Big5, what Windows writes) and
reported as ``big5``, or with Big5-HKSCS (``big5hkscs``) when only that decodes.

A general-purpose detector (charset-normalizer) is not used: on 2-, 4-, 8- and 16-character
pieces of the samples in GB18030 and Big5 (about 2,900 each) it chose the wrong codec
silently for 51%, 24%, 3.3% and 0.3% of them; this scorer chose none wrongly and refused
15%, 3%, 1% and 0.1% (one character or two: "too short to tell"; see tests/test_charset.py).
"""

from __future__ import annotations

import codecs
import functools
from importlib import resources
from typing import NamedTuple

from ipplan import patterncache
from ipplan.errors import ReadError
from ipplan.parse.rules import lazy
from ipplan.parse.vocab.notices import NoticeRef
from ipplan.parse.vocab.text import HAN

#: BOM → (codec, reported name). UTF-8's first; UTF-32's before UTF-16's (FF FE 00 00
#: starts with UTF-16-LE's FF FE).
BOMS: tuple[tuple[bytes, str, str], ...] = (
    (codecs.BOM_UTF8, "utf-8", "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16-be"),
)

#: Legacy Chinese codecs tried when the bytes are not UTF-8: (codec, reported name).
#: A later codec of the same family is skipped when an earlier one decodes.
CANDIDATES: tuple[tuple[str, str, str], ...] = (
    ("gb18030", "gb18030", "gb"),
    ("cp950", "big5", "big5"),
    ("big5hkscs", "big5hkscs", "big5"),
)

#: Least share of common characters for a decoding to count as Chinese text.
MIN_SHARE = 0.6
#: How much better than the runner-up the chosen decoding must score.
MARGIN = 0.25
#: How many characters of a long text are scored (evenly spread; the score is a share).
SCORE_CHARS = 2000
#: Fewest non-ASCII characters a decision between two readings rests on.
MIN_EVIDENCE = 2
#: Least share of Chinese characters among the letters for a legacy reading to replace a
#: valid UTF-8 reading, and below which a text is "not Chinese" (a notice; a saved page
#: whose text is mostly left-over markup still has 6%).
MOSTLY_CHINESE = 0.5
NOT_CHINESE = 0.02
#: Least share of common characters for a legacy reading to replace valid UTF-8 (Greek
#: UTF-8 read as GB18030 is 62% common characters: 螘位位畏谓喂魏维).
OVER_UTF8_SHARE = 0.8
_HAN = lazy(f"[{HAN}]")
_NOT_HAN = lazy(f"[^{HAN}]+")  # removed, they leave _HAN's characters

#: Valid UTF-8 is checked for mojibake when it is this short, or when it holds characters
#: of UTF-8's two-byte range other than the symbols Chinese documents use (NBSP ° ± · × ÷).
SHORT_BYTES = 256
UTF8_ODD = patterncache.compile("[\u0080-\u009f\u00a1-\u00af\u00b2-\u00b6\u00b8-\u00d6\u00d8-\u00f6\u00f8-\u07ff]")

#: Punctuation and symbols of Chinese official documents: scored like common characters
#: (mojibake turns them into rare symbols: 。 read as Big5 is ﹝).
COMMON_PUNCTUATION = ("，。、；：？！“”‘’（）《》〈〉「」『』【】〔〕［］｛｝…—―－·・％～‰×÷±°"
                      "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳\u3000\u00a0")


class Decoded(NamedTuple):
    text: str
    encoding: str


@functools.cache
def _common() -> frozenset[str]:
    lines = resources.files("ipplan.parse.data").joinpath("common_chars.txt").read_text("utf-8").splitlines()
    return frozenset("".join(line for line in lines if not line.startswith("#")))


@functools.cache
def _good_table() -> dict[int, str]:
    """Translate table: common characters and punctuation → "\x00"."""
    good = _common() | set(COMMON_PUNCTUATION) | {chr(c) for c in range(0xFF10, 0xFF5B)}
    return {ord(c): "\x00" for c in good}


def common_share(text: str) -> float | None:
    """Share of common Chinese characters and punctuation among the non-ASCII characters
    (None if there are none): about 1 for Chinese text, far less for mojibake. A long text
    is scored on SCORE_CHARS characters taken evenly through it."""
    if len(text) > SCORE_CHARS:
        text = text[:: len(text) // SCORE_CHARS]
    non_ascii = _non_ascii(text)
    if not non_ascii:
        return None
    good = text.translate(_good_table()).count("\x00") - text.count("\x00")
    return good / non_ascii


def decode_text(data: bytes, name: str, encoding: str | None = None) -> Decoded:
    """Decode a text document's bytes (see the module docstring); ``encoding`` forces a codec."""
    if encoding:
        return decode_as(data, encoding, name)
    for bom, codec, reported in BOMS:
        if data.startswith(bom):
            return Decoded(_strict(data[len(bom) :], codec, name), reported)
    if b"\x00" in data[:8192]:
        raise ReadError(_nul_message(data), name)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return _detect(data, name)
    if (len(data) <= SHORT_BYTES or _has_two_byte_chars(data, text) and UTF8_ODD.search(text)) \
            and _implausible(text):
        # Valid UTF-8 that reads as mojibake (GB bytes can be valid UTF-8: 知识 → ֪ʶ)
        # competes with the legacy codecs.
        return _detect(data, name, utf8=text)
    return Decoded(text, "utf-8")


def _has_two_byte_chars(data: bytes, text: str) -> bool:
    """Whether UTF-8 ``data`` (decoded: ``text``) holds characters of the two-byte range.
    Cheap: if every non-ASCII character took three bytes (CJK), the counts add up."""
    ascii_chars = len(text.encode("ascii", "ignore"))
    return 3 * (len(text) - ascii_chars) != len(data) - ascii_chars


def _implausible(text: str) -> bool:
    share = common_share(text)
    return share is not None and share < MIN_SHARE


def decode_as(data: bytes, encoding: str, name: str) -> Decoded:
    """Decode strictly with a named codec; the reported name is Python's canonical one."""
    try:
        codec = codecs.lookup(encoding).name
    except LookupError:
        raise ReadError(f"unknown encoding {encoding!r}", name) from None
    try:
        text = data.decode(codec)
    except UnicodeDecodeError as exc:
        raise ReadError(f"not valid {encoding} at byte {exc.start}", name) from None
    _check_forced(data, text, encoding, codec, name)
    return Decoded(text, codec)


def _check_forced(data: bytes, text: str, encoding: str, codec: str, name: str) -> None:
    """A forced codec whose reading is not Chinese text, where the bytes read as Chinese
    under another codec, is an error naming that codec: ``--encoding latin-1`` on a GBK
    file would otherwise give a plan of mojibake (¼ÓÇ¿ÖªÊ¶²úÈ¨). A forced reading that is
    not Chinese while no other reading is either stands (with notice N001)."""
    if (common_share(text) or 1.0) >= MIN_SHARE:
        return
    try:
        found = decode_text(data, name)
    except ReadError:
        return
    if found.encoding == codec or (chinese_share(found.text) or 0.0) < MOSTLY_CHINESE \
            or (common_share(found.text) or 0.0) < MIN_SHARE:
        return
    raise ReadError(f"--encoding {encoding} gives no Chinese text ({_printable(_preview(text, 12))!r}), but the bytes "
                    f"read as Chinese in {found.encoding} ({_preview(found.text, 12)!r}): use --encoding "
                    f"{found.encoding}, or leave --encoding out", name)


def _printable(text: str) -> str:
    return "".join(c if c.isprintable() else "?" for c in text)


def _detect(data: bytes, name: str, utf8: str | None = None) -> Decoded:
    """Choose among the legacy codecs (and a valid but implausible UTF-8 reading)."""
    scored: list[tuple[float, str, str]] = [] if utf8 is None else [(common_share(utf8) or 0.0, "utf-8", utf8)]
    done: set[str] = set()
    for codec, reported, family in CANDIDATES:
        if family in done:
            continue
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        done.add(family)
        if utf8 is not None and ((chinese_share(text) or 0.0) < MOSTLY_CHINESE
                                 or (common_share(text) or 0.0) < OVER_UTF8_SHARE):
            continue  # valid UTF-8 stays UTF-8 unless the legacy reading is plainly Chinese
        share = common_share(text)
        scored.append((share if share is not None else 0.0, reported, text))
    if not scored:
        raise ReadError("cannot decode: not UTF-8, UTF-16, GB18030 or Big5 text (try --encoding)", name)
    scored.sort(key=lambda s: -s[0])
    best = scored[0]
    if best[0] < MIN_SHARE and utf8 is not None:
        return Decoded(utf8, "utf-8")  # valid UTF-8 stands unless another reading is Chinese text
    if best[0] < MIN_SHARE:
        raise ReadError(f"cannot decode: no encoding reads as Chinese text ({best[1]} gives "
                        f"{_preview(best[2])!r}; try --encoding)", name)
    if len(scored) > 1 and _non_ascii(best[2]) < MIN_EVIDENCE:
        raise ReadError(f"too short to tell the encoding ({best[1]} gives {_preview(best[2])!r}, "
                        f"{scored[1][1]} {_preview(scored[1][2])!r}); use --encoding", name)
    if len(scored) > 1 and scored[1][0] > best[0] - MARGIN:
        other = scored[1]
        raise ReadError(f"ambiguous encoding: reads as {best[1]} ({_preview(best[2])!r}) or {other[1]} "
                        f"({_preview(other[2])!r}); use --encoding", name)
    return Decoded(best[2], best[1])


def _non_ascii(text: str) -> int:
    return len(text) - len(text.encode("ascii", "ignore"))


def _preview(text: str, size: int = 12) -> str:
    return " ".join(text.split())[:size]


def _nul_message(data: bytes) -> str:
    """NUL bytes: a UTF-16 text without its BOM (NULs in one half, text in the other), or binary."""
    head = data[:4096]
    for nul_half, other, codec in ((head[1::2], head[0::2], "utf-16-le"), (head[0::2], head[1::2], "utf-16-be")):
        printable = sum(1 for b in other if b >= 0x20 or b in b"\t\n\r")
        if nul_half.count(0) > len(head) // 8 and other.count(0) < nul_half.count(0) // 8 \
                and printable > 0.9 * len(other):
            return f"looks like UTF-16 without a BOM (try --encoding {codec})"
    return "binary file (contains NUL bytes), not a text document"


def _strict(data: bytes, codec: str, name: str) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        raise ReadError(f"invalid {codec} at byte {exc.start}", name) from None


def chinese_share(text: str) -> float | None:
    """Share of Chinese characters among the letters (None if there are none); a long
    text is sampled as in common_share."""
    if len(text) > SCORE_CHARS:
        text = text[:: len(text) // SCORE_CHARS]
    letters = letter_count(text)
    return len(_NOT_HAN.sub("", text)) / letters if letters else None  # (counts _HAN's characters)


#: Runs that hold every letter (a str.isalpha() character is a word character, neither a
#: digit nor "_"), and also numbers such as ① or 〇, which are not letters.
_WORDISH = patterncache.compile(r"[^\W\d_]+")


def letter_count(text: str) -> int:
    """``sum(c.isalpha() for c in text)``, run by run: a run of letters (most of a Chinese
    text) is counted by one isalpha() call instead of one per character (5x faster)."""
    return sum(len(run) if run.isalpha() else sum(1 for c in run if c.isalpha()) for run in _WORDISH.findall(text))


def text_notices(text: str, notices: list[NoticeRef], encoding: str | None = None) -> tuple[NoticeRef, ...]:
    """The reader's ``notices`` plus what the decoded text itself makes doubtful: a forced
    ``encoding`` whose reading is not Chinese text (common_share; likely the wrong codec), a
    text that is not Chinese at all (NOT_CHINESE), replacement characters (U+FFFD:
    characters lost before ipplan read the file)."""
    out = list(notices)
    share = chinese_share(text)
    preview = _printable(_preview(text, 20))
    if encoding and (common_share(text) or 0.0) < MIN_SHARE:  # (ASCII markup does not count)
        out.append(NoticeRef("N001", f"--encoding {encoding} gives text that does not read as Chinese ({preview!r}); "
                                     "is it the file's encoding?"))
    elif share is not None and share < NOT_CHINESE:
        out.append(NoticeRef("N003", f"the text is not Chinese ({preview!r}); ipplan reads Chinese plans"))
    lost = text.count("\ufffd")
    if lost:
        out.append(NoticeRef("N002", f"the text holds {lost:,} replacement character{'s' if lost > 1 else ''} (U+FFFD): "
                                     "characters were lost before ipplan read it"))
    return tuple(out)
