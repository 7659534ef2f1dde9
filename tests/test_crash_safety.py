"""Crash safety: ``marsad ingest`` killed with SIGKILL at random moments, then rerun.

After every kill the store must hold only whole articles (each with all its annotation rows,
exactly as an uninterrupted run stores them) and, once a rerun finishes, every article exactly
once. A second test kills a writer whose transactions are long (thousands of rows per article),
so that most kills land inside a transaction.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from marsad.store import Store
from marsad.store.schema import actors, articles, entities, event_sources, events, places, quotes, timexes

pytest_plugins = ("test_store_support",)
pytestmark = pytest.mark.slow

TOWNS = ("الموصل", "تكريت", "حلب", "إدلب", "صنعاء", "عدن", "بنغازي", "سرت", "الرمادي", "درعا", "الحديدة", "مأرب")
ACTORS = ("الجيش العراقي", "قوات سوريا الديمقراطية", "الحوثيون", "الجيش الوطني الليبي", "الشرطة", "مسلحون مجهولون")
VERBS = ("اشتبك", "قصف", "هاجم", "سيطر على", "انسحب من", "تظاهر في")


def article(i: int, rng: random.Random) -> dict:
    town, town2 = rng.sample(TOWNS, 2)
    a1, a2 = rng.sample(ACTORS, 2)
    sents = [
        f"{rng.choice(('قالت', 'أفادت', 'ذكرت'))} مصادر محلية يوم {rng.choice(('الأحد', 'الاثنين', 'الخميس'))} إن "
        f"{a1} {rng.choice(VERBS)} {a2} قرب {town} ما أسفر عن مقتل {rng.randint(0, 30)} أشخاص.",
        f"وأضافت المصادر أن التعزيزات وصلت إلى {town2} في {rng.randint(1, 28)} {rng.choice(('آذار', 'نيسان', 'مايو'))} "
        f"{rng.choice((2015, 2016, 2017))}.",
        f"وقال المتحدث باسم {a1}: «سنواصل العمليات حتى استعادة الأمن في {town}».",
    ]
    rng.shuffle(sents[:2])
    return {"id": f"crash-{i}", "text": " ".join(sents) + f" (رقم {i})", "published": f"2017-0{rng.randint(1, 9)}-15",
            "source": "Crash Wire", "url": f"https://crash.example/{i}"}


def write_batch(path: Path, n: int, seed: int = 11) -> None:
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            fh.write(json.dumps(article(i, rng), ensure_ascii=False) + "\n")


def ingest_cmd(batch: Path, db: str) -> list[str]:
    # the story/merge pass after storing is not part of what a kill may interrupt here
    return [sys.executable, "-m", "marsad.cli", "ingest", str(batch), "--db", db, "--no-progress", "--no-dedup"]


def n_articles(store: Store) -> int:
    with store.connect() as conn:
        return conn.execute(select(func.count()).select_from(articles)).scalar_one()


def assert_whole_articles(store: Store) -> None:
    """Every article has exactly the annotation rows it was written with (no partial article)."""
    with store.connect() as conn:
        if store.dialect == "sqlite":
            assert conn.execute(text("PRAGMA integrity_check")).scalar() == "ok"
            n_fts = conn.execute(text("SELECT count(*) FROM article_fts")).scalar()
        else:
            n_fts = conn.execute(text("SELECT count(*) FROM article_search")).scalar()
        rows = conn.execute(select(articles.c.id, articles.c.n_entities, articles.c.n_events,
                                   articles.c.n_quotes)).all()
        assert n_fts == len(rows)

        def per_article(table):
            return dict(conn.execute(select(table.c.article_id, func.count()).group_by(table.c.article_id)).all())

        ents, evs, qts = per_article(entities), per_article(events), per_article(quotes)
        srcs = per_article(event_sources)
        for aid, n_ent, n_ev, n_q in rows:
            assert (ents.get(aid, 0), evs.get(aid, 0), qts.get(aid, 0)) == (n_ent, n_ev, n_q), aid
            assert srcs.get(aid, 0) >= n_ev
        known = {r[0] for r in rows}
        for table in (entities, timexes, places, actors, events, event_sources, quotes):
            orphans = set(conn.execute(select(table.c.article_id).distinct()).scalars()) - known
            assert not orphans, table.name


VOLATILE = {"id", "article_id", "ingested_at", "timestamp", "event_id_cnty", "event_id", "merged_into"}


def _clean(value):
    if isinstance(value, dict):
        return {k: _clean(v) for k, v in value.items() if k not in VOLATILE}
    if isinstance(value, list):
        return [_clean(v) for v in value]
    return value


def snapshot(store: Store) -> dict[str, dict]:
    """content hash → the article with all its spans, without ids and times."""
    out = {}
    for meta in store.list_articles(limit=10_000):
        art = store.get_article(meta["id"])
        out[art["content_hash"]] = _clean(art)
    return out


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def two_dbs(request, tmp_path):
    from test_store_support import database_url

    (tmp_path / "ref").mkdir()
    (tmp_path / "crash").mkdir()
    ref, drop_ref = database_url(request.param, tmp_path / "ref")
    crash, drop_crash = database_url(request.param, tmp_path / "crash")
    yield ref, crash
    drop_ref()
    drop_crash()


def test_sigkilled_ingest_loses_nothing_and_stores_nothing_twice(two_dbs, tmp_path):
    ref_db, crash_db = two_dbs
    n = 120
    batch = tmp_path / "batch.jsonl"
    write_batch(batch, n)
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    done = subprocess.run(ingest_cmd(batch, ref_db), env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    ref = Store.open(ref_db)
    expected = snapshot(ref)
    ref.close()
    assert len(expected) == n

    rng = random.Random(int(os.environ.get("MARSAD_CRASH_SEED", "7")))
    store = Store.open(crash_db)
    kills_while_running = 0
    progress = [0]
    for _ in range(5):
        before = n_articles(store)
        proc = subprocess.Popen(ingest_cmd(batch, crash_db), env=env, stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 120
        while n_articles(store) == before and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.005)  # wait for writing to start, then kill at a random moment
        time.sleep(rng.uniform(0, 0.25))
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
            kills_while_running += 1
        proc.wait(timeout=60)
        assert_whole_articles(store)
        got = snapshot(store)
        assert set(got) <= set(expected)
        for digest, art in got.items():  # each stored article is exactly what a clean run stores
            assert art == expected[digest]
        progress.append(len(got))
    print(f"\ncrash safety (ingest, {store.dialect}): {kills_while_running} SIGKILLs while running, "
          f"articles after each: {progress[1:]} of {n}")
    assert kills_while_running >= 3, "the batch finished before the kills: make it longer"
    assert progress == sorted(progress)  # committed articles are never lost

    done = subprocess.run(ingest_cmd(batch, crash_db), env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert_whole_articles(store)
    assert snapshot(store) == expected
    with store.connect() as conn:
        external = conn.execute(select(articles.c.external_id)).scalars().all()
    assert sorted(external) == sorted(f"crash-{i}" for i in range(n))  # each exactly once
    store.close()


HEAVY_WRITER = r"""
import sys
sys.path.insert(0, sys.argv[2])
from test_store_support import make_document
from marsad.document import Entity
from marsad.store import Store

