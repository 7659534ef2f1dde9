"""Linking actor references of one document to the actor base.

Passes, all over ``doc.norm`` (normalised text) and mapped back to original offsets:
1. one Aho-Corasick scan finds every alias, short form, composite head, title, generic
   reference, nisba and country name, each checked for word boundaries and proclitics;
2. the article's main country is counted from nisbas, country names and geocoded places;
3. composites are built from the words (head + modifiers + nisba/country: «القوات العراقية»);
4. titles find their country/organisation («رئيس الوزراء العراقي», «الأمين العام للأمم المتحدة»)
   and the name in apposition; a title with no name is the office holder on ``doc.published``;
5. persons not in the base (after a title, or PER entities) get a Latin form and a stable id;
6. short forms (العبادي) count only after a full mention; generic definite references
   («التنظيم», «الجيش») go to the most salient earlier actor of a matching type.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import dataclass, field

from marsad.actors.kb import (
    ALIAS,
    CALIAS,
    COUNTRY,
    GENERIC,
    HEAD,
    KB,
    MOD,
    NISBA,
    SHORT,
    TITLE,
    Actor,
    load_kb,
    word_stem,
)
from marsad.actors.names import name_units, person_id, romanize, surnames
from marsad.document import ActorMention, Document
from marsad.text.clitics import vocabulary
from marsad.text.normalise import normalise

# proclitic strings allowed before a matched phrase (conjunction + preposition)
PREFIXES = frozenset(["", "و", "ف", "ب", "ك", "ل", "وب", "وك", "ول", "فب", "فك", "فل"])
LIL_PREFIXES = frozenset(["ل", "ول", "فل"])
# priority when candidates overlap (lower wins at equal length)
PRIO = {"alias": 0, "composite": 1, "title": 2, "block": 2, "short": 3, "romanized": 4, "generic": 5}
# roles whose title, without a nisba, means the article's own country
COUNTRY_ROLES = frozenset(["pm", "cp", "dcp", "fm", "def", "int", "speaker", "hos"])
MONARCHIES = frozenset(["SA", "JO", "MA", "BH", "KW", "QA", "AE", "OM", "GB", "ES", "NL", "BE", "SE", "NO", "DK", "JP"])
EPITHETS = frozenset(["المفدي", "المعظم", "الشقيق", "الصديق"])
ROYAL_TITLES = frozenset(["الملك", "ملك", "العاهل", "امير", "السلطان", "سلطان", "خادم الحرمين الشريفين"])
# words that end a name in apposition (normalised); the gazetteer has some of them as names
NAME_STOP = frozenset(
    "في من الى على عن مع ان انه ان قال قالت اكد اكدت اليوم امس خلال وزير رييس الرييس الذي التي بعد قبل "
    "حيث اذ كما لدى منذ عند الا ايضا وقال واكد واضاف وزيرا اول يوم كل هذا هذه ذلك تلك بين حول اثناء عبر "
    "السيد الشيخ الامير الدكتور اللواء العميد العقيد الفريق المشير الملك القايد قايد المتحدث الناطق "
    "مدير محافظ وكيل نايب عضو".split()
)
NAME_STOP = frozenset(normalise(w) for w in NAME_STOP | {"إلى", "حتى", "لدى", "ممثل", "أحد", "احدى", "نائب", "بعض"})
NAME_PARTICLES = frozenset(["بن", "ابن", "ابو", "عبد", "ال", "ولد", "بنت", "ام"])
# nouns a person is named after («كأس الملك», «جامعة الملك فهد», «باب الملك عبدالعزيز»)
NAMED_AFTER = frozenset("كاس جامعه مدرسه مستشفي جايزه باب توسعه طريق شارع مجمع قاعده ملعب استاد مطار ميناء "
                        "جسر حي برج مدينه برنامج مؤسسه كليه معهد".split())
# adjectives that keep a generic reference generic («التنظيم المتطرف»); any other definite word
# after it makes a name of its own («التحالف الوطني»)
GENERIC_ADJ_OK = frozenset(normalise(w) for w in (
    "المتطرف المتطرفة الإرهابي الإرهابية المتشدد المتشددة المسلح المسلحة الانقلابي الانقلابية المتمرد "
    "المتمردة المعارض المعارضة المذكور المذكورة الذي التي الذين المدعوم المدعومة الموالي الموالية "
    "المزعوم المزعومة الدموي الدموية").split())
WORD_RE = re.compile(r"[^\W\d_]+")
HONORIFICS = frozenset(["السيد", "الشيخ", "الامير", "الدكتور", "اللواء", "العميد", "العقيد", "الفريق", "المشير", "د",
                        "الاستاذ", "اول", "ركن", "الركن", "طيار", "بحري", "المهندس", "معالي", "سمو", "فخامه",
                        # ranks and Western titles before foreign names («الكولونيل رايان ...»)
                        "الكولونيل", "الجنرال", "الادميرال", "الميجور", "الكابتن", "الكوماندر", "اللفتنانت",
                        "السير", "اللورد", "السيناتور", "السيده", "الانسه", "مدام", "مسيو", "المسيو",
                        "البروفيسور", "الرقيب", "المقدم", "الرائد", "النقيب"])


@dataclass(slots=True)
class Hit:
    wstart: int  # start of the word including proclitics
    start: int  # after proclitics
    end: int
    key: str
    payloads: tuple


@dataclass(slots=True)
class Cand:
    start: int  # norm offsets
    end: int
    link: str
    actor: Actor | None = None
    generic: bool = False
    types: tuple[str, ...] = ()  # generic references: the types they may resolve to
    kind: str | None = None  # bare composites: mil/pol/gov/...
    short_of: str | None = None  # short forms: the actor they need mentioned before
    head_word: str | None = None  # generic references that need this word in the antecedent's aliases
    defaults: dict[str, str] = field(default_factory=dict)  # generic references: iso -> actor when no antecedent


@dataclass
class Context:
    doc: Document
    kb: KB
    hits: list[Hit]
    at: dict[int, list[Hit]]  # hits by word start
    main_country: str | None = None
    main_monarchy: str | None = None
    cands: list[Cand] = field(default_factory=list)
    cues: list[tuple[int, str, str]] = field(default_factory=list)  # (offset, iso, nisba|loc|name)
    resolved_states: list[tuple[int, str]] = field(default_factory=list)


# ---------------------------------------------------------------------------------------- scan
def scan(norm: str, kb: KB) -> list[Hit]:
    hits: list[Hit] = []
    n = len(norm)
    for last, (key, lil, payloads) in kb.automaton.iter(norm):
        end = last + 1
        if end < n and norm[end].isalpha():
            continue
        start = end - (len(key) - 1 if lil else len(key))
        ws = start
        while ws > 0 and norm[ws - 1].isalpha():
            ws -= 1
        prefix = norm[ws:start]
        if lil:
            if prefix not in LIL_PREFIXES:
                continue
            start += 1  # «للدولة»: the span starts after the article's ل
        elif prefix not in PREFIXES:
            continue
        hits.append(Hit(ws, start, end, key, payloads))
    hits.sort(key=lambda h: (h.start, -h.end))
    return hits


def _skip(norm: str, pos: int, comma: bool = False) -> int:
    seps = " \n،,-" if comma else " "
    while pos < len(norm) and norm[pos] in seps:
        pos += 1
    return pos


def _payload(ctx: Context, pos: int, kind: str, bare_only: bool = False) -> tuple[Hit, tuple] | None:
    """The longest hit of a kind starting at ``pos`` (without proclitics when ``bare_only``)."""
    best = None
    for h in ctx.at.get(pos, ()):
        if bare_only and h.start != h.wstart:
            continue
        for p in h.payloads:
            if p[0] == kind and (best is None or h.end > best[0].end):
                best = (h, p)
    return best


def _is_country_place(place) -> bool:  # noqa: ANN001 - a marsad.document.Place
    feature = (place.feature or "").lower()
    return "country" in feature or feature.startswith("pcl")


ORG_SCOPE = frozenset(["international organisation", "coalition", "media"])


def main_country(ctx: Context) -> str | None:
    """The article's country: nisbas, country names, places, and the countries of named actors."""
    counts: Counter[str] = Counter()
    norm = ctx.doc.norm
    for h in ctx.hits:
        for p in h.payloads:
            if p[0] in (NISBA, COUNTRY) and p[1]:
                if p[0] == NISBA and norm[max(0, h.wstart - 12):h.wstart].split()[-2:-1] == ["ابو"]:
                    break  # «أبو قتادة المغربي» is a name
                counts[p[1]] += 1
                break
            if p[0] == ALIAS:
                a = ctx.kb.actor(p[1])
                if a.country and a.type not in ORG_SCOPE:
                    counts[a.country] += 1
                break
    if ctx.doc.title:
        for h in _title_hits(ctx.doc.title, ctx.kb):
            for p in h.payloads:
                if p[0] in (NISBA, COUNTRY) and p[1]:
                    counts[p[1]] += 2
                    break
    for place in ctx.doc.places:
        if place.country and not _is_country_place(place):  # country names are counted above
            counts[place.country] += 1
    ctx.main_monarchy = next((c for c, _ in counts.most_common() if c in MONARCHIES), None)
    if not counts:
        return None
    ranked = counts.most_common(2)
    top, n = ranked[0]
    second = ranked[1][1] if len(ranked) > 1 else 0
    return top if n >= 2 and n >= 1.5 * second else None


