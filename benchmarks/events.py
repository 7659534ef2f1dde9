"""Events and quotes benchmark on real news (gold: benchmarks/gold/events/gold.jsonl).

Runs the whole pipeline (``marsad.extract``) on each gold article of
``../shared/data/news/saudinewsnet-2015.jsonl.gz`` and prints:
- events: precision and recall per ACLED event type for (type, place ≤ 50 km, date ± 1 day),
  with one-to-one matching; predictions are the ACLED view (``reportable``: asserted, current,
  located below the country level); also sub-event type agreement, fatality agreement and the
  share of matches whose place or date alone was off;
- quotes: detection recall (a predicted quote overlapping the gold quote) and speaker
  accuracy (over all gold quotes, and over the detected ones).

    python benchmarks/events.py [--gold dev|heldout|heldout2|…|heldout13|PATH] [--shared PATH] [--relax-place] [--show-errors N]

``dev`` (gold.jsonl, 71 articles) is the set the rules were developed on; ``heldout``
(heldout.jsonl, 20 articles annotated after the first round of development; its errors were
studied in the second round, so it is no longer a clean held-out set) and
``heldout2`` (heldout2.jsonl, 22 articles, events only, annotated before the second round of
rule changes; its errors were studied at the end of that round) and ``heldout3``
(heldout3.jsonl, 13 articles) and ``heldout4`` (heldout4.jsonl, 16 articles), events only,
annotated before the third round and studied in the fourth, and ``heldout5``/``heldout6`` (25
articles each, studied in the fifth round), ``heldout7`` (studied in the sixth round) and
``heldout8`` (studied in the seventh round), ``heldout9`` (studied in the eighth) and ``heldout10``
(blind for the eighth, studied in the ninth): all eleven are studied sets now. ``heldout11``,
``heldout12`` and ``heldout13`` are the blind sets, never studied: unseen figures come only from
them (see GUIDELINES.md, "The stop's unseen figure, pooled").

The learned place chooser and event filter (``marsad.events.learned``, docs/events_learned.md)
run when a model file ships, unless ``MARSAD_EVENTS_MODEL=off``; ``MARSAD_EVENTS_MODEL=path.json``
runs that model file (e.g. the trained but unshipped ``candidate_events_model.json``). The header
says which.

``--relax-place`` ignores the place (type + date only): a diagnostic for when the places
stage is missing. Exits 2 when the news file is missing.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections import Counter
from datetime import date
from pathlib import Path

from marsad.events.evaluate import MAX_DAYS, MAX_KM, load_articles, load_gold, match_article, speaker_ok

ROOT = Path(__file__).resolve().parents[1]
GOLD_DIR = ROOT / "benchmarks" / "gold" / "events"
GOLDS = {"dev": GOLD_DIR / "gold.jsonl", "heldout": GOLD_DIR / "heldout.jsonl",
         "heldout2": GOLD_DIR / "heldout2.jsonl", "heldout3": GOLD_DIR / "heldout3.jsonl",
         "heldout4": GOLD_DIR / "heldout4.jsonl", "heldout5": GOLD_DIR / "heldout5.jsonl",
         "heldout6": GOLD_DIR / "heldout6.jsonl", "heldout7": GOLD_DIR / "heldout7.jsonl",
         "heldout8": GOLD_DIR / "heldout8.jsonl", "heldout9": GOLD_DIR / "heldout9.jsonl",
         "heldout10": GOLD_DIR / "heldout10.jsonl", "heldout11": GOLD_DIR / "heldout11.jsonl",
         "heldout12": GOLD_DIR / "heldout12.jsonl", "heldout13": GOLD_DIR / "heldout13.jsonl"}
NEWS = "data/news/saudinewsnet-2015.jsonl.gz"
BAR_EVENTS = 0.75
BAR_SPEAKERS = 0.70


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", default=os.environ.get("MARSAD_SHARED", str(ROOT.parent / "shared")))
    ap.add_argument("--gold", default="dev", help="dev, heldout, heldout2 … heldout13, or a gold file")
    ap.add_argument("--relax-place", action="store_true", help="match on type and date only")
    ap.add_argument("--show-errors", type=int, default=0, help="print up to N missed and N spurious events")
    args = ap.parse_args(argv)

    news = Path(args.shared) / NEWS
    if not news.exists():
        print(f"error: {news} is missing: this benchmark reads the SaudiNewsNet articles from the shared "
              "data folder (set --shared or MARSAD_SHARED)", file=sys.stderr)
        return 2
    gold_path = GOLDS.get(args.gold, Path(args.gold))
    if not gold_path.exists():
        print(f"error: gold file {gold_path} not found", file=sys.stderr)
        return 2
    gold = load_gold(gold_path)
    articles = load_articles(news, {g["line"] for g in gold})

    import marsad
    from marsad.document import Document
    from marsad.events.stage import reportable
    from marsad.serialize import event_dict, quote_dict

    try:
        pipeline = marsad.load()
        note = "full pipeline"
    except Exception as exc:  # a stage that cannot load (e.g. a model file not built yet)
        from marsad.pipeline import build

        bad = "entities"
        pipeline = build(disable=[bad])
        note = f"pipeline without {bad} ({type(exc).__name__}: {exc})"

    tp: Counter[str] = Counter()
    n_gold: Counter[str] = Counter()
    n_pred: Counter[str] = Counter()
    sub_ok = fat_ok = matched_total = 0
    near_misses = Counter()
    q_total = q_detected = q_speaker = 0
    q_errors: list[tuple] = []
    missed: list[tuple] = []
    spurious: list[tuple] = []
    t0 = time.perf_counter()
    for g in gold:
        art = articles.get(g["line"])
        if art is None or art.get("url") != g["url"]:
            print(f"error: line {g['line']} of {news} is not the gold article ({g['url']})", file=sys.stderr)
            return 2
        text = art["content"]
        doc = Document(text, published=date.fromisoformat(g["published"]), title=art.get("title"))
        pipeline(doc)
        preds = [event_dict(doc, e) for e in doc.events if reportable(e)]
        for p in preds:
            n_pred[p["event_type"]] += 1
        m = match_article(g["events"], preds, args.relax_place)
        near_misses.update(m.near)
        for gi in m.missed:
            ge = g["events"][gi]
            missed.append((g["line"], ge["event_type"], ge["sub_event_type"], ge["place"]["name"], ge["date"],
                           text[ge["evidence"][0]:ge["evidence"][1]]))
        for gi, k in m.pairs:
            ge, p = g["events"][gi], preds[k]
            tp[ge["event_type"]] += 1
            matched_total += 1
            sub_ok += p["sub_event_type"] == ge["sub_event_type"]
            fat_ok += p["fatalities"] == ge["fatalities"]
        for ge in g["events"]:
            n_gold[ge["event_type"]] += 1
        used = m.matched_preds()
        for k, p in enumerate(preds):
            if k not in used:
                spurious.append((g["line"], p["event_type"], p["sub_event_type"], p["place"] and p["place"]["name"],
                                 p["date"], p["trigger"]["text"]))
        pq = [quote_dict(doc, q) for q in doc.quotes]
        for gq in g["quotes"] or []:  # None: quotes not annotated in that batch
            q_total += 1
            overlapping = [q for q in pq if q["start"] < gq["end"] and gq["start"] < q["end"]]
            if not overlapping:
                q_errors.append((g["line"], "missed", gq["speaker"], None, text[gq["start"]:gq["end"]][:80]))
                continue
            q_detected += 1
            best_q = max(overlapping, key=lambda q: min(q["end"], gq["end"]) - max(q["start"], gq["start"]))
            if speaker_ok(gq, best_q):
                q_speaker += 1
            else:
                q_errors.append((g["line"], "speaker", gq["speaker"], (best_q.get("speaker") or {}).get("name"),
                                 text[gq["start"]:gq["end"]][:80]))
    elapsed = time.perf_counter() - t0

    mode = "type + date (place ignored)" if args.relax_place else f"type + place ≤ {MAX_KM:.0f} km + date ± {MAX_DAYS} day"
    from marsad.events import learned

    model = learned.load_model(learned.model_path()) if learned.enabled() else None
    model_state = "off" if model is None else f"on: {learned.model_path().name}"
    print(f"Events benchmark ({gold_path.name}) — {len(gold)} articles, {sum(n_gold.values())} gold events, {note}"
          f" (learned events model {model_state}; MARSAD_EVENTS_MODEL=off for the rules alone)")
    print(f"matching: {mode}; predictions: reportable events (asserted, current, located)\n")
    print(f"{'event type':34} {'gold':>5} {'pred':>5} {'tp':>5} {'prec':>7} {'recall':>7}")
    for t in sorted(set(n_gold) | set(n_pred)):
        prec = tp[t] / n_pred[t] if n_pred[t] else float("nan")
        rec = tp[t] / n_gold[t] if n_gold[t] else float("nan")
        print(f"{t:34} {n_gold[t]:5d} {n_pred[t]:5d} {tp[t]:5d} {prec:7.1%} {rec:7.1%}")
    tot_tp, tot_g, tot_p = sum(tp.values()), sum(n_gold.values()), sum(n_pred.values())
    precision = tot_tp / tot_p if tot_p else 0.0
    recall = tot_tp / tot_g if tot_g else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    print(f"{'ALL':34} {tot_g:5d} {tot_p:5d} {tot_tp:5d} {precision:7.1%} {recall:7.1%}   F1 {f1:.1%}")
    if matched_total:
        print(f"\namong matched events: sub-event type right {sub_ok / matched_total:.1%}, "
              f"fatalities exact {fat_ok / matched_total:.1%}")
    print(f"unmatched gold events whose type matched a prediction but place or date did not: {dict(near_misses)}")
    if q_total:
        print(f"\nQuotes — {q_total} gold quotes: detected {q_detected / q_total:.1%}; "
              f"speaker right {q_speaker / q_total:.1%} of all, "
              f"{(q_speaker / q_detected if q_detected else 0):.1%} of detected")
    else:
        print("\nQuotes — not annotated in this gold file")
    print(f"\n{len(gold)} articles in {elapsed:.1f} s ({len(gold) / elapsed:.1f} articles/s, whole pipeline)")
    if args.show_errors:
        print("\nmissed (line, type, sub-type, place, date, evidence):")
        for m in missed[:args.show_errors]:
            print("  ", m)
        print("spurious (line, type, sub-type, place, date, trigger):")
        for s in spurious[:args.show_errors]:
            print("  ", s)
        if q_errors:
            print("quotes missed or with a wrong speaker (line, what, gold speaker, predicted, quote):")
            for q in q_errors[:args.show_errors]:
                print("  ", q)
    ok = precision >= BAR_EVENTS and recall >= BAR_EVENTS and (not q_total or q_speaker / q_total >= BAR_SPEAKERS)
    print(f"\nbar (events P and R ≥ {BAR_EVENTS:.0%}, quote speakers ≥ {BAR_SPEAKERS:.0%}): {'met' if ok else 'NOT met'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
