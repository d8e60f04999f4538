"""Hostile plan files (issue 12 B3, issue 16 R13–R18): each gives one-line findings in every
output format of `ipplan validate`, and a one-line error in the views, within a time and
memory bound, with no traceback; nothing from the file drives the terminal or the CI log."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path


from tests.conftest import ROOT, SAMPLES

#: Seconds one command may take from a cold process (normal: ~0.5 s).
TIME_BOUND = 30.0
#: Peak memory of the process (normal: ~90 MB; the glob over two links to "." reached 10 GB).
MEMORY_BOUND_MB = 400
FORMATS = ("text", "json", "github")
LINYI = (SAMPLES / "linyi-2023.yaml").read_text("utf-8")


def run(args: list[str], cwd: Path | None = None, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    """``python -m ipplan ARGS`` in a child, bounded: (exit code, stdout, stderr)."""
    code = ("import resource, runpy, sys; sys.argv = ['ipplan'] + sys.argv[1:]\n"
            "try:\n    runpy.run_module('ipplan', run_name='__main__')\n"
            "finally:\n    sys.stderr.write('\\npeak-kb %d' % resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)\n")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "COLUMNS": "200", **(env or {})}
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, timeout=TIME_BOUND * 2, cwd=cwd,
                          env=env)
    seconds = time.perf_counter() - start
    err, _, peak = proc.stderr.decode("utf-8").rpartition("\npeak-kb ")
    assert seconds < TIME_BOUND and int(peak) / 1024 < MEMORY_BOUND_MB, (seconds, int(peak) / 1024)
    out = proc.stdout.decode("utf-8")
    assert "Traceback" not in out + err, err
    return proc.returncode, out, err


def validate_all_formats(paths: list[str], cwd: Path | None = None) -> dict[str, tuple[int, str, str]]:
    return {fmt: run(["validate", "--format", fmt, *paths], cwd) for fmt in FORMATS}


def assert_clean(output: str, fmt: str, findings: int | None = None) -> None:
    """No control characters, and no line a CI runner would take for a workflow command,
    except (in the github format) one annotation per finding."""
    assert not re.search("[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029]", output), output
    commands = [ln for ln in output.splitlines() if ln.lstrip().startswith(("::", "##["))]
    if fmt == "github":
        assert all(re.match(r"::(error|warning|notice) file=[^:]*,(line=\d+,col=\d+,)?title=P\d{3} [a-z-]+::", ln)
                   for ln in commands), commands
        if findings is not None:
            assert len(commands) == findings
    else:
        assert commands == []


def plan_with(tmp_path: Path, name: str, old: str, new: str) -> Path:
    assert old in LINYI
    path = tmp_path / name
    path.write_text(LINYI.replace(old, new, 1), "utf-8")
    return path


# --- huge numbers and lone surrogates (B3, R14) --------------------------------------------


def _huge_cases(tmp_path: Path) -> list[tuple[Path, str]]:
    digits = "1" + "0" * 100_000  # 10**100000
    cases = [
        (plan_with(tmp_path, "digits5000.yaml", "  year: 2025\n", "  year: " + "7" * 5000 + "\n"), "P009"),
        (plan_with(tmp_path, "googolplexish.yaml", "  year: 2025\n", f"  year: {digits}\n"), "P009"),
        (plan_with(tmp_path, "hex.yaml", "  year: 2025\n", "  year: 0x" + "f" * 4000 + "\n"), "P009"),
        (plan_with(tmp_path, "float.yaml", "  year: 2025\n", "  year: 1." + "5" * 5000 + "\n"), "P009"),
    ]
    data = json.loads(json.dumps(__import__("yaml").safe_load(LINYI)))
    text = json.dumps(data, ensure_ascii=False)
    for name, new in [("digits.json", digits), ("surrogate.json", '"\\ud800"'), ("low.json", '"x\\udc00y"')]:
        path = tmp_path / name
        path.write_text(text.replace('"year": 2025', f'"year": {new}', 1), "utf-8")
        cases.append((path, "P009" if name == "digits.json" else "lone surrogate"))
    return cases


def test_huge_numbers_and_lone_surrogates_are_one_line_findings(tmp_path: Path) -> None:
    cases = _huge_cases(tmp_path)
    results = validate_all_formats([str(p) for p, _ in cases])
    for fmt, (code, out, err) in results.items():
        assert code == 1 and err == "", (fmt, out, err)
        assert_clean(out, fmt, findings=len(cases))
        assert len(out) < 1000 * len(cases)
    text_lines = results["text"][1].splitlines()
    files = json.loads(results["json"][1])["files"]
    for (path, words), line, entry in zip(cases, text_lines, files):
        assert line.startswith(f"{path}:") and words in line, (path.name, line)
        (finding,) = entry["findings"]
        assert words in f'{finding["code"]} {finding["message"]}'
    for path, words in cases:
        code, out, err = run(["show", str(path)])
        assert code == 1 and out == "" and err.count("\n") == 1 and words in err, (path.name, err)


def test_every_number_under_the_limit_still_reads(tmp_path: Path) -> None:
    path = plan_with(tmp_path, "big.yaml", "  year: 2025\n", "  year: " + "9" * 100 + "\n")
    code, out, _ = run(["validate", str(path)])
    assert code == 1 and "P110" in out and "P009" not in out  # an implausible year, not an unreadable number


def test_findings_echo_at_most_fifty_characters_of_a_number(tmp_path: Path) -> None:
    """Issue 24: a P110 message printed a 99-digit year in full, though messages promise at
    most 50 echoed characters; so did P103 (ordinal), P104 (level) and P114 (table index)."""
    plan = {"schema_version": "1", "meta": {"period": {"start": 2021, "end": 2025}},
            "sections": [{"id": "1", "label": "一、", "ordinal": int("7" * 99), "level": int("8" * 99), "title": "总则"}],
            "targets": [{"section": None, "indicator": "x", "value": 1, "text": "x", "year": int("9" * 99)}],
            "tables": [{"index": int("6" * 99), "header": [], "rows": []}]}
    path = tmp_path / "long-numbers.json"
    path.write_text(json.dumps(plan), "utf-8")
    for fmt, (code, out, err) in validate_all_formats([str(path)]).items():
        assert code == 1, (fmt, out, err)
        for rule in ("P110", "P103", "P104", "P114"):
            assert rule in out, (fmt, rule, out)
        assert not re.search(r"\d{51}", out) and "a number of 99 digits" in out, (fmt, out)


# --- escaping (R15) ------------------------------------------------------------------------

INJECTED = "\n::error file=a,line=1::INJECTED\x1b[31m\x1b]8;;http://evil.example\x07x\u2028##[error]y\x9b2J"


def test_strings_from_the_file_are_escaped_in_every_format(tmp_path: Path) -> None:
    key = json.dumps(INJECTED)  # a double-quoted YAML scalar holding newlines, ESC, BEL, C1
    text = LINYI.replace("  issue_date: '2023-09-13'\n", f"  issue_date: {key}\n", 1)  # P111 echoes the value
    text = text.replace("targets:\n", f"{key}: 1\n{key}: 2\ntargets:\n", 1)  # P001 unknown key, P004 again
    path = tmp_path / "inject.yaml"
    path.write_text(text, "utf-8")
    for fmt, (code, out, err) in validate_all_formats([str(path)]).items():
        assert code == 1 and err == ""
        assert_clean(out, fmt, findings=3)
        assert "INJECTED" in out  # shown, escaped
    code, out, err = run(["validate", str(path)], env={"FORCE_COLOR": "1", "TTY_COMPATIBLE": "1"})
    assert "\x1b[31m" not in out and "\x1b]8" not in out and "\n::" not in out


def test_file_names_are_escaped_in_every_format(tmp_path: Path) -> None:
    names = ["::error file=x::EVIL.yaml", "a\n::warning file=y::EVIL.yaml", "esc\x1b[2J.yaml", "  ::notice::z.yaml",
             "##[error]w.yaml"]
    for name in names:
        (tmp_path / name).write_text(LINYI.replace("  year: 2025\n", "  year: 1900\n", 1), "utf-8")
    for fmt, (code, out, err) in validate_all_formats(names, cwd=tmp_path).items():
        assert code == 1 and err == ""
        assert_clean(out, fmt, findings=len(names))
    code, out, err = run(["validate", "*.yaml"], cwd=tmp_path)
    assert_clean(out, "text")
    (tmp_path / "a\n::warning file=y::EVIL.yaml").write_text("[1, 2", "utf-8")  # unreadable: to stderr
    code, out, err = run(["validate", "a\n::warning file=y::EVIL.yaml"], cwd=tmp_path)
    assert code == 1 and err.count("\n") == 0 or err.count("\n") == 1
    assert_clean(out + err, "text")


def test_views_errors_are_escaped(tmp_path: Path) -> None:
    name = "::error file=x::EVIL\x1b[2J.yaml"
    (tmp_path / name).write_text('schema_version: "1"\n"\\e[2J\\n::error::X": 1\n', "utf-8")
    code, out, err = run(["show", name], cwd=tmp_path)
    assert code == 1 and err.count("\n") == 1
    assert_clean(out + err.removeprefix("ipplan: error: "), "text")


# --- views print text, never markup (R16) --------------------------------------------------


def test_views_print_markup_in_plans_as_text(tmp_path: Path) -> None:
    path = tmp_path / "markup.yaml"
    text = LINYI.replace("  unit: 件\n", '  unit: "[/x]件"\n', 1)
    text = text.replace("  region: 临沂市\n", '  region: "[link=https://evil.example]临沂[/link]"\n', 1)
    text = text.replace("  title: 临沂市知识产权强市建设纲要推进计划(2023-2025年)\n",
                        '  title: "\\e[2J[bold red]临沂市知识产权强市建设纲要推进计划"\n', 1)
    path.write_text(text, "utf-8")
    assert run(["validate", str(path)])[0] == 0
    plain = {}
    for args, env in [(["show", str(path)], plain), (["show", str(path)], {"FORCE_COLOR": "1", "TTY_COMPATIBLE": "1"}),
                      (["compare", str(path), str(SAMPLES / "huzhou-2022.yaml")], {"FORCE_COLOR": "1"}),
                      (["indicators", str(path)], {"FORCE_COLOR": "1"})]:
        code, out, err = run(args, env=env)
        assert code == 0, err
        assert "\x1b]8;" not in out and "\x1b[2J" not in out  # no live link, no screen clear
        if args[0] != "indicators":
            assert "[link=https://evil.example]" in out, out
        if env is plain:
            assert "[/x]件" in out and "[bold red]" in out and "\\x1b[2J" in out  # as in the file, escaped
    report = tmp_path / "r.html"
    assert run(["report", str(path), "-o", str(report)])[0] == 0
    html = report.read_text("utf-8")
    assert "[link=https://evil.example]" in html and "<a href=\"https://evil" not in html


# --- globs and links (R13, R18) ------------------------------------------------------------


def test_glob_never_follows_linked_folders(tmp_path: Path) -> None:
    plans = tmp_path / "plans"
    (plans / "a" / "b").mkdir(parents=True)
    for rel in ("x.yaml", "a/y.yaml", "a/b/z.yaml"):
        (plans / rel).write_text(LINYI, "utf-8")
    (plans / "self").symlink_to(".")
    (plans / "a" / "up").symlink_to("..")
    (plans / "a" / "b" / "top").symlink_to(tmp_path)
    for pattern in ("plans/**/*.yaml", "plans/**", "**/*.yaml", "plans/*/*.yaml", "plans"):
        code, out, err = run(["validate", pattern], cwd=tmp_path)
        expected = {"plans/*/*.yaml": 1}.get(pattern, 3)
        assert (code, out) == (0, f"{expected} file{'s' * (expected > 1)} valid\n"), (pattern, out, err)


def test_named_link_out_of_the_working_folder_is_refused_unread(tmp_path: Path) -> None:
    repo, outside = tmp_path / "repo", tmp_path / "outside"
    (repo / "plans").mkdir(parents=True)
    outside.mkdir()
    secret = outside / "passwd"
    secret.write_text("root:x:0:0:SECRET-CONTENT:/root:/bin/bash\n", "utf-8")
    (outside / "other.yaml").write_text("SECRET-OTHER", "utf-8")
    os.mkfifo(outside / "fifo")  # read, it would block the run: the bound catches that
    (repo / "plans" / "passwd.yaml").symlink_to(secret)
    (repo / "plans" / "fifo.yaml").symlink_to(outside / "fifo")
    (repo / "linked").symlink_to(outside)
    (repo / "plans" / "ok.yaml").write_text(LINYI, "utf-8")
    (repo / "plans" / "inside.yaml").symlink_to(repo / "plans" / "ok.yaml")  # a link within: fine
    args = ["plans/passwd.yaml", "plans/fifo.yaml", "linked/other.yaml", "plans/inside.yaml"]
    for fmt, (code, out, err) in validate_all_formats(args, cwd=repo).items():
        assert code == 2, (fmt, out, err)
        assert "SECRET" not in out + err
        assert (out + err).count("outside the working folder") == 3
    code, out, err = run(["show", "plans/passwd.yaml"], cwd=repo)
    assert code == 2 - 1 and "outside the working folder" in err and "SECRET" not in out + err


def test_devices_and_fifos_are_refused_unread(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.yaml")
    code, out, err = run(["validate", "/dev/zero", str(tmp_path / "pipe.yaml")])
    assert code == 2 and err.count("not a regular file") == 2
    code, out, err = run(["validate", str(tmp_path)])  # a folder: the FIFO is named by the walk
    assert code == 2 and "not a regular file" in err
