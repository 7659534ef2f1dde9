"""Draw the ninth held-out toponym batch (heldout9.jsonl, kept apart from gold.jsonl) reproducibly.

Pool (the kind of the earlier batches, GUIDELINES.md): articles of
../shared/data/news/saudinewsnet-2015.jsonl.gz (0-based line numbers) of 400-1100 characters that
name Yemen/Syria/Iraq/Libya/Egypt places or actors at least three times (the words of ``STEMS``,
with proclitics, article and nisba endings), excluding every line already in
benchmarks/gold/places/gold.jsonl, in heldout8.jsonl and in the events gold files listed in ``EVENT_FILES``, the
near-duplicates left out of earlier batches, any article whose text repeats an annotated one word
for word, and, while drawing, any article opening like an annotated one or an earlier pick (first
60 characters) or sharing at least 40% of its word 4-grams with one (a near-duplicate).
Shuffled with ``random.Random(809)``; the first 30 kept.

    python benchmarks/gold/places/sample_heldout9.py [--shared ../shared]

Prints the chosen line numbers in draw order with url and length; stores no article text.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import re
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
EVENTS = ROOT / "benchmarks" / "gold" / "events"
# the events gold files present when this batch was drawn (later ones do not change the draw)
EVENT_FILES = ("gold.jsonl", "heldout.jsonl", "heldout2.jsonl", "heldout3.jsonl", "heldout4.jsonl",
               "heldout5.jsonl", "heldout6.jsonl")
# earlier blind toponym batches kept apart from gold.jsonl
PLACE_FILES = ("gold.jsonl", "heldout8.jsonl")
# near-duplicates left out of earlier batches (GUIDELINES.md; the last three by heldout8's draw)
LEFT_OUT = {5516, 17219, 8159, 8773, 10051, 26581, 6685, 27568, 9907, 18814, 11380, 5961, 85, 9609, 11307, 15515,
            17710, 24527, 10987}
# Yemen/Syria/Iraq/Libya/Egypt: the countries and nisbas, main cities, the main armed actors
STEMS = ("يمن", "سوري", "عراق", "ليبي", "مصر", "صنعاء", "عدن", "تعز", "دمشق", "حلب", "حمص", "بغداد",
         "موصل", "أنبار", "فلوجة", "رمادي", "طرابلس", "بنغازي", "قاهرة", "سيناء", "حوثي", "داعش")
WORD = re.compile(r"(?<!\w)[وفبلك]{0,2}(?:ال)?(?:" + "|".join(STEMS)
                  + r")(?:ي|ية|يين|يون|ين|ون|يا|ا|ة)?(?!\w)")
SEED = 809
N = 30
MIN_LEN, MAX_LEN = 400, 1100
NEAR_DUP = 0.4


def shingles(key: str, k: int = 4) -> set[tuple[str, ...]]:
    w = key.split(" ")
    return {tuple(w[i:i + k]) for i in range(len(w) - k + 1)}


def near_duplicate(key: str, others: list[set[tuple[str, ...]]]) -> bool:
    s = shingles(key)
    return bool(s) and any(len(s & o) >= NEAR_DUP * len(s) for o in others)


def mentions(text: str) -> int:
    return len(WORD.findall(text))


def annotated_lines() -> set[int]:
    lines: set[int] = set()
    files = [*(HERE / f for f in PLACE_FILES), *(EVENTS / f for f in EVENT_FILES)]
    for f in files:
        lines |= {json.loads(x)["line"] for x in f.read_text("utf-8").splitlines() if x.strip()}
    return lines


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    args = ap.parse_args()
    used = annotated_lines() | LEFT_OUT
    pool: list[int] = []
    arts: dict[int, dict] = {}
    texts_used: set[str] = set()
    openings_used: set[str] = set()
    done: list[set[tuple[str, ...]]] = []  # word 4-grams of annotated articles and earlier picks
    with gzip.open(Path(args.shared) / "data/news/saudinewsnet-2015.jsonl.gz", "rt", encoding="utf-8") as fh:
        for n, line in enumerate(fh):
            a = json.loads(line)
            c = a.get("content") or ""
            key = " ".join(c.split())
            if n in used:
                texts_used.add(key)
                openings_used.add(key[:60])
                done.append(shingles(key))
                continue
            if MIN_LEN <= len(c) <= MAX_LEN and mentions(c) >= 3:
                pool.append(n)
                arts[n] = {"url": a.get("url"), "len": len(c), "key": key}
    pool = [n for n in pool if arts[n]["key"] not in texts_used]
    print(f"excluded {len(used)} annotated or left-out lines; pool {len(pool)} articles")
    rng = random.Random(SEED)
    chosen: list[int] = []
    for n in rng.sample(pool, len(pool)):
        opening = arts[n]["key"][:60]
        if opening in openings_used:
            continue
        if near_duplicate(arts[n]["key"], done):
            print(f"left out as a near-duplicate: {n}")
            continue
        openings_used.add(opening)
        done.append(shingles(arts[n]["key"]))
        chosen.append(n)
        if len(chosen) == N:
            break
    for n in chosen:
        print(n, arts[n]["len"], arts[n]["url"])
    print("lines:", " ".join(map(str, chosen)))


if __name__ == "__main__":
    main()
