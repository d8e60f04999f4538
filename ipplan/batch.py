"""Batch conversion of a folder of notices: parallel, incremental, atomic, never stopped
by one bad file, one slow file or one dead worker. The CLI gathers options and renders
progress; this module does the work and reports through callbacks, so it prints nothing
itself. Worker processes and their budgets are ipplan.workers."""

from __future__ import annotations

import errno
import fnmatch
import hashlib
import json
import os
import signal
import stat
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ipplan import __version__
from ipplan.errors import IpplanError
from ipplan.fsutil import is_stale_temporary, kind_of, write_all, write_atomic

#: Input files picked up by default (content decides the format; these only select).
DEFAULT_SUFFIXES = (".txt", ".text", ".htm", ".html", ".docx", ".pdf", ".doc", ".wps", ".ofd")
MANIFEST = "_manifest.json"
#: Manifest lines appended while a run goes on (compacted into MANIFEST at its end), so a
#: run that is killed loses at most the files in flight.
JOURNAL = "_manifest.journal"
#: Held (flock) while a run writes into OUT_DIR: a second run into the same folder refuses.
LOCK = "_batch.lock"
ERRORS = "_errors.jsonl"
JSONL = "plans.jsonl"

#: Seconds one document may take in a worker before it is stopped (--timeout).
DEFAULT_TIMEOUT = 120.0
#: Memory one worker may add to its start-up size for a document (--max-memory).
DEFAULT_MAX_MEMORY = 1024**3
#: Seconds an interrupted run waits for the documents in flight before killing their workers.
STOP_GRACE = 5.0


@dataclass
class DocumentResult:
    rel: str
    status: str  # "parsed" | "failed" | "skipped"
    seconds: float = 0.0
    error: str | None = None
    sha256: str | None = None
    output: str | None = None  # serialized plan (parsed files only)
    sections: int = 0
    targets: int = 0
    units: int = 0
    notices: dict[str, int] = field(default_factory=dict)  # code → count (parsed files only)


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
    signal: int = 0  # the signal that stopped the run (SIGINT, SIGTERM, SIGHUP), 0 if none
    seconds: float = 0.0
    slowest: list[tuple[float, str]] = field(default_factory=list)
    failures: list[tuple[str, str]] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)  # the run's own problems (OUT_DIR not writable, …)
    notices: dict[str, int] = field(default_factory=dict)  # code → count over the files parsed
    misses: list[tuple[str, int]] = field(default_factory=list)  # (file, possible misses), in input order


def discover(in_dir: Path, pattern: str | None, unreadable: list[tuple[str, str]] | None = None) -> list[Path]:
    """Input files under ``in_dir``, recursively, sorted; hidden and ipplan's own ``_`` files
    excluded. Symlinked folders are not followed (no loops, no escaping IN_DIR). A folder
    that cannot be listed goes to ``unreadable`` as (its path relative to IN_DIR + "/", why)."""
    out = []

    def cannot_list(exc: OSError) -> None:
        if unreadable is not None and exc.filename is not None:
            rel = Path(exc.filename).relative_to(in_dir).as_posix()
            unreadable.append((f"{rel}/", f"cannot read the folder: {exc.strerror or exc}"))

    for root, dirs, names in os.walk(in_dir, onerror=cannot_list):
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
    return out_dir / Path(rel).with_suffix(_ext(fmt))


def _ext(fmt: str) -> str:
    return ".json" if fmt == "json" else ".yaml"


def output_names(rels: list[str], fmt: str) -> dict[str, str | None]:
    """Output path (relative to OUT_DIR) of each input. Inputs that would share one
    (n.txt and n.text, x.html and x.docx) keep their whole name instead (n.txt.yaml,
    n.text.yaml), whatever order they were found in; an input still sharing its output
    after that (n.txt beside n.txt.txt and n.text) gets None."""
    first = {rel: output_path(Path(), rel, fmt).as_posix() for rel in rels}
    count: dict[str, int] = {}
    for key in first.values():
        count[key] = count.get(key, 0) + 1
    names = {rel: key if count[key] == 1 else rel + _ext(fmt) for rel, key in first.items()}
    again: dict[str, int] = {}
    for key in names.values():
        again[key] = again.get(key, 0) + 1
    return {rel: key if again[key] == 1 else None for rel, key in names.items()}


