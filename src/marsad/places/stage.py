"""The places stage (placeholder until its module lands)."""

from marsad.document import Document


class Places:
    name = "places"
    needs: tuple[str, ...] = ("tokens",)
    adds: tuple[str, ...] = ("places",)

    def __call__(self, doc: Document) -> None:
        return None
