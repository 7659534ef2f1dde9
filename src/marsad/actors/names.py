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


@functools.cache
def name_units(min_count: int = 3, role: str | None = None) -> frozenset[str]:
    """Normalised Arabic name units attested in the romaniser's index (``role``: only given names…)."""
    try:
        import arabic_name_romanizer
    except ImportError:
        return frozenset()
    db = Path(arabic_name_romanizer.__file__).parent / "resources" / "names.sqlite3"
    if not db.exists():
        return frozenset()
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        if role:
            rows = con.execute("SELECT arabic_key FROM units WHERE role = ? GROUP BY arabic_key HAVING SUM(count) >= ?",
                               (role, min_count))
        else:
            rows = con.execute("SELECT arabic_key FROM units GROUP BY arabic_key HAVING SUM(count) >= ?", (min_count,))
        return frozenset(normalise(k) for (k,) in rows)
    finally:
        con.close()


@functools.lru_cache(maxsize=20000)
def romanize(arabic: str, country: str | None = None) -> str:
    """Latin form of an Arabic person name (the Arabic itself when no romaniser is installed)."""
    t = _transliterator()
    if t is None:
        return arabic
    try:
        out = t.transliterate(arabic, country=country)
    except Exception:  # a romaniser failure must not lose the mention
        return arabic
    return out or arabic


def person_id(arabic: str) -> str:
    """Stable id of an unknown person: the same normalised name gives the same id in every article."""
    key = normalise_key(arabic)
    return "per:" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]