def _count(plan: dict[str, Any]) -> tuple[int, int, int]:
    """Sections, targets and responsible units of plan data."""
    def walk(sections: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
        for s in sections:
            yield s
            yield from walk(s["children"])

    sections = list(walk(plan["sections"]))
    units = sum(len(s["units"]) for s in sections) + sum(len(t["units"]) for tb in plan["tables"] for t in tb["tasks"])
    return len(sections), len(plan["targets"]), units


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
    fmt: str = "yaml"
    encoding: str | None = None  # --encoding: the codec of text and HTML inputs
    # A row of a table of documents (ipplan.tablesource): its number, its document's bytes
    # (set just before the job is sent) and its metadata for source.record.
    row: int = 0
    data: bytes | None = None
    record: dict | None = None


def parse_one(path: str, rel: str, fmt: str, out: str | None = None, owned: bool = True,
              max_bytes: int | None = None, encoding: str | None = None, data: bytes | None = None,
              record: dict | None = None, row: int = 0) -> DocumentResult:
    """Worker: parse one file and, when ``out`` is given, write its plan atomically.
    Every expected failure becomes a DocumentResult; this never raises, except MemoryError,
    which the worker reports as the memory limit."""
    from ipplan import api, emit
    from ipplan.errors import IpplanError
    from ipplan.parse import readers
    from ipplan.parse.types import RawDocument

    start = time.perf_counter()
    where = f"row {row}: " if row else ""  # a table's row is named in its error
    try:
        if data is None:
            data = readers.read_path(path, max_bytes=max_bytes or readers.MAX_BYTES).data
        # The plan as data, written without pydantic (api.build_plan, schema/form.py).
        plan = api.build_plan(readers.decode(RawDocument(data=data, path=rel if not row else path), encoding))
        if record is not None:
            from ipplan.tablesource import with_record_data

            plan = with_record_data(plan, record)
        sha = plan["source"]["sha256"]  # of the input bytes, as decode computed it
        text = emit.to_jsonl(plan) if fmt == "jsonl" else emit.dump(plan, fmt)
        n_sec, n_tgt, n_unit = _count(plan)
        if out is not None:
            error = _write_output(Path(out), text, owned)
            if error:
                return DocumentResult(rel, "failed", time.perf_counter() - start, error)
            text = None  # written here: nothing to send back
        notices: dict[str, int] = {}
        for n in plan.get("notices", ()):
            notices[n["code"]] = notices.get(n["code"], 0) + 1
        return DocumentResult(rel, "parsed", time.perf_counter() - start, None, sha, text, n_sec, n_tgt, n_unit, notices)
    except IpplanError as exc:
        return DocumentResult(rel, "failed", time.perf_counter() - start, where + exc.message)
    except OSError as exc:
        return DocumentResult(rel, "failed", time.perf_counter() - start, f"{where}cannot read: {exc.strerror or exc}")
    except MemoryError:
        raise
    except Exception as exc:  # a parser bug: report it for this file, keep the batch going
        return DocumentResult(rel, "failed", time.perf_counter() - start,
                          f"{where}internal error: {type(exc).__name__}: {exc}")


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
        write_atomic(out, text, within=out.parent)
    except OSError as exc:
        return f"cannot write {out.name}: {exc.strerror or exc}"
    return None


def _run_job(job: Job) -> DocumentResult:
    """Worker entry point for one job."""
    return parse_one(job.path, job.rel, job.fmt, job.out, job.owned, job.max_bytes, job.encoding, job.data,
                     job.record, job.row)


#: A small notice that goes through every stage (outline, units, targets, both writers).
_WARM_TEXT = ("关于印发知识产权工作方案的通知\n一、总体目标\n到2025年，全市发明专利拥有量达到1000件。\n"
              "二、重点任务\n（一）加强保护。（牵头单位：市市场监管局，配合单位：市财政局）\n")


def _warm() -> None:
    """Worker start-up: import the parser and load its data before the first file, so
    per-file times (the summary's slowest files) do not include start-up."""
    from ipplan import api, emit
    from ipplan.parse import readers
    from ipplan.parse.types import RawDocument

    for data in (_WARM_TEXT.encode("utf-8"), _WARM_TEXT.encode("gb18030")):
        plan = api.build_plan(readers.decode(RawDocument(data=data, path="warm.txt")))
        emit.dump(plan, "yaml")
        emit.dump(plan, "json")
        emit.to_jsonl(plan)


# --- manifest -----------------------------------------------------------------------------

def _load_manifest(out_dir: Path, schema_version: str) -> dict[str, dict]:
    """Outputs earlier runs wrote, keyed by their path in OUT_DIR: {"input": rel, "sha256": …}:
    the compacted manifest, then the journal of a run that did not reach its end. After an
    ipplan or schema upgrade the hashes are dropped (everything is re-parsed) but the
    outputs stay ours to replace."""
    entries: dict[str, dict] = {}
    try:
        data = json.loads((out_dir / MANIFEST).read_text("utf-8"))
        files = data["outputs"]
        current = data.get("ipplan") == __version__ and data.get("schema") == schema_version
        if isinstance(files, dict):
            entries = {k: {"input": v.get("input"), "sha256": v.get("sha256") if current else None}
                       for k, v in files.items() if isinstance(k, str) and isinstance(v, dict)}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        pass
    try:
        with (out_dir / JOURNAL).open("rb") as fh:
            for line in fh:
                try:
                    e = json.loads(line)
                    current = e.get("ipplan") == __version__ and e.get("schema") == schema_version
                    entries[str(e["output"])] = {"input": e.get("input"), "sha256": e.get("sha256") if current else None}
                except (ValueError, KeyError, TypeError, AttributeError):
                    continue  # a line torn by a kill
    except OSError:
        pass
    return entries


class _Journal:
    """Appends manifest entries as results arrive; a write failure is reported once."""

    def __init__(self, out_dir: Path, schema_version: str, summary: Summary) -> None:
        self.path, self.schema, self.summary = out_dir / JOURNAL, schema_version, summary
        self.fd: int | None = None
        self.broken = False

    def add(self, output: str, entry: dict) -> None:
        if self.broken:
            return
        line = json.dumps({"output": output, **entry, "ipplan": __version__, "schema": self.schema},
                          ensure_ascii=False) + "\n"
        try:
            if self.fd is None:  # (a link planted in OUT_DIR is not followed)
                self.fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0),
                                  0o666)
            write_all(self.fd, line.encode("utf-8"))
        except OSError as exc:
            self.broken = True
            self.summary.errors.append(f"cannot write {self.path.name}: {exc.strerror or exc}")

    def close(self) -> None:
        if self.fd is not None:
            try:
                os.close(self.fd)
            except OSError:
                pass
            self.fd = None


