"""The places stage: toponym mentions found with the gazetteer and resolved in context.

Matching runs over ``doc.tokens``: for each word, its readings with the proclitics و ف ب ل
removed (the article ال kept, لل read as ل + ال; a reading is skipped when the whole word is a
frequent word of its own, وكيل ≠ و + كيل) start a lookup of up to N following words in the
gazetteer (exact keys, then joined/spaced variants such as البوكمال / البو كمال). The longest
match wins; readings of equal length are all kept and the context picks (وجدة: Oujda or و + جدة).
The span covers the name without its proclitics. Words around the name are recorded for the
resolver: the generic word before it (مدينة، محافظة، نهر، معبر…), a preposition, a nisba
adjective, a dateline. Resolution is ``resolve.resolve``; places the gazetteer lacks but the text
introduces by a generic word come from ``relative`` (place_id ``near:<anchor>``, ACLED 2, or
``in:<place>`` in the article's dominant country, ACLED 3), and rare names listed with known towns
from ``list_members`` (``list:<place>``, ACLED 3). Such places have no geonames_id.
"""

from __future__ import annotations

from dataclasses import replace

from marsad.document import Document, Place, Token
from marsad.places.gazetteer import ARAB_WORLD, JOINABLE_HEADS, Entry, Gazetteer, load, skeleton
from marsad.places.relative import FEATURE_GENERICS, find_relative, generic_positions
from marsad.places.resolve import (
    INSTITUTION_NOUNS,
    LOCATIVE,
    PERSON_HEADS,
    TRIGGERS,
    Mention,
    haversine_km,
    resolve,
)
from marsad.places.romanise import romanise
from marsad.text.clitics import vocabulary
from marsad.text.normalise import normalise, normalise_key

DATELINE_CHARS = 80
# «العين بمحافظة أبين», «قلعة القاهرة في مدينة تعز»: a place said to lie in another must lie there
CONTAINERS = frozenset("محافظه مدينه ولايه مديريه منطقه اقليم قضاء ناحيه مقاطعه".split())
INSIDE_KM = {"admin": 60.0, "city": 60.0, "town": 60.0}
TANWEEN = frozenset("\u064b\u064c\u064d")
GENERIC_TRIGGERS = frozenset({"town", "area", "district", "admin"})
# the countries whose second-level divisions each generic names: مديرية in Yemen, قضاء/ناحية in Iraq
# and Syria, شعبية in Libya («من ناحية الظاهر», "as for the apparent", is no Yemeni district)
_YE, _IQSY, _LY = ("YE",), ("IQ", "SY", "LB"), ("LY",)
DIVISION_GENERIC_CC = {"مديريه": _YE, "مديريات": _YE, "مديريتي": _YE, "قضاء": _IQSY, "قضاءي": _IQSY,
                       "اقضيه": _IQSY, "ناحيه": _IQSY, "نواحي": _IQSY, "شعبيه": _LY, "شعبيات": _LY}
NISBA_WEIGHT, NISBA_CAP = 0.5, 2.0


def nisba_context(tokens: list[Token], gaz: Gazetteer) -> dict[str, float]:
    """Countries named by nisba adjectives (الحكومة اليمنية, العاصمة الأردنية)."""
    out: dict[str, float] = {}
    for t in tokens:
        cc = gaz.nisba.get(t.norm) or (gaz.nisba.get(t.norm[1:]) if t.norm[:1] in ("و", "ف", "ب", "ل") else None)
        if cc:
            out[cc] = min(NISBA_CAP, out.get(cc, 0.0) + NISBA_WEIGHT)
    return out


def readings(word: str) -> list[tuple[str, int]]:
    """(form, number of proclitic letters removed), fewest removed first; ال is kept."""
    out: list[tuple[str, int]] = []
    for conj in ("", "و", "ف"):
        if conj and not word.startswith(conj):
            continue
        rest = word[len(conj):]
        for prep in ("", "ب", "ل"):  # ك (like) hardly ever precedes a place name
            if prep and not rest.startswith(prep):
                continue
            stem = rest[len(prep):]
            cut = len(conj) + len(prep)
            if prep == "ل" and stem.startswith("ل") and len(stem) > 2:
                out.append(("ا" + stem, cut))  # للموصل = ل + الموصل
            if len(stem) >= 2:
                out.append((stem, cut))
    out.sort(key=lambda x: x[1])
    return out


_STRIP_CACHE: dict[tuple[str, str, str], str] = {}


def _strip_word(tok: Token) -> str:
    """A neighbouring word without its proclitics (for trigger, locative and person-name checks)."""
    key = (tok.norm, tok.prefix, tok.stem)
    got = _STRIP_CACHE.get(key)
    if got is None:
        if len(_STRIP_CACHE) > CACHE_MAX:
            _STRIP_CACHE.clear()
        got = _STRIP_CACHE[key] = _strip_word_uncached(tok)
    return got


def _strip_word_uncached(tok: Token) -> str:
    forms = readings(tok.norm)
    for form, _cut in forms:
        if form in TRIGGERS or form in LOCATIVE or form in PERSON_HEADS:
            return form
        if form.startswith("ال") and form[2:] in TRIGGERS:
            return form[2:]
    if tok.prefix.endswith("ال"):
        return tok.norm[len(tok.prefix) - 2:]
    if tok.prefix.endswith("لل"):  # للحدود = ل + الحدود
        return "ال" + tok.stem
    return tok.stem


