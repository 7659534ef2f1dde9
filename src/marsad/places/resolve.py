"""Disambiguation of toponym mentions: an ordered chain of small passes over the candidates.

1. ``drop_non_places``  — person names (NER PER spans, a given name before a family name),
                          nisba adjectives (القوات العراقية, ليرة سورية), organisation, group,
                          club and media names (تنظيم…, فريق…, لـ«الرياض»).
2. ``country_context``  — countries the article names: country mentions, the dateline, places
                          with a single candidate country, nisba adjectives (الحكومة اليمنية).
3. ``score``            — prior (feature class, population, capital, Arab-world news) + context
                          country + trigger word (مدينة، محافظة، ريف، نهر، معبر…) + a nisba right
                          before the name (العاصمة الأردنية عمان) or a country or nisba right after it
                          (عمان الأردنية، طرابلس لبنان) + an institution noun for a region (جوازات
                          الجوف) + dateline.
4. ``proximity``        — closeness to the places already resolved with confidence.
5. ``one_sense``        — the same name resolves the same way throughout the article.
6. ``accept``           — support required by what the name is: a frequent or word-like name
                          (الباب), a small place, a read-back or variant spelling, a city district
                          need context (country named, a place nearby, a generic word, a
                          preposition, an NER LOC span); a list «عدن ولحج وأبين» shares support
                          within one country; a district needs its country in the article; a
                          division followed by another country (كردستان إيران) is not ours.
Each pass is a function over ``Mention`` objects and can be tested on its own.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, field

from marsad.places.gazetteer import ARAB_WORLD, NEAR_EAST, Entry, Gazetteer
from marsad.places.romanise import LATIN_GEN_COUNTRIES

# trigger word (normalised, without proclitics) -> the kinds it announces
TRIGGERS: dict[str, str] = {}
for _w in "مدينه مدينتي بلده بلدات قريه قري مدن بلدتي قريتي مخيم حي ضاحيه بلديه مركز عاصمه".split():
    TRIGGERS[_w] = "town"
for _w in "محافظه محافظات محافظتي ولايه ولايتي اقليم مقاطعه اماره امارات".split():
    TRIGGERS[_w] = "admin"
for _w in "منطقه مناطق منطقتي".split():  # "area": too generic to vouch for a name by itself
    TRIGGERS[_w] = "area"
for _w in "قضاء قضاءي اقضيه ناحيه نواحي مديريه مديريات مديريتي شعبيه شعبيات".split():
    TRIGGERS[_w] = "district"
for _w in "ريف اطراف ضواحي محيط".split():
    TRIGGERS[_w] = "around"
for _w in "دوله جمهوريه مملكه سلطنه بلاد".split():
    TRIGGERS[_w] = "country"
for _w in "نهر بحر جبل جبال صحراء معبر منفذ خليج مضيق واحه جزيره وادي".split():
    TRIGGERS[_w] = "feature"

# words before a name that make it part of an organisation's name, not a place mention
# (an institution *located* in a place, e.g. جامعة الكويت, still names the place)
ORG_HEADS = frozenset(
    "صحيفه جريده وكاله قناه اذاعه تلفزيون فريق تنظيم تنظيمي حركه كتايب جبهه حزب انصار اجناد".split()
)
# words before a name that make it a person's name
PERSON_HEADS = frozenset("بن ابن بنت ابو ام ال الشيخ السيد الامير الرييس الدكتور اللواء العميد العقيد".split())
LOCATIVE = frozenset(
    "في من الي الى إلى على علي حتى نحو قرب شمال جنوب شرق غرب شمالي جنوبي شرقي غربي داخل خارج مدخل اطراف حدود عبر باتجاه".split()
)

# an institution noun before a name makes it the region (or city) the institution serves:
# «جوازات الجوف» (Al Jawf Region), «محافظ أبين», «أمير منطقة…», «تعليم جازان»
INSTITUTION_NOUNS = frozenset("جوازات شرطه امانه تعليم صحه مرور محافظ امير".split())
# «عمان الأردنية», «طرابلس اللبنانية»: a country adjective after a name says which country it is in
NEXT_NISBA_BONUS = 2.5
# «مصنع اسمنت عمران», «ميناء صور»: a facility noun before a name places the facility there (not
# مطار: airports are named after people, «مطار حمد الدولي»)
FACILITY_NOUNS = frozenset("ميناء سجن مصنع مصفاه اسمنت".split())
# «تفجير طابا», «معركة الفلوجة»: an event noun before a name works like a preposition (the place of the event)
EVENT_NOUNS = frozenset("تفجير تفجيرات هجوم هجمات معركه معارك مجزره اشتباكات".split())
SMALL_PLACE = 20000  # GeoNames population; 0 (unknown) counts as small
KIND_PRIOR = {"country": 3.2, "admin": 1.6, "feature": 2.6, "town": 1.8}
AREA_KINDS = frozenset({"country", "admin", "feature"})


@dataclass
class Mention:
    start: int  # original offsets, proclitics excluded
    end: int
    key: str
    cands: tuple[Entry, ...]
    prev: str = ""  # normalised previous word, proclitics stripped
    prev_prefix: str = ""  # proclitics of the mention's first word (e.g. "و", "ب")
    trigger: str | None = None
    entity: str | None = None  # label of an overlapping NER entity
    dateline: bool = False
    weak: set[int] = field(default_factory=set)
    alt: dict[int, tuple[int, str]] = field(default_factory=dict)  # candidate -> (start, key) per reading  # candidates that usually need a generic word first
    prev_nisba: str | None = None  # country of a nisba adjective right before the name
    next_nisba: str | None = None  # country of a feminine nisba right after it: «عمان الأردنية» is Amman
    next_country: str | None = None  # a country named right after: «كردستان إيران», «طرابلس لبنان»
    list_trigger: bool = False  # the generic word is the list's (مناطق تبوك والجوف): a later item
    institution: bool = False  # after an institution noun: «جوازات الجوف», «محافظ أبين» (the region)
    prev_definite: bool = False  # the word before carries the article (المحافظات)
    entity_exact: bool = False  # the NER span is exactly the mention
    entity_head: bool = False  # the NER span begins with the mention («عدن نائف البكري»)
    fuzzy: bool = False  # matched by consonant skeleton (a variant spelling)
    club: bool = False  # a town name followed by a masculine nisba: «الوكرة القطري» is the club
    tok_start: int = 0  # token index range of the mention
    tok_end: int = 0
    scores: dict[int, float] = field(default_factory=dict)
    best: Entry | None = None


def haversine_km(a: Entry, b: Entry) -> float:
    p1, p2 = math.radians(a.lat), math.radians(b.lat)
    dp, dl = p2 - p1, math.radians(b.lon - a.lon)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 12742.0 * math.asin(min(1.0, math.sqrt(h)))


def _is_nisba(key: str) -> bool:
    return key.startswith("ال") and key.endswith(("ي", "يه", "يين", "يون", "يان"))


def drop_non_places(mentions: list[Mention], gaz: Gazetteer) -> list[Mention]:
    out = []
    for m in mentions:
        if m.entity in ("PER", "ORG") and _entity_blocks(m):
            continue
        if m.club and m.entity != "LOC" and all(c.kind in ("city", "town") for c in m.cands):
            continue
        single = " " not in m.key
        if single and _adjective(m):
            continue  # grammar outranks a LOC tag: «الحدود السعودية» is an adjective
        if m.entity != "LOC" and not m.trigger:
            if m.prev in ORG_HEADS or m.prev in PERSON_HEADS:
                continue
            # حيدر العبادي: a family name (nisba-shaped) after a given name
            if single and _is_nisba(m.key) and not m.prev_prefix and m.prev in gaz.given_names:
                continue
            # عبدالله دواس: a single name right after a given name is a family name
            if single and not m.prev_prefix and m.prev in gaz.given_names \
                    and not any(c.kind in ("country", "admin", "feature") or c.population >= 100000 for c in m.cands):
                continue
        out.append(m)
    return out


def _adjective(m: Mention) -> bool:
    """A nisba-shaped name used as an adjective of the noun before it."""
    if m.prev_prefix or m.prev in LOCATIVE:
        return False
    # القوات العراقية / الحكومة السورية / المحافظات الشرقية: a definite adjective agreeing
    # with a definite noun (a generic word without the article, محافظة الشرقية, names a place)
    if _is_nisba(m.key) and (m.prev.startswith("ال") or (m.trigger and m.prev_definite)):
        return True
    if m.trigger:
        return False
    # ليرة سورية / معارضة سورية: a country name that is also a feminine adjective, after an
    # indefinite feminine noun
    return m.key.endswith("يه") and not m.key.startswith("ال") and m.prev.endswith("ه") \
        and not m.prev.startswith("ال") and any(c.kind == "country" for c in m.cands)


def _entity_blocks(m: Mention) -> bool:
    """Does an overlapping PER/ORG span make the mention part of a name rather than a place?

    A longer PER span (حيدر العبادي) always does. A longer ORG span does not: an institution
    named after where it is (جامعة جازان, هيئة قناة السويس) still names the place. A span equal
    to the mention counts unless the text itself marks a place (a generic word or a preposition),
    or the name is a country, division or feature.
    """
    if m.dateline:
        return False  # «عين اليوم – روما»: the dateline is a place whatever the tagger says
    if m.entity == "PER" and not m.entity_exact:
        # a tagger that runs a governor's province into his name («محافظ عدن نائف البكري») or a
        # preposition's place into the next name («بفرع الضمان بجازان سامي الحملي»): a person's
        # name does not open with a preposition, nor follow an office that takes a place
        return not (m.entity_head and (m.institution or m.trigger is not None or m.prev_prefix.endswith("ب")))
    if not m.entity_exact:
        return False
    if m.trigger is not None or m.prev in LOCATIVE or m.prev_prefix.endswith("ب"):
        return False
    return all(c.kind in ("city", "town") for c in m.cands)


def country_context(mentions: list[Mention], nisba: dict[str, float] | None = None) -> dict[str, float]:
    """Country weights from the mentions' candidates (and nisba adjectives: القوات العراقية)."""
    ctx: dict[str, float] = defaultdict(float, nisba or {})
    for m in mentions:
        ccs = {c.country for c in m.cands if c.country}
        if not ccs:
            continue
        weight = 3.0 if m.dateline else 1.0
        if any(c.kind == "country" for c in m.cands):
            weight *= 2.0
        for cc in ccs:
            ctx[cc] += weight / len(ccs)
    return ctx


