"""marsad batch: the pipeline over a large corpus on Dask, to partitioned Parquet."""

from __future__ import annotations

import argparse
import sys
import time


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("batch", help="process a large corpus on Dask into partitioned Parquet (resumable)")
    p.add_argument("inputs", nargs="+", metavar="INPUT")
    p.add_argument("--out", required=True, help="output directory (articles/ and events/ Parquet partitions)")
    group = p.add_mutually_exclusive_group()
    group.add_argument("--workers", type=int, help="worker processes of a LocalCluster (default: CPU count)")
    group.add_argument("--scheduler", help="address of an existing Dask scheduler, e.g. tcp://10.0.0.5:8786")
    p.add_argument("--partition-size", type=int, default=500, help="articles per partition (default 500)")
    p.add_argument("--published", help="publication date YYYY-MM-DD for articles that carry none")
    p.add_argument("--input-format", help="force the input format")
    p.add_argument("--no-progress", action="store_true")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from marsad import parse_published
    from marsad.batch.runner import run_batch
    from marsad.io.readers import read_inputs

    try:
        parse_published(args.published)
    except ValueError as exc:
        print(f"marsad batch: {exc}", file=sys.stderr)
        return 2
    if args.partition_size < 1 or (args.workers is not None and args.workers < 1):
        print("marsad batch: --partition-size and --workers must be positive", file=sys.stderr)
        return 2
    t0 = time.perf_counter()
    results = run_batch(
        read_inputs(args.inputs, args.input_format), args.out, workers=args.workers, scheduler=args.scheduler,
        partition_size=args.partition_size, published=args.published, progress=not args.no_progress,
    )
    done = [r for r in results if not r.skipped]
    articles = sum(r.articles for r in done)
    failed = sum(r.failed for r in done)
    events = sum(r.events for r in done)
    seconds = time.perf_counter() - t0
    print(f"{len(results)} partitions ({len(results) - len(done)} already done, skipped); "
          f"{articles} articles processed, {failed} with errors, {events} events; "
          f"{seconds:.1f} s ({articles / seconds if seconds else 0:.1f} articles/s) -> {args.out}")
    return 0
