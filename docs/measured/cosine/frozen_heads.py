"""Heads fitted on frozen bge-small-zh features of afqmc's sample: which features generalise from a thousand pairs.

Reads the files docs/measured/siamese/zero_shot_cosine.py writes (train_out.jsonl, dev_out.jsonl,
train_lab.txt, dev_lab.txt: `skillnet encode --model bge-small-zh` of the first 2,000 sample
training pairs and of the 1,000 test pairs, each text alone). For the [CLS] state and the mean
over tokens it fits logistic regression (features standardised, 300 full-batch steps, L2 0, 0.01
or 0.1) on the first 1,248 pairs (the demo's 78 batches of 16) and on all 2,000, and prints test
and training accuracy: cos alone, [u; v; |u - v|; u * v] (4h), 4h with the cosine, and
[|u - v|; u * v] of the unit vectors (2hnorm). Output: frozen_heads.txt. Needs numpy only.
"""
import json, numpy as np
def load(split):
    cls, mean = [], []
    for line in open(f"{split}_out.jsonl"):
        h = np.array(json.loads(line)["last_hidden_state"], dtype=np.float64)
        cls.append(h[0]); mean.append(h.mean(0))
    y = np.array([int(x) for x in open(f"{split}_lab.txt")])
    return np.stack(cls), np.stack(mean), y
def feats(e, kind):
    u, v = e[0::2], e[1::2]
    nu = u/np.linalg.norm(u,axis=1,keepdims=True); nv = v/np.linalg.norm(v,axis=1,keepdims=True)
    cos = (nu*nv).sum(1,keepdims=True)
    if kind=="cos": return cos
    if kind=="4h": return np.hstack([u,v,abs(u-v),u*v])
    if kind=="4h+cos": return np.hstack([u,v,abs(u-v),u*v,cos])
    if kind=="2hnorm": return np.hstack([abs(nu-nv),nu*nv])
    if kind=="2hnorm+cos": return np.hstack([abs(nu-nv),nu*nv,cos])
def fit(X, y, Xt, yt, l2, epochs=300, lr=0.1):
    mu, sd = X.mean(0), X.std(0)+1e-6
    X=(X-mu)/sd; Xt=(Xt-mu)/sd
    w=np.zeros(X.shape[1]); b=0.0
    for _ in range(epochs):
        p=1/(1+np.exp(-(X@w+b))); g=X.T@(p-y)/len(y)+l2*w; w-=lr*g; b-=lr*(p-y).mean()
    return 100*(((Xt@w+b)>0)==(yt==1)).mean(), 100*(((X@w+b)>0)==(y==1)).mean()
tc, tm, y = load("train"); dc, dm, yt = load("dev")
for n in (1248, 2000):
  for name, (a, b) in {"cls": (tc, dc), "mean": (tm, dm)}.items():
    for kind in ("cos","4h","4h+cos","2hnorm","2hnorm+cos"):
        for l2 in (0.0, 0.01, 0.1):
            te, tr = fit(feats(a[:2*n],kind), y[:n], feats(b,kind), yt, l2)
            print(n, name, kind, l2, f"test {te:.1f} train {tr:.1f}")
