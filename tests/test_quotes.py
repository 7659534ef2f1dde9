"""Quotes stage: direct and indirect quotes, attributions, speakers through appositions,
titles and continuations, linked to the actor base. Articles written here."""

from __future__ import annotations

from marsad.events.quotes import Quotes
from test_events_helpers import actor, entity, make_doc


def quotes_of(doc):
    Quotes()(doc)
    return doc.quotes


def text_of(doc, q):
    return doc.text[q.start:q.end]


def test_indirect_quote_speaker_through_title_apposition():
    doc = make_doc("وقال المتحدث باسم قوات التحالف في اليمن، العميد أحمد عسيري، إن الطائرات دمرت مخازن "
                   "للأسلحة في محيط العاصمة. وأضاف أن العمليات ستستمر حتى تحقيق أهدافها، مؤكدا أن "
                   "المدنيين لم يتضرروا.")
    entity(doc, "أحمد عسيري", "PER", "Ahmed Asiri")
    actor(doc, "أحمد عسيري", "p:asiri", "Ahmed Asiri", "person", None, "SA")
    actor(doc, "قوات التحالف", "coalition", "Saudi-led Coalition", "military coalition", 8)
    qs = quotes_of(doc)
    assert len(qs) == 3
    first, second, third = qs
    assert not first.direct and text_of(doc, first).startswith("الطائرات دمرت مخازن")
    assert first.speaker.name == "Ahmed Asiri" and first.speaker.actor_id == "p:asiri"
    assert doc.text[first.speaker.start:first.speaker.end] == "أحمد عسيري"
    assert doc.text[first.cue_span.start:first.cue_span.end] == "قال"
    # «وأضاف أن» and «مؤكدا أن» continue the same speaker
    assert second.speaker.name == "Ahmed Asiri" and text_of(doc, second).startswith("العمليات ستستمر")
    assert third.speaker.name == "Ahmed Asiri" and text_of(doc, third).startswith("المدنيين لم يتضرروا")


def test_direct_quote_after_colon_and_in_guillemets():
    doc = make_doc("وقال وزير الداخلية محمد الفاتح: «سنلاحق منفذي الهجوم أينما كانوا ولن نتهاون مع أحد».")
    entity(doc, "محمد الفاتح", "PER")
    (q,) = quotes_of(doc)
    assert q.direct
    assert text_of(doc, q) == "سنلاحق منفذي الهجوم أينما كانوا ولن نتهاون مع أحد"
    assert q.speaker.name == "محمد الفاتح"


def test_curly_quotes_even_when_the_closing_mark_is_missing():
    doc = make_doc("وقال قائد الشرطة سالم المري إن ”الوضع تحت السيطرة الآن في كل أحياء المدينة\n"
                   "وتابع المري أن “الدوريات ستبقى في الشوارع حتى نهاية الأسبوع”.")
    entity(doc, "سالم المري", "PER")
    entity(doc, "المري", "PER", nth=1)
    qs = quotes_of(doc)
    assert [q.direct for q in qs] == [True, True]
    assert text_of(doc, qs[0]).startswith("الوضع تحت السيطرة") and "\n" not in text_of(doc, qs[0])
    assert text_of(doc, qs[1]) == "الدوريات ستبقى في الشوارع حتى نهاية الأسبوع"
    assert qs[0].speaker.name == "سالم المري" and qs[1].speaker.name == "المري"


def test_unnamed_source_and_definite_back_reference():
    doc = make_doc("وتوقع مصدر عسكري يمني، أن تسقط القاعدة الجوية خلال أيام. "
                   "وأوضح المصدر، أن التعزيزات وصلت إلى الجبهة الغربية.")
    qs = quotes_of(doc)
    assert len(qs) == 2
    assert qs[0].speaker.name == "مصدر عسكري يمني"
    assert qs[1].speaker == qs[0].speaker  # «المصدر» is the source already named


def test_attribution_bahasab_gives_the_clause_before():
    doc = make_doc("قتل خمسة أشخاص وأصيب عشرة في انفجار قرب سوق المدينة، بحسب وكالة الأنباء الرسمية.")
    actor(doc, "وكالة الأنباء الرسمية", "sana", "Official News Agency", "media", None)
    (q,) = quotes_of(doc)
    assert not q.direct
    assert text_of(doc, q) == "قتل خمسة أشخاص وأصيب عشرة في انفجار قرب سوق المدينة"
    assert q.speaker.actor_id == "sana" and q.cue == "بحسب"


def test_quote_before_its_verb():
    doc = make_doc("\"لن نتراجع عن مطالبنا حتى تستجيب الحكومة\"، قال أحد منظمي الاعتصام أمس.")
    (q,) = quotes_of(doc)
    assert q.direct and text_of(doc, q) == "لن نتراجع عن مطالبنا حتى تستجيب الحكومة"
    assert q.speaker is not None and "منظمي الاعتصام" in q.speaker.name


def test_scare_quotes_and_names_are_not_quotes():
    doc = make_doc("أعلن الجيش \"النصر\" في المدينة بعد معارك مع تنظيم \"داعش\" استمرت شهرين.")
    assert quotes_of(doc) == []


def test_no_speaker_invented_for_bare_continuation_without_context():
    doc = make_doc("وأضاف أن الوضع الإنساني في المدينة يزداد سوءا يوما بعد يوم.")
    (q,) = quotes_of(doc)
    assert q.speaker is None


def test_negated_statement_verb_nafa_is_a_quote():
    doc = make_doc("ونفت وزارة الدفاع أن تكون طائراتها قد استهدفت أي منشأة مدنية في المنطقة.")
    actor(doc, "وزارة الدفاع", "mod", "Ministry of Defence", "government", 1)
    (q,) = quotes_of(doc)
    assert q.speaker.actor_id == "mod" and q.cue == "نفت"


def test_subject_before_its_verb_and_addressee_after_it():
    doc = make_doc("لكن سالم الكعبي المتحدث باسم الشرطة قال لوكالة الأنباء الرسمية إن التحقيق مستمر منذ أيام.")
    entity(doc, "سالم الكعبي", "PER")
    actor(doc, "وكالة الأنباء الرسمية", "agency", "Official News Agency", "media", None)
    (q,) = quotes_of(doc)
    assert q.speaker.name == "سالم الكعبي"


def test_negated_speech_verb_is_no_quote_and_no_speaker():
    doc = make_doc("وقال المتحدث العسكري راشد النعيمي إن القوات أسرت عددا من المسلحين دون أن يذكر عددهم. "
                   "وأضاف أن العمليات ستتواصل خلال الأيام المقبلة.")
    entity(doc, "راشد النعيمي", "PER")
    qs = quotes_of(doc)
    assert [doc.text[q.cue_span.start:q.cue_span.end] for q in qs] == ["قال", "أضاف"]
    assert all(q.speaker.name == "راشد النعيمي" for q in qs)


def test_speech_noun_after_verb_keeps_the_speaker():
    doc = make_doc("وقال وزير الإعلام فهد الراشد إن الحكومة ستعلن نتائج التحقيق قريبا. "
                   "وقال في بيان لاحق إن اللجنة بدأت عملها.")
    entity(doc, "فهد الراشد", "PER")
    qs = quotes_of(doc)
    assert len(qs) == 2 and qs[1].speaker.name == "فهد الراشد"


def test_subjunctive_speech_verb_reports_nothing():
    doc = make_doc("وقال المحلل خالد العمري إن من الطبيعي أن يعلن التنظيم مسؤوليته عن الهجوم؛ وأضاف أنه "
                   "سبق أن تبنى هجمات مماثلة في المنطقة.")
    entity(doc, "خالد العمري", "PER", "Khalid al-Omari")
    actor(doc, "التنظيم", "isis", "Islamic State", "jihadist group", 2)
    qs = quotes_of(doc)
    assert qs and all(q.cue != "يعلن" for q in qs)
    assert all(q.speaker is not None and q.speaker.name == "Khalid al-Omari" for q in qs)


def test_continuation_with_nobody_quoted_before_is_the_person_named():
    doc = make_doc("ودعا رئيس البلدية سامي الحربي إلى نزع السلاح، وطالب بإنشاء أنظمة أمنية جديدة. "
                   "مضيفا في كلمة أمام الحشد «العمل بصبر سيحقق السلام في المنطقة كلها».")
    entity(doc, "سامي الحربي", "PER", "Sami al-Harbi")
    qs = quotes_of(doc)
    assert qs and qs[-1].speaker is not None and qs[-1].speaker.name == "Sami al-Harbi"


