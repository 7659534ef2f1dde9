"""Build ``src/marsad/text/data/vocab.tsv``: normalised word frequencies of the news corpus.

Source: SaudiNewsNet 2015 (CC BY-NC-SA 4.0), ``../shared/data/news/saudinewsnet-2015.jsonl.gz``.
Only word counts are kept (words seen at least ``--min-count`` times), never text; they
decide whether a one-letter proclitic is split off (``لداعش`` → ل + داعش, not ``وزير`` → و + زير).
"""

from __future__ import annotations

import argparse
import collections
import gzip
import json
import sys
from pathlib import Path

import regex

from marsad.text.normalise import normalise

WORD_RE = regex.compile(r"\p{Arabic}+")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--news", default="../shared/data/news/saudinewsnet-2015.jsonl.gz")
    ap.add_argument("--out", default="src/marsad/text/data/vocab.tsv")
    ap.add_argument("--min-count", type=int, default=5)
    args = ap.parse_args()
    if not Path(args.news).exists():
        print(f"missing {args.news}: the vocabulary is built from the shared news corpus", file=sys.stderr)
        return 1
    counts: collections.Counter[str] = collections.Counter()
    with gzip.open(args.news, "rt", encoding="utf-8") as fh:
        for line in fh:
            art = json.loads(line)
            counts.update(WORD_RE.findall(normalise((art.get("title") or "") + " " + (art.get("content") or ""))))
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    kept = sorted((w, c) for w, c in counts.items() if c >= args.min_count)
    out.write_text("".join(f"{w}\t{c}\n" for w, c in kept), encoding="utf-8")
    print(f"{len(kept)} words (of {len(counts)}) with count >= {args.min_count} -> {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
