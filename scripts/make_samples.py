#!/usr/bin/env python3
"""Make the small bundled data samples used by `./skillnet demo`.

What it does
------------
Reads the six full research datasets from the shared data root (default
``../shared/data`` next to this repository, override with ``--src``) and
writes small random subsets of them to ``data/samples/`` (override with
``--out``), laid out exactly like the shared data: same folder names, same file
names, same formats.  The task declarations in ``declarations/*.json`` then work
unchanged with the data root switched from ``../shared/data`` to
``data/samples``.  Attribution and licences for the samples are in
``data/NOTICE.md``.

How records are drawn
---------------------
* Uniform random subset, without replacement.  Every file keeps its natural
  label distribution (and hence its majority baseline) except afqmc's two files,
  which are drawn label-balanced: half of the records uniformly from the pairs
  labelled 0, half from those labelled 1.  At afqmc's natural 69/31 split no
  model trained from scratch, and no rule on lexical overlap, beats always
  answering 0 (docs/RESULTS.md); balanced, accuracy above 50 says the model
  learnt to tell similar questions from dissimilar ones.
* One ``random.Random`` per output file, seeded with the string
  ``"<SEED>:<dataset>/<file>"`` (``SEED`` below).  String seeds are hashed with
  SHA-512 by Python, so the draw does not depend on PYTHONHASHSEED; running the
  script twice writes identical bytes.
* The chosen records are written in their original file order.
* Every record keeps its original bytes exactly:
    - TSV (chnsenticorp, afqmc): the header row, if any, plus whole rows;
    - JSON lines (ocnli, tnews): whole lines;
    - CoNLL (msra_ner): whole sentences, i.e. blocks of ``char tag`` lines
      between blank lines;
    - SQuAD JSON (cmrc2018): whole articles (elements of ``"data"``) with all
      their paragraphs and questions; the text of each article and everything
      around the ``"data"`` list (``"version"``, indentation) is copied from
      the original file byte for byte, and the articles are joined with the
      original separator.
  Line endings and whether the file ends with a newline follow the original
  (ocnli and cmrc2018 files have no final newline).  tnews/labels.json is
  copied whole.
* The source files are checked against the md5 sums listed in each
  SOURCE.md first, so a sample can only be remade from the same data.

Usage
-----
    python3 scripts/make_samples.py [--src DIR] [--out DIR]

Python 3.8+ standard library only.  Prints, per file, the records and bytes
written, and the label distribution of each classification file.
"""

import argparse
import collections
import hashlib
import json
import os
import random
import sys

SEED = 20240601

# (dataset, file, kind, count, expected md5 of the source file, label-balanced)
# kind: tsv-header | tsv | jsonl | conll | squad | copy
PLAN = [
    ("chnsenticorp", "train.tsv", "tsv-header", 2000, "689360c4a4a9ce8d8719ed500ae80907", False),
    ("chnsenticorp", "dev.tsv", "tsv-header", 300, "05e4b02561c2a327833e05bbe8156cec", False),
    ("chnsenticorp", "test.tsv", "tsv-header", 500, "917dfc6fbce596bb01a91abaa6c86f9e", False),
    ("afqmc", "train.txt", "tsv", 5000, "ad692eca4a69ffebbe7659db334e9a9b", True),
    ("afqmc", "dev.txt", "tsv", 1000, "4aca8c1853fbd52eace3036e231bd576", True),
    ("ocnli", "train.10k.json", "jsonl", 5000, "002779426d91e53f06ec8a30f65bf3b9", False),
    ("ocnli", "dev.json", "jsonl", 600, "3481b456bee57a3c9ded500fcff6834c", False),
    ("tnews", "train.json", "jsonl", 3000, "25c021725309a3330736380a230850fd", False),
    ("tnews", "test.json", "jsonl", 600, "f0660a3339a32e764075c801b42ece3c", False),
    ("tnews", "labels.json", "copy", None, "a1a7595e596b202556dedd2a20617769", False),
    ("msra_ner", "train.txt", "conll", 2000, "6075e065f583ec1b8c9ea26bce361f77", False),
    ("msra_ner", "dev.txt", "conll", 500, "6e8edc86cfba912e2a48adfd12d3c2bd", False),
    ("cmrc2018", "cmrc2018_trial.json", "squad", 60, "070f8ade5b15cfdb095c1fcef9cf43c1", False),
    ("cmrc2018", "cmrc2018_dev.json", "squad", 120, "853b80709ff2d071f9fce196521b843c", False),
]

