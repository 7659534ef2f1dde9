"""Token features for the NER CRF, computed once per word type and cached.

Every feature describes one token; a token's feature set is the union of its own features
and its neighbours' (offsets -2..+2) prefixed with the offset. Because nothing crosses two
tokens, the features (and, at run time, their summed weights) are cached per word type:
the per-token cost is a dict lookup, not string work.
"""

from __future__ import annotations

import functools
import math
from importlib import resources
from pathlib import Path

from marsad.text.clitics import vocabulary

OFFSETS = (-2, -1, 0, 1, 2)
EMB_OFFSETS = (-1, 0, 1)
BOS = ("<s>",)
EOS = ("</s>",)
ONE_LETTER = ("و", "ف", "ب", "ل", "ك")


def _read_tsv(text: str) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for line in text.splitlines():
        key, _, rest = line.partition("\t")
        if rest:
            out[key] = rest.split("\t")
    return out


@functools.cache
def gazetteer() -> dict[str, tuple[str, ...]]:
    raw = resources.files("marsad.entities").joinpath("data/gazetteer.tsv").read_text("utf-8")
    return {k: tuple(v[0].split(",")) for k, v in _read_tsv(raw).items()}


@functools.cache
def _titles() -> frozenset[str]:
    import json
    try:
        kb = json.loads(resources.files("marsad.actors").joinpath("data/kb.json").read_text("utf-8"))
    except (FileNotFoundError, ModuleNotFoundError):
        return frozenset()
    return frozenset(t.split()[0] for t in kb.get("titles", {})) | {"السيد", "السيده", "المتحدث", "الناطق"}


def load_clusters(path: Path | None = None) -> dict[str, tuple[str, ...]]:
    if path is None:
        raw = resources.files("marsad.entities").joinpath("model/clusters.tsv").read_text("utf-8")
    elif path.exists():
        raw = path.read_text("utf-8")
    else:
        return {}
    return {k: tuple(v) for k, v in _read_tsv(raw).items()}


def load_silver(path: Path) -> dict[str, tuple[str, ...]]:
    """Self-trained lexicon (``silver.tsv``, see ``silver.py``): stem → ``TYPE:share`` features."""
    out: dict[str, tuple[str, ...]] = {}
    if not path.exists():
        return out
    types = ("PER", "ORG", "LOC", "MISC")
    for line in path.read_text("utf-8").splitlines():
        stem, *nums = line.split("\t")
        total, *per = (int(x) for x in nums)
        feats = tuple(f"{t}:{min(4, int(5 * c / total))}" for t, c in zip(types, per, strict=True)
                      if c / total >= 0.1)
        if feats:
            out[stem] = feats
    return out


def _score_bucket(score: str) -> int:
    """Western name score (100·log10 frequency per million − 60·spelling cost) → 0 (none or
    below 60, no evidence) .. 4."""
    if not score:
        return 0
    x = int(score)
    return 0 if x < 60 else 1 if x < 120 else 2 if x < 200 else 3 if x < 300 else 4


def write_western(path: Path) -> int:
    """Freezes the actor stage's Western name spellings (``actors/data/western_names.tsv``, read
    only) into the model folder as key → given-name bucket, surname bucket (entries with one
    bucket ≥ 1). Returns the number of keys."""
    src = resources.files("marsad.actors").joinpath("data/western_names.tsv").read_text("utf-8")
    rows = []
    for line in src.splitlines():
        if line.startswith("#"):
            continue
        k, _, gs, _, ss = line.split("\t")
        g, s = _score_bucket(gs), _score_bucket(ss)
        if (g or s) and " " not in k:
            rows.append(f"{k}\t{g}{s}\n")
    path.write_text("".join(rows), "utf-8")
    return len(rows)


def load_western(path: Path) -> dict[str, tuple[int, int]]:
    out: dict[str, tuple[int, int]] = {}
    if path.exists():
        for line in path.read_text("utf-8").splitlines():
            k, _, b = line.partition("\t")
            if len(b) == 2:
                out[k] = (int(b[0]), int(b[1]))
    return out


