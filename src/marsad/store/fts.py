"""Arabic full-text search over normalised text.

Both the indexed text and the query go through the same analysis: Marsad's normalisation
(alef/ya/ta-marbuta folding, no diacritics or tatweel, ASCII digits), the segmenter's tokens,
lower case, and the proclitics (و ف ب ك ل and ال) split off with
``marsad.text.clitics.split_clitics`` (a processed Document's own tokens are used as they are). So
«والموصل», «بالموصل» and «الموصل» all index as «موصل» and any of them finds the others.
SQLite keeps the analysed text in an FTS5 table (``article_fts``); PostgreSQL in
``article_search`` with a stored ``tsv = to_tsvector('simple', body)`` column and a GIN index on it
(migration 3; ranking reads the stored vector instead of re-parsing every matching body).
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import Connection, text

from marsad.document import Token
from marsad.text.clitics import split_clitics
from marsad.text.normalise import normalise
from marsad.text.segment import TOKEN_RE

_STEMS: dict[str, str] = {}  # word → stem; a plain dict is the cheapest cache on this hot path
_MAX_CACHED = 500_000


def analyse(text: str) -> list[str]:
    """The search terms of a text: the segmenter's tokens (words and numbers) of the normalised
    text, each word without its proclitics, lower-cased — what ``terms_of_tokens`` gives for a
    segmented Document, so queries and indexed documents agree."""
    cache = _STEMS
    out = []
    for word in TOKEN_RE.findall(normalise(text)):
        if not word[0].isalnum():
            continue
        stem = cache.get(word)
        if stem is None:
            stem = ((split_clitics(word)[1] or word) if word[0].isalpha() else word).lower()
            if len(cache) < _MAX_CACHED:
                cache[word] = stem
        out.append(stem)
    return out


def terms_of_tokens(tokens: Sequence[Token]) -> list[str]:
    """The search terms of a segmented Document (no second analysis of its text)."""
    return [(t.stem if t.is_word else t.norm).lower() for t in tokens if t.norm[:1].isalnum()]


def index_body(title: str | None, body: str, tokens: Sequence[Token] | None = None) -> str:
    """The analysed text stored in the full-text index (title, then body)."""
    terms = analyse(title) if title else []
    terms += terms_of_tokens(tokens) if tokens else analyse(body)
    return " ".join(terms)


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


def pg_stored_tsvector(conn: Connection) -> None:
    """PostgreSQL: keep the parsed vector in a generated column with its own GIN index."""
    if conn.dialect.name != "postgresql":
        return
    conn.execute(text("ALTER TABLE article_search ADD COLUMN IF NOT EXISTS tsv tsvector "
                      "GENERATED ALWAYS AS (to_tsvector('simple', body)) STORED"))
    conn.execute(text("CREATE INDEX IF NOT EXISTS ix_article_search_tsv ON article_search USING gin (tsv)"))
    conn.execute(text("DROP INDEX IF EXISTS ix_article_search_body"))


def insert(conn: Connection, article_id: int, title: str | None, body: str,
           tokens: Sequence[Token] | None = None) -> None:
    table = "article_fts(rowid, body)" if conn.dialect.name == "sqlite" else "article_search(article_id, body)"
    conn.execute(text(f"INSERT INTO {table} VALUES (:id, :body)"),
                 {"id": article_id, "body": index_body(title, body, tokens)})


def delete(conn: Connection, article_id: int) -> None:
    if conn.dialect.name == "sqlite":
        conn.execute(text("DELETE FROM article_fts WHERE rowid = :id"), {"id": article_id})
    else:
        conn.execute(text("DELETE FROM article_search WHERE article_id = :id"), {"id": article_id})


def matching_ids_sql(dialect: str) -> str:
    """SQL selecting the matching article ids (bind ``:fts_q`` to ``sqlite_match``/``pg_query``)."""
    if dialect == "sqlite":
        return "SELECT rowid AS id FROM article_fts WHERE article_fts MATCH :fts_q"
    return "SELECT article_id AS id FROM article_search WHERE tsv @@ plainto_tsquery('simple', :fts_q)"


def fts_param(dialect: str, q: str) -> str | None:
    return sqlite_match(q) if dialect == "sqlite" else pg_query(q)
