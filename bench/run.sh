#!/usr/bin/env bash
# Runs one side-by-side benchmark (Release) against its peer in the same run.
# Usage: bench/run.sh [csv-load|ai4i-rf|ai4i-gbdt|ai4i-linear|ai4i-features|scale-rf|gemm|tracking] [options]
#   bench/run.sh csv-load --rows 1000000 --cols 20 --seed 1
#   bench/run.sh ai4i-rf --seeds 5
#   bench/run.sh scale-rf --model gbdt --trees 300
#   bench/run.sh gemm --runs 7
#   bench/run.sh tracking --runs 100000   (SQLite and a throwaway local PostgreSQL; no peer)
#   bench/run.sh serving --duration 15s --reps 3   (gunicorn+Flask peer, vigil server, trivial Kestrel; needs wrk, gunicorn, python3-flask)
# gemm's peer is numpy on a private single-threaded OpenBLAS: Debian's libopenblas0-openmp .deb is downloaded with the
# ordinary apt client and unpacked under ${TMPDIR:-/tmp}/openblas-local (as shared/bench/anchors/run_anchors.sh does);
# the benchmark puts it first on LD_LIBRARY_PATH for the peer process only (VIGIL_OPENBLAS_LIB names the directory).
# The peers need Debian's python3-sklearn, python3-xgboost and python3-pandas, and ../shared beside the repository.
set -euo pipefail
cd "$(dirname "$0")/.."
case "${1:-}" in
  csv-load|ai4i-rf|ai4i-gbdt|ai4i-linear|ai4i-features|scale-rf|gemm|cmapss-nn|tracking|serving) cmd="$1"; shift ;;
  *) cmd="csv-load" ;;
esac
if { [ "$cmd" = gemm ] || [ "$cmd" = cmapss-nn ]; } && [ -z "${VIGIL_OPENBLAS_LIB:-}" ]; then
  ob_dir="${OPENBLAS_DIR:-${TMPDIR:-/tmp}/openblas-local}"
  ob_lib="$ob_dir/root/usr/lib/x86_64-linux-gnu/openblas-openmp"
  if [ ! -e "$ob_lib/libopenblas.so.0" ]; then
    mkdir -p "$ob_dir"
    (cd "$ob_dir" && apt-get download libopenblas0-openmp && dpkg -x libopenblas0-openmp_*.deb root)
  fi
  export VIGIL_OPENBLAS_LIB="$ob_lib"
fi
if [ "$cmd" = serving ]; then dotnet build -c Release src/Vigil.Cli >&2; fi
dotnet run -c Release --project bench/Vigil.Bench -- "$cmd" "$@"
