"""From matched lexemes to a frame (what the words say) and from a frame to a TIMEX3 value.

Resolution follows how a news reader reads an article dated D (the anchor):
- a bare weekday is the latest such day on or before D (after D when the clause is in the
  future tense); «الماضي» is strictly before, «المقبل» strictly after;
- a month (or day and month) without a year is the nearest one not after D's month (the
  nearest not before it in a future-tense clause); «أيلول الماضي» is the last September
  strictly before D's month, «المقبل» the next one after it, «الجاري» the one of D's year;
- «قبل/منذ N أيام|أسابيع|أشهر|أعوام» count back from D at the unit's granularity.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from marsad.dates.calendars import gregorian_to_hijri, hijri_month_span, hijri_to_gregorian, hijri_year_span
from marsad.dates.grammar import NUMD_RE, Lexeme

SHIFT = {"past": -1, "next": 1, "this": 0}
SEASON_MONTH = {"SP": 4, "SU": 7, "FA": 10, "WI": 1}
SEASONS = ("WI", "SP", "SU", "FA")


@dataclass(slots=True)
class Frame:
    day: int | None = None
    month: int | None = None
    year: int | None = None
    hijri: bool = False
    weekday: int | None = None
    weekday_mod: str | None = None
    month_mod: str | None = None  # a named month + الماضي/المقبل/الجاري
    month_shift: int | None = None  # الشهر الماضي = -1
    year_shift: int | None = None
    week_shift: int | None = None
    day_shift: int | None = None
    season: str | None = None
    season_mod: str | None = None
    part: str | None = None  # H1 H2 Q1 … Q4 of a year
    decade: str | None = None  # "198": the eighties
    ago: tuple[str, int] | None = None
    numeric: bool = False

    @property
    def relative(self) -> bool:
        return self.year is None


def interpret(all_lx: list[Lexeme], k0: int, k1: int, words: list[str], in_range: bool = False) -> Frame | None:
    """Read the lexemes ``[k0, k1)`` (with their left context); None when they say no date after all."""
    lx = all_lx[k0:k1]
    codes = "".join(x.code for x in lx)
    f = Frame()
    if codes[0] in "qg" and codes[-1] in "UAksy" and "Y" not in codes:
        return _ago(lx)
    core = codes.lstrip("PfTyW,L")
    if NUMD_RE.fullmatch(core) or (core == "D/D" and core != codes):
        first = k0 + len(codes) - len(core)
        if first > 0 and all_lx[first - 1].end == all_lx[first].start and all_lx[first - 1].code in "/x%":
            return None  # part of a path or code: …/2015/06/02/…
        tok = all_lx[first].tok
        if tok > 0 and _bare(words[tok - 1]) in NUMBERED_WORDS:
            return None  # القرار رقم 1/2017: a reference number
        return _numeric(lx[len(codes) - len(core):])
    head = ""  # what a following modifier (الماضي …) or year attaches to
    pending_this = False
    before_last = False  # «العام قبل الماضي»
    after_next = False  # «الخميس بعد المقبل»
    for k, x in enumerate(lx):
        c = x.code
        if c in "DQ":
            if f.day is not None:
                return None
            f.day, head = int(x.value), "dayn"  # type: ignore[arg-type]
        elif c in "MH":
            if x.weak and not _weak_ok(all_lx, k0 + k, x.weak, words):
                return None
            f.month, f.hijri, head = int(x.value), c == "H", "month"  # type: ignore[arg-type]
        elif c == "Y":
            f.year, head = int(x.value), "year"  # type: ignore[arg-type]
            if k + 1 < len(lx) and lx[k + 1].code == "E":
                f.hijri = True
            elif f.month is None and f.season is None and not _year_ok(all_lx, k0 + k, words, in_range):
                return None
        elif c == "W":
            if x.weak and (k0 + k == 0 or all_lx[k0 + k - 1].code not in "yT"):
                return None
            f.weekday, head = int(x.value), "weekday"  # type: ignore[arg-type]
        elif c == "R":
            f.day_shift, head = int(x.value), "rday"  # type: ignore[arg-type]
        elif c == "S":
            head = "monthrel"
            if pending_this or (k > 0 and lx[k - 1].code == "P"):
                f.month_shift = 0
        elif c == "K":
            head = "weekrel"
            if pending_this or (k > 0 and lx[k - 1].code == "P"):
                f.week_shift = 0
        elif c in "aA":
            if k + 1 < len(lx) and lx[k + 1].code == "Y":
                continue  # عام 2014
            head = "yearrel"
            if pending_this or (k > 0 and lx[k - 1].code == "P"):
                f.year_shift = 0
        elif c == "X":
            f.season, head = str(x.value), "season"
            if pending_this:
                f.season_mod = "this"
        elif c == "F":
            f.part, head = str(x.value), "part"
        elif c == "G":
            f.decade = str(x.value)
        elif c == "Z":
            pending_this = True
            continue
        elif c == "q":
            if head in ("monthrel", "weekrel", "yearrel"):
                before_last = True
                continue
        elif c == "B":
            if head in ("monthrel", "weekrel", "yearrel", "weekday"):
                after_next = True
                continue
        elif c == "O":
            mod = str(x.value)
            if after_next and mod == "next":
                if head == "weekday":
                    f.weekday_mod = "next2"
                    continue
                before_last, mod = True, "past"
                shift = 2
            elif before_last and mod == "past":
                shift = -2
            if before_last and mod == "past":
                if head == "monthrel":
                    f.month_shift = shift
                elif head == "weekrel":
                    f.week_shift = shift
                else:
                    f.year_shift = shift
                continue
            if head == "month":
                f.month_mod = mod
            elif head == "weekday":
                f.weekday_mod = mod
            elif head == "dayn":
                f.month_shift = SHIFT[mod]
            elif head == "monthrel":
                f.month_shift = SHIFT[mod]
            elif head == "weekrel":
                f.week_shift = SHIFT[mod]
            elif head == "yearrel":
                f.year_shift = SHIFT[mod]
            elif head == "season":
                f.season_mod = mod
            else:
                return None
        pending_this = False
    if f.day is not None and not (1 <= f.day <= 31):
        return None
    if f.season is not None and f.year is None and f.year_shift is None and f.season_mod is None:
        return None
    if f.part is not None and f.year is None and f.year_shift is None:
        f.year_shift = 0  # «النصف الأول من العام»: this year
    return f


_CUES = frozenset("igtqBfP")
YEAR_NOUNS = frozenset(
    "موازنه ميزانيه انتخابات رؤيه مونديال اولمبياد اولمبياد دوره موسم ثوره احداث انتفاضه نكبه نكسه حرب "
    "دستور اتفاق اتفاقيه خطه استراتيجيه تعداد احصاءات احصائيات ازمه صيف شتاء ربيع خريف بحلول مواليد "
    "مونديال بطوله نسخه".split()
)
NUMBERED_WORDS = frozenset("رقم الرقم قانون القانون قرار القرار مرسوم المرسوم ماده الماده عدد العدد بند البند".split())
COUNTED_NOUNS = frozenset(
    "دولار ريال درهم دينار جنيه يورو ليره برميل طن كيلو متر كيلومتر شخص مواطن لاجي نازح منزل قتيل جريح "
    "مقاتل عنصر طالب مريض مصاب معتقل سجين عامل موظف جندي مسلح مهاجر زائر حاج معتمر صاروخ قذيفه غاره".split()
)
SCORE_WORDS = frozenset("بنتيجه نتيجه النتيجه فاز تغلب خسر هزم بهدف بفارق".split())
PERIOD_NOUNS = frozenset("موسم حلول قبيل ايام ليالي اواخر اوائل منتصف مطلع نهايه بدايه طيله طوال".split())
COUNT_WORDS = frozenset("اكثر اقل نحو حوالي حوالى قرابه زهاء اصل اجمالي مجموع".split())


def _weak_ok(lx: list[Lexeme], k: int, weak: int, words: list[str]) -> bool:
    """A month name that is also a common word needs date context."""
    prev = lx[k - 1].code if k else "^"
    nxt = lx[k + 1].code if k + 1 < len(lx) else "$"
    if weak >= 2 and prev in "DQ":
        # «3 صفر» may be a score: the day must stand apart, outside a result
        day = lx[k - 1]
        before = words[max(0, day.tok - 6):day.tok]
        if day.end == lx[k].start or (k > 1 and lx[k - 2].code == "-") \
                or any(w in SCORE_WORDS or _bare(w) in SCORE_WORDS for w in before):
            return False
    if prev in "DQs" or nxt in "YOAaf" or (prev == "f" and k > 1 and lx[k - 2].code in "DQ"):
        return True
    if weak != 1:
        return False
    if prev == "&" and k > 1 and lx[k - 2].code in "MH":
        return True  # إبريل ومايو ويونيو
    tok = lx[k].tok
    return prev in _CUES or prev == "T" or (tok > 0 and words[tok - 1] in PERIOD_NOUNS)


def _bare(word: str) -> str:
    return word[1:] if len(word) > 2 and word[0] in "وفب" else word


def _year_ok(lx: list[Lexeme], k: int, words: list[str], in_range: bool = False) -> bool:
    """A bare number is a year only after عام/سنة, a preposition, or before an era mark;
    never when it counts something («أكثر من 2000 شخص», «في 2000 موقعا»)."""
    v = int(lx[k].value)  # type: ignore[arg-type]
    prev = lx[k - 1].code if k else "^"
    nxt = lx[k + 1].code if k + 1 < len(lx) else "$"
    if prev in "Aa":
        return True
    if nxt == "E":
        return 1300 <= v <= 1500
    if not 1900 <= v <= 2100:
        return False
    if nxt == "e" or in_range:
        return True
    if nxt in "t-" and k + 2 < len(lx) and lx[k + 2].code in "DNY":
        return False  # من 2000 إلى 3000 شخص: a span of counts (a range of years was tried first)
    if prev == "&" and k > 1 and lx[k - 2].code == "Y":
        return True  # عامي 2014 و2015
    tok = lx[k].tok
    if tok > 0 and (words[tok - 1] in YEAR_NOUNS or words[tok - 1][1:] in YEAR_NOUNS and words[tok - 1][0] in "وفل"):
        return True  # موازنة 2018, انتخابات 2014
    if prev not in _CUES:
        return False
    if tok >= 2 and words[tok - 2] in COUNT_WORDS:
        return False
    follower = words[tok + 1] if tok + 1 < len(words) else ""
    if nxt == "x" and (follower in COUNTED_NOUNS or len(follower) > 3 and follower.endswith(("ا", "ه"))):
        return False  # إلى 1948 عائلة, في 2000 موقعا: a count
    return True


def _ago(lx: list[Lexeme]) -> Frame | None:
    count: int | None = None
    unit = ""
    for x in lx:
        if x.code in "nDN":
            count = int(x.value)  # type: ignore[arg-type]
        elif x.code == "U":
            u, _, c = str(x.value).partition(":")
            unit = u
            if c:
                count = int(c)
        elif x.code in "Aksy":
            unit, count = {"A": "year", "k": "week", "s": "month", "y": "day"}[x.code], 1
    if count is None or not unit or count <= 0 or count > 400:
        return None
    return Frame(ago=(unit, count))


def _numeric(lx: list[Lexeme]) -> Frame | None:
    """25/9/2017, 2017-09-25, 25.9.2017, 9/2017, 23 / 8 / 1436هـ (Hijri when the year says so)."""
    hijri = lx[-1].code == "E"
    if hijri:
        lx = lx[:-1]
    seps = {x.code for x in lx if x.code in "/-"}
    spaced = any(a.end != b.start for a, b in zip(lx, lx[1:], strict=False))
    if spaced and seps != {"/"} and not (lx[0].code == "Y" or lx[-1].code == "Y"):
        return None  # «3 - 1» is a score; «20 - 6 - 1436» with its year is a date
    nums = [int(x.value) for x in lx if x.code in "DYN"]  # type: ignore[arg-type]
    if len(nums) == 2:
        if lx[-1].code != "Y":  # يوم 3/11: day and month
            day, month = nums
            return Frame(day=day, month=month, numeric=True) if 1 <= month <= 12 and 1 <= day <= 31 else None
        month, year = nums
        hijri = hijri or 1300 <= year <= 1500
        return Frame(month=month, year=year, hijri=hijri, numeric=True) if 1 <= month <= 12 else None
    if len(nums) != 3:
        return None
    if lx[0].code == "Y":
        year, month, day = nums
    else:
        day, month, year = nums
        if month > 12 and day <= 12:
            day, month = month, day
        if year < 100:
            year += 2000 if year < 50 else 1900
    if not (1 <= month <= 12):
        return None
    hijri = hijri or 1300 <= year <= 1500
    return Frame(day=day, month=month, year=year, hijri=hijri, numeric=True)


# -- resolution -------------------------------------------------------------------------
Value = tuple[str, str, str | None]  # value, granularity, end_value


def _ymd(y: int, m: int, d: int | None) -> tuple[str, str] | None:
    if d is None:
        return f"{y:04d}-{m:02d}", "month"
    try:
        return dt.date(y, m, d).isoformat(), "day"
    except ValueError:
        return None


def _shift_month(y: int, m: int, n: int) -> tuple[int, int]:
    idx = y * 12 + (m - 1) + n
    return idx // 12, idx % 12 + 1


def _week(d: dt.date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y:04d}-W{w:02d}"


def _season_of(d: dt.date) -> tuple[int, str]:
    if d.month == 12:
        return d.year + 1, "WI"
    return d.year, SEASONS[(d.month % 12) // 3]


def resolve(f: Frame, anchor: dt.date | None, future: bool = False) -> Value | None:
    """The TIMEX3 value of a frame; None when it needs an anchor that is missing."""
    if f.hijri:
        return _resolve_hijri(f, anchor, future)
    if f.decade is not None:
        return f.decade, "decade", None
    if f.part is not None:
        year = f.year if f.year is not None else (anchor.year + (f.year_shift or 0) if anchor else None)
        if year is None:
            return None
        return f"{year:04d}-{f.part}", "quarter" if f.part[0] == "Q" else "half", None
    if f.year is not None and f.month is None and f.season is None:
        return f"{f.year:04d}", "year", None
    if anchor is None and f.year is None:
        return None
    if f.ago is not None:
        assert anchor is not None
        unit, n = f.ago
        if unit == "day":
            return (anchor - dt.timedelta(days=n)).isoformat(), "day", None
        if unit == "week":
            return _week(anchor - dt.timedelta(days=7 * n)), "week", None
        if unit == "month":
            y, m = _shift_month(anchor.year, anchor.month, -n)
            return f"{y:04d}-{m:02d}", "month", None
        return f"{anchor.year - n:04d}", "year", None
    if f.day_shift is not None:
        assert anchor is not None
        return (anchor + dt.timedelta(days=f.day_shift)).isoformat(), "day", None
    if f.week_shift is not None:
        assert anchor is not None
        return _week(anchor + dt.timedelta(days=7 * f.week_shift)), "week", None
    if f.season is not None:
        return _resolve_season(f, anchor)
    if f.weekday is not None and f.month is None and f.month_shift is None:
        assert anchor is not None
        return _resolve_weekday(f.weekday, f.weekday_mod, anchor, future).isoformat(), "day", None
    year = f.year
    if f.year_shift is not None and anchor is not None:
        year = anchor.year + f.year_shift
    month = f.month
    if month is None and f.month_shift is not None and anchor is not None:
        year, month = _shift_month(anchor.year, anchor.month, f.month_shift)
    if month is None:
        if year is not None and f.day is None:
            return f"{year:04d}", "year", None
        return None
    if year is None:
        assert anchor is not None
        if f.weekday is not None and f.day is not None:
            year = _year_by_weekday(f.day, month, f.weekday, anchor)
        if year is None and f.day is not None and f.month_mod in ("past", "next"):
            year = _year_for_day(f.day, month, f.month_mod, anchor)
        if year is None:
            future = future or f.weekday_mod == "next"
            year = _year_for_month(month, f.month_mod, anchor, future)
    out = _ymd(year, month, f.day)
    return (out[0], out[1], None) if out else None


def _year_by_weekday(day: int, month: int, weekday: int, anchor: dt.date) -> int | None:
    """«الخميس 2 نوفمبر»: the year, next to the anchor's, in which that day is that weekday."""
    best: tuple[int, int] | None = None
    for y in (anchor.year, anchor.year - 1, anchor.year + 1):
        try:
            d = dt.date(y, month, day)
        except ValueError:
            continue
        if d.weekday() == weekday and (best is None or abs((d - anchor).days) < best[0]):
            best = (abs((d - anchor).days), y)
    return best[1] if best else None


