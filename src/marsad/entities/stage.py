"""The entities stage (placeholder until its module lands)."""

from marsad.document import Document


class Entities:
    name = "entities"
    needs: tuple[str, ...] = ("tokens",)
    adds: tuple[str, ...] = ("entities",)

    def __call__(self, doc: Document) -> None:
        return None
