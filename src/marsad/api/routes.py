"""The HTTP endpoints. Parameters are validated here; every query runs in the store."""

from __future__ import annotations

import hashlib
import itertools
import secrets
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request
from fastapi.responses import JSONResponse, StreamingResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from marsad import load
from marsad.api.counting import count_events
from marsad.api.deps import Backend, get_backend
from marsad.api.models import (
    ArticleIn,
    ArticleOut,
    EntityPage,
    EventOut,
    EventPage,
    Facets,
    Health,
    Ingested,
    Points,
    SearchPage,
    Timeline,
)
from marsad.io.article import Article, InputError, check_text
from marsad.io.writers import iter_acled_csv, iter_geojson
from marsad.process import article_to_document
from marsad.store import EventFilter, FilterError

MAX_PAGE = 500  # /api/events, /api/entities, /api/search
MAX_EXPORT = 1_000_000  # rows per CSV/GeoJSON request (streamed)
MAX_POINTS = 50_000  # map points per request
MAX_OFFSET = 1_000_000
_NUM = r"\s*[-+]?(\d+(\.\d*)?|\.\d+)\s*"
BBOX_PATTERN = f"^{_NUM},{_NUM},{_NUM},{_NUM}$"
DATE_PATTERN = r"^\d{4}(-\d{2}-\d{2})?$"

router = APIRouter()
bearer = HTTPBearer(auto_error=False, description="the server's token (--token / MARSAD_API_TOKEN)")
Store = Annotated[Backend, Depends(get_backend)]


def _clean(v: str | None, name: str = "parameter") -> str | None:
    """Stripped value or None; NUL characters are refused (PostgreSQL cannot store them)."""
    if v is not None and "\x00" in v:
        raise HTTPException(422, f"{name}: contains a NUL character")
    v = v.strip() if v is not None else None
    return v or None


def event_filter(
    date_from: Annotated[str | None, Query(alias="from", pattern=DATE_PATTERN,
                                           description="first event date, YYYY-MM-DD (or a year, YYYY)")] = None,
    date_to: Annotated[str | None, Query(alias="to", pattern=DATE_PATTERN,
                                         description="last event date, YYYY-MM-DD (or a year, YYYY)")] = None,
    country: Annotated[str | None, Query(max_length=100, description="ISO alpha-2 (IQ), alpha-3 or name; "
                                                                      "comma-separated for several")] = None,
    admin1: Annotated[str | None, Query(max_length=200, description="first-level region, exact")] = None,
    event_type: Annotated[str | None, Query(max_length=200, description="ACLED event type(s), e.g. Battles")] = None,
    sub_event_type: Annotated[str | None, Query(max_length=200, description="ACLED sub-event type(s)")] = None,
    actor: Annotated[str | None, Query(max_length=200, description="actor id, or part of an actor's name")] = None,
    bbox: Annotated[str | None, Query(max_length=200, pattern=BBOX_PATTERN,
                                      description="min_lon,min_lat,max_lon,max_lat (degrees)")] = None,
    q: Annotated[str | None, Query(max_length=200, description="words in the event's article (full text)")] = None,
) -> EventFilter:
    flt = EventFilter(date_from=date_from, date_to=date_to, country=_clean(country, "country"),
                      admin1=_clean(admin1, "admin1"), event_type=_clean(event_type, "event_type"),
                      sub_event_type=_clean(sub_event_type, "sub_event_type"), actor=_clean(actor, "actor"),
                      bbox=_clean(bbox, "bbox"), q=_clean(q, "q"))
    try:
        flt.where("sqlite")  # a bad value fails now, as a 422, not halfway through a streamed export
    except FilterError as exc:
        raise HTTPException(422, str(exc)) from None
    return flt


Filters = Annotated[EventFilter, Depends(event_filter)]
Limit = Annotated[int, Query(ge=1, le=MAX_PAGE, description=f"page size (at most {MAX_PAGE})")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET)]


@router.get("/api/events", response_model=None, tags=["events"], summary="Events matching the filters, newest first",
            responses={200: {"model": EventPage}, 422: {"description": "a parameter is invalid"}})
def list_events(request: Request, store: Store, flt: Filters, limit: Limit = 50, offset: Offset = 0) -> JSONResponse:
    rows = store.list_events(flt, limit, offset)
    if len(rows) < limit and (rows or offset == 0):  # a short page ends the result: no count needed
        total, exact = offset + len(rows), True
    else:
        cap = request.app.state.count_cap
        total, exact = count_events(store, flt, cap and max(cap, offset + limit))  # cap 0: exact
    more = offset + limit < total or (not exact and len(rows) == limit)
    nxt = str(request.url.include_query_params(offset=offset + limit, limit=limit)) if more else None
    return JSONResponse({"total": total, "total_exact": exact, "limit": limit, "offset": offset, "next": nxt,
                         "events": rows})


