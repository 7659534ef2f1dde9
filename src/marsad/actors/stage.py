"""The actors stage: link every actor reference to the actor base (see ``link``)."""

from __future__ import annotations

from marsad.actors.kb import load_kb
from marsad.actors.link import link
from marsad.document import Document, Entity

# named references the statistical NER may miss; composites («القوات العراقية») and generic
# references («التنظيم») name no one and stay actors only
NAMED_LINKS = frozenset({"alias", "short", "romanized"})
# a definite reference to an armed group or party («التنظيم», «الحركة») is the organisation itself
GROUP_TYPES = frozenset({"jihadist group", "rebel group", "militia", "political party"})


class Actors:
    name = "actors"
    needs: tuple[str, ...] = ("norm",)
    adds: tuple[str, ...] = ("actors",)

    def __init__(self) -> None:
        self.kb = load_kb()

    def __call__(self, doc: Document) -> None:
        doc.actors = link(doc, self.kb)
        drop_places_inside_names(doc)
        complete_entities(doc)
        fill_entities(doc)


def drop_places_inside_names(doc: Document) -> None:
    """A toponym inside a named organisation («سرايا القدس», «صحيفة الشرق الأوسط») names the
    organisation, not a place where something happened: the places stage, which runs before
    the actor base is consulted, cannot know that."""
    names = [(a.start, a.end) for a in doc.actors
             if a.link == "alias" and not a.generic and a.type not in ("person", "government", "military", "police")]
    if not names or not doc.places:
        return
    doc.places = [p for p in doc.places
                  if not any(s <= p.start and p.end <= e and (s, e) != (p.start, p.end) for s, e in names)]


def complete_entities(doc: Document) -> None:
    """Add the named actors (PER/ORG) that no entity covers yet, so knowledge-base names the model
    has not seen (newer groups, foreign names) are entities. (Places are not added as LOC: on
    ANERcorp that cost more precision than it gained recall.)"""
    taken = sorted((e.start, e.end) for e in doc.entities)
    added: list[Entity] = []

    def free(start: int, end: int) -> bool:
        return all(end <= s or start >= e for s, e in taken)  # few entities per article

    for a in doc.actors:
        named = not a.generic and a.link in NAMED_LINKS
        group_reference = a.generic and a.link == "generic" and a.type in GROUP_TYPES
        if not (named or group_reference) or not free(a.start, a.end):
            continue
        added.append(Entity(a.start, a.end, "PER" if a.type == "person" else "ORG", score=0.5, source="kb"))
        taken.append((a.start, a.end))
    if added:
        doc.entities = sorted(doc.entities + added, key=lambda e: (e.start, e.end))


def fill_entities(doc: Document) -> None:
    """Give each entity the canonical name of the actor mention it overlaps most."""
    if not doc.entities or not doc.actors:
        return
    for e in doc.entities:
        best, best_overlap = None, 0
        for a in doc.actors:
            overlap = min(e.end, a.end) - max(e.start, a.start)
            # the two must be mostly the same stretch: «الولايات المتحدة» inside «التحالف الدولي
            # بقيادة الولايات المتحدة» is a place, not the coalition
            if overlap > best_overlap and 2 * overlap >= e.end - e.start and 2 * overlap >= a.end - a.start:
                best, best_overlap = a, overlap
        if best is not None:
            e.canonical = best.name
            e.actor_id = best.actor_id
