#!/usr/bin/env python3
"""An independent PyTorch run of SkillNet-J's cmrc2018 fine-tuning, as an oracle of its learning.

Question it answers: is cmrc2018's low F1 after a few hundred steps from bge-small-zh what any
correct implementation of the same recipe gets, or does SkillNet-J learn less per step than it
should? Nothing here comes from SkillNet-J's code: the tokenizer, the windows, the model, the
optimiser, the decoding and the CMRC 2018 metric are written again from their published
descriptions (BERT's WordPiece tokenizer, Hugging Face's run_squad windows and post-processing,
Loshchilov and Hutter's AdamW, the official cmrc2018_evaluate.py). Only the inputs are shared:
the data files, the split rule of ``declarations/cmrc2018.json`` (a seeded shuffle of articles,
re-implemented from java.util.Random's published algorithm) and bge-small-zh's weights and
``tokenizer.json`` from SkillNet-J's encoder cache (``skillnet import``, or any ``--init`` run).

The recipe is that of ``skillnet train --init bge-small-zh --skill-layers 2,3`` on cmrc2018
alone: windows of 512 starting every 384 tokens; in layers 2 and 3 the task's four skills, each a
copy of the layer's pretrained feed-forward sub-layer, their outputs averaged; a new span head
(dropout 0.1, dense 512 to 2); AdamW lr 2e-4, betas (0.9, 0.999), eps 1e-8, weight decay 0.01
(not on biases and LayerNorm), 10% linear warm-up then linear decay to 0, clipping at global
norm 1.0, dropout 0.1; batches of at most 16 windows and 16 x 256 padded tokens.

Needs Python 3 with PyTorch and NumPy (Debian: ``apt-get install python3-torch``). Example:

    python3 scripts/cmrc-torch-oracle.py --encoder ~/.cache/skillnet/encoders/bge-small-zh-1.19.0-beta29 \\
        --data ../shared/data/cmrc2018 --steps 200 --seed 13 --out /tmp/oracle-13.json

Scores repeat on one machine; PyTorch's kernels differ across CPUs, so not necessarily elsewhere.
"""

import argparse
import json
import math
import os
import random
import re
import struct
import sys
import time
import unicodedata

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

# ---------------------------------------------------------------------------------------------
# The split: java.util.Random and the declaration's Fisher-Yates shuffle of articles


class JavaRandom:
    """java.util.Random: the 48-bit linear congruential generator of its documentation."""

    def __init__(self, seed):
        self.seed = (seed ^ 0x5DEECE66D) & ((1 << 48) - 1)

    def next(self, bits):
        self.seed = (self.seed * 0x5DEECE66D + 0xB) & ((1 << 48) - 1)
        r = self.seed >> (48 - bits)
        return r - (1 << 32) if r >= (1 << 31) else r  # as a Java int

    def next_int(self, bound):
        if bound & (bound - 1) == 0:
            return (bound * self.next(31)) >> 31
        while True:
            bits = self.next(31)
            val = bits % bound
            if -(1 << 31) <= bits - val + (bound - 1) < (1 << 31):
                return val


def java_shuffle(items, seed):
    out = list(items)
    rnd = JavaRandom(seed)
    for i in range(len(out) - 1, 0, -1):
        j = rnd.next_int(i + 1)
        out[i], out[j] = out[j], out[i]
    return out


def read_squad(path):
    """Returns [(article key, context, question id, question, [(text, start)])] in file order."""
    with open(path, encoding="utf-8") as f:
        data = json.load(f)["data"]
    rows = []
    for position, article in enumerate(data):
        key = article.get("id") or article.get("title") or str(position)
        for paragraph in article["paragraphs"]:
            for qa in paragraph["qas"]:
                answers = [(a["text"], a["answer_start"]) for a in qa["answers"]]
                rows.append((key, paragraph["context"], qa["id"], qa["question"], answers))
    return rows


def by_article(rows, start, end, seed):
    groups = {}
    for r in rows:
        groups.setdefault(r[0], []).append(r)
    keys = java_shuffle(list(groups), seed)
    n = len(keys)
    out = []
    for k in keys[math.floor(start * n):math.floor(end * n)]:
        out.extend(groups[k])
    return out


# ---------------------------------------------------------------------------------------------
# BERT's tokenizer (BertNormalizer without lower-casing, as bge-small-zh's tokenizer.json says;
# BertPreTokenizer; WordPiece), keeping each token's code-point offsets into the text