def _trigger_bonus(trigger: str | None, c: Entry) -> float:
    kind = c.kind
    if trigger is None:
        return 0.0
    if trigger == "area":  # منطقة: Saudi regions are "منطقة X"; otherwise any area
        return 1.5 if kind == "admin" else 0.0
    if trigger == "country":
        return 3.0 if kind == "country" else -1.0
    if trigger == "feature":
        return 3.0 if kind == "feature" else -0.5
    if trigger == "admin":
        return 3.0 if kind == "admin" else (0.5 if kind in ("city", "town") else -1.0)
    if trigger == "district":  # قضاء/ناحية: a district named after its seat town
        return 2.0 if kind in ("city", "town") else (1.0 if kind == "admin" else -1.0)
    # town / around: a populated place
    return 2.0 if kind in ("city", "town") else -2.0


def prior(c: Entry) -> float:
    if c.kind == "city":
        base = 0.4 * math.log10(c.population + 100)  # 0.8 .. 2.8
    else:
        base = KIND_PRIOR.get(c.kind, 1.0)
    base += c.bonus
    if c.country in ARAB_WORLD:
        base += 0.6
    elif c.country in NEAR_EAST:
        base += 0.3
    return base


def score(mentions: list[Mention], ctx: dict[str, float]) -> None:
    total = sum(ctx.values()) or 1.0
    for m in mentions:
        own = {c.country for c in m.cands if c.country}
        # a bare capital's name is the capital (الرياض is not the Egyptian village), unless the
        # country has the same name (تونس, الكويت: the country by default)
        capital_bonus = 0.0 if any(c.kind == "country" for c in m.cands) else 1.0
        for c in m.cands:
            # context from the *other* mentions: remove this mention's own vote
            share = ctx.get(c.country, 0.0) - (1.0 / len(own) if c.country in own else 0.0)
            s = prior(c) + 3.0 * max(0.0, share) / total + _trigger_bonus(m.trigger, c)
            if c.feature == "capital":
                s += capital_bonus
            if c.idx in m.weak:
                s -= 1.5
            if m.prev_nisba and c.country == m.prev_nisba:
                s += 2.5  # العاصمة الأردنية عمان: the adjective names the country
            if m.next_country and c.country == m.next_country and c.kind != "country":
                s += NEXT_NISBA_BONUS  # طرابلس لبنان: the Lebanese Tripoli
            if m.next_nisba and c.country == m.next_nisba and c.kind != "country":
                s += NEXT_NISBA_BONUS  # عمان الأردنية: Amman, not Oman
            if m.institution and c.kind == "admin":
                s += 1.0  # جوازات الجوف: the region's passport office
            if m.dateline and c.kind in ("city", "town"):
                s += 1.5  # a dateline names a city (تونس - ... is Tunis, not Tunisia)
            m.scores[c.idx] = s
        m.best = max(m.cands, key=lambda c: m.scores[c.idx])


