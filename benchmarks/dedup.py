"""Dedup benchmark: near-duplicate story clusters over ../shared/data/news (31,030 articles).

Usage: python benchmarks/dedup.py [--limit N]

Prints the time of each phase (read, shingle, index+verify), the number of stories with more
than one article and how many articles they hold (cross-outlet or not), and — when
benchmarks/gold/dedup/pairs.tsv is present — the precision (and recall on the labelled sample)
of "same story" against the pairs labelled by hand (see benchmarks/gold/dedup/README.md).
With ``--events N``, the pipeline also runs over N articles of multi-article stories and the
cross-article event merge is applied to their events (events before/after, merged groups).
Single process, single thread. Exits 2 when the data file is missing.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "news" / "saudinewsnet-2015.jsonl.gz"
GOLD = ROOT / "benchmarks" / "gold" / "dedup" / "pairs.tsv"


def load_records(limit: int | None = None) -> list[dict]:
    if not DATA.exists():
        print(f"benchmarks/dedup.py: {DATA} is missing (the SaudiNewsNet sample from ../shared); nothing to measure",
              file=sys.stderr)
        sys.exit(2)
    recs = []
    with gzip.open(DATA, "rt", encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            if limit is not None and i >= limit:
                break
            r = json.loads(line)
            recs.append({"id": i, "text": r.get("content") or "", "title": r.get("title") or "", "url": r.get("url"),
                         "source": r.get("source"), "date": (r.get("date_extracted") or "")[:10] or None})
    return recs


def run_dedup(recs: list[dict], timings: dict | None = None):
    from marsad.dedup.stories import StoryIndex, shingles

    t0 = time.perf_counter()
    sets = [shingles(r["text"]) for r in recs]
    t1 = time.perf_counter()
    index = StoryIndex()
    index.prime(sets, [r["date"] for r in recs])
    # publication order, so that a story is named after its first article
    for i in sorted(range(len(recs)), key=lambda i: (recs[i]["date"] or "", i)):
        index.add(recs[i]["id"], published=recs[i]["date"], hashes=sets[i])
    t2 = time.perf_counter()
    if timings is not None:
        timings.update(shingle=t1 - t0, index=t2 - t1)
    return index, sets, t2 - t0


def precision(stories: dict, recs: list[dict]) -> None:
    if not GOLD.exists():
        print(f"no gold pairs at {GOLD.relative_to(ROOT)}: precision not measured")
        return
    tp = fp = fn = tn = 0
    wrong = []
    with GOLD.open(encoding="utf-8") as fh:
        for row in csv.DictReader((line for line in fh if not line.startswith("#")), delimiter="\t"):
            a, b = int(row["line_a"]), int(row["line_b"])
            if a >= len(recs) or b >= len(recs):
                continue
            if recs[a]["url"] != row["url_a"] or recs[b]["url"] != row["url_b"]:
                print(f"gold pair {a}/{b}: url mismatch, skipped", file=sys.stderr)
                continue
            gold = row["label"] == "same"
            pred = stories[a] == stories[b]
            tp += gold and pred
            fp += pred and not gold
            fn += gold and not pred
            tn += not gold and not pred
            if gold != pred:
                wrong.append(f"{a}/{b} gold={row['label']} predicted={'same' if pred else 'different'}")
    n = tp + fp + fn + tn
    prec = tp / (tp + fp) if tp + fp else float("nan")
    rec = tp / (tp + fn) if tp + fn else float("nan")
    print(f"gold pairs: {n} labelled ({tp + fn} same-story, {fp + tn} different)")
    print(f"precision of 'same story': {prec:.3f} ({tp}/{tp + fp}); recall on the labelled sample: {rec:.3f} ({tp}/{tp + fn})")
    for w in wrong:
        print(f"  disagreement: {w}")


def event_merge(recs: list[dict], stories: dict, n: int) -> None:
    """Run the pipeline over ``n`` articles of multi-article stories and merge their events."""
    from marsad.commands.ingest import build_pipeline
    from marsad.dedup.events import group_events, merge_group
    from marsad.io.article import Article
    from marsad.process import process_article

    sizes: dict[str, int] = {}
    for s in stories.values():
        sizes[s] = sizes.get(s, 0) + 1
    picked = [r for r in recs if sizes[stories[r["id"]]] > 1][:n]
    pipeline = build_pipeline(set())
    t0 = time.perf_counter()
    events = []
    for r in picked:
        art = Article(id=str(r["id"]), text=r["text"], title=r["title"], url=r["url"], source=r["source"])
        doc, out = process_article(art, None, pipeline)
        for ev in out.get("events") or []:
            ev.update(article_id=r["id"], story_id=stories[r["id"]], source=r["source"], url=r["url"],
                      published=r["date"])
            events.append(ev)
    t1 = time.perf_counter()
    groups = group_events(events)
    t2 = time.perf_counter()
    multi = [g for g in groups if len(g) > 1]
    cross_story = sum(1 for g in multi if len({events[i]["story_id"] for i in g}) > 1)
    outlets = [merge_group(events, g)["source"].count(";") + 1 for g in multi]
    print(f"events: {len(picked)} articles of multi-article stories processed in {t1 - t0:.1f} s; "
          f"{len(events)} events → {len(groups)} after cross-article merging ({len(multi)} merged groups, "
          f"{sum(len(g) for g in multi)} events in them; {cross_story} groups join different stories; "
          f"mean outlets per merged event {sum(outlets) / max(1, len(outlets)):.1f}); merge {t2 - t1:.2f} s")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, help="only the first N articles")
    ap.add_argument("--events", type=int, default=0, metavar="N",
                    help="also run the pipeline over N articles of multi-article stories and merge their events")
    args = ap.parse_args()
    t0 = time.perf_counter()
    recs = load_records(args.limit)
    t_read = time.perf_counter() - t0
    timings: dict = {}
    index, _, seconds = run_dedup(recs, timings)
    groups: dict[str, list[int]] = {}
    for k, s in index.stories.items():
        groups.setdefault(s, []).append(k)
    multi = [g for g in groups.values() if len(g) > 1]
    cross = [g for g in multi if len({recs[k]["source"] for k in g}) > 1]
    exact = [g for g in multi if len({recs[k]["text"] for k in g}) == 1]
    in_multi = sum(len(g) for g in multi)
    print(f"articles: {len(recs)}  read {t_read:.1f} s, shingles {timings['shingle']:.1f} s, "
          f"MinHash+LSH+verify {timings['index']:.1f} s: dedup {seconds:.1f} s ({len(recs) / seconds:.0f} articles/s)")
    print(f"LSH candidates verified: {index.candidates_checked}")
    print(f"near-duplicate clusters (stories with >1 article): {len(multi)}, holding {in_multi} articles "
          f"({in_multi - len(multi)} reprints collapsed); cross-outlet: {len(cross)}; identical text: {len(exact)}; "
          f"largest: {max((len(g) for g in multi), default=0)}")
    print(f"distinct stories: {len(groups)} of {len(recs)} articles")
    precision(index.stories, recs)
    if args.events:
        event_merge(recs, index.stories, args.events)
    return 0


if __name__ == "__main__":
    sys.exit(main())