# --- locking and signals ------------------------------------------------------------------

def _lock(out_dir: Path) -> Any:
    """Take OUT_DIR's lock, or raise a one-line error naming the run holding it. The lock
    is an flock: it goes away with its process, however that ends. A folder where the lock
    file cannot be created (read-only) is not locked: nothing can be written there."""
    try:
        import fcntl
    except ImportError:  # Windows: no lock
        return None
    path = out_dir / LOCK
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError:
        try:
            fd = os.open(path, os.O_RDONLY)
        except OSError:
            return None
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        try:
            holder = os.pread(fd, 32, 0).decode("ascii", "replace").strip()
        except OSError:
            holder = ""
        os.close(fd)
        raise IpplanError(f"another ipplan batch is writing into this folder{f' (pid {holder})' if holder else ''}; "
                          "wait for it to end, or give another OUT_DIR", str(out_dir)) from None
    try:
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
    except OSError:
        pass
    return fd


def _unlock(fd: Any) -> None:
    if fd is not None:
        os.close(fd)


class _Interrupted(KeyboardInterrupt):
    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


class _Signals:
    """SIGINT, SIGTERM and SIGHUP stop a run the same way (what Ctrl-C, `timeout` and CI
    cancellation send). While workers run, a signal only sets ``received`` and the loop
    stops at a safe point; elsewhere it raises. Main thread only (signals cannot be set
    from another)."""

    NAMES = ("SIGINT", "SIGTERM", "SIGHUP")

    def __init__(self) -> None:
        self.received = 0
        self.defer = False
        self.previous: dict[int, Any] = {}

    def __enter__(self) -> _Signals:
        if threading.current_thread() is threading.main_thread():
            for name in self.NAMES:
                sig = getattr(signal, name, None)
                if sig is not None:
                    self.previous[sig] = signal.signal(sig, self._handle)
        return self

    def _handle(self, signum: int, frame: Any) -> None:
        if self.received:
            return  # a second Ctrl-C does not cut the clean stop short
        self.received = signum
        if not self.defer:
            raise _Interrupted(signum)

    def __exit__(self, *exc: object) -> None:
        for sig, handler in self.previous.items():
            signal.signal(sig, handler)


