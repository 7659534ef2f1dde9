"""The quotes stage: direct quotes (any quotation mark, or after a colon), indirect speech
(a speech verb + إن/أن), attributions («بحسب», «وفقا لـ», «نقلا عن»), each with its speaker.

The speaker is the subject of the speech verb: the person named in the words between the
verb and the quote («وقال المتحدث باسم التحالف …، رايان ديلون، إن» → the PER after the title),
else the organisation or actor there, else the noun phrase itself («مصدر عسكري»). A verb with
no subject of its own («وأضاف أن», «وتابع:») or a circumstantial participle («موضحا أن»)
continues the previous speaker; a bare definite noun («وأوضح المصدر») refers back to the
previous speaker it matches. Speakers are linked to ``doc.actors`` where they overlap.

Cues come from ``data/speech.tsv`` and ``data/quote_cues.tsv`` (this stage's own cues and word
lists). Attributions take the clause before them («…، حسبما أفادت مصادر محلية», «…، كما أعلنت
الشرطة») or, opening their sentence, the clause after the source («بحسب المصادر، فقد …», «وبحسب
صحيفة X فإن …»); an unnamed source counts only with a source head noun. A report inside a report
(«قالت المصادر إن غيدان أكد أن …») is one quote of the outer source. Never the speaker: the addressee
(«قال لها», «قال لـ"الصحيفة"»), a circumstantial participle («وقال طالباً …»), a name inside a quotation,
a verse cited. A statement speaks for whoever issued it («وقال بيان وزارة الدفاع», «بحسب حصيلة لوكالة X»;
a bare «البيان» is the last speaker's); a subject may come before its verb («إلا أن / وكانت X قد ذكرت»).
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass
from importlib import resources

from marsad.document import ArgRef, Document, Entity, Quote, Span
from marsad.events.context import View, readings
from marsad.events.lexicon import SpeechCue, normalise_key, speech_cues, wordlist
from marsad.text.normalise import normalise

COMPLEMENTIZERS = frozenset({"ان", "انه", "انها", "انهم", "اننا", "انني", "انهما", "بان", "بانه", "بانها", "بانهم"})
STOP_PUNCT = frozenset({".", "!", "?", "؟", "\n"})
MAX_SPEAKER_TOKENS = 25
MAX_COLON_TOKENS = 40
MAX_FRONTED = 9  # «وكانت مديرية الشؤون الصحية في مكة المكرمة قد ذكرت»: a fronted subject and «قد»
MIN_DIRECT_WORDS = 3
_SENTENCE_END = re.compile(r"[.!?؟](?=\s|$)")
_MARK = re.compile('"')
PRONOUN_SUBJECTS = frozenset({"هو", "هي", "هم", "انه", "انها", "نفسه", "نفسها", "انفسهم", "نفسهم"})
PERSON_TYPES = frozenset({"person", "politician", "official"})
# words that end a speaker's noun phrase: prepositions and adverbs of the report itself
SUBJECT_STOPS = wordlist("subject_stops")
# words between a verb and its subject that are not the subject («وقالت أيضا القوات …»)
SUBJECT_SKIP = wordlist("subject_skip")
# nouns of speech are never the speaker («قال في بيان», «ومضى بالقول»): the speaker continues
SPEECH_NOUNS = wordlist("speech_nouns")
# a bare definite title refers to a person named before («الرئيس», «الوزير»); «المصادر» does not
TITLE_NOUNS = wordlist("title_nouns")
QUANTIFIERS = wordlist("quantifiers")
SOURCE_NOUNS = wordlist("source_nouns")
NAMING = wordlist("naming")
NEGATORS = wordlist("negators")


@functools.lru_cache(maxsize=1)
def _quote_data() -> tuple[dict[str, SpeechCue], dict[str, SpeechCue], dict[str, frozenset[str]]]:
    """(word cues, phrase cues, word lists): speech.tsv's cues with data/quote_cues.tsv's added."""
    base_words, base_phrases = speech_cues()
    words, phrases = dict(base_words), dict(base_phrases)
    lists: dict[str, frozenset[str]] = {}
    raw = resources.files("marsad.events").joinpath("data/quote_cues.tsv").read_text("utf-8")
    for line in raw.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        row = (line.split("\t") + ["", "", ""])[:3]
        alts = [normalise_key(x) for x in row[1 if row[0].startswith("list:") else 0].split("|") if x.strip()]
        if row[0].startswith("list:"):
            lists[row[0][5:]] = frozenset(alts)
            continue
        sc = SpeechCue(row[1], row[2])
        for alt in alts:
            (phrases if " " in alt else words).setdefault(alt, sc)
    return words, phrases, lists


def _qlist(name: str) -> frozenset[str]:
    return _quote_data()[2][name]


SOURCE_HEADS = _qlist("source_heads")
ADDRESSEE = _qlist("addressee")
FRONTED_OPENERS = _qlist("fronted_openers")
RELATIVES = _qlist("relatives")
# words after which a subject may come before its verb («لكن X أكد», «غير أن X يؤكدون»)
CLAUSE_OPENERS = _qlist("clause_openers")
NOT_GLUED = _qlist("not_glued")
# nouns of a statement or a report: «بيان وزارة الدفاع», «حصيلة لوكالة فرانس برس» — who issued it speaks
REPORT_NOUNS = SPEECH_NOUNS | _qlist("report_nouns")
# prepositions of time and circumstance also end a speaker's noun phrase («واعترف أثناء التحقيقات بأنه»)
SUBJECT_STOPS = SUBJECT_STOPS | _qlist("subject_stops")
PERSON_NOUNS = _qlist("person_nouns")
# the object of a speech idiom is never its subject («ولفت الانتباه إلى أن»)
SPEECH_OBJECTS = _qlist("speech_objects")
RESUMPTIVE = _qlist("resumptive")
TIME_WORDS = _qlist("time_words")
SAYING = _qlist("saying")
PUBLISH_VERBS = _qlist("publish_verbs")
HONORIFICS = _qlist("honorifics")
SINGLE_STATEMENTS = _qlist("single_statements")
# verbs of statement whose object may be a noun and then «، وأن …» («أشارت المصادر إلى مقتل 17، وأن …»)
FRAMING = _qlist("framing")
BARE_VERBS = frozenset({"qal", "awdah", "naqal", "adaf", "dhakar"})
PLUPERFECT = frozenset({"كان", "كانت", "كانوا", "وكان", "وكانت", "وكانوا"})
AND_THAT_VERBS = frozenset({"ashar", "lafat", "aalan", "akkad", "awdah", "dhakar", "kashaf", "afad"})
# verbs whose surface is also a common preposition or noun («بين»): a cue only where a clause opens
VERB_ONLY_AT_CLAUSE_START = frozenset({"bayyan"})


@dataclass(slots=True)
class Cue:
    i: int  # token index
    j: int  # one past the cue's last token
    cue: SpeechCue
    strip: int = 0  # letters of proclitics (و ف) before the cue word in its first token


def _direct_spans(doc: Document) -> list[tuple[int, int]]:
    """Inner spans (norm offsets) of quoted passages, pairing marks within a paragraph; an
    opening mark left unclosed runs to the end of its sentence."""
    norm = doc.norm
    spans: list[tuple[int, int]] = []
    start = 0
    for para in norm.split("\n"):
        marks = [start + m.start() for m in _MARK.finditer(para)] if '"' in para else []
        end_para = start + len(para)
        shapes = [doc.text[doc.norm_to_orig[k]] if k < len(doc.norm_to_orig) else '"' for k in marks]
        if marks and all(c in "«»" for c in shapes):
            # guillemets say which way they face: one left unclosed («نؤكد … ثم «حريت») no
            # longer shifts every later pair of the paragraph
            pairs: list[tuple[int, int]] = []
            opened: int | None = None
            for n, (k, c) in enumerate(zip(marks, shapes, strict=True)):
                if c == "»" and opened is None and shapes[n + 1:n + 2] == ["»"]:
                    c = "«"  # «… ووتش» أمطرت … هناك»: a closing mark typed for an opening one
                if c == "«":
                    if opened is not None:
                        pairs.append((opened, k))
                    opened = k
                elif opened is not None:
                    pairs.append((opened, k))
                    opened = None
            if opened is not None:
                pairs.append((opened, end_para))
        else:
            pairs = list(zip(marks[0::2], marks[1::2] + [end_para] * (len(marks) % 2), strict=False))
        for a, b in pairs:
            if b == end_para or (b < end_para and norm[b] == '"' and shapes[marks.index(b)] == "«"):
                # an opening mark left unclosed runs to the end of its sentence
                m = _SENTENCE_END.search(norm, a + 1, b)
                b = m.start() + 1 if m else b
            spans.append((a + 1, b))
        start = end_para + 1
    out = []
    for a, b in spans:
        while a < b and norm[a].isspace():
            a += 1
        while b > a and norm[b - 1] in " .،,":
            b -= 1
        if b > a:
            out.append((a, b))
    return out


@functools.lru_cache(maxsize=1)
def _phrase_heads() -> frozenset[str]:
    return frozenset(key.split(" ", 1)[0] for key in _quote_data()[1])


def _find_cues(view: View) -> list[Cue]:
    words, phrases, _ = _quote_data()
    heads = _phrase_heads()
    toks = view.doc.tokens
    out: list[Cue] = []
    for i, tok in enumerate(toks):
        if not tok.is_word:
            continue
        if i + 1 < len(toks):
            for cand in readings(tok.norm):
                if cand not in heads:  # (most words open no phrase cue: skip the pairs)
                    continue
                nxt = toks[i + 1]
                for second in (nxt.norm, *readings(nxt.norm)):
                    key = f"{cand} {second}"
                    if key in phrases:
                        out.append(Cue(i, i + 2, phrases[key], len(tok.norm) - len(cand)))
                        break
                else:
                    continue
                break
            if out and out[-1].i == i:
                continue
        for cand in readings(tok.norm):
            if cand in words and words[cand].kind in ("verb", "continuation") \
                    and tok.norm[:len(tok.norm) - len(cand)].endswith("ال"):
                continue  # «النقل», «القول»: a noun with the article is no verb
            if cand in words:
                # «وفقا لـ» arrives as «وفقا» + «ل...»; «حسب» needs its preposition
                out.append(Cue(i, i + 1, words[cand], len(tok.norm) - len(cand)))
                break
    return out


class Quotes:
    name = "quotes"
    needs: tuple[str, ...] = ("tokens",)
    adds: tuple[str, ...] = ("quotes",)

    def __call__(self, doc: Document) -> None:
        view = View.of(doc)
        self.doc = doc
        self.view = view
        cues = _find_cues(view)
        direct = [doc.to_orig(a, b) for a, b in _direct_spans(doc)]
        # one or two quoted words are a name or a scare quote («النصر»), not a quotation
        direct = [(a, b) for a, b in direct if len(doc.text[a:b].split()) >= MIN_DIRECT_WORDS]
        self.direct = direct
        self.short_direct = [(a, b) for a, b in (doc.to_orig(x, y) for x, y in _direct_spans(doc))
                             if len(doc.text[a:b].split()) == MIN_DIRECT_WORDS - 1]
        self.byline = _byline_span(doc.text)
        quotes: list[tuple[Quote, bool]] = []  # (quote, told by an attribution)
        used_direct: set[int] = set()
        self.used_direct = used_direct
        last_speaker: ArgRef | None = None
        last_sent = -10
        speakers: list[ArgRef] = []
        self.speakers = speakers
        self.cue_starts = {c.i for c in cues}
        self.cue_kinds = {c.i: c.cue.kind for c in cues}
        self.cue_strip = {c.i: c.strip for c in cues}
        self.participle_verb: dict[int, tuple[int, int]] = {}
        self.nested: set[int] = set()
        # «بين الطرفين»: a preposition, not «بيّن»
        odd = {c.i for c in cues if c.cue.lemma in VERB_ONLY_AT_CLAUSE_START and not self._clause_start(c)}
        if odd:
            cues = [c for c in cues if c.i not in odd]
            self.cue_starts -= odd
            for i in odd:
                del self.cue_kinds[i]
            self.participle_verb.clear()
        toks = doc.tokens
        for cue in cues:
            tok = toks[cue.i]
            sent = tok.sent
            kind = cue.cue.kind
            if self._negated(cue.i) or cue.i in self.nested:
                continue  # «دون أن يذكر عددهم», «لم يذكر»: nothing was said; a report inside a report
            if cue.i > 0 and doc.tokens[cue.i - 1].norm in ("ان", "لن", "كي", "لكي") \
                    and doc.tokens[cue.i].norm[:1] in ("ي", "ت") and kind == "verb":
                continue  # «من الطبيعي أن يعلن التنظيم مسؤوليته»: a verb in the subjunctive reports nothing
            cue_span = Span(_skip_letters(doc, tok.start, cue.strip), doc.tokens[cue.j - 1].end)
            if tok.norm in ("يذكر", "ويذكر", "تذكر") and cue.j < len(toks) and toks[cue.j].norm in COMPLEMENTIZERS:
                continue  # «يُذكر أن …»: the writer's background, nobody's statement
            if cue.cue.lemma == "ja" and not (cue.j < len(doc.tokens) and self._report_noun(doc.tokens[cue.j])):
                continue  # «جاء في المرتبة الأولى»: only «جاء / ورد في بيان (X)» reports a statement
            if kind == "attribution":
                self.last_speaker = last_speaker if sent - last_sent <= 3 else None
                q = self._attribution(cue, cue_span)
                if q is not None:
                    if q.speaker is None and cue.cue.lemma == "hadd":  # «على حد وصفه»: who spoke last
                        q.speaker = (last_speaker if sent - last_sent <= 1 else None) or self._person_before(tok.start)
                    quotes.append((q, True))
                    if q.speaker is not None:
                        speakers.append(q.speaker)
                continue
            seg_end, comp = self._segment_end(cue, direct)
            if comp is None:
                continue
            if cue.cue.lemma == "aqarr" and (toks[seg_end].prefix != "ب" or seg_end - cue.j > 8):
                continue  # «أقر المجلس عددا من الإجراءات … بأن يكون»: approved; «أقر بأنه»: admitted
            content = self._content(comp, toks[seg_end].sent if seg_end < len(toks) else sent, direct, used_direct)
            if content is None:
                continue
            start, end, is_direct = content
            speaker: ArgRef | None
            if kind == "participle" and cue.i in self.participle_verb \
                    and (own := self._fronted_subject(self.participle_verb[cue.i][0] - 1)
                         or self._speaker(*self.participle_verb[cue.i], speakers)) is not None:
                speaker = own
            elif kind == "participle":
                # a participle that opens its sentence («مؤكداً أنه …» on a line of its own) goes on
                # with the last speaker across the sentences of the statement it continues
                reach = 3 if cue.i == self.view.sent_ranges[sent][0] else 1
                speaker = last_speaker if sent - last_sent <= reach else None
                plu = self._pluperfect_subject(cue.i) if last_sent != sent else None
                if plu is not None:
                    # «وكانت قوات الدفاع الشعبي، الجناح العسكري …، دانت … معتبرة أنه «عدوان»»: the
                    # subject the sentence fronts after «وكان(ت)» speaks, not the last speaker
                    speaker = plu
                elif speaker is None and self._subjectless_opener(sent) and (
                        (last_speaker if sent - last_sent <= 3 else None)
                        or self._person_before(self.doc.tokens[self.view.sent_ranges[sent][0]].start)) is not None:
                    # «وطالب الدكتور اليامي …. وأكد دعم مسار … وتلبية دعوة الحكومة …، مشددا على أن»: a
                    # speech verb with no subject of its own opens the sentence: the last speaker (or the
                    # person just named) goes on, not a name inside its object
                    speaker = (last_speaker if sent - last_sent <= 3 else None) \
                        or self._person_before(self.doc.tokens[self.view.sent_ranges[sent][0]].start)
                elif speaker is None or last_sent != sent:
                    subject = self._sentence_subject(cue.i)
                    # a person the sentence names speaks on; an organisation or place only when
                    # nobody spoke just before («…، مشددا على أن» after «وقال مارم»)
                    if subject is not None and (speaker is None or self._is_person(subject)):
                        speaker = subject
            else:
                first = cue.j
                if cue.cue.lemma in ("naqal", "alim"):  # «نقل X عن Y», «علمت X من مصادر»: Y is the speaker
                    word = "عن" if cue.cue.lemma == "naqal" else "من"
                    first = next((m for m in range(cue.j, seg_end) if doc.tokens[m].norm == word), cue.j - 1) + 1
                    if first == cue.j and cue.cue.lemma == "naqal" and cue.strip == 0 and cue.i > 0 \
                            and toks[cue.i - 1].is_word and toks[cue.i - 1].sent == sent:
                        continue  # «… أن نقل أنسجة الأجنة أمر شائع»: the noun «نقل» (carrying) inside a clause
                # «الصقلاوية التي قالت القوات العراقية: إنها …»: a subject named right after the
                # verb of a relative clause is the speaker, not the noun the relative refers to
                named_after = first == cue.j and first < seg_end and self._names_at(first)
                # «وكانت مصادر في المقاومة أعلنت سيطرتها على …»: a subject before the verb makes
                # the words after it the object
                speaker = ((None if named_after else self._antecedent(cue.i)) or self._fronted_subject(cue.i)
                           or self._speaker(first, seg_end, speakers) or self._subject_before(cue.i))
                if speaker is None and cue.strip > 0 and cue.i > self.view.sent_ranges[sent][0] + 2 \
                        and last_sent != sent:
                    # «وكان تنظيم داعش أعلن في بيان … وقال إنه»: the subject of the sentence goes on
                    speaker = self._sentence_subject(cue.i)
                if speaker is None and cue.i > 0 and toks[cue.i - 1].norm in ("وهو", "وهي", "هو", "هي") \
                        and toks[cue.i - 1].sent == sent:
                    # «… الدكتور سعد العجمي، وهو يصف ما يحصل:»: the pronoun is the person just named
                    speaker = self._person_before(tok.start)
                if speaker is None and sent - last_sent >= 2:
                    # «أكد نائب الرئيس فلان أهمية الحوار. وقال في بيان إن»: a person who opens a
                    # sentence after the last quote is the one who goes on speaking
                    speaker = self._new_subject(sent, last_sent)
                    if speaker is not None and last_speaker is not None and last_speaker.start is not None \
                            and _norm_of(doc, speaker.start, speaker.end) in _norm_of(doc, last_speaker.start, last_speaker.end):
                        speaker = last_speaker  # «وسعود …» after «عبد الرحمن سعود»: the fuller mention
                if speaker is None and sent - last_sent >= 2 and cue.strip > 0 and last_speaker is not None:
                    # «قال مكتب المحافظ: إن …. وتبنت الحركة الانفصالية قتل شرطيين. وقالت: إن»: a
                    # continuation whose gender fits the new subject of the sentence before, not the last speaker
                    speaker = self._agreeing_subject(cue.i, sent, last_speaker)
                if speaker is None and sent - last_sent <= 3:
                    speaker = last_speaker  # «وأضاف أن», «وقال في بيان إن»: the same speaker
                if speaker is None:  # «وانتقد رئيس بلدية ناغازاكي توميهيسا تاوي … . وقال "…"»
                    speaker = self._title_subject_before(cue.i)
            if speaker is None and (kind == "participle" or cue.strip > 0) \
                    and cue.i > self.view.sent_ranges[sent][0] + 2:
                # «ندد أبطال المسرحية بالتفجير، وقالوا:», «وشنت تركيا غارات، مشيرة إلى أنها»: the
                # noun phrase after the verb that opens the sentence
                speaker = self._opening_subject(cue.i)
            if speaker is None:
                # «وطالب بإنشاء …، مضيفا في كلمة أمام الحشد «…»»: no speaker found and nobody quoted
                # just before: the person the sentence (or the one before) names goes on speaking
                speaker = self._person_before(tok.start)
            quotes.append((Quote(start, end, is_direct, doc.text[cue_span.start:cue_span.end], cue_span, speaker), False))
            if speaker is not None and not self._divine(speaker):
                # «ممن قال الله فيهم (…)»: a verse cited is nobody's statement to continue
                last_speaker, last_sent = speaker, sent
                speakers.append(speaker)
        # direct quotes nobody introduced: a speech verb right after them («"…"، قال X»)
        for k, (a, b) in enumerate(direct):
            if k in used_direct:
                continue
            q = self._trailing_attribution(a, b, cues)
            if q is not None:
                quotes.append((q, False))
        quotes.extend((q, False) for q in self._framed_phrases([q for q, _ in quotes]))
        quotes.extend((q, False) for q in self._and_that_sentences([q for q, _ in quotes]))
        doc.quotes = _dedupe(quotes)

    def _framed_phrases(self, quotes: list[Quote]) -> list[Quote]:
        """A quoted phrase that a verb of accusing, describing or speaking of frames a few words
        before it, with no «أن» («اتهمت المنظمة إسرائيل باستخدام "القوة غير المبررة"», «ما وصفته
        بـ"الممارسات المسيئة"», «نسبت الهجوم إلى «…»», «متهمة اياهم «…»», «ووصفتها بأنها «…»»):
        the phrase is the framing subject's words."""
        toks = self.doc.tokens
        out: list[Quote] = []
        taken = [(q.start, q.end) for q in quotes]
        for a, b in sorted(self.direct + self.short_direct):
            if any(x < b and a < y for x, y in taken):
                continue
            k = self.view.token_at(a)
            if k >= len(toks):
                continue
            sent = toks[k].sent
            lo = self.view.sent_ranges[sent][0]
            v = None
            for m in range(k - 1, max(lo, k - 10) - 1, -1):
                t = toks[m]
                if t.norm in FRAMING or (t.norm[:1] in "وف" and t.norm[1:] in FRAMING):
                    v = m
                    break
                if t.norm in ("،", ",", ":") or t.norm in STOP_PUNCT or m in self.cue_starts:
                    break
            if v is None or self._negated(v):
                continue
            if v > 0 and toks[v].norm.lstrip("وف")[:1] == "م" and (
                    any(ch.isdigit() for ch in toks[v - 1].norm) or toks[v - 1].norm in QUANTIFIERS):
                continue  # «إخلاء سبيل 11 متهما بتفجير "…"»: the accused, a noun
            speaker = None
            nxt = toks[v + 1]
            if not _is_hal(self.doc, toks[v]) and toks[v].norm.lstrip("وف")[:1] not in ("م",) \
                    and nxt.norm not in ("ب", "ل", "ك", "عن", "الي", "علي", "من", "في") \
                    and not _glued_preposition(nxt) and nxt.norm not in COMPLEMENTIZERS:
                first = [e for e in self.doc.entities if e.start == nxt.start and e.label in ("PER", "ORG", "LOC")]
                first_actor = [m for m in self.doc.actors if m.start == nxt.start]
                if first:  # «وتتهم وزارة الدفاع مردخاي "…"»: the accuser right after the verb, not the accused
                    speaker = self._ref(first[0].start, first[0].end, first[0].canonical)
                elif first_actor:
                    m = first_actor[0]
                    speaker = ArgRef(m.name, m.start, m.end, m.actor_id, m.inter, m.country)
                else:
                    speaker = self._speaker(v + 1, k, self.speakers)
                if speaker is not None and any(speaker.start is not None and speaker.start >= toks[v + 1].start
                                               and speaker.start > toks[m].start for m in range(v + 2, k)
                                               if _glued_preposition(toks[m])):
                    speaker = None  # a name after «بـ / لـ» is what is spoken of, not who speaks
            if speaker is None:
                speaker = self._fronted_subject(v) or self._pluperfect_subject(v)
            if speaker is None:
                before = [q for q in quotes if q.speaker is not None and q.end <= a
                          and toks[self.view.token_at(q.start)].sent >= sent - 1]
                if before and toks[self.view.token_at(before[-1].start)].sent == sent:
                    speaker = before[-1].speaker
            if speaker is None and v > lo + 1:
                speaker = self._opening_subject(v)
            if speaker is None:
                before = [q for q in quotes if q.speaker is not None and q.end <= a
                          and toks[self.view.token_at(q.start)].sent >= sent - 2]
                speaker = before[-1].speaker if before else self._person_before(toks[v].start)
            span = Span(toks[v].start, toks[v].end)
            q = Quote(a, b, True, self.doc.text[span.start:span.end], span, speaker)
            out.append(q)
            taken.append((a, b))
        return out

    def _and_that_sentences(self, quotes: list[Quote]) -> list[Quote]:
        """«… قال X إن A. وأن B.»: a sentence that opens with «وأن» goes on with the statement
        that ends the sentence before it, in the same speaker's words."""
        toks = self.doc.tokens
        out: list[Quote] = []
        by_sent: dict[int, Quote] = {}
        for q in quotes:
            if q.speaker is not None:
                sent = self.doc.sentence_of(max(q.start, q.end - 1))
                by_sent[sent] = q
        for sent, (a, b) in enumerate(self.view.sent_ranges):
            if b - a < 4 or not (toks[a].norm[:1] == "و" and toks[a].norm[1:] in COMPLEMENTIZERS):
                continue
            prev = by_sent.get(sent - 1)
            if prev is None or prev.end < self.doc.sentences[sent - 1].end - 3:
                continue
            end_tok = b - 1
            while end_tok > a and not toks[end_tok].is_word:
                end_tok -= 1
            out.append(Quote(toks[a + 1].start, toks[end_tok].end, False, prev.cue, prev.cue_span, prev.speaker))
        return out

    # -- pieces -------------------------------------------------------------
    def _segment_end(self, cue: Cue, direct: list[tuple[int, int]]) -> tuple[int, int | None]:
        """(end of the subject segment, token index where the content starts) after a cue."""
        toks = self.doc.tokens
        sent = toks[cue.i].sent
        _, b = self.view.sent_ranges[sent]
        k = cue.j
        limit = min(b, cue.j + MAX_SPEAKER_TOKENS)
        while k < limit:
            t = toks[k]
            if (t.norm in COMPLEMENTIZERS or (t.prefix == "ب" and t.stem in COMPLEMENTIZERS)) \
                    and not (toks[k - 1].norm == "." and self._open_paren(cue.j, k)):
                return k, k + 1  # («(سي.إن.إن ترك)»: letters of an abbreviation, not «إن»)
            if t.norm[:1] == "و" and t.norm[1:] in COMPLEMENTIZERS and toks[k - 1].norm in ("،", ",") \
                    and cue.cue.lemma in AND_THAT_VERBS:
                return k, k + 1  # «أشارت المصادر إلى مقتل 17، وأن البحث مستمر»: the «أن» clause
            if t.norm == ":":
                return k, k + 1
            if t.norm == '"' and any(t.start <= qa <= t.end + 1 for qa, _ in direct):
                if not self._name_in_marks(k, limit):
                    return k, k  # a quotation opens here (a quoted name «المدينة» does not)
            if t.norm in STOP_PUNCT:
                if t.norm == "." and k + 1 < len(toks) and self._open_paren(cue.j, k):
                    # «لوكالة الأنباء الألمانية (د. ب. أ) إنه»: a full stop inside parentheses ends no sentence
                    b = max(b, self.view.sent_ranges[toks[k + 1].sent][1])
                    limit = min(b, cue.j + MAX_SPEAKER_TOKENS)
                    k += 1
                    continue
                break
            if k > cue.j + 1 and self.cue_kinds.get(k) in ("verb", "continuation") and self.cue_strip.get(k, 0) > 0 \
                    and toks[k - 1].norm in ("،", ",") and cue.cue.kind != "attribution":
                # «وأعربت الكويت عن إدانتها …، وقال مصدر مسؤول … إن»: the «أن» is the next verb's
                return k, None
            if k > cue.j and self.cue_kinds.get(k) == "participle" and cue.cue.kind != "participle":
                # «وأعلنت حركة طالبان مسؤوليتها … قائلة إن»: the «أن» is the participle's, and
                # the verb's subject its speaker
                if not any(toks[n].norm in ("،", ",") for n in range(cue.j, k)):
                    self.participle_verb.setdefault(k, (cue.j, k))
                return k, None
            k += 1
        if k == limit < b:  # «أعلن X، في تعليق على … مساء أول من أمس:»: a colon a little farther
            for m in range(k, min(b, cue.j + MAX_COLON_TOKENS)):
                t = toks[m]
                if t.norm == ":":
                    return m, m + 1
                if t.norm in STOP_PUNCT or t.norm in COMPLEMENTIZERS or t.norm == '"' or m in self.cue_starts:
                    break
        bare = self._bare_comma_content(cue)
        if bare is not None:
            return bare, bare + 1
        return k, None

    def _bare_comma_content(self, cue: Cue) -> int | None:
        """«وأوضح الخيالي هاتفيا من سبها …، قتل حوالي 29 فردا», «ونقل الموقع عن مصادر في اليمن، مقتل
        مدني …»: a plain speech verb opening its clause, no «أن», colon or quotation mark in the
        sentence: the statement follows the comma after the speaker (the index of that comma)."""
        toks = self.doc.tokens
        if cue.cue.lemma not in BARE_VERBS or cue.strip == 0 or self._negated(cue.i):
            return None
        a, b = self.view.sent_ranges[toks[cue.i].sent]
        if any(toks[m].norm in COMPLEMENTIZERS or toks[m].norm == ":" or toks[m].prefix == "ب" and
               toks[m].stem in COMPLEMENTIZERS or (m in self.cue_starts and m != cue.i) for m in range(a, b)) \
                or any(toks[a].start <= qa < toks[b - 1].end for qa, _ in self.direct):
            return None  # (a quoted name «"صالح"» is no quotation)
        m = next((m for m in range(cue.j, min(b, cue.j + 14)) if toks[m].norm in ("،", ",")), None)
        if m is None or m == cue.j or m + 1 >= b:
            return None
        t = toks[m + 1]
        if not t.is_word or t.has_article or t.prefix or t.norm in SUBJECT_STOPS or t.norm in RELATIVES \
                or _glued_preposition(t) or self._names_at(m + 1) or t.norm[:1] == "و" or _is_hal(self.doc, t) \
                or (t.norm[:1] == "م" and len(t.norm) >= 5 and t.norm.endswith(("ه", "ا", "ين", "ون"))) \
                or sum(1 for n in range(m + 1, b) if toks[n].is_word) < 5:
            return None
        return m

    def _quoted_name_end(self, end: int, j: int) -> int:
        """«وكالة الأنباء البرازيلية "إيجنسيا برازيليرا"»: an organisation's own name in quotation
        marks right after it is part of the speaker's mention; the end of that name, else ``end``."""
        toks = self.doc.tokens
        k = self.view.token_at(end - 1) + 1
        if k >= j or toks[k].norm != '"':
            return end
        close = next((m for m in range(k + 2, min(j, k + 6)) if toks[m].norm == '"'), None)
        return toks[close].end if close is not None else end

    def _paren_close(self, k: int, j: int) -> int | None:
        """The ")" that closes a short parenthesised name opened at k (within eight tokens)."""
        toks = self.doc.tokens
        return next((m for m in range(k + 2, min(j, k + 9)) if toks[m].norm == ")"), None)

    def _open_paren(self, a: int, k: int) -> bool:
        depth = 0
        for t in self.doc.tokens[a:k]:
            depth += t.norm == "("
            depth -= t.norm == ")" and depth > 0
        return depth > 0

    def _name_in_marks(self, k: int, limit: int) -> bool:
        """«لشبكة «إم إس إن بي سي»، أنه», «وفقا لـ «سكاي نيوز عربية» إن»: a name in quotation marks
        that a complementizer follows is part of the subject segment, not the quotation."""
        toks = self.doc.tokens
        m = k + 1
        while m < limit and toks[m].norm != '"':
            m += 1
        if m - k > 7:  # a name is a few words; «قالت لرويترز “…” مضيفة أن»: the «أن» is the participle's
            return False
        for n in range(m + 1, limit):  # «وذكرت جماعة “X في Y” في بيان نشر على موقع …، أنها»
            if n in self.cue_starts or toks[n].norm in STOP_PUNCT or toks[n].norm in ('"', ":"):
                return False
            if toks[n].norm in COMPLEMENTIZERS:
                return True
        return False

    def _content(self, k: int, sent: int, direct: list[tuple[int, int]], used: set[int]) -> tuple[int, int, bool] | None:
        toks = self.doc.tokens
        _, b = self.view.sent_ranges[sent]
        while k < len(toks) and toks[k].norm in ("،", ",", ":"):
            k += 1
        if k >= len(toks):
            return None
        if k >= b and sent + 1 < len(self.view.sent_ranges) and (toks[k - 1].norm == ":" or (
                toks[k - 1].norm in COMPLEMENTIZERS and "\n" in self.doc.text[toks[k - 1].end:toks[k].start])):
            sent += 1  # «وأضاف:» or «مبينا أنه» then the statement on the next line
            _, b = self.view.sent_ranges[sent]
        # a quotation mark opens the content: the direct quote starting there
        for n, (qa, qb) in enumerate(direct):
            if toks[k].start <= qa <= toks[k].end + 1 or (toks[k].norm == '"' and qa == toks[k].end):
                used.add(n)
                return qa, qb, True
        if k >= b or toks[k].norm in ("{", "﴿"):
            return None  # a verse in braces is cited, not quoted
        end_tok = b - 1
        for m in range(k + 1, b):  # it stops before an attribution («، بحسب …») or the next cue («، مؤكدا أن»)
            if toks[m].norm in ("بحسب", "حسب", "وفقا", "طبقا", "نقلا"):
                end_tok = m - 1
                break
            if m in self.cue_starts:
                if m - k <= 8 and self.cue_kinds[m] != "participle" and not self.cue_strip[m] \
                        and not any(not toks[n].is_word for n in range(k, m)):
                    self.nested.add(m)  # «قالت المصادر إن غيدان أكد أن …»: a nested report stays in the outer one
                    continue
                end_tok = m - 1
                break
        while end_tok > k and not toks[end_tok].is_word and not toks[end_tok].norm.isdigit():
            end_tok -= 1
        start, end = toks[k].start, toks[end_tok].end
        if end - start < 6:
            return None
        # a direct quote inside the reported content stays its own: cut there; a short quoted
        # phrase well inside a long report («وإنه «في بعض الأحوال» …») is part of the report
        for n, (qa, qb) in enumerate(direct):
            if start < qa < end:
                used.add(n)
                if qa - start > 40 and len(self.doc.text[qa:qb].split()) <= 4:
                    return start, end, False
                return qa, qb, True
        return start, end, False

    def _entities_in(self, a: int, b: int) -> list[Entity]:
        return [e for e in self.doc.entities if a <= e.start and e.end <= b and not self._quoted(e.start)]

    def _quoted(self, offset: int) -> bool:
        """Inside a direct quotation: a name there is spoken about, not speaking."""
        return any(qa <= offset < qb for qa, qb in self.direct)

    def _addressee(self, start: int) -> bool:
        """An entity after «لـ» / glued ل («لوكالة الأنباء») is spoken to, not speaking."""
        toks = self.doc.tokens
        k = self.view.token_at(start)
        glued = normalise(self.doc.text[toks[k].start:start]).lstrip("وف")
        if glued.startswith("ل"):
            return True
        prev = toks[k - 1].norm if k > 0 else ""
        return prev in ("ل", "لـ", "عبر", "مع", "الي", "علي", "في") or (prev == '"' and k > 1 and toks[k - 2].norm == "ل")

    def _speaker(self, i: int, j: int, previous: list[ArgRef]) -> ArgRef | None:
        """The speaker named in tokens [i, j) after a speech verb."""
        toks = self.doc.tokens
        if j <= i:
            return None
        for k in range(i, j - 2):
            if toks[k].norm == "نقلا" and toks[k + 1].norm == "عن":
                # «وذكرت وكالة الأناضول نقلا عن مصادر أمنية أن …»: the agency relays, the source speaks
                relayed = self._speaker(k + 2, j, previous)
                if relayed is not None:
                    return relayed
                break
        a, b = toks[i].start, toks[j - 1].end
        ents = [e for e in self._entities_in(a, b) if not self._addressee(e.start)]
        actors = [m for m in self.doc.actors if a <= m.start and m.end <= b and not self._addressee(m.start)]
        # a person-like name right after «مصدر / مسؤول / شاهد» is the source's description
        # («مصدر عسكري سوري»), not a name
        pers = [e for e in ents if e.label == "PER" and not self._after_source_noun(e.start)
                and not self._statement_name(e.start)]
        naming = next((k for k in range(i, j) if toks[k].norm in NAMING), None)
        if naming is not None and pers and pers[0].start < toks[naming].start:
            # «مالك صقر يدعى مطر الكواري»: the name after «يدعى» is the speaker's
            pers = [e for e in pers if e.start > toks[naming].start] or pers
        if pers:
            return self._ref(pers[0].start, pers[0].end, pers[0].canonical)
        person_actors = [m for m in actors if (m.type or "").lower() in PERSON_TYPES
                         and not self._statement_name(m.start)]
        if person_actors:
            m = person_actors[0]
            return ArgRef(m.name, m.start, m.end, m.actor_id, m.inter, m.country)
        # the subject noun phrase: words before the first preposition or comma
        words: list = []
        first_k = -1
        skip_to = -1
        skip_outlet = False
        speech_words = _quote_data()[0]
        for k in range(i, j):
            t = toks[k]
            if t.norm == "من" and words and words[-1].stem in QUANTIFIERS:
                words.append(t)  # «عدد من الأهالي», «أحد المصادر»
                continue
            if k < skip_to:
                if t.is_word and not skip_outlet:
                    words.append(t)
                continue
            if not words and t.norm in ("ل", "لـ") and k + 1 < j and toks[k + 1].norm == '"':
                close = next((m for m in range(k + 2, min(j, k + 7)) if toks[m].norm == '"'), None)
                if close is not None:  # «قال لـ"الاقتصادية" مصدر عسكري»: the outlet is spoken to
                    skip_to = close + 1
                    skip_outlet = True
                    continue
            if t.norm in COMPLEMENTIZERS:
                break  # («وتابع الجهاز أن "…"»: the speaker ends where the statement begins)
            if t.norm in RESUMPTIVE:
                if words:
                    break
                continue  # «في الوقت الذي أكدت فيه مصادر صحفية أن»
            if words and (t.norm in TIME_WORDS or t.norm == "قد" or k in self.cue_starts or t.norm in SAYING
                          or (t.norm[:1] == "و" and t.norm[1:] in SUBJECT_STOPS) or t.norm in ("فان", "فانه", "فقد")
                          or (t.norm[:1] == "ي" and t.norm.endswith("ون") and len(t.norm) >= 5)
                          or "\u064b" in self.doc.text[t.start:t.end]) \
                    and not (len(words) == 1 and words[0].stem in ("صحيفه", "جريده")):
                # «مصادر عسكرية أمس», «الجنرال يوم الجمعة», «جنرال قد شارك», «مصدر أمني أعلن»: the
                # phrase ends before a time word, «قد» or a speech verb; «صحيفة اليوم» is a name
                break
            if t.norm == "(" and len(words) == 1 and (close := self._paren_close(k, j)) is not None:
                skip_to = close + 1  # «قناة (سي.إن.إن ترك) التلفزيونية»: the medium's name in parentheses
                continue
            if t.norm in ("،", ",", "(", ")") or t.norm in SUBJECT_STOPS or _glued_preposition(t):
                break
            if t.norm == '"' or (not words and (t.norm in SUBJECT_SKIP or t.norm in SPEECH_OBJECTS
                                                or any(r in speech_words for r in readings(t.norm)))):
                continue
            if t.norm in ADDRESSEE:  # «وقال لها إن»: spoken to
                if words:
                    break
                continue
            if not words and _is_hal(self.doc, t):  # «وقال طالباً التأمين على دعائه:»: how, not who
                break
            if not t.is_word:
                break
            if t.norm in NAMING:  # «شاهد عيان يدعى أحمد اكاي»: the name after يدعى
                named = []
                for u in toks[k + 1:j]:
                    if not u.is_word or _glued_preposition(u) or u.norm in SUBJECT_STOPS or len(named) == 3:
                        break  # «ورفض نشر اسمه لرويترز»: no name follows, the outlet is spoken to
                    named.append(u)
                if named:
                    s, e = named[0].start, named[-1].end
                    return ArgRef(self.doc.text[s:e], s, e)
                break
            if not words:
                first_k = k
            words.append(t)
        if words and self._report_noun(words[0]):
            return self._issuer(first_k, j, previous)
        if not words or all(t.norm in PRONOUN_SUBJECTS or t.norm in SPEECH_NOUNS or t.norm in HONORIFICS
                            for t in words):
            return None
        if words[0].norm in SPEECH_NOUNS or words[0].stem in SPEECH_NOUNS:
            return None
        if words[0].norm in ("ما", "ماذا", "كيف", "لماذا"):
            return None  # «وهو يصف ما يحصل:»: what is told about, not who tells it
        # a bare definite noun («المصدر», «الرئيس») refers back to a speaker already named
        if len(words) == 1 and words[0].has_article:
            stem = words[0].stem
            # «وأضاف المصدر» after «مصدر محلي»: the nearest mention, quoted before or not
            earlier = self._indefinite_before(words[0], i) if stem in SOURCE_NOUNS else None
            for prev in reversed(previous):
                # the noun heads the earlier speaker («المصدر» → «مصدر عسكري»), not a word inside its
                # phrase («الجهاز» is not «المتحدثة باسم الجهاز»)
                if prev.start is not None and stem in _norm_of(self.doc, prev.start, prev.end) \
                        and not _inside_phrase(_norm_of(self.doc, prev.start, prev.end), stem):
                    return earlier if earlier is not None and earlier.start > prev.end else prev
            if earlier is not None:
                return earlier
            named = self._person_before(words[0].start) if stem in TITLE_NOUNS else None
            if named is not None:
                return named
        if words[0].stem in SOURCE_NOUNS and not words[0].has_article:
            # «وأبلغت مصادر مطلعة الصحيفة بأن»: the unnamed source, not the outlet after it
            n = next((x for x, w in enumerate(words) if any(m.start <= w.start < m.end for m in actors)), len(words))
            s, e = self._np_start(words[0]), words[max(1, min(n, 8)) - 1].end
            return ArgRef(self.doc.text[s:e], s, e)
        head = [m for m in actors if m.start < words[-1].end + 1 and not self._statement_name(m.start)]
        if head:
            m = head[0]
            return ArgRef(m.name, m.start, m.end, m.actor_id, m.inter, m.country)
        # a place counts only as the whole subject («وقالت طهران»), not in «مكتب حاكم إسطنبول»
        orgs = [e for e in ents if e.start < words[-1].end + 1 and (
            e.label == "ORG" or (e.label == "LOC" and e.start <= words[0].stem_start))]
        if orgs:
            return self._ref(orgs[0].start, self._quoted_name_end(orgs[0].end, j), orgs[0].canonical)
        # an unnamed source («مصدر عسكري يمني») or a title without a name
        s, e = self._np_start(words[0]), words[min(len(words), 8) - 1].end
        return ArgRef(self.doc.text[s:e], s, e)

    def _statement_name(self, start: int) -> bool:
        """«بيان صادر عن مكتب …» read as a person's name ("Bayan Sader"): a noun of statement
        followed by «صادر / عن» is the statement, and its issuer speaks."""
        toks = self.doc.tokens
        k = self.view.token_at(start)
        return self._report_noun(toks[k]) and k + 1 < len(toks) \
            and toks[k + 1].norm in ("صادر", "صادره", "الصادر", "الصادره", "عن", "منسوب")

    def _np_start(self, t) -> int:
        """Where a speaker's noun phrase begins in its first token: after «و / ف» only (a subject
        takes no preposition: «كولو» is not «كـ + ولو»; the article stays: «المصادر الطبية»)."""
        n = len(t.prefix) - len(t.prefix.lstrip("وف"))
        return _skip_letters(self.doc, t.start, n) if n else t.start

    def _report_noun(self, t) -> bool:
        return t.norm in REPORT_NOUNS or t.stem in REPORT_NOUNS

    def _issuer(self, k0: int, j: int, previous: list[ArgRef]) -> ArgRef | None:
        """«وقال بيان وزارة الدفاع إن», «بحسب حصيلة لوكالة فرانس برس», «جاء في بيان صادر عن الجيش»:
        the statement speaks for whoever issued it, named after the noun; a bare «البيان» is the
        statement of the last speaker."""
        toks = self.doc.tokens
        k = k0 + 1
        if toks[k0].has_article:  # a definite noun takes no genitive: «البيان (الصادر) عن X» or the last speaker's
            while k < j and toks[k].has_article and toks[k].is_word and toks[k].norm not in RELATIVES:
                k += 1  # «البيان الصادر», «التقرير السنوي»
            if k + 2 < j and toks[k].norm in RELATIVES:
                # «الأرقام التي نشرتها وزارة الاقتصاد»: the subject of the relative clause issued it
                issuer = self._speaker(k + 2, j, [])
                if issuer is not None:
                    return issuer
            if k < j and toks[k].norm == "عن":
                k += 1
            elif not (k < j and _glued_preposition(toks[k]) and toks[k].prefix.lstrip("وف") in ("ل", "لل")):
                return previous[-1] if previous else None
        else:
            while k < j and toks[k].norm in ("صادر", "صادره", "عن", "منسوب"):
                k += 1
            if k >= j or not toks[k].is_word or toks[k].norm in SUBJECT_STOPS:
                if (k0 > 0 and toks[k0 - 1].norm == "في") or toks[k0].stem in SINGLE_STATEMENTS:
                    return None  # «وجاء في بيان:», «وقال بيان: إن»: a statement of no one named
                s, e = self._np_start(toks[k0]), toks[k0].end  # «أفادت تقارير بأن»: the reports themselves
                return ArgRef(self.doc.text[s:e], s, e)
            if k == k0 + 1 and not toks[k].has_article and toks[k].norm.endswith(("ي", "يه", "يون", "يين")) \
                    and not self._names_at(k) and toks[k0].stem not in SINGLE_STATEMENTS:
                # «أفاد تقرير حكومي أن»: an adjective, not the issuer; the report speaks
                s, e = self._np_start(toks[k0]), toks[k].end
                return ArgRef(self.doc.text[s:e], s, e)
        if k >= j:
            return None
        if _glued_preposition(toks[k]):  # the entity after a glued لـ is the issuer, not an addressee here
            lo, hi = toks[k].start, toks[min(j, k + 6) - 1].end
            for e in self.doc.entities:
                if lo <= e.start < hi and e.label in ("PER", "ORG") and not self._quoted(e.start):
                    return self._ref(e.start, e.end, e.canonical)
            for m in self.doc.actors:
                if lo <= m.start < hi:
                    return ArgRef(m.name, m.start, m.end, m.actor_id, m.inter, m.country)
            return None
        return self._speaker(k, j, previous)

    def _indefinite_before(self, word, i: int) -> ArgRef | None:
        """The last indefinite mention of a source noun («مصدر عسكري») in the sentences before."""
        toks = self.doc.tokens
        lo = self.view.sent_ranges[max(0, toks[i].sent - 5)][0]
        for k in range(i - 1, lo - 1, -1):
            t = toks[k]
            if t.stem == word.stem and not t.has_article and not t.prefix.lstrip("وف"):
                end = k + 1
                while end < len(toks) and end - k < 4 and toks[end].is_word and toks[end].has_article is False \
                        and toks[end].norm not in SUBJECT_STOPS and not _glued_preposition(toks[end]):
                    end += 1
                s, e = self._np_start(t), toks[end - 1].end
                return ArgRef(self.doc.text[s:e], s, e)
        return None

    def _after_source_noun(self, start: int) -> bool:
        toks = self.doc.tokens
        k = self.view.token_at(start)
        for back in (1, 2):
            if k - back < 0 or toks[k - back].norm in ("،", ","):
                return False
            if toks[k - back].stem in SOURCE_NOUNS or toks[k - back].norm in SOURCE_NOUNS:
                return True
        return False

    def _person_before(self, offset: int) -> ArgRef | None:
        """The last person named before an offset, in its sentence or the one before."""
        sent = self.doc.sentence_of(offset)
        lo = self.doc.sentences[max(0, sent - 1)].start
        pers = [e for e in self.doc.entities if e.label == "PER" and lo <= e.start < offset and not self._quoted(e.start)
                and not self._in_byline(e.start)]
        if pers:
            return self._ref(pers[-1].start, pers[-1].end, pers[-1].canonical)
        acts = [m for m in self.doc.actors if lo <= m.start < offset and (m.type or "").lower() in PERSON_TYPES
                and not self._quoted(m.start) and not self._in_byline(m.start)]
        if acts:
            m = acts[-1]
            return ArgRef(m.name, m.start, m.end, m.actor_id, m.inter, m.country)
        return None

    def _names_at(self, k: int) -> bool:
        """Does an entity or an actor mention start at token k (or the one after it)?"""
        toks = self.doc.tokens
        starts = {toks[k].start, toks[k].stem_start}
        if k + 1 < len(toks):
            starts.add(toks[k + 1].start)
        return any(e.start in starts for e in self.doc.entities) or any(m.start in starts for m in self.doc.actors)

    def _in_byline(self, offset: int) -> bool:
        """«لجين الأحمدي – متابعات»: the writer's name on the article's first line is no speaker."""
        return self.byline is not None and self.byline[0] <= offset < self.byline[1]

    def _subject_before(self, i: int) -> ArgRef | None:
        """A subject right before its verb («لكن طهران أكدت أنها …»)."""
        toks = self.doc.tokens
        if i == 0 or toks[i - 1].sent != toks[i].sent or self.cue_strip.get(i, 0) > 0:
            return None  # «… في اليمن وقال:»: a verb with «و» opens a clause of its own
        prev = toks[i - 1]
        for e in self.doc.entities:
            if e.end == prev.end and e.label in ("PER", "ORG", "LOC"):
                return self._ref(e.start, e.end, e.canonical)
        for m in self.doc.actors:
            if m.end == prev.end:
                return ArgRef(m.name, m.start, m.end, m.actor_id, m.inter, m.country)
        # «لكن إياد البزم المتحدث باسم الوزارة قال», «وكان عيدان قد قال»: a person a few words before
        k = i - 1
        while k > 0 and i - k < 8 and toks[k].sent == toks[i].sent and toks[k].norm not in ("،", ",", ".", ":", '"'):
            k -= 1
        lo = toks[k].start
        pers = [e for e in self.doc.entities if e.label == "PER" and lo <= e.start and e.end <= prev.end]
        if pers:
            return self._ref(pers[0].start, pers[0].end, pers[0].canonical)
        acts = [m for m in self.doc.actors if lo <= m.start and m.end <= prev.end
                and (m.type or "").lower() in PERSON_TYPES]
        if acts:
            m = acts[0]
            return ArgRef(m.name, m.start, m.end, m.actor_id, m.inter, m.country)
        # «وعندما تم استجواب المبتعث السعودي أقر بأنه»: a definite noun phrase right before a
        # verb without «و» is its subject (a title or description with no name)
        k = i - 1
        while k >= 0 and i - k <= 3 and toks[k].sent == toks[i].sent and toks[k].is_word and toks[k].has_article \
                and not toks[k].prefix.lstrip("وف").startswith(("ل", "ب", "ك")) and toks[k].norm not in SUBJECT_STOPS:
            k -= 1
        if k < i - 1 and (toks[k + 1].stem in TITLE_NOUNS or toks[k + 1].stem in SOURCE_NOUNS
                          or toks[k + 1].stem in PERSON_NOUNS):
            s, e = self._np_start(toks[k + 1]), prev.end
            return ArgRef(self.doc.text[s:e], s, e)
        return None

    def _clause_start(self, cue: Cue) -> bool:
        """A verb that opens its clause: sentence-initial, after «و / ف» or a comma, and with no
        other cue before its «أن»."""
        toks = self.doc.tokens
        a, _ = self.view.sent_ranges[toks[cue.i].sent]
        if not (cue.i == a or cue.strip > 0 or toks[cue.i - 1].norm in ("،", ",", "ثم", "كما")):
            return False
        seg_end, comp = self._segment_end(cue, self.direct)
        return comp is not None and not any(m in self.cue_starts for m in range(cue.j, seg_end))

    def _divine(self, ref: ArgRef) -> bool:
        return ref.start is not None and _norm_of(self.doc, ref.start, ref.end).split()[:1] == ["الله"]

    def _is_person(self, ref: ArgRef) -> bool:
        if ref.start is None:
            return False
        if any(e.label == "PER" and e.start < ref.end and ref.start < e.end for e in self.doc.entities):
            return True
        return any((m.type or "").lower() in PERSON_TYPES and m.start < ref.end and ref.start < m.end
                   for m in self.doc.actors)

    def _fronted_subject(self, i: int) -> ArgRef | None:
        """«لكن صحيفة تينيسيان المحلية أكدت أنه», «غير أن المراقبين يؤكدون أن»: the noun phrase
        between a clause opener and its verb."""
        toks = self.doc.tokens
        k = i - 1
        while k >= 0 and i - k <= MAX_FRONTED and toks[k].sent == toks[i].sent and toks[k].is_word \
                and toks[k].norm not in CLAUSE_OPENERS:
            k -= 1
        if k < 0 or i - k > MAX_FRONTED or k == i - 1 or toks[k].norm not in CLAUSE_OPENERS:
            return None
        if toks[k].norm == "ان" and not (k > 0 and toks[k - 1].norm in ("غير", "الا")):  # «غير أن», «إلا أن»
            return None
        return self._speaker(k + 1, i, [])

    def _subjectless_opener(self, sent: int) -> bool:
        """The sentence opens with «و / ف» + a speech verb followed by no name (a pro-drop subject)."""
        toks = self.doc.tokens
        a, b = self.view.sent_ranges[sent]
        if a not in self.cue_starts or self.cue_strip.get(a, 0) == 0 or self.cue_kinds.get(a) != "verb" \
                or a + 1 >= b:
            return False
        nxt = toks[a + 1]
        if nxt.has_article or not nxt.is_word or self._names_at(a + 1):
            return False
        return not any(e.start == nxt.start for e in self.doc.entities) \
            and not any(m.start == nxt.start for m in self.doc.actors)

    def _agreeing_subject(self, i: int, sent: int, last: ArgRef) -> ArgRef | None:
        """The subject after the verb that opens the sentence before ``sent``, when the speech
        verb at ``i`` agrees with it in gender and not with the last speaker."""
        toks = self.doc.tokens
        verb = toks[i].norm[1:] if toks[i].norm[:1] in "وف" else toks[i].norm
        if not verb.endswith(("قال", "قالت", "اضاف", "اضافت", "اكد", "اكدت", "اوضح", "اوضحت")) \
                or last.start is None or sent < 1:
            return None
        a, _ = self.view.sent_ranges[sent - 1]
        if self._quoted(toks[a].start):
            return None
        subject = self._opening_subject(self.view.sent_ranges[sent - 1][1] - 1)
        if subject is None or subject.start is None or self._is_person(subject):
            return None
        feminine = verb.endswith("ت")
        if _feminine(_norm_of(self.doc, subject.start, subject.end)) != feminine \
                or _feminine(_norm_of(self.doc, last.start, last.end)) == feminine or self._is_person(last):
            return None
        return subject

    def _pluperfect_subject(self, i: int) -> ArgRef | None:
        """«وكانت قوات الدفاع الشعبي، …، دانت …»: the noun phrase right after a sentence-initial
        «وكان / وكانت / وكانوا» (up to its first comma) is the subject of the sentence."""
        toks = self.doc.tokens
        a, _ = self.view.sent_ranges[toks[i].sent]
        if a >= i or toks[a].norm not in PLUPERFECT:
            return None
        end = a + 1
        while end < i and end - a <= 8 and toks[end].norm not in ("،", ",", ":", "قد") and toks[end].is_word:
            end += 1
        if end == a + 1:
            return None
        return self._speaker(a + 1, end, [])

    def _antecedent(self, i: int) -> ArgRef | None:
        """«… عن متحدث باسم الشرطة الذي أكد أن»: a relative's speaker is the noun phrase before it."""
        toks = self.doc.tokens
        if i < 2 or toks[i - 1].norm not in RELATIVES or toks[i - 1].sent != toks[i].sent:
            return None
        k = i - 2
        while k > 0 and i - k < 8 and toks[k - 1].sent == toks[i].sent and toks[k - 1].is_word \
                and toks[k - 1].norm not in ("عن", "من", "ان", "إن", "قال", "قالت") and not _glued_preposition(toks[k]):
            k -= 1
        ref = self._speaker(k, i - 1, [])
        return ref

    def _title_subject_before(self, i: int) -> ArgRef | None:
        """«وانتقد رئيس بلدية ناغازاكي توميهيسا تاوي …. وقال "…"»: a verb with no subject of its own
        and nobody quoted before: the titled person (a title noun without the article, in
        construct) that the sentence or the one before makes its subject."""
        toks = self.doc.tokens
        sent = toks[i].sent
        lo = self.view.sent_ranges[max(0, sent - 1)][0]
        for k in range(lo, i):
            t = toks[k]
            if t.is_word and not t.has_article and t.norm in TITLE_NOUNS and not self._quoted(t.start) \
                    and k > 0 and toks[k - 1].is_word and not toks[k - 1].has_article:
                end = k + 1
                _, b = self.view.sent_ranges[t.sent]
                while end < b and end - k < 8 and toks[end].is_word and toks[end].norm not in SUBJECT_STOPS \
                        and not _glued_preposition(toks[end]):
                    end += 1
                if end - k >= 3:
                    s, e = t.start, toks[end - 1].end
                    # «وحاول رئيس الوزراء الإسرائيلي بنيامين نتنياهو …»: the person the title names
                    hi = toks[min(end + 3, b) - 1].end
                    pers = [x for x in self.doc.entities if x.label == "PER" and s <= x.start < hi]
                    if pers:
                        return self._ref(pers[0].start, pers[0].end, pers[0].canonical)
                    return ArgRef(self.doc.text[s:e], s, e)
        return None

    def _opening_subject(self, i: int) -> ArgRef | None:
        """The subject after the word that opens the sentence of token i (a verb, read as such
        when it carries no article and is not a preposition)."""
        toks = self.doc.tokens
        a, _ = self.view.sent_ranges[toks[i].sent]
        first = toks[a]
        if not first.is_word or first.has_article or first.norm in SUBJECT_STOPS or _glued_preposition(first) \
                or a in self.cue_starts or first.norm in CLAUSE_OPENERS:
            return None
        end = a + 1
        while end < i and end - a <= 8 and toks[end].norm not in ("،", ",", ".", ":"):
            end += 1
        return self._speaker(a + 1, end, []) if end > a + 1 else None

    def _new_subject(self, sent: int, last_sent: int) -> ArgRef | None:
        """The person named among the first words of the sentence before ``sent`` (or the one
        before it), after the last quote's sentence: the subject of its verb («من ناحيته، أكد
        نائب الرئيس فلان …»), not a name after a preposition."""
        toks = self.doc.tokens
        for s in range(sent - 1, max(last_sent, sent - 3, -1), -1):
            a, b = self.view.sent_ranges[s]
            words = [k for k in range(a, b) if toks[k].is_word][:8]
            if not words:
                continue
            lo, hi = toks[words[0]].start, toks[words[-1]].end
            for e in self.doc.entities:
                if e.label != "PER" or not lo <= e.start < hi or self._quoted(e.start) or self._in_byline(e.start):
                    continue
                k = self.view.token_at(e.start)
                prev = toks[k - 1] if k > a else None
                if self._addressee(e.start) or _glued_preposition(toks[k]) or (
                        prev is not None and (prev.norm in SUBJECT_STOPS or _glued_preposition(prev))):
                    continue
                return self._ref(e.start, e.end, e.canonical)
        return None

    def _negated(self, i: int) -> bool:
        toks = self.doc.tokens
        for k in (i - 1, i - 2):
            if k >= 0 and toks[k].sent == toks[i].sent and (toks[k].norm in NEGATORS or (
                    toks[k].norm[:1] in "وف" and toks[k].norm[1:] in NEGATORS)):
                if toks[k].norm == "ما" and k == i - 1 and toks[i].norm[:1] not in "يت":
                    return False  # «ما وصفه مسؤولون بأنه»: what was said, not a denial
                return True  # «لم يذكر», «ولم تعلن الوزارة حصيلة …»
            if k >= 0 and toks[k].norm not in ("ان", "أن"):
                break
        return False

    def _sentence_subject(self, i: int) -> ArgRef | None:
        """For a participle («…، مؤكدا أن») with no speaker yet: the person, else the actor,
        that the sentence is about (the first one named before it)."""
        toks = self.doc.tokens
        a = self.doc.sentences[toks[i].sent].start
        b = toks[i].start
        pers = [e for e in self.doc.entities if e.label == "PER" and a <= e.start < b and not self._in_byline(e.start)]
        if pers:
            return self._ref(pers[0].start, pers[0].end, pers[0].canonical)
        acts = [m for m in self.doc.actors if a <= m.start < b and not self._addressee(m.start)
                and not self._in_byline(m.start)]
        acts.sort(key=lambda m: ((m.type or "").lower() not in PERSON_TYPES, m.start))
        if acts:
            m = acts[0]
            return ArgRef(m.name, m.start, m.end, m.actor_id, m.inter, m.country)
        return None

    def _ref(self, start: int, end: int, canonical: str | None) -> ArgRef:
        for m in self.doc.actors:
            if m.start < end and start < m.end:
                return ArgRef(m.name, start, end, m.actor_id, m.inter, m.country)
        return ArgRef(canonical or self.doc.text[start:end], start, end)

    def _attribution(self, cue: Cue, cue_span: Span) -> Quote | None:
        """«… بحسب X»: the clause before the cue, attributed to X; «بحسب X، فقد / فإن …» at the head
        of its sentence: the clause after X."""
        toks = self.doc.tokens
        sent = toks[cue.i].sent
        a, b = self.view.sent_ranges[sent]
        lemma = cue.cue.lemma
        if lemma == "kama" and (cue.i - a < 3 or toks[cue.i - 1].norm not in ("،", ",")):
            return None  # «كما أعلنت الوزارة أن»: «also», a plain speech verb
        if lemma == "hadd" and not (cue.j < b and toks[cue.j].norm.startswith(("قول", "وصف", "تعبير", "زعم"))):
            return None  # «على حد سواء»
        k = cue.j
        words = _quote_data()[0]
        verb = None
        while k < b and (toks[k].norm in ("ل", "لـ", "،", ",", "ما", "لما") or
                         ((toks[k - 1].norm in ("ما", "لما") or (k == cue.j and toks[cue.i].norm.endswith("ما")))
                          and _verb_reading(toks[k].norm, words) is not None)):
            if toks[k].norm not in ("ل", "لـ", "،", ",", "ما", "لما"):
                verb = _verb_reading(toks[k].norm, words)
            k += 1  # «وفق ما نقلت X», «بحسب ما أكدت X», «حسبما أفادت X», «طبقا لما أعلنته X»
        if k + 2 < b and toks[k - 1].norm in ("ما", "لما") and toks[k].norm in ("جاء", "ورد") and toks[k + 1].norm == "في":
            k += 2  # «حسب ما جاء في بيان لوزارة الدفاع»: the statement's issuer
        if lemma == "ala_ma" and verb is None:
            return None  # «حصل على ما يريد»
        if lemma == "hadd":
            speaker = None
        else:
            seg_end = k
            while seg_end < b and seg_end - k < 8 and toks[seg_end].norm not in ("،", ",", ".", "؟", "!") \
                    and not (cue.i == a and toks[seg_end].norm in FRONTED_OPENERS) \
                    and not (seg_end > k and (seg_end in self.cue_starts or toks[seg_end].norm in COMPLEMENTIZERS)):
                seg_end += 1  # («حسب مصدر عسكري أوضح أن …»: the source ends before its own verb)
            if seg_end <= k:
                return None
            if self._report_noun(toks[k]) and toks[k].has_article and k + 1 < seg_end \
                    and not toks[k + 1].has_article and toks[k + 1].norm != "عن" and not _glued_preposition(toks[k + 1]):
                seg_end = k + 1  # «وبحسب البيان استدرج رجل …»: a definite noun takes no genitive; the clause follows
            if verb is not None and verb.lemma == "naqal":  # «بحسب ما نقلت الصحيفة عن متحدث باسم الشرطة»
                m = next((m for m in range(k, seg_end) if toks[m].norm == "عن"), None)
                if m is not None and m + 1 < seg_end:
                    k = m + 1
            x0, x1 = toks[k].start, toks[seg_end - 1].end
            named = self._entities_in(x0, x1) or [m for m in self.doc.actors if x0 <= m.start and m.end <= x1]
            source = verb is not None or any(t.stem in SOURCE_HEADS for t in toks[k:min(seg_end, k + 3)]) \
                or (seg_end == k + 1 and toks[k].has_article and toks[k].stem.endswith("ي") and len(toks[k].stem) >= 4)
            # («وفق الدويري»: a family name of the nisba form, alone before the end of the clause)
            if not named and not source:
                return None  # «وفقا للقانون», «حسب الخطة»: no source
            if not source and _glued_preposition(toks[k]) \
                    and not any(x.start in (toks[k].start, toks[k].stem_start) for x in named):
                return None  # «وفقا لمبادرة خليجية رعتها السعودية»: a name further on is no source
            speaker = self._speaker(k, seg_end, [])
            if speaker is None and self._report_noun(toks[k]) and toks[k].has_article:
                speaker = self.last_speaker  # «وبحسب البيان» after «وقالت الشرطة في بيان»
            if speaker is None and named:  # «بحسب تقرير نشرته رويترز»: the report's publisher
                first = min(named, key=lambda x: x.start)
                if isinstance(first, Entity):
                    speaker = self._ref(first.start, first.end, first.canonical)
                else:
                    speaker = ArgRef(first.name, first.start, first.end, first.actor_id, first.inter, first.country)
            if speaker is None and _glued_preposition(toks[k]):
                speaker = self._glued_source(k, seg_end)
            front = seg_end if cue.i == a and seg_end < b else self._mid_opener(cue.i, seg_end, b)
            if front is not None:  # a fronted source: the content follows it
                c = front
                while c < b and (toks[c].norm in ("،", ",") or toks[c].norm in FRONTED_OPENERS):
                    c += 1
                if c < b or (c < len(toks) and toks[c - 1].norm == '"'):
                    content = self._content(c - (toks[c - 1].norm == '"'), sent, self.direct, self.used_direct)
                    if content is None:
                        return None
                    if c in self.cue_starts and self.cue_kinds.get(c) == "verb" and speaker is not None \
                            and toks[c - 1].norm in ("فقد", "فان") \
                            and not any(toks[m].norm in COMPLEMENTIZERS for m in range(c + 1, min(b, c + 8))):
                        # «وحسب موقع "سكاي نيوز عربية"؛ فقد أعلنت المقاومة، عن مقتل …»: the report inside
                        # the source's report, opened by «فقد» and with no «أن» of its own, is the source's
                        # («وبحسب موقع 24 أوضحت "ولاية خراسان" أن …» stays the inner speaker's)
                        self.nested.add(c)
                    start, end, is_direct = content
                    return Quote(start, end, is_direct, self.doc.text[cue_span.start:cue_span.end], cue_span, speaker)
                return None
        # the clause before the cue, back to the sentence start; none when a speech verb opens it
        # («وقال سكان محليون، وفقا لـ …، إن»: the verb's quote)
        # («…، مؤكدة دعمها الكامل لتركيا، وفق بيان للوزارة.»: a participle whose statement never
        # follows is part of the clause attributed)
        told_after = any(toks[m].norm in COMPLEMENTIZERS or toks[m].norm == ":" for m in range(cue.j, min(b, cue.j + 12)))
        for n in range(max(a, cue.i - 8), cue.i):
            if self.cue_kinds.get(n) not in (None, "attribution") and (told_after or self.cue_kinds.get(n) != "participle") \
                    and not any(toks[m].norm in COMPLEMENTIZERS or toks[m].norm == ":" for m in range(n + 1, cue.i)):
                return None
        c = cue.i - 1
        while c > a and toks[c].norm in ("،", ","):
            c -= 1
        end = toks[c].end if c >= a else None
        if end is None:
            return None
        start_k = a
        if toks[a].start >= end:
            return None
        start = toks[start_k].start
        if end - start < 10:
            return None
        return Quote(start, end, False, self.doc.text[cue_span.start:cue_span.end], cue_span, speaker)

    def _mid_opener(self, i: int, seg_end: int, b: int) -> int | None:
        """«وتجمع ألف شخص، وحسب فلان، أحد المنظمين، فإن …»: a source after a comma whose clause
        opens with «فإن / فقد» a few words on is fronted too; the index of that opener."""
        toks = self.doc.tokens
        if toks[i - 1].norm not in ("،", ","):
            return None
        for c in range(seg_end, min(b, seg_end + 10)):
            if toks[c].norm in ("فان", "فانه", "فانها", "فانهم", "فقد"):
                return c
            if c in self.cue_starts or toks[c].norm in COMPLEMENTIZERS:
                return None
        return None

    def _glued_source(self, k: int, seg_end: int) -> ArgRef | None:
        """«وفقا للمصادر», «وفقا لتقرير إخباري», «طبقا لمصادر أمنية»: the unnamed source after the
        glued «لـ» of the attribution (a bare «المصادر» is the last speaker it names)."""
        toks = self.doc.tokens
        t = toks[k]
        if not (t.stem in SOURCE_HEADS or t.stem in REPORT_NOUNS):
            return None
        end = k + 1
        while end < seg_end and end - k < 4 and toks[end].is_word and toks[end].norm not in SUBJECT_STOPS \
                and not _glued_preposition(toks[end]) and end not in self.cue_starts \
                and toks[end].norm not in PUBLISH_VERBS:
            end += 1
        if end == k + 1 and t.has_article:
            for prev in reversed(self.speakers):
                if prev.start is not None and t.stem in _norm_of(self.doc, prev.start, prev.end):
                    return prev
        s, e = t.stem_start, toks[end - 1].end
        return ArgRef(self.doc.text[s:e], s, e)

    def _trailing_attribution(self, a: int, b: int, cues: list[Cue]) -> Quote | None:
        toks = self.doc.tokens
        for cue in cues:
            t = toks[cue.i]
            if t.start < b or t.start - b > 12 or cue.cue.kind not in ("verb", "continuation"):
                continue
            sent_end = self.view.sent_ranges[t.sent][1]
            seg_end = cue.j
            while seg_end < sent_end and toks[seg_end].norm not in STOP_PUNCT and seg_end - cue.j < 8:
                seg_end += 1
            if any(toks[m].norm in COMPLEMENTIZERS or toks[m].norm == ":" for m in range(cue.j, seg_end)):
                continue  # «"…". وتابع الجهاز أن "…"»: the verb introduces a statement of its own
            speaker = self._speaker(cue.j, seg_end, [])
            cue_span = Span(_skip_letters(self.doc, t.start, cue.strip), toks[cue.j - 1].end)
            return Quote(a, b, True, self.doc.text[cue_span.start:cue_span.end], cue_span, speaker)
        return None


