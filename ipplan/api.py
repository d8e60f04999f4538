"""Library entry points: run the pipeline stages in order and build a validated Plan."""

from __future__ import annotations

import os

from pydantic import ValidationError

from ipplan.errors import PlanValidationError
from ipplan.parse import clean, meta, normalize, outline, readers
from ipplan.parse.types import DecodedDocument, Node, RawDocument
from ipplan.schema import Meta, Period, Plan, Section, Source


def parse_file(path: str | os.PathLike[str], *, encoding: str | None = None,
               max_bytes: int = readers.MAX_BYTES) -> Plan:
    """Read, decode and parse one document (``-`` reads stdin)."""
    raw = readers.read_path(path, max_bytes=max_bytes)
    return build_plan(readers.decode(raw, encoding))


def parse_bytes(data: bytes, *, path: str | None = None, encoding: str | None = None) -> Plan:
    """Parse a document given as bytes (encoding detected unless given)."""
    return build_plan(readers.decode(RawDocument(data=data, path=path), encoding))


def parse_text(text: str, *, path: str | None = None) -> Plan:
    """Parse a document given as text."""
    return build_plan(DecodedDocument(text=text, path=path, sha256=None, encoding=None))


def build_plan(doc: DecodedDocument) -> Plan:
    """Run the stages on decoded text and validate the result against the schema."""
    norm = normalize.normalize(doc.text)
    lines = clean.drop_noise(norm.lines)
    tree = outline.split_outline(lines)
    m = meta.extract_meta(tree)
    warnings = list(tree.warnings)
    if not tree.sections:
        warnings.append("no numbered outline found (一、 / (一) / 1. …)")
    try:
        return Plan(
            source=Source(path=doc.path, sha256=doc.sha256, encoding=doc.encoding, format=doc.format,
                          script=norm.script, conversion=norm.conversion),
            meta=Meta(title=m.title, notice_title=m.notice_title, doc_number=m.doc_number, issuer=m.issuer,
                      issue_date=m.issue_date, addressees=m.addressees, region=m.region,
                      period=Period(start=m.period[0], end=m.period[1]) if m.period else None),
            sections=[_section(n) for n in tree.sections],
            warnings=warnings,
        )
    except ValidationError as exc:  # a parser bug: report it per file, never write the plan
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise PlanValidationError(f"parsed plan does not validate: {where}: {first['msg']}", doc.path) from exc


def _section(node: Node) -> Section:
    return Section(id=node.id, label=node.label, ordinal=node.ordinal, level=node.level, title=node.title,
                   text="\n".join(node.text), children=[_section(c) for c in node.children])
