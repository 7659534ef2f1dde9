"""Train the neural NER tagger (``marsad.entities.neural``) and its ensemble weight with the CRF.

Usage (one core; training needs torch and gensim, the run time numpy only)::

    OPENBLAS_NUM_THREADS=1 nice python scripts/train_neural_ner.py \\
        [--data ../shared/data/ner] [--news ../shared/data/news/saudinewsnet-2015.jsonl.gz] \\
        [--work build/neural_ner] [--out src/marsad/entities/neural] \\
        [--dev-lists build/neural_ner/dev_silver] [--config '{"d": 64}'] [--dev-only --tag NAME]

Steps (each cached in ``--work``):

1. word2vec on the news stems, the recipe of ``marsad.entities.clusters`` (skip-gram, 100
   dimensions, window 5, 3 epochs, min count 5, seed 1, one worker) → ``w2v.kv``;
2. ANERcorp ``train.txt`` only (never ``test.txt``, no NewsFANE), aligned to the pipeline's
   tokens (``corpus.align``); development split = the last 1/6 of its sentences (whole
   documents), as in ``docs/ner.md``;
3. a development CRF: the shipped CRF recipe (``train.train``, the shipped model's clusters,
   self-trained lexicon and name lists) on the first 5/6 only → ``dev_crf/``;
4. the network on the first 5/6 for ``epochs`` epochs (Adam, learning rate decaying linearly;
   the last epoch's model is kept, no selection on the curve), scored on the development sixth
   after each epoch (alone, for the record); then the ensemble weight ``w`` (CRF emissions +
   w × log-probabilities, CRF Viterbi) is chosen on the development sixth with the development
   CRF. ``--dev-lists`` gives the development run a self-trained lexicon and news names built
   without the development sixth (``scripts/ner_dev_features.py silver``), as the shipped ones
   saw it;
5. the network retrained on all of ``train.txt`` for that many epochs and exported with ``w``
   to ``--out`` (``weights.npz``, float16 matrices), with ``TRAINING.json`` (recipe, seed,
   data SHA-256, development figures) and frozen copies of the name lists and lexicon it reads.

Seeds: torch 7, batch order from ``random.Random(7)``; word2vec seed 1, one worker.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import shutil
import sys
import time
from pathlib import Path

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import numpy as np  # noqa: E402

from marsad.entities.corpus import align, prf, read_bio  # noqa: E402
from marsad.entities.decode import CrfModel  # noqa: E402
from marsad.entities.features import index_phrases, write_phrases  # noqa: E402
from marsad.entities.neural import (  # noqa: E402
    WEIGHTS,
    NeuralTagger,
    TypeFeaturizer,
    char_ids,
    constrained_viterbi,
    embedding_key,
    own_phrase_feats,
    phrase_matcher,
)
from marsad.entities.stage import MODEL_DIR  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SEED = 7
LABELS = ["O", "B-LOC", "B-MISC", "B-ORG", "B-PER", "I-LOC", "I-MISC", "I-ORG", "I-PER"]
CONFIG = {
    "d": 64,
    "dilations": [1, 2, 4, 1],
    "dropout": 0.4,
    "lr": 2e-3,
    "batch": 32,
    "epochs": 12,
    "lr_decay": True,  # linear decay to 5 % of lr over the epochs; the last epoch's model is kept
    "min_feat_count": 2,
    "emb_top": 40_000,
    "word_dropout": 0.25,
    "char_filters": 64,  # character CNN over the stem (0: none)
    "char_dim": 16,
    "max_chars": 14,
    "n_nets": 1,  # networks trained with seeds SEED, SEED + 1...; their log-probabilities averaged
}
O_GRID = [0.0, 0.25, 0.5]  # extra bias against O on top of the CRF's own
W_GRID = [0.0, 0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5, 0.75, 1.0, 1.5, 2.0, 3.0]
FROZEN = ("gazetteer_phrases.tsv", "silver_phrases.tsv", "silver.tsv")

Seq = tuple[list[tuple[str, str, str]], list[str]]


def log(*a):
    print(time.strftime("%H:%M:%S"), *a, file=sys.stderr, flush=True)


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def to_seqs(sents) -> list[Seq]:
    return [([(t.norm, t.prefix, t.stem) for t in toks], labels) for s in sents for toks, labels in align(s)]


def word2vec(news: Path, work: Path):
    from gensim.models import KeyedVectors

    path = work / "w2v.kv"
    if not path.exists():
        from gensim.models import Word2Vec

        from marsad.entities.clusters import SEED as W2V_SEED
        from marsad.entities.clusters import sentences

        log(f"word2vec on {news} (one core)...")
        model = Word2Vec(sentences(str(news)), vector_size=100, window=5, min_count=5, sg=1, negative=5,
                         epochs=3, workers=1, seed=W2V_SEED)
        model.wv.save(str(path))
    return KeyedVectors.load(str(path))


def embedding_table(kv, data: list[Seq], top: int) -> tuple[list[str], np.ndarray]:
    """The news' ``top`` most frequent stems, plus every training stem word2vec knows."""
    words = list(kv.index_to_key[:top])
    seen = set(words)
    for keys, _ in data:
        for norm, _prefix, stem in keys:
            for w in (stem, norm[1:]):
                if w not in seen and w in kv.key_to_index:
                    seen.add(w)
                    words.append(w)
    vecs = np.stack([kv[w] for w in words]).astype(np.float32)
    vecs /= np.linalg.norm(vecs, axis=1, keepdims=True) + 1e-9
    return words, vecs


