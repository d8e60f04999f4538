"""Worker processes for `ipplan batch`, each item under a time and memory budget.

concurrent.futures cannot do what a batch over untrusted files needs: it cannot stop one
task that runs too long, a worker that dies breaks the whole pool, and its workers outlive
a killed parent. Here every worker has its own pipe; the parent hands it a chunk of items
and gets one message back per item, so it always knows which item is in flight. An item
that runs past the time budget gets its worker killed and replaced; an item that runs out
of memory (an address-space limit in the worker) or whose worker dies (kill -9, the OOM
killer) fails alone, and the rest of its chunk goes to another worker. Workers die with
the parent (PR_SET_PDEATHSIG on Linux, a watchdog thread elsewhere), ignore the signals
the parent handles, and do not hold its stdout and stderr open.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from typing import Any, Generic, TypeVar

T = TypeVar("T")  # an item
R = TypeVar("R")  # its result

#: Seconds between checks of ``should_stop`` while waiting for workers.
STOP_POLL = 0.2
#: Exit code of a worker that retires itself after a MemoryError (its heap is suspect).
_RETIRED = 3
#: Messages worker → parent: ("ready",) once started, then ("ok", index, result) per item,
#: ("memory", index) before retiring, ("stopped",) when told to stop between items.


@dataclass
class Lost:
    """An item that produced no result: why (time or memory budget, or its worker died)."""

    reason: str


@dataclass
class _Worker(Generic[T]):
    proc: Any
    conn: Connection
    chunk: list[T] = field(default_factory=list)
    done: int = 0  # items of the chunk answered so far
    since: float = 0.0  # when the item in flight started (monotonic)
    ready: bool = False  # start-up done: only then does the time limit run
    stopping: bool = False

    @property
    def busy(self) -> bool:
        return self.done < len(self.chunk)


def describe_exit(code: int | None) -> str:
    """A worker's exit status in words."""
    if code is None:
        return "still running"
    if code < 0:
        try:
            name = signal.Signals(-code).name
        except ValueError:
            name = f"signal {-code}"
        return f"killed by {name}" + (": out of memory (the OOM killer), or killed by hand" if code == -9 else "")
    return f"exit code {code}"


