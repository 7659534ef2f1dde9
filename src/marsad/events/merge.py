"""One event per real-world event per article: mentions of the same type with compatible
actors, place and date merge into the first, which keeps every evidence span."""

from __future__ import annotations

import datetime as dt
import math

from marsad.document import ArgRef, Event, Place
from marsad.text.normalise import normalise_key

MAX_KM = 20.0  # two towns further apart are two events, as in ACLED


def km(a: Place, b: Place) -> float:
    p1, p2 = math.radians(a.lat), math.radians(b.lat)
    dp, dl = p2 - p1, math.radians(b.lon - a.lon)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def _same_actor(a: ArgRef | None, b: ArgRef | None) -> bool:
    if a is None or b is None:
        return True
    if a.actor_id and b.actor_id:
        return a.actor_id == b.actor_id
    return a.name == b.name


def same_place(a: Place | None, b: Place | None) -> bool:
    if a is None or b is None:
        return True
    if a.place_id and a.place_id == b.place_id or a.name == b.name:
        return True
    if a.country and b.country and a.country != b.country:
        return False  # a town across a border is another event («سوروتش» and «كوباني»)
    if _is_country(a) or _is_country(b):  # a country is compatible with any place inside it
        return a.country == b.country
    if _is_region(a) or _is_region(b):  # a province with the places in it (or near its seat)
        return a.country == b.country and (a.admin1 is not None and a.admin1 == b.admin1 or km(a, b) <= 60.0)
    if a.admin1 and b.admin1 and a.admin1 != b.admin1:
        return False  # two governorates are two locations (ACLED), however near their towns
    return km(a, b) <= MAX_KM


def _is_country(p: Place) -> bool:
    feature = (p.feature or "").lower()
    return "country" in feature or feature.startswith("pcl") or (p.admin1 is None and p.precision >= 3)


def _is_region(p: Place) -> bool:
    feature = (p.feature or "").lower()
    return "admin" in feature or "region" in feature or feature.startswith("adm")


def _same_date(a: Event, b: Event) -> bool:
    if a.date is None or b.date is None:
        return True
    if a.time_precision > 1 or b.time_precision > 1:
        return True
    return abs((dt.date.fromisoformat(a.date) - dt.date.fromisoformat(b.date)).days) <= 1


TERRITORY = frozenset({"Government regains territory", "Non-state actor overtakes territory"})


BOMBS = frozenset({"Suicide bomb", "Remote explosive/landmine/IED"})
PROTEST_SEVERITY = {"Peaceful protest": 0, "Protest with intervention": 1, "Excessive force against protesters": 2}


def _same_sub(a: Event, b: Event, loose_day: bool = False) -> bool:
    """``loose_day``: one of the two is dated only by the sentence before or the lead (not by
    its own sentence), so a day apart is still the day of the other."""
    if a.sub_event_type == b.sub_event_type:
        return True
    if a.sub_event_type in PROTEST_SEVERITY and b.sub_event_type in PROTEST_SEVERITY and a.date == b.date:
        return True
    if {a.sub_event_type, b.sub_event_type} == BOMBS and (a.date == b.date or loose_day and _same_date(a, b)):
        return True  # «هجوم انتحاري بسيارة ملغومة» told again as «تفجير سيارة مفخخة»: one suicide bombing  # one protest per place and day; the force met is told in one of its mentions
    # a mention whose agent is a pronoun («سيطرت على …») follows the named one
    return a.sub_event_type in TERRITORY and b.sub_event_type in TERRITORY and (a.actor1 is None or b.actor1 is None)


def compatible(a: Event, b: Event, loose_day: bool = False) -> bool:
    if not (a.event_type == b.event_type and _same_sub(a, b, loose_day) and a.modality == b.modality
            and a.background == b.background and _same_date(a, b)):
        return False
    if not same_place(a.place, b.place):
        # «أوقع 32 قتيلا في سوروتش» then «وكان الإقليم نفسه قد شهد تفجيرا انتحاريا أسفر عن مقتل 32»:
        # the same large toll in one country is the same event placed twice
        return a.fatalities >= SAME_TOLL_FAR and a.fatalities == b.fatalities and a.place is not None \
            and b.place is not None and a.place.country == b.place.country
    # one event per type, location and day (ACLED): actors matter only where a place is missing
    if a.place is not None and b.place is not None:
        # «قصفت قوات النظام مناطق في جرود القلمون … وبلدة بيت جن»: two named localities of one
        # sentence are two locations
        return not (a.evidence == b.evidence and a.place.name != b.place.name
                    and a.place.name.split(" (")[0] not in b.place.name
                    and b.place.name.split(" (")[0] not in a.place.name
                    and not (_is_region(a.place) or _is_region(b.place) or _is_country(a.place) or _is_country(b.place)))
    return _same_actor(a.actor1, b.actor1) and _same_actor(a.actor2, b.actor2)