def proximity(mentions: list[Mention]) -> None:
    """Re-rank ambiguous mentions by distance to the unambiguous, non-area places."""
    anchors = list({m.best.idx: m.best for m in mentions
                    if m.best and len(m.cands) == 1 and m.best.kind not in ("country", "feature")}.values())
    if not anchors:
        return
    for m in mentions:
        if len(m.cands) < 2:
            continue
        for c in m.cands:
            # 3.7 degrees of latitude are over 400 km: such anchors earn nothing (saves haversines)
            d = min((haversine_km(c, a) for a in anchors if a.idx != c.idx and abs(a.lat - c.lat) < 3.7), default=1e9)
            m.scores[c.idx] += 1.5 if d < 50 else 1.0 if d < 150 else 0.5 if d < 400 else 0.0
        m.best = max(m.cands, key=lambda c: m.scores[c.idx])


def one_sense(mentions: list[Mention]) -> None:
    """One sense per discourse: sum each name's candidate scores over its mentions."""
    by_key: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        if m.trigger is None and not m.dateline:  # a dateline is the city, later mentions may be the country
            by_key[m.key].append(m)
    for group in by_key.values():
        if len(group) < 2:
            continue
        summed: dict[int, float] = defaultdict(float)
        for m in group:
            for i, s in m.scores.items():
                summed[i] += s
        for m in group:
            m.best = max(m.cands, key=lambda c: summed[c.idx])


