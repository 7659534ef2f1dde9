"""How foreign an Arabic-script word looks: a character n-gram naive Bayes score.

Arabic news writes foreign names phonetically (كافو، ناكامورا، مايكروسوفت), with letter
sequences native words rarely have (long vowels in a row, و/ي between every consonant, تش،
ڤ-like ف clusters). A multinomial naive Bayes over the word's character 2- to 4-grams (with
boundary marks) tells transliterations (Western name spellings, foreign place names) from
native vocabulary; the NER uses its mean log-odds per n-gram, bucketed (``bucket``), as a
feature. The model is a table n-gram → log-odds (``model/foreign.tsv.gz``, built by
``scripts/build_ner_foreign.py``); scoring is a few dict look-ups, cached per word type by
the featurizer.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

NGRAMS = (2, 3, 4)
# League of Arab States members (their places are native vocabulary)
ARAB = frozenset("DZ BH KM DJ EG IQ JO KW LB LY MR MA OM PS QA SA SO SD SY TN AE YE EH".split())
# bucket edges on the mean log-odds per n-gram (negative: native-looking)
EDGES = (-1.0, -0.5, 0.0, 0.5, 1.0)


def ngrams(word: str) -> list[str]:
    w = f"<{word}>"
    return [w[i:i + n] for n in NGRAMS for i in range(len(w) - n + 1)]


def train(foreign: Iterable[str], native: Iterable[str], min_count: int = 3,
          alpha: float = 0.5) -> dict[str, float]:
    """n-gram → log P(g | foreign) − log P(g | native), add-``alpha`` smoothing, n-grams
    seen fewer than ``min_count`` times in all dropped (they decide little, cost space)."""
    pos: Counter[str] = Counter()
    neg: Counter[str] = Counter()
    for w in foreign:
        pos.update(ngrams(w))
    for w in native:
        neg.update(ngrams(w))
    keep = [g for g in pos.keys() | neg.keys() if pos[g] + neg[g] >= min_count]
    v = len(keep)
    tp = sum(pos[g] for g in keep) + alpha * v
    tn = sum(neg[g] for g in keep) + alpha * v
    return {g: math.log((pos[g] + alpha) / tp) - math.log((neg[g] + alpha) / tn) for g in keep}


def score(model: dict[str, float], word: str) -> float:
    """Mean log-odds of the word's known n-grams (0.0 when none is known)."""
    vals = [x for x in map(model.get, ngrams(word)) if x is not None]
    return sum(vals) / len(vals) if vals else 0.0


def bucket(model: dict[str, float], word: str) -> int:
    s = score(model, word)
    return sum(1 for e in EDGES if s >= e)


def save(model: dict[str, float], path: Path) -> None:
    """n-gram → log-odds as TSV (2 decimals, |w| ≥ 0.05); gzipped (deterministic) when the name ends in .gz."""
    text = "".join(f"{g}\t{w:.2f}\n" for g, w in sorted(model.items()) if abs(w) >= 0.05).encode("utf-8")
    if path.suffix == ".gz":
        import gzip

        text = gzip.compress(text, compresslevel=9, mtime=0)
    path.write_bytes(text)


def load(path: Path) -> dict[str, float]:
    out: dict[str, float] = {}
    if path.exists():
        raw = path.read_bytes()
        if path.suffix == ".gz":
            import gzip

            raw = gzip.decompress(raw)
        for line in raw.decode("utf-8").splitlines():
            g, _, w = line.rpartition("\t")
            if g:
                out[g] = float(w)
    return out


def training_words() -> tuple[list[str], list[str]]:
    """(foreign, native) training words, read only from the package's data: Western name
    spellings (``actors/data/western_names.tsv``, given-name or surname score ≥ 100, 3+ letters)
    and single words of place names in non-Arab countries (``places/data/gazetteer.json.gz``)
    against news vocabulary words seen ≥ 20 times (``text/data/vocab.tsv``). A foreign spelling
    seen ≥ 100 times in the news is left out of the foreign side (جون، كان), and every
    foreign-side word out of the native side."""
    import gzip
    import json
    from importlib import resources

    from marsad.text.clitics import vocabulary

    vocab = vocabulary()
    pos: set[str] = set()
    text = resources.files("marsad.actors").joinpath("data/western_names.tsv").read_text("utf-8")
    for line in text.splitlines():
        if line.startswith("#"):
            continue
        k, _, gs, _, ss = line.split("\t")
        best = max(int(gs) if gs else -999, int(ss) if ss else -999)
        if best >= 100 and len(k) >= 3 and " " not in k:
            pos.add(k)
    raw = resources.files("marsad.places").joinpath("data/gazetteer.json.gz").read_bytes()
    places = json.loads(gzip.decompress(raw))
    country = places["fields"].index("country")
    for name, ids in places["names"].items():
        if all(places["places"][i][country] not in ARAB for i in ids):
            pos.update(w for w in name.split() if len(w) >= 3 and not w.startswith("ال"))
    pos = {w for w in pos if vocab.get(w, 0) < 100}
    neg = {w for w, n in vocab.items() if n >= 20 and len(w) >= 2 and w not in pos}
    return sorted(pos), sorted(neg)
