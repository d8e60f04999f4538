"""Command line: a thin click layer over ipplan.api. Heavy imports happen inside commands,
so `ipplan --version` stays fast."""

from __future__ import annotations

import errno
import os
import sys
from pathlib import Path

import click

from ipplan import __version__
from ipplan.fsutil import StreamError, check_stdout, silence_stdout, write_atomic


class ByteSize(click.ParamType):
    """A size such as 50MB, 512k or 1000000 (bytes); K/M/G are powers of 1024."""

    name = "size"
    _UNITS = {"": 1, "b": 1, "k": 1024, "kb": 1024, "m": 1024**2, "mb": 1024**2, "g": 1024**3, "gb": 1024**3}

    def convert(self, value, param, ctx):  # type: ignore[no-untyped-def]
        if isinstance(value, int):
            return value
        text = str(value).strip().lower()
        number = text.rstrip("kmgb")
        unit = text[len(number):]
        try:
            size = int(float(number) * self._UNITS[unit])
        except (ValueError, KeyError):
            self.fail(f"{value!r} is not a size (e.g. 50MB, 512k, 1000000)", param, ctx)
        if size <= 0:
            self.fail(f"{value!r} must be more than 0 bytes", param, ctx)
        return size


#: Largest input read by default (--max-size changes it).
DEFAULT_MAX_SIZE = "50MB"
_max_size = click.option("--max-size", type=ByteSize(), default=DEFAULT_MAX_SIZE, show_default=True,
                         help="Refuse inputs larger than this (e.g. 200MB).")


def _fail(message: str, code: int = 1) -> None:
    click.echo(f"ipplan: error: {message}", err=True)
    sys.exit(code)


def _check_folder(out: str) -> None:
    """-o into a folder that does not exist is a mistake to report, not to create."""
    parent = Path(out).parent
    if not parent.is_dir():
        _fail(f"{out}: cannot write: {'no such folder' if not parent.exists() else 'not a folder'}: {parent}")


def _fail_on(exc: Exception, file: str) -> None:
    """A read or parse error of FILE as one line (``-`` is standard input)."""
    if getattr(exc, "path", None) is None:
        exc.path = "<stdin>" if file == "-" else file  # type: ignore[attr-defined]
    _fail(str(exc))


def _check_encoding(encoding: str | None) -> None:
    """An unknown --encoding is a usage error, before anything is read."""
    if encoding is not None:
        import codecs

        try:
            codecs.lookup(encoding)
        except LookupError:
            _fail(f"--encoding: unknown encoding {encoding!r} (e.g. gb18030, big5, utf-16)", 2)


def _output(text: str, out: str | None) -> None:
    """TEXT to standard output (checked: see _Main) or to the file OUT (fsutil.write_atomic:
    atomic for a regular file; a device or FIFO is written into)."""
    if out is None or out == "-":
        sys.stdout.flush()
        sys.stdout.buffer.write(text.encode("utf-8"))
        sys.stdout.flush()
    else:
        _check_folder(out)
        try:
            write_atomic(Path(out), text)
        except OSError as exc:
            _fail(f"{out}: cannot write: {exc.strerror or exc}")


class _Main(click.Group):
    """The command group, with every write to standard output checked: a full disk, an I/O
    error or a short write ends with one line and exit 1; a closed pipe (`| head`) ends
    quietly with 141 (128 + SIGPIPE), as Unix tools do."""

    def main(self, *args, **kwargs):  # type: ignore[no-untyped-def, override]
        check_stdout()
        try:
            try:
                return super().main(*args, **kwargs)
            finally:
                sys.stdout.flush()  # (--help and --version print before invoke)
        except StreamError as exc:
            _stdout_failed(exc)

    def invoke(self, ctx: click.Context):  # type: ignore[no-untyped-def]
        # the command line, for the one line a bug ends with (click keeps the command's name apart)
        protected = ctx._protected_args if hasattr(ctx, "_protected_args") else ctx.protected_args
        argv = [*protected, *ctx.args]
        try:
            try:
                return super().invoke(ctx)
            finally:
                sys.stdout.flush()  # (also when the command ends with sys.exit)
        except StreamError as exc:  # (here, before click turns EPIPE into exit 1)
            _stdout_failed(exc)
        except (click.exceptions.ClickException, click.exceptions.Exit, click.exceptions.Abort):
            raise
        except Exception as exc:  # a bug in ipplan: one line, exit 70 (EX_SOFTWARE), no traceback
            if os.environ.get("IPPLAN_DEBUG"):
                raise
            where = " ".join(a for a in argv if not a.startswith("-"))[:200]
            click.echo(f"ipplan: internal error ({type(exc).__name__}: {str(exc)[:120]}) in `ipplan {where}`; "
                       "this is a bug: please report it with the document (IPPLAN_DEBUG=1 shows the traceback)",
                       err=True)
            sys.exit(70)


