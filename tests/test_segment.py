from marsad.document import Document
from marsad.pipeline import build
from marsad.text.clitics import split_clitics, stem_candidates

SEGMENT = build(["normalise", "segment"])


def run(text: str) -> Document:
    return SEGMENT(Document(text))


def test_sentences_split_on_arabic_and_latin_marks():
    doc = run("وصل الوفد إلى المدينة. هل انتهت المفاوضات؟ نعم!\nسطر جديد")
    assert [doc.text[s.start:s.end] for s in doc.sentences] == [
        "وصل الوفد إلى المدينة.", "هل انتهت المفاوضات؟", "نعم!", "سطر جديد"]


def test_decimal_numbers_do_not_end_sentences():
    doc = run("ارتفع المؤشر 3.5 في المئة اليوم.")
    assert len(doc.sentences) == 1


def test_tokens_keep_original_offsets_and_split_article():
    text = "وبالمدينةِ اجتمعَ الوزراءُ"
    doc = run(text)
    first = doc.tokens[0]
    assert text[first.start:first.end] == "وبالمدينةِ"
    assert first.prefix == "وبال"
    assert text[first.stem_start:first.end] == "مدينةِ"
    assert first.has_article


def test_article_split_keeps_relative_pronouns_whole():
    assert split_clitics("التي") == ("", "التي")
    assert split_clitics("والذي") == ("و", "الذي")
    assert split_clitics("للجيش") == ("لل", "جيش")


def test_one_letter_proclitic_is_not_split_from_a_word_that_begins_with_it():
    assert split_clitics("وزير") == ("", "وزير")
    assert split_clitics("بلدة")[0] == ""


def test_stem_candidates_cover_every_reading():
    cands = stem_candidates("وبالموصل")
    assert cands[0] == "وبالموصل"
    assert "موصل" in cands and "الموصل" in cands


def test_punctuation_is_separate_tokens():
    doc = run("قال: «لن نتراجع»، ثم غادر")
    surfaces = [doc.text[t.start:t.end] for t in doc.tokens]
    assert surfaces == ["قال", ":", "«", "لن", "نتراجع", "»", "،", "ثم", "غادر"]
    assert [t.is_word for t in doc.tokens][:3] == [True, False, False]


def test_a_full_stop_glued_to_the_next_arabic_word_ends_the_sentence():
    doc = run("وعادت الحياة إلى طبيعتها في البلاد.وقالت الوزارة إن الطرق فتحت بنسبة 3.5 في المئة")
    assert [doc.text[s.start:s.end] for s in doc.sentences] == [
        "وعادت الحياة إلى طبيعتها في البلاد.", "وقالت الوزارة إن الطرق فتحت بنسبة 3.5 في المئة"]


def test_dotted_abbreviations_do_not_end_sentences():
    def sentences(text):
        doc = build(["normalise", "segment"])(Document(text))
        return [text[s.start:s.end] for s in doc.sentences]

    # agency initials in brackets, a title before a name with or without a space
    assert sentences("قال الوزير (د.ب.أ) إن القوات تقدمت. وأضاف أن المعارك مستمرة.") == [
        "قال الوزير (د.ب.أ) إن القوات تقدمت.", "وأضاف أن المعارك مستمرة."]
    assert len(sentences("ذكرت (سي.إن.إن) أن الهجوم وقع أمس. وقال مسؤول إن خمسة قتلوا.")) == 2
    assert len(sentences("قال د.مازن إن الوضع خطير. وتابع أن الحل سياسي.")) == 2
    # a full word before a dot that runs into the next sentence still ends it
    assert sentences("وصل الوفد إلى جدة.وقال إنه سعيد.") == ["وصل الوفد إلى جدة.", "وقال إنه سعيد."]
