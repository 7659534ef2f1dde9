"""The events lexicons (``data/*.tsv``), loaded once per process into lookup tables.

Every key is stored in its normalised form (``normalise_key``) so that it matches token
stems and ``doc.norm``.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources

from marsad.text.normalise import normalise_key

PAST_SUFFIXES = ("", "ت", "وا", "ا", "تا", "ن", "نا")
PRESENT_PREFIXES = ("ي", "ت", "ن", "ا")
PRESENT_SUFFIXES = ("", "ون", "ان", "وا", "ن")
OBJECTS = ("", "ه", "ها", "هم", "هما")


@dataclass(frozen=True, slots=True)
class TriggerEntry:
    pattern: str  # the data line's pattern, for debugging
    pos: str  # V verb | N noun | W multi-word
    event_type: str
    sub_event_type: str
    plover: str
    req: str
    weight: float
    future: bool = False  # a form with the future prefix س
    present: bool = False  # an imperfect form («يسيطر»): a state or habit more often than an event


def _rows(name: str) -> list[list[str]]:
    raw = resources.files("marsad.events").joinpath(f"data/{name}").read_text("utf-8")
    rows = []
    for line in raw.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        rows.append(line.split("\t"))
    return rows


def _alternatives(cell: str) -> list[str]:
    return [normalise_key(x) for x in cell.split("|") if x.strip()]


def verb_forms(past: str, present: str) -> tuple[set[str], set[str], set[str]]:
    """(past forms, present forms, future forms) of a verb from its past and present stems."""
    forms: set[str] = set()
    if past.endswith("ي"):  # final alef maqsura: استولى → استولت، استولوا
        base = past[:-1]
        forms.update({past, base + "ت", base + "وا", base + "ا"})
    else:
        for suf in PAST_SUFFIXES:
            for obj in OBJECTS:
                if obj and suf == "وا":
                    forms.add(past + "و" + obj)
                else:
                    forms.add(past + suf + obj)
    future: set[str] = set()
    imperfect: set[str] = set()
    if present:
        for pre in PRESENT_PREFIXES:
            for suf in PRESENT_SUFFIXES:
                for obj in OBJECTS:
                    form = pre + present + (suf[:-1] if obj and suf == "وا" else suf) + obj
                    imperfect.add(form)
                    if pre != "ا":
                        future.add("س" + form)
    return forms - imperfect, imperfect, future


NO_ACCUSATIVE = frozenset({"احتجاج"})  # «احتجاجا على» is "in protest at", not a protest


def noun_forms(form: str) -> set[str]:
    out = {form}
    if not form.endswith(("ه", "ا", "ي")) and form not in NO_ACCUSATIVE:
        out.add(form + "ا")  # accusative indefinite: هجوما
    elif form.endswith("ي") and len(form) >= 5:
        out.add(form + "ا")  # a nisba adjective used as a noun: «إن انتحاريا فجر حزامه»
    return out


@dataclass(slots=True)
class TriggerLexicon:
    single: dict[str, TriggerEntry]
    multi: dict[str, list[tuple[tuple[str, ...], TriggerEntry]]]  # first word → patterns


@functools.cache
def triggers() -> TriggerLexicon:
    single: dict[str, TriggerEntry] = {}
    multi: dict[str, list[tuple[tuple[str, ...], TriggerEntry]]] = {}
    for row in _rows("triggers.tsv"):
        pattern, etype, sub, plover, req, weight = (row + [""] * 6)[:6]
        pos, _, body = pattern.partition(":")
        entry = TriggerEntry(pattern, pos, etype, sub, plover, req or "none", float(weight or 0.5))
        if pos == "W":
            words = tuple(normalise_key(body).split())
            multi.setdefault(words[0], []).append((words, entry))
            continue
        if pos == "V":
            past, _, present = body.partition("|")
            forms, imperfect, future = verb_forms(normalise_key(past), normalise_key(present))
            for f in sorted(future):
                single.setdefault(f, TriggerEntry(pattern, "V", etype, sub, plover, entry.req, entry.weight, True))
            for f in sorted(imperfect):
                single.setdefault(f, TriggerEntry(pattern, "V", etype, sub, plover, entry.req, entry.weight, False, True))
        elif pos == "F":
            forms = set(_alternatives(body))
            entry = TriggerEntry(pattern, "V", etype, sub, plover, entry.req, entry.weight)
        else:
            forms = set()
            for alt in _alternatives(body):
                forms |= noun_forms(alt)
        for f in sorted(forms):
            if pos == "N" and f in single and single[f].pos == "V":
                single[f] = entry  # «سيطرة» is the noun, not سيطر + the object pronoun
            else:
                single.setdefault(f, entry)
    for pats in multi.values():
        pats.sort(key=lambda p: -len(p[0]))
    return TriggerLexicon(single, multi)


@dataclass(frozen=True, slots=True)
class CueRule:
    words: frozenset[str]
    phrases: tuple[str, ...]
    event_type: str
    sub_event_type: str
    default: bool


def _cue_sets(cell: str) -> tuple[frozenset[str], tuple[str, ...]]:
    alts = _alternatives(cell)
    return frozenset(a for a in alts if " " not in a), tuple(a for a in alts if " " in a)


@functools.cache
def cue_rules() -> dict[str, list[CueRule]]:
    rules: dict[str, list[CueRule]] = {}
    for row in _rows("cues.tsv"):
        group, cue, etype, sub = (row + [""] * 4)[:4]
        words, phrases = _cue_sets(cue)
        rules.setdefault(group, []).append(CueRule(words, phrases, etype, sub, cue.strip() == "*"))
    return rules


@dataclass(frozen=True, slots=True)
class ModalityCue:
    modality: str
    window: int


@functools.cache
def modality_cues() -> tuple[dict[str, ModalityCue], dict[str, ModalityCue]]:
    """(word cues, phrase cues)."""
    words: dict[str, ModalityCue] = {}
    phrases: dict[str, ModalityCue] = {}
    for row in _rows("modality.tsv"):
        cue, modality, window = (row + ["", "", "6"])[:3]
        mc = ModalityCue(modality, int(window or 6))
        for alt in _alternatives(cue):
            (phrases if " " in alt else words).setdefault(alt, mc)
    return words, phrases


@functools.cache
def numbers() -> tuple[dict[str, tuple[int, str]], dict[str, tuple[int, str]]]:
    """(word → (value, kind), phrase → (value, kind))."""
    words: dict[str, tuple[int, str]] = {}
    phrases: dict[str, tuple[int, str]] = {}
    for row in _rows("numbers.tsv"):
        cue, value, kind = (row + ["", "", "exact"])[:3]
        for alt in _alternatives(cue):
            (phrases if " " in alt else words)[alt] = (int(value), kind)
    return words, phrases


@functools.cache
def fatality_words() -> dict[str, str]:
    out: dict[str, str] = {}
    for row in _rows("fatality_words.tsv"):
        cue, kind = (row + ["", ""])[:2]
        for alt in _alternatives(cue):
            out.setdefault(alt, kind)
    return out


@dataclass(frozen=True, slots=True)
class SpeechCue:
    kind: str  # verb | continuation | participle | attribution
    lemma: str


@functools.cache
def speech_cues() -> tuple[dict[str, SpeechCue], dict[str, SpeechCue]]:
    """(word cues, phrase cues) for quotes."""
    words: dict[str, SpeechCue] = {}
    phrases: dict[str, SpeechCue] = {}
    for row in _rows("speech.tsv"):
        cue, kind, lemma = (row + ["", "", ""])[:3]
        sc = SpeechCue(kind, lemma)
        for alt in _alternatives(cue):
            (phrases if " " in alt else words).setdefault(alt, sc)
    return words, phrases


@functools.cache
def wordlists() -> dict[str, frozenset[str]]:
    out: dict[str, frozenset[str]] = {}
    for row in _rows("wordlists.tsv"):
        name, words = (row + ["", ""])[:2]
        if name.strip() in out:  # a second list of the same name would silently replace the first
            raise ValueError(f"wordlists.tsv: list {name.strip()!r} is defined twice")
        out[name.strip()] = frozenset(_alternatives(words))
    return out


def wordlist(name: str) -> frozenset[str]:
    """A named word list of data/wordlists.tsv (KeyError names the missing list)."""
    return wordlists()[name]
