"""Events stage: triggers → ACLED types, arguments, modality, background, merging, notes.

The articles are written here in the style of Arabic news; other stages' output is added by
hand (see test_events_helpers) so that these tests exercise the events logic alone.
"""

from __future__ import annotations

import datetime as dt

import pytest

from marsad.events.lexicon import cue_rules, triggers
from marsad.events.stage import Events, reportable
from test_events_helpers import actor, country, make_doc, place, timex

ACLED = {
    "Battles": {"Armed clash", "Government regains territory", "Non-state actor overtakes territory"},
    "Explosions/Remote violence": {"Chemical weapon", "Air/drone strike", "Suicide bomb",
                                   "Shelling/artillery/missile attack", "Remote explosive/landmine/IED", "Grenade"},
    "Violence against civilians": {"Sexual violence", "Attack", "Abduction/forced disappearance"},
    "Protests": {"Peaceful protest", "Protest with intervention", "Excessive force against protesters"},
    "Riots": {"Violent demonstration", "Mob violence"},
    "Strategic developments": {"Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use",
                               "Headquarters or base established", "Looting/property destruction",
                               "Non-violent transfer of territory", "Other"},
}


def run(doc):
    Events()(doc)
    return doc.events


def yemen_army(doc, surface, nth=0):
    return actor(doc, surface, "yem_mil", "Military Forces of Yemen", "military", 1, "YE", nth)


def aqap(doc, surface, nth=0, generic=False):
    return actor(doc, surface, "aqap", "Al Qaeda in the Arabian Peninsula", "jihadist group", 2, "YE", nth, generic)


def test_lexicon_types_are_acled():
    for entry in triggers().single.values():
        if not entry.event_type.startswith("@"):
            assert entry.event_type in ACLED
            assert entry.sub_event_type.startswith("@") or entry.sub_event_type in ACLED[entry.event_type]
    for group, rules in cue_rules().items():
        for rule in rules:
            if group != "@weapon" and not rule.event_type.startswith("@"):
                assert rule.sub_event_type in ACLED[rule.event_type], (group, rule.sub_event_type)


def test_government_regains_territory_with_opponent_and_notes():
    doc = make_doc("أعلن الجيش اليمني، السبت، أن القوات الحكومية استعادت السيطرة على مدينة زنجبار "
                   "بعد معارك عنيفة مع مسلحي تنظيم القاعدة الذين سيطروا على المدينة منذ أشهر.")
    yemen_army(doc, "الجيش اليمني")
    yemen_army(doc, "القوات الحكومية")
    aqap(doc, "تنظيم القاعدة")
    place(doc, "زنجبار", "Zinjibar", 13.13, 45.38, "YE", "Abyan")
    timex(doc, "السبت", "2015-08-08")
    events = [e for e in run(doc) if reportable(e)]
    grt = [e for e in events if e.sub_event_type == "Government regains territory"]
    assert len(grt) == 1
    ev = grt[0]
    assert ev.event_type == "Battles"
    assert ev.actor1.name == "Military Forces of Yemen"
    assert ev.actor2.name == "Al Qaeda in the Arabian Peninsula"
    assert ev.place.name == "Zinjibar" and ev.date == "2015-08-08" and ev.time_precision == 1
    assert ev.plover == "ASSAULT"
    assert doc.text[ev.trigger.start:ev.trigger.end] == "استعادت"
    assert ev.evidence.start <= ev.trigger.start < ev.trigger.end <= ev.evidence.end
    assert ev.notes == "On 8 August 2015, Military Forces of Yemen regained control of Zinjibar (Abyan) " \
                       "from Al Qaeda in the Arabian Peninsula."


