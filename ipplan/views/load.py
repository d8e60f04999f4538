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
from pathlib import Path
from typing import Any

from ipplan.errors import IpplanError, ReadError
from ipplan.planfile import PLAN_SUFFIXES
from ipplan.schema import SCHEMA_VERSION, Plan

MAX_PLAN_BYTES = 50 * 1024 * 1024


class PlanLoadError(IpplanError):
    """A plan file that is not valid YAML/JSON or not a valid plan."""

    def __init__(self, message: str, path: str | None = None) -> None:
        from ipplan.validate.rules import display_path, printable

        super().__init__(printable(message), display_path(path) if path else None)


def load_plans(paths: Iterable[str | os.PathLike[str]]) -> list[Plan]:
    """Every plan named by ``paths``, in the order given.

    A file ending in .yaml/.yml/.json/.jsonl is read as a plan file; any other file is a
    document and is parsed. A directory gives the plan files under it (recursively,
    sorted, ipplan's own _manifest.json/_errors.jsonl and hidden files skipped) or, if it
    holds none, the documents ``ipplan batch`` would pick up.
    """
    plans: list[Plan] = []
    for path in paths:
        for file in expand(Path(path)):
            plans.extend(load_file(file))
    return plans


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
    if path.suffix.lower() not in PLAN_SUFFIXES:
        from ipplan import api

        try:
            return [api.parse_file(path)]
        except IpplanError as exc:
            exc.path = exc.path or str(path)
            raise
    from ipplan.validate.load import jsonl_lines, load_plan_file, read_text

    if path.suffix.lower() != ".jsonl":
        return [_plan(load_plan_file(path, max_bytes=MAX_PLAN_BYTES), path)]
    text = read_text(path, max_bytes=MAX_PLAN_BYTES)  # size limit and strict UTF-8, as for plan files
    return [_plan(_json(ln, path, n), path, f"line {n}: ") for n, ln in jsonl_lines(text)]


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
