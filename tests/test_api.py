"""The HTTP API over a temporary SQLite store filled with hand-made documents."""

from __future__ import annotations

import csv
import io
import json
import warnings

import pytest

from marsad import pipeline
from marsad.api.app import create_app
from marsad.store import ACLED_COLUMNS
from test_api_support import ARTICLES, fill_store
from test_store_support import BACKENDS, open_store

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

TOKEN = "s3cret-token-for-tests"


@pytest.fixture(scope="module", params=BACKENDS)
def store(request, tmp_path_factory):
    """The hand-made articles in SQLite, and in PostgreSQL when MARSAD_TEST_PG_URL is set."""
    st, dispose = open_store(request.param, tmp_path_factory.mktemp("api"))
    st.ids = fill_store(st)
    yield st
    dispose()


@pytest.fixture(scope="module")
def client(store):
    return TestClient(create_app(backend=store, token=None))


def events(client, **params):
    r = client.get("/api/events", params=params)
    assert r.status_code == 200, r.text
    return r.json()


def assert_error(r, status: int, words: str = ""):
    assert r.status_code == status, r.text
    body = r.json()
    assert body["error"]["status"] == status and words in body["error"]["message"], body


# -- reads -------------------------------------------------------------------------
def test_healthz(client):
    r = client.get("/healthz")
    assert r.status_code == 200
    assert r.json() == {"status": "ok", "version": r.json()["version"], "read_only": True, "store": "ok"}


def test_healthz_reports_a_store_that_is_down(store):
    class Down:
        def healthy(self) -> bool:
            return False

    r = TestClient(create_app(backend=Down())).get("/healthz")
    assert_error(r, 503, "store unavailable")


def test_event_filters(client):
    assert events(client)["total"] == len(ARTICLES)
    iq = events(client, country="IQ")
    assert iq["total"] == 3 and {e["country_code"] for e in iq["events"]} == {"IQ"}
    assert events(client, country="Iraq")["total"] == 3  # names and alpha-3 work too
    assert events(client, country="IRQ,SY")["total"] == 4
    assert [e["location"] for e in events(client, event_type="Battles")["events"]] == ["الموصل"]
    assert events(client, sub_event_type="Air/drone strike")["events"][0]["country_code"] == "SY"
    assert events(client, admin1="Basra")["events"][0]["sub_event_type"] == "Agreement"
    assert {e["actor2"] for e in events(client, actor="islamic")["events"]} == {"Islamic State"}
    assert [e["location"] for e in events(client, **{"from": "2017-06-10", "to": "2017-06-12"})["events"]] == ["بغداد"]
    # Iraq's north-west quarter: Mosul only
    assert [e["location"] for e in events(client, bbox="40,35,45,38")["events"]] == ["الموصل"]
    # full-text over the articles, Arabic normalised
    assert [e["location"] for e in events(client, q="صنعاء")["events"]] == ["صنعاء"]
    assert events(client, q="غارات", country="IQ")["total"] == 0


def test_event_rows_carry_acled_columns_and_evidence(client, store):
    ev = events(client, event_type="Battles")["events"][0]
    for col in ACLED_COLUMNS:
        assert col in ev
    assert ev["event_id_cnty"].startswith("IRQ") and ev["iso"] == 368 and ev["country"] == "Iraq"
    art = client.get(f"/api/articles/{ev['article_id']}").json()
    assert art["text"][ev["evidence_start"]:ev["evidence_end"]] == ev["evidence_text"]
    assert "اشتبكت" in ev["evidence_text"]


def test_paging(client):
    first = events(client, limit=4)
    assert first["total"] == 6 and len(first["events"]) == 4 and "offset=4" in first["next"]
    second = client.get(first["next"]).json()
    assert len(second["events"]) == 2 and second["next"] is None
    ids = [e["id"] for e in first["events"] + second["events"]]
    assert len(set(ids)) == 6
    dates = [e["event_date"] for e in first["events"] + second["events"]]
    assert dates == sorted(dates, reverse=True)  # newest first
    assert events(client, limit=2, offset=100) == {"total": 6, "total_exact": True, "limit": 2, "offset": 100,
                                                   "next": None, "events": []}


def test_totals_are_counted_up_to_a_cap(store):
    c = TestClient(create_app(backend=store, count_cap=4))
    page = c.get("/api/events", params={"limit": 2}).json()
    assert (page["total"], page["total_exact"]) == (4, False) and "offset=2" in page["next"]
    assert c.get("/api/events", params={"limit": 2, "country": "IQ"}).json()["total_exact"] is True
    deep = c.get("/api/events", params={"limit": 2, "offset": 4}).json()  # paging past the cap still works
    assert len(deep["events"]) == 2 and deep["total"] == 6 and deep["total_exact"] is True
    exact = TestClient(create_app(backend=store, count_cap=0)).get("/api/events", params={"limit": 2}).json()
    assert (exact["total"], exact["total_exact"]) == (6, True)


