"""Western persons' names written in Arabic script → their conventional Latin spelling.

Arabic news writes «رايان ديلون» for Ryan Dillon; an Arabic-style romaniser reads it
"Raian Diloun". ``western_latin()`` decides at the level of the whole name whether it is a
Western one and, if so, spells each word from the index built by
``scripts/build_western_names.py`` (``data/western_names.tsv``: Arabic spellings generated from
US Census and common European names, each with its most likely Latin name).

The decision weighs each word against the Arab name gazetteer of ``arabic-name-romanizer``:
a word attested as an Arab name unit (محمد، منصور، سلمان) is Arab evidence unless it is rare
there and Western too (جون، رايان، مارك are given names of Arab Christians as well); a word only
the Western index knows (ديلون، كيري، ميركل) is Western evidence. Arab markers (the article ال,
بن/ابن/أبو/عبد) make the whole name Arab.
"""

from __future__ import annotations

import functools
import math
from pathlib import Path

from marsad.text.normalise import normalise_key

DATA = Path(__file__).parent / "data" / "western_names.tsv"
# letters some papers use for v/p/g/ch; the index is built with the same folding
_FOLD = str.maketrans({"ڤ": "ف", "پ": "ب", "ژ": "ج", "چ": "تش", "گ": "ك", "-": " "})
PARTICLES = {"دي": "de", "دو": "du", "فون": "von", "فان": "van", "دير": "der", "ديل": "del", "دا": "da",
             "لا": "La", "لو": "Le", "ديلا": "della", "دوس": "dos", "ماك": "Mac"}
# particles that only Western names have (دي، دو، لا are Arabic words or Arab name units too)
WESTERN_PARTICLES = frozenset({"فون", "فان", "دير", "ديل", "ديلا", "دوس"})
ARAB_PARTICLES = frozenset({"بن", "ابن", "ابو", "ابي", "بنت", "ام", "ال", "عبد", "ولد", "اية", "ايه"})
UNKNOWN_VOTE = 0.3  # a word neither index knows (بايدن، ماكرون) leans Western next to Western words
MIN_VOTE = 0.5
# ranks and titles before a Western name (the linker keeps some in the name): not part of the Latin form
TITLES = frozenset(["الكولونيل", "الجنرال", "الادميرال", "الميجور", "الكابتن", "الكوماندر", "اللفتنانت", "السير",
                    "اللورد", "السيناتور", "النائب", "الرئيس", "السفير", "الوزير", "السيد", "السيده", "الانسه",
                    "مدام", "مسيو", "المسيو", "البروفيسور", "الدكتور", "الاب", "القس", "الكاردينال", "البابا",
                    "العقيد", "اللواء", "العميد", "الفريق", "الرقيب", "المقدم", "الرائد", "النقيب", "د"])
# letters Arabic news never uses to write a Western sound (ط and ق do occur: أنطونيو)
ARAB_LETTERS = frozenset("حعصضظء")
MIN_SCORE = 60  # weaker index entries (rare names, costly spellings) are no evidence


def key(text: str) -> str:
    """Normalised word as the index stores it."""
    return normalise_key(text).translate(_FOLD)


@functools.cache
def index() -> dict[str, tuple[str, int, str, int]]:
    """Arabic key → (given name, score, surname, score), read once per process."""
    out: dict[str, tuple[str, int, str, int]] = {}
    if not DATA.exists():
        return out
    with DATA.open(encoding="utf-8") as f:
        for line in f:
            if line.startswith("#"):
                continue
            k, g, gs, s, ss = line.rstrip("\n").split("\t")
            out[k] = (g, int(gs) if gs else -999, s, int(ss) if ss else -999)
    return out


def _arab_count(word: str) -> int:
    from marsad.actors.names import unit_counts

    return unit_counts().get(word, 0)


def _western_al(word: str) -> bool:
    """«اليزابيث», «اليوت», «الكسندر»: a Western name beginning with the letters of the article."""
    entry = index().get(word)
    return bool(entry) and max(entry[1], entry[3]) >= MIN_SCORE and _arab_count(word[2:]) < 3


def _latin_for(entry: tuple[str, int, str, int], pos: str) -> tuple[str, int]:
    g, gs, s, ss = entry
    if pos == "first":
        return (g, gs) if g and gs >= ss - 60 else (s, ss)
    if pos == "last":
        return (s, ss) if s and ss >= gs - 60 else (g, gs)
    return (g, gs) if gs >= ss else (s, ss)


