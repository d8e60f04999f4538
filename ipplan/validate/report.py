"""Output formats of ``ipplan validate``: text (rich colours on a terminal, plain when piped),
JSON, and GitHub Actions workflow commands. Every format is built from Finding.to_dict
fields, so they agree; output is deterministic for the same input.

File names, messages and field paths come from untrusted files, so every format prints
them through :func:`safe` (``rules.printable``): no line breaks, no control characters,
and no line that starts with a workflow command other than ipplan's own annotations."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import IO, Any

from dataclasses import replace

from ipplan.validate.check import DocumentResult
from ipplan.validate.rules import Finding, display_path, printable

FORMATS = ("text", "json", "github")
_STYLE = {"error": "bold red", "warning": "yellow", "notice": "cyan"}


def summary(results: Sequence[DocumentResult]) -> dict[str, int]:
    return {
        "files": len(results),
        "valid": sum(not r.unreadable and r.count("error") == 0 for r in results),
        "invalid": sum(not r.unreadable and r.count("error") > 0 for r in results),
        "unreadable": sum(r.unreadable for r in results),
        "errors": sum(r.count("error") for r in results),
        "warnings": sum(r.count("warning") for r in results),
        "notices": sum(r.count("notice") for r in results),
        "complete": all(r.complete for r in results),
    }


def summary_line(results: Sequence[DocumentResult]) -> str:
    s = summary(results)
    files = _n(s["files"], "file")
    if not (s["errors"] or s["unreadable"]):
        head = f"{files} valid"
    else:
        errors = _n(s["errors"], "error") if s["complete"] else f"{s['errors']} or more errors"
        head = f"{errors} in {s['invalid'] + s['unreadable']} of {files}"
        if s["unreadable"]:
            head += f" ({s['unreadable']} unreadable)"
    extra = [_n(s[k], k[:-1]) for k in ("warnings", "notices") if s[k]]
    return head + (f"; {', '.join(extra)}" if extra else "")


def _n(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def safe(f: Finding) -> Finding:
    """The finding as printed: file, message and path escaped (idempotent)."""
    return replace(f, file=display_path(f.file), message=printable(f.message), path=printable(f.path))


def omitted_line(r: DocumentResult) -> str:
    more = _n(r.omitted, "more finding") if r.complete else "more findings"
    return f"{display_path(r.file)}: {more} not shown (only the first {len(r.findings)} are listed)"


def location(f: Finding) -> str:
    f = safe(f)
    return f"{f.file}:{f.line}:{f.col}" if f.line else f.file


def text_line(f: Finding) -> str:
    """``plans/huzhou.yaml:57:9: P101 duplicate section id "3.1.2" (sections[2].children[0].id)``"""
    f = safe(f)
    return f"{location(f)}: {f.code} {f.message}" + (f" ({f.path})" if f.path else "")


def render_text(results: Sequence[DocumentResult]) -> tuple[str, str]:
    """(findings and summary, ``ipplan: error:`` lines for files that cannot be read)."""
    out: list[str] = []
    err: list[str] = []
    for r in results:
        for f in r.findings:
            (err if f.rule.stage == "read" else out).append(
                f"ipplan: error: {text_line(f)}" if f.rule.stage == "read" else text_line(f))
        if r.omitted or not r.complete:
            out.append(omitted_line(r))
    out.append(summary_line(results))
    return "".join(f"{x}\n" for x in out), "".join(f"{x}\n" for x in err)


def print_rich(results: Sequence[DocumentResult], out: IO[str], err: IO[str]) -> None:
    """The text format in colour, for a terminal."""
    from rich.console import Console
    from rich.text import Text

    console = Console(file=out, highlight=False, soft_wrap=True)
    _, errors = render_text(results)
    err.write(errors)
    for r in results:
        for f in map(safe, r.findings):
            if f.rule.stage != "read":
                console.print(Text.assemble((location(f), "bold"), ": ", (f.code, _STYLE[f.rule.severity]),
                                            " ", f.message, (f" ({f.path})" if f.path else "", "dim")))
        if r.omitted or not r.complete:
            console.print(omitted_line(r), style="dim", markup=False)
    s = summary(results)
    console.print(summary_line(results), style="bold" if s["errors"] or s["unreadable"] else "bold green",
                  markup=False)


def render_json(results: Sequence[DocumentResult]) -> str:
    data: dict[str, Any] = {
        "version": 1,
        "summary": summary(results),
        "files": [{"file": display_path(r.file), "valid": not r.unreadable and r.count("error") == 0,
                   "findings": [safe(f).to_dict() for f in r.findings], "omitted": r.omitted,
                   "complete": r.complete} for r in results],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _escape_data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(s: str) -> str:
    return _escape_data(s).replace(":", "%3A").replace(",", "%2C")


def github_line(f: Finding) -> str:
    """``::error file=F,line=L,col=C,title=P101 duplicate-section-id::message (path)``"""
    f = safe(f)
    props = [f"file={_escape_property(f.file)}"]
    if f.line:
        props += [f"line={f.line}", f"col={f.col}"]
    props.append(f"title={_escape_property(f'{f.code} {f.rule.name}')}")
    text = f.message + (f" ({f.path})" if f.path else "")
    return f"::{f.rule.severity} {','.join(props)}::{_escape_data(text)}"


def render_github(results: Sequence[DocumentResult]) -> str:
    lines = [github_line(f) for r in results for f in r.findings]
    lines += [omitted_line(r) for r in results if r.omitted or not r.complete]
    return "\n".join([*lines, summary_line(results)]) + "\n"