class Pool(Generic[T, R]):
    """``jobs`` worker processes running ``target(item)`` after ``warm()``.

    Where workers are forked, ``warm()`` runs once in this process before the first worker
    starts, and every worker (a replacement too) inherits its imports and loaded data
    instead of paying for them again. ``timeout``: seconds one item may take (None: no
    limit). ``max_memory``: bytes of address space a worker may add after its start-up
    (None: no limit; Linux and macOS).
    """

    def __init__(self, jobs: int, target: Callable[[T], R], *, warm: Callable[[], None] | None = None,
                 timeout: float | None = None, max_memory: int | None = None) -> None:
        self.jobs, self.target, self.warm = jobs, target, warm
        self.timeout, self.max_memory = timeout, max_memory
        self.workers: list[_Worker[T]] = []
        self.requeued: deque[list[T]] = deque()
        self._ctx = multiprocessing.get_context("fork" if sys.platform != "win32" else "spawn")
        self._warm_here = warm is not None and self._ctx.get_start_method() == "fork"

    # --- life cycle ---------------------------------------------------------------------

    def _spawn(self) -> _Worker[T]:
        warm = self.warm
        if self._warm_here:  # once, before the first fork: the workers start warm
            self._warm_here = False
            try:
                warm()  # type: ignore[misc]
                self.warm = warm = None
            except Exception:  # noqa: BLE001 — warming is an optimization only: the workers try
                pass
        parent_end, child_end = self._ctx.Pipe(duplex=True)
        proc = self._ctx.Process(target=_worker_main, daemon=True,
                                 args=(child_end, os.getpid(), self.target, warm, self.max_memory))
        proc.start()
        child_end.close()
        w: _Worker[T] = _Worker(proc, parent_end)
        self.workers.append(w)
        return w

    def _retire(self, w: _Worker[T], *, kill: bool) -> None:
        if kill and w.proc.is_alive():
            os.kill(w.proc.pid, signal.SIGKILL)
        w.proc.join(5)
        w.conn.close()
        self.workers.remove(w)

    def close(self) -> None:
        """End every worker: idle ones are told to exit, the rest are killed."""
        for w in list(self.workers):
            if not w.busy:
                try:
                    w.conn.send(None)
                except OSError:
                    pass
        deadline = time.monotonic() + 2
        for w in list(self.workers):
            w.proc.join(max(0.0, deadline - time.monotonic()) if not w.busy else 0)
            self._retire(w, kill=True)

    # --- running ------------------------------------------------------------------------

    def run(self, chunks: Iterator[list[T]], on_result: Callable[[T, R | Lost], None],
            should_stop: Callable[[], bool] = lambda: False) -> None:
        """Hand out ``chunks`` and call ``on_result`` for every item, in the order results
        arrive. Returns when every item has a result, or as soon as ``should_stop()`` (polled
        at least every STOP_POLL seconds) is true. An exception raised by ``on_result``
        propagates. Call ``stop`` after an early return, and ``close`` in any case."""
        while not should_stop():
            idle = [w for w in self.workers if not w.busy]
            while True:
                chunk = self.requeued.popleft() if self.requeued else next(chunks, None)
                if chunk is None:
                    break
                if idle:
                    self._give(idle.pop(), chunk)
                elif len(self.workers) < self.jobs:
                    self._give(self._spawn(), chunk)
                else:
                    self.requeued.appendleft(chunk)
                    break
            if not any(w.busy for w in self.workers):
                if not self.requeued:
                    return
                continue
            self._wait(on_result, deadline=time.monotonic() + STOP_POLL)

    def stop(self, on_result: Callable[[T, R | Lost], None], grace: float) -> None:
        """After an interruption: let each busy worker finish the item it is on (within
        ``grace`` seconds) and report it; nothing new starts. Items not reached are
        simply not done (no result)."""
        self.requeued.clear()
        for w in self.workers:
            if w.busy:
                w.stopping = True
                try:
                    w.conn.send("stop")
                except OSError:
                    pass
        deadline = time.monotonic() + grace
        while any(w.busy for w in self.workers) and time.monotonic() < deadline:
            self._wait(on_result, deadline=deadline)

    def _give(self, w: _Worker[T], chunk: list[T]) -> None:
        w.chunk, w.done, w.since = chunk, 0, time.monotonic()
        try:
            w.conn.send(chunk)
        except OSError:  # it died while idle: the chunk goes to another worker
            self.requeued.appendleft(chunk)
            w.chunk = []
            self._retire(w, kill=True)

    def _wait(self, on_result: Callable[[T, R | Lost], None], deadline: float | None = None) -> None:
        busy = [w for w in self.workers if w.busy]
        now = time.monotonic()
        limits = [w.since + self.timeout for w in busy if self.timeout and w.ready and not w.stopping]
        if deadline is not None:
            limits.append(deadline)
        wait_for = max(0.0, min(limits) - now) if limits else None
        handles: list[Any] = [w.conn for w in busy] + [w.proc.sentinel for w in self.workers]
        ready = set(wait(handles, wait_for))
        for w in list(self.workers):
            if w.conn in ready or w.proc.sentinel in ready:
                self._read(w, on_result)
        now = time.monotonic()
        for w in [w for w in self.workers if w.busy and self.timeout and w.ready and not w.stopping]:
            if now - w.since > self.timeout:
                item = w.chunk[w.done]
                self._requeue_rest(w)
                self._retire(w, kill=True)
                on_result(item, Lost(f"took longer than {_seconds(self.timeout)} (the time limit per document; "
                                     "--timeout changes it)"))

    def _read(self, w: _Worker[T], on_result: Callable[[T, R | Lost], None]) -> None:
        """Every message the worker sent, then its death if it died."""
        dead = not w.proc.is_alive()  # first: whatever it sent before dying is in the pipe now
        while True:
            try:
                if not w.conn.poll():
                    break
                msg = w.conn.recv()
            except (EOFError, OSError):
                break
            if msg[0] == "ready":
                w.ready, w.since = True, time.monotonic()
            elif msg[0] == "ok":
                item, w.done, w.since = w.chunk[msg[1]], msg[1] + 1, time.monotonic()
                on_result(item, msg[2])
            elif msg[0] == "memory":
                item, w.done = w.chunk[msg[1]], msg[1] + 1
                limit = f"{self.max_memory / 2**20:,.0f} MB" if self.max_memory else "the available memory"
                on_result(item, Lost(f"needs more than {limit} of memory (the memory limit per document; "
                                     "--max-memory changes it)"))
            elif msg[0] == "stopped":
                w.chunk, w.done = [], 0
        if not dead:
            return
        w.proc.join(1)
        code = w.proc.exitcode
        if w.busy and not w.stopping:
            if code == _RETIRED:  # it retired after reporting a MemoryError: the rest was not started
                self.requeued.appendleft(w.chunk[w.done :])
                w.chunk = []
            else:
                item = w.chunk[w.done]
                self._requeue_rest(w)
                self._retire(w, kill=True)
                on_result(item, Lost(f"the worker process died ({describe_exit(code)})"))
                return
        w.chunk = []
        self._retire(w, kill=True)

    def _requeue_rest(self, w: _Worker[T]) -> None:
        rest = w.chunk[w.done + 1 :]
        if rest and not w.stopping:
            self.requeued.appendleft(rest)
        w.chunk, w.done = [], 0


