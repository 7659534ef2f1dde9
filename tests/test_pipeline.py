import pytest

from marsad.document import Document
from marsad.pipeline import STAGES, Pipeline, build


class Boom:
    name = "boom"
    needs = ("tokens",)
    adds = ("boom",)

    def __call__(self, doc):
        raise RuntimeError("exploded")


class NeedsBoom:
    name = "after"
    needs = ("boom",)
    adds = ("after",)

    def __call__(self, doc):
        doc.meta["after"] = True


class Marks:
    name = "marks"
    needs = ("tokens",)
    adds = ("marks",)

    def __call__(self, doc):
        doc.meta["marks"] = len(doc.tokens)


def test_stage_order_is_the_data_flow():
    assert list(STAGES) == ["normalise", "segment", "entities", "dates", "places", "actors", "events", "quotes"]


def test_a_stage_whose_needs_are_not_met_is_rejected_at_build():
    with pytest.raises(ValueError, match="needs"):
        Pipeline([Marks()])


def test_failing_stage_is_recorded_and_others_still_run():
    base = build(["normalise", "segment"]).stages
    pipe = Pipeline([*base, Boom(), NeedsBoom(), Marks()])
    doc = pipe(Document("قال الوزير إن الاجتماع انتهى."))
    assert doc.errors["boom"] == "RuntimeError: exploded"
    assert "skipped" in doc.errors["after"]
    assert doc.meta["marks"] == len(doc.tokens) > 0
    assert doc.done == ["normalise", "segment", "marks"]


def test_bom_is_removed():
    assert Document("\ufeffنص").text == "نص"


def test_a_stage_that_cannot_load_is_reported_on_every_document(monkeypatch):
    import marsad.pipeline as pl

    monkeypatch.setitem(pl.STAGES, "entities", "marsad.no_such_module:Nothing")
    pipe = pl.build(["normalise", "segment", "entities", "dates"])
    doc = pipe(Document("قال الوزير أمس إن الاجتماع انتهى."))
    assert "stage unavailable" in doc.errors["entities"]
    assert "dates" in doc.done and doc.tokens
    with pytest.raises(ModuleNotFoundError):
        pl.build(["normalise", "entities"], strict=True)
