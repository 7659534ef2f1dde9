"""The entities stage: a CRF over the segmenter's clitic-aware tokens (PER, ORG, LOC, MISC),
ensembled with a small neural tagger (``marsad.entities.neural``) when its weights are shipped.

Ensemble: the CRF's emission scores plus ``w`` × the network's log-probabilities (``w`` chosen
on a development split, stored in the weights file), decoded by the CRF's Viterbi. Without
``neural/weights.npz`` the stage is the CRF alone. ``MARSAD_NER_MODE`` (``crf``, the
default; ``ensemble``; ``neural``: the network alone, for measurements) or ``Entities(mode=...)``
picks the path. The CRF is the default because the ensemble's gain (+0.6 F1 on ANERcorp test)
costs a quarter of the pipeline's throughput on real news (124 -> 31 articles/s/core,
``benchmarks/throughput.py``): the network embeds every new word type of the news.

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
import os
from importlib import resources
from pathlib import Path

import numpy as np

from marsad.document import Document, Entity, Token
from marsad.entities.decode import CrfModel, bio_spans
from marsad.entities.features import ONE_LETTER, gazetteer
from marsad.entities.neural import NeuralTagger, PhraseMatcher, constrained_viterbi
from marsad.entities.neural import load as _load_neural_weights
from marsad.text.clitics import vocabulary
from marsad.text.normalise import normalise

MODEL_DIR = Path(str(resources.files("marsad.entities").joinpath("model")))


def load_model(directory: str | None = None) -> CrfModel:
    """The shipped model (or one in ``directory``), loaded once per process."""
    return _load_model(str(directory or MODEL_DIR))


@functools.cache
def _load_model(directory: str) -> CrfModel:
    return CrfModel(Path(directory))


def load_neural(directory: str | None = None) -> NeuralTagger | None:
    """The shipped neural tagger (or one in ``directory``), None when no weights file; once per process."""
    return _load_neural(str(directory) if directory else "")


@functools.cache
def _load_neural(directory: str) -> NeuralTagger | None:
    return _load_neural_weights(directory or None)


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
    # class defaults: an instance made with ``Entities.__new__`` and a ``model`` set by hand
    # (silver.py, the experiment scripts) is the CRF alone
    neural: NeuralTagger | None = None
    mode = "crf"
    shared_matcher: PhraseMatcher | None = None

    def __init__(self, model_dir: str | None = None, neural_dir: str | None = None, mode: str | None = None):
        self.model = load_model(model_dir)
        self.names = known_names(model_dir)
        mode = mode or os.environ.get("MARSAD_NER_MODE") or "crf"
        if mode not in ("ensemble", "crf", "neural"):
            raise ValueError(f"unknown NER mode {mode!r} (ensemble, crf, neural)")
        self.neural = load_neural(neural_dir) if mode != "crf" else None
        self.mode = mode if self.neural is not None else "crf"
        if self.neural is not None:
            # the CRF's labels by BIO name (a BIOES-trained CRF: S- → B-, E- → I-)
            self.bio = list(getattr(self.model, "bio", self.model.labels))
            # network label order → the CRF's: each CRF label takes its BIO name's column
            self.perm = [self.neural.labels.index(lab) for lab in self.bio]
            self.weight = self.neural.ensemble_weight
            self.o_shift = np.zeros(len(self.model.labels), np.float32)
            self.o_shift[self.model.o_index] = self.neural.ensemble_o_penalty
            # one name-list match per sentence for both models when the CRF reads the same lists
            m = self.neural.matcher
            fz = getattr(self.model, "featurizer", None)
            self.shared_matcher = m if m is not None and fz is not None and m.same_lists(fz) else None

    def __call__(self, doc: Document) -> None:
        tokens = doc.tokens
        sents: list[list[Token]] = []
        i, n = 0, len(tokens)
        while i < n:
            j = i + 1
            sent = tokens[i].sent
            while j < n and tokens[j].sent == sent:
                j += 1
            sents.append(tokens[i:j])
            i = j
        keys = [[(t.norm, t.prefix, t.stem) for t in toks] for toks in sents]
        crf_extras: list | None = None
        if self.neural is None:
            lps: list = [None] * len(sents)
        elif self.mode == "ensemble" and self.shared_matcher is not None:
            matches = [self.shared_matcher.match(k) for k in keys]
            extras = [PhraseMatcher.own(m, len(k)) for m, k in zip(matches, keys, strict=True)]
            crf_extras = [PhraseMatcher.crf(m, len(k)) for m, k in zip(matches, keys, strict=True)]
            lps = self.neural.log_probs(keys, extras)
        else:  # the network runs once over all the document's sentences
            lps = self.neural.log_probs(keys)
        entities: list[Entity] = []
        for j, (toks, k, lp) in enumerate(zip(sents, keys, lps, strict=True)):
            labels, conf = self.tag(k, lp, crf_extras[j] if crf_extras is not None else None)
            entities.extend(self._spans(doc, toks, labels, conf))
        doc.entities = entities

    def tag(self, keys: list[tuple[str, str, str]], lp=None, crf_extra=None) -> tuple[list[str], list[float]]:
        """BIO labels and per-token confidence of one sentence (``lp``: the network's
        log-probabilities; ``crf_extra``: the CRF's name-list features, when already matched)."""
        if lp is None or not keys:
            return self.model.tag(keys)
        crf = self.model
        if self.mode == "neural":
            labels = self.neural.labels
            path = constrained_viterbi(lp, labels)
            conf = np.exp(lp[np.arange(len(path)), path])
            return [labels[k] for k in path], conf.tolist()
        E = (crf.emissions(keys) if crf_extra is None else crf.emissions(keys, crf_extra)) \
            + self.weight * lp[:, self.perm] - self.o_shift
        path, _ = crf.viterbi(E)
        Z = E - E.max(axis=1, keepdims=True)
        P = np.exp(Z)
        P /= P.sum(axis=1, keepdims=True)
        return [self.bio[k] for k in path], P[np.arange(len(path)), path].tolist()

    def _sentence(self, doc: Document, toks: list[Token]) -> list[Entity]:
        keys = [(t.norm, t.prefix, t.stem) for t in toks]
        lp = self.neural.log_probs([keys])[0] if self.neural is not None and keys else None
        labels, conf = self.tag(keys, lp)
        return self._spans(doc, toks, labels, conf)

    def _spans(self, doc: Document, toks: list[Token], labels: list[str], conf: list[float]) -> list[Entity]:
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
