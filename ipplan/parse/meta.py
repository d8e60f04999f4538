"""Metadata: covering notice, 文号, 主送机关, 成文日期, issuer, title, region, period.

Reads the outline's head (lines before the first section) and tail (attachments and a
trailing signature block); the body is only consulted for "结合X实际" and periods.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from ipplan.parse import dates
from ipplan.parse.brackets import split_top
from ipplan.parse.repair import unspace
from ipplan.parse.types import Outline
from ipplan.parse.vocab.fields import FIELD_KEYS

Lines = list[tuple[int, str]]

#: 发文字号: organ abbreviation, year in 〔〕/[]/()/【】, number, 号. Spaces tolerated.
DOC_NUMBER = re.compile(
    r"(?P<org>[\u4e00-\u9fff]{1,15}?)\s*[〔\[［【(（]\s*(?P<year>(?:19|20)\d{2})\s*[〕\]］】)）]"
    r"\s*第?\s*(?P<num>\d{1,5})\s*号"
)
#: Title of the covering notice.
NOTICE_TITLE = re.compile(r".{2,80}?关于.{2,120}的(?:通知|决定|通告|函)")
#: Words a plan title ends with, before an optional bracketed period or (试行).
TITLE_TAIL = re.compile(
    r"(?:方案|计划|规划|纲要|意见|办法|细则|措施|要点|行动|规定|指南|清单|举措)"
    r"(?:\s*[(（][^()（）]{1,20}[)）])*$"
)
#: A title at the start of a line that also holds the preamble (one-line pastes).
TITLE_AT_START = re.compile(
    r"(?P<t>[^。，,；;：:《》\s]{4,60}?(?:方案|计划|规划|纲要|意见|办法|细则|措施|要点)"
    r"(?:\s*[(（][^()（）]{1,20}[)）])*)\s"
)
#: The plan named in the notice: 现将《X》印发 / 《X》已经…同意 / 关于印发《X》的通知.
NOTICE_PLAN = re.compile(r"(?:现将|印发|关于)\s*《(?P<t>[^《》]{4,80})》|《(?P<t2>[^《》]{4,80})》\s*已经")
#: Organ names end like this (signature lines, issuers).
ORGAN_TAIL = re.compile(
    r"(?:政府|办公室|办公厅|委员会|委|厅|局|部|院|中心|小组|管委会|会|处|所|署|办)(?:[(（][^()（）]{1,15}[)）])?$"
)
#: A 主送机关 line: organ-like items, ending with a colon.
ADDRESSEE_HINT = re.compile(r"各|政府|部门|单位|委员会|机关|管委会|局|厅")
_FIELD_LINE = re.compile(r"(?P<k>" + "|".join(sorted(FIELD_KEYS, key=len, reverse=True)) + r")\s*[:：]\s*(?P<v>.+)")

#: A place name: one admin unit (湖州市, 江苏省, 通州区, 黔东南苗族侗族自治州).
PLACE = re.compile(r"(?P<p>[\u4e00-\u9fff]{1,8}?(?:特别行政区|自治区|自治州|自治县|省|市|地区|盟|县|区|旗))")
#: Words that never occur in a place name (they mark a false PLACE match).
NOT_PLACE = re.compile(r"知识|产权|建设|推进|加快|关于|发展|强|试点|示范|国家|工作|服务|管理|全|本|我|各|印发|人民")
LOCAL_CONTEXT = re.compile(r"结合(?:我|本|全)?(?P<r>[\u4e00-\u9fff]{2,12}?)(?:的)?实际")
NATIONAL_ISSUER = re.compile(r"^(?:国家|国务院|中共中央|全国|中华人民共和国)")


class Meta(NamedTuple):
    title: str | None
    notice_title: str | None
    doc_number: str | None
    issuer: str | None
    issue_date: str | None
    addressees: list[str]
    region: str | None
    period: tuple[int, int] | None


def normalize_doc_number(text: str) -> str | None:
    """温政办〔2022〕73 号 / 临政办字[2023]81号 → canonical 〔〕 form without spaces."""
    m = DOC_NUMBER.search(text)
    if not m:
        return None
    return f"{m['org']}〔{m['year']}〕{int(m['num'])}号"


def _fields(lines: Lines) -> dict[str, str]:
    """Key/value pairs from page-metadata rows (pipe tables or 'key: value' lines)."""
    out: dict[str, str] = {}
    for _, line in lines:
        if "|" in line:
            cells = [c.strip() for c in line.split("|")]
            for k, v in zip(cells, cells[1:]):
                if k in FIELD_KEYS and v and FIELD_KEYS[k] not in out:
                    out[FIELD_KEYS[k]] = v
        else:
            m = _FIELD_LINE.fullmatch(line)
            if m and FIELD_KEYS[m["k"]] not in out:
                out[FIELD_KEYS[m["k"]]] = m["v"].strip()
    return out


def _region_of(text: str | None) -> str | None:
    """The most specific leading place name of a title or organ: 北京市通州区… → 通州区."""
    if not text:
        return None
    found, pos = None, 0
    while True:
        m = PLACE.match(text, pos)
        if not m or NOT_PLACE.search(m["p"]):
            return found
        found, pos = m["p"], m.end()


def _title(head: Lines, notice_title: str | None, skip: set[int]) -> str | None:
    cands: list[str] = []
    for i, (_, line) in enumerate(head):
        if i in skip or "|" in line or line == notice_title or line.startswith(("《", "(", "（")):
            continue
        if "。" in line:
            m = TITLE_AT_START.match(line)
            if m and not re.search(r"[，,：:]", m["t"]):
                cands.append(m["t"])
            continue
        if TITLE_TAIL.search(line) and not re.search(r"[:：]", line):
            prev = head[i - 1][1] if i > 0 and (i - 1) not in skip else ""
            if (prev and len(prev) <= 30 and not re.search(r"[。，,；;：:《》()（）]", prev)
                    and not ORGAN_TAIL.search(prev) and not dates.is_bare_date(prev)
                    and not TITLE_TAIL.search(prev) and len(line) <= 30):
                line = prev + line  # a title broken over two lines
            cands.append(line)
    if cands:
        return cands[-1]
    for _, line in head:
        m = NOTICE_PLAN.search(line)
        if m:
            return m["t"] or m["t2"]
    if notice_title:
        m = re.search(r"关于(?:印发|转发|发布)(?P<t>.+)的通知", notice_title)
        if m:
            return m["t"].strip("《》")
    return None


#: A head line longer than this that holds spaces is a one-line paste of several lines.
ONE_LINE_PASTE = 100


def _unpaste(lines: Lines) -> Lines:
    """Split one-line pastes back into lines at their spaces (notice, title, date …)."""
    out: Lines = []
    for no, line in lines:
        if len(line) > ONE_LINE_PASTE and " " in line and "|" not in line:
            out.extend((no, part) for part in line.split(" ") if part)
        else:
            out.append((no, line))
    return out


def extract_meta(outline: Outline) -> Meta:
    head, tail = _unpaste(outline.head), outline.tail
    fields = _fields(head + tail)
    skip: set[int] = set()

    notice_title = None
    for i, (_, line) in enumerate(head):
        if "。" in line or "关于" not in line:
            continue
        if NOTICE_TITLE.fullmatch(line):
            notice_title = line
            skip.add(i)
            break
        nxt = head[i + 1][1] if i + 1 < len(head) else ""
        if nxt and "。" not in nxt and NOTICE_TITLE.fullmatch(line + nxt):  # broken over two lines
            notice_title = line + nxt
            skip.update((i, i + 1))
            break

    doc_number = normalize_doc_number(fields.get("doc_number", "")) if "doc_number" in fields else None
    if doc_number is None:
        for i, (_, line) in enumerate(head):
            m = DOC_NUMBER.fullmatch(line.strip())
            if m:
                doc_number = normalize_doc_number(line)
                skip.add(i)
                break

    issue_date = dates.parse_date(fields["issue_date"]) if "issue_date" in fields else None
    signature = None
    for block in (head, tail):
        for i, (_, line) in enumerate(block):
            if dates.is_bare_date(line):
                issue_date = issue_date or dates.parse_date(line)
                if block is head:
                    skip.add(i)
                prev = block[i - 1][1] if i > 0 else ""
                if prev and ORGAN_TAIL.search(prev) and len(prev) <= 40 and not re.search(r"[。，,；;：:]", prev):
                    signature = signature or prev
                    if block is head:
                        skip.add(i - 1)
                break
        if issue_date:
            break

    addressees: list[str] = []
    for i, (_, line) in enumerate(head):
        if re.search(r"[:：]$", line) and "。" not in line and len(line) <= 150 and ADDRESSEE_HINT.search(line):
            if _FIELD_LINE.fullmatch(line) or "|" in line:
                continue
            addressees = split_top(line[:-1], "、,，;；")
            skip.add(i)
            break

    issuer = signature
    if issuer is None and notice_title:
        m = re.match(r"(?P<o>.+?)关于", notice_title)
        if m and ORGAN_TAIL.search(m["o"]):
            issuer = m["o"]
    if issuer is None:
        issuer = fields.get("issuer")

    title = fields.get("title") or _title(head, notice_title, skip)

    region = _region_of(title) or _region_of(issuer) or _region_of(notice_title)
    if region is None:
        body = [line for _, line in head] + [t for n in outline.sections for t in n.text[:1]]
        for line in body:
            m = LOCAL_CONTEXT.search(line)
            if m and (r := _region_of(m["r"])):
                region = r
                break
    if region is None and issuer and NATIONAL_ISSUER.search(issuer):
        region = "全国"

    period = None
    for text in (title, notice_title):
        if text and (period := dates.period(text)):
            break
    else:
        for _, line in head + tail:
            line = re.sub(r"《[^《》]*》", "", line)
            if (period := dates.period(line)):
                break
    title, notice_title, issuer = (unspace(t) if t else t for t in (title, notice_title, issuer))
    addressees = [unspace(a) for a in addressees] if addressees else addressees
    return Meta(title, notice_title, doc_number, issuer, issue_date, addressees, region, period)
