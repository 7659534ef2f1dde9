"""A cheap language check: is this article Arabic?

Script counts separate Arabic-script text from Latin/other scripts; inside the Arabic script,
Persian/Urdu letters (پ چ ژ گ ی ک ے ٹ ڈ) and Persian function words separate them from Arabic.
Returns an ISO 639-1 code ("ar", "fa", "ur", "en", "fr") or "und-Latn"/"und" when unsure.
"""

from __future__ import annotations

import regex

_WORD = regex.compile(r"\p{L}+")
_PERSIAN_LETTERS = frozenset("پچژگیک")
_URDU_LETTERS = frozenset("ٹڈڑںےہ")
_PERSIAN_WORDS = frozenset({"است", "این", "را", "که", "می", "برای", "های", "شد", "آن", "بود", "کرد"})
_ARABIC_WORDS = frozenset({"في", "من", "على", "إلى", "الى", "أن", "ان", "التي", "الذي", "عن", "مع", "قال", "هذا", "كان"})
_ENGLISH_WORDS = frozenset({"the", "of", "and", "to", "in", "is", "that", "for", "on", "was", "said", "with"})
_FRENCH_WORDS = frozenset({"le", "la", "les", "de", "des", "et", "est", "une", "dans", "du", "pour", "que"})
MIN_LETTERS = 20  # below this the text is too short to judge: kept as "und"
MIN_ARABIC = 100  # this many Arabic letters make an article Arabic whatever surrounds them


def detect_language(text: str, sample: int = 20_000) -> str:
    text = text[:sample]
    arabic = latin = other = 0
    persian = urdu = 0
    for ch in text:
        if not ch.isalpha():
            continue
        cp = ord(ch)
        if 0x0600 <= cp <= 0x06FF or 0x0750 <= cp <= 0x077F or 0xFB50 <= cp <= 0xFEFF:
            arabic += 1
            if ch in _PERSIAN_LETTERS:
                persian += 1
            elif ch in _URDU_LETTERS:
                urdu += 1
        elif cp < 0x0250:
            latin += 1
        else:
            other += 1
    total = arabic + latin + other
    if total < MIN_LETTERS:
        return "und"
    if arabic / total >= 0.4:
        if urdu / arabic > 0.02:
            return "ur"
        if persian / arabic > 0.02:
            words = _WORD.findall(text)
            fa = sum(w in _PERSIAN_WORDS for w in words)
            ar = sum(w in _ARABIC_WORDS for w in words)
            return "fa" if fa > ar else "ar"
        return "ar"
    if latin >= other:
        words = [w.lower() for w in _WORD.findall(text) if w.isascii()]
        en = sum(w in _ENGLISH_WORDS for w in words)
        fr = sum(w in _FRENCH_WORDS for w in words)
        # Latin prose has function words; CSS, code, URLs and lists of foreign titles do not
        if max(en, fr) >= 2 and max(en, fr) >= 0.15 * len(words):
            return "en" if en >= fr else "fr"
    if arabic >= MIN_ARABIC:
        return "ar"  # Arabic text with markup junk or foreign names around it
    return "und-Latn" if latin >= other else "und"