# -- attributions before and after the content -----------------------------------------------

def test_unnamed_source_after_the_clause_hasabama():
    doc = make_doc("استعادت القوات الحكومية السيطرة على بلدة الوادي الأخضر بعد معارك عنيفة، حسبما أفادت "
                   "مصادر محلية أمس.")
    (q,) = quotes_of(doc)
    assert text_of(doc, q).startswith("استعادت القوات الحكومية")
    assert q.speaker is not None and q.speaker.name.startswith("مصادر محلية")


def test_attribution_without_a_source_is_no_quote():
    doc = make_doc("سيتم توزيع المساعدات على الأسر المتضررة في الأحياء الشرقية، وفقا للخطة التي أقرها المجلس.")
    assert quotes_of(doc) == []


def test_kama_aalanat_after_the_clause_and_as_a_plain_verb():
    doc = make_doc("أصيب ثلاثة من رجال الإطفاء خلال إخماد الحريق في المستودع، كما أعلنت الشرطة المحلية. "
                   "كما أعلنت البلدية أن الطريق سيبقى مغلقا حتى صباح الغد.")
    actor(doc, "الشرطة المحلية", "police", "Police Forces", "police", 1)
    actor(doc, "البلدية", "municipality", "Municipality", "government", 1)
    qs = quotes_of(doc)
    assert [text_of(doc, q)[:16] for q in qs] == ["أصيب ثلاثة من رج", "الطريق سيبقى مغل"]
    assert [q.speaker.actor_id for q in qs] == ["police", "municipality"]


def test_fronted_attribution_faqad_and_fainna():
    doc = make_doc("وبحسب المصادر، فقد \"تعرضت المخازن لثلاث غارات متتالية ودمرت بالكامل\". "
                   "وبحسب صحيفة الأنباء المسائية فإن الموقوفين سيمثلون أمام القاضي الأسبوع المقبل.")
    entity(doc, "الأنباء المسائية", "ORG", "Evening News")
    qs = quotes_of(doc)
    assert len(qs) == 2
    assert qs[0].direct and text_of(doc, qs[0]).startswith("تعرضت المخازن")
    assert doc.text[qs[0].speaker.start:qs[0].speaker.end] in ("المصادر", "مصادر")
    assert text_of(doc, qs[1]).startswith("الموقوفين سيمثلون") and qs[1].speaker.name == "Evening News"


def test_fronted_hasab_with_an_clause():
    doc = make_doc("وحسب المصادر أن قائد المجموعة غادر المدينة قبل يومين برفقة عدد من مساعديه.")
    (q,) = quotes_of(doc)
    assert text_of(doc, q).startswith("قائد المجموعة غادر") and "مصادر" in q.speaker.name


def test_attribution_with_naqal_an_takes_the_inner_source():
    doc = make_doc("وانتهت المواجهة بعد ساعتين من الحصار، بحسب ما نقلت الصحيفة عن متحدث باسم الشرطة.")
    (q,) = quotes_of(doc)
    assert q.speaker.name.startswith("متحدث باسم الشرطة")


def test_verb_quote_wins_over_an_attribution_inside_it():
    doc = make_doc("وأوضح المدير سعيد الهاشمي أن الحملة تقام كل عام وفق ما نصت عليه لائحة الجمعية.")
    entity(doc, "سعيد الهاشمي", "PER")
    (q,) = quotes_of(doc)
    assert q.cue == "أوضح" and q.speaker.name == "سعيد الهاشمي"


# -- more speech verbs and constructions ---------------------------------------------------------

def test_bayyana_is_a_speech_verb_only_where_a_clause_opens():
    doc = make_doc("وبين المهندس ماجد الزهراني أن أعمال الصيانة ستنتهي خلال شهر. "
                   "وتراوحت أعمار المصابين بين عشرين وأربعين عاما، مؤكدا أن حالتهم مستقرة.")
    entity(doc, "ماجد الزهراني", "PER")
    qs = quotes_of(doc)
    assert [q.cue for q in qs] == ["بين", "مؤكدا"]
    assert qs[0].speaker.name == "ماجد الزهراني"


def test_aqarra_and_itarafa_bianna():
    doc = make_doc("وخلال التحقيق أقر المتهم بأنه أخفى الأسلحة في مزرعة قريبة. "
                   "واعترف شريكه بأنه نقل الصناديق إلى المخزن ليلا.")
    qs = quotes_of(doc)
    assert [q.cue for q in qs] == ["أقر", "اعترف"]
    assert text_of(doc, qs[0]) == "أخفى الأسلحة في مزرعة قريبة"
    assert "متهم" in qs[0].speaker.name and qs[1].speaker.name == "شريكه"


def test_istarsala_bilqawl_and_alima_min_masadir():
    doc = make_doc("وقالت مصادر قبلية إن المفاوضات توقفت مساء الجمعة. واسترسلت المصادر بالقول إن الوسطاء "
                   "غادروا القرية. وعلمت \"الصحيفة\" من مصادر مطلعة أن جولة جديدة ستعقد الأسبوع المقبل.")
    qs = quotes_of(doc)
    assert len(qs) == 3
    assert qs[1].speaker == qs[0].speaker
    assert qs[2].speaker.name.startswith("مصادر مطلعة")


def test_wasafa_bi_annahu_and_quoted_fragment():
    doc = make_doc("ووصف وزير الخارجية عادل المنصوري الاتفاق بأنه خطوة أولى نحو سلام دائم في الإقليم.")
    entity(doc, "عادل المنصوري", "PER")
    (q,) = quotes_of(doc)
    assert text_of(doc, q).startswith("خطوة أولى") and q.speaker.name == "عادل المنصوري"


def test_raddada_colon_and_daiyan_with_a_quoted_fragment():
    doc = make_doc("ووقف الشيخ ناصر البلوشي أمام الأنقاض وردد: \"لن ننسى من رحلوا عنا اليوم\". "
                   "وأضاف \"سنعيد بناء الحي حجرا حجرا\"، داعيا \"كل القادرين من أبناء المدينة\" إلى التبرع.")
    entity(doc, "ناصر البلوشي", "PER")
    qs = quotes_of(doc)
    assert len(qs) == 3 and all(q.direct for q in qs)
    assert all(q.speaker is not None and q.speaker.name == "ناصر البلوشي" for q in qs)


def test_ala_hadd_wasfihi():
    doc = make_doc("وقال النائب فيصل العتيبي إن الحكومة تأخرت كثيرا في الرد. "
                   "وتراجعت الحكومة عن القرار تحت ضغط \"الشارع الغاضب في كل المدن\" على حد وصفه.")
    entity(doc, "فيصل العتيبي", "PER")
    qs = quotes_of(doc)
    assert qs[-1].cue == "على حد" and qs[-1].speaker.name == "فيصل العتيبي"


def test_wa_anna_clause_after_ashara_ila():
    doc = make_doc("وأشارت المصادر الطبية إلى وصول ستة جرحى إلى المستشفى، وأن اثنين منهم في حالة حرجة.")
    (q,) = quotes_of(doc)
    assert text_of(doc, q).startswith("اثنين منهم") and "مصادر" in q.speaker.name


def test_colon_at_the_end_of_a_line_opens_the_next():
    doc = make_doc("وقال رئيس الرابطة حمد السالم إن الموسم سيبدأ في موعده. وأضاف:\n"
                   "إن الأندية تسلمت جداول المباريات كاملة.")
    entity(doc, "حمد السالم", "PER")
    qs = quotes_of(doc)
    assert len(qs) == 2 and text_of(doc, qs[1]).startswith("إن الأندية")
    assert qs[1].speaker.name == "حمد السالم"


# -- speakers ---------------------------------------------------------------------------------

def test_nested_report_is_one_quote_of_the_outer_speaker():
    doc = make_doc("وقالت مصادر في اللجنة إن العقيد سامر أكد أن الأوامر وصلته من القيادة مباشرة.")
    entity(doc, "سامر", "PER")
    (q,) = quotes_of(doc)
    assert q.cue == "قالت" and q.speaker.name.startswith("مصادر")
    assert text_of(doc, q).startswith("العقيد سامر أكد")


def test_addressee_pronoun_is_never_the_speaker():
    doc = make_doc("ودخل الموظف مكتب المديرة هالة الشمري وقال لها إن الملفات اختفت من الأرشيف.")
    entity(doc, "هالة الشمري", "PER")
    (q,) = quotes_of(doc)
    assert q.speaker is None or q.speaker.name != "لها"


