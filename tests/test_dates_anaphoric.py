"""Dates: a day told against the day named before it («في اليوم التالي», «قبل ذلك بيوم»,
«في اليوم نفسه», «بعد ذلك بيومين»). Sentences written for these tests."""

from __future__ import annotations

import datetime as dt

from marsad.document import Document
from marsad.pipeline import build

_PIPE = build(["normalise", "segment", "dates"])


def days(text: str, published: str = "2015-08-08") -> dict[str, str]:
    doc = _PIPE(Document(text, published=dt.date.fromisoformat(published)))
    return {doc.text[t.start:t.end]: t.value for t in doc.timexes}


def test_the_next_day_follows_the_day_named_before():
    got = days("هاجم مسلحون حاجزا الأربعاء، وفي اليوم التالي قصفت الطائرات مواقعهم.")
    assert got["اليوم التالي"] == "2015-08-06"


def test_a_day_before_that_counts_back_from_the_last_day_told():
    # (the Tuesday is 4 August; the next day the 5th; the day before that the 4th)
    got = days("سقطت قذيفة الثلاثاء، وفي اليوم التالي اعتقل ثلاثة. وكان انفجار وقع قبل ذلك بيوم.")
    assert got["اليوم التالي"] == "2015-08-05" and got["قبل ذلك بيوم"] == "2015-08-04"


def test_the_same_day_and_days_after_that():
    got = days("وصل الوفد يوم الأحد، واعتقل في اليوم نفسه صحافي، وبعد ذلك بثلاثة أيام بدأت المحادثات.")
    assert got["اليوم نفسه"] == "2015-08-02" and got["بعد ذلك بثلاثة أيام"] == "2015-08-05"


def test_with_no_day_named_before_nothing_is_dated():
    assert days("وفي اليوم التالي عاد الهدوء إلى المدينة.") == {}