def orig_offset(doc: Document, tok: Token, cut: int) -> int:
    """Original offset of the character after the first ``cut`` normalised letters of a token."""
    if cut == 0:
        return tok.start
    seen = 0
    for i in range(tok.start, tok.end):
        seen += len(normalise(doc.text[i]))
        if seen >= cut:
            j = i + 1
            while j < tok.end and not normalise(doc.text[j]):  # skip marks after the proclitic
                j += 1
            return j
    return tok.start


def find_mentions(doc: Document, gaz: Gazetteer, nisba: dict[str, float] | None = None) -> list[Mention]:
    """Toponym mentions; nisba adjectives met on the way are counted into ``nisba`` (country -> weight)."""
    tokens = doc.tokens
    n = len(tokens)
    out: list[Mention] = []
    cache = _word_cache(gaz)
    get = cache.get
    # the words that start a name, have a variant spelling or are a nisba (most words are none)
    hits = [i for i, t in enumerate(tokens) if t.is_word and (
        (inf := get(t.norm) or _word_info(gaz, t, cache))[0] or inf[1] is not None or inf[2])]
    nxt = 0
    for i in hits:
        if i < nxt:
            continue
        tok = tokens[i]
        starts, spelled, nisba_cc = get(tok.norm)
        if nisba_cc and nisba is not None:
            nisba[nisba_cc] = min(NISBA_CAP, nisba.get(nisba_cc, 0.0) + NISBA_WEIGHT)
        found = []  # (n_tokens, key, cands, cut) for each reading that starts a name
        for form, cut in starts:
            best = _longest(tokens, i, form, gaz)
            if best is not None:
                found.append((best[0], best[1], best[2], cut))
        fuzzy = False
        if not found:
            if spelled is None:
                continue
            found, fuzzy = [spelled], True
        width = max(f[0] for f in found)
        found = [f for f in found if f[0] == width]
        _, key, cands, cut = found[0]
        alt: dict[int, tuple[int, str]] = {}
        if len(found) > 1:  # وجدة: Oujda, or و + جدة (Jeddah)? context decides
            for _, k2, c2, cut2 in found:
                start2 = orig_offset(doc, tok, cut2)
                for c in c2:
                    alt.setdefault(c.idx, (start2, k2))
            cands = tuple({c.idx: c for f in found for c in f[2]}.values())
        last = tokens[i + width - 1]
        if TANWEEN.intersection(doc.text[last.start:last.end]):  # دوماً: an adverb, not Douma
            nxt = i + width
            continue
        j = i - 1
        if j > 0 and not tokens[j].is_word and doc.text[tokens[j].start] in QUOTES:
            j -= 1  # غرب "العريش": look through an opening quote
        prev = tokens[j] if j >= 0 and tokens[j].is_word and tokens[j].sent == tok.sent else None
        prev_word = _strip_word(prev) if prev else ""
        prev_definite = bool(prev and (prev.has_article or prev.norm.startswith("ال")))
        if prev is not None and prev_word.endswith("ي") and doc.text[prev.end - 1] == "ى":
            prev_word = prev_word[:-1] + "ى"  # على، إلى: prepositions that normalise like names (Ali)
        m = Mention(
            start=orig_offset(doc, tok, cut), end=last.end, key=key, cands=cands,
            prev=prev_word, prev_prefix=tok.norm[:cut],
            # «والإمارات وعمان»: a generic word that is itself a country found (UAE) introduces nothing
            trigger=None if out and out[-1].tok_end > j and any(c.kind == "country" for c in out[-1].cands)
            else TRIGGERS.get(prev_word),
            prev_definite=prev_definite, tok_start=i, tok_end=i + width, prev_nisba=gaz.nisba.get(prev.norm) if prev else None, alt=alt,
        )
        if m.trigger is None and out and m.prev_prefix.startswith("و") and out[-1].tok_end in (i, i - 1) \
                and out[-1].trigger in ("admin", "area", "town", "district"):
            m.trigger = out[-1].trigger  # «مناطق تبوك والجوف وحائل»: the plural generic covers the list
            m.list_trigger = True
        nxt = tokens[i + width] if i + width < n and tokens[i + width].sent == tok.sent else None
        if nxt is not None and nxt.norm in ("ال", "بن", "ابن", "بنت") and m.trigger is None:
            nxt = i + width  # «عبدالله دواس آل منصور»: part of a person's name
            continue
        if _quoted_after_li(doc, tok, cut, last):
            nxt = i + width  # «قال لـ"الرياض"»: the newspaper
            continue
        # a town is feminine (مدينة): a masculine country adjective after it describes a club or team
        m.club = bool(nxt and nxt.is_word and nxt.norm.endswith("ي") and gaz.nisba.get(nxt.norm))
        if nxt is not None and nxt.is_word and nxt.norm.endswith("يه") and nxt.norm.startswith("ال"):
            m.next_nisba = gaz.nisba.get(nxt.norm)  # عمان الأردنية, طرابلس اللبنانية
        m.institution = m.trigger is None and prev_word in INSTITUTION_NOUNS
        if nxt is not None and nxt.is_word and nxt.prefix in ("", "ال"):
            after = {c.country for c in gaz.names.get(nxt.norm, ()) if c.kind == "country"}
            if len(after) == 1:
                m.next_country = after.pop()  # «كردستان إيران», «طرابلس لبنان»
            elif nxt.norm.startswith("ال"):
                m.next_country = gaz.nisba.get(nxt.norm)  # «كردستان الإيراني»
        if m.trigger is None and _in_org_name(doc, tokens, j, prev_word, i + width):
            nxt = i + width  # «مجلس التعاون لدول الخليج», «وكالة أنباء البحرين», «“أخبار مصر”»
            continue
        tn, dn = gaz.tnames.get(key, ()), gaz.dnames.get(key, ())
        if tn or dn:  # «منطقة الجوف» is the division; a bare «الجوف» may be too
            # a division's own generic vouches for it: منطقة/محافظة (or an institution noun) for the first
            # level; for the second, مديرية/قضاء/ناحية/شعبية of the division's country («محافظة القاهرة» is not
            # the Taiz district «مديرية القاهرة»); a curated town written with a generic, any generic
            # («منطقة القاعدة» is the town, «القاعدة» alone the group)
            # a division whose name is no place by itself (ولاية العصابة، محافظة الداخلية) needs an admin
            # generic right before it: not «المنطقة وأن», «لمنطقة معسكر الكرين»
            tn_ok = m.trigger == "admin" or (key in gaz.names and (m.trigger == "area" or m.institution))
            backed = (tn if tn_ok else ()) + tuple(
                c for c in dn if (m.trigger == "district" and (m.list_trigger or c.country in DIVISION_GENERIC_CC.get(prev_word, ())))
                or (c.kind == "town" and m.trigger in GENERIC_TRIGGERS))
            if not backed and key not in gaz.names and not gaz.nospace.get(key.replace(" ", "")):
                # «الثورة» alone is a word; «مديرية الثورة» the district. A division's longer name
                # (محافظة جنوب الشرقية) unbacked leaves its last words to be read («وجنوب الشرقية»)
                nxt = i + 1 if width > 1 and key not in gaz.dnames else i + width
                continue
            # a second-level name is a candidate only when backed (بالقاهرة is Cairo, not the Taiz district)
            extra = tuple(c for c in {c.idx: c for c in tn + backed}.values() if c not in m.cands and (
                c in backed or not _seat_of(c, m.cands)))
            m.cands = m.cands + extra
            m.weak = {c.idx for c in extra if c not in backed}
        if _of_another_place(tokens, i + width, tok.sent, gaz, cands):
            nxt = i + width  # الضفة الغربية لنهر الفرات: "the west bank of the Euphrates", not the West Bank
            continue
        # a dateline: «بغداد 26 شوال …», «عين اليوم – جدة», «سبق- نجران:»; not a byline
        # «لجين الأحمدي – متابعات», where a word precedes the name
        first_word = not any(t.is_word for t in tokens[:i])
        # «عين اليوم – جدة»: a dash after a short source name at the very start
        after_dash = 1 < i <= 5 and doc.text[tokens[i - 1].start] in "-–—" \
            and all(t.is_word for t in tokens[:i - 1])
        m.dateline = m.start < DATELINE_CHARS and (after_dash or (first_word and _dateline_after(doc, tokens, i + width)))
        m.fuzzy = fuzzy
        out.append(m)
        nxt = i + width
    return out


