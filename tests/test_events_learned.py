"""The events stage's learned place chooser and event filter (events/learned.py), and the shared
matcher (events/evaluate.py). Sentences written here in the style of Arabic news; other stages'
annotations added by hand (test_events_helpers)."""

from __future__ import annotations

import json

import numpy as np
import pytest

from marsad.events import learned
from marsad.events.evaluate import match_article
from marsad.events.learned import EVENT_FEATURES, PLACE_FEATURES, Model, load_model, pick
from marsad.events.stage import REPORT_THRESHOLD, Events, reportable
from test_events_helpers import actor, make_doc, place, timex

SPEAKER_TEXT = ("وقال مصدر أمني في عدن إن طائرات التحالف قصفت أمس مواقع للمتمردين الحوثيين في مدينة تعز، "
                "ما أسفر عن مقتل 12 مسلحا.")


def speaker_doc():
    doc = make_doc(SPEAKER_TEXT)
    place(doc, "عدن", "Aden", 12.78, 45.04, "YE", "Aden")
    place(doc, "تعز", "Taiz", 13.58, 44.02, "YE", "Taiz")
    actor(doc, "التحالف", "coalition", "Saudi-led Coalition", "military", 8)
    actor(doc, "الحوثيين", "houthis", "Houthis", "rebel group", 2, "YE")
    timex(doc, "أمس", "2015-08-07")
    return doc


def traced(doc, monkeypatch):
    """Run the events stage with the model off and the training trace on: (event, candidates, base)."""
    monkeypatch.setenv(learned.ENV, "off")
    monkeypatch.setattr(learned, "TRACE", [])
    Events()(doc)
    return [(ev, cands, base) for _d, ev, cands, base in learned.TRACE]


def feat(c, name):
    return c.x[PLACE_FEATURES.index(name)]


def test_place_features_of_a_speakers_place_and_the_event_town(monkeypatch):
    rows = traced(speaker_doc(), monkeypatch)
    assert len(rows) == 1
    ev, cands, base = rows[0]
    by_name = {c.place.name: c for c in cands}
    assert set(by_name) == {"Aden", "Taiz"}
    aden, taiz = by_name["Aden"], by_name["Taiz"]
    assert feat(aden, "speaker") == 1.0 and feat(taiz, "speaker") == 0.0
    assert feat(taiz, "prep_in") == 1.0  # «في مدينة تعز»: through the generic noun
    assert feat(taiz, "after") == 1.0 and feat(aden, "after") == 0.0
    assert feat(taiz, "in_sent") == 1.0 and feat(aden, "in_sent") == 1.0
    assert 0.0 < feat(taiz, "dist") < 1.0 and 0.0 < feat(aden, "dist") < 1.0
    # «… في عدن إن طائرات التحالف قصفت …»: what the source says is another clause
    assert feat(taiz, "same_clause") == 1.0 and feat(aden, "same_clause") == 0.0
    assert feat(aden, "most_frequent") == 1.0  # a tie: the first named
    assert feat(aden, "not_event") == 1.0  # the rules' own test agrees
    assert feat(taiz, "rules") == 1.0 and taiz.rules  # the rules chose Taiz too
    assert len(cands[0].x) == len(PLACE_FEATURES)
    assert len(base) + 5 == len(EVENT_FEATURES)
    assert base[EVENT_FEATURES.index("type=Explosions/Remote violence")] == 1.0
    assert base[EVENT_FEATURES.index("fatal")] == 1.0
    assert base[EVENT_FEATURES.index("own_day")] == 1.0


def test_twin_event_of_another_type_is_a_feature(monkeypatch):
    doc = make_doc("فجر انتحاري نفسه أمس في سوق بمدينة الرمادي. واندلعت اشتباكات أمس في الرمادي بين الجيش "
                   "ومسلحي التنظيم.")
    place(doc, "الرمادي", "Ramadi", 33.42, 43.3, "IQ", "Anbar")
    place(doc, "الرمادي", "Ramadi", 33.42, 43.3, "IQ", "Anbar", nth=1)
    actor(doc, "الجيش", "iraq_army", "Military Forces of Iraq", "military", 1, "IQ")
    actor(doc, "التنظيم", "isis", "Islamic State", "jihadist group", 2, None)
    timex(doc, "أمس", "2015-08-07")
    timex(doc, "أمس", "2015-08-07", nth=1)
    rows = traced(doc, monkeypatch)
    types = {ev.event_type for ev, _c, _b in rows}
    assert types == {"Explosions/Remote violence", "Battles"}
    for _ev, _c, base in rows:
        assert base[EVENT_FEATURES.index("twin_other_type")] == 1.0


def test_pick_keeps_the_rules_place_unless_beaten_by_the_margin():
    scores = np.array([0.5, 2.0, 9.0])
    # the rules chose candidate 0; candidate 2 is a country and never chosen
    assert pick(scores, [True, False, False], [False, False, True], margin=1.0) == 1
    assert pick(scores, [True, False, False], [False, False, True], margin=2.0) == 0
    # no rules place below country level: the event stays unplaced
    assert pick(scores, [False, False, True], [False, False, True], margin=0.0) == 2
    assert pick(scores, [False, False, False], [False, False, False], margin=0.0) == -1


