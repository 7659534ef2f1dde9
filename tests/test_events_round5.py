"""Events: the fifth round's general fixes, found on heldout5/heldout6 (dates to come, a lead
dated in history, directions, time anaphors …). Sentences written for these tests."""

from __future__ import annotations

from marsad.events.stage import Events, reportable
from test_events_helpers import actor, make_doc, place, timex


def run(doc):
    Events()(doc)
    return [e for e in doc.events if reportable(e)]


def houthis(doc, surface, nth=0):
    return actor(doc, surface, "houthi", "Houthis", "rebel group", 2, "YE", nth)


def resistance(doc, surface, nth=0):
    return actor(doc, surface, "resistance", "Popular Resistance", "militia", 3, "YE", nth)


def test_a_day_to_come_makes_the_event_planned():
    doc = make_doc("وتنظم الأحزاب مسيرة احتجاجية في مدينة الحديدة يوم 12 أغسطس المقبل.", "2015-08-08")
    place(doc, "الحديدة", "Al Hudaydah", 14.80, 42.95, "YE")
    timex(doc, "12 أغسطس المقبل", "2015-08-12")
    Events()(doc)
    assert doc.events and all(e.date != "2015-08-12" for e in doc.events)
    assert not [e for e in doc.events if reportable(e)]


def test_a_lead_dated_in_history_does_not_date_the_news():
    doc = make_doc("حملت اللجنة القادة مسؤولية سقوط المدينة بيد المتمردين في 10 يونيو 2014. "
                   "وأعلنت مصادر أن المقاومة الشعبية تقدمت في الضواحي. "
                   "وسيطرت المقاومة الشعبية على مدينة الضالع بعد معارك عنيفة.", "2015-08-08")
    resistance(doc, "المقاومة الشعبية", 1)
    place(doc, "الضالع", "Ad Dali'", 13.70, 44.73, "YE")
    timex(doc, "10 يونيو 2014", "2014-06-10")
    ev = next(e for e in run(doc) if e.sub_event_type == "Non-state actor overtakes territory")
    assert ev.date == "2015-08-08" and not ev.background


def test_a_place_after_a_direction_and_a_generic_is_not_the_event_place():
    doc = make_doc("وشارك مقاتلو المقاومة الشعبية في اشتباكات عنيفة، ثم توجهوا إلى محافظة الضالع.")
    resistance(doc, "المقاومة الشعبية")
    place(doc, "الضالع", "Ad Dali'", 13.70, 44.73, "YE")
    Events()(doc)
    assert all(e.place is None or e.place.name != "Ad Dali'" for e in doc.events)


def test_the_same_month_takes_the_time_of_the_sentence_before():
    doc = make_doc("واستولى الحوثيون على قاعدة العند في مارس 2015. "
                   "وفي الشهر نفسه شنت مقاتلات التحالف غارات جوية على قاعدة العند.", "2015-08-08")
    houthis(doc, "الحوثيون")
    place(doc, "العند", "Al Anad", 13.20, 44.77, "YE")
    place(doc, "العند", "Al Anad", 13.20, 44.77, "YE", nth=1)
    timex(doc, "مارس 2015", "2015-03", "month")
    Events()(doc)
    strike = next(e for e in doc.events if e.sub_event_type == "Air/drone strike")
    assert strike.date == "2015-03-01" and strike.background and not reportable(strike)


def test_the_day_after_dates_the_event_a_day_earlier():
    doc = make_doc("وعدت الحكومة بتشديد الأمن غداة هجوم انتحاري ضرب مدينة سوروتش وأودى بحياة 30 شخصا.",
                   "2015-07-22")
    place(doc, "سوروتش", "Suruc", 36.98, 38.42, "TR")
    bomb = next(e for e in run(doc) if e.sub_event_type == "Suicide bomb")
    assert bomb.date == "2015-07-21"


def test_a_march_that_is_supposed_to_happen_is_planned():
    doc = make_doc("ويفترض أن يتجمع آلاف الأشخاص بعد ظهر الأحد في مسيرة من أجل السلام في اسطنبول.", "2015-07-25")
    place(doc, "اسطنبول", "Istanbul", 41.01, 28.95, "TR")
    timex(doc, "ظهر الأحد", "2015-07-19")
    Events()(doc)
    assert doc.events and not [e for e in doc.events if reportable(e)]


