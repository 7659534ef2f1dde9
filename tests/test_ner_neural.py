"""The neural NER tagger (numpy forward pass) and its ensemble with the CRF in the entities stage."""

from __future__ import annotations

import numpy as np
import pytest

import marsad
from marsad.document import Document
from marsad.entities.corpus import tokenise
from marsad.entities.neural import NeuralTagger, PhraseMatcher, char_ids, constrained_viterbi
from marsad.entities.stage import Entities

LABELS = ["O", "B-LOC", "B-MISC", "B-ORG", "B-PER", "I-LOC", "I-MISC", "I-ORG", "I-PER"]


def tiny_arrays(seed: int = 0, d: int = 8, favour: str | None = None, weight: float = 1.0,
                chars: bool = False) -> dict:
    rng = np.random.default_rng(seed)
    feats = ["<pad>", "sh=A", "p=و", "p=وال", "w=بغداد", "s=عراق", "g=LOC"]
    out_b = np.zeros(len(LABELS), np.float32)
    if favour:
        out_b[:] = -50.0
        out_b[LABELS.index(favour)] = 50.0
    arrays = {
        "labels": np.array(LABELS),
        "feats": np.array(feats),
        "F": rng.normal(size=(len(feats), d)).astype(np.float16),
        "b0": rng.normal(size=d).astype(np.float32),
        "emb_words": np.array(["عراق", "بغداد"]),
        "emb": rng.normal(size=(2, 5)).astype(np.float16),
        "P": rng.normal(size=(5, d)).astype(np.float32),
        "dilations": np.array([1, 2], np.int32),
        "out_W": (rng.normal(size=(d, len(LABELS))) * (0 if favour else 1)).astype(np.float32),
        "out_b": out_b,
        "ensemble_weight": np.float32(weight),
    }
    for i in range(2):
        arrays[f"conv{i}_W"] = rng.normal(size=(3 * d, d)).astype(np.float16) * 0.3
        arrays[f"conv{i}_b"] = rng.normal(size=d).astype(np.float32)
    if chars:
        vocab = "ابتدرعغقلمنهوي"
        arrays.update({"char_vocab": np.array(vocab), "max_chars": np.int32(6),
                       "char_E": rng.normal(size=(len(vocab) + 2, 4)).astype(np.float32),
                       "char_W": rng.normal(size=(12, 5)).astype(np.float32),
                       "char_b": rng.normal(size=5).astype(np.float32),
                       "char_P": rng.normal(size=(5, d)).astype(np.float32)})
    return arrays


def keys(text: str) -> list[tuple[str, str, str]]:
    return [(t.norm, t.prefix, t.stem) for t in tokenise(text).tokens]


def test_forward_shapes_probabilities_and_determinism(tmp_path) -> None:
    tagger = NeuralTagger(tmp_path, arrays=tiny_arrays())
    s1, s2 = keys("وصل الوفد إلى بغداد والعراق"), keys("قال المتحدث")
    a = tagger.log_probs([s1, s2, []])
    assert [x.shape for x in a] == [(len(s1), 9), (len(s2), 9), (0, 9)]
    assert np.allclose(np.exp(a[0]).sum(axis=1), 1.0, atol=1e-5)
    b = tagger.log_probs([s1, s2, []])
    assert all(np.array_equal(x, y) for x, y in zip(a, b, strict=True))
    # sentences laid end to end do not see each other (zero gaps, masked layers)
    alone = tagger.log_probs([s1])[0]
    assert np.allclose(alone, a[0], atol=1e-5)
    assert np.allclose(tagger.log_probs([s2])[0], a[1], atol=1e-5)
    assert tagger.log_probs([]) == []


def test_character_cnn_is_per_word_and_cut_to_length(tmp_path) -> None:
    tagger = NeuralTagger(tmp_path, arrays=tiny_arrays(chars=True))
    plain = NeuralTagger(tmp_path, arrays=tiny_arrays())
    s = keys("وصل الوفد إلى بغداد والعراق")
    a, b = tagger.log_probs([s])[0], plain.log_probs([s])[0]
    assert a.shape == b.shape and not np.allclose(a, b)
    assert np.array_equal(tagger.log_probs([s])[0], a)
    # a word longer than max_chars keeps its first and last characters
    assert char_ids("مستشفيات", tagger.chars, 6) == char_ids("مستتات", tagger.chars, 6)
    assert tagger.char_vector("مستشفيات").shape == (8,)


