"""The entities stage: trained CRF on clitic-aware tokens, spans without proclitics."""

from __future__ import annotations

import marsad
from marsad.document import Document, Token
from marsad.entities.corpus import chunks, prf, read_bio, spans_to_gold
from marsad.entities.decode import bio_spans
from marsad.entities.features import Featurizer, load_silver
from marsad.entities.stage import Entities, known_names, load_model, strip_count
from marsad.pipeline import build


def _ents(text: str) -> list[tuple[str, str]]:
    doc = marsad.extract(text)
    for e in doc.entities:
        assert e.source == "model" and 0.0 <= e.score <= 1.0
    return [(doc.text[e.start:e.end], e.label) for e in doc.entities]


def test_persons_places_organisations_in_news_sentences() -> None:
    ents = _ents("وقال وزير الخارجية الفرنسي لوران فابيوس في باريس إن فرنسا تدعم الحكومة العراقية.")
    assert ("لوران فابيوس", "PER") in ents
    assert ("باريس", "LOC") in ents
    assert ("فرنسا", "LOC") in ents
    ents = _ents("ووصل نبيل العربي، الأمين العام لجامعة الدول العربية، إلى بيروت يوم الأحد.")
    assert ("جامعة الدول العربية", "ORG") in ents
    assert ("نبيل العربي", "PER") in ents
    assert ("بيروت", "LOC") in ents
    ents = _ents("ووصل وزير الخارجية الأمريكي جون كيري إلى موسكو للقاء نظيره الروسي سيرغي لافروف.")
    assert {("جون كيري", "PER"), ("موسكو", "LOC"), ("سيرغي لافروف", "PER")} <= set(ents)


def test_spans_leave_proclitics_out_and_keep_the_article() -> None:
    text = ("وزار الوفد دمشق ثم توجه لبغداد وواشنطن. وقال الوزير في مؤتمر صحفي بالقاهرة إن مصر "
            "والعراق ستشاركان في الاجتماع.")
    doc = marsad.extract(text)
    surfaces = {doc.text[e.start:e.end] for e in doc.entities}
    assert {"دمشق", "بغداد", "واشنطن", "القاهرة", "مصر", "العراق"} <= surfaces
    assert not surfaces & {"لبغداد", "وواشنطن", "بالقاهرة", "والعراق"}
    for e in doc.entities:
        assert doc.text[e.start:e.end] == doc.text[e.start:e.end].strip()


def test_offsets_survive_diacritics_and_tatweel() -> None:
    text = "وَقَالَ الرئيسُ الأمريكـي باراك أوباما في واشنطن إن بلاده ستدعم العراق."
    doc = marsad.extract(text)
    got = {(doc.text[e.start:e.end], e.label) for e in doc.entities}
    assert ("باراك أوباما", "PER") in got
    assert ("واشنطن", "LOC") in got


def test_one_letter_proclitic_kept_by_the_segmenter_is_decided_by_names_and_frequencies() -> None:
    names = known_names()

    def tok(norm: str) -> Token:
        return Token(0, len(norm), norm)

    assert strip_count(tok("لداعش"), names) == 1  # the remainder is far more frequent
    assert strip_count(tok("بشار"), names) == 0  # a name in its own right
    assert strip_count(tok("ليبيا"), names) == 0
    assert strip_count(Token(0, 7, "والعراق", "وال", "عراق"), names) == 1  # keep the article
    assert strip_count(Token(0, 6, "للعراق", "لل", "عراق"), names) == 2  # elided article goes too


def test_model_loads_once() -> None:
    a, b = Entities(), Entities()
    assert a.model is b.model is load_model()
    stage = next(s for s in build(["normalise", "segment", "entities"]).stages if s.name == "entities")
    assert stage.model is a.model


def test_empty_and_tokenless_documents() -> None:
    doc = Document("")
    doc.tokens = []
    Entities()(doc)
    assert doc.entities == []
    assert marsad.extract("... !!! 123").entities == []


def test_bio_decoding_and_scoring(tmp_path) -> None:
    assert bio_spans(["B-PER", "I-PER", "O", "I-LOC", "B-ORG", "I-LOC"]) == [(0, 2, "PER"), (3, 4, "LOC"), (4, 5, "ORG"), (5, 6, "LOC")]
    path = tmp_path / "mini.txt"
    path.write_text("زار B-PERS\nعلي I-PERS\nبغداد B-LOC\n\nقال O\nالوزير O\n", "utf-8")
    sents = read_bio(path)
    assert sents[0] == [("زار", "B-PER"), ("علي", "I-PER"), ("بغداد", "B-LOC")]
    words = [w for w, _ in sents[0]]
    # a span that starts inside a gold token (proclitic left out) maps to that whole token
    assert spans_to_gold(words, [(0, 7, "PER"), (9, 13, "LOC")]) == ["B-PER", "I-PER", "B-LOC"]
    assert chunks(["B-PER", "I-PER", "B-LOC"]) == {(0, 2, "PER"), (2, 3, "LOC")}
    scores = prf([["B-PER", "I-PER", "B-LOC"]], [["B-PER", "I-PER", "B-ORG"]])
    assert scores["ALL"][:3] == (0.5, 0.5, 0.5)
    assert scores["PER"][2] == 1.0 and scores["LOC"][1] == 0.0