def western_latin(arabic: str) -> str | None:
    """Latin form of a Western name written in Arabic script; None when the name reads as Arab."""
    words = key(arabic).split()
    while len(words) > 2 and words[0] in TITLES:
        words = words[1:]
    if not words:
        return None
    idx = index()
    vote = 0.0  # Western strength minus Arab strength, summed over the words
    evidence = False  # some word reads better as Western than as Arab
    rare = True  # every word rare or unknown as an Arab name unit
    readings: list[str | None] = []
    for i, w in enumerate(words):
        if w in ARAB_PARTICLES or w.startswith("عبد") or (w.startswith("ال") and len(w) > 3 and not _western_al(w)):
            return None
        pos = "first" if i == 0 and len(words) > 1 else "last" if i == len(words) - 1 else "mid"
        if w in PARTICLES and 0 < i < len(words) - 1:
            readings.append(PARTICLES[w])
            vote += 1 if w in WESTERN_PARTICLES else 0
            continue
        if ARAB_LETTERS.intersection(w):
            vote -= 2
            rare = False
            readings.append(None)
            continue
        entry = idx.get(w.replace("يي", "ي"))
        latin, score = _latin_for(entry, pos) if entry else ("", -999)
        arab = math.log10(_arab_count(w) + 1)  # 0 unknown, 1 for ~9 Arab bearers, 3 for ~999
        if latin and score >= MIN_SCORE:
            west = 1 + (score - MIN_SCORE) / 200
            if pos == "first" and arab >= 2 and west < arab:
                return None  # a common Arab given name (مازن، سارة) names an Arab far more often
            evidence = evidence or west > arab + 0.5
            vote += west - arab
            readings.append(latin)
        else:
            if pos == "last" and (arab >= 0.5 or (w.endswith("يان") and len(w) >= 6)):
                # an Arab or Armenian family name (جاك تاجر، دونابيديان): Levantine spelling conventions
                return None
            vote += UNKNOWN_VOTE if arab == 0 else -arab
            readings.append(None)
        rare = rare and _arab_count(w) < 3 and not ("ق" in w or "ط" in w or w.endswith("ه"))
    if rare and len(words) > 1:
        evidence, vote = True, max(vote, MIN_VOTE)  # no word is an Arab name (أوباما، ماكرون): not Arab
    if not evidence or vote < MIN_VOTE:
        return None
    return " ".join(r if r else phonetic(w) for r, w in zip(readings, words, strict=True))


_PHON = {"ا": "a", "ب": "b", "ت": "t", "ث": "th", "ج": "j", "ح": "h", "خ": "kh", "د": "d", "ذ": "dh", "ر": "r",
         "ز": "z", "س": "s", "ش": "sh", "ص": "s", "ض": "d", "ط": "t", "ظ": "z", "ع": "", "غ": "g", "ف": "f",
         "ق": "k", "ك": "k", "ل": "l", "م": "m", "ن": "n", "ه": "h", "و": "o", "ي": "i", "ء": ""}


# consonant pairs Western names write without a vowel between them (others get an e: Blinkn → Blinken)
PAIRS = frozenset("bl br ch ck cl cr dr fl fr gh gl gr kh kl kr ld lf lk ll lm ln lp ls lt lv mb mp ms nc nd ng "
                  "nk ns nt nz pl pr ps rb rc rd rf rg rk rl rm rn rp rs rt rv rz sc sh sk sl sm sn sp st sz th tr "
                  "ts tz vr zh dh nb nf nm nr nl mn mr".split())
FINAL_PAIRS = frozenset("ch ck ft gh kh ld lf lk lm lt mb mp nd ng nk ns nt nz rd rg rk rm rn rs rt sh sk st th ts "
                        "tz zh ks ms ls".split())


def phonetic(word: str) -> str:
    """Western-style reading of an unknown word (و → o/w, ي → i/y, final ه → a): «فيليبو» → Filipo."""
    out = []
    for j, ch in enumerate(word):
        prev_vowel = bool(out) and out[-1][-1:] in "aeiou"
        nxt = word[j + 1] if j + 1 < len(word) else ""
        if ch == "و":
            out.append("w" if (j == 0 or prev_vowel) and nxt in "اي" and nxt else "o")
        elif ch == "ي":
            out.append("y" if (j == 0 or prev_vowel) and nxt in "اوي" and nxt else "i")
        elif ch == "ه" and j == len(word) - 1 and j:
            out.append("a" if not prev_vowel else "h")
        elif ch == "ا" and j == 0 and nxt in ("و", "ي"):
            continue  # the alif that only carries an initial vowel
        else:
            out.append(_PHON.get(ch, ""))
    latin = _epenthesis("".join(out))
    return latin[:1].upper() + latin[1:] if latin else word


def _epenthesis(latin: str) -> str:
    """Put back the short e Arabic script leaves out where Western names join no consonants:
    a first or last pair (Btrayos → Betrayos, Blinkn → Blinken) and a final consonant + r (Shomr)."""
    vowels, n = "aeiouy", len(latin)
    if n < 3:
        return latin
    out = latin
    if out[-1] not in vowels and out[-2] not in vowels and (out[-2:] not in FINAL_PAIRS or out[-1] == "r") \
            and out[-3:] not in ("tch", "sch") and out[-2] != out[-1]:
        out = out[:-1] + "e" + out[-1]
    if out[0] not in vowels and out[1] not in vowels and out[:2] not in PAIRS:
        out = out[0] + "e" + out[1:]
    return out