# -------------------------------------------------------------------------------- composites
def _country_after(ctx: Context, pos: int, definite: bool | None, allow_country: bool) -> tuple[str, int] | None:
    """(iso, end) of the nisba or country name after a head/title, skipping modifiers."""
    norm = ctx.doc.norm
    for _ in range(4):
        pos = _skip(norm, pos)
        nis = _payload(ctx, pos, NISBA, bare_only=True)
        if nis:  # an empty country («الكردية») ends the phrase with no country
            is_def = nis[0].key.startswith("ال")
            if definite is None or is_def == definite:
                return nis[1][1], nis[0].end
        if allow_country:
            cn = _payload(ctx, pos, COUNTRY, bare_only=True)
            if cn:
                return cn[1][1], cn[0].end
            cap = WORD_RE.match(ctx.doc.norm, pos)
            if cap and cap.group(0) in ctx.kb.capitals:  # «حكومة كابول»
                return ctx.kb.capitals[cap.group(0)], cap.end()
        mod = _payload(ctx, pos, MOD, bare_only=True)
        if mod is None:
            return None
        pos = mod[0].end
    return None


PLACE_NOUNS = frozenset("منطقه حي مدينه قريه بلده شارع مديريه ناحيه قضاء محافظه عاصمه ساحه مخيم جبل وادي ميدان "
                        "سوق جسر منطقة".split())


