"""The events stage: triggers → ACLED event type and sub-event type (and PLOVER), arguments,
modality, fatalities, merged mentions and an English note.

Every event found is kept in ``doc.events``: those reported as denied, threatened, planned,
expected, conditional, attempted, called for, or asked about carry that ``modality`` (and a
lower confidence); history older than the article's news window carries ``background=True``.
``reportable(event)`` is the ACLED view (asserted, current events), the one the benchmark
scores and an ACLED export should use.
"""

from __future__ import annotations

import copy
import dataclasses
import functools

from marsad.document import ArgRef, Document, Event, Span
from marsad.events import learned
from marsad.events.arguments import Arguments, arg_of, is_armed, is_country, is_state
from marsad.events.context import View, readings
from marsad.events.fatalities import Count, counts_in_sentence
from marsad.events.lexicon import numbers, wordlist
from marsad.events.merge import km, merge, same_place
from marsad.events.modality import ASSERTED, BARRIERS, modality_of
from marsad.events.notes import make_notes
from marsad.events.triggers import Hit, find_triggers, has_weapon, refine

TERRITORY = frozenset({"Government regains territory", "Non-state actor overtakes territory"})
CAMPAIGN_WORDS = wordlist("campaign_words")
ACHIEVED_WORDS = wordlist("achieved_words")
# an agreement is an event when it is reached or signed, not when a truce is mentioned
AGREE_WORDS = wordlist("agree_words")
ABOUT_WORDS = wordlist("about_words")
FUTURE_AFTER = wordlist("future_after")
DEMONSTRATIVES = wordlist("demonstratives")
CRIMINAL_WORDS = wordlist("criminal_words")
POLITICAL_ARREST = wordlist("political_arrest")
ANNOUNCE_WORDS = wordlist("announce_words")
VIOLENT_TYPES = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians", "Riots"})
CIVILIAN_INTER = 7
# «تعرض لهجوم» (underwent an attack) is asserted, unlike the purpose «للسيطرة على»
UNDERGO = wordlist("undergo")
AGO_UNITS = wordlist("ago_units")
COMMENTATORS = wordlist("commentators")
HABITUAL_AFTER = wordlist("habitual_after")
PROTESTED_WORDS = wordlist("protested_words")
RELATIVE_WORDS = wordlist("relatives")
START_VERBS = frozenset({"تفجرت", "اندلعت", "بدات", "اشتعلت", "تفجر", "اندلع", "اشتعل"})
DAY_SPANS = frozenset({"ايام", "يومين", "اسبوع", "اسبوعين", "يوم"})
SUPPORT_WORDS = wordlist("support_words")
PROTESTER_WORDS = wordlist("protester_words")
ENDED_AFTER = wordlist("ended_after")
USE_WORDS = wordlist("use_words")
TERRITORY_NOUNS = wordlist("territory_nouns")
OBJECT_SKIP = wordlist("object_skip")
CREDIT_WORDS = wordlist("credit_words")
SIMILE_BEFORE = wordlist("simile_before")
SIMILE_AFTER = wordlist("simile_after")
SINCE_START = wordlist("since_start")
SPAN_AFTER_UNITS = wordlist("span_after_units")
VAGUE_PAST = wordlist("vague_past")
CAPTIVE_NOUNS = wordlist("captive_nouns")
LONG_SPANS = frozenset({"اشهر", "شهور", "شهرين", "اسابيع", "اسبوعين", "اعوام"})
HEARD_WORDS = frozenset({"دوي", "اصوات", "صوت", "سماع"})
ORDINALS = frozenset({"اول", "ثاني", "ثالث", "اخر", "احدث", "اكبر", "اعنف", "اسوا"})
SPAN_WORDS = frozenset({"مدي", "طوال", "خلال"})
CLAUSE_GROUPS = frozenset({"@attack"})
NAMED_GROUPS = frozenset({"@attack", "@explosion"})  # «هجوم سوروتش», «تفجير بوسطن»: named by their place
SUPPORT_GROUPS = frozenset({"@attack", "@strike_or_attack"})


# the lowest confidence an event may have and still be reported (the ACLED view)
REPORT_THRESHOLD = 0.45
# sub-event types whose single, bloodless mention is weak evidence: an abduction, a looting, an
# attack on civilians or a foiled plot told once in passing is most often background, commentary
# or another story's context («الميليشيات … خطف وقتل وتشريد»), not the day's news
WEAK_SUBTYPES = frozenset({"Abduction/forced disappearance", "Attack", "Looting/property destruction",
                           "Change to group/activity", "Disrupted weapons use"})
WEAK_PENALTY = 0.5


def evidence_confidence(e: Event, own_day: bool = False, guessed: bool = False) -> float:
    """An event's confidence from all its evidence once its mentions are merged: the trigger's
    base (its weight, own place, named agent, modality) plus repeated mentions and a toll, less
    the weak-evidence penalty for a single bloodless mention of a weak sub-event type that has
    neither a day of its own in its sentence nor a named agent (``own_day``: the sentence names a
    day: «وخطف مسلحون حوثيون أمس ثلاثة صحفيين» is news)."""
    conf = e.confidence + 0.05 * (min(len(e.mentions), 3) - 1) + (0.1 if e.fatalities else 0.0)
    if e.sub_event_type in WEAK_SUBTYPES and len(e.mentions) <= 1 and not e.fatalities \
            and not (own_day and e.actor1 is not None):
        conf -= WEAK_PENALTY
    if guessed and len(e.mentions) <= 1 and not e.fatalities and not own_day and e.actor1 is None:
        conf -= WEAK_PENALTY  # a bare «استهدفت» typed by default, told once, with no day nor toll
    return max(0.05, min(0.99, conf))


def _bare(word: str | None) -> str:
    """A word without a leading conjunction و/ف (when what remains is a word)."""
    w = word or ""
    return w[1:] if len(w) > 3 and w[0] in "وف" else w


def reportable(e: Event) -> bool:
    """An event ACLED would record from this article: asserted, not background history, located
    below the country level, and with confidence at least ``REPORT_THRESHOLD``."""
    return e.modality == ASSERTED and not e.background and e.place is not None and not is_country(e.place) \
        and e.confidence >= REPORT_THRESHOLD


@functools.cache
def country_name(code: str | None) -> str | None:
    if not code:
        return None
    try:
        import pycountry

        c = pycountry.countries.get(alpha_2=code.upper())
    except (ImportError, LookupError):
        return code
    if c is None:
        return code
    return getattr(c, "common_name", None) or c.name


def _requirements_met(req: str, facts: dict[str, bool]) -> bool:
    for alt in req.split("|"):
        conds = [c.strip() for c in alt.split("&") if c.strip()]
        if all(c == "none" or facts.get(c, False) for c in conds):
            return True
    return False


