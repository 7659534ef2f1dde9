"""Property-based tests: whatever the text, no stage raises and every span is a slice of the text."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import marsad

ARABIC = [chr(c) for c in range(0x0621, 0x064B)] + ["أ", "إ", "آ", "ة", "ى", "ئ", "ؤ"]
MARKS = [chr(c) for c in range(0x064B, 0x0653)] + ["\u0640", "\u0670"]
INVISIBLE = ["\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\u202a", "\u202b", "\u202c", "\u202e", "\u2066", "\u2069", "\u061c", "\ufeff", "\u00ad"]
PUNCT = list(" .،؛؟!:\"'«»“”()-\n\t/") + ["٣", "۲", "0", "9", "ﻻ", "ﷲ"]
WORDS = ["قال", "الرئيس", "العراق", "بغداد", "داعش", "الجمعة", "3", "تشرين", "الثاني", "2017", "قتل", "قصف",
         "مقتل", "شخصا", "وزير", "الدفاع", "هجوم", "انتحاري", "أمس", "«", "»", "،", ".", "في", "على", "محافظة"]

arabic_soup = st.lists(st.sampled_from(ARABIC + MARKS + INVISIBLE + PUNCT), max_size=400).map("".join)
word_soup = st.lists(st.sampled_from(WORDS + MARKS + INVISIBLE + [" ", "\n"]), max_size=200).map(" ".join)
anything = st.one_of(st.text(max_size=300), arabic_soup, word_soup)


def assert_spans_valid(doc) -> None:
    text = doc.text
    out = doc.to_dict()
    n = len(text)

    def check(obj):
        if isinstance(obj, dict):
            if isinstance(obj.get("start"), int) and isinstance(obj.get("end"), int):
                assert 0 <= obj["start"] <= obj["end"] <= n, obj
                if "text" in obj:
                    assert text[obj["start"]:obj["end"]] == obj["text"], obj
            for v in obj.values():
                check(v)
        elif isinstance(obj, list):
            for v in obj:
                check(v)

    check(out)
    for tok in doc.tokens:
        assert 0 <= tok.start <= tok.stem_start <= tok.end <= n
    assert doc.errors == {}, doc.errors


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(anything, st.sampled_from([None, "2017-11-03", "2015-07-25"]))
def test_offset_invariant_on_arbitrary_text(text, published):
    doc = marsad.extract(text, published=published)
    assert doc.text == (text[1:] if text.startswith("\ufeff") else text)
    assert_spans_valid(doc)


@settings(max_examples=20, deadline=None)
@given(st.integers(min_value=1, max_value=5000), st.sampled_from(["ـ", "\u064e", "\u200f", "ب", " "]))
def test_storms_and_long_runs(n, ch):
    doc = marsad.extract("قال الوزير " + ch * n + " في بغداد أمس", published="2020-01-01")
    assert_spans_valid(doc)


def test_empty_and_whitespace_documents():
    for text in ["", " ", "\n\n\t", "\ufeff", "\u200f\u200e"]:
        doc = marsad.extract(text)
        assert doc.entities == [] and doc.events == []
        assert_spans_valid(doc)