# kb actor types whose names ANERcorp tags as organisations
ORG_TYPES = frozenset({"political party", "militia", "jihadist group", "rebel group", "media",
                       "international organisation", "company", "coalition", "government", "military",
                       "police"})
# context cues (a class feature for the neighbours of a name; the words themselves are features too)
ORG_HEADS = ("حزب", "حركه", "جبهه", "منظمه", "وزاره", "شركه", "جامعه", "مجلس", "وكاله", "صحيفه", "قناه",
             "جمعيه", "اتحاد", "هييه", "مؤسسه", "موسسه", "بنك", "نادي", "فريق", "منتخب", "لجنه", "مركز",
             "معهد", "جريده", "مجله", "اذاعه", "تلفزيون", "محكمه", "برلمان", "تنظيم", "جماعه", "كتايب")
# sentence topics (stems, normalised): a sports or business sentence shifts what a name-like word is
# (a club named after its city is an organisation, «الوداد البيضاوي» is not a person)
TOPICS = {
    "sport": frozenset({"مباراه", "دوري", "بطوله", "هدف", "اهداف", "فريق", "ملعب", "منتخب", "كره", "لاعب",
                        "لاعبين", "لاعبي", "مدرب", "كاس", "نادي", "تعادل", "مونديال", "اولمبياد", "ميداليه",
                        "ذهبيه", "شوط", "مرمي", "حارس", "تصفيات", "نهائي", "ديربي", "جوله"}),
    "econ": frozenset({"شركه", "شركات", "اسهم", "سهم", "سوق", "اسواق", "اسعار", "نفط", "دولار", "بورصه", "مليار",
                       "ارباح", "مبيعات", "استثمار", "مصرف", "بنك", "تداول", "برميل", "اقتصاد", "صفقه", "منتجات"}),
}
# heads after which the next name-like word starts an organisation (``pattern_feats``)
NAME_HEADS = frozenset({"نادي", "فريق", "فريقي", "شركه", "مجموعه", "مصرف", "بنك", "مؤسسه", "منتخب", "صحيفه", "وكاله"})
SAY_VERBS = ("قال", "اضاف", "اكد", "اعلن", "اوضح", "صرح", "ذكر", "اشار", "قالت", "اضافت", "اكدت", "اعلنت")


def _key(norm: str, prefix: str, stem: str) -> str:
    """A token's form for phrase matching: proclitics off, the article kept (للعراق → العراق)."""
    if not prefix:
        return norm
    return "ال" + stem if prefix.endswith("ال") or prefix.endswith("لل") else stem


@functools.cache
def phrase_gazetteer() -> dict[str, tuple[tuple[tuple[str, ...], str], ...]]:
    """First word → ((following words), type) of known names (``phrase_entries``), longest first."""
    return index_phrases(phrase_entries())


@functools.cache
def phrase_entries() -> dict[tuple[str, ...], str]:
    """Known names → type, read live from other stages' data (read only): persons and
    organisations from the actor base (``actors/data/kb.json``), place names from the places
    gazetteer (``places/data/gazetteer.json.gz``, common and ambiguous words out). Training
    freezes them into the model folder (``gazetteer_phrases.tsv``), which the run time uses,
    so later edits of those files do not shift the model's inputs."""
    import gzip
    import json

    entries: dict[tuple[str, ...], str] = {}
    try:
        kb = json.loads(resources.files("marsad.actors").joinpath("data/kb.json").read_text("utf-8"))
    except (FileNotFoundError, ModuleNotFoundError):
        kb = {}
    for actor in kb.get("actors", {}).values():
        typ = "PER" if actor.get("type") == "person" else "ORG" if actor.get("type") in ORG_TYPES else ""
        if not typ:
            continue
        for alias in [*actor.get("aliases", ()), *actor.get("short", ())]:
            words = tuple(alias.split())
            if words:
                entries.setdefault(words, typ)
    for name in [*kb.get("country_names", {}), *kb.get("capitals", {})]:
        entries.setdefault(tuple(name.split()), "LOC")
    try:
        with resources.files("marsad.places").joinpath("data/gazetteer.json.gz").open("rb") as fh:
            places = json.loads(gzip.decompress(fh.read()).decode("utf-8"))
    except (FileNotFoundError, ModuleNotFoundError):
        places = {}
    skip = set(places.get("common", ())) | set(places.get("ambiguous", ()))
    for name in places.get("names", {}):
        if name not in skip:
            entries.setdefault(tuple(name.split()), "LOC")
    return entries


