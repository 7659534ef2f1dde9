"""Throughput of the pipeline on real news (SaudiNewsNet 2015).

Prints, all measured in this run:
- the marginal rate in articles/s on one core: (N2 - N1) / (t(N2) - t(N1)), start-up excluded;
- the same for the baseline (normalise + segment alone, the floor any pipeline pays) and the ratio;
- start-up time (import + load + first article, in a fresh interpreter) and its peak memory
  after processing the articles;
- per-stage time shares (the profile that guides optimisation);
- the Dask speed-up from 1 to 2 workers (LocalCluster, warm workers).

Usage: python benchmarks/throughput.py [--n1 200 --n2 600] [--no-dask]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(__file__))
from _shared import news  # noqa: E402

import marsad  # noqa: E402
from marsad.document import Document  # noqa: E402
from marsad.pipeline import build  # noqa: E402


def typical_articles(n: int, min_words: int = 250, max_words: int = 600) -> list[dict]:
    out = []
    for _, art in news():
        words = len((art.get("content") or "").split())
        if min_words <= words <= max_words:
            out.append(art)
            if len(out) == n:
                break
    return out


def timed(pipeline, arts: list[dict]) -> float:
    t0 = time.process_time()
    for art in arts:
        pipeline(Document(art["content"], published=None))
    return time.process_time() - t0


def marginal(pipeline, arts: list[dict], n1: int, n2: int, repeats: int = 2) -> float:
    rates = []
    for _ in range(repeats):
        t1 = timed(pipeline, arts[:n1])
        t2 = timed(pipeline, arts[:n2])
        rates.append((n2 - n1) / max(t2 - t1, 1e-9))
    return statistics.median(rates)


STARTUP = r"""
import json, resource, sys, time
t0 = time.perf_counter()
import marsad
marsad.extract("قال الوزير في بغداد أمس إن الاجتماع انتهى.", published="2017-11-03")
startup = time.perf_counter() - t0
arts = json.load(open(sys.argv[1], encoding="utf-8"))
for a in arts:
    marsad.extract(a["content"])
print(json.dumps({"startup_s": startup, "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def startup_and_memory(arts: list[dict]) -> dict:
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False, encoding="utf-8") as fh:
        json.dump(arts, fh, ensure_ascii=False)
    try:
        out = subprocess.run([sys.executable, "-c", STARTUP, fh.name], capture_output=True, text=True, check=True)
    finally:
        os.unlink(fh.name)
    return json.loads(out.stdout.strip().splitlines()[-1])


def dask_speedup(arts: list[dict]) -> tuple[float, float]:
    from marsad.batch.runner import make_client, run_batch
    from marsad.io.article import Article

    items = [Article(id=str(i), text=a["content"], origin="bench") for i, a in enumerate(arts)]
    times = []
    for workers in (1, 2):
        client = make_client(workers=workers)
        try:
            with tempfile.TemporaryDirectory() as out:
                run_batch(items[:20], out + "/warm", client=client, partition_size=10, progress=False)
                t0 = time.perf_counter()
                run_batch(items, out + "/run", client=client, partition_size=25, progress=False)
                times.append(time.perf_counter() - t0)
        finally:
            cluster = client.cluster
            client.close()
            cluster.close()
    return times[0], times[1]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n1", type=int, default=200)
    ap.add_argument("--n2", type=int, default=600)
    ap.add_argument("--dask-articles", type=int, default=600)
    ap.add_argument("--no-dask", action="store_true")
    args = ap.parse_args()

    arts = typical_articles(max(args.n2, args.dask_articles))
    words = statistics.mean(len(a["content"].split()) for a in arts[: args.n2])
    print(f"articles: {len(arts)} SaudiNewsNet articles of 250-600 words (mean {words:.0f} words)")

    full = marsad.load()
    baseline = build(["normalise", "segment"])
    timed(full, arts[:20])  # warm caches
    full.timings = dict.fromkeys(full.timings, 0.0)
    rate = marginal(full, arts, args.n1, args.n2)
    base_rate = marginal(baseline, arts, args.n1, args.n2)
    print(f"full pipeline: {rate:.1f} articles/s/core (marginal, {args.n1}->{args.n2} articles, CPU time)")
    print(f"baseline (normalise+segment): {base_rate:.1f} articles/s/core; pipeline costs {base_rate / rate:.1f}x the baseline")
    total = sum(full.timings.values()) or 1.0
    shares = ", ".join(f"{k} {100 * v / total:.0f}%" for k, v in full.timings.items())
    print(f"time by stage: {shares}")

    sm = startup_and_memory(arts[:300])
    print(f"start-up (import + load + first article): {sm['startup_s']:.2f} s; peak memory after 300 articles: {sm['peak_rss_mb']:.0f} MB")

    if not args.no_dask:
        t1, t2 = dask_speedup(arts[: args.dask_articles])
        print(f"dask: 1 worker {t1:.1f} s, 2 workers {t2:.1f} s for {args.dask_articles} articles; speed-up {t1 / t2:.2f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