def test_non_state_takeover_with_proclitic_and_plural_verb():
    doc = make_doc("وسيطر مسلحو القاعدة فجر الخميس على بلدة عزان بعد انسحاب قوات الجيش منها.")
    aqap(doc, "مسلحو القاعدة")
    yemen_army(doc, "قوات الجيش")
    place(doc, "عزان", "Azzan", 14.3, 47.0, "YE", "Shabwah")
    timex(doc, "الخميس", "2015-08-06")
    ev = next(e for e in run(doc) if reportable(e))
    assert ev.sub_event_type == "Non-state actor overtakes territory"
    assert ev.actor1.actor_id == "aqap"
    assert ev.date == "2015-08-06"


def test_air_strike_with_fatalities_and_agent_before_noun():
    doc = make_doc("شنت طائرات التحالف غارات جوية على مواقع للمتمردين في مدينة صعدة أمس، "
                   "ما أسفر عن مقتل 12 مسلحا وإصابة آخرين.")
    actor(doc, "طائرات التحالف", "coalition", "Saudi-led Coalition", "military coalition", 8)
    actor(doc, "متمردين", "houthis", "Houthis", "rebel group", 2, "YE")
    place(doc, "صعدة", "Saada", 16.94, 43.76, "YE", "Saada")
    timex(doc, "أمس", "2015-08-07")
    events = [e for e in run(doc) if reportable(e)]
    assert len(events) == 1
    ev = events[0]
    assert (ev.event_type, ev.sub_event_type) == ("Explosions/Remote violence", "Air/drone strike")
    assert ev.actor1.name == "Saudi-led Coalition"
    assert ev.fatalities == 12
    assert ev.date == "2015-08-07"


@pytest.mark.parametrize("text, sub", [
    ("فجر انتحاري نفسه بحزام ناسف داخل مسجد في مدينة أبها، ما أدى إلى مقتل 15 شخصا.", "Suicide bomb"),
    ("انفجرت عبوة ناسفة زرعت على جانب الطريق في مدينة أبها، ما أدى إلى مقتل ثلاثة جنود.",
     "Remote explosive/landmine/IED"),
    ("قصفت المدفعية أحياء سكنية في مدينة أبها بقذائف الهاون.", "Shelling/artillery/missile attack"),
    ("قصفت الطائرات الحربية أحياء في مدينة أبها.", "Air/drone strike"),
])
def test_sub_event_type_from_context(text, sub):
    doc = make_doc(text)
    place(doc, "أبها", "Abha", 18.22, 42.51, "SA", "Asir")
    events = [e for e in run(doc) if reportable(e)]
    assert [e.sub_event_type for e in events] == [sub]


def test_attack_on_civilians_is_violence_against_civilians():
    doc = make_doc("هاجم مسلحون مجهولون مصلين داخل مسجد في بلدة دوما وقتلوا خمسة مدنيين.")
    actor(doc, "مسلحون مجهولون", "unidentified", "Unidentified Armed Group", "armed group", 3)
    place(doc, "دوما", "Duma", 32.06, 35.37, "PS", "West Bank")
    ev = next(e for e in run(doc) if reportable(e))
    assert (ev.event_type, ev.sub_event_type) == ("Violence against civilians", "Attack")
    assert ev.fatalities == 5


def test_protest_with_intervention_and_protester_actor():
    doc = make_doc("تظاهر مئات الطلاب أمس في وسط مدينة الخرطوم، وفرقت الشرطة المتظاهرين بالغاز المسيل للدموع.")
    actor(doc, "الشرطة", "sdn_pol", "Police Forces of Sudan", "police", 1, "SD")
    place(doc, "الخرطوم", "Khartoum", 15.55, 32.53, "SD", "Khartoum")
    ev = next(e for e in run(doc) if e.event_type == "Protests")
    assert ev.sub_event_type == "Protest with intervention"
    assert ev.actor1.name == "Protesters (Sudan)"
    assert ev.actor2.name == "Police Forces of Sudan"