# How to read the label of one record of a classification file (for the report).
LABELS = {
    "chnsenticorp": lambda rec: rec.decode("utf-8").split("\t")[0],
    "afqmc": lambda rec: rec.decode("utf-8").split("\t")[-1],
    "ocnli": lambda rec: json.loads(rec.decode("utf-8"))["label"],
    "tnews": lambda rec: json.loads(rec.decode("utf-8"))["label"],
}


def fail(msg):
    sys.exit("make_samples: " + msg)


# ---------------------------------------------------------------- splitting
# Each splitter returns (head, records, joiner, tail) such that
#   head + joiner.join(records) + tail == original bytes
# and the same layout with a subset of the records is a valid sample.

def split_lines(raw, header):
    """Whole lines; the header line (if any) stays in front."""
    ends_nl = raw.endswith(b"\n")
    lines = (raw[:-1] if ends_nl else raw).split(b"\n")
    head = b""
    if header:
        head = lines[0] + b"\n"
        lines = lines[1:]
    for i, line in enumerate(lines):
        if not line.strip():
            fail("blank line %d inside a line-per-record file" % (i + 1))
    return head, lines, b"\n", b"\n" if ends_nl else b""


def split_conll(raw):
    """Sentences = maximal runs of non-blank lines; one blank line between them."""
    if not raw.endswith(b"\n\n") or raw.startswith(b"\n") or b"\n\n\n" in raw:
        fail("unexpected CoNLL layout (expected single blank lines between sentences and"
             " a blank line at the end)")
    blocks = raw[:-2].split(b"\n\n")
    return b"", blocks, b"\n\n", b"\n\n"


def split_squad(raw):
    """Finds the byte span of every element of the top-level "data" list."""
    depth = 0          # nesting depth of objects/arrays
    in_str = False
    esc = False
    str_start = None
    last_str = None    # the last complete string seen at depth 1
    key = None         # the current key of the top-level object
    in_data = False
    spans = []
    elem_start = None
    for i, b in enumerate(raw):  # ASCII structure bytes never occur inside UTF-8 sequences
        if in_str:
            if esc:
                esc = False
            elif b == 0x5C:  # backslash
                esc = True
            elif b == 0x22:  # quote
                in_str = False
                if depth == 1:
                    last_str = raw[str_start:i + 1]
            continue
        if b == 0x22:
            in_str = True
            str_start = i
        elif b == 0x3A and depth == 1:  # ':'
            key = last_str
        elif b in (0x7B, 0x5B):  # '{' '['
            if depth == 1 and b == 0x5B and key == b'"data"':
                in_data = True
            elif depth == 2 and in_data:
                elem_start = i
            depth += 1
        elif b in (0x7D, 0x5D):  # '}' ']'
            depth -= 1
            if depth == 2 and in_data:
                spans.append((elem_start, i + 1))
            elif depth == 1 and in_data:
                in_data = False
    if depth != 0 or in_str or len(spans) < 2:
        fail("could not find the SQuAD 'data' list")
    joiners = {raw[spans[k][1]:spans[k + 1][0]] for k in range(len(spans) - 1)}
    if len(joiners) != 1:
        fail("the articles of the SQuAD file are not separated uniformly")
    records = [raw[s:e] for s, e in spans]
    return raw[:spans[0][0]], records, joiners.pop(), raw[spans[-1][1]:]


def split(raw, kind):
    if kind == "tsv-header":
        return split_lines(raw, header=True)
    if kind in ("tsv", "jsonl"):
        return split_lines(raw, header=False)
    if kind == "conll":
        return split_conll(raw)
    if kind == "squad":
        return split_squad(raw)
    raise ValueError(kind)


# ---------------------------------------------------------------- checks

def check_sample(kind, raw, out, picked_records, all_records):
    """Sanity checks that the sample parses like the original."""
    if kind == "squad":
        orig = json.loads(raw.decode("utf-8"))
        index = {rec: n for n, rec in enumerate(all_records)}
        expect = dict(orig)
        expect["data"] = [orig["data"][index[r]] for r in picked_records]
        got = json.loads(out.decode("utf-8"))
        if got != expect or list(got) != list(orig):
            fail("SQuAD sample does not parse to the chosen articles")
    elif kind == "jsonl":
        for rec in picked_records:
            json.loads(rec.decode("utf-8"))
    else:
        out.decode("utf-8")


