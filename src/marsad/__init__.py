"""Marsad (مرصد): Arabic news → geocoded, dated, source-attributed events with evidence spans.

>>> import marsad
>>> doc = marsad.extract("...", published="2017-11-03")
>>> doc.to_dict()["events"]
"""

from __future__ import annotations

import datetime as dt

from marsad.document import Document

__version__ = "0.1.0"
__all__ = ["Document", "extract", "load", "__version__"]


def load(disable: tuple[str, ...] = ()):
    """The pipeline (cached when nothing is disabled)."""
    from marsad import pipeline

    return pipeline.default_pipeline() if not disable else pipeline.build(disable=disable)


def parse_published(value: str | dt.date | dt.datetime | None) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError as exc:
        raise ValueError(f"published must be a date as YYYY-MM-DD, got {value!r}") from exc


def extract(
    text: str,
    published: str | dt.date | None = None,
    *,
    id: str | None = None,
    title: str | None = None,
    url: str | None = None,
    source: str | None = None,
) -> Document:
    """Run the whole pipeline on one article and return its Document."""
    doc = Document(text, id=id, published=parse_published(published), title=title, url=url, source=source)
    return load()(doc)