def resolved_context(mentions: list[Mention]) -> dict[str, dict[str, int]]:
    """country -> {name key -> count} over the mentions' chosen places."""
    out: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for m in mentions:
        if m.best and m.best.country:
            out[m.best.country][m.key] += 1
    return out


def accept(m: Mention, ctx: dict[str, dict[str, int]], gaz: Gazetteer, near: bool, with_city: bool = False) -> bool:
    """Is the resolved candidate supported enough to be reported?"""
    c = m.best
    if c is None:
        return False
    # another name in the article resolved to the same country (a neighbour, for areas)
    ccs = (c.country, *gaz.neighbours.get(c.country or "", ())) if c.kind in AREA_KINDS else (c.country,)
    ctx_ok = any(k != m.key for cc in ccs for k in ctx.get(cc or "", {}))
    if m.dateline:
        return True
    if c.generated and c.country in LATIN_GEN_COUNTRIES:
        # a spelling made from a Turkish or African Latin name (also a person's name or a word:
        # تشان، زارا): the article must be about the country and a generic word or a nearby place
        # with a preposition must introduce it
        locative = m.prev in LOCATIVE or m.prev_prefix.endswith("ب")
        return (ctx_ok or near) and (m.trigger is not None or (locative and near))
    if c.feature in ("admin2 district", "admin2 subdistrict") and not (ctx_ok or near):
        return False  # «من ناحية الظاهر» (on the side of…) in an article that is not about Yemen
    if m.entity == "LOC" or (m.trigger is not None and m.trigger != "area"):
        # «حي الفيصلية» in an article about Najran is not the Jordanian village of that name:
        # a small place in a country the article never mentions stays unresolved
        others = any(k != m.key for cc, keys in ctx.items() if cc != c.country for k in keys)
        return ctx_ok or near or c.kind in AREA_KINDS or c.population >= 100000 or not others
    locative = m.prev in LOCATIVE or m.prev_prefix.endswith("ب") or m.trigger == "area" or m.prev in EVENT_NOUNS \
        or m.institution or m.next_nisba == c.country or m.prev in FACILITY_NOUNS
    if m.fuzzy:  # a variant spelling: only a place the article is about
        return ctx_ok or near
    if m.key in gaz.ambiguous:
        return (ctx_ok or near) and locative
    if c.kind in AREA_KINDS:
        return True
    if c.place_id and c.place_id.startswith("dst:"):  # a city district: only with its city
        return with_city
    if c.generated:  # a name read back from the romanisation: only where the article is
        return (ctx_ok or near) and (locative or m.key not in gaz.common)
    # a frequent name that inflects like a word (الباب/باب/بابه) is a word unless shown otherwise
    wordy = (m.key in gaz.common and gaz.wordlike.get(m.key, 1.0) >= 0.1) or gaz.wordlike.get(m.key, 0.0) >= 0.5
    if wordy and (c.feature == "capital" or c.population >= 1000000) and gaz.wordlike.get(m.key, 0.0) < 2.0:
        return True  # a capital or metropolis whose name is also a word (الرياض/رياض): the city
    if c.country not in NEAR_EAST:
        if wordy or (m.key in gaz.common and gaz.wordlike.get(m.key, 1.0) >= 0.05) or gaz.wordlike.get(m.key, 0.0) >= 0.3:
            return False
        return c.feature == "capital" or c.population >= 150000 or (c.population >= 15000 and ctx_ok and locative)
    if wordy:
        return (ctx_ok or near) and locative
    if c.population >= 100000 or c.kind == "town":
        return True
    if gaz.wordlike.get(m.key, 0.0) >= 0.3:
        # a small place whose name inflects like a word (عريقة، صخرة، الموقر): a nearby place
        # and a preposition, not just the country, must vouch for it
        return near and locative
    if c.population < SMALL_PLACE:
        # a small town (or one of unknown size): a nearby place, or the country and a preposition
        return near or (ctx_ok and locative)
    return ctx_ok or near


