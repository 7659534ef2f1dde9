"""Streaming CSV (ACLED's columns in ACLED's order, then Marsad's) and GeoJSON of event rows.

Rows are the store's event dicts (``marsad.store.EVENT_COLUMNS``); the writers here stream
so that an export of any size keeps memory flat.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from typing import Any

from marsad.store import EVENT_COLUMNS

Row = dict[str, Any]


def csv_chunks(rows: Iterable[Row], columns: tuple[str, ...] = EVENT_COLUMNS, every: int = 500) -> Iterator[str]:
    """CSV text, header first, yielded every ``every`` rows."""
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=columns, extrasaction="ignore", lineterminator="\r\n")
    writer.writeheader()
    for n, row in enumerate(rows, 1):
        writer.writerow({k: "" if row.get(k) is None else row[k] for k in columns})
        if n % every == 0:
            yield buf.getvalue()
            buf.seek(0)
            buf.truncate()
    yield buf.getvalue()


def feature(row: Row) -> dict[str, Any]:
    """An RFC 7946 Feature: a Point at (longitude, latitude), or no geometry when unplaced."""
    geom = None
    if row.get("latitude") is not None and row.get("longitude") is not None:
        geom = {"type": "Point", "coordinates": [row["longitude"], row["latitude"]]}
    return {"type": "Feature", "id": row.get("id"), "geometry": geom, "properties": row}


def geojson_chunks(rows: Iterable[Row], meta: dict[str, Any]) -> Iterator[str]:
    """A FeatureCollection, streamed feature by feature (``meta`` as a foreign member)."""
    yield '{"type":"FeatureCollection","marsad":' + json.dumps(meta, ensure_ascii=False) + ',"features":['
    for n, row in enumerate(rows):
        yield ("," if n else "") + json.dumps(feature(row), ensure_ascii=False, default=str)
    yield "]}\n"