def _feminine(phrase: str) -> bool:
    """A noun phrase's gender by its head («الحركة», «القوات»: feminine; «مكتب»: masculine)."""
    head = phrase.split()[0] if phrase.split() else ""
    return head.endswith(("ه", "ات"))


def _verb_reading(word: str, words: dict[str, SpeechCue]) -> SpeechCue | None:
    """The speech cue a word reads as, also with an object pronoun («أعلنته», «ذكرتها»)."""
    for r in readings(word):
        for cand in (r, r[:-1] if r.endswith("ه") else r, r[:-2] if r.endswith("ها") else r):
            if cand in words:
                return words[cand]
    return None


def _inside_phrase(phrase: str, stem: str) -> bool:
    """Is ``stem`` found in ``phrase`` only after «باسم / لـ / في / من» (the organisation of a
    spokesman, not the spokesman)?"""
    words = phrase.split()
    hits = [n for n, w in enumerate(words) if stem in w]
    return bool(hits) and all(n > 0 and (words[n - 1] in ("باسم", "في", "من", "عن", "لدي") or _glued_word(words[n]))
                              for n in hits)


def _glued_word(word: str) -> bool:
    return word[:1] in "لب" and len(word) > 4 and word[1:3] == "ال"


def _byline_span(text: str) -> tuple[int, int] | None:
    """The article's first non-empty line when it is a byline: at most six words, no sentence end
    and no speech («لجين الأحمدي – متابعات», «الرياض - محمد العلي»)."""
    start = len(text) - len(text.lstrip())
    end = text.find("\n", start)
    if end < 0:
        return None
    line = text[start:end].strip()
    if not line or len(line.split()) > 6 or _SENTENCE_END.search(line) or ":" in line:
        return None
    return start, end


