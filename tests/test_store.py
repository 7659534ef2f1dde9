"""The store on SQLite (always) and PostgreSQL (when MARSAD_TEST_PG_URL is set)."""

from __future__ import annotations

import threading

import pytest

from marsad.serialize import document_to_dict
from marsad.store import EVENT_COLUMNS, EventFilter, FilterError, Store, content_hash
from marsad.store.migrate import LATEST, current_version
from test_store_support import make_document

pytest_plugins = ("test_store_support",)  # the store / db_url fixtures (SQLite + PostgreSQL)


def _fill(store: Store) -> list[int]:
    docs = [
        make_document(0, "IQ", "الموصل", 36.34, 43.13, "2017-11-03"),
        make_document(1, "IQ", "بغداد", 33.31, 44.36, "2017-10-15", event_type="Explosions/Remote violence",
                      sub_event_type="Remote explosive/landmine/IED", admin1="Baghdad"),
        make_document(2, "SY", "الرقة", 35.95, 39.01, "2017-09-20", actor2="Syrian Democratic Forces"),
        make_document(3, "YE", "صنعاء", 15.35, 44.21, "2016-05-01", event_type="Protests",
                      sub_event_type="Peaceful protest"),
    ]
    return [store.add_document(d).article_id for d in docs]


def test_add_document_is_idempotent_by_content(store):
    doc = make_document(7)
    first = store.add_document(doc)
    assert first.created and first.events == 1
    before = store.counts()
    again = store.add_document(make_document(7))  # same content, a new Document object
    assert not again.created and again.article_id == first.article_id
    assert store.counts() == before
    assert before["articles"] == 1 and before["entities"] == 3 and before["events"] == 1
    assert before["event_sources"] == 2  # evidence + one more mention
    assert store.has_content(doc.text) == first.article_id
    assert store.has_content(doc.text + " تحديث") is None


def test_a_failing_article_leaves_nothing_behind(store):
    payload = document_to_dict(make_document(1))
    payload["text"] = make_document(1).text
    del payload["events"][0]["event_type"]  # fails after the article and its entities were inserted
    with pytest.raises(KeyError):
        store.add_document(payload)
    assert all(n == 0 for n in store.counts().values())
    assert store.count_search("الموصل") == 0
    # the same content goes in once the problem is gone
    assert store.add_document(make_document(1)).created


def test_non_finite_coordinates_are_stored_as_missing(store):
    doc = make_document(4, lat=float("nan"), lon=44.0)
    store.add_document(doc)
    (ev,) = store.list_events()
    assert ev["latitude"] is None and ev["longitude"] is None and ev["country"] == "Iraq"
    assert store.points() == []


