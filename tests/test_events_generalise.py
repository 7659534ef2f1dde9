"""Events: the general fixes of the second round (reference places, history, pluperfect with a
day, ongoing situations, skills, accidents). Sentences written for these tests."""

from __future__ import annotations

from marsad.events.stage import Events, reportable
from test_events_helpers import actor, make_doc, place, timex


def run(doc):
    Events()(doc)
    return [e for e in doc.events if reportable(e)]


def houthis(doc, surface, nth=0):
    return actor(doc, surface, "houthi", "Houthis", "rebel group", 2, "YE", nth)


def test_organisation_seat_is_not_the_event_place():
    doc = make_doc("واتهمت الشركة الوطنية التي يوجد مقرها في طرابلس الطائرات الحكومية بأنها قصفت "
                   "ناقلة نفط قرب ميناء درنة أمس.")
    place(doc, "طرابلس", "Tripoli", 32.89, 13.19, "LY")
    place(doc, "درنة", "Derna", 32.77, 22.64, "LY")
    timex(doc, "أمس", "2015-08-07")
    evs = run(doc)
    assert evs and all(e.place.name == "Derna" for e in evs)


def test_distance_reference_point_is_not_the_event_place():
    doc = make_doc("وقال الجيش إنه صد هجوما للمسلحين حول قرية نائية تقع على بعد 90 كيلومترا شمال مدينة كانو أمس.")
    actor(doc, "الجيش", "ng_mil", "Military Forces of Nigeria", "military", 1, "NG")
    place(doc, "كانو", "Kano", 12.0, 8.52, "NG")
    timex(doc, "أمس", "2015-08-07")
    assert not run(doc)
    assert all(e.place is None or e.place.name != "Kano" for e in doc.events)
    # a reference point close by still places the event
    doc = make_doc("وقال الجيش إنه صد هجوما للمسلحين حول قرية تقع على بعد 15 كيلومترا شمال مدينة كانو أمس.")
    actor(doc, "الجيش", "ng_mil", "Military Forces of Nigeria", "military", 1, "NG")
    place(doc, "كانو", "Kano", 12.0, 8.52, "NG")
    timex(doc, "أمس", "2015-08-07")
    assert [e.place.name for e in run(doc)] == ["Kano"]


def test_chronology_line_is_history():
    doc = make_doc("في مثل هذا اليوم.\n1972- القوات الجوية تقصف مدينة هانوي بالقنابل.\n", published="2015-08-08")
    place(doc, "هانوي", "Hanoi", 21.03, 105.85, "VN")
    assert not run(doc)
    assert doc.events and all(e.background for e in doc.events)


def test_years_ago_is_history():
    doc = make_doc("وقال إن أقاربه قتلوا في القصف الذي دمر مدينة درسدن قبل 70 عاما.")
    place(doc, "درسدن", "Dresden", 51.05, 13.74, "DE")
    Events()(doc)
    assert not [e for e in doc.events if reportable(e)]


def test_pluperfect_with_its_own_day_is_news():
    doc = make_doc("وكان 4 من الحوثيين قتلوا صباح الأربعاء في هجوم على حاجز لهم في مدينة ذمار.")
    houthis(doc, "الحوثيين")
    place(doc, "ذمار", "Dhamar", 14.54, 44.40, "YE")
    timex(doc, "صباح الأربعاء", "2015-08-05")
    evs = run(doc)
    assert [(e.place.name, e.date) for e in evs] == [("Dhamar", "2015-08-05")]


def test_pluperfect_without_a_day_stays_prior():
    doc = make_doc("وكان الحوثيون قد سيطروا على مدينة ذمار.")
    houthis(doc, "الحوثيون")
    place(doc, "ذمار", "Dhamar", 14.54, 44.40, "YE")
    assert not run(doc)


def test_fighting_since_long_ago_is_a_situation():
    doc = make_doc("وتشهد مدينة حمص معارك متواصلة منذ ربيع 2012 بين قوات النظام والفصائل.")
    place(doc, "حمص", "Homs", 34.73, 36.72, "SY")
    timex(doc, "منذ ربيع 2012", "2012-04", "month")
    assert not run(doc)


def test_skills_and_work_in_progress_are_no_events():
    doc = make_doc("ووصلت إلى محيط مدينة عدن كتائب مدربة على حرب الشوارع واقتحام المباني أمس.")
    place(doc, "عدن", "Aden", 12.78, 45.04, "YE")
    timex(doc, "أمس", "2015-08-07")
    assert not run(doc)
    doc = make_doc("وأوضح أن فرق الهندسة تعمل على تفكيك العبوات الناسفة في منطقة الجزيرة أمس.")
    place(doc, "الجزيرة", "Al Jazirah", 33.5, 43.3, "IQ")
    timex(doc, "أمس", "2015-08-07")
    assert not run(doc)