def dev_crf(data: list[Seq], work: Path, lists: Path) -> CrfModel:
    """The shipped CRF recipe trained on the first 5/6 (the development split's CRF), with the
    self-trained lexicon and news names in ``lists``."""
    out = work / ("dev_crf" if lists == MODEL_DIR else f"dev_crf_{lists.name}")
    if not (out / "ner.npz").exists():
        from marsad.entities.features import Featurizer, load_clusters, load_phrases, load_silver
        from marsad.entities.train import O_PENALTY, train

        fz = Featurizer(load_clusters(MODEL_DIR / "clusters.tsv"))
        fz.phrases = index_phrases(load_phrases(MODEL_DIR / "gazetteer_phrases.tsv"))
        fz.silver = load_silver(lists / "silver.tsv")
        fz.sphrases = index_phrases(load_phrases(lists / "silver_phrases.tsv"))
        log(f"development CRF on {len(data)} sequences...")
        train(data, fz, out, o_penalty=O_PENALTY)
        for name in ("clusters.tsv", "gazetteer_phrases.tsv"):
            shutil.copy(MODEL_DIR / name, out / name)
        for name in ("silver.tsv", "silver_phrases.tsv"):
            shutil.copy(lists / name, out / name)
    return CrfModel(out)


class Encoded:
    """Sequences as padded id arrays: features (B, T, K), embedding rows (B, T), labels (B, T)."""

    def __init__(self, feats: list[list[list[str]]], emb: list[list[int]], labels: list[list[str]],
                 index: dict[str, int], chars: list[list[list[int]]] | None = None):
        self.n = len(feats)
        self.c = chars
        self.f = [[[index[x] for x in tok if x in index] for tok in s] for s in feats]
        self.e = emb
        self.y = [[LABELS.index(t) for t in s] for s in labels]
        self.index = index

    def batch(self, ids: list[int], word_dropout: float = 0.0, rng: random.Random | None = None):
        import torch

        T = max(len(self.y[i]) for i in ids)
        K = max(1, max(len(tok) for i in ids for tok in self.f[i]))
        F = np.zeros((len(ids), T, K), np.int64)
        E = np.zeros((len(ids), T), np.int64)
        Y = np.full((len(ids), T), -100, np.int64)
        M = np.zeros((len(ids), T), np.float32)
        C = np.zeros((len(ids), T, max(len(w) for i in ids for w in self.c[i]) if self.c else 1), np.int64)
        for b, i in enumerate(ids):
            if self.c:
                for t, w in enumerate(self.c[i]):
                    C[b, t, :len(w)] = w
            for t, tok in enumerate(self.f[i]):
                if word_dropout and rng is not None and rng.random() < word_dropout:
                    # hide the word's identity (word, stem, embedding): learn from its shape and context
                    tok = [x for x in tok if x not in self.identity]
                    E[b, t] = 0
                else:
                    E[b, t] = self.e[i][t]
                F[b, t, :len(tok)] = tok
            n = len(self.y[i])
            Y[b, :n] = self.y[i]
            M[b, :n] = 1
        return (torch.from_numpy(F), torch.from_numpy(E), torch.from_numpy(M), torch.from_numpy(Y),
                torch.from_numpy(C))


