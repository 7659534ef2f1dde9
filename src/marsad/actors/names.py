"""Persons not in the actor base: a name-unit gazetteer, a Latin form and a stable id.

The gazetteer and the romaniser are the PyPI package ``arabic-name-romanizer`` (offline, MIT;
its names index is CC0). Its dictionary + rules path is used by default (fast); set
``MARSAD_ROMANIZER_MODEL=1`` to also use its small ONNX model for names it does not know.
"""

from __future__ import annotations

import functools
import hashlib
import os
import sqlite3
from pathlib import Path

from marsad.text.normalise import normalise, normalise_key


@functools.cache
def _transliterator():  # noqa: ANN202 - optional dependency
    try:
        from arabic_name_romanizer import Transliterator
    except ImportError:
        return None
    return Transliterator(auto_load_model=os.environ.get("MARSAD_ROMANIZER_MODEL") == "1")


def _names_db() -> sqlite3.Connection | None:
    """Read-only connection to arabic-name-romanizer's names index (None when not installed)."""
    try:
        import arabic_name_romanizer
    except ImportError:
        return None
    db = Path(arabic_name_romanizer.__file__).parent / "resources" / "names.sqlite3"
    return sqlite3.connect(f"file:{db}?mode=ro", uri=True) if db.exists() else None


@functools.cache
def name_units(min_count: int = 3, role: str | None = None) -> frozenset[str]:
    """Normalised Arabic name units attested in the romaniser's index (``role``: only given names…)."""
    con = _names_db()
    if con is None:
        return frozenset()
    try:
        if role:
            rows = con.execute("SELECT arabic_key FROM units WHERE role = ? GROUP BY arabic_key HAVING SUM(count) >= ?",
                               (role, min_count))
        else:
            rows = con.execute("SELECT arabic_key FROM units GROUP BY arabic_key HAVING SUM(count) >= ?", (min_count,))
        keys = {normalise(k) for (k,) in rows}
        # «عبد العزيز» is written «عبدالعزيز» as often as not
        return frozenset(keys | {k.replace("عبد ال", "عبدال") for k in keys if k.startswith("عبد ال")})
    finally:
        con.close()


@functools.cache
def unit_counts() -> dict[str, int]:
    """Normalised Arabic name unit → how often the romaniser's index attests it (all roles)."""
    con = _names_db()
    if con is None:
        return {}
    try:
        counts: dict[str, int] = {}
        for k, n in con.execute("SELECT arabic_key, SUM(count) FROM units GROUP BY arabic_key"):
            key = normalise(k)
            counts[key] = counts.get(key, 0) + n
        return counts
    finally:
        con.close()


@functools.cache
def surnames(min_count: int = 3) -> frozenset[str]:
    """Family names with the article («العبيدي», «الدوسري») attested as surnames in the romaniser's index."""
    return frozenset(u for u in name_units(min_count, "surname") if u.startswith("ال") and len(u) >= 5)


@functools.cache
def _best_units() -> dict[str, str]:
    """Name unit → its most attested Latin spelling (Arabic-script countries), read once."""
    con = _names_db()
    if con is None:
        return {}
    best: dict[str, tuple[str, int]] = {}
    try:
        rows = con.execute("SELECT arabic_key, latin, SUM(count) FROM units "
                           "WHERE country NOT IN ('IR', 'AF', 'PK') GROUP BY arabic_key, latin")
        for key, latin, n in rows:
            if key not in best or n > best[key][1]:
                best[key] = (latin, n)
    finally:
        con.close()
    return {k: v[0] for k, v in best.items()}


PARTICLE_LATIN = {"بن": "bin", "ابن": "ibn", "ابو": "Abu", "ابي": "Abi", "بنت": "bint", "ال": "Al"}


@functools.lru_cache(maxsize=20000)
def romanize(arabic: str, country: str | None = None) -> str:
    """Latin form of an Arabic person name (the Arabic itself when no romaniser is installed).

    Fast path: the romaniser's own unit splitting, each unit's most attested spelling in its
    index, its rules for units it has never seen (the same output as its dictionary mode for
    almost every name, at a fraction of the cost). ``MARSAD_ROMANIZER_MODEL=1`` uses the full
    romaniser with its ONNX model instead. Western names written in Arabic script (رايان ديلون)
    get their conventional Latin spelling from ``marsad.actors.western`` first (Ryan Dillon).
    """
    from marsad.actors.western import western_latin

    western = western_latin(arabic)
    if western:
        return western
    try:
        if os.environ.get("MARSAD_ROMANIZER_MODEL") == "1":
            t = _transliterator()
            return (t.transliterate(arabic, country=country) if t else "") or arabic
        from arabic_name_romanizer.normalize import lookup_key, normalize_arabic, split_units
        from arabic_name_romanizer.rules import romanize_unit
    except ImportError:
        return arabic
    except Exception:  # a romaniser failure must not lose the mention
        return arabic
    best = _best_units()
    parts = []
    for unit in split_units(normalize_arabic(arabic)):
        latin = best.get(lookup_key(unit))
        if latin and len(latin.split()) < len(unit.split()) and "عبد" not in unit:
            # «بن مساعد» must keep both words: spell them one by one
            latin = " ".join(PARTICLE_LATIN.get(lookup_key(t)) or best.get(lookup_key(t)) or romanize_unit(t).title()
                             for t in unit.split())
        parts.append(latin if latin else romanize_unit(unit).title())
    return " ".join(p for p in parts if p) or arabic


def person_id(arabic: str) -> str:
    """Stable id of an unknown person: the same normalised name gives the same id in every article."""
    key = normalise_key(arabic)
    return "per:" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]
