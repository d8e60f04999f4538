"""Command line: a thin click layer over ipplan.api. Heavy imports happen inside commands,
so `ipplan --version` stays fast."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ipplan import __version__
from ipplan.fsutil import write_atomic


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


def _output(text: str, out: str | None) -> None:
    if out is None or out == "-":
        sys.stdout.buffer.write(text.encode("utf-8"))
        sys.stdout.flush()
    else:
        try:
            write_atomic(Path(out), text)
        except OSError as exc:
            _fail(f"{out}: cannot write: {exc.strerror or exc}")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
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

    The plan is validated against the schema before anything is written.
    """
    from ipplan import api, emit
    from ipplan.errors import IpplanError

    try:
        plan = api.parse_file(file, encoding=encoding, max_bytes=max_size)
    except IpplanError as exc:
        if exc.path is None:
            exc.path = "<stdin>" if file == "-" else file
        _fail(str(exc))
    _output(emit.dump(plan, fmt), out)


@main.command()
@click.argument("in_dir", metavar="IN_DIR", type=click.Path(exists=True, file_okay=False, path_type=Path))
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
@_max_size
def batch(in_dir: Path, out_dir: Path, fmt: str, jobs: int | None, pattern: str | None, force: bool,
          overwrite: bool, fail_fast: bool, max_size: int) -> None:
    """Convert every document under IN_DIR into OUT_DIR.

    Outputs are written atomically; a re-run skips inputs whose output is up to date.
    Existing files ipplan did not write are never replaced without --overwrite.
    Failures go to OUT_DIR/_errors.jsonl. Exit code 0 when all parsed, 1 when some failed.
    """
    from ipplan.batch import run_batch
    from ipplan.progress import make_reporter

    reporter = make_reporter(sys.stderr)
    summary = run_batch(in_dir, out_dir, fmt=fmt, jobs=jobs, pattern=pattern, force=force, overwrite=overwrite,
                        fail_fast=fail_fast, max_bytes=max_size,
                        on_start=reporter.start, on_result=reporter.update)
    reporter.finish(summary, out_dir)
    sys.exit(130 if summary.interrupted else 1 if summary.failed else 0)


@main.command()
@click.option("-o", "--output", "out", metavar="OUT", help="Write the JSON Schema here instead of stdout.")
def schema(out: str | None) -> None:
    """Print the JSON Schema of the plan (schema version 1)."""
    import json

    from ipplan.schema.jsonschema import plan_json_schema

    _output(json.dumps(plan_json_schema(), ensure_ascii=False, indent=2) + "\n", out)


if __name__ == "__main__":  # pragma: no cover
    main()
