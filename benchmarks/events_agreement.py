"""Inter-annotator agreement on events, and the system against each annotator.

Two gold files that code the same articles independently (``A``: the set's annotator, ``B``: a
second one, blind to the first) are compared with the events benchmark's own matcher (type,
place ≤ 50 km, date ± 1 day, one-to-one), on the articles both coded: B's events scored as if
they were predictions against A. Precision and recall swap when A and B swap; F1 is symmetric.
It is the ceiling a system can reach against one annotator's gold on unseen articles.
``--system`` also runs the pipeline (``marsad.extract``'s stages, the ACLED view) on those
articles and scores it against A and against B.

    python benchmarks/events_agreement.py A.jsonl B.jsonl [--system] [--shared ../shared]

Exits 2 when a file or, with ``--system``, the news file is missing.
"""

from __future__ import annotations

import argparse
import os
import sys
from datetime import date
from pathlib import Path

from marsad.events.evaluate import load_articles, load_gold, match_article, prf

ROOT = Path(__file__).resolve().parents[1]
NEWS = "data/news/saudinewsnet-2015.jsonl.gz"


def agreement(gold: dict[int, list[dict]], other: dict[int, list[dict]], relax_place: bool = False) -> tuple[int, int, int]:
    """(matched, events in ``other``, events in ``gold``) over the lines of ``gold``."""
    tp = n_other = n_gold = 0
    for line, events in gold.items():
        preds = other.get(line, [])
        tp += len(match_article(events, preds, relax_place).pairs)
        n_other += len(preds)
        n_gold += len(events)
    return tp, n_other, n_gold


def line(label: str, counts: tuple[int, int, int]) -> str:
    tp, n_pred, n_gold = counts
    p, r, f = prf(tp, n_pred, n_gold)
    return f"{label:<44} {tp:>4} / {n_pred:>3} pred / {n_gold:>3} gold   P {p:6.1%}  R {r:6.1%}  F1 {f:6.1%}"


def system_events(records: list[dict], news: Path) -> dict[int, list[dict]]:
    import marsad
    from marsad.document import Document
    from marsad.events.stage import reportable
    from marsad.serialize import event_dict

    articles = load_articles(news, {r["line"] for r in records})
    pipeline = marsad.load()
    out: dict[int, list[dict]] = {}
    for r in records:
        art = articles[r["line"]]
        doc = Document(art["content"], published=date.fromisoformat(r["published"]), title=art.get("title"))
        pipeline(doc)
        out[r["line"]] = [event_dict(doc, e) for e in doc.events if reportable(e)]
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("a", type=Path, help="the set's gold file (reference)")
    ap.add_argument("b", type=Path, help="the second annotator's file")
    ap.add_argument("--system", action="store_true", help="also score the pipeline against each annotator")
    ap.add_argument("--shared", default=os.environ.get("MARSAD_SHARED", str(ROOT.parent / "shared")))
    args = ap.parse_args(argv)
    for path in (args.a, args.b):
        if not path.exists():
            print(f"events_agreement: missing {path}", file=sys.stderr)
            return 2
    b_records = load_gold(args.b)
    common = {r["line"] for r in b_records}
    a_records = [r for r in load_gold(args.a) if r["line"] in common]
    common &= {r["line"] for r in a_records}
    a = {r["line"]: r["events"] for r in a_records}
    b = {r["line"]: r["events"] for r in b_records if r["line"] in common}
    print(f"{len(common)} articles coded by both; {sum(map(len, a.values()))} events in A ({args.a.name}), "
          f"{sum(map(len, b.values()))} in B ({args.b.name})")
    print(line("B against A (type, place, date)", agreement(a, b)))
    print(line("B against A (type and date only)", agreement(a, b, relax_place=True)))
    if args.system:
        news = Path(args.shared) / NEWS
        if not news.exists():
            print(f"events_agreement: missing {news} (the news file from ../shared)", file=sys.stderr)
            return 2
        sys_events = system_events(a_records, news)
        print(line("system against A", agreement(a, sys_events)))
        print(line("system against B", agreement(b, sys_events)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