_TOPONYM_HEADS = frozenset(p + n for n in PLACE_NOUNS | NAMED_AFTER
                           for p in ("", "و", "ف", "ب", "ل", "وب", "ول", "ال", "بال", "وال", "لل"))


def _is_toponym(norm: str, h: Hit) -> bool:
    """«منطقة الشرطة الرابعة», «منطقة القاعدة», «عاصمة إقليم كردستان»: a place, not an actor."""
    if h.wstart < 2 or norm[h.wstart - 1] != " ":
        return False
    j = norm.rfind(" ", max(0, h.wstart - 14), h.wstart - 1) + 1
    return norm[max(j, h.wstart - 14):h.wstart - 1] in _TOPONYM_HEADS


def composites(ctx: Context) -> None:
    kb = ctx.kb
    for h in ctx.hits:
        if _is_toponym(ctx.doc.norm, h):
            continue
        for p in h.payloads:
            if p[0] == HEAD:
                _, kind, needs = p
                words = h.key.split()
                definite = words[-1].startswith("ال")
                start_at = h.end
                if needs == "nisba1":  # «وزارة الخزانة الأمريكية»: one free word before the nisba
                    w = WORD_RE.match(ctx.doc.norm, _skip(ctx.doc.norm, h.end))
                    start_at = w.end() if w else h.end
                    definite = True
                found = _country_after(ctx, start_at, definite, allow_country=not definite)
                if found is None and not definite:  # «حكومة هادي», «قوات الأسد»
                    q = _skip(ctx.doc.norm, h.end)
                    person = _payload(ctx, q, ALIAS, bare_only=True) or _payload(ctx, q, SHORT, bare_only=True)
                    if person and kb.actor(person[1][1]).type == "person" and kb.actor(person[1][1]).country:
                        # the head alone is the state actor; the person keeps a mention of their own
                        found = (kb.actor(person[1][1]).country, h.end)
                if found:
                    actor = kb.composite(kind, found[0]) if found[0] else None
                    if actor:
                        ctx.cands.append(Cand(h.start, found[1], "composite", actor))
                elif needs == "bare":
                    ctx.cands.append(Cand(h.start, h.end, "generic", generic=True, kind=kind))
            elif p[0] == CALIAS:
                _, kind, iso = p
                if iso:
                    actor = kb.composite(kind, iso)
                    if actor:
                        ctx.cands.append(Cand(h.start, h.end, "composite", actor))
                else:
                    ctx.cands.append(Cand(h.start, h.end, "generic", generic=True, kind=kind))
            elif p[0] == ALIAS:
                ctx.cands.append(Cand(h.start, h.end, "alias", kb.actor(p[1])))
            elif p[0] == SHORT:
                ctx.cands.append(Cand(h.start, h.end, "short", kb.actor(p[1]), short_of=p[1]))
            elif p[0] == GENERIC:
                nxt = WORD_RE.match(ctx.doc.norm, _skip(ctx.doc.norm, h.end))
                w = _plain_word(ctx, nxt) if nxt and nxt.start() == h.end + 1 else ""
                if w.startswith("ال") and w.endswith(("ي", "يه")) and w not in GENERIC_ADJ_OK:
                    continue  # «التحالف الوطني», «الحركة الشعبية» name something else
                head = word_stem(h.key.split()[-1]) if p[2] else None
                ctx.cands.append(Cand(h.start, h.end, "generic", generic=True, types=p[1], head_word=head,
                                      defaults=dict(p[3])))