def test_participle_phrase_is_not_the_speaker():
    doc = make_doc("وأمسك اللواء خالد الدوسري بالمصحف المحترق، ثم رفع يديه وقال طالباً الرحمة للضحايا: "
                   "\"رحم الله من رحلوا في هذا اليوم\".")
    entity(doc, "خالد الدوسري", "PER")
    (q,) = quotes_of(doc)
    assert q.speaker is not None and q.speaker.name == "خالد الدوسري"


def test_name_inside_a_quote_is_not_the_speaker():
    doc = make_doc("وقال \"نطلب من الرئيس جون سميث أن يزور المدينة بنفسه ليرى الدمار\". "
                   "واضاف ان \"المدينة ما زالت تنتظر المساعدات الموعودة\".")
    entity(doc, "جون سميث", "PER")
    qs = quotes_of(doc)
    assert all(q.speaker is None or q.speaker.name != "جون سميث" for q in qs)


def test_pronoun_led_verb_takes_the_titled_subject_of_the_sentence_before():
    doc = make_doc("وانتقد رئيس بلدية المدينة الساحلية كارل هانسن امام الحشد خطط الحكومة الجديدة. "
                   "وقال \"نخشى أن تضيع وعود السلام التي قطعناها\".")
    (q,) = quotes_of(doc)
    assert q.speaker is not None and "كارل هانسن" in q.speaker.name


def test_relative_pronoun_speaker_is_its_antecedent():
    doc = make_doc("ونقلت الصحيفة عن متحدث باسم الإطفاء الذي أكد أن الحريق أخمد بالكامل قبل منتصف الليل.")
    qs = quotes_of(doc)
    q = next(q for q in qs if text_of(doc, q).startswith("الحريق"))
    assert q.speaker.name.startswith("متحدث باسم الإطفاء")


def test_unclosed_quote_runs_to_the_end_of_its_sentence():
    doc = make_doc("ووصف الوزير ما يسمى بـ»المجلس المؤقت» بأنه غير شرعي، قائلا: «إن هذا المجلس لا يمثل أحدا. "
                   "وقالت مصادر طبية إن المستشفى استقبل عشرة جرحى.")
    qs = quotes_of(doc)
    q = next(q for q in qs if "المستشفى" in text_of(doc, q))
    assert not q.direct and q.speaker.name.startswith("مصادر طبية")


def test_participle_after_a_verb_with_an_object_takes_the_verbs_subject():
    doc = make_doc("وقال المحافظ سليم العبدلي إن الطرق مفتوحة. وأعلنت جماعة الفجر الجديد مسؤوليتها عن الهجوم على المعبر "
                   "قائلة في بيان إن العملية رد على اعتقال عناصرها.")
    entity(doc, "سليم العبدلي", "PER")
    actor(doc, "جماعة الفجر الجديد", "fajr", "New Dawn Group", "rebel group", 2)
    qs = quotes_of(doc)
    assert qs[-1].cue == "قائلة" and qs[-1].speaker.actor_id == "fajr"


def test_participle_keeps_the_last_speaker_over_a_place_in_its_sentence():
    doc = make_doc("وقال العقيد منصور الحارثي إن المطار استقبل أول رحلة. وأضاف أن الفرق تعمل بتنسيق مع "
                   "السلطات في اليمن، مشددا على أن العمل يسير بانتظام.")
    entity(doc, "منصور الحارثي", "PER")
    actor(doc, "اليمن", "yemen", "Government of Yemen", "government", 1)
    qs = quotes_of(doc)
    assert all(q.speaker.name == "منصور الحارثي" for q in qs)


def test_subject_after_lakin_before_its_verb():
    doc = make_doc("ولم يعرف سبب الحادث بعد، ولكن صحيفة المساء المحلية أكدت أن السائق كان مسرعا.")
    (q,) = quotes_of(doc)
    assert "صحيفة المساء" in q.speaker.name


def test_name_in_quotation_marks_before_the_complementizer_is_no_quote():
    doc = make_doc("وصرح وزير النقل، رامي الخطيب، لقناة «الأخبار الأولى اليوم»، أن القطار سيعود إلى العمل غدا.")
    entity(doc, "رامي الخطيب", "PER")
    (q,) = quotes_of(doc)
    assert text_of(doc, q).startswith("القطار سيعود") and q.speaker.name == "رامي الخطيب"


def test_mid_sentence_wa_qala_takes_the_sentence_subject():
    doc = make_doc("وقال المتحدث العسكري إن القصف توقف. وكان تحالف القبائل الشرقية أعلن في بيان مسؤوليته "
                   "عن الهجوم وقال إنه أوقع عشرات القتلى.")
    actor(doc, "تحالف القبائل الشرقية", "tribes", "Eastern Tribes", "militia", 4)
    qs = quotes_of(doc)
    assert qs[-1].speaker.actor_id == "tribes"


def test_a_verse_cited_is_not_continued():
    doc = make_doc("وقال الخطيب عبدالعزيز الفهد إن هؤلاء ممن قال الله فيهم (إنهم يفسدون في الأرض). "
                   "وأوضح أن الجريمة لا تمت للدين بصلة.")
    entity(doc, "عبدالعزيز الفهد", "PER")
    qs = quotes_of(doc)
    assert qs[-1].speaker.name == "عبدالعزيز الفهد"


def test_bi_qawlihi_and_muktafiyan_bil_qawl():
    doc = make_doc("ورد الوزير حسان العلي على المنتقدين بقوله لدى زيارته الموقع: إن المشروع سيكتمل في موعده. "
                   "ورفض إعطاء تفاصيل أخرى مكتفيا بالقول إن \"الأرقام ستعلن قريبا جدا\".")
    entity(doc, "حسان العلي", "PER")
    qs = quotes_of(doc)
    assert len(qs) == 2 and all(q.speaker.name == "حسان العلي" for q in qs)


def test_lajna_is_no_glued_preposition():
    doc = make_doc("أعلنت لجنة التحقيق في حادث الجسر إكمال تقريرها، وأنها ستسلمه للنيابة العامة الأسبوع المقبل.")
    (q,) = quotes_of(doc)
    assert text_of(doc, q).startswith("ستسلمه") and q.speaker.name.startswith("لجنة التحقيق")


def test_report_inside_a_report_belongs_to_the_outer_source_only():
    doc = make_doc("وقالت مصادر مطلعة إن قائد الحرس السابق أبلغ المحققين بأنه تلقى الأوامر هاتفيا. "
                   "وأضافت أن القائد أكد أن الأوامر كانت مكتوبة أيضا.")
    qs = quotes_of(doc)
    assert len(qs) == 2 and [q.cue for q in qs] == ["قالت", "أضافت"]
    assert all(q.speaker.name.startswith("مصادر مطلعة") for q in qs)


def test_coordinated_verb_in_a_statement_starts_a_new_quote():
    doc = make_doc("لكنه قال إن المعركة لن تنتهي قريبا وأكد أن \"الجيش مستعد لكل الاحتمالات في الجبهة\".")
    qs = quotes_of(doc)
    assert [q.cue for q in qs] == ["قال", "أكد"]


def test_unnamed_source_before_the_outlet_it_told():
    doc = make_doc("وأبلغت مصادر أمنية الصحيفة، بأن المشتبه به غادر البلاد قبل أسبوع.")
    actor(doc, "الصحيفة", "paper", "Al Yawm", "media", None)
    (q,) = quotes_of(doc)
    assert q.speaker.name.startswith("مصادر أمنية") and q.speaker.actor_id is None


def test_attribution_inside_a_verbs_subject_is_no_quote_of_its_own():
    doc = make_doc("وقال سكان محليون، وفقا لوكالة الأنباء الرسمية، إن المياه انقطعت عن الحي منذ يومين.")
    actor(doc, "وكالة الأنباء الرسمية", "agency", "Official News Agency", "media", None)
    (q,) = quotes_of(doc)
    assert q.cue == "قال" and text_of(doc, q).startswith("المياه انقطعت")


def test_bayn_between_does_not_block_an_attribution():
    doc = make_doc("وتجددت المعارك منذ مساء الثلاثاء، بين الجيش والمسلحين، بحسب ما أفاد مراسلنا.")
    (q,) = quotes_of(doc)
    assert q.cue.startswith("بحسب") and "مراسلنا" in q.speaker.name


