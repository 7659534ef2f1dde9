"""The quotes stage (placeholder until its module lands)."""

from marsad.document import Document


class Quotes:
    name = "quotes"
    needs: tuple[str, ...] = ("tokens",)
    adds: tuple[str, ...] = ("quotes",)

    def __call__(self, doc: Document) -> None:
        return None