# ------------------------------------------------------------------------------------ titles
def _guess_name(ctx: Context, pos: int) -> tuple[int, int] | None:
    """Span of a person name in apposition at ``pos`` (no NER needed), or None."""
    norm = ctx.doc.norm
    units = name_units()
    given = name_units(3, "given")
    vocab = vocabulary()
    words: list[tuple[int, int]] = []
    i = pos
    while len(words) < 5:
        m = WORD_RE.match(norm, i)
        if not m:
            break
        w = m.group(0)
        if w in NAME_STOP or (w.startswith("و") and w not in units and len(words) > 0):
            break
        orig_end = ctx.doc.norm_to_orig[m.end() - 1]
        if ctx.doc.text[orig_end] == "ى" and w in ("علي", "الي"):
            break  # «على» / «إلى», not the name «علي»
        if (w.endswith(("ها", "هم")) and vocab.get(w[:-2], 0) > 300) or (w.endswith("ه") and vocab.get(w[:-1], 0) > 300):
            break  # «رئيسها», «هدفه»
        if w.startswith(("بال", "لل", "وال", "فال", "كال")) and w not in units:
            break  # a preposition or conjunction with the article ends the name
        if not words:
            if w in HONORIFICS:
                i = _skip(norm, m.end())
                continue
            foreign = (not w.startswith("ال") and w[0] not in "وفبلك" and vocab.get(w, 0) < 150
                       and not (w[0] == "س" and w[1:2] in ("ي", "ت", "ن", "ا")))  # «سيشرح» is a verb
            if w not in given and w not in NAME_PARTICLES and not foreign:
                return None  # neither a known given name nor a rare (foreign) word
        elif w not in units and w not in NAME_PARTICLES and (
                vocab.get(w, 0) > 150 or (w[0] in "لبك" and vocab.get(w[1:], 0) > 300)):
            break  # a common word, or a preposition on one («لمحل»)
        words.append(m.span())
        i = m.end()
        if i >= len(norm) or norm[i] != " ":
            break
        i += 1
    while words and norm[words[-1][0]:words[-1][1]] in NAME_PARTICLES:
        words.pop()
    if len(words) < 2:  # one word after a title is too often not a name
        return None
    first = norm[words[0][0]:words[0][1]]
    if first not in given and first not in NAME_PARTICLES:
        # a foreign name is rare words throughout («رونالد لويس»), never «نقابة صيادي السمك»
        for a, b in words[1:]:
            w = norm[a:b]
            if w.startswith("ال") or (w not in units and vocab.get(w, 0) > 150):
                return None
    return words[0][0], words[-1][1]


def _plain_word(ctx: Context, m: re.Match) -> str:
    """The normalised word, or "" for «على»/«إلى» (which normalise to the name «علي»)."""
    w = m.group(0)
    if w in ("علي", "الي") and ctx.doc.text[ctx.doc.norm_to_orig[m.end() - 1]] == "ى":
        return ""
    return w


def _entity_at(ctx: Context, pos: int) -> tuple[int, int] | None:
    """A PER entity (from the NER stage) starting at the norm offset ``pos``."""
    if not ctx.doc.entities:
        return None
    orig = ctx.doc.norm_to_orig[pos] if pos < len(ctx.doc.norm_to_orig) else None
    for e in ctx.doc.entities:
        if e.label == "PER" and e.start == orig:
            return pos, _norm_end(ctx.doc, e.end)
    return None


def _norm_end(doc: Document, orig_end: int) -> int:
    # smallest norm index whose source is at or after orig_end
    import bisect

    return bisect.bisect_left(doc.norm_to_orig, orig_end)


