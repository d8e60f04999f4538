"""All Chinese-numeral handling: 一/十一/二十一, 〇/零/两, 壹…玖, 百/千/万/亿, 1.8万.

Everything else that reads a number (outline ordinals, dates, target values) goes
through this module. Values are :class:`~decimal.Decimal` so that 0.07万 is exactly 700.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from ipplan.parse.rules import lazy

#: Digit characters, including the financial (大写) forms and the circled/ideographic zero.
DIGITS: dict[str, int] = {
    "〇": 0, "零": 0, "○": 0, "Ｏ": 0,
    "一": 1, "壹": 1, "幺": 1,
    "二": 2, "贰": 2, "貳": 2, "两": 2, "兩": 2,
    "三": 3, "叁": 3, "參": 3,
    "四": 4, "肆": 4,
    "五": 5, "伍": 5,
    "六": 6, "陆": 6, "陸": 6,
    "七": 7, "柒": 7,
    "八": 8, "捌": 8,
    "九": 9, "玖": 9,
}  # fmt: skip

#: Small multipliers, valid inside a section of up to 9999.
SMALL_UNITS: dict[str, int] = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}

#: Magnitude words: they scale everything before them (1.8万 = 18000).
MAGNITUDES: dict[str, int] = {"万": 10_000, "萬": 10_000, "亿": 100_000_000, "億": 100_000_000}

#: Regex fragment (a character class body) for any Chinese numeral character.
CN_NUMERAL_CHARS = "".join(DIGITS) + "".join(SMALL_UNITS) + "".join(MAGNITUDES)

#: Numeral classes as regex character-class bodies, one home for every stage (markers,
#: attachments, tables, targets): the small numerals of an ordinal (一 … 十一 … 一百), of a
#: count written as a word (附件一), and of a quantity (两万, 一百二十).
CN_ORDINAL_CLASS = "一二三四五六七八九十百〇零"
CN_COUNT_CLASS = "一二三四五六七八九十"
CN_QUANTITY_CLASS = "一二两三四五六七八九十百千万"
CN_DIGIT_CLASS = "一二两三四五六七八九"
#: The Chinese digits of a date (二〇二二年九月三十日): typed documents write the zero as ○,
#: Ｏ or a Latin O (二O二二年).
CN_DATE_CLASS = "〇零○ＯO" + CN_COUNT_CLASS

#: Set phrases (成语) written with numeral characters: 千家万户 (every household), 千方百计 (by every
#: means), 四面八方 (from all sides). Their numerals count nothing, so a span of one is never a
#: quantity (将分散的千家万户联合起来 states no 1000 家); a numeral before a noun outside them
#: still counts (培育千家企业, 举办百个以上展会, 万人以上).
NUMERAL_IDIOMS: tuple[str, ...] = (
    "千家万户", "千方百计", "千军万马", "千变万化", "千丝万缕", "千差万别", "千辛万苦", "千真万确", "千锤百炼",
    "千姿百态", "千秋万代", "万无一失", "万众一心", "万紫千红", "万水千山", "成千上万", "百花齐放", "百家争鸣",
    "百折不挠", "百尺竿头", "百里挑一", "百年大计", "四面八方", "四通八达", "五花八门", "五湖四海", "七上八下",
    "七嘴八舌", "乱七八糟", "一心一意", "一针见血", "一五一十", "一清二楚", "一干二净", "三令五申", "三心二意",
    "三番五次", "九牛一毛", "十全十美", "十拿九稳", "举一反三", "接二连三", "独一无二", "一举两得", "一石二鸟",
    "一分为二", "一日千里", "一本万利", "一劳永逸", "一以贯之", "百业待兴", "百废俱兴", "万象更新", "千里之行",
)  # fmt: skip

#: Circled numbers ①…⑳ as used for fifth-level outline items.
CIRCLED = {chr(0x2460 + i): i + 1 for i in range(20)}


def cn_to_int(s: str) -> int | None:
    """Convert a Chinese numeral to an int; None if it is not one.

    >>> cn_to_int("二十一"), cn_to_int("十"), cn_to_int("一百零五"), cn_to_int("两万")
    (21, 10, 105, 20000)
    >>> cn_to_int("二〇二五"), cn_to_int("十二万三千"), cn_to_int("年")
    (2025, 123000, None)
    >>> cn_to_int("一百二"), cn_to_int("三千五"), cn_to_int("两万五"), cn_to_int("一百零二")
    (120, 3500, 25000, 102)
    """
    if not s:
        return None
    if all(ch in DIGITS for ch in s):  # digit by digit: 二〇二五
        return int("".join(str(DIGITS[ch]) for ch in s)) if len(s) > 1 else DIGITS[s]
    total = 0  # finished magnitude groups
    section = 0  # current group below 10000
    digit: int | None = None
    last_unit = 0  # the unit just written (一百二: a bare digit after it counts one unit lower)
    zero = False
    for ch in s:
        if ch in DIGITS:
            digit = DIGITS[ch]
            zero = zero or digit == 0
        elif ch in SMALL_UNITS:
            section += (1 if digit is None else digit) * SMALL_UNITS[ch]
            digit, last_unit, zero = None, SMALL_UNITS[ch], False
        elif ch in MAGNITUDES:
            mag = MAGNITUDES[ch]
            group = section + (digit or 0)
            if group == 0 and total == 0:
                group = 1
            total = (total + group) * mag if mag > 10_000 and total else total + group * mag
            section, digit, last_unit, zero = 0, None, mag, False
        else:
            return None
    if digit and last_unit >= 100 and not zero:  # 一百二 = 120, 三千五 = 3500, 两万五 = 25000
        return total + section + digit * last_unit // 10
    return total + section + (digit or 0)


_MIXED = lazy(r"(?P<n>\d+(?:\.\d+)?)(?P<small>[十百千])?(?P<mags>[万萬亿億]*)")


def to_decimal(s: str) -> Decimal | None:
    """Read a number written with Arabic digits, Chinese numerals or a mix (1.8万, 百, 3千).

    >>> to_decimal("1.8万"), to_decimal("50亿"), to_decimal("百"), to_decimal("0.07万")
    (Decimal('18000.0'), Decimal('5000000000'), Decimal('100'), Decimal('700.00'))
    >>> to_decimal("1,200"), to_decimal("二十"), to_decimal("abc")
    (Decimal('1200'), Decimal('20'), None)
    >>> to_decimal("3千万"), to_decimal("两"), to_decimal("半")
    (Decimal('30000000'), Decimal('2'), Decimal('0.5'))
    """
    s = s.strip().replace(",", "").replace("，", "")
    if not s:
        return None
    if s == "半":
        return Decimal("0.5")
    mixed = _MIXED.fullmatch(s)  # 3千万, 1.5千万, 2百万: Arabic digits with Chinese units
    if mixed and (mixed["small"] or mixed["mags"]):
        value = Decimal(mixed["n"])
        for ch in (mixed["small"] or "") + mixed["mags"]:
            value *= SMALL_UNITS.get(ch) or MAGNITUDES[ch]
        return value
    scale = Decimal(1)
    while s and s[-1] in MAGNITUDES:  # 1.8万, 3千万 handled by the Chinese branch below
        if len(s) > 1 and s[-2] not in CN_NUMERAL_CHARS:
            scale *= MAGNITUDES[s[-1]]
            s = s[:-1]
        else:
            break
    if s and s[-1] in SMALL_UNITS and len(s) > 1 and s[:-1].replace(".", "").isdigit():
        scale *= SMALL_UNITS[s[-1]]  # 3千 with an Arabic digit
        s = s[:-1]
    try:
        return Decimal(s) * scale
    except InvalidOperation:
        n = cn_to_int(s)
        return None if n is None else Decimal(n) * scale


def ordinal(s: str) -> int | None:
    """Ordinal of an outline marker's number: "十一" → 11, "6" → 6, "③" → 3."""
    s = s.strip()
    if s in CIRCLED:  # before isdigit(): "①".isdigit() is True
        return CIRCLED[s]
    if s.isascii() and s.isdigit():
        return int(s)
    return cn_to_int(s)


