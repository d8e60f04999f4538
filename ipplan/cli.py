"""Command line: a thin click layer over ipplan.api. Heavy imports happen inside commands,
so `ipplan --version` stays fast."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

import click

from ipplan import __version__


def _fail(message: str, code: int = 1) -> None:
    click.echo(f"ipplan: error: {message}", err=True)
    sys.exit(code)


def write_atomic(path: Path, text: str) -> None:
    """Write via a temporary file in the same folder and rename: never a half-written file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


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
@click.option("-o", "--output", "out", metavar="OUT", help="Write the JSON Schema here instead of stdout.")
def schema(out: str | None) -> None:
    """Print the JSON Schema of the plan (schema version 1)."""
    import json

    from ipplan.schema.jsonschema import plan_json_schema

    _output(json.dumps(plan_json_schema(), ensure_ascii=False, indent=2) + "\n", out)


if __name__ == "__main__":  # pragma: no cover
    main()