def titles(ctx: Context) -> None:
    kb, norm, doc = ctx.kb, ctx.doc.norm, ctx.doc
    title_hits = [(h, p) for h in ctx.hits for p in h.payloads if p[0] == TITLE]
    # a title whose start lies inside a longer title is part of it
    title_hits = [t for t in title_hits if not any(o[0].start <= t[0].start and t[0].end < o[0].end or
                                                    o[0].start < t[0].start and t[0].end <= o[0].end
                                                    for o in title_hits)]
    resolved: dict[int, tuple[int, int] | None] = {}  # title word start -> name span after it
    given = name_units(3, "given")
    for h, (_, role, fixed) in sorted(title_hits, key=lambda t: -t[0].start):
        if _is_toponym(norm, h):  # «كأس ولي العهد», «جامعة الملك فهد»
            ctx.cands.append(Cand(h.start, h.end, "block"))
            continue
        before = norm[max(0, h.wstart - 6):h.wstart].split()
        deputy = bool(before) and before[-1] in ("نايب", "مساعد", "سابق", "السابق")
        scope: str | None = fixed
        end = h.end
        span_end = 0
        if scope is None and role != "-":
            definite = h.key.split()[-1].startswith("ال")  # «الأمير تركي» is a name, «الرئيس التركي» a nisba
            found = _country_after(ctx, h.end, True if definite else False,
                                   allow_country=not definite or h.key.endswith("الي"))
            if found:
                scope, end = found
            else:
                q = _skip(norm, h.end)
                org = _payload(ctx, q, ALIAS)
                if org and kb.actor(org[1][1]).type != "person":
                    scope, end = org[1][1], org[0].end
                    span_end = h.end  # the organisation keeps its own mention
        after_words = norm[end:end + 12].split()
        if after_words and after_words[0] in ("السابق", "الاسبق", "الراحل"):
            deputy = True
        q = _skip(norm, end, comma=True)
        name = None
        person = _payload(ctx, q, ALIAS, bare_only=True)
        if person and kb.actor(person[1][1]).type == "person":
            name = (person[0].start, person[0].end)
            ctx.cands.append(Cand(h.start, span_end or end, "block"))
            resolved[h.wstart] = name
            continue
        nxt = resolved.get(q)
        if nxt is not None:  # a chain of titles: «ولي العهد نائب رئيس الوزراء وزير الداخلية الأمير …»
            ctx.cands.append(Cand(h.start, span_end or end, "block"))
            resolved[h.wstart] = nxt
            continue
        name = _entity_at(ctx, q) or _guess_name(ctx, q)
        one = WORD_RE.match(norm, q)
        if name is None and one and _plain_word(ctx, one) in given and not _payload(ctx, q, TITLE) and not (
                set([one.group(0)]) & kb.alias_tokens.get(kb.holder(f"{role}:{fixed}", doc.published) or "", set())):
            # «الملك فهد», «الرئيس هادي»: a one-word name that is not the holder's
            ctx.cands.append(Cand(h.start, one.end(), "block"))
            resolved[h.wstart] = None
            continue
        if name is None and norm.startswith(("الذي ", "التي "), q):
            # «المتحدث باسم التحالف الذي تقوده الولايات المتحدة، رايان ديلون،»
            comma = min((i for i in (norm.find("،", q, q + 80), norm.find(",", q, q + 80)) if i > 0), default=-1)
            if comma > 0:
                q2 = _skip(norm, comma, comma=True)
                name = _entity_at(ctx, q2) or _guess_name(ctx, q2)
                person = _payload(ctx, q2, ALIAS, bare_only=True)
                if person and kb.actor(person[1][1]).type == "person":
                    ctx.cands.append(Cand(h.start, span_end or end, "block"))
                    resolved[h.wstart] = (person[0].start, person[0].end)
                    continue
        construct = not h.key.split()[-1].startswith("ال")  # «أمير منطقة الرياض» is no head of state
        if scope is None and role in COUNTRY_ROLES and not construct and (
                ctx.main_country or (role in ("cp", "dcp") and ctx.main_monarchy)):
            nxt_words = [w for w in norm[end:end + 40].split()[:2] if w not in EPITHETS]
            standalone = name is not None or not nxt_words or not nxt_words[0].startswith("ال")
            if role == "hos":  # «الرئيس» is no king, «الملك» no president
                royal = h.key in ROYAL_TITLES
                standalone = standalone and royal == (ctx.main_country in MONARCHIES)
            if standalone:
                scope = ctx.main_country or ctx.main_monarchy
                if role in ("cp", "dcp") or h.key in ROYAL_TITLES:
                    scope = ctx.main_monarchy
        holder = None
        if name is None and role.startswith("spox") and scope is None:
            # «المتحدث باسم المجموعة علي الأحمدي», «المتحدث باسم الجماعة المسلحة، منصور الدهماني»
            starts = [m.end() for m in (re.compile(r"(?:[^\s،,.:]+ ){" + str(k) + "}").match(norm, q) for k in (1, 2, 3)) if m]
            comma = re.compile(r"[^.\n]{0,40}?[،,] *").match(norm, q)
            for pos in starts + ([comma.end()] if comma else []):
                name = _guess_name(ctx, pos)
                if name:
                    break
        if scope and not deputy and role != "-":
            office = f"{role}:{scope}" if ":" not in role else f"{role}:{scope}"
            pid = kb.holder(office, doc.published)
            holder = kb.actor(pid) if pid else None
        resolved[h.wstart] = name
        span_end = span_end or end
        if name:
            ctx.cands.append(Cand(h.start, span_end, "block"))
            surface = norm[name[0]:name[1]]
            if holder and set(surface.split()) & kb.alias_tokens.get(holder.id, set()):
                ctx.cands.append(Cand(name[0], name[1], "title", holder))
            else:
                ctx.cands.append(Cand(name[0], name[1], "romanized", _unknown_person(ctx, surface, scope)))
        elif holder:
            ctx.cands.append(Cand(h.start, span_end, "title", holder, generic=True))
        else:
            ctx.cands.append(Cand(h.start, span_end, "block"))


SPEECH_RE = re.compile(
    r"(?<![^\W\d_])[وف]?(?:قال|قالت|اضاف|اضافت|اكد|اكدت|اوضح|اوضحت|ذكر|ذكرت|اعلن|اعلنت|صرح|اشار|اشارت|"
    r"تابع|لفت|شدد|حذر|اعتبر|نفي|كشف|طالب|دعا) +")


QUOTED_RE = re.compile(r'"([^"\n]{2,40})"')


def quoted_media(ctx: Context) -> None:
    """«الشرق الأوسط», “الحياة”: an outlet whose name is also a common phrase, cited in quotes."""
    if not ctx.kb.quoted_media:
        return
    for m in QUOTED_RE.finditer(ctx.doc.norm):
        aid = ctx.kb.quoted_media.get(" ".join(m.group(1).split()))
        if aid:
            ctx.cands.append(Cand(m.start(1), m.end(1), "alias", ctx.kb.actor(aid)))


def speech_names(ctx: Context) -> None:
    """«وقال ناصر الحاسي …»: a name right after a verb of saying is a person (no NER needed)."""
    norm = ctx.doc.norm
    for m in SPEECH_RE.finditer(norm):
        span = _guess_name(ctx, m.end())
        if span is None or any(c.start < span[1] and span[0] < c.end for c in ctx.cands):
            continue
        ctx.cands.append(Cand(span[0], span[1], "romanized", _unknown_person(ctx, norm[span[0]:span[1]], None)))