class Events:
    name = "events"
    needs: tuple[str, ...] = ("tokens",)
    adds: tuple[str, ...] = ("events",)

    def __call__(self, doc: Document) -> None:
        view = View.of(doc)
        hits = find_triggers(view)
        view.hits = hits
        if not hits:
            doc.events = []
            return
        finder = Arguments(view)
        finder.trigger_starts = sorted(doc.tokens[h.i].start for h in hits)
        counts: dict[int, list[Count]] = {}
        raw: list[tuple[Event, int]] = []
        generic: set[int] = set()
        own_day: set[int] = set()  # events whose sentence names a day of its own
        dated: set[int] = set()  # events dated by a time of their own sentence
        led_to: set[int] = set()  # clashes told after «بعد/عقب/إثر»
        told: list[tuple[Event, int]] = []
        prev_ref = False
        unplaced: set[int] = set()  # events that must not take a later mention's place
        for n, hit in enumerate(hits):
            sent = doc.tokens[hit.i].sent
            if sent not in counts:
                counts[sent] = counts_in_sentence(view, sent)
            nxt = hits[n + 1] if n + 1 < len(hits) else None
            stop = doc.tokens[nxt.i].start if nxt is not None and doc.tokens[nxt.i].sent == sent \
                else doc.sentences[sent].end
            prev = hits[n - 1] if n else None
            if hit.entry.pos == "V" and prev is not None and prev.entry.pos == "N" and doc.tokens[prev.i].sent == sent \
                    and hit.i == prev.j and raw and raw[-1][0].trigger.start == doc.tokens[prev.i].stem_start \
                    and raw[-1][0].event_type in VIOLENT_TYPES:
                # «شنوا هجوما استهدف تجمعا للجيش»: the verb right after the noun tells its target
                raw[-1][0].mentions.append(Span(doc.tokens[hit.i].stem_start, doc.tokens[hit.j - 1].end))
                continue
            if hit.entry.pos == "V" and prev is not None and prev.entry.pos == "N" and doc.tokens[prev.i].sent == sent \
                    and hit.i == prev.j and told and told[-1][1] == sent and hit.entry.event_type != "@territory" \
                    and told[-1][0].event_type in VIOLENT_TYPES \
                    and any(m.start == doc.tokens[prev.i].stem_start for m in told[-1][0].mentions):
                # «وكان الهجوم استهدف منشأتين»: the verb right after a noun that named a known event
                # tells that event too
                told[-1][0].mentions.append(Span(doc.tokens[hit.i].stem_start, doc.tokens[hit.j - 1].end))
                continue
            if hit.entry.pos == "N" and raw and raw[-1][1] == sent \
                    and raw[-1][0].event_type in VIOLENT_TYPES and raw[-1][0].modality == ASSERTED \
                    and (hit.entry.sub_event_type == "@destroy"
                         or hit.entry.sub_event_type == "Shelling/artillery/missile attack"
                         and _instrument(doc.tokens, view.sent_ranges[sent][0], hit.i)):
                # «… استخدموا خلاله أسلحة متوسطة فضلا عن قذائف»: the weapons of the attack told before;
                # «… ما تسبب بمقتل جنديين وتدمير مدرعة»: what it destroyed
                raw[-1][0].mentions.append(Span(doc.tokens[hit.i].stem_start, doc.tokens[hit.j - 1].end))
                continue
            for ev, by_default, anaphoric in self._events(view, finder, hit, sent, counts[sent], stop):
                if hit.entry.pos == "V" and prev is not None and prev_ref and doc.tokens[prev.i].sent == sent \
                        and 0 <= hit.i - prev.j <= 1 and ev.modality == ASSERTED:
                    ev.modality = "reference"  # «إن الهجوم استهدف أيضا سفينة»: the verb tells the known attack
                if prev is not None and doc.tokens[prev.i].sent == sent and ev.modality == ASSERTED \
                        and _coordinated(doc.tokens, prev.j, hit.i) \
                        and (prev_mod := modality_of(view, prev.i, prev.entry.future)) in NEGATED:
                    ev.modality = prev_mod  # «ليس هناك سيطرة أو معارك»: the negation covers the list
                if ev.modality == ASSERTED and hit.entry.pos == "N" and hit.prefix.startswith("و") and raw \
                        and raw[-1][1] == sent and raw[-1][0].modality in ("reference", "state") \
                        and raw[-1][0].sub_event_type in TERRITORY and ev.sub_event_type in TERRITORY \
                        and view.clause(hit.i)[0] <= view.token_at(raw[-1][0].trigger.start):
                    ev.modality = raw[-1][0].modality  # «أسهم في تحرير عدن واستعادة عدد من المناطق»
                if ev.place is None and ev.event_type in VIOLENT_TYPES and _protested(view, sent, hit.i):
                    unplaced.add(id(ev))  # what a protest is about gets no place from a later mention
                if anaphoric and (host := self._resolve_anaphor(
                        ev, sent, raw, by_default and ev.event_type == "Battles", unplaced)) is not None:
                    told.append((host, sent))  # its sentence's toll belongs to the event it names
                    if ev.date and id(host) not in dated and finder.timex_in_stretch(sent, hit.i):
                        # «وشن المتمردون هجوما على معسكر …» (no day) then «الهجوم على قاعدة … مساء يوم
                        # الجمعة أسفر عن …»: the later mention gives the event its day
                        host.date, host.time_precision = ev.date, ev.time_precision
                        dated.add(id(host))
                    continue
                if (ref := _relative_to_event(view, sent, hit.i, raw)) is not None:
                    # «وقبل أقل من 24 ساعة على هذا الهجوم دمر انفجار شاحنة مفخخة …»: dated from the
                    # event it is told against, not from the publication day
                    ev.date, ev.time_precision = ref.date, ref.time_precision
                    dated.add(id(ev))
                raw.append((ev, sent))
                if finder.timex_in_stretch(sent, hit.i):
                    dated.add(id(ev))
                if ev.sub_event_type == "Armed clash" and hit.i > 0 and \
                        _bare(doc.tokens[hit.i - 1].norm) in ("بعد", "عقب", "اثر", "إثر"):
                    led_to.add(id(ev))
                if finder.has_own_day(sent):
                    own_day.add(id(ev))
                if by_default:
                    generic.add(id(ev))
            prev_ref = bool(raw) and raw[-1][0].trigger.start == doc.tokens[hit.i].stem_start \
                and raw[-1][0].modality == "reference"
        _incident_days(view, finder, raw, dated)
        self._assign_fatalities(view, raw + told, counts)
        events = merge([e for e, _ in raw], generic, dated, led_to, doc.text)
        for e in events:
            e.confidence = evidence_confidence(e, id(e) in own_day, id(e) in generic)
            e.notes = make_notes(e, finder.periods.get(e.date or ""))
        doc.events = events
        # the learned place chooser and event filter (events/learned.py; MARSAD_EVENTS_MODEL=off: rules alone)
        for e in learned.apply(doc, events, finder, REPORT_THRESHOLD):
            e.notes = make_notes(e, finder.periods.get(e.date or ""))

    # -- one trigger --------------------------------------------------------
    def _events(self, view: View, finder: Arguments, hit: Hit, sent: int, counts: list[Count],
                stop: int) -> list[tuple[Event, bool, bool]]:
        """The event of a trigger, and one more per further place listed after its own."""
        found = self._event(view, finder, hit, sent, counts)
        if found is None:
            return []
        ev, by_default, anaphoric = found
        out = [(ev, by_default, anaphoric)]
        extra: list = []
        if ev.place is not None and ev.event_type == "Explosions/Remote violence":
            extra = finder.extra_places(sent, ev.place, stop)
        elif ev.place is not None and ev.sub_event_type == "Armed clash":
            # «اشتباكات … في محافظتي مأرب وتعز»: fighting in two provinces joined by «و» right
            # after the first is a clash in each, as merge never crosses a governorate (towns of one
            # front, «مدينتي الرمادي والفلوجة», «مناطق الجفينة والسائلة», stay one record)
            toks = view.doc.tokens
            extra = [p for p in finder.extra_places(sent, ev.place, stop)
                     if _province(ev.place) and _province(p) and p.admin1 != ev.place.admin1
                     and p.end - p.start > 1 and toks[view.token_at(p.start)].start < p.start
                     and view.doc.text[toks[view.token_at(p.start)].start:p.start] == "و"
                     and view.token_at(p.start) - view.token_at(ev.place.end - 1) == 1][:1]
        if extra:
            for p in extra:
                clone = copy.copy(ev)
                clone.place = p
                clone.mentions = list(ev.mentions)
                out.append((clone, by_default, False))
        return out

    @staticmethod
    def _resolve_anaphor(ev: Event, sent: int, raw: list[tuple[Event, int]], loose: bool = False,
                         unplaced: set[int] | None = None) -> Event | None:
        """«ووقع التفجير في ساعة الذروة»: fold a definite, agentless mention into the last event
        of its type told in the three sentences before (and give it its place when that event
        was placed only in a country); None when there is none. ``loose``: the mention's type was
        only guessed (a bare «الهجوم»), so it names the last violent event of any type, and its place
        (often another clause's: «المسؤولية عن الهجوم إلا أن … في بغداد») is not given to it."""
        for prev, psent in reversed(raw):
            if sent - psent > 3:
                break
            if prev.modality != ASSERTED or (prev.background and sent - psent > 1):
                continue
            if prev.event_type != ev.event_type:
                if not (loose and prev.event_type in VIOLENT_TYPES):
                    continue
                if ev.place is None or prev.place is None or is_country(prev.place) \
                        and prev.place.country == ev.place.country or same_place(prev.place, ev.place):
                    prev.mentions.extend(ev.mentions)
                    return prev
                continue
            if ev.place is None or (prev.place is not None and not is_country(prev.place)
                                    and (same_place(prev.place, ev.place) or km(prev.place, ev.place) <= 50)):
                prev.mentions.extend(ev.mentions)
                if ev.place is not None and sent - psent <= 1 and _province(prev.place) and not _province(ev.place) \
                        and ev.place.admin1 and ev.place.admin1 == prev.place.admin1:
                    # «غارات على مواقع … في محافظة الحديدة» then «القصف استهدف مبنى … في مديرية حيس»: the
                    # reference tells where in the province it was
                    prev.place = ev.place
                return prev
            if sent - psent <= 1 and prev.place is None and id(prev) in (unplaced or ()):
                prev.mentions.extend(ev.mentions)  # what a protest is about, named again: no place given
                return prev
            if sent - psent <= 1 and not is_country(ev.place) and (
                    prev.place is None or is_country(prev.place) and prev.place.country == ev.place.country):
                # «هاجم انتحاريان حمام سباحة في شمال العراق. وأسفر الهجوم الذي وقع في بلدة طوز خورماتو
                # …»: the next sentence's reference tells where the event the lead only placed in a country was
                prev.mentions.extend(ev.mentions)
                prev.place = ev.place
                return prev
        return None

    def _event(self, view: View, finder: Arguments, hit: Hit, sent: int,
               counts: list[Count]) -> tuple[Event, bool, bool] | None:
        doc = view.doc
        entry = hit.entry
        words = view.sentence_words(sent)
        if entry.sub_event_type in SUPPORT_GROUPS:
            words = _words_without_support(view, *view.sent_ranges[sent])  # «هجوما واسعا بدعم من طيران التحالف»
        sent_norm = view.sentence_norm(sent)
        agent, target = finder.agents_and_targets(sent, hit.i, hit.j, entry.pos, entry.event_type == "@territory")
        place, _ = finder.place(sent, hit.i, hit.j)
        if place is not None:
            place = finder.province_of_sentence(place, sent)
        if place is not None and (finer := finder.finer_place_before(sent, place)) is not None:
            place = dataclasses.replace(finer, precision=max(finer.precision, 2))
        sent_actors = finder.actors_by_sent.get(sent, [])
        facts = {
            "place": place is not None and not is_country(place),
            "armed": any(is_armed(a) for a in sent_actors),
            "fatal": bool(counts),
            "weapon": has_weapon(words, sent_norm),
        }
        facts["violence"] = facts["armed"] or facts["fatal"] or facts["weapon"]
        facts["agree"] = bool(words & AGREE_WORDS)
        facts["announced"] = bool(words & ANNOUNCE_WORDS)
        if not _requirements_met(entry.req, facts):
            return None

        if entry.pos == "N" and entry.event_type == "@territory" and agent is None:
            return None  # «المشاركين في تحرير مدن …»: a capture nobody is said to make is no event here
        if entry.sub_event_type == "Non-violent transfer of territory" and any(
                h is not hit and h.entry.event_type in ("Battles", "@territory") and doc.tokens[h.i].sent == sent
                for h in view.hits):
            return None  # «معارك … أسفرت عن تقدم المقاومة وانسحاب الحوثيين»: no non-violent transfer
        if entry.sub_event_type == "Arrests" and (words & CRIMINAL_WORDS or not (
                words & POLITICAL_ARREST or facts["weapon"] or any(is_armed(a) and not is_state(a) for a in sent_actors)
                or any(h is not hit and h.entry.event_type != "Strategic developments"
                       and doc.tokens[h.i].sent == sent for h in view.hits))):
            return None  # ACLED records political arrests, not the police blotter
        etype, sub = entry.event_type, entry.sub_event_type
        by_default = False
        if etype == "@territory":
            if agent is not None and is_state(agent):
                etype, sub = "Battles", "Government regains territory"
            elif agent is not None and is_armed(agent):
                etype, sub = "Battles", "Non-state actor overtakes territory"
            elif sub == "@gov_default_yes":
                etype, sub = "Battles", "Government regains territory"
            else:
                etype, sub = "Battles", "Non-state actor overtakes territory"
        elif sub.startswith("@"):
            toks_all = doc.tokens
            refined = refine(sub, words, sent_norm)
            if refined is not None and sub in CLAUSE_GROUPS:
                # a bare «هجوم» takes its kind from its own clause: «قصفت طائرات التحالف …، بينما
                # قتل 9 في هجوم للمقاومة» is a strike and a clash, not two strikes
                lo, hi = view.clause(hit.i)
                c_words = _words_without_support(view, lo, hi)
                c_refined = refine(sub, c_words, " " + " ".join(t.norm for t in toks_all[lo:hi]) + " ")
                if c_refined is not None and c_refined[:2] != refined[:2] and _other_trigger_outside(hit, lo, hi, sent, view):
                    refined = c_refined
            if refined is None:
                return None
            etype, sub, by_default = refined
            # a bare «هجوم» / «استهدف» not typed as a bombing or a strike may be another
            # mention of one: it folds into such an event of its sentence, place and day
            # (not when a cue made it a clash: «صد هجوما», «هجوم … بأسلحة متوسطة» is ground fighting)
            by_default = by_default or (entry.sub_event_type in ("@attack", "@strike_or_attack")
                                        and etype != "Explosions/Remote violence"
                                        and not (etype == "Battles" and not refined[2]))
            if sub == "Attack" and target is not None and is_armed(target) and etype == "Violence against civilians":
                etype, sub = "Battles", "Armed clash"
            elif sub == "Armed clash" and refined[2] and target is not None and target.inter == CIVILIAN_INTER:
                # (a clash a cue decided — «الهجوم على قاعدة عسكرية … أسفر عن مقتل ثمانية مدنيين» —
                # stays one: the civilians are victims of an attack on a military target)
                etype, sub = "Violence against civilians", "Attack"
        if (etype, sub) in (("Battles", "Armed clash"), ("Strategic developments", "Arrests")):
            lo, hi = view.clause(hit.i)
            if any(t.norm in PROTESTER_WORDS or t.stem in PROTESTER_WORDS for t in doc.tokens[lo:hi]) or any(
                    h.entry.event_type == "Protests" and lo <= h.i < hi for h in view.hits):
                # «اشتبكت الشرطة مع متظاهرين», «اعتقل عشرات المحتجين», «اعتقل 200 مدرس خلال قمع
                # مظاهرة»: a protest met by force
                etype, sub = "Protests", "Protest with intervention"
        # houses burnt during a raid are part of the raid (ACLED codes the attack)
        by_default = by_default or sub == "Looting/property destruction"

        toks = doc.tokens
        trigger = Span(toks[hit.i].stem_start, toks[hit.j - 1].end)
        sspan = doc.sentences[sent]
        modality = modality_of(view, hit.i, entry.future)
        first = toks[hit.i]
        sa = view.sent_ranges[sent][0]
        if entry.pos == "N" and modality == ASSERTED and hit.prefix.lstrip("وف") in ("ل", "لل") and \
                not any(t.norm in UNDERGO or t.stem in UNDERGO for t in toks[sa:hit.i]):
            modality = "intended"  # ل + verbal noun is a purpose: «معركة للسيطرة على …»
        if entry.pos == "V" and modality == ASSERTED and hit.prefix.lstrip("وف") == "ل" \
                and not toks[hit.i].norm.startswith("لقد"):
            modality = "intended"  # «تمهد لاستعادتها», «ليسيطر على»: ل before a verb reading is a purpose
        if modality == ASSERTED and sub in TERRITORY and _frees_people(view, finder, hit):
            modality = "rescue"  # «حرر 30 رهينة قرب ديكوا»: captives freed, not a place taken
        if modality == ASSERTED and sub in TERRITORY and _object_not_territory(view, finder, hit):
            modality = "state"  # «سيطر المتمردون على احتياطات الوقود»: control of things, not of a place
        if modality == ASSERTED and entry.pos == "N" and sub in TERRITORY and hit.i > 1 \
                and toks[hit.i - 1].norm == "في" and any(_bare(toks[m].norm) in CREDIT_WORDS
                                                         for m in range(max(sa, hit.i - 4), hit.i - 1)):
            # «جهد كبير أسهم في تحرير محافظة عدن», «لعب دورا مهما في استيلاء الجماعة على صنعاء»:
            # credit for a known capture
            modality = "reference"
        if modality == ASSERTED and entry.present and sub in TERRITORY:
            modality = "state"  # «التي يسيطر عليها التنظيم»: who holds a place, not who took it
        if modality == ASSERTED and entry.pos == "N" and sub in TERRITORY and hit.i > 0 and \
                toks[hit.i - 1].stem in CAMPAIGN_WORDS:
            modality = "campaign"  # «عملية تحرير الرمادي»: an operation under way, not a capture
        if modality == ASSERTED and entry.pos == "N" and sub in TERRITORY and \
                (first.has_article or hit.prefix.endswith("ال")) and not finder.timex_in_stretch(sent, hit.i) \
                and not any(_bare(t.norm) in ACHIEVED_WORDS or _bare(t.stem) in ACHIEVED_WORDS
                            for t in toks[max(sa, hit.i - 6):hit.i]):
            modality = "state"  # «مساعدة الجيش في السيطرة على المطار»: the idea, not a capture told
        if modality == ASSERTED and entry.pos == "N" and sub in TERRITORY and hit.i > 0 and \
                toks[hit.i - 1].norm in ("من", "عن") and not (first.has_article or hit.prefix.endswith("ال")):
            modality = "state"  # «تحرير الأنبار من سيطرة داعش» (but «تمكنت من السيطرة على» took it)
        # a definite verbal noun with no agent of its own («الهجوم», «هذه الغارات», «التفجير
        # الآثم») names an event already told: the one before it, or one the reader knows
        # a bombing or an attack named by a definite noun has its agent as a genitive after it
        # («هجوم التنظيم»); an agent earlier in the sentence is someone else's
        own_agent = agent is not None and (sub in TERRITORY or agent.start >= toks[hit.j - 1].end)
        # a demonstrative («هذه الغارات», «الهجوم هذا») points back whatever follows the noun
        # («بدعم من هذه الغارات ومسلحين موالين»: the coordinated fighters are not its agent)
        pointed = (hit.j < len(toks) and toks[hit.j].norm in DEMONSTRATIVES) or \
            (hit.i > 0 and toks[hit.i - 1].stem in DEMONSTRATIVES) or \
            (hit.i > 1 and toks[hit.i - 1].norm in ORDINALS and toks[hit.i - 2].stem in DEMONSTRATIVES)  # «هذا أول هجوم»
        anaphoric = entry.pos == "N" and (pointed or not own_agent and (first.has_article or hit.prefix.endswith("ال")))
        if modality == ASSERTED and entry.pos == "N" and (sub == "Armed clash" or entry.sub_event_type in NAMED_GROUPS) \
                and finder.place_starts_at(hit.j) and not finder.timex_in_stretch(sent, hit.i):
            # a named battle («معارك صلاح الدين»), a named attack or bombing («هجوم سوروتش», «تفجير
            # بوسطن»): an event the reader knows, not a day's news
            modality = "reference"
        bare_attack = entry.sub_event_type in ("@attack", "@strike_or_attack") and etype == "Battles"
        if anaphoric and modality == ASSERTED and not finder.timex_in_stretch(sent, hit.i) and (
                sub != "Armed clash" or bare_attack or (hit.i > 0 and toks[hit.i - 1].norm in ABOUT_WORDS)):
            # (a bare «الهجوم», «هذا الهجوم» typed as a clash by default is the attack already told)
            # (clashes are news even when definite, unless «خلال الاشتباكات», «حول الاشتباكات»
            # or a named battle «معارك صلاح الدين»)
            modality = "reference"
        if modality == ASSERTED:
            after = [t.norm for t in toks[hit.j:min(hit.j + 6, view.sent_ranges[sent][1])] if t.is_word]
            if any(w in HABITUAL_AFTER for w in (after if entry.present else after[:4])):
                modality = "habitual"  # «ويقصف النظام بانتظام مناطق …», «المواجهة المسلحة في بعض الأحيان»
        if modality == ASSERTED and entry.pos == "V" and entry.present and etype in VIOLENT_TYPES \
                and _bare(toks[hit.i].norm)[:1] in ("ي", "ت") and _in_relative_clause(toks, sa, hit.i) and not finder.timex_in_stretch(sent, hit.i):
            modality = "habitual"  # «محافظة لحج التي تنطلق منها الصواريخ وتستهدف المواطنين»: what a place is
        if modality == ASSERTED and entry.pos == "N" and any(
                t.norm in ENDED_AFTER or _bare(t.norm) in ENDED_AFTER
                for t in toks[hit.j:min(hit.j + 2, view.sent_ranges[sent][1])]):
            modality = "ended"  # «ومع أن المعارك توقفت في عدن»: fighting that has stopped
        if modality == ASSERTED and etype == "Explosions/Remote violence" and hit.i > 0 \
                and _bare(toks[hit.i - 1].norm) in HEARD_WORDS and not facts["fatal"] and not facts["weapon"]:
            modality = "heard"  # «وسمع دوي انفجارات»: blasts heard, with no weapon, target or toll told
        if modality == ASSERTED and entry.pos == "N" and hit.i > 1 and toks[hit.i - 1].norm == "من" \
                and (toks[hit.i - 2].norm in AGO_UNITS or toks[hit.i - 2].norm in LONG_SPANS):
            modality = "state"  # «بعد أربعة أشهر من المعارك»: a span of fighting, not a day's
        if modality == ASSERTED and entry.pos == "N" and hit.i > 0 and _bare(toks[hit.i - 1].norm) in PERPETRATOR_WORDS \
                and (first.has_article or hit.prefix.endswith("ال")) \
                and not any(t.start > first.start and finder._same_stretch(first.start, t.start)
                            for t in finder.timex_by_sent.get(sent, [])):
            # «وأن منفذي الهجومين انضما …»: who did an event already told (a day told after it,
            # «منفذ الهجوم الانتحاري الاثنين», is the event's own)
            modality = "reference"
        if modality == ASSERTED and any(_bare(toks[m].norm) in ACCUSE_VERBS for m in range(max(sa, hit.i - 15), hit.i)) \
                and not finder.timex_in_stretch(sent, hit.i):
            # «واتهمت المؤسسة الحكومة بأنها قصفت ثلاث مرات ناقلات نفط»: what someone is accused of, told
            # with no day of its own (an accused strike «أمس» is still the day's news)
            modality = "reference"
        # «تظاهر مئتا شخص في بروكسل للتنديد بالغارات التي يشنها الجيش»: what is protested did not
        # happen at the protest's place (it stays an event, for later mentions to name, with no place)
        protested = etype in VIOLENT_TYPES and _protested(view, sent, hit.i)
        if modality == ASSERTED and entry.pos == "N" and hit.i > 0 and toks[hit.i - 1].norm in ("منذ", "مند"):
            modality = "reference"  # «حملة واسعة منذ هجوم منتجع سوسة»: the start of something else
        if modality == ASSERTED:
            after = [t.norm for t in toks[hit.j:min(hit.j + 5, view.sent_ranges[sent][1])] if t.is_word]
            if any(w in FUTURE_AFTER for w in after):
                modality = "planned"  # «وأن استعادتها من قبضة الانقلابيين سيتم قريبا»
        if modality == ASSERTED and _after_a_span(toks, sa, hit.i):
            modality = "reference"  # «ويأتي القصف بعد وقت قصير من نجاح المقاومة في تحرير عدن»
        if modality == ASSERTED and (_simile(toks, sa, hit.i, hit.j, view.sent_ranges[sent][1])
                                     or _since_start(toks, hit.j, view.sent_ranges[sent][1])):
            # «على غرار تفجير بوسطن», «هجوم مشابه»: a comparison; «قتل 19 في هجمات منذ بداية
            # الأزمة»: an aggregate
            modality = "reference"
        if modality == "attempted" and etype in VIOLENT_TYPES and _survived(toks, view.sent_ranges[sent][0], hit.i):
            modality = ASSERTED  # «نجا من محاولة اغتيال»: the attack took place (ACLED codes it)
        if modality == ASSERTED and _pluperfect_frame(toks, view.sent_ranges[sent][0], hit.i):
            modality = "prior"  # «كانت البعثة قد أعربت عن قلقها إزاء تجدد الاشتباكات»
        date, time_precision, background, period = finder.date(sent, hit.i)
        if date and sub == "Armed clash" and view.doc.published is not None and not background \
                and _started_days_ago(toks, hit.j, view.sent_ranges[sent][1]):
            # «إن الاشتباكات تفجرت قبل أربعة أيام»: the day fighting still told began, not the day of
            # the report, which is the news (and the day the lead tells)
            date, time_precision = view.doc.published.isoformat(), 1
        if modality == ASSERTED and finder.future_in_stretch(sent, hit.i):
            modality = "planned"  # «مسيرة … الأحد المقبل»: dated after publication
        if period and date:
            finder.periods.setdefault(date, period)  # «عام 2014» → "In 2014", not "In January 2014"
        if modality == ASSERTED and _commentator_speaks(view, sent, hit.i) and not finder.has_own_day(sent):
            modality = "commentary"  # «وقال المحلل السياسي … إن الحوثي بات يسيطر …»: an analyst's view
        if modality == "prior" and time_precision == 1 and not background and finder.has_own_day(sent):
            modality = ASSERTED  # «وكان 5 من الحوثيين قتلوا صباح الأربعاء في هجوم …»: dated, in the window
        if modality == ASSERTED and _after_was(toks, view.sent_ranges[sent][0], hit.i):
            modality = "prior"  # «قضت ليلة هادئة بعد أن كانت هدفا لغارات كل ليلة»: the state before
        if modality == ASSERTED and _vague_past(toks, sa, view.sent_ranges[sent][1], hit.i, hit.j) \
                and not finder.has_own_day(sent):
            modality = "prior"  # «وكانت الصقلاوية شهدت في الأيام القليلة الماضية اشتباكات», «سيطرت مؤخرا»
        if modality == ASSERTED and finder.ongoing_since_long(sent, hit.i):
            modality = "state"  # «تشهد حلب معارك متواصلة منذ صيف 2012»
        if not background and (_chronicle_line(view, sent) or _years_ago(view, sent, hit.i)):
            background = True  # «1964- البحرية الفيتنامية …», «القنبلة التي انفجرت قبل 70 عاما»

        if sub == "Air/drone strike" and entry.sub_event_type in ("@strike", "@strike_or_attack") \
                and agent is not None and is_armed(agent) and not is_state(agent) and agent.inter != 8 \
                and agent.start < toks[hit.i].start:
            # «إن المقاومة الشعبية قصفت مواقع … بالتزامن مع تحليق طيران التحالف»: a non-state
            # agent's strike is air only when its own clause says so
            lo, hi = view.clause(hit.i)
            c_refined = refine(entry.sub_event_type, _words_without_support(view, lo, hi),
                               " " + " ".join(t.norm for t in toks[lo:hi]) + " ")
            if c_refined is not None and c_refined[1] != "Air/drone strike" and c_refined[0] == etype:
                sub = c_refined[1]
        if sub == "Air/drone strike" and agent is not None and not is_state(agent) and agent.inter != 8:
            # aircraft are a state's or a coalition's: a rebel group found as agent is the target
            agent, target = None, target or agent
        actor1 = arg_of(agent) if agent is not None else None
        actor2 = arg_of(target) if target is not None else None
        if sub == "Government regains territory" and actor2 is None:
            opp = finder.most_salient_opponent(agent.actor_id if agent else None)
            if opp is not None:
                actor2 = arg_of(opp)  # its span is the article's mention that names it
        if etype in ("Protests", "Riots"):
            actor1, actor2 = self._protest_actors(agent, target, sent_actors, place, etype)
        if actor1 is not None and actor2 is not None and actor1.name == actor2.name:
            actor2 = None

        if protested:
            place = None
        elif place is None or view.token_at(place.start) >= view.clause(hit.i)[1]:
            if place is None:
                place = finder.bare_capital(hit.i)  # «… بالعاصمة»
            if (place is None or view.token_at(place.start) >= view.clause(hit.i)[1]) \
                    and (same := finder.same_place_back(hit.i)) is not None:
                place = dataclasses.replace(same, precision=max(same.precision, 2))  # «في المنطقة نفسها»
        if place is None and not protested and facts["violence"] and not finder.unnamed_place_after(hit.i, hit.j) \
                and sub != "Arrests":  # an arrest told with no place has none (a person, not a front)
            near = finder.fallback_place(sent)
            # a place from the sentences before: ACLED's geo-precision 2 ("near")
            place = dataclasses.replace(near, precision=max(near.precision, 2)) if near is not None else None
        confidence = entry.weight + (0.1 if place is not None else -0.2) + (0.1 if actor1 else 0.0)
        if modality != ASSERTED or background:
            confidence -= 0.3
        ev = Event(
            event_type=etype, sub_event_type=sub, trigger=trigger, evidence=Span(sspan.start, sspan.end),
            actor1=actor1, actor2=actor2, place=place, date=date, time_precision=time_precision,
            confidence=max(0.05, min(0.99, confidence)), modality=modality, background=background,
            plover=entry.plover.split("/")[0] or None, mentions=[trigger],
        )
        return ev, by_default, anaphoric

    @staticmethod
    def _protest_actors(agent, target, sent_actors, place, etype) -> tuple[ArgRef | None, ArgRef | None]:
        role = "Protesters" if etype == "Protests" else "Rioters"
        country = (place.country if place is not None else None) or (agent.country if agent is not None else None)
        label = f"{role} ({country_name(country)})" if country else role
        a1 = ArgRef(label, agent.start, agent.end, None, 6 if etype == "Protests" else 5, country) if agent is not None \
            and not is_state(agent) else ArgRef(label, None, None, None, 6 if etype == "Protests" else 5, country)
        a2 = None
        for a in sent_actors:
            if is_state(a) and is_armed(a):
                a2 = arg_of(a)
                break
        return a1, a2

    # -- fatalities ---------------------------------------------------------
    @staticmethod
    def _assign_fatalities(view: View, raw: list[tuple[Event, int]], counts: dict[int, list[Count]]) -> None:
        """Each count goes to the nearest violent event of its sentence (or of the sentence
        before, when its own sentence has none)."""
        by_sent: dict[int, list[Event]] = {}
        for ev, sent in raw:
            if ev.event_type in VIOLENT_TYPES or ev.sub_event_type == "Excessive force against protesters":
                by_sent.setdefault(sent, []).append(ev)
        doc = view.doc
        sents_with_counts = set(counts)
        # counts in sentences without triggers (the toll often follows the event)
        for sent in range(len(doc.sentences)):
            if sent in sents_with_counts or sent in by_sent or sent - 1 not in by_sent:
                continue
            cs = counts_in_sentence(view, sent)
            if cs:
                counts[sent] = cs
        for sent, cs in counts.items():
            if not cs:
                continue
            evs = by_sent.get(sent) or by_sent.get(sent - 1)
            if not evs:
                continue
            for c in cs:
                ev = min(evs, key=lambda e: abs(e.trigger.start - c.start))
                ev.fatalities = max(ev.fatalities, c.value)


