"""The NER's knowledge features: Western name spellings, foreign-word score, organisation patterns."""

from __future__ import annotations

from marsad.entities import foreign
from marsad.entities.features import Featurizer, _score_bucket, load_western

FOREIGN = ["كافو", "ناكامورا", "موتورولا", "سيتروين", "فيليبس", "بوردو", "كوستاريكا", "تروتنيف", "سانتوس",
           "ماريو", "روبرتو", "فرانكو", "لوكاس", "مونيكا", "ستيفنسون", "اوكونور"]
NATIVE = ["الحكومه", "مجلس", "الوزراء", "اجتماع", "يستعد", "المسلحين", "محافظه", "الشرطه", "قتل", "مصدر",
          "عبدالله", "محمد", "صلاح", "المعارضه", "يقاتلون", "اعتقال"]


def test_foreign_word_model_tells_transliterations_from_native_words(tmp_path) -> None:
    model = foreign.train(FOREIGN, NATIVE, min_count=1)
    assert foreign.score(model, "كارلوس") > 0 > foreign.score(model, "المسؤولين")
    assert foreign.bucket(model, "كارلوس") > foreign.bucket(model, "المسؤولين")
    assert foreign.score({}, "كارلوس") == 0.0  # nothing known: neutral
    path = tmp_path / "foreign.tsv.gz"
    foreign.save(model, path)
    again = foreign.load(path)
    assert abs(foreign.score(again, "كارلوس") - foreign.score(model, "كارلوس")) < 0.05
    assert foreign.load(tmp_path / "missing.tsv") == {}


def test_western_spelling_and_foreign_score_are_token_features(tmp_path) -> None:
    assert [_score_bucket(x) for x in ("", "40", "60", "150", "250", "451")] == [0, 0, 1, 2, 3, 4]
    path = tmp_path / "western.tsv"
    path.write_text("وينفري\t02\nجون\t43\n", "utf-8")
    f = Featurizer({}, use_gazetteer=False, phrases=False)
    f.western = load_western(path)
    f.foreign = foreign.train(FOREIGN, NATIVE, min_count=1)
    _, ctx1, own = f.raw("وينفري", "", "وينفري")
    assert "ws=2" in own and "ws=2" in ctx1 and not any(x.startswith("wg=") for x in own)
    assert any(x.startswith("fx=") for x in own)
    _, _, own = f.raw("وجون", "و", "جون")  # looked up by stem
    assert "wg=4" in own and "ws=3" in own
    _, _, own = f.raw("الحكومه", "ال", "حكومه")
    assert not any(x.startswith(("wg=", "ws=")) for x in own)
    plain = Featurizer({}, use_gazetteer=False, phrases=False)
    assert not any(x.startswith(("wg=", "ws=", "fx=")) for x in plain.raw("وينفري", "", "وينفري")[2])


def test_organisation_patterns() -> None:
    f = Featurizer({}, use_gazetteer=False, phrases=False)
    f.gaz = {"فاس": ("LT",), "البيضاء": ("LCP", "LT"), "ايطاليا": ("LC",), "اكادير": ("LT",), "حسن": ("LTP", "PG")}
    assert f._place_nisba("فاسي") and f._place_nisba("بيضاوي") and f._place_nisba("ايطاليه")
    assert not f._place_nisba("حسني")  # a city-phrase first word is no place
    f.orgpat = True
    words = [("فاز", "", "فاز"), ("المغرب", "ال", "مغرب"), ("الفاسي", "ال", "فاسي"), ("علي", "", "علي"),
             ("حسنيه", "", "حسنيه"), ("اكادير", "", "اكادير"), ("وقال", "", "وقال"), ("نادي", "", "نادي"),
             ("الوداد", "ال", "وداد")]
    feats = f.phrase_feats(words)
    assert feats is not None
    assert "0:op=nx" in feats[2] and any(x in feats[1] for x in ("0:op=xn", "0:op=cn"))
    assert "0:op=xl" in feats[4] and "0:op=lx" in feats[5]
    assert "0:op=hx" in feats[8]
    assert feats[0] == [] and feats[3] == []
    f.orgpat = False
    assert f.phrase_feats(words) is None


def test_trained_model_reads_its_knowledge_files(tmp_path, monkeypatch) -> None:
    import marsad.entities.train as T
    from marsad.entities.decode import CrfModel

    for name, value in (("WESTERN", True), ("FOREIGN", True), ("FOREIGN_CTX", False), ("ORGPAT", True)):
        monkeypatch.setattr(T, name, value)
    (tmp_path / "western.tsv").write_text("كافو\t03\n", "utf-8")
    f = Featurizer({}, use_gazetteer=False, phrases=False, cues=False)
    f.gaz = {"اكادير": ("LT",)}
    T.knowledge(f, tmp_path)  # keeps the frozen western.tsv, builds foreign.tsv.gz from package data
    assert f.western == {"كافو": (0, 3)} and f.foreign and f.orgpat and not f.foreign_ctx
    per = [("زار", "", "زار"), ("كافو", "", "كافو")]
    org = [("فاز", "", "فاز"), ("حسنيه", "", "حسنيه"), ("اكادير", "", "اكادير")]
    data = [(per, ["O", "B-PER"]), (org, ["O", "B-ORG", "I-ORG"])] * 4
    T.train(data, f, tmp_path, params={"max_iterations": 20})
    model = CrfModel(tmp_path)  # the run time's own featurizer, from the folder
    fz = model.featurizer
    assert fz.western == {"كافو": (0, 3)} and fz.foreign == foreign.load(tmp_path / "foreign.tsv.gz") and fz.orgpat
    assert not fz.foreign_ctx and not any(a.startswith(("1:fx=", "-1:fx=")) for a in model.index)
    assert model.tag(per)[0] == ["O", "B-PER"]
    # name-list matches handed in (the ensemble's shared matcher) still get the patterns
    assert model.emissions(org, [[], [], []]).shape == (3, len(model.labels))


def test_knowledge_switched_off_removes_its_files(tmp_path, monkeypatch) -> None:
    import marsad.entities.train as T

    for name in ("WESTERN", "FOREIGN", "ORGPAT"):
        monkeypatch.setattr(T, name, False)
    (tmp_path / "western.tsv").write_text("كافو\t03\n", "utf-8")
    (tmp_path / "foreign.tsv.gz").write_bytes(b"")
    f = Featurizer({}, use_gazetteer=False, phrases=False, cues=False)
    T.knowledge(f, tmp_path)
    assert not f.western and not f.foreign and not f.orgpat
    assert not (tmp_path / "western.tsv").exists() and not (tmp_path / "foreign.tsv.gz").exists()
