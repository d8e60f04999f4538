"""Saved web pages → text: the article body, not the page's chrome.

lxml parses the page (libxml2: no Python recursion; its depth limit stops a page of
100,000 nested tags). The body is the first known government-CMS container that holds
text (BODY_CONTAINERS), else the element with the densest paragraph text. Inside it,
chrome (CHROME_TAGS, and elements whose id/class names a share bar, breadcrumb, font-size
bar, …) is dropped, block elements become line breaks and data tables become pipe rows.
The page's metadata block (索引号, 发布机构, 成文日期, 文号 …), wherever it sits, becomes
"key：value" lines in front of the text, and the article heading above the body is kept.
"""

from __future__ import annotations

import codecs
import re
from typing import TYPE_CHECKING

from ipplan.errors import ReadError
from ipplan.parse import charset
from ipplan.parse.formats.layout import MAX_COLSPAN, MAX_ROWSPAN, Cell, join_cell_paragraphs, render_table, squash
from ipplan.parse.vocab.fields import FIELD_KEYS, META_KEYS
from ipplan.parse.vocab.notices import NoticeRef
from ipplan.parse.vocab.text import CJK

if TYPE_CHECKING:
    from lxml.etree import _Element as HtmlElement

#: Elements never read as text.
SKIP_TAGS = frozenset({"script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "canvas",
                       "head", "button", "select", "option", "input", "textarea", "map", "audio", "video"})
#: Page chrome dropped inside the body too.
CHROME_TAGS = frozenset({"nav", "header", "footer", "aside", "form", "menu"})
#: id/class words of chrome blocks (matched as whole words of the attribute, any case).
CHROME_NAMES = re.compile(
    r"(?:^|[\s_-])(?:share|bdshare|bdsharebuttonbox|jiathis|crumbs?|breadcrumbs?|position|location|curpos|"
    r"dqwz|nav|navbar|menu|footer|foot|header|head|top|toolbar|tools|fontsize|font|zh|zoomfont|"
    r"print|close|sidebar|side|related|relevant|xgwz|xglj|pager|pagination|page-?nav|comment|copyright|"
    r"search|login|banner|ewm|qrcode|gotop|backtop)(?:$|[\s_-])",
    re.IGNORECASE,
)
#: Known article containers of government CMSs, tried in order: (attribute, value).
BODY_CONTAINERS: tuple[tuple[str, str], ...] = (
    ("id", "UCAP-CONTENT"), ("class", "TRS_Editor"), ("class", "TRS_UEDITOR"), ("id", "zoom"),
    ("class", "pages_content"), ("class", "article-content"), ("class", "article_content"),
    ("id", "article"), ("class", "article"), ("class", "wzcon"), ("class", "con_txt"), ("id", "content"),
    ("class", "content"), ("tag", "article"), ("tag", "main"),
)  # fmt: skip
#: A known container counts only when it holds at least this much text.
MIN_BODY_CHARS = 200
#: Block elements: their start and end break the line.
BLOCK_TAGS = frozenset({"p", "div", "br", "li", "ul", "ol", "dl", "dd", "dt", "h1", "h2", "h3", "h4", "h5", "h6",
                        "tr", "table", "section", "article", "main", "blockquote", "pre", "hr", "center",
                        "address", "figure", "figcaption", "caption", "tbody", "thead", "tfoot", "body", "html",
                        "td", "th"})
