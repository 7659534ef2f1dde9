"""Actor linking accuracy on hand-annotated mentions from real news (SaudiNewsNet 2015).

Gold: ``benchmarks/gold/actors/gold.tsv`` (article line index + url, offsets into ``content``,
the expected canonical actor, ``UNKNOWN`` for a person not in the base, or ``NONE``); see
``benchmarks/gold/actors/README.md`` for the guidelines. A gold mention is right when the
system's mention overlapping it most names the expected actor (``NONE``: no mention there).
Also printed: spurious mentions (system mentions in the gold articles that overlap no gold
span) and the accuracy per expected kind. Two runs: the full pipeline up to actors (with the
NER and places stages as they are) and actors alone on normalised, segmented text.

Usage: python benchmarks/actors.py [--errors] [--bar 0.85]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, os.path.dirname(__file__))
from _shared import news, require  # noqa: E402

from marsad.document import ActorMention, Document  # noqa: E402
from marsad.pipeline import build, load_stage  # noqa: E402

GOLD = Path(__file__).resolve().parent / "gold" / "actors" / "gold.tsv"


def load_gold() -> list[tuple[int, str, int, int, str]]:
    rows = []
    for line in GOLD.read_text("utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        idx, url, start, end, expected, _origin = line.split("\t")
        rows.append((int(idx), url, int(start), int(end), expected))
    return rows


def kind_of(expected: str) -> str:
    if expected in ("NONE", "UNKNOWN"):
        return expected.lower()
    for prefix, kind in (("Military Forces", "state forces"), ("Police Forces", "state forces"),
                         ("Government of", "government"), ("Civilians", "civilians"),
                         ("Protesters", "civilians"), ("Unidentified", "unidentified")):
        if expected.startswith(prefix):
            return kind
    return "named actor"


def best_overlap(mentions: list[ActorMention], start: int, end: int) -> ActorMention | None:
    best, best_len = None, 0
    for m in mentions:
        overlap = min(end, m.end) - max(start, m.start)
        if overlap > best_len:
            best, best_len = m, overlap
    return best


def correct(expected: str, got: ActorMention | None) -> bool:
    if expected == "NONE":
        return got is None
    if got is None:
        return False
    if expected == "UNKNOWN":
        return got.actor_id.startswith("per:")
    return got.name == expected


def loadable(names: list[str]) -> list[str]:
    """The stages that load here (another stage's model may be missing while it is being built)."""
    ok = []
    for name in names:
        try:
            load_stage(name)
        except Exception as exc:  # noqa: BLE001 - report and go on without that stage
            print(f"  (stage {name!r} does not load: {type(exc).__name__}: {exc}; run without it)", file=sys.stderr)
            continue
        ok.append(name)
    return ok


def evaluate(stages: list[str], gold, articles: dict[int, dict], show_errors: bool) -> float:
    pipeline = build(stages)
    by_line: dict[int, list] = {}
    for row in gold:
        by_line.setdefault(row[0], []).append(row)
    right = 0
    per_kind: Counter[str] = Counter()
    per_kind_right: Counter[str] = Counter()
    spurious = system_total = 0
    for idx, rows in sorted(by_line.items()):
        art = articles[idx]
        if art["url"] != rows[0][1]:
            raise SystemExit(f"gold line {idx}: url mismatch, the news file is not the annotated one")
        doc = Document(art["content"], published=dt.date.fromisoformat(art["date_extracted"][:10]),
                       title=art.get("title"))
        pipeline(doc)
        if doc.errors:
            print(f"  line {idx}: stage errors {doc.errors}", file=sys.stderr)
        for _, _, start, end, expected in rows:
            got = best_overlap(doc.actors, start, end)
            ok = correct(expected, got)
            kind = kind_of(expected)
            per_kind[kind] += 1
            per_kind_right[kind] += ok
            right += ok
            if show_errors and not ok:
                surface = doc.text[start:end]
                print(f"  ✗ {idx}:{start}-{end} {surface!r}: expected {expected!r}, got "
                      f"{(got.name, got.link) if got else None}")
        spans = [(s, e) for _, _, s, e, _ in rows]
        for m in doc.actors:
            system_total += 1
            if not any(m.start < e and s < m.end for s, e in spans):
                spurious += 1
                if show_errors:
                    print(f"  + {idx}:{m.start}-{m.end} {doc.text[m.start:m.end]!r} -> {m.name!r} ({m.link}) not in gold")
    acc = right / len(gold)
    print(f"[{' → '.join(stages)}]")
    print(f"  linking accuracy: {right}/{len(gold)} = {acc:.1%}  (articles: {len(by_line)})")
    for kind in sorted(per_kind):
        print(f"    {kind:14s} {per_kind_right[kind]:4d}/{per_kind[kind]:<4d} {per_kind_right[kind] / per_kind[kind]:.1%}")
    print(f"  spurious system mentions (outside every gold span): {spurious}/{system_total}")
    return acc


def main() -> int:
    ap = argparse.ArgumentParser(description="actor linking accuracy on the gold mentions")
    ap.add_argument("--errors", action="store_true", help="list every wrong or spurious mention")
    ap.add_argument("--bar", type=float, default=0.85, help="exit 1 when the accuracy is below this")
    args = ap.parse_args()
    gold = load_gold()
    require(GOLD)
    wanted = {row[0] for row in gold}
    articles = {}
    for idx, art in news():
        if idx in wanted:
            articles[idx] = art
            if len(articles) == len(wanted):
                break
    missing = wanted - set(articles)
    if missing:
        print(f"gold refers to lines missing from the news file: {sorted(missing)[:5]}", file=sys.stderr)
        return 2
    print(f"gold: {len(gold)} mentions in {len(wanted)} articles ({GOLD.relative_to(GOLD.parents[3])})")
    acc = evaluate(["normalise", "segment", "actors"], gold, articles, args.errors)
    full_stages = loadable(["normalise", "segment", "entities", "dates", "places", "actors"])
    full = evaluate(full_stages, gold, articles, args.errors)
    return 0 if min(acc, full) >= args.bar else 1


if __name__ == "__main__":
    sys.exit(main())