def test_several_networks_are_averaged(tmp_path) -> None:
    one = tiny_arrays(chars=True)
    shared = {"labels", "feats", "emb_words", "emb", "dilations", "ensemble_weight", "char_vocab", "max_chars"}
    twice = dict(one, n_nets=np.int32(2), **{f"{k}@1": v for k, v in one.items() if k not in shared})
    other = tiny_arrays(seed=1, chars=True)
    mixed = dict(one, n_nets=np.int32(2), **{f"{k}@1": v for k, v in other.items() if k not in shared})
    s = keys("وصل الوفد إلى بغداد والعراق")
    a = NeuralTagger(tmp_path, arrays=one).log_probs([s])[0]
    b = NeuralTagger(tmp_path, arrays=twice).log_probs([s])[0]
    assert np.allclose(a, b, atol=1e-5)  # the mean of one network twice is that network
    c = NeuralTagger(tmp_path, arrays=mixed).log_probs([s])[0]
    d = NeuralTagger(tmp_path, arrays=other).log_probs([s])[0]
    assert not np.allclose(a, c) and not np.allclose(c, d)
    assert np.allclose(np.exp(c).sum(axis=1), 1.0, atol=1e-5)


def test_constrained_viterbi_never_starts_inside() -> None:
    E = np.log(np.full((3, 9), 0.01))
    E[:, LABELS.index("I-PER")] = 0.0  # the network alone would say I-PER everywhere
    path = [LABELS[k] for k in constrained_viterbi(E, LABELS)]
    assert path[0] != "I-PER" and path[1:] == ["I-PER", "I-PER"]


def write_weights(directory, **kw) -> None:
    np.savez_compressed(directory / "weights.npz", **tiny_arrays(**kw))


def test_stage_uses_the_ensemble_when_weights_exist(tmp_path) -> None:
    write_weights(tmp_path, favour="B-PER", weight=10.0)  # a network that says B-PER, weighted heavily
    assert Entities(neural_dir=str(tmp_path)).mode == "crf"  # the default: the ensemble is opt-in
    stage = Entities(neural_dir=str(tmp_path), mode="ensemble")
    assert stage.neural is not None and stage.mode == "ensemble"
    doc = tokenise("وصل الوفد إلى بغداد")
    stage(doc)
    words = [t for t in doc.tokens if t.is_word]
    assert {e.label for e in doc.entities} == {"PER"} and len(doc.entities) == len(words)
    # the network alone, for measurements
    alone = Entities(neural_dir=str(tmp_path), mode="neural")
    doc2 = tokenise("وصل الوفد إلى بغداد")
    alone(doc2)
    assert {e.label for e in doc2.entities} == {"PER"}


def test_stage_falls_back_to_the_crf_without_weights(tmp_path) -> None:
    text = "وقال وزير الخارجية الأمريكي جون كيري في بغداد إن واشنطن تدعم العراق."
    stage = Entities(neural_dir=str(tmp_path), mode="ensemble")  # no weights.npz there
    assert stage.neural is None and stage.mode == "crf"
    crf = Entities(mode="crf")
    assert crf.neural is None
    a, b = tokenise(text), tokenise(text)
    stage(a)
    crf(b)
    assert a.entities == b.entities
    with pytest.raises(ValueError):
        Entities(mode="bert")


def test_mode_from_the_environment(tmp_path, monkeypatch) -> None:
    write_weights(tmp_path)
    monkeypatch.setenv("MARSAD_NER_MODE", "crf")
    assert Entities(neural_dir=str(tmp_path)).mode == "crf"
    monkeypatch.setenv("MARSAD_NER_MODE", "ensemble")
    assert Entities(neural_dir=str(tmp_path)).mode == "ensemble"
    monkeypatch.setenv("MARSAD_NER_MODE", "neural")
    assert Entities(neural_dir=str(tmp_path)).mode == "neural"