#: Tags that can hold a metadata block, and the most text such a block has.
META_BLOCK_TAGS = frozenset({"table", "tbody", "ul", "ol", "dl", "div", "section", "p"})
MAX_META_CHARS = 800
_SPACE = re.compile(r"\s+")
_META_CELL = re.compile(rf"^\s*(?P<k>[{CJK}]{{2,5}})\s*[:：]\s*(?P<v>.*)$")
#: A heading above the body (h1/h2, or a title-like id/class).
TITLE_NAMES = re.compile(r"title|biaoti|bt\b", re.IGNORECASE)
#: <meta charset> / http-equiv prescan of the first bytes (as browsers do before parsing).
META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*(?P<cs>[A-Za-z0-9_.:-]{2,40})""", re.IGNORECASE)
#: Declared charsets decoded with a superset codec (the WHATWG mapping browsers use).
CHARSET_ALIASES = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "gb_2312-80": "gb18030",
                   "big5": "cp950", "big5-hkscs": "big5hkscs", "utf8": "utf-8", "unicode": "utf-8"}
#: Reported names of the codecs above (see charset.py).
REPORTED = {"cp950": "big5", "utf_8": "utf-8"}


def decode_html(data: bytes, name: str, encoding: str | None = None) -> charset.Decoded:
    """Decode a page: ``encoding``, else a BOM, else its declared charset when that decodes
    strictly to text that reads as Chinese (or no other reading does), else content
    detection as for text."""
    if encoding or data.startswith(tuple(b for b, _, _ in charset.BOMS)):
        return charset.decode_text(data, name, encoding)
    m = META_CHARSET.search(data[:4096])
    if m:
        declared = m["cs"].decode("ascii").lower()
        codec = CHARSET_ALIASES.get(declared, declared)
        try:
            text = data.decode(codec)
            canon = codecs.lookup(codec).name
        except (LookupError, UnicodeDecodeError):
            return charset.decode_text(data, name)  # a page that lies about its charset: detect
        declared_reading = charset.Decoded(text, REPORTED.get(canon, canon.replace("_", "-")))
        share = charset.common_share(text)
        if share is None or share >= charset.MIN_SHARE:
            return declared_reading
        try:  # e.g. a GB page declaring iso-8859-1, which decodes any bytes
            return charset.decode_text(data, name)
        except ReadError:
            return declared_reading
    return charset.decode_text(data, name)


#: Inline styles and attributes that hide an element from the reader of the page.
HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
#: Hidden blocks are dropped only when the visible text is at least as long as they are,
#: or this long (else the hidden block is the article, shown by a script, and is read).
MIN_VISIBLE_CHARS = 200


def _drop_hidden(root: HtmlElement) -> list[str]:
    """Remove elements hidden by style or the ``hidden`` attribute (a print copy or a
    duplicate of the article); returns what was dropped, for the plan's notices."""
    hidden = [el for el in root.xpath("//*[@hidden or @style]")  # only these can be hidden: no walk of the page
              if (el.get("hidden") is not None or HIDDEN_STYLE.search(el.get("style") or ""))
              and el.getparent() is not None]  # the page itself is never dropped
    marked = set(hidden)
    hidden = [el for el in hidden if not any(a in marked for a in el.iterancestors())]
    if not hidden:
        return []
    dropped = sum(_text_len(el) for el in hidden)
    if dropped == 0:
        for el in hidden:
            _drop_tree(el)
        return []
    if not _text_len_reaches(root, dropped + min(MIN_VISIBLE_CHARS, dropped)):  # visible text too short
        return []
    for el in hidden:
        _drop_tree(el)
    return [f"dropped {len(hidden)} hidden block(s) of the page ({dropped} characters, display:none or hidden)"]


def html_to_text(html: str, name: str = "<html>", notices: list[NoticeRef] | None = None) -> str:
    """The page's metadata lines, heading and article body as text lines. What was left
    out goes to ``notices``: hidden blocks (N010), merged cells past the document's span budget (N013)."""
    from lxml import etree

    # lxml.etree's parser, not lxml.html's: the same libxml2 parse, without a Python class
    # lookup for every element the reader touches (and the import of lxml.html).
    parser = etree.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True, no_network=True)
    try:
        root = etree.fromstring(html.encode("utf-8", "surrogatepass"), parser)
        if root is None:
            raise etree.ParserError("Document is empty")
    except (etree.ParserError, ValueError) as exc:
        raise ReadError(f"cannot parse the HTML page: {exc}", name) from None
    for el in list(root.iter(*SKIP_TAGS)):
        if el.getparent() is not None:
            _drop_tree(el)
    notices = [] if notices is None else notices
    notices.extend(NoticeRef("N010", m) for m in _drop_hidden(root))
    meta_blocks = _meta_blocks(root)
    lines = _meta_lines(meta_blocks)
    body = _body(root)
    heading = _heading(body)
    body_lines = _render(body, skip=set(meta_blocks), notices=notices)
    if heading and heading not in body_lines[:5]:
        lines.append(heading)
    lines += body_lines
    text = "\n".join(lines)
    if not text.strip():
        if any(e.type_name == "ERR_RESOURCE_LIMIT" for e in parser.error_log):
            raise ReadError("HTML page nested too deeply (over 256 levels); no text found above that depth", name)
        raise ReadError("no text found in the HTML page", name)
    return text


def _drop_tree(el: HtmlElement) -> None:
    """Remove ``el`` and its subtree, keeping its tail text (lxml.html's drop_tree)."""
    parent = el.getparent()
    if el.tail:
        previous = el.getprevious()
        if previous is None:
            parent.text = (parent.text or "") + el.tail
        else:
            previous.tail = (previous.tail or "") + el.tail
    parent.remove(el)


def _classes(el: HtmlElement) -> str:
    return f"{el.get('id', '')} {el.get('class', '')}"


def _is_chrome(el: HtmlElement) -> bool:
    return el.tag in CHROME_TAGS or bool(CHROME_NAMES.search(_classes(el)))