HAMZA_VARIANT_MAX_FREQ = 20  # السوداء (black) is a frequent word; المخاء is not
SKELETON_MIN_LEN = 4
SKELETON_MAX_FREQ = 3  # only spellings that are rare in news: a frequent word is a word (فينا)


WordInfo = tuple[tuple[tuple[str, int], ...], "tuple[int, str, tuple[Entry, ...], int] | None", "str | None"]
_CACHES: dict[int, dict[str, WordInfo]] = {}
CACHE_MAX = 500000


def _word_cache(gaz: Gazetteer) -> dict[str, WordInfo]:
    cache = _CACHES.get(id(gaz))
    if cache is None or len(cache) > CACHE_MAX:
        cache = _CACHES[id(gaz)] = {}
    return cache


def _word_info(gaz: Gazetteer, tok: Token, cache: dict[str, WordInfo]) -> WordInfo:
    """What a word can be, computed once per word: name starts, a variant spelling, a nisba."""
    word = tok.norm
    starts = _starts(gaz, word)
    nisba_cc = gaz.nisba.get(word) or (gaz.nisba.get(word[1:]) if word[:1] in ("و", "ف", "ب", "ل") else None)
    info: WordInfo = (starts, None if starts else _skeleton_match(gaz, word), nisba_cc)
    cache[word] = info
    return info


