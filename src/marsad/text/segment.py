"""Sentences and clitic-aware tokens, found on the normalised text, kept as original offsets."""

from __future__ import annotations

import regex

from marsad.document import Document, Span, Token
from marsad.text.clitics import split_clitics

# Words: letters with inner marks; numbers with decimal/thousand separators; any other symbol.
TOKEN_RE = regex.compile(r"[\p{L}\p{M}]+(?:['’][\p{L}]+)?|\d+(?:[.,:/]\d+)*|\S")
# A sentence ends at . ! ? ؟ (possibly followed by closing quotes/brackets) before whitespace
# or directly before an Arabic letter («…البلاد.وقالت», common in scraped news), or at a line break.
SENT_END_RE = regex.compile(r'(?:[.!?؟…]+["\')\]]*(?=\s|$|\p{Arabic}))|\n+')
LAST_LETTERS_RE = regex.compile(r"\p{L}+$")
ABBREVIATIONS = frozenset({"د", "م", "ص", "ق", "ه", "ج", "أ", "ا", "mr", "dr", "st", "no"})


def sentence_bounds(norm: str) -> list[tuple[int, int]]:
    bounds: list[tuple[int, int]] = []
    start = 0
    for m in SENT_END_RE.finditer(norm):
        end = m.end()
        if m.group(0)[0] == ".":
            # the letters just before the dot, after any bracket or dot: «(د.» -> د, «د.ب.» -> ب
            word = LAST_LETTERS_RE.search(norm, max(0, m.start() - 8), m.start())
            word = word.group(0).lower() if word else ""
            if word in ABBREVIATIONS:
                continue
            # dotted initials run into the next letter: «د.ب.أ», «سي.إن.إن», «د.مازن»
            if m.group(0) == "." and 0 < len(word) <= 2 and m.end() < len(norm) and norm[m.end()].isalpha():
                continue
        if norm[start:end].strip():
            bounds.append((start, end))
        start = end
    if norm[start:].strip():
        bounds.append((start, len(norm)))
    # trim surrounding whitespace
    out = []
    for s, e in bounds:
        while s < e and norm[s].isspace():
            s += 1
        while e > s and norm[e - 1].isspace():
            e -= 1
        out.append((s, e))
    return out


class Segment:
    name = "segment"
    needs = ("norm",)
    adds = ("sentences", "tokens")

    def __call__(self, doc: Document) -> None:
        norm = doc.norm
        sentences: list[Span] = []
        tokens: list[Token] = []
        for sent_index, (s, e) in enumerate(sentence_bounds(norm)):
            os_, oe = doc.to_orig(s, e)
            sentences.append(Span(os_, oe))
            for m in TOKEN_RE.finditer(norm, s, e):
                a, b = m.span()
                word = m.group(0)
                start, end = doc.to_orig(a, b)
                is_word = word[0].isalpha()
                if is_word:
                    prefix, stem = split_clitics(word)
                    stem_start = doc.to_orig(a + len(prefix), b)[0] if prefix else start
                else:
                    prefix, stem, stem_start = "", word, start
                tokens.append(Token(start, end, word, prefix, stem, stem_start, sent_index, is_word))
        doc.sentences = sentences
        doc.tokens = tokens