def _is_number_word(word: str) -> bool:
    """«ست», «ثلاث», «عشرات»: a number word (numbers.tsv)."""
    table, _ = numbers()
    return any(c in table for c in readings(word))


def _started_days_ago(toks, j: int, se: int) -> bool:
    """«الاشتباكات تفجرت بين الطرفين قبل أربعة أيام», «المعارك التي اندلعت قبل أسبوع»: a start verb
    right after the trigger, then «قبل» and a span of days or a week (no punctuation between)."""
    words: list[str] = []
    m = j
    while m < se and toks[m].is_word and len(words) < 9:
        words.append(_bare(toks[m].norm))
        m += 1
    start = next((n for n, w in enumerate(words[:3]) if w in START_VERBS), None)
    if start is None:
        return False
    for n in range(start + 1, len(words) - 1):
        if words[n] == "قبل":
            return any(w in DAY_SPANS for w in words[n + 1:n + 3])
    return False


def _in_relative_clause(toks, sa: int, i: int) -> bool:
    """A relative pronoun («التي», «الذين») among the six words before token i, with no punctuation
    between: a present-tense verb there describes what someone or something does, not a day's news."""
    words = 0
    m = i - 1
    while m >= sa and toks[m].is_word and words < 6:
        if toks[m].norm in RELATIVE_WORDS:
            return True
        words += 1
        m -= 1
    return False


