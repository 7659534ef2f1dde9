"""Writing: a processed Document becomes one article row and its annotation rows, atomically."""

from __future__ import annotations

import datetime as dt
import hashlib
import math
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, select

from marsad.document import Document, Token
from marsad.serialize import document_to_dict
from marsad.store import fts
from marsad.store.countries import country_info
from marsad.store.schema import actors, articles, entities, event_sources, events, places, quotes, timexes

# ACLED: which disorder each event type belongs to.
DISORDER = {
    "Battles": "Political violence",
    "Explosions/Remote violence": "Political violence",
    "Violence against civilians": "Political violence",
    "Protests": "Demonstrations",
    "Riots": "Demonstrations",
    "Strategic developments": "Strategic developments",
}
# Sub-event types ACLED codes as both political violence and demonstrations.
DISORDER_BOTH = {"Mob violence", "Excessive force against protesters"}
CIVILIANS_INTER = 7


def content_hash(text: str) -> str:
    """The identity of an article's content (leading BOM and outer whitespace ignored)."""
    return hashlib.sha256(text.removeprefix("\ufeff").strip().encode("utf-8")).hexdigest()


def document_payload(doc: Document | dict[str, Any], text: str | None = None) -> tuple[dict[str, Any], str]:
    """(serialised dict, original text) of a Document or of the dict ``marsad.serialize`` gives."""
    if isinstance(doc, Document):
        payload = document_to_dict(doc)
        payload.setdefault("meta", dict(doc.meta))
        return payload, doc.text
    body = text if text is not None else doc.get("text")
    if not isinstance(body, str):
        raise ValueError("a document dict needs its original text (a 'text' field or the text argument)")
    return doc, body.removeprefix("\ufeff")


def parse_event_date(value: str | None) -> dt.date | None:
    """The ACLED event_date of a TIMEX-style value: a day as is, a week's Wednesday, a month's
    15th, a year's 1 July (the middle of the period, as ACLED dates imprecise events)."""
    if not value:
        return None
    v = value.strip()
    try:
        if len(v) >= 10 and v[4] == "-" and v[7] == "-":
            return dt.date.fromisoformat(v[:10])
        if len(v) >= 8 and v[4:6] == "-W":
            return dt.date.fromisocalendar(int(v[:4]), int(v[6:8]), 3)
        if len(v) >= 7 and v[4] == "-":
            return dt.date(int(v[:4]), int(v[5:7]), 15)
        if len(v) >= 4 and v[:4].isdigit():
            return dt.date(int(v[:4]), 7, 1)
    except ValueError:
        return None
    return None


def disorder_type(event_type: str, sub_event_type: str) -> str | None:
    if sub_event_type in DISORDER_BOTH:
        return "Political violence; Demonstrations"
    return DISORDER.get(event_type)


def interaction(inter1: int | None, inter2: int | None) -> int | None:
    """ACLED's interaction code: the two inter codes, lower first (10 × inter1 when alone)."""
    if inter1 is None:
        return None
    if inter2 is None:
        return inter1 * 10
    lo, hi = sorted((inter1, inter2))
    return lo * 10 + hi


def _finite(v: Any) -> float | None:
    """A coordinate as a float, None when missing or not finite (NaN would break JSON and GIS)."""
    try:
        f = float(v)
    except (TypeError, ValueError):
        return None
    return f if math.isfinite(f) else None


def _arg_cols(prefix: str, arg: dict[str, Any] | None) -> dict[str, Any]:
    arg = arg or {}
    return {prefix: arg.get("name"), f"{prefix}_id": arg.get("actor_id"), f"{prefix}_start": arg.get("start"),
            f"{prefix}_end": arg.get("end")}


def event_row(article_id: int, e: dict[str, Any], published: dt.date | None, source: str | None) -> dict[str, Any]:
    place = e.get("place") or {}
    a1, a2 = e.get("actor1") or {}, e.get("actor2") or {}
    # ACLED gives every event a country: without a place, the first actor's country stands in
    code = place.get("country") or (None if place else a1.get("country") or a2.get("country"))
    country = country_info(code)
    date = parse_event_date(e.get("date")) or published
    inter1, inter2 = a1.get("inter"), a2.get("inter")
    evidence = e.get("evidence") or {}
    trigger = e.get("trigger") or {}
    civilian = inter2 == CIVILIANS_INTER or e["event_type"] == "Violence against civilians"
    return {
        "article_id": article_id,
        "event_date": date,
        "date_value": e.get("date"),
        "year": date.year if date else None,
        "time_precision": e.get("time_precision"),
        "disorder_type": disorder_type(e["event_type"], e["sub_event_type"]),
        "event_type": e["event_type"],
        "sub_event_type": e["sub_event_type"],
        **_arg_cols("actor1", a1 or None), "inter1": inter1,
        **_arg_cols("actor2", a2 or None), "inter2": inter2,
        "interaction": interaction(inter1, inter2),
        "civilian_targeting": "Civilian targeting" if civilian else None,
        "country_code": country.alpha2 if country else code,
        "iso": country.numeric if country else None,
        "country": country.name if country else None,
        "region": country.region if country else None,
        "admin1": place.get("admin1"),
        "location": place.get("name"),
        "latitude": _finite(place.get("lat")) if _finite(place.get("lon")) is not None else None,
        "longitude": _finite(place.get("lon")) if _finite(place.get("lat")) is not None else None,
        "geo_precision": place.get("precision"),
        "geonames_id": place.get("geonames_id"),
        "place_start": place.get("start"),
        "place_end": place.get("end"),
        "source": source,
        "notes": e.get("notes") or evidence.get("text") or "",
        "fatalities": int(e.get("fatalities") or 0),
        "confidence": e.get("confidence"),
        "modality": e.get("modality"),
        "background": bool(e.get("background")),
        # the events stage's ACLED view (asserted, current, located, confident); dicts built by
        # hand without the flag fall back to asserted-and-current
        "reportable": int(e["reportable"] if e.get("reportable") is not None
                          else e.get("modality") in (None, "asserted") and not e.get("background")),
        "plover": e.get("plover"),
        "trigger_start": trigger.get("start"), "trigger_end": trigger.get("end"), "trigger_text": trigger.get("text"),
        "evidence_start": evidence.get("start"), "evidence_end": evidence.get("end"),
        "evidence_text": evidence.get("text"),
        "n_sources": 1,
    }


