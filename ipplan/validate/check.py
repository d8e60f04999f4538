"""Checking plan files: find them, load each safely, run the schema and the rules, place
every finding at a line and column. Prints nothing; report.py formats the results."""

from __future__ import annotations

import fnmatch
import functools
import itertools
import os
import re
import types
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from ipplan.errors import UsageError
from ipplan.planfile import PLAN_SUFFIXES
from ipplan.validate.load import MAX_BYTES, Loaded, PlanFileError, Pos, jsonl_lines, load_file, load_text, read_text
from ipplan.validate.rules import (
    MAX_FINDINGS_PER_FILE,
    RULES,
    RULES_BY_CODE,
    RULES_BY_NAME,
    FieldPath,
    Finding,
    Hit,
    check_plan,
    format_path,
    message,
    plain_hint,
    schema_hit,
)

_GLOB = re.compile(r"[*?[]")
_SEVERITY_ORDER = {"error": 0, "warning": 1, "notice": 2}


@dataclass
class DocumentResult:
    file: str
    findings: list[Finding] = field(default_factory=list)
    hidden: list[Finding] = field(default_factory=list)  # over MAX_FINDINGS_PER_FILE: counted, not listed
    complete: bool = True  # False when checking stopped early: there are more than the hidden ones

    @property
    def unreadable(self) -> bool:
        return any(f.rule.stage == "read" for f in self.findings)

    @property
    def omitted(self) -> int:
        return len(self.hidden)

    def count(self, severity: str) -> int:
        return sum(f.rule.severity == severity for f in (*self.findings, *self.hidden))


@dataclass(frozen=True)
class Options:
    max_bytes: int = MAX_BYTES
    ignore: frozenset[str] = frozenset()
    against: Path | None = None


def parse_ignore(values: Iterable[str]) -> frozenset[str]:
    """Rule codes from ``--ignore`` values: codes or names, comma-separated, any case."""
    codes = set()
    for value in values:
        for token in filter(None, (t.strip() for t in value.split(","))):
            rule = RULES_BY_CODE.get(token.upper()) or RULES_BY_NAME.get(token.lower())
            if rule is None:
                raise UsageError(f"--ignore {token}: unknown rule (see `ipplan validate --list-rules`)")
            if rule.stage in ("read", "load"):
                raise UsageError(f"--ignore {token}: {rule.code} {rule.name} cannot be ignored")
            codes.add(rule.code)
    return frozenset(codes)


def discover(args: Sequence[str]) -> list[str]:
    """Plan files named by files, folders (recursive) and globs, in order, each once.

    Folders and globs give ``*.yaml``, ``*.yml`` and ``*.json`` files, skipping names that
    start with ``.`` or ``_`` (``_manifest.json`` of ``ipplan batch``) and symbolic links
    (to files and to folders: neither walk nor glob follows one, so links cannot loop).
    """
    out: dict[str, str] = {}
    for arg in args:
        if os.path.isdir(arg):
            found = _walk(arg)
            if not found:
                raise UsageError(f"{arg}: no plan files (*.yaml, *.yml, *.json) in this folder")
        elif os.path.lexists(arg):
            found = [arg]
        elif _GLOB.search(arg):
            found = []
            for match in glob_paths(arg):
                if os.path.islink(match):  # a link a glob meets is never followed
                    continue
                found += _walk(match) if os.path.isdir(match) else [match] if _is_plan_name(match) else []
            if not found:
                raise UsageError(f"{arg}: no plan files match")
        else:
            raise UsageError(f"{arg}: no such file or directory")
        for f in found:
            out.setdefault(os.path.realpath(f), f)
    return list(out.values())


def _is_plan_name(path: str) -> bool:
    name = os.path.basename(path)
    return name.lower().endswith(PLAN_SUFFIXES) and not name.startswith((".", "_")) and not os.path.islink(path)


