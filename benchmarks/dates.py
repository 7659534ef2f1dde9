"""Dates benchmark: accuracy on the example corpus, speed per 500-word article, and dateparser.

    python benchmarks/dates.py [--news N] [--no-dateparser]

Accuracy: every marked expression of src/marsad/dates/corpus/*.tsv must be covered by a timex
with exactly the expected value (and end_value for ranges); spurious timexes are counted.
Speed: CPU time of the dates stage alone (normalisation done beforehand) on 500-word articles
assembled from the corpus sentences, and on N real articles of ../shared (when present),
reported per 500 words. The comparison runs dateparser (when installed) on each corpus
expression alone, with the publication date as RELATIVE_BASE.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from marsad.dates.evaluate import Score, check, load_corpus, run_case  # noqa: E402
from marsad.dates.stage import Dates  # noqa: E402
from marsad.document import Document  # noqa: E402
from marsad.text.normalise import Normalise  # noqa: E402


def accuracy() -> Score:
    score = Score()
    for case in load_corpus():
        doc = run_case(case)
        check(case, doc.timexes, score, doc.published)
    return score


def _cpu_per_500_words(texts: list[str], published: dt.date | None, repeat: int = 3) -> tuple[float, int]:
    norm, dates = Normalise(), Dates()
    docs = []
    for t in texts:
        d = Document(t, published=published)
        norm(d)
        docs.append(d)
    dates(docs[0])  # load the lexicons
    words = sum(len(d.text.split()) for d in docs)
    best = float("inf")
    found = 0
    for _ in range(repeat):
        t0 = time.process_time()
        found = 0
        for d in docs:
            d.published = published
            dates(d)
            found += len(d.timexes)
        best = min(best, time.process_time() - t0)
    return best / words * 500 * 1000, found


def corpus_articles() -> list[str]:
    sentences = [c.text for c in load_corpus()]
    articles, cur, n = [], [], 0
    for s in sentences * 3:
        cur.append(s)
        n += len(s.split())
        if n >= 500:
            articles.append(" ".join(cur))
            cur, n = [], 0
    return articles


def dateparser_accuracy() -> tuple[int, int] | None:
    try:
        import dateparser
    except ImportError:
        return None
    total = ok = 0
    for case in load_corpus():
        if case.published is None:
            continue
        base = dt.datetime.combine(case.published, dt.time(12))
        for exp in case.expected:
            if exp.end_value:
                total += 1
                continue
            total += 1
            got = dateparser.parse(exp.text, languages=["ar"], settings={"RELATIVE_BASE": base,
                                                                       "PREFER_DATES_FROM": "past"})
            if got is None:
                continue
            v = exp.value
            if len(v) == 10 and got.date().isoformat() == v or len(v) == 7 and got.strftime("%Y-%m") == v \
                    or len(v) == 4 and str(got.year) == v:
                ok += 1
    return ok, total


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--news", type=int, default=300, help="real articles from ../shared to time (0: none)")
    ap.add_argument("--no-dateparser", action="store_true")
    args = ap.parse_args()

    s = accuracy()
    print(f"corpus: {s.expected} expressions, exact values {s.correct}/{s.expected} = {s.correct / s.expected:.1%}, "
          f"exact spans {s.exact_span / s.expected:.1%}, spurious {s.spurious}")
    for line in s.failures[:20]:
        print("  ", line)

    ms, found = _cpu_per_500_words(corpus_articles(), dt.date(2017, 11, 3))
    print(f"speed (corpus sentences as 500-word articles): {ms:.3f} ms CPU per 500 words ({found} timexes)")
    if args.news:
        from _shared import NEWS, news

        if not NEWS.exists():
            print(f"missing {NEWS}: real-article timing skipped", file=sys.stderr)
            return 2
        texts = [a["content"] for _, a in news(args.news) if a.get("content")]
        ms, found = _cpu_per_500_words(texts, dt.date(2015, 8, 1))
        print(f"speed ({len(texts)} SaudiNewsNet articles): {ms:.3f} ms CPU per 500 words ({found} timexes)")
    if not args.no_dateparser:
        dp = dateparser_accuracy()
        if dp is None:
            print("dateparser not installed: comparison skipped")
        else:
            ok, total = dp
            print(f"dateparser on the same expressions (alone, RELATIVE_BASE = publication): "
                  f"{ok}/{total} = {ok / total:.1%} (ranges count as misses: it has none)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
