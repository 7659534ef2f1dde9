"""Shared helpers for the API, web and load tests (no tests here): hand-made Documents in the
style of Arabic news (written for these tests), stored through the store's own functions."""

from __future__ import annotations

import datetime as dt
import random

from marsad.document import ActorMention, ArgRef, Document, Entity, Event, Place, Quote, Span, Timex
from marsad.store import Store

# (id, text, published, [(event_type, sub_event_type, trigger, evidence sentence, place, lat, lon, country,
#   admin1, actor1, actor2, fatalities)], quote (speaker, cue, quoted text) or None)
ARTICLES = [
    ("mosul-1",
     "أعلنت قيادة العمليات المشتركة يوم الثلاثاء أن القوات العراقية اشتبكت مع مسلحي تنظيم داعش في الموصل. "
     "وقال المتحدث باسم القيادة يحيى رسول إن \"المعارك أسفرت عن مقتل خمسة مسلحين\". "
     "وأضاف أن العمليات مستمرة في الأحياء الغربية من المدينة.",
     "2017-06-13",
     [("Battles", "Armed clash", "اشتبكت", 0, "الموصل", 36.34, 43.13, "IQ", "Nineveh",
       "Military Forces of Iraq", "Islamic State", 5)],
     ("يحيى رسول", "وقال", "المعارك أسفرت عن مقتل خمسة مسلحين")),
    ("baghdad-1",
     "قتل ثلاثة مدنيين وأصيب عشرة آخرون بانفجار عبوة ناسفة في سوق شعبي ببغداد صباح الأحد. "
     "ولم تعلن أي جهة مسؤوليتها عن التفجير حتى الآن.",
     "2017-06-11",
     [("Explosions/Remote violence", "Remote explosive/landmine/IED", "بانفجار", 0, "بغداد", 33.34, 44.40, "IQ",
       "Baghdad", "Unidentified Armed Group", "Civilians", 3)],
     None),
    ("raqqa-1",
     "شنت طائرات التحالف الدولي غارات جوية على مواقع للتنظيم في مدينة الرقة شمال سوريا يوم الجمعة. "
     "وذكر المرصد السوري لحقوق الإنسان أن الغارات استهدفت مقرات ومخازن أسلحة.",
     "2017-06-09",
     [("Explosions/Remote violence", "Air/drone strike", "غارات", 0, "الرقة", 35.95, 39.01, "SY", "Raqqa",
       "Coalition Forces", "Islamic State", 0)],
     None),
    ("cairo-1",
     "تظاهر مئات الطلاب أمام مبنى جامعة القاهرة يوم الاثنين احتجاجاً على رفع الرسوم الدراسية. "
     "ورفع المتظاهرون لافتات تطالب بإلغاء القرار.",
     "2017-05-22",
     [("Protests", "Peaceful protest", "تظاهر", 0, "القاهرة", 30.04, 31.24, "EG", "Cairo",
       "Protesters (Egypt)", None, 0)],
     None),
    ("sanaa-1",
     "اختطف مسلحون مجهولون صحفياً في العاصمة اليمنية صنعاء مساء الخميس، بحسب ما أفادت نقابة الصحفيين. "
     "ودعت النقابة إلى الإفراج الفوري عنه.",
     "2017-05-18",
     [("Violence against civilians", "Abduction/forced disappearance", "اختطف", 0, "صنعاء", 15.35, 44.21, "YE",
       "Amanat al Asimah", "Unidentified Armed Group", "Civilians (Yemen)", 0)],
     None),
    ("basra-1",
     "وقعت الحكومة العراقية وممثلو العشائر في البصرة اتفاقاً لإنهاء النزاع على الأراضي الزراعية يوم السبت. "
     "وشهدت المحافظة الشهر الماضي اشتباكات عشائرية متقطعة.",
     "2017-04-29",
     [("Strategic developments", "Agreement", "اتفاقاً", 0, "البصرة", 30.51, 47.81, "IQ", "Basra",
       "Government of Iraq", "Tribal Militia", 0)],
     None),
]


