"""The body stages under documents built to be expensive (issue 16 R4): a flood of repeated
outline markers and a flood of numbered target lines parse within bounded time and memory,
give a plan `ipplan validate` accepts, and say what they dropped.

Full-size measurements on the 2-core dev box (README, "Limits"): 10 MB of （一） lines 83 s,
378 MB peak; 1M numbered target lines (38 MB) 131 s, 469 MB peak (it was 3.8 GB and 4.5 GB).
The tests use a fifth of that so the suite stays quick; the costs are linear."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest

#: Seconds and peak MB for a fifth of the issue's inputs (measured: ~20 s, ~200 MB).
TIME_BOUND = 90.0
MEMORY_BOUND_MB = 400


def _parse_limited(path: Path, out: Path) -> tuple[subprocess.CompletedProcess[bytes], float, float]:
    code = ("import resource, runpy, sys; sys.argv = ['ipplan'] + sys.argv[1:]\n"
            "try:\n    runpy.run_module('ipplan', run_name='__main__')\n"
            "finally:\n    sys.stderr.write('\\npeak-kb %d' % resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)\n")
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", code, "parse", str(path), "-o", str(out), "--format", "json"],
                          capture_output=True, timeout=TIME_BOUND * 2)
    seconds = time.perf_counter() - start
    err, _, peak = proc.stderr.decode("utf-8", "replace").rpartition("\npeak-kb ")
    proc.stderr = err.encode()
    return proc, seconds, int(peak) / 1024


CASES = {
    "repeated_markers": "一、目标\n" + "（一）\n" * 200_000,
    "numbered_targets": "一、目标\n" + "".join(f"{i % 999 + 1}.专利申请量达到{i + 1}件。\n" for i in range(200_000)),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_expensive_bodies_cost_bounded_time_and_memory(name: str, tmp_path: Path) -> None:
    path = tmp_path / f"{name}.txt"
    path.write_text(CASES[name], encoding="utf-8")
    out = tmp_path / f"{name}.json"
    proc, seconds, peak_mb = _parse_limited(path, out)
    assert proc.returncode == 0, proc.stderr.decode()
    assert seconds < TIME_BOUND and peak_mb < MEMORY_BOUND_MB, (seconds, peak_mb)
    plan = json.loads(out.read_text("utf-8"))
    ids: list[str] = []
    todo = list(plan["sections"])
    while todo:
        s = todo.pop()
        ids.append(s["id"])
        todo.extend(s["children"])
    assert len(ids) == len(set(ids))  # never two sections with one id
    assert len(plan["targets"]) <= 10_000
    assert any("numbering repeats" in w or "targets" in w for w in plan["warnings"])
    outline = [w for w in plan["warnings"] if "numbering" in w or "sections" in w]
    assert len(outline) <= 210  # outline warnings are counted past 200, not kept
    assert len(plan["warnings"]) <= 210 + 2 * 50  # possible misses are capped at 50 per kind too
    from ipplan.validate.check import Options, check_file

    # (the plan keeps the whole text, so it may be larger than validate's default 10 MiB limit)
    result = check_file(str(out), Options(max_bytes=200 * 1024 * 1024))
    assert [f.code for f in result.findings if f.rule.severity == "error"] == []
