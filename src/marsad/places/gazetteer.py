"""The prebuilt gazetteer index (built by ``scripts/build_gazetteer.py``), loaded once per process.

Keys are ``normalise_key`` forms of Arabic names, article kept (``الموصل``). A second index
maps each key with its spaces removed, so that ``البوكمال`` finds ``البو كمال`` and ``تل كلخ``
finds ``تلكلخ``.
"""

from __future__ import annotations

import functools
import gzip
import json
from dataclasses import dataclass
from importlib import resources

ARAB_WORLD = frozenset("SA AE BH KW OM QA YE IQ SY JO LB PS EG LY SD SS TN DZ MA MR SO DJ KM EH".split())
NEAR_EAST = ARAB_WORLD | {"IR", "TR", "IL", "CY", "AF"}
# first parts of names that are written both joined and apart (تلكلخ / تل كلخ, البوكمال / البو كمال)
BIG_CITY = 1_000_000  # a city this big is news under any spelling of its name
JOINABLE_HEADS = frozenset("تل ابو البو بور عين دير راس بيت كفر خان جسر ام بني سيدي بير بئر مرسي شرم ذي ذو".split())


@dataclass(frozen=True, slots=True)
class Entry:
    idx: int
    place_id: str
    name: str
    lat: float
    lon: float
    country: str | None
    admin1: str | None
    feature: str
    geonames_id: int | None
    population: int
    precision: int
    kind: str  # city | town | country | admin | feature
    bonus: float = 0.0  # prior bonus (a division not named after its seat)
    generated: bool = False  # Arabic name read back from GeoNames' romanisation: needs support


class Gazetteer:
    def __init__(self, data: dict) -> None:
        self.entries: list[Entry] = [Entry(i, *rec) for i, rec in enumerate(data["places"])]
        e = self.entries
        self.names: dict[str, tuple[Entry, ...]] = {k: tuple(e[i] for i in v) for k, v in data["names"].items()}
        self.nospace: dict[str, tuple[Entry, ...]] = {}
        for k, v in self.names.items():
            # only names that open with a word Arabic writes joined or apart (تل كلخ / تلكلخ):
            # any other two-word name read as one word finds words (لا جي / لاجئ)
            if " " in k and k.split(" ", 1)[0] in JOINABLE_HEADS:
                self.nospace[k.replace(" ", "")] = self.nospace.get(k.replace(" ", ""), ()) + v
        # first words of multi-word names: only these start an n-gram lookup
        self.heads: dict[str, int] = {}
        for k in self.names:
            parts = k.split(" ")
            if len(parts) > 1:
                self.heads[parts[0]] = max(self.heads.get(parts[0], 1), len(parts))
        # second-level divisions named after their own generic only: مديرية الثورة، قضاء الخالص
        self.dnames: dict[str, tuple[Entry, ...]] = {k: tuple(e[i] for i in v) for k, v in data.get("dnames", {}).items()}
        for k in self.dnames:  # heads of names found only after a generic
            parts = k.split(" ")
            if len(parts) > 1:
                self.heads[parts[0]] = max(self.heads.get(parts[0], 1), len(parts))
        self.common: frozenset[str] = frozenset(data.get("common", ()))
        # divisions named only after a trigger word: منطقة الرياض -> "الرياض" (Riyadh Region)
        self.tnames: dict[str, tuple[Entry, ...]] = {k: tuple(e[i] for i in v) for k, v in data.get("tnames", {}).items()}
        # names found only after a generic word: second-level names (dnames) and divisions whose name is no
        # place by itself (ولاية العصابة، محافظة الداخلية): read as a candidate span, kept only when backed
        self.after_generic: dict[str, tuple[Entry, ...]] = {
            **{k: v for k, v in self.tnames.items() if k not in self.names}, **self.dnames}
        for k in self.after_generic:
            parts = k.split(" ")
            if len(parts) > 1:
                self.heads[parts[0]] = max(self.heads.get(parts[0], 1), len(parts))
        self.neighbours: dict[str, tuple[str, ...]] = {k: tuple(v) for k, v in data.get("neighbours", {}).items()}
        self.wordlike: dict[str, float] = data.get("wordlike", {})
        self.word_freq: dict[str, int] = data.get("word_freq", {})
        self.nisba: dict[str, str] = data.get("nisba", {})
        self.ambiguous: frozenset[str] = frozenset(data.get("ambiguous", ()))
        self.given_names: frozenset[str] = frozenset(data.get("given_names", ()))
        self.by_id: dict[str, Entry] = {x.place_id: x for x in self.entries}
        # consonant skeletons of single-word names of notable places, for spellings that differ
        # only in long vowels or a final ه/ة (طهرن / طهران)
        self.skeletons: dict[str, tuple[Entry, ...]] = {}
        for k, v in self.names.items():
            if " " in k or len(k) < 4:
                continue
            notable = tuple(x for x in v if _notable(x))
            if notable and len(skeleton(k)) >= 3:
                sk = skeleton(k)
                self.skeletons[sk] = self.skeletons.get(sk, ()) + tuple(x for x in notable if x not in self.skeletons.get(sk, ()))

        self._add_big_city_variants()
        self._country_towns: dict[str, dict[str, tuple[Entry, ...]]] = {}

    def _add_big_city_variants(self) -> None:
        """A spelling that names only small places also reads as a big city with its skeleton.

        Arabic writes foreign names with or without long vowels, and GeoNames keeps one form:
        كابول is Kabul (Afghanistan, 4M) in the news, while GeoNames gives it only to a town of
        14k in Israel. The big city joins the candidates; context and population then choose.
        """
        big_keys: dict[str, tuple[Entry, ...]] = {}
        for k, v in self.names.items():
            big = tuple(x for x in v if x.kind == "city" and x.population >= BIG_CITY)
            if big and " " not in k:
                big_keys[k] = big
        for k, v in list(self.names.items()):
            if " " in k or len(k) < 4 or any(
                x.kind not in ("city", "town") or x.population >= BIG_CITY // 20 or x.country in ARAB_WORLD for x in v
            ):
                continue  # Arab towns are news places in their own right, whatever their size
            for i, ch in enumerate(k):
                if ch in "اوي" and 0 < i < len(k) - 1:
                    big = big_keys.get(k[:i] + k[i + 1:], ())  # كابول -> كابل
                    if big:
                        v = self.names[k] = v + tuple(x for x in big if x not in v)

    def country_towns(self, cc: str, word: str) -> tuple[Entry, ...]:
        """Towns of one country whose name has the loose skeleton of ``word`` (long vowels, a final
        ه/ة and the letters news uses for g/k/q, t/ṭ, s/ṣ, z/ẓ/dh ignored): مروة = ماروا (Maroua),
        تشاتانوجا = تشاتانوغا (Chattanooga). Used only where the text names the country or state."""
        index = self._country_towns.get(cc)
        if index is None:
            index = self._country_towns[cc] = {}
            for k, v in self.names.items():
                for x in v:
                    if x.country == cc and x.kind in ("city", "town") and not x.place_id.startswith("dst:"):
                        sk = loose_skeleton(k.replace(" ", ""))
                        if x not in index.get(sk, ()):
                            index[sk] = index.get(sk, ()) + (x,)
        return index.get(loose_skeleton(word), ())

    def lookup(self, key: str) -> tuple[Entry, ...]:
        return self.names.get(key) or self.nospace.get(key.replace(" ", ""), ())

    def __len__(self) -> int:
        return len(self.entries)


