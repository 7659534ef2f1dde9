"""NER benchmark: the shipped model on the ANERcorp test split, through the public API.

Each test sentence's tokens are joined by spaces and run through ``marsad.extract`` (the
code path of ``marsad extract``); the predicted character spans are mapped back to the
gold tokens and scored at the entity level (exact span and type, conlleval style).
Speed: the entities stage's tokens/s against a same-run baseline, tokenisation alone
(normalise + segment), on one core; cold (first pass, empty caches) and warm.

Usage: ``python benchmarks/ner_anercorp.py [--shared ../shared]``; ``MARSAD_NER_MODE=crf``
scores the CRF alone (the default is the stage's: the CRF + network ensemble when the network's
weights are there). Exits 2 when the data is missing.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import marsad  # noqa: E402
from marsad.document import Document  # noqa: E402
from marsad.entities.corpus import read_bio  # noqa: E402
from marsad.entities.evaluate import evaluate, format_scores  # noqa: E402
from marsad.entities.stage import MODEL_DIR  # noqa: E402
from marsad.pipeline import build  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]


def speed(texts: list[str]) -> tuple[int, float, float]:
    """(pipeline tokens, seconds in normalise+segment, seconds in entities)."""
    pipe = build(["normalise", "segment", "entities"])
    n = 0
    for text in texts:
        doc = pipe(Document(text))
        n += len(doc.tokens)
    t = pipe.timings
    return n, t["normalise"] + t["segment"], t["entities"]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    args = ap.parse_args()
    test = Path(args.shared) / "data/ner/anercorp/test.txt"
    if not test.exists():
        print(f"ner_anercorp: missing {test} (the ANERcorp test split from ../shared); cannot benchmark",
              file=sys.stderr)
        return 2
    sents = read_bio(test)
    texts = [" ".join(w for w, _ in s) for s in sents]
    n_gold = sum(map(len, sents))

    n_tok, t_tok, t_ner = speed(texts)  # cold: first pass, the per-type caches are empty
    t0 = time.perf_counter()
    scores = evaluate(sents, lambda text: marsad.extract(text))
    t_api = time.perf_counter() - t0
    n_tok2, t_tok2, t_ner2 = speed(texts)  # warm

    size = sum(f.stat().st_size for f in MODEL_DIR.iterdir() if f.is_file())
    stage = build(["normalise", "segment", "entities"]).stages[-1]
    mode = getattr(stage, "mode", "crf")  # MARSAD_NER_MODE: ensemble (default when trained), crf, neural
    if mode != "crf":
        from marsad.entities.neural import NEURAL_DIR

        size += sum(f.stat().st_size for f in NEURAL_DIR.iterdir() if f.is_file() and f.suffix != ".py")
    print(f"ANERcorp test: {len(sents)} sentences, {n_gold} gold tokens ({n_tok} pipeline tokens); "
          f"entity model: {mode}")
    print(format_scores(scores))
    print(f"entity micro-F1: {scores['ALL'][2]:.4f}   (bar 0.80, goal 0.84)")
    print(f"model size: {size / 1e6:.2f} MB ({MODEL_DIR}{', neural/' if mode != 'crf' else ''})")
    for label, nt, tt, tn in (("cold", n_tok, t_tok, t_ner), ("warm", n_tok2, t_tok2, t_ner2)):
        print(f"speed {label}: tokenisation {nt / tt:,.0f} tok/s (baseline)   entities {nt / tn:,.0f} tok/s   "
              f"entities/tokenisation time ratio {tn / tt:.2f}")
    print(f"full pipeline through marsad.extract: {len(sents) / t_api:,.1f} sentences/s")
    news = Path(args.shared) / "data/news/saudinewsnet-2015.jsonl.gz"
    if news.exists():  # real articles: per-article cost of the stage, fresh process caches excluded
        import gzip
        import json
        with gzip.open(news, "rt", encoding="utf-8") as fh:
            arts = [t for t in (json.loads(next(fh)).get("content") or "" for _ in range(1000)) if t.strip()]
        nt, tt, tn = speed(arts)
        print(f"news: {len(arts)} articles, {nt / len(arts):.0f} tokens/article: tokenisation "
              f"{1000 * tt / len(arts):.2f} ms/article, entities {1000 * tn / len(arts):.2f} ms/article "
              f"({nt / tn:,.0f} tok/s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
