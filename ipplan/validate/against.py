"""``ipplan validate --against SOURCE_DIR``: compare each curated plan with a fresh parse of
its source document, so that curators see where the parser regressed or improved.

The source is ``SOURCE_DIR/<source.path>``, else ``SOURCE_DIR/<file name of source.path>``,
else the one document under SOURCE_DIR with the curated file's stem. Only files inside
SOURCE_DIR are read: a curated file (which may come from a pull request) cannot point the
parser at ``/etc/passwd`` or ``../secrets`` and have it echoed into the report.

Lists are aligned by a key (sections by id, targets by section and source clause, tables
by index, tasks by row, units by name, milestones by year, other lists by value), so one
inserted target does not make every later one differ.
"""

from __future__ import annotations

import difflib
import json
import os
from collections.abc import Callable, Iterator
from pathlib import Path, PurePosixPath
from typing import Any

from ipplan.validate.rules import FieldPath, Hit, format_path, show

#: Field paths (list indexes left out) that are expected to differ and are not compared.
SKIP: frozenset[tuple[str, ...]] = frozenset({("source", "path")})
#: Evidence fields (where an item was found in `ipplan text`, the parser's notices): they
#: move whenever the reading layer improves and are never curated, so they are not compared.
EVIDENCE: frozenset[str] = frozenset({"line", "lines", "notices"})

#: How the items of a list field are matched between the curated plan and the parse.
LIST_KEYS: dict[str, Callable[[dict[str, Any]], Any]] = {
    "sections": lambda s: s.get("id"),
    "children": lambda s: s.get("id"),
    "targets": lambda t: (t.get("section"), t.get("text")),
    "tables": lambda t: t.get("index"),
    "tasks": lambda t: t.get("row"),
    "units": lambda u: u.get("name"),
    "milestones": lambda m: m.get("year"),
}

#: How an item is named in a message, by list field.
DESCRIBE: dict[str, Callable[[dict[str, Any]], str]] = {
    "sections": lambda s: f"section {show(s.get('id'))}",
    "children": lambda s: f"section {show(s.get('id'))}",
    "targets": lambda t: f"target {show(t.get('indicator'))} {show(t.get('value'))}{t.get('unit') or ''}"
                         f" (section {show(t.get('section'))})",
    "tables": lambda t: f"table {show(t.get('index'))}",
    "tasks": lambda t: f"task {show(t.get('row'))}",
    "units": lambda u: f"unit {show(u.get('name'))}",
    "milestones": lambda m: f"milestone {show(m.get('year'))}",
}


class SourceFinder:
    """Finds the source document of a curated plan under one folder (and in its subfolders,
    unless ``recursive`` is false). Never a file outside it: not through an absolute path,
    ``..`` or a symbolic link leading out."""

    def __init__(self, root: Path, recursive: bool = True) -> None:
        self.root = Path(os.path.realpath(root))
        self.recursive = recursive
        self._by_stem: dict[str, list[Path]] | None = None

    def find(self, plan_file: str, data: Any) -> tuple[Path | None, list[str]]:
        """(source document or None, what was tried)."""
        tried: list[str] = []
        source = data.get("source") if isinstance(data, dict) else None
        given = source.get("path") if isinstance(source, dict) else None
        if isinstance(given, str) and given:
            for rel in dict.fromkeys((given, PurePosixPath(given.replace("\\", "/")).name)):
                tried.append(rel)
                if (p := self._inside(self.root / rel)) is not None:
                    return p, tried
        stem = Path(plan_file).stem
        tried.append(f"{stem}.*")
        found = self._index().get(stem)
        return (found[0] if found else None), tried

    def _inside(self, path: Path) -> Path | None:
        real = Path(os.path.realpath(path))  # (not resolve(): a loop of links must not raise)
        try:
            return real if real.is_relative_to(self.root) and real.is_file() else None
        except OSError:
            return None

    def _index(self) -> dict[str, list[Path]]:
        if self._by_stem is None:
            from ipplan.batch import DEFAULT_SUFFIXES

            order = {s: i for i, s in enumerate(DEFAULT_SUFFIXES)}
            by_stem: dict[str, list[Path]] = {}
            for top, dirs, files in os.walk(self.root):
                dirs[:] = sorted(d for d in dirs if not d.startswith(".")) if self.recursive else []
                for f in sorted(files):
                    p = Path(top, f)
                    if p.suffix.lower() in order and (real := self._inside(p)) is not None:
                        by_stem.setdefault(p.stem, []).append(real)
            for paths in by_stem.values():
                paths.sort(key=lambda p: (order[p.suffix.lower()], str(p)))
            self._by_stem = by_stem
        return self._by_stem


