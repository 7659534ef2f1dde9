"""The actors stage: link every actor reference to the actor base (see ``link``)."""

from __future__ import annotations

from marsad.actors.kb import load_kb
from marsad.actors.link import link
from marsad.document import Document


class Actors:
    name = "actors"
    needs: tuple[str, ...] = ("norm",)
    adds: tuple[str, ...] = ("actors",)

    def __init__(self) -> None:
        self.kb = load_kb()

    def __call__(self, doc: Document) -> None:
        doc.actors = link(doc, self.kb)
        fill_entities(doc)


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
