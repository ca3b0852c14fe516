#!/usr/bin/python3
"""Re-scores canto genre models in PyTorch: loads each model folder into the blog post's own
classes with load_state_dict(strict=True) and prints its train and validation accuracy.

A model folder (written by `genre.jar --experiment ... --out DIR`, under DIR/models/) holds
  model.safetensors  the weights under the PyTorch names, settings in __metadata__
  vocab.txt          the vocabulary, one token per line in id order (padding id = line count)
  validation.txt     the 0-based data rows of the seed's validation split
The training rows are all the others. Accuracies are computed in evaluation mode (dropout
off) and printed next to the figures canto stored in the file's metadata:

  lyrics-seed1: pytorch train 0.7712 val 0.2610 | canto train 0.7712 val 0.2610 | val predictions differing 0 of 5675

Usage (Debian's python3-torch and python3-numpy; no other package):
  /usr/bin/python3 genre/src/test/python/rescore.py --data data/genre/tcc_ceds_music_lyrics_all_rows.csv \
      out/lyrics/models/lyrics-seed1 [more model folders ...]

The blog's class definitions below are reconstructed from the post's layer list and the
parameter names its state_dict has (docs/EXPERIMENTS.md): only names and shapes must match.
"""
import argparse
import csv
import json
import math
import re
import struct
import sys
import zlib

import numpy as np
import torch
from torch import nn

GENRES = ["blues", "country", "hip hop", "jazz", "pop", "reggae", "rock"]  # LabelEncoder order
FEATURES = ["dating", "violence", "world/life", "night/time", "shake the audience", "family/gospel",
            "romantic", "communication", "obscene", "music", "movement/places", "light/visual perceptions",
            "family/spiritual", "like/girls", "sadness", "feelings",
            "danceability", "loudness", "acousticness", "instrumentalness", "valence", "energy"]
MAX_LEN = 100


# ---- the blog post's classes -----------------------------------------------------------------

class TextClassificationModel(nn.Module):
    """Experiment 1: Embedding(V+1, 4) -> flatten -> Linear(400, 7)."""

    def __init__(self, vocab_size, embedding_dim=4, max_len=MAX_LEN, num_class=7):
        super().__init__()
        self.embedding = nn.Embedding(vocab_size + 1, embedding_dim)
        self.fc = nn.Linear(max_len * embedding_dim, num_class)

    def forward(self, x):
        return self.fc(torch.flatten(self.embedding(x), 1))


class EngFeaturesClassModel(nn.Module):
    """Experiment 2: 22 -> 128 -> 64 -> 32 -> 16 -> 7, ReLU and Dropout(0.2) between."""

    def __init__(self):
        super().__init__()
        self.pipeline = nn.Sequential(
            nn.Flatten(),
            nn.Linear(22, 128), nn.ReLU(), nn.Dropout(0.2),
            nn.Linear(128, 64), nn.ReLU(), nn.Dropout(0.2),
            nn.Linear(64, 32), nn.ReLU(), nn.Dropout(0.2),
            nn.Linear(32, 16), nn.ReLU(), nn.Dropout(0.2),
            nn.Linear(16, 7))

    def forward(self, x):
        return self.pipeline(x)


class CombinedNet(nn.Module):
    """Experiment 3: lyrics branch and features branch, concatenated (lyrics first), then four
    Linear layers without activations between them."""

    def __init__(self, vocab_size):
        super().__init__()
        self.lyric_pipeline = nn.Sequential(
            nn.Embedding(vocab_size + 1, 3), nn.Flatten(), nn.Dropout(0.2), nn.Linear(MAX_LEN * 3, 7))
        self.feature_pipeline = nn.Sequential(
            nn.Flatten(),
            nn.Linear(22, 512), nn.ReLU(), nn.Dropout(0.2),
            nn.Linear(512, 128), nn.ReLU(), nn.Dropout(0.2),
            nn.Linear(128, 32), nn.ReLU(), nn.Dropout(0.2),
            nn.Linear(32, 7))
        self.combine_model = nn.Sequential(nn.Linear(14, 512), nn.Linear(512, 256), nn.Linear(256, 64), nn.Linear(64, 7))

    def forward(self, ids, features):
        return self.combine_model(torch.cat((self.lyric_pipeline(ids), self.feature_pipeline(features)), 1))