def test_accidental_explosion_is_no_event():
    doc = make_doc("أصيب 12 شخصا في انفجار نجم عن تسرب الغاز في مطعم بمدينة هامبورغ أمس.")
    place(doc, "هامبورغ", "Hamburg", 53.55, 9.99, "DE")
    timex(doc, "أمس", "2015-08-07")
    assert not run(doc)
    doc = make_doc("قتل 12 شخصا في انفجار عبوة ناسفة في سوق بمدينة بعقوبة أمس.")
    place(doc, "بعقوبة", "Baqubah", 33.75, 44.64, "IQ")
    timex(doc, "أمس", "2015-08-07")
    assert [e.sub_event_type for e in run(doc)] == ["Remote explosive/landmine/IED"]


def test_reference_in_a_merged_sentence_stays_a_reference():
    # a date after the trigger, past punctuation (two sentences run together), does not date it
    doc = make_doc("وقدم العزاء لأسر ضحايا التفجير في أبها، وقالت المديرة أمس إنها حزينة.")
    place(doc, "أبها", "Abha", 18.22, 42.51, "SA")
    timex(doc, "أمس", "2015-08-07")
    assert not run(doc)


def test_bare_attack_takes_its_kind_from_its_own_clause():
    doc = make_doc("وفي مدينة مأرب، قصفت طائرات التحالف مواقع الحوثيين أمس، بينما قتل 6 من الحوثيين في هجوم "
                   "للمقاومة الشعبية غربي مدينة مأرب.")
    actor(doc, "طائرات التحالف", "coalition", "Saudi-led Coalition", "military", 8, "SA")
    houthis(doc, "الحوثيين")
    houthis(doc, "الحوثيين", 1)
    actor(doc, "للمقاومة الشعبية", "resistance", "Popular Resistance", "militia", 3, "YE")
    place(doc, "مأرب", "Marib", 15.46, 45.32, "YE")
    place(doc, "مأرب", "Marib", 15.46, 45.32, "YE", nth=1)
    timex(doc, "أمس", "2015-08-07")
    types = sorted(e.event_type for e in run(doc))
    assert types == ["Battles", "Explosions/Remote violence"]


def test_destruction_by_aircraft_is_a_strike_and_without_weapons_nothing():
    doc = make_doc("ونجحت طائرات التحالف في تدمير مواقع للحوثيين في مدينة الصليف أمس.")
    houthis(doc, "للحوثيين")
    place(doc, "الصليف", "As Salif", 15.31, 42.67, "YE")
    timex(doc, "أمس", "2015-08-07")
    assert [e.sub_event_type for e in run(doc)] == ["Air/drone strike"]
    doc = make_doc("وتحدث الوزير عن تدمير الآثار في مدينة زبيد.")
    place(doc, "زبيد", "Zabid", 14.2, 43.32, "YE")
    assert not run(doc)


def test_town_placed_from_a_far_town_stays_itself_but_a_quarter_goes_to_its_town():
    doc = make_doc("وقصفت طائرات التحالف معسكر الصليف شمال مدينة الحديدة أمس.")
    place(doc, "الصليف", "As Salif", 15.31, 42.67, "YE")
    place(doc, "الحديدة", "Al Hudaydah", 14.80, 42.95, "YE")
    timex(doc, "أمس", "2015-08-07")
    assert [e.place.name for e in run(doc)] == ["As Salif"]
    doc = make_doc("ووقع انفجار بحي الكرامة جنوب العريش أمس.")
    place(doc, "الكرامة", "Al Karamah", 31.9, 35.6, "JO")  # a homonym far away
    place(doc, "العريش", "Arish", 31.13, 33.80, "EG")
    timex(doc, "أمس", "2015-08-07")
    assert [e.place.name for e in run(doc)] == ["Arish"]


def test_definite_bare_attack_and_its_verb_are_the_known_attack():
    doc = make_doc("وقال المتحدث باسم الجيش إن الهجوم استهدف أيضا سفينة ثانية قرب ميناء درنة.")
    actor(doc, "الجيش", "ly_mil", "Military Forces of Libya", "military", 1, "LY")
    place(doc, "درنة", "Derna", 32.77, 22.64, "LY")
    assert not run(doc)