KUNYA_RE = re.compile(r"(?<![^\W\d_])[وف]?(ابو) ([^\W\d_]+)(?: (ال[^\W\d_]+ي))?(?![^\W\d_])")
NOT_KUNYA = frozenset(["ظبي", "غريب", "الخصيب", "كمال", "ديس", "دهب", "قير", "زعبل", "حمص", "عريش"])


def kunya_names(ctx: Context) -> None:
    """«أبو همام», «أبو قتادة التونسي»: a kunya with a known given name is a person."""
    norm, given = ctx.doc.norm, name_units(3, "given")
    if "ابو " not in norm:
        return
    for m in KUNYA_RE.finditer(norm):
        if m.group(2) not in given or m.group(2) in NOT_KUNYA:
            continue
        start, end = m.start(1), m.end()
        if any(c.start < end and start < c.end for c in ctx.cands):
            continue
        ctx.cands.append(Cand(start, end, "romanized", _unknown_person(ctx, norm[start:end], None)))


# given names that are far more often something else: «بين» between, months, days, «نور» light
NOT_GIVEN = frozenset("بين رمضان شعبان رجب صفر شوال جمعه عيد خميس سبت نور امل سلام عز فتح نصر صباح حياه كرم "
                      "امين عادل".split())


def free_names(ctx: Context) -> None:
    """«مصطفى بدر الدين», «خالد العبيدي»: a popular given name, more name words, and a family name
    with the article attested as a surname — a person, whatever comes before it."""
    norm = ctx.doc.norm
    given, family, vocab = name_units(20, "given"), surnames(), vocabulary()
    taken = [(c.start, c.end) for c in ctx.cands]
    if ctx.doc.tokens:  # the segmenter's words: only those that are given names are looked at
        starts = [_norm_start(ctx.doc, t.start) for t in ctx.doc.tokens if t.norm in given]
        matches = [m for m in (WORD_RE.match(norm, i) for i in starts) if m]
    else:
        matches = [m for m in WORD_RE.finditer(norm) if m.group(0) in given]
    for m in matches:
        w = _plain_word(ctx, m)
        if w not in given or w in NOT_GIVEN or vocab.get(w, 0) > 20000:
            continue
        prev = norm[max(0, m.start() - 5):m.start()].split()[-1:]
        if prev and prev[0] in NAME_PARTICLES:
            continue  # inside a longer name («أبو», «بن»)
        end, pos = None, m.end()
        for _ in range(4):
            if pos >= len(norm) or norm[pos] != " ":
                break
            nxt = WORD_RE.match(norm, pos + 1)
            if not nxt:
                break
            x = nxt.group(0)
            if x in family and x not in NAME_STOP:
                end = nxt.end()
                break
            if x not in given and x not in NAME_PARTICLES:
                break
            pos = nxt.end()
        if end is None or any(m.start() < e and s < end for s, e in taken):
            continue
        ctx.cands.append(Cand(m.start(), end, "romanized", _unknown_person(ctx, norm[m.start():end], None)))
        taken.append((m.start(), end))


def _unknown_person(ctx: Context, surface: str, country: str | None) -> Actor:
    words = [w for w in surface.split() if w not in HONORIFICS]
    key = " ".join(words)
    iso = country if country and len(country) == 2 and country.isupper() else ctx.main_country
    # no country hint for the spelling: the same Arabic name is the same Latin name in every article
    return Actor(person_id(key), romanize(key), "person", iso, None)


def entity_persons(ctx: Context) -> None:
    """PER entities of the NER stage that nothing else covers become (unknown) persons."""
    units, given, popular, vocab = name_units(), name_units(3, "given"), name_units(20, "given"), vocabulary()
    places = [(p.start, p.end) for p in ctx.doc.places]
    for e in ctx.doc.entities:
        if e.label != "PER":
            continue
        if any(s < e.end and e.start < t for s, t in places):
            continue  # the places stage geocoded it: «أبو غريب», «خان بني سعد»
        ns = _norm_start(ctx.doc, e.start)
        ne = _norm_end(ctx.doc, e.end)
        if ne <= ns:
            continue
        words = ctx.doc.norm[ns:ne].split()
        if len(words) == 1 and words[0] not in units:
            continue  # a lone word no name list knows («ساهمتا») is a tagging slip, not a person
        if sum(w.startswith("و") and w not in units for w in words) >= 2:
            continue  # «وجامو وكشمير»: a coordination of places
        first, common = words[0], vocab.get(words[0], 0)
        if len(words) > 1 and first not in NAME_PARTICLES and (
                (first not in given and common > 100) or (first not in popular and common > 300)):
            continue  # «عسكري سوري», «جيب صحراوي»: common words, not a name
        if any(c.start < ne and ns < c.end and not c.generic for c in ctx.cands):
            continue  # the base (or a title) already names this person
        surface = ctx.doc.norm[ns:ne]
        ctx.cands.append(Cand(ns, ne, "romanized", _unknown_person(ctx, surface, None)))


def _norm_start(doc: Document, orig_start: int) -> int:
    import bisect

    return bisect.bisect_left(doc.norm_to_orig, orig_start)


