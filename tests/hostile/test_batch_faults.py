"""`ipplan batch` under faults, with real processes and signals: a document that never
ends or eats memory, a worker killed, the parent killed or sent SIGTERM/SIGHUP, two runs
into one folder, a full or read-only disk, FIFOs and devices. Every case is bounded in time.

A document that "never ends" or "needs 8 GB" is made by wrapping the parser in the child
process (``inject``): the worker machinery under test is real, and the test does not
depend on which real documents are slow this week.
"""

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
from ipplan.batch import ERRORS, JOURNAL, LOCK, MANIFEST, run_batch
from tests.conftest import SAMPLES

TEXT = (SAMPLES / "linyi-2023.txt").read_text("utf-8")

#: Wraps the parser in the child: a document holding STUCK never ends, one holding HUNGRY
#: asks for 2 GiB: refused by the worker's address-space limit (without it, the
#: allocation would succeed without touching the RAM).
STUCK_OR_HUNGRY = """
import time
import ipplan.api as api
_build = api.build_plan
def build_plan(doc):
    if "STUCK" in doc.text:
        time.sleep(3600)
    if "HUNGRY" in doc.text:
        hog = bytearray(2 * 1024**3)
    return _build(doc)
api.build_plan = build_plan
"""


def ipplan_cmd(*args: str, inject: str = "") -> list[str]:
    code = f"import sys\nsys.argv = ['ipplan'] + sys.argv[1:]\n{inject}\nfrom ipplan.cli import main\nmain()\n"
    return [sys.executable, "-c", code, *args]


def corpus(folder: Path, n: int, prefix: str = "doc") -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        path = folder / f"{prefix}{i:03d}.txt"
        path.write_text(TEXT + f"\n（{i}）\n", encoding="utf-8")
        paths.append(path)
    return paths


def wait_for(condition, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.05)


def children(pid: int) -> list[int]:
    """Live child processes of ``pid`` (Linux /proc)."""
    out = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid and fields[0] != "Z":
                out.append(int(entry.name))
    return out


def alive(pid: int) -> bool:
    try:
        return (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def errors_of(out: Path) -> dict[str, str]:
    return {e["file"]: e["error"] for e in map(json.loads, (out / ERRORS).read_text("utf-8").splitlines())}


#: libyaml when present: PyYAML's pure-Python loader takes ~60 ms a plan.
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def assert_complete_plans(out: Path) -> list[Path]:
    """Every plan in ``out`` is whole and valid."""
    written = sorted(out.rglob("*.yaml"))
    for path in written:
        ipplan.Plan.model_validate(yaml.load(path.read_text("utf-8"), Loader=LOADER))  # noqa: S506 (safe loader)
    return written


#: Documents in the runs that are stopped midway: enough that a run is still going after
#: its first 20 outputs.
N = 150

linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="uses /proc and Linux signals")


# --- R5: a per-document budget ------------------------------------------------------------

@linux_only
def test_a_document_over_the_time_limit_fails_alone(tmp_path: Path) -> None:
    in_dir = tmp_path / "in"
    corpus(in_dir, 6)
    (in_dir / "a-stuck.txt").write_text(TEXT + "\nSTUCK\n", encoding="utf-8")
    out = tmp_path / "out"
    start = time.monotonic()
    proc = subprocess.run(ipplan_cmd("batch", str(in_dir), "-o", str(out), "-j", "2", "--timeout", "3",
                                     inject=STUCK_OR_HUNGRY), capture_output=True, text=True, timeout=120)
    assert time.monotonic() - start < 60
    assert proc.returncode == 1 and "Traceback" not in proc.stderr, proc.stderr
    assert errors_of(out) == {"a-stuck.txt": "took longer than 3 s (the time limit per document; "
                                              "--timeout changes it)"}
    assert len(assert_complete_plans(out)) == 6 and "a-stuck.txt" in proc.stderr and "parsed" in proc.stderr


