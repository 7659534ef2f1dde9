"""Draw the blind held-out toponym batches (heldout8.jsonl, heldout9.jsonl; kept apart from
gold.jsonl) reproducibly.

Pool (the kind of the earlier batches, GUIDELINES.md): articles of
../shared/data/news/saudinewsnet-2015.jsonl.gz (0-based line numbers) of 400-1100 characters that
name Yemen/Syria/Iraq/Libya/Egypt places or actors at least three times (the words of ``STEMS``,
with proclitics, article and nisba endings), excluding every line already in
benchmarks/gold/places/gold.jsonl and the batches before it, in the events gold files that existed
when it was drawn (``SETS``), the near-duplicates left out of earlier batches, any article whose
text repeats an annotated one word for word, and, while drawing, any article opening like an
annotated one or an earlier pick (first 60 characters) or sharing at least 40% of its word 4-grams
with one (a near-duplicate). Shuffled with the batch's seed; the first 30 kept.

    python benchmarks/gold/places/sample_heldout.py heldout9 [--shared ../shared]

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
_EVENTS_THEN = ("gold.jsonl", "heldout.jsonl", "heldout2.jsonl", "heldout3.jsonl", "heldout4.jsonl")
# name: seed, the events gold files present when it was drawn (later ones do not change the draw),
# near-duplicates its own draw left out (excluded from the batches after it)
SETS: dict[str, tuple[int, tuple[str, ...], tuple[int, ...]]] = {
    "heldout8": (808, _EVENTS_THEN, (17710, 24527, 10987)),
    "heldout9": (809, (*_EVENTS_THEN, "heldout5.jsonl", "heldout6.jsonl"), ()),
}
# near-duplicates left out of the batches annotated into gold.jsonl (GUIDELINES.md)
LEFT_OUT = {5516, 17219, 8159, 8773, 10051, 26581, 6685, 27568, 9907, 18814, 11380, 5961, 85, 9609, 11307, 15515}
# Yemen/Syria/Iraq/Libya/Egypt: the countries and nisbas, main cities, the main armed actors
STEMS = ("يمن", "سوري", "عراق", "ليبي", "مصر", "صنعاء", "عدن", "تعز", "دمشق", "حلب", "حمص", "بغداد",
         "موصل", "أنبار", "فلوجة", "رمادي", "طرابلس", "بنغازي", "قاهرة", "سيناء", "حوثي", "داعش")
WORD = re.compile(r"(?<!\w)[وفبلك]{0,2}(?:ال)?(?:" + "|".join(STEMS)
                  + r")(?:ي|ية|يين|يون|ين|ون|يا|ا|ة)?(?!\w)")
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


def excluded_lines(name: str) -> set[int]:
    """Lines annotated before batch ``name`` was drawn, and the near-duplicates left out so far."""
    earlier = list(SETS)[:list(SETS).index(name)]
    lines = set(LEFT_OUT)
    for prior in earlier:
        lines |= set(SETS[prior][2])
    files = [HERE / "gold.jsonl", *(HERE / f"{b}.jsonl" for b in earlier), *(EVENTS / f for f in SETS[name][1])]
    for f in files:
        lines |= {json.loads(x)["line"] for x in f.read_text("utf-8").splitlines() if x.strip()}
    return lines


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("name", choices=list(SETS))
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    args = ap.parse_args()
    used = excluded_lines(args.name)
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
    rng = random.Random(SETS[args.name][0])
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