def _protested(view: View, sent: int, i: int) -> bool:
    """Is the trigger at token i the object of a protest's purpose («للتنديد بالغارات», «احتجاجا على
    القصف», «هتافات منددة بالغارات») in a sentence that tells a protest before it?"""
    toks = view.doc.tokens
    sa = view.sent_ranges[sent][0]
    k = i - 1
    if k >= sa and toks[k].norm in ("علي", "ب", "ل"):
        k -= 1
    if k < sa or not (toks[k].stem in PROTESTED_WORDS or _bare(toks[k].norm) in PROTESTED_WORDS):
        return False
    return any(h.entry.event_type == "Protests" and toks[h.i].sent == sent and h.i < k for h in view.hits)


def _frees_people(view: View, finder: Arguments, hit: Hit) -> bool:
    """«حرر الجيش 178 شخصا», «تحرير 59 رهينة بينهم …»: the object of a territory trigger, within
    five words and past its agent and a count, is people (a rescue of captives)."""
    toks = view.doc.tokens
    _, sb = view.sent_ranges[toks[hit.i].sent]
    k = hit.j
    words = 0
    while k < sb and words < 5:
        t = toks[k]
        if finder.place_starts_at(k) or t.norm in ("علي", "من", "في"):
            return False
        if t.is_word or t.norm.isdigit():
            words += 1
            if any(c in CAPTIVE_NOUNS for c in readings(t.norm)) or t.norm in CAPTIVE_NOUNS:
                return True
        elif t.norm not in ("-",):
            return False
        k += 1
    return False


