"""Pydantic models of the ipplan plan schema."""

from ipplan.schema.plan import (
    SCHEMA_ID,
    SCHEMA_VERSION,
    Meta,
    Milestone,
    Period,
    Plan,
    Section,
    Record,
    Source,
    Table,
    Target,
    Task,
    Unit,
)

__all__ = [
    "SCHEMA_ID",
    "SCHEMA_VERSION",
    "Meta",
    "Milestone",
    "Period",
    "Plan",
    "Section",
    "Record",
    "Source",
    "Table",
    "Target",
    "Task",
    "Unit",
]
