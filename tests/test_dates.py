"""Behaviour of the dates stage beyond the example corpus: pipeline contract, offsets,
publication-date inference, robustness on arbitrary text."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

import marsad
from marsad.dates.stage import Dates
from marsad.document import Document
from marsad.pipeline import build
from marsad.text.normalise import Normalise

ARTICLE = (
    "دمشق - قالت مصادر ميدانية، السبت (12 آب 2017)، إن القوات الحكومية تقدمت في ريف المدينة.\n"
    "وكان الجيش قد أعلن أمس سيطرته على بلدة استراتيجية، بعد معارك بدأت في حزيران الماضي.\n"
    "وتأتي هذه التطورات بعد أن خسر التنظيم هذا العام معظم المناطق التي سيطر عليها عام 2014."
)


def run(text: str, published: dt.date | None) -> Document:
    doc = Document(text, published=published)
    Normalise()(doc)
    Dates()(doc)
    return doc


def values(doc: Document) -> dict[str, str]:
    return {doc.text[t.start:t.end]: t.value for t in doc.timexes}


def test_stage_contract_in_pipeline() -> None:
    pipe = build(["normalise", "segment", "dates"])
    doc = pipe(Document(ARTICLE, published=dt.date(2017, 8, 12)))
    assert "dates" in doc.done and not doc.errors
    got = values(doc)
    assert got["12 آب 2017"] == "2017-08-12"
    assert got["أمس"] == "2017-08-11"
    assert got["حزيران الماضي"] == "2017-06"
    assert got["هذا العام"] == "2017"
    assert got["عام 2014"] == "2014"
    assert got["السبت"] == "2017-08-12"
    for t in doc.timexes:
        assert doc.text[t.start:t.end] == doc.text[t.start:t.end].strip() != ""


def test_publication_date_is_inferred_from_the_dateline() -> None:
    doc = run(ARTICLE, None)
    assert doc.published == dt.date(2017, 8, 12) and doc.published_inferred
    assert values(doc)["أمس"] == "2017-08-11"


def test_given_publication_date_is_kept() -> None:
    doc = run(ARTICLE, dt.date(2017, 8, 14))
    assert doc.published == dt.date(2017, 8, 14) and not doc.published_inferred
    assert values(doc)["أمس"] == "2017-08-13"


def test_without_any_anchor_only_absolute_dates_come_out() -> None:
    doc = run("قال مسؤول أمس إن الاتفاق الموقع عام 2015 ما زال ساريا حتى الشهر المقبل.", None)
    assert doc.published is None and not doc.published_inferred
    assert [(doc.text[t.start:t.end], t.value) for t in doc.timexes] == [("عام 2015", "2015")]


def test_spans_cover_marks_of_the_original_text() -> None:
    text = "يصل الوفد غداً، وصدر القرار في 14 صفر 1439 هـ، وفي ٣ تشرينِ الثاني ٢٠١٧."
    doc = run(text, dt.date(2017, 11, 3))
    got = values(doc)
    assert got["غداً"] == "2017-11-04"
    assert got["14 صفر 1439 هـ"] == "2017-11-03"
    assert got["٣ تشرينِ الثاني ٢٠١٧"] == "2017-11-03"


def test_hijri_dates_are_marked_hijri() -> None:
    doc = run("أعلنت المحكمة العليا أن الأول من شوال 1438 هـ يوافق الأحد.", dt.date(2017, 6, 20))
    hijri = [t for t in doc.timexes if t.calendar == "hijri"]
    assert [(t.value, t.relative) for t in hijri] == [("2017-06-25", False)]


def test_ranges_have_an_end_value() -> None:
    doc = run("تعقد الجولة بين 3 و5 تشرين الثاني في جنيف.", dt.date(2017, 11, 1))
    (t,) = doc.timexes
    assert (t.value, t.end_value, t.kind, t.granularity) == ("2017-11-03", "2017-11-05", "range", "range")


def test_future_tense_moves_weekdays_and_months_forward() -> None:
    past = run("التقى الوزير نظيره الأحد في أنقرة.", dt.date(2017, 11, 3))
    future = run("وسيلتقي الوزير نظيره الأحد في أنقرة.", dt.date(2017, 11, 3))
    assert past.timexes[0].value == "2017-10-29"
    assert future.timexes[0].value == "2017-11-05"


def test_published_datetime_is_accepted() -> None:
    doc = Document("وقع الهجوم أمس.", published=dt.datetime(2017, 11, 3, 9, 30))  # type: ignore[arg-type]
    Normalise()(doc)
    Dates()(doc)
    assert doc.timexes[0].value == "2017-11-02"


WORDS = ["في", "من", "بين", "و", "الى", "عام", "العام", "الماضي", "المقبل", "الجمعة", "أيلول", "آب", "مارس",
         "تشرين", "الثاني", "الأول", "3", "25", "2017", "1439", "هـ", "/", "-", "(", ")", "،", "أمس", "اليوم",
         "قبل", "منذ", "يومين", "ثلاثة", "أيام", "شهر", "رمضان", "ذو", "الحجة", "يوم", "مطلع", "هذا", "الأسبوع",
         "\n", "ً", "ـ", "صفر", "الثالث", "عشر", "النصف", "الربع"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=40), st.text(max_size=30),
       st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2070, 12, 31)) | st.none())
def test_any_text_gives_valid_spans_and_values(words: list[str], noise: str, published: dt.date | None) -> None:
    text = " ".join(words) + noise
    doc = run(text, published)
    for t in doc.timexes:
        assert 0 <= t.start < t.end <= len(doc.text)
        assert t.granularity in {"day", "week", "month", "year", "season", "quarter", "half", "decade", "range"}
        assert t.value[:3].isdigit()
        if t.end_value is not None:
            assert t.end_value[:4].isdigit() and t.granularity == "range" and t.end_value >= t.value


def test_supposed_to_reads_a_weekday_ahead():
    # «يفترض أن» (is supposed to) is a plan: its weekday is the coming one; a past verb's is the last one
    ahead = marsad.extract("ويفترض أن تنطلق المسيرة بعد ظهر الأحد من ساحة المدينة.", published="2015-07-29")
    past = marsad.extract("وانطلقت المسيرة بعد ظهر الأحد من ساحة المدينة.", published="2015-07-29")
    assert [t.value for t in ahead.timexes] == ["2015-08-02"]
    assert [t.value for t in past.timexes] == ["2015-07-26"]
