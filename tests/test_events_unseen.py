"""Events: the fourth round's general fixes, found on the never-studied sets (heldout3/4): dates
of month or year precision in notes, the pluperfect without «قد», dates owned by another clause.
Sentences written for these tests."""

from __future__ import annotations

from marsad.events.notes import format_date, period_label
from marsad.events.stage import Events, reportable
from test_events_helpers import actor, make_doc, place, timex


def run(doc):
    Events()(doc)
    return [e for e in doc.events if reportable(e)]


def houthis(doc, surface, nth=0):
    return actor(doc, surface, "houthi", "Houthis", "rebel group", 2, "YE", nth)


def test_year_only_background_note_says_the_year():
    doc = make_doc("وفي عام 2013 سيطر الحوثيون على مدينة عمران بعد معارك مع الجيش.")
    houthis(doc, "الحوثيون")
    place(doc, "عمران", "Amran", 15.66, 43.94, "YE")
    timex(doc, "عام 2013", "2013", "year")
    Events()(doc)
    ev = next(e for e in doc.events if e.sub_event_type == "Non-state actor overtakes territory")
    assert ev.background and ev.time_precision == 3
    assert ev.notes.startswith("In 2013, Houthis took control of Amran")
    assert "January" not in ev.notes


def test_month_and_season_labels():
    assert period_label("2014-01", "month") == "January 2014"
    assert period_label("2014", "year") == "2014"
    assert period_label("2012-SU", "season") == "summer 2012"
    assert format_date("2014-01-01", 3, "2014") == "In 2014"
    assert format_date("2014-01-01", 3) == "In January 2014"  # a month named alone
    assert format_date("2015-08-03", 1, "2015") == "On 3 August 2015"


def test_pluperfect_without_qad_is_prior():
    # «وكانت + subject + perfect verb» opens the sentence: the background of the day's news
    doc = make_doc("وكانت الميليشيات الحوثية المتمردة استهدفت قرى حدودية بقذائف الهاون في مدينة حرض.")
    houthis(doc, "الميليشيات الحوثية")
    place(doc, "حرض", "Harad", 16.41, 43.06, "YE")
    assert not run(doc)
    assert any(e.modality == "prior" for e in doc.events)
    # the same sentence with a day of its own in the window is news
    doc = make_doc("وكانت الميليشيات الحوثية المتمردة استهدفت أمس قرى حدودية بقذائف الهاون في مدينة حرض.")
    houthis(doc, "الميليشيات الحوثية")
    place(doc, "حرض", "Harad", 16.41, 43.06, "YE")
    timex(doc, "أمس", "2015-08-07")
    assert [e.place.name for e in run(doc)] == ["Harad"]


def test_pluperfect_reach_is_bounded():
    # a trigger far from the sentence-opening «وكان» (another clause) is not framed by it
    doc = make_doc("وكان الرئيس قد وصل إلى المدينة الساحلية في زيارة رسمية قصيرة التقى خلالها المسؤولين "
                   "المحليين والقادة العسكريين وزعماء القبائل ورجال الأعمال، وقصفت طائرات التحالف أمس مواقع "
                   "للحوثيين في مدينة صعدة.", published="2015-08-08")
    houthis(doc, "للحوثيين")
    place(doc, "صعدة", "Saada", 16.94, 43.76, "YE")
    timex(doc, "أمس", "2015-08-07")
    assert [e.place.name for e in run(doc)] == ["Saada"]


def test_year_of_another_clause_does_not_date_the_trigger():
    # the year belongs to the clause after the comma, about the commander's past
    doc = make_doc("وقال شهود إن الصواريخ استهدفت مخازن السلاح في معسكر شرق صنعاء، ودمرت منزل القائد "
                   "المتهم بتسليم المدينة للمسلحين عام 2011. وكانت الغارات بدأت أمس.", published="2015-08-08")
    place(doc, "صنعاء", "Sanaa", 15.35, 44.21, "YE")
    timex(doc, "عام 2011", "2011", "year")
    Events()(doc)
    ev = next(e for e in doc.events if e.trigger.start == doc.text.index("استهدفت"))
    assert not ev.background and ev.date == "2015-08-08"


