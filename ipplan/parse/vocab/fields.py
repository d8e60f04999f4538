"""Page-metadata keys: the ``key：value`` fields of a government page's metadata block
(索引号, 发布机构, 成文日期, 文号 …) and the meta field each one feeds. Read by the HTML
reader (to find and keep the block), the header (to fill meta) and the tables stage (a
metadata block is not a table)."""

from __future__ import annotations

import re

from ipplan.parse.dates import YEAR
from ipplan.parse.vocab.text import CJK

#: Page metadata fields ("文号 | 温政办〔2022〕73 号 |" or "发布机构：…"), as government sites and
#: legal databases print them (发文标题 / 发文文号 / 发文部门 / 发文时间). 索引号 is a filing number of
#: the site, never the 发文字号; 发布日期 is when the page went up, not the 成文日期; 实施日期 (施行日期)
#: is when the document takes effect, never its 成文日期.
FIELD_KEYS: dict[str, str] = {
    "文号": "doc_number", "发文字号": "doc_number", "发文号": "doc_number", "文件号": "doc_number",
    "文件编号": "doc_number", "发文文号": "doc_number", "备注/文号": "doc_number",
    "成文日期": "issue_date", "发文日期": "issue_date", "印发日期": "issue_date", "颁布日期": "issue_date",
    "制发日期": "issue_date", "成文时间": "issue_date", "发文时间": "issue_date",
    "发布机构": "issuer", "发文机关": "issuer", "发文单位": "issuer", "发布单位": "issuer", "颁布部门": "issuer",
    "颁布机关": "issuer", "发文机构": "issuer", "制发机关": "issuer", "发布部门": "issuer", "发布机关": "issuer",
    "发文部门": "issuer", "制定机关": "issuer", "制定部门": "issuer",
    "标题": "title", "名称": "title", "文件名称": "title", "发文标题": "title", "文件标题": "title", "公文标题": "title",
    "法规标题": "title", "法规名称": "title",
    "密级": "secrecy", "紧急程度": "urgency", "签发人": "signer", "份号": "copy_number",
}  # fmt: skip

#: How a page's category label ends, printed above an article's heading (泰安市人民政府政策文件,
#: 首页 > 政务公开 > 规范性文件): never the start of a title.
PAGE_LABEL_ENDINGS: tuple[str, ...] = (
    "政策文件", "规范性文件", "文件库", "政策法规", "通知公告", "政策解读", "信息公开", "政务公开",
)

#: Metadata keys of government pages; a block holding two of them is the metadata block.
META_KEYS = frozenset(FIELD_KEYS) | {"索引号", "主题分类", "组配分类", "公开方式", "有效性", "发布日期", "信息来源",
                                     "体裁分类", "时效", "公文种类", "生成日期",
                                     # keys of legal databases' and sites' blocks that feed no meta field
                                     "实施日期", "实施时间", "施行日期", "生效日期", "失效日期", "废止日期", "效力级别",
                                     "时效性", "法规类型", "法规类别", "所属行业", "所属区域", "所属地区", "发文内容"}


#: Keys of a site's footer (主办：广州市天河区人民政府 承办：…): the site's owner and maker, never an
#: addressee nor an issuer of the page's document.
SITE_KEYS: tuple[str, ...] = ("主办单位", "承办单位", "协办单位", "主办", "承办", "协办", "技术支持", "网站标识码", "备案序号",
                              "版权所有")


def spaced(word: str) -> str:
    """A regex for ``word`` printed with spaces between its characters (``文 号``)."""
    return r"\s*".join(map(re.escape, word))


#: Any metadata key, spaces allowed inside (``文 号``, ``成 文 日 期``), longest first.
FIELD_KEY = "(?:" + "|".join(spaced(k) for k in sorted(META_KEYS, key=len, reverse=True)) + ")"


#: A site footer's key, spaces allowed inside (主 办：).
SITE_KEY = "(?:" + "|".join(spaced(k) for k in SITE_KEYS) + ")"


def field_of(key: str) -> str | None:
    """The meta field a printed key feeds (``文 号`` → doc_number), or None (索引号, 发布日期 …)."""
    return FIELD_KEYS.get(re.sub(r"\s+", "", key))

#: 发文字号 (a re.VERBOSE fragment): organ abbreviation, year in 〔〕 [] ［］ ﹝﹞ 【】 （）, number,
#: 号; spaces tolerated. Read by the header and by the layout repair of glued header lines.
DOC_NO = rf"""
    (?P<org>[{CJK}A-Za-z]{{1,15}}?) \s* [〔\[［【(（﹝] \s* (?P<year>{YEAR}) \s* [〕\]］】)）﹞]
    \s* 第? \s* (?P<num>\d{{1,5}}) \s* 号
"""


#: A legal database's field names (北大法宝: 【发布部门】…【发文字号】…【发布日期】): there the
#: 发布日期 is the document's own date, not a web page's.
DATABASE_KEYS: dict[str, str] = {**FIELD_KEYS, "发布日期": "issue_date", "公布日期": "issue_date",
                                  "制定机关": "issuer", "发布部门": "issuer"}


def database_field_of(key: str) -> str | None:
    """The meta field a legal database's 【key】 feeds (【发文字号】 → doc_number), or None."""
    return DATABASE_KEYS.get(re.sub(r"\s+", "", key))
