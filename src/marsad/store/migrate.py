"""Versioned migrations: a list of steps, each applied once, recorded in ``marsad_schema_version``.

To change the schema add a function to ``MIGRATIONS`` (never edit an applied one): it receives a
connection inside the migration's transaction. ``migrate`` runs the missing steps in order and
is safe to call on every start (several processes at once included: the version table's primary
key makes a concurrent duplicate fail and roll back).

Step 1 creates the tables from ``schema.py`` as they are *now*, so on a fresh database later
steps find their change already there: every step must be idempotent (``IF NOT EXISTS``,
``checkfirst=True``), and a column added by a later step is declared in ``schema.py`` too.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from sqlalchemy import Connection, Engine, inspect, select
from sqlalchemy.exc import DBAPIError

from marsad.store import fts
from marsad.store.schema import metadata, schema_version


def _v1_initial(conn: Connection) -> None:
    metadata.create_all(conn)
    fts.create(conn)


def _v2_covering_indexes(conn: Connection) -> None:
    """Indexes that answer bbox queries sorted by date and per-country facets from the index alone."""
    from sqlalchemy import text

    from marsad.store.schema import events

    conn.execute(text("DROP INDEX IF EXISTS ix_events_lon_lat"))
    for index in events.indexes:
        index.create(conn, checkfirst=True)


def _v4_reportable(conn: Connection) -> None:
    """A ``reportable`` column (asserted, not background) and partial indexes on the default view."""
    from sqlalchemy import inspect, text

    from marsad.store.schema import events

    if "reportable" not in {c["name"] for c in inspect(conn).get_columns("events")}:
        conn.execute(text("ALTER TABLE events ADD COLUMN reportable INTEGER NOT NULL DEFAULT 1"))
    conn.execute(text("UPDATE events SET reportable = CASE WHEN (modality IS NULL OR modality = 'asserted') "
                      "AND NOT background THEN 1 ELSE 0 END"))
    for index in events.indexes:
        if index.dialect_options["sqlite"]["where"] is not None:
            conn.execute(text(f"DROP INDEX IF EXISTS {index.name}"))
        index.create(conn, checkfirst=True)


MIGRATIONS: list[tuple[str, Callable[[Connection], None]]] = [
    ("initial schema: articles, annotations, events, event_sources, quotes, full-text index", _v1_initial),
    ("covering indexes for bbox and per-country facets", _v2_covering_indexes),
    ("PostgreSQL: stored tsvector column for full-text search", fts.pg_stored_tsvector),
    ("reportable column; partial indexes on the default (reportable) view", _v4_reportable),
]
LATEST = len(MIGRATIONS)


def current_version(engine: Engine) -> int:
    with engine.connect() as conn:
        if not inspect(conn).has_table(schema_version.name):
            return 0
        return max(conn.execute(select(schema_version.c.version)).scalars(), default=0)


def migrate(engine: Engine) -> int:
    """Bring the database to the latest schema; returns the version it is at."""
    version = current_version(engine)
    for number, (description, step) in enumerate(MIGRATIONS, 1):
        if number <= version:
            continue
        try:
            with engine.begin() as conn:
                schema_version.create(conn, checkfirst=True)
                step(conn)
                conn.execute(schema_version.insert().values(
                    version=number, applied_at=dt.datetime.now(dt.UTC), description=description))
        except DBAPIError:
            if current_version(engine) < number:
                raise
            # another process applied it first
    return current_version(engine)
