"""The spaCy component: Marsad's spans land on spaCy tokens and keep Marsad's own records."""

from __future__ import annotations

import pytest

spacy = pytest.importorskip("spacy")

import marsad.spacy_pipe  # noqa: E402,F401  (registers the factory)

TEXT = (
    "شنت طائرات حربية غارات على مواقع لتنظيم داعش في مدينة الموصل العراقية يوم الخميس، "
    "وقال المتحدث باسم وزارة الدفاع العميد يحيى رسول إن الغارات دمرت مخازن للأسلحة."
)


@pytest.fixture(scope="module")
def doc():
    nlp = spacy.blank("ar")
    nlp.add_pipe("marsad", config={"published": "2016-06-10"})
    return nlp(TEXT)


def test_places_carry_coordinates_and_exact_offsets(doc):
    places = {s.text: s for s in doc.spans["places"]}
    assert "الموصل" in places
    record = places["الموصل"]._.marsad
    assert record["country"] == "IQ" and places["الموصل"].label_ == "IQ"
    assert abs(record["lat"] - 36.34) < 0.3 and abs(record["lon"] - 43.13) < 0.3
    assert TEXT[record["start"]:record["end"]] == "الموصل"


def test_dates_are_resolved_against_published(doc):
    assert [s.label_ for s in doc.spans["dates"]] == ["2016-06-09"]


def test_entities_become_doc_ents_on_token_boundaries(doc):
    mdoc = doc._.marsad
    assert mdoc.entities and len(doc.ents) == len(mdoc.entities)
    for ent, m in zip(doc.ents, mdoc.entities, strict=True):
        # the spaCy span covers Marsad's span exactly, or widens it to whole spaCy tokens
        assert ent.start_char <= m.start and ent.end_char >= m.end and ent.label_ == m.label
    # a proclitic-bearing spaCy token is covered whole ("expand")
    assert any(e.text.endswith("داعش") and e.label_ == "ORG" for e in doc.ents)


def test_events_and_quotes(doc):
    events = [s._.marsad for s in doc.spans["events"]]
    assert any(e["sub_event_type"] == "Air/drone strike" and e["place"]["country"] == "IQ" for e in events)
    assert [s.label_ for s in doc.spans["quotes"]] and doc.spans["quotes"][0].text.startswith("الغارات")
    assert marsad.spacy_pipe.to_records(doc)["events"]


def test_unprocessed_doc_is_a_clear_error():
    nlp = spacy.blank("ar")
    with pytest.raises(ValueError, match="add_pipe"):
        marsad.spacy_pipe.to_records(nlp("نص"))