def _stdout_failed(exc: StreamError) -> None:
    silence_stdout()  # what is still buffered goes nowhere, quietly
    if exc.errno == errno.EPIPE:
        sys.exit(141)
    _fail(f"<stdout>: cannot write: {exc.strerror or exc}")


@click.group(cls=_Main, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "-V", "--version", prog_name="ipplan", message="%(prog)s %(version)s")
def main() -> None:
    """Parse Chinese IP policy plans (工作方案, 推进计划, 行动计划) into structured YAML/JSON."""


@main.command()
@click.argument("file", metavar="FILE")
@click.option("-o", "--output", "out", metavar="OUT", help="Write the plan here instead of stdout.")
@click.option("-f", "--format", "fmt", type=click.Choice(["yaml", "json"]), default="yaml", show_default=True)
@click.option("--encoding", metavar="ENC", help="Decode the input with ENC instead of detecting it.")
@_max_size
def parse(file: str, out: str | None, fmt: str, encoding: str | None, max_size: int) -> None:
    """Parse one document (FILE, or - for stdin) into a plan.

    The plan is written in the schema's form; every plan ipplan writes passes `ipplan validate`.
    """
    from ipplan import api, emit
    from ipplan.errors import IpplanError

    _check_encoding(encoding)
    if out is not None and out != "-":
        _check_folder(out)  # before the parse: a mistyped -o fails at once
    try:
        plan = api.parse_file_data(file, encoding=encoding, max_bytes=max_size)  # data: no pydantic on this path
    except IpplanError as exc:
        _fail_on(exc, file)
    _output(emit.dump(plan, fmt), out)
    if plan.get("notices"):  # what the parser doubts, on stderr; the exit code stays 0
        from ipplan.parse.vocab.notices import summary

        where = "<stdin>" if file == "-" else file
        click.echo(f"ipplan: {where}: {summary([n['code'] for n in plan['notices']])}", err=True)


@main.command()
def notices() -> None:
    """List the notice codes a plan may carry (layout repairs report under their LR rule codes)."""
    from ipplan.parse.repair import REPAIR_RULES
    from ipplan.parse.vocab.notices import NOTICE_KINDS

    rows = [(k.code, k.name, k.summary) for k in NOTICE_KINDS]
    rows += [(r.code, "layout-repair", r.summary) for r in sorted(REPAIR_RULES, key=lambda r: r.code)]
    for code, name, text in rows:
        click.echo(f"{code}  {name:<30} {text}")


@main.command()
@click.argument("file", metavar="FILE")
@click.option("--encoding", metavar="ENC", help="Decode the input with ENC instead of detecting it.")
@click.option("--plain", is_flag=True, help="Print the lines without their numbers.")
@_max_size
def text(file: str, encoding: str | None, plain: bool, max_size: int) -> None:
    """Print the text ipplan's rules work on, one numbered line per line.

    This is the document after reading, chrome removal, layout repair and script
    conversion. Every `line` in a plan refers to these numbers.
    """
    from ipplan import api
    from ipplan.errors import IpplanError

    _check_encoding(encoding)

    try:
        lines = api.text_file(file, encoding=encoding, max_bytes=max_size)
    except IpplanError as exc:
        _fail_on(exc, file)
    width = len(str(len(lines)))
    out = "".join(f"{line}\n" if plain else f"{no:>{width}}  {line}\n" for no, line in lines)
    _output(out, None)


@main.command()
@click.argument("in_dir", metavar="IN_DIR|TABLE", type=click.Path(exists=True, path_type=Path))
@click.option("-o", "--output", "out_dir", metavar="OUT_DIR", required=True,
              type=click.Path(file_okay=False, path_type=Path), help="Folder for the plans (mirrors IN_DIR).")
