"""Article → Document → JSON dict, with every failure turned into a per-article error."""

from __future__ import annotations

import datetime as dt
from typing import Any

from marsad import load, parse_published
from marsad.document import Document
from marsad.io.article import Article
from marsad.serialize import document_to_dict, error_dict


def article_to_document(art: Article, published: dt.date | None = None) -> Document:
    """The Document of an article (``published`` overrides the article's own date)."""
    date = published
    if date is None and art.published:
        try:
            date = parse_published(art.published)
        except ValueError:
            date = None  # an unreadable date is inferred from the text by the dates stage
    return Document(art.text, id=art.id, published=date, title=art.title, url=art.url, source=art.source,
                    meta=dict(art.meta))


def process_article(art: Article, published: dt.date | None = None, pipeline=None) -> tuple[Document | None, dict[str, Any]]:
    """Run the pipeline on one article; never raises for a bad article."""
    meta = {"origin": art.origin} if art.origin else {}
    if art.error:
        return None, error_dict(art.id, art.error, **meta)
    try:
        doc = article_to_document(art, published)
    except ValueError as exc:
        return None, error_dict(art.id, f"{art.origin or art.id}: {exc}", **meta)
    try:
        (pipeline or load())(doc)
    except Exception as exc:  # the pipeline isolates stages; this is a last resort
        return None, error_dict(art.id, f"processing failed: {type(exc).__name__}: {exc}", **meta)
    return doc, document_to_dict(doc)
