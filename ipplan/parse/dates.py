"""All date and year reading: 2022年9月30日, 2022-10-11, 二〇二二年九月三十日, (2023-2025年)."""

from __future__ import annotations

import datetime as _dt
import re

from ipplan.parse.numerals import CN_DATE_CLASS, cn_to_int
from ipplan.parse.rules import lazy

#: A year of a plan (1900–2099), a regex fragment: every year pattern is built from it.
YEAR = r"(?:19|20)\d{2}"
_CN_DIGIT = CN_DATE_CLASS

#: A full date; named groups y, m, d. Chinese-numeral dates are written 二〇二二年九月三十日.
DATE = lazy(
    rf"""
    (?P<y>{YEAR}|[{_CN_DIGIT}]{{4}}) \s* (?:年|[-/.]) \s*
    (?P<m>\d{{1,2}}|[{_CN_DIGIT}]{{1,2}}) \s* (?:月|[-/.]) \s*
    (?P<d>\d{{1,2}}|[{_CN_DIGIT}]{{1,3}}) \s* 日?
    """,
    re.VERBOSE,
)

#: A span of years: (2023-2025年), 2022—2025年, 2023年-2025年, 2021至2035年.
YEAR_SPAN = lazy(rf"(?P<start>{YEAR})\s*年?\s*(?:[-—–~～至到]|－)+\s*(?P<end>{YEAR})\s*年?")

#: A period in brackets, as printed after a title: (2022—2025年).
PERIOD = lazy(r"[(（]\s*" + YEAR_SPAN.pattern + r"\s*[)）]")


#: A year phrase opening a clause: 到2025年 / 2025年底前 / 2023-2025年 / 到2025年底.
YEAR_PHRASE = lazy(
    rf"^(?:力争|争取|计划|预计)?(?:到|至|截至|于)?\s*(?:(?P<start>{YEAR})\s*年?\s*[-—–~至到－]\s*)?"
    rf"(?P<y>{YEAR})\s*年(?:底|末|年底)?(?:前|时|期间)?"
)

#: A milestone inside brackets after a value: 2023年底达3.85件.
MILESTONE = lazy(rf"(?P<y>{YEAR})\s*年(?:底|末)?\s*(?:达到|达|为)?\s*(?P<v>\d+(?:\.\d+)?)")


def _num(s: str) -> int | None:
    return int(s) if s.isdigit() else cn_to_int(s.replace("O", "〇"))


def parse_date(text: str, *, whole: bool = False) -> str | None:
    """The first (or, with ``whole``, the only) date in ``text`` as YYYY-MM-DD.

    >>> parse_date("2022年9月30日"), parse_date("2022-10-11"), parse_date("二〇二二年九月三十日")
    ('2022-09-30', '2022-10-11', '2022-09-30')
    >>> parse_date("二○○八年十一月二十三日"), parse_date("2026年 4月 20 日"), parse_date("二O二二年一月五日")
    ('2008-11-23', '2026-04-20', '2022-01-05')
    >>> parse_date("2022年13月1日") is None
    True
    """
    m = DATE.fullmatch(text.strip()) if whole else DATE.search(text)
    if not m:
        return None
    y, mo, d = _num(m["y"]), _num(m["m"]), _num(m["d"])
    if y is None or mo is None or d is None:
        return None
    try:
        return _dt.date(y, mo, d).isoformat()
    except ValueError:
        return None


def is_bare_date(line: str) -> bool:
    """A line holding only a date (a notice's 成文日期)."""
    return parse_date(line, whole=True) is not None


def period(text: str) -> tuple[int, int] | None:
    """Years of the first bracketed period in ``text``: "(2022—2025年)" → (2022, 2025)."""
    m = PERIOD.search(text)
    if not m:
        return None
    start, end = int(m["start"]), int(m["end"])
    return (start, end) if start <= end else None
