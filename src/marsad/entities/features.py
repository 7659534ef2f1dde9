"""Token features for the NER CRF, computed once per word type and cached.

Every feature describes one token; a token's feature set is the union of its own features
and its neighbours' (offsets -2..+2) prefixed with the offset. Because nothing crosses two
tokens, the features (and, at run time, their summed weights) are cached per word type:
the per-token cost is a dict lookup, not string work.
"""

from __future__ import annotations

import functools
import math
from importlib import resources
from pathlib import Path

from marsad.text.clitics import vocabulary

OFFSETS = (-2, -1, 0, 1, 2)
EMB_OFFSETS = (-1, 0, 1)
BOS = ("<s>",)
EOS = ("</s>",)
ONE_LETTER = ("و", "ف", "ب", "ل", "ك")


def _read_tsv(text: str) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for line in text.splitlines():
        key, _, rest = line.partition("\t")
        if rest:
            out[key] = rest.split("\t")
    return out


@functools.cache
def gazetteer() -> dict[str, tuple[str, ...]]:
    raw = resources.files("marsad.entities").joinpath("data/gazetteer.tsv").read_text("utf-8")
    return {k: tuple(v[0].split(",")) for k, v in _read_tsv(raw).items()}


def load_clusters(path: Path | None = None) -> dict[str, tuple[str, ...]]:
    if path is None:
        raw = resources.files("marsad.entities").joinpath("model/clusters.tsv").read_text("utf-8")
    elif path.exists():
        raw = path.read_text("utf-8")
    else:
        return {}
    return {k: tuple(v) for k, v in _read_tsv(raw).items()}


def load_silver(path: Path) -> dict[str, tuple[str, ...]]:
    """Self-trained lexicon (``silver.tsv``, see ``silver.py``): stem → ``TYPE:share`` features."""
    out: dict[str, tuple[str, ...]] = {}
    if not path.exists():
        return out
    types = ("PER", "ORG", "LOC", "MISC")
    for line in path.read_text("utf-8").splitlines():
        stem, *nums = line.split("\t")
        total, *per = (int(x) for x in nums)
        feats = tuple(f"{t}:{min(4, int(5 * c / total))}" for t, c in zip(types, per, strict=True)
                      if c / total >= 0.1)
        if feats:
            out[stem] = feats
    return out


def shape(word: str) -> str:
    c = word[0]
    if c.isdigit():
        return "D"
    if not c.isalpha():
        return "P" + c
    if "\u0600" <= c <= "\u06ff":
        return "A"
    if c.isascii():
        return "Lu" if c.isupper() else "L"
    return "X"


def _bucket(n: int) -> str:
    return str(min(int(math.log2(n + 1)), 12))


