"""How far bge-small-zh's untrained cosine goes on afqmc's full, natural-split test set.

afqmc's test split (the official dev.txt, 4,316 pairs) is 69.00% "not the same meaning". To beat
that rate a rule must find pairs of which more than half are paraphrases. This script measures,
for the cosine of the two questions' embeddings from `skillnet encode --model bge-small-zh` (the
[CLS] state and the mean over tokens):

  - the share of paraphrases among the test pairs of highest cosine (top 1%, 2%, 5%, ...);
  - the accuracy of the threshold chosen ON THE TEST SET ITSELF: an optimistic ceiling for any
    rule "same meaning if the cosine is at least t";
  - the accuracy on test of the threshold chosen on the first N training pairs.

Needs numpy only. From the repository's root, after `mvn -q -B -DskipTests package`:

    python3 cosine_ceiling.py pairs ../shared/data/afqmc 6000   # writes train_a.jsonl, test_a.jsonl, *_lab.txt
    ./skillnet encode --model bge-small-zh --input test_a.jsonl --batch-size 32 > test_out.jsonl
    ./skillnet encode --model bge-small-zh --input train_a.jsonl --batch-size 32 > train_out.jsonl
    python3 cosine_ceiling.py score
"""
import json
import os
import sys

import numpy as np


def pairs(data_dir, train_limit):
    for split, name, limit in (("train", "train.txt", int(train_limit)), ("test", "dev.txt", None)):
        with open(os.path.join(data_dir, name), encoding="utf-8") as f:
            rows = [line.rstrip("\n").split("\t") for line in f]
        rows = rows[:limit] if limit else rows
        with open(f"{split}_a.jsonl", "w", encoding="utf-8") as texts, open(f"{split}_lab.txt", "w") as labels:
            for a, b, y in rows:
                texts.write(json.dumps({"text": a}, ensure_ascii=False) + "\n")
                texts.write(json.dumps({"text": b}, ensure_ascii=False) + "\n")
                labels.write(y + "\n")


def cosines(split):
    """@return {pooling: cosine per pair}, labels; each pair's two texts are consecutive lines."""
    cls, mean = [], []
    with open(f"{split}_out.jsonl", encoding="utf-8") as f:
        for line in f:
            h = np.array(json.loads(line)["last_hidden_state"], dtype=np.float64)
            cls.append(h[0])
            mean.append(h.mean(0))
    labels = np.array([int(x) for x in open(f"{split}_lab.txt")])
    out = {}
    for pooling, vectors in (("cls", cls), ("mean", mean)):
        e = np.stack(vectors)
        u, v = e[0::2], e[1::2]
        out[pooling] = (u * v).sum(1) / np.linalg.norm(u, axis=1) / np.linalg.norm(v, axis=1)
    return out, labels


def best_threshold(cos, y):
    """@return (accuracy, threshold) of the rule "1 if cos >= t" that scores best on (cos, y)."""
    return max((((cos >= t) == (y == 1)).mean(), t) for t in np.unique(cos))


def score():
    test, y = cosines("test")
    train = cosines("train") if os.path.exists("train_out.jsonl") else None
    print(f"test: {len(y)} pairs, majority rate {100 * (1 - y.mean()):.2f}")
    for pooling, cos in test.items():
        order = np.argsort(-cos)
        print(f"{pooling}:")
        for share in (0.01, 0.02, 0.05, 0.10, 0.20, 0.30):
            k = int(len(cos) * share)
            print(f"  top {100 * share:4.0f}% of cosines (>= {cos[order[k - 1]]:.3f}): "
                  f"{100 * y[order[:k]].mean():.1f}% paraphrases")
        acc, t = best_threshold(cos, y)
        print(f"  threshold chosen on test: {t:.3f}, test accuracy {100 * acc:.2f}")
        if train:
            tcos, ty = train[0][pooling], train[1]
            tacc, tt = best_threshold(tcos, ty)
            print(f"  threshold chosen on {len(ty)} training pairs: {tt:.3f} (their accuracy {100 * tacc:.2f}, "
                  f"majority {100 * (1 - ty.mean()):.2f}), test accuracy {100 * ((cos >= tt) == (y == 1)).mean():.2f}")


if __name__ == "__main__":
    {"pairs": lambda: pairs(sys.argv[2], sys.argv[3]), "score": score}[sys.argv[1]]()