def _text_len(el: HtmlElement) -> int:
    return len(_SPACE.sub("", "".join(el.itertext())))


def _text_len_reaches(el: HtmlElement, size: int) -> bool:
    """Whether ``_text_len(el) >= size``, reading no more of the text than it takes."""
    n = 0
    for piece in el.itertext():
        n += len(_SPACE.sub("", piece))
        if n >= size:
            return True
    return n >= size


def _meta_blocks(root: HtmlElement) -> list[HtmlElement]:
    """The page's metadata blocks: the outermost table/list/div elements that hold two or
    more metadata keys in at most MAX_META_CHARS of text."""
    counts: dict[HtmlElement, int] = {}
    for t in root.xpath("//text()"):  # the text nodes, each with its element: no walk of every element
        if not t.strip() or _key_of(t.strip()) is None:
            continue
        el = t.getparent()
        if t.is_tail:  # the tail of a child belongs to the child's parent
            el = el.getparent()
        if el is None:
            continue
        for owner in (el, *el.iterancestors()):
            counts[owner] = counts.get(owner, 0) + 1
    cands = [el for el, n in counts.items()
             if n >= 2 and el.tag in META_BLOCK_TAGS and not _text_len_reaches(el, MAX_META_CHARS + 1)]
    chosen = set(cands)
    return [el for el in cands if not any(a in chosen for a in el.iterancestors())]


def _segments(el: HtmlElement) -> list[str]:
    """Text pieces of a block in document order (one per text node), stripped."""
    return [s for s in (t.strip() for t in el.itertext()) if s]


def _key_of(segment: str) -> str | None:
    key = segment.rstrip(":： ").replace(" ", "").replace("\u3000", "")
    if key in META_KEYS:
        return key
    m = _META_CELL.match(segment)
    return m["k"] if m and m["k"] in META_KEYS else None


def _meta_lines(blocks: list[HtmlElement]) -> list[str]:
    """"key：value" lines for the keys meta.py reads, in page order."""
    segs = [s for block in blocks for s in _segments(block)]
    out: list[str] = []
    seen: set[str] = set()
    i = 0
    while i < len(segs):
        seg = segs[i]
        key = _key_of(seg)
        if key is None:
            i += 1
            continue
        m = _META_CELL.match(seg)
        value = m["v"].strip() if m and m["k"] == key else ""
        if not value and i + 1 < len(segs) and _key_of(segs[i + 1]) is None:
            value = segs[i + 1]
            i += 1
        if key in FIELD_KEYS and value and key not in seen:
            seen.add(key)
            out.append(f"{key}：{squash(value)}")
        i += 1
    return out


def _body(root: HtmlElement) -> HtmlElement:
    found = _containers(root)
    for k, (attr, _) in enumerate(BODY_CONTAINERS):
        for el in found[k]:
            if _is_chrome(el) and attr != "tag":
                continue
            if _text_len_reaches(el, MIN_BODY_CHARS):
                return el
    return _densest(root)


#: Every element that may be a known container (any with a class, the ids, the tags), in
#: one XPath pass; _containers checks each against BODY_CONTAINERS.
_MAY_CONTAIN = "//*[@class or " + " or ".join(
    f'@id="{v}"' if attr == "id" else f"self::{v}" for attr, v in BODY_CONTAINERS if attr != "class") + "]"
_CLASS_NAMES = frozenset(v.lower() for attr, v in BODY_CONTAINERS if attr == "class")
_IDS = frozenset(v for attr, v in BODY_CONTAINERS if attr == "id")
_TAGS = frozenset(v for attr, v in BODY_CONTAINERS if attr == "tag")


def _containers(root: HtmlElement) -> list[list[HtmlElement]]:
    """The elements of each BODY_CONTAINERS entry, in document order, found in one pass
    over the page (instead of one per entry): a tag, an id equal to the value, or a class
    list holding the value (any case)."""
    found: list[list[HtmlElement]] = [[] for _ in BODY_CONTAINERS]
    for el in root.xpath(_MAY_CONTAIN):
        cls = el.get("class")
        classes = {c.lower() for c in cls.split()} & _CLASS_NAMES if cls else ()
        tag, id_ = el.tag, el.get("id")
        if not classes and id_ not in _IDS and tag not in _TAGS:
            continue
        for k, (attr, value) in enumerate(BODY_CONTAINERS):
            if (tag == value if attr == "tag" else id_ == value if attr == "id" else value.lower() in classes):
                found[k].append(el)
    return found


