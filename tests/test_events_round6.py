"""Events: the sixth round's general fixes, found on heldout7 (vague past days, purposes told
with a verb). Sentences written for these tests."""

from __future__ import annotations

from marsad.events.stage import Events, reportable
from test_events_helpers import actor, make_doc, place, timex


def run(doc):
    Events()(doc)
    return [e for e in doc.events if reportable(e)]


def army(doc, surface, nth=0):
    return actor(doc, surface, "army_iq", "Military Forces of Iraq", "state forces", 1, "IQ", nth)


def test_an_event_told_as_recent_past_without_its_day_is_not_the_news():
    for cue in ("مؤخرا", "قبل أيام", "في الأيام القليلة الماضية", "في وقت سابق من هذا الأسبوع"):
        doc = make_doc(f"وسيطر الجيش العراقي {cue} على بلدة الكرمة.", "2015-08-08")
        army(doc, "الجيش العراقي")
        place(doc, "الكرمة", "Al Karmah", 33.40, 43.91, "IQ")
        Events()(doc)
        assert doc.events, cue
        assert not [e for e in doc.events if reportable(e)], cue


def test_the_same_capture_told_without_a_vague_past_is_news():
    doc = make_doc("وسيطر الجيش العراقي على بلدة الكرمة.", "2015-08-08")
    army(doc, "الجيش العراقي")
    place(doc, "الكرمة", "Al Karmah", 33.40, 43.91, "IQ")
    assert [e for e in run(doc) if e.event_type == "Battles"]


def test_fighting_going_on_for_weeks_is_not_the_day_news():
    doc = make_doc("وتدور منذ أسابيع معارك عنيفة في بلدة الكرمة.", "2015-08-08")
    place(doc, "الكرمة", "Al Karmah", 33.40, 43.91, "IQ")
    assert not run(doc)


def test_a_verb_after_the_purpose_lam_is_intended():
    doc = make_doc("وقال الجيش العراقي إن عملياته في محيط الكرمة تمهد لاستعادتها.", "2015-08-08")
    army(doc, "الجيش العراقي")
    place(doc, "الكرمة", "Al Karmah", 33.40, 43.91, "IQ")
    Events()(doc)
    assert not [e for e in doc.events if reportable(e) and e.sub_event_type == "Government regains territory"]


def test_bombings_in_towns_across_a_border_or_in_two_governorates_do_not_merge():
    doc = make_doc("قتل 30 شخصا في تفجير انتحاري في مدينة سروج التركية. "
                   "وقتل عشرة أشخاص في تفجير انتحاري بسيارة مفخخة في مدينة عين العرب.", "2015-07-21")
    place(doc, "سروج", "Suruc", 36.98, 38.42, "TR", admin1="Sanliurfa")
    place(doc, "عين العرب", "Kobani", 36.89, 38.35, "SY", admin1="Aleppo")
    assert len([e for e in run(doc) if e.event_type == "Explosions/Remote violence"]) == 2
    doc = make_doc("قتل 30 شخصا في تفجير انتحاري في مدينة حماة. "
                   "وقتل عشرة أشخاص في تفجير انتحاري بسيارة مفخخة في بلدة الرستن.", "2015-07-21")
    place(doc, "حماة", "Hama", 35.13, 36.75, "SY", admin1="Hama")
    place(doc, "الرستن", "Ar Rastan", 34.93, 36.73, "SY", admin1="Homs")
    assert len([e for e in run(doc) if e.event_type == "Explosions/Remote violence"]) == 2


def test_a_delayed_or_negated_operation_is_not_an_event():
    for text in ("وعزا القائد تأخر اقتحام مدينة الكرمة إلى نقص الذخيرة.",
                 "وأرجع القائد ذلك إلى عدم تحرير مدينة الكرمة حتى الآن."):
        doc = make_doc(text, "2015-08-08")
        place(doc, "الكرمة", "Al Karmah", 33.40, 43.91, "IQ")
        assert not run(doc), text