def _year_for_day(day: int, month: int, mod: str, anchor: dt.date) -> int:
    """«27 أغسطس المقبل»: the next such day after the anchor (the last one before it for الماضي)."""
    key = (month, day)
    now = (anchor.month, anchor.day)
    if mod == "next":
        return anchor.year if key > now else anchor.year + 1
    return anchor.year if key < now else anchor.year - 1


def _year_for_month(month: int, mod: str | None, anchor: dt.date, future: bool) -> int:
    y, m = anchor.year, anchor.month
    if mod == "past":
        return y if month < m else y - 1
    if mod == "next":
        return y if month > m else y + 1
    if mod == "this":
        return y
    if future:
        return y if month >= m else y + 1
    return y if month <= m else y - 1


def _resolve_weekday(wd: int, mod: str | None, anchor: dt.date, future: bool) -> dt.date:
    back = (anchor.weekday() - wd) % 7
    if mod == "past":
        return anchor - dt.timedelta(days=back or 7)
    fwd = (wd - anchor.weekday()) % 7
    if mod == "next":
        return anchor + dt.timedelta(days=fwd or 7)
    if mod == "next2":
        return anchor + dt.timedelta(days=(fwd or 7) + 7)
    if future and mod is None:
        return anchor + dt.timedelta(days=fwd)
    return anchor - dt.timedelta(days=back)


