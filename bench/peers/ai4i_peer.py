#!/usr/bin/env python3
"""Side-by-side peer for the AI4I 2020 protocol: one seed, chosen models, JSON on stdout.

Reuses the official anchor script (../shared/bench/anchors/ai4i_anchors.py) for loading, models,
metrics, latency and throughput, so Vigil's numbers sit beside exactly what produced the anchors.
Also prints the split's train/test row indices so Vigil trains and tests on the same rows.

usage: ai4i_peer.py --shared DIR --seed S [--models RF,XGB] [--features raw|phys] [--threshold]
"""
import argparse
import json
import os
import sys
import time
import warnings


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", required=True)
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--models", default="RF,XGB")
    ap.add_argument("--features", default="raw", choices=["raw", "phys"])
    ap.add_argument("--no-timing", action="store_true")
    ap.add_argument("--threshold", action="store_true",
                    help="also tune the decision threshold on 5-fold OOF training predictions (as the anchors do)")
    args = ap.parse_args()
    warnings.filterwarnings("ignore")
    sys.path.insert(0, os.path.join(args.shared, "bench", "anchors"))
    os.chdir(args.shared)
    import numpy as np
    from sklearn.model_selection import train_test_split
    import ai4i_anchors as A

    raw, phys, y = A.load(A.DATA)
    F = raw if args.features == "raw" else phys
    idx = np.arange(len(y))
    tr, te = train_test_split(idx, test_size=0.2, stratify=y, random_state=args.seed)
    Xtr, Xte = F.to_numpy()[tr], F.to_numpy()[te]
    ytr, yte = y[tr], y[te]
    out = {"seed": args.seed, "features": args.features, "train": tr.tolist(), "test": te.tolist(), "models": {}}
    models = A.make_models(args.seed)
    for name in [m for m in args.models.split(",") if m]:
        model = models[name]
        t0 = time.perf_counter()
        model.fit(Xtr, ytr)
        train_s = time.perf_counter() - t0
        p = model.predict_proba(Xte)[:, 1]
        rec = {"train_s": train_s, **A.metrics(yte, p)}
        if not args.no_timing:
            if name == "RF":
                model.set_params(n_jobs=1)  # the anchor's single-row figure: joblib dispatch off
            rec["latency_ms"], rec["latency_p99_ms"] = A.latency_ms(model, Xte[:1])
            if name == "RF":
                model.set_params(n_jobs=A.N_JOBS)
            rec["rows_per_s"], _ = A.throughput(model, Xte)
        if args.threshold:
            from sklearn.base import clone
            from sklearn.model_selection import StratifiedKFold
            skf = StratifiedKFold(n_splits=5, shuffle=True, random_state=args.seed)
            oof = np.zeros(len(ytr))
            for ftr, fva in skf.split(Xtr, ytr):
                oof[fva] = clone(model).fit(Xtr[ftr], ytr[ftr]).predict_proba(Xtr[fva])[:, 1]
            thr, oof_f1 = A.best_f1_threshold(ytr, oof)
            mt = A.metrics(yte, p, thr)
            rec["tuned"] = {"thr": thr, "oof_f1": oof_f1, **mt}
        out["models"][name] = rec
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main()