@pytest.mark.parametrize("text, modality", [
    ("نفى الجيش أن تكون طائراته قد قصفت قرية الحمراء في محافظة حجة.", "denied"),
    ("هدد التنظيم بشن هجمات جديدة على قرية الحمراء في محافظة حجة.", "threatened"),
    ("تعتزم القوات اقتحام قرية الحمراء في محافظة حجة خلال الأيام المقبلة.", "planned"),
    ("من المتوقع أن تقتحم القوات قرية الحمراء في محافظة حجة.", "expected"),
    ("إذا هاجم المسلحون قرية الحمراء في محافظة حجة فإن الجيش سيرد.", "conditional"),
    ("هل قصفت الطائرات قرية الحمراء في محافظة حجة؟", "question"),
    ("ستقصف الطائرات قرية الحمراء في محافظة حجة.", "planned"),
    ("لا تزال قرية الحمراء في محافظة حجة تحت سيطرة المسلحين.", "state"),
])
def test_modality_is_marked_and_not_reportable(text, modality):
    doc = make_doc(text)
    agent = next(w for w in ("المسلحين", "المسلحون", "القوات", "الجيش", "التنظيم", "الطائرات") if w in text)
    actor(doc, agent, "x", "Armed Group", "armed group", 3)
    place(doc, "الحمراء", "Al Hamra", 15.7, 43.6, "YE", "Hajjah")
    events = run(doc)
    assert events, text
    assert all(e.modality == modality for e in events), [(e.modality, e.sub_event_type) for e in events]
    assert not any(reportable(e) for e in events)


def test_background_history_is_dated_and_marked():
    doc = make_doc("وكان التنظيم قد سيطر على مدينة الرمادي عام 2014 قبل أن تستعيدها القوات العراقية.",
                   published="2017-11-03")
    actor(doc, "التنظيم", "is", "Islamic State", "jihadist group", 2, None, generic=True)
    actor(doc, "القوات العراقية", "irq_mil", "Military Forces of Iraq", "military", 1, "IQ")
    place(doc, "الرمادي", "Ramadi", 33.42, 43.30, "IQ", "Anbar")
    timex(doc, "عام 2014", "2014", "year")
    events = run(doc)
    old = [e for e in events if e.actor1 and e.actor1.name == "Islamic State"]
    assert old and old[0].background and old[0].date == "2014-01-01" and old[0].time_precision == 3
    assert not reportable(old[0])
    assert "Background history" in old[0].notes


def test_repeated_mentions_merge_keeping_evidence():
    doc = make_doc("قتل سبعة أشخاص في تفجير سيارة مفخخة في سوق مدينة الحلة أمس. "
                   "ووقع التفجير في ساعة الذروة، وأسفر التفجير أيضا عن إصابة 20 آخرين في الحلة.")
    place(doc, "الحلة", "Hillah", 32.48, 44.42, "IQ", "Babil")
    place(doc, "الحلة", "Hillah", 32.48, 44.42, "IQ", "Babil", nth=1)
    timex(doc, "أمس", "2015-08-07")
    events = [e for e in run(doc) if e.event_type == "Explosions/Remote violence"]
    assert len(events) == 1
    ev = events[0]
    assert ev.sub_event_type == "Remote explosive/landmine/IED"
    assert len(ev.mentions) >= 3
    assert ev.fatalities == 7  # the wounded are not counted
    assert ev.date == "2015-08-07"


def test_listed_places_are_separate_events():
    doc = make_doc("شن طيران التحالف أمس غارات على معسكر في محافظة إب ومواقع في مديرية حيس ومديرية ميدي.")
    actor(doc, "طيران التحالف", "coalition", "Saudi-led Coalition", "military coalition", 8)
    place(doc, "إب", "Ibb", 13.97, 44.18, "YE", "Ibb")
    place(doc, "حيس", "Hays", 13.93, 43.48, "YE", "Al Hudaydah")
    place(doc, "ميدي", "Midi", 16.31, 42.81, "YE", "Hajjah")
    timex(doc, "أمس", "2015-08-07")
    names = sorted(e.place.name for e in run(doc) if reportable(e))
    assert names == ["Hays", "Ibb", "Midi"]