NEAR_CHARS = 400  # a bare «هجوم» folds into an event told close by (about two sentences)
SPECIFIC_TYPES = frozenset({"Explosions/Remote violence", "Violence against civilians", "Battles"})


def _absorbs(specific: Event, generic: Event, dated: set[int] | None = None) -> bool:
    """A bare «هجوم» at the place and day of a bombing or an attack on civilians is that event
    (not when each is dated by its own sentence to another day: «هاجموا الجمعة الماضي …» after
    a strike told «أول من أمس»)."""
    if generic.event_type == "Explosions/Remote violence" and specific.sub_event_type == "Armed clash":
        return False  # «… في المواجهات وفي قصف الأحياء»: shelling of unknown kind is not the clash beside it
    if specific.event_type not in SPECIFIC_TYPES or specific.modality != generic.modality \
            or specific.background != generic.background:
        return False
    if not _same_actor(specific.actor1, generic.actor1) and not _same_toll(specific, generic):
        return False  # (the same toll at the place and day is the same event, whoever is named)
    if any(generic.evidence.start <= m.start < generic.evidence.end for m in specific.mentions):
        return True  # told in the same sentence
    near = any(abs(m.start - generic.evidence.start) <= NEAR_CHARS for m in specific.mentions)
    if dated and id(specific) in dated and id(generic) in dated and specific.date != generic.date:
        return False
    return (near and specific.place is not None and generic.place is not None and _same_date(specific, generic)
            and (specific.place.name == generic.place.name or km(specific.place, generic.place) <= 50.0))


def _same_toll(a: Event, b: Event) -> bool:
    """The same count of dead (at least ``SAME_TOLL``) on the same day or a day apart: «قتل 21 شخصا في
    هجوم …» in the lead and «فجر انتحاري حزامه … أسفر عن مقتل 21» are one event told twice."""
    return a.fatalities >= SAME_TOLL and a.fatalities == b.fatalities and _same_date(a, b)


SAME_TOLL = 4
SAME_TOLL_FAR = 10  # the same toll merges two places of one country only from this count


def _better_place(a: Place | None, b: Place | None) -> Place | None:
    if a is None:
        return b
    if b is not None and b.precision < a.precision:
        return b
    return a


def absorb(into: Event, other: Event, dated: set[int] | None = None) -> None:
    """Fold ``other`` into ``into``; ``dated`` holds the ids of events dated by their own
    sentence (not by the sentence before or the lead): such a date is never replaced by a
    borrowed one, and replaces a borrowed one whatever their precisions."""
    if into.actor1 is None and other.actor1 is not None and {into.sub_event_type, other.sub_event_type} <= TERRITORY:
        into.sub_event_type = other.sub_event_type  # the named agent's reading of a territory change
    if PROTEST_SEVERITY.get(other.sub_event_type, -1) > PROTEST_SEVERITY.get(into.sub_event_type, 99) or \
            other.sub_event_type == "Suicide bomb" and into.sub_event_type in BOMBS:
        into.sub_event_type = other.sub_event_type
    into.mentions.extend(other.mentions)
    into.actor1 = into.actor1 or other.actor1
    into.actor2 = into.actor2 or other.actor2
    into.place = _better_place(into.place, other.place)
    own_into, own_other = dated is not None and id(into) in dated, dated is not None and id(other) in dated
    if other.date and (into.date is None or own_other and not own_into
                       or own_other == own_into and other.time_precision < into.time_precision):
        into.date, into.time_precision = other.date, other.time_precision
    if own_other and dated is not None:
        dated.add(id(into))
    into.fatalities = max(into.fatalities, other.fatalities)
    into.confidence = min(0.99, max(into.confidence, other.confidence) + 0.05)


def _adjacent(a: Event, b: Event) -> bool:
    """Are the two events told in neighbouring sentences (a few characters apart at most)?"""
    gap = max(a.evidence.start - b.evidence.end, b.evidence.start - a.evidence.end)
    return 0 <= gap <= 5


def _word(text: str, ev: Event) -> str:
    """The trigger's word without its proclitics and accusative alef («والتفجير», «تفجيرا» → «تفجير»)."""
    w = normalise_key(text[ev.trigger.start:ev.trigger.end].split(" ")[0]) if text else ""
    for pre in ("وال", "بال", "فال", "لل", "ال", "و", "ب"):
        if w.startswith(pre) and len(w) - len(pre) >= 3:
            w = w[len(pre):]
            break
    return w[:-1] if w.endswith("ا") and len(w) > 4 else w


