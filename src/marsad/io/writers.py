"""Event exports: ACLED-format CSV, GeoJSON, JSON Lines and Parquet.

Every writer takes the flat event dicts of ``marsad.store`` (``Store.iter_events`` /
``list_events``; keys ``marsad.store.query.EVENT_COLUMNS``) and streams them, so exports of any
size run in constant memory. The CSV has ACLED's columns in ACLED's order, then Marsad's own
(evidence span, article, confidence ...) prefixed ``marsad_`` so ACLED scripts that select
columns by name keep working. ``iter_acled_csv`` / ``iter_geojson`` yield text chunks for
streaming HTTP responses.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, TextIO

from marsad.store.query import ACLED_COLUMNS, EVENT_COLUMNS, MARSAD_COLUMNS

FORMATS = ("acled-csv", "geojson", "jsonl", "parquet")
CSV_COLUMNS = ACLED_COLUMNS + tuple(f"marsad_{c}" for c in MARSAD_COLUMNS)

_INT = {"year", "time_precision", "inter1", "inter2", "interaction", "iso", "geo_precision", "fatalities",
        "timestamp", "id", "article_id", "evidence_start", "evidence_end", "trigger_start", "trigger_end",
        "n_sources", "merged_into"}
_FLOAT = {"latitude", "longitude", "confidence"}
_BOOL = {"background"}
_DATE = {"event_date", "published"}


def _csv_value(v: Any) -> Any:
    if v is None:
        return ""
    if isinstance(v, bool):
        return "true" if v else "false"
    return v


def acled_row(ev: dict[str, Any]) -> list[Any]:
    """One event as a CSV row in ``CSV_COLUMNS`` order."""
    return [_csv_value(ev.get(c)) for c in ACLED_COLUMNS] + [_csv_value(ev.get(c)) for c in MARSAD_COLUMNS]


def iter_acled_csv(events: Iterable[dict[str, Any]], chunk_rows: int = 500) -> Iterator[str]:
    """The CSV (header first) as text chunks."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    n = 0
    for ev in events:
        writer.writerow(acled_row(ev))
        n += 1
        if n % chunk_rows == 0:
            yield buf.getvalue()
            buf.seek(0)
            buf.truncate()
    yield buf.getvalue()


def geojson_feature(ev: dict[str, Any]) -> dict[str, Any]:
    """An RFC 7946 Feature: a Point at [longitude, latitude] (null geometry without coordinates)
    and every event field except the coordinates as properties."""
    lat, lon = ev.get("latitude"), ev.get("longitude")
    geometry = ({"type": "Point", "coordinates": [round(float(lon), 5), round(float(lat), 5)]}
                if lat is not None and lon is not None else None)
    props = {k: ev.get(k) for k in EVENT_COLUMNS if k not in ("latitude", "longitude")}
    return {"type": "Feature", "id": ev.get("id"), "geometry": geometry, "properties": props}


def iter_geojson(events: Iterable[dict[str, Any]], located_only: bool = True, chunk: int = 200) -> Iterator[str]:
    """A FeatureCollection as text chunks; ``located_only`` leaves out events without coordinates
    (GIS tools expect a geometry on every feature)."""
    yield '{"type": "FeatureCollection", "features": ['
    parts: list[str] = []
    first = True
    for ev in events:
        if located_only and (ev.get("latitude") is None or ev.get("longitude") is None):
            continue
        parts.append(("" if first else ",\n") + json.dumps(geojson_feature(ev), ensure_ascii=False))
        first = False
        if len(parts) >= chunk:
            yield "".join(parts)
            parts = []
    parts.append("]}\n")
    yield "".join(parts)


def write_acled_csv(events: Iterable[dict[str, Any]], out: TextIO) -> int:
    n = 0

    def counted():
        nonlocal n
        for ev in events:
            n += 1
            yield ev

    for chunk in iter_acled_csv(counted()):
        out.write(chunk)
    return n


def write_geojson(events: Iterable[dict[str, Any]], out: TextIO, located_only: bool = True) -> int:
    n = 0

    def counted():
        nonlocal n
        for ev in events:
            if not located_only or (ev.get("latitude") is not None and ev.get("longitude") is not None):
                n += 1
            yield ev

    for chunk in iter_geojson(counted(), located_only):
        out.write(chunk)
    return n


def write_jsonl(events: Iterable[dict[str, Any]], out: TextIO) -> int:
    n = 0
    for ev in events:
        out.write(json.dumps({k: ev.get(k) for k in EVENT_COLUMNS}, ensure_ascii=False) + "\n")
        n += 1
    return n


def parquet_schema():
    import pyarrow as pa

    def typ(c: str):
        if c in _INT:
            return pa.int64()
        if c in _FLOAT:
            return pa.float64()
        if c in _BOOL:
            return pa.bool_()
        if c in _DATE:
            return pa.date32()
        return pa.string()

    return pa.schema([(c, typ(c)) for c in EVENT_COLUMNS])


def _parquet_value(c: str, v: Any) -> Any:
    if v is None or v == "":
        return None
    if c in _DATE and isinstance(v, str):
        return dt.date.fromisoformat(v[:10])
    if c in _INT:
        return int(v)
    if c in _FLOAT:
        return float(v)
    if c in _BOOL:
        return bool(v)
    return v if c in _DATE else str(v)


def write_parquet(events: Iterable[dict[str, Any]], path: str | Path, batch: int = 20_000) -> int:
    """A typed Parquet file (ints, floats, dates, strings; zstd) written in row groups."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = parquet_schema()
    n = 0
    with pq.ParquetWriter(str(path), schema, compression="zstd") as writer:
        rows: list[dict[str, Any]] = []

        def flush() -> None:
            cols = {c: [_parquet_value(c, r.get(c)) for r in rows] for c in EVENT_COLUMNS}
            writer.write_table(pa.Table.from_pydict(cols, schema=schema))

        for ev in events:
            rows.append(ev)
            n += 1
            if len(rows) >= batch:
                flush()
                rows = []
        if rows or n == 0:
            flush()
    return n


def write_events(events: Iterable[dict[str, Any]], fmt: str, out: str | Path | TextIO) -> int:
    """Write events in ``fmt`` (one of ``FORMATS``) to a path (or a text stream, not for parquet)."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; one of {', '.join(FORMATS)}")
    if fmt == "parquet":
        if not isinstance(out, str | Path):
            raise ValueError("parquet is written to a file, not a stream")
        return write_parquet(events, out)
    writer = {"acled-csv": write_acled_csv, "geojson": write_geojson, "jsonl": write_jsonl}[fmt]
    if isinstance(out, str | Path):
        with open(out, "w", encoding="utf-8", newline="") as fh:
            return writer(events, fh)
    return writer(events, out)
