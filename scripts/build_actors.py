"""Build the compiled actor base ``src/marsad/actors/data/kb.json`` from the curated sources.

Sources (``src/marsad/actors/data/src/*.tsv``, written by hand for Marsad, see that folder's
README for provenance and licence): organisations, persons, offices with date ranges,
countries with their Arabic names and nisba adjectives, composite heads, titles, generic
references. The build validates everything (unique ids, known types, ACLED inter codes,
ISO 3166 countries, offices that point at persons with valid, ordered dates) and generates the
composite actors of every country ("Military Forces of Iraq", "Police Forces of Egypt", …).

    python scripts/build_actors.py          # build and validate
    python scripts/build_actors.py --check  # validate only; non-zero exit on any problem
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path

import pycountry

from marsad.text.normalise import normalise_key

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "src" / "marsad" / "actors" / "data"
SRC = DATA / "src"
OUT = DATA / "kb.json"

TYPES = {
    "government", "military", "police", "rebel group", "jihadist group", "militia", "political party",
    "international organisation", "coalition", "media", "company", "person", "civilians", "protesters",
    "rioters", "unidentified armed group",
}
# Composite actors generated for every country: kind -> (name template, type, ACLED inter).
KINDS = {
    "mil": ("Military Forces of {c}", "military", 1),
    "pol": ("Police Forces of {c}", "police", 1),
    "gov": ("Government of {c}", "government", 1),
    "civ": ("Civilians ({c})", "civilians", 7),
    "prot": ("Protesters ({c})", "protesters", 6),
    "riot": ("Rioters ({c})", "rioters", 5),
    "unid": ("Unidentified Armed Group", "unidentified armed group", 3),
}
NISBA_ENDINGS = ("", "ه", "ين", "ون", "ان", "تين", "تان")


def rows(name: str) -> list[list[str]]:
    out = []
    for line in (SRC / name).read_text("utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            out.append([c.strip() for c in line.split("\t")])
    return out


def split(cell: str) -> list[str]:
    return [a.strip() for a in cell.split("|") if a.strip()]


def variants(key: str) -> set[str]:
    """Spelling variants news writers mix freely: «عبد الله»/«عبدالله», «نصر الله»/«نصرالله»."""
    out = {key}
    for joined, spaced in (("عبدال", "عبد ال"), ("نصرالله", "نصر الله"), ("ابوبكر", "ابو بكر"), ("مليشي", "ميليشي")):
        for k in list(out):
            out.add(k.replace(spaced, joined))
            out.add(k.replace(joined, spaced))
    return out


def build() -> tuple[dict, list[str]]:
    errors: list[str] = []
    countries: dict[str, str] = {}
    country_names: dict[str, str] = {}
    nisba: dict[str, str] = {}
    capitals: dict[str, str] = {}
    for cols in rows("countries.tsv"):
        cols += [""] * (5 - len(cols))
        iso, name, names, nisbas, caps = cols[:5]
        for c in split(caps):
            capitals[normalise_key(c)] = iso
        if pycountry.countries.get(alpha_2=iso) is None:
            errors.append(f"countries.tsv: unknown ISO code {iso}")
        countries[iso] = name
        for n in split(names):
            country_names[normalise_key(n)] = iso
        for n in split(nisbas):
            words = normalise_key(n).split()
            for suffix in NISBA_ENDINGS:  # «كوري شمالي» → «كورية شمالية»: every word agrees
                nisba.setdefault(" ".join(w + suffix if w.endswith("ي") else w for w in words), iso)
    for cols in rows("irregular_nisba.tsv"):
        # an empty country: an adjective of no country (Kurdish, Shia…) that still ends a composite
        for suffix in ("", "ين", "ون") if cols[0].endswith("ي") else ("",):
            nisba[normalise_key(cols[0]) + suffix] = cols[1] if len(cols) > 1 and len(cols[1]) == 2 else ""

    actors: dict[str, dict] = {}
    for fname in ("organisations.tsv", "persons.tsv"):
        for cols in rows(fname):
            cols += [""] * (7 - len(cols))
            aid, name, typ, country, inter, aliases, short = cols[:7]
            where = f"{fname}:{aid}"
            if aid in actors:
                errors.append(f"{where}: duplicate id")
            if typ not in TYPES:
                errors.append(f"{where}: unknown type {typ!r}")
            if country and country not in countries:
                errors.append(f"{where}: country {country} not in countries.tsv")
            if inter and not (inter.isdigit() and 1 <= int(inter) <= 8):
                errors.append(f"{where}: ACLED inter must be 1..8, got {inter!r}")
            if not split(aliases):
                errors.append(f"{where}: no alias")
            actors[aid] = {
                "name": name, "type": typ, "country": country or None, "inter": int(inter) if inter else None,
                "aliases": sorted({v for a in split(aliases) for v in variants(normalise_key(a))}),
                "short": sorted({v for a in split(short) for v in variants(normalise_key(a))}),
            }
    for iso, cname in countries.items():
        for kind, (template, typ, inter) in KINDS.items():
            actors[f"{kind}:{iso}"] = {"name": template.format(c=cname), "type": typ, "country": iso,
                                       "inter": inter, "aliases": [], "short": []}
    actors["unid"] = {"name": "Unidentified Armed Group", "type": "unidentified armed group", "country": None,
                      "inter": 3, "aliases": [], "short": []}

    # one alias, one actor: a clash is a curation error
    seen: dict[str, str] = {}
    for aid, a in actors.items():
        for alias in a["aliases"]:
            if alias in seen and seen[alias] != aid:
                errors.append(f"alias {alias!r} names both {seen[alias]} and {aid}")
            seen[alias] = aid

    offices: dict[str, list[list[str | None]]] = {}
    for cols in rows("offices.tsv"):
        cols += [""] * (4 - len(cols))
        office, pid, start, end = cols[:4]
        if actors.get(pid, {}).get("type") != "person":
            errors.append(f"offices.tsv: {office} holder {pid!r} is not a person in persons.tsv")
        try:
            d0 = dt.date.fromisoformat(start)
            d1 = dt.date.fromisoformat(end) if end else None
            if d1 and d1 < d0:
                errors.append(f"offices.tsv: {office} {pid} ends before it starts")
        except ValueError as exc:
            errors.append(f"offices.tsv: {office} {pid}: {exc}")
        offices.setdefault(office, []).append([start, end or None, pid])
    for terms in offices.values():
        terms.sort(key=lambda t: t[0])

    heads = {normalise_key(h): [k, n] for h, k, n in rows("composites.tsv")}
    for k, _ in heads.values():
        if k not in KINDS:
            errors.append(f"composites.tsv: unknown kind {k}")
    composite_aliases = {}
    for cols in rows("composite_aliases.tsv"):
        cols += [""] * (3 - len(cols))
        composite_aliases[normalise_key(cols[0])] = [cols[1], cols[2] or None]
    titles = {}
    for cols in rows("titles.tsv"):
        cols += [""] * (3 - len(cols))
        titles[normalise_key(cols[0])] = [cols[1], cols[2] or None]
    generics = {}
    for cols in rows("generics.tsv"):
        cols += [""] * (4 - len(cols))
        defaults = dict(d.split(":") for d in cols[3].split())
        for iso, aid in defaults.items():
            if iso not in countries or aid not in actors:
                errors.append(f"generics.tsv: {cols[0]}: bad default {iso}:{aid}")
        generics[normalise_key(cols[0])] = [split(cols[1]), cols[2] == "word", defaults]
    for g, (types, _, _) in generics.items():
        for t in types:
            if t not in TYPES:
                errors.append(f"generics.tsv: {g}: unknown type {t}")
    modifiers = sorted({normalise_key(m[0]) for m in rows("modifiers.tsv")})
    quoted_media = {}
    for name, aid in rows("quoted_media.tsv"):
        if actors.get(aid, {}).get("type") != "media":
            errors.append(f"quoted_media.tsv: {name}: {aid!r} is no media actor")
        quoted_media[normalise_key(name)] = aid

    kb = {
        "version": 1, "countries": countries, "country_names": country_names, "capitals": capitals, "nisba": nisba,
        "actors": actors, "offices": offices, "heads": heads, "composite_aliases": composite_aliases,
        "titles": titles, "generics": generics, "modifiers": modifiers, "quoted_media": quoted_media,
    }
    return kb, errors


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="validate only, write nothing")
    args = ap.parse_args(argv)
    kb, errors = build()
    for e in errors:
        print("error:", e, file=sys.stderr)
    if errors:
        return 1
    people = sum(a["type"] == "person" for a in kb["actors"].values())
    aliases = sum(len(a["aliases"]) + len(a["short"]) for a in kb["actors"].values())
    print(f"{len(kb['actors'])} actors ({people} persons), {aliases} aliases, {len(kb['offices'])} offices, "
          f"{len(kb['countries'])} countries, {len(kb['nisba'])} nisba forms")
    if not args.check:
        OUT.write_text(json.dumps(kb, ensure_ascii=False, separators=(",", ":"), sort_keys=True), "utf-8")
        print("wrote", OUT.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