def test_season_in_a_relative_clause_dates_that_clause():
    doc = make_doc("وفي المساء هشم عشرات المحتجين نوافذ المتاجر في الشارع الرئيسي لمدينة بلتيمور الذي شهد "
                   "أعمال الشغب في الصيف الماضي.", published="2015-08-10")
    place(doc, "بلتيمور", "Baltimore", 39.29, -76.61, "US")
    timex(doc, "الصيف الماضي", "2014-SU", "season")
    Events()(doc)
    ev = next(e for e in doc.events if e.trigger.start < doc.text.index("الذي"))
    assert not ev.background and ev.date == "2015-08-10"


def test_old_day_in_a_relative_clause_does_not_date_the_next_sentence():
    riot = "ومع حلول الظلام رشق متظاهرون غاضبون الشرطة بالحجارة وأحرقوا سيارتين في مدينة فيرغسون."
    doc = make_doc("وبدأ إحياء ذكرى الشاب الذي أشعل مقتله في التاسع من أغسطس 2014 شهورا من الاحتجاجات. " + riot,
                   published="2015-08-10")
    place(doc, "فيرغسون", "Ferguson", 38.74, -90.31, "US")
    timex(doc, "التاسع من أغسطس 2014", "2014-08-09", "day")
    evs = run(doc)
    assert [(e.event_type, e.date) for e in evs] == [("Riots", "2015-08-10")]
    # a day the previous sentence itself tells still dates the next one (here: history)
    doc = make_doc("وفي التاسع من أغسطس 2014 قتل شرطي شابا أعزل في المدينة. " + riot, published="2015-08-10")
    place(doc, "فيرغسون", "Ferguson", 38.74, -90.31, "US")
    timex(doc, "التاسع من أغسطس 2014", "2014-08-09", "day")
    Events()(doc)
    assert not run(doc)
    assert any(e.event_type == "Riots" and e.background for e in doc.events)


def test_capital_naming_its_government_is_not_a_place():
    doc = make_doc("وقصفت طائرات التحالف أمس مواقع لجبهة النصرة ردا على هجوم شنته الجبهة على مقاتلين "
                   "دربتهم واشنطن.", published="2015-08-04")
    place(doc, "واشنطن", "Washington", 38.9, -77.04, "US", feature="capital")
    timex(doc, "أمس", "2015-08-03")
    Events()(doc)
    assert all(e.place is None or e.place.name != "Washington" for e in doc.events)
    # the object of a trigger, or a capital after a preposition, is where it happened
    doc = make_doc("وقصفت طائرات التحالف أمس صنعاء، وشنت غارات أخرى بصنعاء.", published="2015-08-04")
    place(doc, "صنعاء", "Sanaa", 15.35, 44.21, "YE", feature="capital")
    place(doc, "بصنعاء", "Sanaa", 15.35, 44.21, "YE", feature="capital")
    timex(doc, "أمس", "2015-08-03")
    assert {e.place.name for e in run(doc)} == {"Sanaa"}


def test_demonstrative_noun_is_a_reference_even_with_a_coordinated_actor():
    doc = make_doc("وتمكنت القوات العراقية بدعم من هذه الغارات ومسلحين من العشائر من التقدم في مدينة بيجي.")
    actor(doc, "القوات العراقية", "iq_mil", "Military Forces of Iraq", "military", 1, "IQ")
    actor(doc, "مسلحين من العشائر", "tribes", "Tribal Militia (Iraq)", "militia", 4, "IQ")
    place(doc, "بيجي", "Bayji", 34.93, 43.49, "IQ")
    Events()(doc)
    strikes = [e for e in doc.events if e.sub_event_type == "Air/drone strike"]
    assert strikes and all(e.modality == "reference" for e in strikes)


