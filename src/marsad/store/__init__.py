"""The Marsad store: articles, annotations and events in SQLite (default) or PostgreSQL.

Public API (stable; the HTTP API, exports and dedup build on it):

- ``Store.open(db=None)`` — ``--db`` / ``$MARSAD_DB`` / ``./marsad.db``; runs migrations.
- ``Store.add_document(doc)`` → ``AddResult(article_id, created, events)``: one transaction,
  idempotent by content hash. ``Store.has_content(text)`` checks before processing.
- ``Store.set_story_id(article_id, story_id)``, ``Store.set_story_ids({...})``,
  ``Store.merge_events(keep, others)`` (event_sources keeps every article/span behind an event).
- ``Store.list_events(EventFilter(...), limit, offset)``, ``count_events``, ``iter_events``,
  ``points`` (map), ``timeline`` (histogram), ``facets``, ``get_event``, ``get_article``, ``list_articles``, ``list_entities``, ``search``,
  ``count_search``, ``summary``.
- ``query.ACLED_COLUMNS`` / ``query.MARSAD_COLUMNS`` / ``query.EVENT_COLUMNS``: event dict keys.
- ``FilterError``: a filter value that cannot be understood (an HTTP 400).
"""

from marsad.store.base import AddResult, Store
from marsad.store.db import resolve_url
from marsad.store.query import ACLED_COLUMNS, EVENT_COLUMNS, MARSAD_COLUMNS, EventFilter, FilterError
from marsad.store.write import content_hash

__all__ = ["ACLED_COLUMNS", "EVENT_COLUMNS", "MARSAD_COLUMNS", "AddResult", "EventFilter", "FilterError", "Store",
           "content_hash", "resolve_url"]
