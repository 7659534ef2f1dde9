"""Cross-article event merging: reports of one happening in several articles → one event.

Two events from *different* articles are the same happening when they have the same event
type and nothing known about them disagrees:

- dates (event date, else the article's publication date) at most ``days`` apart;
- places at most ``radius_km`` apart;
- actors: their actor ids (or normalised names) overlap.

Outside one story, all three must be known and agree (a bare type and date is not enough).
Inside one story (reprints: same ``story_id``), a missing date, place or actor side is no
obstacle: a reprint that lost the place still reports the same event. A merged group never
holds two events of the same article (the events stage already merged those it could).

Pure functions over dicts: both the store's flat event rows (``event_date``, ``latitude``,
``longitude``, ``actor1_id`` ... as ``Store.iter_events`` gives them, plus ``article_id`` and
``story_id``) and the JSON form of ``marsad extract`` (``date``, ``place.lat``, ``actor1.actor_id``
..., with ``article_id`` / ``story_id`` / ``source`` added by the caller) are accepted.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter
from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass

from marsad.text.normalise import normalise_key


@dataclass(frozen=True, slots=True)
class EventKey:
    index: int
    event_type: str
    article: Hashable
    story: Hashable | None
    day: int | None  # proleptic ordinal
    lat: float | None
    lon: float | None
    actors: frozenset[str]


def _get(ev: Mapping, *keys: str):
    for k in keys:
        v = ev.get(k)
        if v not in (None, ""):
            return v
    return None


def _day(value: object) -> int | None:
    if isinstance(value, dt.datetime):
        return value.date().toordinal()
    if isinstance(value, dt.date):
        return value.toordinal()
    if isinstance(value, str) and len(value) >= 10:
        try:
            return dt.date.fromisoformat(value[:10]).toordinal()
        except ValueError:
            return None
    return None  # a month or year is too coarse to merge on


def _actor_keys(ev: Mapping) -> frozenset[str]:
    keys = set()
    for side in ("actor1", "actor2"):
        arg = ev.get(side)
        if isinstance(arg, Mapping):
            ident, name = arg.get("actor_id"), arg.get("name")
        else:
            ident, name = ev.get(f"{side}_id"), arg
        if ident:
            keys.add(f"id:{ident}")
        elif isinstance(name, str) and name.strip():
            keys.add(f"name:{normalise_key(name)}")
    return frozenset(keys)


def event_key(i: int, ev: Mapping) -> EventKey:
    place = ev.get("place") if isinstance(ev.get("place"), Mapping) else {}
    lat = _get(ev, "latitude", "lat")
    lon = _get(ev, "longitude", "lon")
    if lat is None and place:
        lat, lon = place.get("lat"), place.get("lon")
    try:
        lat_f, lon_f = (float(lat), float(lon)) if lat is not None and lon is not None else (None, None)
    except (TypeError, ValueError):
        lat_f = lon_f = None
    day = _day(_get(ev, "event_date", "date")) or _day(_get(ev, "published"))
    return EventKey(
        index=i,
        event_type=str(ev.get("event_type") or ""),
        article=_get(ev, "article_id", "article") if _get(ev, "article_id", "article") is not None else f"#{i}",
        story=_get(ev, "story_id"),
        day=day,
        lat=lat_f,
        lon=lon_f,
        actors=_actor_keys(ev),
    )


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


def same_happening(a: EventKey, b: EventKey, radius_km: float = 25.0, days: int = 2) -> bool:
    if a.event_type != b.event_type or a.article == b.article:
        return False
    same_story = a.story is not None and a.story == b.story
    if a.day is not None and b.day is not None:
        if abs(a.day - b.day) > days:
            return False
    elif not same_story:
        return False
    if a.lat is not None and b.lat is not None:
        if haversine_km(a.lat, a.lon, b.lat, b.lon) > radius_km:  # type: ignore[arg-type]
            return False
    elif not same_story:
        return False
    if a.actors and b.actors:
        return bool(a.actors & b.actors)
    return same_story


def group_events(events: Sequence[Mapping], radius_km: float = 25.0, days: int = 2) -> list[list[int]]:
    """Indices of ``events`` grouped by happening (every event in exactly one group, groups and
    their members in input order). Candidates are compared within a type and a date window, or
    within a story for undated events, so the work stays near-linear."""
    keys = [event_key(i, ev) for i, ev in enumerate(events)]
    parent = list(range(len(keys)))
    articles: dict[int, set] = {i: {k.article} for i, k in enumerate(keys)}

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(x: int, y: int) -> None:
        rx, ry = find(x), find(y)
        if rx == ry or articles[rx] & articles[ry]:
            return  # one event per article in a group
        if ry < rx:
            rx, ry = ry, rx
        parent[ry] = rx
        articles[rx] |= articles.pop(ry)

    by_type: dict[str, list[EventKey]] = {}
    for k in keys:
        by_type.setdefault(k.event_type, []).append(k)
    for group in by_type.values():
        dated = sorted((k for k in group if k.day is not None), key=lambda k: (k.day, k.index))
        for i, a in enumerate(dated):
            for b in dated[i + 1:]:
                if b.day - a.day > days:  # type: ignore[operator]
                    break
                if same_happening(a, b, radius_km, days):
                    union(a.index, b.index)
        by_story: dict[Hashable, list[EventKey]] = {}
        for k in group:
            if k.story is not None:
                by_story.setdefault(k.story, []).append(k)
        for members in by_story.values():
            undated = [k for k in members if k.day is None]
            for a in undated:
                for b in members:
                    if a.index != b.index and same_happening(a, b, radius_km, days):
                        union(a.index, b.index)
    groups: dict[int, list[int]] = {}
    for i in range(len(keys)):
        groups.setdefault(find(i), []).append(i)
    return sorted(groups.values(), key=lambda g: g[0])


def merge_group(events: Sequence[Mapping], group: Sequence[int]) -> dict:
    """One merged event: the first event's fields, the most common sub-event type, the highest
    fatality count, ``source`` listing every outlet (as ACLED does), and ``sources``: every
    (article, outlet, url, evidence, trigger) behind it."""
    members = [events[i] for i in group]
    out = dict(members[0])
    subs = Counter(m.get("sub_event_type") for m in members if m.get("sub_event_type"))
    if subs:
        out["sub_event_type"] = subs.most_common(1)[0][0]
    out["fatalities"] = max((int(m.get("fatalities") or 0) for m in members), default=0)
    sources = []
    for i, m in zip(group, members, strict=True):
        evidence = m.get("evidence") if isinstance(m.get("evidence"), Mapping) else {
            "start": m.get("evidence_start"), "end": m.get("evidence_end"), "text": m.get("evidence_text")}
        trigger = m.get("trigger") if isinstance(m.get("trigger"), Mapping) else {
            "start": m.get("trigger_start"), "end": m.get("trigger_end"), "text": m.get("trigger_text")}
        sources.append({"event": m.get("id", i), "article_id": m.get("article_id"), "story_id": m.get("story_id"),
                        "source": m.get("source"), "url": m.get("url"), "evidence": evidence, "trigger": trigger})
    out["sources"] = sources
    outlets = list(dict.fromkeys(str(s["source"]) for s in sources if s["source"]))
    if outlets:
        out["source"] = "; ".join(outlets)  # ACLED lists every outlet in one field
    out["n_sources"] = len({s["article_id"] if s["article_id"] is not None else s["event"] for s in sources})
    return out


def merge_events(events: Sequence[Mapping], radius_km: float = 25.0, days: int = 2) -> list[dict]:
    """Events of many articles → one dict per happening (see ``merge_group``)."""
    return [merge_group(events, g) for g in group_events(events, radius_km, days)]
