"""Batch conversion of a folder of notices: parallel, incremental, atomic, never stopped
by one bad file. The CLI gathers options and renders progress; this module does the work
and reports through callbacks, so it prints nothing itself."""

from __future__ import annotations

import fnmatch
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
from ipplan.fsutil import TMP_SUFFIX, write_atomic

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
    """Input files under ``in_dir``, recursively, sorted; hidden and ipplan's own ``_`` files
    excluded. Symlinked folders are not followed (no loops, no escaping IN_DIR)."""
    out = []
    for root, dirs, names in os.walk(in_dir):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in names:
            if name.startswith((".", "_")):
                continue
            path = Path(root, name)
            if (fnmatch.fnmatch(name, pattern) or fnmatch.fnmatch(path.relative_to(in_dir).as_posix(), pattern)
                    if pattern else path.suffix.lower() in DEFAULT_SUFFIXES):
                out.append(path)
    return sorted(out)


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


@dataclass(frozen=True)
class Job:
    """One input: where it is, its path relative to IN_DIR, and where its plan goes
    (None for jsonl, which the main process collects). ``owned`` is true when the output
    is ours to replace (recorded in the manifest, or --overwrite)."""

    path: str
    rel: str
    out: str | None
    owned: bool
    max_bytes: int | None = None


def parse_one(path: str, rel: str, fmt: str, out: str | None = None, owned: bool = True,
              max_bytes: int | None = None) -> FileResult:
    """Worker: parse one file and, when ``out`` is given, write its plan atomically.
    Every expected failure becomes a FileResult; this never raises."""
    from ipplan import api, emit
    from ipplan.errors import IpplanError
    from ipplan.parse import readers
    from ipplan.parse.types import RawDocument

    start = time.perf_counter()
    try:
        raw = readers.read_path(path, max_bytes=max_bytes or readers.MAX_BYTES)
        plan = api.build_plan(readers.decode(RawDocument(data=raw.data, path=rel)))
        sha = plan.source.sha256  # of the input bytes, as decode computed it
        text = plan.model_dump_json() + "\n" if fmt == "jsonl" else emit.dump(plan, fmt)
        n_sec, n_tgt, n_unit = _count(plan)
        if out is not None:
            error = _write_output(Path(out), text, owned)
            if error:
                return FileResult(rel, "failed", time.perf_counter() - start, error)
            text = None  # written here: nothing to send back
        return FileResult(rel, "parsed", time.perf_counter() - start, None, sha, text, n_sec, n_tgt, n_unit)
    except IpplanError as exc:
        return FileResult(rel, "failed", time.perf_counter() - start, exc.message)
    except OSError as exc:
        return FileResult(rel, "failed", time.perf_counter() - start, f"cannot read: {exc.strerror or exc}")
    except Exception as exc:  # a parser bug: report it for this file, keep the batch going
        return FileResult(rel, "failed", time.perf_counter() - start, f"internal error: {type(exc).__name__}: {exc}")


def _write_output(out: Path, text: str, owned: bool) -> str | None:
    """Write a plan unless that would replace a file ipplan did not write (a curated plan);
    the same bytes already there count as written (an earlier run that was cut short)."""
    if not owned and out.exists():
        try:
            same = out.read_bytes() == text.encode("utf-8")
        except OSError:
            same = False
        if same:
            return None
        return f"{out.name} already exists and was not written by ipplan batch (use --overwrite to replace it)"
    try:
        write_atomic(out, text)
    except OSError as exc:
        return f"cannot write {out.name}: {exc.strerror or exc}"
    return None


def parse_chunk(jobs: list[Job], fmt: str) -> list[FileResult]:
    """Worker entry point: several files per task keeps inter-process traffic small."""
    return [parse_one(j.path, j.rel, fmt, j.out, j.owned, j.max_bytes) for j in jobs]


