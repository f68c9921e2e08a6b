#!/usr/bin/env python3
"""AI4I 2020: the score ceiling of a model that knew the simulator's failure rules (diagnostic, not a peer).

Score = 10 for rows that the deterministic HDF/PWF/OSF rules flag, else the tool-wear failure rate of the row's 5-minute
wear bin (estimated on ALL rows, so optimistic). Failures that are tool-wear failures at a random wear in 200-240 min
or have no recorded cause cannot be predicted from the features. Same splits as the anchors (seeds 0-4).

usage: ai4i_ceiling.py --shared DIR
"""
import argparse
import os

import numpy as np
import pandas as pd
from sklearn.metrics import average_precision_score, f1_score, roc_auc_score
from sklearn.model_selection import train_test_split

ap = argparse.ArgumentParser()
ap.add_argument("--shared", required=True)
d = pd.read_csv(os.path.join(ap.parse_args().shared, "data", "ai4i2020", "ai4i2020.csv"))
y = d["Machine failure"].to_numpy()
det = (d.HDF | d.PWF | d.OSF).astype(bool).to_numpy()
hard = (y == 1) & ~det
wear_bin = np.clip(d["Tool wear [min]"].to_numpy() // 5, 0, 60)
rate = np.array([hard[(wear_bin == k) & ~det].sum() / max(1, ((wear_bin == k) & ~det).sum()) for k in range(61)])
score = det * 10 + rate[wear_bin] + 1e-9 * d["Tool wear [min]"].to_numpy()
print(f"failures {y.sum()}, rule-determined {int((det & (y == 1)).sum())}, tool-wear-only {int((hard & d.TWF.astype(bool)).sum())}, "
      f"no recorded cause {int((hard & ~d.TWF.astype(bool)).sum())}")
r = []
for seed in range(5):
    _, te = train_test_split(np.arange(len(y)), test_size=0.2, stratify=y, random_state=seed)
    r.append((f1_score(y[te], det[te]), average_precision_score(y[te], score[te]), roc_auc_score(y[te], score[te])))
m, s = np.mean(r, 0), np.std(r, 0, ddof=1)
print(f"ceiling F1 {m[0]:.3f} ± {s[0]:.3f}  PR-AUC {m[1]:.3f} ± {s[1]:.3f}  ROC-AUC {m[2]:.4f} ± {s[2]:.4f}")