def _object_not_territory(view: View, finder: Arguments, hit: Hit) -> bool:
    """The object after «على» (within four words of a territory trigger) is neither a place, a
    territory noun («مدينة», «مواقع», «معسكر») nor a pronoun: «سيطروا على احتياطات النفط»."""
    toks = view.doc.tokens
    _, sb = view.sent_ranges[toks[hit.i].sent]
    k = hit.j
    words = 0
    while k < sb and words < 4:
        t = toks[k]
        if not t.is_word:
            return False
        words += 1
        if t.norm in ("علي", "عليها", "عليه", "عليهم", "عليهما"):
            break
        k += 1
    else:
        return False
    if toks[k].norm != "علي":
        return False  # «سيطرت عليها»: the place was named before
    k += 1
    while k < sb and (toks[k].norm in OBJECT_SKIP or _bare(toks[k].norm) in OBJECT_SKIP
                      or toks[k].norm.isdigit() or _is_number_word(toks[k].norm)):
        k += 1  # («سيطرت على ست مديريات», «على 3 مواقع»: a number before the noun)
    if k >= sb or not toks[k].is_word or finder.place_starts_at(k):
        return False
    return not any(c in TERRITORY_NOUNS for c in readings(toks[k].norm))


DEMONSTRATIVES = frozenset({"هذا", "هذه", "ذلك", "تلك"})
RELATIVE_REACH = 8  # words from «قبل/بعد» to «هذا الهجوم»