def write_phrases(path: Path, entries: dict[tuple[str, ...], str]) -> None:
    path.write_text("".join(" ".join(k) + "\t" + v + "\n" for k, v in sorted(entries.items())), "utf-8")


def index_phrases(entries: dict[tuple[str, ...], str]) -> dict[str, tuple[tuple[tuple[str, ...], str], ...]]:
    """(words) → type, as the first word → ((following words), type) index, longest first."""
    out: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for words, typ in entries.items():
        out.setdefault(words[0], []).append((words[1:], typ))
    return {k: tuple(sorted(v, key=lambda e: -len(e[0]))) for k, v in out.items()}


def load_phrases(path: Path) -> dict[tuple[str, ...], str]:
    out: dict[tuple[str, ...], str] = {}
    if path.exists():
        for line in path.read_text("utf-8").splitlines():
            name, _, typ = line.rpartition("\t")
            if name:
                out[tuple(name.split())] = typ
    return out


def shape(word: str) -> str:
    c = word[0]
    if c.isdigit():
        return "D"
    if not c.isalpha():
        return "P" + c
    if "\u0600" <= c <= "\u06ff":
        return "A"
    if c.isascii():
        return "Lu" if c.isupper() else "L"
    return "X"


def freq_bucket(n: int) -> str:
    return str(min(int(math.log2(n + 1)), 12))


def window_tags(out: list[list[str]], name: str, tags: list[str | None]) -> None:
    """Give each list tag to its token and to its ±1 neighbours as CRF features (``-1:gz=I-ORG``)."""
    n = len(out)
    for j, t in enumerate(tags):
        if t is None:
            continue
        for r in (-1, 0, 1):
            if 0 <= j - r < n:
                out[j - r].append(f"{r}:{name}={t}")


