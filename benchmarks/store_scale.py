"""Store query latency at scale: synthetic events in a fresh SQLite (or --db) store.

    python benchmarks/store_scale.py [--events 200000] [--db PATH_OR_URL]

Fills the store in bulk (articles, events, event sources, full-text rows, built with the same
row builders as ``Store.add_document``), then times the queries the API makes (median and
p95 over repeated runs) and ``Store.add_document`` itself (articles/s, storage only). Needs
nothing from ../shared: the data is generated.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from marsad.store import EventFilter, Store, content_hash
from marsad.store import fts as fts_mod
from marsad.store.schema import articles, event_sources, events
from marsad.store.write import event_row

COUNTRIES = [("IQ", 0.25, 33.3, 44.4), ("SY", 0.25, 35.0, 38.5), ("YE", 0.15, 15.4, 44.2), ("LY", 0.1, 32.0, 15.0),
             ("EG", 0.08, 30.0, 31.2), ("SD", 0.07, 15.5, 32.5), ("LB", 0.05, 33.9, 35.5), ("PS", 0.05, 31.5, 34.4)]
TYPES = [("Battles", "Armed clash"), ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
         ("Violence against civilians", "Attack"), ("Protests", "Peaceful protest"), ("Riots", "Violent demonstration"),
         ("Strategic developments", "Arrests")]
ACTORS = ["Military Forces of Iraq", "Islamic State", "Houthis", "Syrian Democratic Forces", "Hezbollah",
          "Libyan National Army", "Rapid Support Forces", "Police Forces of Egypt", "Protesters", "Civilians"]
WORDS = "اشتباكات قصف هجوم مظاهرة اعتقال الجيش القوات المدينة الحكومة مسلحين قتلى جرحى الشرطة المعارضة".split()
LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"


def vocabulary(rng: random.Random, size: int = 5000) -> tuple[list[str], list[float]]:
    """Pseudo-words with Zipf frequencies (word of rank r has weight 1/r), like news text."""
    words = list(dict.fromkeys("".join(rng.choice(LETTERS) for _ in range(rng.randint(3, 7))) for _ in range(size)))
    return words, [1 / (r + 1) for r in range(len(words))]


def fill(store: Store, n_events: int, per_article: int = 4, seed: int = 1) -> float:
    rng = random.Random(seed)
    vocab, freq = vocabulary(random.Random(0))
    weights = [c[1] for c in COUNTRIES]
    t0 = time.perf_counter()
    n_articles = n_events // per_article
    batch = 5000
    for lo in range(0, n_articles, batch):
        arts, evs, fts_rows = [], [], []
        with store.engine.begin() as conn:
            for i in range(lo, min(lo + batch, n_articles)):
                text = " ".join(rng.choices(vocab, freq, k=70) + rng.sample(WORDS, 5)) + f" {i}"
                published = dt.date(2015, 1, 1) + dt.timedelta(days=rng.randrange(3000))
                arts.append({"id": i + 1, "external_id": f"s{i}", "content_hash": content_hash(text), "title": None,
                             "text": text, "source": "Synthetic", "url": None, "published": published,
                             "published_inferred": False, "ingested_at": dt.datetime.now(dt.UTC),
                             "n_entities": 0, "n_events": per_article, "n_quotes": 0})
                fts_rows.append({"id": i + 1, "body": fts_mod.index_body(None, text)})
                for _ in range(per_article):
                    code, _, lat, lon = rng.choices(COUNTRIES, weights)[0]
                    et, st = rng.choice(TYPES)
                    a1, a2 = rng.sample(ACTORS, 2)
                    e = {"event_type": et, "sub_event_type": st, "date": published.isoformat(), "time_precision": 1,
                         "actor1": {"name": a1, "inter": rng.randint(1, 8)}, "actor2": {"name": a2, "inter": rng.randint(1, 8)},
                         "place": {"name": "x", "lat": lat + rng.uniform(-2, 2), "lon": lon + rng.uniform(-2, 2),
                                   "country": code, "admin1": f"{code}-{rng.randint(1, 12)}", "precision": 1},
                         "evidence": {"start": 0, "end": 20, "text": text[:20]}, "fatalities": rng.randint(0, 9)}
                    evs.append(event_row(i + 1, e, published, "Synthetic"))
            conn.execute(articles.insert(), arts)
            ids = conn.execute(events.insert().returning(events.c.id, sort_by_parameter_order=True), evs).scalars().all()
            conn.execute(event_sources.insert(), [{"event_id": eid, "article_id": ev["article_id"], "role": "evidence",
                                                   "start": 0, "end": 20, "text": ev["evidence_text"]}
                                                  for eid, ev in zip(ids, evs, strict=True)])
            if store.dialect == "sqlite":
                conn.exec_driver_sql("INSERT INTO article_fts(rowid, body) VALUES (?, ?)",
                                     [(r["id"], r["body"]) for r in fts_rows])
            else:
                conn.exec_driver_sql("INSERT INTO article_search(article_id, body) VALUES (%s, %s)",
                                     [(r["id"], r["body"]) for r in fts_rows])
    with store.engine.begin() as conn:
        if store.dialect == "postgresql":  # ids were given explicitly: move the sequence past them
            conn.exec_driver_sql("SELECT setval(pg_get_serial_sequence('articles', 'id'), max(id)) FROM articles")
        conn.exec_driver_sql("ANALYZE")
    return time.perf_counter() - t0


def timed(fn, repeat: int = 25) -> tuple[float, float, object]:
    fn()  # warm the page cache
    times = []
    out = None
    for _ in range(repeat):
        t = time.perf_counter()
        out = fn()
        times.append((time.perf_counter() - t) * 1000)
    times.sort()
    return statistics.median(times), times[int(0.95 * (len(times) - 1))], out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--events", type=int, default=200_000)
    ap.add_argument("--db", help="database (default: a temporary SQLite file)")
    args = ap.parse_args()
    tmp = tempfile.TemporaryDirectory()
    db = args.db or str(Path(tmp.name) / "scale.db")
    store = Store.open(db)
    if store.count_events() < args.events:
        seconds = fill(store, args.events)
        print(f"filled {args.events} events ({args.events // 4} articles) in {seconds:.1f} s")
    total = store.count_events()
    vocab = vocabulary(random.Random(0))[0]
    print(f"store: {store.url} — {total} events")
    cases = {
        "list_events country=IQ limit=100": lambda: store.list_events(EventFilter(country="IQ"), 100),
        "count_events country=IQ": lambda: store.count_events(EventFilter(country="IQ")),
        "list_events country=IQ offset=5000": lambda: store.list_events(EventFilter(country="IQ"), 100, 5000),
        "list_events IQ + 2019 + Battles": lambda: store.list_events(
            EventFilter(country="IQ", date_from="2019-01-01", date_to="2019-12-31", event_type="Battles"), 100),
        "count_events IQ + 2019 + Battles": lambda: store.count_events(
            EventFilter(country="IQ", date_from="2019-01-01", date_to="2019-12-31", event_type="Battles")),
        "list_events no filter limit=100": lambda: store.list_events(None, 100),
        "list_events bbox (Iraq-ish)": lambda: store.list_events(EventFilter(bbox="42,31,46,35"), 100),
        "list_events actor~'houthi' country=YE": lambda: store.list_events(EventFilter(actor="houthi", country="YE"), 100),
        "list_events q=<rank-300 word> (~2% articles)": lambda: store.list_events(EventFilter(q=vocab[300]), 100),
        "list_events q=<two words, ranks 20 & 200>": lambda: store.list_events(EventFilter(q=f"{vocab[20]} {vocab[200]}"), 100),
        "list_events q=<word in 1/3 of articles>": lambda: store.list_events(EventFilter(q="اشتباكات"), 100),
        "search q=<rank-300 word> limit=20": lambda: store.search(vocab[300], 20),
        "search q=<word in 1/3 of articles> limit=20": lambda: store.search("الاشتباكات", 20),
        "timeline country=IQ (day bins)": lambda: store.timeline(EventFilter(country="IQ")),
        "facets country=IQ": lambda: store.facets(EventFilter(country="IQ")),
        "points country=IQ limit=5000": lambda: store.points(EventFilter(country="IQ"), 5000),
        "get_article": lambda: store.get_article(12345),
    }
    print(f"{'query':44} {'median ms':>10} {'p95 ms':>8}  result")
    for name, fn in cases.items():
        med, p95, out = timed(fn)
        size = out if isinstance(out, int) else (len(out) if out is not None else 0)
        print(f"{name:44} {med:10.2f} {p95:8.2f}  {size}")
    # storage-only write rate: add_document of hand-made documents into a fresh store
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
    from test_store_support import make_document

    fresh = Store.open(str(Path(tmp.name) / "write.db")) if not args.db else store
    docs = [make_document(10_000_000 + i) for i in range(1000)]
    t = time.perf_counter()
    for d in docs:
        fresh.add_document(d)
    rate = len(docs) / (time.perf_counter() - t)
    print(f"add_document (storage only, 1 event + 8 spans per article): {rate:.0f} articles/s")
    store.close()
    fresh.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