def test_distance_written_with_a_slash_marks_a_reference_point():
    doc = make_doc("وأعلن مصدر أمني أمس مقتل 12 من عناصر التنظيم قرب مدخل مدينة تكريت 170/كم شمال بغداد، "
                   "وقال إن عبوة ناسفة انفجرت عند مرور رتل للتنظيم.")
    place(doc, "تكريت", "Tikrit", 34.6, 43.68, "IQ")
    place(doc, "بغداد", "Baghdad", 33.34, 44.4, "IQ", feature="capital")
    timex(doc, "أمس", "2015-08-07")
    assert [e.place.name for e in run(doc)] == ["Tikrit"]


def test_road_between_two_towns_is_not_two_strikes():
    doc = make_doc("وقصفت طائرات التحالف أمس مواقع للتنظيم في قرية قرب تلعفر وعلى الطريق بين سنجار والبعاج.")
    place(doc, "تلعفر", "Tal Afar", 36.37, 42.45, "IQ")
    place(doc, "سنجار", "Sinjar", 36.32, 41.88, "IQ")
    place(doc, "والبعاج", "Al Baaj", 36.03, 41.73, "IQ")
    timex(doc, "أمس", "2015-08-07")
    assert [e.place.name for e in run(doc)] == ["Tal Afar"]


def test_car_bombs_in_the_dual_make_a_bombing():
    doc = make_doc("وقال مصدر أمني إن هجوما بسيارتين مفخختين استهدف أمس حاجزا للجيش في مدينة الضالع.")
    place(doc, "الضالع", "Ad Dali'", 13.7, 44.73, "YE")
    timex(doc, "أمس", "2015-08-07")
    assert [e.sub_event_type for e in run(doc)] == ["Remote explosive/landmine/IED"]


def test_attack_with_small_arms_and_shells_is_a_clash():
    doc = make_doc("وشن مسلحون من التنظيم هجوما استهدف تجمعا لقوات الجيش في منطقة قرب الرمادي أمس استخدموا "
                   "خلاله أسلحة متوسطة وقذائف، ما أدى إلى مقتل ثلاثة جنود.")
    actor(doc, "التنظيم", "isis", "Islamic State", "jihadist group", 2, None)
    actor(doc, "قوات الجيش", "iq_mil", "Military Forces of Iraq", "military", 1, "IQ")
    place(doc, "الرمادي", "Ramadi", 33.42, 43.3, "IQ")
    timex(doc, "أمس", "2015-08-07")
    evs = run(doc)
    assert ("Battles", "Armed clash") in [(e.event_type, e.sub_event_type) for e in evs]
    clash = next(e for e in evs if e.sub_event_type == "Armed clash")
    # «هجوما استهدف»: the verb right after the noun is the same attack, not a second event
    assert len(clash.mentions) >= 2 and not any(e.trigger.start == doc.text.index("استهدف") for e in evs)


def test_arrests_during_a_protest_are_the_protest_met_by_force():
    doc = make_doc("اعتقلت الشرطة أمس أكثر من مئة عامل خلال تفريق مظاهرة في العاصمة طهران.")
    actor(doc, "الشرطة", "ir_pol", "Police Forces of Iran", "police", 1, "IR")
    place(doc, "طهران", "Tehran", 35.69, 51.42, "IR", feature="capital")
    timex(doc, "أمس", "2015-08-07")
    evs = run(doc)
    assert evs and {(e.event_type, e.sub_event_type) for e in evs} == {("Protests", "Protest with intervention")}


def test_any_attack_is_no_event():
    doc = make_doc("ويحمل الجيش الحركة مسؤولية أي هجوم ينطلق من مدينة خان يونس.")
    actor(doc, "الجيش", "il_mil", "Military Forces of Israel", "military", 1, "IL")
    place(doc, "خان يونس", "Khan Yunis", 31.34, 34.31, "PS")
    assert not run(doc)


def test_fighting_from_time_to_time_is_a_habit():
    doc = make_doc("وتخوض الحركة اشتباكات مسلحة من حين لآخر مع أفراد الجماعة في مدينة رفح.")
    place(doc, "رفح", "Rafah", 31.28, 34.25, "PS")
    assert not run(doc)


