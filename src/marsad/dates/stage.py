"""The dates stage: every time expression of an article, resolved against its publication date.

Works on ``doc.norm`` (digits, alef and hamza already folded) and maps spans back with
``doc.to_orig``. When the article has no publication date, the dateline or the first full
date of the lead is taken as the anchor and ``doc.published_inferred`` is set.
"""

from __future__ import annotations

import datetime as dt
import functools
import re

from marsad.dates.grammar import Lexeme, Match, find, lex
from marsad.dates.resolve import Frame, interpret, resolve
from marsad.document import Document, Timex
from marsad.text.clitics import vocabulary
from marsad.text.normalise import DROP_SET

LEAD_CHARS = 600  # where a full date confirmed by its weekday is looked for
DATELINE_CHARS = 80  # a full date this close to the start is a dateline
LEAD_FIRST_DATE_CHARS = 300  # otherwise the first full date of the lead
FUTURE_WINDOW = 8  # words before a date searched for a future-tense cue
PRESENT_AHEAD_DAYS = 45  # a present-tense clause reads a yearless date ahead when it is this close
FUTURE_WORDS = frozenset(
    "سوف المقرر المزمع المرتقب المنتظر يعتزم تعتزم يعتزمون نعتزم اعتزامه اعتزامها ستكون سيكون يرتقب "
    "يتوقع المتوقع ينتظر مرتقبه مرتقب المقبل المقبله القادم القادمه لن تاجيل ارجاء تمديد ترحيل "
    "يفترض المفترض يزمع تزمع".split()
)
# past-tense markers and reporting verbs: a date after them belongs to them, not to a verb further back
PAST_STOP = frozenset(
    "قد لقد كان كانت كانوا قال قالت اعلن اعلنت اكد اكدت اوضح اوضحت اضاف اضافت ذكر ذكرت افاد افادت صرح "
    "صرحت اشار اشارت امس منذ التي الذي الذين".split()
)
# words before a date that cite a document or start a period: not the article's own date
CITING_WORDS = frozenset("بتاريخ وتاريخ تاريخ منذ حتى اعتبارا ابتداء العدد عدد".split())
NAMED_AFTER = frozenset("قصر شارع ساحه جسر مستشفي ميدان جامعه مدرسه حي مدينه قوي تيار حركه ملعب مطار".split())
NOT_FUTURE = frozenset("سيدي سيده سيتي ستار سيناء سيناريو سيرين سينما ستوديو ستيفن سيمون سينيه".split())


@functools.cache
def _is_future_verb(word: str) -> bool:
    """سـ + a present-tense verb (سيعقد, ستبدأ): the remainder is the more common word."""
    if word in FUTURE_WORDS or (word[:1] in ("و", "ف") and word[1:] in FUTURE_WORDS):
        return True
    for w in (word, word[1:] if word[:1] in "وف" else ""):
        if len(w) >= 5 and w[0] == "س" and w[1] in "يتنا" and w not in NOT_FUTURE:
            vocab = vocabulary()
            rest = vocab.get(w[1:], 0)
            if rest >= 5 and rest > vocab.get(w, 0):
                return True
    return False


class Dates:
    name = "dates"
    needs: tuple[str, ...] = ("norm",)
    adds: tuple[str, ...] = ("dates", "timexes")

    def __call__(self, doc: Document) -> None:
        doc.timexes = tag(doc)


