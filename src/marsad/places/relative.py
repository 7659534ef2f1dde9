"""Places the gazetteer does not know, located by the text relative to a place it does know.

News names small places by a generic word and a direction or an attachment to a known town:
«في منطقة الحسينية شمال شرقي بغداد», «قرية الكصيبة التابعة لناحية …», «حي رجلاء بمدينة نجران».
ACLED codes such a place at the known town with geo_precision 2 ("part of / near"), and so does
this pass: an indefinite generic (منطقة، حي، بلدة، قرية، ناحية، مخيم — no article: the construct
state that introduces a name) followed by one to three name words, then within a few words a
relation (a direction, قرب, التابعة ل, في/ب + place, بمديرية + place) to a resolved town, division or
named mountain/plain. Plural and dual generics introduce lists («مناطق البوشجل والملاحمة»,
«منطقتي X وY», «قرى: (X، وY)»); feature generics (وادي، جبل، جبال، تبة، جزيرة، معسكر) stay in the
span. With no relation, a strong generic (قرية، بلدة، حي، مخيم، إقليم، وادي، جبل…) or منطقة before a
rare, name-like word yields ``anchor=None``: the stage then places it in the article's dominant
country (ACLED precision 3). Frequent words, indefinite adjectives (منطقة حدودية), possessives
(مناطق سكنها), a preposition (مخيم للاجئين) and titles (مدينة الملك …) are not names.
"""

from __future__ import annotations

from dataclasses import dataclass

from marsad.document import Token
from marsad.places.gazetteer import Entry

GENERICS = frozenset("منطقه منطقتي حي حيي بلده بلدتي قريه قري قريتي ناحيه مخيم ضاحيه مدينه".split())
# plural and dual generics introduce a list of names: «مناطق البوشجل والملاحمة», «منطقتي الوهط وصبر»
LIST_GENERICS = frozenset("مناطق منطقتي قري قريتي بلدات بلدتي حيي مدينتي ميناءي".split())
# a dual generic names exactly two places: «منطقتي الوهط وصبر», «ميناءي قسطل وأشكيت»
DUAL = frozenset("منطقتي قريتي بلدتي حيي مدينتي ميناءي".split())
# generics of physical features and camps: part of the name (وادي عقان, جبل طلان); the span keeps them
FEATURE_GENERICS = frozenset("وادي جبل جبال تبه معسكر غابات جزيره".split())
# generics that vouch for an unknown name even with no known place related to it: the name then
# takes the article's dominant country (ACLED precision 3)
STRONG = frozenset("حي حيي بلده بلدتي بلدات قريه قري قريتي مخيم اقليم وادي جبل جبال تبه جزيره ميناءي".split())
AREA_GENERICS = frozenset("منطقه منطقتي مناطق".split())
# a checkpoint is an ACLED location: «نقطة شرطة X بالجيزة», «نقطة تفتيش X» (the second word is part of the generic)
CHECKPOINT, CHECKPOINT_KINDS = "نقطه", frozenset("شرطه تفتيش مراقبه امنيه عسكريه".split())
ALL_GENERICS = GENERICS | LIST_GENERICS | FEATURE_GENERICS | {"اقليم", CHECKPOINT}
PREFIXED = {p + g: g for g in ALL_GENERICS for p in ("و", "ب", "وب", "ل")}
# every surface form a generic can take (with proclitics, without the article): one set probe per token
SURFACE = frozenset(p + g for g in ALL_GENERICS for p in ("", "و", "ف", "ب", "ل", "ك", "وب", "فب", "ول", "فل", "وك"))
OPENERS = frozenset('(":«“')
SEPARATORS = frozenset('،,)"»”')
DIRECTIONS = frozenset(
    "شمال جنوب شرق غرب شمالي جنوبي شرقي غربي وسط قرب بالقرب محيط اطراف ضواحي جنوبا شمالا شرقا غربا".split()
)
ATTACH = frozenset("التابعه التابع الواقعه الواقع ضمن داخل".split())
STOP_NAME = frozenset("في من الي على علي عن مع او و ثم التي الذي بين حيث وهي وهو".split())
MAX_NAME = 3
TITLES = frozenset("الملك الامير الاميره الشيخ الامام الرييس السلطان".split())
# division words that relate a name to the division named after them («تبة مسعود بمديرية مشرعة»)
CONTAINER_WORDS = frozenset("مديريه قضاء ولايه اقليم مقاطعه".split())
QUARTERS = frozenset("الشرقيه الغربيه الشماليه الجنوبيه الشرقي الغربي الشمالي الجنوبي".split())
MAX_GAP = 5
# an indefinite single word this frequent in news is a word (عسكرية، آمنة), not a name
MAX_WORD_FREQ = 60
# a definite unknown name after an area generic: «منطقة المثلث» yes, «منطقة الحدود» (a word) no
MAX_DEFINITE_FREQ = 120
# «في جنوب حي رجلاء» in a sentence about Najran: a neighbourhood or village named by its generic
# with no relation after it lies in the town or division named last before it in the sentence
BACK_GENERICS = frozenset("حي حيي قريه قري قريتي بلده بلدتي ناحيه".split())
MAX_BACK = 25