def _kind_class(e: Entry) -> str:
    return "settlement" if e.kind in ("city", "town") else e.kind


def coordinated(mentions: list[Mention], ok: list[bool], tokens_between: dict[int, int]) -> None:
    """«عدن ولحج وأبين»: a name joined by و to an accepted place in a list is a place too (of the same
    country, unless both are countries: «القاعدة والمفرق» near Taiz is no Jordanian Mafraq)."""
    for i in range(1, len(mentions)):
        m, p = mentions[i], mentions[i - 1]
        if not ok[i] and ok[i - 1] and m.prev_prefix.startswith("و") and m.best is not None \
                and tokens_between.get(i, 9) <= 1 and p.best is not None and _kind_class(p.best) == _kind_class(m.best) \
                and (m.best.country == p.best.country or "country" in (m.best.kind, p.best.kind)):
            ok[i] = True


def resolve(mentions: list[Mention], gaz: Gazetteer, nisba: dict[str, float] | None = None) -> list[Mention]:
    mentions = drop_non_places(mentions, gaz)
    ctx = country_context(mentions, nisba)
    score(mentions, ctx)
    proximity(mentions)
    one_sense(mentions)
    for m in mentions:  # a reading chosen by its place sets the span and the name key
        if m.alt and m.best is not None and m.best.idx in m.alt:
            m.start, m.key = m.alt[m.best.idx]
    resolved = list({m.best.idx: m.best for m in mentions
                     if m.best and m.best.kind not in ("country", "feature")}.values())
    rctx = resolved_context(mentions)
    for cc, w in (nisba or {}).items():
        rctx[cc]["nisba:" + cc] += int(w > 0)
    ok = []
    near_of: dict[int, bool] = {}  # per place: another resolved place within 150 km
    city_of: dict[int, bool] = {}  # per place: a resolved town at (almost) the same point
    for m in mentions:
        b = m.best
        if b is not None and b.idx not in near_of:
            near_of[b.idx] = any(r.idx != b.idx and abs(r.lat - b.lat) < 1.4 and haversine_km(r, b) < 150 for r in resolved)
            city_of[b.idx] = any(r.idx != b.idx and r.kind == "city" and r.population >= 100000
                                 and abs(r.lat - b.lat) < 0.02 and haversine_km(r, b) < 1 for r in resolved)
        ok.append(accept(m, rctx, gaz, near_of.get(b.idx, False) if b else False,
                         city_of.get(b.idx, False) if b else False))
    head_cc = None
    for i, m in enumerate(mentions):
        # a list item that has the list's generic word lies in the country of the list's first item
        # («بمنطقة القاعدة والمفرق» near Taiz: not Jordan's Mafraq governorate)
        if not m.list_trigger:
            head_cc = m.best.country if m.best is not None and ok[i] else None
        elif ok[i] and head_cc and m.best is not None and m.best.kind != "country" and m.best.country != head_cc:
            ok[i] = False
    gaps = {i: m.tok_start - mentions[i - 1].tok_end for i, m in enumerate(mentions) if i}
    coordinated(mentions, ok, gaps)
    # one sense per discourse also for acceptance: a name taken as a place once is a place throughout
    keys = {m.key for m, a in zip(mentions, ok, strict=True) if a and m.trigger is None}
    return [m for m, a in zip(mentions, ok, strict=True) if (a or m.key in keys) and not _other_country(m)]


def _other_country(m: Mention) -> bool:
    """«كردستان إيران», «كردستان الإيراني»: a division followed by another country's name or adjective
    is that country's namesake, which the gazetteer lacks (features cross borders: «جبال قنديل التركية»)."""
    c = m.best
    return bool(m.next_country and c is not None and c.kind == "admin" and c.country
                and c.country != m.next_country)