def skeleton(word: str) -> str:
    """A word without its inner long vowels and final ه: طهران -> طهرن, الحديده -> الحدد."""
    body = "".join(ch for ch in word[1:] if ch not in "اوي")
    return (word[:1] + body).removesuffix("ه")


_LOOSE = str.maketrans({"ج": "ك", "غ": "ك", "ق": "ك", "ط": "ت", "ص": "س", "ظ": "ز", "ذ": "ز", "ض": "د"})


def loose_skeleton(word: str) -> str:
    """A skeleton (see ``skeleton``) that also merges the letters Arabic uses for one foreign sound."""
    if word.startswith("ال"):
        word = word[2:]
    return skeleton(word).removesuffix("ا").translate(_LOOSE)


def _notable(e: Entry) -> bool:
    if e.kind == "admin" and e.feature in ("admin2 district", "admin2 subdistrict"):
        return False  # a district's name is rare in news: no variant spellings (نطوع is not Nati')
    if e.kind == "admin" and e.country not in NEAR_EAST:
        return False  # a US state or Nigerian state has its news spellings: مازيار is not Missouri
    if e.kind in ("country", "admin", "feature") or (e.kind == "town" and not e.generated):
        return True
    return e.kind == "city" and not e.generated and (
        e.population >= 500000 or (e.population >= 20000 and e.country in NEAR_EAST))


@functools.cache
def load() -> Gazetteer:
    """The packaged gazetteer (cached: loaded once per process)."""
    raw = resources.files("marsad.places").joinpath("data/gazetteer.json.gz").read_bytes()
    return Gazetteer(json.loads(gzip.decompress(raw)))
