"""Data flows one way: the order of the parse modules is the order of ``ipplan.api.STAGES``,
read from the stage functions themselves (the parse modules each one calls), and a parse
module never imports a module of a later stage. Shared vocabulary lives in leaf modules
that import no stage. Checked on the source (every import, also those inside functions),
so a new import against the flow fails here."""

from __future__ import annotations

import ast
import types
from pathlib import Path

import pytest

import ipplan.parse
from ipplan import api

PARSE = Path(ipplan.parse.__file__).parent

#: Leaf modules: shared types, vocabulary and helpers; they import no stage.
LEAVES = {"types", "numerals", "dates", "brackets", "words", "vocab", "rules", "datafile"}
#: Read before the stages run (bytes → DecodedDocument, ``ipplan.api.parse_file``).
READERS = {"readers", "charset", "formats"}
#: Read by the api after the stages, to write the plan (canonical indicator ids).
AFTER = {"indicators"}


def _stage_modules() -> dict[str, int]:
    """Each parse module's rank: the position (from 2) of the first stage that calls it."""
    out: dict[str, int] = {}
    for i, (_, stage) in enumerate(api.STAGES, 2):
        for name in stage.__code__.co_names:
            value = getattr(api, name, None)
            if isinstance(value, types.ModuleType) and value.__name__.startswith("ipplan.parse."):
                out.setdefault(value.__name__.removeprefix("ipplan.parse."), i)
    return out


STAGE_RANK = _stage_modules()


def test_the_stages_are_named_and_ordered() -> None:
    names = [name for name, _ in api.STAGES]
    assert len(names) == len(set(names))
    assert names.index("lines") < names.index("outline") < names.index("meta") < names.index("targets") \
        < names.index("misses")
    assert [name for name, _ in api.TEXT_STAGES] == names[: names.index("lines") + 1]


def test_every_stage_module_is_found_in_the_stages() -> None:
    """The rank of each stage module comes from STAGES, so a stage that no longer runs or a
    module that the stages do not call cannot keep a place by a list in this test."""
    assert {"repair", "normalize", "clean", "outline", "header", "units", "tables", "targets", "misses"} \
        <= set(STAGE_RANK)
    assert STAGE_RANK["repair"] < STAGE_RANK["normalize"] < STAGE_RANK["clean"] < STAGE_RANK["outline"] \
        < STAGE_RANK["header"] < STAGE_RANK["targets"] < STAGE_RANK["tables"] < STAGE_RANK["misses"]


def rank(module: str) -> int:
    """0 for leaves, 1 for readers, then the stage order, then what the api reads last."""
    top = module.split(".")[0]
    if top in LEAVES:
        return 0
    if top in READERS:
        return 1
    if top in STAGE_RANK:
        return STAGE_RANK[top]
    if top in AFTER:
        return len(api.STAGES) + 2
    raise AssertionError(f"ipplan.parse.{module} is not called by any stage of ipplan.api.STAGES")


def _imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text("utf-8"))
    here = path.relative_to(PARSE).with_suffix("").parts
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            name = node.module
            if node.level:  # relative
                base = here[: len(here) - node.level]
                name = ".".join((*base, name))
            elif name.startswith("ipplan.parse."):
                name = name[len("ipplan.parse."):]
            elif name == "ipplan.parse":
                out.extend(a.name for a in node.names)
                continue
            else:
                continue
            out.append(name)
        elif isinstance(node, ast.Import):
            out.extend(a.name[len("ipplan.parse."):] for a in node.names if a.name.startswith("ipplan.parse."))
    return out


MODULES = sorted(p for p in PARSE.rglob("*.py") if p.name != "__init__.py")


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PARSE)))
def test_imports_point_up_the_pipeline(path: Path) -> None:
    me = ".".join(path.relative_to(PARSE).with_suffix("").parts)
    for name in _imports(path):
        assert rank(name) <= rank(me), f"{me} imports {name}, a later stage"
        if me.split(".")[0] in LEAVES:
            assert rank(name) == 0, f"leaf module {me} imports stage {name}"


def _private_names(path: Path) -> list[tuple[str, str]]:
    """(module, name) of every private name imported from or read off another parse module."""
    tree = ast.parse(path.read_text("utf-8"))
    modules = {a.asname or a.name.split(".")[-1]: a.name for node in ast.walk(tree)
               if isinstance(node, ast.ImportFrom) and node.module in ("ipplan.parse",) for a in node.names}
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("ipplan.parse"):
            out += [(node.module, a.name) for a in node.names if a.name.startswith("_")]
        elif isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id in modules \
                and node.attr.startswith("_"):
            out.append((modules[node.value.id], node.attr))
    return out


@pytest.mark.parametrize("path", MODULES + [Path(api.__file__)], ids=lambda p: p.name)
def test_no_stage_reads_another_modules_private_names(path: Path) -> None:
    assert _private_names(path) == []
