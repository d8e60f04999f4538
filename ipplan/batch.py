"""Batch conversion of a folder of notices: parallel, incremental, atomic, never stopped
by one bad file. The CLI gathers options and renders progress; this module does the work
and reports through callbacks, so it prints nothing itself."""

from __future__ import annotations

import hashlib
import json
import os
import time
from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ipplan import __version__
from ipplan.fsutil import write_atomic

if TYPE_CHECKING:
    from ipplan.schema import Plan, Section

#: Input files picked up by default (content decides the format; these only select).
DEFAULT_SUFFIXES = (".txt", ".text", ".htm", ".html", ".docx", ".pdf", ".doc", ".wps")
MANIFEST = "_manifest.json"
ERRORS = "_errors.jsonl"
JSONL = "plans.jsonl"


@dataclass
class FileResult:
    rel: str
    status: str  # "parsed" | "failed" | "skipped"
    seconds: float = 0.0
    error: str | None = None
    sha256: str | None = None
    output: str | None = None  # serialized plan (parsed files only)
    sections: int = 0
    targets: int = 0
    units: int = 0


@dataclass
class Summary:
    total: int = 0
    parsed: int = 0
    failed: int = 0
    skipped: int = 0
    sections: int = 0
    targets: int = 0
    units: int = 0
    interrupted: bool = False
    seconds: float = 0.0
    slowest: list[tuple[float, str]] = field(default_factory=list)
    failures: list[tuple[str, str]] = field(default_factory=list)


def discover(in_dir: Path, pattern: str | None) -> list[Path]:
    """Input files under ``in_dir``, recursively, sorted; ipplan's own outputs excluded."""
    if pattern:
        files = (p for p in in_dir.rglob(pattern) if p.is_file())
    else:
        files = (p for p in in_dir.rglob("*") if p.is_file() and p.suffix.lower() in DEFAULT_SUFFIXES)
    return sorted(p for p in files if not p.name.startswith((".", "_")))


def output_path(out_dir: Path, rel: str, fmt: str) -> Path:
    """OUT_DIR mirrors IN_DIR: a/b/notice.txt → OUT_DIR/a/b/notice.yaml."""
    return out_dir / Path(rel).with_suffix(".json" if fmt == "json" else ".yaml")


def _count(plan: Plan) -> tuple[int, int, int]:
    def walk(sections: list[Section]) -> Iterator[Section]:
        for s in sections:
            yield s
            yield from walk(s.children)

    sections = list(walk(plan.sections))
    units = sum(len(s.units) for s in sections) + sum(len(t.units) for tb in plan.tables for t in tb.tasks)
    return len(sections), len(plan.targets), units


def parse_one(path: str, rel: str, fmt: str) -> FileResult:
    """Worker: parse one file; every expected failure becomes a FileResult, never raises."""
    from ipplan import api, emit
    from ipplan.errors import IpplanError
    from ipplan.parse import readers
    from ipplan.parse.types import RawDocument

    start = time.perf_counter()
    try:
        raw = readers.read_path(path)
        sha = hashlib.sha256(raw.data).hexdigest()
        plan = api.build_plan(readers.decode(RawDocument(data=raw.data, path=rel)))
        text = plan.model_dump_json() + "\n" if fmt == "jsonl" else emit.dump(plan, fmt)
        n_sec, n_tgt, n_unit = _count(plan)
        return FileResult(rel, "parsed", time.perf_counter() - start, None, sha, text, n_sec, n_tgt, n_unit)
    except IpplanError as exc:
        return FileResult(rel, "failed", time.perf_counter() - start, exc.message)
    except OSError as exc:
        return FileResult(rel, "failed", time.perf_counter() - start, f"cannot read: {exc.strerror or exc}")
    except Exception as exc:  # a parser bug: report it for this file, keep the batch going
        return FileResult(rel, "failed", time.perf_counter() - start, f"internal error: {type(exc).__name__}: {exc}")


def _load_manifest(out_dir: Path) -> dict:
    try:
        data = json.loads((out_dir / MANIFEST).read_text("utf-8"))
        return data if isinstance(data, dict) and data.get("ipplan") == __version__ else {}
    except (OSError, ValueError):
        return {}


