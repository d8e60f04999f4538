"""Plan → YAML or JSON text, in schema key order; shared by the CLI and the tests."""

from __future__ import annotations

import json
from typing import Any

import yaml

from ipplan.schema import Plan

FORMATS = ("yaml", "json")


# libyaml's emitter is ~20x faster than PyYAML's pure-Python one (70 ms → 3 ms for a
# 30 KB plan); fall back to the pure-Python dumper where PyYAML was built without it.
_Base = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


class _Dumper(_Base):  # type: ignore[misc, valid-type]
    """Safe dumper writing multi-line strings as literal blocks."""


def _str(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    if "\n" in value and not any(line != line.strip() for line in value.split("\n")):
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|")
    return dumper.represent_scalar("tag:yaml.org,2002:str", value)


_Dumper.add_representer(str, _str)


def plan_data(plan: Plan) -> dict[str, Any]:
    return plan.model_dump(mode="json")


def to_yaml(plan: Plan | dict[str, Any]) -> str:
    data = plan if isinstance(plan, dict) else plan_data(plan)
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=4096,
                     default_flow_style=False)


def to_json(plan: Plan | dict[str, Any]) -> str:
    data = plan if isinstance(plan, dict) else plan_data(plan)
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def dump(plan: Plan, fmt: str) -> str:
    return to_json(plan) if fmt == "json" else to_yaml(plan)
