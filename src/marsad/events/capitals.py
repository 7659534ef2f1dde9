"""«بالعاصمة», «في العاصمة» with no name after it: the capital of the country the article is
about (the places gazetteer's capital of that country: GeoNames' PPLC, built into the package)."""

from __future__ import annotations

import functools
from collections import Counter

from marsad.document import Place
from marsad.places.gazetteer import Entry, load

CAPITAL_WORDS = frozenset({"العاصمه", "بالعاصمه", "وبالعاصمه", "للعاصمه"})


@functools.cache
def capital_of(code: str) -> Entry | None:
    """The gazetteer entry of a country's capital, or None."""
    caps = [e for e in load().entries if e.feature == "capital" and e.country == code]
    return max(caps, key=lambda e: e.population, default=None)


def article_country(places: list[Place]) -> str | None:
    """The country most of the article's places are in."""
    counts = Counter(p.country for p in places if p.country)
    return counts.most_common(1)[0][0] if counts else None


def capital_place(code: str, start: int, end: int) -> Place | None:
    cap = capital_of(code)
    if cap is None:
        return None
    return Place(start, end, cap.name, cap.lat, cap.lon, code, cap.admin1, "capital", cap.geonames_id,
                 precision=1, place_id=cap.place_id)
