"""Page-metadata keys: the ``key：value`` fields of a government page's metadata block
(索引号, 发布机构, 成文日期, 文号 …) and the meta field each one feeds. Read by the HTML
reader (to find and keep the block), the header (to fill meta) and the tables stage (a
metadata block is not a table)."""

from __future__ import annotations

#: Page metadata fields ("文号 | 温政办〔2022〕73 号 |" or "发布机构：…").
FIELD_KEYS: dict[str, str] = {
    "文号": "doc_number", "发文字号": "doc_number", "发文号": "doc_number",
    "成文日期": "issue_date", "发文日期": "issue_date", "印发日期": "issue_date",
    "发布机构": "issuer", "发文机关": "issuer", "发文单位": "issuer", "发布单位": "issuer",
    "标题": "title", "名称": "title",
}  # fmt: skip

#: Metadata keys of government pages; a block holding two of them is the metadata block.
META_KEYS = frozenset(FIELD_KEYS) | {"索引号", "主题分类", "组配分类", "公开方式", "有效性", "发布日期", "信息来源",
                                     "体裁分类", "时效", "公文种类", "生成日期"}
