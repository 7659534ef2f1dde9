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
