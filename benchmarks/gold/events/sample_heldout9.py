"""Draw the ninth held-out events gold set (heldout9.jsonl) reproducibly.

Pool: articles of ../shared/data/news/saudinewsnet-2015.jsonl.gz (0-based line numbers) of
600–2,200 characters with at least three occurrences of the conflict words of GUIDELINES.md,
excluding every line already in gold.jsonl and heldout*.jsonl, and any article whose text
repeats one of them (or an earlier pick) word for word. 20 articles with seed 786.

    python benchmarks/gold/events/sample_heldout9.py [--shared ../shared]

Prints the chosen line numbers (sorted) with url and length; stores no article text.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
WORDS = ["غارة", "قصف", "سيطر", "تفجير", "انفجار", "اشتباك", "مظاهر", "اعتقال", "القبض",
         "اختطاف", "اغتيال", "هجوم", "انتحاري", "مقتل"]
SEED = 786
N = 20


def conflict_count(text: str) -> int:
    return sum(text.count(w) for w in WORDS)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    args = ap.parse_args()
    used: set[int] = set()
    for f in sorted(HERE.glob("*.jsonl")):
        if f.name == "heldout9.jsonl":
            continue
        used |= {json.loads(x)["line"] for x in f.read_text("utf-8").splitlines() if x.strip()}
    pool: list[int] = []
    arts: dict[int, dict] = {}
    texts_used: set[str] = set()
    with gzip.open(Path(args.shared) / "data/news/saudinewsnet-2015.jsonl.gz", "rt", encoding="utf-8") as fh:
        for n, line in enumerate(fh):
            a = json.loads(line)
            c = a.get("content") or ""
            if n in used:
                texts_used.add(" ".join(c.split()))
                continue
            if 600 <= len(c) <= 2200 and conflict_count(c) >= 3:
                pool.append(n)
                arts[n] = {"url": a.get("url"), "len": len(c), "key": " ".join(c.split())}
    pool = [n for n in pool if arts[n]["key"] not in texts_used]
    print(f"excluded {len(used)} annotated lines; pool {len(pool)} articles")
    rng = random.Random(SEED)
    chosen: list[int] = []
    seen: set[str] = set()
    for n in rng.sample(pool, len(pool)):
        if arts[n]["key"] in seen:
            print(f"skip {n}: repeats an earlier pick word for word")
            continue
        seen.add(arts[n]["key"])
        chosen.append(n)
        if len(chosen) == N:
            break
    for n in sorted(chosen):
        print(n, arts[n]["len"], arts[n]["url"])


if __name__ == "__main__":
    main()