@pytest.mark.parametrize("params, words", [
    ({"limit": 501}, "limit"),
    ({"limit": 0}, "limit"),
    ({"offset": -1}, "offset"),
    ({"bbox": "1,2,3"}, "bbox"),
    ({"bbox": "50,10,40,20"}, "bbox"),
    ({"bbox": "nan,1,2,3"}, "bbox"),
    ({"from": "2017-13-01"}, "from"),
    ({"country": "Atlantis"}, "country"),
    ({"q": "x" * 201}, "q"),
])
def test_bad_parameters_are_clear_json_errors(client, params, words):
    assert_error(client.get("/api/events", params=params), 422, words)


def test_points_timeline_facets(client):
    pts = client.get("/api/events/points", params={"country": "IQ"}).json()
    assert pts["fields"] == ["id", "latitude", "longitude", "event_type"] and pts["total"] == 3
    assert all(-90 <= p[1] <= 90 and -180 <= p[2] <= 180 for p in pts["points"])
    tl = client.get("/api/timeline").json()
    assert sum(b["count"] for b in tl["bins"]) == 6 and tl["bins"][0]["date"] == "2017-04-29"
    assert client.get("/api/timeline", params={"bin": "month"}).json()["bins"][0] == {"date": "2017-04", "count": 1}
    assert_error(client.get("/api/timeline", params={"bin": "hour"}), 422)
    fac = client.get("/api/facets").json()
    assert {"value": "IQ", "count": 3} in fac["country"]
    assert fac["event_type"][0] == {"value": "Explosions/Remote violence", "count": 2}


def test_csv_has_acled_header_and_rows(client):
    r = client.get("/api/events.csv", params={"country": "IQ"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(r.text)))
    assert tuple(rows[0][:len(ACLED_COLUMNS)]) == ACLED_COLUMNS
    assert rows[0][len(ACLED_COLUMNS):][:2] == ["marsad_id", "marsad_article_id"]  # Marsad's after ACLED's
    assert len(rows) == 4
    body = [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]
    assert {b["country"] for b in body} == {"Iraq"} and {b["iso"] for b in body} == {"368"}
    assert {b["location"] for b in body} == {"الموصل", "بغداد", "البصرة"}
    limited = client.get("/api/events.csv", params={"limit": 1}).text.strip().splitlines()
    assert len(limited) == 2


def test_geojson_is_valid_rfc7946(client):
    r = client.get("/api/events.geojson")
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/geo+json")
    fc = json.loads(r.text)
    assert fc["type"] == "FeatureCollection" and len(fc["features"]) == 6
    for f in fc["features"]:
        assert f["type"] == "Feature" and f["geometry"]["type"] == "Point"
        lon, lat = f["geometry"]["coordinates"]
        assert isinstance(lon, float) and -180 <= lon <= 180 and -90 <= lat <= 90
        assert f["id"] == f["properties"]["id"] and f["properties"]["event_type"]
    by_id = {e["id"]: e for e in events(client)["events"]}
    for f in fc["features"]:
        assert f["geometry"]["coordinates"] == [by_id[f["id"]]["longitude"], by_id[f["id"]]["latitude"]]
    assert len(json.loads(client.get("/api/events.geojson", params={"event_type": "Protests"}).text)["features"]) == 1


def test_article_with_all_spans(client, store):
    aid = store.ids["mosul-1"]
    art = client.get(f"/api/articles/{aid}").json()
    text = art["text"]
    assert art["external_id"] == "mosul-1" and text.startswith("أعلنت")
    for key in ("entities", "timexes", "places", "quotes"):
        assert art[key], key
        for span in art[key]:
            assert text[span["start"]:span["end"]] == span["text"]
    assert {e["text"]: e["label"] for e in art["entities"]}["يحيى رسول"] == "PER"
    ev = art["events"][0]
    assert text[ev["evidence"]["start"]:ev["evidence"]["end"]] == ev["evidence"]["text"]
    assert text[ev["trigger"]["start"]:ev["trigger"]["end"]] == "اشتبكت"
    # the id the article came with works too
    assert client.get("/api/articles/mosul-1").json()["id"] == aid
    assert_error(client.get("/api/articles/999999"), 404, "no article")
    assert_error(client.get("/api/articles/nope"), 404)