def test_analyst_view_is_commentary_unless_dated():
    doc = make_doc("وقال المحلل السياسي صالح أحمد إن الحوثيين يخوضون مواجهات مع قوات صالح في مدينة تعز.")
    houthis(doc, "الحوثيين")
    place(doc, "تعز", "Taiz", 13.58, 44.02, "YE")
    assert not run(doc)
    doc = make_doc("وقال المحلل السياسي صالح أحمد إن الحوثيين خاضوا أمس مواجهات مع قوات صالح في مدينة تعز.")
    houthis(doc, "الحوثيين")
    place(doc, "تعز", "Taiz", 13.58, 44.02, "YE")
    timex(doc, "أمس", "2015-08-07")
    assert [e.event_type for e in run(doc)] == ["Battles"]


def test_habitual_present_is_no_event():
    doc = make_doc("ويقصف النظام بانتظام أحياء مدينة حلب بالبراميل المتفجرة.")
    actor(doc, "النظام", "sy_mil", "Military Forces of Syria", "military", 1, "SY")
    place(doc, "حلب", "Aleppo", 36.2, 37.16, "SY")
    assert not run(doc)


def test_event_after_since_is_the_start_of_something_else():
    doc = make_doc("واعتقلت الشرطة عشرات المتشددين في حملة واسعة منذ هجوم منتجع سوسة السياحي.")
    actor(doc, "الشرطة", "tn_pol", "Police Forces of Tunisia", "police", 1, "TN")
    place(doc, "سوسة", "Sousse", 35.83, 10.64, "TN")
    assert all(e.event_type != "Violence against civilians" and e.event_type != "Battles" for e in run(doc))
    assert all(e.place is None or e.place.name != "Sousse" for e in doc.events if e.event_type == "Strategic developments")


def test_negation_covers_a_coordinated_list():
    doc = make_doc("وقال القائد: ليس هناك سيطرة أو معارك داخل قاعدة العند حتى الآن.")
    place(doc, "قاعدة العند", "Al Anad", 13.18, 44.77, "YE")
    assert not run(doc)


def test_anniversary_belief_and_too_early_are_no_events():
    doc = make_doc("وتظاهر المئات اليوم في ذكرى مرور عام على مقتل شاب برصاص شرطي في مدينة فيرغسون.")
    place(doc, "فيرغسون", "Ferguson", 38.74, -90.3, "US")
    timex(doc, "اليوم", "2015-08-08")
    assert [e.event_type for e in run(doc)] == ["Protests"]
    doc = make_doc("ويعتقد أن المسلحين خطفوا القساوسة في بلدة القريتين.")
    place(doc, "القريتين", "Al Qaryatayn", 34.23, 37.24, "SY")
    assert not run(doc)


def test_clash_with_protesters_is_a_protest_met_by_force():
    doc = make_doc("واشتبكت الشرطة مع متظاهرين في شوارع مدينة فيرغسون أمس.")
    actor(doc, "الشرطة", "us_pol", "Police Forces of the United States", "police", 1, "US")
    place(doc, "فيرغسون", "Ferguson", 38.74, -90.3, "US")
    timex(doc, "أمس", "2015-08-07")
    assert [(e.event_type, e.sub_event_type) for e in run(doc)] == [("Protests", "Protest with intervention")]


def test_air_support_does_not_make_a_ground_attack_a_strike_and_dual_suicide_bombers():
    doc = make_doc("وبدأت القوات الموالية للحكومة بدعم من طيران التحالف هجوما واسعا على قاعدة العند أمس.")
    actor(doc, "القوات الموالية للحكومة", "ye_mil", "Military Forces of Yemen", "military", 1, "YE")
    place(doc, "قاعدة العند", "Al Anad", 13.18, 44.77, "YE")
    timex(doc, "أمس", "2015-08-07")
    assert [e.event_type for e in run(doc)] == ["Battles"]
    doc = make_doc("قتل 12 شخصا أمس عندما هاجم انتحاريان مسبحا في بلدة طوز خورماتو.")
    place(doc, "طوز خورماتو", "Tuz Khurmatu", 34.89, 44.63, "IQ")
    timex(doc, "أمس", "2015-08-07")
    assert [e.sub_event_type for e in run(doc)] == ["Suicide bomb"]


def test_partitive_toll():
    doc = make_doc("واستشهد ثلاثة من رجال الأمن إثر سقوط قذيفة في مدينة الشيخ زويد أمس.")
    place(doc, "الشيخ زويد", "Sheikh Zuweid", 31.21, 34.11, "EG")
    timex(doc, "أمس", "2015-08-07")
    assert [e.fatalities for e in run(doc)] == [3]


