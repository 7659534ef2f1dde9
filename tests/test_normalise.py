from hypothesis import given
from hypothesis import strategies as st

from marsad.document import Document
from marsad.text.normalise import normalise, normalise_key, normalise_with_map


def test_folds_alef_hamza_ya_ta_marbuta():
    assert normalise("أحمد إبراهيم آمنة مؤتمر رئيس مستشفى مدينة") == "احمد ابراهيم امنه موتمر رييس مستشفي مدينه"


def test_drops_diacritics_tatweel_and_invisible_marks():
    assert normalise("قَالَ الرَّئِيــــسُ\u200f\u200b") == "قال الرييس"


def test_digits_and_quotes():
    assert normalise("٣ تشرين ۲۰۱۷ «نص» “آخر”") == '3 تشرين 2017 "نص" "اخر"'


def test_key_collapses_space_and_case():
    assert normalise_key("  الأمم   المتحدة  UN ") == "الامم المتحده un"


def test_presentation_forms_expand_and_map_back():
    text = "ﻻ بأس"
    norm, mapping = normalise_with_map(text)
    assert norm.startswith("لا")
    assert len(mapping) == len(norm)
    assert mapping[0] == mapping[1] == 0


def test_offsets_map_back_through_deletions():
    text = "وَصَلَ الوَفْدُ إلى بَغْدَادَ"
    doc = Document(text)
    doc.norm, doc.norm_to_orig = normalise_with_map(text)
    i = doc.norm.index("بغداد")
    start, end = doc.to_orig(i, i + len("بغداد"))
    assert text[start:end] == "بَغْدَادَ"  # trailing diacritics stay with the word


@given(st.text())
def test_map_is_monotone_and_in_bounds(text):
    norm, mapping = normalise_with_map(text)
    assert len(mapping) == len(norm)
    assert all(0 <= m < len(text) for m in mapping)
    assert all(a <= b for a, b in zip(mapping, mapping[1:], strict=False))
