"""Geocoding benchmark: the places stage against the hand-annotated gold set.

Gold: benchmarks/gold/places/gold.jsonl (article line index + url into
../shared/data/news/saudinewsnet-2015.jsonl.gz, offsets into ``content``, expected place; no text).
A gold mention is matched by the system place that overlaps it. It counts as right
- within 25 km: for points (towns, neighbourhoods at their city's point) when the system point lies
  within 25 km; for areas (countries, regions, rivers, seas) when the system resolved the same entry
  (same place id) or, lacking an id, lies within 25 km of the gold point;
- country: when the system's country equals the gold country.
A mention the system misses counts as wrong on both. Figures are printed per batch: ``dev`` (the
articles looked at while developing) and ``heldout`` (annotated from the output of a frozen version
and not used for any change made before its figures were first recorded). Also printed: system places that overlap no
gold mention (false positives) and lookups per second.

Run: python benchmarks/geocoding.py [-v] [--no-entities] [--gold PATH]

By default the NER stage runs before the places stage, as in ``marsad extract`` (its PER/ORG/LOC
spans inform the places stage); ``--no-entities`` measures the places stage on its own.
(--gold scores another gold file of the same format, e.g. a blind held-out batch kept apart from gold.jsonl.)
"""

from __future__ import annotations

import gzip
import json
import math
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "benchmarks" / "gold" / "places" / "gold.jsonl"
NEWS = ROOT.parent / "shared" / "data" / "news" / "saudinewsnet-2015.jsonl.gz"


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 12742.0 * math.asin(min(1.0, math.sqrt(h)))


def gold_path(argv: list[str]) -> Path:
    """The gold file: ``--gold PATH`` (or ``--gold=PATH``), else benchmarks/gold/places/gold.jsonl."""
    for i, a in enumerate(argv):
        if a == "--gold" and i + 1 < len(argv):
            return Path(argv[i + 1])
        if a.startswith("--gold="):
            return Path(a.split("=", 1)[1])
    return GOLD


def main() -> int:
    path = gold_path(sys.argv[1:])
    if not path.exists():
        print(f"error: gold file {path} is missing", file=sys.stderr)
        return 2
    if not NEWS.exists():
        print(f"error: {NEWS} is missing: the benchmark reads the shared news corpus", file=sys.stderr)
        return 2
    from marsad.document import Document
    from marsad.pipeline import build

    gold = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
    wanted = {g["line"] for g in gold}
    texts: dict[int, str] = {}
    with gzip.open(NEWS, "rt", encoding="utf-8") as f:
        for i, line in enumerate(f):
            if i in wanted:
                texts[i] = json.loads(line)["content"]
    # as marsad extract: the NER stage first, its LOC/PER/ORG spans inform the places stage
    with_ner = "--no-entities" not in sys.argv
    stages = ["normalise", "segment", "entities", "places"] if with_ner else ["normalise", "segment", "places"]
    print("stages:", " -> ".join(stages))
    pipe = build(stages)
    places_stage = pipe.stages[-1]
    stats: dict[str, list[int]] = {}  # batch -> [n, within, country, missed, fp, unknown coords]
    errors: list[str] = []
    docs = []
    for g in gold:
        doc = pipe(Document(texts[g["line"]]))
        docs.append(doc)
        used = set()
        st = stats.setdefault(g.get("batch", "all"), [0, 0, 0, 0, 0, 0])
        for m in g["mentions"]:
            st[0] += 1
            st[5] += m["lat"] is None and not m.get("id")
            hit = next((p for p in doc.places if p.start < m["end"] and p.end > m["start"]), None)
            if hit is None:
                st[3] += 1
                errors.append(f"  miss  line {g['line']} [{m['start']}:{m['end']}] {m['name']}")
                continue
            used.add(id(hit))
            if hit.country == m["country"]:
                st[2] += 1
            if m["kind"] == "area" and m.get("id") and not m["id"].startswith("adm:"):
                ok = hit.place_id == m["id"]
            elif m["kind"] == "area" and m.get("id"):  # a division is coded at its seat (ACLED)
                ok = hit.place_id == m["id"] or km(hit.lat, hit.lon, m["lat"], m["lon"]) <= 25
            else:
                ok = m["lat"] is not None and km(hit.lat, hit.lon, m["lat"], m["lon"]) <= 25
            st[1] += ok
            if not ok:
                errors.append(f"  wrong line {g['line']} [{m['start']}:{m['end']}] gold {m['name']} got {hit.name} {hit.country}")
        st[4] += sum(1 for p in doc.places if id(p) not in used)
        errors.extend(f"  fp    line {g['line']} [{p.start}:{p.end}] {doc.text[p.start:p.end]} -> {p.name} {p.country}"
                      for p in doc.places if id(p) not in used)
    # speed: the places stage alone over the gold articles
    t0 = time.process_time()
    rounds = 20
    for _ in range(rounds):
        for doc in docs:
            places_stage(doc)
    cpu = time.process_time() - t0
    words = sum(len(d.text.split()) for d in docs)
    total = [sum(col) for col in zip(*stats.values(), strict=True)]
    print(f"gold: {path}")
    for name, (n, within, country, missed, fp, unknown) in [*sorted(stats.items()), ("all", total)]:
        arts = len(gold) if name == "all" else sum(1 for g in gold if g.get("batch", "all") == name)
        found = n - missed
        print(f"{name:8s} {arts:3d} articles {n:4d} mentions | within 25 km {within / n:6.1%} "
              f"({within / (n - unknown):6.1%} of the {n - unknown} with known coordinates) | right country "
              f"{country / n:6.1%} | missed {missed} | false positives {fp}")
        print(f"{'':8s} resolution of the {found} found: right country {country / found:6.1%}, "
              f"within 25 km {within / found:6.1%}")
    n = total[0]
    print(f"speed: {rounds * len(docs) / cpu:.0f} articles/s, {cpu / rounds / len(docs) * 1000:.3f} ms/article "
          f"({words / len(docs):.0f} words avg; {cpu / rounds / words * 500 * 1000:.3f} ms per 500 words), "
          f"{rounds * n / cpu:.0f} lookups/s")
    from marsad.places.gazetteer import load

    load.cache_clear()
    t0 = time.perf_counter()
    load()
    print(f"gazetteer load: {time.perf_counter() - t0:.3f} s")
    if "-v" in sys.argv:
        print("\n".join(errors))
    return 0


if __name__ == "__main__":
    sys.exit(main())
