#!/usr/bin/env python3
"""The three genre experiments in PyTorch (CPU), timed per training epoch: canto's peer.

Same architectures, batch sizes (8, 16, 16), Adam lr 0.001 and data as
canto.bench.genre.GenreEpochs. With --data FILE: the real file, read as canto's genre command
reads it (basic_english tokenizer, the train/validation split of seed 1 drawn with canto's
SplitMix64 generator, torchtext's vocabulary of the training split, first 100 ids padded with
id V), features from the file when it has all 22 columns, uniform random otherwise. Without
it: synthetic data of the real shapes (vocabulary 45,640 + padding id, uniform ids). Each
configuration trains --warm epochs (default 1: subnormal moments build up over the first few
hundred steps), then times --epochs epochs and prints their median:

  torch lyrics batch=8 rows=22697 epochs=2 threads=1 flush_denormal=0 foreach=0 s_per_epoch=... min=... max=...

Usage: python3 pytorch_genre.py [--experiment lyrics|features|combined|all] [--epochs 2] [--warm 1]
                                [--data FILE] [--rows N] [--threads 1,2] [--flush 0,1] [--foreach 0,1]
"""
import argparse
import csv
import math
import statistics
import sys
import time

import torch
from torch import nn

VOCAB = 45640
SEQ = 100
FEATURES = 22
CLASSES = 7
BATCH = {"lyrics": 8, "features": 16, "combined": 16}


class Combined(nn.Module):
    """Experiment 3: lyrics branch and feature branch, concatenated, then four Linear layers."""

    def __init__(self, vocab):
        super().__init__()
        self.lyrics_pipeline = nn.Sequential(
            nn.Embedding(vocab + 1, 3), nn.Flatten(), nn.Dropout(0.2), nn.Linear(SEQ * 3, CLASSES))
        self.feature_pipeline = nn.Sequential(
            nn.Linear(FEATURES, 512), nn.ReLU(), nn.Dropout(0.2),
            nn.Linear(512, 128), nn.ReLU(), nn.Dropout(0.2),
            nn.Linear(128, 32), nn.ReLU(), nn.Dropout(0.2),
            nn.Linear(32, CLASSES))
        self.combined_pipeline = nn.Sequential(
            nn.Linear(2 * CLASSES, 512), nn.Linear(512, 256), nn.Linear(256, 64), nn.Linear(64, CLASSES))

    def forward(self, ids, feats):
        return self.combined_pipeline(torch.cat([self.lyrics_pipeline(ids), self.feature_pipeline(feats)], dim=1))


def model_for(experiment, vocab):
    if experiment == "lyrics":
        return nn.Sequential(nn.Embedding(vocab + 1, 4), nn.Flatten(), nn.Linear(SEQ * 4, CLASSES))
    if experiment == "features":
        layers = []
        for a, b in [(FEATURES, 128), (128, 64), (64, 32), (32, 16)]:
            layers += [nn.Linear(a, b), nn.ReLU(), nn.Dropout(0.2)]
        return nn.Sequential(*layers, nn.Linear(16, CLASSES))
    return Combined(vocab)


def synthetic(rows, seed=1):
    g = torch.Generator().manual_seed(seed)
    ids = torch.randint(0, VOCAB, (rows, SEQ), generator=g)
    lengths = torch.randint(20, SEQ + 1, (rows, 1), generator=g)
    ids[torch.arange(SEQ).unsqueeze(0) >= lengths] = VOCAB  # padded to 100 with id V
    feats = torch.rand(rows, FEATURES, generator=g)
    labels = torch.randint(0, CLASSES, (rows,), generator=g)
    return ids, feats, labels


M64 = (1 << 64) - 1
GAMMA = 0x9E3779B97F4A7C15


class Rng:
    """canto.engine.util.Rng (SplitMix64): the same outputs for the same seed."""

    def __init__(self, seed):
        self.state = seed & M64

    def next_long(self):
        self.state = (self.state + GAMMA) & M64
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & M64
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & M64
        return z ^ (z >> 31)

    def next_int(self, bound):
        limit = (1 << 31) - ((1 << 31) % bound)
        r = self.next_long() >> 33
        while r >= limit:
            r = self.next_long() >> 33
        return r % bound

    def shuffle(self, a):
        for i in range(len(a) - 1, 0, -1):
            j = self.next_int(i + 1)
            a[i], a[j] = a[j], a[i]

    def split(self):
        return Rng(self.next_long())


FEATURE_COLUMNS = ["dating", "violence", "world/life", "night/time", "shake the audience", "family/gospel",
                   "romantic", "communication", "obscene", "music", "movement/places",
                   "light/visual perceptions", "family/spiritual", "like/girls", "sadness", "feelings",
                   "danceability", "loudness", "acousticness", "instrumentalness", "valence", "energy"]
REPLACEMENTS = [("'", " '  "), ('"', ""), (".", " . "), ("<br />", " "), (",", " , "), ("(", " ( "),
                (")", " ) "), ("!", " ! "), ("?", " ? "), (";", " "), (":", " ")]


def basic_english(line):
    """torchtext's get_tokenizer("basic_english"), as canto's BasicEnglishTokenizer."""
    s = line.lower()
    for a, b in REPLACEMENTS:
        s = s.replace(a, b)
    return s.split()


