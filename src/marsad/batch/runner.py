"""Run the pipeline over a corpus in partitions on Dask, writing partitioned Parquet.

Each partition is a fixed slice of the input order (inputs are read in a stable order), so a
rerun knows which partitions are finished: their Parquet files exist (written to a temporary
name and renamed, so a killed run never leaves a half file). Workers load the pipeline once per
process (``marsad.load`` is cached). A failing article is a row with its error, never a failed
job. Outputs: ``OUT/articles/part-NNNNN.parquet`` (one row per article) and
``OUT/events/part-NNNNN.parquet`` (one row per event, ACLED-like columns).
"""

from __future__ import annotations

import itertools
import json
import logging
import os
import time
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from marsad.io.article import Article

log = logging.getLogger(__name__)

# column -> Arrow type name; explicit so that every partition has the same schema
ARTICLE_COLUMNS = {
    "id": "string", "origin": "string", "published": "string", "published_inferred": "bool",
    "title": "string", "url": "string", "source": "string", "error": "string", "stage_errors": "string",
    "n_entities": "int32", "n_timexes": "int32", "n_places": "int32", "n_events": "int32", "n_quotes": "int32",
    "entities": "string", "timexes": "string", "places": "string", "actors": "string", "events": "string",
    "quotes": "string",
}
EVENT_COLUMNS = {
    "article_id": "string", "event_index": "int32", "event_date": "string", "time_precision": "int8",
    "event_type": "string", "sub_event_type": "string", "actor1": "string", "inter1": "int8",
    "actor2": "string", "inter2": "int8", "location": "string", "country": "string", "admin1": "string",
    "latitude": "float64", "longitude": "float64", "geo_precision": "int8", "fatalities": "int32",
    "confidence": "float32", "modality": "string", "background": "bool", "notes": "string",
    "evidence_start": "int32", "evidence_end": "int32", "evidence_text": "string", "source": "string",
    "url": "string",
}


@dataclass
class PartitionResult:
    index: int
    articles: int = 0
    failed: int = 0
    events: int = 0
    seconds: float = 0.0
    skipped: bool = False


def partitions(articles: Iterable[Article], size: int) -> Iterator[tuple[int, list[Article]]]:
    it = iter(articles)
    for index in itertools.count():
        chunk = list(itertools.islice(it, size))
        if not chunk:
            return
        yield index, chunk


def _part_name(index: int) -> str:
    return f"part-{index:05d}.parquet"


def _article_row(out: dict[str, Any], origin: str) -> dict[str, Any]:
    row = {k: out.get(k) for k in ("id", "published", "published_inferred", "title", "url", "source", "error")}
    row["origin"] = origin
    row["stage_errors"] = json.dumps(out.get("stage_errors"), ensure_ascii=False) if out.get("stage_errors") else None
    for key in ("entities", "timexes", "places", "actors", "events", "quotes"):
        items = out.get(key) or []
        if key != "actors":
            row[f"n_{key}"] = len(items)
        row[key] = json.dumps(items, ensure_ascii=False)
    return row


def _event_rows(out: dict[str, Any]) -> list[dict[str, Any]]:
    rows = []
    for i, ev in enumerate(out.get("events") or []):
        place = ev.get("place") or {}
        a1, a2 = ev.get("actor1") or {}, ev.get("actor2") or {}
        evidence = ev.get("evidence") or {}
        rows.append({
            "article_id": out.get("id"), "event_index": i, "event_date": ev.get("date"),
            "time_precision": ev.get("time_precision"), "event_type": ev.get("event_type"),
            "sub_event_type": ev.get("sub_event_type"), "actor1": a1.get("name"), "inter1": a1.get("inter"),
            "actor2": a2.get("name"), "inter2": a2.get("inter"), "location": place.get("name"),
            "country": place.get("country"), "admin1": place.get("admin1"), "latitude": place.get("lat"),
            "longitude": place.get("lon"), "geo_precision": place.get("precision"),
            "fatalities": ev.get("fatalities"), "confidence": ev.get("confidence"),
            "modality": ev.get("modality"), "background": ev.get("background"), "notes": ev.get("notes"),
            "evidence_start": evidence.get("start"), "evidence_end": evidence.get("end"),
            "evidence_text": evidence.get("text"), "source": out.get("source"), "url": out.get("url"),
        })
    return rows