def test_event_by_id(client):
    ev = events(client, event_type="Protests")["events"][0]
    one = client.get(f"/api/events/{ev['id']}").json()
    assert one["location"] == "القاهرة" and one["sources"][0]["article_id"] == ev["article_id"]
    assert_error(client.get("/api/events/987654"), 404)
    assert_error(client.get("/api/events/abc"), 422)


def test_entities_and_search(client):
    orgs = client.get("/api/entities", params={"label": "ORG"}).json()["entities"]
    assert orgs and {e["label"] for e in orgs} == {"ORG"}
    assert "Islamic State" in {e["name"] for e in orgs}
    assert [e["name"] for e in client.get("/api/entities", params={"q": "رسول"}).json()["entities"]] == ["يحيى رسول"]
    assert_error(client.get("/api/entities", params={"label": "XYZ"}), 422)
    hits = client.get("/api/search", params={"q": "الطلاب"}).json()
    assert hits["total"] == 1 and hits["results"][0]["external_id"] == "cairo-1" and "الطلاب" in hits["results"][0]["snippet"]
    assert_error(client.get("/api/search"), 422)
    assert client.get("/api/search", params={"q": "كلمةغيرموجودة"}).json()["total"] == 0


def test_hostile_strings_are_data_not_sql(client, store):
    before = store.counts()
    for actor in ("' OR 1=1 --", "x'; DROP TABLE events; --", "%", "_", "\\"):
        assert events(client, actor=actor)["total"] == 0, actor
    for path in ("/api/events", "/api/search", "/api/entities"):
        assert_error(client.get(path, params={"q": "a\x00b"}), 422, "NUL")
    assert_error(client.get("/api/articles/a%00b"), 422, "NUL")
    for q in ('"', "*", "NEAR(", "a OR b", "-x", "' OR ''='", "\u202e", "ـــ", "\U0001F600"):
        r = client.get("/api/events", params={"q": q})
        assert r.status_code in (200, 422), (q, r.text)
        if r.status_code == 200:
            assert r.json()["total"] <= 6
        assert client.get("/api/search", params={"q": q}).status_code in (200, 422)
    assert_error(client.get("/api/events", params={"country": "IQ' OR '1'='1"}), 422, "country")
    assert store.counts() == before


def test_unknown_routes_and_methods_are_json(client):
    assert_error(client.get("/api/nothing"), 404)
    assert_error(client.delete("/api/events"), 405)
    assert_error(client.put("/api/articles/1", json={}), 405)


# -- the UI and the OpenAPI document ----------------------------------------------
def test_ui_and_docs_are_served(client):
    r = client.get("/")
    assert r.status_code == 200 and "leaflet.js" in r.text and 'id="map"' in r.text
    csp = r.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "default-src 'self'" in csp
    assert r.headers["x-frame-options"] == "DENY" and r.headers["x-content-type-options"] == "nosniff"
    for path in ("/static/app.js", "/static/vendor/leaflet/leaflet.js", "/static/vendor/leaflet/LICENSE",
                 "/static/vendor/world-atlas/countries-50m.json", "/static/vendor/world-atlas/LICENSE"):
        assert client.get(path).status_code == 200, path
    topo = client.get("/static/vendor/world-atlas/countries-50m.json").json()
    assert topo["type"] == "Topology" and len(topo["objects"]["countries"]["geometries"]) > 200
    assert client.get("/static/../deps.py").status_code == 404
    spec = client.get("/openapi.json").json()
    for path in ("/api/events", "/api/events.geojson", "/api/events.csv", "/api/articles/{article_id}",
                 "/api/entities", "/api/search", "/healthz"):
        assert path in spec["paths"], path
    assert spec["paths"]["/api/articles"]["post"]["security"] == [{"HTTPBearer": []}]
    assert client.get("/docs").status_code == 200


def test_tile_url_is_configurable_and_allowed_by_csp(store):
    c = TestClient(create_app(backend=store, tile_url="https://{s}.tile.example.org/{z}/{x}/{y}.png"))
    assert c.get("/api/config").json()["tile_url"] == "https://{s}.tile.example.org/{z}/{x}/{y}.png"
    assert "https://*.tile.example.org" in c.get("/").headers["content-security-policy"]
    assert TestClient(create_app(backend=store)).get("/api/config").json()["tile_url"] is None


# -- CORS, writes, limits ----------------------------------------------------------
def test_cors_is_off_unless_configured(store, client):
    r = client.get("/api/events", headers={"Origin": "https://evil.example"})
    assert "access-control-allow-origin" not in r.headers
    c = TestClient(create_app(backend=store, cors_origins=["https://analyst.example"]))
    ok = c.get("/api/events", headers={"Origin": "https://analyst.example"})
    assert ok.headers["access-control-allow-origin"] == "https://analyst.example"
    other = c.get("/api/events", headers={"Origin": "https://evil.example"})
    assert "access-control-allow-origin" not in other.headers