def describe(dataset, kind, records, out):
    """A one-line summary of what was written (counts of questions, tags, labels)."""
    if kind == "squad":
        data = json.loads(out.decode("utf-8"))["data"]
        paras = sum(len(a["paragraphs"]) for a in data)
        qs = sum(len(p["qas"]) for a in data for p in a["paragraphs"])
        return "articles=%d paragraphs=%d questions=%d version=%s" % (
            len(data), paras, qs, json.loads(out.decode("utf-8"))["version"])
    if kind == "conll":
        tags = collections.Counter()
        chars = 0
        for block in records:
            for line in block.decode("utf-8").split("\n"):
                tags[line.split()[-1]] += 1
                chars += 1
        ents = " ".join("%s=%d" % (t, tags[t]) for t in sorted(tags) if t.startswith("B-"))
        return "chars=%d entities: %s" % (chars, ents)
    if dataset in LABELS:
        counts = collections.Counter(LABELS[dataset](r) for r in records)
        total = sum(counts.values())
        parts = ["%s:%d (%.1f%%)" % (k, v, 100.0 * v / total) for k, v in sorted(counts.items())]
        return "labels " + ", ".join(parts)
    return ""


# ---------------------------------------------------------------- drawing

def balanced_draw(rng, records, label_of, count, src):
    """Indices of count records, the same number per label, each label's drawn uniformly."""
    by_label = collections.defaultdict(list)
    for i, rec in enumerate(records):
        by_label[label_of(rec)].append(i)
    if count % len(by_label):
        fail("%s: %d records cannot be split evenly over %d labels" % (src, count, len(by_label)))
    per_label = count // len(by_label)
    chosen = []
    for label in sorted(by_label):
        if per_label > len(by_label[label]):
            fail("%s has only %d records labelled %s, %d asked"
                 % (src, len(by_label[label]), label, per_label))
        chosen += rng.sample(by_label[label], per_label)
    return chosen


# ---------------------------------------------------------------- main

def main():
    repo = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--src", default=os.path.join(repo, "..", "shared", "data"),
                    help="the full shared data root (default: ../shared/data)")
    ap.add_argument("--out", default=os.path.join(repo, "data", "samples"),
                    help="where to write the samples (default: data/samples)")
    args = ap.parse_args()

    total = 0
    for dataset, name, kind, count, md5, balanced in PLAN:
        src = os.path.join(args.src, dataset, name)
        with open(src, "rb") as f:
            raw = f.read()
        digest = hashlib.md5(raw).hexdigest()
        if digest != md5:
            fail("%s has md5 %s, SOURCE.md lists %s; refusing to sample different data"
                 % (src, digest, md5))

        if kind == "copy":
            out, picked, n_all = raw, None, None
        else:
            head, records, joiner, tail = split(raw, kind)
            if head + joiner.join(records) + tail != raw:
                fail("%s: splitting into records does not give the file back" % src)
            if count > len(records):
                fail("%s has only %d records, %d asked" % (src, len(records), count))
            rng = random.Random("%d:%s/%s" % (SEED, dataset, name))
            if balanced:
                chosen = sorted(balanced_draw(rng, records, LABELS[dataset], count, src))
            else:
                chosen = sorted(rng.sample(range(len(records)), count))
            picked = [records[i] for i in chosen]
            out = head + joiner.join(picked) + tail
            check_sample(kind, raw, out, picked, records)
            n_all = len(records)

        dst = os.path.join(args.out, dataset, name)
        os.makedirs(os.path.dirname(dst), exist_ok=True)
        with open(dst, "wb") as f:
            f.write(out)
        total += len(out)

        if picked is None:
            print("%-32s copied whole  %9d bytes" % (dataset + "/" + name, len(out)))
        else:
            print("%-32s %5d of %6d records %9d bytes  %s" % (
                dataset + "/" + name, len(picked), n_all, len(out),
                describe(dataset, kind, picked, out)))
    print("total %d bytes (%.2f MB) in %s" % (total, total / 1e6, os.path.normpath(args.out)))


if __name__ == "__main__":
    main()