def tag(doc: Document) -> list[Timex]:
    """The timexes of a document (sets ``doc.published`` when it has to infer it)."""
    norm = doc.norm
    if not norm and doc.text:
        from marsad.text.normalise import normalise_with_map

        doc.norm, doc.norm_to_orig = normalise_with_map(doc.text)
        norm = doc.norm
    lx, codes, words, spans = lex(norm)
    found: list[tuple[Match, Frame, Frame | None]] = []
    ranges: dict[int, tuple[Frame, Frame]] = {}

    def accept(m: Match) -> bool:
        a0 = m.k0 + 1 if lx[m.k0].code in "bvf" else m.k0
        b0 = m.split + (2 if codes[m.split:m.split + 2] == "&t" else 1)
        fa, fb = interpret(lx, a0, m.split, words, True), interpret(lx, b0, m.k1, words, True)
        if fa is None or fb is None:
            return False
        _fill_range(fa, fb)
        if not (_valid_day(fa) and _valid_day(fb)):
            return False
        ranges[m.k0] = (fa, fb)
        return True

    for m in find(codes, lx, accept):
        if m.is_range:
            fa, fb = ranges[m.k0]
            found.append((m, fa, fb))
            continue
        f = interpret(lx, m.k0, m.k1, words)
        if f is not None:
            found.append((m, f, None))
    _propagate_years(found, codes)

    anchor = doc.published
    if isinstance(anchor, dt.datetime):
        anchor = anchor.date()
    if anchor is None:
        anchor = _infer_published(found, lx, codes, words)
        if anchor is not None:
            doc.published, doc.published_inferred = anchor, True

    out: list[Timex] = []
    for m, fa, fb in found:
        if _yearly(words, lx[m.k1 - 1].tok + lx[m.k1 - 1].ntok):
            continue  # «30 يوليوز من كل سنة»: every year, no one date
        if fb is None and fa.year is None and fa.day is not None and fa.month is not None and fa.month_mod is None \
                and lx[m.k0].tok > 0 and words[lx[m.k0].tok - 1] in NAMED_AFTER:
            continue  # قصر 14 تموز, قوى 14 آذار: a name taken from a date
        tense = _tense_before(words, lx[m.k0].tok) if _needs_future(fa) else ""
        future = tense == "future"
        va = resolve(fa, anchor, future)
        if va is None:
            continue
        if tense == "present" and fa.weekday is None and anchor is not None:
            # «تنطلق البطولة في 12 أغسطس»: a scheduled event in the coming weeks, not last year's
            ahead = resolve(fa, anchor, True)
            if ahead is not None and ahead != va and _within(ahead[0], anchor, PRESENT_AHEAD_DAYS):
                va = ahead
        value, gran, end_value = va
        kind = "range" if end_value else "date"
        if fb is not None:
            vb = resolve(fb, anchor, future)
            if vb is None:
                continue
            end_value = vb[2] or vb[0]
            kind = "range"
        if end_value is not None:
            if end_value < value:
                value, end_value = end_value, value  # «من 2016 إلى 2014»
            gran = "range"  # the granularity the core contract gives a span with an end_value
        k0 = m.k0 + 1 if lx[m.k0].code == "s" else m.k0  # «شهر أيلول الماضي» → أيلول الماضي
        start, end = _orig_span(doc, lx[k0].start, lx[m.k1 - 1].end)
        out.append(Timex(start, end, value, gran, kind, end_value,
                         "hijri" if fa.hijri else "gregorian", fa.relative))
    return _anaphoric_days(doc, norm, out)


# a day told against the day named before it: «في اليوم التالي» (+1), «في اليوم نفسه» (0),
# «قبل ذلك بيوم» (−1), «بعد ذلك بيومين» (+2); no day named before it: no date
_COUNT = {"يوم": 1, "يومين": 2, "ثلاثه": 3, "اربعه": 4, "خمسه": 5, "سته": 6, "سبعه": 7}
_ANAPHORIC = re.compile(
    r"(?<![\w])[وف]?(?P<x>(?P<next>(?:(?:صباح|مساء|ليل|ليله|فجر|ظهر) )?اليوم التالي|(?:صباح|مساء|ليله) اليوم التالي)"
    r"|(?P<same>اليوم (?:نفسه|ذاته)|نفس اليوم|ذات اليوم|الليله (?:نفسها|ذاتها))"
    r"|(?P<dir>قبل|بعد) ذلك ب(?P<n>يوم|يومين|(?:ثلاثه|اربعه|خمسه|سته|سبعه|\d+) ايام))(?![\w])")


