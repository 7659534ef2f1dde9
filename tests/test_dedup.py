"""Near-duplicate stories and cross-article event merging (texts written for these tests)."""

from __future__ import annotations

import datetime as dt

import pytest

from marsad.dedup.events import group_events, haversine_km, merge_events
from marsad.dedup.stories import StoryIndex, assign_stories, clusters, shingles

WIRE = (
    "أعلنت وزارة الدفاع في بيان صدر صباح اليوم الأحد أن قواتها تمكنت من صد هجوم واسع شنه مسلحون على "
    "مواقع عسكرية قرب مدينة الحديدة الساحلية، مما أسفر عن مقتل اثني عشر مسلحا وإصابة خمسة من الجنود. "
    "وأوضح البيان أن المسلحين استخدموا قذائف الهاون والأسلحة المتوسطة في محاولة للتقدم نحو الميناء، "
    "قبل أن تتدخل الطائرات لضرب تجمعاتهم في الأطراف الجنوبية للمدينة. "
    "وقال المتحدث باسم الوزارة إن الوحدات الهندسية تعمل على إزالة الألغام التي زرعها المسلحون على الطرق "
    "المؤدية إلى المواقع، مؤكدا أن الوضع تحت السيطرة بالكامل. "
    "وتشهد المنطقة منذ أسابيع مواجهات متقطعة بين الطرفين أدت إلى نزوح مئات العائلات نحو المناطق الشمالية، "
    "فيما دعت منظمات إغاثة دولية إلى هدنة إنسانية تسمح بإدخال المساعدات."
)
# the same wire story as another outlet runs it: dateline, a changed verb, an extra closing line
REPRINT = (
    "الحديدة – وكالات: أعلنت وزارة الدفاع في بيان صدر صباح الأحد أن قواتها نجحت في صد هجوم واسع شنه مسلحون على "
    "مواقع عسكرية قرب مدينة الحديدة الساحلية، مما أسفر عن مقتل 12 مسلحا وإصابة خمسة من الجنود. "
    "وأوضح البيان أن المسلحين استخدموا قذائف الهاون والأسلحة المتوسطة في محاولة للتقدم نحو الميناء، "
    "قبل أن تتدخل الطائرات لضرب تجمعاتهم في الأطراف الجنوبية للمدينة. "
    "وقال المتحدث باسم الوزارة إن الوحدات الهندسية تعمل على إزالة الألغام التي زرعها المسلحون على الطرق "
    "المؤدية إلى المواقع، مؤكدا أن الوضع تحت السيطرة بالكامل. "
    "وتشهد المنطقة منذ أسابيع مواجهات متقطعة بين الطرفين أدت إلى نزوح مئات العائلات نحو المناطق الشمالية، "
    "فيما دعت منظمات إغاثة دولية إلى هدنة إنسانية تسمح بإدخال المساعدات. "
    "تابعوا آخر الأخبار على موقعنا."
)
# a shortened reprint: the first half of the story only, with diacritics and tatweel
SHORT = (
    "أعلنـت وزارةُ الدفاع في بيان صدر صباح اليوم الأحد أن قواتها تمكنت من صد هجوم واسع شنه مسلحون على "
    "مواقع عسكرية قرب مدينة الحديدة الساحلية، مما أسفر عن مقتل اثني عشر مسلحا وإصابة خمسة من الجنود. "
    "وأوضح البيان أن المسلحين استخدموا قذائف الهاون والأسلحة المتوسطة في محاولة للتقدم نحو الميناء، "
    "قبل أن تتدخل الطائرات لضرب تجمعاتهم في الأطراف الجنوبية للمدينة."
)
# same topic, same city, same kind of event: another story
OTHER = (
    "قالت مصادر محلية إن اشتباكات عنيفة اندلعت مساء الثلاثاء بين القوات الحكومية ومسلحين في حي الربصة شرقي "
    "مدينة الحديدة، استمرت عدة ساعات وأدت إلى مقتل ثلاثة مدنيين بينهم طفل. "
    "وأضافت المصادر أن القصف المتبادل ألحق أضرارا بمدرسة ومستوصف في الحي، وأن عشرات الأسر غادرت منازلها "
    "باتجاه وسط المدينة. ولم يصدر أي تعليق رسمي من وزارة الدفاع حتى مساء اليوم، "
    "فيما طالبت لجنة حقوقية بفتح تحقيق مستقل في سقوط الضحايا المدنيين."
)


def test_shingles_fold_spelling_variants():
    assert set(shingles("أعلنـت وزارةُ الدفاع")) == set(shingles("اعلنت وزاره الدفاع"))
    assert shingles("").size == 0


def test_reprints_share_a_story_and_other_stories_do_not():
    stories = assign_stories([("wire", WIRE, "2024-05-05"), ("other", OTHER, "2024-05-07"),
                              ("reprint", REPRINT, "2024-05-05"), ("short", SHORT, "2024-05-06")])
    assert stories["reprint"] == stories["wire"] == stories["short"] == "story:wire"
    assert stories["other"] == "story:other"
    assert clusters(stories) == {"story:wire": ["wire", "reprint", "short"]}


def test_same_text_far_apart_in_time_is_another_story():
    stories = assign_stories([("a", WIRE, "2024-05-05"), ("b", WIRE, "2024-07-01")])
    assert stories["a"] != stories["b"]
    undated = assign_stories([("a", WIRE, None), ("b", WIRE, "2024-07-01")])
    assert undated["a"] == undated["b"]