def _skeleton_match(gaz: Gazetteer, word: str) -> tuple[int, str, tuple[Entry, ...], int] | None:
    """A rare spelling of a notable place that differs only in long vowels (طهرن for طهران)."""
    vocab = vocabulary()
    if len(word) < SKELETON_MIN_LEN or vocab.get(word, 0) > SKELETON_MAX_FREQ:
        return None
    for form, cut in readings(word):
        if len(form) >= SKELETON_MIN_LEN and vocab.get(form, 0) <= SKELETON_MAX_FREQ:
            cands = gaz.skeletons.get(skeleton(form))
            if cands:
                return 1, form, cands, cut
    return None


def _starts(gaz: Gazetteer, word: str) -> tuple[tuple[str, int], ...]:
    """The readings of a word that can start a gazetteer name."""
    vocab = vocabulary()
    whole = vocab.get(word, 0)
    out = []
    for form, cut in readings(word):
        if cut and whole >= 20 and whole > 2 * vocab.get(form, 0) + 5:
            continue  # وكيل is a word, not و + كيل (Kiel)
        if form in gaz.names or form in gaz.heads or form in JOINABLE_HEADS or form in gaz.nospace or form in gaz.after_generic:
            out.append((form, cut))
        elif form.endswith("اء") and form[:-1] in gaz.names and vocab.get(form, 0) <= HAMZA_VARIANT_MAX_FREQ:
            # المخاء = المخا: a final hamza written or not (not السوداء, a word, for السودا)
            out.append((form[:-1], cut))
    return tuple(out)


def _longest(tokens: list[Token], i: int, form: str, gaz: Gazetteer) -> tuple[int, str, tuple[Entry, ...]] | None:
    found = None
    cands = gaz.lookup(form) or gaz.after_generic.get(form, ())
    if cands:
        found = (1, form, cands)
    max_w = gaz.heads.get(form, 1)
    if max_w == 1 and form not in JOINABLE_HEADS:
        return found
    key = form
    sent = tokens[i].sent
    for w in range(2, max(max_w, 2) + 1):
        j = i + w - 1
        if j >= len(tokens) or not tokens[j].is_word or tokens[j].sent != sent:
            break
        key = key + " " + tokens[j].norm
        cands = gaz.lookup(key) or gaz.after_generic.get(key, ())
        if cands:
            found = (w, key, cands)
    return found


QUOTES = frozenset('"\'«»“”„')


def _quoted_after_li(doc: Document, tok: Token, cut: int, last: Token) -> bool:
    """A name in quotes right after the preposition لـ is a newspaper or agency (لـ«عكاظ»)."""
    before = doc.text[max(0, tok.start - 4):orig_offset(doc, tok, cut)].replace("ـ", "").strip()
    after = doc.text[last.end:last.end + 1]
    return before[-1:] in QUOTES and after in QUOTES and before.rstrip("".join(QUOTES)).endswith("ل")


def _of_another_place(tokens: list[Token], j: int, sent: int, gaz: Gazetteer, cands: tuple[Entry, ...]) -> bool:
    """An area name followed by لـ + a place or a generic (لنهر، للمدينة) describes part of that place."""
    if j >= len(tokens) or tokens[j].sent != sent or not tokens[j].is_word:
        return False
    if not all(c.kind in ("admin", "feature") for c in cands):
        return False
    return _of_place_word(tokens[j].norm, gaz)


def _of_place_word(w: str, gaz: Gazetteer) -> bool:
    """لـ + a generic word or a place name (لنهر، للمدينة، لتعز): "of" that place."""
    if not w.startswith("ل") or len(w) < 4:
        return False
    rest = "ا" + w[1:] if w.startswith("لل") else w[1:]
    return rest in TRIGGERS or rest[2:] in TRIGGERS or rest in gaz.names


# the two words before a name that make it part of an organisation's name
ORG_PAIRS = frozenset({("التعاون", "دول"), ("وكاله", "انباء"), ("مجلس", "التعاون")})


def _in_org_name(doc: Document, tokens: list[Token], j: int, prev_word: str, end: int) -> bool:
    """«مجلس التعاون لدول الخليج العربية», «وكالة أنباء البحرين», a quoted title «“أخبار مصر”»."""
    if j <= 0 or not prev_word:
        return False
    before = tokens[j - 1]
    if before.is_word and before.sent == tokens[j].sent and (_strip_word(before), prev_word) in ORG_PAIRS:
        return True
    # an outlet's title in quotes: «“أخبار مصر”» (not «“تفجير سروج”» or «"صيف نجران"», which name the place)
    if prev_word in TITLE_HEADS and not before.is_word and doc.text[before.start] in OPEN_QUOTES \
            and end < len(tokens) and not tokens[end].is_word and doc.text[tokens[end].start] in CLOSE_QUOTES:
        return True
    return False


TITLE_HEADS = frozenset({"اخبار", "بوابه"})


OPEN_QUOTES = frozenset('"«“')
CLOSE_QUOTES = frozenset('"»”')


def _dateline_after(doc: Document, tokens: list[Token], j: int) -> bool:
    """A dateline: the place is followed by a dash, colon or bracket (الرياض - واس)."""
    if j >= len(tokens):
        return False
    ch = doc.text[tokens[j].start]
    return (not tokens[j].is_word and ch in "-–—:(/") or ch.isdigit()  # «بغداد 26 شوال … واس»


