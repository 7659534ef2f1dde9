"""Fatality counts from numbers in digits and words, with ACLED's conservative conventions:
«أكثر من 100» → 100, «نحو 20» → 20, «عشرات القتلى» → 12, «مئات» → 100, several / an
unnumbered plural («مقتل مدنيين») → 10, a singular («مقتل جندي») → 1, a dual → 2.
Killed-and-wounded totals («مقتل وإصابة 20») are not counted as deaths."""

from __future__ import annotations

from dataclasses import dataclass

from marsad.events.context import View, readings
from marsad.events.lexicon import fatality_words, numbers

QUALIFIERS = frozenset({"اكثر", "من", "نحو", "حوالي", "ما", "يقارب", "لا", "يقل", "عن", "قرابه", "زهاء", "الي",
                        "ارتفاع", "عدد", "الاقل", "علي", "اقل"})
WOUNDED = frozenset({"اصابه", "جرح", "جرحي", "مصابين", "جريح", "جريحا", "اصابات", "المصابين", "الجرحي"})
DUAL_ENDINGS = ("ين", "ان")
BROKEN_PLURALS = frozenset({"جنود", "اطفال", "نساء", "رجال", "اشخاص", "عناصر", "ضباط", "افراد", "عمال", "سياح",
                            "طلاب", "زوار", "قتلي", "شهداء", "ضحايا"})


@dataclass(slots=True)
class Count:
    value: int
    start: int
    end: int


def _word_value(word: str) -> tuple[int, str] | None:
    table, _ = numbers()
    for cand in readings(word):
        if cand in table:
            return table[cand]
    return None


def parse_number(view: View, k: int, end: int) -> tuple[int, str, int] | None:
    """(value, kind, next token) of a number starting at token k, or None."""
    toks = view.doc.tokens
    tok = toks[k]
    _, phrases = numbers()
    if k + 1 < end:
        pair = f"{readings(tok.norm)[-1] if tok.norm.startswith('و') else tok.norm} {toks[k + 1].norm}"
        for key in (pair, f"{tok.norm} {toks[k + 1].norm}"):
            if key in phrases:
                value, kind = phrases[key]
                return value, kind, k + 2
    if tok.norm.replace(",", "").isdigit():
        value, kind, nxt = int(tok.norm.replace(",", "")), "exact", k + 1
        if nxt < end and toks[nxt].norm == ")" and k > 0 and toks[k - 1].norm == "(":
            nxt += 1  # «مقتل (20) شخصاً»: a number in brackets
    elif tok.is_word and (wv := _word_value(tok.norm)) is not None:
        value, kind = wv
        nxt = k + 1
    else:
        return None
    # compounds: خمسة عشر، ثلاثة وعشرين، 3 آلاف
    while nxt < end and toks[nxt].is_word:
        wv = _word_value(toks[nxt].norm)
        if wv is None:
            break
        nval, nkind = wv
        if nkind == "scale" and value < 1000:
            value *= nval
        elif nval == 10 and value < 10:
            value += 10
        elif nval % 10 == 0 and 20 <= nval < 100 and value < 10:
            value += nval
        else:
            break
        nxt += 1
    return value, kind, nxt


def _kind_of(word: str) -> str | None:
    table = fatality_words()
    for cand in readings(word):
        if cand in table:
            return table[cand]
    return None


def _unnumbered(victim: str) -> int:
    """A count from the noun alone: singular 1; dual (or a sound plural that reads as one) 2;
    a broken or sound masculine plural in -ون 10 (ACLED's 'plural' convention)."""
    table = fatality_words()
    if victim.endswith(DUAL_ENDINGS) and (victim[:-2] in table or victim[:-2] + "ا" in table):
        return 2
    if victim.endswith(("ون", "ات")) or victim in BROKEN_PLURALS:
        return 10
    return 1


def counts_in_sentence(view: View, sent: int) -> list[Count]:
    toks = view.doc.tokens
    a, b = view.sent_ranges[sent]
    out: list[Count] = []
    k = a
    while k < b:
        parsed = parse_number(view, k, b)
        if parsed is None:
            kind = _kind_of(toks[k].norm) if toks[k].is_word else None
            if kind == "head" and k + 1 < b and _kind_of(toks[k + 1].norm) == "victim":
                out.append(Count(_unnumbered(toks[k + 1].stem), toks[k].start, toks[k + 1].end))
                k += 2
                continue
            k += 1
            continue
        value, _, nxt = parsed
        after = [t for t in toks[nxt:min(b, nxt + 2)] if t.is_word]
        after_kinds = [_kind_of(t.norm) for t in after]
        if after and any(readings(t.norm)[-1] in WOUNDED or t.norm in WOUNDED for t in after[:1]):
            k = nxt
            continue
        counted = "noun" in after_kinds
        if not counted:
            back = k - 1
            steps = 0
            while back >= a and steps < 5 and (toks[back].is_word or toks[back].norm == "("):
                norm = toks[back].norm
                if norm == "(":
                    back -= 1
                    continue
                if any(r in WOUNDED for r in readings(norm)):
                    break
                kind = _kind_of(norm)
                if kind == "head":
                    # «مقتل 17 شخصا», and the partitive «استشهد ثلاثة من رجال الأمن», «قتل 5 من الحوثيين»
                    counted = not after or after_kinds[0] in ("victim", "noun") or after[0].norm == "من"
                    break
                if norm not in QUALIFIERS and not any(r in QUALIFIERS for r in readings(norm)):
                    break
                back -= 1
                steps += 1
        if counted:
            out.append(Count(value, toks[k].start, toks[nxt - 1].end))
        k = nxt
    return out
