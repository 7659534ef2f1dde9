"""Training the NER CRF (python-crfsuite, L-BFGS) and exporting it to the run-time format.

``build_model`` is what ``marsad train-ner`` runs: ANERcorp ``train.txt`` only (never the
test file, and no NewsFANE: it holds the test sentences), clusters from the raw news, then a
first CRF tags the raw news for the self-trained lexicon (``silver.py``) and the final CRF is
trained with it. Fixed seeds, one core. Training needs python-crfsuite (and gensim for the clusters); the run time
needs numpy only.
"""

from __future__ import annotations

import hashlib
import json
import random
import shutil
import tempfile
import time
from collections import Counter
from pathlib import Path

import numpy as np

from marsad.entities.corpus import align, read_bio
from marsad.entities.decode import bio_spans
from marsad.entities.features import (
    ONE_LETTER,
    Featurizer,
    _key,
    doc_types,
    index_phrases,
    load_clusters,
    load_phrases,
    load_silver,
    load_western,
    phrase_entries,
    stack_feats,
    write_phrases,
    write_western,
)

SEED = 13
PARAMS = {"c1": 0.03, "c2": 0.2, "max_iterations": 200, "feature.possible_transitions": True}
# bias against O at decoding, chosen on a held-out 1/6 of train (scripts/ner_experiments.py)
O_PENALTY = 1.0
# the first CRF, which tags the news for the self-trained lexicon: the earlier recipe, kept
FIRST_PARAMS = {"c1": 0.05, "c2": 0.05}
FIRST_O_PENALTY = 0.5
SILVER_ARTICLES = 31_030  # the whole news file
JACKKNIFE = 5  # folds for the training-name phrase features (0: off)
TAGS = "BIO"  # or "BIOES" (the run time maps S-/E- back to B-/I-)
# knowledge features of the fourth round (docs/ner.md), final CRF only: Western name spellings
# (``western.tsv``, frozen from the actor stage's list), the foreign-word character model
# (``foreign.tsv.gz``), organisation patterns (``Featurizer.pattern_feats``)
WESTERN = False  # measured, not kept (docs/ner.md, fourth round)
FOREIGN = True
FOREIGN_CTX = False  # the foreign score also seen from the ±1 neighbours (measured: own only is better)
ORGPAT = True
# unknown-word simulation at training: a token whose stem occurs at most LEXDROP_MAX times in the
# training data loses its own word/stem features with probability LEXDROP (0: off), so the CRF
# learns what the back-off features (clusters, lexicons, knowledge features) say about unseen words
LEXDROP = 0.0
LEXDROP_MAX = 1
LEXICAL = ("0:w=", "0:s=")
STACK_FOLDS = 5  # jackknife folds for the first-pass labels of the stacked (two-stage) CRF

Seq = tuple[list[tuple[str, str, str]], list[str]]


def sequences(path: Path) -> list[Seq]:
    return [([(t.norm, t.prefix, t.stem) for t in toks], labels)
            for sent in read_bio(path) for toks, labels in align(sent)]


def to_bioes(labels: list[str]) -> list[str]:
    """BIO → BIOES (a one-token entity S-, an entity's last token E-)."""
    labels = [("B" + lab[1:] if lab[:1] == "I" and (i == 0 or labels[i - 1][2:] != lab[2:]) else lab)
              for i, lab in enumerate(labels)]
    out = []
    for i, lab in enumerate(labels):
        nxt = labels[i + 1] if i + 1 < len(labels) else "O"
        cont = nxt[:1] == "I" and nxt[2:] == lab[2:]
        if lab[:1] == "B" and not cont:
            lab = "S" + lab[1:]
        elif lab[:1] == "I" and not cont:
            lab = "E" + lab[1:]
        out.append(lab)
    return out