def test_verse_in_braces_is_not_a_quote():
    doc = make_doc("ثم رفع الإمام يديه وردد: {ربنا لا تؤاخذنا إن نسينا أو أخطأنا}.")
    assert quotes_of(doc) == []


def test_bare_definite_source_refers_to_the_nearest_mention():
    doc = make_doc("وقال مصدر عسكري إن الطائرات قصفت المخازن. ثم أكد مصدر طبي وصول عشرة جرحى إلى المستشفى. "
                   "وأضاف المصدر أن ثلاثة منهم في حالة خطرة.")
    qs = quotes_of(doc)
    assert qs[0].speaker.name.startswith("مصدر عسكري")
    assert qs[-1].speaker.name.startswith("مصدر طبي")


def test_attribution_to_a_lone_family_name():
    doc = make_doc("وتعد السيطرة على الميناء نقطة تحول في مسار الحرب، وفق الهاشمي.")
    (q,) = quotes_of(doc)
    assert text_of(doc, q).startswith("وتعد السيطرة") and "هاشمي" in doc.text[q.speaker.start:q.speaker.end]


def test_sentence_opening_with_wa_anna_goes_on_with_the_statement_before():
    doc = make_doc("وقال الخبير العسكري فارس الدباغ إن سقوط المعسكر يغير موازين القوى في الجنوب.\n"
                   "وأن السيطرة عليه تفتح الطريق نحو العاصمة خلال أسابيع.")
    entity(doc, "فارس الدباغ", "PER")
    qs = quotes_of(doc)
    assert len(qs) == 2 and text_of(doc, qs[1]).startswith("السيطرة عليه")
    assert qs[1].speaker.name == "فارس الدباغ"


def test_the_byline_name_on_the_first_line_is_no_speaker():
    doc = make_doc("سامي العتيبي – متابعات\nأثار ادعاء رجل في المدينة الذعر بعدما زعم أنه يحمل قنبلة في حقيبته، "
                   "وأكد أنه سيفجرها أمام المركز.")
    entity(doc, "سامي العتيبي", "PER", "Sami al-Otaibi")
    qs = quotes_of(doc)
    assert qs and all(q.speaker is None or q.speaker.name != "Sami al-Otaibi" for q in qs)


def test_a_subject_named_after_the_verb_of_a_relative_clause_is_the_speaker():
    doc = make_doc("وتتضارب الأنباء عن الوضع في بلدة الكرمة التي قالت القوات العراقية: إنها سيطرت على مواقع فيها.")
    actor(doc, "القوات العراقية", "army_iq", "Military Forces of Iraq", "state forces", 1, "IQ")
    qs = quotes_of(doc)
    assert qs and qs[0].speaker is not None and qs[0].speaker.name == "Military Forces of Iraq"


def test_what_a_speaker_describes_is_not_the_speaker():
    doc = make_doc("وكتب الداعية سعد العجمي وهو يصف ما يحصل: «هذا الفكر تعلمناه في مدارسنا ولا نستطيع إنكاره».")
    entity(doc, "سعد العجمي", "PER", "Saad al-Ajmi")
    qs = quotes_of(doc)
    assert all(q.speaker is None or q.speaker.name != "ما يحصل" for q in qs)


def test_rajjah_and_iddaa_are_speech_verbs():
    doc = make_doc("ورجح مسؤولون أتراك أن يكون الهجوم من تنفيذ التنظيم. "
                   "وادعت المرأة أن زوجها أجبرها على ذلك.")
    qs = quotes_of(doc)
    assert len(qs) == 2
    assert doc.text[qs[0].start:qs[0].end].startswith("يكون الهجوم")


def test_a_source_who_declines_to_be_named_is_not_named_by_the_outlet_after():
    doc = make_doc("وقال أحد الضباط ورفض نشر اسمه لوكالة الأنباء “القصف استمر طوال الليل.”")
    qs = quotes_of(doc)
    assert len(qs) == 1
    assert "الضباط" in qs[0].speaker.name
    assert "لوكالة" not in qs[0].speaker.name


def test_a_name_after_yuda_is_still_the_speaker():
    doc = make_doc("وقال شاهد عيان يدعى أحمد اكاي إن القصف استمر طوال الليل.")
    qs = quotes_of(doc)
    assert len(qs) == 1 and qs[0].speaker.name == "أحمد اكاي"


def test_the_source_an_agency_relays_is_the_speaker():
    doc = make_doc("وذكرت وكالة الأنباء الرسمية نقلا عن مصادر عسكرية مطلعة أن القوات دخلت البلدة فجر اليوم.")
    qs = quotes_of(doc)
    assert len(qs) == 1
    assert qs[0].speaker.name.startswith("مصادر عسكرية")


def test_an_unclosed_guillemet_does_not_shift_the_later_pairs():
    # the first «…» is never closed: the agency's name in guillemets after it is a name, not a
    # quotation opening, and the governor speaks through «عن»
    doc = make_doc("وقال ضابط في الشرطة: «سنواصل البحث عن المشتبه بهم حتى نهاية الأسبوع. "
                   "ونقلت وكالة «الأفق» المحلية عن سامر الحداد محافظ المدينة قوله إن الطرق أغلقت بالكامل.")
    entity(doc, "سامر الحداد", "PER", "Samer al-Haddad")
    qs = quotes_of(doc)
    last = [q for q in qs if text_of(doc, q).startswith("الطرق أغلقت")]
    assert len(last) == 1 and last[0].speaker.name == "Samer al-Haddad"
    assert not any("الأفق" in text_of(doc, q) for q in qs)


def test_a_closing_guillemet_typed_for_an_opening_one():
    doc = make_doc("وقالت الناشطة ليلى حسن» إن المياه انقطعت عن الحي منذ ثلاثة أيام كاملة». وأضافت أن الأهالي غادروا.")
    entity(doc, "ليلى حسن", "PER")
    qs = quotes_of(doc)
    assert text_of(doc, qs[0]).startswith("إن المياه انقطعت") and qs[0].direct


def test_awrada_is_a_speech_verb_of_the_media():
    doc = make_doc("وأوردت الصحف المحلية أمس أن الشرطة أوقفت ثلاثة أشخاص في الميناء.")
    actor(doc, "الصحف المحلية", "media", "Media (Local)", "media", None)
    (q,) = quotes_of(doc)
    assert text_of(doc, q).startswith("الشرطة أوقفت") and q.speaker.name == "Media (Local)"


def test_a_statement_speaks_for_whoever_issued_it():
    doc = make_doc("واندلعت مواجهات في الحي الشرقي مساء السبت. وقال بيان وزارة الصحة إن ثلاثة أشخاص أصيبوا بجروح. "
                   "وبحسب حصيلة لوكالة الأنباء الرسمية، قتل خمسة أشخاص في المواجهات. "
                   "وجاء في بيان الجيش: «لن نسمح بتكرار هذه الأحداث في أي مكان».")
    actor(doc, "وزارة الصحة", "moh", "Ministry of Health", "government", 1)
    entity(doc, "وكالة الأنباء الرسمية", "ORG", "State News Agency")
    actor(doc, "الجيش", "army", "Military Forces", "state forces", 1)
    qs = quotes_of(doc)
    assert [q.speaker.name for q in qs] == ["Ministry of Health", "State News Agency", "Military Forces"]
    assert text_of(doc, qs[1]).startswith("قتل خمسة") and text_of(doc, qs[2]).startswith("لن نسمح")


def test_the_bare_statement_is_the_last_speakers_and_reports_speak_for_themselves():
    doc = make_doc("وقالت الشرطة في بيان إن امرأة احتجزت في منزل مهجور لمدة عام.\n"
                   "وبحسب البيان استدرج رجل المرأة بوعد العمل في المدينة.\n"
                   "وأفادت تقارير بأن المشتبه به اعتقل مساء أمس. وجاء في المرتبة الأولى أن الفريق فاز.")
    actor(doc, "الشرطة", "police", "Police Forces", "state forces", 1)
    qs = quotes_of(doc)
    assert qs[0].speaker.name == "Police Forces"
    assert text_of(doc, qs[1]).startswith("استدرج رجل") and qs[1].speaker.name == "Police Forces"
    assert qs[2].speaker.name == "تقارير"
    assert not any(q.cue.startswith("جاء") for q in qs)


def test_a_subject_before_its_verb_after_illa_anna():
    doc = make_doc("وقال التنظيم في بيان إن الهجوم استهدف مقاتلين. إلا أن المصادر الطبية أكدت أن القتلى مدنيون.")
    actor(doc, "التنظيم", "is", "Islamic State", "rebel group", 2)
    qs = quotes_of(doc)
    assert len(qs) == 2 and "مصادر الطبية" in qs[1].speaker.name