def _span(text: str, sub: str) -> tuple[int, int]:
    start = text.index(sub)
    return start, start + len(sub)


def make_document(spec: tuple, suffix: str = "", published: str | None = None, jitter: random.Random | None = None) -> Document:
    art_id, text, pub, events, quote = spec
    doc = Document(text + suffix, id=art_id + (f"-{suffix.strip()}" if suffix else ""),
                   published=dt.date.fromisoformat(published or pub), title=text.split(" ")[0] + " …",
                   url=f"https://news.example/{art_id}", source="Example News")
    sentences = []
    pos = 0
    for part in text.split(". "):
        end = text.index(part, pos) + len(part) + (1 if text.index(part, pos) + len(part) < len(text) else 0)
        sentences.append(Span(text.index(part, pos), end))
        pos = end
    doc.sentences = sentences
    for etype, sub, trig, sent, pname, lat, lon, cc, adm1, a1, a2, fat in events:
        if jitter:
            lat, lon = lat + jitter.uniform(-0.5, 0.5), lon + jitter.uniform(-0.5, 0.5)
        ps, pe = _span(text, pname.removeprefix("ال") if pname not in text else pname)
        place = Place(ps, pe, name=pname, lat=lat, lon=lon, country=cc, admin1=adm1, precision=1)
        doc.places.append(place)
        doc.entities.append(Entity(ps, pe, "LOC"))
        ts, te = _span(text, trig)
        ev = sentences[sent]
        doc.events.append(Event(etype, sub, trigger=Span(ts, te), evidence=Span(ev.start, ev.end),
                                actor1=ArgRef(a1, inter=1), actor2=ArgRef(a2, inter=2) if a2 else None,
                                place=place, date=published or pub, time_precision=1, fatalities=fat,
                                confidence=0.8))
    for word, label in (("داعش", "ORG"), ("التحالف الدولي", "ORG"), ("يحيى رسول", "PER"),
                        ("المرصد السوري لحقوق الإنسان", "ORG"), ("نقابة الصحفيين", "ORG")):
        if word in text:
            s, e = _span(text, word)
            doc.entities.append(Entity(s, e, label, canonical={"داعش": "Islamic State"}.get(word)))
            if label == "ORG":
                doc.actors.append(ActorMention(s, e, actor_id=word, name=word, type="group"))
    for day in ("يوم الثلاثاء", "صباح الأحد", "يوم الجمعة", "يوم الاثنين", "مساء الخميس", "يوم السبت"):
        if day in text:
            s, e = _span(text, day)
            doc.timexes.append(Timex(s, e, value=published or pub, granularity="day"))
    if quote:
        speaker, cue, said = quote
        qs, qe = _span(text, said)
        ss, se = _span(text, speaker)
        cs, ce = _span(text, cue)
        doc.quotes.append(Quote(qs, qe, direct=True, cue=cue, cue_span=Span(cs, ce), speaker=ArgRef(speaker, ss, se)))
    doc.entities.sort(key=lambda e: e.start)
    return doc


def fill_store(store: Store) -> dict[str, int]:
    """The hand-made articles, stored; external id → store article id."""
    return {spec[0]: store.add_document(make_document(spec)).article_id for spec in ARTICLES}


def fill_many(store: Store, n: int, seed: int = 7) -> int:
    """``n`` articles (variants of the hand-made ones, spread over two years and jittered in
    space) for latency and load tests; returns the number of events stored."""
    rng = random.Random(seed)
    start = dt.date(2016, 1, 1)
    events = 0
    for i in range(n):
        spec = ARTICLES[i % len(ARTICLES)]
        day = (start + dt.timedelta(days=rng.randrange(730))).isoformat()
        events += store.add_document(make_document(spec, suffix=f" {i}", published=day, jitter=rng)).events
    return events
