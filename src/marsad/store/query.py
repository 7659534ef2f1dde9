"""Reading: event filters, paging, articles with all their spans, entities, full-text search.

Every function takes a Connection and returns plain JSON-ready dicts (dates as ISO strings).
Queries are built with SQLAlchemy expressions only (parameters bound, never formatted in).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import (
    Connection,
    Integer,
    Select,
    and_,
    column,
    func,
    literal_column,
    or_,
    select,
    text,
    union_all,
)

from marsad.store import fts
from marsad.store.countries import country_info, to_alpha2
from marsad.store.schema import actors, articles, entities, event_sources, events, places, quotes, timexes

# ACLED's export columns, in ACLED's order.
ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction",
    "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude",
    "longitude", "geo_precision", "source", "source_scale", "notes", "fatalities", "timestamp",
)
# Marsad's own columns, after ACLED's in every export.
MARSAD_COLUMNS = (
    "id", "article_id", "country_code", "actor1_id", "actor2_id", "confidence", "modality", "background",
    "plover", "date_value", "evidence_start", "evidence_end", "evidence_text", "trigger_start", "trigger_end",
    "trigger_text", "n_sources", "merged_into", "story_id", "url", "title", "published",
)
EVENT_COLUMNS = ACLED_COLUMNS + MARSAD_COLUMNS
MAX_LIMIT = 10_000


class FilterError(ValueError):
    """A filter value that cannot be understood (the message says which and why)."""


def _as_list(value: str | Sequence[str] | None) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [v.strip() for v in value.split(",") if v.strip()]
    return [v.strip() for v in value if v and v.strip()]


def _as_date(value: str | dt.date | None, name: str) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    v = str(value).strip()
    try:
        if len(v) == 4:
            return dt.date(int(v), 1 if name == "from" else 12, 1 if name == "from" else 31)
        return dt.date.fromisoformat(v[:10])
    except ValueError:
        raise FilterError(f"{name}: a date as YYYY-MM-DD (or YYYY) is expected, got {value!r}") from None


def parse_bbox(value: str | Sequence[float] | None) -> tuple[float, float, float, float] | None:
    """``min_lon,min_lat,max_lon,max_lat`` (GeoJSON order) → a tuple, checked."""
    if value is None or value == "":
        return None
    parts = value.split(",") if isinstance(value, str) else list(value)
    try:
        box = tuple(float(p) for p in parts)
    except (TypeError, ValueError):
        raise FilterError(f"bbox: four numbers min_lon,min_lat,max_lon,max_lat expected, got {value!r}") from None
    if len(box) != 4 or not (-180 <= box[0] <= box[2] <= 180 and -90 <= box[1] <= box[3] <= 90):
        raise FilterError(f"bbox: min_lon,min_lat,max_lon,max_lat within -180..180 / -90..90 expected, got {value!r}")
    return box  # type: ignore[return-value]


@dataclass
class EventFilter:
    """Filters for ``list_events`` and exports; every field is optional and they combine with AND.

    ``country`` and the type fields take one value, a comma-separated string or a list (OR within a
    field). Countries may be alpha-2 (IQ), alpha-3 (IRQ) or a name (Iraq). ``actor`` matches an
    actor id exactly or a substring of either actor's name (case-insensitive). ``q`` is an Arabic
    (or any) full-text query over the events' articles. ``bbox`` is min_lon,min_lat,max_lon,max_lat.
    """

    date_from: str | dt.date | None = None
    date_to: str | dt.date | None = None
    country: str | Sequence[str] | None = None
    admin1: str | None = None
    event_type: str | Sequence[str] | None = None
    sub_event_type: str | Sequence[str] | None = None
    actor: str | None = None
    bbox: str | Sequence[float] | None = None
    q: str | None = None
    article_id: int | None = None
    story_id: str | None = None
    background: bool | None = None  # False: only events the article reports as news; True: only history
    modality: str | Sequence[str] | None = None  # asserted, denied, threatened, planned, ...
    min_confidence: float | None = None
    include_merged: bool = False
    # by default only reportable events (asserted, not background history), as ACLED records them;
    # an explicit modality/background filter, or all_events=True, shows the others
    all_events: bool = False
    extra: dict[str, Any] = field(default_factory=dict)

    def where(self, dialect: str) -> list[Any]:
        conds: list[Any] = []
        if not self.include_merged:
            conds.append(events.c.merged_into.is_(None))
        default_view = not self.all_events and self.background is None and not _as_list(self.modality)
        if default_view:  # the same term as the partial indexes' predicate
            conds.append(text("events.reportable = 1"))
        if (d := _as_date(self.date_from, "from")) is not None:
            conds.append(events.c.event_date >= d)
        if (d := _as_date(self.date_to, "to")) is not None:
            conds.append(events.c.event_date <= d)
        countries = []
        for c in _as_list(self.country):
            code = to_alpha2(c)
            if code is None:
                raise FilterError(f"country: unknown country {c!r} (give ISO alpha-2 like IQ, alpha-3 or a name)")
            countries.append(code)
        if countries:
            conds.append(events.c.country_code == countries[0] if len(countries) == 1
                         else events.c.country_code.in_(countries))
        if self.admin1:
            conds.append(events.c.admin1 == self.admin1)
        for col, value in ((events.c.event_type, self.event_type), (events.c.sub_event_type, self.sub_event_type)):
            values = _as_list(value)
            if values:
                conds.append(col == values[0] if len(values) == 1 else col.in_(values))
        if self.actor and self.actor.strip():
            a = self.actor.strip()
            pattern = "%" + a.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
            conds.append(or_(events.c.actor1_id == a, events.c.actor2_id == a,
                             events.c.actor1.ilike(pattern, escape="\\"), events.c.actor2.ilike(pattern, escape="\\")))
        if (box := parse_bbox(self.bbox)) is not None:
            conds += [events.c.longitude.between(box[0], box[2]), events.c.latitude.between(box[1], box[3])]
        if self.q and self.q.strip():
            param = fts.fts_param(dialect, self.q)
            if param is None:
                conds.append(literal_column("1") == 0)  # a query with no searchable word matches nothing
            else:
                conds.append(events.c.article_id.in_(
                    text(fts.matching_ids_sql(dialect)).bindparams(fts_q=param).columns(column("id", Integer))))
        if self.article_id is not None:
            conds.append(events.c.article_id == self.article_id)
        if self.background is not None:
            conds.append(events.c.background.is_(bool(self.background)))
        elif not self.all_events and not default_view:
            conds.append(or_(events.c.background.is_(None), events.c.background.is_(False)))
        modalities = _as_list(self.modality)
        if modalities:
            conds.append(events.c.modality.in_(modalities))
        elif not self.all_events and not default_view:
            conds.append(or_(events.c.modality.is_(None), events.c.modality == "asserted"))
        if self.min_confidence is not None:
            try:
                conds.append(events.c.confidence >= float(self.min_confidence))
            except (TypeError, ValueError):
                raise FilterError(f"min_confidence: a number expected, got {self.min_confidence!r}") from None
        if self.story_id:
            conds.append(events.c.article_id.in_(select(articles.c.id).where(articles.c.story_id == self.story_id)))
        return conds


def _event_select() -> Select:
    return select(events, articles.c.story_id, articles.c.url, articles.c.title, articles.c.published,
                  articles.c.ingested_at).join(articles, articles.c.id == events.c.article_id)


def _iso(v: Any) -> Any:
    if isinstance(v, dt.datetime) and v.tzinfo is None:
        v = v.replace(tzinfo=dt.UTC)  # SQLite drops the zone; every stored time is UTC
    return v.isoformat() if isinstance(v, dt.date) else v


def event_dict(row: Any) -> dict[str, Any]:
    """One event as a flat dict: ACLED's columns, then Marsad's (``EVENT_COLUMNS``)."""
    m = row._mapping
    info = country_info(m["country_code"])
    ingested = m["ingested_at"]
    out = {k: _iso(m[k]) for k in m.keys() if k != "ingested_at"}
    out.update(
        event_id_cnty=f"{info.alpha3 if info and info.alpha3 else 'XXX'}{m['id']}",
        assoc_actor_1="", assoc_actor_2="", source_scale="",
        timestamp=int(ingested.replace(tzinfo=ingested.tzinfo or dt.UTC).timestamp()) if ingested else None,
        published=_iso(m["published"]),
    )
    return {k: out.get(k) for k in EVENT_COLUMNS} | {k: out[k] for k in (
        "actor1_start", "actor1_end", "actor2_start", "actor2_end", "place_start", "place_end", "geonames_id")}


def _order(stmt: Select) -> Select:
    return stmt.order_by(events.c.event_date.desc(), events.c.id.desc())


def list_events(conn: Connection, filters: EventFilter | None = None, limit: int = 100, offset: int = 0) -> list[dict[str, Any]]:
    """A page of events, newest first (event_date, then id, descending; events without any date
    come last on SQLite and first on PostgreSQL, each back-end's natural order for its indexes)."""
    limit = max(0, min(int(limit), MAX_LIMIT))
    conds = (filters or EventFilter()).where(conn.dialect.name)
    # pick the page's ids first (the indexes answer filter + order without reading the wide rows),
    # then read only those rows
    page = _order(select(events.c.id).where(and_(True, *conds))).limit(limit).offset(max(0, int(offset)))
    stmt = _order(_event_select().where(events.c.id.in_(page.scalar_subquery())))
    return [event_dict(r) for r in conn.execute(stmt)]


def count_events(conn: Connection, filters: EventFilter | None = None) -> int:
    conds = (filters or EventFilter()).where(conn.dialect.name)
    return conn.execute(select(func.count()).select_from(events).where(and_(True, *conds))).scalar_one()


def iter_events(conn: Connection, filters: EventFilter | None = None, batch: int = 2000) -> Iterator[dict[str, Any]]:
    """Every matching event in id order, read in batches (for exports of any size)."""
    conds = (filters or EventFilter()).where(conn.dialect.name)
    last = 0
    while True:
        stmt = _event_select().where(and_(events.c.id > last, *conds)).order_by(events.c.id).limit(batch)
        rows = conn.execute(stmt).all()
        if not rows:
            return
        for r in rows:
            yield event_dict(r)
        last = rows[-1]._mapping["id"]


def get_event(conn: Connection, event_id: int) -> dict[str, Any] | None:
    row = conn.execute(_event_select().where(events.c.id == event_id)).first()
    if row is None:
        return None
    out = event_dict(row)
    out["sources"] = event_sources_of(conn, [event_id])[event_id]
    return out


def event_sources_of(conn: Connection, event_ids: Sequence[int]) -> dict[int, list[dict[str, Any]]]:
    """event id → its sources (article id, role evidence|mention|merged, span and text)."""
    out: dict[int, list[dict[str, Any]]] = {i: [] for i in event_ids}
    if not event_ids:
        return out
    stmt = (select(event_sources).where(event_sources.c.event_id.in_(list(event_ids)))
            .order_by(event_sources.c.event_id, event_sources.c.id))
    for r in conn.execute(stmt):
        m = dict(r._mapping)
        out[m.pop("event_id")].append(m)
    return out


def _rows(conn: Connection, table, article_id: int) -> list[dict[str, Any]]:
    stmt = select(*[c for c in table.c if c.name not in ("id", "article_id")]).where(
        table.c.article_id == article_id).order_by(table.c.start, table.c.id)
    return [dict(r._mapping) for r in conn.execute(stmt)]


def _article_meta_cols() -> list[Any]:
    return [articles.c.id, articles.c.external_id, articles.c.title, articles.c.source, articles.c.url,
            articles.c.published, articles.c.published_inferred, articles.c.story_id, articles.c.ingested_at,
            articles.c.content_hash, articles.c.n_entities, articles.c.n_events, articles.c.n_quotes]


def resolve_article_id(conn: Connection, key: int | str) -> int | None:
    """The store id of an article given as its id (int or digits) or its external id."""
    if isinstance(key, int) or (isinstance(key, str) and key.isdigit() and len(key) < 19):
        found = conn.execute(select(articles.c.id).where(articles.c.id == int(key))).scalar()
        if found is not None or isinstance(key, int):
            return found
    return conn.execute(select(articles.c.id).where(articles.c.external_id == str(key))
                        .order_by(articles.c.id).limit(1)).scalar()


def get_article(conn: Connection, article_id: int | str) -> dict[str, Any] | None:
    """An article with its text and every span: entities, timexes, places, actors, events, quotes.

    ``article_id`` is the store's id (an int, or a string of digits) or else the article's
    external id (the first article stored with it).

    Spans are ``start``/``end`` offsets into ``text``. Each event is the flat ``event_dict`` plus
    ``evidence``/``trigger`` spans, ``mentions`` (other spans of the same event in this article)
    and ``sources`` (every article/span behind it, several after a cross-article merge).
    """
    article_id = resolve_article_id(conn, article_id)
    if article_id is None:
        return None
    row = conn.execute(select(*_article_meta_cols(), articles.c.text, articles.c.stage_errors, articles.c.meta)
                       .where(articles.c.id == article_id)).first()
    if row is None:
        return None
    out = {k: _iso(v) for k, v in row._mapping.items()}
    for key, table in (("entities", entities), ("timexes", timexes), ("places", places), ("actors", actors),
                       ("quotes", quotes)):
        out[key] = _rows(conn, table, article_id)
    evs = [event_dict(r) for r in conn.execute(
        _event_select().where(events.c.article_id == article_id).order_by(events.c.evidence_start, events.c.id))]
    merged_in = conn.execute(select(events.c.id).join(event_sources, event_sources.c.event_id == events.c.id)
                             .where(event_sources.c.article_id == article_id, events.c.article_id != article_id)
                             .distinct()).scalars().all()
    sources = event_sources_of(conn, [e["id"] for e in evs] + list(merged_in))
    for e in evs:
        e["evidence"] = {"start": e["evidence_start"], "end": e["evidence_end"], "text": e["evidence_text"]}
        e["trigger"] = {"start": e["trigger_start"], "end": e["trigger_end"], "text": e["trigger_text"]}
        e["sources"] = sources[e["id"]]
        e["mentions"] = [{"start": s["start"], "end": s["end"]} for s in e["sources"]
                         if s["role"] == "mention" and s["article_id"] == article_id]
    out["events"] = evs
    out["merged_events"] = [{"event_id": i, "sources": sources[i]} for i in merged_in]
    return out


def list_articles(conn: Connection, story_id: str | None = None, external_id: str | None = None,
                  limit: int = 100, offset: int = 0) -> list[dict[str, Any]]:
    """Article metadata (no text), newest first; optionally one story's or one external id's."""
    stmt = select(*_article_meta_cols())
    if story_id is not None:
        stmt = stmt.where(articles.c.story_id == story_id)
    if external_id is not None:
        stmt = stmt.where(articles.c.external_id == external_id)
    stmt = stmt.order_by(articles.c.published.desc(), articles.c.id.desc()).limit(min(limit, MAX_LIMIT)).offset(offset)
    return [{k: _iso(v) for k, v in r._mapping.items()} for r in conn.execute(stmt)]


def list_entities(conn: Connection, label: str | None = None, q: str | None = None, limit: int = 100,
                  offset: int = 0) -> list[dict[str, Any]]:
    """Entities grouped by (label, canonical name or surface), most mentioned first.

    Each item: ``name``, ``label``, ``actor_id``, ``mentions`` (spans) and ``articles`` (distinct).
    ``q`` keeps names containing it (case-insensitive, on the name or the surface text).
    """
    name = func.coalesce(entities.c.canonical, entities.c.text).label("name")
    stmt = select(name, entities.c.label, func.max(entities.c.actor_id).label("actor_id"),
                  func.count().label("mentions"), func.count(entities.c.article_id.distinct()).label("articles"))
    if label:
        stmt = stmt.where(entities.c.label == label.upper())
    if q and q.strip():
        pattern = "%" + q.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        stmt = stmt.where(or_(entities.c.canonical.ilike(pattern, escape="\\"),
                              entities.c.text.ilike(pattern, escape="\\")))
    stmt = (stmt.group_by(name, entities.c.label).order_by(func.count().desc(), name)
            .limit(min(limit, MAX_LIMIT)).offset(offset))
    return [dict(r._mapping) for r in conn.execute(stmt)]


def _snippet(body: str, q: str, width: int = 90) -> tuple[str, int | None, int | None]:
    """A piece of ``body`` around the first word matching the query, and that word's offsets."""
    from marsad.text.normalise import normalise_with_map

    norm, mapping = normalise_with_map(body)
    low = norm.lower()
    pos = -1
    length = 0
    for term in fts.analyse(q):
        pos = low.find(term)
        if pos >= 0:
            length = len(term)
            break
    if pos < 0:
        return body[: 2 * width].strip(), None, None
    start, end = mapping[pos], mapping[pos + length - 1] + 1
    a, b = max(0, start - width), min(len(body), end + width)
    if a and (sp := body.find(" ", a, start)) >= 0:  # whole words at the edges
        a = sp + 1
    if b < len(body) and (sp := body.rfind(" ", end, b)) >= 0:
        b = sp
    return ("…" if a else "") + body[a:b].strip() + ("…" if b < len(body) else ""), start, end


def search(conn: Connection, q: str, limit: int = 20, offset: int = 0) -> list[dict[str, Any]]:
    """Articles matching an (Arabic) full-text query, best first, each with a snippet and the
    offsets (``match_start``/``match_end`` into the article text) of the first matching word."""
    dialect = conn.dialect.name
    param = fts.fts_param(dialect, q or "")
    if param is None:
        return []
    limit, offset = max(0, min(int(limit), MAX_LIMIT)), max(0, int(offset))
    if dialect == "sqlite":
        sql = "SELECT rowid FROM article_fts WHERE article_fts MATCH :fts_q ORDER BY rank LIMIT :l OFFSET :o"
    else:
        sql = ("SELECT article_id FROM article_search WHERE tsv @@ plainto_tsquery('simple', :fts_q) "
               "ORDER BY ts_rank(tsv, plainto_tsquery('simple', :fts_q)) DESC, article_id "
               "LIMIT :l OFFSET :o")
    ids = conn.execute(text(sql), {"fts_q": param, "l": limit, "o": offset}).scalars().all()
    if not ids:
        return []
    rows = {r.id: r for r in conn.execute(select(*_article_meta_cols(), articles.c.text).where(articles.c.id.in_(ids)))}
    out = []
    for i in ids:
        r = rows[i]._mapping
        snippet, s, e = _snippet(r["text"], q)
        item = {k: _iso(v) for k, v in r.items() if k != "text"}
        out.append(item | {"snippet": snippet, "match_start": s, "match_end": e})
    return out


def count_search(conn: Connection, q: str) -> int:
    dialect = conn.dialect.name
    param = fts.fts_param(dialect, q or "")
    if param is None:
        return 0
    return conn.execute(text(f"SELECT count(*) FROM ({fts.matching_ids_sql(dialect)}) m"), {"fts_q": param}).scalar_one()


def summary(conn: Connection, top: int = 10) -> dict[str, Any]:
    """Counts for a dashboard: articles, events, by type and country, top actors, date range."""
    live = and_(*EventFilter().where(conn.dialect.name))  # reportable, not merged: what the API lists
    n_articles = conn.execute(select(func.count()).select_from(articles)).scalar_one()
    n_events = conn.execute(select(func.count()).select_from(events).where(live)).scalar_one()
    lo, hi = conn.execute(select(func.min(events.c.event_date), func.max(events.c.event_date)).where(live)).one()
    plo, phi = conn.execute(select(func.min(articles.c.published), func.max(articles.c.published))).one()
    by_type = conn.execute(select(events.c.event_type, func.count()).where(live).group_by(events.c.event_type)
                           .order_by(func.count().desc(), events.c.event_type)).all()
    by_country = conn.execute(select(events.c.country_code, func.count()).where(live)
                              .group_by(events.c.country_code).order_by(func.count().desc()).limit(top * 3)).all()
    names = union_all(select(events.c.actor1.label("actor")).where(live, events.c.actor1.is_not(None)),
                      select(events.c.actor2.label("actor")).where(live, events.c.actor2.is_not(None))).subquery()
    top_actors = conn.execute(select(names.c.actor, func.count()).group_by(names.c.actor)
                              .order_by(func.count().desc(), names.c.actor).limit(top)).all()
    n_stories = conn.execute(select(func.count(articles.c.story_id.distinct()))).scalar_one()
    failed = conn.execute(select(func.count()).select_from(articles).where(articles.c.stage_errors.is_not(None))).scalar_one()

    def country_name(code: str | None) -> str | None:
        info = country_info(code)
        return info.name if info else None

    return {
        "articles": n_articles, "events": n_events, "stories": n_stories, "articles_with_stage_errors": failed,
        "event_dates": [_iso(lo), _iso(hi)], "published": [_iso(plo), _iso(phi)],
        "by_event_type": [{"event_type": t, "events": n} for t, n in by_type],
        "by_country": [{"country_code": c, "country": country_name(c), "events": n} for c, n in by_country],
        "top_actors": [{"actor": a, "events": n} for a, n in top_actors],
    }


def points(conn: Connection, filters: EventFilter | None = None, limit: int = 50_000) -> list[dict[str, Any]]:
    """Compact rows for a map: id, latitude, longitude, event_type, event_date, fatalities
    (events with coordinates only; newest first)."""
    conds = (filters or EventFilter()).where(conn.dialect.name)
    stmt = _order(select(events.c.id, events.c.latitude, events.c.longitude, events.c.event_type,
                         events.c.event_date, events.c.fatalities)
                  .where(events.c.latitude.is_not(None), *conds)).limit(max(0, min(int(limit), 500_000)))
    return [{k: _iso(v) for k, v in r._mapping.items()} for r in conn.execute(stmt)]


def timeline(conn: Connection, filters: EventFilter | None = None, bin: str = "day") -> list[tuple[str, int]]:
    """(period, number of events) in date order; ``bin`` is day (YYYY-MM-DD), month (YYYY-MM)
    or year (YYYY). Events without a date are left out."""
    fmt = {"day": ("%Y-%m-%d", "YYYY-MM-DD"), "month": ("%Y-%m", "YYYY-MM"), "year": ("%Y", "YYYY")}
    if bin not in fmt:
        raise FilterError(f"bin: one of {', '.join(fmt)} expected, got {bin!r}")
    if bin == "day":
        period = events.c.event_date  # grouped as stored: the (country, date) indexes cover it
    elif conn.dialect.name == "sqlite":
        period = func.strftime(fmt[bin][0], events.c.event_date)
    else:
        period = func.to_char(events.c.event_date, fmt[bin][1])
    conds = (filters or EventFilter()).where(conn.dialect.name)
    period = period.label("period")
    stmt = (select(period, func.count()).where(events.c.event_date.is_not(None), *conds)
            .group_by(period).order_by(period))
    return [(_iso(p), n) for p, n in conn.execute(stmt)]


def facets(conn: Connection, filters: EventFilter | None = None, top: int = 50) -> dict[str, list[tuple[str, int]]]:
    """Counts per event_type, sub_event_type and country (alpha-2) under the filters, largest first."""
    conds = (filters or EventFilter()).where(conn.dialect.name)
    # one pass for both type levels (a sub-event type belongs to one event type)
    by_type: dict[str, int] = {}
    by_sub: dict[str, int] = {}
    stmt = select(events.c.event_type, events.c.sub_event_type, func.count()).where(*conds).group_by(
        events.c.event_type, events.c.sub_event_type)
    for et, st, n in conn.execute(stmt):
        by_type[et] = by_type.get(et, 0) + n
        by_sub[st] = by_sub.get(st, 0) + n
    country = (select(events.c.country_code, func.count()).where(events.c.country_code.is_not(None), *conds)
               .group_by(events.c.country_code))

    def top_items(counts: dict[str, int]) -> list[tuple[str, int]]:
        return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:top]

    return {"event_type": top_items(by_type), "sub_event_type": top_items(by_sub),
            "country": top_items(dict(conn.execute(country).all()))}
