"""`ipplan batch TABLE -o OUT_DIR`: a table of documents (ipplan.tablesource) converted as a
folder is, with everything batch promises: the same lock, signals, worker pool and budgets,
atomic outputs, journal and manifest (keyed by each row's id and content hash), progress
callbacks, and `_errors.jsonl` naming the row. Each row's plan is OUT_DIR/<id>.yaml, its id
made a safe file name (tablesource.safe_name); rows whose names would clash keep a short
hash of their id, and a row repeating an earlier row's id fails, naming that row.

The table is read twice as a stream: once here to hash every row (what is up to date is
skipped), once while the pool runs, to hand each chunk of rows its documents, so the parent
holds only the rows in flight."""

from __future__ import annotations

import hashlib
import os
import signal
import time
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

from ipplan.batch import (
    DocumentResult,
    Job,
    Summary,
    _claim,
    _finish,
    _ext,
    _Journal,
    _jsonl_key,
    _JsonlJournal,
    _load_manifest,
    _lock,
    _remove_stale_temporaries,
    _run_pool,
    _Signals,
    _unlock,
)
from ipplan.errors import IpplanError
from ipplan.tablesource import Row, TableSpec, rows, safe_name


def run_table(table_path: Path, out_dir: Path, spec: TableSpec | None, *, fmt: str = "yaml", jobs: int | None = None,
              force: bool = False, overwrite: bool = False, fail_fast: bool = False, max_bytes: int | None = None,
              timeout: float | None = None, max_memory: int | None = None, encoding: str | None = None,
              on_start: Callable[[int], None] = lambda total: None,
              on_result: Callable[[DocumentResult, Summary], None] = lambda r, s: None) -> Summary:
    """Convert every row of ``table_path`` into ``out_dir`` (see run_batch)."""
    from ipplan.parse.readers import MAX_BYTES
    from ipplan.schema.form import SCHEMA_VERSION  # no pydantic in a batch

    t0 = time.perf_counter()
    spec = spec or TableSpec()
    table_path, out_dir = table_path.resolve(), out_dir.resolve()
    limit = max_bytes or MAX_BYTES
    summary = Summary()
    with _Signals() as signals:
        try:
            scanned = _scan(table_path, spec, limit)  # a table that cannot be read at all raises here
            summary.total = len(scanned)
            try:
                out_dir.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise IpplanError(f"cannot create the output folder: {exc.strerror or exc}", str(out_dir)) from None
            lock = _lock(out_dir)
        except KeyboardInterrupt as exc:
            summary.interrupted, summary.signal = True, getattr(exc, "signum", signal.SIGINT)
            return summary
        try:
            _run(table_path, out_dir, spec, scanned, summary, signals, fmt=fmt, jobs=jobs, force=force,
                 overwrite=overwrite, fail_fast=fail_fast, limit=limit, timeout=timeout, max_memory=max_memory,
                 encoding=encoding, on_start=on_start, on_result=on_result, schema_version=SCHEMA_VERSION)
        except KeyboardInterrupt as exc:
            summary.interrupted = True
            summary.signal = getattr(exc, "signum", signals.received or signal.SIGINT)
        finally:
            signals.defer = True
            _unlock(lock)
        if signals.received:
            summary.interrupted, summary.signal = True, signals.received
    summary.seconds = time.perf_counter() - t0
    return summary


class _Scanned:
    """What the first pass keeps of a row: no document, only its name and hash."""

    __slots__ = ("number", "rel", "sha", "error")

    def __init__(self, number: int, rel: str, sha: str | None, error: str | None) -> None:
        self.number, self.rel, self.sha, self.error = number, rel, sha, error


def _scan(path: Path, spec: TableSpec, limit: int) -> list[_Scanned]:
    """Each row's output name (its rel) and content hash; a repeated id fails its row."""
    found: list[tuple[Row, str]] = []
    for row in rows(path, spec, limit):
        sha = row.sha256() if row.error is None else None
        row.data = None  # not kept: the second pass reads it again
        found.append((row, sha or ""))
    names: dict[str, list[int]] = {}
    first_of: dict[str, int] = {}
    index: dict[int, int] = {}  # found row → its place in out
    out: list[_Scanned] = []
    for i, (row, sha) in enumerate(found):
        key = row.id if row.id is not None else f"row-{row.number}"
        error = row.error
        name = safe_name(key)
        if row.id is not None and row.id in first_of:  # never written: named by its row
            error = error or f"row {row.number}: its id {row.id[:80]!r} is also the id of row {first_of[row.id]}"
            out.append(_Scanned(row.number, f"{name}@row{row.number}", None, error))
            continue
        first_of[key] = row.number
        names.setdefault(name.lower(), []).append(i)
        index[i] = len(out)
        out.append(_Scanned(row.number, name, sha or None, error))
    for members in names.values():  # ids whose safe names clash keep a hash of their id
        if len(members) > 1:
            for i in members:
                row = found[i][0]
                key = row.id if row.id is not None else f"row-{row.number}"
                out[index[i]].rel += "~" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:8]
    return out


