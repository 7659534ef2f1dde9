"""Run-time CRF: weights summed per word type (cached), Viterbi over each sentence, BIO → spans.

The model file (``ner.npz``) holds the label names, the attribute strings, one weight row per
attribute and the label-transition matrix, exported from the crfsuite model at training
time. Inference needs numpy only.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from marsad.entities.features import (
    EMB_OFFSETS,
    OFFSETS,
    Featurizer,
    doc_types,
    index_phrases,
    load_clusters,
    load_phrases,
    load_silver,
    load_western,
)

CACHE_SIZE = 100_000  # word types; about 40 MB at most
_VIEW = {-2: 0, -1: 1, 0: 2, 1: 1, 2: 0}  # offset -> Featurizer.raw list


class CrfModel:
    """``ner.npz``; when the folder also holds ``ner1.npz``, that is a first CRF whose labels
    (and confidences) over the sentence are features of ``ner.npz`` (stacking, see
    ``train.train_stacked``): ``emissions`` then returns the second CRF's scores."""

    def __init__(self, directory: Path, featurizer: Featurizer | None = None, file: str = "ner.npz"):
        data = np.load(directory / file, allow_pickle=False)
        self.labels: list[str] = [str(x) for x in data["labels"]]
        # BIO names of the labels (a model trained with BIOES tags: S- → B-, E- → I-)
        self.bio = [{"S": "B", "E": "I"}.get(x[:1], x[:1]) + x[1:] for x in self.labels]
        attrs = [str(a) for a in data["attrs"]]
        W = data["W"].astype(np.float32)
        self.W = np.vstack([W, np.zeros((1, W.shape[1]), dtype=np.float32)])
        self.zero_row = len(W)
        self.T = data["T"].astype(np.float64)
        self.index = {a: i for i, a in enumerate(attrs)}
        # attribute rows per offset, keyed by the unprefixed feature (no string work per type)
        per: dict[int, dict[str, int]] = {r: {} for r in OFFSETS}
        for i, a in enumerate(attrs):
            head, sep, feat = a.partition(":")
            if sep and head.lstrip("-").isdigit() and int(head) in per:
                per[int(head)][feat] = i
        self.by_offset = [(r, per[r]) for r in OFFSETS]
        if featurizer is None:
            featurizer = Featurizer(load_clusters(directory / "clusters.tsv"))
            featurizer.silver = load_silver(directory / "silver.tsv")
            featurizer.tphrases = index_phrases(load_phrases(directory / "phrases.tsv"))
            if (directory / "gazetteer_phrases.tsv").exists():  # frozen at training
                featurizer.phrases = index_phrases(load_phrases(directory / "gazetteer_phrases.tsv"))
            featurizer.sphrases = index_phrases(load_phrases(directory / "silver_phrases.tsv"))
            # trained with the sentence-topic features (``Featurizer.topic_feats``)
            featurizer.topic = any(a.startswith("0:T=") for a in attrs)
            # knowledge features of the fourth round, each read only when the model was trained with it
            if any(a.startswith(("0:wg=", "0:ws=")) for a in attrs):
                featurizer.western = load_western(directory / "western.tsv")
            if any(a.startswith("0:fx=") for a in attrs):
                from marsad.entities import foreign

                featurizer.foreign = foreign.load(directory / "foreign.tsv.gz")
                featurizer.foreign_ctx = any(a.startswith(("-1:fx=", "1:fx=")) for a in attrs)
            featurizer.orgpat = any(a.startswith("0:op=") for a in attrs)
        self.featurizer = featurizer
        self.first: CrfModel | None = None
        if file == "ner.npz" and (directory / "ner1.npz").exists():
            self.first = CrfModel(directory, featurizer, "ner1.npz")
            self._stack_tables(self.first.labels)
        zero = np.zeros(len(self.labels))
        self.bias = self._sum(["bias"])
        self.bos = self._sum(["-1:BOS"]) if "-1:BOS" in self.index else zero
        self.eos = self._sum(["1:EOS"]) if "1:EOS" in self.index else zero
        self._cache: dict[tuple[str, str, str], np.ndarray] = {}
        self.emb: dict[int, np.ndarray] | None = None
        if self.featurizer.vectors is not None:
            dims = len(self.featurizer.vectors[1][0])
            self.emb = {r: np.stack([self.W[self.index[f"{r}:e{k}"]] if f"{r}:e{k}" in self.index
                                     else np.zeros(len(self.labels)) for k in range(dims)])
                        for r in EMB_OFFSETS}
        self._pair_cache: dict[tuple, np.ndarray] = {}
        self._extra_cache: dict[tuple[str, ...], np.ndarray] = {}
        self.o_index = self.labels.index("O")
        # a bias against O set at training time on held-out data (the CRF is recall-shy)
        self.o_penalty = float(data["o_penalty"]) if "o_penalty" in data else 0.0

    def _sum(self, feats: list[str]) -> np.ndarray:
        rows = [self.index[f] for f in feats if f in self.index]
        if not rows:
            return np.zeros(len(self.labels))
        return self.W[rows].sum(axis=0)

    def type_scores(self, key: tuple[str, str, str]) -> np.ndarray:
        """(5, L) emission contributions of a word type at offsets -2..+2 from the tagged token."""
        hit = self._cache.get(key)
        if hit is None:
            if len(self._cache) > CACHE_SIZE:
                self._cache.clear()
            raw = self.featurizer.raw(*key)
            zero = self.zero_row
            rows: list[int] = []
            starts: list[int] = []
            for r, idx in self.by_offset:
                starts.append(len(rows))
                rows.append(zero)  # keeps every segment non-empty for reduceat
                rows.extend([i for i in map(idx.get, raw[_VIEW[r]]) if i is not None])
            hit = np.add.reduceat(self.W[rows], starts, axis=0)
            if self.emb is not None:
                vec = self.featurizer.vector(key)
                if vec is not None:
                    for r, M in self.emb.items():
                        hit[OFFSETS.index(r)] += vec @ M
            self._cache[key] = hit = hit.astype(np.float32)
        return hit

    def _stack_tables(self, labels1: list[str]) -> None:
        """Weight-row tables of the stacked features (``features.stack_feats``, same names),
        indexed by the first CRF's label ids (``len(labels1)``: BOS, ``+1``: EOS)."""
        names = [*labels1, "BOS", "EOS"]
        row = self.index.get
        z = self.zero_row
        self._y_off = np.array([[row(f"y{r}={a}", z) for a in names] for r in OFFSETS])
        self._y_pair = np.array([[row(f"y-1|0={a}|{b}", z) for b in labels1] for a in names])
        self._y_conf = np.array([[row(f"yc={a}:{k}", z) for k in range(5)] for a in labels1])
        self._y_same = {t: row(f"ys={t}", z) for t in {a[2:] for a in labels1 if a != "O"}}
        self._y_doc = {t: row(f"yd={t}", z) for t in {a[2:] for a in labels1 if a != "O"}}

    def _first_pass(self, keys, extra=None) -> tuple[np.ndarray, np.ndarray]:
        """The first CRF's label ids and their marginals over a sentence."""
        first = self.first
        E1 = first.emissions(keys, extra if extra is not None else [])
        path, _ = first.viterbi(E1)
        p = np.array(path)
        return p, first.marginals(E1)[np.arange(len(keys)), p]

    def _add_stack(self, E: np.ndarray, keys: list[tuple[str, str, str]], extra, given=None, doc=None) -> None:
        """Adds the stacked features' weights, from the first CRF's labels and marginals
        (``given``: already computed) and, in a document, the other sentences' types (``doc``)."""
        first = self.first
        n = len(keys)
        p, conf = given if given is not None else self._first_pass(keys, extra)
        nl = len(first.labels)
        pad = np.concatenate(([nl, nl], p, [nl + 1, nl + 1]))
        W = self.W
        for k, r in enumerate(OFFSETS):
            E += W[self._y_off[k, pad[2 + r:2 + r + n]]]
        E += W[self._y_pair[pad[1:1 + n], p]]
        E += W[self._y_conf[p, np.minimum(4, (conf * 5).astype(np.int64))]]
        o = first.o_index
        if (p != o).any():  # a stem tagged elsewhere in the sentence (ys=)
            types: dict[str, list[tuple[int, str]]] = {}
            for i in np.flatnonzero(p != o):
                w = keys[i]
                if len(w[2]) >= 2 and w[0][:1].isalpha():
                    types.setdefault(w[2], []).append((i, first.labels[p[i]][2:]))
            for i, w in enumerate(keys):
                occ = types.get(w[2])
                if occ:
                    for t in sorted({t for j, t in occ if j != i}):
                        E[i] += W[self._y_same[t]]
        if doc:
            for i, w in enumerate(keys):
                for t in doc.get(w[2], ()):
                    E[i] += W[self._y_doc[t]]

    def tag_document(self, sentences: list[list[tuple[str, str, str]]]) -> list[tuple[list[str], list[float]]]:
        """Labels and confidences of a document's sentences. A stacked model trained with
        document windows (``train_stacked(window=...)``) also sees, for each word, the types the
        first CRF gave the same stem in the document's other sentences; otherwise ``tag`` each."""
        if self.first is None or not any(k.startswith("yd=") for k in self.index):
            return [self.tag(k) if k else ([], []) for k in sentences]
        firsts = [self._first_pass(k) if k else (np.zeros(0, np.int64), np.zeros(0)) for k in sentences]
        docs = doc_types(sentences, [[self.first.labels[j] for j in p] for p, _ in firsts])
        out = []
        for keys, given, doc in zip(sentences, firsts, docs, strict=True):
            if not keys:
                out.append(([], []))
                continue
            E = self.emissions(keys, given=given, doc=doc)
            path, _ = self.viterbi(E)
            Z = E - E.max(axis=1, keepdims=True)
            P = np.exp(Z)
            P /= P.sum(axis=1, keepdims=True)
            out.append(([self.bio[k] for k in path], P[np.arange(len(path)), path].tolist()))
        return out

    def emissions(self, keys: list[tuple[str, str, str]], extra=None, given=None, doc=None) -> np.ndarray:
        """(n, L) emission scores of a sentence (``extra``: its ``phrase_feats``, when known)."""
        n = len(keys)
        L = len(self.labels)
        A = np.zeros((n + 4, len(OFFSETS), L), dtype=np.float32)
        A[2:n + 2] = np.stack([self.type_scores(k) for k in keys])
        # token i gets A[i + r, r] for each offset r (rows padded by two at each end)
        E = A[0:n, 0] + A[1:n + 1, 1] + A[2:n + 2, 2] + A[3:n + 3, 3] + A[4:n + 4, 4]
        E += self.bias
        fz = self.featurizer
        if extra is None and (fz.phrases or fz.tphrases or fz.sphrases or fz.orgpat):
            extra = fz.phrase_feats(keys)
        elif extra is not None and fz.orgpat:  # name-list matches given (ensemble): add the patterns
            extra = fz.pattern_feats(keys, [list(x) for x in extra] if extra else None)
        if extra:
            xc = self._extra_cache
            for i, feats in enumerate(extra):
                if feats:
                    fk = tuple(feats)
                    v = xc.get(fk)
                    if v is None:
                        v = xc[fk] = self._sum(feats)
                    E[i] += v
        if self.featurizer.pairs:
            pc = self._pair_cache
            for i in range(1, n):
                pk = (keys[i - 1], keys[i])
                v = pc.get(pk)
                if v is None:
                    if len(pc) > 300_000:
                        pc.clear()
                    v = pc[pk] = self._sum(self.featurizer.pair(*pk))
                E[i] += v
        if self.first is not None:
            self._add_stack(E, keys, extra, given, doc)
        if self.o_penalty:
            E[:, self.o_index] -= self.o_penalty
        E[0] += self.bos
        E[-1] += self.eos
        return E

    def viterbi(self, E: np.ndarray) -> tuple[list[int], np.ndarray]:
        return viterbi_path(E, self.T), E

    def marginals(self, E: np.ndarray) -> np.ndarray:
        """(n, L) posterior label marginals of the chain (scaled forward-backward)."""
        n, L = E.shape
        X = np.exp(E - E.max(axis=1, keepdims=True))
        M = np.exp(self.T - self.T.max())
        fw = np.empty((n, L))
        bw = np.empty((n, L))
        v = X[0] / X[0].sum()
        fw[0] = v
        for i in range(1, n):
            v = (v @ M) * X[i]
            v /= v.sum()
            fw[i] = v
        v = np.ones(L)
        bw[n - 1] = v
        for i in range(n - 2, -1, -1):
            v = M @ (X[i + 1] * v)
            v /= v.sum()
            bw[i] = v
        P = fw * bw
        P /= P.sum(axis=1, keepdims=True)
        return P

    def marginal_tag(self, keys: list[tuple[str, str, str]]) -> tuple[list[str], list[float]]:
        """Viterbi labels and the posterior marginal of each chosen label."""
        E = self.emissions(keys)
        path, _ = self.viterbi(E)
        P = self.marginals(E)
        return [self.labels[k] for k in path], P[np.arange(len(path)), path].tolist()

    def tag(self, keys: list[tuple[str, str, str]]) -> tuple[list[str], list[float]]:
        """Labels and per-token confidence (softmax of the emission for the chosen label)."""
        if not keys:
            return [], []
        E = self.emissions(keys)
        path, _ = self.viterbi(E)
        Z = E - E.max(axis=1, keepdims=True)
        P = np.exp(Z)
        P /= P.sum(axis=1, keepdims=True)
        conf = P[np.arange(len(path)), path]
        return [self.bio[k] for k in path], conf.tolist()


def bio_spans(labels: list[str]) -> list[tuple[int, int, str]]:
    """conlleval chunks (first, last+1, type) in order."""
    out: list[tuple[int, int, str]] = []
    start, typ = -1, ""
    for i, tag in enumerate([*labels, "O"]):
        b, t = tag[:1], tag[2:]
        if typ and (b in ("O", "B") or t != typ):
            out.append((start, i, typ))
            typ = ""
        if b == "B" or (b == "I" and t != typ):
            start, typ = i, t
    return out


def viterbi_path(E: np.ndarray, T: np.ndarray, start: np.ndarray | None = None) -> list[int]:
    """The best label path of a linear chain: emissions E (n, L), transitions T (L, L), start scores."""
    n, L = E.shape
    back = np.zeros((n, L), dtype=np.int64)
    score = E[0] if start is None else E[0] + start
    cols = np.arange(L)
    for i in range(1, n):
        cand = score[:, None] + T
        best = cand.argmax(axis=0)
        back[i] = best
        score = cand[best, cols] + E[i]
    path = [int(score.argmax())]
    for i in range(n - 1, 0, -1):
        path.append(int(back[i, path[-1]]))
    return path[::-1]
