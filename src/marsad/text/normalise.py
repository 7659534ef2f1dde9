"""Offset-preserving Arabic normalisation.

The normalised text folds alef/hamza/ya/ta-marbuta variants, drops diacritics, tatweel,
bidi and zero-width marks, maps Arabic-Indic and Persian digits to ASCII and every kind of
quotation mark to ``"``. Each character of the normalised text remembers the index of the
original character it came from (``Document.norm_to_orig``), so spans found on the
normalised text map back exactly.
"""

from __future__ import annotations

import unicodedata

from marsad.document import Document

DROP = (
    [chr(c) for c in range(0x064B, 0x0660)]  # harakat, shadda, sukun, small marks
    + ["\u0670", "\u0640"]  # superscript alef, tatweel
    + [chr(c) for c in range(0x06D6, 0x06EE)]  # Quranic annotation signs
    + [chr(c) for c in range(0x0610, 0x061B)]  # honorific and small signs
    + ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\u061c", "\u200e", "\u200f"]
    + [chr(c) for c in range(0x202A, 0x202F)]  # bidi embeddings/overrides
    + [chr(c) for c in range(0x2066, 0x206A)]  # bidi isolates
)

FOLD = {
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا",
    "ى": "ي", "ئ": "ي", "ی": "ي", "ے": "ي", "ۍ": "ي",
    "ؤ": "و", "ة": "ه", "ۀ": "ه", "ە": "ه",
    "ک": "ك", "ڪ": "ك", "گ": "ك",
    "٪": "%", "٫": ".", "٬": ",",
    "“": '"', "”": '"', "„": '"', "‟": '"', "«": '"', "»": '"', "‹": '"', "›": '"',
    "＂": '"', "″": '"', "〝": '"', "〞": '"',
    "‘": "'", "’": "'", "‚": "'", "‛": "'",
    "\u00a0": " ", "\u2002": " ", "\u2003": " ", "\u2009": " ", "\u202f": " ", "\u3000": " ",
    "\t": " ", "\r": "\n", "\u2028": "\n", "\u2029": "\n", "\u0085": "\n",
    "–": "-", "—": "-", "ـ": "",
}
for _i in range(10):
    FOLD[chr(0x0660 + _i)] = str(_i)
    FOLD[chr(0x06F0 + _i)] = str(_i)


def _presentation_forms() -> dict[str, str]:
    """Arabic presentation forms (ligatures, isolated/final glyphs) decomposed by NFKC."""
    table: dict[str, str] = {}
    for cp in list(range(0xFB50, 0xFE00)) + list(range(0xFE70, 0xFEFF)):
        ch = chr(cp)
        if unicodedata.category(ch) == "Cn":
            continue
        decomposed = unicodedata.normalize("NFKC", ch).strip()
        if decomposed and decomposed != ch:
            table[ch] = "".join(FOLD.get(c, c) for c in decomposed if c not in DROP_SET)
    return table


DROP_SET = frozenset(DROP)
_MAP: dict[str, str] = {ch: "" for ch in DROP}
_MAP.update(FOLD)
_MAP.update(_presentation_forms())
TABLE = str.maketrans(_MAP)
_CHANGES_LENGTH = frozenset(ch for ch, rep in _MAP.items() if len(rep) != 1)


def normalise(text: str) -> str:
    """Normalise a string (no offsets): the form every lexicon key is stored in."""
    return text.translate(TABLE)


def normalise_key(text: str) -> str:
    """Lexicon key: normalised, lower-cased, inner whitespace collapsed."""
    return " ".join(normalise(text).lower().split())


def normalise_with_map(text: str) -> tuple[str, list[int]]:
    """Normalised text and, for each of its characters, the index of its source character."""
    norm = text.translate(TABLE)
    if len(norm) == len(text) and not any(ch in _CHANGES_LENGTH for ch in text):
        return norm, list(range(len(text)))
    mapping: list[int] = []
    for i, ch in enumerate(text):
        rep = _MAP.get(ch)
        n = 1 if rep is None else len(rep)
        if n:
            mapping.extend([i] * n)
    return norm, mapping


class Normalise:
    name = "normalise"
    needs: tuple[str, ...] = ()
    adds = ("norm",)

    def __call__(self, doc: Document) -> None:
        doc.norm, doc.norm_to_orig = normalise_with_map(doc.text)