def test_a_person_who_opens_a_sentence_after_the_last_quote_goes_on_speaking():
    doc = make_doc("وقال رئيس الوزراء خالد منصور إن الحكومة ستعيد بناء الجسر. "
                   "وشهدت المدينة احتجاجات واسعة يوم الجمعة. "
                   "من جهته، أكد وزير الخارجية سمير داود أهمية الحوار مع دول الجوار. "
                   "وقال في بيان إن الأزمة لن تحل بالقوة.")
    entity(doc, "خالد منصور", "PER", "Khaled Mansour")
    entity(doc, "سمير داود", "PER", "Samir Daoud")
    qs = quotes_of(doc)
    assert [q.speaker.name for q in qs] == ["Khaled Mansour", "Samir Daoud"]
    # a person after a preposition is not the subject: the last speaker goes on
    doc = make_doc("وقال رئيس الوزراء خالد منصور إن الحكومة ستعيد بناء الجسر. "
                   "وشهدت المدينة احتجاجات واسعة يوم الجمعة. "
                   "والتقى الوفد مع سمير داود في المساء. "
                   "وقال في بيان إن الأزمة لن تحل بالقوة.")
    entity(doc, "خالد منصور", "PER", "Khaled Mansour")
    entity(doc, "سمير داود", "PER", "Samir Daoud")
    qs = quotes_of(doc)
    assert [q.speaker.name for q in qs] == ["Khaled Mansour", "Khaled Mansour"]


def test_a_participle_opening_its_line_goes_on_with_the_last_speaker():
    doc = make_doc("وقال مدير الدفاع المدني العقيد فهد السالم إن الفرق وصلت خلال دقائق. "
                   "وعلى الفور تم إخلاء المبنى بالكامل.\n"
                   "مؤكداً أنه لم تقع أية إصابات بين السكان.\n"
                   "مشيراً إلى أن الحريق نتج عن تماس كهربائي.")
    entity(doc, "فهد السالم", "PER", "Fahd al-Salem")
    qs = quotes_of(doc)
    assert [q.speaker.name for q in qs] == ["Fahd al-Salem"] * 3


def test_a_negated_speech_verb_with_a_proclitic_says_nothing():
    doc = make_doc("ولم تذكر الوزارة أن أحدا من الجنود أصيب في الهجوم.")
    assert quotes_of(doc) == []


def test_a_preposition_of_time_is_not_the_speaker():
    doc = make_doc("وقالت مصادر أمنية إن الشاب أوقف في المطار. وذكر أثناء التحقيقات أنه سافر مرتين إلى الخارج.")
    qs = quotes_of(doc)
    assert len(qs) == 2 and "أثناء" not in qs[1].speaker.name
    assert qs[1].speaker.name == qs[0].speaker.name


def test_a_colon_after_a_long_subject_and_circumstance():
    doc = make_doc("وقال وزير الداخلية المكلف، حسن العلي، في تعليق على تعرض مقر الحزب الحاكم في وسط العاصمة "
                   "لهجوم مسلح نفذه مجهولون مساء أول من أمس قرب محطة القطارات القديمة: لن تنال هذه الهجمات من "
                   "أمن البلاد.")
    entity(doc, "حسن العلي", "PER", "Hassan al-Ali")
    (q,) = quotes_of(doc)
    assert text_of(doc, q).startswith("لن تنال") and q.speaker.name == "Hassan al-Ali"


def test_the_statement_on_the_line_after_anna():
    doc = make_doc("وقال المتحدث باسم الدفاع المدني العقيد سالم الزهراني إن الحريق أخمد، مبينا أنه\n"
                   "لم تسجل أي إصابات بين السكان والعاملين في المبنى.")
    entity(doc, "سالم الزهراني", "PER")
    qs = quotes_of(doc)
    assert len(qs) == 2 and text_of(doc, qs[1]).startswith("لم تسجل")
    assert qs[1].speaker.name == "سالم الزهراني"


def test_a_quotation_followed_by_a_participle_and_anna_is_not_a_quoted_name():
    doc = make_doc("وقالت النائبة سعاد الخطيب لوكالة الأنباء “حضر مئات الشبان للمشاركة في المهرجان السنوي” "
                   "مضيفة أن نواب الحزب سيصلون إلى المدينة.")
    entity(doc, "سعاد الخطيب", "PER")
    qs = quotes_of(doc)
    assert len(qs) == 2 and qs[0].direct and text_of(doc, qs[0]).startswith("حضر مئات")
    assert all(q.speaker.name == "سعاد الخطيب" for q in qs)


def test_a_group_speaker_stops_before_khususan():
    doc = make_doc("فيما أكد عدد من سكان القرى الحدودية وخصوصا بلدة الوادي، أن القصف توقف منذ الفجر.")
    actor(doc, "بلدة الوادي", "loc", "Al-Wadi", "location", None)
    (q,) = quotes_of(doc)
    assert q.speaker.name.startswith("عدد من سكان") and "الوادي" not in q.speaker.name


def test_kataba_and_gharrada_report_words():
    doc = make_doc("وكتبت المستشارة سلمى برغر في برقية تعزية أرسلتها إلى رئيس الحكومة \"إننا نقف معكم في مواجهة الإرهاب\". "
                   "وغرد أحد الدعاة بما يلي: \"لا يجوز الترحم على هؤلاء الضحايا أبدا\".")
    entity(doc, "سلمى برغر", "PER", "Selma Berger")
    qs = quotes_of(doc)
    assert len(qs) == 2 and qs[0].speaker.name == "Selma Berger"
    assert qs[1].speaker.name == "أحد الدعاة"


def test_wa_huwa_yasif_is_the_person_just_named():
    doc = make_doc("وقال الشيخ ماجد الحربي: \"نستنكر هذا الفعل بأشد العبارات الممكنة\". "
                   "وأنقل لكم هنا تغريدة الكاتب فهد العتيبي، وهو يصف ما يحصل: \"هذا الفكر تعلمناه في مدارسنا للأسف\".")
    entity(doc, "ماجد الحربي", "PER", "Majed al-Harbi")
    entity(doc, "فهد العتيبي", "PER", "Fahd al-Otaibi")
    qs = quotes_of(doc)
    assert [q.speaker.name for q in qs] == ["Majed al-Harbi", "Fahd al-Otaibi"]


def test_a_source_after_a_comma_then_fa_inna():
    doc = make_doc("وتجمع مئات الأشخاص في الساحة الرئيسية، وحسب خالد العمر، أحد منظمي المظاهرة، فإن "
                   "أكثر من ألفي شخص شاركوا في المسيرة.")
    entity(doc, "خالد العمر", "PER", "Khaled al-Omar")
    (q,) = quotes_of(doc)
    assert text_of(doc, q).startswith("أكثر من ألفي") and q.speaker.name == "Khaled al-Omar"


def test_a_verb_with_wa_does_not_take_the_place_before_it_as_subject():
    doc = make_doc("كشف هذا للصحيفة الدكتور سامي ناصر مدير مكتب الرئاسة في اليمن وقال: القوات لم تنفذ أي إنزال، "
                   "مشددا على أن العمليات تسير بتنسيق كامل.")
    entity(doc, "سامي ناصر", "PER", "Sami Nasser")
    entity(doc, "اليمن", "LOC")
    qs = quotes_of(doc)
    assert qs and all(q.speaker.name == "Sami Nasser" for q in qs)


def test_a_subject_between_kanat_and_its_verb():
    doc = make_doc("وقال المرصد إن الغارات استمرت طوال الليل. "
                   "وكانت الولايات المتحدة قد ذكرت في وقت سابق إنها كثفت حملتها الجوية على المدينة.")
    actor(doc, "المرصد", "sohr", "Syrian Observatory for Human Rights", "ngo", None)
    actor(doc, "الولايات المتحدة", "us", "United States", "state", 1)
    qs = quotes_of(doc)
    assert [q.speaker.name for q in qs] == ["Syrian Observatory for Human Rights", "United States"]


def test_the_noun_naql_inside_a_clause_relays_nothing():
    doc = make_doc("وقالت المنظمة إنها لا تتربح من التبرعات وإن نقل الأنسجة إلى المختبرات أمر شائع في القطاع الطبي.")
    actor(doc, "المنظمة", "org", "The Organisation", "ngo", None)
    qs = quotes_of(doc)
    assert len(qs) == 1 and qs[0].speaker.name == "The Organisation"


