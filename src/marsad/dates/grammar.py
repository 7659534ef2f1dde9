"""The date grammar: tokens of ``doc.norm`` → lexemes (one code letter each) → matches.

Every token is looked up in the lexicons (``calendars.lexicon``); a multi-word name
(تشرين الثاني, ذو الحجة, الحادي والعشرين) becomes one lexeme, a proclitic و/ف becomes its own
lexeme ``&`` so that ranges («بين 3 و5») can see it. The codes of the lexemes form a short
string (one letter per lexeme, ``x`` for any other word) over which the grammar is a
regular expression (codes are listed in ``data/words.tsv``). Only positions whose code can
start an expression are tried, so a 500-word article costs a few hundred dict lookups.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from marsad.dates.calendars import Entry, lexicon

TOKEN_RE = re.compile(r"[0-9]+|[^\W\d_]+|[^\w\s]")
PUNCT = {"/": "/", "(": "(", ")": ")", "[": "(", "]": ")", "-": "-", "،": ",", ",": ",",
         ".": ".", "!": ".", "?": ".", "؟": ".", "؛": ".", ";": ".", ":": ".", '"': '"'}

# -- the grammar ------------------------------------------------------------------------
_YR = r"Y[Ee]?"
_YRX = rf"(?:f?[Aa]?{_YR}|f?Z[Aa]|f?[Aa]O)"  # after a month: 2017 | عام 2017 | من هذا العام | من العام الماضي
_MON = r"(?:s?[MH])"
_DATE = rf"(?:[DQ]f?{_MON}(?:{_YRX}|O)?)"  # 3 (من) (شهر) تشرين الثاني (2017 | الماضي)
_DREL = r"(?:[DQ]f?(?:ZS|SO)|DO)"  # الثالث من الشهر الجاري | 25 الجاري
_NUMD = r"(?:(?:D[/\-]D[/\-][YD]|Y[/\-]D[/\-]D|D[/\-]Y)E?)"
_MONY = rf"(?:{_MON}(?:{_YRX}|O)?)"  # (شهر) أيلول (2017 | الماضي)
_PER = rf"(?:Z[SKaX]|[SKa][qB]?O|X(?:f?[Aa]?{_YR}|f?[Aa]O|O)|P[SKa]O?|F(?:f?[Aa]?{_YR}|f?[Aa]O|f?Z[Aa]|f?a))"
_AGO = r"(?:[qg]p?(?:[nDN]U|U|[Aksy](?![YWDQ])))"
_YEAR = rf"(?:[Aa]{_YR}|{_YR})"
_SINGLE = (
    rf"(?:(?:Pf?)?(?:Ty?|y)?(?:WO?,?L?(?:{_NUMD}|D/D(?![/\-])|{_DATE}|{_DREL})|RW?|{_NUMD}|{_DATE}|{_DREL}|W(?:B?O)?|{_MONY}"
    rf"|{_PER}|{_AGO}|{_YEAR}|G)|yD/D(?![/\-]))"
)
_PART1 = rf"(?:{_DATE}|{_MONY}|[Aa]?{_YR}|W|[DQ])"
_PART2 = rf"(?:{_DATE}|{_DREL}|{_MONY}|[Aa]?{_YR}|W)"
RANGE_RE = re.compile(rf"(?:[bvf])?{_PART1}(?:&t|&|t|-|/){_PART2}")
SINGLE_RE = re.compile(_SINGLE)
NUMD_RE = re.compile(_NUMD)
STARTS = frozenset("PTyWRDQYMHsZSKaXqgAbvfFG")
CONNECT = frozenset("&t-/")


@dataclass(slots=True)
class Lexeme:
    code: str
    value: object
    weak: int
    start: int  # norm offsets (after a stripped proclitic)
    end: int
    tok: int  # index of the first token
    ntok: int


def _lookup(words: list[str], i: int, word: str) -> Entry | None:
    readings = lexicon().get(word)
    if not readings:
        return None
    for rest, entry in readings:
        if not rest:
            return entry
        if tuple(words[i + 1:i + 1 + len(rest)]) == rest:
            return entry
    return None


_PREP_OK = frozenset("MHWSKaAsXY")  # codes a preposition ب/ل/ك may be glued to


def lex(norm: str) -> tuple[list[Lexeme], str, list[str], list[tuple[int, int]]]:
    """Lexemes of a normalised text, their code string, the words and their spans."""
    spans = [m.span() for m in TOKEN_RE.finditer(norm)]
    words = [norm[a:b] for a, b in spans]
    out: list[Lexeme] = []
    n = len(words)
    prev_end = 0
    i = 0
    while i < n:
        a, b = spans[i]
        w = words[i]
        if "\n" in norm[prev_end:a] and out:
            out.append(Lexeme(".", None, 0, a, a, i, 0))
        c = w[0]
        if "0" <= c <= "9":
            v = int(w) if len(w) <= 6 else -1
            if len(w) <= 2 and 1 <= v <= 31:
                code = "D"
            elif len(w) == 4 and 1000 <= v <= 2999:
                code = "Y"
            else:
                code = "N"
            out.append(Lexeme(code, v, 0, a, b, i, 1))
        elif not c.isalpha():
            code = PUNCT.get(w, "%")
            if w == "." and 0 < i < n - 1 and spans[i - 1][1] == a and spans[i + 1][0] == b \
                    and words[i - 1].isdigit() and words[i + 1].isdigit():
                code = "/"  # 25.9.2017
            out.append(Lexeme(code, None, 0, a, b, i, 1))
        elif w == "م" and i + 1 < n and spans[i + 1][0] == b and words[i + 1].isdigit():
            out.append(Lexeme("x", None, 0, a, b, i, 1))  # 1000م2: square metres, not an era
        elif w == "و" or w == "ف":
            out.append(Lexeme("&", None, 0, a, b, i, 1))
        else:
            entry = _lookup(words, i, w)
            plen = 0
            if entry is None and len(w) >= 3:
                if w[0] in "وف":
                    entry = _lookup(words, i, w[1:])
                    if entry is not None:
                        out.append(Lexeme("&", None, 0, a, a + 1, i, 0))
                        plen = 1
                if entry is None and len(w) > 3 and (w[0] in "بلك" or (w[0] in "وف" and w[1] in "بلك")):
                    k = 1 if w[0] in "بلك" else 2
                    e2 = _lookup(words, i, w[k:])
                    if e2 is not None and e2.code in _PREP_OK and e2.weak == 0:
                        if k == 2:
                            out.append(Lexeme("&", None, 0, a, a + 1, i, 0))
                        entry, plen = e2, k
            if entry is None:
                out.append(Lexeme("x", None, 0, a, b, i, 1))
            else:
                nt = entry.n_words
                out.append(Lexeme(entry.code, entry.value, entry.weak, a + plen, spans[i + nt - 1][1], i, nt))
                i += nt - 1
        prev_end = spans[i][1]
        i += 1
    _merge_doubled(out)
    _guards(out, words, norm)
    return out, "".join(x.code for x in out), words, spans


def _merge_doubled(lx: list[Lexeme]) -> None:
    """«آب/أغسطس», «تشرين الثاني (نوفمبر)», «نوفمبر تشرين الثاني» → one month lexeme."""
    k = 0
    while k < len(lx) - 1:
        a = lx[k]
        if a.code in "MH":
            j = k + 1
            if lx[j].code in "/(-," and j + 1 < len(lx):
                j += 1
            b = lx[j]
            if b.code == a.code and b.value == a.value and b is not a:
                end = j
                if j + 1 < len(lx) and lx[j + 1].code == ")" and lx[j - 1].code == "(":
                    end = j + 1
                last = lx[end]
                lx[k] = Lexeme(a.code, a.value, 0, a.start, last.end, a.tok, last.tok + last.ntok - a.tok)
                del lx[k + 1:end + 1]
        k += 1


_NOT_TODAY_NEXT = frozenset({"نفسه", "ذاته", "عينه", "نفسها", "ذاتها", "السابع", "الاخير", "الموعود"})
_NOT_TODAY_PREV = frozenset({"ذلك", "هذا", "تلك", "نفس", "ذات", "طوال", "طيله", "مدار", "اخر", "في"})
_FUNCTION_AL = frozenset({"الي", "التي", "الذي", "اللذي", "الا", "الان"})
_NOT_WEEKDAY_PREV = frozenset({"كلا", "كلتا", "الواحد", "هذين", "هاتين", "الفرد", "الصمد"})
# nouns that introduce a title in quotes: مجلة «الاثنين» is a magazine, not a day
TITLE_NOUNS = frozenset("مجله صحيفه جريده برنامج قناه كتاب فيلم مسلسل روايه حركه تيار مجموعه ملحق عدد".split())
_VERB_GHADA_PREV = frozenset({"قد", "لقد", "ثم", "وقد", "فقد", "بعدما", "حتى", "وبذلك", "بذلك", "وهكذا", "هكذا"})


def _bare(word: str) -> str:
    """A neighbour word without its conjunction (وكل → كل)."""
    return word[1:] if len(word) > 2 and word[0] in "وف" else word


def _guards(lx: list[Lexeme], words: list[str], norm: str) -> None:
    """Readings that a neighbour rules out (الأحد عشر, كلا الاثنين, اليوم التالي, حزب الغد)."""
    n = len(words)
    for k, x in enumerate(lx):
        if x.code not in "WR":
            continue
        nxt = words[x.tok + x.ntok] if x.tok + x.ntok < n else ""
        prv = _bare(words[x.tok - 1]) if x.tok > 0 else ""
        bad = False
        nxt_w = lx[k + 1].code if k + 1 < len(lx) else ""
        if x.code == "W":
            before = _bare(words[x.tok - 2]) if x.tok > 1 else ""
            if nxt in ("عشر", "عشره", "معا", "كليهما", "كلاهما") or prv in _NOT_WEEKDAY_PREV:
                bad = True
            elif x.value == 6 and prv == "الله" and before not in ("رحمه", "جوار") and nxt_w != "O":
                bad = True  # الله الأحد: "the One"
            elif prv in ("كل", "ايام") or (prv in ("يوم", "ايام") and before in ("كل", "كافه")):
                bad = True  # كل يوم جمعة: every Friday, no date
            elif x.weak and (k == 0 or lx[k - 1].code != "y"):
                bad = True  # أحد, جمعة, خميس: a weekday only in «يوم جمعة»
            elif 0 < k < len(lx) - 1 and lx[k - 1].code == '"' and lx[k + 1].code == '"' \
                    and x.tok > 1 and _bare(words[x.tok - 2]) in TITLE_NOUNS:
                bad = True  # a title: مجلة «الاثنين»
        else:
            w = words[x.tok]
            if x.ntok == 1 and w in ("اليوم", "الليله", "الغد", "الامس"):
                # اليوم التالي / العالمي / الأول: another day, not today
                if nxt.startswith("ال") and (nxt_w == "Q" or nxt.endswith(("ي", "يه"))) and nxt_w != "W" \
                        and nxt not in _FUNCTION_AL \
                        or nxt in _NOT_TODAY_NEXT or prv in _NOT_TODAY_PREV:
                    bad = True
                if w == "الليله" and nxt.startswith("ال") and nxt_w not in ("W", "O"):
                    bad = True  # الليلة الفاصلة بين …: a night named by what follows
                if w == "الغد" and k > 0 and lx[k - 1].code not in "Titgfy&" and prv not in ("بعد",):
                    bad = True
            elif x.ntok == 1 and w == "غدا":
                # the verb «غدا» (became) opens its clause and is followed by its subject
                opener = k == 0 or lx[k - 1].code in '.,"&' or prv in _VERB_GHADA_PREV
                if opener and nxt.startswith("ال") and nxt_w != "W" and nxt not in ("الي", "الى"):
                    bad = True
        if bad:
            lx[k] = Lexeme("x", None, 0, x.start, x.end, x.tok, x.ntok)


@dataclass(slots=True)
class Match:
    k0: int  # lexeme range [k0, k1)
    k1: int
    is_range: bool
    split: int = -1  # index of the range connector


def find(codes: str, lx: list[Lexeme], accept: Callable[[Match], bool] = lambda m: True) -> list[Match]:
    """Left-to-right, longest-first matches of the grammar over the code string; a range that
    ``accept`` refuses («31 حتى فبراير 2016») is read again as single expressions."""
    out: list[Match] = []
    k = 0
    n = len(codes)
    while k < n:
        if codes[k] not in STARTS:
            k += 1
            continue
        m = RANGE_RE.match(codes, k)
        if m is not None:
            split = _range_split(codes, m.start(), m.end())
            if split > 0 and _range_ok(codes, lx, m.start(), split, m.end()):
                match = Match(m.start(), m.end(), True, split)
                if accept(match):
                    out.append(match)
                    k = m.end()
                    continue
        m = SINGLE_RE.match(codes, k)
        if m is not None and m.end() > k:
            out.append(Match(k, m.end(), False))
            k = m.end()
            continue
        k += 1
    return out


def _range_split(codes: str, a: int, b: int) -> int:
    for j in range(a + 1, b):
        if codes[j] in CONNECT:
            return j
    return -1


def _range_ok(codes: str, lx: list[Lexeme], a: int, split: int, b: int) -> bool:
    head = codes[a]
    conn = codes[split:split + 2]
    if head in "bv":
        return conn[0] == "&" and conn != "&t"
    if head == "f":
        return conn[0] == "t" or conn == "&t"
    if conn[0] == "/":
        return codes[split - 1] == "Y" and codes[split + 1] == "Y"  # الموسم 2017/2018
    if conn[0] == "-":
        # 3-5 تشرين الثاني, 2014-2016: written together or with a spaced dash between numbers
        return codes[split - 1] in "DY" and codes[split + 1] in "DY"
    return conn[0] == "t" and codes[a] in "MHY"
