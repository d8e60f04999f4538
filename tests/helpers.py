"""Shared test helpers."""

from __future__ import annotations

from typing import Any

HALF_TO_FULL = str.maketrans({",": "，", "(": "（", ")": "）", ":": "：", ";": "；"})
FULL_TO_HALF = str.maketrans({"，": ",", "（": "(", "）": ")", "：": ":", "；": ";"})


def flat_sections(sections: list[dict[str, Any]]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for s in sections:
        out.append(s)
        out.extend(flat_sections(s["children"]))
    return out


def outline_view(sections: list[dict[str, Any]], *, text: bool = True) -> list[tuple]:
    """(id, label, ordinal, level, title[, text]) per section, in document order."""
    return [
        (s["id"], s["label"], s["ordinal"], s["level"], s["title"]) + ((s["text"],) if text else ())
        for s in flat_sections(sections)
    ]


#: Evidence fields (line numbers in `ipplan text`, notices): checked by their own tests
#: against the numbered text, not written into the expected plans.
EVIDENCE_KEYS = frozenset({"line", "lines", "notices"})


def without_evidence(data: Any) -> Any:
    """``data`` with every evidence field removed, recursively."""
    if isinstance(data, dict):
        return {k: without_evidence(v) for k, v in data.items() if k not in EVIDENCE_KEYS}
    if isinstance(data, list):
        return [without_evidence(v) for v in data]
    return data


def plan_dict(plan: Any) -> Any:
    """A parsed plan as data without its evidence fields, for comparing with expected plans
    (line numbers differ between variants of one document: pastes, wraps, formats)."""
    from ipplan import emit

    return without_evidence(emit.plan_data(plan))


def target_rows(text: str) -> list[tuple]:
    """(indicator, value, unit, op, year, kind) of every target of a plan parsed from ``text``."""
    import ipplan

    return [(t.indicator, t.value, t.unit, t.op, t.year, t.kind) for t in ipplan.parse_text(text).targets]


def in_section(text: str) -> list[tuple]:
    """target_rows of ``text`` as the body of a plan's one section."""
    return target_rows(f"一、目标\n（一）具体目标。{text}")
