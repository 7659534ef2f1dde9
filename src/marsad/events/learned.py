"""The learned step of the events stage: a place chooser and an event filter.

After the rules have found, typed, placed, dated and merged an article's events, two small
logistic models (weights in ``model/events_model.json``, trained by
``scripts/train_event_model.py`` on the events gold sets, see ``docs/events_learned.md``):

- the PLACE CHOOSER scores each reportable event's candidate places (the places of the
  trigger's sentence, of the two sentences before, of its other mentions' sentences, of the
  lead, the article's most frequent place, the rules' choice) on general features — distance
  and direction to the trigger, clause, the word before the place, a source's or speaker's
  phrase, feature class, how often the article names it, containment, whether the rules chose
  it — and the best candidate becomes the event's place (its own Span: the mention's offsets);
- the EVENT FILTER estimates p(this reportable event is one an ACLED coder records) from the
  event's type, modality cues, date source, mentions, toll, actors, place and position; an
  event under the threshold keeps everything but its confidence drops below the report
  threshold (it stays in ``doc.events``, not in the ACLED view).

No text, no place name and no word of any particular article is a feature. Run time is numpy
dot products over a few dozen numbers per event. ``MARSAD_EVENTS_MODEL=off`` disables both
(the rules alone); ``MARSAD_EVENTS_MODEL=path/to/model.json`` runs that model file instead of the
shipped one. Without a model file the step is a no-op.
"""

from __future__ import annotations

import functools
import json
import math
import os
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from marsad.document import Document, Event, Place
from marsad.events.arguments import (
    COMPASS,
    DIRECTION_WORDS,
    PLACE_GENERICS,
    SOURCE_NOUNS,
    Arguments,
    is_country,
)
from marsad.events.context import CLAUSE_PUNCT, CLAUSE_WORDS
from marsad.events.lexicon import speech_cues
from marsad.events.modality import ASSERTED

MODEL_PATH = Path(__file__).parent / "model" / "events_model.json"
CANDIDATE_PATH = MODEL_PATH.with_name("candidate_events_model.json")  # trained, not shipped
ENV = "MARSAD_EVENTS_MODEL"
NEVER = 1e8  # a margin at or above this: the chooser never replaces the rules' place
FAR = 30  # words: a place further than this from the trigger (or in another sentence) is "far"
NEAR_WORDS = frozenset({"قرب", "بالقرب", "محيط", "ضواحي", "اطراف", "مشارف", "بمحيط", "بضواحي", "باطراف"})
IN_WORDS = frozenset({"في", "داخل", "وسط", "بوسط", "بداخل"})
# «قال مصدر في عدن إن …»: what is said begins a clause of its own
THAT_WORDS = frozenset({"ان", "انه", "بان", "وان", "لان"})
FROM_WORDS = frozenset({"من", "عن", "منذ"})
EVENT_TYPES = ("Battles", "Explosions/Remote violence", "Violence against civilians", "Protests", "Riots",
               "Strategic developments")
TERRITORY = frozenset({"Government regains territory", "Non-state actor overtakes territory",
                       "Non-violent transfer of territory"})
WEAK = frozenset({"Abduction/forced disappearance", "Attack", "Looting/property destruction",
                  "Change to group/activity", "Disrupted weapons use", "Arrests", "Other"})

PLACE_FEATURES = (
    "rules", "in_sent", "in_prev", "in_mention_sent", "in_lead", "most_frequent", "log_count", "dist", "after",
    "same_clause", "trigger_between", "prep_in", "prep_near", "compass_before", "prep_from", "direction",
    "speaker", "dateline", "not_event", "reference_point", "country", "admin1", "district", "capital", "town",
    "precision", "contains", "contained", "same_country", "score",
)
EVENT_FEATURES = (
    *(f"type={t}" for t in EVENT_TYPES), "territory", "weak_sub", "confidence", "definite_trigger", "log_mentions",
    "fatal", "log_fatalities", "actor1", "actor2", "own_day", "date_is_pub", "days_before", "precision_time",
    "sent_pos", "lead_sent", "other_triggers", "log_events", "same_type_events", "in_quote",
    "trigger_noun", "trigger_weight", "trigger_generic", "twin_other_type", "twin_weaker", "foreign_place",
    "place_in_sent", "place_precision", "place_admin", "place_score_model", "place_changed",
)


