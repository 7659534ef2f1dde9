"""The actor knowledge base: compiled data (``data/kb.json``) loaded once per process.

The KB holds actors (canonical English name, type, country, ACLED inter code, normalised
Arabic aliases), office holders with date ranges, the nisba → country table and the
lexicons of the linker (composite heads, titles, generic references). One Aho-Corasick
automaton over every key finds all candidate phrases of a document in one pass.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
from dataclasses import dataclass
from importlib import resources

import ahocorasick


@dataclass(frozen=True, slots=True)
class Actor:
    id: str
    name: str
    type: str
    country: str | None
    inter: int | None


# payload kinds stored in the automaton
ALIAS, SHORT, CALIAS, HEAD, TITLE, GENERIC, NISBA, COUNTRY, MOD = (
    "alias", "short", "calias", "head", "title", "generic", "nisba", "country", "mod",
)


def word_stem(word: str) -> str:
    """A crude stem to compare a generic's head with alias words (ميليشيات ~ ميليشيا ~ الميليشيا)."""
    if word.startswith("ال"):
        word = word[2:]
    for end in ("ات", "ين", "ون", "يه", "ه", "ا"):
        if len(word) - len(end) >= 4 and word.endswith(end):
            return word[: -len(end)]
    return word


class KB:
    def __init__(self, data: dict):
        self.countries: dict[str, str] = data["countries"]
        self.nisba: dict[str, str] = data["nisba"]
        self.country_names: dict[str, str] = data["country_names"]
        self.capitals: dict[str, str] = data["capitals"]
        self.offices: dict[str, list[list[str | None]]] = data["offices"]
        self.heads: dict[str, list[str]] = data["heads"]
        self.titles: dict[str, list[str | None]] = data["titles"]
        self.generics: dict[str, list] = data["generics"]
        self.quoted_media: dict[str, str] = data["quoted_media"]
        self.actors: dict[str, Actor] = {}
        self.alias_tokens: dict[str, set[str]] = {}  # person id -> words of its aliases
        self.alias_words: dict[str, frozenset[str]] = {}  # actor id -> words of its aliases, article removed
        payloads: dict[str, list[tuple]] = {}

        def add(key: str, payload: tuple) -> None:
            if key:
                payloads.setdefault(key, []).append(payload)

        for aid, a in data["actors"].items():
            self.actors[aid] = Actor(aid, a["name"], a["type"], a["country"], a["inter"])
            for alias in a["aliases"]:
                add(alias, (ALIAS, aid))
            for alias in a["short"]:
                add(alias, (SHORT, aid))
            self.alias_words[aid] = frozenset(word_stem(w) for al in a["aliases"] for w in al.split())
            if a["type"] == "person":
                self.alias_tokens[aid] = {w for al in a["aliases"] + a["short"] for w in al.split() if len(w) > 2}
        for key, (kind, iso) in data["composite_aliases"].items():
            add(key, (CALIAS, kind, iso))
        for key, (kind, needs) in self.heads.items():
            add(key, (HEAD, kind, needs))
        for key, (role, fixed) in self.titles.items():
            add(key, (TITLE, role, fixed))
        for key, (types, needs_word, defaults) in self.generics.items():
            add(key, (GENERIC, tuple(types), needs_word, tuple(sorted(defaults.items()))))
        for key, iso in self.nisba.items():
            add(key, (NISBA, iso))
            add("ال" + key, (NISBA, iso))
        for key, iso in self.country_names.items():
            add(key, (COUNTRY, iso))
        for key in data["modifiers"]:
            add(key, (MOD,))
            add("ال" + key, (MOD,))

        self.automaton = ahocorasick.Automaton()
        for key, pl in payloads.items():
            self.automaton.add_word(key, (key, False, tuple(pl)))
            # «للدولة» = ل + الدولة with the article's alef dropped
            if key.startswith("ال") and len(key) > 3:
                lil = "ل" + key[2:]
                if lil not in payloads:
                    self.automaton.add_word(lil, (key, True, tuple(pl)))
        self.automaton.make_automaton()

    def actor(self, aid: str) -> Actor:
        return self.actors[aid]

    def composite(self, kind: str, iso: str | None) -> Actor | None:
        if iso:
            return self.actors.get(f"{kind}:{iso}")
        return self.actors["unid"] if kind == "unid" else None

    def holder(self, office: str, when: dt.date | None) -> str | None:
        """The person holding an office on a date (the latest holder when the date is unknown)."""
        terms = self.offices.get(office)
        if not terms:
            return None
        if when is None:
            return terms[-1][2]
        day = when.isoformat()
        for start, end, pid in reversed(terms):
            if start <= day and (end is None or day < end):
                return pid
        return None


@functools.cache
def load_kb() -> KB:
    raw = resources.files("marsad.actors").joinpath("data/kb.json").read_text("utf-8")
    return KB(json.loads(raw))