def test_fighting_that_has_stopped_is_no_event():
    doc = make_doc("وقال المسؤول إن المعارك توقفت في مدينة زنجبار لكن المستشفيات ما زالت بحاجة إلى الدعم.")
    place(doc, "زنجبار", "Zinjibar", 13.13, 45.38, "YE")
    Events()(doc)
    assert not [e for e in doc.events if reportable(e)]
    assert any(e.modality == "ended" for e in doc.events)


def test_pounded_is_a_strike():
    doc = make_doc("ودكت طائرات التحالف أمس مواقع للمتمردين في مدينة ذمار.")
    place(doc, "ذمار", "Dhamar", 14.54, 44.4, "YE")
    timex(doc, "أمس", "2015-08-07")
    assert [(e.sub_event_type, e.place.name) for e in run(doc)] == [("Air/drone strike", "Dhamar")]


def test_province_only_takes_the_finer_place_told_before():
    doc = make_doc("قتل خمسة جنود أمس في هجوم على حاجز في بلدة القطن. "
                   "وأوضح المصدر أن عبوة ناسفة انفجرت قرب نقطة للجيش بمحافظة حضرموت.")
    place(doc, "القطن", "Al Qatn", 15.86, 48.45, "YE", admin1="Hadramawt")
    place(doc, "حضرموت", "Hadramawt", 14.54, 49.12, "YE", admin1="Hadramawt", precision=3,
          feature="admin1 governorate")
    timex(doc, "أمس", "2015-08-07")
    evs = run(doc)
    bomb = next(e for e in evs if e.event_type == "Explosions/Remote violence")
    assert bomb.place.name == "Al Qatn"
    # a place in another province stays out
    doc = make_doc("قتل خمسة جنود أمس في هجوم على حاجز في مدينة عتق. "
                   "وأوضح المصدر أن عبوة ناسفة انفجرت قرب نقطة للجيش بمحافظة حضرموت.")
    place(doc, "عتق", "Ataq", 14.54, 46.83, "YE", admin1="Shabwah")
    place(doc, "حضرموت", "Hadramawt", 14.54, 49.12, "YE", admin1="Hadramawt", precision=3,
          feature="admin1 governorate")
    timex(doc, "أمس", "2015-08-07")
    bomb = next(e for e in run(doc) if e.event_type == "Explosions/Remote violence")
    assert bomb.place.name == "Hadramawt"


def test_this_first_attack_is_a_reference_and_history_places_stay_out():
    doc = make_doc("واستخدم التنظيم مدرعتين نهبهما من معسكر في مدينة المكلا قبل شهرين. "
                   "ويعد هذا أول هجوم للتنظيم يستخدم فيه مدرعات الجيش.", published="2015-08-01")
    actor(doc, "للتنظيم", "aqap", "AQAP", "jihadist group", 2, None)
    place(doc, "المكلا", "Mukalla", 14.54, 49.12, "YE")
    timex(doc, "قبل شهرين", "2015-06", "month")
    assert not run(doc)


def test_shelling_beside_a_clash_is_its_own_event():
    doc = make_doc("وتدور اشتباكات عنيفة أمس في مدينة تعز، وتستخدم الميليشيات الأسلحة الثقيلة في المواجهات "
                   "وفي قصف الأحياء السكنية.")
    houthis(doc, "الميليشيات")
    place(doc, "تعز", "Taiz", 13.58, 44.02, "YE")
    timex(doc, "أمس", "2015-08-07")
    types = sorted(e.event_type for e in run(doc))
    assert types == ["Battles", "Explosions/Remote violence"]


def test_daily_shelling_is_a_habit():
    doc = make_doc("والمتمردون يقصفون المدنيين بشكل يومي في مدينة تعز.")
    houthis(doc, "والمتمردون")
    place(doc, "تعز", "Taiz", 13.58, 44.02, "YE")
    assert not run(doc)