def enabled() -> bool:
    """Is the learned step on (``MARSAD_EVENTS_MODEL`` unset, or anything but off/0/false/no)?"""
    return os.environ.get(ENV, "").strip().lower() not in ("off", "0", "false", "no")


def model_path() -> Path:
    """The model file: ``MARSAD_EVENTS_MODEL`` when it names a .json file (e.g. the trained but
    unshipped ``model/candidate_events_model.json``, for a check on new gold), else the shipped one."""
    value = os.environ.get(ENV, "").strip()
    return Path(value) if value.endswith(".json") else MODEL_PATH


@dataclass(frozen=True)
class Model:
    place_w: np.ndarray  # weights over standardised place features (+ bias last)
    place_mu: np.ndarray
    place_sd: np.ndarray
    event_w: np.ndarray
    event_mu: np.ndarray
    event_sd: np.ndarray
    threshold: float
    margin: float  # the score a candidate must beat the rules' own place by to replace it

    @classmethod
    def from_dict(cls, d: dict) -> Model:
        if tuple(d["place"]["features"]) != PLACE_FEATURES or tuple(d["event"]["features"]) != EVENT_FEATURES:
            raise ValueError(f"{MODEL_PATH.name}: its feature lists differ from the code's (retrain the model)")

        def arr(x: list[float]) -> np.ndarray:
            return np.asarray(x, dtype=np.float64)

        return cls(arr(d["place"]["weights"]), arr(d["place"]["mean"]), arr(d["place"]["std"]),
                   arr(d["event"]["weights"]), arr(d["event"]["mean"]), arr(d["event"]["std"]),
                   float(d["event"]["threshold"]), float(d["place"]["margin"]))

    def place_scores(self, x: np.ndarray) -> np.ndarray:
        return ((x - self.place_mu) / self.place_sd) @ self.place_w[:-1] + self.place_w[-1]

    def event_prob(self, x: np.ndarray) -> float:
        z = float(((x - self.event_mu) / self.event_sd) @ self.event_w[:-1] + self.event_w[-1])
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


@functools.cache
def load_model(path: Path = MODEL_PATH) -> Model | None:
    """The model of that file (the shipped one by default), or None when the file is missing (the
    rules alone then)."""
    if not path.exists():
        return None
    return Model.from_dict(json.loads(path.read_text("utf-8")))


def place_key(p: Place) -> tuple:
    return (p.geonames_id,) if p.geonames_id else (p.place_id,) if p.place_id else (p.name, round(p.lat, 2),
                                                                                      round(p.lon, 2))


def _km(a: Place, b: Place) -> float:
    p1, p2 = math.radians(a.lat), math.radians(b.lat)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(b.lon - a.lon) / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def _bare(w: str) -> str:
    return w[1:] if len(w) > 3 and w[0] in "وف" else w


@dataclass
class Candidate:
    place: Place  # the mention standing for the candidate (or the rules' own Place)
    x: list[float]
    rules: bool


