"""The Document: original text plus every annotation as character spans into it.

Offsets are Python string indices into ``Document.text`` exactly as given (a leading BOM
removed). Stages may work on the normalised text (``doc.norm``) but every span they add is
mapped back through ``doc.to_orig`` so that ``doc.text[span.start:span.end]`` is the surface.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any


@dataclass(slots=True)
class Token:
    """A whitespace/punctuation token with its proclitics identified.

    ``start``/``end`` cover the whole surface word in the original text; ``stem_start`` is
    where the word remains after the proclitics (و ف ب ل ك) and the article ال are split off.
    ``norm`` is the normalised surface, ``prefix`` the normalised proclitic string (e.g.
    "وبال"), ``stem`` the normalised remainder.
    """

    start: int
    end: int
    norm: str
    prefix: str = ""
    stem: str = ""
    stem_start: int = -1
    sent: int = 0
    is_word: bool = True

    def __post_init__(self) -> None:
        if not self.stem:
            self.stem = self.norm
        if self.stem_start < 0:
            self.stem_start = self.start

    @property
    def has_article(self) -> bool:
        return self.prefix.endswith("ال") or self.prefix.endswith("لل")


@dataclass(slots=True)
class Span:
    """A sentence or any unlabelled stretch of text."""

    start: int
    end: int


@dataclass(slots=True)
class Entity:
    start: int
    end: int
    label: str  # PER | ORG | LOC | MISC
    score: float = 1.0
    canonical: str | None = None
    actor_id: str | None = None
    source: str = "model"  # model | gazetteer | rule


@dataclass(slots=True)
class Timex:
    start: int
    end: int
    value: str  # TIMEX3 style: 2017-11-03 | 2017-11 | 2017 | 2017-W44 | 2017-Q3 | 2017-H1 | 2014-SU | 198
    granularity: str  # day | week | month | season | quarter | half | year | decade | range
    kind: str = "date"  # date | range | duration
    end_value: str | None = None  # last day of a range
    calendar: str = "gregorian"
    relative: bool = False


@dataclass(slots=True)
class Place:
    start: int
    end: int
    name: str
    lat: float
    lon: float
    country: str | None  # ISO 3166-1 alpha-2
    admin1: str | None = None
    feature: str = "populated place"
    geonames_id: int | None = None
    precision: int = 1  # ACLED geo_precision 1-3
    place_id: str | None = None
    score: float = 1.0


@dataclass(slots=True)
class ActorMention:
    start: int
    end: int
    actor_id: str
    name: str  # canonical English name
    type: str  # government, military, police, rebel group, ...
    country: str | None = None
    inter: int | None = None  # ACLED inter code
    generic: bool = False  # a reference that names no one ("التنظيم")
    link: str = "alias"  # alias | composite | title | short | generic | romanized


@dataclass(slots=True)
class ArgRef:
    """An event argument: a name and the span that backs it (None when inferred)."""

    name: str
    start: int | None = None
    end: int | None = None
    actor_id: str | None = None
    inter: int | None = None
    country: str | None = None


@dataclass(slots=True)
class Event:
    event_type: str
    sub_event_type: str
    trigger: Span
    evidence: Span
    actor1: ArgRef | None = None
    actor2: ArgRef | None = None
    place: Place | None = None
    date: str | None = None
    time_precision: int = 3
    fatalities: int = 0
    confidence: float = 0.5
    modality: str = "asserted"  # asserted | denied | threatened | planned | expected | conditional
    background: bool = False
    plover: str | None = None
    notes: str = ""
    mentions: list[Span] = field(default_factory=list)


@dataclass(slots=True)
class Quote:
    start: int
    end: int
    direct: bool
    cue: str
    cue_span: Span | None = None
    speaker: ArgRef | None = None


@dataclass
class Document:
    text: str
    id: str | None = None
    published: dt.date | None = None
    published_inferred: bool = False
    title: str | None = None
    url: str | None = None
    source: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)

    # filled by the stages
    norm: str = ""
    norm_to_orig: list[int] = field(default_factory=list, repr=False)
    sentences: list[Span] = field(default_factory=list)
    tokens: list[Token] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    timexes: list[Timex] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    actors: list[ActorMention] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    errors: dict[str, str] = field(default_factory=dict)
    done: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        if self.text.startswith("\ufeff"):
            self.text = self.text[1:]

    # -- offsets -------------------------------------------------------------
    def to_orig(self, norm_start: int, norm_end: int) -> tuple[int, int]:
        """Map a half-open span of ``norm`` to the original text."""
        if norm_end <= norm_start:
            pos = self.norm_to_orig[norm_start] if norm_start < len(self.norm_to_orig) else len(self.text)
            return pos, pos
        end = self.norm_to_orig[norm_end - 1] + 1
        # a word's trailing diacritics and tatweel belong to it, though normalisation drops them
        text = self.text
        while end < len(text) and ("\u064b" <= text[end] <= "\u065f" or text[end] in "\u0670\u0640"):
            end += 1
        return self.norm_to_orig[norm_start], end

    def span_text(self, start: int, end: int) -> str:
        return self.text[start:end]

    def sentence_of(self, offset: int) -> int:
        """Index of the sentence holding an original offset (binary search)."""
        lo, hi = 0, len(self.sentences) - 1
        while lo <= hi:
            mid = (lo + hi) // 2
            s = self.sentences[mid]
            if offset < s.start:
                hi = mid - 1
            elif offset >= s.end:
                lo = mid + 1
            else:
                return mid
        return max(0, min(lo, len(self.sentences) - 1))

    def to_dict(self) -> dict[str, Any]:
        from marsad.serialize import document_to_dict

        return document_to_dict(self)
