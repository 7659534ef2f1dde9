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


def dev_split(data_dir):
    """ANERcorp train cut into the first 5/6 (training sequences) and the last 1/6 (development
    sentences), the split every choice in docs/ner.md is made on (never the test file)."""
    from marsad.entities.corpus import align, read_bio

    sents = read_bio(data_dir / "anercorp/train.txt")
    cut = len(sents) * 5 // 6
    seqs = [([(t.norm, t.prefix, t.stem) for t in toks], labels) for s in sents[:cut] for toks, labels in align(s)]
    return seqs, sents[cut:]


def self_training(model_dir, news, articles: int, threshold: float) -> list:
    """News sentences (5–80 tokens) a model tags with at least one entity and every token's
    marginal ≥ ``threshold``: (words, labels) for self-training."""
    import gzip
    import json

    from marsad.entities.corpus import tokenise
    from marsad.entities.stage import Entities

    model = Entities(str(model_dir), mode="crf").model
    keep = []
    with gzip.open(news, "rt", encoding="utf-8") as fh:
        for k, line in enumerate(fh):
            if k >= articles:
                break
            toks = tokenise(json.loads(line).get("content") or "").tokens
            i = 0
            while i < len(toks):
                j = i + 1
                while j < len(toks) and toks[j].sent == toks[i].sent:
                    j += 1
                keys = [(t.norm, t.prefix, t.stem) for t in toks[i:j]]
                i = j
                if 5 <= len(keys) <= 80:
                    labels, conf = model.marginal_tag(keys)
                    if min(conf) >= threshold and any(lab != "O" for lab in labels):
                        keep.append((keys, labels))
    return keep


