"""Draw the article pairs to label for the dedup precision check (prints them for a human).

Usage: python benchmarks/gold/dedup/sample_pairs.py [N_SAME] [N_NEAR] [SEED] > /tmp/pairs.txt
Pairs: N_SAME pairs the dedup put in one story (half of them borderline: Jaccard < 0.6), and
N_NEAR near misses (LSH candidates it kept apart, most similar first), drawn with a fixed seed.
Only ids (0-based line numbers in saudinewsnet-2015.jsonl.gz) and urls go into pairs.tsv.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from dedup import load_records, run_dedup  # noqa: E402


def main() -> int:
    n_same = int(sys.argv[1]) if len(sys.argv) > 1 else 40
    n_near = int(sys.argv[2]) if len(sys.argv) > 2 else 20
    recs = load_records()
    index, sets, _ = run_dedup(recs)
    rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 7)

    def sim(a: int, b: int) -> tuple[float, float]:
        x, y = index._content(sets[a]), index._content(sets[b])
        inter = np.intersect1d(x, y, assume_unique=True).size
        return inter / max(1, x.size + y.size - inter), inter / max(1, min(x.size, y.size))

    groups: dict[str, list[int]] = {}
    for k, s in index.stories.items():
        groups.setdefault(s, []).append(k)
    multi = [sorted(v) for v in groups.values() if len(v) > 1]
    rng.shuffle(multi)
    same, border = [], []
    for ks in multi:
        a, b = ks[0], rng.choice(ks[1:])
        j, c = sim(a, b)
        (border if j < 0.6 else same).append((a, b, j, c))
    picked = border[: n_same // 2] + same[: n_same - min(len(border), n_same // 2)]
    near = []
    for a in rng.sample(range(len(recs)), 6000):
        for b in index._lsh.query(index._lean(index._hasher.signature(sets[a]))):
            if b != a and index.stories[a] != index.stories[b]:
                j, c = sim(a, b)
                near.append((min(a, b), max(a, b), j, c))
    near = sorted(set(near), key=lambda t: -max(t[2], t[3]))[:n_near]
    for kind, rows in (("same", picked), ("near", near)):
        for a, b, j, c in rows:
            ra, rb = recs[a], recs[b]
            print(f"=== {kind} {a} {b} jac={j:.2f} cont={c:.2f} {ra['source']}/{rb['source']} {ra['date']}/{rb['date']}")
            for r in (ra, rb):
                t = " ".join(r["text"].split())
                print(f"  [{r['title'][:90]}] {t[:260]} … {t[-160:]}")
            print(f"  url_a={ra['url']}\n  url_b={rb['url']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
