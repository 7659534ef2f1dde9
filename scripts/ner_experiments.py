"""NER model comparison on a development split of ANERcorp train (never the test file).

Dev = the last 1/6 of ``anercorp/train.txt`` sentences (contiguous documents, like the
official train/test split); models are trained on the first 5/6. Usage:
``python scripts/ner_experiments.py ../shared/data/ner CLUSTERS.tsv [config ...]`` with configs among
CONFIGS below; it prints P/R/F1 per config.
"""

from __future__ import annotations

import functools
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

from marsad.entities import silver
from marsad.entities.corpus import align, read_bio, tokenise
from marsad.entities.decode import CrfModel
from marsad.entities.evaluate import evaluate, format_scores
from marsad.entities.features import Featurizer, load_clusters, load_silver
from marsad.entities.stage import Entities
from marsad.entities.train import train

CONFIGS = {
    "crf-lex": {"clusters": False, "gaz": False},
    "crf-lex-gaz": {"clusters": False, "gaz": True},
    "crf-full": {"clusters": True, "gaz": True},
    "crf-nongram": {"clusters": True, "gaz": True, "ngrams": False},
    "crf-emb": {"clusters": True, "gaz": True, "emb": 1.0},
    "crf-aqmar": {"clusters": True, "gaz": True, "aqmar": True},
    "crf-silver": {"clusters": True, "gaz": True, "silver": 8000},
    "ap-full": {"clusters": True, "gaz": True, "algorithm": "ap"},
}


def main(data_dir: str, clusters_path: str, *names: str) -> None:
    sents = read_bio(Path(data_dir) / "anercorp/train.txt")
    cut = len(sents) * 5 // 6
    tr, dev = sents[:cut], sents[cut:]
    seqs = [([(t.norm, t.prefix, t.stem) for t in toks], labels) for s in tr for toks, labels in align(s)]
    aqmar = [([(t.norm, t.prefix, t.stem) for t in toks], labels)
             for f in sorted((Path(data_dir) / "aqmar").glob("*.txt")) for s in read_bio(f) for toks, labels in align(s)]
    for name in names or list(CONFIGS):
        base, _, extra = name.partition(":")
        cfg = dict(CONFIGS[base])
        if extra:
            cfg["params"] = {k: float(v) for k, v in (kv.split("=") for kv in extra.split(","))}
        clusters = load_clusters(Path(clusters_path)) if cfg["clusters"] else {}
        # the rows of the first table predate the multi-word name and cue features (ner_dev_features.py)
        feat = Featurizer(clusters, use_gazetteer=cfg["gaz"], ngrams=cfg.get("ngrams", True),
                          phrases=False, cues=False, train_names=False)
        if cfg.get("emb"):
            feat.vectors = load_vectors(cfg.get("params", {}).pop("scale", cfg["emb"]))
        with tempfile.TemporaryDirectory() as tmp:
            if cfg.get("silver"):  # first model on the same 5/6, then the self-trained lexicon
                train(seqs, feat, Path(tmp), o_penalty=0.5)
                shutil.copy(clusters_path, Path(tmp) / "clusters.tsv")
                news = Path(data_dir).parent / "news/saudinewsnet-2015.jsonl.gz"
                silver.build(Path(tmp), news, Path(tmp) / "silver.tsv", int(cfg["silver"]))
                feat = Featurizer(clusters, use_gazetteer=cfg["gaz"], phrases=False, cues=False,
                                  train_names=False)  # fresh feature cache
                feat.silver = load_silver(Path(tmp) / "silver.tsv")
            info = train(seqs + (aqmar if cfg.get("aqmar") else []), feat, Path(tmp), algorithm=cfg.get("algorithm", "lbfgs"), params=cfg.get("params"))
            stage = Entities.__new__(Entities)
            stage.model = CrfModel(Path(tmp), feat)
            from marsad.entities.stage import known_names
            stage.names = known_names(tmp)
            for pen in (0.0, 0.5):
                stage.model.o_penalty = pen
                t0 = time.perf_counter()
                scores = evaluate(dev, functools.partial(_run, stage))
                dt = time.perf_counter() - t0
                print(f"== {name} o_penalty {pen} train {info['seconds']:.0f}s  eval {dt:.1f}s  params {info['params']}")
                print(format_scores(scores), flush=True)


def load_vectors(scale: float):
    import numpy as np
    words, rows = {}, []
    # word2vec text format, e.g. model.wv.save_word2vec_format() in marsad.entities.clusters.build
    with open(os.environ.get("NER_VECTORS", "/tmp/ner_vectors.txt"), encoding="utf-8") as fh:
        next(fh)
        for line in fh:
            parts = line.rstrip("\n").split(" ")
            words[parts[0]] = len(rows)
            rows.append([float(x) for x in parts[1:]])
    m = np.array(rows)
    m /= np.linalg.norm(m, axis=1, keepdims=True)
    m *= scale * np.sqrt(m.shape[1])
    return words, m


def _run(stage: Entities, text: str):
    doc = tokenise(text)
    stage(doc)
    return doc


if __name__ == "__main__":
    main(*sys.argv[1:])
