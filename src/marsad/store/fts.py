"""Arabic full-text search over normalised text.

Both the indexed text and the query go through the same analysis: Marsad's normalisation
(alef/ya/ta-marbuta folding, no diacritics or tatweel, ASCII digits), lower case, and the
proclitics (و ف ب ك ل and ال) split off with ``marsad.text.clitics.split_clitics``. So
«والموصل», «بالموصل» and «الموصل» all index as «موصل» and any of them finds the others.
SQLite keeps the analysed text in an FTS5 table (``article_fts``); PostgreSQL in
``article_search`` with a GIN index on ``to_tsvector('simple', body)``.
"""

from __future__ import annotations

import functools

import regex
from sqlalchemy import Connection, text

from marsad.text.clitics import split_clitics
from marsad.text.normalise import normalise

_WORD = regex.compile(r"[\p{L}\p{N}][\p{L}\p{M}\p{N}]*")


@functools.lru_cache(maxsize=200_000)
def _stem(word: str) -> str:
    return split_clitics(word)[1] or word


def analyse(text: str) -> list[str]:
    """The search terms of a text (normalised, lower-cased, proclitics removed)."""
    return [_stem(w) for w in _WORD.findall(normalise(text).lower())]


def index_body(title: str | None, body: str) -> str:
    return " ".join(analyse(f"{title or ''}\n{body}"))


def sqlite_match(q: str) -> str | None:
    """An FTS5 MATCH expression: every term required (quoted, so no FTS5 syntax leaks in)."""
    terms = analyse(q)
    return " ".join(f'"{t}"' for t in terms) if terms else None


def pg_query(q: str) -> str | None:
    terms = analyse(q)
    return " ".join(terms) if terms else None


def create(conn: Connection) -> None:
    if conn.dialect.name == "sqlite":
        conn.execute(text("CREATE VIRTUAL TABLE IF NOT EXISTS article_fts USING fts5(body, "
                          "tokenize = 'unicode61 remove_diacritics 2')"))
    else:
        conn.execute(text("CREATE TABLE IF NOT EXISTS article_search (article_id INTEGER PRIMARY KEY "
                          "REFERENCES articles(id) ON DELETE CASCADE, body TEXT NOT NULL)"))
        conn.execute(text("CREATE INDEX IF NOT EXISTS ix_article_search_body ON article_search "
                          "USING gin (to_tsvector('simple', body))"))


def insert(conn: Connection, article_id: int, title: str | None, body: str) -> None:
    table = "article_fts(rowid, body)" if conn.dialect.name == "sqlite" else "article_search(article_id, body)"
    conn.execute(text(f"INSERT INTO {table} VALUES (:id, :body)"), {"id": article_id, "body": index_body(title, body)})


def delete(conn: Connection, article_id: int) -> None:
    if conn.dialect.name == "sqlite":
        conn.execute(text("DELETE FROM article_fts WHERE rowid = :id"), {"id": article_id})
    else:
        conn.execute(text("DELETE FROM article_search WHERE article_id = :id"), {"id": article_id})


def matching_ids_sql(dialect: str) -> str:
    """SQL selecting the matching article ids (bind ``:fts_q`` to ``sqlite_match``/``pg_query``)."""
    if dialect == "sqlite":
        return "SELECT rowid AS id FROM article_fts WHERE article_fts MATCH :fts_q"
    return "SELECT article_id AS id FROM article_search WHERE to_tsvector('simple', body) @@ plainto_tsquery('simple', :fts_q)"


def fts_param(dialect: str, q: str) -> str | None:
    return sqlite_match(q) if dialect == "sqlite" else pg_query(q)
