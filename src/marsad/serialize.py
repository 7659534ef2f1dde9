"""The JSON form of a Document (the schema documented in the README)."""

from __future__ import annotations

from typing import Any

from marsad.document import ArgRef, Document, Event, Place, Quote


def _arg(doc: Document, arg: ArgRef | None) -> dict[str, Any] | None:
    if arg is None:
        return None
    out: dict[str, Any] = {"name": arg.name, "start": arg.start, "end": arg.end}
    if arg.start is not None and arg.end is not None:
        out["text"] = doc.text[arg.start:arg.end]
    if arg.actor_id:
        out["actor_id"] = arg.actor_id
    if arg.inter is not None:
        out["inter"] = arg.inter
    if arg.country:
        out["country"] = arg.country
    return out


def place_dict(doc: Document, p: Place, with_span: bool = True) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if with_span:
        out.update(start=p.start, end=p.end, text=doc.text[p.start:p.end])
    out.update(
        name=p.name, lat=round(p.lat, 5), lon=round(p.lon, 5), country=p.country, admin1=p.admin1,
        feature=p.feature, geonames_id=p.geonames_id, precision=p.precision,
    )
    return out


def event_dict(doc: Document, e: Event) -> dict[str, Any]:
    from marsad.events.stage import reportable

    return {
        "event_type": e.event_type,
        "sub_event_type": e.sub_event_type,
        "actor1": _arg(doc, e.actor1),
        "actor2": _arg(doc, e.actor2),
        "place": place_dict(doc, e.place) if e.place else None,
        "date": e.date,
        "time_precision": e.time_precision,
        "fatalities": e.fatalities,
        "trigger": {"start": e.trigger.start, "end": e.trigger.end, "text": doc.text[e.trigger.start:e.trigger.end]},
        "evidence": {"start": e.evidence.start, "end": e.evidence.end, "text": doc.text[e.evidence.start:e.evidence.end]},
        "mentions": [{"start": m.start, "end": m.end} for m in e.mentions],
        "confidence": round(e.confidence, 3),
        "modality": e.modality,
        "background": e.background,
        "reportable": reportable(e),
        "plover": e.plover,
        "notes": e.notes,
    }


def quote_dict(doc: Document, q: Quote) -> dict[str, Any]:
    return {
        "speaker": _arg(doc, q.speaker),
        "cue": q.cue,
        "cue_span": {"start": q.cue_span.start, "end": q.cue_span.end} if q.cue_span else None,
        "start": q.start,
        "end": q.end,
        "text": doc.text[q.start:q.end],
        "direct": q.direct,
    }


def document_to_dict(doc: Document) -> dict[str, Any]:
    t = doc.text
    return {
        "id": doc.id,
        "published": doc.published.isoformat() if doc.published else None,
        "published_inferred": doc.published_inferred,
        "title": doc.title,
        "url": doc.url,
        "source": doc.source,
        "error": None,
        "stage_errors": dict(doc.errors) or None,
        "entities": [
            {"start": e.start, "end": e.end, "text": t[e.start:e.end], "label": e.label,
             "canonical": e.canonical, "actor_id": e.actor_id}
            for e in doc.entities
        ],
        "timexes": [
            {"start": x.start, "end": x.end, "text": t[x.start:x.end], "value": x.value,
             "granularity": x.granularity, "end_value": x.end_value, "kind": x.kind, "calendar": x.calendar,
             "relative": x.relative}
            for x in doc.timexes
        ],
        "places": [place_dict(doc, p) for p in doc.places],
        "actors": [
            {"start": a.start, "end": a.end, "text": t[a.start:a.end], "actor_id": a.actor_id, "name": a.name,
             "type": a.type, "country": a.country, "inter": a.inter, "generic": a.generic, "link": a.link}
            for a in doc.actors
        ],
        "events": [event_dict(doc, e) for e in doc.events],
        "quotes": [quote_dict(doc, q) for q in doc.quotes],
    }


def error_dict(article_id: str | None, message: str, **meta: Any) -> dict[str, Any]:
    """The object printed for an article that could not be processed."""
    return {"id": article_id, "error": message, **meta, "entities": [], "timexes": [], "places": [],
            "events": [], "quotes": []}