def featurise(data: list[Seq], tf: TypeFeaturizer, matchers: list, folds: list[int], emb_index: dict[str, int]):
    feats, embs = [], []
    for k, (keys, _) in enumerate(data):
        extra = own_phrase_feats(matchers[folds[k]], keys)
        fs = []
        for i, key in enumerate(keys):
            f = tf(*key)
            if extra is not None:
                f = f + extra[i]
            fs.append(f)
        feats.append(fs)
        embs.append([embedding_key(*key, emb_index) for key in keys])
    return feats, embs


def build_net(n_feats: int, emb: np.ndarray, cfg: dict, n_chars: int = 0):
    import torch
    from torch import nn

    class Net(nn.Module):
        def __init__(self):
            super().__init__()
            d = cfg["d"]
            self.F = nn.Embedding(n_feats, d, padding_idx=0)
            nn.init.normal_(self.F.weight, std=0.1)
            with torch.no_grad():
                self.F.weight[0].zero_()
            table = np.vstack([np.zeros((1, emb.shape[1]), np.float32), emb])
            self.emb = nn.Embedding.from_pretrained(torch.from_numpy(table), freeze=True, padding_idx=0)
            self.P = nn.Linear(emb.shape[1], d, bias=False)
            self.b0 = nn.Parameter(torch.zeros(d))
            self.convs = nn.ModuleList([nn.Conv1d(d, d, 3, dilation=k, padding=k) for k in cfg["dilations"]])
            self.out = nn.Linear(d, len(LABELS))
            self.drop = nn.Dropout(cfg["dropout"])
            k = cfg["char_filters"]
            if k:
                self.CE = nn.Embedding(n_chars, cfg["char_dim"], padding_idx=0)
                self.CC = nn.Conv1d(cfg["char_dim"], k, 3, padding=1)
                self.CP = nn.Linear(k, d, bias=False)

        def forward(self, F, E, M, C):
            x = self.F(F).sum(2) + self.P(self.emb(E)) + self.b0
            if cfg["char_filters"]:
                B, T, L = C.shape
                ce = self.CE(C.reshape(B * T, L)).transpose(1, 2)  # (BT, dim, L)
                z = self.CC(ce)  # zero padding at both ends, as the numpy code
                z = z.masked_fill((C.reshape(B * T, 1, L) == 0), -1e4)
                h = torch.relu(z.max(dim=2).values)
                x = x + self.CP(h).reshape(B, T, -1)
            m = M.unsqueeze(-1)
            h = self.drop(torch.relu(x)) * m
            for conv in self.convs:
                z = conv(h.transpose(1, 2)).transpose(1, 2)
                h = (self.drop(torch.relu(z)) + h) * m
            return self.out(h)

    return Net()


