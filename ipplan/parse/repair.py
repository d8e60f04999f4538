"""Layout damage of pasted, converted and OCR'd text, repaired right after width folding
(before script conversion, which works on phrases a wrap or a stray space may have cut:
智慧財|產權), so every later stage sees whole paragraphs.

Two repairs, each switched on only by evidence in the document itself, so clean text is
never touched:

- **Hard wraps** (text copied out of a PDF viewer or an OCR tool, one screen line per
  line): when at least WRAP_MIN_SHARE of the lines (and WRAP_MIN_LINES) end within
  WRAP_SLACK display columns of one width, that width is the wrap width. A line that long
  continues on the next line unless it ends a sentence, or the next line starts an outline
  item or is a table row, or the line is a whole heading (an item ending in a bracket that
  closes it, without clause punctuation); a page-chrome line in between (a page number)
  is stepped over.
  Display width counts a Chinese character or full-width sign as two columns, as the
  wrapping tools do.
- **OCR spacing** (知 识 产权): a space between two Chinese characters, or between one and
  Chinese punctuation or a bracket, is removed when such spaces are frequent: at least
  DESPACE_DOC_MIN of them and DESPACE_DOC_RATE of the document's characters (then any space next to a Chinese character or sign goes: 计划
  (2023, 占 GDP), or DESPACE_LINE_MIN of them at DESPACE_LINE_RATE in one line. A
  space before an outline marker (…方案 一、总体要求) is kept: it separates items of a
  one-line paste. Occasional spaces (a heading and its text, 指导思想 以…) are left alone.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from ipplan.parse import dates as _dates
from ipplan.parse.brackets import CLOSE, bracket_depth, depth_mask
from ipplan.parse.dates import YEAR
from ipplan.parse.rules import Rule, RuleTable, lazy
from ipplan.parse.vocab.doctypes import DOC_TYPES, HEAD_TYPES
from ipplan.parse.vocab.fields import DOC_NO
from ipplan.parse.vocab.markers import ROW_NUMBER_COLUMN, is_table_row, match_marker
from ipplan.parse.vocab.notices import NoticeRef
from ipplan.parse.vocab.organs import ORGAN_END, SIGNATURE_ENDINGS
from ipplan.parse.vocab.text import CJK, LOOSE_GAP, PAGE_NUMBER, SENTENCE_END

WRAP_MIN_LINES = 5
WRAP_MIN_SHARE = 0.3
#: Narrower wrap widths are not looked for (a column of short names is not wrapped text).
WRAP_MIN_WIDTH = 24
WRAP_SLACK = 3  # a wide character that did not fit, spaces stripped at the ends
_CLAUSE_PUNCT = lazy(r"[，,；;。]")
#: Characters one display column wide; every other one is two.
_NARROW = lazy(r"[\x20-\u10ff\uff61-\uffdc]")

#: Clean text has about one such space per 5,000 characters, a one-line paste one per 100
#: to 500 (a heading and its text); OCR output one per 2 to 50.
DESPACE_DOC_RATE = 1 / 70
DESPACE_DOC_MIN = 10  # (a short text with one or two spaces is no evidence)
DESPACE_LINE_MIN = 3
DESPACE_LINE_RATE = 1 / 30
#: A space inside Chinese text: between two characters, or before Chinese punctuation.
_GAP = lazy(rf"(?<=[{CJK}]) (?=[{CJK}，、。；：？！）)》”])|(?<=[，、。；（(《“]) (?=[{CJK}])")
#: In a document spaced throughout, any space next to a Chinese character or sign goes (LOOSE_GAP).


def width(text: str) -> int:
    """Display columns of ``text``: two for Chinese characters and full-width signs."""
    return 2 * len(text) - len(_NARROW.findall(text))


def wrap_width(lines: list[str]) -> int | None:
    """The width the text was hard-wrapped at, or None when it was not."""
    if len(lines) < WRAP_MIN_LINES:
        return None
    counts = Counter(w for w in map(width, lines) if w >= WRAP_MIN_WIDTH)
    if not counts:
        return None
    best, hits = max(((w, sum(counts[v] for v in range(w - WRAP_SLACK, w + 1))) for w in counts),
                     key=lambda p: (p[1], p[0]))
    return best if hits >= max(WRAP_MIN_LINES, WRAP_MIN_SHARE * len(lines)) else None


def unwrap(lines: list[str]) -> list[str]:
    wrap = wrap_width(lines)
    if wrap is None:
        return lines
    out: list[str] = []
    last = -1  # index in ``out`` of the line a continuation joins
    continues = False
    for text in lines:
        if continues and PAGE_NUMBER.fullmatch(text):  # a page number between two halves of a line
            out.append(text)
            continue
        if continues and not is_table_row(text) and match_marker(text) is None:
            out[last] += text  # wrapped mid-word (5|0家): no space
        else:
            out.append(text)
            last = len(out) - 1
        continues = (wrap - WRAP_SLACK <= width(text) <= wrap and not SENTENCE_END.search(text)
                     and not is_table_row(text) and not _whole_heading(text))
    return out


def _whole_heading(text: str) -> bool:
    """A heading that happens to fill the line: an item without sentence punctuation
    ending in a closing bracket that balances it (（二）第二阶段：…（2020—2025年）)."""
    return (text[-1] in CLOSE and match_marker(text) is not None and not _CLAUSE_PUNCT.search(text)
            and bracket_depth(text, 0, len(text)) == 0)


def despace(lines: list[str]) -> list[str]:
    gaps = [sum(1 for m in _GAP.finditer(t) if not match_marker(t, m.end())) if " " in t else 0 for t in lines]
    total = sum(gaps)
    if not total:
        return lines
    everywhere = total >= DESPACE_DOC_MIN and total >= DESPACE_DOC_RATE * sum(map(len, lines))
    out = []
    for text, n in zip(lines, gaps):
        if everywhere or n >= DESPACE_LINE_MIN and n >= DESPACE_LINE_RATE * len(text):
            gap = LOOSE_GAP if everywhere else _GAP
            text = gap.sub(lambda m: m.group() if match_marker(text, m.end()) else "", text)
        out.append(text)
    return out


# ---------------------------------------------------------------- scraped and pasted text
# Crawlers, CMS exports and copy-paste from document-sharing sites damage the layout in a
# few recurring ways. Each repair below is a rule of REPAIR_RULES: a code, what it does,
# the evidence that switches it on, examples it changes and near-misses it leaves alone.
# Rules of the "raw" phase see the text's lines before width folding (full-width indents
# still there), "folded" ones the folded lines before script conversion, "simplified"
# ones the converted lines after page chrome is removed.


#: An indent inside a line: two or more full-width spaces or NBSPs, or four spaces.
_INDENT = lazy(r"[\u3000\u00a0]{2,}| {4,}|\t+")
#: A scraped one-line record holds at least this many indents inside one line.
INDENT_SPLIT_MIN = 2
#: …but never between a number and the 年/月/日 it belongs to (2017　　年).
_NUMBER_GAP = lazy(r"(?<=\d)[\s\u3000\u00a0]+(?=[年月日])|(?<=[年月])[\s\u3000\u00a0]+(?=\d)")


def split_indents(lines: list[str]) -> list[str]:
    """LR03: a line holding several paragraphs separated only by their indents (scraped
    one-line text: 　　一、总体要求　　（一）指导思想　　以…) becomes one line per paragraph."""
    out: list[str] = []
    for line in lines:
        if "\u3000\u3000" not in line and "\xa0\xa0" not in line and "    " not in line and "\t" not in line:
            out.append(line)  # most lines: no indent inside (four substring tests, no regex)
            continue
        inner = _INDENT.findall(line.strip(" \u3000\u00a0\t"))
        if len(inner) < INDENT_SPLIT_MIN:
            out.append(line)
            continue
        line = _NUMBER_GAP.sub("", line)
        out.extend(part for part in _INDENT.split(line) if part.strip())
    return out


def join_number_gaps(lines: list[str]) -> list[str]:
    """LR05: a date or year cut by a separator (2017 年, 2026年 4月 20 日) is joined."""
    return [_NUMBER_GAP.sub("", line) if (" " in line and _NUMBER_GAP.search(line)) else line for line in lines]


#: A reading in pinyin inserted after a character (国务(wù)院, 优(yōu)化): Latin letters
#: with at least one tone mark, in brackets, right after a Chinese character.
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü"
PINYIN = lazy(rf"(?<=[{CJK}])\s?[(（]\s?(?=[a-z{_TONED}]*[{_TONED}])[a-z{_TONED}]{{1,7}}\s?[)）]")


_TONE_MARK = lazy(f"[{_TONED}]")


def drop_pinyin(lines: list[str]) -> list[str]:
    """LR04: pinyin readings inserted after characters by some sites are removed."""
    if not any(_TONE_MARK.search(line) for line in lines):  # one C scan per line settles most texts
        return lines
    return [PINYIN.sub("", line) if _TONE_MARK.search(line) else line for line in lines]


_DOC_NUMBER_HEAD = lazy(rf"^(?!根据|按照|依据|依照|经)(?P<n>{DOC_NO})(?P<rest>[{CJK}].*[:：])$", re.VERBOSE)
_NOTICE_HEAD = lazy(
    rf"^(?P<t>[^。：:]{{2,80}}?关于[^。：:]{{2,120}}?的(?:{'|'.join(HEAD_TYPES)}))(?P<rest>[^。]{{2,300}}[:：])$")
_ADDRESSEE_START = lazy(r"^(?:各|市|省|县|区|国务院|中央|自治区)")
#: A full date (dates.DATE, ending with 日) at the start of a line, and what follows it.
_DATE_HEAD = lazy(rf"^(?P<date>{_dates.DATE.pattern}日)(?P<rest>.+)$", re.VERBOSE)
_TITLE_END = lazy(rf"(?:{'|'.join(DOC_TYPES)})(?:\s*[(（][^()（）]{{1,20}}[)）])*$")
_REMARK = lazy(r"^[(（]\s*此件[^()（）]{2,12}[)）]$")


def _split_head(lines: list[str], pattern: re.Pattern[str], first: str, keep: object,
                hint: Callable[[str], bool]) -> list[str]:
    out: list[str] = []
    for line in lines:
        m = pattern.match(line) if len(line) < 400 and hint(line) else None
        if m and keep(m):
            out.extend((m[first].strip(), m["rest"].strip()))
        else:
            out.append(line)
    return out


def _addressees_follow(m: re.Match[str]) -> bool:
    """The rest of the line reads as a 主送 line: it starts like one (各…, 市…) or its first
    item ends with an organ word."""
    rest = m["rest"]
    first = re.split(r"[、，,；;：:]", rest, maxsplit=1)[0]
    return bool(_ADDRESSEE_START.match(rest) or ORGAN_END.search(first))


def _ends_with_colon(line: str) -> bool:
    return line.endswith(("：", ":"))


def unglue_doc_number(lines: list[str]) -> list[str]:
    """LR08: a 文号 glued to the 主送 line (国发〔2015〕71号各省、自治区…：) is split."""
    return _split_head(lines, _DOC_NUMBER_HEAD, "n", _addressees_follow, _ends_with_colon)


def unglue_notice_title(lines: list[str]) -> list[str]:
    """LR06: a notice title glued to its addressees (…的通知各市（含定州）工业和信息化局…：) is split."""
    return _split_head(lines, _NOTICE_HEAD, "t", _addressees_follow, lambda line: "关于" in line and _ends_with_colon(line))


def unglue_date(lines: list[str]) -> list[str]:
    """LR07/LR09: a date glued to the next title (2021年10月14日河北省…行动计划) or to
    （此件主动公开） is split: the date stands alone on its line in a 公文."""
    def keep(m: re.Match[str]) -> bool:
        rest = m["rest"].strip()
        if _REMARK.match(rest):
            return True
        return (_dates.parse_date(m["date"]) is not None and "。" not in rest and "，" not in rest
                and len(rest) <= 80 and _TITLE_END.search(rest) is not None)
    return _split_head(lines, _DATE_HEAD, "date", keep, lambda line: "日" in line[:14])


#: Where a 公文 head glued into one line (a scraped record with no separators at all) breaks:
#: each alternative is a zero-width point between two elements of the head.
_AFTER_TITLE = "|".join(f"(?<=的{t})" for t in HEAD_TYPES)  # (a look-behind has one width: one per word)
_SIGNED = "|".join(f"(?<={e})" for e in SIGNATURE_ENDINGS)
_GLUED_DATE = rf"{YEAR}年\d{{1,2}}月\d{{1,2}}日"
_HEAD_BREAKS = lazy(
    rf"""
      (?:{_AFTER_TITLE})(?=[{CJK}]{{1,12}}\s*[〔\[［【(（﹝]\s*{YEAR}\s*[〕\]］】)）﹞]\s*\d)
                                                  # notice title | 文号
    | (?:{_AFTER_TITLE})(?=各)                     # notice title | addressees (各…)
    | (?<=[。！])(?=[{CJK}（）()]{{4,40}}?(?:{'|'.join(SIGNATURE_ENDINGS)}){_GLUED_DATE})
                                                  # body | signature glued to its date
    | (?:{_SIGNED})(?={_GLUED_DATE})              # signature | date
    | (?<=日)(?=[(（]此件)                          # date | （此件…）
    """,
    re.VERBOSE,
)
#: （此件主动公开） followed by the plan's title: cut after it.
_REMARK_THEN_TEXT = lazy(rf"[(（]此件[^()（）]{{2,12}}[)）](?=[{CJK}])")
_DOC_NUMBER_END = lazy(rf"{DOC_NO}(?=[{CJK}])", re.VERBOSE)
#: A head is looked for in the first this many characters of a long line.
GLUED_HEAD_SPAN = 1500
GLUED_MIN_CHARS = 120


def unglue_head(lines: list[str]) -> list[str]:
    """LR12: a 公文 head scraped into one line with nothing between its elements
    (…的通知临政办字〔2023〕81号各县区人民政府…：现将…。临沂市人民政府办公室2023年9月13日
    （此件公开发布）临沂市…计划) is cut back into its lines: at the end of the notice title,
    after the 文号, after the addressees' ：, before a signature glued to its date, before the
    date and after （此件…）. Evidence: a long line holding a notice title (关于…的通知)
    near its start; only its head (before the body's first 一、) is cut."""
    out: list[str] = []
    for line in lines:
        if len(line) < GLUED_MIN_CHARS or "关于" not in line[:200]:
            out.append(line)
            continue
        body = re.search(r"[。：:]\s*一[、.．]", line)
        end = min(body.start() + 1 if body else len(line), GLUED_HEAD_SPAN)
        head, rest = line[:end], line[end:]
        cuts = {m.start() for m in _HEAD_BREAKS.finditer(head)}
        cuts |= {m.end() for m in _DOC_NUMBER_END.finditer(head)}
        cuts |= {m.end() for m in _REMARK_THEN_TEXT.finditer(head)}
        if not cuts:
            out.append(line)
            continue
        mask = depth_mask(head)
        pieces, last = [], 0
        for c in sorted(cuts):
            if 0 < c < len(head) and not mask[c]:
                pieces.append(head[last:c])
                last = c
        pieces.append(head[last:])
        # the addressees' ： ends their line (…各部门（单位）：现将…)
        split: list[str] = []
        for piece in pieces:
            m = re.match(r"(各[^。：:]{2,150}[：:])(?=\S)", piece)
            split.extend([m[1], piece[m.end():]] if m else [piece])
        if len(split) == 1:
            out.append(line)
            continue
        split[-1] += rest
        out.extend(p.strip() for p in split if p.strip())
    return out


#: A copy needs at least this many lines, and this share of the first copy, to be dropped.
DOUBLE_MIN_LINES = 3
DOUBLE_MIN_SHARE = 0.5


def undouble(lines: list[str]) -> list[str]:
    """LR10: a record holding the document twice in a row (a crawler saved the page's
    text and its print view) is read once. The second copy must repeat the first from one
    of its first lines on, to the end (it may stop early: an excerpt)."""
    n = len(lines)
    if n < 2 * DOUBLE_MIN_LINES:
        if n == 1 and len(lines[0]) >= 200:  # one line: "ABC…ABC…"
            half = len(lines[0]) // 2
            if lines[0][:half] == lines[0][half:]:
                return [lines[0][:half]]
        return lines
    index: dict[str, list[int]] = {}
    for i, line in enumerate(lines):
        index.setdefault(line, []).append(i)
    for s in range(min(3, n)):
        for k in index[lines[s]]:
            if k <= s + DOUBLE_MIN_LINES - 1:
                continue
            m = n - k
            if m >= DOUBLE_MIN_LINES and m >= DOUBLE_MIN_SHARE * (k - s) and lines[k:] == lines[s : s + m]:
                return lines[:k]
    return lines


_ROW_NUMBER = lazy(r"^(?P<n>\d{1,3})[.、．]?$")
_HEADER_CELL = lazy(r"^[^。，,；;：:|]{1,15}$")
FLAT_TABLE_MAX_COLUMNS = 10


def unflatten_tables(lines: list[str]) -> list[str]:
    """LR11: a Word table pasted as one cell per line (序号 / 重点任务 / 责任单位 / 1 / … /
    2 / …) becomes pipe rows again. Evidence: a 序号 line, short header cells, then rows
    numbered 1, 2, 3 … each starting a row of at most as many cells as the header."""
    out: list[str] = []
    i, n = 0, len(lines)
    while i < n:
        if not ROW_NUMBER_COLUMN.match(lines[i]):  # a flattened Word table starts with a 序号 cell
            out.append(lines[i])
            i += 1
            continue
        j = i + 1
        while (j < n and j - i <= FLAT_TABLE_MAX_COLUMNS and not _ROW_NUMBER.match(lines[j])
               and _HEADER_CELL.match(lines[j])):
            j += 1
        width = j - i
        rows: list[list[str]] = []
        expect = 1
        while width >= 3 and j < n and (m := _ROW_NUMBER.match(lines[j])) and int(m["n"]) == expect:
            k = j + 1
            while k < n and k - j < width and not (_ROW_NUMBER.match(lines[k]) and int(lines[k].rstrip(".、．")) == expect + 1):
                k += 1
            rows.append([m["n"], *lines[j + 1 : k]])
            j, expect = k, expect + 1
        if len(rows) < 2:
            out.append(lines[i])
            i += 1
            continue
        out.append(" | ".join(c.replace("|", "｜") for c in lines[i : i + width]) + " |")
        out.extend(" | ".join(c.replace("|", "｜") for c in row) + " |" for row in rows)
        i = j
    return out


#: A Markdown heading: one to six #, a space, the heading (closing #s allowed).
_MD_HEADING = lazy(r"^#{1,6} +(?P<h>[^#\s].*?)(?: +#+)?$")


def unmark_headings(lines: list[str]) -> list[str]:
    """LR13: the # of a Markdown heading is markup, not text (law texts kept as Markdown:
    ``# 浙江省专利条例``, ``## 第一章 总则``, ``### 第一节 一般监管``): the heading stays, alone on
    its line. A # without the space after it (#话题#) is text.

    One mark is kept, for the header: a level-1 heading that opens the document and is no
    outline item is the document's title, and stays ``# 中华人民共和国专利法`` (header rule MT15
    reads it; a title that ends in no 文种 word, …法, is known by its mark alone)."""
    if not any(line.startswith("#") for line in lines):
        return lines
    out = [m["h"] if line.startswith("#") and (m := _MD_HEADING.match(line)) else line for line in lines]
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is not None and lines[first].startswith("# ") and out[first] != lines[first] \
            and match_marker(out[first]) is None:
        out[first] = "# " + out[first]
    return out


#: A line that stops mid-sentence: its last character is a Chinese character or a digit.
_OPEN_END = lazy(rf"[{CJK}0-9A-Za-z]$")
#: Prose: a clause sign inside the line.
_PROSE = lazy(r"[，,、；;]")
#: A label line (抄送：…, 附件：…, 索引号：…) is no broken sentence.
_LABEL = lazy(r"^[^，,。；;：:]{1,8}[：:]")
#: The shortest line a broken sentence leaves, and the most a numbered heading alone on its
#: line holds (no sentence sign inside; a work report's two-clause heading runs to ~50:
#: 一、坚持在…上精准发力，加快建设…现代化产业体系).
BROKEN_MIN_CHARS = 16
_HEADING_MAX = 60
_SENTENCE_SIGN = lazy(r"[。；;！？!?]")


def _breaks_sentence(line: str) -> bool:
    """A line that is a sentence cut before its end: 16+ characters whose last is a letter
    or a digit, of prose (an article, or a line with a clause sign) that is no heading alone
    on its line (an item of at most 60 characters without a sentence sign) nor ends with one
    (…。二、强化人才支撑), no label line and no list of organs (an addressee or 抄送 line left
    without its ：)."""
    if len(line) < BROKEN_MIN_CHARS or not _OPEN_END.search(line, len(line) - 2) or _LABEL.match(line):
        return False
    if is_table_row(line) or ORGAN_END.search(line):
        return False
    mk = match_marker(line)
    if mk is not None and mk.style == "article":  # an article is prose from its first word
        return True
    last = max(_SENTENCE_SIGN.finditer(line), key=lambda m: m.end(), default=None)
    if last is not None and match_marker(line, last.end()) is not None:
        return False  # the line ends with an inline item's heading (…。二、强化人才支撑)
    return _PROSE.search(line) is not None and (mk is None or len(line) > _HEADING_MAX or last is not None)


def join_broken_sentences(lines: list[str]) -> list[str]:
    """LR14: a sentence cut by a line break or a blank line (市专 / 利管理部门…) is one
    paragraph again. Evidence on both sides: the first piece stops mid-sentence (see
    ``_breaks_sentence``), the second starts no item or table row, holds no page chrome
    and ends its sentence; then they read as one sentence and are joined without a space."""
    out: list[str] = []
    for line in lines:
        if (out and _breaks_sentence(out[-1]) and SENTENCE_END.search(line) and match_marker(line) is None
                and not is_table_row(line) and not PAGE_NUMBER.fullmatch(line)):
            out[-1] += line
        else:
            out.append(line)
    return out if len(out) != len(lines) else lines


@dataclass(frozen=True, kw_only=True)
class RepairRule(Rule):
    """A layout repair: ``find(lines)`` returns the repaired lines (the same list when
    there is no evidence). Examples give the repaired text (lines joined by \\n)."""

    phase: str  # "raw", "folded" or "simplified"
    evidence: str
    find: Callable[[list[str]], list[str]]


#: A paragraph of wide characters only (two columns each) …
_PARAGRAPH = ("坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻党的二十大精神，深入实施知识产权强国战略，以高质量发展为主题，"
              "以全面加强知识产权保护为主线，着力提升知识产权创造、运用、保护、管理和服务水平，为加快建设现代化强市提供有力支撑。")
#: … as a PDF viewer copies it: cut every 36 characters (72 columns).
_WRAPPED = "\n".join(["（一）主要目标"] + [(_PARAGRAPH * 2)[i : i + 36] for i in range(0, 2 * len(_PARAGRAPH), 36)])

_GLUED_HEAD = ("临沂市人民政府办公室关于印发临沂市知识产权强市建设纲要推进计划(2023-2025年)的通知临政办字〔2023〕81号"
               "各县区人民政府(开发区管委会),市政府各部门(单位):现将《临沂市知识产权强市建设纲要推进计划(2023-2025年)》"
               "印发给你们,请结合实际,抓好贯彻落实。临沂市人民政府办公室2023年9月13日(此件公开发布)临沂市知识产权强市"
               "建设纲要推进计划(2023-2025年)为充分发挥知识产权在现代化强市建设中的重要作用。一、总体要求")

REPAIR_RULES: tuple[RepairRule, ...] = (
    RepairRule(code="LR03", phase="raw", summary="paragraphs separated only by full-width indents are split",
               evidence=f"a line holding {INDENT_SPLIT_MIN} or more indents (two full-width spaces, NBSPs or four spaces) inside it",
               find=split_indents,
               examples=(("为贯彻落实…，制定本方案。\u3000\u3000一、总体要求\u3000\u3000（一）指导思想\u3000\u3000以习近平…",
                          "为贯彻落实…，制定本方案。\n一、总体要求\n（一）指导思想\n以习近平…"),
                         ("通知如下：\u3000\u3000一、目标\u3000\u3000到2017\u3000\u3000年，…", "通知如下：\n一、目标\n到2017年，…")),
               near_misses=("\u3000\u3000一、总体要求", "一、总体要求\u3000\u3000坚持", "到2025年 全市")),
    RepairRule(code="LR13", phase="folded",
               summary="the # marks of Markdown headings are dropped (law texts kept as Markdown), but for the "
                       "document's opening # title, which the header reads",
               evidence="a line starting with one to six # and a space", find=unmark_headings,
               examples=(("# 某省专利条例\n## 第一章　总则\n第一条 为了保护专利权，制定本条例。",
                          "# 某省专利条例\n第一章　总则\n第一条 为了保护专利权，制定本条例。"),
                         ("### 第二节 协同监管 ###", "第二节 协同监管"),
                         ("#  中华人民共和国专利法 #\n## 第一章 总则", "# 中华人民共和国专利法\n第一章 总则"),
                         ("# 第一章 总则\n第一条 为了保护专利权，制定本法。\n# 第二章 专利权", "第一章 总则\n"
                          "第一条 为了保护专利权，制定本法。\n第二章 专利权"),
                         ("某省专利条例\n# 第一章 总则", "某省专利条例\n第一章 总则")),
               near_misses=("#知识产权#话题讨论", "第一章 总则", "#", "# 中华人民共和国专利法")),
    RepairRule(code="LR01", phase="folded", summary="hard-wrapped lines are re-joined into paragraphs",
               evidence="at least 30% of the lines (and five) end within three columns of one display width", find=unwrap,
               examples=((_WRAPPED, "（一）主要目标\n" + _PARAGRAPH * 2),),
               near_misses=("一、总体要求\n（一）指导思想\n（二）主要目标",)),
    RepairRule(code="LR02", phase="folded", summary="stray OCR spaces inside Chinese text are removed",
               evidence="ten or more spaces inside Chinese text at one per 70 characters (or three in a line at one per 30)",
               find=despace, examples=(("知 识 产 权 强 市 建 设 工 作 方 案", "知识产权强市建设工作方案"),),
               near_misses=("指导思想 以习近平新时代中国特色社会主义思想为指导",)),
    RepairRule(code="LR04", phase="folded", summary="pinyin readings inserted after characters are removed",
               evidence="a bracket right after a Chinese character holding Latin letters with a tone mark", find=drop_pinyin,
               examples=(("国务(wù)院办公厅", "国务院办公厅"), ("优(yōu)化营商环境", "优化营商环境"), ("推（tuī）进", "推进")),
               near_misses=("专利合作条约(PCT)", "附件(a)", "方案(2023-2025年)")),
    RepairRule(code="LR05", phase="folded", summary="a date or year cut by a separator is joined",
               evidence="spaces between a number and 年/月/日", find=join_number_gaps,
               examples=(("到2017 年底", "到2017年底"), ("2026年 4月 20 日", "2026年4月20日")),
               near_misses=("2017 2018年", "第 3 页")),
    RepairRule(code="LR11", phase="folded", summary="a Word table pasted as one cell per line becomes pipe rows",
               evidence="a 序号 line, 2 to 9 short header cells, then rows numbered 1, 2, … of at most as many cells",
               find=unflatten_tables,
               examples=(("序号\n重点任务\n工作内容\n责任单位\n1\n强化创造\n培育高价值专利\n市科技局\n2\n加强保护\n建设保护中心\n市市场监管局",
                          "序号 | 重点任务 | 工作内容 | 责任单位 |\n1 | 强化创造 | 培育高价值专利 | 市科技局 |\n"
                          "2 | 加强保护 | 建设保护中心 | 市市场监管局 |"),),
               near_misses=("序号\n重点任务\n1\n强化创造", "序号\n一、总体要求\n1.加强保护")),
    RepairRule(code="LR14", phase="folded", summary="a sentence cut by a line break or a blank line is joined",
               evidence="a prose line of 16+ characters ending in a letter or digit (no heading, label or organ list), "
                        "then a line that starts no item and ends its sentence",
               find=join_broken_sentences,
               examples=(("第九条 科技、商务等有关部门应当按照各自\n职责，共同做好服务工作。\n第十条 本办法自公布之日起施行。",
                          "第九条 科技、商务等有关部门应当按照各自职责，共同做好服务工作。\n第十条 本办法自公布之日起施行。"),
                         ("违法行为由县专利管理部门查处，县专\n利管理部门可以委托乡镇查处。",
                          "违法行为由县专利管理部门查处，县专利管理部门可以委托乡镇查处。"),
                         ("（三）加强宣传引导。各地要充分利用报刊、广播、电视、网络等媒体，广泛宣传知识产权保\n护的重要意义。",
                          "（三）加强宣传引导。各地要充分利用报刊、广播、电视、网络等媒体，广泛宣传知识产权保护的重要意义。")),
               near_misses=("一、强化保护，提升知识产权治理水平\n坚持严格保护。",
                            "各区人民政府，市政府各部门、各直属机构\n现将方案印发给你们，请认真贯彻执行。",
                            "坚持创新驱动，推动高质量发展\n（一）加强创造。",
                            "抄送：市委办公室，市人大常委会办公室\n某某市人民政府办公室2023年9月14日印发。",
                            "以习近平新时代中国特色社会主义思想为指导\n坚持稳中求进。",
                            "2.支持中试基地建设。按规定给予支持。二、强化人才支撑\n对符合条件的人才，分级给予奖励。",
                            "一、坚持在统筹推进科技创新和产业创新上持续发力，加快建设更具区域特色比较优势的现代化产业体系\n"
                            "深入实施创新驱动发展战略。安排专项资金1亿元。",
                            "到2025年，全市发明专利拥有量达到5000件\n| 指标 | 目标 |")),
    RepairRule(code="LR12", phase="simplified", summary="a 公文 head scraped into one line is cut back into its lines",
               evidence="a line of 120+ characters with 关于…的通知 near its start; cut only before the body's 一、",
               find=unglue_head,
               examples=((_GLUED_HEAD,
                          "临沂市人民政府办公室关于印发临沂市知识产权强市建设纲要推进计划(2023-2025年)的通知\n临政办字〔2023〕81号\n"
                          "各县区人民政府(开发区管委会),市政府各部门(单位):\n"
                          "现将《临沂市知识产权强市建设纲要推进计划(2023-2025年)》印发给你们,请结合实际,抓好贯彻落实。\n"
                          "临沂市人民政府办公室\n2023年9月13日\n(此件公开发布)\n"
                          "临沂市知识产权强市建设纲要推进计划(2023-2025年)为充分发挥知识产权在现代化强市建设中的重要作用。一、总体要求"),),
               near_misses=("关于印发计划的通知", "根据《国务院关于新形势下加快知识产权强国建设的若干意见》（国发〔2015〕71号）精神，"
                            "结合我市实际，制定本方案。到2025年，全市有效发明专利达到5000件，每万人高价值发明专利拥有量达到8件，"
                            "知识产权质押融资登记额达到10亿元。")),
    RepairRule(code="LR08", phase="simplified", summary="a 文号 glued to the 主送 line is split",
               evidence="a line starting with a 文号 and ending with ：", find=unglue_doc_number,
               examples=(("国发〔2015〕71号各省、自治区、直辖市人民政府，国务院各部委、各直属机构：",
                          "国发〔2015〕71号\n各省、自治区、直辖市人民政府，国务院各部委、各直属机构："),),
               near_misses=("国发〔2015〕71号", "根据国发〔2015〕71号文件要求：")),
    RepairRule(code="LR06", phase="simplified", summary="a notice title glued to its addressees is split",
               evidence="a line holding …关于…的通知 followed by organs and a ：", find=unglue_notice_title,
               examples=(("河北省工业和信息化厅关于印发《行动计划》的通知各市（含定州、辛集市）工业和信息化局：",
                          "河北省工业和信息化厅关于印发《行动计划》的通知\n各市（含定州、辛集市）工业和信息化局："),),
               near_misses=("关于印发《行动计划》的通知", "按照《关于加强管理的通知》要求，现将有关事项通知如下：")),
    RepairRule(code="LR07", phase="simplified", summary="a date glued to the next title or to （此件主动公开） is split",
               evidence="a line starting with a full date followed by a title (…方案/计划) or （此件…）", find=unglue_date,
               examples=(("2021年10月14日河北省工业和信息化厅行动计划", "2021年10月14日\n河北省工业和信息化厅行动计划"),
                         ("2021年10月14日（此件主动公开）", "2021年10月14日\n（此件主动公开）")),
               near_misses=("2021年10月14日起施行", "2021年10月14日，市政府召开会议", "2021年10月14日")),
    RepairRule(code="LR10", phase="simplified", summary="a document held twice in a row is read once",
               evidence=f"the lines from one of the first three on repeat to the end ({DOUBLE_MIN_LINES} lines, half the first copy)",
               find=undouble,
               examples=(("甲方案\n一、总则\n二、目标\n三、措施\n甲方案\n一、总则\n二、目标\n三、措施", "甲方案\n一、总则\n二、目标\n三、措施"),),
               near_misses=("一、总则\n二、目标\n一、总则\n三、措施\n四、保障\n五、附则",)),
)
RULES_BY_CODE = {r.code: r for r in REPAIR_RULES}


def run_phase(lines: list[str], phase: str) -> tuple[list[str], list[NoticeRef]]:
    """Apply the rules of one phase in table order; each rule that changes the text leaves
    a notice saying what it did."""
    notices: list[NoticeRef] = []
    for rule in REPAIR_RULES:
        if rule.phase != phase:
            continue
        new = rule.find(lines)
        if new != lines:
            before = set(lines)
            changed = sum(1 for line in new if line not in before)
            what = f"{changed} line(s) rewritten" if changed else f"{len(lines) - len(new)} line(s) dropped"
            notices.append(NoticeRef(rule.code, f"layout repaired: {rule.summary} ({what})"))
            lines = new
    return lines, notices


def _repair_gives(rule: RepairRule, text: str) -> str | None:
    """A repair's value on a text (lines joined by \\n): the repaired text, None if unchanged."""
    lines = text.split("\n")
    new = rule.find(lines)
    return "\n".join(new) if new != lines else None


#: The rule table of the layout repair, for tests/test_rule_tables.py.
RULE_TABLES = (RuleTable("REPAIR_RULES", "LR", REPAIR_RULES, _repair_gives),)