def test_silver_lexicon_and_type_features(tmp_path) -> None:
    path = tmp_path / "silver.tsv"
    path.write_text("كيري\t20\t19\t0\t1\t0\nقال\t50\t2\t0\t0\t0\n", "utf-8")
    lex = load_silver(path)
    assert lex["كيري"] == ("PER:4",)
    assert "قال" not in lex  # tagged in under a tenth of its occurrences
    feat = Featurizer({"كيري": ("1", "2", "3")})
    feat.silver = lex
    left2, left1, own, right1, right2 = feat.base("وكيري", "و", "كيري")
    assert "0:sl=PER:4" in own and "0:c2=3" in own and "0:p=و" in own
    assert "-1:sl=PER:4" in left1 and "1:w=وكيري" in right1 and "-2:c1=2" in left2


def test_train_ner_reports_missing_data(tmp_path, capsys) -> None:
    import argparse

    from marsad.commands import train_ner

    parser = argparse.ArgumentParser()
    train_ner.add_parser(parser.add_subparsers())
    args = parser.parse_args(["train-ner", "--data", str(tmp_path / "none"), "--out", str(tmp_path / "m")])
    assert train_ner.run(args) == 2
    assert "news file not found" in capsys.readouterr().err
    args = parser.parse_args(["train-ner", "--data", str(tmp_path / "none"), "--out", str(tmp_path / "m"),
                              "--reuse-clusters", "--reuse-silver"])
    assert train_ner.run(args) == 2
    assert "training data not found" in capsys.readouterr().err


def test_multi_word_name_features_and_jackknifed_training_names() -> None:
    from marsad.entities.corpus import tokenise
    from marsad.entities.features import index_phrases
    from marsad.entities.train import entity_phrases

    doc = tokenise("وأدانت منظمة العفو الدولية الهجوم على الولايات المتحدة")
    words = [(t.norm, t.prefix, t.stem) for t in doc.tokens]
    feats = Featurizer({}, use_gazetteer=False).phrase_feats(words)
    assert feats is not None
    own = [next((f[5:] for f in fs if f.startswith("0:gz=")), "O") for fs in feats]
    assert own[1:4] == ["B-ORG", "I-ORG", "I-ORG"] and own[-2:] == ["B-LOC", "I-LOC"]
    assert "-1:gz=B-ORG" in feats[2] and "1:gz=B-ORG" in feats[0]
    # training names: first word without its proclitic, the most frequent type wins
    data = [(words, ["O", "B-ORG", "I-ORG", "I-ORG", "O", "O", "B-LOC", "I-LOC"]),
            ([("وبغداد", "و", "بغداد")], ["B-LOC"])]
    names = entity_phrases(data)
    assert names[("منظمه", "العفو", "الدوليه")] == "ORG" and names[("بغداد",)] == "LOC"
    f = Featurizer({}, use_gazetteer=False, phrases=False)
    f.tphrases = index_phrases(names)
    tagged = f.phrase_feats([("لبغداد", "ل", "بغداد")])
    assert tagged == [["0:gt=B-LOC"]]


def test_nested_bio_keeps_the_outermost_mappable_tag(tmp_path) -> None:
    path = tmp_path / "nested.txt"
    path.write_text("سكرتير B-OCC\nاللجنة I-OCC B-ORG\nالعربية I-OCC I-ORG\nفي I-OCC\nنابلس I-OCC B-GPE\n", "utf-8")
    assert [t for _, t in read_bio(path)[0]] == ["O", "B-ORG", "I-ORG", "O", "B-LOC"]


def test_bioes_tags_and_marginals() -> None:
    import numpy as np

    from marsad.entities.decode import CrfModel
    from marsad.entities.train import to_bioes

    assert to_bioes(["B-PER", "I-PER", "O", "B-LOC", "I-ORG", "I-ORG", "O", "I-PER"]) == [
        "B-PER", "E-PER", "O", "S-LOC", "B-ORG", "E-ORG", "O", "S-PER"]
    m = CrfModel.__new__(CrfModel)
    rng = np.random.default_rng(0)
    m.T = rng.normal(size=(3, 3))
    E = rng.normal(size=(4, 3))
    # brute force over the 3^4 label sequences
    P = np.zeros((4, 3))
    for seq in np.ndindex(3, 3, 3, 3):
        s = np.exp(sum(E[i, y] for i, y in enumerate(seq)) + sum(m.T[a, b] for a, b in zip(seq[:-1], seq[1:], strict=True)))
        for i, y in enumerate(seq):
            P[i, y] += s
    P /= P.sum(axis=1, keepdims=True)
    assert np.allclose(m.marginals(E), P)