def test_no_event_without_conflict_context():
    doc = make_doc("سيطر الفريق على وسط الملعب وشن هجوما خطيرا في الدقيقة العشرين، "
                   "لكن الحارس تصدى للكرة ببراعة.")
    assert run(doc) == []


def test_country_level_event_is_kept_but_not_reportable():
    doc = make_doc("قصفت الطائرات مواقع للمسلحين في سوريا أمس.")
    country(doc, "سوريا", "Syria", "SY")
    events = run(doc)
    assert events and not any(reportable(e) for e in events)


def test_date_falls_back_to_the_lead_then_publication():
    doc = make_doc("قال مسؤولون محليون اليوم الأحد إن الوضع هادئ. وأضافوا أن الشرطة أوقفت المتهمين. "
                   "وفي تطور آخر، قصفت الطائرات مواقع في بلدة الحمراء.", published="2015-08-09")
    place(doc, "الحمراء", "Al Hamra", 15.7, 43.6, "YE", "Hajjah")
    timex(doc, "اليوم الأحد", "2015-08-09")
    ev = next(e for e in run(doc) if reportable(e))
    assert ev.date == "2015-08-09" and ev.time_precision == 1
    doc = make_doc("قصفت الطائرات مواقع في بلدة الحمراء.", published="2015-08-09")
    place(doc, "الحمراء", "Al Hamra", 15.7, 43.6, "YE", "Hajjah")
    ev = next(e for e in run(doc) if reportable(e))
    assert ev.date == "2015-08-09" and ev.time_precision == 2
    assert ev.notes.startswith("Around 9 August 2015")


def test_stage_is_fast_enough():
    import time

    text = ("شنت طائرات التحالف غارات جوية على مواقع للمتمردين في مدينة صعدة، ما أسفر عن مقتل 12 مسلحا. "
            "وقال المتحدث باسم الجيش إن القوات استعادت السيطرة على بلدة الحمراء. ") * 20  # ~400 words
    doc = make_doc(text)
    stage = Events()
    stage(doc)
    t0 = time.perf_counter()
    for _ in range(10):
        stage(doc)
    per_doc = (time.perf_counter() - t0) / 10
    assert per_doc < 0.05  # budget 3 ms on a quiet core; generous for a shared CI machine


def test_cue_does_not_reach_into_a_factive_clause():
    doc = make_doc("بات التنظيم على وشك الهزيمة، بعد سيطرة القوات الحكومية على مدينة الرمادي أمس.")
    actor(doc, "القوات الحكومية", "irq_mil", "Military Forces of Iraq", "military", 1, "IQ")
    actor(doc, "التنظيم", "is", "Islamic State", "jihadist group", 2, None, generic=True)
    place(doc, "الرمادي", "Ramadi", 33.42, 43.30, "IQ", "Anbar")
    timex(doc, "أمس", "2015-08-07")
    (ev,) = [e for e in run(doc) if reportable(e)]
    assert ev.sub_event_type == "Government regains territory" and ev.actor2.name == "Islamic State"


@pytest.mark.parametrize("text, modality", [
    ("تعرضت قرية الحمراء في محافظة حجة أمس لقصف جوي عنيف.", "asserted"),
    ("وانتهت معركة خاضتها القوات شهرين للسيطرة على قرية الحمراء في محافظة حجة.", "intended"),
    ("بدأت القوات عملية تحرير قرية الحمراء في محافظة حجة.", "campaign"),
])
def test_purpose_campaign_and_undergo(text, modality):
    doc = make_doc(text)
    place(doc, "الحمراء", "Al Hamra", 15.7, 43.6, "YE", "Hajjah")
    if "القوات" in text:
        actor(doc, "القوات", "yem_mil", "Military Forces of Yemen", "military", 1, "YE")
    events = run(doc)
    assert events and events[0].modality == modality


