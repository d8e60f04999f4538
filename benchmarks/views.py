"""Views at the scale of a folder of plans: build an N-plan folder from a folder of plans,
then time `ipplan report` (build) and the page's opening in headless Chromium, `export`
to CSV and SQLite, and `compare -o`.

    python benchmarks/views.py PLANS_DIR [--plans 1000] [--keep DIR]

PLANS_DIR holds plan files (e.g. `ipplan batch samples -o /tmp/plans`); they are copied
as JSON into subfolders c00/, c01/, … until there are N, each copy's source.path
prefixed with its subfolder so that every copy is its own document. Build times are the
command's wall and CPU time (a fresh process each, as a user runs it). The opening time
is the time headless Chromium takes to load and screenshot the page minus the time it
takes for an empty page, the best of three runs (the machine is shared: the minimum is the
steadiest figure).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--hide-scrollbars", "--window-size=1400,1000"]


def make_folder(src: Path, out: Path, n: int) -> None:
    """N JSON plans in out/cNN/, copied from the plan files of src."""
    from ipplan.views.load import load

    plans = load([src]).plans
    if not plans:
        sys.exit(f"no plans in {src}")
    for i in range(n):
        data = json.loads(plans[i % len(plans)].model_dump_json())
        sub = f"c{i // len(plans):02d}"
        data["source"]["path"] = f"{sub}/{data['source']['path']}"
        path = out / sub / f"{i % len(plans):04d}.json"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(data, ensure_ascii=False), "utf-8")


def timed(*args: str) -> tuple[float, float]:
    """Wall and CPU seconds of `python -m ipplan ARGS` in a fresh process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-m", "ipplan", *args], check=True, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")


def open_seconds(browser: str, page: Path, runs: int = 3) -> float:
    """Seconds to load, lay out and paint the page, over an empty page's (best of ``runs``)."""
    blank = page.parent / "blank.html"
    blank.write_text("<!DOCTYPE html><html><body>x</body></html>", "utf-8")

    def shot(p: Path) -> float:
        with tempfile.TemporaryDirectory() as profile:
            t0 = time.perf_counter()
            subprocess.run([browser, *CHROMIUM_FLAGS, f"--user-data-dir={profile}",
                            f"--screenshot={page.parent / 'shot.png'}", p.as_uri()],
                           check=True, capture_output=True, timeout=300)
            return time.perf_counter() - t0

    return min(shot(page) for _ in range(runs)) - min(shot(blank) for _ in range(runs))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("plans_dir", type=Path)
    ap.add_argument("--plans", type=int, default=1000)
    ap.add_argument("--keep", type=Path, help="Make the folder here and keep it (default: a temporary folder).")
    a = ap.parse_args()
    work = a.keep or Path(tempfile.mkdtemp(prefix="ipplan-views-"))
    folder = work / "plans"
    if folder.exists():
        shutil.rmtree(folder)
    make_folder(a.plans_dir, folder, a.plans)
    size = sum(f.stat().st_size for f in folder.rglob("*.json"))
    print(f"{a.plans} plans, {size / 1e6:.1f} MB of JSON, on {os.cpu_count()} cores")
    page = work / "report.html"
    for name, args in [("report", ["report", str(folder), "-o", str(page)]),
                       ("export csv", ["export", str(folder), "-o", str(work / "targets.csv")]),
                       ("export sqlite", ["export", str(folder), "-o", str(work / "plans.sqlite")]),
                       ("compare -o csv", ["compare", str(folder), "-o", str(work / "compare.csv")])]:
        wall, cpu = timed(*args)
        print(f"{name:>15}: {wall:.1f} s wall, {cpu:.1f} s CPU")
    print(f"{'report page':>15}: {page.stat().st_size / 1e6:.1f} MB")
    browser = chromium()
    if browser:
        print(f"{'page opens in':>15}: {open_seconds(browser, page):.2f} s (headless Chromium, over an empty page)")
    else:
        print("no Chromium: page opening not measured")
    if not a.keep:
        shutil.rmtree(work)


if __name__ == "__main__":
    main()