class Context:
    """What the features read from one document, computed once per article."""

    def __init__(self, doc: Document, finder: Arguments):
        self.doc = doc
        self.finder = finder
        self.view = finder.view
        self.places = sorted(doc.places, key=lambda p: p.start)
        self.count: dict[tuple, int] = {}
        self.first: dict[tuple, Place] = {}
        for p in self.places:
            k = place_key(p)
            self.count[k] = self.count.get(k, 0) + 1
            self.first.setdefault(k, p)
        # the article's most frequent place below country level (the earliest named on a tie)
        below = [(c, -self.first[k].start, k) for k, c in self.count.items() if not is_country(self.first[k])]
        self.top = max(below)[2] if below else None
        self.by_sent = finder.places_by_sent
        self.speech = speech_cues()[0]
        self.trigger_starts = finder.trigger_starts
        self.trigger_set = set(finder.trigger_starts)
        self.quotes = self._quoted()
        toks = doc.tokens
        self.hit_at = {toks[h.i].stem_start: h for h in self.view.hits}
        countries: dict[str, int] = {}
        for p in self.places:
            if p.country:
                countries[p.country] = countries.get(p.country, 0) + 1
        self.main_country = max(sorted(countries), key=lambda c: countries[c]) if countries else None
        self.n_sent = max(1, len(doc.sentences))

    def _quoted(self) -> list[tuple[int, int]]:
        """Stretches between quotation marks (a quote can tell a speaker's claim)."""
        out: list[tuple[int, int]] = []
        text = self.doc.text
        for o, c in (("«", "»"), ("“", "”"), ('"', '"')):
            i = text.find(o)
            while i >= 0:
                j = text.find(c, i + 1)
                if j < 0:
                    break
                if j - i < 600:
                    out.append((i, j))
                i = text.find(o, j + 1)
        return out

    def tok(self, offset: int) -> int:
        return self.view.token_at(offset)


def _words_between(toks, a: int, b: int) -> tuple[int, bool]:
    """(words between token indices a < b, whether a clause boundary lies between)."""
    words, boundary = 0, False
    for t in toks[a + 1:b]:
        if t.is_word:
            words += 1
            if t.norm in CLAUSE_WORDS or t.norm in THAT_WORDS:
                boundary = True
        elif t.norm in CLAUSE_PUNCT or t.norm in (".", "؟", "!"):
            boundary = True
    return words, boundary