def test_genitive_of_a_target_noun_is_the_target():
    doc = make_doc("استهدفت الغارات أمس مواقع داعش في مدينة الرقة، وقالت قيادة التحالف إن طائراتها نفذت 9 غارات.")
    actor(doc, "داعش", "is", "Islamic State", "jihadist group", 2)
    place(doc, "الرقة", "Raqqa", 35.95, 39.01, "SY", "Raqqa")
    timex(doc, "أمس", "2015-07-31")
    ev = next(e for e in run(doc) if reportable(e))
    assert ev.sub_event_type == "Air/drone strike"
    assert ev.actor1 is None and ev.actor2.name == "Islamic State"


def test_single_bloodless_mention_of_a_weak_type_is_kept_but_not_reportable():
    # an abduction told once in passing, without a toll: kept in doc.events with a low
    # confidence, out of the ACLED view; told with a toll, it is reported
    doc = make_doc("وتواصل الميليشيات في مدينة الحديدة خطف المواطنين.")
    actor(doc, "الميليشيات", "houthi", "Houthis", "rebel group", 2, "YE")
    place(doc, "الحديدة", "Al Hudaydah", 14.8, 42.95, "YE", "Al Hudaydah")
    events = run(doc)
    weak = [e for e in events if e.sub_event_type == "Abduction/forced disappearance"]
    for e in weak:
        assert e.confidence < 0.45 and not reportable(e)
    doc = make_doc("وخطف مسلحون حوثيون أمس ثلاثة صحفيين في مدينة الحديدة.")
    actor(doc, "مسلحون حوثيون", "houthi", "Houthis", "rebel group", 2, "YE")
    place(doc, "الحديدة", "Al Hudaydah", 14.8, 42.95, "YE", "Al Hudaydah")
    timex(doc, "أمس", "2015-07-31")
    (ev,) = [e for e in run(doc) if reportable(e)]  # dated, with its agent: news
    assert ev.sub_event_type == "Abduction/forced disappearance"


def test_evidence_confidence_rewards_tolls_and_repeated_mentions():
    from marsad.document import Event, Span
    from marsad.events.stage import evidence_confidence

    base = dict(event_type="Violence against civilians", sub_event_type="Attack", trigger=Span(0, 3),
                evidence=Span(0, 10), confidence=0.7)
    once = Event(**base, mentions=[Span(0, 3)])
    twice = Event(**base, mentions=[Span(0, 3), Span(20, 23)])
    bloody = Event(**base, fatalities=3, mentions=[Span(0, 3)])
    assert evidence_confidence(once) < 0.45 <= evidence_confidence(twice) < evidence_confidence(bloody)
    assert evidence_confidence(once, own_day=True) < 0.45  # no named agent


@pytest.mark.parametrize("text, told", [
    ("وتعمل الكتيبة على مساعدة الجيش اليمني في السيطرة على مطار عدن.", False),
    ("وتمكن الجيش اليمني من السيطرة على مطار عدن.", True),
    ("وقال المصدر إن الجيش اليمني واصل تقدمه بعد السيطرة على مطار عدن.", True),
])
def test_definite_territory_noun_tells_a_capture_only_when_achieved(text, told):
    doc = make_doc(text)
    yemen_army(doc, "الجيش اليمني")
    place(doc, "عدن", "Aden", 12.78, 45.03, "YE", "Aden")
    events = [e for e in run(doc) if e.event_type == "Battles"]
    assert events
    assert any(reportable(e) for e in events) is told


@pytest.mark.parametrize("surface, value, history", [
    ("الأسبوع الماضي", "2015-W32", True),   # published Monday 10 August 2015 (week 33)
    ("هذا الأسبوع", "2015-W33", False),
])
def test_a_past_week_dates_history_not_news(surface, value, history):
    doc = make_doc(f"واستعاد الجيش اليمني {surface} مدينة زنجبار في محافظة أبين.")
    doc.published = dt.date(2015, 8, 10)
    yemen_army(doc, "الجيش اليمني")
    place(doc, "زنجبار", "Zinjibar", 13.13, 45.38, "YE", "Abyan")
    timex(doc, surface, value, "week")
    (ev,) = run(doc)
    assert ev.background is history and reportable(ev) is not history
