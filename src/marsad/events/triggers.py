"""Trigger spotting: lexicon words (any conjugation or proclitic reading) and multi-word
patterns over the segmented tokens, then the sub-event type refined by context cues."""

from __future__ import annotations

from dataclasses import dataclass

from marsad.events.context import View, readings
from marsad.events.lexicon import TriggerEntry, cue_rules, triggers


@dataclass(slots=True)
class Hit:
    i: int  # first token
    j: int  # one past the last token
    entry: TriggerEntry
    prefix: str = ""  # the proclitics stripped from the first token to read the trigger («لل», «وب»)


def _verb_reading_ok(norm: str, cand: str, entry: TriggerEntry) -> bool:
    """A verb never carries the article: «الفجر» is not «فجر»."""
    return entry.pos != "V" or not (norm.endswith("ال" + cand) or norm.endswith("لل" + cand[1:]))


# lines that are a site's furniture, not news («رابط الخبر بصحيفة …: <the title again>»)
BOILERPLATE = ("رابط الخبر", "رابط المقال", "اقرا ايضا", "مقالات اخري", "المصدر:",
               # a site's tag line («سمات اليمن مظاهرات عدن», «الوسوم: …», «كلمات دالة: …»)
               "سمات ", "الوسوم", "وسوم ", "وسوم:", "كلمات داله", "الكلمات الداله")


def boilerplate_sentences(view: View) -> set[int]:
    out: set[int] = set()
    toks, text = view.doc.tokens, view.doc.text
    for n, (a, b) in enumerate(view.sent_ranges):
        head = " ".join(t.norm for t in toks[a:min(b, a + 3)])
        if head.startswith(BOILERPLATE) or (n - 1 in out and a > 0 and b > a
                                            and "\n" not in text[toks[a - 1].end:toks[a].start]):
            # (the rest of its line too: «رابط الخبر بصحيفة الوئام: اليمن .. هدوء في صنعاء …», the
            # title cut by «..»)
            out.add(n)
    return out


def find_triggers(view: View) -> list[Hit]:
    lex = triggers()
    toks = view.doc.tokens
    skip = boilerplate_sentences(view)
    hits: list[Hit] = []
    i, n = 0, len(toks)
    while i < n:
        tok = toks[i]
        if not tok.is_word or tok.sent in skip:
            i += 1
            continue
        cands = readings(tok.norm)
        found: Hit | None = None
        for cand in cands:
            for words, entry in lex.multi.get(cand, ()):
                end = _match_rest(toks, i + 1, words[1:], tok.sent)
                if end is not None:
                    found = Hit(i, end, entry, tok.norm[:len(tok.norm) - len(cand)])
                    break
            if found:
                break
        if found is None:
            for cand in cands:
                entry = lex.single.get(cand)
                if entry is not None and _verb_reading_ok(tok.norm, cand, entry):
                    found = Hit(i, i + 1, entry, tok.norm[:len(tok.norm) - len(cand)])
                    break
        if found is not None:
            hits.append(found)
            i = found.j
        else:
            i += 1
    return hits


GAP = "…"  # in a W: pattern, up to GAP_TOKENS tokens of the sentence («فتح مسلحون النار», «فتحوا أمس، النار»)
GAP_TOKENS = 3


def _match_rest(toks, k: int, words: tuple[str, ...], sent: int) -> int | None:
    """The end of a multi-word pattern's remaining ``words`` matched from token k, or None."""
    if not words:
        return k
    if words[0] == GAP:
        for skip in range(GAP_TOKENS + 1):
            if k + skip < len(toks) and toks[k + skip].sent == sent:
                end = _match_rest(toks, k + skip, words[1:], sent)
                if end is not None:
                    return end
        return None
    if k < len(toks) and toks[k].sent == sent and words[0] in readings(toks[k].norm):
        return _match_rest(toks, k + 1, words[1:], sent)
    return None


def refine(group: str, words: set[str], sent_norm: str) -> tuple[str, str, bool] | None:
    """(event_type, sub_event_type, by default) for a context group, from the cue words of the
    sentence; ``by default`` says that no cue decided (a bare «هجوم»)."""
    for rule in cue_rules().get(group, ()):
        if rule.default or rule.words & words or any(p in sent_norm for p in rule.phrases):
            if rule.event_type.startswith("@"):
                return refine(rule.event_type, words, sent_norm)
            return rule.event_type, rule.sub_event_type, rule.default
    return None


def has_weapon(words: set[str], sent_norm: str) -> bool:
    rules = cue_rules().get("@weapon", ())
    return any(r.words & words or any(p in sent_norm for p in r.phrases) for r in rules)
