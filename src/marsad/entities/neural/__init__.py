"""A small neural NER tagger run with numpy only (trained with torch by scripts/train_neural_ner.py).

Architecture (``weights.npz`` beside this file; recipe and provenance in ``TRAINING.json``):

- **word layer**, cached per word type ``(norm, prefix, stem)``: the sum of trained vectors of
  the type's sparse features (word, stem, proclitic, stem affixes, shape, length, news
  frequency buckets, self-trained lexicon shares, gazetteer tags; ``type_feats``) plus a
  projection of a word2vec vector of the stem pre-trained on the raw news (frozen);
- **per token**, the trained vectors of the BIO position of a known multi-word name covering
  it (actor base/places ``gz``, training names ``gt``, news names ``gs``; the CRF's matching
  rule, on lists frozen in this folder);
- ReLU, then residual 1-D convolutions (width 3, dilations e.g. 1, 2, 1) over the sentence,
  and a linear layer to the BIO labels' log-probabilities.

All sentences of a document are run at once: they are laid end to end with zero gaps
(at least the largest dilation wide) and every layer's output is zeroed in the gaps, so each
convolution is one matrix product for the whole document and no sentence sees another.

The stage adds ``ensemble_weight`` × these log-probabilities to the CRF's emission scores
and decodes with the CRF's Viterbi (weight chosen on a development split of ANERcorp train).
"""

from __future__ import annotations

import functools
import json
from importlib import resources
from pathlib import Path

import numpy as np

from marsad.entities.decode import viterbi_path
from marsad.entities.features import (
    ONE_LETTER,
    freq_bucket,
    gazetteer,
    load_phrases,
    load_silver,
    shape,
    window_tags,
)
from marsad.text.clitics import vocabulary

NEURAL_DIR = Path(str(resources.files("marsad.entities").joinpath("neural")))
WEIGHTS = "weights.npz"
CACHE_SIZE = 200_000  # word types


class TypeFeaturizer:
    """Sparse features of one word type (strings), independent of the CRF's feature set."""

    def __init__(self, silver: dict[str, tuple[str, ...]] | None = None):
        self.silver = silver or {}
        self.gaz = gazetteer()
        self.vocab = vocabulary()

    def __call__(self, norm: str, prefix: str, stem: str) -> list[str]:
        sh = shape(norm)
        out = [f"w={norm}", f"sh={sh}"]
        if sh == "A":
            out += [f"s={stem}", f"p={prefix}", f"s2={stem[:2]}", f"s3={stem[:3]}", f"x1={stem[-1:]}",
                    f"x2={stem[-2:]}", f"x3={stem[-3:]}", f"n={min(len(stem), 9)}",
                    f"f={freq_bucket(self.vocab.get(stem, 0))}", f"fw={freq_bucket(self.vocab.get(norm, 0))}"]
            for t in self.silver.get(stem, ()):
                out.append("sl=" + t)
            gaz = self.gaz
            tags: set[str] = set()
            for key in {norm, stem, "ال" + stem if prefix.endswith(("ال", "لل")) else stem}:
                tags.update(gaz.get(key, ()))
            if not prefix and len(norm) >= 4 and norm[0] in ONE_LETTER and not tags:
                tags.update("1" + t for t in gaz.get(norm[1:], ()))
            out += ["g=" + t for t in sorted(tags)]
        elif sh == "D":
            out = [f"sh={sh}", f"n={min(len(norm), 5)}"]
        elif sh.startswith("L"):
            out += [f"x3={norm[-3:].lower()}", f"n={min(len(norm), 9)}"]
        return out


def embedding_key(norm: str, prefix: str, stem: str, index: dict[str, int]) -> int:
    """Row of the word2vec table for a token (its stem; a one-letter proclitic left attached
    is tried off), 0 when unknown (row 0 is zeros)."""
    if norm[:1].isdigit():
        return index.get("0", 0)
    i = index.get(stem, 0)
    if not i and not prefix and len(norm) >= 4 and norm[0] in ONE_LETTER:
        i = index.get(norm[1:], 0)
    return i


BOW, EOW = "\x02", "\x03"


def char_ids(word: str, chars: dict[str, int], max_chars: int) -> list[int]:
    """Character ids of a word between boundary marks, the middle cut when longer than ``max_chars``."""
    w = BOW + word + EOW
    if len(w) > max_chars:
        half = max_chars // 2
        w = w[:half] + w[len(w) - (max_chars - half):]
    return [chars.get(ch, 1) for ch in w]


def _key(norm: str, prefix: str, stem: str) -> str:
    """A token's form for name matching: proclitics off, the article kept (للعراق → العراق)."""
    if not prefix:
        return norm
    return "ال" + stem if prefix.endswith(("ال", "لل")) else stem