def _anaphoric_days(doc: Document, norm: str, out: list[Timex]) -> list[Timex]:
    if "اليوم" not in norm and "ذلك ب" not in norm and "الليله" not in norm:
        return out
    added: list[Timex] = []
    for m in _ANAPHORIC.finditer(norm):
        start, end = _orig_span(doc, m.start("x"), m.end("x"))
        if any(t.start < end and start < t.end for t in out):
            continue
        before = [t for t in sorted(out + added, key=lambda t: t.start)
                  if t.end <= start and t.granularity == "day" and t.kind == "date"]
        if not before:
            continue
        try:
            day = dt.date.fromisoformat(before[-1].value[:10])
        except ValueError:
            continue
        if m.group("next"):
            shift = 1
        elif m.group("same"):
            shift = 0
        else:
            n = m.group("n").split()[0]
            shift = (_COUNT.get(n) or int(n)) * (-1 if m.group("dir") == "قبل" else 1)
        added.append(Timex(start, end, (day + dt.timedelta(days=shift)).isoformat(), "day", "date",
                           None, "gregorian", True))
    return sorted(out + added, key=lambda t: t.start) if added else out


def _yearly(words: list[str], tok: int) -> bool:
    """The words after a date say it recurs: «من كل عام», «كل سنة», «سنويا»."""
    after = words[tok:tok + 3]
    if after[:1] == ["سنويا"]:
        return True
    if after[:1] == ["من"]:
        after = after[1:]
    return len(after) >= 2 and after[0] == "كل" and after[1] in ("عام", "سنه")


def _valid_day(f: Frame) -> bool:
    """A day that its month can hold (29 February is left to the resolver)."""
    if f.day is None or f.month is None or f.hijri:
        return True
    return f.day <= (29 if f.month == 2 else 30 if f.month in (4, 6, 9, 11) else 31)


def _fill_range(a: Frame, b: Frame) -> None:
    """«بين 3 و5 تشرين الثاني 2017»: the first end borrows what only the second says."""
    if a.weekday is not None or a.ago is not None:
        return
    if a.day is not None and a.month is None and a.month_shift is None:
        a.month, a.month_mod, a.month_shift, a.hijri = b.month, b.month_mod, b.month_shift, b.hijri
    if a.month is not None and a.year is None and a.year_shift is None and a.month_mod is None:
        if b.year is not None:
            a.year = b.year - 1 if (b.month is not None and a.month > b.month) else b.year
        elif b.year_shift is not None:
            a.year_shift = b.year_shift - (1 if b.month is not None and a.month > b.month else 0)
        elif b.month_mod is not None:
            a.month_mod = b.month_mod


def _propagate_years(found: list[tuple[Match, Frame, Frame | None]], codes: str) -> None:
    """«في 3 آذار و5 نيسان 2016», «يناير وفبراير الماضيين»: a yearless date takes the year
    (or the modifier) of the date it is listed with."""
    for i in range(len(found) - 1, 0, -1):
        m1, f1, g1 = found[i - 1]
        m2, f2, g2 = found[i]
        gap = codes[m1.k1:m2.k0]
        if g1 is not None or f1.month is None or f2.month is None or f1.hijri != f2.hijri \
                or not (0 < len(gap) <= 2 and set(gap) <= set("&,t-")):
            continue
        if f1.year is not None or f1.year_shift is not None or f1.month_mod is not None:
            continue
        earlier = f1.month > f2.month
        if f2.year is not None:
            f1.year = f2.year - 1 if earlier else f2.year
        elif f2.year_shift is not None:
            f1.year_shift = f2.year_shift - (1 if earlier else 0)
        elif f2.month_mod is not None:
            f1.month_mod = f2.month_mod


