"""Progress and summary for `ipplan batch`: a rich live bar on a terminal, plain periodic
lines otherwise. rich is imported only here, only for batch runs."""

from __future__ import annotations

import time
from pathlib import Path
from typing import IO, Any

from ipplan.batch import ERRORS, DocumentResult, Summary

#: Seconds between plain progress lines when stderr is not a terminal.
PLAIN_INTERVAL = 5.0
#: Documents with possible misses named in the summary (most misses first).
MISSES_SHOWN = 10


class PlainReporter:
    def __init__(self, stream: IO[str]) -> None:
        self.stream, self.total, self.done, self.last = stream, 0, 0, 0.0
        self.t0 = time.monotonic()

    def start(self, total: int) -> None:
        self.total = total
        print(f"ipplan batch: {total} files", file=self.stream, flush=True)

    def update(self, res: DocumentResult, summary: Summary) -> None:
        self.done += 1
        now = time.monotonic()
        if now - self.last >= PLAIN_INTERVAL or self.done == self.total:
            self.last = now
            rate = self.done / max(now - self.t0, 1e-9)
            print(f"  {self.done}/{self.total} files, {rate:.0f}/s, {summary.failed} failed",
                  file=self.stream, flush=True)

    def finish(self, summary: Summary, out_dir: Path) -> None:
        print(_summary_text(summary, out_dir), file=self.stream, flush=True)

    def abort(self) -> None:
        """The run ended before it started (an error is printed next)."""


class RichReporter(PlainReporter):
    def __init__(self, stream: IO[str], *, force_terminal: bool | None = None) -> None:
        super().__init__(stream)
        from rich.console import Console
        from rich.progress import (BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn,
                                   TimeRemainingColumn)

        self.console = Console(file=stream, force_terminal=force_terminal)
        self.progress = Progress(
            TextColumn("[bold]parsing"), BarColumn(), MofNCompleteColumn(),
            TextColumn("{task.fields[rate]:.0f}/s"), TextColumn("[red]{task.fields[failed]} failed"),
            TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn(), console=self.console, transient=False,
        )
        self.task: Any = None

    def start(self, total: int) -> None:
        self.progress.start()
        self.task = self.progress.add_task("parse", total=total, rate=0.0, failed=0)

    def update(self, res: DocumentResult, summary: Summary) -> None:
        if self.task is None:  # results reported before start (skipped files)
            self.done += 1
            return
        self.done += 1
        rate = self.done / max(time.monotonic() - self.t0, 1e-9)
        self.progress.update(self.task, completed=self.done, rate=rate, failed=summary.failed)

    def finish(self, summary: Summary, out_dir: Path) -> None:
        self.progress.stop()
        from rich.table import Table
        from rich.text import Text

        table = Table(title="ipplan batch", show_header=False)
        for label, value in _summary_rows(summary, out_dir):
            table.add_row(label, Text(value))  # file names and errors are data, never rich markup
        self.console.print(table)

    def abort(self) -> None:
        self.progress.stop()


def _summary_rows(s: Summary, out_dir: Path) -> list[tuple[str, str]]:
    rows = [
        ("files", f"{s.total}"), ("parsed", f"{s.parsed}"), ("failed", f"{s.failed}"), ("skipped (up to date)", f"{s.skipped}"),
        ("sections / targets / units", f"{s.sections} / {s.targets} / {s.units}"),
        ("time", f"{s.seconds:.1f} s" + (f" ({(s.parsed + s.failed) / s.seconds:.0f} files/s)" if s.seconds else "")),
    ]
    if s.notices:
        from ipplan.parse.vocab.notices import summary

        rows.append(("notices", summary([c for c, n in sorted(s.notices.items()) for _ in range(n)])))
    if s.misses:
        shown = ", ".join(f"{rel} ({n})" for rel, n in sorted(s.misses, key=lambda m: -m[1])[:MISSES_SHOWN])
        more = f", … {len(s.misses) - MISSES_SHOWN} more" if len(s.misses) > MISSES_SHOWN else ""
        rows.append(("possible misses", f"{len(s.misses)} document{'s' * (len(s.misses) > 1)} to check first (ipplan review): {shown}{more}"))
    if s.slowest:
        rows.append(("slowest", ", ".join(f"{rel} {sec * 1000:.0f} ms" for sec, rel in s.slowest[:3])))
    for rel, err in s.failures[:5]:
        rows.append(("failed", f"{rel}: {err}"))
    if len(s.failures) > 5:
        rows.append(("", f"… {len(s.failures) - 5} more in {out_dir / ERRORS}"))
    for err in s.errors:
        rows.append(("error", err))
    if s.interrupted:
        import signal

        try:
            name = f" by {signal.Signals(s.signal).name}" if s.signal else ""
        except ValueError:
            name = ""
        rows.append(("interrupted", f"stopped early{name}; finished outputs are complete and recorded, "
                                    "the rest was not written"))
    return rows


def _summary_text(s: Summary, out_dir: Path) -> str:
    return "\n".join(f"{label:>28}: {value}" if label else f"{'':>30}{value}" for label, value in _summary_rows(s, out_dir))


def make_reporter(stream: IO[str]) -> PlainReporter:
    return RichReporter(stream) if stream.isatty() else PlainReporter(stream)