# --- the run ------------------------------------------------------------------------------

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
    timeout: float | None = DEFAULT_TIMEOUT,
    max_memory: int | None = DEFAULT_MAX_MEMORY,
    encoding: str | None = None,
    table: Any = None,
    on_start: Callable[[int], None] = lambda total: None,
    on_result: Callable[[DocumentResult, Summary], None] = lambda r, s: None,
) -> Summary:
    """Convert every document under ``in_dir`` into ``out_dir``. See `ipplan batch --help`.
    Raises IpplanError (one line) when OUT_DIR cannot be created or another run holds it.
    ``in_dir`` may be a table of documents (JSONL, CSV, SQLite): see ipplan.batch_table."""
    from ipplan.schema.form import SCHEMA_VERSION  # no pydantic in a batch

    if table is not None or in_dir.is_file():
        from ipplan.batch_table import run_table

        return run_table(in_dir, out_dir, table, fmt=fmt, jobs=jobs, force=force, overwrite=overwrite,
                         fail_fast=fail_fast, max_bytes=max_bytes, timeout=timeout, max_memory=max_memory,
                         encoding=encoding, on_start=on_start, on_result=on_result)

    t0 = time.perf_counter()
    in_dir, out_dir = in_dir.resolve(), out_dir.resolve()
    unreadable: list[tuple[str, str]] = []  # folders that cannot be listed: one failure each
    files = [p for p in discover(in_dir, pattern, unreadable) if out_dir not in p.parents and p.parent != out_dir]
    unreadable = [(rel, why) for rel, why in unreadable
                  if not Path(os.path.realpath(in_dir / rel)).is_relative_to(out_dir)]
    summary = Summary(total=len(files) + len(unreadable))
    with _Signals() as signals:
        try:
            try:
                out_dir.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise IpplanError(f"cannot create the output folder: {exc.strerror or exc}", str(out_dir)) from None
            lock = _lock(out_dir)
        except KeyboardInterrupt as exc:  # stopped before anything started
            summary.interrupted, summary.signal = True, getattr(exc, "signum", signal.SIGINT)
            return summary
        try:
            _run_locked(in_dir, out_dir, files, summary, signals, fmt=fmt, jobs=jobs, force=force,
                        overwrite=overwrite, fail_fast=fail_fast, max_bytes=max_bytes, timeout=timeout,
                        max_memory=max_memory, on_start=on_start, on_result=on_result,
                        schema_version=SCHEMA_VERSION, encoding=encoding, unreadable=unreadable)
        except KeyboardInterrupt as exc:  # before the workers started (or from a callback)
            summary.interrupted = True
            summary.signal = getattr(exc, "signum", signals.received or signal.SIGINT)
        finally:
            signals.defer = True
            _unlock(lock)
        if signals.received:
            summary.interrupted, summary.signal = True, signals.received
    summary.seconds = time.perf_counter() - t0
    return summary


