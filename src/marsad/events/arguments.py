"""Argument finding over a trigger's sentence: actor1 (agent), actor2 (target or opponent,
ACLED's convention), place and date.

Arabic news is mostly verb-first («انتزعت القوات العراقية السيطرة على …»): the agent of a
verbal trigger is the first actor after it, unless it follows a preposition; a nominal
trigger takes its agent from the genitive after it («سيطرة قوات الحكومة السورية على …»,
«هجوم لتنظيم …») or from the verb of its clause before it («شنت طائرات التحالف غارات …»).
The target comes after على / ضد / من or as the verb's object.
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
from collections import Counter

from marsad.document import ActorMention, ArgRef, Place, Timex
from marsad.events.capitals import CAPITAL_WORDS, article_country, capital_place
from marsad.events.context import PREPOSITIONS, View, readings
from marsad.events.lexicon import numbers, speech_cues, wordlist
from marsad.events.notes import period_label

ARMED_TYPES = ("military", "police", "rebel", "militia", "jihadist", "armed", "security", "insurgent", "terror")
STATE_TYPES = ("military", "police", "security", "government", "state")
TARGET_PREPS = frozenset({"علي", "ضد", "من", "استهدف"})
ARMED_INTER = frozenset({1, 2, 3, 4, 8})
DATELINE_TOKENS = 10  # a dateline place is among the article's first tokens
PRAYER_WORDS = frozenset({"صلاه", "لصلاه", "بصلاه", "الصلاه"})  # «صلاة الجمعة» names a prayer
NEWS_WINDOW_DAYS = 31  # older than this before publication = background history
NON_AGENT_TYPES = ("person", "media", "politician", "official", "civilian")
# what each list is for is written beside it in data/wordlists.tsv
COMPASS = wordlist("compass")
TARGET_NOUNS = wordlist("target_nouns")
CONTAINER_WORDS = wordlist("container_words")
DIRECTION_WORDS = wordlist("direction_words")
PLACE_GENERICS = wordlist("place_generics")
TIME_ANAPHORS = wordlist("time_anaphors")
SOURCE_NOUNS = wordlist("source_nouns") | wordlist("title_nouns") | wordlist("speaker_place_nouns")
SEAT_WORDS = wordlist("seat_words")
DISTANCE_UNITS = wordlist("distance_units")
SAME_WORDS = frozenset({"نفسها", "نفسه", "ذاتها", "ذاته"})
ADMIN_GENERICS = frozenset({"محافظه", "ولايه", "اقليم", "مديريه", "قضاء"})
VICTIM_WORDS = wordlist("victim_words")
AGENT_VERBS = wordlist("agent_verbs")
RELATIVES = wordlist("relatives")
STANCE_WORDS = wordlist("stance_words")
OBJECT_PRONOUNS = ("ها", "هم", "هما", "هن")
QUARTER_WORDS = frozenset({"حي", "بحي", "وحي", "الحي", "بالحي", "حاره", "بحاره", "احياء", "باحياء"})


def is_armed(a: ActorMention | ArgRef | None) -> bool:
    if a is None:
        return False
    typ = getattr(a, "type", "") or ""
    if any(t in typ.lower() for t in ARMED_TYPES):
        return True
    return a.inter in ARMED_INTER and "person" not in typ.lower() and "government" not in typ.lower()


def is_state(a: ActorMention | ArgRef | None) -> bool:
    if a is None:
        return False
    typ = (getattr(a, "type", "") or "").lower()
    return a.inter == 1 or any(t in typ for t in STATE_TYPES)


def km_apart(a: Place, b: Place) -> float:
    from marsad.events.merge import km

    return km(a, b)


def can_act(a: ActorMention) -> bool:
    typ = (a.type or "").lower()
    return not any(t in typ for t in NON_AGENT_TYPES) and a.inter != 7


def is_country(p: Place) -> bool:
    feature = (p.feature or "").lower()
    return "country" in feature or feature.startswith("pcl") or (p.admin1 is None and p.precision >= 3)


def _is_admin(p: Place) -> bool:
    """A province or a district («ولاية لوغار جنوب كابول» stays in Logar)."""
    return (p.feature or "").lower().startswith("admin")


def arg_of(a: ActorMention) -> ArgRef:
    return ArgRef(a.name, a.start, a.end, a.actor_id, a.inter, a.country)


class Arguments:
    """Argument finder for one document (indexes actors, places and timexes by sentence)."""

    def __init__(self, view: View):
        self.view = view
        doc = view.doc
        self.actors_by_sent: dict[int, list[ActorMention]] = {}
        for a in sorted(doc.actors, key=lambda m: m.start):
            self.actors_by_sent.setdefault(doc.sentence_of(a.start), []).append(a)
        self.places_by_sent: dict[int, list[Place]] = {}
        for p in sorted(doc.places, key=lambda m: m.start):
            self.places_by_sent.setdefault(doc.sentence_of(p.start), []).append(p)
        self.timex_by_sent: dict[int, list[Timex]] = {}
        for t in sorted(doc.timexes, key=lambda m: m.start):
            if t.kind != "duration":
                self.timex_by_sent.setdefault(doc.sentence_of(t.start), []).append(t)
        salience: Counter[str] = Counter(a.actor_id for a in doc.actors if is_armed(a) and not is_state(a))
        self.salient_nonstate: dict[str, ActorMention] = {}
        for a in sorted(doc.actors, key=lambda m: m.generic):  # a named mention first, else «التنظيم»
            if a.actor_id in salience:
                self.salient_nonstate.setdefault(a.actor_id, a)
        self.salience = salience
        self.trigger_starts: list[int] = []  # set by the stage: where every trigger begins
        self.periods: dict[str, str] = {}  # date of precision 3 → what the text named ("2014")

    # -- helpers ------------------------------------------------------------
    def _prev_word(self, offset: int, sent_start: int) -> str:
        toks = self.view.doc.tokens
        k = self.view.token_at(offset)
        # a preposition glued to the actor («لتنظيم», «بالقوات», «للجيش») counts as one before it
        glued = toks[k].prefix.lstrip("وف")
        if glued.endswith("ال"):
            glued = glued[:-2]
        if glued in ("ب", "ل", "لل") or toks[k].prefix.endswith("لل"):
            return "ل"
        k -= 1
        while k >= 0 and toks[k].start >= sent_start and not toks[k].is_word and toks[k].norm not in "،,":
            k -= 1
        if k < 0 or toks[k].start < sent_start:
            return ""
        word = toks[k].norm
        return word

    def _reports(self, a: ActorMention, i: int, sent_start: int) -> bool:
        """Is ``a`` the source of the statement that holds the trigger at token ``i``: a speech verb
        before it or right after it in the sentence, then «إن/أن» between it and the trigger?"""
        toks = self.view.doc.tokens
        k0, k1 = self.view.token_at(a.start), self.view.token_at(a.end - 1)
        comp = next((k for k in range(k1 + 1, i) if toks[k].norm in REPORT_THAT), None)
        if comp is None:
            return False
        verbs = speech_cues()[0]
        lo = k0
        while lo > 0 and toks[lo - 1].start >= sent_start and k0 - lo < 4:
            lo -= 1
        return any(_bare_word(toks[k].norm) in verbs for k in range(lo, comp) if not k0 <= k <= k1)

    def _victim(self, a: ActorMention, sent_start: int) -> bool:
        """«مقتل خمسة جنود من الجيش», «إصابة عناصر من الشرطة»: the actor is who was hit."""
        toks = self.view.doc.tokens
        k = self.view.token_at(a.start)
        for back in range(1, 6):
            if k - back < 0 or toks[k - back].start < sent_start:
                return False
            tok = toks[k - back]
            if tok.stem in VICTIM_WORDS or tok.norm in VICTIM_WORDS:
                return True
            if not tok.is_word and tok.norm not in "()":
                return False  # a comma or stop ends the phrase
        return False

    def _trigger_between(self, a: int, b: int) -> bool:
        """Another trigger between a trigger and a date: the date is that one's."""
        lo, hi = (a, b) if a <= b else (b, a)
        k = bisect.bisect_right(self.trigger_starts, lo)
        return k < len(self.trigger_starts) and self.trigger_starts[k] < hi

    def _since(self, t: Timex) -> bool:
        """A «منذ …» / «حتى …» time, or «صلاة الجمعة» alone (a prayer, not a dated day; «صلاة ظهر
        يوم الخميس الماضي» is dated): it dates no event."""
        toks = self.view.doc.tokens
        k = self.view.token_at(t.start)
        prayer = k > 0 and _bare_word(toks[k - 1].norm) in PRAYER_WORDS and toks[k].end >= t.end
        return k > 0 and toks[k - 1].norm in ("منذ", "حتي") or prayer or toks[k].norm in ("منذ", "حتي")

    def _same_stretch(self, a: int, b: int) -> bool:
        """No punctuation between two offsets of a sentence (a date «… الذي استهدف بني سعد الجمعة»
        belongs to the trigger before it rather than to the report's verb)."""
        toks = self.view.doc.tokens
        lo, hi = (a, b) if a <= b else (b, a)
        k = self.view.token_at(lo)
        while k < len(toks) and toks[k].start < hi:
            if not toks[k].is_word and not toks[k].norm.isdigit() and toks[k].norm not in ("(", ")"):
                return False
            k += 1
        return True

    def _other_clause_period(self, t: Timex, i: int) -> bool:
        """A month, a season or a year after the trigger that another clause owns: past
        punctuation or a relative pronoun («استهدفت الصواريخ مخازن السلاح …،
        فيما دمرت منزل القيادي … الضالع بتسليم عدن عام 2011», «وهشموا النوافذ في شارع الذي
        شهد أعمال الشغب في الصيف الماضي»). A day is shared more often («… وقصفت … أمس»)."""
        toks = self.view.doc.tokens
        if _gran_rank(t) < 2 or t.start < toks[i].end:
            return False
        if not self._same_stretch(toks[i].start, t.start):
            return True
        k = i + 1
        while k < len(toks) and toks[k].start < t.start:
            if toks[k].norm in RELATIVES:
                return True
            k += 1
        return False

    def _relative_day(self, t: Timex) -> bool:
        """A day older than the news window told in a relative clause («المراهق الذي فجر مقتله في
        التاسع من أغسطس 2014 شهورا من الاحتجاجات»): it dates that clause, not the next sentence."""
        pub = self.view.doc.published
        last = _timex_last_day(t)
        if pub is None or last is None or (pub - last).days <= NEWS_WINDOW_DAYS:
            return False
        toks = self.view.doc.tokens
        k = self.view.token_at(t.start) - 1
        words = 0
        while k >= 0 and words < 8 and (toks[k].is_word or toks[k].norm.isdigit()):
            if toks[k].norm in RELATIVES:
                return True
            words += 1
            k -= 1
        return False

    def _preposition_between(self, a: int, b: int) -> bool:
        """A preposition between a trigger and an actor makes the actor an object, not the agent."""
        toks = self.view.doc.tokens
        k = self.view.token_at(a)
        while k < len(toks) and toks[k].start < b:
            if toks[k].norm in PREPOSITIONS or toks[k].norm in TARGET_PREPS:
                return True
            k += 1
        return False

    def capital_as_actor(self, p: Place) -> bool:
        """A capital that names its government («مقاتلون دربتهم واشنطن», «فصائل تساندها طهران»,
        «واتهمت أنقرة …»): bare (no preposition, no generic noun before it) right after a speech
        verb or after a word that carries an object pronoun, which only a verb does before a bare
        name. It is an actor, not where anything happened."""
        if "capital" not in (p.feature or "").lower():
            return False
        toks = self.view.doc.tokens
        k = self.view.token_at(p.start)
        if k == 0 or toks[k].start < p.start - 1 or toks[k].prefix.lstrip("وف"):
            return False  # «ببغداد», «لواشنطن»: a preposition glued to it
        prev = toks[k - 1]
        if not prev.is_word or prev.sent != toks[k].sent or self._hit_at(k - 1):
            return False  # «قصفت الطائرات صنعاء»: a trigger's object is where it happened
        if _bare_word(prev.norm) in speech_cues()[0] or _bare_word(prev.norm) in STANCE_WORDS:
            return True
        if prev.norm == "مع":
            return True  # «الهدنة مع أنقرة», «المفاوضات مع واشنطن»: the other party, a government
        return len(prev.norm) >= 5 and prev.norm.endswith(OBJECT_PRONOUNS) and not prev.norm.startswith("ال")

    def not_event_place(self, p: Place) -> bool:
        """A place that cannot be where the event happened: an organisation's seat («التي
        يوجد مقرها في طرابلس») or the point a distance is measured from («على بعد 70 كيلومترا
        جنوب شرقي مايدوغوري», «57 كم شمال شرقي بغداد»), or a capital naming its government."""
        if self.capital_as_actor(p) or self.speaker_place(p) or self.dateline(p) or self.province_reference(p):
            return True
        toks = self.view.doc.tokens
        k = self.view.token_at(p.start)
        sa = self.view.sent_ranges[toks[k].sent][0] if k < len(toks) else 0
        words = 0
        m = k - 1
        while m >= sa and words < 7:
            t = toks[m]
            if t.is_word:
                words += 1
                if words <= 2 and (t.norm in SEAT_WORDS or t.stem in SEAT_WORDS):
                    return True
                if words <= 3 and t.norm == "منذ":
                    return True  # «حملة واسعة منذ هجوم منتجع سوسة»: the place of a past event
                if words == 2 and t.norm in ("بعد", "عقب", "اثر") and self._hit_at(m + 1):
                    return True  # «هجمات استهدفت قواتها بعد تفجير سروج»: the place of that other event
                glued = next((u for u in ("كم", "كلم") if t.norm.endswith(u) and t.norm[:-len(u)].isdigit()), None)
                if t.norm in DISTANCE_UNITS or t.stem in DISTANCE_UNITS or glued:
                    # a reference point less than 40 km away still places the event well enough
                    n = m - 1
                    while n > sa and toks[n].norm in ("/", "-", "(", ")"):
                        n -= 1  # «400/كم شمال بغداد»
                    num = t.norm[:-len(glued)] if glued else (toks[n].norm if n >= sa else "")
                    num = next((num[-k:] for k in range(len(num), 0, -1) if num[-k:].isdigit()), num)
                    if not num.isdigit() and n >= sa:
                        # «على بعد مئة كيلومتر», «خمسين كيلومترا»: a number in words
                        value = _number_word_value(toks[n].norm)
                        num = str(value) if value is not None else num
                    return num.isdigit() and int(num) > 40  # («يبعد كيلومترات عن فيرغسون» is near)
            m -= 1
        return False

    def speaker_place(self, p: Place) -> bool:
        """«مصادر إعلامية يمنية في العاصمة صنعاء», «المسؤول الصحي في عدن», «مراسلنا في …»: where
        a source or an official is, not where the event happened."""
        toks = self.view.doc.tokens
        k = self.view.token_at(p.start) - 1
        if k >= 0 and (toks[k].norm in PLACE_GENERICS or toks[k].stem in PLACE_GENERICS):
            k -= 1
        if k >= 0 and _bare_word(toks[k].norm) in HOSPITAL_WORDS:
            k -= 1  # «مصدر طبي في مستشفى قضاء بلدروز»
        if k < 0 or toks[k].norm != "في":
            return False
        sa = self.view.sent_ranges[toks[k].sent][0]
        for m in range(k - 1, max(sa, k - 4) - 1, -1):
            t = toks[m]
            if not t.is_word or self._hit_at(m) or t.norm in ("ان", "انه", "بان", "الي", "عن", "علي", "من"):
                return False  # («وقال المسؤول إن المعارك توقفت في زنجبار»: the source's clause has ended)
            if t.stem in SOURCE_NOUNS or _bare_word(t.norm) in SOURCE_NOUNS or t.norm in SOURCE_NOUNS:
                return True
        return False

    def dateline(self, p: Place) -> bool:
        """«عبدالله السالم- سبق- الدمام:», «الرياض - واس:»: the place an article was filed from,
        among its first words and closed by a colon or a dash, is not where its events happened."""
        toks = self.view.doc.tokens
        k = self.view.token_at(p.start)
        if k >= DATELINE_TOKENS:
            return False
        e = k
        while e < len(toks) and toks[e].end <= p.end:
            e += 1
        return e < len(toks) and toks[e].norm in (":", "-", "–") and \
            (e + 1 >= len(toks) or toks[e].norm == ":" or toks[e + 1].norm in (":",) or k < 4)

    def bare_capital(self, i: int) -> Place | None:
        """«وشنت مقاتلات التحالف غارات … بالعاصمة»: «العاصمة» with no name after it, in the
        trigger's clause, is the capital of the article's country."""
        toks = self.view.doc.tokens
        lo, hi = self.view.clause(i)
        for k in range(lo, hi):
            if toks[k].norm not in CAPITAL_WORDS or self.place_starts_at(k) or self.place_starts_at(k + 1):
                continue
            code = article_country(self.view.doc.places)
            if code is not None:
                return capital_place(code, toks[k].start, toks[k].end)
        return None

    def province_reference(self, p: Place) -> bool:
        """«وفي محافظة إب بجنوب صنعاء», «الحوطة عاصمة لحج، شمالي عدن»: a place after a compass word
        that describes the province just before it (or, after a comma, any place) is a reference
        point, not where the event happened."""
        toks = self.view.doc.tokens
        k = self.view.token_at(p.start) - 1
        if k < 1 or not (toks[k].stem in COMPASS or toks[k].norm in COMPASS or _bare_word(toks[k].norm) in COMPASS):
            return False
        prev_end = toks[k - 1].end
        if toks[k - 1].norm in ("،", ",") and k >= 2:
            # «مدينة الحوطة عاصمة محافظة لحج، شمالي عدن،»: an apposition locating the place before it
            prev_end = toks[k - 2].end
            return any(q.end == prev_end for q in self.places_by_sent.get(toks[k].sent, []))
        return any(q.end == prev_end and _is_admin(q) for q in self.places_by_sent.get(toks[k].sent, []))

    def province_of_sentence(self, p: Place, sent: int) -> Place:
        """A locality the gazetteer does not know, coded at a province guessed from the article,
        is coded at the province its own sentence names instead («السيطرة على منطقتي الوهط وصبر …
        بمحافظة لحج»)."""
        if p.feature != "unknown locality":
            return p
        provs = [q for q in self.places_by_sent.get(sent, []) if _is_admin(q) and q.country == p.country]
        if not provs or any(q.admin1 == p.admin1 or q.name == p.admin1 for q in provs):
            return p
        q = provs[0]
        base = p.name.split(" (")[0]
        return dataclasses.replace(p, name=f"{base} (somewhere in {p.country}, coded at {q.name})", lat=q.lat,
                                   lon=q.lon, admin1=q.admin1 or q.name, place_id=q.place_id)

    def unnamed_place_after(self, i: int, j: int) -> bool:
        """«تفجير انتحاري الاثنين في بلدة تركية على الحدود»: the event's own place is told but not
        named (a generic word, no name after it), so no place of the sentences before is its place."""
        toks = self.view.doc.tokens
        lo, hi = self.view.clause(i)
        for k in range(j, min(hi, j + 6)):
            t = toks[k]
            # indefinite only: «في المدينة» is the town named before
            generic = (t.stem in PLACE_GENERICS or t.norm in PLACE_GENERICS) and not t.has_article \
                and "ال" not in t.prefix
            if generic and (t.prefix.lstrip("و").startswith("ب") or (k > 0 and toks[k - 1].norm == "في")) \
                    and not self.place_starts_at(k) and not self.place_starts_at(k + 1):
                return True
        return False

    def after_direction(self, p: Place) -> bool:
        """«باتجاه X», «إلى محافظة الضالع», «تجاه تعز»: a direction (looked through one generic
        word), not where something happened."""
        toks = self.view.doc.tokens
        k = self.view.token_at(p.start) - 1
        if k >= 0 and (toks[k].norm in PLACE_GENERICS or toks[k].stem in PLACE_GENERICS) and \
                toks[k].norm not in DIRECTION_WORDS:
            k -= 1
        return k >= 0 and (toks[k].norm in DIRECTION_WORDS or _bare_word(toks[k].norm) in DIRECTION_WORDS)

    def _hit_at(self, k: int) -> bool:
        """Does a trigger begin at token k?"""
        return any(h.i == k for h in self.view.hits)

    def reference_point(self, p: Place) -> bool:
        """«بلدة أجدابيا قرب ميناء البريقة», «قرية X إلى الشمال من عدن»: a place after a compass
        word (through one generic word) that itself follows another place of the sentence within
        three tokens is the point that place is located from."""
        toks = self.view.doc.tokens
        k = self.view.token_at(p.start) - 1
        if k >= 0 and toks[k].is_word and (toks[k].norm in PLACE_GENERICS or toks[k].stem in PLACE_GENERICS):
            k -= 1  # «قرب ميناء البريقة»
        if k >= 1 and toks[k].norm == "من" and _compass_word(toks[k - 1]):
            k -= 1  # «إلى الشمال من عدن», «بالقرب من»
        if k < 1 or not _compass_word(toks[k]):
            return False
        if k >= 1 and toks[k - 1].norm in ("الي", "في"):
            k -= 1
        c_start = toks[k].start
        return any(q.end <= c_start and q is not p and self._tokens_between(q.end, c_start) <= 3
                   for q in self.places_by_sent.get(toks[k].sent, []))

    def _tokens_between(self, a: int, b: int) -> int:
        v = self.view
        if b <= a:
            return 0
        return max(0, v.token_at(b) - v.token_at(a))

    # -- actors -------------------------------------------------------------
    def agents_and_targets(self, sent: int, i: int, j: int, pos: str,
                           territory: bool = False) -> tuple[ActorMention | None, ActorMention | None]:
        """(agent, target) mentions for the trigger over tokens [i, j); «من» marks the opponent
        only for territory («استعادت … من داعش»), elsewhere it is partitive («عناصر من الحزب»)."""
        target_preps = TARGET_PREPS if territory else TARGET_PREPS - {"من"}
        toks = self.view.doc.tokens
        everyone = self.actors_by_sent.get(sent, [])
        if not everyone:
            return None, None
        # people and media are sources and targets here, never the agent of a trigger
        cands = everyone
        t_start, t_end = toks[i].start, toks[j - 1].end
        lo, hi = self.view.clause(i)
        c_start, c_end = toks[lo].start, toks[hi - 1].end
        s_start = self.view.doc.sentences[sent].start
        after = [a for a in cands if a.start >= t_end]
        before = [a for a in cands if a.end <= t_start]
        agent: ActorMention | None = None
        target: ActorMention | None = None
        for a in after:
            prev = self._prev_word(a.start, s_start)
            dist = self._tokens_between(t_end, a.start)
            if self._victim(a, s_start):
                if target is None and a.start < c_end + 80:
                    target = a
                continue
            if agent is None and prev in AGENT_VERBS and dist <= 8 and can_act(a):
                agent = a  # «هجوم بقذائف الهاون شنه مسلحون»
                continue
            if prev in target_preps or prev == "ل" and pos == "V":
                if target is None and a.start < c_end + 80:
                    target = a
                continue
            if prev in TARGET_NOUNS:  # «استهدفت الغارات مواقع داعش»: the genitive of a target noun
                if target is None:
                    target = a
                continue
            if agent is None and dist <= (6 if pos == "V" else 2) and prev not in PREPOSITIONS and can_act(a) \
                    and not self._preposition_between(t_end, a.start):
                agent = a
            elif target is None and agent is not None and dist <= 8 and prev not in PREPOSITIONS:
                target = a  # the verb's object after its subject
        if agent is None:
            in_clause = [a for a in before if a.start >= c_start]
            pool = in_clause or before
            for a in reversed(pool):
                prev = self._prev_word(a.start, s_start)
                if self._victim(a, s_start):
                    if target is None:
                        target = a
                    continue
                if self._reports(a, i, s_start):
                    continue  # «وقالت وزارة الداخلية إن «… فجر انتحاري حزامه»»: the ministry tells it
                if prev not in target_preps and can_act(a):
                    agent = a
                    break
        if target is None and agent is not None:
            # «قتل خمسة جنود من الجيش … في هجوم شنه مسلحون»: the victims named before the trigger
            target = next((a for a in reversed(before) if a.start >= s_start and a is not agent
                           and self._victim(a, s_start)), None)
        if territory and agent is not None and not is_state(agent):
            # «قوات الجيش والمقاومة الشعبية»: state forces among the co-agents make it theirs
            for a in after:
                if a.start > agent.end + 40 or self._preposition_between(agent.end, a.start):
                    break
                if is_state(a) and can_act(a):
                    agent = a
                    break
        if target is not None and agent is not None and target.actor_id == agent.actor_id:
            if self._victim(target, s_start):
                agent = None  # «أعلن الجيش مقتل جنديين»: the army announces its losses, it did not attack
            else:
                target = None
        return agent, target

    def most_salient_opponent(self, exclude: str | None) -> ActorMention | None:
        for actor_id, _ in self.salience.most_common():
            if actor_id != exclude and actor_id in self.salient_nonstate:
                return self.salient_nonstate[actor_id]
        return None

    # -- place --------------------------------------------------------------
    def place(self, sent: int, i: int, j: int) -> tuple[Place | None, int]:
        """(place, ACLED geo precision) nearest the trigger, preferring its object in the clause."""
        toks = self.view.doc.tokens
        places = [p for p in self.places_by_sent.get(sent, []) if not self.not_event_place(p)
                  and not self.after_direction(p)]
        t_start, t_end = toks[i].start, toks[j - 1].end
        if places:
            lo, hi = self.view.clause(i)
            c_start, c_end = toks[lo].start, toks[hi - 1].end

            def score(p: Place) -> tuple[int, int, int, int, int]:
                in_clause = c_start <= p.start < c_end + 1
                after = p.start >= t_end
                dist = p.start - t_end if after else t_start - p.end
                country = 1 if is_country(p) else 0
                # «على الطريق إلى X», «باتجاه X»: a direction, not where it happened
                direction = 1 if self.after_direction(p) else 0
                # «في بلدة أجدابيا قرب ميناء البريقة»: the point another place is located from
                reference = 1 if self.reference_point(p) else 0
                return (country, direction, reference, 0 if in_clause else 1, dist + (0 if after else 40))

            best = min(places, key=score)
            return self._anchor(best, places), best.precision
        return None, 3

    def _anchor(self, best: Place, places: list[Place]) -> Place:
        """«بحي الكرامة جنوب العريش»: a quarter placed by a compass word from a town is coded at
        the town, as ACLED does."""
        toks = self.view.doc.tokens
        k = self.view.token_at(best.end)
        if k < len(toks) and toks[k].end <= best.end:
            k += 1
        steps = 0
        while k < len(toks) and steps < 3:
            if toks[k].stem in COMPASS or toks[k].norm in COMPASS:
                nxt = [p for p in places if p.start > toks[k].start and self._tokens_between(toks[k].end, p.start) <= 2]
                if nxt and not is_country(nxt[0]) and not _is_admin(best) and (
                        best.precision > 1 or self._quarter(best) or km_apart(best, nxt[0]) <= 30):
                    # (a town told as «الصليف شمال مدينة الحديدة», 60 km away, stays itself)
                    return nxt[0]
                return best
            if toks[k].is_word:
                steps += 1
            k += 1
        return best

    def _quarter(self, p: Place) -> bool:
        """«بحي الكرامة»: a place named as a quarter of a town."""
        k = self.view.token_at(p.start)
        if k == 0:
            return False
        prev = self.view.doc.tokens[k - 1]
        return prev.norm in QUARTER_WORDS or prev.stem in QUARTER_WORDS

    def extra_places(self, sent: int, main: Place, stop: int) -> list[Place]:
        """Further places listed after the main one in the trigger's sentence («غارات على إب
        ومواقع في عمران ومديرية حيس»): each is an event of its own, as ACLED codes them."""
        out: list[Place] = []
        last = main
        toks = self.view.doc.tokens
        for p in self.places_by_sent.get(sent, []):
            if p.start <= main.end or p.start >= stop or is_country(p) or self.not_event_place(p):
                continue
            k = self.view.token_at(p.start)
            before = toks[k - 1].norm if k > 0 else ""
            if before in DIRECTION_WORDS | {"من"} or any(t.norm == "بين" for t in toks[max(0, k - 2):k]):
                continue  # «على الطريق بين الحويجة ومخمور»: the ends of a road, not two targets
            if any(t.norm in COMPASS or t.stem in COMPASS for t in toks[max(0, k - 2):k]):
                continue  # «معسكر الصليف شمال مدينة الحديدة»: a reference point, not another target
            if any(_bare_word(t.norm) in HOSPITAL_WORDS for t in toks[max(0, k - 2):k]):
                continue  # «… بحسب مصدر في مستشفى قضاء بلدروز»: where the victims were taken
            if before == "مع" or any(_bare_word(t.norm) in BORDER_WORDS for t in toks[max(0, k - 3):k]):
                continue  # «في قطاع رفح على الحدود مع قطاع غزة»: the other side of a border, a reference
            if before in CONTAINER_WORDS or (before == '"' and k > 1 and toks[k - 2].norm in CONTAINER_WORDS):
                if self._tokens_between(last.end, p.start) <= 4 or any(km_apart(p, q) <= 20 for q in [main, *out]):
                    last = p  # «مديرية حيس بمحافظة الحديدة»: the province holds the place before it
                    continue
                # «ومواقع أخرى في «جبل المرحة» بمحافظة «عمران»»: the place before it is unknown, the
                # province is where that strike is coded
                out.append(p)
                last = p
                continue
            if self._tokens_between(last.end, p.start) > 12:
                break
            if any(toks[m].norm in CONTRAST for m in range(self.view.token_at(last.end), k)):
                break  # «… لقصف الطائرات التركية، لكنها على استعداد للحوار مع أنقرة»: another clause
            if all(km_apart(p, q) > 20 for q in [main, *out]):
                out.append(p)
            last = p
        return out

    def place_starts_at(self, k: int) -> bool:
        """Does a place mention begin at token k («معارك صلاح الدين»)?"""
        toks = self.view.doc.tokens
        if k >= len(toks):
            return False
        t = toks[k]
        return any(p.start in (t.start, t.stem_start) for p in self.places_by_sent.get(t.sent, []))

    def finer_place_before(self, sent: int, province: Place) -> Place | None:
        """«… على موقع عسكري في وادي سر بوادي حضرموت أمس. وأوضح أن هجوما بسيارتين مفخختين استهدف
        نقطة عسكرية بحضرموت»: when the trigger's sentence names only a province, a more precise
        place inside it named in the two sentences before is where it happened (ACLED codes the
        most precise location the article gives)."""
        if not _is_admin(province) or province.precision < 3:
            return None
        for s in (sent - 1, sent - 2):
            for p in reversed(self.places_by_sent.get(s, [])):
                if is_country(p) or _is_admin(p) or p.precision >= province.precision or self.not_event_place(p):
                    continue
                inside = p.admin1 == (province.admin1 or province.name) if p.admin1 else \
                    p.country == province.country and km_apart(p, province) <= 200
                if inside:
                    return p
        return None

    def _in_history_stretch(self, p: Place, sent: int) -> bool:
        """«… نهبهما من المنطقة العسكرية في المكلا قبل شهرين»: a place whose stretch is dated
        before the news window is the place of that past event, not of the next sentence's."""
        pub = self.view.doc.published
        if pub is None:
            return False
        for t in self.timex_by_sent.get(sent, []):
            last = _timex_last_day(t)
            if t.start >= p.end and last is not None and (pub - last).days > NEWS_WINDOW_DAYS \
                    and self._same_stretch(p.end, t.start):
                return True
        return False

    def fallback_place(self, sent: int) -> Place | None:
        """The last place below country level in the two sentences before (none further back:
        an article's first place is too often somewhere else)."""
        for s in (sent - 1, sent - 2):
            ps = [p for p in self.places_by_sent.get(s, []) if not is_country(p) and not self.not_event_place(p)
                  and not self._in_history_stretch(p, s)]
            if ps:
                last = ps[-1]
                if len(ps) > 1 and _is_admin(last) and not _is_admin(ps[-2]) and ps[-2].admin1 \
                        and ps[-2].admin1 in (last.admin1, last.name) and last.start - ps[-2].end <= 30:
                    return ps[-2]  # «في منطقة ساريكاميس في إقليم كارس»: the town its province qualifies
                return last
        return None

    def same_place_back(self, i: int) -> Place | None:
        """«في المنطقة نفسها», «في المحافظة ذاتها»: a definite generic place word with «نفس/ذات»
        in the trigger's clause names the last place of that kind told before (a province for
        «المحافظة», any place below country level otherwise), however far back."""
        toks = self.view.doc.tokens
        lo, hi = self.view.clause(i)
        for k in range(lo, hi - 1):
            t = toks[k]
            if not (t.has_article or "ال" in t.prefix) or not (t.stem in PLACE_GENERICS or
                                                               _bare_word(t.norm)[2:] in PLACE_GENERICS):
                continue
            admin = (t.stem or _bare_word(t.norm)[2:]) in ADMIN_GENERICS
            nxt = toks[k + 1]
            # «في المحافظة ذاتها», or a province told by an adjective only («في المحافظة الجبلية»)
            described = admin and nxt.is_word and nxt.has_article and not self.place_starts_at(k + 1) \
                and not self.place_starts_at(k) and nxt.norm.endswith(("يه", "ية"))
            if nxt.norm not in SAME_WORDS and not described:
                continue
            for s in range(toks[k].sent, max(-1, toks[k].sent - 12), -1):
                ps = [p for p in self.places_by_sent.get(s, []) if p.end <= t.start and not is_country(p)
                      and (_is_admin(p) or not admin) and not self.not_event_place(p)
                      and not self._in_history_stretch(p, s)]
                if ps:
                    last = ps[-1]
                    if not admin and len(ps) > 1 and _is_admin(last) and not _is_admin(ps[-2]) and ps[-2].admin1 \
                            and ps[-2].admin1 in (last.admin1, last.name) and last.start - ps[-2].end <= 30:
                        return ps[-2]  # «قرب مدينة اعزاز في ريف حلب الشمالي»: the town its province qualifies
                    return last
            return None
        return None

    # -- date ---------------------------------------------------------------
    def timex_in_stretch(self, sent: int, i: int) -> bool:
        """A date (not a «منذ …» start) before the trigger in its sentence («وشن طيران التحالف
        الجمعة، سلسلة من الغارات»), or after it with no punctuation between: the mention is
        dated news, not a reference."""
        t_start = self.view.doc.tokens[i].start
        return any(not self._since(t) and (t.start < t_start or self._same_stretch(t_start, t.start))
                   for t in self.timex_by_sent.get(sent, []))

    def future_in_stretch(self, sent: int, i: int) -> bool:
        """A day to come in the trigger's stretch, no other trigger between («المقرر في 6 أغسطس
        المقبل», «مسيرة يفترض أن تنطلق الأحد المقبل»): the event is planned."""
        pub = self.view.doc.published
        t_start = self.view.doc.tokens[i].start
        return any(_future(t, pub) and not self._since(t) and self._same_stretch(t_start, t.start)
                   and not self._trigger_between(t_start, t.start) for t in self.timex_by_sent.get(sent, []))

    def _time_anaphor(self, sent: int) -> bool:
        """«في الشهر نفسه», «العام ذاته», «آنذاك»: the sentence takes the time of the one before."""
        lo, hi = self.view.sent_ranges[sent]
        toks = self.view.doc.tokens
        for k in range(lo, hi):
            if toks[k].norm in TIME_ANAPHORS:
                if toks[k].norm in ("انذاك", "حينها", "حينذاك", "وقتها", "حينئذ"):
                    return True
                if k > lo and toks[k - 1].norm in ("الشهر", "العام", "اليوم", "الاسبوع", "السنه", "الوقت", "الفتره"):
                    return True
        return False

    def has_own_day(self, sent: int) -> bool:
        """Does the sentence name a day of its own (not a «منذ …» start)?"""
        return any(_gran_rank(t) == 0 and not self._since(t) for t in self.timex_by_sent.get(sent, []))

    def ongoing_since_long(self, sent: int, i: int | None = None) -> bool:
        """«تشهد مدينة حلب معارك متواصلة منذ صيف 2012»: the sentence's only time is a «منذ …»
        start older than the news window, so it tells a situation, not the day's news (unless a
        relative clause owns it: «… طيران التحالف الذي تقوده المملكة منذ 26 مارس»)."""
        pub = self.view.doc.published
        tx = self.timex_by_sent.get(sent, [])
        if pub is None or not tx or not all(self._since(t) for t in tx):
            return False
        if i is not None:
            toks = self.view.doc.tokens
            tx = [t for t in tx if not (t.start > toks[i].end and any(
                toks[k].norm in RELATIVES for k in range(i + 1, self.view.token_at(t.start))))]
        for t in tx:
            last = _timex_last_day(t)
            if last is not None and (pub - last).days > NEWS_WINDOW_DAYS:
                return True
        return False

    def date(self, sent: int, i: int) -> tuple[str | None, int, bool, str | None]:
        """(ISO date, ACLED time precision, background, period) for the trigger; ``period`` names
        a date of month precision or coarser as the text gave it ("2014", "September 2017")."""
        doc = self.view.doc
        t_start = doc.tokens[i].start
        timex = None
        pub = doc.published
        # a month or a year that holds the publication day («هذا العام») dates nothing
        # «منذ الأسبوع الماضي» dates the start of something ongoing, not this event
        # a day after publication («6 أغسطس المقبل») is a plan's, never a reported event's
        own = [t for t in self.timex_by_sent.get(sent, []) if not _holds(t, pub) and not self._since(t)
               and not self._other_clause_period(t, i) and not _future(t, pub)]
        if own:
            # «الهجوم الانتحاري الذي وقع مطلع الأسبوع»: the trigger's own adjective is no other trigger
            k = i
            while k + 1 < len(doc.tokens) and self._hit_at(k + 1):
                k += 1
            t_last = doc.tokens[k].start
            timex = min(own, key=lambda t: (0 if self._same_stretch(t_start, t.start) else 1,
                                            1 if self._trigger_between(t_last if t.start > t_start else t_start,
                                                                       t.start) else 0, _gran_rank(t),
                                            0 if t.start >= t_start else 1, abs(t.start - t_start)))
        elif self._time_anaphor(sent) and (before := [t for t in self.timex_by_sent.get(sent - 1, [])
                                                      if not self._since(t) and not _future(t, pub)]):
            timex = before[-1]  # «وفي الشهر نفسه شنت مقاتلات …»: the time of the sentence before
        else:
            # the previous sentence's day, else the day the lead gives (news tell the day once)
            prev = [t for t in self.timex_by_sent.get(sent - 1, []) if _gran_rank(t) == 0 and not self._relative_day(t)
                    and not _future(t, pub) and not self._since(t)]
            # the lead's day dates later sentences only when it is news (not «سقوط الموصل في 10
            # يونيو 2014», not a date to come)
            lead = [t for s in (0, 1) if s < sent - 1 for t in self.timex_by_sent.get(s, []) if _gran_rank(t) == 0
                    and not _future(t, pub) and not _old(t, pub)]
            timex = prev[-1] if prev else (lead[0] if lead else None)
        if timex is not None:
            date, precision = _timex_date(timex)
            if date is not None and self._day_after(i) and precision == 1:
                # «غداة هجوم انتحاري»: the trigger happened the day before the sentence's day
                date = (dt.date.fromisoformat(date) - dt.timedelta(days=1)).isoformat()
            elif date is not None and precision == 1 and timex.end <= doc.tokens[i].start and self._in_wake(i):
                # «أمر الحكام السبت بتسليح الحرس في أعقاب هجمات أدت إلى مقتل …»: the main clause's day is
                # after the event it follows; the day before, approximate
                date = (dt.date.fromisoformat(date) - dt.timedelta(days=1)).isoformat()
                precision = 2
            if date is not None:
                background = False
                if pub is not None:
                    try:
                        first = dt.date.fromisoformat(date)
                    except ValueError:
                        first = None
                    last = _timex_last_day(timex)
                    if first is not None and last is not None and (pub - last).days > NEWS_WINDOW_DAYS:
                        background = True
                    # a month or a year named, before the publication's month: history, not news
                    if precision == 3 and last is not None and last < pub.replace(day=1):
                        background = True
                    # likewise a week named, before the publication's week («في الأسبوع الماضي
                    # استعاد التحالف … عدن»): week-level history, not the day's news
                    if timex.granularity == "week" and last is not None \
                            and last < pub - dt.timedelta(days=pub.weekday()):
                        background = True
                return date, precision, background, period_label(timex.value, timex.granularity) \
                    if precision >= 3 else None
        if pub is not None:
            if self._day_after(i):
                return (pub - dt.timedelta(days=1)).isoformat(), 2, False, None
            return pub.isoformat(), 2, False, None
        return None, 3, False, None

    def _in_wake(self, i: int) -> bool:
        """«في أعقاب هجمات», «عقب الهجوم», «إثر تفجير» right before a noun trigger: what the main clause
        tells came after it."""
        toks = self.view.doc.tokens
        return i > 0 and toks[i - 1].sent == toks[i].sent and toks[i].prefix == "" \
            and _bare_word(toks[i - 1].norm) in WAKE_WORDS and not self._hit_at(i - 1)

    def _day_after(self, i: int) -> bool:
        """«غداة هجوم», «غداة الهجوم»: the sentence tells the day after the trigger's event."""
        toks = self.view.doc.tokens
        # also past the trigger's head noun: «غداة اعتداء انتحاري» (the trigger is «انتحاري»)
        return any(k >= 0 and toks[k].sent == toks[i].sent and _bare_word(toks[k].norm) in ("غداه", "غداة")
                   and (k == i - 1 or toks[k + 1].is_word and not self._hit_at(k + 1) and not toks[k + 1].prefix)
                   for k in (i - 1, i - 2))


