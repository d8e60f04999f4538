"""README "Past one machine": the Dask recipe, run as written on a local cluster (two
worker processes) over the dev documents (or, in a clone alone, the samples) re-packed as a JSONL table, gives the plans
`ipplan batch` gives for the folder (source aside), and names the records that fail."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from ipplan.batch import run_batch

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT.parent / "shared" / "corpus" / "dev"
#: The dev documents where ../shared is here, else the repository's own samples, so that a
#: clone alone (CI) still runs the recipe on a real cluster.
DOCS, PATTERN = (DEV, "d0*.[ht][tx]*") if DEV.is_dir() else (ROOT / "samples", "*.txt")


def recipe() -> str:
    text = (ROOT / "README.md").read_text("utf-8")
    blocks = re.findall(r"```python\n(.*?)```", text, re.S)
    (block,) = [b for b in blocks if "dask.distributed" in b]
    return block


def test_the_readme_dask_recipe_gives_the_plans_of_ipplan_batch(tmp_path: Path) -> None:
    pytest.importorskip("dask.distributed")
    records = []
    for path in sorted(DOCS.glob(PATTERN)):
        if path.suffix in (".html", ".txt"):
            records.append({"id": path.stem, "url": f"http://example.gov.cn/{path.name}",
                            "html" if path.suffix == ".html" else "text": path.read_text("utf-8")})
    records.append({"id": "broken", "text": "   "})
    (tmp_path / "docs.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), "utf-8")
    (tmp_path / "recipe.py").write_text(recipe(), "utf-8")
    done = subprocess.run([sys.executable, "recipe.py"], cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    assert "1 records failed" in done.stdout and "'id': 'broken'" in done.stdout
    plans = [json.loads(line) for part in sorted((tmp_path / "plans").glob("part-*.jsonl"))
             for line in part.read_text("utf-8").splitlines()]
    assert len(plans) == len(records) - 1
    folder = tmp_path / "folder"
    summary = run_batch(DOCS, folder, jobs=2, fmt="json", pattern=PATTERN)
    assert summary.failed == 0 and summary.parsed == len(plans)
    for plan in plans:
        name = plan["source"]["record"]["id"]
        assert plan["source"]["path"] == f"docs.jsonl#{name}"
        want = json.loads((folder / f"{name}.json").read_text("utf-8"))
        for key in ("meta", "sections", "targets", "tables", "warnings", "notices"):
            assert plan.get(key) == want.get(key), (name, key)
    # the table input on one machine gives the same lines
    table = run_batch(tmp_path / "docs.jsonl", tmp_path / "table", jobs=2, fmt="jsonl")
    assert (table.parsed, table.failed) == (len(plans), 1)
    lines = (tmp_path / "table" / "plans.jsonl").read_text("utf-8").splitlines()
    by_path = {json.loads(x)["source"]["path"]: json.loads(x) for x in lines}
    assert by_path == {p["source"]["path"]: p for p in plans}  # byte for byte the same plans