ACCUSE_VERBS = frozenset({"اتهم", "اتهمت", "اتهموا", "يتهم", "تتهم", "يتهمون"})
# «منفذ الهجوم», «منفذي التفجيرين», «ضحايا الهجوم»: the people of a known event
PERPETRATOR_WORDS = frozenset({"منفذ", "منفذي", "منفذو", "منفذا", "منفذة", "منفذه", "مرتكب", "مرتكبي", "مرتكبو",
                               "ضحايا", "ضحيه", "ضحية"})
INCIDENT_NOUNS = frozenset({"الحادثه", "الحادث", "الواقعه", "الجريمه"})
OCCUR_VERBS = frozenset({"وقع", "وقعت", "جري", "جرت", "حدث", "حدثت", "حصل", "حصلت"})


def _incident_days(view: View, finder: Arguments, raw: list, dated: set[int]) -> None:
    """«وقالت إن هذه الحادثة وقعت "يوم 17 يوليو 2015"»: a sentence with no trigger that gives «the
    incident» a day of its own dates the asserted violent mentions told in the three sentences
    before that have no day of their own (the lead's «تعرضهم لإطلاق نار» of no day)."""
    toks = view.doc.tokens
    trigger_sents = {s for _e, s in raw}
    for k, tok in enumerate(toks):
        if tok.norm not in INCIDENT_NOUNS or tok.sent in trigger_sents:
            continue
        sent = tok.sent
        if not any(m < len(toks) and toks[m].sent == sent and (toks[m].norm in OCCUR_VERBS or _bare(toks[m].norm) in OCCUR_VERBS)
                   for m in range(k + 1, k + 3)) or not finder.has_own_day(sent):
            continue
        date, precision, background, _period = finder.date(sent, k)
        if date is None or precision != 1 or background:
            continue
        told = [e for e, s in raw if s < sent and sent - s <= 3 and e.modality == ASSERTED
                and e.event_type in VIOLENT_TYPES]
        for host in told:  # (every undated mention of it: the lead's and its retellings)
            if id(host) not in dated:
                host.date, host.time_precision = date, 1
                dated.add(id(host))