def glob_paths(pattern: str) -> list[str]:
    """Sorted matches of a glob (``*``, ``?``, ``[…]`` within a name, ``**`` for any folders),
    found without following symbolic links to folders: Python's glob follows them, so two
    links to ``.`` make ``plans/**/*.yaml`` explode. Like glob, names starting with ``.``
    match only a pattern that starts with ``.``; a folder the pattern names literally is
    entered even when it is a link (the user typed it)."""
    sep = os.sep
    parts = pattern.replace(os.altsep, sep).split(sep) if os.altsep else pattern.split(sep)
    k = 0
    while k < len(parts) - 1 and not _GLOB.search(parts[k]):
        k += 1
    base = sep.join(parts[:k]) or (sep if pattern.startswith(sep) else "")
    found: set[str] = set()
    seen: set[tuple[str, int]] = set()
    stack = [(base, k)]
    while stack:
        folder, k = stack.pop()
        if (folder, k) in seen:
            continue
        seen.add((folder, k))
        part, last = parts[k], k == len(parts) - 1
        entries = _entries(folder)
        if part == "**":
            if last:
                found.add(folder or os.curdir)  # every file under it, as a folder match
                continue
            stack.append((folder, k + 1))  # no folder
            stack += [(os.path.join(folder, e.name), k) for e in entries
                      if not e.name.startswith(".") and e.is_dir(follow_symlinks=False)]
            continue
        if not _GLOB.search(part):
            names = [part] if os.path.lexists(os.path.join(folder or os.curdir, part)) else []
        else:
            match = _name_pattern(part)
            names = [e.name for e in entries if match(e.name) and (part[0] == "." or not e.name.startswith("."))]
        for name in names:
            path = os.path.join(folder, name)
            if last:
                found.add(path)
            elif os.path.isdir(path) and not os.path.islink(path):
                stack.append((path, k + 1))
    return sorted(found)


def _entries(folder: str) -> list[os.DirEntry[str]]:
    try:
        with os.scandir(folder or os.curdir) as it:
            return list(it)
    except OSError:
        return []


@functools.lru_cache(maxsize=64)
def _name_pattern(part: str) -> Any:
    return re.compile(fnmatch.translate(part)).match


def _walk(top: str) -> list[str]:
    found = []
    for dirpath, dirs, files in os.walk(top):
        dirs[:] = sorted(d for d in dirs if not d.startswith((".", "_")))
        found += [p for f in sorted(files) if _is_plan_name(p := os.path.join(dirpath, f))]
    return found


def check_paths(paths: Sequence[str], options: Options = Options()) -> list[DocumentResult]:
    finder = None
    if options.against is not None:
        from ipplan.validate.against import SourceFinder

        finder = SourceFinder(options.against)
    return [check_file(p, options, finder) for p in paths]


def check_file(path: str, options: Options = Options(), finder: Any = None) -> DocumentResult:
    """Every finding for one plan file, sorted by position (at most MAX_FINDINGS_PER_FILE).
    A ``.jsonl`` file (``ipplan batch --format jsonl``) holds one plan per line, each checked."""
    if finder is None and options.against is not None:
        from ipplan.validate.against import SourceFinder

        finder = SourceFinder(options.against)
    limit = MAX_FINDINGS_PER_FILE
    try:
        if path.lower().endswith(".jsonl"):
            findings, complete = _check_jsonl(path, options, finder)
        else:
            findings, complete = _check_loaded(load_file(path, max_bytes=options.max_bytes), path, options, finder)
    except PlanFileError as exc:
        return DocumentResult(path, [replace(exc.finding, file=path)])
    return DocumentResult(path, findings[:limit], findings[limit:], complete)


def check_text(text: str, kind: str = "yaml", name: str = "<text>", options: Options = Options()) -> DocumentResult:
    """Every finding for plan text not (yet) in a file, such as a plan ipplan is about to write."""
    try:
        findings, complete = _check_loaded(load_text(text, kind, name=name), name, options, None)
    except PlanFileError as exc:
        return DocumentResult(name, [replace(exc.finding, file=name)])
    return DocumentResult(name, findings[:MAX_FINDINGS_PER_FILE], findings[MAX_FINDINGS_PER_FILE:], complete)


