#!/usr/bin/env python3
"""GEMM peer: times numpy float32 matmul (and, when the OpenBLAS library is given, its cblas_sgemm called directly
through ctypes) on the shapes Vigil.Bench's `gemm` subcommand sends, with the same warm-up + median-of-N batches.

usage: gemm_peer.py --shapes JSON [--runs 7] [--min-batch-ms 20] [--openblas /path/to/libopenblas.so.0]
JSON: a list of {name, ta, tb, m, n, k, lda, ldb, ldc, acc}. Prints one JSON document:
{"blas": [loaded BLAS libraries], "numpy": {name: [median, best] seconds per call}, "cblas": {name: [median, best]}}.
Run it with OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1 and the OpenBLAS directory first on LD_LIBRARY_PATH.
"""
import argparse
import ctypes
import json
import time

import numpy as np


def loaded_blas():
    libs = set()
    with open("/proc/self/maps") as f:
        for line in f:
            path = line.split()[-1]
            if "blas" in path.lower():
                libs.add(path)
    return sorted(libs)


def operands(s, rng):
    """Row-major storage exactly as Vigil gets it: A stored [m×k] or [k×m] with leading dimension lda, and so on."""
    a_rows, a_cols = (s["k"], s["m"]) if s["ta"] else (s["m"], s["k"])
    b_rows, b_cols = (s["n"], s["k"]) if s["tb"] else (s["k"], s["n"])
    a_store = rng.standard_normal((a_rows, s["lda"]), dtype=np.float32)
    b_store = rng.standard_normal((b_rows, s["ldb"]), dtype=np.float32)
    c_store = rng.standard_normal((s["m"], s["ldc"]), dtype=np.float32)
    a = a_store[:, :a_cols]
    b = b_store[:, :b_cols]
    return a_store, b_store, c_store, (a.T if s["ta"] else a), (b.T if s["tb"] else b), c_store[:, : s["n"]]


def measure(call, runs, min_batch_s):
    call()
    reps = 1
    while True:
        t0 = time.perf_counter()
        for _ in range(reps):
            call()
        dt = time.perf_counter() - t0
        if dt >= min_batch_s:
            break
        reps *= 2
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        for _ in range(reps):
            call()
        times.append((time.perf_counter() - t0) / reps)
    times.sort()
    return [times[len(times) // 2], times[0]]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--shapes", required=True)
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--min-batch-ms", type=float, default=20.0)
    ap.add_argument("--openblas", default="")
    args = ap.parse_args()
    shapes = json.loads(args.shapes)
    rng = np.random.default_rng(1)
    sgemm = None
    if args.openblas:
        lib = ctypes.CDLL(args.openblas)
        sgemm = lib.cblas_sgemm
        fp = ctypes.POINTER(ctypes.c_float)
        i = ctypes.c_int
        sgemm.argtypes = [i, i, i, i, i, i, ctypes.c_float, fp, i, fp, i, ctypes.c_float, fp, i]
        sgemm.restype = None
    out = {"numpy": {}, "cblas": {}}
    min_batch = args.min_batch_ms / 1000.0
    for s in shapes:
        a_store, b_store, c_store, a, b, c = operands(s, rng)
        if s["acc"]:
            def np_call(a=a, b=b, c=c):
                c += a @ b
        else:
            def np_call(a=a, b=b, c=c):
                np.matmul(a, b, out=c)
        out["numpy"][s["name"]] = measure(np_call, args.runs, min_batch)
        if sgemm is not None:
            fp = ctypes.POINTER(ctypes.c_float)
            pa = a_store.ctypes.data_as(fp)
            pb = b_store.ctypes.data_as(fp)
            pc = c_store.ctypes.data_as(fp)
            # CblasRowMajor = 101, CblasNoTrans = 111, CblasTrans = 112.
            ta = 112 if s["ta"] else 111
            tb = 112 if s["tb"] else 111
            beta = 1.0 if s["acc"] else 0.0
            m, n, k, lda, ldb, ldc = s["m"], s["n"], s["k"], s["lda"], s["ldb"], s["ldc"]

            def blas_call():
                sgemm(101, ta, tb, m, n, k, 1.0, pa, lda, pb, ldb, beta, pc, ldc)
            out["cblas"][s["name"]] = measure(blas_call, args.runs, min_batch)
    out["blas"] = loaded_blas()
    print(json.dumps(out))


if __name__ == "__main__":
    main()
