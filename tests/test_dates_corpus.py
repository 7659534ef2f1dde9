"""The example corpus (src/marsad/dates/corpus/*.tsv) run as the regression test of the dates stage."""

from __future__ import annotations

import pytest

from marsad.dates.evaluate import Score, check, load_corpus, run_case

CASES = load_corpus()


def test_corpus_is_large_enough() -> None:
    assert sum(len(c.expected) for c in CASES) >= 300


@pytest.mark.parametrize("case", CASES, ids=[c.source for c in CASES])
def test_corpus_case(case) -> None:
    doc = run_case(case)
    score = Score()
    check(case, doc.timexes, score, doc.published)
    assert not score.failures, "\n".join(score.failures)
    for t in doc.timexes:  # spans are offsets into the original text
        assert 0 <= t.start < t.end <= len(doc.text)
        assert doc.text[t.start:t.end].strip() == doc.text[t.start:t.end]


def test_corpus_spans_mostly_exact() -> None:
    score = Score()
    for case in CASES:
        doc = run_case(case)
        check(case, doc.timexes, score, doc.published)
    assert score.exact_span >= 0.95 * score.expected
