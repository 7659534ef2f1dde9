"""Western names written in Arabic script get their conventional Latin spelling; Arab names keep theirs."""

from __future__ import annotations

import time
import unicodedata
from pathlib import Path

import pytest

from marsad.actors.names import person_id, romanize
from marsad.actors.western import DATA as DATA_TSV
from marsad.actors.western import index, phonetic, western_latin

DATA = Path(__file__).parent / "data"


def _rows(name: str) -> list[list[str]]:
    with (DATA / name).open(encoding="utf-8") as f:
        return [line.rstrip("\n").split("\t") for line in f if line.strip() and not line.startswith("#")]


def _fold(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", s.lower()) if not unicodedata.combining(c))


def test_index_is_shipped_and_compact() -> None:
    path = DATA_TSV
    assert path.stat().st_size < 5_000_000
    assert len(index()) > 50_000


@pytest.mark.parametrize(("arabic", "latin"), [
    ("رايان ديلون", "Ryan Dillon"),
    ("جون كيري", "John Kerry"),
    ("ديفيد كاميرون", "David Cameron"),
    ("مارك تونر", "Mark Toner"),
    ("جوش إرنست", "Josh Ernest"),
    ("ستيفن هاربر", "Steven Harper"),  # Stephen/Steven: the commoner spelling wins
    ("جون بولتون", "John Bolton"),
])
def test_western_names(arabic: str, latin: str) -> None:
    assert western_latin(arabic) == latin
    pytest.importorskip("arabic_name_romanizer")
    assert romanize(arabic) == latin


def test_arab_names_keep_their_romanisation() -> None:
    pytest.importorskip("arabic_name_romanizer")
    for arabic in ("محمد بن سلمان", "عبد ربه منصور هادي", "حيدر العبادي", "سامي يوسف", "ميشال عون", "جمال خاشقجي"):
        assert western_latin(arabic) is None, arabic
    assert romanize("حيدر العبادي") == "Haidar Al-Abadi"
    assert romanize("عبد ربه منصور هادي") == "Abd Rabbo Mansour Hadi"
    assert romanize("محمد بن سلمان").endswith("bin Salman")


def test_person_id_still_comes_from_the_arabic() -> None:
    assert person_id("رايان ديلون") == person_id("رايان  ديلون")
    assert person_id("رايان ديلون") != person_id("ريان ديلون")
    assert person_id("رايان ديلون").startswith("per:")


def test_particles_and_unknown_words() -> None:
    assert western_latin("أورسولا فون دير لاين").startswith("Ursula von der ")
    assert phonetic("اوباما") == "Obama"
    assert western_latin("دونالد ترامب").startswith("Donald ")  # Trump: not in the lists, read phonetically


def test_gold_accuracy() -> None:
    """Hand-written gold (193 Western, 121 Arab names); the figures are in actors/data/README.md."""
    pytest.importorskip("arabic_name_romanizer")
    western = _rows("western_names_gold.tsv")
    found = [western_latin(ar) for ar, _ in western]
    detected = sum(f is not None for f in found) / len(western)
    exact = sum(f is not None and _fold(f) == _fold(g) for f, (_, g) in zip(found, western, strict=True)) / len(western)
    arab = _rows("arab_names_gold.tsv")
    false_western = [r[0] for r in arab if western_latin(r[0])]
    assert len(western) >= 150 and len(arab) >= 100
    assert detected >= 0.92, detected  # measured 185/193
    assert exact >= 0.39, exact  # measured 79/193
    assert not false_western, false_western


def test_fast() -> None:
    western_latin("جون كيري")  # loads the index once
    names = [r[0] for r in _rows("western_names_gold.tsv")] + [r[0] for r in _rows("arab_names_gold.tsv")]
    t = time.perf_counter()
    for _ in range(3):
        for name in names:
            western_latin(name)
    assert (time.perf_counter() - t) / (3 * len(names)) < 2e-4


def test_a_rank_before_the_name_is_not_part_of_it() -> None:
    assert western_latin("الكولونيل رايان ديلون") == "Ryan Dillon"
    assert western_latin("اللواء محمد الحسن") is None
