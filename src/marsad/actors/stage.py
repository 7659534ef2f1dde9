"""The actors stage (placeholder until its module lands)."""

from marsad.document import Document


class Actors:
    name = "actors"
    needs: tuple[str, ...] = ("tokens",)
    adds: tuple[str, ...] = ("actors",)

    def __call__(self, doc: Document) -> None:
        return None
