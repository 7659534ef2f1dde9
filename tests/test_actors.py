"""Actor linking on sentences written for these tests (in the style of Arabic news)."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from marsad.actors.kb import load_kb
from marsad.actors.names import person_id
from marsad.actors.stage import Actors
from marsad.document import Document, Entity
from marsad.pipeline import build

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def pipe():
    return build(["normalise", "segment", "actors"])


def run(pipe, text: str, published: dt.date | None = dt.date(2016, 3, 1), **kw) -> Document:
    doc = Document(text, published=published, **kw)
    pipe(doc)
    assert not doc.errors
    for a in doc.actors:  # the offset contract
        assert 0 <= a.start < a.end <= len(doc.text)
    return doc


def linked(doc: Document) -> list[tuple[str, str]]:
    return [(doc.text[a.start:a.end], a.name) for a in doc.actors]


def names(doc: Document) -> list[str]:
    return [a.name for a in doc.actors]


# ---------------------------------------------------------------------------- knowledge base
def test_kb_is_large_and_valid():
    kb = load_kb()
    assert len(kb.actors) > 500
    assert sum(a.type == "person" for a in kb.actors.values()) > 100
    pytest.importorskip("pycountry")  # the build checks ISO codes with it
    out = subprocess.run([sys.executable, str(ROOT / "scripts" / "build_actors.py"), "--check"],
                         capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    # the shipped kb.json is what the sources build to (nobody edited one without the other)
    import importlib.util
    import json

    spec = importlib.util.spec_from_file_location("build_actors", ROOT / "scripts" / "build_actors.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    built, errors = mod.build()
    assert not errors
    shipped = json.loads((ROOT / "src" / "marsad" / "actors" / "data" / "kb.json").read_text("utf-8"))
    assert json.loads(json.dumps(built)) == shipped, "kb.json is stale: run python scripts/build_actors.py"


def test_office_holders_follow_dates():
    kb = load_kb()
    assert kb.holder("pm:IQ", dt.date(2012, 5, 1)) == "maliki"
    assert kb.holder("pm:IQ", dt.date(2014, 9, 8)) == "abadi"
    assert kb.holder("pm:IQ", dt.date(2020, 5, 6)) == "abadi"
    assert kb.holder("pm:IQ", dt.date(2021, 1, 1)) == "kadhimi"
    assert kb.holder("hos:US", dt.date(2015, 7, 1)) == "obama"
    assert kb.holder("pm:LB", dt.date(1990, 1, 1)) is None


def test_nisba_forms_map_to_countries():
    kb = load_kb()
    for form in ("عراقي", "عراقيه", "عراقيين", "عراقيون"):
        assert kb.nisba[form] == "IQ"
    assert kb.nisba["امريكي"] == kb.nisba["اميركيه"] == "US"
    assert kb.nisba["روس"] == "RU"


# ------------------------------------------------------------------------------ aliases
@pytest.mark.parametrize("alias", ["داعش", "تنظيم الدولة", "الدولة الإسلامية",
                                   "تنظيم الدولة الإسلامية في العراق والشام", "دولة الخلافة"])
def test_islamic_state_aliases(pipe, alias):
    doc = run(pipe, f"وأعلن {alias} مسؤوليته عن الهجوم الذي وقع قرب الحدود.")
    assert names(doc) == ["Islamic State"]
    assert doc.text[doc.actors[0].start:doc.actors[0].end] == alias


def test_proclitics_are_outside_the_span(pipe):
    doc = run(pipe, "نفذت الطائرات غارات على مواقع لداعش وللدولة الإسلامية، وبحزب الله.")
    assert linked(doc) == [("داعش", "Islamic State"), ("دولة الإسلامية", "Islamic State"),
                           ("حزب الله", "Hezbollah")]


def test_diacritics_and_tatweel_keep_offsets(pipe):
    text = "وأعلن الـتحالفُ الدوليُّ أن «داعـــش» خسر مواقعَه قرب الموصل."
    doc = run(pipe, text)
    assert linked(doc) == [("الـتحالفُ الدوليُّ", "US-led Coalition"), ("داعـــش", "Islamic State")]


def test_outlets_with_common_names_only_in_quotes(pipe):
    doc = run(pipe, "وقال مصدر لـ«الشرق الأوسط» إن الوضع في الشرق الأوسط يتدهور.")
    assert linked(doc) == [("الشرق الأوسط", "Asharq Al-Awsat")]
    assert doc.actors[0].start == doc.text.index("الشرق")


def test_word_boundaries(pipe):
    # «النصرة» inside a longer word and «حماس» as part of «الحماسة» are not actors
    doc = run(pipe, "استقبل الجمهور الفريق بحماسة كبيرة بعد الانتصارات.")
    assert doc.actors == []


# ---------------------------------------------------------------------------- composites
@pytest.mark.parametrize("phrase,expected", [
    ("القوات العراقية", "Military Forces of Iraq"),
    ("قوات الحكومة السورية", "Military Forces of Syria"),
    ("الجيش التركي", "Military Forces of Turkey"),
    ("الشرطة المصرية", "Police Forces of Egypt"),
    ("القوات الأمنية العراقية", "Police Forces of Iraq"),
    ("الحكومة اليمنية", "Government of Yemen"),
    ("الطائرات الحربية الروسية", "Military Forces of Russia"),
    ("حكومة لبنان", "Government of Lebanon"),
    ("الحرس الثوري الإيراني", "Islamic Revolutionary Guard Corps"),
    ("مسلحون مجهولون", "Unidentified Armed Group"),
])
def test_composite_actors(pipe, phrase, expected):
    doc = run(pipe, f"وذكرت مصادر محلية أن {phrase} شنت هجوما على قرية صغيرة.")
    assert names(doc) == [expected]
    assert doc.text[doc.actors[0].start:doc.actors[0].end] == phrase


def test_composite_with_a_capital_or_a_ministry(pipe):
    doc = run(pipe, "وأجرت الحركة محادثات مع حكومة كابول، فيما فرضت وزارة الخزانة الأمريكية عقوبات جديدة.")
    assert names(doc) == ["Government of Afghanistan", "Government of United States"]


def test_toponyms_and_named_after_are_not_actors(pipe):
    doc = run(pipe, "وانفجرت عبوة في منطقة القاعدة قرب جامعة الملك فهد، ثم أقيمت مباراة كأس ولي العهد.")
    assert doc.actors == []


def test_no_person_from_common_words_after_a_title(pipe):
    doc = run(pipe, "وقال رئيس نقابة صيادي السمك إن الصيد توقف.")
    assert [a for a in doc.actors if a.type == "person"] == []


def test_composite_with_a_leader_name(pipe):
    doc = run(pipe, "وتقدمت قوات الأسد نحو البلدة بينما تراجعت حكومة هادي إلى الجنوب.")
    assert names(doc) == ["Military Forces of Syria", "Government of Yemen"]


def test_bare_army_takes_the_country_of_the_story(pipe):
    text = ("شنت القوات الأفغانية هجوما على مواقع في ولاية هلمند. "
            "وقال مسؤول إن الجيش سيطر على ثلاث قرى، وإن الشرطة انتشرت في السوق.")
    doc = run(pipe, text)
    assert names(doc) == ["Military Forces of Afghanistan", "Military Forces of Afghanistan",
                          "Police Forces of Afghanistan"]
    assert doc.actors[1].generic and doc.actors[1].link == "generic"


def test_kurdish_is_no_country(pipe):
    doc = run(pipe, "ودربت القوات الأميركية عناصر القوات الكردية في المنطقة.")
    assert names(doc) == ["Military Forces of United States"]


# ---------------------------------------------------------------------------------- titles
def test_title_and_name_in_apposition(pipe):
    doc = run(pipe, "وأعلن رئيس الوزراء العراقي، حيدر العبادي، الخميس، تحرير المدينة. وهنأ العبادي قواته.",
              published=dt.date(2017, 11, 3))
    assert linked(doc) == [("حيدر العبادي", "Haider al-Abadi"), ("العبادي", "Haider al-Abadi")]
    assert doc.actors[1].link == "short"


@pytest.mark.parametrize("day,expected", [(dt.date(2012, 6, 1), "Nouri al-Maliki"),
                                          (dt.date(2016, 6, 1), "Haider al-Abadi"),
                                          (dt.date(2021, 6, 1), "Mustafa al-Kadhimi")])
def test_title_alone_is_the_office_holder_on_the_day(pipe, day, expected):
    doc = run(pipe, "واستقبل رئيس الوزراء العراقي وفدا من رجال الأعمال في بغداد.", published=day)
    assert names(doc) == [expected]
    assert doc.actors[0].link == "title" and doc.actors[0].generic


def test_title_with_an_organisation(pipe):
    doc = run(pipe, "ودعا الأمين العام للأمم المتحدة إلى وقف إطلاق النار.", published=dt.date(2015, 8, 1))
    # «للأمم»: the span starts after the preposition and the article's lam
    assert linked(doc) == [("الأمين العام", "Ban Ki-moon"), ("أمم المتحدة", "United Nations")]


def test_deputy_and_regional_titles_are_not_the_office_holder(pipe):
    doc = run(pipe, "التقى نائب رئيس الوزراء العراقي أمير منطقة الرياض أمس.", published=dt.date(2016, 1, 1))
    assert doc.actors == []


def test_district_named_after_a_sultan_is_no_head_of_state(pipe):
    doc = run(pipe, "ووقع الانفجار قرب مركز الشرطة التركية بمنطقة السلطان أحمد في إسطنبول وسط تركيا.")
    assert names(doc) == ["Police Forces of Turkey"]


def test_short_form_needs_a_full_mention(pipe):
    doc = run(pipe, "وقال العبادي إن الحكومة ستواصل عملها.")
    assert "Haider al-Abadi" not in names(doc)


# ------------------------------------------------------------------------ unknown persons
def test_unknown_person_after_a_title_has_a_stable_id(pipe):
    pytest.importorskip("arabic_name_romanizer")  # the name gazetteer and the Latin forms
    text1 = "وقال المتحدث باسم الجماعة المسلحة، منصور الدهماني، إن المقاتلين انسحبوا. وأضاف الدهماني أن القتال سيستمر."
    text2 = "ونفى العقيد منصور الدهماني هذه الأنباء."
    d1, d2 = run(pipe, text1), run(pipe, text2)
    p1 = [a for a in d1.actors if a.type == "person"]
    p2 = [a for a in d2.actors if a.type == "person"]
    assert [d1.text[a.start:a.end] for a in p1] == ["منصور الدهماني", "الدهماني"]
    assert p1[0].actor_id == p1[1].actor_id == p2[0].actor_id == person_id("منصور الدهماني")
    assert p1[0].link == "romanized" and p1[0].name.isascii() and p1[0].name[0].isupper()


def test_unknown_person_after_a_verb_of_saying(pipe):
    pytest.importorskip("arabic_name_romanizer")  # the name gazetteer and the Latin forms
    doc = run(pipe, "وقال سالم العتيبي للصحفيين إن الطريق مغلق.")
    assert [(doc.text[a.start:a.end], a.link) for a in doc.actors] == [("سالم العتيبي", "romanized")]


def test_unknown_person_from_ner_entities(pipe):
    text = "والتقى الوفد بكريم الشمري في مكتبه."
    doc = Document(text)
    start = text.index("كريم")
    build(["normalise", "segment"])(doc)
    doc.entities = [Entity(start, start + len("كريم الشمري"), "PER")]
    Actors()(doc)
    assert [a.actor_id for a in doc.actors] == [person_id("كريم الشمري")]
    assert doc.entities[0].actor_id == person_id("كريم الشمري")
    assert doc.entities[0].canonical == doc.actors[0].name


# ------------------------------------------------------------------------------ generics
def test_generic_references_go_to_the_salient_actor(pipe):
    text = ("سيطر تنظيم داعش على قرية قرب الرقة. وقال مصدر إن التنظيم أعدم عشرة أشخاص، "
            "فيما أعلنت حركة حماس في غزة رفضها للعملية، وقالت الحركة في بيان إنها تدين الهجوم.")
    doc = run(pipe, text)
    got = linked(doc)
    assert ("التنظيم", "Islamic State") in got
    assert ("الحركة", "Hamas") in got
    assert all(a.generic for a in doc.actors if doc.text[a.start:a.end] in ("التنظيم", "الحركة"))


def test_generic_reference_with_no_antecedent_is_left_alone(pipe):
    doc = run(pipe, "ناقش المؤتمر التنظيم الإداري للبلديات والحركة التجارية في الأسواق.")
    assert doc.actors == []


def test_headline_primes_generic_references(pipe):
    doc = run(pipe, "وقالت الجماعة في بيان إنها قصفت مواقع عسكرية.", title="الحوثيون يقصفون مواقع في نجران")
    assert names(doc) == ["Houthis"]


# ---------------------------------------------------------------------------------- stage
def test_entities_get_canonical_names(pipe):
    text = "وقال وزير الخارجية الأمريكي جون كيري إن واشنطن تدعم الحل السياسي."
    doc = Document(text, published=dt.date(2015, 7, 1))
    build(["normalise", "segment"])(doc)
    s = text.index("جون")
    doc.entities = [Entity(s, s + len("جون كيري"), "PER"), Entity(text.index("واشنطن"), text.index("واشنطن") + 6, "LOC")]
    Actors()(doc)
    assert doc.entities[0].canonical == "John Kerry" and doc.entities[0].actor_id == "kerry"
    assert doc.entities[1].canonical is None


def test_mentions_carry_type_country_and_inter(pipe):
    doc = run(pipe, "واشتبكت قوات البيشمركة مع مسلحي حزب العمال الكردستاني.")
    by_name = {a.name: a for a in doc.actors}
    assert by_name["Peshmerga"].inter == 1 and by_name["Peshmerga"].country == "IQ"
    pkk = by_name["Kurdistan Workers' Party"]
    assert (pkk.type, pkk.country, pkk.inter) == ("rebel group", "TR", 2)
    assert doc.to_dict()["actors"][0]["name"] == "Peshmerga"


def test_empty_and_odd_text(pipe):
    assert run(pipe, "").actors == []
    assert run(pipe, "!!! ### 123").actors == []
    assert run(pipe, "ﷺ ﻻ \u200f داعش").actors[0].name == "Islamic State"


# --------------------------------------------------------------------------- robustness
_PIECES = ["داعش", "التنظيم", "الجيش", "العراقية", "رئيس الوزراء", "وقال", "أبو", "محمد", "الدهماني", "،", ".",
           "\n", " ", "للدولة الإسلامية", "قوات", "الأمن", "على", "إلى", "ـ", "َ", "\u200f", "«", "»", "مسلحين",
           "حكومة", "كابول", "وزارة", "منطقة", "الملك", "فهد", "x", "1"]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(_PIECES), max_size=40), st.text(max_size=20))
def test_any_text_links_without_error(pipe, pieces, noise):
    text = " ".join(pieces) + noise
    doc = Document(text, published=dt.date(2017, 1, 1))
    pipe(doc)
    assert "actors" not in doc.errors
    spans = [(a.start, a.end) for a in doc.actors]
    assert spans == sorted(spans)
    for (_, e), (s2, _) in zip(spans, spans[1:], strict=False):
        assert e <= s2  # mentions never overlap
    for a in doc.actors:
        assert doc.text[a.start:a.end].strip() and a.name