def _relative_to_event(view: View, sent: int, i: int, raw: list) -> Event | None:
    """«قبل أقل من 24 ساعة على هذا الهجوم», «بعد ساعات من ذلك التفجير» before the trigger in its
    sentence: the event the demonstrative names (the last dated, asserted violent event told)."""
    toks = view.doc.tokens
    sa, _ = view.sent_ranges[sent]
    for k in range(sa, i):
        if _bare(toks[k].norm) not in ("قبل", "بعد"):
            continue
        words = 0
        for m in range(k + 1, i):
            if not toks[m].is_word:
                if toks[m].norm.isdigit():
                    continue  # «قبل أقل من 24 ساعة»
                break
            words += 1
            if words > RELATIVE_REACH:
                break
            if toks[m].norm in DEMONSTRATIVES and m + 1 < i:
                ref = next((e for e, _s in reversed(raw) if e.date and e.modality == ASSERTED
                            and e.event_type in VIOLENT_TYPES), None)
                return ref
    return None


def _province(p) -> bool:
    """A first-level division (a governorate, a province, a state)."""
    return (p.feature or "").startswith("admin1")


def _simile(toks, sa: int, i: int, j: int, se: int) -> bool:
    """A trigger compared with («على غرار تفجير …», «مثل … في تفجير …») or told as similar
    («هجوم مشابه»)."""
    if any(_bare(t.norm) in SIMILE_AFTER for t in toks[j:min(j + 1, se)]):
        return True
    words, k = 0, i - 1
    while k >= sa and words < 6 and toks[k].is_word:
        if _bare(toks[k].norm) in SIMILE_BEFORE or toks[k].stem in SIMILE_BEFORE:
            return True
        words += 1
        k -= 1
    return False


def _after_a_span(toks, sa: int, i: int) -> bool:
    """«بعد وقت قصير من …», «بعد أسبوعين على …» up to eighteen words before the trigger (commas
    allowed): the trigger's event is the earlier one."""
    k, words = i - 1, 0
    while k >= sa and words < 18 and (toks[k].is_word or toks[k].norm in ("،", ",")):
        if _bare(toks[k].norm) == "بعد" and k + 2 < i and (toks[k + 1].norm in SPAN_AFTER_UNITS or (
                toks[k + 1].norm.isdigit() or toks[k + 2].norm in SPAN_AFTER_UNITS)):
            nxt = [t.norm for t in toks[k + 1:min(i, k + 5)]]
            if ("من" in nxt or "علي" in nxt) and any(w in SPAN_AFTER_UNITS for w in nxt):
                return True
        words += 1
        k -= 1
    return False


def _since_start(toks, j: int, se: int) -> bool:
    """«… في هجمات نسبت إلى الحزب منذ بداية الأزمة»: «منذ» + a start noun in the trigger's stretch."""
    k = j
    while k < se - 1 and k < j + 10 and toks[k].is_word:
        if toks[k].norm in ("منذ", "مند") and (toks[k + 1].norm in SINCE_START or toks[k + 1].stem in SINCE_START):
            return True
        k += 1
    return False


def _vague_past(toks, sa: int, se: int, i: int, j: int) -> bool:
    """«سيطرت مؤخرا على …», «قبل أيام», «في الأيام القليلة الماضية», «في وقت سابق من هذا
    الأسبوع» in the trigger's stretch (up to twelve words before it and eight after it, no
    punctuation between): an older day the article does not name."""
    lo = i
    words = 0
    while lo > sa and toks[lo - 1].is_word and words < 12:
        lo -= 1
        words += 1
    hi = j
    words = 0
    while hi < se and toks[hi].is_word and words < 8:
        hi += 1
        words += 1
    text = " " + " ".join(t.norm for t in toks[lo:hi] if t.is_word) + " "
    return any(" " + p + " " in text or " و" + p + " " in text for p in VAGUE_PAST)


