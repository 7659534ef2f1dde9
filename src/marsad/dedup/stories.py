"""Near-duplicate articles → story ids (MinHash + LSH over normalised Arabic word shingles).

A reprint of a wire story, lightly edited (a sentence added or cut, a headline changed, the
outlet's sign-off appended), shares most of its word 3-grams with the original; a different
story on the same topic shares only phrases. ``StoryIndex`` finds candidates with datasketch's
MinHash LSH, then verifies each candidate on the exact shingle sets:

- Jaccard ≥ ``jaccard`` (default 0.5), or
- containment of the shorter in the longer ≥ ``containment`` (0.8, for shortened reprints) with
  Jaccard ≥ ``min_jaccard`` (0.2), both with at least ``min_shingles`` shingles after
  boilerplate shingles (sign-offs, "follow us" lines, the fixed wording of official statements:
  see ``prime``) are set aside;
- and publication dates (when both known) at most ``max_days`` apart: a daily report with the
  same template on another day is another story.

An article joins the story of its best verified match among the articles indexed before it,
provided it matches most of that story's articles (so that a roundup holding two
stories does not chain them); stories are never merged, so ids never change once given. Otherwise it starts a story
whose id is ``story:<its key>``. Pure Python over strings; the store persists the ids.
"""

from __future__ import annotations

import datetime as dt
import zlib
from collections import Counter
from collections.abc import Hashable, Iterable
from dataclasses import dataclass, field

import numpy as np
import regex

from marsad.text.normalise import normalise

_WORD = regex.compile(r"[\p{L}\p{N}]+")
_MERSENNE = np.uint64((1 << 61) - 1)
_MAX_HASH = np.uint64((1 << 32) - 1)


def words(text: str) -> list[str]:
    """Normalised word tokens (alef/ya/ta-marbuta folded, diacritics and tatweel dropped)."""
    return _WORD.findall(normalise(text).lower())


def shingles(text: str, k: int = 3) -> np.ndarray:
    """Sorted unique 32-bit hashes of the word k-grams of ``text`` (stable across processes)."""
    toks = words(text)
    if len(toks) < k:
        grams = [" ".join(toks)] if toks else []
    else:
        grams = [" ".join(toks[i:i + k]) for i in range(len(toks) - k + 1)]
    return np.unique(np.fromiter((zlib.crc32(g.encode("utf-8")) for g in grams), dtype=np.uint64, count=len(grams)))


class Hasher:
    """MinHash signatures with fixed permutations (datasketch's scheme, vectorised)."""

    def __init__(self, num_perm: int = 128, seed: int = 1):
        gen = np.random.RandomState(seed)
        self.num_perm = num_perm
        self.a = gen.randint(1, int(_MERSENNE), size=num_perm, dtype=np.uint64)
        self.b = gen.randint(0, int(_MERSENNE), size=num_perm, dtype=np.uint64)

    def signature(self, hashes: np.ndarray) -> np.ndarray:
        if hashes.size == 0:
            return np.full(self.num_perm, _MAX_HASH, dtype=np.uint64)
        phv = ((hashes[:, None] * self.a + self.b) % _MERSENNE) & _MAX_HASH
        return phv.min(axis=0)


def _date(value: object) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and len(value) >= 10:
        try:
            return dt.date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None


@dataclass
class Match:
    key: Hashable
    jaccard: float
    containment: float

    @property
    def score(self) -> float:
        return max(self.jaccard, self.containment)


