"""The example corpus (``corpus/*.tsv``) read as test cases, and its scoring.

Used by ``tests/test_dates_corpus.py`` and ``benchmarks/dates.py``; see ``corpus/README.md``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from importlib import resources

from marsad.dates.stage import Dates
from marsad.document import Document, Timex
from marsad.text.normalise import Normalise

MARK_RE = re.compile(r"\[\[([^|\]]+)\|([^\]]*)\]\]")


@dataclass
class Expected:
    start: int
    end: int
    text: str
    value: str
    end_value: str | None = None


@dataclass
class Case:
    source: str  # file:line
    text: str
    published: dt.date | None
    infer: bool
    expected: list[Expected] = field(default_factory=list)


def parse_line(line: str, source: str) -> Case:
    pub_field, _, marked = line.partition("\t")
    infer = pub_field.startswith("infer:")
    pub_text = pub_field[6:] if infer else pub_field
    published = dt.date.fromisoformat(pub_text) if pub_text else None
    text_parts: list[str] = []
    expected: list[Expected] = []
    pos = 0
    length = 0
    for m in MARK_RE.finditer(marked):
        before = marked[pos:m.start()]
        text_parts.append(before)
        length += len(before)
        surface, value = m.group(1), m.group(2)
        start_value, _, end_value = value.partition("/")
        expected.append(Expected(length, length + len(surface), surface, start_value, end_value or None))
        text_parts.append(surface)
        length += len(surface)
        pos = m.end()
    text_parts.append(marked[pos:])
    return Case(source, "".join(text_parts), published, infer, expected)


def load_corpus() -> list[Case]:
    cases: list[Case] = []
    folder = resources.files("marsad.dates").joinpath("corpus")
    for item in sorted(folder.iterdir(), key=lambda p: p.name):
        if not item.name.endswith(".tsv"):
            continue
        for i, line in enumerate(item.read_text("utf-8").splitlines(), 1):
            if line.strip() and not line.startswith("#"):
                cases.append(parse_line(line, f"{item.name}:{i}"))
    return cases


_STAGES = (Normalise(), Dates())


def run_case(case: Case) -> Document:
    doc = Document(case.text, published=None if case.infer else case.published)
    for stage in _STAGES:
        stage(doc)
    return doc


@dataclass
class Score:
    expected: int = 0
    correct: int = 0  # a timex overlapping the expression has exactly the expected value(s)
    exact_span: int = 0  # … and exactly its span
    spurious: int = 0  # timexes overlapping no expected expression
    failures: list[str] = field(default_factory=list)


def check(case: Case, timexes: list[Timex], score: Score, published: dt.date | None = None) -> None:
    used: set[int] = set()
    for exp in case.expected:
        score.expected += 1
        hit = None
        for i, t in enumerate(timexes):
            if t.start < exp.end and exp.start < t.end and t.value == exp.value and t.end_value == exp.end_value:
                hit = i
                break
        overlapping = [i for i, t in enumerate(timexes) if t.start < exp.end and exp.start < t.end]
        used.update(overlapping)
        if hit is None:
            got = [(case.text[timexes[i].start:timexes[i].end], timexes[i].value, timexes[i].end_value) for i in overlapping]
            score.failures.append(f"{case.source}: «{exp.text}» expected {exp.value}"
                                  f"{'/' + exp.end_value if exp.end_value else ''}, got {got}")
            continue
        score.correct += 1
        t = timexes[hit]
        if (t.start, t.end) == (exp.start, exp.end):
            score.exact_span += 1
    for i, t in enumerate(timexes):
        if i not in used:
            score.spurious += 1
            score.failures.append(f"{case.source}: spurious «{case.text[t.start:t.end]}» → {t.value}")
    if case.infer:
        score.expected += 1
        if published == case.published:
            score.correct += 1
            score.exact_span += 1
        else:
            score.failures.append(f"{case.source}: inferred publication {published}, expected {case.published}")
