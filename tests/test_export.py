"""Exports: ACLED-format CSV, GeoJSON, JSON Lines and Parquet, from the store and the CLI."""

from __future__ import annotations

import csv
import io
import json

import pytest

from marsad.cli import main
from marsad.io import writers
from marsad.store import EVENT_COLUMNS, EventFilter, Store
from test_store_support import make_document

pytest_plugins = ("test_store_support",)

# ACLED's export header, in ACLED's order (issue 8 / ACLED's export tool).
ACLED_HEADER = (
    "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,"
    "inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,"
    "location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,timestamp"
).split(",")


ALL = EventFilter(all_events=True)  # the writers' tests include the unlocated (non-reportable) event


def _fill(store: Store) -> None:
    store.add_document(make_document(0, "IQ", "الموصل", 36.34, 43.13, "2017-11-03"))
    store.add_document(make_document(1, "SY", "الرقة", 35.95, 39.01, "2017-09-20", event_type="Protests",
                                     sub_event_type="Peaceful protest"))
    unlocated = make_document(2, "IQ", "بغداد", 33.31, 44.36, "2017-08-01")
    unlocated.events[0].place = None
    store.add_document(unlocated)


def test_acled_csv_header_and_rows(store):
    _fill(store)
    out = io.StringIO()
    n = writers.write_acled_csv(store.iter_events(ALL), out)
    rows = list(csv.reader(io.StringIO(out.getvalue())))
    header = rows[0]
    assert n == 3 and len(rows) == 4
    assert header[:30] == ACLED_HEADER
    assert all(h.startswith("marsad_") for h in header[30:]) and "marsad_evidence_text" in header
    rec = dict(zip(header, rows[1], strict=True))
    assert rec["event_id_cnty"].startswith("IRQ") and rec["event_date"] == "2017-11-03"
    assert rec["country"] == "Iraq" and rec["iso"] == "368" and rec["interaction"] == "12"
    assert rec["latitude"] == "36.34" and rec["location"] == "الموصل"
    assert rec["marsad_evidence_text"] in rec["notes"] and rec["marsad_background"] == "false"
    assert rec["assoc_actor_1"] == "" and rec["admin2"] == ""


def test_geojson_is_a_valid_feature_collection(store):
    _fill(store)
    out = io.StringIO()
    n = writers.write_geojson(store.iter_events(ALL), out)
    fc = json.loads(out.getvalue())
    assert fc["type"] == "FeatureCollection" and n == len(fc["features"]) == 2  # the unlocated one left out
    for f in fc["features"]:
        assert f["type"] == "Feature" and f["geometry"]["type"] == "Point"
        lon, lat = f["geometry"]["coordinates"]
        assert -180 <= lon <= 180 and -90 <= lat <= 90
        assert set(f["properties"]) == set(EVENT_COLUMNS) - {"latitude", "longitude"}
    first = next(f for f in fc["features"] if f["properties"]["country_code"] == "SY")
    assert first["geometry"]["coordinates"] == [39.01, 35.95]  # [lon, lat], RFC 7946 order
    everything = json.loads("".join(writers.iter_geojson(store.iter_events(ALL), located_only=False)))
    assert [f["geometry"] for f in everything["features"]].count(None) == 1
    empty = json.loads("".join(writers.iter_geojson([])))
    assert empty == {"type": "FeatureCollection", "features": []}


def test_jsonl_and_parquet_round_trip(store, tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    _fill(store)
    out = io.StringIO()
    assert writers.write_jsonl(store.iter_events(ALL), out) == 3
    lines = [json.loads(x) for x in out.getvalue().splitlines()]
    assert all(list(r) == list(EVENT_COLUMNS) for r in lines)
    path = tmp_path / "events.parquet"
    assert writers.write_parquet(store.iter_events(ALL), path) == 3
    table = pq.read_table(path)
    assert table.num_rows == 3 and table.column_names == list(EVENT_COLUMNS)
    assert str(table.schema.field("event_date").type) == "date32[day]"
    assert str(table.schema.field("fatalities").type) == "int64"
    assert str(table.schema.field("latitude").type) == "double"
    rows = table.to_pylist()
    assert sorted(r["country"] for r in rows) == ["Iraq", "Iraq", "Syria"]
    assert [r["latitude"] for r in rows].count(None) == 1
    empty = tmp_path / "empty.parquet"
    assert writers.write_parquet([], empty) == 0
    assert pq.read_table(empty).column_names == list(EVENT_COLUMNS)


def test_export_command_filters(db_url, tmp_path, capsys):
    store = Store.open(db_url)
    _fill(store)
    store.close()
    out = tmp_path / "sy.csv"
    assert main(["export", "--db", db_url, "--format", "acled-csv", "--country", "SY", str(out)]) == 0
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert [r["country"] for r in rows] == ["Syria"]
    assert main(["export", "--db", db_url, "--format", "jsonl", "--event-type", "Battles", "--from", "2017-10-01",
                 "-"]) == 0
    printed = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert [(r["event_type"], r["event_date"]) for r in printed] == [("Battles", "2017-11-03")]
    geo = tmp_path / "all.geojson"
    assert main(["export", "--db", db_url, "--format", "geojson", "--actor", "islamic", "--to", "2017-10-01",
                 str(geo)]) == 0
    assert len(json.loads(geo.read_text(encoding="utf-8"))["features"]) == 1
    pq = tmp_path / "all.parquet"
    assert main(["export", "--db", db_url, "--format", "parquet", str(pq)]) == 0 and pq.stat().st_size > 0


def test_export_command_errors(tmp_path, capsys):
    db = str(tmp_path / "x.db")
    assert main(["export", "--db", db, "--format", "parquet", "-"]) == 2
    assert main(["export", "--db", db, "--format", "jsonl", "--from", "last week", "-"]) == 2
    assert "from" in capsys.readouterr().err
    assert main(["export", "--db", db, "--format", "jsonl", "--country", "Atlantis", "-"]) == 2
    assert main(["export", "--db", db, "--format", "jsonl", str(tmp_path / "no" / "such" / "dir.jsonl")]) == 1


def test_filter_object_is_reusable_for_api(store):
    _fill(store)
    f = EventFilter(country="IQ", all_events=True)
    assert store.count_events(f) == 2 and len(list(store.iter_events(f))) == 2
    assert store.count_events(EventFilter(country="IQ")) == 1  # the unlocated one is not reportable