# ---- canto's ngrams model ----------------------------------------------------------------------

class NgramClassifier(nn.Module):
    """canto's `--experiment ngrams` (fastText with TF-IDF weights): the TF-IDF-weighted sum of the
    song's word, bigram (and character n-gram) buckets' embeddings, [an optional ReLU hidden layer], Linear to 7."""

    def __init__(self, buckets, dim, hidden):
        super().__init__()
        self.embedding = nn.EmbeddingBag(buckets, dim, mode="sum")
        self.hidden = nn.Linear(dim, hidden) if hidden > 0 else None
        self.fc = nn.Linear(hidden if hidden > 0 else dim, 7)
        self.register_buffer("idf", torch.zeros(buckets))

    def forward(self, ids, offsets, weights):
        x = self.embedding(ids, offsets, per_sample_weights=weights)
        if self.hidden is not None:
            x = torch.relu(self.hidden(x))
        return self.fc(x)


def crc32(word):
    return zlib.crc32(word.encode("utf-8"))


BIGRAM_MULTIPLIER = 116049371  # fastText's n-gram hash multiplier


def char_buckets(word, buckets, char_min, char_max, char_buckets):
    """The character n-grams of "<" + word + ">" of char_min .. char_max code points (by start,
    then length), each in bucket buckets + crc32(g) % char_buckets (their own buckets)."""
    s = "<" + word + ">"
    return [buckets + crc32(s[i:i + n]) % char_buckets
            for i in range(len(s)) for n in range(char_min, char_max + 1) if i + n <= len(s)]


def ngram_buckets(tokens, buckets, order=2, chars=None):
    """Word buckets crc32(w) % B, bigram buckets ((crc32(a) * 116049371 + crc32(b)) mod 2^32) % B,
    with order 3 also trigram buckets ((g(a, b) * 116049371 + crc32(c)) mod 2^32) % B, where
    g(a, b) = (crc32(a) * 116049371 + crc32(b)) mod 2^32; words, then bigrams, then trigrams,
    then (chars = (min, max, C)) every token's character n-grams."""
    h = [crc32(t) for t in tokens]
    pair = lambda a, b: (a * BIGRAM_MULTIPLIER + b) & 0xFFFFFFFF
    out = [x % buckets for x in h]
    if order >= 2:
        out += [pair(a, b) % buckets for a, b in zip(h, h[1:])]
    if order >= 3:
        out += [pair(pair(a, b), c) % buckets for a, b, c in zip(h, h[1:], h[2:])]
    if chars is not None:
        memo = {}
        for t in tokens:
            if t not in memo:
                memo[t] = char_buckets(t, buckets, *chars)
            out += memo[t]
    return out


def ngram_bag(tokens, buckets, idf, pooling, order=2, chars=None):
    """The song's distinct buckets and their weights, as canto computes them."""
    counts = {}
    for b in ngram_buckets(tokens, buckets, order, chars):
        counts[b] = counts.get(b, 0) + 1
    ids = [b for b in sorted(counts) if idf[b] > 0]
    if pooling == "tfidf":
        w = [(1 + math.log(counts[b])) * idf[b] for b in ids]
        norm = math.sqrt(sum(x * x for x in w))
        w = [x / norm for x in w] if norm > 0 else w
    else:  # mean over the song's n-grams seen in training
        total = sum(counts[b] for b in ids)
        w = [counts[b] / total for b in ids]
    return ids, w


# ---- files ---------------------------------------------------------------------------------------

def read_safetensors(path):
    with open(path, "rb") as f:
        data = f.read()
    (n,) = struct.unpack("<Q", data[:8])
    header = json.loads(data[8:8 + n].decode("utf-8"))
    meta = header.pop("__metadata__", {})
    base = 8 + n
    tensors = {}
    for name, info in header.items():
        assert info["dtype"] == "F32", name
        a, b = info["data_offsets"]
        arr = np.frombuffer(data[base + a:base + b], dtype="<f4").reshape(info["shape"])
        tensors[name] = torch.from_numpy(arr.copy())
    return tensors, meta