class PhraseMatcher:
    """Longest-first, left-to-right matching of known multi-word names (as the CRF's
    ``Featurizer.phrase_feats``: first word without its proclitics, the rest as written),
    indexed by the first two words so a common first word costs one look-up, not a scan."""

    LISTS = (("gz", "gazetteer_phrases.tsv"), ("gt", "phrases.tsv"), ("gs", "silver_phrases.tsv"))

    def __init__(self, directory: Path):
        self.lists = []
        self.entries: dict[str, dict[tuple[str, ...], str]] = {}
        for name, fname in self.LISTS:
            single: dict[str, str] = {}
            multi: dict[tuple[str, str], list[tuple[tuple[str, ...], str]]] = {}
            entries = self.entries[name] = load_phrases(directory / fname)
            for words, typ in entries.items():
                if len(words) == 1:
                    single[words[0]] = typ
                else:
                    multi.setdefault((words[0], words[1]), []).append((words[2:], typ))
            for v in multi.values():
                v.sort(key=lambda e: -len(e[0]))
            if single or multi:
                self.lists.append((name, single, multi))

    def same_lists(self, featurizer) -> bool:
        """Whether a CRF ``Featurizer`` matches exactly these lists (then one match serves both)."""
        from marsad.entities.features import index_phrases

        for name, attr in (("gz", "phrases"), ("gt", "tphrases"), ("gs", "sphrases")):
            theirs = getattr(featurizer, attr, None) or {}
            if index_phrases(self.entries[name]) != theirs:
                return False
        return True

    def match(self, words: list[tuple[str, str, str]]) -> list[tuple[str, list[str | None]]]:
        """Per list with a match, the BIO tag (``B-ORG``...) of each token or None."""
        n = len(words)
        keys = [_key(*w) for w in words]
        out = []
        for name, single, multi in self.lists:
            tags: list[str | None] | None = None
            i = 0
            while i < n:
                hit, typ = 0, ""
                if i + 1 < n:
                    for rest, t in multi.get((keys[i], words[i + 1][0]), ()):
                        m = len(rest)
                        if i + 2 + m <= n and all(words[i + 2 + k][0] == rest[k] for k in range(m)):
                            hit, typ = m + 2, t
                            break
                if not hit:
                    t = single.get(keys[i])
                    if t:
                        hit, typ = 1, t
                if hit:
                    if tags is None:
                        tags = [None] * n
                    tags[i] = "B-" + typ
                    for k in range(i + 1, i + hit):
                        tags[k] = "I-" + typ
                    i += hit
                else:
                    i += 1
            if tags is not None:
                out.append((name, tags))
        return out

    @staticmethod
    def own(matches, n: int) -> list[list[str]] | None:
        """The network's features: the tags covering each token (``gz=B-ORG``)."""
        if not matches:
            return None
        out: list[list[str]] = [[] for _ in range(n)]
        for name, tags in matches:
            for j, t in enumerate(tags):
                if t is not None:
                    out[j].append(f"{name}={t}")
        return out

    @staticmethod
    def crf(matches, n: int) -> list[list[str]]:
        """The CRF's ``phrase_feats`` (``0:gz=B-ORG``, ``-1:gz=I-ORG``...); [] when nothing matched."""
        if not matches:
            return []
        out: list[list[str]] = [[] for _ in range(n)]
        for name, tags in matches:
            window_tags(out, name, tags)
        return out

    def feats(self, words: list[tuple[str, str, str]]) -> list[list[str]] | None:
        """Per token, ``gz=B-ORG``-style tags of the names covering it; None when none matched."""
        return self.own(self.match(words), len(words))


def phrase_matcher(directory: Path) -> PhraseMatcher:
    return PhraseMatcher(directory)


def own_phrase_feats(matcher: PhraseMatcher, keys: list[tuple[str, str, str]]) -> list[list[str]] | None:
    """Per token, the name-list BIO tags covering the token itself (``gz=B-ORG``...)."""
    return matcher.feats(keys)


