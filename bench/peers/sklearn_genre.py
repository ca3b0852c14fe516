#!/usr/bin/env python3
"""scikit-learn's peer of canto's `--experiment ngrams`: TF-IDF (sublinear tf) + logistic regression.

Reads the genre CSV (columns `genre` and `lyrics`, found by name), splits 80/20 and fits
TfidfVectorizer(sublinear_tf=True, ngram_range=(1, N)) + LogisticRegression on the training
split only, then prints validation accuracy, macro-F1 and the seconds to fit, one line per seed:

  sklearn tfidf+lr ngrams=1-2 C=1.0 seed=1 split=sklearn train=22697 val=5675 accuracy=0.4236 macro_f1=0.3467 fit_s=31.2 ...

The split is scikit-learn's `train_test_split(test_size=0.2, random_state=seed)` unless
`--validation DIR/models/ngrams-seed{seed}` is given: then the validation rows are exactly those
canto used for that seed (its `validation.txt`, 0-based data-row indices), so the two can be
compared on the same songs.

Usage (Debian's python3-sklearn):
  /usr/bin/python3 bench/peers/sklearn_genre.py --data data/genre/tcc_ceds_music_lyrics_all_rows.csv \
      [--seeds 1,2,3] [--ngrams 2] [--C 1.0] [--min-df 1] [--validation out/ngrams/models/ngrams-seed{seed}]
"""
import argparse
import csv
import os
import sys
import time

import numpy as np
import sklearn
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, f1_score
from sklearn.model_selection import train_test_split

GENRES = ["blues", "country", "hip hop", "jazz", "pop", "reggae", "rock"]  # LabelEncoder order


def load(path):
    csv.field_size_limit(1 << 30)
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    lyrics = [r["lyrics"] for r in rows]
    labels = np.array([GENRES.index(r["genre"]) for r in rows])
    return lyrics, labels


def split(n, seed, validation_dir):
    if validation_dir is None:
        return train_test_split(np.arange(n), test_size=0.2, random_state=seed)
    path = os.path.join(validation_dir.replace("{seed}", str(seed)), "validation.txt")
    with open(path, encoding="utf-8") as f:
        val = np.array([int(line) for line in f if line.strip()])
    mask = np.ones(n, dtype=bool)
    mask[val] = False
    return np.arange(n)[mask], val


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--data", required=True)
    p.add_argument("--seeds", default="1,2,3")
    p.add_argument("--ngrams", type=int, default=2, help="largest n-gram length (1: words only)")
    p.add_argument("--C", type=float, default=1.0, help="inverse L2 strength of the logistic regression")
    p.add_argument("--min-df", type=int, default=1)
    p.add_argument("--validation", default=None,
                   help="a canto model folder holding validation.txt; {seed} is replaced by the seed")
    a = p.parse_args()
    lyrics, labels = load(a.data)
    for seed in [int(s) for s in a.seeds.split(",")]:
        train, val = split(len(lyrics), seed, a.validation)
        start = time.perf_counter()
        vec = TfidfVectorizer(sublinear_tf=True, ngram_range=(1, a.ngrams), min_df=a.min_df)
        x_train = vec.fit_transform([lyrics[i] for i in train])
        clf = LogisticRegression(C=a.C, max_iter=1000)
        clf.fit(x_train, labels[train])
        fit_s = time.perf_counter() - start
        pred = clf.predict(vec.transform([lyrics[i] for i in val]))
        acc = accuracy_score(labels[val], pred)
        f1 = f1_score(labels[val], pred, average="macro")
        per = f1_score(labels[val], pred, average=None, labels=range(len(GENRES)))
        print(f"sklearn tfidf+lr ngrams=1-{a.ngrams} C={a.C} min_df={a.min_df} seed={seed} "
              f"split={'canto' if a.validation else 'sklearn'} train={len(train)} val={len(val)} "
              f"features={x_train.shape[1]} accuracy={acc:.4f} macro_f1={f1:.4f} fit_s={fit_s:.1f} "
              f"per_genre_f1={','.join(f'{g}:{v:.3f}' for g, v in zip(GENRES, per))} "
              f"sklearn={sklearn.__version__}", flush=True)


if __name__ == "__main__":
    sys.exit(main())