def _seconds(s: float) -> str:
    return f"{s:g} s"


# --- the worker process -----------------------------------------------------------------

def _worker_main(conn: Connection, parent: int, target: Callable[[Any], Any], warm: Callable[[], None] | None,
                 max_memory: int | None) -> None:
    _die_with_parent(parent)
    for sig in (signal.SIGINT, signal.SIGTERM, getattr(signal, "SIGHUP", None)):
        if sig is not None:
            signal.signal(sig, signal.SIG_IGN)  # the parent decides when to stop
    _release_std_streams()
    if warm is not None:
        try:
            warm()
        except Exception:  # noqa: BLE001 — warming is an optimization only
            pass
    if max_memory:
        _limit_memory(max_memory)
    conn.send(("ready",))
    while True:
        try:
            chunk = conn.recv()
        except (EOFError, OSError):
            return
        if chunk is None:
            return
        if chunk == "stop":  # arrived after the last item of its chunk: nothing to stop
            continue
        for i, item in enumerate(chunk):
            out_of_memory = False
            try:
                result = target(item)
            except MemoryError:
                out_of_memory = True  # reported after the except block has freed the frames
            if out_of_memory:
                conn.send(("memory", i))
                os._exit(_RETIRED)
            conn.send(("ok", i, result))
            if i + 1 < len(chunk) and conn.poll():
                if conn.recv() is None:
                    return
                conn.send(("stopped",))
                break


def _die_with_parent(parent: int) -> None:
    """Exit when the parent process does, even in the middle of a long item."""
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(1, signal.SIGKILL, 0, 0, 0)  # PR_SET_PDEATHSIG
        except (OSError, AttributeError):
            pass
        else:
            if os.getppid() != parent:  # it died before prctl took effect
                os._exit(1)
            return

    def watch() -> None:  # elsewhere: polled (runs whenever the parse releases the GIL)
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, daemon=True).start()


def _release_std_streams() -> None:
    """Point stdin/stdout/stderr at /dev/null: a worker prints nothing, and must not keep
    `ipplan batch … | tee log` open."""
    try:
        null = os.open(os.devnull, os.O_RDWR)
        for fd in (0, 1, 2):
            os.dup2(null, fd)
        os.close(null)
    except OSError:
        pass


def _limit_memory(extra: int) -> None:
    """Cap the address space at what start-up left plus ``extra``: an allocation past it
    raises MemoryError in the worker instead of swapping the machine or waking the OOM killer."""
    try:
        import resource

        with open("/proc/self/statm") as fh:
            current = int(fh.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        limit = current + extra
        if hard != resource.RLIM_INFINITY:
            limit = min(limit, hard)
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    except (ImportError, OSError, ValueError):
        pass