def export(net, feats: list[str], emb_words: list[str], emb: np.ndarray, cfg: dict, w: float,
           char_vocab: str = "", o_penalty: float = 0.0) -> dict:
    sd = {k: v.detach().numpy() for k, v in net.state_dict().items()}
    d = cfg["d"]
    arrays = {
        "labels": np.array(LABELS),
        "feats": np.array(feats),
        "F": sd["F.weight"].astype(np.float16),
        "b0": sd["b0"].astype(np.float32),
        "emb_words": np.array(emb_words),
        "emb": emb.astype(np.float16),
        "P": sd["P.weight"].T.astype(np.float32),
        "dilations": np.array(cfg["dilations"], np.int32),
        "out_W": sd["out.weight"].T.astype(np.float32),
        "out_b": sd["out.bias"].astype(np.float32),
        "ensemble_weight": np.float32(w),
        "ensemble_o_penalty": np.float32(o_penalty),
    }
    for i in range(len(cfg["dilations"])):
        W = sd[f"convs.{i}.weight"]  # (out, in, 3)
        arrays[f"conv{i}_W"] = np.concatenate([W[:, :, j].T for j in range(3)], axis=0).astype(np.float16)
        arrays[f"conv{i}_b"] = sd[f"convs.{i}.bias"].astype(np.float32)
    if cfg["char_filters"]:
        W = sd["CC.weight"]  # (filters, dim, 3)
        arrays.update({
            "char_vocab": np.array(char_vocab), "max_chars": np.int32(cfg["max_chars"]),
            "char_E": sd["CE.weight"].astype(np.float32),
            "char_W": np.concatenate([W[:, :, j].T for j in range(3)], axis=0).astype(np.float32),
            "char_b": sd["CC.bias"].astype(np.float32),
            "char_P": sd["CP.weight"].T.astype(np.float32),
        })
    assert arrays["conv0_W"].shape == (3 * d, d)
    return arrays


def train_net(enc: Encoded, emb: np.ndarray, cfg: dict, epochs: int, dev=None, seed: int = SEED):
    """Train; with ``dev`` (a callable net → F1), return the best epoch's state and the curve."""
    import torch

    torch.manual_seed(seed)
    torch.set_num_threads(1)
    rng = random.Random(seed)
    net = build_net(len(enc.index), emb, cfg, len(enc.char_vocab) + 2 if enc.c else 0)
    opt = torch.optim.Adam([p for p in net.parameters() if p.requires_grad], lr=cfg["lr"])
    steps = epochs * ((enc.n + cfg["batch"] - 1) // cfg["batch"] + 20)
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: max(0.05, 1 - s / steps) if cfg["lr_decay"] else 1.0)
    loss_fn = torch.nn.CrossEntropyLoss(ignore_index=-100)
    order = list(range(enc.n))
    curve, best, best_state = [], -1.0, None
    for ep in range(1, epochs + 1):
        net.train()
        rng.shuffle(order)
        # length-sorted buckets of shuffled batches (less padding)
        chunks = [sorted(order[i:i + cfg["batch"] * 20], key=lambda k: len(enc.y[k]))
                  for i in range(0, enc.n, cfg["batch"] * 20)]
        batches = [c[i:i + cfg["batch"]] for c in chunks for i in range(0, len(c), cfg["batch"])]
        rng.shuffle(batches)
        t0, total = time.perf_counter(), 0.0
        for ids in batches:
            F, E, M, Y, C = enc.batch(ids, cfg["word_dropout"], rng)
            logits = net(F, E, M, C)
            loss = loss_fn(logits.reshape(-1, len(LABELS)), Y.reshape(-1))
            opt.zero_grad()
            loss.backward()
            opt.step()
            sched.step()
            total += float(loss) * len(ids)
        msg = f"epoch {ep}: loss {total / enc.n:.4f} ({time.perf_counter() - t0:.0f} s)"
        if dev is not None:
            net.eval()
            f1 = dev(net)
            curve.append(round(f1, 4))
            msg += f"  dev F1 (alone) {f1:.4f}"
            if f1 > best and not cfg["lr_decay"]:
                best = f1
                best_state = {k: v.clone() for k, v in net.state_dict().items()}
        log(msg)
    if best_state is not None:
        net.load_state_dict(best_state)
    net.eval()
    return net, curve


def train_nets(enc: Encoded, emb: np.ndarray, cfg: dict, epochs: int, dev=None):
    """``n_nets`` networks (seeds SEED + j); the development curve of the first."""
    nets, curve = [], []
    for j in range(cfg["n_nets"]):
        net, c = train_net(enc, emb, cfg, epochs, dev=dev if j == 0 else None, seed=SEED + j)
        nets.append(net)
        curve = curve or c
    return nets, curve