@router.get("/api/events/points", response_model=None, tags=["map"], summary="Compact event points for the map",
            responses={200: {"model": Points}})
def event_points(store: Store, flt: Filters,
                 limit: Annotated[int, Query(ge=1, le=MAX_POINTS)] = MAX_POINTS) -> JSONResponse:
    rows = store.points(flt, limit)
    pts = [[r["id"], r["latitude"], r["longitude"], r["event_type"]] for r in rows]
    return JSONResponse({"total": len(pts), "fields": ["id", "latitude", "longitude", "event_type"], "points": pts})


@router.get("/api/events/{event_id}", response_model=None, tags=["events"], summary="One event with its sources",
            responses={200: {"model": EventOut}, 404: {"description": "no such event"}})
def get_event(store: Store, event_id: Annotated[int, Path(ge=1, le=2**62)]) -> JSONResponse:
    ev = store.get_event(event_id)
    if ev is None:
        raise HTTPException(404, f"no event {event_id}")
    return JSONResponse(ev)


ExportLimit = Annotated[int | None, Query(ge=1, le=MAX_EXPORT, description=f"rows (default all, at most {MAX_EXPORT})")]


def _export_rows(store: Backend, flt: EventFilter, limit: int | None):
    return itertools.islice(store.iter_events(flt), limit or MAX_EXPORT)


@router.get("/api/events.csv", tags=["events"], summary="Events as CSV: ACLED's columns in ACLED's order, then Marsad's (marsad_*)",
            response_class=StreamingResponse, responses={200: {"content": {"text/csv": {}}}})
def events_csv(store: Store, flt: Filters, limit: ExportLimit = None) -> StreamingResponse:
    return StreamingResponse(iter_acled_csv(_export_rows(store, flt, limit)), media_type="text/csv; charset=utf-8",
                             headers={"Content-Disposition": 'attachment; filename="marsad-events.csv"'})


@router.get("/api/events.geojson", tags=["events"], summary="Located events as a GeoJSON FeatureCollection (RFC 7946)",
            response_class=StreamingResponse, responses={200: {"content": {"application/geo+json": {}}}})
def events_geojson(store: Store, flt: Filters, limit: ExportLimit = None) -> StreamingResponse:
    return StreamingResponse(iter_geojson(_export_rows(store, flt, limit)), media_type="application/geo+json",
                             headers={"Content-Disposition": 'attachment; filename="marsad-events.geojson"'})


@router.get("/api/timeline", response_model=None, tags=["map"], summary="Events per day, month or year",
            responses={200: {"model": Timeline}})
def timeline(store: Store, flt: Filters,
             bin: Annotated[str, Query(pattern="^(day|month|year)$")] = "day") -> JSONResponse:
    return JSONResponse({"bin": bin, "bins": [{"date": d, "count": c} for d, c in store.timeline(flt, bin) if d]})


@router.get("/api/facets", response_model=None, tags=["map"], summary="Counts per event type, sub-type and country",
            responses={200: {"model": Facets}})
def facets(store: Store, flt: Filters) -> JSONResponse:
    out = store.facets(flt)
    return JSONResponse({k: [{"value": v, "count": c} for v, c in out.get(k, [])]
                         for k in ("event_type", "sub_event_type", "country")})


@router.get("/api/articles/{article_id}", response_model=None, tags=["articles"],
            summary="An article's text with every span: entities, dates, places, actors, events, quotes",
            responses={200: {"model": ArticleOut}, 404: {"description": "no such article"}})
def get_article(store: Store, article_id: Annotated[str, Path(max_length=300,
                description="the store's numeric id, or the id the article came with")]) -> JSONResponse:
    _clean(article_id, "article_id")
    art = None
    if article_id.isascii() and article_id.isdigit() and len(article_id) < 19:
        art = store.get_article(int(article_id))
    if art is None:
        found = store.list_articles(external_id=article_id, limit=1)
        art = store.get_article(found[0]["id"]) if found else None
    if art is None:
        raise HTTPException(404, f"no article {article_id!r}")
    return JSONResponse(public_article(art))


PRIVATE_META = frozenset({"origin", "path", "file", "filename", "source_path", "warc_filename"})