def test_the_trigger_adjective_is_not_another_trigger_between_it_and_its_date():
    doc = make_doc("فرقت الشرطة مساء الجمعة مئات المتظاهرين الذين دانوا الهجوم الانتحاري الذي وقع مطلع "
                   "الأسبوع الجاري في سوروتش.", "2015-07-25")
    place(doc, "سوروتش", "Suruc", 36.98, 38.42, "TR")
    timex(doc, "مساء الجمعة", "2015-07-24")
    timex(doc, "مطلع الأسبوع الجاري", "2015-W30", "week")
    bomb = next(e for e in run(doc) if e.sub_event_type == "Suicide bomb")
    assert bomb.date == "2015-07-20"


def test_a_borrowed_date_does_not_replace_the_mention_s_own():
    doc = make_doc("فرقت الشرطة مساء الجمعة المتظاهرين بعد التفجير الانتحاري الذي وقع مطلع الأسبوع الجاري "
                   "في سوروتش. واستهدف التفجير الانتحاري في سوروتش شبانا ناشطين.", "2015-07-25")
    place(doc, "سوروتش", "Suruc", 36.98, 38.42, "TR")
    place(doc, "سوروتش", "Suruc", 36.98, 38.42, "TR", nth=1)
    timex(doc, "مساء الجمعة", "2015-07-24")
    timex(doc, "مطلع الأسبوع الجاري", "2015-W30", "week")
    bombs = [e for e in run(doc) if e.sub_event_type == "Suicide bomb"]
    assert len(bombs) == 1 and bombs[0].date == "2015-07-20"


def test_an_attack_named_by_its_place_is_a_reference():
    doc = make_doc("وقال الرئيس إن هجوم سوروتش الذي أسفر عن مقتل 32 شخصا لن يمر دون عقاب.", "2015-07-25")
    place(doc, "سوروتش", "Suruc", 36.98, 38.42, "TR")
    Events()(doc)
    attack = [e for e in doc.events if e.trigger.start == doc.text.index("هجوم")]
    assert attack and attack[0].modality == "reference" and not reportable(attack[0])


def test_new_trigger_words_kept_as_data():
    cases = [
        ("أعلن الجيش تصفية أحد العناصر الإرهابية في مدينة العريش فجر أمس.", "Armed clash"),
        ("مستوطنون أضرموا النار في منزل بقرية دوما مما أدى إلى مقتل طفل.", "Attack"),
        ("وداهمت الشرطة منازل في مدينة اسطنبول واعتقلت عناصر من تنظيم داعش.", "Arrests"),
        ("وأبطل خبراء المتفجرات أمس مفعول عبوة ناسفة قرب مبنى البلدية في مدينة أنقرة.", "Disrupted weapons use"),
        ("وفتح مسلحون النار على مركز حدودي في مدينة كيليس ما أدى إلى مقتل جندي.", "Armed clash"),
    ]
    names = {"العريش": ("Arish", 31.13, 33.80, "EG"), "دوما": ("Duma", 32.06, 35.36, "PS"),
             "اسطنبول": ("Istanbul", 41.01, 28.95, "TR"), "أنقرة": ("Ankara", 39.93, 32.86, "TR"),
             "كيليس": ("Kilis", 36.72, 37.12, "TR")}
    for text, sub in cases:
        doc = make_doc(text)
        for surface, (name, lat, lon, cc) in names.items():
            if surface in text:
                place(doc, surface, name, lat, lon, cc)
        if "داعش" in text:
            actor(doc, "تنظيم داعش", "is", "Islamic State", "jihadist group", 2, None)
        if "أمس" in text:
            timex(doc, "أمس", "2015-08-07")
        if "خبراء المتفجرات" in text:
            actor(doc, "خبراء المتفجرات", "police_tr", "Police Forces of Turkey", "police", 1, "TR")
        if "مسلحون" in text:
            actor(doc, "مسلحون", "gunmen", "Unidentified Armed Group", "armed group", 3, None)
        assert sub in {e.sub_event_type for e in run(doc)}, text


def test_a_count_of_one_written_as_ahad():
    doc = make_doc("قتل أحد الجنود في هجوم مسلح على حاجز في مدينة العريش.")
    place(doc, "العريش", "Arish", 31.13, 33.80, "EG")
    assert [e.fatalities for e in run(doc)] == [1]


