"""The plan schema as plain data: what ``Plan.model_validate(data).model_dump(mode="json")``
makes of the dict the parser builds, without pydantic.

`ipplan parse` and `ipplan batch` write this form directly: importing pydantic, building the
models, validating and dumping cost more than the whole parse of a sample (120–150 ms of a
cold `ipplan parse`). The form is the models' own (plan.py), field for field: keys in the
models' order, defaults filled in, the fields added after v1 (``Addition``) left out when
empty, numbers written as integers when integral (``compact_number``), sequences as lists.
tests/test_schema_form.py checks that it equals the models' dump, and that every plan ipplan
writes validates under the models and under `ipplan validate`.
"""

from __future__ import annotations

from typing import Any

SCHEMA_VERSION = "1"
SCHEMA_ID = "https://ipplan.dev/schema/plan-v1.json"


def compact_number(v: float | int) -> float | int:
    """Write integral numbers as integers (15, not 15.0) so YAML stays readable."""
    if isinstance(v, float) and v.is_integer() and abs(v) < 2**53:
        return int(v)
    return v


def _num(v: Any) -> Any:
    return None if v is None else compact_number(float(v))


def _strs(v: Any) -> list[str]:
    return v if type(v) is list else list(v)


def plan_form(data: dict[str, Any]) -> dict[str, Any]:
    """A plan dict as the schema writes it (``model_dump(mode="json")`` of the validated Plan).
    ``data`` holds every field but those with a default (``schema_version``, additions)."""
    out = {"schema_version": data.get("schema_version", SCHEMA_VERSION), "source": _source(data["source"]),
           "meta": _meta(data["meta"]), "sections": [_section(s) for s in data["sections"]],
           "targets": [_target(t) for t in data["targets"]], "tables": [_table(t) for t in data["tables"]],
           "warnings": _strs(data["warnings"])}
    if data.get("notices"):
        out["notices"] = [_notice(n) for n in data["notices"]]
    return out


def _source(s: dict[str, Any]) -> dict[str, Any]:
    out = {"path": s.get("path"), "sha256": s.get("sha256"), "encoding": s.get("encoding"),
           "format": s.get("format", "txt"), "script": s.get("script", "simplified"),
           "conversion": s.get("conversion")}
    if s.get("record") is not None:
        out["record"] = _record(s["record"])
    return out


def _record(r: dict[str, Any]) -> dict[str, Any]:
    out = {k: r.get(k) for k in ("table", "id", "title", "date", "doc_number", "issuer", "url")}
    if r.get("filled"):
        out["filled"] = _strs(r["filled"])
    return out


#: Meta's fields added after v1, in order: written only when they hold something.
META_ADDITIONS = ("issuers", "doc_type", "copy_number", "secrecy", "urgency", "signer", "cc", "printed_by",
                  "printed_date", "attachments", "remark", "lines")
_LIST_ADDITIONS = {"issuers", "cc", "attachments"}


def _meta(m: dict[str, Any]) -> dict[str, Any]:
    period = m.get("period")
    out = {"title": m.get("title"), "notice_title": m.get("notice_title"), "doc_number": m.get("doc_number"),
           "issuer": m.get("issuer"), "issue_date": m.get("issue_date"), "addressees": _strs(m.get("addressees", [])),
           "region": m.get("region"),
           "period": None if period is None else {"start": period["start"], "end": period["end"]}}
    for k in META_ADDITIONS:
        v = m.get(k)
        if v is not None and v != [] and v != {}:
            out[k] = _strs(v) if k in _LIST_ADDITIONS else dict(v) if k == "lines" else v
    return out


def _unit(u: dict[str, Any]) -> dict[str, Any]:
    out = {"name": u["name"], "aliases": _strs(u.get("aliases", [])), "lead": u.get("lead", False)}
    if u.get("line") is not None:
        out["line"] = u["line"]
    return out


def _section(s: dict[str, Any]) -> dict[str, Any]:
    out = {"id": s["id"], "label": s["label"], "ordinal": s["ordinal"], "level": s["level"], "title": s["title"],
           "text": s.get("text", ""), "units": [_unit(u) for u in s.get("units", ())]}
    if s.get("deadline") is not None:
        out["deadline"] = s["deadline"]
    if s.get("line") is not None:
        out["line"] = s["line"]
    out["children"] = [_section(c) for c in s.get("children", ())]
    return out


def _target(t: dict[str, Any]) -> dict[str, Any]:
    out = {"section": t["section"], "indicator": t["indicator"], "indicator_id": t.get("indicator_id"),
           "value": _num(t["value"]), "value_max": _num(t.get("value_max")), "unit": t.get("unit"),
           "op": t.get("op", "="), "year": t.get("year"), "kind": t.get("kind", "by_year"), "text": t["text"],
           "milestones": [{"year": m["year"], "value": _num(m["value"])} for m in t.get("milestones", ())]}
    if t.get("line") is not None:
        out["line"] = t["line"]
    return out


def _table(t: dict[str, Any]) -> dict[str, Any]:
    out = {"index": t["index"], "title": t.get("title"), "header": _strs(t["header"]),
           "rows": [_strs(r) for r in t.get("rows", ())], "kind": t.get("kind", "other"),
           "tasks": [_task(k) for k in t.get("tasks", ())]}
    if t.get("line") is not None:
        out["line"] = t["line"]
    return out


def _task(k: dict[str, Any]) -> dict[str, Any]:
    out = {"row": k["row"], "work": k.get("work"), "content": k["content"], "units": [_unit(u) for u in k.get("units", ())]}
    if k.get("line") is not None:
        out["line"] = k["line"]
    return out


def _notice(n: dict[str, Any]) -> dict[str, Any]:
    out = {"code": n["code"], "message": n["message"]}
    if n.get("line") is not None:
        out["line"] = n["line"]
    return out