@click.option("-f", "--format", "fmt", type=click.Choice(["yaml", "json", "jsonl"]), default="yaml", show_default=True,
              help="jsonl writes one file, OUT_DIR/plans.jsonl, with one plan per line.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None, help="Worker processes [default: cores].")
@click.option("--glob", "pattern", metavar="PATTERN", help="Only files matching PATTERN (e.g. '*.txt'), recursively.")
@click.option("--force", is_flag=True, help="Re-parse files whose output is up to date.")
@click.option("--overwrite", is_flag=True,
              help="Replace existing files in OUT_DIR that ipplan did not write (e.g. curated plans).")
@click.option("--fail-fast", is_flag=True, help="Stop at the first file that fails.")
@click.option("--encoding", metavar="ENC", help="Decode text and HTML inputs with ENC instead of detecting it.")
@_max_size
@click.option("--timeout", type=click.FloatRange(min=0), default=120.0, show_default=True, metavar="SECONDS",
              help="Stop a document that takes longer (it fails; 0: no limit).")
@click.option("--max-memory", type=ByteSize(), default="1GB", show_default=True,
              help="Stop a document that needs more memory than this, per worker.")
@click.option("--text-column", metavar="COL", help="TABLE: the column holding each document [default: text, html or content].")
@click.option("--id-column", metavar="COL", help="TABLE: the column naming each output [default: id, else url].")
@click.option("--table", "sql_table", metavar="NAME", help="SQLite TABLE: the table of documents.")
@click.option("--query", "sql_query", metavar="SQL", help="SQLite TABLE: a SELECT giving the rows.")
def batch(in_dir: Path, out_dir: Path, fmt: str, jobs: int | None, pattern: str | None, force: bool,
          overwrite: bool, fail_fast: bool, encoding: str | None, max_size: int, timeout: float,
          max_memory: int, text_column: str | None, id_column: str | None, sql_table: str | None,
          sql_query: str | None) -> None:
    """Convert every document under IN_DIR (or every row of TABLE) into OUT_DIR.

    Outputs are written atomically; a re-run skips inputs whose output is up to date.
    Existing files ipplan did not write are never replaced without --overwrite.
    Each document runs in a worker under --timeout and --max-memory; one that exceeds
    them, or whose worker dies, fails alone. Failures go to OUT_DIR/_errors.jsonl.
    Exit code 0 when all parsed, 1 when some failed or OUT_DIR could not be written,
    130/143/129 when stopped by SIGINT (Ctrl-C)/SIGTERM/SIGHUP.

    TABLE (a .jsonl, .csv or SQLite file) holds one document per row: each row's plan is
    OUT_DIR/<id>.yaml, its metadata columns (title, date, 文号, url) in source.record.
    """
    from ipplan.batch import run_batch
    from ipplan.errors import IpplanError
    from ipplan.progress import make_reporter

    _check_encoding(encoding)
    spec = None
    if in_dir.is_file():
        from ipplan.tablesource import TableSpec, is_table

        if not is_table(in_dir):
            _fail(f"{in_dir}: not a folder or a table of documents (.jsonl, .csv, .sqlite)", 2)
        if pattern:
            _fail("--glob is for a folder, not a TABLE (choose rows with --query)", 2)
        spec = TableSpec(text_column, id_column, sql_table, sql_query)
    elif text_column or id_column or sql_table or sql_query:
        _fail("--text-column, --id-column, --table and --query are for a TABLE input, not a folder", 2)
    reporter = make_reporter(sys.stderr)

    def update(res, summary) -> None:  # type: ignore[no-untyped-def]
        try:
            reporter.update(res, summary)
        except OSError:  # stderr went away (`| tee` killed): the run goes on
            pass

    try:
        summary = run_batch(in_dir, out_dir, fmt=fmt, jobs=jobs, pattern=pattern, force=force, overwrite=overwrite,
                            fail_fast=fail_fast, max_bytes=max_size, timeout=timeout or None, max_memory=max_memory,
                            encoding=encoding, table=spec, on_start=reporter.start, on_result=update)
    except IpplanError as exc:
        reporter.abort()
        _fail(str(exc), exc.exit_code)
    try:
        reporter.finish(summary, out_dir)
    except OSError:  # stderr closed or full: the exit code still tells
        pass
    if summary.interrupted:
        sys.exit(128 + (summary.signal or 2))
    sys.exit(1 if summary.failed or summary.errors else 0)


@main.command()
@click.argument("paths", nargs=-1, metavar="PATH...")
@click.option("-f", "--format", "fmt", type=click.Choice(["text", "json", "github"]), default="text",
              show_default=True, help="github: GitHub Actions annotations.")
@click.option("--ignore", multiple=True, metavar="CODE", help="Skip a rule (code or name; repeat or comma-separate).")
@click.option("--max-bytes", type=click.IntRange(min=1), default=None, metavar="N",
              help="Refuse files larger than N bytes [default: 10485760].")
@click.option("--against", type=click.Path(exists=True, file_okay=False, path_type=Path), metavar="SOURCE_DIR",
              help="Re-parse each plan's source document under SOURCE_DIR and report the differences.")
@click.option("--fail-on-diff", is_flag=True, help="With --against: differences make the exit code 1.")
@click.option("--list-rules", is_flag=True, help="List the rule codes and exit.")
def validate(paths: tuple[str, ...], fmt: str, ignore: tuple[str, ...], max_bytes: int | None,
             against: Path | None, fail_on_diff: bool, list_rules: bool) -> None:
    """Check curated plan files (YAML or JSON) against the plan schema and rules.

    PATH may be a file, a folder (searched for *.yaml, *.yml, *.json) or a glob.
    Exit code 0 when all are valid, 1 when some are not, 2 for usage errors and
    files that cannot be read (missing, too large, not UTF-8).
    """
    from ipplan.errors import UsageError
    from ipplan.validate import check, report

    if list_rules:
        _output("".join(f"{code}  {name:<24} {severity:<8} {summary}\n"
                        for code, name, severity, summary in check.rule_table()), None)
        return
    if not paths:
        raise click.UsageError("give at least one PATH (a plan file, folder or glob)")
    try:
        options = check.Options(ignore=check.parse_ignore(ignore), against=against,
                                **({"max_bytes": max_bytes} if max_bytes else {}))
        files = check.discover(paths)
    except UsageError as exc:
        _fail(str(exc), exc.exit_code)
    results = check.check_paths(files, options)
    if fmt == "json":
        _output(report.render_json(results), None)
    elif fmt == "github":
        _output(report.render_github(results), None)
    elif sys.stdout.isatty():
        report.print_rich(results, sys.stdout, sys.stderr)
    else:
        out, err = report.render_text(results)
        click.echo(err, err=True, nl=False)
        _output(out, None)
    sys.exit(check.exit_code(results, fail_on_diff=fail_on_diff))


@main.command()
@click.option("-o", "--output", "out", metavar="OUT", help="Write the JSON Schema here instead of stdout.")
def schema(out: str | None) -> None:
    """Print the JSON Schema of the plan (schema version 1)."""
    import json

    from ipplan.schema.jsonschema import plan_json_schema

    _output(json.dumps(plan_json_schema(), ensure_ascii=False, indent=2) + "\n", out)


# --- views for analysts (ipplan/views): heavy imports inside each command ----------------

_PATHS = click.argument("paths", metavar="PATH...", nargs=-1, required=True)
_FORMAT = click.option("-f", "--format", "fmt", type=click.Choice(["csv", "xlsx", "parquet"]),
                       help="Output format [default: from the -o suffix; csv for -o -].")


def _load(paths: tuple[str, ...]):  # type: ignore[no-untyped-def]
    """Plans from plan files, documents and folders (one plan per document in a folder, said
    on stderr when a folder held several); a bad input ends with a one-line error."""
    from ipplan.errors import IpplanError
    from ipplan.views.load import load

    try:
        loaded = load(paths)
    except IpplanError as exc:
        _fail(str(exc))
    if note := loaded.note():
        click.echo(f"ipplan: {note}", err=True)
    return loaded


def _format(out: str, fmt: str | None, formats: tuple[str, ...]) -> str:
    """The output format of -o OUT: --format, else the suffix; an unknown suffix is refused."""
    from ipplan.views import export

    try:
        return export.format_for(out, fmt, formats)
    except ValueError as exc:
        _fail(str(exc), 2)
    return ""  # pragma: no cover (unreachable)


def _write_rows(rows, out: str, fmt: str | None, sheet: str) -> None:
    from ipplan.errors import IpplanError
    from ipplan.fsutil import write_bytes_atomic
    from ipplan.views import export

    fmt = _format(out, fmt, export.FORMATS)
    if out != "-":
        _check_folder(out)
    try:
        if out == "-":
            if fmt != "csv":
                _fail(f"{fmt} cannot be written to stdout: give -o FILE")
            sys.stdout.flush()
            sys.stdout.buffer.write(export.to_bytes(rows, "csv", bom=False))
            sys.stdout.flush()
        else:
            write_bytes_atomic(Path(out), export.to_bytes(rows, fmt, sheet=sheet))
    except IpplanError as exc:
        _fail(str(exc))
    except StreamError:
        raise  # standard output: _Main reports it
    except OSError as exc:
        _fail(f"{out}: cannot write: {exc.strerror or exc}")


def _note_unknown(plans: list, paths: tuple[str, ...]) -> None:
    from ipplan.views.rows import unknown_targets

    n, total = len(unknown_targets(plans)), sum(len(p.targets) for p in plans)
    if n:
        args = " ".join(paths) if len(paths) <= 3 else "PATH..."
        click.echo(f"ipplan: {n} of {total} targets have no canonical indicator "
                   f"(list them: ipplan indicators --unknown {args})", err=True)


@main.command()
@click.argument("paths", metavar="PLAN_OR_DOCUMENT_OR_FOLDER...", nargs=-1, required=True)
def show(paths: tuple[str, ...]) -> None:
    """Show plans in the terminal, one after the other.

    For each plan: a metadata panel (with its lead units and notices), the outline as a
    tree with unit and target counts, the responsible units of each section (leads
    first), and the targets table. Each argument is a plan file (.yaml/.json/.jsonl), a
    document (parsed), or a folder: every plan in it, one per document (its plan files,
    recursively, else its documents). For a folder's overview, use `ipplan report`.
    """
    from rich.console import Console

    from ipplan.views.show import print_plans

    print_plans(_load(paths).plans, Console())


@main.command()
@_PATHS
@click.option("-w", "--what", type=click.Choice(["targets", "tasks", "units", "sections"]), default="targets",
              show_default=True, help="One row per target, table task, responsible unit or section "
                                      "(a .sqlite database holds them all).")
@click.option("-f", "--format", "fmt", type=click.Choice(["csv", "xlsx", "parquet", "sqlite"]),
              help="Output format [default: from the -o suffix; csv for -o -].")
@click.option("-o", "--output", "out", metavar="FILE", required=True,
              help="Output file: .csv, .xlsx, .parquet, .sqlite (or .db); - for CSV on stdout.")
def export(paths: tuple[str, ...], what: str, fmt: str | None, out: str) -> None:
    """Export the plans' rows to CSV, XLSX, Parquet or one SQLite database.

    PATH is a plan file, a document (parsed) or a folder (its plan files, one per
    document, else its documents). Every row carries the plan's label, region and level,
    title, 文号, issuer, issue date, period and source, and the section id/title. CSV is
    UTF-8 with a BOM (Excel reads Chinese correctly); XLSX needs ipplan[xlsx], Parquet
    ipplan[parquet]. `-o plans.sqlite` writes every table at once (plans, sections,
    targets, units, tasks, notices), keyed by plan and section, for SQL or DuckDB.
    """
    from ipplan.views import export as ex
    from ipplan.views import rows

    fmt = _format(out, fmt, ex.FORMATS + ex.DATABASES)
    loaded = _load(paths)
    if fmt == "sqlite":
        from ipplan.views import database

        if out == "-":
            _fail("sqlite cannot be written to stdout: give -o FILE", 2)
        _check_folder(out)
        try:
            database.write(loaded.plans, loaded.files, Path(out))
        except OSError as exc:
            _fail(f"{out}: cannot write: {exc.strerror or exc}")
    else:
        _write_rows(rows.build(loaded.plans, what), out, fmt, sheet=what)
    if what == "targets" or fmt == "sqlite":
        _note_unknown(loaded.plans, paths)


@main.command()
@_PATHS
@_FORMAT
@click.option("-o", "--output", "out", metavar="FILE", help="Write the matrix to FILE instead of printing it.")
def compare(paths: tuple[str, ...], fmt: str | None, out: str | None) -> None:
    """Canonical indicators × plans.

    Each cell is the plan's target due latest for that indicator (value, unit, year;
    累计 cumulative, /年 annual). Printed as a table when the plans fit the terminal as
    columns, else one row per indicator and plan with each indicator's plans by value;
    written with -o like `ipplan export` (value, value_max, op, unit, kind and year
    columns per plan).
    """
    from ipplan.views import compare as cmp

    plans = _load(paths).plans
    matrix = cmp.build(plans)
    if out:
        _write_rows(cmp.matrix_rows(matrix), out, fmt, sheet="compare")
    else:
        from rich.console import Console

        from ipplan.views.show import matrix_table

        console = Console()
        console.print(matrix_table(matrix, console.width))
    _note_unknown(plans, paths)


@main.command()
@_PATHS
@click.option("-o", "--output", "out", metavar="FILE", required=True, help="The HTML file to write.")
@click.option("--title", default="ipplan report", show_default=True, help="Page title.")
def report(paths: tuple[str, ...], out: str, title: str) -> None:
    """Write a self-contained HTML report of 1 to thousands of plans.

    One page: a table of the plans (region, level, period, 文号, issuer, counts,
    notices); per canonical indicator, the plans that set it ranked by value; targets by
    year; a comparison matrix of the indicators set by two plans or more; targets
    without a canonical indicator; and each plan's metadata, responsible units, targets
    and outline. Inline CSS and SVG, no script: it opens from disk without a server or
    network access.
    """
    from ipplan.views.report import render

    loaded = _load(paths)
    _output(render(loaded.plans, title, files=loaded.files), out)


@main.command()
@click.argument("path", metavar="DOCUMENT_OR_PLAN")
@click.option("-o", "--output", "out", metavar="FILE", required=True, help="The HTML file to write (- for stdout).")
@click.option("--source", metavar="DOCUMENT", help="For a plan file: its document, instead of source.path.")
@click.option("--against", metavar="SOURCE_DIR",
              help="For a plan file: find its document under SOURCE_DIR, as `ipplan validate --against` does.")
@click.option("--encoding", metavar="ENC", help="Decode the document with ENC instead of detecting it.")
@_max_size
def review(path: str, out: str, source: str | None, against: str | None, encoding: str | None,
           max_size: int) -> None:
    """Write a review page: the document's text with every extracted item marked in place.

    Each line as `ipplan text` numbers it, with section headings, targets, responsible
    units and meta fields marked, every notice in the margin and a summary at the top.
    DOCUMENT_OR_PLAN is a document (parsed) or a plan file, whose document is found beside
    it (source.path inside the plan file's folder, or its file name or the plan's stem
    there) or through the manifest of the `ipplan batch` run that wrote it; --against
    SOURCE_DIR looks under that folder as `ipplan validate --against` does; --source names
    the document. Nothing a plan file names outside its folder is read.
    One self-contained HTML file: no script, nothing from the network.
    """
    from ipplan.errors import IpplanError
    from ipplan.views import review as rv

    try:
        page = rv.render(rv.load(path, source=source, against=against, encoding=encoding, max_bytes=max_size))
    except IpplanError as exc:
        _fail(str(exc))
    _output(page, out)


@main.command()
@click.argument("paths", metavar="[PATH...]", nargs=-1)
@click.option("--unknown", is_flag=True, help="Only targets whose indicator is not in the table.")
@_FORMAT
@click.option("-o", "--output", "out", metavar="FILE",
              help="Write the list (one row per wording) to FILE (.csv, .xlsx, .parquet; - for CSV on stdout).")
def indicators(paths: tuple[str, ...], unknown: bool, fmt: str | None, out: str | None) -> None:
    """Canonical indicators: the table, or those of plans.

    Without PATH, print the curated table (ipplan/parse/data/indicators.yaml). With PATH,
    list each indicator wording of the plans with its canonical id, its targets, values
    and plans; --unknown lists only those the table does not know, to extend it (-o
    unknown.csv writes them with an example clause each).
    """
    from rich.console import Console

    from ipplan.views.show import indicator_table, table_of_indicators

    if not paths:
        if unknown or out:
            _fail(f"{'--unknown' if unknown else '-o'} needs PATH...", 2)
        Console().print(table_of_indicators())
        return
    plans = _load(paths).plans
    if out:
        from ipplan.views.rows import indicator_rows

        _write_rows(indicator_rows(plans, unknown_only=unknown), out, fmt, sheet="indicators")
        return
    Console().print(indicator_table(plans, unknown_only=unknown))


if __name__ == "__main__":  # pragma: no cover
    main()
