"""ipplan benchmark: in-process parse time, batch throughput, cold start, peak memory.

    python benchmarks/bench.py [--docs 1000] [--corpus DIR]

Builds a corpus from the samples (originals plus full-width, GB18030, one-line and
traditional variants, each copy made unique), then measures. Run it on an idle machine;
the README records the figures and the machine they came from.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = sorted((ROOT / "samples").glob("*.txt"))
IPPLAN = [sys.executable, "-m", "ipplan"]


def build_corpus(dest: Path, n: int) -> list[Path]:
    from ipplan.parse.normalize import _converter

    full = str.maketrans({",": "，", "(": "（", ")": "）", ":": "：", ";": "；"})
    variants = []
    for p in SAMPLES:
        t = p.read_text("utf-8")
        variants += [(t, "utf-8"), (t.translate(full), "utf-8"), (t, "gb18030"), (" ".join(t.splitlines()), "utf-8")]
        if not p.stem.endswith("-tw"):
            variants.append((_converter("s2twp").convert(t), "utf-8"))
    dest.mkdir(parents=True, exist_ok=True)
    files = []
    for i in range(n):
        text, enc = variants[i % len(variants)]
        path = dest / f"{i // 100:03d}" / f"doc{i:05d}.txt"
        path.parent.mkdir(exist_ok=True)
        path.write_bytes((text + f"\n（编号{i}）\n").encode(enc))
        files.append(path)
    return files


def _children_cpu() -> float:
    ru = resource.getrusage(resource.RUSAGE_CHILDREN)
    return ru.ru_utime + ru.ru_stime


def timeit(cmd: list[str], repeat: int = 7) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--docs", type=int, default=1000)
    ap.add_argument("--corpus", type=Path, default=None)
    args = ap.parse_args()
    import ipplan

    work = Path(tempfile.mkdtemp(prefix="ipplan-bench-"))
    corpus = args.corpus or work / "corpus"
    files = build_corpus(corpus, args.docs)
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}, ipplan {ipplan.__version__}")
    print(f"corpus: {len(files)} documents, {sum(f.stat().st_size for f in files) / len(files) / 1024:.1f} KB mean")

    # In-process parse (warm): the pipeline's own cost per document.
    ipplan.parse_file(files[0])
    per_doc = []
    for f in files[: min(300, len(files))]:
        t = time.perf_counter()
        ipplan.parse_file(f)
        per_doc.append(time.perf_counter() - t)
    per_doc.sort()
    big = [p for p in SAMPLES if p.stat().st_size >= 20_000]
    big_times = []
    for p in big:
        for _ in range(30):
            t = time.perf_counter()
            ipplan.parse_file(p)
            big_times.append(time.perf_counter() - t)
    print(f"in-process parse: median {statistics.median(per_doc) * 1000:.2f} ms, "
          f"p95 {per_doc[int(len(per_doc) * 0.95)] * 1000:.2f} ms per document")
    if big_times:
        print(f"in-process parse of the ~20 KB samples: median {statistics.median(big_times) * 1000:.2f} ms")

    # Batch throughput, 1 worker and all cores.
    for jobs in (1, os.cpu_count() or 1):
        out = work / f"out{jobs}"
        cpu0 = _children_cpu()
        t = time.perf_counter()
        subprocess.run(IPPLAN + ["batch", str(corpus), "-o", str(out), "--jobs", str(jobs)], check=False,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        dt = time.perf_counter() - t
        cpu = (_children_cpu() - cpu0) / len(files) * 1000
        # CPU per document (all processes, start-up included) is steadier than the wall rate
        # on a shared machine.
        print(f"batch, {jobs} worker(s): {len(files) / dt:.0f} documents/s ({dt:.1f} s wall, "
              f"{cpu:.1f} ms CPU per document)")
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024

    # Cold starts.
    print(f"cold `ipplan --version`: {timeit(IPPLAN + ['--version']):.3f} s")
    print(f"cold `ipplan parse` of a sample: {timeit(IPPLAN + ['parse', str(SAMPLES[-1]), '-o', os.devnull]):.3f} s")
    print(f"peak memory of one process (largest child): {peak:.0f} MB")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