def _glued_preposition(t) -> bool:
    """«لوكالة الأنباء»: a word with a glued ل or ب ends a speaker's noun phrase («باسم» does not)."""
    if t.norm in ("باسم", "بن", "بنت") or len(t.norm) < 4 or t.norm in NOT_GLUED or t.stem in NOT_GLUED:
        return False
    if t.prefix.lstrip("وف") in ("ل", "ب", "لل", "بال"):
        return True
    return t.norm[0] in "لب" and t.norm[1:] in readings(t.norm) and t.norm[1:2] != "ل"


def _skip_letters(doc: Document, start: int, n: int) -> int:
    """The original offset n normalised characters after ``start`` (past a proclitic)."""
    if n <= 0:
        return start
    k = bisect.bisect_left(doc.norm_to_orig, start)
    return doc.norm_to_orig[k + n] if k + n < len(doc.norm_to_orig) else start


def _dedupe(quotes: list[tuple[Quote, bool]]) -> list[Quote]:
    """Overlapping quotes keep the one with a speaker, then one a speech verb introduced (an
    attribution inside a reported statement is part of it), then the direct one, then the longer."""
    ranked = sorted(quotes, key=lambda x: (x[0].speaker is None, x[1], not x[0].direct, -(x[0].end - x[0].start),
                                            x[0].start))
    kept: list[Quote] = []
    for q, _ in ranked:
        if all(q.end <= k.start or k.end <= q.start for k in kept):
            kept.append(q)
    return sorted(kept, key=lambda q: q.start)


def _norm_of(doc: Document, start: int, end: int) -> str:
    return normalise(doc.text[start:end])


def _is_hal(doc: Document, t) -> bool:
    """An indefinite accusative participle («طالباً», «مبتسما»): a circumstantial phrase."""
    if t.has_article or t.prefix or not t.norm.endswith("ا") or len(t.norm) < 5:
        return False
    if "ً" in doc.text[t.start:t.end]:
        return True
    if t.norm.endswith(("نا", "ها")):
        return False  # «مصادرنا», «مصادرها»
    return (t.norm[0] == "م" and len(t.norm) >= 6) or (len(t.norm) == 5 and t.norm[1] == "ا")
