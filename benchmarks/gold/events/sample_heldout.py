"""Draw the blind held-out events gold sets (heldout5.jsonl … heldout9.jsonl) reproducibly.

Pool: articles of ../shared/data/news/saudinewsnet-2015.jsonl.gz (0-based line numbers) of
600–2,200 characters with at least three occurrences of the conflict words of GUIDELINES.md,
excluding every line of the gold files that existed when the set was drawn (``FIRST_FILES`` and
the sets before it in ``SETS``), and any article whose text repeats one of them (or an earlier
pick) word for word. Each set has its own seed and size (``SETS``).

    python benchmarks/gold/events/sample_heldout.py heldout7 [--shared ../shared]

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
# the gold files drawn before the blind sets (a set excludes these and the sets listed before it)
FIRST_FILES = ("gold.jsonl", "heldout.jsonl", "heldout2.jsonl", "heldout3.jsonl", "heldout4.jsonl")
SETS = {"heldout5": (782, 25), "heldout6": (783, 25), "heldout7": (784, 25), "heldout8": (785, 25),
        "heldout9": (786, 20)}  # name: (seed, articles)


def conflict_count(text: str) -> int:
    return sum(text.count(w) for w in WORDS)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("name", choices=list(SETS))
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    args = ap.parse_args()
    seed, size = SETS[args.name]
    earlier = [*FIRST_FILES, *(f"{name}.jsonl" for name in list(SETS)[:list(SETS).index(args.name)])]
    used: set[int] = set()
    for name in earlier:
        lines = (HERE / name).read_text("utf-8").splitlines()
        used |= {json.loads(x)["line"] for x in lines if x.strip()}
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
    rng = random.Random(seed)
    chosen: list[int] = []
    seen: set[str] = set()
    for n in rng.sample(pool, len(pool)):
        if arts[n]["key"] in seen:
            print(f"skip {n}: repeats an earlier pick word for word")
            continue
        seen.add(arts[n]["key"])
        chosen.append(n)
        if len(chosen) == size:
            break
    for n in sorted(chosen):
        print(n, arts[n]["len"], arts[n]["url"])


if __name__ == "__main__":
    main()