def _span_rows(article_id: int, items: list[dict[str, Any]], keys: tuple[str, ...], text: str) -> list[dict[str, Any]]:
    rows = []
    for it in items:
        start, end = int(it["start"]), int(it["end"])
        row = {"article_id": article_id, "start": start, "end": end, "text": text[start:end]}
        row.update({k: it.get(k) for k in keys})
        rows.append(row)
    return rows


def _quote_rows(article_id: int, items: list[dict[str, Any]], text: str) -> list[dict[str, Any]]:
    rows = []
    for q in items:
        speaker = q.get("speaker") or {}
        cue = q.get("cue_span") or {}
        rows.append({
            "article_id": article_id, "start": q["start"], "end": q["end"], "text": text[q["start"]:q["end"]],
            "direct": bool(q.get("direct")), "cue": q.get("cue"), "cue_start": cue.get("start"),
            "cue_end": cue.get("end"), "speaker": speaker.get("name"), "speaker_start": speaker.get("start"),
            "speaker_end": speaker.get("end"), "speaker_actor_id": speaker.get("actor_id"),
        })
    return rows


def find_by_hash(conn: Connection, digest: str) -> int | None:
    return conn.execute(select(articles.c.id).where(articles.c.content_hash == digest)).scalar()


def insert_document(conn: Connection, payload: dict[str, Any], text: str, digest: str,
                    tokens: Sequence[Token] | None = None) -> int:
    """Insert one article and everything found in it (the caller owns the transaction);
    ``tokens`` (the Document's) spare a second analysis for the full-text index."""
    published = dt.date.fromisoformat(payload["published"][:10]) if payload.get("published") else None
    evs = payload.get("events") or []
    ents = payload.get("entities") or []
    qts = payload.get("quotes") or []
    art = {
        "external_id": payload.get("id"), "content_hash": digest, "title": payload.get("title"), "text": text,
        "source": payload.get("source"), "url": payload.get("url"), "published": published,
        "published_inferred": bool(payload.get("published_inferred")), "story_id": payload.get("story_id"),
        "ingested_at": dt.datetime.now(dt.UTC), "stage_errors": payload.get("stage_errors") or None,
        "meta": payload.get("meta") or None,
        "n_entities": len(ents), "n_events": len(evs), "n_quotes": len(qts),
    }
    article_id = conn.execute(articles.insert().values(**art)).inserted_primary_key[0]
    for table, items, keys in (
        (entities, ents, ("label", "canonical", "actor_id")),
        (timexes, payload.get("timexes") or [], ("value", "granularity", "end_value", "calendar")),
        (places, payload.get("places") or [],
         ("name", "lat", "lon", "country", "admin1", "feature", "geonames_id", "precision")),
        (actors, payload.get("actors") or [], ("actor_id", "name", "type", "country", "inter", "generic", "link")),
    ):
        rows = _span_rows(article_id, items, keys, text)
        if table is places:
            for r in rows:
                r["lat"], r["lon"] = _finite(r["lat"]), _finite(r["lon"])
        if table is actors:
            for r in rows:
                r["generic"] = bool(r["generic"])
        if rows:
            conn.execute(table.insert(), rows)
    if qts:
        conn.execute(quotes.insert(), _quote_rows(article_id, qts, text))
    if evs:
        rows = [event_row(article_id, e, published, payload.get("source")) for e in evs]
        ids = conn.execute(events.insert().returning(events.c.id, sort_by_parameter_order=True), rows).scalars().all()
        sources = []
        for event_id, e in zip(ids, evs, strict=True):
            ev = e.get("evidence") or {}
            sources.append({"event_id": event_id, "article_id": article_id, "role": "evidence",
                            "start": ev.get("start"), "end": ev.get("end"), "text": ev.get("text")})
            for m in e.get("mentions") or []:
                sources.append({"event_id": event_id, "article_id": article_id, "role": "mention",
                                "start": m["start"], "end": m["end"], "text": text[m["start"]:m["end"]]})
        conn.execute(event_sources.insert(), sources)
    fts.insert(conn, article_id, payload.get("title"), text, tokens)
    return article_id
