"""Command line: a thin click layer over ipplan.api. Heavy imports happen inside commands,
so `ipplan --version` stays fast."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ipplan import __version__
from ipplan.fsutil import write_atomic


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
def parse(file: str, out: str | None, fmt: str, encoding: str | None) -> None:
    """Parse one document (FILE, or - for stdin) into a plan.

    The plan is validated against the schema before anything is written.
    """
    from ipplan import api, emit
    from ipplan.errors import IpplanError

    try:
        plan = api.parse_file(file, encoding=encoding)
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
def batch(in_dir: Path, out_dir: Path, fmt: str, jobs: int | None, pattern: str | None, force: bool,
          overwrite: bool, fail_fast: bool) -> None:
    """Convert every document under IN_DIR into OUT_DIR.

    Outputs are written atomically; a re-run skips inputs whose output is up to date.
    Existing files ipplan did not write are never replaced without --overwrite.
    Failures go to OUT_DIR/_errors.jsonl. Exit code 0 when all parsed, 1 when some failed.
    """
    from ipplan.batch import run_batch
    from ipplan.progress import make_reporter

    reporter = make_reporter(sys.stderr)
    summary = run_batch(in_dir, out_dir, fmt=fmt, jobs=jobs, pattern=pattern, force=force, overwrite=overwrite,
                        fail_fast=fail_fast,
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