def _run(path: Path, out_dir: Path, spec: TableSpec, scanned: list[_Scanned], summary: Summary,
         signals: _Signals, *, fmt: str, jobs: int | None, force: bool, overwrite: bool, fail_fast: bool, limit: int,
         timeout: float | None, max_memory: int | None, encoding: str | None, on_start: Callable[[int], None],
         on_result: Callable[[DocumentResult, Summary], None], schema_version: str) -> None:
    _remove_stale_temporaries(out_dir)
    entries = _load_manifest(out_dir, schema_version)
    journal = _Journal(out_dir, schema_version, summary)
    lines = _JsonlJournal(out_dir, summary, entries if fmt == "jsonl" else {}, prefix=f"{path.name}#")
    halt = [False]
    key_of = {s.rel: s.rel + _ext(fmt) if fmt != "jsonl" else _jsonl_key(s.rel) for s in scanned}
    row_sha = {s.rel: s.sha for s in scanned}

    def record(res: DocumentResult) -> None:
        key = key_of.get(res.rel)
        if res.status == "parsed":
            summary.parsed += 1
            summary.sections += res.sections
            summary.targets += res.targets
            summary.units += res.units
            # The entry holds the row's hash (document and metadata), not the document's alone;
            # a jsonl line is appended (and flushed) before its entry is journaled.
            if key and (fmt != "jsonl" or lines.add(res.rel, res.output or "")):
                entries[key] = {"input": res.rel, "sha256": row_sha.get(res.rel)}
                journal.add(key, entries[key])
        elif res.status == "failed":
            summary.failed += 1
            summary.failures.append((res.rel, res.error or "failed"))
            if key and key in entries and entries[key]["sha256"]:
                entries[key]["sha256"] = None
                journal.add(key, entries[key])
            halt[0] = halt[0] or fail_fast
        if res.status == "parsed" or res.status == "failed" and res.seconds:
            summary.slowest.append((res.seconds, res.rel))
            summary.slowest = sorted(summary.slowest, reverse=True)[:5]
        res.output = None
        on_result(res, summary)

    todo: list[Job] = []
    try:
        on_start(len(scanned))
        for s in scanned:
            key = key_of.get(s.rel)
            entry = entries.get(key) if key else None
            out = out_dir / key if key and fmt != "jsonl" else None
            done = out.exists() if out is not None else s.rel in lines.lines
            if s.error:
                record(DocumentResult(s.rel, "failed", error=s.error))
            elif (not force and entry and entry["sha256"] and done
                  and entry["input"] == s.rel and entry["sha256"] == s.sha):
                summary.skipped += 1
                record(DocumentResult(s.rel, "skipped"))
            elif out is not None and out.is_symlink():
                record(DocumentResult(s.rel, "failed", error=f"row {s.number}: output path is a symlink; not written"))
            else:
                todo.append(Job(f"{path.name}#{s.rel}", s.rel, str(out) if out else None,
                                overwrite or entry is not None, limit, fmt, encoding, row=s.number))
            if halt[0]:
                break
        if fmt == "jsonl":
            lines.start(keep={job.rel for job in todo}, order=[s.rel for s in scanned])
        if todo and not halt[0]:
            _run_pool(todo, jobs or os.cpu_count() or 1, timeout, max_memory, signals, halt, record,
                      claim=lambda job: _claim(job, out_dir, entries, journal),
                      load=_loader(path, spec, limit))
    finally:
        signals.defer = True
        journal.close()
        lines.close()
        _finish(out_dir, fmt, entries, lines.lines, [s.rel for s in scanned], summary, schema_version)


def _loader(path: Path, spec: TableSpec, limit: int) -> Callable[[list[Job]], list[Job]]:
    """The second pass: hand each chunk of jobs (in table order) its rows' documents."""
    stream: Iterator[Row] = rows(path, spec, limit)

    def load(chunk: list[Job]) -> list[Job]:
        out = []
        for job in chunk:
            row = next((r for r in stream if r.number >= job.row), None)
            if row is None or row.number != job.row or row.data is None:
                out.append(replace(job, data=b""))  # the table changed under the run: an empty row
                continue
            out.append(replace(job, data=row.data, record=row.record))
        return out

    return load
