#!/usr/bin/env bash
# Runs one side-by-side benchmark (Release) against its peer in the same run.
# Usage: bench/run.sh [csv-load|ai4i-rf|ai4i-gbdt|ai4i-linear|ai4i-features|scale-rf] [options]
#   bench/run.sh csv-load --rows 1000000 --cols 20 --seed 1
#   bench/run.sh ai4i-rf --seeds 5
#   bench/run.sh scale-rf --model gbdt --trees 300
# The peers need Debian's python3-sklearn, python3-xgboost and python3-pandas, and ../shared beside the repository.
set -euo pipefail
cd "$(dirname "$0")/.."
case "${1:-}" in
  csv-load|ai4i-rf|ai4i-gbdt|ai4i-linear|ai4i-features|scale-rf) cmd="$1"; shift ;;
  *) cmd="csv-load" ;;
esac
dotnet run -c Release --project bench/Vigil.Bench -- "$cmd" "$@"