class Featurizer:
    """Word type → five feature lists (as seen from offsets -2..+2)."""

    def __init__(self, clusters: dict[str, tuple[str, ...]] | None = None, use_gazetteer: bool = True,
                 pairs: bool = False, ngrams: bool = False, phrases: bool = True, cues: bool = True,
                 train_names: bool = True, wide: bool = False, topic: bool = False):
        self.pairs = pairs
        self.silver: dict[str, tuple[str, ...]] = {}
        self.vectors: tuple[dict[str, int], object] | None = None
        self.ngrams = ngrams
        self.clusters = clusters or {}
        self.gaz = gazetteer() if use_gazetteer else {}
        self.vocab = vocabulary()
        self._cache: dict[tuple[str, str, str], tuple[list[str], ...]] = {}
        self.phrases = phrase_gazetteer() if phrases else {}
        self.cues = cues
        self.wide = wide
        self.topic = topic  # sentence-topic features (``topic_feats``)
        # names seen in training (``phrases.tsv``, see ``train.entity_phrases``); None: not used
        self.tphrases: dict | None = {} if train_names else None
        self.sphrases: dict = {}  # multi-word names found in the news (``silver_phrases.tsv``)
        # knowledge features (fourth round): Western name spellings (``western.tsv``: key →
        # given-name and surname score buckets), the foreign-word character model
        # (``foreign.tsv.gz``, see ``foreign.py``), organisation patterns (``pattern_feats``)
        self.western: dict[str, tuple[int, int]] = {}
        self.foreign: dict[str, float] = {}
        self.orgpat = False
        self.western_max = 0  # > 0: Western spellings only for words seen fewer times in the news
        self.foreign_max = 0  # > 0: the foreign score only for words seen fewer times in the news
        self.foreign_ctx = True  # the foreign score also as a ±1 neighbour feature
        self._kind: dict[tuple[str, str, str], str] = {}

    def _gaz_tags(self, norm: str, prefix: str, stem: str) -> set[str]:
        tags: set[str] = set()
        gaz = self.gaz
        if not gaz:
            return tags
        for key in {norm, stem, "ال" + stem if prefix.endswith("ال") or prefix.endswith("لل") else stem}:
            tags.update(gaz.get(key, ()))
        if not prefix and len(norm) >= 4 and norm[0] in ONE_LETTER and not tags:
            # a one-letter proclitic the segmenter kept attached (لداعش): the remainder's tags
            for t in gaz.get(norm[1:], ()):
                tags.add("1" + t)
        return tags

    def base(self, norm: str, prefix: str, stem: str) -> tuple[list[str], ...]:
        """Cached ``compute`` (training)."""
        key = (norm, prefix, stem)
        hit = self._cache.get(key)
        if hit is None:
            if len(self._cache) > 300_000:
                self._cache.clear()
            hit = self._cache[key] = self.compute(norm, prefix, stem)
        return hit

    def compute(self, norm: str, prefix: str, stem: str) -> tuple[list[str], ...]:
        """The feature lists of a word type as seen from offsets -2..+2 (offset-prefixed)."""
        ctx2, ctx1, own = self.raw(norm, prefix, stem)
        out = (ctx2, ctx1, own, ctx1, ctx2)
        return tuple([f"{r}:{f}" for f in feats] for r, feats in zip(OFFSETS, out, strict=True))

    def raw(self, norm: str, prefix: str, stem: str) -> tuple[list[str], list[str], list[str]]:
        """Unprefixed features of a word type: as a ±2 neighbour, as a ±1 neighbour, its own."""
        sh = shape(norm)
        own = [f"w={norm}", f"sh={sh}"]
        ctx1 = [f"w={norm}", f"sh={sh}"]
        ctx2 = [f"s={stem}", f"w={norm}"] if self.wide else [f"s={stem}"]
        if sh == "A":
            own += [f"s={stem}", f"p={prefix}", f"s2={stem[:2]}", f"s3={stem[:3]}",
                    f"x1={stem[-1:]}", f"x2={stem[-2:]}", f"x3={stem[-3:]}", f"n={min(len(stem), 9)}",
                    f"s4={stem[:4]}", f"x4={stem[-4:]}",
                    f"f={freq_bucket(self.vocab.get(stem, 0))}", f"fw={freq_bucket(self.vocab.get(norm, 0))}"]
            ctx1 += [f"s={stem}", f"p={prefix}"]
            if self.ngrams:
                own += [f"g3={stem[k:k + 3]}" for k in range(1, len(stem) - 3)]
            cl = self.clusters.get(stem)
            if cl is None and not prefix and len(norm) >= 4 and norm[0] in ONE_LETTER:
                cl = self.clusters.get(norm[1:])
            if cl is not None:
                own += [f"c{i}={c}" for i, c in enumerate(cl)]
                ctx1 += [f"c{i}={c}" for i, c in enumerate(cl)]
                ctx2.append(f"c1={cl[1]}")
            else:
                own.append("c=none")
            for t in self.silver.get(stem, ()):
                own.append("sl=" + t)
                ctx1.append("sl=" + t)
            if self.western and (not self.western_max or self.vocab.get(stem, 0) < self.western_max):
                w = self.western.get(stem) or (self.western.get(norm) if norm != stem and not prefix else None)
                if w:
                    for name, b in (("wg", w[0]), ("ws", w[1])):
                        if b:
                            own.append(f"{name}={b}")
                            ctx1.append(f"{name}={b}")
            if self.foreign and len(stem) >= 3 and (not self.foreign_max or self.vocab.get(stem, 0) < self.foreign_max):
                b = self._foreign_bucket(stem)
                own.append(f"fx={b}")
                if self.foreign_ctx:
                    ctx1.append(f"fx={b}")
            for t in self._gaz_tags(norm, prefix, stem):
                own.append("g=" + t)
                ctx1.append("g=" + t)
                ctx2.append("g=" + t)
            if self.cues:
                key = _key(norm, prefix, stem)
                cue = ("title" if key in _titles() else "org" if stem in ORG_HEADS
                       else "say" if stem in SAY_VERBS else "")
                if cue:
                    ctx1.append("q=" + cue)
                    ctx2.append("q=" + cue)
                if len(stem) >= 4 and stem.endswith(("ي", "يه", "يون", "يين")):
                    ctx1.append("q=nisba")
        elif sh == "D":
            own = [f"sh={sh}", f"n={min(len(norm), 5)}"]
            ctx1 = [f"sh={sh}"]
            ctx2 = [f"sh={sh}"]
        return ctx2, ctx1, own

    def phrase_feats(self, words: list[tuple[str, str, str]]) -> list[list[str]] | None:
        """Per token, the BIO position of a known multi-word name (longest match, left to right)
        covering it and its neighbours: ``0:gz=B-ORG``, ``-1:gz=I-ORG``... None when nothing matched."""
        keys = [_key(*w) for w in words]
        out: list[list[str]] | None = None
        for phrases, name in ((self.phrases, "gz"), (self.tphrases, "gt"), (self.sphrases, "gs")):
            if phrases:
                out = self._match(words, keys, phrases, name, out)
        if self.topic:
            out = self.topic_feats(words, out)
        if self.orgpat:
            out = self.pattern_feats(words, out)
        return out

    def word_kind(self, w: tuple[str, str, str]) -> str:
        """``L`` a place (gazetteer), ``N`` a place nisba (الفاسي، البيضاوي، الإيطالي), ``H`` an
        organisation head of ``NAME_HEADS``, ``W`` name-like (rare in the news, or foreign-looking,
        or a Western name spelling), ``""`` otherwise. Cached per word type."""
        kind = self._kind.get(w)
        if kind is None:
            norm, prefix, stem = w
            tags = self._gaz_tags(norm, prefix, stem) if shape(norm) == "A" else set()
            s = stem[2:] if stem.startswith("ال") else stem
            if shape(norm) != "A":
                kind = ""
            elif ("LC" in tags or "LT" in tags) and self.vocab.get(norm, 0) < 2000:
                kind = "L"
            elif self._place_nisba(s):
                kind = "N"
            elif s in NAME_HEADS:
                kind = "H"
            elif (max(self.vocab.get(stem, 0), self.vocab.get("ال" + stem, 0)) < 100 and len(stem) >= 3) or stem in self.western \
                    or (self.foreign and len(stem) >= 3 and self._foreign_bucket(stem) >= 4):
                kind = "W"
            else:
                kind = ""
            if len(self._kind) > 300_000:
                self._kind.clear()
            self._kind[w] = kind
        return kind

    def _foreign_bucket(self, stem: str) -> int:
        from marsad.entities.foreign import bucket

        return bucket(self.foreign, stem)

    def _place_nisba(self, s: str) -> bool:
        """Whether a word (article off) is the nisba of a gazetteer place: فاسي ← فاس,
        ايطالي ← ايطاليا, مغربي ← المغرب, بيضاوي ← البيضاء (feminine ـيه too)."""
        if s.endswith("يه"):
            s = s[:-1]
        if len(s) < 4 or not s.endswith("ي"):
            return False
        b = s[:-1]
        cands = [b, b + "ا", b + "يا", b + "ه"]  # ... وجدي ← وجده
        if b.endswith("او"):  # بيضاوي ← البيضاء, حيفاوي ← حيفا
            cands += [b[:-2] + "اء", b[:-2] + "ا"]
        gaz = self.gaz
        return any(t in ("LC", "LT") for c in cands for k in (c, "ال" + c) for t in gaz.get(k, ()))

    def pattern_feats(self, words: list[tuple[str, str, str]], out: list[list[str]] | None) -> list[list[str]] | None:
        """Organisation shapes over two tokens: a word that is not a place followed by a place
        nisba (الوداد البيضاوي: ``0:op=xn`` on the first, ``cn`` when it is a common word, ``0:op=nx``
        on the nisba); a name-like
        word after a head of ``NAME_HEADS`` (نادي/شركة X: ``0:op=hx``); a name-like word followed by
        a place (حسنية أكادير، أياكس أمستردام: ``0:op=xl`` / ``0:op=lx``); a word followed by a
        country in brackets (بوردو ( فرنسا ): ``0:op=xc``)."""
        kinds = [self.word_kind(w) for w in words]
        n = len(words)
        for i in range(n - 1):
            a, b = kinds[i], kinds[i + 1]
            pair = ("xn" if a == "W" else "cn", "nx") if b == "N" and a in ("W", "") and shape(words[i][0]) == "A" \
                else ("", "hx") if a == "H" and b == "W" \
                else ("xl", "lx") if a == "W" and b == "L" else None
            if pair is None and i + 3 < n and words[i + 1][0] == "(" and words[i + 3][0] == ")" \
                    and shape(words[i][0]) == "A" and "LC" in self._gaz_tags(*words[i + 2]):
                pair = ("xc", "")  # a team or company with its country in brackets: بوردو ( فرنسا )
            if pair is None:
                continue
            if out is None:
                out = [[] for _ in words]
            if pair[0]:
                out[i].append("0:op=" + pair[0])
            if pair[1]:
                out[i + 1].append("0:op=" + pair[1])
        return out

    def topic_feats(self, words: list[tuple[str, str, str]], out: list[list[str]] | None) -> list[list[str]] | None:
        """The sentence's topic (≥ 2 of its stems in one of ``TOPICS``), given to every Arabic
        word alone and joined with the word's coarse cluster (``0:T=sport|c0=17``)."""
        best, hits = "", 1
        for name, stems in TOPICS.items():
            k = sum(1 for w in words if w[2] in stems)
            if k > hits:
                best, hits = name, k
        if not best:
            return out
        if out is None:
            out = [[] for _ in words]
        for i, (norm, _, stem) in enumerate(words):
            if shape(norm) == "A":
                cl = self.clusters.get(stem)
                out[i].append(f"0:T={best}")
                out[i].append(f"0:T={best}|c0={cl[0] if cl else 'none'}")
        return out

    @staticmethod
    def _match(words, keys, phrases, name, out):
        n = len(words)
        tags: list[str | None] = [None] * n
        i = 0
        found = False
        while i < n:
            cands = phrases.get(keys[i])
            hit, typ = 0, ""
            for rest, t in cands or ():
                m = len(rest)
                if i + m < n and all(words[i + 1 + k][0] == rest[k] for k in range(m)):
                    hit, typ = m + 1, t
                    break
            if hit:
                found = True
                tags[i] = "B-" + typ
                for k in range(i + 1, i + hit):
                    tags[k] = "I-" + typ
                i += hit
            else:
                i += 1
        if not found:
            return out
        if out is None:
            out = [[] for _ in range(n)]
        window_tags(out, name, tags)
        return out

    def pair(self, a: tuple[str, str, str], b: tuple[str, str, str]) -> list[str]:
        """Features of two adjacent tokens, given to the second (stem and cluster bigrams)."""
        if not self.pairs:
            return []
        ca, cb = self.clusters.get(a[2]), self.clusters.get(b[2])
        out = [f"b={a[2]}|{b[2]}"]
        out.append(f"cb={ca[1] if ca else a[2] if len(a[2]) < 3 else '?'}|{cb[1] if cb else '?'}")
        return out

    def vector(self, key: tuple[str, str, str]):
        """The word's embedding (scaled), or None."""
        if self.vectors is None:
            return None
        norm, prefix, stem = key
        i = self.vectors[0].get(stem)
        if i is None and not prefix and len(norm) >= 4 and norm[0] in ONE_LETTER:
            i = self.vectors[0].get(norm[1:])
        return None if i is None else self.vectors[1][i]

    def sequence_dicts(self, words: list[tuple[str, str, str]]) -> list[dict[str, float]]:
        """Like ``sequence`` with the embedding dimensions as real-valued features."""
        out = [dict.fromkeys(f, 1.0) for f in self.sequence(words)]
        if self.vectors is None:
            return out
        vecs = [self.vector(w) for w in words]
        n = len(words)
        for i in range(n):
            for r in EMB_OFFSETS:
                j = i + r
                if 0 <= j < n and vecs[j] is not None:
                    out[i].update({f"{r}:e{k}": float(v) for k, v in enumerate(vecs[j])})
        return out

    def sequence(self, words: list[tuple[str, str, str]]) -> list[list[str]]:
        """Feature lists of a token sequence (for training), words as (norm, prefix, stem)."""
        bases = [self.base(*w) for w in words]
        n = len(words)
        out: list[list[str]] = []
        extra = self.phrase_feats(words)
        for i in range(n):
            feats: list[str] = ["bias"]
            if extra is not None:
                feats.extend(extra[i])
            if i:
                feats.extend(self.pair(words[i - 1], words[i]))
            for k, r in enumerate(OFFSETS):
                j = i + r
                if 0 <= j < n:
                    feats.extend(bases[j][k])
                elif r in (-1, 1):
                    feats.append(f"{r}:{'BOS' if j < 0 else 'EOS'}")
            out.append(feats)
        return out


