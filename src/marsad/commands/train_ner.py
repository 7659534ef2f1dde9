"""marsad train-ner: rebuild the shipped NER model (clusters + CRF) from ../shared data."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

# one core: BLAS threads must be pinned before numpy does any work
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("MKL_NUM_THREADS", "1")


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("train-ner", help="train the entity model (CRF) from ANERcorp and the raw news")
    p.add_argument("--data", default="../shared/data/ner", help="folder holding anercorp/train.txt")
    p.add_argument("--out", default="src/marsad/entities/model", help="model folder to write")
    p.add_argument("--news", default=None,
                   help="raw news .jsonl.gz for the word clusters (default: DATA/../news/saudinewsnet-2015.jsonl.gz)")
    p.add_argument("--reuse-clusters", action="store_true", help="keep OUT/clusters.tsv instead of rebuilding it")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from marsad.entities.train import build_model

    data = Path(args.data)
    news = None
    if not args.reuse_clusters:
        news = Path(args.news) if args.news else data.parent / "news" / "saudinewsnet-2015.jsonl.gz"
        if not news.exists():
            print(f"marsad train-ner: news file not found: {news} (or pass --reuse-clusters)", file=sys.stderr)
            return 2
    try:
        info = build_model(data, Path(args.out), news, log=lambda m: print(m, file=sys.stderr))
    except (FileNotFoundError, ImportError) as exc:
        print(f"marsad train-ner: {exc}", file=sys.stderr)
        return 2
    print(f"model written to {args.out}: {info['sequences']} sequences, {info['seconds']} s of CRF training")
    return 0