def _future(t: Timex, pub: dt.date | None) -> bool:
    """A day after the publication day («6 أغسطس المقبل», «الأحد المقبل»)."""
    if pub is None or _gran_rank(t) != 0:
        return False
    try:
        return dt.date.fromisoformat((t.value or "")[:10]) > pub
    except ValueError:
        return False


def _old(t: Timex, pub: dt.date | None) -> bool:
    """A time that ended before the news window."""
    last = _timex_last_day(t)
    return pub is not None and last is not None and (pub - last).days > NEWS_WINDOW_DAYS


def _holds(t: Timex, pub: dt.date | None) -> bool:
    if pub is None or _gran_rank(t) < 2:
        return False
    v = t.value or ""
    return v[:4] == f"{pub.year:04d}" and (len(v) == 4 or v[5:7] == f"{pub.month:02d}")


def _gran_rank(t: Timex) -> int:
    return {"day": 0, "week": 1, "range": 1, "month": 2, "year": 3}.get(t.granularity, 4)


def _timex_date(t: Timex) -> tuple[str | None, int]:
    v = t.value or ""
    if t.end_value and t.end_value != t.value and len(t.end_value) >= 10:
        return t.end_value[:10], 2  # a range («شهر رمضان»): its last day, approximately
    if len(v) >= 10 and v[4] == "-" and v[7] == "-":
        return v[:10], 1
    if "-W" in v:
        try:
            year, week = v.split("-W")
            return dt.date.fromisocalendar(int(year), int(week[:2]), 1).isoformat(), 2
        except ValueError:
            return None, 3
    if len(v) == 7 and v[4] == "-" and v[:4].isdigit() and v[5:].isdigit():
        return v + "-01", 3
    if len(v) >= 4 and v[:4].isdigit():  # a year, or a season of it («صيف 2012» = 2012-SU)
        return v[:4] + "-01-01", 3
    return None, 3


