"""Latency and load test of `marsad serve`, on loopback only.

Starts `marsad serve` (uvicorn, one process) on 127.0.0.1 over a store, then:
1. unloaded latency: one client, sequential GET /api/events?country=IQ (the bar: < 100 ms);
2. load: N concurrent clients (httpx async) for D seconds over a mix of read endpoints,
   printing requests served, requests/s, p50/p95/p99/max latency and the error count
   (any non-2xx answer or transport error), overall and per endpoint.

The store is either an existing one (--db, e.g. after `marsad ingest` of real articles) or a
synthetic one built here (--synthetic-articles N; events spread over the Middle East and two
years, so filters and the map have realistic selectivity).

Usage: python benchmarks/api_load.py [--db URL | --synthetic-articles 20000] [--clients 50] [--seconds 30]
       [--workers 1] [--no-cache]
Exit status 1 when any request failed.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import os
import random
import socket
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

import httpx

from marsad.document import ArgRef, Document, Entity, Event, Place, Span, Timex
from marsad.store import Store

PLACES = [  # name, lat, lon, country, admin1
    ("الموصل", 36.34, 43.13, "IQ", "Nineveh"), ("بغداد", 33.34, 44.40, "IQ", "Baghdad"),
    ("البصرة", 30.51, 47.81, "IQ", "Basra"), ("الرمادي", 33.42, 43.30, "IQ", "Anbar"),
    ("كركوك", 35.47, 44.39, "IQ", "Kirkuk"), ("الرقة", 35.95, 39.01, "SY", "Raqqa"),
    ("حلب", 36.20, 37.16, "SY", "Aleppo"), ("دير الزور", 35.33, 40.14, "SY", "Deir ez Zor"),
    ("صنعاء", 15.35, 44.21, "YE", "Amanat al Asimah"), ("عدن", 12.78, 45.04, "YE", "Aden"),
    ("طرابلس", 32.89, 13.19, "LY", "Tripoli"), ("بنغازي", 32.12, 20.09, "LY", "Benghazi"),
    ("القاهرة", 30.04, 31.24, "EG", "Cairo"), ("العريش", 31.13, 33.80, "EG", "North Sinai"),
    ("بيروت", 33.89, 35.50, "LB", "Beirut"), ("غزة", 31.50, 34.47, "PS", "Gaza Strip"),
]
TYPES = [
    ("Battles", "Armed clash", "اشتبكت"), ("Explosions/Remote violence", "Air/drone strike", "غارة"),
    ("Explosions/Remote violence", "Remote explosive/landmine/IED", "انفجار"),
    ("Violence against civilians", "Attack", "هاجم"), ("Protests", "Peaceful protest", "تظاهر"),
    ("Riots", "Violent demonstration", "اشتباكات"), ("Strategic developments", "Arrests", "اعتقلت"),
]
ACTORS = ["Military Forces of Iraq", "Islamic State", "Houthis", "Protesters", "Police Forces", "Civilians"]
WORDS = "وقال مصدر أمني إن القوات انتشرت في المنطقة بعد الحادث وأكدت السلطات أنها فتحت تحقيقا في ملابسات ما جرى".split()


def synthetic_document(i: int, rng: random.Random, events_per_article: int) -> Document:
    """An article of ``events_per_article`` sentences, one event each (offsets exact)."""
    day = dt.date(2016, 1, 1) + dt.timedelta(days=rng.randrange(730))
    parts: list[str] = []
    specs = []
    pos = 0
    for _ in range(events_per_article):
        name, lat, lon, cc, adm1 = rng.choice(PLACES)
        etype, sub, trig = rng.choice(TYPES)
        filler = " ".join(rng.choices(WORDS, k=rng.randint(6, 14)))
        sentence = f"{trig} مسلحون في {name} يوم الخميس {filler} رقم {i}."
        specs.append((pos, sentence, name, lat + rng.uniform(-.3, .3), lon + rng.uniform(-.3, .3), cc, adm1,
                      etype, sub, trig))
        parts.append(sentence)
        pos += len(sentence) + 1
    doc = Document(" ".join(parts), id=f"synthetic-{i}", published=day, title=f"خبر {i}",
                   url=f"https://news.example/{i}", source="Synthetic")
    for start, sentence, name, lat, lon, cc, adm1, etype, sub, trig in specs:
        ps = start + sentence.index(name)
        place = Place(ps, ps + len(name), name=name, lat=lat, lon=lon, country=cc, admin1=adm1)
        ds = start + sentence.index("يوم الخميس")
        doc.places.append(place)
        doc.entities.append(Entity(ps, ps + len(name), "LOC"))
        doc.timexes.append(Timex(ds, ds + len("يوم الخميس"), value=day.isoformat(), granularity="day"))
        doc.events.append(Event(etype, sub, trigger=Span(start, start + len(trig)),
                                evidence=Span(start, start + len(sentence)), place=place, date=day.isoformat(),
                                actor1=ArgRef(rng.choice(ACTORS), inter=1), actor2=ArgRef(rng.choice(ACTORS), inter=2),
                                fatalities=rng.choice([0, 0, 0, 1, 2, 5]), time_precision=1))
    return doc


def build_store(db: str, articles: int, events_per_article: int, seed: int = 1) -> tuple[int, float]:
    store = Store.open(db)
    rng = random.Random(seed)
    t0 = time.perf_counter()
    n = 0
    for i in range(articles):
        n += store.add_document(synthetic_document(i, rng, events_per_article)).events
    store.close()
    return n, time.perf_counter() - t0


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(db: str, port: int, workers: int = 1, env: dict[str, str] | None = None) -> subprocess.Popen:
    proc = subprocess.Popen([sys.executable, "-m", "marsad.cli", "serve", "--db", db, "--host", "127.0.0.1",
                             "--port", str(port), "--workers", str(workers)], stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, env=dict(os.environ, **(env or {})))
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"marsad serve exited: {proc.stderr.read().decode()[-2000:]}")
        try:
            if httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=1).status_code == 200:
                return proc
        except httpx.HTTPError:
            time.sleep(0.2)
    proc.kill()
    raise RuntimeError("marsad serve did not answer /healthz within 60 s")


def pct(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    s = sorted(values)
    return s[min(len(s) - 1, int(round(p / 100 * (len(s) - 1))))]


def unloaded_latency(base: str, path: str, n: int) -> list[float]:
    out = []
    with httpx.Client(base_url=base, timeout=30) as client:
        client.get(path.format(0))  # warm-up
        for i in range(n):
            t0 = time.perf_counter()
            r = client.get(path.format(i + 1))
            out.append((time.perf_counter() - t0) * 1000)
            r.raise_for_status()
    return out


COUNTRIES = ["IQ", "SY", "YE", "LY", "EG", "LB", "PS"]


def request_mix(article_ids: list[int], rng: random.Random) -> tuple[str, str]:
    """(endpoint name, path) of one request, in proportions an analyst's UI would send, varied
    enough (pages, countries, months) that most answers are not in the API's cache."""
    r = rng.random()
    country = rng.choice(COUNTRIES)
    if r < 0.35:
        return "events?country", f"/api/events?country={country}&limit=50&offset={50 * rng.randrange(20)}"
    if r < 0.50:
        start = dt.date(2016, 1, 1) + dt.timedelta(days=30 * rng.randrange(22))
        end = start + dt.timedelta(days=rng.choice([7, 30, 90]))
        etype = rng.choice(TYPES)[0]
        return "events?type+date", f"/api/events?event_type={etype}&from={start}&to={end}&limit=100"
    if r < 0.60:
        return "events/points", f"/api/events/points?country={country}&limit=5000"
    if r < 0.70:
        return "timeline", f"/api/timeline?country={country}"
    if r < 0.80:
        return "facets", f"/api/facets?country={country}" if rng.random() < 0.7 else "/api/facets"
    if r < 0.90 and article_ids:
        return "articles/{id}", f"/api/articles/{rng.choice(article_ids)}"
    if r < 0.95:
        return "search", "/api/search?q=" + rng.choice(["القوات", "تحقيقا", "مسلحون", "السلطات", "الحادث"])
    return "healthz", "/healthz"