def _place_x(ctx: Context, ev: Event, p: Place, sources: set[str], rules_place: Place | None,
             others: list[Place]) -> list[float]:
    doc, finder = ctx.doc, ctx.finder
    toks = doc.tokens
    k = ctx.tok(p.start)
    ti = ctx.tok(ev.trigger.start)
    in_sent = "sent" in sources
    dist, after, same_clause, between = FAR, 0.0, 0.0, 0.0
    if in_sent and k < len(toks) and ti < len(toks):
        lo, hi = (ti, k) if k > ti else (k, ti)
        words, boundary = _words_between(toks, lo, hi)
        dist = min(FAR, words)
        after = 1.0 if k > ti else 0.0
        same_clause = 0.0 if boundary else 1.0
        a, b = (ev.trigger.end, p.start) if k > ti else (p.end, ev.trigger.start)
        between = 1.0 if any(a < s < b for s in ctx.trigger_starts) else 0.0
    # the words before the mention (through one generic place noun: «في مدينة X»)
    prev = [toks[m] for m in range(max(0, k - 3), k) if toks[m].sent == toks[k].sent] if k < len(toks) else []
    glued = toks[k].prefix.lstrip("وف") if k < len(toks) else ""
    words_before = [_bare(t.norm) for t in prev if t.is_word]
    if words_before and (words_before[-1] in PLACE_GENERICS or toks[k - 1].stem in PLACE_GENERICS):
        glued = glued or toks[k - 1].prefix.lstrip("وف")
        words_before = words_before[:-1]
    last = words_before[-1] if words_before else ""
    prep_in = 1.0 if last in IN_WORDS or glued.startswith("ب") else 0.0
    prep_near = 1.0 if last in NEAR_WORDS or any(w in NEAR_WORDS for w in words_before[-2:]) else 0.0
    compass = 1.0 if any(w in COMPASS for w in words_before[-2:]) else 0.0
    prep_from = 1.0 if last in FROM_WORDS else 0.0
    direction = 1.0 if last in DIRECTION_WORDS or finder.after_direction(p) else 0.0
    speaker = 1.0 if finder.speaker_place(p) else 0.0
    if not speaker and k < len(toks):
        # a source or a speech verb within four words before it, no trigger between
        sa = finder.view.sent_ranges[toks[k].sent][0]
        for m in range(k - 1, max(sa, k - 5) - 1, -1):
            t = toks[m]
            if t.start in ctx.trigger_set or t.stem_start in ctx.trigger_set:
                break
            w = _bare(t.norm)
            if t.stem in SOURCE_NOUNS or w in SOURCE_NOUNS or w in ctx.speech:
                speaker = 1.0
                break
    feature = (p.feature or "").lower()
    country = 1.0 if is_country(p) else 0.0
    admin1 = 1.0 if feature.startswith("admin1") else 0.0
    district = 1.0 if feature.startswith("admin") and not admin1 else 0.0
    capital = 1.0 if "capital" in feature else 0.0
    town = 1.0 if not (country or admin1 or district) else 0.0
    contains = contained = 0.0
    for q in others:
        if q is p or place_key(q) == place_key(p):
            continue
        if admin1 and not is_country(q) and (q.admin1 == (p.admin1 or p.name)) and not feature == (q.feature or ""):
            contains = 1.0
        if not country and not admin1 and (q.feature or "").lower().startswith("admin1") and p.admin1 \
                and p.admin1 == (q.admin1 or q.name):
            contained = 1.0
        if not country and is_country(q) and q.country == p.country:
            contained = 1.0
    is_rules = 1.0 if rules_place is not None and (place_key(rules_place) == place_key(p)
                                                   or _km(rules_place, p) < 1.0) else 0.0
    same_country = 1.0 if rules_place is None or rules_place.country == p.country else 0.0
    count = ctx.count.get(place_key(p), 1)
    return [
        is_rules, 1.0 if in_sent else 0.0, 1.0 if "prev" in sources else 0.0,
        1.0 if "mention" in sources else 0.0, 1.0 if "lead" in sources else 0.0,
        1.0 if ctx.top is not None and place_key(p) == ctx.top else 0.0, math.log1p(count), dist / FAR, after,
        same_clause, between, prep_in, prep_near, compass, prep_from, direction, speaker,
        1.0 if finder.dateline(p) else 0.0, 1.0 if finder.not_event_place(p) else 0.0,
        1.0 if finder.reference_point(p) else 0.0, country, admin1, district, capital, town,
        p.precision / 3.0, contains, contained, same_country, math.log1p(max(0.0, float(p.score))),
    ]


def candidates(ctx: Context, ev: Event, only_rules: bool = False) -> list[Candidate]:
    """The event's candidate places, one per location (the mention nearest its trigger);
    ``only_rules``: the rules' own place alone (when the chooser may not replace it)."""
    doc = ctx.doc
    sent = doc.sentence_of(ev.trigger.start)
    found: dict[tuple, tuple[Place, set[str]]] = {}

    def add(ps: list[Place], source: str) -> None:
        for p in ps:
            key = place_key(p)
            if key in found:
                found[key][1].add(source)
                if source == "sent" and abs(p.start - ev.trigger.start) < abs(found[key][0].start - ev.trigger.start):
                    found[key] = (p, found[key][1])  # the mention nearest the trigger stands for it
            else:
                found[key] = (p, {source})

    add(ctx.by_sent.get(sent, []), "sent")
    for s in (sent - 1, sent - 2):
        add(ctx.by_sent.get(s, []), "prev")
    for m in ev.mentions:
        ms = doc.sentence_of(m.start)
        if ms != sent:
            add(ctx.by_sent.get(ms, []), "mention")
    add(ctx.by_sent.get(0, []), "lead")
    if ctx.top is not None:
        add([ctx.first[ctx.top]], "top")
    rules_place = ev.place
    if rules_place is not None and place_key(rules_place) in found:
        # the rules' Place (its precision as the rules set it) stands for its location
        found[place_key(rules_place)] = (rules_place, found[place_key(rules_place)][1])
    elif rules_place is not None:
        found[place_key(rules_place)] = (rules_place, {"rules"})
    places = [p for p, _ in found.values()]
    out = []
    for p, sources in found.values():
        if only_rules and p is not rules_place:
            continue
        x = _place_x(ctx, ev, p, sources, rules_place, places)
        out.append(Candidate(p, x, rules=bool(x[0])))
    return out


