"""Proclitic analysis of Arabic words: conjunction (و ف), preposition (ب ك ل), article (ال).

Splitting before the article is safe (``وبالموصل`` → ``وبال`` + ``موصل``). A bare one-letter
proclitic is ambiguous (``وزير`` is not و + زير), so it is split off only when the word
frequencies built from the news corpus (``data/vocab.tsv``) say the remainder is the more
common word. All strings here are normalised (see ``normalise``).
"""

from __future__ import annotations

import functools
from importlib import resources

CONJ = ("و", "ف")
PREP = ("ب", "ك", "ل")
MIN_STEM = 2
# Words that begin with the letters ا ل but carry no article (normalised forms).
NOT_ARTICLE = frozenset(
    "التي الذي الذين اللذين اللتين اللذان اللتان اللاتي اللواتي اللايي الله اللهم الف الاف الفا "
    "الفين الان الا الي الم الما المانيا".split()
)


@functools.cache
def vocabulary() -> dict[str, int]:
    """Word → frequency in the training news (empty when the data file is absent)."""
    try:
        raw = resources.files("marsad.text").joinpath("data/vocab.tsv").read_text("utf-8")
    except (FileNotFoundError, ModuleNotFoundError):
        return {}
    vocab: dict[str, int] = {}
    for line in raw.splitlines():
        word, _, count = line.partition("\t")
        if count:
            vocab[word] = int(count)
    return vocab


def _article_split(word: str) -> tuple[str, str] | None:
    """Split proclitics ending in the article; None when the word has no article."""
    for conj in ("", *CONJ):
        if not word.startswith(conj):
            continue
        rest = word[len(conj):]
        if rest in NOT_ARTICLE:
            return (conj, rest) if conj else ("", word)
        if rest[:1] in PREP and rest[1:] in NOT_ARTICLE:
            return conj + rest[0], rest[1:]
        if rest.startswith("لل") and len(rest) - 2 >= MIN_STEM + 1:
            return conj + "لل", rest[2:]
        for prep in ("", "ب", "ك"):
            head = prep + "ال"
            if rest.startswith(head) and len(rest) - len(head) >= MIN_STEM:
                return conj + head, rest[len(head):]
    return None


def split_clitics(word: str) -> tuple[str, str]:
    """(prefix, stem) of a normalised word; prefix may be empty."""
    if len(word) < 3:
        return "", word
    by_article = _article_split(word)
    if by_article is not None and by_article[0]:
        return by_article
    if by_article is not None:
        return by_article
    vocab = vocabulary()
    if not vocab:
        return "", word
    whole = vocab.get(word, 0)
    best = ("", word)
    best_count = whole
    for conj in ("", *CONJ):
        for prep in ("", *PREP):
            prefix = conj + prep
            if not prefix or not word.startswith(prefix):
                continue
            stem = word[len(prefix):]
            if len(stem) < 3:
                continue
            count = vocab.get(stem, 0)
            # the remainder must be clearly more common than the whole form
            if count > 4 * best_count + 5:
                best, best_count = (prefix, stem), count
    return best


def stem_candidates(word: str) -> list[str]:
    """Every reading of a word with 0..n proclitics removed, longest first (for lexicon lookups)."""
    out = [word]
    for conj in ("", *CONJ):
        if conj and not word.startswith(conj):
            continue
        rest = word[len(conj):]
        for prep in ("", *PREP):
            if prep and not rest.startswith(prep):
                continue
            stem = rest[len(prep):]
            for cand in (stem, stem[2:] if stem.startswith("ال") else None):
                if cand and len(cand) >= MIN_STEM and cand not in out:
                    out.append(cand)
            if prep == "ل" and stem.startswith("ل") and len(stem) > 3:
                cand = stem[1:]  # لل = ل + ال
                if cand not in out:
                    out.append(cand)
    return out