def test_short_texts_are_left_alone_and_ids_are_stable():
    index = StoryIndex()
    assert index.add("x", "عاجل: انفجار في المدينة") == "story:x"
    assert index.add("y", "عاجل: انفجار في المدينة") == "story:y"  # too short to call a reprint
    assert index.add("x", "anything") == "story:x"  # already indexed: same answer


def test_a_roundup_does_not_chain_two_stories():
    index = StoryIndex(max_df=10_000)
    index.add("wire", WIRE)
    roundup = WIRE + " وفي سياق متصل، " + OTHER
    assert index.add("roundup", roundup) == "story:wire"  # it does hold the wire story
    # the second story, seen after the roundup, matches the roundup but not the wire story
    assert index.add("other", OTHER) == "story:other"
    assert index.add("reprint", REPRINT) == "story:wire"


def ev(article, story=None, **kw):
    base = {"event_type": "Battles", "sub_event_type": "Armed clash", "article_id": article, "story_id": story,
            "date": "2024-05-05", "place": {"name": "Al Hudaydah", "lat": 14.80, "lon": 42.95},
            "actor1": {"name": "Military Forces of Yemen", "actor_id": "mil-ye"}, "actor2": None,
            "evidence": {"start": 0, "end": 10, "text": "..."}, "fatalities": 2}
    base.update(kw)
    return base


def test_events_across_articles_merge_with_every_source():
    events = [
        ev(1, "s1", source="وكالة الأنباء"),
        ev(2, "s2", source="صحيفة الساحل", date="2024-05-06", place={"lat": 14.85, "lon": 42.98}, fatalities=12,
           actor2={"name": "Houthis", "actor_id": None}),
        ev(3, "s3", place={"lat": 15.35, "lon": 44.2}),  # Sanaa: too far
        ev(4, "s4", actor1={"name": "Police Forces of Yemen", "actor_id": "pol-ye"}),  # other actors
        ev(5, "s5", date="2024-05-20"),  # two weeks later
        ev(6, "s6", event_type="Protests", sub_event_type="Peaceful protest"),
    ]
    groups = group_events(events)
    assert groups == [[0, 1], [2], [3], [4], [5]]
    merged = merge_events(events)
    first = merged[0]
    assert first["n_sources"] == 2 and first["fatalities"] == 12
    assert [s["article_id"] for s in first["sources"]] == [1, 2]
    assert first["source"] == "وكالة الأنباء; صحيفة الساحل"
    assert all(s["evidence"]["text"] == "..." for s in first["sources"])


def test_reprints_merge_even_when_a_copy_lost_the_place_or_actor():
    events = [ev(1, "s1"), ev(2, "s1", place=None, actor1=None), ev(3, None, place=None)]
    assert group_events(events) == [[0, 1], [2]]


def test_one_event_per_article_in_a_group():
    events = [ev(1, "s1"), ev(1, "s1", sub_event_type="Armed clash"), ev(2, "s1")]
    groups = group_events(events)
    assert sorted(len(g) for g in groups) == [1, 2]
    assert all(len({events[i]["article_id"] for i in g}) == len(g) for g in groups)


def test_store_rows_are_understood():
    rows = [
        {"id": 10, "article_id": 1, "story_id": "a", "event_type": "Battles", "event_date": dt.date(2024, 5, 5),
         "latitude": 14.8, "longitude": 42.95, "actor1": "Military Forces of Yemen", "actor1_id": "mil-ye"},
        {"id": 11, "article_id": 2, "story_id": "b", "event_type": "Battles", "event_date": "2024-05-04",
         "latitude": 14.81, "longitude": 42.9, "actor1": "military forces of yemen", "actor1_id": "mil-ye"},
    ]
    assert group_events(rows) == [[0, 1]]
    assert haversine_km(14.8, 42.95, 15.35, 44.2) == pytest.approx(147, abs=5)


def test_dedup_store_sets_stories_and_merges_events(tmp_path):
    from marsad.dedup.store import dedup_store
    from marsad.document import ArgRef, Document, Event, Place, Span
    from marsad.store import Store

    def doc(text: str, ident: str) -> Document:
        d = Document(text, id=ident, published=dt.date(2024, 5, 5))
        start = text.index("هجوم")
        d.events = [Event("Battles", "Armed clash", trigger=Span(start, start + 4), evidence=Span(0, 80),
                          actor1=ArgRef("Military Forces of Yemen", actor_id="mil-ye"),
                          place=Place(0, 0, "Al Hudaydah", 14.8, 42.95, "YE"), date="2024-05-05")]
        return d

    store = Store.open(str(tmp_path / "m.db"))
    try:
        a = store.add_document(doc(WIRE, "wire")).article_id
        b = store.add_document(doc(REPRINT, "reprint")).article_id
        c = store.add_document(Document(OTHER, id="other")).article_id
        stats = dedup_store(store)
        assert stats["multi_article_stories"] == 1 and stats["events_merged"] == 1
        arts = {x["id"]: x for x in store.list_articles(limit=10)}
        assert arts[a]["story_id"] == arts[b]["story_id"] != arts[c]["story_id"]
        live = list(store.iter_events())
        assert len(live) == 1 and live[0]["n_sources"] == 2
        assert dedup_store(store)["events_merged"] == 0  # rerun: nothing new
        # incremental: a later reprint joins the story without re-indexing the others
        from marsad.dedup.stories import StoryIndex

        index = StoryIndex()
        first = dedup_store(store, index=index)
        d = store.add_document(doc(SHORT, "short")).article_id
        second = dedup_store(store, index=index, since_id=first["last_id"])
        assert second["new_articles"] == 1
        assert {x["id"]: x for x in store.list_articles(limit=10)}[d]["story_id"] == arts[a]["story_id"]
    finally:
        store.close()