def test_a_short_quoted_phrase_deep_inside_a_report_is_part_of_it():
    doc = make_doc("وقالت المنظمة إنها لم تحصل على أي مقابل مادي من التبرعات خلال السنوات الماضية وإنه "
                   "«في بعض الأحوال» تدفع العيادات تكاليف النقل.")
    actor(doc, "المنظمة", "org", "The Organisation", "ngo", None)
    (q,) = quotes_of(doc)
    assert text_of(doc, q).startswith("لم تحصل") and text_of(doc, q).endswith("تكاليف النقل")


def test_full_stops_and_inna_inside_parentheses():
    doc = make_doc("وقال أحد السكان لوكالة الأنباء الألمانية (د. ب. أ) إن القصف لم يتوقف منذ الفجر. "
                   "وقالت قناة (سي.إن.إن ترك) التلفزيونية إن الضابط القتيل من خبراء المتفجرات.")
    entity(doc, "سي.إن.إن ترك", "ORG", "CNN Turk")
    qs = quotes_of(doc)
    assert len(qs) == 2
    assert text_of(doc, qs[0]).startswith("القصف لم يتوقف") and "السكان" in qs[0].speaker.name
    assert text_of(doc, qs[1]).startswith("الضابط القتيل") and qs[1].speaker.name == "CNN Turk"


def test_a_noun_with_the_article_is_no_speech_verb():
    doc = make_doc("وقالت الشرطة إن الموقع التابع للحركة تعرض لهجوم بقذيفتين فجر اليوم.")
    actor(doc, "الشرطة", "police", "Police Forces", "state forces", 1)
    (q,) = quotes_of(doc)
    assert q.cue == "قالت" and text_of(doc, q).startswith("الموقع التابع")


def test_a_quoted_name_with_the_complementizer_farther_on():
    doc = make_doc("وذكرت جماعة “أنصار الدولة في المدينة” في بيان نشر على موقعها الإلكتروني، أنها “استهدفت موقعا "
                   "عسكريا بقذيفتي هاون”.")
    qs = quotes_of(doc)
    assert len(qs) == 1 and text_of(doc, qs[0]).startswith("استهدفت موقعا")
    assert qs[0].speaker.name.startswith("جماعة")


def test_ma_before_a_past_verb_is_what_was_said():
    doc = make_doc("وتعيش البلاد حالة تأهب منذ أن بدأت ما وصفه مسؤولون بأنها “حرب شاملة على الإرهاب”.")
    (q,) = quotes_of(doc)
    assert text_of(doc, q) == "حرب شاملة على الإرهاب" and q.speaker.name.startswith("مسؤولون")
    doc = make_doc("وما قال الوزير إن الاتفاق سيوقع قريبا.")
    assert quotes_of(doc) == []  # «ما يقول»/«ما قال» with no relative sense is left as before
    doc = make_doc("ما يقول الوزير إن الاتفاق سيوقع قريبا.")
    assert quotes_of(doc) == []


def test_ala_ma_before_a_speech_verb_attributes_the_clause():
    doc = make_doc("جمدت الحكومة أموال الرئيس السابق وعدد من قادة التمرد التزاما بالعقوبات الدولية، "
                   "على ما أعلنت وكالة الأنباء الرسمية. وحصل الفريق على ما يريد من الدعم.")
    entity(doc, "وكالة الأنباء الرسمية", "ORG", "State News Agency")
    (q,) = quotes_of(doc)
    assert text_of(doc, q).startswith("جمدت الحكومة") and q.speaker.name == "State News Agency"


def test_a_described_person_right_before_the_verb_is_the_speaker():
    doc = make_doc("وقال المحامي سعيد النجار إن موكله بريء. وعندما تم استجواب الطالب السعودي أقر بأنه كان يمزح.")
    entity(doc, "سعيد النجار", "PER", "Said al-Najjar")
    qs = quotes_of(doc)
    assert len(qs) == 2 and qs[1].speaker.name.endswith("طالب السعودي")


def test_the_subject_after_the_opening_verb_goes_on_speaking():
    doc = make_doc("ندد أعضاء فرقة المسرح الوطني بالتفجير الذي استهدف المسجد، وقالوا: إن هذا العمل الجبان لن يمر.")
    (q,) = quotes_of(doc)
    assert q.speaker.name.startswith("أعضاء فرقة المسرح")
    doc = make_doc("وشنت تركيا منذ ذلك الحين سلسلة من الغارات الجوية مشيرة إلى أنها تستهدف مواقع المسلحين.")
    actor(doc, "تركيا", "tr", "Turkey", "state", 1)
    (q,) = quotes_of(doc)
    assert q.speaker.name == "Turkey"


def test_the_object_of_a_speech_idiom_is_not_the_speaker():
    doc = make_doc("وقال رئيس اللجنة هادي العلي إن الوضع خطير. ولفت الانتباه إلى أن المدنيين يدفعون الثمن.")
    entity(doc, "هادي العلي", "PER", "Hadi al-Ali")
    qs = quotes_of(doc)
    assert [q.speaker.name for q in qs] == ["Hadi al-Ali", "Hadi al-Ali"]


def test_a_statement_of_no_one_named_is_not_the_speaker():
    doc = make_doc("دعت السلطات مواطنيها إلى عدم السفر براً. وجاء في بيان: «ننصح المواطنين بعدم سلوك الطرق البرية».")
    actor(doc, "السلطات", "gov", "Government", "government", 1)
    qs = quotes_of(doc)
    assert len(qs) == 1 and (qs[0].speaker is None or qs[0].speaker.name != "بيان")


def test_a_long_fronted_subject_after_wakanat_and_qad():
    doc = make_doc("وقال الطبيب سامر العلي إن الحالة مستقرة. "
                   "وكانت مديرية الشؤون الصحية في المنطقة الشرقية قد ذكرت في بيان أنه تم تشكيل لجنة للتحقيق.")
    entity(doc, "سامر العلي", "PER", "Samer al-Ali")
    qs = quotes_of(doc)
    assert len(qs) == 2 and "مديرية الشؤون الصحية" in qs[1].speaker.name


def test_aqarra_approved_is_no_speech_but_aqarra_bi_anna_is():
    doc = make_doc("وكان مجلس الوزراء أقر أمس عددا من الإجراءات لتنظيم تأجير الأراضي الساحلية، بأن يكون لكل شاطئ ممر عام.")
    assert quotes_of(doc) == []
    doc = make_doc("وأقر المتهم بأنه نقل المتفجرات إلى المدينة.")
    (q,) = quotes_of(doc)
    assert text_of(doc, q).startswith("نقل المتفجرات") and q.speaker.name.endswith("متهم")


def test_the_name_after_yuda_wins_over_a_name_before_it():
    doc = make_doc("ومن هؤلاء صاحب متجر يدعى سالم الكعبي الذي قال للتلفزيون إن الأسعار ارتفعت كثيرا.")
    entity(doc, "صاحب متجر", "PER")  # a recogniser's mistake, as happens
    entity(doc, "سالم الكعبي", "PER", "Salem al-Kaabi")
    (q,) = quotes_of(doc)
    assert q.speaker.name == "Salem al-Kaabi"


def test_a_report_speaks_for_the_subject_of_its_relative_clause():
    doc = make_doc("وتفيد الأرقام التي نشرتها وزارة الاقتصاد، أن الناتج المحلي تراجع بنسبة أربعة في المائة.")
    actor(doc, "وزارة الاقتصاد", "moe", "Ministry of Economy", "government", 1)
    (q,) = quotes_of(doc)
    assert q.speaker.name == "Ministry of Economy"


def test_a_speaker_phrase_keeps_its_first_letters():
    doc = make_doc("وقال كولو إن المهاجمين فروا إلى الغابة. وأكدت مصادر عسكرية أمس أن الجيش طوق المنطقة.")
    qs = quotes_of(doc)
    assert [q.speaker.name for q in qs] == ["كولو", "مصادر عسكرية"]


def test_a_pronoun_after_the_verb_is_neither_subject_nor_speaker():
    doc = make_doc("ونشرت الصحيفة مقالا للكاتب ديفد هارت قال فيه، إن الاستراتيجية الجديدة تقضي بإقامة منطقة آمنة. "
                   "في الوقت الذي أكدت فيه مصادر صحفية أن المفاوضات توقفت.")
    entity(doc, "ديفد هارت", "PER", "David Hart")
    qs = quotes_of(doc)
    assert [q.speaker.name for q in qs] == ["David Hart", "مصادر صحفية"]