def test_a_defused_bomb_is_no_explosion():
    doc = make_doc("وأبطل خبراء المتفجرات أمس مفعول عبوة ناسفة قرب مبنى البلدية في مدينة أنقرة.")
    place(doc, "أنقرة", "Ankara", 39.93, 32.86, "TR")
    timex(doc, "أمس", "2015-08-07")
    actor(doc, "خبراء المتفجرات", "police_tr", "Police Forces of Turkey", "police", 1, "TR")
    subs = {e.sub_event_type for e in run(doc)}
    assert "Disrupted weapons use" in subs and "Remote explosive/landmine/IED" not in subs


def test_a_gap_in_a_multiword_trigger():
    from marsad.events.context import View
    from marsad.events.triggers import find_triggers
    doc = make_doc("وكان متطرفون فتحوا أمس، النار على مركز حدودي.")
    hits = find_triggers(View.of(doc))
    assert any(h.entry.pattern == "W:فتحوا … النار" for h in hits)
    doc = make_doc("فتحوا باب الحوار مع الجميع في المدينة والنار مشتعلة.")
    assert not any("فتح" in h.entry.pattern for h in find_triggers(View.of(doc)))


def test_where_a_source_or_an_official_is_is_not_the_event_place():
    doc = make_doc("وكشفت مصادر إعلامية يمنية في العاصمة صنعاء عن اشتباكات عنيفة وقعت بين اللواء الرابع "
                   "والمسلحين الحوثيين.")
    place(doc, "صنعاء", "Sanaa", 15.35, 44.21, "YE")
    houthis(doc, "المسلحين الحوثيين")
    Events()(doc)
    assert doc.events and all(e.place is None or e.place.name != "Sanaa" for e in doc.events)
    doc = make_doc("وقال المسؤول الصحي في عدن إن غارة جوية قتلت خمسة مدنيين في مدينة لحج.")
    place(doc, "عدن", "Aden", 12.78, 45.04, "YE")
    place(doc, "لحج", "Lahij", 13.06, 44.88, "YE")
    assert [e.place.name for e in run(doc)] == ["Lahij"]


def test_the_dateline_place_is_not_the_event_place():
    doc = make_doc("محمد العلي- صحيفة- جدة: اندلعت اشتباكات عنيفة أمس بين مسلحين وقوات الأمن.")
    place(doc, "جدة", "Jeddah", 21.49, 39.19, "SA")
    Events()(doc)
    assert doc.events and all(e.place is None or e.place.name != "Jeddah" for e in doc.events)


def test_the_friday_prayer_is_no_date_but_a_dated_prayer_is():
    doc = make_doc("وكان انتحاري فجر نفسه خلال صلاة الجمعة في مسجد بمدينة الكويت.", "2015-08-03")
    place(doc, "الكويت", "Kuwait City", 29.37, 47.98, "KW")
    timex(doc, "الجمعة", "2015-07-31")
    Events()(doc)
    assert all(e.date != "2015-07-31" for e in doc.events)
    doc = make_doc("وفجر انتحاري نفسه أثناء صلاة ظهر يوم الخميس الماضي في مسجد بمدينة أبها.", "2015-08-09")
    place(doc, "أبها", "Abha", 18.22, 42.50, "SA")
    timex(doc, "ظهر يوم الخميس الماضي", "2015-08-06")
    assert [e.date for e in run(doc)] == ["2015-08-06"]


def test_the_capital_without_a_name_is_the_article_country_s_capital():
    doc = make_doc("وتقدمت المقاومة في مدينة تعز. وشنت مقاتلات التحالف غارات جوية على مواقع الحوثيين بالعاصمة "
                   "قبل ساعات من بدء الهدنة.")
    place(doc, "تعز", "Taiz", 13.58, 44.02, "YE")
    houthis(doc, "الحوثيين")
    strikes = [e for e in run(doc) if e.sub_event_type == "Air/drone strike"]
    assert [(e.place.name, e.place.country) for e in strikes] == [("Sanaa", "YE")]


def test_a_role_in_a_capture_is_credit_for_a_known_one():
    doc = make_doc("ويقول يمنيون إن القائد لعب دورا مهما في استيلاء الجماعة على صنعاء.")
    place(doc, "صنعاء", "Sanaa", 15.35, 44.21, "YE")
    houthis(doc, "الجماعة")
    Events()(doc)
    assert doc.events and not [e for e in doc.events if reportable(e)]


def test_tightening_control_over_a_junction_is_a_capture():
    doc = make_doc("أحكمت عناصر المقاومة الشعبية سيطرتها على مثلث الطرق المجاور لمدينة الضالع.")
    resistance(doc, "المقاومة الشعبية")
    place(doc, "الضالع", "Ad Dali'", 13.70, 44.73, "YE")
    assert [e.sub_event_type for e in run(doc)] == ["Non-state actor overtakes territory"]


