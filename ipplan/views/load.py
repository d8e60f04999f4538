"""Plans for the views: plan files (.yaml/.yml/.json, or .jsonl with one plan per line)
and source documents, which are parsed. The one place the views read input. Plan files,
each line of a .jsonl file included, go through ipplan.validate's safe loader (anchors
and aliases rejected, duplicate keys reported, YAML 1.2 scalars, numbers over 100
characters and lone surrogates refused), so a hostile plan file cannot blow up here;
error messages print its strings escaped (``rules.printable``).
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ipplan.errors import IpplanError, ReadError
from ipplan.planfile import PLAN_SUFFIXES
from ipplan.schema import SCHEMA_VERSION, Plan

#: Plan files of one document when they share a folder and a name (batch names them so).
SAME_NAME_SUFFIXES = (".yaml", ".yml", ".json")
MAX_PLAN_BYTES = 50 * 1024 * 1024


class PlanLoadError(IpplanError):
    """A plan file that is not valid YAML/JSON or not a valid plan."""

    def __init__(self, message: str, path: str | None = None) -> None:
        from ipplan.validate.rules import display_path, printable

        super().__init__(printable(message), display_path(path) if path else None)


@dataclass(frozen=True)
class Duplicate:
    """Several files of one folder held plans of one document: ``kept`` was read."""

    kept: str
    dropped: tuple[str, ...]


@dataclass
class Loaded:
    """The plans of the views' PATH arguments, the file each came from (a .jsonl line as
    ``plans.jsonl:3``), and the plan files a folder held twice for one document."""

    plans: list[Plan] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    duplicates: list[Duplicate] = field(default_factory=list)

    def note(self) -> str | None:
        """One line on the duplicates a folder held, or None."""
        if not self.duplicates:
            return None
        first = self.duplicates[0]
        n = len(self.duplicates)
        return (f"{n} document{'s' * (n != 1)} had more than one plan file in a folder; each is read once, from "
                f"its newest file ({first.kept}, not {', '.join(first.dropped)}"
                + (f"; and {n - 1} more" if n > 1 else "") + ")")


def load_plans(paths: Iterable[str | os.PathLike[str]]) -> list[Plan]:
    """Every plan named by ``paths``, in the order given (see :func:`load`)."""
    return load(paths).plans


def load(paths: Iterable[str | os.PathLike[str]]) -> Loaded:
    """Every plan named by ``paths``, in the order given, one per document in a folder.

    A file ending in .yaml/.yml/.json/.jsonl is read as a plan file; any other file is a
    document and is parsed. A directory gives the plan files under it (recursively,
    sorted, ipplan's own _manifest.json/_errors.jsonl and hidden files skipped) or, if it
    holds none, the documents ``ipplan batch`` would pick up. Files named on the command
    line are all read; a folder gives one plan per document: plan files that share a
    folder and a name (a.yaml and a.json, as a YAML then a JSON batch run leave them), or
    whose plans name the same source (path and SHA-256, as a plans.jsonl beside them
    does), are read once, from the newest file.
    """
    out = Loaded()
    for path in paths:
        path = Path(path)
        if not path.is_dir():
            for file in expand(path):
                for plan, where in load_file_from(file):
                    out.plans.append(plan)
                    out.files.append(where)
            continue
        files, dups = _one_per_name(expand(path))
        found: list[tuple[Plan, str, float]] = []
        for file in files:
            mtime = file.stat().st_mtime if file.suffix.lower() in PLAN_SUFFIXES else 0.0
            found += [(plan, where, mtime) for plan, where in load_file_from(file)]
        kept, more = _one_per_source(found)
        for plan, where, _ in kept:
            out.plans.append(plan)
            out.files.append(where)
        out.duplicates += dups + more
    return out


def _one_per_name(files: list[Path]) -> tuple[list[Path], list[Duplicate]]:
    """Plan files sharing a folder and a name (a.yaml, a.json) are one document's: the
    newest is kept, in the place of the first."""
    groups: dict[tuple[Path, str], list[Path]] = {}
    for f in files:
        key = (f.parent, f.stem) if f.suffix.lower() in SAME_NAME_SUFFIXES else (f, "")
        groups.setdefault(key, []).append(f)
    kept, dups = [], []
    for group in groups.values():
        if len(group) == 1:
            kept.append(group[0])
            continue
        newest = max(group, key=lambda f: f.stat().st_mtime)  # max keeps the first of equals
        kept.append(newest)
        dups.append(Duplicate(str(newest), tuple(str(f) for f in group if f is not newest)))
    return kept, dups


def _one_per_source(found: list[tuple[Plan, str, float]]) -> tuple[list[tuple[Plan, str, float]], list[Duplicate]]:
    """Plans that name the same source document (path and SHA-256) are one; the one from
    the newest file is kept, in the place of the first. A plan without a SHA-256 is its own."""
    groups: dict[object, list[int]] = {}
    for i, (plan, _, _) in enumerate(found):
        src = plan.source
        key = (src.path, src.sha256) if src.sha256 else i
        groups.setdefault(key, []).append(i)
    keep: dict[int, int] = {}  # first index of a group → index kept
    dups = []
    for members in groups.values():
        best = max(members, key=lambda i: found[i][2])
        keep[members[0]] = best
        if len(members) > 1:
            dups.append(Duplicate(found[best][1], tuple(found[i][1] for i in members if i != best)))
    return [found[keep[i]] for i in sorted(keep)], dups


def expand(path: Path) -> list[Path]:
    """The files a path argument stands for."""
    from ipplan.validate.rules import display_path

    if not path.exists():
        raise ReadError("no such file or directory", display_path(str(path)))
    if not path.is_dir():
        return [path]
    from ipplan.batch import DEFAULT_SUFFIXES

    files = sorted(p for p in path.rglob("*")  # rglob does not enter linked folders; linked files are skipped
                   if p.is_file() and not p.is_symlink() and not p.name.startswith((".", "_")))
    found = [p for p in files if p.suffix.lower() in PLAN_SUFFIXES]
    found = found or [p for p in files if p.suffix.lower() in DEFAULT_SUFFIXES]
    if not found:
        raise ReadError("no plan files (.yaml .json .jsonl) or documents found", display_path(str(path)))
    return found


def load_file(path: Path) -> list[Plan]:
    """The plans in one file: a plan file is validated, a document is parsed."""
    return [plan for plan, _ in load_file_from(path)]


def load_file_from(path: Path) -> list[tuple[Plan, str]]:
    """The plans in one file, each with where it came from (``plans.jsonl:3`` for a line)."""
    if path.suffix.lower() not in PLAN_SUFFIXES:
        from ipplan import api

        try:
            return [(api.parse_file(path), str(path))]
        except IpplanError as exc:
            exc.path = exc.path or str(path)
            raise
    from ipplan.validate.load import jsonl_lines, load_plan_file, read_text

    if path.suffix.lower() != ".jsonl":
        return [(_plan(load_plan_file(path, max_bytes=MAX_PLAN_BYTES), path), str(path))]
    text = read_text(path, max_bytes=MAX_PLAN_BYTES)  # size limit and strict UTF-8, as for plan files
    return [(_plan(_json(ln, path, n), path, f"line {n}: "), f"{path}:{n}") for n, ln in jsonl_lines(text)]


def _json(text: str, path: Path, line: int) -> Any:
    """One line of a .jsonl file, read by validate's strict JSON loader."""
    from ipplan.validate.load import PlanFileError as LoadError
    from ipplan.validate.load import load_text

    try:
        loaded = load_text(text, "json", name=str(path), first_line=line)
    except LoadError as exc:
        raise PlanLoadError(f"line {line}: {exc.finding.code} {exc.finding.message}", str(path)) from None
    if loaded.problems:
        f = loaded.problems[0]
        raise PlanLoadError(f"line {line}: {f.code} {f.message}", str(path))
    return loaded.data


def _plan(data: Any, path: Path, where: str = "") -> Plan:
    from pydantic import ValidationError

    from ipplan.validate.rules import format_path, show

    if not isinstance(data, dict) or "schema_version" not in data:
        raise PlanLoadError(f"{where}not an ipplan plan (no schema_version)", str(path))
    if str(data["schema_version"]) != SCHEMA_VERSION:
        raise PlanLoadError(f"{where}schema_version {show(data['schema_version'])} is not supported "
                            f"(this ipplan reads {show(SCHEMA_VERSION)})", str(path))
    try:
        return Plan.model_validate(data)
    except ValidationError as exc:
        first = exc.errors(include_url=False, include_input=False)[0]
        loc = format_path(tuple(first["loc"]))
        more = f" (and {exc.error_count() - 1} more)" if exc.error_count() > 1 else ""
        raise PlanLoadError(f"{where}not a valid plan: {loc}: {first['msg']}{more}", str(path)) from exc