def _twin(ev: Event, others: list[Event]) -> tuple[float, float]:
    """(another eligible event of another type on the same day ≤ 50 km away — one event coded as
    two types?, and this one the weaker of the two: fewer mentions, or as many and lower confidence)."""
    twin = weaker = 0.0
    for o in others:
        if o is ev or o.event_type == ev.event_type or o.date != ev.date:
            continue
        if ev.place is None or o.place is None or _km(ev.place, o.place) > 50:
            continue
        twin = 1.0
        if (len(o.mentions), o.confidence) > (len(ev.mentions), ev.confidence):
            weaker = 1.0
    return twin, weaker


def event_base(ctx: Context, ev: Event, n_events: int, same_type: int, others: list[Event]) -> list[float]:
    """The features of an event (its rules' place for the twin and foreign-place tests)."""
    doc = ctx.doc
    toks = doc.tokens
    ti = ctx.tok(ev.trigger.start)
    sent = doc.sentence_of(ev.trigger.start)
    trig = toks[ti] if ti < len(toks) else None
    pub = doc.published
    days = 0
    if pub is not None and ev.date:
        try:
            days = (pub - __import__("datetime").date.fromisoformat(ev.date[:10])).days
        except ValueError:
            days = 0
    sa, sb = ctx.view.sent_ranges[sent] if sent < len(ctx.view.sent_ranges) else (0, 0)
    s_lo, s_hi = (toks[sa].start, toks[sb - 1].end) if sb > sa else (0, 0)
    n_other = sum(1 for s in ctx.trigger_starts if s_lo <= s < s_hi) - 1
    hit = ctx.hit_at.get(ev.trigger.start)
    in_quote = 1.0 if any(a < ev.trigger.start < b for a, b in ctx.quotes) else 0.0
    return [
        *(1.0 if ev.event_type == t else 0.0 for t in EVENT_TYPES),
        1.0 if ev.sub_event_type in TERRITORY else 0.0, 1.0 if ev.sub_event_type in WEAK else 0.0,
        float(ev.confidence), 1.0 if trig is not None and trig.has_article else 0.0,
        math.log1p(len(ev.mentions)), 1.0 if ev.fatalities else 0.0, math.log1p(ev.fatalities),
        1.0 if ev.actor1 is not None else 0.0, 1.0 if ev.actor2 is not None else 0.0,
        1.0 if ctx.finder.has_own_day(sent) else 0.0, 1.0 if pub is not None and ev.date == pub.isoformat() else 0.0,
        min(max(days, -1), 7) / 7.0, ev.time_precision / 3.0, sent / ctx.n_sent, 1.0 if sent == 0 else 0.0,
        min(max(n_other, 0), 4) / 4.0, math.log1p(n_events), math.log1p(same_type), in_quote,
        1.0 if hit is not None and hit.entry.pos == "N" else 0.0, hit.entry.weight if hit is not None else 0.5,
        1.0 if hit is not None and hit.entry.sub_event_type.startswith("@") else 0.0, *_twin(ev, others),
        1.0 if ev.place is not None and ctx.main_country and ev.place.country != ctx.main_country else 0.0,
    ]


