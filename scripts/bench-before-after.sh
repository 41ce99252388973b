#!/usr/bin/env bash
# Issue 16's before/after measurement: the same benchmarks run by two builds of this repository, alternating in one
# sitting, so the ratios are free of the machine's drift. "before" is a worktree at the last commit on our own DuckDB
# binding (e.g. `git worktree add /work/before 20ebfc6`), "after" is this checkout. Each side needs a Release build:
#   dotnet build -c Release tests/Analytics.Benchmarks && dotnet build -c Release pipelines/Analytics.Cli
# Measures: landing at scale 41.7, the transform at scale 41.7 (one build of the runner, --runner-only), scoring 1,000,000 rows, and a
# 10,000,000-row `analytics sql --mode csv --output` export; each with the process's wall time and peak resident
# memory (GNU time), and the benchmark's own figures. Prints one line per run.
# Usage: scripts/bench-before-after.sh <before worktree> [rounds, default 2] [pipeline.yaml with a built warehouse and a trained model]
set -euo pipefail
after=$(cd "$(dirname "$0")/.." && pwd)
before=$(cd "$1" && pwd)
rounds=${2:-2}
config=$(realpath "${3:-$after/pipeline.yaml}")
model=$(dirname "$config")/data/models/stalled_deal/current.json
work=${BENCH_WORK:-/tmp/bench-before-after}
mkdir -p "$work"

run() {   # side, label, command...
  local side=$1 label=$2; shift 2
  local log="$work/$side-$label.log"
  /usr/bin/time -f '%M %e' -o "$work/time" "$@" > "$log" 2>&1 || { echo "$side $label FAILED:"; tail -5 "$log"; exit 1; }
  read -r rss wall < "$work/time"
  printf '%-6s %-9s wall %7.1f s  peak %6.0f MiB  | %s\n' "$side" "$label" "$wall" "$((rss / 1024))" \
    "$(grep -E 'rows/s|whole build|read \+ score|median|best' "$log" | tr '\n' ' ' | cut -c1-220)"
}

side() {   # before|after
  local name=$1 root
  root=$([ "$name" = before ] && echo "$before" || echo "$after")
  local bench="$root/tests/Analytics.Benchmarks/bin/Release/net10.0/Analytics.Benchmarks.dll"
  local cli="$root/pipelines/Analytics.Cli/bin/Release/net10.0/analytics"
  cd "$root"   # the benchmarks read pipelines/transforms and write benchmarks-out/ (lake, scratch databases) here
  run "$name" landing dotnet "$bench" landing --scale 41.7
  run "$name" transform dotnet "$bench" transform --scale 41.7 --repeat 1 --runner-only
  run "$name" scoring dotnet "$bench" scoring --repeat 3 --model "$model"
  run "$name" sql-10M "$cli" --config "$config" sql "select * from range(10000000) t(i), (select 1.5 as x)" --mode csv --output "$work/export.csv"
}

echo "machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), $(date -u +%F)"
for round in $(seq 1 "$rounds"); do
  if [ $((round % 2)) -eq 1 ]; then side before; side after; else side after; side before; fi
done