@dataclass
class StoryIndex:
    jaccard: float = 0.5
    containment: float = 0.8
    min_shingles: int = 15
    max_days: int | None = 7
    max_df: int = 50
    max_days_spread: int = 4
    min_jaccard: float = 0.2  # a containment match still needs this much overlap (roundups)
    k: int = 3
    num_perm: int = 128
    lsh_threshold: float = 0.3
    stories: dict[Hashable, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        from datasketch import MinHashLSH

        self._hasher = Hasher(self.num_perm)
        self._lsh = MinHashLSH(threshold=self.lsh_threshold, num_perm=self.num_perm)
        self._sets: dict[Hashable, np.ndarray] = {}
        self._dates: dict[Hashable, dt.date | None] = {}
        self._df: Counter[int] = Counter()
        self._size: Counter[str] = Counter()
        self.candidates_checked = 0
        self._primed = False

    def __len__(self) -> int:
        return len(self.stories)

    def _lean(self, sig: np.ndarray):
        from datasketch import LeanMinHash

        return LeanMinHash(seed=1, hashvalues=sig, scheme="legacy")

    def _content(self, hashes: np.ndarray) -> np.ndarray:
        """Shingles minus the boilerplate ones (seen in more than max_df articles so far)."""
        if not self._df:
            return hashes
        common = np.fromiter((h for h in hashes.tolist() if self._df[h] > self.max_df), dtype=np.uint64)
        return np.setdiff1d(hashes, common, assume_unique=True) if common.size else hashes

    def match(self, key: Hashable, hashes: np.ndarray, published: dt.date | None) -> list[Match]:
        """Verified near-duplicates of a shingle set among the indexed articles, best first."""
        mine = self._content(hashes)
        if mine.size < self.min_shingles:
            return []
        sig = self._hasher.signature(hashes)
        found: list[Match] = []
        for other in self._lsh.query(self._lean(sig)):
            if other == key:
                continue
            self.candidates_checked += 1
            if self.max_days is not None and published and self._dates.get(other):
                if abs((published - self._dates[other]).days) > self.max_days:
                    continue
            theirs = self._content(self._sets[other])
            if theirs.size < self.min_shingles:
                continue
            inter = np.intersect1d(mine, theirs, assume_unique=True).size
            jac = inter / (mine.size + theirs.size - inter)
            con = inter / min(mine.size, theirs.size)
            if jac >= self.jaccard or (con >= self.containment and jac >= self.min_jaccard):
                found.append(Match(other, jac, con))
        found.sort(key=lambda m: (-m.jaccard, str(m.key)))
        return found

    def best_story(self, matches: list[Match]) -> str | None:
        """The story of the best match among stories the article matches most articles of: a
        roundup that contains two stories must not chain them into one."""
        per_story = Counter(self.stories[m.key] for m in matches)
        for m in matches:
            story = self.stories[m.key]
            if 2 * per_story[story] > self._size[story]:
                return story
        return None

    def prime(self, shingle_sets: list[np.ndarray], dates: list[object] | None = None) -> None:
        """Boilerplate from a whole collection up front (batch runs), so that the first articles
        already have it set aside; later ``add`` calls leave it fixed.

        With dates, a shingle is boilerplate when it occurs on more than ``max_days_spread``
        distinct days (sign-offs, templates such as the fixed verses of official statements),
        whatever its count: a wire story reprinted by 30 outlets in two days keeps its shingles.
        Without dates it is boilerplate when in more than ``max_df`` articles."""
        self._primed = True
        if not shingle_sets:
            return
        if dates is None:
            for hashes in shingle_sets:
                self._df.update(hashes.tolist())
            return
        days = np.array([(_date(d) or dt.date(1970, 1, 1)).toordinal() for d in dates], dtype=np.uint64)
        allh = np.concatenate(shingle_sets)
        alld = np.repeat(days, [h.size for h in shingle_sets])
        pairs = np.unique((allh << np.uint64(32)) | alld)  # distinct (shingle, day)
        hs, spread = np.unique(pairs >> np.uint64(32), return_counts=True)
        common = hs[spread > self.max_days_spread]
        self._df = Counter(dict.fromkeys(common.tolist(), self.max_df + 1))

    def add(self, key: Hashable, text: str | None = None, published: object = None, hashes: np.ndarray | None = None) -> str:
        """Index an article and return its story id (an existing story's or a new one)."""
        if key in self.stories:
            return self.stories[key]
        if hashes is None:
            hashes = shingles(text or "", self.k)
        date = _date(published)
        matches = self.match(key, hashes, date)
        story = self.best_story(matches) or f"story:{key}"
        self.stories[key] = story
        self._size[story] += 1
        self._sets[key] = hashes
        self._dates[key] = date
        if not self._primed:
            self._df.update(hashes.tolist())
        if hashes.size:
            self._lsh.insert(key, self._lean(self._hasher.signature(hashes)), check_duplication=False)
        return story


def assign_stories(records: Iterable[tuple[Hashable, str, object]], **params) -> dict[Hashable, str]:
    """``{key: story_id}`` for (key, text, published) records, in the order given (give them in
    publication order so that each story is named after its first article)."""
    index = StoryIndex(**params)
    for key, text, published in records:
        index.add(key, text, published)
    return dict(index.stories)


def clusters(stories: dict[Hashable, str]) -> dict[str, list[Hashable]]:
    """Story id → its articles, for stories with more than one article."""
    groups: dict[str, list[Hashable]] = {}
    for key, story in stories.items():
        groups.setdefault(story, []).append(key)
    return {s: ks for s, ks in groups.items() if len(ks) > 1}