def event_x(base: list[float], cand: Candidate | None, score: float, changed: bool) -> list[float]:
    """An event's features once its place is chosen (``score``: the chooser's score)."""
    if cand is None:
        return [*base, 0.0, 1.0, 0.0, -5.0, 0.0]
    x = cand.x
    return [*base, x[1], x[PLACE_FEATURES.index("precision")],
            max(x[PLACE_FEATURES.index("admin1")], x[PLACE_FEATURES.index("district")]), max(-5.0, score),
            1.0 if changed else 0.0]


def pick(scores: np.ndarray, rules: list[bool], country: list[bool], margin: float) -> int:
    """The chosen candidate: the rules' own place (below country level) unless another candidate
    below country level beats it by ``margin`` (-1: the rules gave no place)."""
    r = next((k for k, v in enumerate(rules) if v), -1)
    order = [k for k in np.argsort(-scores, kind="stable") if not country[k]]
    if not order:
        return r
    if r >= 0 and not country[r]:
        return int(order[0]) if scores[order[0]] - scores[r] > margin else r
    # an event the rules could not place below country level stays so: under leave-one-set-out,
    # placing them added about five wrong events for each right one
    return r


def eligible(ev: Event, threshold: float) -> bool:
    """The events the model looks at: those the rules would report but for their place."""
    return ev.modality == ASSERTED and not ev.background and ev.confidence >= threshold


# training hook: when a list, ``apply`` appends (doc, event, candidates, base features) for each
# eligible event before the model changes anything (scripts/train_event_model.py)
TRACE: list | None = None


def apply(doc: Document, events: list[Event], finder: Arguments, threshold: float) -> list[Event]:
    """Choose the place of each eligible event and filter them; returns the events whose place
    changed (their notes need rewriting). A failure leaves the rules' events as they were (the
    error is recorded in ``doc.errors["events.learned"]``): the learned step never costs an
    article its events."""
    try:
        return _apply(doc, events, finder, threshold)
    except Exception as exc:  # noqa: BLE001 — the rules' output stands
        doc.errors["events.learned"] = f"{type(exc).__name__}: {exc}"
        return []


def _apply(doc: Document, events: list[Event], finder: Arguments, threshold: float) -> list[Event]:
    model = load_model(model_path()) if enabled() else None
    if model is None and TRACE is None:
        return []
    todo = [e for e in events if eligible(e, threshold)]
    if not todo:
        return []
    ctx = Context(doc, finder)
    by_type: dict[str, int] = {}
    for e in todo:
        by_type[e.event_type] = by_type.get(e.event_type, 0) + 1
    moves: list[tuple[Event, Place]] = []
    rejected: list[Event] = []
    for ev in todo:  # decide everything on the rules' output first, then change it
        # a chooser that may not replace the rules' place needs only that place's features
        cands = candidates(ctx, ev, only_rules=TRACE is None and model is not None and model.margin >= NEVER)
        base = event_base(ctx, ev, len(todo), by_type[ev.event_type], todo)
        if TRACE is not None:
            TRACE.append((doc, ev, cands, base))
        if model is None:
            continue
        best, score, place = None, -5.0, ev.place
        if cands:
            scores = model.place_scores(np.asarray([c.x for c in cands], dtype=np.float64))
            b = pick(scores, [c.rules for c in cands], [is_country(c.place) for c in cands], model.margin)
            if b >= 0:
                best, score = cands[b], float(scores[b])
                if not best.rules:
                    place = best.place
                    moves.append((ev, place))
        if place is None or is_country(place):
            continue  # not reportable anyway
        p = model.event_prob(np.asarray(event_x(base, best, score, place is not ev.place), dtype=np.float64))
        if p < model.threshold:
            rejected.append(ev)
    for ev, place in moves:
        ev.place = place
    for ev in rejected:
        ev.confidence = min(ev.confidence, threshold - 0.01)
    return [ev for ev, _ in moves]

__all__ = ["EVENT_FEATURES", "PLACE_FEATURES", "Candidate", "Context", "Model", "apply", "candidates", "enabled",
           "event_base", "event_x", "load_model", "model_path", "pick"]