def test_a_site_tag_line_holds_no_event():
    doc = make_doc("ولم يتسن التحقق من صحة التقرير. سمات تركيا مظاهرات اسطنبول")
    place(doc, "اسطنبول", "Istanbul", 41.01, 28.95, "TR")
    Events()(doc)
    assert not doc.events


def test_a_town_describing_a_province_is_a_reference_point():
    doc = make_doc("وفي محافظة إب بجنوب صنعاء تحتدم المواجهات بين الحوثيين وقوات المقاومة الشعبية.")
    place(doc, "إب", "Ibb", 13.97, 44.18, "YE", admin1="Ibb", precision=3, feature="admin1 governorate")
    place(doc, "صنعاء", "Sanaa", 15.35, 44.21, "YE", feature="capital")
    houthis(doc, "الحوثيين")
    resistance(doc, "المقاومة الشعبية")
    assert [e.place.name for e in run(doc)] == ["Ibb"]


def test_a_capture_of_two_areas_named_in_the_dual():
    doc = make_doc("وأكد مصدر محلي أن المقاومة الشعبية سيطرت أمس على منطقتي السدة وحزم العديد.")
    resistance(doc, "المقاومة الشعبية")
    place(doc, "السدة", "As Saddah", 14.07, 44.40, "YE")
    timex(doc, "أمس", "2015-08-07")
    assert [e.sub_event_type for e in run(doc)] == ["Non-state actor overtakes territory"]


def test_an_unknown_locality_is_coded_at_the_province_its_sentence_names():
    doc = make_doc("وسيطرت المقاومة الشعبية على منطقة الوهط عقب اشتباكات قوية بمحافظة لحج.")
    resistance(doc, "المقاومة الشعبية")
    place(doc, "الوهط", "Al-Wht (somewhere in YE, coded at Taiz)", 13.58, 44.02, "YE", admin1="Taiz",
          precision=3, feature="unknown locality")
    place(doc, "لحج", "Lahij", 13.06, 44.88, "YE", admin1="Lahij", precision=3, feature="admin1 governorate")
    capture = next(e for e in run(doc) if e.sub_event_type == "Non-state actor overtakes territory")
    assert (capture.place.lat, capture.place.lon) == (13.06, 44.88) and "Lahij" in capture.place.name


def test_a_comparison_is_not_news():
    doc = make_doc("وقال إنه صنع قنبلة مثل القنبلة التي استخدمت في تفجير بوسطن يوم الجمعة.", "2015-08-08")
    place(doc, "بوسطن", "Boston", 42.36, -71.06, "US")
    timex(doc, "يوم الجمعة", "2015-08-07")
    Events()(doc)
    assert doc.events and not [e for e in doc.events if reportable(e)]
    doc = make_doc("ويأتي الحادث بعد أسبوعين من هجوم مشابه نفذه مسلح في سينما بمدينة لافاييت أسفر عن مقتل امرأتين.")
    place(doc, "لافاييت", "Lafayette", 30.22, -92.02, "US")
    assert not run(doc)


def test_an_aggregate_since_the_crisis_began_is_no_event():
    doc = make_doc("وقتل 19 شخصا من قوات الأمن في هجمات نسبت إلى الحزب منذ بداية الأزمة الحالية في ولاية شرناق.")
    place(doc, "شرناق", "Sirnak", 37.52, 42.46, "TR")
    Events()(doc)
    assert doc.events and not [e for e in doc.events if reportable(e)]


def test_a_since_date_in_a_relative_clause_does_not_make_the_strike_a_state():
    doc = make_doc("وقال سكان إن المقاومة الشعبية قصفت مواقع الحوثيين في البيضاء بالتزامن مع تحليق طيران "
                   "التحالف الذي تقوده المملكة منذ 26 مارس الماضي.", "2015-08-11")
    resistance(doc, "المقاومة الشعبية")
    houthis(doc, "الحوثيين")
    place(doc, "البيضاء", "Al Bayda", 13.99, 45.57, "YE")
    timex(doc, "26 مارس الماضي", "2015-03-26")
    strikes = run(doc)
    assert [(e.event_type, e.sub_event_type) for e in strikes] == [
        ("Explosions/Remote violence", "Shelling/artillery/missile attack")]


