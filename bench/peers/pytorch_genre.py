#!/usr/bin/env python3
"""The three genre experiments in PyTorch (CPU), timed per training epoch: canto's peer.

Same architectures, batch sizes (8, 16, 16), Adam lr 0.001 and training-split size (22,697
rows) as canto.bench.genre.GenreEpochs, on synthetic data of the real shapes (vocabulary
45,640 + padding id, 100 tokens, 22 features, 7 classes). Each configuration trains one warm
epoch (subnormal moments build up over the first few hundred steps), then times --epochs
epochs and prints their median:

  torch lyrics batch=8 rows=22697 epochs=2 threads=1 flush_denormal=0 s_per_epoch=... min=... max=...

Usage: python3 pytorch_genre.py [--experiment lyrics|features|combined|all] [--epochs 2]
                                [--rows 22697] [--threads 1,2] [--flush 0,1]
"""
import argparse
import statistics
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

    def __init__(self):
        super().__init__()
        self.lyrics_pipeline = nn.Sequential(
            nn.Embedding(VOCAB + 1, 3), nn.Flatten(), nn.Dropout(0.2), nn.Linear(SEQ * 3, CLASSES))
        self.feature_pipeline = nn.Sequential(
            nn.Linear(FEATURES, 512), nn.ReLU(), nn.Dropout(0.2),
            nn.Linear(512, 128), nn.ReLU(), nn.Dropout(0.2),
            nn.Linear(128, 32), nn.ReLU(), nn.Dropout(0.2),
            nn.Linear(32, CLASSES))
        self.combined_pipeline = nn.Sequential(
            nn.Linear(2 * CLASSES, 512), nn.Linear(512, 256), nn.Linear(256, 64), nn.Linear(64, CLASSES))

    def forward(self, ids, feats):
        return self.combined_pipeline(torch.cat([self.lyrics_pipeline(ids), self.feature_pipeline(feats)], dim=1))


def model_for(experiment):
    if experiment == "lyrics":
        return nn.Sequential(nn.Embedding(VOCAB + 1, 4), nn.Flatten(), nn.Linear(SEQ * 4, CLASSES))
    if experiment == "features":
        layers = []
        for a, b in [(FEATURES, 128), (128, 64), (64, 32), (32, 16)]:
            layers += [nn.Linear(a, b), nn.ReLU(), nn.Dropout(0.2)]
        return nn.Sequential(*layers, nn.Linear(16, CLASSES))
    return Combined()


def synthetic(rows, seed=1):
    g = torch.Generator().manual_seed(seed)
    ids = torch.randint(0, VOCAB, (rows, SEQ), generator=g)
    lengths = torch.randint(20, SEQ + 1, (rows, 1), generator=g)
    ids[torch.arange(SEQ).unsqueeze(0) >= lengths] = VOCAB  # padded to 100 with id V
    feats = torch.rand(rows, FEATURES, generator=g)
    labels = torch.randint(0, CLASSES, (rows,), generator=g)
    return ids, feats, labels


def epoch(experiment, model, opt, loss_fn, ids, feats, labels, batch, g):
    """One training epoch in a fresh random order, as the genre trainer runs it."""
    model.train()
    order = torch.randperm(labels.shape[0], generator=g)
    start = time.perf_counter()
    for i in range(0, labels.shape[0], batch):
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


def run(experiment, rows, epochs, threads, flush):
    torch.set_num_threads(threads)
    torch.set_flush_denormal(bool(flush))
    torch.manual_seed(42)
    ids, feats, labels = synthetic(rows)
    model = model_for(experiment)
    opt = torch.optim.Adam(model.parameters(), lr=0.001)
    loss_fn = nn.CrossEntropyLoss()
    g = torch.Generator().manual_seed(7)
    batch = BATCH[experiment]
    epoch(experiment, model, opt, loss_fn, ids, feats, labels, batch, g)  # warm epoch
    times = sorted(epoch(experiment, model, opt, loss_fn, ids, feats, labels, batch, g) for _ in range(epochs))
    torch.set_flush_denormal(False)
    print(f"torch {experiment} batch={batch} rows={rows} epochs={epochs} threads={threads} "
          f"flush_denormal={flush} s_per_epoch={statistics.median(times):.4f} min={times[0]:.4f} "
          f"max={times[-1]:.4f} torch={torch.__version__}", flush=True)


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--experiment", default="all", choices=["lyrics", "features", "combined", "all"])
    p.add_argument("--epochs", type=int, default=2)
    p.add_argument("--rows", type=int, default=22697)
    p.add_argument("--threads", default="1,2")
    p.add_argument("--flush", default="0,1")
    a = p.parse_args()
    experiments = ["lyrics", "features", "combined"] if a.experiment == "all" else [a.experiment]
    for e in experiments:
        for t in [int(x) for x in a.threads.split(",")]:
            for f in [int(x) for x in a.flush.split(",")]:
                run(e, a.rows, a.epochs, t, f)


if __name__ == "__main__":
    main()
