"""The whole pipeline on the project's own sample articles (samples/, written by us in wire style).

Each assertion is a fact a reader of the article would record, reached through every stage:
dates resolved against publication, places geocoded, actors linked, events coded, quotes attributed.
"""

import json
import math
from pathlib import Path

import pytest

import marsad

SAMPLES = Path(__file__).resolve().parent.parent / "samples" / "news-sample.jsonl"


@pytest.fixture(scope="module")
def docs():
    out = {}
    for line in SAMPLES.read_text(encoding="utf-8").splitlines():
        art = json.loads(line)
        out[art["id"]] = marsad.extract(art["text"], published=art["published"], id=art["id"]).to_dict()
    return out


def km(lat1, lon1, lat2, lon2):
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 6371 * 2 * math.asin(math.sqrt(a))


def test_no_stage_fails_and_every_span_is_exact(docs):
    for d in docs.values():
        assert d["error"] is None and d["stage_errors"] is None
    for art in map(json.loads, SAMPLES.read_text(encoding="utf-8").splitlines()):
        d = docs[art["id"]]
        for key in ("entities", "timexes", "places", "quotes"):
            for item in d[key]:
                assert art["text"][item["start"]:item["end"]] == item["text"]


def test_dates_of_every_calendar_resolve(docs):
    maghrebi = [t for t in docs["sample-libya-agreement"]["timexes"] if "جويلية" in t["text"]]
    assert maghrebi and maghrebi[0]["value"] == "2015-07-11"  # Maghrebi month name
    hijri = [t for t in docs["sample-iraq-bombing"]["timexes"] if "رمضان" in t["text"]]
    assert hijri and hijri[0]["value"] == "2016-07-03"  # 28 Ramadan 1437 AH
    syria = {t["text"]: t["value"] for t in docs["sample-syria-clashes"]["timexes"]}
    assert syria["11 شباط 2016"] == "2016-02-11"  # Levantine month name
    assert syria.get("أمس") == "2016-02-11"  # relative to publication (12 Feb)


def test_places_are_geocoded_in_their_countries(docs):
    def place(doc_id, surface):
        return next(p for p in docs[doc_id]["places"] if p["text"] == surface)

    assert place("sample-syria-clashes", "معرة النعمان")["country"] == "SY"
    assert place("sample-turkey-pkk", "ديار بكر")["country"] == "TR"
    sanaa = place("sample-yemen-airstrike", "صنعاء")
    assert km(sanaa["lat"], sanaa["lon"], 15.35, 44.21) < 25
    karrada = [p for p in docs["sample-iraq-bombing"]["places"] if p["text"] in ("الكرادة", "بغداد")]
    assert all(km(p["lat"], p["lon"], 33.31, 44.42) < 25 for p in karrada) and karrada


def test_people_are_linked_to_canonical_names(docs):
    canon = {e["text"]: e["canonical"] for e in docs["sample-iraq-bombing"]["entities"]}
    assert canon["حيدر العبادي"] == "Haider al-Abadi"
    assert canon["العبادي"] == "Haider al-Abadi"  # short form after the full mention


def test_quotes_have_their_speakers(docs):
    speakers = {q["speaker"]["name"] for q in docs["sample-syria-clashes"]["quotes"] if q["speaker"]}
    assert "Sergei Lavrov" in speakers
    abadi = [q for q in docs["sample-iraq-bombing"]["quotes"] if "لن نسمح" in q["text"]]
    assert abadi and abadi[0]["speaker"]["name"] == "Haider al-Abadi" and abadi[0]["direct"]


def test_events_are_coded_with_type_actor_place_and_date(docs):
    regains = [e for e in docs["sample-syria-clashes"]["events"]
               if e["sub_event_type"] == "Government regains territory" and e["modality"] == "asserted"]
    assert regains
    ev = regains[0]
    assert ev["actor1"]["name"] == "Military Forces of Syria" and ev["date"] == "2016-02-11"
    assert km(ev["place"]["lat"], ev["place"]["lon"], 36.37, 37.0) < 50  # Nubl, north of Aleppo
    # arrests at a protest: ACLED codes the protest, with the police as the intervening actor
    protest = [e for e in docs["sample-egypt-protest"]["events"] if e["event_type"] == "Protests"]
    assert any(e["sub_event_type"] == "Protest with intervention" and e["date"] == "2016-04-25"
               and e["actor2"]["name"] == "Police Forces of Egypt" and e["place"]["country"] == "EG" for e in protest)
    strikes = [e for e in docs["sample-yemen-airstrike"]["events"] if e["sub_event_type"] == "Air/drone strike"
               and e["modality"] == "asserted"]
    assert any(e["fatalities"] == 12 and e["place"]["name"] == "Sanaa" for e in strikes)


def test_a_claimed_bombing_keeps_its_type_and_gets_the_claimant(docs):
    bombs = [e for e in docs["sample-iraq-bombing"]["events"] if e["event_type"] == "Explosions/Remote violence"]
    assert bombs and bombs[0]["sub_event_type"] == "Suicide bomb"
    assert bombs[0]["fatalities"] == 23 and bombs[0]["date"] == "2016-07-03"
    assert bombs[0]["actor1"]["name"] == "Islamic State"  # «وتبنى تنظيم الدولة الإسلامية الهجوم»