class NeuralTagger:
    """Numpy forward pass of the trained network(s); see the module docstring. A weights file
    may hold several networks trained with different seeds (arrays of network j > 0 end in
    ``@j``); their log-probabilities are averaged."""

    def __init__(self, directory: Path | str | None = None, arrays: dict | None = None):
        directory = Path(directory or NEURAL_DIR)
        if arrays is None:
            with np.load(directory / WEIGHTS, allow_pickle=False) as data:
                arrays = {k: data[k] for k in data.files}
        self.labels: list[str] = [str(x) for x in arrays["labels"]]
        feats = [str(f) for f in arrays["feats"]]
        self.feat_index = {f: i for i, f in enumerate(feats)}
        words = [str(w) for w in arrays["emb_words"]]
        self.emb_index = {w: i + 1 for i, w in enumerate(words)}
        emb = arrays["emb"].astype(np.float32)
        self.dilations = [int(k) for k in arrays["dilations"]]
        self.gap = max(self.dilations) if self.dilations else 1
        self.ensemble_weight = float(arrays["ensemble_weight"]) if "ensemble_weight" in arrays else 1.0
        # extra bias against O in the ensemble, on top of the CRF's own
        self.ensemble_o_penalty = float(arrays.get("ensemble_o_penalty", 0.0))
        self.chars: dict[str, int] | None = None
        if "char_W" in arrays:
            self.chars = {c: i + 2 for i, c in enumerate(str(arrays["char_vocab"]))}  # 0 pad, 1 unknown
            self.max_chars = int(arrays["max_chars"])
        n_nets = int(arrays.get("n_nets", 1))
        Fs, EPs, b0s = [], [], []
        self.nets: list[dict] = []
        for j in range(n_nets):
            def get(name: str, j: int = j) -> np.ndarray:
                return arrays[name if j == 0 else f"{name}@{j}"].astype(np.float32)

            F = get("F")
            d = F.shape[1]
            Fs.append(F)
            b0s.append(get("b0"))
            # row 0: unknown stem (zeros); the projection is applied once here, not per type
            EPs.append(np.vstack([np.zeros((1, d), np.float32), emb @ get("P")]))
            net = {"d": d, "Wo": get("out_W"), "bo": get("out_b"), "taps": []}
            for i in range(len(self.dilations)):
                W = get(f"conv{i}_W")
                net["taps"].append((W[:d].copy(), W[d:2 * d].copy(), W[2 * d:].copy(), get(f"conv{i}_b")))
            if self.chars is not None:
                net.update(CE=get("char_E"), CW=get("char_W"), Cb=get("char_b"), CP=get("char_P"))
            self.nets.append(net)
        if self.chars is not None:
            self._fuse_chars()
        # the networks side by side: one cached (sum of d) vector per word type
        self.F = np.hstack(Fs)
        self.EP = np.hstack(EPs)
        self.b0 = np.concatenate(b0s)
        silver = load_silver(directory / "silver.tsv") if (directory / "silver.tsv").exists() else {}
        self.type_feats = TypeFeaturizer(silver)
        self.matcher = phrase_matcher(directory) if (directory / "gazetteer_phrases.tsv").exists() else None
        self._cache: dict[tuple[str, str, str], np.ndarray] = {}
        self._pcache: dict[tuple[str, ...], np.ndarray] = {}

    def type_vector(self, key: tuple[str, str, str]) -> np.ndarray:
        hit = self._cache.get(key)
        if hit is None:
            if len(self._cache) > CACHE_SIZE:
                self._cache.clear()
            idx = self.feat_index
            rows = [i for i in map(idx.get, self.type_feats(*key)) if i is not None]
            hit = self.F[rows].sum(axis=0) + self.EP[embedding_key(*key, self.emb_index)] + self.b0
            if self.chars is not None:
                hit = hit + self.char_vector(key[2])
            self._cache[key] = hit
        return hit

    def _fuse_chars(self) -> None:
        """The networks' character CNNs as one: characters side by side, block-diagonal filters
        and projections (one small product per word type instead of one per network)."""
        nets = self.nets
        c, f = nets[0]["CE"].shape[1], nets[0]["Cb"].shape[0]
        K = len(nets)
        dims = [net["d"] for net in nets]
        self.CE = np.hstack([net["CE"] for net in nets])
        self.CW = np.zeros((3 * K * c, K * f), np.float32)
        self.CP = np.zeros((K * f, sum(dims)), np.float32)
        col = 0
        for j, net in enumerate(nets):
            for tap in range(3):
                self.CW[tap * K * c + j * c:tap * K * c + (j + 1) * c, j * f:(j + 1) * f] = \
                    net["CW"][tap * c:(tap + 1) * c]
            self.CP[j * f:(j + 1) * f, col:col + dims[j]] = net["CP"]
            col += dims[j]
        self.Cb = np.concatenate([net["Cb"] for net in nets])

    def char_vector(self, word: str) -> np.ndarray:
        """The character CNN's contribution for every network, side by side."""
        ids = char_ids(word, self.chars, self.max_chars)
        Xp = np.zeros((len(ids) + 2, self.CE.shape[1]), np.float32)
        Xp[1:-1] = self.CE[ids]
        Z = np.concatenate((Xp[:-2], Xp[1:-1], Xp[2:]), axis=1) @ self.CW + self.Cb
        return np.maximum(Z.max(axis=0), 0.0) @ self.CP

    def _phrase_vector(self, feats: list[str]) -> np.ndarray:
        fk = tuple(feats)
        v = self._pcache.get(fk)
        if v is None:
            rows = [i for i in map(self.feat_index.get, feats) if i is not None]
            v = self._pcache[fk] = self.F[rows].sum(axis=0) if rows else np.zeros(self.F.shape[1], np.float32)
        return v

    def log_probs(self, sentences: list[list[tuple[str, str, str]]],
                  extras: list[list[list[str]] | None] | None = None) -> list[np.ndarray]:
        """Per sentence, the (n_tokens, n_labels) log-probabilities, all sentences in one pass
        (``extras``: each sentence's name-list features, ``PhraseMatcher.feats``, when known)."""
        sentences = [s for s in sentences]
        if not sentences:
            return []
        gap = self.gap
        d = self.F.shape[1]  # all networks side by side
        starts: list[int] = []
        pos = gap
        for s in sentences:
            starts.append(pos)
            pos += len(s) + gap
        N = pos
        # token rows: each word type's cached vector (one stack for the document), plus the
        # name-list vectors of the tokens a known name covers
        rows = np.concatenate([np.arange(a, a + len(s)) for s, a in zip(sentences, starts, strict=True)])
        X = np.zeros((N, d), dtype=np.float32)
        tv = self.type_vector
        vecs = [tv(k) for s in sentences for k in s]
        if not vecs:
            return [np.zeros((0, len(self.labels)), np.float32) for _ in sentences]
        X[rows] = np.stack(vecs)
        if self.matcher is not None or extras is not None:
            for j, (s, a) in enumerate(zip(sentences, starts, strict=True)):
                if extras is not None:
                    extra = extras[j]
                else:
                    extra = self.matcher.feats(s) if s else None
                if extra is not None:
                    for i, feats in enumerate(extra):
                        if feats:
                            X[a + i] += self._phrase_vector(feats)
        mask = np.zeros((N, 1), dtype=np.float32)
        mask[rows] = 1.0
        total = None
        col = 0
        for net in self.nets:
            d = net["d"]
            H = np.maximum(X[:, col:col + d], 0.0) * mask
            col += d
            for k, (W0, W1, W2, b) in zip(self.dilations, net["taps"], strict=True):
                Z = H @ W1  # taps at t - k, t, t + k
                Z[k:] += H[:-k] @ W0
                Z[:-k] += H[k:] @ W2
                Z += b
                np.maximum(Z, 0.0, out=Z)
                Z += H
                H = Z * mask
            logits = H[rows] @ net["Wo"] + net["bo"]
            logits -= logits.max(axis=1, keepdims=True)
            logits -= np.log(np.exp(logits).sum(axis=1, keepdims=True))
            total = logits if total is None else total + logits
        logits = total
        if len(self.nets) > 1:  # mean of the networks' log-probabilities, renormalised
            logits /= len(self.nets)
            logits -= logits.max(axis=1, keepdims=True)
            logits -= np.log(np.exp(logits).sum(axis=1, keepdims=True))
        out, pos = [], 0
        for s in sentences:
            out.append(logits[pos:pos + len(s)])
            pos += len(s)
        return out


