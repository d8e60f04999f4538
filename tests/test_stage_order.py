"""Data flows one way: a parse stage never imports a later one. Shared vocabulary lives in
leaf modules that import no stage. Checked on the source (every import, also those inside
functions), so a new import against the flow fails here."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import ipplan.parse

PARSE = Path(ipplan.parse.__file__).parent

#: Rank of each module: a module may import modules of a lower or equal rank only.
LEAVES = {"types", "numerals", "dates", "brackets", "words", "vocab", "datafile"}
STAGES = [
    {"readers", "charset", "formats"},  # bytes → text
    {"normalize", "repair"},  # folding, layout repair, script conversion
    {"clean"},  # page chrome
    {"outline"},
    {"meta", "header"},
    {"units"},
    {"targets"},
    {"tables", "indicators"},
    {"misses"},  # possible misses: reads every extractor's result
]


def rank(module: str) -> int:
    """0 for leaves, then 1, 2, … in pipeline order."""
    top = module.split(".")[0]
    if top in LEAVES:
        return 0
    for i, names in enumerate(STAGES, 1):
        if top in names:
            return i
    raise AssertionError(f"ipplan.parse.{module} has no place in the stage order of this test")


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