def _load_manifest(out_dir: Path, schema_version: str) -> dict[str, dict]:
    """Outputs an earlier run wrote, keyed by their path in OUT_DIR: {"input": rel, "sha256": …}.
    After an ipplan or schema upgrade the hashes are dropped (everything is re-parsed) but the
    outputs stay ours to replace."""
    try:
        data = json.loads((out_dir / MANIFEST).read_text("utf-8"))
        files = data["outputs"]
        if not isinstance(files, dict):
            return {}
    except (OSError, ValueError, KeyError, TypeError):
        return {}
    current = data.get("ipplan") == __version__ and data.get("schema") == schema_version
    return {k: {"input": v.get("input"), "sha256": v.get("sha256") if current else None}
            for k, v in files.items() if isinstance(v, dict)}


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
    overwrite: bool = False,
    fail_fast: bool = False,
    max_bytes: int | None = None,
    on_start: Callable[[int], None] = lambda total: None,
    on_result: Callable[[FileResult, Summary], None] = lambda r, s: None,
) -> Summary:
    """Convert every document under ``in_dir`` into ``out_dir``. See `ipplan batch --help`."""
    from ipplan.schema import SCHEMA_VERSION

    t0 = time.perf_counter()
    in_dir, out_dir = in_dir.resolve(), out_dir.resolve()
    files = [p for p in discover(in_dir, pattern) if out_dir not in p.parents and p.parent != out_dir]
    summary = Summary(total=len(files))
    out_dir.mkdir(parents=True, exist_ok=True)
    _remove_stale_temporaries(out_dir)
    entries = _load_manifest(out_dir, SCHEMA_VERSION)  # output rel → {"input", "sha256"}
    jsonl_lines: dict[str, str] = {}

    def out_key(rel: str) -> str:
        return output_path(Path(), rel, fmt).as_posix()

    def record(res: FileResult) -> None:
        if res.status == "parsed":
            summary.parsed += 1
            summary.sections += res.sections
            summary.targets += res.targets
            summary.units += res.units
            if fmt == "jsonl":
                jsonl_lines[res.rel] = res.output or ""
            else:
                entries[out_key(res.rel)] = {"input": res.rel, "sha256": res.sha256}
        elif res.status == "failed":
            summary.failed += 1
            summary.failures.append((res.rel, res.error or "failed"))
            if fmt != "jsonl" and out_key(res.rel) in entries:  # still ours, no longer up to date
                entries[out_key(res.rel)]["sha256"] = None
        if res.status != "skipped":
            summary.slowest.append((res.seconds, res.rel))
            summary.slowest = sorted(summary.slowest, reverse=True)[:5]
        res.output = None
        on_result(res, summary)

    on_start(len(files))
    todo: list[Job] = []
    try:
        for path in files:
            rel = path.relative_to(in_dir).as_posix()
            entry = entries.get(out_key(rel)) if fmt != "jsonl" else None
            job, problem = _plan_job(path, rel, in_dir, out_dir, fmt, overwrite or entry is not None, max_bytes)
            if problem:
                record(FileResult(rel, "failed", error=problem))
            elif (not force and entry and entry["sha256"] and job.out and Path(job.out).exists()
                  and entry["input"] == rel and entry["sha256"] == _sha_of(path)):
                summary.skipped += 1
                record(FileResult(rel, "skipped"))
            else:
                todo.append(job)
        if fail_fast and summary.failed:
            raise _Stop
        n_jobs = jobs or os.cpu_count() or 1
        if n_jobs <= 1 or len(todo) <= 1:
            for job in todo:
                record(parse_one(job.path, job.rel, fmt, job.out, job.owned, job.max_bytes))
                if fail_fast and summary.failed:
                    break
        else:
            _run_pool(todo, fmt, n_jobs, fail_fast, summary, record)
    except _Stop:
        pass
    except KeyboardInterrupt:
        summary.interrupted = True
    finally:
        _finish(out_dir, fmt, entries, jsonl_lines, files, in_dir, summary, SCHEMA_VERSION)
        summary.seconds = time.perf_counter() - t0
    return summary


def _remove_stale_temporaries(out_dir: Path) -> None:
    """Temporary files of writes killed midway (SIGKILL skips write_atomic's clean-up)."""
    for root, dirs, names in os.walk(out_dir):  # symlinked folders are not followed
        for name in names:
            if name.startswith(".") and name.endswith(TMP_SUFFIX):
                Path(root, name).unlink(missing_ok=True)