@dataclass(slots=True)
class Relative:
    """An unknown place named by a generic word: tokens ``first``..``last`` (``cut`` proclitic
    letters of the first token left out of the span), the name ``key`` (generic word excluded),
    the known place it is related to (None: no relation, the caller may use the article's
    dominant country) and the generic word."""

    first: int
    cut: int
    last: int
    key: str
    anchor: Entry | None
    generic: str


def _generic(tok: Token) -> str | None:
    """The generic word a token is (without proclitics), if any; a definite one (المنطقة) is not."""
    w = tok.norm
    g = w if w in ALL_GENERICS else PREFIXED.get(w)
    if g is None and tok.prefix and tok.stem in ALL_GENERICS:
        g = tok.stem
    if g is None or not tok.is_word or tok.has_article:
        return None
    return g


NOT_CONJ = ("وادي", "واحه", "واشنطن", "واسط", "وزير", "وزاره", "وكاله", "وسط", "وقت")


def _conj(t: Token) -> bool:
    """A word joined by و to the one before: «وصبر» (the segmenter leaves unknown words unsplit)."""
    return t.prefix.startswith("و") or (t.norm.startswith("و") and len(t.norm) >= 4 and not t.norm.startswith(NOT_CONJ))


def _items(tokens: list[Token], k: int, covered: set[int], listy: bool) -> tuple[list[list[int]], int]:
    """The names after the generic word at k (several, joined by و or commas, after a plural or
    dual generic) and the index of the token after them."""
    n, sent = len(tokens), tokens[k].sent
    j = k + 1
    if j < n and tokens[j].norm in CHECKPOINT_KINDS and _generic(tokens[k]) == CHECKPOINT:
        j += 1  # «نقطة شرطة بشتيل»
    while j < n and j <= k + 2 and not tokens[j].is_word and tokens[j].norm in OPENERS and tokens[j].sent == sent:
        j += 1  # «معسكر (رويك)», «قرى: (مشرعة»
    items: list[list[int]] = []
    names: list[int] = []
    state = "start"  # start | name | known (after a known place) | sep (after a comma)
    while j < n:
        t = tokens[j]
        if t.sent != sent:
            break
        if not t.is_word:
            if state in ("name", "known") and all(ch in SEPARATORS for ch in t.norm):
                if listy and t.norm in ",،":
                    if names:
                        items.append(names)
                    names, state = [], "sep"
                    j += 1
                    continue
                j += t.norm in ")\"»”"  # the closing bracket or quote of «(رويك)» belongs to the name
            break
        if j in covered:
            if listy and (state != "name" or _conj(t)):  # a known place in the list: «مدينتي قدسيا والهامة»
                while j < n and j in covered:
                    j += 1
                if j < n and tokens[j].norm in QUARTERS:
                    j += 1  # «حصيبة الشرقية»: East Husaybah, still the known place's name
                state = "known"
                continue
            break
        if t.norm in STOP_NAME or _relation(t):
            break
        conj = _conj(t)
        if state == "start" and conj:
            break  # «جبال وسهول»: a second generic, not a name
        if state in ("known", "sep") or (state == "name" and conj):
            if not listy or not conj:
                break  # «قرى: (مشرعة، وحدنان)»: items are joined by و (a bare comma list is not taken)
            if names:
                items.append(names)
            names, state = [j], "name"
            j += 1
            continue
        if len(names) == MAX_NAME or (names and t.norm[:1] == "ب"):
            break
        names.append(j)
        state = "name"
        j += 1
    if names:
        items.append(names)
    return [it for it in items if it], j


def _trim(tokens: list[Token], it: list[int], vocab: dict[str, int]) -> list[int]:
    """An item without its trailing frequent words: «وادي عقان الاستراتيجي», «حي الفواز شملت»."""
    while len(it) > 1 and vocab.get(tokens[it[-1]].norm, 0) > MAX_DEFINITE_FREQ * 2:
        it = it[:-1]
    return it


def _words(tokens: list[Token], it: list[int], k: int) -> tuple[list[str], int]:
    """The name's words without the proclitics of the first (و ب ل; the article kept) and how many
    letters those are."""
    t0 = tokens[it[0]]
    words = [tokens[i].norm for i in it]
    cut = 0
    if t0.prefix[:1] in ("و", "ب", "ل"):
        cut = len(t0.prefix) - (2 if t0.prefix.endswith("ال") else 0)
    elif it[0] != k + 1 and _conj(t0):
        cut = 1  # «وصبر»: the segmenter left the conjunction on an unknown word
    words[0] = words[0][cut:]
    return words, cut