def _entity_labels(doc: Document, mentions: list[Mention]) -> None:
    ents = sorted(doc.entities, key=lambda e: e.start)
    if not ents:
        return
    for m in mentions:
        for e in ents:
            if e.start >= m.end:
                break
            if e.end > m.start:
                # a LOC that covers the mention; any other label overlapping it
                if e.label == "LOC" or m.entity is None:
                    m.entity = e.label
                    m.entity_exact = e.start == m.start and e.end == m.end
                    m.entity_head = 0 <= m.start - e.start <= 2  # a proclitic the tagger kept («بجازان»)
                if e.label == "LOC":
                    break


class Places:
    name = "places"
    needs: tuple[str, ...] = ("tokens",)
    adds: tuple[str, ...] = ("places",)

    def __init__(self, gazetteer: Gazetteer | None = None) -> None:
        self.gaz = gazetteer or load()

    def __call__(self, doc: Document) -> None:
        nisba: dict[str, float] = {}
        mentions = find_mentions(doc, self.gaz, nisba)
        _entity_labels(doc, mentions)
        resolved = resolve(mentions, self.gaz, nisba)
        resolved = _towns_named_by_context(doc.tokens, resolved, self.gaz)
        dominant = _dominant_country(resolved, nisba)
        # «جبال سلا» in an article about Jazan: a feature's generic before a town of another country
        # (Salé, Morocco) names an unknown mountain; the relative pass takes it
        resolved = [m for m in resolved if not _foreign_feature(m, dominant)]
        places = []
        spans: list[tuple[int, int, Place]] = []  # token range of each place, for the list pass
        located = _containers(doc.tokens, resolved)
        for m in resolved:
            c = m.best
            assert c is not None
            container = located.get(m.tok_start)
            if container is not None:  # no candidate lies in the place the text puts it in
                places.append(Place(
                    start=m.start, end=m.end, name=f"{romanise(m.key)} (in {container.name})", lat=container.lat,
                    lon=container.lon, country=container.country, admin1=container.admin1, feature="locality",
                    geonames_id=None, precision=3 if container.kind == "admin" else 2,
                    place_id=f"near:{container.place_id}", score=0.5,
                ))
                continue
            prec = c.precision
            if m.trigger == "around" and prec == 1:
                prec = 2  # ريف حلب: the countryside around the town
            places.append(Place(
                start=m.start, end=m.end, name=c.name, lat=c.lat, lon=c.lon, country=c.country,
                admin1=c.admin1, feature=c.feature, geonames_id=c.geonames_id, precision=prec,
                place_id=c.place_id, score=round(m.scores.get(c.idx, 0.0), 3),
            ))
        spans.extend((m.tok_start, m.tok_end - 1, p) for m, p in zip(resolved, places, strict=True))
        rel = self._relative(doc, resolved, dominant)
        spans.extend(rel)
        places.extend(p for _, _, p in rel)
        places.extend(list_members(doc.tokens, spans, self.gaz, vocabulary()))
        places.sort(key=lambda p: p.start)
        doc.places = places

    def _relative(self, doc: Document, resolved: list[Mention], dominant: str | None) -> list[tuple[int, int, Place]]:
        """Unknown places introduced by a generic word: located by the text relative to a resolved
        town, division or feature (ACLED precision 2), or, after a strong generic with no relation,
        in the article's dominant country (precision 3, at the place of that country the article
        names most)."""
        tokens = doc.tokens
        positions = generic_positions(tokens)
        if not positions:
            return []
        anchors = {m.tok_start: m.best for m in resolved if m.best and (
            m.best.kind in ("city", "town", "admin") or m.best.feature in FEATURE_ANCHORS)}
        covered = {i for m in resolved for i in range(m.tok_start, m.tok_end)}
        rels = find_relative(tokens, anchors, covered, vocabulary(), doc.text, positions)
        if not rels:
            return []
        home: Entry | None = None
        out = []
        seen: dict[str, Place] = {}
        taken: set[int] = set(covered)
        for r in rels:
            a, where = r.anchor, "near"
            if a is None:
                if dominant is None:
                    continue
                home = home or _home_place(resolved, dominant, self.gaz)
                if home is None:
                    continue
                a, where = home, "in"
            prec = max(2, a.precision) if where == "near" else 3
            label = romanise(r.key) + (f" (near {a.name})" if where == "near" else f" (somewhere in {a.country}, coded at {a.name})")
            p = Place(
                start=orig_offset(doc, tokens[r.first], r.cut), end=tokens[r.last].end, name=label,
                lat=a.lat, lon=a.lon, country=a.country, admin1=a.admin1,
                feature="locality" if where == "near" else "unknown locality", geonames_id=None, precision=prec,
                place_id=f"{where}:{a.place_id}", score=0.5 if where == "near" else 0.3,
            )
            out.append((r.first, r.last, p))
            taken.update(range(r.first, r.last + 1))
            if r.first < r.last or r.generic in FEATURE_GENERICS or vocabulary().get(r.key, 0) > ONE_SENSE_MAX_FREQ:
                continue
            seen.setdefault(r.key, p)
        # one sense per discourse: the same unknown name again, bare («في حدنان»), is the same place
        if seen:
            for i, t in enumerate(tokens):
                if i in taken or not t.is_word or not any(t.norm.endswith(k) for k in seen):
                    continue
                for form, cut in readings(t.norm):
                    p = seen.get(form)
                    if p is not None and (cut or form == t.norm):
                        out.append((i, i, replace(p, start=orig_offset(doc, t, cut), end=t.end)))
                        break
        return out