_CN_DIGITS = "〇一二三四五六七八九"
_FINANCIAL = str.maketrans("一二三四五六七八九十百千", "壹贰叁肆伍陆柒捌玖拾佰仟")


def cn_digits(n: int) -> str:
    """Digit by digit (Word's ideographDigital list labels).

    >>> cn_digits(12), cn_digits(2023)
    ('一二', '二〇二三')
    """
    return "".join(_CN_DIGITS[int(d)] for d in str(n))


def cn_financial(n: int) -> str:
    """In financial (大写) numerals (Word's chineseLegalSimplified list labels).

    >>> cn_financial(3), cn_financial(12)
    ('叁', '拾贰')
    """
    return int_to_cn(n).translate(_FINANCIAL)


def int_to_cn(n: int) -> str:
    """Write 0 ≤ n < 100000 as a Chinese numeral (Word's chineseCounting list labels).

    >>> int_to_cn(1), int_to_cn(10), int_to_cn(11), int_to_cn(21), int_to_cn(105), int_to_cn(1010)
    ('一', '十', '十一', '二十一', '一百零五', '一千零一十')
    """
    if n < 10:
        return _CN_DIGITS[n]
    if n < 20:
        return "十" + (_CN_DIGITS[n % 10] if n % 10 else "")
    out, zero = "", False
    for value, unit in ((10000, "万"), (1000, "千"), (100, "百"), (10, "十"), (1, "")):
        d = n // value % 10
        if d:
            out += ("零" if zero and out else "") + _CN_DIGITS[d] + unit
            zero = False
        else:
            zero = True
    return out
