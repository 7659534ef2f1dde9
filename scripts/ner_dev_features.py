"""Feature/parameter comparisons for the NER CRF on the development split (never the test file).

Dev = the last 1/6 of ``anercorp/train.txt`` sentences, training on the first 5/6 (as in
``ner_experiments.py``). Usage::

    python scripts/ner_dev_features.py silver ../shared/data/ner OUT_DIR [ARTICLES]
        # first CRF on the 5/6 → OUT_DIR/silver.tsv and OUT_DIR/silver_phrases.tsv
    python scripts/ner_dev_features.py run ../shared/data/ner '{"phrases": true, "cues": true, "tn": true,
        "silver": "OUT_DIR/silver.tsv", "sph": "OUT_DIR/silver_phrases.tsv", "pens": [0.5, 1.0],
        "params": {"c1": 0.05, "c2": 0.05}}'

Config keys: ``phrases`` (actor-base/places multi-word names), ``cues`` (title/organisation
head/say-verb/nisba cue classes), ``tn`` (training names, jackknifed), ``silver``/``sph``
(self-trained lexicon and news phrases), ``pens`` (O penalties to score), ``params``
(crfsuite parameters). Prints one ``RESULT`` line per O penalty and the per-type table.
"""

from __future__ import annotations

import json
import shutil
import sys
import tempfile
from pathlib import Path

from marsad.entities import silver
from marsad.entities.corpus import align, read_bio, tokenise
from marsad.entities.decode import CrfModel
from marsad.entities.evaluate import evaluate, format_scores
from marsad.entities.features import Featurizer, index_phrases, load_clusters, load_phrases, load_silver
from marsad.entities.stage import MODEL_DIR, Entities, known_names
from marsad.entities.train import FIRST_O_PENALTY, FIRST_PARAMS, train

CLUSTERS = MODEL_DIR / "clusters.tsv"


def split(data_dir: Path):
    sents = read_bio(data_dir / "anercorp/train.txt")
    cut = len(sents) * 5 // 6
    tr, dev = sents[:cut], sents[cut:]
    seqs = [([(t.norm, t.prefix, t.stem) for t in toks], labels) for s in tr for toks, labels in align(s)]
    return seqs, dev


def build_silver(data_dir: Path, out: Path, articles: int = 31_030) -> None:
    seqs, _ = split(data_dir)
    out.mkdir(parents=True, exist_ok=True)
    first = out / "first"
    train(seqs, Featurizer(load_clusters(CLUSTERS)), first, params=FIRST_PARAMS, o_penalty=FIRST_O_PENALTY)
    shutil.copy(CLUSTERS, first / "clusters.tsv")
    news = data_dir.parent / "news/saudinewsnet-2015.jsonl.gz"
    n = silver.build(first, news, out / "silver.tsv", articles, phrases_out=out / "silver_phrases.tsv")
    print(f"{n} stems in {out / 'silver.tsv'}")


def run(data_dir: Path, cfg: dict) -> None:
    seqs, dev = split(data_dir)
    feat = Featurizer(load_clusters(CLUSTERS), phrases=cfg.get("phrases", True), cues=cfg.get("cues", True),
                      train_names=cfg.get("tn", True), wide=cfg.get("wide", False))
    if cfg.get("silver"):
        feat.silver = load_silver(Path(cfg["silver"]))
    if cfg.get("sph"):
        feat.sphrases = index_phrases(load_phrases(Path(cfg["sph"])))
    with tempfile.TemporaryDirectory() as tmp:
        info = train(seqs, feat, Path(tmp), params=cfg.get("params"))
        stage = Entities.__new__(Entities)
        stage.model = CrfModel(Path(tmp), feat)
        stage.names = known_names(tmp)

        def extract(text: str):
            doc = tokenise(text)
            stage(doc)
            return doc

        for pen in cfg.get("pens", [0.5, 1.0]):
            stage.model.o_penalty = pen
            sc = evaluate(dev, extract)
            p, r, f, _ = sc["ALL"]
            print(f"RESULT {json.dumps(cfg)} pen={pen} P={p:.3f} R={r:.3f} F1={f:.4f} train={info['seconds']}s")
            print(format_scores(sc), flush=True)


if __name__ == "__main__":
    mode, data = sys.argv[1], Path(sys.argv[2])
    if mode == "silver":
        build_silver(data, Path(sys.argv[3]), *(int(a) for a in sys.argv[4:5]))
    else:
        run(data, json.loads(sys.argv[3]))