def merge(events: list[Event], generic: set[int] | None = None, dated: set[int] | None = None,
          led_to: set[int] | None = None, text: str = "") -> list[Event]:
    """Merge repeated mentions; ``generic`` holds the ids of events typed by default (a bare
    «هجوم»), which fold into a more specific event of the same place and day; ``dated`` the ids
    of events dated by their own sentence (see ``absorb``); ``led_to`` the ids of clashes told after
    «بعد/عقب/إثر» (the fighting that led to something)."""
    led_to = led_to or set()
    generic = set(generic or ())
    # «تفجيرا انتحاريا»: a noun and the adjective right after it, both triggers, are one mention
    # (so the toll of either belongs to both before they meet other mentions)
    paired: list[Event] = []
    folded: set[int] = set()  # the triggers folded into the last kept mention
    for ev in events:
        last = paired[-1] if paired else None
        if last is not None and last.evidence == ev.evidence and 0 <= ev.trigger.start - last.trigger.end <= 2 \
                and last.event_type == ev.event_type and _same_sub(last, ev) and last.modality == ev.modality \
                and ev.trigger.start not in folded:
            # (whatever place each was given: «انفجار عبوة ناسفة … في قطاع رفح على الحدود مع قطاع غزة»;
            # not the copy of the second for a further place listed, «استهدفت غارات … مواقع في حرض»)
            folded.add(ev.trigger.start)
            absorb(last, ev, dated)
            if id(ev) not in generic:
                generic.discard(id(last))
            continue
        if last is None or ev.trigger.start != last.trigger.start:
            folded = set()
        paired.append(ev)
    events = paired
    out: list[Event] = []
    for ev in events:
        for kept in out:
            loose = dated is not None and (id(kept) not in dated or id(ev) not in dated)
            if compatible(kept, ev, loose):
                absorb(kept, ev, dated)
                if id(ev) not in generic:
                    generic.discard(id(kept))  # «هجوم …» then «اشتباكات …» there: a clash told, not a guess
                break
        else:
            out.append(ev)
    # «سيطرت المقاومة على الفاو بعد مواجهات عنيفة»: ACLED codes the capture, not the fighting too
    for ev in list(out):
        if ev.sub_event_type != "Armed clash":
            continue
        # (also «… تقدمت المقاومة بعد اشتباكات عنيفة. وسيطرت على نقطة …»: fighting told as what
        # led to an advance, in the sentence next to a capture of that place and day)
        host = next((o for o in out if o.sub_event_type in TERRITORY and o.modality == ev.modality
                     and same_place(o.place, ev.place)
                     and (any(ev.evidence.start <= m.start < ev.evidence.end for m in o.mentions)
                          or id(ev) in led_to and o.place is not None and o.background == ev.background
                          and _same_date(o, ev) and _adjacent(o, ev))), None)
        if host is not None:
            absorb(host, ev, dated)
            out.remove(ev)
    # «وكان انتحاري فجر نفسه خلال صلاة الجمعة في مسجد …» then «وأضاف أن انتحاريا … دخل المسجد وفجر نفسه»:
    # an undated retelling (no day of its own, no other toll) of an event told earlier as history
    # is that history, not a new event
    for ev in list(out):
        if ev.modality != "asserted" or ev.background or ev.place is None or dated is not None and id(ev) in dated:
            continue
        host = next((o for o in out if o is not ev and (o.modality == "prior" and not o.background
                                                         or o.background and o.modality == "asserted"
                                                         and _same_actor(o.actor1, ev.actor1)
                                                         # «ندد … بحادث التفجير الآثم بمسجد الطوارئ بعسير»
                                                         # then «فما حدث في عسير من تفجير …»: no agent,
                                                         # no toll, no day: the known event again
                                                         or o.modality == "reference" and ev.actor1 is None
                                                         and ev.fatalities == 0 and bool(text)
                                                         and _word(text, o) == _word(text, ev))
                     and o.evidence.start < ev.evidence.start and o.place is not None
                     and o.event_type == ev.event_type and _same_sub(o, ev, True)
                     and same_place(o.place, ev.place) and not _is_country(o.place)
                     and ev.fatalities in (0, o.fatalities)), None)
        if host is not None:
            absorb(host, ev)
            out.remove(ev)
    kept_out: list[Event] = []
    for ev in out:
        if id(ev) in generic:
            host = next((o for o in out if o is not ev and id(o) not in generic and _absorbs(o, ev, dated)), None)
            if host is not None:
                absorb(host, ev, dated)
                continue
        kept_out.append(ev)
    return kept_out