def _resolve_season(f: Frame, anchor: dt.date | None) -> Value | None:
    season = f.season or "SU"
    if f.year is not None:
        return f"{f.year:04d}-{season}", "season", None
    if f.year_shift is not None and anchor is not None:
        return f"{anchor.year + f.year_shift:04d}-{season}", "season", None
    if anchor is None:
        return None
    cy, cs = _season_of(anchor)
    idx = cy * 4 + SEASONS.index(cs)
    target = SEASONS.index(season)
    if f.season_mod == "past":
        cand = idx - 1
        while cand % 4 != target:
            cand -= 1
    elif f.season_mod == "next":
        cand = idx + 1
        while cand % 4 != target:
            cand += 1
    else:  # this / هذا الصيف: the one of the current year
        cand = cy * 4 + target
    return f"{cand // 4:04d}-{SEASONS[cand % 4]}", "season", None


def _resolve_hijri(f: Frame, anchor: dt.date | None, future: bool) -> Value | None:
    year = f.year
    if year is not None and f.month is None:
        span = hijri_year_span(year)
        return (span[0].isoformat(), "day", span[1].isoformat()) if span else None
    if f.month is None:
        return None
    if year is None:
        if anchor is None:
            return None
        h = gregorian_to_hijri(anchor)
        if h is None:
            return None
        hy, hm, _ = h
        if f.month_mod == "past":
            year = hy if f.month < hm else hy - 1
        elif f.month_mod == "next":
            year = hy if f.month > hm else hy + 1
        elif f.month_mod == "this":
            year = hy
        elif future:
            year = hy if f.month >= hm else hy + 1
        else:
            year = hy if f.month <= hm else hy - 1
    if f.day is not None:
        d = hijri_to_gregorian(year, f.month, f.day)
        return (d.isoformat(), "day", None) if d else None
    span = hijri_month_span(year, f.month)
    return (span[0].isoformat(), "day", span[1].isoformat()) if span else None
