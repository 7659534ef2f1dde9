"""Events: the seventh round's general fixes, found on heldout8 (who an attack targets, a
suicide attack told with «انتحاريا», the state before the news after «بعد أن كان»).
Sentences written for these tests."""

from __future__ import annotations

from marsad.events.stage import Events, reportable
from test_events_helpers import actor, make_doc, place, timex


def run(doc):
    Events()(doc)
    return [e for e in doc.events if reportable(e)]


def test_gunmen_firing_on_wedding_guests_is_an_attack_on_civilians():
    doc = make_doc("وأطلق مسلحون النار على الضيوف في حفل زفاف في بلدة جلال آباد مما أدى إلى مقتل 5 أشخاص.",
                   "2015-08-08")
    place(doc, "جلال آباد", "Jalalabad", 34.43, 70.45, "AF")
    evs = run(doc)
    assert evs and all(e.event_type == "Violence against civilians" for e in evs)


def test_an_attack_on_a_passenger_bus_is_an_attack_on_civilians():
    doc = make_doc("واستهدف مسلحون الجمعة حافلة ركاب قرب مدينة فان ما أدى إلى مقتل السائق.", "2015-08-08")
    actor(doc, "مسلحون", "gunmen", "Unidentified Armed Group", "rebel", 3, "TR")
    place(doc, "فان", "Van", 38.49, 43.38, "TR")
    timex(doc, "الجمعة", "2015-08-07")
    evs = run(doc)
    assert [e for e in evs if e.event_type == "Violence against civilians"]
    assert not [e for e in evs if e.event_type == "Battles"]


def test_an_attack_on_a_military_base_is_a_clash_even_when_civilians_die():
    doc = make_doc("وأسفر الهجوم على قاعدة عسكرية في مدينة قندهار مساء الجمعة عن مقتل ثمانية مدنيين.",
                   "2015-08-08")
    place(doc, "قندهار", "Kandahar", 31.61, 65.71, "AF")
    timex(doc, "مساء الجمعة", "2015-08-07")
    evs = run(doc)
    assert evs and all(e.event_type == "Battles" for e in evs)


def test_an_attack_told_as_suicide_with_tanween_is_a_suicide_bomb():
    doc = make_doc("وقالت الشرطة إن هجوما انتحاريا استهدف الجمعة مركزا للشرطة في مدينة الرمادي وأسفر عن "
                   "مقتل 3 أشخاص.", "2015-08-08")
    place(doc, "الرمادي", "Ramadi", 33.42, 43.30, "IQ")
    timex(doc, "الجمعة", "2015-08-07")
    evs = run(doc)
    assert evs and all(e.sub_event_type == "Suicide bomb" for e in evs)


def test_strikes_before_the_news_after_kana_are_background():
    doc = make_doc("وقضت مدينة الحديدة ليلة هادئة اليوم الاثنين بعد أن كانت هدفا لغارات كل ليلة.",
                   "2015-08-10")
    place(doc, "الحديدة", "Al Hudaydah", 14.80, 42.95, "YE")
    assert not run(doc)


def test_strikes_told_as_the_news_are_still_events():
    doc = make_doc("وشنت طائرات التحالف اليوم الاثنين غارات على مدينة الحديدة.", "2015-08-10")
    place(doc, "الحديدة", "Al Hudaydah", 14.80, 42.95, "YE")
    assert [e for e in run(doc) if e.sub_event_type == "Air/drone strike"]


def test_a_hedge_on_who_owns_the_planes_does_not_make_the_strike_expected():
    doc = make_doc("وقال المرصد إن طائرات حربية يعتقد أنها تابعة للتحالف قصفت اليوم مواقع قرب بلدة منبج.",
                   "2015-07-31")
    place(doc, "منبج", "Manbij", 36.53, 37.95, "SY")
    timex(doc, "اليوم", "2015-07-31")
    evs = run(doc)
    assert [e for e in evs if e.sub_event_type == "Air/drone strike" and e.modality == "asserted"]


def test_a_hedge_on_the_event_itself_still_makes_it_expected():
    doc = make_doc("ويعتقد أن طائرات التحالف قصفت اليوم مواقع قرب بلدة منبج.", "2015-07-31")
    place(doc, "منبج", "Manbij", 36.53, 37.95, "SY")
    timex(doc, "اليوم", "2015-07-31")
    assert not run(doc)


def test_a_later_definite_mention_gives_the_undated_attack_its_day():
    doc = make_doc("وشن المسلحون هجوما على معسكر للجيش قرب مدينة قندهار. وقال الجيش أمس إن الهجوم على "
                   "المعسكر وقع مساء الخميس وأسفر عن مقتل جنديين.", "2015-08-08")
    place(doc, "قندهار", "Kandahar", 31.61, 65.71, "AF")
    timex(doc, "مساء الخميس", "2015-08-06")
    evs = run(doc)
    assert [e.date for e in evs if e.event_type == "Battles"] == ["2015-08-06"]


def test_what_the_accused_are_accused_of_is_not_an_event_told():
    doc = make_doc("ودعا المحافظ إلى محاسبة المتهمين بمساعدة المسلحين على دخول القرية واختطاف عشرات "
                   "الأطفال من قرية كوجو.", "2015-08-04")
    place(doc, "كوجو", "Kocho", 36.27, 41.71, "IQ")
    assert not run(doc)


