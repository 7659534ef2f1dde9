"""marsad extract: print the JSON of every input article."""

from __future__ import annotations

import argparse
import json
import sys

from marsad import parse_published
from marsad.io.readers import read_inputs
from marsad.process import process_article


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("extract", help="extract entities, dates, places, events and quotes as JSON")
    p.add_argument("inputs", nargs="+", metavar="INPUT", help=".txt article, .jsonl (one article per line), a directory, or - for stdin")
    p.add_argument("--format", choices=("json", "jsonl"), default="json", help="json: one indented array; jsonl: one object per line")
    p.add_argument("--published", help="publication date YYYY-MM-DD for every input (overrides the articles' own)")
    p.add_argument("--input-format", help="force the input format (txt, jsonl, html, rss, warc) instead of detecting it")
    p.add_argument("--keep-non-arabic", action="store_true", help="process articles the language check finds not Arabic")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    try:
        published = parse_published(args.published)
    except ValueError as exc:
        print(f"marsad extract: {exc}", file=sys.stderr)
        return 2
    failed = 0
    results = []
    for art in read_inputs(args.inputs, args.input_format, keep_non_arabic=args.keep_non_arabic or None):
        _, out = process_article(art, published)
        if out.get("error"):
            failed += 1
            print(f"marsad extract: {out['error']}", file=sys.stderr)
        if args.format == "jsonl":
            sys.stdout.write(json.dumps(out, ensure_ascii=False) + "\n")
            sys.stdout.flush()
        else:
            results.append(out)
    if args.format == "json":
        json.dump(results[0] if len(results) == 1 else results, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    return 1 if failed else 0
