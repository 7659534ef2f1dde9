"""Modality: is a trigger asserted, or denied, threatened, planned, expected, conditional,
a question, an attempt, a call, or a state («تحت سيطرة»)? Cues (data/modality.tsv) are
looked for before the trigger in its sentence, within each cue's window of words (the
nearest cue word wins)."""

from __future__ import annotations

from marsad.events.context import View, readings
from marsad.events.lexicon import modality_cues

ASSERTED = "asserted"
# a cue's reach stops at a factive temporal clause or a new clause
BARRIERS = frozenset({"بعد", "عقب", "اثر", "بعدما", "منذ", "بينما", "فيما", "حيث"})
# «طائرات حربية يعتقد أنها تابعة للتحالف قصفت …»: a hedge on who the agent belongs to, not on
# whether the event took place
ATTRIBUTION = ("تابع", "ينتم", "تنتم", "منتم")
ATTRIBUTION_REACH = 3


def _attributes_agent(words: list[str]) -> bool:
    return any(w.startswith(ATTRIBUTION) for w in words[:ATTRIBUTION_REACH])


def modality_of(view: View, i: int, future: bool = False) -> str:
    """The modality of the trigger whose first token is i."""
    if future:
        return "planned"
    words, phrases = modality_cues()
    toks = view.doc.tokens
    sa, _ = view.sent_ranges[toks[i].sent]
    lo = sa
    # a cue governs what follows it in its sentence, up to its window of words
    distance = 0
    k = i - 1
    while k >= sa:
        tok = toks[k]
        if tok.norm in BARRIERS:
            break  # «…على وشك الهزيمة، بعد سيطرة القوات على …»: what follows بعد has happened
        if tok.is_word:
            distance += 1
            for cand in readings(tok.norm):
                cue = words.get(cand)
                if cue is None:
                    continue
                if distance <= cue.window:
                    if cue.modality == "expected" and _attributes_agent(
                            [t.norm for t in toks[k + 1:i] if t.is_word]):
                        break  # the hedge is about the agent: look further back
                    return cue.modality
                break
        k -= 1
    if phrases:
        pre = " ".join(t.norm for t in toks[max(sa, lo):i])
        for phrase, cue in phrases.items():
            if phrase in pre:
                if cue.modality == "expected" and _attributes_agent(pre.split(phrase, 1)[1].split()):
                    continue
                return cue.modality
    return ASSERTED
