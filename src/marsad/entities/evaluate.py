"""Scoring a tagger on a BIO file the way the benchmark does (joined text in, char spans out)."""

from __future__ import annotations

from collections.abc import Callable

from marsad.document import Document
from marsad.entities.corpus import prf, spans_to_gold


def evaluate(sents: list[list[tuple[str, str]]], extract: Callable[[str], Document]) -> dict:
    gold, pred = [], []
    for sent in sents:
        words = [w for w, _ in sent]
        doc = extract(" ".join(words))
        spans = [(e.start, e.end, e.label) for e in doc.entities]
        pred.append(spans_to_gold(words, spans))
        gold.append([t for _, t in sent])
    return prf(gold, pred)


def format_scores(scores: dict) -> str:
    lines = [f"{'type':6} {'P':>6} {'R':>6} {'F1':>6} {'gold':>6}"]
    for t, (p, r, f, n) in scores.items():
        lines.append(f"{t:6} {p:6.3f} {r:6.3f} {f:6.3f} {n:6d}")
    return "\n".join(lines)