PATTERNS = [(re.compile(p), r) for p, r in [
    (r"\'", " '  "), (r"\"", ""), (r"\.", " . "), (r"<br \/>", " "), (r",", " , "), (r"\(", " ( "),
    (r"\)", " ) "), (r"\!", " ! "), (r"\?", " ? "), (r"\;", " "), (r"\:", " "), (r"\s+", " ")]]


def basic_english(line):
    """torchtext's get_tokenizer("basic_english")."""
    line = line.lower()
    for p, r in PATTERNS:
        line = p.sub(r, line)
    return line.split()


def load_csv(path):
    csv.field_size_limit(1 << 30)
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


# ---- scoring -------------------------------------------------------------------------------------

def predict(folder, rows):
    state, meta = read_safetensors(f"{folder}/model.safetensors")
    experiment = meta["experiment"]
    vocab = None
    if experiment in ("lyrics", "combined"):
        with open(f"{folder}/vocab.txt", encoding="utf-8") as f:
            vocab = [line.rstrip("\n") for line in f]
    if experiment == "lyrics":
        model = TextClassificationModel(len(vocab))
    elif experiment == "features":
        model = EngFeaturesClassModel()
    elif experiment == "combined":
        model = CombinedNet(len(vocab))
    else:
        # the table: B word/bigram buckets, then (files with character n-grams) their C buckets
        rows_total = int(meta["buckets"]) + int(meta.get("char_buckets", "0"))
        model = NgramClassifier(rows_total, int(meta["dim"]), int(meta["hidden"]))
    model.load_state_dict(state, strict=True)
    model.eval()

    def ids_of(r):
        index = {w: i for i, w in enumerate(vocab)}
        out = []
        for row in r:
            t = [index.get(w, 0) for w in basic_english(row["lyrics"])[:MAX_LEN]]
            out.append(t + [len(vocab)] * (MAX_LEN - len(t)))
        return torch.tensor(out)

    def features_of(r):
        return torch.tensor([[float(row[c]) for c in FEATURES] for row in r], dtype=torch.float64).to(torch.float32)

    with torch.no_grad():
        if experiment == "lyrics":
            logits = model(ids_of(rows))
        elif experiment == "features":
            logits = model(features_of(rows))
        elif experiment == "combined":
            logits = model(ids_of(rows), features_of(rows))
        else:
            buckets, idf, pooling = int(meta["buckets"]), model.idf.tolist(), meta["pooling"]
            order = int(meta.get("ngram_order", "2"))  # files from before trigrams: words and bigrams
            chars = None
            if int(meta.get("char_buckets", "0")) > 0:  # files from before character n-grams: none
                lo, hi = meta["char_ngrams"].split("-")
                chars = (int(lo), int(hi), int(meta["char_buckets"]))
            ids, offsets, weights = [], [], []
            for row in rows:
                i, w = ngram_bag(basic_english(row["lyrics"]), buckets, idf, pooling, order, chars)
                offsets.append(len(ids))
                ids += i
                weights += w
            logits = model(torch.tensor(ids, dtype=torch.long), torch.tensor(offsets, dtype=torch.long),
                           torch.tensor(weights, dtype=torch.float32))
    return logits.argmax(1).numpy(), meta


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--data", required=True, help="the CSV the models were trained on")
    p.add_argument("models", nargs="+", help="model folders (DIR/models/<experiment>-seed<S>)")
    a = p.parse_args()
    torch.set_num_threads(1)
    rows = load_csv(a.data)
    labels = np.array([GENRES.index(r["genre"]) for r in rows])
    for folder in a.models:
        pred, meta = predict(folder, rows)
        with open(f"{folder}/validation.txt", encoding="utf-8") as f:
            val = np.array([int(line) for line in f if line.strip()])
        is_val = np.zeros(len(rows), dtype=bool)
        is_val[val] = True
        train_acc = float((pred[~is_val] == labels[~is_val]).mean())
        val_acc = float((pred[is_val] == labels[is_val]).mean())
        name = folder.rstrip("/").split("/")[-1]
        print(f"{name}: pytorch train {train_acc:.4f} val {val_acc:.4f} | canto train "
              f"{float(meta.get('train_accuracy_eval', 'nan')):.4f} val {float(meta.get('val_accuracy', 'nan')):.4f} "
              f"| validation rows {len(val)} | torch {torch.__version__}", flush=True)


if __name__ == "__main__":
    sys.exit(main())
