"""marsad ingest and marsad summary (SQLite always, PostgreSQL when MARSAD_TEST_PG_URL is set)."""

from __future__ import annotations

import json

from marsad import pipeline
from marsad.cli import main
from marsad.store import Store

pytest_plugins = ("test_store_support",)

PLACES = ("الموصل", "حلب", "صنعاء", "بنغازي", "الفلوجة", "درعا")
ONLY_TEXT = "entities,dates,places,actors,events,quotes"  # storage tests need no annotations


def article(i: int) -> str:
    p = PLACES[i % len(PLACES)]
    return (f"قالت مصادر محلية يوم الأحد إن اشتباكات اندلعت بين قوات الأمن ومسلحين مجهولين في {p}، "
            f"وأسفرت عن سقوط {i % 5 + 1} قتلى. وأضافت المصادر أن التعزيزات وصلت إلى المدينة صباحا. (تقرير {i})")


def write_batch(path, n: int, bad_line: bool = True) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        for i in range(n):
            rec = {"id": f"a{i}", "text": article(i), "published": f"2018-03-{i % 28 + 1:02d}",
                   "title": f"اشتباكات في {PLACES[i % len(PLACES)]}", "source": "Test Wire", "url": f"https://t.example/{i}"}
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
        if bad_line:
            fh.write('{"id": "broken", "text": \n')
        fh.write(json.dumps({"id": "dup", "text": article(0)}, ensure_ascii=False) + "\n")  # same content as a0


def test_ingest_stores_each_article_once(db_url, tmp_path, capsys):
    batch = tmp_path / "batch.jsonl"
    write_batch(batch, 12)
    assert main(["ingest", str(batch), "--db", db_url, "--disable", ONLY_TEXT, "--json"]) == 1  # one bad line
    out = capsys.readouterr()
    first = json.loads(out.out)
    assert (first["stored"], first["duplicates"], first["failed"], first["articles"]) == (12, 1, 1, 14)
    assert "batch.jsonl:13" in out.err and "invalid JSON" in out.err
    store = Store.open(db_url)
    assert store.counts()["articles"] == 12
    (a0,) = store.list_articles(external_id="a0")
    assert a0["published"] == "2018-03-01" and a0["source"] == "Test Wire" and a0["title"] == "اشتباكات في الموصل"
    assert store.get_article(a0["id"])["text"] == article(0)
    assert store.count_search("بصنعاء") == 2
    store.close()
    assert main(["ingest", str(batch), "--db", db_url, "--disable", ONLY_TEXT]) == 1
    again = capsys.readouterr().out
    assert "0 stored, 13 already stored" in again and "1 failed" in again


def test_parallel_workers_store_the_same(tmp_path, capsys):
    batch = tmp_path / "b.jsonl"
    write_batch(batch, 20)
    one, two = str(tmp_path / "one.db"), str(tmp_path / "two.db")
    assert main(["ingest", str(batch), "--db", one, "--disable", ONLY_TEXT]) == 1
    assert main(["ingest", str(batch), "--db", two, "--disable", ONLY_TEXT, "--jobs", "2", "--json"]) == 1
    summary = json.loads(capsys.readouterr().out.splitlines()[-1])
    assert (summary["stored"], summary["duplicates"], summary["failed"]) == (20, 1, 1)
    a, b = Store.open(one), Store.open(two)
    assert sorted((r["external_id"], r["content_hash"]) for r in a.list_articles()) == sorted(
        (r["external_id"], r["content_hash"]) for r in b.list_articles())
    assert a.count_search("حلب") == b.count_search("حلب") > 0
    a.close()
    b.close()


def test_progress_bar_on_request(tmp_path, capsys):
    batch = tmp_path / "b.jsonl"
    write_batch(batch, 4, bad_line=False)
    assert main(["ingest", str(batch), "--db", str(tmp_path / "p.db"), "--disable", ONLY_TEXT, "--progress"]) == 0
    err = capsys.readouterr().err
    assert "5 art" in err or "4 art" in err  # tqdm's counter (the duplicate line counts too)


def test_full_pipeline_ingest_and_summary(db_url, tmp_path, capsys):
    batch = tmp_path / "b.jsonl"
    write_batch(batch, 5, bad_line=False)
    assert main(["ingest", str(batch), "--db", db_url, "--published", "2019-01-02"]) == 0
    assert "5 stored" in capsys.readouterr().out
    store = Store.open(db_url)
    arts = store.list_articles()
    assert len(arts) == 5 and {a["published"] for a in arts} == {"2019-01-02"}  # --published overrides
    n_events = store.count_events()
    store.close()
    assert main(["summary", "--db", db_url, "--json"]) == 0
    s = json.loads(capsys.readouterr().out)
    assert s["articles"] == 5 and s["events"] == n_events
    assert main(["summary", "--db", db_url]) == 0
    assert "articles: 5" in capsys.readouterr().out


def test_one_article_failing_to_store_does_not_stop_the_batch(tmp_path, monkeypatch, capsys):
    batch = tmp_path / "b.jsonl"
    write_batch(batch, 6, bad_line=False)
    real = Store.add_document

    def flaky(self, doc, text=None):
        if doc.id == "a3":
            raise RuntimeError("disk full (simulated)")
        return real(self, doc, text)

    monkeypatch.setattr(Store, "add_document", flaky)
    db = str(tmp_path / "m.db")
    assert main(["ingest", str(batch), "--db", db, "--disable", ONLY_TEXT]) == 1
    err = capsys.readouterr().err
    assert "a3" in err and "disk full" in err
    monkeypatch.setattr(Store, "add_document", real)
    store = Store.open(db)
    assert sorted(a["external_id"] for a in store.list_articles()) == ["a0", "a1", "a2", "a4", "a5"]
    store.close()


def test_a_stage_that_cannot_load_is_left_out(tmp_path, monkeypatch, capsys):
    monkeypatch.setitem(pipeline.STAGES, "broken", "marsad.no_such_module:Stage")
    batch = tmp_path / "b.jsonl"
    write_batch(batch, 3, bad_line=False)
    db = str(tmp_path / "s.db")
    assert main(["ingest", str(batch), "--db", db, "--disable", ONLY_TEXT]) == 0
    assert "stage broken unavailable" in capsys.readouterr().err
    store = Store.open(db)
    assert store.counts()["articles"] == 3
    store.close()


def test_database_from_environment_and_errors(tmp_path, monkeypatch, capsys):
    batch = tmp_path / "b.jsonl"
    write_batch(batch, 2, bad_line=False)
    monkeypatch.setenv("MARSAD_DB", str(tmp_path / "env.db"))
    assert main(["ingest", str(batch), "--disable", ONLY_TEXT]) == 0
    assert (tmp_path / "env.db").exists()
    assert main(["ingest", str(batch), "--published", "03/11/2017"]) == 2
    assert main(["ingest", str(batch), "--db", "postgresql://nobody@127.0.0.1:1/none"]) == 2
    err = capsys.readouterr().err
    assert "published" in err and "cannot open the database" in err
    assert main(["ingest", str(tmp_path / "missing.jsonl"), "--disable", ONLY_TEXT]) == 1
    assert "no such file" in capsys.readouterr().err