LIST_MAX_DEFINITE, LIST_MAX_WORD = 200, 60
ONE_SENSE_MAX_FREQ = 20  # an unknown name found again bare is the same place only when it is rare (not التمور)
LIST_KINDS = frozenset("populated place|capital|section of populated place|locality|unknown locality".split("|"))


def _item_end(tokens: list[Token], i: int, at: dict[int, Place]) -> int:
    """Last token of the list item that starts at token i: a known place, or one or two words."""
    if i in at:
        e = i
        while e + 1 < len(tokens) and at.get(e + 1) is at[i]:
            e += 1
        return e
    n = len(tokens)
    if i + 1 < n and tokens[i + 1].is_word and tokens[i + 1].sent == tokens[i].sent and i + 1 not in at \
            and not _conj_word(tokens[i + 1]) and (i + 2 >= n or not tokens[i + 2].is_word or _conj_word(tokens[i + 2])):
        return i + 1
    return i


def _conj_word(t: Token) -> bool:
    return t.is_word and t.norm.startswith("و") and len(t.norm) >= 4 and (t.prefix.startswith("و") or not t.norm.startswith("وا"))


def _rare_item(tokens: list[Token], a: int, b: int, cut: int, gaz: Gazetteer, vocab: dict[str, int]) -> str | None:
    """The name of an unknown list item when its words are rare enough to be a name (not قرية);
    ``cut``: proclitic letters of its first word."""
    w = tokens[a].norm[cut:]
    if len(w) < 3 or not w[:1].isalpha() or w in gaz.given_names or w in gaz.nisba or w.endswith(("ها", "هم")):
        return None
    if vocab.get(w, 0) > (LIST_MAX_DEFINITE if w.startswith("ال") else LIST_MAX_WORD):
        return None
    if b > a and vocab.get(tokens[b].norm, 0) > LIST_MAX_DEFINITE * 3:
        return None
    return " ".join([w] + [tokens[i].norm for i in range(a + 1, b + 1)])


def list_members(tokens: list[Token], spans: list[tuple[int, int, Place]], gaz: Gazetteer,
                 vocab: dict[str, int]) -> list[Place]:
    """«شملت السر، ومسرة، والحلقة، والسيل الكبير، والهدا»: in a list of names joined by و (and
    commas) of which at least two are known towns or localities of one country, a rare word is a
    place of that country too, coded at the nearest known item (ACLED precision 3). ``spans``:
    the token range (first, last) of each place found so far."""
    per_sent: dict[int, list[int]] = {}
    for a, _, p in spans:
        if p.feature in LIST_KINDS:
            per_sent.setdefault(tokens[a].sent, []).append(a)
    out: list[Place] = []
    if all(len(v) < 2 for v in per_sent.values()):
        return out
    at: dict[int, Place] = {}
    for a, b, p in spans:
        for x in range(a, b + 1):
            at.setdefault(x, p)
    for sent, firsts in per_sent.items():
        if len(firsts) < 2:
            continue
        lo = min(firsts)
        while lo > 0 and tokens[lo - 1].sent == sent:
            lo -= 1
        hi = max(firsts)
        while hi + 1 < len(tokens) and tokens[hi + 1].sent == sent:
            hi += 1
        out.extend(_list_members_in(tokens, at, max(lo, 1), hi + 1, gaz, vocab))
    return out


def _list_members_in(tokens: list[Token], at: dict[int, Place], i: int, n: int, gaz: Gazetteer,
                     vocab: dict[str, int]) -> list[Place]:
    out: list[Place] = []
    while i < n:
        t = tokens[i]
        if t.norm[:1] != "و" or not _conj_word(t) or t.norm.startswith(("وقال", "وكان")):
            i += 1
            continue
        b = i - 1 if tokens[i - 1].is_word else i - 2  # «السر، ومسرة»: a comma may separate the items
        if b < 0 or not tokens[b].is_word or tokens[b].sent != t.sent or (b == i - 2 and tokens[i - 1].norm not in ",،"):
            i += 1
            continue
        a = b
        if b in at:
            while a - 1 >= 0 and at.get(a - 1) is at[b]:
                a -= 1
        items = [(a, b)]
        j = i
        while j < n and tokens[j].sent == t.sent and _conj_word(tokens[j]):
            e = _item_end(tokens, j, at)
            items.append((j, e))
            j = e + 1
            if j < n and tokens[j].norm in ",،":
                j += 1
        i = max(j, i + 1)
        known = [at[x] for x, _ in items if x in at]
        if len(known) < 2 or len({p.country for p in known}) != 1 or not all(p.feature in LIST_KINDS for p in known):
            continue
        for x, y in items:
            if x in at:
                continue
            t = tokens[x]
            if t.prefix[:1] in ("و", "ب", "ل") and len(t.prefix) > 2 * t.has_article:
                cut = len(t.prefix) - (2 if t.has_article else 0)  # «بالحصينية»: the span starts at its article
            else:
                cut = 1 if t.norm.startswith("و") and _conj_word(t) else 0
            key = _rare_item(tokens, x, y, cut, gaz, vocab)
            if key is None or _part_of_next(tokens, y + 1, gaz):
                continue
            anchor = min(known, key=lambda p: abs(p.start - tokens[x].start))
            out.append(Place(
                start=tokens[x].start + cut, end=tokens[y].end, name=f"{romanise(key)} (listed with {anchor.name})",
                lat=anchor.lat, lon=anchor.lon, country=anchor.country, admin1=anchor.admin1, feature="unknown locality",
                geonames_id=None, precision=3, place_id=f"list:{anchor.place_id}", score=0.3,
            ))
    return out