def doc_types(sentences: list[list[tuple[str, str, str]]], labels: list[list[str]]) -> list[dict[str, set[str]]]:
    """Per sentence of a document: stem → the entity types a first CRF gave that stem in the
    document's *other* sentences (the document-level evidence of ``stack_feats``' ``yd=``)."""
    from collections import Counter

    per = []
    total: Counter[tuple[str, str]] = Counter()
    for words, labs in zip(sentences, labels, strict=True):
        c = Counter((w[2], lb[2:]) for w, lb in zip(words, labs, strict=True)
                    if lb != "O" and len(w[2]) >= 2 and w[0][:1].isalpha())
        per.append(c)
        total.update(c)
    out = []
    for c in per:
        d: dict[str, set[str]] = {}
        for (stem, t), k in total.items():
            if k > c.get((stem, t), 0):
                d.setdefault(stem, set()).add(t)
        out.append(d)
    return out


def stack_feats(words: list[tuple[str, str, str]], labels: list[str],
                conf: list[float] | None = None, doc: dict[str, set[str]] | None = None) -> list[list[str]]:
    """Second-pass (stacked) features from a first CRF's labels over the sentence: the labels
    at offsets -2..+2 (``y-1=B-PER``), the previous/own label pair, the first pass's confidence
    in its own label (``yc=B-PER:3``, quintiles of the marginal) and, for a word whose stem
    occurs elsewhere in the sentence, the types given to those other occurrences (``ys=ORG``)."""
    n = len(words)
    lab = ["BOS", "BOS", *labels, "EOS", "EOS"]
    types: dict[str, list[tuple[int, str]]] = {}
    for i, (w, lb) in enumerate(zip(words, labels, strict=True)):
        if lb != "O" and len(w[2]) >= 2 and w[0][:1].isalpha():
            types.setdefault(w[2], []).append((i, lb[2:]))
    out: list[list[str]] = []
    for i in range(n):
        feats = [f"y{r}={lab[i + 2 + r]}" for r in OFFSETS]
        feats.append(f"y-1|0={lab[i + 1]}|{lab[i + 2]}")
        if conf is not None:
            feats.append(f"yc={labels[i]}:{min(4, int(conf[i] * 5))}")
        seen = {t for j, t in types.get(words[i][2], ()) if j != i}
        feats.extend(f"ys={t}" for t in sorted(seen))
        if doc:
            feats.extend(f"yd={t}" for t in sorted(doc.get(words[i][2], ())))
        out.append(feats)
    return out
