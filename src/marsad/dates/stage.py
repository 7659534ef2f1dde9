"""The dates stage (placeholder until its module lands)."""

from marsad.document import Document


class Dates:
    name = "dates"
    needs: tuple[str, ...] = ("tokens",)
    adds: tuple[str, ...] = ("dates",)

    def __call__(self, doc: Document) -> None:
        return None