def _sha_of(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def run_batch(
    in_dir: Path,
    out_dir: Path,
    *,
    fmt: str = "yaml",
    jobs: int | None = None,
    pattern: str | None = None,
    force: bool = False,
    fail_fast: bool = False,
    on_start: Callable[[int], None] = lambda total: None,
    on_result: Callable[[FileResult, Summary], None] = lambda r, s: None,
) -> Summary:
    """Convert every document under ``in_dir`` into ``out_dir``. See `ipplan batch --help`."""
    from ipplan.schema import SCHEMA_VERSION

    t0 = time.perf_counter()
    in_dir, out_dir = in_dir.resolve(), out_dir.resolve()
    files = [p for p in discover(in_dir, pattern) if out_dir not in p.parents]
    summary = Summary(total=len(files))
    out_dir.mkdir(parents=True, exist_ok=True)
    old = {} if force or fmt == "jsonl" else _load_manifest(out_dir)
    entries: dict[str, dict] = dict(old.get("files", {})) if old.get("schema") == SCHEMA_VERSION else {}
    jsonl_lines: dict[str, str] = {}

    on_start(len(files))
    todo: list[tuple[Path, str]] = []
    for path in files:
        rel = path.relative_to(in_dir).as_posix()
        entry = entries.get(rel)
        if (entry and entry.get("format") == fmt and output_path(out_dir, rel, fmt).exists()
                and entry.get("sha256") == _sha_of(path)):
            summary.skipped += 1
            on_result(FileResult(rel, "skipped"), summary)
        else:
            todo.append((path, rel))

    def record(res: FileResult) -> None:
        if res.status == "parsed":
            summary.parsed += 1
            summary.sections += res.sections
            summary.targets += res.targets
            summary.units += res.units
            if fmt == "jsonl":
                jsonl_lines[res.rel] = res.output or ""
            else:
                out = output_path(out_dir, res.rel, fmt)
                if out.resolve() == (in_dir / res.rel).resolve():
                    res.status, res.error = "failed", "output would overwrite the input"
                else:
                    write_atomic(out, res.output or "")
                    entries[res.rel] = {"sha256": res.sha256, "format": fmt}
        if res.status == "failed":
            summary.failed += 1
            summary.failures.append((res.rel, res.error or "failed"))
            entries.pop(res.rel, None)
        summary.slowest.append((res.seconds, res.rel))
        summary.slowest = sorted(summary.slowest, reverse=True)[:5]
        res.output = None
        on_result(res, summary)

    try:
        if (jobs or os.cpu_count() or 1) <= 1 or len(todo) <= 1:
            for path, rel in todo:
                record(parse_one(str(path), rel, fmt))
                if fail_fast and summary.failed:
                    break
        else:
            _run_pool(todo, fmt, jobs or os.cpu_count() or 1, fail_fast, summary, record)
    except KeyboardInterrupt:
        summary.interrupted = True
    finally:
        _finish(out_dir, fmt, entries, jsonl_lines, files, in_dir, summary, SCHEMA_VERSION)
        summary.seconds = time.perf_counter() - t0
    return summary


def _run_pool(todo: list[tuple[Path, str]], fmt: str, jobs: int, fail_fast: bool, summary: Summary,
              record: Callable[[FileResult], None]) -> None:
    pending: set[Future[FileResult]] = set()
    it = iter(todo)
    window = jobs * 4  # bounded queue: memory stays flat on 100,000 files
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        try:
            for path, rel in it:
                pending.add(pool.submit(parse_one, str(path), rel, fmt))
                if len(pending) >= window:
                    done, pending = wait(pending, return_when=FIRST_COMPLETED)
                    for fut in done:
                        record(fut.result())
                    if fail_fast and summary.failed:
                        raise _Stop
            while pending:
                done, pending = wait(pending, return_when=FIRST_COMPLETED)
                for fut in done:
                    record(fut.result())
                if fail_fast and summary.failed:
                    raise _Stop
        except (_Stop, KeyboardInterrupt) as exc:
            for fut in pending:
                fut.cancel()
            pool.shutdown(wait=False, cancel_futures=True)
            if isinstance(exc, KeyboardInterrupt):
                raise


class _Stop(Exception):
    """--fail-fast: stop submitting after the first failure."""


def _finish(out_dir: Path, fmt: str, entries: dict, jsonl_lines: dict[str, str], files: list[Path],
            in_dir: Path, summary: Summary, schema_version: str) -> None:
    if fmt == "jsonl" and jsonl_lines:
        order = [p.relative_to(in_dir).as_posix() for p in files]
        write_atomic(out_dir / JSONL, "".join(jsonl_lines[r] for r in order if r in jsonl_lines))
    manifest = {"ipplan": __version__, "schema": schema_version, "files": dict(sorted(entries.items()))}
    write_atomic(out_dir / MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=1) + "\n")
    summary.failures.sort()
    errors = "".join(json.dumps({"file": f, "error": e}, ensure_ascii=False) + "\n" for f, e in summary.failures)
    err_path = out_dir / ERRORS
    if errors:
        write_atomic(err_path, errors)
    elif err_path.exists():
        err_path.unlink()
