"""Scoring predicted events against gold events (ACLED-style: type, place ≤ 50 km, date ± 1
day, one-to-one matching): the one matcher shared by ``benchmarks/events.py`` and the learned
model's training script (``scripts/train_event_model.py``)."""

from __future__ import annotations

import gzip
import json
import math
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

MAX_KM = 50.0
MAX_DAYS = 1


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def days_apart(a: str | None, b: str | None) -> int:
    if not a or not b:
        return 10_000
    return abs((date.fromisoformat(a[:10]) - date.fromisoformat(b[:10])).days)


def load_gold(path: Path) -> list[dict]:
    return [json.loads(line) for line in Path(path).read_text("utf-8").splitlines() if line.strip()]


def load_articles(path: Path, lines: set[int]) -> dict[int, dict]:
    """The articles at the given 0-based lines of a gzipped JSONL news file."""
    out: dict[int, dict] = {}
    if not lines:
        return out
    last = max(lines)
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for n, line in enumerate(f):
            if n in lines:
                out[n] = json.loads(line)
            if n >= last:
                break
    return out


def event_match(g: dict, p: dict, relax_place: bool = False) -> tuple[bool, bool, bool]:
    """(type ok, place ok, date ok) for a gold and a predicted event (serialised dicts)."""
    type_ok = g["event_type"] == p["event_type"]
    if relax_place:
        place_ok = True
    elif p["place"] is None:
        place_ok = False
    else:
        place_ok = km(g["place"]["lat"], g["place"]["lon"], p["place"]["lat"], p["place"]["lon"]) <= MAX_KM
    date_ok = days_apart(g["date"], p["date"]) <= MAX_DAYS
    return type_ok, place_ok, date_ok


@dataclass
class ArticleMatch:
    """One article's matching: ``pairs`` (gold index, prediction index), the unmatched gold
    indices and the near misses (type right, place or date off)."""

    pairs: list[tuple[int, int]] = field(default_factory=list)
    missed: list[int] = field(default_factory=list)
    near: Counter = field(default_factory=Counter)

    def matched_preds(self) -> set[int]:
        return {p for _, p in self.pairs}


def match_article(gold_events: list[dict], preds: list[dict], relax_place: bool = False) -> ArticleMatch:
    """Greedy one-to-one matching in gold order: each gold event takes the first unused
    prediction that matches it on type, place and date."""
    out = ArticleMatch()
    used: set[int] = set()
    for gi, ge in enumerate(gold_events):
        best = None
        for k, p in enumerate(preds):
            if k in used:
                continue
            t_ok, pl_ok, d_ok = event_match(ge, p, relax_place)
            if t_ok and pl_ok and d_ok:
                best = k
                break
            if t_ok and (pl_ok or d_ok):
                out.near["date off" if pl_ok else "place off"] += 1
        if best is None:
            out.missed.append(gi)
            continue
        used.add(best)
        out.pairs.append((gi, best))
    return out


def speaker_ok(gq: dict, pq: dict) -> bool:
    """A predicted quote's speaker is right when its span overlaps a gold speaker span or its
    name equals the gold speaker."""
    sp = pq.get("speaker")
    if not sp:
        return False
    if sp.get("start") is not None:
        for a, b in gq["speaker_spans"]:
            if sp["start"] < b and a < sp["end"]:
                return True
    return (sp.get("name") or "").strip().lower() == gq["speaker"].strip().lower()


def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


__all__ = ["MAX_DAYS", "MAX_KM", "ArticleMatch", "days_apart", "event_match", "km", "load_articles", "load_gold",
           "match_article", "prf", "speaker_ok"]