def test_writes_need_a_token(client, store, monkeypatch):
    body = {"text": "تظاهر مئات العمال في مدينة البصرة يوم الأحد للمطالبة بفرص عمل.", "published": "2017-07-02"}
    assert_error(client.post("/api/articles", json=body), 401, "read-only")
    assert_error(client.post("/api/articles", json=body, headers={"Authorization": "Bearer x"}), 403, "read-only")
    monkeypatch.setenv("MARSAD_API_TOKEN", TOKEN)
    core = pipeline.build(["normalise", "segment"])  # the core stages: independent of the models
    writable = TestClient(create_app(backend=store, pipeline=core))  # the token from the environment
    r = writable.post("/api/articles", json=body)
    assert_error(r, 401, "token")
    assert r.headers["www-authenticate"] == "Bearer"
    assert_error(writable.post("/api/articles", json=body, headers={"Authorization": "Bearer wrong"}), 401)
    assert_error(writable.post("/api/articles", json=body, headers={"Authorization": f"Basic {TOKEN}"}), 401)
    n = store.counts()["articles"]
    auth = {"Authorization": f"Bearer {TOKEN}"}
    r = writable.post("/api/articles", json=body, headers=auth)
    assert r.status_code == 201, r.text
    created = r.json()
    assert created["created"] is True and store.counts()["articles"] == n + 1
    art = writable.get(f"/api/articles/{created['id']}").json()
    assert art["text"] == body["text"] and art["published"] == "2017-07-02"
    again = writable.post("/api/articles", json=body, headers=auth)  # idempotent by content
    assert again.status_code == 200 and again.json() == created | {"created": False, "events": again.json()["events"]}
    assert store.counts()["articles"] == n + 1
    assert_error(writable.post("/api/articles", json={"text": "   "}, headers=auth), 422, "empty")
    assert_error(writable.post("/api/articles", json={"title": "no text"}, headers=auth), 422, "text")
    store.delete_article(created["id"])


def test_request_body_limit(client):
    big = b"x" * 3_000_000
    assert_error(client.post("/api/articles", content=big, headers={"Content-Type": "application/json"}), 413)

    def chunks():  # no Content-Length: counted as it streams
        for _ in range(40):
            yield b"y" * 100_000

    assert_error(client.post("/api/articles", content=chunks(), headers={"Content-Type": "application/json"}), 413)
    assert_error(client.post("/api/articles", content=b"{}", headers={"Content-Length": "abc"}), 413)


def test_answers_are_cached_briefly_and_writes_clear_them(store):
    calls = []

    class Counting:
        def __getattr__(self, name):
            calls.append(name)
            return getattr(store, name)

    c = TestClient(create_app(backend=Counting(), token=TOKEN, pipeline=pipeline.build(["normalise", "segment"])))
    first = c.get("/api/facets")
    second = c.get("/api/facets")
    assert first.json() == second.json() and calls.count("facets") == 1
    assert second.headers["x-cache"] == "hit" and "x-cache" not in first.headers
    c.get("/api/facets?country=IQ")
    assert calls.count("facets") == 2  # another query is another entry
    assert c.post("/api/articles", json={"text": "نص"}).status_code == 401  # a refused write keeps the cache
    c.get("/api/facets")
    assert calls.count("facets") == 2
    r = c.post("/api/articles", json={"text": "خبر قصير عن اجتماع في الرياض."},
               headers={"Authorization": f"Bearer {TOKEN}"})
    assert r.status_code == 201
    c.get("/api/facets")
    assert calls.count("facets") == 3  # a write went through: recomputed
    store.delete_article(r.json()["id"])
    off = TestClient(create_app(backend=Counting(), cache_ttl=0))
    off.get("/api/timeline")
    off.get("/api/timeline")
    assert calls.count("timeline") == 2


def test_articles_do_not_leak_server_paths(client, store):
    from test_api_support import ARTICLES, make_document

    doc = make_document(ARTICLES[0], suffix=" نسخة")
    doc.meta = {"origin": "/srv/private/feed.jsonl:12", "lang": "ar"}
    doc.errors = {"entities": "FileNotFoundError: [Errno 2] No such file: '/srv/models/ner.npz'"}
    aid = store.add_document(doc).article_id
    art = client.get(f"/api/articles/{aid}").json()
    assert art["meta"] == {"lang": "ar"}
    assert art["stage_errors"] == {"entities": "FileNotFoundError"}
    assert "/srv/" not in json.dumps(art)
    store.delete_article(aid)
