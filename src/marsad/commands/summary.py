"""marsad summary: what the store holds (events by type and country, top actors, date range)."""

from __future__ import annotations

import argparse
import json
import sys


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("summary", help="counts of stored articles and events by type, country and actor")
    p.add_argument("--db", help="database URL or SQLite path (default: $MARSAD_DB or ./marsad.db)")
    p.add_argument("--top", type=int, default=10, help="how many actors/countries to list")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from marsad.store import Store
    from marsad.store.db import display_url, resolve_url

    try:
        store = Store.open(args.db)
    except Exception as exc:
        print(f"marsad summary: cannot open the database {display_url(resolve_url(args.db))}: {exc}", file=sys.stderr)
        return 2
    try:
        s = store.summary(top=args.top)
    finally:
        store.close()
    if args.json:
        print(json.dumps(s, ensure_ascii=False, indent=2))
        return 0
    lines = [
        f"{display_url(resolve_url(args.db))}",
        f"articles: {s['articles']} ({s['articles_with_stage_errors']} with stage errors), stories: {s['stories']}",
        f"events: {s['events']}, dates {s['event_dates'][0] or '-'} … {s['event_dates'][1] or '-'}; "
        f"published {s['published'][0] or '-'} … {s['published'][1] or '-'}",
        "by event type:",
        *[f"  {r['events']:>8}  {r['event_type']}" for r in s["by_event_type"]],
        "by country:",
        *[f"  {r['events']:>8}  {r['country_code'] or '??'}  {r['country'] or 'unknown'}" for r in s["by_country"][:args.top]],
        "top actors:",
        *[f"  {r['events']:>8}  {r['actor']}" for r in s["top_actors"]],
    ]
    print("\n".join(lines))
    return 0