# --------------------------------------------------------------------------------- selection
def select(cands: list[Cand]) -> list[Cand]:
    """Non-overlapping candidates, longest first, then by link priority."""
    kept: list[Cand] = []
    taken: list[tuple[int, int]] = []
    for c in sorted(cands, key=lambda c: (-(c.end - c.start), PRIO[c.link], c.start)):
        if any(c.start < e and s < c.end for s, e in taken):
            continue
        kept.append(c)
        taken.append((c.start, c.end))
    return sorted((c for c in kept if c.link != "block"), key=lambda c: c.start)


def resolve(ctx: Context, kept: list[Cand], primed: Counter[str]) -> list[Cand]:
    """Short forms, later mentions of unknown persons, and generic references, in text order."""
    kb = ctx.kb
    counts: Counter[str] = Counter(primed)  # float weights
    last_seen: dict[str, int] = {}
    first_seen: dict[str, int] = {}
    actors: dict[str, Actor] = {}
    out: list[Cand] = []
    # a later bare surname of an unknown person ("ديلون") links to that person
    surnames: dict[str, Actor] = {}
    given, vocab = name_units(3, "given"), vocabulary()
    for c in kept:
        if c.link == "romanized" and c.actor:
            words = ctx.doc.norm[c.start:c.end].split()
            last = words[-1] if len(words) >= 2 else ""
            # a distinctive family name, not a first name («خالد») nor a common word («الله»)
            if len(last) >= 4 and last not in given and last not in NAME_STOP and vocab.get(last, 0) <= 3000:
                surnames.setdefault(last, c.actor)
    extra: list[Cand] = []
    if surnames:
        taken = [(c.start, c.end) for c in kept]
        norm = ctx.doc.norm
        for word, actor in surnames.items():
            s = norm.find(word)
            while s >= 0:
                e = s + len(word)
                ws = s
                while ws > 0 and norm[ws - 1].isalpha():
                    ws -= 1
                if (e == len(norm) or not norm[e].isalpha()) and norm[ws:s] in PREFIXES \
                        and not any(s < te and ts < e for ts, te in taken):
                    extra.append(Cand(s, e, "short", actor, short_of=actor.id))
                s = norm.find(word, e)
    for c in sorted(kept + extra, key=lambda c: c.start):
        actor = c.actor
        if c.link == "short" and actor is not None:
            if counts[actor.id] == 0 and not any(a.id == actor.id for a in actors.values()):
                continue
        elif c.generic and actor is None:
            actor = _generic(ctx, c, counts, last_seen, actors, first_seen)
            if actor is None:
                continue
        if actor is None:
            continue
        counts[actor.id] += 0.5 if c.generic else 1  # a reference by name weighs more
        last_seen[actor.id] = c.start
        first_seen.setdefault(actor.id, c.start)
        if actor.country and actor.id[:4] in ("mil:", "pol:", "gov:"):
            ctx.resolved_states.append((c.start, actor.country))
        actors[actor.id] = actor
        c.actor = actor
        out.append(c)
    del kb
    return out


def _generic(ctx: Context, c: Cand, counts: Counter[str], last_seen: dict[str, int],
             actors: dict[str, Actor], first_seen: dict[str, int]) -> Actor | None:
    kb = ctx.kb
    if c.kind:  # bare composite («الجيش», «القوات الحكومية», «مسلحون مجهولون»)
        local = _focus_country(ctx, c.start)
        if local:
            return kb.composite(c.kind, local)
        prefix = c.kind + ":"
        seen = [a for a in actors.values() if a.id.startswith(prefix)]
        if c.kind in ("mil", "pol", "gov") and seen:
            return max(seen, key=lambda a: (counts[a.id], last_seen.get(a.id, -1)))
        if ctx.main_country:
            return kb.composite(c.kind, ctx.main_country)
        return kb.composite(c.kind, None) if c.kind == "unid" else None
    pool = [a for a in actors.values() if a.type in c.types]
    if not pool:
        pool = [kb.actor(aid) for aid in counts if aid in kb.actors and kb.actor(aid).type in c.types]
    if c.head_word:  # «المجلس» only for a council
        pool = [a for a in pool if c.head_word in kb.alias_words.get(a.id, ())]
    if pool:
        word = word_stem(ctx.doc.norm[c.start:c.end].split()[-1])
        # «الجماعة» prefers an actor called «جماعة …», «التنظيم» one called «تنظيم …»
        # then the most mentioned, then the one the story introduced first (its topic)
        return max(pool, key=lambda a: (word in kb.alias_words.get(a.id, ()), counts[a.id],
                                        -first_seen.get(a.id, 10**9)))
    if c.defaults:  # «طيران التحالف» in a story from Yemen is the Saudi-led coalition
        iso = _focus_country(ctx, c.start) or ctx.main_country
        if iso in c.defaults:
            return kb.actor(c.defaults[iso])
    if "unidentified armed group" in c.types:
        return kb.composite("unid", ctx.main_country) or kb.composite("unid", None)
    return None


FOCUS_WINDOW = 250  # characters: how far back a country cue still says where we are


LOCATIVE = frozenset(["في", "وفي", "داخل", "شمال", "جنوب", "شرق", "غرب", "وسط", "بشمال", "بجنوب", "بشرق", "بغرب",
                      "بوسط", "شمالي", "جنوبي", "شرقي", "غربي"])


