"""Database URLs and engines: embedded SQLite by default, PostgreSQL (psycopg 3) by URL.

Resolution order: the ``--db`` argument, then ``$MARSAD_DB``, then ``marsad.db`` in the
working directory. A bare path (``data/events.db``) means a SQLite file; ``postgresql://``
and ``postgres://`` URLs use the psycopg 3 driver.
"""

from __future__ import annotations

import os
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.pool import StaticPool

DEFAULT_DB = "marsad.db"
ENV_VAR = "MARSAD_DB"


def resolve_url(db: str | None = None) -> str:
    """The SQLAlchemy URL for ``--db`` / ``$MARSAD_DB`` / the default file."""
    value = (db or os.environ.get(ENV_VAR) or DEFAULT_DB).strip()
    if value == ":memory:":
        return "sqlite:///:memory:"
    if "://" not in value:
        return f"sqlite:///{Path(value).expanduser().resolve()}"
    for prefix in ("postgresql://", "postgres://"):
        if value.startswith(prefix):
            return "postgresql+psycopg://" + value[len(prefix):]
    return value


def display_url(url: str) -> str:
    """The URL with any password hidden (for messages)."""
    return make_url(url).render_as_string(hide_password=True)


def _sqlite_pragmas(dbapi_conn, _record) -> None:
    cur = dbapi_conn.cursor()
    # WAL: readers (the API) never block the writer (ingest); a committed transaction survives a
    # killed process. synchronous=NORMAL keeps that guarantee for process crashes (not power loss).
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=30000")
    cur.execute("PRAGMA cache_size=-65536")  # 64 MiB page cache
    cur.close()


def make_engine(db: str | None = None, **kwargs) -> Engine:
    """An engine for ``db`` (see ``resolve_url``); creates the SQLite file's folder if needed."""
    url = make_url(resolve_url(db))
    if url.get_backend_name() == "sqlite":
        if url.database and url.database != ":memory:":
            Path(url.database).parent.mkdir(parents=True, exist_ok=True)
        else:  # one in-memory database shared by every user of the engine (tests, throwaway stores)
            kwargs.setdefault("poolclass", StaticPool)
            kwargs.setdefault("connect_args", {"check_same_thread": False})
        kwargs.setdefault("connect_args", {"timeout": 30})
        engine = create_engine(url, **kwargs)
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    kwargs.setdefault("pool_pre_ping", True)
    return create_engine(url, **kwargs)