def test_clash_told_after_a_bare_attack_keeps_the_clash():
    # a bare «هجوم» (typed by default) merged with a told clash is no longer a guess: it does
    # not fold into the bombing of the same place and day
    doc = make_doc("قتل تسعة جنود أمس في هجوم على موقع عسكري في بلدة القطن. وأوضح مصدر أن تفجير سيارة "
                   "مفخخة تبعته اشتباكات عنيفة في بلدة القطن.")
    place(doc, "القطن", "Al Qatn", 15.86, 48.45, "YE")
    place(doc, "القطن", "Al Qatn", 15.86, 48.45, "YE", nth=1)
    timex(doc, "أمس", "2015-08-07")
    assert sorted(e.event_type for e in run(doc)) == ["Battles", "Explosions/Remote violence"]


def test_weapons_and_damage_of_an_attack_are_not_more_events():
    doc = make_doc("وهاجم مسلحون من التنظيم أمس حاجزا للجيش قرب مدينة بيجي مستخدمين الرشاشات وقذائف الهاون، "
                   "ما أدى إلى مقتل جنديين وتدمير مدرعة.")
    actor(doc, "التنظيم", "isis", "Islamic State", "jihadist group", 2, None)
    place(doc, "بيجي", "Bayji", 34.93, 43.49, "IQ")
    timex(doc, "أمس", "2015-08-07")
    evs = run(doc)
    assert [(e.event_type, e.fatalities) for e in evs] == [("Battles", 2)]


def test_blasts_heard_are_no_event_without_weapon_or_toll():
    doc = make_doc("وقال الأهالي إن قوات الأمن أغلقت الطرق وسمع دوي انفجارات في مدينة العريش.")
    actor(doc, "قوات الأمن", "eg_sec", "Police Forces of Egypt", "security", 1, "EG")
    place(doc, "العريش", "Arish", 31.13, 33.8, "EG")
    assert not run(doc)
    doc = make_doc("وسمع دوي انفجار عبوة ناسفة في مدينة العريش أمس أسفر عن مقتل شرطي.")
    place(doc, "العريش", "Arish", 31.13, 33.8, "EG")
    timex(doc, "أمس", "2015-08-07")
    assert [e.event_type for e in run(doc)] == ["Explosions/Remote violence"]


def test_control_of_things_is_no_capture():
    doc = make_doc("وفي مدينة الحديدة سيطر المتمردون على كافة مخزونات الوقود وحولوها لمصلحتهم.")
    houthis(doc, "المتمردون")
    place(doc, "الحديدة", "Al Hudaydah", 14.8, 42.95, "YE")
    assert not run(doc)
    doc = make_doc("وسيطر المتمردون أمس على كافة مواقع الجيش في مدينة الحديدة.")
    houthis(doc, "المتمردون")
    place(doc, "الحديدة", "Al Hudaydah", 14.8, 42.95, "YE")
    timex(doc, "أمس", "2015-08-07")
    assert [e.sub_event_type for e in run(doc)] == ["Non-state actor overtakes territory"]


def test_months_of_fighting_is_a_span():
    doc = make_doc("وقال الطبيب إن القطاع الصحي في مدينة عدن بات منهارا بعد خمسة أشهر من المعارك.")
    place(doc, "عدن", "Aden", 12.78, 45.04, "YE")
    assert not run(doc)


def test_credit_for_a_capture_is_a_reference_and_covers_the_list():
    doc = make_doc("وأشاد الوزير بجهد قوات التحالف الذي أسهم في تحرير محافظة عدن واستعادة عدد من المناطق من "
                   "قبضة الميليشيات.")
    actor(doc, "قوات التحالف", "coalition", "Saudi-led Coalition", "military", 8, None)
    houthis(doc, "الميليشيات")
    place(doc, "عدن", "Aden", 12.78, 45.04, "YE", admin1="Aden")
    assert not run(doc)


def test_word_list_names_are_unique():
    from marsad.events.lexicon import wordlists

    lists = wordlists()  # raises on a name defined twice
    assert "quantifiers" in lists and "object_skip" in lists
    assert "من" in lists["object_skip"] and "من" not in lists["quantifiers"]