def _instrument(toks, sa: int, i: int) -> bool:
    """A word of using within the five words before a weapon noun («باستخدام قذائف الهاون»)."""
    words = 0
    for k in range(i - 1, sa - 1, -1):
        if toks[k].is_word:
            words += 1
            if toks[k].norm in USE_WORDS or _bare(toks[k].norm) in USE_WORDS:
                return True
            if words >= 5:
                return False
    return False


def _other_trigger_outside(hit: Hit, lo: int, hi: int, sent: int, view: View) -> bool:
    """Is there another trigger in the sentence, outside the clause [lo, hi)?"""
    return any(h is not hit and (h.i < lo or h.i >= hi) and view.doc.tokens[h.i].sent == sent
               for h in view.hits)


NEGATED = frozenset({"denied", "threatened", "planned", "expected", "conditional", "question", "called",
                     "prevented", "intended"})


def _coordinated(toks, a: int, b: int) -> bool:
    """Only «و» / «أو» (or a comma) between two triggers: «سيطرة أو معارك»."""
    between = [t for t in toks[a:b]]
    if len(between) > 1:
        return False
    if not between:
        return toks[b].prefix.startswith("و")
    return between[0].norm in ("او", "و", "،", ",")


def _words_without_support(view: View, a: int, b: int) -> set[str]:
    """The word readings of tokens [a, b), less the three words after «بدعم من», «بغطاء» … (the
    air support of a ground attack)."""
    toks = view.doc.tokens
    out: set[str] = set()
    skip = 0
    for t in toks[a:b]:
        if not t.is_word:
            continue
        if t.norm in SUPPORT_WORDS or t.stem in SUPPORT_WORDS:
            skip = 4 if t.norm != "بغطاء" else 2
            continue
        if skip:
            skip -= 1
            continue
        out.update(readings(t.norm))
    return out


SURVIVE_WORDS = frozenset({"نجا", "ونجا", "نجت", "ونجت", "ينجو", "نجاه", "نجاة", "تعرض", "تعرضت", "وتعرض", "وتعرضت"})


def _survived(toks, sa: int, i: int) -> bool:
    """«نجا من محاولة اغتيال», «تعرض لمحاولة اغتيال»: an attempt someone survived (or underwent)."""
    words = 0
    for k in range(i - 1, sa - 1, -1):
        if toks[k].is_word:
            words += 1
            if toks[k].norm in SURVIVE_WORDS or toks[k].stem in SURVIVE_WORDS:
                # «عدم تعرض أي مقر آخر لمحاولة تفجير»: nobody underwent it
                return not (k > sa and toks[k - 1].norm in ("عدم", "بعدم", "لم", "دون", "ولم"))
            if words >= 12:
                return False
    return False


PRIOR_AUX = frozenset({"كان", "كانت", "وكان", "وكانت", "كانوا", "وكانوا"})


PLUPERFECT_REACH = 15  # words from a sentence-opening «وكان» to a trigger it still frames


def _pluperfect_frame(toks, sa: int, i: int) -> bool:
    """«كان … قد فعل»: a pluperfect opens the sentence before the trigger (with no factive
    barrier between). Without «قد», a sentence that opens with «وكان» + its subject frames what
    follows within a few words («وكانت الميليشيات استهدفت القرى …», «وكانت الأجهزة ألقت القبض
    على السائق الذي …»): the background of the day's news (a day of its own in the window
    still makes it news, see the caller)."""
    seen_qad = False
    words = 0
    for k in range(i - 1, sa - 1, -1):
        w = toks[k].norm
        if w in BARRIERS:
            return False
        if toks[k].is_word:
            words += 1
        if w == "قد":
            seen_qad = True
        elif w in PRIOR_AUX:
            opens = not any(t.is_word for t in toks[sa:k])
            return seen_qad or (opens and words <= PLUPERFECT_REACH)
    return False


AFTER_WAS_REACH = 4  # «بعد أن كانت هدفا لغارات»: the state before the news, a few words on


def _after_was(toks, sa: int, i: int) -> bool:
    """«بعد أن كانت هدفا لغارات», «بعدما كان … »: a «كان» right after «بعد أن/بعدما», a few
    words before the trigger, tells the state before the news (the main clause tells what
    changed, and its day is not the trigger's): background, whatever day the sentence names."""
    words = 0
    for k in range(i - 1, sa - 1, -1):
        w = toks[k].norm
        if w in BARRIERS:
            return False
        if not toks[k].is_word:
            continue
        if w in PRIOR_AUX:
            prev = [t.norm for t in toks[sa:k] if t.is_word][-2:]
            return bool(prev) and (prev[-1] in ("بعدما", "وبعدما") or prev == ["بعد", "ان"])
        words += 1
        if words > AFTER_WAS_REACH:
            return False
    return False


def _commentator_speaks(view: View, sent: int, i: int) -> bool:
    """An analyst, an expert, a writer or an editor is the speaker of the trigger's sentence (a
    commentator's word before the trigger)."""
    toks = view.doc.tokens
    sa, _ = view.sent_ranges[sent]
    return any(t.is_word and (t.norm in COMMENTATORS or t.stem in COMMENTATORS) for t in toks[sa:i])


def _chronicle_line(view: View, sent: int) -> bool:
    """A sentence that opens with a past year and a dash is an entry of a chronology («1964- …»,
    «هذا اليوم في التاريخ»): history, whatever day the article appeared."""
    doc = view.doc
    sa, sb = view.sent_ranges[sent]
    toks = doc.tokens
    if sa >= sb:
        return False
    first = toks[sa].norm
    if not (len(first) == 4 and first.isdigit()):
        return False
    year = int(first)
    if doc.published is not None and not 1000 <= year < doc.published.year:
        return False
    text = doc.text[toks[sa].end:toks[sa].end + 4]
    return text.lstrip()[:1] in ("-", "–", "—", ":")


def _years_ago(view: View, sent: int, i: int) -> bool:
    """«القنبلة التي انفجرت قبل 70 عاما», «قبل عقدين», «على مدى أكثر من 12 عاما»: the sentence
    before the trigger, or its stretch after it (no punctuation between), tells it as years ago
    or over years."""
    toks = view.doc.tokens
    sa, sb = view.sent_ranges[sent]
    lo = sa  # anything before the trigger in its sentence, the stretch after it
    hi = i
    while hi < sb - 1 and hi - i < 15 and (toks[hi + 1].is_word or toks[hi + 1].norm.isdigit()):
        hi += 1
    for k in range(lo, hi + 1):
        w = toks[k].norm
        if w != "قبل" and w not in SPAN_WORDS:
            continue
        nxt = [t for t in toks[k + 1:min(k + 5, hi + 1)] if t.norm not in ("اكثر", "من", "نحو", "حوالي")]
        if not nxt:
            continue
        if w == "قبل" and nxt[0].norm in AGO_UNITS:
            return True  # «قبل عامين»
        if len(nxt) > 1 and nxt[1].norm in AGO_UNITS and nxt[1].norm not in ("عام", "سنه"):
            return True  # «قبل 70 عاما», «على مدى أكثر من 12 عاما»
    return False


__all__ = ["Events", "reportable"]