def _check_jsonl(path: str, options: Options, finder: Any) -> tuple[list[Finding], bool]:
    """Findings of every line of a .jsonl file, at their line numbers; a line that does not
    load is one finding and the next line goes on."""
    lines = jsonl_lines(read_text(path, max_bytes=options.max_bytes))
    if not lines:
        raise PlanFileError(Finding("P006", message("P006"), 1, 1), path)
    findings: list[Finding] = []
    complete = True
    for n, line in lines:
        if len(findings) > MAX_FINDINGS_PER_FILE:
            return findings, False
        try:
            loaded = load_text(line, "json", name=path, first_line=n)
        except PlanFileError as exc:
            findings.append(replace(exc.finding, file=path))
            continue
        found, done = _check_loaded(loaded, path, options, finder)
        findings += found
        complete = complete and done
    return findings, complete


def _check_loaded(loaded: Loaded, path: str, options: Options, finder: Any) -> tuple[list[Finding], bool]:
    """Sorted findings of one loaded plan (at most MAX_FINDINGS_PER_FILE of each source and
    its duplicate keys), and whether that is all of them."""
    limit = MAX_FINDINGS_PER_FILE
    sources: list[Iterable[Hit]] = [schema_hits(loaded.data, limit + 1), check_plan(loaded.data)]
    if finder is not None:
        from ipplan.validate.against import against_hits

        sources.append(against_hits(path, loaded.data, finder))
    hits: list[Hit] = []
    complete = len(loaded.problems) < limit
    for source in sources:
        taken = list(itertools.islice((h for h in source if h.code not in options.ignore), limit + 1))
        complete = complete and len(taken) <= limit
        hits += taken[:limit]
    findings = [replace(f, file=path) for f in loaded.problems if f.code not in options.ignore]
    findings += place(hits, loaded, path)
    findings.sort(key=lambda f: (f.line, f.col, _SEVERITY_ORDER[f.rule.severity], f.code, f.path))
    return findings, complete


#: Values validated in one pydantic call. Larger values are validated field by field and
#: list items in batches, stopping at MAX_FINDINGS_PER_FILE errors: pydantic would
#: otherwise build millions of error records for a hostile 10 MB file (minutes, gigabytes).
VALIDATION_BATCH = 100_000


def schema_hits(data: Any, limit: int = MAX_FINDINGS_PER_FILE) -> list[Hit]:
    """Schema errors (strict types: no string-to-number or string-to-boolean coercion); a
    file with many stops after about ``limit``."""
    from ipplan.schema import Plan

    errors: list[dict[str, Any]] = []
    _validate(Plan, data, (), errors, limit)
    return [schema_hit(e) for e in errors[:limit]]


def _validate(tp: Any, value: Any, loc: FieldPath, out: list[dict[str, Any]], limit: int) -> None:
    import typing

    from pydantic import BaseModel

    if len(out) >= limit:
        return
    if not isinstance(value, (dict, list)) or _count(value, VALIDATION_BATCH) <= VALIDATION_BATCH:
        out.extend(_errors(tp, value, loc))
        return
    if typing.get_origin(tp) in (typing.Union, types.UnionType):  # X | None, and the value is not None
        tp = next(a for a in typing.get_args(tp) if a is not type(None))
    if isinstance(value, list) and typing.get_origin(tp) is list:
        item = typing.get_args(tp)[0]
        start, size = 0, 0
        for i, x in enumerate(value):
            n = _count(x, VALIDATION_BATCH)
            if size + n > VALIDATION_BATCH:  # flush the batch of small items before this one
                out.extend(_errors(types.GenericAlias(list, (item,)), value[start:i], loc, offset=start))
                start, size = i, 0
                if len(out) >= limit:
                    return
            if n > VALIDATION_BATCH:
                _validate(item, x, (*loc, i), out, limit)
                start = i + 1
            else:
                size += n
        out.extend(_errors(types.GenericAlias(list, (item,)), value[start:], loc, offset=start))
    elif isinstance(value, dict) and isinstance(tp, type) and issubclass(tp, BaseModel):
        big = {k for k, v in value.items() if _count(v, VALIDATION_BATCH) > VALIDATION_BATCH}
        light = {k: v for k, v in value.items() if k not in big}
        out.extend(e for e in _errors(tp, light, loc) if not (e["type"] == "missing" and e["loc"][-1] in big))
        for k in sorted(big, key=list(value).index):
            field_info = tp.model_fields.get(k)
            if field_info is None:
                out.extend(_errors(tp, {k: None}, loc, only=(*loc, k)))
            else:
                _validate(field_info.annotation, value[k], (*loc, k), out, limit)
    else:
        out.extend(_errors(tp, value, loc))