def entity_phrases(data: list[Seq]) -> dict[tuple[str, ...], str]:
    """Names seen in training (first word without proclitics) → their most frequent type."""
    counts: dict[tuple[str, ...], Counter[str]] = {}
    for words, labels in data:
        for a, b, typ in bio_spans(labels):
            if not words[a][0][:1].isalpha():
                continue
            key = (_key(*words[a]), *(w[0] for w in words[a + 1:b]))
            counts.setdefault(key, Counter())[typ] += 1
    return {k: c.most_common(1)[0][0] for k, c in counts.items()}


def train(data: list[Seq], featurizer: Featurizer, out_dir: Path, params: dict | None = None,
          algorithm: str = "lbfgs", verbose: bool = False, o_penalty: float = 0.0,
          stack: list[list[list[str]]] | None = None, file: str = "ner.npz") -> dict:
    """One CRF on ``data`` → ``out_dir/file`` (and ``phrases.tsv``). ``stack``: per sequence,
    per token, extra (second-pass) features."""
    import pycrfsuite

    data = list(data)
    # training names as features: each fifth of the data (contiguous, so whole documents) sees
    # only the names of the other four fifths, as a test sentence sees only training names
    folds: list[int] = [k * JACKKNIFE // len(data) for k in range(len(data))] if data else []
    if featurizer.tphrases is not None and JACKKNIFE:
        full = entity_phrases(data)
        out_dir.mkdir(parents=True, exist_ok=True)
        write_phrases(out_dir / "phrases.tsv", full)
        by_fold = [index_phrases(entity_phrases([d for d, f in zip(data, folds, strict=True) if f != k]))
                   for k in range(JACKKNIFE)]
    order = list(range(len(data)))
    random.Random(SEED).shuffle(order)
    trainer = pycrfsuite.Trainer(algorithm=algorithm, verbose=verbose)
    saved = featurizer.tphrases
    stem_counts = Counter(w[2] for words, _ in data for w in words) if LEXDROP else Counter()
    for k in order:
        words, labels = data[k]
        if featurizer.tphrases is not None and JACKKNIFE:
            featurizer.tphrases = by_fold[folds[k]]
        xs = featurizer.sequence_dicts(words) if featurizer.vectors is not None else featurizer.sequence(words)
        if stack is not None:
            for x, extra in zip(xs, stack[k], strict=True):
                if isinstance(x, dict):
                    x.update(dict.fromkeys(extra, 1.0))
                else:
                    x.extend(extra)
        if LEXDROP:
            rng = random.Random(SEED * 1_000_003 + k)
            for i, w in enumerate(words):
                if stem_counts[w[2]] <= LEXDROP_MAX and rng.random() < LEXDROP and isinstance(xs[i], list):
                    xs[i] = [x for x in xs[i] if not x.startswith(LEXICAL)]
        trainer.append(xs, to_bioes(labels) if TAGS == "BIOES" else labels)
    # the run-time featurizer: all training names
    featurizer.tphrases = index_phrases(full) if saved is not None and JACKKNIFE else saved
    p = dict(PARAMS if algorithm == "lbfgs" else {"max_iterations": 30})
    p.update(params or {})
    trainer.set_params(p)
    t0 = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        path = str(Path(tmp) / "ner.crfsuite")
        trainer.train(path)
        elapsed = time.perf_counter() - t0
        export(path, out_dir, o_penalty, file)
    return {"seconds": round(elapsed, 1), "params": p, "algorithm": algorithm, "sequences": len(data)}


def export(crf_path: str, out_dir: Path, o_penalty: float = 0.0, file: str = "ner.npz") -> None:
    import pycrfsuite

    tagger = pycrfsuite.Tagger()
    tagger.open(crf_path)
    info = tagger.info()
    labels = sorted(tagger.labels(), key=lambda x: (x != "O", x))
    li = {lab: i for i, lab in enumerate(labels)}
    attrs = sorted({a for a, _ in info.state_features})
    ai = {a: i for i, a in enumerate(attrs)}
    W = np.zeros((len(attrs), len(labels)), dtype=np.float32)
    for (a, lab), w in info.state_features.items():
        W[ai[a], li[lab]] = w
    T = np.zeros((len(labels), len(labels)), dtype=np.float32)
    for (a, b), w in info.transitions.items():
        T[li[a], li[b]] = w
    out_dir.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(out_dir / file, labels=np.array(labels), attrs=np.array(attrs), W=W, T=T,
                        o_penalty=np.float32(o_penalty))


def train_stacked(data: list[Seq], featurizer: Featurizer, out_dir: Path, params: dict | None = None,
                  o_penalty: float = 0.0, first_params: dict | None = None, first_o_penalty: float | None = None,
                  folds: int = STACK_FOLDS, log=lambda m: None, window: int = 0) -> dict:
    """Two-stage CRF: a first CRF (``ner1.npz``) and a second (``ner.npz``) whose features add
    the first one's labels and confidences over the sentence (``features.stack_feats``). The
    second CRF learns from first-pass outputs on data the first never saw: each of ``folds``
    contiguous parts (whole documents) is tagged by a first CRF trained on the others
    (jackknife), as a test sentence is tagged by the first CRF trained on everything."""
    from marsad.entities.decode import CrfModel

    first_params = params if first_params is None else first_params
    pen1 = o_penalty if first_o_penalty is None else first_o_penalty
    fold = [k * folds // len(data) for k in range(len(data))]
    stack: list[list[list[str]]] = [[] for _ in data]
    first_out: list[tuple[list[str], list[float]]] = [([], []) for _ in data]
    t0 = time.perf_counter()
    for f in range(folds):
        log(f"stacking fold {f + 1}/{folds}...")
        with tempfile.TemporaryDirectory() as tmp:
            train([d for d, g in zip(data, fold, strict=True) if g != f], featurizer, Path(tmp),
                  params=first_params, o_penalty=pen1)
            model = CrfModel(Path(tmp), featurizer)
            for k, g in enumerate(fold):
                if g == f:
                    first_out[k] = model.marginal_tag(data[k][0])
    docs: list[dict] = [{} for _ in data]
    if window:  # pseudo-documents: runs of ``window`` consecutive sequences (file order)
        for a in range(0, len(data), window):
            b = min(len(data), a + window)
            docs[a:b] = doc_types([d[0] for d in data[a:b]], [o[0] for o in first_out[a:b]])
    for k, (words, _) in enumerate(data):
        stack[k] = stack_feats(words, *first_out[k], doc=docs[k] or None)
    log("first CRF on all data...")
    train(data, featurizer, out_dir, params=first_params, o_penalty=pen1, file="ner1.npz")
    log("second CRF...")
    info = train(data, featurizer, out_dir, params=params, o_penalty=o_penalty, stack=stack)
    info.update({"stacked": True, "stack_folds": folds, "doc_window": window, "first_params": first_params, "first_o_penalty": pen1,
                 "seconds": round(time.perf_counter() - t0, 1)})
    return info


def entity_words(data: list[Seq]) -> list[str]:
    """First words of training entities, for the run-time proclitic decision (لداعش → داعش)."""
    counts: Counter[str] = Counter()
    for words, labels in data:
        for (norm, prefix, _), lab in zip(words, labels, strict=True):
            if lab.startswith("B-") and not prefix and len(norm) >= 3 and norm[0].isalpha():
                counts[norm] += 1
    # a form that is another entity word with a one-letter proclitic is not a name itself
    return sorted(w for w in counts if not (w[0] in ONE_LETTER and w[1:] in counts))


def knowledge(featurizer: Featurizer, out_dir: Path) -> None:
    """Turns on the fourth round's features (``WESTERN``, ``FOREIGN``, ``ORGPAT``), freezing their
    lists into the model folder when absent (kept when there, as ``gazetteer_phrases.tsv``:
    delete to rebuild from the other stages' current data); unused files are removed."""
    from marsad.entities import foreign

    wpath, fpath = out_dir / "western.tsv", out_dir / "foreign.tsv.gz"
    if WESTERN:
        if not wpath.exists():
            write_western(wpath)
        featurizer.western = load_western(wpath)
    else:
        wpath.unlink(missing_ok=True)
    if FOREIGN:
        if not fpath.exists():
            foreign.save(foreign.train(*foreign.training_words()), fpath)
        featurizer.foreign = foreign.load(fpath)
        featurizer.foreign_ctx = FOREIGN_CTX
    else:
        fpath.unlink(missing_ok=True)
    featurizer.orgpat = ORGPAT


def build_model(data_dir: Path, out_dir: Path, news: Path | None, log=print,
                silver_news: Path | None = None, stacked: bool = False) -> dict:
    train_file = data_dir / "anercorp" / "train.txt"
    if not train_file.exists():
        raise FileNotFoundError(f"training data not found: {train_file}")
    out_dir.mkdir(parents=True, exist_ok=True)
    clusters_path = out_dir / "clusters.tsv"
    if news is not None:
        from marsad.entities.clusters import build

        log(f"clusters from {news} (word2vec + k-means, one core)...")
        build(str(news), str(clusters_path))
    elif not clusters_path.exists():
        raise FileNotFoundError(f"no clusters at {clusters_path} and no news file to build them from")
    log("reading and aligning ANERcorp train...")
    data = sequences(train_file)
    # the actor base's and the places gazetteer's names, frozen in the model folder (kept when
    # there: delete the file to take those stages' current lists)
    gz_path = out_dir / "gazetteer_phrases.tsv"
    if not gz_path.exists():
        write_phrases(gz_path, phrase_entries())
    gz = index_phrases(load_phrases(gz_path))
    featurizer = Featurizer(load_clusters(clusters_path))
    featurizer.phrases = gz
    silver_path = out_dir / "silver.tsv"
    if silver_news is not None:
        from marsad.entities import silver

        with tempfile.TemporaryDirectory() as tmp:
            log(f"first CRF on {len(data)} sequences...")
            train(data, featurizer, Path(tmp), params=FIRST_PARAMS, o_penalty=FIRST_O_PENALTY)
            shutil.copy(clusters_path, Path(tmp) / "clusters.tsv")
            shutil.copy(gz_path, Path(tmp) / "gazetteer_phrases.tsv")
            log(f"tagging {silver_news} with it for the self-trained lexicon...")
            n = silver.build(Path(tmp), silver_news, silver_path, max_articles=SILVER_ARTICLES,
                             phrases_out=out_dir / "silver_phrases.tsv")
            log(f"{n} stems in {silver_path}")
    featurizer = Featurizer(load_clusters(clusters_path))  # fresh: the first one cached features without silver
    featurizer.phrases = gz
    featurizer.silver = load_silver(silver_path)
    featurizer.sphrases = index_phrases(load_phrases(out_dir / "silver_phrases.tsv"))
    knowledge(featurizer, out_dir)
    (out_dir / "ner1.npz").unlink(missing_ok=True)
    if stacked:
        log(f"training the two-stage (stacked) CRF on {len(data)} sequences...")
        info = train_stacked(data, featurizer, out_dir, o_penalty=O_PENALTY, log=log)
    else:
        log(f"training CRF on {len(data)} sequences...")
        info = train(data, featurizer, out_dir, o_penalty=O_PENALTY)
    (out_dir / "names.txt").write_text("\n".join(entity_words(data)) + "\n", "utf-8")
    info.update({
        "seed": SEED, "o_penalty": O_PENALTY,
        "train_file": "anercorp/train.txt",
        "train_sha256": hashlib.sha256(train_file.read_bytes()).hexdigest(),
        "clusters_sha256": hashlib.sha256(clusters_path.read_bytes()).hexdigest(),
        "silver_sha256": hashlib.sha256(silver_path.read_bytes()).hexdigest() if silver_path.exists() else None,
        "silver_articles": SILVER_ARTICLES,
        "knowledge": {"western": WESTERN, "foreign": FOREIGN, "foreign_ctx": FOREIGN_CTX, "orgpat": ORGPAT},
    })
    (out_dir / "TRAINING.json").write_text(json.dumps(info, indent=1, sort_keys=True) + "\n", "utf-8")
    return info
