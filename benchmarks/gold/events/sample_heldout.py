"""Draw the blind held-out events gold sets (heldout5.jsonl … heldout13.jsonl) reproducibly.

Pool: articles of ../shared/data/news/saudinewsnet-2015.jsonl.gz (0-based line numbers) of
600–2,200 characters with at least three occurrences of the conflict words of GUIDELINES.md,
excluding every line of the gold files drawn before the blind sets (``FIRST_FILES``) and the draws
of the sets before it in ``SETS``, and any article whose text repeats one of them (or an earlier
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
        "heldout9": (786, 20),
        "heldout10": (787, 25), "heldout11": (788, 25), "heldout12": (789, 25), "heldout13": (790, 25)}  # name: (seed, articles)


def conflict_count(text: str) -> int:
    return sum(text.count(w) for w in WORDS)


def read_pool(shared: Path) -> tuple[list[int], dict[int, dict], dict[int, str]]:
    """(candidate lines in file order, their url/len/text key, text keys of the FIRST_FILES lines)."""
    first: set[int] = set()
    for name in FIRST_FILES:
        lines = (HERE / name).read_text("utf-8").splitlines()
        first |= {json.loads(x)["line"] for x in lines if x.strip()}
    pool: list[int] = []
    arts: dict[int, dict] = {}
    first_keys: dict[int, str] = {}
    with gzip.open(shared / "data/news/saudinewsnet-2015.jsonl.gz", "rt", encoding="utf-8") as fh:
        for n, line in enumerate(fh):
            a = json.loads(line)
            c = a.get("content") or ""
            key = " ".join(c.split())
            if n in first:
                first_keys[n] = key
            elif 600 <= len(c) <= 2200 and conflict_count(c) >= 3:
                pool.append(n)
                arts[n] = {"url": a.get("url"), "len": len(c), "key": key}
    return pool, arts, first_keys


def draw(name: str, pool: list[int], arts: dict[int, dict], first_keys: dict[int, str]) -> list[int]:
    """The set's lines in draw order; each set excludes the FIRST_FILES and the draws of the sets
    before it in SETS (identical to their committed files, so a set can be drawn before the one
    before it is annotated)."""
    used_keys = set(first_keys.values())
    for earlier in list(SETS)[:list(SETS).index(name)]:
        used_keys |= {arts[n]["key"] for n in draw(earlier, pool, arts, first_keys)}
    seed, size = SETS[name]
    candidates = [n for n in pool if arts[n]["key"] not in used_keys]
    rng = random.Random(seed)
    chosen: list[int] = []
    seen: set[str] = set()
    for n in rng.sample(candidates, len(candidates)):
        if arts[n]["key"] in seen:
            continue  # repeats an earlier pick word for word
        seen.add(arts[n]["key"])
        chosen.append(n)
        if len(chosen) == size:
            break
    return chosen


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("name", choices=list(SETS))
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    args = ap.parse_args()
    pool, arts, first_keys = read_pool(Path(args.shared))
    chosen = draw(args.name, pool, arts, first_keys)
    print(f"pool {len(pool)} articles; {args.name}: {len(chosen)} drawn")
    for n in sorted(chosen):
        print(n, arts[n]["len"], arts[n]["url"])


if __name__ == "__main__":
    main()