def test_shipped_stage_strips_proclitics_from_spans() -> None:
    text = "وصل وزير الخارجية إلى بغداد والتقى رئيس الوزراء، وقال إن الكويت والعراق وقعتا اتفاقا بالموصل."
    doc = marsad.extract(text)
    surfaces = {text[e.start:e.end]: e.label for e in doc.entities}
    assert surfaces.get("بغداد") == "LOC"
    assert surfaces.get("العراق") == "LOC"  # والعراق: the conjunction is not part of the span
    assert "والعراق" not in surfaces
    for e in doc.entities:
        assert not text[e.start:e.end].startswith(("والعراق", "بالموصل"))


def test_empty_document_with_the_ensemble(tmp_path) -> None:
    write_weights(tmp_path)
    doc = Document("")
    doc.tokens = []
    Entities(neural_dir=str(tmp_path), mode="ensemble")(doc)
    assert doc.entities == []


class BioesStub:
    """A CRF trained with BIOES tags: S-/E- labels, BIO names in ``bio``."""

    labels = ["O", "B-PER", "E-PER", "S-PER", "I-PER"]
    bio = ["O", "B-PER", "I-PER", "B-PER", "I-PER"]
    o_index = 0

    def emissions(self, keys):
        E = np.zeros((len(keys), len(self.labels)))
        E[:, 3] = 1.0  # S-PER everywhere
        return E

    def viterbi(self, E):
        return [int(k) for k in E.argmax(axis=1)], E

    def tag(self, keys):
        return ["B-PER"] * len(keys), [1.0] * len(keys)


def test_ensemble_with_a_bioes_crf_gives_bio_labels(tmp_path, monkeypatch) -> None:
    import marsad.entities.stage as stage_mod

    write_weights(tmp_path, weight=0.0)
    monkeypatch.setattr(stage_mod, "load_model", lambda directory=None: BioesStub())
    stage = Entities(neural_dir=str(tmp_path), mode="ensemble")
    assert stage.perm == [LABELS.index(x) for x in BioesStub.bio]
    labels, conf = stage.tag(keys("زار بغداد"), stage.neural.log_probs([keys("زار بغداد")])[0])
    assert labels == ["B-PER", "B-PER"] and len(conf) == 2


def test_one_name_match_serves_both_models() -> None:
    from marsad.entities.features import index_phrases

    stage = Entities(mode="ensemble")
    if stage.neural is None:
        pytest.skip("no shipped network weights")
    fz = stage.model.featurizer
    matcher = stage.neural.matcher
    saved = (fz.phrases, fz.tphrases, fz.sphrases)
    # the CRF reading the network's frozen lists, as when both were trained on the same lists (the
    # stage then shares one match; a CRF retrained on moved lists matches on its own, same output)
    fz.phrases, fz.tphrases, fz.sphrases = (index_phrases(matcher.entries[n]) for n in ("gz", "gt", "gs"))
    try:
        stage = Entities(mode="ensemble")
        assert stage.shared_matcher is not None
        for text in ("وقال الرئيس الأمريكي باراك أوباما في البيت الأبيض إن الولايات المتحدة والمملكة العربية "
                     "السعودية ستعملان مع الأمم المتحدة",
                     "التقى وزير الخارجية في القاهرة بممثلي جامعة الدول العربية وحزب العدالة والتنمية"):
            k = keys(text)
            m = stage.shared_matcher.match(k)
            ours = PhraseMatcher.crf(m, len(k))
            # the name-list part of the CRF's sentence features (its organisation patterns, ``0:op=``,
            # are added by ``CrfModel.emissions`` on top of a given match)
            theirs = [[f for f in x if not f.startswith("0:op=")] for x in fz.phrase_feats(k) or []]
            assert [sorted(x) for x in ours] == [sorted(x) for x in theirs]
            assert any(ours)
            a, b = tokenise(text), tokenise(text)
            stage(a)
            other = Entities(mode="ensemble")
            other.shared_matcher = None  # each model matches on its own
            other(b)
            assert a.entities == b.entities
    finally:
        fz.phrases, fz.tphrases, fz.sphrases = saved