def _run_locked(in_dir: Path, out_dir: Path, files: list[Path], summary: Summary, signals: _Signals, *, fmt: str,
                jobs: int | None, force: bool, overwrite: bool, fail_fast: bool, max_bytes: int | None,
                timeout: float | None, max_memory: int | None, on_start: Callable[[int], None],
                on_result: Callable[[DocumentResult, Summary], None], schema_version: str,
                encoding: str | None = None,
                unreadable: tuple[tuple[str, str], ...] | list[tuple[str, str]] = ()) -> None:
    _remove_stale_temporaries(out_dir)
    entries = _load_manifest(out_dir, schema_version)  # output rel → {"input", "sha256"}
    journal = _Journal(out_dir, schema_version, summary)
    lines = _JsonlJournal(out_dir, summary, entries if fmt == "jsonl" else {})
    rels = [p.relative_to(in_dir).as_posix() for p in files]
    names = output_names(rels, fmt) if fmt != "jsonl" else {rel: _jsonl_key(rel) for rel in rels}
    halt = [False]  # --fail-fast

    def record(res: DocumentResult) -> None:
        key = names.get(res.rel)
        if res.status == "parsed":
            summary.parsed += 1
            summary.sections += res.sections
            summary.targets += res.targets
            summary.units += res.units
            _count_notices(summary, res)
            if key and (fmt != "jsonl" or lines.add(res.rel, res.output or "")):  # the plan first, then its entry
                entries[key] = {"input": res.rel, "sha256": res.sha256}
                journal.add(key, entries[key])
        elif res.status == "failed":
            summary.failed += 1
            summary.failures.append((res.rel, res.error or "failed"))
            if key and key in entries and entries[key]["sha256"]:  # still ours, no longer up to date
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
        on_start(summary.total)
        for rel, why in unreadable:
            record(DocumentResult(rel, "failed", error=why))
        for path, rel in zip(files, rels):
            if fmt != "jsonl" and names[rel] is None:
                record(DocumentResult(rel, "failed", error=f"its output name is also the output of "
                                                       f"{', '.join(_clashes(rel, rels, fmt))}; rename one of them"))
                continue
            key = names.get(rel)
            entry = entries.get(key) if key else None
            job, problem = _plan_job(path, rel, in_dir, out_dir, key if fmt != "jsonl" else None, fmt,
                                     overwrite or entry is not None, max_bytes, encoding)
            done = Path(job.out).exists() if job.out else rel in lines.lines
            if problem:
                record(DocumentResult(rel, "failed", error=problem))
            elif (not force and entry and entry["sha256"] and done
                  and entry["input"] == rel and entry["sha256"] == _sha_of(path)):
                summary.skipped += 1
                record(DocumentResult(rel, "skipped"))
            else:
                todo.append(job)
            if halt[0]:
                break
        if fmt == "jsonl":
            lines.start(keep={job.rel for job in todo}, order=rels)
        if todo and not halt[0]:
            _run_pool(todo, jobs or os.cpu_count() or 1, timeout, max_memory, signals, halt, record,
                      claim=lambda job: _claim(job, out_dir, entries, journal))
    finally:
        signals.defer = True  # the closing writes are not cut short
        journal.close()
        lines.close()
        _finish(out_dir, fmt, entries, lines.lines, rels, summary, schema_version, in_dir)


