"""Places the gazetteer does not know, located by the text relative to a place it does know.

News names small places by a generic word and a direction or an attachment to a known town:
«في منطقة الحسينية شمال شرقي بغداد», «قرية الكصيبة التابعة لناحية …», «حي رجلاء بمدينة نجران».
ACLED codes such a place at the known town with geo_precision 2 ("part of / near"), and so does
this pass: an indefinite generic (منطقة، حي، بلدة، قرية، ناحية، مخيم — no article: the construct
state that introduces a name) followed by one to three name words, then within a few words a
relation (a direction, قرب, التابعة ل, في/ب + place) to a resolved town or division.
"""

from __future__ import annotations

from marsad.document import Token
from marsad.places.gazetteer import Entry

GENERICS = frozenset("منطقه منطقتي حي حيي بلده بلدتي قريه قري قريتي ناحيه مخيم ضاحيه مدينه".split())
PREFIXED = {p + g: g for g in GENERICS for p in ("و", "ب", "وب")}
DIRECTIONS = frozenset(
    "شمال جنوب شرق غرب شمالي جنوبي شرقي غربي وسط قرب بالقرب محيط اطراف ضواحي جنوبا شمالا شرقا غربا".split()
)
ATTACH = frozenset("التابعه التابع الواقعه الواقع ضمن داخل".split())
STOP_NAME = frozenset("في من الي على عن مع او و ثم التي الذي بين حيث وهي وهو".split())
MAX_NAME = 3
MAX_GAP = 5
# an indefinite single word this frequent in news is a word (عسكرية، آمنة), not a name
MAX_WORD_FREQ = 60
# «في جنوب حي رجلاء» in a sentence about Najran: a neighbourhood or village named by its generic
# with no relation after it lies in the town or division named last before it in the sentence
BACK_GENERICS = frozenset("حي حيي قريه قري قريتي بلده بلدتي ناحيه".split())
MAX_BACK = 25

def find_relative(tokens: list[Token], anchors: dict[int, Entry], covered: set[int],
                  vocab: dict[str, int]) -> list[tuple[int, int, str, Entry]]:
    """(first token, last token, name key, anchor place) for each relative mention.

    ``anchors`` maps the index of the first token of each resolved town/division mention to its
    place; ``covered`` holds the token indices already inside a resolved mention.
    """
    out = []
    n = len(tokens)
    for k, tok in enumerate(tokens):
        generic = tok.stem if tok.prefix else tok.norm
        if generic not in GENERICS and not tok.prefix:
            generic = PREFIXED.get(tok.norm, generic)  # «وحي الفواز»: و not split off a word (وحي)
        if generic not in GENERICS or not tok.is_word or tok.has_article:
            continue
        names: list[int] = []
        j = k + 1
        while j < n and len(names) < MAX_NAME:
            t = tokens[j]
            if not t.is_word or t.sent != tok.sent or j in covered or t.norm in STOP_NAME:
                break
            if _relation(t) or (t.norm[:1] in ("و", "ب") and not t.norm.startswith(("ال", "وال", "بال")) and j > k + 1):
                break
            names.append(j)
            j += 1
        if not names:
            continue
        first = tokens[names[0]]
        if len(names) == 1 and not first.has_article and vocab.get(first.norm, 0) > MAX_WORD_FREQ:
            continue
        anchor = _anchor_after(tokens, j, anchors, tok.sent)
        if anchor is None and generic in BACK_GENERICS and len(names) <= 2 \
                and (first.has_article or vocab.get(first.norm, 0) <= MAX_WORD_FREQ) \
                and all(vocab.get(tokens[i].norm, 0) <= MAX_WORD_FREQ * 10 for i in names) \
                and first.prefix in ("", "ال") and not (not first.has_article and first.norm.endswith("يه")):
            # only a name-like name: not «قرى مختلفة», «بلدة تركية أخرى», «قرية درزية», «حي للبنين»
            anchor = _anchor_before(tokens, k, anchors, tok.sent)
        if anchor is None:
            continue
        key = " ".join(tokens[i].norm for i in names)
        out.append((names[0], names[-1], key, anchor))
    return out


def _relation(t: Token) -> bool:
    """A direction, attachment or generic word, with or without its proclitics (بمحافظة, وشمال)."""
    w = t.norm
    for cut in range(min(3, len(w))):
        form = w[cut:]
        if cut and w[cut - 1] not in "وفبل":
            break
        if form in DIRECTIONS or form in ATTACH or form in GENERICS or form in ("في", "محافظه"):
            return True
    return False


def _anchor_after(tokens: list[Token], j: int, anchors: dict[int, Entry], sent: int) -> Entry | None:
    """The resolved place a relation word links to, within a few tokens after the name."""
    related = False
    for i in range(j, min(len(tokens), j + MAX_GAP)):
        t = tokens[i]
        if t.sent != sent:
            return None
        if i in anchors:
            return anchors[i] if (related or t.prefix.startswith(("ب", "وب", "ل"))) else None
        if not t.is_word:
            if tokens[i].norm not in ",،":
                return None
            continue
        if _relation(t):
            related = True
    return None


def _anchor_before(tokens: list[Token], k: int, anchors: dict[int, Entry], sent: int) -> Entry | None:
    """The resolved town or division named last before token k in the same sentence."""
    for i in range(k - 1, max(-1, k - MAX_BACK), -1):
        if tokens[i].sent != sent:
            return None
        if i in anchors:
            return anchors[i]
    return None