store = Store.open(sys.argv[1])
docs = []
for i in range(int(sys.argv[3])):  # built first, so that the writing loop is almost all transactions
    doc = make_document(i)
    doc.entities.extend(Entity(0, 5, "MISC", canonical=f"e{i}-{k}") for k in range(3000))
    docs.append(doc)
for i, doc in enumerate(docs):
    print("begin", i, flush=True)
    store.add_document(doc)
    print("end", i, flush=True)
"""


def test_kill_inside_long_transactions(db_url, tmp_path):
    """Articles with thousands of rows: the kill usually lands mid-transaction."""
    tests_dir = str(Path(__file__).parent)
    store = Store.open(db_url)
    rng = random.Random(3)
    counts = []
    inside = 0  # kills that landed inside add_document (its transaction, mostly)
    for run in range(5):
        before = n_articles(store)
        log = tmp_path / f"writer{run}.log"
        with log.open("w") as out:
            proc = subprocess.Popen([sys.executable, "-c", HEAVY_WRITER, db_url, tests_dir, "40"],
                                    stdout=out, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 120
        while n_articles(store) == before and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.005)
        time.sleep(rng.uniform(0, 0.2))
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=60)
        lines = log.read_text().split()
        inside += len(lines) >= 2 and lines[-2] == "begin"
        assert_whole_articles(store)
        counts.append(n_articles(store))
    print(f"\ncrash safety (long transactions, {store.dialect}): 5 kills, {inside} inside add_document, "
          f"articles after each: {counts}")
    assert counts == sorted(counts) and counts[-1] > 0
    assert inside >= 1
    with store.connect() as conn:
        per_article = set(conn.execute(select(func.count()).select_from(entities)
                                       .group_by(entities.c.article_id)).scalars())
    assert per_article == {3003}  # 3 hand-made entities + 3000, for every stored article
    store.close()