def test_concurrent_writers_store_one_copy(store):
    doc = make_document(9)
    results = []

    def add() -> None:
        results.append(store.add_document(doc))

    threads = [threading.Thread(target=add) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sum(r.created for r in results) == 1
    assert len({r.article_id for r in results}) == 1
    assert store.counts()["articles"] == 1 and store.counts()["events"] == 1


def test_readers_and_a_writer_at_once(store):
    """The API reads while ingest writes: no 'database is locked', every read consistent."""
    errors: list[Exception] = []
    done = threading.Event()

    def write() -> None:
        try:
            for i in range(40):
                store.add_document(make_document(100 + i, published=f"2017-02-{i % 28 + 1:02d}"))
        except Exception as exc:  # reported by the assertion below
            errors.append(exc)
        finally:
            done.set()

    def read() -> None:
        try:
            while not done.is_set():
                n = store.count_events(EventFilter(country="IQ"))
                page = store.list_events(EventFilter(country="IQ"), limit=500)
                assert len(page) >= min(n, 500) - 40  # rows committed meanwhile may add, never remove
                store.search("الموصل")
                for ev in page[:3]:
                    art = store.get_article(ev["article_id"])
                    assert len(art["entities"]) == art["n_entities"]
        except Exception as exc:
            errors.append(exc)

    threads = [threading.Thread(target=write)] + [threading.Thread(target=read) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert not errors, errors
    assert store.count_events() == 40


def test_article_spans_point_into_its_text(store):
    (aid, *_) = _fill(store)
    art = store.get_article(aid)
    text = art["text"]
    assert art["title"] == "اشتباكات قرب الموصل" and art["published"] == "2017-11-03"
    assert {e["label"] for e in art["entities"]} == {"ORG", "LOC"}
    for key in ("entities", "timexes", "places", "actors", "quotes"):
        assert art[key], key
        for span in art[key]:
            assert text[span["start"]:span["end"]] == span["text"], key
    (ev,) = art["events"]
    assert text[ev["evidence"]["start"]:ev["evidence"]["end"]] == ev["evidence"]["text"] == ev["evidence_text"]
    assert text[ev["trigger"]["start"]:ev["trigger"]["end"]] == "اشتبكت"
    assert [text[m["start"]:m["end"]] for m in ev["mentions"]] == ["الاشتباكات"]
    assert text[ev["actor2_start"]:ev["actor2_end"]] == "داعش"
    assert art["places"][0]["country"] == "IQ" and art["places"][0]["lat"] == pytest.approx(36.34)
    assert art["quotes"][0]["text"] == "العملية مستمرة حتى تحرير آخر شبر" and art["quotes"][0]["direct"]
    assert store.get_article(10_000) is None
    assert store.get_article(str(aid))["id"] == aid  # as a path parameter gives it
    assert store.get_article("test-0")["id"] == aid  # the external id
    assert store.get_article("no-such-article") is None and store.get_article("99999999999999999999") is None


def test_event_fields_follow_acled(store):
    _fill(store)
    (ev,) = store.list_events(EventFilter(country="IQ", event_type="Battles"))
    assert list(ev)[:len(EVENT_COLUMNS)] == list(EVENT_COLUMNS)
    assert ev["event_id_cnty"] == f"IRQ{ev['id']}"
    assert (ev["iso"], ev["country"], ev["region"]) == (368, "Iraq", "Middle East")
    assert (ev["event_date"], ev["year"], ev["time_precision"]) == ("2017-11-03", 2017, 1)
    assert ev["disorder_type"] == "Political violence"
    assert (ev["inter1"], ev["inter2"], ev["interaction"]) == (1, 2, 12)
    assert ev["location"] == "الموصل" and ev["admin1"] == "Nineveh" and ev["geo_precision"] == 1
    assert ev["source"] == "Example News" and ev["fatalities"] == 2
    assert ev["notes"].startswith("أعلنت قيادة العمليات") and isinstance(ev["timestamp"], int)
    (protest,) = store.list_events(EventFilter(country="YE"))
    assert protest["disorder_type"] == "Demonstrations" and protest["region"] == "Middle East"


@pytest.mark.parametrize(("filters", "locations"), [
    (EventFilter(), ["الموصل", "بغداد", "الرقة", "صنعاء"]),
    (EventFilter(country="IQ"), ["الموصل", "بغداد"]),
    (EventFilter(country="irq"), ["الموصل", "بغداد"]),
    (EventFilter(country="Syria"), ["الرقة"]),
    (EventFilter(country="SY,YE"), ["الرقة", "صنعاء"]),
    (EventFilter(date_from="2017-10-01"), ["الموصل", "بغداد"]),
    (EventFilter(date_from="2017-01-01", date_to="2017-10-31"), ["بغداد", "الرقة"]),
    (EventFilter(date_to="2016"), ["صنعاء"]),
    (EventFilter(event_type="Protests"), ["صنعاء"]),
    (EventFilter(event_type=["Battles", "Protests"]), ["الموصل", "الرقة", "صنعاء"]),
    (EventFilter(sub_event_type="Remote explosive/landmine/IED"), ["بغداد"]),
    (EventFilter(actor="democratic"), ["الرقة"]),
    (EventFilter(actor="islamic-state"), ["الموصل", "بغداد", "صنعاء"]),
    (EventFilter(actor="Military Forces of Iraq", country="SY"), ["الرقة"]),
    (EventFilter(bbox="38,30,45,36"), ["بغداد", "الرقة"]),
    (EventFilter(bbox=(40, 10, 50, 40), country="IQ"), ["الموصل", "بغداد"]),
    (EventFilter(admin1="Nineveh", country="IQ"), ["الموصل"]),
    (EventFilter(q="بالرقة"), ["الرقة"]),  # clitic-attached form finds the plain one
    (EventFilter(q="وصنعاء"), ["صنعاء"]),
    (EventFilter(q="بالمَوْصِلِ"), ["الموصل"]),  # diacritics
    (EventFilter(q="المـــوصل"), ["الموصل"]),  # tatweel
    (EventFilter(q="ﺍﻟﻤﻮﺻﻞ"), ["الموصل"]),  # presentation forms
    (EventFilter(q="الاشتباكات داعش", country="IQ"), ["الموصل", "بغداد"]),
    (EventFilter(q="كلمةغيرموجودة"), []),
    (EventFilter(q="!!! ..."), []),
    (EventFilter(actor="' OR 1=1 --"), []),
    (EventFilter(q='" OR * NEAR( -'), []),
])
def test_event_filters(store, filters, locations):
    _fill(store)
    got = store.list_events(filters)
    assert [e["location"] for e in got] == locations  # newest first
    assert store.count_events(filters) == len(locations)


@pytest.mark.parametrize("bad", [EventFilter(date_from="yesterday"), EventFilter(country="Atlantis"),
                                 EventFilter(bbox="1,2,3"), EventFilter(bbox="10,50,5,60")])
def test_bad_filters_are_reported(store, bad):
    with pytest.raises(FilterError):
        store.list_events(bad)


def test_background_modality_and_confidence_filters(store):
    history = make_document(5, published="2017-06-01")
    history.events[0].background, history.events[0].modality, history.events[0].confidence = True, "asserted", 0.3
    threat = make_document(6, published="2017-06-02")
    threat.events[0].modality = "threatened"
    store.add_document(history)
    store.add_document(threat)
    assert store.list_events(EventFilter()) == []  # by default only reportable events
    assert len(store.list_events(EventFilter(all_events=True))) == 2
    assert [e["date_value"] for e in store.list_events(EventFilter(background=False, modality="threatened"))] == ["2017-06-02"]
    assert [e["date_value"] for e in store.list_events(EventFilter(background=True))] == ["2017-06-01"]
    assert [e["modality"] for e in store.list_events(EventFilter(modality="threatened,denied"))] == ["threatened"]
    assert store.count_events(EventFilter(min_confidence=0.5, all_events=True)) == 1
    with pytest.raises(FilterError):
        store.count_events(EventFilter(min_confidence="high"))


def test_paging_and_streaming(store):
    for i in range(25):
        store.add_document(make_document(i, published=f"2017-01-{i + 1:02d}"))
    page1 = store.list_events(EventFilter(country="IQ"), limit=10)
    page3 = store.list_events(EventFilter(country="IQ"), limit=10, offset=20)
    assert [e["event_date"] for e in page1] == [f"2017-01-{d:02d}" for d in range(25, 15, -1)]
    assert len(page3) == 5 and page3[-1]["event_date"] == "2017-01-01"
    streamed = list(store.iter_events(EventFilter(country="IQ"), batch=7))
    assert sorted(e["id"] for e in streamed) == [e["id"] for e in streamed] and len(streamed) == 25
    assert store.list_events(limit=0) == []


def test_story_ids_and_event_merging(store):
    a, b, c, _ = _fill(store)
    assert store.set_story_id(a, "story-1") and store.set_story_ids({b: "story-1"}) == 1
    assert not store.set_story_id(99_999, "x")
    assert sorted(r["id"] for r in store.list_articles(story_id="story-1")) == [a, b]
    ev_a = store.list_events(EventFilter(article_id=a))[0]["id"]
    ev_b = store.list_events(EventFilter(article_id=b))[0]["id"]
    ev_c = store.list_events(EventFilter(article_id=c))[0]["id"]
    assert store.merge_events(ev_a, [ev_b]) == 1
    assert store.count_events() == 3
    assert store.count_events(EventFilter(include_merged=True)) == 4
    merged = store.get_event(ev_a)
    assert merged["n_sources"] == 2 and merged["fatalities"] == 3  # max of 2 and 3
    assert {(s["article_id"], s["role"]) for s in merged["sources"]} >= {(a, "evidence"), (b, "merged")}
    assert store.list_events(EventFilter(story_id="story-1"))[0]["id"] == ev_a
    # the absorbed article still shows its evidence and where it went
    art_b = store.get_article(b)
    assert art_b["events"][0]["merged_into"] == ev_a
    # merging the survivor into another carries the earlier merge along
    assert store.merge_events(ev_c, [ev_a]) == 1
    assert store.get_event(ev_b)["merged_into"] == ev_c
    assert store.get_event(ev_c)["n_sources"] == 3
    with pytest.raises(KeyError):
        store.merge_events(123_456, [ev_c])


def test_entities_search_summary_and_facets(store):
    _fill(store)
    ents = store.list_entities()
    assert ents[0]["mentions"] == 4 and ents[0]["articles"] == 4
    assert {e["name"] for e in ents[:2]} == {"Islamic State", "Joint Operations Command"}
    assert [e["name"] for e in store.list_entities(label="loc", q="ال")] == ["الرقة", "الموصل"]
    hits = store.search("والموصل")
    assert len(hits) == 1 and store.count_search("الموصل") == 1
    art = store.get_article(hits[0]["id"])
    assert art["text"][hits[0]["match_start"]:hits[0]["match_end"]] == "موصل"
    assert "الموصل" in hits[0]["snippet"]
    assert store.search("") == [] and store.count_search("  ") == 0
    s = store.summary()
    assert s["articles"] == 4 and s["events"] == 4 and s["event_dates"] == ["2016-05-01", "2017-11-03"]
    assert s["by_country"][0] == {"country_code": "IQ", "country": "Iraq", "events": 2}
    assert s["top_actors"][0] == {"actor": "Military Forces of Iraq", "events": 4}
    assert store.facets(EventFilter(country="IQ"))["event_type"] == [("Battles", 1), ("Explosions/Remote violence", 1)]
    assert store.timeline(bin="year") == [("2016", 1), ("2017", 3)]
    assert [p["id"] for p in store.points(EventFilter(country="IQ"))] == [
        e["id"] for e in store.list_events(EventFilter(country="IQ"))]


def test_delete_article(store):
    a, b, *_ = _fill(store)
    assert store.delete_article(a) and not store.delete_article(a)
    assert store.get_article(a) is None and store.count_events() == 3
    assert store.count_search("الموصل") == 0 and store.count_search("بغداد") == 1


def test_migrations_are_recorded_once(db_url):
    st = Store.open(db_url)
    assert current_version(st.engine) == LATEST
    st.add_document(make_document(1))
    st.close()
    again = Store.open(db_url)  # reopening migrates nothing and keeps the data
    assert current_version(again.engine) == LATEST and again.counts()["articles"] == 1
    again.close()


def test_content_hash_ignores_bom_and_outer_space():
    assert content_hash("\ufeffنص الخبر\n") == content_hash("نص الخبر")
    assert content_hash("نص الخبر") != content_hash("نص  الخبر")