def test_an_unnamed_place_of_its_own_takes_no_place_from_before():
    doc = make_doc("وداهمت الشرطة منازل في اسطنبول. وجاءت المداهمات بعد مقتل 32 شخصا في تفجير انتحاري الاثنين "
                   "في بلدة تركية على الحدود.")
    place(doc, "اسطنبول", "Istanbul", 41.01, 28.95, "TR")
    Events()(doc)
    bombs = [e for e in doc.events if e.sub_event_type == "Suicide bomb"]
    assert bombs and all(e.place is None for e in bombs)
    doc = make_doc("واندلعت اشتباكات عنيفة في مدينة تعز. وقصفت الميليشيات بالمدفعية الأحياء السكنية في المدينة "
                   "ما أدى إلى مقتل ثلاثة مدنيين.")
    place(doc, "تعز", "Taiz", 13.58, 44.02, "YE")
    shells = [e for e in run(doc) if e.event_type == "Explosions/Remote violence"]
    assert [e.place.name for e in shells] == ["Taiz"]


def test_an_event_some_time_before_the_news_is_its_background():
    doc = make_doc("ويأتي القصف بعد وقت قصير من نجاح قوات المقاومة الشعبية الموالية للرئيس، في تحرير مدينة عدن.")
    place(doc, "عدن", "Aden", 12.78, 45.04, "YE")
    resistance(doc, "قوات المقاومة الشعبية")
    Events()(doc)
    capture = [e for e in doc.events if e.sub_event_type == "Non-state actor overtakes territory"]
    assert capture and not reportable(capture[0])
    doc = make_doc("وسيطرت قوات المقاومة الشعبية على مدينة عدن بعد ساعات من المعارك.")
    place(doc, "عدن", "Aden", 12.78, 45.04, "YE")
    resistance(doc, "قوات المقاومة الشعبية")
    assert [e.sub_event_type for e in run(doc)] == ["Non-state actor overtakes territory"]


def test_a_compass_apposition_after_a_comma_is_a_reference_point():
    doc = make_doc("وبسطت المقاومة الشعبية سيطرتها على مدينة الحوطة، شمالي عدن، بعد اشتباكات عنيفة مع المتمردين.")
    resistance(doc, "المقاومة الشعبية")
    place(doc, "الحوطة", "Al Hawtah", 13.05, 44.88, "YE")
    place(doc, "عدن", "Aden", 12.78, 45.04, "YE")
    assert {e.place.name for e in run(doc)} == {"Al Hawtah"}


def test_an_arrest_told_without_a_place_borrows_none():
    doc = make_doc("وشنت طائرات التحالف غارات على مواقع في محافظة لحج. وقالت المقاومة إن القوى الجنوبية اعتقلت "
                   "القائد العسكري في جماعة الحوثيين.")
    place(doc, "لحج", "Lahij", 13.06, 44.88, "YE")
    houthis(doc, "جماعة الحوثيين")
    Events()(doc)
    arrests = [e for e in doc.events if e.sub_event_type == "Arrests"]
    assert arrests and all(e.place is None for e in arrests)


def test_fighting_that_led_to_a_capture_told_next_to_it_is_that_capture():
    doc = make_doc("وتمكنت المقاومة الشعبية في مدينة تعز من التقدم بعد اشتباكات عنيفة مع الحوثيين. "
                   "كما حققت المقاومة الشعبية تقدما بعد سيطرتها على نقطة الربيعي في مدينة تعز.")
    resistance(doc, "المقاومة الشعبية")
    resistance(doc, "المقاومة الشعبية", 1)
    houthis(doc, "الحوثيين")
    place(doc, "تعز", "Taiz", 13.58, 44.02, "YE")
    place(doc, "تعز", "Taiz", 13.58, 44.02, "YE", nth=1)
    assert [e.sub_event_type for e in run(doc)] == ["Non-state actor overtakes territory"]
    doc = make_doc("وتخوض المقاومة الشعبية مواجهات عنيفة مع الحوثيين في مدينة تعز. "
                   "كما حققت المقاومة الشعبية تقدما بعد سيطرتها على نقطة الربيعي في مدينة تعز.")
    resistance(doc, "المقاومة الشعبية")
    resistance(doc, "المقاومة الشعبية", 1)
    houthis(doc, "الحوثيين")
    place(doc, "تعز", "Taiz", 13.58, 44.02, "YE")
    place(doc, "تعز", "Taiz", 13.58, 44.02, "YE", nth=1)
    assert len(run(doc)) == 2  # fighting told as such stays a clash of its own
