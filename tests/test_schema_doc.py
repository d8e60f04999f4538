"""docs/schema.md, the schema contract a clone of the repository has, against the pydantic
models: every field of every model documented with its type and default, nothing
documented that the models lack, and the reserved additions not (yet) in the models."""

from __future__ import annotations

import json
import re
import types
import typing
from typing import Any

import pytest
from pydantic import BaseModel

from ipplan.schema import plan as schema
from tests.conftest import ROOT

DOC = ROOT / "docs" / "schema.md"
MODELS = {name: cls for name, cls in vars(schema).items()
          if isinstance(cls, type) and issubclass(cls, schema._Model) and cls is not schema._Model}


def _sections(text: str) -> dict[str, list[list[str]]]:
    """Rows (cells) of the first table under each ``## heading``."""
    out: dict[str, list[list[str]]] = {}
    heading = None
    for line in text.splitlines():
        if line.startswith("## "):
            heading = line[3:].strip()
            out[heading] = []
        elif heading and line.startswith("| ") and not line.startswith(("| field |", "| where |", "|---")):
            out[heading].append([c.strip() for c in line.strip()[1:-1].split("|")])  # (no cell holds a |)
    return out


def _type(a: Any) -> str:
    origin = typing.get_origin(a)
    if origin is typing.Annotated:
        return _type(typing.get_args(a)[0])
    if origin in (typing.Union, types.UnionType):
        (inner,) = [x for x in typing.get_args(a) if x is not type(None)]
        return f"{_type(inner)} or null"
    if origin is list:
        return f"[{_type(typing.get_args(a)[0])}]"
    if origin is typing.Literal:
        return " / ".join(json.dumps(x) for x in typing.get_args(a))
    return a.__name__


def _default(field: Any) -> str:
    if field.is_required():
        return "required"
    value = field.get_default(call_default_factory=True)
    if isinstance(value, BaseModel):
        return ""
    return json.dumps(value, ensure_ascii=False)


DOCUMENTED = _sections(DOC.read_text("utf-8"))


def test_every_model_has_a_section() -> None:
    assert set(MODELS) <= set(DOCUMENTED), set(MODELS) - set(DOCUMENTED)


@pytest.mark.parametrize("name", sorted(MODELS))
def test_fields_types_and_defaults_match_the_model(name: str) -> None:
    model = MODELS[name]
    rows = DOCUMENTED[name]
    documented = [(re.sub(r"^`|`$", "", r[0]), r[1], r[2]) for r in rows]
    actual = [(f, _type(info.annotation), _default(info)) for f, info in model.model_fields.items()]
    assert documented == actual
    assert all(r[3] for r in rows), "every field has a meaning"


def test_fields_added_after_v1_are_in_their_models_and_written_only_when_set() -> None:
    """The additions listed at the end of the page exist in their models and are left out of
    a plan that does not hold them, so such a plan reads exactly as a v1 plan."""
    rows = DOCUMENTED["Fields added after v1"]
    assert rows
    for where, fields, meaning in rows:
        assert where in MODELS and meaning
        for field in (f.strip(" `") for f in fields.split(",")):
            info = MODELS[where].model_fields[field]
            assert info.exclude_if is not None, f"{where}.{field} is written even when empty"
    from ipplan import Plan

    assert set(Plan().model_dump()) == {"schema_version", "source", "meta", "sections", "targets", "tables",
                                        "warnings"}


def test_the_readme_points_to_the_schema_page() -> None:
    readme = (ROOT / "README.md").read_text("utf-8")
    assert "](docs/schema.md)" in readme
    assert "../shared/SPEC.md" not in readme