def export_all(nets, *args, **kw) -> dict:
    arrays = export(nets[0], *args, **kw)
    shared = {"labels", "feats", "emb_words", "emb", "dilations", "ensemble_weight", "ensemble_o_penalty",
              "char_vocab", "max_chars"}
    for j, net in enumerate(nets[1:], 1):
        arrays.update({f"{k}@{j}": v for k, v in export(net, *args, **kw).items() if k not in shared})
    arrays["n_nets"] = np.int32(len(nets))
    return arrays


def torch_log_probs(net, enc: Encoded) -> list[np.ndarray]:
    import torch

    out = []
    with torch.no_grad():
        for i in range(0, enc.n, 64):
            ids = list(range(i, min(enc.n, i + 64)))
            F, E, M, _, C = enc.batch(ids)
            lp = torch.log_softmax(net(F, E, M, C), dim=-1).numpy()
            out.extend(lp[b, :len(enc.y[k])] for b, k in enumerate(ids))
    return out


def f1_of(gold: list[list[str]], pred: list[list[str]]) -> dict:
    return prf(gold, pred)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default=str(ROOT.parent / "shared/data/ner"))
    ap.add_argument("--news", default=str(ROOT.parent / "shared/data/news/saudinewsnet-2015.jsonl.gz"))
    ap.add_argument("--work", default=str(ROOT / "build/neural_ner"))
    ap.add_argument("--out", default=str(ROOT / "src/marsad/entities/neural"))
    ap.add_argument("--epochs", type=int, default=0, help="epoch count (0: CONFIG's)")
    ap.add_argument("--tag", default="", help="name of the development report in --work")
    ap.add_argument("--dev-only", action="store_true", help="stop after the development figures")
    ap.add_argument("--config", default="{}", help="JSON overrides of CONFIG")
    ap.add_argument("--dev-lists", default="", help="folder with silver.tsv and silver_phrases.tsv built "
                    "without the development sixth (scripts/ner_dev_features.py silver) for the development "
                    "run; default: the shipped ones (which saw it)")
    args = ap.parse_args()
    cfg = {**CONFIG, **json.loads(args.config)}
    data_dir, work, out = Path(args.data), Path(args.work), Path(args.out)
    train_file = data_dir / "anercorp/train.txt"
    if not train_file.exists():
        print(f"missing {train_file}", file=sys.stderr)
        return 2
    work.mkdir(parents=True, exist_ok=True)
    kv = word2vec(Path(args.news), work)

    sents = read_bio(train_file)
    cut = len(sents) * 5 // 6
    log("aligning ANERcorp train...")
    tr, dev = to_seqs(sents[:cut]), to_seqs(sents[cut:])
    full = tr + dev

    # the frozen lists the run time reads (names of training = all of train.txt)
    from marsad.entities.features import load_silver
    from marsad.entities.train import entity_phrases

    tmp = work / "lists"
    tmp.mkdir(exist_ok=True)
    dev_lists = Path(args.dev_lists) if args.dev_lists else MODEL_DIR

    def use_lists(src: Path) -> TypeFeaturizer:
        shutil.copy(MODEL_DIR / "gazetteer_phrases.tsv", tmp / "gazetteer_phrases.tsv")
        for name in ("silver.tsv", "silver_phrases.tsv"):
            shutil.copy(src / name, tmp / name)
        return TypeFeaturizer(load_silver(tmp / "silver.tsv"))

    tf = use_lists(dev_lists)

    def matchers_for(data: list[Seq]) -> tuple[list, list[int], object]:
        """Jackknifed training-name matchers (fifths, as the CRF) and the all-names one."""
        folds = [k * 5 // len(data) for k in range(len(data))]
        ms = []
        for f in range(5):
            write_phrases(tmp / "phrases.tsv", entity_phrases([d for d, g in zip(data, folds, strict=True) if g != f]))
            ms.append(phrase_matcher(tmp))
        write_phrases(tmp / "phrases.tsv", entity_phrases(data))
        return ms, folds, phrase_matcher(tmp)

    def prepare(data: list[Seq]):
        ms, folds, m_all = matchers_for(data)
        emb_words, emb = embedding_table(kv, data, cfg["emb_top"])
        emb_index = {w: i + 1 for i, w in enumerate(emb_words)}
        feats, embs = featurise(data, tf, ms, folds, emb_index)
        from collections import Counter

        counts = Counter(x for s in feats for tok in s for x in tok)
        names = ["<pad>"] + sorted(x for x, c in counts.items()
                                   if c >= cfg["min_feat_count"] or not x.startswith(("w=", "s=")))
        index = {x: i for i, x in enumerate(names)}
        char_vocab = "".join(sorted({ch for keys, _ in data for _, _, stem in keys for ch in stem}))
        cindex = {c: i + 2 for i, c in enumerate(char_vocab)}
        chars = [[char_ids(k[2], cindex, cfg["max_chars"]) for k in keys] for keys, _ in data] \
            if cfg["char_filters"] else None
        enc = Encoded(feats, embs, [lab for _, lab in data], index, chars)
        enc.identity = {index[x] for x in names if x.startswith(("w=", "s="))}
        enc.char_vocab, enc.cindex = char_vocab, cindex
        return enc, m_all, emb_words, emb, emb_index, names

    # development: train on 5/6, score the last sixth
    log(f"development run: {len(tr)} training sequences, {len(dev)} development sequences")
    enc, m_all, emb_words, emb, emb_index, names = prepare(tr)
    dev_feats, dev_embs = featurise(dev, tf, [m_all], [0] * len(dev), emb_index)
    dev_chars = [[char_ids(k[2], enc.cindex, cfg["max_chars"]) for k in keys] for keys, _ in dev] \
        if cfg["char_filters"] else None
    dev_enc = Encoded(dev_feats, dev_embs, [lab for _, lab in dev], enc.index, dev_chars)
    gold = [lab for _, lab in dev]

    def dev_f1(net) -> float:
        lps = torch_log_probs(net, dev_enc)
        pred = [[LABELS[k] for k in constrained_viterbi(lp, LABELS)] for lp in lps]
        return prf(gold, pred)["ALL"][2]

    epochs = args.epochs or cfg["epochs"]
    t0 = time.perf_counter()
    nets, curve = train_nets(enc, emb, cfg, epochs, dev=dev_f1)
    dev_seconds = time.perf_counter() - t0
    # with the decaying rate, the last epoch; without, the best on the development sixth
    best_epochs = epochs if cfg["lr_decay"] else int(np.argmax(curve)) + 1
    # numpy forward (the run-time code) on the development sixth, checked against torch
    arrays = export_all(nets, names, emb_words, emb, cfg, 1.0, enc.char_vocab)
    tagger = NeuralTagger(tmp, arrays=arrays)
    dev_keys = [k for k, _ in dev]
    lps = tagger.log_probs(dev_keys)
    ref = torch_log_probs(nets[0], dev_enc)
    lps0 = NeuralTagger(tmp, arrays=export(nets[0], names, emb_words, emb, cfg, 1.0, enc.char_vocab)).log_probs(dev_keys)
    diff = max(float(np.abs(a - b).max()) for a, b in zip(lps0, ref, strict=True))
    log(f"numpy vs torch max |log p| difference on dev: {diff:.4f} (float16 weights)")
    alone = prf(gold, [[LABELS[k] for k in constrained_viterbi(lp, LABELS)] for lp in lps])
    crf = dev_crf(tr, work, dev_lists)
    bio = list(getattr(crf, "bio", crf.labels))  # a BIOES-trained CRF: S- → B-, E- → I-
    perm = [LABELS.index(lab) for lab in bio]
    np.savez_compressed(work / f"{args.tag or 'dev'}_weights.npz", **arrays)  # the development network
    crf_E = [crf.emissions(keys) for keys in dev_keys]
    grid = {}
    for ob in O_GRID:
        for w in W_GRID:
            pred = []
            for E0, lp in zip(crf_E, lps, strict=True):
                E = E0 + w * lp[:, perm]
                E[:, crf.labels.index("O")] -= ob
                path, _ = crf.viterbi(E)
                pred.append([bio[k] for k in path])
            s = prf(gold, pred)
            grid[(w, ob)] = s
            log(f"ensemble w={w} extra O penalty {ob}: dev P {s['ALL'][0]:.4f} R {s['ALL'][1]:.4f} "
                f"F1 {s['ALL'][2]:.4f}")
    best_w, best_ob = max(grid, key=lambda k: (round(grid[k]["ALL"][2], 4), -k[1], -k[0]))
    log(f"epochs {best_epochs}, neural alone dev F1 {alone['ALL'][2]:.4f}, CRF alone "
        f"{grid[(0.0, 0.0)]['ALL'][2]:.4f}, ensemble w={best_w} extra O penalty {best_ob} "
        f"{grid[(best_w, best_ob)]['ALL'][2]:.4f}")

    def fmt(s: dict) -> dict:
        return {t: [round(x, 4) for x in v[:3]] + [v[3]] for t, v in s.items()}

    info = {
        "config": cfg, "seed": SEED, "labels": LABELS,
        "train_file": "anercorp/train.txt", "train_sha256": sha(train_file),
        "news_file": Path(args.news).name, "news_sha256": sha(Path(args.news)) if Path(args.news).exists() else None,
        "w2v": "skip-gram, 100 dims, window 5, 3 epochs, min count 5, seed 1, one worker, on news stems "
               "(marsad.entities.clusters.sentences)",
        "frozen_lists_from": "src/marsad/entities/model (gazetteer_phrases.tsv, silver_phrases.tsv, silver.tsv)",
        "dev_lists": str(args.dev_lists or "shipped (saw the development sixth)"),
        "dev_split": "last 1/6 of train.txt sentences; development CRF = shipped recipe on the first 5/6",
        "dev_curve_alone": curve, "dev_training_seconds": round(dev_seconds),
        "epochs": best_epochs, "ensemble_weight": best_w, "ensemble_o_penalty": best_ob,
        "dev_alone": fmt(alone), "dev_crf": fmt(grid[(0.0, 0.0)]), "dev_ensemble": fmt(grid[(best_w, best_ob)]),
        "dev_grid_f1": {f"w={w} o={ob}": round(s["ALL"][2], 4) for (w, ob), s in grid.items()},
        "numpy_vs_torch_max_diff": round(diff, 5),
    }
    tag = args.tag or "dev_report"
    (work / f"{tag}.json").write_text(json.dumps(info, indent=1, ensure_ascii=False) + "\n", "utf-8")
    if args.dev_only:
        print(json.dumps(info, indent=1, ensure_ascii=False))
        return 0

    # final: all of train.txt, the chosen epoch count, no model selection on anything
    log(f"final run on {len(full)} sequences, {best_epochs} epochs")
    tf = use_lists(MODEL_DIR)
    enc, m_all, emb_words, emb, emb_index, names = prepare(full)
    t0 = time.perf_counter()
    nets, _ = train_nets(enc, emb, cfg, best_epochs)
    info["final_training_seconds"] = round(time.perf_counter() - t0)
    arrays = export_all(nets, names, emb_words, emb, cfg, best_w, enc.char_vocab, o_penalty=best_ob)
    out.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(out / WEIGHTS, **arrays)
    for name in (*FROZEN, "phrases.tsv"):
        shutil.copy(tmp / name, out / name)
    info["final_sequences"] = len(full)
    info["weights_sha256"] = sha(out / WEIGHTS)
    info["frozen_sha256"] = {n: sha(out / n) for n in (*FROZEN, "phrases.tsv")}
    (out / "TRAINING.json").write_text(json.dumps(info, indent=1, ensure_ascii=False) + "\n", "utf-8")
    log(f"wrote {out / WEIGHTS} ({(out / WEIGHTS).stat().st_size / 1e6:.2f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