def _timex_last_day(t: Timex) -> dt.date | None:
    v = t.end_value or t.value or ""
    try:
        if len(v) >= 10:
            return dt.date.fromisoformat(v[:10])
        if len(v) == 7 and v[5:7].isdigit():
            y, m = int(v[:4]), int(v[5:7])
            return (dt.date(y + (m == 12), m % 12 + 1, 1) - dt.timedelta(days=1))
        if len(v) >= 4 and v[:4].isdigit() and "-W" not in v:
            return dt.date(int(v[:4]), 12, 31)
        if "-W" in v:
            year, week = v.split("-W")
            return dt.date.fromisocalendar(int(year), int(week[:2]), 7)
    except ValueError:
        return None
    return None


def _compass_word(t) -> bool:
    w = t.norm
    return (t.stem in COMPASS or w in COMPASS or _bare_word(w) in COMPASS
            or (w.startswith("ال") and w[2:] in COMPASS) or (w.startswith("بال") and w[3:] in COMPASS))


def _number_word_value(word: str) -> int | None:
    """The value of an exact or scale number word («مئة», «خمسين»), None for a vague one."""
    words, _ = numbers()
    for cand in readings(word):
        if cand in words and words[cand][1] != "vague":
            return words[cand][0]
    return None


def _bare_word(w: str) -> str:
    """A word without a leading conjunction و/ف (when what remains is a word)."""
    return w[1:] if len(w) > 3 and w[0] in "وف" else w


# a border named before a place makes it a reference point («على الحدود مع …», «الحدودية مع …»)
BORDER_WORDS = frozenset({"الحدود", "حدود", "الحدوديه", "الحدودي", "بالحدود"})

# a hospital in a place is where the wounded were taken or a source works, not a target
HOSPITAL_WORDS = frozenset({"مستشفي", "المستشفي", "مستشفيات", "لمستشفي", "بمستشفي"})

# «في أعقاب X», «عقب X», «إثر X»: after X
WAKE_WORDS = frozenset({"اعقاب", "عقب", "اثر"})

# the «that» of a report after a speech verb («قال إن», «أفاد بأن»); not «إنه/إنها», whose pronoun is
# often the speaker itself («وتبنى التنظيم الهجوم قائلا إنه استهدف …»)
REPORT_THAT = frozenset({"ان", "بان"})

# a contrast or a new clause between two places ends a list of targets («لكنها», «بينما»)
CONTRAST = frozenset({"لكن", "لكنها", "لكنه", "لكنهم", "ولكن", "ولكنها", "ولكنه", "بينما", "فيما"})