def _jsonl_key(rel: str) -> str:
    """The manifest key of an input's line in plans.jsonl (--format jsonl)."""
    return f"{JSONL}#{rel}"


class _JsonlJournal:
    """plans.jsonl as a journal (--format jsonl): each plan parsed is appended and flushed as
    it arrives, and its manifest entry (key ``plans.jsonl#INPUT``) journaled after it, so a
    killed run keeps every plan it finished and the re-run skips those. The lines of earlier
    runs that a current manifest entry vouches for (its input, with a SHA-256 of this ipplan
    version) are kept; the file is rewritten in input order at the end (the same bytes
    whatever the job count). Folder runs and table runs (batch_table) share it."""

    def __init__(self, out_dir: Path, summary: Summary, entries: dict[str, dict], prefix: str = "") -> None:
        """``prefix``: what a plan's source.path holds before its input's rel (a table run's
        rows are "TABLE#ID")."""
        self.out_dir, self.path, self.summary = out_dir, out_dir / JSONL, summary
        self.lines: dict[str, str] = {}  # input rel → its plan line (with its newline)
        self.fd: int | None = None
        self.broken = False
        if entries:
            self._load(entries, prefix)

    def _load(self, entries: dict[str, dict], prefix: str) -> None:
        try:
            fd = os.open(self.path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
        except OSError:
            return
        with os.fdopen(fd, "rb") as fh:
            if not stat.S_ISREG(os.fstat(fh.fileno()).st_mode):
                return
            for raw in fh:
                if not raw.endswith(b"\n"):
                    continue  # a line torn by a kill
                try:
                    rel = json.loads(raw)["source"]["path"]
                except (ValueError, KeyError, TypeError):
                    continue
                if not isinstance(rel, str) or not rel.startswith(prefix):
                    continue
                rel = rel[len(prefix):]
                entry = entries.get(_jsonl_key(rel))
                if entry and entry["sha256"] and entry["input"] == rel:  # (journaled after its line)
                    self.lines[rel] = raw.decode("utf-8")

    def start(self, keep: set[str], order: list[str]) -> None:
        """Before parsing: the file holds only the lines that stay (not those of the inputs in
        ``keep``, parsed again), so no input is in it twice."""
        inputs = set(order)
        self.lines = {rel: line for rel, line in self.lines.items() if rel in inputs and rel not in keep}
        if self.lines or self.path.exists():
            try:
                write_atomic(self.path, "".join(self.lines[r] for r in order if r in self.lines), within=self.out_dir)
            except OSError as exc:
                self._fail(exc)

    def add(self, rel: str, line: str) -> bool:
        """Append one plan; False when it could not be written (it is still kept in memory
        for the closing rewrite, but not journaled: a re-run parses it again)."""
        self.lines[rel] = line
        if self.broken:
            return False
        try:
            if self.fd is None:
                self.fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0),
                                  0o666)
            write_all(self.fd, line.encode("utf-8"))
            return True
        except OSError as exc:
            self._fail(exc)
            return False

    def _fail(self, exc: OSError) -> None:
        self.broken = True
        self.summary.errors.append(f"cannot write {JSONL}: {exc.strerror or exc}")

    def close(self) -> None:
        if self.fd is not None:
            try:
                os.close(self.fd)
            except OSError:
                pass
            self.fd = None


def _count_notices(summary: Summary, res: DocumentResult) -> None:
    """Add a parsed file's notices to the run's counts, and the file to the list of those
    with possible misses (N401, N402)."""
    from ipplan.parse.vocab.notices import MISS_CODES

    for code, n in res.notices.items():
        summary.notices[code] = summary.notices.get(code, 0) + n
    if misses := sum(res.notices.get(code, 0) for code in MISS_CODES):
        summary.misses.append((res.rel, misses))