def test_crimes_of_abduction_in_general_are_not_an_event():
    doc = make_doc("وتعهد بمحاسبة كل من شارك في جرائم خطف النساء في قرية كوجو.", "2015-08-04")
    place(doc, "كوجو", "Kocho", 36.27, 41.71, "IQ")
    assert not run(doc)


def test_an_abduction_told_as_news_is_still_an_event():
    doc = make_doc("واختطف مسلحون أمس عشرة مدنيين من قرية كوجو.", "2015-08-04")
    actor(doc, "مسلحون", "gunmen", "Unidentified Armed Group", "rebel", 3, "IQ")
    place(doc, "كوجو", "Kocho", 36.27, 41.71, "IQ")
    timex(doc, "أمس", "2015-08-03")
    assert [e for e in run(doc) if e.sub_event_type == "Abduction/forced disappearance"]


def test_clashes_in_two_provinces_named_together_are_two_records():
    doc = make_doc("وتحدثت مصادر محلية عن اشتباكات عنيفة اليوم الاثنين في محافظتي البيضاء وشبوة.", "2015-08-10")
    place(doc, "البيضاء", "Al Bayda", 13.99, 45.57, "YE", admin1="Al Bayda", feature="admin1 governorate")
    place(doc, "شبوة", "Shabwah", 14.53, 46.83, "YE", admin1="Shabwah", feature="admin1 governorate")
    timex(doc, "اليوم الاثنين", "2015-08-10")
    evs = [e for e in run(doc) if e.sub_event_type == "Armed clash"]
    assert sorted(e.place.name for e in evs) == ["Al Bayda", "Shabwah"]


def test_clashes_in_two_towns_of_one_front_stay_one_record():
    doc = make_doc("ودارت اشتباكات عنيفة اليوم الاثنين بأطراف مدينتي الرمادي والفلوجة.", "2015-08-10")
    place(doc, "الرمادي", "Ramadi", 33.42, 43.30, "IQ", admin1="Anbar")
    place(doc, "الفلوجة", "Fallujah", 33.35, 43.78, "IQ", admin1="Anbar")
    timex(doc, "اليوم الاثنين", "2015-08-10")
    assert len([e for e in run(doc) if e.sub_event_type == "Armed clash"]) == 1


def test_security_campaigns_targeting_members_are_not_an_attack():
    doc = make_doc("وشنت الشرطة أمس حملات استهدفت عناصر الحزب المحظور في مدينة إزمير.", "2015-08-08")
    place(doc, "إزمير", "Izmir", 38.42, 27.14, "TR")
    timex(doc, "أمس", "2015-08-07")
    assert not run(doc)


def test_firing_rockets_is_a_shelling():
    doc = make_doc("وأطلق المسلحون أمس صاروخين على ثكنة للجيش في قرية بعشيقة ما أسفر عن مقتل جنديين.",
                   "2015-08-08")
    place(doc, "بعشيقة", "Bashiqa", 36.45, 43.35, "IQ")
    timex(doc, "أمس", "2015-08-07")
    evs = run(doc)
    assert [e for e in evs if e.sub_event_type == "Shelling/artillery/missile attack"]


def test_an_event_told_relative_to_another_takes_that_event_day():
    doc = make_doc("وفجر انتحاري نفسه مساء الخميس أمام مركز للشرطة في مدينة قندوز. وقبل أقل من 12 ساعة على "
                   "هذا الهجوم قتل 5 أشخاص في انفجار عبوة ناسفة في مدينة مزار شريف.", "2015-08-08")
    place(doc, "قندوز", "Kunduz", 36.73, 68.86, "AF", admin1="Kunduz")
    place(doc, "مزار شريف", "Mazar-i-Sharif", 36.71, 67.11, "AF", admin1="Balkh")
    timex(doc, "مساء الخميس", "2015-08-06")
    evs = run(doc)
    ied = [e for e in evs if e.place.name == "Mazar-i-Sharif"]
    assert ied and ied[0].date == "2015-08-06"


def test_a_place_after_lakin_is_not_another_target_of_the_strike():
    doc = make_doc("وقصفت الطائرات التركية اليوم قرى في قضاء زاخو، لكنها مستعدة للحوار مع أنقرة.", "2015-08-04")
    place(doc, "زاخو", "Zakho", 37.14, 42.68, "IQ", admin1="Duhok")
    place(doc, "أنقرة", "Ankara", 39.92, 32.85, "TR", admin1="Ankara", feature="capital")
    timex(doc, "اليوم", "2015-08-04")
    evs = run(doc)
    assert evs and all(e.place.name == "Zakho" for e in evs)


def test_the_title_repeated_after_a_link_line_cut_by_two_dots_is_not_news():
    doc = make_doc("ساد الهدوء المدينة اليوم.\nرابط الخبر بصحيفة الوئام: اليمن .. اشتباكات عنيفة في مدينة "
                   "الحديدة", "2015-08-10")
    place(doc, "الحديدة", "Al Hudaydah", 14.80, 42.95, "YE")
    assert not run(doc)
