"""Shared fixtures for the store tests (no tests here): a Store on SQLite and, when
``MARSAD_TEST_PG_URL`` is set, the same on PostgreSQL in a throwaway schema; hand-made
Documents whose annotations do not depend on the pipeline stages' accuracy."""

from __future__ import annotations

import datetime as dt
import os
import uuid
from collections.abc import Callable

import pytest

from marsad.document import ActorMention, ArgRef, Document, Entity, Event, Place, Quote, Span, Timex
from marsad.store import Store

PG_URL = os.environ.get("MARSAD_TEST_PG_URL")
BACKENDS = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]


def database_url(backend: str, tmp_path) -> tuple[str, Callable[[], None]]:
    """A URL of an empty database (a SQLite file, or a throwaway PostgreSQL schema) and a
    function that removes it."""
    if backend == "sqlite":
        return str(tmp_path / "marsad.db"), lambda: None
    if not PG_URL:
        pytest.skip("MARSAD_TEST_PG_URL is not set (source .ci/postgres.sh)")
    from sqlalchemy import text

    schema = "t_" + uuid.uuid4().hex[:12]
    admin = Store.open(PG_URL, migrate_schema=False)
    with admin.engine.begin() as conn:
        conn.execute(text(f"CREATE SCHEMA {schema}"))
    sep = "&" if "?" in PG_URL else "?"

    def dispose() -> None:
        with admin.engine.begin() as conn:
            conn.execute(text(f"DROP SCHEMA {schema} CASCADE"))
        admin.close()

    return f"{PG_URL}{sep}options=-csearch_path%3D{schema}", dispose


def open_store(backend: str, tmp_path) -> tuple[Store, Callable[[], None]]:
    """A fresh, migrated store and a function that disposes of it."""
    url, drop = database_url(backend, tmp_path)
    store = Store.open(url)

    def dispose() -> None:
        store.close()
        drop()

    return store, dispose


@pytest.fixture(params=BACKENDS)
def db_url(request, tmp_path):
    url, drop = database_url(request.param, tmp_path)
    yield url
    drop()


@pytest.fixture(params=BACKENDS)
def store(request, tmp_path):
    st, dispose = open_store(request.param, tmp_path)
    yield st
    dispose()


def find(text: str, sub: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(sub, start + 1)
    return start, start + len(sub)


def make_document(i: int = 0, country: str = "IQ", place: str = "الموصل", lat: float = 36.34, lon: float = 43.13,
                  published: str = "2017-11-03", event_type: str = "Battles",
                  sub_event_type: str = "Armed clash", actor2: str = "Islamic State",
                  admin1: str = "Nineveh") -> Document:
    """A hand-annotated news-like article (written for these tests) with one event."""
    text = (f"أعلنت قيادة العمليات المشتركة يوم الجمعة أن القوات العراقية اشتبكت مع مسلحي تنظيم داعش "
            f"قرب {place} وقتلت {i % 7 + 2} منهم، وقال المتحدث باسم القيادة: «العملية مستمرة حتى تحرير "
            f"آخر شبر». وأضاف البيان أن الاشتباكات بدأت فجرا. (الخبر رقم {i})")
    doc = Document(text, id=f"test-{i}", published=dt.date.fromisoformat(published), title=f"اشتباكات قرب {place}",
                   url=f"https://news.example/{i}", source="Example News")
    s, e = find(text, "قيادة العمليات المشتركة")
    doc.entities.append(Entity(s, e, "ORG", canonical="Joint Operations Command"))
    ps, pe = find(text, place)
    doc.entities.append(Entity(ps, pe, "LOC"))
    ds, de = find(text, "داعش")
    doc.entities.append(Entity(ds, de, "ORG", canonical="Islamic State", actor_id="isis"))
    ts, te = find(text, "يوم الجمعة")
    doc.timexes.append(Timex(ts, te, published, "day"))
    pl = Place(ps, pe, place, lat, lon, country, admin1=admin1, geonames_id=99072, precision=1)
    doc.places.append(pl)
    qs, qe = find(text, "القوات العراقية")
    doc.actors.append(ActorMention(qs, qe, "iq-military", "Military Forces of Iraq", "military", country, inter=1))
    actor2_id = actor2.lower().replace(" ", "-")
    doc.actors.append(ActorMention(ds, de, actor2_id, actor2, "rebel group", None, inter=2))
    trig = Span(*find(text, "اشتبكت"))
    sent_end = text.index("،") + 1
    doc.events.append(Event(
        event_type, sub_event_type, trig, Span(0, sent_end),
        actor1=ArgRef("Military Forces of Iraq", qs, qe, actor_id="iq-military", inter=1, country=country),
        actor2=ArgRef(actor2, ds, de, actor_id=actor2_id, inter=2), place=pl, date=published, time_precision=1,
        fatalities=i % 7 + 2, confidence=0.8, plover="FIGHT", mentions=[Span(*find(text, "الاشتباكات"))]))
    q0, q1 = find(text, "«العملية مستمرة حتى تحرير آخر شبر»")
    cue = Span(*find(text, "وقال"))
    doc.quotes.append(Quote(q0 + 1, q1 - 1, True, "قال", cue, ArgRef("المتحدث باسم القيادة")))
    return doc
