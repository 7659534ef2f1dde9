"""The events stage (placeholder until its module lands)."""

from marsad.document import Document


class Events:
    name = "events"
    needs: tuple[str, ...] = ("tokens",)
    adds: tuple[str, ...] = ("events",)

    def __call__(self, doc: Document) -> None:
        return None
