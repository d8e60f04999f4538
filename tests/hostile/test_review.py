"""ipplan review on hostile inputs: a line holding thousands of items, a plan file with
thousands of items found nowhere, an alias bomb, a plan pointing at a huge source. Each
finishes in bounded time and memory, or stops with a one-line error."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import SAMPLES
from tests.hostile.test_hostile import MEMORY_BOUND_MB, TIME_BOUND, _run_limited

SAMPLE = SAMPLES / "linyi-2023.txt"


def _ok(args: list[str], out: Path) -> float:
    proc, seconds, peak_mb = _run_limited(["review", *args, "-o", str(out)])
    assert proc.returncode == 0, proc.stderr.decode("utf-8", "replace")
    assert seconds < TIME_BOUND and peak_mb < MEMORY_BOUND_MB, (seconds, peak_mb)
    return out.stat().st_size


def test_one_line_with_thousands_of_targets(tmp_path: Path) -> None:
    doc = tmp_path / "many.txt"
    clause = "".join(f"到2025年，建成基地{i}个以上，" for i in range(1, 5001))
    doc.write_text("一、目标\n" + clause + "。(责任单位：" + "、".join(f"市局{i}" for i in range(2000)) + ")\n", "utf-8")
    size = _ok([str(doc)], tmp_path / "r.html")
    assert size < 40 * 1024 * 1024


def test_plan_with_thousands_of_items_found_nowhere(tmp_path: Path) -> None:
    target = {"section": None, "indicator": "x", "value": 1, "text": "这句话不在文件里<script>"}
    plan = {"schema_version": "1", "source": {"path": str(SAMPLE)}, "targets": [target] * 20000,
            "sections": [{"id": str(i), "label": f"{i}.", "ordinal": i, "level": 1, "title": "无此标题"}
                         for i in range(1, 3001)]}
    plan_file = tmp_path / "p.json"
    plan_file.write_text(json.dumps(plan, ensure_ascii=False), "utf-8")
    (tmp_path / SAMPLE.name).write_bytes(SAMPLE.read_bytes())  # beside the plan (the only place looked at)
    _ok([str(plan_file)], tmp_path / "r.html")
    html = (tmp_path / "r.html").read_text("utf-8")
    assert "23000 items were not found in the text" in html and "<script>" not in html


def test_alias_bomb_plan_is_refused(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.yaml"
    bomb.write_text('a: &a ["x","x","x","x","x","x","x","x","x"]\n'
                    + "".join(f"{c}: &{c} [*{p},*{p},*{p},*{p},*{p},*{p},*{p},*{p},*{p}]\n"
                              for p, c in zip("abcdefgh", "bcdefghi")), "utf-8")
    proc, seconds, _ = _run_limited(["review", str(bomb), "-o", str(tmp_path / "r.html")])
    err = proc.stderr.decode("utf-8")
    assert proc.returncode == 1 and "P003" in err and str(bomb) in err and err.count("\n") <= 1, err
    assert seconds < TIME_BOUND and not (tmp_path / "r.html").exists()


def test_plan_pointing_at_a_huge_source_is_refused(tmp_path: Path) -> None:
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as fh:
        fh.truncate(60 * 1024 * 1024)  # sparse: 60 MB of zeros without writing them
    plan_file = tmp_path / "p.json"
    plan_file.write_text(json.dumps({"schema_version": "1", "source": {"path": "huge.txt"}}), "utf-8")
    proc, seconds, peak_mb = _run_limited(["review", str(plan_file), "-o", str(tmp_path / "r.html")])
    err = proc.stderr.decode("utf-8")
    assert proc.returncode == 1 and "limit" in err and err.count("\n") <= 1, err
    assert seconds < TIME_BOUND and peak_mb < MEMORY_BOUND_MB