def is_chinese(cp):
    return (0x4E00 <= cp <= 0x9FFF or 0x3400 <= cp <= 0x4DBF or 0x20000 <= cp <= 0x2A6DF
            or 0x2A700 <= cp <= 0x2B73F or 0x2B740 <= cp <= 0x2B81F or 0x2B820 <= cp <= 0x2CEAF
            or 0xF900 <= cp <= 0xFAFF or 0x2F800 <= cp <= 0x2FA1F)


def is_punctuation(ch):
    cp = ord(ch)
    if 33 <= cp <= 47 or 58 <= cp <= 64 or 91 <= cp <= 96 or 123 <= cp <= 126:
        return True
    return unicodedata.category(ch).startswith("P")


def is_whitespace(ch):
    return ch in " \t\n\r" or unicodedata.category(ch) == "Zs"


def is_control(ch):
    if ch in "\t\n\r":
        return False
    return unicodedata.category(ch) in ("Cc", "Cf")


class WordPiece:
    def __init__(self, tokenizer_json):
        with open(tokenizer_json, encoding="utf-8") as f:
            spec = json.load(f)
        if spec["normalizer"].get("lowercase"):
            raise SystemExit("this oracle mirrors a tokenizer without lower-casing")
        self.vocab = spec["model"]["vocab"]
        self.unk = self.vocab[spec["model"]["unk_token"]]
        self.cls, self.sep = self.vocab["[CLS]"], self.vocab["[SEP]"]

    def words(self, text):
        out, cur = [], None
        for i, ch in enumerate(text):
            cp = ord(ch)
            if cp == 0 or cp == 0xFFFD or is_control(ch) or is_whitespace(ch):
                if cur:
                    out.append(cur)
                cur = None
            elif is_chinese(cp) or is_punctuation(ch):
                if cur:
                    out.append(cur)
                cur = None
                out.append((i, i + 1))
            else:
                cur = (cur[0], i + 1) if cur else (i, i + 1)
        if cur:
            out.append(cur)
        return out

    def encode(self, text):
        """Returns [(id, start, end)], offsets in code points."""
        out = []
        for s, e in self.words(text):
            word = text[s:e]
            if len(word) > 100:
                out.append((self.unk, s, e))
                continue
            pieces, i = [], 0
            while i < len(word):
                j = len(word)
                found = None
                while j > i:
                    piece = word[i:j] if i == 0 else "##" + word[i:j]
                    if piece in self.vocab:
                        found = self.vocab[piece]
                        break
                    j -= 1
                if found is None:
                    pieces = None
                    break
                pieces.append((found, s + i, s + j))
                i = j
            out.extend(pieces if pieces is not None else [(self.unk, s, e)])
        return out


