"""JSON Schema export of the plan model, with $id and version for editors."""

from __future__ import annotations

from typing import Any

from ipplan.schema.plan import SCHEMA_ID, SCHEMA_VERSION, Plan


def plan_json_schema() -> dict[str, Any]:
    schema = Plan.model_json_schema(mode="serialization")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "x-schema-version": SCHEMA_VERSION,
        **{k: v for k, v in schema.items() if k not in ("$id", "x-schema-version")},
    }