def _write_parquet(rows: list[dict[str, Any]], columns: dict[str, str], path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = pa.schema([(name, pa.type_for_alias(kind)) for name, kind in columns.items()])
    table = pa.Table.from_pylist([{c: r.get(c) for c in columns} for r in rows], schema=schema)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    pq.write_table(table, tmp)
    os.replace(tmp, path)


def process_partition(index: int, articles: list[dict[str, Any]], out_dir: str,
                      published: str | None = None) -> PartitionResult:
    """Process one partition on a worker and write its Parquet files (the articles file last)."""
    from marsad import parse_published
    from marsad.process import process_article

    t0 = time.perf_counter()
    result = PartitionResult(index)
    default_date = parse_published(published) if published else None
    article_rows, event_rows = [], []
    for raw in articles:
        art = Article(**raw)
        try:
            _, out = process_article(art, default_date)
        except Exception as exc:  # never let one article kill the partition
            out = {"id": art.id, "error": f"{type(exc).__name__}: {exc}"}
        result.articles += 1
        result.failed += bool(out.get("error"))
        article_rows.append(_article_row(out, art.origin))
        events = _event_rows(out)
        result.events += len(events)
        event_rows.extend(events)
    root = Path(out_dir)
    _write_parquet(event_rows, EVENT_COLUMNS, root / "events" / _part_name(index))
    # the articles file marks the partition done, so it is written last
    _write_parquet(article_rows, ARTICLE_COLUMNS, root / "articles" / _part_name(index))
    result.seconds = time.perf_counter() - t0
    return result


def is_done(out_dir: str | Path, index: int) -> bool:
    return (Path(out_dir) / "articles" / _part_name(index)).exists()


def _warm_up() -> int:
    """Load the pipeline in a worker before timing starts."""
    import marsad

    marsad.extract("قال الوزير في بغداد أمس إن الاجتماع انتهى.")
    return os.getpid()


def make_client(workers: int | None = None, scheduler: str | None = None):
    from dask.distributed import Client, LocalCluster

    if not log.isEnabledFor(logging.DEBUG):
        logging.getLogger("distributed").setLevel(logging.WARNING)
    if scheduler:
        return Client(scheduler)
    cluster = LocalCluster(
        n_workers=workers or os.cpu_count() or 1, threads_per_worker=1, processes=True,
        dashboard_address=":0", silence_logs=logging.ERROR,
    )
    return Client(cluster)


def run_batch(articles: Iterable[Article], out_dir: str | Path, *, client=None, workers: int | None = None,
              scheduler: str | None = None, partition_size: int = 500, published: str | None = None,
              progress: bool = True, max_in_flight: int | None = None) -> list[PartitionResult]:
    """Process every article; returns one result per partition (skipped ones included)."""
    from dask.distributed import as_completed
    from tqdm import tqdm

    out = str(out_dir)
    own_client = client is None
    client = client or make_client(workers, scheduler)
    if own_client and getattr(client, "dashboard_link", None) and progress:
        log.info("Dask dashboard: %s", client.dashboard_link)
    n_workers = max(1, len(client.scheduler_info().get("workers", {})))
    limit = max_in_flight or 2 * n_workers
    results: list[PartitionResult] = []
    bar = tqdm(desc="partitions", unit="part", disable=not progress)
    try:
        client.run(_warm_up)
        pending = as_completed()
        in_flight = 0
        for index, chunk in partitions(articles, partition_size):
            if is_done(out, index):
                results.append(PartitionResult(index, articles=len(chunk), skipped=True))
                bar.update()
                continue
            payload = [asdict(a) for a in chunk]
            pending.add(client.submit(process_partition, index, payload, out, published, pure=False))
            in_flight += 1
            while in_flight >= limit:  # bounded memory on the driver
                results.append(next(pending).result())
                in_flight -= 1
                bar.update()
        for fut in pending:
            results.append(fut.result())
            bar.update()
    finally:
        bar.close()
        if own_client:
            cluster = getattr(client, "cluster", None)
            client.close()
            if cluster is not None:
                cluster.close()
    return sorted(results, key=lambda r: r.index)
