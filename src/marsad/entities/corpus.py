"""NER training/evaluation data: BIO files read and aligned to the pipeline's own tokens.

A gold sentence is joined by spaces (as the benchmark does), run through normalise and
segment, and each pipeline token takes the tag of the gold token it lies in (``B-`` only on
the first pipeline token of a gold ``B-`` token). So the model learns on exactly the tokens
it will see at run time.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from pathlib import Path

from marsad.document import Document, Token
from marsad.text.normalise import Normalise
from marsad.text.segment import Segment

TYPES = ("PER", "ORG", "LOC", "MISC")


def map_type(tag: str) -> str:
    """Corpus type → PER/ORG/LOC/MISC (ANERcorp PERS, AQMAR MIS0/MIS1/MISS1...)."""
    t = tag.upper()
    if t.startswith("PER"):
        return "PER"
    if t.startswith("MIS"):
        return "MISC"
    if t in ("LOC", "ORG"):
        return t
    if t == "GPE":
        return "LOC"
    return ""


def _flat_tag(tags: list[str]) -> str:
    """The outermost tag whose type maps to PER/ORG/LOC/MISC (nested files such as Wojood hold
    one tag column per nesting level, outermost first), or ``O``."""
    for tag in tags:
        if tag != "O" and "-" in tag:
            bio, _, typ = tag.partition("-")
            mapped = map_type(typ)
            if mapped and bio.upper()[:1] in "BI":
                return f"{bio.upper()[:1]}-{mapped}"
    return "O"


def read_bio(path: str | Path) -> list[list[tuple[str, str]]]:
    """Sentences of (token, tag) with tags mapped to B-/I- PER ORG LOC MISC (others → O).
    With several tag columns (nested annotation), the outermost mappable one is kept."""
    sents: list[list[tuple[str, str]]] = []
    cur: list[tuple[str, str]] = []
    with open(path, encoding="utf-8-sig") as fh:
        for line in fh:
            parts = line.split()
            if not parts:
                if cur:
                    sents.append(cur)
                    cur = []
                continue
            word = parts[0].lstrip("\u200e\u200f")
            if not word:
                continue
            cur.append((word, _flat_tag(parts[1:])))
    if cur:
        sents.append(cur)
    return sents


_NORMALISE = Normalise()
_SEGMENT = Segment()


def tokenise(text: str) -> Document:
    doc = Document(text)
    _NORMALISE(doc)
    _SEGMENT(doc)
    return doc


def gold_offsets(words: list[str]) -> list[tuple[int, int]]:
    out, pos = [], 0
    for w in words:
        out.append((pos, pos + len(w)))
        pos += len(w) + 1
    return out


def align(sentence: list[tuple[str, str]]) -> Iterator[tuple[list[Token], list[str]]]:
    """Pipeline-token sequences (one per segmenter sentence) with their BIO labels."""
    words = [w for w, _ in sentence]
    offsets = gold_offsets(words)
    starts = [s for s, _ in offsets]
    doc = tokenise(" ".join(words))
    seen: set[int] = set()
    by_sent: dict[int, tuple[list[Token], list[str]]] = {}
    for tok in doc.tokens:
        gi = bisect.bisect_right(starts, tok.start) - 1
        tag = sentence[gi][1]
        if tag != "O":
            typ = tag[2:]
            tag = ("B-" if tag[0] == "B" and gi not in seen else "I-") + typ
        seen.add(gi)
        toks, labels = by_sent.setdefault(tok.sent, ([], []))
        toks.append(tok)
        labels.append(tag)
    yield from by_sent.values()


def spans_to_gold(words: list[str], spans: list[tuple[int, int, str]]) -> list[str]:
    """Char spans predicted on the joined sentence → BIO tags over the gold tokens."""
    offsets = gold_offsets(words)
    starts = [s for s, _ in offsets]
    tags = ["O"] * len(words)
    for start, end, label in spans:
        first = bisect.bisect_right(starts, start) - 1
        last = bisect.bisect_right(starts, max(start, end - 1)) - 1
        if tags[first] != "O":  # overlapping prediction: keep the first
            continue
        tags[first] = "B-" + label
        for i in range(first + 1, last + 1):
            tags[i] = "I-" + label
    return tags


def chunks(tags: list[str]) -> set[tuple[int, int, str]]:
    """conlleval chunks (start, end, type) of a BIO sequence (an I- after O/another type starts one)."""
    out: set[tuple[int, int, str]] = set()
    start, typ = -1, ""
    for i, tag in enumerate([*tags, "O"]):
        b, t = tag[:1], tag[2:]
        if typ and (b in ("O", "B") or t != typ):
            out.add((start, i, typ))
            typ = ""
        if b == "B" or (b == "I" and t != typ):
            start, typ = i, t
    return out


def prf(gold: list[list[str]], pred: list[list[str]]) -> dict[str, tuple[float, float, float, int]]:
    """Entity-level precision/recall/F1 (exact span and type), per type and ``ALL`` (micro)."""
    counts: dict[str, list[int]] = {t: [0, 0, 0] for t in (*TYPES, "ALL")}  # tp, npred, ngold
    for g, p in zip(gold, pred, strict=True):
        gc, pc = chunks(g), chunks(p)
        for c in pc:
            counts[c[2]][1] += 1
            counts["ALL"][1] += 1
            if c in gc:
                counts[c[2]][0] += 1
                counts["ALL"][0] += 1
        for c in gc:
            counts[c[2]][2] += 1
            counts["ALL"][2] += 1
    out = {}
    for t, (tp, npred, ngold) in counts.items():
        p_ = tp / npred if npred else 0.0
        r_ = tp / ngold if ngold else 0.0
        f = 2 * p_ * r_ / (p_ + r_) if p_ + r_ else 0.0
        out[t] = (p_, r_, f, ngold)
    return out
