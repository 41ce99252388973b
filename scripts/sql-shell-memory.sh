#!/usr/bin/env bash
# Peak memory and time of `analytics sql` streaming big results (issue 8): the shell driven through piped stdin writes
# `select * from range(N) t(i), (select 1.5 as x)` to a file with `.mode csv` / `.mode json` and `.output`, for 1M and
# 10M rows side by side, so the ratio of the peaks shows whether memory stays flat; then the one-shot query to stdout
# (csv piped into wc) and table mode (every row counted, 100 shown). Prints Markdown table rows.
# Usage: scripts/sql-shell-memory.sh [pipeline.yaml with a built warehouse, default pipeline.yaml] [repetitions, default 3]
# Needs GNU time (/usr/bin/time, Debian package "time").
set -euo pipefail
cd "$(dirname "$0")/.."
config=$(realpath "${1:-pipeline.yaml}")
repetitions=${2:-3}
work=$(mktemp -d /tmp/sql-shell-memory.XXXXXX)
trap 'rm -rf "$work"' EXIT

dotnet build -c Release pipelines/Analytics.Cli -v q -nologo >/dev/null
cli=pipelines/Analytics.Cli/bin/Release/net10.0/analytics

# Runs "$@" under GNU time; prints "<max RSS in MiB> <wall seconds>".
measure() {
  /usr/bin/time -f '%M %e' -o "$work/time" "$@" >/dev/null 2>"$work/stderr" || { cat "$work/stderr" >&2; exit 1; }
  awk '{ printf "%.0f %s\n", $1 / 1024, $2 }' "$work/time"
}

report() {   # label, then repetitions of "rss wall"; prints the best wall and the highest peak
  local label=$1; shift
  local best_wall=999999 worst_rss=0
  while read -r rss wall; do
    best_wall=$(awk -v a="$best_wall" -v b="$wall" 'BEGIN { print (b < a ? b : a) }')
    worst_rss=$(( rss > worst_rss ? rss : worst_rss ))
  done
  echo "| $label | $best_wall s | $worst_rss MiB |"
}

echo "| run | wall (best of $repetitions) | max RSS (highest of $repetitions) |"
echo "|---|---:|---:|"
measure "$cli" --config "$config" sql "select 1" > /dev/null   # warm-up: page cache, DuckDB's file
for mode in csv json; do
  for rows in 1000000 10000000; do
    out="$work/big.$mode"
    printf '.mode %s\n.output %s\nselect * from range(%s) t(i), (select 1.5 as x);\n' "$mode" "$out" "$rows" > "$work/script.sql"
    runs=$(for _ in $(seq "$repetitions"); do measure "$cli" --config "$config" sql < "$work/script.sql"; done)
    lines=$(wc -l < "$out")
    report "shell, \`.mode $mode\` + \`.output\`, $rows rows ($lines lines, $(du -m "$out" | cut -f1) MiB written)" <<< "$runs"
  done
done

for _ in $(seq "$repetitions"); do
  measure bash -c "'$cli' --config '$config' sql 'select * from range(10000000) t(i), (select 1.5 as x)' --mode csv | wc -c"
done | report "one-shot \`--mode csv\` to stdout (piped into \`wc -c\`), 10,000,000 rows"

for _ in $(seq "$repetitions"); do
  measure "$cli" --config "$config" sql 'select * from range(10000000) t(i), (select 1.5 as x)'
done | report "one-shot table mode, 10,000,000 rows counted, 100 shown"