def _name_like(tokens: list[Token], names: list[int], w: str, vocab: dict[str, int], strict: bool,
               loose: bool = False) -> bool:
    """An unknown name that no known place vouches for: rare words, not an adjective (قرية نائية).
    ``strict``: two words after منطقة (not «منطقة دلتا النهر»); ``loose``: after جبل/وادي, where a
    definite word is almost always a name (جبال القهر)."""
    if len(names) > 2 or not w[:1].isalpha() or len(w) < 3:
        return False
    definite = w.startswith("ال")
    freq = vocab.get(w, 0)
    limit = MAX_DEFINITE_FREQ * (5 if loose else 1) if definite and not strict else MAX_WORD_FREQ * (5 if loose else 1)
    if freq > limit:
        return False
    if strict and any(vocab.get(tokens[i].norm, 0) > MAX_WORD_FREQ for i in names[1:]):
        return False
    if not definite and w.endswith(("يه", "ي")) and freq > 2:
        return False  # an indefinite adjective: قرية نائية، منطقة حدودية
    if not definite and w.endswith(("ها", "هم", "هن")):
        return False  # a possessive: «مناطق سكنها»
    return all(vocab.get(tokens[i].norm, 0) <= MAX_WORD_FREQ * 10 for i in names[1:])


def generic_positions(tokens: list[Token]) -> list[int]:
    """Indices of the tokens that may be a generic word (a quick filter before ``find_relative``)."""
    return [k for k, t in enumerate(tokens) if t.norm in SURFACE]


def find_relative(tokens: list[Token], anchors: dict[int, Entry], covered: set[int],
                  vocab: dict[str, int], text: str = "", positions: list[int] | None = None) -> list[Relative]:
    """Unknown places introduced by a generic word.

    ``anchors`` maps the index of the first token of each resolved town/division mention to its
    place; ``covered`` holds the token indices already inside a resolved mention. A name with a
    relation to an anchor gets it; a name after a strong generic (قرية، بلدة، حي، مخيم، وادي، جبل…)
    or an area generic (منطقة) that is name-like gets ``anchor=None``.
    """
    out: list[Relative] = []
    for k in generic_positions(tokens) if positions is None else positions:
        tok = tokens[k]
        if k in covered:
            continue
        generic = _generic(tok)
        if generic is None:
            continue
        listy = generic in LIST_GENERICS
        items, j = _items(tokens, k, covered, listy)
        if not items:
            continue
        # «وحي الفواز شملت الطرق»: frequent words after the first are the sentence going on
        items = [it if len(it) == 1 else _trim(tokens, it, vocab) for it in items]
        first = tokens[items[0][0]]
        if len(items) == 1 and len(items[0]) == 1 and not first.has_article and vocab.get(first.norm, 0) > MAX_WORD_FREQ \
                and generic not in FEATURE_GENERICS:
            continue  # «منطقة عسكرية»; a feature's name may be a common word (تبة مسعود, جبل صبر)
        anchor = _anchor_after(tokens, j, anchors, tok.sent)
        names = items[0]
        if anchor is None and generic in BACK_GENERICS and len(items) == 1 and len(names) <= 2 \
                and (first.has_article or vocab.get(first.norm, 0) <= MAX_WORD_FREQ) \
                and all(vocab.get(tokens[i].norm, 0) <= MAX_WORD_FREQ * 10 for i in names) \
                and first.prefix in ("", "ال") and not (not first.has_article and first.norm.endswith("يه")):
            # only a name-like name: not «قرى مختلفة», «بلدة تركية أخرى», «قرية درزية», «حي للبنين»
            anchor = _anchor_before(tokens, k, anchors, tok.sent)
        feature = generic in FEATURE_GENERICS
        if generic == "وادي" and text and "واد" not in text[tok.start:tok.end]:
            continue  # «وأدى»: a verb that normalises like وادي
        if not first.has_article and first.norm.endswith(("ها", "هم", "هن")) and vocab.get(first.norm, 0) > 0:
            continue  # «قرى تسكنها أغلبية…», «مناطق سكنها»: a verb or a possessive, not a name
        if first.norm in TITLES:
            continue  # «مدينة الملك فيصل الرياضية»: a sports city or campus named after a person
        if tokens[items[0][0]].prefix.startswith("ل"):
            continue  # «مخيم للاجئين», «حي للبنين»: a preposition, not a name
        for n_item, it in enumerate(items):
            words, cut = _words(tokens, it, k)
            if anchor is None and not (generic in STRONG or generic in AREA_GENERICS):
                continue
            if (anchor is None or n_item or generic not in GENERICS) and not _name_like(
                    tokens, it, words[0], vocab, strict=generic in AREA_GENERICS and len(it) > 1,
                    loose=generic in FEATURE_GENERICS or generic in DUAL or (listy and anchor is not None)):
                continue
            if feature and n_item == 0:
                g = tokens[k]
                gcut = len(g.norm) - len(generic) if g.norm.endswith(generic) else 0
                out.append(Relative(k, gcut, it[-1], generic + " " + " ".join(words), anchor, generic))
            else:
                out.append(Relative(it[0], cut, it[-1], " ".join(words), anchor, generic))
    return out


def _relation(t: Token) -> bool:
    """A direction, attachment or generic word, with or without its proclitics (بمحافظة, وشمال)."""
    w = t.norm
    for cut in range(min(3, len(w))):
        form = w[cut:]
        if cut and w[cut - 1] not in "وفبل":
            break
        if form in DIRECTIONS or form in ATTACH or form in GENERICS or form in ("في", "محافظه") or form in CONTAINER_WORDS:
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
