"""The command line: outputs, formats, stdin, and one-line errors without tracebacks."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

import ipplan
from ipplan.cli import main
from tests.conftest import SAMPLES

LINYI = SAMPLES / "linyi-2023.txt"


def run(*args: str, input: bytes | None = None):
    return CliRunner().invoke(main, list(args), input=input, catch_exceptions=False)


def test_version() -> None:
    result = run("--version")
    assert result.exit_code == 0 and result.output.strip() == f"ipplan {ipplan.__version__}"


def test_parse_to_stdout_yaml_keeps_chinese_unescaped() -> None:
    result = run("parse", str(LINYI))
    assert result.exit_code == 0
    assert "临政办字〔2023〕81号" in result.output and "\\u" not in result.output
    data = yaml.safe_load(result.output)
    assert list(data) == ["schema_version", "source", "meta", "sections", "targets", "tables", "warnings"]
    ipplan.Plan.model_validate(data)


def test_parse_json_to_file(tmp_path: Path) -> None:
    out = tmp_path / "sub" / "plan.json"
    out.parent.mkdir()
    result = run("parse", str(LINYI), "--format", "json", "-o", str(out))
    assert result.exit_code == 0 and result.output == ""
    data = json.loads(out.read_text("utf-8"))
    assert data["meta"]["doc_number"] == "临政办字〔2023〕81号"
    assert not list(out.parent.glob(".*.tmp"))


def test_parse_stdin_gb18030() -> None:
    result = run("parse", "-", input=LINYI.read_text("utf-8").encode("gb18030"))
    assert result.exit_code == 0
    data = yaml.safe_load(result.output)
    assert data["source"]["encoding"] == "gb18030" and data["source"]["path"] is None
    assert data["meta"]["title"] == "临沂市知识产权强市建设纲要推进计划(2023-2025年)"


def test_schema_command() -> None:
    result = run("schema")
    schema = json.loads(result.output)
    assert schema["$id"].endswith("plan-v1.json") and schema["x-schema-version"] == "1"
    assert "Section" in schema["$defs"] and schema["$defs"]["Section"]["properties"]["id"]["description"]


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda d: d / "missing.txt", "no such file"),
        (lambda d: d, "is a directory"),
        (lambda d: _write(d / "empty.txt", b""), "empty file"),
        (lambda d: _write(d / "blank.txt", b" \n\r\n\t"), "empty file"),
        (lambda d: _write(d / "bad.txt", bytes(range(128, 256)) * 4), "cannot decode"),
        (lambda d: _write(d / "bin.txt", b"\x00\x01\x02abc" * 10), "binary file"),
        (lambda d: _write(d / "old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100), "libreoffice"),
    ],
    ids=["missing", "directory", "empty", "whitespace", "undecodable", "binary", "legacy-doc"],
)
def test_bad_input_gives_one_line_error(tmp_path: Path, make, message: str) -> None:
    path = make(tmp_path)
    proc = subprocess.run([sys.executable, "-m", "ipplan", "parse", str(path)], capture_output=True, text=True)
    assert proc.returncode == 1
    assert proc.stdout == ""
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and message in lines[0] and str(path) in lines[0]
    assert "Traceback" not in proc.stderr


def test_forced_encoding_error_is_clean(tmp_path: Path) -> None:
    path = _write(tmp_path / "gbk.txt", "一、总体要求".encode("gb18030"))
    result = CliRunner().invoke(main, ["parse", str(path), "--encoding", "utf-8"])
    assert result.exit_code == 1 and "not valid utf-8" in result.output


def test_text_without_outline_is_a_plan_with_a_warning(tmp_path: Path) -> None:
    path = _write(tmp_path / "plain.txt", "这是一段没有编号的文字。".encode())
    result = run("parse", str(path))
    assert result.exit_code == 0 and "no numbered outline" in result.output


def test_usage_error_exit_code() -> None:
    assert CliRunner().invoke(main, ["parse"]).exit_code == 2


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("size, ok", [("1k", False), ("1MB", True), ("0", None), ("ten", None)])
def test_max_size_is_configurable(tmp_path, size: str, ok: bool | None) -> None:
    from click.testing import CliRunner

    from ipplan.cli import main

    doc = tmp_path / "plan.txt"
    doc.write_text("一、总体要求\n" + "加强知识产权保护。" * 200, encoding="utf-8")  # 5.4 KB
    result = CliRunner().invoke(main, ["parse", str(doc), "--max-size", size])
    if ok is None:
        assert result.exit_code == 2 and "size" in result.output
    elif ok:
        assert result.exit_code == 0
    else:
        assert result.exit_code == 1 and "1,024-byte limit" in result.output and "plan.txt" in result.output


def test_unknown_encoding_is_a_usage_error() -> None:
    """C2: a mistyped --encoding is the command line's fault: exit 2, one line."""
    proc = subprocess.run([sys.executable, "-m", "ipplan", "parse", str(LINYI), "--encoding", "nonsense"],
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2 and proc.stdout == ""
    assert proc.stderr.count("\n") == 1 and "unknown encoding 'nonsense'" in proc.stderr


@pytest.mark.parametrize(("command", "name"), [(["parse", str(LINYI)], "x.yaml"), (["schema"], "x.json"),
                                             (["export", str(SAMPLES / "linyi-2023.yaml")], "x.csv")])
def test_output_into_a_missing_folder_is_an_error(tmp_path: Path, command: list[str], name: str) -> None:
    """C3: -o into a folder that does not exist is not created silently."""
    out = tmp_path / "nonexistent" / "dir" / name
    proc = subprocess.run([sys.executable, "-m", "ipplan", *command, "-o", str(out)],
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 1 and proc.stderr.count("\n") == 1, proc.stderr
    assert "no such folder" in proc.stderr and str(out) in proc.stderr and "Traceback" not in proc.stderr
    assert not (tmp_path / "nonexistent").exists()


def test_a_bug_is_one_line_and_exit_70(tmp_path, monkeypatch) -> None:
    """An exception ipplan did not expect (a bug, not bad input) ends with one line naming the
    command and exit 70 (EX_SOFTWARE), no traceback; IPPLAN_DEBUG=1 shows the traceback."""
    import ipplan.api

    def broken(*args, **kwargs):
        raise TypeError("unsupported operand type(s) for +: 'NoneType' and 'int'")

    monkeypatch.setattr(ipplan.api, "parse_file_data", broken)
    doc = tmp_path / "a.txt"
    doc.write_text("一、总体要求\n坚持创新。", encoding="utf-8")
    monkeypatch.delenv("IPPLAN_DEBUG", raising=False)
    result = CliRunner().invoke(main, ["parse", str(doc)])
    assert result.exit_code == 70
    assert "Traceback" not in result.output and len(result.output.strip().splitlines()) == 1
    assert "internal error (TypeError" in result.output and "a.txt" in result.output
    monkeypatch.setenv("IPPLAN_DEBUG", "1")
    result = CliRunner().invoke(main, ["parse", str(doc)])
    assert isinstance(result.exception, TypeError)
