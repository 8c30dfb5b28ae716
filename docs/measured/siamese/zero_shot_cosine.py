"""afqmc from bge-small-zh with no training: the cosine of two texts' embeddings, thresholded.

Reads `skillnet encode` output (one JSON line per text, each pair's two texts one after the
other) for the first 2,000 pairs of data/samples/afqmc/train.txt and all 1,000 of dev.txt (the
demo's test split), picks the threshold that scores best on the training pairs, and scores the
test pairs with it, for the [CLS] state and for the mean over tokens. Needs numpy only.

    python3 zero_shot_cosine.py pairs      # writes train_a.jsonl, dev_a.jsonl, *_lab.txt
    ./skillnet encode --model bge-small-zh --input train_a.jsonl --batch-size 32 > train_out.jsonl
    ./skillnet encode --model bge-small-zh --input dev_a.jsonl --batch-size 32 > dev_out.jsonl
    python3 zero_shot_cosine.py score
"""
import json
import sys

import numpy as np

SAMPLES = "data/samples/afqmc"


def pairs():
    for split, limit in (("train", 2000), ("dev", None)):
        rows = [l.rstrip("\n").split("\t") for l in open(f"{SAMPLES}/{split}.txt", encoding="utf-8")]
        rows = rows[:limit] if limit else rows
        with open(f"{split}_a.jsonl", "w", encoding="utf-8") as texts, open(f"{split}_lab.txt", "w") as labels:
            for a, b, y in rows:
                texts.write(json.dumps({"text": a}, ensure_ascii=False) + "\n")
                texts.write(json.dumps({"text": b}, ensure_ascii=False) + "\n")
                labels.write(y + "\n")


def cosines(split, pooling):
    vectors = []
    for line in open(f"{split}_out.jsonl", encoding="utf-8"):
        h = np.array(json.loads(line)["last_hidden_state"], dtype=np.float64)
        vectors.append(h[0] if pooling == "cls" else h.mean(0))
    e = np.stack(vectors)
    u, v = e[0::2], e[1::2]
    cos = (u * v).sum(1) / np.linalg.norm(u, axis=1) / np.linalg.norm(v, axis=1)
    labels = np.array([int(x) for x in open(f"{split}_lab.txt")])
    return cos, labels


def score():
    for pooling in ("cls", "mean"):
        cos, y = cosines("train", pooling)
        best = max(((((cos >= t) == (y == 1)).mean(), t) for t in cos))
        test_cos, test_y = cosines("dev", pooling)
        test = ((test_cos >= best[1]) == (test_y == 1)).mean()
        print(f"{pooling}: threshold {best[1]:.3f} (train accuracy {100 * best[0]:.1f}), "
              f"test accuracy {100 * test:.1f} on {len(test_y)} pairs")


if __name__ == "__main__":
    {"pairs": pairs, "score": score}[sys.argv[1]]()
