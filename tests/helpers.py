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
