"""ipplan benchmark: CPU time of the parser against a bare floor measured in the same run.

    python benchmarks/bench.py [--repeat 7] [--docs 400] [--quick]

Every figure is CPU time (user + system; ``getrusage`` of the child processes for cold
runs, ``time.process_time`` in process), the best of N runs, printed beside a floor that
does the least any such program must do with the same input, and their ratio. CPU time and
the best run are what other processes on a shared machine disturb least; the ratio cancels
most of what remains (a slow minute slows the floor too).

The floors (compare ../shared/eval/speed.py):
- floor process: start Python, import OpenCC and PyYAML, read and decode the document,
  convert it to simplified script, run three regex passes (outline markers, bracketed
  markers, quantities) and write a YAML dump of its lines and matches (libyaml when
  present). It stands for cold `ipplan parse` and `ipplan validate`; one such process
  over all the files of a batch is the batch's floor.
- floor in process: decode, convert, the three regex passes, over the same bytes.

The figures of issue 20 and their targets: cold `ipplan parse <sample> -o x.yaml`
≤ 0.15 s CPU and ≤ 5× the floor process; cold `ipplan validate <plan>` ≤ 4× it; the
samples in process ≤ 8× their floor; a 1 MB document ≤ 3.5× its floor, with time linear in
size; `ipplan batch` of 400 documents with 2 workers ≤ 5× its floor. Also printed: the CPU
time of `import ipplan.api` and how many regular expressions that import compiles.

Children run with bytecode caching on (PYTHONDONTWRITEBYTECODE unset) after a warm-up, as
an installed ipplan runs from its .pyc files. Run it on an idle machine; the README records
the figures and the machine they came from.
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = sorted((ROOT / "samples").glob("*.txt"))
IPPLAN = [sys.executable, "-m", "ipplan"]
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}

#: The three regex passes of the floor (the same as ../shared/eval/speed.py).
PATTERNS = (r"(?m)^\s*[一二三四五六七八九十]+、", r"[(（][一二三四五六七八九十]+[)）]",
            r"\d+(?:\.\d+)?[万亿]?(?:件|家|个|元|%)")

#: The floor process: argv = OUT FILE...; each FILE is converted and dumped to OUT (the
#: last one's dump stays), as a batch of one process would.
FLOOR_SCRIPT = f"""
import re, sys
import opencc, yaml
cc = opencc.OpenCC("t2s")
pats = [re.compile(p) for p in {PATTERNS!r}]
dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
for src in sys.argv[2:]:
    with open(src, "rb") as fh:
        t = cc.convert(fh.read().decode("utf-8", "replace"))
    found = [r.findall(t) for r in pats]
    with open(sys.argv[1], "w", encoding="utf-8") as fh:
        yaml.dump({{"lines": t.splitlines(), "found": found}}, fh, Dumper=dumper, allow_unicode=True)
"""

#: Counts the regular expressions compiled while importing ipplan.api (cache misses of re).
COUNT_SCRIPT = """
import re, time
compiler = getattr(re, "_compiler", None) or __import__("sre_compile")
real, n = compiler.compile, [0]
def counting(*a, **k):
    n[0] += 1
    return real(*a, **k)
