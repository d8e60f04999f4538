"""Issue 24 #3, #6, #8: `ipplan batch` walks a folder it does not trust, sweeps only the
temporaries of writers that are gone, and keeps a --format jsonl run's plans when it is
killed. Real processes and signals, as in test_batch_faults.py."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml

import ipplan
from ipplan.batch import JSONL, run_batch
from tests.hostile.test_batch_faults import TEXT, N, alive, assert_complete_plans, corpus, errors_of, ipplan_cmd, wait_for

linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="uses /proc and Linux signals")


def _without_dac_override() -> list[str]:
    """A command prefix under which an unreadable folder is unreadable: none for a normal
    user; for root, setpriv without the capabilities that let root read any folder."""
    if os.geteuid() != 0:
        return []
    if not shutil.which("setpriv"):
        pytest.skip("root, and no setpriv to drop CAP_DAC_OVERRIDE")
    prefix = ["setpriv", "--bounding-set", "-dac_override,-dac_read_search", "--"]
    if subprocess.run([*prefix, "true"], capture_output=True, timeout=10).returncode != 0:
        pytest.skip("setpriv cannot drop capabilities here")
    return prefix


@linux_only
def test_links_that_loop_or_lead_nowhere_and_unreadable_folders_fail_alone(tmp_path: Path) -> None:
    """A symlink loop aborted the whole batch (RuntimeError: Symlink loop) and no file was
    parsed; an unreadable subfolder was skipped without a word."""
    in_dir = tmp_path / "in"
    corpus(in_dir, 3)
    (in_dir / "self.txt").symlink_to("self.txt")  # a loop of one link
    (in_dir / "ping.txt").symlink_to("pong.txt")  # a loop of two
    (in_dir / "pong.txt").symlink_to("ping.txt")
    (in_dir / "gone.txt").symlink_to("nothing-here.txt")  # dangling
    (in_dir / "sub").mkdir()
    (in_dir / "sub" / "here.txt").symlink_to("../doc000.txt")  # a good link inside IN_DIR
    (in_dir / "again").symlink_to(".", target_is_directory=True)  # a folder loop: not followed
    locked = in_dir / "locked"
    corpus(locked, 1, prefix="secret")
    locked.chmod(0)
    out = tmp_path / "out"
    try:
        proc = subprocess.run([*_without_dac_override(), *ipplan_cmd("batch", str(in_dir), "-o", str(out), "-j", "2")],
                              capture_output=True, text=True, timeout=120)
    finally:
        locked.chmod(0o755)
    assert proc.returncode == 1 and "Traceback" not in proc.stderr, proc.stderr
    assert errors_of(out) == {
        "self.txt": "symbolic link loop (not followed)",
        "ping.txt": "symbolic link loop (not followed)",
        "pong.txt": "symbolic link loop (not followed)",
        "gone.txt": "symbolic link to nothing (dangling; not read)",
        "locked/": "cannot read the folder: Permission denied",
    }
    plans = sorted(p.relative_to(out).as_posix() for p in assert_complete_plans(out))
    assert plans == ["doc000.yaml", "doc001.yaml", "doc002.yaml", "sub/here.yaml"]


#: In the child: its write's rename waits until the file GO exists, so the temporary stays
#: on disk, with its writer alive, while a batch sweeps the folder.
SLOW_RENAME = """
import os, time
_replace = os.replace
def replace(a, b):
    while not os.path.exists(os.environ["GO"]):
        time.sleep(0.02)
    _replace(a, b)
os.replace = replace
"""


def test_the_sweep_spares_a_running_writer_and_files_ipplan_did_not_make(tmp_path: Path) -> None:
    """A running `ipplan parse -o OUT/sub/x.yaml` lost its temporary to a batch into OUT and
    failed; a user's `.notes.ipplan-abcdefgh.tmp` was deleted."""
    out = tmp_path / "out"
    (out / "sub").mkdir(parents=True)
    mine = out / ".notes.ipplan-abcdefgh.tmp"  # the user's, named like ipplan's old temporaries
    mine.write_text("my notes", "utf-8")
    go = tmp_path / "go"
    doc = corpus(tmp_path / "docs", 1)[0]
    writer = subprocess.Popen(ipplan_cmd("parse", str(doc), "-o", str(out / "sub" / "x.yaml"), inject=SLOW_RENAME),
                              env={**os.environ, "GO": str(go)},
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        wait_for(lambda: list((out / "sub").glob(".x.yaml.*.tmp")))  # written, waiting to be renamed
        in_dir = tmp_path / "in"
        corpus(in_dir, 2)
        summary = run_batch(in_dir, out, jobs=1)
        assert summary.parsed == 2
        assert list((out / "sub").glob(".x.yaml.*.tmp")), "the sweep removed a live writer's temporary"
    finally:
        go.touch()
        _, err = writer.communicate(timeout=60)
    assert writer.returncode == 0, err
    assert ipplan.Plan.model_validate(yaml.safe_load((out / "sub" / "x.yaml").read_text("utf-8")))
    assert mine.read_text("utf-8") == "my notes" and list(out.rglob("*.tmp")) == [mine]


def _complete_lines(path: Path) -> list[str]:
    if not path.exists():
        return []
    return [line for line in path.read_text("utf-8").splitlines(keepends=True) if line.endswith("\n")]


def _inputs(tmp_path: Path, kind: str) -> Path:
    """N documents: a folder of files, or a table (JSON Lines) with one document per row."""
    if kind == "folder":
        corpus(tmp_path / "in", N)
        return tmp_path / "in"
    table = tmp_path / "docs.jsonl"
    table.write_text("".join(json.dumps({"id": f"doc{i:03d}", "text": TEXT + f"\n（{i}）\n"}, ensure_ascii=False) + "\n"
                             for i in range(N)), "utf-8")
    return table


@linux_only
@pytest.mark.parametrize("kind", ["folder", "table"])
def test_a_killed_jsonl_run_keeps_what_it_did(tmp_path: Path, kind: str) -> None:
    """A --format jsonl batch killed with SIGKILL kept nothing but its lock, and the re-run
    parsed everything again (of a folder or of a table of documents alike)."""
    source = _inputs(tmp_path, kind)
    out = tmp_path / "out"
    proc = subprocess.Popen(ipplan_cmd("batch", str(source), "-o", str(out), "-f", "jsonl", "-j", "2"),
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        wait_for(lambda: len(_complete_lines(out / JSONL)) >= 20 or proc.poll() is not None, 120)
        assert alive(proc.pid), "the run ended before 20 plans were in plans.jsonl"
        os.killpg(proc.pid, signal.SIGKILL)
    finally:
        proc.wait(30)
    time.sleep(0.2)
    kept = _complete_lines(out / JSONL)
    assert 20 <= len(kept) < N
    for line in kept:  # whole plans, each once
        ipplan.Plan.model_validate_json(line)
    assert len({json.loads(line)["source"]["path"] for line in kept}) == len(kept)
    rerun = run_batch(source, out, fmt="jsonl", jobs=2)
    assert rerun.failed == 0 and rerun.parsed + rerun.skipped == N
    assert rerun.skipped >= len(kept) - 2  # (a plan appended but not yet journaled is parsed again)
    fresh = tmp_path / "fresh"
    run_batch(source, fresh, fmt="jsonl", jobs=1)
    assert (out / JSONL).read_bytes() == (fresh / JSONL).read_bytes()  # whole, in input order, each once
    again = run_batch(source, out, fmt="jsonl", jobs=2)
    assert (again.parsed, again.skipped) == (0, N)
    assert (out / JSONL).read_bytes() == (fresh / JSONL).read_bytes()