def public_article(art: dict[str, Any]) -> dict[str, Any]:
    """What clients see of a stored article: no server-side file names, and stage errors as
    their exception type only (the messages, which may name files, stay in the server log)."""
    out = dict(art)
    if isinstance(out.get("meta"), dict):
        out["meta"] = {k: v for k, v in out["meta"].items() if k not in PRIVATE_META}
    if isinstance(out.get("stage_errors"), dict):
        out["stage_errors"] = {k: str(v).split(":", 1)[0] for k, v in out["stage_errors"].items()}
    return out


@router.get("/api/entities", response_model=None, tags=["entities"], summary="Entities, most mentioned first",
            responses={200: {"model": EntityPage}})
def list_entities(store: Store, q: Annotated[str | None, Query(max_length=200)] = None,
                  label: Annotated[str | None, Query(pattern="^(PER|ORG|LOC|MISC)$")] = None,
                  limit: Limit = 50, offset: Offset = 0) -> JSONResponse:
    rows = store.list_entities(label=label, q=_clean(q, "q"), limit=limit, offset=offset)
    return JSONResponse({"limit": limit, "offset": offset, "entities": rows})


@router.get("/api/search", response_model=None, tags=["articles"], summary="Full-text search of the articles",
            responses={200: {"model": SearchPage}})
def search(store: Store, q: Annotated[str, Query(min_length=1, max_length=200)],
           limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 20, offset: Offset = 0) -> JSONResponse:
    q = _clean(q, "q") or ""
    if not q:
        raise HTTPException(422, "q: give at least one word")
    rows = store.search(q, limit, offset)
    total = offset + len(rows) if len(rows) < limit and (rows or offset == 0) else store.count_search(q)
    return JSONResponse({"total": total, "limit": limit, "offset": offset, "results": rows})


@router.get("/api/config", tags=["meta"], summary="Settings the web UI reads")
def config(request: Request) -> dict:
    return dict(request.app.state.config, max_page=MAX_PAGE, max_points=MAX_POINTS)


@router.get("/healthz", response_model=Health, tags=["meta"], summary="Liveness and store reachability",
            responses={503: {"description": "the store is unreachable"}})
def healthz(request: Request, store: Store) -> dict:
    if not store.healthy():
        raise HTTPException(503, "store unavailable")
    cfg = request.app.state.config
    return {"status": "ok", "version": cfg["version"], "read_only": cfg["read_only"], "store": "ok"}


def require_token(request: Request,
                  cred: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]) -> None:
    token = request.app.state.token
    read_only = "the API is read-only: start the server with --token or MARSAD_API_TOKEN to enable writes"
    if cred is None:
        raise HTTPException(401, "a bearer token is required" + ("" if token else f" ({read_only})"),
                            headers={"WWW-Authenticate": "Bearer"})
    if token is None:
        raise HTTPException(403, read_only)
    if not secrets.compare_digest(cred.credentials.encode(), token.encode()):
        raise HTTPException(401, "a valid bearer token is required", headers={"WWW-Authenticate": "Bearer"})


@router.post("/api/articles", response_model=Ingested, status_code=201, tags=["articles"],
             summary="Process one article and store it (needs the server's bearer token)",
             dependencies=[Depends(require_token)],
             responses={200: {"model": Ingested, "description": "already stored (same content)"},
                        401: {"description": "missing or wrong token"}, 403: {"description": "read-only server"},
                        413: {"description": "body too large"}, 503: {"description": "no pipeline"}})
def post_article(request: Request, store: Store, art: ArticleIn) -> Any:
    try:
        text = check_text(art.text, "article")
    except InputError as exc:
        raise HTTPException(422, str(exc)) from None
    art_id = art.id or "api:" + hashlib.sha256(text.encode()).hexdigest()[:16]
    doc = article_to_document(Article(id=art_id, text=text, title=art.title, url=art.url, source=art.source),
                              published=art.published)
    pipeline = request.app.state.pipeline
    if pipeline is None:
        try:
            pipeline = load()
        except Exception as exc:  # a stage's model or data is missing: the server still reads
            raise HTTPException(503, f"the processing pipeline cannot be loaded ({type(exc).__name__})") from None
    pipeline(doc)
    res = store.add_document(doc)
    body = {"id": res.article_id, "created": res.created, "events": res.events or len(doc.events),
            "stage_errors": {k: v.split(":", 1)[0] for k, v in doc.errors.items()} or None}
    if not res.created:
        return JSONResponse(body, status_code=200)
    return body