def test_stacked_features_and_two_stage_model(tmp_path) -> None:
    from marsad.entities.decode import CrfModel
    from marsad.entities.features import stack_feats
    from marsad.entities.train import train_stacked

    words = [("قال", "", "قال"), ("علي", "", "علي"), ("ان", "", "ان"), ("علي", "", "علي")]
    feats = stack_feats(words, ["O", "B-PER", "O", "O"], [0.9, 0.5, 1.0, 0.1])
    assert "y0=B-PER" in feats[1] and "y-1=O" in feats[1] and "y-2=BOS" in feats[1] and "y1=O" in feats[1]
    assert "yc=B-PER:2" in feats[1] and "yc=O:4" in feats[2]
    assert "ys=PER" in feats[3] and not any(f.startswith("ys=") for f in feats[1])
    per = [("زار", "", "زار"), ("محمد", "", "محمد"), ("بغداد", "", "بغداد")]
    org = [("قالت", "", "قالت"), ("منظمه", "", "منظمه"), ("العفو", "ال", "عفو")]
    data = [(per, ["O", "B-PER", "B-LOC"]), (org, ["O", "B-ORG", "I-ORG"])] * 5
    feat = Featurizer({}, use_gazetteer=False, phrases=False, cues=False)
    info = train_stacked(data, feat, tmp_path, params={"max_iterations": 20}, folds=2)
    assert info["stacked"] and (tmp_path / "ner1.npz").exists() and (tmp_path / "ner.npz").exists()
    model = CrfModel(tmp_path, feat)
    assert model.first is not None
    assert model.tag(per)[0] == ["O", "B-PER", "B-LOC"]
    assert model.emissions(org).shape == (3, len(model.labels))


def test_stacked_emissions_match_the_training_features(tmp_path) -> None:
    import numpy as np

    from marsad.entities.decode import CrfModel
    from marsad.entities.features import stack_feats
    from marsad.entities.train import train_stacked

    a = [("زار", "", "زار"), ("محمد", "", "محمد"), ("بغداد", "", "بغداد"), ("ومحمد", "و", "محمد")]
    b = [("قالت", "", "قالت"), ("منظمه", "", "منظمه"), ("العفو", "ال", "عفو"), ("ان", "", "ان")]
    data = [(a, ["O", "B-PER", "B-LOC", "B-PER"]), (b, ["O", "B-ORG", "I-ORG", "O"])] * 5
    feat = Featurizer({}, use_gazetteer=False, phrases=False, cues=False)
    train_stacked(data, feat, tmp_path, params={"max_iterations": 20}, folds=2)
    model = CrfModel(tmp_path, feat)
    for words in (a, b, a[1:2]):
        fast = model.emissions(words)
        labels1, conf1 = model.first.marginal_tag(words)
        first, model.first = model.first, None
        slow = model.emissions(words)
        model.first = first
        for i, feats in enumerate(stack_feats(words, labels1, conf1)):
            slow[i] += model._sum(feats)
        assert np.allclose(fast, slow, atol=1e-5)


def test_sentence_topic_features() -> None:
    words = [("فاز", "", "فاز"), ("الوداد", "ال", "وداد"), ("في", "", "في"), ("مباراه", "", "مباراه"),
             ("الدوري", "ال", "دوري"), ("2", "", "2")]
    f = Featurizer({"وداد": ("5", "6", "7")}, use_gazetteer=False, phrases=False, topic=True)
    feats = f.phrase_feats(words)
    assert feats is not None and "0:T=sport|c0=5" in feats[1] and "0:T=sport|c0=none" in feats[0]
    assert feats[5] == []  # digits get none
    assert Featurizer({}, use_gazetteer=False, phrases=False, topic=True).phrase_feats(words[:3]) is None


def test_document_types_and_document_tagging(tmp_path) -> None:
    from marsad.entities.decode import CrfModel
    from marsad.entities.features import doc_types, stack_feats
    from marsad.entities.train import train_stacked

    s1 = [("زار", "", "زار"), ("كافو", "", "كافو")]
    s2 = [("قال", "", "قال"), ("كافو", "", "كافو")]
    docs = doc_types([s1, s2], [["O", "B-PER"], ["O", "O"]])
    assert docs[0] == {} and docs[1] == {"كافو": {"PER"}}  # own sentence's tags do not count
    assert "yd=PER" in stack_feats(s2, ["O", "O"], doc=docs[1])[1]
    data = [(s1, ["O", "B-PER"]), (s2, ["O", "B-PER"]), ([("في", "", "في"), ("بغداد", "", "بغداد")], ["O", "B-LOC"])] * 4
    feat = Featurizer({}, use_gazetteer=False, phrases=False, cues=False)
    info = train_stacked(data, feat, tmp_path, params={"max_iterations": 20}, folds=2, window=3)
    assert info["doc_window"] == 3
    model = CrfModel(tmp_path, feat)
    tagged = model.tag_document([s1, [], s2])
    assert tagged[1] == ([], []) and tagged[0][0] == ["O", "B-PER"] and len(tagged[2][1]) == 2
