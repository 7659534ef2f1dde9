"""A spaCy pipeline component that runs Marsad and writes its annotations onto a spaCy ``Doc``.

    import spacy
    nlp = spacy.blank("ar")
    nlp.add_pipe("marsad", config={"published": "2017-11-03"})
    doc = nlp(text)
    doc.ents                    # PER / ORG / LOC / MISC (kb_id_ = actor id when linked)
    doc.spans["places"]         # label: ISO country code; span._.marsad: the place record
    doc.spans["dates"]          # label: TIMEX value (2017-11-03, 2017-09, 2014 ...)
    doc.spans["quotes"]         # label: speaker's name (or "UNKNOWN")
    doc.spans["events"]         # evidence spans; label: ACLED event type
    doc._.marsad                # the whole Marsad Document (doc._.marsad.to_dict() for JSON)

spaCy tokenises on its own; Marsad's character spans are mapped onto spaCy tokens with
``alignment_mode="expand"`` (a span that starts inside a token, after a proclitic, covers the
whole token: ``والعراق``). The record attached to each span keeps Marsad's exact offsets.
The component is registered when this module is imported, and through the ``spacy_factories``
entry point once Marsad is installed, so ``nlp.add_pipe("marsad")`` works without an import.
"""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

import marsad
from marsad.document import Document
from marsad.serialize import event_dict, place_dict

for _cls in (Doc, Span):
    if not _cls.has_extension("marsad"):
        _cls.set_extension("marsad", default=None)


class MarsadComponent:
    """Runs the Marsad pipeline on ``doc.text``; ``published`` anchors relative dates."""

    def __init__(self, nlp: Language, name: str, published: str | None = None, reportable_only: bool = False):
        self.name = name
        self.published = marsad.parse_published(published)
        self.reportable_only = reportable_only

    def __call__(self, doc: Doc) -> Doc:
        mdoc = marsad.load()(Document(doc.text, published=self.published))
        doc._.marsad = mdoc
        ents = []
        for e in mdoc.entities:
            span = doc.char_span(e.start, e.end, label=e.label, kb_id=e.actor_id or "", alignment_mode="expand")
            if span is not None:
                ents.append(span)
        doc.ents = filter_spans(ents)
        doc.spans["places"] = self._spans(
            doc, ((p.start, p.end, p.country or "", place_dict(mdoc, p)) for p in mdoc.places)
        )
        doc.spans["dates"] = self._spans(
            doc, ((t.start, t.end, t.value, {"value": t.value, "granularity": t.granularity}) for t in mdoc.timexes)
        )
        doc.spans["quotes"] = self._spans(
            doc, ((q.start, q.end, q.speaker.name if q.speaker else "UNKNOWN", None) for q in mdoc.quotes)
        )
        events = []
        for ev in mdoc.events:
            record = event_dict(mdoc, ev)
            if self.reportable_only and not record.get("reportable"):
                continue
            events.append((ev.evidence.start, ev.evidence.end, ev.event_type, record))
        doc.spans["events"] = self._spans(doc, events)
        return doc

    @staticmethod
    def _spans(doc: Doc, items) -> list[Span]:
        out: list[Span] = []
        for start, end, label, record in items:
            span = doc.char_span(start, end, label=label, alignment_mode="expand")
            if span is None:
                continue
            if record is not None:
                span._.marsad = {"start": start, "end": end, **record}
            out.append(span)
        return out


@Language.factory(
    "marsad",
    default_config={"published": None, "reportable_only": False},
)
def make_marsad(nlp: Language, name: str, published: str | None, reportable_only: bool) -> MarsadComponent:
    return MarsadComponent(nlp, name, published=published, reportable_only=reportable_only)


def to_records(doc: Doc) -> dict[str, Any]:
    """The Marsad JSON of a spaCy doc that went through the component."""
    if doc._.marsad is None:
        raise ValueError("this Doc was not processed by the 'marsad' component: nlp.add_pipe('marsad') first")
    return doc._.marsad.to_dict()