def real(path):
    """(ids [n, 100], feats [n, 22], labels [n], training rows, vocabulary size, source line)."""
    csv.field_size_limit(sys.maxsize)
    with open(path, newline="", encoding="utf-8") as f:
        reader = csv.reader(f)
        header = next(reader)
        col = {name: i for i, name in enumerate(header) if name}
        rows = list(reader)
    genres = sorted({r[col["genre"]] for r in rows} | {"blues", "country", "hip hop", "jazz", "pop", "reggae", "rock"})
    labels = torch.tensor([genres.index(r[col["genre"]]) for r in rows])
    songs = [basic_english(r[col["lyrics"]]) for r in rows]
    n = len(rows)
    master = Rng(1)
    perm = list(range(n))
    master.split().shuffle(perm)
    n_val = math.ceil(0.2 * n)  # computed in double, as canto's TrainValidationSplit
    train = perm[n_val:]
    counts = {}
    for r in train:
        for w in songs[r]:
            counts[w] = counts.get(w, 0) + 1
    counts.pop("<unk>", None)
    words = sorted(counts, key=lambda w: (-counts[w], w))
    index = {w: i + 1 for i, w in enumerate(words)}  # <unk> is 0
    vocab = len(words) + 1
    ids = torch.full((n, SEQ), vocab, dtype=torch.long)
    for s, song in enumerate(songs):
        enc = [index.get(w, 0) for w in song[:SEQ]]
        if enc:
            ids[s, :len(enc)] = torch.tensor(enc)
    has_features = all(c in col for c in FEATURE_COLUMNS)
    if has_features:
        feats = torch.tensor([[float(r[col[c]]) for c in FEATURE_COLUMNS] for r in rows], dtype=torch.float32)
    else:
        feats = torch.rand(n, FEATURES, generator=torch.Generator().manual_seed(1))
    pos = torch.arange(1, SEQ + 1, dtype=torch.long)
    per_row = (ids[torch.tensor(train)] * pos).sum(dim=1).tolist()
    checksum = sum((k + 1) * r for k, r in enumerate(per_row)) % ((1 << 61) - 1)  # as RealGenreData.checksum
    source = (f"lyrics=real:{path} features={'real' if has_features else 'synthetic'} vocabulary={vocab} "
              f"checksum={checksum}")
    return ids, feats, labels, torch.tensor(train), vocab, source


def epoch(experiment, model, opt, loss_fn, ids, feats, labels, train, batch, g):
    """One training epoch over the rows `train` in a fresh random order, as the genre trainer runs it."""
    model.train()
    order = train[torch.randperm(train.shape[0], generator=g)]
    start = time.perf_counter()
    for i in range(0, order.shape[0], batch):
        idx = order[i:i + batch]
        if experiment == "lyrics":
            out = model(ids[idx])
        elif experiment == "features":
            out = model(feats[idx])
        else:
            out = model(ids[idx], feats[idx])
        loss = loss_fn(out, labels[idx])
        opt.zero_grad()
        loss.backward()
        opt.step()
    return time.perf_counter() - start


def run(experiment, data, epochs, warm, threads, flush, foreach):
    ids, feats, labels, train, vocab, _ = data
    torch.set_num_threads(threads)
    torch.set_flush_denormal(bool(flush))
    torch.manual_seed(42)
    model = model_for(experiment, vocab)
    opt = torch.optim.Adam(model.parameters(), lr=0.001, foreach=bool(foreach))
    loss_fn = nn.CrossEntropyLoss()
    g = torch.Generator().manual_seed(7)
    batch = BATCH[experiment]
    for _ in range(warm):
        epoch(experiment, model, opt, loss_fn, ids, feats, labels, train, batch, g)
    times = [epoch(experiment, model, opt, loss_fn, ids, feats, labels, train, batch, g) for _ in range(epochs)]
    first, total = times[0], sum(times)
    times.sort()
    torch.set_flush_denormal(False)
    print(f"torch {experiment} batch={batch} rows={train.shape[0]} epochs={epochs} threads={threads} "
          f"flush_denormal={flush} foreach={foreach} s_per_epoch={statistics.median(times):.4f} min={times[0]:.4f} "
          f"max={times[-1]:.4f} first={first:.4f} total={total:.3f} warm={warm} torch={torch.__version__}", flush=True)


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--experiment", default="all", choices=["lyrics", "features", "combined", "all"])
    p.add_argument("--epochs", type=int, default=2)
    p.add_argument("--warm", type=int, default=1)
    p.add_argument("--data", help="a genre CSV file (default: synthetic data)")
    p.add_argument("--rows", type=int, help="train on the first N training rows only (synthetic default 22697)")
    p.add_argument("--threads", default="1,2")
    p.add_argument("--flush", default="0,1")
    p.add_argument("--foreach", default="0,1", help="torch.optim.Adam(foreach=...): 0, 1 or both")
    a = p.parse_args()
    if a.data:
        data = real(a.data)
        if a.rows:
            data = data[:3] + (data[3][:a.rows],) + data[4:]
    else:
        rows = a.rows or 22697
        data = synthetic(rows) + (torch.arange(rows), VOCAB, "lyrics=synthetic features=synthetic")
    print(f"torch data: {data[5]} train_rows={data[3].shape[0]}", flush=True)
    experiments = ["lyrics", "features", "combined"] if a.experiment == "all" else [a.experiment]
    for e in experiments:
        for t in [int(x) for x in a.threads.split(",")]:
            for f in [int(x) for x in a.flush.split(",")]:
                for fe in [int(x) for x in a.foreach.split(",")]:
                    run(e, data, a.epochs, a.warm, t, f, fe)


if __name__ == "__main__":
    main()