def test_freeing_captives_is_not_territory_taken():
    doc = make_doc("وأعلن الجيش العراقي أنه حرر 30 رهينة قرب بلدة الكرمة.", "2015-08-08")
    army(doc, "الجيش العراقي")
    place(doc, "الكرمة", "Al Karmah", 33.40, 43.91, "IQ")
    Events()(doc)
    assert doc.events and not [e for e in doc.events if reportable(e)]


def test_a_sentence_opened_by_earlier_this_week_dates_its_event_nowhere():
    doc = make_doc("وفي وقت سابق من هذا الأسبوع أعلن الجيش العراقي أنه سيطر على بلدة الكرمة.", "2015-08-08")
    army(doc, "الجيش العراقي")
    place(doc, "الكرمة", "Al Karmah", 33.40, 43.91, "IQ")
    assert not run(doc)


def test_the_point_a_town_is_located_from_is_not_the_event_place():
    doc = make_doc("وتجددت المعارك في بلدة أجدابيا قرب ميناء البريقة وقصفت طائرة حربية مواقع للمسلحين جنوبي البلدة.",
                   "2015-08-03")
    place(doc, "أجدابيا", "Ajdabiya", 30.76, 20.23, "LY")
    place(doc, "البريقة", "Al Burayqah", 30.41, 19.57, "LY")
    strikes = [e for e in run(doc) if e.event_type == "Explosions/Remote violence"]
    assert strikes and all(e.place.name == "Ajdabiya" for e in strikes)


def test_a_bare_attack_dated_another_day_is_not_folded_into_a_strike():
    doc = make_doc("وقصفت طائرة حربية أمس مواقع للمسلحين في بلدة أجدابيا. "
                   "ولم يتضح من هم المسلحون الذين هاجموا يوم الجمعة نقطة تفتيش على مشارف أجدابيا فقتلوا خمسة جنود.", "2015-08-03")
    place(doc, "أجدابيا", "Ajdabiya", 30.76, 20.23, "LY")
    place(doc, "أجدابيا", "Ajdabiya", 30.76, 20.23, "LY", nth=1)
    timex(doc, "أمس", "2015-08-02")
    timex(doc, "يوم الجمعة", "2015-07-31")
    evs = run(doc)
    assert {e.event_type for e in evs} == {"Explosions/Remote violence", "Battles"}


def test_two_named_localities_shelled_in_one_sentence_are_two_events():
    doc = make_doc("قصفت قوات النظام مناطق في جرود القلمون، فيما قصفت مناطق في بلدة بيت جن.", "2015-07-24")
    actor(doc, "قوات النظام", "army_sy", "Military Forces of Syria", "state forces", 1, "SY")
    place(doc, "القلمون", "Qalamoun Mountains", 33.45, 36.00, "SY", admin1="Rif Dimashq", feature="mountain")
    place(doc, "بيت جن", "Beit Jinn", 33.31, 35.87, "SY", admin1="Rif Dimashq")
    names = {e.place.name for e in run(doc) if e.event_type == "Explosions/Remote violence"}
    assert names == {"Qalamoun Mountains", "Beit Jinn"}


def test_aircraft_opening_fire_and_barrels_dropped_are_air_strikes():
    for text in ("وفتح الطيران الحربي نيران رشاشاته الثقيلة أمس على مناطق في بلدة الكرمة.",
                 "وألقى الطيران المروحي أمس براميل متفجرة على مناطق في بلدة الكرمة."):
        doc = make_doc(text, "2015-08-08")
        place(doc, "الكرمة", "Al Karmah", 33.40, 43.91, "IQ")
        timex(doc, "أمس", "2015-08-07")
        assert [e.sub_event_type for e in run(doc)] == ["Air/drone strike"], text


def test_fighting_that_broke_out_is_a_clash():
    doc = make_doc("واندلع القتال أمس في بلدة الكرمة بين الطرفين.", "2015-08-08")
    place(doc, "الكرمة", "Al Karmah", 33.40, 43.91, "IQ")
    timex(doc, "أمس", "2015-08-07")
    assert [(e.sub_event_type, e.date) for e in run(doc)] == [("Armed clash", "2015-08-07")]