def _densest(root: HtmlElement) -> HtmlElement:
    """Readability-style: each paragraph-like element gives its text length (less link
    text) to its parent and half to its grandparent; the best-scored element wins."""
    scores: dict[HtmlElement, float] = {}
    for el in root.iter("p", "td", "li", "div", "span", "font", "pre"):
        if not isinstance(el.tag, str):
            continue
        own = _SPACE.sub("", (el.text or "") + "".join((c.tail or "") for c in el))
        if el.tag != "p" and len(own) < 20:
            continue
        text = _SPACE.sub("", "".join(el.itertext()))
        links = sum(len(_SPACE.sub("", "".join(a.itertext()))) for a in el.iter("a"))
        score = len(text) - 2 * links
        if score <= 0:
            continue
        parent = el.getparent()
        if parent is not None and not _is_chrome(parent):
            scores[parent] = scores.get(parent, 0.0) + score
            grand = parent.getparent()
            if grand is not None and not _is_chrome(grand):
                scores[grand] = scores.get(grand, 0.0) + score / 2
    if not scores:
        body = root.find("body")
        return body if body is not None else root
    return max(scores, key=lambda e: scores[e])


def _heading(body: HtmlElement) -> str | None:
    """The article heading just above the body: the nearest h1/h2/h3 or title-named
    element among the preceding siblings of the body or of its three nearest ancestors."""
    node = body
    for _ in range(4):
        for sib in node.itersiblings(preceding=True):
            if not isinstance(sib.tag, str) or _is_chrome(sib):
                continue
            cands = [sib] if sib.tag in ("h1", "h2", "h3") or TITLE_NAMES.search(_classes(sib)) else []
            cands += [e for e in sib.iter("h1", "h2", "h3")]
            for el in cands:
                text = squash("".join(el.itertext()))
                if 4 <= len(text) <= 120:
                    return text
        parent = node.getparent()
        if parent is None:
            break
        node = parent
    return None


def _render(body: HtmlElement, skip: set[HtmlElement], notices: list[NoticeRef] | None = None) -> list[str]:
    """Body → lines: blocks break lines, data tables become pipe rows, chrome is skipped."""
    from lxml import etree

    lines: list[str] = []
    buf: list[str] = []
    tables = 0

    def flush() -> None:
        text = squash("".join(buf))
        buf.clear()
        if text:
            lines.append(text)

    walker = etree.iterwalk(body, events=("start", "end"))
    for event, el in walker:
        if not isinstance(el.tag, str):  # comments, processing instructions
            if event == "end" and el.tail:
                buf.append(el.tail)
            continue
        if event == "start":
            if el is not body and (el in skip or _is_chrome(el)):
                walker.skip_subtree()
                continue
            if el.tag in BLOCK_TAGS:
                flush()
            if el.tag == "table" and _is_data_table(el):
                tables += 1
                lines.extend(render_table(_table_cells(el), notices, f"table {tables}"))
                walker.skip_subtree()
                continue
            if el.text:
                buf.append(el.text)
        else:
            if el.tag in BLOCK_TAGS:
                flush()
            if el is not body and el.tail:
                buf.append(el.tail)
    flush()
    return lines


def _is_data_table(table: HtmlElement) -> bool:
    """A table with no table nested inside (else it lays out the page and is read as blocks)."""
    return not any(True for _ in table.iterdescendants("table"))


def _table_cells(table: HtmlElement) -> list[list[Cell]]:
    out = []
    for tr in table.iter("tr"):
        cells = []
        for td in tr:
            if td.tag not in ("td", "th"):
                continue
            cells.append(Cell(join_cell_paragraphs(_cell_paragraphs(td)), _span(td.get("rowspan"), MAX_ROWSPAN),
                              _span(td.get("colspan"), MAX_COLSPAN)))
        out.append(cells)
    return out


def _cell_paragraphs(td: HtmlElement) -> list[str]:
    """A cell's paragraphs: its text split at block elements and <br> (joined again by
    layout.join_cell_paragraphs, which keeps two unit names apart)."""
    from lxml import etree

    paragraphs: list[str] = []
    buf: list[str] = []
    for event, el in etree.iterwalk(td, events=("start", "end")):
        tag = el.tag if isinstance(el.tag, str) else ""
        if el is not td and tag in BLOCK_TAGS:
            paragraphs.append("".join(buf))
            buf.clear()
        if event == "start" and tag and el.text:
            buf.append(el.text)
        elif event == "end" and el is not td and el.tail:
            buf.append(el.tail)
    paragraphs.append("".join(buf))
    return paragraphs


def _span(value: str | None, most: int) -> int:
    """A rowspan/colspan, clamped to 1..most (a 5,000-digit value is not converted)."""
    try:
        return max(1, min(int((value or "1").strip()[:9]), most))
    except ValueError:
        return 1