@functools.cache
def _bio_constraints(labels: tuple[str, ...]) -> tuple[np.ndarray, np.ndarray]:
    L = len(labels)
    T = np.zeros((L, L))
    for a, la in enumerate(labels):
        for b, lb in enumerate(labels):
            if lb.startswith("I-") and la[2:] != lb[2:]:
                T[a, b] = -1e4
    start = np.array([-1e4 if lab.startswith("I-") else 0.0 for lab in labels])
    return T, start


def constrained_viterbi(E: np.ndarray, labels: list[str], T: np.ndarray | None = None) -> list[int]:
    """Viterbi over emission scores; without T, only invalid BIO steps (O → I-X) are forbidden."""
    bio_T, start = _bio_constraints(tuple(labels))
    if T is None:
        T = bio_T
    return viterbi_path(E, T, start)


def load(directory: str | Path | None = None) -> NeuralTagger | None:
    """The shipped tagger, or None when its weights file is absent."""
    directory = Path(directory or NEURAL_DIR)
    if not (directory / WEIGHTS).exists():
        return None
    return NeuralTagger(directory)


def training_info(directory: str | Path | None = None) -> dict:
    path = Path(directory or NEURAL_DIR) / "TRAINING.json"
    return json.loads(path.read_text("utf-8")) if path.exists() else {}
