"""`ipplan batch`: mirrored outputs, per-file errors, exit codes, incremental re-runs,
atomic outputs when interrupted."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

import ipplan
from ipplan.batch import ERRORS, JSONL, run_batch
from ipplan.cli import main
from tests.conftest import SAMPLE_TEXTS

BROKEN = {"empty.txt": b"", "binary.txt": b"\x00\x01\x02\x03" * 64, "bad/undecodable.txt": bytes(range(128, 256)) * 8}


@pytest.fixture()
def in_dir(tmp_path: Path) -> Path:
    root = tmp_path / "in"
    (root / "city").mkdir(parents=True)
    for i, p in enumerate(SAMPLE_TEXTS):
        shutil.copy(p, root / ("city" if i % 2 else ".") / p.name)
    for name, data in BROKEN.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_bytes(data)
    return root


def test_batch_outputs_errors_and_exit_code(in_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["batch", str(in_dir), "-o", str(out), "--jobs", "2"])
    assert result.exit_code == 1, result.output
    outputs = sorted(p.relative_to(out).as_posix() for p in out.rglob("*.yaml"))
    expected = sorted(p.relative_to(in_dir).with_suffix(".yaml").as_posix() for p in in_dir.rglob("*.txt")
                      if p.name not in {Path(n).name for n in BROKEN})
    assert outputs == expected and len(outputs) == 5
    for path in out.rglob("*.yaml"):
        ipplan.Plan.model_validate(yaml.safe_load(path.read_text("utf-8")))
    errors = [json.loads(line) for line in (out / ERRORS).read_text("utf-8").splitlines()]
    assert [(e["file"], e["error"].split(" ")[0]) for e in errors] == [
        ("bad/undecodable.txt", "cannot"), ("binary.txt", "binary"), ("empty.txt", "empty")]
    assert "failed" in result.output and "binary.txt" in result.output
    assert not list(out.rglob("*.tmp"))


def test_rerun_skips_everything_until_forced(in_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    first = run_batch(in_dir, out, jobs=1)
    assert (first.parsed, first.failed) == (5, 3)
    mtimes = {p: p.stat().st_mtime_ns for p in out.rglob("*.yaml")}
    second = run_batch(in_dir, out, jobs=1)
    assert (second.parsed, second.skipped, second.failed) == (0, 5, 3)
    assert {p: p.stat().st_mtime_ns for p in out.rglob("*.yaml")} == mtimes
    changed = next(in_dir.rglob("linyi-2023.txt"))
    changed.write_text(changed.read_text("utf-8") + "\n", encoding="utf-8")
    third = run_batch(in_dir, out, jobs=1)
    assert (third.parsed, third.skipped) == (1, 4)
    assert run_batch(in_dir, out, jobs=1, force=True).parsed == 5


def test_jsonl_is_one_plan_per_line_in_input_order(in_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    summary = run_batch(in_dir, out, fmt="jsonl", jobs=1, pattern="*.txt")
    lines = (out / JSONL).read_text("utf-8").splitlines()
    assert len(lines) == summary.parsed == 5
    paths = [json.loads(line)["source"]["path"] for line in lines]
    assert paths == sorted(paths)


def test_fail_fast_stops_at_the_first_failure(in_dir: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["batch", str(in_dir), "-o", str(tmp_path / "out"), "-j", "1", "--fail-fast"])
    assert result.exit_code == 1
    summary = run_batch(in_dir, tmp_path / "out2", jobs=1, fail_fast=True)
    assert summary.failed == 1 and summary.parsed + summary.failed < 8


def test_interrupted_run_leaves_no_partial_output(in_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    seen = []

    def interrupt(res, summary) -> None:
        seen.append(res.rel)
        if len(seen) == 4:
            raise KeyboardInterrupt

    summary = run_batch(in_dir, out, jobs=1, on_result=interrupt)
    assert summary.interrupted
    assert not list(out.rglob("*.tmp"))
    written = list(out.rglob("*.yaml"))
    for path in written:  # whatever was written is complete
        ipplan.Plan.model_validate(yaml.safe_load(path.read_text("utf-8")))
    assert 1 <= len(written) < 5
    assert run_batch(in_dir, out, jobs=1).skipped == len(written)  # and recorded as done


def test_outputs_are_not_written_into_the_input_tree_walk(in_dir: Path) -> None:
    summary = run_batch(in_dir, in_dir / "plans", jobs=1)
    again = run_batch(in_dir, in_dir / "plans", jobs=1)
    assert summary.total == again.total == 8  # the plans folder is never read back as input


def test_existing_files_ipplan_did_not_write_are_kept_unless_overwrite(in_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    curated = out / "linyi-2023.yaml"
    curated.parent.mkdir(parents=True)
    curated.write_text("# curated by hand\n", encoding="utf-8")
    first = run_batch(in_dir, out, jobs=1, pattern="*.txt")
    assert curated.read_text("utf-8") == "# curated by hand\n"
    assert [f for f, e in first.failures if "already exists" in e] == ["linyi-2023.txt"]
    second = run_batch(in_dir, out, jobs=1, pattern="*.txt", overwrite=True)
    assert second.parsed == 1 and curated.read_text("utf-8").startswith("schema_version:")
    assert run_batch(in_dir, out, jobs=1, pattern="*.txt").skipped == 5  # now ours, and up to date


def test_outputs_left_by_a_run_cut_short_are_recognized(in_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    run_batch(in_dir, out, jobs=1, pattern="*.txt")
    (out / "_manifest.json").unlink()  # as if killed before the manifest was written
    again = run_batch(in_dir, out, jobs=1, pattern="*.txt")
    assert (again.parsed, again.failed) == (5, len(BROKEN))  # same bytes: no conflict


def test_an_ipplan_upgrade_reparses_but_keeps_ownership(in_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    run_batch(in_dir, out, jobs=1, pattern="*.txt")
    manifest = json.loads((out / "_manifest.json").read_text("utf-8"))
    manifest["ipplan"] = "0.0.1"
    (out / "_manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    for p in out.rglob("*.yaml"):  # an older version wrote different bytes
        p.write_text(p.read_text("utf-8") + "# old\n", encoding="utf-8")
    again = run_batch(in_dir, out, jobs=1, pattern="*.txt")
    assert (again.parsed, again.skipped, again.failed) == (5, 0, len(BROKEN))


def test_symlinks_cannot_lead_outside_the_folders(in_dir: Path, tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    shutil.copy(SAMPLE_TEXTS[0], secret)
    (in_dir / "link.txt").symlink_to(secret)
    (in_dir / "loop").symlink_to(in_dir, target_is_directory=True)  # not followed
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    out = tmp_path / "out"
    out.mkdir()
    (out / "city").symlink_to(elsewhere, target_is_directory=True)
    summary = run_batch(in_dir, out, jobs=1, pattern="*.txt")
    errors = dict(summary.failures)
    assert "outside the input folder" in errors["link.txt"]
    assert all("leaves the output folder" in errors[f"city/{p.name}"] for p in (in_dir / "city").iterdir())
    assert not list(elsewhere.iterdir())
    assert not any(f.startswith("loop/") for f in errors) and summary.total == 9


def _dead_pid() -> int:
    """The pid of a process that has ended."""
    import subprocess
    import sys

    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def _temporary(name: str, pid: int) -> str:
    """The temporary file name write_atomic gives a write of ``name`` by process ``pid``."""
    from ipplan.fsutil import TMP_SUFFIX, TMP_TAG, _host

    return f".{name}.{TMP_TAG}{_host()}-{pid}-abc123_z{TMP_SUFFIX}"


def _other_host() -> str:
    from ipplan.fsutil import _host

    return "000000" if _host() != "000000" else "111111"


def test_stale_temporary_files_are_removed(in_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    (out / "city").mkdir(parents=True)
    stale = out / "city" / _temporary("zhengzhou-2023.yaml", _dead_pid())  # what a SIGKILL mid-write leaves
    stale.write_text("half", encoding="utf-8")
    run_batch(in_dir, out, jobs=1, pattern="*.txt")
    assert not stale.exists()


@pytest.mark.parametrize("sig", ["INT", "KILL"])
def test_a_real_interrupt_leaves_only_complete_plans(tmp_path: Path, sig: str) -> None:
    import os
    import signal
    import subprocess
    import sys
    import time

    corpus = tmp_path / "in"
    corpus.mkdir()
    text = SAMPLE_TEXTS[0].read_text("utf-8")
    for i in range(400):
        (corpus / f"doc{i:03d}.txt").write_text(text + f"\n（{i}）\n", encoding="utf-8")
    out = tmp_path / "out"
    proc = subprocess.Popen([sys.executable, "-m", "ipplan", "batch", str(corpus), "-o", str(out), "-j", "2"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    deadline = time.monotonic() + 60
    while len(list(out.glob("*.yaml"))) < 20 and time.monotonic() < deadline:
        time.sleep(0.05)
    os.killpg(proc.pid, getattr(signal, f"SIG{sig}"))
    _, err = proc.communicate(timeout=30)
    if sig == "INT":
        assert proc.returncode == 130 and b"Traceback" not in err and b"parsed" in err
        assert not list(out.rglob("*.tmp"))
    written = list(out.glob("*.yaml"))
    assert 20 <= len(written) < 400
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml: the pure-Python loader is ~60 ms a plan
    for path in written:
        ipplan.Plan.model_validate(yaml.load(path.read_text("utf-8"), Loader=loader))  # noqa: S506
    rerun = run_batch(corpus, out, jobs=2)
    assert rerun.failed == 0 and rerun.parsed + rerun.skipped == 400
    if sig == "INT":  # everything finished before the stop was recorded as done
        assert rerun.skipped == len(written)
    assert not list(out.rglob("*.tmp"))


def test_terminal_progress_bar_and_summary_table(in_dir: Path, tmp_path: Path) -> None:
    import io

    from ipplan.progress import PlainReporter, RichReporter, make_reporter

    stream = io.StringIO()
    reporter = RichReporter(stream, force_terminal=True)
    summary = run_batch(in_dir, tmp_path / "out", jobs=2, on_start=reporter.start, on_result=reporter.update)
    reporter.finish(summary, tmp_path / "out")
    text = stream.getvalue()
    assert "parsing" in text and "8/8" in text and "3 failed" in text and "ETA" in text  # the live bar
    for label in ("files", "parsed", "failed", "skipped", "sections / targets / units", "slowest"):
        assert label in text  # the closing table
    assert "binary.txt" in text and "\x1b[" in text  # failures listed; colours on a terminal
    assert type(make_reporter(io.StringIO())) is PlainReporter  # piped: plain lines


def test_inputs_sharing_an_output_name_keep_their_whole_names(tmp_path: Path) -> None:
    """R10: n.txt and n.text (x.htm, x.html, x.txt) would both become n.yaml: each keeps its
    whole name instead, whatever order the folder lists them in; the rest is unchanged."""
    in_dir = tmp_path / "in"
    in_dir.mkdir()
    text = SAMPLE_TEXTS[0].read_text("utf-8")
    for i, name in enumerate(["n.txt", "n.text", "x.htm", "x.html", "x.txt", "alone.txt"]):
        (in_dir / name).write_text(text + f"\n（{i}）\n", encoding="utf-8")
    out = tmp_path / "out"
    summary = run_batch(in_dir, out, jobs=2)
    assert (summary.parsed, summary.failed) == (6, 0), summary.failures
    names = sorted(p.name for p in out.glob("*.yaml"))
    assert names == ["alone.yaml", "n.text.yaml", "n.txt.yaml", "x.htm.yaml", "x.html.yaml", "x.txt.yaml"]
    for name in names[1:]:  # each output holds its own input
        source = yaml.safe_load((out / name).read_text("utf-8"))["source"]["path"]
        assert name == source + ".yaml"
    again = run_batch(in_dir, out, jobs=2)
    assert (again.skipped, again.failed) == (6, 0)  # no false "not written by ipplan batch"


def test_an_output_name_taken_twice_fails_both_naming_each_other(tmp_path: Path) -> None:
    from ipplan.batch import output_names

    assert output_names(["n.txt", "n.text", "n.txt.txt", "m.txt"], "yaml") == {
        "n.txt": None, "n.text": "n.text.yaml", "n.txt.txt": None, "m.txt": "m.yaml"}
    in_dir = tmp_path / "in"
    in_dir.mkdir()
    for name in ["n.txt", "n.text", "n.txt.txt"]:
        shutil.copy(SAMPLE_TEXTS[0], in_dir / name)
    summary = run_batch(in_dir, tmp_path / "out", jobs=1)
    assert dict(summary.failures) == {
        "n.txt": "its output name is also the output of n.text, n.txt.txt; rename one of them",
        "n.txt.txt": "its output name is also the output of n.txt; rename one of them"}
    assert summary.parsed == 1


def test_the_sweep_removes_only_ipplans_own_temporaries(tmp_path: Path) -> None:
    """R12: .git/objects/.pack.tmp and other programs' .*.tmp files are not ipplan's."""
    in_dir = tmp_path / "in"
    in_dir.mkdir()
    shutil.copy(SAMPLE_TEXTS[0], in_dir)
    out = tmp_path / "out"
    dead = _dead_pid()
    keep = [out / ".git" / "objects" / ".pack.tmp", out / ".notes.tmp", out / ".x.yaml.abcdefgh.tmp",
            out / ".git" / _temporary("x.yaml", dead), out / ".x.yaml.ipplan-abcdefgh.tmp",  # no writer named
            out / _temporary("x.yaml", dead).replace(_temporary("", 0)[9:15], _other_host())]  # another host's
    sweep = [out / _temporary("x.yaml", dead), out / "sub" / _temporary("y.json", dead)]
    for path in keep + sweep:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x", encoding="utf-8")
    run_batch(in_dir, out, jobs=1)
    assert all(p.exists() for p in keep) and not any(p.exists() for p in sweep)


def test_runs_with_different_globs_keep_each_others_manifest_entries(in_dir: Path, tmp_path: Path) -> None:
    """R8, one run after the other: the manifest is a union."""
    out = tmp_path / "out"
    run_batch(in_dir, out, jobs=1, pattern="l*.txt")
    run_batch(in_dir, out, jobs=1, pattern="w*.txt")
    outputs = json.loads((out / "_manifest.json").read_text("utf-8"))["outputs"]
    assert sorted(outputs) == ["city/wenzhou-2022.yaml", "linyi-2023.yaml"]
    assert run_batch(in_dir, out, jobs=1, pattern="*.txt").skipped == 2


def test_slowest_files_leave_out_worker_start_up(tmp_path: Path) -> None:
    """C6: every worker loads the parser before its first file, so the slowest files are
    slow files, not each worker's first one."""
    in_dir = tmp_path / "in"
    in_dir.mkdir()
    small = "关于印发工作方案的通知\n一、总体目标\n到2025年，发明专利拥有量达到{}件。\n"
    for i in range(8):
        (in_dir / f"small{i}.txt").write_text(small.format(i + 1), encoding="utf-8")
    big = in_dir / "zz-big.txt"
    big.write_text("\n".join(p.read_text("utf-8") for p in SAMPLE_TEXTS), encoding="utf-8")  # ~150 ms
    import subprocess
    import sys

    # a fresh process, as from the shell: the parser is not imported yet when workers start
    proc = subprocess.run([sys.executable, "-m", "ipplan", "batch", str(in_dir), "-o", str(tmp_path / "out"),
                           "-j", "2"], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    line = next(line for line in proc.stderr.splitlines() if "slowest:" in line)
    slowest = [(name, int(ms)) for name, ms, _ in (item.split() for item in line.split(":", 1)[1].split(", "))]
    assert slowest[0][0] == "zz-big.txt", line  # start-up (~200-500 ms) would come first
    assert all(ms < slowest[0][1] / 2 for _, ms in slowest[1:]), line



#: File the warm function below appends its process id to (set by the test).
WARM_LOG: list[Path] = []


def _warm_record() -> None:
    import os

    with open(WARM_LOG[0], "a") as fh:
        fh.write(f"{os.getpid()}\n")


def _pid(_: int) -> int:
    import os

    return os.getpid()


@pytest.mark.skipif(__import__("sys").platform == "win32", reason="workers are spawned, not forked, on Windows")
def test_forked_workers_start_warm_from_the_parent(tmp_path: Path) -> None:
    """The parser is loaded once, in the parent, before the workers fork (each used to load
    it again: ~0.15 s of CPU per worker)."""
    import os

    from ipplan.workers import Pool

    WARM_LOG[:] = [tmp_path / "warm.log"]
    pool = Pool(2, _pid, warm=_warm_record)
    pids: list[int] = []
    try:
        pool.run(iter([[1], [2], [3], [4]]), lambda item, pid: pids.append(pid))
    finally:
        pool.close()
    assert WARM_LOG[0].read_text().split() == [str(os.getpid())]  # here, once; in no worker
    assert len(pids) == 4 and os.getpid() not in pids
