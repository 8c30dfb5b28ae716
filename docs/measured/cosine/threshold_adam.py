"""Can Adam, at the heads' learning rate, find a cosine threshold in the demo's 78 afqmc steps?

Simulates a Dense(1, 2) head on the frozen [CLS] cosines of zero_shot_cosine.py's files: batches
of 16 drawn at random, Adam (0.9, 0.999), weights ~ N(0, 0.02), for the cosine as it is (scale 1,
centre 0), shifted by 0.5, scaled by 20, and standardised by the first batch's mean and standard
deviation (what `"pooling": "cosine"` does). Prints test accuracy and the threshold reached,
for seeds 13-15 (13-17 for the last). Output: threshold_adam.txt. Needs numpy only.
"""
import json, numpy as np
def load(split):
    cls=[]
    for line in open(f"{split}_out.jsonl"):
        cls.append(np.array(json.loads(line)["last_hidden_state"][0]))
    e=np.stack(cls); u,v=e[0::2],e[1::2]
    cos=(u*v).sum(1)/np.linalg.norm(u,axis=1)/np.linalg.norm(v,axis=1)
    return cos, np.array([int(x) for x in open(f"{split}_lab.txt")])
c,y=load("train"); ct,yt=load("dev")
print("cos mean", c.mean(), "sd", c.std())
def run(scale, center, lr, steps=78, seed=13, bs=16):
    r=np.random.default_rng(seed)
    W=r.normal(0,0.02,2); b=np.zeros(2)
    m=np.zeros(4); v=np.zeros(4); b1,b2=0.9,0.999
    for s in range(1,steps+1):
        i=r.integers(0,len(c),bs); x=(c[i]-center)*scale
        z=np.outer(x,W)+b; p=np.exp(z-z.max(1,keepdims=True)); p/=p.sum(1,keepdims=True)
        g=p.copy(); g[np.arange(bs),y[i]]-=1; g/=bs
        grad=np.concatenate([(g*x[:,None]).sum(0), g.sum(0)])
        m=b1*m+(1-b1)*grad; v=b2*v+(1-b2)*grad**2
        step=lr*(m/(1-b1**s))/(np.sqrt(v/(1-b2**s))+1e-8)
        W-=step[:2]; b-=step[2:]
    x=(ct-center)*scale; pred=(np.outer(x,W)+b).argmax(1)
    return 100*(pred==yt).mean(), -(b[1]-b[0])/(W[1]-W[0])/scale+center
for scale in (1,20):
  for center in (0,0.5):
    for lr in (2e-3,1e-2):
      for steps in (78,600):
        res=[run(scale,center,lr,steps,seed) for seed in (13,14,15)]
        print(scale,center,lr,steps,[f"{a:.1f}@{t:.3f}" for a,t in res])
print("centered by first batch")
for lr in (2e-3,):
  for steps in (78,150):
    res=[]
    for seed in (13,14,15,16,17):
        r=np.random.default_rng(seed+100); i=r.integers(0,len(c),16)
        m,sd=c[i].mean(),c[i].std()
        res.append(run(1/sd,m,lr,steps,seed))
    print(lr,steps,[f"{a:.1f}@{t:.3f}" for a,t in res])
