#!/usr/bin/env bash
# Runs the side-by-side benchmarks. Usage: bench/run.sh [csv-load options], e.g. bench/run.sh --rows 1000000 --cols 20 --seed 1
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet run -c Release --project bench/Vigil.Bench -- csv-load "$@"