def hand_model(place_w: list[float], bias: float = 0.0, threshold: float = 0.5, margin: float = 0.0) -> Model:
    d = {"place": {"features": list(PLACE_FEATURES), "weights": [*place_w, 0.0], "mean": [0.0] * len(PLACE_FEATURES),
                   "std": [1.0] * len(PLACE_FEATURES), "margin": margin},
         "event": {"features": list(EVENT_FEATURES), "weights": [0.0] * len(EVENT_FEATURES) + [bias],
                   "mean": [0.0] * len(EVENT_FEATURES), "std": [1.0] * len(EVENT_FEATURES), "threshold": threshold}}
    return Model.from_dict(d)


def test_chooser_prefers_the_in_clause_town_over_the_speakers_place(monkeypatch):
    # a chooser that weighs only the speaker's phrase and the clause, and a rules choice forced to the
    # speaker's place: the model moves the event to the town of its own clause
    w = [0.0] * len(PLACE_FEATURES)
    w[PLACE_FEATURES.index("speaker")] = -3.0
    w[PLACE_FEATURES.index("same_clause")] = 2.0
    monkeypatch.setattr(learned, "load_model", lambda *_a: hand_model(w, bias=5.0))
    monkeypatch.delenv(learned.ENV, raising=False)
    doc = speaker_doc()
    events = Events()
    events(doc)
    assert [e.place.name for e in doc.events] == ["Taiz"]
    ev = doc.events[0]
    aden = next(p for p in doc.places if p.name == "Aden")
    ev.place = aden  # as if the rules had taken the speaker's place
    from marsad.events.arguments import Arguments
    from marsad.events.context import View
    from marsad.events.triggers import find_triggers

    view = View.of(doc)
    view.hits = find_triggers(view)
    finder = Arguments(view)
    finder.trigger_starts = sorted(doc.tokens[h.i].start for h in view.hits)
    changed = learned.apply(doc, doc.events, finder, REPORT_THRESHOLD)
    assert changed == [ev] and ev.place.name == "Taiz"
    assert doc.text[ev.place.start:ev.place.end] == "تعز"  # the place keeps its own evidence span
    assert reportable(ev)


@pytest.mark.parametrize("path", [learned.MODEL_PATH, learned.CANDIDATE_PATH])
def test_trained_model_ranks_the_event_town_above_the_speakers_place(monkeypatch, path):
    model = load_model(path)
    if model is None:
        pytest.skip(f"no {path.name}")
    rows = traced(speaker_doc(), monkeypatch)
    cands = rows[0][1]
    scores = model.place_scores(np.array([c.x for c in cands]))
    best = cands[int(np.argmax(scores))]
    assert best.place.name == "Taiz"


def test_off_switch_and_the_filter(monkeypatch):
    # a filter that rejects everything (probability sigmoid(-10) under threshold 0.5)
    monkeypatch.setattr(learned, "load_model", lambda *_a: hand_model([0.0] * len(PLACE_FEATURES), bias=-10.0))
    monkeypatch.setenv(learned.ENV, "off")
    doc = speaker_doc()
    Events()(doc)
    assert doc.events and all(reportable(e) for e in doc.events)  # the rules alone
    monkeypatch.delenv(learned.ENV)
    assert learned.enabled() and learned.model_path() == learned.MODEL_PATH
    monkeypatch.setenv(learned.ENV, "/tmp/some_model.json")
    assert learned.enabled() and str(learned.model_path()) == "/tmp/some_model.json"
    monkeypatch.delenv(learned.ENV)
    doc = speaker_doc()
    Events()(doc)
    assert doc.events and not any(reportable(e) for e in doc.events)  # kept, but not reported
    assert all(e.confidence < REPORT_THRESHOLD for e in doc.events)


@pytest.mark.parametrize("path", [learned.MODEL_PATH, learned.CANDIDATE_PATH])
def test_model_file_is_consistent_with_the_code(path):
    model = load_model(path)
    if model is None:
        pytest.skip(f"no {path.name}")
    assert model.place_w.shape == (len(PLACE_FEATURES) + 1,)
    assert model.event_w.shape == (len(EVENT_FEATURES) + 1,)
    assert 0.0 < model.threshold < 1.0
    raw = json.loads(path.read_text("utf-8"))
    raw["event"]["features"] = raw["event"]["features"][:-1]
    with pytest.raises(ValueError):
        Model.from_dict(raw)


def test_one_to_one_matching():
    gold = [{"event_type": "Battles", "place": {"lat": 33.0, "lon": 44.0}, "date": "2015-08-07"},
            {"event_type": "Battles", "place": {"lat": 33.1, "lon": 44.1}, "date": "2015-08-07"}]
    preds = [{"event_type": "Battles", "place": {"lat": 33.05, "lon": 44.0}, "date": "2015-08-08"},
             {"event_type": "Battles", "place": {"lat": 36.0, "lon": 44.0}, "date": "2015-08-07"},
             {"event_type": "Riots", "place": {"lat": 33.0, "lon": 44.0}, "date": "2015-08-07"}]
    m = match_article(gold, preds)
    assert m.pairs == [(0, 0)]  # one prediction matches one gold event only
    assert m.missed == [1]
    assert m.near["place off"] >= 1


def test_a_failing_model_leaves_the_rules_events(monkeypatch):
    class Broken:
        margin = 0.0
        threshold = 0.5

        def place_scores(self, x):
            raise FloatingPointError("bad weights")

    monkeypatch.setattr(learned, "load_model", lambda *_a: Broken())
    monkeypatch.delenv(learned.ENV, raising=False)
    doc = speaker_doc()
    Events()(doc)
    assert [e.place.name for e in doc.events] == ["Taiz"] and all(reportable(e) for e in doc.events)
    assert "FloatingPointError" in doc.errors["events.learned"]
