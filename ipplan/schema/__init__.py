"""The ipplan plan schema: pydantic models (plan.py), loaded on first use, and the same
schema as plain data (form.py) for the writers, which need no pydantic."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ipplan.schema.form import SCHEMA_ID, SCHEMA_VERSION

if TYPE_CHECKING:
    from ipplan.schema.plan import Meta, Milestone, Period, Plan, Record, Section, Source, Table, Target, Task, Unit

__all__ = [
    "SCHEMA_ID",
    "SCHEMA_VERSION",
    "Meta",
    "Milestone",
    "Period",
    "Plan",
    "Record",
    "Section",
    "Source",
    "Table",
    "Target",
    "Task",
    "Unit",
]

_MODELS = frozenset(__all__[2:])


def __getattr__(name: str) -> Any:
    if name in _MODELS:  # importing pydantic and building the models costs ~100 ms
        from ipplan.schema import plan

        return getattr(plan, name)
    raise AttributeError(f"module 'ipplan.schema' has no attribute {name!r}")