DIRECTION_ADJ = frozenset("الشرقي الغربي الشمالي الجنوبي الشرقيه الغربيه الشماليه الجنوبيه".split())


def _part_of_next(tokens: list[Token], j: int, gaz: Gazetteer) -> bool:
    """«والمدخل الشرقي لمدينة تعز»: an item followed by لـ + a generic word or a place is part of it."""
    if j < len(tokens) and tokens[j].norm in DIRECTION_ADJ:
        j += 1  # «المدخل الشرقي لمدينة تعز»
    if j >= len(tokens) or not tokens[j].is_word:
        return False
    return _of_place_word(tokens[j].norm, gaz)


FEATURE_ANCHORS = frozenset("mountain plain region district governorate peninsula".split())
FEATURE_WORDS = frozenset("جبل جبال وادي".split())


def _dominant_country(resolved: list[Mention], nisba: dict[str, float]) -> str | None:
    """The country most of the article's resolved places lie in (ties: the first named)."""
    count: dict[str, float] = {}
    for m in resolved:
        if m.best is not None and m.best.country:
            count[m.best.country] = count.get(m.best.country, 0.0) + 1.0
    for cc, w in nisba.items():
        count[cc] = count.get(cc, 0.0) + w
    if not count:
        return None
    return max(count, key=lambda cc: count[cc])  # dicts keep first-seen order: ties go to the first


def _home_place(resolved: list[Mention], cc: str, gaz: Gazetteer) -> Entry | None:
    """The town or division of country ``cc`` the article names most (else the country itself)."""
    count: dict[int, int] = {}
    by: dict[int, Entry] = {}
    for m in resolved:
        b = m.best
        if b is not None and b.country == cc and b.kind in ("city", "town", "admin"):
            count[b.idx] = count.get(b.idx, 0) + 1
            by[b.idx] = b
    if count:
        return by[max(count, key=lambda i: count[i])]
    return gaz.by_id.get(f"cc:{cc}")


def _foreign_feature(m: Mention, dominant: str | None) -> bool:
    b = m.best
    return b is not None and dominant is not None and m.prev in FEATURE_WORDS and b.kind in ("city", "town") \
        and b.country != dominant and b.place_id is not None and b.place_id.startswith("gn:")


def _inside(c: Entry, a: Entry) -> bool:
    if c.country != a.country:
        return False
    if a.kind == "admin" and c.admin1 is not None and c.admin1 == a.admin1:
        return True
    # a division's extent is not known: a place near its seat is taken to lie in it
    return haversine_km(c, a) <= INSIDE_KM.get(a.kind, 60.0)


def _container_after(tokens: list[Token], j: int, anchors: dict[int, Mention],
                     sent: int, landmark: bool = False) -> tuple[Mention, str] | None:
    """The resolved town or division the words right after a mention put it in: «بمحافظة X», «في
    مدينة X», «في X», «بX» for a division X. A division word wants a division, a bare «ب» too (مكة
    بالطائف is a road between two towns, وبرنس is not و + ب + رنس)."""
    link = ""  # "in": في, "city": (ب|في) مدينة, "division": (ب|في) محافظة/ولاية/..., "bi": a bare ب
    for i in range(j, min(len(tokens), j + 3)):
        t = tokens[i]
        if t.sent != sent or not t.is_word:
            return None
        if i in anchors:
            a = anchors[i]
            clitics = t.norm[:max(0, a.start - t.start)]
            if not link and clitics == "ب":
                link = "bi"
            is_div = a.best is not None and a.best.kind == "admin"
            if link == "division" and not is_div:
                return a, "town-division"  # a town standing for its division (محافظة صامطة)
            ok = link == "in" or (link == "city" and not is_div) or (link in ("division", "bi") and is_div) \
                or (link == "bi" and landmark)  # «قلعة القاهرة بتعز»
            return (a, link) if ok else None
        w = t.norm
        if w == "في" and not link:
            link = "in"
        elif (w in CONTAINERS and link == "in") or (w[:1] == "ب" and w[1:] in CONTAINERS and not link):
            link = "city" if w.endswith("مدينه") else "division"
        else:
            return None
    return None