def _plan_job(path: Path, rel: str, in_dir: Path, out_dir: Path, fmt: str, owned: bool,
              max_bytes: int | None) -> tuple[Job, str | None]:
    """The job for one input, or the reason it must not run: an input that is a symlink to
    a file outside IN_DIR, or an output that would land outside OUT_DIR (through a symlinked
    folder there) or on top of an input."""
    out = None if fmt == "jsonl" else output_path(out_dir, rel, fmt)
    job = Job(str(path), rel, str(out) if out else None, owned, max_bytes)
    if path.is_symlink() and in_dir not in path.resolve().parents:
        return job, "symlink to a file outside the input folder (not followed)"
    if out is not None:
        target = out.resolve()
        if out_dir not in target.parents:
            return job, "output path leaves the output folder (symlink?); not written"
        if target == path.resolve() or target.exists() and target.samefile(path):
            return job, "output would overwrite the input"
    return job, None


def _run_pool(todo: list[Job], fmt: str, jobs: int, fail_fast: bool, summary: Summary,
              record: Callable[[FileResult], None]) -> None:
    """Workers ignore Ctrl-C; the main process stops submitting, cancels what has not
    started and records the chunks already running (at most ``jobs`` × a few files), so
    an interrupted run stops within a fraction of a second with every output complete."""
    # A few files per task: fewer round trips, while progress still moves often and the
    # last tasks still spread over the workers.
    size = max(1, min(8, len(todo) // (jobs * 16)))
    chunks = [todo[i : i + size] for i in range(0, len(todo), size)]
    pending: set[Future[list[FileResult]]] = set()
    window = jobs * 4  # bounded queue: memory stays flat on 100,000 files
    pool = ProcessPoolExecutor(max_workers=jobs, initializer=_ignore_sigint)
    try:
        for chunk in chunks:
            pending.add(pool.submit(parse_chunk, chunk, fmt))
            if len(pending) >= window:
                pending = _collect(pending, record, fail_fast, summary)
        while pending:
            pending = _collect(pending, record, fail_fast, summary)
    except (_Stop, KeyboardInterrupt):
        for fut in pending:
            fut.cancel()
        _drain(pending, record)
        raise
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _ignore_sigint() -> None:
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _drain(pending: set[Future[list[FileResult]]], record: Callable[[FileResult], None]) -> None:
    """Record the chunks that were already running when the run was stopped."""
    import signal
    import threading

    main_thread = threading.current_thread() is threading.main_thread()
    # A second Ctrl-C must not cut this short (signals can only be set from the main thread).
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN) if main_thread else None
    try:
        for fut in pending:
            if not fut.cancelled():
                try:
                    results = fut.result()
                except Exception:  # a worker that died: its files count as not done
                    continue
                for res in results:
                    record(res)
    finally:
        if main_thread:
            signal.signal(signal.SIGINT, previous)


def _collect(pending: set[Future[list[FileResult]]], record: Callable[[FileResult], None], fail_fast: bool,
             summary: Summary) -> set[Future[list[FileResult]]]:
    done, pending = wait(pending, return_when=FIRST_COMPLETED)
    for fut in done:
        for res in fut.result():
            record(res)
    if fail_fast and summary.failed:
        raise _Stop
    return pending


class _Stop(Exception):
    """--fail-fast: stop submitting after the first failure."""


def _finish(out_dir: Path, fmt: str, entries: dict, jsonl_lines: dict[str, str], files: list[Path],
            in_dir: Path, summary: Summary, schema_version: str) -> None:
    if fmt == "jsonl" and jsonl_lines:
        order = [p.relative_to(in_dir).as_posix() for p in files]
        write_atomic(out_dir / JSONL, "".join(jsonl_lines[r] for r in order if r in jsonl_lines))
    manifest = {"ipplan": __version__, "schema": schema_version, "outputs": dict(sorted(entries.items()))}
    write_atomic(out_dir / MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=1) + "\n")
    summary.failures.sort()
    errors = "".join(json.dumps({"file": f, "error": e}, ensure_ascii=False) + "\n" for f, e in summary.failures)
    err_path = out_dir / ERRORS
    if errors:
        write_atomic(err_path, errors)
    elif err_path.exists():
        err_path.unlink()