def dev_run(data_dir, cfg: dict) -> None:
    """One development-split experiment of docs/ner.md's third table. ``cfg`` keys: ``silver``
    (folder with the dev ``silver.tsv``/``silver_phrases.tsv``, built from the 5/6 only by
    ``scripts/ner_dev_features.py silver``), ``out`` (model folder), ``extra`` (more BIO files
    under ``data_dir``), ``aug`` (extra data's features also copied under a ``D:`` prefix:
    feature augmentation for another domain), ``self`` ([articles, threshold]: self-training on
    news tagged by the model in ``self_model``), ``stack``, ``topic``, ``set`` (train module
    constants, e.g. ``{"TAGS": "BIOES"}``), ``params``, ``pens`` (O penalties to score).
    Prints one ``RESULT`` line per O penalty and the per-type table."""
    import json
    import os
    import tempfile
    from pathlib import Path

    import marsad.entities.train as T
    from marsad.entities import foreign
    from marsad.entities.corpus import align, read_bio, tokenise
    from marsad.entities.features import (
        Featurizer,
        index_phrases,
        load_clusters,
        load_phrases,
        load_silver,
        load_western,
    )
    from marsad.entities.stage import MODEL_DIR, Entities

    data_dir = Path(data_dir)
    seqs, dev = dev_split(data_dir)
    extra_ids: set[int] = set()
    for f in cfg.get("extra", []):
        sents = [s for s in ([(w, t) for w, t in s if w != "$#$"] for s in read_bio(data_dir / f)) if s]
        ex = [([(t.norm, t.prefix, t.stem) for t in toks], labels) for s in sents for toks, labels in align(s)]
        extra_ids.update(id(w) for w, _ in ex)
        seqs += ex
    if cfg.get("self"):
        ex = self_training(Path(cfg["self_model"]), data_dir.parent / "news/saudinewsnet-2015.jsonl.gz",
                           *cfg["self"])
        extra_ids.update(id(w) for w, _ in ex)
        seqs += ex
    silver = Path(cfg["silver"])

    class Aug(Featurizer):
        def sequence(self, words):
            out = super().sequence(words)
            return [f + ["D:" + x for x in f] for f in out] if cfg.get("aug") and id(words) in extra_ids else out

    feat = Aug(load_clusters(MODEL_DIR / "clusters.tsv"), topic=cfg.get("topic", False))
    feat.phrases = index_phrases(load_phrases(MODEL_DIR / "gazetteer_phrases.tsv"))
    feat.silver = load_silver(silver / "silver.tsv")
    feat.sphrases = index_phrases(load_phrases(silver / "silver_phrases.tsv"))
    links = [(p, p.name) for p in (MODEL_DIR / "clusters.tsv", MODEL_DIR / "gazetteer_phrases.tsv",
                                    silver / "silver.tsv", silver / "silver_phrases.tsv")]
    if cfg.get("western"):  # frozen Western name spellings (``features.write_western``)
        feat.western = load_western(Path(cfg["western"]))
        links.append((Path(cfg["western"]), "western.tsv"))
    if cfg.get("foreign"):  # foreign-word character model (``scripts/build_ner_foreign.py``)
        feat.foreign = foreign.load(Path(cfg["foreign"]))
        links.append((Path(cfg["foreign"]), "foreign.tsv.gz" if cfg["foreign"].endswith(".gz") else None))
    feat.orgpat = cfg.get("orgpat", False)
    for k, v in cfg.get("fz", {}).items():  # featurizer attributes (variants)
        setattr(feat, k, v)
    for k, v in cfg.get("set", {}).items():
        setattr(T, k, v)
    out = Path(cfg.get("out") or tempfile.mkdtemp())
    params = cfg.get("params", {"c1": 0.03, "c2": 0.2})
    if cfg.get("stack"):
        T.train_stacked(seqs, feat, out, params=params, o_penalty=T.O_PENALTY, log=print,
                        window=cfg.get("window", 0))
    else:
        T.train(seqs, feat, out, params=params, o_penalty=T.O_PENALTY)
    for src, name in links:
        if name is None:  # a plain-text foreign model: the run time reads foreign.tsv.gz
            foreign.save(foreign.load(src), out / "foreign.tsv.gz")
        elif not (out / name).exists():
            os.symlink(src.resolve(), out / name)
    stage = Entities(str(out), mode="crf")

    def extract(text: str):
        doc = tokenise(text)
        stage(doc)
        return doc

    for pen in cfg.get("pens", [T.O_PENALTY]):
        stage.model.o_penalty = pen
        sc = evaluate(dev, extract)
        p, r, f, _ = sc["ALL"]
        print(f"RESULT {json.dumps(cfg)} pen={pen} P={p:.3f} R={r:.3f} F1={f:.4f}")
        print(format_scores(sc), flush=True)
        if cfg.get("dev_window"):  # pseudo-documents of consecutive development sentences
            sc = evaluate_windows(dev, stage, cfg["dev_window"])
            p, r, f, _ = sc["ALL"]
            print(f"RESULT-DOC {json.dumps(cfg)} pen={pen} P={p:.3f} R={r:.3f} F1={f:.4f}")
            print(format_scores(sc), flush=True)


def evaluate_windows(sents, stage, window: int) -> dict:
    """Like ``evaluate``, each run of ``window`` consecutive sentences tagged as one document
    (``CrfModel.tag_document``), each sentence still its own text."""
    from marsad.entities.corpus import tokenise

    gold, pred = [], []
    for a in range(0, len(sents), window):
        docs, parts = [], []
        for sent in sents[a:a + window]:
            doc = tokenise(" ".join(w for w, _ in sent))
            docs.append(doc)
            toks = doc.tokens
            i = 0
            while i < len(toks):
                j = i + 1
                while j < len(toks) and toks[j].sent == toks[i].sent:
                    j += 1
                parts.append((len(docs) - 1, toks[i:j]))
                i = j
        tagged = stage.model.tag_document([[(t.norm, t.prefix, t.stem) for t in toks] for _, toks in parts])
        spans: list[list] = [[] for _ in docs]
        for (d, toks), (labels, conf) in zip(parts, tagged, strict=True):
            spans[d].extend(stage._spans(docs[d], toks, labels, conf))
        for sent, ents in zip(sents[a:a + window], spans, strict=True):
            words = [w for w, _ in sent]
            pred.append(spans_to_gold(words, [(e.start, e.end, e.label) for e in ents]))
            gold.append([t for _, t in sent])
    return prf(gold, pred)


if __name__ == "__main__":
    import json
    import sys

    dev_run(sys.argv[1], json.loads(sys.argv[2]))
