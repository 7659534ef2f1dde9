"""A self-trained name lexicon: how often each word type is tagged as PER/ORG/LOC/MISC when a
first CRF reads the raw news.

The first model (trained on ANERcorp train) tags the news corpus; for every stem seen at least
``MIN_COUNT`` times, the share of its occurrences inside each entity type becomes a feature
of the second model. It carries document-wide evidence into single sentences (a name tagged
confidently in many contexts helps where its context is weak). Only counts per word type are
kept, no text. Source: SaudiNewsNet 2015 (CC BY-NC-SA 4.0).
"""

from __future__ import annotations

import gzip
import json
from collections import defaultdict
from pathlib import Path

from marsad.document import Document
from marsad.entities.corpus import TYPES
from marsad.entities.decode import CrfModel
from marsad.entities.features import _key
from marsad.text.normalise import Normalise
from marsad.text.segment import Segment

MIN_COUNT = 3


def build(model_dir: Path, news: Path, out: Path, max_articles: int = 12000,
          phrases_out: Path | None = None) -> int:
    """Writes ``out`` (stem counts) and, if asked, ``phrases_out``: the multi-word names the
    first model found at least ``MIN_COUNT`` times, with their majority type (share ≥ 0.6)."""
    from marsad.entities.stage import Entities

    stage = Entities.__new__(Entities)
    stage.model = CrfModel(model_dir)
    stage.names = frozenset()
    norm, seg = Normalise(), Segment()
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0, 0])
    phrases: dict[tuple[str, ...], list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    with gzip.open(news, "rt", encoding="utf-8") as fh:
        for k, line in enumerate(fh):
            if k >= max_articles:
                break
            text = json.loads(line).get("content") or ""
            if not text.strip():
                continue
            doc = Document(text)
            norm(doc)
            seg(doc)
            stage(doc)
            starts = {}
            for e in doc.entities:
                starts[e.start] = e
            labels: dict[int, str] = {}
            ti = 0
            toks = doc.tokens
            for e in sorted(doc.entities, key=lambda e: e.start):
                while ti < len(toks) and toks[ti].end <= e.start:
                    ti += 1
                j = ti
                while j < len(toks) and toks[j].start < e.end:
                    labels[j] = e.label
                    j += 1
                if j - ti >= 2 and toks[ti].is_word:
                    t0 = toks[ti]
                    key = (_key(t0.norm, t0.prefix, t0.stem), *(t.norm for t in toks[ti + 1:j]))
                    phrases[key][TYPES.index(e.label)] += 1
            for i, t in enumerate(toks):
                if not t.is_word:
                    continue
                c = counts[t.stem]
                c[0] += 1
                lab = labels.get(i)
                if lab:
                    c[1 + TYPES.index(lab)] += 1
    n = 0
    with out.open("w", encoding="utf-8") as fh:
        for stem in sorted(counts):
            c = counts[stem]
            if c[0] >= MIN_COUNT and max(c[1:]) >= 2:
                fh.write(stem + "\t" + "\t".join(map(str, c)) + "\n")
                n += 1
    if phrases_out is not None:
        with phrases_out.open("w", encoding="utf-8") as fh:
            for key in sorted(phrases):
                c = phrases[key]
                if sum(c) >= MIN_COUNT and max(c) >= 0.6 * sum(c):
                    fh.write(" ".join(key) + "\t" + TYPES[c.index(max(c))] + "\n")
    return n