@linux_only
def test_a_document_over_the_memory_limit_fails_alone(tmp_path: Path) -> None:
    in_dir = tmp_path / "in"
    corpus(in_dir, 6)
    (in_dir / "doc002-hungry.txt").write_text(TEXT + "\nHUNGRY\n", encoding="utf-8")
    out = tmp_path / "out"
    proc = subprocess.run(ipplan_cmd("batch", str(in_dir), "-o", str(out), "-j", "2", "--max-memory", "300MB",
                                     inject=STUCK_OR_HUNGRY), capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1 and "Traceback" not in proc.stderr, proc.stderr
    assert list(errors_of(out)) == ["doc002-hungry.txt"]
    assert "more than 300 MB of memory" in errors_of(out)["doc002-hungry.txt"]
    assert len(assert_complete_plans(out)) == 6  # including the ones after it in its chunk


@linux_only
def test_ctrl_c_stops_a_batch_stuck_on_a_document(tmp_path: Path) -> None:
    in_dir = tmp_path / "in"
    corpus(in_dir, 4)
    (in_dir / "a-stuck.txt").write_text(TEXT + "\nSTUCK\n", encoding="utf-8")
    out = tmp_path / "out"
    proc = subprocess.Popen(ipplan_cmd("batch", str(in_dir), "-o", str(out), "-j", "2", inject=STUCK_OR_HUNGRY),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    wait_for(lambda: len(list(out.glob("doc*.yaml"))) == 4)
    start = time.monotonic()
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    assert time.monotonic() - start < 20  # the stop grace (5 s), then the stuck worker is killed
    assert proc.returncode == 130 and "Traceback" not in err and "interrupted" in err
    assert run_batch(in_dir, out, jobs=1, pattern="doc*").skipped == 4  # recorded as done


# --- R6: a dead worker --------------------------------------------------------------------

@linux_only
def test_a_killed_worker_fails_only_its_file(tmp_path: Path) -> None:
    in_dir = tmp_path / "in"
    corpus(in_dir, N)
    out = tmp_path / "out"
    proc = subprocess.Popen(ipplan_cmd("batch", str(in_dir), "-o", str(out), "-j", "2"),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    wait_for(lambda: len(list(out.glob("*.yaml"))) >= 20)
    workers = children(proc.pid)
    assert len(workers) == 2
    os.kill(workers[0], signal.SIGKILL)
    _, err = proc.communicate(timeout=120)
    assert "Traceback" not in err and "BrokenProcessPool" not in err and "parsed" in err, err
    errors = errors_of(out) if (out / ERRORS).exists() else {}
    assert len(errors) <= 1 and all("the worker process died (killed by SIGKILL" in e for e in errors.values())
    assert proc.returncode == (1 if errors else 0)
    assert len(assert_complete_plans(out)) == N - len(errors)  # the rest were all done


# --- R7: the parent stopped or killed -----------------------------------------------------

@linux_only
@pytest.mark.parametrize(("sig", "code"), [("SIGTERM", 143), ("SIGHUP", 129)])
def test_sigterm_and_sighup_stop_like_ctrl_c(tmp_path: Path, sig: str, code: int) -> None:
    in_dir = tmp_path / "in"
    corpus(in_dir, N)
    out = tmp_path / "out"
    proc = subprocess.Popen(ipplan_cmd("batch", str(in_dir), "-o", str(out), "-j", "2"),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    wait_for(lambda: len(list(out.glob("*.yaml"))) >= 20)
    workers = children(proc.pid)
    proc.send_signal(getattr(signal, sig))  # the parent only, as `timeout` does
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == code and "Traceback" not in err, err
    assert "interrupted" in err and sig in err and "parsed" in err
    assert (out / MANIFEST).exists() and not (out / JOURNAL).exists() and not list(out.rglob("*.tmp"))
    wait_for(lambda: not any(alive(w) for w in workers), 10)
    written = assert_complete_plans(out)
    assert 20 <= len(written) < N
    assert run_batch(in_dir, out, jobs=2).skipped == len(written)


@linux_only
def test_a_killed_parent_takes_its_workers_and_pipes_along(tmp_path: Path) -> None:
    in_dir = tmp_path / "in"
    inputs = corpus(in_dir, N)
    out = tmp_path / "out"
    # stdout and stderr are one pipe, as in `ipplan batch … 2>&1 | tee log`
    proc = subprocess.Popen(ipplan_cmd("batch", str(in_dir), "-o", str(out), "-j", "2"),
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    wait_for(lambda: len(list(out.glob("*.yaml"))) >= 20)
    workers = children(proc.pid)
    assert len(workers) == 2
    os.kill(proc.pid, signal.SIGKILL)  # the parent alone
    proc.communicate(timeout=10)  # the pipe ends: no worker holds it
    wait_for(lambda: not any(alive(w) for w in workers), 10)
    assert (out / JOURNAL).exists()  # no compacted manifest, but the journal of what was done
    written = assert_complete_plans(out)
    for path in inputs[::2]:  # inputs edited before the next run
        path.write_text(path.read_text("utf-8") + "\n补充。\n", encoding="utf-8")
    rerun = run_batch(in_dir, out, jobs=2)
    assert rerun.failed == 0, rerun.failures  # never "not written by ipplan batch"
    assert rerun.skipped >= len(written) // 2 - 2 > 0  # done before the kill: not parsed again
    assert rerun.parsed + rerun.skipped == N and not (out / JOURNAL).exists()


# --- R8: two runs into one folder ---------------------------------------------------------

@linux_only
def test_a_second_run_into_a_busy_folder_refuses(tmp_path: Path) -> None:
    in_dir = tmp_path / "in"
    corpus(in_dir, 600, "a")  # still running when the second run starts
    corpus(in_dir, 3, "b")
    out = tmp_path / "out"
    first = subprocess.Popen(ipplan_cmd("batch", str(in_dir), "-o", str(out), "-j", "1", "--glob", "a*"),
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    wait_for(lambda: len(list(out.glob("a*.yaml"))) >= 5)
    second = subprocess.run(ipplan_cmd("batch", str(in_dir), "-o", str(out), "--glob", "b*"),
                            capture_output=True, text=True, timeout=60)
    assert second.returncode == 1 and second.stderr.count("\n") == 1, second.stderr
    assert f"another ipplan batch is writing into this folder (pid {first.pid})" in second.stderr
    first.send_signal(signal.SIGINT)
    first.communicate(timeout=60)
    third = subprocess.run(ipplan_cmd("batch", str(in_dir), "-o", str(out), "--glob", "b*"),
                           capture_output=True, text=True, timeout=60)
    assert third.returncode == 0, third.stderr
    outputs = json.loads((out / MANIFEST).read_text("utf-8"))["outputs"]
    assert {f"b{i:03d}.yaml" for i in range(3)} <= set(outputs)
    assert sum(k.startswith("a") for k in outputs) >= 5  # the first run's entries are kept
    assert (out / LOCK).exists() and not list(out.rglob("*.tmp"))


# --- R9: a full disk, a read-only folder --------------------------------------------------

def _can_unshare() -> bool:
    if not shutil.which("unshare"):
        return False
    try:
        return subprocess.run(["unshare", "-rm", "true"], capture_output=True, timeout=10).returncode == 0
    except (OSError, subprocess.SubprocessError):
        return False


needs_mount_namespace = pytest.mark.skipif(not (sys.platform.startswith("linux") and _can_unshare()),
                                           reason="needs `unshare -rm` (a private mount namespace)")


def _in_namespace(setup: str, out: Path, *args: str, after: str = "") -> subprocess.CompletedProcess[str]:
    """Run ipplan ARGS in a private mount namespace between ``setup`` and ``after`` (shell;
    $OUT is the output folder)."""
    script = f'set -e\nOUT="$1"; shift\n{setup}\nset +e\n"$@"\ncode=$?\n{after}\nexit $code'
    return subprocess.run(["unshare", "-rm", "sh", "-c", script, "sh", str(out), *ipplan_cmd(*args)],
                          capture_output=True, text=True, timeout=120)


@needs_mount_namespace
def test_a_full_disk_ends_with_the_summary(tmp_path: Path) -> None:
    in_dir = tmp_path / "in"
    corpus(in_dir, 30)
    out = tmp_path / "out"
    out.mkdir()
    copy = tmp_path / "copy"
    copy.mkdir()
    # a 96 KB disk; what the run leaves on it is copied out for the checks below
    proc = _in_namespace('mount -t tmpfs -o size=96k tmpfs "$OUT"', out, "batch", str(in_dir), "-o", str(out),
                         "-j", "2", after=f'cp -a "$OUT/." "{copy}/"')
    assert "Traceback" not in proc.stderr and "OSError" not in proc.stderr, proc.stderr
    assert proc.returncode == 1 and "parsed" in proc.stderr
    assert "No space left on device" in proc.stderr
    written = assert_complete_plans(copy)  # every plan on the full disk is whole
    assert 0 < len(written) < 30 and not list(copy.rglob("*.tmp"))


@needs_mount_namespace
def test_a_read_only_output_folder_ends_with_the_summary(tmp_path: Path) -> None:
    in_dir = tmp_path / "in"
    inputs = corpus(in_dir, 5)
    done = tmp_path / "done"
    run_batch(in_dir, done, jobs=1)
    out = tmp_path / "out"
    out.mkdir()
    setup = 'mount -t tmpfs tmpfs "$OUT"\ncp -a "$OUT/../done/." "$OUT/"\nmount -o remount,ro "$OUT"'
    up_to_date = _in_namespace(setup, out, "batch", str(in_dir), "-o", str(out), "-j", "2")
    assert up_to_date.returncode == 0 and "Traceback" not in up_to_date.stderr, up_to_date.stderr
    assert "skipped (up to date): 5" in up_to_date.stderr
    inputs[0].write_text(TEXT + "\n补充。\n", encoding="utf-8")
    changed = _in_namespace(setup, out, "batch", str(in_dir), "-o", str(out), "-j", "2")
    assert changed.returncode == 1 and "Traceback" not in changed.stderr, changed.stderr
    assert "doc000.txt: cannot write doc000.yaml: Read-only file system" in changed.stderr
    assert "cannot write _errors.jsonl: Read-only file system" in changed.stderr  # said, as far as it can be


# --- R11: special files -------------------------------------------------------------------

@linux_only
def test_a_fifo_in_the_input_folder_is_refused_without_reading(tmp_path: Path) -> None:
    in_dir = tmp_path / "in"
    corpus(in_dir, 2)
    os.mkfifo(in_dir / "pipe.txt")  # nobody ever writes to it: reading would block forever
    out = tmp_path / "out"
    proc = subprocess.run(ipplan_cmd("batch", str(in_dir), "-o", str(out), "-j", "1"),
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    assert errors_of(out) == {"pipe.txt": "not a regular file (a FIFO); not read"}
    assert len(assert_complete_plans(out)) == 2
    again = subprocess.run(ipplan_cmd("parse", str(in_dir / "pipe.txt")), capture_output=True, text=True, timeout=60)
    assert again.returncode == 1 and again.stderr == f"ipplan: error: {in_dir / 'pipe.txt'}: not a regular file " \
                                                     "(a FIFO); not read\n"


@linux_only
@pytest.mark.parametrize(("path", "words"), [("/dev/zero", "not a regular file (a character device); not read"),
                                             ("/dev/urandom", "not a regular file (a character device); not read"),
                                             ("/proc/self/maps", "input is over the 1,000-byte limit")])
def test_parse_reads_no_special_file_and_never_past_the_limit(path: str, words: str) -> None:
    """/proc files are regular files of st_size 0: the read itself stops at the limit."""
    from tests.hostile.test_hostile import _run_limited

    proc, seconds, peak_mb = _run_limited(["parse", "--max-size", "1000", path])
    assert proc.returncode == 1 and proc.stderr.decode() == f"ipplan: error: {path}: {words}\n"
    assert seconds < 30 and peak_mb < 200