def _infer_published(found: list[tuple[Match, Frame, Frame | None]], lx: list[Lexeme], codes: str,
                     words: list[str]) -> dt.date | None:
    """The publication date from the text, best evidence first: a full date that its weekday
    confirms in a dateline form («الجمعة (3 تشرين الثاني 2017)», or at the very start); a full
    date at the very start; a weekday-confirmed date in the lead; the lead's first full date.
    Dates that cite a document («بتاريخ …») or lie ahead («من المقرر …») are no evidence."""
    # «أمس الأربعاء», «اليوم (الخميس)»: the article's own weekday, which a candidate must match
    own_weekdays = {(f.weekday - f.day_shift) % 7 for _, f, _ in found if f.day_shift is not None and f.weekday is not None}
    for m, f, _ in found:
        if f.day_shift is not None and f.weekday is None and m.k1 + 1 < len(lx) \
                and lx[m.k1].code == "(" and lx[m.k1 + 1].code == "W":
            own_weekdays.add((int(lx[m.k1 + 1].value) - f.day_shift) % 7)  # type: ignore[arg-type]
    best: tuple[int, dt.date] | None = None
    for m, f, g in found:
        start = lx[m.k0].start
        if start > LEAD_CHARS:
            break
        if g is not None or f.day is None or f.month is None or f.year is None:
            continue
        v = resolve(f, None)
        if v is None or v[2] is not None or len(v[0]) != 10:
            continue
        tok = lx[m.k0].tok
        if tok > 0 and words[tok - 1] in CITING_WORDS or _future_context(words, tok):
            continue
        date = dt.date.fromisoformat(v[0])
        if own_weekdays and date.weekday() not in own_weekdays:
            continue
        weekday, bracketed = f.weekday, False
        if weekday is None:
            for k in range(m.k0 - 1, max(-1, m.k0 - 3), -1):
                if lx[k].code == "W":
                    weekday = int(lx[k].value)  # type: ignore[arg-type]
                    break
                bracketed = bracketed or lx[k].code == "("
                if lx[k].code not in "(,-":
                    break
        if weekday is not None and weekday != date.weekday():
            continue
        if weekday is not None and (bracketed or start < DATELINE_CHARS):
            score = 0
        elif start < DATELINE_CHARS:
            score = 1
        elif weekday is not None:
            score = 2
        elif start < LEAD_FIRST_DATE_CHARS:
            score = 3
        else:
            continue
        if best is None or score < best[0]:
            best = (score, date)
        if score == 0:
            break
    return best[1] if best else None


def _within(value: str, anchor: dt.date, days: int) -> bool:
    """A day or month value that begins less than ``days`` after the anchor."""
    try:
        start = dt.date.fromisoformat(value if len(value) == 10 else value + "-01")
    except ValueError:
        return False
    return (start - anchor).days <= days


def _needs_future(f: Frame) -> bool:
    if f.year is not None or f.year_shift is not None or f.month_shift is not None:
        return False
    if f.weekday is not None and f.weekday_mod is None and f.month is None:
        return True
    return f.month is not None and f.month_mod is None


def _tense_before(words: list[str], tok: int) -> str:
    """The tense the clause gives a date: "future" after a future cue (سوف, من المقرر أن تعقد,
    سيعقد …), "present" after a present-tense verb alone (تنطلق, يعقد), "" when a past marker, a
    relative pronoun or the sentence start comes first."""
    seen_present = False
    for i in range(tok - 1, max(-1, tok - 1 - FUTURE_WINDOW), -1):
        w = words[i]
        bare = w[1:] if w[:1] in ("و", "ف") else w
        if w in (".", "!", "?", "؟", ":") or w in PAST_STOP or bare in PAST_STOP:
            break
        if w and w[0].isalpha():
            if _is_future_verb(w):
                return "future"
            seen_present = seen_present or _is_present_verb(bare)
    return "present" if seen_present else ""


def _future_context(words: list[str], tok: int) -> bool:
    return _tense_before(words, tok) == "future"


@functools.cache
def _is_present_verb(word: str) -> bool:
    """An imperfect verb (تنطلق, يعقد): the news corpus also writes it with the future سـ."""
    return len(word) >= 4 and word[0] in "يتن" and vocabulary().get("س" + word, 0) >= 2


def _orig_span(doc: Document, ns: int, ne: int) -> tuple[int, int]:
    start, end = doc.to_orig(ns, ne)
    text = doc.text
    while end < len(text) and text[end] in DROP_SET:
        end += 1  # keep the tanween of غداً and the tatweel of هـ inside the span
    return start, end