async def load(base: str, clients: int, seconds: float, article_ids: list[int], seed: int = 3) -> dict:
    """``clients`` concurrent clients, each sending requests back to back for ``seconds``."""
    lat: dict[str, list[float]] = defaultdict(list)
    errors: dict[str, int] = defaultdict(int)
    examples: list[str] = []
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    stop = time.perf_counter() + seconds

    async def client_loop(k: int, client: httpx.AsyncClient) -> None:
        rng = random.Random(seed * 1000 + k)
        while time.perf_counter() < stop:
            name, path = request_mix(article_ids, rng)
            t0 = time.perf_counter()
            try:
                r = await client.get(path)
                ok = 200 <= r.status_code < 300
                if not ok and len(examples) < 5:
                    examples.append(f"{r.status_code} {path}: {r.text[:200]}")
            except httpx.HTTPError as exc:
                ok = False
                if len(examples) < 5:
                    examples.append(f"{type(exc).__name__} {path}")
            lat[name].append((time.perf_counter() - t0) * 1000)
            if not ok:
                errors[name] += 1

    t0 = time.perf_counter()
    async with httpx.AsyncClient(base_url=base, timeout=60, limits=limits) as client:
        await asyncio.gather(*(client_loop(k, client) for k in range(clients)))
    wall = time.perf_counter() - t0
    every = [x for v in lat.values() for x in v]
    return {"requests": len(every), "errors": sum(errors.values()), "wall_s": wall, "rps": len(every) / wall,
            "p50": pct(every, 50), "p95": pct(every, 95), "p99": pct(every, 99), "max": max(every, default=0),
            "per_endpoint": {k: (len(v), pct(v, 50), pct(v, 99), errors[k]) for k, v in sorted(lat.items())},
            "examples": examples}