def against_hits(plan_file: str, curated: Any, finder: SourceFinder) -> list[Hit]:
    """D2xx hits for one curated plan: source not found or not parsable, or the differences."""
    from ipplan import api
    from ipplan.errors import IpplanError

    source, tried = finder.find(plan_file, curated)
    where: FieldPath = ("source", "path") if _has_source_path(curated) else ()
    if source is None:
        return [Hit("D204", where, {"root": show(str(finder.root)), "tried": ", ".join(tried)})]
    try:
        parsed = api.parse_file_data(source)
    except IpplanError as exc:
        return [Hit("D205", where, {"source": show(str(source)), "error": exc.message})]
    return list(diff(curated, parsed))


def _has_source_path(data: Any) -> bool:
    return isinstance(data, dict) and isinstance(data.get("source"), dict) and "path" in data["source"]


def diff(curated: Any, parsed: Any, path: FieldPath = ()) -> Iterator[Hit]:
    """Differences between two plan data trees, as D201/D202/D203 hits at curated paths."""
    if tuple(p for p in path if isinstance(p, str)) in SKIP:
        return
    if isinstance(curated, dict) and isinstance(parsed, dict):
        for key in dict.fromkeys([*curated, *parsed]):
            if key in EVIDENCE:
                continue
            if key not in parsed:
                yield Hit("D202", (*path, key), {"item": f"field {show(key)}"})
            elif key not in curated:
                yield Hit("D203", path, {"item": f"field {show(key)}", "where": format_path((*path, key))})
            else:
                yield from diff(curated[key], parsed[key], (*path, key))
    elif isinstance(curated, list) and isinstance(parsed, list):
        yield from _diff_list(curated, parsed, path)
    elif curated != parsed or isinstance(curated, bool) != isinstance(parsed, bool):
        yield Hit("D201", path, {"curated": show(curated), "parsed": show(parsed)})


def _key(field: Any, item: Any) -> str:
    key = LIST_KEYS[field](item) if isinstance(item, dict) and field in LIST_KEYS else item
    return json.dumps(key, ensure_ascii=False, sort_keys=True, default=str)


def _describe(field: Any, item: Any) -> str:
    if isinstance(item, dict) and field in DESCRIBE:
        return DESCRIBE[field](item)
    if isinstance(item, list):
        return f"row {show(' | '.join(map(str, item)))}"
    return show(item)


def _diff_list(curated: list[Any], parsed: list[Any], path: FieldPath) -> Iterator[Hit]:
    field = path[-1] if path else None
    a = [_key(field, x) for x in curated]
    b = [_key(field, x) for x in parsed]
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        paired = min(i2 - i1, j2 - j1) if op in ("equal", "replace") else 0
        for k in range(paired):
            yield from diff(curated[i1 + k], parsed[j1 + k], (*path, i1 + k))
        for i in range(i1 + paired, i2):
            yield Hit("D202", (*path, i), {"item": _describe(field, curated[i])})
        for j in range(j1 + paired, j2):
            yield Hit("D203", (*path, i2), {"item": _describe(field, parsed[j]), "where": format_path((*path, j))})