def test_a_subject_before_the_verb_makes_the_words_after_it_the_object():
    doc = make_doc("وكانت مصادر في المقاومة أعلنت سيطرتها على خمسة مواقع للمسلحين مؤكدة أن المعارك مستمرة.")
    qs = quotes_of(doc)
    assert qs and all("سيطرتها" not in q.speaker.name for q in qs)


def test_a_place_in_the_genitive_is_not_the_speaker():
    doc = make_doc("وذكر مكتب حاكم إسطنبول في بيان، أنه لن يسمح بالمسيرة.")
    entity(doc, "إسطنبول", "LOC")
    (q,) = quotes_of(doc)
    assert q.speaker.name.startswith("مكتب حاكم")
    doc = make_doc("وقالت طهران إنها لن تسمح بذلك.")
    entity(doc, "طهران", "LOC")
    (q,) = quotes_of(doc)
    assert q.speaker.name == "طهران"


def test_a_speaker_phrase_ends_before_a_time_word_qad_or_its_own_verb():
    doc = make_doc("وقال مصدر عسكري الأربعاء إن المدينة باتت تحت السيطرة. "
                   "وكان جنرال قد شارك في الانقلاب أعلن الأسبوع الماضي أنه سيواصل القتال. "
                   "واحتجز مسلحون رهائن في الفندق، حسب مصدر عسكري أوضح أن العملية مستمرة. "
                   "وقتل خمسون شخصا بحسب تعداد لوكالة الأنباء الرسمية.")
    entity(doc, "وكالة الأنباء الرسمية", "ORG", "State News Agency")
    names = [q.speaker.name for q in quotes_of(doc)]
    assert "مصدر عسكري" in names and "جنرال" in names and "State News Agency" in names
    assert not any("الأربعاء" in n or "قد" in n.split() or "أوضح" in n for n in names)


def test_a_title_subject_resolves_to_the_person_it_names():
    doc = make_doc("وحاول رئيس الوزراء الإسرائيلي بنيامين نتنياهو التقليل من أهمية الحادث، بقوله لدى زيارته "
                   "المستشفى: المجتمع الدولي يجب أن يدين كل أشكال الإرهاب.")
    entity(doc, "بنيامين نتنياهو", "PER", "Benjamin Netanyahu")
    (q,) = quotes_of(doc)
    assert q.speaker.name == "Benjamin Netanyahu"


def test_al_qawl_ends_the_relayed_source_and_a_lone_statement_is_nobody():
    doc = make_doc("ونقلت الإذاعة عن المصادر القول: إن المجموعة تضم عشرات المستوطنين. وأضافت المصادر أن الشرطة تراقبها.")
    qs = quotes_of(doc)
    assert len(qs) == 2 and all(q.speaker.name.endswith("مصادر") for q in qs)
    doc = make_doc("وقال بيان: إن الحكومة قررت توسيع الاعتقال الإداري.")
    (q,) = quotes_of(doc)
    assert q.speaker is None or q.speaker.name != "بيان"


def test_an_organisations_quoted_name_is_part_of_its_mention():
    doc = make_doc("وذكرت وكالة الأنباء البرازيلية \"أجينسيا برازيل\" أن التهم ستوجه إلى رئيس الشركة.")
    entity(doc, "وكالة الأنباء البرازيلية", "ORG")
    (q,) = quotes_of(doc)
    assert doc.text[q.speaker.start:q.speaker.end] == "وكالة الأنباء البرازيلية \"أجينسيا برازيل\""


def test_more_ends_of_a_speaker_phrase():
    doc = make_doc("وقالت مصادر محلية وفي المقاومة إن المقاتلين تقدموا في الشارع. "
                   "وكشفت مصادر داخل المقاومة أن الوجهة التالية هي المحافظة الشرقية. "
                   "وأكد أعضاء برلمان ينتمون إلى المحافظة أن الوضع الأمني تردى. "
                   "وأعلن مصدر عسكري محملاً التنظيم المسؤولية أن تسعة جنود قتلوا.")
    names = [q.speaker.name for q in quotes_of(doc)]
    assert names == ["مصادر محلية", "مصادر", "أعضاء برلمان", "مصدر عسكري"]


def test_tibqan_lima_with_a_verb_and_its_pronoun():
    doc = make_doc("وقتل عشرون شخصا في الهجمات، وطبقا لما أعلنته قيادة العمليات فإن عددا من المنازل أحرق.")
    actor(doc, "قيادة العمليات", "ops", "Operations Command", "state forces", 1)
    qs = quotes_of(doc)
    assert qs and qs[-1].speaker.name == "Operations Command"


def test_an_unnamed_source_after_the_glued_la_of_wifqan():
    doc = make_doc("واستهدفت إحدى الغارات تجمعا للمسلحين وقتل ثمانية منهم وفقا لمصادر محلية. "
                   "وكان الوزير سيواجه اتهامات بالفساد وفقا لتقرير إخباري نشر الاثنين.")
    qs = quotes_of(doc)
    assert [q.speaker.name for q in qs] == ["مصادر محلية", "تقرير إخباري"]


def test_the_outlet_in_quotes_is_spoken_to_and_the_source_follows():
    doc = make_doc("قال لـ\"الاقتصادية\" مصدر عسكري في اليمن، إنه تم القبض على عدد من القادة.")
    (q,) = quotes_of(doc)
    assert q.speaker.name.startswith("مصدر عسكري")


def test_a_report_with_an_adjective_and_a_statement_after_hasaba_ma_jaa():
    doc = make_doc("أفاد تقرير حكومي أن التنسيق بين المستشفيات قد يمنع آلاف الإصابات. "
                   "وسلمت المرأة إلى السلطات المحلية، حسب ما جاء في بيان لوزارة الدفاع.")
    actor(doc, "وزارة الدفاع", "mod", "Ministry of Defence", "government", 1)
    qs = quotes_of(doc)
    assert [q.speaker.name for q in qs] == ["تقرير حكومي", "Ministry of Defence"]


def test_an_honorific_pronoun_is_the_person_spoken_of():
    doc = make_doc("وقال الوزير خالد السند إن التفجير جرم عظيم. وبين معاليه أن هذا العمل ليس من الإسلام في شيء.")
    entity(doc, "خالد السند", "PER", "Khalid al-Sanad")
    qs = quotes_of(doc)
    assert [q.speaker.name for q in qs] == ["Khalid al-Sanad", "Khalid al-Sanad"]


def test_yudhkar_anna_is_background_not_a_quote():
    doc = make_doc("وقال المحامي سامر الخطيب إن موكله بريء. يذكر أن المحكمة ستعقد جلستها المقبلة الأحد.")
    entity(doc, "سامر الخطيب", "PER", "Samer al-Khatib")
    qs = quotes_of(doc)
    assert len(qs) == 1 and text_of(doc, qs[0]).startswith("موكله")


def test_a_verb_with_its_own_statement_is_no_trailing_attribution():
    doc = make_doc("وقالت المتحدثة باسم الجهاز إنه \"أقام في البلاد منذ عام 2009\". "
                   "وتابع الجهاز أن \"هذا الاعتقال يثبت أهمية التعاون بين الأجهزة\".")
    actor(doc, "الجهاز", "agency", "Security Agency", "state forces", 1, nth=1)
    qs = quotes_of(doc)
    assert all("أن" not in q.speaker.name.split() for q in qs if q.speaker is not None)
    assert qs[-1].speaker.name == "Security Agency"


def test_a_name_further_on_after_wifqan_li_is_no_source_and_a_reflexive_no_speaker():
    doc = make_doc("وحصل الرئيس على حصانة من الملاحقة بعد تركه الحكم وفقا لمبادرة خليجية رعتها السعودية.")
    entity(doc, "السعودية", "LOC")
    assert quotes_of(doc) == []
    doc = make_doc("وقتل خمسة أشخاص في الاشتباكات وفقا لوزارة الداخلية.")
    entity(doc, "وزارة الداخلية", "ORG", "Ministry of Interior")
    (q,) = quotes_of(doc)
    assert q.speaker.name == "Ministry of Interior"
    doc = make_doc("ويصف نفسه بأنه مكتب إعلامي مستقل لا يتبع أي جهة.")
    assert all(q.speaker is None or q.speaker.name != "نفسه" for q in quotes_of(doc))


