"""marsad ingest: process articles and store them (one transaction per article).

Content already in the store (same content hash) is skipped before processing, so a rerun after
an interruption only processes what is missing. One bad article is reported and skipped; the
others are committed.
"""

from __future__ import annotations

import argparse
import json
import sys
import time

from marsad import parse_published


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("ingest", help="process articles and store them in the database")
    p.add_argument("inputs", nargs="+", metavar="INPUT",
                   help="files (txt, jsonl, html, rss, warc, compressed or not), directories, or - for stdin")
    p.add_argument("--db", help="database URL or SQLite path (default: $MARSAD_DB or ./marsad.db)")
    p.add_argument("--published", help="publication date YYYY-MM-DD for every input (overrides the articles' own)")
    p.add_argument("--input-format", help="force the input format instead of detecting it")
    p.add_argument("--disable", default="", metavar="STAGES",
                   help="comma-separated pipeline stages to leave out (and the stages that need them)")
    p.add_argument("--jobs", type=int, default=1, metavar="N",
                   help="processes running the pipeline (default 1); one writer stores their results")
    p.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                   help="progress bar on stderr (default: when stderr is a terminal)")
    p.add_argument("--dedup", action=argparse.BooleanOptionalAction, default=True,
                   help="after storing, give near-duplicate articles one story id and merge their events (default on)")
    p.add_argument("--keep-non-arabic", action="store_true", help="store articles the language check finds not Arabic")
    p.add_argument("--json", action="store_true", help="print the summary as JSON")
    p.set_defaults(run=run)


def _report(msg: str, bar) -> None:
    if bar is not None and not bar.disable:
        bar.write(f"marsad ingest: {msg}", file=sys.stderr)
    else:
        print(f"marsad ingest: {msg}", file=sys.stderr)


def build_pipeline(disable: set[str]):
    """The pipeline without the disabled stages; a stage that cannot be loaded (missing model or
    data) is reported once and left out, with every stage that needs what it adds, so one broken
    stage does not fail every article."""
    from marsad.pipeline import STAGES, Pipeline, load_stage

    stages, provided = [], set()
    for name in STAGES:
        if name in disable:
            continue
        try:
            stage = load_stage(name)
        except Exception as exc:
            print(f"marsad ingest: stage {name} unavailable, left out: {type(exc).__name__}: {exc}", file=sys.stderr)
            continue
        missing = set(stage.needs) - provided
        if missing:
            print(f"marsad ingest: stage {name} left out: needs {', '.join(sorted(missing))}", file=sys.stderr)
            continue
        stages.append(stage)
        provided.update(stage.adds)
    return Pipeline(stages)


_WORKER_PIPELINE = None


def _init_worker(disable: set[str]) -> None:
    global _WORKER_PIPELINE
    _WORKER_PIPELINE = build_pipeline(disable)


def _work(job):
    """Process one article in a worker: (Document or None, its dict)."""
    from marsad.process import process_article

    art, published = job
    return process_article(art, published, _WORKER_PIPELINE)


def _articles_without_story(store) -> bool:
    from sqlalchemy import select

    from marsad.store.schema import articles

    with store.connect() as conn:
        return conn.execute(select(articles.c.id).where(articles.c.story_id.is_(None)).limit(1)).first() is not None


