"""The plan schema (v1): the one definition of ipplan's output.

Field names and meanings are documented in ``docs/schema.md`` (checked against these
models by tests/test_schema_doc.py). Docstrings and ``description``
strings become the JSON Schema descriptions printed by ``ipplan schema``.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import AllowInfNan, BaseModel, ConfigDict, Field, PlainSerializer, model_validator
from pydantic_core import PydanticCustomError

from ipplan.schema.form import SCHEMA_ID, SCHEMA_VERSION, compact_number  # noqa: F401 (their home is form.py)


#: A finite number: NaN and infinities (YAML .nan/.inf, a 1e400 literal) are refused, as
#: JSON cannot hold them and no plan value is one.
Number = Annotated[float, AllowInfNan(False), PlainSerializer(compact_number, return_type=float | int)]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=False)


def _empty(v: object) -> bool:
    return v is None or v == [] or v == {}


def Addition(default: Any = None, **kw: Any) -> Any:  # noqa: N802 (a Field factory)
    """A field added after v1: written only when it holds something, so a plan without it
    reads exactly as a v1 plan (pydantic's ``exclude_if`` keeps the Rust serializer fast)."""
    if isinstance(default, (list, dict)):
        kind = type(default)
        return Field(default_factory=kind, exclude_if=_empty, **kw)
    return Field(default, exclude_if=_empty, **kw)


class Record(_Model):
    """The row of a table of documents (``ipplan batch docs.jsonl|.csv|.sqlite``) the
    document came from, with the metadata columns the table gave it."""

    table: str = Field(description="File name of the table (a JSONL, CSV or SQLite file).")
    id: str | None = Field(None, description="Value of the id column that names the output, as in the table.")
    title: str | None = Field(None, description="The title column, as in the table.")
    date: str | None = Field(None, description="The date column, as in the table (a publication date is not 成文日期).")
    doc_number: str | None = Field(None, description="The 文号 column, as in the table.")
    issuer: str | None = Field(None, description="The issuer column (发文机关, 发布机构), as in the table.")
    url: str | None = Field(None, description="The URL column, as in the table.")
    filled: list[str] = Addition([], description="Meta fields the text left null that were filled from this row.")


class Source(_Model):
    """Where the plan was read from and how its text was normalized."""

    path: str | None = Field(None, description="Path of the input file as given, or null for stdin/text.")
    sha256: str | None = Field(None, description="SHA-256 of the raw input bytes (hex).")
    encoding: str | None = Field(None, description="Encoding the bytes were decoded with (utf-8, utf-8-sig, gb18030, …).")
    format: Literal["txt", "html", "docx", "pdf", "doc", "ofd"] = Field(
        "txt", description="Input format (doc: Word 97-2003 and WPS text; doc and ofd added after v1).")
    script: Literal["simplified", "traditional", "mixed"] = Field(
        "simplified", description="Chinese script of the input before conversion."
    )
    conversion: str | None = Field(
        None, description="Script conversion applied (OpenCC config plus ipplan phrase table), or null."
    )
    record: Record | None = Addition(None, description="The table row the document came from (table input).")


class Period(_Model):
    """The years a plan covers, e.g. (2023-2025年)."""

    start: int = Field(description="First year.")
    end: int = Field(description="Last year.")

    @model_validator(mode="after")
    def _ordered(self) -> Period:
        if self.end < self.start:  # error types are stable names: `ipplan validate` maps them to rule codes
            raise PydanticCustomError("period_order", "period end {end} is before start {start}",
                                      {"start": self.start, "end": self.end})
        return self


class Meta(_Model):
    """The document's metadata: covering notice and plan title."""


    title: str | None = Field(None, description="The plan's own title, line breaks inside it joined; null if never stated.")
    notice_title: str | None = Field(None, description="Title of the covering notice (…关于印发…的通知), else null.")
    doc_number: str | None = Field(None, description="发文字号 such as 临政办字〔2023〕81号, inner spaces removed, brackets as 〔〕.")
    issuer: str | None = Field(None, description="The organ that issued or published the document (发文机关, 发布机构).")
    issue_date: str | None = Field(
        None, pattern=r"^\d{4}-\d{2}-\d{2}$", description="成文日期 or the notice's date, YYYY-MM-DD."
    )
    addressees: list[str] = Field(default_factory=list, description="主送机关, one organ per item.")
    region: str | None = Field(None, description="The jurisdiction the plan governs (湖州市, 通州区, 江苏省, 全国).")
    period: Period | None = Field(None, description="Years covered when the title or a (2023-2025年) phrase states them.")
    # Optional GB/T 9704 elements (additive after v1; absent or empty when the document does not print them).
    issuers: list[str] = Addition([],
                               description="Every organ of a joint issue, in printed order; issuer is the first.")
    doc_type: str | None = Addition(None, description="文种 of the plan (方案, 计划, 规划, 意见 …), else of the notice.")
    copy_number: str | None = Addition(None, description="份号, as printed.")
    secrecy: str | None = Addition(None, description="密级 (with 保密期限 if printed), as printed.")
    urgency: str | None = Addition(None, description="紧急程度 (特急, 加急 …), as printed.")
    signer: str | None = Addition(None, description="签发人, as printed.")
    cc: list[str] = Addition([], description="抄送机关, one organ per item.")
    printed_by: str | None = Addition(None, description="印发机关.")
    printed_date: str | None = Addition(None, pattern=r"^\d{4}-\d{2}-\d{2}$", description="印发日期, YYYY-MM-DD.")
    attachments: list[str] = Addition([], description="Attachment titles listed after 附件：.")
    remark: str | None = Addition(None, description="附注, e.g. 此件公开发布.")
    lines: dict[str, int] = Addition({},
                                  description="{field: line} of each meta field found, in the numbered text of `ipplan text`.")


class Unit(_Model):
    """A responsible unit named in a responsibility clause or table."""


    name: str = Field(min_length=1, description="The organ as printed, without a leading *.")
    aliases: list[str] = Field(default_factory=list, description="Names given in 〔〕 or () right after it.")
    lead: bool = Field(False, description="True when marked as lead (leading *, or listed under 牵头单位).")
    line: int | None = Addition(None, ge=1, description="Line of its clause in the numbered text of `ipplan text`.")


class Section(_Model):
    """A numbered item of the outline, with its children."""


    id: str = Field(description='Ordinals from the top level down, joined by dots: "3.1.2".')
    label: str = Field(description="The marker as printed: 一、 (一) 1. 1、 (1) ① ——.")
    ordinal: int = Field(ge=0, description="The number printed; for —— bullets the 1-based position among siblings.")
    level: int = Field(ge=1, description="Depth in the tree, 1 = top; follows nesting, not marker style.")
    title: str = Field(description="Heading: the rest of its line, or a run-in heading up to the first 。.")
    text: str = Field("", description="The section's own text after its title, without its children.")
    units: list[Unit] = Field(default_factory=list, description="Units from this section's responsibility clause.")
    deadline: str | None = Addition(None, description="A deadline printed in its responsibility clause (6月底完成), as printed.")
    line: int | None = Addition(None, ge=1, description="Line of its heading in the numbered text of `ipplan text`.")
    children: list[Section] = Field(default_factory=list, description="Nested sections.")


class Milestone(_Model):
    """An intermediate value on the way to a target: 2023年底达3.85件."""

    year: int
    value: Number


class Target(_Model):
    """A quantitative target the plan commits to."""


    section: str | None = Field(
        description='Id of the innermost section holding it, "table:<n>/<row>" for a table cell, '
        "or null before the first section (preamble)."
    )
    indicator: str = Field(description="Noun phrase naming what is measured, without scope words, verb or number.")
    indicator_id: str | None = Field(
        None,
        description="Canonical indicator id from ipplan's curated table (ipplan/parse/data/indicators.yaml), "
        'such as "patent.high_value_inventions_per_10k_people"; null when the indicator is not in the table.',
    )
    value: Number = Field(description="The number with magnitude words applied (1.8万 → 18000; 15% → 15).")
    value_max: Number | None = Field(None, description='Upper bound of a range (op "range"), else null.')
    unit: str | None = Field(None, description="Measure word without magnitude: 件 家 个 项 元 % 人次 ….")
    op: Literal[">=", ">", "<=", "<", "~", "range", "="] = Field("=", description="Comparison the plan commits to.")
    year: int | None = Field(None, description="Year it is due, explicit or inherited; null when nothing says.")
    kind: Literal["annual", "cumulative", "growth", "by_year"] = Field("by_year", description="How the value counts.")
    text: str = Field(description="The source clause.")
    milestones: list[Milestone] = Field(default_factory=list, description="Intermediate values with their years.")
    line: int | None = Addition(None, ge=1, description="Line of its clause in the numbered text of `ipplan text`.")

    @model_validator(mode="after")
    def _range(self) -> Target:
        if self.value_max is not None:
            ctx = {"op": self.op, "value": self.value, "value_max": self.value_max}
            if self.op != "range":
                raise PydanticCustomError("value_max_op", 'value_max is only allowed with op "range", not "{op}"', ctx)
            if self.value_max < self.value:
                raise PydanticCustomError("value_max_below", "value_max {value_max} is below value {value}", ctx)
        return self


class Task(_Model):
    """A row of a responsibility table (责任分解表)."""


    row: str = Field(description="The printed 序号.")
    work: str | None = Field(None, description="重点工作 (the group heading), merged cells filled in.")
    content: str = Field(description="主要内容 of the row.")
    units: list[Unit] = Field(default_factory=list, description="Responsible units with lead marking.")
    line: int | None = Addition(None, ge=1, description="Line of its row in the numbered text of `ipplan text`.")


class Table(_Model):
    """A table of the document, merged cells filled so every row has the header's width."""


    index: int = Field(ge=1, description="1-based order in the document.")
    title: str | None = Field(None, description="Caption or attachment heading above it, if any.")
    header: list[str] = Field(description="Header cells.")
    rows: list[list[str]] = Field(default_factory=list, description="Body rows, merged cells filled in.")
    kind: Literal["responsibility", "targets", "other"] = Field("other", description="What the table holds.")
    tasks: list[Task] = Field(default_factory=list, description="For responsibility tables: one task per row.")
    line: int | None = Addition(None, ge=1, description="Line of its header row in the numbered text of `ipplan text`.")


class Notice(_Model):
    """Something the parser noticed but could not resolve, with a stable code."""

    code: str = Field(pattern=r"^[A-Z]{1,3}\d{2,3}$", description="Stable code, e.g. N101 (see `ipplan notices`).")
    message: str = Field(description="What was noticed, in one line.")
    line: int | None = Addition(None, ge=1, description="Line in the numbered text of `ipplan text`, when there is one.")


class Plan(_Model):
    """One policy plan parsed into structured data (ipplan plan schema v1)."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"$id": SCHEMA_ID, "x-schema-version": SCHEMA_VERSION},
    )


    schema_version: Literal["1"] = Field(SCHEMA_VERSION, description='Version of this schema: "1".')
    source: Source = Field(default_factory=Source, description="Input file and normalization applied.")
    meta: Meta = Field(default_factory=Meta, description="Document metadata.")
    sections: list[Section] = Field(default_factory=list, description="The numbered outline as a tree.")
    targets: list[Target] = Field(default_factory=list, description="Every quantitative target, in document order.")
    tables: list[Table] = Field(default_factory=list, description="Every table, in document order.")
    warnings: list[str] = Field(default_factory=list, description="What the parser noticed but could not resolve.")
    notices: list[Notice] = Addition([],
                                  description="The same as structured notices {code, message, line} with stable codes.")
