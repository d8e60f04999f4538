"""Every hostile input gives its documented one-line error and exit code, fast, with
bounded memory, and no traceback; a batch over all of them loses nothing."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from ipplan.batch import ERRORS, run_batch
from tests.hostile.corpus import CORPUS, Hostile, build

#: Seconds any one of them may take from a cold process (normal: ~0.3 s).
TIME_BOUND = 30.0
#: Peak memory of the process reading it (normal: ~90 MB; the zip bomb would be 1 GiB).
MEMORY_BOUND_MB = 400


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return build(tmp_path_factory.mktemp("hostile"))


def _run_limited(args: list[str]) -> tuple[subprocess.CompletedProcess[bytes], float, float]:
    """Run ``python -m ipplan ARGS`` in a child; returns its result, seconds and peak MB."""
    code = ("import resource, runpy, sys; sys.argv = ['ipplan'] + sys.argv[1:]\n"
            "try:\n    runpy.run_module('ipplan', run_name='__main__')\n"
            "finally:\n    sys.stderr.write('\\npeak-kb %d' % resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)\n")
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, timeout=TIME_BOUND * 2)
    seconds = time.perf_counter() - start
    err, _, peak = proc.stderr.decode("utf-8", "replace").rpartition("\npeak-kb ")
    proc.stderr = err.encode()
    return proc, seconds, int(peak) / 1024


@pytest.mark.parametrize("h", CORPUS, ids=lambda h: h.name)
def test_hostile_input_gives_its_error(corpus: dict[str, Path], h: Hostile) -> None:
    path = corpus[h.name]
    proc, seconds, peak_mb = _run_limited([h.command, str(path)])
    out = (proc.stderr or proc.stdout).decode("utf-8")
    assert proc.returncode == h.exit_code, out
    assert h.words in out and str(path) in out
    assert "Traceback" not in out and proc.stderr.decode().count("\n") <= 1
    assert seconds < TIME_BOUND and peak_mb < MEMORY_BOUND_MB, (seconds, peak_mb)


def test_batch_over_the_hostile_corpus_reports_every_file(corpus: dict[str, Path], tmp_path: Path) -> None:
    """The documents of the corpus (not the plan files, which `validate` reads) in one
    batch, with a good one: each gives its error, the good one its plan (~1 s; it took
    ~270 s when the 20 MB plan file was parsed as a document too)."""
    parse_cases = {h.name: h for h in CORPUS if h.command == "parse" and h.exit_code}
    clamped = [h.name for h in CORPUS if h.command == "parse" and not h.exit_code]  # parsed, with a notice
    in_dir = tmp_path / "in"
    (in_dir / "good").mkdir(parents=True)
    for name in [*parse_cases, *clamped]:
        os.link(corpus[name], in_dir / name)
    good = in_dir / "good" / "linyi-2023.txt"
    good.write_bytes((Path(__file__).parents[2] / "samples" / "linyi-2023.txt").read_bytes())
    out = tmp_path / "out"
    start = time.perf_counter()
    summary = run_batch(in_dir, out, jobs=2, pattern="*")
    assert time.perf_counter() - start < TIME_BOUND
    errors = {e["file"]: e["error"] for e in map(json.loads, (out / ERRORS).read_text("utf-8").splitlines())}
    assert set(errors) == set(parse_cases)
    assert all(parse_cases[name].words in errors[name] for name in parse_cases)
    assert summary.parsed == 1 + len(clamped) and (out / "good" / "linyi-2023.yaml").exists()
    assert not list(out.rglob("*.tmp"))


def test_the_corpus_is_rebuilt_identically(tmp_path: Path) -> None:
    """Deterministic fixtures: the same bytes on every machine."""
    a, b = build(tmp_path / "a"), build(tmp_path / "b")
    assert [n for n in a if a[n].read_bytes() != b[n].read_bytes()] == []