def windows(tok, question, context, max_length=512, stride=384):
    """run_squad's windows: [CLS] question [SEP] context part [SEP], the question cut to half."""
    q = [t[0] for t in tok.encode(question)][:max_length // 2]
    c = tok.encode(context)
    room = max_length - len(q) - 3
    out, start = [], 0
    while True:
        part = c[start:start + room]
        ids = [tok.cls] + q + [tok.sep] + [t[0] for t in part] + [tok.sep]
        types = [0] * (len(q) + 2) + [1] * (len(part) + 1)
        offsets = [None] * (len(q) + 2) + [(t[1], t[2]) for t in part] + [None]
        out.append((ids, types, offsets))
        if start + len(part) >= len(c):
            return out
        start += min(len(part), stride)


def target(offsets, answers, context):
    """[start, end] token positions of the first answer found verbatim in the context, when the
    window's context holds all of it; else [0, 0]."""
    located = [(s, s + len(t)) for t, s in answers if context[s:s + len(t)] == t]
    if not located:
        return 0, 0
    a0, a1 = located[0]
    ctx = [i for i, o in enumerate(offsets) if o is not None]
    if not ctx or offsets[ctx[0]][0] > a0 or offsets[ctx[-1]][1] < a1:
        return 0, 0
    s = max(i for i in ctx if offsets[i][0] <= a0)
    e = min(i for i in ctx if offsets[i][1] >= a1)
    return (s, e) if e >= s else (0, 0)


# ---------------------------------------------------------------------------------------------
# BERT with skills (the Hugging Face names; parameters from a safetensors file)


def read_safetensors(path):
    with open(path, "rb") as f:
        n = struct.unpack("<Q", f.read(8))[0]
        header = json.loads(f.read(n))
        blob = f.read()
    out = {}
    for name, spec in header.items():
        if name == "__metadata__":
            continue
        if spec["dtype"] != "F32":
            raise SystemExit(f"{path}: {name} is {spec['dtype']}, expected F32")
        a, b = spec["data_offsets"]
        out[name] = torch.from_numpy(np.frombuffer(blob[a:b], dtype="<f4").reshape(spec["shape"]).copy())
    return out


class FeedForward(nn.Module):
    """intermediate (dense H to I, GELU), output (dense I to H, dropout, residual, LayerNorm)."""

    def __init__(self, h, i, p):
        super().__init__()
        self.intermediate = nn.Linear(h, i)
        self.output = nn.Linear(i, h)
        self.norm = nn.LayerNorm(h, eps=1e-12)
        self.p = p

    def forward(self, x):  # x [B, T, H]
        y = self.output(F.gelu(self.intermediate(x)))
        return self.norm(x + F.dropout(y, self.p, self.training))


class Layer(nn.Module):
    def __init__(self, h, heads, i, p, skills):
        super().__init__()
        self.heads, self.p = heads, p
        self.query, self.key, self.value = nn.Linear(h, h), nn.Linear(h, h), nn.Linear(h, h)
        self.dense = nn.Linear(h, h)
        self.norm = nn.LayerNorm(h, eps=1e-12)
        self.ffn = nn.ModuleList(FeedForward(h, i, p) for _ in range(skills))

    def forward(self, x, bias):  # x [B, T, H], bias [B, 1, 1, T]
        b, t, h = x.shape
        split = lambda y: y.view(b, t, self.heads, h // self.heads).transpose(1, 2)  # [B, N, T, D]
        q, k, v = split(self.query(x)), split(self.key(x)), split(self.value(x))
        scores = q @ k.transpose(-1, -2) / math.sqrt(h // self.heads) + bias  # [B, N, T, T]
        probs = F.dropout(scores.softmax(-1), self.p, self.training)
        ctx = (probs @ v).transpose(1, 2).reshape(b, t, h)
        x = self.norm(x + F.dropout(self.dense(ctx), self.p, self.training))
        return torch.stack([f(x) for f in self.ffn]).mean(0)


class SpanModel(nn.Module):
    def __init__(self, config, skill_layers, skills, p):
        super().__init__()
        h, i = config["hidden_size"], config["intermediate_size"]
        self.p = p
        self.word = nn.Embedding(config["vocab_size"], h)
        self.position = nn.Embedding(config["max_position_embeddings"], h)
        self.token_type = nn.Embedding(config["type_vocab_size"], h)
        self.norm = nn.LayerNorm(h, eps=1e-12)
        self.layers = nn.ModuleList(
            Layer(h, config["num_attention_heads"], i, p, skills if n in skill_layers else 1)
            for n in range(config["num_hidden_layers"]))
        self.head = nn.Linear(h, 2)
        nn.init.normal_(self.head.weight, std=config["initializer_range"])
        nn.init.zeros_(self.head.bias)

    def load(self, w):
        def put(param, name):
            with torch.no_grad():
                if param.shape != w[name].shape:
                    raise SystemExit(f"{name}: shape {tuple(w[name].shape)}, expected {tuple(param.shape)}")
                param.copy_(w[name])

        def linear(m, name):
            put(m.weight, name + ".weight")
            put(m.bias, name + ".bias")

        e = "bert.embeddings."
        put(self.word.weight, e + "word_embeddings.weight")
        put(self.position.weight, e + "position_embeddings.weight")
        put(self.token_type.weight, e + "token_type_embeddings.weight")
        linear(self.norm, e + "LayerNorm")
        for n, layer in enumerate(self.layers):
            p = f"bert.encoder.layer.{n}."
            linear(layer.query, p + "attention.self.query")
            linear(layer.key, p + "attention.self.key")
            linear(layer.value, p + "attention.self.value")
            linear(layer.dense, p + "attention.output.dense")
            linear(layer.norm, p + "attention.output.LayerNorm")
            for f in layer.ffn:  # every skill starts as the pretrained feed-forward
                linear(f.intermediate, p + "intermediate.dense")
                linear(f.output, p + "output.dense")
                linear(f.norm, p + "output.LayerNorm")

    def forward(self, ids, types, mask):  # [B, T] each; returns [B, T, 2]
        positions = torch.arange(ids.shape[1]).unsqueeze(0)
        x = self.norm(self.word(ids) + self.position(positions) + self.token_type(types))
        x = F.dropout(x, self.p, self.training)
        bias = (1.0 - mask[:, None, None, :].float()) * -10000.0
        for layer in self.layers:
            x = layer(x, bias)
        return self.head(F.dropout(x, self.p, self.training))


# ---------------------------------------------------------------------------------------------
# Training and evaluation


def batches(features, rng, batch_size=16, tokens_per_input=256):
    """An endless stream of batches: each pass shuffles, then fills batches in order while at most
    batch_size inputs and batch_size x tokens_per_input padded tokens."""
    budget = batch_size * tokens_per_input
    while True:
        order = list(range(len(features)))
        rng.shuffle(order)
        cur, longest = [], 0
        for i in order:
            n = len(features[i][0])
            if cur and (len(cur) == batch_size or (len(cur) + 1) * max(longest, n) > budget):
                yield cur
                cur, longest = [], 0
            cur.append(features[i])
            longest = max(longest, n)


def tensors(batch):
    t = max(len(f[0]) for f in batch)
    ids = torch.zeros(len(batch), t, dtype=torch.long)
    types = torch.zeros_like(ids)
    mask = torch.zeros_like(ids)
    for b, f in enumerate(batch):
        ids[b, :len(f[0])] = torch.tensor(f[0])
        types[b, :len(f[1])] = torch.tensor(f[1])
        mask[b, :len(f[0])] = 1
    return ids, types, mask


def span_loss(logits, mask, starts, ends):
    """Mean of the start and end cross-entropies over positions, padding masked."""
    logits = logits.masked_fill(mask.unsqueeze(-1) == 0, -10000.0)
    return (F.cross_entropy(logits[..., 0], starts) + F.cross_entropy(logits[..., 1], ends)) / 2


def decode(context, wins, max_answer=50, n_best=20):
    best, best_score = "", -float("inf")
    for (ids, types, offsets), logits in wins:
        ctx = [i for i, o in enumerate(offsets) if o is not None]
        st = sorted(ctx, key=lambda i: -logits[i, 0])[:n_best]
        en = sorted(ctx, key=lambda i: -logits[i, 1])[:n_best]
        for s in st:
            for e in en:
                if e < s or e - s + 1 > max_answer:
                    continue
                score = logits[s, 0] + logits[e, 1]
                if score > best_score:
                    best_score, best = score, context[offsets[s][0]:offsets[e][1]]
    return best


# The official cmrc2018_evaluate.py's F1 and EM (its nltk.word_tokenize on non-Chinese runs is
# approximated by splitting on whitespace)
SP_CHAR = set(['-', ':', '_', '*', '^', '/', '\\', '~', '`', '+', '=', '，', '。', '：', '？', '！', '“', '”',
               '；', '’', '《', '》', '……', '·', '、', '「', '」', '（', '）', '－', '～', '『', '』'])


def mixed_segmentation(text, rm_punc):
    text = str(text).lower().strip()
    out, temp = [], ""
    for ch in text:
        if rm_punc and ch in SP_CHAR:
            continue
        if re.search(r"[\u4e00-\u9fa5]", ch) or ch in SP_CHAR:
            out.extend(temp.split())
            temp = ""
            out.append(ch)
        else:
            temp += ch
    out.extend(temp.split())
    return out


def longest_common_substring(a, b):
    best = 0
    prev = [0] * (len(b) + 1)
    for i in range(len(a)):
        cur = [0] * (len(b) + 1)
        for j in range(len(b)):
            if a[i] == b[j]:
                cur[j + 1] = prev[j] + 1
                best = max(best, cur[j + 1])
        prev = cur
    return best


def f1(answers, prediction):
    scores = []
    for a in answers:
        sa, sp = mixed_segmentation(a, True), mixed_segmentation(prediction, True)
        n = longest_common_substring(sa, sp)
        if n == 0:
            scores.append(0.0)
            continue
        p, r = n / len(sp), n / len(sa)
        scores.append(2 * p * r / (p + r))
    return max(scores)


def em(answers, prediction):
    strip = lambda s: "".join(c for c in str(s).lower().strip() if c not in SP_CHAR)
    return float(any(strip(a) == strip(prediction) for a in answers))


def evaluate(model, tok, rows):
    model.eval()
    total_f1 = total_em = 0.0
    predictions = {}
    with torch.no_grad():
        for key, context, qid, question, answers in rows:
            wins = windows(tok, question, context)
            ids, types, mask = tensors(wins)
            logits = model(ids, types, mask).numpy()
            prediction = decode(context, [(w, logits[b]) for b, w in enumerate(wins)])
            gold = [t for t, _ in answers]
            total_f1 += f1(gold, prediction)
            total_em += em(gold, prediction)
            predictions[qid] = prediction
    model.train()
    return 100 * total_f1 / len(rows), 100 * total_em / len(rows), predictions


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--encoder", required=True, help="directory with model.safetensors, config.json, tokenizer.json")
    ap.add_argument("--data", required=True, help="the cmrc2018 data directory")
    ap.add_argument("--steps", type=int, default=200)
    ap.add_argument("--lr", type=float, default=2e-4)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--skills", type=int, default=4, help="skills averaged in layers 2-3 (1: dense)")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--out", required=True)
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    rng = random.Random(args.seed)

    trial = read_squad(f"{args.data}/cmrc2018_trial.json")
    dev = read_squad(f"{args.data}/cmrc2018_dev.json")
    train_rows = trial + by_article(dev, 0.0, 0.4, 13)
    test_rows = by_article(dev, 0.4, 0.5, 13)
    tok = WordPiece(f"{args.encoder}/tokenizer.json")
    features = []
    for key, context, qid, question, answers in train_rows:
        for ids, types, offsets in windows(tok, question, context):
            s, e = target(offsets, answers, context)
            features.append((ids, types, s, e))
    print(f"train: {len(train_rows)} questions, {len(features)} windows "
          f"({sum(f[2] > 0 for f in features)} with the answer); test: {len(test_rows)} questions", flush=True)

    with open(f"{args.encoder}/config.json") as f:
        config = json.load(f)
    model = SpanModel(config, {2, 3}, args.skills, config["hidden_dropout_prob"])
    model.load(read_safetensors(f"{args.encoder}/model.safetensors"))
    decay = [p for n, p in model.named_parameters() if not n.endswith("bias") and "norm" not in n]
    rest = [p for n, p in model.named_parameters() if n.endswith("bias") or "norm" in n]
    opt = torch.optim.AdamW([{"params": decay, "weight_decay": 0.01}, {"params": rest, "weight_decay": 0.0}],
                            lr=args.lr, betas=(0.9, 0.999), eps=1e-8)
    warm = max(1, round(0.1 * args.steps))
    schedule = lambda s: (s + 1) / warm if s < warm else max(0.0, (args.steps - s) / (args.steps - warm))
    sched = torch.optim.lr_scheduler.LambdaLR(opt, schedule)

    stream = batches(features, rng)
    seen, t0, losses = 0, time.time(), []
    model.train()
    for step in range(1, args.steps + 1):
        batch = next(stream)
        ids, types, mask = tensors(batch)
        starts = torch.tensor([f[2] for f in batch])
        ends = torch.tensor([f[3] for f in batch])
        loss = span_loss(model(ids, types, mask), mask, starts, ends)
        opt.zero_grad()
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
        sched.step()
        seen += len(batch)
        losses.append(loss.item())
        if step % 10 == 0:
            el = time.time() - t0
            print(f"step {step}/{args.steps} loss {sum(losses[-10:]) / 10:.4f} windows {seen} "
                  f"{el / step:.2f} s/step, {el / step * (args.steps - step):.0f} s left", flush=True)
    train_s = time.time() - t0
    score_f1, score_em, predictions = evaluate(model, tok, test_rows)
    result = {"steps": args.steps, "seed": args.seed, "lr": args.lr, "skills": args.skills,
              "train_windows_seen": seen, "train_windows": len(features), "train_seconds": round(train_s),
              "test_questions": len(test_rows), "f1": round(score_f1, 4), "em": round(score_em, 4),
              "loss_per_10_steps": [round(sum(losses[i:i + 10]) / 10, 4) for i in range(0, len(losses), 10)],
              "torch": torch.__version__}
    print(json.dumps({k: v for k, v in result.items() if k != "loss_per_10_steps"}), flush=True)
    with open(args.out + ".tmp", "w") as f:
        json.dump(result, f, indent=1)
    with open(args.out.replace(".json", "-predictions.json") + ".tmp", "w", encoding="utf-8") as f:
        json.dump(predictions, f, ensure_ascii=False, indent=0)
    os.replace(args.out + ".tmp", args.out)
    os.replace(args.out.replace(".json", "-predictions.json") + ".tmp", args.out.replace(".json", "-predictions.json"))


if __name__ == "__main__":
    sys.exit(main())
