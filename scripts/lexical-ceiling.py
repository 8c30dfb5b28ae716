#!/usr/bin/env python3
"""How far shallow lexical cues go on the two sentence-pair tasks, afqmc and ocnli.

A Transformer trained from scratch on a few thousand pairs can at best pick up shallow cues:
how many characters the two texts share, or which characters the hypothesis contains. This
script measures those cues directly, with no model:

  afqmc: for three overlap measures (character Jaccard, overlap coefficient, character-bigram
         Jaccard) it picks the threshold that maximises accuracy ON THE TEST SET ITSELF. That is
         an optimistic ceiling for any rule of the form "same meaning if overlap > t".
  ocnli: a hypothesis-only naive Bayes over characters, trained on train, scored on test.

Standard library only. Usage:
  python3 scripts/lexical-ceiling.py [DATA_ROOT ...]
(default: data/samples, then ../shared/data when present)
"""
import collections
import json
import math
import os
import sys


def read_afqmc(path):
    rows = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            a, b, y = line.rstrip("\n").split("\t")
            rows.append((a, b, int(y)))
    return rows


def overlaps(a, b):
    ca, cb = set(a), set(b)
    ba = {a[i:i + 2] for i in range(len(a) - 1)}
    bb = {b[i:i + 2] for i in range(len(b) - 1)}
    return {
        "char Jaccard": len(ca & cb) / max(1, len(ca | cb)),
        "char overlap coefficient": len(ca & cb) / max(1, min(len(ca), len(cb))),
        "bigram Jaccard": len(ba & bb) / max(1, len(ba | bb)),
    }


def best_threshold_accuracy(scored):
    """Accuracy of the best rule 'label 1 iff score > t', t chosen on these very examples."""
    scored = sorted(scored)
    n = len(scored)
    positives = sum(y for _, y in scored)
    best = max(positives, n - positives) / n
    below_pos = below_neg = 0
    for i, (s, y) in enumerate(scored):
        below_pos += y
        below_neg += 1 - y
        if i + 1 < n and scored[i + 1][0] == s:
            continue
        best = max(best, (below_neg + positives - below_pos) / n)
    return best


def afqmc(root):
    test = read_afqmc(os.path.join(root, "afqmc", "dev.txt"))
    positives = sum(y for *_, y in test)
    print(f"afqmc test ({root}/afqmc/dev.txt): {len(test)} pairs, majority baseline "
          f"{100 * max(positives, len(test) - positives) / len(test):.2f}")
    features = [(overlaps(a, b), y) for a, b, y in test]
    for name in features[0][0]:
        acc = best_threshold_accuracy([(f[name], y) for f, y in features])
        print(f"  best threshold on {name}, tuned on test: {100 * acc:.2f}")


def read_ocnli(path):
    rows = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            if d["label"] in ("entailment", "neutral", "contradiction"):
                rows.append((d["sentence2"], d["label"]))
    return rows


def ocnli(root):
    train = read_ocnli(os.path.join(root, "ocnli", "train.10k.json"))
    test = read_ocnli(os.path.join(root, "ocnli", "dev.json"))
    prior = collections.Counter(y for _, y in train)
    counts = {label: collections.Counter() for label in prior}
    for hypothesis, y in train:
        counts[y].update(set(hypothesis))

    def score(hypothesis, label):
        s = math.log(prior[label])
        for c in set(hypothesis):
            s += math.log((counts[label][c] + 1) / (prior[label] + 2))
        return s

    correct = sum(max(prior, key=lambda label: score(h, label)) == y for h, y in test)
    majority = max(collections.Counter(y for _, y in test).values())
    print(f"ocnli test ({root}/ocnli/dev.json): {len(test)} pairs, majority baseline "
          f"{100 * majority / len(test):.2f}")
    print(f"  hypothesis-only character naive Bayes, trained on {len(train)} train pairs: "
          f"{100 * correct / len(test):.2f}")


def main():
    roots = sys.argv[1:] or [r for r in ("data/samples", "../shared/data") if os.path.isdir(r)]
    for root in roots:
        afqmc(root)
        ocnli(root)


if __name__ == "__main__":
    main()