def _errors(tp: Any, value: Any, loc: FieldPath, offset: int = 0,
            only: FieldPath | None = None) -> list[dict[str, Any]]:
    """pydantic's errors for ``value`` as ``tp``, with locs made absolute."""
    from pydantic import ValidationError

    try:
        _adapter(tp).validate_python(value, strict=True)
    except ValidationError as exc:
        errors: list[dict[str, Any]] = [dict(e) for e in exc.errors(include_url=False)]
        for e in errors:
            rel = tuple(e["loc"])
            if offset and rel and isinstance(rel[0], int):
                rel = (rel[0] + offset, *rel[1:])
            e["loc"] = (*loc, *rel)
        return [e for e in errors if only is None or e["loc"] == only]
    return []


@functools.cache
def _adapter(tp: Any) -> Any:
    from pydantic import TypeAdapter

    return TypeAdapter(tp)


def _count(value: Any, limit: int) -> int:
    """Number of values in ``value`` (containers included), counting no further than ``limit + 1``."""
    n, stack = 0, [value]
    while stack and n <= limit:
        v = stack.pop()
        n += 1
        if isinstance(v, dict):
            stack.extend(v.values())
        elif isinstance(v, list):
            stack.extend(v)
    return n


def place(hits: list[Hit], loaded: Loaded, file: str) -> list[Finding]:
    """Findings at the line and column of each hit's field (or of its nearest existing parent)."""
    if not hits:
        return []
    want = {p[:k] for h in hits for p in (h.path, h.ref or ()) for k in range(len(p) + 1)}
    positions = loaded.locate(want)
    out = []
    for h in hits:
        pos, exact = _lookup(positions, h.path)
        args = dict(h.args)
        if h.ref is not None:
            args["ref_line"] = _lookup(positions, h.ref)[0].line
        text = message(h.code, **args)
        if exact and h.error_type and pos.plain is not None:
            text += plain_hint(h.error_type, pos.plain, _get(loaded.data, h.path))
        line, col = (pos.key_line, pos.key_col) if h.at_key and exact else (pos.line, pos.col)
        out.append(Finding(h.code, text, line, col, format_path(h.path), file))
    return out


def _lookup(positions: dict[FieldPath, Pos], path: FieldPath) -> tuple[Pos, bool]:
    for k in range(len(path), -1, -1):
        if (pos := positions.get(path[:k])) is not None:
            return pos, k == len(path)
    return Pos(1, 1, 1, 1), False


def _get(data: Any, path: FieldPath) -> Any:
    for part in path:
        data = data[part]
    return data


def exit_code(results: Sequence[DocumentResult], *, fail_on_diff: bool = False) -> int:
    """2 if a file could not be read, 1 if one has errors (or differences with fail_on_diff), else 0."""
    if any(r.unreadable for r in results):
        return 2
    def fails(f: Finding) -> bool:
        return f.rule.severity == "error" or (fail_on_diff and f.rule.stage == "diff")

    return 1 if any(any(map(fails, (*r.findings, *r.hidden))) for r in results) else 0


def rule_table() -> list[tuple[str, str, str, str]]:
    """(code, name, severity, summary) of every rule, for --list-rules and the README."""
    return [(r.code, r.name, r.severity, r.summary) for r in RULES]