def test_province_placed_from_a_city_stays_itself():
    doc = make_doc("وقتل 14 جنديا أمس في غارة أمريكية على حاجز للجيش في ولاية لوغار جنوب كابول.")
    place(doc, "لوغار", "Logar", 34.0, 69.0, "AF", precision=3, feature="admin1 province")
    place(doc, "كابول", "Kabul", 34.53, 69.17, "AF")
    timex(doc, "أمس", "2015-08-07")
    assert [e.place.name for e in run(doc)] == ["Logar"]


def test_arrest_of_protesters_is_a_protest_met_by_force():
    doc = make_doc("وأفاد شاهد بأن عشرات المحتجين اعتقلوا أمس بعدما عطلوا المرور في مدينة فيرغسون.")
    place(doc, "فيرغسون", "Ferguson", 38.74, -90.3, "US")
    timex(doc, "أمس", "2015-08-07")
    assert [(e.event_type, e.sub_event_type) for e in run(doc)] == [("Protests", "Protest with intervention")]


def test_pluperfect_frame_reaches_the_object_of_its_verb():
    doc = make_doc("وكانت البعثة الأممية قد أعربت عن قلقها البالغ إزاء تجدد الاشتباكات في مدينة سبها بين القبيلتين.")
    place(doc, "سبها", "Sabha", 27.04, 14.43, "LY")
    assert not run(doc)


def test_years_span_before_the_trigger_is_history():
    doc = make_doc("وكشفت الهجمات على مدى أكثر من 12 عاما عن تغير في الأساليب، بدأت بسيارات مفخخة يقودها انتحاري في الرياض.")
    place(doc, "الرياض", "Riyadh", 24.69, 46.72, "SA")
    assert not run(doc)


def test_bracketed_toll_and_suicide_bombers_make_violence():
    doc = make_doc("وأدانت المنظمة الهجوم الذي وقع يوم الأربعاء الماضي في مدينة مروة، حيث فجرت انتحاريتان "
                   "نفسيهما، ما أدى إلى مقتل (20) شخصا.")
    place(doc, "مروة", "Maroua", 10.59, 14.32, "CM")
    timex(doc, "يوم الأربعاء الماضي", "2015-08-05")
    evs = run(doc)
    assert [(e.place.name, e.fatalities) for e in evs] == [("Maroua", 20)]


def test_survived_assassination_attempt_is_an_attack():
    doc = make_doc("وتعرض عضو الهيئة التأسيسية في ساعات متأخرة ليل السبت إلى محاولة اغتيال برصاص مسلحين في مدينة سبها.")
    actor(doc, "مسلحين", "gunmen", "Unidentified Armed Group (Libya)", "armed group", 3, "LY")
    place(doc, "سبها", "Sabha", 27.04, 14.43, "LY")
    timex(doc, "ليل السبت", "2015-08-08")
    assert [e.event_type for e in run(doc)] == ["Violence against civilians"]
    doc = make_doc("وحاول مسلحون اغتيال القاضي في مدينة سبها لكن الشرطة أحبطت المحاولة.")
    actor(doc, "مسلحون", "gunmen", "Unidentified Armed Group (Libya)", "armed group", 3, "LY")
    place(doc, "سبها", "Sabha", 27.04, 14.43, "LY")
    assert all(e.event_type != "Violence against civilians" for e in run(doc))  # (a foiled plot)


def test_habits_told_with_adverbs_are_no_events():
    doc = make_doc("وغالبا ما تحصل هذه الهجمات في منطقة كشمير.")
    place(doc, "كشمير", "Kashmir", 34.08, 74.8, "IN")
    assert not run(doc)
    doc = make_doc("وتوترت العلاقات بين الطرفين في مدينة تعز ووصلت إلى حد المواجهة المسلحة في بعض الأحيان.")
    houthis(doc, "الطرفين")
    place(doc, "تعز", "Taiz", 13.58, 44.02, "YE")
    assert not run(doc)


