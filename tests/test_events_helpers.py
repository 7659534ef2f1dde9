"""Helpers (no tests here) for the events and quotes tests: hand-annotated Documents. The text is
segmented by the real normalise+segment stages; the other stages' annotations are added at computed offsets."""

from __future__ import annotations

import datetime as dt

from marsad.document import ActorMention, Document, Entity, Place, Timex
from marsad.pipeline import build

_PIPE = None


def make_doc(text: str, published: str | None = "2015-08-08") -> Document:
    global _PIPE
    if _PIPE is None:
        _PIPE = build(["normalise", "segment"])
    doc = Document(text, published=dt.date.fromisoformat(published) if published else None)
    return _PIPE(doc)


def span(doc: Document, surface: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = doc.text.index(surface, start + 1)
    return start, start + len(surface)


def actor(doc: Document, surface: str, actor_id: str, name: str, type_: str, inter: int | None,
          country: str | None = None, nth: int = 0, generic: bool = False) -> ActorMention:
    s, e = span(doc, surface, nth)
    m = ActorMention(s, e, actor_id, name, type_, country, inter, generic)
    doc.actors.append(m)
    doc.actors.sort(key=lambda a: a.start)
    return m


def place(doc: Document, surface: str, name: str, lat: float, lon: float, country: str,
          admin1: str | None = "Region", precision: int = 1, nth: int = 0, feature: str = "populated place") -> Place:
    s, e = span(doc, surface, nth)
    p = Place(s, e, name, lat, lon, country, admin1, feature, precision=precision)
    doc.places.append(p)
    doc.places.sort(key=lambda x: x.start)
    return p


def country(doc: Document, surface: str, name: str, code: str, nth: int = 0) -> Place:
    return place(doc, surface, name, 0.0, 0.0, code, None, 3, nth, "country")


def timex(doc: Document, surface: str, value: str, granularity: str = "day", nth: int = 0) -> Timex:
    s, e = span(doc, surface, nth)
    t = Timex(s, e, value, granularity)
    doc.timexes.append(t)
    doc.timexes.sort(key=lambda x: x.start)
    return t


def entity(doc: Document, surface: str, label: str, canonical: str | None = None, nth: int = 0) -> Entity:
    s, e = span(doc, surface, nth)
    ent = Entity(s, e, label, canonical=canonical)
    doc.entities.append(ent)
    doc.entities.sort(key=lambda x: x.start)
    return ent
