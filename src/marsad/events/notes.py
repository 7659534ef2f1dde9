"""An English ACLED-style `notes` sentence per event, generated from its fields."""

from __future__ import annotations

import datetime as dt

from marsad.document import Event

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")

# sub-event type → (verb phrase, preposition before the place); {a2} is actor2
PHRASES: dict[str, str] = {
    "Government regains territory": "regained control of {place}{from_a2}",
    "Non-state actor overtakes territory": "took control of {place}{from_a2}",
    "Armed clash": "clashed with {a2_or_unknown} {in_place}",
    "Air/drone strike": "carried out an air strike {in_place}{on_a2}",
    "Shelling/artillery/missile attack": "shelled {place_or_area}{on_a2}",
    "Remote explosive/landmine/IED": "detonated an explosive device {in_place}{on_a2}",
    "Suicide bomb": "carried out a suicide bombing {in_place}{on_a2}",
    "Grenade": "threw a grenade {in_place}{on_a2}",
    "Chemical weapon": "used chemical weapons {in_place}{on_a2}",
    "Attack": "attacked {a2_or_civilians} {in_place}",
    "Abduction/forced disappearance": "abducted {a2_or_people} {in_place}",
    "Sexual violence": "committed sexual violence {in_place}{on_a2}",
    "Peaceful protest": "demonstrated {in_place}",
    "Protest with intervention": "demonstrated {in_place} and were dispersed{by_a2}",
    "Excessive force against protesters": "used lethal force against protesters {in_place}",
    "Violent demonstration": "rioted {in_place}",
    "Mob violence": "engaged in mob violence {in_place}",
    "Arrests": "arrested {a2_or_people} {in_place}",
    "Agreement": "reached an agreement{with_a2} {in_place}",
    "Disrupted weapons use": "intercepted or defused weapons {in_place}",
    "Looting/property destruction": "looted or destroyed property {in_place}",
    "Non-violent transfer of territory": "withdrew from or handed over {place}",
    "Headquarters or base established": "established a base {in_place}",
    "Change to group/activity": "changed its activity or allegiance {in_place}",
    "Other": "was involved in a strategic development {in_place}",
}


SEASONS = {"SP": "spring", "SU": "summer", "FA": "autumn", "AU": "autumn", "WI": "winter"}


def period_label(value: str | None, granularity: str | None) -> str | None:
    """What a date of month precision or coarser really names, for the note: «عام 2014» is
    "2014" (not January 2014), «صيف 2012» "summer 2012", «أيلول 2017» "September 2017"."""
    v = value or ""
    if not v[:4].isdigit():
        return None
    if granularity == "year" or (len(v) == 4 and granularity != "month"):
        return v[:4]
    if len(v) >= 7 and v[5:7] in SEASONS:
        return f"{SEASONS[v[5:7]]} {v[:4]}"
    if len(v) >= 7 and v[4] == "-" and v[5:7].isdigit() and 1 <= int(v[5:7]) <= 12:
        return f"{MONTHS[int(v[5:7]) - 1]} {v[:4]}"
    return v[:4] if granularity in ("half", "quarter", "decade") else None


def format_date(iso: str | None, precision: int, period: str | None = None) -> str:
    """The note's opening: "On 3 November 2017", "Around …" (precision 2), "In September 2017" or
    "In 2014" (precision 3: ``period`` says what the text named; a bare month is assumed)."""
    if not iso:
        return "On an unknown date"
    try:
        d = dt.date.fromisoformat(iso)
    except ValueError:
        return f"On {iso}"
    if precision >= 3:
        return f"In {period}" if period else f"In {MONTHS[d.month - 1]} {d.year}"
    if precision == 2:
        return f"Around {d.day} {MONTHS[d.month - 1]} {d.year}"
    return f"On {d.day} {MONTHS[d.month - 1]} {d.year}"


def place_label(e: Event) -> str | None:
    if e.place is None:
        return None
    p = e.place
    if p.admin1 and p.admin1 != p.name:
        return f"{p.name} ({p.admin1})"
    return p.name


def make_notes(e: Event, period: str | None = None) -> str:
    """``period``: what a date of precision 3 names ("2014", "summer 2012"), from its timex."""
    place = place_label(e)
    a1 = e.actor1.name if e.actor1 else "Unidentified actors"
    a2 = e.actor2.name if e.actor2 else None
    fields = {
        "place": place or "an unidentified location",
        "place_or_area": place or "an unidentified area",
        "in_place": f"in {place}" if place else "at an unidentified location",
        "from_a2": f" from {a2}" if a2 else "",
        "on_a2": f" targeting {a2}" if a2 else "",
        "by_a2": f" by {a2}" if a2 else "",
        "with_a2": f" with {a2}" if a2 else "",
        "a2_or_unknown": a2 or "unidentified armed actors",
        "a2_or_civilians": a2 or "civilians",
        "a2_or_people": a2 or "people",
    }
    phrase = PHRASES.get(e.sub_event_type, PHRASES["Other"]).format(**fields)
    text = f"{format_date(e.date, e.time_precision, period if e.time_precision >= 3 else None)}, {a1} {phrase}".replace("  ", " ").rstrip() + "."
    if e.fatalities:
        text += f" {e.fatalities} {'fatality' if e.fatalities == 1 else 'fatalities'} reported."
    if e.modality != "asserted":
        text += f" (Reported as {e.modality}, not as having happened.)"
    if e.background:
        text += " (Background history mentioned in the article.)"
    return text