compiler.compile = counting
t = time.process_time()
import ipplan.api
print(n[0], time.process_time() - t)
"""


def children_cpu() -> float:
    ru = resource.getrusage(resource.RUSAGE_CHILDREN)
    return ru.ru_utime + ru.ru_stime


def cold(cmd: list[str], repeat: int) -> float:
    """Best CPU time of ``cmd`` (the process and its children) over ``repeat`` runs."""
    subprocess.run(cmd, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # warm-up: .pyc, disk cache
    best = float("inf")
    for _ in range(repeat):
        before = children_cpu()
        subprocess.run(cmd, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        best = min(best, children_cpu() - before)
    return best


def best(fn: Callable[[], object], repeat: int) -> float:
    """Best CPU time of ``fn()`` in this process."""
    out = float("inf")
    for _ in range(repeat):
        t = time.process_time()
        fn()
        out = min(out, time.process_time() - t)
    return out


def build_corpus(dest: Path, n: int) -> list[Path]:
    """``n`` documents made from the samples: originals, full-width punctuation, GB18030,
    one line, and traditional script, each copy made unique."""
    from ipplan.parse.normalize import _converter

    full = str.maketrans({",": "，", "(": "（", ")": "）", ":": "：", ";": "；"})
    variants = []
    for p in SAMPLES:
        t = p.read_text("utf-8")
        variants += [(t, "utf-8"), (t.translate(full), "utf-8"), (t, "gb18030"), (" ".join(t.splitlines()), "utf-8")]
        if not p.stem.endswith("-tw"):
            variants.append((_converter("s2twp").convert(t), "utf-8"))
    files = []
    for i in range(n):
        text, enc = variants[i % len(variants)]
        path = dest / f"{i // 100:03d}" / f"doc{i:05d}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes((text + f"\n（编号{i}）\n").encode(enc))
        files.append(path)
    return files


def long_document(size: int) -> bytes:
    """About ``size`` bytes of UTF-8: the samples one after another, again and again, cut
    at a line end (a long compilation of plans)."""
    text = "\n".join(p.read_text("utf-8") for p in SAMPLES)
    data = ((text + "\n") * (size // len(text.encode()) + 1)).encode()
    return data[: data.rindex(b"\n", 0, size) + 1]


class Table:
    def __init__(self) -> None:
        self.rows: list[tuple[str, str, str, str, str]] = []

    def add(self, what: str, value: float, floor: float | None = None, target: str = "",
            unit: str = "ms") -> float | None:
        scale = 1000 if unit == "ms" else 1
        fmt = (lambda v: f"{v * scale:.1f} {unit}") if unit == "ms" else (lambda v: f"{v:.3f} {unit}")
        ratio = value / floor if floor else None
        self.rows.append((what, fmt(value), fmt(floor) if floor else "", f"{ratio:.1f}×" if ratio else "", target))
        print(f"  {what}: {fmt(value)}" + (f", floor {fmt(floor)}, {ratio:.1f}×" if floor else "")
              + (f"   (target {target})" if target else ""), flush=True)
        return ratio

    def markdown(self) -> str:
        out = ["| measure | ipplan | floor | ratio | target |", "|---|---|---|---|---|"]
        out += ["| " + " | ".join(r) + " |" for r in self.rows]
        return "\n".join(out)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--repeat", type=int, default=7, help="runs of each cold measure (best taken) [7]")
    ap.add_argument("--docs", type=int, default=400, help="documents in the batch [400]")
    ap.add_argument("--quick", action="store_true", help="fewer runs (3 cold, 2 batch): a rough look")
    args = ap.parse_args()
    rep = 3 if args.quick else args.repeat
    sys.path.insert(0, str(ROOT))
    import ipplan
    import opencc

    from ipplan import api, emit

    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {sys.version.split()[0]}, "
          f"ipplan {ipplan.__version__}, {time.strftime('%Y-%m-%d')}; load average "
          + " ".join(f"{x:.2f}" for x in os.getloadavg()), flush=True)
    work = Path(tempfile.mkdtemp(prefix="ipplan-bench-"))
    table = Table()
    try:
        # --- cold processes -------------------------------------------------------------
        print("cold processes (CPU, best of %d):" % rep, flush=True)
        sample = next(p for p in SAMPLES if p.stem.startswith("zhengzhou"))
        plan = work / "x.yaml"
        floor = cold([sys.executable, "-c", FLOOR_SCRIPT, str(work / "floor.yaml"), str(sample)], rep)
        table.add("floor process (start, OpenCC, 3 regex passes, YAML dump)", floor, unit="s")
        table.add("cold `ipplan --version`", cold(IPPLAN + ["--version"], rep), unit="s")
        parse = cold(IPPLAN + ["parse", str(sample), "-o", str(plan)], rep)
        table.add(f"cold `ipplan parse {sample.name} -o x.yaml`", parse, floor, "≤ 0.15 s, ≤ 5×", unit="s")
        table.add("cold `ipplan validate x.yaml`", cold(IPPLAN + ["validate", str(plan)], rep), floor, "≤ 4×",
                  unit="s")
        counts = []
        for _ in range(rep):
            out = subprocess.run([sys.executable, "-c", COUNT_SCRIPT], env=ENV, capture_output=True, text=True,
                                 check=True).stdout.split()
            counts.append((float(out[1]), int(out[0])))
        imp, regexes = min(counts)
        table.add("`import ipplan.api` (in a fresh process)", imp)
        print(f"  regular expressions compiled by `import ipplan.api`: {regexes}", flush=True)
        table.rows.append(("regexes compiled by `import ipplan.api`", str(regexes), "", "", ""))

        # --- in process -------------------------------------------------------------------
        cc = opencc.OpenCC("t2s")
        import re

        pats = [re.compile(p) for p in PATTERNS]

        def floor_of(data: bytes) -> Callable[[], None]:
            def run() -> None:
                t = cc.convert(data.decode("utf-8", "replace"))
                for r in pats:
                    r.findall(t)
            return run

        parse_dict = getattr(api, "parse_bytes_data", None)  # the dict the CLI and batch write

        def ipplan_of(data: bytes, name: str, fn: Callable[..., object]) -> Callable[[], None]:
            return lambda: fn(data, path=name)

        n_in = max(2 * rep, 9)  # cheap: more runs, a steadier best
        print(f"in process (CPU, best of {n_in} per document, summed):", flush=True)
        datas = [(p.read_bytes(), p.name) for p in SAMPLES]
        for d, name in datas:  # warm: data loads, caches
            api.parse_bytes(d, path=name)
        fl = sum(best(floor_of(d), n_in) for d, _ in datas)
        table.add(f"floor of the {len(datas)} samples (decode, OpenCC, 3 regex passes)", fl)
        if parse_dict is not None:
            ip = sum(best(ipplan_of(d, n, parse_dict), n_in) for d, n in datas)
            table.add(f"parse of the {len(datas)} samples to the plan's data (CLI, batch)", ip, fl, "≤ 8×")
            ip_yaml = sum(best(lambda d=d, n=n: emit.to_yaml(parse_dict(d, path=n)), n_in) for d, n in datas)
            table.add(f"  … and its YAML text", ip_yaml, fl)
        ip = sum(best(ipplan_of(d, n, api.parse_bytes), n_in) for d, n in datas)
        table.add(f"`ipplan.parse_bytes` of the {len(datas)} samples (a validated Plan)", ip, fl,
                  "" if parse_dict is not None else "≤ 8×")

        print("one long document (CPU, best of 3):", flush=True)
        per_kb = []
        for size in (250_000, 500_000, 1_000_000):
            data = long_document(size)
            fn = parse_dict or api.parse_bytes
            fn(data, path="long.txt")
            t = best(ipplan_of(data, "long.txt", fn), 3)
            f = best(floor_of(data), 3)
            per_kb.append(t / (len(data) / 1024))
            table.add(f"{len(data) / 1e6:.2f} MB document", t, f, "≤ 3.5×" if size == 1_000_000 else "")
        print(f"  per KB: " + ", ".join(f"{x * 1e6:.0f} µs" for x in per_kb)
              + f" (1 MB / 250 KB: {per_kb[-1] / per_kb[0]:.2f}; linear is 1.00)", flush=True)
        table.rows.append(("CPU per KB at 0.25 / 0.5 / 1 MB", " / ".join(f"{x * 1e6:.0f} µs" for x in per_kb),
                           "", f"{per_kb[-1] / per_kb[0]:.2f}", "linear (1.00)"))

        # --- batch --------------------------------------------------------------------------
        runs = 2 if args.quick else 3
        print(f"batch of {args.docs} documents (CPU of all processes, best of {runs}):", flush=True)
        files = build_corpus(work / "corpus", args.docs)
        print(f"  corpus: {len(files)} documents, {sum(f.stat().st_size for f in files) / len(files) / 1024:.1f} "
              "KB mean", flush=True)
        bfloor = cold([sys.executable, "-c", FLOOR_SCRIPT, str(work / "floor.yaml"), *map(str, files)], runs)
        table.add(f"floor process over the {len(files)} documents", bfloor, unit="s")
        bcpu, wall = float("inf"), float("inf")
        for i in range(runs):
            out = work / f"out{i}"
            before, t = children_cpu(), time.perf_counter()
            subprocess.run(IPPLAN + ["batch", str(work / "corpus"), "-o", str(out), "--jobs", "2"], env=ENV,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            bcpu, wall = min(bcpu, children_cpu() - before), min(wall, time.perf_counter() - t)
            shutil.rmtree(out, ignore_errors=True)
        table.add(f"`ipplan batch` of {len(files)}, 2 workers", bcpu, bfloor, "≤ 5×", unit="s")
        print(f"  batch wall time {wall:.1f} s ({len(files) / wall:.0f} documents/s); "
              f"peak memory of one process {resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024:.0f} MB")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"load average at the end: " + " ".join(f"{x:.2f}" for x in os.getloadavg()))
    print()
    print(table.markdown())


if __name__ == "__main__":
    main()