def run(args: argparse.Namespace) -> int:
    from tqdm import tqdm

    from marsad.io.readers import read_inputs
    from marsad.process import process_article
    from marsad.store import Store
    from marsad.store.db import display_url, resolve_url

    try:
        published = parse_published(args.published)
    except ValueError as exc:
        print(f"marsad ingest: {exc}", file=sys.stderr)
        return 2
    try:
        store = Store.open(args.db)
    except Exception as exc:  # unreachable server, bad URL, unwritable file
        print(f"marsad ingest: cannot open the database {display_url(resolve_url(args.db))}: {exc}", file=sys.stderr)
        return 2
    disable = {d.strip() for d in args.disable.split(",") if d.strip()}
    pipeline = None  # built on the first article that needs processing (a rerun may need none)
    pool = None
    jobs = max(1, args.jobs)
    counts = {"stored": 0, "duplicates": 0, "skipped": 0, "failed": 0, "events": 0}
    show = args.progress if args.progress is not None else sys.stderr.isatty()
    t0 = time.perf_counter()
    store_s = 0.0  # time spent in the store (content check + transaction), apart from processing
    bar = None

    def where(art) -> str:
        return " ".join(x for x in (art.origin, f"[id {art.id}]" if art.id else "") if x)

    def process(pending: list) -> list:
        nonlocal pipeline, pool
        if jobs == 1:
            if pipeline is None:
                pipeline = build_pipeline(disable)
            return [process_article(art, published, pipeline) for art in pending]
        if pool is None:
            import multiprocessing

            pool = multiprocessing.get_context("spawn").Pool(jobs, initializer=_init_worker, initargs=(disable,))
        return pool.map(_work, [(art, published) for art in pending], chunksize=2)

    def store_all(pending: list) -> None:
        nonlocal store_s
        if not pending:
            return
        try:
            results = process(pending)
        except Exception as exc:  # a worker died: report the chunk, go on with the next
            counts["failed"] += len(pending)
            _report(f"processing failed for {len(pending)} articles: {type(exc).__name__}: {exc}", bar)
            return
        for art, (doc, out) in zip(pending, results, strict=True):
            if doc is None:
                counts["failed"] += 1
                _report(out.get("error") or f"{art.origin}: processing failed", bar)
                continue
            try:
                t = time.perf_counter()
                result = store.add_document(doc)
                store_s += time.perf_counter() - t
            except Exception as exc:  # one article's storage failure never stops the batch
                counts["failed"] += 1
                _report(f"{where(art)}: not stored: {type(exc).__name__}: {exc}", bar)
                continue
            if result.created:
                counts["stored"] += 1
                counts["events"] += result.events
            else:
                counts["duplicates"] += 1
        if show:
            bar.set_postfix(stored=counts["stored"], events=counts["events"], refresh=False)

    try:
        articles = read_inputs(args.inputs, args.input_format, keep_non_arabic=args.keep_non_arabic or None)
        bar = tqdm(articles, unit=" art", file=sys.stderr, disable=not show, mininterval=0.5, dynamic_ncols=True)
        pending: list = []
        for art in bar:
            if art.error:
                key = "skipped" if art.error.startswith("skipped") else "failed"
                counts[key] += 1
                _report(art.error, bar)
                continue
            try:
                t = time.perf_counter()
                known = store.has_content(art.text)
                store_s += time.perf_counter() - t
            except Exception as exc:
                counts["failed"] += 1
                _report(f"{where(art)}: not checked: {type(exc).__name__}: {exc}", bar)
                continue
            if known is not None:
                counts["duplicates"] += 1
                continue
            pending.append(art)
            if len(pending) >= 8 * jobs or jobs == 1:
                store_all(pending)
                pending = []
        store_all(pending)
    except ValueError as exc:  # e.g. an unknown --input-format
        print(f"marsad ingest: {exc}", file=sys.stderr)
        return 2
    finally:
        if pool is not None:
            pool.terminate()
        if bar is not None:
            bar.close()
        store.close()
    if args.dedup:
        from marsad.dedup.store import dedup_store

        try:
            with_dedup = Store.open(args.db)
            try:
                # also after a run that stored nothing new: an earlier run may have been killed
                # between storing its articles and this pass
                if counts["stored"] or _articles_without_story(with_dedup):
                    counts["merged_events"] = dedup_store(with_dedup)["events_merged"]
            finally:
                with_dedup.close()
        except Exception as exc:  # dedup is an extra pass: the stored articles stay
            _report(f"near-duplicate pass failed: {type(exc).__name__}: {exc}", None)
    seconds = time.perf_counter() - t0
    total = sum(counts[k] for k in ("stored", "duplicates", "skipped", "failed"))
    summary = {**counts, "articles": total, "seconds": round(seconds, 3), "store_seconds": round(store_s, 3),
               "articles_per_s": round(total / seconds, 1) if seconds > 0 else None,
               "db": display_url(resolve_url(args.db))}
    if args.json:
        print(json.dumps(summary))
    else:
        print(f"{total} articles: {counts['stored']} stored, {counts['duplicates']} already stored, "
              f"{counts['skipped']} skipped, {counts['failed']} failed; {counts['events']} events; "
              f"{seconds:.1f} s ({summary['articles_per_s']} articles/s; {store_s:.1f} s in the store) → {summary['db']}")
    return 1 if counts["failed"] else 0
