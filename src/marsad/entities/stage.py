"""The entities stage: a CRF over the segmenter's clitic-aware tokens (PER, ORG, LOC, MISC).

Spans never include a leading conjunction or preposition (و ف ب ك ل): ``والعراق`` →
``العراق``, ``بالموصل`` → ``الموصل``, ``لداعش`` → ``داعش``. The article ال stays (it is part of
the name), except after ل where it is elided (``للعراق`` → ``عراق``). When the segmenter kept a
one-letter proclitic attached (it does when the word frequencies are unsure), the remainder
is split off if it is a known name (gazetteer, names seen in training) or clearly more
frequent than the whole word, and the whole word is not itself a known name (``بشار``,
``ليبيا``, ``وليد`` stay whole).
"""

from __future__ import annotations

import functools
from importlib import resources
from pathlib import Path

from marsad.document import Document, Entity, Token
from marsad.entities.decode import CrfModel, bio_spans
from marsad.entities.features import ONE_LETTER, gazetteer
from marsad.text.clitics import vocabulary
from marsad.text.normalise import normalise

MODEL_DIR = Path(str(resources.files("marsad.entities").joinpath("model")))


def load_model(directory: str | None = None) -> CrfModel:
    """The shipped model (or one in ``directory``), loaded once per process."""
    return _load_model(str(directory or MODEL_DIR))


@functools.cache
def _load_model(directory: str) -> CrfModel:
    return CrfModel(Path(directory))


def known_names(directory: str | None = None) -> frozenset[str]:
    """First words of training entities (shipped with the model) and gazetteer names."""
    return _known_names(str(directory or MODEL_DIR))


@functools.cache
def _known_names(directory: str) -> frozenset[str]:
    path = Path(directory) / "names.txt"
    words = path.read_text("utf-8").split() if path.exists() else []
    return frozenset(words) | frozenset(gazetteer())


def _skip(text: str, start: int, end: int, n: int) -> int:
    """Original offset after the first ``n`` normalised characters of ``text[start:end]``."""
    pos, seen = start, 0
    while pos < end and seen < n:
        seen += len(normalise(text[pos]))
        pos += 1
    # also skip marks that normalise to nothing (diacritics on the clitic)
    while pos < end and not normalise(text[pos]):
        pos += 1
    return pos


def strip_count(tok: Token, names: frozenset[str]) -> int:
    """How many normalised leading characters of an entity's first token are proclitics."""
    prefix = tok.prefix
    if prefix:
        if prefix.endswith("لل"):
            return len(prefix)
        if prefix.endswith("ال"):
            return len(prefix) - 2
        return len(prefix)
    word = tok.norm
    if len(word) < 4 or word[0] not in ONE_LETTER or word in names:
        return 0
    vocab = vocabulary()
    whole = vocab.get(word, 0)
    for k in (2, 1) if word[1] in ONE_LETTER[2:] and word[0] in "وف" else (1,):
        rest = word[k:]
        if len(rest) < 3:
            continue
        if rest in names or vocab.get(rest, 0) > 2 * whole + 2:
            return k
    return 0


class Entities:
    name = "entities"
    needs: tuple[str, ...] = ("tokens",)
    adds: tuple[str, ...] = ("entities",)

    def __init__(self, model_dir: str | None = None):
        self.model = load_model(model_dir)
        self.names = known_names(model_dir)

    def __call__(self, doc: Document) -> None:
        tokens = doc.tokens
        entities: list[Entity] = []
        i, n = 0, len(tokens)
        while i < n:
            j = i + 1
            sent = tokens[i].sent
            while j < n and tokens[j].sent == sent:
                j += 1
            entities.extend(self._sentence(doc, tokens[i:j]))
            i = j
        doc.entities = entities

    def _sentence(self, doc: Document, toks: list[Token]) -> list[Entity]:
        labels, conf = self.model.tag([(t.norm, t.prefix, t.stem) for t in toks])
        out: list[Entity] = []
        for a, b, typ in bio_spans(labels):
            while a < b and not toks[a].is_word and not toks[a].norm[0].isdigit():
                a += 1
            while b > a and not toks[b - 1].is_word and not toks[b - 1].norm[0].isdigit():
                b -= 1
            if a == b:
                continue
            first = toks[a]
            k = strip_count(first, self.names)
            start = _skip(doc.text, first.start, first.end, k) if k else first.start
            if start >= first.end:
                start = first.start
            score = sum(conf[a:b]) / (b - a)
            out.append(Entity(start, toks[b - 1].end, typ, score=round(score, 3), source="model"))
        return out
