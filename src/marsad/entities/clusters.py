"""The word clusters the NER model uses, from the raw news in ../shared/data/news.

Recipe (deterministic, one core): every article's ``content`` is normalised
(``marsad.text.normalise``), tokenised with the segmenter's token pattern and each word is
reduced to its clitic-stripped stem (``marsad.text.clitics.split_clitics``, the same stem the
NER features use); numbers become ``0``. A skip-gram word2vec (gensim, 100 dimensions,
window 5, 3 epochs, min count 5, seed 1, one worker) is trained on these stems, and the
unit-normalised vectors are clustered with spherical k-means (numpy, k = 64, 256 and 1024,
20 iterations, seed 1). The output is a TSV ``stem<TAB>c64<TAB>c256<TAB>c1024``.

Source: SaudiNewsNet 2015 (31,030 articles, CC BY-NC-SA 4.0). Only the cluster ids of word
types are kept, no text. Needs gensim (training only; the run time reads the TSV).
Built by ``marsad train-ner`` or ``python scripts/build_ner_clusters.py NEWS.jsonl.gz OUT.tsv``.
"""

from __future__ import annotations

import functools
import gzip
import json
import sys

import numpy as np

from marsad.text.clitics import split_clitics
from marsad.text.normalise import normalise
from marsad.text.segment import TOKEN_RE

KS = (64, 256, 1024)
SEED = 1


@functools.lru_cache(maxsize=500_000)
def stem_of(word: str) -> str:
    if word[0].isdigit():
        return "0"
    if not word[0].isalpha():
        return word
    return split_clitics(word)[1]


def sentences(path: str) -> list[list[str]]:
    out: list[list[str]] = []
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            text = normalise(json.loads(line).get("content") or "")
            for para in text.split("\n"):
                toks = [stem_of(w) for w in TOKEN_RE.findall(para)]
                if len(toks) > 2:
                    out.append(toks)
    return out


def kmeans(x: np.ndarray, k: int, iters: int = 20) -> np.ndarray:
    rng = np.random.default_rng(SEED)
    centres = x[rng.choice(len(x), k, replace=False)].copy()
    assign = np.zeros(len(x), dtype=np.int32)
    for _ in range(iters):
        assign = np.concatenate([np.argmax(x[i:i + 20000] @ centres.T, axis=1) for i in range(0, len(x), 20000)])
        for c in range(k):
            members = x[assign == c]
            if len(members):
                v = members.sum(0)
                centres[c] = v / (np.linalg.norm(v) + 1e-9)
    return assign


def build(src: str, dst: str) -> None:
    from gensim.models import Word2Vec

    sents = sentences(src)
    print(f"{len(sents)} paragraphs, {sum(map(len, sents))} tokens", file=sys.stderr)
    model = Word2Vec(sents, vector_size=100, window=5, min_count=5, sg=1, negative=5, epochs=3,
                     workers=1, seed=SEED)
    words = list(model.wv.index_to_key)
    vecs = model.wv.vectors / (np.linalg.norm(model.wv.vectors, axis=1, keepdims=True) + 1e-9)
    cols = [kmeans(vecs.astype(np.float32), k) for k in KS]
    with open(dst, "w", encoding="utf-8") as fh:
        for i, w in enumerate(words):
            if "\t" in w or not w.strip():
                continue
            fh.write(w + "\t" + "\t".join(str(int(c[i])) for c in cols) + "\n")
    print(f"{len(words)} words -> {dst}", file=sys.stderr)

