"""marsad export: events from the store as ACLED-format CSV, GeoJSON, JSON Lines or Parquet."""

from __future__ import annotations

import argparse
import sys

FORMATS = ("acled-csv", "geojson", "jsonl", "parquet")  # = marsad.io.writers.FORMATS (not imported: CLI start-up)


def add_filter_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--from", dest="date_from", metavar="DATE", help="events on or after DATE (YYYY-MM-DD)")
    p.add_argument("--to", dest="date_to", metavar="DATE", help="events on or before DATE (YYYY-MM-DD)")
    p.add_argument("--country", help="ISO alpha-2 (IQ), alpha-3 or name; comma-separated for several")
    p.add_argument("--admin1", help="first-level administrative division, as stored")
    p.add_argument("--event-type", help="ACLED event type(s), comma-separated")
    p.add_argument("--sub-event-type", help="ACLED sub-event type(s), comma-separated")
    p.add_argument("--actor", help="actor id, or part of an actor's name")
    p.add_argument("--bbox", help="min_lon,min_lat,max_lon,max_lat")
    p.add_argument("--q", help="full-text query over the events' articles")
    p.add_argument("--all-events", action="store_true",
                   help="also events that are not reported as news: denied, threatened, planned… and background history")
    p.add_argument("--min-confidence", type=float, help="only events at or above this confidence (0-1)")
    p.add_argument("--include-merged", action="store_true", help="also events merged into another (duplicates)")


def filters_from_args(args: argparse.Namespace):
    from marsad.store import EventFilter

    return EventFilter(date_from=args.date_from, date_to=args.date_to, country=args.country, admin1=args.admin1,
                       event_type=args.event_type, sub_event_type=args.sub_event_type, actor=args.actor,
                       bbox=args.bbox, q=args.q, include_merged=args.include_merged,
                       all_events=args.all_events, min_confidence=args.min_confidence)


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("export", help="export stored events (ACLED CSV, GeoJSON, JSONL, Parquet)")
    p.add_argument("out", metavar="OUT", help="output file, or - for stdout (not for parquet)")
    p.add_argument("--format", required=True, choices=FORMATS)
    p.add_argument("--db", help="database URL or SQLite path (default: $MARSAD_DB or ./marsad.db)")
    p.add_argument("--all-geometries", action="store_true",
                   help="geojson: keep events without coordinates (null geometry)")
    add_filter_arguments(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from marsad.io import writers
    from marsad.store import FilterError, Store
    from marsad.store.db import display_url, resolve_url

    if args.format == "parquet" and args.out == "-":
        print("marsad export: parquet is written to a file; give a path", file=sys.stderr)
        return 2
    try:
        filters = filters_from_args(args)
        filters.where("sqlite")  # check the filter values before opening anything
    except FilterError as exc:
        print(f"marsad export: {exc}", file=sys.stderr)
        return 2
    try:
        store = Store.open(args.db)
    except Exception as exc:
        print(f"marsad export: cannot open the database {display_url(resolve_url(args.db))}: {exc}", file=sys.stderr)
        return 2
    try:
        events = store.iter_events(filters)
        if args.format == "geojson":
            if args.out == "-":
                n = writers.write_geojson(events, sys.stdout, located_only=not args.all_geometries)
            else:
                with open(args.out, "w", encoding="utf-8") as fh:
                    n = writers.write_geojson(events, fh, located_only=not args.all_geometries)
        else:
            n = writers.write_events(events, args.format, sys.stdout if args.out == "-" else args.out)
    except OSError as exc:
        print(f"marsad export: cannot write {args.out}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    finally:
        store.close()
    print(f"marsad export: {n} events → {args.out} ({args.format})", file=sys.stderr)
    return 0
