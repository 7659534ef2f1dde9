"""Response and request models: they document the API (OpenAPI) and let schemathesis check
every answer against them. Large answers are built as plain dicts (see routes.py); these models
describe them without being applied on the hot path."""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from marsad.io.article import MAX_BYTES


class Span(BaseModel):
    start: int | None = None
    end: int | None = None
    text: str | None = None


class EventOut(BaseModel):
    """ACLED's columns in ACLED's order, then Marsad's (the store's ``EVENT_COLUMNS``)."""

    model_config = ConfigDict(extra="allow")
    id: int
    article_id: int
    event_id_cnty: str | None = None
    event_date: str | None = None
    year: int | None = None
    time_precision: int | None = None
    event_type: str
    sub_event_type: str
    actor1: str | None = None
    actor2: str | None = None
    inter1: int | None = None
    inter2: int | None = None
    country: str | None = None
    country_code: str | None = None
    admin1: str | None = None
    location: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    geo_precision: int | None = None
    fatalities: int | None = None
    evidence_start: int | None = None
    evidence_end: int | None = None
    evidence_text: str | None = None


class EventPage(BaseModel):
    total: int = Field(description="matching events; a lower bound when total_exact is false")
    total_exact: bool = Field(description="false when more events match than the server counts (see total)")
    limit: int
    offset: int
    next: str | None = Field(None, description="URL of the next page, when there is one")
    events: list[EventOut]


class Points(BaseModel):
    total: int = Field(description="matching events with coordinates (up to the limit)")
    fields: list[str]
    points: list[list[Any]] = Field(description="[id, latitude, longitude, event_type] per event")


class Bin(BaseModel):
    date: str
    count: int


class Timeline(BaseModel):
    bin: str
    bins: list[Bin]


class Facet(BaseModel):
    value: str
    count: int


class Facets(BaseModel):
    event_type: list[Facet]
    sub_event_type: list[Facet]
    country: list[Facet]


class EntityOut(BaseModel):
    model_config = ConfigDict(extra="allow")
    name: str | None = None
    label: str
    actor_id: str | None = None
    mentions: int
    articles: int | None = None


class EntityPage(BaseModel):
    limit: int
    offset: int
    entities: list[EntityOut]


class Hit(BaseModel):
    model_config = ConfigDict(extra="allow")
    id: int
    title: str | None = None
    published: str | None = None
    source: str | None = None
    url: str | None = None
    snippet: str | None = None
    match_start: int | None = None
    match_end: int | None = None


class SearchPage(BaseModel):
    total: int
    limit: int
    offset: int
    results: list[Hit]


class ArticleOut(BaseModel):
    model_config = ConfigDict(extra="allow")
    id: int
    external_id: str | None = None
    title: str | None = None
    text: str
    source: str | None = None
    url: str | None = None
    published: str | None = None
    entities: list[dict[str, Any]]
    timexes: list[dict[str, Any]]
    places: list[dict[str, Any]]
    actors: list[dict[str, Any]]
    events: list[dict[str, Any]]
    quotes: list[dict[str, Any]]


class Health(BaseModel):
    status: str
    version: str
    read_only: bool
    store: str


class ArticleIn(BaseModel):
    text: str = Field(min_length=1, max_length=MAX_BYTES)
    id: str | None = Field(None, max_length=200, description="your id for the article (kept as external_id)")
    title: str | None = Field(None, max_length=2_000)
    url: str | None = Field(None, max_length=2_000)
    source: str | None = Field(None, max_length=200)
    published: dt.date | None = None


class Ingested(BaseModel):
    id: int
    created: bool
    events: int
    stage_errors: dict[str, str] | None = None