def run(db: str, clients: int, seconds: float, latency_n: int = 200, workers: int = 1, cache: bool = True) -> dict:
    """Serve ``db`` on a free loopback port, measure, stop the server; returns the figures.
    ``cache=False`` turns the API's response cache off (every request reaches the store)."""
    store = Store.open(db)
    article_ids = [a["id"] for a in store.list_articles(limit=2000)]
    n_events = store.count_events()
    store.close()
    port = free_port()
    proc = start_server(db, port, workers, None if cache else {"MARSAD_API_CACHE_TTL": "0"})
    base = f"http://127.0.0.1:{port}"
    try:
        # distinct offsets: every request reaches the store, whatever the cache
        single = unloaded_latency(base, "/api/events?country=IQ&limit=50&offset={}", latency_n)
        res = asyncio.run(load(base, clients, seconds, article_ids))
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
    res.update(events=n_events, single_p50=pct(single, 50), single_p99=pct(single, 99), single_n=len(single),
               workers=workers, cache=cache)
    return res


def report(res: dict, clients: int) -> None:
    print(f"store: {res['events']:,} events")
    print(f"server: {res['workers']} worker(s), response cache {'on' if res['cache'] else 'off'}")
    print(f"unloaded GET /api/events?country=IQ&offset=N ({res['single_n']} sequential, uncached): "
          f"p50 {res['single_p50']:.1f} ms, p99 {res['single_p99']:.1f} ms")
    print(f"load: {clients} concurrent clients for {res['wall_s']:.1f} s: {res['requests']:,} requests, "
          f"{res['rps']:.0f} req/s, p50 {res['p50']:.1f} ms, p95 {res['p95']:.1f} ms, p99 {res['p99']:.1f} ms, "
          f"max {res['max']:.0f} ms, errors {res['errors']}")
    for name, (n, p50, p99, err) in res["per_endpoint"].items():
        print(f"  {name:18s} {n:7,d} req  p50 {p50:7.1f} ms  p99 {p99:7.1f} ms  errors {err}")
    for ex in res["examples"]:
        print("  error:", ex)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--db", help="an existing store (URL or SQLite path)")
    ap.add_argument("--synthetic-articles", type=int, default=20_000, help="articles of the synthetic store")
    ap.add_argument("--events-per-article", type=int, default=5)
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--seconds", type=float, default=30.0)
    ap.add_argument("--workers", type=int, default=1, help="server worker processes")
    ap.add_argument("--no-cache", action="store_true", help="turn the API's response cache off")
    ap.add_argument("--short", action="store_true", help="CI: 2,000 articles, 20 clients, 5 s")
    args = ap.parse_args(argv)
    if args.short:
        args.synthetic_articles, args.clients, args.seconds = min(args.synthetic_articles, 2000), 20, 5.0
    with tempfile.TemporaryDirectory(prefix="marsad-load-") as tmp:
        db = args.db
        if db is None:
            db = str(Path(tmp) / "load.db")
            n, secs = build_store(db, args.synthetic_articles, args.events_per_article)
            print(f"built a synthetic store: {args.synthetic_articles:,} articles, {n:,} events "
                  f"in {secs:.1f} s ({args.synthetic_articles / secs:.0f} articles/s through Store.add_document)")
        res = run(db, args.clients, args.seconds, workers=args.workers, cache=not args.no_cache)
    report(res, args.clients)
    return 1 if res["errors"] else 0


if __name__ == "__main__":
    os.environ.setdefault("PYTHONUNBUFFERED", "1")
    sys.exit(main())