def country_cues(ctx: Context) -> list[tuple[int, str, str]]:
    """(norm offset, iso, kind) of every nisba, country name and geocoded place, in text order.

    kind: ``loc`` for a country name in a locative phrase («في العراق», «بشمال الهند», «بسوريا»),
    ``nisba``, or ``name`` for a bare country name («الحدود مع باكستان») or a geocoded place
    (weaker cues).
    """
    norm = ctx.doc.norm
    cues: list[tuple[int, str, bool]] = []
    for h in ctx.hits:
        country = next((p[1] for p in h.payloads if p[0] == COUNTRY), None)  # «السعودية» is a name first
        nisba = next((p[1] for p in h.payloads if p[0] == NISBA and p[1]), None)
        if country:
            prev = norm[max(0, h.wstart - 10):h.wstart].split()[-1:]
            loc = norm[h.wstart:h.start] in ("ب", "وب", "فب") or (bool(prev) and prev[0] in LOCATIVE)
            cues.append((h.start, country, "loc" if loc else "name"))
        elif nisba and not norm[max(0, h.wstart - 8):h.wstart].rstrip().endswith("جنسيه"):
            cues.append((h.start, nisba, "nisba"))  # «يحمل الجنسية البريطانية» is no place
    for place in ctx.doc.places:
        # geocoded places weigh like a bare country name: a border town or a lake shared by
        # neighbours («بحيرة تشاد») must not move a story whose country is clear
        if place.country and not _is_country_place(place):
            cues.append((_norm_start(ctx.doc, place.start), place.country, "name"))
    cues.sort()
    return cues


def _sentence_bounds(norm: str, pos: int) -> tuple[int, int]:
    start = max(norm.rfind(c, 0, pos) for c in ".\n؟!")
    ends = [i for i in (norm.find(c, pos) for c in ".\n؟!") if i >= 0]
    return start + 1, min(ends) if ends else len(norm)


def _focus_country(ctx: Context, pos: int) -> str | None:
    """Where the story is at ``pos``: the nearest cue in the sentence (earlier and strong ones
    preferred), else the last strong cue shortly before, else the last state actor resolved."""
    import bisect

    s0, s1 = _sentence_bounds(ctx.doc.norm, pos)
    lo = bisect.bisect_left(ctx.cues, (s0, "", ""))
    hi = bisect.bisect_left(ctx.cues, (s1, "", ""))
    best, best_cost = None, 10**9
    for at, iso, kind in ctx.cues[lo:hi]:
        if kind == "name" and ctx.main_country:
            continue  # «قرب الحدود مع باكستان» does not move a story that is clearly in India
        cost = (pos - at) if at < pos else 2 * (at - pos)
        cost *= 3 if kind == "name" else 1
        if cost < best_cost:
            best, best_cost = iso, cost
    if best:
        return best
    # a locative phrase («وفي العراق،») sets the scene for the sentences that follow
    i = bisect.bisect_left(ctx.cues, (pos, "", ""))
    recent = next(((at, iso) for at, iso, kind in reversed(ctx.cues[max(0, i - 8):i]) if kind == "loc"), None)
    state = ctx.resolved_states[-1] if ctx.resolved_states else None
    if recent and pos - recent[0] <= 2 * FOCUS_WINDOW and (state is None or recent[0] >= state[0]):
        return recent[1]
    if state and pos - state[0] <= 2 * FOCUS_WINDOW:
        return state[1]
    return None


@functools.lru_cache(maxsize=256)
def _title_hits(title: str, kb: KB) -> tuple[Hit, ...]:
    return tuple(scan(normalise(title), kb))


def title_primes(title: str | None, kb: KB) -> Counter[str]:
    """Actors named in the headline make generic references and short forms resolvable."""
    primed: Counter[str] = Counter()
    if not title:
        return primed
    for h in _title_hits(title, kb):
        for p in h.payloads:
            if p[0] == ALIAS:
                primed[p[1]] += 0.5  # headlines shorten names («القاعدة» for its Yemeni branch)
    return primed


def link(doc: Document, kb: KB | None = None) -> list[ActorMention]:
    kb = kb or load_kb()
    norm = doc.norm
    hits = scan(norm, kb)
    at: dict[int, list[Hit]] = {}
    for h in hits:
        at.setdefault(h.wstart, []).append(h)
        if h.start != h.wstart:
            at.setdefault(h.start, []).append(h)
    ctx = Context(doc, kb, hits, at)
    ctx.main_country = main_country(ctx)
    ctx.cues = country_cues(ctx)
    composites(ctx)
    titles(ctx)
    quoted_media(ctx)
    entity_persons(ctx)
    speech_names(ctx)
    kunya_names(ctx)
    free_names(ctx)
    kept = resolve(ctx, select(ctx.cands), title_primes(doc.title, kb))
    mentions: list[ActorMention] = []
    for c in kept:
        a = c.actor
        assert a is not None
        start, end = doc.to_orig(c.start, c.end)
        mentions.append(ActorMention(start, end, a.id, a.name, a.type, a.country, a.inter, c.generic, c.link))
    return mentions
