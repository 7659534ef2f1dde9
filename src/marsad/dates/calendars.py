"""Calendars: the lexicons (month/weekday names of every system) and Hijri ↔ Gregorian.

The lexicons are data (``data/*.tsv``); each surface form is folded with ``normalise_key``
so that it matches ``doc.norm``. A multi-word form (كانون الثاني, ذو الحجة) is indexed by
its first word.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass
from importlib import resources

from hijridate import Gregorian, Hijri

from marsad.text.normalise import normalise_key


@dataclass(frozen=True, slots=True)
class Entry:
    """One lexicon reading: a one-character grammar code and its value."""

    code: str
    value: object = None
    weak: int = 0
    n_words: int = 1


def _rows(name: str) -> list[list[str]]:
    raw = resources.files("marsad.dates").joinpath(f"data/{name}").read_text("utf-8")
    return [line.split("\t") for line in raw.splitlines() if line.strip() and not line.startswith("#")]


@functools.cache
def lexicon() -> dict[str, list[tuple[tuple[str, ...], Entry]]]:
    """First word → [(following words, entry)], longest forms first."""
    table: dict[str, list[tuple[tuple[str, ...], Entry]]] = {}

    def add(form: str, entry: Entry) -> None:
        words = tuple(normalise_key(form).split())
        if not words:
            return
        entry = Entry(entry.code, entry.value, entry.weak, len(words))
        readings = table.setdefault(words[0], [])
        if all(r != words[1:] or e.code != entry.code for r, e in readings):
            readings.append((words[1:], entry))

    for form, month, _system, weak in _rows("months.tsv"):
        add(form, Entry("M", int(month), int(weak)))
    for form, month, weak in _rows("hijri_months.tsv"):
        add(form, Entry("H", int(month), int(weak)))
    for form, day in _rows("weekdays.tsv"):
        bare = not normalise_key(form).startswith("ال")
        add(form, Entry("W", int(day), 1 if bare else 0))
    units: dict[str, int] = {}
    tens: dict[str, int] = {}
    for row in _rows("words.tsv"):
        form, code = row[0], row[1]
        value: object = row[2] if len(row) > 2 else None
        if code in "RnQ" and value is not None:
            value = int(value)  # type: ignore[arg-type]
        if code == "u":
            units[form] = int(row[2])
            continue
        if code == "Q" and int(row[2]) in (20, 30):
            tens[form] = int(row[2])
        add(form, Entry(code, value))
    # decades: الثمانينيات (القرن الماضي|القرن العشرين) → "198"
    for row in _rows("decades.tsv"):
        for suffix in ("", " القرن الماضي", " القرن العشرين", " من القرن الماضي", " من القرن العشرين"):
            add(row[0] + suffix, Entry("G", row[1]))
    # compound ordinal days: الحادي عشر (11) … التاسع عشر, الحادي والعشرين (21) … الحادي والثلاثين
    for form, unit in units.items():
        if unit <= 9:
            add(f"{form} عشر", Entry("Q", 10 + unit))
        for tform, ten in tens.items():
            if ten + unit <= 31:
                add(f"{form} و{tform}", Entry("Q", ten + unit))
                add(f"{form} و {tform}", Entry("Q", ten + unit))
    for readings in table.values():
        readings.sort(key=lambda r: -len(r[0]))
    return table


# -- Hijri ------------------------------------------------------------------------------
def hijri_to_gregorian(year: int, month: int, day: int) -> dt.date | None:
    try:
        g = Hijri(year, month, day).to_gregorian()
        return dt.date(g.year, g.month, g.day)
    except (OverflowError, ValueError):
        return None


def hijri_month_span(year: int, month: int) -> tuple[dt.date, dt.date] | None:
    try:
        first = Hijri(year, month, 1)
        last = Hijri(year, month, first.month_length())
        a, b = first.to_gregorian(), last.to_gregorian()
        return dt.date(a.year, a.month, a.day), dt.date(b.year, b.month, b.day)
    except (OverflowError, ValueError):
        return None


def hijri_year_span(year: int) -> tuple[dt.date, dt.date] | None:
    a = hijri_month_span(year, 1)
    b = hijri_month_span(year, 12)
    return (a[0], b[1]) if a and b else None


def gregorian_to_hijri(date: dt.date) -> tuple[int, int, int] | None:
    try:
        h = Gregorian(date.year, date.month, date.day).to_hijri()
    except (OverflowError, ValueError):
        return None
    return h.year, h.month, h.day
