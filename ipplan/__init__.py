"""ipplan: parse Chinese government IP policy plans into structured, validated data.

    >>> import ipplan
    >>> plan = ipplan.parse_file("samples/linyi-2023.txt")      # doctest: +SKIP
    >>> plan.meta.doc_number                                    # doctest: +SKIP
    '临政办字〔2023〕81号'

Importing the package is cheap: the parser and pydantic load on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from ipplan.api import parse_bytes, parse_file, parse_text
    from ipplan.schema import Plan

__all__ = ["Plan", "__version__", "parse_bytes", "parse_file", "parse_text"]


def __getattr__(name: str) -> Any:
    if name in ("parse_file", "parse_text", "parse_bytes"):
        from ipplan import api

        return getattr(api, name)
    if name == "Plan":
        from ipplan.schema import Plan

        return Plan
    raise AttributeError(f"module 'ipplan' has no attribute {name!r}")