def test_capital_after_a_word_of_stance_is_its_government():
    doc = make_doc("وانتقد الحزب أمس سماح أنقرة للطائرات الأمريكية بشن غارات جوية من قاعدة جوية في الجنوب.")
    place(doc, "أنقرة", "Ankara", 39.92, 32.85, "TR", feature="capital")
    timex(doc, "أمس", "2015-08-07")
    Events()(doc)
    assert doc.events and all(e.place is None or e.place.name != "Ankara" for e in doc.events)


def test_province_after_an_unknown_place_is_a_strike_place_of_its_own():
    doc = make_doc("وشنت طائرات التحالف أمس غارات على معسكر في مدينة إب، ومواقع أخرى في جبل المرخة بمحافظة "
                   "عمران ومديرية حيس بمحافظة الحديدة.")
    place(doc, "إب", "Ibb", 13.97, 44.18, "YE")
    place(doc, "عمران", "Amran", 15.66, 43.94, "YE", admin1="Amran", precision=3, feature="admin1 governorate")
    place(doc, "حيس", "Hays", 13.93, 43.48, "YE", admin1="Al Hudaydah")
    place(doc, "الحديدة", "Al Hudaydah", 14.8, 42.95, "YE", admin1="Al Hudaydah", precision=3,
          feature="admin1 governorate")
    timex(doc, "أمس", "2015-08-07")
    assert sorted(e.place.name for e in run(doc)) == ["Amran", "Hays", "Ibb"]


def test_reference_in_the_next_sentence_places_a_lead_placed_in_a_country():
    doc = make_doc("قتل 9 أشخاص اليوم عندما فجر انتحاري نفسه في سوق مزدحم في شمال العراق. وأسفر التفجير "
                   "الذي وقع في بلدة طوز خورماتو عن إصابة 30 شخصا.", published="2015-07-25")
    place(doc, "العراق", "Iraq", 33.0, 44.0, "IQ", admin1=None, precision=3, feature="country")
    place(doc, "طوز خورماتو", "Tuz Khurmatu", 34.89, 44.63, "IQ")
    timex(doc, "اليوم", "2015-07-25")
    evs = run(doc)
    assert [(e.sub_event_type, e.place.name, e.fatalities) for e in evs] == [("Suicide bomb", "Tuz Khurmatu", 9)]


def test_no_other_site_underwent_an_attempt():
    doc = make_doc("وأكد المتحدث أمس عدم تعرض أي مقر آخر لقوات الأمن لمحاولة تفجير في منطقة عسير.")
    place(doc, "عسير", "Asir", 18.22, 42.5, "SA", admin1="Asir", precision=3, feature="admin1 region")
    timex(doc, "أمس", "2015-08-07")
    assert not run(doc)
    doc = make_doc("وتعرض مقر لقوات الأمن أمس لمحاولة تفجير في منطقة عسير.")
    place(doc, "عسير", "Asir", 18.22, 42.5, "SA", admin1="Asir", precision=3, feature="admin1 region")
    timex(doc, "أمس", "2015-08-07")
    assert [e.event_type for e in run(doc)] == ["Explosions/Remote violence"]


def test_recent_series_is_no_single_event():
    doc = make_doc("ونفذ متشددو التنظيم في الآونة الأخيرة تفجيرات انتحارية في مدينة بعقوبة.")
    actor(doc, "التنظيم", "isis", "Islamic State", "jihadist group", 2, None)
    place(doc, "بعقوبة", "Baqubah", 33.75, 44.64, "IQ")
    assert not run(doc)


def test_distance_a_few_words_longer_still_marks_a_reference_point():
    doc = make_doc("وانفجرت سيارة مفخخة أمس في بلدة طوز خورماتو التي تبعد نحو 175 كيلومترا إلى الشمال من "
                   "العاصمة العراقية بغداد.")
    place(doc, "طوز خورماتو", "Tuz Khurmatu", 34.89, 44.63, "IQ")
    place(doc, "بغداد", "Baghdad", 33.34, 44.4, "IQ", feature="capital")
    timex(doc, "أمس", "2015-08-07")
    Events()(doc)
    assert all(e.place is None or e.place.name != "Baghdad" for e in doc.events)
