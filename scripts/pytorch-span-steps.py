#!/usr/bin/env python3
"""Writes the PyTorch oracle of TrainingStepOracleTest: three span-extraction training steps on the
tiny BERT fixture, computed by the independent PyTorch model of cmrc-torch-oracle.py.

The steps: the fixture's encoder with, in layer 1, the four skills of cmrc2018 (each a copy of the
layer's feed-forward sub-layer, outputs averaged); a span head whose weights are given here
(0.05 sin(i + 1) over the flattened [2, H] weight, bias [0.01, -0.02]); dropout off; three seeded
batches of windows of different lengths (so padding is exercised), one target at [CLS]; AdamW with
betas (0.9, 0.999), eps 1e-8, weight decay 0.01 except biases and LayerNorm, clipping at global
norm 1.0; learning rates 1e-3, 1e-3, 5e-4 (SkillNet-J's linear schedule for 3 steps with a warm-up
fraction of 0.34). It records each step's loss and gradient norm and, after the third step, whole
weights of every part: embeddings, attention, a skill, the plain feed-forward, the head's weight.

    python3 scripts/pytorch-span-steps.py /work/shared/fixtures/tiny-bert-chinese \\
        train/src/test/resources/pytorch-span-steps.json
"""

import importlib.util
import json
import math
import os
import sys

import numpy as np
import torch

HERE = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("oracle", os.path.join(HERE, "cmrc-torch-oracle.py"))
oracle = importlib.util.module_from_spec(spec)
spec.loader.exec_module(oracle)

LEARNING_RATES = [1e-3, 1e-3, 5e-4]
CLS, SEP = 2, 3  # the fixture's vocab.txt


def make_batches(vocab_size):
    rng = np.random.default_rng(20261130)
    batches = []
    for sizes in ([9, 12, 7], [11, 6], [10, 13, 8]):
        batch = []
        for n in sizes:
            q = int(rng.integers(2, 4))  # question tokens
            ids = [CLS] + rng.integers(5, vocab_size, q).tolist() + [SEP] \
                + rng.integers(5, vocab_size, n - q - 3).tolist() + [SEP]
            types = [0] * (q + 2) + [1] * (n - q - 2)
            start = int(rng.integers(q + 2, n - 1))
            end = int(rng.integers(start, n - 1))
            batch.append({"input_ids": ids, "token_type_ids": types, "start": start, "end": end})
        batches.append(batch)
    batches[1][1]["start"] = batches[1][1]["end"] = 0  # a window without the answer
    return batches


def main(fixture, out):
    torch.manual_seed(0)
    with open(os.path.join(fixture, "config.json")) as f:
        config = json.load(f)
    model = oracle.SpanModel(config, {1}, 4, 0.0)
    model.load(oracle.read_safetensors(os.path.join(fixture, "model.safetensors")))
    h = config["hidden_size"]
    head_weight = [0.05 * math.sin(i + 1) for i in range(2 * h)]
    head_bias = [0.01, -0.02]
    with torch.no_grad():
        model.head.weight.copy_(torch.tensor(head_weight).view(2, h))
        model.head.bias.copy_(torch.tensor(head_bias))
    decay = [p for n, p in model.named_parameters() if not n.endswith("bias") and "norm" not in n]
    rest = [p for n, p in model.named_parameters() if n.endswith("bias") or "norm" in n]
    opt = torch.optim.AdamW([{"params": decay, "weight_decay": 0.01}, {"params": rest, "weight_decay": 0.0}],
                            lr=LEARNING_RATES[0], betas=(0.9, 0.999), eps=1e-8)
    batches = make_batches(config["vocab_size"])
    model.train()
    losses, norms = [], []
    for batch, lr in zip(batches, LEARNING_RATES):
        for group in opt.param_groups:
            group["lr"] = lr
        ids, types, mask = oracle.tensors([(f["input_ids"], f["token_type_ids"]) for f in batch])
        starts = torch.tensor([f["start"] for f in batch])
        ends = torch.tensor([f["end"] for f in batch])
        loss = oracle.span_loss(model(ids, types, mask), mask, starts, ends)
        opt.zero_grad()
        loss.backward()
        norms.append(float(torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)))
        opt.step()
        losses.append(loss.item())

    layer0, layer1 = model.layers
    skill = layer1.ffn[0]
    after = {  # SkillNet-J's names; the four skills of layer 1 end equal, so one stands for all
        "bert.embeddings.word_embeddings.weight": model.word.weight,
        "bert.embeddings.LayerNorm.weight": model.norm.weight,
        "bert.encoder.layer.0.attention.self.query.weight": layer0.query.weight,
        "bert.encoder.layer.0.intermediate.dense.weight": layer0.ffn[0].intermediate.weight,
        "bert.encoder.layer.1.attention.output.dense.bias": layer1.dense.bias,
        "bert.encoder.layer.1.skills.question.intermediate.dense.weight": skill.intermediate.weight,
        "bert.encoder.layer.1.skills.question.output.dense.weight": skill.output.weight,
        "bert.encoder.layer.1.skills.question.output.LayerNorm.weight": skill.norm.weight,
        "heads.cmrc2018.qa_outputs.weight": model.head.weight,
    }
    # Not compared: the head's bias and the last LayerNorm's bias. Adding a constant to every
    # position's logit leaves the softmax over positions unchanged, so their true gradient is 0;
    # what both sides compute is rounding noise, which Adam scales up to a step of up to lr.
    result = {
        "about": "written by scripts/pytorch-span-steps.py with PyTorch " + torch.__version__
                 + "; see that script for the steps",
        "learning_rates": LEARNING_RATES,
        "head": {"weight": head_weight, "bias": head_bias},
        "batches": batches,
        "losses": losses,
        "gradient_norms": norms,
        "after": {name: {"shape": list(t.shape), "values": t.detach().reshape(-1).tolist()} for name, t in after.items()},
    }
    with open(out + ".tmp", "w") as f:
        json.dump(result, f)
    os.replace(out + ".tmp", out)
    print("losses", losses, "gradient norms", norms)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: pytorch-span-steps.py FIXTURE_DIR OUT_JSON")
    main(sys.argv[1], sys.argv[2])
