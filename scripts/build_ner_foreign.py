"""Build src/marsad/entities/model/foreign.tsv.gz: the NER's "foreign-word" character model.

Foreign side: the Western name spellings of the actor stage (``actors/data/western_names.tsv``,
entries whose given-name or surname score is ≥ 100, 3+ letters) and the single words of the
places gazetteer's names in non-Arab countries (``places/data/gazetteer.json.gz``). Native
side: the news vocabulary (``text/data/vocab.tsv``) words seen ≥ 20 times. A word on both
sides (جون، كان، روما) stays only on the side it belongs to by frequency: a foreign spelling
seen ≥ 100 times in the news is left out of the foreign side, and every foreign-side word is
left out of the native side. All read only from the package; no network, no ../shared.
Prints the held-out accuracy (every tenth word) of the model trained on the rest, then
writes the model trained on everything.

    python scripts/build_ner_foreign.py [OUT]
"""

from __future__ import annotations

import sys
from pathlib import Path

from marsad.entities import foreign

OUT = Path(__file__).resolve().parents[1] / "src/marsad/entities/model/foreign.tsv.gz"


def main() -> None:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else OUT
    pos, neg = foreign.training_words()
    model = foreign.train([w for i, w in enumerate(pos) if i % 10], [w for i, w in enumerate(neg) if i % 10])
    held = [(w, 1) for w in pos[::10]] + [(w, 0) for w in neg[::10]]
    right = sum(1 for w, y in held if (foreign.score(model, w) > 0) == bool(y))
    print(f"{len(pos)} foreign, {len(neg)} native words; held-out accuracy {right / len(held):.3f} "
          f"(foreign {sum(1 for w in pos[::10] if foreign.score(model, w) > 0) / len(pos[::10]):.3f}, "
          f"native {sum(1 for w in neg[::10] if foreign.score(model, w) <= 0) / len(neg[::10]):.3f})")
    model = foreign.train(pos, neg)
    foreign.save(model, out)
    print(f"{len(model)} n-grams → {out} ({out.stat().st_size / 1e3:.0f} KB)")


if __name__ == "__main__":
    main()
