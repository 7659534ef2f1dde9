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
    p.add_argument("--reuse-silver", action="store_true", help="keep OUT/silver.tsv instead of re-tagging the news")
    p.add_argument("--stacked", action="store_true",
                   help="two-stage CRF (a first CRF's labels as features of the second; not the shipped recipe)")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from marsad.entities.train import build_model

    data = Path(args.data)
    news_file = Path(args.news) if args.news else data.parent / "news" / "saudinewsnet-2015.jsonl.gz"
    if not (args.reuse_clusters and args.reuse_silver) and not news_file.exists():
        print(f"marsad train-ner: news file not found: {news_file} (or pass --reuse-clusters --reuse-silver)",
              file=sys.stderr)
        return 2
    try:
        info = build_model(data, Path(args.out), None if args.reuse_clusters else news_file,
                           log=lambda m: print(m, file=sys.stderr),
                           silver_news=None if args.reuse_silver else news_file,
                           stacked=getattr(args, "stacked", False))
    except (FileNotFoundError, ImportError) as exc:
        print(f"marsad train-ner: {exc}", file=sys.stderr)
        return 2
    print(f"model written to {args.out}: {info['sequences']} sequences, {info['seconds']} s of CRF training")
    return 0