def _containers(tokens: list[Token], resolved: list[Mention]) -> dict[int, Entry]:
    """Mention token start -> the container it is said to lie in, for mentions none of whose
    candidates lies there; a candidate that does lie there is chosen instead (in place)."""
    anchors = {m.tok_start: m for m in resolved if m.best and m.best.kind in ("city", "town", "admin")}
    out: dict[int, Entry] = {}
    for m in resolved:
        c = m.best
        if c is None or c.kind not in ("city", "town") or not m.tok_end:
            continue
        found = _container_after(tokens, m.tok_end, anchors, tokens[m.tok_start].sent, m.prev in LANDMARK_NOUNS)
        if found is None:
            continue
        am, link = found
        if am is m or am.best is None or am.best.idx == c.idx:
            continue
        a = am.best
        if _inside(c, a):
            continue
        if link == "town-division" and c.country == a.country:
            continue  # «سياتل بولاية واشنطن»: the division's extent is unknown, only another country is sure
        inside = [x for x in m.cands if _inside(x, a)]
        if inside:
            m.best = max(inside, key=lambda x: m.scores.get(x.idx, 0.0))
        else:
            out[m.tok_start] = a
    return out


# «قلعة القاهرة بتعز»: a landmark noun, a city, then a bare بـ and another city: the landmark lies in the
# second city (like «في تعز»), so the first name is not the city it names (Cairo) but a locality there
LANDMARK_NOUNS = frozenset(normalise_key(w) for w in "قلعة فندق ساحة جامع مسجد سجن ملعب جامعة مستشفى".split())
# «مدينة مروة شمالي الكاميرون»: a direction between an unknown town and its country
DIRECTION_WORDS = frozenset("شمال جنوب شرق غرب شمالي جنوبي شرقي غربي وسط اقصي".split())
# «تشاتانوجا بولاية تنيسي»: a state or province generic between a foreign town and its division
STATE_GENERICS = frozenset("ولايه محافظه اقليم مقاطعه".split())
CONTEXT_TOWN_MAX_FREQ = 5  # the unknown word must be rare in news (a name, not «شخص بولاية تكساس»)
CONTEXT_TOWN_GENERIC_MAX_FREQ = 300  # after «مدينة» and before «شمالي الكاميرون»: not a frequent word


def _towns_named_by_context(tokens: list[Token], resolved: list[Mention], gaz: Gazetteer) -> list[Mention]:
    """Towns the gazetteer spells otherwise, found where the text names their country or state:
    «مدينة مروة شمالي الكاميرون» (Maroua, written ماروا in GeoNames) and «تشاتانوجا بولاية تنيسي»
    (Chattanooga, تشاتانوغا); a town not found before «بولاية X» outside the Arab world is coded at
    X (ACLED precision 3)."""
    covered = {i for m in resolved for i in range(m.tok_start, m.tok_end)}
    vocab = vocabulary()
    new: list[Mention] = []
    for m in resolved:
        area = m.best
        if area is None or area.country in ARAB_WORLD:
            continue
        k = m.tok_start
        if area.kind == "country":
            # [town generic] X [direction] COUNTRY
            if k < 3 or _strip_word(tokens[k - 1]) not in DIRECTION_WORDS:
                continue
            x = k - 2
            if TRIGGERS.get(_strip_word(tokens[x - 1])) != "town":
                continue
        elif area.kind == "admin" and area.feature.startswith("admin1"):
            # X بولاية STATE, X في ولاية STATE
            g = tokens[k - 1] if k >= 1 else None
            if g is None or _strip_word(g) not in STATE_GENERICS:
                continue
            x = k - 2
            if g.norm.startswith("ب"):
                pass
            elif x >= 0 and tokens[x].norm == "في":
                x -= 1
            else:
                continue
        else:
            continue
        if x < 0 or x in covered or not tokens[x].is_word or tokens[x].sent != tokens[k].sent:
            continue
        word = tokens[x].norm
        # after a town generic a given name is the town's (مدينة مروة); before «بولاية» a rare word only
        limit = CONTEXT_TOWN_MAX_FREQ if area.kind == "admin" else CONTEXT_TOWN_GENERIC_MAX_FREQ
        if len(word) < 3 or vocab.get(word, 0) > limit or word in LOCATIVE or word in TRIGGERS:
            continue
        towns = [t for t in gaz.country_towns(area.country, word)
                 if area.kind == "country" or t.admin1 in (None, area.admin1)]
        best = max(towns, key=lambda t: t.population) if towns else None
        if best is None and area.kind == "country":
            continue
        tok = tokens[x]
        new.append(Mention(start=tok.start, end=tok.end, key=word, cands=(best or area,), trigger="town",
                           tok_start=x, tok_end=x + 1, best=best or area, scores={(best or area).idx: 0.5}))
        covered.add(x)
    if not new:
        return resolved
    return sorted(resolved + new, key=lambda m: m.tok_start)


def _seat_of(c: Entry, cands: tuple[Entry, ...]) -> bool:
    """A division coded at the point of one of the candidate towns (إمارة دبي at Dubai): without its
    generic it adds nothing but ambiguity."""
    return any(x.kind in ("city", "town") and x.country == c.country and abs(x.lat - c.lat) < 0.01
               and abs(x.lon - c.lon) < 0.01 for x in cands)