class Featurizer:
    """Word type → five feature lists (as seen from offsets -2..+2)."""

    def __init__(self, clusters: dict[str, tuple[str, ...]] | None = None, use_gazetteer: bool = True,
                 pairs: bool = False, ngrams: bool = False):
        self.pairs = pairs
        self.silver: dict[str, tuple[str, ...]] = {}
        self.vectors: tuple[dict[str, int], object] | None = None
        self.ngrams = ngrams
        self.clusters = clusters or {}
        self.gaz = gazetteer() if use_gazetteer else {}
        self.vocab = vocabulary()
        self._cache: dict[tuple[str, str, str], tuple[list[str], ...]] = {}

    def _gaz_tags(self, norm: str, prefix: str, stem: str) -> set[str]:
        tags: set[str] = set()
        gaz = self.gaz
        if not gaz:
            return tags
        for key in {norm, stem, "ال" + stem if prefix.endswith("ال") or prefix.endswith("لل") else stem}:
            tags.update(gaz.get(key, ()))
        if not prefix and len(norm) >= 4 and norm[0] in ONE_LETTER and not tags:
            # a one-letter proclitic the segmenter kept attached (لداعش): the remainder's tags
            for t in gaz.get(norm[1:], ()):
                tags.add("1" + t)
        return tags

    def base(self, norm: str, prefix: str, stem: str) -> tuple[list[str], ...]:
        """Cached ``compute`` (training)."""
        key = (norm, prefix, stem)
        hit = self._cache.get(key)
        if hit is None:
            if len(self._cache) > 300_000:
                self._cache.clear()
            hit = self._cache[key] = self.compute(norm, prefix, stem)
        return hit

    def compute(self, norm: str, prefix: str, stem: str) -> tuple[list[str], ...]:
        """The feature lists of a word type as seen from offsets -2..+2 (offset-prefixed)."""
        ctx2, ctx1, own = self.raw(norm, prefix, stem)
        out = (ctx2, ctx1, own, ctx1, ctx2)
        return tuple([f"{r}:{f}" for f in feats] for r, feats in zip(OFFSETS, out, strict=True))

    def raw(self, norm: str, prefix: str, stem: str) -> tuple[list[str], list[str], list[str]]:
        """Unprefixed features of a word type: as a ±2 neighbour, as a ±1 neighbour, its own."""
        sh = shape(norm)
        own = [f"w={norm}", f"sh={sh}"]
        ctx1 = [f"w={norm}", f"sh={sh}"]
        ctx2 = [f"s={stem}"]
        if sh == "A":
            own += [f"s={stem}", f"p={prefix}", f"s2={stem[:2]}", f"s3={stem[:3]}",
                    f"x1={stem[-1:]}", f"x2={stem[-2:]}", f"x3={stem[-3:]}", f"n={min(len(stem), 9)}",
                    f"s4={stem[:4]}", f"x4={stem[-4:]}",
                    f"f={_bucket(self.vocab.get(stem, 0))}", f"fw={_bucket(self.vocab.get(norm, 0))}"]
            ctx1 += [f"s={stem}", f"p={prefix}"]
            if self.ngrams:
                own += [f"g3={stem[k:k + 3]}" for k in range(1, len(stem) - 3)]
            cl = self.clusters.get(stem)
            if cl is None and not prefix and len(norm) >= 4 and norm[0] in ONE_LETTER:
                cl = self.clusters.get(norm[1:])
            if cl is not None:
                own += [f"c{i}={c}" for i, c in enumerate(cl)]
                ctx1 += [f"c{i}={c}" for i, c in enumerate(cl)]
                ctx2.append(f"c1={cl[1]}")
            else:
                own.append("c=none")
            for t in self.silver.get(stem, ()):
                own.append("sl=" + t)
                ctx1.append("sl=" + t)
            for t in self._gaz_tags(norm, prefix, stem):
                own.append("g=" + t)
                ctx1.append("g=" + t)
                ctx2.append("g=" + t)
        elif sh == "D":
            own = [f"sh={sh}", f"n={min(len(norm), 5)}"]
            ctx1 = [f"sh={sh}"]
            ctx2 = [f"sh={sh}"]
        return ctx2, ctx1, own

    def pair(self, a: tuple[str, str, str], b: tuple[str, str, str]) -> list[str]:
        """Features of two adjacent tokens, given to the second (stem and cluster bigrams)."""
        if not self.pairs:
            return []
        ca, cb = self.clusters.get(a[2]), self.clusters.get(b[2])
        out = [f"b={a[2]}|{b[2]}"]
        out.append(f"cb={ca[1] if ca else a[2] if len(a[2]) < 3 else '?'}|{cb[1] if cb else '?'}")
        return out

    def vector(self, key: tuple[str, str, str]):
        """The word's embedding (scaled), or None."""
        if self.vectors is None:
            return None
        norm, prefix, stem = key
        i = self.vectors[0].get(stem)
        if i is None and not prefix and len(norm) >= 4 and norm[0] in ONE_LETTER:
            i = self.vectors[0].get(norm[1:])
        return None if i is None else self.vectors[1][i]

    def sequence_dicts(self, words: list[tuple[str, str, str]]) -> list[dict[str, float]]:
        """Like ``sequence`` with the embedding dimensions as real-valued features."""
        out = [dict.fromkeys(f, 1.0) for f in self.sequence(words)]
        if self.vectors is None:
            return out
        vecs = [self.vector(w) for w in words]
        n = len(words)
        for i in range(n):
            for r in EMB_OFFSETS:
                j = i + r
                if 0 <= j < n and vecs[j] is not None:
                    out[i].update({f"{r}:e{k}": float(v) for k, v in enumerate(vecs[j])})
        return out

    def sequence(self, words: list[tuple[str, str, str]]) -> list[list[str]]:
        """Feature lists of a token sequence (for training), words as (norm, prefix, stem)."""
        bases = [self.base(*w) for w in words]
        n = len(words)
        out: list[list[str]] = []
        for i in range(n):
            feats: list[str] = ["bias"]
            if i:
                feats.extend(self.pair(words[i - 1], words[i]))
            for k, r in enumerate(OFFSETS):
                j = i + r
                if 0 <= j < n:
                    feats.extend(bases[j][k])
                elif r in (-1, 1):
                    feats.append(f"{r}:{'BOS' if j < 0 else 'EOS'}")
            out.append(feats)
        return out
