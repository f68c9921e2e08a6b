#!/usr/bin/env python3
"""Scale peer: trains one model on a binary data file written by Vigil.Bench (ScaleData.cs), in this fresh process.

File layout (little-endian): int64 n_train, int64 n_test, int64 p; float64 X (n_train + n_test rows x p, row-major);
float64 y (n_train + n_test labels 0/1). Prints one JSON line: train wall and CPU seconds, peak resident memory (VmHWM), test
accuracy and ROC-AUC.

usage: scale_peer.py --data FILE --model sklearn-rf|xgb|sklearn-hgb [--trees 100] [--seed 1] [--threads 2]
"""
import argparse
import json
import resource
import time


def peak_mb():
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024.0
    return float("nan")


def make(name, trees, seed, threads):
    if name == "sklearn-rf":
        from sklearn.ensemble import RandomForestClassifier
        return RandomForestClassifier(n_estimators=trees, n_jobs=threads, random_state=seed)
    if name == "xgb":
        from xgboost import XGBClassifier
        return XGBClassifier(tree_method="hist", n_estimators=trees, n_jobs=threads, random_state=seed, eval_metric="logloss")
    if name == "sklearn-hgb":
        from sklearn.ensemble import HistGradientBoostingClassifier
        return HistGradientBoostingClassifier(max_iter=trees, random_state=seed, early_stopping=False)
    raise SystemExit(f"unknown model {name}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", required=True)
    ap.add_argument("--model", required=True, choices=["sklearn-rf", "xgb", "sklearn-hgb"])
    ap.add_argument("--trees", type=int, default=100)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--threads", type=int, default=2)
    args = ap.parse_args()
    import numpy as np
    from sklearn.metrics import accuracy_score, roc_auc_score

    n_train, n_test, p = (int(v) for v in np.fromfile(args.data, dtype="<i8", count=3))
    n = n_train + n_test
    X = np.fromfile(args.data, dtype="<f8", count=n * p, offset=24).reshape(n, p)
    y = np.fromfile(args.data, dtype="<f8", count=n, offset=24 + 8 * n * p).astype(np.int64)
    model = make(args.model, args.trees, args.seed, args.threads)
    t0 = time.perf_counter()
    r0 = resource.getrusage(resource.RUSAGE_SELF)
    model.fit(X[:n_train], y[:n_train])
    seconds = time.perf_counter() - t0
    r1 = resource.getrusage(resource.RUSAGE_SELF)
    cpu = (r1.ru_utime - r0.ru_utime) + (r1.ru_stime - r0.ru_stime)
    proba = model.predict_proba(X[n_train:])[:, 1]
    print(json.dumps({
        "model": args.model, "seconds": seconds, "cpu_s": cpu, "peak_mb": peak_mb(),
        "acc": float(accuracy_score(y[n_train:], proba >= 0.5)), "roc_auc": float(roc_auc_score(y[n_train:], proba)),
        "rows": n_train, "cols": p, "trees": args.trees,
    }))


if __name__ == "__main__":
    main()
