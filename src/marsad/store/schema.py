"""The store's tables (SQLAlchemy Core). Spans are ``start``/``end`` character offsets into
``articles.text`` exactly as in the Document, so ``text[start:end]`` is the surface.

Tables: articles (one row per distinct content, unique ``content_hash``), entities, timexes,
places, actors, events (ACLED fields plus Marsad's evidence), event_sources (every article and
evidence span behind an event, several after a cross-article merge) and quotes. Full-text
search lives in a dialect-specific side table created by the migrations (see ``fts.py``).
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    text,
)

metadata = MetaData()


def _fk(table: str, nullable: bool = False) -> Column:
    return Column(f"{table[:-1]}_id", Integer, ForeignKey(f"{table}.id", ondelete="CASCADE"), nullable=nullable)


def _span() -> list[Column]:
    return [Column("start", Integer, nullable=False), Column("end", Integer, nullable=False),
            Column("text", Text, nullable=False, default="")]


schema_version = Table(
    "marsad_schema_version", metadata,
    Column("version", Integer, primary_key=True),
    Column("applied_at", DateTime(timezone=True), nullable=False),
    Column("description", Text, nullable=False, default=""),
)

articles = Table(
    "articles", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("external_id", String(512), index=True),
    Column("content_hash", String(64), nullable=False, unique=True),
    Column("title", Text),
    Column("text", Text, nullable=False),
    Column("source", String(512)),
    Column("url", Text),
    Column("published", Date, index=True),
    Column("published_inferred", Boolean, nullable=False, default=False),
    Column("story_id", String(128), index=True),
    Column("ingested_at", DateTime(timezone=True), nullable=False),
    Column("stage_errors", JSON(none_as_null=True)),
    Column("meta", JSON(none_as_null=True)),
    Column("n_entities", Integer, nullable=False, default=0),
    Column("n_events", Integer, nullable=False, default=0),
    Column("n_quotes", Integer, nullable=False, default=0),
)

entities = Table(
    "entities", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    _fk("articles"), *_span(),
    Column("label", String(16), nullable=False),
    Column("canonical", Text),
    Column("actor_id", String(128), index=True),
    Index("ix_entities_article", "article_id"),
    Index("ix_entities_label_canonical", "label", "canonical"),
)

timexes = Table(
    "timexes", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    _fk("articles"), *_span(),
    Column("value", String(64)),
    Column("granularity", String(16)),
    Column("end_value", String(64)),
    Column("calendar", String(16)),
    Index("ix_timexes_article", "article_id"),
)

places = Table(
    "places", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    _fk("articles"), *_span(),
    Column("name", Text),
    Column("lat", Float),
    Column("lon", Float),
    Column("country", String(2)),
    Column("admin1", Text),
    Column("feature", String(64)),
    Column("geonames_id", Integer),
    Column("precision", Integer),
    Index("ix_places_article", "article_id"),
    Index("ix_places_country", "country"),
)

actors = Table(
    "actors", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    _fk("articles"), *_span(),
    Column("actor_id", String(128), index=True),
    Column("name", Text),
    Column("type", String(64)),
    Column("country", String(2)),
    Column("inter", Integer),
    Column("generic", Boolean, nullable=False, default=False),
    Column("link", String(32)),
    Index("ix_actors_article", "article_id"),
)

# Partial indexes cover the default view: events not merged into another and reportable
# (asserted, not background history). Queries repeat these exact terms so planners use them.
_LIVE = text("merged_into IS NULL AND reportable = 1")
_MERGED_ONLY = text("merged_into IS NULL")


def _live_index(name: str, *cols: str) -> Index:
    return Index(name, *cols, sqlite_where=_LIVE, postgresql_where=_LIVE)


def _all_index(name: str, *cols: str) -> Index:
    """For views that include unreportable events (``all_events``)."""
    return Index(name, *cols, sqlite_where=_MERGED_ONLY, postgresql_where=_MERGED_ONLY)


events = Table(
    "events", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    _fk("articles"),
    Column("merged_into", Integer, ForeignKey("events.id", ondelete="SET NULL")),
    Column("event_date", Date),
    Column("date_value", String(64)),  # the date as the events stage gave it (2017-11, 2017-11-03 ...)
    Column("year", Integer),
    Column("time_precision", Integer),
    Column("disorder_type", String(64)),
    Column("event_type", String(64), nullable=False),
    Column("sub_event_type", String(128), nullable=False),
    Column("actor1", Text), Column("actor1_id", String(128)), Column("actor1_start", Integer),
    Column("actor1_end", Integer), Column("inter1", Integer),
    Column("actor2", Text), Column("actor2_id", String(128)), Column("actor2_start", Integer),
    Column("actor2_end", Integer), Column("inter2", Integer),
    Column("interaction", Integer),
    Column("civilian_targeting", String(32)),
    Column("country_code", String(2)),
    Column("iso", Integer),
    Column("country", String(128)),
    Column("region", String(64)),
    Column("admin1", Text), Column("admin2", Text), Column("admin3", Text),
    Column("location", Text),
    Column("latitude", Float), Column("longitude", Float),
    Column("geo_precision", Integer),
    Column("geonames_id", Integer),
    Column("place_start", Integer), Column("place_end", Integer),
    Column("source", String(512)),
    Column("notes", Text),
    Column("fatalities", Integer, nullable=False, default=0),
    Column("confidence", Float),
    Column("modality", String(32)),
    Column("background", Boolean, nullable=False, default=False),
    Column("reportable", Integer, nullable=False, default=1),  # 1: asserted and not background
    Column("plover", String(64)),
    Column("trigger_start", Integer), Column("trigger_end", Integer), Column("trigger_text", Text),
    Column("evidence_start", Integer), Column("evidence_end", Integer), Column("evidence_text", Text),
    Column("n_sources", Integer, nullable=False, default=1),
    Index("ix_events_article", "article_id"),
    _live_index("ix_events_date", "event_date"),
    _live_index("ix_events_country_date", "country_code", "event_date"),
    _live_index("ix_events_country_admin1_date", "country_code", "admin1", "event_date"),
    _live_index("ix_events_type_date", "event_type", "event_date"),
    _live_index("ix_events_subtype_date", "sub_event_type", "event_date"),
    _live_index("ix_events_actor1", "actor1"),
    _live_index("ix_events_actor2", "actor2"),
    _live_index("ix_events_actor1_id", "actor1_id"),
    _live_index("ix_events_actor2_id", "actor2_id"),
    _live_index("ix_events_lon_lat_date", "longitude", "latitude", "event_date"),
    _live_index("ix_events_country_types", "country_code", "event_type", "sub_event_type"),
    _live_index("ix_events_types", "event_type", "sub_event_type"),
    _all_index("ix_events_all_date", "event_date"),
    _all_index("ix_events_all_country_date", "country_code", "event_date"),
)

event_sources = Table(
    "event_sources", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    _fk("events"),
    _fk("articles"),
    Column("role", String(16), nullable=False, default="evidence"),  # evidence | mention | merged
    Column("start", Integer), Column("end", Integer), Column("text", Text),
    Index("ix_event_sources_event", "event_id"),
    Index("ix_event_sources_article", "article_id"),
)

quotes = Table(
    "quotes", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    _fk("articles"), *_span(),
    Column("direct", Boolean, nullable=False, default=False),
    Column("cue", Text),
    Column("cue_start", Integer), Column("cue_end", Integer),
    Column("speaker", Text), Column("speaker_start", Integer), Column("speaker_end", Integer),
    Column("speaker_actor_id", String(128)),
    Index("ix_quotes_article", "article_id"),
)

ANNOTATION_TABLES = (entities, timexes, places, actors, quotes)
