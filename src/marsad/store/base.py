"""``Store``: the one object other modules use to write to and read from the database.

>>> from marsad.store import Store, EventFilter
>>> store = Store.open()                      # --db / $MARSAD_DB / ./marsad.db; migrates
>>> result = store.add_document(doc)          # one transaction; idempotent by content hash
>>> store.list_events(EventFilter(country="IQ"), limit=50)
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Engine, func, select, update
from sqlalchemy.exc import IntegrityError

from marsad.document import Document
from marsad.store import fts, query, write
from marsad.store.db import display_url, make_engine, resolve_url
from marsad.store.migrate import migrate
from marsad.store.query import EventFilter
from marsad.store.schema import articles, event_sources, events


@dataclass(frozen=True, slots=True)
class AddResult:
    article_id: int
    created: bool  # False: the same content was already stored (nothing changed)
    events: int = 0


class Store:
    """A Marsad database (SQLite file or PostgreSQL). Safe to share between threads; each
    method opens its own connection from the engine's pool."""

    def __init__(self, engine: Engine):
        self.engine = engine

    @classmethod
    def open(cls, db: str | None = None, *, migrate_schema: bool = True, **engine_kwargs: Any) -> Store:
        """Open ``db`` (a URL or SQLite path; default ``$MARSAD_DB`` or ``./marsad.db``) and
        bring its schema up to date."""
        store = cls(make_engine(db, **engine_kwargs))
        if migrate_schema:
            migrate(store.engine)
        return store

    @property
    def url(self) -> str:
        """The database URL with any password hidden."""
        return display_url(self.engine.url.render_as_string(hide_password=False))

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def connect(self) -> Connection:
        """A read connection (``with store.connect() as conn: query.list_events(conn, ...)``)."""
        return self.engine.connect()

    # -- writing ---------------------------------------------------------------
    def has_content(self, text: str) -> int | None:
        """The id of the article with this exact content, if stored (checked before processing)."""
        with self.engine.connect() as conn:
            return write.find_by_hash(conn, write.content_hash(text))

    def add_document(self, doc: Document | Mapping[str, Any], text: str | None = None) -> AddResult:
        """Store a processed Document (or its ``marsad.serialize`` dict plus the original text)
        with all its annotations in one transaction: the article is stored whole or not at all.
        Content already stored (same hash) is left untouched and ``created`` is False."""
        payload, body = write.document_payload(doc if isinstance(doc, Document) else dict(doc), text)
        digest = write.content_hash(body)
        with self.engine.connect() as conn:
            existing = write.find_by_hash(conn, digest)
        if existing is not None:
            return AddResult(existing, False)
        try:
            with self.engine.begin() as conn:
                tokens = doc.tokens if isinstance(doc, Document) else None
                article_id = write.insert_document(conn, payload, body, digest, tokens)
        except IntegrityError:
            with self.engine.connect() as conn:  # a concurrent writer stored the same content
                existing = write.find_by_hash(conn, digest)
            if existing is None:
                raise
            return AddResult(existing, False)
        return AddResult(article_id, True, len(payload.get("events") or []))

    def delete_article(self, article_id: int) -> bool:
        """Remove an article and everything found in it (events merged into others lose this source)."""
        with self.engine.begin() as conn:
            fts.delete(conn, article_id)
            conn.execute(event_sources.delete().where(event_sources.c.article_id == article_id))
            gone = conn.execute(articles.delete().where(articles.c.id == article_id)).rowcount
        return bool(gone)

    def set_story_id(self, article_id: int, story_id: str | None) -> bool:
        """Group an article into a story (near-duplicate cluster); False if no such article."""
        with self.engine.begin() as conn:
            n = conn.execute(update(articles).where(articles.c.id == article_id).values(story_id=story_id)).rowcount
        return bool(n)

    def set_story_ids(self, assignments: Mapping[int, str | None]) -> int:
        """Many ``article_id → story_id`` at once (one transaction); returns rows updated."""
        if not assignments:
            return 0
        with self.engine.begin() as conn:
            return sum(conn.execute(update(articles).where(articles.c.id == a).values(story_id=s)).rowcount
                       for a, s in assignments.items())

    def merge_events(self, keep: int, others: Sequence[int]) -> int:
        """Merge events that report the same happening (e.g. across a story's articles) into
        ``keep``: their sources (article + evidence span) are added to ``keep``'s with role
        ``merged``, they are marked ``merged_into = keep`` (hidden from listings, kept for
        provenance), and ``keep`` takes the highest fatality count. Returns events merged."""
        others = [o for o in dict.fromkeys(others) if o != keep]
        if not others:
            return 0
        with self.engine.begin() as conn:
            if conn.execute(select(events.c.id).where(events.c.id == keep)).scalar() is None:
                raise KeyError(f"no event {keep}")
            # events already merged into one of ``others`` follow them into ``keep``
            conn.execute(update(events).where(events.c.merged_into.in_(others)).values(merged_into=keep))
            moved = conn.execute(
                update(events).where(events.c.id.in_(others), events.c.id != keep).values(merged_into=keep)).rowcount
            conn.execute(update(event_sources).where(event_sources.c.event_id.in_(others))
                         .values(event_id=keep, role="merged"))
            n_sources = conn.execute(select(func.count(event_sources.c.article_id.distinct()))
                                     .where(event_sources.c.event_id == keep)).scalar_one()
            max_fatal = conn.execute(select(func.max(events.c.fatalities))
                                     .where(events.c.id.in_([keep, *others]))).scalar_one()
            conn.execute(update(events).where(events.c.id == keep)
                         .values(n_sources=n_sources, fatalities=max_fatal or 0, merged_into=None))
        return moved

    # -- reading ---------------------------------------------------------------
    def list_events(self, filters: EventFilter | None = None, limit: int = 100, offset: int = 0) -> list[dict[str, Any]]:
        """A page of events (newest first) as flat dicts: ``query.EVENT_COLUMNS`` (ACLED's columns
        in ACLED's order, then Marsad's). Raises ``query.FilterError`` for a bad filter value."""
        with self.engine.connect() as conn:
            return query.list_events(conn, filters, limit, offset)

    def count_events(self, filters: EventFilter | None = None) -> int:
        with self.engine.connect() as conn:
            return query.count_events(conn, filters)

    def iter_events(self, filters: EventFilter | None = None, batch: int = 2000) -> Iterator[dict[str, Any]]:
        """Every matching event, id order, streamed in batches (exports)."""
        with self.engine.connect() as conn:
            yield from query.iter_events(conn, filters, batch)

    def points(self, filters: EventFilter | None = None, limit: int = 50_000) -> list[dict[str, Any]]:
        """Compact map rows (id, latitude, longitude, event_type, event_date, fatalities)."""
        with self.engine.connect() as conn:
            return query.points(conn, filters, limit)

    def timeline(self, filters: EventFilter | None = None, bin: str = "day") -> list[tuple[str, int]]:
        """(period, events) in date order; bin day | month | year."""
        with self.engine.connect() as conn:
            return query.timeline(conn, filters, bin)

    def facets(self, filters: EventFilter | None = None, top: int = 50) -> dict[str, list[tuple[str, int]]]:
        """Counts per event_type, sub_event_type and country under the filters."""
        with self.engine.connect() as conn:
            return query.facets(conn, filters, top)

    def get_event(self, event_id: int) -> dict[str, Any] | None:
        with self.engine.connect() as conn:
            return query.get_event(conn, event_id)

    def get_article(self, article_id: int | str) -> dict[str, Any] | None:
        """The article's text and all its spans (see ``query.get_article``); None if absent.
        Takes the store id (int or digit string) or the article's external id."""
        with self.engine.connect() as conn:
            return query.get_article(conn, article_id)

    def list_articles(self, story_id: str | None = None, external_id: str | None = None, limit: int = 100,
                      offset: int = 0) -> list[dict[str, Any]]:
        with self.engine.connect() as conn:
            return query.list_articles(conn, story_id, external_id, limit, offset)

    def iter_article_texts(self, since_id: int = 0, batch: int = 500) -> Iterator[tuple[int, str | None, str]]:
        """(id, title, text) of every article with id > since_id, in id order (for dedup passes)."""
        last = since_id
        while True:
            with self.engine.connect() as conn:
                rows = conn.execute(select(articles.c.id, articles.c.title, articles.c.text)
                                    .where(articles.c.id > last).order_by(articles.c.id).limit(batch)).all()
            if not rows:
                return
            yield from ((r.id, r.title, r.text) for r in rows)
            last = rows[-1].id

    def list_entities(self, label: str | None = None, q: str | None = None, limit: int = 100,
                      offset: int = 0) -> list[dict[str, Any]]:
        with self.engine.connect() as conn:
            return query.list_entities(conn, label, q, limit, offset)

    def search(self, q: str, limit: int = 20, offset: int = 0) -> list[dict[str, Any]]:
        with self.engine.connect() as conn:
            return query.search(conn, q, limit, offset)

    def count_search(self, q: str) -> int:
        with self.engine.connect() as conn:
            return query.count_search(conn, q)

    def summary(self, top: int = 10) -> dict[str, Any]:
        with self.engine.connect() as conn:
            return query.summary(conn, top)

    def counts(self) -> dict[str, int]:
        """Row counts per table (health checks, tests)."""
        from marsad.store.schema import metadata

        with self.engine.connect() as conn:
            return {name: conn.execute(select(func.count()).select_from(t)).scalar_one()
                    for name, t in metadata.tables.items() if name != "marsad_schema_version"}

    def healthy(self) -> bool:
        try:
            with self.engine.connect() as conn:
                conn.execute(select(1))
            return True
        except Exception:
            return False


__all__ = ["AddResult", "EventFilter", "Store", "resolve_url"]
