"""Shapes of running text shared by the readers and the layout repair: how a sentence ends
and how a page number is printed alone on a line."""

from __future__ import annotations


from ipplan.parse.rules import lazy

#: A line ending like this ends its sentence (closing quotes and brackets may follow).
SENTENCE_END = lazy(r"[。！？；：!?;:][”’」』)）]*$")

#: Page numbers as printed alone on a line: "- 3 -", "— 3 —", "第3页", "第3页 共12页", "3/12", "3".
PAGE_NUMBER = lazy(
    r"[-—–－]\s*\d{1,4}\s*[-—–－]|第\s*\d{1,4}\s*页(\s*[,，/]?\s*共\s*\d{1,4}\s*页)?|"
    r"\d{1,4}\s*/\s*\d{1,4}|\d{1,4}|[Pp]age\s*\d{1,4}(\s*of\s*\d{1,4})?|共\s*\d{1,4}\s*页\s*第\s*\d{1,4}\s*页"
)

#: Chinese characters (the CJK Unified Ideographs block), a character-class body: f"[{CJK}]".
#: A class holding it costs about 1.5 ms to compile (sre expands the range character by
#: character): build patterns that hold it with ``rules.lazy``, so they compile on first use.
CJK = "\u4e00-\u9fff"
#: Every Han character: CJK with extension A, the compatibility ideographs and the
#: supplementary planes (extension B on), for measuring how Chinese a text is.
HAN = "\u3400-\u4dbf" + CJK + "\uf900-\ufaff\U00020000-\U0003134f"

#: Chinese characters and signs (CJK punctuation, full-width forms, dashes, curly quotes).
CJK_SIGNS = "\u3000-\u303f" + CJK + "\uff01-\uff0f\uff1a-\uff20\u2014\u2018\u2019\u201c\u201d"
#: A space next to a Chinese character or sign.
LOOSE_GAP = lazy(rf"(?<=[{CJK_SIGNS}]) (?=\S)|(?<=\S) (?=[{CJK_SIGNS}])")


def unspace(text: str) -> str:
    """A name without the stray spaces OCR leaves inside Chinese text (市科 技局 → 市科技局):
    for names, indicators and titles, where such a space never belongs."""
    return LOOSE_GAP.sub("", text) if " " in text else text