def _clashes(rel: str, rels: list[str], fmt: str) -> list[str]:
    """The other inputs whose output name (short or whole) is one of ``rel``'s."""
    def keys(r: str) -> set[str]:
        return {output_path(Path(), r, fmt).as_posix(), r + _ext(fmt)}

    mine = keys(rel)
    return sorted(r for r in rels if r != rel and keys(r) & mine)


def _claim(job: Job, out_dir: Path, entries: dict[str, dict], journal: _Journal) -> None:
    """Before a worker writes an output that does not exist yet, record it as ours: if the
    run is killed midway, the next run may replace it (even after its input changed)."""
    if job.out is None or job.owned:
        return
    key = Path(job.out).relative_to(out_dir).as_posix()
    if key not in entries and not Path(job.out).exists():
        entries[key] = {"input": job.rel, "sha256": None}
        journal.add(key, entries[key])


def _run_pool(todo: list[Job], jobs: int, timeout: float | None, max_memory: int | None, signals: _Signals,
              halt: list[bool], record: Callable[[DocumentResult], None], claim: Callable[[Job], None],
              load: Callable[[list[Job]], list[Job]] | None = None) -> None:
    """Parse ``todo`` in worker processes. A stop (a signal, --fail-fast) lets the files in
    flight finish (within STOP_GRACE) and starts nothing new, so every output is complete."""
    from ipplan.workers import Lost, Pool

    # A few files per chunk: fewer round trips, while progress still moves often and the
    # last chunks still spread over the workers.
    size = max(1, min(8, len(todo) // (jobs * 16)))

    def chunks() -> Iterator[list[Job]]:
        for i in range(0, len(todo), size):
            chunk = todo[i : i + size]
            if load is not None:  # a table's rows get their documents only now (batch_table)
                chunk = load(chunk)
            for job in chunk:
                claim(job)
            yield chunk

    def on_result(job: Job, res: DocumentResult | Lost) -> None:
        if isinstance(res, Lost):
            res = DocumentResult(job.rel, "failed", error=f"row {job.row}: {res.reason}" if job.row else res.reason)
        record(res)

    pool: Pool[Job, DocumentResult] = Pool(min(jobs, len(todo)), _run_job, warm=_warm, timeout=timeout or None,
                                       max_memory=max_memory or None)
    signals.defer = True
    try:
        try:
            pool.run(chunks(), on_result, should_stop=lambda: bool(signals.received or halt[0]))
        except KeyboardInterrupt:  # raised by a caller's on_result
            signals.received = signals.received or signal.SIGINT
        if signals.received or halt[0]:
            try:
                pool.stop(on_result, STOP_GRACE)
            except KeyboardInterrupt:
                pass
    finally:
        pool.close()


def _remove_stale_temporaries(out_dir: Path) -> None:
    """Temporary files of writes killed midway (SIGKILL skips write_atomic's clean-up): only
    names write_atomic makes (".<name>.ipplan-<host>-<pid>-XXXXXXXX.tmp") whose writer is gone
    (fsutil.is_stale_temporary: a running `ipplan parse -o OUT_DIR/x.yaml` keeps its own),
    and never inside hidden folders such as .git."""
    for root, dirs, names in os.walk(out_dir):  # symlinked folders are not followed
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in names:
            if is_stale_temporary(name):
                try:
                    Path(root, name).unlink(missing_ok=True)
                except OSError:
                    pass  # a read-only folder: it stays, harmless


def _plan_job(path: Path, rel: str, in_dir: Path, out_dir: Path, key: str | None, fmt: str, owned: bool,
              max_bytes: int | None, encoding: str | None = None) -> tuple[Job, str | None]:
    """The job for one input, or the reason it must not run: an input that is not a
    regular file (a FIFO or a device would block or never end) or a symlink to a file
    outside IN_DIR, or an output that would land outside OUT_DIR (through a symlinked
    folder there) or on top of an input."""
    out = out_dir / key if key is not None else None
    job = Job(str(path), rel, str(out) if out else None, owned, max_bytes, fmt, encoding)
    try:
        if path.is_symlink():  # (realpath, not resolve: a loop of links must not raise)
            try:
                path.stat()
            except OSError as exc:
                if exc.errno == errno.ELOOP:
                    return job, "symbolic link loop (not followed)"
                if exc.errno == errno.ENOENT:
                    return job, "symbolic link to nothing (dangling; not read)"
                raise
            if not Path(os.path.realpath(path)).is_relative_to(in_dir):
                return job, "symlink to a file outside the input folder (not followed)"
        mode = path.stat().st_mode
        if not stat.S_ISREG(mode):
            return job, f"not a regular file ({kind_of(mode)}); not read"
        if out is not None:
            target = Path(os.path.realpath(out))
            if out_dir not in target.parents:
                return job, "output path leaves the output folder (symlink?); not written"
            if target == Path(os.path.realpath(path)) or target.exists() and target.samefile(path):
                return job, "output would overwrite the input"
            if target.exists() and not stat.S_ISREG(out_mode := target.stat().st_mode):
                return job, f"output path is {kind_of(out_mode)}, not a regular file; not written"
    except OSError as exc:
        return job, f"cannot read: {exc.strerror or exc}"
    return job, None


def _sha_of(path: Path) -> str | None:
    """SHA-256 of a regular file (None when it cannot be read: it is then parsed, and
    the worker reports the problem)."""
    h = hashlib.sha256()
    try:
        with path.open("rb") as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                h.update(chunk)
    except OSError:
        return None
    return h.hexdigest()


def _finish(out_dir: Path, fmt: str, entries: dict, jsonl_lines: dict[str, str], order: list[str],
            summary: Summary, schema_version: str, in_dir: Path | None = None) -> None:
    """The closing writes: plans.jsonl (in input order), the compacted manifest (which also
    records ``in_dir``, where `ipplan review` finds a plan's document), _errors.jsonl. Each that
    fails is reported in ``summary.errors`` and the others are still tried; files that
    would not change are not rewritten (a read-only, up-to-date OUT_DIR is fine)."""
    summary.failures.sort()

    def put(name: str, text: str) -> bool:
        path = out_dir / name
        try:
            if path.is_file() and path.read_bytes() == text.encode("utf-8"):
                return True
            write_atomic(path, text, within=out_dir)
            return True
        except OSError as exc:
            summary.errors.append(f"cannot write {name}: {exc.strerror or exc}")
            return False

    if fmt == "jsonl" and (jsonl_lines or (out_dir / JSONL).exists()):
        put(JSONL, "".join(jsonl_lines[r] for r in order if r in jsonl_lines))

    def written(key: str) -> bool:  # drop claims never written
        jsonl, _, rel = key.partition("#")
        return rel in jsonl_lines if jsonl == JSONL and rel else (out_dir / key).exists()

    live = {k: v for k, v in sorted(entries.items()) if written(k)}
    manifest = {"ipplan": __version__, "schema": schema_version, **({"input_dir": str(in_dir)} if in_dir else {}),
                "outputs": live}
    if put(MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=1) + "\n"):
        try:
            if (out_dir / JOURNAL).exists():
                (out_dir / JOURNAL).unlink()
        except OSError as exc:
            summary.errors.append(f"cannot remove {JOURNAL}: {exc.strerror or exc}")
    errors = "".join(json.dumps({"file": f, "error": e}, ensure_ascii=False) + "\n" for f, e in summary.failures)
    errors += "".join(json.dumps({"file": None, "error": e}, ensure_ascii=False) + "\n" for e in summary.errors)
    err_path = out_dir / ERRORS
    if errors:
        put(ERRORS, errors)
    elif err_path.exists():
        try:
            err_path.unlink()
        except OSError as exc:
            summary.errors.append(f"cannot remove {ERRORS}: {exc.strerror or exc}")