def test_only_political_arrests_are_recorded():
    doc = make_doc("وألقت الشرطة القبض على شخصين مشتبه بهما في مدينة ريتشموند أمس.")
    actor(doc, "الشرطة", "us_pol", "Police Forces of the United States", "police", 1, "US")
    place(doc, "ريتشموند", "Richmond", 37.94, -122.35, "US")
    timex(doc, "أمس", "2015-08-07")
    assert not run(doc)
    doc = make_doc("وألقت الشرطة القبض على ثلاثة يشتبه في انتمائهم إلى تنظيم داعش في مدينة إسطنبول أمس.")
    actor(doc, "الشرطة", "tr_pol", "Police Forces of Turkey", "police", 1, "TR")
    place(doc, "إسطنبول", "Istanbul", 41.01, 28.98, "TR")
    timex(doc, "أمس", "2015-08-07")
    assert [e.sub_event_type for e in run(doc)] == ["Arrests"]


def test_a_truce_one_side_announces_is_no_agreement():
    doc = make_doc("وأعلن التحالف أمس هدنة في مدينة عدن يبدأ سريانها مساء الأحد.")
    place(doc, "عدن", "Aden", 12.78, 45.04, "YE")
    timex(doc, "أمس", "2015-08-07")
    assert not run(doc)
    doc = make_doc("ووقعت القبيلتان أمس اتفاقا لوقف إطلاق النار في مدينة سبها.")
    place(doc, "سبها", "Sabha", 27.04, 14.43, "LY")
    timex(doc, "أمس", "2015-08-07")
    assert [e.sub_event_type for e in run(doc)] == ["Agreement"]


def test_suicide_car_bomb_told_twice_is_one_suicide_bombing():
    doc = make_doc("أعلن التنظيم أمس مسؤوليته عن هجوم انتحاري بسيارة ملغومة في حي بمدينة بغداد قتل فيه 20 شخصا. "
                   "وقال التنظيم إن عناصره فجروا سيارة مفخخة في مدينة بغداد أمس.")
    actor(doc, "التنظيم", "is", "Islamic State", "jihadist group", 2, "IQ")
    place(doc, "بغداد", "Baghdad", 33.31, 44.37, "IQ")
    place(doc, "بغداد", "Baghdad", 33.31, 44.37, "IQ", nth=1)
    timex(doc, "أمس", "2015-08-07")
    timex(doc, "أمس", "2015-08-07", nth=1)
    assert [e.sub_event_type for e in run(doc)] == ["Suicide bomb"]


def test_place_of_a_past_event_after_baad_is_not_this_events():
    doc = make_doc("واعتقلت الشرطة عشرات من عناصر التنظيم بعد تفجير سروج.")
    actor(doc, "الشرطة", "tr_pol", "Police Forces of Turkey", "police", 1, "TR")
    place(doc, "سروج", "Suruc", 36.98, 38.42, "TR")
    assert all(e.event_type != "Strategic developments" for e in run(doc))


def test_withdrawal_in_a_battle_is_no_non_violent_transfer():
    doc = make_doc("ودارت معارك عنيفة في منطقة كرش أسفرت عن تقدم المقاومة وانسحاب مقاتلي الحوثي أمس.")
    houthis(doc, "الحوثي")
    place(doc, "كرش", "Karish", 13.4, 44.63, "YE")
    timex(doc, "أمس", "2015-08-07")
    assert [e.event_type for e in run(doc)] == ["Battles"]


def test_resorting_to_shelling_is_a_habit():
    doc = make_doc("وقال إن الحوثيين يعمدون إلى قصف الأحياء في مدينة البيضاء حينما يفشلون.")
    houthis(doc, "الحوثيين")
    place(doc, "البيضاء", "Al Bayda", 13.99, 45.57, "YE")
    assert not run(doc)


def test_victims_named_after_a_death_word_are_the_target_and_the_launcher_is_the_agent():
    import marsad

    text = "قتل أربعة جنود من الجيش التونسي في هجوم بقذائف الهاون شنه مسلحون على ثكنتهم قرب القصرين مساء الأحد."
    doc = marsad.extract(text, published="2015-08-10")
    attacks = [e for e in doc.events if e.modality == "asserted"]
    assert attacks, doc.events
    ev = attacks[0]
    assert ev.actor1 is not None and ev.actor1.name == "Unidentified Armed Group"
    assert ev.actor2 is not None and ev.actor2.name == "Military Forces of Tunisia"
    assert ev.fatalities == 4


def test_soldiers_killed_by_a_bomb_are_not_its_agent():
    import marsad

    text = "أعلن الجيش مقتل جنديين تركيين في انفجار عبوة ناسفة استهدف دورية عسكرية في ولاية هكاري أمس."
    doc = marsad.extract(text, published="2015-08-12")
    bombs = [e for e in doc.events if e.event_type == "Explosions/Remote violence"]
    assert bombs and all(e.actor1 is None or e.actor1.name != "Military Forces of Turkey" for e in bombs)