def test_a_statement_issued_by_is_no_person_name_its_issuer_speaks():
    doc = make_doc("وأوضح بيان صادر عن مكتب الإعلام العسكري أن المذكرة طالبت بإجراء تحقيق في القصف. "
                   "وأكد البيان أن الجيش رد على مصادر النيران.")
    entity(doc, "بيان صادر", "PER", "Bayan Sader")
    actor(doc, "بيان صادر", "per:bayan", "Bayan Sader", "person", None, None)
    first, second = quotes_of(doc)
    assert first.speaker.name != "Bayan Sader" and doc.text[first.speaker.start:first.speaker.end].startswith("مكتب")
    assert second.speaker.name == first.speaker.name


def test_the_subject_fronted_after_wa_kanat_speaks_not_the_last_speaker():
    doc = make_doc("وقال الجيش إن ثلاثة جنود قتلوا في الهجوم. وكانت جبهة التحرير، الجناح المسلح للحركة، "
                   "نددت في بيان بالقصف معتبرة أنه «عدوان سافر على المدنيين»، وقالت: إن الهدنة انتهت.")
    actor(doc, "الجيش", "army", "Army", "military", 1)
    qs = quotes_of(doc)
    assert qs[0].speaker.name == "Army"
    assert all("جبهة التحرير" in q.speaker.name for q in qs[1:]) and len(qs) == 3


def test_a_subject_after_fa_inna_before_its_verb_speaks():
    doc = make_doc("وقال المحامي سامي خليل إن الجلسة تأجلت. وفي كل الحالات التي وثقتها المنظمة فان عائلات "
                   "الضحايا اكدت ان الشرطة لم تبلغها بالاعتقال.")
    entity(doc, "سامي خليل", "PER")
    qs = quotes_of(doc)
    assert doc.text[qs[-1].speaker.start:qs[-1].speaker.end] == "عائلات الضحايا"


def test_a_quoted_phrase_framed_by_a_verb_of_accusing_or_describing_is_the_subjects():
    doc = make_doc('واتهمت منظمة العفو الدولية الشرطة امس باستخدام "القوة المفرطة ضد المتظاهرين" في العاصمة.')
    entity(doc, "منظمة العفو الدولية", "ORG", "Amnesty International")
    entity(doc, "الشرطة", "ORG")
    (q,) = quotes_of(doc)
    assert q.speaker.name == "Amnesty International" and text_of(doc, q).startswith("القوة المفرطة")
    doc = make_doc('وحثت المديرة سلمى حداد الحكومة على إنهاء ما وصفته ب "الممارسات المسيئة".')
    entity(doc, "سلمى حداد", "PER", "Salma Haddad")
    (q,) = quotes_of(doc)
    assert q.speaker.name == "Salma Haddad"
    doc = make_doc("وتبنت الجماعة المسلحة خطف الجنود، متهمة اياهم «بالتعاون مع الاحتلال».")
    actor(doc, "الجماعة المسلحة", "grp", "Armed Group", "rebel group", 2)
    (q,) = quotes_of(doc)
    assert q.speaker.name == "Armed Group"


def test_an_accused_noun_after_a_number_frames_no_quote():
    doc = make_doc("وقررت المحكمة إخلاء سبيل 11 متهما بتفجير “مسجد الحي القديم” في المدينة.")
    assert quotes_of(doc) == []


def test_a_continuation_agreeing_with_the_new_subject_before_it_is_that_subjects():
    doc = make_doc("وقال مكتب المحافظ: إن عملية واسعة أطلقت للعثور على المنفذين. وتبنت الحركة المسلحة "
                   "الأربعاء قتل شرطيين في المدينة. وقالت: إن العملية رد على الهجوم الأخير.")
    qs = quotes_of(doc)
    assert doc.text[qs[0].speaker.start:qs[0].speaker.end].startswith("مكتب")
    assert doc.text[qs[-1].speaker.start:qs[-1].speaker.end].startswith("الحركة المسلحة")
    # a masculine «وقال» still goes on with the masculine last speaker
    doc = make_doc("وقال مكتب المحافظ: إن عملية واسعة أطلقت للعثور على المنفذين. وتبنت الحركة المسلحة "
                   "الأربعاء قتل شرطيين في المدينة. وقال: إن البحث مستمر.")
    qs = quotes_of(doc)
    assert doc.text[qs[-1].speaker.start:qs[-1].speaker.end].startswith("مكتب")


def test_a_participle_after_a_subjectless_speech_verb_goes_on_with_the_person_named_before():
    doc = make_doc("وطالب الدكتور سالم العتيبي في بيان اليوم الهيئات الدولية بتكثيف جهودها. وأكد دعم مسار "
                   "الحوار وتلبية دعوة الحكومة الليبية إلى زيارة طرابلس، مشددا على أن اللجنة تعد الهجمات "
                   "تهديدا خطيرا.")
    entity(doc, "سالم العتيبي", "PER", "Salem al-Otaibi")
    actor(doc, "الحكومة الليبية", "gov:ly", "Government of Libya", "government", 1, "LY")
    qs = quotes_of(doc)
    assert qs[-1].speaker.name == "Salem al-Otaibi"


def test_a_participle_with_no_statement_stays_in_the_clause_a_trailing_attribution_tells():
    doc = make_doc("تحفظت قطر على موقف الجامعة العربية من القصف، مؤكدة دعمها الكامل لتركيا، وفق بيان "
                   "لوزارة الخارجية القطرية.")
    entity(doc, "وزارة الخارجية القطرية", "ORG", "Qatari Ministry of Foreign Affairs")
    (q,) = quotes_of(doc)
    assert text_of(doc, q).startswith("تحفظت قطر") and q.speaker.name == "Qatari Ministry of Foreign Affairs"


def test_a_report_opened_by_faqad_inside_a_fronted_source_is_the_outer_sources():
    doc = make_doc('وحسب موقع "الخبر اليوم"؛ فقد أعلنت المقاومة الشعبية، عن مقتل 12 مسلحا في مواجهات '
                   'اندلعت في قرى: (الوادي، والجبل) قرب المدينة.')
    actor(doc, "الخبر اليوم", "news", "Al-Khabar Today", "media", None, None)
    actor(doc, "المقاومة الشعبية", "res", "Popular Resistance", "militia", 3)
    qs = quotes_of(doc)
    q = next(q for q in qs if "مقتل 12" in text_of(doc, q))
    assert q.speaker.name == "Al-Khabar Today"
    # with its own «أن» the inner speaker keeps its statement
    doc = make_doc("وبحسب موقع الخبر أوضحت الجماعة المسلحة أن المعتقلين من قبائل المنطقة.")
    actor(doc, "الجماعة المسلحة", "grp", "Armed Group", "rebel group", 2)
    (q,) = quotes_of(doc)
    assert q.speaker.name == "Armed Group"


def test_a_plain_speech_verb_with_no_an_takes_the_statement_after_the_comma():
    doc = make_doc("وأوضح العمدة هاتفيا من المدينة الواقعة جنوبي العاصمة، قتل حوالي 20 شخصا وجرح أربعة في "
                   "الاشتباكات الأخيرة.")
    (q,) = quotes_of(doc)
    assert text_of(doc, q).startswith("قتل حوالي 20") and doc.text[q.speaker.start:q.speaker.end] == "العمدة"
    doc = make_doc('ونقل الموقع عن مصادر محلية، مقتل مدني وإصابة 4 آخرين في قصف شنه مسلحو "الجماعة" على الحي.')
    (q,) = quotes_of(doc)
    assert text_of(doc, q).startswith("مقتل مدني") and "مصادر محلية" in q.speaker.name


def test_a_participle_after_the_comma_of_a_plain_verb_is_no_statement():
    doc = make_doc("ونقل البيان تعازي الحكومة العميقة لأسر الضحايا، مبدية تضامنها الكامل مع الشعب وسلطات المملكة.")
    assert quotes_of(doc) == []


def test_a_verb_without_its_own_an_does_not_take_the_an_of_the_next_speech_verb():
    doc = make_doc("وأعربت الدولة عن إدانتها واستنكارها للتفجير ، وقال مصدر مسؤول بوزارة الخارجية في تصريحات إن "
                   "“هذه الجريمة البشعة لن تنال من أمن المنطقة”.")
    entity(doc, "الدولة", "LOC")
    (q,) = quotes_of(doc)
    assert doc.text[q.speaker.start:q.speaker.end].startswith("مصدر مسؤول")
