"""Per-document views shared by the events and quotes stages: sentence token ranges,
clitic-stripped readings of each token, and clause boundaries."""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

from marsad.document import Document
from marsad.text.clitics import stem_candidates

CLAUSE_PUNCT = frozenset({"،", ",", "؛", ";", ":", "(", ")", "-", '"'})
CLAUSE_WORDS = frozenset({"بينما", "فيما", "حيث", "بعدما", "وذلك", "لكن", "ولكن", "الا", "عندما", "حين", "كما"})
PREPOSITIONS = frozenset({"علي", "ضد", "من", "في", "الي", "عن", "مع", "بين", "عبر", "داخل", "قرب", "نحو"})


@functools.lru_cache(maxsize=200_000)
def readings(word: str) -> tuple[str, ...]:
    """A word's clitic-stripped readings, the word itself first."""
    return tuple(stem_candidates(word))


@dataclass
class View:
    doc: Document
    sent_ranges: list[tuple[int, int]] = field(default_factory=list)  # token index ranges
    hits: list = field(default_factory=list)  # the events stage's trigger hits, once found

    @classmethod
    def of(cls, doc: Document) -> View:
        ranges: list[list[int]] = [[0, 0] for _ in doc.sentences]
        seen: set[int] = set()
        for i, tok in enumerate(doc.tokens):
            s = tok.sent
            if s not in seen:
                ranges[s][0] = i
                seen.add(s)
            ranges[s][1] = i + 1
        return cls(doc, [(a, b) for a, b in ranges])

    def sentence_words(self, sent: int) -> set[str]:
        """Every reading of every word of a sentence (for cue lookups)."""
        a, b = self.sent_ranges[sent]
        out: set[str] = set()
        for tok in self.doc.tokens[a:b]:
            if tok.is_word:
                out.update(readings(tok.norm))
        return out

    def sentence_norm(self, sent: int) -> str:
        a, b = self.sent_ranges[sent]
        return " " + " ".join(t.norm for t in self.doc.tokens[a:b]) + " "

    def clause(self, i: int) -> tuple[int, int]:
        """Token range of the clause around token i (bounded by punctuation and clause words)."""
        toks = self.doc.tokens
        a, b = self.sent_ranges[toks[i].sent]
        lo = i
        while lo > a and toks[lo - 1].norm not in CLAUSE_PUNCT and toks[lo - 1].norm not in CLAUSE_WORDS:
            lo -= 1
        hi = i + 1
        while hi < b and toks[hi].norm not in CLAUSE_PUNCT and toks[hi].norm not in CLAUSE_WORDS:
            hi += 1
        return lo, hi

    def token_at(self, offset: int) -> int:
        """Index of the token that holds (or first follows) an original offset."""
        toks = self.doc.tokens
        lo, hi = 0, len(toks)
        while lo < hi:
            mid = (lo + hi) // 2
            if toks[mid].end <= offset:
                lo = mid + 1
            else:
                hi = mid
        return min(lo, len(toks) - 1)
